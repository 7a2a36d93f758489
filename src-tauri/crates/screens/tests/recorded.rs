//! Records what the 導入ガイド's use cases return, for the UI's fakes
//! (`ui/src/lib/testing/recorded/wizard.json`): for each named scenario, the screen as Rust
//! shows it before and after each call staff make (the overview and every step's detail), and
//! each call's answer or refusal as the UI receives it. The UI's tests replay these (a call the
//! page makes that was not recorded fails the test), so no rule of the guide is written again in
//! TypeScript. Checked fresh like `bindings.ts`; `UPDATE_RECORDED=1 cargo test -p screens --test
//! recorded` rewrites it.
//!
//! A scenario's earlier steps are made 完了 the way staff would: every answer the step asks for,
//! then 完了, refused by the same rules if anything is missing.

mod common;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use guide::StepState;
use guide::wizard::InputKind;
use screens::wizard;
use serde_json::{Value, json};
use store::Store;

/// The recording day (the stop month, as the guide's recorded timelines).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 6).expect("date")
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 3, 0, 0).single().expect("time")
}

/// The moment the recorded documents are made (the recording day, 12:00 in Japan).
fn made() -> forms::Made {
    now().with_timezone(&chrono::FixedOffset::east_opt(9 * 3600).expect("JST"))
}

/// A new, empty store in a folder of its own (kept while the folder is).
async fn new_store() -> (tempfile::TempDir, Store) {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("data")).await.expect("open");
    (root, store)
}

/// A call staff make on the page, as the UI sends it.
fn call(name: &str, args: Value) -> (String, Value) {
    (name.to_string(), args)
}

/// A scenario: how the clinic's wizard stands first, then the calls made.
struct Scenario {
    name: &'static str,
    /// Steps made 完了 first, in order (the route chosen when `connection` is among them)
    done: &'static [&'static str],
    route: &'static str,
    /// Answers saved after that (a step begun)
    answers: &'static [(&'static str, &'static str, &'static str)],
    calls: Vec<(String, Value)>,
}

/// The day typed for a date input when a step is made 完了 in a scenario's set-up: in the order
/// the guide's dates must keep, before the recording day.
fn day_for(key: &str) -> &'static str {
    match key {
        "registered_on" => "2026-10-01",
        "applied_on" => "2026-10-05",
        "approved_on" => "2026-10-20",
        "tested_on" => "2026-11-10",
        "start_date" => "2026-12-01",
        _ => "2026-10-01",
    }
}

/// The answer staff would give to `key` of `step` to finish it.
fn answer_for(step: &str, key: &str, route: &str) -> Option<String> {
    let input = guide::answers::step_input(step, key)?;
    Some(match input.kind {
        InputKind::Date => day_for(key).to_string(),
        InputKind::YesNo { .. } if key == "exemption_declared" => "no".to_string(),
        InputKind::YesNo { .. } | InputKind::Confirm => "yes".to_string(),
        InputKind::Choice { .. } if key == "route" => route.to_string(),
        InputKind::Choice { options } => options[0].value.to_string(),
        InputKind::RegNo { .. } => "契2804440-0-0".to_string(),
        InputKind::Text => "受付のパソコン".to_string(),
    })
}

/// Makes `step` 完了 as staff would: each missing answer given, a terminal added when rows are
/// needed, then 完了 (refused, and the recording fails, if the rules still see something missing).
async fn finish(store: &Store, step: &str, route: &str) {
    let board = programs::catalog().expect("bundled").board(today());
    for _ in 0..4 {
        let detail = wizard::step_detail(store, &guide::BUNDLED, &board, step, today()).await.expect("detail");
        if detail.missing.is_empty() {
            break;
        }
        for issue in detail.missing {
            match answer_for(step, &issue.field, route) {
                Some(value) => {
                    wizard::save_answer(store, step, &issue.field, &value, now(), today()).await.expect(&issue.field);
                }
                None => {
                    let input = store::wizard::TerminalInput {
                        account: "W0000009".into(),
                        device: "受付のパソコン".into(),
                        settings_pdf_checked: true,
                    };
                    wizard::save_terminal(store, None, &input, now()).await.expect("terminal");
                }
            }
        }
    }
    wizard::set_step_state(store, step, StepState::Done, now(), today()).await.expect(step);
}

