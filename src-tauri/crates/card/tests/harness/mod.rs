//! Starts pcscd for a test and stops it after; plugs virtual cards into vpcd over loopback.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use card::virtual_card::VirtualCard;

const SOCKET: &str = "/run/pcscd/pcscd.comm";

/// A pcscd we started (stopped on drop), or none when one was already running.
pub struct Pcscd {
    child: Option<Child>,
}

/// Tests that use pcscd and vpcd share one daemon and one vpcd port: one at a time.
pub fn serial() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|p| p.into_inner())
}

impl Pcscd {
    /// Starts `pcscd --foreground` unless one already answers; waits for its socket and readers.
    pub fn start() -> Pcscd {
        if Path::new(SOCKET).exists() && card::pcsc_reader::PcscReaders::establish().is_ok() {
            return Pcscd { child: None };
        }
        let child = Command::new("pcscd")
            .args(["--foreground", "--error"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("pcscd must be installed (scripts/setup installs pcscd and vsmartcard-vpcd)");
        let pcscd = Pcscd { child: Some(child) };
        let until = Instant::now() + Duration::from_secs(10);
        while Instant::now() < until {
            if let Ok(r) = card::pcsc_reader::PcscReaders::establish()
                && card::reader::Readers::readers(&r).map(|l| !l.is_empty()).unwrap_or(false)
            {
                return pcscd;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("pcscd did not come up with the vpcd readers (is vsmartcard-vpcd installed?)");
    }
}

impl Pcscd {
    /// True when this test started pcscd (and so may stop it).
    pub fn owned(&self) -> bool {
        self.child.is_some()
    }
}

impl Drop for Pcscd {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
            let until = Instant::now() + Duration::from_secs(5);
            while Instant::now() < until {
                if let Ok(Some(_)) = child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Plugs the card into the first vpcd reader, retrying while vpcd starts listening.
pub fn plug(card: VirtualCard) -> card::vpcd::Plugged {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, card::vpcd::DEFAULT_PORT));
    let until = Instant::now() + Duration::from_secs(10);
    loop {
        match std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)) {
            Ok(stream) => return card::vpcd::plug_stream(card, stream).expect("serve the card"),
            Err(e) if Instant::now() > until => panic!("vpcd is not listening on {addr}: {e}"),
            Err(_) => std::thread::sleep(Duration::from_millis(100)),
        }
    }
}

/// Waits up to 5 s for an event matching `want`, skipping others.
pub fn expect_event<T: std::fmt::Debug>(rx: &Receiver<T>, want: impl Fn(&T) -> bool) -> T {
    expect_event_within(rx, Duration::from_secs(5), want)
}

/// Waits up to `within` for an event matching `want`, skipping others.
pub fn expect_event_within<T: std::fmt::Debug>(rx: &Receiver<T>, within: Duration, want: impl Fn(&T) -> bool) -> T {
    let until = Instant::now() + within;
    let mut seen = Vec::new();
    while let Some(left) = until.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(e) if want(&e) => return e,
            Ok(e) => seen.push(e),
            Err(_) => break,
        }
    }
    panic!("expected event not seen; saw {seen:?}");
}
