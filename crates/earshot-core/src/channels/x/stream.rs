//! X's filtered stream, for plans that include it (Pro and up): posts arrive as they are made
//! instead of every 15 minutes. It takes the app's bearer token (OAuth 2.0 App-Only), which the
//! owner copies from the developer portal into Settings; it lives in the keychain beside the
//! login. Earshot keeps two rules of its own on the app's stream (tagged `earshot:`): the
//! owner's mentions and the business's terms. On every (re)connection the mentions and search
//! are polled once, so what was said while the stream was down is not lost; a plan without the
//! stream (X's 403) makes the source poll, and its health says why.

use std::pin::Pin;
use std::time::Duration;

use futures_util::{Stream, StreamExt};

use super::parse::{parse_stream_line, MENTIONS_TAG};
use super::wire::{Problem, Rules};
use super::{api, id_after, Cursor, FIELDS, X};
use crate::channels::{network_error, Batch, ChannelError, Context};
use crate::model::Mention;

/// The rule tag of the business's terms.
pub const TERMS_TAG: &str = "earshot:terms";
/// X sends a keep-alive every 20 seconds; this long without a byte means the stream is gone.
const QUIET: Duration = Duration::from_secs(90);
const MAX_LINE: usize = 1 << 20;

/// The keychain entry of an X source's app bearer token.
pub fn app_key(account: &str) -> String {
    format!("x-app:{account}")
}

/// A stream of lines (one JSON message or a keep-alive each).
pub(super) type Lines = Pin<Box<dyn Stream<Item = Result<Vec<u8>, ChannelError>> + Send>>;

/// Where the source is with the stream.
pub(super) enum Mode {
    /// The keychain not read yet.
    Unknown,
    /// Polling: no bearer token, or X refused the stream (`why`, for the health).
    Off(Option<String>),
    /// Streaming, connected or about to connect.
    On {
        bearer: String,
        lines: Option<Lines>,
    },
}

fn refusal(status: u16, body: &[u8]) -> ChannelError {
    let p: Problem = serde_json::from_slice(body).unwrap_or_default();
    let said = p
        .detail
        .or(p.title)
        .unwrap_or_else(|| format!("HTTP {status}"));
    match status {
        401 => ChannelError::Unauthorized(format!("X refused the app's bearer token: {said}")),
        403 => ChannelError::Refused(format!("X: {said}")),
        429 => ChannelError::RateLimited { retry_after: None },
        s => ChannelError::Http {
            status: s,
            what: "X's filtered stream".into(),
        },
    }
}

/// A call with the app's bearer token.
async fn app_call(req: reqwest::RequestBuilder, bearer: &str) -> Result<Vec<u8>, ChannelError> {
    let resp = req
        .bearer_auth(bearer)
        .send()
        .await
        .map_err(network_error)?;
    let status = resp.status().as_u16();
    let body = resp.bytes().await.map_err(network_error)?;
    match status {
        200..=299 => Ok(body.to_vec()),
        s => Err(refusal(s, &body)),
    }
}

/// Checks an app bearer token against the stream's rules (what Settings does before keeping it).
pub async fn check_bearer(ctx: &Context, base: &str, bearer: &str) -> Result<(), ChannelError> {
    app_call(
        ctx.http.get(format!("{base}/2/tweets/search/stream/rules")),
        bearer,
    )
    .await
    .map(|_| ())
}

