//! The card layer: PC/SC readers and the My Number card.
//!
//! - [`transport::Transport`] is all the application logic needs from a reader; the real reader
//!   ([`pcsc_reader`]) and the virtual card ([`virtual_card`], [`virtual_reader`]) implement it.
//! - [`jpki`] holds the logic, written once: [`jpki::check_card`] (no PIN: is it a My Number card,
//!   the 利用者証明用電子証明書's validity, PIN tries left) and [`jpki::read_basic4`] (one VERIFY
//!   of the PIN the patient typed).
//!
//! Invariants: the 個人番号 EF is never selected (there is no [`apdu::File`] for it); a PIN is sent
//! at most once per typed PIN and wiped after; readers are connected SHARED, each flow holds a
//! PC/SC transaction and ends by releasing the card, with a reset when a PIN was verified.
//!
//! Bytes here come from a stranger (any card placed on the reader): indexing that could panic is
//! denied in this crate (its unit tests may index what they built).

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]
// Domain code has no business with raw pointers: the workspace only denies unsafe code (the
// host's Windows message box allows it once); here it stays forbidden.
#![forbid(unsafe_code)]

pub mod apdu;
pub mod basic4;
pub mod cert;
mod error;
pub mod jpki;
pub mod pcsc_reader;
pub mod pin;
pub mod reader;
pub mod service;
pub mod tlv;
pub mod transport;
pub mod virtual_card;
pub mod virtual_reader;
#[cfg(feature = "vpcd")]
pub mod vpcd;

pub use error::{CardError, CardErrorCode, ErrorView};
