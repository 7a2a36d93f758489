//! Backups and moved-data files that leave the PC are sealed with the 復元コード: no generation or
//! export holds the bytes of a patient's name, address or 保険者番号; a new PC opens one with the
//! code typed (and keeps it for its own backups); a wrong code, or none, is refused with the data
//! in use untouched and nothing staged; an older app's plain generation still restores.

use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use insurance::fields::InsuranceInput;
use store::Store;
use store::backup::{self, BACKUP_FOLDER, IMPORT_WAITING, PENDING_RESTORE};
use store::checks::CheckMethod;
use store::eligibility::{Entry, RecordInput};
use store::patients::{PatientInput, PatientSex, PatientSource};
use store::recovery::{CodeKeeper, RecoveryCode};
use store::sealed::Codes;

const CODE: &str = "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567";
const OTHER_CODE: &str = "ZYXWV-UTSRQ-PNMLK-JHGFE-DCBA9-87654";
const NAME: &str = "暗号 試験子";
const ADDRESS: &str = "北海道札幌市中央区北一条西二丁目";
const INSURER: &str = "33120015";

fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 0, 0, 0).single().expect("time") + Duration::minutes(minute)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
}

fn code(text: &str) -> RecoveryCode {
    RecoveryCode::parse(text).expect("well formed")
}

/// A clinic in `dir` keeping [`CODE`], with one patient and one 資格情報 record.
async fn clinic(dir: &Path) -> Store {
    let store = Store::open_in(dir).await.expect("open");
    CodeKeeper::new(dir).adopt(&code(CODE), at(0)).expect("kept");
    let patient = PatientInput {
        name: NAME.into(),
        address: ADDRESS.into(),
        birth_date: NaiveDate::from_ymd_opt(1985, 1, 2).expect("date"),
        sex: PatientSex::Female,
        source: PatientSource::Card,
    };
    store.register_patient(&patient, "受付", at(1), today(), None).await.expect("patient");
    let record = RecordInput {
        name: NAME.into(),
        kana: "アンゴウ シケンコ".into(),
        birth_date: "昭和60年1月2日".into(),
        sex: "女".into(),
        insurance: InsuranceInput {
            insurer_number: INSURER.into(),
            symbol: "愛知12".into(),
            number: "3456".into(),
            branch: "1".into(),
            relation: "本人".into(),
            burden: "3割".into(),
            acquired_on: "令和3年4月1日".into(),
            valid_until: String::new(),
        },
        method: CheckMethod::MyNumberCard,
        entry: Entry::Pasted,
        patient_id: None,
    };
    store.save_eligibility_record(&record, today(), "受付", at(2), &guide::BUNDLED).await.expect("record");
    store
}

/// Reads `file` in on the PC of data folder `pc`, with `typed` as the code staff typed.
async fn import(
    pc: &Path,
    keeper: &CodeKeeper,
    file: &Path,
    typed: Option<&str>,
) -> Result<backup::BackupSummary, store::StoreError> {
    backup::stage_import(pc, file, Codes { keeper, typed }, "0.1.0", "院長", at(20)).await
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The database inside a sealed file, decrypted with `password` by the zip crate alone.
fn unsealed(file: &Path, password: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).expect("open")).expect("a zip");
    for i in 0..zip.len() {
        assert!(zip.by_index_raw(i).expect("entry").encrypted(), "entry {i} is encrypted");
    }
    assert!(zip.by_name(store::DATABASE_FILE).is_err(), "no entry opens without the code");
    let mut entry = zip.by_name_decrypt(store::DATABASE_FILE, password.as_bytes()).expect("the code opens it");
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut entry, &mut bytes).expect("decrypt");
    bytes
}

#[tokio::test]
async fn no_generation_or_export_holds_a_patients_name_address_or_insurer_number() {
    let root = tempfile::tempdir().expect("tempdir");
    let (dir, usb) = (root.path().join("data"), root.path().join("USB"));
    std::fs::create_dir_all(&usb).expect("usb");
    let store = clinic(&dir).await;
    let generation = store.back_up(&usb, 7, &code(CODE), at(10)).await.expect("backup");
    assert!(generation.name.ends_with(".onshinavi"), "{}", generation.name);
    let export = root.path().join("移行.onshinavi");
    store.export_to(&export, "0.1.0", &code(CODE), at(11)).await.expect("export");
    for file in [backup::generation_path(&usb, &generation.name).expect("path"), export] {
        let bytes = std::fs::read(&file).expect("read");
        for secret in [NAME, ADDRESS, INSURER] {
            assert!(!contains(&bytes, secret), "{} holds {secret}", file.display());
        }
        // The search finds them where they are: the database the code opens holds all three.
        let plain = unsealed(&file, CODE);
        assert!([NAME, ADDRESS, INSURER].iter().all(|s| contains(&plain, s)), "the data is all there");
    }
    let leftovers: Vec<_> = std::fs::read_dir(&dir).expect("dir").flatten().map(|e| e.file_name()).collect();
    assert!(!leftovers.iter().any(|n| n.to_string_lossy().contains("work")), "no plain snapshot left: {leftovers:?}");
}

