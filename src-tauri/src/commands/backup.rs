//! データのバックアップ: generations in a folder staff choose (a USB drive), taken on the first
//! start of each day and on demand; restore from a generation after seeing what it holds; one file
//! that moves everything to a new PC. What the screen gets and decides is `screens::backup`'s;
//! `store::backup` writes, checks and stages; a restore takes effect when the app starts again
//! (it restarts itself), never under open connections. Here: the dialogs, the restart, the
//! file picked for an import, and the error mapping.

use std::time::Duration;

use screens::backup::{BackupOverview, RescueView, codes};
use store::backup::{BackupSummary, Generation};
use store::recovery::CodeKeeper;
use tauri::{AppHandle, State};

use super::files::{blocking, pick_file, pick_folder, pick_save_path, print_pdf};
use crate::clock;
use crate::error::AppError;
use crate::state::AppState;

/// This data folder's keeper of the 復元コード.
fn keeper(state: &AppState) -> CodeKeeper {
    CodeKeeper::new(&state.paths.data_dir)
}

async fn overview(state: &AppState) -> Result<BackupOverview, AppError> {
    Ok(screens::backup::overview(state.store()?, &keeper(state), clock::now()).await?)
}

/// At start: a backup when a folder is set and none succeeded today. A failure is only recorded
/// (ホーム shows it); nothing else waits for it.
pub(crate) async fn daily(state: &AppState) {
    let Ok(store) = state.store() else { return };
    match store.backup_state(clock::now()).await {
        Ok(s) if s.folder.is_some() && s.due_today => {
            match screens::backup::back_up(store, &keeper(state), clock::now()).await {
                Ok(g) => log::info!("daily backup {} ({} KB)", g.name, g.size_kb),
                Err(e) => log::warn!("daily backup failed: {}", AppError::from(e).message),
            }
        }
        Ok(_) => {}
        Err(e) => log::warn!("backup state unreadable: {}", e.log_line()),
    }
}

/// The backup screen's data.
#[tauri::command]
#[specta::specta]
pub async fn backup_overview(state: State<'_, AppState>) -> Result<BackupOverview, AppError> {
    overview(&state).await
}

/// Lets staff choose the backup folder in the system's dialog; `None` when it was closed.
#[tauri::command]
#[specta::specta]
pub async fn choose_backup_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<BackupOverview>, AppError> {
    let title = "バックアップを保存するフォルダ(USBメモリなど)を選んでください";
    let Some(folder) = pick_folder(&app, title).await? else { return Ok(None) };
    Ok(Some(screens::backup::choose_folder(state.store()?, &keeper(&state), &folder, clock::now()).await?))
}

/// Staff printed the 復元コード's sheet and keep it: the screen stops showing the code.
#[tauri::command]
#[specta::specta]
pub async fn acknowledge_recovery_code(state: State<'_, AppState>) -> Result<BackupOverview, AppError> {
    keeper(&state).acknowledge()?;
    overview(&state).await
}

/// Makes a new 復元コード (the sheet was lost); it is shown until its new sheet is kept. Files
/// written before keep needing the old one.
#[tauri::command]
#[specta::specta]
pub async fn renew_recovery_code(state: State<'_, AppState>) -> Result<BackupOverview, AppError> {
    keeper(&state).renew(clock::now())?;
    overview(&state).await
}

/// Prints the 「バックアップの復元コード」 sheet of the code still to keep; returns the file's path.
#[tauri::command]
#[specta::specta]
pub async fn print_recovery_sheet(app: AppHandle, state: State<'_, AppState>) -> Result<String, AppError> {
    let sheet = screens::backup::recovery_sheet(state.store()?, &keeper(&state)).await?;
    let pdf = blocking(move || forms::recovery_sheet_pdf(&sheet, clock::made())).await??;
    print_pdf(&app, &state.paths.data_dir, "バックアップの復元コード", &pdf)
}

/// Sets how many generations are kept (1–60, 全角 accepted); a field message otherwise.
#[tauri::command]
#[specta::specta]
pub async fn set_backup_generations(state: State<'_, AppState>, keep: String) -> Result<BackupOverview, AppError> {
    let store = state.store()?;
    store.set_backup_generations(&keep, &store.actor().await?, clock::now()).await?;
    overview(&state).await
}

/// Takes a backup now.
#[tauri::command]
#[specta::specta]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<Generation, AppError> {
    Ok(screens::backup::back_up(state.store()?, &keeper(&state), clock::now()).await?)
}

/// The folder of the generations: the one picked on the start-up screen, else 設定's.
async fn generations_folder(state: &AppState) -> Result<std::path::PathBuf, AppError> {
    let rescue = state.rescue_folder.lock().ok().and_then(|f| f.clone());
    Ok(screens::backup::generations_folder(rescue, state.store().ok()).await?)
}

