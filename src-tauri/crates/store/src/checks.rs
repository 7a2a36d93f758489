//! The daily eligibility-check log: what the 毎日の資格確認 screen lists and counts. Rows hold the
//! method, the result, the certificate's expiry and a staff note; never a 個人番号, never a PIN,
//! never a patient's name (the note is free text: the UI asks staff not to type names there).

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::clinic::{FieldIssue, refuse_unacceptable_text};
use crate::error::from_db;
use crate::{Store, StoreError, audit, timestamp};

/// How the patient's eligibility was checked: the guide's, where the dated knowledge says which
/// are offered on a day.
pub use guide::CheckMethod;

/// What staff recorded as the outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CheckResult {
    /// 資格を確認できた
    Ok,
    /// 確認できたが要注意 (certificate expiring, last PIN try, …)
    Warning,
    /// 確認できなかった
    Failed,
}

/// Where the result came from, shown beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CheckSource {
    /// The app read the card itself (certificate and PIN tries)
    CardRead,
    /// Typed by staff from the official app or a card shown
    Staff,
}

/// A stored method, or the corruption it is.
pub(crate) fn method_from_db(text: &str) -> Result<CheckMethod, StoreError> {
    CheckMethod::from_text(text).ok_or_else(|| StoreError::CorruptData(format!("CheckMethod {text}")))
}
textenum::text_enum!(impl CheckResult { Ok => "ok", Warning => "warning", Failed => "failed" });
textenum::text_enum!(impl CheckSource { CardRead => "card_read", Staff => "staff" });

/// A check as staff record it.
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckInput {
    /// How
    pub method: CheckMethod,
    /// Outcome
    pub result: CheckResult,
    /// Where the result came from
    pub source: CheckSource,
    /// The 利用者証明用電子証明書's last valid day, when the app read the card
    pub cert_expires_on: Option<NaiveDate>,
    /// Staff note (no names, no numbers of the patient)
    pub note: String,
}

/// A logged check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckRecord {
    /// Row id
    pub id: i32,
    /// When (RFC 3339, UTC)
    pub checked_at: String,
    /// How
    pub method: CheckMethod,
    /// Outcome
    pub result: CheckResult,
    /// Where the result came from
    pub source: CheckSource,
    /// Certificate's last valid day, if read
    pub cert_expires_on: Option<NaiveDate>,
    /// Staff note
    pub note: String,
}

/// How many checks and how many with a マイナ保険証, and the share in whole percent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckCounts {
    /// Every check logged
    pub total: u32,
    /// Checks with a マイナ保険証
    pub my_number_card: u32,
    /// マイナ保険証 利用率, 0–100 (0 when nothing was logged)
    pub rate_percent: u32,
}

impl CheckCounts {
    fn new(total: i64, card: i64) -> Result<CheckCounts, StoreError> {
        let to_u32 = |n: i64| u32::try_from(n).map_err(|_| StoreError::CorruptData(format!("件数 {n}")));
        let (total, my_number_card) = (to_u32(total)?, to_u32(card)?);
        let rate_percent = if total == 0 {
            0
        } else {
            ((u64::from(my_number_card) * 100 + u64::from(total) / 2) / u64::from(total)) as u32
        };
        Ok(CheckCounts { total, my_number_card, rate_percent })
    }
}

const MAX_NOTE: usize = 200;

/// The method, unless the dated knowledge says it is not offered on `day` (a 保険証 after its
/// transition ended): then the reason, beside the `method` field.
pub(crate) fn method_refusal(method: CheckMethod, day: NaiveDate, knowledge: &guide::Knowledge) -> Option<FieldIssue> {
    let refusal = match knowledge.method(method) {
        Some(entry) => entry.refusal(day),
        None => Some("この確認の方法は選べません".to_string()),
    };
    refusal.map(|message| FieldIssue::new("method", message))
}

