//! Plugs the virtual card into the real pcscd through `vsmartcard-vpcd`, so that tests and the
//! benchmark go through the very path the clinic's reader uses (pcsc → pcscd → reader driver).
//!
//! vpcd framing: every message is a 2-byte big-endian length then the payload. A 1-byte payload is
//! a control code (`00` power off, `01` power on, `02` reset, `04` get ATR); anything longer is a
//! command APDU. Connecting is "card inserted", closing is "card removed". Only loopback is used.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use crate::virtual_card::VirtualCard;

/// The port vpcd listens on for its first reader ("Virtual PCD 00 00").
pub const DEFAULT_PORT: u16 = 35963;

/// A virtual card plugged into vpcd; unplugging it is "card removed" for pcscd.
pub struct Plugged {
    stream: TcpStream,
    card: Arc<Mutex<VirtualCard>>,
    /// Lift the card off when this many more APDUs have arrived (`usize::MAX`: never).
    lift_at: Arc<AtomicUsize>,
    thread: Option<JoinHandle<io::Result<()>>>,
}

/// Connects the card to vpcd at `addr` (a loopback address) and serves it on a thread.
pub fn plug(card: VirtualCard, addr: SocketAddr) -> io::Result<Plugged> {
    if !addr.ip().is_loopback() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "vpcd is only reached over loopback"));
    }
    plug_stream(card, TcpStream::connect(addr)?)
}

/// Serves the card on an already connected stream to vpcd.
pub fn plug_stream(card: VirtualCard, stream: TcpStream) -> io::Result<Plugged> {
    // vpcd writes the length and the body separately: without these, every APDU waits for TCP's
    // delayed ACK (about 40 ms) and timings measure that pause, not the card.
    stream.set_nodelay(true)?;
    let card = Arc::new(Mutex::new(card));
    let lift_at = Arc::new(AtomicUsize::new(usize::MAX));
    let (thread_stream, thread_card, thread_lift) = (stream.try_clone()?, card.clone(), lift_at.clone());
    let thread = std::thread::Builder::new()
        .name("vicc".into())
        .spawn(move || serve(thread_stream, &thread_card, &thread_lift))?;
    Ok(Plugged { stream, card, lift_at, thread: Some(thread) })
}

impl Plugged {
    /// Runs `f` on the card (to read its trace or tries while plugged).
    pub fn with_card<R>(&self, f: impl FnOnce(&VirtualCard) -> R) -> R {
        f(&self.card.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Lifts the card off the reader when the `n`-th next APDU arrives (0 = the very next one),
    /// without answering it: a patient taking the card away in the middle of a read.
    pub fn lift_at_apdu(&self, n: usize) {
        self.lift_at.store(n, Ordering::SeqCst);
    }

    /// Takes the card off the reader and returns the serving thread's result.
    pub fn unplug(mut self) -> io::Result<()> {
        let _ = self.stream.shutdown(Shutdown::Both);
        self.wait()
    }

    /// Serves until vpcd closes the connection (pcscd stopped).
    pub fn wait(&mut self) -> io::Result<()> {
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(io::Error::other("vicc thread panicked")),
            None => Ok(()),
        }
    }
}

impl Drop for Plugged {
    fn drop(&mut self) {
        let _ = self.stream.shutdown(Shutdown::Both);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn quickack(stream: &TcpStream) {
    #[cfg(target_os = "linux")]
    {
        let _ = socket2::SockRef::from(stream).set_tcp_quickack(true);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = stream;
}

fn serve(mut stream: TcpStream, card: &Mutex<VirtualCard>, lift_at: &AtomicUsize) -> io::Result<()> {
    let mut len = [0u8; 2];
    loop {
        quickack(&stream);
        match stream.read_exact(&mut len) {
            Ok(()) => {}
            // vpcd or we closed the connection: the card is off the reader.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::UnexpectedEof | io::ErrorKind::ConnectionReset | io::ErrorKind::NotConnected
                ) =>
            {
                return Ok(());
            }
            Err(e) => return Err(e),
        }
        let mut message = vec![0u8; usize::from(u16::from_be_bytes(len))];
        quickack(&stream);
        if stream.read_exact(&mut message).is_err() {
            return Ok(());
        }
        let reply = {
            let mut card = card.lock().unwrap_or_else(|p| p.into_inner());
            match message.as_slice() {
                [0x00] | [0x01] | [0x02] => {
                    card.reset();
                    continue;
                }
                [0x04] => card.atr().to_vec(),
                [_] => continue,
                apdu => {
                    let left = lift_at.load(Ordering::SeqCst);
                    if left == 0 {
                        let _ = stream.shutdown(Shutdown::Both);
                        return Ok(());
                    }
                    if left != usize::MAX {
                        lift_at.store(left - 1, Ordering::SeqCst);
                    }
                    card.answer(apdu)
                }
            }
        };
        let mut frame = Vec::with_capacity(reply.len() + 2);
        frame.extend_from_slice(&u16::try_from(reply.len()).unwrap_or(u16::MAX).to_be_bytes());
        frame.extend_from_slice(&reply);
        stream.write_all(&frame)?;
    }
}
