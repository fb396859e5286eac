//! Mastodon, on any instance.
//!
//! - Without a login: hashtag timelines (`GET /api/v1/timelines/tag/:tag`), then the `hashtag`
//!   stream where the instance allows it.
//! - Logged in (OAuth, token in the keychain): also mentions (`/api/v1/notifications?
//!   types[]=mention`), a search v2 catch-up for the business terms, and the
//!   `user:notification` stream.
//! - Streaming is one WebSocket (`/api/v1/streaming`, one `subscribe` per stream; each frame's
//!   `payload` is a JSON string to parse again), with server-sent events as the fallback.
//! - Every (re)connection starts with a REST catch-up from the last stored ids (`min_id` paging),
//!   so a gap loses nothing; the store's `(channel, external_id)` key makes overlap harmless.
//!
//! The cursor is `{"status": id, "notification": id}`: the newest of each seen and stored.
//!
//! Files: `wire` (the API's JSON), `parse` (JSON → [`Mention`]), `stream` (WebSocket and
//! server-sent events), `reply` (posting), `login` (OAuth). This file is the connector: catch-up,
//! polling and the schedule.

pub mod login;
mod parse;
mod reply;
mod stream;
mod wire;

pub use parse::{
    count_chars, full_handle, host_with_port, parse_event, parse_notifications, parse_search,
    parse_statuses, parse_tag_feed, parse_ws_frame, status_to_mention, StreamEvent,
};
pub use reply::{instance_info, reply_body, send};
pub use wire::{Account, Instance, Notification, Status};

use std::time::{Duration, Instant};

use futures_util::StreamExt;
use serde::{Deserialize, Serialize};

use self::parse::{bump, malformed, newer};
use self::stream::Events;
use super::{check_status, network_error, Batch, BatchFuture, ChannelError, Connector, Context};
use crate::model::{Business, Mention, SourceKind, SourceSpec};
use crate::secrets;

/// Items per REST page (the API's maximum for these endpoints).
const PAGE: u32 = 40;
/// Pages per endpoint in one catch-up.
const MAX_PAGES: u32 = 5;
/// A stream silent this long is presumed dead (servers send heartbeats far more often).
const STREAM_IDLE: Duration = Duration::from_secs(5 * 60);
/// A stream that closes sooner than this counts as a failed connection.
const SHORT_LIVED: Duration = Duration::from_secs(10);
/// Once an event has arrived, what else arrives within this long goes in the same batch (a
/// fixed deadline, so a steady stream cannot hold a batch back).
const GATHER: Duration = Duration::from_millis(5);
/// First wait before trying a refused stream again (REST catch-up runs each time).
const STREAM_RETRY: Duration = Duration::from_secs(2);
/// Longest wait between stream attempts.
const STREAM_RETRY_CAP: Duration = Duration::from_secs(60);
/// Without an account, how often the hashtags are polled once the instance has refused to
/// stream (Mastodon 4.2 and later stream only to logged-in clients), unless the source sets
/// its own interval.
const ANONYMOUS_POLL: Duration = Duration::from_secs(30);
/// How long a refusal to stream without an account is remembered before streaming is tried
/// again (a login restarts the source, and so tries at once).
const ANONYMOUS_STREAM_RETRY: Duration = Duration::from_secs(3600);
/// Mastodon's default status length, when the instance does not say.
pub const DEFAULT_MAX_CHARS: usize = 500;
/// Every link counts as this many characters, whatever its length.
const URL_CHARS: usize = 23;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
struct Cursor {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    notification: Option<String>,
}

/// The Mastodon connector.
pub struct Mastodon {
    ctx: Context,
    instance: url::Url,
    host: String,
    tags: Vec<String>,
    queries: Vec<String>,
    account: Option<String>,
    token: Option<String>,
    /// Set when the keychain could not be reached: the source listens without its account.
    limited: Option<String>,
    /// When the keychain is asked again after it could not be reached.
    keychain: secrets::AskAgain,
    /// When the instance refused to stream without an account; hashtags are polled until
    /// [`ANONYMOUS_STREAM_RETRY`] has passed.
    stream_needs_login: Option<Instant>,
    /// How often hashtags are polled then.
    poll_every: Duration,
    info: Option<Instance>,
    // A Mutex only to make the connector Sync; it is reached through `&mut self` (`get_mut`).
    events: Option<(std::sync::Mutex<Events>, Instant)>,
    short_lived: u32,
    stream_failures: u32,
}

