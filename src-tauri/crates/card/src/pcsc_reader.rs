//! The PC/SC readers of the PC, through the `pcsc` crate (pcsclite on Linux, WinSCard on
//! Windows). The clinic's official マイナ資格確認アプリ shares the reader, so every connection is
//! SHARED, holds no transaction while idle, and is released (leaving the card) as soon as the read
//! ends. Monitoring uses `SCardGetStatusChange`, which waits in the service and never locks a reader.

use std::ffi::{CStr, CString};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use pcsc::{Context, Disposition, Protocols, Scope, ShareMode, State};

use crate::error::CardError;
use crate::reader::{CardEvent, Connection, ReaderState, Readers};
use crate::transport::Transport;

/// Maps a PC/SC error to what staff can act on.
pub fn map_error(e: pcsc::Error) -> CardError {
    use pcsc::Error as E;
    match e {
        E::NoReadersAvailable => CardError::NoReader,
        E::NoService | E::ServiceStopped => CardError::ServiceUnavailable,
        E::NoSmartcard => CardError::NoCard,
        E::RemovedCard | E::ResetCard | E::UnpoweredCard => CardError::CardRemoved,
        E::SharingViolation => CardError::ReaderBusy,
        E::UnknownReader | E::ReaderUnavailable => CardError::ReaderGone(String::new()),
        other => CardError::Reader(other.to_string()),
    }
}

/// The PC's PC/SC readers.
pub struct PcscReaders {
    context: Context,
}

impl PcscReaders {
    /// Connects to the PC/SC service. Fails with [`CardError::ServiceUnavailable`] when it is not
    /// running (pcscd; on Windows the "Smart Card" service, SCardSvr).
    pub fn establish() -> Result<PcscReaders, CardError> {
        Ok(PcscReaders { context: Context::establish(Scope::User).map_err(map_error)? })
    }

    fn names(&self) -> Result<Vec<CString>, CardError> {
        match self.context.list_readers_owned() {
            Ok(names) => Ok(names),
            Err(pcsc::Error::NoReadersAvailable) => Ok(Vec::new()),
            Err(e) => Err(map_error(e)),
        }
    }
}

fn state_of(name: &CStr, state: State) -> ReaderState {
    ReaderState {
        name: name.to_string_lossy().into_owned(),
        card_present: state.contains(State::PRESENT),
        in_use: state.contains(State::EXCLUSIVE),
    }
}

impl Readers for PcscReaders {
    fn readers(&self) -> Result<Vec<ReaderState>, CardError> {
        let names = self.names()?;
        if names.is_empty() {
            return Ok(Vec::new());
        }
        let mut states: Vec<pcsc::ReaderState> =
            names.into_iter().map(|n| pcsc::ReaderState::new(n, State::UNAWARE)).collect();
        self.context.get_status_change(Duration::ZERO, &mut states).or_else(ignore_timeout).map_err(map_error)?;
        Ok(states.iter().map(|s| state_of(s.name(), s.event_state())).collect())
    }

    fn connect(&self, reader: &str) -> Result<Connection, CardError> {
        let name = CString::new(reader).map_err(|_| CardError::ReaderGone(reader.to_string()))?;
        let card = self.context.connect(&name, ShareMode::Shared, Protocols::ANY).map_err(|e| match map_error(e) {
            CardError::ReaderGone(_) => CardError::ReaderGone(reader.to_string()),
            CardError::CardRemoved => CardError::NoCard,
            other => other,
        })?;
        Ok(Box::new(PcscConnection { card: Some(card) }))
    }
}

/// A shared connection to a card; released with `LeaveCard` when dropped, so the official app
/// can use the card at once.
pub struct PcscConnection {
    card: Option<pcsc::Card>,
}

impl Transport for PcscConnection {
    fn transmit(&mut self, command: &[u8]) -> Result<Vec<u8>, CardError> {
        let card = self.card.as_ref().ok_or(CardError::CardRemoved)?;
        let mut buffer = [0u8; pcsc::MAX_BUFFER_SIZE_EXTENDED];
        let response = card.transmit(command, &mut buffer).map_err(map_error)?;
        Ok(response.to_vec())
    }
}

impl Drop for PcscConnection {
    fn drop(&mut self) {
        if let Some(card) = self.card.take()
            && let Err((_, e)) = card.disconnect(Disposition::LeaveCard)
        {
            tracing::warn!("releasing the card: {e}");
        }
    }
}

/// Watches the readers on its own thread and calls back on every change. Blocks in
/// `SCardGetStatusChange` (no polling loop); stops when dropped.
pub struct Monitor {
    stop: Arc<AtomicBool>,
    context: Option<Context>,
    thread: Option<JoinHandle<()>>,
}

impl Monitor {
    /// Starts watching. When the service is down it says so once, then retries every few seconds.
    pub fn start(on_event: impl Fn(CardEvent) + Send + 'static) -> Monitor {
        let stop = Arc::new(AtomicBool::new(false));
        let (context_tx, context_rx) = std::sync::mpsc::channel::<Context>();
        let thread_stop = stop.clone();
        let thread = std::thread::Builder::new()
            .name("card-monitor".into())
            .spawn(move || watch(&thread_stop, &context_tx, &on_event))
            .ok();
        // The first context, to cancel a wait when stopping. Later ones are cancelled by `stop`
        // being checked after each (bounded) wait.
        let context = context_rx.recv_timeout(Duration::from_secs(2)).ok();
        Monitor { stop, context, thread }
    }
}

