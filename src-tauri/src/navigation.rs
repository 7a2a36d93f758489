//! Where the window may go: only the app's own pages. A link or a script that tries another origin
//! (a phishing page, a `file:` path) is refused by `lib.rs`'s navigation guard; official pages
//! open in the system's browser through `commands::links::open_link`, never in the window.

/// Whether `url` is the app's own page: `tauri://localhost` (Linux, macOS) or the
/// `tauri.localhost` origin WebView2 uses on Windows.
pub fn stays_in_app(url: &tauri::Url) -> bool {
    match (url.scheme(), url.host_str()) {
        ("tauri", Some("localhost")) => true,
        ("http" | "https", Some("tauri.localhost")) => url.port().is_none(),
        _ => false,
    }
}
