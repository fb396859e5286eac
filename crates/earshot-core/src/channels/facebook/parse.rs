//! Page posts and comments → mentions.

use super::wire::{Comment, Post};
use crate::channels::graph::{parse_time, snippet};
use crate::model::{Author, Channel, Engagement, Kind, Mention};

/// The post a comment belongs to, as the parser needs it.
#[derive(Debug, Clone, Default)]
pub struct PostRef {
    /// Its id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Its address.
    pub url: Option<String>,
}

fn author(from: Option<&super::wire::From>) -> (Author, Option<String>) {
    let Some(f) = from else {
        // Meta leaves `from` out unless the person allowed it: say so rather than invent a name.
        return (
            Author {
                handle: "Facebook user".into(),
                ..Author::default()
            },
            None,
        );
    };
    let name = f
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "Facebook user".into());
    (
        Author {
            handle: name,
            display_name: None,
            profile_url: f
                .id
                .as_ref()
                .map(|id| format!("https://www.facebook.com/{id}")),
            followers: None,
            karma: None,
        },
        f.id.clone(),
    )
}

/// A post on the Page's feed by someone else (a visitor post), or one that tags the Page.
/// `None` for the Page's own posts and posts without an id.
pub fn post_to_mention(p: &Post, page_id: &str, kind: Kind, now: i64) -> Option<Mention> {
    let id = p.id.clone().filter(|i| !i.is_empty())?;
    let from_id = p.from.as_ref().and_then(|f| f.id.as_deref());
    if from_id == Some(page_id) {
        return None;
    }
    let mut m = Mention::new(
        Channel::Facebook,
        id.clone(),
        p.message.clone().unwrap_or_default(),
    );
    m.created_at = p
        .created_time
        .as_deref()
        .and_then(parse_time)
        .unwrap_or(now);
    m.fetched_at = now;
    m.url = p.permalink_url.clone();
    let (a, author_id) = author(p.from.as_ref());
    m.author = a;
    m.remote.author_id = author_id;
    m.remote.kind = Some(kind);
    m.remote.to_owner = true;
    m.thread_root = Some(id);
    m.engagement = Engagement {
        likes: p
            .reactions
            .as_ref()
            .and_then(|r| r.summary.as_ref())
            .and_then(|s| s.total_count),
        reposts: p.shares.as_ref().and_then(|s| s.count),
        replies: p
            .comments
            .as_ref()
            .and_then(|r| r.summary.as_ref())
            .and_then(|s| s.total_count),
        velocity: None,
    };
    Some(m)
}

/// The comment id and, for a reply, its parent's, from a permalink
/// (`…/posts/P/?comment_id=C&reply_comment_id=R`), as `{P}_{C}` style ids.
fn ids_from_permalink(url: &str, post: &str) -> Option<(String, Option<String>)> {
    let u = url::Url::parse(url).ok()?;
    let q: std::collections::HashMap<String, String> = u.query_pairs().into_owned().collect();
    let object = post.rsplit('_').next().unwrap_or(post);
    let comment = q.get("comment_id")?;
    match q.get("reply_comment_id") {
        Some(r) => Some((format!("{object}_{r}"), Some(format!("{object}_{comment}")))),
        None => Some((format!("{object}_{comment}"), None)),
    }
}

/// A comment (or a reply to one) on one of the Page's posts. `None` for the Page's own comments
/// (its replies) and comments that carry no id at all.
pub fn comment_to_mention(c: &Comment, post: &PostRef, page_id: &str, now: i64) -> Option<Mention> {
    let from_id = c.from.as_ref().and_then(|f| f.id.as_deref());
    if from_id == Some(page_id) {
        return None;
    }
    let from_link = c
        .permalink_url
        .as_deref()
        .and_then(|u| ids_from_permalink(u, &post.id));
    let id =
        c.id.clone()
            .filter(|i| !i.is_empty())
            .or_else(|| from_link.as_ref().map(|(id, _)| id.clone()))?;
    let parent = c
        .parent
        .as_ref()
        .and_then(|p| p.id.clone())
        .or_else(|| from_link.and_then(|(_, parent)| parent));
    let mut m = Mention::new(Channel::Facebook, id, c.message.clone().unwrap_or_default());
    m.created_at = c
        .created_time
        .as_deref()
        .and_then(parse_time)
        .unwrap_or(now);
    m.fetched_at = now;
    m.url = c.permalink_url.clone().or_else(|| post.url.clone());
    let (a, author_id) = author(c.from.as_ref());
    m.author = a;
    m.remote.author_id = author_id;
    m.remote.to_owner = true;
    m.remote.hidden = c.is_hidden.unwrap_or(false);
    m.remote.post_id = Some(post.id.clone());
    m.remote.post_text = snippet(&post.text);
    m.remote.kind = Some(if parent.is_some() {
        Kind::Reply
    } else {
        Kind::Comment
    });
    m.reply_to = Some(parent.unwrap_or_else(|| post.id.clone()));
    m.thread_root = Some(post.id.clone());
    m.engagement = Engagement {
        likes: c.like_count,
        reposts: None,
        replies: c.comment_count,
        velocity: None,
    };
    Some(m)
}

