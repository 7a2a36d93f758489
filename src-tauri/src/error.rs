//! The one error shape the UI receives: `{ code, message, fields }`. Every crate's typed error is
//! turned into it here, so the UI branches on a stable code and shows a Japanese message.

use serde::Serialize;
use specta::Type;
use store::clinic::FieldIssue;

/// An error as the UI sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{code}: {message}")]
pub struct AppError {
    /// Stable code to branch on (`Validation`, `DatabaseOpen`, …)
    pub code: String,
    /// What happened and what to do, in Japanese
    pub message: String,
    /// Per-field problems of a refused form; empty otherwise
    pub fields: Vec<FieldIssue>,
}

impl AppError {
    /// An error with no field detail.
    pub fn new(code: &str, message: impl Into<String>) -> AppError {
        AppError { code: code.to_string(), message: message.into(), fields: Vec::new() }
    }
}

impl From<store::StoreError> for AppError {
    fn from(e: store::StoreError) -> AppError {
        if !matches!(e, store::StoreError::Validation(_)) {
            log::error!("store: {e}");
        }
        AppError { code: e.code().to_string(), message: e.to_string(), fields: e.field_issues().to_vec() }
    }
}

impl From<card::CardError> for AppError {
    fn from(e: card::CardError) -> AppError {
        // Card errors are everyday events at the counter: logged as info, never with a PIN.
        log::info!("card: {}", e.code());
        AppError::new(e.code(), e.to_string())
    }
}

impl From<programs::ProgramsError> for AppError {
    fn from(e: programs::ProgramsError) -> AppError {
        log::error!("programs: {e}");
        AppError::new(e.code(), e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_newer_database_keeps_its_code() {
        let err = AppError::from(store::StoreError::DatabaseTooNew(7));
        assert_eq!(err.code, "DatabaseTooNew");
        assert!(err.message.contains("最新版"));
        assert!(err.fields.is_empty());
    }
}
