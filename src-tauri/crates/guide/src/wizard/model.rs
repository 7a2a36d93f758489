//! The types of a 導入ガイド step: routes, texts for a route, notes with their sources, documents,
//! inputs and their kinds, row groups, helpers, and the step itself.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::source::{DocLink, FactSource};

/// How the clinic connects to the オンライン資格確認 system (the seed's 2. ステップ.1): it decides
/// which steps apply and which content a step shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// A Windows 10/11 PC with a card reader
    WindowsPc,
    /// A smartphone or tablet (NFC, or a Bluetooth reader)
    Mobile,
}

// The value stored by step 3's `route` choice (the same as the serialised tag); both routes, in the
// order the seed gives them.
textenum::text_enum!(impl Route { WindowsPc => "windows_pc", Mobile => "mobile" });

impl Route {
    /// The name staff read.
    pub fn label(self) -> &'static str {
        match self {
            Route::WindowsPc => "Windowsパソコン",
            Route::Mobile => "スマートフォン・タブレット",
        }
    }
}

/// A paragraph or list item, maybe for one route only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RouteText {
    /// Plain Japanese for clinic staff
    pub text: &'static str,
    /// Shown only on this route; `None`: on every route
    pub only: Option<Route>,
}

/// A fact a step tells staff, with where it comes from, so that a fact the sources only relay can
/// be shown as such.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StepNote {
    /// The fact, in plain Japanese
    pub text: &'static str,
    /// Where it comes from, when, and whether verified
    pub source: FactSource,
    /// Shown only on this route; `None`: on every route
    pub only: Option<Route>,
}

/// An official document a step sends staff to, by its id in the dated links
/// ([`crate::source::links`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepDocRef {
    /// The link's id
    pub link: &'static str,
    /// Shown only on this route; `None`: on every route
    pub only: Option<Route>,
}

/// An official document as the screen shows it: the page from the dated links.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StepDoc {
    /// The document
    pub link: DocLink,
    /// Shown only on this route; `None`: on every route
    pub only: Option<Route>,
}

/// One option of a [`InputKind::Choice`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceOption {
    /// The value stored (stable, like the step ids)
    pub value: &'static str,
    /// What staff read
    pub label: &'static str,
}

/// What kind of answer an input takes: the UI picks the field from it, the host the validation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum InputKind {
    /// A day (shown in 和暦 with 西暦)
    Date,
    /// Free text
    Text,
    /// A 登録記号番号 (normalised and checked like the clinic profile's), of one practice
    RegNo {
        /// Whose number: the 柔整 shape is checked strictly, the あはき one is not known
        practice: Practice,
    },
    /// はい / いいえ, with what to do next after each answer
    YesNo {
        /// The next action after はい
        if_yes: Option<&'static str>,
        /// The next action after いいえ
        if_no: Option<&'static str>,
        /// The step checks this condition: answered いいえ, the step cannot be 完了
        /// ([`crate::answers::blockers`])
        ready_only_if_yes: bool,
    },
    /// One of fixed options
    Choice {
        /// The options, in the order shown
        options: &'static [ChoiceOption],
    },
    /// A box staff tick to confirm they did something themselves (in the official app or on the
    /// portal): オン資ナビ cannot see it, so only staff can say so
    Confirm,
}

/// A practice a clinic is registered for under 受領委任: each has its own 登録記号番号.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Practice {
    /// 柔道整復
    Judo,
    /// あん摩マッサージ指圧・はり・きゅう
    Ahaki,
}

/// Whether an input must be filled for the step to be done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum InputNeed {
    /// Always needed
    Required,
    /// Never needed
    Optional,
    /// At least one input of the step with this group is needed (the 登録記号番号 of 柔整 or
    /// あはき, or both)
    OneOf {
        /// The group name shared by the inputs
        group: &'static str,
    },
    /// Needed when the input `key` of the same step has the answer `value` (`yes` / `no` for a
    /// [`InputKind::YesNo`], an option value for a [`InputKind::Choice`])
    When {
        /// The input answered first
        key: &'static str,
        /// The answer that makes this one needed
        value: &'static str,
    },
}

/// One thing a step records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StepInput {
    /// Stable key, unique within the step (stored with the answer)
    pub key: &'static str,
    /// The field's label
    pub label: &'static str,
    /// The kind of answer
    pub kind: InputKind,
    /// Whether it is needed
    pub need: InputNeed,
    /// A hint under the field
    pub help: Option<&'static str>,
    /// An example shown in an empty field
    pub placeholder: Option<&'static str>,
    /// Asked only on this route; `None`: on every route
    pub only: Option<Route>,
}

/// A table a step records one row at a time (step 7: one row per terminal account).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RowGroup {
    /// Stable key of the table
    pub key: &'static str,
    /// What one row is (`端末`)
    pub row_label: &'static str,
    /// Rows needed for the step to be done
    pub min_rows: u32,
    /// The columns of a row
    pub columns: &'static [StepInput],
}

/// A part of オン資ナビ a step offers as help. Each helps staff; none proves anything to the
/// official system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Helper {
    /// The enforcement timeline with today's position ([`crate::timeline::position`])
    Timeline,
    /// Reads this PC's figures and judges them ([`crate::pc::judge`])
    PcCheck,
    /// Checks that this PC reaches the internet
    InternetCheck,
    /// Lists the card readers this PC sees
    ReaderCheck,
    /// オン資ナビ's card pre-check (certificate validity, PIN tries left): a help before the
    /// test read, never a proof that the official app reads the card
    CardPreCheck,
}

/// A helper, maybe for one route only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StepHelper {
    /// Which helper
    pub helper: Helper,
    /// Offered only on this route; `None`: on every route
    pub only: Option<Route>,
}

/// A route on which a step is 対象外, and why (in Japanese, shown to staff).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Skip {
    /// The route
    pub route: Route,
    /// Why the step does not apply
    pub reason: &'static str,
}

/// One step of the wizard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WizardStep {
    /// 0–10, as shown
    pub number: u8,
    /// Stable id, stored as progress
    pub id: &'static str,
    /// What the step achieves
    pub title: &'static str,
    /// The title on the smartphone・tablet route, where it differs (no card reader to buy there)
    pub mobile_title: Option<&'static str>,
    /// What to do, in short paragraphs
    pub what_to_do: &'static [RouteText],
    /// What to have ready before starting
    pub have_ready: &'static [RouteText],
    /// Facts behind the step, each with its source
    pub notes: &'static [StepNote],
    /// Official documents and pages
    pub documents: &'static [StepDocRef],
    /// What the step records
    pub inputs: &'static [StepInput],
    /// A table the step records, if any
    pub rows: Option<RowGroup>,
    /// Parts of オン資ナビ that help with it
    pub helpers: &'static [StepHelper],
    /// Routes on which it is 対象外
    pub skip: &'static [Skip],
    /// The program (in the `programs` data) the step relates to, whose state today the screen
    /// shows beside it: never a sentence here
    pub related_program: Option<&'static str>,
    /// Where the step itself comes from
    pub source: FactSource,
}

/// Old stored ids folded into a wizard step: `(old id, wizard step id)`.
pub const FOLDED_IDS: [(&str, &str); 1] = [("go_live", "start_date")];
