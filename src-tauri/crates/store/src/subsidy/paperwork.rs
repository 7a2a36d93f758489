//! The stored paperwork judged by the program's rules (`programs::purchases`, `programs::paperwork`):
//! one function, used by the screen to show the checklist and by the status change to gate
//! 申請準備完了 inside its own transaction, so what is shown and what is enforced never differ.

use chrono::NaiveDate;
use programs::Program;
use programs::paperwork::{PaperworkFacts, Readiness, ReceiptFacts};
use programs::purchases::{Evaluation, PurchaseLine};

use super::{Application, DocumentInfo, DocumentKind, Receipt};

/// Every line judged, and the checklist.
#[derive(Clone, Debug)]
pub struct Judged {
    /// Each line 対象 / 対象外 with why, and the claim
    pub evaluation: Evaluation,
    /// What the application must still carry
    pub readiness: Readiness,
}

impl Judged {
    /// What is missing, one line each (empty when ready).
    pub fn problems(&self) -> Vec<String> {
        self.readiness.items.iter().flat_map(|i| i.problems.clone()).collect()
    }
}

/// Judges the stored paperwork for `program` on `today`; `None` when the program has no claim
/// rule (not a 助成金).
pub fn judge(
    program: &Program,
    receipts: &[Receipt],
    documents: &[DocumentInfo],
    application: &Application,
    today: NaiveDate,
) -> Option<Judged> {
    let lines: Vec<PurchaseLine> = receipts
        .iter()
        .flat_map(|r| &r.purchases)
        .map(|p| PurchaseLine {
            id: p.id,
            item: p.item.clone(),
            category: p.category,
            quantity: u32::try_from(p.quantity).unwrap_or(0),
            unit_price_yen: p.unit_price_yen,
            bought_on: p.bought_on,
        })
        .collect();
    let evaluation = programs::purchases::evaluate(program, &lines, today, application.applied_before)?;
    let facts = PaperworkFacts {
        receipts: receipts
            .iter()
            .map(|r| ReceiptFacts {
                label: r.label(),
                total_yen: i64::from(r.total_yen),
                lines_total_yen: r.lines_total_yen(),
                line_count: r.purchases.len(),
                has_copy: !r.documents.is_empty(),
            })
            .collect(),
        passbook_copy: documents.iter().any(|d| d.kind == DocumentKind::Passbook),
        passbook_visible: application.passbook,
    };
    let readiness = programs::paperwork::readiness(program, &facts, &evaluation);
    Some(Judged { evaluation, readiness })
}
