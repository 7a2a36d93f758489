//! The window of オン資ナビ is drawn by the Microsoft Edge WebView2 runtime on Windows. Windows 11
//! has it; an old Windows 10 may not. Without it the window cannot open, and the exe used to end at
//! once with no window, no message and no log: staff saw nothing happen and called for help with
//! nothing to go on.
//!
//! So, before Tauri starts, [`require_runtime`] asks WebView2's own loader whether a runtime is
//! there (the call Tauri itself uses, [`tauri::webview_version`], i.e.
//! `GetAvailableCoreWebView2BrowserVersionString`: it also finds per-user and fixed-version
//! runtimes that the registry keys miss). When none is found it writes the reason to the log file
//! (the file tauri-plugin-log would have used), shows a message box in Japanese that says what is
//! missing and what to do, and exits with [`EXIT_NO_WEBVIEW2`]. オン資ナビ never downloads the
//! runtime itself: clinics' networks are restricted and a program that reaches out is a support
//! call. The wording matches README's WebView2 paragraph and the installer's message.
//!
//! The texts and the log writing are plain functions, tested on every platform; only the loader
//! call and the message box are Windows code (`webview2/win32.rs`).

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};

#[cfg(windows)]
mod win32;

/// The bundle identifier in `tauri.conf.json`. Tauri names the app's folders after it
/// (`%LOCALAPPDATA%\jp.onshi-navi.app\logs`); this check runs before Tauri has read its config,
/// so it needs the name itself. A test keeps the two equal.
pub const APP_IDENTIFIER: &str = "jp.onshi-navi.app";

/// The exit code when the WebView2 runtime is missing: not 0, so scripts and deployment tools see
/// the failure, and apart from the generic 1 so a vendor can tell this cause from the others.
pub const EXIT_NO_WEBVIEW2: i32 = 3;

/// Set to `1` to skip the message box (tests under Wine, unattended checks by an IT vendor): the
/// reason still goes to the log file and the exit code still says it.
pub const NO_DIALOG_ENV: &str = "ONSHI_NAVI_NO_DIALOG";

/// What the runtime is called everywhere the clinic may read about it (README, installer, box).
pub const RUNTIME_NAME: &str = "Microsoft Edge WebView2 ランタイム";

/// Makes sure the WebView2 runtime is there before the window is created. On Windows it returns
/// the runtime's version (for the start-up log line) or, when there is none, reports it (log file,
/// message box) and ends the process with [`EXIT_NO_WEBVIEW2`]. Elsewhere the web view is a system
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

/// The title of the message box: the app's name and that it could not start, so the box reads
/// right even when it appears on its own, with no window behind it.
pub fn dialog_title() -> &'static str {
    "オン資ナビ - 起動できません"
}

/// The text of the message box: what is missing, what to do (the same two ways as README and the
/// installer), that nothing is downloaded by the app, and where the log is (for the clinic's IT
/// contact) when it could be written.
pub fn dialog_text(log_file: Option<&Path>) -> String {
    let mut text = format!(
        "オン資ナビの画面表示には「{RUNTIME_NAME}」が必要ですが、このパソコンには見つかりませんでした。\r\n\r\n\
         Windows Update を実行するか、Microsoft の「Microsoft Edge WebView2」のページ\
         （https://developer.microsoft.com/microsoft-edge/webview2/）から\
         「エバーグリーン ブートストラッパー」を入手してインストールし、オン資ナビをもう一度起動してください。\
         オン資ナビを入れ直す必要はありません。\r\n\r\n\
         オン資ナビが自分で何かをダウンロードすることはありません。"
    );
    if let Some(file) = log_file {
        text.push_str(&format!("\r\n\r\nこの内容は動作ログにも記録しました:\r\n{}", file.display()));
    }
    text
}

/// The line written to the log file, in tauri-plugin-log's format (`[date][time][LEVEL][target]`)
/// so it reads like the rest of the file. `detail` is the loader's own error, for whoever
/// investigates; the Japanese reason comes first, for whoever opens the file at the clinic.
pub fn log_line(now: chrono::NaiveDateTime, detail: &str) -> String {
    format!(
        "{}[ERROR][onshi_navi_lib::webview2] オン資ナビを起動できません: 画面表示に必要な「{RUNTIME_NAME}」が\
         このパソコンに見つかりません（Windows Update か Microsoft のエバーグリーン ブートストラッパーで\
         インストールしてから、もう一度起動してください）。詳細: {detail}\r\n",
        now.format("[%Y-%m-%d][%H:%M:%S]")
    )
}

/// The folder tauri-plugin-log writes to, worked out before Tauri runs: `<data dir>/logs` when
/// `--data-dir`/`ONSHI_NAVI_DATA_DIR` chose the data folder (see [`crate::state::log_dir_for`]),
/// else `<local app data>\jp.onshi-navi.app\logs` as Tauri's `app_log_dir` makes it. `None` when
/// neither is known (then there is no log, only the message box).
pub fn startup_log_dir(data_dir_override: Option<&Path>, local_data_dir: Option<PathBuf>) -> Option<PathBuf> {
    match data_dir_override {
        Some(dir) => Some(crate::state::log_dir_for(dir)),
        None => local_data_dir.map(|dir| dir.join(APP_IDENTIFIER).join("logs")),
    }
}

