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
//! Every generation and moved-data file is sealed with the 復元コード ([`crate::sealed`],
//! [`crate::recovery`]): a lost USB stick holds no patient's data anyone can read. The plain
//! snapshot is only ever written inside the data folder, in a temporary folder removed after.
//!
//! Restoring never swaps a database under open connections, and never adopts a file from outside
//! as it is: the chosen file is rebuilt into a new database made by the app's own migrations
//! ([`crate::rebuild`]: its schema compared, its rows copied and checked) and that new database
//! is put beside the live one as [`PENDING_RESTORE`]; at the next start, before the store opens,
//! [`apply_pending_restore`] sets the current database aside (kept, named by the time) and puts
//! the rebuilt one in its place.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDateTime, TimeZone, Utc};
use serde::Serialize;
use specta::Type;
use sqlx::{Connection, SqliteConnection};

use crate::recovery::RecoveryCode;
use crate::sealed::{Codes, Manifest};
use crate::{DATABASE_FILE, MIGRATOR, Store, StoreError};

/// The name of each generation: `onshi-navi-backup-20261129-083000.onshinavi` (local time).
const GENERATION_PREFIX: &str = "onshi-navi-backup-";
const GENERATION_SUFFIX: &str = ".onshinavi";
/// An older app's plain generation (a bare SQLite file), still listed and restorable.
const PLAIN_GENERATION_SUFFIX: &str = ".sqlite3";
const GENERATION_TIME: &str = "%Y%m%d-%H%M%S";
/// The folder the generations go into, inside the folder staff chose.
pub const BACKUP_FOLDER: &str = "オン資ナビのバックアップ";
/// A restore waiting for the next start, beside the database.
pub const PENDING_RESTORE: &str = "restore-pending.sqlite3";
/// An imported database waiting for staff to confirm, beside the database.
pub const IMPORT_WAITING: &str = "import-waiting.sqlite3";
/// The moved-data file's extension (a sealed .zip with a manifest and the database).
pub const EXPORT_EXTENSION: &str = "onshinavi";
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

/// The newest migration this app knows: a backup from a newer one is refused.
pub(crate) fn known_schema() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// A generation's time from its name; `None` for any other file (never touched).
fn generation_time(name: &str) -> Option<NaiveDateTime> {
    let rest = name.strip_prefix(GENERATION_PREFIX)?;
    let stamp = rest.strip_suffix(GENERATION_SUFFIX).or_else(|| rest.strip_suffix(PLAIN_GENERATION_SUFFIX))?;
    NaiveDateTime::parse_from_str(stamp, GENERATION_TIME).ok()
}

/// The generations in `folder` (the folder staff chose), newest first. A missing folder has none.
pub fn generations(folder: &Path) -> Result<Vec<Generation>, StoreError> {
    let dir = folder.join(BACKUP_FOLDER);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::backup_folder(&dir, e)),
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
        return Err(StoreError::not_a_backup(Path::new(name), "not a generation's name"));
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
                StoreError::not_a_backup(path, e)
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

/// The start of every work folder's name.
const WORK_PREFIX: &str = ".onshi-navi-work-";

/// At start, before anything runs: removes the work folders a backup or a restore cut off by a
/// crash or a power cut left in the data folder `data_dir` (a plain snapshot may be in one).
/// Returns how many were removed.
pub fn clean_work_folders(data_dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(data_dir) else { return 0 };
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(WORK_PREFIX) && e.path().is_dir())
        .filter(|e| std::fs::remove_dir_all(e.path()).is_ok())
        .count()
}

/// A folder for the plain files of one operation (a snapshot, a decrypted database) inside the
/// data folder `data_dir`, removed with everything in it when dropped, on every path.
fn work_folder(data_dir: &Path) -> Result<tempfile::TempDir, StoreError> {
    tempfile::Builder::new()
        .prefix(WORK_PREFIX)
        .tempdir_in(data_dir)
        .map_err(|e| StoreError::DataDir { path: data_dir.to_path_buf(), source: e })
}

