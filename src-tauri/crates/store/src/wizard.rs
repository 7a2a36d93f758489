//! What the 導入ガイド wizard records: each step's state with its dates, the values staff entered
//! in a step's inputs, and the clinic's terminal accounts (one per terminal, W0000001…). The steps
//! and their inputs are data of the `guide` crate; the store keeps only what the clinic did, so
//! nothing is lost on restart, and writes every change with its audit row in one transaction.
//!
//! A step's inputs arrive here already checked by the caller against the step's input kinds (a
//! date as `YYYY-MM-DD`, a choice by its id): the store does not know the steps. What the store
//! does check is what no input may hold: over-long text and characters no field accepts. A
//! terminal's account id and device are checked here, since only the store keeps them. No
//! password is ever stored: nothing here has a place for one.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::audit::{AuditAction, AuditEntity};
use crate::clinic::{FieldIssue, refuse_unacceptable_text};
use crate::{Store, StoreError, audit, timestamp};

/// How far a step has come. A step with no state is 未着手.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    /// 進行中: staff began it (entered something, or said so)
    InProgress,
    /// 完了
    Done,
}

textenum::text_enum!(impl StepState { InProgress => "in_progress", Done => "done" });

/// A step's state with its dates, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StepRecord {
    /// The guide's step id
    pub step: String,
    /// 進行中 or 完了
    pub state: StepState,
    /// When it was begun (RFC 3339, UTC)
    pub started_at: String,
    /// When it was finished, once 完了
    pub done_at: Option<String>,
    /// When anything of the step last changed: its state or one of its values (where to resume)
    pub touched_at: String,
}

/// A value staff entered in a step's input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StepValue {
    /// The guide's step id
    pub step: String,
    /// The input's key within the step
    pub key: String,
    /// The value, as checked by the caller
    pub value: String,
    /// Last saved (RFC 3339, UTC)
    pub updated_at: String,
}

/// A マイナ資格確認アプリ account, one per terminal, as the portal lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Terminal {
    /// Row id
    pub id: i32,
    /// The account id (`W0000001`)
    pub account: String,
    /// Which device it is (受付のパソコン, 往療用のスマートフォン, …)
    pub device: String,
    /// Staff checked the account's アプリユーザー設定情報 PDF on the portal
    pub settings_pdf_checked: bool,
    /// Last saved (RFC 3339, UTC)
    pub updated_at: String,
}

/// A terminal as staff type it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TerminalInput {
    /// The account id as typed (`w0000001`, `Ｗ０００００01` are accepted)
    pub account: String,
    /// Which device it is
    pub device: String,
    /// The アプリユーザー設定情報 PDF was checked
    pub settings_pdf_checked: bool,
}

/// The longest value a step's input may hold (a reason, a note): longer is a paste gone wrong.
pub const MAX_VALUE_CHARS: usize = 400;
/// The longest device name.
pub const MAX_DEVICE_CHARS: usize = 60;

/// A step's value as the store keeps it: trimmed, and refused when too long or when it holds a
/// character no field accepts. `field` names the input in the message's `{field}`.
pub fn validate_value(field: &str, raw: &str) -> Result<String, Vec<FieldIssue>> {
    let value = jptext::normalize_text(raw);
    let mut issues = Vec::new();
    if value.chars().count() > MAX_VALUE_CHARS {
        issues.push(FieldIssue::new(field, format!("{MAX_VALUE_CHARS}文字以内で入力してください")));
    } else {
        refuse_unacceptable_text(&value, field, "入力", &mut issues);
    }
    if issues.is_empty() { Ok(value) } else { Err(issues) }
}

