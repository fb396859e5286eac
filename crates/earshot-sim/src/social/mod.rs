//! The simulated open networks: a Mastodon instance under `/mastodon` and Bluesky under `/bsky`,
//! each with its REST/XRPC endpoints, its streams and its login, shaped like the fixtures in
//! the repository's `fixtures/{mastodon,bluesky}`.
//!
//! - Mastodon: `GET /api/v2/instance`, `GET /api/v1/timelines/tag/:tag`, `GET /api/v1/
//!   notifications`, `GET /api/v2/search`, `POST /api/v1/apps`, `GET /oauth/authorize` (approves
//!   at once and redirects with a code), `POST /oauth/token` (checks PKCE S256),
//!   `GET /api/v1/accounts/verify_credentials`, `POST /api/v1/statuses` (honours
//!   `Idempotency-Key`), the WebSocket `GET /api/v1/streaming` and the server-sent-event streams
//!   `/api/v1/streaming/hashtag` and `/api/v1/streaming/user/notification`.
//! - Bluesky: Jetstream `GET /subscribe` (WebSocket, with `cursor` replay), and XRPC
//!   `createSession`, `refreshSession`, `getProfiles`, `listNotifications`, `searchPosts`,
//!   `createRecord` (a repeated record key is refused), `chat.bsky.convo.getConvoForMembers`
//!   `getMessages` and `sendMessage` (all need the `atproto-proxy` header).
//!
//! Posts appear at their scripted offset, or at once through `POST /_sim/post` (which records the
//! instant it was emitted, for the latency benchmark). `POST /_sim/stream?net=…&up=false` drops
//! a network's streams and refuses new ones until `up=true`. Every write is recorded
//! (`GET /_sim/writes`).
//!
//! Files: `script` (the scripted posts), `mastodon` (REST and OAuth), `mastodon_stream`
//! (WebSocket and server-sent events), `bluesky` (Jetstream, XRPC, chat, PLC), `control`
//! ([`SocialHandle`]: what tests and the benchmarks steer, and the `/_sim` endpoints).

mod bluesky;
mod control;
mod mastodon;
mod mastodon_stream;
mod script;

pub use control::SocialHandle;
pub use script::script;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::Router;
use rand::Rng;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::sync::broadcast;

use crate::faults::{Fault, Faults};
use crate::lock;

/// The simulated owner's Mastodon account name.
pub const MASTODON_ACCOUNT: &str = "brightsidecoffee";
/// The simulated owner's Bluesky handle.
pub const BSKY_HANDLE: &str = "brightsidecoffee.bsky.social";
/// The simulated owner's Bluesky DID.
pub const BSKY_DID: &str = "did:plc:brightsidecoffeesim22222";
/// The app password the simulator accepts (any other non-empty one is refused).
pub const BSKY_APP_PASSWORD: &str = "sim-app-password";
/// The hashtag the simulated Mastodon posts carry.
pub const HASHTAG: &str = "brightsidecoffee";
/// A Bluesky author who does not accept direct messages.
pub const DM_CLOSED_HANDLE: &str = "nodms.bsky.social";

/// A simulated open network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Net {
    /// The Mastodon instance.
    Mastodon,
    /// Bluesky.
    Bluesky,
    /// The business's Facebook Page (writes only: see [`crate::presence`]).
    Facebook,
    /// The business's Instagram account (writes only).
    Instagram,
    /// The business's Google reviews (writes only).
    #[serde(rename = "google_reviews")]
    GoogleReviews,
    /// Reddit (see [`crate::reddit`]).
    Reddit,
    /// YouTube (writes only: see [`crate::presence`]).
    Youtube,
    /// X (see [`crate::x`]).
    X,
    /// The business's email inbox (see [`crate::mail`]).
    Email,
}

