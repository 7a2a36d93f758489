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
use tauri::{AppHandle, State};

use super::files::{pick_photo, pick_save_path, print_pdf, write_file};
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
    /// Staff's answer on the payment date (open, not suspended, under 受領委任); `None` until answered
    pub in_service: Option<bool>,
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
        .find(|v| v.step == guide::keys::START_DATE.step && v.key == guide::keys::START_DATE.key)
        .and_then(|v| NaiveDate::parse_from_str(&v.value, "%Y-%m-%d").ok()))
}

/// What the screen and the report are made from, gathered once.
struct Gathered {
    program: Program,
    status: ProgramStatus,
    data_as_of_text: String,
    start: Option<NaiveDate>,
    in_service: Option<bool>,
    posters: Vec<Poster>,
    days: Vec<PromotionDay>,
    monthly_usage: Vec<MonthUsage>,
    evaluation: Option<GrantEvaluation>,
    today: NaiveDate,
}

async fn gather(state: &AppState) -> Result<Gathered, AppError> {
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
    let in_service = store.grant_in_service(&program.id).await?;
    let posters = store.posters().await?;
    let days = store.promotion_days().await?;
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    let evidence = GrantEvidence {
        start_date: start,
        poster: posters.iter().map(|p| (p.shown_from, p.shown_to)).collect(),
        flyers: days.iter().map(|d| (d.day, count(d.flyers))).collect(),
        prompts: days.iter().map(|d| (d.day, count(d.prompts))).collect(),
        in_service,
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
    Ok(Gathered {
        evaluation: programs::grant::evaluate(&program, &evidence),
        program,
        status,
        data_as_of_text: board.as_of_text,
        start,
        in_service,
        posters,
        days,
        monthly_usage,
        today,
    })
}

/// The screen's data for today.
#[tauri::command]
#[specta::specta]
pub async fn grant_overview(state: State<'_, AppState>) -> Result<GrantOverview, AppError> {
    let g = gather(&state).await?;
    Ok(GrantOverview {
        evaluation: g.evaluation,
        program: g.status,
        data_as_of_text: g.data_as_of_text,
        start_date_text: g.start.map(jptext::format_date),
        in_service: g.in_service,
        posters: g.posters,
        days: g.days,
        monthly_usage: g.monthly_usage,
        today: g.today,
    })
}

/// A poster period as the report prints it.
fn poster_period_text(p: &Poster) -> String {
    match p.shown_to {
        Some(to) => format!("{}〜{}", jptext::format_date(p.shown_from), jptext::format_date(to)),
        None => format!("{}〜(掲示中)", jptext::format_date(p.shown_from)),
    }
}

/// The evidence report: the same facts the screen shows, counted inside the 対象期間.
async fn report(state: &AppState) -> Result<forms::GrantReport, AppError> {
    let store = state.store()?;
    let g = gather(state).await?;
    let profile = store.clinic_profile().await?;
    let (from, to) = match &g.program.period {
        Some(p) => (p.from.map_or(NaiveDate::MIN, |f| f.date), p.to.date),
        None => (NaiveDate::MIN, NaiveDate::MAX),
    };
    let period_text = match &g.program.period {
        Some(p) => format!(
            "{}〜{}",
            p.from.map(|f| jptext::format_date(f.date)).unwrap_or_default(),
            jptext::format_date(p.to.date)
        ),
        None => String::new(),
    };
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    let photos = store
        .poster_photos()
        .await?
        .into_iter()
        .map(|(poster, jpeg)| forms::ReportPhoto {
            caption: format!("掲示した期間: {}", poster_period_text(&poster)),
            name: poster.photo_name.clone().unwrap_or_else(|| "ポスターの写真".into()),
            jpeg,
        })
        .collect();
    Ok(forms::GrantReport {
        clinic_name: profile.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
        registration_number: profile
            .as_ref()
            .map(store::clinic::ClinicProfile::registration_numbers_typed)
            .unwrap_or_default(),
        program_name: g.program.name.clone(),
        period_text,
        start_date_text: g.start.map(jptext::format_date),
        prepared_on: g.today,
        requirements: g
            .evaluation
            .map(|e| {
                e.requirements
                    .into_iter()
                    .map(|r| forms::ReportRequirement { label: r.label, met: r.met, why: r.why })
                    .collect()
            })
            .unwrap_or_default(),
        posters: g.posters.iter().map(poster_period_text).collect(),
        days: g
            .days
            .iter()
            .filter(|d| d.day >= from && d.day <= to && (d.flyers > 0 || d.prompts > 0))
            .map(|d| forms::ReportDay { day: d.day, flyers: count(d.flyers), prompts: count(d.prompts) })
            .collect(),
        months: g
            .monthly_usage
            .iter()
            .map(|m| forms::ReportMonth {
                month_text: m.month_text.clone(),
                checks: m.counts.total,
                card_checks: m.counts.my_number_card,
            })
            .collect(),
        photos,
    })
}

/// The evidence report's pages as SVG, as they print (photos included).
#[tauri::command]
#[specta::specta]
pub async fn grant_report_preview(state: State<'_, AppState>) -> Result<Vec<String>, AppError> {
    let report = report(&state).await?;
    Ok(tauri::async_runtime::spawn_blocking(move || forms::grant_report_preview(&report)).await.map_err(joined)??)
}

fn joined(e: tauri::Error) -> AppError {
    AppError::new(crate::error::AppErrorCode::Internal, format!("報告書の作成が中断されました: {e}"))
}

async fn report_pdf(state: &AppState) -> Result<Vec<u8>, AppError> {
    let report = report(state).await?;
    Ok(tauri::async_runtime::spawn_blocking(move || forms::grant_report_pdf(&report)).await.map_err(joined)??)
}

/// Saves the evidence report as PDF where staff choose; `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn save_grant_report(app: AppHandle, state: State<'_, AppState>) -> Result<Option<String>, AppError> {
    let pdf = report_pdf(&state).await?;
    let name = format!("協力金_取組の記録_{}.pdf", Local::now().format("%Y%m%d"));
    let Some(path) = pick_save_path(&app, &name, "pdf").await? else { return Ok(None) };
    write_file(&path, &pdf)?;
    Ok(Some(path.display().to_string()))
}

