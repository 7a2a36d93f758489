//! Japanese conventions the clinic's staff expect everywhere in オン資ナビ: free text is kept as
//! typed ([`normalize_text`]), digit-shaped fields fold 全角 digits and look-alike hyphens
//! ([`normalize_digits_field`], [`digits_only`]), characters no field accepts are found in one place
//! ([`forbidden_char`]), dates are shown in 和暦 with the 西暦 beside them, and money as `¥41,000`.
//!
//! Kept in one crate so the wizard, the daily check and the paperwork never disagree on a format.

// Domain code has no business with raw pointers: the workspace only denies unsafe code (the
// host's Windows message box allows it once); here it stays forbidden.
#![forbid(unsafe_code)]

use chrono::{Datelike, NaiveDate};

/// A problem with one field of a form, shown beside that field: what every crate's refusal of
/// typed input carries, so the UI puts each message beside its field whichever crate refused.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldIssue {
    /// The input's field name (`postalCode`, …)
    pub field: String,
    /// What is wrong and what to do, in Japanese
    pub message: String,
}

impl FieldIssue {
    /// An issue for `field` (the input's camelCase field name) with a Japanese message.
    pub fn new(field: &str, message: impl Into<String>) -> FieldIssue {
        FieldIssue { field: field.to_string(), message: message.into() }
    }
}

/// Normalises free text (names, addresses, notes, and whatever the card returns): only the blanks
/// around it are removed (half-width and the ideographic space `U+3000`). Nothing inside is
/// changed: not the katakana long-vowel mark (`センター整骨院`, `ターナー`, half-width `ｰ`), not any
/// dash (`１－２－３`), not full-width letters or digits, not the ideographic space between family
/// and given names. Staff see on every form exactly what they typed; folding look-alikes belongs
/// only to digit-shaped fields ([`normalize_digits_field`]), where `ー` typed in `０３ー１２３４`
/// can only mean a hyphen.
///
/// Full-width ASCII is deliberately kept: folding it would have to leave the full-width hyphen
/// `－` alone (it is a dash), which turns `１－２－３` into the mixed `1－2－3`; and no portal reads
/// these fields, so the clinic's own spelling is what should be printed.
pub fn normalize_text(input: &str) -> String {
    input.trim_matches(|c: char| c.is_whitespace()).to_string()
}

/// Normalises a digit-shaped field (郵便番号, 電話番号, 登録記号番号, 保険者番号) where Japanese
/// input methods produce look-alikes: full-width ASCII (`０-９`, `Ａ-Ｚ`, `－`) becomes half-width,
/// the ideographic space a space, and every dash (`ー`, `ｰ`, `‐`, `－`, `―`, …) a hyphen; the blanks
/// around are removed. Never call it on names, addresses or notes: there `ー` is a letter
/// (`センター`), and [`normalize_text`] is the one to use.
pub fn normalize_digits_field(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            c if is_dash(c) => '-',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// True for every character a Japanese IME may produce when the user means a hyphen in a number.
/// Only for digit-shaped fields: in words, `ー` (U+30FC) and `ｰ` (U+FF70) are letters.
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' // hyphen
            | '\u{2011}' // non-breaking hyphen
            | '\u{2012}' // figure dash
            | '\u{2013}' // en dash
            | '\u{2014}' // em dash
            | '\u{2015}' // horizontal bar
            | '\u{2212}' // minus sign
            | '\u{30FC}' // katakana prolonged sound mark, typed for hyphens in numbers
            | '\u{FF0D}' // full-width hyphen-minus
            | '\u{FF70}' // half-width prolonged sound mark
    )
}

/// Half-width katakana U+FF66..=U+FF9D as full-width, in code point order.
const HALF_KANA: &str =
    "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

