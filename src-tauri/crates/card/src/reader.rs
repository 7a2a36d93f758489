//! Readers as the app sees them, whatever is behind: the PC/SC readers of the PC, or the virtual
//! reader of デモ mode. Events describe what happened on them, for the UI to show live.

use serde::Serialize;
use specta::Type;

use crate::apdu::Command;
use crate::error::{CardError, ErrorView};
use crate::transport::Transport;

/// One flow with a card: a few APDUs that belong together (the check, or the 基本4情報 read).
pub type Flow<'a> = dyn FnMut(&mut dyn Transport) -> Result<(), CardError> + 'a;

/// A set of readers the app can connect through.
///
/// There is no way to get a connection that outlives a flow: [`Readers::run_flow`] connects SHARED,
/// holds a PC/SC transaction for the whole flow (no other program's APDU can slip between ours),
/// then ends it and releases the card. When the flow sent a PIN, the card is reset on the way out,
/// so its verified state is dropped before any other program can connect.
pub trait Readers: Send + Sync {
    /// The readers attached now, with their state.
    fn readers(&self) -> Result<Vec<ReaderState>, CardError>;
    /// Runs `flow` on the card on `reader` as described above. The flow's own error wins over an
    /// error while releasing.
    fn run_flow(&self, reader: &str, flow: &mut Flow<'_>) -> Result<(), CardError>;
}

/// Runs `flow` on the card on `reader` (see [`Readers::run_flow`]) and returns what it returns.
pub fn run<R>(
    readers: &(impl Readers + ?Sized),
    reader: &str,
    flow: impl FnOnce(&mut dyn Transport) -> Result<R, CardError>,
) -> Result<R, CardError> {
    let mut flow = Some(flow);
    let mut out = None;
    readers.run_flow(reader, &mut |transport| {
        if let Some(f) = flow.take() {
            out = Some(f(transport)?);
        }
        Ok(())
    })?;
    out.ok_or_else(|| CardError::Reader("読み取りが行われませんでした".into()))
}

/// Wraps a flow's transport and remembers whether a PIN went through it, so the reader knows to
/// reset the card at the end. Kept here so every reader decides the same way.
pub(crate) struct PinWatch<T> {
    inner: T,
    sent_pin: bool,
}

impl<T: Transport> PinWatch<T> {
    pub(crate) fn new(inner: T) -> PinWatch<T> {
        PinWatch { inner, sent_pin: false }
    }

    /// True when a VERIFY carrying a PIN was sent (whatever the card answered).
    pub(crate) fn sent_pin(&self) -> bool {
        self.sent_pin
    }
}

impl<T: Transport> Transport for PinWatch<T> {
    fn transmit(&mut self, command: &Command) -> Result<Vec<u8>, CardError> {
        // Set before sending: a PIN that reached the card and whose answer was lost still counts.
        self.sent_pin |= command.sends_pin();
        self.inner.transmit(command)
    }
}

/// A reader and what is on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReaderState {
    /// The name PC/SC gives it
    pub name: String,
    /// A card is on it
    pub card_present: bool,
    /// Another program holds it exclusively
    pub in_use: bool,
}

/// Something that happened on the readers, pushed to the UI as it happens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum CardEvent {
    /// The list of readers changed (one attached or detached); carries the new list
    ReadersChanged {
        /// Every reader now attached
        readers: Vec<ReaderState>,
    },
    /// A card was placed on a reader
    CardInserted {
        /// Which reader
        reader: String,
    },
    /// The card was taken off a reader
    CardRemoved {
        /// Which reader
        reader: String,
    },
    /// Another program took the reader exclusively (or released it: `in_use` false)
    ReaderInUse {
        /// Which reader
        reader: String,
        /// Held by another program now
        in_use: bool,
    },
    /// The PC/SC service stopped or cannot be reached; monitoring retries by itself
    ServiceUnavailable {
        /// Why: the code and the Japanese message
        error: ErrorView,
    },
    /// The PC/SC service is back after [`CardEvent::ServiceUnavailable`]; reads work again
    ServiceRestored,
    /// Reads moved to other readers: a real reader appeared while in デモ mode
    ModeChanged {
        /// Where reads go now
        mode: crate::service::Mode,
    },
}
