//! The one error shape the UI receives, `{ code, message, fields }`: each crate's error crosses
//! with its code as the plain string the UI's union names, a Japanese message, and the fields of a
//! refused form; and nothing personal reaches the log on the way.

use jptext::FieldIssue;
use onshi_navi_lib::error::{AppError, AppErrorCode};

#[test]
fn serialises_as_code_message_fields() {
    let err = AppError::from(store::StoreError::Validation(vec![FieldIssue {
        field: "postalCode".into(),
        message: "郵便番号は7桁の数字で入力してください".into(),
    }]));
    let json = serde_json::to_value(&err).expect("serialises");
    assert_eq!(json["code"], "Validation");
    assert_eq!(json["message"], "入力内容を確認してください(1 件)");
    assert_eq!(json["fields"][0]["field"], "postalCode");
}

#[test]
fn a_damaged_database_is_explained_in_japanese_with_its_full_path() {
    let path = "C:\\Users\\山田 太郎\\AppData\\Roaming\\jp.onshi-navi\\onshi-navi.sqlite3";
    let err = AppError::from(store::StoreError::Damaged {
        path: std::path::PathBuf::from(path),
        reason: "file is not a database (code: 26)".into(),
    });
    assert_eq!(err.code, "DatabaseDamaged");
    assert!(err.message.contains(path), "{}", err.message);
    assert!(err.message.contains("USBメモリ") && err.message.contains("マイナ資格確認アプリ"), "{}", err.message);
    assert!(!err.message.contains("file is not a database"), "SQLite's English stays in the log");
}

/// Every crate's code crosses as the plain string the UI's union names.
#[test]
fn codes_cross_as_plain_strings() {
    let cases = [
        (AppError::from(card::CardError::WrongPin { tries_left: 2 }), "WrongPin"),
        (AppError::from(store::StoreError::DatabaseTooNew(7)), "DatabaseTooNew"),
        (AppError::from(programs::ProgramsError::UnknownProgram("x".into())), "UnknownProgram"),
        (AppError::new(AppErrorCode::Internal, "x"), "Internal"),
        (AppError::from(screens::Error::UnknownStep("x".into())), "UnknownStep"),
        (AppError::from(screens::Error::RecordGone), "RecordGone"),
        (AppError::new(AppErrorCode::DemoStore, "x"), "DemoStore"),
    ];
    for (err, code) in cases {
        assert_eq!(serde_json::to_value(&err).expect("json")["code"], code);
        assert_eq!(err.code.as_str(), code);
    }
}

#[test]
fn a_newer_database_keeps_its_code() {
    let err = AppError::from(store::StoreError::DatabaseTooNew(7));
    assert_eq!(err.code, "DatabaseTooNew");
    assert!(err.message.contains("最新版"));
    assert!(err.fields.is_empty());
}

/// Every line written to the log, for the test below (the app's real logger writes files).
static LOGGED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata) -> bool {
        true
    }
    fn log(&self, record: &log::Record) {
        if let Ok(mut lines) = LOGGED.lock() {
            lines.push(record.args().to_string());
        }
    }
    fn flush(&self) {}
}

/// The flows that fail with a patient's text in them (a CSV with 𠮷, a refused record, a
/// refused patient, a store failure about a file): staff read the text, the log never holds it.
#[test]
fn nothing_personal_reaches_the_log() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let _ = log::set_boxed_logger(Box::new(Capture));
        log::set_max_level(log::LevelFilter::Trace);
    });
    let marker = "目印𠮷太郎";
    let errors = [
        AppError::from(insurance::InsuranceError::NotInShiftJis { row: 2, text: marker.into() }),
        AppError::from(insurance::InsuranceError::Invalid(vec![insurance::Problem::error(
            "name",
            format!("氏名「{marker}」が患者台帳の「見本 花子」さんと違います"),
        )])),
        AppError::from(store::StoreError::Validation(vec![FieldIssue::new(
            "address",
            format!("住所「{marker}」に使えない文字があります"),
        )])),
        AppError::from(store::StoreError::NotABackup {
            path: std::path::PathBuf::from(format!("C:\\{marker}.sqlite3")),
            reason: "patients.address holds U+202E".into(),
        }),
    ];
    assert!(errors[0].message.contains(marker), "staff see which text: {}", errors[0].message);
    let logged = LOGGED.lock().map(|l| l.join("\n")).unwrap_or_default();
    assert!(logged.contains("NotInShiftJis (row 2)"), "{logged}");
    assert!(logged.contains("NotABackup (patients.address holds U+202E)"), "{logged}");
    assert!(!logged.contains("目印") && !logged.contains('𠮷'), "{logged}");
}
