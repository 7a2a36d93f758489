//! The PC/SC readers of the PC, through the `pcsc` crate (pcsclite on Linux, WinSCard on
//! Windows). The clinic's official マイナ資格確認アプリ shares the reader, so every connection is
//! SHARED, holds a transaction only for the few APDUs of one flow, and is released as soon as the
//! flow ends: with a reset of the card when a PIN was verified (`SCardEndTransaction` with
//! `SCARD_RESET_CARD`), so the 券面事項入力補助AP is never left open to the next program.
//! Monitoring uses `SCardGetStatusChange`, which waits in the service and never locks a reader.
//!
//! The service can go away and come back (pcscd restarts; on Windows the Smart Card service stops
//! when the last reader is unplugged): a context that the service no longer knows is replaced by a
//! new one, both for reads and in the [`Monitor`].

use std::ffi::{CStr, CString};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use pcsc::{Context, Disposition, Protocols, Scope, ShareMode, State};

use crate::apdu::Command;
use crate::error::CardError;
use crate::reader::{CardEvent, Flow, PinWatch, ReaderState, Readers};
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

/// False for the everyday answers about readers and cards; true for anything else, which may mean
/// our context died with the service that made it (pcsc-lite answers a dead daemon's context with
/// no-service, invalid-handle, comm-error or even security-violation, depending on the call).
fn context_may_be_lost(e: pcsc::Error) -> bool {
    use pcsc::Error as E;
    !matches!(
        e,
        E::NoReadersAvailable
            | E::Timeout
            | E::Cancelled
            | E::NoSmartcard
            | E::RemovedCard
            | E::ResetCard
            | E::UnpoweredCard
            | E::UnresponsiveCard
            | E::UnsupportedCard
            | E::SharingViolation
            | E::UnknownReader
            | E::ReaderUnavailable
    )
}