/// True when full-width katakana `letter` has a form with ﾞ (`step` 1) or ﾟ (`step` 2) right after
/// it in Unicode: カ〜チ (even from カ), ツ・テ・ト, and ハ〜ホ (each with both).
fn takes_mark(letter: char, step: u32) -> bool {
    match letter {
        'カ'..='チ' => step == 1 && (letter as u32 - 'カ' as u32).is_multiple_of(2),
        'ツ' | 'テ' | 'ト' => step == 1,
        'ハ'..='ホ' => (letter as u32 - 'ハ' as u32).is_multiple_of(3),
        _ => false,
    }
}

/// The key a look-up compares, never shown nor stored: blanks of either width dropped, full-width
/// ASCII folded, hiragana and half-width katakana as full-width katakana (a voiced mark joined to
/// its letter), Latin letters in upper case. So 「やまだ」, 「ﾔﾏﾀﾞ」 and 「ヤマダ」 find the same
/// patient, as staff expect of a search box whatever mode their input method is in.
pub fn search_key(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        let c = match c {
            c if c.is_whitespace() => continue,
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3041}'..='\u{3096}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            '\u{FF66}'..='\u{FF9D}' => HALF_KANA.chars().nth((c as u32 - 0xFF66) as usize).unwrap_or(c),
            '\u{FF9E}' | '\u{FF9F}' => {
                // ﾞ (+1) and ﾟ (+2) join the letter before them when it takes them.
                let step = if c == '\u{FF9E}' { 1 } else { 2 };
                match out.pop() {
                    Some('ウ') if step == 1 => 'ヴ',
                    Some(prev) if takes_mark(prev, step) => char::from_u32(prev as u32 + step).unwrap_or(prev),
                    Some(prev) => {
                        out.push(prev);
                        c
                    }
                    None => c,
                }
            }
            c => c,
        };
        out.extend(c.to_uppercase());
    }
    out
}

/// Keeps only the ASCII digits of a digit-shaped field, so `〒１２３ー４５６７` and `123 4567`
/// both become `1234567`. Returns `None` when anything other than digits, hyphens (or their
/// look-alikes), spaces, parentheses or a leading `〒` was typed: such input is a mistake to show,
/// not to repair.
pub fn digits_only(input: &str) -> Option<String> {
    let normalized = normalize_digits_field(input);
    let body = normalized.strip_prefix('〒').unwrap_or(&normalized);
    let mut out = String::with_capacity(body.len());
    for c in body.chars() {
        match c {
            '0'..='9' => out.push(c),
            '-' | ' ' | '(' | ')' | '（' | '）' => {}
            _ => return None,
        }
    }
    Some(out)
}

/// A character no text field accepts, found by [`forbidden_char`]. Each kind has its own message,
/// so staff learn what to remove (a pasted line break is not the same mistake as an invisible
/// direction mark).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForbiddenChar {
    /// A line break, tab or other control character (Unicode category Cc): a one-line field
    /// would print it as a broken line or a box.
    Control(char),
    /// A bidirectional formatting character (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
    /// U+061C). Invisible, it reverses or reorders the text after it on screen and on printed
    /// forms: a name ending in U+202E shows the next field backwards.
    Bidi(char),
    /// An invisible format character (U+200B–U+200D, U+2060–U+2064, U+FEFF): it shows as
    /// nothing and splits what it sits in, so a number could hide inside a note.
    Invisible(char),
}

impl ForbiddenChar {
    /// The Japanese message shown beside the field whose label is `label` (e.g. `施術所名`).
    pub fn message(self, label: &str) -> String {
        match self {
            ForbiddenChar::Control(_) => format!("{label}に使えない文字(改行などの制御文字)が含まれています"),
            ForbiddenChar::Bidi(_) => {
                format!("{label}に表示の向きを変える制御文字が含まれています。表示の向きを変える制御文字は使えません")
            }
            ForbiddenChar::Invisible(_) => {
                format!("{label}に見えない文字(ゼロ幅スペースなど)が含まれています。消してから入力してください")
            }
        }
    }
}

