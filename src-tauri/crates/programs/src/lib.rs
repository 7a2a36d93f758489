//! The programs a clinic can claim money from, as dated data (`data/programs.json`), never as
//! code: programs reopen and change, and a closed one must show as closed, never as open.
//!
//! Time is passed in (`today`), never read from the clock here, so every rule is testable.

// Domain code has no business with raw pointers: the workspace only denies unsafe code (the
// host's Windows message box allows it once); here it stays forbidden.
#![forbid(unsafe_code)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// What can be wrong with the program data.
#[derive(Debug, thiserror::Error)]
pub enum ProgramsError {
    /// The bundled data does not parse: a broken release, caught by the tests.
    #[error("助成金・協力金のデータが読み取れません: {0}")]
    BadData(#[from] serde_json::Error),
    /// A program's dates are in the wrong order.
    #[error("「{0}」の受付期間が正しくありません(開始日が締切日より後です)")]
    BadPeriod(String),
}

impl ProgramsError {
    /// The stable code sent to the UI.
    pub fn code(&self) -> &'static str {
        match self {
            ProgramsError::BadData(_) => "ProgramData",
            ProgramsError::BadPeriod(_) => "ProgramData",
        }
    }
}

/// Whether a program pays for equipment (助成金) or for an effort (協力金).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ProgramKind {
    /// 助成金: equipment purchases
    Subsidy,
    /// 協力金: for doing the promotion work
    Grant,
}

/// One program, as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Program {
    /// Stable id
    pub id: String,
    /// 助成金 or 協力金
    pub kind: ProgramKind,
    /// Official name
    pub name: String,
    /// One line on who gets what
    pub summary: String,
    /// First day applications are taken, when published
    pub opens_on: Option<NaiveDate>,
    /// Last day applications are taken
    pub closes_on: NaiveDate,
    /// The most it pays
    pub amount_yen: i32,
    /// Where the facts come from
    pub source: String,
    /// Whether the facts were checked against the source
    pub verified: bool,
}

/// The bundled data with the date it was last checked.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    /// When the data was last checked against its sources
    pub as_of: NaiveDate,
    /// Every program known
    pub programs: Vec<Program>,
}

/// Where a program stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "state", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum Availability {
    /// Not open yet
    Upcoming {
        /// Days until it opens
        days_until: i32,
    },
    /// Applications are taken
    Open {
        /// Days left including today
        days_left: i32,
    },
    /// The deadline has passed
    Closed,
}

/// A program with its state today and the dates already formatted for staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProgramStatus {
    /// The program
    pub program: Program,
    /// Its state on the day asked about
    pub availability: Availability,
    /// `受付終了` / `受付中` / `受付前`
    pub label: String,
    /// `令和8年1月15日 (2026-01-15)`
    pub closes_on_text: String,
    /// `¥41,000`
    pub amount_text: String,
}

const DATA: &str = include_str!("../data/programs.json");

/// The programs bundled with this version, checked for consistency.
pub fn catalog() -> Result<Catalog, ProgramsError> {
    let catalog: Catalog = serde_json::from_str(DATA)?;
    for p in &catalog.programs {
        if p.opens_on.is_some_and(|open| open > p.closes_on) {
            return Err(ProgramsError::BadPeriod(p.name.clone()));
        }
    }
    Ok(catalog)
}

/// Where `program` stands on `today`.
pub fn availability(program: &Program, today: NaiveDate) -> Availability {
    if today > program.closes_on {
        return Availability::Closed;
    }
    if let Some(open) = program.opens_on.filter(|open| today < *open) {
        return Availability::Upcoming { days_until: days_between(today, open) };
    }
    Availability::Open { days_left: days_between(today, program.closes_on) + 1 }
}

fn days_between(from: NaiveDate, to: NaiveDate) -> i32 {
    i32::try_from((to - from).num_days()).unwrap_or(i32::MAX)
}

/// Every program with its state on `today`, for ホーム and the paperwork pages.
pub fn statuses(today: NaiveDate) -> Result<Vec<ProgramStatus>, ProgramsError> {
    Ok(catalog()?
        .programs
        .into_iter()
        .map(|program| {
            let availability = availability(&program, today);
            let label = match availability {
                Availability::Upcoming { .. } => "受付前",
                Availability::Open { .. } => "受付中",
                Availability::Closed => "受付終了",
            };
            ProgramStatus {
                closes_on_text: jptext::format_date(program.closes_on),
                amount_text: jptext::format_yen(i64::from(program.amount_yen)),
                label: label.to_string(),
                availability,
                program,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    fn subsidy() -> Program {
        catalog()
            .expect("bundled data parses")
            .programs
            .into_iter()
            .find(|p| p.id == "equipment_subsidy_2025")
            .expect("subsidy present")
    }

    #[test]
    fn bundled_data_is_consistent() {
        let catalog = catalog().expect("parses");
        assert!(catalog.programs.len() >= 2);
        assert_eq!(subsidy().amount_yen, 41_000);
        assert_eq!(subsidy().closes_on, d(2026, 1, 15));
    }

    #[test]
    fn deadline_day_is_open_and_the_day_after_is_closed() {
        let p = subsidy();
        assert_eq!(availability(&p, d(2026, 1, 15)), Availability::Open { days_left: 1 });
        assert_eq!(availability(&p, d(2026, 1, 5)), Availability::Open { days_left: 11 });
        assert_eq!(availability(&p, d(2026, 1, 16)), Availability::Closed);
    }

    #[test]
    fn a_program_not_yet_open_is_upcoming() {
        let p = Program { opens_on: Some(d(2026, 2, 1)), closes_on: d(2026, 3, 1), ..subsidy() };
        assert_eq!(availability(&p, d(2026, 1, 30)), Availability::Upcoming { days_until: 2 });
        assert!(matches!(availability(&p, d(2026, 2, 1)), Availability::Open { .. }));
    }

    #[test]
    fn today_every_bundled_program_shows_closed() {
        let all = statuses(d(2026, 11, 27)).expect("statuses");
        assert!(all.iter().all(|s| s.availability == Availability::Closed && s.label == "受付終了"));
        let subsidy = all.iter().find(|s| s.program.id == "equipment_subsidy_2025").expect("present");
        assert_eq!(subsidy.closes_on_text, "令和8年1月15日 (2026-01-15)");
        assert_eq!(subsidy.amount_text, "¥41,000");
    }
}
