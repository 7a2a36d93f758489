//! Backups, restore and moving to a new PC against real SQLite files: a generation holds
//! everything (PDF BLOBs too) and restores to the same data; generations are pruned to the number
//! kept; a backup taken while another connection writes is consistent; an export imports into
//! another data folder; damaged, cut-short, foreign and newer files are refused with nothing
//! changed; a missing drive is a clear error.

use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use store::Store;
use store::backup::{self, BACKUP_FOLDER, PENDING_RESTORE};
use store::checks::{CheckInput, CheckMethod, CheckResult, CheckSource};
use store::clinic::{ClinicKind, ClinicProfileInput};
use store::recovery::{CodeKeeper, RecoveryCode};
use store::sealed::Codes;
use store::subsidy::DocumentKind;

fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 0, 0, 0).single().expect("valid time") + Duration::minutes(minute)
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
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

fn check() -> CheckInput {
    CheckInput {
        method: CheckMethod::MyNumberCard,
        result: CheckResult::Ok,
        source: CheckSource::CardRead,
        cert_expires_on: NaiveDate::from_ymd_opt(2029, 3, 31),
        note: String::new(),
    }
}

/// The 復元コード of these tests.
const CODE: &str = "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567";

fn code() -> RecoveryCode {
    RecoveryCode::parse(CODE).expect("a well-formed code")
}

/// The codes of the data folder `dir`, which keeps [`CODE`] (see [`filled`]).
fn kept(dir: &Path) -> CodeKeeper {
    CodeKeeper::new(dir)
}

/// Decrypts a sealed file's database to `to` with the zip crate alone, as 7-Zip would.
fn unseal(file: &Path, to: &Path) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).expect("open")).expect("a zip");
    let mut entry = zip.by_name_decrypt("onshi-navi.sqlite3", CODE.as_bytes()).expect("the code opens it");
    std::io::copy(&mut entry, &mut std::fs::File::create(to).expect("create")).expect("decrypt");
}

/// A store holding a profile, three checks and a passbook copy (a PDF BLOB).
async fn filled(dir: &Path) -> Store {
    let store = Store::open_in(dir).await.expect("open");
    CodeKeeper::new(dir).adopt(&code(), at(0)).expect("the code kept");
    store.save_clinic_profile(&profile(), "院長", at(0)).await.expect("profile");
    for i in 0..3 {
        store.log_check(&check(), "受付", at(i), day(), &guide::BUNDLED).await.expect("check");
    }
    store
        .add_document(DocumentKind::Passbook, None, "通帳.pdf", b"%PDF-1.7 passbook", 1, "院長", at(5))
        .await
        .expect("document");
    store
}

async fn checks(store: &Store) -> u32 {
    store.check_counts_in_month(day()).await.expect("counts").total
}

#[tokio::test]
async fn a_generation_holds_everything_and_restores_to_the_same_data() {
    let root = tempfile::tempdir().expect("tempdir");
    let (dir, usb) = (root.path().join("data"), root.path().join("USB"));
    std::fs::create_dir_all(&usb).expect("usb");
    let store = filled(&dir).await;
    let generation = store.back_up(&usb, 7, &code(), at(10)).await.expect("backup");
    assert!(generation.size_kb > 0);
    let listed = backup::generations(&usb).expect("list");
    assert_eq!(listed, std::slice::from_ref(&generation));
    let file = backup::generation_path(&usb, &generation.name).expect("path");
    let summary =
        backup::preview(&dir, &file, Codes { keeper: &kept(&dir), typed: None }, at(10)).await.expect("inspect");
    assert_eq!((summary.clinic_name.as_str(), summary.patients, summary.checks), ("さくら整骨院", 0, 3));
    assert!(summary.newest_record_text.is_some_and(|t| t.contains("令和8年11月29日")));

    // Changes after the backup are undone by the restore; the data before it is kept aside.
    store.log_check(&check(), "受付", at(20), day(), &guide::BUNDLED).await.expect("later check");
    assert_eq!(checks(&store).await, 4);
    backup::stage_restore(&dir, &file, Codes { keeper: &kept(&dir), typed: None }, "0.1.0", "院長", at(25))
        .await
        .expect("staged");
    assert!(dir.join(PENDING_RESTORE).is_file());
    assert_eq!(checks(&store).await, 4, "nothing changes until the next start");
    store.close().await;

    let aside = backup::apply_pending_restore(&dir, at(30)).expect("applied").expect("the old data set aside");
    assert!(!dir.join(PENDING_RESTORE).exists());
    let restored = Store::open_in(&dir).await.expect("reopen");
    assert_eq!(checks(&restored).await, 3);
    assert_eq!(restored.clinic_profile().await.expect("read").expect("profile").name, "さくら整骨院");
    let documents = restored.subsidy_documents().await.expect("documents");
    let (_, pdf) = restored.document_pdf(documents[0].id).await.expect("read").expect("the PDF");
    assert_eq!(pdf, b"%PDF-1.7 passbook", "the PDF BLOB came back byte for byte");
    let kept = backup::inspect(&aside).await.expect("the set-aside data is whole");
    assert_eq!(kept.checks, 4);
    assert_eq!(backup::apply_pending_restore(&dir, at(40)).expect("nothing staged"), None);
}

