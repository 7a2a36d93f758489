//! The 導入ガイド wizard as data: steps 0–10 in the order a clinic goes through them, what staff
//! do, what they have ready, the facts with their sources, the official documents, and the inputs
//! each step records. The functions here are pure: the route and the stored states are passed in.
//!
//! Ids are stored as progress and never change once released. The ids of the first guide
//! ([`crate::STEPS`]) are reused where the step means the same: `portal_user`, `app_apply`,
//! `connection`, `pc_check`, `card_reader`, `app_setup`, `test_read`, `start_date`.
//! `go_live` (業務スタート) is folded into `start_date` ([`FOLDED_IDS`]): the seed's ステップ.5
//! (運用開始日登録) and ステップ.6 (業務スタート) happen on the same day, so step 10 records the date,
//! its registration on the portal, and then confirms 業務スタート (its input is keyed `go_live`).
//! A clinic that ticked both old steps has step 10 done (the wizard's migration in `store`).
//!
//! Routes ([`Route`]): a clinic connects with a Windows PC or with a smartphone/tablet. Only the
//! PC check (step 4) is 対象外 for a phone or tablet. The card reader step (6) applies to both
//! routes with different content: the seed's Q3 says NFC smartphones (iPhone, Pixel 6 and later,
//! …) read the card alone while some listed models (Galaxy …) need a Bluetooth reader, and the
//! notes on the official app say an iPad needs a Bluetooth reader. So on a phone or tablet the
//! step is "decide how the card is read" (NFC alone, or which Bluetooth reader), never 対象外:
//! marking it 対象外 would hide the reader a Galaxy or an iPad clinic must buy. Content for one
//! route only carries `only: Some(route)`; [`step_view`] filters it.
//!
//! Invariant (as for [`crate::STEPS`]): no text states a program rule (助成金, 協力金, amounts); a
//! step names a related program id instead (the same ids as the first guide, which `programs`'
//! tests check).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::knowledge::Knowledge;
use crate::source::{
    ADOPTION_FIGURES, DocLink, EXEMPTION_NOTICE, FactSource, JAMMA_START_DATE, MOBILE_STORE_COLUMN, OFFICIAL_APP_NOTES,
    WORLD_HOKEN_108, ZENSEIKYO_REPORT, links, seed, seed_relayed,
};

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

impl Route {
    /// Both routes, in the order the seed gives them.
    pub const ALL: [Route; 2] = [Route::WindowsPc, Route::Mobile];

    /// The name staff read.
    pub fn label(self) -> &'static str {
        match self {
            Route::WindowsPc => "Windowsパソコン",
            Route::Mobile => "スマートフォン・タブレット",
        }
    }

    /// The value stored by step 3's `route` choice (the same as the serialised tag).
    pub fn value(self) -> &'static str {
        match self {
            Route::WindowsPc => "windows_pc",
            Route::Mobile => "mobile",
        }
    }

    /// The route for a stored choice value; `None` for anything else.
    pub fn from_value(value: &str) -> Option<Route> {
        Route::ALL.into_iter().find(|r| r.value() == value)
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

/// The title of step `id` for the audit log: a wizard step's, or for an id the first guide used
/// and older rows still name (業務スタート, now part of 運用開始日), its title then.
pub fn title_for_log(id: &str) -> Option<&'static str> {
    match id {
        "go_live" => Some("マイナ資格確認アプリで業務を始める(いまは「運用開始日」の手順の一部)"),
        _ => wizard_step(id).map(|s| s.title),
    }
}

const fn all(text: &'static str) -> RouteText {
    RouteText { text, only: None }
}
const fn pc(text: &'static str) -> RouteText {
    RouteText { text, only: Some(Route::WindowsPc) }
}
const fn mobile(text: &'static str) -> RouteText {
    RouteText { text, only: Some(Route::Mobile) }
}
const fn note(text: &'static str, source: FactSource, only: Option<Route>) -> StepNote {
    StepNote { text, source, only }
}
const fn doc(link: &'static str, only: Option<Route>) -> StepDocRef {
    StepDocRef { link, only }
}
const fn helper(helper: Helper, only: Option<Route>) -> StepHelper {
    StepHelper { helper, only }
}
const fn input(key: &'static str, label: &'static str, kind: InputKind, need: InputNeed) -> StepInput {
    StepInput { key, label, kind, need, help: None, placeholder: None, only: None }
}
const fn yes_no(if_yes: Option<&'static str>, if_no: Option<&'static str>) -> InputKind {
    InputKind::YesNo { if_yes, if_no, ready_only_if_yes: false }
}
/// A はい/いいえ the step checks: いいえ keeps it from 完了.
const fn must_be_yes(if_yes: Option<&'static str>, if_no: Option<&'static str>) -> InputKind {
    InputKind::YesNo { if_yes, if_no, ready_only_if_yes: true }
}

const PC: Option<Route> = Some(Route::WindowsPc);
const MOBILE: Option<Route> = Some(Route::Mobile);
const REQUIRED: InputNeed = InputNeed::Required;
const OPTIONAL: InputNeed = InputNeed::Optional;

const SEED_APPLY_1: &str = "1.「オンライン資格確認」申請 ステップ.1";
const SEED_APPLY_2: &str = "1.「オンライン資格確認」申請 ステップ.2";
const SEED_CONNECT_1: &str = "2.「オンライン資格確認システム」へ接続する ステップ.1";
const SEED_CONNECT_2: &str = "2.「オンライン資格確認システム」へ接続する ステップ.2";
const SEED_CONNECT_3: &str = "2.「オンライン資格確認システム」へ接続する ステップ.3";
const SEED_CONNECT_4: &str = "2.「オンライン資格確認システム」へ接続する ステップ.4";
const SEED_CONNECT_5: &str = "2.「オンライン資格確認システム」へ接続する ステップ.5";
const SEED_CONNECT_6: &str = "2.「オンライン資格確認システム」へ接続する ステップ.6";

const INTERNET_CONTRACT: &str = "インターネットの契約が必要です。相談先(例):携帯電話会社、J:com、USENなど。";

