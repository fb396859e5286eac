//! Answering an email as a mail program would: a plain-text message to the sender (its Reply-To
//! when it has one), `Re:` subject, `In-Reply-To` and `References` so it threads under the
//! customer's message, the original quoted below; sent through the owner's SMTP server, then
//! kept in the Sent folder (APPEND) and the original flagged `\Answered`.
//!
//! No double sends: the Message-ID is made from the outbox row's key, so it is the same on every
//! attempt, and a retry first looks for it in the Sent folder.

use std::time::Duration;

use lettre::message::{header, Mailbox, Message};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::server::{self, io_error, Security, Server, Session};
use super::{servers, Credential};
use crate::channels::{ChannelError, Context, Draft, Sent};
use crate::model::{Mention, SourceSpec};

/// The Message-ID of the reply an outbox row sends: the same on every attempt.
pub fn message_id(idempotency_key: &str, from: &str) -> String {
    use sha2::Digest;
    let d = sha2::Sha256::digest(format!("{from}\n{idempotency_key}").as_bytes());
    let hex: String = d.iter().take(16).map(|b| format!("{b:02x}")).collect();
    let domain = from
        .rsplit_once('@')
        .map(|(_, d)| d)
        .unwrap_or("earshot.invalid");
    format!("<earshot.{hex}@{domain}>")
}

/// `Re: subject`, once.
pub fn re_subject(title: Option<&str>) -> String {
    let t = title.map(str::trim).filter(|t| !t.is_empty());
    match t {
        Some(t) if t.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("re:")) => t.to_string(),
        Some(t) => format!("Re: {t}"),
        None => "Re: your message".into(),
    }
}

/// The reply's text with the original quoted under an attribution line.
pub fn quoted(body: &str, original: &Mention) -> String {
    let when = chrono::DateTime::from_timestamp(original.created_at, 0)
        .map(|d| d.format("%a, %-d %b %Y at %H:%M UTC").to_string())
        .unwrap_or_default();
    let who = match &original.author.display_name {
        Some(n) => format!("{n} <{}>", original.author.handle),
        None => original.author.handle.clone(),
    };
    let quote: Vec<String> = original
        .text
        .lines()
        .map(|l| {
            if l.is_empty() {
                ">".into()
            } else {
                format!("> {l}")
            }
        })
        .collect();
    format!(
        "{}\n\nOn {when}, {who} wrote:\n{}\n",
        body.trim_end(),
        quote.join("\n")
    )
}

