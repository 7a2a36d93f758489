//! 助成金: the purchases and receipts, the checklist, the 領収書内訳書 (preview, PDF, .xlsx,
//! print) and the upload set. Rules come from `programs` (the data in use, maybe updated), records
//! from `store`, documents from `forms`; this file only gathers and hands over.
//!
//! Files are chosen in the system's dialogs, opened from Rust ([`super::files`]).

use std::path::PathBuf;

use chrono::{Local, NaiveDate, Utc};
use programs::paperwork::{PaperworkFacts, PassbookVisible, Readiness, ReceiptFacts};
use programs::purchases::{Evaluation, ItemCategory, LineResult, PurchaseLine};
use programs::{Program, ProgramStatus, RuleEffect};
use serde::{Deserialize, Serialize};
use specta::Type;
use store::Store;
use store::subsidy::{Application, ApplicationStatus, DocumentKind, PurchaseInput, Receipt, ReceiptInput};
use tauri::{AppHandle, State};

use super::files::{pick_files, pick_folder, pick_save_path, print_pdf, write_file};
use crate::error::{AppError, AppErrorCode};
use crate::state::AppState;

/// The 助成金 the screen works on: the newest subsidy in the data in use.
fn subsidy_program(catalog: &programs::Catalog) -> Result<Program, AppError> {
    catalog
        .programs
        .iter()
        .filter(|p| p.kind == programs::ProgramKind::Subsidy)
        .max_by_key(|p| p.closes_on())
        .cloned()
        .ok_or_else(|| programs::ProgramsError::UnknownProgram("助成金".into()).into())
}

/// A line with what the rules say of it.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LineView {
    /// The stored line
    pub purchase: store::subsidy::Purchase,
    /// 区分 in words
    pub category_label: String,
    /// 数量 × 単価
    pub amount_yen: i32,
    /// Counted toward the claim
    pub eligible: bool,
    /// Why not (対象外)
    pub reason: Option<String>,
    /// A card reader not on the dated list of known models: a warning, not a refusal
    pub warning: Option<String>,
}

/// A 領収書 with its lines judged and whether its total matches them.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptView {
    /// Row id
    pub id: i32,
    /// `No.123(○○電機)`
    pub label: String,
    /// 領収書番号
    pub number: String,
    /// 購入先
    pub seller: String,
    /// 日付
    pub issued_on: NaiveDate,
    /// 和暦 with 西暦
    pub issued_on_text: String,
    /// 合計
    pub total_yen: i32,
    /// Sum of the lines
    pub lines_total_yen: i32,
    /// The totals agree (and there is at least one line)
    pub matches: bool,
    /// The lines
    pub lines: Vec<LineView>,
    /// Its copies
    pub documents: Vec<store::subsidy::DocumentInfo>,
}

/// A category offered in the form, with whether the rules pay for it.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CategoryOption {
    /// The value sent back
    pub id: ItemCategory,
    /// Its words
    pub label: String,
    /// The program pays for it
    pub eligible: bool,
}

/// Everything the 助成金 screen shows.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SubsidyOverview {
    /// The program with its state today (受付終了 shows as such)
    pub program: ProgramStatus,
    /// When the program data in use was last checked against its sources (和暦 with 西暦)
    pub data_as_of_text: String,
    /// Each 領収書
    pub receipts: Vec<ReceiptView>,
    /// 購入金額の合計
    pub total_yen: i32,
    /// 対象経費の合計
    pub eligible_total_yen: i32,
    /// 申請額
    pub claim_yen: i32,
    /// 施術所の負担
    pub clinic_pays_yen: i32,
    /// Why nothing can be claimed (an earlier application)
    pub excluded: Option<String>,
    /// The checklist
    pub readiness: Readiness,
    /// Status, answers and dates
    pub application: Application,
    /// The status in words
    pub status_label: String,
    /// The passbook copies
    pub passbook_documents: Vec<store::subsidy::DocumentInfo>,
    /// Categories for the form
    pub categories: Vec<CategoryOption>,
    /// Upload formats from the rules (`.pdf` …)
    pub upload_formats: Vec<String>,
    /// Today, for the date fields' limit
    pub today: NaiveDate,
}

