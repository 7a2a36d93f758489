//! What the app holds while it runs: the store (or why it could not be opened) and where things
//! live on disk, shown in 設定 so staff know what to back up.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use card::service::CardService;
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
    /// The card readers, real or デモ: one read at a time.
    card: Arc<Mutex<CardService>>,
    /// Where things live
    pub paths: Paths,
}

impl AppState {
    /// Wraps the outcome of opening the store: a failure is kept and shown on every screen rather
    /// than crashing the app, so staff can read what to do.
    pub fn new(store: Result<Store, AppError>, card: CardService, paths: Paths) -> AppState {
        AppState { store, card: Arc::new(Mutex::new(card)), paths }
    }

    /// Runs `f` on the card service on a blocking thread (PC/SC calls block), one at a time.
    pub async fn with_card<T: Send + 'static>(
        &self,
        f: impl FnOnce(&CardService) -> Result<T, AppError> + Send + 'static,
    ) -> Result<T, AppError> {
        let card = self.card.clone();
        tauri::async_runtime::spawn_blocking(move || f(&card.lock().unwrap_or_else(|p| p.into_inner())))
            .await
            .map_err(|e| AppError::new("Internal", format!("カードの処理が中断されました: {e}")))?
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

/// デモ mode asked for with `--demo` or `ONSHI_NAVI_DEMO=1` (tests, showing the app without a card).
pub fn demo_requested(args: &[String], env: Option<String>) -> bool {
    args.iter().skip(1).any(|a| a == "--demo") || env.is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
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

    #[test]
    fn demo_comes_from_a_flag_or_env() {
        assert!(demo_requested(&args(&["app", "--demo"]), None));
        assert!(demo_requested(&args(&["app"]), Some("1".into())));
        assert!(!demo_requested(&args(&["app"]), Some("0".into())));
        assert!(!demo_requested(&args(&["app"]), None));
    }
}
