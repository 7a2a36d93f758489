//! The one error type of the crate: every message is for clinic staff, in Japanese, and names the
//! file or photo it is about, so they know what to pick again.

use serde::Serialize;
use specta::Type;

/// What can go wrong while making the paperwork.
#[derive(Debug, thiserror::Error)]
pub enum FormsError {
    /// The photo is neither a JPEG nor a PNG, or its data is broken.
    #[error("写真「{0}」を読み取れません。JPEG か PNG の写真を選んでください")]
    UnreadablePhoto(String),
    /// A HEIC from an iPhone (or a WebP, GIF, …): recognised by its content and named, so staff
    /// learn how to get a JPEG instead of being told the photo is broken.
    #[error(
        "写真「{0}」は {1} 形式のため読み取れません。JPEG か PNG で保存し直してください(iPhone は「設定」→「カメラ」→「フォーマット」で「互換性優先」を選ぶと JPEG で撮れます)"
    )]
    UnsupportedPhotoFormat(String, &'static str),
    /// A photo or file with no content at all (a failed copy, a cloud placeholder).
    #[error("「{0}」は空のファイルです(0 バイト)。もう一度選び直してください")]
    EmptyFile(String),
    /// The photo is larger than any phone takes: refused before it can exhaust memory.
    #[error("写真「{0}」は大きすぎて読み取れません。スマートフォンのカメラで撮った写真を選んでください")]
    PhotoTooLarge(String),
    /// `photos_pdf` was called with no photo: an empty PDF would only confuse the application.
    #[error("写真が選ばれていません。領収書や通帳の写真を 1 枚以上選んでください")]
    NoPhotos,
    /// A file name Windows cannot use, or one that would escape the folder or the ZIP.
    #[error("ファイル名「{0}」は使えません: {1}")]
    BadFileName(String, String),
    /// Two files of the set share a name (Windows does not tell upper from lower case).
    #[error("ファイル名「{0}」が重複しています。どちらかの名前を変えてください")]
    DuplicateFileName(String),
    /// The folder already holds a different file of that name: it is never overwritten silently.
    #[error(
        "フォルダーには内容の違う「{0}」がすでにあります。上書きはしません。そのファイルを移動するか、別のフォルダーを選んでください"
    )]
    FileExists(String),
    /// The disk refused: no space, no permission, a file open in another program. The message says
    /// what to check in Japanese; the system's words are for the log ([`FormsError::log_line`]).
    #[error("「{0}」を保存できません。{why}", why = jptext::io_reason(.1.kind()))]
    WriteFailed(String, std::io::Error),
    /// The PDF, .xlsx or ZIP library failed on input that passed every check: a bug to report.
    #[error("{0}を作成できませんでした: {1}")]
    DocumentFailed(&'static str, String),
}

impl FormsError {
    /// What the log gets: the code, and the system's own words for a file that could not be written.
    pub fn log_line(&self) -> String {
        match self {
            FormsError::WriteFailed(name, e) => format!("{} {name}: {e}", self.code().as_str()),
            other => other.code().as_str().to_string(),
        }
    }

    /// The stable code sent to the UI.
    pub fn code(&self) -> FormsErrorCode {
        match self {
            FormsError::UnreadablePhoto(_) => FormsErrorCode::UnreadablePhoto,
            FormsError::UnsupportedPhotoFormat(..) => FormsErrorCode::UnsupportedPhotoFormat,
            FormsError::EmptyFile(_) => FormsErrorCode::EmptyFile,
            FormsError::PhotoTooLarge(_) => FormsErrorCode::PhotoTooLarge,
            FormsError::NoPhotos => FormsErrorCode::NoPhotos,
            FormsError::BadFileName(..) => FormsErrorCode::BadFileName,
            FormsError::DuplicateFileName(_) => FormsErrorCode::DuplicateFileName,
            FormsError::FileExists(_) => FormsErrorCode::FileExists,
            FormsError::WriteFailed(..) => FormsErrorCode::WriteFailed,
            FormsError::DocumentFailed(..) => FormsErrorCode::DocumentFailed,
        }
    }
}

textenum::text_enum! {
    /// Every forms error's code: the UI switches on these, so a renamed one fails its type check.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
    pub enum FormsErrorCode {
        /// Not a JPEG or PNG, or broken data
        UnreadablePhoto,
        /// HEIC and other formats staff can convert on the phone
        UnsupportedPhotoFormat,
        /// A file of 0 bytes
        EmptyFile,
        /// Beyond any phone photo's size
        PhotoTooLarge,
        /// No photo was picked
        NoPhotos,
        /// A name Windows cannot use
        BadFileName,
        /// Two files with the same name
        DuplicateFileName,
        /// A different file of that name is already in the folder
        FileExists,
        /// The disk refused to save
        WriteFailed,
        /// The document library failed (a bug)
        DocumentFailed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_the_disk_refused_is_said_in_japanese_and_logged_in_the_systems_words() {
        let refused = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "Permission denied (os error 13)");
        let e = FormsError::WriteFailed("02_領収書内訳書.pdf".into(), refused);
        let message = e.to_string();
        assert!(message.contains("「02_領収書内訳書.pdf」を保存できません。") && message.contains("権限"), "{message}");
        assert!(!message.contains("Permission"), "no English for staff: {message}");
        assert!(e.log_line().contains("Permission denied (os error 13)"), "{}", e.log_line());
    }
}
