//! Instagram Graph API objects as they arrive (see `fixtures/instagram/`): the account's media,
//! media it is tagged in, comments with their replies, and business discovery.

use serde::Deserialize;

/// A photo, video or album.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Media {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its caption.
    #[serde(default)]
    pub caption: Option<String>,
    /// Comments on it.
    #[serde(default)]
    pub comments_count: Option<i64>,
    /// Likes.
    #[serde(default)]
    pub like_count: Option<i64>,
    /// Its address.
    #[serde(default)]
    pub permalink: Option<String>,
    /// When it was posted (`2021-08-13T08:25:28+0000`).
    #[serde(default)]
    pub timestamp: Option<String>,
    /// Who posted it (tagged media: someone else).
    #[serde(default)]
    pub username: Option<String>,
}

/// Who wrote a comment.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct IgFrom {
    /// Instagram-scoped id.
    #[serde(default)]
    pub id: Option<String>,
    /// Username.
    #[serde(default)]
    pub username: Option<String>,
}

/// A comment or a reply.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct IgComment {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its text.
    #[serde(default)]
    pub text: Option<String>,
    /// When.
    #[serde(default)]
    pub timestamp: Option<String>,
    /// The author's username.
    #[serde(default)]
    pub username: Option<String>,
    /// The author.
    #[serde(default)]
    pub from: Option<IgFrom>,
    /// The author (older field name).
    #[serde(default)]
    pub user: Option<IgFrom>,
    /// Likes.
    #[serde(default)]
    pub like_count: Option<i64>,
    /// Hidden by the account.
    #[serde(default)]
    pub hidden: Option<bool>,
    /// Replies to it.
    #[serde(default)]
    pub replies: Option<Replies>,
    /// The comment it answers (webhook shape).
    #[serde(default)]
    pub parent_id: Option<String>,
}

/// `{"data":[…]}` of replies.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Replies {
    /// The replies.
    #[serde(default)]
    pub data: Vec<IgComment>,
}

/// `GET /{ig-user}?fields=business_discovery.username(name){followers_count}`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Discovery {
    /// The other account, when it is a business or creator account.
    #[serde(default)]
    pub business_discovery: Option<Discovered>,
}

/// What business discovery tells.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Discovered {
    /// Followers.
    #[serde(default)]
    pub followers_count: Option<i64>,
}
