//! Why clinics must finish now: the enforcement timeline as dated data, and today's position on
//! it in plain Japanese.
//!
//! The only source is the 全整協's report of a 厚生労働省 briefing on 令和7年8月8日
//! (`shared/domain/programs.md`): clinics that neither applied to use the app nor declared an
//! やむを得ない事由 were moved to 集団指導 (about 令和8年1月), warned (about 令和8年夏) that 受領委任
//! may be stopped, and lose 受領委任 around 令和8年12月. It is an association's report, so every
//! milestone is unverified, and every date is "about" (頃): a month, or for the notice only a
//! season. The texts use the report's words (「中止となり得る旨の通知」「受領委任の取扱いが中止」)
//! and say no more than that:
//! - the warning ends only with real adoption: step 10 完了 with a 運用開始日 that is not ahead,
//!   not before the approval day, registered on the portal ([`Stage::Started`]); a typed date alone
//!   is a plan ([`Stage::StartPlanned`]) and the warning stays, saying the day;
//! - with an やむを得ない事由 declared, the report puts the clinic outside the group it describes,
//!   and says nothing of what happens next; so does the screen.
//!
//! Whatever the stage, the warning says what to do now ([`TimelineView::todo`]), each item with
//! the step that does it, and where to call.
//!
//! Time is passed in (`today`), never read from the clock here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::answers::{Answers, Exemption};
use crate::faq::CallCentre;
use crate::knowledge::Knowledge;
use crate::source::{DocLink, FactSource};

/// The part of a year a source names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase", deny_unknown_fields)]
pub enum Period {
    /// A month (`令和8年1月`)
    Month {
        /// 西暦 year
        year: i32,
        /// 1–12
        month: u32,
    },
    /// A season only (`令和8年夏`): the source gives no month
    Summer {
        /// 西暦 year
        year: i32,
    },
}

/// When a milestone happens, as the source gives it, with the days used to place today on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct When {
    /// The month or season the source names
    pub period: Period,
    /// The source says 頃 (about)
    pub approximate: bool,
    /// The first day of the period (for a season, of its first month)
    pub from: NaiveDate,
    /// The last day of the period. 夏 is read as 6月〜8月, only to order today against it; the
    /// text still says 夏頃
    pub to: NaiveDate,
}

impl When {
    /// `令和8年1月頃 (2026-01)` / `令和8年夏頃 (2026年夏)`: the 和暦 staff read, with the 西暦.
    pub fn text(&self) -> String {
        let about = if self.approximate { "頃" } else { "" };
        match self.period {
            Period::Month { .. } => jptext::format_year_month(self.from).replacen(" (", &format!("{about} ("), 1),
            Period::Summer { year } => match jptext::era_year(self.from) {
                Some((era, n)) => format!("{era}{n}年夏{about} ({year}年夏)"),
                None => format!("{year}年夏{about}"),
            },
        }
    }
}

/// One step of the enforcement timeline (dated data: [`crate::knowledge::TimelineData`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Milestone {
    /// Stable id
    pub id: String,
    /// Its name, in the source's words
    pub title: String,
    /// What happens, in the source's words
    pub what: String,
    /// When
    pub when: When,
}

/// Where a milestone stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneStatus {
    /// Its period is over
    Passed,
    /// Today is in its period
    AroundNow,
    /// Its period is still ahead
    Upcoming,
}

impl MilestoneStatus {
    /// 過ぎました / いまの時期です / これから.
    pub fn label(self) -> &'static str {
        match self {
            MilestoneStatus::Passed => "過ぎました",
            MilestoneStatus::AroundNow => "いまの時期です",
            MilestoneStatus::Upcoming => "これから",
        }
    }

    fn on(today: NaiveDate, when: &When) -> MilestoneStatus {
        if today > when.to {
            MilestoneStatus::Passed
        } else if today >= when.from {
            MilestoneStatus::AroundNow
        } else {
            MilestoneStatus::Upcoming
        }
    }
}

