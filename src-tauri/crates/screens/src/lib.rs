//! The screens' use cases: what each screen shows and what each of its saves decides, as plain
//! functions of the store, the data in use (the guide's knowledge, the programs' board) and
//! today. The Tauri host only hands them its state and maps their errors; the rules live here
//! and in the domain crates, where Rust tests see them, and the UI's fakes replay what these
//! functions return (recorded by this crate's tests).
//!
//! One module per screen. Time is passed in (`today`, `now`), never read from the clock here.
#![forbid(unsafe_code)]

pub mod backup;
pub mod daily;
mod error;
pub mod files;
pub mod grant;
pub mod home;
pub mod patients;
pub mod poster;
pub mod settings;
pub mod startup;
pub mod subsidy;
pub mod wizard;

pub use error::{Error, ScreensErrorCode};