/// One post on a simulated open network.
#[derive(Debug, Clone, Serialize)]
pub struct SocialPost {
    /// Where.
    pub net: Net,
    /// Mastodon status id, or Bluesky record key.
    pub id: String,
    /// Author handle (no `@`).
    pub handle: String,
    /// Author's account id (Mastodon) or DID (Bluesky).
    pub author_id: String,
    /// Display name.
    pub display_name: String,
    /// Followers.
    pub followers: i64,
    /// Text.
    pub text: String,
    /// Seconds after start when it appears (timed reveal).
    pub offset_secs: i64,
    /// How long before start it was posted (for posts present at start).
    pub backdate_secs: i64,
    /// Addressed to the owner's account (mention or reply).
    pub to_owner: bool,
    /// A reply to the owner's own announcement (Bluesky).
    pub reply_to_owner_post: bool,
    /// Jetstream time (µs), set when it becomes visible.
    pub time_us: i64,
    /// Milliseconds since the simulator started when it was emitted (injected posts).
    pub emitted_ms: Option<u128>,
    /// Fields merged as they are into what the network sends for it (hostile-input tests).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<Value>,
}

/// Merges `raw` over `v`, objects into objects, anything else replacing what was there: fields
/// arrive exactly as a hostile or broken server would send them.
pub(crate) fn merge_raw(mut v: Value, raw: Option<&Value>) -> Value {
    fn go(v: &mut Value, raw: &Value) {
        match (v, raw) {
            (Value::Object(o), Value::Object(r)) => {
                for (k, x) in r {
                    match o.get_mut(k) {
                        Some(slot) if slot.is_object() && x.is_object() => go(slot, x),
                        _ => {
                            o.insert(k.clone(), x.clone());
                        }
                    }
                }
            }
            (slot, x) => *slot = x.clone(),
        }
    }
    if let Some(r) = raw {
        go(&mut v, r);
    }
    v
}

impl SocialPost {
    /// The `at://` uri (Bluesky) or the status id (Mastodon): the engine's external id.
    pub fn external_id(&self) -> String {
        match self.net {
            Net::Bluesky => format!("at://{}/app.bsky.feed.post/{}", self.author_id, self.id),
            _ => self.id.clone(),
        }
    }
    /// Content id (deterministic from the id).
    pub fn cid(&self) -> String {
        format!("bafyreisim{}", self.id.to_ascii_lowercase())
    }
}

/// The owner's own announcement on Bluesky, which simulated customers reply to.
pub fn owner_post_uri() -> String {
    format!("at://{BSKY_DID}/app.bsky.feed.post/3lownerpost22")
}
const OWNER_POST_CID: &str = "bafyreisimownerpost";

/// One write the simulator received.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Write {
    /// Which network.
    pub net: Net,
    /// Endpoint path.
    pub path: String,
    /// `Idempotency-Key`, when sent.
    pub idempotency_key: Option<String>,
    /// `atproto-proxy`, when sent.
    pub proxy: Option<String>,
    /// The request body (JSON, or form fields as JSON).
    pub body: Value,
    /// Whether the simulator accepted it as a new write (false: refused or a repeat).
    pub accepted: bool,
}

struct Social {
    posts: RwLock<Vec<SocialPost>>,
    announce: broadcast::Sender<usize>,
    kick: broadcast::Sender<Net>,
    down: Mutex<HashSet<Net>>,
    writes: Mutex<Vec<Write>>,
    codes: Mutex<HashMap<String, (String, String)>>,
    tokens: Mutex<HashSet<String>>,
    idempotent: Mutex<HashMap<String, Value>>,
    rkeys: Mutex<HashSet<String>>,
    /// The records created, by record key (for `getRecord`).
    records: Mutex<HashMap<String, Value>>,
    next_id: Mutex<u64>,
    start: i64,
    started: Instant,
    reveal_all: bool,
    base: Mutex<String>,
    open_streams: tokio::sync::watch::Sender<HashMap<Net, usize>>,
    no_websocket: Mutex<bool>,
    expired: Mutex<HashSet<String>>,
    hashtags_need_login: Mutex<bool>,
    anonymous_streaming: Mutex<bool>,
    faults: Mutex<Option<Arc<Faults>>>,
    messages: Mutex<HashMap<String, Vec<Value>>>,
    /// Unrelated posts per second on every Jetstream connection (the rest of the network).
    firehose: Mutex<u32>,
    /// Jetstream bytes sent, and the JSON they carried.
    traffic: tokio::sync::watch::Sender<Traffic>,
    /// The Page, the Instagram account and the reviews.
    presence: crate::presence::Presence,
    /// Reddit.
    reddit: crate::reddit::RedditState,
    /// X.
    x: crate::x::XState,
    /// The mailbox.
    mail: Arc<crate::mail::MailState>,
}

