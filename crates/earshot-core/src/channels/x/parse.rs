//! X posts → mentions.

use std::collections::HashMap;

use super::wire::{Posts, User};
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
        m.remote.to_owner = to_owner;
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
    Ok((out, p.meta.next_token))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::fixture;

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
