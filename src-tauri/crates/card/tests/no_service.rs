//! With no smart-card service (pcscd not running; Windows' Smart Card service stopped, as under
//! Wine which has none), connecting is a typed error with a message staff can act on, and the
//! monitor says so as an event: never a crash, never a generic failure.
//!
//! On Linux the test runs itself again as a child process whose PC/SC client is pointed at a
//! socket no daemon listens on (`PCSCLITE_CSOCK_NAME`), so the outcome does not depend on whether
//! a pcscd happens to run on the machine.

use std::time::Duration;

use card::CardError;
use card::pcsc_reader::{Monitor, PcscReaders};
use card::reader::CardEvent;

const CHILD: &str = "ONSHI_NAVI_NO_SERVICE_CHILD";

fn assert_no_service() {
    assert_eq!(PcscReaders::establish().err(), Some(CardError::ServiceUnavailable));
    let (tx, rx) = std::sync::mpsc::channel();
    let monitor = Monitor::start(move |e| {
        let _ = tx.send(e);
    })
    .expect("the monitor starts even without a service");
    let event = rx.recv_timeout(Duration::from_secs(10)).expect("an event");
    match event {
        CardEvent::ServiceUnavailable { error } => {
            assert_eq!(error.code, "ServiceUnavailable");
            assert_eq!(error.message, CardError::ServiceUnavailable.to_string());
        }
        other => panic!("expected ServiceUnavailable, got {other:?}"),
    }
    drop(monitor);
}

#[test]
fn a_missing_service_is_a_typed_error() {
    if cfg!(target_os = "linux") && std::env::var_os(CHILD).is_none() {
        let dir = tempfile::tempdir().expect("tempdir");
        let output = std::process::Command::new(std::env::current_exe().expect("test binary"))
            .args(["--exact", "a_missing_service_is_a_typed_error", "--nocapture"])
            .env(CHILD, "1")
            .env("PCSCLITE_CSOCK_NAME", dir.path().join("no-pcscd-here.comm"))
            .output()
            .expect("run the child");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && stdout.contains("1 passed"),
            "child failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        return;
    }
    assert_no_service();
}
