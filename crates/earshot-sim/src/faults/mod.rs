//! Fault injection: every request to the simulator passes through [`layer`], which records it
//! and, when a fault is set for its target, answers the way a failing network does.
//!
//! Targets: `hn`, `alerts`, `reviews`, `mastodon`, `bluesky`, `facebook`, `instagram`, `google`,
//! `reddit`
//! (their reads, logins and stream upgrades) and `replies` (the writes: Mastodon statuses, Bluesky
//! records and chat messages, Graph comments, replies, private replies and hiding, Google review
//! replies).
//! Set with `POST /_sim/fault?target=T&kind=K[&retry_after=S][&delay_ms=MS][&times=N]`, with
//! `earshot sim --fault T=K[:ARG]`, or with [`Faults::set`]. `kind=none` clears.
//!
//! Files: `layer` (the HTTP middleware and the broken answers it gives), `stream` (frames sent
//! twice, out of order or cut).

mod layer;
mod stream;

pub use layer::layer;
pub(crate) use stream::{Sent, StreamFaults, HOLD};

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Mutex;
use std::time::Instant;

use axum::http::{Method, Uri};
use serde::{Deserialize, Serialize};

use crate::lock;

/// What a faulty source does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fault {
    /// Behave.
    None,
    /// 200 with a body that is not JSON/XML at all.
    Malformed,
    /// 200 with the real body cut in half.
    Truncated,
    /// 500.
    ServerError,
    /// 502 from a proxy in front of the service.
    BadGateway,
    /// 503 without Retry-After.
    Unavailable,
    /// 429 with `Retry-After` (seconds; 2 unless set).
    RateLimit,
    /// The answer comes after `delay_ms` (1,500 unless set): a very slow body.
    Slow,
    /// The request is accepted and never answered (the connection hangs for `delay_ms`, 120 s
    /// unless set, then closes).
    Timeout,
    /// 401: the token expired or was revoked mid-session.
    Unauthorized,
    /// Every item (list entries, feed items, stream events) arrives twice.
    Duplicate,
    /// Items arrive in reverse order; stream events swapped in pairs.
    OutOfOrder,
    /// Paging is ignored: every "next page" is the first page again.
    RepeatPages,
    /// Streams close in the middle of a message (half a frame, then close).
    StreamCut,
    /// Writes: the network does the write, then the connection drops before the answer.
    DropAfterAccept,
    /// Writes: the network does the write, then never answers (hangs for `delay_ms`, 120 s
    /// unless set, then closes): a client killed meanwhile never learns it landed.
    AcceptThenHang,
}

impl Fault {
    /// Every fault, for tables and the command line.
    pub const ALL: [Fault; 16] = [
        Fault::None,
        Fault::Malformed,
        Fault::Truncated,
        Fault::ServerError,
        Fault::BadGateway,
        Fault::Unavailable,
        Fault::RateLimit,
        Fault::Slow,
        Fault::Timeout,
        Fault::Unauthorized,
        Fault::Duplicate,
        Fault::OutOfOrder,
        Fault::RepeatPages,
        Fault::StreamCut,
        Fault::DropAfterAccept,
        Fault::AcceptThenHang,
    ];

    /// The snake_case name.
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

/// A fault flag or setting that names no fault, target or number the simulator knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FaultError(pub String);

impl FromStr for Fault {
    type Err = FaultError;
    fn from_str(s: &str) -> Result<Fault, FaultError> {
        serde_json::from_value(serde_json::Value::String(s.trim().to_string())).map_err(|_| {
            FaultError(format!(
                "unknown fault \"{s}\"; one of {}",
                Fault::ALL.map(|f| f.name()).join(", ")
            ))
        })
    }
}

/// The targets a fault can be set on.
pub const TARGETS: [&str; 13] = [
    "hn",
    "alerts",
    "reviews",
    "mastodon",
    "bluesky",
    "facebook",
    "instagram",
    "google",
    "reddit",
    "youtube",
    "x",
    "email",
    "replies",
];

/// A fault as set, with its parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub struct FaultSpec {
    /// What happens.
    pub kind: Fault,
    /// Seconds in Retry-After (rate_limit).
    #[serde(default)]
    pub retry_after: Option<u64>,
    /// Milliseconds of delay (slow, timeout).
    #[serde(default)]
    pub delay_ms: Option<u64>,
    /// How many requests it affects before clearing itself (None: until cleared).
    #[serde(default)]
    pub times: Option<u32>,
}

impl FaultSpec {
    /// A fault with default parameters that lasts until cleared.
    pub fn new(kind: Fault) -> FaultSpec {
        FaultSpec {
            kind,
            retry_after: None,
            delay_ms: None,
            times: None,
        }
    }
}

/// Parses `target=kind[:arg]` (arg: Retry-After seconds for rate_limit, milliseconds for slow
/// and timeout), as `earshot sim --fault` takes it.
pub fn parse_flag(s: &str) -> Result<(String, FaultSpec), FaultError> {
    let bad = |why: String| FaultError(why);
    let (target, rest) = s
        .split_once('=')
        .ok_or_else(|| bad(format!("\"{s}\": write TARGET=FAULT, e.g. hn=rate_limit:5")))?;
    let target = target.trim().to_string();
    if !TARGETS.contains(&target.as_str()) {
        return Err(bad(format!(
            "unknown fault target \"{target}\"; one of {}",
            TARGETS.join(", ")
        )));
    }
    let (kind, arg) = match rest.split_once(':') {
        Some((k, a)) => (
            k,
            Some(
                a.trim()
                    .parse::<u64>()
                    .map_err(|_| bad(format!("\"{a}\" is not a whole number")))?,
            ),
        ),
        None => (rest, None),
    };
    let mut spec = FaultSpec::new(kind.parse()?);
    match spec.kind {
        Fault::RateLimit => spec.retry_after = arg,
        Fault::Slow | Fault::Timeout | Fault::AcceptThenHang => spec.delay_ms = arg,
        _ if arg.is_some() => return Err(bad(format!("{kind} takes no argument"))),
        _ => {}
    }
    Ok((target, spec))
}

