//! Channels: one folder per network, each behind the small [`Connector`] trait, and what each
//! can do when answering ([`ReplyRules`]: public, private, length and how it is counted, the
//! reply window).
//!
//! A connector turns its network's responses into [`Mention`]s and says where to resume
//! (an opaque cursor string it alone understands). Polling connectors return one batch per call
//! and let the scheduler wait their interval; streaming connectors return as soon as events
//! arrive and ask to be called again at once (`wait: Some(Duration::ZERO)`).
//!
//! How to add a network, step by step, is in `channels/README.md`.

pub mod bluesky;
pub mod email;
pub mod facebook;
pub mod google_reviews;
pub mod graph;
pub mod hackernews;
pub mod instagram;
pub mod mastodon;
pub mod oauth;
pub mod reddit;
pub mod rss;
pub mod x;
pub mod youtube;

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use crate::clock::Clock;
use crate::model::{Business, Channel, Mention, SourceKind, SourceSpec};
use crate::secrets::Secrets;

/// What every connector and sender shares: the HTTP client, the clock and the keychain.
#[derive(Clone, Debug)]
pub struct Context {
    /// HTTP client with Earshot's user agent.
    pub http: reqwest::Client,
    /// Now.
    pub clock: Clock,
    /// Where tokens live.
    pub secrets: Secrets,
}

/// What one call to a connector produced.
#[derive(Debug, Default)]
pub struct Batch {
    /// Mentions as parsed (not yet matched or triaged).
    pub mentions: Vec<Mention>,
    /// The cursor to save with them; `None` keeps the previous one.
    pub cursor: Option<String>,
    /// How long to wait before the next call; `None` means the source's interval.
    pub wait: Option<Duration>,
    /// Whether `wait` is a polling pace (as `None` always is), which the scheduler stretches
    /// while the source finds nothing new; a stream's or a rate limit's wait is kept as it is.
    pub polled: bool,
    /// What the source is working without, when it is (for its health): the call worked, but
    /// with less than the owner configured.
    pub limited: Option<String>,
    /// What listening costs, when the connector measures it (for its health).
    pub detail: Option<String>,
    /// What the owner should act on soon although the call worked (a login that ends in days).
    pub warning: Option<String>,
}

/// Why a connector call failed; the scheduler branches on it.
#[derive(Debug, thiserror::Error)]
pub enum ChannelError {
    /// 429 or 503: wait, honouring Retry-After when given.
    #[error("rate limited{}", .retry_after.map(|d| format!(" (retry after {}s)", d.as_secs())).unwrap_or_default())]
    RateLimited {
        /// What the server asked for.
        retry_after: Option<Duration>,
    },
    /// Credentials missing, expired or refused.
    #[error("not authorised: {0}")]
    Unauthorized(String),
    /// The response was not what this network sends.
    #[error("malformed response: {0}")]
    Malformed(String),
    /// Any other HTTP status.
    #[error("HTTP {status} from {what}")]
    Http {
        /// The status code.
        status: u16,
        /// What was being fetched.
        what: String,
    },
    /// The network could not be reached.
    #[error("network error: {0}")]
    Network(String),
    /// The source's configuration cannot work.
    #[error("configuration: {0}")]
    Config(String),
    /// The network understood and said no, with its reason.
    #[error("refused: {0}")]
    Refused(String),
    /// The system keychain could not be read or written (not running, locked, restarting): a
    /// passing fault of this desktop, tried again later — not a login the network refused.
    #[error("{0}")]
    Keychain(String),
}

impl From<crate::secrets::SecretError> for ChannelError {
    fn from(e: crate::secrets::SecretError) -> ChannelError {
        ChannelError::Keychain(e.to_string())
    }
}

/// The future a connector returns.
pub type BatchFuture<'a> = Pin<Box<dyn Future<Output = Result<Batch, ChannelError>> + Send + 'a>>;

/// One configured source's way of fetching from its network.
pub trait Connector: Send {
    /// Fetches what is new since `cursor`.
    fn next_batch<'a>(&'a mut self, cursor: Option<&'a str>) -> BatchFuture<'a>;
}

