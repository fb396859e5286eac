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

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use tokio::sync::broadcast;

use crate::faults::{Fault, Faults, Sent, StreamFaults};
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
}

impl SocialPost {
    /// The `at://` uri (Bluesky) or the status id (Mastodon): the engine's external id.
    pub fn external_id(&self) -> String {
        match self.net {
            Net::Mastodon => self.id.clone(),
            Net::Bluesky => format!("at://{}/app.bsky.feed.post/{}", self.author_id, self.id),
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

const M_OPENING: &[(&str, &str, i64, &str, i64, i64, bool)] = &[
    ("jess_brews", "Jess", 850, "@brightsidecoffee my order #1234 arrived with the bag split open and beans all over the box. Not happy.", 0, 15 * 60, true),
    ("morningperson", "Morning Person", 120, "Loving the new #brightsidecoffee seasonal blend, my morning is saved ☕", 0, 2 * 3600, false),
    ("oatlatte", "Oat Latte", 64, "Hey @brightsidecoffee do you have oat milk at the Division St café?", 20, 0, true),
    ("foodcritic", "The Food Critic", 182_000, "Three weeks and still no refund from #brightsidecoffee. Support never answers. Avoid.", 40, 0, false),
];
/// Handle, name, followers, text, offset, backdate, addressed to the owner, replies to the
/// owner's post.
type BskyOpening = (
    &'static str,
    &'static str,
    i64,
    &'static str,
    i64,
    i64,
    bool,
    bool,
);
const B_OPENING: &[BskyOpening] = &[
    (
        "dana.bsky.social",
        "Dana",
        2_300,
        "@brightsidecoffee.bsky.social the app charged me twice for one order, please fix this!",
        0,
        10 * 60,
        true,
        false,
    ),
    (
        "pdxeats.bsky.social",
        "PDX Eats",
        540,
        "Best flat white in Portland is at Brightside Coffee, no contest.",
        0,
        3600,
        false,
        false,
    ),
    (
        "curious.bsky.social",
        "Curious",
        210,
        "Will the new café have a drive-through?",
        30,
        0,
        true,
        true,
    ),
    (
        "bigvoice.bsky.social",
        "Big Voice",
        96_000,
        "Brightside Coffee customer service is a joke. Two hours on hold and nobody picked up.",
        60,
        0,
        false,
        false,
    ),
];
const FILLER: &[&str] = &[
    "Had a great cortado at Brightside Coffee this morning.",
    "Brightside Coffee cold brew is the best thing about summer.",
    "Brightside Coffee got my order wrong again, disappointing.",
    "Is Brightside Coffee open on Sundays?",
    "Working from Brightside Coffee today, decent wifi.",
];
const NAMES: &[&str] = &[
    "ana", "dev", "quiet", "bean", "mochi", "walker", "tealeaf", "fika",
];

/// The scripted posts of both networks for a seed.
pub fn script(seed: u64, count: Option<usize>) -> Vec<SocialPost> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x50c1a1);
    let mut out = Vec::new();
    let cap = count.unwrap_or(usize::MAX);
    let mid_base: u64 = 113_000_000_000_000_000 + rng.gen_range(0..1_000_000_000);
    let mut m = 0usize;
    for (handle, name, followers, text, offset, backdate, to_owner) in M_OPENING.iter().copied() {
        if m >= cap {
            break;
        }
        out.push(SocialPost {
            net: Net::Mastodon,
            id: (mid_base + m as u64 * 1000).to_string(),
            handle: handle.into(),
            author_id: format!("{}", 1000 + m),
            display_name: name.into(),
            followers,
            text: text.into(),
            offset_secs: offset,
            backdate_secs: backdate,
            to_owner,
            reply_to_owner_post: false,
            time_us: 0,
            emitted_ms: None,
        });
        m += 1;
    }
    let mut b = 0usize;
    for (handle, name, followers, text, offset, backdate, to_owner, reply) in
        B_OPENING.iter().copied()
    {
        if b >= cap {
            break;
        }
        out.push(SocialPost {
            net: Net::Bluesky,
            id: format!("3lsim{seed:04}{b:04}"),
            handle: handle.into(),
            author_id: did_for(handle),
            display_name: name.into(),
            followers,
            text: text.into(),
            offset_secs: offset,
            backdate_secs: backdate,
            to_owner,
            reply_to_owner_post: reply,
            time_us: 0,
            emitted_ms: None,
        });
        b += 1;
    }
    let per_net = count.unwrap_or(12);
    let mut offset = 90 + rng.gen_range(0..20);
    while m < per_net || b < per_net {
        let text = FILLER.choose(&mut rng).copied().unwrap_or(FILLER[0]);
        let name = NAMES.choose(&mut rng).copied().unwrap_or("anon");
        let followers = rng.gen_range(5..3_000);
        if m < per_net {
            out.push(SocialPost {
                net: Net::Mastodon,
                id: (mid_base + m as u64 * 1000).to_string(),
                handle: format!("{name}{m}"),
                author_id: format!("{}", 1000 + m),
                display_name: name.into(),
                followers,
                text: format!("{text} #{HASHTAG}"),
                offset_secs: offset,
                backdate_secs: 0,
                to_owner: false,
                reply_to_owner_post: false,
                time_us: 0,
                emitted_ms: None,
            });
            m += 1;
        }
        if b < per_net {
            let handle = format!("{name}{b}.bsky.social");
            out.push(SocialPost {
                net: Net::Bluesky,
                id: format!("3lsim{seed:04}{b:04}"),
                author_id: did_for(&handle),
                handle,
                display_name: name.into(),
                followers,
                text: text.into(),
                offset_secs: offset + 7,
                backdate_secs: 0,
                to_owner: false,
                reply_to_owner_post: false,
                time_us: 0,
                emitted_ms: None,
            });
            b += 1;
        }
        offset += rng.gen_range(30..90);
    }
    // Announce in time order; posts present at start first.
    out.sort_by_key(|p| (p.offset_secs, -p.backdate_secs));
    out
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

/// Shared handle to the social networks' state.
#[derive(Clone)]
pub struct SocialHandle(Arc<Social>);

impl SocialHandle {
    /// Starts the networks: `reveal_all` shows every scripted post at once.
    pub fn new(
        seed: u64,
        count: Option<usize>,
        reveal_all: bool,
        start: i64,
        started: Instant,
    ) -> SocialHandle {
        let (announce, _) = broadcast::channel(4096);
        let (kick, _) = broadcast::channel(16);
        let s = Arc::new(Social {
            posts: RwLock::new(script(seed, count)),
            announce,
            kick,
            down: Mutex::new(HashSet::new()),
            writes: Mutex::new(Vec::new()),
            codes: Mutex::new(HashMap::new()),
            tokens: Mutex::new(HashSet::new()),
            idempotent: Mutex::new(HashMap::new()),
            rkeys: Mutex::new(HashSet::new()),
            records: Mutex::new(HashMap::new()),
            next_id: Mutex::new(0),
            start,
            started,
            reveal_all,
            base: Mutex::new(String::new()),
            open_streams: tokio::sync::watch::channel(HashMap::new()).0,
            no_websocket: Mutex::new(false),
            expired: Mutex::new(HashSet::new()),
            hashtags_need_login: Mutex::new(false),
            anonymous_streaming: Mutex::new(false),
            faults: Mutex::new(None),
            messages: Mutex::new(HashMap::new()),
        });
        s.tick();
        let weak = Arc::downgrade(&s);
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_millis(100));
            loop {
                every.tick().await;
                match weak.upgrade() {
                    Some(s) => s.tick(),
                    None => return,
                }
            }
        });
        SocialHandle(s)
    }

    /// Connects the fault switchboard: the streams apply their network's stream faults, and a
    /// fault set on a network drops its open streams so the reconnection meets it.
    pub fn set_faults(&self, faults: Arc<Faults>) {
        let weak = Arc::downgrade(&self.0);
        faults.on_change(move |target| {
            let Some(s) = weak.upgrade() else { return };
            let net = match target {
                "mastodon" => Net::Mastodon,
                "bluesky" => Net::Bluesky,
                _ => return,
            };
            let _ = s.kick.send(net);
        });
        *lock(&self.0.faults) = Some(faults);
    }

    /// Records the simulator's address (for stream URLs in the instance description).
    pub fn set_base(&self, base: &str) {
        *lock(&self.0.base) = base.to_string();
    }

    /// Every scripted or injected post so far (visible or not).
    pub fn posts(&self) -> Vec<SocialPost> {
        self.0
            .posts
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Every write received.
    pub fn writes(&self) -> Vec<Write> {
        lock(&self.0.writes).clone()
    }

    /// Posts a new post now and streams it; returns it.
    pub fn inject(
        &self,
        net: Net,
        handle: &str,
        text: &str,
        followers: i64,
        to_owner: bool,
    ) -> SocialPost {
        self.post_now(net, handle, text, followers, to_owner, false)
    }

    fn post_now(
        &self,
        net: Net,
        handle: &str,
        text: &str,
        followers: i64,
        to_owner: bool,
        reply_to_owner_post: bool,
    ) -> SocialPost {
        let s = &self.0;
        let mut n = lock(&s.next_id);
        *n += 1;
        let seq = *n;
        drop(n);
        let p = SocialPost {
            net,
            id: match net {
                Net::Mastodon => (114_000_000_000_000_000u64 + seq).to_string(),
                Net::Bluesky => format!("3linj{seq:08}"),
            },
            handle: handle.to_string(),
            author_id: match net {
                Net::Mastodon => format!("{}", 500_000 + seq),
                Net::Bluesky => did_for(handle),
            },
            display_name: handle.split('.').next().unwrap_or(handle).to_string(),
            followers,
            text: text.to_string(),
            offset_secs: s.elapsed(),
            backdate_secs: 0,
            to_owner,
            reply_to_owner_post,
            time_us: 0,
            emitted_ms: Some(s.started.elapsed().as_millis()),
        };
        let index = {
            let mut posts = s.posts.write().unwrap_or_else(|p| p.into_inner());
            posts.push(p);
            posts.len() - 1
        };
        s.tick();
        s.posts.read().unwrap_or_else(|p| p.into_inner())[index].clone()
    }

    /// A Bluesky reply to the owner's own announcement (no words that match, no @mention).
    pub fn inject_reply_to_owner(&self, handle: &str, text: &str) -> SocialPost {
        self.post_now(Net::Bluesky, handle, text, 10, true, true)
    }

    /// Makes the Mastodon instance refuse WebSocket upgrades (as behind a proxy that does not
    /// pass them), leaving server-sent events.
    pub fn refuse_mastodon_websocket(&self, refuse: bool) {
        *lock(&self.0.no_websocket) = refuse;
    }

    /// Lets streaming work without an access token, as Mastodon did before 4.2.0. By default
    /// the simulated instance behaves like 4.2 and later: the WebSocket and the server-sent
    /// event streams answer 401 `Missing access token` to a client with no token.
    pub fn allow_anonymous_streaming(&self, yes: bool) {
        *lock(&self.0.anonymous_streaming) = yes;
    }

    /// Makes hashtag timelines (and their streams) need a login, as Mastodon 4.4 allows; the
    /// public `/tags/:tag.rss` feed stays open.
    pub fn hashtags_need_login(&self, yes: bool) {
        *lock(&self.0.hashtags_need_login) = yes;
    }

    /// Expires every Bluesky access token (refresh tokens stay valid).
    pub fn expire_bluesky_sessions(&self) {
        let mut tokens = lock(&self.0.tokens);
        let mut expired = lock(&self.0.expired);
        tokens.retain(|t| {
            let access = t.starts_with("bsky-access");
            if access {
                expired.insert(t.clone());
            }
            !access
        });
    }

    /// Waits until at least `n` stream connections to `net` are open (a closed server-sent event
    /// stream is only noticed at its next write, so counts can lag behind).
    pub async fn wait_streams_at_least(&self, net: Net, n: usize) {
        let mut rx = self.0.open_streams.subscribe();
        let _ = rx
            .wait_for(|m| m.get(&net).copied().unwrap_or(0) >= n)
            .await;
    }

    /// Waits until exactly `n` stream connections to `net` are open.
    pub async fn wait_streams(&self, net: Net, n: usize) {
        let mut rx = self.0.open_streams.subscribe();
        let _ = rx
            .wait_for(|m| m.get(&net).copied().unwrap_or(0) == n)
            .await;
    }

    /// Drops a network's streams and refuses new ones (`up = false`), or lets them back.
    pub fn set_stream(&self, net: Net, up: bool) {
        if up {
            lock(&self.0.down).remove(&net);
        } else {
            lock(&self.0.down).insert(net);
            let _ = self.0.kick.send(net);
        }
    }
}

