//! 資格情報 records against a real SQLite file: a confirmed record is kept with the check it was
//! logged with; a refused one saves nothing; an expired card is logged as 要注意 with its warning;
//! a person's history; a record entered for a 患者台帳 patient linked to it (what was typed must
//! agree with the register, and a namesake's records stay apart); the patient found by 氏名,
//! フリガナ or 生年月日; and retention: the period kept as a setting, the count first, then the purge.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use insurance::fields::InsuranceInput;
use store::Store;
use store::StoreError;
use store::checks::{CheckMethod, CheckResult};
use store::eligibility::{DEFAULT_RETENTION_YEARS, Entry, RecordInput, retention_cutoff};
use store::patients::{PatientInput, PatientSex, PatientSource, RegisterDecision, Registered};

fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 0, 0, 0).single().expect("time") + Duration::minutes(minute)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
}

fn input() -> RecordInput {
    RecordInput {
        name: "山田 花子".into(),
        kana: "ヤマダ ハナコ".into(),
        birth_date: "昭和60年1月2日".into(),
        sex: "女".into(),
        insurance: InsuranceInput {
            insurer_number: "３３１２００１５".into(),
            symbol: "愛知12".into(),
            number: "3456".into(),
            branch: "1".into(),
            relation: "家族".into(),
            burden: "3割".into(),
            acquired_on: "令和3年4月1日".into(),
            valid_until: String::new(),
        },
        method: CheckMethod::MyNumberCard,
        entry: Entry::Pasted,
        patient_id: None,
    }
}

/// Registers 山田 花子 (昭和60年1月2日) as read from the card at `at(minute)`; `another` adds a
/// namesake.
async fn register_at(store: &Store, another: bool, minute: i64) -> i32 {
    let patient = PatientInput {
        name: "山田　花子".into(),
        address: "愛知県名古屋市中区1-1".into(),
        birth_date: NaiveDate::from_ymd_opt(1985, 1, 2).expect("date"),
        sex: PatientSex::Female,
        source: PatientSource::Card,
    };
    let decision = another.then_some(RegisterDecision::AnotherPerson);
    match store.register_patient(&patient, "受付", at(minute), today(), decision).await.expect("registered") {
        Registered::Created { patient } => patient.id,
        other => panic!("{other:?}"),
    }
}

async fn register(store: &Store, another: bool) -> i32 {
    register_at(store, another, 0).await
}

#[tokio::test]
async fn a_confirmed_record_is_kept_with_its_logged_check() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("data")).await.expect("open");
    let saved = store.save_eligibility_record(&input(), today(), "受付", at(0), &guide::BUNDLED).await.expect("saved");
    assert!(saved.warnings.is_empty());
    let r = &saved.record;
    assert_eq!(
        (r.name.as_str(), r.insurance.insurer_number.as_str(), r.insurance.branch.as_deref()),
        ("山田 花子", "33120015", Some("01"))
    );
    assert_eq!(
        (r.method, r.result, r.entry, r.confirmed_on),
        (CheckMethod::MyNumberCard, CheckResult::Ok, Entry::Pasted, today())
    );
    assert_eq!(r.birth_date, NaiveDate::from_ymd_opt(1985, 1, 2));
    let checks = store.checks_on(today()).await.expect("checks");
    assert_eq!(checks.len(), 1, "the check is in the day's log");
    assert_eq!(Some(checks[0].id), r.check_id);
    assert_eq!(store.eligibility_records_on(today()).await.expect("list"), std::slice::from_ref(&saved.record));
}

