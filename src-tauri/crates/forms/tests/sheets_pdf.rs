//! The 内訳書 and the checklist as PDFs, read back by poppler the way a viewer or the 事務局's
//! tools would: the text is there (Japanese included), the font is embedded as a subset, the
//! page is not blank, a long sheet flows onto more pages with the header repeated.

mod common;

#[test]
fn a_one_page_breakdown_is_small_and_complete() {
    let pdf = forms::breakdown_pdf(&common::breakdown(), common::made()).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() < 150 * 1024, "{} KB", pdf.len() / 1024);
    let checklist = forms::checklist_pdf(&common::checklist(), common::made()).expect("pdf");
    assert!(checklist.len() < 150 * 1024, "{} KB", checklist.len() / 1024);
}

#[test]
fn empty_and_odd_input_still_makes_a_sheet() {
    let mut sheet = common::breakdown();
    sheet.receipts[0].lines.clear();
    sheet.receipts[1].lines[0].item = "😀\u{0}<&>\n".repeat(50);
    sheet.receipts[1].seller = "x".repeat(500);
    sheet.clinic_name = String::new();
    sheet.claim_yen = i32::MIN;
    sheet.total_yen = i32::MAX;
    assert!(forms::breakdown_pdf(&sheet, common::made()).is_ok());
    assert!(forms::breakdown_xlsx(&sheet, common::made()).is_ok());
    assert!(!forms::breakdown_preview(&sheet).is_empty());
    sheet.receipts.clear();
    assert!(forms::breakdown_pdf(&sheet, common::made()).is_ok());
    let mut list = common::checklist();
    list.rows.clear();
    assert!(forms::checklist_pdf(&list, common::made()).is_ok());
}

#[cfg(not(windows))]
mod poppler {
    use std::path::{Path, PathBuf};
    use std::process::Command;

    use super::common;

