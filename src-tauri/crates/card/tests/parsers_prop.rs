//! Property tests (proptest) on everything that parses what a card sends: TLV, 基本4情報, the
//! certificate, status words, and the whole check over a card that answers garbage. None may
//! panic; the well-formed must round-trip. Set PROPTEST_CASES to run more.

use card::apdu::{Command, Response, Status};
use card::basic4::{self, Basic4, Sex};
use card::transport::Transport;
use card::virtual_card::{VirtualCard, VirtualCardConfig};
use card::{CardError, cert, jpki, tlv};
use chrono::NaiveDate;
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000),
        ..ProptestConfig::default()
    }
}

/// A card that answers whatever proptest makes up.
struct Chaos {
    replies: Vec<Vec<u8>>,
    next: usize,
}

impl Transport for Chaos {
    fn transmit(&mut self, _command: &Command) -> Result<Vec<u8>, CardError> {
        let reply = self.replies.get(self.next).cloned();
        self.next += 1;
        reply.ok_or(CardError::CardRemoved)
    }
}

/// A card made once (its certificates take a while to make) and copied for each case.
fn fresh_card() -> VirtualCard {
    static TEMPLATE: std::sync::LazyLock<VirtualCard> = std::sync::LazyLock::new(|| {
        VirtualCard::new(VirtualCardConfig::demo(NaiveDate::from_ymd_opt(2029, 3, 31).expect("date"))).expect("card")
    });
    TEMPLATE.clone()
}

/// Command APDUs: pure noise, or the instructions the card knows with random parameters and body
/// (so cases reach past the first check of the class byte).
fn apdu() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..40),
        (
            prop::sample::select(vec![0xA4u8, 0x20, 0xB0, 0xC0]),
            any::<u8>(),
            any::<u8>(),
            proptest::collection::vec(any::<u8>(), 0..24)
        )
            .prop_map(|(ins, p1, p2, body)| {
                let mut v = vec![0x00, ins, p1, p2];
                v.extend(body);
                v
            }),
    ]
}

fn real_cert() -> Vec<u8> {
    VirtualCard::new(VirtualCardConfig::demo(NaiveDate::from_ymd_opt(2029, 3, 31).expect("date")))
        .expect("card")
        .auth_certificate()
        .to_vec()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn tlv_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = tlv::read_all(&bytes);
        let _ = tlv::read_length(&bytes);
    }

    #[test]
    fn tlv_round_trips(tag in prop_oneof![0x01u16..0x1F, 0xDF00u16..0xDF7F], value in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let encoded = tlv::encode(tag, &value);
        let (t, rest) = tlv::read(&encoded).expect("well formed");
        prop_assert_eq!(t.tag, tag);
        prop_assert_eq!(t.value, &value[..]);
        prop_assert!(rest.is_empty());
    }

    #[test]
    fn basic4_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = basic4::parse(&bytes);
        let _ = basic4::total_length(&bytes);
    }

    #[test]
    fn basic4_round_trips(name in "\\PC{1,40}", address in "\\PC{1,120}", days in 0i64..40000, sex in 0usize..4) {
        let b = Basic4 {
            name,
            address,
            birth_date: NaiveDate::from_ymd_opt(1900, 1, 1).expect("date") + chrono::Duration::days(days),
            sex: [Sex::Male, Sex::Female, Sex::NotApplicable, Sex::Unknown][sex],
        };
        let file = basic4::encode(&b);
        prop_assert_eq!(basic4::total_length(&file[..5]).expect("length"), file.len());
        prop_assert_eq!(basic4::parse(&file).expect("parse"), b);
    }

    #[test]
    fn certificate_parsing_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..1500)) {
        let _ = cert::validity(&bytes);
        let _ = jpki::der_total_length(&bytes);
    }

    #[test]
    fn a_mutated_certificate_never_panics(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8), cut in any::<prop::sample::Index>()) {
        let mut der = real_cert();
        for (at, byte) in flips {
            let i = at.index(der.len());
            der[i] = byte;
        }
        let _ = cert::validity(&der);
        let _ = cert::validity(&der[..cut.index(der.len())]);
    }

    /// Every status word is classified without losing its bytes, and a response splits into data
    /// and status word exactly when it has two bytes or more.
    #[test]
    fn status_words_are_total(a in any::<u8>(), b in any::<u8>(), data in proptest::collection::vec(any::<u8>(), 0..6)) {
        prop_assert_eq!(Status::from_sw(a, b).sw(), (a, b));
        match Response::parse(&data) {
            Ok(r) => {
                prop_assert!(data.len() >= 2);
                let mut joined = r.data.clone();
                joined.extend([r.sw1, r.sw2]);
                prop_assert_eq!(joined, data);
            }
            Err(e) => {
                prop_assert!(data.len() < 2);
                prop_assert_eq!(e, CardError::ShortResponse { bytes: data.len() });
            }
        }
    }

    /// vpcd hands the virtual card whatever pcscd received: it answers anything with a status word.
    #[test]
    fn the_virtual_card_answers_any_bytes(apdus in proptest::collection::vec(apdu(), 1..12)) {
        let mut card = fresh_card();
        for apdu in &apdus {
            prop_assert!(card.answer(apdu).len() >= 2);
        }
        prop_assert!(card.answer(&[0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01]).ends_with(&[0x90, 0x00]));
    }

    #[test]
    fn a_card_answering_garbage_never_panics(replies in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..300), 0..24)) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
        let _ = jpki::check_card(Chaos { replies: replies.clone(), next: 0 }, today);
        let _ = jpki::read_basic4(Chaos { replies, next: 0 }, card::pin::Pin::parse("1234").expect("pin"));
    }
}

#[test]
fn the_virtual_certificate_parses() {
    let v = cert::validity(&real_cert()).expect("valid DER");
    assert_eq!(v.not_after, NaiveDate::from_ymd_opt(2029, 3, 31).expect("date"));
}
