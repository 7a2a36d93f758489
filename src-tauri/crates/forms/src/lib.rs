//! The paperwork of the 助成金 (equipment subsidy) application, made on the clinic's PC with no
//! network and no office software: the 領収書内訳書 as PDF and .xlsx, the 導入チェックリスト as
//! PDF, an SVG preview of each page for the app, receipt and passbook photos turned into PDF
//! pages, and the upload set checked, zipped or saved to a folder.
//!
//! Every page is laid out once as a small model (text runs measured with the bundled IPAex
//! Gothic, rules and shading, in millimetres on A4) and drawn twice, to PDF and to SVG, so the
//! preview staff approve is the sheet that prints. PDFs embed only the glyphs they use.
//!
//! The data comes evaluated from the host (`programs::purchases` decides eligibility and the
//! claim); this crate only presents it, and nothing here panics on what staff typed or picked:
//! every failure is a [`FormsError`] with a Japanese message naming the file.

// Paperwork has no business with raw pointers: the workspace only denies unsafe code (the
// host's Windows message box allows it once); here it stays forbidden.
#![forbid(unsafe_code)]

mod breakdown;
mod checklist;
mod error;
mod font;
mod layout;
mod model;
mod pdf;
pub mod photos;
mod poster;
pub mod print;
mod recovery;
mod report;
mod svg;
mod table;
pub mod upload;
mod xlsx;

pub use error::{FormsError, FormsErrorCode};
pub use model::{
    Breakdown, Checklist, ChecklistRow, GrantReport, Photo, ReceiptSheet, ReportDay, ReportMonth, ReportPhoto,
    ReportRequirement, SheetLine,
};
pub use pdf::Made;
pub use poster::{Audience, PosterFormat, PosterSheet};
pub use recovery::RecoverySheet;

/// The 領収書内訳書 as a PDF (A4 portrait, as many pages as the lines need).
pub fn breakdown_pdf(sheet: &Breakdown, made: Made) -> Result<Vec<u8>, FormsError> {
    let title = format!("{} {}", breakdown::TITLE, sheet.clinic_name);
    pdf::render(&title, &breakdown::pages(sheet), made)
}

/// The 領収書内訳書 as an .xlsx with the same content on one sheet, printable on A4.
pub fn breakdown_xlsx(sheet: &Breakdown, made: Made) -> Result<Vec<u8>, FormsError> {
    xlsx::build(sheet, made)
}

/// The 導入チェックリスト as a PDF.
pub fn checklist_pdf(list: &Checklist, made: Made) -> Result<Vec<u8>, FormsError> {
    let title = format!("{} {}", checklist::TITLE, list.clinic_name);
    pdf::render(&title, &checklist::pages(list), made)
}

/// The 内訳書's pages as SVG documents, exactly as [`breakdown_pdf`] prints them.
pub fn breakdown_preview(sheet: &Breakdown) -> Vec<String> {
    svg::render(&breakdown::pages(sheet))
}

/// The checklist's pages as SVG documents, exactly as [`checklist_pdf`] prints them.
pub fn checklist_preview(list: &Checklist) -> Vec<String> {
    svg::render(&checklist::pages(list))
}

/// One A4 page per photo, upright and shrunk (see [`photos::prepare`]), in the order given.
pub fn photos_pdf(photos: &[Photo], made: Made) -> Result<Vec<u8>, FormsError> {
    photos::pdf(photos, made)
}

/// The patient poster or flyers as a PDF (one A4 page).
pub fn poster_pdf(sheet: &PosterSheet, made: Made) -> Result<Vec<u8>, FormsError> {
    pdf::render(&poster::title(sheet), &poster::pages(sheet), made)
}

/// The poster's page as SVG, exactly as [`poster_pdf`] prints it.
pub fn poster_preview(sheet: &PosterSheet) -> Vec<String> {
    svg::render(&poster::pages(sheet))
}

/// The 協力金's evidence report as a PDF: text pages, then one page per photo of the poster.
pub fn grant_report_pdf(report: &GrantReport, made: Made) -> Result<Vec<u8>, FormsError> {
    let title = format!("{} {}", report::TITLE, report.clinic_name);
    pdf::render(&title, &report::pages(report)?, made)
}

/// The report's pages as SVG documents (photos included), exactly as [`grant_report_pdf`] prints them.
pub fn grant_report_preview(report: &GrantReport) -> Result<Vec<String>, FormsError> {
    Ok(svg::render(&report::pages(report)?))
}

/// The 「バックアップの復元コード」 sheet for the clinic's safe, as a PDF (one A4 page).
pub fn recovery_sheet_pdf(sheet: &RecoverySheet, made: Made) -> Result<Vec<u8>, FormsError> {
    pdf::render(recovery::TITLE, &recovery::pages(sheet), made)
}
