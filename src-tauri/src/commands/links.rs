//! Official pages open in the system's browser, never inside the app's window. Only addresses
//! from the guide's dated link data can be opened: a page cannot send staff anywhere else.

use tauri::AppHandle;
use tauri_plugin_opener::OpenerExt;

use crate::error::{AppError, AppErrorCode};

/// Whether `url` is one of the official pages the app knows.
fn known(url: &str) -> bool {
    guide::links::ALL.iter().any(|l| l.url == url)
}

/// Opens an official page in the system's browser.
#[tauri::command]
#[specta::specta]
pub fn open_link(app: AppHandle, url: String) -> Result<(), AppError> {
    if !known(&url) {
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
        assert!(known(guide::links::PORTAL.url));
        assert!(guide::links::ALL.iter().all(|l| l.url.starts_with("https://")));
        assert!(!known("https://example.com/phishing"));
        assert!(!known("file:///C:/Windows/System32/cmd.exe"));
    }
}
