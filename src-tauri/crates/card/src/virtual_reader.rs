//! The in-process virtual reader: the virtual card on a reader that lives in memory. Used by the
//! unit tests and by the app's デモ mode when no real reader is attached. It can simulate what a
//! clinic meets: the card lifted off at any APDU, another program holding the reader.

use std::sync::{Arc, Mutex, MutexGuard};

use crate::apdu::Command;
use crate::error::CardError;
use crate::reader::{CardEvent, Flow, PinWatch, ReaderState, Readers};
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

    /// Another program on the PC, after ours released the card: sends raw APDUs as they come (a
    /// stranger is not bound by [`crate::apdu`]) and returns the card's answers. Tests use it to
    /// prove that what the app leaves behind gives nothing away.
    pub fn as_another_program(&self, apdus: &[&[u8]]) -> Result<Vec<Vec<u8>>, CardError> {
        let mut slot = self.slot();
        if slot.connections > 0 {
            // Our flow holds a transaction: another program waits until it ends.
            return Err(CardError::ReaderBusy);
        }
        let card = slot.card.as_mut().ok_or(CardError::NoCard)?;
        Ok(apdus.iter().map(|apdu| card.answer(apdu)).collect())
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

    /// As the PC/SC reader does: one flow at a time (the transaction), the card reset at the end
    /// when a PIN was sent, released after. A card on the reader keeps its state between flows
    /// (a real card is not powered down when a program disconnects with "leave card").
    fn run_flow(&self, reader: &str, flow: &mut Flow<'_>) -> Result<(), CardError> {
        if reader != VIRTUAL_READER_NAME {
            return Err(CardError::ReaderGone(reader.to_string()));
        }
        {
            let mut slot = self.slot();
            if slot.busy {
                return Err(CardError::ReaderBusy);
            }
            if slot.card.is_none() {
                return Err(CardError::NoCard);
            }
            slot.connections += 1;
        }
        let mut transport = PinWatch::new(VirtualConnection { reader: self.clone() });
        // As the PC/SC reader does: a panic in the flow still resets the card before it goes on.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| flow(&mut transport)));
        let mut slot = self.slot();
        if (transport.sent_pin() || outcome.is_err())
            && let Some(card) = slot.card.as_mut()
        {
            card.reset();
        }
        slot.connections = slot.connections.saturating_sub(1);
        drop(slot);
        match outcome {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

/// The card on the virtual reader inside one flow.
struct VirtualConnection {
    reader: VirtualReader,
}

impl Transport for VirtualConnection {
    fn transmit(&mut self, command: &Command) -> Result<Vec<u8>, CardError> {
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
            Some(card) => Ok(card.answer(command.as_bytes())),
            None => Err(CardError::CardRemoved),
        }
    }
}
