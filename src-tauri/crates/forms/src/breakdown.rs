//! The 領収書内訳書 laid out on A4 portrait pages: the heading, each 領収書 with its lines (the
//! ineligible ones too, with why), and the totals the claim rests on.

use jptext::{format_date, format_yen};

use crate::layout::{Align, PAGE_WIDTH, Page};
use crate::model::{Breakdown, ReceiptSheet, SheetLine};
use crate::table::{self, Cell, Column, Flow, LEFT, RIGHT, Table};

/// The sheet's title, also the PDF's.
pub(crate) const TITLE: &str = "領収書内訳書";
/// Said once on the sheet, because the 事務局 asks for tax-included amounts throughout.
pub(crate) const TAX_NOTE: &str = "金額はすべて税込です。";
/// Said once on the sheet: the portal lists an official 「領収書内訳書」 that the app has never seen,
/// so this sheet is the clinic's own summary of the same facts, not that form.
pub(crate) const WORKSHEET_NOTE: [&str; 2] = [
    "この内訳書は、オン資ナビに入力した領収書と品目をまとめた施術所の控えです。",
    "ポータルサイトに公式の様式「領収書内訳書」があるときは、そちらに転記して提出してください。",
];
/// The table's column titles, shared with the .xlsx.
pub(crate) const COLUMNS: [&str; 7] = ["品名", "区分", "メーカー・型番", "数量", "単価(税込)", "金額", "対象"];

/// Yen as printed.
pub(crate) fn yen(amount: i32) -> String {
    format_yen(i64::from(amount))
}

/// 「対象」, 「対象外」 or 「要確認」 (no source says either way).
pub(crate) fn eligibility(line: &SheetLine) -> &'static str {
    match (line.eligible, line.to_check) {
        (true, _) => "対象",
        (false, true) => "要確認",
        (false, false) => "対象外",
    }
}

/// What is said under a line: why it is 対象外, and its date when it differs from the receipt's.
pub(crate) fn line_note(receipt: &ReceiptSheet, line: &SheetLine) -> Option<String> {
    let mut parts = Vec::new();
    if !line.eligible {
        let label = eligibility(line);
        match line.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            Some(reason) if line.to_check => parts.push(format!("{label}: {reason}")),
            Some(reason) => parts.push(format!("{label}の理由: {reason}")),
            None => parts.push(label.to_string()),
        }
    } else if let Some(reason) = line.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        parts.push(format!("備考: {reason}"));
    }
    if line.bought_on != receipt.issued_on {
        parts.push(format!("購入日: {}", format_date(line.bought_on)));
    }
    (!parts.is_empty()).then(|| parts.join("　"))
}

/// The label of the claim line: says how it was cut, so the 事務局 sees why it is not the total.
pub(crate) fn claim_label(sheet: &Breakdown) -> String {
    if sheet.claim_unit_yen > 1 {
        format!("申請額({}単位、切り捨て)", yen(sheet.claim_unit_yen))
    } else {
        "申請額".to_string()
    }
}

/// The totals, in the order the application form asks for them.
pub(crate) fn totals(sheet: &Breakdown) -> [(String, i32, bool); 5] {
    [
        ("購入金額の合計".to_string(), sheet.total_yen, false),
        ("対象経費の合計".to_string(), sheet.eligible_total_yen, false),
        ("上限額".to_string(), sheet.cap_yen, false),
        (claim_label(sheet), sheet.claim_yen, true),
        ("施術所の負担".to_string(), sheet.clinic_pays_yen, false),
    ]
}

/// When the lines do not add up to the receipt's printed total, the difference is pointed out.
pub(crate) fn mismatch(receipt: &ReceiptSheet) -> Option<String> {
    let sum: i64 = receipt.lines.iter().map(|l| i64::from(l.amount_yen)).sum();
    (sum != i64::from(receipt.total_yen)).then(|| {
        format!(
            "※ 明細の合計 {} が領収書の合計 {} と一致しません。領収書と見比べてください。",
            format_yen(sum),
            yen(receipt.total_yen)
        )
    })
}

fn table() -> Table {
    let widths = [46.0, 28.0, 38.0, 12.0, 22.0, 22.0, 18.0];
    let aligns = [Align::Left, Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Center];
    let max_lines = [2, 2, 2, 1, 1, 1, 1];
    Table {
        columns: (0..COLUMNS.len())
            .map(|i| Column { title: COLUMNS[i], width: widths[i], align: aligns[i], max_lines: max_lines[i] })
            .collect(),
        size_pt: 8.0,
        min_pt: 5.5,
        min_row_height: 0.0,
    }
}

