//! The card service the app holds: the PC's readers when one is attached, otherwise the
//! in-process virtual reader of デモ mode (and the screen says so). A reader attached while in デモ
//! mode takes over at once, without a restart ([`CardEvent::ModeChanged`]). Reads pick the reader
//! that has a card and run as one flow each (see [`Readers::run_flow`]).
//!
//! The service also remembers whether the last read came from a デモ card, so the host can keep
//! what follows from it (a check logged, a patient registered) out of the clinic's own data.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::basic4::Basic4;
use crate::error::{CardError, ErrorView};
use crate::jpki::{self, CardCheck};
use crate::pcsc_reader::{Monitor, PcscReaders};
use crate::pin::Pin;
use crate::reader::{self, CardEvent, ReaderState, Readers};
use crate::virtual_card::{VirtualCard, VirtualCardConfig};
use crate::virtual_reader::VirtualReader;

/// Where reads go.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum Mode {
    /// The PC's PC/SC readers
    Reader,
    /// The virtual demo reader
    Demo {
        /// Why (no reader attached, the service is not running, or asked for)
        reason: String,
    },
}

/// What the 毎日の資格確認 screen shows about the readers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CardStatus {
    /// Real readers or デモ
    pub mode: Mode,
    /// The readers and their state
    pub readers: Vec<ReaderState>,
    /// Why the readers could not be listed, if they could not
    pub error: Option<ErrorView>,
    /// Set when the reader watch could not be started: events will not arrive by themselves
    pub monitor_error: Option<ErrorView>,
}

/// The sample cards of デモ mode, each showing one situation staff meet at the counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DemoCard {
    /// A valid card, PIN 1234
    Valid,
    /// Certificate expiring in 30 days
    ExpiresSoon,
    /// Certificate expired yesterday
    Expired,
    /// One PIN try left
    LastTry,
    /// PIN locked
    Blocked,
    /// Not a My Number card
    OtherCard,
}

impl DemoCard {
    /// The virtual card for this sample, relative to `today`.
    pub fn config(self, today: NaiveDate) -> VirtualCardConfig {
        let in_years = |years: i32| today.with_year(today.year() + years).unwrap_or(today);
        let base = VirtualCardConfig::demo(in_years(3));
        match self {
            DemoCard::Valid => base,
            DemoCard::ExpiresSoon => VirtualCardConfig::demo(today + chrono::Duration::days(29)),
            DemoCard::Expired => VirtualCardConfig::demo(today - chrono::Duration::days(1)),
            DemoCard::LastTry => VirtualCardConfig { auth_tries: 1, kenmen_tries: 1, ..base },
            DemoCard::Blocked => VirtualCardConfig { auth_tries: 0, kenmen_tries: 0, ..base },
            DemoCard::OtherCard => VirtualCardConfig { my_number_card: false, ..base },
        }
    }
}

enum Backend {
    Pcsc(Box<dyn Readers>),
    Demo { reader: VirtualReader, reason: String },
}

type Listener = Arc<dyn Fn(CardEvent) + Send + Sync>;
/// Connects to the PC's readers (the PC/SC service; a stand-in in tests).
type Connect = Box<dyn Fn() -> Result<Box<dyn Readers>, CardError> + Send + Sync>;

fn connect_pcsc() -> Result<Box<dyn Readers>, CardError> {
    Ok(Box::new(PcscReaders::establish()?))
}

struct Shared {
    backend: Mutex<Backend>,
    listener: Listener,
    connect: Connect,
    /// The last successful read came from a デモ card.
    last_read_demo: AtomicBool,
}

