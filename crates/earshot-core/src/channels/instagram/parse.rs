//! Instagram comments and tagged media → mentions.

use super::wire::{IgComment, Media};
use crate::channels::graph::{parse_time, snippet};
use crate::model::{Author, Channel, Engagement, Kind, Mention};

/// A comment on the account's media, with its replies after it. The account's own comments
/// (its replies) are left out.
pub fn comment_mentions(c: &IgComment, media: &Media, own: &str, now: i64) -> Vec<Mention> {
    let mut out = Vec::new();
    let media_id = media.id.clone().unwrap_or_default();
    if let Some(m) = one(c, &media_id, media, None, own, now) {
        out.push(m);
    }
    if let (Some(parent), Some(r)) = (c.id.as_deref(), &c.replies) {
        for reply in &r.data {
            if let Some(m) = one(reply, &media_id, media, Some(parent), own, now) {
                out.push(m);
            }
        }
    }
    out
}

fn one(
    c: &IgComment,
    media_id: &str,
    media: &Media,
    parent: Option<&str>,
    own: &str,
    now: i64,
) -> Option<Mention> {
    let id = c.id.clone().filter(|i| !i.is_empty())?;
    let from = c.from.as_ref().or(c.user.as_ref());
    let username = c
        .username
        .clone()
        .or_else(|| from.and_then(|f| f.username.clone()))
        .filter(|u| !u.is_empty());
    if username.as_deref() == Some(own) {
        return None;
    }
    let mut m = Mention::new(Channel::Instagram, id, c.text.clone().unwrap_or_default());
    m.created_at = c.timestamp.as_deref().and_then(parse_time).unwrap_or(now);
    m.fetched_at = now;
    m.url = media.permalink.clone();
    m.author = Author {
        profile_url: username
            .as_ref()
            .map(|u| format!("https://www.instagram.com/{u}/")),
        handle: username.unwrap_or_else(|| "Instagram user".into()),
        ..Author::default()
    };
    m.remote.author_id = from.and_then(|f| f.id.clone());
    m.remote.to_owner = true;
    m.remote.hidden = c.hidden.unwrap_or(false);
    m.remote.post_id = Some(media_id.to_string());
    m.remote.post_text = media.caption.as_deref().and_then(snippet);
    let parent = parent.map(str::to_string).or_else(|| c.parent_id.clone());
    m.remote.kind = Some(if parent.is_some() {
        Kind::Reply
    } else {
        Kind::Comment
    });
    m.reply_to = Some(parent.unwrap_or_else(|| media_id.to_string()));
    m.thread_root = Some(media_id.to_string());
    m.engagement = Engagement {
        likes: c.like_count,
        replies: c.replies.as_ref().map(|r| r.data.len() as i64),
        ..Engagement::default()
    };
    Some(m)
}

/// Media someone else posted that tags the account.
pub fn tag_mention(media: &Media, now: i64) -> Option<Mention> {
    let id = media.id.clone().filter(|i| !i.is_empty())?;
    let mut m = Mention::new(
        Channel::Instagram,
        id.clone(),
        media.caption.clone().unwrap_or_default(),
    );
    m.created_at = media
        .timestamp
        .as_deref()
        .and_then(parse_time)
        .unwrap_or(now);
    m.fetched_at = now;
    m.url = media.permalink.clone();
    let username = media.username.clone().filter(|u| !u.is_empty());
    m.author = Author {
        profile_url: username
            .as_ref()
            .map(|u| format!("https://www.instagram.com/{u}/")),
        handle: username.unwrap_or_else(|| "Instagram user".into()),
        ..Author::default()
    };
    m.remote.kind = Some(Kind::Tag);
    m.remote.to_owner = true;
    m.thread_root = Some(id);
    m.engagement = Engagement {
        likes: media.like_count,
        replies: media.comments_count,
        ..Engagement::default()
    };
    Some(m)
}

fn malformed(what: &str, e: serde_json::Error) -> crate::channels::ChannelError {
    crate::channels::ChannelError::Malformed(format!("Instagram {what}: {e}"))
}

/// A `/{media}/comments` body → mentions, replies after their comment.
pub fn parse_comments(
    body: &[u8],
    media: &Media,
    own: &str,
    now: i64,
) -> Result<Vec<Mention>, crate::channels::ChannelError> {
    let list: crate::channels::graph::List<IgComment> =
        serde_json::from_slice(body).map_err(|e| malformed("comments", e))?;
    Ok(list
        .data
        .iter()
        .flat_map(|c| comment_mentions(c, media, own, now))
        .collect())
}

/// A `/{ig-user}/tags` body → mentions.
pub fn parse_tags(body: &[u8], now: i64) -> Result<Vec<Mention>, crate::channels::ChannelError> {
    let list: crate::channels::graph::List<Media> =
        serde_json::from_slice(body).map_err(|e| malformed("tags", e))?;
    Ok(list
        .data
        .iter()
        .filter_map(|m| tag_mention(m, now))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::fixture;
    use crate::channels::graph::List;

    #[test]
    fn comments_and_replies_parse() {
        let c: IgComment = serde_json::from_slice(&fixture(
            "instagram",
            "ig_comment_with_replies_user_media_restfb.json",
        ))
        .unwrap();
        let media = Media {
            id: Some("987654321".into()),
            caption: Some("Our new oat flat white".into()),
            ..Media::default()
        };
        let got = comment_mentions(&c, &media, "brightside", 0);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].external_id, "123456789");
        assert_eq!(got[0].remote.kind, Some(Kind::Comment));
        assert_eq!(got[0].remote.author_id.as_deref(), Some("98765432123"));
        assert_eq!(got[0].created_at, 1_519_421_536);
        assert_eq!(got[1].remote.kind, Some(Kind::Reply));
        assert_eq!(got[1].reply_to.as_deref(), Some("123456789"));
        assert_eq!(
            got[1].remote.post_text.as_deref(),
            Some("Our new oat flat white")
        );

        let one: IgComment =
            serde_json::from_slice(&fixture("instagram", "ig_comment_get_fields_response.json"))
                .unwrap();
        let got = comment_mentions(&one, &media, "brightside", 0);
        assert_eq!(got[0].author.handle, "ikroskun");
        // The account's own comments are its replies, not mentions.
        assert!(comment_mentions(&one, &media, "ikroskun", 0).is_empty());

        let list: List<IgComment> =
            serde_json::from_slice(&fixture("instagram", "ig_media_comments_response_v11.json"))
                .unwrap();
        assert_eq!(list.data.len(), 2);
        assert_eq!(list.data[0].text.as_deref(), Some("Beautiful!"));
    }

    #[test]
    fn tagged_media_are_tags() {
        let list: List<Media> =
            serde_json::from_slice(&fixture("instagram", "ig_user_tags_response_trimmed.json"))
                .unwrap();
        let got: Vec<Mention> = list.data.iter().filter_map(|m| tag_mention(m, 0)).collect();
        assert_eq!(got.len(), 3);
        assert_eq!(got[2].text, "Cute.. #cute #loveyou  @ikroskun");
        assert_eq!(got[2].remote.kind, Some(Kind::Tag));
        assert_eq!(got[2].engagement.replies, Some(6));
        let media: List<Media> =
            serde_json::from_slice(&fixture("instagram", "ig_user_media_response_v6.json"))
                .unwrap();
        assert_eq!(media.data[1].comments_count, Some(6));
    }
}
