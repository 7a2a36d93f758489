//! データのバックアップ: generations in a folder staff choose (a USB drive), taken on the first
//! start of each day and on demand; restore from a generation after seeing what it holds; one file
//! that moves everything to a new PC. A restore or an import is staged by `store::backup` and
//! takes effect when the app starts again (it restarts itself), never under open connections.
//! Every file written is sealed with the 復元コード (`store::recovery`), made when the first
//! backup folder is chosen, shown until staff say its printed sheet is kept.

use std::time::Duration;

use chrono::Utc;
use serde::Serialize;
use specta::Type;
use store::backup::{BackupState, BackupSummary, Generation};
use store::recovery::{CodeKeeper, RecoveryState};
use store::sealed::Codes;
use tauri::{AppHandle, State};

use super::files::{pick_data_file, pick_folder, pick_save_path, print_pdf};
use crate::error::{AppError, AppErrorCode};
use crate::state::AppState;

/// The backup screen: the settings, how the last backup went, and the generations there.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupOverview {
    /// Folder, generations kept, last success or failure
    pub state: BackupState,
    /// The generations in the folder, newest first
    pub generations: Vec<Generation>,
    /// Why the folder could not be listed (a drive not plugged in), when it could not
    pub folder_problem: Option<String>,
    /// The 復元コード: shown until its sheet is kept, and when it was made
    pub recovery: RecoveryState,
}

/// This data folder's keeper of the 復元コード.
fn keeper(state: &AppState) -> CodeKeeper {
    CodeKeeper::new(&state.paths.data_dir)
}

/// The codes a file is opened with: `typed` when staff typed one, else this PC's.
fn codes<'a>(keeper: &'a CodeKeeper, typed: Option<&'a str>) -> Codes<'a> {
    Codes { keeper, typed: typed.filter(|t| !t.trim().is_empty()) }
}

