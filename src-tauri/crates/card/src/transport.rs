//! The one thing the application logic needs from a reader: send a command APDU, get the
//! response. The real reader (`pcsc`) and the virtual card both implement it, so the JPKI logic
//! above is written once and tested on the same path the clinic uses.
//!
//! It takes an [`apdu::Command`], never raw bytes: commands are built only in `apdu.rs`, which
//! has no way to name the 個人番号 EF, so no flow can ever select it.

use crate::apdu::Command;
use crate::error::CardError;

/// A connected card, inside one flow (see [`crate::reader::Readers::run`]).
pub trait Transport {
    /// Sends one command APDU and returns the raw response (data followed by SW1 SW2).
    fn transmit(&mut self, command: &Command) -> Result<Vec<u8>, CardError>;
}

impl<T: Transport + ?Sized> Transport for &mut T {
    fn transmit(&mut self, command: &Command) -> Result<Vec<u8>, CardError> {
        (**self).transmit(command)
    }
}

impl<T: Transport + ?Sized> Transport for Box<T> {
    fn transmit(&mut self, command: &Command) -> Result<Vec<u8>, CardError> {
        (**self).transmit(command)
    }
}