/// Writes one check and its audit row inside the caller's transaction (the day's log, and a
/// 資格情報 record saved with its check); `note` already checked. Returns the check's id.
pub(crate) async fn insert_check(
    conn: &mut sqlx::SqliteConnection,
    input: &CheckInput,
    note: &str,
    actor: &str,
    now: DateTime<Utc>,
    local_date: NaiveDate,
) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO eligibility_checks (checked_at, local_date, method, result, source, cert_expires_on, note)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(timestamp(now))
    .bind(local_date.format("%Y-%m-%d").to_string())
    .bind(input.method.as_str())
    .bind(input.result.as_str())
    .bind(input.source.as_str())
    .bind(input.cert_expires_on.map(|d| d.format("%Y-%m-%d").to_string()))
    .bind(note)
    .fetch_one(&mut *conn)
    .await?;
    audit::record(
        conn,
        now,
        actor,
        audit::AuditAction::Create,
        audit::AuditEntity::EligibilityCheck,
        &serde_json::json!({ "id": id }),
    )
    .await?;
    Ok(id)
}

impl Store {
    /// Logs a check on `local_date` (the clinic's day), with its audit row. The note is refused
    /// when it is long or looks like a 12-digit 個人番号; the method when `knowledge` (the dated
    /// data in use) does not offer it that day.
    pub async fn log_check(
        &self,
        input: &CheckInput,
        actor: &str,
        now: DateTime<Utc>,
        local_date: NaiveDate,
        knowledge: &guide::Knowledge,
    ) -> Result<CheckRecord, StoreError> {
        if let Some(issue) = method_refusal(input.method, local_date, knowledge) {
            return Err(StoreError::Validation(vec![issue]));
        }
        // Kept as typed; the one 個人番号 guard sees through widths and separators.
        let note = jptext::normalize_text(&input.note);
        if note.chars().count() > MAX_NOTE {
            return Err(StoreError::Validation(vec![FieldIssue {
                field: "note".into(),
                message: format!("メモは{MAX_NOTE}文字以内で入力してください"),
            }]));
        }
        let mut issues = Vec::new();
        if refuse_unacceptable_text(&note, "note", "メモ", &mut issues) {
            return Err(StoreError::Validation(issues));
        }
        let mut tx = self.pool().begin().await?;
        let id = insert_check(&mut tx, input, &note, actor, now, local_date).await?;
        tx.commit().await?;
        Ok(CheckRecord {
            id: i32::try_from(id).map_err(|_| StoreError::CorruptData(format!("id {id}")))?,
            checked_at: timestamp(now),
            method: input.method,
            result: input.result,
            source: input.source,
            cert_expires_on: input.cert_expires_on,
            note,
        })
    }

    /// The checks logged on `day`, newest first.
    pub async fn checks_on(&self, day: NaiveDate) -> Result<Vec<CheckRecord>, StoreError> {
        let rows: Vec<CheckRow> = sqlx::query_as(
            "SELECT id, checked_at, method, result, source, cert_expires_on, note
             FROM eligibility_checks WHERE local_date = ? ORDER BY id DESC",
        )
        .bind(day.format("%Y-%m-%d").to_string())
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(CheckRow::into_record).collect()
    }

    /// The counts for checks whose local date is `day`.
    pub async fn check_counts_on(&self, day: NaiveDate) -> Result<CheckCounts, StoreError> {
        self.check_counts_between(day, day).await
    }

    /// The counts for the calendar month that contains `day` (the monthly 利用率).
    pub async fn check_counts_in_month(&self, day: NaiveDate) -> Result<CheckCounts, StoreError> {
        let first = day.with_day(1).unwrap_or(day);
        let last = first.checked_add_months(chrono::Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(day);
        self.check_counts_between(first, last).await
    }

    /// The counts for checks from `first` to `last`, both included.
    pub async fn check_counts_between(&self, first: NaiveDate, last: NaiveDate) -> Result<CheckCounts, StoreError> {
        let (total, card): (i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), COALESCE(SUM(method = 'my_number_card'), 0)
             FROM eligibility_checks WHERE local_date BETWEEN ? AND ?",
        )
        .bind(first.format("%Y-%m-%d").to_string())
        .bind(last.format("%Y-%m-%d").to_string())
        .fetch_one(self.pool())
        .await?;
        CheckCounts::new(total, card)
    }
}

