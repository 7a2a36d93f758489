//! The SVG preview: well-formed XML, one document per page, the same texts as the PDF, names
//! with markup characters escaped.

mod common;

fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    assert_eq!(root.attribute("viewBox"), Some("0 0 210 297"));
    assert_eq!(root.attribute("width"), Some("210mm"));
    assert_eq!(root.attribute("height"), Some("297mm"));
    assert!(root.attribute("font-family").is_some_and(|f| f.starts_with("IPAexGothic")));
    doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text().map(str::to_string)).collect()
}

#[test]
fn the_breakdown_preview_shows_what_the_pdf_prints() {
    let pages = forms::breakdown_preview(&common::breakdown());
    assert_eq!(pages.len(), 1);
    let texts = texts(&pages[0]);
    let all = texts.join("\n");
    for needle in [
        "領収書内訳書",
        "さくら整骨院",
        "協0123456",
        "¥51,260",
        "¥49,760",
        "¥41,000",
        "¥10,260",
        "対象外",
        "1 / 1 ページ",
    ] {
        assert!(all.contains(needle), "{needle:?} not in the preview");
    }
    // White paper under everything; no script, no external reference.
    assert!(pages[0].contains(r##"fill="#ffffff""##));
    assert!(!pages[0].contains("<script") && !pages[0].contains("href"));
}

#[test]
fn markup_in_names_is_escaped() {
    let mut sheet = common::breakdown();
    sheet.clinic_name = "<script>alert('x')</script> & 整骨院".into();
    sheet.receipts[0].seller = "A&B <電機> \"本店\"".into();
    let pages = forms::breakdown_preview(&sheet);
    assert!(!pages[0].contains("<script>"));
    assert!(pages[0].contains("&lt;script&gt;"));
    assert!(pages[0].contains("&amp;"));
    let all = texts(&pages[0]).join("\n");
    assert!(all.contains("<script>alert('x')</script> & 整骨院"), "round-trips as text");
    assert!(all.contains("A&B <電機> \"本店\""));
}

#[test]
fn a_long_sheet_previews_page_by_page_like_the_pdf() {
    let sheet = common::long_breakdown(40);
    let pages = forms::breakdown_preview(&sheet);
    assert!(pages.len() >= 2);
    let total = pages.len();
    for (i, page) in pages.iter().enumerate() {
        let all = texts(page).join("\n");
        assert!(all.contains("品名") && all.contains("単価(税込)"), "page {} has the header", i + 1);
        assert!(all.contains(&format!("{} / {total} ページ", i + 1)));
    }
}

#[test]
fn the_checklist_preview_shows_its_rows() {
    let pages = forms::checklist_preview(&common::checklist());
    assert_eq!(pages.len(), 1);
    let all = texts(&pages[0]).join("\n");
    for needle in [
        "オンライン資格確認 導入チェックリスト",
        "さくら整骨院",
        "協0123456",
        "No",
        "手順",
        "状態",
        "日付",
        "残っていること",
        "未着手",
    ] {
        assert!(all.contains(needle), "{needle:?}");
    }
}