/// Builds the connector for a source.
pub fn connector_for(
    spec: &SourceSpec,
    business: &Business,
    ctx: &Context,
) -> Result<Box<dyn Connector>, ChannelError> {
    let (http, clock) = (ctx.http.clone(), ctx.clock.clone());
    match spec.kind {
        SourceKind::Hackernews => Ok(Box::new(hackernews::HackerNews::new(
            spec,
            &business.name,
            http,
            clock,
        )?)),
        SourceKind::Rss => Ok(Box::new(rss::Feed::new(spec, http, clock)?)),
        SourceKind::Mastodon => Ok(Box::new(mastodon::Mastodon::new(
            spec,
            business,
            ctx.clone(),
        )?)),
        SourceKind::Bluesky => Ok(Box::new(bluesky::Bluesky::new(
            spec,
            business,
            ctx.clone(),
        )?)),
        SourceKind::Facebook => Ok(Box::new(facebook::Facebook::new(spec, ctx.clone())?)),
        SourceKind::Instagram => Ok(Box::new(instagram::Instagram::new(spec, ctx.clone())?)),
        SourceKind::GoogleReviews => Ok(Box::new(google_reviews::Google::new(spec, ctx.clone())?)),
        SourceKind::Reddit => Ok(Box::new(reddit::Reddit::new(spec, business, ctx.clone())?)),
        SourceKind::Youtube => Ok(Box::new(youtube::Youtube::new(
            spec,
            business,
            ctx.clone(),
        )?)),
        SourceKind::X => Ok(Box::new(x::X::new(spec, business, ctx.clone())?)),
        SourceKind::Email => Ok(Box::new(email::Email::new(spec, ctx.clone())?)),
    }
}

/// A reply about to be sent.
#[derive(Debug)]
pub struct Draft<'a> {
    /// The mention answered.
    pub target: &'a Mention,
    /// The text, as it will be posted.
    pub body: &'a str,
    /// A private message instead of a public reply.
    pub private: bool,
    /// The outbox row's key: the same on every attempt.
    pub idempotency_key: &'a str,
    /// When the reply was written (unix seconds): where a network has no idempotency key (Bluesky
    /// chat), a retry first looks for a copy sent since then.
    pub queued_at: i64,
    /// Whether an earlier attempt began (it may have landed): networks without an idempotency
    /// key look for it before posting again.
    pub retry: bool,
}

/// What the network said when it accepted a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// Its id there.
    pub remote_id: String,
    /// A link to it, when there is one.
    pub remote_url: Option<String>,
}

/// How a channel takes replies: whether publicly and privately, and how long they may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct ReplyRules {
    /// A public reply is possible.
    pub public: bool,
    /// A private message is possible.
    pub private: bool,
    /// The longest reply, in `unit`s.
    pub limit: u32,
    /// How length is counted.
    pub unit: LengthUnit,
    /// How long after the post a reply is still accepted (seconds), when the network limits it
    /// (a private reply to a Facebook comment, for one); `None`: no limit.
    #[ts(type = "number | null")]
    pub window_secs: Option<u32>,
    /// Why a public reply to this mention must be written on the site instead (X answers only
    /// posts that mention the account); `None`: it can be sent from Earshot.
    #[serde(default)]
    pub elsewhere: Option<&'static str>,
}

/// How a channel counts length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum LengthUnit {
    /// Unicode graphemes (Bluesky).
    Graphemes,
    /// Characters, links as 23 and mentions by their local part (Mastodon).
    MastodonChars,
    /// Unicode characters (Facebook, Instagram, Google).
    Chars,
}

impl ReplyRules {
    /// The length of `text` as this channel counts it.
    pub fn length(&self, text: &str) -> usize {
        match self.unit {
            LengthUnit::Graphemes => bluesky::count_graphemes(text),
            LengthUnit::MastodonChars => mastodon::count_chars(text),
            LengthUnit::Chars => text.chars().count(),
        }
    }
}