#[derive(sqlx::FromRow)]
struct CheckRow {
    id: i64,
    checked_at: String,
    method: String,
    result: String,
    source: String,
    cert_expires_on: Option<String>,
    note: String,
}

impl CheckRow {
    fn into_record(self) -> Result<CheckRecord, StoreError> {
        Ok(CheckRecord {
            id: i32::try_from(self.id).map_err(|_| StoreError::CorruptData(format!("id {}", self.id)))?,
            checked_at: self.checked_at,
            method: method_from_db(&self.method)?,
            result: from_db(&self.result)?,
            source: from_db(&self.source)?,
            cert_expires_on: self
                .cert_expires_on
                .map(|c| {
                    NaiveDate::parse_from_str(&c, "%Y-%m-%d").map_err(|_| StoreError::CorruptData(format!("日付 {c}")))
                })
                .transpose()?,
            note: self.note,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_round_to_whole_percent() {
        assert_eq!(CheckCounts::new(0, 0).expect("ok").rate_percent, 0);
        assert_eq!(CheckCounts::new(3, 1).expect("ok").rate_percent, 33);
        assert_eq!(CheckCounts::new(3, 2).expect("ok").rate_percent, 67);
        assert_eq!(CheckCounts::new(4, 4).expect("ok").rate_percent, 100);
    }
}

#[cfg(test)]
mod migration_tests {
    use std::str::FromStr;

    use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

    /// The rebuild that let a check be made with a 資格情報のお知らせ keeps every check and every
    /// 資格情報 record's link to its check (foreign keys are off only while the table is swapped).
    #[tokio::test]
    async fn the_method_rebuild_keeps_checks_and_their_records_links() {
        let dir = tempfile::tempdir().expect("tempdir");
        let options = SqliteConnectOptions::from_str("sqlite:")
            .expect("options")
            .filename(dir.path().join("before.sqlite3"))
            .create_if_missing(true)
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await.expect("pool");
        crate::MIGRATOR.run_to(20261208000001, &pool).await.expect("the migrations before it");
        sqlx::query(
            "INSERT INTO eligibility_checks (id, checked_at, local_date, method, result, note, source)
             VALUES (7, '2026-12-01T01:00:00Z', '2026-12-01', 'insurance_card', 'ok', 'メモ', 'staff')",
        )
        .execute(&pool)
        .await
        .expect("a check");
        sqlx::query(
            "INSERT INTO eligibility_record (check_id, name, insurer_number, number, confirmed_on, entry, created_at)
             VALUES (7, '見本 花子', '06130012', '1234', '2026-12-01', 'typed', '2026-12-01T01:00:00Z')",
        )
        .execute(&pool)
        .await
        .expect("its record");
        crate::MIGRATOR.run(&pool).await.expect("the rebuild");
        let (method, note): (String, String) =
            sqlx::query_as("SELECT method, note FROM eligibility_checks WHERE id = 7")
                .fetch_one(&pool)
                .await
                .expect("kept");
        assert_eq!((method.as_str(), note.as_str()), ("insurance_card", "メモ"));
        let link: Option<i64> =
            sqlx::query_scalar("SELECT check_id FROM eligibility_record").fetch_one(&pool).await.expect("record");
        assert_eq!(link, Some(7), "the record still points at its check");
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(&pool).await.expect("pragma");
        assert_eq!(fk, 1, "foreign keys are on again");
        sqlx::query(
            "INSERT INTO eligibility_checks (checked_at, local_date, method, result, source)
             VALUES ('2026-12-06T01:00:00Z', '2026-12-06', 'my_number_card_with_notice', 'ok', 'staff')",
        )
        .execute(&pool)
        .await
        .expect("the new method is allowed");
        let bad = sqlx::query(
            "INSERT INTO eligibility_checks (checked_at, local_date, method, result, source)
             VALUES ('2026-12-06T01:00:00Z', '2026-12-06', 'fax', 'ok', 'staff')",
        )
        .execute(&pool)
        .await;
        assert!(bad.is_err(), "the CHECK still holds");
    }
}
