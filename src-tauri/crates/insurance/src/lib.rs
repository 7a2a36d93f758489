//! The 資格情報 (insurance eligibility) of a patient, as the official マイナ資格確認アプリ shows
//! it. That app offers no export and screenshots are not to be kept, so staff type the fields once
//! here, or paste the text they copied; from here they go to the レセコン as CSV or through the
//! clipboard. Nothing here talks to the eligibility system: it checks and carries what staff give.
//!
//! - [`check_digit`]: the 保険者番号's 検証番号 (MHLW 保険者番号設定要領).
//! - [`fields`]: the form, checked field by field (全角 and 和暦 accepted), an expired card warned.
//! - [`paste`]: label/value text read line by line; what was understood is shown beside its line,
//!   unknown labels are kept, nothing is decided for staff.
//! - [`export`]: the day's checks as CSV (UTF-8 with BOM, or Shift_JIS), one patient for the
//!   clipboard in a 柔整 レセコン's order.

#![forbid(unsafe_code)]

pub mod check_digit;
mod error;
pub mod export;
pub mod fields;
pub mod paste;

pub use error::{InsuranceError, InsuranceErrorCode, Problem};
