use std::path::{Path, PathBuf};

use crate::clinic::FieldIssue;

/// Everything that can go wrong in the store. Each variant has a stable [`StoreError::code`] the UI
/// branches on and a Japanese message the clinic's staff can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The input was refused; nothing was written. Each issue names the field it belongs to.
    #[error("入力内容を確認してください({} 件)", .0.len())]
    Validation(Vec<FieldIssue>),

    /// The database file could not be opened or created for a reason other than damage (no
    /// permission, a folder that vanished, a locked file). The file was not changed.
    #[error(
        "データベースを開けませんでした。ファイルは変更していません。\nファイルの場所: {}\nフォルダを読み書きする権限がない、フォルダが見つからない、または別のアプリが使用中の可能性があります。パソコンを再起動しても直らない場合は、このパソコンを設定した方にご連絡ください。",
        .path.display()
    )]
    Open {
        /// The file we tried to open.
        path: PathBuf,
        /// What SQLite or the file system said.
        #[source]
        source: sqlx::Error,
    },

    /// The folder for the database could not be created. The system's words go to the log.
    #[error(
        "データの保存先フォルダを作れませんでした({})。フォルダを作る権限があるか、ディスクに空きがあるかを確かめてください。",
        .path.display()
    )]
    DataDir {
        /// The folder we tried to create.
        path: PathBuf,
        /// What the file system said.
        #[source]
        source: std::io::Error,
    },

    /// The database file is damaged (not a database, corrupt, or cut short). It was left exactly as
    /// it was: no migration, no repair, no journal written, so whoever recovers it gets the bytes
    /// the clinic had. The message tells staff the way back: a backup generation, restored from the
    /// start-up error screen (the damaged file is set aside, never overwritten).
    #[error(
        "データベースのファイルが壊れているため、開けませんでした。ファイルには何も変更を加えず、そのまま残してあります。\nファイルの場所: {}\n次の順にお願いします。\n1. このファイルを削除しないでください(消すと記録が戻りません)。\n2. バックアップがあれば、この画面の「バックアップから戻す」でバックアップのフォルダ(USBメモリなど)を選び、世代を選んで戻せます。壊れたファイルはデータのフォルダに残します。\n3. バックアップがない場合は、オン資ナビを閉じ、データのフォルダ({})をフォルダごとUSBメモリにコピーして、このパソコンを設定した方、またはオン資ナビの販売店・配布元にご連絡ください。\nその間も、患者さんの資格確認は公式のマイナ資格確認アプリで続けられます。",
        .path.display(),
        folder(.path).display()
    )]
    Damaged {
        /// The damaged file, in full.
        path: PathBuf,
        /// What was wrong, for the log (English from SQLite or our header check); not shown.
        reason: String,
    },

    /// Staff chose "same person" for a patient that is no longer in the register with the 氏名
    /// and 生年月日 read from the card (changed meanwhile in another window, or the screen was old). Nothing
    /// was written; asking again shows the current register.
    #[error(
        "選んだ患者さん(患者番号 {0})は、読み取った氏名・生年月日の方として患者台帳にありません。何も保存していません。もう一度「患者台帳に登録する」を押してください"
    )]
    PatientChoiceInvalid(i32),

    /// A patient the screen named is not in the 患者台帳 (removed, or the screen was of an
    /// earlier デモ session). Nothing was written.
    #[error("患者台帳にこの患者さん(患者番号 {0})が見つかりません。何も保存していません。患者台帳を開き直してください")]
    PatientNotFound(i32),

    /// The retention period changed after staff were shown what a purge removes (meanwhile, in another window):
    /// nothing was removed, so nothing goes that staff did not see counted.
    #[error(
        "資格情報を残す期間が {0} 年に変わっていました。何も削除していません。件数を確かめてから、もう一度押してください"
    )]
    RetentionChanged(u32),

    /// The database was written by a newer オン資ナビ: we refuse rather than corrupt it.
    #[error(
        "このデータは新しいバージョンのオン資ナビで作られています(更新番号 {0})。オン資ナビを最新版に更新してください"
    )]
    DatabaseTooNew(i64),

    /// 申請準備完了 (or 申請済) asked while the 助成金's checklist is incomplete, as read in the
    /// same transaction that would have written it: what is missing, one line each. Nothing was
    /// changed.
    #[error("まだ申請の準備ができていません。\n・{}", .0.join("\n・"))]
    ChecklistIncomplete(Vec<String>),

    /// A migration failed; the database is left as it was before it.
    #[error("データベースの更新に失敗しました: {0}")]
    Migration(#[source] sqlx::migrate::MigrateError),

    /// A row holds a value the app never writes (edited by hand, or a bug).
    #[error("保存されているデータが読み取れません({0})")]
    CorruptData(String),

    /// SQLite failed on a query.
    #[error("データベースの処理に失敗しました: {0}")]
    Database(#[from] sqlx::Error),

    /// The backup folder (a USB drive) is missing, full or not writable. The clinic's data is
    /// untouched and everything else goes on working. The system's own words (`reason`, often
    /// English) go to the log, not to staff.
    #[error(
        "バックアップ先({})に書き込めませんでした。USBメモリなどが挿さっているか、空き容量があるかを確かめてください。データはこのパソコンに残っていて、ほかの作業はそのまま続けられます。",
        .path.display()
    )]
    BackupFolder {
        /// The folder or file we tried to write.
        path: PathBuf,
        /// What the file system or SQLite said.
        reason: String,
    },

    /// A file chosen to restore or import is not a whole オン資ナビ backup (damaged, cut short, or
    /// something else). Nothing was changed.
    #[error(
        "「{}」はオン資ナビのバックアップとして読み取れません(壊れているか、途中で切れているか、別の種類のファイルです)。何も変更していません。別の世代やファイルを選んでください。",
        .path.display()
    )]
    NotABackup {
        /// The file.
        path: PathBuf,
        /// What was wrong, for the log.
        reason: String,
    },

    /// Reading a chosen file took longer than any backup of a clinic takes (a doctored file that
    /// makes SQLite work without end). Nothing was changed.
    #[error(
        "「{}」を読み取るのに時間がかかりすぎるため、途中でやめました。何も変更していません。オン資ナビが作ったバックアップか、別の世代やファイルを選んでください。",
        .path.display()
    )]
    BackupTooSlow {
        /// The file.
        path: PathBuf,
    },

    /// A sealed file needs its 復元コード: none was typed and this PC keeps none that opens it, or
    /// the one typed is not well formed or does not open it. The one issue is for the code's
    /// field; a wrong code is told as wrong, with no other detail. Nothing was changed.
    #[error("{}", .0.first().map(|i| i.message.as_str()).unwrap_or("復元コードを確かめてください"))]
    RecoveryCode(Vec<FieldIssue>),

    /// The disk a backup, an export or a restore was about to write to has too little free space
    /// for it. Nothing was written.
    #[error(
        "{}の空き容量が足りません(必要 約{needed_mb} MB、空き {free_mb} MB)。何も書き込んでいません。不要なファイルを消すか、空きのあるUSBメモリなどを選んでください。",
        .path.display()
    )]
    NotEnoughSpace {
        /// The folder written to.
        path: PathBuf,
        /// What the write needs, in MB.
        needed_mb: u64,
        /// What the disk has free, in MB.
        free_mb: u64,
    },

    /// A moved-data file written by a newer オン資ナビ than this one. Nothing was changed.
    #[error(
        "このファイルは新しいバージョンのオン資ナビ({0})で作られています。何も変更していません。このパソコンのオン資ナビを {0} 以降に更新してから読み込んでください。"
    )]
    FromNewerApp(String),
}

