//! Why clinics must finish now: the enforcement timeline as dated data, and today's position on
//! it in plain Japanese.
//!
//! The only source is the 全整協's report of a 厚生労働省 briefing on 令和7年8月8日
//! (`shared/domain/programs.md`): clinics that neither applied to use the app nor declared an
//! やむを得ない事由 were moved to 集団指導 (about 令和8年1月), warned (about 令和8年夏) that 受領委任
//! may be stopped, and lose 受領委任 around 令和8年12月. It is an association's report, so every
//! milestone is unverified, and every date is "about" (頃): a month, or for the warning only a
//! season. The texts say no more than that:
//! - with a 運用開始日 recorded, the clinic has applied (the date is registered after the
//!   利用開始申請 and its 審査), so the timeline is not about it;
//! - with an やむを得ない事由 declared, the report puts the clinic outside the group it describes,
//!   and says nothing of what happens next; so does the screen.
//!
//! Time is passed in (`today`), never read from the clock here.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use crate::source::{DocLink, FactSource, ZENSEIKYO_REPORT, links, ymd};

/// The part of a year a source names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase")]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
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

/// One step of the enforcement timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    /// Stable id
    pub id: &'static str,
    /// Its name
    pub title: &'static str,
    /// What happens, in the report's terms
    pub what: &'static str,
    /// When
    pub when: When,
    /// Where it comes from (unverified: an association's report)
    pub source: FactSource,
}

/// The timeline, in order.
pub const MILESTONES: [Milestone; 3] = [
    Milestone {
        id: "group_guidance",
        title: "集団指導",
        what: "利用申請も、やむを得ない事由の申し出もしていない施術所が、集団指導の対象になります。",
        when: When {
            period: Period::Month { year: 2026, month: 1 },
            approximate: true,
            from: ymd(2026, 1, 1),
            to: ymd(2026, 1, 31),
        },
        source: ZENSEIKYO_REPORT,
    },
    Milestone {
        id: "warning",
        title: "受領委任の停止についての警告",
        what: "受領委任を止めることがある、との警告を受けます。",
        when: When {
            period: Period::Summer { year: 2026 },
            approximate: true,
            from: ymd(2026, 6, 1),
            to: ymd(2026, 8, 31),
        },
        source: ZENSEIKYO_REPORT,
    },
    Milestone {
        id: "stop",
        title: "受領委任の停止",
        what: "受領委任が止められます。",
        when: When {
            period: Period::Month { year: 2026, month: 12 },
            approximate: true,
            from: ymd(2026, 12, 1),
            to: ymd(2026, 12, 31),
        },
        source: ZENSEIKYO_REPORT,
    },
];

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

/// Whether the timeline is about this clinic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum TimelineStatus {
    /// No 運用開始日 and no やむを得ない事由 recorded: the timeline may be about the clinic
    Applies,
    /// An やむを得ない事由 is recorded as declared: the report puts the clinic outside its group
    ExemptionDeclared,
    /// A 運用開始日 is recorded: the clinic has applied, the timeline is not about it
    StartDateRecorded,
}

/// Today's position on the timeline, in plain Japanese.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineView {
    /// Whether it is about this clinic
    pub status: TimelineStatus,
    /// One sentence on the clinic's position
    pub headline: String,
    /// What happens next and when (only while the timeline applies)
    pub next: Option<String>,
    /// The id of the next milestone (or the one around now), while the timeline applies
    pub next_milestone: Option<&'static str>,
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

