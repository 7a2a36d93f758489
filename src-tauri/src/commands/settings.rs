//! 設定 → スタッフ名, 文字の大きさ and 変更履歴.

use store::audit::AuditEntry;
use store::settings::{STAFF_NAME, TextSize};
use tauri::State;

use crate::clock;
use crate::error::AppError;
use crate::state::AppState;

/// The staff name recorded as the author of changes ("" when none is set).
#[tauri::command]
#[specta::specta]
pub async fn get_staff_name(state: State<'_, AppState>) -> Result<String, AppError> {
    Ok(state.store()?.setting(STAFF_NAME).await?.unwrap_or_default())
}

/// Sets the staff name (kept as typed; refused with a message for the field `staffName`).
#[tauri::command]
#[specta::specta]
pub async fn set_staff_name(state: State<'_, AppState>, name: String) -> Result<String, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.set_staff_name(&name, &actor, clock::now()).await?)
}

/// The text size chosen in 設定 (every screen applies it at start).
#[tauri::command]
#[specta::specta]
pub async fn get_text_size(state: State<'_, AppState>) -> Result<TextSize, AppError> {
    Ok(state.store()?.text_size().await?)
}

/// Saves the text size.
#[tauri::command]
#[specta::specta]
pub async fn set_text_size(state: State<'_, AppState>, size: TextSize) -> Result<(), AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.set_text_size(size, &actor, clock::now()).await?)
}

/// The newest changes, newest first (at most 200), worded in Japanese by the store; a 導入ガイド
/// step is named by its title from the guide.
#[tauri::command]
#[specta::specta]
pub async fn audit_log(state: State<'_, AppState>, limit: u32) -> Result<Vec<AuditEntry>, AppError> {
    Ok(state.store()?.audit_log(limit.min(200), |id| guide::title_for_log(id).map(str::to_string)).await?)
}