struct Gathered {
    program: Program,
    receipts: Vec<Receipt>,
    evaluation: Evaluation,
    application: Application,
    passbook_documents: Vec<store::subsidy::DocumentInfo>,
    readiness: Readiness,
}

async fn gather(state: &AppState, store: &Store, today: NaiveDate) -> Result<Gathered, AppError> {
    let catalog = state.catalog().await;
    let program = subsidy_program(&catalog)?;
    let receipts = store.subsidy_receipts().await?;
    let application = store.subsidy_application(&program.id).await?;
    let lines: Vec<PurchaseLine> = receipts
        .iter()
        .flat_map(|r| &r.purchases)
        .map(|p| PurchaseLine {
            item: p.item.clone(),
            category: p.category,
            quantity: u32::try_from(p.quantity).unwrap_or(0),
            unit_price_yen: p.unit_price_yen,
            bought_on: p.bought_on,
        })
        .collect();
    let evaluation = programs::purchases::evaluate(&program, &lines, today, application.applied_before)
        .ok_or_else(|| AppError::from(programs::ProgramsError::NoClaim(program.name.clone())))?;
    let passbook_documents: Vec<_> =
        store.subsidy_documents().await?.into_iter().filter(|d| d.kind == DocumentKind::Passbook).collect();
    let facts = PaperworkFacts {
        receipts: receipts
            .iter()
            .map(|r| ReceiptFacts {
                label: r.label(),
                total_yen: i64::from(r.total_yen),
                lines_total_yen: r.lines_total_yen(),
                line_count: r.purchases.len(),
                has_copy: !r.documents.is_empty(),
            })
            .collect(),
        passbook_copy: !passbook_documents.is_empty(),
        passbook_visible: application.passbook,
    };
    let readiness = programs::paperwork::readiness(&program, &facts, &evaluation);
    Ok(Gathered { program, receipts, evaluation, application, passbook_documents, readiness })
}

/// The evaluation's flat list of lines cut back into one slice per 領収書 (evaluate sees the lines
/// of every receipt in order).
fn results_by_receipt<'a>(receipts: &[Receipt], evaluation: &'a Evaluation) -> Vec<&'a [LineResult]> {
    let mut rest = evaluation.lines.as_slice();
    receipts
        .iter()
        .map(|r| {
            let (mine, after) = rest.split_at(r.purchases.len().min(rest.len()));
            rest = after;
            mine
        })
        .collect()
}

