//! The window of オン資ナビ is drawn by the Microsoft Edge WebView2 runtime on Windows. Before
//! Tauri starts, [`require_runtime`] asks WebView2's own loader whether a runtime is there (the
//! call Tauri itself uses, [`tauri::webview_version`], i.e.
//! `GetAvailableCoreWebView2BrowserVersionString`: it also finds per-user and fixed-version
//! runtimes that the registry keys miss). When none is found it writes the reason to the log file,
//! shows a message box in Japanese and exits with [`pcinfo::webview2::EXIT_NO_WEBVIEW2`]; what is
//! said is `pcinfo::webview2`'s. Only the loader call and the message box are here
//! (`webview2/win32.rs`).

use std::path::Path;

#[cfg(windows)]
mod win32;

/// Makes sure the WebView2 runtime is there before the window is created. On Windows it returns
/// the runtime's version (for the start-up log line) or, when there is none, reports it (log file,
/// message box) and ends the process with [`pcinfo::webview2::EXIT_NO_WEBVIEW2`]. Elsewhere the web view is a system
/// package the app depends on, so there is nothing to check and it returns `None`.
pub fn require_runtime(data_dir_override: Option<&Path>) -> Option<String> {
    #[cfg(windows)]
    {
        Some(win32::require_runtime(data_dir_override))
    }
    #[cfg(not(windows))]
    {
        let _ = data_dir_override;
        None
    }
}
