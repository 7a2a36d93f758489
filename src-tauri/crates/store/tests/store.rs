//! The store against a real SQLite file in a temporary folder (a Japanese-named one, as on a
//! clinic PC whose user is 山田太郎).

use chrono::{DateTime, TimeZone, Utc};
use store::clinic::{ClinicKind, ClinicProfileInput};
use store::{Store, StoreError};

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, hour, 0, 0).single().expect("valid time")
}

fn data_dir(root: &tempfile::TempDir) -> std::path::PathBuf {
    root.path().join("山田 太郎").join("オン資ナビ")
}

fn input() -> ClinicProfileInput {
    ClinicProfileInput {
        name: "さくら整骨院".into(),
        kind: Some(ClinicKind::Both),
        reg_no_judo: "協１３０１２３４－１－２".into(),
        reg_no_ahaki: "1234567".into(),
        postal_code: "１００－０００１".into(),
        address: "東京都千代田区千代田1-1".into(),
        phone: "03-1234-5678".into(),
        owner_name: "山田 太郎".into(),
    }
}

#[tokio::test]
async fn migrates_an_empty_folder_and_reopens_it() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = data_dir(&root);
    let store = Store::open_in(&dir).await.expect("open new");
    assert!(store.path().ends_with(store::DATABASE_FILE));
    assert_eq!(store.clinic_profile().await.expect("read"), None);
    assert!(store.audit_log(10).await.expect("log").is_empty());
    store.close().await;

    let again = Store::open_in(&dir).await.expect("reopen migrated");
    assert_eq!(again.clinic_profile().await.expect("read"), None);
}

#[tokio::test]
async fn profile_round_trips_across_a_restart_with_its_audit_rows() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = data_dir(&root);
    let store = Store::open_in(&dir).await.expect("open");
    let saved = store.save_clinic_profile(&input(), "受付 佐藤", at(9)).await.expect("save");
    assert!(saved.warnings.is_empty(), "{:?}", saved.warnings);
    assert_eq!(saved.profile.reg_no_judo.as_deref(), Some("協130123412"));
    assert_eq!(saved.profile.postal_code, "1000001");
    assert_eq!(saved.profile.updated_at, "2026-11-27T09:00:00Z");

    let changed = ClinicProfileInput { phone: "03-9999-0000".into(), ..input() };
    store.save_clinic_profile(&changed, "受付 佐藤", at(10)).await.expect("update");
    store.close().await;

    let store = Store::open_in(&dir).await.expect("reopen");
    let profile = store.clinic_profile().await.expect("read").expect("saved before");
    assert_eq!(profile.phone, "03-9999-0000");
    assert_eq!(profile.name, "さくら整骨院");
    assert_eq!(profile.kind, ClinicKind::Both);
    assert_eq!(profile.reg_no_judo.as_deref(), Some("協130123412"), "the portal's form");
    assert_eq!(profile.reg_no_judo_typed.as_deref(), Some("協1301234-1-2"), "as typed, for printing");
    assert_eq!(profile.reg_no_ahaki_typed.as_deref(), Some("1234567"));

    let log = store.audit_log(10).await.expect("log");
    assert_eq!(log.len(), 2);
    assert_eq!((log[0].action.as_str(), log[0].entity.as_str()), ("update", "clinic_profile"));
    assert_eq!(log[0].detail, r#"{"changed":["phone"]}"#);
    assert_eq!(log[0].actor, "受付 佐藤");
    assert_eq!(log[1].action, "create");
}

#[tokio::test]
async fn a_refused_profile_writes_nothing() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&data_dir(&root)).await.expect("open");
    store.save_clinic_profile(&input(), "a", at(9)).await.expect("first save");

    let bad = ClinicProfileInput { postal_code: "12-345".into(), name: "別の名前".into(), ..input() };
    let err = store.save_clinic_profile(&bad, "a", at(10)).await.expect_err("refused");
    assert_eq!(err.code(), "Validation");
    assert_eq!(err.field_issues().len(), 1);
    assert_eq!(err.field_issues()[0].field, "postalCode");

    let kept = store.clinic_profile().await.expect("read").expect("present");
    assert_eq!(kept.name, "さくら整骨院", "nothing saved half");
    assert_eq!(store.audit_log(10).await.expect("log").len(), 1);
}

