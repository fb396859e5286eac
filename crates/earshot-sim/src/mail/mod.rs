//! The business's mail provider, simulated: an IMAP server (`imap.rs`: LOGIN, SELECT, UID
//! SEARCH/FETCH/STORE, LIST with `\Sent`, APPEND, IDLE) and an SMTP submission server
//! (`smtp.rs`: EHLO, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA) on their own loopback ports, for the
//! offline demo, the trials and the benchmarks. The tests of the email channel itself run
//! against real Dovecot and Postfix (`interop/mail`); this is what answers when those are not
//! here.
//!
//! The inbox holds the demo's customer mail (`script.rs`, shaped like the messages in
//! `fixtures/email`), revealed at its time, and mail injected through `/_sim/post` with
//! `"net": "email"`. What is submitted over SMTP is recorded as a [`crate::Write`].

mod imap;
mod script;
mod smtp;

use std::sync::Mutex;
use std::time::Instant;

use serde::Serialize;
use tokio::sync::watch;

use crate::lock;

/// The business's address.
pub const MAIL_USER: &str = "hello@brightside.coffee";
/// Its password on the simulated provider.
pub const MAIL_PASSWORD: &str = "sim-mail-password";

/// One message in a folder.
#[derive(Debug, Clone, Serialize)]
pub struct MailMessage {
    /// Its UID in its folder.
    pub uid: u32,
    /// The message as stored (RFC 5322).
    #[serde(skip)]
    pub raw: Vec<u8>,
    /// `Message-ID`.
    pub message_id: String,
    /// Flags (`\Seen`, `\Answered`).
    pub flags: Vec<String>,
    /// When it arrived (unix seconds).
    pub internal: i64,
    /// Milliseconds since the simulator started when it arrived (latency benchmarks).
    pub arrived_ms: u128,
}

struct Pending {
    due_secs: i64,
    raw: Vec<u8>,
}

struct Folders {
    inbox: Vec<MailMessage>,
    sent: Vec<MailMessage>,
    pending: Vec<Pending>,
    next_inbox: u32,
    next_sent: u32,
}

/// The simulated mailbox.
pub struct MailState {
    folders: Mutex<Folders>,
    /// The folder's UIDVALIDITY.
    pub validity: u32,
    start: i64,
    started: Instant,
    reveal_all: bool,
    changed: watch::Sender<u64>,
    /// Bumped to drop every IMAP connection (a provider restarting).
    pub(crate) drop_all: watch::Sender<u64>,
}

/// The `Message-ID` of raw mail (`<…>`), if it has one.
pub(crate) fn header(raw: &[u8], name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(raw);
    let head = text.split("\r\n\r\n").next().unwrap_or("");
    let mut found: Option<String> = None;
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some(f) = found.as_mut() {
                if !f.is_empty() {
                    f.push(' ');
                }
                f.push_str(line.trim());
            }
            continue;
        }
        if found.is_some() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.trim().eq_ignore_ascii_case(name) {
                found = Some(v.trim().to_string());
            }
        }
    }
    found
}

/// Normalises line ends to CRLF (what IMAP and SMTP carry), byte for byte: mail in other
/// charsets than UTF-8 stays as it was.
pub(crate) fn crlf(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 40);
    for (i, b) in raw.iter().enumerate() {
        if *b == b'\n' && (i == 0 || raw[i - 1] != b'\r') {
            out.push(b'\r');
        }
        out.push(*b);
    }
    out
}

impl MailState {
    pub(crate) fn new(seed: u64, reveal_all: bool, start: i64, started: Instant) -> MailState {
        let pending = script::script(seed, start)
            .into_iter()
            .map(|(due_secs, raw)| Pending {
                due_secs,
                raw: crlf(raw.as_bytes()),
            })
            .collect();
        MailState {
            folders: Mutex::new(Folders {
                inbox: Vec::new(),
                sent: Vec::new(),
                pending,
                next_inbox: 1,
                next_sent: 1,
            }),
            validity: (start as u32) | 1,
            start,
            started,
            reveal_all,
            changed: watch::channel(0).0,
            drop_all: watch::channel(0).0,
        }
    }

    fn now(&self) -> i64 {
        self.start + self.started.elapsed().as_secs() as i64
    }

    /// Moves the mail whose time has come into the inbox; returns when the next is due
    /// (seconds since start).
    pub(crate) fn tick(&self) -> Option<i64> {
        let elapsed = self.started.elapsed().as_secs() as i64;
        let mut f = lock(&self.folders);
        let mut moved = false;
        let mut i = 0;
        while i < f.pending.len() {
            if self.reveal_all || f.pending[i].due_secs <= elapsed {
                let p = f.pending.remove(i);
                Self::deliver(
                    &mut f,
                    p.raw,
                    self.now(),
                    self.started.elapsed().as_millis(),
                );
                moved = true;
            } else {
                i += 1;
            }
        }
        let next = f.pending.iter().map(|p| p.due_secs).min();
        drop(f);
        if moved {
            self.changed.send_modify(|n| *n += 1);
        }
        next
    }