impl Shared {
    fn backend(&self) -> MutexGuard<'_, Backend> {
        self.backend.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// An event from the PC's readers. In デモ mode the first real reader switches the service to
    /// it; until then the service's own troubles are not news (they are why デモ mode runs).
    fn on_pcsc_event(&self, event: CardEvent) {
        let in_demo = matches!(*self.backend(), Backend::Demo { .. });
        if !in_demo {
            (self.listener)(event);
            return;
        }
        let CardEvent::ReadersChanged { readers } = &event else { return };
        if readers.is_empty() {
            return;
        }
        match (self.connect)() {
            Ok(pcsc) => {
                *self.backend() = Backend::Pcsc(pcsc);
                tracing::info!("card: a reader was attached; leaving demo mode");
                (self.listener)(CardEvent::ModeChanged { mode: Mode::Reader });
                (self.listener)(event);
            }
            Err(e) => tracing::warn!("card: a reader appeared but the service refused us: {e}"),
        }
    }
}

/// The readers the app uses, real or demo.
pub struct CardService {
    shared: Arc<Shared>,
    /// Watches the PC's readers (also in デモ mode, to notice one being attached).
    monitor: Result<Option<Monitor>, CardError>,
}

impl CardService {
    /// Uses the PC's readers when the service runs and a reader is attached; otherwise デモ mode,
    /// which ends by itself when a reader is attached (unless デモ was asked for).
    /// `on_event` receives every reader and card event, from a background thread.
    pub fn start(force_demo: bool, on_event: impl Fn(CardEvent) + Send + Sync + 'static) -> CardService {
        let listener: Listener = Arc::new(on_event);
        let backend = if force_demo {
            demo_backend("デモモードを指定して起動したため".to_string(), &listener)
        } else {
            match PcscReaders::establish().and_then(|r| r.readers().map(|list| (r, list))) {
                Ok((readers, list)) if !list.is_empty() => Backend::Pcsc(Box::new(readers)),
                Ok(_) => demo_backend("カードリーダーがつながっていないため".to_string(), &listener),
                Err(e) => demo_backend(format!("{e}。そのため"), &listener),
            }
        };
        let shared = Arc::new(Shared {
            backend: Mutex::new(backend),
            listener,
            connect: Box::new(connect_pcsc),
            last_read_demo: AtomicBool::new(false),
        });
        let monitor = if force_demo {
            Ok(None)
        } else {
            let weak: Weak<Shared> = Arc::downgrade(&shared);
            Monitor::start(move |event| {
                if let Some(shared) = weak.upgrade() {
                    shared.on_pcsc_event(event);
                }
            })
            .map(Some)
        };
        if let Err(e) = &monitor {
            tracing::error!("card: {e}");
        }
        CardService { shared, monitor }
    }

    /// Where reads go now.
    pub fn mode(&self) -> Mode {
        match &*self.shared.backend() {
            Backend::Pcsc(_) => Mode::Reader,
            Backend::Demo { reason, .. } => Mode::Demo { reason: reason.clone() },
        }
    }

    /// Readers and mode, for the screen.
    pub fn status(&self) -> CardStatus {
        let (mode, listed) = match &*self.shared.backend() {
            Backend::Pcsc(readers) => (Mode::Reader, readers.readers()),
            Backend::Demo { reader, reason } => (Mode::Demo { reason: reason.clone() }, reader.readers()),
        };
        let monitor_error = self.monitor.as_ref().err().map(CardError::view);
        match listed {
            Ok(readers) => CardStatus { mode, readers, error: None, monitor_error },
            Err(e) => CardStatus { mode, readers: Vec::new(), error: Some(e.view()), monitor_error },
        }
    }

    /// Runs `flow` on the reader named, or the first with a card on it, and notes whether the card
    /// was a デモ one.
    fn read<R>(
        &self,
        reader: Option<&str>,
        flow: impl FnOnce(&mut dyn crate::transport::Transport) -> Result<R, CardError>,
    ) -> Result<R, CardError> {
        let backend = self.shared.backend();
        let readers: &dyn Readers = match &*backend {
            Backend::Pcsc(readers) => readers.as_ref(),
            Backend::Demo { reader, .. } => reader,
        };
        let name = pick(readers, reader)?;
        let result = reader::run(readers, &name, flow)?;
        self.shared.last_read_demo.store(matches!(*backend, Backend::Demo { .. }), Ordering::SeqCst);
        Ok(result)
    }