#[tokio::test]
async fn a_refused_record_saves_nothing_and_names_each_field() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("data")).await.expect("open");
    let mut bad = input();
    bad.name = " ".into();
    bad.sex = "不明です".into();
    bad.insurance.insurer_number = "33120016".into();
    let e = store.save_eligibility_record(&bad, today(), "受付", at(0), &guide::BUNDLED).await.expect_err("refused");
    let fields: Vec<&str> = e.field_issues().iter().map(|i| i.field.as_str()).collect();
    assert_eq!(fields, ["name", "sex", "insurerNumber"]);
    assert!(store.checks_on(today()).await.expect("checks").is_empty(), "no check logged either");
    assert!(store.eligibility_records_on(today()).await.expect("list").is_empty());

    // The one 個人番号 guard holds on the person's fields and the card's 記号・番号 too.
    let mut hidden = input();
    hidden.kana = "ヤマダ 1234ー5678ー9012".into();
    hidden.insurance.number = "No.123456789012".into();
    hidden.insurance.symbol = "1234・5678・9012".into();
    let e = store.save_eligibility_record(&hidden, today(), "受付", at(0), &guide::BUNDLED).await.expect_err("refused");
    let fields: Vec<&str> = e.field_issues().iter().map(|i| i.field.as_str()).collect();
    assert_eq!(fields, ["kana", "symbol", "number"]);
    assert!(e.field_issues().iter().all(|i| i.message.contains("12桁の番号")), "{:?}", e.field_issues());
}

#[tokio::test]
async fn an_expired_card_is_logged_as_a_warning_and_the_history_shows_both() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("data")).await.expect("open");
    let earlier = NaiveDate::from_ymd_opt(2026, 4, 1).expect("date");
    store.save_eligibility_record(&input(), earlier, "受付", at(0), &guide::BUNDLED).await.expect("earlier");
    let mut expired = input();
    expired.insurance.valid_until = "令和8年3月31日".into();
    expired.entry = Entry::Typed;
    let saved = store
        .save_eligibility_record(&expired, today(), "受付", at(1), &guide::BUNDLED)
        .await
        .expect("saved with a warning");
    assert_eq!(saved.record.result, CheckResult::Warning);
    assert!(saved.warnings.iter().any(|w| w.field == "validUntil" && w.message.contains("資格なし")));
    let history = store.eligibility_history(&saved.record).await.expect("history");
    assert_eq!(history.iter().map(|r| r.confirmed_on).collect::<Vec<_>>(), [today(), earlier], "newest first");
    let mut other = input();
    other.name = "山田 太郎".into();
    let taro =
        store.save_eligibility_record(&other, today(), "受付", at(2), &guide::BUNDLED).await.expect("another person");
    assert_eq!(store.eligibility_history(&taro.record).await.expect("his").len(), 1, "another name is another person");
    assert_eq!(store.eligibility_record(saved.record.id).await.expect("one"), Some(saved.record.clone()));
    assert_eq!(store.eligibility_record(999).await.expect("none"), None);
}

#[tokio::test]
async fn records_older_than_the_period_are_counted_then_purged() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("data")).await.expect("open");
    let mut undated = input();
    undated.insurance.acquired_on = String::new();
    for (i, year) in [2019, 2020, 2026].into_iter().enumerate() {
        let day = NaiveDate::from_ymd_opt(year, 6, 1).expect("date");
        store.save_eligibility_record(&undated, day, "受付", at(i as i64), &guide::BUNDLED).await.expect("saved");
    }
    let cutoff = NaiveDate::from_ymd_opt(2021, 11, 29).expect("five years back");
    assert_eq!(store.eligibility_records_before(cutoff).await.expect("count"), 2);
    assert_eq!(store.purge_eligibility_records(cutoff, "院長", at(10)).await.expect("purged"), 2);
    assert_eq!(store.eligibility_records_before(cutoff).await.expect("count"), 0);
    assert_eq!(
        store.check_counts_in_month(NaiveDate::from_ymd_opt(2019, 6, 1).expect("d")).await.expect("c").total,
        1,
        "the day's log keeps its counts"
    );
    let log = store.audit_log(5, |_| None).await.expect("log");
    assert!(log.iter().any(|e| e.detail_label == "令和3年11月29日 (2021-11-29) より前の 2 件"), "{log:?}");
}

