//! 資格情報 records against a real SQLite file: a confirmed record is kept with the check it was
//! logged with; a refused one saves nothing; an expired card is logged as 要注意 with its warning;
//! a person's history; and retention: the count first, then the purge.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use insurance::fields::InsuranceInput;
use store::Store;
use store::checks::{CheckMethod, CheckResult};
use store::eligibility::{Entry, RecordInput};

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
    }
}

#[tokio::test]
async fn a_confirmed_record_is_kept_with_its_logged_check() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("data")).await.expect("open");
    let saved = store.save_eligibility_record(&input(), today(), "受付", at(0)).await.expect("saved");
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
    let e = store.save_eligibility_record(&bad, today(), "受付", at(0)).await.expect_err("refused");
    let fields: Vec<&str> = e.field_issues().iter().map(|i| i.field.as_str()).collect();
    assert_eq!(fields, ["name", "sex", "insurerNumber"]);
    assert!(store.checks_on(today()).await.expect("checks").is_empty(), "no check logged either");
    assert!(store.eligibility_records_on(today()).await.expect("list").is_empty());
}

#[tokio::test]
async fn an_expired_card_is_logged_as_a_warning_and_the_history_shows_both() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("data")).await.expect("open");
    let earlier = NaiveDate::from_ymd_opt(2026, 4, 1).expect("date");
    store.save_eligibility_record(&input(), earlier, "受付", at(0)).await.expect("earlier");
    let mut expired = input();
    expired.insurance.valid_until = "令和8年3月31日".into();
    expired.entry = Entry::Typed;
    let saved = store.save_eligibility_record(&expired, today(), "受付", at(1)).await.expect("saved with a warning");
    assert_eq!(saved.record.result, CheckResult::Warning);
    assert!(saved.warnings.iter().any(|w| w.field == "validUntil" && w.message.contains("資格なし")));
    let history = store.eligibility_history("山田 花子", NaiveDate::from_ymd_opt(1985, 1, 2)).await.expect("history");
    assert_eq!(history.iter().map(|r| r.confirmed_on).collect::<Vec<_>>(), [today(), earlier], "newest first");
    assert!(store.eligibility_history("山田 太郎", None).await.expect("none").is_empty());
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
        store.save_eligibility_record(&undated, day, "受付", at(i as i64)).await.expect("saved");
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