/// What generation or moved-data file `file` holds, checked whole as [`inspect`] does: a sealed
/// one is decrypted inside the data folder `data_dir` with [`Codes`] first (a typed code that
/// opens it becomes this PC's when it keeps none).
pub async fn preview(
    data_dir: &Path,
    file: &Path,
    codes: Codes<'_>,
    now: DateTime<Utc>,
) -> Result<BackupSummary, StoreError> {
    let work = work_folder(data_dir)?;
    let opened = crate::sealed::open(file, work.path(), codes, now)?;
    inspect(&opened.database).await.map_err(|e| renamed(e, file))
}

/// An error about the decrypted copy, told of the file staff chose.
fn renamed(e: StoreError, file: &Path) -> StoreError {
    match e {
        StoreError::NotABackup { reason, .. } => StoreError::NotABackup { path: file.to_path_buf(), reason },
        StoreError::BackupTooSlow { .. } => StoreError::BackupTooSlow { path: file.to_path_buf() },
        other => other,
    }
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
        let text = target.to_str().ok_or_else(|| StoreError::backup_folder(target, "the path is not valid Unicode"))?;
        if let Err(e) = sqlx::query("VACUUM INTO ?").bind(text).execute(self.pool()).await {
            remove_if_there(target);
            return Err(StoreError::backup_folder(target, e));
        }
        match inspect(target).await {
            Ok(summary) => Ok(summary),
            Err(e) => {
                remove_if_there(target);
                Err(StoreError::backup_folder(target, format!("the written backup did not verify: {e}")))
            }
        }
    }

    /// The data folder (beside the database), where plain snapshots are taken.
    fn data_dir(&self) -> &Path {
        self.path().parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
    }

    /// A checked snapshot taken in a work folder inside the data folder, sealed with `code` into
    /// `target` with `manifest`; the plain snapshot is gone afterwards on every path.
    async fn seal_to(
        &self,
        target: &Path,
        app_version: &str,
        code: &RecoveryCode,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let work = work_folder(self.data_dir())?;
        let size = std::fs::metadata(self.path()).map(|m| m.len()).unwrap_or(0);
        crate::sealed::ensure_space(work.path(), size)?;
        let snapshot = work.path().join("snapshot.sqlite3");
        self.snapshot_to(&snapshot).await?;
        let manifest = Manifest {
            format: crate::sealed::FORMAT_SEALED.into(),
            app_version: app_version.to_string(),
            schema_version: known_schema(),
            exported_at: crate::timestamp(now),
        };
        crate::sealed::write(target, &snapshot, &manifest, code)
    }

    /// Takes a backup generation, sealed with `code`, into `folder` (the folder staff chose) and
    /// keeps the newest `keep` generations there, removing older ones (only files named as
    /// generations). Written under a temporary name and read back whole before it gets its name,
    /// so a cut-off write never looks like a generation.
    pub async fn back_up(
        &self,
        folder: &Path,
        keep: u32,
        code: &RecoveryCode,
        now: DateTime<Utc>,
    ) -> Result<Generation, StoreError> {
        if !folder.is_dir() {
            return Err(StoreError::backup_folder(folder, "フォルダが見つかりません(USBメモリが挿さっていないなど)"));
        }
        let dir = folder.join(BACKUP_FOLDER);
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::backup_folder(&dir, e))?;
        let local = now.with_timezone(&Local).naive_local();
        let name = format!("{GENERATION_PREFIX}{}{GENERATION_SUFFIX}", local.format(GENERATION_TIME));
        let target = dir.join(&name);
        self.seal_to(&target, env!("CARGO_PKG_VERSION"), code, now).await?;
        prune(folder, keep.clamp(*GENERATIONS.start(), *GENERATIONS.end()) as usize)?;
        generations(folder)?
            .into_iter()
            .find(|g| g.name == name)
            .ok_or_else(|| StoreError::backup_folder(&target, "the backup vanished after it was written"))
    }

    /// Writes everything (the database with its PDFs, photos and settings) into one file for a new
    /// PC, sealed with `code`: the same kind of file as a generation, with the app's version and
    /// the schema in its manifest. Only the finished, sealed file reaches the chosen folder.
    pub async fn export_to(
        &self,
        file: &Path,
        app_version: &str,
        code: &RecoveryCode,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.seal_to(file, app_version, code, now).await
    }
}

