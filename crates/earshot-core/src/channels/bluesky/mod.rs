//! Bluesky.
//!
//! - Without a login: Jetstream over WebSocket (`wantedCollections=app.bsky.feed.post`). Every
//!   post is matched here, on the client, against the business's terms, and against its account
//!   (mention facets, replies to its posts); only matches leave the connector. The cursor is the
//!   last event's `time_us`, and a reconnect resumes a few seconds before it (the store dedupes),
//!   so a gap loses nothing. Authors' handles and follower counts come from the public
//!   `getProfiles` (≤ 25 per call), cached.
//! - Logged in with an app password: `createSession` once, then `refreshSession` whenever the
//!   access token expires, the session kept in the keychain (never a new login per poll — the
//!   service limits logins). Adds `listNotifications` (mentions, replies, quotes) on the source's
//!   interval and a `searchPosts` catch-up at each (re)connection.
//! - Replies: `com.atproto.repo.createRecord` with the reply's root and parent strong refs and
//!   UTF-8 byte-offset facets; the record key is the outbox's idempotency key, so a retry can never
//!   create a second post. Private messages: `chat.bsky.convo.getConvoForMembers` and
//!   `sendMessage`, proxied to the chat service with the `atproto-proxy` header.
//!
//! Files: `wire` (the XRPC and Jetstream JSON), `parse` (→ [`Mention`]), `jetstream` (the frame
//! parser, borrowing from the frame), `xrpc` (service addresses, identity, the session-keeping
//! client), `reply` (posts, facets, record keys, chat). This file is the connector.

pub mod jetstream;
mod parse;
mod reply;
#[cfg(test)]
mod tests;
mod wire;
mod xrpc;

pub use parse::{event_to_mention, parse_notifications, parse_search, post_url};
pub use reply::{count_graphemes, facets, reply_record, send, tid};
pub use wire::{NotificationView, PostView, ProfileView, Session};
pub use xrpc::{fetch_author, Client, Endpoints};

use std::collections::HashMap;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use serde::{Deserialize, Serialize};

use self::parse::{author_of, malformed};
use self::wire::{Profiles, Resolved};
use super::{Batch, BatchFuture, ChannelError, Connector, Context};
use crate::matcher::Matcher;
use crate::model::{Business, Mention, SourceSpec};

/// Jetstream, the real one.
pub const JETSTREAM: &str = "wss://jetstream2.us-east.bsky.network/subscribe";
/// The public AppView (no login).
pub const APPVIEW: &str = "https://public.api.bsky.app";
/// The entryway for logins; it routes to the account's own PDS.
pub const PDS: &str = "https://bsky.social";
/// Where `did:plc` documents are published.
pub const PLC: &str = "https://plc.directory";
/// The chat service, as the `atproto-proxy` header names it.
pub const CHAT_PROXY: &str = "did:web:api.bsky.chat#bsky_chat";
/// Graphemes a post may have.
pub const MAX_GRAPHEMES: usize = 300;
/// How far before the saved cursor a reconnect resumes.
const REWIND_US: i64 = 5_000_000;
/// Profiles per `getProfiles` call (the API's limit).
const PROFILES_PER_CALL: usize = 25;
/// How long a fetched profile (follower count, display name) is used before it is fetched
/// again: reach changes, and a stream connection can live for days.
const PROFILE_TTL_SECS: i64 = 6 * 3600;
/// Profiles kept at most; the oldest are dropped first (a stream meets many authors once).
const PROFILES_KEPT: usize = 20_000;
/// How often the cursor is saved when nothing matches.
const CURSOR_EVERY: Duration = Duration::from_secs(10);
/// Once a match has arrived, what else arrives within this long goes in the same batch (a
/// fixed deadline, so a steady stream cannot hold a batch back).
const GATHER: Duration = Duration::from_millis(5);
/// A silent Jetstream connection is presumed dead after this.
const STREAM_IDLE: Duration = Duration::from_secs(120);