/// Every step of the wizard, in order (`number` is the index).
pub static WIZARD: [WizardStep; 11] = [
    WizardStep {
        number: 0,
        id: "standing",
        title: "いまの状況を確かめる",
        mobile_title: None,
        what_to_do: &[
            all(
                "オンライン資格確認を始めていない施術所にこれから何が起きるとされているかを、今日の日付とあわせて表示します。",
            ),
            all("やむを得ない事由を申し出ている場合は、申し出た日と理由を記録してください。"),
            all("手順10で、ポータルサイトに登録した運用開始日を記録して完了にすると、この表示は終わります。"),
        ],
        have_ready: &[all("やむを得ない事由を申し出ている場合は、申し出た日と理由がわかるもの")],
        notes: &[
            note(
                "全整協の報告(令和7年8月8日の厚生労働省の説明)によると、マイナ資格確認アプリの利用申請も、やむを得ない事由の申し出もしていない施術所は、令和8年1月頃に集団指導、令和8年夏頃に「受領委任の取扱いが中止となり得る旨の通知」を受け、令和8年12月頃に「受領委任の取扱いが中止」となる、とされています。",
                ZENSEIKYO_REPORT,
                None,
            ),
            note(
                "やむを得ない事由は、①令和6年4月の時点で常勤の施術者が皆70歳以上(あはきの施術所では、視覚障害の場合も)、②令和7年12月2日までに施術所の廃止・休止を決めている、③令和7年12月2日までに受領委任の取扱いの中止を決めている、のいずれかとされています(具体的な時期が決まっていない場合は当たりません)。",
                EXEMPTION_NOTICE,
                None,
            ),
            note(
                "同じ報告では、やむを得ない事由に当たる施術所は、厚生労働省から送られた通知(集団指導に移行する旨の通知など)に同封の書類で連絡する、とされています。連絡した施術所は、集団指導や受領委任の取扱いの中止にはならない、とも書かれています。",
                ZENSEIKYO_REPORT,
                None,
            ),
            note(
                "令和7年2月の時点で運用開始日を入力していた施術所は、柔整で61.6%、あはきで24.1%でした(厚生労働省の数字を、ベンダーのブログが引用したもの)。",
                ADOPTION_FIGURES,
                None,
            ),
        ],
        documents: &[doc(links::KINKI_KOSEIKYOKU, None), doc(links::MHLW_ADOPTION, None)],
        inputs: &[
            input("timeline_seen", "期限の流れと、今日の位置を確かめた", InputKind::Confirm, REQUIRED),
            input(
                "exemption_declared",
                "やむを得ない事由を申し出ている",
                yes_no(Some("申し出た日と理由を記録してください。"), Some("手順1から導入を進めてください。")),
                REQUIRED,
            ),
            input(
                "exemption_declared_on",
                "申し出た日",
                InputKind::Date,
                InputNeed::When { key: "exemption_declared", value: "yes" },
            ),
            input(
                "exemption_reason",
                "申し出た理由",
                InputKind::Choice {
                    options: &[
                        ChoiceOption {
                            value: "elderly_or_visual",
                            label: "① 令和6年4月の時点で、常勤の施術者が皆70歳以上(あはきの施術所は、視覚障害の場合も)",
                        },
                        ChoiceOption {
                            value: "closing",
                            label: "② 令和7年12月2日までに、施術所の廃止・休止を決めている",
                        },
                        ChoiceOption {
                            value: "stopping_juryo_inin",
                            label: "③ 令和7年12月2日までに、受領委任の取扱いの中止を決めている",
                        },
                        ChoiceOption { value: "other", label: "そのほか" },
                    ],
                },
                InputNeed::When { key: "exemption_declared", value: "yes" },
            ),
            input("exemption_note", "理由のメモ", InputKind::Text, OPTIONAL),
        ],
        rows: None,
        helpers: &[helper(Helper::Timeline, None)],
        skip: &[],
        related_program: None,
        source: ZENSEIKYO_REPORT,
    },
    WizardStep {
        number: 1,
        id: "portal_user",
        title: "施術所等向け総合ポータルサイトにユーザー登録する",
        mobile_title: None,
        what_to_do: &[
            all("施術所等向け総合ポータルサイトを開き、「ユーザー登録手順書」に沿ってユーザー登録をします。"),
            all("登録を申請するとメールが届きます。メールのリンクを押すと、登録が完了します。"),
            all("柔整とあはきの両方の登録記号番号がある施術所は、両方を記録してください。"),
        ],
        have_ready: &[
            all("登録記号番号(受領委任の契約のときの記号番号)"),
            all("確認のメールを受け取れるメールアドレス"),
        ],
        notes: &[
            note(
                "登録記号番号は、受領委任の契約のときの記号番号です。レセコンの「施術者台帳」で確認できます。",
                seed(SEED_APPLY_1),
                None,
            ),
            note(
                "案内の例(レセコンの製品名は書かれていません)では、柔整は「F5.マスター管理」→「1.施術者台帳」、鍼灸は「F3.マスター管理」→「1.施術者台帳」です。お使いのレセコンでメニューが見つからないときは、レセコンの販売元に聞いてください。",
                seed(SEED_APPLY_1),
                None,
            ),
            note("ポータルサイトでは、登録記号番号をハイフンなしで入力するとされています。", WORLD_HOKEN_108, None),
            note(
                "柔整とあはきの両方の施術をしている施術所でも、資格確認の端末は1台あれば問題ないと厚生労働省が回答した、と案内に書かれています(コールセンターからは2台必要という情報も出ていたそうです)。",
                seed_relayed("4.Q&A Q5"),
                None,
            ),
        ],
        documents: &[doc(links::PORTAL, None), doc(links::USER_REGISTRATION_MANUAL, None)],
        inputs: &[
            StepInput {
                help: Some("設定の施術所の情報に登録してあれば、その番号が入っています。"),
                ..input(
                    "reg_no_judo",
                    "登録記号番号(柔整)",
                    InputKind::RegNo { practice: Practice::Judo },
                    InputNeed::OneOf { group: "reg_no" },
                )
            },
            StepInput {
                help: Some("設定の施術所の情報に登録してあれば、その番号が入っています。"),
                ..input(
                    "reg_no_ahaki",
                    "登録記号番号(あはき)",
                    InputKind::RegNo { practice: Practice::Ahaki },
                    InputNeed::OneOf { group: "reg_no" },
                )
            },
            input("registered_on", "ユーザー登録を申請した日", InputKind::Date, REQUIRED),
            input("confirmation_mail", "届いたメールのリンクを押して、登録を完了した", InputKind::Confirm, REQUIRED),
        ],
        rows: None,
        helpers: &[],
        skip: &[],
        related_program: None,
        source: seed(SEED_APPLY_1),
    },
    WizardStep {
        number: 2,
        id: "app_apply",
        title: "マイナ資格確認アプリの利用開始申請をする",
        mobile_title: None,
        what_to_do: &[
            all(
                "「利用開始手順書」に沿って、ポータルサイトからマイナ資格確認アプリの利用開始申請をします。申請した日を記録してください。",
            ),
            all(
                "申請のあと審査があります。審査が終わるまで、アプリは使えません。使えるようになったら、その日を記録してください。",
            ),
            all(
                "審査を待つあいだも、手順3〜6(使う機器、パソコン、インターネット、カードリーダー)の準備は進められます。",
            ),
        ],
        have_ready: &[all("ポータルサイトのユーザー登録(手順1)が終わっていること")],
        notes: &[note("審査のあとで、アプリが使えるようになります。", seed(SEED_APPLY_2), None)],
        documents: &[doc(links::APP_APPLY_MANUAL, None), doc(links::PORTAL, None)],
        inputs: &[
            input("applied_on", "利用開始申請をした日", InputKind::Date, REQUIRED),
            StepInput {
                help: Some("審査を待っているあいだは空けておきます。"),
                ..input("approved_on", "審査が終わり、アプリが使えるようになった日", InputKind::Date, REQUIRED)
            },
        ],
        rows: None,
        helpers: &[],
        skip: &[],
        related_program: None,
        source: seed(SEED_APPLY_2),
    },
    WizardStep {
        number: 3,
        id: "connection",
        title: "資格確認に使う機器を決める",
        mobile_title: None,
        what_to_do: &[
            all(
                "資格確認に使う機器を、Windowsパソコン(Windows 10・11に限る)か、スマートフォン・タブレットから選びます。",
            ),
            all("どちらも、インターネットにつながる環境が必要です。"),
            mobile(
                "スマートフォン・タブレットは、Wi-Fi または SIM でインターネットにつなぎます。マイナンバーカードを読み取れる機種(NFC対応)か、一覧で確かめてください。",
            ),
        ],
        have_ready: &[pc("使う予定のWindowsパソコン"), mobile("使う予定のスマートフォン・タブレットの機種名")],
        notes: &[
            note("Windowsパソコンは、Windows 10・11 に限ります。", seed(SEED_CONNECT_1), PC),
            note(
                "パソコンのほか、タブレットやスマートフォンでも資格確認ができます。往療先でも使えます。",
                seed("4.Q&A Q2"),
                None,
            ),
            note(
                "施術所にインターネット環境がない場合は、インターネットの契約が必要です。相談先(例):携帯電話会社、J:com、USENなど。",
                seed(SEED_CONNECT_1),
                None,
            ),
            note(
                "案内には「令和7年1月以降、レセコンソフトが入ったWindowsパソコンで資格確認すると、読み取った保険証情報をレセコンへ転送できるようになる予定」と書かれていました。お使いのレセコンが対応しているかは、レセコンの販売元に確かめてください。スマートフォン・タブレットでの転送は案内されていません。",
                seed_relayed("2.「オンライン資格確認システム」へ接続する ステップ.1 News"),
                None,
            ),
            note(
                "スマートフォンには、マイナンバーカードの読み取り機能(NFC)が必要です。iPhone と Google Pixel 6 以降は単体で使えます。そのほか単体での利用が確認されている機種: AQUOS sense6、XPERIA 10 Ⅳ、Oppo Reno7 A、Pixel 6a、Pixel 7pro。",
                seed("4.Q&A Q3"),
                MOBILE,
            ),
            note(
                "一覧に載っている機種のうち、Galaxy など一部のスマートフォンは、Bluetoothの汎用カードリーダーと組み合わせる必要があります。",
                seed("4.Q&A Q3"),
                MOBILE,
            ),
            note(
                "iPad でマイナンバーカードを読み取るには、Bluetoothの汎用カードリーダーが必要です。",
                OFFICIAL_APP_NOTES,
                MOBILE,
            ),
        ],
        documents: &[doc(links::NFC_PHONES, MOBILE), doc(links::PORTAL_FAQ_INTRO, None)],
        inputs: &[
            input(
                "route",
                "資格確認に使う機器",
                InputKind::Choice {
                    options: &[
                        ChoiceOption { value: "windows_pc", label: "Windowsパソコン(Windows 10・11)" },
                        ChoiceOption { value: "mobile", label: "スマートフォン・タブレット" },
                    ],
                },
                REQUIRED,
            ),
            input(
                "has_internet",
                "施術所にインターネット環境がある",
                must_be_yes(Some("使う機器をインターネットにつなぎます。"), Some(INTERNET_CONTRACT)),
                REQUIRED,
            ),
            StepInput {
                only: PC,
                ..input(
                    "has_rececon",
                    "このパソコンにレセコンが入っている",
                    yes_no(
                        Some("読み取った資格情報をレセコンへ渡せるかは、レセコンの販売元に確かめてください。"),
                        None,
                    ),
                    OPTIONAL,
                )
            },
            StepInput {
                only: MOBILE,
                placeholder: Some("例: iPhone、AQUOS sense6、iPad"),
                ..input("device_model", "使う端末の機種名", InputKind::Text, OPTIONAL)
            },
        ],
        rows: None,
        helpers: &[],
        skip: &[],
        related_program: None,
        source: seed(SEED_CONNECT_1),
    },
    WizardStep {
        number: 4,
        id: "pc_check",
        title: "パソコンが要件を満たすか確かめる",
        mobile_title: None,
        what_to_do: &[
            all(
                "資格確認に使うWindowsパソコンでオン資ナビを開き、「パソコンを確認する」を押します。OS・メモリ・ストレージ・CPUを読み取り、要件と比べます。",
            ),
            all("満たしていない項目や注意の項目があれば、表示される対応を確かめてください。"),
        ],
        have_ready: &[all("資格確認に使うWindowsパソコン(そのパソコンでオン資ナビを開きます)")],
        notes: &[note(
            "必要なスペック: 対応OS Windows 11・10(64bit)、メモリ 4GB、ストレージ 160GB、CPU Core i3 以上。",
            seed("4.Q&A Q4"),
            None,
        )],
        documents: &[],
        inputs: &[input(
            "pc_confirmed",
            "このパソコンが要件を満たしていることを確かめた",
            InputKind::Confirm,
            REQUIRED,
        )],
        rows: None,
        helpers: &[helper(Helper::PcCheck, None)],
        skip: &[Skip {
            route: Route::Mobile,
            reason: "スマートフォン・タブレットで接続するため、パソコンの確認はいりません。",
        }],
        related_program: None,
        source: seed("4.Q&A Q4"),
    },
    WizardStep {
        number: 5,
        id: "internet",
        title: "インターネットにつながるか確かめる",
        mobile_title: None,
        what_to_do: &[
            all("資格確認に使う機器が、インターネットにつながることを確かめます。"),
            pc("オン資ナビの「インターネットを確認する」で、このパソコンがつながるか確かめられます。"),
            mobile("スマートフォン・タブレットは、Wi-Fi または SIM でつながることを確かめます。"),
        ],
        have_ready: &[all("資格確認に使う機器")],
        notes: &[
            note(
                "スマートフォン・タブレットには、インターネットに接続できる通信環境(Wi-Fi・SIM接続など)が必要です。",
                seed(SEED_CONNECT_1),
                MOBILE,
            ),
            note(
                "貸与されたパソコンも、セキュリティソフトを入れてインターネットにつないでかまいません。",
                seed("4.Q&A Q1"),
                PC,
            ),
        ],
        documents: &[],
        inputs: &[
            input(
                "internet_ok",
                "資格確認に使う機器がインターネットにつながった",
                must_be_yes(None, Some(INTERNET_CONTRACT)),
                REQUIRED,
            ),
            StepInput {
                only: PC,
                ..input(
                    "security_software",
                    "セキュリティソフトが入っている",
                    yes_no(None, Some("セキュリティソフトを入れてから、インターネットにつないでください。")),
                    OPTIONAL,
                )
            },
        ],
        rows: None,
        helpers: &[helper(Helper::InternetCheck, PC)],
        skip: &[],
        related_program: None,
        source: seed(SEED_CONNECT_1),
    },
    WizardStep {
        number: 6,
        id: "card_reader",
        title: "カードの読み取り方を決め、カードリーダーを用意する",
        mobile_title: Some("スマートフォン・タブレットでのカードの読み取り方を決める"),
        what_to_do: &[
            pc(
                "厚生労働省が公表している、マイナンバーカードの読み取りに対応したカードリーダーから選んで用意します。無線(Bluetooth)と有線(USB接続)があります。",
            ),
            pc("パソコンにつないだら、オン資ナビの「カードリーダーの確認」で、リーダーが見えるか確かめます。"),
            mobile(
                "使う端末がマイナンバーカードを単体で読み取れるか、「マイナンバーカードに対応したNFCスマートフォン一覧」で確かめます。",
            ),
            mobile(
                "Galaxy など一部のスマートフォンと iPad は、Bluetoothの汎用カードリーダーを組み合わせて使います。その場合は、カードリーダーを用意します。",
            ),
        ],
        have_ready: &[pc("使う予定のカードリーダーの製品名・型番"), mobile("使う端末の機種名")],
        notes: &[
            note(
                "厚生労働省から、マイナンバーカードの読み取りに対応している無線タイプ(Bluetooth)と有線タイプ(USB接続)のカードリーダーが公表されています。",
                seed(SEED_CONNECT_2),
                None,
            ),
            note(
                "iPhone と Google Pixel 6 以降は単体で使えます。Galaxy など一部のスマートフォンは、Bluetoothの汎用カードリーダーと組み合わせる必要があります。",
                seed("4.Q&A Q3"),
                MOBILE,
            ),
            note("iPad は、Bluetoothの汎用カードリーダーを使います。", OFFICIAL_APP_NOTES, MOBILE),
        ],
        documents: &[doc(links::READER_LIST, None), doc(links::NFC_PHONES, MOBILE)],
        inputs: &[
            StepInput {
                only: PC, ..input("reader_model", "カードリーダーの製品名・型番", InputKind::Text, REQUIRED)
            },
            StepInput {
                only: PC,
                ..input(
                    "reader_connection",
                    "カードリーダーのつなぎ方",
                    InputKind::Choice {
                        options: &[
                            ChoiceOption { value: "usb", label: "USB接続(有線)" },
                            ChoiceOption { value: "bluetooth", label: "Bluetooth(無線)" },
                        ],
                    },
                    REQUIRED,
                )
            },
            input(
                "reader_on_list",
                "公表されている対応機種の一覧に載っている",
                yes_no(None, Some("一覧に載っていない機種は、使えないことがあります。一覧で確かめてください。")),
                OPTIONAL,
            ),
            StepInput {
                only: MOBILE,
                ..input(
                    "mobile_reading",
                    "マイナンバーカードの読み取り方",
                    InputKind::Choice {
                        options: &[
                            ChoiceOption { value: "nfc_alone", label: "端末だけで読み取る(NFC)" },
                            ChoiceOption {
                                value: "bluetooth_reader",
                                label: "Bluetoothのカードリーダーを組み合わせる",
                            },
                        ],
                    },
                    REQUIRED,
                )
            },
            StepInput {
                only: MOBILE,
                ..input(
                    "bt_reader_model",
                    "Bluetoothカードリーダーの製品名・型番",
                    InputKind::Text,
                    InputNeed::When { key: "mobile_reading", value: "bluetooth_reader" },
                )
            },
        ],
        rows: None,
        helpers: &[helper(Helper::ReaderCheck, PC)],
        skip: &[],
        related_program: Some("equipment_subsidy_2025"),
        source: seed(SEED_CONNECT_2),
    },
    WizardStep {
        number: 7,
        id: "terminal_accounts",
        title: "端末ごとのアカウントとアプリユーザー設定情報を確かめる",
        mobile_title: None,
        what_to_do: &[
            all(
                "資格確認に使う端末ごとに、マイナ資格確認アプリのアカウント(W0000001 のようなID。ポータルサイトに一覧があります)を1行ずつ記録します。",
            ),
            all(
                "アカウントごとの添付ファイル(PDF)に「アプリユーザー設定情報」があります。「確認手順書」に沿って開き、確かめたら印を付けます。",
            ),
            all("パスワードなど、設定情報の中身はオン資ナビに書き写さないでください。"),
        ],
        have_ready: &[all(
            "ポータルサイトにログインできること(手順1・2が終わっていること。アカウントの一覧はポータルサイトにあります)",
        )],
        notes: &[
            note(
                "端末ごとのアカウントは、ポータルサイトの「各種申請」→「資格確認アカウント管理」→「マイナ資格確認アプリアカウント管理」に1台ずつ(W0000001 のようなID)表示されます。端末が複数あれば、IDも複数あります。",
                OFFICIAL_APP_NOTES,
                None,
            ),
            note(
                "アカウントの添付ファイルは、アプリに一度入力する「アプリユーザー設定情報」のPDFです。",
                OFFICIAL_APP_NOTES,
                None,
            ),
        ],
        documents: &[doc(links::USER_SETTINGS_MANUAL, None), doc(links::PORTAL, None)],
        inputs: &[],
        rows: Some(RowGroup {
            key: "terminals",
            row_label: "端末",
            min_rows: 1,
            columns: &[
                StepInput {
                    placeholder: Some("W0000001"),
                    ..input("account", "マイナ資格確認アプリのアカウントID", InputKind::Text, REQUIRED)
                },
                StepInput {
                    placeholder: Some("例: 受付のパソコン、往療用のスマートフォン"),
                    ..input("device", "使う端末", InputKind::Text, REQUIRED)
                },
                input(
                    "settings_pdf_checked",
                    "この端末の「アプリユーザー設定情報」(PDF)を確かめた",
                    InputKind::Confirm,
                    REQUIRED,
                ),
            ],
        }),
        helpers: &[],
        skip: &[],
        related_program: None,
        source: seed(SEED_CONNECT_3),
    },
    WizardStep {
        number: 8,
        id: "app_setup",
        title: "マイナ資格確認アプリを入れて初期設定する",
        mobile_title: None,
        what_to_do: &[
            all("「マイナ資格確認アプリのセットアップ前に」を読んでから、アプリを入れて初期設定をします。"),
            pc(
                "Windowsパソコンでは、アプリを Microsoft Store から入れます。手順は「マイナ資格確認アプリのセットアップと使い方_Windows版」にあります。",
            ),
            mobile(
                "スマートフォン・タブレットには、「マイナ資格確認アプリ」という名前のアプリを入れます。入手先(iPhone・iPad は App Store、Android は Google Play など)と入れ方は、ポータルサイトの「マイナ資格確認アプリのセットアップ前に」とよくある質問「導入について」で確かめてください。",
            ),
            all("初期設定では、手順7で確かめた端末ごとの「アプリユーザー設定情報」を入力します。"),
            all("すべての端末で終えたら、スタッフが確かめて印を付けます。"),
        ],
        have_ready: &[all("手順7で確かめた、端末ごとのアプリユーザー設定情報(PDF)")],
        notes: &[
            note(
                "アプリのインストールと初期設定の資料として、「マイナ資格確認アプリのセットアップ前に」と「マイナ資格確認アプリのセットアップと使い方_Windows版」が案内されています。",
                seed(SEED_CONNECT_3),
                None,
            ),
            note("Windowsパソコンのマイナ資格確認アプリは、Microsoft Store から入れます。", OFFICIAL_APP_NOTES, PC),
            note(
                "公式のよくある質問(導入について)では、登録した端末でオンライン資格確認を使うには「マイナ資格確認アプリ」のインストールが必要、とされています。",
                OFFICIAL_APP_NOTES,
                MOBILE,
            ),
            note(
                "医療機関向けの同じ名前のアプリは、iPhone 用・Android 用ともストアから入手できると紹介されています(民間のコラム)。施術所のアプリも同じかは確かめられていません。",
                MOBILE_STORE_COLUMN,
                MOBILE,
            ),
        ],
        documents: &[
            doc(links::BEFORE_SETUP_MANUAL, None),
            doc(links::WINDOWS_SETUP_MANUAL, PC),
            doc(links::PORTAL_FAQ_INTRO, MOBILE),
        ],
        inputs: &[
            input("app_installed", "資格確認に使うすべての端末に、アプリを入れた", InputKind::Confirm, REQUIRED),
            input(
                "app_configured",
                "すべての端末で初期設定(アプリユーザー設定情報の入力)を終えた",
                InputKind::Confirm,
                REQUIRED,
            ),
            input("confirmed_by", "確かめたスタッフ", InputKind::Text, OPTIONAL),
        ],
        rows: None,
        helpers: &[],
        skip: &[],
        related_program: None,
        source: seed(SEED_CONNECT_3),
    },
    WizardStep {
        number: 9,
        id: "test_read",
        title: "公式アプリで保険証情報が読み取れることを確かめる",
        mobile_title: None,
        what_to_do: &[
            all(
                "マイナ資格確認アプリでマイナンバーカードを読み取り、保険証情報が表示されることを確かめます。スタッフご自身のマイナ保険証で試すと安心です。",
            ),
            all("公式のアプリで確かめたことを、スタッフが記録します。"),
            pc(
                "オン資ナビの「カードの事前チェック」は、カードの電子証明書の期限や暗証番号の残り回数を見るための手伝いです。公式アプリで読み取れたことの代わりにはなりません。",
            ),
        ],
        have_ready: &[all("マイナンバーカード(スタッフご自身のマイナ保険証など)")],
        notes: &[
            note(
                "「マイナ資格確認アプリ」を使い、マイナンバーカードの保険証情報が読み取れることを確認します。",
                seed(SEED_CONNECT_4),
                None,
            ),
            note(
                "公式のよくある質問では、読み取った資格情報の画面をスクリーンショットで残さないよう求められています。",
                OFFICIAL_APP_NOTES,
                None,
            ),
        ],
        documents: &[],
        inputs: &[
            input("tested_on", "確かめた日", InputKind::Date, REQUIRED),
            input(
                "read_in_official_app",
                "公式のマイナ資格確認アプリで、保険証情報が読み取れた",
                InputKind::Confirm,
                REQUIRED,
            ),
            input("confirmed_by", "確かめたスタッフ", InputKind::Text, OPTIONAL),
        ],
        rows: None,
        helpers: &[helper(Helper::CardPreCheck, PC)],
        skip: &[],
        related_program: None,
        source: seed(SEED_CONNECT_4),
    },
    WizardStep {
        number: 10,
        id: "start_date",
        title: "運用開始日を登録して、業務を始める",
        mobile_title: None,
        what_to_do: &[
            all(
                "アプリを初めて業務で使う日を決め、ポータルサイトで登録します。ログインして「各種申請」→「運用開始日登録」→「マイナ資格確認アプリ(施術所)運用開始日入力」の順に進み、フォームに入力して送信します。同じ日をここにも記録します。",
            ),
            all(
                "先の日付を入れると「運用開始予定日」として記録します。その日に業務を始めて、ポータルサイトで登録し、この手順を完了にするまで、期限の表示は続きます。",
            ),
            all(
                "その日から、マイナ資格確認アプリで業務を始めます(業務スタート)。受付でマイナ保険証をお持ちか、お声がけしましょう。",
            ),
        ],
        have_ready: &[all("手順9で、公式アプリで読み取れることを確かめてあること")],
        notes: &[
            note("「運用開始日登録」で、アプリを初めて使用する日を登録します。", seed(SEED_CONNECT_5), None),
            note("登録したら、「マイナ資格確認アプリ」で業務をスタートします。", seed(SEED_CONNECT_6), None),
            note(
                "運用開始日の登録がない施術所は、ポータルサイトの運営側では、オンライン資格確認を導入していない施術所と判断される、と案内されています。",
                JAMMA_START_DATE,
                None,
            ),
        ],
        documents: &[doc(links::START_DATE_MANUAL, None), doc(links::PORTAL, None)],
        inputs: &[
            input("start_date", "運用開始日(アプリを初めて業務で使う日)", InputKind::Date, REQUIRED),
            input(
                "registered_on_portal",
                "ポータルサイトの「運用開始日登録」で、同じ日を登録した",
                InputKind::Confirm,
                REQUIRED,
            ),
            input("go_live", "マイナ資格確認アプリで業務を始めた(業務スタート)", InputKind::Confirm, REQUIRED),
        ],
        rows: None,
        helpers: &[],
        skip: &[],
        related_program: Some("promotion_grant_2025"),
        source: seed(SEED_CONNECT_5),
    },
];

