//! The 領収書内訳書 as an .xlsx on one sheet, for a 事務局 that wants a spreadsheet or a clinic
//! that wants to add to it: one row per receipt line (the receipt repeated on each, so filters
//! work), the receipt's total under its lines, the totals at the end; amounts as numbers in
//! `¥#,##0`, printed on A4 portrait fit to the page width.

use chrono::{Datelike, NaiveDate};
use jptext::format_date;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::FormsError;
use crate::breakdown::{self, TAX_NOTE, TITLE, WORKSHEET_NOTE};
use crate::model::{Breakdown, ReceiptSheet, SheetLine};

/// Excel's number format for yen.
const YEN: &str = "¥#,##0";
/// The row of the column headings (0-based).
const HEADER_ROW: u32 = 7;
/// Column headings: the PDF's columns with the receipt in front and the note behind.
const HEADINGS: [&str; 11] = [
    "領収書番号",
    "購入先",
    "日付",
    "品名",
    "区分",
    "メーカー・型番",
    "数量",
    "単価(税込)",
    "金額",
    "対象",
    "対象外の理由・備考",
];
/// Columns whose long text wraps instead of widening the sheet past A4.
const WRAPPED: [u16; 5] = [1, 3, 4, 5, 10];
/// Columns with a fixed width (dates and numbers), in Excel's units.
const FIXED: [(u16, f64); 5] = [(2, 11.0), (6, 6.0), (7, 11.5), (8, 11.5), (9, 8.0)];

fn failed(e: XlsxError) -> FormsError {
    FormsError::DocumentFailed("Excel ファイル", e.to_string())
}

/// The .xlsx bytes, made at `made` (its properties say so: the same input makes the same bytes).
pub(crate) fn build(sheet: &Breakdown, made: crate::Made) -> Result<Vec<u8>, FormsError> {
    use chrono::{Datelike, Timelike};
    let mut workbook = Workbook::new();
    let utc = made.with_timezone(&chrono::Utc);
    let part = |v: u32| u8::try_from(v).unwrap_or(0);
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(
        u16::try_from(utc.year()).unwrap_or(2000),
        part(utc.month()),
        part(utc.day()),
    )
    .and_then(|d| d.and_hms(u16::from(part(utc.hour())), part(utc.minute()), utc.second()))
    .map_err(failed)?;
    workbook.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    // Excel's Japanese default (游ゴシック 11: rows 25 px, columns 72 px), so kanji are drawn by
    // a Japanese font and the column widths below mean what they say.
    let base = Format::new().set_font_name("游ゴシック").set_font_size(11).set_font_charset(128);
    workbook.set_default_format(&base, 25, 72).map_err(failed)?;
    let worksheet = workbook.add_worksheet();
    fill(worksheet, sheet).map_err(failed)?;
    workbook.save_to_buffer().map_err(failed)
}

/// Cell formats used on the sheet.
struct Formats {
    title: Format,
    label: Format,
    bold: Format,
    heading: Format,
    text: Format,
    wrapped: Format,
    number: Format,
    yen: Format,
    date: Format,
    strong_text: Format,
    strong_yen: Format,
    total_label: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
        Formats {
            title: Format::new().set_bold().set_font_size(16),
            label: Format::new().set_font_color("#555555"),
            bold: Format::new().set_bold(),
            heading: cell
                .clone()
                .set_bold()
                .set_background_color("#E0E0E0")
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            text: cell.clone(),
            wrapped: cell.clone().set_text_wrap(),
            number: cell.clone().set_num_format("0"),
            yen: cell.clone().set_num_format(YEN),
            date: cell.clone().set_num_format("yyyy/mm/dd"),
            strong_text: cell.clone().set_bold(),
            strong_yen: cell.clone().set_bold().set_num_format(YEN),
            total_label: cell.set_bold().set_align(FormatAlign::Right),
        }
    }
}

/// The display width of text in Excel's column units (a kanji is about two).
fn text_width(text: &str) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 1.0 } else { 1.9 }).sum()
}

/// The text cells of a line's row, by column (the others are dates and numbers). The note says
/// the same as under the line on the PDF: why it is 対象外, a 購入日 of its own.
fn line_texts(receipt: &ReceiptSheet, line: &SheetLine) -> [(u16, String); 7] {
    [
        (0, receipt.number.clone()),
        (1, receipt.seller.clone()),
        (3, line.item.clone()),
        (4, line.category.clone()),
        (5, line.maker_model.clone()),
        (9, breakdown::eligibility(line).to_string()),
        (10, breakdown::line_note(receipt, line).unwrap_or_default()),
    ]
}

/// Column widths from the content: dates and numbers fixed, text as wide as its longest entry
/// up to a limit past which it wraps (so the sheet stays printable on A4 portrait).
fn column_widths(sheet: &Breakdown) -> [f64; HEADINGS.len()] {
    let mut widths = HEADINGS.map(text_width);
    for receipt in &sheet.receipts {
        for line in &receipt.lines {
            for (col, text) in line_texts(receipt, line) {
                if let Some(w) = widths.get_mut(usize::from(col)) {
                    *w = w.max(text_width(&text));
                }
            }
        }
    }
    for (col, width) in widths.iter_mut().enumerate() {
        let col = col as u16;
        *width = match FIXED.iter().find(|(c, _)| *c == col) {
            Some((_, fixed)) => *fixed,
            None => (*width + 1.5).clamp(6.0, if WRAPPED.contains(&col) { 24.0 } else { 16.0 }),
        };
    }
    widths
}