#[tokio::test]
async fn generations_are_pruned_to_the_number_kept_and_other_files_left_alone() {
    let root = tempfile::tempdir().expect("tempdir");
    let (dir, usb) = (root.path().join("data"), root.path().join("USB"));
    std::fs::create_dir_all(usb.join(BACKUP_FOLDER)).expect("usb");
    std::fs::write(usb.join(BACKUP_FOLDER).join("メモ.txt"), "院長のメモ").expect("a file of the clinic's");
    let store = filled(&dir).await;
    let mut names = Vec::new();
    for i in 0..5 {
        names.push(store.back_up(&usb, 3, &code(), at(60 * i)).await.expect("backup").name);
    }
    let left: Vec<String> = backup::generations(&usb).expect("list").into_iter().map(|g| g.name).collect();
    assert_eq!(left, [names[4].clone(), names[3].clone(), names[2].clone()], "the newest three, newest first");
    assert!(usb.join(BACKUP_FOLDER).join("メモ.txt").is_file());
    assert!(
        std::fs::read_dir(usb.join(BACKUP_FOLDER)).expect("dir").all(|e| !e
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .ends_with(".partial")),
        "no temporary file is left"
    );
    let data_files: Vec<String> =
        std::fs::read_dir(&dir).expect("dir").map(|e| e.expect("entry").file_name().to_string_lossy().into()).collect();
    assert!(!data_files.iter().any(|n| n.contains("work") || n.contains("snapshot")), "{data_files:?}");
}

#[tokio::test]
async fn a_backup_taken_while_another_connection_writes_is_consistent() {
    let root = tempfile::tempdir().expect("tempdir");
    let (dir, usb) = (root.path().join("data"), root.path().join("USB"));
    std::fs::create_dir_all(&usb).expect("usb");
    let store = filled(&dir).await;
    let writer = Store::open_in(&dir).await.expect("a second handle, as another window would");
    let writing = tokio::spawn(async move {
        for i in 0..300 {
            writer
                .log_check(&check(), "受付", at(100 + i), day(), &guide::BUNDLED)
                .await
                .expect("write while backing up");
        }
        writer
    });
    let mut sizes = Vec::new();
    for i in 0..3 {
        let generation = store.back_up(&usb, 10, &code(), at(100 + i)).await.expect("backup");
        let file = backup::generation_path(&usb, &generation.name).expect("path");
        let summary = backup::preview(&dir, &file, Codes { keeper: &kept(&dir), typed: None }, at(100))
            .await
            .expect("every generation is whole");
        // Each snapshot holds whole transactions: a check is never without its audit row.
        let plain = root.path().join(format!("plain-{i}.sqlite3"));
        unseal(&file, &plain);
        let copy = Store::open_file(&plain).await.expect("opens as a store");
        let log = copy.audit_log(1000, |_| None).await.expect("log");
        let logged = log.iter().filter(|e| e.entity == "eligibility_check").count();
        assert_eq!(logged as u32, summary.checks, "checks and their audit rows agree");
        copy.close().await;
        sizes.push(summary.checks);
    }
    let writer = writing.await.expect("writer");
    assert!(sizes.windows(2).all(|w| w[0] <= w[1]), "{sizes:?}");
    assert_eq!(checks(&writer).await, 303);
}