    /// The check without PIN (certificate validity, tries left); the card is released after.
    pub fn check(&self, reader: Option<&str>, today: NaiveDate) -> Result<CardCheck, CardError> {
        let check = self.read(reader, |t| jpki::check_card(t, today))?;
        // For whoever reads the log (how many commands a check took); staff are not told.
        tracing::info!("card: check done in {} APDUs; the card was released", check.apdus);
        Ok(check)
    }

    /// The 基本4情報 with the PIN the patient typed (one VERIFY); the card is reset and released
    /// after.
    pub fn read_basic4(&self, reader: Option<&str>, pin: Pin) -> Result<Basic4, CardError> {
        self.read(reader, |t| jpki::read_basic4(t, pin))
    }

    /// True when the last successful read was of a デモ card: what staff record from it is デモ data
    /// and must never reach the clinic's own records.
    pub fn last_read_was_demo(&self) -> bool {
        self.shared.last_read_demo.load(Ordering::SeqCst)
    }

    fn demo_reader(&self) -> Result<VirtualReader, CardError> {
        match &*self.shared.backend() {
            Backend::Demo { reader, .. } => Ok(reader.clone()),
            Backend::Pcsc(_) => Err(CardError::NotDemoMode),
        }
    }

    /// Places a sample card on the demo reader.
    pub fn demo_insert(&self, sample: DemoCard, today: NaiveDate) -> Result<(), CardError> {
        let reader = self.demo_reader()?;
        reader.insert(VirtualCard::new(sample.config(today))?);
        Ok(())
    }

    /// Takes the sample card off the demo reader.
    pub fn demo_remove(&self) -> Result<(), CardError> {
        self.demo_reader()?.remove();
        Ok(())
    }

    /// Test hook: acts as if the monitor had seen `event` on the PC's readers.
    #[cfg(test)]
    fn inject_pcsc_event(&self, event: CardEvent) {
        self.shared.on_pcsc_event(event);
    }

    /// Test hook: a デモ service whose "PC's readers" are `real` (another virtual reader).
    #[cfg(test)]
    fn demo_with_real(real: VirtualReader, on_event: impl Fn(CardEvent) + Send + Sync + 'static) -> CardService {
        let listener: Listener = Arc::new(on_event);
        let backend = demo_backend("テスト".into(), &listener);
        let shared = Arc::new(Shared {
            backend: Mutex::new(backend),
            listener,
            connect: Box::new(move || Ok(Box::new(real.clone()) as Box<dyn Readers>)),
            last_read_demo: AtomicBool::new(false),
        });
        CardService { shared, monitor: Ok(None) }
    }
}

fn demo_backend(reason: String, listener: &Listener) -> Backend {
    let reader = VirtualReader::new();
    let forward = listener.clone();
    reader.subscribe(move |e| forward(e));
    tracing::info!("card: demo mode ({reason})");
    Backend::Demo { reader, reason }
}