    fn deliver(f: &mut Folders, raw: Vec<u8>, now: i64, at_ms: u128) -> MailMessage {
        let m = MailMessage {
            uid: f.next_inbox,
            message_id: header(&raw, "Message-ID").unwrap_or_default(),
            raw,
            flags: Vec::new(),
            internal: now,
            arrived_ms: at_ms,
        };
        f.next_inbox += 1;
        f.inbox.push(m.clone());
        m
    }

    /// Delivers a message to the inbox now (`/_sim/post`); returns it.
    pub fn inject(&self, raw: &[u8]) -> MailMessage {
        let mut f = lock(&self.folders);
        let m = Self::deliver(
            &mut f,
            crlf(raw),
            self.now(),
            self.started.elapsed().as_millis(),
        );
        drop(f);
        self.changed.send_modify(|n| *n += 1);
        m
    }

    /// A customer's message to the business, written as a mail program would.
    pub fn inject_text(&self, from_name: &str, subject: &str, text: &str) -> MailMessage {
        let n = lock(&self.folders).next_inbox;
        let local: String = from_name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        let raw = script::message(
            &format!(
                "{from_name} <{}@example.com>",
                if local.is_empty() { "customer" } else { &local }
            ),
            subject,
            &format!("<sim-{n}-{}@example.com>", self.now()),
            self.now(),
            text,
        );
        self.inject(raw.as_bytes())
    }

    /// Drops every IMAP connection, as a provider restarting does; clients log in again.
    pub fn drop_connections(&self) {
        self.drop_all.send_modify(|n| *n += 1);
    }

    /// The inbox (or `Sent`) as it is now.
    pub fn folder(&self, sent: bool) -> Vec<MailMessage> {
        let f = lock(&self.folders);
        if sent {
            f.sent.clone()
        } else {
            f.inbox.clone()
        }
    }

    /// What listening to the inbox must store by now: the Message-IDs of customer mail (not
    /// the automatic replies).
    pub fn truth(&self) -> std::collections::BTreeSet<(String, String)> {
        self.tick();
        lock(&self.folders)
            .inbox
            .iter()
            .filter(|m| {
                header(&m.raw, "Auto-Submitted").is_none_or(|v| v.eq_ignore_ascii_case("no"))
            })
            .map(|m| ("email".to_string(), m.message_id.clone()))
            .collect()
    }

    fn append_sent(&self, raw: Vec<u8>, flags: Vec<String>) -> u32 {
        let mut f = lock(&self.folders);
        let uid = f.next_sent;
        f.next_sent += 1;
        let m = MailMessage {
            uid,
            message_id: header(&raw, "Message-ID").unwrap_or_default(),
            raw,
            flags,
            internal: self.now(),
            arrived_ms: self.started.elapsed().as_millis(),
        };
        f.sent.push(m);
        uid
    }

    fn with_folder<T>(&self, sent: bool, f: impl FnOnce(&mut Vec<MailMessage>) -> T) -> T {
        let mut g = lock(&self.folders);
        if sent {
            f(&mut g.sent)
        } else {
            f(&mut g.inbox)
        }
    }
}

/// Whether a SASL XOAUTH2 initial response (base64 of `user=…^Aauth=Bearer …^A^A`) carries a
/// token the simulated Google issued for the business's mailbox.
pub(crate) fn xoauth2_ok(social: &crate::social::SocialHandle, b64: &str) -> bool {
    use base64::Engine as _;
    let Ok(raw) = base64::engine::general_purpose::STANDARD.decode(b64.trim()) else {
        return false;
    };
    let text = String::from_utf8_lossy(&raw);
    let mut parts = text.split('\x01');
    let user = parts.next().and_then(|u| u.strip_prefix("user="));
    let token = parts.next().and_then(|a| a.strip_prefix("auth=Bearer "));
    match (user, token) {
        (Some(u), Some(t)) => social
            .presence()
            .bearer_email(t)
            .is_some_and(|e| e.eq_ignore_ascii_case(u) && u.eq_ignore_ascii_case(MAIL_USER)),
        _ => false,
    }
}

pub use imap::serve_imap;
pub use smtp::serve_smtp;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_become_crlf_and_other_charsets_stay_as_they_were() {
        assert_eq!(crlf(b"a\nb\r\nc\xe9\n"), b"a\r\nb\r\nc\xe9\r\n");
        let raw = b"Subject: Hi\r\nMessage-ID:\r\n <x@y>\r\n\r\nbody";
        assert_eq!(header(raw, "message-id").as_deref(), Some("<x@y>"));
        assert_eq!(header(raw, "Subject").as_deref(), Some("Hi"));
        assert_eq!(header(raw, "To"), None);
    }
}
