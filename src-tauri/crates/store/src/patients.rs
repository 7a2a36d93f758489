//! The patient register (患者台帳): filled from the card's 基本4情報 when staff press 登録, so
//! nobody retypes it; a second read of the same patient updates the address instead of adding a
//! duplicate. Never a 個人番号.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::clinic::{FieldIssue, refuse_forbidden_chars};
use crate::{Store, StoreError, audit, timestamp};

/// 性別 as on the card (ISO 5218).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PatientSex {
    /// 男
    Male,
    /// 女
    Female,
    /// 適用不能
    NotApplicable,
    /// 不明
    Unknown,
}

/// Where the patient's data came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PatientSource {
    /// Read from the My Number card with the patient's PIN
    Card,
    /// Typed by staff
    Staff,
}

/// A patient as registered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PatientInput {
    /// 氏名
    pub name: String,
    /// 住所
    pub address: String,
    /// 生年月日
    pub birth_date: NaiveDate,
    /// 性別
    pub sex: PatientSex,
    /// Where it came from
    pub source: PatientSource,
}

/// A registered patient.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Patient {
    /// Row id
    pub id: i32,
    /// 氏名
    pub name: String,
    /// 住所
    pub address: String,
    /// 生年月日
    pub birth_date: NaiveDate,
    /// 性別
    pub sex: PatientSex,
    /// Where it came from
    pub source: PatientSource,
    /// Last saved (RFC 3339, UTC)
    pub updated_at: String,
}

/// The outcome of registering: a new patient, or the address of a known one updated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Registered {
    /// The patient as stored
    pub patient: Patient,
    /// False when the same 氏名 and 生年月日 were registered before
    pub created: bool,
}

fn sex_db(s: PatientSex) -> &'static str {
    match s {
        PatientSex::Male => "male",
        PatientSex::Female => "female",
        PatientSex::NotApplicable => "not_applicable",
        PatientSex::Unknown => "unknown",
    }
}

fn sex_from_db(t: &str) -> Result<PatientSex, StoreError> {
    match t {
        "male" => Ok(PatientSex::Male),
        "female" => Ok(PatientSex::Female),
        "not_applicable" => Ok(PatientSex::NotApplicable),
        "unknown" => Ok(PatientSex::Unknown),
        other => Err(StoreError::CorruptData(format!("性別 {other}"))),
    }
}

fn validate(input: &PatientInput, today: NaiveDate) -> Result<PatientInput, StoreError> {
    let mut issues = Vec::new();
    // Names and addresses are kept as typed or read from the card: `ー` is a letter here.
    let name = jptext::normalize_text(&input.name);
    let address = jptext::normalize_text(&input.address);
    if name.is_empty() || name.chars().count() > 100 {
        issues.push(FieldIssue::new("name", "氏名は1〜100文字で入力してください"));
    } else {
        refuse_forbidden_chars(&name, "name", "氏名", &mut issues);
    }
    if address.chars().count() > 200 {
        issues.push(FieldIssue::new("address", "住所は200文字以内で入力してください"));
    } else {
        refuse_forbidden_chars(&address, "address", "住所", &mut issues);
    }
    if input.birth_date > today || input.birth_date < NaiveDate::from_ymd_opt(1868, 1, 1).unwrap_or(input.birth_date) {
        issues
            .push(FieldIssue { field: "birthDate".into(), message: "生年月日が正しくありません".into() });
    }
    if issues.is_empty() {
        Ok(PatientInput { name, address, ..input.clone() })
    } else {
        Err(StoreError::Validation(issues))
    }
}

impl Store {
    /// Registers a patient, or updates the address and sex of the one with the same 氏名 and
    /// 生年月日, with its audit row.
    pub async fn register_patient(
        &self,
        input: &PatientInput,
        actor: &str,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Registered, StoreError> {
        let p = validate(input, today)?;
        let birth = p.birth_date.format("%Y-%m-%d").to_string();
        let at = timestamp(now);
        let source = match p.source {
            PatientSource::Card => "card",
            PatientSource::Staff => "staff",
        };
        let mut tx = self.pool().begin().await?;
        let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM patients WHERE name = ? AND birth_date = ?")
            .bind(&p.name)
            .bind(&birth)
            .fetch_optional(&mut *tx)
            .await?;
        let id = match existing {
            Some(id) => {
                sqlx::query("UPDATE patients SET address = ?, sex = ?, source = ?, updated_at = ? WHERE id = ?")
                    .bind(&p.address)
                    .bind(sex_db(p.sex))
                    .bind(source)
                    .bind(&at)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                id
            }
            None => {
                sqlx::query_scalar(
                    "INSERT INTO patients (name, address, birth_date, sex, source, created_at, updated_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                )
                .bind(&p.name)
                .bind(&p.address)
                .bind(&birth)
                .bind(sex_db(p.sex))
                .bind(source)
                .bind(&at)
                .bind(&at)
                .fetch_one(&mut *tx)
                .await?
            }
        };
        let action = if existing.is_some() { "update" } else { "create" };
        audit::record(&mut tx, now, actor, action, "patient", &serde_json::json!({ "id": id })).await?;
        tx.commit().await?;
        Ok(Registered {
            patient: Patient {
                id: i32::try_from(id).map_err(|_| StoreError::CorruptData(format!("id {id}")))?,
                name: p.name,
                address: p.address,
                birth_date: p.birth_date,
                sex: p.sex,
                source: p.source,
                updated_at: at,
            },
            created: existing.is_none(),
        })
    }

    /// The most recently registered or updated patients, newest first.
    pub async fn recent_patients(&self, limit: u32) -> Result<Vec<Patient>, StoreError> {
        let rows: Vec<PatientRow> = sqlx::query_as(
            "SELECT id, name, address, birth_date, sex, source, updated_at FROM patients ORDER BY updated_at DESC, id DESC LIMIT ?",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(PatientRow::into_patient).collect()
    }
}

#[derive(sqlx::FromRow)]
struct PatientRow {
    id: i64,
    name: String,
    address: String,
    birth_date: String,
    sex: String,
    source: String,
    updated_at: String,
}

impl PatientRow {
    fn into_patient(self) -> Result<Patient, StoreError> {
        Ok(Patient {
            id: i32::try_from(self.id).map_err(|_| StoreError::CorruptData(format!("id {}", self.id)))?,
            birth_date: NaiveDate::parse_from_str(&self.birth_date, "%Y-%m-%d")
                .map_err(|_| StoreError::CorruptData(format!("生年月日 {}", self.birth_date)))?,
            sex: sex_from_db(&self.sex)?,
            source: match self.source.as_str() {
                "card" => PatientSource::Card,
                "staff" => PatientSource::Staff,
                other => return Err(StoreError::CorruptData(format!("出どころ {other}"))),
            },
            name: self.name,
            address: self.address,
            updated_at: self.updated_at,
        })
    }
}
