//! What a use case can refuse, beside what the store refuses.

use store::StoreError;

/// A use case's failure: the store's (validation, a database error, …) or one of its own.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The store refused or failed; its message says what.
    #[error(transparent)]
    Store(#[from] StoreError),

    /// The screen named a guide step the guide does not have (an old screen, or a bug).
    #[error("導入ガイドに「{0}」という手順はありません")]
    UnknownStep(String),

    /// The guide's data in use lacks something a screen needs (a signed update that left it out).
    #[error("導入ガイドのデータに「{0}」がありません。オン資ナビを更新してください")]
    DataIncomplete(String),
}

/// The stable codes of [`Error`]'s own variants (the store's keep theirs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// The store's code
    Store(store::StoreErrorCode),
    /// `UnknownStep`
    UnknownStep,
    /// `DataIncomplete`
    DataIncomplete,
}

impl Error {
    /// The code the UI branches on.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Store(e) => ErrorCode::Store(e.code()),
            Error::UnknownStep(_) => ErrorCode::UnknownStep,
            Error::DataIncomplete(_) => ErrorCode::DataIncomplete,
        }
    }
}
