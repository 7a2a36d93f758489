//! Printed PDFs are handed to the PC's PDF viewer from the data folder's `print/`: they hold a
//! patient's or the clinic's data only for that moment, so they do not stay.

use std::path::Path;
use std::time::{Duration, SystemTime};

/// How long a printed PDF is kept in the data folder's `print/`.
pub const PRINTED_KEPT: Duration = Duration::from_secs(24 * 60 * 60);

/// Removes the PDFs in `print_dir` older than [`PRINTED_KEPT`] at `now` (the app does it at
/// start). Returns how many were removed; one that cannot be removed is left for the next start.
pub fn clean_printed(print_dir: &Path, now: SystemTime) -> usize {
    let Ok(entries) = std::fs::read_dir(print_dir) else { return 0 };
    entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|age| age > PRINTED_KEPT)
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_pdfs_older_than_a_day_are_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        for name in ["old.pdf", "new.pdf", "note.txt"] {
            std::fs::write(dir.path().join(name), b"%PDF-1.7").expect("write");
        }
        let later = SystemTime::now() + PRINTED_KEPT + Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(dir.path().join("new.pdf"))
            .and_then(|f| f.set_modified(later))
            .expect("touch");
        assert_eq!(clean_printed(dir.path(), later), 1);
        let left = |n: &str| dir.path().join(n).exists();
        assert!(!left("old.pdf") && left("new.pdf") && left("note.txt"));
        assert_eq!(clean_printed(&dir.path().join("none"), later), 0, "no folder, nothing to do");
    }
}
