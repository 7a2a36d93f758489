//! Japanese conventions the clinic's staff expect everywhere in オン資ナビ: what they type is
//! normalised the same way in every form (全角 digits, hyphens that look alike), dates are shown in
//! 和暦 with the 西暦 beside them, and money as `¥41,000`.
//!
//! Kept in one crate so the wizard, the daily check and the paperwork never disagree on a format.

// Domain code has no business with raw pointers: the workspace only denies unsafe code (the
// host's Windows message box allows it once); here it stays forbidden.
#![forbid(unsafe_code)]

use chrono::{Datelike, NaiveDate};

/// Turns what staff type into plain ASCII where Japanese input methods produce look-alikes:
/// full-width ASCII (`０-９`, `Ａ-Ｚ`, `－`), the ideographic space, and the many dashes
/// (`ー`, `‐`, `－`, `―`, …) that IMEs insert in phone numbers and postal codes. Leading and
/// trailing spaces are removed; everything else (kanji, kana) is kept as typed.
pub fn normalize(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c if is_dash(c) => '-',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// True for every character a Japanese IME may produce when the user means a hyphen.
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

/// Keeps only the ASCII digits of a normalised input, so `〒１２３－４５６７` and `123 4567`
/// both become `1234567`. Returns `None` when anything other than digits, hyphens, spaces,
/// parentheses or a leading `〒` was typed: such input is a mistake to show, not to repair.
pub fn digits_only(input: &str) -> Option<String> {
    let normalized = normalize(input);
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
    let digits = amount.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if amount < 0 { format!("-¥{grouped}") } else { format!("¥{grouped}") }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn normalizes_full_width_digits_and_dashes() {
        let cases = [
            ("０３－１２３４－５６７８", "03-1234-5678"),
            ("03ー1234ー5678", "03-1234-5678"),
            ("　ＡＢＣ１２３　", "ABC123"),
            ("契２８０４４４０‐０‐０", "契2804440-0-0"),
            ("山田　太郎", "山田 太郎"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn digits_only_accepts_separators_and_refuses_letters() {
        assert_eq!(digits_only("〒１２３－４５６７").as_deref(), Some("1234567"));
        assert_eq!(digits_only("(03) 1234 5678").as_deref(), Some("0312345678"));
        assert_eq!(digits_only("123-45a7"), None);
        assert_eq!(digits_only("").as_deref(), Some(""));
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
}
