//! Program data updates and the newest app version, as one signed file fetched over HTTP (the
//! format and the checks are [`programs::feed`]). Fetched when staff ask, and otherwise at most
//! once a day. The last good file is kept in the app's data folder and verified again whenever it
//! is loaded; a bad signature, an older version or a server that is down keeps the last good data
//! and says why. The app only announces a newer version (新しい版があります): it never downloads
//! or installs anything by itself.

#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use programs::feed::AppRelease;
use programs::{Catalog, ProgramsError, ProgramsErrorCode};
use serde::{Deserialize, Serialize};
use specta::Type;

/// The update address a release is built with (`ONSHI_NAVI_UPDATE_URL` in the build
/// environment, see README), so that a clinic gets corrections without typing an address.
/// `None` in a build without it (developers, tests).
pub const BUILT_IN_ADDRESS: Option<&str> = option_env!("ONSHI_NAVI_UPDATE_URL");

/// The address to fetch from: the one set in 設定 when staff set one (empty: staff turned
/// updates off), else the built-in one when it is an https address, else none ("").
pub fn effective_address(setting: Option<String>, built_in: Option<&str>) -> String {
    match setting {
        Some(set) => set.trim().to_string(),
        None => built_in.map(str::trim).filter(|a| a.starts_with("https://")).unwrap_or_default().to_string(),
    }
}

/// Checks where an update may come from, by its parsed host, not its text: `https://` anywhere;
/// plain `http://` only to this PC's loopback and only in debug builds (the tests' servers), so
/// `http://127.0.0.1.evil.jp/` or a user name before the host is refused.
pub fn check_address(address: &str) -> Result<(), UpdateError> {
    let bad = || UpdateError::BadAddress(address.to_string());
    let url = netcheck::Url::parse(address).map_err(|_| bad())?;
    let loopback = url
        .host_str()
        .and_then(|h| h.trim_start_matches('[').trim_end_matches(']').parse::<std::net::IpAddr>().ok())
        .is_some_and(|ip| ip.is_loopback());
    let credentials = !url.username().is_empty() || url.password().is_some();
    match url.scheme() {
        "https" if !credentials && url.host().is_some() => Ok(()),
        "http" if cfg!(debug_assertions) && loopback && !credentials => Ok(()),
        _ => Err(bad()),
    }
}

/// The last good signed file, inside the data folder.
pub const SIGNED_FILE: &str = "program-data.signed.json";
/// When the last fetch ran and what came of it.
const STATE_FILE: &str = "program-data.state.json";
/// The largest file accepted: program data is a few KB.
const MAX_BYTES: usize = 1_000_000;
/// How long a fetch may take.
pub const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

/// What can go wrong fetching an update. The last good data is in use after any of them.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    /// No address is set in 設定.
    #[error("更新データの取得先が設定されていません(設定 → 更新データの取得先)")]
    NoAddress,
    /// The address is not http(s).
    #[error("更新データの取得先「{0}」は https:// で始まるアドレスにしてください")]
    BadAddress(String),
    /// The server could not be reached (the transport's own words are for the log only).
    #[error(
        "更新データの取得先につながりませんでした。インターネットにつながっているか確かめてください。今までのデータをそのまま使います"
    )]
    Unreachable(String),
    /// The server answered with an error.
    #[error("更新データの取得先がエラーを返しました(応答 {0})。今までのデータをそのまま使います")]
    Http(u16),
    /// The answer was too large to be program data.
    #[error("届いたデータが大きすぎます。今までのデータをそのまま使います")]
    TooLarge,
    /// The file did not pass the checks (signature, version, data).
    #[error(transparent)]
    Rejected(#[from] ProgramsError),
    /// The data folder could not be written (the system's words are for the log only).
    #[error("更新データをデータフォルダに保存できませんでした。パソコンの空き容量を確かめてください")]
    Save(String),
}

textenum::text_enum! {
    /// Every update error's code, for the UI.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
    pub enum UpdateErrorCode {
        /// No address set
        NoAddress,
        /// Not an http(s) address
        BadAddress,
        /// Server not reachable
        Unreachable,
        /// Server answered with an error
        Http,
        /// Answer too large
        TooLarge,
        /// Not a signed file of ours
        FeedFormat,
        /// Signature does not verify
        FeedSignature,
        /// Not newer than the data in use
        FeedNotNewer,
        /// Data inconsistent
        ProgramData,
        /// Could not save
        Save,
    }
}