/// One request the simulator received.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RequestRecord {
    /// Method.
    #[serde(default)]
    pub method: String,
    /// Path.
    pub path: String,
    /// Query string.
    pub query: String,
    /// The fault target it belongs to ("" for the simulator's own endpoints).
    #[serde(default)]
    pub target: String,
    /// The fault it met, if any.
    #[serde(default)]
    pub fault: Option<Fault>,
    /// Milliseconds since the simulator started.
    pub at_ms: u128,
}

type OnChange = Box<dyn Fn(&str) + Send + Sync>;

/// The faults in force and the requests seen.
pub struct Faults {
    set: Mutex<HashMap<String, FaultSpec>>,
    requests: Mutex<Vec<RequestRecord>>,
    started: Instant,
    on_change: Mutex<Option<OnChange>>,
}

impl Faults {
    pub(crate) fn new(started: Instant) -> Faults {
        Faults {
            set: Mutex::new(HashMap::new()),
            requests: Mutex::new(Vec::new()),
            started,
            on_change: Mutex::new(None),
        }
    }

    pub(crate) fn on_change(&self, f: impl Fn(&str) + Send + Sync + 'static) {
        *lock(&self.on_change) = Some(Box::new(f));
    }

    /// Sets (or with [`Fault::None`] clears) the fault of a target. Open streams of the target
    /// are dropped, so their reconnection meets the fault.
    pub fn set(&self, target: &str, spec: FaultSpec) -> Result<(), FaultError> {
        if !TARGETS.contains(&target) {
            return Err(FaultError(format!("unknown fault target \"{target}\"")));
        }
        if spec.kind == Fault::None {
            lock(&self.set).remove(target);
        } else {
            lock(&self.set).insert(target.to_string(), spec);
        }
        if let Some(f) = lock(&self.on_change).as_ref() {
            f(target);
        }
        Ok(())
    }

    /// The fault in force for a target, without using up one of its `times`.
    pub fn peek(&self, target: &str) -> Fault {
        lock(&self.set)
            .get(target)
            .map(|s| s.kind)
            .unwrap_or(Fault::None)
    }

    /// The fault for this request, using up one of its `times`.
    pub(crate) fn take(&self, target: &str) -> Option<FaultSpec> {
        let mut set = lock(&self.set);
        let spec = *set.get(target)?;
        if let Some(n) = spec.times {
            if n <= 1 {
                set.remove(target);
            } else if let Some(s) = set.get_mut(target) {
                s.times = Some(n - 1);
            }
        }
        Some(spec)
    }

    /// Milliseconds since the simulator started, the clock of [`RequestRecord::at_ms`].
    pub fn now_ms(&self) -> u128 {
        self.started.elapsed().as_millis()
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<RequestRecord> {
        lock(&self.requests).clone()
    }

    fn record(&self, method: &Method, uri: &Uri, target: &str, fault: Option<Fault>) {
        lock(&self.requests).push(RequestRecord {
            method: method.to_string(),
            path: uri.path().to_string(),
            query: uri.query().unwrap_or("").to_string(),
            target: target.to_string(),
            fault,
            at_ms: self.started.elapsed().as_millis(),
        });
    }
}

/// Which target a request belongs to.
pub fn target_of(method: &Method, path: &str) -> &'static str {
    let write = method == Method::POST
        && (path.ends_with("/api/v1/statuses")
            || path.ends_with("com.atproto.repo.createRecord")
            || path.ends_with("chat.bsky.convo.sendMessage"));
    // Graph writes: comments, replies, private replies and hiding (not the device login).
    let graph_write =
        method == Method::POST && path.starts_with("/graph/") && !path.contains("/device/");
    let youtube_write = method == Method::POST && path.starts_with("/google/youtube/");
    let x_write = method == Method::POST
        && (path == "/x/2/tweets" || path.starts_with("/x/2/dm_conversations/"));
    let google_write =
        (method == Method::PUT || method == Method::DELETE) && path.starts_with("/google/v4/");
    let reddit_write =
        method == Method::POST && (path == "/reddit/api/comment" || path == "/reddit/api/compose");
    if write || graph_write || google_write || reddit_write || youtube_write || x_write {
        "replies"
    } else if let Some(rest) = path.strip_prefix("/graph/") {
        // Instagram's ids (accounts, media, comments) all begin with 17.
        let id = rest.split('/').nth(1).unwrap_or_default();
        if id.starts_with("17") {
            "instagram"
        } else {
            "facebook"
        }
    } else if path.starts_with("/google/youtube/") {
        "youtube"
    } else if path.starts_with("/google/") {
        "google"
    } else if path.starts_with("/reddit/") {
        "reddit"
    } else if path.starts_with("/x/") {
        "x"
    } else if path.starts_with("/hn/") {
        "hn"
    } else if path.starts_with("/rss/alerts") {
        "alerts"
    } else if path.starts_with("/rss/reviews") {
        "reviews"
    } else if path.starts_with("/mastodon/") {
        "mastodon"
    } else if path.starts_with("/bsky/") {
        "bluesky"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests;