/// Prints the evidence report through the PC's PDF viewer; returns the file's path.
#[tauri::command]
#[specta::specta]
pub async fn print_grant_report(app: AppHandle, state: State<'_, AppState>) -> Result<String, AppError> {
    let pdf = report_pdf(&state).await?;
    print_pdf(&app, &state.paths.data_dir, "協力金_取組の記録", &pdf)
}

/// Records staff's answer on whether the clinic is open, not suspended and under 受領委任 on the
/// payment date of the 協力金 the screen works on.
#[tauri::command]
#[specta::specta]
pub async fn set_grant_in_service(state: State<'_, AppState>, in_service: bool) -> Result<(), AppError> {
    let store = state.store()?;
    let program = grant_program(&state.catalog().await)?;
    let actor = store.actor().await?;
    Ok(store.set_grant_in_service(&program.id, in_service, &actor, Utc::now()).await?)
}

/// Picks a photo of the poster as it hung (JPEG/PNG) and keeps it, upright and shrunk, with
/// display period `id`, replacing an earlier one. `None` when staff closed the dialog.
#[tauri::command]
#[specta::specta]
pub async fn add_poster_photo(app: AppHandle, state: State<'_, AppState>, id: i32) -> Result<Option<Poster>, AppError> {
    let store = state.store()?;
    let Some(path) = pick_photo(&app).await? else { return Ok(None) };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let bytes = std::fs::read(&path).map_err(|e| {
        AppError::new(crate::error::AppErrorCode::FileAccess, format!("「{}」を読めませんでした: {e}", path.display()))
    })?;
    let photo = forms::Photo { name: name.clone(), bytes };
    let prepared =
        tauri::async_runtime::spawn_blocking(move || forms::photos::prepare(&photo)).await.map_err(joined)??;
    let actor = store.actor().await?;
    Ok(Some(store.set_poster_photo(id, Some((&name, &prepared.jpeg)), &actor, Utc::now()).await?))
}

/// Removes the photo kept with display period `id`.
#[tauri::command]
#[specta::specta]
pub async fn remove_poster_photo(state: State<'_, AppState>, id: i32) -> Result<Poster, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.set_poster_photo(id, None, &actor, Utc::now()).await?)
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
