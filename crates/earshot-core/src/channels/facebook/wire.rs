//! The Graph API's Page objects exactly as they arrive (see `fixtures/facebook/`): posts of the
//! Page's feed and of `/tagged`, and comments. Everything may be missing; since v11 a comment's
//! `id` and `from` can be absent (Page Public Content Access), so the parser falls back to the
//! ids in `permalink_url`.

use serde::Deserialize;

/// Who wrote a post or comment.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct From {
    /// Their app-scoped id.
    #[serde(default)]
    pub id: Option<String>,
    /// Their name.
    #[serde(default)]
    pub name: Option<String>,
}

/// A `{"summary":{"total_count":N}}` edge.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Counted {
    /// The summary.
    #[serde(default)]
    pub summary: Option<Summary>,
}

/// `total_count`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Summary {
    /// How many.
    #[serde(default)]
    pub total_count: Option<i64>,
}

/// `{"count":N}` (shares).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Count {
    /// How many.
    #[serde(default)]
    pub count: Option<i64>,
}

/// A post on the Page's feed (the Page's own, or a visitor's), or one that tags the Page.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Post {
    /// `{page-id}_{post-id}`.
    #[serde(default)]
    pub id: Option<String>,
    /// Its text.
    #[serde(default)]
    pub message: Option<String>,
    /// When it was posted.
    #[serde(default)]
    pub created_time: Option<String>,
    /// When it last changed, which includes a new comment.
    #[serde(default)]
    pub updated_time: Option<String>,
    /// Its address.
    #[serde(default)]
    pub permalink_url: Option<String>,
    /// Who posted it.
    #[serde(default)]
    pub from: Option<From>,
    /// Comments, with `summary(true)`.
    #[serde(default)]
    pub comments: Option<Counted>,
    /// Reactions, with `summary(true)`.
    #[serde(default)]
    pub reactions: Option<Counted>,
    /// Shares.
    #[serde(default)]
    pub shares: Option<Count>,
}

/// An object known only by its id (a comment's `parent`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct IdOnly {
    /// The id.
    #[serde(default)]
    pub id: Option<String>,
}

/// A comment, or a reply to one.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Comment {
    /// `{post-id}_{comment-id}`.
    #[serde(default)]
    pub id: Option<String>,
    /// Its text.
    #[serde(default)]
    pub message: Option<String>,
    /// When it was written.
    #[serde(default)]
    pub created_time: Option<String>,
    /// Who wrote it.
    #[serde(default)]
    pub from: Option<From>,
    /// The comment it answers, for a reply.
    #[serde(default)]
    pub parent: Option<IdOnly>,
    /// Its address (`…/posts/P/?comment_id=C[&reply_comment_id=R]`).
    #[serde(default)]
    pub permalink_url: Option<String>,
    /// Likes.
    #[serde(default)]
    pub like_count: Option<i64>,
    /// Replies to it.
    #[serde(default)]
    pub comment_count: Option<i64>,
    /// Hidden by the Page.
    #[serde(default)]
    pub is_hidden: Option<bool>,
}

/// What `POST /{object}/comments` answers.
#[derive(Debug, Clone, Deserialize)]
pub struct Created {
    /// The new comment's id.
    pub id: String,
}

/// What the Send API answers (a private reply).
#[derive(Debug, Clone, Deserialize)]
pub struct SentMessage {
    /// The person's Page-scoped id.
    #[serde(default)]
    pub recipient_id: Option<String>,
    /// The message's id.
    pub message_id: String,
}

/// What `POST /{comment}?is_hidden=…` answers.
#[derive(Debug, Clone, Deserialize)]
pub struct Success {
    /// Whether it worked.
    #[serde(default)]
    pub success: bool,
}

/// A post's `updated_time` in an `?ids=` answer.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Updated {
    /// When it last changed.
    #[serde(default)]
    pub updated_time: Option<String>,
}