/// True for the invisible format characters that are not bidi controls: zero-width space,
/// joiners, the word joiner and invisible operators, the byte-order mark.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// True for the invisible characters that change the direction text is shown in.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The first character of `text` that no text field of the app accepts, if any. Every form (the
/// clinic profile, the staff name, patients, check notes) calls this one function, so a character
/// refused in one field cannot slip in through another.
pub fn forbidden_char(text: &str) -> Option<ForbiddenChar> {
    text.chars().find_map(|c| {
        if is_bidi_control(c) {
            Some(ForbiddenChar::Bidi(c))
        } else if is_invisible_format(c) {
            Some(ForbiddenChar::Invisible(c))
        } else if c.is_control() {
            Some(ForbiddenChar::Control(c))
        } else {
            None
        }
    })
}

/// What may stand between the groups of a number as people type it: blanks, every dash and
/// hyphen look-alike (ー ｰ ‐ ‑ ‒ – — ― − －), dots, slashes, middle dots, underscores, commas, and
/// the invisible format characters.
fn is_digit_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{3000}' | '-' | '\u{2010}'
            ..='\u{2015}'
                | '\u{2212}'
                | 'ー'
                | 'ｰ'
                | '－'
                | '.'
                | '．'
                | '/'
                | '／'
                | '・'
                | '･'
                | '_'
                | '＿'
                | ','
                | '，'
    ) || is_invisible_format(c)
}

/// The most separators allowed between two groups of one number (`1234 - 5678`).
const MAX_SEPARATORS: usize = 3;

/// Whether `text` holds what could be a 個人番号 (マイナンバー), which the app never keeps: twelve
/// digits written as one number. The one guard every free-text field goes through.
///
/// Digits are counted whatever their width; groups of digits joined by up to three separators
/// ([`is_digit_separator`]: `1234ー5678ー9012`, `1234.5678.9012`, digits split by U+200B) are one
/// number. It is a 個人番号 look-alike when one group has 12 digits or more (`No.123456789012`, a
/// 13-digit 法人番号 too: it holds twelve in a row), or when consecutive whole groups add up to
/// exactly 12 (`1234 5678 9012`, `123456 789012`). A phone number (10–11 digits) or a 郵便番号 with
/// an address stays below; two phone numbers in a row never add up to exactly twelve by whole
/// groups. The check digit is not used: a twelve-digit number has no place in any free-text
/// field of the app, and a mistyped 個人番号 must be refused too.
pub fn looks_like_my_number(text: &str) -> bool {
    let mut groups: Vec<usize> = Vec::new();
    let mut digits = 0;
    let mut separators = 0;
    let flagged = |groups: &[usize]| {
        groups.iter().any(|g| *g >= 12)
            || (0..groups.len()).any(|i| {
                let mut sum = 0;
                groups[i..].iter().any(|g| {
                    sum += g;
                    sum == 12
                })
            })
    };
    for c in text.chars() {
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            digits += 1;
            separators = 0;
        } else if is_digit_separator(c) && (digits > 0 || !groups.is_empty()) && separators < MAX_SEPARATORS {
            if digits > 0 {
                groups.push(digits);
                digits = 0;
            }
            separators += 1;
        } else {
            if digits > 0 {
                groups.push(digits);
                digits = 0;
            }
            if flagged(&groups) {
                return true;
            }
            groups.clear();
            separators = 0;
        }
    }
    if digits > 0 {
        groups.push(digits);
    }
    flagged(&groups)
}

/// What a failed read or write of a file means for staff, in Japanese. The system's own words
/// are English on most PCs: they go to the log, and the message says what to check.
pub fn io_reason(kind: std::io::ErrorKind) -> &'static str {
    use std::io::ErrorKind as K;
    match kind {
        K::NotFound => "フォルダが見つかりません。USBメモリなどが外れていないか確かめてください",
        K::PermissionDenied => {
            "この場所に書き込む権限がないか、ほかのアプリがファイルを開いています。別の場所を選ぶか、そのアプリを閉じてください"
        }
        K::StorageFull | K::QuotaExceeded | K::FileTooLarge => "保存先の空き容量が足りません",
        K::ReadOnlyFilesystem => "読み取り専用の場所です。別の場所を選んでください",
        K::IsADirectory => "同じ名前のフォルダがあります。別の名前にしてください",
        K::InvalidFilename => "ファイル名に使えない文字があります",
        K::NotADirectory => "保存先がフォルダではありません",
        K::InvalidData => "ファイルの中身を読めません",
        _ => "パソコンがファイルの読み書きを断りました。別の場所を選んで、もう一度お試しください",
    }
}

