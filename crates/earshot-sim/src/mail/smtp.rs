//! The simulated provider's SMTP submission server (RFC 5321 with AUTH PLAIN/LOGIN, RFC 4954):
//! what it takes is recorded as a [`Write`] on `Net::Email` — the reply's text, its threading
//! headers and Message-ID — so the trials count every message that would have reached a
//! customer. The `replies` fault target breaks it the way a provider can.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use serde_json::json;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use super::{header, MAIL_PASSWORD, MAIL_USER};
use crate::faults::{Fault, Faults};
use crate::social::{Net, SocialHandle, Write};

const MAX_LINE: u64 = 8 * 1024;
const MAX_MESSAGE: u64 = 10 * 1024 * 1024;

/// Serves SMTP on `listener` until the task is dropped.
pub async fn serve_smtp(listener: TcpListener, social: SocialHandle, faults: Arc<Faults>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let (social, faults) = (social.clone(), faults.clone());
        tokio::spawn(async move {
            let _ = connection(stream, social, faults).await;
        });
    }
}

fn plain_login(b64: &str) -> bool {
    let Ok(raw) = base64::engine::general_purpose::STANDARD.decode(b64.trim()) else {
        return false;
    };
    let parts: Vec<&[u8]> = raw.split(|b| *b == 0).collect();
    parts.len() == 3
        && String::from_utf8_lossy(parts[1]).eq_ignore_ascii_case(MAIL_USER)
        && parts[2] == MAIL_PASSWORD.as_bytes()
}

fn decode(b64: &str) -> String {
    base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map(|v| String::from_utf8_lossy(&v).into_owned())
        .unwrap_or_default()
}

/// What a submitted message says: its new text (above the quoted original) and headers.
fn describe(raw: &[u8], from: &str, to: &[String]) -> serde_json::Value {
    let text = String::from_utf8_lossy(raw);
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
    let body = decode_qp(body);
    let (new, quoted) = match body.find("\n\nOn ") {
        Some(at) => (&body[..at], &body[at..]),
        None => (body.as_str(), ""),
    };
    json!({
        "from": from,
        "to": to,
        "subject": header(raw, "Subject"),
        "message_id": header(raw, "Message-ID"),
        "in_reply_to": header(raw, "In-Reply-To"),
        "references": header(raw, "References"),
        "text": new.trim(),
        "quoted": quoted.trim(),
    })
}

