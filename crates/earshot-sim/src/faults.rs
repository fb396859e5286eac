//! Fault injection: every request to the simulator passes through [`layer`], which records it
//! and, when a fault is set for its target, answers the way a failing network does.
//!
//! Targets: `hn`, `alerts`, `reviews`, `mastodon`, `bluesky` (their reads, logins and stream
//! upgrades) and `replies` (the writes: Mastodon statuses, Bluesky records and chat messages).
//! Set with `POST /_sim/fault?target=T&kind=K[&retry_after=S][&delay_ms=MS][&times=N]`, with
//! `earshot sim --fault T=K[:ARG]`, or with [`Faults::set`]. `kind=none` clears.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
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
pub const TARGETS: [&str; 6] = ["hn", "alerts", "reviews", "mastodon", "bluesky", "replies"];

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
    fn take(&self, target: &str) -> Option<FaultSpec> {
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
    if write {
        "replies"
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

const PAGING: [&str; 7] = [
    "page", "max_id", "min_id", "since_id", "cursor", "offset", "until",
];

/// The middleware: records the request and applies its target's fault.
pub async fn layer(
    State(faults): State<std::sync::Arc<Faults>>,
    mut req: Request,
    next: Next,
) -> Response {
    let method = req.method().clone();
    let uri = req.uri().clone();
    let target = target_of(&method, uri.path());
    let upgrade = req.headers().contains_key(header::UPGRADE);
    let spec = if target.is_empty() {
        None
    } else {
        faults.take(target)
    };
    // Stream-only faults leave plain requests alone (and the reverse), and do not count.
    let spec = spec.filter(|s| s.kind != Fault::StreamCut || upgrade);
    faults.record(&method, &uri, target, spec.map(|s| s.kind));
    let Some(spec) = spec else {
        return next.run(req).await;
    };
    match spec.kind {
        Fault::None | Fault::StreamCut => next.run(req).await,
        Fault::ServerError => {
            (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error").into_response()
        }
        Fault::BadGateway => (
            StatusCode::BAD_GATEWAY,
            [(header::CONTENT_TYPE, "text/html")],
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
        )
            .into_response(),
        Fault::Unavailable => {
            (StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable").into_response()
        }
        Fault::RateLimit => (
            StatusCode::TOO_MANY_REQUESTS,
            [(
                header::RETRY_AFTER,
                spec.retry_after.unwrap_or(2).to_string(),
            )],
            unauthorized_or_limited_body(target, false),
        )
            .into_response(),
        Fault::Unauthorized => (
            StatusCode::UNAUTHORIZED,
            [(header::CONTENT_TYPE, "application/json")],
            unauthorized_or_limited_body(target, true),
        )
            .into_response(),
        Fault::Slow => {
            tokio::time::sleep(Duration::from_millis(spec.delay_ms.unwrap_or(1_500))).await;
            next.run(req).await
        }
        Fault::Timeout => {
            tokio::time::sleep(Duration::from_millis(spec.delay_ms.unwrap_or(120_000))).await;
            cut_connection()
        }
        Fault::DropAfterAccept => {
            let _ = next.run(req).await;
            cut_connection()
        }
        Fault::AcceptThenHang => {
            let _ = next.run(req).await;
            tokio::time::sleep(Duration::from_millis(spec.delay_ms.unwrap_or(120_000))).await;
            cut_connection()
        }
        Fault::RepeatPages => {
            let kept: Vec<(String, String)> =
                url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
                    .into_owned()
                    .filter(|(k, _)| !PAGING.contains(&k.as_str()))
                    .collect();
            let query = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(kept)
                .finish();
            let pq = if query.is_empty() {
                uri.path().to_string()
            } else {
                format!("{}?{query}", uri.path())
            };
            if let Ok(u) = pq.parse::<Uri>() {
                *req.uri_mut() = u;
            }
            next.run(req).await
        }
        Fault::Malformed | Fault::Truncated | Fault::Duplicate | Fault::OutOfOrder => {
            if upgrade {
                return next.run(req).await;
            }
            // A conditional request must get a body to spoil.
            req.headers_mut().remove(header::IF_NONE_MATCH);
            req.headers_mut().remove(header::IF_MODIFIED_SINCE);
            let resp = next.run(req).await;
            let (mut parts, body) = resp.into_parts();
            let Ok(bytes) = axum::body::to_bytes(body, 64 << 20).await else {
                return cut_connection();
            };
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let out = match spec.kind {
                Fault::Malformed => "}{ <html> this is not what you asked for <<<".to_string(),
                Fault::Truncated => {
                    let mut cut = text.len() / 2;
                    while !text.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    text[..cut].to_string()
                }
                Fault::Duplicate => reshape(&text, true),
                _ => reshape(&text, false),
            };
            parts.headers.remove(header::CONTENT_LENGTH);
            if let Ok(v) = HeaderValue::from_str(&out.len().to_string()) {
                parts.headers.insert(header::CONTENT_LENGTH, v);
            }
            Response::from_parts(parts, Body::from(out))
        }
    }
}

fn unauthorized_or_limited_body(target: &str, unauthorized: bool) -> String {
    match (target, unauthorized) {
        ("bluesky", true) => {
            r#"{"error":"ExpiredToken","message":"Token has expired"}"#.to_string()
        }
        ("bluesky", false) => {
            r#"{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}"#.to_string()
        }
        (_, true) => r#"{"error":"The access token is invalid"}"#.to_string(),
        (_, false) => r#"{"error":"Too many requests"}"#.to_string(),
    }
}

/// A response whose body fails at once: the client sees the connection drop, not an answer.
fn cut_connection() -> Response {
    let stream = futures_util::stream::once(async {
        Err::<axum::body::Bytes, std::io::Error>(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "connection dropped by the simulator",
        ))
    });
    Response::new(Body::from_stream(stream))
}

/// Doubles (`dup`) or reverses the items of a list body: a JSON array (top level or under a
/// list key) or the `<item>`/`<entry>` elements of a feed.
fn reshape(text: &str, dup: bool) -> String {
    let apply = |items: &mut Vec<serde_json::Value>| {
        if dup {
            let copy = items.clone();
            let mut out = Vec::with_capacity(items.len() * 2);
            for (a, b) in items.drain(..).zip(copy) {
                out.push(a);
                out.push(b);
            }
            *items = out;
        } else {
            items.reverse();
        }
    };
    if let Ok(mut v) = serde_json::from_str::<serde_json::Value>(text) {
        if let Some(items) = v.as_array_mut() {
            apply(items);
        } else if let Some(obj) = v.as_object_mut() {
            for key in [
                "hits",
                "posts",
                "notifications",
                "statuses",
                "feed",
                "profiles",
            ] {
                if let Some(items) = obj.get_mut(key).and_then(|x| x.as_array_mut()) {
                    apply(items);
                }
            }
        }
        return v.to_string();
    }
    for tag in ["item", "entry"] {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let Some(first) = text.find(&open) else {
            continue;
        };
        let Some(last) = text.rfind(&close) else {
            continue;
        };
        let end = last + close.len();
        let mut items: Vec<&str> = Vec::new();
        let mut rest = &text[first..end];
        while let Some(s) = rest.find(&open) {
            let Some(e) = rest[s..].find(&close) else {
                break;
            };
            items.push(&rest[s..s + e + close.len()]);
            rest = &rest[s + e + close.len()..];
        }
        let body: Vec<&str> = if dup {
            items.iter().flat_map(|i| [*i, *i]).collect()
        } else {
            items.iter().rev().copied().collect()
        };
        return format!("{}{}{}", &text[..first], body.join("\n"), &text[end..]);
    }
    text.to_string()
}

/// Sends stream frames as the target's fault says: each twice, swapped in pairs, or cut in
/// the middle of one (after which the stream must close). A frame held back to be swapped goes
/// out after the next one, or after [`HOLD`] when no next one comes: late, never lost.
pub(crate) struct StreamFaults {
    held: Option<String>,
}

/// The longest a frame is held back for an out-of-order swap.
pub(crate) const HOLD: std::time::Duration = std::time::Duration::from_millis(200);

/// What happened to a frame.
pub(crate) enum Sent {
    /// Carry on.
    Ok,
    /// The socket failed or the fault cut the stream: stop.
    Closed,
}

impl StreamFaults {
    pub(crate) fn new() -> StreamFaults {
        StreamFaults { held: None }
    }

    /// Whether a frame is waiting to be swapped with the next one.
    pub(crate) fn holding(&self) -> bool {
        self.held.is_some()
    }

    /// Sends the frame held back, if any (no next frame came within [`HOLD`]).
    pub(crate) async fn flush(&mut self, socket: &mut axum::extract::ws::WebSocket) -> Sent {
        let Some(f) = self.held.take() else {
            return Sent::Ok;
        };
        if socket
            .send(axum::extract::ws::Message::text(f))
            .await
            .is_err()
        {
            return Sent::Closed;
        }
        Sent::Ok
    }

    pub(crate) async fn send(
        &mut self,
        socket: &mut axum::extract::ws::WebSocket,
        fault: Fault,
        frame: String,
    ) -> Sent {
        use axum::extract::ws::Message;
        let frames: Vec<String> = match fault {
            Fault::Duplicate => vec![frame.clone(), frame],
            Fault::OutOfOrder => match self.held.take() {
                Some(prev) => vec![frame, prev],
                None => {
                    self.held = Some(frame);
                    return Sent::Ok;
                }
            },
            Fault::StreamCut => {
                let mut cut = frame.len() / 2;
                while !frame.is_char_boundary(cut) {
                    cut -= 1;
                }
                let _ = socket.send(Message::text(frame[..cut].to_string())).await;
                let _ = socket.send(Message::Close(None)).await;
                return Sent::Closed;
            }
            _ => self.held.take().into_iter().chain([frame]).collect(),
        };
        for f in frames {
            if socket.send(Message::text(f)).await.is_err() {
                return Sent::Closed;
            }
        }
        Sent::Ok
    }
}

#[cfg(test)]
#[path = "faults_tests.rs"]
mod tests;
