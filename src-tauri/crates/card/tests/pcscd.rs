//! The card layer through the real pcscd and vsmartcard-vpcd, the path the clinic's reader takes:
//! detect the reader, card inserted and removed as events, read the certificate, a wrong PIN then
//! tries left; a second program after our PIN flow finds nothing verified; a flow holds a
//! transaction; a card lifted mid-read is "removed"; pcscd stopped and started again while the
//! app runs. The harness starts pcscd (unless one is running) and stops it after.
#![cfg(target_os = "linux")]

mod harness;

use std::ffi::CString;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use card::CardError;
use card::cert::CertStatus;
use card::jpki;
use card::pcsc_reader::{Monitor, PcscReaders};
use card::pin::Pin;
use card::reader::{self, CardEvent, Readers};
use card::virtual_card::{VirtualCard, VirtualCardConfig};
use chrono::NaiveDate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("date")
}

fn card() -> VirtualCard {
    VirtualCard::new(VirtualCardConfig::demo(NaiveDate::from_ymd_opt(2029, 3, 31).expect("date"))).expect("card")
}

fn vpcd_reader(readers: &PcscReaders) -> String {
    let names: Vec<String> = readers.readers().expect("readers").into_iter().map(|r| r.name).collect();
    names.iter().find(|n| n.starts_with("Virtual PCD")).expect("a vpcd reader").clone()
}

fn check(readers: &PcscReaders, reader: &str) -> Result<jpki::CardCheck, CardError> {
    reader::run(readers, reader, |t| jpki::check_card(t, today()))
}

fn basic4(readers: &PcscReaders, reader: &str, pin: &str) -> Result<card::basic4::Basic4, CardError> {
    let pin = Pin::parse(pin)?;
    reader::run(readers, reader, |t| jpki::read_basic4(t, pin))
}

/// pcscd with the vpcd readers, for one test at a time.
struct Rig {
    readers: PcscReaders,
    reader: String,
    _pcscd: harness::Pcscd,
    /// Last: fields drop in order, so pcscd is stopped before the next test may start.
    _serial: std::sync::MutexGuard<'static, ()>,
}

impl Rig {
    fn new() -> Rig {
        let serial = harness::serial();
        let pcscd = harness::Pcscd::start();
        let readers = PcscReaders::establish().expect("pcscd reachable");
        let reader = vpcd_reader(&readers);
        Rig { readers, reader, _pcscd: pcscd, _serial: serial }
    }

    /// Plugs the card in and waits until pcscd reports it on the reader.
    fn plug(&self, card: VirtualCard) -> card::vpcd::Plugged {
        let plugged = harness::plug(card);
        self.wait_for_card(true);
        plugged
    }

