//! Every path of the card layer against the virtual My Number card, in process.

use card::CardError;
use card::cert::CertStatus;
use card::jpki::{self, CardCheck};
use card::pin::Pin;
use card::reader;
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
    reader::run(reader, VIRTUAL_READER_NAME, |t| jpki::check_card(t, today()))
}

fn basic4(reader: &VirtualReader, pin: &str) -> Result<card::basic4::Basic4, CardError> {
    let pin = Pin::parse(pin)?;
    reader::run(reader, VIRTUAL_READER_NAME, |t| jpki::read_basic4(t, pin))
}

fn trace(reader: &VirtualReader) -> Vec<TraceEntry> {
    reader.with_card(|c| c.trace().to_vec()).expect("card present")
}

/// The card counts every SELECT of EF `00 01`, however it is encoded: the app must send none.
fn assert_never_selects_my_number(reader: &VirtualReader) {
    let (selections, trace) = reader.with_card(|c| (c.ef_0001_selections(), c.trace().to_vec())).expect("card");
    assert_eq!(selections, 0, "EF 00 01 selected: {:#?}", trace.iter().map(|e| &e.command).collect::<Vec<_>>());
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
    // Two SELECTs and a tries count per application, the certificate in one extended READ BINARY.
    assert!(c.apdus <= 8, "{} APDUs: {:#?}", c.apdus, t.iter().map(|e| &e.command).collect::<Vec<_>>());
    assert_eq!(reader.open_connections(), 0, "the reader is released when the read ends");
}

#[test]
fn without_extended_lengths_the_certificate_is_read_in_short_chunks() {
    let reader = reader_with(VirtualCardConfig { extended_length: false, ..valid() });
    let c = check(&reader).expect("check");
    assert_eq!(c.certificate.status, CertStatus::Valid);
    assert_eq!(c.certificate.not_after, d(2029, 3, 31));
    let t = trace(&reader);
    let extended: Vec<_> = t.iter().filter(|e| e.bytes.len() == 7 && e.bytes[1] == 0xB0).collect();
    assert_eq!(extended.len(), 1, "one extended read is tried, refused, and not tried again");
    assert_eq!(extended[0].sw, [0x67, 0x00]);
    let short_reads = t.iter().filter(|e| e.bytes.len() == 5 && e.bytes[1] == 0xB0).count();
    assert!(short_reads >= 2, "the certificate came in short chunks: {short_reads}");

    // The 基本4情報 the same way, after the one VERIFY.
    let b = basic4(&reader, "1234").expect("read");
    assert_eq!(b.name, "見本 花子");
    assert_eq!(verifies_with_pin(&trace(&reader)), 1);
    assert_never_selects_my_number(&reader);
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
    let elsewhere = reader::run(&reader, "Some Other Reader", |t| jpki::check_card(t, today()));
    assert!(matches!(elsewhere.err(), Some(CardError::ReaderGone(_))));
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
    assert_never_selects_my_number(&reader);
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
        assert_never_selects_my_number(&reader);
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
    // SELECT JPKI, SELECT PIN EF, VERIFY (status), SELECT cert EF, one extended READ BINARY,
    // SELECT 券面AP, SELECT PIN EF, VERIFY (status): the tries read once per application.
    let reads: Vec<&String> = commands.iter().filter(|c| c.starts_with("00 B0")).collect();
    assert_eq!(reads, [&"00 B0 00 00 00 00 00".to_string()], "{commands:#?}");
    assert_eq!(commands.iter().filter(|c| c.starts_with("00 20")).count(), 2, "{commands:#?}");
    assert_eq!(c.apdus, 8, "{commands:#?}");
    assert!(
        reader.with_card(|c| c.auth_certificate().len()).expect("card") > 256,
        "the certificate needs more than one short read"
    );
}

