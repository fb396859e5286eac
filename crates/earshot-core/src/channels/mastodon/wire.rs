//! Mastodon's JSON, as the API sends it (the fixtures under `fixtures/mastodon` are real bodies).

use serde::Deserialize;

use super::DEFAULT_MAX_CHARS;

/// An account as the API gives it.
#[derive(Debug, Clone, Deserialize)]
pub struct Account {
    /// Instance-local id.
    pub id: String,
    /// `name` for local accounts, `name@domain` for remote ones.
    pub acct: String,
    /// Display name.
    #[serde(default)]
    pub display_name: String,
    /// Profile page.
    #[serde(default)]
    pub url: Option<String>,
    /// Followers.
    #[serde(default)]
    pub followers_count: Option<i64>,
}

/// A status (post) as the API gives it.
#[derive(Debug, Clone, Deserialize)]
pub struct Status {
    /// Instance-local id.
    pub id: String,
    /// RFC 3339.
    pub created_at: String,
    #[serde(default)]
    pub(super) in_reply_to_id: Option<String>,
    #[serde(default)]
    pub(super) visibility: Option<String>,
    #[serde(default)]
    pub(super) language: Option<String>,
    #[serde(default)]
    pub(super) url: Option<String>,
    #[serde(default)]
    pub(super) uri: Option<String>,
    #[serde(default)]
    pub(super) replies_count: Option<i64>,
    #[serde(default)]
    pub(super) reblogs_count: Option<i64>,
    #[serde(default)]
    pub(super) favourites_count: Option<i64>,
    /// HTML.
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub(super) spoiler_text: String,
    #[serde(default)]
    pub(super) reblog: Option<Box<Status>>,
    /// The author.
    pub account: Account,
}

/// A notification.
#[derive(Debug, Deserialize)]
pub struct Notification {
    /// Instance-local id.
    pub id: String,
    /// "mention", "favourite"...
    #[serde(rename = "type")]
    pub kind: String,
    /// The status, for mentions.
    #[serde(default)]
    pub status: Option<Status>,
}

#[derive(Debug, Deserialize)]
pub(super) struct SearchResults {
    #[serde(default)]
    pub(super) statuses: Vec<Status>,
}

/// What Earshot reads of `/api/v2/instance`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Instance {
    #[serde(default)]
    pub(super) configuration: InstanceConfig,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub(super) struct InstanceConfig {
    #[serde(default)]
    pub(super) urls: InstanceUrls,
    #[serde(default)]
    pub(super) statuses: StatusLimits,
    #[serde(default)]
    pub(super) timelines_access: Option<TimelinesAccess>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub(super) struct InstanceUrls {
    #[serde(default)]
    pub(super) streaming: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub(super) struct StatusLimits {
    #[serde(default)]
    pub(super) max_characters: Option<usize>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub(super) struct TimelinesAccess {
    #[serde(default)]
    pub(super) hashtag_feeds: Option<FeedAccess>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub(super) struct FeedAccess {
    #[serde(default)]
    pub(super) local: Option<String>,
}

impl Instance {
    /// The longest status the instance accepts.
    pub fn max_characters(&self) -> usize {
        self.configuration
            .statuses
            .max_characters
            .filter(|n| *n > 0)
            .unwrap_or(DEFAULT_MAX_CHARS)
    }

    /// Whether hashtag timelines can be read without a login (Mastodon 4.4+ may restrict them).
    pub fn public_hashtags(&self) -> bool {
        let access = self
            .configuration
            .timelines_access
            .as_ref()
            .and_then(|t| t.hashtag_feeds.as_ref())
            .and_then(|f| f.local.as_deref());
        !matches!(access, Some("authenticated" | "disabled"))
    }
}
