//! 協力金: the requirements judged from the 運用開始日 (導入ガイド) and the evidence staff record,
//! the poster's periods, each day's flyers and お声がけ, and the マイナ保険証 利用率 by month from
//! the check log. Rules from `programs::grant`, records from `store`.

use chrono::{Datelike, Local, NaiveDate, Utc};
use programs::grant::{GrantEvaluation, GrantEvidence};
use programs::{Program, ProgramStatus};
use serde::Serialize;
use specta::Type;
use store::checks::CheckCounts;
use store::promotion::{Poster, PosterInput, PromotionDay, PromotionDayInput};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// The 協力金 the screen works on: the newest in the data in use.
fn grant_program(catalog: &programs::Catalog) -> Result<Program, AppError> {
    catalog
        .programs
        .iter()
        .filter(|p| p.kind == programs::ProgramKind::Grant)
        .max_by_key(|p| p.closes_on())
        .cloned()
        .ok_or_else(|| programs::ProgramsError::UnknownProgram("協力金".into()).into())
}

/// One month of the 対象期間 with its checks.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MonthUsage {
    /// `令和7年5月 (2025-05)`
    pub month_text: String,
    /// The month's checks and the マイナ保険証 利用率
    pub counts: CheckCounts,
}

/// Everything the 協力金 screen shows.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct GrantOverview {
    /// The program with its state today
    pub program: ProgramStatus,
    /// When the program data was last checked against its sources
    pub data_as_of_text: String,
    /// Each requirement met or not, with why (inside the 対象期間)
    pub evaluation: Option<GrantEvaluation>,
    /// The 運用開始日 from the 導入ガイド, 和暦 with 西暦
    pub start_date_text: Option<String>,
    /// The poster's display periods
    pub posters: Vec<Poster>,
    /// Each day's flyers and お声がけ
    pub days: Vec<PromotionDay>,
    /// The 利用率 by month over the 対象期間 (a fact for the report, not a requirement)
    pub monthly_usage: Vec<MonthUsage>,
    /// Today, for the date fields' limit
    pub today: NaiveDate,
}

/// The 運用開始日 staff recorded in the 導入ガイド.
async fn start_date(store: &store::Store) -> Result<Option<NaiveDate>, AppError> {
    Ok(store
        .wizard_values()
        .await?
        .into_iter()
        .find(|v| v.step == "start_date" && v.key == "start_date")
        .and_then(|v| NaiveDate::parse_from_str(&v.value, "%Y-%m-%d").ok()))
}

/// The screen's data for today.
#[tauri::command]
#[specta::specta]
pub async fn grant_overview(state: State<'_, AppState>) -> Result<GrantOverview, AppError> {
    let store = state.store()?;
    let today = Local::now().date_naive();
    let catalog = state.catalog().await;
    let program = grant_program(&catalog)?;
    let board = catalog.board(today);
    let status = board
        .find(&program.id)
        .cloned()
        .ok_or_else(|| AppError::from(programs::ProgramsError::UnknownProgram(program.id.clone())))?;
    let start = start_date(store).await?;
    let posters = store.posters().await?;
    let days = store.promotion_days().await?;
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    let evidence = GrantEvidence {
        start_date: start,
        poster: posters.iter().map(|p| (p.shown_from, p.shown_to)).collect(),
        flyers: days.iter().map(|d| (d.day, count(d.flyers))).collect(),
        prompts: days.iter().map(|d| (d.day, count(d.prompts))).collect(),
    };
    let mut monthly_usage = Vec::new();
    if let Some(period) = &program.period {
        let mut month = period.from.map_or(period.to.date, |f| f.date).with_day(1).unwrap_or(period.to.date);
        while month <= period.to.date && month <= today {
            monthly_usage.push(MonthUsage {
                month_text: jptext::format_year_month(month),
                counts: store.check_counts_in_month(month).await?,
            });
            let Some(next) = month.checked_add_months(chrono::Months::new(1)) else { break };
            month = next;
        }
    }
    Ok(GrantOverview {
        evaluation: programs::grant::evaluate(&program, &evidence),
        program: status,
        data_as_of_text: board.as_of_text,
        start_date_text: start.map(jptext::format_date),
        posters,
        days,
        monthly_usage,
        today,
    })
}

/// Adds (`id` None) or changes a display period of the poster; field messages on bad input.
#[tauri::command]
#[specta::specta]
pub async fn save_poster(state: State<'_, AppState>, id: Option<i32>, input: PosterInput) -> Result<Poster, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.save_poster(id, &input, Local::now().date_naive(), &actor, Utc::now()).await?)
}

/// Removes a display period.
#[tauri::command]
#[specta::specta]
pub async fn delete_poster(state: State<'_, AppState>, id: i32) -> Result<(), AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.delete_poster(id, &actor, Utc::now()).await?)
}

/// Sets a day's flyers and お声がけ (both 0 removes the day); field messages on bad input.
#[tauri::command]
#[specta::specta]
pub async fn set_promotion_day(state: State<'_, AppState>, input: PromotionDayInput) -> Result<PromotionDay, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.set_promotion_day(&input, Local::now().date_naive(), &actor, Utc::now()).await?)
}