/// The reader to read from: the one named, or the first with a card on it.
fn pick(readers: &dyn Readers, reader: Option<&str>) -> Result<String, CardError> {
    if let Some(name) = reader {
        return Ok(name.to_string());
    }
    let list = readers.readers()?;
    list.iter().find(|r| r.card_present).or(list.first()).map(|r| r.name.clone()).ok_or(CardError::NoReader)
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).expect("date")
    }

    #[test]
    fn demo_mode_reads_sample_cards_and_reports_events() {
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink = events.clone();
        let service = CardService::start(true, move |e| sink.lock().expect("lock").push(e));
        assert!(matches!(service.status().mode, Mode::Demo { .. }));
        assert_eq!(service.check(None, today()).err(), Some(CardError::NoCard));

        service.demo_insert(DemoCard::ExpiresSoon, today()).expect("insert");
        let check = service.check(None, today()).expect("check");
        assert_eq!(check.certificate.status, crate::cert::CertStatus::ExpiresSoon);
        assert!(service.status().readers[0].card_present);

        service.demo_insert(DemoCard::LastTry, today()).expect("insert");
        assert!(service.check(None, today()).expect("check").kenmen_pin.last_try());
        service.demo_insert(DemoCard::OtherCard, today()).expect("insert");
        assert_eq!(service.check(None, today()).err(), Some(CardError::NotMyNumberCard));
        service.demo_insert(DemoCard::Valid, today()).expect("insert");
        let b = service.read_basic4(None, Pin::parse("1234").expect("pin")).expect("basic4");
        assert_eq!(b.name, "見本 花子");

        assert!(service.last_read_was_demo(), "a read of a sample card is marked as デモ");

        service.demo_remove().expect("remove");
        let seen = events.lock().expect("lock").clone();
        assert!(seen.iter().any(|e| matches!(e, CardEvent::CardInserted { .. })));
        assert!(matches!(seen.last(), Some(CardEvent::CardRemoved { .. })));
    }

    #[test]
    fn every_sample_card_behaves_as_named() {
        for sample in [DemoCard::Valid, DemoCard::Expired, DemoCard::Blocked] {
            let service = CardService::start(true, |_| {});
            service.demo_insert(sample, today()).expect("insert");
            let check = service.check(None, today()).expect("check");
            match sample {
                DemoCard::Valid => assert_eq!(check.certificate.status, crate::cert::CertStatus::Valid),
                DemoCard::Expired => assert_eq!(check.certificate.status, crate::cert::CertStatus::Expired),
                _ => assert!(check.auth_pin.blocked && check.kenmen_pin.blocked),
            }
        }
    }

    /// A reader attached while in デモ mode takes over without a restart, and says so; an empty
    /// reader list (the service's first report) and the service being down change nothing. Reads
    /// after the switch go to the real reader and are no longer marked デモ.
    #[test]
    fn a_reader_attached_in_demo_mode_ends_it() {
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink = events.clone();
        let real = VirtualReader::new();
        let service = CardService::demo_with_real(real.clone(), move |e| sink.lock().expect("lock").push(e));
        service.demo_insert(DemoCard::Valid, today()).expect("insert");
        service.check(None, today()).expect("demo read");
        assert!(service.last_read_was_demo());
        events.lock().expect("lock").clear();

        service.inject_pcsc_event(CardEvent::ReadersChanged { readers: Vec::new() });
        service.inject_pcsc_event(CardEvent::ServiceUnavailable { error: CardError::ServiceUnavailable.view() });
        assert!(matches!(service.mode(), Mode::Demo { .. }));
        assert!(events.lock().expect("lock").is_empty(), "no news while nothing changed: {:?}", events.lock());

        let attached =
            ReaderState { name: crate::virtual_reader::VIRTUAL_READER_NAME.into(), card_present: false, in_use: false };
        service.inject_pcsc_event(CardEvent::ReadersChanged { readers: vec![attached] });
        assert_eq!(service.mode(), Mode::Reader);
        let seen = events.lock().expect("lock").clone();
        assert!(matches!(seen.first(), Some(CardEvent::ModeChanged { mode: Mode::Reader })), "{seen:?}");
        assert!(matches!(seen.get(1), Some(CardEvent::ReadersChanged { .. })), "{seen:?}");
        assert_eq!(service.demo_insert(DemoCard::Valid, today()).err(), Some(CardError::NotDemoMode));

        real.insert(VirtualCard::new(DemoCard::Valid.config(today())).expect("card"));
        service.check(None, today()).expect("read on the real reader");
        assert!(!service.last_read_was_demo(), "a real card's read is the clinic's own");
        assert_eq!(real.with_card(|c| c.trace().len()).map(|n| n > 0), Some(true));
    }
}
