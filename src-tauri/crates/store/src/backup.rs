//! Keeping the clinic's data: backups in generations to a folder staff choose (a USB drive kept
//! apart from the PC), restore from a generation, and one file that moves everything to a new PC.
//!
//! A live database in WAL mode is never copied as a file (that can copy a torn database): a
//! backup is SQLite's `VACUUM INTO`, a consistent snapshot taken inside one read transaction
//! while other connections go on writing. Every backup is written under a temporary name, opened
//! read-only and checked with `PRAGMA integrity_check` before it gets its real name, so a
//! generation that is listed is a whole one. The PDFs and photos live in the database as BLOBs,
//! so they are in every backup.
//!
//! Restoring never swaps a database under open connections, and never adopts a file from outside
//! as it is: the chosen file is rebuilt into a new database made by the app's own migrations
//! ([`crate::rebuild`]: its schema compared, its rows copied and checked) and that new database
//! is put beside the live one as [`PENDING_RESTORE`]; at the next start, before the store opens,
//! [`apply_pending_restore`] sets the current database aside (kept, named by the time) and puts
//! the rebuilt one in its place.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::{Connection, SqliteConnection};

use crate::{DATABASE_FILE, MIGRATOR, Store, StoreError};

/// The name of each generation: `onshi-navi-backup-20261129-083000.sqlite3` (local time).
const GENERATION_PREFIX: &str = "onshi-navi-backup-";
const GENERATION_SUFFIX: &str = ".sqlite3";
const GENERATION_TIME: &str = "%Y%m%d-%H%M%S";
/// The folder the generations go into, inside the folder staff chose.
pub const BACKUP_FOLDER: &str = "オン資ナビのバックアップ";
/// A restore waiting for the next start, beside the database.
pub const PENDING_RESTORE: &str = "restore-pending.sqlite3";
/// An imported database waiting for staff to confirm, beside the database.
pub const IMPORT_WAITING: &str = "import-waiting.sqlite3";
/// The moved-data file's extension (a .zip with a manifest and the database).
pub const EXPORT_EXTENSION: &str = "onshinavi";
const MANIFEST: &str = "manifest.json";
const FORMAT: &str = "onshi-navi-export/1";
/// The fewest and most generations a clinic can keep.
pub const GENERATIONS: std::ops::RangeInclusive<u32> = 1..=60;
/// Kept when staff never said.
pub const DEFAULT_GENERATIONS: u32 = 7;

/// One generation in the backup folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Generation {
    /// The file's name (what staff pick to restore)
    pub name: String,
    /// When it was taken, 和暦 with 西暦 and the time
    pub taken_at_text: String,
    /// Its size in KB (rounded up)
    pub size_kb: u32,
}

/// What a backup holds, shown before it is restored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupSummary {
    /// 施術所名 in it ("" when the profile was never saved)
    pub clinic_name: String,
    /// Patients in the 患者台帳
    pub patients: u32,
    /// 資格確認 records
    pub checks: u32,
    /// The newest record's time (a check or a change), 和暦 with 西暦; `None` when empty
    pub newest_record_text: Option<String>,
}

/// The manifest of a moved-data file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Manifest {
    format: String,
    app_version: String,
    schema_version: i64,
    exported_at: String,
}

fn folder_error(path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::BackupFolder { path: path.to_path_buf(), reason: e.to_string() }
}

fn not_a_backup(path: &Path, reason: impl std::fmt::Display) -> StoreError {
    StoreError::NotABackup { path: path.to_path_buf(), reason: reason.to_string() }
}

/// The newest migration this app knows: a backup from a newer one is refused.
pub(crate) fn known_schema() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// A generation's time from its name; `None` for any other file (never touched).
fn generation_time(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix(GENERATION_PREFIX)?.strip_suffix(GENERATION_SUFFIX)?;
    NaiveDateTime::parse_from_str(stamp, GENERATION_TIME).ok()
}

/// The generations in `folder` (the folder staff chose), newest first. A missing folder has none.
pub fn generations(folder: &Path) -> Result<Vec<Generation>, StoreError> {
    let dir = folder.join(BACKUP_FOLDER);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(folder_error(&dir, e)),
    };
    let mut found: Vec<(NaiveDateTime, Generation)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let at = generation_time(&name)?;
            let size = entry.metadata().ok()?.len();
            let taken_at_text = format!("{} {}", jptext::format_date(at.date()), at.format("%H:%M"));
            Some((
                at,
                Generation { name, taken_at_text, size_kb: u32::try_from(size.div_ceil(1024)).unwrap_or(u32::MAX) },
            ))
        })
        .collect();
    found.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    Ok(found.into_iter().map(|(_, g)| g).collect())
}