#[tokio::test]
async fn refuses_a_database_from_a_newer_version() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = data_dir(&root);
    let store = Store::open_in(&dir).await.expect("open");
    store.close().await;
    {
        // A later version of the app applied a migration this one does not know.
        let path = dir.join(store::DATABASE_FILE);
        let pool = sqlx::SqlitePool::connect(&format!("sqlite:{}", path.display())).await.expect("raw open");
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
             VALUES (99991231000000, 'future', 1, x'00', 0)",
        )
        .execute(&pool)
        .await
        .expect("insert future migration");
        pool.close().await;
    }
    match Store::open_in(&dir).await {
        Err(err @ StoreError::DatabaseTooNew(99991231000000)) => {
            assert_eq!(err.code(), "DatabaseTooNew");
            assert!(err.to_string().contains("最新版"));
        }
        other => panic!("expected DatabaseTooNew, got {other:?}"),
    }
}

#[tokio::test]
async fn settings_and_setup_progress_persist() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&data_dir(&root)).await.expect("open");
    assert_eq!(store.actor().await.expect("actor"), store::settings::DEFAULT_ACTOR);
    store.set_setting(store::settings::STAFF_NAME, "院長", "system", at(8)).await.expect("set");
    assert_eq!(store.actor().await.expect("actor"), "院長");

    store.set_setup_step_done("portal_user", true, "院長", at(9)).await.expect("done");
    store.set_setup_step_done("portal_user", true, "院長", at(10)).await.expect("done twice is fine");
    store.set_setup_step_done("app_apply", true, "院長", at(11)).await.expect("done");
    assert_eq!(store.finished_setup_steps().await.expect("steps"), ["portal_user", "app_apply"]);
    store.set_setup_step_done("portal_user", false, "院長", at(12)).await.expect("reopen");
    assert_eq!(store.finished_setup_steps().await.expect("steps"), ["app_apply"]);

    let counts = store.check_counts_on(at(9).date_naive()).await.expect("counts");
    assert_eq!(counts.total, 0);
}

#[tokio::test]
async fn a_folder_that_cannot_be_created_is_a_typed_error() {
    let root = tempfile::tempdir().expect("tempdir");
    let file = root.path().join("not-a-folder");
    std::fs::write(&file, b"x").expect("write");
    let err = Store::open_in(&file.join("sub")).await.expect_err("cannot create under a file");
    assert_eq!(err.code(), "DataDir");
}

#[tokio::test]
async fn checks_are_logged_listed_and_counted() {
    use store::checks::{CheckInput, CheckMethod, CheckResult, CheckSource};
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&data_dir(&root)).await.expect("open");
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
    let card = CheckInput {
        method: CheckMethod::MyNumberCard,
        result: CheckResult::Ok,
        source: CheckSource::CardRead,
        cert_expires_on: chrono::NaiveDate::from_ymd_opt(2029, 3, 31),
        note: "".into(),
    };
    let paper = CheckInput {
        method: CheckMethod::EligibilityCertificate,
        source: CheckSource::Staff,
        cert_expires_on: None,
        note: "資格確認書を目視".into(),
        ..card.clone()
    };
    store.log_check(&card, "受付", at(9), day).await.expect("log");
    store.log_check(&card, "受付", at(10), day).await.expect("log");
    store.log_check(&paper, "受付", at(11), day).await.expect("log");
    store.log_check(&card, "受付", at(9), day.pred_opt().expect("yesterday")).await.expect("log");

    let today = store.checks_on(day).await.expect("list");
    assert_eq!(today.len(), 3);
    assert_eq!(today[0].method, CheckMethod::EligibilityCertificate, "newest first");
    assert_eq!(today[1].cert_expires_on, chrono::NaiveDate::from_ymd_opt(2029, 3, 31));
    let counts = store.check_counts_on(day).await.expect("counts");
    assert_eq!((counts.total, counts.my_number_card, counts.rate_percent), (3, 2, 67));
    let month = store
        .check_counts_between(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("d"),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("d"),
        )
        .await
        .expect("month");
    assert_eq!((month.total, month.my_number_card), (4, 3));

    let with_number = CheckInput { note: "1234-5678-9012".into(), ..paper };
    let err = store.log_check(&with_number, "受付", at(12), day).await.expect_err("refused");
    assert_eq!(err.code(), "Validation");
    assert_eq!(store.checks_on(day).await.expect("list").len(), 3, "nothing saved");
}

#[tokio::test]
async fn a_patient_read_twice_is_registered_once() {
    use store::patients::{PatientInput, PatientSex, PatientSource};
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&data_dir(&root)).await.expect("open");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
    let input = PatientInput {
        name: "見本　花子".into(),
        address: "東京都千代田区霞が関1-2-2".into(),
        birth_date: chrono::NaiveDate::from_ymd_opt(1980, 4, 1).expect("date"),
        sex: PatientSex::Female,
        source: PatientSource::Card,
    };
    let first = store.register_patient(&input, "受付", at(9), today).await.expect("register");
    assert!(first.created);
    assert_eq!(first.patient.name, "見本　花子", "kept as read from the card");
    let moved = PatientInput { address: "大阪府大阪市北区1-1".into(), ..input.clone() };
    let second = store.register_patient(&moved, "受付", at(10), today).await.expect("update");
    assert!(!second.created);
    assert_eq!(second.patient.id, first.patient.id);
    let list = store.recent_patients(10).await.expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].address, "大阪府大阪市北区1-1");

    let future = PatientInput { birth_date: chrono::NaiveDate::from_ymd_opt(2030, 1, 1).expect("date"), ..input };
    let err = store.register_patient(&future, "受付", at(11), today).await.expect_err("refused");
    assert_eq!(err.field_issues()[0].field, "birthDate");
}