/// The routes of both networks.
pub fn routes(h: SocialHandle) -> Router {
    Router::new()
        .route("/mastodon/api/v2/instance", get(m_instance))
        .route("/mastodon/api/v1/timelines/tag/{tag}", get(m_tag))
        .route("/mastodon/tags/{file}", get(m_tag_rss))
        .route("/mastodon/api/v1/notifications", get(m_notifications))
        .route("/mastodon/api/v2/search", get(m_search))
        .route("/mastodon/api/v1/apps", post(m_apps))
        .route("/mastodon/oauth/authorize", get(m_authorize))
        .route("/mastodon/oauth/token", post(m_token))
        .route("/mastodon/api/v1/accounts/verify_credentials", get(m_me))
        .route("/mastodon/api/v1/statuses", post(m_post))
        .route("/mastodon/api/v1/streaming", get(m_ws))
        .route("/mastodon/api/v1/streaming/hashtag", get(m_sse_tag))
        .route(
            "/mastodon/api/v1/streaming/user/notification",
            get(m_sse_user),
        )
        .route("/bsky/subscribe", get(b_jetstream))
        .route(
            "/bsky/xrpc/com.atproto.server.createSession",
            post(b_create_session),
        )
        .route(
            "/bsky/xrpc/com.atproto.server.refreshSession",
            post(b_refresh),
        )
        .route("/bsky/xrpc/app.bsky.actor.getProfiles", get(b_profiles))
        .route(
            "/bsky/xrpc/com.atproto.identity.resolveHandle",
            get(b_resolve_handle),
        )
        .route(
            "/bsky/xrpc/app.bsky.notification.listNotifications",
            get(b_notifications),
        )
        .route("/bsky/xrpc/app.bsky.feed.searchPosts", get(b_search))
        .route(
            "/bsky/xrpc/com.atproto.repo.createRecord",
            post(b_create_record),
        )
        .route("/bsky/xrpc/com.atproto.repo.getRecord", get(b_get_record))
        .route("/plc/{did}", get(plc_document))
        .route(
            "/bsky/xrpc/chat.bsky.convo.getConvoForMembers",
            get(b_convo),
        )
        .route("/bsky/xrpc/chat.bsky.convo.getMessages", get(b_messages))
        .route(
            "/bsky/xrpc/chat.bsky.convo.sendMessage",
            post(b_send_message),
        )
        .route("/_sim/post", post(inject))
        .route("/_sim/stream", post(set_stream))
        .route("/_sim/writes", get(writes))
        .route("/_sim/social", get(social_posts))
        .with_state(h)
}

