//! The store at a clinic's ten-year size, timed:
//! `cargo run --release -p store --example store_bench -- [runs]`.
//!
//! Fills a new database with 2,000 patients and 150,000 checks over ten years (about 60 a working
//! day, each with its audit row, as the app writes them), then prints the min and median of
//! `runs` (20 unless given) for: the month's 利用率 query, one check logged (a transaction with
//! its audit row, `synchronous = FULL`), a 患者台帳 look-up (the whole register read and matched
//! with the search fold, each patient with two 資格情報 records), one patient's page, opening the
//! store (its start-up `quick_check`), and a backup generation (VACUUM INTO + integrity_check) with
//! its size.

use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, TimeZone, Utc};
use sqlx::Connection;
use store::Store;
use store::checks::{CheckInput, CheckMethod, CheckResult, CheckSource};

const PATIENTS: usize = 2_000;
const CHECKS: usize = 150_000;

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("{what}: min {:.2} ms, median {:.2} ms ({} runs)", ms(times[0]), ms(times[times.len() / 2]), times.len());
}

/// Bulk rows in one transaction on a connection of its own (the fill is not what is measured).
async fn fill(path: &std::path::Path) -> Result<(), sqlx::Error> {
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display())).await?;
    let mut tx = conn.begin().await?;
    for i in 0..PATIENTS {
        sqlx::query(
            "INSERT INTO patients (name, address, birth_date, sex, source, created_at, updated_at)
             VALUES (?1, '東京都千代田区千代田1-1', ?2, 'female', 'card', '2016-04-01T00:00:00Z', '2016-04-01T00:00:00Z')",
        )
        .bind(format!("患者 {i:04}"))
        .bind(format!("19{:02}-0{}-1{}", 40 + i % 60, 1 + i % 9, i % 10))
        .execute(&mut *tx)
        .await?;
    }
    for i in 0..PATIENTS * 2 {
        sqlx::query(
            "INSERT INTO eligibility_record (patient_id, name, kana, birth_date, sex, insurer_number, symbol, number,
                confirmed_on, entry, created_at)
             VALUES (?1, ?2, ?3, '1980-01-01', '女', '33120015', '愛知12', '3456', ?4, 'typed', '2026-01-01T00:00:00Z')",
        )
        .bind((i % PATIENTS + 1) as i64)
        .bind(format!("患者 {:04}", i % PATIENTS))
        .bind(format!("カンジャ {:04}", i % PATIENTS))
        .bind(format!("20{}-0{}-15", 17 + i % 9, 1 + i % 9))
        .execute(&mut *tx)
        .await?;
    }
    let first = NaiveDate::from_ymd_opt(2016, 12, 1).unwrap_or_default();
    for i in 0..CHECKS {
        let day = first + Days::new((i / 41) as u64); // ~41 a day over 10 years of days
        let method = if i % 3 == 0 { "eligibility_certificate" } else { "my_number_card" };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO eligibility_checks (checked_at, local_date, method, result, source, note)
             VALUES (?1, ?2, ?3, 'ok', 'card_read', '') RETURNING id",
        )
        .bind(format!("{day}T01:00:00Z"))
        .bind(day.format("%Y-%m-%d").to_string())
        .bind(method)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO audit_log (at, actor, action, entity, detail) VALUES (?1, '受付', 'create', 'eligibility_check', ?2)",
        )
        .bind(format!("{day}T01:00:00Z"))
        .bind(format!(r#"{{"id":{id}}}"#))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    conn.close().await
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20).max(1);
    let root = tempfile::tempdir()?;
    let dir = root.path().join("オン資ナビ");
    let store = Store::open_in(&dir).await?;
    let started = Instant::now();
    fill(store.path()).await?;
    println!(
        "filled {PATIENTS} patients (two 資格情報 each) and {CHECKS} checks in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let month = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap_or_default();
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let counts = store.check_counts_in_month(month).await?;
        times.push(t.elapsed());
        assert!(counts.total > 0);
    }
    report("month's 利用率 query", times);

    let input = CheckInput {
        method: CheckMethod::MyNumberCard,
        result: CheckResult::Ok,
        source: CheckSource::CardRead,
        cert_expires_on: None,
        note: String::new(),
    };
    let mut times = Vec::new();
    for i in 0..runs {
        let now = Utc.with_ymd_and_hms(2026, 11, 29, 9, 0, 0).single().unwrap_or_default()
            + chrono::Duration::seconds(i as i64);
        let t = Instant::now();
        store.log_check(&input, "受付", now, now.date_naive(), &guide::BUNDLED).await?;
        times.push(t.elapsed());
    }
    report("one check logged (with its audit row)", times);

    for (what, query) in
        [("患者台帳 listed (no query)", ""), ("患者台帳 searched in hiragana (かんじゃ 1999)", "かんじゃ 1999")]
    {
        let mut times = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            let found = store.find_patients(query, 101).await?;
            times.push(t.elapsed());
            assert!(!found.is_empty());
        }
        report(what, times);
    }
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let records = store.patient_eligibility_records(1_000).await?;
        times.push(t.elapsed());
        assert_eq!(records.len(), 2);
    }
    report("one patient's 資格情報 history", times);
    store.close().await;

    let mut times = Vec::new();
    for _ in 0..runs.min(5) {
        let t = Instant::now();
        let reopened = Store::open_in(&dir).await?;
        times.push(t.elapsed());
        reopened.close().await;
    }
    report("open with the start-up quick_check", times);

    let store = Store::open_in(&dir).await?;
    let usb = root.path().join("USB");
    std::fs::create_dir_all(&usb)?;
    let mut times = Vec::new();
    let mut size_kb = 0;
    let code = store::recovery::RecoveryCode::generate()?;
    for i in 0..runs.min(5) {
        let now = Utc.with_ymd_and_hms(2026, 11, 29, 10, 0, 0).single().unwrap_or_default()
            + chrono::Duration::minutes(i as i64);
        let t = Instant::now();
        size_kb = store.back_up(&usb, 3, &code, now).await?.size_kb;
        times.push(t.elapsed());
    }
    report("backup generation (VACUUM INTO + integrity_check + sealed, read back)", times);
    let database_kb = std::fs::metadata(store.path())?.len().div_ceil(1024);
    println!("backup size {:.1} MB (database file {:.1} MB)", size_kb as f64 / 1024.0, database_kb as f64 / 1024.0);
    store.close().await;
    Ok(())
}
