//! A program as dated data: its kind, dates, sources, rules and amounts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::*;

/// Whether a program pays for equipment (助成金) or for an effort (協力金).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ProgramKind {
    /// 助成金: equipment purchases
    Subsidy,
    /// 協力金: for doing the promotion work
    Grant,
}

/// A date as the source gives it: a day, or only a month (`令和7年5月〜7月`), maybe only
/// approximately (`令和7年7月頃`). `date` is the day the rules compute with (the first day of the
/// month for a start, the last for an end).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DateSpec {
    /// The day used for the state
    pub date: NaiveDate,
    /// The source names only the month
    #[serde(default)]
    pub by_month: bool,
    /// The source says 頃 (about)
    #[serde(default)]
    pub approximate: bool,
}

impl DateSpec {
    /// `令和8年1月15日 (2026-01-15)`, `令和7年5月 (2025-05)` or `令和7年7月頃 (2025-07)`.
    pub fn text(&self) -> String {
        let text = if self.by_month { jptext::format_year_month(self.date) } else { jptext::format_date(self.date) };
        if self.approximate { text.replacen(" (", "頃 (", 1) } else { text }
    }
}

/// A source cited by a program or a rule: where staff can find it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Source {
    /// Id cited by [`Citation::source`]
    pub id: String,
    /// The document's title as it names itself
    pub title: String,
    /// Where to find it (site or publisher)
    pub r#where: String,
    /// Its address, when known from a citation we trust (`shared/domain/links.md`)
    pub url: Option<String>,
}

/// A reference to a [`Source`], with the part of it that states the fact.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Citation {
    /// A [`Source::id`]
    pub source: String,
    /// The section or item, when the fact is in one part of it
    pub section: Option<String>,
}

/// A span of days: the 対象期間 or the application window.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Span {
    /// `対象期間`, `申請受付`, `報告受付`
    pub label: String,
    /// First day, when the source gives it
    pub from: Option<DateSpec>,
    /// Last day
    pub to: DateSpec,
    /// Where the dates come from (the program's own citations apply when empty)
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// What a rule found beyond the seed changes, applied by code.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase", deny_unknown_fields)]
pub enum RuleEffect {
    /// The claim is made in whole units (¥1,000): yen under a unit are cut off and paid by the
    /// clinic. Used by [`Program::claim_yen`].
    ClaimUnit {
        /// The unit in yen
        unit_yen: i64,
    },
    /// The application window's last day moved from `from` to `to`. Used by
    /// [`Program::closes_on`].
    DeadlineExtension {
        /// The deadline before (must be the window's `to`)
        from: NaiveDate,
        /// The deadline after
        to: NaiveDate,
    },
    /// No minimum number of マイナ保険証 uses: doing the 取組 is the requirement. Used by
    /// [`Program::usage_threshold`].
    NoUsageThreshold,
    /// Which kinds of equipment the 助成金 pays for. Used by [`purchases::evaluate`].
    EligibleItems {
        /// 汎用カードリーダー
        card_reader: bool,
        /// タブレット
        tablet: bool,
        /// スマートフォン
        smartphone: bool,
        /// パソコン
        pc: bool,
        /// そのほか (cables, cases, …): `None` while no source says either way, so such a line is
        /// left to check, not called 対象外
        #[serde(default)]
        other: Option<bool>,
    },
    /// A clinic that applied in an earlier round cannot apply again. Used by
    /// [`purchases::evaluate`].
    ExcludesEarlierApplicants,
    /// A clinic registered separately for 柔整 and あはき (two 登録記号番号) applies once for each
    /// registration; one 併設 registration applies once. Decides whether the 助成金 screen offers
    /// two applications.
    PerRegistration,
    /// Everything bought goes into one application, and nothing can be added or changed once
    /// it is sent. Shown beside the checklist (the store locks the paperwork once 申請済).
    SingleApplication,
    /// What a 協力金's report is said to need (a form, a document), each item as the source names
    /// it. Shown on the 協力金 screen beside the evidence report.
    ReportContents {
        /// Each thing the report needs
        items: Vec<String>,
    },
    /// A 協力金's お声がけ and チラシ・ポスター count only from the 運用開始日 on (the seed's
    /// 「運用開始日を入力のうえ…実施」). Used by [`grant::evaluate`].
    CountsFromStartDate,
    /// The documents an application must carry. Used by [`paperwork::readiness`].
    RequiredDocuments {
        /// Each document, in the order the portal asks for them
        documents: Vec<paperwork::RequiredDocument>,
    },
    /// What a 協力金 asks the clinic to have done within its 対象期間. Used by
    /// [`grant::evaluate`].
    GrantRequirements {
        /// Each requirement, in the order the source lists them
        requirements: Vec<grant::GrantRequirement>,
    },
    /// The file formats (and size, when the portal states one) the portal takes. Used by the
    /// upload set's checks.
    UploadFormats {
        /// File name extensions without the dot, lower case (`pdf`, `xlsx`, `zip`)
        extensions: Vec<String>,
        /// The largest file the portal takes, when it says
        max_file_bytes: Option<u64>,
    },
}

