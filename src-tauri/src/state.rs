//! What the app holds while it runs: the store (or why it could not be opened) and where things
//! live on disk, shown in 設定 so staff know what to back up.

use std::path::{Path, PathBuf};

use store::Store;

use crate::error::AppError;

/// Where the app keeps its data, decided once at start.
#[derive(Clone, Debug)]
pub struct Paths {
    /// The database and, later, the PDFs
    pub data_dir: PathBuf,
    /// The rotating log files
    pub log_dir: PathBuf,
    /// True when `--data-dir` or `ONSHI_NAVI_DATA_DIR` chose the folder (tests, a second clinic)
    pub overridden: bool,
}

/// The managed state of the app.
pub struct AppState {
    store: Result<Store, AppError>,
    /// Where things live
    pub paths: Paths,
}

impl AppState {
    /// Wraps the outcome of opening the store: a failure is kept and shown on every screen rather
    /// than crashing the app, so staff can read what to do.
    pub fn new(store: Result<Store, AppError>, paths: Paths) -> AppState {
        AppState { store, paths }
    }

    /// The store, or the error that kept it from opening.
    pub fn store(&self) -> Result<&Store, AppError> {
        self.store.as_ref().map_err(Clone::clone)
    }

    /// The error that kept the store from opening, if any.
    pub fn startup_error(&self) -> Option<&AppError> {
        self.store.as_ref().err()
    }
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

/// The log folder that goes with an overridden data folder.
pub fn log_dir_for(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn data_dir_comes_from_args_then_env() {
        assert_eq!(
            data_dir_override(&args(&["app", "--data-dir", "C:\\Users\\山田 太郎\\d"]), None),
            Some(PathBuf::from("C:\\Users\\山田 太郎\\d"))
        );
        assert_eq!(data_dir_override(&args(&["app", "--data-dir=/tmp/x"]), Some("/e".into())), Some("/tmp/x".into()));
        assert_eq!(data_dir_override(&args(&["app"]), Some("/e".into())), Some("/e".into()));
        assert_eq!(data_dir_override(&args(&["app"]), Some(" ".into())), None);
        assert_eq!(data_dir_override(&args(&["app", "--data-dir"]), None), None);
    }
}
