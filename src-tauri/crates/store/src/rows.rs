//! The two writes every register of the store makes the same way: one row added or changed by
//! id, and one row removed by id, each with its audit row in the caller's transaction. Written
//! once here, so a refusal ("no more rows", "removed meanwhile") and the audit action are the
//! same for terminals, receipts, lines, posters and documents.

use sqlx::Sqlite;

use crate::StoreError;
use crate::audit::{self, AuditAction, AuditEntity};
use crate::clinic::FieldIssue;

/// A query with its values bound, ready to run in the caller's transaction.
pub(crate) type Bound<'q> = sqlx::query::Query<'q, Sqlite, <Sqlite as sqlx::Database>::Arguments>;

/// What a refused add or change says, beside which field.
pub(crate) struct RowWords<'a> {
    /// The form's field the message goes beside
    pub field: &'a str,
    /// Said when the table can take no more rows
    pub full: &'a str,
    /// Said when the row to change was removed meanwhile
    pub gone: &'a str,
}

/// Adds a row (`id` none: `insert` runs) or changes row `id` (`update` runs with it); returns the
/// row's id and the audit action it was. A change of a row that is no longer there is refused.
pub(crate) async fn add_or_change<'q>(
    tx: &mut sqlx::Transaction<'_, Sqlite>,
    id: Option<i32>,
    insert: impl FnOnce() -> Bound<'q>,
    update: impl FnOnce(i32) -> Bound<'q>,
    words: RowWords<'_>,
) -> Result<(i32, AuditAction), StoreError> {
    let refused = |message: &str| StoreError::Validation(vec![FieldIssue::new(words.field, message)]);
    match id {
        None => {
            let row_id = insert().execute(&mut **tx).await?.last_insert_rowid();
            Ok((i32::try_from(row_id).map_err(|_| refused(words.full))?, AuditAction::Create))
        }
        Some(row_id) => {
            if update(row_id).execute(&mut **tx).await?.rows_affected() == 0 {
                return Err(refused(words.gone));
            }
            Ok((row_id, AuditAction::Update))
        }
    }
}

/// Removes row `id` with `delete` (its table's fixed DELETE … WHERE id = ?) and records it as
/// `entity`; a row already gone writes nothing. Returns whether a row went.
pub(crate) async fn remove(
    tx: &mut sqlx::Transaction<'_, Sqlite>,
    delete: &'static str,
    id: i32,
    entity: AuditEntity,
    actor: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, StoreError> {
    if sqlx::query(delete).bind(id).execute(&mut **tx).await?.rows_affected() == 0 {
        return Ok(false);
    }
    audit::record(tx, now, actor, AuditAction::Delete, entity, &serde_json::json!({ "id": id })).await?;
    Ok(true)
}
