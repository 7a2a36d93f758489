//! The 資格情報 form, as the official app names its fields: 保険者番号, 記号, 番号, 枝番,
//! 本人・家族の別, 負担割合, 資格取得年月日, 有効終了日. Each is checked on its own and every problem
//! is said beside its field; 全角 digits and letters and 和暦 dates are accepted. An 有効終了日 in
//! the past is a warning (資格なし), not a refusal: staff record what the app showed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::Problem;
use crate::check_digit;

/// The form as typed (or as [`crate::paste`] filled it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct InsuranceInput {
    /// 保険者番号
    pub insurer_number: String,
    /// 記号
    pub symbol: String,
    /// 番号
    pub number: String,
    /// 枝番
    pub branch: String,
    /// 本人・家族の別
    pub relation: String,
    /// 負担割合
    pub burden: String,
    /// 資格取得年月日
    pub acquired_on: String,
    /// 有効終了日
    pub valid_until: String,
}

/// 本人 (the insured person) or 家族 (a dependant).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// 本人 (被保険者)
    Insured,
    /// 家族 (被扶養者)
    Family,
}

// Stored in the 資格情報 rows.
textenum::text_enum!(impl Relation { Insured => "insured", Family => "family" });

impl Relation {
    /// As the official app and the レセコン say it.
    pub fn label(self) -> &'static str {
        match self {
            Relation::Insured => "本人",
            Relation::Family => "家族",
        }
    }
}

/// The form checked: what is stored and exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Insurance {
    /// 6 or 8 digits, its 検証番号 right
    pub insurer_number: String,
    /// 記号 (may hold kanji), full-width ASCII folded; empty when the card has none
    pub symbol: String,
    /// 番号, full-width ASCII folded
    pub number: String,
    /// 枝番, two digits; `None` when the card has none
    pub branch: Option<String>,
    /// 本人 or 家族
    pub relation: Option<Relation>,
    /// 負担割合 in percent (10, 20 or 30)
    pub burden_percent: Option<u8>,
    /// 資格取得年月日
    pub acquired_on: Option<NaiveDate>,
    /// 有効終了日
    pub valid_until: Option<NaiveDate>,
}

/// The longest 記号 or 番号 a card carries, with room to spare.
const MAX_ID: usize = 20;

