//! The 助成金 paperwork against a real SQLite file: receipts with every line, bad input refused
//! field by field with nothing saved, copies kept as PDF, and the status: a change after
//! 申請準備完了 takes it back to 準備中, nothing changes once 申請済, dates in order, and the status
//! moves one step at a time, 申請準備完了 only on a complete checklist read in its own transaction.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use programs::paperwork::PassbookVisible;
use programs::purchases::ItemCategory;
use store::subsidy::{
    ApplicationStatus, DocumentKind, PurchaseInput, ReceiptInput, validate_purchase, validate_receipt,
};
use store::{Store, StoreError};

const PROGRAM: &str = "equipment_subsidy_2025";

/// The 助成金 as the bundled data has it.
fn program() -> programs::Program {
    programs::catalog().expect("bundled data").program(PROGRAM).expect("the 助成金").clone()
}

const ALL_VISIBLE: PassbookVisible =
    PassbookVisible { bank: true, branch: true, kind: true, number: true, holder_kana: true };

/// A 領収書 of ¥4,980 with its one line and its copy, the passbook's copy, every passbook detail
/// confirmed: the checklist is complete. Returns the 領収書's id.
async fn complete_paperwork(store: &Store) -> i32 {
    let id = store.save_receipt(None, &receipt_input("4980"), today(), "院長", at(9)).await.expect("receipt");
    store
        .save_purchase(None, id, &line("リーダー", ItemCategory::CardReader, "1", "4980"), today(), "院長", at(9))
        .await
        .expect("line");
    store.add_document(DocumentKind::Receipt, Some(id), "領収書.pdf", b"%PDF", 1, "院長", at(9)).await.expect("copy");
    store.add_document(DocumentKind::Passbook, None, "通帳.pdf", b"%PDF", 1, "院長", at(9)).await.expect("passbook");
    store.save_subsidy_answers(PROGRAM, false, ALL_VISIBLE, "院長", at(9)).await.expect("answers");
    id
}

/// What the checklist says of the stored paperwork now.
async fn problems(store: &Store) -> Vec<String> {
    let receipts = store.subsidy_receipts().await.expect("receipts");
    let documents = store.subsidy_documents().await.expect("documents");
    let application = store.subsidy_application(PROGRAM).await.expect("application");
    store::subsidy::paperwork::judge(&program(), &receipts, &documents, &application, today())
        .expect("a 助成金")
        .problems()
}

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 12, 1, hour, 0, 0).single().expect("valid time")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 1).expect("date")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

async fn fresh(root: &tempfile::TempDir) -> Store {
    Store::open_in(&root.path().join("オン資ナビ")).await.expect("open")
}

fn receipt_input(total: &str) -> ReceiptInput {
    ReceiptInput {
        number: "Ａ－１２３".into(),
        seller: "センター電機".into(),
        issued_on: "令和7年11月20日".into(),
        total: total.into(),
    }
}

fn line(item: &str, category: ItemCategory, quantity: &str, price: &str) -> PurchaseInput {
    PurchaseInput {
        item: item.into(),
        category,
        maker_model: "ACR39-NTTCom".into(),
        quantity: quantity.into(),
        unit_price: price.into(),
        bought_on: "2025-11-20".into(),
    }
}

fn issues(e: StoreError) -> Vec<(String, String)> {
    e.field_issues().iter().map(|i| (i.field.clone(), i.message.clone())).collect()
}

#[tokio::test]
async fn a_receipt_keeps_every_line_as_typed_with_full_width_digits_folded() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = fresh(&root).await;
    let id = store.save_receipt(None, &receipt_input("￥１１，４６０"), today(), "院長", at(9)).await.expect("receipt");
    store
        .save_purchase(
            None,
            id,
            &line("ICカードリーダー", ItemCategory::CardReader, "２", "4,980"),
            today(),
            "院長",
            at(9),
        )
        .await
        .expect("reader");
    store
        .save_purchase(None, id, &line("USBケーブル", ItemCategory::Other, "1", "¥1,500円"), today(), "院長", at(9))
        .await
        .expect("cable");
    let receipts = store.subsidy_receipts().await.expect("list");
    assert_eq!(receipts.len(), 1);
    let r = &receipts[0];
    assert_eq!(
        (r.number.as_str(), r.seller.as_str(), r.issued_on, r.total_yen),
        ("A-123", "センター電機", day(2025, 11, 20), 11_460)
    );
    assert_eq!(r.label(), "No.A-123(センター電機)");
    assert_eq!(
        r.purchases.iter().map(|p| (p.quantity, p.unit_price_yen)).collect::<Vec<_>>(),
        [(2, 4_980), (1, 1_500)]
    );
    assert_eq!(r.lines_total_yen(), 11_460);
    assert_eq!(r.purchases[1].category, ItemCategory::Other);
}

