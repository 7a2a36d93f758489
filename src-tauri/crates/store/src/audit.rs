//! The audit log: who changed what when. Rows are only ever appended, in the same transaction as
//! the change they describe.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::SqliteConnection;

use crate::{Store, StoreError, timestamp};

/// One change, as shown in 設定 → 変更履歴.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    /// Row id, increasing with time
    pub id: i32,
    /// When (RFC 3339, UTC)
    pub at: String,
    /// Who: the staff name set in 設定, or `system`
    pub actor: String,
    /// `create`, `update`, `delete`, …
    pub action: String,
    /// What was changed (`clinic_profile`, `settings`, …)
    pub entity: String,
    /// JSON with the names of the changed fields; never a patient's data
    pub detail: String,
}

/// Appends one row inside the caller's transaction.
pub(crate) async fn record(
    conn: &mut SqliteConnection,
    at: DateTime<Utc>,
    actor: &str,
    action: &str,
    entity: &str,
    detail: &serde_json::Value,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO audit_log (at, actor, action, entity, detail) VALUES (?, ?, ?, ?, ?)")
        .bind(timestamp(at))
        .bind(actor)
        .bind(action)
        .bind(entity)
        .bind(detail.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

impl Store {
    /// The newest `limit` changes, newest first.
    pub async fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        Ok(sqlx::query_as("SELECT id, at, actor, action, entity, detail FROM audit_log ORDER BY id DESC LIMIT ?")
            .bind(limit)
            .fetch_all(self.pool())
            .await?)
    }
}
