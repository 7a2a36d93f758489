//! The 助成金's rows as SQLite keeps them, read back into the types the screens get, and the one
//! rule every change goes through first (nothing changes once applied; a change after 準備完了
//! takes the status back).

use super::*;

pub(super) fn to_i32(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

pub(super) fn parse_day(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| StoreError::CorruptData(format!("日付 {text}")))
}

#[derive(sqlx::FromRow)]
pub(super) struct ReceiptRow {
    pub(super) id: i32,
    pub(super) number: String,
    pub(super) seller: String,
    pub(super) issued_on: String,
    pub(super) total_yen: i64,
}

#[derive(sqlx::FromRow)]
pub(super) struct PurchaseRow {
    pub(super) id: i32,
    pub(super) receipt_id: i32,
    pub(super) item: String,
    pub(super) category: String,
    pub(super) maker_model: String,
    pub(super) quantity: i64,
    pub(super) unit_price_yen: i64,
    pub(super) bought_on: String,
}

#[derive(sqlx::FromRow)]
pub(super) struct DocumentRow {
    pub(super) id: i32,
    pub(super) kind: String,
    pub(super) receipt_id: Option<i32>,
    pub(super) file_name: String,
    pub(super) pages: i64,
    pub(super) size_bytes: i64,
    pub(super) added_at: String,
}

#[derive(sqlx::FromRow)]
pub(super) struct ApplicationRow {
    pub(super) applied_before: i64,
    pub(super) passbook_bank: i64,
    pub(super) passbook_branch: i64,
    pub(super) passbook_kind: i64,
    pub(super) passbook_number: i64,
    pub(super) passbook_holder: i64,
    pub(super) status: String,
    pub(super) ready_at: Option<String>,
    pub(super) applied_on: Option<String>,
    pub(super) granted_on: Option<String>,
    pub(super) paid_on: Option<String>,
}

impl PurchaseRow {
    pub(super) fn into_purchase(self) -> Result<Purchase, StoreError> {
        Ok(Purchase {
            id: self.id,
            receipt_id: self.receipt_id,
            item: self.item,
            category: crate::error::from_db(&self.category)?,
            maker_model: self.maker_model,
            quantity: to_i32(self.quantity),
            unit_price_yen: to_i32(self.unit_price_yen),
            bought_on: parse_day(&self.bought_on)?,
        })
    }
}

impl DocumentRow {
    pub(super) fn into_info(self) -> Result<DocumentInfo, StoreError> {
        let kind = crate::error::from_db(&self.kind)?;
        Ok(DocumentInfo {
            id: self.id,
            kind,
            receipt_id: self.receipt_id,
            file_name: self.file_name,
            pages: to_i32(self.pages),
            size_bytes: to_i32(self.size_bytes),
            added_at: self.added_at,
        })
    }
}

pub(super) fn validation(field: &str, message: impl Into<String>) -> StoreError {
    StoreError::Validation(vec![FieldIssue::new(field, message)])
}

/// Before a change to the paperwork of the application the screen works on (returned): refuses it
/// once that application was sent, and takes its 申請準備完了 back to 準備中, since what was
/// declared ready is no longer what is stored. Another application's paperwork is not touched.
pub(super) async fn before_change(
    tx: &mut sqlx::SqliteConnection,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<super::Applicant, StoreError> {
    let applicant = super::applicant::current_in(tx).await?;
    let statuses: Vec<(String, String)> =
        sqlx::query_as("SELECT program_id, status FROM subsidy_application WHERE applicant = ?")
            .bind(applicant.as_str())
            .fetch_all(&mut *tx)
            .await?;
    for (program_id, status) in statuses {
        match ApplicationStatus::from_text(&status) {
            Some(s) if s.is_sent() => {
                return Err(validation(
                    "status",
                    format!("助成金は{}です。申請した後は、書類や購入品を変更・追加できません", s.label()),
                ));
            }
            Some(ApplicationStatus::Ready) => {
                sqlx::query(
                    "UPDATE subsidy_application SET status = 'preparing', ready_at = NULL, updated_at = ?3
                     WHERE program_id = ?1 AND applicant = ?2",
                )
                .bind(&program_id)
                .bind(applicant.as_str())
                .bind(timestamp(now))
                .execute(&mut *tx)
                .await?;
                audit::record(
                    tx,
                    now,
                    actor,
                    AuditAction::Update,
                    AuditEntity::SubsidyApplication,
                    &serde_json::json!({ "program": program_id, "applicant": applicant.as_str(), "status": "preparing" }),
                )
                .await?;
            }
            _ => {}
        }
    }
    Ok(applicant)
}
