//! A simulated Reddit under `/reddit`, shaped like the fixtures in `fixtures/reddit/`: listings
//! (`/r/{sub}/new`, `/r/{sub}/comments`, `/search`, `/message/inbox`, `/message/sent`,
//! `/user/{name}/comments`; `after` paging; `.json` for logged-out reads), `/user/{name}/about`
//! (karma), the installed-app OAuth (`/api/v1/authorize` approves at once and redirects;
//! `/api/v1/access_token` with the code or the refresh token), `/api/v1/me`, and the writes
//! `POST /api/comment` and `/api/compose` (`api_type=json` answers, `THREAD_LOCKED` and
//! `USER_DOESNT_EXIST` refusals). Every answer carries `x-ratelimit-used`, `-remaining` and
//! `-reset` (600 calls per 10-minute window).

mod api;
pub mod script;

use std::collections::HashSet;
use std::sync::{Mutex, RwLock};
use std::time::Instant;

use axum::routing::{get, post};
use axum::Router;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::lock;
use crate::social::SocialHandle;

/// The owner's Reddit account.
pub const ACCOUNT: &str = "brightsidecoffee";
/// The installed app's client id the simulated Reddit knows.
pub const CLIENT_ID: &str = "simRedditClient";
/// The subreddits the simulated owner watches.
pub const SUBREDDITS: [&str; 2] = ["Portland", "Coffee"];

/// One post (t3), comment (t1) or private message (t4).
#[derive(Debug, Clone, Serialize)]
pub struct RedditItem {
    /// `t1`, `t3`, `t4`.
    pub kind: String,
    /// Base-36 id.
    pub id: String,
    /// Subreddit (empty for messages).
    pub subreddit: String,
    /// Username.
    pub author: String,
    /// A post's title, a message's subject.
    pub title: Option<String>,
    /// Text.
    pub body: String,
    /// A comment's parent fullname.
    pub parent: Option<String>,
    /// Seconds after start when it appears.
    pub offset_secs: i64,
    /// How long before start it was written.
    pub backdate_secs: i64,
    /// In the owner's inbox as this type (`username_mention`, `message`).
    pub inbox: Option<String>,
    /// Fields merged into its JSON as they are.
    pub raw: Option<Value>,
    /// Posted now (`/_sim/post` or a write): dated now.
    pub emitted: bool,
}

impl RedditItem {
    /// `t1_…`.
    pub fn fullname(&self) -> String {
        format!("{}_{}", self.kind, self.id)
    }
}

pub(crate) struct RedditState {
    items: RwLock<Vec<RedditItem>>,
    start: i64,
    started: Instant,
    reveal_all: bool,
    tokens: Mutex<HashSet<String>>,
    refresh: Mutex<HashSet<String>>,
    codes: Mutex<HashSet<String>>,
    calls: Mutex<(u64, u64)>,
    next: Mutex<u64>,
}

/// Longer than the script: revealed all at once, it is dated this much earlier.
const SPAN: i64 = 8 * 3600;

impl RedditState {
    pub(crate) fn new(seed: u64, reveal_all: bool, start: i64, started: Instant) -> RedditState {
        RedditState {
            items: RwLock::new(script::script(seed)),
            start,
            started,
            reveal_all,
            tokens: Mutex::new(HashSet::new()),
            refresh: Mutex::new(HashSet::new()),
            codes: Mutex::new(HashSet::new()),
            calls: Mutex::new((0, 0)),
            next: Mutex::new(0),
        }
    }

    fn elapsed(&self) -> i64 {
        self.started.elapsed().as_secs() as i64
    }

    fn created(&self, i: &RedditItem) -> i64 {
        let offset = if self.reveal_all && !i.emitted {
            i.offset_secs - SPAN
        } else {
            i.offset_secs
        };
        self.start + offset - i.backdate_secs
    }

    fn visible(&self) -> Vec<RedditItem> {
        let e = self.elapsed();
        self.items
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .filter(|i| self.reveal_all || i.emitted || i.offset_secs <= e)
            .cloned()
            .collect()
    }

    fn seq(&self) -> u64 {
        let mut n = lock(&self.next);
        *n += 1;
        *n
    }

    /// What listening to the simulated subreddits, search and inbox must store.
    pub(crate) fn truth(&self) -> std::collections::BTreeSet<(String, String)> {
        self.visible()
            .into_iter()
            .filter(|i| i.author != ACCOUNT)
            .map(|i| ("reddit".to_string(), i.fullname()))
            .collect()
    }

    pub(crate) fn inject(&self, p: &InjectReddit) -> RedditItem {
        let n = self.seq();
        let kind = p.kind.clone().unwrap_or_else(|| "t1".into());
        let item = RedditItem {
            id: format!("sim{n:05}"),
            subreddit: if kind == "t4" {
                String::new()
            } else {
                p.subreddit
                    .clone()
                    .unwrap_or_else(|| script::SUBREDDIT.into())
            },
            author: p.handle.clone().unwrap_or_else(|| "visitor".into()),
            title: p.title.clone(),
            body: p.text.clone(),
            parent: if kind == "t1" {
                Some(p.parent.clone().unwrap_or_else(|| "t3_1brpost".into()))
            } else {
                None
            },
            offset_secs: self.elapsed(),
            backdate_secs: 0,
            inbox: p
                .inbox
                .clone()
                .or_else(|| (kind == "t4").then(|| "message".into())),
            raw: p.raw.clone(),
            emitted: true,
            kind,
        };
        self.items
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .push(item.clone());
        item
    }
}

/// What `/_sim/post` takes for Reddit.
#[derive(Debug, Clone, Deserialize)]
pub struct InjectReddit {
    /// `t1` (default), `t3`, `t4`.
    #[serde(default)]
    pub kind: Option<String>,
    /// The author.
    #[serde(default)]
    pub handle: Option<String>,
    /// A post's title or a message's subject.
    #[serde(default)]
    pub title: Option<String>,
    /// Text.
    pub text: String,
    /// Subreddit (default r/Portland).
    #[serde(default)]
    pub subreddit: Option<String>,
    /// A comment's parent (default the scripted post).
    #[serde(default)]
    pub parent: Option<String>,
    /// In the owner's inbox as (`username_mention`, `comment_reply`).
    #[serde(default)]
    pub inbox: Option<String>,
    /// Fields merged into its JSON as they are.
    #[serde(default)]
    pub raw: Option<Value>,
}

/// The Reddit routes.
pub(crate) fn routes() -> Router<SocialHandle> {
    Router::new()
        .route("/reddit/r/{sub}/{listing}", get(api::subreddit))
        .route("/reddit/search", get(api::search))
        .route("/reddit/search.json", get(api::search))
        .route("/reddit/message/{which}", get(api::message))
        .route("/reddit/user/{name}/{what}", get(api::user))
        .route("/reddit/api/v1/me", get(api::me))
        .route("/reddit/api/v1/authorize", get(api::authorize))
        .route("/reddit/api/v1/access_token", post(api::access_token))
        .route("/reddit/api/comment", post(api::comment))
        .route("/reddit/api/compose", post(api::compose))
}