/// A refusal as the UI receives it (`{ code, message, fields }`, as the host maps it).
fn as_ui(e: &screens::Error) -> Value {
    let code = match e {
        screens::Error::Store(s) => s.code().as_str(),
        screens::Error::Insurance(i) => i.code().as_str(),
        other => other.own_code().map_or("Internal", screens::ScreensErrorCode::as_str),
    };
    let fields = serde_json::to_value(e.field_issues()).expect("json");
    json!({ "code": code, "message": e.to_string(), "fields": fields })
}

fn outcome<T: serde::Serialize>(result: Result<T, screens::Error>) -> Value {
    match result {
        Ok(value) => json!({ "ok": value }),
        Err(e) => json!({ "error": as_ui(&e) }),
    }
}

/// Runs one call staff make, as the host's command would.
async fn run(store: &Store, name: &str, args: &Value) -> Value {
    let text = |i: usize| args[i].as_str().expect("a text argument").to_string();
    match name {
        "saveWizardAnswer" => outcome(wizard::save_answer(store, &text(0), &text(1), &text(2), now(), today()).await),
        "setWizardStepState" => {
            let to: StepState = serde_json::from_value(args[1].clone()).expect("a state");
            outcome(wizard::set_step_state(store, &text(0), to, now(), today()).await)
        }
        "saveTerminal" => {
            let id = args[0].as_i64().map(|i| i32::try_from(i).expect("an id"));
            let input: store::wizard::TerminalInput = serde_json::from_value(args[1].clone()).expect("an input");
            outcome(wizard::save_terminal(store, id, &input, now()).await)
        }
        "deleteTerminal" => {
            let id = i32::try_from(args[0].as_i64().expect("an id")).expect("an id");
            outcome(wizard::delete_terminal(store, id, now()).await)
        }
        other => panic!("no such call {other}"),
    }
}

/// Pools what repeats across versions and scenarios (a step's view, a step's detail, an
/// overview): each stored once, named by its index.
#[derive(Default)]
struct Pool {
    list: Vec<Value>,
    index: BTreeMap<String, usize>,
}

impl Pool {
    fn add(&mut self, view: Value) -> usize {
        let key = view.to_string();
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        self.list.push(view);
        self.index.insert(key, self.list.len() - 1);
        self.list.len() - 1
    }
}

/// The screen as Rust shows it now: the overview and every step's detail (its view pooled apart),
/// each as an index into the pool.
async fn snapshot(store: &Store, pool: &mut Pool) -> Value {
    let board = programs::catalog().expect("bundled").board(today());
    let overview = wizard::overview(store, &guide::BUNDLED, today()).await.expect("overview");
    let mut details = serde_json::Map::new();
    for step in &guide::WIZARD {
        let detail = wizard::step_detail(store, &guide::BUNDLED, &board, step.id, today()).await.expect("detail");
        let mut value = serde_json::to_value(detail).expect("json");
        let view = value["view"].take();
        value["view"] = json!(pool.add(view));
        details.insert(step.id.to_string(), json!(pool.add(value)));
    }
    json!({ "overview": pool.add(serde_json::to_value(overview).expect("json")), "details": details })
}