/// A context with the PC/SC service. Whatever the service answers when it cannot give one (pcscd
/// not running: no-service; Windows' Smart Card service stopped; an emulated or broken service:
/// an internal error), what staff can do is the same, so every failure here is
/// [`CardError::ServiceUnavailable`]; the service's own words go to the log.
fn establish_context() -> Result<Context, CardError> {
    Context::establish(Scope::User).map_err(|e| {
        tracing::info!("card: no PC/SC context: {e}");
        CardError::ServiceUnavailable
    })
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The PC's PC/SC readers.
pub struct PcscReaders {
    /// The context in use; replaced when the service restarts.
    context: Mutex<Option<Context>>,
}

impl PcscReaders {
    /// Connects to the PC/SC service. Fails with [`CardError::ServiceUnavailable`] when it is not
    /// running (pcscd; on Windows the "Smart Card" service, SCardSvr).
    pub fn establish() -> Result<PcscReaders, CardError> {
        let context = establish_context()?;
        Ok(PcscReaders { context: Mutex::new(Some(context)) })
    }

    fn context(&self) -> Result<Context, CardError> {
        let mut slot = lock(&self.context);
        if let Some(context) = slot.as_ref() {
            return Ok(context.clone());
        }
        let context = establish_context()?;
        tracing::info!("card: PC/SC context established again");
        *slot = Some(context.clone());
        Ok(context)
    }

    /// Runs `call` with the context; when it fails in a way that may mean the service no longer
    /// knows the context (restarted, stopped and started again), drops it, establishes a new one
    /// and tries once more. A service that is down is [`pcsc::Error::NoService`].
    fn with_context<R>(&self, call: impl Fn(&Context) -> Result<R, pcsc::Error>) -> Result<R, pcsc::Error> {
        let context = self.context().map_err(|_| pcsc::Error::NoService)?;
        match call(&context) {
            Err(e) if context_may_be_lost(e) => {
                tracing::info!("card: PC/SC call failed ({e}); establishing a new context");
                *lock(&self.context) = None;
                let fresh = self.context().map_err(|_| pcsc::Error::NoService)?;
                call(&fresh)
            }
            other => other,
        }
    }

    fn names(&self) -> Result<Vec<CString>, CardError> {
        match self.with_context(Context::list_readers_owned) {
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
        let states = self
            .with_context(|context| {
                let mut states: Vec<pcsc::ReaderState> =
                    names.iter().map(|n| pcsc::ReaderState::new(n.clone(), State::UNAWARE)).collect();
                context.get_status_change(Duration::ZERO, &mut states).or_else(ignore_timeout).map(|()| states)
            })
            .map_err(map_error)?;
        Ok(states.iter().map(|s| state_of(s.name(), s.event_state())).collect())
    }

    fn run_flow(&self, reader: &str, flow: &mut Flow<'_>) -> Result<(), CardError> {
        let name = CString::new(reader).map_err(|_| CardError::ReaderGone(reader.to_string()))?;
        let mut card =
            self.with_context(|context| context.connect(&name, ShareMode::Shared, Protocols::ANY)).map_err(|e| {
                match map_error(e) {
                    CardError::ReaderGone(_) => CardError::ReaderGone(reader.to_string()),
                    CardError::CardRemoved => CardError::NoCard,
                    other => other,
                }
            })?;
        let context = self.context()?;
        let (outcome, reset, reset_done) = {
            // Held for the whole flow: no other program's APDU can land between ours (a SELECT of
            // theirs would change the current file under us, or find our PIN verified).
            // On failure the card handle is dropped, which disconnects it (leaving the card).
            let transaction = card.transaction().map_err(map_error)?;
            let mut transport = PinWatch::new(PcscTransport { card: &transaction, context: &context, reader: &name });
            // A panic inside the flow must not skip the reset below: it is caught here, the card
            // released as after any flow, and the panic resumed once the card is safe.
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| flow(&mut transport)));
            // After a panic nobody can say what was sent: reset as if a PIN had been.
            let reset = transport.sent_pin() || outcome.is_err();
            let disposition = if reset { Disposition::ResetCard } else { Disposition::LeaveCard };
            let ended = match transaction.end(disposition) {
                Ok(()) => true,
                Err((unended, e)) => {
                    tracing::warn!("card: ending the transaction ({disposition:?}): {e}");
                    // Dropping the transaction handed back would end it with LEAVE_CARD, giving a
                    // program waiting in SCardBeginTransaction a verified card before the reset
                    // below: it is forgotten instead, and the disconnect resets the card.
                    std::mem::forget(unended);
                    false
                }
            };
            (outcome, reset, ended)
        };
        // The reset normally happened when the transaction ended; if that failed, reset now.
        let disposition = if reset && !reset_done { Disposition::ResetCard } else { Disposition::LeaveCard };
        if let Err((_, e)) = card.disconnect(disposition) {
            tracing::warn!("card: releasing the card ({disposition:?}): {e}");
        }
        tracing::debug!(reset, "card: flow ended, card released");
        match outcome {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

/// The card inside one flow's transaction.
struct PcscTransport<'a> {
    card: &'a pcsc::Card,
    context: &'a Context,
    reader: &'a CStr,
}

impl PcscTransport<'_> {
    /// Whether the card left the reader. pcscd may learn it a moment after our exchange broke (a
    /// driver that polls), so an unclear failure waits briefly for the reader's state to settle
    /// before it is named: a lifted card is "removed", never a generic reader failure.
    fn card_left(&self) -> bool {
        let mut states = [pcsc::ReaderState::new(self.reader, State::UNAWARE)];
        if self.context.get_status_change(Duration::ZERO, &mut states).or_else(ignore_timeout).is_err() {
            return false;
        }
        let present = |s: &[pcsc::ReaderState; 1]| s.iter().all(|r| r.event_state().contains(State::PRESENT));
        if !present(&states) {
            return true;
        }
        for s in states.iter_mut() {
            s.sync_current_state();
        }
        match self.context.get_status_change(CARD_LEFT_WAIT, &mut states) {
            Ok(()) => !present(&states),
            Err(_) => false,
        }
    }
}

/// How long an unclear failure waits for the reader to report a lifted card.
const CARD_LEFT_WAIT: Duration = Duration::from_millis(900);

impl Transport for PcscTransport<'_> {
    fn transmit(&mut self, command: &Command) -> Result<Vec<u8>, CardError> {
        let mut buffer = [0u8; pcsc::MAX_BUFFER_SIZE_EXTENDED];
        match self.card.transmit(command.as_bytes(), &mut buffer) {
            Ok(response) if response.len() >= 2 => Ok(response.to_vec()),
            Ok(response) => {
                if self.card_left() {
                    Err(CardError::CardRemoved)
                } else {
                    Err(CardError::ShortResponse { bytes: response.len() })
                }
            }
            Err(e) => match map_error(e) {
                known @ (CardError::CardRemoved | CardError::ServiceUnavailable) => Err(known),
                _ if self.card_left() => Err(CardError::CardRemoved),
                other => Err(other),
            },
        }
    }
}

