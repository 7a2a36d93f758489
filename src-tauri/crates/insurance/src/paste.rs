//! Text staff copied from the official app (or typed in a note) read as label/value lines, in any
//! order: `保険者番号：３３１２００１５`, `記号 愛知12`, a label on one line and its value on the
//! next. Labels are matched after folding 全角 letters and dropping spaces and 「・」, so
//! `本人・家族の別` and `本人家族の別` are one label. What was understood is returned with the line
//! it came from, so the screen shows it beside the source; a label we do not know is kept with
//! its value, and a line that is neither is kept too. Nothing is checked or saved here: the filled
//! form goes through [`crate::fields::validate`] when staff confirm.

use serde::Serialize;
use specta::Type;

use crate::fields::InsuranceInput;

/// A field the parser knows, with the official app's label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum PasteField {
    /// 氏名
    Name,
    /// フリガナ
    Kana,
    /// 生年月日
    BirthDate,
    /// 性別
    Sex,
    /// 保険者番号
    InsurerNumber,
    /// 保険者名
    InsurerName,
    /// 記号
    Symbol,
    /// 番号
    Number,
    /// 枝番
    Branch,
    /// 本人・家族の別
    Relation,
    /// 被保険者氏名
    InsuredName,
    /// 負担割合
    Burden,
    /// 資格取得年月日
    AcquiredOn,
    /// 有効開始日
    ValidFrom,
    /// 有効終了日
    ValidUntil,
}

/// The labels each field is known by (folded: no spaces, no 「・」, half-width ASCII). Longer
/// labels are tried first, so 被保険者氏名 is never read as 氏名 nor 保険者番号 as 番号.
const LABELS: &[(&str, PasteField)] = &[
    ("被保険者氏名", PasteField::InsuredName),
    ("被保険者名", PasteField::InsuredName),
    ("保険者番号", PasteField::InsurerNumber),
    ("保険者名称", PasteField::InsurerName),
    ("保険者名", PasteField::InsurerName),
    ("本人家族の別", PasteField::Relation),
    ("本人家族区分", PasteField::Relation),
    ("本人家族", PasteField::Relation),
    ("一部負担金割合", PasteField::Burden),
    ("負担割合", PasteField::Burden),
    ("資格取得年月日", PasteField::AcquiredOn),
    ("資格取得日", PasteField::AcquiredOn),
    ("有効開始日", PasteField::ValidFrom),
    ("有効終了日", PasteField::ValidUntil),
    ("有効期限", PasteField::ValidUntil),
    ("氏名カナ", PasteField::Kana),
    ("カナ氏名", PasteField::Kana),
    ("フリガナ", PasteField::Kana),
    ("ふりがな", PasteField::Kana),
    ("生年月日", PasteField::BirthDate),
    ("性別", PasteField::Sex),
    ("氏名", PasteField::Name),
    ("記号", PasteField::Symbol),
    ("番号", PasteField::Number),
    ("枝番", PasteField::Branch),
];

/// One value understood, with where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Understood {
    /// The field
    pub field: PasteField,
    /// The label as it was written
    pub label: String,
    /// The value as it was written (trimmed)
    pub value: String,
    /// The line it came from, 1 = the first
    pub line: u32,
}

/// A line not understood: a label we do not know (kept with its value), or text without a label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NotUnderstood {
    /// The line, 1 = the first
    pub line: u32,
    /// The line as it was written (trimmed)
    pub text: String,
}

/// The person's own fields (for the patient's record), as pasted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PastedPerson {
    /// 氏名
    pub name: String,
    /// フリガナ
    pub kana: String,
    /// 生年月日, as written
    pub birth_date: String,
    /// 性別, as written
    pub sex: String,
}

/// What a paste gave.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Pasted {
    /// Each value understood, in the order of the text
    pub understood: Vec<Understood>,
    /// Lines not understood, in order
    pub not_understood: Vec<NotUnderstood>,
    /// The insurance form filled with what was understood (a field given twice: the last wins,
    /// and both lines are in `understood`)
    pub form: InsuranceInput,
    /// The person's fields
    pub person: PastedPerson,
}

/// Half-width ASCII, no spaces, no 「・」, no trailing 「：」: how labels are compared.
fn fold_label(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
            c => Some(c),
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, '・' | '･' | '/' | '／'))
        .collect()
}

/// Splits `line` into a known label and the rest: the longest known label that the line starts
/// with (ignoring spaces and 「・」 inside it).
fn known_label(line: &str) -> Option<(PasteField, String, String)> {
    // Walk the line's characters, folding as we go, until the folded prefix equals a label.
    let mut folded = String::new();
    let mut best: Option<(PasteField, usize)> = None;
    for (at, c) in line.char_indices() {
        let piece = fold_label(&c.to_string());
        if piece.is_empty() {
            continue; // a space or 「・」 inside or after a label: the label ends before it
        }
        folded.push_str(&piece);
        let end = at + c.len_utf8();
        if let Some((_, field)) = LABELS.iter().find(|(label, _)| *label == folded) {
            best = Some((*field, end));
        }
        if !LABELS.iter().any(|(label, _)| label.starts_with(folded.as_str())) {
            break;
        }
    }
    let (field, end) = best?;
    let rest = line[end..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '\t' | '='));
    // 「番号」 must not swallow a label that only starts like one (e.g. 番号札): the value must be
    // separated from the label by a separator or the line must end there.
    let separated =
        line[end..].chars().next().is_none_or(|c| c.is_whitespace() || matches!(c, ':' | '：' | '\t' | '='));
    separated.then(|| (field, line[..end].trim().to_string(), rest.trim().to_string()))
}

/// Reads `text` line by line.
pub fn parse(text: &str) -> Pasted {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut out = Pasted::default();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        i += 1;
        if line.is_empty() {
            continue;
        }
        let Some((field, label, mut value)) = known_label(line) else {
            // A label we do not know (kept with its value) or text without a label: shown, never dropped.
            out.not_understood.push(NotUnderstood { line: number, text: line.to_string() });
            continue;
        };
        // A label alone on its line: the value is on the next non-empty line, unless that is a label.
        if value.is_empty() {
            let next = (i..lines.len()).find(|&j| !lines[j].is_empty());
            if let Some(j) = next.filter(|&j| known_label(lines[j]).is_none()) {
                value = lines[j].to_string();
                i = j + 1;
            }
        }
        if value.is_empty() {
            out.not_understood.push(NotUnderstood { line: number, text: line.to_string() });
            continue;
        }
        fill(&mut out, field, &value);
        out.understood.push(Understood { field, label, value, line: number });
    }
    out
}

fn fill(out: &mut Pasted, field: PasteField, value: &str) {
    let v = value.to_string();
    match field {
        PasteField::Name => out.person.name = v,
        PasteField::Kana => out.person.kana = v,
        PasteField::BirthDate => out.person.birth_date = v,
        PasteField::Sex => out.person.sex = v,
        PasteField::InsurerNumber => out.form.insurer_number = v,
        PasteField::Symbol => out.form.symbol = v,
        PasteField::Number => out.form.number = v,
        PasteField::Branch => out.form.branch = v,
        PasteField::Relation => out.form.relation = v,
        PasteField::Burden => out.form.burden = v,
        PasteField::AcquiredOn => out.form.acquired_on = v,
        PasteField::ValidUntil => out.form.valid_until = v,
        // Shown as understood, not part of the form: the name of the insurer, the insured person
        // (for a 家族), the start of validity.
        PasteField::InsurerName | PasteField::InsuredName | PasteField::ValidFrom => {}
    }
}
