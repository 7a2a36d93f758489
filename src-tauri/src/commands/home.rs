//! ホーム: where the clinic stands, from its own data.

use chrono::Local;
use serde::Serialize;
use specta::Type;
use store::checks::CheckCounts;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// Everything ホーム shows.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HomeSummary {
    /// Today in 和暦 with 西暦
    pub today_text: String,
    /// The clinic's name, once the profile is saved
    pub clinic_name: Option<String>,
    /// Steps of the 導入ガイド done
    pub setup_done: u32,
    /// Steps in the 導入ガイド
    pub setup_total: u32,
    /// The next step to do, if any
    pub next_step: Option<guide::Step>,
    /// Checks logged today
    pub today_checks: CheckCounts,
    /// 助成金 and 協力金, each with its state today
    pub programs: Vec<programs::ProgramStatus>,
}

/// The summary for today (the PC's local date).
#[tauri::command]
#[specta::specta]
pub async fn home_summary(state: State<'_, AppState>) -> Result<HomeSummary, AppError> {
    let store = state.store()?;
    let today = Local::now().date_naive();
    let done = store.finished_setup_steps().await?;
    let setup_done = guide::STEPS.iter().filter(|s| done.iter().any(|d| d == s.id)).count();
    Ok(HomeSummary {
        today_text: jptext::format_date(today),
        clinic_name: store.clinic_profile().await?.map(|p| p.name),
        setup_done: u32::try_from(setup_done).unwrap_or(u32::MAX),
        setup_total: u32::try_from(guide::STEPS.len()).unwrap_or(u32::MAX),
        next_step: guide::next_step(done.iter().map(String::as_str)).copied(),
        today_checks: store.check_counts_on(today).await?,
        programs: programs::statuses(today)?,
    })
}
