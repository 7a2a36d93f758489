//! The programs a clinic can claim money from, as dated data (`data/programs.json`), never as
//! code: programs reopen and change, and a closed one must show as closed, never as open.
//!
//! Each program has its own dates: the 対象期間 (the period the work or purchases must fall in) and
//! the application window (申請受付 / 報告受付), which alone decides 受付前 / 受付中 / 受付終了.
//! Facts from the seed guide are the program's fields; every rule found beyond it (the claim in
//! whole thousands, a deadline extension, no usage threshold) is a [`Rule`] with its own date,
//! source and `verified` flag, and code applies it ([`Program::claim`], [`Program::closes_on`]).
//!
//! Time is passed in (`today`), never read from the clock here, so every rule is testable.

// Domain code has no business with raw pointers: the workspace only denies unsafe code (the
// host's Windows message box allows it once); here it stays forbidden.
#![forbid(unsafe_code)]

pub mod feed;
pub mod grant;
pub mod paperwork;
pub mod purchases;

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
    #[error("「{0}」の期間が正しくありません(開始日が終了日より後です)")]
    BadPeriod(String),
    /// A program or rule cites a source the data does not list.
    #[error("「{0}」の出典「{1}」がデータにありません")]
    UnknownSource(String, String),
    /// A rule contradicts its program (an extension of a deadline the program does not have, …).
    #[error("「{0}」の規則「{1}」が正しくありません: {2}")]
    BadRule(String, String, &'static str),
    /// Two programs share an id.
    #[error("制度のID「{0}」が重複しています")]
    DuplicateId(String),
    /// No program has this id.
    #[error("制度「{0}」が見つかりません")]
    UnknownProgram(String),
    /// The program pays a fixed amount (協力金): there is no claim to compute.
    #[error("「{0}」は定額の給付のため、申請額の計算はありません")]
    NoClaim(String),
    /// The fetched update is not a signed file of ours (a server error page, a cut download).
    #[error("届いた更新データの形式が正しくありません。今までのデータをそのまま使います")]
    FeedFormat,
    /// The update's signature does not verify: it was changed on the way or not made by us.
    #[error(
        "更新データの署名を確認できませんでした(改ざんされたか、配布元が違います)。今までのデータをそのまま使います"
    )]
    FeedSignature,
    /// The update is not newer than the data the app has.
    #[error(
        "届いた更新データ(版 {got})は、今のデータ(版 {have})より新しくありません。今までのデータをそのまま使います"
    )]
    FeedNotNewer {
        /// The version the app has
        have: u32,
        /// The version the file carries
        got: u32,
    },
    /// The update's guide knowledge (timeline, links, check methods, …) does not pass its checks.
    #[error("{0}。今までのデータをそのまま使います")]
    Knowledge(#[from] guide::KnowledgeError),
}

impl ProgramsError {
    /// The stable code sent to the UI.
    pub fn code(&self) -> ProgramsErrorCode {
        match self {
            ProgramsError::UnknownProgram(_) => ProgramsErrorCode::UnknownProgram,
            ProgramsError::NoClaim(_) => ProgramsErrorCode::NoClaim,
            ProgramsError::FeedFormat => ProgramsErrorCode::FeedFormat,
            ProgramsError::FeedSignature => ProgramsErrorCode::FeedSignature,
            ProgramsError::FeedNotNewer { .. } => ProgramsErrorCode::FeedNotNewer,
            _ => ProgramsErrorCode::ProgramData,
        }
    }
}

/// Every programs error's code: the UI switches on these, so a renamed one fails its type check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
pub enum ProgramsErrorCode {
    /// No program with that id in the data
    UnknownProgram,
    /// The program has no claim rule (a 協力金 pays a fixed amount)
    NoClaim,
    /// The bundled or updated program data is inconsistent
    ProgramData,
    /// An update that is not a signed file of ours
    FeedFormat,
    /// An update whose signature does not verify
    FeedSignature,
    /// An update no newer than the data in use
    FeedNotNewer,
}

