//! The clinic profile (施術所の情報): typed once in 設定, then printed on every form and used by the
//! 導入ガイド. Validation lives here so that the form, the tests and any future import all refuse
//! the same input with the same Japanese message.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::{Store, StoreError, audit, parse_timestamp, timestamp};

/// Which 受領委任 the clinic works under; decides which 登録記号番号 are needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ClinicKind {
    /// 柔道整復 (接骨院・整骨院)
    Judo,
    /// あん摩マッサージ指圧・はり・きゅう
    Ahaki,
    /// Both under one roof (併設)
    Both,
}

textenum::text_enum!(impl ClinicKind { Judo => "judo", Ahaki => "ahaki", Both => "both" });

impl ClinicKind {
    /// True when the clinic needs a 柔整 登録記号番号.
    pub fn needs_judo(self) -> bool {
        matches!(self, ClinicKind::Judo | ClinicKind::Both)
    }

    /// True when the clinic needs an あはき 登録記号番号.
    pub fn needs_ahaki(self) -> bool {
        matches!(self, ClinicKind::Ahaki | ClinicKind::Both)
    }
}

/// What the 設定 form sends: every field exactly as typed, so that validation (not the form) decides
/// what is acceptable and nothing typed is silently changed before the user sees why.
#[derive(Clone, Debug, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ClinicProfileInput {
    /// 施術所名
    pub name: String,
    /// 種別; `None` when the user has not chosen yet.
    pub kind: Option<ClinicKind>,
    /// 登録記号番号 (柔整)
    pub reg_no_judo: String,
    /// 登録記号番号 (あはき)
    pub reg_no_ahaki: String,
    /// 郵便番号
    pub postal_code: String,
    /// 住所
    pub address: String,
    /// 電話番号
    pub phone: String,
    /// 開設者名
    pub owner_name: String,
}

/// The saved profile. Names and the address are kept as typed (only the blanks around trimmed);
/// digit-shaped fields are normalised: postal code as 7 digits, phone with half-width digits and
/// hyphens, 登録記号番号 without hyphens (the form the portal asks for).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ClinicProfile {
    /// 施術所名
    pub name: String,
    /// 種別
    pub kind: ClinicKind,
    /// 登録記号番号 (柔整) in the portal's form (no hyphens, e.g. `契280444000`), present when
    /// the kind needs it and one was given
    pub reg_no_judo: Option<String>,
    /// 登録記号番号 (柔整) as staff typed it, hyphens kept (`契2804440-0-0`), for printing;
    /// only 全角 digits and look-alike dashes are folded
    pub reg_no_judo_typed: Option<String>,
    /// 登録記号番号 (あはき) in the portal's form, present when the kind needs it and one was given
    pub reg_no_ahaki: Option<String>,
    /// 登録記号番号 (あはき) as staff typed it, for printing
    pub reg_no_ahaki_typed: Option<String>,
    /// 郵便番号, 7 ASCII digits
    pub postal_code: String,
    /// 住所
    pub address: String,
    /// 電話番号, normalised (half-width digits and hyphens)
    pub phone: String,
    /// 開設者名
    pub owner_name: String,
    /// When it was last saved (RFC 3339, UTC)
    pub updated_at: String,
}

impl ClinicProfile {
    /// The practices the clinic is registered for, each with its 登録記号番号 as typed ("" when
    /// none was given): what the guide's step 1 asks for and starts from.
    pub fn practices(&self) -> Vec<(guide::Practice, String)> {
        [
            (self.kind.needs_judo(), guide::Practice::Judo, &self.reg_no_judo_typed),
            (self.kind.needs_ahaki(), guide::Practice::Ahaki, &self.reg_no_ahaki_typed),
        ]
        .into_iter()
        .filter(|(needed, _, _)| *needed)
        .map(|(_, practice, number)| (practice, number.clone().unwrap_or_default()))
        .collect()
    }