/// The message beside a field that holds a 12-digit number ([`looks_like_my_number`]).
pub fn my_number_message(label: &str) -> String {
    format!("{label}に12桁の番号は書けません。個人番号(マイナンバー)は記録しません")
}

/// Formats a 7-digit postal code the way it is printed on forms: `123-4567`.
pub fn format_postal_code(digits: &str) -> String {
    if digits.len() == 7 && digits.chars().all(|c| c.is_ascii_digit()) {
        format!("{}-{}", &digits[..3], &digits[3..])
    } else {
        digits.to_string()
    }
}

/// Formats yen the way receipts and the subsidy forms do: `¥41,000`, `-¥500`.
pub fn format_yen(amount: i64) -> String {
    let grouped = format_count(amount.unsigned_abs());
    if amount < 0 { format!("-¥{grouped}") } else { format!("¥{grouped}") }
}

/// A count with thousands separators, as every figure staff read: `10,000,001`.
pub fn format_count(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

/// A Japanese era with the first day it was in force.
struct Era {
    name: &'static str,
    start: (i32, u32, u32),
}

/// Eras from the Gregorian calendar's adoption on; newest first.
const ERAS: [Era; 5] = [
    Era { name: "令和", start: (2019, 5, 1) },
    Era { name: "平成", start: (1989, 1, 8) },
    Era { name: "昭和", start: (1926, 12, 25) },
    Era { name: "大正", start: (1912, 7, 30) },
    Era { name: "明治", start: (1873, 1, 1) },
];

/// The era and the year within it (`("令和", 7)`) for a date; `None` before 明治6年, when Japan
/// adopted the Gregorian calendar.
pub fn era_year(date: NaiveDate) -> Option<(&'static str, i32)> {
    ERAS.iter().find_map(|era| {
        let (y, m, d) = era.start;
        let start = NaiveDate::from_ymd_opt(y, m, d)?;
        (date >= start).then(|| {
            let first_year = if era.name == "明治" { 1868 } else { y };
            (era.name, date.year() - first_year + 1)
        })
    })
}

fn era_year_text(date: NaiveDate) -> Option<String> {
    era_year(date).map(|(era, year)| if year == 1 { format!("{era}元年") } else { format!("{era}{year}年") })
}

/// `令和7年5月1日 (2025-05-01)`: the 和暦 staff read first, with the 西暦 the portal and the
/// official app use beside it so the two can never be confused.
pub fn format_date(date: NaiveDate) -> String {
    match era_year_text(date) {
        Some(year) => format!("{year}{}月{}日 ({})", date.month(), date.day(), date.format("%Y-%m-%d")),
        None => date.format("%Y-%m-%d").to_string(),
    }
}

/// `令和7年5月 (2025-05)`, for periods and deadlines given by month.
pub fn format_year_month(date: NaiveDate) -> String {
    match era_year_text(date) {
        Some(year) => format!("{year}{}月 ({})", date.month(), date.format("%Y-%m")),
        None => date.format("%Y-%m").to_string(),
    }
}

/// Why a typed amount or count was refused; each has its own Japanese message for the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberIssue {
    /// Nothing was typed.
    Empty,
    /// Something other than digits (and `,` `¥` `円`) was typed: `4,98O`, `五千`.
    NotANumber,
    /// A minus sign: amounts and counts here are never negative.
    Negative,
    /// Zero where at least one is needed (a quantity).
    Zero,
    /// More than the field can hold.
    TooLarge,
}

