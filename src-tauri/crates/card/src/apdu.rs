//! Command and response APDUs (ISO/IEC 7816-4), the few the app needs and nothing more. The list of
//! constructors *is* the list of things the app can ever ask a card: there is no way to build a
//! SELECT of the 個人番号 EF here, and since a [`crate::transport::Transport`] only takes a
//! [`Command`] (whose bytes never leave this crate), no code outside this module can write one.

use zeroize::Zeroizing;

use crate::error::CardError;
use crate::pin::Pin;

/// The applications the app selects (by DF name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Application {
    /// 公的個人認証AP (JPKI): the 利用者証明用電子証明書 and its PIN
    Jpki,
    /// 券面事項入力補助AP: the 基本4情報 and its PIN
    KenmenHojo,
}

impl Application {
    /// The AID, from `shared/domain/card.md`.
    pub fn aid(self) -> &'static [u8] {
        match self {
            Application::Jpki => &[0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01],
            Application::KenmenHojo => &[0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08],
        }
    }
}

/// The elementary files the app selects. The 個人番号 EF (`00 01` in the 券面事項入力補助AP) and the
/// 署名用 files are deliberately absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum File {
    /// JPKI `00 0A`: 利用者証明用電子証明書 (DER), readable without a PIN
    AuthCertificate,
    /// JPKI `00 18`: 利用者証明用 PIN
    AuthPin,
    /// 券面事項入力補助 `00 11`: its PIN
    KenmenPin,
    /// 券面事項入力補助 `00 02`: 基本4情報, readable after VERIFY of its PIN
    Basic4,
}

impl File {
    /// The file id.
    pub fn id(self) -> [u8; 2] {
        match self {
            File::AuthCertificate => [0x00, 0x0A],
            File::AuthPin => [0x00, 0x18],
            File::KenmenPin => [0x00, 0x11],
            File::Basic4 => [0x00, 0x02],
        }
    }
}

/// A command APDU. Its bytes are wiped when dropped, since a VERIFY carries a PIN.
pub struct Command {
    bytes: Zeroizing<Vec<u8>>,
}

impl Command {
    /// SELECT an application by DF name, no response data (`00 A4 04 0C`).
    pub fn select_application(app: Application) -> Command {
        let aid = app.aid();
        let mut bytes = vec![0x00, 0xA4, 0x04, 0x0C, aid.len() as u8];
        bytes.extend_from_slice(aid);
        Command { bytes: Zeroizing::new(bytes) }
    }

    /// SELECT an elementary file by id (`00 A4 02 0C 02 id`).
    pub fn select_file(file: File) -> Command {
        let id = file.id();
        Command { bytes: Zeroizing::new(vec![0x00, 0xA4, 0x02, 0x0C, 0x02, id[0], id[1]]) }
    }

    /// VERIFY with no data: asks how many tries are left without spending one (`63 Cx`).
    pub fn verify_status() -> Command {
        Command { bytes: Zeroizing::new(vec![0x00, 0x20, 0x00, 0x80]) }
    }

    /// VERIFY the PIN of the selected PIN EF. Spends a try when wrong.
    pub fn verify(pin: &Pin) -> Command {
        let digits = pin.ascii();
        let mut bytes = Vec::with_capacity(5 + digits.len());
        bytes.extend_from_slice(&[0x00, 0x20, 0x00, 0x80, digits.len() as u8]);
        bytes.extend_from_slice(digits);
        Command { bytes: Zeroizing::new(bytes) }
    }

    /// READ BINARY of `le` bytes (0 = 256) at `offset` of the selected EF.
    pub fn read_binary(offset: u16, le: u8) -> Command {
        let [hi, lo] = offset.to_be_bytes();
        Command { bytes: Zeroizing::new(vec![0x00, 0xB0, hi & 0x7F, lo, le]) }
    }

    /// READ BINARY at `offset` with an extended Le of `00 00` (up to 65,536 bytes): the whole rest
    /// of a file in one command, where the card and the reader take extended lengths.
    pub fn read_binary_extended(offset: u16) -> Command {
        let [hi, lo] = offset.to_be_bytes();
        Command { bytes: Zeroizing::new(vec![0x00, 0xB0, hi & 0x7F, lo, 0x00, 0x00, 0x00]) }
    }

    /// True for a command with an extended (3-byte) Le and no data.
    pub fn is_extended(&self) -> bool {
        self.bytes.len() == 7 && self.bytes.get(4) == Some(&0x00)
    }

