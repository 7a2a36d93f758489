//! What the app knows about itself: version and folders, for 設定 and support calls.

use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// The app's version and where its files are.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// Version of this build
    pub version: String,
    /// The data folder (database, PDFs)
    pub data_dir: String,
    /// The log folder
    pub log_dir: String,
    /// Why the database could not be opened, if it could not
    pub startup_error: Option<AppError>,
}

/// Version and folders.
#[tauri::command]
#[specta::specta]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        data_dir: state.paths.data_dir.display().to_string(),
        log_dir: state.paths.log_dir.display().to_string(),
        startup_error: state.startup_error().cloned(),
    }
}
