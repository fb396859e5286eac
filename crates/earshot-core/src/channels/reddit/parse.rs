//! Reddit things → mentions: posts (t3), comments (t1) and private messages (t4).

use super::wire::{Listing, ThingData};
use crate::channels::ChannelError;
use crate::model::{Author, Channel, Engagement, Kind, Mention};

/// The site links point at.
pub const SITE: &str = "https://www.reddit.com";

fn created(d: &ThingData, now: i64) -> i64 {
    d.created_utc
        .filter(|t| t.is_finite() && *t > 0.0 && *t < 1e12)
        .map(|t| t as i64)
        .unwrap_or(now)
}

fn link(path: Option<&str>) -> Option<String> {
    let p = path?.trim();
    if p.starts_with('/') {
        Some(format!("{SITE}{p}"))
    } else if p.starts_with("https://") {
        Some(p.to_string())
    } else {
        None
    }
}

/// One thing as a mention; `to_owner` for the owner's inbox. `None` for kinds Earshot does not
/// keep and things without a fullname.
pub fn thing_to_mention(kind: &str, d: &ThingData, to_owner: bool, now: i64) -> Option<Mention> {
    let name = d
        .name
        .clone()
        .filter(|n| !n.is_empty())
        .or_else(|| d.id.as_ref().map(|id| format!("{kind}_{id}")))?;
    let author = d
        .author
        .clone()
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| "[deleted]".into());
    let mut m = match kind {
        "t3" => {
            let text = d
                .selftext
                .clone()
                .filter(|t| !t.trim().is_empty())
                .or_else(|| d.url.clone())
                .unwrap_or_default();
            let mut m = Mention::new(Channel::Reddit, name.clone(), text);
            m.title = d.title.clone();
            m.url = link(d.permalink.as_deref());
            m.remote.kind = Some(Kind::Post);
            m.thread_root = Some(name);
            m.engagement = Engagement {
                likes: d.score,
                replies: d.num_comments,
                ..Engagement::default()
            };
            m
        }
        "t1" => {
            let mut m = Mention::new(Channel::Reddit, name, d.body.clone().unwrap_or_default());
            m.title = d.link_title.as_ref().map(|t| format!("Re: {t}"));
            m.url = link(d.permalink.as_deref()).or_else(|| link(d.context.as_deref()));
            m.remote.kind = Some(match d.parent_id.as_deref() {
                Some(p) if p.starts_with("t1_") => Kind::Reply,
                _ => Kind::Comment,
            });
            m.reply_to = d.parent_id.clone();
            m.thread_root = d.link_id.clone();
            m.remote.post_id = d.link_id.clone();
            m.remote.post_text = d.link_title.clone();
            m.engagement = Engagement {
                likes: d.score,
                ..Engagement::default()
            };
            m
        }
        "t4" => {
            let mut m = Mention::new(Channel::Reddit, name, d.body.clone().unwrap_or_default());
            m.title = d.subject.clone();
            m.url = Some(format!(
                "{SITE}/message/messages/{}",
                d.id.clone().unwrap_or_default()
            ));
            m.remote.kind = Some(Kind::Message);
            m
        }
        _ => return None,
    };
    m.created_at = created(d, now);
    m.fetched_at = now;
    m.author = Author {
        profile_url: (author != "[deleted]").then(|| format!("{SITE}/user/{author}")),
        handle: format!("u/{author}"),
        ..Author::default()
    };
    m.remote.author_id = Some(author);
    m.remote.to_owner = to_owner;
    Some(m)
}

/// A listing body → mentions (newest first as Reddit sends them) and the next page's cursor.
pub fn parse_listing(
    body: &[u8],
    to_owner: bool,
    now: i64,
) -> Result<(Vec<Mention>, Option<String>), ChannelError> {
    let l: Listing = serde_json::from_slice(body)
        .map_err(|e| ChannelError::Malformed(format!("Reddit listing: {e}")))?;
    let ms = l
        .data
        .children
        .iter()
        .filter_map(|t| thing_to_mention(&t.kind, &t.data, to_owner, now))
        .collect();
    Ok((ms, l.data.after.filter(|a| !a.is_empty())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::fixture;

    #[test]
    fn every_listing_fixture_parses() {
        let (comments, after) = parse_listing(
            &fixture(
                "reddit",
                "r_subreddit_comments_listing_t1_2023_trimmed.json",
            ),
            false,
            0,
        )
        .unwrap();
        assert_eq!(comments.len(), 2);
        assert!(comments[0].external_id.starts_with("t1_"));
        assert!(comments[0]
            .title
            .as_deref()
            .unwrap_or_default()
            .starts_with("Re: "));
        assert!(comments[0]
            .url
            .as_deref()
            .unwrap()
            .starts_with("https://www.reddit.com/r/"));
        assert!(comments[0].created_at > 1_600_000_000);
        assert!(after.is_some());
        let (posts, _) = parse_listing(
            &fixture("reddit", "search_listing_t3_trimmed.json"),
            false,
            0,
        )
        .unwrap();
        assert_eq!(posts.len(), 3);
        assert_eq!(posts[0].remote.kind, Some(Kind::Post));
        assert!(posts[0].title.is_some());
        let (inbox, _) = parse_listing(
            &fixture("reddit", "message_inbox_listing_t1_t4_2025_trimmed.json"),
            true,
            0,
        )
        .unwrap();
        assert_eq!(inbox.len(), 2);
        assert!(inbox.iter().any(|m| m.remote.kind == Some(Kind::Message)));
        assert!(inbox.iter().all(|m| m.remote.to_owner));
        let (mentions, _) = parse_listing(
            &fixture("reddit", "message_mentions_listing_trimmed.json"),
            true,
            0,
        )
        .unwrap();
        assert_eq!(mentions.len(), 2);
        assert!(mentions[0].author.handle.starts_with("u/"));
        assert!(parse_listing(b"<html>", false, 0).is_err());
    }
}