/// One line of 游ゴシック 11 in a row, points (Excel's default row height).
const LINE_PT: f64 = 18.75;

/// A row tall enough for its wrapped cells: set explicitly, because LibreOffice (and Excel for
/// a file it did not save itself) does not grow rows for wrapped text on opening.
fn row_height(texts: &[(u16, String)], widths: &[f64]) -> f64 {
    let lines = texts
        .iter()
        .filter(|(col, _)| WRAPPED.contains(col))
        .filter_map(|(col, text)| widths.get(usize::from(*col)).map(|w| (text_width(text) / (w - 1.0).max(1.0)).ceil()))
        .fold(1.0, f64::max);
    lines * LINE_PT
}

fn fill(ws: &mut Worksheet, sheet: &Breakdown) -> Result<(), XlsxError> {
    let f = Formats::new();
    ws.set_name(TITLE)?;
    ws.write_string_with_format(0, 0, TITLE, &f.title)?;
    ws.set_row_height(0, 28)?;
    let info = [
        ("制度", sheet.program_name.clone()),
        ("施術所名", sheet.clinic_name.clone()),
        ("登録記号番号", sheet.registration_number.clone()),
        ("作成日", format_date(sheet.prepared_on)),
    ];
    for (i, (label, value)) in info.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_string_with_format(row, 0, *label, &f.label)?;
        // Always a string: a 登録記号番号 of digits keeps its leading zeros.
        ws.write_string_with_format(row, 1, value, &f.bold)?;
    }
    ws.write_string(5, 0, TAX_NOTE)?;
    ws.write_string(6, 0, WORKSHEET_NOTE.concat())?;

    let widths = column_widths(sheet);
    for (col, width) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, *width)?;
    }
    for (col, heading) in HEADINGS.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, col as u16, *heading, &f.heading)?;
    }

    let mut row = HEADER_ROW + 1;
    for receipt in &sheet.receipts {
        let write_date = |ws: &mut Worksheet, row: u32| -> Result<(), XlsxError> {
            match excel_date(receipt.issued_on) {
                Some(date) => ws.write_datetime_with_format(row, 2, &date, &f.date)?,
                None => ws.write_string_with_format(row, 2, format_date(receipt.issued_on), &f.text)?,
            };
            Ok(())
        };
        for line in &receipt.lines {
            let texts = line_texts(receipt, line);
            for (col, text) in &texts {
                let format = if *col == 9 && !line.eligible {
                    &f.strong_text
                } else if WRAPPED.contains(col) {
                    &f.wrapped
                } else {
                    &f.text
                };
                ws.write_string_with_format(row, *col, text, format)?;
            }
            write_date(ws, row)?;
            ws.write_number_with_format(row, 6, f64::from(line.quantity), &f.number)?;
            ws.write_number_with_format(row, 7, f64::from(line.unit_price_yen), &f.yen)?;
            ws.write_number_with_format(row, 8, f64::from(line.amount_yen), &f.yen)?;
            ws.set_row_height(row, row_height(&texts, &widths))?;
            row += 1;
        }
        // The receipt's printed total under its lines.
        ws.write_string_with_format(row, 0, &receipt.number, &f.strong_text)?;
        ws.write_string_with_format(row, 1, &receipt.seller, &f.wrapped)?;
        write_date(ws, row)?;
        ws.merge_range(row, 3, row, 7, "領収書の合計", &f.total_label)?;
        ws.write_number_with_format(row, 8, f64::from(receipt.total_yen), &f.strong_yen)?;
        let mismatch = breakdown::mismatch(receipt).unwrap_or_default();
        ws.merge_range(row, 9, row, 10, &mismatch, &f.wrapped)?;
        let total_texts = [(1, receipt.seller.clone())];
        let mismatch_lines = (text_width(&mismatch) / (widths[9] + widths[10] - 1.0)).ceil().max(1.0);
        ws.set_row_height(row, row_height(&total_texts, &widths).max(mismatch_lines * LINE_PT))?;
        row += 2;
    }

    for (label, amount, strong) in breakdown::totals(sheet) {
        ws.merge_range(row, 3, row, 7, &label, &f.total_label)?;
        ws.write_number_with_format(row, 8, f64::from(amount), if strong { &f.strong_yen } else { &f.yen })?;
        row += 1;
    }

    ws.set_paper_size(9); // A4
    ws.set_portrait();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    ws.set_header(format!(
        "&L&8{TITLE}  {}&R&8登録記号番号 {}",
        escape_header(&sheet.clinic_name),
        escape_header(&sheet.registration_number)
    ));
    ws.set_footer("&C&P / &N ページ");
    Ok(())
}

/// The date as an Excel date; `None` where Excel has none (before 1900).
fn excel_date(date: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok()?;
    ExcelDateTime::from_ymd(year, u8::try_from(date.month()).ok()?, u8::try_from(date.day()).ok()?).ok()
}

/// `&` starts a control code in Excel's page header: a literal one is doubled.
fn escape_header(text: &str) -> String {
    text.replace('&', "&&")
}
