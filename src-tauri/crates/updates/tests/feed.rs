//! Fetching program data from a server on 127.0.0.1 serving a valid, a tampered, an older and no
//! file: only the valid one is taken, and every other answer keeps the last good data and says why.

use std::time::Duration;

use chrono::{TimeZone, Utc};
use programs::feed::{public_key_of, sign};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use updates::{Programs, SIGNED_FILE};

const SECRET: [u8; 32] = [42; 32];

fn payload(version: u32, app_version: &str) -> String {
    let mut catalog: serde_json::Value =
        serde_json::from_str(include_str!("../../programs/data/programs.json")).expect("bundled data");
    catalog["version"] = version.into();
    catalog["programs"][0]["window"]["to"]["date"] = "2027-03-31".into();
    let app = serde_json::json!({
        "version": app_version,
        "installerUrl": "https://example.jp/OnshiNavi-setup.exe",
        "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    });
    // The guide's knowledge rides along: the call centre's hours changed, as the ministry might.
    let mut knowledge: serde_json::Value = serde_json::from_str(guide::knowledge::BUNDLED_JSON).expect("knowledge");
    knowledge["callCentre"]["hours"] = "平日 9:00〜17:00".into();
    serde_json::json!({
        "catalog": catalog,
        "knowledge": knowledge,
        "app": app,
        "issuedAt": "2026-11-28",
        "expiresOn": "2026-12-31",
    })
    .to_string()
}

/// A file whose payload was changed after signing (another payload under the first signature).
fn tampered() -> String {
    let mut signed: serde_json::Value = serde_json::from_str(&sign(&payload(2, "9.0.0"), &SECRET)).expect("json");
    let other: serde_json::Value = serde_json::from_str(&sign(&payload(5, "9.0.0"), &SECRET)).expect("json");
    signed["payload"] = other["payload"].clone();
    signed.to_string()
}

/// Serves each path's (status, body) for every connection until the test ends.
async fn serve(routes: Vec<(&'static str, u16, String)>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else { return };
            let routes = routes.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 4096];
                let n = socket.read(&mut buf).await.unwrap_or(0);
                let request = String::from_utf8_lossy(&buf[..n]).to_string();
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
                let (status, body) = routes
                    .iter()
                    .find(|(p, _, _)| *p == path)
                    .map_or((404, String::new()), |(_, s, b)| (*s, b.clone()));
                let head =
                    format!("HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", body.len());
                let _ = socket.write_all(head.as_bytes()).await;
                let _ = socket.write_all(body.as_bytes()).await;
            });
        }
    });
    address
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
}

fn client() -> netcheck::Client {
    netcheck::loopback_test_client(Duration::from_secs(3)).expect("client")
}

fn bundled() -> programs::Catalog {
    programs::catalog().expect("bundled")
}

#[tokio::test]
async fn only_a_valid_newer_signed_file_is_taken_and_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = serve(vec![
        ("/valid", 200, sign(&payload(2, "9.0.0"), &SECRET)),
        ("/tampered", 200, tampered()),
        ("/older", 200, sign(&payload(0, "9.0.0"), &SECRET)),
        ("/same", 200, sign(&payload(2, "9.0.0"), &SECRET)),
        ("/foreign", 200, sign(&payload(3, "9.0.0"), &[1; 32])),
        ("/error", 503, "<html>maintenance</html>".into()),
    ])
    .await;
    let key = public_key_of(&SECRET);
    let now = Utc.with_ymd_and_hms(2026, 11, 29, 9, 0, 0).single().expect("time");
    let mut p = Programs::load(dir.path(), key, bundled());
    assert_eq!(p.catalog().version, 1);
    assert_eq!(p.knowledge(), &*guide::BUNDLED);
    assert!(p.due(now));

    for (path, code) in [
        ("/tampered", "FeedSignature"),
        ("/older", "FeedNotNewer"),
        ("/foreign", "FeedSignature"),
        ("/none", "Http"),
        ("/error", "Http"),
    ] {
        let e = p.fetch(&client(), &format!("{base}{path}"), now).await.expect_err(path);
        assert_eq!(e.code_str(), code, "{path}: {e}");
        assert!(e.to_string().contains("今まで") || code == "Http", "{path}: {e}");
        assert_eq!(p.catalog().version, 1, "{path}: the last good data stays");
        let status = p.status("0.1.0", today());
        assert!(status.last_failed && status.last_result.as_deref() == Some(e.to_string().as_str()));
    }
    assert!(!dir.path().join(SIGNED_FILE).exists(), "nothing bad was kept");

    let said = p.fetch(&client(), &format!("{base}/valid"), now).await.expect("valid");
    assert!(said.contains("版 2"), "{said}");
    assert_eq!(p.catalog().version, 2);
    assert_eq!(
        p.catalog().program("equipment_subsidy_2025").expect("the 助成金").window.to.date.to_string(),
        "2027-03-31"
    );
    assert_eq!(p.knowledge().call_centre.hours, "平日 9:00〜17:00", "the knowledge came with it");
    let status = p.status("0.1.0", today());
    assert!(status.updated && !status.last_failed);
    assert_eq!(status.newer_app.expect("announced").version, "9.0.0");
    assert!(p.status("9.0.0", today()).newer_app.is_none(), "not newer than the running version");
    assert!(!p.due(now + chrono::Duration::hours(23)) && p.due(now + chrono::Duration::hours(24)), "at most daily");

    let again = p.fetch(&client(), &format!("{base}/same"), now).await.expect("same version");
    assert!(again.contains("最新です"));

    // A file past its 有効期限 is kept (its data is still the newest we have), and said so.
    assert_eq!(p.status("0.1.0", today()).expired_since, None);
    let stale = p.status("0.1.0", chrono::NaiveDate::from_ymd_opt(2027, 1, 5).expect("date"));
    assert_eq!(stale.expired_since.as_deref(), Some("令和9年1月1日 (2027-01-01)"));
    assert_eq!(stale.version, 2, "still in use");

    let reloaded = Programs::load(dir.path(), key, bundled());
    assert_eq!(reloaded.catalog().version, 2, "the kept file is verified again at start");
    assert_eq!(reloaded.knowledge().call_centre.hours, "平日 9:00〜17:00");
    std::fs::write(dir.path().join(SIGNED_FILE), tampered()).expect("tamper on disk");
    assert_eq!(
        Programs::load(dir.path(), key, bundled()).catalog().version,
        1,
        "a file changed on disk is not trusted"
    );
}

#[tokio::test]
async fn a_server_that_is_down_or_no_address_keeps_the_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let now = Utc.with_ymd_and_hms(2026, 11, 29, 9, 0, 0).single().expect("time");
    let mut p = Programs::load(dir.path(), public_key_of(&SECRET), bundled());
    let e = p.fetch(&client(), &format!("http://127.0.0.1:{port}/feed"), now).await.expect_err("down");
    assert_eq!(e.code_str(), "Unreachable");
    assert!(!e.to_string().chars().any(|c| c.is_ascii_alphabetic()), "no English for staff: {e}");
    assert!(e.log_line().len() > "Unreachable ()".len(), "the transport's words reach the log: {}", e.log_line());
    assert_eq!(p.fetch(&client(), "  ", now).await.expect_err("none").code_str(), "NoAddress");
    assert_eq!(p.fetch(&client(), "ftp://example.jp/x", now).await.expect_err("ftp").code_str(), "BadAddress");
    assert_eq!(p.catalog().version, 1);
}