/// The overview as it stands now.
async fn overview(state: &AppState) -> Result<BackupOverview, AppError> {
    let store = state.store()?;
    let backup_state = store.backup_state(Utc::now()).await?;
    let (generations, folder_problem) = match store.backup_settings().await?.0 {
        Some(folder) => match store::backup::generations(&folder) {
            Ok(list) => (list, None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        },
        None => (Vec::new(), None),
    };
    let recovery = RecoveryState::of(keeper(state).load()?.as_ref());
    Ok(BackupOverview { state: backup_state, generations, folder_problem, recovery })
}

/// Takes a generation into the chosen folder and records how it went (ホーム warns on a failure).
pub(crate) async fn back_up(state: &AppState) -> Result<Generation, AppError> {
    let store = state.store()?;
    let (folder, keep) = store.backup_settings().await?;
    let Some(folder) = folder else {
        return Err(AppError::new(
            AppErrorCode::NotReady,
            "バックアップ先のフォルダがまだ選ばれていません。設定で選んでください",
        ));
    };
    let now = Utc::now();
    let (kept, _) = keeper(state).ensure(now)?;
    let outcome = store.back_up(&folder, keep, &kept.code, now).await;
    let recorded = store.record_backup(outcome.as_ref().map(|_| ()).map_err(ToString::to_string), now).await;
    if let Err(e) = recorded {
        log::warn!("backup outcome not recorded: {e}");
    }
    Ok(outcome?)
}

/// At start: a backup when a folder is set and none succeeded today. A failure is only recorded
/// (ホーム shows it); nothing else waits for it.
pub(crate) async fn daily(state: &AppState) {
    let Ok(store) = state.store() else { return };
    match store.backup_state(Utc::now()).await {
        Ok(s) if s.folder.is_some() && s.due_today => match back_up(state).await {
            Ok(g) => log::info!("daily backup {} ({} KB)", g.name, g.size_kb),
            Err(e) => log::warn!("daily backup failed: {}", e.message),
        },
        Ok(_) => {}
        Err(e) => log::warn!("backup state unreadable: {e}"),
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
    let store = state.store()?;
    let Some(folder) = pick_folder(&app, "バックアップを保存するフォルダ(USBメモリなど)を選んでください").await?
    else {
        return Ok(None);
    };
    let actor = store.actor().await?;
    store.set_backup_folder(&folder, &actor, Utc::now()).await?;
    keeper(&state).ensure(Utc::now())?;
    Ok(Some(overview(&state).await?))
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
    keeper(&state).renew(Utc::now())?;
    overview(&state).await
}

/// Prints the 「バックアップの復元コード」 sheet of the code still to keep; returns the file's path.
#[tauri::command]
#[specta::specta]
pub async fn print_recovery_sheet(app: AppHandle, state: State<'_, AppState>) -> Result<String, AppError> {
    let kept = keeper(&state).load()?.filter(|k| !k.acknowledged).ok_or_else(|| {
        AppError::new(
            AppErrorCode::NotReady,
            "印刷できる復元コードがありません。用紙をなくした場合は「復元コードを作り直す」を押してください",
        )
    })?;
    let store = state.store()?;
    let sheet = forms::RecoverySheet {
        code: kept.code.printed(),
        clinic_name: store.clinic_profile().await?.map(|p| p.name).unwrap_or_default(),
        backup_folder: store.backup_settings().await?.0.map(|f| f.display().to_string()).unwrap_or_default(),
        issued_on: kept.issued_at.with_timezone(&chrono::Local).date_naive(),
    };
    print_pdf(&app, &state.paths.data_dir, "バックアップの復元コード", &forms::recovery_sheet_pdf(&sheet)?)
}

/// Sets how many generations are kept (1–60, 全角 accepted); a field message otherwise.
#[tauri::command]
#[specta::specta]
pub async fn set_backup_generations(state: State<'_, AppState>, keep: String) -> Result<BackupOverview, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    store.set_backup_generations(&keep, &actor, Utc::now()).await?;
    overview(&state).await
}

/// Takes a backup now.
#[tauri::command]
#[specta::specta]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<Generation, AppError> {
    back_up(&state).await
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
    let folder = chosen_folder(&state).await?;
    let file = store::backup::generation_path(&folder, &name)?;
    let keeper = keeper(&state);
    Ok(store::backup::preview(&state.paths.data_dir, &file, codes(&keeper, recovery_code.as_deref()), Utc::now())
        .await?)
}

/// The folder picked on the start-up error screen, or else the one set in 設定.
async fn chosen_folder(state: &AppState) -> Result<std::path::PathBuf, AppError> {
    if let Some(folder) = state.rescue_folder.lock().ok().and_then(|f| f.clone()) {
        return Ok(folder);
    }
    state.store()?.backup_settings().await?.0.ok_or_else(|| {
        AppError::new(AppErrorCode::NotReady, "バックアップ先のフォルダがまだ選ばれていません。設定で選んでください")
    })
}

/// Who is restoring, for the rebuilt database's audit row: the staff name of this PC, or, when
/// the database could not be opened (the start-up screen), that the restore came from there.
async fn who(state: &AppState) -> String {
    match state.store() {
        Ok(store) => store.actor().await.unwrap_or_default(),
        Err(_) => "起動時の復元".to_string(),
    }
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
    let folder = chosen_folder(&state).await?;
    let file = store::backup::generation_path(&folder, &name)?;
    let keeper = keeper(&state);
    let codes = codes(&keeper, recovery_code.as_deref());
    let (version, actor) = (env!("CARGO_PKG_VERSION"), who(&state).await);
    let summary =
        store::backup::stage_restore(&state.paths.data_dir, &file, codes, version, &actor, Utc::now()).await?;
    log::info!("restore of {name} staged; restarting");
    restart_soon(&app);
    Ok(summary)
}

/// Writes everything into one file where staff choose, for a new PC; `None` when the dialog was
/// closed. Returns the file's path.
#[tauri::command]
#[specta::specta]
pub async fn export_data(app: AppHandle, state: State<'_, AppState>) -> Result<Option<String>, AppError> {
    let store = state.store()?;
    let name =
        format!("オン資ナビのデータ_{}.{}", chrono::Local::now().format("%Y%m%d"), store::backup::EXPORT_EXTENSION);
    let Some(path) = pick_save_path(&app, &name, store::backup::EXPORT_EXTENSION).await? else { return Ok(None) };
    let (kept, _) = keeper(&state).ensure(Utc::now())?;
    store.export_to(&path, env!("CARGO_PKG_VERSION"), &kept.code, Utc::now()).await?;
    Ok(Some(path.display().to_string()))
}

/// Picks a moved-data file and stages it (decrypted with this PC's 復元コード, checked whole,
/// refused when from a newer app); returns what it holds. Nothing changes until staff confirm
/// with [`restart_to_restore`]; `None` when the dialog was closed. A file this PC's code does not
/// open fails with the code's field: staff type it and [`retry_import`] tries the same file.
#[tauri::command]
#[specta::specta]
pub async fn import_data(app: AppHandle, state: State<'_, AppState>) -> Result<Option<BackupSummary>, AppError> {
    let Some(file) = pick_data_file(&app).await? else { return Ok(None) };
    if let Ok(mut picked) = state.picked_import.lock() {
        *picked = Some(file.clone());
    }
    Ok(Some(stage_import(&state, &file, None).await?))
}

/// Tries the moved-data file picked last with the 復元コード staff typed.
#[tauri::command]
#[specta::specta]
pub async fn retry_import(state: State<'_, AppState>, recovery_code: String) -> Result<BackupSummary, AppError> {
    let file = state.picked_import.lock().ok().and_then(|f| f.clone()).ok_or_else(|| {
        AppError::new(AppErrorCode::NotReady, "読み込むファイルが選ばれていません。もう一度ファイルを選んでください")
    })?;
    stage_import(&state, &file, Some(&recovery_code)).await
}

async fn stage_import(
    state: &AppState,
    file: &std::path::Path,
    typed: Option<&str>,
) -> Result<BackupSummary, AppError> {
    let keeper = keeper(state);
    let (version, actor) = (env!("CARGO_PKG_VERSION"), who(state).await);
    Ok(store::backup::stage_import(&state.paths.data_dir, file, codes(&keeper, typed), version, &actor, Utc::now())
        .await?)
}

/// Confirms the import waiting: the app restarts on it.
#[tauri::command]
#[specta::specta]
pub async fn restart_to_restore(app: AppHandle, state: State<'_, AppState>) -> Result<(), AppError> {
    if !store::backup::confirm_import(&state.paths.data_dir)? {
        return Err(AppError::new(
            AppErrorCode::NotReady,
            "読み込む準備ができたデータがありません。もう一度ファイルを選んでください",
        ));
    }
    restart_soon(&app);
    Ok(())
}

/// Drops the import waiting: nothing changes.
#[tauri::command]
#[specta::specta]
pub async fn cancel_restore(state: State<'_, AppState>) -> Result<(), AppError> {
    Ok(store::backup::cancel_import(&state.paths.data_dir)?)
}

/// The generations in a folder picked when the database could not be opened.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RescueView {
    /// The folder picked
    pub folder: String,
    /// Its generations, newest first
    pub generations: Vec<Generation>,
}

/// On the start-up error screen: lets staff pick the backup folder (the database that names it
/// could not be opened) and lists its generations; `None` when the dialog was closed. Picking the
/// 「オン資ナビのバックアップ」 folder itself works too.
#[tauri::command]
#[specta::specta]
pub async fn choose_rescue_folder(app: AppHandle, state: State<'_, AppState>) -> Result<Option<RescueView>, AppError> {
    let Some(mut folder) = pick_folder(&app, "バックアップのあるフォルダ(USBメモリなど)を選んでください").await?
    else {
        return Ok(None);
    };
    if folder.file_name().is_some_and(|n| n == store::backup::BACKUP_FOLDER)
        && let Some(parent) = folder.parent()
    {
        folder = parent.to_path_buf();
    }
    let generations = store::backup::generations(&folder)?;
    if let Ok(mut rescue) = state.rescue_folder.lock() {
        *rescue = Some(folder.clone());
    }
    Ok(Some(RescueView { folder: folder.display().to_string(), generations }))
}
