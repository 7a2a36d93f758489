//! 毎日の資格確認 → the log: record a check, list today's, the マイナ保険証 利用率.

use chrono::Local;
use serde::Serialize;
use specta::Type;
use store::checks::{CheckCounts, CheckInput, CheckRecord, CheckSource};
use tauri::State;

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
    let record = store.log_check(&input, &actor, chrono::Utc::now(), Local::now().date_naive(), &knowledge).await?;
    Ok(LoggedCheck { record, demo })
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
    /// Today's デモ checks (from デモ cards), kept apart and never counted above
    pub demo_records: Vec<CheckRecord>,
    /// The ways a check can be made today, from the dated data (a 保険証 only while its
    /// transition lasted), with what staff should know of each
    pub methods: Vec<guide::MethodAvailability>,
    /// How the clinic checks cards (step 3 of the guide): on the phone route the official app on
    /// the smartphone does the check and this PC keeps the record
    pub route: Option<guide::Route>,
}

/// Today's list and rates.
#[tauri::command]
#[specta::specta]
pub async fn today_checks(state: State<'_, AppState>) -> Result<TodayChecks, AppError> {
    let store = state.store()?;
    let today = Local::now().date_naive();
    let knowledge = state.knowledge().await;
    Ok(TodayChecks {
        methods: knowledge.methods_on(today).into_iter().cloned().collect(),
        route: screens::wizard::route(store).await?,
        today_text: jptext::format_date(today),
        month_text: jptext::format_year_month(today),
        records: store.checks_on(today).await?,
        today: store.check_counts_on(today).await?,
        month: store.check_counts_in_month(today).await?,
        demo_records: match state.demo_store_if_open() {
            Some(demo) => demo.checks_on(today).await?,
            None => Vec::new(),
        },
    })
}
