//! The simulated provider's IMAP server: the part of IMAP4rev1 (RFC 3501) and IDLE (RFC 2177)
//! a mail client uses to follow one inbox and file its replies in `Sent`.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::tcp::OwnedWriteHalf;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, Mutex};

use super::{MailMessage, MailState, MAIL_PASSWORD, MAIL_USER};
use crate::faults::{Fault, Faults};
use crate::social::SocialHandle;

const CAPS: &str = "IMAP4rev1 IDLE UIDPLUS SPECIAL-USE AUTH=PLAIN AUTH=XOAUTH2";
/// Gmail's challenge after a refused XOAUTH2 token (the client answers it with an empty line).
const XOAUTH2_ERROR: &str = "eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==";
const MAX_LINE: usize = 64 * 1024;
const MAX_LITERAL: usize = 16 * 1024 * 1024;

/// Serves IMAP on `listener` until the task is dropped.
pub async fn serve_imap(listener: TcpListener, social: SocialHandle, faults: Arc<Faults>) {
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

/// A command line and the literal that came with it.
struct Cmd {
    line: String,
    literal: Option<Vec<u8>>,
}

type Out = Arc<Mutex<OwnedWriteHalf>>;

async fn send(out: &Out, s: &str) -> std::io::Result<()> {
    out.lock().await.write_all(s.as_bytes()).await
}

/// Reads commands (with their literals: the continuation is sent when one is announced).
async fn reader(r: tokio::net::tcp::OwnedReadHalf, out: Out, tx: mpsc::Sender<Cmd>) {
    let mut r = BufReader::new(r);
    loop {
        let mut line = String::new();
        match (&mut r).take(MAX_LINE as u64).read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let trimmed = line.trim_end().to_string();
        let mut literal = None;
        if let Some(open) = trimmed.rfind('{').filter(|_| trimmed.ends_with('}')) {
            let spec = &trimmed[open + 1..trimmed.len() - 1];
            let plus = spec.ends_with('+');
            let Ok(n) = spec.trim_end_matches('+').parse::<usize>() else {
                return;
            };
            if n > MAX_LITERAL {
                return;
            }
            if !plus && send(&out, "+ Ready for literal data\r\n").await.is_err() {
                return;
            }
            let mut buf = vec![0; n];
            if r.read_exact(&mut buf).await.is_err() {
                return;
            }
            let mut rest = String::new();
            if (&mut r)
                .take(MAX_LINE as u64)
                .read_line(&mut rest)
                .await
                .is_err()
            {
                return;
            }
            literal = Some(buf);
        }
        if tx
            .send(Cmd {
                line: trimmed,
                literal,
            })
            .await
            .is_err()
        {
            return;
        }
    }
}

/// Splits arguments: atoms, "quoted strings", (lists) and [sections] kept whole.
fn args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c == ' ' {
            chars.next();
            continue;
        }
        let mut tok = String::new();
        if c == '"' {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => tok.extend(chars.next()),
                    '"' => break,
                    c => tok.push(c),
                }
            }
        } else {
            let mut depth = 0i32;
            while let Some(&c) = chars.peek() {
                match c {
                    '(' | '[' => depth += 1,
                    ')' | ']' => depth -= 1,
                    ' ' if depth <= 0 => break,
                    _ => {}
                }
                tok.push(c);
                chars.next();
            }
        }
        out.push(tok);
    }
    out
}

/// The numbers a sequence set names, out of `all` (ascending); `*` is the largest.
fn set(spec: &str, all: &[u32]) -> Vec<u32> {
    let max = all.last().copied().unwrap_or(0);
    let num = |s: &str| {
        if s == "*" {
            Some(max)
        } else {
            s.parse::<u32>().ok()
        }
    };
    let mut want = Vec::new();
    for part in spec.split(',') {
        let (a, b) = part.split_once(':').unwrap_or((part, part));
        let (Some(a), Some(b)) = (num(a), num(b)) else {
            continue;
        };
        let (lo, hi) = (a.min(b), a.max(b));
        want.extend(all.iter().copied().filter(|n| (lo..=hi).contains(n)));
    }
    want.sort_unstable();
    want.dedup();
    want
}

