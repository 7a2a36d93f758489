//! Every path of the card layer against the virtual My Number card, in process.

use card::CardError;
use card::cert::CertStatus;
use card::jpki::{self, CardCheck};
use card::pin::Pin;
use card::reader::Readers;
use card::virtual_card::{TraceEntry, VirtualCard, VirtualCardConfig};
use card::virtual_reader::{VIRTUAL_READER_NAME, VirtualReader};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

const TODAY: (i32, u32, u32) = (2026, 11, 27);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

fn reader_with(config: VirtualCardConfig) -> VirtualReader {
    let reader = VirtualReader::new();
    reader.insert(VirtualCard::new(config).expect("card"));
    reader
}

fn valid() -> VirtualCardConfig {
    VirtualCardConfig::demo(d(2029, 3, 31))
}

fn check(reader: &VirtualReader) -> Result<CardCheck, CardError> {
    jpki::check_card(reader.connect(VIRTUAL_READER_NAME)?, today())
}

fn basic4(reader: &VirtualReader, pin: &str) -> Result<card::basic4::Basic4, CardError> {
    jpki::read_basic4(reader.connect(VIRTUAL_READER_NAME)?, Pin::parse(pin)?)
}

fn trace(reader: &VirtualReader) -> Vec<TraceEntry> {
    reader.with_card(|c| c.trace().to_vec()).expect("card present")
}

const SELECT_MY_NUMBER_EF: [u8; 7] = [0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x01];

fn assert_never_selects_my_number(trace: &[TraceEntry]) {
    for e in trace {
        assert_ne!(e.bytes, SELECT_MY_NUMBER_EF, "selected EF 00 01: {}", e.command);
    }
}

fn verifies_with_pin(trace: &[TraceEntry]) -> usize {
    trace.iter().filter(|e| e.bytes.len() > 5 && e.bytes[1] == 0x20).count()
}

#[test]
fn a_valid_card_is_checked_without_any_pin() {
    let reader = reader_with(valid());
    let c = check(&reader).expect("check");
    assert_eq!(c.certificate.status, CertStatus::Valid);
    assert_eq!(c.certificate.not_after, d(2029, 3, 31));
    assert_eq!((c.auth_pin.tries_left, c.auth_pin.blocked), (3, false));
    assert_eq!(c.kenmen_pin.tries_left, 3);
    let t = trace(&reader);
    assert_eq!(c.apdus as usize, t.len());
    assert_eq!(verifies_with_pin(&t), 0, "no PIN is sent for a check");
    assert!(c.apdus <= 13, "{} APDUs: {:#?}", c.apdus, t.iter().map(|e| &e.command).collect::<Vec<_>>());
    assert_eq!(reader.open_connections(), 0, "the reader is released when the read ends");
}

#[test]
fn certificate_expiry_is_reported() {
    let soon = reader_with(VirtualCardConfig::demo(d(2027, 1, 31)));
    let c = check(&soon).expect("check");
    assert_eq!(c.certificate.status, CertStatus::ExpiresSoon);
    assert_eq!(c.certificate.days_left, 66);

    let expired = reader_with(VirtualCardConfig::demo(d(2026, 11, 26)));
    let c = check(&expired).expect("check");
    assert_eq!(c.certificate.status, CertStatus::Expired);
    assert!(c.certificate.message.contains("期限切れ: 市区町村の窓口で更新"));

    let last_day = reader_with(VirtualCardConfig::demo(today()));
    assert_eq!(check(&last_day).expect("check").certificate.status, CertStatus::ExpiresSoon);
}

#[test]
fn another_card_is_not_a_my_number_card() {
    let reader = reader_with(VirtualCardConfig { my_number_card: false, ..valid() });
    assert_eq!(check(&reader).err(), Some(CardError::NotMyNumberCard));
    assert_eq!(basic4(&reader, "1234").err(), Some(CardError::NotMyNumberCard));
    assert_eq!(verifies_with_pin(&trace(&reader)), 0);
}

#[test]
fn no_card_and_busy_reader_are_told_apart_and_recover() {
    let reader = VirtualReader::new();
    assert_eq!(check(&reader).err(), Some(CardError::NoCard));
    reader.insert(VirtualCard::new(valid()).expect("card"));
    reader.set_busy(true);
    assert_eq!(check(&reader).err(), Some(CardError::ReaderBusy));
    reader.set_busy(false);
    assert!(check(&reader).is_ok(), "the next read works");
    assert!(matches!(reader.connect("Some Other Reader").err(), Some(CardError::ReaderGone(_))));
}

#[test]
fn pin_tries_are_read_without_spending_one_and_the_last_is_flagged() {
    let reader = reader_with(VirtualCardConfig { auth_tries: 1, kenmen_tries: 2, ..valid() });
    for _ in 0..3 {
        let c = check(&reader).expect("check");
        assert_eq!((c.auth_pin.tries_left, c.kenmen_pin.tries_left), (1, 2));
        assert!(c.auth_pin.last_try());
    }
    let blocked = reader_with(VirtualCardConfig { auth_tries: 0, ..valid() });
    let c = check(&blocked).expect("a blocked PIN is reported, not an error of the check");
    assert!(c.auth_pin.blocked);
}