    /// Writes a PDF the test made, checked first by qpdf (structure, cross-reference, streams).
    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write pdf");
        qpdf_check(&path);
        path
    }

    /// `qpdf --check`: no error and no warning.
    pub(super) fn qpdf_check(path: &Path) {
        let out = Command::new("qpdf").arg("--check").arg(path).output().expect("qpdf runs (Debian's qpdf)");
        let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "qpdf --check {}: {said}", path.display());
        assert!(said.contains("No syntax or stream encoding errors found"), "{said}");
        assert!(!said.to_lowercase().contains("warning"), "{said}");
    }

    #[test]
    fn every_kind_of_pdf_is_reproducible_in_japanese_titled_and_passes_qpdf() {
        let dir = tempfile::tempdir().expect("tempdir");
        let made = common::made();
        /// Makes one kind of PDF at the moment given.
        type MakePdf = fn(forms::Made) -> Vec<u8>;
        let kinds: Vec<(&str, MakePdf)> = vec![
            ("breakdown", |m| forms::breakdown_pdf(&common::breakdown(), m).expect("pdf")),
            ("checklist", |m| forms::checklist_pdf(&common::checklist(), m).expect("pdf")),
            ("report", |m| forms::grant_report_pdf(&common::grant_report(), m).expect("pdf")),
            ("poster", |m| forms::poster_pdf(&common::poster(), m).expect("pdf")),
            ("recovery", |m| forms::recovery_sheet_pdf(&common::recovery(), m).expect("pdf")),
        ];
        for (name, make) in kinds {
            let first = make(made);
            assert_eq!(first, make(made), "{name}: the same input and moment make the same bytes");
            let text = String::from_utf8_lossy(&first);
            assert!(text.contains("/Lang (ja-JP)"), "{name}: /Lang");
            assert!(text.contains("/DisplayDocTitle true"), "{name}: DisplayDocTitle");
            assert!(text.contains("/CreationDate (D:20261206100000+09'00"), "{name}: the date passed in");
            write(dir.path(), &format!("{name}.pdf"), &first);
            let info = run("pdfinfo", &[], &dir.path().join(format!("{name}.pdf")));
            assert!(info.contains("2026"), "{name}: {info}");
        }
    }

    fn run(program: &str, args: &[&str], path: &Path) -> String {
        let out = Command::new(program).args(args).arg(path).output().unwrap_or_else(|e| panic!("{program}: {e}"));
        assert!(out.status.success(), "{program} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    fn text(path: &Path) -> String {
        let out = Command::new("pdftotext").args(["-layout"]).arg(path).arg("-").output().expect("pdftotext runs");
        assert!(out.status.success());
        String::from_utf8(out.stdout).expect("utf-8 text")
    }

    /// Pages as poppler separates them (form feed).
    fn pages(path: &Path) -> Vec<String> {
        text(path).split('\u{c}').filter(|p| !p.trim().is_empty()).map(str::to_string).collect()
    }

    /// Every font embedded and subset (`XXXXXX+` name, emb yes, sub yes).
    fn assert_subset_fonts(path: &Path) {
        let fonts = run("pdffonts", &[], path);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert_eq!(rows.len(), 1, "{fonts}");
        for row in rows {
            let fields: Vec<&str> = row.split_whitespace().collect();
            let name = fields[0];
            assert!(name.len() > 7 && name.as_bytes()[6] == b'+', "subset prefix: {fonts}");
            assert!(name[..6].chars().all(|c| c.is_ascii_uppercase()), "{fonts}");
            assert!(name.ends_with("IPAexGothic"), "{fonts}");
            let n = fields.len();
            assert_eq!(&fields[n - 5..n - 2], ["yes", "yes", "yes"], "emb sub uni: {fonts}");
        }
    }

    /// Pixels darker than near-white on page 1 rendered at 50 dpi.
    fn ink(path: &Path, dir: &Path) -> usize {
        ink_on(path, dir, 1)
    }

    #[test]
    fn breakdown_reads_back_with_its_text_fonts_and_ink() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write(
            dir.path(),
            "breakdown.pdf",
            &forms::breakdown_pdf(&common::breakdown(), common::made()).expect("pdf"),
        );
        let text = text(&path);
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
            "RC-S300/S",
            "¥4,980",
            "¥9,960",
            "¥39,800",
            "対象外",
            "ケーブル類は助成の対象外です",
            "¥51,260",
            "¥49,760",
            "¥41,000",
            "¥10,260",
            "申請額(¥1,000単位、切り捨て)",
            "購入金額の合計",
            "施術所の負担",
            "税込",
            "施術所の控えです",
            "公式の様式「領収書内訳書」があるときは、そちらに転記して提出してください",
            "1 / 1 ページ",
        ] {
            assert!(text.contains(needle), "{needle:?} not in:\n{text}");
        }
        assert_subset_fonts(&path);
        let dark = ink(&path, dir.path());
        assert!(dark > 5_000, "page 1 looks blank: {dark} dark pixels");
    }

    #[test]
    fn checklist_reads_back_with_its_text_fonts_and_ink() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write(
            dir.path(),
            "checklist.pdf",
            &forms::checklist_pdf(&common::checklist(), common::made()).expect("pdf"),
        );
        let text = text(&path);
        for needle in [
            "オンライン資格確認 導入チェックリスト",
            "さくら整骨院",
            "協0123456",
            "令和8年1月15日",
            "手順",
            "状態",
            "ポータルサイトのアカウントを作る",
            "未着手",
            "対象外",
            "業者さんに相談",
        ] {
            assert!(text.contains(needle), "{needle:?} not in:\n{text}");
        }
        assert_subset_fonts(&path);
        assert!(ink(&path, dir.path()) > 3_000);
    }

    /// Pixels darker than near-white on page `n` (an A4 page) rendered at 50 dpi.
    fn ink_on(path: &Path, dir: &Path, n: usize) -> usize {
        let prefix = dir.join(format!("page-{n}"));
        let n = n.to_string();
        let out = Command::new("pdftoppm")
            .args(["-r", "50", "-png", "-f", &n, "-l", &n, "-singlefile"])
            .arg(path)
            .arg(&prefix)
            .output()
            .expect("pdftoppm runs");
        assert!(out.status.success());
        let image = image::open(prefix.with_extension("png")).expect("page image").to_luma8();
        assert!((413..=414).contains(&image.width()) && (584..=585).contains(&image.height()), "A4 at 50 dpi");
        image.pixels().filter(|p| p.0[0] < 200).count()
    }

    #[test]
    fn the_grant_report_reads_back_with_its_counts_rates_and_photo_page() {
        let dir = tempfile::tempdir().expect("tempdir");
        let photo = image::RgbImage::from_fn(600, 800, |x, y| image::Rgb([(x / 3) as u8, (y / 4) as u8, 40]));
        let mut jpeg = Vec::new();
        image::DynamicImage::ImageRgb8(photo)
            .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 80))
            .expect("encode");
        let prepared =
            forms::photos::prepare(&forms::Photo { name: "待合室.jpg".into(), bytes: jpeg }).expect("prepared");
        let report = forms::GrantReport {
            photos: vec![forms::ReportPhoto {
                caption: "令和7年5月1日〜令和7年7月31日 の掲示".into(),
                name: "待合室.jpg".into(),
                jpeg: prepared.jpeg,
            }],
            ..common::grant_report()
        };
        let pdf = forms::grant_report_pdf(&report, common::made()).expect("pdf");
        let path = write(dir.path(), "report.pdf", &pdf);
        let pages = pages(&path);
        assert_eq!(pages.len(), 2, "the text, then the photo's page");
        for needle in [
            "協力金 取組の記録",
            "さくら整骨院",
            "協0123456",
            "令和7年5月1日 (2025-05-01)",
            "満たす",
            "満たさない",
            "令和7年6月2日 (2025-06-02)",
            "合計(2 日)",
            "令和7年5月 (2025-05)",
            "66.7%",
            "利用件数の基準はありません",
        ] {
            assert!(pages[0].contains(needle), "{needle:?} not in:\n{}", pages[0]);
        }
        assert!(pages[1].contains("ポスター掲示の写真 1 / 1"), "{}", pages[1]);
        assert_subset_fonts(&path);
        assert!(ink(&path, dir.path()) > 3_000);
        assert!(ink_on(&path, dir.path(), 2) > 20_000, "the photo is drawn on page 2");
        let preview = forms::grant_report_preview(&report).expect("preview");
        assert_eq!(preview.len(), 2);
        assert!(preview[1].contains("data:image/jpeg;base64,"), "the preview shows the photo too");
    }

    #[test]
    fn posters_and_flyers_read_back_with_the_clinics_name() {
        use forms::{Audience, PosterFormat, PosterSheet};
        use guide::answers::ReadsWith;
        let dir = tempfile::tempdir().expect("tempdir");
        for (audience, format, treatment, copies, read_with, words) in [
            (
                Audience::Judo,
                PosterFormat::Poster,
                "柔道整復",
                1,
                ReadsWith::CardReader,
                "カードリーダーで読み取ります",
            ),
            (
                Audience::Ahaki,
                PosterFormat::Flyer,
                "はり・きゅう",
                2,
                ReadsWith::Smartphone,
                "スマートフォンで読み取ります",
            ),
        ] {
            let sheet = PosterSheet { clinic_name: "さくら整骨院".into(), audience, format, read_with };
            let pdf = forms::poster_pdf(&sheet, common::made()).expect("pdf");
            assert!(pdf.len() < 150 * 1024, "{} KB", pdf.len() / 1024);
            let path = write(dir.path(), "poster.pdf", &pdf);
            let text = text(&path).replace(char::is_whitespace, "");
            assert_eq!(text.matches("さくら整骨院").count(), 2 * copies, "the name, and whose notice it is: {text}");
            assert_eq!(text.matches("このお知らせは、さくら整骨院が作成したものです。").count(), copies, "{text}");
            for needle in ["マイナ保険証を", treatment, "資格確認書", "暗証番号", words] {
                assert!(text.contains(needle), "{needle:?} not in:\n{text}");
            }
            assert_subset_fonts(&path);
            assert!(ink(&path, dir.path()) > 3_000);
            assert_eq!(forms::poster_preview(&sheet).len(), 1);
        }
    }

    #[test]
    fn the_recovery_code_sheet_reads_back_with_the_code_and_what_it_is_for() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sheet = forms::RecoverySheet {
            code: "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567".into(),
            clinic_name: "さくら整骨院".into(),
            backup_folder: "E:\\".into(),
            issued_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 6).expect("date"),
        };
        let path = write(dir.path(), "code.pdf", &forms::recovery_sheet_pdf(&sheet, common::made()).expect("pdf"));
        let pages = pages(&path);
        assert_eq!(pages.len(), 1);
        let text = pages[0].replace(char::is_whitespace, "");
        for needle in [
            "バックアップの復元コード",
            "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567",
            "さくら整骨院",
            "令和8年12月6日",
            "オン資ナビのバックアップ",
            "金庫",
            "USBメモリと一緒にしないでください",
            "復元コードを作り直す",
            "7-Zip",
        ] {
            assert!(text.contains(needle), "{needle:?} not in:\n{text}");
        }
        assert_subset_fonts(&path);
    }

    #[test]
    fn a_40_line_receipt_flows_over_pages_each_with_the_header() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write(
            dir.path(),
            "long.pdf",
            &forms::breakdown_pdf(&common::long_breakdown(40), common::made()).expect("pdf"),
        );
        let pages = pages(&path);
        assert!(pages.len() >= 2, "{} pages", pages.len());
        let total = pages.len();
        for (i, page) in pages.iter().enumerate() {
            for needle in ["品名", "単価(税込)", "金額", "対象", "さくら整骨院", &format!("{} / {total} ページ", i + 1)]
            {
                assert!(page.contains(needle), "page {}: {needle:?} missing:\n{page}", i + 1);
            }
        }
        // Every line is there exactly once, and the totals come last.
        let all = pages.concat();
        for n in 1..=40 {
            let item = format!("消耗品その{n} ");
            assert_eq!(all.matches(&item).count(), 1, "{item}");
        }
        assert!(pages[total - 1].contains("施術所の負担"));
        assert!(!pages[0].contains("施術所の負担"));
        assert_subset_fonts(&path);
    }
}
