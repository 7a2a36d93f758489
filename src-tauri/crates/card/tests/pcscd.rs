//! The card layer through the real pcscd and vsmartcard-vpcd, the path the clinic's reader takes:
//! detect the reader, card inserted and removed as events, read the certificate, a wrong PIN then
//! tries left. The harness starts pcscd (unless one is running) and stops it after.
#![cfg(target_os = "linux")]

mod harness;

use std::time::Duration;

use card::CardError;
use card::cert::CertStatus;
use card::jpki;
use card::pcsc_reader::{Monitor, PcscReaders};
use card::pin::Pin;
use card::reader::{CardEvent, Readers};
use card::virtual_card::{VirtualCard, VirtualCardConfig};
use chrono::NaiveDate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("date")
}

#[test]
fn through_pcscd_and_vpcd() {
    let _pcscd = harness::Pcscd::start();
    let readers = PcscReaders::establish().expect("pcscd reachable");
    let names: Vec<String> = readers.readers().expect("readers").into_iter().map(|r| r.name).collect();
    let reader = names.iter().find(|n| n.starts_with("Virtual PCD")).expect("a vpcd reader").clone();
    assert!(!readers.readers().expect("readers").iter().any(|r| r.card_present), "no card yet");

    let (tx, rx) = std::sync::mpsc::channel();
    let monitor = Monitor::start(move |e| {
        let _ = tx.send(e);
    });
    let first = rx.recv_timeout(Duration::from_secs(5)).expect("initial reader list");
    assert!(
        matches!(&first, CardEvent::ReadersChanged { readers } if readers.iter().any(|r| r.name == reader)),
        "{first:?}"
    );
    assert_eq!(readers.connect(&reader).err(), Some(CardError::NoCard));

    let card =
        VirtualCard::new(VirtualCardConfig::demo(NaiveDate::from_ymd_opt(2029, 3, 31).expect("date"))).expect("card");
    let plugged = harness::plug(card);
    harness::expect_event(&rx, |e| matches!(e, CardEvent::CardInserted { reader: r } if *r == reader));

    let check = jpki::check_card(readers.connect(&reader).expect("connect"), today()).expect("check");
    assert_eq!(check.certificate.status, CertStatus::Valid);
    assert_eq!(check.certificate.not_after, NaiveDate::from_ymd_opt(2029, 3, 31).expect("date"));
    assert_eq!(check.kenmen_pin.tries_left, 3);

    let wrong = jpki::read_basic4(readers.connect(&reader).expect("connect"), Pin::parse("9999").expect("pin"));
    assert_eq!(wrong.err(), Some(CardError::WrongPin { tries_left: 2 }));
    let after = jpki::check_card(readers.connect(&reader).expect("connect"), today()).expect("check");
    assert_eq!(after.kenmen_pin.tries_left, 2);
    let b = jpki::read_basic4(readers.connect(&reader).expect("connect"), Pin::parse("1234").expect("pin"))
        .expect("basic4");
    assert_eq!(b.name, "見本 花子");

    // Shared mode: a second connection while ours is open is allowed (the official app can read too).
    let ours = readers.connect(&reader).expect("connect");
    let theirs = readers.connect(&reader).expect("a second, shared connection");
    drop((ours, theirs));

    plugged.unplug().expect("unplug");
    harness::expect_event(&rx, |e| matches!(e, CardEvent::CardRemoved { reader: r } if *r == reader));
    assert_eq!(readers.connect(&reader).err(), Some(CardError::NoCard));
    drop(monitor);
}