/// The reply rules of a channel, `None` when it has no write API (reply on the site instead).
pub fn reply_rules(channel: Channel, mastodon_limit: Option<usize>) -> Option<ReplyRules> {
    match channel {
        Channel::Mastodon => Some(ReplyRules {
            public: true,
            private: true,
            limit: mastodon_limit.unwrap_or(mastodon::DEFAULT_MAX_CHARS) as u32,
            unit: LengthUnit::MastodonChars,
            window_secs: None,
            elsewhere: None,
        }),
        Channel::Bluesky => Some(ReplyRules {
            public: true,
            private: true,
            limit: bluesky::MAX_GRAPHEMES as u32,
            unit: LengthUnit::Graphemes,
            window_secs: None,
            elsewhere: None,
        }),
        // A private reply goes through Messenger (2,000 characters) within seven days of the
        // comment; the public comment allows more, but one limit keeps the composer simple.
        Channel::Facebook => Some(ReplyRules {
            public: true,
            private: true,
            limit: 2000,
            unit: LengthUnit::Chars,
            window_secs: Some(facebook::reply::PRIVATE_REPLY_WINDOW_SECS),
            elsewhere: None,
        }),
        // Instagram messages take 1,000 characters; comments 2,200.
        Channel::Instagram => Some(ReplyRules {
            public: true,
            private: true,
            limit: 1000,
            unit: LengthUnit::Chars,
            window_secs: Some(facebook::reply::PRIVATE_REPLY_WINDOW_SECS),
            elsewhere: None,
        }),
        Channel::GoogleReviews => Some(ReplyRules {
            public: true,
            private: false,
            limit: google_reviews::MAX_REPLY_CHARS,
            unit: LengthUnit::Chars,
            window_secs: None,
            elsewhere: None,
        }),
        Channel::Reddit => Some(ReplyRules {
            public: true,
            private: true,
            limit: reddit::MAX_CHARS,
            unit: LengthUnit::Chars,
            window_secs: None,
            elsewhere: None,
        }),
        Channel::Youtube => Some(ReplyRules {
            public: true,
            private: false,
            limit: youtube::MAX_CHARS,
            unit: LengthUnit::Chars,
            window_secs: None,
            elsewhere: None,
        }),
        Channel::X => Some(ReplyRules {
            public: true,
            private: true,
            limit: x::MAX_CHARS,
            unit: LengthUnit::Chars,
            window_secs: None,
            elsewhere: None,
        }),
        // Email is answered privately only: the reply goes to the sender.
        Channel::Email => Some(ReplyRules {
            public: false,
            private: true,
            limit: email::MAX_CHARS,
            unit: LengthUnit::Chars,
            window_secs: None,
            elsewhere: None,
        }),
        Channel::Hackernews | Channel::Rss => None,
    }
}

/// Sends a reply through the source that found the mention.
pub async fn send_reply(
    spec: &SourceSpec,
    ctx: &Context,
    draft: &Draft<'_>,
) -> Result<Sent, ChannelError> {
    match spec.kind {
        SourceKind::Mastodon => mastodon::send(spec, ctx.clone(), draft).await,
        SourceKind::Bluesky => bluesky::send(spec, ctx.clone(), draft).await,
        SourceKind::Facebook => facebook::send(spec, ctx.clone(), draft).await,
        SourceKind::Instagram => instagram::send(spec, ctx.clone(), draft).await,
        SourceKind::GoogleReviews => google_reviews::send(spec, ctx.clone(), draft).await,
        SourceKind::Reddit => reddit::send(spec, ctx.clone(), draft).await,
        SourceKind::Youtube => youtube::send(spec, ctx.clone(), draft).await,
        SourceKind::X => x::send(spec, ctx.clone(), draft).await,
        SourceKind::Email => email::send(spec, ctx.clone(), draft).await,
        SourceKind::Hackernews | SourceKind::Rss => Err(ChannelError::Config(
            "this channel has no way to reply from Earshot: open the original to answer".into(),
        )),
    }
}

