//! The programs in use, checked for consistency when read (bundled or from the signed feed).

use chrono::NaiveDate;
use serde::Deserialize;

use crate::*;

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
                    RuleEffect::ReportContents { items }
                        if items.is_empty() || items.iter().any(|i| i.trim().is_empty()) =>
                    {
                        return bad("報告に必要なものが空です");
                    }
                    RuleEffect::GrantRequirements { .. }
                    | RuleEffect::CountsFromStartDate
                    | RuleEffect::ReportContents { .. }
                        if p.kind != ProgramKind::Grant || p.period.is_none() =>
                    {
                        return bad("要件は対象期間のある協力金にだけ付けられます");
                    }
                    RuleEffect::EligibleItems { .. }
                    | RuleEffect::ExcludesEarlierApplicants
                    | RuleEffect::SingleApplication
                    | RuleEffect::PerRegistration
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
pub(crate) fn rule_text(p: &Program, r: &Rule) -> String {
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
        RuleEffect::EligibleItems { other, .. } => format!(
            "対象になる機器: {}。{}",
            purchases::ItemCategory::ALL
                .iter()
                .filter(|c| purchases::eligible(&r.effect, **c))
                .map(|c| c.label())
                .collect::<Vec<_>>()
                .join("、"),
            if other.is_none() { "ケーブルやケースなどそのほかの物が対象になるかは、資料で確かめられていません。" } else { "" }
        ),
        RuleEffect::ExcludesEarlierApplicants => "以前の受付で申請した施術所は、申請できません。".to_string(),
        RuleEffect::PerRegistration => {
            "柔整とあはきで別々に登録している施術所(登録記号番号が2つ)は、登録ごとに申請します。1つの登録の併設の施術所は、1回の申請です。".to_string()
        }
        RuleEffect::SingleApplication => {
            "購入した機器は、すべて1回の申請にまとめます。申請したあとは、書類の追加・変更はできません。".to_string()
        }
        RuleEffect::ReportContents { items } => format!("報告に必要とされているもの: {}。", items.join("、")),
        RuleEffect::CountsFromStartDate => {
            "お声がけとチラシ・ポスターは、運用開始日から後の取組を数えます(案内の「運用開始日を入力のうえ…実施」という書き方によります)。".to_string()
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

pub(crate) const DATA: &str = include_str!("../data/programs.json");

/// The programs bundled with this version, checked for consistency.
pub fn catalog() -> Result<Catalog, ProgramsError> {
    Catalog::from_json(DATA)
}

/// Every bundled program with its state on `today`, for ホーム, the program pages and the guide.
pub fn board(today: NaiveDate) -> Result<ProgramBoard, ProgramsError> {
    Ok(catalog()?.board(today))
}
