//! A file from outside (a backup generation, a moved-data export) never becomes the live
//! database as it is: it is data to check and copy. Whatever else a doctored file holds (a trigger
//! that copies each new patient elsewhere, one that deletes audit rows, a view named like a table,
//! a recursive view, a setting that points at another machine, a row no validator ever saw) must
//! not come with it.
//!
//! So a restore or an import is a rebuild:
//! 1. the file is opened read-only and immutable, with `trusted_schema = OFF` and `query_only =
//!    ON`, and every statement on it runs under a deadline (a progress handler interrupts it);
//! 2. its schema (every `sqlite_master` row but SQLite's own `sqlite_%`) must be exactly the one
//!    this app's migrations make at the version the file claims, compared with a database made
//!    by those migrations in memory: an extra trigger, view or index, a changed column, or a
//!    version this app never had refuses the file before anything of it is read;
//! 3. a new database is made by the app's own migrations at that version, and the rows are copied
//!    table by table with bound parameters, in one transaction, foreign keys checked after; the
//!    migrations table is the new database's own, never the file's;
//! 4. every text value is checked as the app checks what staff type: a control or bidi character
//!    (a line break or tab apart) refuses the file; a note that holds what could be a 個人番号
//!    (an older app's weaker guard let `1234ー5678ー9012` through) is emptied, counted in the audit
//!    row, never kept;
//! 5. settings that point outside the PC (the backup folder, the update address) are not taken
//!    over: staff choose them again on this PC;
//! 6. the import is written into the new database's audit log.
//!
//! Nothing of the incoming file's schema is ever executed: its statements are compared as text,
//! and the only SQL that runs on it is this module's own `SELECT`s of the app's own tables.

use std::path::Path;
use std::str::FromStr;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions, SqliteRow, SqliteValueRef};
use sqlx::{ConnectOptions, Connection, Row, SqliteConnection, SqlitePool, TypeInfo, Value, ValueRef};

use crate::audit::{AuditAction, AuditEntity};
use crate::backup::BackupSummary;
use crate::{MIGRATOR, StoreError};

/// Settings that point outside the PC: never taken over from a file.
pub const NOT_TAKEN_OVER: [&str; 2] = ["backup_folder", crate::settings::UPDATE_ADDRESS];

/// How long reading a file may take for its preview (counts) before it is refused.
pub const PREVIEW_LIMIT: Duration = Duration::from_secs(10);
/// How long a whole rebuild may take (a clinic's ten years copy in a few seconds).
pub const REBUILD_LIMIT: Duration = Duration::from_secs(120);

/// Statements SQLite runs between two looks at the clock.
const PROGRESS_STEPS: i32 = 10_000;

/// What a statement on the incoming file failed with: too slow (interrupted at the deadline), or
/// not a backup.
fn read_error(path: &Path, deadline: Instant, e: impl std::fmt::Display) -> StoreError {
    if Instant::now() >= deadline {
        StoreError::BackupTooSlow { path: path.to_path_buf() }
    } else {
        StoreError::not_a_backup(path, e)
    }
}

/// The incoming file, read-only, immutable, its schema untrusted, interrupted at `deadline`.
pub(crate) async fn open_untrusted(path: &Path, deadline: Instant) -> Result<SqliteConnection, StoreError> {
    if !path.is_file() {
        return Err(StoreError::not_a_backup(path, "no such file"));
    }
    if let Some(reason) = crate::damage_in_header(path) {
        return Err(StoreError::not_a_backup(path, reason));
    }
    let options = SqliteConnectOptions::from_str("sqlite:")
        .map_err(|e| StoreError::not_a_backup(path, e))?
        .filename(path)
        .read_only(true)
        .immutable(true)
        .create_if_missing(false)
        .pragma("trusted_schema", "OFF")
        .pragma("query_only", "ON");
    let mut conn = options.connect().await.map_err(|e| StoreError::not_a_backup(path, e))?;
    conn.lock_handle()
        .await
        .map_err(|e| StoreError::not_a_backup(path, e))?
        .set_progress_handler(PROGRESS_STEPS, move || Instant::now() < deadline);
    Ok(conn)
}