fn malformed(what: &str, e: serde_json::Error) -> crate::channels::ChannelError {
    crate::channels::ChannelError::Malformed(format!("Facebook {what}: {e}"))
}

/// A `/{post}/comments` body → mentions (the Page's own comments left out).
pub fn parse_comments(
    body: &[u8],
    post: &PostRef,
    page_id: &str,
    now: i64,
) -> Result<Vec<Mention>, crate::channels::ChannelError> {
    let list: crate::channels::graph::List<Comment> =
        serde_json::from_slice(body).map_err(|e| malformed("comments", e))?;
    Ok(list
        .data
        .iter()
        .filter_map(|c| comment_to_mention(c, post, page_id, now))
        .collect())
}

/// A `/{page}/feed` or `/{page}/tagged` body → mentions (the Page's own posts left out).
pub fn parse_posts(
    body: &[u8],
    page_id: &str,
    kind: Kind,
    now: i64,
) -> Result<Vec<Mention>, crate::channels::ChannelError> {
    let list: crate::channels::graph::List<Post> =
        serde_json::from_slice(body).map_err(|e| malformed("posts", e))?;
    Ok(list
        .data
        .iter()
        .filter_map(|p| post_to_mention(p, page_id, kind, now))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::fixture;
    use crate::channels::graph::List;

    #[test]
    fn comments_with_authors_parse() {
        #[derive(serde::Deserialize)]
        struct WithComments {
            id: String,
            comments: List<Comment>,
        }
        let body = fixture(
            "facebook",
            "me_posts_fields_comments_v19_response_trimmed.json",
        );
        let posts: List<WithComments> = serde_json::from_slice(&body).unwrap();
        let p = &posts.data[0];
        let post = PostRef {
            id: p.id.clone(),
            ..PostRef::default()
        };
        let page = "331878276672800";
        let got: Vec<Mention> = p
            .comments
            .data
            .iter()
            .filter_map(|c| comment_to_mention(c, &post, page, 0))
            .collect();
        // The Page's own comment is its reply, not a mention.
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].external_id, "122098716890322306_1955450111520011");
        assert_eq!(got[0].author.handle, "AI Verse");
        assert_eq!(got[0].remote.author_id.as_deref(), Some("7959247167458080"));
        assert_eq!(got[0].created_at, 1_715_838_888);
        assert_eq!(got[0].remote.kind, Some(Kind::Comment));
        assert_eq!(got[0].reply_to.as_deref(), Some(p.id.as_str()));
        assert_eq!(got[1].text, "👍");
    }

    #[test]
    fn comments_without_ids_take_them_from_the_permalink() {
        let body = fixture(
            "facebook",
            "post_comments_list_stream_summary_v11_response_trimmed.json",
        );
        let list: List<Comment> = serde_json::from_slice(&body).unwrap();
        let post = PostRef {
            id: "19292868552_10158407654328553".into(),
            text: "A post".into(),
            url: None,
        };
        let got: Vec<Mention> = list
            .data
            .iter()
            .filter_map(|c| comment_to_mention(c, &post, "19292868552", 0))
            .collect();
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].external_id, "10158407654328553_10158407835073553");
        assert_eq!(got[0].author.handle, "Facebook user");
        assert_eq!(got[2].remote.kind, Some(Kind::Reply));
        assert_eq!(
            got[2].reply_to.as_deref(),
            Some("10158407654328553_10158407903973553")
        );
        assert_eq!(got[2].remote.post_text.as_deref(), Some("A post"));
    }

    #[test]
    fn feed_posts_by_others_are_mentions_and_the_pages_own_are_not() {
        let body = fixture(
            "facebook",
            "page_feed_with_comments_reactions_summary_v10_response_trimmed.json",
        );
        let list: List<Post> = serde_json::from_slice(&body).unwrap();
        // These posts carry no `from`: visitors' as far as the parser can tell.
        let got: Vec<Mention> = list
            .data
            .iter()
            .filter_map(|p| post_to_mention(p, "19292868552", Kind::Post, 0))
            .collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].engagement.likes, Some(125));
        assert_eq!(got[0].engagement.replies, Some(13));
        assert_eq!(got[0].engagement.reposts, Some(10));
        let mut own = list.data[0].clone();
        own.from = Some(super::super::wire::From {
            id: Some("19292868552".into()),
            name: Some("Page".into()),
        });
        assert!(post_to_mention(&own, "19292868552", Kind::Post, 0).is_none());
    }
}
