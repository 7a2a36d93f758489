//! What the app holds while it runs: the store (or why it could not be opened), the デモ database
//! of this run, the card service, the program data and the guide's knowledge in use, and where
//! things live on disk (shown in 設定 so staff know what to back up).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use card::service::CardService;
use store::Store;
use tokio::sync::OnceCell;

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

/// The folder, inside the data folder, of the デモ database: what staff record from a デモ card.
const DEMO_DIR: &str = "demo";

/// The managed state of the app.
///
/// Invariant: what comes from a デモ card (a check logged from its read, a patient registered from
/// its 基本4情報) goes to a separate デモ database, emptied at every start; the clinic's database,
/// and so every count, list, export and form made from it, never holds a デモ record.
pub struct AppState {
    store: Result<Store, AppError>,
    /// Opened on the first デモ record only.
    demo_store: OnceCell<Store>,
    /// The card readers, real or デモ: one read at a time.
    card: Arc<Mutex<CardService>>,
    /// The program data in use: bundled, or the last good signed update
    programs: tokio::sync::Mutex<updates::Programs>,
    /// Where things live
    pub paths: Paths,
    /// The data set aside when a backup was restored at this start (ホーム says where)
    pub restored_aside: Option<String>,
    /// The backup folder staff picked on the start-up error screen (the database, which holds the
    /// chosen folder, could not be opened)
    pub rescue_folder: std::sync::Mutex<Option<PathBuf>>,
    /// The moved-data file picked last, tried again with a typed 復元コード
    pub picked_import: std::sync::Mutex<Option<PathBuf>>,
}

impl AppState {
    /// Wraps the outcome of opening the store: a failure is kept and shown on every screen rather
    /// than crashing the app, so staff can read what to do.
    pub fn new(store: Result<Store, AppError>, card: CardService, paths: Paths) -> Result<AppState, AppError> {
        let bundled = programs::catalog()?;
        let programs = updates::Programs::load(&paths.data_dir, programs::feed::PUBLIC_KEY, bundled);
        Ok(AppState {
            store,
            demo_store: OnceCell::new(),
            card: Arc::new(Mutex::new(card)),
            programs: tokio::sync::Mutex::new(programs),
            paths,
            restored_aside: None,
            rescue_folder: std::sync::Mutex::new(None),
            picked_import: std::sync::Mutex::new(None),
        })
    }

    /// Notes that a backup was restored at this start, the data before it kept at `aside`.
    pub fn with_restored_aside(mut self, aside: Option<String>) -> AppState {
        self.restored_aside = aside;
        self
    }

    /// The program data in use now (a copy: an update may replace it meanwhile).
    pub async fn catalog(&self) -> programs::Catalog {
        self.programs.lock().await.catalog().clone()
    }

    /// The guide's dated knowledge in use now (a copy: an update may replace it meanwhile): the
    /// timeline, the call centre, よくある質問, the readers, the official links, the check methods.
    pub async fn knowledge(&self) -> guide::Knowledge {
        self.programs.lock().await.knowledge().clone()
    }

    /// The program data with its updater, for fetching and its status.
    pub async fn programs(&self) -> tokio::sync::MutexGuard<'_, updates::Programs> {
        self.programs.lock().await
    }

    /// The store for a record that comes from the card when `from_card` is true: the デモ
    /// database when the last card read was of a デモ card, the clinic's otherwise. Returns the
    /// store and whether it is the デモ one.
    pub async fn store_for(&self, from_card: bool) -> Result<(&Store, bool), AppError> {
        let demo = from_card && self.with_card(|service| Ok(service.last_read_was_demo())).await?;
        if demo { Ok((self.demo_store().await?, true)) } else { Ok((self.store()?, false)) }
    }

    /// The デモ database, created empty on first use in every run of the app.
    pub async fn demo_store(&self) -> Result<&Store, AppError> {
        let dir = self.paths.data_dir.join(DEMO_DIR);
        self.demo_store.get_or_try_init(|| async { Ok(Store::open_empty_in(&dir).await?) }).await
    }

    /// The デモ database if something was recorded in it during this run.
    pub fn demo_store_if_open(&self) -> Option<&Store> {
        self.demo_store.get()
    }

    /// Runs `f` on the card service on a blocking thread (PC/SC calls block), one at a time.
    pub async fn with_card<T: Send + 'static>(
        &self,
        f: impl FnOnce(&CardService) -> Result<T, AppError> + Send + 'static,
    ) -> Result<T, AppError> {
        let card = self.card.clone();
        tauri::async_runtime::spawn_blocking(move || f(&card.lock().unwrap_or_else(|p| p.into_inner()))).await.map_err(
            |e| AppError::new(crate::error::AppErrorCode::Internal, format!("カードの処理が中断されました: {e}")),
        )?
    }

    /// The store a 患者台帳 patient lives in: the clinic's, or (`demo`) the デモ database of this
    /// run, which is never created here: a デモ patient from an earlier run is gone with it.
    pub fn patient_store(&self, demo: bool) -> Result<&Store, AppError> {
        if !demo {
            return self.store();
        }
        self.demo_store_if_open().ok_or_else(|| {
            AppError::new(
                crate::error::AppErrorCode::DemoStore,
                "デモの患者台帳は、アプリを閉じたときに消えました。デモのカードをもう一度読み取ってください",
            )
        })
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
