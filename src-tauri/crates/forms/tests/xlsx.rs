//! The 内訳書 as .xlsx, read back from its XML parts: the same strings as the PDF, amounts as
//! numbers with the yen format, the print setup for A4 portrait fit to width.

mod common;

use std::io::{Cursor, Read};

fn part(xlsx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).expect("xlsx is a zip");
    let mut entry = archive.by_name(name).unwrap_or_else(|_| panic!("{name} in the xlsx"));
    let mut text = String::new();
    entry.read_to_string(&mut text).expect("utf-8 part");
    text
}

#[test]
fn the_same_input_made_at_the_same_moment_makes_the_same_bytes() {
    let first = forms::breakdown_xlsx(&common::breakdown(), common::made()).expect("xlsx");
    assert_eq!(first, forms::breakdown_xlsx(&common::breakdown(), common::made()).expect("xlsx"));
    assert!(part(&first, "docProps/core.xml").contains("2026-12-06T01:00:00Z"), "made at the moment passed in");
}

#[test]
fn the_sheet_has_the_same_content_as_the_pdf() {
    let xlsx = forms::breakdown_xlsx(&common::breakdown(), common::made()).expect("xlsx");
    let strings = part(&xlsx, "xl/sharedStrings.xml");
    for needle in [
        "領収書内訳書",
        "柔整・あはき施術所用助成金",
        "さくら整骨院",
        "協0123456",
        "令和8年1月15日 (2026-01-15)",
        "R-2026-0001",
        "カメラのサクラヤ 梅田店",
        "ICカードリーダー",
        "汎用カードリーダー",
        "ソニー RC-S300/S",
        "単価(税込)",
        "対象外",
        "ケーブル類は助成の対象外です",
        "領収書の合計",
        "購入金額の合計",
        "対象経費の合計",
        "上限額",
        "申請額(¥1,000単位、切り捨て)",
        "施術所の負担",
        "金額はすべて税込です。",
        "ポータルサイトに公式の様式「領収書内訳書」があるときは、そちらに転記して提出してください。",
    ] {
        assert!(strings.contains(needle), "{needle:?} not in sharedStrings");
    }

    let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
    for number in ["4980", "9960", "1500", "39800", "11460", "51260", "49760", "41000", "10260"] {
        assert!(sheet.contains(&format!("<v>{number}</v>")), "{number} not a number cell");
    }
    // Receipt dates are real dates (Excel serials of 2026-01-10 and 2026-01-12) shown yyyy/mm/dd.
    assert!(sheet.contains("<v>46032</v>") && sheet.contains("<v>46034</v>"), "dates as dates");
    // The yen format, the bold header and a Japanese font are defined.
    let styles = part(&xlsx, "xl/styles.xml");
    assert!(styles.contains("¥#,##0"), "yen format");
    assert!(styles.contains("yyyy/mm/dd"), "date format");
    assert!(styles.contains("<b/>"), "bold");
    assert!(styles.contains("游ゴシック"), "Japanese font");
    // A4 portrait, fit to one page wide, header row repeated, widths set.
    assert!(sheet.contains("paperSize=\"9\""), "A4");
    assert!(sheet.contains("orientation=\"portrait\""));
    assert!(sheet.contains("fitToHeight=\"0\""), "fit to width");
    assert!(sheet.contains("<fitToPage") || sheet.contains("fitToPage=\"1\""));
    assert!(sheet.contains("<cols>") && sheet.contains("customWidth=\"1\""));
    let workbook = part(&xlsx, "xl/workbook.xml");
    assert!(workbook.contains("_xlnm.Print_Titles"), "header row repeated on every printed page");
}

#[test]
fn the_sheet_checks_as_an_upload() {
    let xlsx = forms::breakdown_xlsx(&common::breakdown(), common::made()).expect("xlsx");
    let rules = forms::upload::UploadRules { allowed_extensions: vec!["xlsx".into()], max_file_bytes: 10_000_000 };
    let check =
        forms::upload::check_file(&rules, &forms::upload::UploadFile { name: "領収書内訳書.xlsx".into(), bytes: xlsx });
    assert!(check.ok, "{check:?}");
}