/// One row of a schema: `(type, name, tbl_name, sql)`.
type SchemaRow = (String, String, String, Option<String>);

async fn schema_of(conn: &mut SqliteConnection) -> Result<Vec<SchemaRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         ORDER BY type, name",
    )
    .fetch_all(conn)
    .await
}

/// A database made by this app's migrations up to `version` (in memory unless `file` is given),
/// behind one connection that lives as long as the pool (an in-memory database is per connection).
async fn made_by_migrations(version: i64, file: Option<&Path>) -> Result<SqlitePool, StoreError> {
    let options = match file {
        Some(path) => SqliteConnectOptions::from_str("sqlite:")?.filename(path).create_if_missing(true),
        None => SqliteConnectOptions::from_str("sqlite::memory:")?,
    };
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(1)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect_with(options.foreign_keys(false))
        .await?;
    MIGRATOR.run_to(version, &pool).await.map_err(StoreError::Migration)?;
    Ok(pool)
}

/// Checks the incoming file is a whole オン資ナビ database of a version this app knows, with
/// exactly the schema the app's migrations make at that version. Returns the version.
pub(crate) async fn check_schema(
    conn: &mut SqliteConnection,
    path: &Path,
    deadline: Instant,
) -> Result<i64, StoreError> {
    let verdict: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check(1)")
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| read_error(path, deadline, e))?;
    if verdict.iter().any(|r| r != "ok") {
        return Err(StoreError::not_a_backup(path, verdict.join("; ")));
    }
    let version: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success = 1")
        .fetch_one(&mut *conn)
        .await
        .map_err(|e| StoreError::not_a_backup(path, format!("not an オン資ナビ database: {e}")))?;
    let version = version.ok_or_else(|| StoreError::not_a_backup(path, "no migration applied"))?;
    if version > crate::backup::known_schema() {
        return Err(StoreError::DatabaseTooNew(version));
    }
    if !MIGRATOR.iter().any(|m| m.version == version) {
        return Err(StoreError::not_a_backup(path, format!("schema version {version} is not one of this app's")));
    }
    let theirs = schema_of(conn).await.map_err(|e| read_error(path, deadline, e))?;
    let reference = made_by_migrations(version, None).await?;
    let ours = schema_of(&mut *reference.acquire().await?).await?;
    reference.close().await;
    if theirs != ours {
        let extra: Vec<String> = theirs
            .iter()
            .filter(|row| !ours.contains(row))
            .map(|(kind, name, _, _)| format!("{kind} {name}"))
            .chain(
                ours.iter().filter(|row| !theirs.contains(row)).map(|(kind, name, _, _)| format!("no {kind} {name}")),
            )
            .collect();
        return Err(StoreError::not_a_backup(path, format!("the schema is not this app's: {}", extra.join(", "))));
    }
    Ok(version)
}

/// What the text of a copied value must not hold, as the store's own checks say it.
fn text_problem(table: &str, column: &str, text: &str) -> Option<String> {
    let forbidden = text.chars().find(|c| {
        !matches!(c, '\n' | '\r' | '\t') && (c.is_control() || jptext::forbidden_char(&c.to_string()).is_some())
    });
    forbidden.map(|c| format!("{table}.{column} holds U+{:04X}", c as u32))
}

/// A note that could hold a 個人番号: emptied on the way in, never kept.
fn note_to_clear(column: &str, text: &str) -> bool {
    column == "note" && jptext::looks_like_my_number(text)
}

/// Binds one value of the incoming file, as its own storage class.
fn bind_value<'q>(
    query: sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>,
    value: SqliteValueRef<'_>,
    problem: &mut Option<String>,
    cleared: &mut u64,
    (table, column): (&str, &str),
) -> sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments> {
    if value.is_null() {
        return query.bind(None::<String>);
    }
    let owned = ValueRef::to_owned(&value);
    match owned.type_info().name() {
        "INTEGER" => query.bind(owned.try_decode::<i64>().unwrap_or_default()),
        "REAL" => query.bind(owned.try_decode::<f64>().unwrap_or_default()),
        "BLOB" => query.bind(owned.try_decode::<Vec<u8>>().unwrap_or_default()),
        _ => {
            let text = owned.try_decode::<String>().unwrap_or_default();
            if problem.is_none() {
                *problem = text_problem(table, column, &text);
            }
            if note_to_clear(column, &text) {
                *cleared += 1;
                return query.bind(String::new());
            }
            query.bind(text)
        }
    }
}