    fn wait_for_card(&self, present: bool) {
        let until = std::time::Instant::now() + Duration::from_secs(5);
        while std::time::Instant::now() < until {
            let now = self.readers.readers().expect("readers");
            if now.iter().any(|r| r.name == self.reader && r.card_present == present) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("pcscd did not report the card {}", if present { "placed" } else { "removed" });
    }
}

/// Another program on the PC: its own PC/SC context, a SHARED connection, raw APDUs.
fn another_program(reader: &str, apdus: &[&[u8]]) -> Vec<Vec<u8>> {
    let context = pcsc::Context::establish(pcsc::Scope::User).expect("context");
    let name = CString::new(reader).expect("name");
    let card = context.connect(&name, pcsc::ShareMode::Shared, pcsc::Protocols::ANY).expect("connect");
    let answers = apdus
        .iter()
        .map(|apdu| {
            let mut buffer = [0u8; pcsc::MAX_BUFFER_SIZE];
            card.transmit(apdu, &mut buffer).map(<[u8]>::to_vec).unwrap_or_default()
        })
        .collect();
    let _ = card.disconnect(pcsc::Disposition::LeaveCard);
    answers
}

#[test]
fn through_pcscd_and_vpcd() {
    let _serial = harness::serial();
    let _pcscd = harness::Pcscd::start();
    let readers = PcscReaders::establish().expect("pcscd reachable");
    let reader = vpcd_reader(&readers);
    assert!(!readers.readers().expect("readers").iter().any(|r| r.card_present), "no card yet");

    let (tx, rx) = std::sync::mpsc::channel();
    let monitor = Monitor::start(move |e| {
        let _ = tx.send(e);
    })
    .expect("monitor");
    let first = rx.recv_timeout(Duration::from_secs(5)).expect("initial reader list");
    assert!(
        matches!(&first, CardEvent::ReadersChanged { readers } if readers.iter().any(|r| r.name == reader)),
        "{first:?}"
    );
    assert_eq!(check(&readers, &reader).err(), Some(CardError::NoCard));

    let plugged = harness::plug(card());
    harness::expect_event(&rx, |e| matches!(e, CardEvent::CardInserted { reader: r } if *r == reader));

    let c = check(&readers, &reader).expect("check");
    assert_eq!(c.certificate.status, CertStatus::Valid);
    assert_eq!(c.certificate.not_after, NaiveDate::from_ymd_opt(2029, 3, 31).expect("date"));
    assert_eq!(c.kenmen_pin.tries_left, 3);
    // pcscd and vpcd pass an extended READ BINARY: the certificate comes in one command.
    assert!(c.apdus <= 8, "{} APDUs through pcscd", c.apdus);

    assert_eq!(basic4(&readers, &reader, "9999").err(), Some(CardError::WrongPin { tries_left: 2 }));
    assert_eq!(check(&readers, &reader).expect("check").kenmen_pin.tries_left, 2);
    let b = basic4(&readers, &reader, "1234").expect("basic4");
    assert_eq!(b.name, "見本 花子");
    assert_eq!(plugged.with_card(|c| c.ef_0001_selections()), 0);

    // Shared mode: another program can connect while the card is on the reader.
    let answers = another_program(&reader, &[&[0x00, 0xA4, 0x04, 0x0C, 0x02, 0x3F, 0x00]]);
    assert_eq!(answers.len(), 1);

    plugged.unplug().expect("unplug");
    harness::expect_event(&rx, |e| matches!(e, CardEvent::CardRemoved { reader: r } if *r == reader));
    assert_eq!(check(&readers, &reader).err(), Some(CardError::NoCard));
    drop(monitor);
}

/// The review's finding, through the real pcscd: right after our `read_basic4`, a second PC/SC
/// client that selects EF `00 01` in the current DF and reads it gets an error status, never data.
/// The reset travels pcscd → vpcd → the card.
#[test]
fn after_read_basic4_another_program_cannot_read_the_my_number_ef() {
    let rig = Rig::new();
    let (readers, reader) = (&rig.readers, rig.reader.clone());
    let plugged = rig.plug(card());

    let resets = plugged.with_card(|c| c.resets());
    let apdus_before = plugged.with_card(|c| c.history().len());
    basic4(readers, &reader, "1234").expect("basic4");
    assert!(!plugged.with_card(|c| c.is_verified()), "the PIN flow ended with a reset");
    assert!(plugged.with_card(|c| c.resets()) > resets);
    let history = plugged.with_card(|c| c.history()[apdus_before..].to_vec());
    eprintln!("read_basic4 through pcscd, as the card saw it:\n{}", history.join("\n"));

    let answers =
        another_program(&reader, &[&[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x01], &[0x00, 0xB0, 0x00, 0x00, 0x00]]);
    let read = answers.last().expect("an answer");
    assert!(
        matches!(read.as_slice(), [0x69, 0x86] | [0x6A, 0x82] | [0x69, 0x82]),
        "a status word only (no current file, not found, or security not satisfied), got {read:02X?}"
    );
    // The card counts the stranger's SELECT: the detector works through pcscd too.
    assert_eq!(plugged.with_card(|c| c.ef_0001_selections()), 1);
    plugged.unplug().expect("unplug");
}

/// A transport that panics right after the card answered a VERIFY with a PIN: a bug in a flow
/// at the worst moment.
struct PanicAfterVerify<'a>(&'a mut dyn card::transport::Transport);

impl card::transport::Transport for PanicAfterVerify<'_> {
    fn transmit(&mut self, command: &card::apdu::Command) -> Result<Vec<u8>, CardError> {
        let answer = self.0.transmit(command);
        assert!(!command.sends_pin(), "a flow panicking right after VERIFY");
        answer
    }
}

/// The reset holds on every path: a flow that panics right after VERIFY still leaves the card
/// reset, so the next program finds nothing verified (through the real pcscd), and the panic
/// goes on once the card is safe.
#[test]
fn a_flow_that_panics_after_verify_still_resets_the_card() {
    let rig = Rig::new();
    let (readers, reader) = (&rig.readers, rig.reader.clone());
    let plugged = rig.plug(card());
    let resets = plugged.with_card(|c| c.resets());
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let pin = Pin::parse("1234").expect("pin");
        reader::run(readers, &reader, |t| jpki::read_basic4(&mut PanicAfterVerify(t), pin))
    }));
    assert!(panicked.is_err(), "the panic is not swallowed");
    assert!(plugged.with_card(|c| c.resets()) > resets, "the card was reset on the way out");
    assert!(!plugged.with_card(|c| c.is_verified()));
    let answers =
        another_program(&reader, &[&[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x01], &[0x00, 0xB0, 0x00, 0x00, 0x00]]);
    let read = answers.last().expect("an answer");
    assert!(matches!(read.as_slice(), [0x69, 0x86] | [0x6A, 0x82] | [0x69, 0x82]), "got {read:02X?}");
    // The reader is usable again afterwards.
    assert!(check(readers, &reader).is_ok());
    plugged.unplug().expect("unplug");
}

