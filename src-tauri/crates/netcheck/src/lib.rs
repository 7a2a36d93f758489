//! The 導入ガイド's internet check (手順5): one request to the portal's address with a short
//! timeout, and what the answer means for the clinic: reachable, not reachable (cable, Wi-Fi,
//! router, no contract), too slow, or trouble with the secure connection (the PC's clock, a proxy
//! or security software inspecting traffic). The address is data of the `guide` crate; tests use
//! servers on 127.0.0.1.
//!
//! Any HTTP answer, even an error page, means the internet and the address are reachable: the
//! portal's own login is not this check's business.

#![forbid(unsafe_code)]

use std::error::Error as _;
use std::time::{Duration, Instant};

use serde::Serialize;
use specta::Type;

/// How long the check waits for an answer.
pub const TIMEOUT: Duration = Duration::from_secs(8);

/// What the check found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum NetOutcome {
    /// The address answered
    Reachable,
    /// No connection could be made (no network, the name not found, refused)
    NotReachable,
    /// Connected, but no answer in time
    TimedOut,
    /// The secure connection failed: a certificate not trusted, a clock far off, or a proxy or
    /// security software in the way
    SecureConnection,
}

/// The outcome with its words for staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NetCheck {
    /// What was found
    pub outcome: NetOutcome,
    /// つながりました / つながりません / …
    pub label: String,
    /// What it means
    pub message: String,
    /// What to do next; `None` when nothing is needed
    pub next_action: Option<String>,
    /// The address asked
    pub address: String,
    /// How long it took, in milliseconds
    pub elapsed_ms: u32,
}

/// The HTTP client other crates use (the program data updates), built by [`client`].
pub use reqwest::Client;

/// Why [`fetch_text`] got no text.
#[derive(Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No answer: not reachable, timed out, or the secure connection failed (the words say which)
    Transport(String),
    /// The server answered with an error status
    Status(u16),
    /// The body is larger than allowed
    TooLarge,
}

/// GETs `address` and returns its body as text, refusing more than `max_bytes` (read in chunks,
/// so a wrong address serving a large file never fills memory).
pub async fn fetch_text(client: &Client, address: &str, max_bytes: usize) -> Result<String, FetchError> {
    let transport = |e: reqwest::Error| FetchError::Transport(words(classify(&e)).0.to_string());
    let mut response = client.get(address).send().await.map_err(transport)?;
    if !response.status().is_success() {
        return Err(FetchError::Status(response.status().as_u16()));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(transport)? {
        if body.len() + chunk.len() > max_bytes {
            return Err(FetchError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    String::from_utf8(body).map_err(|_| FetchError::Transport("文字として読めないデータでした".into()))
}

/// Installs ring as rustls' provider once per process (reqwest is built without a default one).
fn install_provider() {
    // An error only means a provider is installed already, which is what is wanted.
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// An address as the client parses it (for checking where a fetch may go before it is made).
pub use reqwest::Url;

/// A client with the system's certificates and proxy settings, and `timeout` for the whole request.
/// HTTPS only: a plain `http://` address, or a redirect to one, is refused before any byte is sent.
pub fn client(timeout: Duration) -> Result<reqwest::Client, reqwest::Error> {
    builder(timeout).https_only(true).build()
}

/// A client that also speaks plain HTTP, for the tests' servers on 127.0.0.1. Only in debug
/// builds (tests, development): the release app has no way to fetch over plain HTTP.
#[cfg(debug_assertions)]
pub fn loopback_test_client(timeout: Duration) -> Result<reqwest::Client, reqwest::Error> {
    builder(timeout).build()
}

fn builder(timeout: Duration) -> reqwest::ClientBuilder {
    install_provider();
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout)
        .user_agent(concat!("onshi-navi/", env!("CARGO_PKG_VERSION")))
}

/// Checks `address` with the system's settings and [`TIMEOUT`].
pub async fn check(address: &str) -> NetCheck {
    match client(TIMEOUT) {
        Ok(c) => check_with(&c, address).await,
        Err(e) => judged(address, Err(e), Duration::ZERO),
    }
}

/// Checks `address` with `client` (tests give one with a short timeout).
pub async fn check_with(client: &reqwest::Client, address: &str) -> NetCheck {
    let started = Instant::now();
    let answer = client.get(address).send().await;
    judged(address, answer.map(|r| r.status().as_u16()), started.elapsed())
}

fn judged(address: &str, answer: Result<u16, reqwest::Error>, elapsed: Duration) -> NetCheck {
    let outcome = match &answer {
        Ok(_) => NetOutcome::Reachable,
        Err(e) => classify(e),
    };
    let (label, message, next_action) = words(outcome);
    NetCheck {
        outcome,
        label: label.to_string(),
        message: match &answer {
            Ok(status) => format!("{message}(応答 {status})"),
            Err(_) => message.to_string(),
        },
        next_action: next_action.map(str::to_string),
        address: address.to_string(),
        elapsed_ms: u32::try_from(elapsed.as_millis()).unwrap_or(u32::MAX),
    }
}

/// Which failure it was, from reqwest's kind and the errors underneath.
fn classify(e: &reqwest::Error) -> NetOutcome {
    if e.is_timeout() {
        return NetOutcome::TimedOut;
    }
    let mut source = e.source();
    while let Some(s) = source {
        if s.is::<rustls::Error>() {
            return NetOutcome::SecureConnection;
        }
        let text = s.to_string().to_ascii_lowercase();
        if text.contains("certificate") || text.contains("tls") || text.contains("handshake") || text.contains("proxy")
        {
            return NetOutcome::SecureConnection;
        }
        source = s.source();
    }
    NetOutcome::NotReachable
}

fn words(outcome: NetOutcome) -> (&'static str, &'static str, Option<&'static str>) {
    match outcome {
        NetOutcome::Reachable => ("つながりました", "このパソコンからポータルサイトのアドレスに接続できました", None),
        NetOutcome::NotReachable => (
            "つながりません",
            "ポータルサイトのアドレスに接続できませんでした",
            Some(
                "LANケーブルやWi-Fiの接続、ルーターの電源を確かめてください。インターネット回線の契約がない場合は、携帯電話会社やケーブルテレビなどとの契約が必要です(手順3)。",
            ),
        ),
        NetOutcome::TimedOut => (
            "応答がありません",
            "接続はできましたが、時間内に応答がありませんでした",
            Some(
                "回線が混んでいるか、とても遅い可能性があります。少し待ってからもう一度調べてください。続く場合は、回線の契約先にご相談ください。",
            ),
        ),
        NetOutcome::SecureConnection => (
            "安全な接続ができません",
            "暗号化された接続(証明書)を確かめられませんでした",
            Some(
                "パソコンの日付と時刻が正しいか確かめてください。建物や会社のプロキシ、セキュリティソフトが通信を検査している場合は、その管理者や販売元にご相談ください。",
            ),
        ),
    }
}
