//! The 助成金 paperwork the clinic gathers: each 領収書 with its printed total and every line on
//! it, copies of the 領収書 and the passbook (kept as PDF), and the application's status. The
//! program can be applied for once only and nothing can be added afterwards, so:
//! - input is checked here field by field (a message beside each field, nothing half-saved);
//! - once the application is 申請済 (or later) nothing that went into it can change;
//! - a change after 申請準備完了 takes the status back to 準備中 in the same transaction, so
//!   「準備完了」 always describes what is stored.
//!
//! Whether the paperwork is complete is the `programs` crate's rule ([`programs::paperwork`]); the
//! store keeps the facts and the status.

use chrono::{DateTime, NaiveDate, Utc};
use programs::paperwork::PassbookVisible;
use programs::purchases::ItemCategory;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::audit::{AuditAction, AuditEntity};
use crate::clinic::{FieldIssue, refuse_unacceptable_text};
use crate::{Store, StoreError, audit, timestamp};

/// The largest amount a field takes: ¥100,000,000 (more is a typing mistake for this program).
pub const MAX_YEN: i64 = 100_000_000;
/// The largest quantity of one line.
pub const MAX_QUANTITY: i64 = 999;
/// The longest 品名, メーカー・型番 or 購入先.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest 領収書番号.
pub const MAX_NUMBER_CHARS: usize = 40;

/// Where the application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    /// 準備中
    Preparing,
    /// 申請準備完了: the checklist was complete when staff said so
    Ready,
    /// 申請済 (with the day)
    Applied,
    /// 交付決定
    Granted,
    /// 入金済
    Paid,
}

impl ApplicationStatus {
    /// The word staff read.
    pub fn label(self) -> &'static str {
        match self {
            ApplicationStatus::Preparing => "準備中",
            ApplicationStatus::Ready => "申請準備完了",
            ApplicationStatus::Applied => "申請済",
            ApplicationStatus::Granted => "交付決定",
            ApplicationStatus::Paid => "入金済",
        }
    }

    /// The status after this one, the only one it may move on to (`None` after 入金済).
    pub fn next(self) -> Option<ApplicationStatus> {
        ApplicationStatus::ALL.iter().copied().find(|s| *s > self)
    }

    /// Sent: nothing that went into the application may change any more.
    pub fn is_sent(self) -> bool {
        self >= ApplicationStatus::Applied
    }
}

textenum::text_enum!(impl ApplicationStatus {
    Preparing => "preparing",
    Ready => "ready",
    Applied => "applied",
    Granted => "granted",
    Paid => "paid",
});
textenum::text_enum!(impl DocumentKind { Receipt => "receipt", Passbook => "passbook" });

/// The label of a stored status text, for the audit log (「不明」 for one this version never writes).
pub(crate) fn status_label_of_db(text: &str) -> &'static str {
    ApplicationStatus::from_text(text).map_or("不明", ApplicationStatus::label)
}

/// What kind of copy a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A copy of a 領収書 (belongs to one)
    Receipt,
    /// 通帳の写し
    Passbook,
}

/// A 領収書 as staff type it (amounts and dates as typed, 全角 accepted).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptInput {
    /// 領収書番号 (as printed; may be blank when the receipt has none)
    pub number: String,
    /// 購入先
    pub seller: String,
    /// 日付 on the receipt
    pub issued_on: String,
    /// 合計(税込) printed on the receipt
    pub total: String,
}

/// A line of a 領収書 as staff type it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseInput {
    /// 品名
    pub item: String,
    /// 区分
    pub category: ItemCategory,
    /// メーカー・型番
    pub maker_model: String,
    /// 数量
    pub quantity: String,
    /// 単価(税込)
    pub unit_price: String,
    /// 購入日
    pub bought_on: String,
}

/// A stored line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Purchase {
    /// Row id
    pub id: i32,
    /// The 領収書 it is on
    pub receipt_id: i32,
    /// 品名
    pub item: String,
    /// 区分
    pub category: ItemCategory,
    /// メーカー・型番
    pub maker_model: String,
    /// 数量
    pub quantity: i32,
    /// 単価(税込)
    pub unit_price_yen: i32,
    /// 購入日
    pub bought_on: NaiveDate,
}