/// The `References` of a reply: the thread's root, the parent's parent, the parent.
fn references(m: &Mention) -> String {
    let mut ids: Vec<&str> = Vec::new();
    for id in [
        m.thread_root.as_deref(),
        m.reply_to.as_deref(),
        Some(m.external_id.as_str()),
    ]
    .into_iter()
    .flatten()
    {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.join(" ")
}

/// The reply as it goes out (RFC 5322 bytes), and its Message-ID.
pub fn compose(draft: &Draft<'_>, from: &str) -> Result<(Vec<u8>, String), ChannelError> {
    let m = draft.target;
    let to = m.remote.author_id.as_deref().ok_or_else(|| {
        ChannelError::Refused("the message has no sender address to answer".into())
    })?;
    let to: Mailbox = to.parse().map_err(|_| {
        ChannelError::Refused(format!("{to:?} is not an address a reply can go to"))
    })?;
    let from: Mailbox = from
        .parse()
        .map_err(|_| ChannelError::Config(format!("{from:?} is not an email address")))?;
    let id = message_id(draft.idempotency_key, from.email.as_ref());
    let msg = Message::builder()
        .from(from)
        .to(to)
        .subject(re_subject(m.title.as_deref()))
        .message_id(Some(id.clone()))
        .in_reply_to(m.external_id.clone())
        .references(references(m))
        .header(header::ContentType::TEXT_PLAIN)
        .header(header::ContentTransferEncoding::QuotedPrintable)
        .body(quoted(draft.body, m))
        .map_err(|e| ChannelError::Config(format!("the reply could not be written: {e}")))?;
    Ok((msg.formatted(), id))
}

fn smtp_error(host: &str, e: lettre::transport::smtp::Error) -> ChannelError {
    // lettre's errors carry the server's reply, never the password.
    if e.is_permanent() {
        match e.status().map(|c| c.to_string()) {
            Some(c) if c.starts_with("535") || c.starts_with("530") => {
                ChannelError::Unauthorized(format!("{host} refused the login for sending: {e}"))
            }
            _ => ChannelError::Refused(format!("{host}: {e}")),
        }
    } else if e.is_transient() {
        ChannelError::RateLimited { retry_after: None }
    } else {
        io_error(host, e)
    }
}

fn transport(
    smtp: &Server,
    user: &str,
    cred: &Credential,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, ChannelError> {
    let host = smtp.host.as_str();
    let secret = match cred {
        Credential::Password(s) | Credential::Bearer(s) => s,
    };
    let tls = |h: &str| {
        TlsParameters::new(h.to_string())
            .map_err(|e| ChannelError::Config(format!("TLS for {h}: {e}")))
    };
    let builder = match smtp.security {
        Security::Tls => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .tls(Tls::Wrapper(tls(host)?)),
        Security::StartTls if smtp.is_loopback() => {
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
                .tls(Tls::Opportunistic(tls(host)?))
        }
        Security::StartTls => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .tls(Tls::Required(tls(host)?)),
    };
    Ok(builder
        .port(smtp.port)
        .credentials(Credentials::new(user.to_string(), secret.to_string()))
        .authentication(vec![super::oauth::mechanism(cred)])
        .timeout(Some(Duration::from_secs(30)))
        .build())
}

/// Checks that the SMTP server takes the login (connects, encrypts, authenticates).
pub async fn check_login(smtp: &Server, user: &str, cred: &Credential) -> Result<(), ChannelError> {
    match transport(smtp, user, cred)?.test_connection().await {
        Ok(true) => Ok(()),
        Ok(false) => Err(io_error(&smtp.host, "did not answer")),
        Err(e) => Err(smtp_error(&smtp.host, e)),
    }
}

/// Sends `raw` through the SMTP server.
pub async fn submit(
    smtp: &Server,
    user: &str,
    cred: &Credential,
    from: &str,
    to: &str,
    raw: &[u8],
) -> Result<(), ChannelError> {
    let host = smtp.host.as_str();
    let transport = transport(smtp, user, cred)?;
    let envelope = lettre::address::Envelope::new(
        Some(
            from.parse()
                .map_err(|_| ChannelError::Config(format!("{from:?} is not an address")))?,
        ),
        vec![to
            .parse()
            .map_err(|_| ChannelError::Refused(format!("{to:?} is not an address")))?],
    )
    .map_err(|e| ChannelError::Config(e.to_string()))?;
    transport
        .send_raw(&envelope, raw)
        .await
        .map(|_| ())
        .map_err(|e| smtp_error(host, e))
}

async fn search_id(
    session: &mut Session,
    folder: &str,
    id: &str,
) -> Result<Vec<u32>, ChannelError> {
    session
        .select(folder)
        .await
        .map_err(|e| io_error("IMAP", e))?;
    let quoted = id.replace(['"', '\\', '\r', '\n'], "");
    Ok(session
        .uid_search(format!("HEADER Message-ID \"{quoted}\""))
        .await
        .map_err(|e| io_error("IMAP", e))?
        .into_iter()
        .collect())
}

/// Flags the answered message `\Answered` (as mail programs do), best effort.
async fn mark_answered(session: &mut Session, original: &str) {
    if let Ok(uids) = search_id(session, super::MAILBOX, original).await {
        if let Some(uid) = uids.first() {
            if let Ok(s) = session
                .uid_store(uid.to_string(), "+FLAGS (\\Answered)")
                .await
            {
                let _: Vec<_> = futures_util::StreamExt::collect(s).await;
            }
        }
    }
}

/// Whether the provider files mail sent through its SMTP server in Sent by itself (an APPEND
/// would keep it twice).
fn files_sent_itself(smtp: &Server) -> bool {
    ["gmail.com", "googlemail.com"]
        .iter()
        .any(|d| smtp.host == *d || smtp.host.ends_with(&format!(".{d}")))
}

/// Sends a reply.
pub async fn send(
    spec: &SourceSpec,
    ctx: Context,
    draft: &Draft<'_>,
) -> Result<Sent, ChannelError> {
    let (user, imap) = servers(spec)?;
    let smtp = Server::parse(
        spec.smtp.as_deref().ok_or_else(|| {
            ChannelError::Config(format!("no SMTP server for {user}: add it to answer"))
        })?,
        "smtp",
    )?;
    let (raw, id) = compose(draft, &user)?;
    let sent = Sent {
        remote_id: id.clone(),
        remote_url: None,
    };
    let (mut session, cred) = super::login(spec, &ctx, &imap, &mut None).await?;
    let folder = server::sent_folder(&mut session).await?;
    if draft.retry {
        if let Some(f) = &folder {
            if !search_id(&mut session, f, &id).await?.is_empty() {
                mark_answered(&mut session, &draft.target.external_id).await;
                let _ = session.logout().await;
                return Ok(sent);
            }
        }
    }
    let to = draft.target.remote.author_id.clone().unwrap_or_default();
    submit(&smtp, &user, &cred, &user, &to, &raw).await?;
    if let Some(f) = folder.filter(|_| !files_sent_itself(&smtp)) {
        if let Err(e) = session.append(&f, Some("(\\Seen)"), None, &raw).await {
            // Sent all the same; only the copy is missing.
            tracing::warn!("the reply was sent but not filed in {f}: {e}");
        }
    }
    mark_answered(&mut session, &draft.target.external_id).await;
    let _ = session.logout().await;
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Author, Channel};

    fn original() -> Mention {
        let mut m = Mention::new(
            Channel::Email,
            "<abc@example.test>",
            "My order never came.\nOrder 42.",
        );
        m.title = Some("Where is my order?".into());
        m.reply_to = Some("<first@example.test>".into());
        m.thread_root = Some("<root@example.test>".into());
        m.created_at = 1_764_504_000;
        m.author = Author {
            handle: "ann@example.test".into(),
            display_name: Some("Ann Lee".into()),
            ..Author::default()
        };
        m.remote.author_id = Some("ann@example.test".into());
        m
    }

    #[test]
    fn a_reply_threads_quotes_and_keeps_one_message_id_per_outbox_row() {
        let m = original();
        let draft = Draft {
            target: &m,
            body: "Sorry Ann — it ships today.",
            private: true,
            idempotency_key: "reply-7",
            queued_at: 0,
            retry: false,
        };
        let (raw, id) = compose(&draft, "hello@brightside.test").unwrap();
        let text = String::from_utf8(raw).unwrap();
        assert!(text.contains("Subject: Re: Where is my order?"), "{text}");
        assert!(text.contains("In-Reply-To: <abc@example.test>"), "{text}");
        assert!(
            text.contains(
                "References: <root@example.test> <first@example.test> <abc@example.test>"
            ),
            "{text}"
        );
        assert!(text.contains(&format!("Message-ID: {id}")), "{text}");
        assert!(text.contains("> My order never came."), "{text}");
        assert!(text.contains("Ann Lee <ann@example.test> wrote:"), "{text}");
        assert_eq!(id, message_id("reply-7", "hello@brightside.test"));
        assert_ne!(id, message_id("reply-8", "hello@brightside.test"));
        assert!(id.ends_with("@brightside.test>"));
    }

    #[test]
    fn subjects_get_one_re() {
        assert_eq!(re_subject(Some("RE: refund")), "RE: refund");
        assert_eq!(re_subject(Some("refund")), "Re: refund");
        assert_eq!(re_subject(None), "Re: your message");
        assert_eq!(re_subject(Some("éé")), "Re: éé");
    }

    #[test]
    fn a_message_without_a_sender_address_is_refused() {
        let mut m = original();
        m.remote.author_id = Some("not an address".into());
        let draft = Draft {
            target: &m,
            body: "x",
            private: true,
            idempotency_key: "k",
            queued_at: 0,
            retry: false,
        };
        assert!(matches!(
            compose(&draft, "hello@brightside.test"),
            Err(ChannelError::Refused(_))
        ));
    }
}