impl WizardStep {
    /// The title staff read on `route` (the general one before the route is chosen).
    pub fn title_on(&self, route: Option<Route>) -> &'static str {
        match (route, self.mobile_title) {
            (Some(Route::Mobile), Some(title)) => title,
            _ => self.title,
        }
    }
}

/// Looks a wizard step up by its stored id.
pub fn wizard_step(id: &str) -> Option<&'static WizardStep> {
    WIZARD.iter().find(|s| s.id == id)
}

/// Whether a step applies on a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum Applicability {
    /// The step is part of this clinic's set-up
    Applies,
    /// 対象外 on this route
    NotApplicable {
        /// Why, in Japanese
        reason: &'static str,
    },
}

impl Applicability {
    /// True for [`Applicability::Applies`].
    pub fn is_applicable(self) -> bool {
        matches!(self, Applicability::Applies)
    }
}

/// Whether the step `step_id` applies on `route`. Before the route is chosen (step 3) every step
/// applies: nothing can be ruled out yet. An id the wizard does not have is 対象外 with a reason
/// saying so (an old stored id, a typo), so it never counts.
pub fn applies(step_id: &str, route: Option<Route>) -> Applicability {
    let Some(step) = wizard_step(step_id) else {
        return Applicability::NotApplicable { reason: "導入ガイドにない手順です。" };
    };
    match route.and_then(|r| step.skip.iter().find(|s| s.route == r)) {
        Some(skip) => Applicability::NotApplicable { reason: skip.reason },
        None => Applicability::Applies,
    }
}