/// The 内訳書 as pages.
pub(crate) fn pages(sheet: &Breakdown) -> Vec<Page> {
    let table = table();
    let running = |page: &mut Page| running_header(page, sheet);
    let (first, y) = first_page(sheet);
    let mut flow = Flow::new(first, y, &running);

    for receipt in &sheet.receipts {
        let rows: Vec<_> = if receipt.lines.is_empty() {
            vec![table.row(&[Cell::plain("(明細がありません)")], None)]
        } else {
            receipt.lines.iter().map(|line| table.row(&line_cells(line), line_note(receipt, line).as_deref())).collect()
        };
        let note = mismatch(receipt);
        let head = receipt_header_height(note.is_some());
        let first_row = rows.first().map_or(0.0, |r| r.height);
        flow.advance(4.0);
        if !flow.fits(head + table.header_height() + first_row) {
            flow.new_page();
        }
        flow.draw(|page, y| {
            let y = receipt_header(page, y, receipt, note.as_deref());
            table.draw_header(page, y)
        });
        for row in &rows {
            if !flow.fits(row.height) {
                flow.new_page();
                flow.draw(|page, y| {
                    let y = continued_bar(page, y, receipt);
                    table.draw_header(page, y)
                });
            }
            flow.draw(|page, y| table.draw_row(page, y, row));
        }
    }

    flow.advance(6.0);
    let totals_height = 8.0 + totals(sheet).len() as f32 * TOTAL_ROW;
    if !flow.fits(totals_height) {
        flow.new_page();
    }
    flow.draw(|page, y| totals_block(page, y, sheet));
    flow.finish(&format!("{TITLE}  {}", sheet.clinic_name))
}

fn line_cells(line: &SheetLine) -> Vec<Cell> {
    vec![
        Cell::plain(&line.item),
        Cell::plain(&line.category),
        Cell::plain(&line.maker_model),
        Cell::plain(line.quantity.to_string()),
        Cell::plain(yen(line.unit_price_yen)),
        Cell::plain(yen(line.amount_yen)),
        if line.eligible { Cell::plain("対象") } else { Cell::bold(eligibility(line)) },
    ]
}

/// Page 1's heading; returns the page and the y below it.
fn first_page(sheet: &Breakdown) -> (Page, f32) {
    let mut page = Page::default();
    page.text(PAGE_WIDTH / 2.0, 22.0, 18.0, true, Align::Center, TITLE);
    page.text_in(PAGE_WIDTH / 2.0, 30.0, RIGHT - LEFT, 10.5, 6.0, false, Align::Center, &sheet.program_name);
    let mut y = 40.0;
    for (label, value) in [
        ("施術所名", sheet.clinic_name.as_str()),
        ("登録記号番号", sheet.registration_number.as_str()),
        ("作成日", &format_date(sheet.prepared_on)),
    ] {
        table::label_value(&mut page, label, value, LEFT, LEFT + 26.0, RIGHT, y, 10.0);
        page.line(LEFT, y + 1.6, RIGHT, y + 1.6, 0.3, 0.6);
        y += 7.0;
    }
    page.text(LEFT, y + 1.0, 9.0, false, Align::Left, TAX_NOTE);
    for (i, line) in WORKSHEET_NOTE.iter().enumerate() {
        page.text_in(LEFT, y + 5.5 + i as f32 * 4.5, RIGHT - LEFT, 9.0, 6.0, false, Align::Left, line);
    }
    (page, y + 12.0)
}

/// The header of pages 2 on; returns the y below it.
fn running_header(page: &mut Page, sheet: &Breakdown) -> f32 {
    page.text(LEFT, 18.0, 11.0, true, Align::Left, &format!("{TITLE}(続き)"));
    let who = format!("{}  登録記号番号 {}", sheet.clinic_name, sheet.registration_number);
    page.text_in(RIGHT, 18.0, 120.0, 9.0, 6.0, false, Align::Right, &who);
    page.line(LEFT, 20.5, RIGHT, 20.5, 0.5, 0.3);
    22.0
}

/// One receipt-header line's height.
const HEADER_LINE: f32 = 6.0;

fn receipt_header_height(with_note: bool) -> f32 {
    2.0 * HEADER_LINE + 2.0 + if with_note { 5.0 } else { 0.0 }
}

/// 領収書番号・購入先・日付・合計 above the receipt's table; returns the y below it.
fn receipt_header(page: &mut Page, y: f32, receipt: &ReceiptSheet, note: Option<&str>) -> f32 {
    let height = 2.0 * HEADER_LINE + 1.0;
    page.fill(LEFT, y, RIGHT - LEFT, height, 0.95);
    page.line(LEFT, y, RIGHT, y, 0.8, 0.2);
    let middle = 110.0;
    let line1 = y + 4.6;
    let line2 = line1 + HEADER_LINE;
    table::label_value(page, "領収書番号", &receipt.number, LEFT + 1.5, LEFT + 21.0, middle - 3.0, line1, 9.0);
    table::label_value(page, "購入先", &receipt.seller, middle, middle + 20.0, RIGHT - 1.5, line1, 9.0);
    table::label_value(
        page,
        "日付",
        &format_date(receipt.issued_on),
        LEFT + 1.5,
        LEFT + 21.0,
        middle - 3.0,
        line2,
        9.0,
    );
    page.text(middle, line2, 9.0, false, Align::Left, "領収書の合計");
    page.text(RIGHT - 1.5, line2, 10.0, true, Align::Right, &yen(receipt.total_yen));
    let mut bottom = y + height + 1.0;
    if let Some(note) = note {
        page.text_in(LEFT + 1.0, bottom + 3.2, RIGHT - LEFT - 2.0, 8.0, 6.0, true, Align::Left, note);
        bottom += 5.0;
    }
    bottom
}

