//! Official pages open in the system's browser, never inside the app's window. Only addresses
//! from the guide's dated link data can be opened: a page cannot send staff anywhere else.

use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::error::{AppError, AppErrorCode};
use crate::state::AppState;

/// Whether `url` is one of the official pages the dated knowledge in use lists.
fn known(url: &str, knowledge: &guide::Knowledge) -> bool {
    knowledge.links.iter().any(|l| l.url == url)
}

/// Opens an official page in the system's browser.
#[tauri::command]
#[specta::specta]
pub async fn open_link(app: AppHandle, state: State<'_, AppState>, url: String) -> Result<(), AppError> {
    if !known(&url, &state.knowledge().await) {
        return Err(AppError::new(
            AppErrorCode::UnknownLink,
            "このアドレスはオン資ナビが知っている公式のページではないため、開きません",
        ));
    }
    app.opener()
        .open_url(&url, None::<&str>)
        .map_err(|e| AppError::new(AppErrorCode::Internal, format!("ブラウザーでページを開けませんでした: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_guides_official_pages_are_known() {
        let k = &*guide::BUNDLED;
        assert!(known("https://iryohokenjyoho.service-now.com/omf", k));
        assert!(!known("https://example.com/phishing", k));
        assert!(!known("file:///C:/Windows/System32/cmd.exe", k));
    }
}