/// Removes all but the newest `keep` generations.
fn prune(folder: &Path, keep: usize) -> Result<(), StoreError> {
    for old in generations(folder)?.into_iter().skip(keep) {
        let path = folder.join(BACKUP_FOLDER).join(&old.name);
        std::fs::remove_file(&path).map_err(|e| StoreError::backup_folder(&path, e))?;
    }
    Ok(())
}

/// Rebuilds `source` (a generation, sealed or an older plain one) beside the database in
/// `data_dir` as the restore for the next start ([`crate::rebuild`]; the rebuild's audit row names
/// `actor`). Returns what it holds. Nothing of the current data is touched yet.
pub async fn stage_restore(
    data_dir: &Path,
    source: &Path,
    codes: Codes<'_>,
    app_version: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<BackupSummary, StoreError> {
    stage_as(data_dir, source, codes, PENDING_RESTORE, app_version, actor, now).await
}

/// Opens `source` ([`crate::sealed::open`]), refuses a newer app's file by its manifest, and
/// rebuilds it into `data_dir` as `name` (under a temporary name until it is whole).
async fn stage_as(
    data_dir: &Path,
    source: &Path,
    codes: Codes<'_>,
    name: &str,
    app_version: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<BackupSummary, StoreError> {
    let work = work_folder(data_dir)?;
    let opened = crate::sealed::open(source, work.path(), codes, now)?;
    if let Some(manifest) = &opened.manifest
        && newer(&manifest.app_version, app_version)
    {
        return Err(StoreError::FromNewerApp(manifest.app_version.clone()));
    }
    let size = std::fs::metadata(&opened.database).map(|m| m.len()).unwrap_or(0);
    crate::sealed::ensure_space(data_dir, size)?;
    let pending = data_dir.join(name);
    let partial = work.path().join(format!("{name}.partial"));
    let summary =
        crate::rebuild::rebuild(&opened.database, &partial, actor, now).await.map_err(|e| renamed(e, source))?;
    std::fs::rename(&partial, &pending).map_err(|e| StoreError::backup_folder(&pending, e))?;
    Ok(summary)
}

/// Checks a moved-data file (`file`, from [`Store::export_to`]) and rebuilds its database beside
/// the data as [`IMPORT_WAITING`]: it becomes the restore for the next start only when staff
/// confirm ([`confirm_import`]), so an import left unanswered never replaces anything. A file from
/// a newer app is refused by its manifest. Returns what it holds.
pub async fn stage_import(
    data_dir: &Path,
    file: &Path,
    codes: Codes<'_>,
    app_version: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<BackupSummary, StoreError> {
    stage_as(data_dir, file, codes, IMPORT_WAITING, app_version, actor, now).await
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

/// The setting that holds the backup folder staff chose.
pub(crate) const FOLDER_SETTING: &str = "backup_folder";
/// The setting that holds how many generations are kept.
pub(crate) const KEEP_SETTING: &str = "backup_generations";

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
        let text = folder.to_str().ok_or_else(|| StoreError::backup_folder(folder, "the path is not valid Unicode"))?;
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
        assert!(generation_time("onshi-navi-backup-20261129-083000.sqlite3").is_some(), "an older plain one");
        assert!(generation_time("onshi-navi-backup-20261129-083000.onshinavi").is_some());
        assert!(generation_time("onshi-navi-backup-20261129-083000.sqlite3.partial").is_none());
        assert!(generation_time("写真.jpg").is_none());
        assert!(generation_path(Path::new("/b"), "../onshi-navi.sqlite3").is_err());
        assert!(generation_path(Path::new("/b"), "onshi-navi-backup-20261129-083000.sqlite3").is_ok());
    }

    #[test]
    fn work_folders_left_by_a_crash_are_removed_at_start_and_nothing_else() {
        let dir = tempfile::tempdir().expect("tempdir");
        let left = work_folder(dir.path()).expect("work").keep();
        std::fs::write(left.join("snapshot.sqlite3"), b"plain").expect("write");
        std::fs::create_dir(dir.path().join("print")).expect("print");
        assert_eq!(clean_work_folders(dir.path()), 1);
        assert!(!left.exists() && dir.path().join("print").is_dir());
    }

    #[test]
    fn versions_compare_by_number() {
        assert!(newer("0.10.0", "0.9.9"));
        assert!(!newer("0.1.0", "0.1.0"));
        assert!(!newer("0.1.0", "0.2.0"));
    }
}
