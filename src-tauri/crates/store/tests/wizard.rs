//! The 導入ガイド wizard's records against a real SQLite file: step states with their dates, the
//! values of a step's inputs, the terminal accounts, their audit rows, and the move from the
//! first guide's tick list.

use std::borrow::Cow;

use chrono::{DateTime, TimeZone, Utc};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use store::wizard::{StepState, TerminalInput, validate_terminal};
use store::{Store, StoreError};

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, hour, 0, 0).single().expect("valid time")
}

fn step_title(id: &str) -> Option<String> {
    match id {
        "portal_user" => Some("ポータルサイトにユーザー登録する".to_string()),
        "terminal_accounts" => Some("端末のアカウントを登録する".to_string()),
        _ => None,
    }
}

async fn fresh(root: &tempfile::TempDir) -> Store {
    Store::open_in(&root.path().join("オン資ナビ")).await.expect("open")
}

fn issues(e: StoreError) -> Vec<(String, String)> {
    e.field_issues().iter().map(|i| (i.field.clone(), i.message.clone())).collect()
}

#[tokio::test]
async fn a_step_goes_from_begun_to_done_and_back_keeping_its_first_date() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = fresh(&root).await;
    store
        .set_wizard_step("portal_user", Some(StepState::InProgress), "院長", at(9), at(9).date_naive())
        .await
        .expect("begin");
    store
        .set_wizard_step("portal_user", Some(StepState::InProgress), "院長", at(10), at(10).date_naive())
        .await
        .expect("again: nothing");
    let e = store
        .set_wizard_step("portal_user", Some(StepState::Done), "院長", at(11), at(11).date_naive())
        .await
        .expect_err("完了 waits for the step's answers");
    let fields: Vec<String> = issues(e).into_iter().map(|(field, _)| field).collect();
    assert_eq!(fields, ["reg_no_judo", "reg_no_ahaki", "registered_on", "confirmation_mail"]);
    for (key, value) in
        [("reg_no_judo", "協1301234-1-2"), ("registered_on", "2026-12-01"), ("confirmation_mail", "yes")]
    {
        store.set_wizard_value("portal_user", key, value, "院長", at(10)).await.expect("answer");
    }
    let future = store
        .set_wizard_step(
            "portal_user",
            Some(StepState::Done),
            "院長",
            at(11),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"),
        )
        .await
        .expect_err("a 申請日 after today blocks it");
    assert_eq!(issues(future)[0].0, "registered_on");
    store
        .set_wizard_step("portal_user", Some(StepState::Done), "院長", at(11), at(11).date_naive())
        .await
        .expect("done");
    let steps = store.wizard_steps().await.expect("steps");
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].state, StepState::Done);
    assert_eq!(steps[0].started_at, "2026-12-02T09:00:00Z");
    assert_eq!(steps[0].done_at.as_deref(), Some("2026-12-02T11:00:00Z"));

    store
        .set_wizard_step("portal_user", Some(StepState::InProgress), "院長", at(12), at(12).date_naive())
        .await
        .expect("reopen");
    let steps = store.wizard_steps().await.expect("steps");
    assert_eq!((steps[0].state, steps[0].done_at.clone()), (StepState::InProgress, None));
    store.set_wizard_step("portal_user", None, "院長", at(13), at(13).date_naive()).await.expect("未着手");
    assert!(store.wizard_steps().await.expect("steps").is_empty());

    let log = store.audit_log(10, step_title).await.expect("log");
    let rows: Vec<(&str, &str)> =
        log.iter().rev().map(|e| (e.action_label.as_str(), e.detail_label.as_str())).collect();
    assert_eq!(
        rows,
        [
            ("始めた", "手順「ポータルサイトにユーザー登録する」"),
            ("登録", "手順「ポータルサイトにユーザー登録する」の入力"),
            ("登録", "手順「ポータルサイトにユーザー登録する」の入力"),
            ("登録", "手順「ポータルサイトにユーザー登録する」の入力"),
            ("完了にした", "手順「ポータルサイトにユーザー登録する」"),
            ("未完了に戻した", "手順「ポータルサイトにユーザー登録する」"),
            ("未完了に戻した", "手順「ポータルサイトにユーザー登録する」"),
        ]
    );
}

