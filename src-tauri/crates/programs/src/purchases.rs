//! What a 助成金 pays for a clinic's purchases: a pure function of the program's dated rules, the
//! purchase lines and the day. Each line is eligible or left out with the reason; the claim is
//! floor(min(eligible total, cap) / unit) × unit; the clinic pays the rest of what it spent. A
//! closed round still evaluates (staff prepare the paperwork for the next round), and says it is
//! closed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::{Availability, Program, ProgramKind, RuleEffect, availability};

/// What kind of equipment a purchase line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ItemCategory {
    /// 汎用カードリーダー
    CardReader,
    /// タブレット
    Tablet,
    /// スマートフォン
    Smartphone,
    /// パソコン
    Pc,
    /// そのほか (cables, cases, software, …)
    Other,
}

// Stored in the subsidy's purchase rows; listed in the order the form offers them.
textenum::text_enum!(impl ItemCategory {
    CardReader => "card_reader",
    Tablet => "tablet",
    Smartphone => "smartphone",
    Pc => "pc",
    Other => "other",
});

impl ItemCategory {
    /// The word staff read.
    pub fn label(self) -> &'static str {
        match self {
            ItemCategory::CardReader => "汎用カードリーダー",
            ItemCategory::Tablet => "タブレット",
            ItemCategory::Smartphone => "スマートフォン",
            ItemCategory::Pc => "パソコン",
            ItemCategory::Other => "そのほか",
        }
    }
}

/// Whether an [`RuleEffect::EligibleItems`] rule covers `category`: `None` when the rule does
/// not say (そのほか, until a source does); any other rule covers none.
pub fn covers(effect: &RuleEffect, category: ItemCategory) -> Option<bool> {
    match *effect {
        RuleEffect::EligibleItems { card_reader, tablet, smartphone, pc, other } => match category {
            ItemCategory::CardReader => Some(card_reader),
            ItemCategory::Tablet => Some(tablet),
            ItemCategory::Smartphone => Some(smartphone),
            ItemCategory::Pc => Some(pc),
            ItemCategory::Other => other,
        },
        _ => Some(false),
    }
}

/// Whether an [`RuleEffect::EligibleItems`] rule says `category` is paid for.
pub fn eligible(effect: &RuleEffect, category: ItemCategory) -> bool {
    covers(effect, category) == Some(true)
}

/// Why a line of a category no source rules on is neither counted nor called 対象外.
pub const TO_CHECK_REASON: &str = "ケーブルやケースなどが助成の対象になるかは、資料で確かめられていません。申請額には入れていません。手順書で確かめるか、コールセンターに問い合わせてください";

/// One line of a 領収書, as checked by the form (quantity ≥ 1, a price, a date).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseLine {
    /// The caller's key for the line (the stored row's id), given back on its result so a
    /// judgement is never matched to a line by position
    pub id: i32,
    /// 品名
    pub item: String,
    /// 区分
    pub category: ItemCategory,
    /// 数量
    pub quantity: u32,
    /// 単価(税込), yen
    pub unit_price_yen: i32,
    /// 購入日
    pub bought_on: NaiveDate,
}

/// A line as evaluated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LineResult {
    /// The line's [`PurchaseLine::id`]
    pub id: i32,
    /// No source says whether its category is paid for: not counted, to be checked (its
    /// `reason` says so), never called 対象外
    pub to_check: bool,
    /// 数量 × 単価
    pub amount_yen: i64,
    /// Counted in the eligible total
    pub eligible: bool,
    /// Why it is left out (対象外), in Japanese
    pub reason: Option<String>,
}

/// The purchases against the program on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Evaluation {
    /// 受付前 / 受付中 / 受付終了 on the day
    pub availability: Availability,
    /// Each line, in order
    pub lines: Vec<LineResult>,
    /// Everything bought
    pub total_yen: i64,
    /// The lines that count
    pub eligible_total_yen: i64,
    /// What may be claimed
    pub claim_yen: i64,
    /// What the clinic pays itself: total − claim
    pub clinic_pays_yen: i64,
    /// Why nothing can be claimed at all (an earlier application), when so
    pub excluded: Option<String>,
}

