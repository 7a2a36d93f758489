//! Card readers known to work with the マイナ資格確認アプリ, as dated data, and a loose match of the
//! name a PC/SC reader reports against it. PC/SC names differ from product names (`SONY FeliCa
//! Port/PaSoRi 4.0` is the RC-S300), so each model carries the fragments its PC/SC name is known
//! or expected to contain. None of the entries was checked against the official list (the portal's
//! KB0011081 was not opened from here): each says where it was seen, and a reader not found is
//! shown as 「確認できている一覧にありません」, a warning, never a failure.

use serde::Serialize;
use specta::Type;

use crate::source::{DocLink, FactSource, OFFICIAL_APP_NOTES, links};

/// How a reader connects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Connection {
    /// USB (a PC)
    Usb,
    /// Bluetooth (a PC, an iPad, some Android phones)
    Bluetooth,
}

impl Connection {
    /// USB接続 / Bluetooth接続.
    pub fn label(self) -> &'static str {
        match self {
            Connection::Usb => "USB接続",
            Connection::Bluetooth => "Bluetooth接続",
        }
    }
}

/// A reader model and what is known of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReaderModel {
    /// The maker and model as sold (`AB Circle CIR315A`)
    pub name: &'static str,
    /// How it connects
    pub connection: Connection,
    /// What is known about it working with the official app
    pub note: &'static str,
    /// Fragments of its PC/SC name, compared after folding case, spaces and punctuation
    #[serde(skip)]
    pub pcsc_names: &'static [&'static str],
    /// Where it was seen
    pub source: FactSource,
}

const NAMED_FOR_THE_APP: &str = "販売店がマイナ資格確認アプリ向けとして紹介している機種です(公式の一覧では未確認)。";
const COMMON_PCSC: &str = "マイナンバーカードの読み取りによく使われる機種です。公式の一覧に載っているかは未確認です。";

/// The models known, as of the notes' date.
pub const MODELS: [ReaderModel; 7] = [
    ReaderModel {
        name: "AB Circle CIR315A(USB-A / USB-C)",
        connection: Connection::Usb,
        note: NAMED_FOR_THE_APP,
        pcsc_names: &["cir315"],
        source: OFFICIAL_APP_NOTES,
    },
    ReaderModel {
        name: "AB Circle CIR415A",
        connection: Connection::Bluetooth,
        note: NAMED_FOR_THE_APP,
        pcsc_names: &["cir415"],
        source: OFFICIAL_APP_NOTES,
    },
    ReaderModel {
        name: "ELECOM MR-ICA001(CIR315 のOEM)",
        connection: Connection::Usb,
        note: NAMED_FOR_THE_APP,
        pcsc_names: &["mrica001"],
        source: OFFICIAL_APP_NOTES,
    },
    ReaderModel {
        name: "Sony PaSoRi RC-S300",
        connection: Connection::Usb,
        note: COMMON_PCSC,
        pcsc_names: &["rcs300", "felicaportpasori4"],
        source: OFFICIAL_APP_NOTES,
    },
    ReaderModel {
        name: "ACS ACR1252U",
        connection: Connection::Usb,
        note: COMMON_PCSC,
        pcsc_names: &["acr1252"],
        source: OFFICIAL_APP_NOTES,
    },
    ReaderModel {
        name: "ACS ACR39U",
        connection: Connection::Usb,
        note: COMMON_PCSC,
        pcsc_names: &["acr39"],
        source: OFFICIAL_APP_NOTES,
    },
    ReaderModel {
        name: "I-O DATA USB-NFC4S",
        connection: Connection::Usb,
        note: COMMON_PCSC,
        pcsc_names: &["usbnfc4"],
        source: OFFICIAL_APP_NOTES,
    },
];

/// Where the official list is.
pub const OFFICIAL_LIST: DocLink = links::READER_LIST;

/// A name folded for matching: lower case, letters and digits only.
fn folded(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The model a PC/SC reader name belongs to, if it is one we know.
pub fn match_reader(pcsc_name: &str) -> Option<&'static ReaderModel> {
    let name = folded(pcsc_name);
    MODELS.iter().find(|m| m.pcsc_names.iter().any(|p| name.contains(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pcsc_names_match_their_models_loosely() {
        let cases = [
            ("SONY FeliCa Port/PaSoRi 4.0 00 00", Some("Sony PaSoRi RC-S300")),
            ("Sony RC-S300/P", Some("Sony PaSoRi RC-S300")),
            ("ACS ACR1252 1S CL Reader [ACR1252 1S CL Reader PICC] 00 00", Some("ACS ACR1252U")),
            ("ACS ACR39U ICC Reader 00 00", Some("ACS ACR39U")),
            ("Circle CIR315 CL [CIR315 PICC] (0123) 00 00", Some("AB Circle CIR315A(USB-A / USB-C)")),
            ("ELECOM MR-ICA001", Some("ELECOM MR-ICA001(CIR315 のOEM)")),
            ("Virtual PCD 00 00", None),
            ("オン資ナビ デモ用カードリーダー", None),
        ];
        for (pcsc, want) in cases {
            assert_eq!(match_reader(pcsc).map(|m| m.name), want, "{pcsc}");
        }
    }

    #[test]
    fn no_model_claims_to_be_on_the_official_list() {
        assert!(MODELS.iter().all(|m| !m.source.verified));
        const { assert!(!OFFICIAL_LIST.verified) };
    }
}