/// The file of generation `name` in `folder`, refusing any name that is not a generation's (no
/// path can be smuggled in from the screen).
pub fn generation_path(folder: &Path, name: &str) -> Result<PathBuf, StoreError> {
    if generation_time(name).is_none() || name.contains(['/', '\\']) {
        return Err(not_a_backup(Path::new(name), "not a generation's name"));
    }
    Ok(folder.join(BACKUP_FOLDER).join(name))
}

/// Checks `path` is a whole オン資ナビ database this app can open, and says what it holds: the
/// header, `PRAGMA integrity_check` (every page), a schema exactly the app's migrations make at
/// its version (refusing a newer app's, and anything added), then the counts, all read untrusted
/// ([`crate::rebuild::open_untrusted`]) and refused past [`crate::rebuild::PREVIEW_LIMIT`].
pub async fn inspect(path: &Path) -> Result<BackupSummary, StoreError> {
    let deadline = std::time::Instant::now() + crate::rebuild::PREVIEW_LIMIT;
    let mut conn = crate::rebuild::open_untrusted(path, deadline).await?;
    let summary = match crate::rebuild::check_schema(&mut conn, path, deadline).await {
        Ok(_) => summarise(&mut conn).await.map_err(|e| {
            if std::time::Instant::now() >= deadline {
                StoreError::BackupTooSlow { path: path.to_path_buf() }
            } else {
                not_a_backup(path, e)
            }
        }),
        Err(e) => Err(e),
    };
    let _ = conn.close().await;
    summary
}

async fn summarise(conn: &mut SqliteConnection) -> Result<BackupSummary, sqlx::Error> {
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    let clinic_name: Option<String> =
        sqlx::query_scalar("SELECT name FROM clinic_profile WHERE id = 1").fetch_optional(&mut *conn).await?;
    let patients: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM patients").fetch_one(&mut *conn).await?;
    let checks: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM eligibility_checks").fetch_one(&mut *conn).await?;
    let newest: Option<String> = sqlx::query_scalar(
        "SELECT MAX(at) FROM (SELECT MAX(checked_at) AS at FROM eligibility_checks UNION ALL SELECT MAX(at) FROM audit_log)",
    )
    .fetch_one(&mut *conn)
    .await?;
    let newest_record_text = newest.as_deref().and_then(|t| crate::parse_timestamp(t).ok()).map(|t| {
        let local = t.with_timezone(&Local);
        format!("{} {}", jptext::format_date(local.date_naive()), local.format("%H:%M"))
    });
    Ok(BackupSummary {
        clinic_name: clinic_name.unwrap_or_default(),
        patients: count(patients),
        checks: count(checks),
        newest_record_text,
    })
}

/// Removes a file if it is there (a leftover temporary file).
fn remove_if_there(path: &Path) {
    let _ = std::fs::remove_file(path);
}

impl Store {
    /// A consistent snapshot of the live database written to `target` with `VACUUM INTO` (other
    /// connections may go on writing), then checked read-only; a failed check removes the file.
    async fn snapshot_to(&self, target: &Path) -> Result<BackupSummary, StoreError> {
        remove_if_there(target);
        let text = target.to_str().ok_or_else(|| folder_error(target, "the path is not valid Unicode"))?;
        if let Err(e) = sqlx::query("VACUUM INTO ?").bind(text).execute(self.pool()).await {
            remove_if_there(target);
            return Err(folder_error(target, e));
        }
        match inspect(target).await {
            Ok(summary) => Ok(summary),
            Err(e) => {
                remove_if_there(target);
                Err(folder_error(target, format!("the written backup did not verify: {e}")))
            }
        }
    }