/// What the Jetstream endpoint has sent: bytes on the wire, and the bytes of JSON they carried
/// (equal when uncompressed).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct Traffic {
    /// Bytes of WebSocket payload sent.
    pub wire_bytes: u64,
    /// Bytes of the JSON frames those carried.
    pub json_bytes: u64,
    /// Frames sent.
    pub frames: u64,
}

/// Counts a stream connection while it lives.
struct Open(Arc<Social>, Net);

impl Open {
    fn new(s: &Arc<Social>, net: Net) -> Open {
        s.open_streams
            .send_modify(|m| *m.entry(net).or_default() += 1);
        Open(s.clone(), net)
    }
}

impl Drop for Open {
    fn drop(&mut self) {
        let net = self.1;
        self.0
            .open_streams
            .send_modify(|m| *m.entry(net).or_default() -= 1);
    }
}

impl Social {
    fn stream_fault(&self, net: Net) -> Fault {
        let target = match net {
            Net::Mastodon => "mastodon",
            Net::Bluesky => "bluesky",
            Net::Facebook => "facebook",
            Net::Instagram => "instagram",
            Net::GoogleReviews => "google",
            Net::Reddit => "reddit",
            Net::Youtube => "youtube",
            Net::X => "x",
            Net::Email => "email",
        };
        lock(&self.faults)
            .as_ref()
            .map(|f| f.peek(target))
            .unwrap_or(Fault::None)
    }

    fn elapsed(&self) -> i64 {
        self.started.elapsed().as_secs() as i64
    }

    /// Posts announced so far (a post is announced once its time has come; `time_us` is set then).
    fn visible(&self, net: Net) -> Vec<SocialPost> {
        self.posts
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .filter(|p| p.net == net && p.time_us != 0)
            .cloned()
            .collect()
    }

    fn created_at(&self, p: &SocialPost) -> i64 {
        self.start + p.offset_secs - p.backdate_secs
    }

    /// Announces the posts whose time has come (scripted ones at their offset, injected ones at
    /// once), stamping each with a strictly increasing Jetstream `time_us`.
    fn tick(&self) {
        let elapsed = self.elapsed();
        let mut posts = self.posts.write().unwrap_or_else(|p| p.into_inner());
        let mut last = posts.iter().map(|p| p.time_us).max().unwrap_or(0);
        for i in 0..posts.len() {
            let p = &mut posts[i];
            let due = self.reveal_all || p.offset_secs <= elapsed || p.emitted_ms.is_some();
            if p.time_us != 0 || !due {
                continue;
            }
            last = chrono::Utc::now().timestamp_micros().max(last + 1);
            p.time_us = last;
            let _ = self.announce.send(i);
        }
    }

    fn authorized(&self, headers: &HeaderMap) -> bool {
        let token = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        lock(&self.tokens).contains(token)
    }

    fn record(&self, w: Write) {
        lock(&self.writes).push(w);
    }

    fn new_token(&self, prefix: &str) -> String {
        let mut n = lock(&self.next_id);
        *n += 1;
        let t = format!("{prefix}-{:016x}", rand::thread_rng().gen::<u64>() ^ *n);
        lock(&self.tokens).insert(t.clone());
        t
    }
}

