//! The My Number card's applications, written once over any [`Transport`]: tell a My Number card
//! from others, read the 利用者証明用電子証明書, ask the PIN tries left without spending one, and
//! read the 基本4情報 after exactly one VERIFY of the PIN the patient typed.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use crate::apdu::{Application, Command, File, Response, Status};
use crate::basic4::{self, Basic4};
use crate::cert::{self, CertReport};
use crate::error::CardError;
use crate::pin::Pin;
use crate::transport::Transport;

/// How many tries a PIN has left, read without spending one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PinStatus {
    /// Tries left (0 when blocked)
    pub tries_left: u8,
    /// Locked: only the 市区町村 can reset it
    pub blocked: bool,
}

impl PinStatus {
    /// True when one more wrong PIN locks the card: the UI warns before asking for it.
    pub fn last_try(&self) -> bool {
        !self.blocked && self.tries_left == 1
    }
}

/// What the daily check learns from a card without any PIN.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CardCheck {
    /// The 利用者証明用電子証明書's validity today
    pub certificate: CertReport,
    /// 利用者証明用 PIN (the one the patient types at the counter)
    pub auth_pin: PinStatus,
    /// 券面事項入力補助用 PIN (the one that unlocks the 基本4情報)
    pub kenmen_pin: PinStatus,
    /// APDUs sent for this check
    pub apdus: u32,
}

const READ_BINARY: u8 = 0xB0;
const GET_RESPONSE: u8 = 0xC0;
/// Files beyond this size are not what we asked for.
const MAX_FILE: usize = 0x7FFF;

/// A conversation with one connected card. Counts the APDUs it sends.
pub struct Session<T: Transport> {
    transport: T,
    apdus: u32,
    /// Whether to try extended READ BINARY: true until the card or reader refuses one.
    extended: bool,
}

impl<T: Transport> Session<T> {
    /// Starts talking to a connected card.
    pub fn new(transport: T) -> Session<T> {
        Session { transport, apdus: 0, extended: true }
    }

    /// APDUs sent so far.
    pub fn apdus(&self) -> u32 {
        self.apdus
    }

    /// Gives the transport back (to disconnect it).
    pub fn into_inner(self) -> T {
        self.transport
    }

    fn send(&mut self, command: &Command) -> Result<Response, CardError> {
        self.apdus += 1;
        Response::parse(&self.transport.transmit(command)?)
    }

    /// Sends a command, following `61 xx` (GET RESPONSE) and `6C xx` (resend with Le) as T=0
    /// readers require.
    fn exchange(&mut self, command: &Command) -> Result<Response, CardError> {
        let mut response = self.send(command)?;
        if let Status::ResendWithLe(le) = response.status()
            && matches!(command.ins(), READ_BINARY | GET_RESPONSE)
        {
            response = self.send(&command.with_le(le))?;
        }
        let mut data = std::mem::take(&mut response.data);
        let mut guard = 0;
        while let Status::MoreData(le) = response.status() {
            guard += 1;
            if guard > 64 || data.len() > MAX_FILE {
                return Err(CardError::BadData("GET RESPONSE が終わりません".into()));
            }
            response = self.send(&Command::get_response(le))?;
            data.append(&mut response.data);
        }
        response.data = data;
        Ok(response)
    }

    /// Selects an application; a card without it is not a My Number card.
    pub fn select_application(&mut self, app: Application) -> Result<(), CardError> {
        let r = self.exchange(&Command::select_application(app))?;
        match r.status() {
            Status::Ok => Ok(()),
            Status::NotFound | Status::WrongP1P2 | Status::Other(0x6D, _) | Status::Other(0x6E, _) => {
                Err(CardError::NotMyNumberCard)
            }
            _ => Err(r.unexpected("アプリケーションの選択")),
        }
    }