impl NumberIssue {
    /// The message shown beside the field labelled `label` (`単価`, `数量`).
    pub fn message(self, label: &str) -> String {
        match self {
            NumberIssue::Empty => format!("{label}を入力してください"),
            NumberIssue::NotANumber => format!("{label}は数字で入力してください(例: 4980)"),
            NumberIssue::Negative => format!("{label}にマイナスは入力できません"),
            NumberIssue::Zero => format!("{label}は1以上を入力してください"),
            NumberIssue::TooLarge => format!("{label}が大きすぎます。入力を確かめてください"),
        }
    }
}

/// Reads an amount of yen as staff type it: `4980`, `4,980`, `¥4,980`, `４，９８０円` (全角
/// accepted). Only for amount fields: the commas and `¥` `円` are dropped, nothing else is
/// guessed. At most `max`.
pub fn parse_yen(input: &str, max: i64) -> Result<i64, NumberIssue> {
    let folded = normalize_digits_field(input).replace('\u{FFE5}', "¥");
    let body = folded.trim_start_matches(['¥', '\\']).trim_end_matches('円').trim();
    parse_digits(&body.replace(',', ""), max)
}

/// Reads a count (数量) as typed, 全角 accepted: at least 1 and at most `max`.
pub fn parse_count(input: &str, max: i64) -> Result<i64, NumberIssue> {
    let folded = normalize_digits_field(input);
    let n = parse_digits(folded.trim_end_matches(['個', '台', '点']).trim(), max)?;
    if n == 0 { Err(NumberIssue::Zero) } else { Ok(n) }
}

fn parse_digits(body: &str, max: i64) -> Result<i64, NumberIssue> {
    if body.is_empty() {
        return Err(NumberIssue::Empty);
    }
    if let Some(rest) = body.strip_prefix('-') {
        return if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
            Err(NumberIssue::Negative)
        } else {
            Err(NumberIssue::NotANumber)
        };
    }
    if !body.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NumberIssue::NotANumber);
    }
    match body.parse::<i64>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(NumberIssue::TooLarge),
    }
}

/// Reads a date as staff or the date field send it: `2025-11-01`, `2025/11/1`, `20251101`, 全角 digits, or
/// 和暦 `令和7年11月1日` / `R7.11.1` (元年 too). `None` for anything else or a day that does not
/// exist; an era year past its era's end is refused rather than rolled over.
pub fn parse_date(input: &str) -> Option<NaiveDate> {
    let folded = normalize_digits_field(input).replace(['/', '.'], "-");
    // Eight digits in a row are 西暦 year, month and day (20261129), as the date field reads them.
    let folded = match folded.as_bytes() {
        b if b.len() == 8 && b.iter().all(u8::is_ascii_digit) => {
            format!("{}-{}-{}", &folded[..4], &folded[4..6], &folded[6..])
        }
        _ => folded,
    };
    let text = folded.trim_end_matches('日').replace(['年', '月'], "-");
    let (era, rest) = match ERAS.iter().find(|e| text.starts_with(e.name)) {
        Some(e) => (Some(e), &text[e.name.len()..]),
        None => match text.chars().next() {
            Some(c @ ('R' | 'H' | 'S' | 'T' | 'M' | 'r' | 'h' | 's' | 't' | 'm')) => {
                let name = match c.to_ascii_uppercase() {
                    'R' => "令和",
                    'H' => "平成",
                    'S' => "昭和",
                    'T' => "大正",
                    _ => "明治",
                };
                (ERAS.iter().find(|e| e.name == name), &text[1..])
            }
            _ => (None, text.as_str()),
        },
    };
    let rest = rest.replacen("元", "1", 1);
    let parts: Vec<&str> = rest.split('-').map(str::trim).collect();
    let [y, m, d] = parts.as_slice() else { return None };
    let number =
        |s: &str| (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten();
    let (y, m, d) = (number(y)?, number(m)?, number(d)?);
    match era {
        None => NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d).filter(|_| y >= 1000),
        Some(era) => {
            let first_year = if era.name == "明治" { 1868 } else { era.start.0 };
            let date = NaiveDate::from_ymd_opt(first_year + i32::try_from(y).ok()? - 1, m, d)?;
            (era_year(date)?.0 == era.name && y >= 1).then_some(date)
        }
    }
}

