//! 協力金: each command hands the store and the data in use to `screens::grant`, where the
//! requirements are judged and the report is made; here only the dialogs, the work off the async
//! threads, and the error mapping.

use screens::grant::GrantOverview;
use store::promotion::{Poster, PosterInput, PromotionDay, PromotionDayInput};
use tauri::{AppHandle, State};

use super::files::{blocking, pick_file, pick_save_path, print_pdf, write_file};
use crate::clock;
use crate::error::AppError;
use crate::state::AppState;

/// The screen's data for today.
#[tauri::command]
#[specta::specta]
pub async fn grant_overview(state: State<'_, AppState>) -> Result<GrantOverview, AppError> {
    let catalog = state.catalog().await;
    Ok(screens::grant::overview(state.store()?, &catalog, clock::today()).await?)
}

async fn report(state: &AppState) -> Result<forms::GrantReport, AppError> {
    let catalog = state.catalog().await;
    Ok(screens::grant::report(state.store()?, &catalog, clock::today()).await?)
}

/// The evidence report's pages as SVG, as they print (photos included).
#[tauri::command]
#[specta::specta]
pub async fn grant_report_preview(state: State<'_, AppState>) -> Result<Vec<String>, AppError> {
    let report = report(&state).await?;
    Ok(blocking(move || forms::grant_report_preview(&report)).await??)
}

async fn report_pdf(state: &AppState) -> Result<Vec<u8>, AppError> {
    let report = report(state).await?;
    Ok(blocking(move || forms::grant_report_pdf(&report, clock::made())).await??)
}

/// Saves the evidence report as PDF where staff choose; `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn save_grant_report(app: AppHandle, state: State<'_, AppState>) -> Result<Option<String>, AppError> {
    let pdf = report_pdf(&state).await?;
    let name = format!("協力金_取組の記録_{}.pdf", clock::local().format("%Y%m%d"));
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
/// payment date.
#[tauri::command]
#[specta::specta]
pub async fn set_grant_in_service(state: State<'_, AppState>, in_service: bool) -> Result<(), AppError> {
    let catalog = state.catalog().await;
    Ok(screens::grant::set_in_service(state.store()?, &catalog, in_service, clock::now()).await?)
}

/// Picks a photo of the poster as it hung (JPEG/PNG) and keeps it, upright and shrunk, with
/// display period `id`, replacing an earlier one. `None` when staff closed the dialog.
#[tauri::command]
#[specta::specta]
pub async fn add_poster_photo(app: AppHandle, state: State<'_, AppState>, id: i32) -> Result<Option<Poster>, AppError> {
    let store = state.store()?;
    let title = "ポスターを掲示している写真を選んでください";
    let Some(path) = pick_file(&app, title, ("写真", &["jpg", "jpeg", "png"])).await? else { return Ok(None) };
    let (name, jpeg) = blocking(move || screens::grant::poster_photo(&path)).await??;
    Ok(Some(store.set_poster_photo(id, Some((&name, &jpeg)), &store.actor().await?, clock::now()).await?))
}

/// Removes the photo kept with display period `id`.
#[tauri::command]
#[specta::specta]
pub async fn remove_poster_photo(state: State<'_, AppState>, id: i32) -> Result<Poster, AppError> {
    let store = state.store()?;
    Ok(store.set_poster_photo(id, None, &store.actor().await?, clock::now()).await?)
}

/// Adds (`id` None) or changes a display period of the poster; field messages on bad input.
#[tauri::command]
#[specta::specta]
pub async fn save_poster(state: State<'_, AppState>, id: Option<i32>, input: PosterInput) -> Result<Poster, AppError> {
    let store = state.store()?;
    Ok(store.save_poster(id, &input, clock::today(), &store.actor().await?, clock::now()).await?)
}

/// Removes a display period.
#[tauri::command]
#[specta::specta]
pub async fn delete_poster(state: State<'_, AppState>, id: i32) -> Result<(), AppError> {
    let store = state.store()?;
    Ok(store.delete_poster(id, &store.actor().await?, clock::now()).await?)
}

/// Sets a day's flyers and お声がけ (both 0 removes the day); field messages on bad input.
#[tauri::command]
#[specta::specta]
pub async fn set_promotion_day(state: State<'_, AppState>, input: PromotionDayInput) -> Result<PromotionDay, AppError> {
    let store = state.store()?;
    Ok(store.set_promotion_day(&input, clock::today(), &store.actor().await?, clock::now()).await?)
}
