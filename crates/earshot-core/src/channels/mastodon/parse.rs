//! Mastodon JSON and feeds → [`Mention`]s, with the ids ordered as the server orders them.

use serde::Deserialize;

use super::wire::{Notification, SearchResults, Status};
use super::URL_CHARS;
use crate::channels::ChannelError;
use crate::html;
use crate::model::{Author, Channel, Engagement, Mention, Remote};

/// A streaming frame: `payload` is itself JSON, as a string.
#[derive(Debug, Deserialize)]
pub(super) struct Frame {
    #[serde(default)]
    event: String,
    #[serde(default)]
    payload: Option<serde_json::Value>,
}

/// Orders Mastodon ids (decimal strings of any length) numerically.
pub(super) fn newer(a: &str, b: &str) -> bool {
    (a.len(), a) > (b.len(), b)
}

pub(super) fn bump(slot: &mut Option<String>, id: &str) {
    if slot.as_deref().is_none_or(|cur| newer(id, cur)) {
        *slot = Some(id.to_string());
    }
}

pub(super) fn timestamp(s: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.timestamp())
}

/// The `@name@instance` form of an account, whatever instance reported it.
pub fn full_handle(acct: &str, instance_host: &str) -> String {
    let acct = acct.trim_start_matches('@');
    if acct.contains('@') {
        format!("@{acct}")
    } else {
        format!("@{acct}@{instance_host}")
    }
}

/// An instance's name as handles carry it: the host, and the port when it is not the scheme's
/// own (`localhost:3000`), so two instances on one host stay apart.
pub fn host_with_port(u: &url::Url) -> Option<String> {
    let host = u.host_str()?;
    Some(match u.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.to_string(),
    })
}

/// A status as a mention. A boost becomes the boosted post. `to_owner` marks a mention of the
/// logged-in account.
pub fn status_to_mention(s: Status, instance_host: &str, to_owner: bool, now: i64) -> Mention {
    let s = match s.reblog {
        Some(inner) => *inner,
        None => s,
    };
    let mut text = html::to_text(&s.content);
    if !s.spoiler_text.trim().is_empty() {
        text = format!("{}\n\n{text}", s.spoiler_text.trim());
    }
    let mut m = Mention::new(Channel::Mastodon, s.id.clone(), text);
    m.html = Some(html::sanitize(&s.content));
    m.url = s.url.or(s.uri);
    m.created_at = timestamp(&s.created_at).unwrap_or(now);
    m.fetched_at = now;
    m.reply_to = s.in_reply_to_id;
    m.lang = s.language;
    m.author = Author {
        handle: full_handle(&s.account.acct, instance_host),
        display_name: Some(s.account.display_name)
            .filter(|d| !d.trim().is_empty() && *d != s.account.acct),
        profile_url: s.account.url,
        followers: s.account.followers_count,
        karma: None,
    };
    m.engagement = Engagement {
        likes: s.favourites_count,
        reposts: s.reblogs_count,
        replies: s.replies_count,
        velocity: None,
    };
    m.remote = Remote {
        author_id: Some(s.account.id),
        to_owner: to_owner || s.visibility.as_deref() == Some("direct"),
        ..Remote::default()
    };
    m
}

pub(super) fn malformed(what: &str, e: impl std::fmt::Display) -> ChannelError {
    ChannelError::Malformed(format!("Mastodon {what}: {e}"))
}

/// Parses a JSON array of statuses (timelines).
pub fn parse_statuses(body: &[u8]) -> Result<Vec<Status>, ChannelError> {
    serde_json::from_slice(body).map_err(|e| malformed("statuses", e))
}

/// Parses a JSON array of notifications.
pub fn parse_notifications(body: &[u8]) -> Result<Vec<Notification>, ChannelError> {
    serde_json::from_slice(body).map_err(|e| malformed("notifications", e))
}

