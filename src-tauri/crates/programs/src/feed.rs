//! Program data updates, signed. A new 助成金 round, a moved deadline or a new app version reach
//! the clinic as one signed file fetched over HTTP; the app trusts it only when its ed25519
//! signature verifies against the public key shipped inside the app, its data version is higher
//! than what the app has, and its program data passes the same checks as the bundled data.
//! Anything else keeps the last good data, and the error says why.
//!
//! The file: `{"format": "onshi-navi-signed/1", "payload": base64(JSON), "signature":
//! base64(ed25519 over the payload's bytes)}`. The payload is `{"catalog": {…}, "knowledge":
//! {…}, "app": {…}}`: the program data as in `data/programs.json`; optionally the guide's dated
//! knowledge as in `guide/data/knowledge.json` (the timeline, the call centre, よくある質問, the
//! readers, the official links, the check methods), checked by the same rules as the bundled
//! file, under the catalog's version (one file, one signature, one version); and optionally the
//! newest app version with its installer's address and SHA-256, which the app only shows
//! (新しい版があります), never fetches.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::{Catalog, ProgramsError};

/// The `format` every signed file carries: another value is a file this version cannot read.
pub const FORMAT: &str = "onshi-navi-signed/1";

/// The public key the app trusts for program data (ed25519). Its secret half is kept offline by
/// the maintainers and used only by `onshi-sign`.
pub const PUBLIC_KEY: [u8; 32] = [
    0x2c, 0x5d, 0x66, 0xce, 0xb7, 0x82, 0x22, 0x6a, 0x0c, 0x86, 0xd4, 0xa9, 0xb4, 0xde, 0xfe, 0x3c, 0x24, 0xd2, 0xfb,
    0x01, 0x27, 0xe4, 0x49, 0xf2, 0x5c, 0x26, 0xa5, 0xd6, 0xb7, 0x02, 0x99, 0xf9,
];

/// The signed file as it travels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedFile {
    /// Always [`FORMAT`]
    pub format: String,
    /// The payload's JSON, base64
    pub payload: String,
    /// ed25519 over the payload's decoded bytes, base64
    pub signature: String,
}

/// A newer app release, as the signed file announces it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AppRelease {
    /// `0.2.0`
    pub version: String,
    /// Where staff download the installer (https only)
    pub installer_url: String,
    /// The installer's SHA-256, 64 hex digits, so staff (or their vendor) can check the download
    pub sha256: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
struct Payload {
    catalog: serde_json::Value,
    /// When the file was signed
    #[serde(default)]
    issued_at: Option<chrono::NaiveDate>,
    /// After this day the file may be stale (a replayed old file): kept, but said so
    #[serde(default)]
    expires_on: Option<chrono::NaiveDate>,
    #[serde(default)]
    knowledge: Option<serde_json::Value>,
    #[serde(default)]
    app: Option<AppRelease>,
}

/// A verified update.
#[derive(Clone, Debug)]
pub struct Update {
    /// The program data, checked like the bundled data
    pub catalog: Catalog,
    /// The guide's dated knowledge, when the file carries it (else the bundled one stays)
    pub knowledge: Option<guide::Knowledge>,
    /// The newest app release, when announced
    pub app: Option<AppRelease>,
    /// When the file was signed, when it says
    pub issued_at: Option<chrono::NaiveDate>,
    /// After this day its data may be old (a file replayed by someone in the way says 最新です
    /// for ever otherwise): the app keeps it and says since when
    pub expires_on: Option<chrono::NaiveDate>,
}