/// Every way another program could ask for EF `00 01`: by file id (P1 00 or 02), by path (P1 08),
/// with P2 0C / 00 / 04, with or without Le. The card must count each one, or the trace test above
/// would prove nothing.
#[test]
fn the_virtual_card_notices_every_encoding_of_a_select_of_ef_0001() {
    let reader = reader_with(valid());
    let kenmen: &[u8] = &[0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08];
    let encodings: [&[u8]; 8] = [
        &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x01],
        &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x01, 0x00],
        &[0x00, 0xA4, 0x02, 0x00, 0x02, 0x00, 0x01],
        &[0x00, 0xA4, 0x02, 0x00, 0x02, 0x00, 0x01, 0x00],
        &[0x00, 0xA4, 0x02, 0x04, 0x02, 0x00, 0x01, 0x00],
        &[0x00, 0xA4, 0x00, 0x0C, 0x02, 0x00, 0x01],
        &[0x00, 0xA4, 0x08, 0x0C, 0x02, 0x00, 0x01],
        &[0x00, 0xA4, 0x08, 0x04, 0x04, 0x3F, 0x00, 0x00, 0x01, 0x00],
    ];
    for (i, select) in encodings.iter().enumerate() {
        reader.as_another_program(&[kenmen, select]).expect("another program");
        assert_eq!(reader.with_card(|c| c.ef_0001_selections()), Some(i as u32 + 1), "{select:02X?}");
    }
    // Other files are not counted.
    reader.as_another_program(&[kenmen, &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x02]]).expect("another program");
    assert_eq!(reader.with_card(|c| c.ef_0001_selections()), Some(encodings.len() as u32));
}

/// What the review found: after the app's read of the 基本4情報, another program that selects
/// EF `00 01` in the current DF and reads it must get an error status, never the 12 digits. The
/// flow that sent the PIN ends with a reset, so the card is no longer verified.
#[test]
fn after_reading_the_basic4_no_other_program_finds_the_card_verified() {
    let reader = reader_with(valid());
    let resets_before = reader.with_card(|c| c.resets()).expect("card");
    basic4(&reader, "1234").expect("read");
    assert_eq!(reader.with_card(|c| c.is_verified()), Some(false));
    assert_eq!(reader.with_card(|c| c.resets()), Some(resets_before + 1), "exactly one reset, after the PIN flow");

    let answers = reader
        .as_another_program(&[&[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x01], &[0x00, 0xB0, 0x00, 0x00, 0x00]])
        .expect("another program");
    let read = answers.last().expect("an answer");
    assert_eq!(read.len(), 2, "a status word only, no data: {read:02X?}");
    assert!(
        matches!(read.as_slice(), [0x69, 0x86] | [0x6A, 0x82] | [0x69, 0x82]),
        "no current file, not found or security not satisfied: {read:02X?}"
    );

    // A wrong PIN also ends with a reset (the flow sent a PIN), and a check without PIN does not
    // reset the card under the official app.
    let _ = basic4(&reader, "0000");
    assert_eq!(reader.with_card(|c| c.resets()), Some(resets_before + 2));
    check(&reader).expect("check");
    assert_eq!(reader.with_card(|c| c.resets()), Some(resets_before + 2), "no reset without a PIN");
}

/// Before the fix, the same card left verified handed out the number: the virtual card must show
/// that, or the test above would pass for the wrong reason.
#[test]
fn a_card_left_verified_would_give_the_number_away() {
    let reader = reader_with(valid());
    let kenmen: &[u8] = &[0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08];
    let answers = reader
        .as_another_program(&[
            kenmen,
            &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x11],
            &[0x00, 0x20, 0x00, 0x80, 0x04, b'1', b'2', b'3', b'4'],
            &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x01],
            &[0x00, 0xB0, 0x00, 0x00, 0x00],
        ])
        .expect("another program");
    let read = answers.last().expect("an answer");
    assert!(read.len() > 12 && (read.ends_with(&[0x90, 0x00]) || read.ends_with(&[0x62, 0x82])), "{read:02X?}");
}

/// A transport that panics right after a VERIFY with a PIN was answered.
struct PanicAfterVerify<'a>(&'a mut dyn card::transport::Transport);

impl card::transport::Transport for PanicAfterVerify<'_> {
    fn transmit(&mut self, command: &card::apdu::Command) -> Result<Vec<u8>, CardError> {
        let answer = self.0.transmit(command);
        assert!(!command.sends_pin(), "a flow panicking right after VERIFY");
        answer
    }
}

/// The demo reader keeps the same promise as the PC/SC one: a flow that panics after VERIFY still
/// leaves the card reset, and the reader usable.
#[test]
fn a_flow_that_panics_after_verify_still_resets_the_card() {
    let reader = reader_with(valid());
    let resets = reader.with_card(VirtualCard::resets).expect("card");
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let pin = Pin::parse("1234").expect("pin");
        reader::run(&reader, VIRTUAL_READER_NAME, |t| jpki::read_basic4(&mut PanicAfterVerify(t), pin))
    }));
    assert!(panicked.is_err(), "the panic is not swallowed");
    assert!(reader.with_card(VirtualCard::resets).expect("card") > resets);
    assert_eq!(reader.with_card(VirtualCard::is_verified), Some(false));
    assert!(check(&reader).is_ok(), "the reader is not left busy");
}
