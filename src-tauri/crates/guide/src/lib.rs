//! The steps of the guide clinics follow today (`shared/seed/online-eligibility-guide.ja.txt`),
//! in its order. The ids are stored in the database as progress, so they never change once
//! released; titles and hints may.
//!
//! The 導入ガイド wizard's domain core lives beside them, as pure data and pure functions:
//! - [`wizard`]: steps 0–10 with what to do, what to have ready, sourced facts, official documents,
//!   the inputs each records, which apply on a [`Route`], progress and the step to resume;
//! - [`timeline`]: the enforcement timeline (集団指導, 警告, 受領委任の停止) and today's position;
//! - [`pc`]: the PC requirements and the judgement of a PC's measured figures;
//! - [`knowledge`]: what is dated and can change (timeline, call centre, よくある質問, readers,
//!   official links, check methods), bundled as data and replaceable by the signed update;
//! - [`source`]: where every fact comes from ([`FactSource`]) and the official pages ([`DocLink`]).
//!
//! [`STEPS`] stays for ホーム and the first guide screen; its ids are the wizard's where the step
//! means the same (`go_live` is folded into the wizard's `start_date`, see [`wizard`]).
//!
//! Invariant: a step's text never states a program rule (助成金, 協力金, amounts): programs open,
//! close and change, and a sentence here would keep promising a closed one. A step instead names
//! the program it relates to ([`Step::related_program`]); the screen shows that program's state
//! from the dated program data. This crate does not depend on `programs`: the ids are checked
//! against the program data in `programs`' tests.

// Domain code has no business with raw pointers: the workspace only denies unsafe code (the
// host's Windows message box allows it once); here it stays forbidden.
#![forbid(unsafe_code)]

use serde::Serialize;
use specta::Type;

pub mod answers;
pub mod dates;
pub mod faq;
pub mod knowledge;
pub mod methods;
pub mod pc;
pub mod readers;
pub mod source;
pub mod timeline;
pub mod wizard;

pub use answers::{Answers, Key, keys};
pub use knowledge::{BUNDLED, Knowledge, KnowledgeError};
pub use methods::{CheckMethod, MethodAvailability};
pub use pc::{PcFigures, PcOutcome, PcRequirements, PcRule, PcRuleId, PcVerdict, judge};
pub use source::{DocLink, FactSource, NOTES_AS_OF, links};
pub use timeline::{
    Milestone, MilestoneStatus, MilestoneView, Stage, Standing, TimelineStatus, TimelineView, TodoItem, position,
    standing,
};
pub use wizard::{
    Applicability, Practice, Route, StepRecord, StepState, StepStatus, StepView, WIZARD, WizardProgress, WizardStep,
    applies, effective_records, records_from_done_ids, resume_step, step_status, step_view, step_view_for,
    wizard_progress, wizard_step,
};

/// The part of the guide a step belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// 1.「オンライン資格確認」申請
    Apply,
    /// 2.「オンライン資格確認システム」へ接続する
    Connect,
}

/// One step of the set-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// Stable id, stored as progress
    pub id: &'static str,
    /// Which part of the guide
    pub section: Section,
    /// What to do, as the guide says it
    pub title: &'static str,
    /// The detail staff most often miss
    pub hint: &'static str,
    /// The id of a program (in the `programs` data) this step relates to, whose current state the
    /// screen shows beside the step
    pub related_program: Option<&'static str>,
}

