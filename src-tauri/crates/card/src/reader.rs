//! Readers as the app sees them, whatever is behind: the PC/SC readers of the PC, or the virtual
//! reader of デモ mode. Events describe what happened on them, for the UI to show live.

use serde::Serialize;
use specta::Type;

use crate::error::CardError;
use crate::transport::Transport;

/// A connected card that can be sent APDUs from any thread.
pub type Connection = Box<dyn Transport + Send>;

/// A set of readers the app can connect through.
pub trait Readers: Send + Sync {
    /// The readers attached now, with their state.
    fn readers(&self) -> Result<Vec<ReaderState>, CardError>;
    /// Connects (shared) to the card on `reader`. Dropping the connection releases the card.
    fn connect(&self, reader: &str) -> Result<Connection, CardError>;
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
        /// Why, in Japanese
        message: String,
    },
}
