//! A message as the server stores it (RFC 5322 bytes) → a mention. Mail is hostile input: the
//! text part is kept as text; an HTML-only message is turned into text (nothing of its markup,
//! and so none of its remote images, reaches the screen); attachments are listed by name and
//! size and never opened. Quoted history under a reply is cut so the mention is what the
//! customer wrote now.

use mail_parser::{Address, MessageParser, MimeHeaders};

use crate::channels::ChannelError;
use crate::model::{Attachment, Author, Channel, Kind, Mention};

/// The most text kept of one message (characters).
pub const MAX_TEXT: usize = 20_000;

/// Why a message is not a mention.
#[derive(Debug, PartialEq, Eq)]
pub enum Skip {
    /// Sent by a machine about a message (a bounce, an out-of-office reply).
    Automatic,
    /// Sent from the inbox's own address (a copy of the owner's own mail).
    Own,
}

fn first_address(a: Option<&Address<'_>>) -> Option<(Option<String>, String)> {
    let a = a?.first()?;
    let addr = a.address.as_deref()?.trim().to_string();
    (!addr.is_empty()).then(|| (a.name.as_deref().map(|n| n.trim().to_string()), addr))
}

/// A stable id for a message without a Message-ID (rare: some forms and scripts).
fn synthetic_id(raw: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(raw);
    let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    format!("<{hex}@no-message-id.earshot>")
}

/// Cuts quoted history: lines from an attribution ("On … wrote:") or a run of `>` lines that
/// reaches the end.
pub fn without_quote(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut end = lines.len();
    while end > 0 {
        let l = lines[end - 1].trim();
        if l.is_empty() || l.starts_with('>') {
            end -= 1;
        } else {
            break;
        }
    }
    if end > 0 {
        let l = lines[end - 1].trim();
        let attribution = (l.starts_with("On ") && l.ends_with("wrote:"))
            || (l.starts_with("Am ") && l.ends_with("schrieb:"))
            || (l.starts_with("Le ") && l.ends_with("a écrit :"))
            || (l.starts_with("El ") && l.ends_with("escribió:"));
        if attribution && end < lines.len() {
            end -= 1;
        }
    }
    let kept = if end == 0 { &lines[..] } else { &lines[..end] };
    kept.join("\n").trim_end().to_string()
}