/// Every step, in the guide's order.
pub const STEPS: [Step; 9] = [
    Step {
        id: "portal_user",
        section: Section::Apply,
        title: "施術所向け総合ポータルサイトにユーザー登録する",
        hint: "登録記号番号(受領委任の記号番号)が必要です。レセコンの「マスター管理」→「施術者台帳」で確認できます。申請後に届くメールのリンクを押すと登録が完了します。",
        related_program: None,
    },
    Step {
        id: "app_apply",
        section: Section::Apply,
        title: "マイナ資格確認アプリの利用開始申請をする",
        hint: "利用開始手順書に沿って申請します。審査のあとでアプリが使えるようになります。",
        related_program: None,
    },
    Step {
        id: "connection",
        section: Section::Connect,
        title: "接続する機器を決める(Windowsパソコン または スマートフォン・タブレット)",
        hint: "インターネット環境がない場合は、携帯電話会社やケーブルテレビなどと契約が必要です。",
        related_program: None,
    },
    Step {
        id: "pc_check",
        section: Section::Connect,
        title: "パソコンが要件を満たすか確かめる",
        hint: "Windows 11 または 10(64ビット)、メモリ4GB、ストレージ160GB、Core i3 以上。",
        related_program: None,
    },
    Step {
        id: "card_reader",
        section: Section::Connect,
        title: "カードリーダーを用意する",
        hint: "厚生労働省が公表している対応機種(USB接続 または Bluetooth)から選びます。購入したときの領収書は保管しておいてください。",
        related_program: Some("equipment_subsidy_2025"),
    },
    Step {
        id: "app_setup",
        section: Section::Connect,
        title: "マイナ資格確認アプリをセットアップする",
        hint: "ポータルサイトの「アプリユーザー設定情報」(PDF)を確認してから、アプリをインストールして初期設定します。",
        related_program: None,
    },
    Step {
        id: "test_read",
        section: Section::Connect,
        title: "マイナンバーカードの保険証情報が読み取れることを確かめる",
        hint: "スタッフご自身のマイナ保険証で試すと安心です。",
        related_program: None,
    },
    Step {
        id: "start_date",
        section: Section::Connect,
        title: "運用開始日を登録する",
        hint: "アプリを初めて業務で使う日を「運用開始日登録」で登録します。",
        related_program: Some("promotion_grant_2025"),
    },
    Step {
        id: "go_live",
        section: Section::Connect,
        title: "マイナ資格確認アプリで業務を始める",
        hint: "受付でマイナ保険証をお持ちか、お声がけしましょう。",
        related_program: None,
    },
];

/// How far the clinic has come: steps done (only ids the guide knows count) and the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Steps done
    pub done: u32,
    /// Steps in the guide
    pub total: u32,
    /// The first step not done, in the guide's order
    pub next: Option<Step>,
}

/// The progress for the stored ids of finished steps.
pub fn progress(done_ids: &[String]) -> Progress {
    let is_done = |s: &Step| done_ids.iter().any(|d| d == s.id);
    Progress {
        done: STEPS.iter().filter(|s| is_done(s)).count() as u32,
        total: STEPS.len() as u32,
        next: STEPS.iter().find(|s| !is_done(s)).copied(),
    }
}

/// Looks a step up by its stored id.
pub fn step(id: &str) -> Option<&'static Step> {
    STEPS.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_found() {
        for (i, s) in STEPS.iter().enumerate() {
            assert_eq!(step(s.id), Some(s));
            assert!(STEPS[i + 1..].iter().all(|t| t.id != s.id), "duplicate id {}", s.id);
        }
        assert_eq!(step("nope"), None);
    }

    /// A step never states a program rule: programs close and change, the text would not.
    #[test]
    fn no_step_text_states_a_program_rule() {
        for s in &STEPS {
            for text in [s.title, s.hint] {
                for word in ["助成", "補助", "協力金", "万円", "円"] {
                    assert!(!text.contains(word), "step {} mentions {word}: {text}", s.id);
                }
            }
        }
        let linked: Vec<&str> = STEPS.iter().filter_map(|s| s.related_program).collect();
        assert_eq!(linked, ["equipment_subsidy_2025", "promotion_grant_2025"]);
    }

    #[test]
    fn progress_follows_the_guide_order_and_ignores_unknown_ids() {
        let ids = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let none = progress(&[]);
        assert_eq!((none.done, none.total, none.next.map(|s| s.id)), (0, 9, Some("portal_user")));
        let some = progress(&ids(&["portal_user", "connection", "retired_step"]));
        assert_eq!((some.done, some.next.map(|s| s.id)), (2, Some("app_apply")));
        let all: Vec<String> = STEPS.iter().map(|s| s.id.to_string()).collect();
        assert_eq!(progress(&all).next, None);
    }
}