/// The log file inside `log_dir`: the one tauri-plugin-log appends to, so staff and support find
/// every start-up in one place.
pub fn log_file_in(log_dir: &Path) -> PathBuf {
    log_dir.join(format!("{}.log", crate::LOG_FILE))
}

/// Appends `line` to the log file in `log_dir` (created when missing) and returns the file's path.
pub fn append_to_log(log_dir: &Path, line: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(log_dir)?;
    let file = log_file_in(log_dir);
    let mut out = std::fs::OpenOptions::new().create(true).append(true).open(&file)?;
    out.write_all(line.as_bytes())?;
    Ok(file)
}

/// Whether [`NO_DIALOG_ENV`] asks to skip the message box (`1` or `true`).
pub fn dialog_suppressed(env: Option<&OsStr>) -> bool {
    env.and_then(OsStr::to_str).is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_says_what_is_missing_and_what_to_do() {
        let text = dialog_text(None);
        assert!(text.contains("「Microsoft Edge WebView2 ランタイム」が必要"));
        assert!(text.contains("Windows Update を実行する"));
        assert!(text.contains("「エバーグリーン ブートストラッパー」を入手してインストール"));
        assert!(text.contains("オン資ナビをもう一度起動してください"));
        assert!(text.contains("オン資ナビが自分で何かをダウンロードすることはありません"));
        assert!(!text.contains("動作ログ"), "no log mentioned when none was written");
        // Windows' message box wants CR LF between paragraphs.
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    /// README's WebView2 paragraph and the installer's box tell the clinic the same thing.
    #[test]
    fn wording_matches_readme_and_installer() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
        let nsi = std::fs::read_to_string(root.join("scripts/windows/installer.nsi")).expect("installer.nsi");
        for phrase in [
            RUNTIME_NAME,
            "エバーグリーン ブートストラッパー",
            "https://developer.microsoft.com/microsoft-edge/webview2/",
        ] {
            assert!(dialog_text(None).contains(phrase), "box lacks {phrase}");
            assert!(nsi.contains(phrase), "installer lacks {phrase}");
        }
        for phrase in [
            RUNTIME_NAME,
            "エバーグリーン ブートストラッパー",
            "オン資ナビが自分で何かをダウンロードすることはありません",
        ] {
            assert!(readme.contains(phrase), "README lacks {phrase}");
        }
    }

    #[test]
    fn the_box_names_the_log_file_when_there_is_one() {
        let text = dialog_text(Some(Path::new(r"C:\Users\山田\AppData\Local\jp.onshi-navi.app\logs\onshi-navi.log")));
        assert!(text.ends_with(
            "動作ログにも記録しました:\r\nC:\\Users\\山田\\AppData\\Local\\jp.onshi-navi.app\\logs\\onshi-navi.log"
        ));
    }

    #[test]
    fn log_line_reads_like_the_plugin_s_lines() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(8, 5, 9)).expect("date");
        let line = log_line(now, "HRESULT 0x80070002");
        assert!(line.starts_with("[2026-11-27][08:05:09][ERROR][onshi_navi_lib::webview2] オン資ナビを起動できません"));
        assert!(line.contains("「Microsoft Edge WebView2 ランタイム」"));
        assert!(line.ends_with("詳細: HRESULT 0x80070002\r\n"));
    }

    #[test]
    fn log_dir_is_the_plugin_s() {
        let local = PathBuf::from("C:/Users/a/AppData/Local");
        assert_eq!(startup_log_dir(None, Some(local.clone())), Some(local.join("jp.onshi-navi.app").join("logs")));
        assert_eq!(startup_log_dir(Some(Path::new("/tmp/d")), Some(local)), Some(PathBuf::from("/tmp/d/logs")));
        assert_eq!(startup_log_dir(None, None), None);
        assert_eq!(log_file_in(Path::new("/x")), PathBuf::from("/x/onshi-navi.log"));
    }

    #[test]
    fn identifier_is_tauri_conf_s() {
        let conf =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tauri.conf.json")).expect("conf");
        let json: serde_json::Value = serde_json::from_str(&conf).expect("json");
        assert_eq!(json["identifier"], APP_IDENTIFIER);
    }

    #[test]
    fn append_creates_the_folder_and_keeps_what_was_there() {
        let dir = tempfile::tempdir().expect("tempdir");
        let logs = dir.path().join("データ").join("logs");
        let first = append_to_log(&logs, "one\n").expect("first");
        append_to_log(&logs, "二\n").expect("second");
        assert_eq!(first, logs.join("onshi-navi.log"));
        assert_eq!(std::fs::read_to_string(first).expect("read"), "one\n二\n");
    }

    #[test]
    fn dialog_can_be_skipped_only_on_purpose() {
        assert!(dialog_suppressed(Some(OsStr::new("1"))));
        assert!(dialog_suppressed(Some(OsStr::new("TRUE"))));
        assert!(!dialog_suppressed(Some(OsStr::new("0"))));
        assert!(!dialog_suppressed(Some(OsStr::new(""))));
        assert!(!dialog_suppressed(None));
    }
}
