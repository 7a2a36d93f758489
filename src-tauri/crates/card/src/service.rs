//! The card service the app holds: the PC's readers when one is attached, otherwise the
//! in-process virtual reader of デモ mode (and the screen says so). Reads pick the reader that has
//! a card, connect SHARED, and release it as soon as they end.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::basic4::Basic4;
use crate::error::CardError;
use crate::jpki::{self, CardCheck};
use crate::pcsc_reader::{Monitor, PcscReaders};
use crate::pin::Pin;
use crate::reader::{CardEvent, ReaderState, Readers};
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
    pub error: Option<String>,
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
    Pcsc { readers: PcscReaders, _monitor: Monitor },
    Demo { reader: VirtualReader, reason: String },
}

/// The readers the app uses, real or demo.
pub struct CardService {
    backend: Backend,
}

type Listener = std::sync::Arc<dyn Fn(CardEvent) + Send + Sync>;

impl CardService {
    /// Uses the PC's readers when the service runs and a reader is attached; otherwise デモ mode.
    /// `on_event` receives every reader and card event, from a background thread.
    pub fn start(force_demo: bool, on_event: impl Fn(CardEvent) + Send + Sync + 'static) -> CardService {
        let on_event: Listener = std::sync::Arc::new(on_event);
        let reason = if force_demo {
            "デモモードを指定して起動したため".to_string()
        } else {
            match PcscReaders::establish().and_then(|r| r.readers().map(|list| (r, list))) {
                Ok((readers, list)) if !list.is_empty() => {
                    let listener = on_event.clone();
                    let monitor = Monitor::start(move |e| listener(e));
                    return CardService { backend: Backend::Pcsc { readers, _monitor: monitor } };
                }
                Ok(_) => "カードリーダーがつながっていないため".to_string(),
                Err(e) => format!("{e}。そのため"),
            }
        };
        let reader = VirtualReader::new();
        let listener = on_event.clone();
        reader.subscribe(move |e| listener(e));
        tracing::info!("card: demo mode ({reason})");
        CardService { backend: Backend::Demo { reader, reason } }
    }

    /// Readers and mode, for the screen.
    pub fn status(&self) -> CardStatus {
        let (mode, listed) = match &self.backend {
            Backend::Pcsc { readers, .. } => (Mode::Reader, readers.readers()),
            Backend::Demo { reader, reason } => (Mode::Demo { reason: reason.clone() }, reader.readers()),
        };
        match listed {
            Ok(readers) => CardStatus { mode, readers, error: None },
            Err(e) => CardStatus { mode, readers: Vec::new(), error: Some(e.to_string()) },
        }
    }

    fn readers(&self) -> &dyn Readers {
        match &self.backend {
            Backend::Pcsc { readers, .. } => readers,
            Backend::Demo { reader, .. } => reader,
        }
    }

    /// The reader to read from: the one named, or the first with a card on it.
    fn pick(&self, reader: Option<&str>) -> Result<String, CardError> {
        if let Some(name) = reader {
            return Ok(name.to_string());
        }
        let list = self.readers().readers()?;
        if list.is_empty() {
            return Err(CardError::NoReader);
        }
        list.iter().find(|r| r.card_present).or(list.first()).map(|r| r.name.clone()).ok_or(CardError::NoReader)
    }

    /// The check without PIN (certificate validity, tries left); the card is released after.
    pub fn check(&self, reader: Option<&str>, today: NaiveDate) -> Result<CardCheck, CardError> {
        let name = self.pick(reader)?;
        jpki::check_card(self.readers().connect(&name)?, today)
    }

    /// The 基本4情報 with the PIN the patient typed (one VERIFY); the card is released after.
    pub fn read_basic4(&self, reader: Option<&str>, pin: Pin) -> Result<Basic4, CardError> {
        let name = self.pick(reader)?;
        jpki::read_basic4(self.readers().connect(&name)?, pin)
    }

    fn demo_reader(&self) -> Result<&VirtualReader, CardError> {
        match &self.backend {
            Backend::Demo { reader, .. } => Ok(reader),
            Backend::Pcsc { .. } => Err(CardError::Reader("デモ用のカードはデモモードでだけ使えます".into())),
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
}