/// What generation `name` holds (decrypted with this PC's 復元コード or the one typed, checked
/// whole), shown before restoring it.
#[tauri::command]
#[specta::specta]
pub async fn backup_preview(
    state: State<'_, AppState>,
    name: String,
    recovery_code: Option<String>,
) -> Result<BackupSummary, AppError> {
    let (folder, keeper) = (generations_folder(&state).await?, keeper(&state));
    let codes = codes(&keeper, recovery_code.as_deref());
    Ok(screens::backup::preview(&state.paths.data_dir, &folder, &name, codes, clock::now()).await?)
}

/// Restarts the app a moment after the answer reached the window, so it can say so first.
fn restart_soon(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        app.request_restart();
    });
}

/// Restores generation `name`: checked, staged, and the app restarts on it (the data in use is
/// kept aside in the data folder first).
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(
    app: AppHandle,
    state: State<'_, AppState>,
    name: String,
    recovery_code: Option<String>,
) -> Result<BackupSummary, AppError> {
    let (folder, keeper, actor) =
        (generations_folder(&state).await?, keeper(&state), screens::backup::restorer(state.store().ok()).await);
    let codes = codes(&keeper, recovery_code.as_deref());
    let summary =
        screens::backup::stage_restore(&state.paths.data_dir, &folder, &name, codes, &actor, clock::now()).await?;
    log::info!("restore of {name} staged; restarting");
    restart_soon(&app);
    Ok(summary)
}

/// Writes everything into one sealed file where staff choose, for a new PC; `None` when the
/// dialog was closed. Returns the file's path.
#[tauri::command]
#[specta::specta]
pub async fn export_data(app: AppHandle, state: State<'_, AppState>) -> Result<Option<String>, AppError> {
    let name = format!("オン資ナビのデータ_{}.{}", clock::local().format("%Y%m%d"), store::backup::EXPORT_EXTENSION);
    let Some(path) = pick_save_path(&app, &name, store::backup::EXPORT_EXTENSION).await? else { return Ok(None) };
    let (kept, _) = keeper(&state).ensure(clock::now())?;
    state.store()?.export_to(&path, env!("CARGO_PKG_VERSION"), &kept.code, clock::now()).await?;
    screens::files::remember(&path);
    Ok(Some(path.display().to_string()))
}

/// Picks a moved-data file and stages it (decrypted with this PC's 復元コード, checked whole,
/// refused when from a newer app); returns what it holds. Nothing changes until staff confirm
/// with [`restart_to_restore`]; `None` when the dialog was closed. A file this PC's code does not
/// open fails with the code's field: staff type it and [`retry_import`] tries the same file.
#[tauri::command]
#[specta::specta]
pub async fn import_data(app: AppHandle, state: State<'_, AppState>) -> Result<Option<BackupSummary>, AppError> {
    let title = "読み込むオン資ナビのデータを選んでください";
    let filter = ("オン資ナビのデータ", &[store::backup::EXPORT_EXTENSION][..]);
    let Some(file) = pick_file(&app, title, filter).await? else { return Ok(None) };
    if let Ok(mut picked) = state.picked_import.lock() {
        *picked = Some(file.clone());
    }
    Ok(Some(stage_import(&state, &file, None).await?))
}

/// Tries the moved-data file picked last with the 復元コード staff typed.
#[tauri::command]
#[specta::specta]
pub async fn retry_import(state: State<'_, AppState>, recovery_code: String) -> Result<BackupSummary, AppError> {
    let picked = state.picked_import.lock().ok().and_then(|f| f.clone());
    let file = picked.ok_or(screens::Error::NothingToRestore)?;
    stage_import(&state, &file, Some(&recovery_code)).await
}

async fn stage_import(
    state: &AppState,
    file: &std::path::Path,
    typed: Option<&str>,
) -> Result<BackupSummary, AppError> {
    let (keeper, actor) = (keeper(state), screens::backup::restorer(state.store().ok()).await);
    let (codes, version) = (codes(&keeper, typed), env!("CARGO_PKG_VERSION"));
    Ok(store::backup::stage_import(&state.paths.data_dir, file, codes, version, &actor, clock::now()).await?)
}

/// Confirms the import waiting: the app restarts on it.
#[tauri::command]
#[specta::specta]
pub async fn restart_to_restore(app: AppHandle, state: State<'_, AppState>) -> Result<(), AppError> {
    screens::backup::confirm_import(&state.paths.data_dir)?;
    restart_soon(&app);
    Ok(())
}

/// Drops the import waiting: nothing changes.
#[tauri::command]
#[specta::specta]
pub async fn cancel_restore(state: State<'_, AppState>) -> Result<(), AppError> {
    Ok(store::backup::cancel_import(&state.paths.data_dir)?)
}

/// On the start-up error screen: lets staff pick the backup folder (the database that names it
/// could not be opened) and lists its generations; `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn choose_rescue_folder(app: AppHandle, state: State<'_, AppState>) -> Result<Option<RescueView>, AppError> {
    let title = "バックアップのあるフォルダ(USBメモリなど)を選んでください";
    let Some(picked) = pick_folder(&app, title).await? else { return Ok(None) };
    let (folder, view) = screens::backup::rescue(picked)?;
    if let Ok(mut rescue) = state.rescue_folder.lock() {
        *rescue = Some(folder);
    }
    Ok(Some(view))
}
