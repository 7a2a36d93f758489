//! Out to the レセコン. The day's checks as CSV: UTF-8 with a BOM (Excel and most レセコン read it
//! as UTF-8) or Shift_JIS for older ones; a character Shift_JIS cannot hold stops the export with the
//! row named, never silently replaced. One patient's fields as text for the clipboard, one
//! `label<TAB>value` line each, in the order a 柔整 レセコン's 保険証 screen asks for them.

use encoding_rs::SHIFT_JIS;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::InsuranceError;
use crate::fields::Insurance;

/// The two encodings a レセコン may want.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CsvEncoding {
    /// UTF-8 with a BOM
    Utf8Bom,
    /// Shift_JIS as Windows writes it (CP932: 髙 and ① included)
    ShiftJis,
}

/// A patient as the レセコン needs them: the minimum the record keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PersonFields {
    /// 氏名
    pub name: String,
    /// フリガナ
    pub kana: String,
    /// 生年月日 as printed (和暦 with 西暦)
    pub birth_date_text: String,
    /// 性別 as printed
    pub sex: String,
}

/// One check of the day, as a CSV row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckRow {
    /// 確認日 (with the time when known) as printed
    pub checked_at_text: String,
    /// 確認方法 (マイナ保険証, 資格確認書, …)
    pub method: String,
    /// 結果
    pub result: String,
    /// Where the 資格情報 came from (公式アプリから入力, 貼り付け, …)
    pub source: String,
    /// The patient, when the check is on a record
    pub person: Option<PersonFields>,
    /// The 資格情報, when one was recorded
    pub insurance: Option<Insurance>,
}

/// The CSV's header, in the order of the columns.
pub const CSV_HEADER: [&str; 16] = [
    "確認日",
    "確認方法",
    "結果",
    "資格情報の入手",
    "氏名",
    "フリガナ",
    "生年月日",
    "性別",
    "保険者番号",
    "記号",
    "番号",
    "枝番",
    "本人・家族",
    "負担割合",
    "資格取得年月日",
    "有効終了日",
];

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

fn burden(p: Option<u8>) -> String {
    p.map(|p| format!("{}割", p / 10)).unwrap_or_default()
}

fn row(check: &CheckRow) -> Vec<String> {
    let p = check.person.clone().unwrap_or_default();
    let i = check.insurance.as_ref();
    vec![
        check.checked_at_text.clone(),
        check.method.clone(),
        check.result.clone(),
        check.source.clone(),
        p.name,
        p.kana,
        p.birth_date_text,
        p.sex,
        i.map(|i| i.insurer_number.clone()).unwrap_or_default(),
        i.map(|i| i.symbol.clone()).unwrap_or_default(),
        i.map(|i| i.number.clone()).unwrap_or_default(),
        i.and_then(|i| i.branch.clone()).unwrap_or_default(),
        i.and_then(|i| i.relation).map(|r| r.label().to_string()).unwrap_or_default(),
        burden(i.and_then(|i| i.burden_percent)),
        date(i.and_then(|i| i.acquired_on)),
        date(i.and_then(|i| i.valid_until)),
    ]
}

/// What a spreadsheet may take as the start of a formula: `= + - @`, their full-width forms (Excel
/// reads ＝ as =), and a leading TAB or CR (which some spreadsheets skip before reading the rest).
const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// `text` with a `'` put before it when a spreadsheet could run it as a formula: for every value
/// that leaves the app as CSV or clipboard text, whatever was typed or pasted.
pub fn defuse_formula(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) { format!("'{text}").into() } else { text.into() }
}

/// A field quoted when it holds a comma, a quote or a line break (RFC 4180), defused first.
fn field(text: &str) -> String {
    let safe = defuse_formula(text);
    if safe.contains([',', '"', '\n', '\r']) { format!("\"{}\"", safe.replace('"', "\"\"")) } else { safe.into_owned() }
}

/// The day's checks as CSV, lines ended with CRLF (what Windows programs expect).
pub fn checks_csv(checks: &[CheckRow], encoding: CsvEncoding) -> Result<Vec<u8>, InsuranceError> {
    let mut text = String::new();
    let mut lines: Vec<Vec<String>> = vec![CSV_HEADER.iter().map(|h| (*h).to_string()).collect()];
    lines.extend(checks.iter().map(row));
    for line in &lines {
        text.push_str(&line.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        text.push_str("\r\n");
    }
    match encoding {
        CsvEncoding::Utf8Bom => {
            let mut bytes = "\u{FEFF}".as_bytes().to_vec();
            bytes.extend_from_slice(text.as_bytes());
            Ok(bytes)
        }
        CsvEncoding::ShiftJis => {
            // Find the first field Shift_JIS cannot hold, to name it.
            for (row, line) in lines.iter().enumerate().skip(1) {
                for value in line {
                    if SHIFT_JIS.encode(value).2 {
                        return Err(InsuranceError::NotInShiftJis { row, text: value.clone() });
                    }
                }
            }
            Ok(SHIFT_JIS.encode(&text).0.into_owned())
        }
    }
}

/// One patient's fields for the clipboard, in a 柔整 レセコン's order: the 保険証 first (保険者番号,
/// 記号, 番号, 枝番, 本人・家族, 負担割合, 資格取得年月日, 有効終了日), then the person.
pub fn clipboard_text(person: &PersonFields, insurance: &Insurance) -> String {
    let lines = [
        ("保険者番号", insurance.insurer_number.clone()),
        ("記号", insurance.symbol.clone()),
        ("番号", insurance.number.clone()),
        ("枝番", insurance.branch.clone().unwrap_or_default()),
        ("本人・家族", insurance.relation.map(|r| r.label().to_string()).unwrap_or_default()),
        ("負担割合", burden(insurance.burden_percent)),
        ("資格取得年月日", insurance.acquired_on.map(jptext::format_date).unwrap_or_default()),
        ("有効終了日", insurance.valid_until.map(jptext::format_date).unwrap_or_default()),
        ("氏名", person.name.clone()),
        ("フリガナ", person.kana.clone()),
        ("生年月日", person.birth_date_text.clone()),
        ("性別", person.sex.clone()),
    ];
    lines.iter().map(|(label, value)| format!("{label}\t{}", defuse_formula(value))).collect::<Vec<_>>().join("\r\n")
}
