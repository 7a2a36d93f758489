//! What can be wrong with the program data, with a stable code for each.

use serde::Serialize;
use specta::Type;

/// What can be wrong with the program data.
#[derive(Debug, thiserror::Error)]
pub enum ProgramsError {
    /// The bundled data does not parse: a broken release, caught by the tests.
    #[error("助成金・協力金のデータが読み取れません: {0}")]
    BadData(#[from] serde_json::Error),
    /// A program's dates are in the wrong order.
    #[error("「{0}」の期間が正しくありません(開始日が終了日より後です)")]
    BadPeriod(String),
    /// A program or rule cites a source the data does not list.
    #[error("「{0}」の出典「{1}」がデータにありません")]
    UnknownSource(String, String),
    /// A rule contradicts its program (an extension of a deadline the program does not have, …).
    #[error("「{0}」の規則「{1}」が正しくありません: {2}")]
    BadRule(String, String, &'static str),
    /// Two programs share an id.
    #[error("制度のID「{0}」が重複しています")]
    DuplicateId(String),
    /// No program has this id.
    #[error("制度「{0}」が見つかりません")]
    UnknownProgram(String),
    /// The program pays a fixed amount (協力金): there is no claim to compute.
    #[error("「{0}」は定額の給付のため、申請額の計算はありません")]
    NoClaim(String),
    /// The fetched update is not a signed file of ours (a server error page, a cut download).
    #[error("届いた更新データの形式が正しくありません。今までのデータをそのまま使います")]
    FeedFormat,
    /// The update's signature does not verify: it was changed on the way or not made by us.
    #[error(
        "更新データの署名を確認できませんでした(改ざんされたか、配布元が違います)。今までのデータをそのまま使います"
    )]
    FeedSignature,
    /// The update is not newer than the data the app has.
    #[error(
        "届いた更新データ(版 {got})は、今のデータ(版 {have})より新しくありません。今までのデータをそのまま使います"
    )]
    FeedNotNewer {
        /// The version the app has
        have: u32,
        /// The version the file carries
        got: u32,
    },
    /// The update's guide knowledge (timeline, links, check methods, …) does not pass its checks.
    #[error("{0}。今までのデータをそのまま使います")]
    Knowledge(#[from] guide::KnowledgeError),
}

impl ProgramsError {
    /// The stable code sent to the UI.
    pub fn code(&self) -> ProgramsErrorCode {
        match self {
            ProgramsError::UnknownProgram(_) => ProgramsErrorCode::UnknownProgram,
            ProgramsError::NoClaim(_) => ProgramsErrorCode::NoClaim,
            ProgramsError::FeedFormat => ProgramsErrorCode::FeedFormat,
            ProgramsError::FeedSignature => ProgramsErrorCode::FeedSignature,
            ProgramsError::FeedNotNewer { .. } => ProgramsErrorCode::FeedNotNewer,
            _ => ProgramsErrorCode::ProgramData,
        }
    }
}

textenum::text_enum! {
    /// Every programs error's code: the UI switches on these, so a renamed one fails its type check.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
    pub enum ProgramsErrorCode {
        /// No program with that id in the data
        UnknownProgram,
        /// The program has no claim rule (a 協力金 pays a fixed amount)
        NoClaim,
        /// The bundled or updated program data is inconsistent
        ProgramData,
        /// An update that is not a signed file of ours
        FeedFormat,
        /// An update whose signature does not verify
        FeedSignature,
        /// An update no newer than the data in use
        FeedNotNewer,
    }
}