/// A stored copy (its bytes are fetched on their own: they can be large).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DocumentInfo {
    /// Row id
    pub id: i32,
    /// 領収書 or 通帳
    pub kind: DocumentKind,
    /// The 領収書 it copies
    pub receipt_id: Option<i32>,
    /// The file name staff picked (shown; the upload set names files itself)
    pub file_name: String,
    /// Pages in the PDF
    pub pages: i32,
    /// Size of the PDF
    pub size_bytes: i32,
    /// When added (RFC 3339, UTC)
    pub added_at: String,
}

/// A stored 領収書 with its lines and copies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Receipt {
    /// Row id
    pub id: i32,
    /// 領収書番号
    pub number: String,
    /// 購入先
    pub seller: String,
    /// 日付
    pub issued_on: NaiveDate,
    /// 合計(税込)
    pub total_yen: i32,
    /// Its lines, in the order typed
    pub purchases: Vec<Purchase>,
    /// Its copies
    pub documents: Vec<DocumentInfo>,
}

impl Receipt {
    /// How staff tell receipts apart: `No.123(○○電機)`, or the seller and date without a number.
    pub fn label(&self) -> String {
        if self.number.is_empty() {
            format!("{}({})", self.seller, self.issued_on.format("%Y-%m-%d"))
        } else {
            format!("No.{}({})", self.number, self.seller)
        }
    }

    /// The sum of its lines.
    pub fn lines_total_yen(&self) -> i64 {
        self.purchases.iter().map(|p| i64::from(p.quantity) * i64::from(p.unit_price_yen)).sum()
    }
}

/// The application for one program: the earlier-round answer, the passbook checks, the status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    /// The program (round)
    pub program_id: String,
    /// The clinic applied in an earlier round
    pub applied_before: bool,
    /// What staff confirmed is readable on the passbook copy
    pub passbook: PassbookVisible,
    /// Where it stands
    pub status: ApplicationStatus,
    /// When 申請準備完了 was set (RFC 3339)
    pub ready_at: Option<String>,
    /// 申請日
    pub applied_on: Option<NaiveDate>,
    /// 交付決定日
    pub granted_on: Option<NaiveDate>,
    /// 入金日
    pub paid_on: Option<NaiveDate>,
}

/// A 領収書 as checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidReceipt {
    /// 領収書番号
    pub number: String,
    /// 購入先
    pub seller: String,
    /// 日付
    pub issued_on: NaiveDate,
    /// 合計
    pub total_yen: i64,
}

/// A line as checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidPurchase {
    /// 品名
    pub item: String,
    /// 区分
    pub category: ItemCategory,
    /// メーカー・型番
    pub maker_model: String,
    /// 数量
    pub quantity: i64,
    /// 単価
    pub unit_price_yen: i64,
    /// 購入日
    pub bought_on: NaiveDate,
}

mod applicant;
pub mod paperwork;
mod rows;
mod validate;

pub use applicant::{Applicant, ApplicantOption, SUBSIDY_APPLICANT, applicants};
use rows::*;
pub use validate::{validate_purchase, validate_receipt};