impl StoreError {
    /// A backup or an export could not be written at `path` (`e` says why, for the log).
    pub(crate) fn backup_folder(path: &Path, e: impl std::fmt::Display) -> StoreError {
        StoreError::BackupFolder { path: path.to_path_buf(), reason: e.to_string() }
    }

    /// `path` is not a whole オン資ナビ backup (`reason` says why, for the log).
    pub(crate) fn not_a_backup(path: &Path, reason: impl std::fmt::Display) -> StoreError {
        StoreError::NotABackup { path: path.to_path_buf(), reason: reason.to_string() }
    }

    /// What the log may say of it: the code and what is not a patient's data (a field's name, a
    /// check's reason, SQLite's own message, which names columns but never values). The message
    /// staff see may hold what they typed; the log never does.
    pub fn log_line(&self) -> String {
        match self {
            StoreError::Validation(issues) => {
                let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
                format!("Validation (fields: {})", fields.join(", "))
            }
            StoreError::NotABackup { reason, .. } => format!("NotABackup ({reason})"),
            StoreError::BackupFolder { reason, .. } => format!("BackupFolder ({reason})"),
            StoreError::Open { source, .. } => format!("DatabaseOpen ({source})"),
            StoreError::DataDir { source, .. } => format!("DataDir ({source})"),
            StoreError::Database(e) => format!("Database ({e})"),
            other => other.code().as_str().to_string(),
        }
    }

