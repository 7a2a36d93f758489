//! 助成金: each command hands the store and the data in use to `screens::subsidy`, where the
//! screen's data, the checklist rule, the 内訳書 and the upload set are made; here only the
//! dialogs, the work off the async threads, and the error mapping.

use programs::paperwork::PassbookVisible;
use screens::subsidy::{ProofKind, SheetFormat, SubsidyOverview, UploadSet};
use store::subsidy::{Applicant, Application, ApplicationStatus, DocumentKind, PurchaseInput, ReceiptInput};
use tauri::{AppHandle, State};

use super::files::{blocking, pick_files, pick_folder, pick_save_path, print_pdf, write_file};
use crate::clock;
use crate::error::AppError;
use crate::state::AppState;

/// The screen's data for today.
#[tauri::command]
#[specta::specta]
pub async fn subsidy_overview(state: State<'_, AppState>) -> Result<SubsidyOverview, AppError> {
    let (catalog, knowledge) = (state.catalog().await, state.knowledge().await);
    Ok(screens::subsidy::overview(state.store()?, &catalog, &knowledge, clock::today()).await?)
}

/// Works on the other application of a clinic registered separately for 柔整 and あはき.
#[tauri::command]
#[specta::specta]
pub async fn set_subsidy_applicant(
    state: State<'_, AppState>,
    applicant: Applicant,
) -> Result<SubsidyOverview, AppError> {
    let (catalog, knowledge, (today, now)) =
        (state.catalog().await, state.knowledge().await, (clock::today(), clock::now()));
    Ok(screens::subsidy::choose_applicant(state.store()?, &catalog, &knowledge, applicant, today, now).await?)
}

/// Adds (`id` None) or changes a 領収書; field messages on bad input.
#[tauri::command]
#[specta::specta]
pub async fn save_receipt(state: State<'_, AppState>, id: Option<i32>, input: ReceiptInput) -> Result<i32, AppError> {
    let store = state.store()?;
    Ok(store.save_receipt(id, &input, clock::today(), &store.actor().await?, clock::now()).await?)
}

/// Removes a 領収書 with its lines and copies.
#[tauri::command]
#[specta::specta]
pub async fn delete_receipt(state: State<'_, AppState>, id: i32) -> Result<(), AppError> {
    let store = state.store()?;
    Ok(store.delete_receipt(id, &store.actor().await?, clock::now()).await?)
}

/// Adds (`id` None) or changes a line of a 領収書; field messages on bad input.
#[tauri::command]
#[specta::specta]
pub async fn save_purchase(
    state: State<'_, AppState>,
    id: Option<i32>,
    receipt_id: i32,
    input: PurchaseInput,
) -> Result<store::subsidy::Purchase, AppError> {
    let store = state.store()?;
    Ok(store.save_purchase(id, receipt_id, &input, clock::today(), &store.actor().await?, clock::now()).await?)
}

/// Removes a line.
#[tauri::command]
#[specta::specta]
pub async fn delete_purchase(state: State<'_, AppState>, id: i32) -> Result<(), AppError> {
    let store = state.store()?;
    Ok(store.delete_purchase(id, &store.actor().await?, clock::now()).await?)
}

/// Picks photos (JPEG/PNG) or a PDF in the system's dialog and keeps them as one PDF: a copy of
/// a 領収書 (`receipt_id`, only a 領収書 proves payment) or of the passbook. `None` when staff
/// closed the dialog.
#[tauri::command]
#[specta::specta]
pub async fn attach_document(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: DocumentKind,
    receipt_id: Option<i32>,
    proof: ProofKind,
) -> Result<Option<store::subsidy::DocumentInfo>, AppError> {
    screens::subsidy::refuse_non_receipt(kind, proof)?;
    let Some(paths) = pick_files(&app).await? else { return Ok(None) };
    let (name, pdf, pages) = blocking(move || screens::subsidy::document_from_files(&paths, clock::made())).await??;
    let store = state.store()?;
    Ok(Some(store.add_document(kind, receipt_id, &name, &pdf, pages, &store.actor().await?, clock::now()).await?))
}

/// Removes a copy.
#[tauri::command]
#[specta::specta]
pub async fn delete_document(state: State<'_, AppState>, id: i32) -> Result<(), AppError> {
    let store = state.store()?;
    Ok(store.delete_document(id, &store.actor().await?, clock::now()).await?)
}

/// Saves whether the clinic applied in an earlier round and what is readable on the passbook.
#[tauri::command]
#[specta::specta]
pub async fn save_subsidy_answers(
    state: State<'_, AppState>,
    applied_before: bool,
    passbook: PassbookVisible,
) -> Result<Application, AppError> {
    let catalog = state.catalog().await;
    Ok(screens::subsidy::save_answers(state.store()?, &catalog, applied_before, passbook, clock::now()).await?)
}

/// Sets the status; 申請準備完了 and later need the checklist complete.
#[tauri::command]
#[specta::specta]
pub async fn set_subsidy_status(
    state: State<'_, AppState>,
    status: ApplicationStatus,
    on: Option<String>,
) -> Result<Application, AppError> {
    let catalog = state.catalog().await;
    Ok(screens::subsidy::set_status(state.store()?, &catalog, status, on.as_deref(), clock::today(), clock::now())
        .await?)
}

async fn breakdown(state: &AppState) -> Result<forms::Breakdown, AppError> {
    let catalog = state.catalog().await;
    Ok(screens::subsidy::breakdown(state.store()?, &catalog, clock::today()).await?)
}

/// The 内訳書's pages as SVG, to show before saving (the same layout the PDF is drawn from).
#[tauri::command]
#[specta::specta]
pub async fn breakdown_preview(state: State<'_, AppState>) -> Result<Vec<String>, AppError> {
    let sheet = breakdown(&state).await?;
    blocking(move || forms::breakdown_preview(&sheet)).await
}

/// Saves the 内訳書 where staff choose; returns the path, `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn save_breakdown(
    app: AppHandle,
    state: State<'_, AppState>,
    format: SheetFormat,
) -> Result<Option<String>, AppError> {
    let (sheet, made) = (breakdown(&state).await?, clock::made());
    let file = blocking(move || screens::subsidy::breakdown_file(&sheet, format, made)).await??;
    let ext = file.name.rsplit('.').next().unwrap_or("pdf").to_string();
    let Some(path) = pick_save_path(&app, &file.name, &ext).await? else { return Ok(None) };
    write_file(&path, &file.bytes)?;
    Ok(Some(path.display().to_string()))
}

/// Prints the 内訳書 through the PC's PDF viewer; returns the file's path.
#[tauri::command]
#[specta::specta]
pub async fn print_breakdown(app: AppHandle, state: State<'_, AppState>) -> Result<String, AppError> {
    let sheet = breakdown(&state).await?;
    let pdf = blocking(move || forms::breakdown_pdf(&sheet, clock::made())).await??;
    print_pdf(&app, &state.paths.data_dir, "領収書内訳書", &pdf)
}

/// Builds the files to upload, checks each, and writes them to a folder and a .zip in the place
/// staff choose; `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn build_upload_set(app: AppHandle, state: State<'_, AppState>) -> Result<Option<UploadSet>, AppError> {
    let catalog = state.catalog().await;
    let sources = screens::subsidy::upload_sources(state.store()?, &catalog, clock::today()).await?;
    let set = blocking(move || screens::subsidy::upload_files(sources, clock::made())).await??;
    let Some(parent) = pick_folder(&app, "申請一式を作る場所を選んでください").await? else {
        return Ok(None);
    };
    Ok(Some(blocking(move || screens::subsidy::write_upload_set(set, &parent)).await??))
}
