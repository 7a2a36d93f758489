//! Whether a 助成金 application is ready to send. The program is applied for once only: documents
//! cannot be added after submitting and a submission cannot be withdrawn, so everything the
//! program's [`RuleEffect::RequiredDocuments`] rule names must be gathered and right first. This is
//! a pure function of the rules and of what the clinic has gathered (facts the caller collects
//! from its records), so the checklist on screen and the block on 申請準備完了 can never disagree.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::purchases::Evaluation;
use crate::{Program, RuleEffect};

/// A document the application must carry, as the program data names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RequiredDocument {
    /// 領収書: proof of payment, one for every purchase (a 見積書 does not count)
    Receipt,
    /// 領収書内訳書: every line of each 領収書, its total equal to the 領収書's
    Breakdown,
    /// 通帳の写し: the account the money is paid into
    Passbook,
}

// A stable id for each, on the screen.
textenum::text_enum!(impl RequiredDocument { Receipt => "receipt", Breakdown => "breakdown", Passbook => "passbook" });

impl RequiredDocument {
    /// The name staff read.
    pub fn label(self) -> &'static str {
        match self {
            RequiredDocument::Receipt => "領収書",
            RequiredDocument::Breakdown => "領収書内訳書",
            RequiredDocument::Passbook => "通帳の写し",
        }
    }
}

/// What staff confirmed can be read on the copy of the passbook (the account the money goes to).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PassbookVisible {
    /// 金融機関名
    pub bank: bool,
    /// 支店名
    pub branch: bool,
    /// 預金種別
    pub kind: bool,
    /// 口座番号
    pub number: bool,
    /// 口座名義(カナ)
    pub holder_kana: bool,
}

impl PassbookVisible {
    /// The items not yet confirmed, by name.
    pub fn missing(&self) -> Vec<&'static str> {
        [
            (self.bank, "金融機関名"),
            (self.branch, "支店名"),
            (self.kind, "預金種別"),
            (self.number, "口座番号"),
            (self.holder_kana, "口座名義(カナ)"),
        ]
        .into_iter()
        .filter(|(seen, _)| !seen)
        .map(|(_, name)| name)
        .collect()
    }
}

/// One 領収書 as gathered: its printed total against the lines typed from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceiptFacts {
    /// How staff know it: 領収書番号 and 購入先
    pub label: String,
    /// The total printed on the 領収書
    pub total_yen: i64,
    /// The sum of the lines typed from it
    pub lines_total_yen: i64,
    /// How many lines were typed
    pub line_count: usize,
    /// A copy (photo or PDF) of it is attached
    pub has_copy: bool,
}

/// Everything the clinic has gathered for the application.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PaperworkFacts {
    /// Each 領収書
    pub receipts: Vec<ReceiptFacts>,
    /// A copy of the passbook is attached
    pub passbook_copy: bool,
    /// What staff confirmed is readable on it
    pub passbook_visible: PassbookVisible,
}

/// One line of the checklist: a document (or the claim itself) and what is still wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistItem {
    /// `receipt`, `breakdown`, `passbook` or `claim`
    pub id: String,
    /// What it is, in Japanese
    pub label: String,
    /// Nothing is missing
    pub done: bool,
    /// What is still missing or wrong, each a sentence staff can act on
    pub problems: Vec<String>,
}

/// The checklist and whether 申請準備完了 may be set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    /// Each required document, then the claim
    pub items: Vec<ChecklistItem>,
    /// Every item is done
    pub ready: bool,
}

