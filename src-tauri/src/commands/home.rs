//! ホーム: hands `screens::home` the data in use and what this start knows.

use screens::home::{HomeInputs, HomeSummary};
use tauri::State;

use crate::clock;
use crate::error::AppError;
use crate::state::AppState;

/// The summary for today (the PC's local date).
#[tauri::command]
#[specta::specta]
pub async fn home_summary(state: State<'_, AppState>) -> Result<HomeSummary, AppError> {
    let today = clock::today();
    let knowledge = state.knowledge().await;
    let keeper = store::recovery::CodeKeeper::new(&state.paths.data_dir);
    let updates = state.programs().await.status(env!("CARGO_PKG_VERSION"), today);
    let board = state.catalog().await.board(today);
    let inputs = HomeInputs {
        knowledge: &knowledge,
        board,
        updates,
        keeper: &keeper,
        restored_aside: state.restored_aside.clone(),
    };
    Ok(screens::home::summary(state.store()?, inputs, today, clock::now()).await?)
}