fn scenarios() -> Vec<Scenario> {
    let s = |name, done, answers, calls| Scenario { name, done, route: "windows_pc", answers, calls };
    let terminal = |account: &str, device: &str, pdf: bool| json!({ "account": account, "device": device, "settingsPdfChecked": pdf });
    vec![
        s("new_clinic", &[], &[], vec![]),
        s("resume_portal_user", &["standing"], &[("portal_user", "reg_no_judo", "契2804440-0-0")], vec![]),
        Scenario {
            name: "phone_route",
            done: &["standing", "portal_user", "app_apply", "connection"],
            route: "mobile",
            answers: &[],
            calls: vec![],
        },
        s(
            "choose_phone_route",
            &["standing", "portal_user", "app_apply"],
            &[],
            vec![call("saveWizardAnswer", json!(["connection", "route", "mobile"]))],
        ),
        s(
            "exemption_answers",
            &[],
            &[],
            vec![
                call("saveWizardAnswer", json!(["standing", "exemption_declared", "yes"])),
                call("saveWizardAnswer", json!(["standing", "exemption_reason", "closing"])),
                call("saveWizardAnswer", json!(["standing", "exemption_declared", "no"])),
            ],
        ),
        s(
            "reg_no",
            &["standing"],
            &[],
            vec![
                call("saveWizardAnswer", json!(["portal_user", "reg_no_judo", "契111111111111111111111111111111"])),
                call("saveWizardAnswer", json!(["portal_user", "reg_no_judo", " 2804440-0-0 "])),
            ],
        ),
        s(
            "complete_portal_user",
            &["standing"],
            &[],
            vec![
                call("setWizardStepState", json!(["portal_user", "done"])),
                call("saveWizardAnswer", json!(["portal_user", "reg_no_ahaki", "1234567"])),
                call("saveWizardAnswer", json!(["portal_user", "registered_on", "2026-11-20"])),
                call("saveWizardAnswer", json!(["portal_user", "confirmation_mail", "yes"])),
                call("setWizardStepState", json!(["portal_user", "done"])),
                call("setWizardStepState", json!(["portal_user", "in_progress"])),
            ],
        ),
        s(
            "empty_a_date",
            &["standing", "portal_user"],
            &[("app_apply", "applied_on", "2026-11-01")],
            vec![call("saveWizardAnswer", json!(["app_apply", "applied_on", ""]))],
        ),
        s(
            "terminals",
            &["standing"],
            &[],
            vec![
                call("saveTerminal", json!([null, terminal("X12", "", false)])),
                call("saveTerminal", json!([null, terminal("ｗ０００００01", "受付のパソコン", true)])),
                call("deleteTerminal", json!([1])),
            ],
        ),
        s(
            "terminals_none_done",
            &["standing"],
            &[],
            vec![call("setWizardStepState", json!(["terminal_accounts", "done"]))],
        ),
        s("pc_route_to_pc_check", &["standing", "portal_user", "app_apply", "connection"], &[], vec![]),
        s("standing_done", &["standing"], &[], vec![]),
        s(
            "held_save",
            &["standing"],
            &[("portal_user", "reg_no_judo", "契2804440-0-0"), ("portal_user", "registered_on", "2026-11-20")],
            vec![
                call("saveWizardAnswer", json!(["portal_user", "confirmation_mail", "yes"])),
                call("setWizardStepState", json!(["portal_user", "done"])),
            ],
        ),
        s(
            "start_planned",
            &["standing", "portal_user", "app_apply"],
            &[("start_date", "start_date", "2027-12-01")],
            vec![],
        ),
        s(
            "started",
            &[
                "standing",
                "portal_user",
                "app_apply",
                "connection",
                "pc_check",
                "internet",
                "card_reader",
                "terminal_accounts",
                "app_setup",
                "test_read",
                "start_date",
            ],
            &[],
            vec![],
        ),
    ]
}

#[tokio::test]
async fn recorded_wizard_scenarios_are_fresh() {
    let mut pool = Pool::default();
    let mut out = serde_json::Map::new();
    for scenario in scenarios() {
        let (_root, store) = new_store().await;
        for step in scenario.done {
            finish(&store, step, scenario.route).await;
        }
        for (step, key, value) in scenario.answers {
            wizard::save_answer(&store, step, key, value, now(), today()).await.expect(key);
        }
        let mut versions = vec![snapshot(&store, &mut pool).await];
        let mut calls = Vec::new();
        for (name, args) in &scenario.calls {
            let result = run(&store, name, args).await;
            calls.push(json!({ "call": name, "args": args, "result": result }));
            versions.push(snapshot(&store, &mut pool).await);
        }
        out.insert(scenario.name.to_string(), json!({ "versions": versions, "calls": calls }));
        store.close().await;
    }
    let figures = guide::PcFigures {
        os_name: "Windows 11 Pro".into(),
        os_version: "10.0.26100".into(),
        is_64bit: true,
        memory_bytes: 0,
        storage_bytes: 128 * 1000 * 1000 * 1000,
        cpu_brand: "Intel(R) Core(TM) i3-8130U CPU @ 2.20GHz".into(),
        is_windows: true,
    };
    let recorded = json!({
        "today": today(),
        "pool": pool.list,
        "scenarios": out,
        "pcCheck": wizard::pc_check(&figures, &guide::BUNDLED),
    });
    check_fresh("wizard.json", &recorded);
}