/// At most this many ids are kept for a cursor's newest second.
const AT_NEWEST_MAX: usize = 200;

/// The ids delivered at a cursor's newest second, for listings read from that second
/// inclusively (`>=`, so a post of the same second is not missed): dropping them when read again
/// lets a quiet poll hand the engine nothing. `floor` and `seen` are the cursor's before this
/// poll, `newest` after it, `delivered` this poll's (id, time) pairs.
pub(crate) fn ids_at_newest<'a>(
    floor: i64,
    seen: Vec<String>,
    newest: i64,
    delivered: impl IntoIterator<Item = (&'a str, i64)>,
) -> Vec<String> {
    let mut out = if newest == floor { seen } else { Vec::new() };
    for (id, at) in delivered {
        if at == newest && out.len() < AT_NEWEST_MAX && !out.iter().any(|s| s == id) {
            out.push(id.to_string());
        }
    }
    out
}

/// An HTTP client with Earshot's user agent and sane timeouts.
pub fn http_client() -> reqwest::Client {
    http_client_with(Duration::from_secs(30))
}

/// [`http_client`] with another whole-request timeout (tests of hanging servers).
pub fn http_client_with(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .user_agent(concat!(
            "Earshot/",
            env!("CARGO_PKG_VERSION"),
            " (+desktop mention monitor)"
        ))
        .connect_timeout(Duration::from_secs(10).min(timeout))
        .timeout(timeout)
        .build()
        .unwrap_or_default()
}

/// Maps an HTTP response's status to a [`ChannelError`], passing successes (and 304) through.
pub(crate) fn check_status(
    resp: reqwest::Response,
    what: &str,
    now: i64,
) -> Result<reqwest::Response, ChannelError> {
    let status = resp.status();
    if status.is_success() || status == reqwest::StatusCode::NOT_MODIFIED {
        return Ok(resp);
    }
    match status.as_u16() {
        429 | 503 => {
            let retry_after = resp
                .headers()
                .get(reqwest::header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| parse_retry_after(v, now));
            Err(ChannelError::RateLimited { retry_after })
        }
        401 | 403 => Err(ChannelError::Unauthorized(format!(
            "HTTP {} from {what}",
            status.as_u16()
        ))),
        s => Err(ChannelError::Http {
            status: s,
            what: what.to_string(),
        }),
    }
}

/// Retry-After is either seconds or an HTTP date.
pub fn parse_retry_after(v: &str, now: i64) -> Option<Duration> {
    if let Ok(secs) = v.trim().parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = chrono::DateTime::parse_from_rfc2822(v.trim())
        .ok()?
        .timestamp();
    Some(Duration::from_secs((at - now).max(0) as u64))
}

pub(crate) fn network_error(e: reqwest::Error) -> ChannelError {
    // reqwest's Display can include the URL; URLs here never carry secrets (tokens go in headers).
    if e.is_timeout() {
        ChannelError::Network("timed out".into())
    } else if e.is_connect() {
        ChannelError::Network(format!(
            "could not connect ({})",
            e.url().and_then(|u| u.host_str()).unwrap_or("?")
        ))
    } else if e.is_body() || e.is_decode() || e.is_request() {
        ChannelError::Network(format!(
            "the connection to {} dropped before the answer was complete",
            e.url().and_then(|u| u.host_str()).unwrap_or("?")
        ))
    } else {
        ChannelError::Network(e.without_url().to_string())
    }
}

/// A fixture from the repository's `fixtures/{network}/{name}` (the networks' real response
/// bodies; `fixtures/SOURCES.md` says where each came from).
#[cfg(test)]
pub(crate) fn fixture(network: &str, name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../../fixtures/{network}/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(parse_retry_after("120", 0), Some(Duration::from_secs(120)));
        let now = chrono::DateTime::parse_from_rfc2822("Wed, 21 Oct 2015 07:28:00 GMT")
            .unwrap()
            .timestamp();
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:29:00 GMT", now),
            Some(Duration::from_secs(60))
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }
}