#[derive(Debug, Default, Serialize, Deserialize)]
struct Cursor {
    #[serde(default)]
    time_us: Option<i64>,
    #[serde(default)]
    notified: Option<String>,
}

/// The Bluesky connector.
pub struct Bluesky {
    client: Client,
    matcher: Matcher,
    own_did: Option<String>,
    own_handle: Option<String>,
    resolved: bool,
    queries: Vec<String>,
    interval: Duration,
    /// Profiles by DID, with when each was fetched (unix seconds).
    profiles: HashMap<String, (ProfileView, i64)>,
    ws: Option<
        tokio_tungstenite::WebSocketStream<
            tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
        >,
    >,
    next_poll: Instant,
    cursor_saved: Instant,
    inflater: Option<jetstream::Inflater>,
    traffic: Traffic,
    /// The stream position in the last batch returned (saved with it).
    cursor_sent: Option<i64>,
}

/// What the stream has cost since it connected: bytes on the wire, and the JSON they carried.
#[derive(Debug, Clone, Copy)]
struct Traffic {
    wire: u64,
    json: u64,
    since: Instant,
}

impl Traffic {
    fn new() -> Traffic {
        Traffic {
            wire: 0,
            json: 0,
            since: Instant::now(),
        }
    }

    fn detail(&self) -> Option<String> {
        describe_traffic(self.wire, self.json, self.since.elapsed().as_secs_f64())
    }
}

/// "stream: 2.1 MB/h received, 41% of uncompressed", once a minute of listening gives a fair
/// rate.
fn describe_traffic(wire: u64, json: u64, secs: f64) -> Option<String> {
    if secs < 60.0 || wire == 0 {
        return None;
    }
    let per_hour = wire as f64 * 3600.0 / secs / 1e6;
    let share = if json > wire {
        format!(
            ", {:.0}% of uncompressed",
            100.0 * wire as f64 / json as f64
        )
    } else {
        ", uncompressed".to_string()
    };
    Some(format!("stream: {per_hour:.1} MB/h received{share}"))
}

impl Bluesky {
    /// A connector for `spec`, matching `business`'s terms.
    pub fn new(spec: &SourceSpec, business: &Business, ctx: Context) -> Result<Self, ChannelError> {
        let mut queries: Vec<String> = spec
            .queries
            .iter()
            .map(|q| q.trim().to_string())
            .filter(|q| !q.is_empty())
            .collect();
        if queries.is_empty() && !business.name.trim().is_empty() {
            queries.push(business.name.trim().to_string());
        }
        Ok(Bluesky {
            client: Client::new(spec, ctx)?,
            matcher: Matcher::new(business),
            own_did: None,
            // A handle has a dot and one @ (`@name.bsky.social`, `@brightside.coffee`); a
            // Mastodon address has two.
            own_handle: business
                .terms
                .iter()
                .filter_map(|t| t.trim().strip_prefix('@'))
                .find(|h| h.contains('.') && !h.contains('@'))
                .map(str::to_string),
            resolved: false,
            queries,
            interval: Duration::from_secs(u64::from(spec.interval_secs.unwrap_or(60).max(1))),
            profiles: HashMap::new(),
            ws: None,
            next_poll: Instant::now(),
            cursor_saved: Instant::now(),
            inflater: None,
            traffic: Traffic::new(),
            cursor_sent: None,
        })
    }

    /// Without a login, learns the business's own DID from its Bluesky handle (a watch term such
    /// as `@name.bsky.social`), so mentions by facet and replies to its posts are heard too. Asked
    /// once; a failure only means matching by words alone.
    async fn resolve_own_handle(&mut self) {
        if self.own_did.is_some() || self.resolved {
            return;
        }
        self.resolved = true;
        let Some(handle) = self.own_handle.clone() else {
            return;
        };
        match self
            .client
            .public(
                "com.atproto.identity.resolveHandle",
                &[("handle", handle.as_str())],
            )
            .await
            .and_then(|b| {
                serde_json::from_slice::<Resolved>(&b).map_err(|e| malformed("handle", e))
            }) {
            Ok(r) => self.own_did = Some(r.did),
            Err(e) => {
                tracing::info!(%handle, error = %e, "could not resolve the business's Bluesky handle")
            }
        }
    }

