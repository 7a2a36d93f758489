//! Each program's state on a day (受付前 / 受付中 / 受付終了) as the screens show it.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use crate::*;

/// Where a program stands on a given day; follows the application window only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "state", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum Availability {
    /// The window has not opened yet
    Upcoming {
        /// Days until it opens
        days_until: i32,
    },
    /// Applications (or reports) are taken
    Open {
        /// Days left including today
        days_left: i32,
    },
    /// The window's last day (after any extension) has passed
    Closed,
}

impl Availability {
    /// `受付前` / `受付中` / `受付終了`, as staff read it.
    pub fn label(self) -> &'static str {
        match self {
            Availability::Upcoming { .. } => "受付前",
            Availability::Open { .. } => "受付中",
            Availability::Closed => "受付終了",
        }
    }
}

/// Where `program` stands on `today`, from its application window (and any extension).
pub fn availability(program: &Program, today: NaiveDate) -> Availability {
    let closes_on = program.closes_on();
    if today > closes_on {
        return Availability::Closed;
    }
    if let Some(open) = program.window.from.map(|f| f.date).filter(|open| today < *open) {
        return Availability::Upcoming { days_until: days_between(today, open) };
    }
    Availability::Open { days_left: days_between(today, closes_on) + 1 }
}

pub(crate) fn days_between(from: NaiveDate, to: NaiveDate) -> i32 {
    i32::try_from((to - from).num_days()).unwrap_or(i32::MAX)
}

/// A cited source as shown under 出典: title, where to find it, its address when known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SourceView {
    /// The document's title
    pub title: String,
    /// Site or publisher
    pub r#where: String,
    /// Address, when known
    pub url: Option<String>,
    /// The part that states the fact
    pub section: Option<String>,
}

/// A rule beyond the seed as shown: its sentence, date, source and whether it was checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RuleView {
    /// Stable id
    pub id: String,
    /// The rule in Japanese, made from its values
    pub text: String,
    /// When it was taken from its source, 和暦 with 西暦
    pub as_of_text: String,
    /// Whether the source itself was read
    pub verified: bool,
    /// Where it comes from
    pub source: SourceView,
}

/// A program with its state on the day asked about and every text already formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProgramStatus {
    /// Stable id
    pub id: String,
    /// 助成金 or 協力金
    pub kind: ProgramKind,
    /// Name as the source gives it
    pub name: String,
    /// Another name the sources use
    pub also_called: Option<String>,
    /// Who gets what
    pub summary: String,
    /// State on the day asked about
    pub availability: Availability,
    /// `受付前` / `受付中` / `受付終了`
    pub label: String,
    /// `対象期間`, when there is one
    pub period_label: Option<String>,
    /// `令和7年5月 (2025-05) 〜 令和7年7月 (2025-07)`
    pub period_text: Option<String>,
    /// `申請受付` / `報告受付`
    pub window_label: String,
    /// First day of the window, when known
    pub window_from_text: Option<String>,
    /// Last day of the window after any extension: `令和8年1月15日 (2026-01-15)`
    pub window_to_text: String,
    /// Where the window's dates come from
    pub window_sources: Vec<SourceView>,
    /// `上限額` / `給付額`
    pub amount_label: String,
    /// `¥41,000`
    pub amount_text: String,
    /// `¥1,000` when the claim is made in whole units
    pub claim_unit_text: Option<String>,
    /// Rules found beyond the seed
    pub rules: Vec<RuleView>,
    /// Where the program's facts come from
    pub sources: Vec<SourceView>,
    /// Whether the program's facts were checked against its sources
    pub verified: bool,
}

/// Every program's state on a day, with the as-of date of the data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProgramBoard {
    /// When the data was last checked: `令和8年11月24日 (2026-11-24)`
    pub as_of_text: String,
    /// Each program with its state
    pub programs: Vec<ProgramStatus>,
}

impl ProgramBoard {
    /// The program with this id.
    pub fn find(&self, id: &str) -> Option<&ProgramStatus> {
        self.programs.iter().find(|p| p.id == id)
    }
}
