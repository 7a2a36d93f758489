//! Signs program data updates for オン資ナビ (maintainers only; the app never signs).
//!
//!   onshi-sign keygen <secret-file>            a new key; prints its public half for feed.rs
//!   onshi-sign sign <secret-file> <payload.json>  prints the signed file
//!
//! The secret file holds 32 bytes and must stay offline: whoever has it can publish program data
//! every clinic's app will trust.
#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("onshi-sign: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args {
        [cmd, secret_path] if cmd == "keygen" => {
            let secret = random_32().map_err(|e| format!("no randomness (/dev/urandom): {e}"))?;
            if std::path::Path::new(secret_path).exists() {
                return Err(format!("{secret_path} exists: not overwriting a key"));
            }
            std::fs::write(secret_path, secret).map_err(|e| e.to_string())?;
            let public = programs::feed::public_key_of(&secret);
            println!("{}", public.iter().map(|b| format!("0x{b:02x}")).collect::<Vec<_>>().join(", "));
            Ok(())
        }
        [cmd, secret_path, payload_path] if cmd == "sign" => {
            let secret = std::fs::read(secret_path).map_err(|e| e.to_string())?;
            let secret: [u8; 32] = secret.try_into().map_err(|_| "the secret file must hold 32 bytes")?;
            let payload = std::fs::read_to_string(payload_path).map_err(|e| e.to_string())?;
            let signed = programs::feed::sign(&payload, &secret);
            let update = programs::feed::verify(&signed, &programs::feed::public_key_of(&secret), 0)
                .map_err(|e| format!("the payload does not verify: {e}"))?;
            eprintln!("signed program data version {}", update.catalog.version);
            println!("{signed}");
            Ok(())
        }
        _ => Err("usage: onshi-sign keygen <secret-file> | onshi-sign sign <secret-file> <payload.json>".into()),
    }
}

fn random_32() -> std::io::Result<[u8; 32]> {
    use std::io::Read;
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(bytes)
}