/// On a new page, which receipt the table continues; returns the y below it.
fn continued_bar(page: &mut Page, y: f32, receipt: &ReceiptSheet) -> f32 {
    page.fill(LEFT, y, RIGHT - LEFT, 6.5, 0.95);
    page.line(LEFT, y, RIGHT, y, 0.8, 0.2);
    let text = format!("領収書番号 {}  {} の続き", receipt.number, receipt.seller);
    page.text_in(LEFT + 1.5, y + 4.6, RIGHT - LEFT - 3.0, 9.0, 6.0, true, Align::Left, &text);
    y + 7.5
}

/// One line of the totals box, mm.
const TOTAL_ROW: f32 = 7.5;

/// The totals, boxed at the right; returns the y below them.
fn totals_block(page: &mut Page, y: f32, sheet: &Breakdown) -> f32 {
    let left = 96.0;
    page.text(left, y + 4.0, 10.0, true, Align::Left, "合計(金額はすべて税込)");
    let mut top = y + 6.5;
    page.line(left, top, RIGHT, top, 0.8, 0.2);
    for (label, amount, strong) in totals(sheet) {
        if strong {
            page.fill(left, top, RIGHT - left, TOTAL_ROW, 0.9);
        }
        let baseline = top + 5.2;
        page.text_in(left + 2.0, baseline, 62.0, 10.0, 6.0, strong, Align::Left, &label);
        page.text(RIGHT - 2.0, baseline, if strong { 11.0 } else { 10.0 }, strong, Align::Right, &yen(amount));
        top += TOTAL_ROW;
        page.line(left, top, RIGHT, top, if strong { 0.8 } else { 0.4 }, 0.3);
    }
    page.line(left, y + 6.5, left, top, 0.4, 0.3);
    page.line(RIGHT, y + 6.5, RIGHT, top, 0.4, 0.3);
    top
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::layout::PAGE_HEIGHT;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 10).expect("valid date")
    }

    fn odd_line(i: usize) -> SheetLine {
        SheetLine {
            item: format!("{i}: とても長い品名の説明がここに入ります。保護フィルムとケースとペンのセット")
                .repeat(1 + i % 4),
            category: "汎用カードリーダー(USB接続・非接触IC)".into(),
            maker_model: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOP".into(),
            quantity: 4_000_000_000,
            unit_price_yen: i32::MAX,
            amount_yen: i32::MIN,
            bought_on: day(),
            eligible: i.is_multiple_of(2),
            to_check: false,
            reason: Some("理由がとても長い場合でも、セルからはみ出さずに折り返されるか縮小されること。".repeat(3)),
        }
    }

    #[test]
    fn a_line_no_source_rules_on_is_printed_to_check_not_excluded() {
        let receipt =
            ReceiptSheet { number: "1".into(), seller: "店".into(), issued_on: day(), total_yen: 0, lines: vec![] };
        let cable = SheetLine {
            eligible: false,
            to_check: true,
            reason: Some("資料で確かめられていません".into()),
            ..odd_line(1)
        };
        assert_eq!(eligibility(&cable), "要確認");
        assert_eq!(line_note(&receipt, &cable).as_deref(), Some("要確認: 資料で確かめられていません"));
        let pc = SheetLine { to_check: false, reason: Some("パソコンは対象外".into()), ..cable };
        assert_eq!(eligibility(&pc), "対象外");
        assert_eq!(line_note(&receipt, &pc).as_deref(), Some("対象外の理由: パソコンは対象外"));
    }

    #[test]
    fn nothing_is_drawn_outside_the_printed_area_however_long_the_text() {
        let sheet = Breakdown {
            clinic_name: "医療法人社団とても長い名前の会 さくら整骨院 本院 附属 はり・きゅう・マッサージ施術所"
                .repeat(2),
            registration_number: "協0123456789012345678901234567890123456789".into(),
            program_name: "柔整・あはき施術所用助成金".repeat(5),
            prepared_on: day(),
            receipts: vec![ReceiptSheet {
                number: "R".repeat(80),
                seller: "株式会社とても長い名前の家電量販店チェーン".repeat(4),
                issued_on: day(),
                total_yen: i32::MAX,
                lines: (0..30).map(odd_line).collect(),
            }],
            total_yen: i32::MAX,
            eligible_total_yen: i32::MIN,
            claim_yen: 0,
            clinic_pays_yen: -5,
            cap_yen: 41_000,
            claim_unit_yen: 1000,
        };
        let pages = pages(&sheet);
        assert!(pages.len() > 2);
        for (n, page) in pages.iter().enumerate() {
            for text in page.texts() {
                let (left, right) = (text.left(), text.left() + text.width);
                assert!(
                    left >= LEFT - 0.01 && right <= RIGHT + 0.01,
                    "page {}: {:?} spans {left}..{right}",
                    n + 1,
                    text.text
                );
                assert!(text.y > 0.0 && text.y < PAGE_HEIGHT, "page {}: {:?} at y {}", n + 1, text.text, text.y);
            }
        }
    }
}