impl Drop for Monitor {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(ctx) = &self.context {
            let _ = ctx.cancel();
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// How long one wait may block: bounds how late a stop or a restarted service is noticed.
const WAIT: Duration = Duration::from_secs(5);

fn watch(stop: &AtomicBool, context_tx: &std::sync::mpsc::Sender<Context>, on_event: &dyn Fn(CardEvent)) {
    let mut service_down_reported = false;
    while !stop.load(Ordering::SeqCst) {
        let context = match Context::establish(Scope::User) {
            Ok(c) => c,
            Err(e) => {
                if !service_down_reported {
                    on_event(CardEvent::ServiceUnavailable { message: map_error(e).to_string() });
                    service_down_reported = true;
                }
                sleep_unless_stopped(stop, Duration::from_secs(3));
                continue;
            }
        };
        service_down_reported = false;
        let _ = context_tx.send(context.clone());
        if let Err(e) = watch_with(&context, stop, on_event)
            && !stop.load(Ordering::SeqCst)
        {
            on_event(CardEvent::ServiceUnavailable { message: e.to_string() });
            service_down_reported = true;
            sleep_unless_stopped(stop, Duration::from_secs(1));
        }
    }
}

fn sleep_unless_stopped(stop: &AtomicBool, total: Duration) {
    let step = Duration::from_millis(100);
    let mut waited = Duration::ZERO;
    while waited < total && !stop.load(Ordering::SeqCst) {
        std::thread::sleep(step);
        waited += step;
    }
}

/// Waits for changes on one context until it fails or we are stopped.
fn watch_with(context: &Context, stop: &AtomicBool, on_event: &dyn Fn(CardEvent)) -> Result<(), CardError> {
    let mut states = vec![pcsc::ReaderState::new(pcsc::PNP_NOTIFICATION(), State::UNAWARE)];
    let mut first = true;
    loop {
        // Match the watched list to the readers attached now.
        let names = match context.list_readers_owned() {
            Ok(n) => n,
            Err(pcsc::Error::NoReadersAvailable) => Vec::new(),
            Err(e) => return Err(map_error(e)),
        };
        let before = states.len();
        states.retain(|s| s.name() == pcsc::PNP_NOTIFICATION() || names.iter().any(|n| n.as_c_str() == s.name()));
        let mut changed = states.len() != before;
        for name in names {
            if !states.iter().any(|s| s.name() == name.as_c_str()) {
                states.push(pcsc::ReaderState::new(name, State::UNAWARE));
                changed = true;
            }
        }
        if changed || first {
            // Learn the current state of new readers without reporting it as an event.
            context.get_status_change(Duration::ZERO, &mut states).or_else(ignore_timeout).map_err(map_error)?;
            for s in states.iter_mut() {
                s.sync_current_state();
            }
            on_event(CardEvent::ReadersChanged {
                readers: states
                    .iter()
                    .filter(|s| s.name() != pcsc::PNP_NOTIFICATION())
                    .map(|s| state_of(s.name(), s.current_state()))
                    .collect(),
            });
            first = false;
        }
        if stop.load(Ordering::SeqCst) {
            return Ok(());
        }
        match context.get_status_change(WAIT, &mut states) {
            Ok(()) => {}
            Err(pcsc::Error::Timeout) => continue,
            Err(pcsc::Error::Cancelled) => return Ok(()),
            Err(e) => return Err(map_error(e)),
        }
        for s in states.iter_mut() {
            if s.name() == pcsc::PNP_NOTIFICATION() {
                s.sync_current_state();
                continue;
            }
            let (old, new) = (s.current_state(), s.event_state());
            let reader = s.name().to_string_lossy().into_owned();
            if !old.contains(State::PRESENT) && new.contains(State::PRESENT) {
                on_event(CardEvent::CardInserted { reader: reader.clone() });
            } else if old.contains(State::PRESENT) && !new.contains(State::PRESENT) {
                on_event(CardEvent::CardRemoved { reader: reader.clone() });
            }
            if old.contains(State::EXCLUSIVE) != new.contains(State::EXCLUSIVE) {
                on_event(CardEvent::ReaderInUse { reader, in_use: new.contains(State::EXCLUSIVE) });
            }
            s.sync_current_state();
        }
    }
}

fn ignore_timeout(e: pcsc::Error) -> Result<(), pcsc::Error> {
    if e == pcsc::Error::Timeout { Ok(()) } else { Err(e) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_reader_trouble_has_its_own_message() {
        use pcsc::Error as E;
        assert_eq!(map_error(E::NoService), CardError::ServiceUnavailable);
        assert_eq!(map_error(E::ServiceStopped), CardError::ServiceUnavailable);
        assert_eq!(map_error(E::NoReadersAvailable), CardError::NoReader);
        assert_eq!(map_error(E::SharingViolation), CardError::ReaderBusy);
        assert_eq!(map_error(E::RemovedCard), CardError::CardRemoved);
        assert_eq!(map_error(E::NoSmartcard), CardError::NoCard);
        assert!(matches!(map_error(E::ReaderUnavailable), CardError::ReaderGone(_)));
        let service = CardError::ServiceUnavailable.to_string();
        if cfg!(windows) {
            assert!(service.contains("Smart Card") && service.contains("SCardSvr"), "{service}");
        } else {
            assert!(service.contains("pcscd"), "{service}");
        }
        assert_ne!(service, CardError::NoReader.to_string());
    }

    /// On a PC without the smart-card service (Wine has none), connecting fails with a typed error
    /// and a message staff can act on, never a crash.
    #[test]
    fn a_missing_service_is_a_typed_error() {
        match PcscReaders::establish() {
            Ok(readers) => {
                let _ = readers.readers();
            }
            Err(e) => assert!(
                matches!(e, CardError::ServiceUnavailable | CardError::NoReader | CardError::Reader(_)),
                "{e:?}"
            ),
        }
    }
}
