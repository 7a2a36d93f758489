//! The file a backup generation or a moved-data file is: a .zip holding `manifest.json` and the
//! database snapshot, each entry deflated and encrypted with AES-256 under the 復元コード
//! (WinZip AE-2: PBKDF2 per entry with its own random salt, AES-CTR, HMAC-SHA1 over what was
//! encrypted). A maintainer opens one with 7-Zip by typing the code as the sheet prints it.
//!
//! Why this and not `age`: the file was a .zip already (the manifest beside the database); the
//! zip crate's AES needs four small crates where `age` brought about sixty (its localisation
//! with proc-macros among them) into both the Linux and the Windows builds; and at a clinic a
//! maintainer has 7-Zip at hand, not the `age` command. AE-2's weak points do not bite here:
//! its key stretching is light (1,000 rounds), but the code is 150 random bits, not a password
//! to guess; its HMAC covers each entry, and both entries must be present, encrypted and read
//! whole before anything is used; names and sizes in the zip's directory are not secret (they
//! are always `manifest.json` and `onshi-navi.sqlite3`).
//!
//! Reading never trusts the file: at most [`MAX_ENTRIES`] entries, the manifest at most
//! [`MAX_MANIFEST`] and the database at most [`MAX_DATABASE`] bytes as inflated (copied through
//! `take(cap + 1)`, not by the size the file declares), free space checked first. An older
//! app's plain generation (a bare SQLite file) or plain moved-data file (format 1) still opens;
//! everything written now is sealed.

use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::recovery::{CodeKeeper, FIELD, RecoveryCode};
use crate::{DATABASE_FILE, StoreError, clinic::FieldIssue};

const MANIFEST: &str = "manifest.json";
/// A file sealed with a 復元コード.
pub(crate) const FORMAT_SEALED: &str = "onshi-navi-export/2";
/// An older app's plain moved-data file, still read.
const FORMAT_PLAIN: &str = "onshi-navi-export/1";
/// The most entries a file may hold (we write two).
pub(crate) const MAX_ENTRIES: usize = 8;
/// The largest manifest read.
const MAX_MANIFEST: u64 = 64 * 1024;
/// The largest database taken from a file: far above ten years of a clinic's data with its PDFs
/// and photos, far below what fills a disk.
pub const MAX_DATABASE: u64 = 4 * 1024 * 1024 * 1024;
/// Kept free beyond what a write needs, so the PC itself does not run out.
const SPARE: u64 = 64 * 1024 * 1024;

/// What the file says of itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Manifest {
    pub format: String,
    pub app_version: String,
    pub schema_version: i64,
    pub exported_at: String,
}

/// The codes a file may open with: the one staff typed, else the one kept on this PC.
#[derive(Clone, Copy, Debug)]
pub struct Codes<'a> {
    /// This PC's keeper (its code is tried when staff typed none; a typed code that opens a file
    /// becomes this PC's code when it has none)
    pub keeper: &'a CodeKeeper,
    /// What staff typed in the 復元コード field, as typed
    pub typed: Option<&'a str>,
}

fn code_issue(message: impl Into<String>) -> StoreError {
    StoreError::RecoveryCode(vec![FieldIssue::new(FIELD, message)])
}

/// Refuses to write `needed` bytes into `dir` when its disk has less free (with [`SPARE`] kept):
/// a cut-off write is never the way staff learn the USB stick is full. A disk the OS does not
/// list is written to, and a failure then is reported as it happens.
pub(crate) fn ensure_space(dir: &Path, needed: u64) -> Result<(), StoreError> {
    fits(dir, needed, free_space(dir))
}

/// Whether `needed` bytes (and [`SPARE`]) fit in `free`; an unknown `free` lets the write go on.
fn fits(dir: &Path, needed: u64, free: Option<u64>) -> Result<(), StoreError> {
    match free {
        Some(free) if free < needed.saturating_add(SPARE) => Err(StoreError::NotEnoughSpace {
            path: dir.to_path_buf(),
            needed_mb: needed.saturating_add(SPARE).div_ceil(1024 * 1024),
            free_mb: free / (1024 * 1024),
        }),
        _ => Ok(()),
    }
}

