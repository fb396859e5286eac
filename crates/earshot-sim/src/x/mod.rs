//! A simulated X API v2 under `/x`, shaped like the fixtures in `fixtures/x/`: the owner's
//! mentions and recent search (`since_id`, `max_results`, next tokens; `author_id` expanded with
//! `public_metrics` and `verified`), the owner's own posts, `POST /2/tweets` (a reply to a post
//! that does not mention the owner is refused with X's 403 problem), direct messages, the OAuth
//! 2.0 PKCE login (`/i/oauth2/authorize` approves at once; `/2/oauth2/token`) and `/2/users/me`.
//! Every answer carries `x-rate-limit-limit`, `-remaining` and `-reset`.

mod api;
mod stream;

pub(crate) use api::routes;

use std::collections::HashMap;
use std::sync::{Mutex, RwLock};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::lock;

/// The owner's account.
pub const OWNER: &str = "brightsidecoffee";
/// Its id.
pub const OWNER_ID: &str = "1500000000000000001";
/// The app's client id the simulated X knows.
pub const CLIENT_ID: &str = "simXClientId";
/// The scripted post that does not mention the owner (search only: not answerable by API).
pub const CRITIC_POST: &str = "1800000000000000102";
/// The scripted mention.
pub const MENTION_POST: &str = "1800000000000000101";
/// The app's bearer token (OAuth 2.0 App-Only), which the filtered stream takes.
pub const APP_BEARER: &str = "simXAppBearerToken";

/// One post.
#[derive(Debug, Clone, Serialize)]
pub struct XPost {
    /// Its id.
    pub id: String,
    /// The author's id.
    pub author_id: String,
    /// Handle without @.
    pub username: String,
    /// Display name.
    pub name: String,
    /// Followers.
    pub followers: i64,
    /// Verified.
    pub verified: bool,
    /// Text.
    pub text: String,
    /// The post it replies to.
    pub reply_to: Option<String>,
    /// Seconds after start when it appears.
    pub offset_secs: i64,
    /// How long before start it was written.
    pub backdate_secs: i64,
    /// Posted now: dated now.
    pub emitted: bool,
    /// Fields merged into its JSON as they are.
    pub raw: Option<Value>,
}

pub(crate) struct XState {
    posts: RwLock<Vec<XPost>>,
    start: i64,
    started: Instant,
    reveal_all: bool,
    tokens: Mutex<std::collections::HashSet<String>>,
    refresh: Mutex<std::collections::HashSet<String>>,
    codes: Mutex<HashMap<String, String>>,
    next: Mutex<u64>,
    calls: Mutex<u64>,
    /// Direct messages sent: (to, text, event id, when).
    dms: Mutex<Vec<(String, String, String, i64)>>,
    /// The filtered stream's rules: (id, value, tag).
    rules: Mutex<Vec<(String, String, String)>>,
    /// Whether the owner's plan includes the filtered stream.
    stream_allowed: Mutex<bool>,
    /// Bumped when a post is made (the stream wakes).
    posted: tokio::sync::watch::Sender<u64>,
}

const SPAN: i64 = 8 * 3600;

#[allow(clippy::too_many_arguments)]
fn post(
    id: &str,
    author: (&str, &str, &str, i64, bool),
    text: &str,
    offset: i64,
    backdate: i64,
) -> XPost {
    XPost {
        id: id.into(),
        author_id: author.0.into(),
        username: author.1.into(),
        name: author.2.into(),
        followers: author.3,
        verified: author.4,
        text: text.into(),
        reply_to: None,
        offset_secs: offset,
        backdate_secs: backdate,
        emitted: false,
        raw: None,
    }
}

fn script() -> Vec<XPost> {
    vec![
        post(
            "1800000000000000100",
            ("2100000000000000011", "happy_hal", "Hal", 380, false),
            "Shoutout to @brightsidecoffee for the best oat latte on Division",
            0,
            3600,
        ),
        post(
            MENTION_POST,
            ("2100000000000000012", "jade_runs", "Jade", 2_100, false),
            "@brightsidecoffee my cold brew subscription was charged but never shipped. Help?",
            6,
            0,
        ),
        post(
            CRITIC_POST,
            (
                "2100000000000000013",
                "coffee_critic",
                "The Coffee Critic",
                240_000,
                true,
            ),
            "Brightside Coffee in Portland: overrated and slow. Two stars.",
            18,
            0,
        ),
    ]
}

impl XState {
    pub(crate) fn new(reveal_all: bool, start: i64, started: Instant) -> XState {
        XState {
            posts: RwLock::new(script()),
            start,
            started,
            reveal_all,
            tokens: Mutex::default(),
            refresh: Mutex::default(),
            codes: Mutex::default(),
            next: Mutex::new(0),
            calls: Mutex::new(0),
            dms: Mutex::default(),
            rules: Mutex::default(),
            stream_allowed: Mutex::new(true),
            posted: tokio::sync::watch::channel(0).0,
        }
    }

    pub(crate) fn set_stream_allowed(&self, allowed: bool) {
        *lock(&self.stream_allowed) = allowed;
    }

    fn elapsed(&self) -> i64 {
        self.started.elapsed().as_secs() as i64
    }

    fn created(&self, p: &XPost) -> i64 {
        let offset = if self.reveal_all && !p.emitted {
            p.offset_secs - SPAN
        } else {
            p.offset_secs
        };
        self.start + offset - p.backdate_secs
    }

    fn visible(&self) -> Vec<XPost> {
        let e = self.elapsed();
        self.posts
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .filter(|p| self.reveal_all || p.emitted || p.offset_secs <= e)
            .cloned()
            .collect()
    }

    fn seq(&self) -> u64 {
        let mut n = lock(&self.next);
        *n += 1;
        *n
    }

    fn push(&self, p: XPost) -> XPost {
        self.posts
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .push(p.clone());
        self.posted.send_modify(|n| *n += 1);
        p
    }

    /// What listening to the owner's mentions and the search for "Brightside" must store.
    pub(crate) fn truth(&self) -> std::collections::BTreeSet<(String, String)> {
        self.visible()
            .into_iter()
            .filter(|p| p.author_id != OWNER_ID)
            .filter(|p| p.text.to_lowercase().contains("brightside"))
            .map(|p| ("x".to_string(), p.id))
            .collect()
    }

    pub(crate) fn inject(&self, i: &InjectX) -> XPost {
        let n = self.seq();
        let username = i.handle.clone().unwrap_or_else(|| "visitor".into());
        self.push(XPost {
            id: format!("{}", 1_900_000_000_000_000_000u64 + n),
            author_id: format!("{}", 2_200_000_000_000_000_000u64 + n),
            name: username.clone(),
            username,
            followers: i.followers.unwrap_or(100),
            verified: i.verified,
            text: i.text.clone(),
            reply_to: None,
            offset_secs: self.elapsed(),
            backdate_secs: 0,
            emitted: true,
            raw: i.raw.clone(),
        })
    }
}

/// What `/_sim/post` takes for X.
#[derive(Debug, Clone, Deserialize)]
pub struct InjectX {
    /// The author's handle (no @).
    #[serde(default)]
    pub handle: Option<String>,
    /// Text (mention the owner with `@brightsidecoffee` to make it answerable by API).
    pub text: String,
    /// Followers.
    #[serde(default)]
    pub followers: Option<i64>,
    /// Verified.
    #[serde(default)]
    pub verified: bool,
    /// Fields merged into its JSON as they are.
    #[serde(default)]
    pub raw: Option<Value>,
}