    /// Takes a backup generation into `folder` (the folder staff chose) and keeps the newest
    /// `keep` generations there, removing older ones (only files named as generations). Written
    /// under a temporary name and verified before it gets its name, so a cut-off write never
    /// looks like a generation.
    pub async fn back_up(&self, folder: &Path, keep: u32, now: DateTime<Utc>) -> Result<Generation, StoreError> {
        if !folder.is_dir() {
            return Err(folder_error(folder, "the folder is not there (is the USB drive plugged in?)"));
        }
        let dir = folder.join(BACKUP_FOLDER);
        std::fs::create_dir_all(&dir).map_err(|e| folder_error(&dir, e))?;
        let local = now.with_timezone(&Local).naive_local();
        let name = format!("{GENERATION_PREFIX}{}{GENERATION_SUFFIX}", local.format(GENERATION_TIME));
        let partial = dir.join(format!("{name}.partial"));
        self.snapshot_to(&partial).await?;
        let target = dir.join(&name);
        std::fs::rename(&partial, &target).map_err(|e| {
            remove_if_there(&partial);
            folder_error(&target, e)
        })?;
        prune(folder, keep.clamp(*GENERATIONS.start(), *GENERATIONS.end()) as usize)?;
        generations(folder)?
            .into_iter()
            .find(|g| g.name == name)
            .ok_or_else(|| folder_error(&target, "the backup vanished after it was written"))
    }

    /// Writes everything (the database with its PDFs, photos and settings) into one file for a new
    /// PC: a .zip holding a manifest (the app's version, the schema) and a verified snapshot.
    pub async fn export_to(&self, file: &Path, app_version: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        // The snapshot is taken inside the data folder, never beside the chosen file (a USB
        // stick): only the finished export ever reaches the chosen folder.
        let data_dir = self.path().parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let snapshot = data_dir.join(format!(".onshi-navi-export-{}.sqlite3", std::process::id()));
        self.snapshot_to(&snapshot).await?;
        let written = write_export(file, &snapshot, app_version, now);
        remove_if_there(&snapshot);
        written
    }
}

fn write_export(file: &Path, snapshot: &Path, app_version: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    let manifest = Manifest {
        format: FORMAT.into(),
        app_version: app_version.into(),
        schema_version: known_schema(),
        exported_at: crate::timestamp(now),
    };
    let partial = file.with_extension(format!("{EXPORT_EXTENSION}.partial"));
    let result = (|| -> Result<(), Box<dyn std::error::Error>> {
        let out = std::fs::File::create(&partial)?;
        let mut zip = zip::ZipWriter::new(out);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(MANIFEST, options)?;
        zip.write_all(serde_json::to_string_pretty(&manifest)?.as_bytes())?;
        zip.start_file(DATABASE_FILE, options.large_file(true))?;
        std::io::copy(&mut std::fs::File::open(snapshot)?, &mut zip)?;
        zip.finish()?.sync_all()?;
        std::fs::rename(&partial, file)?;
        Ok(())
    })();
    result.map_err(|e| {
        remove_if_there(&partial);
        folder_error(file, e)
    })
}

/// Removes all but the newest `keep` generations.
fn prune(folder: &Path, keep: usize) -> Result<(), StoreError> {
    for old in generations(folder)?.into_iter().skip(keep) {
        let path = folder.join(BACKUP_FOLDER).join(&old.name);
        std::fs::remove_file(&path).map_err(|e| folder_error(&path, e))?;
    }
    Ok(())
}

