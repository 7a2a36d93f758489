//! The clinic's own data, in one SQLite file in the app's data folder.
//!
//! Invariant: only this crate writes SQL. Every change a person makes is written together with an
//! [`audit`] row in one transaction, so the log can never miss a change nor record one that did
//! not happen.

// Domain code has no business with raw pointers: the workspace only denies unsafe code (the
// host's Windows message box allows it once); here it stays forbidden.
#![forbid(unsafe_code)]

pub mod audit;
pub mod backup;
pub mod checks;
pub mod clinic;
pub mod eligibility;
mod error;
pub mod patients;
pub mod promotion;
pub mod rebuild;
pub mod recovery;
mod rows;
pub mod sealed;
pub mod settings;
pub mod subsidy;
pub mod wizard;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

pub use error::{StoreError, StoreErrorCode};

/// The file name of the database inside the data folder.
pub const DATABASE_FILE: &str = "onshi-navi.sqlite3";

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// A handle on the clinic's database. Cheap to clone: it holds a connection pool.
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    path: PathBuf,
}

impl Store {
    /// Whether deleted content is overwritten on this store's connections (`PRAGMA
    /// secure_delete`), for the tests that hold it.
    pub async fn secure_delete(&self) -> Result<bool, StoreError> {
        let on: i64 = sqlx::query_scalar("PRAGMA secure_delete").fetch_one(self.pool()).await?;
        Ok(on == 1)
    }

    /// Opens (or creates) the database in `data_dir`, creating the folder when needed, and brings
    /// its schema up to date. Refuses a database written by a newer version of the app.
    pub async fn open_in(data_dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(data_dir)
            .map_err(|source| StoreError::DataDir { path: data_dir.to_path_buf(), source })?;
        Store::open_file(&data_dir.join(DATABASE_FILE)).await
    }

    /// Opens a new, empty database in `dir`, removing whatever an earlier run left there: the
    /// デモ database, whose records are of no use to anyone after the run that made them.
    pub async fn open_empty_in(dir: &Path) -> Result<Store, StoreError> {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|source| StoreError::DataDir { path: dir.to_path_buf(), source })?;
        }
        Store::open_in(dir).await
    }

    /// Opens (or creates) the database at `path` and runs the pending migrations.
    ///
    /// An existing file is checked before anything may write to it: its header first (in Rust, no
    /// SQLite), then SQLite's `quick_check` on a read-only connection. A damaged file is refused
    /// with [`StoreError::Damaged`] and left byte for byte as it was: no migration, no journal-mode
    /// change, no recovery. An empty file is what SQLite makes of a new database, and opens as one.
    pub async fn open_file(path: &Path) -> Result<Store, StoreError> {
        let existing = std::fs::metadata(path).map(|m| m.len() > 0).unwrap_or(false);
        if existing {
            if let Some(reason) = damage_in_header(path) {
                return Err(damaged(path, reason));
            }
            probe_read_only(path).await?;
        }
        let options = SqliteConnectOptions::from_str("sqlite:")
            .map_err(|source| open_error(path, source))?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            // A purged 資格情報 or a removed record is overwritten with zeros, not left in free
            // pages for anyone who copies the file.
            .pragma("secure_delete", "ON")
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(|source| open_error(path, source))?;
        if let Err(e) = MIGRATOR.run(&pool).await {
            pool.close().await;
            return Err(match e {
                sqlx::migrate::MigrateError::VersionMissing(version) => StoreError::DatabaseTooNew(version),
                sqlx::migrate::MigrateError::Execute(source)
                | sqlx::migrate::MigrateError::ExecuteMigration(source, _)
                    if is_damage(&source) =>
                {
                    damaged(path, source.to_string())
                }
                other => StoreError::Migration(other),
            });
        }
        tracing::info!(path = %path.display(), "database ready");
        Ok(Store { pool, path: path.to_path_buf() })
    }

    /// Writes that read a "before" row for their audit detail begin with `BEGIN IMMEDIATE`: the
    /// write lock is taken first, so the row read is the one the write replaces (a deferred
    /// transaction could read a row another connection is about to change).
    pub(crate) async fn write_tx(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, StoreError> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// The database file, shown in 設定 so staff know what to back up.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes every connection, checkpointing the WAL into the main file.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

/// SQLite's primary result codes for a damaged file: SQLITE_CORRUPT (11) and SQLITE_NOTADB (26).
/// Extended codes (`SQLITE_CORRUPT_INDEX` = 779, …) carry the primary code in their low byte.
const SQLITE_CORRUPT: i64 = 11;
const SQLITE_NOTADB: i64 = 26;

/// True when SQLite said the file is not a database or is corrupt.
fn is_damage(e: &sqlx::Error) -> bool {
    let sqlx::Error::Database(db) = e else { return false };
    db.code().and_then(|c| c.parse::<i64>().ok()).is_some_and(|c| matches!(c & 0xff, SQLITE_CORRUPT | SQLITE_NOTADB))
}

fn damaged(path: &Path, reason: String) -> StoreError {
    tracing::error!(path = %path.display(), %reason, "database file is damaged; left untouched");
    StoreError::Damaged { path: path.to_path_buf(), reason }
}

/// A failure to open: damage when SQLite says so, otherwise the plain open error with its cause.
fn open_error(path: &Path, source: sqlx::Error) -> StoreError {
    if is_damage(&source) {
        damaged(path, source.to_string())
    } else {
        StoreError::Open { path: path.to_path_buf(), source }
    }
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Reads the 100-byte header of a non-empty file and says what is wrong with it, if anything:
/// not an SQLite file, an impossible page size, or a file shorter than the page count its header
/// states (cut short by a failed copy or a full disk). Reads only; a header SQLite itself would
/// accept is left to SQLite.
pub(crate) fn damage_in_header(path: &Path) -> Option<String> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).ok()?; // unreadable: SQLite reports it as an open error
    let len = file.metadata().ok()?.len();
    let mut header = Vec::with_capacity(100);
    if let Err(e) = file.by_ref().take(100).read_to_end(&mut header) {
        return Some(format!("header unreadable: {e}"));
    }
    if header.len() < 100 {
        return Some(format!("file is {len} bytes, shorter than an SQLite header"));
    }
    if &header[..16] != SQLITE_MAGIC {
        return Some("not an SQLite file (header)".into());
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        n => return Some(format!("impossible page size {n}")),
    };
    let be32 = |at: usize| u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let pages = u64::from(be32(28));
    // The page count is trusted only when the header says it is current (SQLite's own rule), and
    // only without pending WAL frames, which a checkpoint would still add to the file.
    let count_current = pages > 0 && be32(24) == be32(92);
    if count_current && !wal_pending(path) && pages.saturating_mul(page_size) > len {
        return Some(format!("file is {len} bytes but its header counts {pages} pages of {page_size} bytes"));
    }
    None
}

