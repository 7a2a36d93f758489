//! The Windows half of the WebView2 check: ask the loader, and when the runtime is missing, log it,
//! say it in a message box and exit. The one place in the host with `unsafe` (the message box).

use std::path::Path;

use windows::Win32::UI::WindowsAndMessaging::{MB_ICONERROR, MB_OK, MB_SETFOREGROUND, MessageBoxW};
use windows::core::PCWSTR;

use pcinfo::webview2::{self as words, EXIT_NO_WEBVIEW2, NO_DIALOG_ENV};

/// Returns the runtime's version, or reports the missing runtime and exits; see
/// [`super::require_runtime`].
pub fn require_runtime(data_dir_override: Option<&Path>) -> String {
    let detail = match tauri::webview_version() {
        Ok(version) if !version.trim().is_empty() => return version,
        Ok(_) => "WebView2 loader returned an empty version".to_owned(),
        Err(e) => format!("GetAvailableCoreWebView2BrowserVersionString: {e}"),
    };
    let line = words::log_line(chrono::Local::now().naive_local(), &detail);
    let log_file = words::startup_log_dir(data_dir_override, dirs::data_local_dir())
        .and_then(|dir| words::append_to_log(&dir, &line).ok());
    // Nobody sees stderr of a GUI program, but a vendor running it from a console does.
    eprint!("{line}");
    if !words::dialog_suppressed(std::env::var_os(NO_DIALOG_ENV).as_deref()) {
        show_error_box(words::dialog_title(), &words::dialog_text(log_file.as_deref()));
    }
    std::process::exit(EXIT_NO_WEBVIEW2);
}

/// Shows a modal error box with an OK button and waits until it is closed. There is no window of
/// ours yet, so it has no owner; MB_SETFOREGROUND keeps it from opening behind Explorer.
#[allow(unsafe_code)]
fn show_error_box(title: &str, text: &str) {
    let title: Vec<u16> = title.encode_utf16().chain(std::iter::once(0)).collect();
    let text: Vec<u16> = text.encode_utf16().chain(std::iter::once(0)).collect();
    // SAFETY: MessageBoxW reads two NUL-terminated UTF-16 strings; both buffers end in 0, are not
    // changed and outlive the call (they are dropped after it returns). No owner window (None) is
    // allowed. The result (which button) is not needed: there is only OK.
    unsafe {
        MessageBoxW(None, PCWSTR(text.as_ptr()), PCWSTR(title.as_ptr()), MB_OK | MB_ICONERROR | MB_SETFOREGROUND);
    }
}
