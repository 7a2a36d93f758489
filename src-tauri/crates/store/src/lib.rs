//! The clinic's own data, in one SQLite file in the app's data folder.
//!
//! Invariant: only this crate writes SQL. Every change a person makes is written together with an
//! [`audit`] row in one transaction, so the log can never miss a change nor record one that did
//! not happen.

// Domain code has no business with raw pointers: the workspace only denies unsafe code (the
// host's Windows message box allows it once); here it stays forbidden.
#![forbid(unsafe_code)]

pub mod audit;
pub mod checks;
pub mod clinic;
mod error;
pub mod patients;
pub mod settings;
pub mod setup;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

pub use error::StoreError;

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
    /// Opens (or creates) the database in `data_dir`, creating the folder when needed, and brings
    /// its schema up to date. Refuses a database written by a newer version of the app.
    pub async fn open_in(data_dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(data_dir)
            .map_err(|source| StoreError::DataDir { path: data_dir.to_path_buf(), source })?;
        Store::open_file(&data_dir.join(DATABASE_FILE)).await
    }

    /// Opens (or creates) the database at `path` and runs the pending migrations.
    pub async fn open_file(path: &Path) -> Result<Store, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite:")
            .map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        MIGRATOR.run(&pool).await.map_err(|e| match e {
            sqlx::migrate::MigrateError::VersionMissing(version) => StoreError::DatabaseTooNew(version),
            other => StoreError::Migration(other),
        })?;
        tracing::info!(path = %path.display(), "database ready");
        Ok(Store { pool, path: path.to_path_buf() })
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

/// The timestamp format of every `*_at` column: RFC 3339 in UTC, seconds precision.
pub(crate) fn timestamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub(crate) fn parse_timestamp(text: &str) -> Result<chrono::DateTime<chrono::Utc>, StoreError> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|_| StoreError::CorruptData(format!("日時 {text}")))
}