/// Rebuilds `source` (a generation) beside the database in `data_dir` as the restore for the next
/// start ([`crate::rebuild`]; the rebuild's audit row names `actor`). Returns what it holds.
/// Nothing of the current data is touched yet.
pub async fn stage_restore(
    data_dir: &Path,
    source: &Path,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<BackupSummary, StoreError> {
    stage_as(data_dir, source, PENDING_RESTORE, actor, now).await
}

/// Rebuilds `source` into `data_dir` as `name` (under a temporary name until it is whole).
async fn stage_as(
    data_dir: &Path,
    source: &Path,
    name: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<BackupSummary, StoreError> {
    let pending = data_dir.join(name);
    let partial = data_dir.join(format!("{name}.partial"));
    let summary = crate::rebuild::rebuild(source, &partial, actor, now).await?;
    std::fs::rename(&partial, &pending).map_err(|e| {
        remove_if_there(&partial);
        folder_error(&pending, e)
    })?;
    Ok(summary)
}

/// Checks a moved-data file (`file`, from [`Store::export_to`]) and rebuilds its database beside
/// the data as [`IMPORT_WAITING`]: it becomes the restore for the next start only when staff
/// confirm ([`confirm_import`]), so an import left unanswered never replaces anything. A file from
/// a newer app is refused by its manifest. Returns what it holds.
pub async fn stage_import(
    data_dir: &Path,
    file: &Path,
    app_version: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<BackupSummary, StoreError> {
    let extracted = data_dir.join(format!("{PENDING_RESTORE}.import"));
    let manifest = extract_export(file, &extracted).inspect_err(|_| remove_if_there(&extracted))?;
    if manifest.format != FORMAT {
        remove_if_there(&extracted);
        return Err(not_a_backup(file, format!("format {}", manifest.format)));
    }
    if newer(&manifest.app_version, app_version) {
        remove_if_there(&extracted);
        return Err(StoreError::FromNewerApp(manifest.app_version));
    }
    let staged = stage_as(data_dir, &extracted, IMPORT_WAITING, actor, now).await;
    remove_if_there(&extracted);
    staged
}

/// Staff confirmed the import waiting: it is restored at the next start. False when none waits.
pub fn confirm_import(data_dir: &Path) -> Result<bool, StoreError> {
    let waiting = data_dir.join(IMPORT_WAITING);
    if !waiting.is_file() {
        return Ok(false);
    }
    let pending = data_dir.join(PENDING_RESTORE);
    std::fs::rename(&waiting, &pending).map_err(|e| StoreError::DataDir { path: pending, source: e })?;
    Ok(true)
}

/// Drops an import waiting for confirmation (also done at every start: an unanswered import is
/// never applied later).
pub fn cancel_import(data_dir: &Path) -> Result<(), StoreError> {
    let waiting = data_dir.join(IMPORT_WAITING);
    match std::fs::remove_file(&waiting) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::DataDir { path: waiting, source: e }),
    }
}

/// The most entries a moved-data file may hold (we write two).
const MAX_ENTRIES: usize = 8;
/// The largest manifest read.
const MAX_MANIFEST: u64 = 64 * 1024;
/// The largest database taken from a moved-data file: far above ten years of a clinic's data with
/// its PDFs and photos, far below what fills a disk.
pub const MAX_DATABASE: u64 = 4 * 1024 * 1024 * 1024;

/// Reads at most `cap` bytes of `reader` into `out`; more than `cap` is refused (a zip bomb
/// declares little and inflates much: the declared size is not trusted).
fn copy_capped(reader: impl Read, out: &mut impl Write, cap: u64) -> std::io::Result<bool> {
    let copied = std::io::copy(&mut reader.take(cap + 1), out)?;
    Ok(copied <= cap)
}

fn extract_export(file: &Path, to: &Path) -> Result<Manifest, StoreError> {
    extract_capped(file, to, MAX_DATABASE)
}

/// [`extract_export`] with the database's cap given (the tests use a small one).
fn extract_capped(file: &Path, to: &Path, cap: u64) -> Result<Manifest, StoreError> {
    let bad = |e: &dyn std::fmt::Display| not_a_backup(file, e);
    let reader = std::fs::File::open(file).map_err(|e| bad(&e))?;
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| bad(&e))?;
    if zip.len() > MAX_ENTRIES {
        return Err(bad(&format!("{} entries", zip.len())));
    }
    let manifest: Manifest = {
        let entry = zip.by_name(MANIFEST).map_err(|e| bad(&e))?;
        let mut text = Vec::new();
        if !copy_capped(entry, &mut text, MAX_MANIFEST).map_err(|e| bad(&e))? {
            return Err(bad(&"the manifest is too large"));
        }
        serde_json::from_slice(&text).map_err(|e| bad(&e))?
    };
    let entry = zip.by_name(DATABASE_FILE).map_err(|e| bad(&e))?;
    if entry.size() > cap {
        return Err(bad(&format!("the database declares {} bytes", entry.size())));
    }
    let mut out = std::fs::File::create(to).map_err(|e| folder_error(to, e))?;
    let whole = copy_capped(entry, &mut out, cap).map_err(|e| bad(&e));
    if !whole? {
        drop(out);
        remove_if_there(to);
        return Err(bad(&"the database inflates past the limit"));
    }
    out.sync_all().map_err(|e| folder_error(to, e))?;
    Ok(manifest)
}

/// Whether version `a` (x.y.z) is newer than `b`; an unreadable part counts as 0.
fn newer(a: &str, b: &str) -> bool {
    let parts = |v: &str| -> Vec<u64> { v.split(['.', '-', '+']).take(3).map(|p| p.parse().unwrap_or(0)).collect() };
    parts(a) > parts(b)
}