/// A terminal as stored: the account id as the portal writes it (`W` and 7 digits; full-width and
/// lower case accepted), a device name of at most [`MAX_DEVICE_CHARS`] characters.
pub fn validate_terminal(input: &TerminalInput) -> Result<TerminalInput, Vec<FieldIssue>> {
    let mut issues = Vec::new();
    let folded = jptext::normalize_digits_field(&input.account).to_uppercase();
    let account = folded.replace(['Ｗ', 'ｗ'], "W");
    let valid = account.len() == 8 && account.starts_with('W') && account[1..].bytes().all(|b| b.is_ascii_digit());
    if account.is_empty() {
        issues.push(FieldIssue::new("account", "アカウントID(W0000001 の形)を入力してください"));
    } else if !valid {
        issues.push(FieldIssue::new(
            "account",
            "アカウントIDは W と数字7桁です(例: W0000001)。ポータルの「マイナ資格確認アプリアカウント管理」に表示されます",
        ));
    }
    let device = jptext::normalize_text(&input.device);
    if device.is_empty() {
        issues.push(FieldIssue::new("device", "どの端末か(例: 受付のパソコン)を入力してください"));
    } else if device.chars().count() > MAX_DEVICE_CHARS {
        issues.push(FieldIssue::new("device", format!("端末の名前は{MAX_DEVICE_CHARS}文字以内で入力してください")));
    } else {
        refuse_unacceptable_text(&device, "device", "端末の名前", &mut issues);
    }
    if issues.is_empty() {
        Ok(TerminalInput { account, device, settings_pdf_checked: input.settings_pdf_checked })
    } else {
        Err(issues)
    }
}

#[derive(sqlx::FromRow)]
struct StepRow {
    step: String,
    state: String,
    started_at: String,
    done_at: Option<String>,
    touched_at: String,
}

#[derive(sqlx::FromRow)]
struct TerminalRow {
    id: i32,
    account: String,
    device: String,
    settings_pdf_checked: i64,
    updated_at: String,
}

impl From<TerminalRow> for Terminal {
    fn from(r: TerminalRow) -> Terminal {
        Terminal {
            id: r.id,
            account: r.account,
            device: r.device,
            settings_pdf_checked: r.settings_pdf_checked != 0,
            updated_at: r.updated_at,
        }
    }
}