/// Where `today` falls on the timeline for a clinic that recorded `declared_exemption` (the day it
/// declared an やむを得ない事由) and `start_date` (its 運用開始日). A 運用開始日 wins over a
/// declaration: either way the report's group is left, and the 運用開始日 is the stronger fact.
pub fn position(
    today: NaiveDate,
    declared_exemption: Option<NaiveDate>,
    start_date: Option<NaiveDate>,
) -> TimelineView {
    let milestones: Vec<MilestoneView> = MILESTONES
        .iter()
        .map(|m| {
            let status = MilestoneStatus::on(today, &m.when);
            MilestoneView { milestone: *m, when_text: m.when.text(), status, status_label: status.label() }
        })
        .collect();
    let base = |status, headline: String, details: Vec<String>| TimelineView {
        status,
        headline,
        next: None,
        next_milestone: None,
        details,
        milestones: milestones.clone(),
        links: vec![links::KINKI_KOSEIKYOKU],
        source: ZENSEIKYO_REPORT,
    };
    if let Some(start) = start_date {
        return base(
            TimelineStatus::StartDateRecorded,
            format!("運用開始日は{}と記録されています。", jptext::format_date(start)),
            vec![
                SCOPE.to_string(),
                "運用開始日は、利用開始申請と審査のあとに登録するものなので、この施術所はこの流れに当たりません。"
                    .to_string(),
            ],
        );
    }
    if let Some(declared) = declared_exemption {
        return base(
            TimelineStatus::ExemptionDeclared,
            format!("やむを得ない事由を{}に申し出たと記録されています。", jptext::format_date(declared)),
            vec![
                SCOPE.to_string(),
                "申し出たあとの扱いは、この報告には書かれていません。厚生局の案内(例: 近畿厚生局のページ)で確かめてください。"
                    .to_string(),
            ],
        );
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
    TimelineView {
        next: Some(next),
        next_milestone: now.or(upcoming).map(|m| m.milestone.id),
        ..base(
            TimelineStatus::Applies,
            "運用開始日は、まだ記録されていません。".to_string(),
            vec![
                SCOPE.to_string(),
                "利用申請がまだの場合は、すぐに手順1(ポータルサイトへのユーザー登録)と手順2(利用開始申請)を進めてください。".to_string(),
                "やむを得ない事由を申し出ている場合は、手順0で記録してください。運用開始日を記録すると(手順10)、この表示は終わります。"
                    .to_string(),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn milestones_are_dated_in_order_and_about() {
        let texts: Vec<String> = MILESTONES.iter().map(|m| m.when.text()).collect();
        assert_eq!(texts, ["令和8年1月頃 (2026-01)", "令和8年夏頃 (2026年夏)", "令和8年12月頃 (2026-12)"]);
        for (i, m) in MILESTONES.iter().enumerate() {
            assert!(m.when.approximate && !m.source.verified, "{}: an association's report, about", m.id);
            assert!(m.when.from <= m.when.to);
            if let Period::Month { year, month } = m.when.period {
                assert_eq!((m.when.from, m.when.to.succ_opt().map(|n| n.day0())), (d(year, month, 1), Some(0)));
            }
            if let Some(next) = MILESTONES.get(i + 1) {
                assert!(m.when.to < next.when.from, "{} before {}", m.id, next.id);
            }
        }
    }

    #[test]
    fn position_on_the_timeline() {
        use MilestoneStatus::{AroundNow as N, Passed as P, Upcoming as U};
        let cases = [
            (d(2025, 12, 15), [U, U, U], Some("group_guidance"), "次は令和8年1月頃 (2026-01)の「集団指導」です。"),
            (
                d(2026, 1, 20),
                [N, U, U],
                Some("group_guidance"),
                "いまは令和8年1月頃 (2026-01)の「集団指導」の時期です。その次は令和8年夏頃 (2026年夏)の「受領委任の停止についての警告」です。",
            ),
            (
                d(2026, 4, 1),
                [P, U, U],
                Some("warning"),
                "次は令和8年夏頃 (2026年夏)の「受領委任の停止についての警告」です。",
            ),
            (d(2026, 11, 29), [P, P, U], Some("stop"), "次は令和8年12月頃 (2026-12)の「受領委任の停止」です。"),
            (d(2026, 12, 1), [P, P, N], Some("stop"), "いまは令和8年12月頃 (2026-12)の「受領委任の停止」の時期です。"),
            (
                d(2027, 1, 10),
                [P, P, P],
                None,
                "報告にある時期は、すべて過ぎています(最後は令和8年12月頃 (2026-12)の「受領委任の停止」)。",
            ),
        ];
        for (today, statuses, next_id, next) in cases {
            let view = position(today, None, None);
            assert_eq!(view.status, TimelineStatus::Applies, "{today}");
            assert_eq!(view.milestones.iter().map(|m| m.status).collect::<Vec<_>>(), statuses, "{today}");
            assert_eq!(view.next_milestone, next_id, "{today}");
            assert_eq!(view.next.as_deref(), Some(next), "{today}");
        }
    }

    #[test]
    fn an_exemption_or_a_start_date_takes_the_clinic_out() {
        let today = d(2026, 11, 29);
        let exempt = position(today, Some(d(2025, 10, 1)), None);
        assert_eq!(exempt.status, TimelineStatus::ExemptionDeclared);
        assert_eq!(exempt.headline, "やむを得ない事由を令和7年10月1日 (2025-10-01)に申し出たと記録されています。");
        assert_eq!((exempt.next, exempt.next_milestone), (None, None));
        assert!(
            exempt.details.iter().any(|t| t.contains("この報告には書かれていません")),
            "says only what the report says"
        );

        let started = position(today, Some(d(2025, 10, 1)), Some(d(2025, 6, 2)));
        assert_eq!(started.status, TimelineStatus::StartDateRecorded, "a start date wins over a declaration");
        assert_eq!(started.headline, "運用開始日は令和7年6月2日 (2025-06-02)と記録されています。");
        assert_eq!(started.next, None);
        assert_eq!(started.milestones.len(), 3, "the timeline is still shown, for context");
        assert_eq!(position(d(2025, 1, 1), None, Some(d(2025, 6, 2))).status, TimelineStatus::StartDateRecorded);
    }

    #[test]
    fn serialises_for_the_ui() {
        let json = serde_json::to_value(position(d(2026, 7, 1), None, None)).expect("serialises");
        assert_eq!(json["status"], "applies");
        assert_eq!(json["nextMilestone"], "warning");
        assert_eq!(json["milestones"][1]["status"], "around_now");
        assert_eq!(
            json["milestones"][1]["milestone"]["when"]["period"],
            serde_json::json!({"kind": "summer", "year": 2026})
        );
        assert_eq!(json["milestones"][0]["whenText"], "令和8年1月頃 (2026-01)");
    }
}
