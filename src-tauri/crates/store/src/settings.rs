//! Small preferences kept as text by key. Known keys are constants here so a typo cannot create a
//! setting nobody reads.

use chrono::{DateTime, Utc};

use crate::audit::{AuditAction, AuditEntity};
use crate::{Store, StoreError, audit, timestamp};

/// The name of the staff member using this PC, written in the audit log as who made a change.
pub const STAFF_NAME: &str = "staff_name";

/// Who is recorded in the audit log when no staff name was set.
pub const DEFAULT_ACTOR: &str = "スタッフ";

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

    /// Who to record as the author of a change: the staff name from 設定, or [`DEFAULT_ACTOR`].
    pub async fn actor(&self) -> Result<String, StoreError> {
        Ok(self
            .setting(STAFF_NAME)
            .await?
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_ACTOR.to_string()))
    }
}