#[tokio::test]
async fn a_value_begins_its_step_and_its_audit_row_never_holds_the_value() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = fresh(&root).await;
    let saved = store
        .set_wizard_value("standing", "exemption_reason", "　院長が高齢のため ", "院長", at(9))
        .await
        .expect("save");
    assert_eq!(saved.as_deref(), Some("院長が高齢のため"));
    store.set_wizard_value("standing", "exemption_reason", "院長が高齢のため", "院長", at(10)).await.expect("same");
    let values = store.wizard_values().await.expect("values");
    assert_eq!(values.len(), 1);
    assert_eq!((values[0].value.as_str(), values[0].updated_at.as_str()), ("院長が高齢のため", "2026-12-02T09:00:00Z"));
    let steps = store.wizard_steps().await.expect("steps");
    assert_eq!((steps[0].step.as_str(), steps[0].state), ("standing", StepState::InProgress));

    // Emptied: the value goes, the step stays begun.
    assert_eq!(
        store.set_wizard_value("standing", "exemption_reason", "  ", "院長", at(11)).await.expect("empty"),
        None
    );
    assert!(store.wizard_values().await.expect("values").is_empty());
    assert_eq!(store.wizard_steps().await.expect("steps").len(), 1);

    let log = store.audit_log(10, step_title).await.expect("log");
    let actions: Vec<&str> = log.iter().rev().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["create", "delete"]);
    for entry in &log {
        assert!(!entry.detail.contains("高齢"), "the value stays out of the log: {}", entry.detail);
        assert_eq!(entry.entity_label, "導入ガイドの記録");
        assert_eq!(entry.detail_label, "不明な手順(standing)の入力");
    }
}

#[tokio::test]
async fn a_value_with_a_forbidden_character_or_too_long_is_refused_and_nothing_is_written() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = fresh(&root).await;
    let e = store
        .set_wizard_value("standing", "exemption_reason", "理由\u{202e}txt", "院長", at(9))
        .await
        .expect_err("refused");
    assert_eq!(issues(e)[0].0, "exemption_reason");
    let long = "あ".repeat(store::wizard::MAX_VALUE_CHARS + 1);
    let e = store.set_wizard_value("standing", "exemption_reason", &long, "院長", at(9)).await.expect_err("refused");
    assert_eq!(issues(e), [("exemption_reason".to_string(), "400文字以内で入力してください".to_string())]);
    assert!(store.wizard_values().await.expect("values").is_empty());
    assert!(store.wizard_steps().await.expect("steps").is_empty());
    assert!(store.audit_log(10, step_title).await.expect("log").is_empty());
}

#[test]
fn terminal_account_ids_are_w_and_seven_digits_full_width_accepted() {
    let t = |account: &str, device: &str| TerminalInput {
        account: account.into(),
        device: device.into(),
        settings_pdf_checked: false,
    };
    let ok = |account: &str| validate_terminal(&t(account, "受付のパソコン")).map(|v| v.account);
    assert_eq!(ok("W0000001").as_deref(), Ok("W0000001"));
    assert_eq!(ok("w0000002").as_deref(), Ok("W0000002"));
    assert_eq!(ok("Ｗ００００００３").as_deref(), Ok("W0000003"));
    assert_eq!(ok(" W0000004 ").as_deref(), Ok("W0000004"));
    for bad in ["W000001", "W00000001", "X0000001", "W000000A", "0000001"] {
        let e = validate_terminal(&t(bad, "受付のパソコン")).expect_err("refused");
        assert_eq!(e[0].field, "account", "{bad}");
        assert!(e[0].message.contains("W と数字7桁"), "{bad}: {}", e[0].message);
    }
    let e = validate_terminal(&t("", "")).expect_err("refused");
    let fields: Vec<&str> = e.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(fields, ["account", "device"]);
    // A device name is free text: its 「ー」 is never folded.
    assert_eq!(validate_terminal(&t("W0000001", "センターのタブレット")).expect("ok").device, "センターのタブレット");
}