#[tokio::test]
async fn a_new_pc_opens_the_file_with_the_code_and_keeps_it_for_its_backups() {
    let root = tempfile::tempdir().expect("tempdir");
    let (old_pc, new_pc, usb) = (root.path().join("old"), root.path().join("new"), root.path().join("USB"));
    std::fs::create_dir_all(&usb).expect("usb");
    let store = clinic(&old_pc).await;
    let file = root.path().join("移行.onshinavi");
    store.export_to(&file, "0.1.0", &code(CODE), at(10)).await.expect("export");
    let generation = store.back_up(&usb, 7, &code(CODE), at(11)).await.expect("backup");

    std::fs::create_dir_all(&new_pc).expect("new pc");
    let keeper = CodeKeeper::new(&new_pc);
    let none = import(&new_pc, &keeper, &file, None).await.expect_err("the new PC keeps no code yet");
    assert_eq!(none.code(), "RecoveryCode");
    assert_eq!(none.field_issues()[0].field, "recoveryCode");
    assert!(none.to_string().contains("入力してください"), "{none}");

    let typed = "abcde fghjk lmnpq rstuv wxyz2 34567";
    let summary = import(&new_pc, &keeper, &file, Some(typed)).await.expect("the typed code opens it");
    assert_eq!((summary.patients, summary.clinic_name.as_str()), (1, ""));
    assert_eq!(keeper.load().expect("load").expect("adopted").code, code(CODE), "the code that opened it is kept");
    // The old PC's generations now open here without asking.
    let g = backup::generation_path(&usb, &generation.name).expect("path");
    let preview =
        backup::preview(&new_pc, &g, Codes { keeper: &keeper, typed: None }, at(21)).await.expect("kept code");
    assert_eq!(preview.patients, 1);
    assert!(backup::confirm_import(&new_pc).expect("confirm"));
    backup::apply_pending_restore(&new_pc, at(22)).expect("applied");
    let moved = Store::open_in(&new_pc).await.expect("open");
    assert_eq!(moved.find_patients("暗号", 10).await.expect("find").len(), 1);
}

#[tokio::test]
async fn a_wrong_code_changes_nothing_and_says_only_that_it_is_wrong() {
    let root = tempfile::tempdir().expect("tempdir");
    let (old_pc, other_pc) = (root.path().join("old"), root.path().join("other"));
    let store = clinic(&old_pc).await;
    let file = root.path().join("移行.onshinavi");
    store.export_to(&file, "0.1.0", &code(CODE), at(10)).await.expect("export");

    // Another PC with data of its own and a code of its own.
    let other = Store::open_in(&other_pc).await.expect("open");
    let keeper = CodeKeeper::new(&other_pc);
    keeper.adopt(&code(OTHER_CODE), at(0)).expect("kept");
    let before = other.audit_log(1000, |_| None).await.expect("audit").len();

    let kept_fails = import(&other_pc, &keeper, &file, None).await.expect_err("this PC's code does not open it");
    assert!(kept_fails.to_string().contains("このパソコンの復元コードでは開けません"), "{kept_fails}");
    let wrong = import(&other_pc, &keeper, &file, Some(OTHER_CODE)).await.expect_err("wrong");
    assert_eq!(wrong.code(), "RecoveryCode");
    assert_eq!(
        wrong.to_string(),
        "復元コードが違います。何も変更していません。用紙の30文字をもう一度確かめて入力してください"
    );
    let malformed = import(&other_pc, &keeper, &file, Some("ABCDE")).await.expect_err("too short");
    assert!(malformed.field_issues()[0].message.contains("30文字"), "{malformed}");
    let restore = backup::stage_restore(
        &other_pc,
        &file,
        Codes { keeper: &keeper, typed: Some(OTHER_CODE) },
        "0.1.0",
        "院長",
        at(20),
    )
    .await
    .expect_err("a restore asks the same");
    assert_eq!(restore.code(), "RecoveryCode");

    assert!(!other_pc.join(PENDING_RESTORE).exists() && !other_pc.join(IMPORT_WAITING).exists(), "nothing staged");
    assert_eq!(keeper.load().expect("load").expect("kept").code, code(OTHER_CODE), "this PC's code is unchanged");
    assert_eq!(other.audit_log(1000, |_| None).await.expect("audit").len(), before, "the data in use is untouched");
    assert!(other.find_patients("暗号", 10).await.expect("find").is_empty());
}

