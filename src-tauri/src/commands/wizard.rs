//! 導入ガイド as a wizard: each command hands its state to `screens::wizard`, where what the
//! screen shows and what a save decides live; here only the clock, the PC's measurement off the
//! async threads, the save dialog and the error mapping.

use guide::StepState;
use screens::wizard::{FaqView, PcCheck, ReaderCheck, SavedAnswer, WizardOverview, WizardStepDetail};
use store::wizard::{Terminal, TerminalInput};
use tauri::State;

use crate::clock;
use crate::error::AppError;
use crate::state::AppState;

/// The wizard's list, progress, where to resume and the timeline.
#[tauri::command]
#[specta::specta]
pub async fn wizard_overview(state: State<'_, AppState>) -> Result<WizardOverview, AppError> {
    Ok(screens::wizard::overview(state.store()?, &state.knowledge().await, clock::today()).await?)
}

/// One step with its content on the clinic's route, state and answers.
#[tauri::command]
#[specta::specta]
pub async fn wizard_step_detail(state: State<'_, AppState>, id: String) -> Result<WizardStepDetail, AppError> {
    let board = state.catalog().await.board(clock::today());
    Ok(screens::wizard::step_detail(state.store()?, &state.knowledge().await, &board, &id, clock::today()).await?)
}

/// Saves one answer, checked by its input's kind; an empty answer removes it.
#[tauri::command]
#[specta::specta]
pub async fn save_wizard_answer(
    state: State<'_, AppState>,
    step: String,
    key: String,
    value: String,
) -> Result<SavedAnswer, AppError> {
    Ok(screens::wizard::save_answer(state.store()?, &step, &key, &value, clock::now(), clock::today()).await?)
}

/// Sets a step 未着手 / 進行中 / 完了 (完了 refused while anything blocks it).
#[tauri::command]
#[specta::specta]
pub async fn set_wizard_step_state(state: State<'_, AppState>, id: String, to: StepState) -> Result<(), AppError> {
    Ok(screens::wizard::set_step_state(state.store()?, &id, to, clock::now(), clock::today()).await?)
}

/// Adds (`id` none) or changes a terminal account.
#[tauri::command]
#[specta::specta]
pub async fn save_terminal(
    state: State<'_, AppState>,
    id: Option<i32>,
    input: TerminalInput,
) -> Result<Terminal, AppError> {
    Ok(screens::wizard::save_terminal(state.store()?, id, &input, clock::now()).await?)
}

/// Removes a terminal account.
#[tauri::command]
#[specta::specta]
pub async fn delete_terminal(state: State<'_, AppState>, id: i32) -> Result<(), AppError> {
    Ok(screens::wizard::delete_terminal(state.store()?, id, clock::now()).await?)
}

/// Measures this PC (off the async threads) and judges it.
#[tauri::command]
#[specta::specta]
pub async fn pc_check(state: State<'_, AppState>) -> Result<PcCheck, AppError> {
    let figures = super::files::blocking(pcinfo::measure).await?;
    Ok(screens::wizard::pc_check(&figures, &state.knowledge().await))
}

/// Checks that this PC reaches the portal's address (from the guide's dated links), and says
/// what to do when it does not.
#[tauri::command]
#[specta::specta]
pub async fn internet_check(state: State<'_, AppState>) -> Result<netcheck::NetCheck, AppError> {
    let knowledge = state.knowledge().await;
    let portal = knowledge.link(guide::links::PORTAL).map(|l| l.url.to_string()).unwrap_or_default();
    Ok(netcheck::check(&portal).await)
}

/// Searches よくある質問 as staff type.
#[tauri::command]
#[specta::specta]
pub async fn faq(state: State<'_, AppState>, query: String) -> Result<FaqView, AppError> {
    Ok(screens::wizard::faq(&query, &state.knowledge().await))
}

/// The readers this PC sees now, matched against the known models.
#[tauri::command]
#[specta::specta]
pub async fn reader_check(state: State<'_, AppState>) -> Result<ReaderCheck, AppError> {
    let status = state.with_card(|service| Ok(service.status())).await?;
    Ok(screens::wizard::reader_check(status, &state.knowledge().await)?)
}

/// The checklist's pages as SVG, to show before saving.
#[tauri::command]
#[specta::specta]
pub async fn guide_checklist_preview(state: State<'_, AppState>) -> Result<Vec<String>, AppError> {
    let list = screens::wizard::checklist(state.store()?, &state.knowledge().await, clock::today()).await?;
    super::files::blocking(move || forms::checklist_preview(&list)).await
}

/// Saves the checklist as PDF where staff choose; the path, or `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn save_guide_checklist(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, AppError> {
    let list = screens::wizard::checklist(state.store()?, &state.knowledge().await, clock::today()).await?;
    let pdf = super::files::blocking(move || forms::checklist_pdf(&list, clock::made())).await??;
    let Some(path) = super::files::pick_save_path(&app, "導入チェックリスト.pdf", "pdf").await? else {
        return Ok(None);
    };
    super::files::write_file(&path, &pdf)?;
    Ok(Some(path.display().to_string()))
}