impl ProgramsErrorCode {
    /// The code as text (logs, messages).
    pub fn as_str(self) -> &'static str {
        match self {
            ProgramsErrorCode::UnknownProgram => "UnknownProgram",
            ProgramsErrorCode::NoClaim => "NoClaim",
            ProgramsErrorCode::ProgramData => "ProgramData",
            ProgramsErrorCode::FeedFormat => "FeedFormat",
            ProgramsErrorCode::FeedSignature => "FeedSignature",
            ProgramsErrorCode::FeedNotNewer => "FeedNotNewer",
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
    /// clinic. Used by [`Program::claim`].
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
    },
    /// A clinic that applied in an earlier round cannot apply again. Used by
    /// [`purchases::evaluate`].
    ExcludesEarlierApplicants,
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

/// The bundled data with the date it was last checked.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Catalog {
    /// Increases with every release of the data: an update must carry a higher one
    pub version: u32,
    /// When the data was last checked against its sources
    pub as_of: NaiveDate,
    /// Every source cited
    pub sources: Vec<Source>,
    /// Every program known
    pub programs: Vec<Program>,
}

impl Catalog {
    /// Parses and checks program data: dates in order, every citation known, every rule
    /// consistent with its program. Used for the bundled data and for test fixtures.
    pub fn from_json(text: &str) -> Result<Catalog, ProgramsError> {
        let catalog: Catalog = serde_json::from_str(text)?;
        catalog.check()?;
        Ok(catalog)
    }