#[test]
fn bad_input_gets_a_message_beside_each_field() {
    let cases: [(PurchaseInput, &str, &str); 7] = [
        (line("リーダー", ItemCategory::CardReader, "0", "4980"), "quantity", "1以上"),
        (line("リーダー", ItemCategory::CardReader, "-1", "4980"), "quantity", "マイナス"),
        (line("リーダー", ItemCategory::CardReader, "1", "よんせん"), "unitPrice", "数字で"),
        (line("リーダー", ItemCategory::CardReader, "1", ""), "unitPrice", "単価を入力"),
        (line("", ItemCategory::CardReader, "1", "4980"), "item", "品名を入力"),
        (
            PurchaseInput {
                bought_on: "2025-12-02".into(), ..line("リーダー", ItemCategory::CardReader, "1", "4980")
            },
            "boughtOn",
            "今日",
        ),
        (
            PurchaseInput {
                bought_on: "2025-02-30".into(), ..line("リーダー", ItemCategory::CardReader, "1", "4980")
            },
            "boughtOn",
            "読み取れません",
        ),
    ];
    for (input, field, text) in cases {
        let issues = validate_purchase(&input, today()).expect_err(field);
        assert!(issues.iter().any(|i| i.field == field && i.message.contains(text)), "{field}: {issues:?}");
    }
    let all = validate_receipt(
        &ReceiptInput { number: String::new(), seller: String::new(), issued_on: "x".into(), total: "-5".into() },
        today(),
    )
    .expect_err("bad receipt");
    let fields: Vec<&str> = all.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(fields, ["seller", "issuedOn", "total"], "a blank 領収書番号 is allowed");
}

#[tokio::test]
async fn refused_input_saves_nothing() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = fresh(&root).await;
    let id = store.save_receipt(None, &receipt_input("4980"), today(), "院長", at(9)).await.expect("receipt");
    let e = store
        .save_purchase(None, id, &line("リーダー", ItemCategory::CardReader, "0", "4980"), today(), "院長", at(9))
        .await
        .expect_err("zero");
    assert_eq!(issues(e)[0].0, "quantity");
    assert!(store.subsidy_receipts().await.expect("list")[0].purchases.is_empty());
}

#[tokio::test]
async fn copies_are_kept_and_removed_with_their_receipt() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = fresh(&root).await;
    let id = store.save_receipt(None, &receipt_input("4980"), today(), "院長", at(9)).await.expect("receipt");
    let doc = store
        .add_document(DocumentKind::Receipt, Some(id), " 領収書.jpg ", b"%PDF-1.7 fake", 1, "院長", at(9))
        .await
        .expect("copy");
    assert_eq!(doc.file_name, "領収書.jpg");
    let e =
        store.add_document(DocumentKind::Receipt, None, "x.pdf", b"%PDF", 1, "院長", at(9)).await.expect_err("which");
    assert!(issues(e)[0].1.contains("どの領収書"));
    let (info, bytes) = store.document_pdf(doc.id).await.expect("read").expect("present");
    assert_eq!((info.size_bytes, bytes.as_slice()), (13, b"%PDF-1.7 fake".as_slice()));
    assert_eq!(store.subsidy_receipts().await.expect("list")[0].documents.len(), 1);
    store.delete_receipt(id, "院長", at(10)).await.expect("delete");
    assert!(store.document_pdf(doc.id).await.expect("read").is_none(), "the copy goes with its receipt");
}

