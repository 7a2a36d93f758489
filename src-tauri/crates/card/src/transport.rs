//! The one thing the application logic needs from a reader: send a command APDU, get the
//! response. The real reader (`pcsc`) and the virtual card both implement it, so the JPKI logic
//! above is written once and tested on the same path the clinic uses.

use crate::error::CardError;

/// A connected card.
pub trait Transport {
    /// Sends one command APDU and returns the raw response (data followed by SW1 SW2).
    fn transmit(&mut self, command: &[u8]) -> Result<Vec<u8>, CardError>;
}

impl<T: Transport + ?Sized> Transport for &mut T {
    fn transmit(&mut self, command: &[u8]) -> Result<Vec<u8>, CardError> {
        (**self).transmit(command)
    }
}

impl<T: Transport + ?Sized> Transport for Box<T> {
    fn transmit(&mut self, command: &[u8]) -> Result<Vec<u8>, CardError> {
        (**self).transmit(command)
    }
}
