//! The Tauri host of オン資ナビ: plugins, state and commands. Domain logic lives in the crates
//! under `crates/`, which know nothing of Tauri.

pub mod clock;
pub mod commands;
pub mod error;
pub mod navigation;
pub mod state;
pub mod webview2;

use tauri::{Emitter, Manager};
use tauri_plugin_log::{RotationStrategy, Target, TargetKind};

use pcinfo::webview2::{LOG_FILE, log_dir_for};

use crate::error::AppError;
use crate::state::{AppState, Paths};

/// Each log file is cut at this size; [`KEEP_LOG_FILES`] old ones are kept.
const MAX_LOG_BYTES: u128 = 2 * 1024 * 1024;
const KEEP_LOG_FILES: usize = 5;
/// The Tauri event that carries every [`card::reader::CardEvent`] to the UI.
pub const CARD_EVENT: &str = "card-event";

/// Starts the app; returns when the last window closes.
pub fn run() {
    let args: Vec<String> = std::env::args().collect();
    let data_dir_override = screens::startup::data_dir_override(&args, std::env::var("ONSHI_NAVI_DATA_DIR").ok());
    let force_demo = screens::startup::demo_requested(&args, std::env::var("ONSHI_NAVI_DEMO").ok());
    // Before any window: without WebView2 on Windows, say so (box and log) and exit.
    let webview_version = webview2::require_runtime(data_dir_override.as_deref());
    let builder = commands::specta_builder();

    let log_target = match &data_dir_override {
        Some(dir) => TargetKind::Folder { path: log_dir_for(dir), file_name: Some(LOG_FILE.into()) },
        None => TargetKind::LogDir { file_name: Some(LOG_FILE.into()) },
    };

    let result = tauri::Builder::default()
        // First, so a second launch hands over to the running app before anything opens the database.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(
            tauri_plugin_log::Builder::new()
                .targets([Target::new(log_target), Target::new(TargetKind::Stdout)])
                .level(log::LevelFilter::Info)
                .max_file_size(MAX_LOG_BYTES)
                .rotation_strategy(RotationStrategy::KeepSome(KEEP_LOG_FILES))
                .timezone_strategy(tauri_plugin_log::TimezoneStrategy::UseLocal)
                .build(),
        )
        // Only Rust opens links (commands::links::open_link, official pages from the guide's data);
        // the window is granted none of the plugin's own commands.
        .plugin(tauri_plugin_opener::init())
        // Only Rust opens the file dialogs (commands::subsidy): the window is granted none of the
        // plugin's commands, so a page can never read or write a file by itself.
        .plugin(tauri_plugin_dialog::init())
        // The window never leaves the app: a navigation to any other origin is refused (official
        // pages open in the system's browser through open_link, never in the window).
        .plugin(
            tauri::plugin::Builder::<tauri::Wry>::new("stay-in-app")
                .on_navigation(|_, url| navigation::stays_in_app(url))
                .build(),
        )
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            #[cfg(target_os = "linux")]
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.with_webview(|w| pcinfo::webkit::draw_without_gpu(&w.inner()));
            }
            let paths = resolve_paths(app.handle(), data_dir_override)?;
            log::info!("オン資ナビ {} starting; data in {}", env!("CARGO_PKG_VERSION"), paths.data_dir.display());
            if let Some(version) = &webview_version {
                log::info!("WebView2 runtime {version}");
            }
            // Before anything opens the database: a staged restore, an unconfirmed import, leftovers.
            let prepared = screens::startup::prepare(&paths.data_dir, clock::now(), std::time::SystemTime::now());
            prepared.done.iter().for_each(|line| log::info!("{line}"));
            prepared.failed.iter().for_each(|line| log::error!("{line}"));
            let store = tauri::async_runtime::block_on(store::Store::open_in(&paths.data_dir)).map_err(AppError::from);
            let handle = app.handle().clone();
            let card = card::service::CardService::start(force_demo, move |event| {
                if let Err(e) = handle.emit(CARD_EVENT, &event) {
                    log::warn!("card event not delivered: {e}");
                }
            });
            app.manage(AppState::new(store, card, paths)?.with_restored_aside(prepared.restored_aside));
            // The day's backup generation, when a folder is set and none was taken today.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                commands::backup::daily(&handle.state::<AppState>()).await;
            });
            // The signed program data, at most once a day, from 設定's address or the release's
            // built-in one; a failure is only recorded (設定 and ホーム show it), the data in use
            // stays.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let state = handle.state::<AppState>();
                let Ok(address) = commands::updates::address(&state).await else { return };
                if address.is_empty() || !state.programs().await.due(clock::now()) {
                    return;
                }
                match commands::updates::fetch(&state, &address).await {
                    Ok(said) => log::info!("program data: {said}"),
                    Err(e) => log::warn!("program data not updated: {}", e.message),
                }
            });
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        // Nothing on screen can show this: the window never opened. Say it where we can.
        log::error!("オン資ナビを起動できませんでした: {e}");
        eprintln!("オン資ナビを起動できませんでした: {e}");
        std::process::exit(1);
    }
}

fn resolve_paths(app: &tauri::AppHandle, data_dir_override: Option<std::path::PathBuf>) -> Result<Paths, tauri::Error> {
    Ok(match data_dir_override {
        Some(data_dir) => Paths { log_dir: log_dir_for(&data_dir), data_dir, overridden: true },
        None => Paths { data_dir: app.path().app_data_dir()?, log_dir: app.path().app_log_dir()?, overridden: false },
    })
}
