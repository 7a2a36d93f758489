//! What the app holds while it runs: where its data lives (an argument, then the environment), the
//! デモ mode asked for, and デモ records kept apart from the clinic's.

use std::path::PathBuf;

use card::service::CardService;
use onshi_navi_lib::error::AppError;
use onshi_navi_lib::state::{AppState, Paths};
use screens::startup::{data_dir_override, demo_requested};
use store::Store;

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn data_dir_comes_from_args_then_env() {
    assert_eq!(
        data_dir_override(&args(&["app", "--data-dir", "C:\\Users\\山田 太郎\\d"]), None),
        Some(PathBuf::from("C:\\Users\\山田 太郎\\d"))
    );
    assert_eq!(data_dir_override(&args(&["app", "--data-dir=/tmp/x"]), Some("/e".into())), Some("/tmp/x".into()));
    assert_eq!(data_dir_override(&args(&["app"]), Some("/e".into())), Some("/e".into()));
    assert_eq!(data_dir_override(&args(&["app"]), Some(" ".into())), None);
    assert_eq!(data_dir_override(&args(&["app", "--data-dir"]), None), None);
}

/// What a デモ card leads to (a check logged from its read) lands in the デモ database; the
/// clinic's database, its counts and lists, never see it. A check typed by staff stays the
/// clinic's own, whatever the mode.
#[test]
fn demo_records_never_reach_the_clinics_data() {
    tauri::async_runtime::block_on(async {
        let dir = tempfile::tempdir().expect("tempdir");
        let paths = Paths { data_dir: dir.path().to_path_buf(), log_dir: dir.path().join("logs"), overridden: true };
        let store = Store::open_in(dir.path()).await.map_err(AppError::from);
        let service = CardService::start(true, |_| {});
        let state = AppState::new(store, service, paths).expect("bundled program data");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");

        let (_, demo) = state.store_for(true).await.expect("store");
        assert!(!demo, "nothing read yet: the clinic's store");
        state
            .with_card(move |s| {
                s.demo_insert(card::service::DemoCard::Valid, today)?;
                Ok(s.check(None, today)?)
            })
            .await
            .expect("demo read");
        let input = |source| store::checks::CheckInput {
            method: if source == store::checks::CheckSource::CardRead {
                store::checks::CheckMethod::MyNumberCard
            } else {
                store::checks::CheckMethod::EligibilityCertificate
            },
            result: store::checks::CheckResult::Ok,
            source,
            cert_expires_on: None,
            note: String::new(),
        };
        let (target, demo) = state.store_for(true).await.expect("store");
        assert!(demo, "a check from a デモ card's read goes to the デモ database");
        target
            .log_check(
                &input(store::checks::CheckSource::CardRead),
                "テスト",
                onshi_navi_lib::clock::now(),
                today,
                &guide::BUNDLED,
            )
            .await
            .expect("logged");
        let (target, demo) = state.store_for(false).await.expect("store");
        assert!(!demo, "what staff type is the clinic's own");
        target
            .log_check(
                &input(store::checks::CheckSource::Staff),
                "テスト",
                onshi_navi_lib::clock::now(),
                today,
                &guide::BUNDLED,
            )
            .await
            .expect("logged");

        let clinic = state.store().expect("store");
        assert_eq!(clinic.checks_on(today).await.expect("list").len(), 1);
        assert_eq!(clinic.check_counts_on(today).await.expect("counts").my_number_card, 0);
        let demo_store = state.demo_store_if_open().expect("demo store opened");
        assert_eq!(demo_store.checks_on(today).await.expect("list").len(), 1);
        assert_ne!(demo_store.path(), clinic.path());
    });
}

#[test]
fn demo_comes_from_a_flag_or_env() {
    assert!(demo_requested(&args(&["app", "--demo"]), None));
    assert!(demo_requested(&args(&["app"]), Some("1".into())));
    assert!(!demo_requested(&args(&["app"]), Some("0".into())));
    assert!(!demo_requested(&args(&["app"]), None));
}
