use serde::Serialize;
use specta::Type;

/// A field-level problem: an error blocks saving, a warning is said and saving goes on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// The field, as the form names it (`insurerNumber`, …)
    pub field: String,
    /// What to do, in Japanese
    pub message: String,
    /// Said, but does not block saving (an 有効終了日 in the past)
    pub warning: bool,
}

impl Problem {
    /// An error on `field`.
    pub fn error(field: &str, message: impl Into<String>) -> Problem {
        Problem { field: field.into(), message: message.into(), warning: false }
    }

    /// A warning on `field`.
    pub fn warning(field: &str, message: impl Into<String>) -> Problem {
        Problem { field: field.into(), message: message.into(), warning: true }
    }
}

/// What can go wrong here, each with a Japanese message staff can act on.
#[derive(Debug, thiserror::Error)]
pub enum InsuranceError {
    /// The input was refused; each problem names its field.
    #[error("資格情報の入力内容を確認してください({} 件)", .0.len())]
    Invalid(Vec<Problem>),

    /// A character cannot be written in Shift_JIS (a rare kanji, an emoji): the CSV is not made
    /// rather than made with a character silently replaced.
    #[error("{row} 行目の「{text}」にShift_JISで書けない文字があります。UTF-8で書き出すか、その文字を直してください")]
    NotInShiftJis {
        /// The data row (1 = the first after the header)
        row: usize,
        /// The field's text
        text: String,
    },
}

impl InsuranceError {
    /// What the log may say of it: the code, the row number, the field names, never the text
    /// (a field's text is a patient's 氏名 or number; the log files are not purged with records).
    pub fn log_line(&self) -> String {
        match self {
            InsuranceError::Invalid(problems) => {
                let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
                format!("Invalid (fields: {})", fields.join(", "))
            }
            InsuranceError::NotInShiftJis { row, .. } => format!("NotInShiftJis (row {row})"),
        }
    }

    /// The stable code sent to the UI.
    pub fn code(&self) -> InsuranceErrorCode {
        match self {
            InsuranceError::Invalid(_) => InsuranceErrorCode::Invalid,
            InsuranceError::NotInShiftJis { .. } => InsuranceErrorCode::NotInShiftJis,
        }
    }
}

textenum::text_enum! {
    /// Every error's code.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
    pub enum InsuranceErrorCode {
        /// `Invalid`
        Invalid,
        /// `NotInShiftJis`
        NotInShiftJis,
    }
}
