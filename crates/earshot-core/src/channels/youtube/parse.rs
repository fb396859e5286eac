//! YouTube comments and search results → mentions.

use super::wire::{Comment, CommentThread, ListResponse, SearchResult};
use crate::channels::ChannelError;
use crate::html;
use crate::model::{Author, Channel, Engagement, Kind, Mention};

fn time(s: Option<&str>) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(s?)
        .ok()
        .map(|d| d.timestamp())
}

/// `https://www.youtube.com/watch?v=…[&lc=…]`.
fn watch(video: &str, comment: Option<&str>) -> String {
    let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    match comment {
        Some(c) => format!(
            "https://www.youtube.com/watch?v={}&lc={}",
            enc(video),
            enc(c)
        ),
        None => format!("https://www.youtube.com/watch?v={}", enc(video)),
    }
}

/// One comment as a mention; `own` (the owner's channel id) leaves out the owner's replies.
pub fn comment_to_mention(c: &Comment, thread: &str, own: &str, now: i64) -> Option<Mention> {
    let id = c.id.clone().filter(|i| !i.is_empty())?;
    let s = &c.snippet;
    let author_id = s.author_channel_id.as_ref().and_then(|a| a.value.clone());
    if author_id.as_deref() == Some(own) {
        return None;
    }
    let text = s
        .text_original
        .clone()
        .or_else(|| s.text_display.as_deref().map(html::to_text))
        .unwrap_or_default();
    let video = s.video_id.clone().unwrap_or_default();
    let mut m = Mention::new(Channel::Youtube, id.clone(), text);
    m.created_at = time(s.published_at.as_deref()).unwrap_or(now);
    m.fetched_at = now;
    m.url = (!video.is_empty()).then(|| watch(&video, Some(&id)));
    m.author = Author {
        handle: s
            .author_display_name
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "YouTube user".into()),
        profile_url: s
            .author_channel_url
            .clone()
            .filter(|u| u.starts_with("http://") || u.starts_with("https://")),
        ..Author::default()
    };
    m.remote.author_id = author_id;
    m.remote.to_owner = true;
    m.remote.post_id = (!video.is_empty()).then(|| video.clone());
    let reply = s.parent_id.is_some() || id != thread;
    m.remote.kind = Some(if reply { Kind::Reply } else { Kind::Comment });
    m.reply_to = Some(if reply {
        s.parent_id.clone().unwrap_or_else(|| thread.to_string())
    } else {
        video
    });
    m.thread_root = Some(thread.to_string());
    m.engagement = Engagement {
        likes: s.like_count,
        ..Engagement::default()
    };
    Some(m)
}

/// A `commentThreads.list` body → mentions (each thread's comment, then its replies).
pub fn parse_threads(
    body: &[u8],
    own: &str,
    now: i64,
) -> Result<(Vec<Mention>, Option<String>), ChannelError> {
    let list: ListResponse<CommentThread> = serde_json::from_slice(body)
        .map_err(|e| ChannelError::Malformed(format!("YouTube comments: {e}")))?;
    let mut out = Vec::new();
    for t in &list.items {
        let Some(thread) = t.id.clone() else { continue };
        if let Some(top) = &t.snippet.top_level_comment {
            if let Some(mut m) = comment_to_mention(top, &thread, own, now) {
                m.engagement.replies = t.snippet.total_reply_count;
                out.push(m);
            }
        }
        for r in t.replies.iter().flat_map(|r| r.comments.iter()) {
            out.extend(comment_to_mention(r, &thread, own, now));
        }
    }
    Ok((out, list.next_page_token))
}

/// A `search.list` body (videos) → mentions.
pub fn parse_search(body: &[u8], now: i64) -> Result<Vec<Mention>, ChannelError> {
    let list: ListResponse<SearchResult> = serde_json::from_slice(body)
        .map_err(|e| ChannelError::Malformed(format!("YouTube search: {e}")))?;
    Ok(list
        .items
        .iter()
        .filter_map(|r| {
            let video = r.id.video_id.clone().filter(|v| !v.is_empty())?;
            let s = &r.snippet;
            let mut m = Mention::new(
                Channel::Youtube,
                video.clone(),
                s.description
                    .as_deref()
                    .map(html::to_text)
                    .unwrap_or_default(),
            );
            m.title = s.title.as_deref().map(html::to_text);
            m.created_at = time(s.published_at.as_deref()).unwrap_or(now);
            m.fetched_at = now;
            m.url = Some(watch(&video, None));
            m.author = Author {
                handle: s
                    .channel_title
                    .clone()
                    .unwrap_or_else(|| "YouTube channel".into()),
                profile_url: s
                    .channel_id
                    .as_ref()
                    .map(|c| format!("https://www.youtube.com/channel/{c}")),
                ..Author::default()
            };
            m.remote.author_id = s.channel_id.clone();
            m.remote.kind = Some(Kind::Post);
            m.thread_root = Some(video);
            Some(m)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::fixture;

    #[test]
    fn threads_search_and_a_posted_reply_parse() {
        let (ms, next) = parse_threads(
            &fixture("youtube", "commentThreads_list_response_trimmed.json"),
            "UCown",
            0,
        )
        .unwrap();
        assert!(ms.len() >= 2);
        assert!(next.is_some());
        assert_eq!(ms[0].author.handle, "Amit Sharma");
        assert_eq!(
            ms[0].text,
            "Nobody's love ... Song title made me die from laughter"
        );
        assert_eq!(ms[0].remote.kind, Some(Kind::Comment));
        assert_eq!(
            ms[0].url.as_deref(),
            Some("https://www.youtube.com/watch?v=7ghhRHRP6t4&lc=UgxISZhP_62DIrtv2r94AaABAg")
        );
        assert_eq!(ms[0].created_at, 1_671_250_751);
        let found = parse_search(
            &fixture(
                "youtube",
                "search_list_videos_by_keywords_response_trimmed.json",
            ),
            0,
        )
        .unwrap();
        assert!(!found.is_empty());
        assert_eq!(found[0].remote.kind, Some(Kind::Post));
        assert!(
            found[1].title.as_deref().unwrap().contains("& BACKDOOR"),
            "entities decoded"
        );
        let reply: Comment =
            serde_json::from_slice(&fixture("youtube", "comments_insert_reply_response.json"))
                .unwrap();
        let m = comment_to_mention(&reply, "Ugy_CAftKrIUCyPr9GR4AaABAg", "UCown", 0).unwrap();
        assert_eq!(m.remote.kind, Some(Kind::Reply));
        assert_eq!(m.reply_to.as_deref(), Some("Ugy_CAftKrIUCyPr9GR4AaABAg"));
        assert!(
            comment_to_mention(&reply, "x", "UCa-vrCLQHviTOVnEKDOdetQ", 0).is_none(),
            "the owner's own reply"
        );
    }
}