/// Makes the stream's `earshot:` rules exactly `want` (tag, value); other apps' rules stay.
async fn sync_rules(
    ctx: &Context,
    base: &str,
    bearer: &str,
    want: &[(String, String)],
) -> Result<(), ChannelError> {
    let url = format!("{base}/2/tweets/search/stream/rules");
    let have: Rules = serde_json::from_slice(&app_call(ctx.http.get(&url), bearer).await?)
        .map_err(|e| ChannelError::Malformed(format!("X stream rules: {e}")))?;
    let ours = |t: &Option<String>| t.as_deref().is_some_and(|t| t.starts_with("earshot:"));
    let stale: Vec<String> = have
        .data
        .iter()
        .filter(|r| ours(&r.tag))
        .filter(|r| {
            !want
                .iter()
                .any(|(t, v)| r.tag.as_deref() == Some(t) && &r.value == v)
        })
        .map(|r| r.id.clone())
        .collect();
    let missing: Vec<serde_json::Value> = want
        .iter()
        .filter(|(t, v)| {
            !have
                .data
                .iter()
                .any(|r| r.tag.as_deref() == Some(t) && &r.value == v)
        })
        .map(|(t, v)| serde_json::json!({"value": v, "tag": t}))
        .collect();
    if !stale.is_empty() {
        let body = serde_json::json!({"delete": {"ids": stale}});
        app_call(ctx.http.post(&url).json(&body), bearer).await?;
    }
    if !missing.is_empty() {
        let body = serde_json::json!({"add": missing});
        app_call(ctx.http.post(&url).json(&body), bearer).await?;
    }
    Ok(())
}

/// Opens the stream: its body as lines.
async fn open(ctx: &Context, base: &str, bearer: &str) -> Result<Lines, ChannelError> {
    let q: Vec<(&str, &str)> = FIELDS
        .iter()
        .filter(|(k, _)| *k != "max_results")
        .copied()
        .collect();
    let resp = ctx
        .http
        .get(format!("{base}/2/tweets/search/stream"))
        .query(&q)
        .bearer_auth(bearer)
        .timeout(Duration::from_secs(365 * 86_400))
        .send()
        .await
        .map_err(network_error)?;
    let status = resp.status().as_u16();
    if !(200..300).contains(&status) {
        let body = resp.bytes().await.map_err(network_error)?;
        return Err(refusal(status, &body));
    }
    let bytes = resp.bytes_stream();
    // Fused: read again after its end, it says "ended" again instead of panicking.
    Ok(Box::pin(
        futures_util::stream::unfold(
            (Box::pin(bytes), Vec::<u8>::new(), false),
            |(mut bytes, mut buf, done)| async move {
                if done {
                    return None;
                }
                loop {
                    if let Some(i) = buf.iter().position(|b| *b == b'\n') {
                        let line: Vec<u8> = buf.drain(..=i).collect();
                        return Some((Ok(line), (bytes, buf, false)));
                    }
                    match bytes.next().await {
                        Some(Ok(chunk)) if buf.len() + chunk.len() <= MAX_LINE => {
                            buf.extend_from_slice(&chunk)
                        }
                        Some(Ok(_)) => {
                            let e = ChannelError::Malformed("X stream: a line over 1 MB".into());
                            return Some((Err(e), (bytes, Vec::new(), true)));
                        }
                        Some(Err(e)) => return Some((Err(network_error(e)), (bytes, buf, true))),
                        None => return None,
                    }
                }
            },
        )
        .fuse(),
    ))
}

impl X {
    /// Connects (rules, then the stream) and polls once for what came while away.
    async fn connect(&mut self, bearer: &str, cursor: Option<&str>) -> Result<Batch, ChannelError> {
        let base = api(&self.spec);
        let me = self
            .client
            .call(|h, base| h.get(format!("{base}/2/users/me")))
            .await?;
        let username = serde_json::from_slice::<serde_json::Value>(&me)
            .ok()
            .and_then(|v| v["data"]["username"].as_str().map(str::to_string))
            .ok_or_else(|| ChannelError::Malformed("X did not say the account's name".into()))?;
        let mut want = vec![(MENTIONS_TAG.to_string(), format!("@{username} -is:retweet"))];
        if let Some(q) = &self.query {
            want.push((TERMS_TAG.to_string(), q.clone()));
        }
        let ctx = self.client.context();
        let lines = match sync_rules(&ctx, &base, bearer, &want).await {
            Ok(()) => open(&ctx, &base, bearer).await,
            Err(e) => Err(e),
        };
        match lines {
            Ok(l) => {
                self.mode = Mode::On {
                    bearer: bearer.to_string(),
                    lines: Some(l),
                };
                let mut b = self.poll(cursor).await?;
                if b.limited.is_none() && b.wait.is_none_or(|w| w < Duration::from_secs(86_400)) {
                    b.wait = Some(Duration::ZERO);
                }
                b.detail = b.detail.map(|d| format!("filtered stream · {d}"));
                Ok(b)
            }
            Err(ChannelError::Refused(why)) | Err(ChannelError::Unauthorized(why)) => {
                let why = format!("polling: the filtered stream is not open to this app ({why})");
                self.mode = Mode::Off(Some(why.clone()));
                let mut b = self.poll(cursor).await?;
                b.limited = b.limited.or(Some(why));
                Ok(b)
            }
            Err(e) => Err(e),
        }
    }