/// A flow holds a PC/SC transaction: another program's transaction begins only after ours ended.
#[test]
fn a_flow_holds_a_transaction() {
    let rig = Rig::new();
    let (readers, reader) = (&rig.readers, rig.reader.clone());
    let plugged = rig.plug(card());

    let ours_done = Arc::new(AtomicBool::new(false));
    let (seen_done, name) = (ours_done.clone(), reader.clone());
    // Met by both threads just before the other program connects and asks for its transaction
    // (both wait while ours is held): our flow's reads (many APDUs through pcscd) then run
    // while it waits, not before it asked.
    let asking = Arc::new(std::sync::Barrier::new(2));
    let their_asking = asking.clone();
    let (check_result, theirs) = reader::run(readers, &reader, |t| {
        // Another program tries to get at the card while our flow runs: connecting and beginning
        // its own transaction wait until our flow has ended.
        let theirs = std::thread::spawn(move || {
            let context = pcsc::Context::establish(pcsc::Scope::User).expect("context");
            let cname = CString::new(name).expect("name");
            their_asking.wait();
            let mut card =
                context.connect(&cname, pcsc::ShareMode::Shared, pcsc::Protocols::ANY).expect("shared connect");
            let transaction = card.transaction().expect("their transaction");
            let ours_was_done = seen_done.load(Ordering::SeqCst);
            drop(transaction);
            ours_was_done
        });
        asking.wait();
        let result = jpki::check_card(t, today());
        ours_done.store(true, Ordering::SeqCst);
        Ok((result, theirs))
    })
    .expect("flow");
    check_result.expect("check");
    assert!(theirs.join().expect("their thread"), "their transaction began while our flow still ran");
    plugged.unplug().expect("unplug");
}

/// A card lifted in the middle of a read through pcscd is "removed", not a generic reader failure,
/// and the next read works.
#[test]
fn a_card_lifted_mid_read_is_card_removed() {
    let rig = Rig::new();
    for lift_at in [1, 4, 7] {
        let plugged = rig.plug(card());
        plugged.lift_at_apdu(lift_at);
        assert_eq!(check(&rig.readers, &rig.reader).err(), Some(CardError::CardRemoved), "lifted at APDU {lift_at}");
        drop(plugged);
        rig.wait_for_card(false);
        let plugged = rig.plug(card());
        check(&rig.readers, &rig.reader).expect("the next read works");
        plugged.unplug().expect("unplug");
        rig.wait_for_card(false);
    }
}

/// pcscd stopped and started again while the app runs: the monitor says the service went and came
/// back, and the next read works with the same `PcscReaders`, without restarting anything.
#[test]
fn pcscd_restarted_while_running() {
    let _serial = harness::serial();
    let pcscd = harness::Pcscd::start();
    assert!(pcscd.owned(), "this test stops and starts pcscd: stop the system's pcscd first");
    let readers = PcscReaders::establish().expect("pcscd reachable");
    let reader = vpcd_reader(&readers);
    let (tx, rx) = std::sync::mpsc::channel();
    let monitor = Monitor::start(move |e| {
        let _ = tx.send(e);
    })
    .expect("monitor");
    harness::expect_event(&rx, |e| matches!(e, CardEvent::ReadersChanged { .. }));

    drop(pcscd);
    let gone = harness::expect_event_within(&rx, Duration::from_secs(12), |e| {
        matches!(e, CardEvent::ServiceUnavailable { .. })
    });
    assert!(matches!(&gone, CardEvent::ServiceUnavailable { error } if error.code == "ServiceUnavailable"), "{gone:?}");
    assert_eq!(readers.readers().err(), Some(CardError::ServiceUnavailable));

    let _pcscd = harness::Pcscd::start();
    harness::expect_event_within(&rx, Duration::from_secs(12), |e| matches!(e, CardEvent::ServiceRestored));
    harness::expect_event_within(
        &rx,
        Duration::from_secs(12),
        |e| matches!(e, CardEvent::ReadersChanged { readers } if readers.iter().any(|r| r.name == reader)),
    );
    let plugged = harness::plug(card());
    harness::expect_event(&rx, |e| matches!(e, CardEvent::CardInserted { reader: r } if *r == reader));
    let c = check(&readers, &reader).expect("the next read works with the same readers");
    assert_eq!(c.certificate.status, CertStatus::Valid);
    plugged.unplug().expect("unplug");
    drop(monitor);
}