/// The free bytes of the disk holding `dir` (the mount with the longest matching path).
fn free_space(dir: &Path) -> Option<u64> {
    // Windows' canonical form is verbatim (`\\?\C:\…`), which no mount point starts with: there
    // the absolute path is compared; on Unix, symbolic links are resolved first.
    let dir = std::path::absolute(dir).ok()?;
    #[cfg(unix)]
    let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
    let disks = sysinfo::Disks::new_with_refreshed_list().ok()?;
    disks
        .iter()
        .filter(|d| dir.starts_with(d.mount_point()))
        .max_by_key(|d| d.mount_point().as_os_str().len())
        .map(|d| d.available_space())
}

/// Writes `snapshot` (a checked database) and `manifest` sealed with `code` to `target`: into a
/// temporary file beside it, read back whole through decryption, synced, then renamed into place.
pub(crate) fn write(
    target: &Path,
    snapshot: &Path,
    manifest: &Manifest,
    code: &RecoveryCode,
) -> Result<(), StoreError> {
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let size = std::fs::metadata(snapshot).map_err(|e| StoreError::backup_folder(snapshot, e))?.len();
    ensure_space(dir, size)?;
    let password = code.printed();
    let written = (|| -> Result<tempfile::NamedTempFile, Box<dyn std::error::Error>> {
        let tmp = tempfile::Builder::new().prefix(".onshi-navi-").suffix(".partial").tempfile_in(dir)?;
        let mut zip = zip::ZipWriter::new(tmp);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .with_aes_encryption(zip::AesMode::Aes256, &password);
        zip.start_file(MANIFEST, options)?;
        zip.write_all(serde_json::to_string_pretty(manifest)?.as_bytes())?;
        zip.start_file(DATABASE_FILE, options.large_file(true))?;
        std::io::copy(&mut std::fs::File::open(snapshot)?, &mut zip)?;
        let mut tmp = zip.finish()?;
        tmp.as_file().sync_all()?;
        tmp.rewind()?;
        verify(tmp.as_file_mut(), &password)?;
        Ok(tmp)
    })();
    let tmp = written.map_err(|e| StoreError::backup_folder(target, e))?;
    tmp.persist(target).map_err(|e| StoreError::backup_folder(target, e.error))?;
    sync_folder(dir);
    Ok(())
}

/// Reads every entry of a sealed file through decryption and its HMAC, to nowhere.
fn verify(file: &mut std::fs::File, password: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut zip = zip::ZipArchive::new(file)?;
    for name in [MANIFEST, DATABASE_FILE] {
        let mut entry = zip.by_name_decrypt(name, password.as_bytes())?;
        std::io::copy(&mut entry, &mut std::io::sink())?;
    }
    Ok(())
}

/// Makes the rename durable (the folder's entry); nothing to do on Windows.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A file opened for reading: its database as a plain file to check and rebuild from.
pub(crate) struct Opened {
    /// The database: the file itself (an older plain generation) or the decrypted copy
    pub database: PathBuf,
    /// The manifest (none for a bare SQLite generation)
    pub manifest: Option<Manifest>,
}

/// What a file starts with.
enum Kind {
    Sqlite,
    Zip,
}

fn kind(file: &Path) -> Result<Kind, StoreError> {
    let mut head = [0_u8; 16];
    let mut f = std::fs::File::open(file).map_err(|e| StoreError::not_a_backup(file, e))?;
    let n = f.read(&mut head).map_err(|e| StoreError::not_a_backup(file, e))?;
    match &head[..n] {
        h if h.starts_with(b"SQLite format 3\0") => Ok(Kind::Sqlite),
        h if h.starts_with(b"PK\x03\x04") => Ok(Kind::Zip),
        _ => Err(StoreError::not_a_backup(file, "neither a sealed file nor a database")),
    }
}

