//! Bluesky posts, notifications and Jetstream events → [`Mention`]s.

use super::jetstream;
use super::wire::{Notifications, ProfileView, SearchPosts};
use crate::channels::ChannelError;
use crate::model::{Author, Channel, Engagement, Mention, Remote};

pub(super) fn malformed(what: &str, e: impl std::fmt::Display) -> ChannelError {
    ChannelError::Malformed(format!("Bluesky {what}: {e}"))
}

pub(super) fn timestamp(s: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.timestamp())
}

pub(super) fn rkey_of(uri: &str) -> &str {
    uri.rsplit('/').next().unwrap_or(uri)
}

/// The web address of a post.
pub fn post_url(author: &str, uri: &str) -> String {
    format!("https://bsky.app/profile/{author}/post/{}", rkey_of(uri))
}

/// A post record (JSON) and its author as a mention.
pub(super) fn record_to_mention(
    uri: &str,
    cid: &str,
    author: &ProfileView,
    record: &serde_json::Value,
    now: i64,
) -> Result<Mention, ChannelError> {
    let raw = record.to_string();
    let rec: jetstream::PostRecord<'_> =
        serde_json::from_str(&raw).map_err(|e| malformed("post record", e))?;
    let mut m = Mention::new(
        Channel::Bluesky,
        uri,
        rec.text.as_deref().unwrap_or_default(),
    );
    m.created_at = rec.created_at.and_then(timestamp).unwrap_or(now);
    m.fetched_at = now;
    m.lang = rec.langs.first().map(|l| l.to_string());
    m.url = Some(post_url(&author.handle, uri));
    if let Some(r) = &rec.reply {
        m.reply_to = Some(r.parent.uri.to_string());
        m.thread_root = Some(r.root.uri.to_string());
    }
    m.remote = Remote {
        cid: Some(cid.to_string()),
        root_cid: rec.reply.as_ref().map(|r| r.root.cid.to_string()),
        author_id: Some(author.did.clone()),
        to_owner: false,
        ..Remote::default()
    };
    m.author = author_of(author);
    Ok(m)
}

pub(super) fn author_of(p: &ProfileView) -> Author {
    Author {
        handle: format!("@{}", p.handle),
        display_name: p.display_name.clone().filter(|d| !d.trim().is_empty()),
        profile_url: Some(format!("https://bsky.app/profile/{}", p.handle)),
        followers: p.followers_count,
        karma: None,
    }
}

/// Parses `app.bsky.feed.searchPosts`.
pub fn parse_search(body: &[u8], now: i64) -> Result<Vec<Mention>, ChannelError> {
    let r: SearchPosts = serde_json::from_slice(body).map_err(|e| malformed("search", e))?;
    r.posts
        .into_iter()
        .map(|p| {
            let mut m = record_to_mention(&p.uri, &p.cid, &p.author, &p.record, now)?;
            m.engagement = Engagement {
                likes: p.like_count,
                reposts: p.repost_count,
                replies: p.reply_count,
                velocity: None,
            };
            if m.created_at == now {
                m.created_at = p.indexed_at.as_deref().and_then(timestamp).unwrap_or(now);
            }
            Ok(m)
        })
        .collect()
}

/// Parses `app.bsky.notification.listNotifications`: mentions, replies and quotes as mentions
/// addressed to the owner, with the newest `indexedAt`.
pub fn parse_notifications(
    body: &[u8],
    now: i64,
) -> Result<(Vec<Mention>, Option<String>), ChannelError> {
    let r: Notifications =
        serde_json::from_slice(body).map_err(|e| malformed("notifications", e))?;
    let newest = r.notifications.iter().map(|n| n.indexed_at.clone()).max();
    let mentions = r
        .notifications
        .into_iter()
        .filter(|n| matches!(n.reason.as_str(), "mention" | "reply" | "quote"))
        .map(|n| {
            let mut m = record_to_mention(&n.uri, &n.cid, &n.author, &n.record, now)?;
            m.remote.to_owner = true;
            Ok(m)
        })
        .collect::<Result<_, ChannelError>>()?;
    Ok((mentions, newest))
}

/// A Jetstream post event as a mention (author handle unknown until profiles are fetched).
pub fn event_to_mention(e: &jetstream::Event<'_>, now: i64) -> Option<Mention> {
    let c = e.commit.as_ref()?;
    let rec = c.record.as_ref()?;
    let text = rec.text.as_deref()?;
    let uri = format!("at://{}/app.bsky.feed.post/{}", e.did, c.rkey);
    let mut m = Mention::new(Channel::Bluesky, uri.clone(), text);
    m.created_at = rec
        .created_at
        .and_then(timestamp)
        .unwrap_or(e.time_us / 1_000_000);
    m.fetched_at = now;
    m.lang = rec.langs.first().map(|l| l.to_string());
    m.url = Some(post_url(e.did, &uri));
    if let Some(r) = &rec.reply {
        m.reply_to = Some(r.parent.uri.to_string());
        m.thread_root = Some(r.root.uri.to_string());
    }
    m.remote = Remote {
        cid: c.cid.map(str::to_string),
        root_cid: rec.reply.as_ref().map(|r| r.root.cid.to_string()),
        author_id: Some(e.did.to_string()),
        to_owner: false,
        ..Remote::default()
    };
    m.author.handle = e.did.to_string();
    Some(m)
}