/// Rebuilds the incoming file at `source` into a new database at `target` (which must not be in
/// use), as the module docs say. Returns what it holds, read from the new database.
pub(crate) async fn rebuild(
    source: &Path,
    target: &Path,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<BackupSummary, StoreError> {
    let deadline = Instant::now() + REBUILD_LIMIT;
    let mut from = open_untrusted(source, deadline).await?;
    let version = check_schema(&mut from, source, deadline).await?;
    let _ = std::fs::remove_file(target);
    let written = copy_into(&mut from, source, target, version, deadline, actor, now).await;
    let _ = from.close().await;
    if written.is_err() {
        let _ = std::fs::remove_file(target);
    }
    written
}

async fn copy_into(
    from: &mut SqliteConnection,
    source: &Path,
    target: &Path,
    version: i64,
    deadline: Instant,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<BackupSummary, StoreError> {
    let folder_error =
        |e: &dyn std::fmt::Display| StoreError::BackupFolder { path: target.to_path_buf(), reason: e.to_string() };
    let pool = made_by_migrations(version, Some(target)).await.map_err(|e| folder_error(&e))?;
    let written = copy_rows(from, source, &pool, version, deadline, actor, now).await;
    pool.close().await;
    written?;
    crate::backup::inspect(target).await
}

async fn copy_rows(
    from: &mut SqliteConnection,
    source: &Path,
    pool: &SqlitePool,
    version: i64,
    deadline: Instant,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut to = pool.acquire().await?;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
           AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut *to)
    .await?;
    let mut tx = Connection::begin(&mut *to).await?;
    let (mut copied, mut cleared) = (0_u64, 0_u64);
    for table in &tables {
        // The names come from the app's own schema (the file's matched it), quoted all the same.
        let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
            .bind(table)
            .fetch_all(&mut *tx)
            .await?;
        let list = columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
        let marks = vec!["?"; columns.len()].join(", ");
        let insert = format!("INSERT INTO \"{table}\" ({list}) VALUES ({marks})");
        // Audited: the identifiers are the app's own schema's, quoted; no value is ever spliced.
        let select = sqlx::AssertSqlSafe(format!("SELECT {list} FROM \"{table}\""));
        let rows: Vec<SqliteRow> =
            sqlx::query(select).fetch_all(&mut *from).await.map_err(|e| read_error(source, deadline, e))?;
        for row in rows {
            if table == "settings" {
                let key: String = row.try_get("key").unwrap_or_default();
                if NOT_TAKEN_OVER.contains(&key.as_str()) {
                    continue;
                }
            }
            let mut query = sqlx::query(sqlx::AssertSqlSafe(insert.clone()));
            let mut problem = None;
            for (i, column) in columns.iter().enumerate() {
                let value = row.try_get_raw(i).map_err(|e| StoreError::not_a_backup(source, e))?;
                query = bind_value(query, value, &mut problem, &mut cleared, (table, column));
            }
            if let Some(problem) = problem {
                return Err(StoreError::not_a_backup(source, problem));
            }
            query.execute(&mut *tx).await.map_err(|e| StoreError::not_a_backup(source, format!("{table}: {e}")))?;
            copied += 1;
        }
        if Instant::now() >= deadline {
            return Err(StoreError::BackupTooSlow { path: source.to_path_buf() });
        }
    }
    let broken: Vec<(String, Option<i64>, String, i64)> =
        sqlx::query_as("PRAGMA foreign_key_check").fetch_all(&mut *tx).await?;
    if let Some((table, row, parent, _)) = broken.first() {
        return Err(StoreError::not_a_backup(source, format!("{table} row {row:?} points at no {parent}")));
    }
    crate::audit::record(
        &mut tx,
        now,
        actor,
        AuditAction::Import,
        AuditEntity::Data,
        &serde_json::json!({ "schema": version, "rows": copied, "notesCleared": cleared, "notTakenOver": NOT_TAKEN_OVER }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