    /// The 登録記号番号 exactly as typed (both, `柔整 / あはき`, for a clinic with two), for the
    /// forms that print them as the clinic registered them.
    pub fn registration_numbers_typed(&self) -> String {
        [self.reg_no_judo_typed.as_deref(), self.reg_no_ahaki_typed.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

/// A problem with one field of a form: the one type every crate uses (defined in `jptext`).
pub use jptext::FieldIssue;

/// The result of a save: the profile as stored and the warnings that did not stop it (an
/// unfamiliar 登録記号番号 shape is a warning, never a refusal: the shapes are not all known).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedProfile {
    /// The stored profile
    pub profile: ClinicProfile,
    /// Advice per field that did not block saving
    pub warnings: Vec<FieldIssue>,
}

const MAX_NAME: usize = 100;
const MAX_ADDRESS: usize = 200;
const MAX_PERSON: usize = 50;
const MAX_REG_NO: usize = 30;

/// Checks and normalises a profile. On success returns the profile (with `updated_at` empty) and
/// the warnings; on failure every problem found, so the user fixes them all in one go.
pub fn validate(input: &ClinicProfileInput) -> Result<(ClinicProfile, Vec<FieldIssue>), Vec<FieldIssue>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();

    let name = required_text(&input.name, "name", "施術所名", MAX_NAME, &mut errors);
    let address = required_text(&input.address, "address", "住所", MAX_ADDRESS, &mut errors);
    let owner_name = required_text(&input.owner_name, "ownerName", "開設者名", MAX_PERSON, &mut errors);

    let kind = input.kind;
    if kind.is_none() {
        errors.push(FieldIssue::new("kind", "種別(柔整・あはき・両方)を選んでください"));
    }
    let (judo, ahaki) = registration_numbers(kind, input, &mut errors, &mut warnings);

    let postal_code = postal_code(&input.postal_code, &mut errors);
    let phone = phone(&input.phone, &mut errors);

    match (kind, errors.is_empty()) {
        (Some(kind), true) => Ok((
            ClinicProfile {
                name,
                kind,
                reg_no_judo: judo.as_ref().map(|r| r.portal.clone()),
                reg_no_judo_typed: judo.map(|r| r.typed),
                reg_no_ahaki: ahaki.as_ref().map(|r| r.portal.clone()),
                reg_no_ahaki_typed: ahaki.map(|r| r.typed),
                postal_code,
                address,
                phone,
                owner_name,
                updated_at: String::new(),
            },
            warnings,
        )),
        _ => Err(errors),
    }
}

fn required_text(raw: &str, field: &str, label: &str, max: usize, errors: &mut Vec<FieldIssue>) -> String {
    let text = jptext::normalize_text(raw);
    if text.is_empty() {
        errors.push(FieldIssue::new(field, format!("{label}を入力してください")));
    } else if text.chars().count() > max {
        errors.push(FieldIssue::new(field, format!("{label}は{max}文字以内で入力してください")));
    } else {
        refuse_unacceptable_text(&text, field, label, errors);
    }
    text
}

/// Refuses, in a digit-shaped field (郵便番号, 電話番号, 登録記号番号), the characters no field
/// accepts ([`jptext::forbidden_char`]). Such a field checks its own length and shape: a number
/// too long there is said as too long, not as a possible 個人番号.
pub(crate) fn refuse_forbidden_chars(text: &str, field: &str, label: &str, errors: &mut Vec<FieldIssue>) -> bool {
    match jptext::forbidden_char(text) {
        Some(problem) => {
            errors.push(FieldIssue::new(field, problem.message(label)));
            true
        }
        None => false,
    }
}

/// Refuses what no free-text field of the app accepts, beside `field` (its label `label` in the
/// message): a control, bidi or invisible format character ([`jptext::forbidden_char`]), or a
/// number that could be a 個人番号 ([`jptext::looks_like_my_number`], whatever the width or the
/// separators). Every free-text field of the store goes through this one helper. True when
/// refused.
pub(crate) fn refuse_unacceptable_text(text: &str, field: &str, label: &str, errors: &mut Vec<FieldIssue>) -> bool {
    let message = match jptext::forbidden_char(text) {
        Some(problem) => problem.message(label),
        None if jptext::looks_like_my_number(text) => jptext::my_number_message(label),
        None => return false,
    };
    errors.push(FieldIssue::new(field, message));
    true
}

fn postal_code(raw: &str, errors: &mut Vec<FieldIssue>) -> String {
    if refuse_forbidden_chars(raw, "postalCode", "郵便番号", errors) {
        return String::new();
    }
    match jptext::digits_only(raw) {
        Some(digits) if digits.is_empty() => {
            errors.push(FieldIssue::new("postalCode", "郵便番号を入力してください"));
            digits
        }
        Some(digits) if digits.len() == 7 => digits,
        Some(digits) => {
            errors.push(FieldIssue::new(
                "postalCode",
                format!("郵便番号は7桁の数字で入力してください(入力は{}桁です。例: 123-4567)", digits.len()),
            ));
            digits
        }
        None => {
            errors.push(FieldIssue::new("postalCode", "郵便番号は数字とハイフンだけで入力してください(例: 123-4567)"));
            String::new()
        }
    }
}

fn phone(raw: &str, errors: &mut Vec<FieldIssue>) -> String {
    if refuse_forbidden_chars(raw, "phone", "電話番号", errors) {
        return String::new();
    }
    let normalized = jptext::normalize_digits_field(raw);
    match jptext::digits_only(&normalized) {
        Some(digits) if digits.is_empty() => {
            errors.push(FieldIssue::new("phone", "電話番号を入力してください"));
        }
        Some(digits) if !digits.starts_with('0') => {
            errors.push(FieldIssue::new("phone", "電話番号は市外局番(0から始まる番号)から入力してください"));
        }
        Some(digits) if !(10..=11).contains(&digits.len()) => {
            errors.push(FieldIssue::new(
                "phone",
                format!("電話番号は10桁または11桁です(入力は{}桁です。例: 03-1234-5678)", digits.len()),
            ));
        }
        Some(_) => {}
        None => {
            errors.push(FieldIssue::new("phone", "電話番号は数字とハイフンだけで入力してください(例: 03-1234-5678)"));
        }
    }
    normalized
}

/// A 登録記号番号 in both the forms the clinic needs.
#[derive(Debug)]
struct RegistrationNumber {
    /// As typed (全角 and look-alike dashes folded, hyphens kept), printed on forms.
    typed: String,
    /// Without hyphens and spaces: what the portal asks for.
    portal: String,
}

/// The 登録記号番号 the kind needs. A 柔整-only or あはき-only clinic must give its number. A 併設
/// clinic (`both`) must give at least one; with only one it gets a warning, not a refusal: one
/// registration can cover both, and the guide's Q&A says one terminal is enough.
fn registration_numbers(
    kind: Option<ClinicKind>,
    input: &ClinicProfileInput,
    errors: &mut Vec<FieldIssue>,
    warnings: &mut Vec<FieldIssue>,
) -> (Option<RegistrationNumber>, Option<RegistrationNumber>) {
    let Some(kind) = kind else { return (None, None) };
    let blank = |raw: &str| jptext::normalize_digits_field(raw).chars().all(|c| c == '-' || c.is_whitespace());
    let (judo_blank, ahaki_blank) = (blank(&input.reg_no_judo), blank(&input.reg_no_ahaki));
    if kind == ClinicKind::Both && (judo_blank || ahaki_blank) {
        if judo_blank && ahaki_blank {
            for field in ["regNoJudo", "regNoAhaki"] {
                errors.push(FieldIssue::new(
                    field,
                    "柔整・あはきの登録記号番号を、少なくとも一方は入力してください(お使いのレセコンの施術者の登録画面などで確認できます)",
                ));
            }
            return (None, None);
        }
        let (missing, label) = if judo_blank { ("regNoJudo", "柔整") } else { ("regNoAhaki", "あはき") };
        warnings.push(FieldIssue::new(
            missing,
            format!(
                "{label}の登録記号番号が空欄です。併設でも登録記号番号が1つだけならこのままで保存できます(資格確認の端末も1台で足ります)。別々に登録している場合は入力してください"
            ),
        ));
    }
    let judo = (kind.needs_judo() && !(kind == ClinicKind::Both && judo_blank))
        .then(|| registration_number(&input.reg_no_judo, "regNoJudo", true, errors, warnings))
        .flatten();
    let ahaki = (kind.needs_ahaki() && !(kind == ClinicKind::Both && ahaki_blank))
        .then(|| registration_number(&input.reg_no_ahaki, "regNoAhaki", false, errors, warnings))
        .flatten();
    (judo, ahaki)
}

/// One 登録記号番号 on its own (the 導入ガイド records it per 種別), checked as the profile checks
/// it: the typed form with width and dashes folded, and warnings that do not block saving.
pub fn check_reg_no(raw: &str, field: &str, judo: bool) -> Result<(String, Vec<FieldIssue>), Vec<FieldIssue>> {
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    match registration_number(raw, field, judo, &mut errors, &mut warnings) {
        Some(number) if errors.is_empty() => Ok((number.typed, warnings)),
        _ => Err(errors),
    }
}

/// Reads one 登録記号番号: the typed form (for printing) and the portal's form (no hyphens, no
/// spaces). Only emptiness and absurd length are refused; a shape we do not recognise is a
/// warning, because not every shape is known (the あはき one was never confirmed).
fn registration_number(
    raw: &str,
    field: &str,
    judo: bool,
    errors: &mut Vec<FieldIssue>,
    warnings: &mut Vec<FieldIssue>,
) -> Option<RegistrationNumber> {
    let label = if judo { "柔整" } else { "あはき" };
    if refuse_forbidden_chars(raw, field, &format!("{label}の登録記号番号"), errors) {
        return None;
    }
    let typed = jptext::normalize_digits_field(raw);
    let compact: String = typed.chars().filter(|c| *c != '-' && !c.is_whitespace()).collect();
    if compact.is_empty() {
        errors.push(FieldIssue::new(
            field,
            format!("{label}の登録記号番号を入力してください(お使いのレセコンの施術者の登録画面などで確認できます)"),
        ));
        return None;
    }
    if typed.chars().count() > MAX_REG_NO {
        errors.push(FieldIssue::new(field, format!("登録記号番号が長すぎます({MAX_REG_NO}文字以内)")));
        return None;
    }
    if judo {
        if let Some(warning) = judo_shape_warning(&compact) {
            warnings.push(FieldIssue::new(field, warning));
        }
    } else if !compact.chars().all(|c| c.is_ascii_digit() || c == '契' || c == '協') {
        warnings.push(FieldIssue::new(
            field,
            "登録記号番号に数字以外の文字が含まれています。受領委任の契約書と同じか、もう一度ご確認ください",
        ));
    }
    Some(RegistrationNumber { typed, portal: compact })
}

/// The known 柔整 shape: 契 (個人契約) or 協 (協定), 7 digits whose first two are the
/// 都道府県番号, then the sub-numbers.
fn judo_shape_warning(compact: &str) -> Option<String> {
    let rest = compact.strip_prefix('契').or_else(|| compact.strip_prefix('協'));
    let Some(rest) = rest else {
        return Some(
            "柔整の登録記号番号は「契」または「協」で始まります(例: 契2804440-0-0)。レセコンの表示とご確認ください"
                .into(),
        );
    };
    if rest.len() < 7 || !rest.chars().all(|c| c.is_ascii_digit()) {
        return Some("「契」「協」の後は7桁の数字と枝番です(例: 契2804440-0-0)。もう一度ご確認ください".into());
    }
    let prefecture: u32 = rest[..2].parse().unwrap_or(0);
    if !(1..=47).contains(&prefecture) {
        return Some(format!("先頭2桁({:02})が都道府県番号(01〜47)ではありません。もう一度ご確認ください", prefecture));
    }
    if rest.len() == 7 {
        return Some(
            "枝番(例: 契2804440-0-0 の「-0-0」)がありません。レセコンの施術者台帳の表示どおりに入力してください".into(),
        );
    }
    None
}

impl Store {
    /// The clinic profile, or `None` before it was first saved.
    pub async fn clinic_profile(&self) -> Result<Option<ClinicProfile>, StoreError> {
        profile_in(&mut *self.pool().acquire().await?).await
    }