/// At start, before the store opens: when a restore is staged, sets the current database aside
/// (with its `-wal`/`-shm`, renamed together as `onshi-navi.before-restore-<time>.sqlite3…`) and
/// puts the staged one in its place. Returns the set-aside file, or `None` when nothing was staged.
pub fn apply_pending_restore(data_dir: &Path, now: DateTime<Utc>) -> Result<Option<PathBuf>, StoreError> {
    let pending = data_dir.join(PENDING_RESTORE);
    if !pending.is_file() {
        return Ok(None);
    }
    let db = data_dir.join(DATABASE_FILE);
    let stamp = now.with_timezone(&Local).format(GENERATION_TIME);
    let aside = data_dir.join(format!("onshi-navi.before-restore-{stamp}.sqlite3"));
    let io = |path: &Path, e: std::io::Error| StoreError::DataDir { path: path.to_path_buf(), source: e };
    let had_database = db.is_file();
    if had_database {
        for suffix in ["-wal", "-shm"] {
            let mut from = db.clone().into_os_string();
            from.push(suffix);
            let mut to = aside.clone().into_os_string();
            to.push(suffix);
            if Path::new(&from).exists() {
                std::fs::rename(&from, &to).map_err(|e| io(Path::new(&from), e))?;
            }
        }
        std::fs::rename(&db, &aside).map_err(|e| io(&db, e))?;
    }
    std::fs::rename(&pending, &db).map_err(|e| io(&pending, e))?;
    tracing::info!(aside = %aside.display(), "restored a backup; the previous database is kept aside");
    Ok(had_database.then_some(aside))
}

/// When a generation named `name` was taken, for messages; `None` for another name.
pub fn generation_taken_at(name: &str) -> Option<DateTime<Local>> {
    generation_time(name).and_then(|t| Local.from_local_datetime(&t).earliest())
}

/// Where backups go and how many generations are kept, with how the last one went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupState {
    /// The folder staff chose; `None` until they do
    pub folder: Option<String>,
    /// Generations kept
    pub keep: u32,
    /// When the last backup succeeded, 和暦 with 西暦 and the time
    pub last_ok_text: Option<String>,
    /// Why the last attempt failed, when it did (cleared by the next success)
    pub last_error: Option<String>,
    /// No backup has succeeded today yet
    pub due_today: bool,
}

const FOLDER_SETTING: &str = "backup_folder";
const KEEP_SETTING: &str = "backup_generations";

impl Store {
    /// The backup folder staff chose, and how many generations to keep.
    pub async fn backup_settings(&self) -> Result<(Option<PathBuf>, u32), StoreError> {
        let folder = self.setting(FOLDER_SETTING).await?.filter(|f| !f.is_empty()).map(PathBuf::from);
        let keep = self
            .setting(KEEP_SETTING)
            .await?
            .and_then(|k| k.parse().ok())
            .filter(|k| GENERATIONS.contains(k))
            .unwrap_or(DEFAULT_GENERATIONS);
        Ok((folder, keep))
    }

    /// Sets the backup folder (logged as a setting change).
    pub async fn set_backup_folder(&self, folder: &Path, actor: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let text = folder.to_str().ok_or_else(|| folder_error(folder, "the path is not valid Unicode"))?;
        self.set_setting(FOLDER_SETTING, text, actor, now).await
    }

