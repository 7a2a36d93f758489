//! The in-process virtual reader: the virtual card on a reader that lives in memory. Used by the
//! unit tests and by the app's デモ mode when no real reader is attached. It can simulate what a
//! clinic meets: the card lifted off at any APDU, another program holding the reader.

use std::sync::{Arc, Mutex, MutexGuard};

use crate::error::CardError;
use crate::reader::{CardEvent, Connection, ReaderState, Readers};
use crate::transport::Transport;
use crate::virtual_card::VirtualCard;

/// The name the virtual reader shows, so staff can never mistake it for a real one.
pub const VIRTUAL_READER_NAME: &str = "デモ用の仮想カードリーダー";

type Listener = Box<dyn Fn(CardEvent) + Send>;

#[derive(Default)]
struct Slot {
    card: Option<VirtualCard>,
    /// Lift the card off after this many more APDUs.
    remove_after: Option<u32>,
    busy: bool,
    connections: u32,
    listeners: Vec<Listener>,
}

/// A reader with room for one virtual card. Clones share the same reader.
#[derive(Clone, Default)]
pub struct VirtualReader {
    slot: Arc<Mutex<Slot>>,
}

impl VirtualReader {
    /// An empty reader.
    pub fn new() -> VirtualReader {
        VirtualReader::default()
    }

    fn slot(&self) -> MutexGuard<'_, Slot> {
        self.slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Calls `listener` for every event on this reader (the app forwards them to the UI).
    pub fn subscribe(&self, listener: impl Fn(CardEvent) + Send + 'static) {
        self.slot().listeners.push(Box::new(listener));
    }

    fn emit(slot: &Slot, event: CardEvent) {
        for l in &slot.listeners {
            l(event.clone());
        }
    }

    /// Places a card on the reader (replacing any card there).
    pub fn insert(&self, mut card: VirtualCard) {
        card.reset();
        let mut slot = self.slot();
        slot.card = Some(card);
        slot.remove_after = None;
        Self::emit(&slot, CardEvent::CardInserted { reader: VIRTUAL_READER_NAME.into() });
    }

    /// Takes the card off; returns it so a test can read its trace.
    pub fn remove(&self) -> Option<VirtualCard> {
        let mut slot = self.slot();
        let card = slot.card.take();
        if card.is_some() {
            Self::emit(&slot, CardEvent::CardRemoved { reader: VIRTUAL_READER_NAME.into() });
        }
        card
    }

    /// Lifts the card off just before the `n`-th next APDU reaches it (0 = the very next one).
    pub fn remove_card_at_apdu(&self, n: u32) {
        self.slot().remove_after = Some(n);
    }

    /// Simulates another program (the official app) holding the reader exclusively.
    pub fn set_busy(&self, busy: bool) {
        let mut slot = self.slot();
        slot.busy = busy;
        Self::emit(&slot, CardEvent::ReaderInUse { reader: VIRTUAL_READER_NAME.into(), in_use: busy });
    }

    /// Runs `f` on the card on the reader (to read its trace or tries in tests).
    pub fn with_card<R>(&self, f: impl FnOnce(&VirtualCard) -> R) -> Option<R> {
        self.slot().card.as_ref().map(f)
    }

    /// Connections open now: 0 means the reader is released.
    pub fn open_connections(&self) -> u32 {
        self.slot().connections
    }

    fn state(&self) -> ReaderState {
        let slot = self.slot();
        ReaderState { name: VIRTUAL_READER_NAME.into(), card_present: slot.card.is_some(), in_use: slot.busy }
    }
}

impl Readers for VirtualReader {
    fn readers(&self) -> Result<Vec<ReaderState>, CardError> {
        Ok(vec![self.state()])
    }

    fn connect(&self, reader: &str) -> Result<Connection, CardError> {
        if reader != VIRTUAL_READER_NAME {
            return Err(CardError::ReaderGone(reader.to_string()));
        }
        let mut slot = self.slot();
        if slot.busy {
            return Err(CardError::ReaderBusy);
        }
        let Some(card) = slot.card.as_mut() else {
            return Err(CardError::NoCard);
        };
        card.reset();
        slot.connections += 1;
        Ok(Box::new(VirtualConnection { reader: self.clone() }))
    }
}

/// A connection to the card on the virtual reader; released when dropped.
pub struct VirtualConnection {
    reader: VirtualReader,
}

impl Transport for VirtualConnection {
    fn transmit(&mut self, command: &[u8]) -> Result<Vec<u8>, CardError> {
        let mut slot = self.reader.slot();
        match slot.remove_after {
            Some(0) => {
                slot.remove_after = None;
                slot.card = None;
                VirtualReader::emit(&slot, CardEvent::CardRemoved { reader: VIRTUAL_READER_NAME.into() });
            }
            Some(n) => slot.remove_after = Some(n - 1),
            None => {}
        }
        match slot.card.as_mut() {
            Some(card) => Ok(card.answer(command)),
            None => Err(CardError::CardRemoved),
        }
    }
}

impl Drop for VirtualConnection {
    fn drop(&mut self) {
        let mut slot = self.reader.slot();
        slot.connections = slot.connections.saturating_sub(1);
    }
}
