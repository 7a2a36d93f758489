//! Official pages open in the system's browser, never inside the app's window. Only addresses
//! from the guide's dated link data can be opened: a page cannot send staff anywhere else. A saved
//! file's folder opens in the system's file manager, only for a file this run of the app wrote.

use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::error::{AppError, AppErrorCode};
use crate::state::AppState;

/// Opens an official page in the system's browser.
#[tauri::command]
#[specta::specta]
pub async fn open_link(app: AppHandle, state: State<'_, AppState>, url: String) -> Result<(), AppError> {
    if !state.knowledge().await.is_official_page(&url) {
        return Err(AppError::new(
            AppErrorCode::UnknownLink,
            "このアドレスはオン資ナビが知っている公式のページではないため、開きません",
        ));
    }
    app.opener()
        .open_url(&url, None::<&str>)
        .map_err(|e| AppError::new(AppErrorCode::Internal, format!("ブラウザーでページを開けませんでした: {e}")))
}

/// Shows a file the app saved (or the 助成金's upload folder) in the system's file manager.
#[tauri::command]
#[specta::specta]
pub async fn show_in_folder(app: AppHandle, path: String) -> Result<(), AppError> {
    let path = screens::files::written_by_us(&path)?;
    if super::files::test_save_dir().is_some() {
        return Ok(());
    }
    app.opener().reveal_item_in_dir(&path).map_err(|e| {
        log::warn!("reveal_item_in_dir: {e}");
        AppError::new(AppErrorCode::Internal, "フォルダを開けませんでした。エクスプローラーから開いてください")
    })
}
