//! Files the app writes where staff chose, and the only files whose folder it will show.
//!
//! A save says where the file went next to the button that made it, with 「フォルダを開く」. The
//! window asks for that folder by the file's path, and a page could ask for any path (a network
//! share, say, whose opening hands the user's credentials to that server): so only a file this run
//! of the app wrote itself, and that is still there, has its folder shown.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::Error;

/// The files (and folders: the 助成金's upload set) written by this run of the app.
static WRITTEN: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

/// Notes that the app wrote `path` (a file or a folder), so its folder may be shown.
pub fn remember(path: &Path) {
    let mut written = WRITTEN.lock().unwrap_or_else(PoisonError::into_inner);
    written.get_or_insert_with(HashSet::new).insert(path.to_path_buf());
}

/// The file or folder to show in the system's file manager: one this run of the app wrote and
/// that is still there. Anything else is refused, whatever the path names.
pub fn written_by_us(path: &str) -> Result<PathBuf, Error> {
    let path = PathBuf::from(path);
    let known =
        WRITTEN.lock().unwrap_or_else(PoisonError::into_inner).as_ref().is_some_and(|written| written.contains(&path));
    if !known {
        return Err(Error::NotWrittenHere);
    }
    if !path.exists() {
        return Err(Error::FileGone(path));
    }
    Ok(path)
}

/// Writes `bytes` whole into `path`: a temporary file of a fresh name beside it (never a fixed
/// name that could be a file of the clinic's), synced and renamed into place, so a cut-off write
/// never leaves half a file and a failed one leaves nothing. The file is then remembered.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail = |e: std::io::Error| Error::FileNotWritten {
        path: path.to_path_buf(),
        reason: jptext::io_reason(e.kind()),
        detail: e.to_string(),
    };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(fail)?;
    let mut tmp = tempfile::Builder::new().prefix(".onshi-navi-").suffix(".part").tempfile_in(dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    remember(path);
    Ok(())
}

/// Reads a file staff chose; the system's own words go to the log only.
pub fn read_chosen(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| Error::FileUnreadable {
        path: path.to_path_buf(),
        reason: jptext::io_reason(e.kind()),
        detail: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_file_is_shown_and_nothing_else() {
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("内訳書.pdf");
        write_whole(&file, b"%PDF-1.7").expect("written");
        assert_eq!(std::fs::read(&file).expect("read"), b"%PDF-1.7");
        assert_eq!(written_by_us(&file.display().to_string()).expect("ours"), file);

        // A file that exists but that the app did not write, a share, the folder itself: refused.
        let other = dir.path().join("clinic.txt");
        std::fs::write(&other, "x").expect("other");
        for path in [other.display().to_string(), r"\\server\share\a.pdf".into(), dir.path().display().to_string()] {
            assert!(matches!(written_by_us(&path), Err(Error::NotWrittenHere)), "{path}");
        }
        // Removed since: said so, in Japanese.
        std::fs::remove_file(&file).expect("rm");
        let gone = written_by_us(&file.display().to_string()).expect_err("gone");
        assert!(matches!(gone, Error::FileGone(_)));
        assert!(gone.to_string().contains("内訳書.pdf"), "{gone}");
    }

    #[test]
    fn a_failed_write_says_what_to_check_in_japanese_and_leaves_nothing() {
        let dir = tempfile::tempdir().expect("dir");
        // The target is a folder: the rename fails.
        let target = dir.path().join("folder.pdf");
        std::fs::create_dir(&target).expect("mkdir");
        let e = write_whole(&target, b"x").expect_err("refused");
        let message = e.to_string();
        let shown = target.display().to_string();
        assert!(message.contains(&shown), "{message}");
        let words = message.replace(&shown, "");
        assert!(!words.chars().any(|c| c.is_ascii_alphabetic()), "no English beside the path: {message}");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(left, vec![std::ffi::OsString::from("folder.pdf")], "no temporary file left");
        assert!(e.log_line().is_some(), "the system's words reach the log");
    }
}