#[test]
fn basic4_needs_the_right_pin_and_each_pin_is_sent_once() {
    let reader = reader_with(valid());
    let b = basic4(&reader, "１２３４").expect("read with the right PIN, typed full-width");
    assert_eq!(b.name, "見本 花子");
    assert_eq!(b.birth_date, d(1980, 4, 1));
    assert_eq!(verifies_with_pin(&trace(&reader)), 1);

    assert_eq!(basic4(&reader, "0000").err(), Some(CardError::WrongPin { tries_left: 2 }));
    assert_eq!(verifies_with_pin(&trace(&reader)), 2, "a wrong PIN is not retried on its own");
    assert_eq!(reader.with_card(|c| c.tries()), Some((3, 2)));

    assert!(basic4(&reader, "1234").is_ok(), "the right PIN resets the counter");
    assert_eq!(reader.with_card(|c| c.tries()), Some((3, 3)));
    assert_never_selects_my_number(&trace(&reader));
    assert_eq!(reader.open_connections(), 0);
}

#[test]
fn three_wrong_pins_block_and_a_blocked_pin_is_never_sent() {
    let reader = reader_with(valid());
    assert_eq!(basic4(&reader, "1111").err(), Some(CardError::WrongPin { tries_left: 2 }));
    assert_eq!(basic4(&reader, "1111").err(), Some(CardError::WrongPin { tries_left: 1 }));
    assert_eq!(basic4(&reader, "1111").err(), Some(CardError::PinBlocked));
    let sent = verifies_with_pin(&trace(&reader));
    assert_eq!(basic4(&reader, "1234").err(), Some(CardError::PinBlocked));
    assert_eq!(verifies_with_pin(&trace(&reader)), sent, "no VERIFY is sent to a blocked PIN");
    assert!(check(&reader).expect("check still works").kenmen_pin.blocked);
}

#[test]
fn a_card_lifted_at_any_apdu_is_card_removed_and_the_next_read_works() {
    let apdus = check(&reader_with(valid())).expect("check").apdus;
    for n in 0..apdus {
        let reader = reader_with(valid());
        reader.remove_card_at_apdu(n);
        assert_eq!(check(&reader).err(), Some(CardError::CardRemoved), "lifted at APDU {n}");
        assert_eq!(reader.open_connections(), 0);
        reader.insert(VirtualCard::new(valid()).expect("card"));
        assert!(check(&reader).is_ok(), "next read after lifting at APDU {n}");
    }

    let reader = reader_with(valid());
    basic4(&reader, "1234").expect("full read");
    let basic4_apdus = trace(&reader).len() as u32;
    for n in 0..basic4_apdus {
        let reader = reader_with(valid());
        reader.remove_card_at_apdu(n);
        assert_eq!(basic4(&reader, "1234").err(), Some(CardError::CardRemoved), "lifted at APDU {n}");
        reader.insert(VirtualCard::new(valid()).expect("card"));
        assert!(basic4(&reader, "1234").is_ok(), "next read after lifting at APDU {n}");
    }
}

#[test]
fn over_every_flow_the_my_number_ef_is_never_selected() {
    let configs = [
        valid(),
        VirtualCardConfig { kenmen_tries: 1, ..valid() },
        VirtualCardConfig { kenmen_tries: 0, auth_tries: 0, ..valid() },
        VirtualCardConfig::demo(d(2020, 1, 1)),
        VirtualCardConfig { my_number_card: false, ..valid() },
    ];
    for config in configs {
        let reader = reader_with(config);
        let _ = check(&reader);
        let _ = basic4(&reader, "1234");
        let _ = basic4(&reader, "9999");
        let _ = check(&reader);
        let _ = basic4(&reader, "12");
        let t = trace(&reader);
        assert_never_selects_my_number(&t);
        assert!(verifies_with_pin(&t) <= 2, "one VERIFY per typed PIN at most");
        assert!(t.iter().all(|e| !e.command.contains("31 32 33 34")), "no PIN in the trace");
    }
}

#[test]
fn a_malformed_pin_never_reaches_the_card() {
    let reader = reader_with(valid());
    for bad in ["123", "12345", "abcd", ""] {
        assert_eq!(basic4(&reader, bad).err(), Some(CardError::PinFormat));
    }
    assert!(trace(&reader).is_empty());
}

#[test]
fn the_check_sends_the_fewest_apdus_for_what_it_learns() {
    let reader = reader_with(valid());
    let c = check(&reader).expect("check");
    let commands: Vec<String> = trace(&reader).iter().map(|e| e.command.clone()).collect();
    // SELECT JPKI, SELECT PIN EF, VERIFY (status), SELECT cert EF, READ ×n, SELECT 券面AP, SELECT PIN EF, VERIFY (status)
    let reads = commands.iter().filter(|c| c.starts_with("00 B0")).count();
    let cert_len = reader.with_card(|c| c.auth_certificate().len()).expect("card");
    assert_eq!(reads, cert_len.div_ceil(256), "{commands:#?}");
    assert_eq!(c.apdus as usize, 7 + reads);
}