/// Evaluates `lines` for a 助成金 on `today`, for a clinic that did (or did not) apply in an earlier
/// round. `None` for a 協力金, which pays a fixed amount.
pub fn evaluate(
    program: &Program,
    lines: &[PurchaseLine],
    today: NaiveDate,
    applied_before: bool,
) -> Option<Evaluation> {
    if program.kind != ProgramKind::Subsidy {
        return None;
    }
    let items_rule = program.rules.iter().find(|r| matches!(r.effect, RuleEffect::EligibleItems { .. }));
    let excludes = program.rules.iter().any(|r| r.effect == RuleEffect::ExcludesEarlierApplicants);
    let results: Vec<LineResult> = lines
        .iter()
        .map(|line| {
            let amount_yen = i64::from(line.quantity) * i64::from(line.unit_price_yen);
            let covered = items_rule.map(|r| covers(&r.effect, line.category));
            let to_check = covered == Some(None) && line.bought_on <= today;
            let reason = if line.bought_on > today {
                Some("購入日が今日より後です".to_string())
            } else if to_check {
                Some(TO_CHECK_REASON.to_string())
            } else if covered == Some(Some(false)) {
                Some(format!("{}は助成の対象の機器ではありません", line.category.label()))
            } else {
                None
            };
            LineResult { id: line.id, to_check, amount_yen, eligible: reason.is_none(), reason }
        })
        .collect();
    let total_yen: i64 = results.iter().map(|r| r.amount_yen).sum();
    let eligible_total_yen: i64 = results.iter().filter(|r| r.eligible).map(|r| r.amount_yen).sum();
    let excluded = (excludes && applied_before).then(|| "以前の受付で申請した施術所は、申請できません".to_string());
    let claim_yen = if excluded.is_some() { 0 } else { program.claim_yen(eligible_total_yen).unwrap_or(0) };
    Some(Evaluation {
        availability: availability(program, today),
        lines: results,
        total_yen,
        eligible_total_yen,
        claim_yen,
        clinic_pays_yen: total_yen - claim_yen,
        excluded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Rule;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn subsidy() -> Program {
        crate::catalog().expect("bundled data").program("equipment_subsidy_2025").expect("the 助成金").clone()
    }

    fn line(category: ItemCategory, quantity: u32, unit_price_yen: i32) -> PurchaseLine {
        PurchaseLine { id: 1, item: "品".into(), category, quantity, unit_price_yen, bought_on: day(2025, 11, 1) }
    }

    #[test]
    fn the_claim_is_capped_and_cut_to_whole_thousands() {
        let p = subsidy();
        let today = day(2025, 12, 1);
        let cases = [(41_999, 41_000), (999, 0), (50_000, 41_000), (41_000, 41_000), (39_800, 39_000), (0, 0)];
        for (price, claim) in cases {
            let e = evaluate(&p, &[line(ItemCategory::Tablet, 1, price)], today, false).expect("a 助成金");
            assert_eq!(e.claim_yen, claim, "{price}");
            assert_eq!(e.clinic_pays_yen, i64::from(price) - claim, "{price}");
        }
    }

    #[test]
    fn ineligible_and_future_lines_are_listed_with_why_and_left_out() {
        let p = subsidy();
        let today = day(2025, 12, 1);
        let future = PurchaseLine { bought_on: day(2025, 12, 2), ..line(ItemCategory::CardReader, 1, 5_000) };
        let lines = [
            line(ItemCategory::CardReader, 2, 4_980),
            line(ItemCategory::Other, 1, 1_500),
            future,
            line(ItemCategory::Pc, 1, 80_000),
        ];
        let e = evaluate(&p, &lines, today, false).expect("a 助成金");
        assert_eq!(e.lines.iter().map(|l| l.eligible).collect::<Vec<_>>(), [true, false, false, false]);
        // No source says whether a cable or a case is paid for: left to check, not called 対象外.
        assert_eq!(e.lines.iter().map(|l| l.to_check).collect::<Vec<_>>(), [false, true, false, false]);
        assert_eq!(e.lines[1].reason.as_deref(), Some(TO_CHECK_REASON));
        assert_eq!(e.lines[2].reason.as_deref(), Some("購入日が今日より後です"));
        assert_eq!(e.lines[3].reason.as_deref(), Some("パソコンは助成の対象の機器ではありません"));
        assert_eq!((e.total_yen, e.eligible_total_yen, e.claim_yen), (96_460, 9_960, 9_000));
        assert_eq!(e.clinic_pays_yen, 87_460);
        // Once the data says so, そのほか is 対象 or 対象外 like any category.
        let rule = |other| Rule {
            effect: RuleEffect::EligibleItems { card_reader: true, tablet: true, smartphone: true, pc: false, other },
            ..p.rules.iter().find(|r| r.id == "eligible_items").cloned().expect("the rule")
        };
        for (other, eligible) in [(Some(true), true), (Some(false), false)] {
            let ruled = Program { rules: vec![rule(other)], ..p.clone() };
            let e = evaluate(&ruled, &[line(ItemCategory::Other, 1, 1_500)], today, false).expect("a 助成金");
            assert_eq!((e.lines[0].eligible, e.lines[0].to_check), (eligible, false));
        }
    }

    #[test]
    fn an_earlier_applicant_can_claim_nothing_and_a_closed_round_still_evaluates() {
        let p = subsidy();
        let e = evaluate(&p, &[line(ItemCategory::Smartphone, 1, 30_000)], day(2026, 11, 29), true).expect("a 助成金");
        assert_eq!(e.claim_yen, 0);
        assert!(e.excluded.as_deref().is_some_and(|x| x.contains("以前の受付で申請した")));
        assert_eq!(e.availability, Availability::Closed);
        assert_eq!(e.availability.label(), "受付終了");
        let open =
            evaluate(&p, &[line(ItemCategory::Smartphone, 1, 30_000)], day(2026, 1, 15), false).expect("a 助成金");
        assert!(matches!(open.availability, Availability::Open { .. }));
        assert_eq!(open.claim_yen, 30_000);
    }

    #[test]
    fn a_grant_is_not_evaluated() {
        let c = crate::catalog().expect("bundled data");
        let grant = c.programs.iter().find(|p| p.kind == ProgramKind::Grant).expect("a 協力金");
        assert!(evaluate(grant, &[], day(2025, 6, 1), false).is_none());
    }
}
