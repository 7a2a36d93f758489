//! 資格情報 carried over from the official マイナ資格確認アプリ: pasted text read (nothing saved),
//! a record confirmed and saved with its check, the day's records, out to the レセコン (CSV, the
//! clipboard's text), and retention. The rules are `insurance`'s, the records `store`'s.

use chrono::{Local, Utc};
use insurance::export::{CheckRow, CsvEncoding, PersonFields};
use insurance::paste::Pasted;
use serde::Serialize;
use specta::Type;
use store::eligibility::{EligibilityRecord, RecordInput, SavedRecord};
use tauri::{AppHandle, State};

use super::files::{pick_save_path, write_file};
use crate::error::{AppError, AppErrorCode};
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
    Ok(store.save_eligibility_record(&input, Local::now().date_naive(), &actor, Utc::now(), &knowledge).await?)
}

/// Today's records, newest first.
#[tauri::command]
#[specta::specta]
pub async fn insurance_records_today(state: State<'_, AppState>) -> Result<Vec<EligibilityRecord>, AppError> {
    Ok(state.store()?.eligibility_records_on(Local::now().date_naive()).await?)
}

fn person(r: &EligibilityRecord) -> PersonFields {
    PersonFields {
        name: r.name.clone(),
        kana: r.kana.clone(),
        birth_date_text: r.birth_date.map(jptext::format_date).unwrap_or_default(),
        sex: r.sex.clone(),
    }
}

fn result_label(r: store::checks::CheckResult) -> &'static str {
    use store::checks::CheckResult as R;
    match r {
        R::Ok => "確認できた",
        R::Warning => "要注意(資格なしの可能性)",
        R::Failed => "確認できなかった",
    }
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
    let today = Local::now().date_naive();
    let records = state.store()?.eligibility_records_on(today).await?;
    let knowledge = state.knowledge().await;
    if records.is_empty() {
        return Err(AppError::new(AppErrorCode::NothingToPrint, "今日の資格情報の記録はまだありません"));
    }
    let rows: Vec<CheckRow> = records
        .iter()
        .rev()
        .map(|r| CheckRow {
            checked_at_text: jptext::format_date(r.confirmed_on),
            method: knowledge.method(r.method).map_or_else(|| r.method.as_str().into(), |m| m.label.clone()),
            result: result_label(r.result).into(),
            source: r.entry.label().into(),
            person: Some(person(r)),
            insurance: Some(r.insurance.clone()),
        })
        .collect();
    let csv = insurance::export::checks_csv(&rows, encoding)?;
    let suffix = match encoding {
        CsvEncoding::Utf8Bom => "UTF-8",
        CsvEncoding::ShiftJis => "Shift_JIS",
    };
    let name = format!("資格情報_{}_{suffix}.csv", today.format("%Y%m%d"));
    let Some(path) = pick_save_path(&app, &name, "csv").await? else { return Ok(None) };
    write_file(&path, &csv)?;
    Ok(Some(path.display().to_string()))
}

fn gone() -> AppError {
    AppError::new(
        AppErrorCode::NotReady,
        "この記録は見つかりません(削除されたかもしれません)。画面を開き直してください",
    )
}

/// One record as text for the clipboard, in the レセコン's order (`demo`: a デモ patient's).
#[tauri::command]
#[specta::specta]
pub async fn insurance_clipboard_text(state: State<'_, AppState>, id: i32, demo: bool) -> Result<String, AppError> {
    let record = state.patient_store(demo)?.eligibility_record(id).await?.ok_or_else(gone)?;
    Ok(insurance::export::clipboard_text(&person(&record), &record.insurance))
}

/// The history of the person of record `id`, newest first: the patient's records when it was
/// entered for a 患者台帳 patient, else the unlinked ones of the same 氏名 and 生年月日.
#[tauri::command]
#[specta::specta]
pub async fn insurance_history(state: State<'_, AppState>, id: i32) -> Result<Vec<EligibilityRecord>, AppError> {
    let store = state.store()?;
    let record = store.eligibility_record(id).await?.ok_or_else(gone)?;
    Ok(store.eligibility_history(&record).await?)
}

/// The retention of 資格情報 records as 設定 shows it: the period kept, and what a purge would
/// remove now.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Retention {
    /// Years kept (staff's setting, 5 until they choose)
    pub years: u32,
    /// The first day kept, 和暦 with 西暦
    pub cutoff_text: String,
    /// Records confirmed before it
    pub count: u32,
}

async fn retention(store: &store::Store) -> Result<Retention, AppError> {
    let kept = store.eligibility_retention(Local::now().date_naive()).await?;
    Ok(Retention { years: kept.years, cutoff_text: jptext::format_date(kept.cutoff), count: kept.count })
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
    store.set_eligibility_retention_years(years, &actor, Utc::now()).await?;
    retention(store).await
}

/// Deletes the records older than the retention period; returns how many went. `years` is the
/// period staff were shown with the count: if it has changed since (another PC), nothing is
/// removed and staff see the new count first.
#[tauri::command]
#[specta::specta]
pub async fn purge_insurance_records(state: State<'_, AppState>, years: u32) -> Result<u32, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.purge_expired_eligibility_records(years, Local::now().date_naive(), &actor, Utc::now()).await?)
}
