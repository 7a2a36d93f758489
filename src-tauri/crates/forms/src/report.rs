//! The 協力金's evidence report on A4 portrait pages: the 対象期間 and 運用開始日, each requirement
//! met or not (as `programs::grant` judged it), the poster's periods, the flyers and お声がけ of
//! each day, the マイナ保険証 利用率 by month from the check log, and the poster's photos, one
//! per page. The clinic keeps it with the 取組報告 it sends through the portal's form.

use std::sync::Arc;

use jptext::format_date;

use crate::FormsError;
use crate::layout::{Align, PAGE_WIDTH, Page};
use crate::model::{GrantReport, ReportMonth};
use crate::photos;
use crate::table::{self, BOTTOM, Cell, Column, Flow, LEFT, RIGHT, Table};

/// The sheet's title, also the PDF's.
pub(crate) const TITLE: &str = "協力金 取組の記録";

fn table(columns: &[(&'static str, f32, Align, usize)]) -> Table {
    Table {
        columns: columns
            .iter()
            .map(|&(title, width, align, max_lines)| Column { title, width, align, max_lines })
            .collect(),
        size_pt: 9.5,
        min_pt: 6.0,
        min_row_height: 7.5,
    }
}

/// The 利用率 as printed: one decimal, or 「—」 for a month without checks.
pub(crate) fn rate_text(month: &ReportMonth) -> String {
    if month.checks == 0 {
        return "—".to_string();
    }
    let permille = (u64::from(month.card_checks) * 1000 + u64::from(month.checks) / 2) / u64::from(month.checks);
    format!("{}.{}%", permille / 10, permille % 10)
}

/// A section's heading; returns the y below it.
fn heading(page: &mut Page, y: f32, text: &str) -> f32 {
    page.text(LEFT, y + 6.0, 11.0, true, Align::Left, text);
    page.line(LEFT, y + 7.5, RIGHT, y + 7.5, 0.4, 0.3);
    y + 10.0
}

/// Rows of a table flowed over pages, its header repeated on each.
fn flow_table(flow: &mut Flow<'_>, title: &str, table: &Table, rows: &[table::Row]) {
    let first = rows.first().map_or(0.0, |r| r.height);
    if !flow.fits(10.0 + table.header_height() + first) {
        flow.new_page();
    }
    flow.draw(|page, y| heading(page, y, title));
    flow.draw(|page, y| table.draw_header(page, y));
    for row in rows {
        if !flow.fits(row.height) {
            flow.new_page();
            flow.draw(|page, y| table.draw_header(page, y));
        }
        flow.draw(|page, y| table.draw_row(page, y, row));
    }
    flow.advance(4.0);
}

/// The report as pages. A photo that is not a JPEG this app prepared is refused by name.
pub(crate) fn pages(report: &GrantReport) -> Result<Vec<Page>, FormsError> {
    let prepared = report
        .photos
        .iter()
        .map(|p| photos::probe(&p.name, p.jpeg.clone()).map(|photo| (p.caption.as_str(), Arc::new(photo))))
        .collect::<Result<Vec<_>, _>>()?;
    let running = |page: &mut Page| {
        table::running_header(page, "協力金 取組の記録", &report.clinic_name, &report.registration_number)
    };
    let mut first = Page::default();
    first.text_in(PAGE_WIDTH / 2.0, 22.0, RIGHT - LEFT, 16.0, 10.0, true, Align::Center, TITLE);
    first.text_in(PAGE_WIDTH / 2.0, 29.0, RIGHT - LEFT, 9.5, 6.0, false, Align::Center, &report.program_name);
    let mut y = 38.0;
    let start = report.start_date_text.as_deref().unwrap_or("(未入力)");
    for (label, value) in [
        ("施術所名", report.clinic_name.as_str()),
        ("登録記号番号", report.registration_number.as_str()),
        ("対象期間", report.period_text.as_str()),
        ("運用開始日", start),
        ("作成日", &format_date(report.prepared_on)),
    ] {
        table::label_value(&mut first, label, value, LEFT, LEFT + 28.0, RIGHT, y, 10.0);
        first.line(LEFT, y + 1.6, RIGHT, y + 1.6, 0.3, 0.6);
        y += 7.0;
    }
    let mut flow = Flow::new(first, y + 2.0, &running);

    let requirements =
        table(&[("要件", 70.0, Align::Left, 3), ("結果", 22.0, Align::Center, 1), ("内容", 94.0, Align::Left, 4)]);
    let rows: Vec<_> = report
        .requirements
        .iter()
        .map(|r| {
            let result = if r.met { Cell::bold("満たす") } else { Cell::bold("満たさない") };
            requirements.row(&[Cell::plain(&r.label), result, Cell::plain(&r.why)], None)
        })
        .collect();
    flow_table(&mut flow, "要件(対象期間内の取組)", &requirements, &rows);

    let posters = table(&[("No", 12.0, Align::Center, 1), ("掲示した期間", 174.0, Align::Left, 2)]);
    let rows: Vec<_> = if report.posters.is_empty() {
        vec![posters.row(&[Cell::plain(""), Cell::plain("(記録がありません)")], None)]
    } else {
        report
            .posters
            .iter()
            .enumerate()
            .map(|(i, p)| posters.row(&[Cell::plain((i + 1).to_string()), Cell::plain(p)], None))
            .collect()
    };
    flow_table(&mut flow, "ポスターの掲示", &posters, &rows);

    let days = table(&[
        ("日付", 96.0, Align::Left, 1),
        ("チラシ(枚)", 45.0, Align::Right, 1),
        ("お声がけ(人)", 45.0, Align::Right, 1),
    ]);
    let mut rows: Vec<_> = report
        .days
        .iter()
        .map(|d| {
            days.row(
                &[
                    Cell::plain(format_date(d.day)),
                    Cell::plain(d.flyers.to_string()),
                    Cell::plain(d.prompts.to_string()),
                ],
                None,
            )
        })
        .collect();
    if rows.is_empty() {
        rows.push(days.row(&[Cell::plain("(対象期間の記録がありません)")], None));
    } else {
        let (flyers, prompts) =
            report.days.iter().fold((0_u64, 0_u64), |(f, p), d| (f + u64::from(d.flyers), p + u64::from(d.prompts)));
        rows.push(days.row(
            &[
                Cell::bold(format!("合計({} 日)", report.days.len())),
                Cell::bold(flyers.to_string()),
                Cell::bold(prompts.to_string()),
            ],
            None,
        ));
    }
    flow_table(&mut flow, "日ごとのチラシ配布・お声がけ(対象期間内)", &days, &rows);

    let months = table(&[
        ("月", 70.0, Align::Left, 1),
        ("資格確認(件)", 40.0, Align::Right, 1),
        ("マイナ保険証(件)", 40.0, Align::Right, 1),
        ("利用率", 36.0, Align::Right, 1),
    ]);
    let mut rows: Vec<_> = report
        .months
        .iter()
        .map(|m| {
            months.row(
                &[
                    Cell::plain(&m.month_text),
                    Cell::plain(m.checks.to_string()),
                    Cell::plain(m.card_checks.to_string()),
                    Cell::plain(rate_text(m)),
                ],
                None,
            )
        })
        .collect();
    if rows.is_empty() {
        rows.push(months.row(&[Cell::plain("(資格確認の記録がありません)")], None));
    }
    flow_table(&mut flow, "マイナ保険証の利用率(月別、資格確認の記録から)", &months, &rows);
    flow.draw(|page, y| {
        page.text_in(
            LEFT,
            y + 1.0,
            RIGHT - LEFT,
            8.5,
            6.0,
            false,
            Align::Left,
            "利用率は参考です。この協力金に利用件数の基準はありません(取組をしていれば、利用がなくても対象です)。",
        );
        y + 6.0
    });

    let total = prepared.len();
    for (i, (caption, photo)) in prepared.into_iter().enumerate() {
        flow.new_page();
        flow.draw(|page, y| {
            let y = heading(page, y, &format!("ポスター掲示の写真 {} / {total}", i + 1));
            page.text_in(LEFT, y + 4.0, RIGHT - LEFT, 10.0, 6.0, false, Align::Left, caption);
            let top = y + 8.0;
            page.photo(LEFT, top, RIGHT - LEFT, BOTTOM - top, photo);
            BOTTOM
        });
    }
    Ok(flow.finish(&format!("協力金 取組の記録  {}", report.clinic_name)))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::layout::Item;
    use crate::model::{ReportDay, ReportRequirement};

    fn report() -> GrantReport {
        GrantReport {
            clinic_name: "さくら接骨院".into(),
            registration_number: "協1234567".into(),
            program_name: "マイナ保険証の利用促進のための取組に対する協力金".into(),
            period_text: "令和7年5月1日〜令和7年7月31日".into(),
            start_date_text: Some("令和7年5月1日 (2025-05-01)".into()),
            prepared_on: NaiveDate::from_ymd_opt(2026, 11, 29).expect("date"),
            requirements: vec![ReportRequirement {
                label: "患者さんにマイナ保険証の利用をお声がけした".into(),
                met: true,
                why: "対象期間にお声がけ 5 人(1 日)".into(),
            }],
            posters: vec!["令和7年5月1日〜令和7年7月31日".into()],
            days: (1..=60)
                .map(|i| ReportDay {
                    day: NaiveDate::from_ymd_opt(2025, 5, 1).expect("date") + chrono::Days::new(i),
                    flyers: 2,
                    prompts: 3,
                })
                .collect(),
            months: vec![
                ReportMonth { month_text: "令和7年5月 (2025-05)".into(), checks: 3, card_checks: 2 },
                ReportMonth { month_text: "令和7年6月 (2025-06)".into(), checks: 0, card_checks: 0 },
            ],
            photos: vec![],
        }
    }

    fn all_text(pages: &[Page]) -> String {
        pages.iter().flat_map(|p| p.texts().map(|t| t.text.clone())).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn the_rate_is_rounded_to_a_tenth_and_a_month_without_checks_has_none() {
        let m = |checks, card_checks| ReportMonth { month_text: String::new(), checks, card_checks };
        assert_eq!(rate_text(&m(3, 2)), "66.7%");
        assert_eq!(rate_text(&m(8, 8)), "100.0%");
        assert_eq!(rate_text(&m(0, 0)), "—");
    }

    #[test]
    fn sixty_days_flow_onto_a_second_page_with_the_totals() {
        let pages = pages(&report()).expect("pages");
        assert!(pages.len() >= 2, "{} pages", pages.len());
        let text = all_text(&pages);
        for want in [
            "さくら接骨院",
            "運用開始日",
            "満たす",
            "合計(60 日)",
            "120",
            "180",
            "66.7%",
            "—",
            "利用件数の基準はありません",
        ] {
            assert!(text.contains(want), "{want} missing");
        }
        assert!(text.contains("協力金 取組の記録(続き)"), "running header on page 2");
    }

    #[test]
    fn nothing_recorded_is_said_not_left_blank() {
        let empty = GrantReport { start_date_text: None, posters: vec![], days: vec![], months: vec![], ..report() };
        let text = all_text(&pages(&empty).expect("pages"));
        for want in ["(未入力)", "(記録がありません)", "(対象期間の記録がありません)", "(資格確認の記録がありません)"]
        {
            assert!(text.contains(want), "{want} missing");
        }
    }

    #[test]
    fn each_photo_gets_its_own_page_fitted_inside_the_margins() {
        let image = image::RgbImage::from_fn(300, 400, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut jpeg = Vec::new();
        image::DynamicImage::ImageRgb8(image)
            .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 80))
            .expect("encode");
        let with_photos = GrantReport {
            photos: vec![
                crate::model::ReportPhoto { caption: "掲示 1".into(), name: "a.jpg".into(), jpeg: jpeg.clone() },
                crate::model::ReportPhoto { caption: "掲示 2".into(), name: "b.jpg".into(), jpeg },
            ],
            ..report()
        };
        let without = pages(&report()).expect("pages").len();
        let pages = pages(&with_photos).expect("pages");
        assert_eq!(pages.len(), without + 2);
        for page in &pages[without..] {
            let images: Vec<_> = page.items.iter().filter(|i| matches!(i, Item::Image { .. })).collect();
            assert_eq!(images.len(), 1);
            if let Item::Image { x, y, w, h, .. } = images[0] {
                assert!(*x >= LEFT && x + w <= RIGHT + 0.01 && *y > 20.0 && y + h <= BOTTOM + 0.01);
                assert!((w / h - 0.75).abs() < 0.01, "aspect kept");
            }
        }
        let broken = GrantReport {
            photos: vec![crate::model::ReportPhoto {
                caption: "x".into(),
                name: "壊れた.jpg".into(),
                jpeg: vec![1, 2, 3],
            }],
            ..report()
        };
        let e = crate::report::pages(&broken).expect_err("refused");
        assert!(e.to_string().contains("壊れた.jpg"), "{e}");
    }
}
