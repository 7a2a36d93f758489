//! A virtual My Number card that answers APDUs the way a real one does (per `shared/domain/card.md`):
//! the JPKI and 券面事項入力補助 applications, their files, PINs with a tries counter that locks at
//! zero, a certificate it makes itself with the expiry you choose, and a trace of every APDU it
//! received (PINs redacted). It backs the unit tests, the vpcd program that plugs into the real
//! pcscd, and the app's デモ mode.

use chrono::{Datelike, NaiveDate};

use crate::apdu::{Application, redacted_hex};
use crate::basic4::{self, Basic4, Sex};
use crate::error::CardError;

/// Tries a PIN has when fresh: the 利用者証明用 PIN locks after 3 wrong tries (J-LIS).
pub const MAX_TRIES: u8 = 3;

/// The ATR our virtual card gives (a generic ISO 14443 type B contactless ATR shape).
pub const ATR: &[u8] = &[0x3B, 0x88, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09];

/// How to make a virtual card.
#[derive(Clone, Debug)]
pub struct VirtualCardConfig {
    /// False for "some other IC card" (a 診察券, a transit card): every SELECT answers `6A 82`
    pub my_number_card: bool,
    /// The 利用者証明用 PIN
    pub auth_pin: String,
    /// The 券面事項入力補助用 PIN (usually the same digits)
    pub kenmen_pin: String,
    /// Tries left on the 利用者証明用 PIN
    pub auth_tries: u8,
    /// Tries left on the 券面事項入力補助用 PIN
    pub kenmen_tries: u8,
    /// First valid day of the 利用者証明用電子証明書
    pub cert_not_before: NaiveDate,
    /// Last valid day of the 利用者証明用電子証明書
    pub cert_not_after: NaiveDate,
    /// The 基本4情報 on the card
    pub basic4: Basic4,
    /// Whether READ BINARY takes an extended Le (`00 00 00`); false answers it `67 00`, as a card
    /// or reader without extended lengths would
    pub extended_length: bool,
}

impl VirtualCardConfig {
    /// A valid card for a made-up patient whose certificate expires on `not_after`.
    pub fn demo(not_after: NaiveDate) -> VirtualCardConfig {
        VirtualCardConfig {
            my_number_card: true,
            auth_pin: "1234".into(),
            kenmen_pin: "1234".into(),
            auth_tries: MAX_TRIES,
            kenmen_tries: MAX_TRIES,
            cert_not_before: not_after.with_year(not_after.year() - 5).unwrap_or(not_after),
            cert_not_after: not_after,
            basic4: Basic4 {
                name: "見本 花子".into(),
                address: "東京都千代田区霞が関一丁目二番二号".into(),
                birth_date: NaiveDate::from_ymd_opt(1980, 4, 1).unwrap_or_default(),
                sex: Sex::Female,
            },
            extended_length: true,
        }
    }
}

