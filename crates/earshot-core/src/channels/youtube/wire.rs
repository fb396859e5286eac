//! The YouTube Data API v3 as it answers (see `fixtures/youtube/`): comment threads with their
//! replies, comments, search results, channels and videos.

use serde::Deserialize;

/// A list answer.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListResponse<T> {
    /// The items.
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
    /// The next page.
    #[serde(default)]
    pub next_page_token: Option<String>,
}

/// A top-level comment and some of its replies.
#[derive(Debug, Default, Deserialize)]
pub struct CommentThread {
    /// The thread's id (= its top-level comment's).
    #[serde(default)]
    pub id: Option<String>,
    /// The thread.
    #[serde(default)]
    pub snippet: ThreadSnippet,
    /// Replies, when `part=replies`.
    #[serde(default)]
    pub replies: Option<Replies>,
}

/// A thread's snippet.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ThreadSnippet {
    /// The video.
    #[serde(default)]
    pub video_id: Option<String>,
    /// The top-level comment.
    #[serde(default)]
    pub top_level_comment: Option<Comment>,
    /// Replies in all.
    #[serde(default)]
    pub total_reply_count: Option<i64>,
}

/// Replies carried with a thread.
#[derive(Debug, Default, Deserialize)]
pub struct Replies {
    /// The replies.
    #[serde(default)]
    pub comments: Vec<Comment>,
}

/// A comment.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct Comment {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its fields.
    #[serde(default)]
    pub snippet: CommentSnippet,
}

/// A comment's fields.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentSnippet {
    /// The video.
    #[serde(default)]
    pub video_id: Option<String>,
    /// The text as written.
    #[serde(default)]
    pub text_original: Option<String>,
    /// The text as shown (HTML).
    #[serde(default)]
    pub text_display: Option<String>,
    /// The comment a reply answers.
    #[serde(default)]
    pub parent_id: Option<String>,
    /// Who.
    #[serde(default)]
    pub author_display_name: Option<String>,
    /// Their channel.
    #[serde(default)]
    pub author_channel_url: Option<String>,
    /// Their channel id.
    #[serde(default)]
    pub author_channel_id: Option<ChannelRef>,
    /// Likes.
    #[serde(default)]
    pub like_count: Option<i64>,
    /// RFC 3339.
    #[serde(default)]
    pub published_at: Option<String>,
}

/// `{"value": "UC…"}`.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ChannelRef {
    /// The channel id.
    #[serde(default)]
    pub value: Option<String>,
}

/// A search result.
#[derive(Debug, Default, Deserialize)]
pub struct SearchResult {
    /// `{"kind":"youtube#video","videoId":…}`.
    #[serde(default)]
    pub id: SearchId,
    /// The video's fields.
    #[serde(default)]
    pub snippet: VideoSnippet,
}

/// A search result's id.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchId {
    /// The video.
    #[serde(default)]
    pub video_id: Option<String>,
}

/// A video's snippet (search results and `videos.list`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VideoSnippet {
    /// RFC 3339.
    #[serde(default)]
    pub published_at: Option<String>,
    /// The uploader's channel.
    #[serde(default)]
    pub channel_id: Option<String>,
    /// Its title (HTML entities escaped, as YouTube sends it).
    #[serde(default)]
    pub title: Option<String>,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// The uploader's name.
    #[serde(default)]
    pub channel_title: Option<String>,
}

/// A video (`videos.list`).
#[derive(Debug, Default, Deserialize)]
pub struct Video {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its fields.
    #[serde(default)]
    pub snippet: VideoSnippet,
}

/// A channel (`channels.list`).
#[derive(Debug, Default, Deserialize)]
pub struct ChannelItem {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its name.
    #[serde(default)]
    pub snippet: Option<ChannelSnippet>,
    /// Its counts.
    #[serde(default)]
    pub statistics: Option<Statistics>,
}

/// A channel's name.
#[derive(Debug, Default, Deserialize)]
pub struct ChannelSnippet {
    /// The name.
    #[serde(default)]
    pub title: Option<String>,
}

/// A channel's counts (strings, as YouTube sends them).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Statistics {
    /// Subscribers.
    #[serde(default)]
    pub subscriber_count: Option<String>,
    /// Whether the owner hides the count.
    #[serde(default)]
    pub hidden_subscriber_count: Option<bool>,
}
