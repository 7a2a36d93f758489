//! 導入ガイド: the steps and which are done.

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
}

/// Every step in order, with progress.
#[tauri::command]
#[specta::specta]
pub async fn setup_steps(state: State<'_, AppState>) -> Result<Vec<StepProgress>, AppError> {
    let done = state.store()?.finished_setup_steps().await?;
    Ok(guide::STEPS.iter().map(|step| StepProgress { step: *step, done: done.iter().any(|d| d == step.id) }).collect())
}

/// Marks a step done or not done; refuses an id the guide does not have.
#[tauri::command]
#[specta::specta]
pub async fn set_setup_step(state: State<'_, AppState>, id: String, done: bool) -> Result<(), AppError> {
    if guide::step(&id).is_none() {
        return Err(AppError::new("UnknownStep", format!("導入ガイドに「{id}」という手順はありません")));
    }
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.set_setup_step_done(&id, done, &actor, chrono::Utc::now()).await?)
}
