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
    /// Progress through the 導入ガイド
    pub setup: guide::Progress,
    /// Checks logged today
    pub today_checks: CheckCounts,
    /// 助成金 and 協力金, each with its state today, and the data's as-of date
    pub programs: programs::ProgramBoard,
}

/// The summary for today (the PC's local date).
#[tauri::command]
#[specta::specta]
pub async fn home_summary(state: State<'_, AppState>) -> Result<HomeSummary, AppError> {
    let store = state.store()?;
    let today = Local::now().date_naive();
    Ok(HomeSummary {
        today_text: jptext::format_date(today),
        clinic_name: store.clinic_profile().await?.map(|p| p.name),
        setup: guide::progress(&store.finished_setup_steps().await?),
        today_checks: store.check_counts_on(today).await?,
        programs: programs::board(today)?,
    })
}

/// What a 助成金 pays for an eligible total (tax included) and what the clinic pays itself; the
/// ¥1,000 unit and the cap come from the program's dated rules.
#[tauri::command]
#[specta::specta]
pub fn program_claim(id: String, eligible_total_yen: i32) -> Result<programs::Claim, AppError> {
    Ok(programs::claim(&id, eligible_total_yen)?)
}