type S = State<SocialHandle>;

fn iso(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S.000Z")
        .to_string()
}

fn unauthorized_m() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        Json(json!({"error": "The access token is invalid"})),
    )
        .into_response()
}

/// How Bluesky refuses a call: 400 ExpiredToken for an access token past its time, 401 otherwise.
fn xrpc_unauthorized(s: &Social, headers: &HeaderMap) -> Response {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if lock(&s.expired).contains(token) {
        xrpc_err(StatusCode::BAD_REQUEST, "ExpiredToken", "Token has expired")
    } else {
        xrpc_err(
            StatusCode::UNAUTHORIZED,
            "AuthenticationRequired",
            "Authentication Required",
        )
    }
}

fn xrpc_err(status: StatusCode, error: &str, message: &str) -> Response {
    (status, Json(json!({"error": error, "message": message}))).into_response()
}

fn esc(s: &str) -> String {
    html_escape::encode_text(s).into_owned()
}

fn m_account(s: &Social, p: &SocialPost) -> Value {
    let host = host_of(&lock(&s.base));
    json!({
        "id": p.author_id, "username": p.handle, "acct": p.handle, "display_name": p.display_name,
        "locked": false, "bot": false, "discoverable": true, "group": false,
        "created_at": "2024-01-01T00:00:00.000Z", "note": "",
        "url": format!("http://{host}/@{}", p.handle),
        "avatar": format!("http://{host}/avatars/original/missing.png"),
        "followers_count": p.followers, "following_count": 10, "statuses_count": 42,
        "emojis": [], "fields": []
    })
}

fn host_of(base: &str) -> String {
    base.split("://")
        .nth(1)
        .unwrap_or("127.0.0.1")
        .trim_end_matches('/')
        .to_string()
}

fn m_status(s: &Social, p: &SocialPost) -> Value {
    let host = host_of(&lock(&s.base));
    let mut html = String::from("<p>");
    for word in p.text.split(' ') {
        if let Some(tag) = word.strip_prefix('#') {
            html.push_str(&format!("<a href=\"http://{host}/tags/{0}\" class=\"mention hashtag\" rel=\"tag\">#<span>{0}</span></a> ", esc(tag)));
        } else if word == format!("@{MASTODON_ACCOUNT}") {
            html.push_str(&format!("<span class=\"h-card\"><a href=\"http://{host}/@{MASTODON_ACCOUNT}\" class=\"u-url mention\">@<span>{MASTODON_ACCOUNT}</span></a></span> "));
        } else {
            html.push_str(&esc(word));
            html.push(' ');
        }
    }
    html = html.trim_end().to_string();
    html.push_str("</p>");
    json!({
        "id": p.id, "created_at": iso(s.created_at(p)), "in_reply_to_id": null, "in_reply_to_account_id": null,
        "sensitive": false, "spoiler_text": "", "visibility": "public", "language": "en",
        "uri": format!("http://{host}/users/{}/statuses/{}", p.handle, p.id),
        "url": format!("http://{host}/@{}/{}", p.handle, p.id),
        "replies_count": 0, "reblogs_count": 0, "favourites_count": 0, "quotes_count": 0,
        "edited_at": null, "content": html, "reblog": null,
        "application": {"name": "Web", "website": null},
        "account": m_account(s, p), "media_attachments": [], "mentions": [], "tags": [], "emojis": [],
        "card": null, "poll": null
    })
}

fn m_notification(s: &Social, p: &SocialPost) -> Value {
    json!({
        "id": p.id, "type": "mention", "created_at": iso(s.created_at(p)),
        "group_key": format!("ungrouped-{}", p.id), "account": m_account(s, p), "status": m_status(s, p)
    })
}

fn has_tag(p: &SocialPost, tag: &str) -> bool {
    p.text
        .to_lowercase()
        .contains(&format!("#{}", tag.to_lowercase()))
}

fn newer(a: &str, b: &str) -> bool {
    (a.len(), a) > (b.len(), b)
}

#[derive(Deserialize, Default)]
struct Paging {
    #[serde(default)]
    min_id: Option<String>,
    #[serde(default)]
    since_id: Option<String>,
    #[serde(default)]
    limit: Option<usize>,
    #[serde(default)]
    q: Option<String>,
}

