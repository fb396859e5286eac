//! Reddit's listings exactly as they arrive (see `fixtures/reddit/`): `{"kind":"Listing",
//! "data":{"after":…,"children":[{"kind":"t1"|"t3"|"t4","data":{…}}]}}`, with `raw_json=1` so
//! text comes unescaped. Everything may be missing.

use serde::Deserialize;

/// A listing.
#[derive(Debug, Default, Deserialize)]
pub struct Listing {
    /// The page.
    #[serde(default)]
    pub data: ListingData,
}

/// A listing's page.
#[derive(Debug, Default, Deserialize)]
pub struct ListingData {
    /// The next page's cursor.
    #[serde(default)]
    pub after: Option<String>,
    /// The things.
    #[serde(default)]
    pub children: Vec<Thing>,
}

/// A comment (t1), post (t3) or message (t4).
#[derive(Debug, Default, Deserialize)]
pub struct Thing {
    /// `t1`, `t3`, `t4`.
    #[serde(default)]
    pub kind: String,
    /// Its fields.
    #[serde(default)]
    pub data: ThingData,
}

/// The fields Earshot reads of any thing.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ThingData {
    /// Base-36 id.
    #[serde(default)]
    pub id: Option<String>,
    /// Fullname: `t1_…`.
    #[serde(default)]
    pub name: Option<String>,
    /// The author's username (`[deleted]` when gone).
    #[serde(default)]
    pub author: Option<String>,
    /// Seconds (a float).
    #[serde(default)]
    pub created_utc: Option<f64>,
    /// A post's title.
    #[serde(default)]
    pub title: Option<String>,
    /// A self post's text (markdown).
    #[serde(default)]
    pub selftext: Option<String>,
    /// A comment's or message's text (markdown).
    #[serde(default)]
    pub body: Option<String>,
    /// A link post's address.
    #[serde(default)]
    pub url: Option<String>,
    /// `/r/…/comments/…/`.
    #[serde(default)]
    pub permalink: Option<String>,
    /// A message's or inbox comment's context link.
    #[serde(default)]
    pub context: Option<String>,
    /// The subreddit's name.
    #[serde(default)]
    pub subreddit: Option<String>,
    /// Score.
    #[serde(default)]
    pub score: Option<i64>,
    /// Comments on a post.
    #[serde(default)]
    pub num_comments: Option<i64>,
    /// What a comment answers (`t1_…` or `t3_…`).
    #[serde(default)]
    pub parent_id: Option<String>,
    /// The post a comment is under (`t3_…`).
    #[serde(default)]
    pub link_id: Option<String>,
    /// That post's title.
    #[serde(default)]
    pub link_title: Option<String>,
    /// A message's subject.
    #[serde(default)]
    pub subject: Option<String>,
    /// Inbox item type: `username_mention`, `comment_reply`, `post_reply`, …
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// A sent message's recipient.
    #[serde(default)]
    pub dest: Option<String>,
}

/// `GET /user/{name}/about`.
#[derive(Debug, Default, Deserialize)]
pub struct About {
    /// The account.
    #[serde(default)]
    pub data: AboutData,
}

/// Karma.
#[derive(Debug, Default, Deserialize)]
pub struct AboutData {
    /// Everything.
    #[serde(default)]
    pub total_karma: Option<i64>,
    /// From posts.
    #[serde(default)]
    pub link_karma: Option<i64>,
    /// From comments.
    #[serde(default)]
    pub comment_karma: Option<i64>,
}

/// What `POST /api/comment` and `/api/compose` answer with `api_type=json`.
#[derive(Debug, Default, Deserialize)]
pub struct ApiAnswer {
    /// The answer.
    #[serde(default)]
    pub json: ApiJson,
}

/// Errors (`[["THREAD_LOCKED","that thread is locked","parent"]]`) and what was made.
#[derive(Debug, Default, Deserialize)]
pub struct ApiJson {
    /// Refusals.
    #[serde(default)]
    pub errors: Vec<Vec<serde_json::Value>>,
    /// What was made.
    #[serde(default)]
    pub data: Option<ApiData>,
}

/// The things made.
#[derive(Debug, Default, Deserialize)]
pub struct ApiData {
    /// The new comment.
    #[serde(default)]
    pub things: Vec<Thing>,
}