/// A rule found beyond the seed, with its own date, source and whether we checked it there.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rule {
    /// Stable id
    pub id: String,
    /// When the rule was taken from its source
    pub as_of: NaiveDate,
    /// What it changes
    pub effect: RuleEffect,
    /// Where it comes from
    pub citation: Citation,
    /// True only when the source itself was read and says this
    pub verified: bool,
}

/// One program, as published.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Program {
    /// Stable id (guide steps link to it)
    pub id: String,
    /// 助成金 or 協力金
    pub kind: ProgramKind,
    /// The name the source gives it
    pub name: String,
    /// Another name the sources use (the seed says 補助金 for the 助成金)
    pub also_called: Option<String>,
    /// Who gets what, in the source's words
    pub summary: String,
    /// 対象期間, when the source gives one
    pub period: Option<Span>,
    /// 申請受付 / 報告受付: decides the state
    pub window: Span,
    /// The cap (助成金) or the fixed amount (協力金)
    pub amount_yen: i64,
    /// `上限額` or `給付額`
    pub amount_label: String,
    /// Where the program's facts come from
    pub citations: Vec<Citation>,
    /// Whether the program's own facts were checked against its sources
    pub verified: bool,
    /// Rules the code applies, each dated and sourced (the seed's own, or found beyond it)
    #[serde(default)]
    pub rules: Vec<Rule>,
}

impl Program {
    /// The last day of the application window, after any [`RuleEffect::DeadlineExtension`].
    pub fn closes_on(&self) -> NaiveDate {
        self.rules
            .iter()
            .filter_map(|r| match r.effect {
                RuleEffect::DeadlineExtension { to, .. } => Some(to),
                _ => None,
            })
            .fold(self.window.to.date, NaiveDate::max)
    }

    /// The claim unit in yen from a [`RuleEffect::ClaimUnit`] rule; 1 when no rule says so.
    pub fn claim_unit_yen(&self) -> i64 {
        self.rules
            .iter()
            .find_map(|r| match r.effect {
                RuleEffect::ClaimUnit { unit_yen } => Some(unit_yen),
                _ => None,
            })
            .unwrap_or(1)
    }

    /// The amount claimable for an eligible total: floor(min(total, cap) / unit) × unit, the unit
    /// from the rule data. `None` for a 協力金 (a fixed amount, nothing to compute). A negative
    /// total counts as zero.
    pub fn claim_yen(&self, eligible_total_yen: i64) -> Option<i64> {
        if self.kind != ProgramKind::Subsidy {
            return None;
        }
        let unit = self.claim_unit_yen().max(1);
        let capped = eligible_total_yen.clamp(0, self.amount_yen);
        Some(capped / unit * unit)
    }

    /// The minimum number of マイナ保険証 uses the program asks for: `Some(0)` when a rule says
    /// there is none, `None` when no source says.
    pub fn usage_threshold(&self) -> Option<u32> {
        self.rules.iter().any(|r| r.effect == RuleEffect::NoUsageThreshold).then_some(0)
    }
}
