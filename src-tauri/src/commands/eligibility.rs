//! 資格情報 carried over from the official マイナ資格確認アプリ: pasted text read (nothing saved),
//! a record confirmed and saved with its check, the day's records, out to the レセコン (CSV, the
//! clipboard's text), and retention. What each shows is `screens::daily`'s, the rules
//! `insurance`'s, the records `store`'s.

use insurance::export::CsvEncoding;
use insurance::paste::Pasted;
use screens::daily::Retention;
use store::eligibility::{EligibilityRecord, RecordInput, SavedRecord};
use tauri::{AppHandle, State};

use super::files::{pick_save_path, write_file};
use crate::clock;
use crate::error::AppError;
use crate::state::AppState;

/// Reads pasted text: what was understood (with its line) and what was not. Saves nothing.
#[tauri::command]
#[specta::specta]
pub fn parse_insurance_paste(text: String) -> Pasted {
    insurance::paste::parse(&text)
}

/// Saves a record staff confirmed, with its check in the day's log. `demo` says the record is for a
/// デモ patient (from a デモ card): it goes to the デモ database with that patient, never to the
/// clinic's records.
#[tauri::command]
#[specta::specta]
pub async fn save_insurance_record(
    state: State<'_, AppState>,
    input: RecordInput,
    demo: bool,
) -> Result<SavedRecord, AppError> {
    let store = state.patient_store(demo)?;
    let actor = store.actor().await?;
    let knowledge = state.knowledge().await;
    Ok(store.save_eligibility_record(&input, clock::today(), &actor, clock::now(), &knowledge).await?)
}

/// Today's records, newest first.
#[tauri::command]
#[specta::specta]
pub async fn insurance_records_today(state: State<'_, AppState>) -> Result<Vec<EligibilityRecord>, AppError> {
    Ok(state.store()?.eligibility_records_on(clock::today()).await?)
}

/// Saves today's records as CSV for the レセコン where staff choose; `None` when the dialog was
/// closed. A character Shift_JIS cannot hold is refused with its row.
#[tauri::command]
#[specta::specta]
pub async fn save_insurance_csv(
    app: AppHandle,
    state: State<'_, AppState>,
    encoding: CsvEncoding,
) -> Result<Option<String>, AppError> {
    let knowledge = state.knowledge().await;
    let file = screens::daily::insurance_csv(state.store()?, &knowledge, encoding, clock::today()).await?;
    let Some(path) = pick_save_path(&app, &file.name, "csv").await? else { return Ok(None) };
    write_file(&path, &file.bytes)?;
    Ok(Some(path.display().to_string()))
}

/// One record as text for the clipboard, in the レセコン's order (`demo`: a デモ patient's).
#[tauri::command]
#[specta::specta]
pub async fn insurance_clipboard_text(state: State<'_, AppState>, id: i32, demo: bool) -> Result<String, AppError> {
    Ok(screens::daily::clipboard_text(state.patient_store(demo)?, id).await?)
}

/// The history of the person of record `id`, newest first: the patient's records when it was
/// entered for a 患者台帳 patient, else the unlinked ones of the same 氏名 and 生年月日.
#[tauri::command]
#[specta::specta]
pub async fn insurance_history(state: State<'_, AppState>, id: i32) -> Result<Vec<EligibilityRecord>, AppError> {
    Ok(screens::daily::history(state.store()?, id).await?)
}

async fn retention(store: &store::Store) -> Result<Retention, AppError> {
    Ok(screens::daily::retention(store, clock::today()).await?)
}

/// The retention period and how many records are older than it (shown before purging).
#[tauri::command]
#[specta::specta]
pub async fn insurance_retention(state: State<'_, AppState>) -> Result<Retention, AppError> {
    retention(state.store()?).await
}

/// Keeps a new retention period (1 to 20 years) and says what it would remove; removes nothing.
#[tauri::command]
#[specta::specta]
pub async fn set_insurance_retention(state: State<'_, AppState>, years: u32) -> Result<Retention, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    store.set_eligibility_retention_years(years, &actor, clock::now()).await?;
    retention(store).await
}

/// Deletes the records older than the retention period; returns how many went. `years` is the
/// period staff were shown with the count: if it has changed meanwhile (another window, another staff member), nothing is
/// removed and staff see the new count first.
#[tauri::command]
#[specta::specta]
pub async fn purge_insurance_records(state: State<'_, AppState>, years: u32) -> Result<u32, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.purge_expired_eligibility_records(years, clock::today(), &actor, clock::now()).await?)
}