impl Mastodon {
    /// A connector for `spec` (its `base_url` is the instance).
    pub fn new(spec: &SourceSpec, business: &Business, ctx: Context) -> Result<Self, ChannelError> {
        let instance = instance_url(spec)?;
        let host = host_with_port(&instance).unwrap_or_default();
        let mut tags: Vec<String> = spec
            .queries
            .iter()
            .filter_map(|q| {
                let q = q.trim();
                q.strip_prefix('#').map(|t| t.to_string())
            })
            .collect();
        if tags.is_empty() {
            tags = business
                .terms
                .iter()
                .filter_map(|t| t.trim().strip_prefix('#').map(str::to_string))
                .collect();
        }
        let mut queries: Vec<String> = spec
            .queries
            .iter()
            .map(|q| q.trim().to_string())
            .filter(|q| !q.is_empty() && !q.starts_with('#'))
            .collect();
        if queries.is_empty() && !business.name.trim().is_empty() {
            queries.push(business.name.trim().to_string());
        }
        if tags.is_empty() && spec.account.is_none() {
            return Err(ChannelError::Config(
                "Mastodon needs a hashtag to follow (a #term) or a logged-in account".into(),
            ));
        }
        Ok(Mastodon {
            ctx,
            instance,
            host,
            tags,
            queries,
            account: spec.account.clone(),
            token: None,
            limited: None,
            keychain: secrets::AskAgain::default(),
            stream_needs_login: None,
            poll_every: spec
                .interval_secs
                .map(|s| Duration::from_secs(u64::from(s.max(1))))
                .unwrap_or(ANONYMOUS_POLL),
            info: None,
            events: None,
            short_lived: 0,
            stream_failures: 0,
        })
    }

    fn api(&self, path: &str) -> String {
        format!("{}{path}", self.instance.as_str().trim_end_matches('/'))
    }