/// Compares `recorded` with the committed `ui/src/lib/testing/recorded/<file>` (rewrites it first
/// with `UPDATE_RECORDED=1`).
fn check_fresh(file: &str, recorded: &Value) {
    let text = serde_json::to_string(recorded).expect("json") + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/lib/testing/recorded").join(file);
    if std::env::var_os("UPDATE_RECORDED").is_some() {
        std::fs::write(&path, &text).expect("write the recorded file");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "{} is stale: run UPDATE_RECORDED=1 cargo test -p screens --test recorded",
        path.display()
    );
}

/// The 助成金's status as the UI shows it, recorded for `subsidyFixtures.ts`: each status's words
/// and the one it may move on to, the rules about the application said beside the checklist,
/// and the status panel's calls on a clinic whose paperwork is
/// first incomplete, then complete: 申請済 refused before 申請準備完了, the checklist's refusal,
/// the date's, and each move as Rust answers it.
#[tokio::test]
async fn recorded_subsidy_status_is_fresh() {
    use store::subsidy::{ApplicationStatus, DocumentKind, PurchaseInput, ReceiptInput};
    let statuses: Vec<Value> =
        ApplicationStatus::ALL.iter().map(|s| json!({ "status": s, "label": s.label(), "next": s.next() })).collect();
    let catalog = programs::catalog().expect("bundled data");
    let (_root, store) = new_store().await;
    let receipt = ReceiptInput {
        number: "A-1".into(),
        seller: "センター電機".into(),
        issued_on: "2025-11-20".into(),
        total: "4980".into(),
    };
    let id = store.save_receipt(None, &receipt, today(), "院長", now()).await.expect("receipt");
    let mut calls = Vec::new();
    let mut set = async |status: ApplicationStatus, on: Option<&str>| {
        let result = screens::subsidy::set_status(&store, &catalog, status, on, today(), now()).await;
        calls.push(json!({ "status": status, "on": on, "result": outcome(result) }));
    };
    set(ApplicationStatus::Applied, Some("2026-12-01")).await;
    set(ApplicationStatus::Ready, None).await;
    let line = PurchaseInput {
        item: "カードリーダー".into(),
        category: programs::purchases::ItemCategory::CardReader,
        maker_model: "ACR39".into(),
        quantity: "1".into(),
        unit_price: "4980".into(),
        bought_on: "2025-11-20".into(),
    };
    store.save_purchase(None, id, &line, today(), "院長", now()).await.expect("line");
    store.add_document(DocumentKind::Receipt, Some(id), "領収書.pdf", b"%PDF", 1, "院長", now()).await.expect("copy");
    store.add_document(DocumentKind::Passbook, None, "通帳.pdf", b"%PDF", 1, "院長", now()).await.expect("passbook");
    let all =
        programs::paperwork::PassbookVisible { bank: true, branch: true, kind: true, number: true, holder_kana: true };
    screens::subsidy::save_answers(&store, &catalog, false, all, now()).await.expect("answers");
    set(ApplicationStatus::Ready, None).await;
    set(ApplicationStatus::Applied, None).await;
    set(ApplicationStatus::Applied, Some("2026-12-01")).await;
    set(ApplicationStatus::Paid, Some("2026-12-02")).await;
    let overview =
        screens::subsidy::overview(&store, &catalog, &guide::BUNDLED, today()).await.expect("the screen's data");
    store.close().await;
    let recorded = json!({
        "today": today(),
        "statuses": statuses,
        "calls": calls,
        "applicationRules": overview.application_rules,
        "documentsLink": overview.documents_link,
    });
    check_fresh("subsidy.json", &recorded);
}

