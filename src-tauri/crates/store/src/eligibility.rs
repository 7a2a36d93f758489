//! The 資格情報 staff carry over from the official マイナ資格確認アプリ, typed or pasted, one row per
//! confirmation: the minimum (氏名, フリガナ, 生年月日, 性別, the insurance fields, 確認日), no image,
//! no 個人番号. Saving one logs the check (its method and result) in the same transaction, so the
//! day's log and the record never disagree. The fields are checked by `insurance::fields`.
//!
//! A record entered from a patient's page in the 患者台帳 is linked to that patient: its 氏名,
//! 生年月日 and 性別 are the register's (read from the card), and what staff typed or pasted for
//! them must agree, so one person's insurance never lands on another's record. The patient's
//! history is its linked records, never a namesake's.

use chrono::{DateTime, NaiveDate, Utc};
use insurance::Problem;
use insurance::fields::{Insurance, InsuranceInput, Relation, validate};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::audit::{self, AuditAction, AuditEntity};
use crate::checks::{CheckInput, CheckMethod, CheckResult, CheckSource, insert_check};
use crate::clinic::FieldIssue;
use crate::error::from_db;
use crate::patients::{Patient, PatientSex, name_key};
use crate::settings::ELIGIBILITY_RETENTION_YEARS;
use crate::{Store, StoreError, timestamp};

/// How the 資格情報 reached the app: the UI says which.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Entry {
    /// Typed by staff from the official app's screen
    Typed,
    /// Pasted from text staff copied, confirmed field by field
    Pasted,
}

textenum::text_enum!(impl Entry { Typed => "typed", Pasted => "pasted" });

impl Entry {
    /// As the screen says it.
    pub fn label(self) -> &'static str {
        match self {
            Entry::Typed => "公式アプリの表示から入力",
            Entry::Pasted => "公式アプリからの貼り付け",
        }
    }
}

/// The record as staff confirm it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RecordInput {
    /// 氏名
    pub name: String,
    /// フリガナ
    pub kana: String,
    /// 生年月日 as typed (和暦 or 西暦)
    pub birth_date: String,
    /// 性別 (男 / 女 / empty)
    pub sex: String,
    /// The insurance fields
    pub insurance: InsuranceInput,
    /// How the patient's eligibility was checked (マイナ保険証, 資格確認書, …)
    pub method: CheckMethod,
    /// Typed or pasted
    pub entry: Entry,
    /// The 患者台帳 patient this record is entered for; `None` for a record typed on its own
    pub patient_id: Option<i32>,
}

/// A stored record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EligibilityRecord {
    /// Row id
    pub id: i32,
    /// The check logged with it
    pub check_id: Option<i32>,
    /// The 患者台帳 patient it belongs to
    pub patient_id: Option<i32>,
    /// 氏名
    pub name: String,
    /// フリガナ
    pub kana: String,
    /// 生年月日
    pub birth_date: Option<NaiveDate>,
    /// 性別
    pub sex: String,
    /// The insurance fields as checked
    pub insurance: Insurance,
    /// 確認日
    pub confirmed_on: NaiveDate,
    /// Typed or pasted
    pub entry: Entry,
    /// How the eligibility was checked
    pub method: CheckMethod,
    /// The result logged (Warning when the card's 有効終了日 had passed)
    pub result: CheckResult,
}

/// A saved record with the warnings staff should see (資格なし).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedRecord {
    /// What was stored
    pub record: EligibilityRecord,
    /// Warnings, each on its field
    pub warnings: Vec<Problem>,
}

fn issue(p: &Problem) -> FieldIssue {
    FieldIssue::new(&p.field, p.message.clone())
}

/// 性別 as a record keeps it: the card's 男・女, nothing for the other codes.
fn sex_text(sex: PatientSex) -> &'static str {
    match sex {
        PatientSex::Male => "男",
        PatientSex::Female => "女",
        PatientSex::NotApplicable | PatientSex::Unknown => "",
    }
}