/// Free text is stored as typed: the long-vowel mark `ー` is a letter, never a hyphen (it used to
/// come back as `センタ-整骨院`).
#[tokio::test]
async fn names_with_long_vowels_read_back_unchanged() {
    use store::patients::{PatientInput, PatientSex, PatientSource};
    let root = tempfile::tempdir().expect("tempdir");
    let dir = data_dir(&root);
    let store = Store::open_in(&dir).await.expect("open");
    let clinic = ClinicProfileInput {
        name: "センター整骨院".into(),
        address: "東京都千代田区千代田１－１ センタービル".into(),
        owner_name: "ヤマダ　タロー".into(),
        phone: "０３ー１２３４ー５６７８".into(),
        ..input()
    };
    store.save_clinic_profile(&clinic, "受付", at(9)).await.expect("save");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
    let patient = PatientInput {
        name: "ターナー".into(),
        address: "大阪府大阪市北区梅田１－１－１ ｾﾝﾀｰﾋﾞﾙ".into(),
        birth_date: chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("date"),
        sex: PatientSex::Male,
        source: PatientSource::Staff,
    };
    store.register_patient(&patient, "受付", at(10), today).await.expect("register");
    store.close().await;

    let store = Store::open_in(&dir).await.expect("reopen");
    let profile = store.clinic_profile().await.expect("read").expect("saved");
    assert_eq!(profile.name, "センター整骨院");
    assert_eq!(profile.address, "東京都千代田区千代田１－１ センタービル");
    assert_eq!(profile.owner_name, "ヤマダ　タロー");
    assert_eq!(profile.phone, "03-1234-5678", "a digit field folds its dashes");
    let list = store.recent_patients(10).await.expect("list");
    assert_eq!(list[0].name, "ターナー");
    assert_eq!(list[0].address, "大阪府大阪市北区梅田１－１－１ ｾﾝﾀｰﾋﾞﾙ");
}

#[tokio::test]
async fn a_note_keeps_its_text_and_full_width_my_numbers_are_still_refused() {
    use store::checks::{CheckInput, CheckMethod, CheckResult, CheckSource};
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&data_dir(&root)).await.expect("open");
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
    let input = CheckInput {
        method: CheckMethod::EligibilityCertificate,
        result: CheckResult::Ok,
        source: CheckSource::Staff,
        cert_expires_on: None,
        note: " カードリーダー不調のため資格確認書で確認 ".into(),
    };
    let saved = store.log_check(&input, "受付", at(9), day).await.expect("log");
    assert_eq!(saved.note, "カードリーダー不調のため資格確認書で確認");
    assert_eq!(store.checks_on(day).await.expect("list")[0].note, "カードリーダー不調のため資格確認書で確認");

    for hidden in ["１２３４ー５６７８ー９０１２", "１２３４５６７８９０１２", "1234ｰ5678ｰ9012"]
    {
        let with_number = CheckInput { note: hidden.into(), ..input.clone() };
        let err = store.log_check(&with_number, "受付", at(10), day).await.expect_err(hidden);
        assert_eq!(err.field_issues()[0].field, "note", "{hidden}");
    }
}