    /// Fills in handles, names and follower counts from `getProfiles` (cached). A failure leaves
    /// the DIDs as handles: the mentions still arrive.
    async fn fill_profiles(&mut self, mentions: &mut [Mention]) {
        let now = self.client.ctx.clock.now();
        let fresh = |at: i64| now - at < PROFILE_TTL_SECS;
        let mut missing: Vec<String> = mentions
            .iter()
            .filter_map(|m| m.remote.author_id.clone())
            .filter(|d| !self.profiles.get(d).is_some_and(|(_, at)| fresh(*at)))
            .collect();
        missing.sort();
        missing.dedup();
        for chunk in missing.chunks(PROFILES_PER_CALL) {
            let query: Vec<(&str, &str)> = chunk.iter().map(|d| ("actors", d.as_str())).collect();
            match self
                .client
                .public("app.bsky.actor.getProfiles", &query)
                .await
            {
                Ok(body) => match serde_json::from_slice::<Profiles>(&body) {
                    Ok(p) => {
                        for prof in p.profiles {
                            self.profiles.insert(prof.did.clone(), (prof, now));
                        }
                    }
                    Err(e) => tracing::warn!(error = %e, "Bluesky profiles unreadable"),
                },
                Err(e) => tracing::warn!(error = %e, "Bluesky profiles unavailable"),
            }
        }
        if self.profiles.len() > PROFILES_KEPT {
            // Drop the stale ones, then the oldest, down to three quarters.
            self.profiles.retain(|_, (_, at)| fresh(*at));
            if self.profiles.len() > PROFILES_KEPT {
                let mut ages: Vec<i64> = self.profiles.values().map(|(_, at)| *at).collect();
                ages.sort_unstable();
                let cut = ages[self.profiles.len() - PROFILES_KEPT * 3 / 4];
                self.profiles.retain(|_, (_, at)| *at >= cut);
            }
        }
        for m in mentions.iter_mut() {
            let Some((p, _)) = m
                .remote
                .author_id
                .as_ref()
                .and_then(|d| self.profiles.get(d))
            else {
                continue;
            };
            let followers = m.author.followers;
            m.author = author_of(p);
            m.author.followers = p.followers_count.or(followers);
            m.url = Some(post_url(&p.handle, &m.external_id));
        }
    }

    async fn connect(&mut self, cur: &Cursor) -> Result<(), ChannelError> {
        // Compressed: zstd frames made with Jetstream's published dictionary, about half the
        // bytes of the JSON (a service that ignores it sends text, which is read as before).
        let mut url = format!(
            "{}?wantedCollections=app.bsky.feed.post&compress=true",
            self.client.ends.jetstream
        );
        // Resume a little before the last event seen; the first time, a little before now.
        let from = cur
            .time_us
            .unwrap_or_else(|| self.client.ctx.clock.now() * 1_000_000);
        url.push_str(&format!("&cursor={}", (from - REWIND_US).max(0)));
        tracing::debug!(%url, "connecting to Jetstream");
        let (ws, _) = tokio_tungstenite::connect_async(url.as_str())
            .await
            .map_err(|e| {
                // Name the address that failed (without its cursor): a PDS or an AppView given
                // where Jetstream belongs answers the WebSocket handshake with plain HTTP.
                let at = self.client.ends.jetstream.as_str();
                let hint = match &e {
                    tokio_tungstenite::tungstenite::Error::Http(r) => {
                        format!(
                            "HTTP {} — is this a Jetstream address?",
                            r.status().as_u16()
                        )
                    }
                    tokio_tungstenite::tungstenite::Error::Protocol(_) => {
                        format!("{e} — is this a Jetstream address?")
                    }
                    _ => e.to_string(),
                };
                ChannelError::Network(format!("Jetstream at {at}: {hint}"))
            })?;
        self.ws = Some(ws);
        self.traffic = Traffic::new();
        tracing::debug!("connected to Jetstream");
        Ok(())
    }