/// Opens `file` for reading, decrypting its database into `work` (a folder inside the data
/// folder, removed by the caller) with the code [`Codes`] gives. A code staff typed that opens
/// it becomes this PC's when it has none.
pub(crate) fn open(
    file: &Path,
    work: &Path,
    codes: Codes<'_>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Opened, StoreError> {
    open_capped(file, work, codes, now, MAX_DATABASE)
}

/// [`open`] with the database's cap given (the tests use a small one).
pub(crate) fn open_capped(
    file: &Path,
    work: &Path,
    codes: Codes<'_>,
    now: chrono::DateTime<chrono::Utc>,
    cap: u64,
) -> Result<Opened, StoreError> {
    if let Kind::Sqlite = kind(file)? {
        return Ok(Opened { database: file.to_path_buf(), manifest: None });
    }
    let bad = |e: &dyn std::fmt::Display| StoreError::not_a_backup(file, e);
    let reader = std::fs::File::open(file).map_err(|e| bad(&e))?;
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| bad(&e))?;
    if zip.len() > MAX_ENTRIES {
        return Err(bad(&format!("{} entries", zip.len())));
    }
    let encrypted = |zip: &mut zip::ZipArchive<std::fs::File>, name: &str| -> Result<bool, StoreError> {
        let index = zip.index_for_name(name).ok_or_else(|| bad(&format!("no {name}")))?;
        Ok(zip.by_index_raw(index).map_err(|e| bad(&e))?.encrypted())
    };
    let sealed = encrypted(&mut zip, MANIFEST)?;
    if encrypted(&mut zip, DATABASE_FILE)? != sealed {
        return Err(bad(&"one entry encrypted, the other not"));
    }
    let (manifest, code) = if sealed {
        let (manifest, code) = read_sealed_manifest(&mut zip, file, codes)?;
        (manifest, Some(code))
    } else {
        (read_manifest(zip.by_name(MANIFEST).map_err(|e| bad(&e))?, file)?, None)
    };
    let expected = if sealed { FORMAT_SEALED } else { FORMAT_PLAIN };
    if manifest.format != expected {
        return Err(bad(&format!("format {}", manifest.format)));
    }
    let entry = match &code {
        Some(code) => zip.by_name_decrypt(DATABASE_FILE, code.printed().as_bytes()),
        None => zip.by_name(DATABASE_FILE),
    }
    .map_err(|e| bad(&e))?;
    let declared = entry.size();
    if declared > cap {
        return Err(bad(&format!("the database declares {declared} bytes")));
    }
    ensure_space(work, declared)?;
    let database = work.join(DATABASE_FILE);
    let mut out = std::fs::File::create(&database).map_err(|e| StoreError::backup_folder(&database, e))?;
    let whole = copy_capped(entry, &mut out, cap).map_err(|e| bad(&e))?;
    if !whole {
        drop(out);
        let _ = std::fs::remove_file(&database);
        return Err(bad(&"the database inflates past the limit"));
    }
    out.sync_all().map_err(|e| StoreError::backup_folder(&database, e))?;
    if let (Some(code), Some(_)) = (&code, codes.typed) {
        codes.keeper.adopt(code, now)?;
    }
    Ok(Opened { database, manifest: Some(manifest) })
}

/// The manifest of a sealed file with the code that opened it: the typed code only when staff
/// typed one, else the kept one. No other detail than "wrong" is given for a code that fails.
fn read_sealed_manifest(
    zip: &mut zip::ZipArchive<std::fs::File>,
    file: &Path,
    codes: Codes<'_>,
) -> Result<(Manifest, RecoveryCode), StoreError> {
    let (code, typed) = match codes.typed {
        Some(typed) => (RecoveryCode::parse(typed).map_err(|issue| StoreError::RecoveryCode(vec![issue]))?, true),
        None => match codes.keeper.load()? {
            Some(kept) => (kept.code, false),
            None => {
                return Err(code_issue(
                    "このファイルは復元コードで暗号化されています。「バックアップの復元コード」の用紙にある30文字を入力してください",
                ));
            }
        },
    };
    let read = zip
        .by_name_decrypt(MANIFEST, code.printed().as_bytes())
        .map_err(|e| e.to_string())
        .and_then(|entry| read_manifest(entry, file).map_err(|e| e.to_string()));
    match read {
        Ok(manifest) => Ok((manifest, code)),
        Err(_) if typed => Err(code_issue(
            "復元コードが違います。何も変更していません。用紙の30文字をもう一度確かめて入力してください",
        )),
        Err(_) => Err(code_issue(
            "このパソコンの復元コードでは開けません(別のパソコンで作られたか、作り直す前のコードのファイルです)。そのときの「バックアップの復元コード」の用紙にある30文字を入力してください",
        )),
    }
}