impl Store {
    /// Every step begun or finished, in the order they were begun. A row with a state this
    /// version does not write is left out (未着手), never an error.
    pub async fn wizard_steps(&self) -> Result<Vec<StepRecord>, StoreError> {
        let rows: Vec<StepRow> =
            sqlx::query_as(
                "SELECT s.step, s.state, s.started_at, s.done_at,
                        max(s.updated_at, coalesce((SELECT max(v.updated_at) FROM wizard_value v WHERE v.step = s.step), '')) AS touched_at
                 FROM wizard_step s ORDER BY s.started_at, s.step",
            )
                .fetch_all(self.pool())
                .await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                Some(StepRecord {
                    state: StepState::from_text(&r.state)?,
                    step: r.step,
                    started_at: r.started_at,
                    done_at: r.done_at,
                    touched_at: r.touched_at,
                })
            })
            .collect())
    }

    /// Sets a step's state (`None`: back to 未着手), with its audit row. Begun keeps its first
    /// date; 完了 records today; nothing that does not change is written or logged. 完了 is
    /// refused, with a message beside each field, while anything blocks it on `today`
    /// ([`guide::answers::blockers`]: a missing answer, a はい/いいえ that says not ready, a date
    /// that disagrees), checked under the write lock so nothing saved meanwhile slips past.
    pub async fn set_wizard_step(
        &self,
        step: &str,
        state: Option<StepState>,
        actor: &str,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        if state == Some(StepState::Done) {
            // Read in this transaction, under the write lock just taken: no answer can change
            // between this check and the write, and no second connection is asked for while
            // this one holds the lock (other writers waiting for it hold theirs).
            let answers = answers_in(&mut tx).await?;
            let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM terminal").fetch_one(&mut *tx).await?;
            let rows = u32::try_from(rows).unwrap_or(u32::MAX);
            let found = guide::answers::blockers(step, &answers, rows, today);
            if !found.is_empty() {
                return Err(StoreError::Validation(
                    found.into_iter().map(|(key, message)| FieldIssue::new(key, message)).collect(),
                ));
            }
        }
        let before: Option<String> = sqlx::query_scalar("SELECT state FROM wizard_step WHERE step = ?")
            .bind(step)
            .fetch_optional(&mut *tx)
            .await?;
        let before = before.as_deref().and_then(StepState::from_text);
        if before == state {
            return Ok(());
        }
        let at = timestamp(now);
        match state {
            None => {
                sqlx::query("DELETE FROM wizard_step WHERE step = ?").bind(step).execute(&mut *tx).await?;
            }
            Some(s) => {
                let done_at = (s == StepState::Done).then_some(at.as_str());
                sqlx::query(
                    "INSERT INTO wizard_step (step, state, started_at, done_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?3)
                     ON CONFLICT (step) DO UPDATE SET state = ?2, done_at = ?4, updated_at = ?3",
                )
                .bind(step)
                .bind(s.as_str())
                .bind(&at)
                .bind(done_at)
                .execute(&mut *tx)
                .await?;
            }
        }
        let action = match state {
            Some(StepState::Done) => AuditAction::Complete,
            Some(StepState::InProgress) if before.is_none() => AuditAction::Start,
            _ => AuditAction::Reopen,
        };
        audit::record(&mut tx, now, actor, action, AuditEntity::SetupProgress, &serde_json::json!({ "step": step }))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The wizard's answers as the guide reads them: every value entered, for the clinic's
    /// practices (設定's 種別), with its 登録記号番号 from 設定 standing for one not typed in step 1.
    pub async fn wizard_answers(&self) -> Result<guide::Answers, StoreError> {
        answers_in(&mut *self.pool().acquire().await?).await
    }

    /// Every value entered in the wizard.
    pub async fn wizard_values(&self) -> Result<Vec<StepValue>, StoreError> {
        Ok(sqlx::query_as::<_, (String, String, String, String)>(
            "SELECT step, key, value, updated_at FROM wizard_value ORDER BY step, key",
        )
        .fetch_all(self.pool())
        .await?
        .into_iter()
        .map(|(step, key, value, updated_at)| StepValue { step, key, value, updated_at })
        .collect())
    }

    /// Saves one input of a step (an empty value removes it) with its audit row; a step with a
    /// value and no state becomes 進行中 in the same transaction. Refused (nothing written) when
    /// [`validate_value`] refuses it; the issue names `key`.
    pub async fn set_wizard_value(
        &self,
        step: &str,
        key: &str,
        raw: &str,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<String>, StoreError> {
        let value = validate_value(key, raw).map_err(StoreError::Validation)?;
        let mut tx = self.write_tx().await?;
        let before: Option<String> = sqlx::query_scalar("SELECT value FROM wizard_value WHERE step = ? AND key = ?")
            .bind(step)
            .bind(key)
            .fetch_optional(&mut *tx)
            .await?;
        if before.as_deref().unwrap_or("") == value {
            return Ok((!value.is_empty()).then_some(value));
        }
        let at = timestamp(now);
        if value.is_empty() {
            sqlx::query("DELETE FROM wizard_value WHERE step = ? AND key = ?")
                .bind(step)
                .bind(key)
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query(
                "INSERT INTO wizard_value (step, key, value, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (step, key) DO UPDATE SET value = ?3, updated_at = ?4",
            )
            .bind(step)
            .bind(key)
            .bind(&value)
            .bind(&at)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO wizard_step (step, state, started_at, updated_at) VALUES (?1, 'in_progress', ?2, ?2)
                 ON CONFLICT (step) DO NOTHING",
            )
            .bind(step)
            .bind(&at)
            .execute(&mut *tx)
            .await?;
        }
        let action = match (&before, value.is_empty()) {
            (None, _) => AuditAction::Create,
            (Some(_), true) => AuditAction::Delete,
            (Some(_), false) => AuditAction::Update,
        };
        // The detail names the input, never its value (a reason may be personal).
        audit::record(
            &mut tx,
            now,
            actor,
            action,
            AuditEntity::SetupRecord,
            &serde_json::json!({ "step": step, "key": key }),
        )
        .await?;
        tx.commit().await?;
        Ok((!value.is_empty()).then_some(value))
    }

    /// The terminal accounts, in the order they were added.
    pub async fn terminals(&self) -> Result<Vec<Terminal>, StoreError> {
        let rows: Vec<TerminalRow> =
            sqlx::query_as("SELECT id, account, device, settings_pdf_checked, updated_at FROM terminal ORDER BY id")
                .fetch_all(self.pool())
                .await?;
        Ok(rows.into_iter().map(Terminal::from).collect())
    }

    /// Adds a terminal (`id` None) or changes one, with its audit row; the first one begins the
    /// guide's step that records them (進行中, audited) in the same transaction. Refused when the
    /// input is not valid, when another row has the same account id, or when `id` is not a row.
    pub async fn save_terminal(
        &self,
        id: Option<i32>,
        input: &TerminalInput,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Terminal, StoreError> {
        let t = validate_terminal(input).map_err(StoreError::Validation)?;
        let mut tx = self.write_tx().await?;
        let clash: Option<i32> = sqlx::query_scalar("SELECT id FROM terminal WHERE account = ? AND id IS NOT ?")
            .bind(&t.account)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        if clash.is_some() {
            return Err(StoreError::Validation(vec![FieldIssue::new(
                "account",
                format!("{} はもう登録されています", t.account),
            )]));
        }
        let at = timestamp(now);
        let (row_id, action) = crate::rows::add_or_change(
            &mut tx,
            id,
            || {
                sqlx::query(
                    "INSERT INTO terminal (account, device, settings_pdf_checked, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                )
                .bind(&t.account)
                .bind(&t.device)
                .bind(t.settings_pdf_checked)
                .bind(&at)
            },
            |row_id| {
                sqlx::query(
                    "UPDATE terminal SET account = ?2, device = ?3, settings_pdf_checked = ?4, updated_at = ?5 WHERE id = ?1",
                )
                .bind(row_id)
                .bind(&t.account)
                .bind(&t.device)
                .bind(t.settings_pdf_checked)
                .bind(&at)
            },
            crate::rows::RowWords { field: "account", full: "端末をこれ以上登録できません", gone: "この端末は削除されています。画面を開き直してください" },
        )
        .await?;
        audit::record(&mut tx, now, actor, action, AuditEntity::Terminal, &serde_json::json!({ "account": t.account }))
            .await?;
        // A first terminal begins the step that records them, as a first answer begins its step.
        if let Some(step) = guide::WIZARD.iter().find(|s| s.rows.is_some()) {
            let begun = sqlx::query(
                "INSERT INTO wizard_step (step, state, started_at, updated_at) VALUES (?1, 'in_progress', ?2, ?2)
                 ON CONFLICT (step) DO NOTHING",
            )
            .bind(step.id)
            .bind(&at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if begun > 0 {
                let detail = serde_json::json!({ "step": step.id });
                audit::record(&mut tx, now, actor, AuditAction::Start, AuditEntity::SetupProgress, &detail).await?;
            }
        }
        tx.commit().await?;
        Ok(Terminal {
            id: row_id,
            account: t.account,
            device: t.device,
            settings_pdf_checked: t.settings_pdf_checked,
            updated_at: at,
        })
    }

    /// Removes a terminal, with its audit row; removing one already gone writes nothing.
    pub async fn delete_terminal(&self, id: i32, actor: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let account: Option<String> = sqlx::query_scalar("DELETE FROM terminal WHERE id = ? RETURNING account")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(account) = account else { return Ok(()) };
        audit::record(
            &mut tx,
            now,
            actor,
            AuditAction::Delete,
            AuditEntity::Terminal,
            &serde_json::json!({ "account": account }),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The wizard's answers as `conn` sees them (the pool's, or a caller's transaction): every value
/// entered, for the clinic's practices, with 設定's 登録記号番号 standing for one not typed.
async fn answers_in(conn: &mut sqlx::SqliteConnection) -> Result<guide::Answers, StoreError> {
    let values: Vec<(String, String, String)> =
        sqlx::query_as("SELECT step, key, value FROM wizard_value ORDER BY step, key").fetch_all(&mut *conn).await?;
    let answers = guide::Answers::new(values);
    Ok(match crate::clinic::profile_in(conn).await? {
        Some(profile) => {
            let numbers = profile.practices();
            let practices: Vec<guide::Practice> = numbers.iter().map(|(p, _)| *p).collect();
            answers.for_clinic(&practices, &numbers)
        }
        None => answers,
    })
}