#[cfg(test)]
mod search_key_tests {
    use super::search_key;

    #[test]
    fn hiragana_half_width_and_full_width_kana_meet() {
        for typed in ["やまだ はなこ", "ﾔﾏﾀﾞ ﾊﾅｺ", "ヤマダ　ハナコ", "ヤマダハナコ"] {
            assert_eq!(search_key(typed), "ヤマダハナコ", "{typed}");
        }
        assert_eq!(search_key("ﾊﾟﾋﾞﾌﾟﾍﾞﾎﾟ ｳﾞ ｶﾞｷﾞｸﾞｹﾞｺﾞ ﾂﾞﾃﾞﾄﾞ"), "パビプベポヴガギグゲゴヅデド");
        // A mark that joins nothing stays as it was typed.
        assert_eq!(search_key("ｱﾞ"), "ア\u{FF9E}");
        assert_eq!(search_key("ﾞ"), "\u{FF9E}");
        assert_eq!(search_key("Ｓａｋｕｒａ １２"), "SAKURA12");
        // The long-vowel mark is a letter, kept.
        assert_eq!(search_key("センター"), "センター");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn free_text_keeps_long_vowels_dashes_and_width() {
        let cases = [
            ("センター整骨院", "センター整骨院"),
            ("ヤマダ　タロー", "ヤマダ　タロー"),
            ("ｾﾝﾀｰ整骨院", "ｾﾝﾀｰ整骨院"),
            ("ターナー", "ターナー"),
            ("　スーパー整骨院 ", "スーパー整骨院"),
            ("兵庫県神戸市中央区加納町１－２－３", "兵庫県神戸市中央区加納町１－２－３"),
            ("コーポ—101号室", "コーポ—101号室"),
            ("ＡＢＣビル", "ＡＢＣビル"),
            ("\u{3000}\u{3000}", ""),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_text(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn digit_fields_fold_width_and_dashes() {
        let cases = [
            ("０３－１２３４－５６７８", "03-1234-5678"),
            ("03ー1234ー5678", "03-1234-5678"),
            ("０３ｰ１２３４ｰ５６７８", "03-1234-5678"),
            ("　ＡＢＣ１２３　", "ABC123"),
            ("契２８０４４４０‐０‐０", "契2804440-0-0"),
            ("〒１２３ー４５６７", "〒123-4567"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_digits_field(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn digits_only_accepts_separators_and_refuses_letters() {
        let cases = [
            ("〒１２３ー４５６７", Some("1234567")),
            ("〒１２３－４５６７", Some("1234567")),
            ("０３ー１２３４ー５６７８", Some("0312345678")),
            ("(03) 1234 5678", Some("0312345678")),
            ("０６１３００１２", Some("06130012")),
            ("123-45a7", None),
            ("センター", None),
            ("", Some("")),
        ];
        for (input, expected) in cases {
            assert_eq!(digits_only(input).as_deref(), expected, "input {input:?}");
        }
    }

    #[test]
    fn finds_control_and_direction_characters() {
        let cases = [
            ("さくら整骨院", None),
            ("センター整骨院　本院", None),
            ("一丁目\n二番", Some(ForbiddenChar::Control('\n'))),
            ("タブ\t", Some(ForbiddenChar::Control('\t'))),
            ("山田\u{202E}", Some(ForbiddenChar::Bidi('\u{202E}'))),
            ("\u{202A}a", Some(ForbiddenChar::Bidi('\u{202A}'))),
            ("a\u{2066}b\u{2069}", Some(ForbiddenChar::Bidi('\u{2066}'))),
            ("a\u{2069}", Some(ForbiddenChar::Bidi('\u{2069}'))),
            ("a\u{200E}", Some(ForbiddenChar::Bidi('\u{200E}'))),
            ("a\u{200F}", Some(ForbiddenChar::Bidi('\u{200F}'))),
            ("a\u{061C}", Some(ForbiddenChar::Bidi('\u{061C}'))),
        ];
        for (input, expected) in cases {
            assert_eq!(forbidden_char(input), expected, "input {input:?}");
        }
        assert!(ForbiddenChar::Bidi('\u{202E}').message("施術所名").contains("表示の向きを変える制御文字は使えません"));
        assert!(ForbiddenChar::Control('\n').message("住所").starts_with("住所に"));
    }

    #[test]
    fn formats_postal_codes() {
        assert_eq!(format_postal_code("1234567"), "123-4567");
        assert_eq!(format_postal_code("12345"), "12345");
    }

    #[test]
    fn formats_yen_with_grouping() {
        let cases = [
            (0, "¥0"),
            (999, "¥999"),
            (1_000, "¥1,000"),
            (41_000, "¥41,000"),
            (1_234_567, "¥1,234,567"),
            (-500, "-¥500"),
            (i64::MIN, "-¥9,223,372,036,854,775,808"),
        ];
        for (amount, expected) in cases {
            assert_eq!(format_yen(amount), expected);
        }
    }

    #[test]
    fn formats_dates_in_wareki_with_seireki() {
        assert_eq!(format_date(d(2025, 5, 22)), "令和7年5月22日 (2025-05-22)");
        assert_eq!(format_date(d(2026, 1, 15)), "令和8年1月15日 (2026-01-15)");
        assert_eq!(format_date(d(2019, 5, 1)), "令和元年5月1日 (2019-05-01)");
        assert_eq!(format_date(d(2019, 4, 30)), "平成31年4月30日 (2019-04-30)");
        assert_eq!(format_date(d(1989, 1, 7)), "昭和64年1月7日 (1989-01-07)");
        assert_eq!(format_date(d(1989, 1, 8)), "平成元年1月8日 (1989-01-08)");
        assert_eq!(format_date(d(1926, 12, 24)), "大正15年12月24日 (1926-12-24)");
        assert_eq!(format_date(d(1900, 1, 1)), "明治33年1月1日 (1900-01-01)");
        assert_eq!(format_date(d(1800, 1, 1)), "1800-01-01");
        assert_eq!(format_year_month(d(2025, 5, 1)), "令和7年5月 (2025-05)");
    }

    #[test]
    fn amounts_and_counts_read_as_typed() {
        let max = 100_000_000;
        let ok = [
            ("4980", 4980),
            ("4,980", 4980),
            ("¥4,980", 4980),
            ("４，９８０円", 4980),
            ("￥１２００", 1200),
            (" 0 ", 0),
        ];
        for (input, n) in ok {
            assert_eq!(parse_yen(input, max), Ok(n), "{input}");
        }
        let bad = [
            ("", NumberIssue::Empty),
            ("五千", NumberIssue::NotANumber),
            ("4,98O", NumberIssue::NotANumber),
            ("-500", NumberIssue::Negative),
            ("－５００", NumberIssue::Negative),
            ("1.5", NumberIssue::NotANumber),
            ("999999999999", NumberIssue::TooLarge),
        ];
        for (input, issue) in bad {
            assert_eq!(parse_yen(input, max), Err(issue), "{input}");
        }
        assert_eq!(parse_count("２", 999), Ok(2));
        assert_eq!(parse_count("3台", 999), Ok(3));
        assert_eq!(parse_count("0", 999), Err(NumberIssue::Zero));
        assert_eq!(parse_count("-1", 999), Err(NumberIssue::Negative));
        assert_eq!(parse_count("1000", 999), Err(NumberIssue::TooLarge));
        assert!(NumberIssue::Zero.message("数量").contains("1以上"));
    }

    /// The one table both readers of a typed date are held to (the UI's live feedback reads it too).
    #[test]
    fn dates_read_as_the_shared_table_says() {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../../../ui/src/lib/testing/shared/dates.json")).expect("json");
        let mut wrong = Vec::new();
        for case in table["valid"].as_array().expect("valid") {
            let (text, iso) = (case[0].as_str().expect("text"), case[1].as_str().expect("iso"));
            let read = parse_date(text).map(|d| d.format("%Y-%m-%d").to_string());
            if read.as_deref() != Some(iso) {
                wrong.push(format!("{text:?} read as {read:?}, not {iso}"));
            }
        }
        for case in table["invalid"].as_array().expect("invalid") {
            let text = case.as_str().expect("text");
            if let Some(d) = parse_date(text) {
                wrong.push(format!("{text:?} read as {d}, should be refused"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn dates_read_in_western_and_japanese_forms() {
        let ok = [
            ("2025-11-01", d(2025, 11, 1)),
            ("2025/11/1", d(2025, 11, 1)),
            ("２０２５－１１－０１", d(2025, 11, 1)),
            ("令和7年11月1日", d(2025, 11, 1)),
            ("R7.11.1", d(2025, 11, 1)),
            ("令和元年5月1日", d(2019, 5, 1)),
            ("平成31年4月30日", d(2019, 4, 30)),
        ];
        for (input, date) in ok {
            assert_eq!(parse_date(input), Some(date), "{input}");
        }
        for bad in
            ["", "2025-02-30", "令和7年13月1日", "平成32年1月1日", "令和元年4月30日", "昨日", "25-1-1", "2025-11"]
        {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}

#[cfg(test)]
mod my_number_tests {
    use super::{ForbiddenChar, forbidden_char, looks_like_my_number};

    /// Every bypass the review found, and look-alikes that must pass.
    #[test]
    fn one_guard_catches_every_spelling_of_twelve_digits() {
        let caught = [
            "123456789012",
            "１２３４５６７８９０１２",
            "1234 5678 9012",
            "1234-5678-9012",
            "1234ー5678ー9012",
            "1234‐5678‐9012",
            "1234−5678−9012",
            "1234－5678－9012",
            "No.123456789012",
            "1234.5678.9012",
            "1234/5678/9012",
            "1234・5678・9012",
            "1234_5678_9012",
            "1234\u{200B}5678\u{200B}9012",
            "1234\u{2060}5678\u{2060}9012",
            "番号は 1234 - 5678 - 9012 です",
            "123456 789012",
            "1234567890123",
        ];
        for text in caught {
            assert!(looks_like_my_number(text), "{text:?} must be caught");
        }
        let passed = [
            "03-1234-5678",
            "090-1234-5678",
            "03-1234-5678 090-1234-5678",
            "〒100-0001 東京都千代田区千代田1-1",
            "東京都千代田区霞が関1-2-2",
            "保険者番号 06130012 記号 愛知12 番号 3456",
            "契2804440-0-0",
            "2026-12-06 10:30 来院",
            "12345678901",
            "",
        ];
        for text in passed {
            assert!(!looks_like_my_number(text), "{text:?} must pass");
        }
    }

    #[test]
    fn invisible_format_characters_are_refused_as_control_characters_are() {
        for c in ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{2063}', '\u{FEFF}'] {
            assert_eq!(
                forbidden_char(&format!("見本{c}花子")),
                Some(ForbiddenChar::Invisible(c)),
                "U+{:04X}",
                c as u32
            );
        }
        assert_eq!(forbidden_char("見本 花子"), None);
    }

    #[test]
    fn every_io_reason_is_japanese() {
        use std::io::ErrorKind as K;
        for kind in [K::NotFound, K::PermissionDenied, K::StorageFull, K::ReadOnlyFilesystem, K::Other, K::InvalidData]
        {
            let text = super::io_reason(kind);
            assert!(!text.chars().any(|c| c.is_ascii_alphabetic()) || text.contains("USB"), "{text}");
        }
    }
}