    /// The stable code sent to the UI as `{ code, message }`.
    pub fn code(&self) -> StoreErrorCode {
        match self {
            StoreError::Validation(_) => StoreErrorCode::Validation,
            StoreError::Open { .. } => StoreErrorCode::DatabaseOpen,
            StoreError::DataDir { .. } => StoreErrorCode::DataDir,
            StoreError::Damaged { .. } => StoreErrorCode::DatabaseDamaged,
            StoreError::PatientChoiceInvalid(_) => StoreErrorCode::PatientChoiceInvalid,
            StoreError::PatientNotFound(_) => StoreErrorCode::PatientNotFound,
            StoreError::RetentionChanged(_) => StoreErrorCode::RetentionChanged,
            StoreError::ChecklistIncomplete(_) => StoreErrorCode::ChecklistIncomplete,
            StoreError::DatabaseTooNew(_) => StoreErrorCode::DatabaseTooNew,
            StoreError::Migration(_) => StoreErrorCode::Migration,
            StoreError::CorruptData(_) => StoreErrorCode::CorruptData,
            StoreError::Database(_) => StoreErrorCode::Database,
            StoreError::BackupFolder { .. } => StoreErrorCode::BackupFolder,
            StoreError::NotABackup { .. } => StoreErrorCode::NotABackup,
            StoreError::BackupTooSlow { .. } => StoreErrorCode::BackupTooSlow,
            StoreError::FromNewerApp(_) => StoreErrorCode::FromNewerApp,
            StoreError::RecoveryCode(_) => StoreErrorCode::RecoveryCode,
            StoreError::NotEnoughSpace { .. } => StoreErrorCode::NotEnoughSpace,
        }
    }

    /// The field-level problems of a validation error; empty for every other error.
    pub fn field_issues(&self) -> &[FieldIssue] {
        match self {
            StoreError::Validation(issues) | StoreError::RecoveryCode(issues) => issues,
            _ => &[],
        }
    }
}

/// The value of a stored enum column, or the corruption it is (a row this version never writes).
pub(crate) fn from_db<T: textenum::TextEnum>(text: &str) -> Result<T, StoreError> {
    T::from_text(text).ok_or_else(|| StoreError::CorruptData(format!("{} {text}", T::NAME)))
}

/// The folder holding `path` (the data folder staff copy), or `path` itself when it has none.
fn folder(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(path)
}

textenum::text_enum! {
    /// Every store error's code: the UI switches on these, so a renamed one fails its type check.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
    pub enum StoreErrorCode {
        /// `Validation`
        Validation,
        /// `DatabaseOpen`
        DatabaseOpen,
        /// `DataDir`
        DataDir,
        /// `DatabaseDamaged`
        DatabaseDamaged,
        /// `PatientChoiceInvalid`
        PatientChoiceInvalid,
        /// `PatientNotFound`
        PatientNotFound,
        /// `RetentionChanged`
        RetentionChanged,
        /// `ChecklistIncomplete`
        ChecklistIncomplete,
        /// `DatabaseTooNew`
        DatabaseTooNew,
        /// `Migration`
        Migration,
        /// `CorruptData`
        CorruptData,
        /// `Database`
        Database,
        /// `BackupFolder`
        BackupFolder,
        /// `NotABackup`
        NotABackup,
        /// `BackupTooSlow`
        BackupTooSlow,
        /// `FromNewerApp`
        FromNewerApp,
        /// `RecoveryCode`
        RecoveryCode,
        /// `NotEnoughSpace`
        NotEnoughSpace,
    }
}

impl std::fmt::Display for StoreErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for StoreErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The system's own words (English from the OS or SQLite) go to the log, never to staff.
    #[test]
    fn the_systems_words_reach_the_log_not_staff() {
        let folder = Path::new("E:\\");
        let io = || std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory (os error 2)");
        let cases = [
            StoreError::backup_folder(folder, io()),
            StoreError::DataDir { path: folder.to_path_buf(), source: io() },
            StoreError::Open { path: folder.join("onshi-navi.sqlite3"), source: sqlx::Error::Io(io()) },
        ];
        for e in cases {
            let shown = e.to_string();
            assert!(!shown.contains("No such file") && !shown.contains("os error"), "{shown}");
            assert!(e.log_line().contains("No such file"), "{}", e.log_line());
        }
    }
}