/// Undoes quoted-printable soft breaks and `=XX` escapes (the reply's text, for the record).
fn decode_qp(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace("=\n", "");
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

async fn connection(
    stream: TcpStream,
    social: SocialHandle,
    faults: Arc<Faults>,
) -> std::io::Result<()> {
    let (r, mut w) = stream.into_split();
    let mut r = BufReader::new(r);
    w.write_all(b"220 mail.brightside.coffee ESMTP earshot-sim\r\n")
        .await?;
    let (mut authed, mut from, mut to) = (false, String::new(), Vec::<String>::new());
    loop {
        let mut line = String::new();
        if (&mut r).take(MAX_LINE).read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let line = line.trim_end();
        let upper = line.to_ascii_uppercase();
        let reply: String = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            "250-mail.brightside.coffee\r\n250-AUTH PLAIN LOGIN XOAUTH2\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760\r\n".into()
        } else if upper.starts_with("AUTH PLAIN") {
            let mut b64 = line[10..].trim().to_string();
            if b64.is_empty() {
                w.write_all(b"334 \r\n").await?;
                let mut l = String::new();
                (&mut r).take(MAX_LINE).read_line(&mut l).await?;
                b64 = l.trim().to_string();
            }
            authed = plain_login(&b64);
            auth_answer(authed, &faults)
        } else if upper.starts_with("AUTH XOAUTH2") {
            let mut b64 = line[12..].trim().to_string();
            if b64.is_empty() {
                w.write_all(b"334 \r\n").await?;
                let mut l = String::new();
                (&mut r).take(MAX_LINE).read_line(&mut l).await?;
                b64 = l.trim().to_string();
            }
            authed = super::xoauth2_ok(&social, &b64);
            auth_answer(authed, &faults)
        } else if upper.starts_with("AUTH LOGIN") {
            w.write_all(b"334 VXNlcm5hbWU6\r\n").await?;
            let mut u = String::new();
            (&mut r).take(MAX_LINE).read_line(&mut u).await?;
            w.write_all(b"334 UGFzc3dvcmQ6\r\n").await?;
            let mut p = String::new();
            (&mut r).take(MAX_LINE).read_line(&mut p).await?;
            authed = decode(&u).eq_ignore_ascii_case(MAIL_USER) && decode(&p) == MAIL_PASSWORD;
            auth_answer(authed, &faults)
        } else if upper.starts_with("MAIL FROM:") {
            if !authed {
                "530 5.7.0 Authentication required\r\n".into()
            } else {
                from = line[10..]
                    .trim()
                    .trim_matches(|c| c == '<' || c == '>')
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_string();
                to.clear();
                "250 2.1.0 Ok\r\n".into()
            }
        } else if upper.starts_with("RCPT TO:") {
            to.push(
                line[8..]
                    .trim()
                    .trim_matches(|c| c == '<' || c == '>')
                    .to_string(),
            );
            "250 2.1.5 Ok\r\n".into()
        } else if upper == "DATA" {
            if !authed || to.is_empty() {
                "503 5.5.1 MAIL and RCPT first\r\n".into()
            } else {
                w.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                let mut raw = Vec::new();
                loop {
                    let mut l = Vec::new();
                    if (&mut r).take(MAX_LINE).read_until(b'\n', &mut l).await? == 0 {
                        return Ok(());
                    }
                    if l == b".\r\n" || l == b".\n" {
                        break;
                    }
                    if raw.len() as u64 > MAX_MESSAGE {
                        continue;
                    }
                    raw.extend(l.strip_prefix(b".").unwrap_or(&l));
                }
                match faults.take("replies") {
                    Some(f) if f.kind == Fault::DropAfterAccept => {
                        record(&social, &raw, &from, &to);
                        return Ok(());
                    }
                    Some(f) if f.kind == Fault::AcceptThenHang => {
                        record(&social, &raw, &from, &to);
                        tokio::time::sleep(Duration::from_millis(f.delay_ms.unwrap_or(120_000)))
                            .await;
                        return Ok(());
                    }
                    Some(f) if f.kind == Fault::Timeout => {
                        tokio::time::sleep(Duration::from_millis(f.delay_ms.unwrap_or(120_000)))
                            .await;
                        return Ok(());
                    }
                    Some(f)
                        if matches!(
                            f.kind,
                            Fault::RateLimit
                                | Fault::Unavailable
                                | Fault::ServerError
                                | Fault::BadGateway
                        ) =>
                    {
                        "451 4.3.0 Temporary failure, try again later\r\n".into()
                    }
                    _ => {
                        record(&social, &raw, &from, &to);
                        "250 2.0.0 Ok: queued\r\n".into()
                    }
                }
            }
        } else if upper == "RSET" {
            to.clear();
            "250 2.0.0 Ok\r\n".into()
        } else if upper == "NOOP" {
            "250 2.0.0 Ok\r\n".into()
        } else if upper == "QUIT" {
            w.write_all(b"221 2.0.0 Bye\r\n").await?;
            return Ok(());
        } else if upper == "STARTTLS" {
            "454 4.7.0 TLS not available\r\n".into()
        } else {
            "502 5.5.2 Command not recognized\r\n".into()
        };
        w.write_all(reply.as_bytes()).await?;
    }
}

fn auth_answer(ok: bool, faults: &Faults) -> String {
    if faults.peek("replies") == Fault::Unauthorized {
        return "535 5.7.8 Authentication credentials invalid\r\n".into();
    }
    if ok {
        "235 2.7.0 Authentication successful\r\n".into()
    } else {
        "535 5.7.8 Authentication credentials invalid\r\n".into()
    }
}

fn record(social: &SocialHandle, raw: &[u8], from: &str, to: &[String]) {
    let body = describe(raw, from, to);
    social.record_write(Write {
        net: Net::Email,
        path: "smtp:DATA".into(),
        idempotency_key: header(raw, "Message-ID"),
        proxy: None,
        body,
        accepted: true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_is_described_by_its_new_text_and_threading_headers() {
        let raw = b"From: hello@brightside.coffee\r\nSubject: Re: Charged\r\nMessage-ID: <earshot.1@brightside.coffee>\r\nIn-Reply-To: <c@x>\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nSorry Rita =E2=80=94 refunded.\r\n\r\nOn Mon, Rita wrote:\r\n> charged twice\r\n";
        let d = describe(raw, "hello@brightside.coffee", &["rita@example.com".into()]);
        assert_eq!(d["text"], "Sorry Rita — refunded.");
        assert_eq!(d["in_reply_to"], "<c@x>");
        assert_eq!(d["message_id"], "<earshot.1@brightside.coffee>");
        assert!(d["quoted"].as_str().unwrap().contains("> charged twice"));
        let auth = base64::engine::general_purpose::STANDARD
            .encode(format!("\0{MAIL_USER}\0{MAIL_PASSWORD}"));
        assert!(plain_login(&auth));
        assert!(!plain_login("bm9wZQ=="));
    }
}
