//! Figures, not a test (`cargo bench -p card`): through pcscd + vsmartcard-vpcd, the APDUs and the
//! time from the card placed on the reader to its certificate's validity known, and the same
//! certificate read by OpenSC (`pkcs15-tool --read-certificate 01`) on the same virtual card.

#[cfg(target_os = "linux")]
#[path = "../tests/harness/mod.rs"]
mod harness;

#[cfg(target_os = "linux")]
fn main() {
    use std::time::{Duration, Instant};

    use card::jpki;
    use card::pcsc_reader::{Monitor, PcscReaders};
    use card::reader::{self, CardEvent, Readers};
    use card::virtual_card::{VirtualCard, VirtualCardConfig};
    use chrono::NaiveDate;

    const RUNS: usize = 20;
    let expires = NaiveDate::from_ymd_opt(2029, 3, 31).expect("date");
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
    let _serial = harness::serial();
    let _pcscd = harness::Pcscd::start();
    if !_pcscd.owned() {
        println!("(using the pcscd already running on this machine)");
    }
    let readers = PcscReaders::establish().expect("pcscd");
    let reader = readers
        .readers()
        .expect("readers")
        .into_iter()
        .map(|r| r.name)
        .find(|n| n.starts_with("Virtual PCD"))
        .expect("a vpcd reader");
    let (tx, rx) = std::sync::mpsc::channel();
    let _monitor = Monitor::start(move |e| {
        let _ = tx.send((Instant::now(), e));
    })
    .expect("monitor");
    std::thread::sleep(Duration::from_millis(200));
    while rx.try_recv().is_ok() {}

    let mut to_event = Vec::new();
    let mut event_to_validity = Vec::new();
    let mut total = Vec::new();
    let mut apdus = 0;
    for _ in 0..RUNS {
        let card = VirtualCard::new(VirtualCardConfig::demo(expires)).expect("card");
        let t0 = Instant::now();
        let plugged = harness::plug(card);
        let (inserted_at, _) = harness::expect_event(&rx, |(_, e)| matches!(e, CardEvent::CardInserted { .. }));
        let check = reader::run(&readers, &reader, |t| jpki::check_card(t, today)).expect("check");
        let done = Instant::now();
        apdus = check.apdus;
        assert_eq!(plugged.with_card(|c| c.trace().len()) as u32, check.apdus, "every APDU reached the card");
        to_event.push(inserted_at.duration_since(t0).as_secs_f64() * 1e3);
        event_to_validity.push(done.duration_since(inserted_at).as_secs_f64() * 1e3);
        total.push(done.duration_since(t0).as_secs_f64() * 1e3);
        plugged.unplug().expect("unplug");
        loop {
            if let (_, CardEvent::CardRemoved { .. }) = rx.recv_timeout(Duration::from_secs(5)).expect("removed event")
            {
                break;
            }
        }
    }

    println!("オン資ナビ: card placed → validity known, through pcscd + vpcd ({RUNS} runs)");
    println!("  APDUs: {apdus}");
    println!("  placed → CardInserted event (pcscd's own detection) ms: {}", stats(&to_event));
    println!("  CardInserted event → validity known (our read) ms:     {}", stats(&event_to_validity));
    println!("  placed → validity known, in all ms:                    {}", stats(&total));

    // OpenSC on the same virtual card.
    let card = VirtualCard::new(VirtualCardConfig::demo(expires)).expect("card");
    let plugged = harness::plug(card);
    std::thread::sleep(Duration::from_millis(800));
    let before = plugged.with_card(|c| c.trace().len());
    let mut times = Vec::new();
    let mut opensc_apdus = 0;
    for _ in 0..5 {
        let start_len = plugged.with_card(|c| c.trace().len());
        let t0 = Instant::now();
        let out = std::process::Command::new("pkcs15-tool").args(["--read-certificate", "01"]).output();
        let elapsed = t0.elapsed().as_secs_f64() * 1e3;
        match out {
            Ok(o) if o.status.success() && String::from_utf8_lossy(&o.stdout).contains("BEGIN CERTIFICATE") => {
                times.push(elapsed);
                opensc_apdus = plugged.with_card(|c| c.trace().len()) - start_len;
            }
            Ok(o) => {
                println!("OpenSC: pkcs15-tool failed: {}", String::from_utf8_lossy(&o.stderr).trim());
                break;
            }
            Err(e) => {
                println!("OpenSC: pkcs15-tool not available ({e}); install the opensc package");
                break;
            }
        }
    }
    if !times.is_empty() {
        let refused = plugged.with_card(|c| {
            c.trace()
                .iter()
                .skip(before)
                .take(opensc_apdus)
                .filter(|e| e.sw != [0x90, 0x00] && e.sw[0] != 0x63 && e.sw != [0x62, 0x82])
                .count()
        });
        println!("OpenSC pkcs15-tool --read-certificate 01 on the same card ({} runs, whole process)", times.len());
        println!("  APDUs: {opensc_apdus} ({refused} of them refused by the card: probes for other card types)");
        println!("  ms: {}", stats(&times));
    }
}

#[cfg(target_os = "linux")]
fn stats(xs: &[f64]) -> String {
    let mut s = xs.to_vec();
    s.sort_by(f64::total_cmp);
    format!("min {:.1}  median {:.1}  max {:.1}", s[0], s[s.len() / 2], s[s.len() - 1])
}

#[cfg(not(target_os = "linux"))]
fn main() {
    println!("this benchmark needs pcscd and vsmartcard-vpcd (Linux)");
}