    /// GET RESPONSE for `le` bytes, after a `61 xx` on T=0.
    pub fn get_response(le: u8) -> Command {
        Command { bytes: Zeroizing::new(vec![0x00, 0xC0, 0x00, 0x00, le]) }
    }

    /// The same command with its Le replaced, after a `6C xx` (wrong length, resend with xx).
    pub fn with_le(&self, le: u8) -> Command {
        let mut bytes = self.bytes.to_vec();
        match (bytes.len(), self.ins()) {
            (5, 0xB0 | 0xC0) => {
                if let Some(last) = bytes.last_mut() {
                    *last = le;
                }
            }
            // An extended Le the card wants short: the 3-byte Le becomes one byte.
            (7, 0xB0) => {
                bytes.truncate(4);
                bytes.push(le);
            }
            _ => bytes.push(le),
        }
        Command { bytes: Zeroizing::new(bytes) }
    }

    /// The bytes to send: only the transports of this crate see them.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The instruction byte (`A4` SELECT, `20` VERIFY, `B0` READ BINARY, `C0` GET RESPONSE).
    pub fn ins(&self) -> u8 {
        self.bytes.get(1).copied().unwrap_or_default()
    }

    /// True for a VERIFY that carries a PIN: a flow that sent one ends with a reset of the card,
    /// so no other program finds the card verified.
    pub fn sends_pin(&self) -> bool {
        self.ins() == 0x20 && self.bytes.len() > 5
    }
}

impl std::fmt::Debug for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&redacted_hex(&self.bytes))
    }
}

/// Hex of a command APDU with a VERIFY's PIN replaced by `**`, safe for logs and traces.
pub fn redacted_hex(command: &[u8]) -> String {
    let is_verify_with_data = command.len() > 5 && command.get(1) == Some(&0x20);
    command
        .iter()
        .enumerate()
        .map(|(i, b)| if is_verify_with_data && i >= 5 { "**".to_string() } else { format!("{b:02X}") })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A card's status word, classified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// `90 00`
    Ok,
    /// `62 82`: end of file reached before Le bytes
    EndReached,
    /// `63 Cx`: verification failed or, for an empty VERIFY, x tries left
    TriesLeft(u8),
    /// `61 xx`: xx more bytes to fetch with GET RESPONSE
    MoreData(u8),
    /// `6C xx`: wrong Le, resend with xx
    ResendWithLe(u8),
    /// `67 00`: wrong length
    WrongLength,
    /// `69 82`: security status not satisfied (PIN not verified)
    SecurityNotSatisfied,
    /// `69 83`: authentication method blocked (PIN locked)
    Blocked,
    /// `69 86`: command not allowed, no current EF
    NoCurrentEf,
    /// `6A 82`: file or application not found
    NotFound,
    /// `6A 86`: incorrect P1 P2
    WrongP1P2,
    /// `6B 00`: offset beyond the end of the file
    WrongOffset,
    /// Anything else
    Other(u8, u8),
}

impl Status {
    /// Classifies `sw1 sw2`.
    pub fn from_sw(sw1: u8, sw2: u8) -> Status {
        match (sw1, sw2) {
            (0x90, 0x00) => Status::Ok,
            (0x62, 0x82) => Status::EndReached,
            (0x63, x) if x & 0xF0 == 0xC0 => Status::TriesLeft(x & 0x0F),
            (0x61, x) => Status::MoreData(x),
            (0x6C, x) => Status::ResendWithLe(x),
            (0x67, 0x00) => Status::WrongLength,
            (0x69, 0x82) => Status::SecurityNotSatisfied,
            (0x69, 0x83) => Status::Blocked,
            (0x69, 0x86) => Status::NoCurrentEf,
            (0x6A, 0x82) => Status::NotFound,
            (0x6A, 0x86) => Status::WrongP1P2,
            (0x6B, 0x00) => Status::WrongOffset,
            (a, b) => Status::Other(a, b),
        }
    }

