//! X posts → mentions.

use std::collections::HashMap;

use super::wire::{Posts, StreamMessage, User};
use crate::channels::ChannelError;
use crate::model::{Author, Channel, Engagement, Kind, Mention};

/// A page of posts → mentions (the owner's own posts left out), newest first, and the next page.
pub fn parse_posts(
    body: &[u8],
    own_id: &str,
    to_owner: bool,
    now: i64,
) -> Result<(Vec<Mention>, Option<String>), ChannelError> {
    let p: Posts = serde_json::from_slice(body)
        .map_err(|e| ChannelError::Malformed(format!("X posts: {e}")))?;
    let next = p.meta.next_token.clone();
    Ok((to_mentions(p, own_id, |_| to_owner, now), next))
}

/// The rule tag of the owner's mentions on the filtered stream.
pub const MENTIONS_TAG: &str = "earshot:mentions";

/// One line of the filtered stream → a mention (`None` for a keep-alive, the owner's own post
/// or a line without a post). A post that matched the mentions rule is addressed to the owner.
pub fn parse_stream_line(
    line: &[u8],
    own_id: &str,
    now: i64,
) -> Result<Option<Mention>, ChannelError> {
    if line.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(None);
    }
    let msg: StreamMessage = serde_json::from_slice(line)
        .map_err(|e| ChannelError::Malformed(format!("X stream: {e}")))?;
    let Some(post) = msg.data else {
        return Ok(None);
    };
    let to_owner = msg
        .matching_rules
        .iter()
        .any(|r| r.tag.as_deref() == Some(MENTIONS_TAG));
    let posts = Posts {
        data: vec![post],
        includes: msg.includes,
        meta: Default::default(),
    };
    Ok(to_mentions(posts, own_id, |_| to_owner, now)
        .into_iter()
        .next())
}

fn to_mentions(
    p: Posts,
    own_id: &str,
    to_owner: impl Fn(&super::wire::Post) -> bool,
    now: i64,
) -> Vec<Mention> {
    let users: HashMap<String, User> = p
        .includes
        .users
        .into_iter()
        .filter_map(|u| Some((u.id.clone()?, u)))
        .collect();
    let mut out = Vec::new();
    for post in p.data {
        let Some(id) = post.id.clone().filter(|i| !i.is_empty()) else {
            continue;
        };
        if post.author_id.as_deref() == Some(own_id) {
            continue;
        }
        let user = post.author_id.as_ref().and_then(|a| users.get(a));
        let username = user
            .and_then(|u| u.username.clone())
            .filter(|u| !u.is_empty());
        let mut m = Mention::new(
            Channel::X,
            id.clone(),
            post.text.clone().unwrap_or_default(),
        );
        m.created_at = post
            .created_at
            .as_deref()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|d| d.timestamp())
            .unwrap_or(now);
        m.fetched_at = now;
        m.lang = post.lang.clone();
        m.url = Some(match &username {
            Some(u) => format!("https://x.com/{u}/status/{id}"),
            None => format!("https://x.com/i/web/status/{id}"),
        });
        m.author = Author {
            handle: username
                .as_ref()
                .map(|u| format!("@{u}"))
                .unwrap_or_else(|| "X user".into()),
            display_name: user.and_then(|u| u.name.clone()),
            profile_url: username.as_ref().map(|u| format!("https://x.com/{u}")),
            followers: user
                .and_then(|u| u.public_metrics.as_ref())
                .and_then(|m| m.followers_count),
            karma: None,
        };
        m.remote.author_id = post.author_id.clone();
        m.remote.verified = user.and_then(|u| u.verified).unwrap_or(false);
        m.remote.to_owner = to_owner(&post);
        let replied = post
            .referenced_tweets
            .iter()
            .find(|r| r.kind.as_deref() == Some("replied_to"))
            .and_then(|r| r.id.clone());
        m.remote.kind = Some(if replied.is_some() {
            Kind::Reply
        } else {
            Kind::Post
        });
        m.reply_to = replied;
        m.thread_root = post.conversation_id.clone();
        if let Some(pm) = &post.public_metrics {
            m.engagement = Engagement {
                likes: pm.like_count,
                reposts: Some(pm.retweet_count.unwrap_or(0) + pm.quote_count.unwrap_or(0)),
                replies: pm.reply_count,
                velocity: None,
            };
        }
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::fixture;

    #[test]
    fn a_stream_line_is_a_mention_and_a_keep_alive_is_nothing() {
        let m = parse_stream_line(&fixture("x", "filtered_stream_message.json"), "1", 5)
            .unwrap()
            .unwrap();
        assert_eq!(m.external_id, "1234567890");
        assert_eq!(m.author.handle, "@catperson");
        assert!(
            !m.remote.to_owner,
            "matched a search rule, not the mentions rule"
        );
        assert_eq!(parse_stream_line(b"\r\n", "1", 5).unwrap(), None);
        assert!(parse_stream_line(b"{\"data\": 7}", "1", 5).is_err());
        let mine = br#"{"data":{"id":"9","text":"hi @me","author_id":"2"},"matching_rules":[{"id":"1","tag":"earshot:mentions"}]}"#;
        assert!(
            parse_stream_line(mine, "1", 5)
                .unwrap()
                .unwrap()
                .remote
                .to_owner
        );
        assert_eq!(
            parse_stream_line(mine, "2", 5).unwrap(),
            None,
            "the owner's own post"
        );
    }

    #[test]
    fn mentions_and_search_parse() {
        let (ms, next) = parse_posts(
            &fixture("x", "users_mentions_response_default_fields_trimmed.json"),
            "783214",
            true,
            7,
        )
        .unwrap();
        assert_eq!(ms.len(), 3);
        assert!(next.is_some());
        assert!(ms[0].remote.to_owner);
        assert_eq!(
            ms[0].created_at, 7,
            "default fields carry no time: fetched time"
        );
        let (ms, _) = parse_posts(
            &fixture("x", "search_recent_response_with_expansions.json"),
            "1",
            false,
            0,
        )
        .unwrap();
        assert_eq!(ms[0].author.handle, "@pythondev");
        assert_eq!(ms[0].engagement.likes, Some(42));
        assert_eq!(
            ms[0].url.as_deref(),
            Some("https://x.com/pythondev/status/1234567890123456789")
        );
        let (ms, _) = parse_posts(
            &fixture("x", "tweets_lookup_with_fields_response.json"),
            "1",
            false,
            0,
        )
        .unwrap();
        assert!(ms.iter().any(|m| m.remote.kind == Some(Kind::Reply)));
        // The owner's own posts are not mentions.
        let (ms, _) = parse_posts(
            &fixture("x", "search_recent_response_with_expansions.json"),
            "9876543210",
            false,
            0,
        )
        .unwrap();
        assert!(ms.is_empty());
    }
}