/// The page after `min_id` (oldest-first selection, served newest first), or the newest page.
fn page(mut posts: Vec<SocialPost>, p: &Paging) -> Vec<SocialPost> {
    let limit = p.limit.unwrap_or(20).clamp(1, 40);
    posts.sort_by(|a, b| (a.id.len(), &a.id).cmp(&(b.id.len(), &b.id)));
    let after = p.min_id.as_deref().or(p.since_id.as_deref());
    let mut sel: Vec<SocialPost> = match (after, p.min_id.is_some()) {
        (Some(a), true) => posts
            .into_iter()
            .filter(|x| newer(&x.id, a))
            .take(limit)
            .collect(),
        (Some(a), false) => {
            let v: Vec<_> = posts.into_iter().filter(|x| newer(&x.id, a)).collect();
            let skip = v.len().saturating_sub(limit);
            v.into_iter().skip(skip).collect()
        }
        (None, _) => {
            let skip = posts.len().saturating_sub(limit);
            posts.into_iter().skip(skip).collect()
        }
    };
    sel.reverse();
    sel
}

async fn m_instance(State(h): S) -> Json<Value> {
    let base = lock(&h.0.base).clone();
    let tags = if *lock(&h.0.hashtags_need_login) {
        "authenticated"
    } else {
        "public"
    };
    Json(json!({
        "domain": host_of(&base), "title": "Simulated Mastodon", "version": "4.4.0",
        "source_url": "https://github.com/mastodon/mastodon", "description": "Earshot's simulated instance",
        "configuration": {
            "urls": {"streaming": format!("{}/mastodon", base.replace("http://", "ws://"))},
            "statuses": {"max_characters": 500, "max_media_attachments": 4, "characters_reserved_per_url": 23},
            "timelines_access": {"live_feeds": {"local": "public", "remote": "public"}, "hashtag_feeds": {"local": tags, "remote": tags}}
        }
    }))
}

async fn m_tag(
    State(h): S,
    headers: HeaderMap,
    Path(tag): Path<String>,
    Query(p): Query<Paging>,
) -> Response {
    let s = &h.0;
    if *lock(&s.hashtags_need_login) && !s.authorized(&headers) {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({"error": "This method requires an authenticated user"})),
        )
            .into_response();
    }
    let posts = s
        .visible(Net::Mastodon)
        .into_iter()
        .filter(|x| has_tag(x, &tag))
        .collect();
    Json(Value::Array(
        page(posts, &p).iter().map(|x| m_status(s, x)).collect(),
    ))
    .into_response()
}

/// The public RSS feed of a hashtag (`/tags/:tag.rss`), as Mastodon serves it: newest first,
/// each item's link and guid the status's address, its description the status HTML.
async fn m_tag_rss(State(h): S, Path(file): Path<String>) -> Response {
    let s = &h.0;
    let Some(tag) = file.strip_suffix(".rss") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let base = lock(&s.base).clone();
    let mut posts: Vec<SocialPost> = s
        .visible(Net::Mastodon)
        .into_iter()
        .filter(|x| has_tag(x, tag))
        .collect();
    posts.sort_by(|a, b| (b.id.len(), &b.id).cmp(&(a.id.len(), &a.id)));
    let rfc2822 = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .unwrap_or_default()
            .to_rfc2822()
    };
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\">\n  <channel>\n    <title>#{}</title>\n    <description>Public posts tagged #{}</description>\n    <link>{base}/tags/{}</link>\n",
        esc(tag), esc(tag), esc(tag)
    );
    for p in posts.iter().take(20) {
        let link = format!("{base}/@{}/{}", p.handle, p.id);
        let html = m_status(s, p)["content"].as_str().unwrap_or("").to_string();
        xml.push_str(&format!(
            "    <item>\n      <guid isPermaLink=\"true\">{link}</guid>\n      <link>{link}</link>\n      <pubDate>{}</pubDate>\n      <description>{}</description>\n    </item>\n",
            rfc2822(s.created_at(p)),
            esc(&html)
        ));
    }
    xml.push_str("  </channel>\n</rss>\n");
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "application/rss+xml; charset=utf-8",
        )],
        xml,
    )
        .into_response()
}

async fn m_notifications(State(h): S, headers: HeaderMap, Query(p): Query<Paging>) -> Response {
    let s = &h.0;
    if !s.authorized(&headers) {
        return unauthorized_m();
    }
    let posts = s
        .visible(Net::Mastodon)
        .into_iter()
        .filter(|x| x.to_owner)
        .collect();
    Json(Value::Array(
        page(posts, &p)
            .iter()
            .map(|x| m_notification(s, x))
            .collect(),
    ))
    .into_response()
}

async fn m_search(State(h): S, headers: HeaderMap, Query(p): Query<Paging>) -> Response {
    let s = &h.0;
    if !s.authorized(&headers) {
        return unauthorized_m();
    }
    let q = p.q.clone().unwrap_or_default().to_lowercase();
    let posts = s
        .visible(Net::Mastodon)
        .into_iter()
        .filter(|x| !q.is_empty() && x.text.to_lowercase().contains(&q))
        .collect();
    let statuses: Vec<Value> = page(posts, &p).iter().map(|x| m_status(s, x)).collect();
    Json(json!({"accounts": [], "statuses": statuses, "hashtags": []})).into_response()
}

async fn m_apps(State(h): S, Form(f): Form<HashMap<String, String>>) -> Json<Value> {
    let id = h.0.new_token("client");
    let secret = h.0.new_token("secret");
    Json(json!({
        "id": "1", "name": f.get("client_name").cloned().unwrap_or_default(),
        "website": f.get("website"), "scopes": f.get("scopes").map(|s| s.split(' ').collect::<Vec<_>>()),
        "redirect_uri": f.get("redirect_uris"), "redirect_uris": [f.get("redirect_uris")],
        "client_id": id, "client_secret": secret, "vapid_key": ""
    }))
}

async fn m_authorize(State(h): S, Query(q): Query<HashMap<String, String>>) -> Response {
    let (Some(redirect), Some(challenge)) = (q.get("redirect_uri"), q.get("code_challenge")) else {
        return (
            StatusCode::BAD_REQUEST,
            "redirect_uri and code_challenge are required",
        )
            .into_response();
    };
    if q.get("code_challenge_method").map(String::as_str) != Some("S256") {
        return (StatusCode::BAD_REQUEST, "only S256 PKCE is accepted").into_response();
    }
    let code = h.0.new_token("code");
    lock(&h.0.codes).insert(code.clone(), (challenge.clone(), redirect.clone()));
    let state = q.get("state").cloned().unwrap_or_default();
    let sep = if redirect.contains('?') { '&' } else { '?' };
    Redirect::to(&format!(
        "{redirect}{sep}code={code}&state={}",
        urlenc(&state)
    ))
    .into_response()
}