    /// The next posts from the stream (waits for them).
    async fn read(&mut self, cursor: Option<&str>) -> Result<Batch, ChannelError> {
        let now = self.clock.now();
        let mut cur: Cursor = cursor
            .and_then(|c| serde_json::from_str(c).ok())
            .unwrap_or_default();
        if self.spec.monthly_cap.is_some_and(|c| cur.reads >= c) {
            // At the cap: the poll pauses until the 1st, and the stream reconnects then.
            if let Mode::On { lines, .. } = &mut self.mode {
                *lines = None;
            }
            return self.poll(cursor).await;
        }
        let own = self.client.token(false).await?.user_id;
        let Mode::On {
            lines: Some(lines), ..
        } = &mut self.mode
        else {
            return Err(ChannelError::Network("the stream is not open".into()));
        };
        let mut got: Vec<Vec<u8>> = Vec::new();
        let first = tokio::time::timeout(QUIET, lines.next()).await;
        let broke = match first {
            Err(_) => Some(ChannelError::Network(
                "X's stream went quiet (no keep-alive)".into(),
            )),
            Ok(None) => Some(ChannelError::Network("X closed the stream".into())),
            Ok(Some(Err(e))) => Some(e),
            Ok(Some(Ok(line))) => {
                got.push(line);
                // What arrived together goes in one batch.
                while let Ok(Some(Ok(line))) =
                    tokio::time::timeout(Duration::from_millis(5), lines.next()).await
                {
                    got.push(line);
                    if got.len() >= 100 {
                        break;
                    }
                }
                None
            }
        };
        if let Some(e) = broke {
            if let Mode::On { lines, .. } = &mut self.mode {
                *lines = None;
            }
            return Err(e);
        }
        let mut mentions: Vec<Mention> = Vec::new();
        for line in got {
            match parse_stream_line(&line, &own, now) {
                Ok(Some(m)) => mentions.push(m),
                Ok(None) => {}
                Err(e) => tracing::warn!("X stream: a line skipped: {e}"),
            }
        }
        cur.reads += mentions.len() as u32;
        for m in &mentions {
            let key = if m.remote.to_owner {
                "mentions"
            } else {
                "search"
            };
            let newer = cur
                .since
                .get(key)
                .is_none_or(|s| id_after(&m.external_id, s));
            if newer {
                cur.since.insert(key.to_string(), m.external_id.clone());
            }
        }
        Ok(Batch {
            detail: Some(format!(
                "filtered stream · {} posts read this month",
                cur.reads
            )),
            cursor: serde_json::to_string(&cur).ok(),
            mentions,
            wait: Some(Duration::ZERO),
            ..Batch::default()
        })
    }

    /// One call: stream when the app's bearer token is there and X allows it, else poll.
    pub(super) async fn next(&mut self, cursor: Option<&str>) -> Result<Batch, ChannelError> {
        if let Mode::Unknown = self.mode {
            let account = self.spec.account.clone().unwrap_or_default();
            self.mode = match self.client.context().secrets.get(&app_key(&account)).await {
                Ok(Some(b)) if !b.trim().is_empty() => Mode::On {
                    bearer: b,
                    lines: None,
                },
                _ => Mode::Off(None),
            };
        }
        match &self.mode {
            Mode::Unknown | Mode::Off(None) => self.poll(cursor).await,
            Mode::Off(Some(why)) => {
                let why = why.clone();
                let mut b = self.poll(cursor).await?;
                b.limited = b.limited.or(Some(why));
                Ok(b)
            }
            Mode::On {
                bearer,
                lines: None,
            } => {
                let bearer = bearer.clone();
                self.connect(&bearer, cursor).await
            }
            Mode::On { .. } => self.read(cursor).await,
        }
    }
}