/// Checks `text` (a signed file) against `public_key` and the data version the app has now.
/// Returns the update only when it is signed by that key, newer than `current_version`, and its
/// data is consistent.
pub fn verify(text: &str, public_key: &[u8; 32], current_version: u32) -> Result<Update, ProgramsError> {
    let file: SignedFile = serde_json::from_str(text).map_err(|_| ProgramsError::FeedFormat)?;
    if file.format != FORMAT {
        return Err(ProgramsError::FeedFormat);
    }
    let payload = BASE64.decode(file.payload.trim()).map_err(|_| ProgramsError::FeedFormat)?;
    let signature = BASE64.decode(file.signature.trim()).map_err(|_| ProgramsError::FeedSignature)?;
    let signature = Signature::from_slice(&signature).map_err(|_| ProgramsError::FeedSignature)?;
    let key = VerifyingKey::from_bytes(public_key).map_err(|_| ProgramsError::FeedSignature)?;
    key.verify_strict(&payload, &signature).map_err(|_| ProgramsError::FeedSignature)?;
    let payload: Payload = serde_json::from_slice(&payload).map_err(|_| ProgramsError::FeedFormat)?;
    let catalog = Catalog::from_json(&payload.catalog.to_string())?;
    if catalog.version <= current_version {
        return Err(ProgramsError::FeedNotNewer { have: current_version, got: catalog.version });
    }
    if let Some(app) = &payload.app {
        check_release(app)?;
    }
    let knowledge = payload.knowledge.map(guide::Knowledge::from_value).transpose()?;
    if payload.issued_at.zip(payload.expires_on).is_some_and(|(issued, expires)| expires < issued) {
        return Err(ProgramsError::FeedFormat);
    }
    Ok(Update { catalog, knowledge, app: payload.app, issued_at: payload.issued_at, expires_on: payload.expires_on })
}

fn check_release(app: &AppRelease) -> Result<(), ProgramsError> {
    let version_ok = parse_version(&app.version).is_some();
    let url_ok = app.installer_url.starts_with("https://") && !app.installer_url.contains(char::is_whitespace);
    let sha_ok = app.sha256.len() == 64 && app.sha256.bytes().all(|b| b.is_ascii_hexdigit());
    if version_ok && url_ok && sha_ok { Ok(()) } else { Err(ProgramsError::FeedFormat) }
}

/// `0.2.10` as numbers, for comparing versions; `None` when it is not dotted numbers.
pub fn parse_version(text: &str) -> Option<Vec<u32>> {
    let parts: Option<Vec<u32>> = text.split('.').map(|p| p.parse().ok()).collect();
    parts.filter(|p| !p.is_empty() && p.len() <= 4)
}

/// True when `announced` is a higher version than `running` (`0.10.0` > `0.9.3`).
pub fn is_newer(announced: &str, running: &str) -> bool {
    match (parse_version(announced), parse_version(running)) {
        (Some(a), Some(r)) => a > r,
        _ => false,
    }
}