/// The person's fields checked: 氏名 required, 生年月日 readable and not in the future, 性別 one of
/// 男・女 (or empty). For a record entered for a `linked` patient the register's 氏名, 生年月日 and
/// 性別 are kept; what was typed or pasted for them may be left empty but must agree.
fn person(
    input: &RecordInput,
    today: NaiveDate,
    linked: Option<&Patient>,
    problems: &mut Vec<Problem>,
) -> (String, String, Option<NaiveDate>, String) {
    let name = jptext::normalize_text(&input.name);
    if let Some(p) = linked {
        if !name.is_empty() && name_key(&name) != name_key(&p.name) {
            problems.push(Problem::error(
                "name",
                format!(
                    "氏名「{name}」が患者台帳の「{}」さんと違います。別の方の資格情報ではないか確かめてください",
                    p.name
                ),
            ));
        }
    } else if name.is_empty() {
        problems.push(Problem::error("name", "氏名を入力してください"));
    } else if name.chars().count() > 60 {
        problems.push(Problem::error("name", "氏名は60文字以内です"));
    }
    let kana = jptext::normalize_text(&input.kana);
    if kana.chars().count() > 60 {
        problems.push(Problem::error("kana", "フリガナは60文字以内です"));
    }
    // The one guard every free-text field goes through (the store's FieldIssue helper, in this
    // form's Problem shape).
    for (field, label, text) in [("name", "氏名", &name), ("kana", "フリガナ", &kana)] {
        let mut issues = Vec::new();
        if crate::clinic::refuse_unacceptable_text(text, field, label, &mut issues) {
            problems.extend(issues.into_iter().map(|i| Problem::error(&i.field, i.message)));
        }
    }
    let birth = if input.birth_date.trim().is_empty() {
        None
    } else {
        match jptext::parse_date(&input.birth_date) {
            Some(d) if d > today => {
                problems.push(Problem::error("birthDate", "生年月日が今日より後になっています"));
                None
            }
            Some(d) => Some(d),
            None => {
                problems.push(Problem::error(
                    "birthDate",
                    "生年月日が読み取れません。昭和60年1月2日 や 1985-01-02 のように入力してください",
                ));
                None
            }
        }
    };
    let sex = match jptext::normalize_text(&input.sex).as_str() {
        "" => String::new(),
        "男" | "男性" => "男".to_string(),
        "女" | "女性" => "女".to_string(),
        _ => {
            problems.push(Problem::error("sex", "性別は「男」か「女」です(わからなければ空のまま)"));
            String::new()
        }
    };
    let Some(p) = linked else { return (name, kana, birth, sex) };
    if let Some(d) = birth.filter(|d| *d != p.birth_date) {
        problems.push(Problem::error(
            "birthDate",
            format!(
                "生年月日 {} が患者台帳の {} と違います。別の方の資格情報ではないか確かめてください",
                jptext::format_date(d),
                jptext::format_date(p.birth_date)
            ),
        ));
    }
    let registered = sex_text(p.sex);
    if !sex.is_empty() && !registered.is_empty() && sex != registered {
        problems.push(Problem::error("sex", format!("性別「{sex}」が患者台帳の「{registered}」と違います")));
    }
    (p.name.clone(), kana, Some(p.birth_date), registered.to_string())
}

/// A row as stored.
#[derive(sqlx::FromRow)]
struct Row {
    id: i32,
    check_id: Option<i32>,
    patient_id: Option<i32>,
    name: String,
    kana: String,
    birth_date: Option<String>,
    sex: String,
    insurer_number: String,
    symbol: String,
    number: String,
    branch: Option<String>,
    relation: Option<String>,
    burden_percent: Option<i64>,
    acquired_on: Option<String>,
    valid_until: Option<String>,
    confirmed_on: String,
    entry: String,
    method: String,
    result: String,
}

/// The columns every query reads, with the logged check's method and result.
macro_rules! record_query {
    ($where:literal) => {
        concat!(
            "SELECT r.id, r.check_id, r.patient_id, r.name, r.kana, r.birth_date, r.sex, r.insurer_number, r.symbol, r.number,
                r.branch, r.relation, r.burden_percent, r.acquired_on, r.valid_until, r.confirmed_on, r.entry,
                COALESCE(c.method, 'other') AS method, COALESCE(c.result, 'ok') AS result
             FROM eligibility_record r LEFT JOIN eligibility_checks c ON c.id = r.check_id ",
            $where
        )
    };
}