/// Parses a v2 search result's statuses.
pub fn parse_search(body: &[u8]) -> Result<Vec<Status>, ChannelError> {
    serde_json::from_slice::<SearchResults>(body)
        .map(|r| r.statuses)
        .map_err(|e| malformed("search", e))
}

/// One streamed event, already parsed.
#[derive(Debug)]
pub enum StreamEvent {
    /// A new status on a subscribed timeline.
    Update(Box<Status>),
    /// A notification (mentions matter).
    Notification(Box<Notification>),
    /// Anything else (deletes, edits, filters changed...).
    Other,
}

/// Parses an instance's public hashtag feed (`/tags/:tag.rss`): each item links to a status
/// (`https://host/@name/ID`), which gives the id and the author.
pub fn parse_tag_feed(
    body: &[u8],
    instance_host: &str,
    now: i64,
) -> Result<Vec<Mention>, ChannelError> {
    let items = crate::channels::rss::parse_feed(body, now)?;
    Ok(items
        .into_iter()
        .filter_map(|item| {
            let link = url::Url::parse(item.url.as_deref()?).ok()?;
            let mut segs = link.path_segments()?;
            let name = segs.next()?.strip_prefix('@')?.to_string();
            let id = segs
                .next()
                .filter(|i| !i.is_empty() && i.bytes().all(|b| b.is_ascii_digit()))?;
            let host = host_with_port(&link).unwrap_or_else(|| instance_host.to_string());
            let host = host.as_str();
            let mut m = Mention::new(Channel::Mastodon, id, item.text);
            m.html = item.html;
            m.created_at = item.created_at;
            m.fetched_at = now;
            m.author = Author {
                handle: full_handle(&name, host),
                profile_url: Some(format!("{}://{host}/@{name}", link.scheme())),
                ..Author::default()
            };
            m.url = Some(link.to_string());
            Some(m)
        })
        .collect())
}

/// Parses one streamed event: `event` and its `payload` (a JSON string, or already an object).
pub fn parse_event(event: &str, payload: &serde_json::Value) -> Result<StreamEvent, ChannelError> {
    let owned;
    let text = match payload {
        serde_json::Value::String(s) => s.as_str(),
        other => {
            owned = other.to_string();
            owned.as_str()
        }
    };
    match event {
        "update" => serde_json::from_str(text)
            .map(|s| StreamEvent::Update(Box::new(s)))
            .map_err(|e| malformed("streamed status", e)),
        "notification" => serde_json::from_str(text)
            .map(|n| StreamEvent::Notification(Box::new(n)))
            .map_err(|e| malformed("streamed notification", e)),
        _ => Ok(StreamEvent::Other),
    }
}

/// Parses one WebSocket frame (`{"stream":[…],"event":…,"payload":"…"}`).
pub fn parse_ws_frame(text: &str) -> Result<StreamEvent, ChannelError> {
    let f: Frame = serde_json::from_str(text).map_err(|e| malformed("stream frame", e))?;
    match f.payload {
        Some(p) => parse_event(&f.event, &p),
        None => Ok(StreamEvent::Other),
    }
}