/// The documents `program` asks for: its [`RuleEffect::RequiredDocuments`] rule, or none.
pub fn required_documents(program: &Program) -> Vec<RequiredDocument> {
    program
        .rules
        .iter()
        .find_map(|r| match &r.effect {
            RuleEffect::RequiredDocuments { documents } => Some(documents.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// The checklist for `program` from what was gathered and the purchases' evaluation.
pub fn readiness(program: &Program, facts: &PaperworkFacts, evaluation: &Evaluation) -> Readiness {
    let mut items: Vec<ChecklistItem> = required_documents(program)
        .into_iter()
        .map(|doc| {
            let problems = match doc {
                RequiredDocument::Receipt => receipt_problems(facts),
                RequiredDocument::Breakdown => breakdown_problems(facts),
                RequiredDocument::Passbook => passbook_problems(facts),
            };
            ChecklistItem { id: doc.as_str().into(), label: doc.label().into(), done: problems.is_empty(), problems }
        })
        .collect();
    let mut claim = Vec::new();
    if let Some(why) = &evaluation.excluded {
        claim.push(why.clone());
    } else if !facts.receipts.is_empty() && evaluation.claim_yen == 0 {
        claim.push("申請できる金額がありません(対象になる購入品がないか、¥1,000に満たない金額です)".into());
    }
    items
        .push(ChecklistItem { id: "claim".into(), label: "申請額".into(), done: claim.is_empty(), problems: claim });
    let ready = items.iter().all(|i| i.done);
    Readiness { items, ready }
}

fn receipt_problems(facts: &PaperworkFacts) -> Vec<String> {
    if facts.receipts.is_empty() {
        return vec!["領収書がまだ登録されていません。購入した機器の領収書を登録してください".into()];
    }
    facts
        .receipts
        .iter()
        .filter(|r| !r.has_copy)
        .map(|r| format!("領収書「{}」の写し(写真またはPDF)が添付されていません", r.label))
        .collect()
}

fn breakdown_problems(facts: &PaperworkFacts) -> Vec<String> {
    if facts.receipts.is_empty() {
        return vec!["内訳書は、領収書と品目を登録すると作れます".into()];
    }
    let mut problems = Vec::new();
    for r in &facts.receipts {
        if r.line_count == 0 {
            problems.push(format!("領収書「{}」の品目がまだ入力されていません", r.label));
        } else if r.lines_total_yen != r.total_yen {
            problems.push(format!(
                "領収書「{}」の合計{}と、品目の合計{}が一致しません(差額{})。対象外のものも含め、領収書のすべての品目を入力してください",
                r.label,
                jptext::format_yen(r.total_yen),
                jptext::format_yen(r.lines_total_yen),
                jptext::format_yen((r.total_yen - r.lines_total_yen).abs()),
            ));
        }
    }
    problems
}

fn passbook_problems(facts: &PaperworkFacts) -> Vec<String> {
    if !facts.passbook_copy {
        return vec!["通帳の写し(振込先の口座がわかるページ)が添付されていません".into()];
    }
    match facts.passbook_visible.missing() {
        missing if missing.is_empty() => Vec::new(),
        missing => vec![format!("通帳の写しで読めることを確かめてください: {}", missing.join("・"))],
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::purchases::{ItemCategory, PurchaseLine, evaluate};

    fn subsidy() -> Program {
        crate::catalog().expect("bundled data").program("equipment_subsidy_2025").expect("the 助成金").clone()
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 12, 1).expect("valid")
    }

    fn receipt(total: i64, lines: i64, has_copy: bool) -> ReceiptFacts {
        ReceiptFacts {
            label: "No.123 ○○電機".into(),
            total_yen: total,
            lines_total_yen: lines,
            line_count: 1,
            has_copy,
        }
    }

    fn all_visible() -> PassbookVisible {
        PassbookVisible { bank: true, branch: true, kind: true, number: true, holder_kana: true }
    }

    fn tablet(price: i32) -> Evaluation {
        let line = PurchaseLine {
            id: 1,
            item: "タブレット".into(),
            category: ItemCategory::Tablet,
            quantity: 1,
            unit_price_yen: price,
            bought_on: day(),
        };
        evaluate(&subsidy(), &[line], day(), false).expect("a 助成金")
    }

    #[test]
    fn the_documents_come_from_the_rule_data() {
        assert_eq!(
            required_documents(&subsidy()),
            [RequiredDocument::Receipt, RequiredDocument::Breakdown, RequiredDocument::Passbook]
        );
    }

    #[test]
    fn complete_paperwork_is_ready() {
        let facts = PaperworkFacts {
            receipts: vec![receipt(39_800, 39_800, true)],
            passbook_copy: true,
            passbook_visible: all_visible(),
        };
        let r = readiness(&subsidy(), &facts, &tablet(39_800));
        assert!(r.ready, "{r:?}");
        assert_eq!(
            r.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            ["receipt", "breakdown", "passbook", "claim"]
        );
    }

    #[test]
    fn each_gap_blocks_with_its_own_message() {
        let cases: [(PaperworkFacts, &str, &str); 5] = [
            (PaperworkFacts::default(), "receipt", "まだ登録されていません"),
            (
                PaperworkFacts {
                    receipts: vec![receipt(41_800, 39_800, true)],
                    passbook_copy: true,
                    passbook_visible: all_visible(),
                },
                "breakdown",
                "領収書「No.123 ○○電機」の合計¥41,800と、品目の合計¥39,800が一致しません(差額¥2,000)",
            ),
            (
                PaperworkFacts {
                    receipts: vec![receipt(39_800, 39_800, false)],
                    passbook_copy: true,
                    passbook_visible: all_visible(),
                },
                "receipt",
                "写し(写真またはPDF)が添付されていません",
            ),
            (
                PaperworkFacts { receipts: vec![receipt(39_800, 39_800, true)], ..PaperworkFacts::default() },
                "passbook",
                "通帳の写し(振込先の口座がわかるページ)が添付されていません",
            ),
            (
                PaperworkFacts {
                    receipts: vec![receipt(39_800, 39_800, true)],
                    passbook_copy: true,
                    passbook_visible: PassbookVisible { holder_kana: false, branch: false, ..all_visible() },
                },
                "passbook",
                "支店名・口座名義(カナ)",
            ),
        ];
        for (facts, id, text) in cases {
            let r = readiness(&subsidy(), &facts, &tablet(39_800));
            assert!(!r.ready, "{id}");
            let item = r.items.iter().find(|i| i.id == id).expect("the item");
            assert!(!item.done);
            assert!(item.problems.iter().any(|p| p.contains(text)), "{id}: {:?}", item.problems);
        }
    }

    #[test]
    fn nothing_to_claim_or_an_earlier_application_blocks() {
        let facts = PaperworkFacts {
            receipts: vec![receipt(800, 800, true)],
            passbook_copy: true,
            passbook_visible: all_visible(),
        };
        let r = readiness(&subsidy(), &facts, &tablet(800));
        assert!(!r.ready);
        let line = PurchaseLine {
            id: 1,
            item: "タブレット".into(),
            category: ItemCategory::Tablet,
            quantity: 1,
            unit_price_yen: 39_800,
            bought_on: day(),
        };
        let excluded = evaluate(&subsidy(), &[line], day(), true).expect("a 助成金");
        let facts = PaperworkFacts { receipts: vec![receipt(39_800, 39_800, true)], ..facts };
        let r = readiness(&subsidy(), &facts, &excluded);
        let claim = r.items.iter().find(|i| i.id == "claim").expect("claim");
        assert!(claim.problems[0].contains("以前の受付で申請した施術所は"));
        assert!(!r.ready);
    }
}