    fn select_file(&mut self, file: File) -> Result<(), CardError> {
        let r = self.exchange(&Command::select_file(file))?;
        match r.status() {
            Status::Ok => Ok(()),
            _ => Err(r.unexpected("ファイルの選択")),
        }
    }

    /// Tries left for the PIN in `file` (VERIFY without data: no try is spent).
    pub fn pin_status(&mut self, file: File) -> Result<PinStatus, CardError> {
        self.select_file(file)?;
        let r = self.exchange(&Command::verify_status())?;
        match r.status() {
            Status::TriesLeft(0) | Status::Blocked => Ok(PinStatus { tries_left: 0, blocked: true }),
            Status::TriesLeft(n) => Ok(PinStatus { tries_left: n, blocked: false }),
            _ => Err(r.unexpected("暗証番号の残り回数の確認")),
        }
    }

    /// One VERIFY of the selected PIN EF with the PIN the patient typed. The PIN is consumed, so
    /// it cannot be sent again, and wiped when this returns.
    fn verify(&mut self, pin: Pin) -> Result<(), CardError> {
        let command = Command::verify(&pin);
        drop(pin);
        let r = self.exchange(&command)?;
        drop(command);
        match r.status() {
            Status::Ok => Ok(()),
            Status::TriesLeft(0) | Status::Blocked => Err(CardError::PinBlocked),
            Status::TriesLeft(n) => Err(CardError::WrongPin { tries_left: n }),
            _ => Err(r.unexpected("暗証番号の照合")),
        }
    }

    /// The rest of the selected file from `offset` in one extended READ BINARY. `Ok(None)` when
    /// the card or the reader does not take an extended length (then this session reads in short
    /// chunks); a card lifted meanwhile, or a service gone, is the error it is.
    fn read_rest_extended(&mut self, offset: usize) -> Result<Option<Vec<u8>>, CardError> {
        let Ok(offset) = u16::try_from(offset) else { return Ok(None) };
        match self.exchange(&Command::read_binary_extended(offset)) {
            Ok(r) if matches!(r.status(), Status::Ok | Status::EndReached) => Ok(Some(r.data)),
            Ok(r) if r.status() == Status::SecurityNotSatisfied => Err(r.unexpected("暗証番号の照合前の読み取り")),
            Ok(_) => Ok(None),
            Err(
                e @ (CardError::CardRemoved
                | CardError::NoCard
                | CardError::ServiceUnavailable
                | CardError::ReaderGone(_)),
            ) => Err(e),
            Err(e) => {
                tracing::info!("card: no extended READ BINARY here ({}); reading in short chunks", e.code().as_str());
                Ok(None)
            }
        }
    }

    fn read_binary(&mut self, offset: usize, len: usize) -> Result<Vec<u8>, CardError> {
        let offset = u16::try_from(offset).ok().filter(|o| usize::from(*o) <= MAX_FILE);
        let offset = offset.ok_or_else(|| CardError::BadData("ファイルが大きすぎます".into()))?;
        let le = if len >= 256 { 0 } else { len as u8 };
        let r = self.exchange(&Command::read_binary(offset, le))?;
        match r.status() {
            Status::Ok | Status::EndReached => Ok(r.data),
            Status::SecurityNotSatisfied => Err(r.unexpected("暗証番号の照合前の読み取り")),
            _ => Err(r.unexpected("ファイルの読み取り")),
        }
    }

