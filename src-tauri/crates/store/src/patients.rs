//! The patient register (患者台帳): filled from the card's 基本4情報 when staff press 登録, so
//! nobody retypes it. Two people can share a 氏名 and a 生年月日, so the register never merges them
//! on its own: when such a patient exists, registering writes nothing and asks staff (同じ方ですか?),
//! then takes their [`RegisterDecision`]. Never a 個人番号.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::clinic::{FieldIssue, refuse_unacceptable_text};
use crate::error::from_db;
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

/// The outcome of registering.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Registered {
    /// A new row was added
    Created {
        /// The patient as stored
        patient: Patient,
    },
    /// Staff said "same person": that row's address, sex and source were updated
    Updated {
        /// The patient as stored
        patient: Patient,
    },
    /// Patients with the same 氏名 and 生年月日 are registered: nothing was written; staff must
    /// say whether this is one of them or another person
    NeedsDecision {
        /// The registered patients with that 氏名 and 生年月日, oldest first
        existing: Vec<Patient>,
    },
}

/// What staff answered to 「同じ方ですか?」.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RegisterDecision {
    /// The same person as the registered patient `id`: update that row's address
    SamePerson {
        /// The row the staff chose among [`Registered::NeedsDecision`]'s `existing`
        id: i32,
    },
    /// Another person who shares the 氏名 and 生年月日: add a row
    AnotherPerson,
}

textenum::text_enum!(impl PatientSex {
    Male => "male",
    Female => "female",
    NotApplicable => "not_applicable",
    Unknown => "unknown",
});
textenum::text_enum!(impl PatientSource { Card => "card", Staff => "staff" });

