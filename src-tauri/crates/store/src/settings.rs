//! Small preferences kept as text by key. Known keys are constants here so a typo cannot create a
//! setting nobody reads.

use chrono::{DateTime, Utc};

use crate::audit::{AuditAction, AuditEntity};
use crate::clinic::{FieldIssue, refuse_unacceptable_text};
use crate::{Store, StoreError, audit, timestamp};

/// The name of the staff member using this PC, written in the audit log as who made a change.
pub const STAFF_NAME: &str = "staff_name";

/// How large the text is on every screen (設定 → 文字の大きさ): staff at the counter are often older.
pub const TEXT_SIZE: &str = "text_size";
/// Where the signed program data updates are fetched from (an https address).
pub const UPDATE_ADDRESS: &str = "update_address";

/// How many years 資格情報 records are kept before staff may purge them (設定 → 資格情報の保存期間).
pub const ELIGIBILITY_RETENTION_YEARS: &str = "eligibility_retention_years";

/// The sizes staff can choose; the UI scales every screen from it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    /// 標準
    #[default]
    Standard,
    /// 大
    Large,
    /// 特大
    XLarge,
}

textenum::text_enum!(impl TextSize { Standard => "standard", Large => "large", XLarge => "x_large" });

/// Who is recorded in the audit log when no staff name was set.
pub const DEFAULT_ACTOR: &str = "スタッフ";

const MAX_STAFF_NAME: usize = 50;

/// Checks a staff name as typed (kept as typed, blanks around trimmed; may be empty to clear it).
/// It is written into every audit row and shown in 変更履歴, so line breaks and direction
/// controls are refused here, with the message shown beside the field `staffName`.
pub fn validate_staff_name(raw: &str) -> Result<String, Vec<FieldIssue>> {
    let name = jptext::normalize_text(raw);
    let mut issues = Vec::new();
    if name.chars().count() > MAX_STAFF_NAME {
        issues.push(FieldIssue::new("staffName", format!("スタッフ名は{MAX_STAFF_NAME}文字以内で入力してください")));
    } else {
        refuse_unacceptable_text(&name, "staffName", "スタッフ名", &mut issues);
    }
    if issues.is_empty() { Ok(name) } else { Err(issues) }
}

impl Store {
    /// The value of a setting, or `None` when it was never set.
    pub async fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT value FROM settings WHERE key = ?").bind(key).fetch_optional(self.pool()).await?)
    }

    /// Sets a value and logs the change, in one transaction. The old value is read inside that
    /// transaction: a first value is logged as 登録, a new one as 変更, and saving the same value
    /// again writes nothing (no row in 変更履歴 for a change that did not happen).
    pub async fn set_setting(&self, key: &str, value: &str, actor: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let before: Option<String> =
            sqlx::query_scalar("SELECT value FROM settings WHERE key = ?").bind(key).fetch_optional(&mut *tx).await?;
        if before.as_deref() == Some(value) {
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(key)
        .bind(value)
        .bind(timestamp(now))
        .execute(&mut *tx)
        .await?;
        let action = if before.is_some() { AuditAction::Update } else { AuditAction::Create };
        audit::record(&mut tx, now, actor, action, AuditEntity::Settings, &serde_json::json!({ "key": key })).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Validates and saves the staff name ([`validate_staff_name`]); returns it as stored.
    pub async fn set_staff_name(&self, raw: &str, actor: &str, now: DateTime<Utc>) -> Result<String, StoreError> {
        let name = validate_staff_name(raw).map_err(StoreError::Validation)?;
        self.set_setting(STAFF_NAME, &name, actor, now).await?;
        Ok(name)
    }

    /// The text size chosen in 設定; [`TextSize::Standard`] when none was (or an unknown value was
    /// stored by another version).
    pub async fn text_size(&self) -> Result<TextSize, StoreError> {
        Ok(self.setting(TEXT_SIZE).await?.and_then(|v| TextSize::from_text(&v)).unwrap_or_default())
    }

    /// Saves the text size, with its audit row.
    pub async fn set_text_size(&self, size: TextSize, actor: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.set_setting(TEXT_SIZE, size.as_str(), actor, now).await
    }

    /// Who to record as the author of a change: the staff name from 設定, or [`DEFAULT_ACTOR`].
    pub async fn actor(&self) -> Result<String, StoreError> {
        Ok(self
            .setting(STAFF_NAME)
            .await?
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_ACTOR.to_string()))
    }
}