fn urlenc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn m_token(State(h): S, Form(f): Form<HashMap<String, String>>) -> Response {
    let code = f.get("code").cloned().unwrap_or_default();
    let Some((challenge, redirect)) = lock(&h.0.codes).remove(&code) else {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "invalid_grant", "error_description": "unknown or used code"})),
        )
            .into_response();
    };
    let verifier = f.get("code_verifier").cloned().unwrap_or_default();
    if pkce_s256(&verifier) != challenge || f.get("redirect_uri") != Some(&redirect) {
        return (
            StatusCode::BAD_REQUEST,
            Json(
                json!({"error": "invalid_grant", "error_description": "PKCE verification failed"}),
            ),
        )
            .into_response();
    }
    let token = h.0.new_token("mastodon-token");
    Json(json!({"access_token": token, "token_type": "Bearer", "scope": "read write:statuses", "created_at": chrono::Utc::now().timestamp()})).into_response()
}

/// BASE64URL(SHA-256(verifier)) without padding.
fn pkce_s256(verifier: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(verifier.as_bytes()))
}

async fn m_me(State(h): S, headers: HeaderMap) -> Response {
    if !h.0.authorized(&headers) {
        return unauthorized_m();
    }
    Json(json!({"id": "1", "username": MASTODON_ACCOUNT, "acct": MASTODON_ACCOUNT, "display_name": "Brightside Coffee", "followers_count": 1200, "url": ""})).into_response()
}

async fn m_post(State(h): S, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    let s = &h.0;
    let value: Value = serde_json::from_slice(&body).unwrap_or_else(|_| {
        let form: HashMap<String, String> =
            url::form_urlencoded::parse(&body).into_owned().collect();
        json!(form)
    });
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if !s.authorized(&headers) {
        s.record(Write {
            net: Net::Mastodon,
            path: "/api/v1/statuses".into(),
            idempotency_key: key,
            proxy: None,
            body: value,
            accepted: false,
        });
        return unauthorized_m();
    }
    if let Some(prev) = key
        .as_ref()
        .and_then(|k| lock(&s.idempotent).get(k).cloned())
    {
        s.record(Write {
            net: Net::Mastodon,
            path: "/api/v1/statuses".into(),
            idempotency_key: key,
            proxy: None,
            body: value,
            accepted: false,
        });
        return Json(prev).into_response();
    }
    let text = value
        .get("status")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    if text.trim().is_empty() {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({"error": "Validation failed: Text can't be blank"})),
        )
            .into_response();
    }
    let mut n = lock(&s.next_id);
    *n += 1;
    let id = (115_000_000_000_000_000u64 + *n).to_string();
    drop(n);
    let host = host_of(&lock(&s.base));
    let visibility = value
        .get("visibility")
        .and_then(Value::as_str)
        .unwrap_or("public")
        .to_string();
    let resp = json!({
        "id": id, "created_at": iso(chrono::Utc::now().timestamp()),
        "in_reply_to_id": value.get("in_reply_to_id"), "in_reply_to_account_id": null,
        "sensitive": false, "spoiler_text": "", "visibility": visibility, "language": "en",
        "uri": format!("http://{host}/users/{MASTODON_ACCOUNT}/statuses/{id}"),
        "url": format!("http://{host}/@{MASTODON_ACCOUNT}/{id}"),
        "replies_count": 0, "reblogs_count": 0, "favourites_count": 0,
        "content": format!("<p>{}</p>", esc(&text)), "reblog": null,
        "account": {"id": "1", "username": MASTODON_ACCOUNT, "acct": MASTODON_ACCOUNT, "display_name": "Brightside Coffee", "followers_count": 1200},
        "media_attachments": [], "mentions": [], "tags": [], "emojis": []
    });
    if let Some(k) = &key {
        lock(&s.idempotent).insert(k.clone(), resp.clone());
    }
    s.record(Write {
        net: Net::Mastodon,
        path: "/api/v1/statuses".into(),
        idempotency_key: key,
        proxy: None,
        body: value,
        accepted: true,
    });
    Json(resp).into_response()
}

fn stream_refused() -> Response {
    (StatusCode::SERVICE_UNAVAILABLE, "streaming is down").into_response()
}

/// Mastodon 4.2+'s streaming server without an access token.
fn streaming_needs_token() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        Json(json!({"error": "Missing access token"})),
    )
        .into_response()
}

impl Social {
    /// Whether this request may open a stream: a valid token, or an instance from before 4.2.
    fn may_stream(&self, headers: &HeaderMap) -> bool {
        *lock(&self.anonymous_streaming) || self.authorized(headers)
    }
}

async fn m_ws(State(h): S, headers: HeaderMap, ws: WebSocketUpgrade) -> Response {
    if lock(&h.0.down).contains(&Net::Mastodon) {
        return stream_refused();
    }
    if *lock(&h.0.no_websocket) {
        return (
            StatusCode::BAD_REQUEST,
            "WebSocket upgrades are not passed through",
        )
            .into_response();
    }
    if !h.0.may_stream(&headers) {
        return streaming_needs_token();
    }
    let authed = h.0.authorized(&headers);
    ws.on_upgrade(move |socket| m_ws_run(h, socket, authed))
}

async fn m_ws_run(h: SocialHandle, mut socket: WebSocket, authed: bool) {
    let s = h.0.clone();
    let _open = Open::new(&s, Net::Mastodon);
    let mut announce = s.announce.subscribe();
    let mut kick = s.kick.subscribe();
    let mut tags: Vec<String> = Vec::new();
    let mut notifications = false;
    let mut faulty = StreamFaults::new();
    loop {
        // Messages from the client first: a subscription that has arrived is in force before
        // the next post is announced, as on a real server.
        tokio::select! {
            biased;
            msg = socket.recv() => match msg {
                Some(Ok(Message::Text(t))) => {
                    let v: Value = serde_json::from_str(t.as_str()).unwrap_or(Value::Null);
                    if v["type"] == "subscribe" {
                        match v["stream"].as_str() {
                            Some("hashtag") => if let Some(t) = v["tag"].as_str() { tags.push(t.to_lowercase()) },
                            Some("user:notification") if authed => notifications = true,
                            Some("user:notification") => {
                                let _ = socket.send(Message::text(json!({"error": "Missing access token", "status": 401}).to_string())).await;
                            }
                            _ => {}
                        }
                    }
                }
                Some(Ok(_)) => {}
                _ => return,
            },
            i = announce.recv() => {
                let Ok(i) = i else { continue };
                let Some(p) = s.posts.read().unwrap_or_else(|p| p.into_inner()).get(i).cloned() else { continue };
                if p.net != Net::Mastodon { continue }
                if let Some(tag) = tags.iter().find(|t| has_tag(&p, t)) {
                    let frame = json!({"stream": ["hashtag", tag], "event": "update", "payload": m_status(&s, &p).to_string()});
                    if let Sent::Closed = faulty.send(&mut socket, s.stream_fault(Net::Mastodon), frame.to_string()).await { return }
                }
                if notifications && p.to_owner {
                    let frame = json!({"stream": ["user:notification"], "event": "notification", "payload": m_notification(&s, &p).to_string()});
                    if let Sent::Closed = faulty.send(&mut socket, s.stream_fault(Net::Mastodon), frame.to_string()).await { return }
                }
            }
            k = kick.recv() => if k == Ok(Net::Mastodon) { let _ = socket.send(Message::Close(None)).await; return },
            _ = tokio::time::sleep(crate::faults::HOLD), if faulty.holding() => {
                if let Sent::Closed = faulty.flush(&mut socket).await { return }
            }
        }
    }
}