#[tokio::test]
async fn terminals_are_added_changed_and_removed_one_account_each() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = fresh(&root).await;
    let input = |account: &str, device: &str, pdf: bool| TerminalInput {
        account: account.into(),
        device: device.into(),
        settings_pdf_checked: pdf,
    };
    let pc = store.save_terminal(None, &input("w0000001", "受付のパソコン", false), "院長", at(9)).await.expect("add");
    let phone = store
        .save_terminal(None, &input("W0000002", "往療用のスマートフォン", true), "院長", at(9))
        .await
        .expect("add");
    let e = store.save_terminal(None, &input("W0000001", "予備", false), "院長", at(10)).await.expect_err("refused");
    assert_eq!(issues(e), [("account".to_string(), "W0000001 はもう登録されています".to_string())]);
    let e = store
        .save_terminal(Some(phone.id), &input("W0000001", "往療用", true), "院長", at(10))
        .await
        .expect_err("refused");
    assert_eq!(issues(e)[0].0, "account");

    store
        .save_terminal(Some(pc.id), &input("W0000001", "受付のパソコン", true), "院長", at(11))
        .await
        .expect("checked");
    let list = store.terminals().await.expect("list");
    assert_eq!(
        list.iter().map(|t| (t.account.as_str(), t.settings_pdf_checked)).collect::<Vec<_>>(),
        [("W0000001", true), ("W0000002", true)]
    );

    store.delete_terminal(phone.id, "院長", at(12)).await.expect("delete");
    store.delete_terminal(phone.id, "院長", at(12)).await.expect("already gone: nothing");
    let e = store
        .save_terminal(Some(phone.id), &input("W0000002", "往療用", true), "院長", at(13))
        .await
        .expect_err("refused");
    assert!(issues(e)[0].1.contains("削除されています"));
    assert_eq!(store.terminals().await.expect("list").len(), 1);

    let log = store.audit_log(10, step_title).await.expect("log");
    let rows: Vec<(&str, &str)> = log.iter().rev().map(|e| (e.action.as_str(), e.detail_label.as_str())).collect();
    assert_eq!(
        rows,
        [
            ("create", "アカウント W0000001"),
            ("start", "手順「端末のアカウントを登録する」"),
            ("create", "アカウント W0000002"),
            ("update", "アカウント W0000001"),
            ("delete", "アカウント W0000002")
        ]
    );
    assert!(log.iter().all(|e| e.entity_label == "端末" || e.action == "start"), "and the step they begin");
}

/// A database as the version before the wizard left it: its migrations up to the tick list, with
/// ticks in it; then the app of this version opens it.
#[tokio::test]
async fn the_first_guides_ticks_become_step_states() {
    let root = tempfile::tempdir().expect("tempdir");
    let path = root.path().join("onshi-navi.sqlite3");
    {
        let mut old = sqlx::migrate!("./migrations");
        old.migrations = Cow::Owned(old.migrations.iter().filter(|m| m.version < 20261202000001).cloned().collect());
        let mut conn =
            SqliteConnectOptions::new().filename(&path).create_if_missing(true).connect().await.expect("connect");
        old.run(&mut conn).await.expect("old migrations");
        for (step, day) in [
            ("portal_user", "2026-11-01T09:00:00Z"),
            ("app_apply", "2026-11-02T09:00:00Z"),
            ("go_live", "2026-11-05T09:00:00Z"),
        ] {
            sqlx::query("INSERT INTO setup_progress (step, done_at) VALUES (?, ?)")
                .bind(step)
                .bind(day)
                .execute(&mut conn)
                .await
                .expect("tick");
        }
        conn.close().await.expect("close");
    }
    let store = Store::open_file(&path).await.expect("upgrade");
    let steps = store.wizard_steps().await.expect("steps");
    let got: Vec<(&str, StepState, Option<&str>)> =
        steps.iter().map(|s| (s.step.as_str(), s.state, s.done_at.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("portal_user", StepState::Done, Some("2026-11-01T09:00:00Z")),
            ("app_apply", StepState::Done, Some("2026-11-02T09:00:00Z")),
            // 業務スタート alone was ticked: 運用開始日 is begun, not done, and the tick is kept.
            ("start_date", StepState::InProgress, None),
        ]
    );
    let values = store.wizard_values().await.expect("values");
    assert_eq!(
        values.iter().map(|v| (v.step.as_str(), v.key.as_str(), v.value.as_str())).collect::<Vec<_>>(),
        [("start_date", "go_live", "yes")]
    );
}