#[tokio::test]
async fn a_change_after_ready_goes_back_to_preparing_and_nothing_changes_once_applied() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = fresh(&root).await;
    let id = complete_paperwork(&store).await;
    let all = ALL_VISIBLE;
    let app = store
        .set_subsidy_status(&program(), ApplicationStatus::Ready, None, today(), "院長", at(10))
        .await
        .expect("ready");
    assert_eq!(app.status, ApplicationStatus::Ready);
    assert!(app.ready_at.is_some());
    assert_eq!(app.passbook, all);
    let extra = store
        .save_purchase(None, id, &line("ケース", ItemCategory::Other, "1", "500"), today(), "院長", at(11))
        .await
        .expect("line");
    let app = store.subsidy_application(PROGRAM).await.expect("app");
    assert_eq!((app.status, app.ready_at), (ApplicationStatus::Preparing, None), "what was declared ready changed");
    let e = store
        .set_subsidy_status(&program(), ApplicationStatus::Ready, None, today(), "院長", at(11))
        .await
        .expect_err("the totals differ");
    assert!(matches!(&e, StoreError::ChecklistIncomplete(p) if p.iter().any(|p| p.contains("一致しません"))), "{e}");
    store.delete_purchase(extra.id, "院長", at(11)).await.expect("line removed");
    store
        .set_subsidy_status(&program(), ApplicationStatus::Ready, None, today(), "院長", at(11))
        .await
        .expect("ready again");

    let e = store
        .set_subsidy_status(&program(), ApplicationStatus::Applied, None, today(), "院長", at(12))
        .await
        .expect_err("no date");
    assert!(issues(e)[0].1.contains("申請済の日付"));
    let e = store
        .set_subsidy_status(&program(), ApplicationStatus::Applied, Some(day(2025, 12, 2)), today(), "院長", at(12))
        .await
        .expect_err("future");
    assert!(issues(e)[0].1.contains("今日より後"));
    let e = store
        .set_subsidy_status(&program(), ApplicationStatus::Paid, Some(day(2025, 11, 30)), today(), "院長", at(12))
        .await
        .expect_err("skipped");
    assert!(issues(e)[0].1.contains("先に「申請済」"));
    store
        .set_subsidy_status(&program(), ApplicationStatus::Applied, Some(day(2025, 11, 30)), today(), "院長", at(12))
        .await
        .expect("applied");
    for attempt in [
        store.save_receipt(None, &receipt_input("100"), today(), "院長", at(13)).await.map(|_| ()),
        store.delete_receipt(id, "院長", at(13)).await,
        store.add_document(DocumentKind::Passbook, None, "通帳.pdf", b"%PDF", 1, "院長", at(13)).await.map(|_| ()),
        store.save_subsidy_answers(PROGRAM, true, all, "院長", at(13)).await.map(|_| ()),
    ] {
        let e = attempt.expect_err("sent");
        assert!(issues(e)[0].1.contains("申請した後は"));
    }
    let e = store
        .set_subsidy_status(&program(), ApplicationStatus::Granted, Some(day(2025, 11, 29)), today(), "院長", at(14))
        .await
        .expect_err("before applied");
    assert!(issues(e)[0].1.contains("申請日"));
    store
        .set_subsidy_status(&program(), ApplicationStatus::Granted, Some(today()), today(), "院長", at(14))
        .await
        .expect("granted");
    let app = store
        .set_subsidy_status(&program(), ApplicationStatus::Paid, Some(today()), today(), "院長", at(15))
        .await
        .expect("paid");
    assert_eq!((app.applied_on, app.granted_on, app.paid_on), (Some(day(2025, 11, 30)), Some(today()), Some(today())));
    let back = store
        .set_subsidy_status(&program(), ApplicationStatus::Applied, Some(day(2025, 11, 30)), today(), "院長", at(16))
        .await
        .expect("back");
    assert_eq!((back.granted_on, back.paid_on), (None, None), "going back clears the later dates");
}

#[tokio::test]
async fn the_status_moves_one_step_at_a_time_and_never_past_an_incomplete_checklist() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = fresh(&root).await;
    let e = store
        .set_subsidy_status(&program(), ApplicationStatus::Ready, None, today(), "院長", at(9))
        .await
        .expect_err("nothing gathered");
    let StoreError::ChecklistIncomplete(missing) = &e else { panic!("{e}") };
    assert!(missing.iter().any(|p| p.contains("領収書がまだ登録されていません")), "{missing:?}");
    assert!(e.to_string().starts_with("まだ申請の準備ができていません。\n・"), "{e}");
    complete_paperwork(&store).await;
    // 申請済 straight from 準備中 would record a 準備完了 that never happened, and lock the paperwork.
    let e = store
        .set_subsidy_status(&program(), ApplicationStatus::Applied, Some(today()), today(), "院長", at(10))
        .await
        .expect_err("skipped 申請準備完了");
    assert_eq!(
        issues(e),
        vec![("status".to_string(), "今は「準備中」です。先に「申請準備完了」にしてください".to_string())]
    );
    let app = store.subsidy_application(PROGRAM).await.expect("app");
    assert_eq!(
        (app.status, app.ready_at, app.applied_on),
        (ApplicationStatus::Preparing, None, None),
        "nothing written"
    );
    assert_eq!(ApplicationStatus::Preparing.next(), Some(ApplicationStatus::Ready));
    assert_eq!(ApplicationStatus::Granted.next(), Some(ApplicationStatus::Paid));
    assert_eq!(ApplicationStatus::Paid.next(), None);
}

