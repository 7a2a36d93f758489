//! Card readers known to work with the マイナ資格確認アプリ, as dated data, and a loose match of the
//! name a PC/SC reader reports against it. PC/SC names differ from product names (`SONY FeliCa
//! Port/PaSoRi 4.0` is the RC-S300), so each model carries the fragments its PC/SC name is known
//! or expected to contain. None of the entries was checked against the official list (the portal's
//! KB0011081 was not opened from here): each says where it was seen, and a reader not found is
//! shown as 「確認できている一覧にありません」, a warning, never a failure. The models are dated
//! data ([`crate::knowledge`]): an update can add one or correct a note.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::knowledge::Knowledge;
use crate::source::FactSource;

/// How a reader connects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReaderModel {
    /// The maker and model as sold (`AB Circle CIR315A`)
    pub name: String,
    /// How it connects
    pub connection: Connection,
    /// What is known about it working with the official app
    pub note: String,
    /// Fragments of its PC/SC name, already folded ([`folded`]): lower case, letters and digits
    #[serde(skip_serializing)]
    #[specta(skip)]
    pub pcsc_names: Vec<String>,
    /// Where it was seen
    pub source: FactSource,
}

/// A name folded for matching: lower case, letters and digits only.
pub fn folded(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The model a PC/SC reader name belongs to, if it is one we know.
pub fn match_reader<'k>(pcsc_name: &str, knowledge: &'k Knowledge) -> Option<&'k ReaderModel> {
    let name = folded(pcsc_name);
    knowledge.readers.models.iter().find(|m| m.pcsc_names.iter().any(|p| name.contains(p.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::BUNDLED;

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
            assert_eq!(match_reader(pcsc, &BUNDLED).map(|m| m.name.as_str()), want, "{pcsc}");
        }
    }

    #[test]
    fn no_model_claims_to_be_on_the_official_list() {
        assert!(BUNDLED.readers.models.iter().all(|m| !m.source.verified));
        assert!(BUNDLED.readers.official_list.link().is_some_and(|l| !l.verified));
    }
}