/// Full-width ASCII (`０-９`, `Ａ-Ｚ`, `－`) to half-width and the ideographic space to a space;
/// everything else (kanji in a 記号) kept. Not [`jptext::normalize_digits_field`]: `ー` here may be
/// a letter of the 記号, never folded into a hyphen.
fn fold_ascii(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

fn insurer_number(raw: &str, problems: &mut Vec<Problem>) -> String {
    const FIELD: &str = "insurerNumber";
    let folded: String = fold_ascii(raw).chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    if folded.is_empty() {
        problems.push(Problem::error(FIELD, "保険者番号を入力してください"));
    } else if !folded.bytes().all(|b| b.is_ascii_digit()) {
        problems.push(Problem::error(FIELD, "保険者番号は数字だけで入力してください"));
    } else if folded.len() != 8 && folded.len() != 6 {
        problems.push(Problem::error(
            FIELD,
            format!("保険者番号は8桁(国民健康保険は6桁)です。入力は{}桁です", folded.len()),
        ));
    } else if !check_digit::is_valid(&folded) {
        problems.push(Problem::error(
            FIELD,
            "保険者番号の最後の1桁(検証番号)が合いません。打ち間違いがないか、もう一度確かめてください",
        ));
    }
    folded
}

fn identifier(raw: &str, field: &str, label: &str, required: bool, problems: &mut Vec<Problem>) -> String {
    let folded = fold_ascii(raw);
    if folded.is_empty() {
        if required {
            problems.push(Problem::error(field, format!("{label}を入力してください")));
        }
    } else if folded.chars().count() > MAX_ID {
        problems.push(Problem::error(field, format!("{label}は{MAX_ID}文字以内です")));
    } else if let Some(problem) = jptext::forbidden_char(&folded) {
        problems.push(Problem::error(field, problem.message(label)));
    } else if folded.chars().any(|c| matches!(c, ',' | '"' | '\'' | ';')) {
        problems.push(Problem::error(field, format!("{label}に使えない記号が入っています")));
    } else if jptext::looks_like_my_number(raw) {
        problems.push(Problem::error(
            field,
            format!("{label}に12桁の番号は入力できません。個人番号(マイナンバー)は記録しません。保険証の{label}を確かめてください"),
        ));
    }
    folded
}

fn branch(raw: &str, problems: &mut Vec<Problem>) -> Option<String> {
    let folded = fold_ascii(raw);
    if folded.is_empty() {
        return None;
    }
    match folded.len() {
        1 | 2 if folded.bytes().all(|b| b.is_ascii_digit()) => Some(format!("{folded:0>2}")),
        _ => {
            problems.push(Problem::error("branch", "枝番は2桁の数字です(例: 01)"));
            None
        }
    }
}

fn relation(raw: &str, problems: &mut Vec<Problem>) -> Option<Relation> {
    match fold_ascii(raw).as_str() {
        "" => None,
        "本人" | "被保険者" => Some(Relation::Insured),
        "家族" | "被扶養者" => Some(Relation::Family),
        _ => {
            problems.push(Problem::error("relation", "本人・家族の別は「本人」か「家族」です"));
            None
        }
    }
}

fn burden(raw: &str, problems: &mut Vec<Problem>) -> Option<u8> {
    let folded = fold_ascii(raw).replace(' ', "");
    if folded.is_empty() {
        return None;
    }
    let percent = if let Some(n) = folded.strip_suffix('割') {
        n.parse::<u8>().ok().map(|n| n.saturating_mul(10))
    } else if let Some(n) = folded.strip_suffix('%') {
        n.parse::<u8>().ok()
    } else {
        folded.parse::<u8>().ok().map(|n| if n <= 3 { n * 10 } else { n })
    };
    match percent {
        Some(p @ (10 | 20 | 30)) => Some(p),
        _ => {
            problems.push(Problem::error("burden", "負担割合は1割・2割・3割のどれかです"));
            None
        }
    }
}

fn date(raw: &str, field: &str, label: &str, problems: &mut Vec<Problem>) -> Option<NaiveDate> {
    if raw.trim().is_empty() {
        return None;
    }
    let parsed = jptext::parse_date(raw);
    if parsed.is_none() {
        problems.push(Problem::error(
            field,
            format!("{label}が読み取れません。令和7年4月1日 や 2025-04-01 のように入力してください"),
        ));
    }
    parsed
}

/// Checks the form against `today`. `Ok` holds the fields and the warnings (an expired card);
/// `Err` every problem (warnings included, so the form shows them all at once).
pub fn validate(input: &InsuranceInput, today: NaiveDate) -> Result<(Insurance, Vec<Problem>), Vec<Problem>> {
    let mut problems = Vec::new();
    let insurance = Insurance {
        insurer_number: insurer_number(&input.insurer_number, &mut problems),
        symbol: identifier(&input.symbol, "symbol", "記号", false, &mut problems),
        number: identifier(&input.number, "number", "番号", true, &mut problems),
        branch: branch(&input.branch, &mut problems),
        relation: relation(&input.relation, &mut problems),
        burden_percent: burden(&input.burden, &mut problems),
        acquired_on: date(&input.acquired_on, "acquiredOn", "資格取得年月日", &mut problems),
        valid_until: date(&input.valid_until, "validUntil", "有効終了日", &mut problems),
    };
    if let Some(acquired) = insurance.acquired_on
        && acquired > today
    {
        problems.push(Problem::error("acquiredOn", "資格取得年月日が今日より後になっています"));
    }
    if let (Some(acquired), Some(until)) = (insurance.acquired_on, insurance.valid_until)
        && until < acquired
    {
        problems.push(Problem::error("validUntil", "有効終了日が資格取得年月日より前になっています"));
    }
    if let Some(until) = insurance.valid_until
        && until < today
    {
        problems.push(Problem::warning(
            "validUntil",
            format!("有効終了日({})を過ぎています。資格なしの可能性があります", jptext::format_date(until)),
        ));
    }
    if problems.iter().any(|p| !p.warning) {
        return Err(problems);
    }
    Ok((insurance, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
    }

    fn good() -> InsuranceInput {
        InsuranceInput {
            insurer_number: "３３１２００１５".into(),
            symbol: "愛知１２".into(),
            number: "３４５６".into(),
            branch: "1".into(),
            relation: "本人".into(),
            burden: "３割".into(),
            acquired_on: "令和3年4月1日".into(),
            valid_until: "".into(),
        }
    }

    fn fields(problems: &[Problem]) -> Vec<(&str, bool)> {
        problems.iter().map(|p| (p.field.as_str(), p.warning)).collect()
    }

    #[test]
    fn full_width_and_wareki_are_read_and_normalised() {
        let (i, warnings) = validate(&good(), today()).expect("valid");
        assert!(warnings.is_empty());
        assert_eq!(i.insurer_number, "33120015");
        assert_eq!((i.symbol.as_str(), i.number.as_str(), i.branch.as_deref()), ("愛知12", "3456", Some("01")));
        assert_eq!((i.relation, i.burden_percent), (Some(Relation::Insured), Some(30)));
        assert_eq!(i.acquired_on, NaiveDate::from_ymd_opt(2021, 4, 1));
    }

    #[test]
    fn each_bad_field_is_named_with_what_to_do() {
        let cases: Vec<(InsuranceInput, &str, &str)> = vec![
            (InsuranceInput { insurer_number: "".into(), ..good() }, "insurerNumber", "入力してください"),
            (InsuranceInput { insurer_number: "3312001".into(), ..good() }, "insurerNumber", "入力は7桁"),
            (InsuranceInput { insurer_number: "33120016".into(), ..good() }, "insurerNumber", "検証番号"),
            (InsuranceInput { insurer_number: "3312OO15".into(), ..good() }, "insurerNumber", "数字だけ"),
            (InsuranceInput { number: "".into(), ..good() }, "number", "番号を入力"),
            (InsuranceInput { number: "12,34".into(), ..good() }, "number", "使えない記号"),
            (InsuranceInput { number: "１２３４ ５６７８ ９０１２".into(), ..good() }, "number", "個人番号"),
            (InsuranceInput { symbol: "1234-5678-9012".into(), ..good() }, "symbol", "個人番号"),
            (InsuranceInput { branch: "123".into(), ..good() }, "branch", "2桁"),
            (InsuranceInput { relation: "子".into(), ..good() }, "relation", "本人"),
            (InsuranceInput { burden: "5割".into(), ..good() }, "burden", "1割・2割・3割"),
            (InsuranceInput { acquired_on: "令和3年2月30日".into(), ..good() }, "acquiredOn", "読み取れません"),
            (InsuranceInput { acquired_on: "2027-01-01".into(), ..good() }, "acquiredOn", "今日より後"),
            (InsuranceInput { valid_until: "2020-03-31".into(), ..good() }, "validUntil", "より前"),
        ];
        for (input, field, text) in cases {
            let problems = validate(&input, today()).expect_err(field);
            assert!(
                problems.iter().any(|p| p.field == field && p.message.contains(text) && !p.warning),
                "{field}: {problems:?}"
            );
        }
    }

    #[test]
    fn a_past_end_date_warns_shikaku_nashi_but_saves() {
        let input = InsuranceInput { valid_until: "令和8年3月31日".into(), ..good() };
        let (i, warnings) = validate(&input, today()).expect("saved with a warning");
        assert_eq!(i.valid_until, NaiveDate::from_ymd_opt(2026, 3, 31));
        assert_eq!(fields(&warnings), [("validUntil", true)]);
        assert!(warnings[0].message.contains("資格なし"));
    }

    #[test]
    fn a_long_vowel_mark_in_a_symbol_stays_a_letter() {
        let (i, _) = validate(&InsuranceInput { symbol: "センター".into(), ..good() }, today()).expect("valid");
        assert_eq!(i.symbol, "センター");
    }

    #[test]
    fn burden_is_read_as_wari_percent_or_a_bare_number() {
        for (raw, want) in [("1割", 10), ("２割", 20), ("30%", 30), ("3", 30), ("２０", 20)] {
            let (i, _) = validate(&InsuranceInput { burden: raw.into(), ..good() }, today()).expect(raw);
            assert_eq!(i.burden_percent, Some(want), "{raw}");
        }
    }
}
