//! 毎日の資格確認 → the log: record a check, list today's, the マイナ保険証 利用率.

use screens::daily::TodayChecks;
use serde::Serialize;
use specta::Type;
use store::checks::{CheckInput, CheckRecord, CheckSource};
use tauri::State;

use crate::clock;
use crate::error::AppError;
use crate::state::AppState;

/// A check as recorded, and where.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LoggedCheck {
    /// The record
    pub record: CheckRecord,
    /// True when it went to the デモ database (it came from a デモ card's read)
    pub demo: bool,
}

/// Records a check on today's date: in the clinic's log, or in the デモ one when it comes from a
/// デモ card's read.
#[tauri::command]
#[specta::specta]
pub async fn log_check(state: State<'_, AppState>, input: CheckInput) -> Result<LoggedCheck, AppError> {
    let (store, demo) = state.store_for(input.source == CheckSource::CardRead).await?;
    let actor = store.actor().await?;
    let knowledge = state.knowledge().await;
    let record = store.log_check(&input, &actor, clock::now(), clock::today(), &knowledge).await?;
    Ok(LoggedCheck { record, demo })
}

/// Today's list and rates.
#[tauri::command]
#[specta::specta]
pub async fn today_checks(state: State<'_, AppState>) -> Result<TodayChecks, AppError> {
    let (store, demo) = (state.store()?, state.demo_store_if_open());
    let knowledge = state.knowledge().await;
    Ok(screens::daily::today_checks(store, demo, &knowledge, clock::today()).await?)
}