/// Signs `payload` (the JSON text) with `secret`: what `onshi-sign` and the tests do. The app
/// itself never signs.
pub fn sign(payload: &str, secret: &[u8; 32]) -> String {
    let key = SigningKey::from_bytes(secret);
    let signature = key.sign(payload.as_bytes());
    let file = SignedFile {
        format: FORMAT.into(),
        payload: BASE64.encode(payload.as_bytes()),
        signature: BASE64.encode(signature.to_bytes()),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The public key of `secret`, for `onshi-sign keygen` and the tests.
pub fn public_key_of(secret: &[u8; 32]) -> [u8; 32] {
    SigningKey::from_bytes(secret).verifying_key().to_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: [u8; 32] = [7; 32];

    fn payload(version: u32, app: &str) -> String {
        let mut catalog: serde_json::Value =
            serde_json::from_str(include_str!("../data/programs.json")).expect("bundled data");
        catalog["version"] = version.into();
        format!(r#"{{"catalog": {catalog}{app}}}"#)
    }

    const RELEASE: &str = r#", "app": {"version": "0.2.0", "installerUrl": "https://example.jp/OnshiNavi-0.2.0-setup.exe", "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}"#;

    #[test]
    fn a_signed_newer_file_is_taken() {
        let text = sign(&payload(2, RELEASE), &SECRET);
        let update = verify(&text, &public_key_of(&SECRET), 1).expect("valid");
        assert_eq!(update.catalog.version, 2);
        assert_eq!(update.app.expect("release").version, "0.2.0");
    }

    #[test]
    fn tampered_older_foreign_and_broken_files_are_refused() {
        let key = public_key_of(&SECRET);
        let good = sign(&payload(2, ""), &SECRET);
        let mut file: SignedFile = serde_json::from_str(&good).expect("json");
        let mut bytes = BASE64.decode(&file.payload).expect("b64");
        let at = bytes.iter().position(|b| *b == b'4').expect("a digit to change");
        bytes[at] = b'9';
        file.payload = BASE64.encode(&bytes);
        let tampered = serde_json::to_string(&file).expect("json");
        let cases: Vec<(String, u32, &str)> = vec![
            (tampered, 1, "FeedSignature"),
            (sign(&payload(2, ""), &[8; 32]), 1, "FeedSignature"),
            (good.clone(), 2, "FeedNotNewer"),
            (good.clone(), 5, "FeedNotNewer"),
            ("<html>503</html>".into(), 1, "FeedFormat"),
            (good.replace(FORMAT, "onshi-navi-signed/9"), 1, "FeedFormat"),
            (
                sign(&payload(2, r#", "app": {"version": "x", "installerUrl": "http://a", "sha256": "00"}"#), &SECRET),
                1,
                "FeedFormat",
            ),
            (sign(r#"{"catalog": {"version": 3}}"#, &SECRET), 1, "ProgramData"),
            (sign(&payload(2, r#", "issuedAt": "2026-12-06", "expiresOn": "2026-12-01""#), &SECRET), 1, "FeedFormat"),
        ];
        for (text, have, code) in cases {
            let e = verify(&text, &key, have).expect_err(code);
            assert_eq!(e.code().as_str(), code, "{e}");
            assert!(!e.to_string().is_empty());
        }
    }

    /// The guide's knowledge travels in the same file: a moved date arrives with the data, and a
    /// broken piece refuses the whole file.
    #[test]
    fn knowledge_rides_in_the_same_signed_file() {
        let mut knowledge: serde_json::Value = serde_json::from_str(guide::knowledge::BUNDLED_JSON).expect("json");
        knowledge["timeline"]["milestones"][2]["when"]["from"] = "2027-03-01".into();
        knowledge["timeline"]["milestones"][2]["when"]["to"] = "2027-03-31".into();
        knowledge["timeline"]["milestones"][2]["when"]["period"] =
            serde_json::json!({"kind": "month", "year": 2027, "month": 3});
        let text = sign(&payload(2, &format!(r#", "knowledge": {knowledge}"#)), &SECRET);
        let update = verify(&text, &public_key_of(&SECRET), 1).expect("valid");
        let moved = update.knowledge.expect("carried").timeline.milestones[2].when.text();
        assert_eq!(moved, "令和9年3月頃 (2027-03)");
        assert!(
            verify(&sign(&payload(2, ""), &SECRET), &public_key_of(&SECRET), 1).expect("valid").knowledge.is_none()
        );

        knowledge["links"][0]["url"] = "http://example.jp".into();
        let broken = sign(&payload(2, &format!(r#", "knowledge": {knowledge}"#)), &SECRET);
        let e = verify(&broken, &public_key_of(&SECRET), 1).expect_err("refused");
        assert_eq!(e.code().as_str(), "ProgramData");
        assert!(e.to_string().contains("https://"), "{e}");
    }

    #[test]
    fn the_shipped_key_is_a_valid_point() {
        assert!(VerifyingKey::from_bytes(&PUBLIC_KEY).is_ok());
    }

    #[test]
    fn versions_compare_as_numbers() {
        assert!(is_newer("0.10.0", "0.9.3"));
        assert!(!is_newer("0.1.0", "0.1.0"));
        assert!(!is_newer("abc", "0.1.0"));
    }
}