/// One APDU as the card received it, for tests and benchmarks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceEntry {
    /// The command with any PIN replaced by `**`
    pub command: String,
    /// The raw command bytes with PIN digits replaced by `*`
    pub bytes: Vec<u8>,
    /// The status word answered
    pub sw: [u8; 2],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum App {
    Jpki,
    Kenmen,
    /// Other applications a real card has (券面事項確認AP, 住基AP, 共通AP): selectable, no files here
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ef {
    AuthCert,
    CaCert,
    SignCert,
    Token,
    AuthPin,
    SignPin,
    KenmenPin,
    MyNumber,
    Basic4,
}

const OTHER_AIDS: [&[u8]; 3] = [
    &[0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x02],
    &[0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x01],
    &[0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x01, 0x00],
];

/// The card. A clone is the same card in the same state (tests copy one instead of making its
/// certificates again).
#[derive(Clone)]
pub struct VirtualCard {
    config: VirtualCardConfig,
    auth_cert: Vec<u8>,
    ca_cert: Vec<u8>,
    basic4_file: Vec<u8>,
    app: Option<App>,
    ef: Option<Ef>,
    kenmen_verified: bool,
    auth_verified: bool,
    trace: Vec<TraceEntry>,
    /// Every SELECT of an EF `00 01`, however encoded (see [`VirtualCard::ef_0001_selections`]).
    ef_0001_selections: u32,
    /// Resets (power cycles) since the card was made.
    resets: u32,
    /// APDUs and resets in order, for people to read (`RESET` lines between APDUs).
    history: Vec<String>,
}

impl VirtualCard {
    /// Makes the card, generating its certificates.
    pub fn new(config: VirtualCardConfig) -> Result<VirtualCard, CardError> {
        let (auth_cert, ca_cert) = make_certificates(&config)?;
        let basic4_file = basic4::encode(&config.basic4);
        Ok(VirtualCard {
            config,
            auth_cert,
            ca_cert,
            basic4_file,
            app: None,
            ef: None,
            kenmen_verified: false,
            auth_verified: false,
            trace: Vec::new(),
            ef_0001_selections: 0,
            resets: 0,
            history: Vec::new(),
        })
    }

    /// The ATR.
    pub fn atr(&self) -> &'static [u8] {
        ATR
    }

    /// Power cycle: selections and verified PINs are forgotten, tries counters are kept. This is
    /// what pcscd's `SCARD_RESET_CARD` reaches (through vpcd's reset message).
    pub fn reset(&mut self) {
        self.app = None;
        self.ef = None;
        self.kenmen_verified = false;
        self.auth_verified = false;
        self.resets += 1;
        self.history.push("RESET".into());
    }

    /// Resets since the card was made (placing it on a reader counts as one).
    pub fn resets(&self) -> u32 {
        self.resets
    }

    /// True while a PIN stays verified: what another program would find after us.
    pub fn is_verified(&self) -> bool {
        self.kenmen_verified || self.auth_verified
    }

    /// Every SELECT of an EF `00 01` received, in any DF and however encoded (by file id with P1
    /// `00`/`02`, by path with P1 `08`/`09`; P2 `0C`, `00` or `04`; with or without Le). In the
    /// 券面事項入力補助AP it is the 個人番号, in JPKI the 署名用 certificate: the app must send none.
    pub fn ef_0001_selections(&self) -> u32 {
        self.ef_0001_selections
    }

    /// APDUs (PINs redacted) with their status words and the resets between them, in order.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// Every APDU received since the card was made.
    pub fn trace(&self) -> &[TraceEntry] {
        &self.trace
    }

    /// Tries left on (利用者証明用, 券面事項入力補助用).
    pub fn tries(&self) -> (u8, u8) {
        (self.config.auth_tries, self.config.kenmen_tries)
    }

    /// The DER of the 利用者証明用電子証明書 it serves.
    pub fn auth_certificate(&self) -> &[u8] {
        &self.auth_cert
    }

    /// Answers one command APDU with data + SW1 SW2.
    pub fn answer(&mut self, command: &[u8]) -> Vec<u8> {
        let response = self.dispatch(command);
        let sw = match response.as_slice() {
            [.., a, b] => [*a, *b],
            _ => [0x6F, 0x00],
        };
        let mut bytes = command.to_vec();
        if let [_, 0x20, _, _, _, pin @ ..] = bytes.as_mut_slice() {
            pin.fill(b'*');
        }
        let shown = redacted_hex(command);
        self.history.push(format!("{shown}  → {:02X}{:02X}", sw[0], sw[1]));
        self.trace.push(TraceEntry { command: shown, bytes, sw });
        response
    }

    fn dispatch(&mut self, c: &[u8]) -> Vec<u8> {
        let [cla, ins, p1, p2, body @ ..] = c else {
            return sw(0x67, 0x00);
        };
        if *cla != 0x00 {
            return sw(0x6E, 0x00);
        }
        let (ins, p1, p2) = (*ins, *p1, *p2);
        match ins {
            0xA4 => match data_of(body) {
                Some(data) => self.select(p1, p2, data),
                None => sw(0x67, 0x00),
            },
            0x20 if p1 == 0x00 && p2 == 0x80 => match body {
                [] => self.verify(None),
                _ => match data_of(body) {
                    Some(data) => self.verify(Some(data)),
                    None => sw(0x67, 0x00),
                },
            },
            0x20 => sw(0x6A, 0x86),
            0xB0 => {
                let offset = usize::from(p1 & 0x7F) << 8 | usize::from(p2);
                match body {
                    [0] | [] => self.read_binary(offset, 256),
                    [le] => self.read_binary(offset, usize::from(*le)),
                    [0, hi, lo] if self.config.extended_length => {
                        let le = usize::from(u16::from_be_bytes([*hi, *lo]));
                        self.read_binary(offset, if le == 0 { 65_536 } else { le })
                    }
                    _ => sw(0x67, 0x00),
                }
            }
            _ => sw(0x6D, 0x00),
        }
    }

    fn select(&mut self, p1: u8, p2: u8, data: &[u8]) -> Vec<u8> {
        let names_ef_0001 = match p1 {
            0x00 | 0x02 => data == [0x00, 0x01],
            0x08 | 0x09 => data.ends_with(&[0x00, 0x01]) && data.len().is_multiple_of(2),
            _ => false,
        };
        if names_ef_0001 {
            self.ef_0001_selections += 1;
        }
        if !self.config.my_number_card {
            return sw(0x6A, 0x82);
        }
        // P2: 0C no data back, 00 FCI, 04 FCP. The card answers all three as real ones do.
        let fcp = match p2 {
            0x0C => false,
            0x00 | 0x04 => true,
            _ => return sw(0x6A, 0x86),
        };
        let ok = || if fcp { vec![0x62, 0x00, 0x90, 0x00] } else { sw(0x90, 0x00) };
        match p1 {
            0x04 => {
                let app = if data == Application::Jpki.aid() {
                    App::Jpki
                } else if data == Application::KenmenHojo.aid() {
                    App::Kenmen
                } else if OTHER_AIDS.contains(&data) {
                    App::Other
                } else {
                    return sw(0x6A, 0x82);
                };
                self.app = Some(app);
                self.ef = None;
                self.kenmen_verified = false;
                self.auth_verified = false;
                ok()
            }
            0x00 | 0x02 => {
                let ef = match (self.app, data) {
                    (Some(App::Jpki), [0x00, 0x0A]) => Ef::AuthCert,
                    (Some(App::Jpki), [0x00, 0x0B]) => Ef::CaCert,
                    (Some(App::Jpki), [0x00, 0x01]) => Ef::SignCert,
                    (Some(App::Jpki), [0x00, 0x06]) => Ef::Token,
                    (Some(App::Jpki), [0x00, 0x18]) => Ef::AuthPin,
                    (Some(App::Jpki), [0x00, 0x1B]) => Ef::SignPin,
                    (Some(App::Kenmen), [0x00, 0x11]) => Ef::KenmenPin,
                    (Some(App::Kenmen), [0x00, 0x01]) => Ef::MyNumber,
                    (Some(App::Kenmen), [0x00, 0x02]) => Ef::Basic4,
                    _ => return sw(0x6A, 0x82),
                };
                self.ef = Some(ef);
                ok()
            }
            _ => sw(0x6A, 0x86),
        }
    }

    fn verify(&mut self, pin: Option<&[u8]>) -> Vec<u8> {
        let (expected, tries, verified) = match self.ef {
            Some(Ef::AuthPin) => (&self.config.auth_pin, &mut self.config.auth_tries, &mut self.auth_verified),
            Some(Ef::KenmenPin) => (&self.config.kenmen_pin, &mut self.config.kenmen_tries, &mut self.kenmen_verified),
            // The 署名用 PIN exists but this card never needs to model it.
            Some(Ef::SignPin) => return sw(0x63, 0xC0 | 5),
            _ => return sw(0x69, 0x86),
        };
        if *tries == 0 {
            return sw(0x69, 0x83);
        }
        let Some(pin) = pin else {
            return if *verified { sw(0x90, 0x00) } else { sw(0x63, 0xC0 | *tries) };
        };
        if pin == expected.as_bytes() {
            *tries = MAX_TRIES;
            *verified = true;
            sw(0x90, 0x00)
        } else {
            *tries -= 1;
            *verified = false;
            sw(0x63, 0xC0 | *tries)
        }
    }

    fn read_binary(&mut self, offset: usize, want: usize) -> Vec<u8> {
        let file: Vec<u8> = match self.ef {
            Some(Ef::AuthCert) => self.auth_cert.clone(),
            Some(Ef::CaCert) => self.ca_cert.clone(),
            Some(Ef::Token) => b"JPKIAPICCTOKEN2\0\0\0\0\0".to_vec(),
            Some(Ef::SignCert) => return sw(0x69, 0x82),
            Some(Ef::Basic4) if self.kenmen_verified => self.basic4_file.clone(),
            Some(Ef::MyNumber) if self.kenmen_verified => {
                // What a real card would give; a test proves the app never gets here.
                let mut v = vec![0xFF, 0x40, 0x0C];
                v.extend_from_slice(b"000000000000");
                v
            }
            Some(Ef::Basic4 | Ef::MyNumber) => return sw(0x69, 0x82),
            Some(Ef::AuthPin | Ef::SignPin | Ef::KenmenPin) => return sw(0x69, 0x81),
            None => return sw(0x69, 0x86),
        };
        let Some(rest) = file.get(offset..) else {
            return sw(0x6B, 0x00);
        };
        let mut out: Vec<u8> = rest.iter().take(want).copied().collect();
        let short = out.len() < want;
        out.extend_from_slice(&if short { [0x62, 0x82] } else { [0x90, 0x00] });
        out
    }
}

