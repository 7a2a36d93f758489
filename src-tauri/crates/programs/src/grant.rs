//! Whether a clinic meets a 協力金's requirements, from what the app knows (the 運用開始日 from the
//! 導入ガイド) and the evidence staff record (the poster's dates, flyers and お声がけ per day). A
//! pure function of the program's [`RuleEffect::GrantRequirements`] rule, the evidence and its
//! 対象期間: evidence outside the period is ignored, and there is no usage threshold unless the
//! data says so (a clinic where no patient used a マイナ保険証 still meets the requirements).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::{Program, RuleEffect};

/// One requirement of a 協力金, as the program data names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum GrantRequirement {
    /// オンライン資格確認 introduced with a 運用開始日 entered, on or before the period's last day
    StartDateRecorded,
    /// Patients asked to use the マイナ保険証 (お声がけ) during the period
    PatientsAsked,
    /// Flyers handed out, or the poster displayed, during the period
    FlyerOrPoster,
    /// Still open, not suspended and still under 受領委任 on the payment date: staff's answer
    /// (the app cannot know it), since a clinic that is not gets nothing
    InServiceOnPaymentDate,
}

impl GrantRequirement {
    /// The requirement in staff's words.
    pub fn label(self) -> &'static str {
        match self {
            GrantRequirement::StartDateRecorded => "オンライン資格確認を導入し、運用開始日を入力している",
            GrantRequirement::PatientsAsked => "患者さんにマイナ保険証の利用をお声がけした",
            GrantRequirement::FlyerOrPoster => "チラシを配布した、またはポスターを掲示した",
            GrantRequirement::InServiceOnPaymentDate => {
                "支給日の時点で施術所を廃止・休止しておらず、受領委任の取扱いを続けている"
            }
        }
    }

    /// Whether only what falls inside the 対象期間 counts for it (the payment-date one is about
    /// the clinic on a later day).
    pub fn within_period(self) -> bool {
        !matches!(self, GrantRequirement::InServiceOnPaymentDate)
    }
}

// A stable id for each, on the screen.
textenum::text_enum!(impl GrantRequirement {
    StartDateRecorded => "start_date",
    PatientsAsked => "patients_asked",
    FlyerOrPoster => "flyer_or_poster",
    InServiceOnPaymentDate => "in_service",
});

/// What the clinic did, as recorded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GrantEvidence {
    /// The 運用開始日 from the 導入ガイド
    pub start_date: Option<NaiveDate>,
    /// Each time the poster was up: from, and to (`None`: still up)
    pub poster: Vec<(NaiveDate, Option<NaiveDate>)>,
    /// Flyers handed out: day and count
    pub flyers: Vec<(NaiveDate, u32)>,
    /// お声がけ: day and count
    pub prompts: Vec<(NaiveDate, u32)>,
    /// Staff's answer to whether the clinic is open, not suspended and under 受領委任 on the
    /// payment date; `None` until they answer
    pub in_service: Option<bool>,
}

/// One requirement judged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RequirementResult {
    /// Stable id
    pub id: String,
    /// The requirement
    pub label: String,
    /// Met inside the period
    pub met: bool,
    /// Why, in Japanese: what counted, or what is missing
    pub why: String,
}

/// Every requirement judged against the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct GrantEvaluation {
    /// Each requirement in the data's order
    pub requirements: Vec<RequirementResult>,
    /// Every requirement is met
    pub all_met: bool,
}

/// The requirements `program` names: those of its [`RuleEffect::GrantRequirements`] rules (one
/// per source), in the data's order, each once.
pub fn requirements(program: &Program) -> Vec<GrantRequirement> {
    let mut all: Vec<GrantRequirement> = Vec::new();
    for rule in &program.rules {
        if let RuleEffect::GrantRequirements { requirements } = &rule.effect {
            for r in requirements {
                if !all.contains(r) {
                    all.push(*r);
                }
            }
        }
    }
    all
}