fn read_manifest(entry: impl Read, file: &Path) -> Result<Manifest, StoreError> {
    let mut text = Vec::new();
    if !copy_capped(entry, &mut text, MAX_MANIFEST).map_err(|e| StoreError::not_a_backup(file, e))? {
        return Err(StoreError::not_a_backup(file, "the manifest is too large"));
    }
    serde_json::from_slice(&text).map_err(|e| StoreError::not_a_backup(file, e))
}

/// Reads at most `cap` bytes of `reader` into `out`; more than `cap` is refused (a zip bomb
/// declares little and inflates much: the declared size is not trusted).
fn copy_capped(reader: impl Read, out: &mut impl Write, cap: u64) -> std::io::Result<bool> {
    let copied = std::io::copy(&mut reader.take(cap + 1), out)?;
    Ok(copied <= cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plain (format 1) moved-data file with `entries` extra entries and a database entry of
    /// `size` zero bytes (it deflates to almost nothing: a zip bomb in small).
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
        let work = tempfile::tempdir().expect("tempdir");
        let keeper = CodeKeeper::new(dir.path());
        let codes = Codes { keeper: &keeper, typed: None };
        let now = chrono::Utc::now();
        let bomb = zip_file(dir.path(), 3 * 1024 * 1024, 0);
        assert!(std::fs::metadata(&bomb).expect("meta").len() < 64 * 1024, "it deflates to little");
        let e = open_capped(&bomb, work.path(), codes, now, 1024 * 1024).err().expect("inflates past the cap");
        assert_eq!(e.code(), "NotABackup");
        assert_eq!(std::fs::read_dir(work.path()).expect("dir").count(), 0, "nothing is left written");
        let small = zip_file(dir.path(), 1000, 0);
        assert!(open_capped(&small, work.path(), codes, now, 1024 * 1024).is_ok());
        let crowded = zip_file(dir.path(), 1000, MAX_ENTRIES);
        let e = open_capped(&crowded, work.path(), codes, now, 1024 * 1024).err().expect("too many entries");
        assert_eq!(e.code(), "NotABackup");
    }

    #[test]
    fn a_write_that_does_not_fit_the_disk_is_refused_before_it_starts() {
        let dir = Path::new("E:\\");
        let e = fits(dir, 500 * 1024 * 1024, Some(100 * 1024 * 1024)).expect_err("500 MB in 100 MB");
        assert_eq!(e.code(), "NotEnoughSpace");
        assert!(e.to_string().contains("空き容量が足りません(必要 約564 MB、空き 100 MB)"), "{e}");
        fits(dir, 1024, Some(100 * 1024 * 1024)).expect("a small file fits");
        fits(dir, u64::MAX, None).expect("a disk the OS does not list is written to");
    }

    /// The disk is found by the folder's path. (Wine lists no disks through sysinfo, so this runs
    /// on the Linux build; Windows itself lists its drive letters.)
    #[cfg(not(windows))]
    #[test]
    fn the_free_space_of_a_real_folder_is_known() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(free_space(dir.path()).is_some_and(|free| free > 0));
        let e = ensure_space(dir.path(), u64::MAX / 4).expect_err("no disk is that large");
        assert_eq!(e.code(), "NotEnoughSpace");
        ensure_space(dir.path(), 1).expect("a byte fits");
    }
}