/// A milestone placed on today.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneView {
    /// The milestone
    pub milestone: Milestone,
    /// `令和8年1月頃 (2026-01)`
    pub when_text: String,
    /// Where it stands today
    pub status: MilestoneStatus,
    /// The status as staff read it
    pub status_label: &'static str,
}

/// Where the clinic stands on adopting オンライン資格確認, from what the wizard recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// No 利用開始申請 recorded
    NotApplied,
    /// Applied, the 審査 not yet over
    Applied,
    /// The app can be used; no 運用開始日 yet
    Approved,
    /// A 運用開始日 is typed, but step 10 is not 完了 with it (a day ahead, or not yet registered)
    StartPlanned,
    /// Step 10 is 完了 with a plausible 運用開始日: the only fact that ends the warning
    Started,
    /// An やむを得ない事由 is recorded as declared
    Exempt,
}

/// The facts the stage is read from, passed in by the caller (the store holds them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    /// The stage
    pub stage: Stage,
    /// The day of the 利用開始申請
    pub applied_on: Option<NaiveDate>,
    /// The day the 審査 ended
    pub approved_on: Option<NaiveDate>,
    /// The 運用開始日 typed in step 10 (a plan until [`Stage::Started`])
    pub start_date: Option<NaiveDate>,
    /// The declared やむを得ない事由
    pub exemption: Option<Exemption>,
    /// What still keeps step 10 from 完了 (empty once started)
    pub start_blockers: Vec<String>,
}

/// The clinic's stage today. `start_step_done` is whether step 10 is stored 完了; it counts only
/// when step 10 has nothing blocking it today ([`crate::answers::blockers`]: the 運用開始日 not
/// ahead, not before the approval day, the portal registration ticked, 業務スタート confirmed).
pub fn standing(answers: &Answers, start_step_done: bool, today: NaiveDate) -> Standing {
    let start_blockers: Vec<String> =
        crate::answers::blockers("start_date", answers, 0, today).into_iter().map(|(_, m)| m).collect();
    let start_date = answers.start_date();
    let exemption = answers.exemption().filter(|e| e.declared_on <= today);
    let stage = if start_step_done && start_date.is_some() && start_blockers.is_empty() {
        Stage::Started
    } else if exemption.is_some() {
        Stage::Exempt
    } else if start_date.is_some() {
        Stage::StartPlanned
    } else if answers.approved_on().is_some_and(|d| d <= today) {
        Stage::Approved
    } else if answers.applied_on().is_some_and(|d| d <= today) {
        Stage::Applied
    } else {
        Stage::NotApplied
    };
    Standing {
        stage,
        applied_on: answers.applied_on(),
        approved_on: answers.approved_on(),
        start_date,
        exemption,
        start_blockers: if stage == Stage::Started { Vec::new() } else { start_blockers },
    }
}

/// Whether the timeline is about this clinic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum TimelineStatus {
    /// Not started (no application, applied, approved, or a start only planned): the timeline may
    /// be about the clinic, and the warning stays
    Applies,
    /// An やむを得ない事由 is recorded as declared: the report puts the clinic outside its group
    ExemptionDeclared,
    /// Step 10 is 完了 with a plausible 運用開始日: the timeline is not about the clinic
    Started,
}

/// One thing to do now, with the wizard step that does it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TodoItem {
    /// What to do, in plain Japanese
    pub text: String,
    /// The step to open for it
    pub step: Option<&'static str>,
}

fn todo(text: impl Into<String>, step: &'static str) -> TodoItem {
    TodoItem { text: text.into(), step: Some(step) }
}

/// Today's position on the timeline, in plain Japanese.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineView {
    /// Whether it is about this clinic
    pub status: TimelineStatus,
    /// Where the clinic stands on adopting it
    pub stage: Stage,
    /// One sentence on the clinic's position
    pub headline: String,
    /// What happens next and when (only while the timeline applies)
    pub next: Option<String>,
    /// The id of the next milestone (or the one around now), while the timeline applies
    pub next_milestone: Option<String>,
    /// What to do now, each with its step (empty once started)
    pub todo: Vec<TodoItem>,
    /// Where to call with questions (the guide's number, the hours one 厚生局 gives)
    pub call_centre: CallCentre,
    /// What the report says and what the clinic can do
    pub details: Vec<String>,
    /// The milestones with today's position on each (shown also when they no longer apply)
    pub milestones: Vec<MilestoneView>,
    /// Official pages to read
    pub links: Vec<DocLink>,
    /// Where the timeline comes from
    pub source: FactSource,
}