    async fn get(&self, url: &str, what: &str) -> Result<Vec<u8>, ChannelError> {
        let mut req = self.ctx.http.get(url);
        if let Some(t) = &self.token {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.map_err(network_error)?;
        let resp = check_status(resp, what, self.ctx.clock.now())?;
        resp.bytes()
            .await
            .map(|b| b.to_vec())
            .map_err(network_error)
    }

    async fn ensure_ready(&mut self) -> Result<(), ChannelError> {
        let now = self.ctx.clock.now();
        if let (Some(acct), None, true) = (&self.account, &self.token, self.keychain.due(now)) {
            let key = secrets::key_for(SourceKind::Mastodon, acct);
            match self.ctx.secrets.get(&key).await {
                Ok(Some(t)) => {
                    if self.limited.take().is_some() {
                        tracing::info!(instance = %self.host, "the keychain answered: listening with the account again");
                        // The open stream is the hashtags' alone: open one with the account's.
                        self.events = None;
                        self.stream_needs_login = None;
                    }
                    self.keychain.answered();
                    self.token = Some(t);
                }
                // No keychain (none installed, locked, no session bus): hear what can be heard
                // without the login (the hashtags) rather than nothing, say so, and ask again.
                Err(e) if self.tags.is_empty() => {
                    return Err(ChannelError::Keychain(format!(
                        "{e}; without the account this source has no hashtag to follow"
                    )))
                }
                Err(e) => {
                    let wait = self.keychain.failed(now);
                    let note = secrets::listening_without(acct, &e, wait);
                    if self.limited.is_none() {
                        tracing::warn!(instance = %self.host, "{note}");
                    }
                    self.limited = Some(note);
                }
                Ok(None) => {
                    return Err(ChannelError::Unauthorized(format!(
                        "no login for {acct} in the keychain: log in again"
                    )))
                }
            }
        }
        if self.info.is_none() {
            let body = self
                .get(&self.api("/api/v2/instance"), "the instance")
                .await?;
            let info: Instance =
                serde_json::from_slice(&body).map_err(|e| malformed("instance", e))?;
            self.info = Some(info);
        }
        Ok(())
    }

    /// Pages forward from `min_id` (oldest page first), newest-first within each page.
    async fn page_forward<T>(
        &self,
        base: &str,
        min_id: Option<&str>,
        what: &str,
        parse: impl Fn(&[u8]) -> Result<Vec<T>, ChannelError>,
        id: impl Fn(&T) -> &str,
    ) -> Result<Vec<T>, ChannelError> {
        let sep = if base.contains('?') { '&' } else { '?' };
        let mut out = Vec::new();
        let mut after = min_id.map(str::to_string);
        for _ in 0..MAX_PAGES {
            let url = match &after {
                Some(a) => format!("{base}{sep}limit={PAGE}&min_id={a}"),
                None => format!("{base}{sep}limit={PAGE}"),
            };
            let items = parse(&self.get(&url, what).await?)?;
            let n = items.len();
            let newest = items
                .iter()
                .map(&id)
                .fold(None::<String>, |acc, i| match acc {
                    Some(a) if !newer(i, &a) => Some(a),
                    _ => Some(i.to_string()),
                });
            out.extend(items);
            // Without a cursor only the newest page is wanted; a short page is the last one.
            if after.is_none() || n < PAGE as usize {
                break;
            }
            after = newest;
        }
        Ok(out)
    }

    async fn catch_up(&mut self, cursor: &mut Cursor) -> Result<Vec<Mention>, ChannelError> {
        let now = self.ctx.clock.now();
        let mut out = Vec::new();
        let public = self.info.as_ref().is_none_or(Instance::public_hashtags);
        if self.token.is_none() && !public {
            // The instance keeps hashtag timelines for its users: its public tag feeds remain.
            for tag in self.tags.clone() {
                let url = self.api(&format!("/tags/{}.rss", urlencode(&tag)));
                let body = self.get(&url, "a hashtag feed").await?;
                out.extend(parse_tag_feed(&body, &self.host, now)?);
            }
        }
        if self.token.is_some() || public {
            for tag in self.tags.clone() {
                let base = self.api(&format!("/api/v1/timelines/tag/{}", urlencode(&tag)));
                let statuses = self
                    .page_forward(
                        &base,
                        cursor.status.as_deref(),
                        "a hashtag timeline",
                        parse_statuses,
                        |s| &s.id,
                    )
                    .await?;
                out.extend(
                    statuses
                        .into_iter()
                        .map(|s| status_to_mention(s, &self.host, false, now)),
                );
            }
        }
        if self.token.is_some() {
            let base = self.api("/api/v1/notifications?types[]=mention");
            let notes = self
                .page_forward(
                    &base,
                    cursor.notification.as_deref(),
                    "notifications",
                    parse_notifications,
                    |n| &n.id,
                )
                .await?;
            for n in notes {
                bump(&mut cursor.notification, &n.id);
                if let (true, Some(s)) = (n.kind == "mention", n.status) {
                    out.push(status_to_mention(s, &self.host, true, now));
                }
            }
            for q in self.queries.clone() {
                let mut url = self.api(&format!(
                    "/api/v2/search?type=statuses&resolve=false&limit={PAGE}&q={}",
                    urlencode(&q)
                ));
                if let Some(min) = &cursor.status {
                    url.push_str(&format!("&min_id={min}"));
                }
                let statuses = parse_search(&self.get(&url, "search").await?)?;
                out.extend(
                    statuses
                        .into_iter()
                        .map(|s| status_to_mention(s, &self.host, false, now)),
                );
            }
        }
        for m in &out {
            if !m.remote.to_owner || self.tags.is_empty() {
                bump(&mut cursor.status, &m.external_id);
            }
        }
        Ok(out)
    }

    fn to_mention(&self, ev: StreamEvent, cursor: &mut Cursor, now: i64) -> Option<Mention> {
        match ev {
            StreamEvent::Update(s) => {
                bump(&mut cursor.status, &s.id);
                Some(status_to_mention(*s, &self.host, false, now))
            }
            StreamEvent::Notification(n) => {
                bump(&mut cursor.notification, &n.id);
                match (n.kind.as_str(), n.status) {
                    ("mention", Some(s)) => Some(status_to_mention(s, &self.host, true, now)),
                    _ => None,
                }
            }
            StreamEvent::Other => None,
        }
    }

    async fn next(&mut self, cursor: Option<&str>) -> Result<Batch, ChannelError> {
        self.ensure_ready().await?;
        let mut cur: Cursor = cursor
            .and_then(|c| serde_json::from_str(c).ok())
            .unwrap_or_default();
        let feeds_only =
            self.token.is_none() && !self.info.as_ref().is_none_or(Instance::public_hashtags);
        if feeds_only {
            let mentions = self.catch_up(&mut cur).await?;
            return Ok(Batch {
                mentions,
                cursor: Some(serde_json::to_string(&cur).unwrap_or_default()),
                wait: None,
                ..Batch::default()
            });
        }
        if self
            .stream_needs_login
            .is_some_and(|at| at.elapsed() < ANONYMOUS_STREAM_RETRY)
        {
            // This instance streams only to logged-in clients: poll at a steady pace instead of
            // knocking on the stream every cycle.
            let mentions = self.catch_up(&mut cur).await?;
            return Ok(Batch {
                mentions,
                cursor: Some(serde_json::to_string(&cur).unwrap_or_default()),
                wait: Some(self.poll_every),
                polled: true,
                ..Batch::default()
            });
        }
        let Some((events, opened)) = self.events.as_mut() else {
            // (Re)connecting: open the stream first, so what is posted during the catch-up is
            // waiting on it; then catch up over REST from the last stored ids.
            let connected = self.connect().await;
            let mentions = self.catch_up(&mut cur).await?;
            let wait = match connected {
                Ok(events) => {
                    self.events = Some((std::sync::Mutex::new(events), Instant::now()));
                    self.stream_failures = 0;
                    self.stream_needs_login = None;
                    Duration::ZERO
                }
                // Mastodon 4.2+: no streaming without an account. Remember it and poll.
                Err(ChannelError::Unauthorized(why)) if self.token.is_none() => {
                    tracing::warn!(instance = %self.host, %why, every = ?self.poll_every,
                        "this instance streams only to logged-in clients; polling its hashtags instead");
                    self.stream_needs_login = Some(Instant::now());
                    self.poll_every
                }
                // No stream for now: keep what the catch-up found, and poll until one opens.
                Err(e) => {
                    self.stream_failures += 1;
                    let wait = STREAM_RETRY
                        .saturating_mul(1 << self.stream_failures.min(5).saturating_sub(1))
                        .min(STREAM_RETRY_CAP);
                    tracing::info!(instance = %self.host, error = %e, ?wait, "no Mastodon stream; polling meanwhile");
                    wait
                }
            };
            return Ok(Batch {
                mentions,
                cursor: Some(serde_json::to_string(&cur).unwrap_or_default()),
                wait: Some(wait),
                // Polling instead of the stream refused without an account: a polling pace.
                polled: self.stream_needs_login.is_some(),
                ..Batch::default()
            });
        };
        let opened = *opened;
        let now = self.ctx.clock.now();
        let mut mentions = Vec::new();
        let events = events.get_mut().unwrap_or_else(|p| p.into_inner());
        let first = tokio::time::timeout(STREAM_IDLE, events.next()).await;
        let mut ended = match first {
            Ok(Some(Ok(ev))) => {
                mentions.extend(self.to_mention(ev, &mut cur, now));
                false
            }
            Ok(Some(Err(ChannelError::Malformed(e)))) => {
                tracing::warn!(error = %e, "skipped a streamed event that could not be read");
                false
            }
            Ok(Some(Err(e))) => {
                tracing::info!(error = %e, "Mastodon stream ended");
                true
            }
            Ok(None) | Err(_) => true,
        };
        // Take whatever else arrives within the gathering window into the same batch.
        let gather_until = tokio::time::Instant::now() + GATHER;
        while !ended {
            let Some((events, _)) = self.events.as_mut() else {
                break;
            };
            let events = events.get_mut().unwrap_or_else(|p| p.into_inner());
            match tokio::time::timeout_at(gather_until, events.next()).await {
                Ok(Some(Ok(ev))) => mentions.extend(self.to_mention(ev, &mut cur, now)),
                Ok(Some(Err(ChannelError::Malformed(_)))) => {}
                Ok(Some(Err(_))) | Ok(None) => ended = true,
                Err(_) => break,
            }
            if mentions.len() >= 500 {
                break;
            }
        }
        if ended {
            self.events = None;
            if opened.elapsed() < SHORT_LIVED {
                self.short_lived += 1;
                if self.short_lived >= 3 {
                    self.short_lived = 0;
                    return Err(ChannelError::Network("the stream keeps closing".into()));
                }
            } else {
                self.short_lived = 0;
            }
        }
        Ok(Batch {
            mentions,
            cursor: Some(serde_json::to_string(&cur).unwrap_or_default()),
            wait: Some(Duration::ZERO),
            ..Batch::default()
        })
    }
}

impl Connector for Mastodon {
    fn next_batch<'a>(&'a mut self, cursor: Option<&'a str>) -> BatchFuture<'a> {
        Box::pin(async move {
            let r = self.next(cursor).await.map(|mut b| {
                b.limited = self.limits();
                b
            });
            if r.is_err() {
                self.events = None;
                if matches!(r, Err(ChannelError::Unauthorized(_))) {
                    self.token = None;
                }
            }
            r
        })
    }
}

/// The instance a spec names.
pub fn instance_url(spec: &SourceSpec) -> Result<url::Url, ChannelError> {
    let raw = spec
        .base_url
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            ChannelError::Config("Mastodon needs the instance address (base_url)".into())
        })?;
    let with_scheme = if raw.contains("://") {
        raw.to_string()
    } else {
        format!("https://{raw}")
    };
    let u = url::Url::parse(&with_scheme)
        .map_err(|e| ChannelError::Config(format!("instance address {raw:?}: {e}")))?;
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none() {
        return Err(ChannelError::Config(format!(
            "instance address {raw:?} is not an http(s) address"
        )));
    }
    Ok(u)
}

pub(crate) fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
