//! 導入ガイド: the steps and which are done.

use chrono::Local;
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// A step of the guide with its progress.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StepProgress {
    /// The step as the guide states it
    pub step: guide::Step,
    /// Whether the clinic marked it done
    pub done: bool,
    /// The program the step relates to, with its state today from the dated data (never a
    /// sentence in the step's text)
    pub related_program: Option<programs::ProgramStatus>,
}

/// Every step in order, with progress and the state today of the program each relates to.
#[tauri::command]
#[specta::specta]
pub async fn setup_steps(state: State<'_, AppState>) -> Result<Vec<StepProgress>, AppError> {
    let done = state.store()?.finished_setup_steps().await?;
    let board = programs::board(Local::now().date_naive())?;
    Ok(guide::STEPS
        .iter()
        .map(|step| StepProgress {
            step: *step,
            done: done.iter().any(|d| d == step.id),
            related_program: step.related_program.and_then(|id| board.find(id)).cloned(),
        })
        .collect())
}

/// Marks a step done or not done; refuses an id the guide does not have.
#[tauri::command]
#[specta::specta]
pub async fn set_setup_step(state: State<'_, AppState>, id: String, done: bool) -> Result<(), AppError> {
    if guide::step(&id).is_none() {
        return Err(AppError::new(
            crate::error::AppErrorCode::UnknownStep,
            format!("導入ガイドに「{id}」という手順はありません"),
        ));
    }
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.set_setup_step_done(&id, done, &actor, chrono::Utc::now()).await?)
}
