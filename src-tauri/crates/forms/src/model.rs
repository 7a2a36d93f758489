//! What the host hands over to be printed: plain data, already evaluated (eligibility, totals and
//! the claim come from `programs::purchases`), so this crate only lays it out and never decides.
//! Yen are `i32` because specta refuses 64-bit integers in exported TypeScript types.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// One line of a 領収書 on the 内訳書 (every line of the receipt is listed, also ineligible ones,
/// so the 事務局 can match the sheet against the receipt line by line).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SheetLine {
    /// 品名, as on the receipt
    pub item: String,
    /// 区分 label (`汎用カードリーダー`, `そのほか`, …)
    pub category: String,
    /// メーカー・型番
    pub maker_model: String,
    /// 数量
    pub quantity: u32,
    /// 単価(税込)
    pub unit_price_yen: i32,
    /// 金額(税込) of the line
    pub amount_yen: i32,
    /// 購入日: printed only where it differs from the receipt's date
    pub bought_on: NaiveDate,
    /// Whether the line counts towards the claim
    pub eligible: bool,
    /// No source says whether its category is paid for: printed 要確認, not 対象外
    pub to_check: bool,
    /// Why it does not (shown under the line)
    pub reason: Option<String>,
}

/// One 領収書 with its lines, in the order staff entered them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptSheet {
    /// 領収書番号
    pub number: String,
    /// 購入先
    pub seller: String,
    /// 日付 of the receipt
    pub issued_on: NaiveDate,
    /// The total printed on the receipt (a mismatch with the lines is pointed out on the sheet)
    pub total_yen: i32,
    /// Every line of the receipt
    pub lines: Vec<SheetLine>,
}

/// The 領収書内訳書: what the 事務局 checks the claim against.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Breakdown {
    /// 施術所名
    pub clinic_name: String,
    /// 登録記号番号 exactly as typed (the 事務局 matches it character for character)
    pub registration_number: String,
    /// The program's name as it calls itself
    pub program_name: String,
    /// 作成日
    pub prepared_on: NaiveDate,
    /// The receipts
    pub receipts: Vec<ReceiptSheet>,
    /// 購入金額の合計
    pub total_yen: i32,
    /// 対象経費の合計
    pub eligible_total_yen: i32,
    /// 申請額 (capped, cut to `claim_unit_yen`)
    pub claim_yen: i32,
    /// 施術所の負担
    pub clinic_pays_yen: i32,
    /// 上限額
    pub cap_yen: i32,
    /// The unit the claim is cut to (1000 = 千円単位、切り捨て; 1 = no cut)
    pub claim_unit_yen: i32,
}

/// The 導入ガイド checklist, printed for the clinic's own records or the 事務局.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Checklist {
    /// 施術所名
    pub clinic_name: String,
    /// 登録記号番号 as typed
    pub registration_number: String,
    /// 作成日
    pub prepared_on: NaiveDate,
    /// The steps
    pub rows: Vec<ChecklistRow>,
}

/// One step of the checklist, already in words (the guide crate owns the states).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistRow {
    /// No
    pub number: u32,
    /// 手順
    pub title: String,
    /// 状態: 完了 / 未着手 / 対象外 …
    pub state: String,
    /// 日付, formatted by the host (a day, a month, a 頃)
    pub date_text: Option<String>,
    /// 残っていること: what keeps a step not finished from 完了 (empty once done)
    pub note: Option<String>,
}

/// A photo of a receipt or passbook as picked by staff; the name is only used in messages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Photo {
    /// The file name, for messages
    pub name: String,
    /// The file's bytes (JPEG or PNG, detected by content)
    pub bytes: Vec<u8>,
}

/// The 協力金's evidence report: what the clinic did inside the 対象期間, as the host judged and
/// counted it (`programs::grant` decides each requirement; this crate only prints it).
#[derive(Clone, Debug, PartialEq)]
pub struct GrantReport {
    /// 施術所名
    pub clinic_name: String,
    /// 登録記号番号 (several joined, or empty)
    pub registration_number: String,
    /// The program's name
    pub program_name: String,
    /// 対象期間, 和暦 with 西暦
    pub period_text: String,
    /// 運用開始日, 和暦 with 西暦; `None` when not entered
    pub start_date_text: Option<String>,
    /// 作成日
    pub prepared_on: NaiveDate,
    /// Each requirement with met or not and why
    pub requirements: Vec<ReportRequirement>,
    /// The poster's display periods, as text (`令和7年5月1日〜令和7年7月31日`)
    pub posters: Vec<String>,
    /// Each day inside the period with a count
    pub days: Vec<ReportDay>,
    /// The マイナ保険証 利用率 by month over the period
    pub months: Vec<ReportMonth>,
    /// Photos of the poster as it hung, each with its caption
    pub photos: Vec<ReportPhoto>,
}

/// One requirement on the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportRequirement {
    /// The requirement
    pub label: String,
    /// Met
    pub met: bool,
    /// What counted, or what is missing
    pub why: String,
}

/// One day's 取組 on the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportDay {
    /// The day
    pub day: NaiveDate,
    /// チラシ (枚)
    pub flyers: u32,
    /// お声がけ (人)
    pub prompts: u32,
}

/// One month's checks on the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportMonth {
    /// `令和7年5月 (2025-05)`
    pub month_text: String,
    /// Checks recorded in the month
    pub checks: u32,
    /// Of them, with a マイナ保険証
    pub card_checks: u32,
}

/// A photo kept with a poster period: the JPEG this crate prepared when it was added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportPhoto {
    /// Printed under the photo (the period it shows)
    pub caption: String,
    /// The file name it came from, for messages
    pub name: String,
    /// The prepared JPEG (see [`crate::photos::prepare`])
    pub jpeg: Vec<u8>,
}