const SCOPE: &str = "全整協の報告(令和7年8月8日の厚生労働省の説明)では、この流れは、マイナ資格確認アプリの利用申請も、やむを得ない事由の申し出もしていない施術所についてのものです。";

fn quoted(m: &MilestoneView) -> String {
    format!("{}の「{}」", m.when_text, m.milestone.title)
}

fn day(date: NaiveDate) -> String {
    jptext::format_date(date)
}

/// The headline and what to do now for a stage that keeps the warning.
fn warning_texts(standing: &Standing, today: NaiveDate) -> (String, Vec<TodoItem>) {
    let on = |d: Option<NaiveDate>| d.map(day).unwrap_or_default();
    match standing.stage {
        Stage::NotApplied | Stage::Started | Stage::Exempt => (
            "マイナ資格確認アプリの利用開始申請が、まだ記録されていません。".to_string(),
            vec![
                todo(
                    "今日、手順1: 施術所等向け総合ポータルサイトにユーザー登録をします(登録記号番号を用意します)。",
                    "portal_user",
                ),
                todo("続けて手順2: ポータルサイトからマイナ資格確認アプリの利用開始申請をします。", "app_apply"),
                todo("やむを得ない事由を申し出ている場合は、手順0で記録してください。", "standing"),
            ],
        ),
        Stage::Applied => (
            format!("利用開始申請を{}にしました。審査が終わるのを待っています。", on(standing.applied_on)),
            vec![
                todo(
                    "審査を待つあいだに、手順3〜6(使う機器、インターネット、カードの読み取り方)を進めてください。",
                    "connection",
                ),
                todo("審査が終わったら、その日を手順2に記録してください。", "app_apply"),
            ],
        ),
        Stage::Approved => (
            format!(
                "審査が{}に終わり、アプリが使えます。運用開始日はまだ登録されていません。",
                on(standing.approved_on)
            ),
            vec![
                todo(
                    "手順7〜9(端末ごとのアカウント、アプリの設定、読み取りの確認)を終えてください。",
                    "terminal_accounts",
                ),
                todo(
                    "業務で使い始める日を決め、ポータルサイトの「運用開始日登録」と手順10に記録してください。",
                    "start_date",
                ),
            ],
        ),
        Stage::StartPlanned => {
            let start = standing.start_date;
            if start.is_some_and(|d| d > today) {
                (
                    format!("運用開始予定日は{}です。まだ運用は始まっていません。", on(start)),
                    vec![todo(
                        format!(
                            "{}に業務を始めたら、ポータルサイトで運用開始日を登録し、手順10を完了にしてください。完了にするまで、この表示は続きます。",
                            on(start)
                        ),
                        "start_date",
                    )],
                )
            } else {
                (
                    format!("運用開始日は{}と入力されていますが、手順10はまだ完了していません。", on(start)),
                    standing
                        .start_blockers
                        .iter()
                        .map(|m| todo(format!("手順10: {m}。"), "start_date"))
                        .chain([todo("手順10を完了にするまで、この表示は続きます。", "start_date")])
                        .collect(),
                )
            }
        }
    }
}

