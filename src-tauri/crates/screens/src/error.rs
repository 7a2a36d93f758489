//! What a use case can refuse, beside what the store and the 資格情報's rules refuse: each with a
//! code of its own meaning, so the UI never has to guess which "not ready" it got.

use store::StoreError;

/// A use case's failure: the store's or the 資格情報's (their codes kept), or one of its own.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The store refused or failed; its message says what.
    #[error(transparent)]
    Store(#[from] StoreError),

    /// The 資格情報's rules refused (a character Shift_JIS cannot hold, …).
    #[error(transparent)]
    Insurance(#[from] insurance::InsuranceError),

    /// What staff typed was refused; each issue names its field. Nothing was written.
    #[error("入力内容を確認してください({} 件)", .0.len())]
    Validation(Vec<jptext::FieldIssue>),

    /// The program rules refused (an unknown program, nothing to claim).
    #[error(transparent)]
    Programs(#[from] programs::ProgramsError),

    /// A document could not be made or written (a photo that is not one, a file in the way).
    #[error(transparent)]
    Forms(#[from] forms::FormsError),

    /// A file staff chose could not be read.
    #[error("「{}」を読めませんでした。{reason}", .path.display())]
    FileUnreadable {
        /// The file
        path: std::path::PathBuf,
        /// What to check, in Japanese
        reason: &'static str,
        /// What the file system said (English on most PCs): for the log only
        detail: String,
    },

    /// A file could not be written where staff chose.
    #[error("「{}」に保存できませんでした。{reason}", .path.display())]
    FileNotWritten {
        /// The file
        path: std::path::PathBuf,
        /// What to check, in Japanese
        reason: &'static str,
        /// What the file system said: for the log only
        detail: String,
    },

    /// The window asked to show a file this run of the app did not write.
    #[error("オン資ナビが保存したファイルではないため、フォルダを開きません")]
    NotWrittenHere,

    /// A file the app saved is no longer there (moved or removed since).
    #[error("「{}」が見つかりません。移動したか、削除されたかもしれません", .0.display())]
    FileGone(std::path::PathBuf),

    /// The screen named a guide step the guide does not have (an old screen, or a bug).
    #[error("導入ガイドに「{0}」という手順はありません")]
    UnknownStep(String),

    /// The guide's data in use lacks something a screen needs (a signed update that left it out).
    #[error("導入ガイドのデータに「{0}」がありません。オン資ナビを更新してください")]
    DataIncomplete(String),

    /// A backup was asked for before staff chose where backups go.
    #[error("バックアップ先のフォルダがまだ選ばれていません。設定で選んでください")]
    BackupFolderNotChosen,

    /// The 復元コード's sheet was asked for after staff said it is kept (it is never shown again).
    #[error("印刷できる復元コードがありません。用紙をなくした場合は「復元コードを作り直す」を押してください")]
    NoRecoveryCodeToPrint,

    /// A restore or an import was confirmed with nothing staged (dropped meanwhile, or never
    /// picked).
    #[error("読み込む準備ができたデータがありません。もう一度ファイルを選んでください")]
    NothingToRestore,

    /// A record the screen showed is no longer there (removed meanwhile).
    #[error("この記録は見つかりません(削除されたかもしれません)。画面を開き直してください")]
    RecordGone,

    /// Nothing to put in the file asked for (no 資格情報 recorded today).
    #[error("{0}")]
    NothingToExport(&'static str),
}

textenum::text_enum! {
    /// The codes of [`Error`]'s own variants: TypeScript gets them as string literals.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
    pub enum ScreensErrorCode {
        /// `Validation`
        Validation,
        /// `FileUnreadable`
        FileUnreadable,
        /// `FileNotWritten`
        FileNotWritten,
        /// `NotWrittenHere`
        NotWrittenHere,
        /// `FileGone`
        FileGone,
        /// `UnknownStep`
        UnknownStep,
        /// `DataIncomplete`
        DataIncomplete,
        /// `BackupFolderNotChosen`
        BackupFolderNotChosen,
        /// `NoRecoveryCodeToPrint`
        NoRecoveryCodeToPrint,
        /// `NothingToRestore`
        NothingToRestore,
        /// `RecordGone`
        RecordGone,
        /// `NothingToExport`
        NothingToExport,
    }
}

impl Error {
    /// The fields refused, each with its message: a refusal of typed input, whichever rules made it.
    pub fn field_issues(&self) -> &[jptext::FieldIssue] {
        match self {
            Error::Validation(issues) => issues,
            Error::Store(e) => e.field_issues(),
            _ => &[],
        }
    }

    /// What the log gets beyond the message: the file system's own words, never shown to staff.
    pub fn log_line(&self) -> Option<String> {
        match self {
            Error::FileUnreadable { path, detail, .. } | Error::FileNotWritten { path, detail, .. } => {
                Some(format!("{}: {detail}", path.display()))
            }
            _ => None,
        }
    }

    /// The code of a use case's own refusal; `None` for the store's and the 資格情報's, which
    /// keep theirs.
    pub fn own_code(&self) -> Option<ScreensErrorCode> {
        match self {
            Error::Store(_) | Error::Insurance(_) | Error::Programs(_) | Error::Forms(_) => None,
            Error::Validation(_) => Some(ScreensErrorCode::Validation),
            Error::FileUnreadable { .. } => Some(ScreensErrorCode::FileUnreadable),
            Error::FileNotWritten { .. } => Some(ScreensErrorCode::FileNotWritten),
            Error::NotWrittenHere => Some(ScreensErrorCode::NotWrittenHere),
            Error::FileGone(_) => Some(ScreensErrorCode::FileGone),
            Error::UnknownStep(_) => Some(ScreensErrorCode::UnknownStep),
            Error::DataIncomplete(_) => Some(ScreensErrorCode::DataIncomplete),
            Error::BackupFolderNotChosen => Some(ScreensErrorCode::BackupFolderNotChosen),
            Error::NoRecoveryCodeToPrint => Some(ScreensErrorCode::NoRecoveryCodeToPrint),
            Error::NothingToRestore => Some(ScreensErrorCode::NothingToRestore),
            Error::RecordGone => Some(ScreensErrorCode::RecordGone),
            Error::NothingToExport(_) => Some(ScreensErrorCode::NothingToExport),
        }
    }
}
