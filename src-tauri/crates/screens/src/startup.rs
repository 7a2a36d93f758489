//! What the app does at every start: where its data is (`--data-dir`), whether it is a デモ
//! (`--demo`), and, before anything opens the database, to its data folder: a
//! restore staged before the restart takes effect, an import nobody confirmed is dropped, the
//! work folders a cut-off backup left and the printed PDFs older than a day are removed.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};

/// What the start did to the data folder, for ホーム and the log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prepared {
    /// Where the data in use before a restore was set aside, when one was applied (ホーム says it)
    pub restored_aside: Option<String>,
    /// What was done, for the log
    pub done: Vec<String>,
    /// What could not be done (the data in use is kept), for the log
    pub failed: Vec<String>,
}

/// Prepares the data folder `data_dir`. Nothing here stops the start: a failure keeps the data
/// in use and is reported in [`Prepared::failed`].
pub fn prepare(data_dir: &Path, now: DateTime<Utc>, system_now: SystemTime) -> Prepared {
    let mut prepared = Prepared::default();
    if let Err(e) = store::backup::cancel_import(data_dir) {
        prepared.failed.push(format!("an unconfirmed import could not be removed: {}", e.log_line()));
    }
    match store::backup::apply_pending_restore(data_dir, now) {
        Ok(aside) => prepared.restored_aside = aside.map(|a| a.display().to_string()),
        Err(e) => prepared
            .failed
            .push(format!("the staged restore could not be applied; the data in use is kept: {}", e.log_line())),
    }
    if let Some(aside) = &prepared.restored_aside {
        prepared.done.push(format!("restored a backup; the data before it is kept at {aside}"));
    }
    let work = store::backup::clean_work_folders(data_dir);
    if work > 0 {
        prepared.done.push(format!("removed {work} work folders a cut-off backup or restore left"));
    }
    let printed = forms::print::clean_printed(&data_dir.join("print"), system_now);
    if printed > 0 {
        prepared.done.push(format!("removed {printed} printed PDFs older than a day"));
    }
    prepared
}

/// The data folder asked for on the command line (`--data-dir PATH` or `--data-dir=PATH`) or in
/// `ONSHI_NAVI_DATA_DIR`; `None` means the platform's app data folder.
pub fn data_dir_override(args: &[String], env: Option<String>) -> Option<PathBuf> {
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        if let Some(value) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(value));
        }
        if arg == "--data-dir" {
            return iter.next().map(PathBuf::from);
        }
    }
    env.filter(|v| !v.trim().is_empty()).map(PathBuf::from)
}

/// デモ mode asked for with `--demo` or `ONSHI_NAVI_DEMO=1` (tests, showing the app without a card).
pub fn demo_requested(args: &[String], env: Option<String>) -> bool {
    args.iter().skip(1).any(|a| a == "--demo") || env.is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_fresh_folder_needs_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(prepare(dir.path(), Utc::now(), SystemTime::now()), Prepared::default());
    }

    #[test]
    fn yesterdays_printouts_go_and_todays_stay() {
        let dir = tempfile::tempdir().expect("temp dir");
        let print = dir.path().join("print");
        std::fs::create_dir_all(&print).expect("print dir");
        std::fs::write(print.join("old.pdf"), b"%PDF").expect("old");
        std::fs::write(print.join("new.pdf"), b"%PDF").expect("new");
        let tomorrow_but_one = SystemTime::now() + forms::print::PRINTED_KEPT + Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(print.join("new.pdf"))
            .and_then(|f| f.set_modified(tomorrow_but_one))
            .expect("touch");
        let prepared = prepare(dir.path(), Utc::now(), tomorrow_but_one);
        assert_eq!(prepared.done, vec!["removed 1 printed PDFs older than a day".to_string()]);
        assert!(prepared.failed.is_empty() && prepared.restored_aside.is_none());
        assert!(!print.join("old.pdf").exists() && print.join("new.pdf").exists());
    }
}