impl UpdateError {
    /// The stable code sent to the UI.
    pub fn code(&self) -> UpdateErrorCode {
        match self {
            UpdateError::NoAddress => UpdateErrorCode::NoAddress,
            UpdateError::BadAddress(_) => UpdateErrorCode::BadAddress,
            UpdateError::Unreachable(_) => UpdateErrorCode::Unreachable,
            UpdateError::Http(_) => UpdateErrorCode::Http,
            UpdateError::TooLarge => UpdateErrorCode::TooLarge,
            UpdateError::Rejected(e) => match e.code() {
                ProgramsErrorCode::FeedFormat => UpdateErrorCode::FeedFormat,
                ProgramsErrorCode::FeedSignature => UpdateErrorCode::FeedSignature,
                ProgramsErrorCode::FeedNotNewer => UpdateErrorCode::FeedNotNewer,
                _ => UpdateErrorCode::ProgramData,
            },
            UpdateError::Save(_) => UpdateErrorCode::Save,
        }
    }

    /// The code as text.
    pub fn code_str(&self) -> &'static str {
        self.code().as_str()
    }

    /// What the log gets: the message, and the transport's or the system's own words where the
    /// message leaves them out (English on most PCs, never shown to staff).
    pub fn log_line(&self) -> String {
        match self {
            UpdateError::Unreachable(why) | UpdateError::Save(why) => format!("{} ({why})", self.code_str()),
            other => format!("{} {other}", other.code_str()),
        }
    }
}

/// Where the program data in use comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DataStatus {
    /// The version in use
    pub version: u32,
    /// From a fetched update (true) or bundled with the app (false)
    pub updated: bool,
    /// When the last fetch ran (RFC 3339), if ever
    pub last_checked_at: Option<String>,
    /// What came of it, in Japanese (最新です, 更新しました, or why not)
    pub last_result: Option<String>,
    /// The last fetch failed (the data in use is still good)
    pub last_failed: bool,
    /// A newer app version announced by the data in use, if higher than the running one
    pub newer_app: Option<AppRelease>,
    /// Set when the update in use is past its 有効期限 (`expiresOn`): since when, in 和暦 with
    /// 西暦. Its data is still used; 設定 and ホーム say it may be old.
    pub expired_since: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FetchState {
    last_checked_at: Option<DateTime<Utc>>,
    last_result: Option<String>,
    #[serde(default)]
    last_failed: bool,
}

/// The data in use, loaded from the data folder and the bundled data.
#[derive(Clone, Debug)]
pub struct Programs {
    dir: PathBuf,
    public_key: [u8; 32],
    bundled: Catalog,
    update: Option<programs::feed::Update>,
}

impl Programs {
    /// The program data in use for `dir`: the kept update when it still verifies against
    /// `public_key` and is newer than `bundled`, else `bundled`.
    pub fn load(dir: &Path, public_key: [u8; 32], bundled: Catalog) -> Programs {
        let update = std::fs::read_to_string(dir.join(SIGNED_FILE))
            .ok()
            .and_then(|text| programs::feed::verify(&text, &public_key, bundled.version).ok());
        Programs { dir: dir.to_path_buf(), public_key, bundled, update }
    }

    /// The catalog in use.
    pub fn catalog(&self) -> &Catalog {
        self.update.as_ref().map_or(&self.bundled, |u| &u.catalog)
    }

    /// The guide's dated knowledge in use: the update's when it carried one, else the bundled.
    pub fn knowledge(&self) -> &guide::Knowledge {
        self.update.as_ref().and_then(|u| u.knowledge.as_ref()).unwrap_or(&guide::BUNDLED)
    }

    /// Where the data comes from, the last fetch, a newer app than `running_version`, and whether
    /// the update in use is past its 有効期限 on `today`.
    pub fn status(&self, running_version: &str, today: chrono::NaiveDate) -> DataStatus {
        let state = read_state(&self.dir);
        DataStatus {
            version: self.catalog().version,
            updated: self.update.is_some(),
            last_checked_at: state.last_checked_at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            last_result: state.last_result,
            last_failed: state.last_failed,
            newer_app: self
                .update
                .as_ref()
                .and_then(|u| u.app.clone())
                .filter(|app| programs::feed::is_newer(&app.version, running_version)),
            expired_since: self
                .update
                .as_ref()
                .and_then(|u| u.expires_on)
                .filter(|expires| *expires < today)
                .map(|expires| jptext::format_date(expires + chrono::Duration::days(1))),
        }
    }