    /// Validates and saves the profile with its audit row, in one transaction: either both are
    /// written or neither is.
    pub async fn save_clinic_profile(
        &self,
        input: &ClinicProfileInput,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<SavedProfile, StoreError> {
        let (mut profile, warnings) = validate(input).map_err(StoreError::Validation)?;
        profile.updated_at = timestamp(now);
        // The "before" of the audit detail is read under the write lock, in the same
        // transaction, so it is the row this save replaces.
        let mut tx = self.write_tx().await?;
        let before = profile_in(&mut tx).await?;
        sqlx::query(
            "INSERT INTO clinic_profile
                (id, name, kind, reg_no_judo, reg_no_judo_typed, reg_no_ahaki, reg_no_ahaki_typed, postal_code,
                 address, phone, owner_name, updated_at)
             VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, kind = excluded.kind, reg_no_judo = excluded.reg_no_judo,
                reg_no_judo_typed = excluded.reg_no_judo_typed, reg_no_ahaki = excluded.reg_no_ahaki,
                reg_no_ahaki_typed = excluded.reg_no_ahaki_typed, postal_code = excluded.postal_code,
                address = excluded.address, phone = excluded.phone, owner_name = excluded.owner_name,
                updated_at = excluded.updated_at",
        )
        .bind(&profile.name)
        .bind(profile.kind.as_str())
        .bind(&profile.reg_no_judo)
        .bind(&profile.reg_no_judo_typed)
        .bind(&profile.reg_no_ahaki)
        .bind(&profile.reg_no_ahaki_typed)
        .bind(&profile.postal_code)
        .bind(&profile.address)
        .bind(&profile.phone)
        .bind(&profile.owner_name)
        .bind(&profile.updated_at)
        .execute(&mut *tx)
        .await?;
        let detail = serde_json::json!({ "changed": changed_fields(before.as_ref(), &profile) });
        let action = if before.is_some() { audit::AuditAction::Update } else { audit::AuditAction::Create };
        audit::record(&mut tx, now, actor, action, audit::AuditEntity::ClinicProfile, &detail).await?;
        tx.commit().await?;
        Ok(SavedProfile { profile, warnings })
    }
}

/// The stored profile read on `conn` (a pooled connection, or the transaction that will write it).
pub(crate) async fn profile_in(conn: &mut sqlx::SqliteConnection) -> Result<Option<ClinicProfile>, StoreError> {
    let row: Option<ProfileRow> = sqlx::query_as(
        "SELECT name, kind, reg_no_judo, reg_no_judo_typed, reg_no_ahaki, reg_no_ahaki_typed, postal_code,
                address, phone, owner_name, updated_at
         FROM clinic_profile WHERE id = 1",
    )
    .fetch_optional(conn)
    .await?;
    row.map(ProfileRow::into_profile).transpose()
}

/// The names of the fields that differ, for the audit log (values are not copied into it).
fn changed_fields(before: Option<&ClinicProfile>, after: &ClinicProfile) -> Vec<&'static str> {
    let Some(b) = before else {
        return vec!["name", "kind", "regNoJudo", "regNoAhaki", "postalCode", "address", "phone", "ownerName"];
    };
    let pairs: [(&'static str, bool); 8] = [
        ("name", b.name != after.name),
        ("kind", b.kind != after.kind),
        ("regNoJudo", b.reg_no_judo != after.reg_no_judo || b.reg_no_judo_typed != after.reg_no_judo_typed),
        ("regNoAhaki", b.reg_no_ahaki != after.reg_no_ahaki || b.reg_no_ahaki_typed != after.reg_no_ahaki_typed),
        ("postalCode", b.postal_code != after.postal_code),
        ("address", b.address != after.address),
        ("phone", b.phone != after.phone),
        ("ownerName", b.owner_name != after.owner_name),
    ];
    pairs.into_iter().filter(|(_, changed)| *changed).map(|(name, _)| name).collect()
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    name: String,
    kind: String,
    reg_no_judo: Option<String>,
    reg_no_judo_typed: Option<String>,
    reg_no_ahaki: Option<String>,
    reg_no_ahaki_typed: Option<String>,
    postal_code: String,
    address: String,
    phone: String,
    owner_name: String,
    updated_at: String,
}

impl ProfileRow {
    fn into_profile(self) -> Result<ClinicProfile, StoreError> {
        parse_timestamp(&self.updated_at)?;
        Ok(ClinicProfile {
            name: self.name,
            kind: crate::error::from_db(&self.kind)?,
            // A profile saved before the typed form was kept shows its portal form.
            reg_no_judo_typed: self.reg_no_judo_typed.or_else(|| self.reg_no_judo.clone()),
            reg_no_judo: self.reg_no_judo,
            reg_no_ahaki_typed: self.reg_no_ahaki_typed.or_else(|| self.reg_no_ahaki.clone()),
            reg_no_ahaki: self.reg_no_ahaki,
            postal_code: self.postal_code,
            address: self.address,
            phone: self.phone,
            owner_name: self.owner_name,
            updated_at: self.updated_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_input() -> ClinicProfileInput {
        ClinicProfileInput {
            name: "さくら整骨院".into(),
            kind: Some(ClinicKind::Judo),
            reg_no_judo: "契2804440-0-0".into(),
            reg_no_ahaki: String::new(),
            postal_code: "650-0001".into(),
            address: "兵庫県神戸市中央区加納町1-2-3".into(),
            phone: "078-123-4567".into(),
            owner_name: "山田 太郎".into(),
        }
    }

    fn fields(issues: &[FieldIssue]) -> Vec<&str> {
        issues.iter().map(|i| i.field.as_str()).collect()
    }

    #[test]
    fn accepts_and_normalises_full_width_input() {
        let input = ClinicProfileInput {
            reg_no_judo: "契２８０４４４０－０－０".into(),
            postal_code: "〒６５０ー０００１".into(),
            phone: "０７８（１２３）４５６７".into(),
            ..valid_input()
        };
        let (profile, warnings) = validate(&input).expect("valid");
        assert_eq!(profile.reg_no_judo.as_deref(), Some("契280444000"));
        assert_eq!(profile.reg_no_judo_typed.as_deref(), Some("契2804440-0-0"), "kept for printing");
        assert_eq!(profile.postal_code, "6500001");
        assert_eq!(profile.phone, "078(123)4567");
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn free_text_fields_are_kept_as_typed() {
        let input = ClinicProfileInput {
            name: "　センター整骨院　".into(),
            address: "兵庫県神戸市中央区加納町１－２－３ ｾﾝﾀｰﾋﾞﾙ".into(),
            owner_name: "ヤマダ　タロー".into(),
            ..valid_input()
        };
        let (profile, _) = validate(&input).expect("valid");
        assert_eq!(profile.name, "センター整骨院", "only the blanks around are trimmed");
        assert_eq!(profile.address, "兵庫県神戸市中央区加納町１－２－３ ｾﾝﾀｰﾋﾞﾙ");
        assert_eq!(profile.owner_name, "ヤマダ　タロー");
    }

    #[test]
    fn reports_every_missing_field_at_once() {
        let errors = validate(&ClinicProfileInput::default()).expect_err("empty form is refused");
        assert_eq!(fields(&errors), ["name", "address", "ownerName", "kind", "postalCode", "phone"]);
        assert!(errors.iter().all(|e| e.message.contains("入力") || e.message.contains("選んで")));
    }

    #[test]
    fn postal_code_must_have_seven_digits() {
        for bad in ["123-456", "12345678", "123-45a7", "〒"] {
            let input = ClinicProfileInput { postal_code: bad.into(), ..valid_input() };
            let errors = validate(&input).expect_err(bad);
            assert_eq!(fields(&errors), ["postalCode"], "{bad}");
            assert!(errors[0].message.contains("郵便番号"), "{bad}");
        }
    }

    #[test]
    fn phone_must_be_a_japanese_number() {
        for bad in ["1234567890", "03-1234-567", "03-1234-56789-0", "03-abcd-5678"] {
            let input = ClinicProfileInput { phone: bad.into(), ..valid_input() };
            let errors = validate(&input).expect_err(bad);
            assert_eq!(fields(&errors), ["phone"], "{bad}");
        }
        let input = ClinicProfileInput { phone: "090-1234-5678".into(), ..valid_input() };
        assert!(validate(&input).is_ok());
    }

    #[test]
    fn registration_numbers_follow_the_kind() {
        let judo_only = ClinicProfileInput { reg_no_judo: " ".into(), ..valid_input() };
        assert_eq!(fields(&validate(&judo_only).expect_err("柔整 missing")), ["regNoJudo"]);

        let ahaki = ClinicProfileInput {
            kind: Some(ClinicKind::Ahaki),
            reg_no_judo: "ignored".into(),
            reg_no_ahaki: "１２３４５６７".into(),
            ..valid_input()
        };
        let (profile, warnings) = validate(&ahaki).expect("valid");
        assert_eq!(profile.reg_no_judo, None);
        assert_eq!(profile.reg_no_ahaki.as_deref(), Some("1234567"));
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_shared_clinic_with_one_number_is_warned_not_refused() {
        let both = ClinicProfileInput { kind: Some(ClinicKind::Both), ..valid_input() };
        let (profile, warnings) = validate(&both).expect("one number is enough to save");
        assert_eq!(fields(&warnings), ["regNoAhaki"]);
        assert!(warnings[0].message.contains("1台"), "{}", warnings[0].message);
        assert_eq!(profile.reg_no_judo.as_deref(), Some("契280444000"));
        assert_eq!(profile.reg_no_ahaki, None);

        let ahaki_only = ClinicProfileInput {
            kind: Some(ClinicKind::Both),
            reg_no_judo: String::new(),
            reg_no_ahaki: "1234567".into(),
            ..valid_input()
        };
        let (profile, warnings) = validate(&ahaki_only).expect("saves");
        assert_eq!(fields(&warnings), ["regNoJudo"]);
        assert_eq!((profile.reg_no_judo, profile.reg_no_ahaki.as_deref()), (None, Some("1234567")));

        let none = ClinicProfileInput { kind: Some(ClinicKind::Both), reg_no_judo: "－".into(), ..valid_input() };
        assert_eq!(fields(&validate(&none).expect_err("neither")), ["regNoJudo", "regNoAhaki"]);

        let two = ClinicProfileInput { kind: Some(ClinicKind::Both), reg_no_ahaki: "1234567".into(), ..valid_input() };
        assert!(validate(&two).expect("both").1.is_empty());
    }

    #[test]
    fn a_judo_number_without_its_branch_numbers_is_warned() {
        for raw in ["契2804440", "契２８０４４４０", "協1301234"] {
            let input = ClinicProfileInput { reg_no_judo: raw.into(), ..valid_input() };
            let (profile, warnings) = validate(&input).expect(raw);
            assert_eq!(fields(&warnings), ["regNoJudo"], "{raw}");
            assert!(warnings[0].message.contains("枝番"), "{raw}: {}", warnings[0].message);
            assert!(profile.reg_no_judo.is_some());
        }
        for raw in ["契2804440-0-0", "契280444000", "協1301234-1-2"] {
            let input = ClinicProfileInput { reg_no_judo: raw.into(), ..valid_input() };
            assert!(validate(&input).expect(raw).1.is_empty(), "{raw}");
        }
    }

    #[test]
    fn unfamiliar_judo_shapes_warn_but_save() {
        for (raw, hint) in [("2804440-0-0", "「契」または「協」"), ("契12", "7桁"), ("契9904440-0-0", "都道府県番号")]
        {
            let input = ClinicProfileInput { reg_no_judo: raw.into(), ..valid_input() };
            let (_, warnings) = validate(&input).expect(raw);
            assert_eq!(fields(&warnings), ["regNoJudo"], "{raw}");
            assert!(warnings[0].message.contains(hint), "{raw}: {}", warnings[0].message);
        }
    }

    /// `input` with `suffix` appended to the field named as in a [`FieldIssue`].
    fn with_suffix(mut input: ClinicProfileInput, field: &str, suffix: char) -> ClinicProfileInput {
        let target = match field {
            "name" => &mut input.name,
            "address" => &mut input.address,
            "ownerName" => &mut input.owner_name,
            "regNoJudo" => &mut input.reg_no_judo,
            "regNoAhaki" => &mut input.reg_no_ahaki,
            "postalCode" => &mut input.postal_code,
            _ => &mut input.phone,
        };
        target.push(suffix);
        input
    }

    #[test]
    fn refuses_direction_controls_in_every_field() {
        let both = ClinicProfileInput { kind: Some(ClinicKind::Both), reg_no_ahaki: "1234567".into(), ..valid_input() };
        for bidi in ['\u{202E}', '\u{202A}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}'] {
            for field in ["name", "address", "ownerName", "regNoJudo", "regNoAhaki", "postalCode", "phone"] {
                let errors = validate(&with_suffix(both.clone(), field, bidi)).expect_err(field);
                assert_eq!(fields(&errors), [field], "{field} {bidi:?}");
                assert!(errors[0].message.contains("表示の向きを変える制御文字は使えません"), "{}", errors[0].message);
            }
        }
    }

    #[test]
    fn refuses_overlong_text_and_line_breaks() {
        let input =
            ClinicProfileInput { name: "あ".repeat(101), address: "一丁目\n二番".into(), ..valid_input() };
        assert_eq!(fields(&validate(&input).expect_err("refused")), ["name", "address"]);
    }
}
