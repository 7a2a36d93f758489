//! The 協力金's evidence against a real SQLite file: poster periods and per-day counts, checked
//! field by field (全角 and 和暦 accepted), nothing saved on refusal, each change logged.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use store::Store;
use store::promotion::{PosterInput, PromotionDayInput, validate_day, validate_poster};

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 8, 1, hour, 0, 0).single().expect("valid time")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 8, 1).expect("date")
}

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, day).expect("date")
}

fn poster(from: &str, to: &str) -> PosterInput {
    PosterInput { shown_from: from.into(), shown_to: to.into() }
}

fn day(day: &str, flyers: &str, prompts: &str) -> PromotionDayInput {
    PromotionDayInput { day: day.into(), flyers: flyers.into(), prompts: prompts.into() }
}

#[test]
fn bad_input_gets_a_message_beside_each_field() {
    let cases: Vec<(Vec<store::clinic::FieldIssue>, &str, &str)> = vec![
        (validate_poster(&poster("", ""), today()).expect_err("blank"), "shownFrom", "入力してください"),
        (validate_poster(&poster("2025-08-02", ""), today()).expect_err("future"), "shownFrom", "今日"),
        (validate_poster(&poster("2025-06-10", "2025-06-01"), today()).expect_err("order"), "shownTo", "より前"),
        (validate_day(&day("2025-06-31", "1", "1"), today()).expect_err("no such day"), "day", "読み取れません"),
        (validate_day(&day("2025-06-01", "-3", "1"), today()).expect_err("negative"), "flyers", "マイナス"),
        (validate_day(&day("2025-06-01", "1", "たくさん"), today()).expect_err("words"), "prompts", "数字で"),
    ];
    for (issues, field, text) in cases {
        assert!(issues.iter().any(|i| i.field == field && i.message.contains(text)), "{field}: {issues:?}");
    }
    assert_eq!(validate_day(&day("令和7年6月2日", "１２枚", ""), today()), Ok((d(6, 2), 12, 0)));
    assert_eq!(validate_poster(&poster("R7.5.1", ""), today()), Ok((d(5, 1), None)));
}

#[tokio::test]
async fn evidence_is_kept_changed_and_logged() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("オン資ナビ")).await.expect("open");
    let p = store.save_poster(None, &poster("2025-05-01", ""), today(), "院長", at(9)).await.expect("poster");
    store
        .save_poster(Some(p.id), &poster("2025-05-01", "2025-07-31"), today(), "院長", at(9))
        .await
        .expect("taken down");
    assert_eq!(store.posters().await.expect("list")[0].shown_to, Some(d(7, 31)));
    store.set_promotion_day(&day("2025-06-02", "3", "５"), today(), "受付", at(10)).await.expect("day");
    store.set_promotion_day(&day("2025-06-02", "3", "5"), today(), "受付", at(10)).await.expect("same again");
    store.set_promotion_day(&day("2025-06-03", "0", "2"), today(), "受付", at(10)).await.expect("day");
    let days = store.promotion_days().await.expect("days");
    assert_eq!(
        days.iter().map(|x| (x.day, x.flyers, x.prompts)).collect::<Vec<_>>(),
        [(d(6, 2), 3, 5), (d(6, 3), 0, 2)]
    );
    store.set_promotion_day(&day("2025-06-03", "", ""), today(), "受付", at(11)).await.expect("cleared");
    assert_eq!(store.promotion_days().await.expect("days").len(), 1, "a day with nothing is removed");
    let e = store.set_promotion_day(&day("2025-06-04", "x", "1"), today(), "受付", at(11)).await.expect_err("refused");
    assert_eq!(e.field_issues()[0].field, "flyers");
    assert_eq!(store.promotion_days().await.expect("days").len(), 1, "nothing saved on refusal");
    store.delete_poster(p.id, "院長", at(12)).await.expect("delete");
    assert!(store.posters().await.expect("list").is_empty());

    let log = store.audit_log(20, |_| None).await.expect("log");
    let worded: Vec<(&str, &str)> =
        log.iter().rev().map(|e| (e.entity_label.as_str(), e.action_label.as_str())).collect();
    assert_eq!(
        worded,
        [
            ("協力金: ポスターの掲示", "登録"),
            ("協力金: ポスターの掲示", "変更"),
            ("協力金: チラシ・お声がけ", "登録"),
            ("協力金: チラシ・お声がけ", "登録"),
            ("協力金: チラシ・お声がけ", "削除"),
            ("協力金: ポスターの掲示", "削除"),
        ],
        "saving the same counts again logs nothing"
    );
}

#[tokio::test]
async fn a_poster_photo_is_kept_changed_and_removed_and_a_saved_period_keeps_it() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("オン資ナビ")).await.expect("open");
    let p = store.save_poster(None, &poster("2025-05-01", ""), today(), "院長", at(9)).await.expect("poster");
    assert_eq!(p.photo_name, None);
    let shown = store.set_poster_photo(p.id, Some(("待合室.jpg", b"jpeg-1")), "院長", at(9)).await.expect("photo");
    assert_eq!(shown.photo_name.as_deref(), Some("待合室.jpg"));
    store.set_poster_photo(p.id, Some(("入口.jpg", b"jpeg-2")), "院長", at(9)).await.expect("replaced");
    let changed = store
        .save_poster(Some(p.id), &poster("2025-05-01", "2025-07-31"), today(), "院長", at(10))
        .await
        .expect("taken down");
    assert_eq!(changed.photo_name.as_deref(), Some("入口.jpg"), "changing the dates keeps the photo");
    let photos = store.poster_photos().await.expect("photos");
    assert_eq!(photos.len(), 1);
    assert_eq!((photos[0].0.id, photos[0].1.as_slice()), (p.id, b"jpeg-2".as_slice()));

    store.set_poster_photo(p.id, None, "院長", at(11)).await.expect("removed");
    assert!(store.poster_photos().await.expect("photos").is_empty());
    assert_eq!(store.posters().await.expect("list")[0].photo_name, None);

    store.delete_poster(p.id, "院長", at(12)).await.expect("delete");
    let e = store.set_poster_photo(p.id, Some(("x.jpg", b"x")), "院長", at(12)).await.expect_err("gone");
    assert_eq!(e.field_issues()[0].field, "photo");
    let log = store.audit_log(20, |_| None).await.expect("log");
    assert!(log.iter().any(|e| e.detail_label.contains("写真を外しました")), "{log:?}");
}

#[tokio::test]
async fn the_payment_date_answer_is_kept_per_program() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(&root.path().join("オン資ナビ")).await.expect("open");
    assert_eq!(store.grant_in_service("promotion_grant_2025").await.expect("read"), None, "unanswered");
    store.set_grant_in_service("promotion_grant_2025", false, "院長", at(9)).await.expect("no");
    store.set_grant_in_service("promotion_grant_2025", true, "院長", at(10)).await.expect("changed");
    assert_eq!(store.grant_in_service("promotion_grant_2025").await.expect("read"), Some(true));
    assert_eq!(store.grant_in_service("a_later_round").await.expect("read"), None, "each round asks again");
    let log = store.audit_log(20, |_| None).await.expect("log");
    assert_eq!(log.iter().filter(|e| e.entity_label == "協力金: 支給日の状況").count(), 2);
}
