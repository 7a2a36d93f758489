//! 患者台帳: looking a patient up (the clinic's register and this run's デモ one, apart), and one
//! patient's page with the 資格情報 entered for them.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use store::Store;
use store::eligibility::EligibilityRecord;
use store::patients::{Patient, PatientListItem};

use crate::Error;

/// How many patients a look-up shows: enough for a day's list, few enough to read.
pub const LIST_LIMIT: u32 = 100;

/// The 患者台帳 as a look-up shows it: the clinic's patients, and apart from them this run's
/// デモ patients (read from デモ cards, never in the clinic's register).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PatientList {
    /// The clinic's patients that match, most recently seen first
    pub patients: Vec<PatientListItem>,
    /// This run's デモ patients that match
    pub demo_patients: Vec<PatientListItem>,
    /// True when more matched than are shown
    pub more: bool,
}

/// Patients whose 氏名, フリガナ or 生年月日 match `query` (all, most recent first, when empty), in
/// the clinic's register and in `demo`, the デモ one when this run has one.
pub async fn find(store: &Store, demo: Option<&Store>, query: &str) -> Result<PatientList, Error> {
    let mut patients = store.find_patients(query, LIST_LIMIT + 1).await?;
    let more = patients.len() > LIST_LIMIT as usize;
    patients.truncate(LIST_LIMIT as usize);
    let demo_patients = match demo {
        Some(demo) => demo.find_patients(query, LIST_LIMIT).await?,
        None => Vec::new(),
    };
    Ok(PatientList { patients, demo_patients, more })
}

/// One patient's page: the register's entry and the 資格情報 entered for them, newest first.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PatientRecord {
    /// The patient
    pub patient: Patient,
    /// True for a デモ patient (kept in the デモ database)
    pub demo: bool,
    /// 生年月日 in 和暦 with 西暦
    pub birth_date_text: String,
    /// The patient's 資格情報 records, newest first
    pub records: Vec<EligibilityRecord>,
    /// The ways a check can be made today, for the 資格情報 form (from the dated data)
    pub methods: Vec<guide::MethodAvailability>,
}

/// Patient `id` of `store` (the clinic's, or the デモ one when `demo`); a patient removed
/// meanwhile is [`store::StoreError::PatientNotFound`].
pub async fn record(
    store: &Store,
    demo: bool,
    id: i32,
    knowledge: &guide::Knowledge,
    today: NaiveDate,
) -> Result<PatientRecord, Error> {
    let patient = store.patient(id).await?.ok_or(store::StoreError::PatientNotFound(id))?;
    Ok(PatientRecord {
        birth_date_text: jptext::format_date(patient.birth_date),
        records: store.patient_eligibility_records(id).await?,
        methods: knowledge.methods_on(today).into_iter().cloned().collect(),
        patient,
        demo,
    })
}