    /// Reads the selected file whose total length `total_of` can tell from its first bytes.
    fn read_file(
        &mut self,
        first: usize,
        total_of: fn(&[u8]) -> Result<usize, CardError>,
    ) -> Result<Vec<u8>, CardError> {
        // The whole file in one command where extended lengths work: the certificate's 4 to 6
        // short reads become one.
        if self.extended {
            match self.read_rest_extended(0)? {
                Some(data) if total_of(&data).is_ok_and(|total| total <= data.len() && total <= MAX_FILE) => {
                    let total = total_of(&data)?;
                    let mut data = data;
                    data.truncate(total);
                    return Ok(data);
                }
                Some(_) => {}
                None => self.extended = false,
            }
        }
        let mut data = self.read_binary(0, first)?;
        let total = total_of(&data)?;
        if total > MAX_FILE {
            return Err(CardError::BadData(format!("ファイルの長さ {total} は大きすぎます")));
        }
        while data.len() < total {
            let chunk = self.read_binary(data.len(), (total - data.len()).min(256))?;
            if chunk.is_empty() {
                return Err(CardError::BadData("ファイルが途中で終わっています".into()));
            }
            data.extend(chunk);
        }
        data.truncate(total);
        Ok(data)
    }

    /// Reads the 利用者証明用電子証明書 (DER). No PIN is needed.
    pub fn read_auth_certificate(&mut self) -> Result<Vec<u8>, CardError> {
        self.select_file(File::AuthCertificate)?;
        // A certificate is always longer than 256 bytes: read a full chunk first and learn the
        // length from its DER header, saving the 4-byte probe read.
        self.read_file(256, der_total_length)
    }
}

/// The total length of a DER item from its first bytes (`30 82 LL LL`).
pub fn der_total_length(head: &[u8]) -> Result<usize, CardError> {
    match head {
        [0x30, rest @ ..] => {
            let (len, after) = crate::tlv::read_length(rest)?;
            Ok(head.len() - after.len() + len)
        }
        _ => Err(CardError::BadData("証明書ではないデータです".into())),
    }
}

/// The check the app runs on every card placed on the reader: is it a My Number card, is its
/// certificate valid on `today`, how many PIN tries are left. No PIN is sent.
pub fn check_card<T: Transport>(transport: T, today: NaiveDate) -> Result<CardCheck, CardError> {
    let mut s = Session::new(transport);
    s.select_application(Application::Jpki)?;
    let auth_pin = s.pin_status(File::AuthPin)?;
    let der = s.read_auth_certificate()?;
    let certificate = cert::assess(cert::validity(&der)?, today);
    s.select_application(Application::KenmenHojo)?;
    let kenmen_pin = s.pin_status(File::KenmenPin)?;
    Ok(CardCheck { certificate, auth_pin, kenmen_pin, apdus: s.apdus() })
}

/// Reads the 基本4情報 with the PIN the patient typed: tries left are checked first (a blocked PIN
/// is refused without sending it), then exactly one VERIFY. Never selects the 個人番号 EF.
pub fn read_basic4<T: Transport>(transport: T, pin: Pin) -> Result<Basic4, CardError> {
    let mut s = Session::new(transport);
    s.select_application(Application::KenmenHojo)?;
    let status = s.pin_status(File::KenmenPin)?;
    if status.blocked {
        return Err(CardError::PinBlocked);
    }
    s.verify(pin)?;
    s.select_file(File::Basic4)?;
    let file = s.read_file(5, |head| basic4::total_length(head.get(..5).unwrap_or(head)))?;
    basic4::parse(&file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_lengths() {
        assert_eq!(der_total_length(&[0x30, 0x82, 0x05, 0x00]).expect("ok"), 0x504);
        assert_eq!(der_total_length(&[0x30, 0x81, 0x90]).expect("ok"), 0x93);
        assert_eq!(der_total_length(&[0x30, 0x10]).expect("ok"), 0x12);
        assert!(der_total_length(&[0x31, 0x82, 0, 0]).is_err());
        assert!(der_total_length(&[0x30]).is_err());
        assert!(der_total_length(&[0x30, 0x84, 0, 0, 0, 0]).is_err());
    }

    #[test]
    fn last_try_is_flagged() {
        assert!(PinStatus { tries_left: 1, blocked: false }.last_try());
        assert!(!PinStatus { tries_left: 0, blocked: true }.last_try());
        assert!(!PinStatus { tries_left: 3, blocked: false }.last_try());
    }
}
