//! The WebView2 check's words and log, tested on every platform: the message box's text, the log
//! line and where it goes, and the switch that keeps the box from showing in tests.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use pcinfo::webview2::*;

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
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
    let nsi = std::fs::read_to_string(root.join("scripts/windows/installer.nsi")).expect("installer.nsi");
    for phrase in
        [RUNTIME_NAME, "エバーグリーン ブートストラッパー", "https://developer.microsoft.com/microsoft-edge/webview2/"]
    {
        assert!(dialog_text(None).contains(phrase), "box lacks {phrase}");
        assert!(nsi.contains(phrase), "installer lacks {phrase}");
    }
    for phrase in
        [RUNTIME_NAME, "エバーグリーン ブートストラッパー", "オン資ナビが自分で何かをダウンロードすることはありません"]
    {
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
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tauri.conf.json")).expect("conf");
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