/// Where staff are with one step. Stored with the step id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    /// Nothing recorded yet
    NotStarted,
    /// Something recorded, not everything (waiting for the 審査, a reader on order, …)
    InProgress,
    /// Done
    Done,
}

impl StepState {
    /// 未着手 / 進行中 / 完了.
    pub fn label(self) -> &'static str {
        match self {
            StepState::NotStarted => "未着手",
            StepState::InProgress => "進行中",
            StepState::Done => "完了",
        }
    }
}

/// What the screen shows for a step: its state, or 対象外 on the clinic's route.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// 未着手
    NotStarted,
    /// 進行中
    InProgress,
    /// 完了
    Done,
    /// 対象外: the step does not apply on the route (whatever was stored for it)
    NotApplicable,
}

impl StepStatus {
    /// The status for a stored state and the step's applicability.
    pub fn of(state: StepState, applicability: Applicability) -> StepStatus {
        match (applicability, state) {
            (Applicability::NotApplicable { .. }, _) => StepStatus::NotApplicable,
            (Applicability::Applies, StepState::NotStarted) => StepStatus::NotStarted,
            (Applicability::Applies, StepState::InProgress) => StepStatus::InProgress,
            (Applicability::Applies, StepState::Done) => StepStatus::Done,
        }
    }