fn sse_stream(
    h: SocialHandle,
    filter: impl Fn(&SocialPost) -> Option<(&'static str, Value)> + Send + 'static,
) -> impl futures_util::Stream<Item = Result<Event, std::convert::Infallible>> {
    let s = h.0.clone();
    let announce = s.announce.subscribe();
    let kick = s.kick.subscribe();
    let open = Open::new(&s, Net::Mastodon);
    futures_util::stream::unfold(
        (announce, kick, s, filter, open),
        |(mut announce, mut kick, s, filter, open)| async move {
            loop {
                tokio::select! {
                    i = announce.recv() => {
                        let Ok(i) = i else { continue };
                        let Some(p) = s.posts.read().unwrap_or_else(|p| p.into_inner()).get(i).cloned() else { continue };
                        if let Some((event, payload)) = filter(&p) {
                            let ev = Event::default().event(event).data(payload.to_string());
                            return Some((Ok(ev), (announce, kick, s, filter, open)));
                        }
                    }
                    k = kick.recv() => if k == Ok(Net::Mastodon) { return None },
                }
            }
        },
    )
}

async fn m_sse_tag(
    State(h): S,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if lock(&h.0.down).contains(&Net::Mastodon) {
        return stream_refused();
    }
    if *lock(&h.0.hashtags_need_login) && !h.0.authorized(&headers) {
        return unauthorized_m();
    }
    if !h.0.may_stream(&headers) {
        return streaming_needs_token();
    }
    let tag = q.get("tag").cloned().unwrap_or_default().to_lowercase();
    let s = h.0.clone();
    Sse::new(sse_stream(h, move |p| {
        (p.net == Net::Mastodon && has_tag(p, &tag)).then(|| ("update", m_status(&s, p)))
    }))
    .keep_alive(KeepAlive::default())
    .into_response()
}

async fn m_sse_user(State(h): S, headers: HeaderMap) -> Response {
    if lock(&h.0.down).contains(&Net::Mastodon) {
        return stream_refused();
    }
    if !h.0.authorized(&headers) {
        return unauthorized_m();
    }
    let s = h.0.clone();
    Sse::new(sse_stream(h, move |p| {
        (p.net == Net::Mastodon && p.to_owner).then(|| ("notification", m_notification(&s, p)))
    }))
    .keep_alive(KeepAlive::default())
    .into_response()
}

// ---- Bluesky ----

fn b_record(s: &Social, p: &SocialPost) -> Value {
    let mut rec = json!({
        "$type": "app.bsky.feed.post", "createdAt": iso(s.created_at(p)), "langs": ["en"], "text": p.text
    });
    let mention = format!("@{BSKY_HANDLE}");
    if let Some(start) = p.text.find(&mention) {
        rec["facets"] = json!([{
            "$type": "app.bsky.richtext.facet",
            "index": {"byteStart": start, "byteEnd": start + mention.len()},
            "features": [{"$type": "app.bsky.richtext.facet#mention", "did": BSKY_DID}]
        }]);
    }
    if p.reply_to_owner_post {
        let r = json!({"uri": owner_post_uri(), "cid": OWNER_POST_CID});
        rec["reply"] = json!({"root": r, "parent": r});
    }
    rec
}

fn b_frame(s: &Social, p: &SocialPost) -> Value {
    json!({
        "did": p.author_id, "time_us": p.time_us, "kind": "commit",
        "commit": {"rev": format!("3lrev{}", p.id), "operation": "create", "collection": "app.bsky.feed.post",
                   "rkey": p.id, "record": b_record(s, p), "cid": p.cid()}
    })
}

fn b_profile(p: &SocialPost) -> Value {
    json!({
        "did": p.author_id, "handle": p.handle, "displayName": p.display_name,
        "avatar": "https://cdn.bsky.invalid/avatar.jpg", "followersCount": p.followers,
        "followsCount": 100, "postsCount": 321, "indexedAt": "2024-01-01T00:00:00.000Z", "labels": []
    })
}

fn b_post_view(s: &Social, p: &SocialPost) -> Value {
    json!({
        "uri": p.external_id(), "cid": p.cid(),
        "author": {"did": p.author_id, "handle": p.handle, "displayName": p.display_name, "labels": []},
        "record": b_record(s, p), "replyCount": 0, "repostCount": 0, "likeCount": 0,
        "indexedAt": iso(s.created_at(p)), "labels": []
    })
}

/// Real Jetstream frames (the fixture's likes, reposts, other posts, identity events) sent as
/// background noise that must not match.
fn noise() -> Vec<String> {
    include_str!("../../../fixtures/bluesky/jetstream_v1_events.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

async fn b_jetstream(
    State(h): S,
    Query(q): Query<HashMap<String, String>>,
    ws: WebSocketUpgrade,
) -> Response {
    if lock(&h.0.down).contains(&Net::Bluesky) {
        return stream_refused();
    }
    let cursor: Option<i64> = q.get("cursor").and_then(|c| c.parse().ok());
    ws.on_upgrade(move |socket| b_jetstream_run(h, socket, cursor))
}

async fn b_jetstream_run(h: SocialHandle, mut socket: WebSocket, cursor: Option<i64>) {
    let s = h.0.clone();
    let _open = Open::new(&s, Net::Bluesky);
    let mut announce = s.announce.subscribe();
    let mut kick = s.kick.subscribe();
    let mut sent_up_to = cursor.unwrap_or(i64::MAX);
    let mut faulty = StreamFaults::new();
    if cursor.is_some() {
        let mut replay = s.visible(Net::Bluesky);
        replay.retain(|p| p.time_us > sent_up_to);
        replay.sort_by_key(|p| p.time_us);
        for p in replay {
            sent_up_to = sent_up_to.max(p.time_us);
            let fault = s.stream_fault(Net::Bluesky);
            if let Sent::Closed = faulty
                .send(&mut socket, fault, b_frame(&s, &p).to_string())
                .await
            {
                return;
            }
        }
    }
    for n in noise() {
        if socket.send(Message::text(n)).await.is_err() {
            return;
        }
    }
    loop {
        tokio::select! {
            i = announce.recv() => {
                let Ok(i) = i else { continue };
                let Some(p) = s.posts.read().unwrap_or_else(|p| p.into_inner()).get(i).cloned() else { continue };
                if p.net != Net::Bluesky || (cursor.is_some() && p.time_us <= sent_up_to && p.emitted_ms.is_none()) { continue }
                let fault = s.stream_fault(Net::Bluesky);
                if let Sent::Closed = faulty.send(&mut socket, fault, b_frame(&s, &p).to_string()).await { return }
            }
            k = kick.recv() => if k == Ok(Net::Bluesky) { let _ = socket.send(Message::Close(None)).await; return },
            msg = socket.recv() => if !matches!(msg, Some(Ok(_))) { return },
            _ = tokio::time::sleep(crate::faults::HOLD), if faulty.holding() => {
                if let Sent::Closed = faulty.flush(&mut socket).await { return }
            }
        }
    }
}

async fn b_create_session(State(h): S, Json(b): Json<Value>) -> Response {
    let id = b["identifier"]
        .as_str()
        .unwrap_or("")
        .trim_start_matches('@');
    let pw = b["password"].as_str().unwrap_or("");
    if (id != BSKY_HANDLE && id != BSKY_DID) || pw != BSKY_APP_PASSWORD {
        return xrpc_err(
            StatusCode::UNAUTHORIZED,
            "AuthenticationRequired",
            "Invalid identifier or password",
        );
    }
    let access = h.0.new_token("bsky-access");
    let refresh = h.0.new_token("bsky-refresh");
    Json(json!({"did": BSKY_DID, "handle": BSKY_HANDLE, "email": "owner@brightside.example", "accessJwt": access, "refreshJwt": refresh, "active": true})).into_response()
}

async fn b_refresh(State(h): S, headers: HeaderMap) -> Response {
    if !h.0.authorized(&headers) {
        return xrpc_err(StatusCode::BAD_REQUEST, "ExpiredToken", "Token has expired");
    }
    let access = h.0.new_token("bsky-access");
    let refresh = h.0.new_token("bsky-refresh");
    Json(json!({"did": BSKY_DID, "handle": BSKY_HANDLE, "accessJwt": access, "refreshJwt": refresh, "active": true})).into_response()
}

async fn b_resolve_handle(State(h): S, Query(q): Query<HashMap<String, String>>) -> Response {
    let handle = q.get("handle").map(String::as_str).unwrap_or("");
    if handle == BSKY_HANDLE {
        return Json(json!({"did": BSKY_DID})).into_response();
    }
    match h
        .posts()
        .iter()
        .find(|p| p.net == Net::Bluesky && p.handle == handle)
    {
        Some(p) => Json(json!({"did": p.author_id})).into_response(),
        None => xrpc_err(
            StatusCode::BAD_REQUEST,
            "InvalidRequest",
            "Unable to resolve handle",
        ),
    }
}

async fn b_profiles(State(h): S, uri: axum::http::Uri) -> Json<Value> {
    let wanted: Vec<String> = url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .filter(|(k, _)| k == "actors")
        .map(|(_, v)| v.into_owned())
        .collect();
    let posts = h.posts();
    let mut seen = HashSet::new();
    let profiles: Vec<Value> = wanted
        .iter()
        .take(25)
        .filter_map(|a| {
            // The author as of their latest post: follower counts change.
            posts
                .iter()
                .rfind(|p| p.net == Net::Bluesky && (&p.author_id == a || &p.handle == a))
        })
        .filter(|p| seen.insert(p.author_id.clone()))
        .map(b_profile)
        .collect();
    Json(json!({"profiles": profiles}))
}

async fn b_notifications(State(h): S, headers: HeaderMap) -> Response {
    let s = &h.0;
    if !s.authorized(&headers) {
        return xrpc_unauthorized(s, &headers);
    }
    let mut posts: Vec<SocialPost> = s
        .visible(Net::Bluesky)
        .into_iter()
        .filter(|p| p.to_owner)
        .collect();
    posts.sort_by_key(|p| std::cmp::Reverse(p.time_us));
    let notes: Vec<Value> = posts
        .iter()
        .take(50)
        .map(|p| json!({
            "uri": p.external_id(), "cid": p.cid(),
            "author": {"did": p.author_id, "handle": p.handle, "displayName": p.display_name, "labels": []},
            "reason": if p.reply_to_owner_post { "reply" } else { "mention" },
            "record": b_record(s, p), "isRead": false, "indexedAt": iso(s.created_at(p)), "labels": []
        }))
        .collect();
    Json(json!({"notifications": notes})).into_response()
}

async fn b_search(
    State(h): S,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let s = &h.0;
    if !s.authorized(&headers) {
        return xrpc_unauthorized(s, &headers);
    }
    let query = q.get("q").cloned().unwrap_or_default().to_lowercase();
    let since = q
        .get("since")
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(|d| d.timestamp());
    let mut posts: Vec<SocialPost> = s
        .visible(Net::Bluesky)
        .into_iter()
        .filter(|p| !query.is_empty() && p.text.to_lowercase().contains(&query))
        .filter(|p| since.is_none_or(|t| s.created_at(p) >= t))
        .collect();
    posts.sort_by_key(|p| std::cmp::Reverse(p.time_us));
    let views: Vec<Value> = posts.iter().take(50).map(|p| b_post_view(s, p)).collect();
    Json(json!({"posts": views, "hitsTotal": views.len()})).into_response()
}

async fn b_create_record(State(h): S, headers: HeaderMap, Json(b): Json<Value>) -> Response {
    let s = &h.0;
    let rec = |accepted| Write {
        net: Net::Bluesky,
        path: "com.atproto.repo.createRecord".into(),
        idempotency_key: None,
        proxy: None,
        body: b.clone(),
        accepted,
    };
    if !s.authorized(&headers) {
        s.record(rec(false));
        return xrpc_unauthorized(s, &headers);
    }
    let rkey = b["rkey"].as_str().unwrap_or("").to_string();
    if rkey.is_empty() {
        s.record(rec(false));
        return xrpc_err(StatusCode::BAD_REQUEST, "InvalidRequest", "Invalid rkey");
    }
    if !lock(&s.rkeys).insert(rkey.clone()) {
        // What the reference PDS answers to a record key that is taken: a bare 500, not an
        // "already exists" (seen against @atproto/pds).
        s.record(rec(false));
        return xrpc_err(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InternalServerError",
            "Internal Server Error",
        );
    }
    lock(&s.records).insert(rkey.clone(), b["record"].clone());
    s.record(rec(true));
    let repo = b["repo"].as_str().unwrap_or(BSKY_DID);
    Json(json!({"uri": format!("at://{repo}/app.bsky.feed.post/{rkey}"), "cid": format!("bafyreireply{}", rkey), "validationStatus": "valid"})).into_response()
}

/// A PLC directory's `GET /{did}`: the owner's DID document, its PDS being this simulator's
/// Bluesky. Shaped like plc.directory's answer.
async fn plc_document(State(h): S, Path(did): Path<String>) -> Response {
    if did != BSKY_DID {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"message": format!("DID not registered: {did}")})),
        )
            .into_response();
    }
    let base = lock(&h.0.base).clone();
    Json(json!({
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": BSKY_DID,
        "alsoKnownAs": [format!("at://{BSKY_HANDLE}")],
        "verificationMethod": [{
            "id": format!("{BSKY_DID}#atproto"), "type": "Multikey", "controller": BSKY_DID,
            "publicKeyMultibase": "zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF"
        }],
        "service": [{
            "id": "#atproto_pds", "type": "AtprotoPersonalDataServer",
            "serviceEndpoint": format!("{base}/bsky")
        }]
    }))
    .into_response()
}

