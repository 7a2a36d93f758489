//! 患者台帳: registering the patient whose 基本4情報 was just read, so nobody retypes it; looking
//! a patient up; one patient's record with the 資格情報 entered for them.

use serde::Serialize;
use specta::Type;
use store::eligibility::EligibilityRecord;
use store::patients::{Patient, PatientInput, PatientListItem, PatientSource, RegisterDecision, Registered};
use tauri::State;

use crate::clock;
use crate::error::AppError;
use crate::state::AppState;

/// Registers the patient. With no `decision`, a registered patient with the same 氏名 and 生年月日
/// comes back as `needs_decision` (nothing written) so the screen can ask 「同じ方ですか?」; the
/// second call carries the answer. A patient read from a デモ card goes to the デモ database, never
/// to the clinic's 患者台帳.
#[tauri::command]
#[specta::specta]
pub async fn register_patient(
    state: State<'_, AppState>,
    input: PatientInput,
    decision: Option<RegisterDecision>,
) -> Result<Registered, AppError> {
    let (store, _demo) = state.store_for(input.source == PatientSource::Card).await?;
    let actor = store.actor().await?;
    Ok(store.register_patient(&input, &actor, clock::now(), clock::today(), decision).await?)
}

/// How many patients a look-up shows: enough for a day's list, few enough to read.
const LIST_LIMIT: u32 = 100;

/// The 患者台帳 as a look-up shows it: the clinic's patients, and apart from them this run's
/// デモ patients (read from デモ cards, never in the clinic's register).
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PatientList {
    /// The clinic's patients that match, most recently seen first
    pub patients: Vec<PatientListItem>,
    /// This run's デモ patients that match
    pub demo_patients: Vec<PatientListItem>,
    /// True when more matched than are shown
    pub more: bool,
}

/// Patients whose 氏名, フリガナ or 生年月日 match `query` (all, most recent first, when empty).
#[tauri::command]
#[specta::specta]
pub async fn find_patients(state: State<'_, AppState>, query: String) -> Result<PatientList, AppError> {
    let mut patients = state.store()?.find_patients(&query, LIST_LIMIT + 1).await?;
    let more = patients.len() > LIST_LIMIT as usize;
    patients.truncate(LIST_LIMIT as usize);
    let demo_patients = match state.demo_store_if_open() {
        Some(demo) => demo.find_patients(&query, LIST_LIMIT).await?,
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

/// The patient `id` of the clinic's register, or of this run's デモ one.
#[tauri::command]
#[specta::specta]
pub async fn patient_record(state: State<'_, AppState>, id: i32, demo: bool) -> Result<PatientRecord, AppError> {
    let store = state.patient_store(demo)?;
    let patient = store.patient(id).await?.ok_or(store::StoreError::PatientNotFound(id))?;
    Ok(PatientRecord {
        birth_date_text: jptext::format_date(patient.birth_date),
        records: store.patient_eligibility_records(id).await?,
        methods: state.knowledge().await.methods_on(clock::today()).into_iter().cloned().collect(),
        patient,
        demo,
    })
}