#[tokio::test]
async fn an_older_plain_generation_is_listed_and_still_restores() {
    let root = tempfile::tempdir().expect("tempdir");
    let (dir, usb) = (root.path().join("data"), root.path().join("USB"));
    std::fs::create_dir_all(usb.join(BACKUP_FOLDER)).expect("usb");
    let store = clinic(&dir).await;
    let name = "onshi-navi-backup-20261101-083000.sqlite3";
    let plain = usb.join(BACKUP_FOLDER).join(name);
    let options = <sqlx::sqlite::SqliteConnectOptions as std::str::FromStr>::from_str("sqlite:")
        .expect("options")
        .filename(dir.join(store::DATABASE_FILE));
    let mut conn = sqlx::ConnectOptions::connect(&options).await.expect("an older app's own connection");
    sqlx::query("VACUUM INTO ?").bind(plain.to_str().expect("utf-8")).execute(&mut conn).await.expect("vacuum");
    drop(store);
    let listed = backup::generations(&usb).expect("list");
    assert_eq!(listed.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(), [name]);
    let keeper = CodeKeeper::new(&root.path().join("elsewhere"));
    let summary = backup::stage_restore(&dir, &plain, Codes { keeper: &keeper, typed: None }, "0.1.0", "院長", at(20))
        .await
        .expect("no code is asked for a plain one");
    assert_eq!(summary.patients, 1);
}

/// A maintainer opens a sealed file with 7-Zip (`7zz`, Debian's 7zip) by typing the code as the
/// sheet prints it: the standard tool the format was chosen for.
#[cfg(not(windows))]
#[tokio::test]
async fn seven_zip_opens_a_sealed_file_with_the_printed_code() {
    let root = tempfile::tempdir().expect("tempdir");
    let store = clinic(&root.path().join("data")).await;
    let file = root.path().join("移行.onshinavi");
    store.export_to(&file, "0.1.0", &code(CODE), at(10)).await.expect("export");
    let out = root.path().join("opened");
    let run = |password: &str| {
        std::process::Command::new("7zz")
            .arg("x")
            .arg(format!("-p{password}"))
            .arg(format!("-o{}", out.display()))
            .arg("-y")
            .arg(&file)
            .output()
            .expect("7zz runs (Debian's 7zip, installed by scripts/setup)")
    };
    assert!(!run(OTHER_CODE).status.success(), "a wrong code does not open it");
    let opened = run(CODE);
    assert!(opened.status.success(), "{}", String::from_utf8_lossy(&opened.stderr));
    let database = std::fs::read(out.join(store::DATABASE_FILE)).expect("the database came out");
    assert!(contains(&database, NAME));
}

/// The error as the UI receives it (`{ code, message, fields }`, as the host maps it).
fn as_ui(e: &store::StoreError) -> serde_json::Value {
    serde_json::json!({ "code": e.code().as_str(), "message": e.to_string(), "fields": e.field_issues() })
}

/// Records what Rust answers about the 復元コード for the UI's fakes
/// (`ui/src/lib/testing/recorded/recovery.json`): the refusals of a file for want of the right
/// code, and the backup screen's state of the code. Checked fresh like `bindings.ts`;
/// `UPDATE_RECORDED=1 cargo test -p store --test sealed` rewrites it.
#[tokio::test]
async fn recorded_recovery_answers_are_fresh() {
    let root = tempfile::tempdir().expect("tempdir");
    let (old_pc, new_pc) = (root.path().join("old"), root.path().join("new"));
    let store = clinic(&old_pc).await;
    let file = root.path().join("移行.onshinavi");
    store.export_to(&file, "0.1.0", &code(CODE), at(10)).await.expect("export");
    std::fs::create_dir_all(&new_pc).expect("new pc");
    let keeper = CodeKeeper::new(&new_pc);
    let mut out = serde_json::Map::new();
    for (name, typed) in [("needed", None), ("wrong", Some(OTHER_CODE)), ("malformed", Some("ABCDE-FGHJK"))] {
        let e = backup::stage_import(&new_pc, &file, Codes { keeper: &keeper, typed }, "0.1.0", "院長", at(20))
            .await
            .expect_err(name);
        out.insert(name.into(), as_ui(&e));
    }
    keeper.adopt(&code(OTHER_CODE), at(0)).expect("kept");
    let e = import(&new_pc, &keeper, &file, None).await.expect_err("kept fails");
    out.insert("keptFails".into(), as_ui(&e));
    let noon = Utc.with_ymd_and_hms(2026, 12, 6, 3, 0, 0).single().expect("time");
    let mut kept = store::recovery::KeptCode { code: code(CODE), issued_at: noon, acknowledged: false };
    out.insert("toKeep".into(), serde_json::to_value(store::recovery::RecoveryState::of(Some(&kept))).expect("json"));
    kept.acknowledged = true;
    out.insert("kept".into(), serde_json::to_value(store::recovery::RecoveryState::of(Some(&kept))).expect("json"));
    out.insert("none".into(), serde_json::to_value(store::recovery::RecoveryState::of(None)).expect("json"));

    let text = serde_json::to_string_pretty(&serde_json::Value::Object(out)).expect("json") + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/lib/testing/recorded/recovery.json");
    if std::env::var_os("UPDATE_RECORDED").is_some() {
        std::fs::write(&path, &text).expect("write the recorded file");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == text, "{} is stale: run UPDATE_RECORDED=1 cargo test -p store --test sealed", path.display());
}