    fn check(&self) -> Result<(), ProgramsError> {
        for (i, p) in self.programs.iter().enumerate() {
            if self.programs[..i].iter().any(|q| q.id == p.id) {
                return Err(ProgramsError::DuplicateId(p.id.clone()));
            }
            for span in p.period.iter().chain([&p.window]) {
                if span.from.is_some_and(|from| from.date > span.to.date) {
                    return Err(ProgramsError::BadPeriod(p.name.clone()));
                }
            }
            let citations = p
                .citations
                .iter()
                .chain(p.period.iter().flat_map(|s| &s.citations))
                .chain(&p.window.citations)
                .chain(p.rules.iter().map(|r| &r.citation));
            for c in citations {
                if self.source(&c.source).is_none() {
                    return Err(ProgramsError::UnknownSource(p.name.clone(), c.source.clone()));
                }
            }
            for r in &p.rules {
                let bad = |why| Err(ProgramsError::BadRule(p.name.clone(), r.id.clone(), why));
                match &r.effect {
                    RuleEffect::ClaimUnit { unit_yen } if *unit_yen <= 0 => return bad("単位が0以下です"),
                    RuleEffect::ClaimUnit { .. } if p.kind != ProgramKind::Subsidy => {
                        return bad("協力金に申請額の単位はありません");
                    }
                    RuleEffect::DeadlineExtension { from, .. } if *from != p.window.to.date => {
                        return bad("延長前の締切が受付期間の締切と一致しません");
                    }
                    RuleEffect::DeadlineExtension { from, to } if to <= from => {
                        return bad("延長後の締切が延長前より前です");
                    }
                    RuleEffect::UploadFormats { extensions, .. }
                        if extensions.is_empty()
                            || extensions
                                .iter()
                                .any(|e| e.is_empty() || e.starts_with('.') || *e != e.to_lowercase()) =>
                    {
                        return bad("ファイル形式は小文字の拡張子(点なし)で1つ以上必要です");
                    }
                    RuleEffect::RequiredDocuments { documents } if documents.is_empty() => {
                        return bad("必要な書類が空です");
                    }
                    RuleEffect::GrantRequirements { .. } if p.kind != ProgramKind::Grant || p.period.is_none() => {
                        return bad("要件は対象期間のある協力金にだけ付けられます");
                    }
                    RuleEffect::EligibleItems { .. }
                    | RuleEffect::ExcludesEarlierApplicants
                    | RuleEffect::RequiredDocuments { .. }
                    | RuleEffect::UploadFormats { .. }
                        if p.kind != ProgramKind::Subsidy =>
                    {
                        return bad("協力金に機器の条件はありません");
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The program with this id.
    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }

    /// Every program with its state on `today`, with the data's as-of date, for the screens.
    pub fn board(&self, today: NaiveDate) -> ProgramBoard {
        ProgramBoard {
            as_of_text: jptext::format_date(self.as_of),
            programs: self.programs.iter().map(|p| self.status(p, today)).collect(),
        }
    }

    fn status(&self, p: &Program, today: NaiveDate) -> ProgramStatus {
        let availability = availability(p, today);
        let cite = |c: &Citation| {
            let s = self.source(&c.source);
            SourceView {
                title: s.map(|s| s.title.clone()).unwrap_or_else(|| c.source.clone()),
                r#where: s.map(|s| s.r#where.clone()).unwrap_or_default(),
                url: s.and_then(|s| s.url.clone()),
                section: c.section.clone(),
            }
        };
        let span_text = |s: &Span| match s.from {
            Some(from) => format!("{} 〜 {}", from.text(), s.to.text()),
            None => format!("〜 {}", s.to.text()),
        };
        let closes_on = p.closes_on();
        ProgramStatus {
            id: p.id.clone(),
            kind: p.kind,
            name: p.name.clone(),
            also_called: p.also_called.clone(),
            summary: p.summary.clone(),
            label: availability.label().to_string(),
            availability,
            period_label: p.period.as_ref().map(|s| s.label.clone()),
            period_text: p.period.as_ref().map(span_text),
            window_label: p.window.label.clone(),
            window_from_text: p.window.from.map(|d| d.text()),
            window_to_text: if closes_on == p.window.to.date {
                p.window.to.text()
            } else {
                jptext::format_date(closes_on)
            },
            window_sources: p.window.citations.iter().map(cite).collect(),
            amount_label: p.amount_label.clone(),
            amount_text: jptext::format_yen(p.amount_yen),
            claim_unit_text: (p.claim_unit_yen() > 1).then(|| jptext::format_yen(p.claim_unit_yen())),
            rules: p
                .rules
                .iter()
                .map(|r| RuleView {
                    id: r.id.clone(),
                    text: rule_text(p, r),
                    as_of_text: jptext::format_date(r.as_of),
                    verified: r.verified,
                    source: cite(&r.citation),
                })
                .collect(),
            sources: p.citations.iter().map(cite).collect(),
            verified: p.verified,
        }
    }
}

/// The sentence staff read for a rule, made from the rule's values so it can never disagree
/// with what the code applies.
fn rule_text(p: &Program, r: &Rule) -> String {
    match &r.effect {
        RuleEffect::ClaimUnit { unit_yen } => format!(
            "申請額は{}単位です。{}未満は切り捨てられ、施術所の負担になります(上限{}まで)。",
            jptext::format_yen(*unit_yen),
            jptext::format_yen(*unit_yen),
            jptext::format_yen(p.amount_yen)
        ),
        RuleEffect::DeadlineExtension { from, to } => format!(
            "{}の締切は{}から{}に延長されました。",
            p.window.label,
            jptext::format_date(*from),
            jptext::format_date(*to)
        ),
        RuleEffect::EligibleItems { .. } => format!(
            "対象になる機器: {}。",
            purchases::ItemCategory::ALL
                .iter()
                .filter(|c| purchases::eligible(&r.effect, **c))
                .map(|c| c.label())
                .collect::<Vec<_>>()
                .join("、")
        ),
        RuleEffect::ExcludesEarlierApplicants => {
            "以前に申請した施術所は、申請できません(申請は1回限りです)。".to_string()
        }
        RuleEffect::RequiredDocuments { documents } => {
            format!("申請に必要な書類: {}。", documents.iter().map(|d| d.label()).collect::<Vec<_>>().join("、"))
        }
        RuleEffect::UploadFormats { extensions, max_file_bytes } => {
            let formats = extensions.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join("、");
            match max_file_bytes {
                Some(max) => format!("提出できるファイルの形式: {formats}(1ファイル{}MBまで)。", max / 1_000_000),
                None => format!("提出できるファイルの形式: {formats}。"),
            }
        }
        RuleEffect::GrantRequirements { requirements } => format!(
            "給付の要件{}: {}。",
            if requirements.iter().all(|r| r.within_period()) { "(対象期間内)" } else { "" },
            requirements.iter().map(|r| r.label()).collect::<Vec<_>>().join("、")
        ),
        RuleEffect::NoUsageThreshold => {
            "マイナ保険証の利用件数の基準はありません。要件の取組をしていれば、利用がなくても対象です。".to_string()
        }
    }
}

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

fn days_between(from: NaiveDate, to: NaiveDate) -> i32 {
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

const DATA: &str = include_str!("../data/programs.json");

/// The programs bundled with this version, checked for consistency.
pub fn catalog() -> Result<Catalog, ProgramsError> {
    Catalog::from_json(DATA)
}

/// Every bundled program with its state on `today`, for ホーム, the program pages and the guide.
pub fn board(today: NaiveDate) -> Result<ProgramBoard, ProgramsError> {
    Ok(catalog()?.board(today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    /// The day before `date`, for tests built from a program's own dates.
    fn day_before(date: NaiveDate) -> Option<NaiveDate> {
        date.checked_sub_days(Days::new(1))
    }

    fn bundled(id: &str) -> Program {
        catalog().expect("bundled data parses").program(id).expect("present").clone()
    }

    /// A program in 2027 that the bundled data does not have: the rules must show it open.
    const FUTURE: &str = include_str!("../tests/fixtures/future_program.json");

    #[test]
    fn bundled_data_is_consistent_and_cites_documents_not_paths() {
        let catalog = catalog().expect("parses");
        assert!(catalog.programs.len() >= 2);
        let subsidy = bundled("equipment_subsidy_2025");
        assert_eq!(subsidy.amount_yen, 41_000);
        assert_eq!(subsidy.window.to.date, d(2026, 1, 15));
        for s in &catalog.sources {
            assert!(!s.title.contains("shared/") && !s.r#where.contains("shared/"), "{s:?}");
            assert!(!s.title.contains(".txt") && !s.title.contains(".md"), "{s:?}");
        }
        let kb = catalog.source("portal_kb0012177").expect("KB0012177");
        assert!(kb.title.contains("KB0012177"));
        assert_eq!(
            kb.url.as_deref(),
            Some("https://iryohokenjyoho.service-now.com/omf?id=kb_article_view&sysparm_article=KB0012177")
        );
    }

    #[test]
    fn names_are_the_sources_names() {
        let subsidy = bundled("equipment_subsidy_2025");
        assert_eq!(subsidy.name, "柔整・あはき施術所用助成金");
        assert!(subsidy.also_called.as_deref().is_some_and(|a| a.contains("補助金")));
        assert_eq!(bundled("promotion_grant_2025").name, "マイナ保険証の利用促進のための取組に対する協力金");
        for p in catalog().expect("parses").programs {
            assert!(
                !p.summary.contains("切り捨て") && !p.summary.contains("締切"),
                "rules live in rules: {}",
                p.summary
            );
        }
    }

    /// For every bundled program, computed from its own dates: before its window 受付前, inside
    /// 受付中, after its (extended) last day 受付終了. No date is hard-coded here.
    #[test]
    fn each_program_state_follows_its_own_window() {
        let catalog = catalog().expect("parses");
        let fixture = Catalog::from_json(FUTURE).expect("fixture parses");
        for p in catalog.programs.iter().chain(&fixture.programs) {
            let last = p.closes_on();
            if let Some(from) = p.window.from {
                let before = day_before(from.date).expect("a day before");
                assert_eq!(availability(p, before).label(), "受付前", "{}", p.id);
                assert_eq!(availability(p, before), Availability::Upcoming { days_until: 1 }, "{}", p.id);
                assert_eq!(availability(p, from.date).label(), "受付中", "{}", p.id);
            }
            assert_eq!(availability(p, last), Availability::Open { days_left: 1 }, "{}", p.id);
            let after = last.checked_add_days(Days::new(1)).expect("a day after");
            assert_eq!(availability(p, after), Availability::Closed, "{}", p.id);
            assert_eq!(availability(p, after).label(), "受付終了", "{}", p.id);
        }
    }

    #[test]
    fn the_grant_state_follows_the_report_window_not_the_period() {
        let grant = bundled("promotion_grant_2025");
        let period = grant.period.clone().expect("対象期間");
        assert_eq!((period.from.map(|f| f.date), period.to.date), (Some(d(2025, 5, 1)), d(2025, 7, 31)));
        // Inside the 対象期間 but before the report form opened: not yet 受付中.
        assert_eq!(availability(&grant, d(2025, 5, 15)).label(), "受付前");
        // After the period, while reports were taken: 受付中.
        assert_eq!(availability(&grant, d(2025, 8, 20)).label(), "受付中");
        // The extension rule moves the last day from 9/30 to 10/31.
        assert_eq!(grant.window.to.date, d(2025, 9, 30));
        assert_eq!(grant.closes_on(), d(2025, 10, 31));
        assert_eq!(availability(&grant, d(2025, 10, 15)).label(), "受付中");
        let without_extension = Program {
            rules: grant.rules.iter().filter(|r| r.id != "report_deadline_extended").cloned().collect(),
            ..grant.clone()
        };
        assert_eq!(availability(&without_extension, d(2025, 10, 15)).label(), "受付終了");
    }

    #[test]
    fn a_future_program_in_a_fixture_is_open_inside_its_window() {
        let fixture = Catalog::from_json(FUTURE).expect("fixture parses");
        let board = fixture.board(d(2027, 6, 1));
        let p = board.find("future_subsidy_2027").expect("present");
        assert_eq!(p.label, "受付中");
        assert_eq!(p.window_to_text, "令和9年9月30日 (2027-09-30)");
        assert_eq!(board.as_of_text, "令和9年4月1日 (2027-04-01)");
        assert_eq!(fixture.board(d(2027, 3, 31)).programs[0].label, "受付前");
    }

    #[test]
    fn the_claim_is_truncated_to_whole_thousands_by_the_rule() {
        let subsidy = bundled("equipment_subsidy_2025");
        assert_eq!(subsidy.claim_unit_yen(), 1_000);
        let cases = [
            (0, 0),
            (999, 0),
            (1_000, 1_000),
            (39_800, 39_000),
            (40_999, 40_000),
            (41_000, 41_000),
            (41_500, 41_000),
            (100_000, 41_000),
            (-5, 0),
        ];
        for (total, claim) in cases {
            assert_eq!(subsidy.claim_yen(total), Some(claim), "total {total}");
        }
        // Without the rule, nothing is cut off: the truncation lives in the data, not in code.
        let no_rule = Program { rules: Vec::new(), ..subsidy };
        assert_eq!(no_rule.claim_yen(39_800), Some(39_800));
        assert_eq!(bundled("promotion_grant_2025").claim_yen(10_000), None);
    }

    #[test]
    fn every_rule_is_dated_sourced_and_flagged() {
        let catalog = catalog().expect("parses");
        let rules: Vec<&Rule> = catalog.programs.iter().flat_map(|p| &p.rules).collect();
        let ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "claim_in_whole_thousands",
                "eligible_items",
                "one_application_only",
                "required_documents",
                "upload_formats",
                "report_deadline_extended",
                "no_usage_threshold",
                "grant_requirements",
                "excluded_on_payment_date"
            ]
        );
        for r in rules {
            // The seed's own rules were read here; a rule from beyond it says whether it was.
            if r.citation.source == "seed_guide" {
                assert!(r.verified, "{} is the seed's own", r.id);
            }
            assert!(r.as_of <= catalog.as_of, "{}", r.id);
        }
        assert_eq!(bundled("promotion_grant_2025").usage_threshold(), Some(0));
        assert_eq!(bundled("equipment_subsidy_2025").usage_threshold(), None);
    }

    #[test]
    fn the_board_shows_dates_in_wareki_and_yen() {
        let board = board(d(2026, 11, 24)).expect("board");
        assert_eq!(board.as_of_text, "令和8年11月24日 (2026-11-24)");
        let subsidy = board.find("equipment_subsidy_2025").expect("present");
        assert_eq!(subsidy.window_to_text, "令和8年1月15日 (2026-01-15)");
        assert_eq!(subsidy.amount_text, "¥41,000");
        assert_eq!(subsidy.claim_unit_text.as_deref(), Some("¥1,000"));
        assert!(subsidy.rules[0].text.contains("¥1,000未満は切り捨て"));
        let grant = board.find("promotion_grant_2025").expect("present");
        assert_eq!(grant.period_text.as_deref(), Some("令和7年5月 (2025-05) 〜 令和7年7月 (2025-07)"));
        assert_eq!(grant.window_from_text.as_deref(), Some("令和7年7月頃 (2025-07)"));
        assert_eq!(grant.window_to_text, "令和7年10月31日 (2025-10-31)");
        assert!(grant.rules[0].text.contains("令和7年9月30日 (2025-09-30)から令和7年10月31日 (2025-10-31)"));
        assert_eq!(grant.amount_text, "¥50,000");
        assert!(grant.sources.iter().any(|s| s.title.contains("KB0012177") && s.url.is_some()));
    }

    #[test]
    fn inconsistent_data_is_refused() {
        let broken = FUTURE.replace("\"2027-09-30\"", "\"2027-03-01\"");
        assert!(matches!(Catalog::from_json(&broken), Err(ProgramsError::BadPeriod(_))));
        let unknown = FUTURE.replace("\"source\": \"fixture_source\"", "\"source\": \"nowhere\"");
        assert!(matches!(Catalog::from_json(&unknown), Err(ProgramsError::UnknownSource(..))));
        let zero_unit = FUTURE.replace("\"unitYen\": 1000", "\"unitYen\": 0");
        assert!(matches!(Catalog::from_json(&zero_unit), Err(ProgramsError::BadRule(..))));
        assert!(matches!(Catalog::from_json("{"), Err(ProgramsError::BadData(_))));
    }
}