/// `com.atproto.repo.getRecord`: a post this simulated repository holds, or 400 RecordNotFound.
async fn b_get_record(State(h): S, Query(q): Query<HashMap<String, String>>) -> Response {
    let (repo, rkey) = (
        q.get("repo").cloned().unwrap_or_default(),
        q.get("rkey").cloned().unwrap_or_default(),
    );
    let uri = format!("at://{repo}/app.bsky.feed.post/{rkey}");
    match lock(&h.0.records).get(&rkey) {
        Some(value) if repo == BSKY_DID || repo == BSKY_HANDLE => Json(json!({
            "uri": uri, "cid": format!("bafyreireply{rkey}"), "value": value
        }))
        .into_response(),
        _ => xrpc_err(
            StatusCode::BAD_REQUEST,
            "RecordNotFound",
            &format!("Could not locate record: {uri}"),
        ),
    }
}

async fn b_convo(
    State(h): S,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let s = &h.0;
    if !s.authorized(&headers) {
        return xrpc_unauthorized(s, &headers);
    }
    if headers.get("atproto-proxy").and_then(|v| v.to_str().ok())
        != Some("did:web:api.bsky.chat#bsky_chat")
    {
        return xrpc_err(
            StatusCode::BAD_REQUEST,
            "InvalidRequest",
            "chat requests must be proxied to the chat service",
        );
    }
    let member = q.get("members").cloned().unwrap_or_default();
    if member == did_for(DM_CLOSED_HANDLE) {
        return xrpc_err(
            StatusCode::BAD_REQUEST,
            "InvalidRequest",
            "recipient has disabled incoming messages",
        );
    }
    Json(json!({"convo": {"id": format!("convo-{}", &member[member.len().saturating_sub(8)..]), "rev": "1", "members": [{"did": BSKY_DID}, {"did": member}], "muted": false, "unreadCount": 0}})).into_response()
}