/// Parses one message. `me` is the inbox's address; `now` stands in for a missing date.
pub fn parse_message(
    raw: &[u8],
    me: &str,
    now: i64,
) -> Result<Result<Mention, Skip>, ChannelError> {
    let msg = MessageParser::default()
        .parse(raw)
        .ok_or_else(|| ChannelError::Malformed("not an email message".into()))?;
    if msg.headers().is_empty() {
        return Err(ChannelError::Malformed(
            "an email message without headers".into(),
        ));
    }
    let auto = msg
        .header_raw("Auto-Submitted")
        .map(|v| v.trim().to_ascii_lowercase())
        .is_some_and(|v| !v.is_empty() && v != "no");
    let report = msg.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("multipart")
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("report"))
    });
    if auto || report {
        return Ok(Err(Skip::Automatic));
    }
    let (name, from) = first_address(msg.from())
        .or_else(|| first_address(msg.sender()))
        .ok_or_else(|| ChannelError::Malformed("an email message without a sender".into()))?;
    if from.eq_ignore_ascii_case(me) {
        return Ok(Err(Skip::Own));
    }
    let answer_to = first_address(msg.reply_to())
        .map(|(_, a)| a)
        .unwrap_or_else(|| from.clone());
    let id = msg
        .message_id()
        .map(|i| format!("<{}>", i.trim_matches(|c| c == '<' || c == '>')))
        .filter(|i| i.len() > 2)
        .unwrap_or_else(|| synthetic_id(raw));
    let body = msg.body_text(0).map(|t| t.into_owned()).unwrap_or_default();
    let mut text = without_quote(&body);
    if text.chars().count() > MAX_TEXT {
        text = text.chars().take(MAX_TEXT).collect::<String>() + "…";
    }
    let mut m = Mention::new(Channel::Email, id, text);
    m.title = msg
        .subject()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    m.created_at = msg
        .date()
        .map(|d| d.to_timestamp())
        .filter(|t| *t > 0 && *t < now + 86_400)
        .unwrap_or(now);
    m.fetched_at = now;
    let ids = |v: &mail_parser::HeaderValue<'_>| -> Vec<String> {
        v.as_text_list()
            .map(|l| l.iter().map(|s| format!("<{s}>")).collect())
            .or_else(|| v.as_text().map(|s| vec![format!("<{s}>")]))
            .unwrap_or_default()
    };
    m.reply_to = ids(msg.in_reply_to()).into_iter().next();
    m.thread_root = ids(msg.references())
        .into_iter()
        .next()
        .or(m.reply_to.clone());
    m.author = Author {
        handle: from.clone(),
        display_name: name.filter(|n| !n.is_empty() && *n != from),
        ..Author::default()
    };
    m.remote.author_id = Some(answer_to);
    m.remote.to_owner = true;
    m.remote.kind = Some(Kind::Message);
    m.remote.attachments = msg
        .attachments()
        .map(|p| Attachment {
            name: p
                .attachment_name()
                .map(|n| n.to_string())
                .unwrap_or_else(|| "(unnamed)".into()),
            size: p.contents().len() as u64,
        })
        .take(50)
        .collect();
    Ok(Ok(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::fixture;

    #[test]
    fn a_plain_message_is_a_private_mention_to_the_owner() {
        let m = parse_message(
            &fixture("email", "plain_text_message.eml"),
            "hello@brightside.test",
            1_700_000_000,
        )
        .unwrap()
        .unwrap();
        assert_eq!(m.channel, Channel::Email);
        assert_eq!(m.title.as_deref(), Some("The Hare and the Tortoise"));
        assert!(
            m.external_id.starts_with('<') && m.external_id.ends_with('>'),
            "{}",
            m.external_id
        );
        assert!(
            m.text.contains("Slow but steady wins the race."),
            "{}",
            m.text
        );
        assert_eq!(m.remote.kind, Some(Kind::Message));
        assert!(m.remote.to_owner);
        assert!(m.author.handle.contains('@'));
        assert!(m.created_at < 1_700_000_000, "the Date header is used");
    }

    #[test]
    fn html_becomes_text_and_attachments_are_listed_not_opened() {
        let m = parse_message(
            &fixture("email", "html_inline_image_and_attachment.eml"),
            "me@example.org",
            1_700_000_000,
        )
        .unwrap()
        .unwrap();
        assert!(m.text.contains("Search for höhö"), "{}", m.text);
        assert!(
            !m.text.contains('<') && !m.text.contains("cid:"),
            "no markup: {}",
            m.text
        );
        assert!(m.html.is_none());
        let names: Vec<&str> = m
            .remote
            .attachments
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert!(names.contains(&"attach2.png"), "{names:?}");
        assert!(m.remote.attachments.iter().all(|a| a.size > 0));
    }

    #[test]
    fn an_encoded_subject_and_sender_are_decoded() {
        let m = parse_message(
            &fixture("email", "multipart_alternative_message.eml"),
            "me@example.org",
            1_700_000_000,
        )
        .unwrap()
        .unwrap();
        assert_eq!(m.title.as_deref(), Some("Die Hasen und die Frösche"));
        assert_eq!(m.author.display_name.as_deref(), Some("Doug Sauder"));
        assert_eq!(m.remote.author_id.as_deref(), Some("dwsauder@example.com"));
    }

    #[test]
    fn own_and_automatic_mail_is_skipped() {
        let raw = fixture("email", "html_inline_image_and_attachment.eml");
        assert_eq!(
            parse_message(&raw, "TEST@example.com", 0).unwrap(),
            Err(Skip::Own)
        );
        let bounce = b"From: MAILER-DAEMON@example.com\r\nAuto-Submitted: auto-replied\r\nSubject: Undelivered\r\n\r\nSorry\r\n";
        assert_eq!(
            parse_message(bounce, "me@example.org", 0).unwrap(),
            Err(Skip::Automatic)
        );
    }

    #[test]
    fn quoted_history_is_cut() {
        let t =
            "Still no refund.\n\nOn Mon, 1 Dec 2026, Brightside wrote:\n> We are sorry\n> ...\n";
        assert_eq!(without_quote(t), "Still no refund.");
        assert_eq!(without_quote("> only a quote"), "> only a quote");
        assert_eq!(without_quote("Plain"), "Plain");
    }

    #[test]
    fn rubbish_is_an_error_not_a_panic() {
        assert!(parse_message(b"", "me@example.org", 0).is_err());
        assert!(parse_message(b"\xff\xfe\x00garbage", "me@example.org", 0).is_err());
    }
}