    /// Sets how many generations are kept: 1–60, 全角 digits accepted.
    pub async fn set_backup_generations(&self, raw: &str, actor: &str, now: DateTime<Utc>) -> Result<u32, StoreError> {
        let message = format!("残す世代の数は {}〜{} の数字で入力してください", GENERATIONS.start(), GENERATIONS.end());
        let keep = jptext::parse_count(raw, i64::from(*GENERATIONS.end()))
            .ok()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| GENERATIONS.contains(n))
            .ok_or_else(|| StoreError::Validation(vec![crate::clinic::FieldIssue::new("keep", message)]))?;
        self.set_setting(KEEP_SETTING, &keep.to_string(), actor, now).await?;
        Ok(keep)
    }

    /// Records how a backup went (not an audit row: it is the app's own doing, every day).
    pub async fn record_backup(&self, outcome: Result<(), String>, now: DateTime<Utc>) -> Result<(), StoreError> {
        let at = crate::timestamp(now);
        let query = match &outcome {
            Ok(()) => sqlx::query(
                "INSERT INTO backup_state (id, last_ok_at, last_error) VALUES (1, ?1, NULL)
                 ON CONFLICT (id) DO UPDATE SET last_ok_at = ?1, last_error = NULL",
            )
            .bind(at),
            Err(message) => sqlx::query(
                "INSERT INTO backup_state (id, last_ok_at, last_error) VALUES (1, NULL, ?1)
                 ON CONFLICT (id) DO UPDATE SET last_error = ?1",
            )
            .bind(message.clone()),
        };
        query.execute(self.pool()).await?;
        Ok(())
    }

    /// The backup settings and how the last backup went, as of `now`.
    pub async fn backup_state(&self, now: DateTime<Utc>) -> Result<BackupState, StoreError> {
        let (folder, keep) = self.backup_settings().await?;
        let row: Option<(Option<String>, Option<String>)> =
            sqlx::query_as("SELECT last_ok_at, last_error FROM backup_state WHERE id = 1")
                .fetch_optional(self.pool())
                .await?;
        let (last_ok, last_error) = row.unwrap_or_default();
        let last_ok = last_ok.as_deref().map(crate::parse_timestamp).transpose()?.map(|t| t.with_timezone(&Local));
        let today = now.with_timezone(&Local).date_naive();
        Ok(BackupState {
            folder: folder.map(|f| f.display().to_string()),
            keep,
            last_ok_text: last_ok.map(|t| format!("{} {}", jptext::format_date(t.date_naive()), t.format("%H:%M"))),
            last_error,
            due_today: last_ok.is_none_or(|t| t.date_naive() < today),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_generation_names_are_generations() {
        assert!(generation_time("onshi-navi-backup-20261129-083000.sqlite3").is_some());
        assert!(generation_time("onshi-navi-backup-20261129-083000.sqlite3.partial").is_none());
        assert!(generation_time("写真.jpg").is_none());
        assert!(generation_path(Path::new("/b"), "../onshi-navi.sqlite3").is_err());
        assert!(generation_path(Path::new("/b"), "onshi-navi-backup-20261129-083000.sqlite3").is_ok());
    }

    #[test]
    fn versions_compare_by_number() {
        assert!(newer("0.10.0", "0.9.9"));
        assert!(!newer("0.1.0", "0.1.0"));
        assert!(!newer("0.1.0", "0.2.0"));
    }
}

#[cfg(test)]
mod zip_tests {
    use std::io::Write;

    use super::*;

    /// A moved-data file with `entries` extra entries and a database entry of `size` zero bytes
    /// (it deflates to almost nothing: a zip bomb in small).
    fn zip_file(dir: &Path, size: usize, entries: usize) -> PathBuf {
        let path = dir.join("bomb.onshinavi");
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).expect("create"));
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(MANIFEST, options).expect("manifest");
        let manifest =
            r#"{"format": "onshi-navi-export/1", "appVersion": "0.1.0", "schemaVersion": 1, "exportedAt": ""}"#;
        zip.write_all(manifest.as_bytes()).expect("write");
        for i in 0..entries {
            zip.start_file(format!("extra-{i}.txt"), options).expect("extra");
        }
        zip.start_file(DATABASE_FILE, options).expect("db");
        zip.write_all(&vec![0_u8; size]).expect("write");
        zip.finish().expect("finish");
        path
    }

    #[test]
    fn a_zip_bomb_or_a_crowded_file_is_refused_with_nothing_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("extracted.sqlite3");
        let bomb = zip_file(dir.path(), 3 * 1024 * 1024, 0);
        assert!(std::fs::metadata(&bomb).expect("meta").len() < 64 * 1024, "it deflates to little");
        let e = extract_capped(&bomb, &out, 1024 * 1024).expect_err("inflates past the cap");
        assert_eq!(e.code(), "NotABackup");
        assert!(!out.exists(), "nothing is left written");
        let small = zip_file(dir.path(), 1000, 0);
        assert!(extract_capped(&small, &out, 1024 * 1024).is_ok());
        let crowded = zip_file(dir.path(), 1000, MAX_ENTRIES);
        assert_eq!(extract_capped(&crowded, &out, 1024 * 1024).expect_err("too many entries").code(), "NotABackup");
    }
}
