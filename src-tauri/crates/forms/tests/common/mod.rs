//! The sheets the tests print: a realistic 内訳書 (two receipts, an ineligible cable) and
//! checklist, and generators for longer ones.
#![allow(dead_code)]

use chrono::NaiveDate;
use forms::{Breakdown, Checklist, ChecklistRow, ReceiptSheet, SheetLine};

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub fn line(
    item: &str,
    category: &str,
    maker_model: &str,
    quantity: u32,
    unit: i32,
    bought_on: NaiveDate,
) -> SheetLine {
    SheetLine {
        item: item.into(),
        category: category.into(),
        maker_model: maker_model.into(),
        quantity,
        unit_price_yen: unit,
        amount_yen: unit * quantity as i32,
        bought_on,
        eligible: true,
        to_check: false,
        reason: None,
    }
}

/// さくら整骨院: card readers ×2 at ¥4,980 and a ¥1,500 cable (対象外) on one receipt, a
/// ¥39,800 tablet on another; cap ¥41,000, claim in whole thousands.
pub fn breakdown() -> Breakdown {
    let mut cable = line("USB延長ケーブル 1.5m", "そのほか", "エレコム USB-ECA15BK", 1, 1500, day(2026, 1, 10));
    cable.eligible = false;
    cable.reason = Some("ケーブル類は助成の対象外です".into());
    Breakdown {
        clinic_name: "さくら整骨院".into(),
        registration_number: "協0123456".into(),
        program_name: "柔整・あはき施術所用助成金".into(),
        prepared_on: day(2026, 1, 15),
        receipts: vec![
            ReceiptSheet {
                number: "R-2026-0001".into(),
                seller: "カメラのサクラヤ 梅田店".into(),
                issued_on: day(2026, 1, 10),
                total_yen: 11_460,
                lines: vec![
                    line("ICカードリーダー", "汎用カードリーダー", "ソニー RC-S300/S", 2, 4980, day(2026, 1, 10)),
                    cable,
                ],
            },
            ReceiptSheet {
                number: "R-2026-0002".into(),
                seller: "家電のミドリ 本店".into(),
                issued_on: day(2026, 1, 12),
                total_yen: 39_800,
                lines: vec![line(
                    "タブレット 10.9インチ 64GB",
                    "タブレット",
                    "Apple iPad (第10世代) MPQ03J/A",
                    1,
                    39_800,
                    day(2026, 1, 12),
                )],
            },
        ],
        total_yen: 51_260,
        eligible_total_yen: 49_760,
        claim_yen: 41_000,
        clinic_pays_yen: 10_260,
        cap_yen: 41_000,
        claim_unit_yen: 1000,
    }
}

/// One receipt of `n` lines, every line numbered so each can be found on its page.
pub fn long_breakdown(n: usize) -> Breakdown {
    let mut sheet = breakdown();
    let lines: Vec<SheetLine> = (1..=n)
        .map(|i| line(&format!("消耗品その{i}"), "そのほか", &format!("型番-{i:03}"), 1, 100, day(2026, 1, 10)))
        .map(|mut l| {
            l.eligible = false;
            l.reason = Some("消耗品は対象外です".into());
            l
        })
        .collect();
    let total = lines.iter().map(|l| l.amount_yen).sum();
    sheet.receipts.push(ReceiptSheet {
        number: "R-2026-0003".into(),
        seller: "文具のヤマト".into(),
        issued_on: day(2026, 1, 13),
        total_yen: total,
        lines,
    });
    sheet.total_yen += total;
    sheet.clinic_pays_yen += total;
    sheet
}

pub fn checklist() -> Checklist {
    let rows = [
        ("ポータルサイトのアカウントを作る", "完了", Some("令和7年12月1日 (2025-12-01)"), None),
        ("汎用カードリーダーを買う", "完了", Some("令和8年1月10日 (2026-01-10)"), Some("2台")),
        ("資格確認端末を設定する", "未着手", None, Some("業者さんに相談")),
        ("助成金を申請する", "未着手", Some("令和8年1月15日 (2026-01-15) まで"), None),
        ("協力金の取組報告", "対象外", None, None),
    ];
    Checklist {
        clinic_name: "さくら整骨院".into(),
        registration_number: "協0123456".into(),
        prepared_on: day(2026, 1, 15),
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, (title, state, date, note))| ChecklistRow {
                number: i as u32 + 1,
                title: (*title).into(),
                state: (*state).into(),
                date_text: date.map(str::to_string),
                note: note.map(str::to_string),
            })
            .collect(),
    }
}

pub fn grant_report() -> forms::GrantReport {
    use forms::{ReportDay, ReportMonth, ReportRequirement};
    let requirement =
        |label: &str, met: bool, why: &str| ReportRequirement { label: label.into(), met, why: why.into() };
    forms::GrantReport {
        clinic_name: "さくら整骨院".into(),
        registration_number: "協0123456".into(),
        program_name: "マイナ保険証の利用促進のための取組に対する協力金".into(),
        period_text: "令和7年5月1日 (2025-05-01)〜令和7年7月31日 (2025-07-31)".into(),
        start_date_text: Some("令和7年5月1日 (2025-05-01)".into()),
        prepared_on: day(2026, 11, 29),
        requirements: vec![
            requirement("患者さんにマイナ保険証の利用をお声がけした", true, "対象期間にお声がけ 8 人(2 日)"),
            requirement("支給日の時点で施術所を廃止・休止しておらず", false, "まだ回答されていません"),
        ],
        posters: vec!["令和7年5月1日 (2025-05-01)〜令和7年7月31日 (2025-07-31)".into()],
        days: vec![
            ReportDay { day: day(2025, 6, 2), flyers: 3, prompts: 5 },
            ReportDay { day: day(2025, 6, 3), flyers: 0, prompts: 3 },
        ],
        months: vec![
            ReportMonth { month_text: "令和7年5月 (2025-05)".into(), checks: 3, card_checks: 2 },
            ReportMonth { month_text: "令和7年6月 (2025-06)".into(), checks: 0, card_checks: 0 },
        ],
        photos: vec![],
    }
}

/// When the tests' documents were made (a fixed moment: the same input makes the same bytes).
pub fn made() -> forms::Made {
    chrono::DateTime::parse_from_rfc3339("2026-12-06T10:00:00+09:00").expect("date")
}

/// The poster for a 柔整 clinic that reads cards on a PC.
pub fn poster() -> forms::PosterSheet {
    forms::PosterSheet {
        clinic_name: "さくら整骨院".into(),
        audience: forms::Audience::Judo,
        format: forms::PosterFormat::Poster,
        read_with: guide::answers::ReadsWith::CardReader,
    }
}

/// The 復元コード's sheet.
pub fn recovery() -> forms::RecoverySheet {
    forms::RecoverySheet {
        code: "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567".into(),
        clinic_name: "さくら整骨院".into(),
        backup_folder: "E:\\".into(),
        issued_on: NaiveDate::from_ymd_opt(2026, 12, 6).expect("date"),
    }
}