#[tokio::test]
async fn a_record_entered_for_a_patient_is_linked_and_keeps_the_registers_person() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("data")).await.expect("open");
    let hanako = register(&store, false).await;
    let namesake = register(&store, true).await;
    // Typed with the person fields left empty: the register's 氏名, 生年月日 and 性別 are kept.
    let mut typed = input();
    typed.patient_id = Some(hanako);
    typed.name = String::new();
    typed.birth_date = String::new();
    typed.sex = String::new();
    let saved = store.save_eligibility_record(&typed, today(), "受付", at(1), &guide::BUNDLED).await.expect("saved");
    let r = &saved.record;
    assert_eq!(r.patient_id, Some(hanako));
    assert_eq!(
        (r.name.as_str(), r.birth_date, r.sex.as_str()),
        ("山田　花子", NaiveDate::from_ymd_opt(1985, 1, 2), "女")
    );
    // Pasted with the name spaced another way and the date in 西暦: the same person.
    let mut pasted = input();
    pasted.patient_id = Some(hanako);
    pasted.name = "山田花子".into();
    pasted.birth_date = "1985-01-02".into();
    store.save_eligibility_record(&pasted, today(), "受付", at(2), &guide::BUNDLED).await.expect("agrees");
    // Someone else's text pasted on her page: refused beside each field, nothing saved.
    let mut wrong = input();
    wrong.patient_id = Some(hanako);
    wrong.name = "山田 太郎".into();
    wrong.birth_date = "昭和61年1月2日".into();
    wrong.sex = "男".into();
    let e = store.save_eligibility_record(&wrong, today(), "受付", at(3), &guide::BUNDLED).await.expect_err("refused");
    let fields: Vec<&str> = e.field_issues().iter().map(|i| i.field.as_str()).collect();
    assert_eq!(fields, ["name", "birthDate", "sex"]);
    assert!(e.field_issues()[0].message.contains("患者台帳の「山田　花子」さんと違います"), "{e:?}");
    assert_eq!(store.checks_on(today()).await.expect("checks").len(), 2, "the refused one logged nothing");
    // Her history is her records, not her namesake's, nor an unlinked typed one.
    store.save_eligibility_record(&input(), today(), "受付", at(4), &guide::BUNDLED).await.expect("unlinked");
    let mut theirs = input();
    theirs.patient_id = Some(namesake);
    store.save_eligibility_record(&theirs, today(), "受付", at(5), &guide::BUNDLED).await.expect("namesake's");
    let history = store.patient_eligibility_records(hanako).await.expect("history");
    assert_eq!(history.len(), 2);
    assert!(history.iter().all(|r| r.patient_id == Some(hanako)));
    assert_eq!(store.eligibility_history(&saved.record).await.expect("same"), history);
    // A patient who is not in the register: a typed error, nothing saved.
    let mut gone = input();
    gone.patient_id = Some(999);
    let e = store
        .save_eligibility_record(&gone, today(), "受付", at(6), &guide::BUNDLED)
        .await
        .expect_err("no such patient");
    assert!(matches!(e, StoreError::PatientNotFound(999)), "{e:?}");
    assert_eq!(store.checks_on(today()).await.expect("checks").len(), 4);
}