fn yen(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn reader_warning(p: &store::subsidy::Purchase, knowledge: &guide::Knowledge) -> Option<String> {
    if p.category != ItemCategory::CardReader {
        return None;
    }
    let known = guide::readers::match_reader(&format!("{} {}", p.item, p.maker_model), knowledge).is_some();
    (!known).then(|| {
        "この機種は、オン資ナビが知っているカードリーダーの一覧にありません。厚生労働省の公式の一覧に載っているか確かめてください(導入ガイドの手順「カードリーダー」)".to_string()
    })
}

fn overview_of(
    g: Gathered,
    board: ProgramStatus,
    data_as_of_text: String,
    today: NaiveDate,
    knowledge: &guide::Knowledge,
) -> SubsidyOverview {
    let receipts = g
        .receipts
        .iter()
        .zip(results_by_receipt(&g.receipts, &g.evaluation))
        .map(|(r, results)| {
            let lines: Vec<LineView> = r
                .purchases
                .iter()
                .zip(results)
                .map(|(p, result)| LineView {
                    purchase: p.clone(),
                    category_label: p.category.label().to_string(),
                    amount_yen: yen(result.amount_yen),
                    eligible: result.eligible,
                    reason: result.reason.clone(),
                    warning: reader_warning(p, knowledge),
                })
                .collect();
            ReceiptView {
                id: r.id,
                label: r.label(),
                number: r.number.clone(),
                seller: r.seller.clone(),
                issued_on: r.issued_on,
                issued_on_text: jptext::format_date(r.issued_on),
                total_yen: r.total_yen,
                lines_total_yen: yen(r.lines_total_yen()),
                matches: !r.purchases.is_empty() && r.lines_total_yen() == i64::from(r.total_yen),
                lines,
                documents: r.documents.clone(),
            }
        })
        .collect();
    let items = g.program.rules.iter().find(|r| matches!(r.effect, RuleEffect::EligibleItems { .. }));
    SubsidyOverview {
        program: board,
        data_as_of_text,
        receipts,
        total_yen: yen(g.evaluation.total_yen),
        eligible_total_yen: yen(g.evaluation.eligible_total_yen),
        claim_yen: yen(g.evaluation.claim_yen),
        clinic_pays_yen: yen(g.evaluation.clinic_pays_yen),
        excluded: g.evaluation.excluded.clone(),
        readiness: g.readiness,
        status_label: g.application.status.label().to_string(),
        application: g.application,
        passbook_documents: g.passbook_documents,
        categories: ItemCategory::ALL
            .iter()
            .map(|c| CategoryOption {
                id: *c,
                label: c.label().to_string(),
                eligible: items.is_some_and(|r| programs::purchases::eligible(&r.effect, *c)),
            })
            .collect(),
        upload_formats: upload_rules(&g.program).allowed_extensions.iter().map(|e| format!(".{e}")).collect(),
        today,
    }
}

/// The screen's data for today.
#[tauri::command]
#[specta::specta]
pub async fn subsidy_overview(state: State<'_, AppState>) -> Result<SubsidyOverview, AppError> {
    let store = state.store()?;
    let today = Local::now().date_naive();
    let g = gather(&state, store, today).await?;
    let board = state.catalog().await.board(today);
    let status = board
        .find(&g.program.id)
        .cloned()
        .ok_or_else(|| AppError::from(programs::ProgramsError::UnknownProgram(g.program.id.clone())))?;
    Ok(overview_of(g, status, board.as_of_text, today, &state.knowledge().await))
}

/// Adds (`id` None) or changes a 領収書; field messages on bad input.
#[tauri::command]
#[specta::specta]
pub async fn save_receipt(state: State<'_, AppState>, id: Option<i32>, input: ReceiptInput) -> Result<i32, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.save_receipt(id, &input, Local::now().date_naive(), &actor, Utc::now()).await?)
}

/// Removes a 領収書 with its lines and copies.
#[tauri::command]
#[specta::specta]
pub async fn delete_receipt(state: State<'_, AppState>, id: i32) -> Result<(), AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.delete_receipt(id, &actor, Utc::now()).await?)
}

/// Adds (`id` None) or changes a line of a 領収書; field messages on bad input.
#[tauri::command]
#[specta::specta]
pub async fn save_purchase(
    state: State<'_, AppState>,
    id: Option<i32>,
    receipt_id: i32,
    input: PurchaseInput,
) -> Result<store::subsidy::Purchase, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.save_purchase(id, receipt_id, &input, Local::now().date_naive(), &actor, Utc::now()).await?)
}

/// Removes a line.
#[tauri::command]
#[specta::specta]
pub async fn delete_purchase(state: State<'_, AppState>, id: i32) -> Result<(), AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.delete_purchase(id, &actor, Utc::now()).await?)
}

/// What staff say a file is when attaching it to a 領収書: only a 領収書 (or レシート) proves
/// payment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ProofKind {
    /// 領収書・レシート
    Receipt,
    /// 見積書
    Estimate,
    /// 請求書
    Invoice,
    /// 納品書
    DeliveryNote,
}

/// Refuses a file that does not prove payment, with the reason in the portal's terms.
fn refuse_non_receipt(proof: ProofKind) -> Result<(), AppError> {
    let name = match proof {
        ProofKind::Receipt => return Ok(()),
        ProofKind::Estimate => "見積書",
        ProofKind::Invoice => "請求書",
        ProofKind::DeliveryNote => "納品書",
    };
    Err(AppError::from(store::StoreError::Validation(vec![store::clinic::FieldIssue::new(
        "proof",
        format!("{name}は領収書の代わりになりません。支払ったことがわかる領収書(またはレシート)を添付してください"),
    )])))
}