impl Store {
    /// Every 領収書 of the application the screen works on, with its lines and copies, oldest
    /// first.
    pub async fn subsidy_receipts(&self) -> Result<Vec<Receipt>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let applicant = applicant::current_in(&mut conn).await?;
        receipts_in(&mut conn, applicant).await
    }

    /// Every copy of that application, its receipts' and its passbook's, in the order added.
    pub async fn subsidy_documents(&self) -> Result<Vec<DocumentInfo>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let applicant = applicant::current_in(&mut conn).await?;
        documents_in(&mut conn, applicant).await
    }

    /// Adds a 領収書 (`id` None) or changes one, with its audit row.
    pub async fn save_receipt(
        &self,
        id: Option<i32>,
        input: &ReceiptInput,
        today: NaiveDate,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<i32, StoreError> {
        let r = validate_receipt(input, today).map_err(StoreError::Validation)?;
        let mut tx = self.write_tx().await?;
        let applicant = before_change(&mut tx, actor, now).await?;
        let at = timestamp(now);
        let day = r.issued_on.format("%Y-%m-%d").to_string();
        let (row_id, action) = crate::rows::add_or_change(
            &mut tx,
            id,
            || {
                sqlx::query(
                    "INSERT INTO subsidy_receipt (number, seller, issued_on, total_yen, created_at, updated_at, applicant) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
                )
                .bind(&r.number)
                .bind(&r.seller)
                .bind(&day)
                .bind(r.total_yen)
                .bind(&at)
                .bind(applicant.as_str())
            },
            |row_id| {
                sqlx::query(
                    "UPDATE subsidy_receipt SET number = ?2, seller = ?3, issued_on = ?4, total_yen = ?5, updated_at = ?6 WHERE id = ?1 AND applicant = ?7",
                )
                .bind(row_id)
                .bind(&r.number)
                .bind(&r.seller)
                .bind(&day)
                .bind(r.total_yen)
                .bind(&at)
                .bind(applicant.as_str())
            },
            crate::rows::RowWords { field: "seller", full: "領収書をこれ以上登録できません", gone: "この領収書は削除されています。画面を開き直してください" },
        )
        .await?;
        audit::record(&mut tx, now, actor, action, AuditEntity::SubsidyReceipt, &serde_json::json!({ "id": row_id }))
            .await?;
        tx.commit().await?;
        Ok(row_id)
    }

    /// Removes a 領収書 with its lines and copies; one already gone writes nothing.
    pub async fn delete_receipt(&self, id: i32, actor: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let owned = "SELECT count(*) FROM subsidy_receipt WHERE id = ?1 AND applicant = ?2";
        self.delete_row("DELETE FROM subsidy_receipt WHERE id = ?", owned, AuditEntity::SubsidyReceipt, id, actor, now)
            .await
    }

    /// Adds a line to a 領収書 (`id` None) or changes one, with its audit row.
    pub async fn save_purchase(
        &self,
        id: Option<i32>,
        receipt_id: i32,
        input: &PurchaseInput,
        today: NaiveDate,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Purchase, StoreError> {
        let p = validate_purchase(input, today).map_err(StoreError::Validation)?;
        let mut tx = self.write_tx().await?;
        let applicant = before_change(&mut tx, actor, now).await?;
        let exists: Option<i32> = sqlx::query_scalar("SELECT id FROM subsidy_receipt WHERE id = ? AND applicant = ?")
            .bind(receipt_id)
            .bind(applicant.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_none() {
            return Err(validation("item", "この領収書は削除されています。画面を開き直してください"));
        }
        let at = timestamp(now);
        let day = p.bought_on.format("%Y-%m-%d").to_string();
        let (row_id, action) = crate::rows::add_or_change(
            &mut tx,
            id,
            || {
                sqlx::query(
                    "INSERT INTO subsidy_purchase (receipt_id, item, category, maker_model, quantity, unit_price_yen, bought_on, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                )
                .bind(receipt_id)
                .bind(&p.item)
                .bind(p.category.as_str())
                .bind(&p.maker_model)
                .bind(p.quantity)
                .bind(p.unit_price_yen)
                .bind(&day)
                .bind(&at)
            },
            |row_id| {
                sqlx::query(
                    "UPDATE subsidy_purchase SET item = ?3, category = ?4, maker_model = ?5, quantity = ?6, unit_price_yen = ?7, bought_on = ?8, updated_at = ?9
                WHERE id = ?1 AND receipt_id = ?2",
                )
                .bind(row_id)
                .bind(receipt_id)
                .bind(&p.item)
                .bind(p.category.as_str())
                .bind(&p.maker_model)
                .bind(p.quantity)
                .bind(p.unit_price_yen)
                .bind(&day)
                .bind(&at)
            },
            crate::rows::RowWords { field: "item", full: "品目をこれ以上登録できません", gone: "この品目は削除されています。画面を開き直してください" },
        )
        .await?;
        audit::record(
            &mut tx,
            now,
            actor,
            action,
            AuditEntity::SubsidyPurchase,
            &serde_json::json!({ "id": row_id, "receipt": receipt_id }),
        )
        .await?;
        tx.commit().await?;
        Ok(Purchase {
            id: row_id,
            receipt_id,
            item: p.item,
            category: p.category,
            maker_model: p.maker_model,
            quantity: to_i32(p.quantity),
            unit_price_yen: to_i32(p.unit_price_yen),
            bought_on: p.bought_on,
        })
    }

    /// Removes a line; one already gone writes nothing.
    pub async fn delete_purchase(&self, id: i32, actor: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let owned = "SELECT count(*) FROM subsidy_purchase WHERE id = ?1
                     AND receipt_id IN (SELECT id FROM subsidy_receipt WHERE applicant = ?2)";
        self.delete_row(
            "DELETE FROM subsidy_purchase WHERE id = ?",
            owned,
            AuditEntity::SubsidyPurchase,
            id,
            actor,
            now,
        )
        .await
    }

    /// Keeps a copy (already a PDF of `pages` pages) of a 領収書 or of the passbook.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_document(
        &self,
        kind: DocumentKind,
        receipt_id: Option<i32>,
        file_name: &str,
        pdf: &[u8],
        pages: i32,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<DocumentInfo, StoreError> {
        let receipt_id = match kind {
            DocumentKind::Receipt => {
                Some(receipt_id.ok_or_else(|| validation("file", "どの領収書の写しか選んでください"))?)
            }
            DocumentKind::Passbook => None,
        };
        if pages <= 0 || pdf.is_empty() {
            return Err(validation("file", "空のファイルは添付できません"));
        }
        let size = i32::try_from(pdf.len()).map_err(|_| validation("file", "ファイルが大きすぎます"))?;
        let mut tx = self.write_tx().await?;
        let applicant = before_change(&mut tx, actor, now).await?;
        if let Some(receipt) = receipt_id {
            let exists: Option<i32> =
                sqlx::query_scalar("SELECT id FROM subsidy_receipt WHERE id = ? AND applicant = ?")
                    .bind(receipt)
                    .bind(applicant.as_str())
                    .fetch_optional(&mut *tx)
                    .await?;
            if exists.is_none() {
                return Err(validation("file", "この領収書は削除されています。画面を開き直してください"));
            }
        }
        let at = timestamp(now);
        let name = jptext::normalize_text(file_name);
        let row_id = sqlx::query(
            "INSERT INTO subsidy_document (kind, receipt_id, file_name, pdf, pages, added_at, applicant) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(kind.as_str())
        .bind(receipt_id)
        .bind(&name)
        .bind(pdf)
        .bind(pages)
        .bind(&at)
        .bind(applicant.as_str())
        .execute(&mut *tx)
        .await?
        .last_insert_rowid();
        let row_id = i32::try_from(row_id).map_err(|_| validation("file", "書類をこれ以上添付できません"))?;
        audit::record(
            &mut tx,
            now,
            actor,
            AuditAction::Create,
            AuditEntity::SubsidyDocument,
            &serde_json::json!({ "id": row_id, "kind": kind.as_str() }),
        )
        .await?;
        tx.commit().await?;
        Ok(DocumentInfo { id: row_id, kind, receipt_id, file_name: name, pages, size_bytes: size, added_at: at })
    }

    /// The PDF of a copy, with its file name; `None` when it was removed.
    pub async fn document_pdf(&self, id: i32) -> Result<Option<(DocumentInfo, Vec<u8>)>, StoreError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            kind: String,
            receipt_id: Option<i32>,
            file_name: String,
            pdf: Vec<u8>,
            pages: i64,
            added_at: String,
        }
        let row: Option<Row> = sqlx::query_as(
            "SELECT kind, receipt_id, file_name, pdf, pages, added_at FROM subsidy_document WHERE id = ?",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        let Some(r) = row else { return Ok(None) };
        let size_bytes = i64::try_from(r.pdf.len()).unwrap_or(i64::MAX);
        let info = DocumentRow {
            id,
            kind: r.kind,
            receipt_id: r.receipt_id,
            file_name: r.file_name,
            pages: r.pages,
            size_bytes,
            added_at: r.added_at,
        }
        .into_info()?;
        let pdf = r.pdf;
        Ok(Some((info, pdf)))
    }

    /// Removes a copy; one already gone writes nothing.
    pub async fn delete_document(&self, id: i32, actor: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let owned = "SELECT count(*) FROM subsidy_document WHERE id = ?1 AND ((receipt_id IS NULL AND applicant = ?2)
                     OR receipt_id IN (SELECT id FROM subsidy_receipt WHERE applicant = ?2))";
        self.delete_row(
            "DELETE FROM subsidy_document WHERE id = ?",
            owned,
            AuditEntity::SubsidyDocument,
            id,
            actor,
            now,
        )
        .await
    }

    /// Removes one row of a paperwork table (`delete_sql` is the fixed DELETE of its table), after
    /// [`before_change`], with its audit row; a row already gone, or of another application than
    /// the one the screen works on (`owned_sql` counts it in that one), writes nothing.
    async fn delete_row(
        &self,
        delete_sql: &'static str,
        owned_sql: &'static str,
        entity: AuditEntity,
        id: i32,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let applicant = before_change(&mut tx, actor, now).await?;
        let owned: i64 = sqlx::query_scalar(owned_sql).bind(id).bind(applicant.as_str()).fetch_one(&mut *tx).await?;
        if owned == 1 && crate::rows::remove(&mut tx, delete_sql, id, entity, actor, now).await? {
            tx.commit().await?;
        }
        Ok(())
    }

    /// The application for `program_id` of the registration the screen works on; 準備中 with
    /// nothing confirmed when none was saved.
    pub async fn subsidy_application(&self, program_id: &str) -> Result<Application, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let applicant = applicant::current_in(&mut conn).await?;
        application_in(&mut conn, program_id, applicant).await
    }

    /// Saves the earlier-round answer and the passbook checks. Like any change to the paperwork,
    /// refused once sent, and a 申請準備完了 goes back to 準備中.
    pub async fn save_subsidy_answers(
        &self,
        program_id: &str,
        applied_before: bool,
        passbook: PassbookVisible,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Application, StoreError> {
        let mut tx = self.write_tx().await?;
        let applicant = before_change(&mut tx, actor, now).await?;
        sqlx::query(
            "INSERT INTO subsidy_application (program_id, applied_before, passbook_bank, passbook_branch, passbook_kind, passbook_number, passbook_holder, updated_at, applicant)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (program_id, applicant) DO UPDATE SET applied_before = ?2, passbook_bank = ?3, passbook_branch = ?4,
                 passbook_kind = ?5, passbook_number = ?6, passbook_holder = ?7, updated_at = ?8",
        )
        .bind(program_id)
        .bind(applied_before)
        .bind(passbook.bank)
        .bind(passbook.branch)
        .bind(passbook.kind)
        .bind(passbook.number)
        .bind(passbook.holder_kana)
        .bind(timestamp(now))
        .bind(applicant.as_str())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            now,
            actor,
            AuditAction::Update,
            AuditEntity::SubsidyApplication,
            &serde_json::json!({ "program": program_id, "applicant": applicant.as_str() }),
        )
        .await?;
        tx.commit().await?;
        self.subsidy_application(program_id).await
    }

    /// Moves the application for `program` to `status`, one step at a time: forward only to the
    /// status after the current one (準備中 → 申請準備完了 → 申請済 → 交付決定 → 入金済), back to any
    /// earlier one (a status set by mistake; the later dates are cleared), or to the same one (a
    /// day corrected). `on` is the day of 申請 / 交付決定 / 入金 (required for those, not after
    /// `today`, and in order). Moving forward to 申請準備完了 or 申請済 needs the checklist
    /// complete, judged on what this same transaction reads, so a change saved meanwhile can never
    /// leave 申請準備完了 standing on an incomplete checklist.
    #[allow(clippy::too_many_arguments)]
    pub async fn set_subsidy_status(
        &self,
        program: &programs::Program,
        status: ApplicationStatus,
        on: Option<NaiveDate>,
        today: NaiveDate,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Application, StoreError> {
        let program_id = program.id.as_str();
        let mut tx = self.write_tx().await?;
        let applicant = applicant::current_in(&mut tx).await?;
        let current = application_in(&mut tx, program_id, applicant).await?;
        if status > current.status && current.status.next() != Some(status) {
            let needed = current.status.next().map_or("", ApplicationStatus::label);
            return Err(validation(
                "status",
                format!("今は「{}」です。先に「{needed}」にしてください", current.status.label()),
            ));
        }
        if status > current.status && status <= ApplicationStatus::Applied {
            let receipts = receipts_in(&mut tx, applicant).await?;
            let documents = documents_in(&mut tx, applicant).await?;
            let problems = match paperwork::judge(program, &receipts, &documents, &current, today) {
                Some(judged) => judged.problems(),
                None => vec![format!("「{}」には申請の決まりがありません", program.name)],
            };
            if !problems.is_empty() {
                return Err(StoreError::ChecklistIncomplete(problems));
            }
        }
        if status >= ApplicationStatus::Applied {
            let on =
                on.ok_or_else(|| validation("statusDate", format!("{}の日付を入力してください", status.label())))?;
            if on > today {
                return Err(validation("statusDate", "今日より後の日付は入力できません"));
            }
            let before = match status {
                ApplicationStatus::Granted => current.applied_on.map(|d| (d, "申請日")),
                ApplicationStatus::Paid => current.granted_on.map(|d| (d, "交付決定日")),
                _ => None,
            };
            if let Some((earlier, label)) = before.filter(|(d, _)| on < *d) {
                return Err(validation(
                    "statusDate",
                    format!("{}より前の日付です({label}: {})", status.label(), jptext::format_date(earlier)),
                ));
            }
        }
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let keep = |s: ApplicationStatus, d: Option<NaiveDate>| if status >= s { d.map(day) } else { None };
        let on_text = on.map(day);
        let applied_on = if status == ApplicationStatus::Applied {
            on_text.clone()
        } else {
            keep(ApplicationStatus::Applied, current.applied_on)
        };
        let granted_on = if status == ApplicationStatus::Granted {
            on_text.clone()
        } else {
            keep(ApplicationStatus::Granted, current.granted_on)
        };
        let paid_on = if status == ApplicationStatus::Paid { on_text } else { None };
        let ready_at = match status {
            ApplicationStatus::Preparing => None,
            _ => Some(current.ready_at.clone().unwrap_or_else(|| timestamp(now))),
        };
        sqlx::query(
            "INSERT INTO subsidy_application (program_id, status, ready_at, applied_on, granted_on, paid_on, updated_at, applicant)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (program_id, applicant) DO UPDATE SET status = ?2, ready_at = ?3, applied_on = ?4, granted_on = ?5, paid_on = ?6, updated_at = ?7",
        )
        .bind(program_id)
        .bind(status.as_str())
        .bind(&ready_at)
        .bind(&applied_on)
        .bind(&granted_on)
        .bind(&paid_on)
        .bind(timestamp(now))
        .bind(applicant.as_str())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            now,
            actor,
            AuditAction::Update,
            AuditEntity::SubsidyApplication,
            &serde_json::json!({ "program": program_id, "applicant": applicant.as_str(), "status": status.as_str() }),
        )
        .await?;
        tx.commit().await?;
        self.subsidy_application(program_id).await
    }
}

/// Every 領収書 with its lines and copies, oldest first, as `conn` sees them (the pool's, or a
/// caller's transaction).
async fn receipts_in(conn: &mut sqlx::SqliteConnection, applicant: Applicant) -> Result<Vec<Receipt>, StoreError> {
    let receipts: Vec<ReceiptRow> = sqlx::query_as(
        "SELECT id, number, seller, issued_on, total_yen FROM subsidy_receipt WHERE applicant = ? ORDER BY issued_on, id",
    )
    .bind(applicant.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let purchases: Vec<PurchaseRow> = sqlx::query_as(
        "SELECT p.id, p.receipt_id, p.item, p.category, p.maker_model, p.quantity, p.unit_price_yen, p.bought_on
         FROM subsidy_purchase p JOIN subsidy_receipt r ON r.id = p.receipt_id WHERE r.applicant = ? ORDER BY p.id",
    )
    .bind(applicant.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let documents = documents_in(conn, applicant).await?;
    let mut purchases = purchases.into_iter().map(PurchaseRow::into_purchase).collect::<Result<Vec<_>, _>>()?;
    receipts
        .into_iter()
        .map(|r| {
            let mine: Vec<Purchase> = purchases.extract_if(.., |p| p.receipt_id == r.id).collect();
            Ok(Receipt {
                id: r.id,
                number: r.number,
                seller: r.seller,
                issued_on: parse_day(&r.issued_on)?,
                total_yen: to_i32(r.total_yen),
                purchases: mine,
                documents: documents.iter().filter(|d| d.receipt_id == Some(r.id)).cloned().collect(),
            })
        })
        .collect()
}

/// Every copy of `applicant`'s application, its receipts' and its passbook's, in the order
/// added, as `conn` sees them.
async fn documents_in(
    conn: &mut sqlx::SqliteConnection,
    applicant: Applicant,
) -> Result<Vec<DocumentInfo>, StoreError> {
    let rows: Vec<DocumentRow> = sqlx::query_as(
        "SELECT id, kind, receipt_id, file_name, pages, length(pdf) AS size_bytes, added_at FROM subsidy_document d
         WHERE (d.receipt_id IS NULL AND d.applicant = ?1)
            OR d.receipt_id IN (SELECT id FROM subsidy_receipt WHERE applicant = ?1)
         ORDER BY id",
    )
    .bind(applicant.as_str())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(DocumentRow::into_info).collect()
}

/// `applicant`'s application for `program_id` as `conn` sees it; 準備中 when none was saved.
async fn application_in(
    conn: &mut sqlx::SqliteConnection,
    program_id: &str,
    applicant: Applicant,
) -> Result<Application, StoreError> {
    let row: Option<ApplicationRow> = sqlx::query_as(
        "SELECT applied_before, passbook_bank, passbook_branch, passbook_kind, passbook_number, passbook_holder,
                status, ready_at, applied_on, granted_on, paid_on
         FROM subsidy_application WHERE program_id = ? AND applicant = ?",
    )
    .bind(program_id)
    .bind(applicant.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    let Some(r) = row else {
        return Ok(Application {
            program_id: program_id.to_string(),
            applied_before: false,
            passbook: PassbookVisible::default(),
            status: ApplicationStatus::Preparing,
            ready_at: None,
            applied_on: None,
            granted_on: None,
            paid_on: None,
        });
    };
    let day = |d: Option<String>| d.map(|d| parse_day(&d)).transpose();
    Ok(Application {
        program_id: program_id.to_string(),
        applied_before: r.applied_before != 0,
        passbook: PassbookVisible {
            bank: r.passbook_bank != 0,
            branch: r.passbook_branch != 0,
            kind: r.passbook_kind != 0,
            number: r.passbook_number != 0,
            holder_kana: r.passbook_holder != 0,
        },
        status: ApplicationStatus::from_text(&r.status)
            .ok_or_else(|| StoreError::CorruptData(format!("申請の状態 {}", r.status)))?,
        ready_at: r.ready_at,
        applied_on: day(r.applied_on)?,
        granted_on: day(r.granted_on)?,
        paid_on: day(r.paid_on)?,
    })
}