#[tokio::test]
async fn patients_are_found_by_name_kana_or_birth_date_with_their_latest_record() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("data")).await.expect("open");
    let hanako = register(&store, false).await;
    let mut linked = input();
    linked.patient_id = Some(hanako);
    let earlier = NaiveDate::from_ymd_opt(2026, 4, 1).expect("date");
    store.save_eligibility_record(&linked, earlier, "受付", at(1), &guide::BUNDLED).await.expect("saved");
    store.save_eligibility_record(&linked, today(), "受付", at(2), &guide::BUNDLED).await.expect("saved");
    let ids =
        |items: Vec<store::patients::PatientListItem>| items.into_iter().map(|i| i.patient.id).collect::<Vec<_>>();
    let all = store.find_patients("", 50).await.expect("all");
    assert_eq!((all[0].last_confirmed_on, all[0].records), (Some(today()), 2));
    for query in [
        "山田花子",
        "山田 花子",
        "花子",
        "ﾔﾏﾀﾞ",
        "やまだ はなこ",
        "ヤマダハナコ",
        "昭和60年1月2日",
        "1985-01-02",
        "１９８５－０１－０２",
    ] {
        assert_eq!(ids(store.find_patients(query, 50).await.expect("found")), [hanako], "{query}");
    }
    for query in ["鈴木", "昭和61年1月2日", "%", "_"] {
        assert!(store.find_patients(query, 50).await.expect("none").is_empty(), "{query}");
    }
    assert_eq!(store.patient(hanako).await.expect("one").map(|p| p.name), Some("山田　花子".into()));
    // The patient seen last comes first: registered later, then given a record later still.
    let namesake = register_at(&store, true, 20).await;
    assert_eq!(ids(store.find_patients("", 50).await.expect("all")), [namesake, hanako]);
    store.save_eligibility_record(&linked, today(), "受付", at(30), &guide::BUNDLED).await.expect("seen again");
    assert_eq!(ids(store.find_patients("", 50).await.expect("all")), [hanako, namesake]);
    assert_eq!(store.patient(999).await.expect("none"), None);
}

#[tokio::test]
async fn the_retention_period_is_a_setting_between_one_and_twenty_years() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("data")).await.expect("open");
    assert_eq!(store.eligibility_retention_years().await.expect("default"), DEFAULT_RETENTION_YEARS);
    store.set_eligibility_retention_years(3, "院長", at(0)).await.expect("set");
    assert_eq!(store.eligibility_retention_years().await.expect("kept"), 3);
    for bad in [0, 21] {
        let e = store.set_eligibility_retention_years(bad, "院長", at(1)).await.expect_err("refused");
        assert_eq!(e.field_issues()[0].field, "years");
    }
    assert_eq!(store.eligibility_retention_years().await.expect("unchanged"), 3);
    assert_eq!(retention_cutoff(today(), 3), NaiveDate::from_ymd_opt(2023, 11, 29));
    assert_eq!(
        retention_cutoff(NaiveDate::from_ymd_opt(2028, 2, 29).expect("leap"), 1),
        NaiveDate::from_ymd_opt(2027, 2, 28)
    );
}

#[tokio::test]
async fn a_purge_removes_what_was_shown_and_nothing_when_the_period_changed_meanwhile() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("data")).await.expect("open");
    let mut undated = input();
    undated.insurance.acquired_on = String::new();
    for (i, year) in [2019, 2024, 2026].into_iter().enumerate() {
        let day = NaiveDate::from_ymd_opt(year, 6, 1).expect("date");
        store.save_eligibility_record(&undated, day, "受付", at(i as i64), &guide::BUNDLED).await.expect("saved");
    }
    let shown = store.eligibility_retention(today()).await.expect("shown");
    assert_eq!((shown.years, shown.cutoff, shown.count), (5, NaiveDate::from_ymd_opt(2021, 11, 29).expect("d"), 1));
    // Another PC keeps only 1 year now: the 5 years shown no longer hold, nothing goes.
    store.set_eligibility_retention_years(1, "院長", at(5)).await.expect("set");
    let e = store.purge_expired_eligibility_records(5, today(), "受付", at(6)).await.expect_err("changed");
    assert!(matches!(e, StoreError::RetentionChanged(1)), "{e:?}");
    assert_eq!(store.eligibility_retention(today()).await.expect("now").count, 2, "nothing removed");
    assert_eq!(store.purge_expired_eligibility_records(1, today(), "受付", at(7)).await.expect("purged"), 2);
    assert_eq!(store.eligibility_retention(today()).await.expect("after").count, 0);
}