/// Judges `evidence` against `program`'s requirements inside its 対象期間. `None` for a program
/// without a period (nothing to count within).
pub fn evaluate(program: &Program, evidence: &GrantEvidence) -> Option<GrantEvaluation> {
    let period = program.period.as_ref()?;
    let from = period.from.map(|f| f.date).unwrap_or(NaiveDate::MIN);
    let to = period.to.date;
    let period_text = match period.from {
        Some(f) => format!("{}〜{}", f.text(), period.to.text()),
        None => format!("〜{}", period.to.text()),
    };
    // The 取組 count from the 運用開始日 on when the data says so; before one is recorded, none.
    let from_start = program.rules.iter().any(|r| r.effect == RuleEffect::CountsFromStartDate);
    let (count_from, window) = match (from_start, evidence.start_date) {
        (false, _) => (from, format!("対象期間({period_text})")),
        (true, None) => (NaiveDate::MAX, "運用開始日から後".to_string()),
        (true, Some(start)) if start > from => {
            (start, format!("運用開始日({})から後の対象期間({period_text})", jptext::format_date(start)))
        }
        (true, Some(_)) => (from, format!("対象期間({period_text})")),
    };
    let none_yet = |what: &str| match (from_start, evidence.start_date) {
        (true, None) => format!(
            "運用開始日がまだ記録されていないため、{what}はまだ数えられません(運用開始日から後の取組が対象です)"
        ),
        _ => format!("{window}の{what}の記録がありません"),
    };
    let inside = |d: NaiveDate| d >= count_from && d <= to;
    let counted = |days: &[(NaiveDate, u32)]| -> (u32, usize) {
        let inside_days: Vec<&(NaiveDate, u32)> = days.iter().filter(|(d, n)| inside(*d) && *n > 0).collect();
        (inside_days.iter().map(|(_, n)| n).sum(), inside_days.len())
    };
    let results: Vec<RequirementResult> = requirements(program)
        .into_iter()
        .map(|req| {
            let (met, why) = match req {
                GrantRequirement::StartDateRecorded => match evidence.start_date {
                    None => (
                        false,
                        "運用開始日がまだ記録されていません(導入ガイドの手順「運用開始日」を完了すると記録されます)".to_string(),
                    ),
                    Some(d) if d > to => {
                        (false, format!("運用開始日 {} が対象期間({period_text})より後です", jptext::format_date(d)))
                    }
                    Some(d) => (true, format!("運用開始日 {}", jptext::format_date(d))),
                },
                GrantRequirement::PatientsAsked => match counted(&evidence.prompts) {
                    (0, _) => (false, none_yet("お声がけ")),
                    (n, days) => (true, format!("{window}にお声がけ {n} 人({days} 日)")),
                },
                GrantRequirement::FlyerOrPoster => {
                    let poster_days: Vec<(NaiveDate, NaiveDate)> = evidence
                        .poster
                        .iter()
                        .filter_map(|(start, end)| {
                            let end = end.unwrap_or(to).min(to);
                            let start = (*start).max(count_from);
                            (start <= end).then_some((start, end))
                        })
                        .collect();
                    let (flyers, flyer_days) = counted(&evidence.flyers);
                    match (poster_days.first(), flyers) {
                        (Some((start, end)), _) => (
                            true,
                            format!(
                                "ポスター掲示 {}〜{}{}",
                                jptext::format_date(*start),
                                jptext::format_date(*end),
                                if flyers > 0 {
                                    format!("、チラシ {flyers} 枚({flyer_days} 日)")
                                } else {
                                    String::new()
                                }
                            ),
                        ),
                        (None, n) if n > 0 => (true, format!("{window}にチラシ {n} 枚({flyer_days} 日)")),
                        _ => (false, none_yet("チラシ配布・ポスター掲示")),
                    }
                }
                GrantRequirement::InServiceOnPaymentDate => match evidence.in_service {
                    None => (false, "まだ回答されていません(支給日に廃止・休止中、または受領委任の取扱いをやめている施術所は対象外です)".to_string()),
                    Some(false) => (false, "支給日に廃止・休止中、または受領委任の取扱いをやめている施術所は対象外です".to_string()),
                    Some(true) => (true, "廃止・休止しておらず、受領委任の取扱いを続けていると回答済み".to_string()),
                },
            };
            RequirementResult { id: req.as_str().into(), label: req.label().into(), met, why }
        })
        .collect();
    let all_met = !results.is_empty() && results.iter().all(|r| r.met);
    Some(GrantEvaluation { requirements: results, all_met })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant() -> Program {
        crate::catalog().expect("bundled data").program("promotion_grant_2025").expect("the 協力金").clone()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid")
    }

    fn met(e: &GrantEvaluation) -> Vec<bool> {
        e.requirements.iter().map(|r| r.met).collect()
    }

    #[test]
    fn the_requirements_come_from_the_data() {
        assert_eq!(
            requirements(&grant()),
            [
                GrantRequirement::StartDateRecorded,
                GrantRequirement::PatientsAsked,
                GrantRequirement::FlyerOrPoster,
                GrantRequirement::InServiceOnPaymentDate
            ]
        );
    }

    #[test]
    fn each_requirement_is_met_or_says_why_not() {
        let full = GrantEvidence {
            start_date: Some(d(2025, 6, 1)),
            poster: vec![(d(2025, 4, 20), None)],
            flyers: vec![],
            prompts: vec![(d(2025, 6, 2), 5)],
            in_service: Some(true),
        };
        let cases: Vec<(GrantEvidence, [bool; 4], &str)> = vec![
            // The poster was up before the 運用開始日: it counts from that day on.
            (full.clone(), [true, true, true, true], "ポスター掲示 令和7年6月1日"),
            (
                GrantEvidence { start_date: None, ..full.clone() },
                [false, false, false, true],
                "運用開始日がまだ記録されていません",
            ),
            (
                GrantEvidence { start_date: Some(d(2025, 8, 1)), ..full.clone() },
                [false, false, false, true],
                "より後です",
            ),
            (
                GrantEvidence { prompts: vec![(d(2025, 4, 30), 3), (d(2025, 8, 1), 9)], ..full.clone() },
                [true, false, true, true],
                "お声がけの記録がありません",
            ),
            (
                GrantEvidence { poster: vec![(d(2025, 8, 1), None)], ..full.clone() },
                [true, true, false, true],
                "チラシ配布・ポスター掲示の記録がありません",
            ),
            (
                GrantEvidence { poster: vec![], flyers: vec![(d(2025, 7, 31), 12)], ..full.clone() },
                [true, true, true, true],
                "チラシ 12 枚(1 日)",
            ),
            (GrantEvidence { in_service: None, ..full.clone() }, [true, true, true, false], "まだ回答されていません"),
            (GrantEvidence { in_service: Some(false), ..full.clone() }, [true, true, true, false], "対象外です"),
        ];
        for (evidence, want, text) in cases {
            let e = evaluate(&grant(), &evidence).expect("a period");
            assert_eq!(met(&e), want, "{text}");
            assert_eq!(e.all_met, want.iter().all(|m| *m));
            assert!(e.requirements.iter().any(|r| r.why.contains(text)), "{text}: {:?}", e.requirements);
        }
    }

    #[test]
    fn a_clinic_where_nobody_used_the_card_still_meets_them() {
        // The evidence holds no usage at all: only the 取組 counts (no usage threshold in the data).
        assert_eq!(grant().usage_threshold(), Some(0));
        let evidence = GrantEvidence {
            start_date: Some(d(2025, 7, 31)),
            poster: vec![],
            flyers: vec![(d(2025, 7, 31), 1)],
            prompts: vec![(d(2025, 7, 31), 1)],
            in_service: Some(true),
        };
        assert!(evaluate(&grant(), &evidence).expect("a period").all_met);
    }

    #[test]
    fn the_efforts_count_from_the_start_date_on_as_the_data_says() {
        let evidence = GrantEvidence {
            start_date: Some(d(2025, 6, 1)),
            poster: vec![],
            flyers: vec![(d(2025, 5, 20), 30)],
            prompts: vec![(d(2025, 5, 15), 4)],
            in_service: Some(true),
        };
        let e = evaluate(&grant(), &evidence).expect("a period");
        assert_eq!(met(&e), [true, false, false, true]);
        assert_eq!(
            e.requirements[1].why,
            "運用開始日(令和7年6月1日 (2025-06-01))から後の対象期間(令和7年5月 (2025-05)〜令和7年7月 (2025-07))のお声がけの記録がありません"
        );
        // The rule is data, marked as our reading of the seed: without it the whole period counts.
        let rule =
            grant().rules.iter().find(|r| r.effect == RuleEffect::CountsFromStartDate).cloned().expect("in the data");
        assert!(!rule.verified && rule.citation.source == "seed_guide");
        let without = Program { rules: grant().rules.into_iter().filter(|r| r.id != rule.id).collect(), ..grant() };
        assert_eq!(met(&evaluate(&without, &evidence).expect("a period")), [true, true, true, true]);
    }
}