/// Watches the readers on its own thread and calls back on every change. Blocks in
/// `SCardGetStatusChange` (no polling loop); stops when dropped. When the service goes away it says
/// so ([`CardEvent::ServiceUnavailable`]), keeps trying, and says when it is back
/// ([`CardEvent::ServiceRestored`], then the reader list).
pub struct Monitor {
    stop: Arc<AtomicBool>,
    /// The context the thread waits on now, to cancel that wait when stopping.
    current: Arc<Mutex<Option<Context>>>,
    thread: Option<JoinHandle<()>>,
}

impl Monitor {
    /// Starts watching; fails only when the thread cannot be started (the caller says so).
    pub fn start(on_event: impl Fn(CardEvent) + Send + 'static) -> Result<Monitor, CardError> {
        let stop = Arc::new(AtomicBool::new(false));
        let current = Arc::new(Mutex::new(None));
        let (thread_stop, thread_current) = (stop.clone(), current.clone());
        let thread = std::thread::Builder::new()
            .name("card-monitor".into())
            .spawn(move || watch(&thread_stop, &thread_current, &on_event))
            .map_err(|e| CardError::MonitorStart(e.to_string()))?;
        Ok(Monitor { stop, current, thread: Some(thread) })
    }
}

impl Drop for Monitor {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(context) = lock(&self.current).as_ref() {
            let _ = context.cancel();
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// How long one wait may block: bounds how late a stop or a restarted service is noticed.
const WAIT: Duration = Duration::from_secs(5);
/// How often a stopped service is tried again.
const RETRY: Duration = Duration::from_secs(2);

fn watch(stop: &AtomicBool, current: &Mutex<Option<Context>>, on_event: &dyn Fn(CardEvent)) {
    let mut service_down = false;
    while !stop.load(Ordering::SeqCst) {
        let context = match establish_context() {
            Ok(c) => c,
            Err(e) => {
                if !service_down {
                    on_event(CardEvent::ServiceUnavailable { error: e.view() });
                    service_down = true;
                }
                sleep_unless_stopped(stop, RETRY);
                continue;
            }
        };
        *lock(current) = Some(context.clone());
        if stop.load(Ordering::SeqCst) {
            break;
        }
        if service_down {
            tracing::info!("card: the PC/SC service is back");
            on_event(CardEvent::ServiceRestored);
            service_down = false;
        }
        if let Err(e) = watch_with(&context, stop, on_event)
            && !stop.load(Ordering::SeqCst)
        {
            tracing::warn!("card: monitoring stopped: {e}");
            // Whatever the call said, the service itself tells whether it is gone.
            if let Err(down) = establish_context() {
                on_event(CardEvent::ServiceUnavailable { error: down.view() });
                service_down = true;
            }
            sleep_unless_stopped(stop, Duration::from_millis(500));
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
            match context.get_status_change(Duration::ZERO, &mut states).or_else(ignore_timeout) {
                Ok(()) => {}
                // A reader left between the listing and now: list again.
                Err(pcsc::Error::UnknownReader | pcsc::Error::ReaderUnavailable) => continue,
                Err(e) => return Err(map_error(e)),
            }
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
            Err(pcsc::Error::Timeout) => {
                // A quiet while: make sure the service still knows this context.
                if let Err(e) = context.is_valid() {
                    return Err(map_error(e));
                }
                continue;
            }
            Err(pcsc::Error::Cancelled) if stop.load(Ordering::SeqCst) => return Ok(()),
            Err(pcsc::Error::UnknownReader | pcsc::Error::ReaderUnavailable) => continue,
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

    #[test]
    fn a_lost_context_is_replaced_and_everyday_answers_are_not() {
        use pcsc::Error as E;
        for e in [E::NoService, E::ServiceStopped, E::InvalidHandle, E::CommError, E::SecurityViolation] {
            assert!(context_may_be_lost(e), "{e:?}");
        }
        for e in [E::NoSmartcard, E::RemovedCard, E::SharingViolation, E::Timeout, E::UnknownReader] {
            assert!(!context_may_be_lost(e), "{e:?}");
        }
    }
}
