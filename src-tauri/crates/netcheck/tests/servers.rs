//! The internet check against servers on 127.0.0.1: one that answers, none listening, one that
//! never answers, and one whose certificate nobody trusts.

use std::sync::Arc;
use std::time::Duration;

use netcheck::{NetOutcome, check_with, loopback_test_client as client};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const SHORT: Duration = Duration::from_millis(700);

async fn listener() -> (TcpListener, u16) {
    let l = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = l.local_addr().expect("addr").port();
    (l, port)
}

#[tokio::test]
async fn an_address_that_answers_is_reachable_whatever_its_status() {
    let (l, port) = listener().await;
    tokio::spawn(async move {
        while let Ok((mut s, _)) = l.accept().await {
            let mut buf = [0u8; 1024];
            let _ = s.read(&mut buf).await;
            let _ = s.write_all(b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").await;
        }
    });
    let c = client(SHORT).expect("client");
    let r = check_with(&c, &format!("http://127.0.0.1:{port}/omf")).await;
    assert_eq!(r.outcome, NetOutcome::Reachable, "{r:?}");
    assert_eq!(r.label, "つながりました");
    assert!(r.message.contains("応答 403"), "{}", r.message);
    assert_eq!(r.next_action, None);
}

#[tokio::test]
async fn no_server_is_not_reachable_with_what_to_check() {
    let (l, port) = listener().await;
    drop(l);
    let c = client(SHORT).expect("client");
    let r = check_with(&c, &format!("http://127.0.0.1:{port}/")).await;
    assert_eq!(r.outcome, NetOutcome::NotReachable, "{r:?}");
    assert!(r.next_action.as_deref().is_some_and(|a| a.contains("LANケーブル")), "{r:?}");
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let (l, port) = listener().await;
    let held = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((s, _)) = l.accept().await {
            open.push(s); // accepted, never answered
        }
    });
    let c = client(SHORT).expect("client");
    let r = check_with(&c, &format!("http://127.0.0.1:{port}/")).await;
    assert_eq!(r.outcome, NetOutcome::TimedOut, "{r:?}");
    assert!(r.elapsed_ms >= 600 && r.elapsed_ms < 5_000, "{r:?}");
    held.abort();
}

#[tokio::test]
async fn a_certificate_nobody_trusts_is_a_secure_connection_problem() {
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).expect("cert");
    let der = cert.cert.der().clone();
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(cert.signing_key.serialize_der().into());
    let _ = rustls::crypto::ring::default_provider().install_default();
    let config =
        rustls::ServerConfig::builder().with_no_client_auth().with_single_cert(vec![der], key).expect("config");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let (l, port) = listener().await;
    tokio::spawn(async move {
        while let Ok((s, _)) = l.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                if let Ok(mut tls) = acceptor.accept(s).await {
                    let _ = tls.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n").await;
                }
            });
        }
    });
    let c = client(SHORT).expect("client");
    let r = check_with(&c, &format!("https://localhost:{port}/")).await;
    assert_eq!(r.outcome, NetOutcome::SecureConnection, "{r:?}");
    assert!(r.next_action.as_deref().is_some_and(|a| a.contains("日付と時刻")), "{r:?}");
}

/// The app's own client speaks HTTPS only: a plain `http://` address is refused before anything
/// is sent (the tests' servers use the loopback test client).
#[tokio::test]
async fn the_apps_client_refuses_plain_http() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let strict = netcheck::client(SHORT).expect("client");
    let e = netcheck::fetch_text(&strict, &format!("http://127.0.0.1:{port}/feed"), 1024).await;
    assert!(e.is_err(), "plain HTTP refused");
}