async fn b_send_message(State(h): S, headers: HeaderMap, Json(b): Json<Value>) -> Response {
    let s = &h.0;
    let proxy = headers
        .get("atproto-proxy")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let ok = s.authorized(&headers) && proxy.as_deref() == Some("did:web:api.bsky.chat#bsky_chat");
    s.record(Write {
        net: Net::Bluesky,
        path: "chat.bsky.convo.sendMessage".into(),
        idempotency_key: None,
        proxy,
        body: b.clone(),
        accepted: ok,
    });
    if !ok {
        return xrpc_err(StatusCode::BAD_REQUEST, "InvalidRequest", "not allowed");
    }
    let id = s.new_token("msg");
    let view = json!({"$type": "chat.bsky.convo.defs#messageView", "id": id, "rev": "2", "text": b["message"]["text"], "sender": {"did": BSKY_DID}, "sentAt": iso(chrono::Utc::now().timestamp())});
    let convo = b["convoId"].as_str().unwrap_or("").to_string();
    lock(&s.messages)
        .entry(convo)
        .or_default()
        .push(view.clone());
    Json(view).into_response()
}

async fn b_messages(
    State(h): S,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let s = &h.0;
    if !s.authorized(&headers) {
        return xrpc_unauthorized(s, &headers);
    }
    let convo = q.get("convoId").cloned().unwrap_or_default();
    let limit: usize = q.get("limit").and_then(|l| l.parse().ok()).unwrap_or(50);
    // Newest first, as the chat service lists them.
    let messages: Vec<Value> = lock(&s.messages)
        .get(&convo)
        .map(|v| v.iter().rev().take(limit).cloned().collect())
        .unwrap_or_default();
    Json(json!({"messages": messages})).into_response()
}

#[derive(Deserialize)]
struct InjectParams {
    net: Net,
    #[serde(default)]
    handle: Option<String>,
    text: String,
    #[serde(default)]
    followers: Option<i64>,
    #[serde(default)]
    to_owner: bool,
}

async fn inject(State(h): S, Json(p): Json<InjectParams>) -> Json<SocialPost> {
    let handle = p.handle.unwrap_or_else(|| match p.net {
        Net::Mastodon => "visitor".into(),
        Net::Bluesky => "visitor.bsky.social".into(),
    });
    Json(h.inject(
        p.net,
        &handle,
        &p.text,
        p.followers.unwrap_or(100),
        p.to_owner,
    ))
}

#[derive(Deserialize)]
struct StreamParams {
    net: Net,
    up: bool,
}

async fn set_stream(State(h): S, Query(p): Query<StreamParams>) -> StatusCode {
    h.set_stream(p.net, p.up);
    StatusCode::NO_CONTENT
}

async fn writes(State(h): S) -> Json<Vec<Write>> {
    Json(h.writes())
}

async fn social_posts(State(h): S) -> Json<Vec<SocialPost>> {
    Json(h.posts())
}
