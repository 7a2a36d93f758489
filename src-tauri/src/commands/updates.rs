//! Program data updates: where they come from (設定), fetching now, and what is in use. The
//! automatic check at start (at most daily) is in `lib.rs`; the checks themselves in `updates`.

use store::settings::UPDATE_ADDRESS;
use tauri::State;

use crate::clock;
use crate::error::AppError;
use crate::state::AppState;

/// The data in use, the last fetch and a newer app version, if announced.
#[tauri::command]
#[specta::specta]
pub async fn program_data_status(state: State<'_, AppState>) -> Result<updates::DataStatus, AppError> {
    Ok(state.programs().await.status(env!("CARGO_PKG_VERSION"), clock::today()))
}

/// Fetches the signed program data now, from the address in 設定. Returns what came of it (更新
/// しました / 最新です); any failure keeps the data in use and says why.
#[tauri::command]
#[specta::specta]
pub async fn check_program_updates(state: State<'_, AppState>) -> Result<updates::DataStatus, AppError> {
    let address = address(&state).await?;
    fetch(&state, &address).await?;
    Ok(state.programs().await.status(env!("CARGO_PKG_VERSION"), clock::today()))
}

/// One fetch with the system's proxy and certificates.
pub(crate) async fn fetch(state: &AppState, address: &str) -> Result<String, AppError> {
    let client = netcheck::client(updates::TIMEOUT)
        .map_err(|e| AppError::from(updates::UpdateError::Unreachable(e.to_string())))?;
    Ok(state.programs().await.fetch(&client, address, clock::now()).await?)
}

/// The address updates come from: set in 設定, or the one the release was built with.
pub(crate) async fn address(state: &AppState) -> Result<String, AppError> {
    let set = state.store()?.setting(UPDATE_ADDRESS).await?;
    Ok(updates::effective_address(set, updates::BUILT_IN_ADDRESS))
}

/// The update address in use ("" when none): 設定's, or the release's built-in one.
#[tauri::command]
#[specta::specta]
pub async fn get_update_address(state: State<'_, AppState>) -> Result<String, AppError> {
    address(&state).await
}

/// Sets the update address: an https address, or empty for none.
#[tauri::command]
#[specta::specta]
pub async fn set_update_address(state: State<'_, AppState>, address: String) -> Result<String, AppError> {
    Ok(screens::settings::set_update_address(state.store()?, &address, clock::now()).await?)
}