    /// The status word this classification came from: the classification loses nothing, so a
    /// message or a log can always show the card's own bytes.
    pub fn sw(self) -> (u8, u8) {
        match self {
            Status::Ok => (0x90, 0x00),
            Status::EndReached => (0x62, 0x82),
            Status::TriesLeft(x) => (0x63, 0xC0 | x),
            Status::MoreData(x) => (0x61, x),
            Status::ResendWithLe(x) => (0x6C, x),
            Status::WrongLength => (0x67, 0x00),
            Status::SecurityNotSatisfied => (0x69, 0x82),
            Status::Blocked => (0x69, 0x83),
            Status::NoCurrentEf => (0x69, 0x86),
            Status::NotFound => (0x6A, 0x82),
            Status::WrongP1P2 => (0x6A, 0x86),
            Status::WrongOffset => (0x6B, 0x00),
            Status::Other(a, b) => (a, b),
        }
    }
}

/// A response APDU: data and status word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// The response data (may be empty)
    pub data: Vec<u8>,
    /// Status byte 1
    pub sw1: u8,
    /// Status byte 2
    pub sw2: u8,
}

impl Response {
    /// Splits a raw response into data and status word; fewer than 2 bytes is a broken exchange.
    pub fn parse(raw: &[u8]) -> Result<Response, CardError> {
        match raw {
            [data @ .., sw1, sw2] => Ok(Response { data: data.to_vec(), sw1: *sw1, sw2: *sw2 }),
            _ => Err(CardError::ShortResponse { bytes: raw.len() }),
        }
    }

    /// The classified status word.
    pub fn status(&self) -> Status {
        Status::from_sw(self.sw1, self.sw2)
    }

    /// An `UnexpectedStatus` error for this response.
    pub fn unexpected(&self, during: &'static str) -> CardError {
        CardError::UnexpectedStatus { sw1: self.sw1, sw2: self.sw2, during }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_documented_commands() {
        assert_eq!(
            Command::select_application(Application::Jpki).as_bytes(),
            [0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01]
        );
        assert_eq!(Command::select_file(File::AuthCertificate).as_bytes(), [0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x0A]);
        assert_eq!(Command::verify_status().as_bytes(), [0x00, 0x20, 0x00, 0x80]);
        assert_eq!(Command::read_binary(0x0104, 0).as_bytes(), [0x00, 0xB0, 0x01, 0x04, 0x00]);
        let pin = Pin::parse("1234").expect("pin");
        assert_eq!(Command::verify(&pin).as_bytes(), [0x00, 0x20, 0x00, 0x80, 0x04, b'1', b'2', b'3', b'4']);
    }

    #[test]
    fn traces_never_show_a_pin() {
        let pin = Pin::parse("9876").expect("pin");
        let shown = format!("{:?}", Command::verify(&pin));
        assert_eq!(shown, "00 20 00 80 04 ** ** ** **");
        assert_eq!(redacted_hex(&[0x00, 0x20, 0x00, 0x80]), "00 20 00 80");
    }

    #[test]
    fn classifies_status_words() {
        let cases = [
            ((0x90, 0x00), Status::Ok),
            ((0x63, 0xC2), Status::TriesLeft(2)),
            ((0x63, 0xC0), Status::TriesLeft(0)),
            ((0x63, 0x00), Status::Other(0x63, 0x00)),
            ((0x69, 0x83), Status::Blocked),
            ((0x6A, 0x82), Status::NotFound),
            ((0x61, 0x10), Status::MoreData(0x10)),
            ((0x6C, 0x20), Status::ResendWithLe(0x20)),
            ((0x62, 0x82), Status::EndReached),
            ((0x6B, 0x00), Status::WrongOffset),
        ];
        for ((a, b), expected) in cases {
            assert_eq!(Status::from_sw(a, b), expected, "{a:02X}{b:02X}");
        }
    }

    #[test]
    fn a_response_needs_a_status_word() {
        assert!(Response::parse(&[0x90]).is_err());
        let r = Response::parse(&[1, 2, 0x90, 0x00]).expect("parse");
        assert_eq!((r.data.as_slice(), r.status()), (&[1u8, 2][..], Status::Ok));
    }

    #[test]
    fn resend_replaces_le() {
        assert_eq!(Command::read_binary(0, 0).with_le(0x20).as_bytes(), [0x00, 0xB0, 0x00, 0x00, 0x20]);
        let extended = Command::read_binary_extended(0x0104);
        assert_eq!(extended.as_bytes(), [0x00, 0xB0, 0x01, 0x04, 0x00, 0x00, 0x00]);
        assert!(extended.is_extended() && !Command::read_binary(0, 0).is_extended());
        assert_eq!(extended.with_le(0x20).as_bytes(), [0x00, 0xB0, 0x01, 0x04, 0x20]);
    }
}
