//! What the window needs from this PC and it may lack: the Microsoft Edge WebView2 runtime, which
//! draws the window on Windows (Windows 11 has it; an old Windows 10 may not). Without it the exe
//! used to end at once with no window, no message and no log. The host asks WebView2's loader
//! before Tauri starts; what is then said, to staff (a message box) and in the log, is here, plain
//! functions tested on every platform. The wording matches README's WebView2 paragraph and the
//! installer's message; オン資ナビ never downloads the runtime itself (clinics' networks are
//! restricted, and a program that reaches out is a support call).

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};

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

/// The log file's name without `.log`: the one the host's log plugin writes, and where a start
/// that fails before the plugin runs writes too, so every start-up is in one place.
pub const LOG_FILE: &str = "onshi-navi";

/// The log folder that goes with a data folder chosen with `--data-dir` or `ONSHI_NAVI_DATA_DIR`.
pub fn log_dir_for(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
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
/// `--data-dir`/`ONSHI_NAVI_DATA_DIR` chose the data folder (see [`log_dir_for`]),
/// else `<local app data>\jp.onshi-navi.app\logs` as Tauri's `app_log_dir` makes it. `None` when
/// neither is known (then there is no log, only the message box).
pub fn startup_log_dir(data_dir_override: Option<&Path>, local_data_dir: Option<PathBuf>) -> Option<PathBuf> {
    match data_dir_override {
        Some(dir) => Some(log_dir_for(dir)),
        None => local_data_dir.map(|dir| dir.join(APP_IDENTIFIER).join("logs")),
    }
}

/// The log file inside `log_dir`: the one tauri-plugin-log appends to, so staff and support find
/// every start-up in one place.
pub fn log_file_in(log_dir: &Path) -> PathBuf {
    log_dir.join(format!("{LOG_FILE}.log"))
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