    /// True when no fetch ran in the last 24 hours (the automatic check runs at most daily).
    pub fn due(&self, now: DateTime<Utc>) -> bool {
        read_state(&self.dir).last_checked_at.is_none_or(|t| now - t >= chrono::Duration::hours(24))
    }

    /// Fetches `address`, and takes the file when it verifies and is newer. Records when it ran
    /// and what came of it either way. An equal version is 最新です, not an error.
    pub async fn fetch(
        &mut self,
        client: &netcheck::Client,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<String, UpdateError> {
        let result = self.fetch_inner(client, address).await;
        let (text, failed) = match &result {
            Ok(text) => (text.clone(), false),
            Err(e) => (e.to_string(), true),
        };
        write_state(
            &self.dir,
            &FetchState { last_checked_at: Some(now), last_result: Some(text), last_failed: failed },
        )?;
        result
    }

    async fn fetch_inner(&mut self, client: &netcheck::Client, address: &str) -> Result<String, UpdateError> {
        let address = address.trim();
        if address.is_empty() {
            return Err(UpdateError::NoAddress);
        }
        check_address(address)?;
        let body = netcheck::fetch_text(client, address, MAX_BYTES).await.map_err(|e| match e {
            netcheck::FetchError::Status(code) => UpdateError::Http(code),
            netcheck::FetchError::TooLarge => UpdateError::TooLarge,
            netcheck::FetchError::Transport(why) => UpdateError::Unreachable(why),
        })?;
        let current = self.catalog().version;
        match programs::feed::verify(&body, &self.public_key, current) {
            Ok(update) => {
                let version = update.catalog.version;
                save_atomically(&self.dir.join(SIGNED_FILE), &body)?;
                self.update = Some(update);
                Ok(format!("更新データ(版 {version})を取り込みました"))
            }
            Err(ProgramsError::FeedNotNewer { have, got }) if have == got => Ok(format!("最新です(版 {have})")),
            Err(e) => Err(e.into()),
        }
    }
}

fn read_state(dir: &Path) -> FetchState {
    std::fs::read_to_string(dir.join(STATE_FILE)).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
}

fn write_state(dir: &Path, state: &FetchState) -> Result<(), UpdateError> {
    let text = serde_json::to_string(state).map_err(|e| UpdateError::Save(e.to_string()))?;
    save_atomically(&dir.join(STATE_FILE), &text)
}

/// Writes into a temporary file of a fresh name beside the target, syncs it and renames it into
/// place, so a cut-off write never leaves half a file.
fn save_atomically(path: &Path, text: &str) -> Result<(), UpdateError> {
    use std::io::Write;
    let save = |e: std::io::Error| UpdateError::Save(format!("{}: {e}", path.display()));
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(save)?;
    let mut tmp = tempfile::Builder::new().prefix(".onshi-navi-").suffix(".tmp").tempfile_in(dir).map_err(save)?;
    tmp.write_all(text.as_bytes()).map_err(save)?;
    tmp.as_file().sync_all().map_err(save)?;
    tmp.persist(path).map_err(|e| save(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updates_come_only_over_https_or_from_this_pcs_loopback_in_tests() {
        for ok in ["https://updates.example.jp/feed.json", "http://127.0.0.1:8080/feed", "http://[::1]:9/x"] {
            assert!(check_address(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://127.0.0.1.evil.jp/feed",
            "http://example.jp/feed",
            "http://localhost.evil.jp/",
            "https://user:pass@updates.example.jp/",
            "file:///C:/feed.json",
            "\\\\server\\share\\feed.json",
            "ftp://127.0.0.1/feed",
        ] {
            assert_eq!(check_address(bad).map_err(|e| e.code_str()), Err("BadAddress"), "{bad}");
        }
    }

    #[test]
    fn the_built_in_address_stands_in_until_staff_set_one() {
        let built = Some("https://updates.example.jp/onshi-navi.json");
        assert_eq!(effective_address(None, built), "https://updates.example.jp/onshi-navi.json");
        assert_eq!(effective_address(Some("https://other.example.jp/a".into()), built), "https://other.example.jp/a");
        assert_eq!(effective_address(Some(String::new()), built), "", "cleared by staff: no updates");
        assert_eq!(effective_address(None, Some("http://plain.example.jp")), "", "only https is built in");
        assert_eq!(effective_address(None, None), "");
    }
}
