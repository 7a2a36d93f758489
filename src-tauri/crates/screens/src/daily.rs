//! 毎日の資格確認: today's checks with the 利用率, the ways a check can be made today, the day's
//! 資格情報 out to the レセコン (CSV, one record's text for the clipboard), a person's history, and
//! how long 資格情報 are kept. The rules are `insurance`'s and the guide's; the records `store`'s.

use chrono::NaiveDate;
use insurance::export::{CheckRow, CsvEncoding, PersonFields};
use serde::Serialize;
use specta::Type;
use store::Store;
use store::checks::{CheckCounts, CheckRecord};
use store::eligibility::EligibilityRecord;

use crate::Error;

/// Today's checks and the 利用率 of today and of this month.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TodayChecks {
    /// Today in 和暦 with 西暦
    pub today_text: String,
    /// This month in 和暦 with 西暦
    pub month_text: String,
    /// Today's checks, newest first
    pub records: Vec<CheckRecord>,
    /// Today's counts
    pub today: CheckCounts,
    /// This month's counts
    pub month: CheckCounts,
    /// Today's デモ checks (from デモ cards), kept apart and never counted above
    pub demo_records: Vec<CheckRecord>,
    /// The ways a check can be made today, from the dated data (a 保険証 only while its
    /// transition lasted), with what staff should know of each
    pub methods: Vec<guide::MethodAvailability>,
    /// How the clinic checks cards (step 3 of the guide): on the phone route the official app on
    /// the smartphone does the check and this PC keeps the record
    pub route: Option<guide::Route>,
}

/// Today's list and rates from the clinic's store, with `demo`'s checks apart when デモ cards
/// were read.
pub async fn today_checks(
    store: &Store,
    demo: Option<&Store>,
    knowledge: &guide::Knowledge,
    today: NaiveDate,
) -> Result<TodayChecks, Error> {
    Ok(TodayChecks {
        methods: knowledge.methods_on(today).into_iter().cloned().collect(),
        route: crate::wizard::route(store).await?,
        today_text: jptext::format_date(today),
        month_text: jptext::format_year_month(today),
        records: store.checks_on(today).await?,
        today: store.check_counts_on(today).await?,
        month: store.check_counts_in_month(today).await?,
        demo_records: match demo {
            Some(demo) => demo.checks_on(today).await?,
            None => Vec::new(),
        },
    })
}

/// A file to save where staff choose: its suggested name and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileToSave {
    /// The name offered in the save dialog
    pub name: String,
    /// What is written
    pub bytes: Vec<u8>,
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

/// Today's 資格情報 as CSV for the レセコン, oldest first, named for the day and the encoding. A
/// character Shift_JIS cannot hold is refused with its row; no record today is refused too.
pub async fn insurance_csv(
    store: &Store,
    knowledge: &guide::Knowledge,
    encoding: CsvEncoding,
    today: NaiveDate,
) -> Result<FileToSave, Error> {
    let records = store.eligibility_records_on(today).await?;
    if records.is_empty() {
        return Err(Error::NothingToExport("今日の資格情報の記録はまだありません"));
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
    let bytes = insurance::export::checks_csv(&rows, encoding)?;
    let suffix = match encoding {
        CsvEncoding::Utf8Bom => "UTF-8",
        CsvEncoding::ShiftJis => "Shift_JIS",
    };
    Ok(FileToSave { name: format!("資格情報_{}_{suffix}.csv", today.format("%Y%m%d")), bytes })
}

/// One record as text for the clipboard, in the レセコン's order.
pub async fn clipboard_text(store: &Store, id: i32) -> Result<String, Error> {
    let record = store.eligibility_record(id).await?.ok_or(Error::RecordGone)?;
    Ok(insurance::export::clipboard_text(&person(&record), &record.insurance))
}

/// The history of the person of record `id`, newest first: the patient's records when it was
/// entered for a 患者台帳 patient, else the unlinked ones of the same 氏名 and 生年月日.
pub async fn history(store: &Store, id: i32) -> Result<Vec<EligibilityRecord>, Error> {
    let record = store.eligibility_record(id).await?.ok_or(Error::RecordGone)?;
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

/// The retention period on `today` and how many records are older than it.
pub async fn retention(store: &Store, today: NaiveDate) -> Result<Retention, Error> {
    let kept = store.eligibility_retention(today).await?;
    Ok(Retention { years: kept.years, cutoff_text: jptext::format_date(kept.cutoff), count: kept.count })
}