fn imap_date(s: &str) -> Option<i64> {
    chrono::NaiveDate::parse_from_str(s, "%d-%b-%Y")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc().timestamp())
}

fn search(msgs: &[MailMessage], criteria: &[String], uid: bool) -> Vec<u32> {
    let uids: Vec<u32> = msgs.iter().map(|m| m.uid).collect();
    let seqs: Vec<u32> = (1..=msgs.len() as u32).collect();
    let mut keep: Vec<bool> = vec![true; msgs.len()];
    let mut i = 0;
    while i < criteria.len() {
        let key = criteria[i].to_ascii_uppercase();
        let arg = criteria.get(i + 1).cloned().unwrap_or_default();
        match key.as_str() {
            "ALL" => i += 1,
            "UID" => {
                let hit = set(&arg, &uids);
                for (k, m) in keep.iter_mut().zip(msgs) {
                    *k &= hit.contains(&m.uid);
                }
                i += 2;
            }
            "SINCE" => {
                let t = imap_date(&arg).unwrap_or(0);
                for (k, m) in keep.iter_mut().zip(msgs) {
                    *k &= m.internal >= t;
                }
                i += 2;
            }
            "HEADER" => {
                let value = criteria.get(i + 2).cloned().unwrap_or_default();
                for (k, m) in keep.iter_mut().zip(msgs) {
                    *k &= super::header(&m.raw, &arg).is_some_and(|v| v.contains(&value));
                }
                i += 3;
            }
            _ => {
                let hit = set(&criteria[i], &seqs);
                for (n, k) in keep.iter_mut().enumerate() {
                    *k &= hit.contains(&(n as u32 + 1));
                }
                i += 1;
            }
        }
    }
    msgs.iter()
        .enumerate()
        .filter(|(n, _)| keep[*n])
        .map(|(n, m)| if uid { m.uid } else { n as u32 + 1 })
        .collect()
}

fn fetch_item(seq: usize, m: &MailMessage, items: &str, uid: bool) -> Vec<u8> {
    let up = items.to_ascii_uppercase();
    let mut parts: Vec<String> = Vec::new();
    if uid || up.contains("UID") {
        parts.push(format!("UID {}", m.uid));
    }
    if up.contains("FLAGS") {
        parts.push(format!("FLAGS ({})", m.flags.join(" ")));
    }
    if up.contains("RFC822.SIZE") {
        parts.push(format!("RFC822.SIZE {}", m.raw.len()));
    }
    let mut out = format!("* {seq} FETCH ({}", parts.join(" ")).into_bytes();
    let whole = up.contains("BODY[]")
        || up.contains("BODY.PEEK[]")
        || up.contains("RFC822 ")
        || up.ends_with("RFC822)");
    if whole {
        let (label, body) = match up.find("[]<").and_then(|at| {
            let inner = &up[at + 3..];
            let (a, rest) = inner.split_once('.')?;
            let b = rest.split('>').next()?;
            Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?))
        }) {
            Some((from, len)) => {
                let from = from.min(m.raw.len());
                let to = (from + len).min(m.raw.len());
                (format!("BODY[]<{from}>"), &m.raw[from..to])
            }
            None => ("BODY[]".to_string(), &m.raw[..]),
        };
        if !parts.is_empty() {
            out.push(b' ');
        }
        out.extend(format!("{label} {{{}}}\r\n", body.len()).as_bytes());
        out.extend(body);
    }
    out.extend(b")\r\n");
    out
}

