//! A small SMTP server the tests start on loopback: it speaks real SMTP over TCP to the
//! application's client (lettre), keeps every message it accepts, and can be told to answer
//! a temporary failure (451) to the next messages or a permanent refusal (550) to some
//! recipients. Written here rather than taken from `mailin-embedded`, whose required TLS
//! (rustls with its default aws-lc backend) would add a second crypto backend and about a
//! minute to a cold build of the tests.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A message the server accepted.
#[derive(Debug, Clone)]
pub struct Received {
    /// The envelope's recipients (`RCPT TO`).
    pub to: Vec<String>,
    /// The message as sent: its headers as they came, its body with the quoted-printable
    /// parts decoded.
    pub message: String,
}

impl Received {
    /// The value of a header of the message.
    pub fn header(&self, name: &str) -> Option<String> {
        let prefix = format!("{}:", name.to_lowercase());
        self.message
            .lines()
            .take_while(|line| !line.is_empty())
            .find(|line| line.to_lowercase().starts_with(&prefix))
            .map(|line| line[prefix.len()..].trim().to_owned())
    }
}

#[derive(Default)]
struct Behaviour {
    /// Messages still to answer 451 at the end of DATA.
    temporary_failures: usize,
    /// Recipients refused with 550 at RCPT.
    refused: HashSet<String>,
    received: Vec<Received>,
    /// Messages answered 451.
    deferred: usize,
}

/// A running server; it stops with the test process.
#[derive(Clone)]
pub struct SmtpServer {
    pub port: u16,
    state: Arc<Mutex<Behaviour>>,
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the SMTP server");
        let port = listener.local_addr().expect("address").port();
        let state = Arc::new(Mutex::new(Behaviour::default()));
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = Arc::clone(&shared);
                std::thread::spawn(move || {
                    let _ = converse(stream, &state);
                });
            }
        });
        SmtpServer { port, state }
    }

    /// `smtp://127.0.0.1:<port>`, for `--smtp-url` with `--smtp-plain-on-loopback`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Answers 451 to the next `count` messages.
    pub fn fail_next(&self, count: usize) {
        self.state.lock().unwrap().temporary_failures = count;
    }

    /// Refuses this recipient for good (550 at RCPT).
    pub fn refuse(&self, address: &str) {
        self.state
            .lock()
            .unwrap()
            .refused
            .insert(address.to_lowercase());
    }

    pub fn received(&self) -> Vec<Received> {
        self.state.lock().unwrap().received.clone()
    }

    /// How many messages were answered 451.
    pub fn deferred(&self) -> usize {
        self.state.lock().unwrap().deferred
    }

    /// Waits (up to 20 s) until `done` holds for what was received, and returns it.
    pub async fn wait_for(&self, what: &str, done: impl Fn(&[Received]) -> bool) -> Vec<Received> {
        for _ in 0..400 {
            let received = self.received();
            if done(&received) {
                return received;
            }
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        }
        let received = self.received();
        let recipients: Vec<&Vec<String>> = received.iter().map(|r| &r.to).collect();
        panic!("the SMTP server never got {what}; it got messages to {recipients:?}");
    }
}

/// The address inside `<...>` of a `MAIL FROM:` / `RCPT TO:` line.
fn address_of(line: &str) -> String {
    let start = line.find('<').map_or(0, |i| i + 1);
    let end = line[start..].find('>').map_or(line.len(), |i| start + i);
    line[start..end].to_lowercase()
}

fn converse(stream: TcpStream, state: &Mutex<Behaviour>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    out.write_all(b"220 test.localhost ESMTP\r\n")?;
    let mut recipients: Vec<String> = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_owned();
        let verb = command
            .split([' ', ':'])
            .next()
            .unwrap_or_default()
            .to_uppercase();
        let reply: &str = match verb.as_str() {
            "EHLO" => "250-test.localhost\r\n250 8BITMIME\r\n",
            "HELO" => "250 test.localhost\r\n",
            "MAIL" => {
                recipients.clear();
                "250 2.1.0 OK\r\n"
            }
            "RCPT" => {
                let address = address_of(&command);
                if state.lock().unwrap().refused.contains(&address) {
                    "550 5.1.1 No such user here\r\n"
                } else {
                    recipients.push(address);
                    "250 2.1.5 OK\r\n"
                }
            }
            "DATA" => {
                out.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if reader.read_line(&mut line)? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    // Dot-stuffing: a leading ".." was a "." in the message.
                    data.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                let mut state = state.lock().unwrap();
                if state.temporary_failures > 0 {
                    state.temporary_failures -= 1;
                    state.deferred += 1;
                    "451 4.3.0 Try again later\r\n"
                } else {
                    state.received.push(Received {
                        to: std::mem::take(&mut recipients),
                        message: decode_body(&data),
                    });
                    "250 2.0.0 Queued\r\n"
                }
            }
            "RSET" => {
                recipients.clear();
                "250 2.0.0 OK\r\n"
            }
            "NOOP" => "250 2.0.0 OK\r\n",
            "QUIT" => {
                out.write_all(b"221 2.0.0 Bye\r\n")?;
                return Ok(());
            }
            _ => "502 5.5.2 Command not recognized\r\n",
        };
        out.write_all(reply.as_bytes())?;
    }
}

/// The headers as they came, the rest with its quoted-printable parts decoded.
fn decode_body(data: &str) -> String {
    let (headers, body) = data.split_once("\r\n\r\n").unwrap_or((data, ""));
    format!(
        "{}\n\n{}",
        headers.replace("\r\n", "\n"),
        decode_quoted_printable(body)
    )
}

/// Decodes quoted-printable text (`=C3=A9` -> `é`, soft line breaks removed); what is not
/// an escape is kept as it is, so headers and boundaries pass through.
fn decode_quoted_printable(data: &str) -> String {
    let bytes = data.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let hex = |b: u8| (b as char).to_digit(16);
    while i < bytes.len() {
        if bytes[i] == b'=' {
            if bytes[i + 1..].starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if bytes[i + 1..].starts_with(b"\n") {
                i += 2;
                continue;
            }
            if i + 2 < bytes.len()
                && let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
            {
                out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).replace("\r\n", "\n")
}