fn day(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| StoreError::CorruptData(format!("日付 {text}")))
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn from_row(r: Row) -> Result<EligibilityRecord, StoreError> {
    let relation = r.relation.as_deref().map(from_db).transpose()?;
    Ok(EligibilityRecord {
        id: r.id,
        check_id: r.check_id,
        patient_id: r.patient_id,
        name: r.name,
        kana: r.kana,
        birth_date: r.birth_date.as_deref().map(day).transpose()?,
        sex: r.sex,
        insurance: Insurance {
            insurer_number: r.insurer_number,
            symbol: r.symbol,
            number: r.number,
            branch: r.branch,
            relation,
            burden_percent: r.burden_percent.and_then(|p| u8::try_from(p).ok()),
            acquired_on: r.acquired_on.as_deref().map(day).transpose()?,
            valid_until: r.valid_until.as_deref().map(day).transpose()?,
        },
        confirmed_on: day(&r.confirmed_on)?,
        entry: from_db(&r.entry)?,
        method: crate::checks::method_from_db(&r.method)?,
        result: from_db(&r.result)?,
    })
}

/// The period kept when staff never chose one: 5 years, as a 施術録 is kept after the treatment
/// ends under the 受領委任 rules, so a record is never purged before the treatment it belongs to
/// could be asked about.
pub const DEFAULT_RETENTION_YEARS: u32 = 5;

/// The periods staff may choose, in years.
pub const RETENTION_YEARS: std::ops::RangeInclusive<u32> = 1..=20;

/// The first day kept when records are kept `years` years: records confirmed before it may go.
pub fn retention_cutoff(today: NaiveDate, years: u32) -> Option<NaiveDate> {
    today.checked_sub_months(chrono::Months::new(years.checked_mul(12)?))
}

/// The retention setting as stored, read: [`DEFAULT_RETENTION_YEARS`] when none was set, or when
/// another version stored something unreadable.
fn retention_years(stored: Option<String>) -> u32 {
    stored.and_then(|v| v.parse().ok()).filter(|y| RETENTION_YEARS.contains(y)).unwrap_or(DEFAULT_RETENTION_YEARS)
}

/// Retention as 設定 shows it: the period kept and what a purge would remove now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetentionState {
    /// Years kept
    pub years: u32,
    /// The first day kept
    pub cutoff: NaiveDate,
    /// Records confirmed before it
    pub count: u32,
}

fn cutoff_for(today: NaiveDate, years: u32) -> Result<NaiveDate, StoreError> {
    retention_cutoff(today, years).ok_or_else(|| StoreError::CorruptData(format!("保存期間 {years} 年")))
}

impl Store {
    /// The retention period staff set, in years (see [`retention_years`]).
    pub async fn eligibility_retention_years(&self) -> Result<u32, StoreError> {
        Ok(retention_years(self.setting(ELIGIBILITY_RETENTION_YEARS).await?))
    }

    /// The period kept on `today` and how many records are older than it (shown before a purge).
    pub async fn eligibility_retention(&self, today: NaiveDate) -> Result<RetentionState, StoreError> {
        let years = self.eligibility_retention_years().await?;
        let cutoff = cutoff_for(today, years)?;
        Ok(RetentionState { years, cutoff, count: self.eligibility_records_before(cutoff).await? })
    }

