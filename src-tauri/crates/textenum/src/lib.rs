//! Enums whose values leave the program as fixed text: a column's stored values (`"in_progress"`)
//! and the error codes the UI branches on (`"WrongPin"`). Each such enum gets its text in one
//! place, from one macro, instead of a hand-written `match` each way per crate (three styles
//! drifted apart here before). The `match` the macro writes is exhaustive, so a new variant does
//! not compile until it has its text, and [`TextEnum::ALL`] lists every variant for the tests.

#![forbid(unsafe_code)]

/// An enum with a fixed text for each value. Implemented by [`text_enum!`] only.
pub trait TextEnum: Copy + PartialEq + 'static {
    /// The enum's name, for the message when a stored text is not one of its values.
    const NAME: &'static str;
    /// Every value, in declaration order.
    const ALL: &'static [Self];

    /// The value's text; it never changes once released (it is in clinics' databases and in the
    /// UI's code).
    fn as_str(self) -> &'static str;

    /// The value whose text is `text`, or `None` for a text this version never writes (a newer
    /// version's row, a hand edit).
    fn from_text(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == text)
    }
}

/// Gives an enum its text.
///
/// Declared with it, each value's text is its name (error codes), or the text given after `=`:
/// ```
/// textenum::text_enum! {
///     /// Why a read failed
///     #[derive(Clone, Copy, Debug, PartialEq, Eq)]
///     pub enum ReadErrorCode {
///         /// The card was taken out
///         CardRemoved,
///         /// The PIN was wrong
///         WrongPin,
///     }
/// }
/// assert_eq!(ReadErrorCode::WrongPin.as_str(), "WrongPin");
///
/// textenum::text_enum! {
///     /// What a change was made to
///     #[derive(Clone, Copy, Debug, PartialEq, Eq)]
///     pub enum Entity {
///         /// 施術所の情報
///         ClinicProfile = "clinic_profile",
///     }
/// }
/// assert_eq!(Entity::ClinicProfile.as_str(), "clinic_profile");
/// ```
/// Beside an enum declared in the same crate, with the text of each value (stored values):
/// ```
/// #[derive(Clone, Copy, Debug, PartialEq, Eq)]
/// pub enum StepState { InProgress, Done }
/// textenum::text_enum!(impl StepState { InProgress => "in_progress", Done => "done" });
/// assert_eq!(StepState::from_text("done"), Some(StepState::Done));
/// assert_eq!(StepState::from_text("skipped"), None);
/// ```
/// Both forms also give the enum inherent `as_str`, `from_text` and `ALL`, so callers need no
/// import.
#[macro_export]
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident $(= $text:literal)?),+ $(,)? }
    ) => {
        $(#[$meta])*
        $vis enum $name { $($(#[$vmeta])* $variant),+ }
        $crate::text_enum!(impl $name { $($variant => $crate::text_enum!(@text $variant $($text)?)),+ });
    };
    (@text $variant:ident) => { stringify!($variant) };
    (@text $variant:ident $text:literal) => { $text };
    (impl $name:ident { $($variant:ident => $text:expr),+ $(,)? }) => {
        impl $crate::TextEnum for $name {
            const NAME: &'static str = stringify!($name);
            const ALL: &'static [$name] = &[$($name::$variant),+];
            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        #[allow(dead_code)]
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = <$name as $crate::TextEnum>::ALL;

            /// The value's fixed text (stored, or sent to the UI); never changes once released.
            pub fn as_str(self) -> &'static str {
                <$name as $crate::TextEnum>::as_str(self)
            }

            /// The value whose text is `text`; `None` for a text this version never writes.
            pub fn from_text(text: &str) -> Option<$name> {
                <$name as $crate::TextEnum>::from_text(text)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::TextEnum;

    text_enum! {
        /// A code
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Code {
            /// One
            First,
            /// Two
            Second,
            /// Three, stored otherwise
            Third = "third",
        }
    }

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Stored {
        InProgress,
        Done,
    }
    text_enum!(impl Stored { InProgress => "in_progress", Done => "done" });

    #[test]
    fn every_value_reads_back_from_its_text() {
        for v in Code::ALL {
            assert_eq!(Code::from_text(v.as_str()), Some(*v));
        }
        for v in Stored::ALL {
            assert_eq!(Stored::from_text(v.as_str()), Some(*v));
        }
        assert_eq!(Code::ALL, &[Code::First, Code::Second, Code::Third]);
        assert_eq!(Code::Third.as_str(), "third");
        assert_eq!(Code::Second.as_str(), "Second");
        assert_eq!(Stored::InProgress.as_str(), "in_progress");
        assert_eq!(<Stored as TextEnum>::NAME, "Stored");
    }

    #[test]
    fn an_unknown_text_is_no_value() {
        assert_eq!(Stored::from_text("in-progress"), None);
        assert_eq!(Code::from_text(""), None);
        assert_eq!(Code::from_text("first"), None);
    }
}