    /// 未着手 / 進行中 / 完了 / 対象外.
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::NotStarted => StepState::NotStarted.label(),
            StepStatus::InProgress => StepState::InProgress.label(),
            StepStatus::Done => StepState::Done.label(),
            StepStatus::NotApplicable => "対象外",
        }
    }
}

/// A step's stored state and when staff last changed anything in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StepRecord {
    /// The step id (ids the wizard does not know are ignored)
    pub id: String,
    /// Its state
    pub state: StepState,
    /// When staff last changed the step; `None` when not known (progress from the first guide)
    pub touched_at: Option<DateTime<Utc>>,
}

/// How far the clinic has come, counting only the steps that apply on its route.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WizardProgress {
    /// Applicable steps done
    pub done: u32,
    /// Steps that apply on the route (all 11 before the route is chosen)
    pub applicable: u32,
    /// The first applicable step not done, in order; `None` when all are done
    pub current_step: Option<&'static str>,
}

/// The record of `id`; when there are several, the one touched last (the later one on a tie).
fn record_for<'a>(records: &'a [StepRecord], id: &str) -> Option<&'a StepRecord> {
    records.iter().enumerate().filter(|(_, r)| r.id == id).max_by_key(|(i, r)| (r.touched_at, *i)).map(|(_, r)| r)
}

fn state_of(records: &[StepRecord], id: &str) -> StepState {
    record_for(records, id).map_or(StepState::NotStarted, |r| r.state)
}

