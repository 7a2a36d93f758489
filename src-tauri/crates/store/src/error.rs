use std::path::PathBuf;

use crate::clinic::FieldIssue;

/// Everything that can go wrong in the store. Each variant has a stable [`StoreError::code`] the UI
/// branches on and a Japanese message the clinic's staff can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The input was refused; nothing was written. Each issue names the field it belongs to.
    #[error("入力内容を確認してください({} 件)", .0.len())]
    Validation(Vec<FieldIssue>),

    /// The database file or its folder could not be opened or created.
    #[error("データベースを開けませんでした({path}): {source}")]
    Open {
        /// The file we tried to open.
        path: PathBuf,
        /// What SQLite or the file system said.
        #[source]
        source: sqlx::Error,
    },

    /// The folder for the database could not be created.
    #[error("データの保存先フォルダを作れませんでした({path}): {source}")]
    DataDir {
        /// The folder we tried to create.
        path: PathBuf,
        /// What the file system said.
        #[source]
        source: std::io::Error,
    },

    /// The database was written by a newer オン資ナビ: we refuse rather than corrupt it.
    #[error(
        "このデータは新しいバージョンのオン資ナビで作られています(更新番号 {0})。オン資ナビを最新版に更新してください"
    )]
    DatabaseTooNew(i64),

    /// A migration failed; the database is left as it was before it.
    #[error("データベースの更新に失敗しました: {0}")]
    Migration(#[source] sqlx::migrate::MigrateError),

    /// A row holds a value the app never writes (edited by hand, or a bug).
    #[error("保存されているデータが読み取れません({0})")]
    CorruptData(String),

    /// SQLite failed on a query.
    #[error("データベースの処理に失敗しました: {0}")]
    Database(#[from] sqlx::Error),
}

impl StoreError {
    /// The stable code sent to the UI as `{ code, message }`.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Validation(_) => "Validation",
            StoreError::Open { .. } => "DatabaseOpen",
            StoreError::DataDir { .. } => "DataDir",
            StoreError::DatabaseTooNew(_) => "DatabaseTooNew",
            StoreError::Migration(_) => "Migration",
            StoreError::CorruptData(_) => "CorruptData",
            StoreError::Database(_) => "Database",
        }
    }

    /// The field-level problems of a validation error; empty for every other error.
    pub fn field_issues(&self) -> &[FieldIssue] {
        match self {
            StoreError::Validation(issues) => issues,
            _ => &[],
        }
    }
}