/// The 協力金 screen's words as Rust makes them, for the UI's fixture (`grantFixtures.ts`): the
/// program as the bundled data gives it on the recording day, the requirements judged on the
/// fixture's evidence (a 運用開始日 of 2025-06-01, お声がけ on two days inside the 対象期間, the
/// poster and the flyers only outside it, no answer yet on the payment date), the 対象期間's months
/// as they are named, and what the report needs. The fixture keeps only the counts as data.
#[tokio::test]
async fn recorded_grant_is_fresh() {
    let catalog = programs::catalog().expect("bundled data");
    let (_root, store) = new_store().await;
    let overview = screens::grant::overview(&store, &catalog, today()).await.expect("the screen's data");
    store.close().await;
    assert!(!overview.report_needs.is_empty(), "the bundled data says what the report needs");

    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
    let program = screens::grant::grant_program(&catalog).expect("the 協力金 in the data");
    let evidence = programs::grant::GrantEvidence {
        start_date: Some(d(2025, 6, 1)),
        poster: vec![(d(2025, 8, 1), Some(d(2025, 8, 31))), (d(2026, 11, 1), None)],
        flyers: vec![(d(2025, 8, 3), 12)],
        prompts: vec![(d(2025, 6, 2), 5), (d(2025, 7, 15), 2)],
        in_service: None,
    };
    let evaluation = programs::grant::evaluate(&program, &evidence).expect("a program with a period");
    assert!(!evaluation.all_met, "the fixture has a requirement not met");
    let months: Vec<String> = [d(2025, 5, 1), d(2025, 6, 1), d(2025, 7, 1)].map(jptext::format_year_month).to_vec();
    check_fresh(
        "grant.json",
        &json!({
            "program": overview.program,
            "dataAsOfText": overview.data_as_of_text,
            "evaluation": evaluation,
            "startDateText": jptext::format_date(d(2025, 6, 1)),
            "monthTexts": months,
            "reportNeeds": overview.report_needs,
            "today": today(),
        }),
    );
}

/// The 助成金 screen of a clinic registered separately for 柔整 and あはき, recorded for the UI's
/// tests of the choice (`subsidy-two.json`): the 柔整 application with one 領収書, then the screen
/// Rust answers when staff choose the あはき one.
#[tokio::test]
async fn recorded_subsidy_two_applications_are_fresh() {
    use store::subsidy::{Applicant, ReceiptInput};
    let catalog = programs::catalog().expect("bundled data");
    let (_root, store) = new_store().await;
    let profile = common::registered_twice();
    store.save_clinic_profile(&profile, "院長", now()).await.expect("profile");
    let receipt = ReceiptInput {
        number: "J-1".into(),
        seller: "センター電機".into(),
        issued_on: "2025-11-20".into(),
        total: "4980".into(),
    };
    store.save_receipt(None, &receipt, today(), "院長", now()).await.expect("領収書");
    let main = screens::subsidy::overview(&store, &catalog, &guide::BUNDLED, today()).await.expect("柔整");
    let second =
        screens::subsidy::choose_applicant(&store, &catalog, &guide::BUNDLED, Applicant::Second, today(), now())
            .await
            .expect("あはき");
    store.close().await;
    check_fresh("subsidy-two.json", &json!({ "main": main, "second": second }));
}

/// The 毎日の資格確認's card reads as Rust makes them, for the UI's fixture (`cardFixtures.ts`):
/// each デモ card checked on the recording day (the certificate's words, the tries, the commands
/// sent) and the 基本4情報 read with the right PIN, as the UI receives them.
#[test]
fn recorded_card_reads_are_fresh() {
    use card::service::DemoCard;
    use card::virtual_reader::{VIRTUAL_READER_NAME, VirtualReader};
    let reader_with = |demo: DemoCard| {
        let reader = VirtualReader::new();
        reader.insert(card::virtual_card::VirtualCard::new(demo.config(today())).expect("the virtual card"));
        reader
    };
    let mut checks = serde_json::Map::new();
    for (name, demo) in [
        ("valid", DemoCard::Valid),
        ("expiresSoon", DemoCard::ExpiresSoon),
        ("expired", DemoCard::Expired),
        ("lastTry", DemoCard::LastTry),
        ("blocked", DemoCard::Blocked),
    ] {
        let reader = reader_with(demo);
        let check = card::reader::run(&reader, VIRTUAL_READER_NAME, |t| card::jpki::check_card(t, today()))
            .expect("a My Number card is checked");
        checks.insert(name.into(), serde_json::to_value(check).expect("json"));
    }
    let reader = reader_with(DemoCard::Valid);
    let pin = card::pin::Pin::parse("1234").expect("a PIN");
    let basic4 = card::reader::run(&reader, VIRTUAL_READER_NAME, |t| card::jpki::read_basic4(t, pin)).expect("read");
    check_fresh(
        "card.json",
        &json!({
            "checks": checks,
            "basic4": card::basic4::Basic4View::from(&basic4),
            "today": today(),
        }),
    );
}

