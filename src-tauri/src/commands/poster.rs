//! The patient poster and flyer: reachable from ホーム, 毎日の資格確認 and 協力金, whatever a
//! program's state. The clinic's name comes from its profile; the treatment from its kind.

use forms::{Audience, PosterFormat, PosterSheet};
use serde::Serialize;
use specta::Type;
use store::clinic::ClinicKind;
use tauri::{AppHandle, State};

use super::files::{blocking, pick_save_path, print_pdf, write_file};
use crate::error::AppError;
use crate::state::AppState;

/// What the poster panel offers: the audiences for the clinic's kind, the first preselected.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PosterChoices {
    /// The clinic's name on the poster ("" until the profile is saved)
    pub clinic_name: String,
    /// 柔整, あはき or both (a 併設 clinic), in that order
    pub audiences: Vec<Audience>,
}

async fn sheet(state: &AppState, audience: Audience, format: PosterFormat) -> Result<PosterSheet, AppError> {
    let store = state.store()?;
    let profile = store.clinic_profile().await?;
    let read_with = screens::wizard::reads_with(store).await?;
    Ok(PosterSheet { clinic_name: profile.map(|p| p.name).unwrap_or_default(), audience, format, read_with })
}

/// The clinic's name and which posters fit its kind.
#[tauri::command]
#[specta::specta]
pub async fn poster_choices(state: State<'_, AppState>) -> Result<PosterChoices, AppError> {
    let profile = state.store()?.clinic_profile().await?;
    let audiences = match profile.as_ref().map(|p| p.kind) {
        Some(ClinicKind::Judo) => vec![Audience::Judo],
        Some(ClinicKind::Ahaki) => vec![Audience::Ahaki],
        Some(ClinicKind::Both) | None => vec![Audience::Judo, Audience::Ahaki],
    };
    Ok(PosterChoices { clinic_name: profile.map(|p| p.name).unwrap_or_default(), audiences })
}

/// The poster or flyer page as SVG, as it prints.
#[tauri::command]
#[specta::specta]
pub async fn poster_preview(
    state: State<'_, AppState>,
    audience: Audience,
    format: PosterFormat,
) -> Result<Vec<String>, AppError> {
    let sheet = sheet(&state, audience, format).await?;
    blocking(move || forms::poster_preview(&sheet)).await
}

/// The poster or flyer as PDF (made off the async threads) with its name, without extension.
async fn pdf(state: &AppState, audience: Audience, format: PosterFormat) -> Result<(Vec<u8>, &'static str), AppError> {
    let sheet = sheet(state, audience, format).await?;
    let pdf = blocking(move || forms::poster_pdf(&sheet)).await??;
    let name = match format {
        PosterFormat::Poster => "マイナ保険証ポスター",
        PosterFormat::Flyer => "マイナ保険証チラシ",
    };
    Ok((pdf, name))
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
    let (pdf, name) = pdf(&state, audience, format).await?;
    let Some(path) = pick_save_path(&app, &format!("{name}.pdf"), "pdf").await? else { return Ok(None) };
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
    let (pdf, name) = pdf(&state, audience, format).await?;
    print_pdf(&app, &state.paths.data_dir, name, &pdf)
}