/// A line saved while 申請準備完了 is being set, over and over, in both orders: whichever wins,
/// 申請準備完了 never stands on an incomplete checklist.
#[tokio::test]
async fn a_line_saved_meanwhile_never_leaves_ready_on_an_incomplete_checklist() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = fresh(&root).await;
    let id = complete_paperwork(&store).await;
    let program = program();
    for round in 0..20 {
        let extra = line("ケース", ItemCategory::Other, "1", "500");
        let set_ready = store.set_subsidy_status(&program, ApplicationStatus::Ready, None, today(), "院長", at(10));
        let add_line = store.save_purchase(None, id, &extra, today(), "院長", at(10));
        let (ready, added) = if round % 2 == 0 {
            tokio::join!(set_ready, add_line)
        } else {
            let (added, ready) = tokio::join!(add_line, set_ready);
            (ready, added)
        };
        let added = added.expect("the line is always saved");
        let app = store.subsidy_application(PROGRAM).await.expect("app");
        if app.status == ApplicationStatus::Ready {
            assert!(problems(&store).await.is_empty(), "round {round}: 申請準備完了 on an incomplete checklist");
        } else {
            assert!(ready.is_err() || app.ready_at.is_none(), "round {round}: {ready:?}");
        }
        store.delete_purchase(added.id, "院長", at(11)).await.expect("line removed");
        if app.status != ApplicationStatus::Preparing {
            store
                .set_subsidy_status(&program, ApplicationStatus::Preparing, None, today(), "院長", at(11))
                .await
                .expect("back");
        }
    }
    assert!(problems(&store).await.is_empty(), "complete again at the end");
}

/// A clinic registered separately for 柔整 and あはき: two applications, each with its own
/// 領収書, passbook answers and status; one sent locks its own paperwork, not the other's.
#[tokio::test]
async fn a_clinic_registered_twice_keeps_two_applications_apart() {
    use store::clinic::{ClinicKind, ClinicProfileInput};
    use store::subsidy::Applicant;
    let root = tempfile::tempdir().expect("tempdir");
    let store = fresh(&root).await;
    // One registration: one application, and the second cannot be chosen.
    assert_eq!(store::subsidy::applicants(None).len(), 1);
    let e = store.set_subsidy_applicant(Applicant::Second, "院長", at(9)).await.expect_err("one registration");
    assert_eq!(issues(e)[0].0, "applicant");
    let profile = ClinicProfileInput {
        name: "さくら整骨院・鍼灸院".into(),
        kind: Some(ClinicKind::Both),
        reg_no_judo: "協1301234-1-2".into(),
        reg_no_ahaki: "1234567".into(),
        postal_code: "100-0001".into(),
        address: "東京都千代田区千代田1-1".into(),
        phone: "03-1234-5678".into(),
        owner_name: "山田 太郎".into(),
    };
    store.save_clinic_profile(&profile, "院長", at(9)).await.expect("profile");
    let made = store::subsidy::applicants(store.clinic_profile().await.expect("profile").as_ref());
    let made: Vec<(Applicant, &str, &str)> =
        made.iter().map(|a| (a.applicant, a.practice.as_str(), a.registration_number.as_str())).collect();
    assert_eq!(made, [(Applicant::Main, "柔整", "協1301234-1-2"), (Applicant::Second, "あはき", "1234567")]);

    let judo = complete_paperwork(&store).await;
    store.set_subsidy_status(&program(), ApplicationStatus::Ready, None, today(), "院長", at(10)).await.expect("ready");
    store
        .set_subsidy_status(&program(), ApplicationStatus::Applied, Some(today()), today(), "院長", at(10))
        .await
        .expect("the 柔整 application is sent");

    store.set_subsidy_applicant(Applicant::Second, "院長", at(11)).await.expect("the あはき one");
    assert_eq!(store.subsidy_applicant().await.expect("chosen"), Applicant::Second);
    assert!(store.subsidy_receipts().await.expect("receipts").is_empty(), "the あはき application starts empty");
    assert!(store.subsidy_documents().await.expect("documents").is_empty());
    assert_eq!(store.subsidy_application(PROGRAM).await.expect("app").status, ApplicationStatus::Preparing);
    // The 柔整 application being sent does not lock the あはき paperwork.
    let ahaki =
        store.save_receipt(None, &receipt_input("4980"), today(), "院長", at(11)).await.expect("its own 領収書");
    assert_ne!(ahaki, judo);
    // Nor can the あはき screen touch the 柔整 rows.
    store.delete_receipt(judo, "院長", at(11)).await.expect("nothing to do");
    let e = store
        .save_purchase(None, judo, &line("リーダー", ItemCategory::CardReader, "1", "4980"), today(), "院長", at(11))
        .await
        .expect_err("another application's 領収書");
    assert!(issues(e)[0].1.contains("削除されています"));

    store.set_subsidy_applicant(Applicant::Main, "院長", at(12)).await.expect("back to 柔整");
    let receipts = store.subsidy_receipts().await.expect("receipts");
    assert_eq!(receipts.iter().map(|r| r.id).collect::<Vec<_>>(), [judo], "its 領収書 is still there, alone");
    assert_eq!(store.subsidy_application(PROGRAM).await.expect("app").status, ApplicationStatus::Applied);
    let e = store.save_receipt(None, &receipt_input("100"), today(), "院長", at(12)).await.expect_err("sent");
    assert!(issues(e)[0].1.contains("申請した後は"));
}