fn applicable_steps(route: Option<Route>) -> impl Iterator<Item = &'static WizardStep> {
    WIZARD.iter().filter(move |s| applies(s.id, route).is_applicable())
}

/// The status the screen shows for step `id`.
pub fn step_status(id: &str, route: Option<Route>, records: &[StepRecord]) -> StepStatus {
    StepStatus::of(state_of(records, id), applies(id, route))
}

/// Progress on `route`: steps that do not apply are neither done nor counted (a phone clinic's
/// stored PC check does not count), and unknown ids are ignored.
pub fn wizard_progress(route: Option<Route>, records: &[StepRecord]) -> WizardProgress {
    let mut done = 0;
    let mut applicable = 0;
    let mut current_step = None;
    for step in applicable_steps(route) {
        applicable += 1;
        if state_of(records, step.id) == StepState::Done {
            done += 1;
        } else if current_step.is_none() {
            current_step = Some(step.id);
        }
    }
    WizardProgress { done, applicable, current_step }
}

/// The step to open when staff come back: where they left off.
///
/// The rule: take the applicable step staff touched last. If it is not done, they left off there
/// (a step waiting for the 審査, a reader on order). If it is done, they left off just after it:
/// the next applicable step not done after it, or, when every later one is done, the first one not
/// done from the start (a step skipped earlier). With nothing touched (a new clinic, or progress
/// from the first guide without times) it is the first applicable step not done. `None` when every
/// applicable step is done.
///
/// "Last touched" rather than always "first not done" because steps 3–6 can go on while step 2
/// waits for the 審査: sending staff back to step 2 each time would hide the work they were doing.
pub fn resume_step(route: Option<Route>, records: &[StepRecord]) -> Option<&'static WizardStep> {
    let steps: Vec<&'static WizardStep> = applicable_steps(route).collect();
    let not_done = |s: &&&'static WizardStep| state_of(records, s.id) != StepState::Done;
    let first_not_done = || steps.iter().find(not_done).copied();
    let last_touched = steps
        .iter()
        .enumerate()
        .filter_map(|(pos, s)| record_for(records, s.id).and_then(|r| r.touched_at).map(|at| (at, pos)))
        .max_by_key(|&(at, pos)| (at, pos));
    match last_touched {
        None => first_not_done(),
        Some((_, pos)) if not_done(&&steps[pos]) => Some(steps[pos]),
        Some((_, pos)) => steps[pos + 1..].iter().find(not_done).copied().or_else(first_not_done),
    }
}

/// The records as the screens count them: a step stored 完了 that has a blocker today (an answer
/// that says the clinic is not ready, a date that disagrees, a needed answer removed since) is
/// 進行中, so neither the progress nor ホーム ever calls it finished. `rows` is how many rows the
/// step with a table has (the terminal accounts).
pub fn effective_records(
    records: &[StepRecord],
    answers: &crate::answers::Answers,
    rows: u32,
    today: chrono::NaiveDate,
) -> Vec<StepRecord> {
    records
        .iter()
        .map(|r| {
            let blocked = r.state == StepState::Done
                && applies(&r.id, answers.route()).is_applicable()
                && !crate::answers::blockers(&r.id, answers, rows, today).is_empty();
            StepRecord { state: if blocked { StepState::InProgress } else { r.state }, ..r.clone() }
        })
        .collect()
}

/// Step `id` as this clinic sees it: on its route, and with only the 登録記号番号 of its
/// practices ([`crate::answers::Answers::asks`]).
pub fn step_view_for(id: &str, answers: &crate::answers::Answers, knowledge: &Knowledge) -> Option<StepView> {
    let mut view = step_view(id, answers.route(), knowledge)?;
    view.inputs.retain(|i| answers.asks(i));
    Some(view)
}

/// A step with only the content for the clinic's route, and whether it applies; its documents
/// are the pages of the dated links in use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StepView {
    /// 0–10
    pub number: u8,
    /// Stable id
    pub id: &'static str,
    /// What the step achieves
    pub title: &'static str,
    /// Whether it applies on the route, and why not
    pub applicability: Applicability,
    /// What to do
    pub what_to_do: Vec<RouteText>,
    /// What to have ready
    pub have_ready: Vec<RouteText>,
    /// Facts with their sources
    pub notes: Vec<StepNote>,
    /// Official documents
    pub documents: Vec<StepDoc>,
    /// What the step records
    pub inputs: Vec<StepInput>,
    /// A table the step records, if any
    pub rows: Option<RowGroup>,
    /// Parts of オン資ナビ that help
    pub helpers: Vec<StepHelper>,
    /// The related program's id
    pub related_program: Option<&'static str>,
    /// Where the step comes from
    pub source: FactSource,
}