fn validate(input: &PatientInput, today: NaiveDate) -> Result<PatientInput, StoreError> {
    let mut issues = Vec::new();
    // Names and addresses are kept as typed or read from the card: `ー` is a letter here.
    let name = jptext::normalize_text(&input.name);
    let address = jptext::normalize_text(&input.address);
    if name.is_empty() || name.chars().count() > 100 {
        issues.push(FieldIssue::new("name", "氏名は1〜100文字で入力してください"));
    } else {
        refuse_unacceptable_text(&name, "name", "氏名", &mut issues);
    }
    if address.chars().count() > 200 {
        issues.push(FieldIssue::new("address", "住所は200文字以内で入力してください"));
    } else {
        refuse_unacceptable_text(&address, "address", "住所", &mut issues);
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

/// The name as compared when looking for the same person: without spaces of either width.
pub(crate) fn name_key(name: &str) -> String {
    name.chars().filter(|c| *c != ' ' && *c != '\u{3000}').collect()
}

impl Store {
    /// Registers a patient, with its audit row. Without a `decision`, a patient with the same
    /// 氏名 and 生年月日 already registered means [`Registered::NeedsDecision`] and nothing is
    /// written; with one, staff's answer is carried out. The look-up and the write share one
    /// `BEGIN IMMEDIATE` transaction, so the answer applies to the register as it was shown.
    pub async fn register_patient(
        &self,
        input: &PatientInput,
        actor: &str,
        now: DateTime<Utc>,
        today: NaiveDate,
        decision: Option<RegisterDecision>,
    ) -> Result<Registered, StoreError> {
        let p = validate(input, today)?;
        let birth = p.birth_date.format("%Y-%m-%d").to_string();
        let at = timestamp(now);
        let source = p.source.as_str();
        let mut tx = self.write_tx().await?;
        // Names are stored as read or typed; the card may separate 姓 and 名 with a 全角 space where
        // staff typed a half-width one (or none): such names are the same name for this question.
        let same: Vec<PatientRow> = sqlx::query_as(
            "SELECT id, name, address, birth_date, sex, source, updated_at FROM patients
             WHERE REPLACE(REPLACE(name, ' ', ''), '　', '') = ? AND birth_date = ? ORDER BY id",
        )
        .bind(name_key(&p.name))
        .bind(&birth)
        .fetch_all(&mut *tx)
        .await?;
        let stored = |id: i64| -> Result<Patient, StoreError> {
            Ok(Patient {
                id: i32::try_from(id).map_err(|_| StoreError::CorruptData(format!("id {id}")))?,
                name: p.name.clone(),
                address: p.address.clone(),
                birth_date: p.birth_date,
                sex: p.sex,
                source: p.source,
                updated_at: at.clone(),
            })
        };
        match decision {
            None if !same.is_empty() => {
                // Dropping `tx` rolls back: nothing was written.
                let existing = same.into_iter().map(PatientRow::into_patient).collect::<Result<_, _>>()?;
                Ok(Registered::NeedsDecision { existing })
            }
            Some(RegisterDecision::SamePerson { id }) => {
                if !same.iter().any(|row| row.id == i64::from(id)) {
                    return Err(StoreError::PatientChoiceInvalid(id));
                }
                sqlx::query(
                    "UPDATE patients SET name = ?, address = ?, sex = ?, source = ?, updated_at = ? WHERE id = ?",
                )
                .bind(&p.name)
                .bind(&p.address)
                .bind(p.sex.as_str())
                .bind(source)
                .bind(&at)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                audit::record(
                    &mut tx,
                    now,
                    actor,
                    audit::AuditAction::Update,
                    audit::AuditEntity::Patient,
                    &serde_json::json!({ "id": id }),
                )
                .await?;
                tx.commit().await?;
                Ok(Registered::Updated { patient: stored(i64::from(id))? })
            }
            None | Some(RegisterDecision::AnotherPerson) => {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO patients (name, address, birth_date, sex, source, created_at, updated_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                )
                .bind(&p.name)
                .bind(&p.address)
                .bind(&birth)
                .bind(p.sex.as_str())
                .bind(source)
                .bind(&at)
                .bind(&at)
                .fetch_one(&mut *tx)
                .await?;
                // Says in the log that staff knowingly registered a namesake (ids only, no data).
                let detail = if same.is_empty() {
                    serde_json::json!({ "id": id })
                } else {
                    serde_json::json!({ "id": id, "sameNameAs": same.iter().map(|r| r.id).collect::<Vec<_>>() })
                };
                audit::record(&mut tx, now, actor, audit::AuditAction::Create, audit::AuditEntity::Patient, &detail)
                    .await?;
                tx.commit().await?;
                Ok(Registered::Created { patient: stored(id)? })
            }
        }
    }

    /// One patient by id; `None` when there is no such row.
    pub async fn patient(&self, id: i32) -> Result<Option<Patient>, StoreError> {
        let row: Option<PatientRow> =
            sqlx::query_as("SELECT id, name, address, birth_date, sex, source, updated_at FROM patients WHERE id = ?")
                .bind(id)
                .fetch_optional(self.pool())
                .await?;
        row.map(PatientRow::into_patient).transpose()
    }

    /// The 患者台帳 as staff look someone up: by 氏名 (spaces of either width ignored), by the
    /// フリガナ of the patient's 資格情報 records (the card has none), or by 生年月日 typed in 和暦
    /// or 西暦. An empty query lists the patients seen most recently (registered, updated or
    /// given a 資格情報 record), most recent first. Each comes with its latest
    /// 資格情報 date, so staff see at once who has none yet.
    pub async fn find_patients(&self, query: &str, limit: u32) -> Result<Vec<PatientListItem>, StoreError> {
        // The fold staff expect (やまだ finds ヤマダ) is not SQL's: the register of a small clinic
        // is read whole and matched here (see the store bench for its time).
        let key = jptext::search_key(query);
        let birth = jptext::parse_date(query);
        // Each patient with their latest 確認日, record count and フリガナ, the one last registered,
        // updated or given a record first; without a query only the first `limit` are read.
        macro_rules! register {
            ($tail:literal) => {
                concat!(
                    "SELECT p.id, p.name, p.address, p.birth_date, p.sex, p.source, p.updated_at,
                        MAX(r.confirmed_on) AS last_confirmed_on, COUNT(r.id) AS records,
                        COALESCE(GROUP_CONCAT(r.kana, char(10)), '') AS kanas
                     FROM patients p LEFT JOIN eligibility_record r ON r.patient_id = p.id
                     GROUP BY p.id
                     ORDER BY MAX(p.updated_at, COALESCE(MAX(r.created_at), '')) DESC, p.id DESC",
                    $tail
                )
            };
        }
        let rows: Vec<PatientListRow> = if key.is_empty() {
            sqlx::query_as(register!(" LIMIT ?")).bind(limit).fetch_all(self.pool()).await?
        } else {
            sqlx::query_as(register!("")).fetch_all(self.pool()).await?
        };
        let mut found = Vec::new();
        for r in rows {
            if found.len() >= limit as usize {
                break;
            }
            let matches = key.is_empty()
                || birth.is_some_and(|d| d.format("%Y-%m-%d").to_string() == r.patient.birth_date)
                || jptext::search_key(&r.patient.name).contains(&key)
                || r.kanas.lines().any(|kana| jptext::search_key(kana).contains(&key));
            if !matches {
                continue;
            }
            found.push(PatientListItem {
                last_confirmed_on: r
                    .last_confirmed_on
                    .as_deref()
                    .map(|d| {
                        NaiveDate::parse_from_str(d, "%Y-%m-%d")
                            .map_err(|_| StoreError::CorruptData(format!("確認日 {d}")))
                    })
                    .transpose()?,
                records: u32::try_from(r.records).unwrap_or(u32::MAX),
                patient: r.patient.into_patient()?,
            });
        }
        Ok(found)
    }
}

/// A patient as the 患者台帳 lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PatientListItem {
    /// The patient
    pub patient: Patient,
    /// The latest 確認日 of the patient's 資格情報, if any
    pub last_confirmed_on: Option<NaiveDate>,
    /// How many 資格情報 records the patient has
    pub records: u32,
}

#[derive(sqlx::FromRow)]
struct PatientListRow {
    #[sqlx(flatten)]
    patient: PatientRow,
    last_confirmed_on: Option<String>,
    records: i64,
    kanas: String,
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
            sex: from_db(&self.sex)?,
            source: from_db(&self.source)?,
            name: self.name,
            address: self.address,
            updated_at: self.updated_at,
        })
    }
}
