//! The 導入ガイド screen's use cases against a temp store, for the states the UI's tests show: a
//! new clinic, the phone route, a step refused 完了 until its answers are in and then 完了 with
//! its day, answers checked by kind, the first terminal beginning its step, an unknown step.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use guide::{StepState, StepStatus};
use screens::wizard;
use store::Store;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 3, 0, 0).single().expect("time")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 6).expect("date")
}

/// A board with no program on it (the wizard's steps then relate to none).
fn no_programs() -> programs::ProgramBoard {
    programs::ProgramBoard { as_of_text: String::new(), programs: Vec::new() }
}

async fn clinic(root: &tempfile::TempDir) -> Store {
    Store::open_in(&root.path().join("data")).await.expect("open")
}

fn status_of(overview: &wizard::WizardOverview, id: &str) -> StepStatus {
    overview.steps.iter().find(|s| s.id == id).expect("a step").status
}

#[tokio::test]
async fn a_new_clinic_starts_at_the_first_step_with_the_deadline_in_view() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = clinic(&root).await;
    let o = wizard::overview(&store, &guide::BUNDLED, today()).await.expect("overview");
    assert_eq!((o.route, o.progress.done, o.progress.applicable), (None, 0, 11));
    assert_eq!(o.resume.as_deref(), Some("standing"));
    assert!(o.steps.iter().all(|s| s.status == StepStatus::NotStarted && s.done_on_text.is_none()));
    assert_eq!(o.timeline.status, guide::TimelineStatus::Applies);
}

#[tokio::test]
async fn on_the_phone_route_the_pc_steps_do_not_apply_and_titles_follow_the_route() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = clinic(&root).await;
    wizard::save_answer(&store, "connection", "route", "mobile", now(), today()).await.expect("route");
    let o = wizard::overview(&store, &guide::BUNDLED, today()).await.expect("overview");
    assert_eq!(o.route, Some(guide::Route::Mobile));
    assert_eq!(status_of(&o, "pc_check"), StepStatus::NotApplicable);
    assert!(o.progress.applicable < 11, "{:?}", o.progress);
    let reader = o.steps.iter().find(|s| s.id == "card_reader").expect("step 6");
    assert!(reader.title.contains("スマートフォン・タブレット"), "{}", reader.title);
    assert_eq!(wizard::reads_with(&store).await.expect("reads"), guide::answers::ReadsWith::Smartphone);
}

#[tokio::test]
async fn a_step_is_refused_done_until_its_answers_are_in_then_done_with_its_day() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = clinic(&root).await;
    let e = wizard::set_step_state(&store, "portal_user", StepState::Done, now(), today()).await.expect_err("empty");
    let issues = e.field_issues().to_vec();
    assert!(!issues.is_empty(), "{e:?}");
    assert!(issues.iter().any(|i| i.field == "registered_on" && i.message.contains("入力してください")));
    let detail =
        wizard::step_detail(&store, &guide::BUNDLED, &no_programs(), "portal_user", today()).await.expect("detail");
    assert_eq!(detail.missing.len(), issues.len(), "the screen lists what the refusal names");

    for (key, value) in
        [("reg_no_judo", "協1301234-1-2"), ("registered_on", "令和8年12月1日"), ("confirmation_mail", "yes")]
    {
        wizard::save_answer(&store, "portal_user", key, value, now(), today()).await.expect(key);
    }
    wizard::set_step_state(&store, "portal_user", StepState::Done, now(), today()).await.expect("done");
    let o = wizard::overview(&store, &guide::BUNDLED, today()).await.expect("overview");
    let step = o.steps.iter().find(|s| s.id == "portal_user").expect("step 1");
    assert_eq!((step.status, step.done_on_text.as_deref()), (StepStatus::Done, Some("令和8年12月6日 (2026-12-06)")));
    let list = wizard::checklist(&store, &guide::BUNDLED, today()).await.expect("checklist");
    assert_eq!((list.rows[1].state.as_str(), list.rows[1].note.as_deref()), ("完了", None));
    // A step not finished says on the sheet what is left, as its page does.
    let app_apply = list.rows.iter().find(|r| r.number == 2).expect("step 2");
    assert_eq!(app_apply.note.as_deref(), Some("利用開始申請をした日を入力してください ほか1件"));
}

#[tokio::test]
async fn answers_are_checked_by_their_kind_and_the_step() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = clinic(&root).await;
    let unknown = wizard::save_answer(&store, "no_such_step", "x", "1", now(), today()).await.expect_err("unknown");
    assert!(matches!(unknown, screens::Error::UnknownStep(ref id) if id == "no_such_step"), "{unknown:?}");
    let key = wizard::save_answer(&store, "portal_user", "no_such_key", "1", now(), today()).await.expect_err("key");
    assert!(key.to_string().contains("入力内容を確認してください"), "{key}");
    let future = wizard::save_answer(&store, "portal_user", "registered_on", "2026-12-31", now(), today())
        .await
        .expect_err("a day ahead is not a day something was done");
    assert_eq!(future.field_issues()[0].field, "registered_on");
    let saved = wizard::save_answer(&store, "portal_user", "registered_on", "２０２６－１２－０１", now(), today())
        .await
        .expect("full-width digits are folded");
    assert_eq!(saved.value, "2026-12-01");
    let removed =
        wizard::save_answer(&store, "portal_user", "registered_on", "", now(), today()).await.expect("removed");
    assert_eq!(removed.value, "");
}

#[tokio::test]
async fn the_first_terminal_begins_its_step() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = clinic(&root).await;
    let input = store::wizard::TerminalInput {
        account: "W0000001".into(),
        device: "受付のパソコン".into(),
        settings_pdf_checked: false,
    };
    wizard::save_terminal(&store, None, &input, now()).await.expect("saved");
    let o = wizard::overview(&store, &guide::BUNDLED, today()).await.expect("overview");
    assert_eq!(status_of(&o, "terminal_accounts"), StepStatus::InProgress);
    let detail = wizard::step_detail(&store, &guide::BUNDLED, &no_programs(), "terminal_accounts", today())
        .await
        .expect("detail");
    assert_eq!(detail.terminals.len(), 1);
}