/// The invisible characters that reverse the text after them (a name ending in U+202E shows the
/// next field backwards) are refused in every text field, with the message beside that field, and
/// nothing is written.
#[tokio::test]
async fn direction_controls_are_refused_in_every_text_field() {
    use store::checks::{CheckInput, CheckMethod, CheckResult, CheckSource};
    use store::patients::{PatientInput, PatientSex, PatientSource};
    const MESSAGE: &str = "表示の向きを変える制御文字は使えません";
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&data_dir(&root)).await.expect("open");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");

    for bidi in ['\u{202E}', '\u{202D}', '\u{2067}', '\u{200F}', '\u{061C}'] {
        // Clinic profile: name (the other fields are covered in clinic.rs's unit tests).
        let clinic = ClinicProfileInput { name: format!("さくら整骨院{bidi}"), ..input() };
        let err = store.save_clinic_profile(&clinic, "受付", at(9)).await.expect_err("clinic name");
        assert_eq!(err.field_issues()[0].field, "name");
        assert!(err.field_issues()[0].message.contains(MESSAGE));

        // Staff name in 設定.
        let err = store.set_staff_name(&format!("佐藤{bidi}"), "受付", at(9)).await.expect_err("staff name");
        assert_eq!(err.code(), "Validation");
        assert_eq!(err.field_issues()[0].field, "staffName");
        assert!(err.field_issues()[0].message.contains(MESSAGE));

        // Patients: name and address.
        let patient = PatientInput {
            name: "見本 花子".into(),
            address: "東京都千代田区霞が関1-2-2".into(),
            birth_date: chrono::NaiveDate::from_ymd_opt(1980, 4, 1).expect("date"),
            sex: PatientSex::Female,
            source: PatientSource::Staff,
        };
        for (field, p) in [
            ("name", PatientInput { name: format!("{bidi}見本 花子"), ..patient.clone() }),
            ("address", PatientInput { address: format!("東京都{bidi}千代田区"), ..patient.clone() }),
        ] {
            let err = store.register_patient(&p, "受付", at(9), today).await.expect_err(field);
            assert_eq!(err.field_issues()[0].field, field);
            assert!(err.field_issues()[0].message.contains(MESSAGE));
        }

        // Check notes.
        let check = CheckInput {
            method: CheckMethod::Other,
            result: CheckResult::Ok,
            source: CheckSource::Staff,
            cert_expires_on: None,
            note: format!("メモ{bidi}"),
        };
        let err = store.log_check(&check, "受付", at(9), today).await.expect_err("note");
        assert_eq!(err.field_issues()[0].field, "note");
        assert!(err.field_issues()[0].message.contains(MESSAGE));
    }

    // A line break in a note or a staff name is refused too.
    let err = store.set_staff_name("佐藤\n花子", "受付", at(9)).await.expect_err("line break");
    assert!(err.field_issues()[0].message.contains("改行"));

    assert_eq!(store.clinic_profile().await.expect("read"), None);
    assert_eq!(store.setting(store::settings::STAFF_NAME).await.expect("read"), None);
    assert!(store.recent_patients(10).await.expect("list").is_empty());
    assert!(store.checks_on(today).await.expect("list").is_empty());
    assert!(store.audit_log(10).await.expect("log").is_empty(), "nothing written");

    assert_eq!(store.set_staff_name("　受付 センター ", "受付", at(9)).await.expect("ok"), "受付 センター");
}

/// A profile saved before the typed 登録記号番号 was kept (the columns are NULL) shows its portal
/// form instead, and the next save fills the typed form in.
#[tokio::test]
async fn a_profile_from_before_the_typed_numbers_reads_back() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = data_dir(&root);
    let store = Store::open_in(&dir).await.expect("open");
    store.save_clinic_profile(&input(), "受付", at(9)).await.expect("save");
    store.close().await;
    {
        let path = dir.join(store::DATABASE_FILE);
        let pool = sqlx::SqlitePool::connect(&format!("sqlite:{}", path.display())).await.expect("raw open");
        sqlx::query("UPDATE clinic_profile SET reg_no_judo_typed = NULL, reg_no_ahaki_typed = NULL")
            .execute(&pool)
            .await
            .expect("as before the migration");
        pool.close().await;
    }
    let store = Store::open_in(&dir).await.expect("reopen");
    let profile = store.clinic_profile().await.expect("read").expect("present");
    assert_eq!(profile.reg_no_judo_typed.as_deref(), Some("協130123412"));
    let saved = store.save_clinic_profile(&input(), "受付", at(10)).await.expect("save again");
    assert_eq!(saved.profile.reg_no_judo_typed.as_deref(), Some("協1301234-1-2"));
    let log = store.audit_log(1).await.expect("log");
    assert_eq!(log[0].detail, r#"{"changed":["regNoJudo"]}"#);
}

/// Warnings come back with a successful save: a 併設 clinic with one number, a 柔整 number
/// without its 枝番.
#[tokio::test]
async fn a_save_with_warnings_is_saved() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&data_dir(&root)).await.expect("open");
    let one_number = ClinicProfileInput { reg_no_judo: "協1301234".into(), reg_no_ahaki: "".into(), ..input() };
    let saved = store.save_clinic_profile(&one_number, "受付", at(9)).await.expect("saved");
    let fields: Vec<&str> = saved.warnings.iter().map(|w| w.field.as_str()).collect();
    assert_eq!(fields, ["regNoAhaki", "regNoJudo"]);
    let profile = store.clinic_profile().await.expect("read").expect("present");
    assert_eq!((profile.reg_no_judo.as_deref(), profile.reg_no_ahaki), (Some("協1301234"), None));
}
