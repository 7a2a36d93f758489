//! The one error shape the UI receives: `{ code, message, fields }`. Every crate's typed error is
//! turned into it here, so the UI branches on a stable code and shows a Japanese message.

use serde::Serialize;
use specta::Type;
use store::clinic::FieldIssue;

/// Every code an error can carry to the UI: each crate's own, and the host's. TypeScript receives
/// the union of all of them as string literals, so the UI's `switch` on a code is checked: a code
/// renamed here fails the UI's type check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(untagged)]
pub enum ErrorCode {
    /// The store's (`Validation`, `DatabaseDamaged`, …)
    Store(store::StoreErrorCode),
    /// The card layer's (`WrongPin`, `CardRemoved`, …)
    Card(card::CardErrorCode),
    /// The program rules' (`UnknownProgram`, …)
    Programs(programs::ProgramsErrorCode),
    /// The paperwork's (`BadPhoto`, …)
    Forms(forms::FormsErrorCode),
    /// The program data updates' (`FeedSignature`, `Unreachable`, …)
    Updates(updates::UpdateErrorCode),
    /// The 資格情報's (`NotInShiftJis`, …)
    Insurance(insurance::InsuranceErrorCode),
    /// The screens' own (`RecordGone`, `BackupFolderNotChosen`, …)
    Screens(screens::ScreensErrorCode),
    /// The host's own
    App(AppErrorCode),
}

textenum::text_enum! {
    /// The host's own error codes.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
    pub enum AppErrorCode {
        /// Something inside the app failed (a task stopped); the message says what
        Internal,
        /// The デモ database could not be prepared
        DemoStore,
        /// An address that is not one of the official pages the app knows
        UnknownLink,
        /// A file could not be read or written where staff chose
        FileAccess,
    }
}

impl ErrorCode {
    /// The code as text.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Store(c) => c.as_str(),
            ErrorCode::Card(c) => c.as_str(),
            ErrorCode::Programs(c) => c.as_str(),
            ErrorCode::Forms(c) => c.as_str(),
            ErrorCode::Updates(c) => c.as_str(),
            ErrorCode::Insurance(c) => c.as_str(),
            ErrorCode::Screens(c) => c.as_str(),
            ErrorCode::App(c) => c.as_str(),
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl From<AppErrorCode> for ErrorCode {
    fn from(c: AppErrorCode) -> ErrorCode {
        ErrorCode::App(c)
    }
}

/// An error as the UI sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{code}: {message}")]
pub struct AppError {
    /// Stable code to branch on (`Validation`, `DatabaseOpen`, …)
    pub code: ErrorCode,
    /// What happened and what to do, in Japanese
    pub message: String,
    /// Per-field problems of a refused form; empty otherwise
    pub fields: Vec<FieldIssue>,
}

impl AppError {
    /// An error with no field detail.
    pub fn new(code: impl Into<ErrorCode>, message: impl Into<String>) -> AppError {
        AppError { code: code.into(), message: message.into(), fields: Vec::new() }
    }
}

impl From<store::StoreError> for AppError {
    fn from(e: store::StoreError) -> AppError {
        if !matches!(e, store::StoreError::Validation(_)) {
            log::error!("store: {}", e.log_line());
        }
        AppError { code: ErrorCode::Store(e.code()), message: e.to_string(), fields: e.field_issues().to_vec() }
    }
}

impl From<screens::Error> for AppError {
    fn from(e: screens::Error) -> AppError {
        match e {
            screens::Error::Store(e) => e.into(),
            screens::Error::Insurance(e) => e.into(),
            screens::Error::Programs(e) => e.into(),
            screens::Error::Forms(e) => e.into(),
            other => {
                let code = other.own_code().map_or(ErrorCode::App(AppErrorCode::Internal), ErrorCode::Screens);
                if !matches!(other, screens::Error::Validation(_)) {
                    log::warn!("screens: {} {}", code.as_str(), other.log_line().unwrap_or_default());
                }
                AppError { code, message: other.to_string(), fields: other.field_issues().to_vec() }
            }
        }
    }
}

impl From<card::CardError> for AppError {
    fn from(e: card::CardError) -> AppError {
        // Card errors are everyday events at the counter: logged as info, never with a PIN.
        log::info!("card: {}", e.code());
        AppError::new(ErrorCode::Card(e.code()), e.to_string())
    }
}

impl From<programs::ProgramsError> for AppError {
    fn from(e: programs::ProgramsError) -> AppError {
        log::error!("programs: {e}");
        AppError::new(ErrorCode::Programs(e.code()), e.to_string())
    }
}

impl From<forms::FormsError> for AppError {
    fn from(e: forms::FormsError) -> AppError {
        log::warn!("forms: {}", e.log_line());
        AppError::new(ErrorCode::Forms(e.code()), e.to_string())
    }
}

impl From<insurance::InsuranceError> for AppError {
    fn from(e: insurance::InsuranceError) -> AppError {
        match e {
            // Field problems are the store's validation shape: the form shows each beside its field.
            insurance::InsuranceError::Invalid(problems) => AppError::from(store::StoreError::Validation(
                problems.iter().map(|p| store::clinic::FieldIssue::new(&p.field, p.message.clone())).collect(),
            )),
            other => {
                log::warn!("insurance: {}", other.log_line());
                AppError::new(ErrorCode::Insurance(other.code()), other.to_string())
            }
        }
    }
}

impl From<updates::UpdateError> for AppError {
    fn from(e: updates::UpdateError) -> AppError {
        log::warn!("updates: {}", e.log_line());
        AppError::new(ErrorCode::Updates(e.code()), e.to_string())
    }
}
