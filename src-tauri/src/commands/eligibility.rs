//! 資格情報 carried over from the official マイナ資格確認アプリ: pasted text read (nothing saved),
//! a record confirmed and saved with its check, the day's records, out to the レセコン (CSV, the
//! clipboard's text), and retention. The rules are `insurance`'s, the records `store`'s.

use chrono::{Local, Months, Utc};
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

/// Saves a record staff confirmed, with its check in the day's log.
#[tauri::command]
#[specta::specta]
pub async fn save_insurance_record(state: State<'_, AppState>, input: RecordInput) -> Result<SavedRecord, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.save_eligibility_record(&input, Local::now().date_naive(), &actor, Utc::now()).await?)
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

fn method_label(m: store::checks::CheckMethod) -> &'static str {
    use store::checks::CheckMethod as M;
    match m {
        M::MyNumberCard => "マイナ保険証",
        M::EligibilityCertificate => "資格確認書",
        M::InsuranceCard => "保険証",
        M::Other => "その他",
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
    if records.is_empty() {
        return Err(AppError::new(AppErrorCode::NothingToPrint, "今日の資格情報の記録はまだありません"));
    }
    let rows: Vec<CheckRow> = records
        .iter()
        .rev()
        .map(|r| CheckRow {
            checked_at_text: jptext::format_date(r.confirmed_on),
            method: method_label(r.method).into(),
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

/// One of today's records as text for the clipboard, in the レセコン's order.
#[tauri::command]
#[specta::specta]
pub async fn insurance_clipboard_text(state: State<'_, AppState>, id: i32) -> Result<String, AppError> {
    let records = state.store()?.eligibility_records_on(Local::now().date_naive()).await?;
    let record = records
        .iter()
        .find(|r| r.id == id)
        .ok_or_else(|| AppError::new(AppErrorCode::NotReady, "この記録は見つかりません。画面を開き直してください"))?;
    Ok(insurance::export::clipboard_text(&person(record), &record.insurance))
}

/// The history of the person of record `id`: every confirmation of the same 氏名 and 生年月日,
/// newest first.
#[tauri::command]
#[specta::specta]
pub async fn insurance_history(state: State<'_, AppState>, id: i32) -> Result<Vec<EligibilityRecord>, AppError> {
    let store = state.store()?;
    let record = store
        .eligibility_record(id)
        .await?
        .ok_or_else(|| AppError::new(AppErrorCode::NotReady, "この記録は見つかりません。画面を開き直してください"))?;
    Ok(store.eligibility_history(&record.name, record.birth_date).await?)
}

/// What a purge would remove: records confirmed more than `years` years ago.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PurgePreview {
    /// The first day kept, 和暦 with 西暦
    pub cutoff_text: String,
    /// Records before it
    pub count: u32,
}

fn cutoff(years: u32) -> Result<chrono::NaiveDate, AppError> {
    if !(1..=20).contains(&years) {
        return Err(AppError::new(AppErrorCode::NotReady, "保存する年数は1〜20年で選んでください"));
    }
    Local::now()
        .date_naive()
        .checked_sub_months(Months::new(years * 12))
        .ok_or_else(|| AppError::new(AppErrorCode::Internal, "日付を計算できませんでした"))
}

/// How many records are older than `years` years (shown before purging).
#[tauri::command]
#[specta::specta]
pub async fn insurance_purge_preview(state: State<'_, AppState>, years: u32) -> Result<PurgePreview, AppError> {
    let cutoff = cutoff(years)?;
    let count = state.store()?.eligibility_records_before(cutoff).await?;
    Ok(PurgePreview { cutoff_text: jptext::format_date(cutoff), count })
}

/// Deletes the records older than `years` years; returns how many went.
#[tauri::command]
#[specta::specta]
pub async fn purge_insurance_records(state: State<'_, AppState>, years: u32) -> Result<u32, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.purge_eligibility_records(cutoff(years)?, &actor, Utc::now()).await?)
}