/// Picks photos (JPEG/PNG) or a PDF in the system's dialog and keeps them as one PDF: a copy of
/// a 領収書 (`receipt_id`) or of the passbook. `None` when staff closed the dialog.
#[tauri::command]
#[specta::specta]
pub async fn attach_document(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: DocumentKind,
    receipt_id: Option<i32>,
    proof: ProofKind,
) -> Result<Option<store::subsidy::DocumentInfo>, AppError> {
    if kind == DocumentKind::Receipt {
        refuse_non_receipt(proof)?;
    }
    let store = state.store()?;
    let Some(paths) = pick_files(&app).await? else { return Ok(None) };
    let (name, pdf, pages) = tauri::async_runtime::spawn_blocking(move || document_from_files(&paths))
        .await
        .map_err(|e| AppError::new(AppErrorCode::Internal, format!("ファイルの処理が中断されました: {e}")))??;
    let actor = store.actor().await?;
    Ok(Some(store.add_document(kind, receipt_id, &name, &pdf, pages, &actor, Utc::now()).await?))
}

/// One PDF from the chosen files: a PDF is kept as it is (one file only), photos become pages.
fn document_from_files(paths: &[PathBuf]) -> Result<(String, Vec<u8>, i32), AppError> {
    let name = paths
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join("、");
    let read = |p: &PathBuf| {
        std::fs::read(p)
            .map_err(|e| AppError::new(AppErrorCode::FileAccess, format!("「{}」を読めませんでした: {e}", p.display())))
    };
    if let [single] = paths {
        let bytes = read(single)?;
        if bytes.starts_with(b"%PDF-") {
            let pages = forms::upload::pdf_pages(&bytes).max(1);
            return Ok((name, bytes, i32::try_from(pages).unwrap_or(1)));
        }
    }
    let photos = paths
        .iter()
        .map(|p| {
            Ok(forms::Photo {
                name: p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                bytes: read(p)?,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let pdf = forms::photos_pdf(&photos)?;
    Ok((name, pdf, i32::try_from(photos.len()).unwrap_or(1)))
}

/// Removes a copy.
#[tauri::command]
#[specta::specta]
pub async fn delete_document(state: State<'_, AppState>, id: i32) -> Result<(), AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.delete_document(id, &actor, Utc::now()).await?)
}

/// Saves whether the clinic applied in an earlier round and what is readable on the passbook.
#[tauri::command]
#[specta::specta]
pub async fn save_subsidy_answers(
    state: State<'_, AppState>,
    applied_before: bool,
    passbook: PassbookVisible,
) -> Result<Application, AppError> {
    let store = state.store()?;
    let program = subsidy_program(&state.catalog().await)?;
    let actor = store.actor().await?;
    Ok(store.save_subsidy_answers(&program.id, applied_before, passbook, &actor, Utc::now()).await?)
}

/// Sets the status. 申請準備完了 and later need the checklist complete: a mismatch between a
/// 領収書 and its lines, a missing copy or passbook check blocks it with the list of what is
/// missing.
#[tauri::command]
#[specta::specta]
pub async fn set_subsidy_status(
    state: State<'_, AppState>,
    status: ApplicationStatus,
    on: Option<String>,
) -> Result<Application, AppError> {
    let store = state.store()?;
    let today = Local::now().date_naive();
    let g = gather(&state, store, today).await?;
    if status == ApplicationStatus::Ready && !g.readiness.ready {
        let missing: Vec<String> = g.readiness.items.iter().flat_map(|i| i.problems.clone()).collect();
        return Err(AppError {
            code: crate::error::ErrorCode::App(AppErrorCode::NotReady),
            message: format!("まだ申請の準備ができていません。\n・{}", missing.join("\n・")),
            fields: Vec::new(),
        });
    }
    let on = match on.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => None,
        Some(text) => Some(jptext::parse_date(text).ok_or_else(|| {
            AppError::from(store::StoreError::Validation(vec![store::clinic::FieldIssue::new(
                "statusDate",
                "日付が読み取れません。2026-01-10 や 令和8年1月10日 のように入力してください",
            )]))
        })?),
    };
    let actor = store.actor().await?;
    Ok(store.set_subsidy_status(&g.program.id, status, on, today, &actor, Utc::now()).await?)
}

/// The sheet as printed: the clinic as typed, every line judged, the totals.
async fn breakdown(state: &AppState, store: &Store) -> Result<forms::Breakdown, AppError> {
    let today = Local::now().date_naive();
    let g = gather(state, store, today).await?;
    let profile = store.clinic_profile().await?;
    let registration_number =
        profile.as_ref().map(store::clinic::ClinicProfile::registration_numbers_typed).unwrap_or_default();
    let receipts = g
        .receipts
        .iter()
        .zip(results_by_receipt(&g.receipts, &g.evaluation))
        .map(|(r, results)| forms::ReceiptSheet {
            number: r.number.clone(),
            seller: r.seller.clone(),
            issued_on: r.issued_on,
            total_yen: r.total_yen,
            lines: r
                .purchases
                .iter()
                .zip(results)
                .map(|(p, result)| forms::SheetLine {
                    item: p.item.clone(),
                    category: p.category.label().to_string(),
                    maker_model: p.maker_model.clone(),
                    quantity: u32::try_from(p.quantity).unwrap_or(0),
                    unit_price_yen: p.unit_price_yen,
                    amount_yen: yen(result.amount_yen),
                    bought_on: p.bought_on,
                    eligible: result.eligible,
                    reason: result.reason.clone(),
                })
                .collect(),
        })
        .collect();
    Ok(forms::Breakdown {
        clinic_name: profile.map(|p| p.name).unwrap_or_default(),
        registration_number,
        program_name: g.program.name.clone(),
        prepared_on: today,
        receipts,
        total_yen: yen(g.evaluation.total_yen),
        eligible_total_yen: yen(g.evaluation.eligible_total_yen),
        claim_yen: yen(g.evaluation.claim_yen),
        clinic_pays_yen: yen(g.evaluation.clinic_pays_yen),
        cap_yen: yen(g.program.amount_yen),
        claim_unit_yen: yen(g.program.claim_unit_yen()),
    })
}

/// The 内訳書's pages as SVG, to show before saving (the same layout the PDF is drawn from).
#[tauri::command]
#[specta::specta]
pub async fn breakdown_preview(state: State<'_, AppState>) -> Result<Vec<String>, AppError> {
    let store = state.store()?;
    let sheet = breakdown(&state, store).await?;
    if sheet.receipts.is_empty() {
        return Err(nothing_to_print());
    }
    Ok(forms::breakdown_preview(&sheet))
}

fn nothing_to_print() -> AppError {
    AppError::new(AppErrorCode::NothingToPrint, "領収書と品目を登録すると、内訳書を作れます")
}

/// The format to save the 内訳書 in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SheetFormat {
    /// PDF (to print, to upload)
    Pdf,
    /// Excel (.xlsx), the portal also takes it
    Xlsx,
}

/// Saves the 内訳書 where staff choose; returns the path, `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn save_breakdown(
    app: AppHandle,
    state: State<'_, AppState>,
    format: SheetFormat,
) -> Result<Option<String>, AppError> {
    let store = state.store()?;
    let sheet = breakdown(&state, store).await?;
    if sheet.receipts.is_empty() {
        return Err(nothing_to_print());
    }
    let (bytes, name, ext) = match format {
        SheetFormat::Pdf => (forms::breakdown_pdf(&sheet)?, "領収書内訳書.pdf", "pdf"),
        SheetFormat::Xlsx => (forms::breakdown_xlsx(&sheet)?, "領収書内訳書.xlsx", "xlsx"),
    };
    let Some(path) = pick_save_path(&app, name, ext).await? else { return Ok(None) };
    write_file(&path, &bytes)?;
    Ok(Some(path.display().to_string()))
}

/// Prints the 内訳書 through the system: the PDF opens in the PC's PDF viewer, whose 印刷 uses
/// the system's printers and settings.
#[tauri::command]
#[specta::specta]
pub async fn print_breakdown(app: AppHandle, state: State<'_, AppState>) -> Result<String, AppError> {
    let store = state.store()?;
    let sheet = breakdown(&state, store).await?;
    if sheet.receipts.is_empty() {
        return Err(nothing_to_print());
    }
    let pdf = forms::breakdown_pdf(&sheet)?;
    let path = print_pdf(&app, &state.paths.data_dir, "領収書内訳書", &pdf)?;
    Ok(path)
}

/// The upload set as written: the folder, the .zip and each file's check.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct UploadSet {
    /// The folder with the files
    pub folder: String,
    /// The .zip of the same files, beside the folder
    pub zip: String,
    /// Each file checked as the portal and Windows would judge it
    pub checks: Vec<forms::upload::FileCheck>,
    /// Every file passed its checks
    pub all_ok: bool,
    /// What is still missing before applying (from the checklist)
    pub missing: Vec<String>,
}