    async fn catch_up(&mut self, cur: &Cursor, now: i64) -> Result<Vec<Mention>, ChannelError> {
        let mut out = Vec::new();
        if self.client.session().await?.is_none() {
            return Ok(out);
        }
        let since = cur
            .time_us
            .map(|t| crate::model::rfc3339((t - REWIND_US) / 1_000_000));
        for q in self.queries.clone() {
            let mut query = vec![("q", q.as_str()), ("sort", "latest"), ("limit", "50")];
            if let Some(s) = &since {
                query.push(("since", s.as_str()));
            }
            let body = self
                .client
                .call("app.bsky.feed.searchPosts", &query, None, None)
                .await?;
            out.extend(parse_search(&body, now)?);
        }
        Ok(out)
    }

    async fn poll_notifications(
        &mut self,
        cur: &mut Cursor,
        now: i64,
    ) -> Result<Vec<Mention>, ChannelError> {
        let body = self
            .client
            .call(
                "app.bsky.notification.listNotifications",
                &[("limit", "50")],
                None,
                None,
            )
            .await?;
        let (mentions, newest) = parse_notifications(&body, now)?;
        // The newest page is read every time; the store keeps each post once.
        if let Some(n) = newest {
            if cur.notified.as_deref().is_none_or(|s| n.as_str() > s) {
                cur.notified = Some(n);
            }
        }
        Ok(mentions)
    }

    fn matches(&self, e: &jetstream::Event<'_>) -> bool {
        let Some(rec) = e.commit.as_ref().and_then(|c| c.record.as_ref()) else {
            return false;
        };
        if let Some(did) = &self.own_did {
            if e.did == did {
                return false;
            }
            if rec.addresses(did) {
                return true;
            }
        }
        rec.text
            .as_deref()
            .is_some_and(|t| !self.matcher.matches(t).is_empty())
    }

    async fn next(&mut self, cursor: Option<&str>) -> Result<Batch, ChannelError> {
        let now = self.client.ctx.clock.now();
        let mut cur: Cursor = cursor
            .and_then(|c| serde_json::from_str(c).ok())
            .unwrap_or_default();
        let logged_in = match self.client.session().await? {
            Some(s) => {
                self.own_did = Some(s.did.clone());
                true
            }
            None => {
                self.resolve_own_handle().await;
                false
            }
        };
        let mut mentions = Vec::new();
        if self.ws.is_none() {
            mentions.extend(self.catch_up(&cur, now).await?);
            self.connect(&cur).await?;
            self.next_poll = Instant::now();
            if cur.time_us.is_none() {
                // Save where listening began at once: a restart (even after a crash) resumes
                // from here instead of from its own "now", losing nothing in between.
                cur.time_us = Some(now * 1_000_000);
                self.fill_profiles(&mut mentions).await;
                self.cursor_saved = Instant::now();
                return Ok(Batch {
                    mentions,
                    cursor: Some(serde_json::to_string(&cur).unwrap_or_default()),
                    wait: Some(Duration::ZERO),
                    ..Batch::default()
                });
            }
        }
        let mut ended = false;
        while mentions.is_empty() {
            let ws = self
                .ws
                .as_mut()
                .ok_or_else(|| ChannelError::Network("not connected".into()))?;
            let poll_at = tokio::time::Instant::from_std(self.next_poll);
            tokio::select! {
                frame = tokio::time::timeout(STREAM_IDLE, ws.next()) => {
                    match frame {
                        Ok(Some(Ok(msg))) => self.take(msg, &mut cur, &mut mentions, now),
                        Ok(Some(Err(e))) => {
                            tracing::info!(error = %e, "Jetstream connection broke");
                            ended = true;
                        }
                        Ok(None) | Err(_) => ended = true,
                    }
                }
                _ = tokio::time::sleep_until(poll_at), if logged_in => {
                    self.next_poll = Instant::now() + self.interval;
                    mentions.extend(self.poll_notifications(&mut cur, now).await?);
                }
            }
            // A quiet stream returns nothing: the cursor is saved only when it has moved, so
            // an idle connection costs no wake-ups beyond the socket's own.
            let moved = cur.time_us != self.cursor_sent;
            if ended || (moved && self.cursor_saved.elapsed() >= CURSOR_EVERY) {
                break;
            }
        }
        // Take whatever else arrives within the gathering window into the same batch.
        let gather_until = tokio::time::Instant::now() + GATHER;
        while !ended && !mentions.is_empty() && mentions.len() < 500 {
            let Some(ws) = self.ws.as_mut() else { break };
            match tokio::time::timeout_at(gather_until, ws.next()).await {
                Ok(Some(Ok(msg))) => self.take(msg, &mut cur, &mut mentions, now),
                Ok(Some(Err(_))) | Ok(None) => ended = true,
                Err(_) => break,
            }
        }
        if ended {
            self.ws = None;
        }
        self.fill_profiles(&mut mentions).await;
        self.cursor_saved = Instant::now();
        self.cursor_sent = cur.time_us;
        Ok(Batch {
            mentions,
            cursor: Some(serde_json::to_string(&cur).unwrap_or_default()),
            wait: Some(Duration::ZERO),
            ..Batch::default()
        })
    }