/// A stable, well-formed `did:plc` for a handle.
pub fn did_for(handle: &str) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut h: u64 = 0xcbf29ce484222325;
    for b in handle.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    let mut s = String::from("did:plc:");
    let mut x = h;
    for i in 0..24 {
        if i == 12 {
            x = h.rotate_left(29) ^ 0x9e3779b97f4a7c15;
        }
        s.push(ALPHABET[(x & 31) as usize] as char);
        x >>= 5;
    }
    s
}

/// The routes of both networks.
pub fn routes(h: SocialHandle) -> Router {
    Router::new()
        .route("/mastodon/api/v2/instance", get(mastodon::m_instance))
        .route("/mastodon/api/v1/timelines/tag/{tag}", get(mastodon::m_tag))
        .route("/mastodon/tags/{file}", get(mastodon::m_tag_rss))
        .route(
            "/mastodon/api/v1/notifications",
            get(mastodon::m_notifications),
        )
        .route("/mastodon/api/v2/search", get(mastodon::m_search))
        .route("/mastodon/api/v1/apps", post(mastodon::m_apps))
        .route("/mastodon/oauth/authorize", get(mastodon::m_authorize))
        .route("/mastodon/oauth/token", post(mastodon::m_token))
        .route(
            "/mastodon/api/v1/accounts/verify_credentials",
            get(mastodon::m_me),
        )
        .route("/mastodon/api/v1/statuses", post(mastodon::m_post))
        .route("/mastodon/api/v1/streaming", get(mastodon_stream::m_ws))
        .route(
            "/mastodon/api/v1/streaming/hashtag",
            get(mastodon_stream::m_sse_tag),
        )
        .route(
            "/mastodon/api/v1/streaming/user/notification",
            get(mastodon_stream::m_sse_user),
        )
        .route("/bsky/subscribe", get(bluesky::b_jetstream))
        .route(
            "/bsky/xrpc/com.atproto.server.createSession",
            post(bluesky::b_create_session),
        )
        .route(
            "/bsky/xrpc/com.atproto.server.refreshSession",
            post(bluesky::b_refresh),
        )
        .route(
            "/bsky/xrpc/app.bsky.actor.getProfiles",
            get(bluesky::b_profiles),
        )
        .route(
            "/bsky/xrpc/com.atproto.identity.resolveHandle",
            get(bluesky::b_resolve_handle),
        )
        .route(
            "/bsky/xrpc/app.bsky.notification.listNotifications",
            get(bluesky::b_notifications),
        )
        .route(
            "/bsky/xrpc/app.bsky.feed.searchPosts",
            get(bluesky::b_search),
        )
        .route(
            "/bsky/xrpc/com.atproto.repo.createRecord",
            post(bluesky::b_create_record),
        )
        .route(
            "/bsky/xrpc/com.atproto.repo.getRecord",
            get(bluesky::b_get_record),
        )
        .route("/plc/{did}", get(bluesky::plc_document))
        .route(
            "/bsky/xrpc/chat.bsky.convo.getConvoForMembers",
            get(bluesky::b_convo),
        )
        .route(
            "/bsky/xrpc/chat.bsky.convo.getMessages",
            get(bluesky::b_messages),
        )
        .route(
            "/bsky/xrpc/chat.bsky.convo.sendMessage",
            post(bluesky::b_send_message),
        )
        .merge(crate::presence::graph_routes())
        .merge(crate::presence::google_routes())
        .merge(crate::reddit::routes())
        .merge(crate::presence::youtube_routes())
        .merge(crate::x::routes())
        .route("/_sim/post", post(control::inject))
        .route("/_sim/stream", post(control::set_stream))
        .route("/_sim/writes", get(control::writes))
        .route("/_sim/social", get(control::social_posts))
        .route("/_sim/traffic", get(control::traffic))
        .with_state(h)
}

type S = State<SocialHandle>;

fn iso(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S.000Z")
        .to_string()
}

fn esc(s: &str) -> String {
    html_escape::encode_text(s).into_owned()
}
