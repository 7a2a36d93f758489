//! 助成金: the purchases and receipts judged by the rules in use, the checklist, the status
//! (申請準備完了 only with the checklist complete), the 領収書内訳書 and the upload set. Rules
//! come from `programs` (the data in use, maybe updated), records from `store`, documents from
//! `forms`; the host only opens the dialogs and runs the files' work off the async threads.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use jptext::FieldIssue;
use programs::paperwork::{PassbookVisible, Readiness};
use programs::purchases::{Evaluation, ItemCategory, LineResult};
use programs::{Program, ProgramStatus, RuleEffect};
use serde::{Deserialize, Serialize};
use specta::Type;
use store::Store;
use store::subsidy::{Application, ApplicationStatus, DocumentKind, Receipt};

use crate::Error;

/// The 助成金 the screen works on: the newest subsidy in the data in use.
pub fn subsidy_program(catalog: &programs::Catalog) -> Result<Program, Error> {
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
    /// No source says whether its category is paid for: not counted, shown 要確認 (not 対象外)
    pub to_check: bool,
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
    /// No source says whether the program pays for it (そのほか): 要確認, not 対象外
    pub to_check: bool,
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
    /// The clinic's applications when it makes two (柔整 and あはき registered separately, each
    /// with its own 登録記号番号); empty for one
    pub applicants: Vec<store::subsidy::ApplicantOption>,
    /// The application this screen's data is of
    pub applicant: store::subsidy::Applicant,
    /// The program data's rule that a clinic registered twice applies twice, with its source and
    /// flag, said beside the choice
    pub registration_rule: Option<programs::RuleView>,
    /// The portal's 助成金 documents (its own 領収書内訳書 among them), beside the app's sheet
    pub documents_link: Option<guide::DocLink>,
    /// The program's rules about the application itself (one application for everything, no
    /// earlier applicant), each with its source and flag, said beside the checklist
    pub application_rules: Vec<programs::RuleView>,
    /// The one status the application may move on to (申請準備完了 from 準備中, through the
    /// checklist), `None` after 入金済: the screen offers only this move forward
    pub next_status: Option<ApplicationStatus>,
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

/// The clinic's applications and the one the screen works on; `rule` is the program data's
/// [`RuleEffect::PerRegistration`] rule that makes two of them.
struct Choice {
    made: Vec<store::subsidy::ApplicantOption>,
    chosen: store::subsidy::ApplicantOption,
    rule: Option<String>,
}

/// Two applications only while the program data says a clinic registered twice applies twice.
async fn choice(store: &Store, program: &Program) -> Result<Choice, Error> {
    let rule = program.rules.iter().find(|r| r.effect == RuleEffect::PerRegistration).map(|r| r.id.clone());
    let mut made = store::subsidy::applicants(store.clinic_profile().await?.as_ref());
    if rule.is_none() {
        made.truncate(1);
    }
    let current = store.subsidy_applicant().await?;
    let chosen = made.iter().find(|a| a.applicant == current).or(made.first()).cloned().unwrap_or(
        store::subsidy::ApplicantOption {
            applicant: store::subsidy::Applicant::Main,
            practice: String::new(),
            registration_number: String::new(),
        },
    );
    Ok(Choice { made, chosen, rule })
}

/// Chooses the application the screen works on (a clinic registered separately for 柔整 and
/// あはき), then its data.
pub async fn choose_applicant(
    store: &Store,
    catalog: &programs::Catalog,
    knowledge: &guide::Knowledge,
    applicant: store::subsidy::Applicant,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<SubsidyOverview, Error> {
    let actor = store.actor().await?;
    store.set_subsidy_applicant(applicant, &actor, now).await?;
    overview(store, catalog, knowledge, today).await
}

async fn gather(store: &Store, catalog: &programs::Catalog, today: NaiveDate) -> Result<Gathered, Error> {
    let program = subsidy_program(catalog)?;
    let receipts = store.subsidy_receipts().await?;
    let application = store.subsidy_application(&program.id).await?;
    let documents = store.subsidy_documents().await?;
    let store::subsidy::paperwork::Judged { evaluation, readiness } =
        store::subsidy::paperwork::judge(&program, &receipts, &documents, &application, today)
            .ok_or_else(|| programs::ProgramsError::NoClaim(program.name.clone()))?;
    let passbook_documents: Vec<_> = documents.into_iter().filter(|d| d.kind == DocumentKind::Passbook).collect();
    Ok(Gathered { program, receipts, evaluation, application, passbook_documents, readiness })
}

/// The judgement of line `p`, found by its id (never by position: a line left out of the
/// evaluation would shift every later one onto the wrong line).
fn result_of<'a>(evaluation: &'a Evaluation, p: &store::subsidy::Purchase) -> Result<&'a LineResult, Error> {
    evaluation
        .lines
        .iter()
        .find(|l| l.id == p.id)
        .ok_or_else(|| store::StoreError::CorruptData(format!("品目 {} の判定がありません", p.id)).into())
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
    choice: Choice,
    board: ProgramStatus,
    data_as_of_text: String,
    today: NaiveDate,
    knowledge: &guide::Knowledge,
) -> Result<SubsidyOverview, Error> {
    let receipts = g
        .receipts
        .iter()
        .map(|r| {
            let lines = r
                .purchases
                .iter()
                .map(|p| {
                    let result = result_of(&g.evaluation, p)?;
                    Ok(LineView {
                        purchase: p.clone(),
                        category_label: p.category.label().to_string(),
                        amount_yen: yen(result.amount_yen),
                        eligible: result.eligible,
                        to_check: result.to_check,
                        reason: result.reason.clone(),
                        warning: reader_warning(p, knowledge),
                    })
                })
                .collect::<Result<Vec<LineView>, Error>>()?;
            Ok(ReceiptView {
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
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let items = g.program.rules.iter().find(|r| matches!(r.effect, RuleEffect::EligibleItems { .. }));
    let about_applying: Vec<&str> = g
        .program
        .rules
        .iter()
        .filter(|r| matches!(r.effect, RuleEffect::SingleApplication | RuleEffect::ExcludesEarlierApplicants))
        .map(|r| r.id.as_str())
        .collect();
    let application_rules = board.rules.iter().filter(|r| about_applying.contains(&r.id.as_str())).cloned().collect();
    let registration_rule = board.rules.iter().find(|r| choice.rule.as_deref() == Some(r.id.as_str())).cloned();
    Ok(SubsidyOverview {
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
        next_status: g.application.status.next(),
        application_rules,
        registration_rule,
        applicants: if choice.made.len() > 1 { choice.made } else { Vec::new() },
        applicant: choice.chosen.applicant,
        documents_link: knowledge.link(guide::links::SUBSIDY_DOCUMENTS).cloned(),
        application: g.application,
        passbook_documents: g.passbook_documents,
        categories: ItemCategory::ALL
            .iter()
            .map(|c| CategoryOption {
                id: *c,
                label: c.label().to_string(),
                eligible: items.is_some_and(|r| programs::purchases::eligible(&r.effect, *c)),
                to_check: items.is_some_and(|r| programs::purchases::covers(&r.effect, *c).is_none()),
            })
            .collect(),
        upload_formats: upload_rules(&g.program).allowed_extensions.iter().map(|e| format!(".{e}")).collect(),
        today,
    })
}

/// The screen's data for `today`: the program's state that day, every 領収書 judged, the checklist.
pub async fn overview(
    store: &Store,
    catalog: &programs::Catalog,
    knowledge: &guide::Knowledge,
    today: NaiveDate,
) -> Result<SubsidyOverview, Error> {
    let g = gather(store, catalog, today).await?;
    let board = catalog.board(today);
    let status = board
        .find(&g.program.id)
        .cloned()
        .ok_or_else(|| programs::ProgramsError::UnknownProgram(g.program.id.clone()))?;
    let choice = choice(store, &g.program).await?;
    overview_of(g, choice, status, board.as_of_text, today, knowledge)
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

/// Refuses, as a 領収書's copy, a file that does not prove payment, with the reason in the
/// portal's terms (a passbook copy is never refused here).
pub fn refuse_non_receipt(kind: DocumentKind, proof: ProofKind) -> Result<(), Error> {
    if kind != DocumentKind::Receipt {
        return Ok(());
    }
    let name = match proof {
        ProofKind::Receipt => return Ok(()),
        ProofKind::Estimate => "見積書",
        ProofKind::Invoice => "請求書",
        ProofKind::DeliveryNote => "納品書",
    };
    Err(Error::Validation(vec![FieldIssue::new(
        "proof",
        format!("{name}は領収書の代わりになりません。支払ったことがわかる領収書(またはレシート)を添付してください"),
    )]))
}

/// One PDF from the chosen files, made at `made`: a PDF is kept as it is (one file only), photos
/// become pages. (Blocking: the host runs it off the async threads.)
pub fn document_from_files(paths: &[PathBuf], made: forms::Made) -> Result<(String, Vec<u8>, i32), Error> {
    let name = paths
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join("、");
    let read = |p: &PathBuf| crate::files::read_chosen(p);
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
        .collect::<Result<Vec<_>, Error>>()?;
    let pdf = forms::photos_pdf(&photos, made)?;
    Ok((name, pdf, i32::try_from(photos.len()).unwrap_or(1)))
}

/// Sets the status. 申請準備完了 and later need the checklist complete: a mismatch between a
/// 領収書 and its lines, a missing copy or passbook check blocks it with the list of what is
/// missing. `on` is the day staff typed (和暦, `/`, 全角 read).
pub async fn set_status(
    store: &Store,
    catalog: &programs::Catalog,
    status: ApplicationStatus,
    on: Option<&str>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Application, Error> {
    let program = subsidy_program(catalog)?;
    let on = match on.map(str::trim).filter(|t| !t.is_empty()) {
        None => None,
        Some(text) => Some(jptext::parse_date(text).ok_or_else(|| {
            Error::Validation(vec![FieldIssue::new(
                "statusDate",
                "日付が読み取れません。2026-01-10 や 令和8年1月10日 のように入力してください",
            )])
        })?),
    };
    let actor = store.actor().await?;
    Ok(store.set_subsidy_status(&program, status, on, today, &actor, now).await?)
}

/// Saves whether the clinic applied in an earlier round and what is readable on the passbook.
pub async fn save_answers(
    store: &Store,
    catalog: &programs::Catalog,
    applied_before: bool,
    passbook: PassbookVisible,
    now: DateTime<Utc>,
) -> Result<Application, Error> {
    let program = subsidy_program(catalog)?;
    let actor = store.actor().await?;
    Ok(store.save_subsidy_answers(&program.id, applied_before, passbook, &actor, now).await?)
}

/// The sheet as printed: the clinic as typed, every line judged, the totals.
/// Refused with nothing to print while no 領収書 is recorded.
pub async fn breakdown(
    store: &Store,
    catalog: &programs::Catalog,
    today: NaiveDate,
) -> Result<forms::Breakdown, Error> {
    let g = gather(store, catalog, today).await?;
    if g.receipts.is_empty() {
        return Err(Error::NothingToExport("領収書と品目を登録すると、内訳書を作れます"));
    }
    let profile = store.clinic_profile().await?;
    // Each application's sheet carries its own 登録記号番号 (both, for one registration).
    let registration_number = choice(store, &g.program).await?.chosen.registration_number;
    let receipts = g
        .receipts
        .iter()
        .map(|r| {
            let lines = r
                .purchases
                .iter()
                .map(|p| {
                    let result = result_of(&g.evaluation, p)?;
                    Ok(forms::SheetLine {
                        item: p.item.clone(),
                        category: p.category.label().to_string(),
                        maker_model: p.maker_model.clone(),
                        quantity: u32::try_from(p.quantity).unwrap_or(0),
                        unit_price_yen: p.unit_price_yen,
                        amount_yen: yen(result.amount_yen),
                        bought_on: p.bought_on,
                        eligible: result.eligible,
                        to_check: result.to_check,
                        reason: result.reason.clone(),
                    })
                })
                .collect::<Result<Vec<_>, Error>>()?;
            Ok(forms::ReceiptSheet {
                number: r.number.clone(),
                seller: r.seller.clone(),
                issued_on: r.issued_on,
                total_yen: r.total_yen,
                lines,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
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

/// The format to save the 内訳書 in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SheetFormat {
    /// PDF (to print, to upload)
    Pdf,
    /// Excel (.xlsx), the portal also takes it
    Xlsx,
}

/// The 内訳書 in `format`, made at `made`: its bytes and the name offered in the save dialog.
/// (Blocking: the host runs it off the async threads.)
pub fn breakdown_file(
    sheet: &forms::Breakdown,
    format: SheetFormat,
    made: forms::Made,
) -> Result<crate::daily::FileToSave, Error> {
    let (bytes, name) = match format {
        SheetFormat::Pdf => (forms::breakdown_pdf(sheet, made)?, "領収書内訳書.pdf"),
        SheetFormat::Xlsx => (forms::breakdown_xlsx(sheet, made)?, "領収書内訳書.xlsx"),
    };
    Ok(crate::daily::FileToSave { name: name.into(), bytes })
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

/// The portal's upload rules from the program data.
pub fn upload_rules(program: &Program) -> forms::upload::UploadRules {
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

/// What the upload set is made from, read from the store: each 領収書's copies, the 内訳書, the
/// passbook copies, the portal's rules and what the checklist still misses.
pub struct UploadSources {
    receipt_copies: Vec<Vec<Vec<u8>>>,
    sheet: forms::Breakdown,
    passbook_copies: Vec<Vec<u8>>,
    rules: forms::upload::UploadRules,
    missing: Vec<String>,
    /// 柔整 or あはき when the clinic makes two applications: the folder says whose it is
    practice: Option<String>,
    today: NaiveDate,
}

/// Reads what the upload set needs (refused while no 領収書 is recorded).
pub async fn upload_sources(
    store: &Store,
    catalog: &programs::Catalog,
    today: NaiveDate,
) -> Result<UploadSources, Error> {
    let g = gather(store, catalog, today).await?;
    let sheet = breakdown(store, catalog, today).await?;
    let mut receipt_copies = Vec::with_capacity(g.receipts.len());
    for r in &g.receipts {
        let mut copies = Vec::new();
        for d in &r.documents {
            copies.extend(store.document_pdf(d.id).await?.map(|(_, pdf)| pdf));
        }
        receipt_copies.push(copies);
    }
    let mut passbook_copies = Vec::new();
    for d in &g.passbook_documents {
        passbook_copies.extend(store.document_pdf(d.id).await?.map(|(_, pdf)| pdf));
    }
    let missing = g.readiness.items.iter().flat_map(|i| i.problems.clone()).collect();
    let choice = choice(store, &g.program).await?;
    let practice = (choice.made.len() > 1).then_some(choice.chosen.practice);
    Ok(UploadSources {
        receipt_copies,
        sheet,
        passbook_copies,
        rules: upload_rules(&g.program),
        missing,
        practice,
        today,
    })
}

/// The files to upload, named in the portal's order, each checked: each 領収書's copy, the 内訳書
/// as PDF and .xlsx, the passbook copy.
pub struct UploadFiles {
    files: Vec<forms::upload::UploadFile>,
    checks: Vec<forms::upload::FileCheck>,
    missing: Vec<String>,
    practice: Option<String>,
    today: NaiveDate,
}

/// Makes (at `made`) and checks the files. (Blocking: the host runs it off the async threads.)
pub fn upload_files(sources: UploadSources, made: forms::Made) -> Result<UploadFiles, Error> {
    let numbered = |base: &str, copies: usize, j: usize| {
        if copies > 1 { format!("{base}_{}.pdf", j + 1) } else { format!("{base}.pdf") }
    };
    let mut files = Vec::new();
    for (i, copies) in sources.receipt_copies.into_iter().enumerate() {
        let n = copies.len();
        for (j, pdf) in copies.into_iter().enumerate() {
            files.push(forms::upload::UploadFile {
                name: numbered(&format!("01_領収書{}", i + 1), n, j), bytes: pdf
            });
        }
    }
    files.push(forms::upload::UploadFile {
        name: "02_領収書内訳書.pdf".into(),
        bytes: forms::breakdown_pdf(&sources.sheet, made)?,
    });
    files.push(forms::upload::UploadFile {
        name: "02_領収書内訳書.xlsx".into(),
        bytes: forms::breakdown_xlsx(&sources.sheet, made)?,
    });
    let n = sources.passbook_copies.len();
    for (j, pdf) in sources.passbook_copies.into_iter().enumerate() {
        files.push(forms::upload::UploadFile { name: numbered("03_通帳の写し", n, j), bytes: pdf });
    }
    let checks = forms::upload::check_set(&sources.rules, &files);
    Ok(UploadFiles { files, checks, missing: sources.missing, practice: sources.practice, today: sources.today })
}

/// Writes the set into a folder and a .zip of the same files inside `parent` (the place staff
/// chose), each named for the day.
pub fn write_upload_set(set: UploadFiles, parent: &Path) -> Result<UploadSet, Error> {
    let day = set.today.format("%Y%m%d");
    let base = match &set.practice {
        Some(practice) => format!("助成金申請_{practice}_{day}"),
        None => format!("助成金申請_{day}"),
    };
    let folder = parent.join(&base);
    forms::upload::write_folder(&folder, &set.files)?;
    let zip_name = format!("{base}.zip");
    let zip = forms::upload::UploadFile { name: zip_name.clone(), bytes: forms::upload::build_zip(&set.files)? };
    forms::upload::write_folder(parent, &[zip])?;
    let zip = parent.join(zip_name);
    crate::files::remember(&folder);
    crate::files::remember(&zip);
    Ok(UploadSet {
        folder: folder.display().to_string(),
        zip: zip.display().to_string(),
        all_ok: set.checks.iter().all(|c| c.ok),
        checks: set.checks,
        missing: set.missing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_receipt_proves_payment() {
        assert!(refuse_non_receipt(DocumentKind::Receipt, ProofKind::Receipt).is_ok());
        assert!(refuse_non_receipt(DocumentKind::Passbook, ProofKind::Estimate).is_ok(), "not a 領収書's copy");
        for (proof, name) in
            [(ProofKind::Estimate, "見積書"), (ProofKind::Invoice, "請求書"), (ProofKind::DeliveryNote, "納品書")]
        {
            let Err(e @ Error::Validation(_)) = refuse_non_receipt(DocumentKind::Receipt, proof) else {
                panic!("{name}")
            };
            assert!(e.field_issues()[0].message.starts_with(&format!("{name}は領収書の代わりになりません")), "{e:?}");
        }
    }

    #[test]
    fn the_upload_rules_come_from_the_program_data() {
        let program = subsidy_program(&programs::catalog().expect("bundled")).expect("a 助成金");
        let rules = upload_rules(&program);
        assert_eq!(rules.allowed_extensions, ["pdf", "xlsx", "zip"]);
    }
}
