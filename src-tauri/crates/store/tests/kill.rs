//! Crash safety: the store's writer, in a child process, is killed (SIGKILL on Linux,
//! TerminateProcess on Windows) at random moments, over and over. After each kill the database
//! must open clean (the start-up `quick_check` passes, nothing is reported damaged) and every write
//! the child saw succeed must be there: WAL with `synchronous = FULL` promises exactly that.
//!
//! The child is this test binary run again with `--ignored --exact child_writer` and the folder in
//! an environment variable; it prints the number of each write once the write has returned.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::Utc;
use store::Store;

const DIR_VAR: &str = "ONSHI_NAVI_KILL_TEST_DIR";
const START_VAR: &str = "ONSHI_NAVI_KILL_TEST_START";

/// Kills wanted, and the time they may take (a slow machine stops at the time, and fails if it did
/// too few to mean anything). Process start under Wine is slow: fewer there.
#[cfg(not(windows))]
const KILLS: usize = 200;
#[cfg(windows)]
const KILLS: usize = 25;
const TIME_LIMIT: Duration = Duration::from_secs(150);

/// The child: writes settings `kill-<n>` = n (each with its audit row, in one transaction) and
/// prints n after each write returned. Run only by the test below.
#[tokio::test]
#[ignore = "the child process of the kill test; run by it"]
async fn child_writer() {
    let dir = std::env::var_os(DIR_VAR).expect("run by the kill test");
    let start: u64 = std::env::var(START_VAR).ok().and_then(|s| s.parse().ok()).expect("first number");
    let store = Store::open_in(std::path::Path::new(&dir)).await.expect("open in the child");
    for n in start.. {
        store.set_setting(&format!("kill-{n}"), &n.to_string(), "kill-test", Utc::now()).await.expect("write");
        println!("{n}");
    }
}

/// A small xorshift: random moments without a dependency.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[tokio::test]
async fn every_write_that_returned_survives_a_kill_at_any_moment() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("オン資ナビ");
    Store::open_in(&dir).await.expect("create").close().await;
    let exe = std::env::current_exe().expect("test binary");
    let mut seed = u64::from(std::process::id()) | 1;
    let mut confirmed: Vec<u64> = Vec::new();
    let mut next_number = 0_u64;
    let started = Instant::now();
    let mut kills = 0;
    while kills < KILLS && started.elapsed() < TIME_LIMIT {
        let mut child = Command::new(&exe)
            .args(["--ignored", "--exact", "child_writer", "--nocapture", "--test-threads", "1"])
            .env(DIR_VAR, &dir)
            .env(START_VAR, next_number.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn the writer");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel::<u64>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Ok(n) = line.trim().parse::<u64>() {
                    let _ = tx.send(n);
                }
            }
        });
        // Wait for the first write, then kill at a random moment 0–20 ms later: during a write,
        // between writes, in a commit.
        let first = rx.recv_timeout(Duration::from_secs(30)).expect("the child wrote");
        std::thread::sleep(Duration::from_micros(next(&mut seed) % 20_000));
        child.kill().expect("kill");
        let _ = child.wait();
        reader.join().expect("reader");
        confirmed.push(first);
        confirmed.extend(rx.try_iter());
        next_number = confirmed.last().map_or(next_number, |n| n + 1);
        kills += 1;

        // Opens clean (a damaged file would be refused here) and holds every confirmed write.
        let store = Store::open_in(&dir).await.unwrap_or_else(|e| panic!("after kill {kills}: {e}"));
        for n in confirmed.iter().rev().take(50) {
            let value = store.setting(&format!("kill-{n}")).await.expect("read");
            assert_eq!(value, Some(n.to_string()), "write {n} returned before kill {kills} but is gone");
        }
        store.close().await;
    }
    assert!(kills >= KILLS, "only {kills} kills in {TIME_LIMIT:?}");
    let store = Store::open_in(&dir).await.expect("open at the end");
    for n in &confirmed {
        assert_eq!(store.setting(&format!("kill-{n}")).await.expect("read"), Some(n.to_string()), "write {n}");
    }
    eprintln!("{kills} kills, {} confirmed writes, {:?}", confirmed.len(), started.elapsed());
}
