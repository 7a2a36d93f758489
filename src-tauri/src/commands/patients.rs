//! 患者台帳: registering the patient whose 基本4情報 was just read, so nobody retypes it.

use chrono::Local;
use store::patients::{PatientInput, PatientSource, RegisterDecision, Registered};
use tauri::State;

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
    Ok(store.register_patient(&input, &actor, chrono::Utc::now(), Local::now().date_naive(), decision).await?)
}