async fn connection(
    stream: TcpStream,
    social: SocialHandle,
    faults: Arc<Faults>,
) -> std::io::Result<()> {
    let st: Arc<MailState> = social.mail();
    let (r, w) = stream.into_split();
    let out: Out = Arc::new(Mutex::new(w));
    let (tx, mut rx) = mpsc::channel(8);
    let reading = tokio::spawn(reader(r, out.clone(), tx));
    let _stop = Abort(reading);
    send(
        &out,
        &format!("* OK [CAPABILITY {CAPS}] earshot-sim IMAP ready\r\n"),
    )
    .await?;
    let mut authed = false;
    let mut selected: Option<bool> = None;
    let mut known = 0usize;
    let mut changed = st.changed.subscribe();
    let mut dropped = st.drop_all.subscribe();
    loop {
        let cmd = tokio::select! {
            c = rx.recv() => match c {
                Some(c) => c,
                None => return Ok(()),
            },
            _ = dropped.changed() => {
                let _ = send(&out, "* BYE Server shutting down\r\n").await;
                return Ok(());
            }
        };
        let mut words = args(&cmd.line);
        if words.len() < 2 {
            send(&out, "* BAD Missing command\r\n").await?;
            continue;
        }
        let tag = words.remove(0);
        let mut name = words.remove(0).to_ascii_uppercase();
        let uid = name == "UID";
        if uid && !words.is_empty() {
            name = words.remove(0).to_ascii_uppercase();
        }
        let ok = |what: &str| format!("{tag} OK {what} completed\r\n");
        match name.as_str() {
            "CAPABILITY" => send(&out, &format!("* CAPABILITY {CAPS}\r\n{}", ok("CAPABILITY"))).await?,
            "NOOP" | "CHECK" => {
                st.tick();
                report_new(&out, &st, selected, &mut known).await?;
                send(&out, &ok(&name)).await?;
            }
            "LOGOUT" => {
                send(&out, &format!("* BYE Logging out\r\n{}", ok("LOGOUT"))).await?;
                return Ok(());
            }
            "STARTTLS" => send(&out, &format!("{tag} BAD STARTTLS is not offered here\r\n")).await?,
            "ID" | "ENABLE" | "CLOSE" | "UNSELECT" => send(&out, &ok(&name)).await?,
            "LOGIN" | "AUTHENTICATE" => {
                let fault = faults.take("email");
                match fault.map(|f| f.kind) {
                    Some(Fault::Timeout) => {
                        tokio::time::sleep(Duration::from_millis(fault.and_then(|f| f.delay_ms).unwrap_or(120_000))).await;
                        return Ok(());
                    }
                    Some(Fault::Unauthorized) => {
                        send(&out, &format!("{tag} NO [AUTHENTICATIONFAILED] Authentication failed.\r\n")).await?;
                        continue;
                    }
                    Some(Fault::None) | None => {}
                    Some(_) => {
                        send(&out, &format!("{tag} NO [UNAVAILABLE] Temporary authentication failure\r\n")).await?;
                        continue;
                    }
                }
                let (u, p) = (words.first().cloned().unwrap_or_default(), words.get(1).cloned().unwrap_or_default());
                let good = if name == "LOGIN" {
                    u.eq_ignore_ascii_case(MAIL_USER) && p == MAIL_PASSWORD
                } else if !u.eq_ignore_ascii_case("XOAUTH2") {
                    send(&out, &format!("{tag} NO [CANNOT] Unsupported authentication mechanism\r\n")).await?;
                    continue;
                } else {
                    // The initial response comes with the command (SASL-IR) or after a continuation.
                    let b64 = if p.is_empty() {
                        send(&out, "+ \r\n").await?;
                        rx.recv().await.map(|c| c.line).unwrap_or_default()
                    } else {
                        p
                    };
                    let good = super::xoauth2_ok(&social, &b64);
                    if !good {
                        send(&out, &format!("+ {XOAUTH2_ERROR}\r\n")).await?;
                        let _ = rx.recv().await;
                    }
                    good
                };
                if good {
                    authed = true;
                    send(&out, &format!("{tag} OK [CAPABILITY {CAPS}] Logged in\r\n")).await?;
                } else {
                    send(&out, &format!("{tag} NO [AUTHENTICATIONFAILED] Authentication failed.\r\n")).await?;
                }
            }
            _ if !authed => send(&out, &format!("{tag} BAD Log in first\r\n")).await?,
            "LIST" | "LSUB" => {
                send(
                    &out,
                    &format!("* {name} (\\HasNoChildren) \"/\" INBOX\r\n* {name} (\\HasNoChildren \\Sent) \"/\" Sent\r\n{}", ok(&name)),
                )
                .await?
            }
            "SELECT" | "EXAMINE" => {
                let which = words.first().map(|w| w.to_ascii_uppercase());
                let sent = match which.as_deref() {
                    Some("INBOX") => false,
                    Some("SENT") => true,
                    _ => {
                        send(&out, &format!("{tag} NO [NONEXISTENT] No such mailbox\r\n")).await?;
                        continue;
                    }
                };
                st.tick();
                let msgs = st.folder(sent);
                known = msgs.len();
                selected = Some(sent);
                let next = msgs.last().map(|m| m.uid + 1).unwrap_or(1);
                let mode = if name == "SELECT" { "READ-WRITE" } else { "READ-ONLY" };
                send(
                    &out,
                    &format!(
                        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.\r\n* {known} EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY {}] UIDs valid\r\n* OK [UIDNEXT {next}] Predicted next UID\r\n{tag} OK [{mode}] {name} completed\r\n",
                        st.validity
                    ),
                )
                .await?
            }
            "SEARCH" | "FETCH" | "STORE" if selected.is_none() => {
                send(&out, &format!("{tag} BAD No mailbox selected\r\n")).await?
            }
            "SEARCH" => {
                let msgs = st.folder(selected == Some(true));
                let hits: Vec<String> = search(&msgs, &words, uid).iter().map(u32::to_string).collect();
                let line = if hits.is_empty() { "* SEARCH\r\n".to_string() } else { format!("* SEARCH {}\r\n", hits.join(" ")) };
                send(&out, &format!("{line}{}", ok("SEARCH"))).await?
            }
            "FETCH" => {
                let msgs = st.folder(selected == Some(true));
                let spec = words.first().cloned().unwrap_or_default();
                let items = words[1.min(words.len())..].join(" ");
                let numbers: Vec<u32> = if uid { msgs.iter().map(|m| m.uid).collect() } else { (1..=msgs.len() as u32).collect() };
                let mut buf = Vec::new();
                for n in set(&spec, &numbers) {
                    let idx = if uid { msgs.iter().position(|m| m.uid == n) } else { Some(n as usize - 1) };
                    if let Some(i) = idx {
                        buf.extend(fetch_item(i + 1, &msgs[i], &items, uid));
                    }
                }
                buf.extend(ok("FETCH").as_bytes());
                out.lock().await.write_all(&buf).await?;
            }
            "STORE" => {
                let sent = selected == Some(true);
                let spec = words.first().cloned().unwrap_or_default();
                let how = words.get(1).map(|w| w.to_ascii_uppercase()).unwrap_or_default();
                let flags: Vec<String> = words[2.min(words.len())..]
                    .join(" ")
                    .trim_matches(|c| c == '(' || c == ')')
                    .split_whitespace()
                    .map(str::to_string)
                    .collect();
                let lines = st.with_folder(sent, |msgs| {
                    let numbers: Vec<u32> = if uid { msgs.iter().map(|m| m.uid).collect() } else { (1..=msgs.len() as u32).collect() };
                    let mut lines = String::new();
                    for n in set(&spec, &numbers) {
                        let idx = if uid { msgs.iter().position(|m| m.uid == n) } else { Some(n as usize - 1) };
                        let Some(i) = idx.filter(|i| *i < msgs.len()) else { continue };
                        let m = &mut msgs[i];
                        if how.starts_with('+') {
                            for f in &flags {
                                if !m.flags.contains(f) {
                                    m.flags.push(f.clone());
                                }
                            }
                        } else if how.starts_with('-') {
                            m.flags.retain(|f| !flags.contains(f));
                        } else {
                            m.flags = flags.clone();
                        }
                        if !how.contains(".SILENT") {
                            lines.push_str(&format!("* {} FETCH (UID {} FLAGS ({}))\r\n", i + 1, m.uid, m.flags.join(" ")));
                        }
                    }
                    lines
                });
                send(&out, &format!("{lines}{}", ok("STORE"))).await?
            }
            "APPEND" => {
                let Some(raw) = cmd.literal else {
                    send(&out, &format!("{tag} BAD APPEND needs a message\r\n")).await?;
                    continue;
                };
                let to_sent = words.first().is_some_and(|w| w.eq_ignore_ascii_case("Sent"));
                if !to_sent {
                    send(&out, &format!("{tag} NO [TRYCREATE] Only Sent takes appended mail here\r\n")).await?;
                    continue;
                }
                let flags: Vec<String> = words
                    .iter()
                    .find(|w| w.starts_with('('))
                    .map(|w| w.trim_matches(|c| c == '(' || c == ')').split_whitespace().map(str::to_string).collect())
                    .unwrap_or_default();
                let uid = st.append_sent(raw, flags);
                send(&out, &format!("{tag} OK [APPENDUID {} {uid}] APPEND completed\r\n", st.validity)).await?
            }
            "IDLE" => {
                send(&out, "+ idling\r\n").await?;
                loop {
                    let next = st.tick();
                    report_new(&out, &st, selected, &mut known).await?;
                    let due = next.map(|s| {
                        let at = s.max(0) as u64;
                        Duration::from_secs(at).saturating_sub(st.started.elapsed()) + Duration::from_millis(50)
                    });
                    tokio::select! {
                        c = rx.recv() => match c {
                            Some(c) if c.line.eq_ignore_ascii_case("DONE") => break,
                            Some(_) => {
                                send(&out, "* BAD Expected DONE\r\n").await?;
                            }
                            None => return Ok(()),
                        },
                        _ = changed.changed() => {}
                        _ = dropped.changed() => {
                            let _ = send(&out, "* BYE Server shutting down\r\n").await;
                            return Ok(());
                        }
                        _ = tokio::time::sleep(due.unwrap_or(Duration::from_secs(120))) => {
                            send(&out, "* OK Still here\r\n").await?;
                        }
                    }
                }
                send(&out, &ok("IDLE")).await?
            }
            _ => send(&out, &format!("{tag} BAD Unknown command\r\n")).await?,
        }
    }
}

/// Tells the client of mail that arrived in the selected folder since it last heard.
async fn report_new(
    out: &Out,
    st: &MailState,
    selected: Option<bool>,
    known: &mut usize,
) -> std::io::Result<()> {
    if let Some(sent) = selected {
        let n = st.folder(sent).len();
        if n > *known {
            *known = n;
            send(out, &format!("* {n} EXISTS\r\n")).await?;
        }
    }
    Ok(())
}

struct Abort(tokio::task::JoinHandle<()>);

impl Drop for Abort {
    fn drop(&mut self) {
        self.0.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_and_sets_parse_as_clients_write_them() {
        assert_eq!(args(r#""hello@x" "p\"w""#), ["hello@x", "p\"w"]);
        assert_eq!(
            args("1:* (UID BODY.PEEK[]<0.400>)"),
            ["1:*", "(UID BODY.PEEK[]<0.400>)"]
        );
        assert_eq!(set("2:*", &[1, 2, 3]), [2, 3]);
        assert_eq!(set("9:*", &[1, 2, 3]), [3], "n:* always names the last");
        assert_eq!(set("1,3", &[1, 2, 3]), [1, 3]);
        assert_eq!(imap_date("1-Dec-2026").unwrap(), 1_796_083_200);
    }
}