#[tokio::test]
async fn everything_moves_to_a_new_pc_in_one_file() {
    let root = tempfile::tempdir().expect("tempdir");
    let (old_pc, new_pc) = (root.path().join("old"), root.path().join("new"));
    let store = filled(&old_pc).await;
    let file = root.path().join("さくら整骨院.onshinavi");
    store.export_to(&file, "0.1.0", &code(), at(10)).await.expect("export");
    assert!(file.is_file());

    std::fs::create_dir_all(&new_pc).expect("new pc");
    let summary = backup::stage_import(
        &new_pc,
        &file,
        Codes { keeper: &kept(&new_pc), typed: Some(CODE) },
        "0.1.0",
        "院長",
        at(25),
    )
    .await
    .expect("import");
    assert_eq!((summary.clinic_name.as_str(), summary.checks), ("さくら整骨院", 3));
    assert!(!new_pc.join(PENDING_RESTORE).exists(), "nothing is applied before staff confirm");
    backup::cancel_import(&new_pc).expect("cancel");
    assert!(!backup::confirm_import(&new_pc).expect("nothing waits"));
    backup::stage_import(&new_pc, &file, Codes { keeper: &kept(&new_pc), typed: Some(CODE) }, "0.1.0", "院長", at(25))
        .await
        .expect("import again");
    assert!(backup::confirm_import(&new_pc).expect("confirmed"));
    assert_eq!(backup::apply_pending_restore(&new_pc, at(20)).expect("applied"), None, "nothing to set aside");
    let moved = Store::open_in(&new_pc).await.expect("open on the new PC");
    assert_eq!(checks(&moved).await, 3);
    assert_eq!(moved.subsidy_documents().await.expect("documents").len(), 1);

    // A newer app's file is refused by its manifest, with nothing staged.
    let newer = root.path().join("newer.onshinavi");
    store.export_to(&newer, "9.0.0", &code(), at(30)).await.expect("export");
    let e = backup::stage_import(
        &new_pc,
        &newer,
        Codes { keeper: &kept(&new_pc), typed: Some(CODE) },
        "0.1.0",
        "院長",
        at(25),
    )
    .await
    .expect_err("refused");
    assert_eq!(e.code(), "FromNewerApp");
    assert!(e.to_string().contains("9.0.0"), "{e}");
    assert!(!new_pc.join(PENDING_RESTORE).exists() && !new_pc.join(backup::IMPORT_WAITING).exists());
}

#[tokio::test]
async fn damaged_cut_short_and_foreign_files_are_refused_with_nothing_changed() {
    let root = tempfile::tempdir().expect("tempdir");
    let (dir, usb) = (root.path().join("data"), root.path().join("USB"));
    std::fs::create_dir_all(&usb).expect("usb");
    let store = filled(&dir).await;
    let generation = store.back_up(&usb, 7, &code(), at(10)).await.expect("backup");
    let file = backup::generation_path(&usb, &generation.name).expect("path");
    let bytes = std::fs::read(&file).expect("read");

    let cut = root.path().join("cut.sqlite3");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    let mut flipped = bytes.clone();
    // Inside the sealed database entry (the manifest is first, the directory last).
    let middle = flipped.len() / 2;
    for b in &mut flipped[middle..middle + 64] {
        *b ^= 0x5a;
    }
    let damaged = root.path().join("damaged.sqlite3");
    std::fs::write(&damaged, &flipped).expect("write");
    let foreign = root.path().join("photo.sqlite3");
    std::fs::write(&foreign, b"\xff\xd8\xff\xe0 not a database at all, a photo").expect("write");
    for bad in [&cut, &damaged, &foreign, &root.path().join("missing.sqlite3")] {
        let e = backup::stage_restore(&dir, bad, Codes { keeper: &kept(&dir), typed: None }, "0.1.0", "院長", at(25))
            .await
            .expect_err("refused");
        assert_eq!(e.code(), "NotABackup", "{}: {e}", bad.display());
        assert!(e.to_string().contains("何も変更していません"), "{e}");
        assert!(!dir.join(PENDING_RESTORE).exists());
    }
    let e =
        backup::stage_import(&dir, &foreign, Codes { keeper: &kept(&dir), typed: Some(CODE) }, "0.1.0", "院長", at(25))
            .await
            .expect_err("not an export");
    assert_eq!(e.code(), "NotABackup");
    assert_eq!(checks(&store).await, 3, "the data in use is untouched");
}

#[tokio::test]
async fn a_missing_drive_is_a_clear_error_and_its_outcome_is_recorded() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = filled(&root.path().join("data")).await;
    let e = store.back_up(&root.path().join("E:ドライブなし"), 7, &code(), at(10)).await.expect_err("no drive");
    assert_eq!(e.code(), "BackupFolder");
    assert!(e.to_string().contains("USBメモリ"), "{e}");
    store.record_backup(Err(e.to_string()), at(10)).await.expect("recorded");
    let state = store.backup_state(at(11)).await.expect("state");
    assert!(state.due_today && state.last_error.is_some() && state.last_ok_text.is_none());

    let usb = root.path().join("USB");
    std::fs::create_dir_all(&usb).expect("usb");
    store.set_backup_folder(&usb, "院長", at(12)).await.expect("folder");
    assert_eq!(store.set_backup_generations("１０", "院長", at(12)).await.expect("10"), 10);
    let e = store.set_backup_generations("0", "院長", at(12)).await.expect_err("refused");
    assert_eq!(e.field_issues()[0].field, "keep");
    store.back_up(&usb, 10, &code(), at(13)).await.expect("backup");
    store.record_backup(Ok(()), at(13)).await.expect("recorded");
    let state = store.backup_state(at(14)).await.expect("state");
    assert_eq!((state.folder.as_deref(), state.keep), (usb.to_str(), 10));
    assert!(!state.due_today && state.last_error.is_none() && state.last_ok_text.is_some());
}
