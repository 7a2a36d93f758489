//! ホーム: where the clinic stands today, from its own data and the data in use: the guide's
//! progress on its route, the deadline until a real 運用開始, today's checks, the programs, the
//! program data's age, and what needs staff about backups.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use specta::Type;
use store::Store;
use store::checks::CheckCounts;
use store::recovery::CodeKeeper;

use crate::Error;

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
    /// The title of the first step not done, as it reads on the clinic's route
    pub next_title: Option<String>,
}

/// What ホーム reads beside the store: the data in use and what the host knows of this start.
pub struct HomeInputs<'a> {
    /// The guide's dated knowledge in use
    pub knowledge: &'a guide::Knowledge,
    /// The programs' states today
    pub board: programs::ProgramBoard,
    /// The program data's status (its age, a newer app)
    pub updates: updates::DataStatus,
    /// This PC's keeper of the 復元コード
    pub keeper: &'a CodeKeeper,
    /// Where the data before a restore at this start was kept
    pub restored_aside: Option<String>,
}

/// ホーム on `today` (the PC's local date) at `now`.
pub async fn summary(
    store: &Store,
    inputs: HomeInputs<'_>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<HomeSummary, Error> {
    let wizard = crate::wizard::overview(store, inputs.knowledge, today).await?;
    let next_title =
        wizard.progress.current_step.and_then(guide::wizard_step).map(|s| s.title_on(wizard.route).to_string());
    Ok(HomeSummary {
        today_text: jptext::format_date(today),
        clinic_name: store.clinic_profile().await?.map(|p| p.name),
        setup: SetupSummary { done: wizard.progress.done, total: wizard.progress.applicable, next_title },
        timeline: (wizard.timeline.status != guide::TimelineStatus::Started).then_some(wizard.timeline),
        today_checks: store.check_counts_on(today).await?,
        programs: inputs.board,
        updates: inputs.updates,
        backup: store.backup_state(now).await?,
        recovery_sheet_pending: inputs.keeper.load()?.is_some_and(|k| !k.acknowledged),
        restored_aside: inputs.restored_aside,
    })
}