/// The 助成金 screen of a 柔整 clinic with two 領収書, recorded for the UI's fixture
/// (`subsidyFixtures.ts`): No.123 (○○電機) whose lines add up to its total (a reader not on the
/// known list, a tablet, a case to check) with its copy attached, and No.88 (△△ストア) whose one
/// line (a cable to check) does not. Every figure, judgement and word is Rust's.
#[tokio::test]
async fn recorded_subsidy_overview_is_fresh() {
    use programs::purchases::ItemCategory;
    use store::subsidy::{DocumentKind, PurchaseInput, ReceiptInput};
    let catalog = programs::catalog().expect("bundled data");
    let (_root, store) = new_store().await;
    let profile = store::clinic::ClinicProfileInput {
        name: "さくら整骨院".into(),
        kind: Some(store::clinic::ClinicKind::Judo),
        reg_no_judo: "契2804440-0-0".into(),
        reg_no_ahaki: String::new(),
        ..common::registered_twice()
    };
    store.save_clinic_profile(&profile, "院長", now()).await.expect("profile");
    let receipt = |number: &str, seller: &str, issued_on: &str, total: &str| ReceiptInput {
        number: number.into(),
        seller: seller.into(),
        issued_on: issued_on.into(),
        total: total.into(),
    };
    let line = |item: &str, category, model: &str, quantity: &str, price: &str, on: &str| PurchaseInput {
        item: item.into(),
        category,
        maker_model: model.into(),
        quantity: quantity.into(),
        unit_price: price.into(),
        bought_on: on.into(),
    };
    let no123 = receipt("123", "○○電機", "2025-11-01", "45100");
    let first = store.save_receipt(None, &no123, today(), "院長", now()).await.expect("No.123");
    for l in [
        line("ICカードリーダー", ItemCategory::CardReader, "ZX-9000", "1", "9900", "2025-11-01"),
        line("タブレット", ItemCategory::Tablet, "Tab A 10", "1", "33000", "2025-11-01"),
        line("タブレットケース", ItemCategory::Other, "", "2", "1100", "2025-11-01"),
    ] {
        store.save_purchase(None, first, &l, today(), "院長", now()).await.expect("line");
    }
    // The copy as the store keeps it: a PDF (its drawing is the forms crate's business).
    let pdf = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
    store.add_document(DocumentKind::Receipt, Some(first), "IMG_0012.jpg", pdf, 1, "院長", now()).await.expect("copy");
    let no88 = receipt("88", "△△ストア", "2025-11-10", "5500");
    let second = store.save_receipt(None, &no88, today(), "院長", now()).await.expect("No.88");
    let cable = line("USBケーブル", ItemCategory::Other, "", "1", "1100", "2025-11-10");
    store.save_purchase(None, second, &cable, today(), "院長", now()).await.expect("line");
    let overview = screens::subsidy::overview(&store, &catalog, &guide::BUNDLED, today()).await.expect("overview");
    // The upload set written to a folder, and how a file past the portal's size is judged.
    let sources = screens::subsidy::upload_sources(&store, &catalog, today()).await.expect("sources");
    let files = screens::subsidy::upload_files(sources, made()).expect("files");
    let desktop = tempfile::tempdir().expect("tempdir");
    let mut set = screens::subsidy::write_upload_set(files, desktop.path()).expect("written");
    store.close().await;
    // The folder as a clinic's Windows PC shows it (the test's temporary folder says nothing).
    let windows = |path: &str| {
        path.replace(&desktop.path().display().to_string(), r"C:\Users\山田 太郎\Desktop").replace('/', r"\")
    };
    set.folder = windows(&set.folder);
    set.zip = windows(&set.zip);
    let program = screens::subsidy::subsidy_program(&catalog).expect("the 助成金");
    let rules = screens::subsidy::upload_rules(&program);
    let too_large = forms::upload::UploadFile {
        name: "03_通帳の写し.pdf".into(),
        bytes: vec![b' '; rules.max_file_bytes as usize + 1],
    };
    let too_large = forms::upload::check_file(&rules, &too_large);
    assert!(!too_large.ok, "a file past the limit is refused");
    check_fresh(
        "subsidy-overview.json",
        &json!({ "overview": overview, "uploadSet": set, "tooLargeCheck": too_large }),
    );
}
