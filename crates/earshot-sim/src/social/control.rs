//! What tests, the benchmarks and the demo steer: inject posts, drop streams, read the writes.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use tokio::sync::broadcast;

use super::script::script;
use super::{did_for, Net, Social, SocialPost, Traffic, Write, S};
use crate::faults::Faults;
use crate::lock;

/// Shared handle to the social networks' state.
#[derive(Clone)]
pub struct SocialHandle(pub(super) Arc<Social>);

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
            firehose: Mutex::new(0),
            traffic: tokio::sync::watch::channel(Traffic::default()).0,
            messages: Mutex::new(HashMap::new()),
            presence: crate::presence::Presence::new(seed, reveal_all, start, started),
            reddit: crate::reddit::RedditState::new(seed, reveal_all, start, started),
            x: crate::x::XState::new(reveal_all, start, started),
            mail: Arc::new(crate::mail::MailState::new(
                seed, reveal_all, start, started,
            )),
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

    pub(crate) fn record_write(&self, w: Write) {
        self.0.record(w);
    }

    pub(crate) fn presence(&self) -> &crate::presence::Presence {
        &self.0.presence
    }

    pub(crate) fn reddit(&self) -> &crate::reddit::RedditState {
        &self.0.reddit
    }

    pub(crate) fn x(&self) -> &crate::x::XState {
        &self.0.x
    }

    /// Counts a stream connection to `net` while the guard lives.
    pub(crate) fn open_stream(&self, net: Net) -> impl Send + 'static {
        super::Open::new(&self.0, net)
    }

    /// Streams of `net` to drop (see [`SocialHandle::set_stream`]).
    pub(crate) fn kicks(&self) -> tokio::sync::broadcast::Receiver<Net> {
        self.0.kick.subscribe()
    }

    /// Whether `net`'s streams are down.
    pub(crate) fn stream_down(&self, net: Net) -> bool {
        lock(&self.0.down).contains(&net)
    }

    /// Makes the simulated X refuse the filtered stream as X does for a plan without it (403
    /// `client-not-enrolled`), or allow it again.
    pub fn x_stream_allowed(&self, allowed: bool) {
        self.0.x.set_stream_allowed(allowed);
    }

    /// Posts on the simulated X now; returns it.
    pub fn inject_x(&self, item: &crate::x::InjectX) -> crate::x::XPost {
        self.0.x.inject(item)
    }

    /// What listening to the owner's X mentions and the search for the business must store.
    pub fn x_truth(&self) -> std::collections::BTreeSet<(String, String)> {
        self.0.x.truth()
    }

    /// Posts on the simulated Reddit now; returns it.
    pub fn inject_reddit(&self, item: &crate::reddit::InjectReddit) -> crate::reddit::RedditItem {
        self.0.reddit.inject(item)
    }

    /// Makes the simulated YouTube answer every call with 403 `quotaExceeded` (the day's quota
    /// used up), or normally again.
    pub fn youtube_quota_out(&self, out: bool) {
        self.0.presence.set_youtube_quota_out(out);
    }

    /// What listening to the YouTube channel must store by now.
    pub fn youtube_truth(&self) -> std::collections::BTreeSet<(String, String)> {
        self.0.presence.youtube_truth()
    }

    /// What listening to the simulated subreddits, search and inbox must store by now.
    pub fn reddit_truth(&self) -> std::collections::BTreeSet<(String, String)> {
        self.0.reddit.truth()
    }

    /// The simulated mailbox.
    pub fn mail(&self) -> Arc<crate::mail::MailState> {
        self.0.mail.clone()
    }

    /// Ends every Google access token issued so far (refresh tokens keep working), as an
    /// account's password change or a revoked session does: clients must renew.
    pub fn revoke_google_access(&self) {
        crate::presence::google::revoke_access(&self.0.presence);
    }

    /// The simulator's address.
    pub fn base(&self) -> String {
        lock(&self.0.base).clone()
    }

    /// Posts a comment, post, media or review on the Page, the Instagram account or Google
    /// now; returns it.
    pub fn inject_presence(&self, item: &crate::presence::InjectItem) -> crate::presence::Item {
        self.0.presence.inject(item)
    }

    /// What listening to the Page, Instagram and the reviews must store by now: (channel,
    /// external id) of every visible item that is not the business's own.
    pub fn presence_truth(&self) -> std::collections::BTreeSet<(String, String)> {
        self.0.presence.truth()
    }

    /// Every scripted or injected Page, Instagram and review item.
    pub fn presence_items(&self) -> Vec<crate::presence::Item> {
        self.0.presence.items()
    }

    /// Records a private reply to a comment as made elsewhere (in Meta Business Suite): the
    /// next one through the API is refused with #10900.
    pub fn private_reply_elsewhere(&self, comment: &str) {
        self.0.presence.private_replied_elsewhere(comment);
    }

    /// Deletes a review (or any Page, Instagram or YouTube item), as its author can.
    pub fn delete_presence_item(&self, id: &str) {
        self.0.presence.delete(id);
    }

    /// Makes the Page token expired (#190 subcode 463) or valid again.
    pub fn expire_page_token(&self, expired: bool) {
        self.0.presence.set_page_token_expired(expired);
    }

    /// Posts a new post now with `raw` fields merged into what the network sends for it, as
    /// they are (Mastodon: the status, and its `account`; Bluesky: `record` into the record,
    /// `profile` into the author's profile and views).
    pub fn inject_raw(
        &self,
        net: Net,
        handle: &str,
        text: &str,
        followers: i64,
        to_owner: bool,
        raw: Option<serde_json::Value>,
    ) -> SocialPost {
        let p = self.post_now(net, handle, text, followers, to_owner, false);
        if raw.is_none() {
            return p;
        }
        let mut posts = self.0.posts.write().unwrap_or_else(|e| e.into_inner());
        match posts.iter_mut().find(|x| x.net == net && x.id == p.id) {
            Some(x) => {
                x.raw = raw;
                x.clone()
            }
            None => p,
        }
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
                Net::Bluesky => format!("3linj{seq:08}"),
                _ => (114_000_000_000_000_000u64 + seq).to_string(),
            },
            handle: handle.to_string(),
            author_id: match net {
                Net::Bluesky => did_for(handle),
                _ => format!("{}", 500_000 + seq),
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
            raw: None,
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

    /// Sends `per_second` unrelated posts on every Jetstream connection, as the real network's
    /// stream carries everyone's posts (0, the default: only the scripted ones and a little noise).
    /// The rate is taken when a connection opens; setting 0 later quiets open connections.
    pub fn set_firehose(&self, per_second: u32) {
        *lock(&self.0.firehose) = per_second;
    }

    /// What the Jetstream endpoint has sent so far.
    pub fn jetstream_traffic(&self) -> Traffic {
        *self.0.traffic.borrow()
    }

    /// Waits until the Jetstream endpoint has sent at least `frames` frames.
    pub async fn wait_jetstream_frames(&self, frames: u64) {
        let mut rx = self.0.traffic.subscribe();
        // The sender lives as long as the simulator, so this ends when the count is reached.
        let _ = rx.wait_for(|t| t.frames >= frames).await;
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

/// Mail to the business: `handle` is the sender's name; `raw.eml` a whole message instead.
#[derive(Deserialize)]
pub(super) struct InjectMail {
    #[serde(default)]
    handle: Option<String>,
    #[serde(default)]
    subject: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    raw: Option<serde_json::Value>,
}

#[derive(Deserialize)]
pub(super) struct InjectParams {
    net: Net,
    #[serde(default)]
    handle: Option<String>,
    text: String,
    #[serde(default)]
    followers: Option<i64>,
    #[serde(default)]
    to_owner: bool,
    #[serde(default)]
    raw: Option<serde_json::Value>,
}

pub(super) async fn inject(State(h): S, Json(v): Json<serde_json::Value>) -> Response {
    let bad = |e: serde_json::Error| (StatusCode::BAD_REQUEST, e.to_string()).into_response();
    let net: Net = match serde_json::from_value(v.get("net").cloned().unwrap_or_default()) {
        Ok(n) => n,
        Err(e) => return bad(e),
    };
    if net == Net::X {
        return match serde_json::from_value::<crate::x::InjectX>(v) {
            Ok(item) => Json(h.inject_x(&item)).into_response(),
            Err(e) => bad(e),
        };
    }
    if net == Net::Email {
        return match serde_json::from_value::<InjectMail>(v) {
            Ok(m) => Json(
                match m
                    .raw
                    .and_then(|r| r.get("eml").and_then(|e| e.as_str()).map(str::to_string))
                {
                    Some(eml) => h.mail().inject(eml.as_bytes()),
                    None => h.mail().inject_text(
                        m.handle.as_deref().unwrap_or("A customer"),
                        m.subject.as_deref().unwrap_or("A question"),
                        &m.text,
                    ),
                },
            )
            .into_response(),
            Err(e) => bad(e),
        };
    }
    if net == Net::Reddit {
        return match serde_json::from_value::<crate::reddit::InjectReddit>(v) {
            Ok(item) => Json(h.inject_reddit(&item)).into_response(),
            Err(e) => bad(e),
        };
    }
    if matches!(
        net,
        Net::Facebook | Net::Instagram | Net::GoogleReviews | Net::Youtube
    ) {
        return match serde_json::from_value::<crate::presence::InjectItem>(v) {
            Ok(item) => Json(h.inject_presence(&item)).into_response(),
            Err(e) => bad(e),
        };
    }
    let p: InjectParams = match serde_json::from_value(v) {
        Ok(p) => p,
        Err(e) => return bad(e),
    };
    let handle = p.handle.unwrap_or_else(|| match p.net {
        Net::Bluesky => "visitor.bsky.social".into(),
        _ => "visitor".into(),
    });
    Json(h.inject_raw(
        p.net,
        &handle,
        &p.text,
        p.followers.unwrap_or(100),
        p.to_owner,
        p.raw,
    ))
    .into_response()
}

#[derive(Deserialize)]
pub(super) struct StreamParams {
    net: Net,
    up: bool,
}

pub(super) async fn set_stream(State(h): S, Query(p): Query<StreamParams>) -> StatusCode {
    h.set_stream(p.net, p.up);
    StatusCode::NO_CONTENT
}

pub(super) async fn writes(State(h): S) -> Json<Vec<Write>> {
    Json(h.writes())
}

pub(super) async fn social_posts(State(h): S) -> Json<Vec<SocialPost>> {
    Json(h.posts())
}

pub(super) async fn traffic(State(h): S) -> Json<Traffic> {
    Json(h.jetstream_traffic())
}
