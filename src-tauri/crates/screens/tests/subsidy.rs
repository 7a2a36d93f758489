//! The 助成金 screen against a temp store: each line shows its own judgement, found by the line's
//! id, whatever order the 領収書 and their lines were entered in.

mod common;

use chrono::NaiveDate;
use programs::purchases::ItemCategory;
use store::Store;
use store::subsidy::{PurchaseInput, ReceiptInput};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 1).expect("date")
}

fn receipt(number: &str, issued_on: &str, total: &str) -> ReceiptInput {
    ReceiptInput {
        number: number.into(),
        seller: "センター電機".into(),
        issued_on: issued_on.into(),
        total: total.into(),
    }
}

fn line(item: &str, category: ItemCategory, price: &str) -> PurchaseInput {
    PurchaseInput {
        item: item.into(),
        category,
        maker_model: String::new(),
        quantity: "1".into(),
        unit_price: price.into(),
        bought_on: "2025-11-10".into(),
    }
}

#[tokio::test]
async fn each_line_shows_its_own_judgement_whatever_the_order_of_entry() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("data")).await.expect("open");
    let now = chrono::Utc::now();
    // Entered first, listed second (a later 領収書 day): its lines come after the other's.
    let later = store.save_receipt(None, &receipt("B-2", "2025-11-20", "5480"), today(), "院長", now).await.expect("B");
    let earlier =
        store.save_receipt(None, &receipt("A-1", "2025-11-10", "600"), today(), "院長", now).await.expect("A");
    let lines = [
        (later, line("カードリーダー", ItemCategory::CardReader, "4980")),
        (earlier, line("ケース", ItemCategory::Other, "600")),
        (later, line("パソコン用ケーブル", ItemCategory::Pc, "500")),
    ];
    for (receipt_id, input) in &lines {
        store.save_purchase(None, *receipt_id, input, today(), "院長", now).await.expect("line");
    }
    let catalog = programs::catalog().expect("bundled data");
    let overview = screens::subsidy::overview(&store, &catalog, &guide::BUNDLED, today()).await.expect("overview");
    assert_eq!(overview.receipts.iter().map(|r| r.number.as_str()).collect::<Vec<_>>(), ["A-1", "B-2"]);
    let seen: Vec<(String, bool, i32)> = overview
        .receipts
        .iter()
        .flat_map(|r| &r.lines)
        .map(|l| (l.purchase.item.clone(), l.eligible, l.amount_yen))
        .collect();
    assert_eq!(
        seen,
        [
            ("ケース".to_string(), false, 600),
            ("カードリーダー".to_string(), true, 4980),
            ("パソコン用ケーブル".to_string(), false, 500),
        ]
    );
    let sheet = screens::subsidy::breakdown(&store, &catalog, today()).await.expect("sheet");
    let on_sheet: Vec<(String, bool)> =
        sheet.receipts.iter().flat_map(|r| &r.lines).map(|l| (l.item.clone(), l.eligible)).collect();
    assert_eq!(on_sheet, seen.iter().map(|(i, e, _)| (i.clone(), *e)).collect::<Vec<_>>());
}

/// A clinic registered separately for 柔整 and あはき: the screen offers both applications, as
/// the program data's rule says (unverified, with its source), and each 内訳書 and upload set
/// carries its own 登録記号番号 and practice.
#[tokio::test]
async fn a_clinic_registered_twice_gets_one_sheet_per_registration() {
    use store::subsidy::Applicant;
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("data")).await.expect("open");
    let now = chrono::Utc::now();
    let catalog = programs::catalog().expect("bundled data");
    let profile = common::registered_twice();
    store.save_clinic_profile(&profile, "院長", now).await.expect("profile");
    let overview = screens::subsidy::overview(&store, &catalog, &guide::BUNDLED, today()).await.expect("overview");
    let offered: Vec<(Applicant, &str)> =
        overview.applicants.iter().map(|a| (a.applicant, a.registration_number.as_str())).collect();
    assert_eq!(offered, [(Applicant::Main, "協1301234-1-2"), (Applicant::Second, "1234567")]);
    assert_eq!(overview.applicant, Applicant::Main);
    let rule = overview.registration_rule.expect("the data's rule");
    assert!(!rule.verified && rule.text.contains("登録ごとに申請します"), "{rule:?}");

    for (applicant, number, other) in
        [(Applicant::Main, "協1301234-1-2", "1234567"), (Applicant::Second, "1234567", "協1301234-1-2")]
    {
        let o = screens::subsidy::choose_applicant(&store, &catalog, &guide::BUNDLED, applicant, today(), now)
            .await
            .expect("chosen");
        assert_eq!(o.applicant, applicant);
        let id = store
            .save_receipt(None, &receipt(number, "2025-11-20", "4980"), today(), "院長", now)
            .await
            .expect("領収書");
        store
            .save_purchase(None, id, &line("リーダー", ItemCategory::CardReader, "4980"), today(), "院長", now)
            .await
            .expect("line");
        let sheet = screens::subsidy::breakdown(&store, &catalog, today()).await.expect("sheet");
        assert_eq!(sheet.registration_number, number, "its own number, not both");
        assert_eq!(sheet.receipts.len(), 1, "its own 領収書 only");
        assert_ne!(sheet.registration_number, other);
        let sources = screens::subsidy::upload_sources(&store, &catalog, today()).await.expect("sources");
        let made = chrono::DateTime::parse_from_rfc3339("2026-12-06T10:00:00+09:00").expect("date");
        let set = screens::subsidy::upload_files(sources, made).expect("files");
        let out = tempfile::tempdir().expect("out");
        let written = screens::subsidy::write_upload_set(set, out.path()).expect("written");
        let practice = if applicant == Applicant::Main { "柔整" } else { "あはき" };
        assert!(written.folder.contains(&format!("助成金申請_{practice}_")), "{}", written.folder);
    }
}
