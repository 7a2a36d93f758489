//! The virtual My Number card as a program: plugs into pcscd through vsmartcard-vpcd (127.0.0.1)
//! and serves until vpcd closes the connection or the program is stopped. For trying the app, or
//! OpenSC, against a card with a chosen state without a real card.
//!
//!   onshi-vicc [--port 35963] [--expires 2029-03-31] [--pin 1234] [--auth-tries 3]
//!              [--kenmen-tries 3] [--other-card] [--trace]
//!
//! `--trace` prints every APDU the card received (PINs redacted) and every reset, in order, when
//! vpcd closes the connection.

// Domain code has no business with raw pointers: the workspace only denies unsafe code (the
// host's Windows message box allows it once); here it stays forbidden.
#![forbid(unsafe_code)]

use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use card::virtual_card::{VirtualCard, VirtualCardConfig};
use chrono::NaiveDate;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("onshi-vicc: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut port = card::vpcd::DEFAULT_PORT;
    let mut config = VirtualCardConfig::demo(NaiveDate::from_ymd_opt(2029, 3, 31).ok_or("date")?);
    let mut trace = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--port" => port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
            "--expires" => {
                let text = value()?;
                let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|e| format!("--expires: {e}"))?;
                config = VirtualCardConfig { ..VirtualCardConfig::demo(date) };
            }
            "--pin" => {
                let pin = value()?;
                config.auth_pin.clone_from(&pin);
                config.kenmen_pin = pin;
            }
            "--auth-tries" => config.auth_tries = value()?.parse().map_err(|e| format!("--auth-tries: {e}"))?,
            "--kenmen-tries" => config.kenmen_tries = value()?.parse().map_err(|e| format!("--kenmen-tries: {e}"))?,
            "--other-card" => config.my_number_card = false,
            "--trace" => trace = true,
            "-h" | "--help" => {
                println!(
                    "usage: onshi-vicc [--port N] [--expires YYYY-MM-DD] [--pin NNNN] [--auth-tries N] [--kenmen-tries N] [--other-card] [--trace]"
                );
                return Ok(());
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    let card = VirtualCard::new(config).map_err(|e| e.to_string())?;
    let mut plugged = card::vpcd::plug(card, SocketAddr::from((Ipv4Addr::LOCALHOST, port)))
        .map_err(|e| format!("cannot reach vpcd on 127.0.0.1:{port} ({e}); is pcscd running with vsmartcard-vpcd?"))?;
    eprintln!("onshi-vicc: card on the reader (vpcd 127.0.0.1:{port}); stop with Ctrl+C");
    let result = plugged.wait();
    if trace {
        plugged.with_card(|c| c.history().iter().for_each(|line| eprintln!("{line}")));
    }
    result.map_err(|e| e.to_string())
}