fn upload_rules(program: &Program) -> forms::upload::UploadRules {
    let (extensions, max) = program
        .rules
        .iter()
        .find_map(|r| match &r.effect {
            RuleEffect::UploadFormats { extensions, max_file_bytes } => Some((extensions.clone(), *max_file_bytes)),
            _ => None,
        })
        .unwrap_or_else(|| (vec!["pdf".into()], None));
    // The portal states no size limit: keep files at a size any upload form takes.
    let max = max.unwrap_or(forms::upload::DEFAULT_MAX_FILE_BYTES.into());
    forms::upload::UploadRules {
        allowed_extensions: extensions,
        max_file_bytes: u32::try_from(max).unwrap_or(u32::MAX),
    }
}

/// Builds the files to upload (each 領収書's copy, the 内訳書 as PDF and .xlsx, the passbook
/// copy), checks each, and writes them to a folder and a .zip in the place staff choose.
#[tauri::command]
#[specta::specta]
pub async fn build_upload_set(app: AppHandle, state: State<'_, AppState>) -> Result<Option<UploadSet>, AppError> {
    let store = state.store()?;
    let today = Local::now().date_naive();
    let g = gather(&state, store, today).await?;
    if g.receipts.is_empty() {
        return Err(nothing_to_print());
    }
    let sheet = breakdown(&state, store).await?;
    let mut files = Vec::new();
    for (i, r) in g.receipts.iter().enumerate() {
        for (j, d) in r.documents.iter().enumerate() {
            if let Some((_, pdf)) = store.document_pdf(d.id).await? {
                let suffix = if r.documents.len() > 1 { format!("_{}", j + 1) } else { String::new() };
                files
                    .push(forms::upload::UploadFile { name: format!("01_領収書{}{suffix}.pdf", i + 1), bytes: pdf });
            }
        }
    }
    files.push(forms::upload::UploadFile {
        name: "02_領収書内訳書.pdf".into(), bytes: forms::breakdown_pdf(&sheet)?
    });
    files
        .push(forms::upload::UploadFile {
            name: "02_領収書内訳書.xlsx".into(), bytes: forms::breakdown_xlsx(&sheet)?
        });
    for (j, d) in g.passbook_documents.iter().enumerate() {
        if let Some((_, pdf)) = store.document_pdf(d.id).await? {
            let suffix = if g.passbook_documents.len() > 1 { format!("_{}", j + 1) } else { String::new() };
            files.push(forms::upload::UploadFile { name: format!("03_通帳の写し{suffix}.pdf"), bytes: pdf });
        }
    }
    let rules = upload_rules(&g.program);
    let checks = forms::upload::check_set(&rules, &files);
    let Some(parent) = pick_folder(&app, "申請一式を作る場所を選んでください").await? else {
        return Ok(None);
    };
    let folder = parent.join(format!("助成金申請_{}", today.format("%Y%m%d")));
    forms::upload::write_folder(&folder, &files)?;
    let zip = parent.join(format!("助成金申請_{}.zip", today.format("%Y%m%d")));
    write_file(&zip, &forms::upload::build_zip(&files)?)?;
    Ok(Some(UploadSet {
        folder: folder.display().to_string(),
        zip: zip.display().to_string(),
        all_ok: checks.iter().all(|c| c.ok),
        checks,
        missing: g.readiness.items.iter().flat_map(|i| i.problems.clone()).collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_receipt_proves_payment() {
        assert!(refuse_non_receipt(ProofKind::Receipt).is_ok());
        for (proof, name) in
            [(ProofKind::Estimate, "見積書"), (ProofKind::Invoice, "請求書"), (ProofKind::DeliveryNote, "納品書")]
        {
            let e = refuse_non_receipt(proof).expect_err(name);
            assert_eq!(e.code, "Validation");
            assert!(e.fields[0].message.starts_with(&format!("{name}は領収書の代わりになりません")), "{e:?}");
        }
    }

    #[test]
    fn the_upload_rules_come_from_the_program_data() {
        let program = subsidy_program(&programs::catalog().expect("bundled")).expect("a 助成金");
        let rules = upload_rules(&program);
        assert_eq!(rules.allowed_extensions, ["pdf", "xlsx", "zip"]);
    }
}
