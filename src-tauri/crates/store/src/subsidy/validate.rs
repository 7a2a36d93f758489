//! The 助成金's input checked field by field: a message beside each field, nothing half-saved.

use super::*;

pub(super) fn text_field(
    raw: &str,
    field: &str,
    label: &str,
    max: usize,
    required: bool,
    issues: &mut Vec<FieldIssue>,
) -> String {
    let value = jptext::normalize_text(raw);
    if value.is_empty() && required {
        issues.push(FieldIssue::new(field, format!("{label}を入力してください")));
    } else if value.chars().count() > max {
        issues.push(FieldIssue::new(field, format!("{label}は{max}文字以内で入力してください")));
    } else {
        refuse_unacceptable_text(&value, field, label, issues);
    }
    value
}

pub(super) fn date_field(
    raw: &str,
    field: &str,
    label: &str,
    today: NaiveDate,
    issues: &mut Vec<FieldIssue>,
) -> NaiveDate {
    match jptext::parse_date(raw) {
        None if raw.trim().is_empty() => issues.push(FieldIssue::new(field, format!("{label}を入力してください"))),
        None => issues.push(FieldIssue::new(
            field,
            format!("{label}が読み取れません。2025-11-01 や 令和7年11月1日 のように入力してください"),
        )),
        Some(date) if date > today => issues
            .push(FieldIssue::new(field, format!("{label}が今日({})より後になっています", jptext::format_date(today)))),
        Some(date) => return date,
    }
    today
}

/// A 領収書 as stored: 購入先 and 日付 required, the total a number (全角 and `¥` `,` accepted),
/// the date not after `today`.
pub fn validate_receipt(input: &ReceiptInput, today: NaiveDate) -> Result<ValidReceipt, Vec<FieldIssue>> {
    let mut issues = Vec::new();
    let number = text_field(
        &jptext::normalize_digits_field(&input.number),
        "number",
        "領収書番号",
        MAX_NUMBER_CHARS,
        false,
        &mut issues,
    );
    let seller = text_field(&input.seller, "seller", "購入先", MAX_NAME_CHARS, true, &mut issues);
    let issued_on = date_field(&input.issued_on, "issuedOn", "領収書の日付", today, &mut issues);
    let total_yen = jptext::parse_yen(&input.total, MAX_YEN)
        .map_err(|e| issues.push(FieldIssue::new("total", e.message("領収書の合計"))))
        .unwrap_or(0);
    if issues.is_empty() { Ok(ValidReceipt { number, seller, issued_on, total_yen }) } else { Err(issues) }
}

/// A line as stored: 品名 required, quantity 1–999, a price, a date not after `today`.
pub fn validate_purchase(input: &PurchaseInput, today: NaiveDate) -> Result<ValidPurchase, Vec<FieldIssue>> {
    let mut issues = Vec::new();
    let item = text_field(&input.item, "item", "品名", MAX_NAME_CHARS, true, &mut issues);
    let maker_model =
        text_field(&input.maker_model, "makerModel", "メーカー・型番", MAX_NAME_CHARS, false, &mut issues);
    let quantity = jptext::parse_count(&input.quantity, MAX_QUANTITY)
        .map_err(|e| issues.push(FieldIssue::new("quantity", e.message("数量"))))
        .unwrap_or(0);
    let unit_price_yen = jptext::parse_yen(&input.unit_price, MAX_YEN)
        .map_err(|e| issues.push(FieldIssue::new("unitPrice", e.message("単価"))))
        .unwrap_or(0);
    if quantity * unit_price_yen > MAX_YEN {
        issues.push(FieldIssue::new("unitPrice", "数量×単価が大きすぎます。入力を確かめてください"));
    }
    let bought_on = date_field(&input.bought_on, "boughtOn", "購入日", today, &mut issues);
    if issues.is_empty() {
        Ok(ValidPurchase { item, category: input.category, maker_model, quantity, unit_price_yen, bought_on })
    } else {
        Err(issues)
    }
}