/// Where `today` falls on the timeline (from `knowledge`) for a clinic at `standing`: the
/// warning, with what to do now, stays until the clinic has really started ([`Stage::Started`]).
pub fn position(today: NaiveDate, standing: &Standing, knowledge: &Knowledge) -> TimelineView {
    let milestones: Vec<MilestoneView> = knowledge
        .timeline
        .milestones
        .iter()
        .map(|m| {
            let status = MilestoneStatus::on(today, &m.when);
            MilestoneView { milestone: m.clone(), when_text: m.when.text(), status, status_label: status.label() }
        })
        .collect();
    let base = |status, headline: String, details: Vec<String>| TimelineView {
        status,
        stage: standing.stage,
        headline,
        next: None,
        next_milestone: None,
        todo: Vec::new(),
        call_centre: knowledge.call_centre.clone(),
        details,
        milestones: milestones.clone(),
        links: knowledge.timeline.links.iter().filter_map(|l| l.link().cloned()).collect(),
        source: knowledge.timeline.source.clone(),
    };
    match (standing.stage, standing.start_date, standing.exemption) {
        (Stage::Started, Some(start), _) => {
            return base(
                TimelineStatus::Started,
                format!("運用開始日は{}です(手順10 完了)。", day(start)),
                vec![
                    SCOPE.to_string(),
                    "運用開始日は、利用開始申請と審査のあとに登録するものなので、この施術所はこの流れに当たりません。"
                        .to_string(),
                ],
            );
        }
        (Stage::Exempt, _, Some(exemption)) => {
            return TimelineView {
                todo: vec![todo(
                    "申し出たあとの扱いは、この報告には書かれていません。厚生局の案内(例: 近畿厚生局のページ)で確かめてください。",
                    "standing",
                )],
                ..base(
                    TimelineStatus::ExemptionDeclared,
                    format!("やむを得ない事由を{}に申し出たと記録されています。", day(exemption.declared_on)),
                    vec![SCOPE.to_string()],
                )
            };
        }
        _ => {}
    }
    let now = milestones.iter().find(|m| m.status == MilestoneStatus::AroundNow);
    let upcoming = milestones.iter().find(|m| m.status == MilestoneStatus::Upcoming);
    let next = match (now, upcoming) {
        (Some(n), Some(u)) => format!("いまは{}の時期です。その次は{}です。", quoted(n), quoted(u)),
        (Some(n), None) => format!("いまは{}の時期です。", quoted(n)),
        (None, Some(u)) => format!("次は{}です。", quoted(u)),
        (None, None) => match milestones.last() {
            Some(last) => format!("報告にある時期は、すべて過ぎています(最後は{})。", quoted(last)),
            None => String::new(),
        },
    };
    let (headline, todo) = warning_texts(standing, today);
    TimelineView {
        next: Some(next),
        next_milestone: now.or(upcoming).map(|m| m.milestone.id.clone()),
        todo,
        ..base(
            TimelineStatus::Applies,
            headline,
            vec![
                SCOPE.to_string(),
                "この表示は、手順10で、ポータルサイトに登録した運用開始日(今日まで、審査が終わった日より後)を記録し、完了にしたときに終わります。"
                    .to_string(),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;
    use crate::knowledge::BUNDLED;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn milestones() -> &'static [Milestone] {
        &BUNDLED.timeline.milestones
    }

    #[test]
    fn milestones_are_dated_in_order_and_about() {
        let texts: Vec<String> = milestones().iter().map(|m| m.when.text()).collect();
        assert_eq!(texts, ["令和8年1月頃 (2026-01)", "令和8年夏頃 (2026年夏)", "令和8年12月頃 (2026-12)"]);
        assert!(!BUNDLED.timeline.source.verified, "an association's report");
        for (i, m) in milestones().iter().enumerate() {
            assert!(m.when.approximate, "{}: about", m.id);
            assert!(m.when.from <= m.when.to);
            if let Period::Month { year, month } = m.when.period {
                assert_eq!((m.when.from, m.when.to.succ_opt().map(|n| n.day0())), (d(year, month, 1), Some(0)));
            }
            if let Some(next) = milestones().get(i + 1) {
                assert!(m.when.to < next.when.from, "{} before {}", m.id, next.id);
            }
        }
    }

    fn fresh(today: NaiveDate) -> TimelineView {
        position(today, &standing(&Answers::default(), false, today), &BUNDLED)
    }

    fn answers(list: &[(crate::answers::Key, &str)]) -> Answers {
        Answers::new(list.iter().map(|(k, v)| (k.step.to_string(), k.key.to_string(), v.to_string())))
    }

    #[test]
    fn position_on_the_timeline() {
        use MilestoneStatus::{AroundNow as N, Passed as P, Upcoming as U};
        let notice = "令和8年夏頃 (2026年夏)の「受領委任の取扱いが中止となり得る旨の通知」";
        let stop = "令和8年12月頃 (2026-12)の「受領委任の取扱いの中止」";
        let cases = [
            (
                d(2025, 12, 15),
                [U, U, U],
                Some("group_guidance"),
                "次は令和8年1月頃 (2026-01)の「集団指導」です。".to_string(),
            ),
            (
                d(2026, 1, 20),
                [N, U, U],
                Some("group_guidance"),
                format!("いまは令和8年1月頃 (2026-01)の「集団指導」の時期です。その次は{notice}です。"),
            ),
            (d(2026, 4, 1), [P, U, U], Some("warning"), format!("次は{notice}です。")),
            (d(2026, 11, 29), [P, P, U], Some("stop"), format!("次は{stop}です。")),
            (d(2026, 12, 1), [P, P, N], Some("stop"), format!("いまは{stop}の時期です。")),
            (d(2027, 1, 10), [P, P, P], None, format!("報告にある時期は、すべて過ぎています(最後は{stop})。")),
        ];
        for (today, statuses, next_id, next) in cases {
            let view = fresh(today);
            assert_eq!(view.status, TimelineStatus::Applies, "{today}");
            assert_eq!(view.milestones.iter().map(|m| m.status).collect::<Vec<_>>(), statuses, "{today}");
            assert_eq!(view.next_milestone.as_deref(), next_id, "{today}");
            assert_eq!(view.next.as_deref(), Some(next.as_str()), "{today}");
        }
    }

    /// The source's words, never a threat of its own.
    #[test]
    fn the_texts_use_the_reports_words() {
        for m in milestones() {
            for word in ["警告", "止められ"] {
                assert!(!m.title.contains(word) && !m.what.contains(word), "{}: {word}", m.id);
            }
        }
    }

    /// The banner for each stage: what the clinic's position is and what to do now.
    #[test]
    fn the_banner_says_what_to_do_now_for_each_stage() {
        use crate::answers::keys::*;
        let today = d(2026, 12, 6);
        let texts = |view: &TimelineView| view.todo.iter().map(|t| t.text.clone()).collect::<Vec<_>>();

        let none = fresh(today);
        assert_eq!((none.stage, none.status), (Stage::NotApplied, TimelineStatus::Applies));
        assert_eq!(none.headline, "マイナ資格確認アプリの利用開始申請が、まだ記録されていません。");
        assert_eq!(
            none.todo.iter().map(|t| t.step).collect::<Vec<_>>(),
            [Some("portal_user"), Some("app_apply"), Some("standing")]
        );
        assert!(texts(&none)[0].starts_with("今日、手順1"), "{:?}", texts(&none));
        assert_eq!(none.call_centre.phone, "0800-080-4583");
        assert!(none.call_centre.hours.contains("平日"));
        assert_eq!(none.next.as_deref(), Some("いまは令和8年12月頃 (2026-12)の「受領委任の取扱いの中止」の時期です。"));

        let applied = answers(&[(APPLIED_ON, "2026-11-10")]);
        let view = position(today, &standing(&applied, false, today), &BUNDLED);
        assert_eq!(view.stage, Stage::Applied);
        assert_eq!(
            view.headline,
            "利用開始申請を令和8年11月10日 (2026-11-10)にしました。審査が終わるのを待っています。"
        );
        assert!(texts(&view)[0].contains("手順3〜6"), "{:?}", texts(&view));

        let approved = applied.with(APPROVED_ON, "2026-11-20");
        let view = position(today, &standing(&approved, false, today), &BUNDLED);
        assert_eq!((view.stage, view.status), (Stage::Approved, TimelineStatus::Applies));
        assert!(view.headline.starts_with("審査が令和8年11月20日 (2026-11-20)に終わり"), "{}", view.headline);
        assert_eq!(view.todo.last().and_then(|t| t.step), Some("start_date"));

        // A date ahead: a plan. The warning stays and names the day, even if step 10 was ticked.
        let planned = approved.with(START_DATE, "2027-12-01").with(START_ON_PORTAL, "yes");
        for done in [false, true] {
            let view = position(today, &standing(&planned, done, today), &BUNDLED);
            assert_eq!((view.stage, view.status), (Stage::StartPlanned, TimelineStatus::Applies), "done {done}");
            assert_eq!(view.headline, "運用開始予定日は令和9年12月1日 (2027-12-01)です。まだ運用は始まっていません。");
        }
        // A date before the approval, or a step not 完了: still not started.
        let early = approved
            .with(START_DATE, "2026-11-01")
            .with(START_ON_PORTAL, "yes")
            .with(crate::answers::Key { step: "start_date", key: "go_live" }, "yes");
        let view = position(today, &standing(&early, true, today), &BUNDLED);
        assert_eq!(view.stage, Stage::StartPlanned);
        assert!(texts(&view).iter().any(|t| t.contains("より前になっています")), "{:?}", texts(&view));
        let unticked = approved.with(START_DATE, "2026-12-01");
        let view = position(today, &standing(&unticked, false, today), &BUNDLED);
        assert_eq!(
            view.headline,
            "運用開始日は令和8年12月1日 (2026-12-01)と入力されていますが、手順10はまだ完了していません。"
        );
        assert!(texts(&view).iter().any(|t| t.contains("ポータルサイトの「運用開始日登録」で")), "{:?}", texts(&view));

        // Started: step 10 完了 with a plausible day, registered.
        let started = approved
            .with(START_DATE, "2026-12-01")
            .with(START_ON_PORTAL, "yes")
            .with(crate::answers::Key { step: "start_date", key: "go_live" }, "yes");
        let view = position(today, &standing(&started, true, today), &BUNDLED);
        assert_eq!((view.stage, view.status), (Stage::Started, TimelineStatus::Started));
        assert_eq!(view.headline, "運用開始日は令和8年12月1日 (2026-12-01)です(手順10 完了)。");
        assert!(view.todo.is_empty() && view.next.is_none());
        assert_eq!(position(today, &standing(&started, false, today), &BUNDLED).stage, Stage::StartPlanned, "not 完了");

        // Exempt: declared, not in the future.
        let exempt =
            answers(&[(EXEMPTION_DECLARED, "yes"), (EXEMPTION_ON, "2025-10-01"), (EXEMPTION_REASON, "closing")]);
        let view = position(today, &standing(&exempt, false, today), &BUNDLED);
        assert_eq!((view.stage, view.status), (Stage::Exempt, TimelineStatus::ExemptionDeclared));
        assert_eq!(view.headline, "やむを得ない事由を令和7年10月1日 (2025-10-01)に申し出たと記録されています。");
        assert!(texts(&view)[0].contains("この報告には書かれていません"));
        let ahead = exempt.with(EXEMPTION_ON, "2027-01-01");
        assert_eq!(standing(&ahead, false, today).stage, Stage::NotApplied, "a declaration dated ahead is not one");
        assert_eq!(standing(&exempt.with(START_DATE, "2026-12-01"), false, today).stage, Stage::Exempt);
    }

    #[test]
    fn serialises_for_the_ui() {
        let json = serde_json::to_value(fresh(d(2026, 7, 1))).expect("serialises");
        assert_eq!(json["status"], "applies");
        assert_eq!(json["stage"], "not_applied");
        assert_eq!(json["todo"][0]["step"], "portal_user");
        assert_eq!(json["nextMilestone"], "warning");
        assert_eq!(json["milestones"][1]["status"], "around_now");
        assert_eq!(
            json["milestones"][1]["milestone"]["when"]["period"],
            serde_json::json!({"kind": "summer", "year": 2026})
        );
        assert_eq!(json["milestones"][0]["whenText"], "令和8年1月頃 (2026-01)");
    }
}