fn sw(a: u8, b: u8) -> Vec<u8> {
    vec![a, b]
}

/// The data of a command body `Lc data` (short Lc); `None` when Lc does not match.
fn data_of(body: &[u8]) -> Option<&[u8]> {
    match body {
        [lc, data @ ..] if usize::from(*lc) == data.len() => Some(data),
        // A trailing Le after the data is allowed.
        [lc, data @ .., _le] if usize::from(*lc) == data.len() => Some(data),
        _ => None,
    }
}

fn make_certificates(config: &VirtualCardConfig) -> Result<(Vec<u8>, Vec<u8>), CardError> {
    let fail = |e: rcgen::Error| CardError::BadData(format!("仮想カードの証明書を作れません: {e}"));
    let ymd = |d: NaiveDate| rcgen::date_time_ymd(d.year(), d.month() as u8, d.day() as u8);

    let mut ca_params = rcgen::CertificateParams::default();
    ca_params.distinguished_name.push(rcgen::DnType::CountryName, "JP");
    ca_params.distinguished_name.push(rcgen::DnType::OrganizationName, "JPKI (virtual, for tests)");
    ca_params.distinguished_name.push(rcgen::DnType::OrganizationalUnitName, "JPKI for user authentication");
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params.not_before =
        ymd(config.cert_not_before.with_year(config.cert_not_before.year() - 1).unwrap_or(config.cert_not_before));
    ca_params.not_after =
        ymd(config.cert_not_after.with_year(config.cert_not_after.year() + 5).unwrap_or(config.cert_not_after));
    let ca_key = rcgen::KeyPair::generate().map_err(fail)?;
    let ca = rcgen::CertifiedIssuer::self_signed(ca_params, ca_key).map_err(fail)?;

    let mut params = rcgen::CertificateParams::default();
    params.distinguished_name.push(rcgen::DnType::CountryName, "JP");
    params.distinguished_name.push(rcgen::DnType::LocalityName, "Virtual City");
    params.distinguished_name.push(rcgen::DnType::CommonName, "VIRTUALCARD0000000000000000001A");
    params.not_before = ymd(config.cert_not_before);
    // The card's certificate is valid through the end of its last day in Japan (14:59:59 UTC).
    params.not_after = ymd(config.cert_not_after) + time_of_day_end();
    params.key_usages = vec![rcgen::KeyUsagePurpose::DigitalSignature];
    // A real card's certificate is RSA-2048 with J-LIS's policies, about 1.3 KB; ours is ECDSA and
    // small. Pad it with a private, non-critical extension so reads take as many chunks as real ones.
    params.custom_extensions = vec![rcgen::CustomExtension::from_oid_content(
        &[1, 3, 6, 1, 4, 1, 99999, 1],
        vec![0x04, 0x82, 0x03, 0x00].into_iter().chain(std::iter::repeat_n(0x5A, 0x300)).collect(),
    )];
    let key = rcgen::KeyPair::generate().map_err(fail)?;
    let cert = params.signed_by(&key, &ca).map_err(fail)?;
    Ok((cert.der().to_vec(), ca.der().to_vec()))
}

fn time_of_day_end() -> std::time::Duration {
    std::time::Duration::from_secs(14 * 3600 + 59 * 60 + 59)
}
