//! 設定 → 施術所の情報.

use screens::settings::ProfileCheck;
use store::clinic::{ClinicProfile, ClinicProfileInput, SavedProfile};
use tauri::State;

use crate::clock;
use crate::error::AppError;
use crate::state::AppState;

/// The saved profile, or `None` before the first save.
#[tauri::command]
#[specta::specta]
pub async fn get_clinic_profile(state: State<'_, AppState>) -> Result<Option<ClinicProfile>, AppError> {
    Ok(state.store()?.clinic_profile().await?)
}

/// Errors and warnings of the form as typed, without saving.
#[tauri::command]
#[specta::specta]
pub fn check_clinic_profile(input: ClinicProfileInput) -> ProfileCheck {
    screens::settings::check_clinic_profile(&input)
}

/// Validates and saves; nothing is written when anything is refused.
#[tauri::command]
#[specta::specta]
pub async fn save_clinic_profile(
    state: State<'_, AppState>,
    input: ClinicProfileInput,
) -> Result<SavedProfile, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.save_clinic_profile(&input, &actor, clock::now()).await?)
}
