//! 毎日の資格確認 → the log: record a check, list today's, the マイナ保険証 利用率.

use chrono::Local;
use serde::Serialize;
use specta::Type;
use store::checks::{CheckCounts, CheckInput, CheckRecord};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// Records a check on today's date.
#[tauri::command]
#[specta::specta]
pub async fn log_check(state: State<'_, AppState>, input: CheckInput) -> Result<CheckRecord, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.log_check(&input, &actor, chrono::Utc::now(), Local::now().date_naive()).await?)
}

/// Today's checks and the 利用率 of today and of this month.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TodayChecks {
    /// Today in 和暦 with 西暦
    pub today_text: String,
    /// This month in 和暦 with 西暦
    pub month_text: String,
    /// Today's checks, newest first
    pub records: Vec<CheckRecord>,
    /// Today's counts
    pub today: CheckCounts,
    /// This month's counts
    pub month: CheckCounts,
}

/// Today's list and rates.
#[tauri::command]
#[specta::specta]
pub async fn today_checks(state: State<'_, AppState>) -> Result<TodayChecks, AppError> {
    let store = state.store()?;
    let today = Local::now().date_naive();
    Ok(TodayChecks {
        today_text: jptext::format_date(today),
        month_text: jptext::format_year_month(today),
        records: store.checks_on(today).await?,
        today: store.check_counts_on(today).await?,
        month: store.check_counts_in_month(today).await?,
    })
}
