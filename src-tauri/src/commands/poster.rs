//! The patient poster and flyer: reachable from ホーム, 毎日の資格確認 and 協力金, whatever a
//! program's state. What fits the clinic and what is drawn is `screens::poster`'s.

use forms::{Audience, PosterFormat};
use screens::poster::PosterChoices;
use tauri::{AppHandle, State};

use super::files::{blocking, pick_save_path, print_pdf, write_file};
use crate::error::AppError;
use crate::state::AppState;

/// The clinic's name and which posters fit its kind.
#[tauri::command]
#[specta::specta]
pub async fn poster_choices(state: State<'_, AppState>) -> Result<PosterChoices, AppError> {
    Ok(screens::poster::choices(state.store()?).await?)
}

/// The poster or flyer page as SVG, as it prints.
#[tauri::command]
#[specta::specta]
pub async fn poster_preview(
    state: State<'_, AppState>,
    audience: Audience,
    format: PosterFormat,
) -> Result<Vec<String>, AppError> {
    let sheet = screens::poster::sheet(state.store()?, audience, format).await?;
    blocking(move || forms::poster_preview(&sheet)).await
}

/// The poster or flyer as PDF, made off the async threads.
async fn pdf(state: &AppState, audience: Audience, format: PosterFormat) -> Result<Vec<u8>, AppError> {
    let sheet = screens::poster::sheet(state.store()?, audience, format).await?;
    Ok(blocking(move || forms::poster_pdf(&sheet, crate::clock::made())).await??)
}

/// Saves the poster or flyer as PDF where staff choose; `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn save_poster_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    audience: Audience,
    format: PosterFormat,
) -> Result<Option<String>, AppError> {
    let pdf = pdf(&state, audience, format).await?;
    let name = format!("{}.pdf", screens::poster::file_name(format));
    let Some(path) = pick_save_path(&app, &name, "pdf").await? else { return Ok(None) };
    write_file(&path, &pdf)?;
    Ok(Some(path.display().to_string()))
}

/// Prints the poster or flyer through the PC's PDF viewer; returns the file's path.
#[tauri::command]
#[specta::specta]
pub async fn print_poster(
    app: AppHandle,
    state: State<'_, AppState>,
    audience: Audience,
    format: PosterFormat,
) -> Result<String, AppError> {
    let pdf = pdf(&state, audience, format).await?;
    print_pdf(&app, &state.paths.data_dir, screens::poster::file_name(format), &pdf)
}