    /// Deletes the records older than the retention period, as staff were shown it for
    /// `shown_years`: when the setting has changed meanwhile (another window), nothing is removed
    /// ([`StoreError::RetentionChanged`]). The setting is read in the purge's own transaction.
    pub async fn purge_expired_eligibility_records(
        &self,
        shown_years: u32,
        today: NaiveDate,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<u32, StoreError> {
        let mut tx = self.write_tx().await?;
        let stored: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(ELIGIBILITY_RETENTION_YEARS)
            .fetch_optional(&mut *tx)
            .await?;
        let years = retention_years(stored);
        if years != shown_years {
            return Err(StoreError::RetentionChanged(years));
        }
        let gone = purge_before(&mut tx, cutoff_for(today, years)?, actor, now).await?;
        tx.commit().await?;
        Ok(gone)
    }

    /// Keeps the retention period (1 to 20 years), with its audit row; refused beside `years`.
    pub async fn set_eligibility_retention_years(
        &self,
        years: u32,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if !RETENTION_YEARS.contains(&years) {
            return Err(StoreError::Validation(vec![FieldIssue::new(
                "years",
                "資格情報を残す期間は1〜20年で選んでください",
            )]));
        }
        self.set_setting(ELIGIBILITY_RETENTION_YEARS, &years.to_string(), actor, now).await
    }

    /// Saves a confirmed record on `today` and logs its check (method, result: 要注意 when the
    /// 有効終了日 has passed) in one transaction, each with its audit row. Refused with every
    /// problem beside its field (a method `knowledge` does not offer today among them); nothing
    /// is saved then.
    pub async fn save_eligibility_record(
        &self,
        input: &RecordInput,
        today: NaiveDate,
        actor: &str,
        now: DateTime<Utc>,
        knowledge: &guide::Knowledge,
    ) -> Result<SavedRecord, StoreError> {
        let linked = match input.patient_id {
            Some(id) => Some(self.patient(id).await?.ok_or(StoreError::PatientNotFound(id))?),
            None => None,
        };
        let mut problems = Vec::new();
        let (name, kana, birth, sex) = person(input, today, linked.as_ref(), &mut problems);
        let insurance = match validate(&input.insurance, today) {
            Ok((insurance, warnings)) => {
                problems.extend(warnings);
                Some(insurance)
            }
            Err(found) => {
                problems.extend(found);
                None
            }
        };
        let mut errors: Vec<FieldIssue> = problems.iter().filter(|p| !p.warning).map(issue).collect();
        errors.extend(crate::checks::method_refusal(input.method, today, knowledge));
        let Some(insurance) = insurance.filter(|_| errors.is_empty()) else {
            return Err(StoreError::Validation(errors));
        };
        let warnings: Vec<Problem> = problems.into_iter().filter(|p| p.warning).collect();
        let result = if warnings.is_empty() { CheckResult::Ok } else { CheckResult::Warning };
        let at = timestamp(now);
        let mut tx = self.write_tx().await?;
        if let Some(id) = input.patient_id {
            // Removed meanwhile, since it was read above: say so rather than fail on the link.
            let there: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM patients WHERE id = ?").bind(id).fetch_one(&mut *tx).await?;
            if there == 0 {
                return Err(StoreError::PatientNotFound(id));
            }
        }
        let check = CheckInput {
            method: input.method,
            result,
            source: CheckSource::Staff,
            cert_expires_on: None,
            note: String::new(),
        };
        let check_id = insert_check(&mut tx, &check, "", actor, now, today).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO eligibility_record (check_id, patient_id, name, kana, birth_date, sex, insurer_number, symbol, number,
                branch, relation, burden_percent, acquired_on, valid_until, confirmed_on, entry, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(check_id)
        .bind(input.patient_id)
        .bind(&name)
        .bind(&kana)
        .bind(birth.map(iso))
        .bind(&sex)
        .bind(&insurance.insurer_number)
        .bind(&insurance.symbol)
        .bind(&insurance.number)
        .bind(&insurance.branch)
        .bind(insurance.relation.map(Relation::as_str))
        .bind(insurance.burden_percent.map(i64::from))
        .bind(insurance.acquired_on.map(iso))
        .bind(insurance.valid_until.map(iso))
        .bind(iso(today))
        .bind(input.entry.as_str())
        .bind(&at)
        .fetch_one(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            now,
            actor,
            AuditAction::Create,
            AuditEntity::EligibilityRecord,
            &serde_json::json!({ "id": id }),
        )
        .await?;
        tx.commit().await?;
        let id = i32::try_from(id).map_err(|_| StoreError::CorruptData(format!("資格情報 {id}")))?;
        let record =
            self.eligibility_record(id).await?.ok_or_else(|| StoreError::CorruptData(format!("資格情報 {id}")))?;
        Ok(SavedRecord { record, warnings })
    }

    /// The records confirmed on `day`, newest first.
    pub async fn eligibility_records_on(&self, day: NaiveDate) -> Result<Vec<EligibilityRecord>, StoreError> {
        const QUERY: &str = record_query!("WHERE r.confirmed_on = ? ORDER BY r.id DESC");
        let rows: Vec<Row> = sqlx::query_as(QUERY).bind(iso(day)).fetch_all(self.pool()).await?;
        rows.into_iter().map(from_row).collect()
    }

    /// One record by its id; `None` when it is gone (purged).
    pub async fn eligibility_record(&self, id: i32) -> Result<Option<EligibilityRecord>, StoreError> {
        const QUERY: &str = record_query!("WHERE r.id = ?");
        let row: Option<Row> = sqlx::query_as(QUERY).bind(id).fetch_optional(self.pool()).await?;
        row.map(from_row).transpose()
    }

    /// The history shown with `record`: its patient's records when it is linked to the 患者台帳;
    /// for a record typed on its own, the unlinked records of the same 氏名 and 生年月日 (a linked
    /// namesake is another person). Newest first.
    pub async fn eligibility_history(&self, record: &EligibilityRecord) -> Result<Vec<EligibilityRecord>, StoreError> {
        if let Some(patient) = record.patient_id {
            return self.patient_eligibility_records(patient).await;
        }
        const QUERY: &str =
            record_query!("WHERE r.patient_id IS NULL AND r.name = ? AND r.birth_date IS ? ORDER BY r.id DESC");
        let rows: Vec<Row> =
            sqlx::query_as(QUERY).bind(&record.name).bind(record.birth_date.map(iso)).fetch_all(self.pool()).await?;
        rows.into_iter().map(from_row).collect()
    }

    /// A 患者台帳 patient's 資格情報 records, newest first: the record page's history.
    pub async fn patient_eligibility_records(&self, patient: i32) -> Result<Vec<EligibilityRecord>, StoreError> {
        const QUERY: &str = record_query!("WHERE r.patient_id = ? ORDER BY r.confirmed_on DESC, r.id DESC");
        let rows: Vec<Row> = sqlx::query_as(QUERY).bind(patient).fetch_all(self.pool()).await?;
        rows.into_iter().map(from_row).collect()
    }

    /// How many records were confirmed before `cutoff` (shown before purging them).
    pub async fn eligibility_records_before(&self, cutoff: NaiveDate) -> Result<u32, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM eligibility_record WHERE confirmed_on < ?")
            .bind(iso(cutoff))
            .fetch_one(self.pool())
            .await?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Deletes the records confirmed before `cutoff` (the retention period staff set); the checks in
    /// the day's log stay (they hold no personal data). Returns how many went, with one audit row.
    pub async fn purge_eligibility_records(
        &self,
        cutoff: NaiveDate,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<u32, StoreError> {
        let mut tx = self.write_tx().await?;
        let gone = purge_before(&mut tx, cutoff, actor, now).await?;
        tx.commit().await?;
        Ok(gone)
    }
}

/// Deletes the records confirmed before `cutoff` inside the caller's transaction, with one audit
/// row when any went; returns how many.
async fn purge_before(
    conn: &mut sqlx::SqliteConnection,
    cutoff: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<u32, StoreError> {
    let gone = sqlx::query("DELETE FROM eligibility_record WHERE confirmed_on < ?")
        .bind(iso(cutoff))
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if gone > 0 {
        audit::record(
            conn,
            now,
            actor,
            AuditAction::Delete,
            AuditEntity::EligibilityRecord,
            &serde_json::json!({ "before": iso(cutoff), "count": gone }),
        )
        .await?;
    }
    Ok(u32::try_from(gone).unwrap_or(u32::MAX))
}