/// Opens the file read-only, without changing its journal mode, and runs `PRAGMA quick_check`,
/// so corruption inside the file is found before the first write (a migration) could spread it.
///
/// The connection is `immutable` (no locks, no `-wal`/`-shm` files created beside the file)
/// unless the last session left WAL frames not yet copied into the file (the app or the PC
/// stopped): then the check must read those frames too, through a plain read-only connection,
/// which may add a `-shm` index next to the existing `-wal` but never writes the database file.
async fn probe_read_only(path: &Path) -> Result<(), StoreError> {
    use sqlx::ConnectOptions;
    use sqlx::Connection;
    let options = SqliteConnectOptions::from_str("sqlite:")
        .map_err(|source| open_error(path, source))?
        .filename(path)
        .read_only(true)
        .immutable(!wal_pending(path))
        .create_if_missing(false);
    let mut conn = options.connect().await.map_err(|source| open_error(path, source))?;
    let verdict: Result<Vec<String>, sqlx::Error> =
        sqlx::query_scalar("PRAGMA quick_check(1)").fetch_all(&mut conn).await;
    let _ = conn.close().await;
    match verdict {
        Ok(rows) if rows.iter().all(|r| r == "ok") => Ok(()),
        Ok(rows) => Err(damaged(path, format!("quick_check: {}", rows.join("; ")))),
        Err(source) => Err(open_error(path, source)),
    }
}

/// True when a non-empty `-wal` file sits beside the database: changes a checkpoint has yet to
/// copy into it.
fn wal_pending(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0)
}

/// The timestamp format of every `*_at` column: RFC 3339 in UTC, seconds precision.
pub(crate) fn timestamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A stored `*_at` time; one that does not read is corrupt data, never taken as "none".
pub fn parse_timestamp(text: &str) -> Result<chrono::DateTime<chrono::Utc>, StoreError> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|_| StoreError::CorruptData(format!("日時 {text}")))
}