/// Step `id` as the clinic on `route` sees it: items for the other route left out. Before the
/// route is chosen, every item is kept (each carries its `only`, so the screen can label it).
pub fn step_view(id: &str, route: Option<Route>, knowledge: &Knowledge) -> Option<StepView> {
    let step = wizard_step(id)?;
    let shown = |only: Option<Route>| match (route, only) {
        (Some(r), Some(o)) => r == o,
        _ => true,
    };
    Some(StepView {
        number: step.number,
        id: step.id,
        title: step.title_on(route),
        applicability: applies(id, route),
        what_to_do: step.what_to_do.iter().filter(|t| shown(t.only)).copied().collect(),
        have_ready: step.have_ready.iter().filter(|t| shown(t.only)).copied().collect(),
        notes: step.notes.iter().filter(|n| shown(n.only)).cloned().collect(),
        documents: step
            .documents
            .iter()
            .filter(|d| shown(d.only))
            .filter_map(|d| knowledge.link(d.link).map(|link| StepDoc { link: link.clone(), only: d.only }))
            .collect(),
        inputs: step.inputs.iter().filter(|i| shown(i.only)).copied().collect(),
        rows: step.rows,
        helpers: step.helpers.iter().filter(|h| shown(h.only)).copied().collect(),
        related_program: step.related_program,
        source: step.source.clone(),
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::knowledge::BUNDLED;

    fn at(hour: u32) -> Option<DateTime<Utc>> {
        Utc.with_ymd_and_hms(2026, 11, 29, hour, 0, 0).single()
    }

    fn rec(id: &str, state: StepState, touched: Option<DateTime<Utc>>) -> StepRecord {
        StepRecord { id: id.to_string(), state, touched_at: touched }
    }

    fn done(ids: &[&str]) -> Vec<StepRecord> {
        ids.iter().map(|id| rec(id, StepState::Done, None)).collect()
    }

    fn every_text(step: &WizardStep) -> Vec<&'static str> {
        let mut texts = vec![step.title];
        texts.extend(step.mobile_title);
        texts.extend(step.what_to_do.iter().chain(step.have_ready).map(|t| t.text));
        texts.extend(step.notes.iter().map(|n| n.text));
        let inputs = step.inputs.iter().chain(step.rows.iter().flat_map(|r| r.columns));
        for i in inputs {
            texts.extend([Some(i.label), i.help, i.placeholder].into_iter().flatten());
            match i.kind {
                InputKind::YesNo { if_yes, if_no, .. } => texts.extend([if_yes, if_no].into_iter().flatten()),
                InputKind::Choice { options } => texts.extend(options.iter().map(|o| o.label)),
                _ => {}
            }
        }
        texts.extend(step.skip.iter().map(|s| s.reason));
        texts
    }

    #[test]
    fn steps_are_numbered_in_order_with_unique_ids() {
        for (i, s) in WIZARD.iter().enumerate() {
            assert_eq!(usize::from(s.number), i, "{}", s.id);
            assert_eq!(wizard_step(s.id), Some(s));
            assert!(WIZARD[i + 1..].iter().all(|t| t.id != s.id), "duplicate id {}", s.id);
        }
        assert_eq!(wizard_step("go_live"), None, "folded into start_date");
        assert!(title_for_log("go_live").is_some_and(|t| t.contains("運用開始日")), "older audit rows keep a title");
        assert_eq!(title_for_log("portal_user"), wizard_step("portal_user").map(|s| s.title));
    }

    /// Stored progress must keep its meaning: every id of the first guide is a wizard step or
    /// folded into one.
    #[test]
    fn old_stored_ids_are_still_present_or_folded() {
        let first_guide = [
            "portal_user",
            "app_apply",
            "connection",
            "pc_check",
            "card_reader",
            "app_setup",
            "test_read",
            "start_date",
            "go_live",
        ];
        for old in first_guide {
            let folded = FOLDED_IDS.iter().find(|(o, _)| *o == old).map(|(_, into)| *into);
            let id = folded.unwrap_or(old);
            assert!(wizard_step(id).is_some(), "stored id {old} has no wizard step");
        }
        for (old, into) in FOLDED_IDS {
            assert!(wizard_step(old).is_none() && wizard_step(into).is_some());
            let confirm = wizard_step(into).and_then(|s| s.inputs.iter().find(|i| i.key == old));
            assert_eq!(confirm.map(|i| i.kind), Some(InputKind::Confirm), "{old} is confirmed in {into}");
        }
    }

    #[test]
    fn route_decides_which_steps_apply() {
        let not_on_mobile = ["pc_check"];
        for step in &WIZARD {
            for route in [None, Some(Route::WindowsPc)] {
                assert_eq!(applies(step.id, route), Applicability::Applies, "{} on {route:?}", step.id);
            }
            let on_mobile = applies(step.id, Some(Route::Mobile));
            assert_eq!(!on_mobile.is_applicable(), not_on_mobile.contains(&step.id), "{} on a phone", step.id);
        }
        assert_eq!(
            applies("pc_check", Some(Route::Mobile)),
            Applicability::NotApplicable {
                reason: "スマートフォン・タブレットで接続するため、パソコンの確認はいりません。"
            }
        );
        assert!(!applies("go_live", None).is_applicable());
        assert!(!applies("nope", Some(Route::WindowsPc)).is_applicable());
    }

    /// A phone clinic still decides how the card is read: NFC alone, or a Bluetooth reader.
    #[test]
    fn the_reader_step_changes_content_on_a_phone() {
        let keys = |route| -> Vec<&str> {
            step_view("card_reader", Some(route), &BUNDLED)
                .map(|v| v.inputs.iter().map(|i| i.key).collect())
                .unwrap_or_default()
        };
        assert_eq!(keys(Route::WindowsPc), ["reader_model", "reader_connection", "reader_on_list"]);
        assert_eq!(keys(Route::Mobile), ["reader_on_list", "mobile_reading", "bt_reader_model"]);
        let phone = step_view("card_reader", Some(Route::Mobile), &BUNDLED).expect("step");
        assert!(phone.applicability.is_applicable());
        assert!(phone.helpers.is_empty(), "the PC's reader check is no help for a phone");
        assert!(phone.documents.iter().any(|d| d.link.id == links::NFC_PHONES));
        let before = step_view("card_reader", None, &BUNDLED).expect("step");
        assert_eq!(before.inputs.len(), 5, "before the route is chosen, both ways are shown");
        assert_eq!(step_view("nope", None, &BUNDLED), None);
    }

    #[test]
    fn progress_counts_only_applicable_steps() {
        let first_six = ["standing", "portal_user", "app_apply", "connection", "pc_check", "internet"];
        /// Route, records, then the expected done, applicable and current step.
        type Case = (Option<Route>, Vec<StepRecord>, u32, u32, Option<&'static str>);
        let cases: [Case; 6] = [
            (None, vec![], 0, 11, Some("standing")),
            (Some(Route::WindowsPc), done(&first_six), 6, 11, Some("card_reader")),
            (Some(Route::Mobile), done(&first_six), 5, 10, Some("card_reader")),
            (
                Some(Route::Mobile),
                done(&["standing", "portal_user", "connection", "retired"]),
                3,
                10,
                Some("app_apply"),
            ),
            (
                Some(Route::WindowsPc),
                vec![rec("standing", StepState::Done, None), rec("portal_user", StepState::InProgress, None)],
                1,
                11,
                Some("portal_user"),
            ),
            (
                Some(Route::Mobile),
                done(&WIZARD.iter().map(|s| s.id).filter(|id| *id != "pc_check").collect::<Vec<_>>()),
                10,
                10,
                None,
            ),
        ];
        for (route, records, d, a, current) in cases {
            let p = wizard_progress(route, &records);
            assert_eq!((p.done, p.applicable, p.current_step), (d, a, current), "{route:?} {records:?}");
        }
    }

    #[test]
    fn status_labels_include_not_applicable() {
        let records = done(&["pc_check"]);
        assert_eq!(step_status("pc_check", Some(Route::Mobile), &records).label(), "対象外");
        assert_eq!(step_status("pc_check", Some(Route::WindowsPc), &records).label(), "完了");
        assert_eq!(step_status("internet", Some(Route::WindowsPc), &records).label(), "未着手");
        let waiting = [rec("app_apply", StepState::InProgress, at(9))];
        assert_eq!(step_status("app_apply", None, &waiting).label(), "進行中");
    }

    #[test]
    fn resume_where_staff_left_off() {
        use StepState::{Done, InProgress};
        let pc = Some(Route::WindowsPc);
        let phone = Some(Route::Mobile);
        /// Name, route, records, then the expected step.
        type Case = (&'static str, Option<Route>, Vec<StepRecord>, Option<&'static str>);
        let cases: [Case; 9] = [
            ("new clinic", None, vec![], Some("standing")),
            (
                "first guide's progress, no times",
                pc,
                done(&["standing", "portal_user", "connection"]),
                Some("app_apply"),
            ),
            (
                "waiting for the 審査 while buying a reader",
                pc,
                vec![
                    rec("standing", Done, at(8)),
                    rec("portal_user", Done, at(9)),
                    rec("app_apply", InProgress, at(10)),
                    rec("connection", Done, at(11)),
                    rec("card_reader", InProgress, at(12)),
                ],
                Some("card_reader"),
            ),
            (
                "finished a step: the next one not done after it",
                pc,
                vec![rec("app_apply", InProgress, at(10)), rec("connection", Done, at(11))],
                Some("pc_check"),
            ),
            (
                "a phone skips the PC check",
                phone,
                vec![rec("app_apply", InProgress, at(10)), rec("connection", Done, at(11))],
                Some("internet"),
            ),
            (
                "last touched is 対象外 on the route: ignored",
                phone,
                vec![rec("connection", Done, at(9)), rec("pc_check", InProgress, at(12))],
                Some("internet"),
            ),
            (
                "everything after the last touched is done: back to a skipped one",
                pc,
                WIZARD
                    .iter()
                    .filter(|s| s.id != "app_apply")
                    .map(|s| rec(s.id, Done, if s.id == "test_read" { at(12) } else { at(8) }))
                    .collect(),
                Some("app_apply"),
            ),
            ("all done", phone, WIZARD.iter().map(|s| rec(s.id, Done, at(8))).collect(), None),
            (
                "a later record of the same step wins",
                pc,
                vec![rec("standing", InProgress, at(8)), rec("standing", Done, at(9))],
                Some("portal_user"),
            ),
        ];
        for (name, route, records, expected) in cases {
            assert_eq!(resume_step(route, &records).map(|s| s.id), expected, "{name}");
        }
    }

    /// A step stored 完了 whose answers say the clinic is not ready (no internet), or whose date
    /// now disagrees, counts as 進行中: the progress never says everything is done.
    #[test]
    fn a_done_step_with_a_blocker_counts_as_in_progress() {
        use crate::answers::Answers;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).expect("date");
        let answers = |list: &[(&str, &str, &str)]| {
            Answers::new(list.iter().map(|(s, k, v)| (s.to_string(), k.to_string(), v.to_string())))
        };
        let all_done: Vec<StepRecord> = WIZARD.iter().map(|s| rec(s.id, StepState::Done, at(8))).collect();
        let offline = answers(&[("connection", "route", "mobile"), ("connection", "has_internet", "no")]);
        let effective = effective_records(&all_done, &offline, 1, today);
        let progress = wizard_progress(Some(Route::Mobile), &effective);
        assert_eq!(progress.current_step, Some("standing"), "other steps lack their answers too");
        assert_eq!(step_status("connection", Some(Route::Mobile), &effective), StepStatus::InProgress);
        // With every other step answered, only the one that says いいえ is left.
        let full: Vec<StepRecord> = vec![rec("connection", StepState::Done, at(8))];
        let effective = effective_records(&full, &offline, 1, today);
        assert_eq!(effective[0].state, StepState::InProgress);
        let online = answers(&[("connection", "route", "mobile"), ("connection", "has_internet", "yes")]);
        assert_eq!(effective_records(&full, &online, 1, today)[0].state, StepState::Done);
        // A step 対象外 on the route is never downgraded (its answers are not asked).
        let pc = vec![rec("pc_check", StepState::Done, at(8))];
        assert_eq!(effective_records(&pc, &online, 1, today)[0].state, StepState::Done);
    }

    /// Inputs are stored by key: keys are unique in a step, and a conditional need points at an
    /// answer its step can give.
    #[test]
    fn input_keys_are_unique_and_conditions_resolve() {
        for step in &WIZARD {
            let all: Vec<&StepInput> = step.inputs.iter().chain(step.rows.iter().flat_map(|r| r.columns)).collect();
            for (i, a) in all.iter().enumerate() {
                assert!(all[i + 1..].iter().all(|b| b.key != a.key), "{}: duplicate key {}", step.id, a.key);
                if let InputKind::Choice { options } = a.kind {
                    assert!(options.len() >= 2, "{}.{}", step.id, a.key);
                }
                match a.need {
                    InputNeed::When { key, value } => {
                        let cond = all.iter().find(|b| b.key == key).map(|b| b.kind);
                        let ok = match cond {
                            Some(InputKind::YesNo { .. }) => ["yes", "no"].contains(&value),
                            Some(InputKind::Choice { options }) => options.iter().any(|o| o.value == value),
                            _ => false,
                        };
                        assert!(ok, "{}.{} depends on {key}={value}", step.id, a.key);
                    }
                    InputNeed::OneOf { group } => {
                        let n = all.iter().filter(|b| b.need == InputNeed::OneOf { group }).count();
                        assert!(n >= 2, "{}: group {group} has one input", step.id);
                    }
                    InputNeed::Required | InputNeed::Optional => {}
                }
            }
            assert!(!all.is_empty(), "{} records nothing", step.id);
        }
    }

    /// Step 3 stores the route by the same value the Route enum serialises to.
    #[test]
    fn route_choice_values_are_the_route_tags() {
        let choice = wizard_step("connection").and_then(|s| s.inputs.iter().find(|i| i.key == "route"));
        let Some(InputKind::Choice { options }) = choice.map(|i| i.kind) else { panic!("no route choice") };
        let values: Vec<&str> = options.iter().map(|o| o.value).collect();
        assert_eq!(values, Route::ALL.map(Route::value));
        for route in Route::ALL {
            assert_eq!(serde_json::to_value(route).ok(), Some(serde_json::json!(route.value())));
            assert_eq!(Route::from_value(route.value()), Some(route));
        }
        assert_eq!(Route::from_value("fax"), None);
    }

    /// The invariant of the crate: programs close and change, a step's text would not.
    #[test]
    fn no_step_text_states_a_program_rule() {
        for step in &WIZARD {
            for text in every_text(step) {
                for word in ["助成", "補助", "協力金", "万円", "円"] {
                    assert!(!text.contains(word), "step {} mentions {word}: {text}", step.id);
                }
            }
        }
    }

    /// Nothing secret is ever asked for, and オン資ナビ's card pre-check is never worded as a proof.
    #[test]
    fn no_password_and_no_eligibility_claim() {
        for step in &WIZARD {
            let inputs = step.inputs.iter().chain(step.rows.iter().flat_map(|r| r.columns));
            for i in inputs {
                let key = i.key.to_lowercase();
                assert!(!["password", "pin", "passcode"].iter().any(|w| key.contains(w)), "{}.{}", step.id, i.key);
                assert!(!i.label.contains("パスワード") && !i.label.contains("暗証番号"), "{}.{}", step.id, i.key);
            }
            for text in every_text(step) {
                for claim in ["資格があ", "資格が確認でき", "有効な資格", "資格確認済"] {
                    assert!(!text.contains(claim), "{}: {text}", step.id);
                }
            }
        }
        let pre_check = wizard_step("test_read").map(|s| s.helpers.iter().map(|h| h.helper).collect::<Vec<_>>());
        assert_eq!(pre_check, Some(vec![Helper::CardPreCheck]));
    }

    /// Every fact has a source with an as-of date; every document an https address.
    #[test]
    fn every_fact_and_document_is_sourced() {
        for step in &WIZARD {
            let sources = step.notes.iter().map(|n| n.source.clone()).chain([step.source.clone()]);
            for s in sources {
                assert!(!s.title.is_empty() && !s.r#where.is_empty(), "{}", step.id);
                assert!(
                    [crate::source::NOTES_AS_OF, crate::source::STOP_MONTH_AS_OF].contains(&s.as_of),
                    "{}",
                    step.id
                );
            }
            for d in step.documents {
                let link = BUNDLED.link(d.link).unwrap_or_else(|| panic!("{}: no link {}", step.id, d.link));
                assert!(link.url.starts_with("https://"), "{}: {}", step.id, link.url);
                assert!(!link.verified, "{}: links.md opened none", step.id);
            }
            assert!(!step.what_to_do.is_empty(), "{}", step.id);
        }
    }

    #[test]
    fn serialises_camel_case_fields_and_snake_case_tags() {
        let view = step_view("standing", Some(Route::Mobile), &BUNDLED).expect("step");
        let json = serde_json::to_value(&view).expect("serialises");
        assert_eq!(json["applicability"], serde_json::json!({"kind": "applies"}));
        assert_eq!(json["inputs"][1]["kind"]["kind"], "yes_no");
        assert!(json["inputs"][1]["kind"]["ifYes"].is_string());
        assert_eq!(
            json["inputs"][2]["need"],
            serde_json::json!({"kind": "when", "key": "exemption_declared", "value": "yes"})
        );
        assert_eq!(json["source"]["where"], "zenseikyo.net(全整協)");
        assert_eq!(json["source"]["asOf"], "2026-11-24");
        assert_eq!(json["helpers"][0]["helper"], "timeline");
        let skipped = serde_json::to_value(applies("pc_check", Some(Route::Mobile))).expect("serialises");
        assert_eq!(skipped["kind"], "not_applicable");
    }
}
