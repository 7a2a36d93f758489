//! 患者台帳: registering the patient whose 基本4情報 was just read, so nobody retypes it; looking
//! a patient up; one patient's record with the 資格情報 entered for them (`screens::patients`).

use screens::patients::{PatientList, PatientRecord};
use store::patients::{PatientInput, PatientSource, RegisterDecision, Registered};
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

/// Patients whose 氏名, フリガナ or 生年月日 match `query` (all, most recent first, when empty).
#[tauri::command]
#[specta::specta]
pub async fn find_patients(state: State<'_, AppState>, query: String) -> Result<PatientList, AppError> {
    Ok(screens::patients::find(state.store()?, state.demo_store_if_open(), &query).await?)
}

/// The patient `id` of the clinic's register, or of this run's デモ one.
#[tauri::command]
#[specta::specta]
pub async fn patient_record(state: State<'_, AppState>, id: i32, demo: bool) -> Result<PatientRecord, AppError> {
    let knowledge = state.knowledge().await;
    Ok(screens::patients::record(state.patient_store(demo)?, demo, id, &knowledge, clock::today()).await?)
}
