//! 設定 → 施術所の情報.

use serde::Serialize;
use specta::Type;
use store::clinic::{self, ClinicProfile, ClinicProfileInput, FieldIssue, SavedProfile};
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

/// Errors and warnings of a form as typed, without saving: the form shows them as the user goes.
#[derive(Clone, Debug, Default, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileCheck {
    /// Problems that block saving
    pub errors: Vec<FieldIssue>,
    /// Advice that does not block saving
    pub warnings: Vec<FieldIssue>,
}

/// Validates without saving.
#[tauri::command]
#[specta::specta]
pub fn check_clinic_profile(input: ClinicProfileInput) -> ProfileCheck {
    match clinic::validate(&input) {
        Ok((_, warnings)) => ProfileCheck { errors: Vec::new(), warnings },
        Err(errors) => ProfileCheck { errors, warnings: Vec::new() },
    }
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
