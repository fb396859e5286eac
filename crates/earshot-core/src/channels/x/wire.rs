//! X API v2 as it answers (see `fixtures/x/`): posts with `tweet.fields` and the `author_id`
//! expansion, users, the write answers and the problem bodies (`{"title","detail","status"}`).

use serde::Deserialize;

/// A list of posts.
#[derive(Debug, Default, Deserialize)]
pub struct Posts {
    /// The posts.
    #[serde(default)]
    pub data: Vec<Post>,
    /// Expanded objects.
    #[serde(default)]
    pub includes: Includes,
    /// Paging.
    #[serde(default)]
    pub meta: Meta,
}

/// Expansions.
#[derive(Debug, Default, Deserialize)]
pub struct Includes {
    /// Authors.
    #[serde(default)]
    pub users: Vec<User>,
}

/// Paging and ids.
#[derive(Debug, Default, Deserialize)]
pub struct Meta {
    /// The newest id in this answer.
    #[serde(default)]
    pub newest_id: Option<String>,
    /// The next page.
    #[serde(default)]
    pub next_token: Option<String>,
}

/// A post.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct Post {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its text.
    #[serde(default)]
    pub text: Option<String>,
    /// RFC 3339.
    #[serde(default)]
    pub created_at: Option<String>,
    /// The author.
    #[serde(default)]
    pub author_id: Option<String>,
    /// The conversation it is in.
    #[serde(default)]
    pub conversation_id: Option<String>,
    /// Language.
    #[serde(default)]
    pub lang: Option<String>,
    /// Counts.
    #[serde(default)]
    pub public_metrics: Option<PostMetrics>,
    /// What it replies to or quotes.
    #[serde(default)]
    pub referenced_tweets: Vec<Reference>,
}

/// A post's counts.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct PostMetrics {
    /// Reposts.
    #[serde(default)]
    pub retweet_count: Option<i64>,
    /// Replies.
    #[serde(default)]
    pub reply_count: Option<i64>,
    /// Likes.
    #[serde(default)]
    pub like_count: Option<i64>,
    /// Quotes.
    #[serde(default)]
    pub quote_count: Option<i64>,
}

/// `{"type":"replied_to","id":…}`.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct Reference {
    /// `replied_to`, `quoted`, `retweeted`.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// The post.
    #[serde(default)]
    pub id: Option<String>,
}

/// A user.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct User {
    /// Id.
    #[serde(default)]
    pub id: Option<String>,
    /// Handle without @.
    #[serde(default)]
    pub username: Option<String>,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// Verified.
    #[serde(default)]
    pub verified: Option<bool>,
    /// Counts.
    #[serde(default)]
    pub public_metrics: Option<UserMetrics>,
}

/// A user's counts.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct UserMetrics {
    /// Followers.
    #[serde(default)]
    pub followers_count: Option<i64>,
}

/// `{"data": …}` around one object.
#[derive(Debug, Default, Deserialize)]
pub struct One<T> {
    /// The object.
    pub data: T,
}

/// A created post (`POST /2/tweets`).
#[derive(Debug, Default, Deserialize)]
pub struct Created {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
}

/// A sent direct message.
#[derive(Debug, Default, Deserialize)]
pub struct SentDm {
    /// The conversation.
    #[serde(default)]
    pub dm_conversation_id: Option<String>,
    /// The message.
    #[serde(default)]
    pub dm_event_id: Option<String>,
}

/// An error answer (RFC 7807 problem) as X sends it.
#[derive(Debug, Default, Deserialize)]
pub struct Problem {
    /// Short title.
    #[serde(default)]
    pub title: Option<String>,
    /// What went wrong, in words.
    #[serde(default)]
    pub detail: Option<String>,
}

/// One message of the filtered stream: a post, its expansions and the rules it matched.
#[derive(Debug, Default, Deserialize)]
pub struct StreamMessage {
    /// The post.
    #[serde(default)]
    pub data: Option<Post>,
    /// Expanded objects.
    #[serde(default)]
    pub includes: Includes,
    /// The rules it matched.
    #[serde(default)]
    pub matching_rules: Vec<RuleRef>,
}

/// A rule a streamed post matched.
#[derive(Debug, Default, Deserialize)]
pub struct RuleRef {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its tag.
    #[serde(default)]
    pub tag: Option<String>,
}

/// The stream's rules as listed.
#[derive(Debug, Default, Deserialize)]
pub struct Rules {
    /// The rules.
    #[serde(default)]
    pub data: Vec<Rule>,
}

/// One rule.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct Rule {
    /// Its id.
    #[serde(default)]
    pub id: String,
    /// Its query.
    #[serde(default)]
    pub value: String,
    /// Its tag.
    #[serde(default)]
    pub tag: Option<String>,
}