/// How Mastodon counts a status's length: every link is 23 characters and a mention counts
/// only its `@name` part.
pub fn count_chars(text: &str) -> usize {
    text.split_inclusive(char::is_whitespace)
        .map(|piece| {
            let word = piece.trim_end_matches(char::is_whitespace);
            let trailing = piece.chars().count() - word.chars().count();
            let counted = if word.starts_with("http://") || word.starts_with("https://") {
                URL_CHARS
            } else if let Some(rest) = word.strip_prefix('@') {
                match rest.split_once('@') {
                    Some((name, _)) => 1 + name.chars().count(),
                    None => word.chars().count(),
                }
            } else {
                word.chars().count()
            };
            counted + trailing
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        crate::channels::fixture("mastodon", name)
    }

    #[test]
    fn a_status_becomes_a_mention_with_reach_and_sanitised_html() {
        let s: Status = serde_json::from_slice(&fixture("status.json")).unwrap();
        let m = status_to_mention(s, "mastodon.social", false, 0);
        assert_eq!(m.channel, Channel::Mastodon);
        assert_eq!(m.external_id, "103270115826048975");
        assert_eq!(m.author.handle, "@Gargron@mastodon.social");
        assert_eq!(m.author.display_name.as_deref(), Some("Eugen"));
        assert_eq!(m.author.followers, Some(322_930));
        assert_eq!(m.remote.author_id.as_deref(), Some("1"));
        assert!(m.text.starts_with("\"I lost my inheritance"), "{}", m.text);
        assert!(!m.text.contains('<'));
        assert_eq!(m.engagement.replies, Some(5));
        assert_eq!(m.engagement.reposts, Some(6));
        assert_eq!(m.created_at, 1_575_776_913);
        assert!(m
            .html
            .unwrap()
            .contains("rel=\"noopener noreferrer nofollow\""));
    }

    #[test]
    fn the_fixture_lists_parse() {
        let notes = parse_notifications(&fixture("notifications_mentions_response.json")).unwrap();
        assert!(!notes.is_empty());
        assert!(notes
            .iter()
            .all(|n| n.kind == "mention" && n.status.is_some()));
        let tag = parse_statuses(&fixture("timelines_tag_response.json")).unwrap();
        assert!(!tag.is_empty());
        let found = parse_search(&fixture("search_v2_response.json")).unwrap();
        assert!(found.iter().all(|s| !s.id.is_empty()));
        for bad in [&b"{}"[..], b"[{\"id\":1}]", b"not json", b""] {
            assert!(matches!(
                parse_statuses(bad),
                Err(ChannelError::Malformed(_))
            ));
        }
    }

    #[test]
    fn streamed_frames_parse_in_both_transports() {
        let text = String::from_utf8(fixture("streaming_ws_update_event.json")).unwrap();
        match parse_ws_frame(&text).unwrap() {
            StreamEvent::Update(s) => assert_eq!(s.id, "108913983692647032"),
            other => panic!("{other:?}"),
        }
        let sse = String::from_utf8(fixture("streaming_sse_notification.txt")).unwrap();
        let data = sse.lines().find_map(|l| l.strip_prefix("data: ")).unwrap();
        match parse_event("notification", &serde_json::Value::String(data.into())).unwrap() {
            StreamEvent::Notification(n) => {
                assert_eq!(n.kind, "mention");
                let m = status_to_mention(n.status.unwrap(), "mastodon.social", true, 0);
                assert!(m.remote.to_owner);
                assert!(
                    m.author.handle.ends_with("@pl.nulled.red"),
                    "{}",
                    m.author.handle
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            parse_ws_frame("{\"event\":\"delete\",\"payload\":\"1\"}"),
            Ok(StreamEvent::Other)
        ));
        assert!(parse_ws_frame("{\"event\":\"update\",\"payload\":\"{oops\"}").is_err());
        assert!(parse_ws_frame("garbage").is_err());
    }

    #[test]
    fn length_counts_links_as_23_and_mentions_by_name() {
        assert_eq!(count_chars("hello"), 5);
        assert_eq!(
            count_chars("see https://example.com/a/very/long/path/indeed"),
            4 + 23
        );
        assert_eq!(count_chars("@ann@example.social hi"), 4 + 1 + 2);
        assert_eq!(count_chars("@ann hi"), 7);
        assert_eq!(count_chars("héllo wörld"), 11);
    }

    #[test]
    fn ids_order_numerically() {
        assert!(newer("100", "99"));
        assert!(!newer("99", "100"));
        let mut slot = None;
        bump(&mut slot, "99");
        bump(&mut slot, "100");
        bump(&mut slot, "98");
        assert_eq!(slot.as_deref(), Some("100"));
    }
}
