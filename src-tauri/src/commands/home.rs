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
    /// Progress through the 導入ガイド, counting the steps that apply on the clinic's route
    pub setup: SetupSummary,
    /// The enforcement timeline with today on it, until a 運用開始日 is recorded
    pub timeline: Option<guide::TimelineView>,
    /// Checks logged today
    pub today_checks: CheckCounts,
    /// 助成金 and 協力金, each with its state today, and the data's as-of date
    pub programs: programs::ProgramBoard,
    /// The program data in use and a newer app version, when one is announced (新しい版があります)
    pub updates: updates::DataStatus,
    /// Where backups go and how the last one went (ホーム warns when none is set or one failed)
    pub backup: store::backup::BackupState,
    /// A 復元コード was made and staff have not yet said its sheet is kept (ホーム asks them to)
    pub recovery_sheet_pending: bool,
    /// Set on the start that restored a backup: where the data before it was kept
    pub restored_aside: Option<String>,
}

/// How far the 導入ガイド has come.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SetupSummary {
    /// Steps done of those that apply
    pub done: u32,
    /// Steps that apply on the clinic's route
    pub total: u32,
    /// The title of the first step not done
    pub next_title: Option<String>,
}

/// The summary for today (the PC's local date).
#[tauri::command]
#[specta::specta]
pub async fn home_summary(state: State<'_, AppState>) -> Result<HomeSummary, AppError> {
    let store = state.store()?;
    let today = Local::now().date_naive();
    let wizard = screens::wizard::overview(store, &state.knowledge().await, today).await?;
    Ok(HomeSummary {
        today_text: jptext::format_date(today),
        clinic_name: store.clinic_profile().await?.map(|p| p.name),
        setup: SetupSummary {
            done: wizard.progress.done,
            total: wizard.progress.applicable,
            next_title: wizard.progress.current_step.and_then(guide::wizard_step).map(|s| s.title.to_string()),
        },
        timeline: (wizard.timeline.status != guide::TimelineStatus::Started).then_some(wizard.timeline),
        today_checks: store.check_counts_on(today).await?,
        programs: state.catalog().await.board(today),
        updates: state.programs().await.status(env!("CARGO_PKG_VERSION"), today),
        backup: store.backup_state(chrono::Utc::now()).await?,
        recovery_sheet_pending: store::recovery::CodeKeeper::new(&state.paths.data_dir)
            .load()?
            .is_some_and(|k| !k.acknowledged),
        restored_aside: state.restored_aside.clone(),
    })
}