    fn take(
        &mut self,
        msg: tokio_tungstenite::tungstenite::Message,
        cur: &mut Cursor,
        out: &mut Vec<Mention>,
        now: i64,
    ) {
        use tokio_tungstenite::tungstenite::Message;
        let inflated;
        let text: &str = match &msg {
            Message::Text(t) => {
                self.traffic.wire += t.len() as u64;
                self.traffic.json += t.len() as u64;
                t.as_str()
            }
            Message::Binary(b) => {
                self.traffic.wire += b.len() as u64;
                if self.inflater.is_none() {
                    match jetstream::Inflater::new() {
                        Ok(i) => self.inflater = Some(i),
                        Err(e) => {
                            tracing::warn!(error = %e, "cannot inflate Jetstream frames");
                            return;
                        }
                    }
                }
                let Some(inflater) = self.inflater.as_mut() else {
                    return;
                };
                match inflater.frame(b) {
                    Ok(t) => {
                        self.traffic.json += t.len() as u64;
                        inflated = t.to_string();
                        inflated.as_str()
                    }
                    Err(err) => {
                        tracing::debug!(error = %err, "skipped a Jetstream frame");
                        return;
                    }
                }
            }
            _ => return,
        };
        let e = match jetstream::parse(text) {
            Ok(e) => e,
            Err(err) => {
                tracing::debug!(error = %err, "skipped a Jetstream frame");
                return;
            }
        };
        cur.time_us = Some(cur.time_us.map_or(e.time_us, |t| t.max(e.time_us)));
        if e.post_text().is_none() || !self.matches(&e) {
            return;
        }
        if let Some(mut m) = event_to_mention(&e, now) {
            m.remote.to_owner = self.own_did.as_deref().is_some_and(|d| {
                e.commit
                    .as_ref()
                    .and_then(|c| c.record.as_ref())
                    .is_some_and(|r| r.addresses(d))
            });
            out.push(m);
        }
    }
}

impl Connector for Bluesky {
    fn next_batch<'a>(&'a mut self, cursor: Option<&'a str>) -> BatchFuture<'a> {
        Box::pin(async move {
            let r = self.next(cursor).await.map(|mut b| {
                b.limited = self.client.limited.clone();
                b.detail = self.traffic.detail();
                b
            });
            if r.is_err() {
                self.ws = None;
            }
            r
        })
    }
}
