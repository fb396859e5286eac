//! X through API v2 with the owner's own API access (X bills reads and writes), streamed where
//! the owner's plan has the filtered stream (`stream.rs`), else polled: the
//! owner's mentions (`/2/users/{id}/mentions`) and a recent search for the business's terms
//! (`/2/tweets/search/recent`), each from the newest id seen (`since_id`). Posts read this month
//! are counted with the cursor; at the owner's monthly cap polling pauses until the 1st, and the
//! health says so. `x-rate-limit-remaining`/`-reset` are honoured. Reach is the author's
//! follower count; a verified author is a reason.
//!
//! Replies: X lets an app reply only to a post that mentions or quotes the account; anything
//! else is answered on X (the composer says why and opens it). Private replies are direct
//! messages where the owner's plan allows them. No idempotency key: a retry first reads the
//! account's recent posts (or the conversation's messages) for the same text.

pub mod login;
pub mod parse;
pub mod stream;
pub mod wire;

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{network_error, Batch, BatchFuture, ChannelError, Connector, Context, Draft, Sent};
use crate::model::{Business, Mention, SourceKind, SourceSpec};
use crate::secrets;
use wire::{Created, One, Problem, SentDm};

/// X's API.
pub const API_BASE: &str = "https://api.x.com";
/// Seconds between polls when the source says nothing (reads cost money).
pub const DEFAULT_INTERVAL: u64 = 900;
/// The longest post (characters; X counts some characters double, which is not modelled).
pub const MAX_CHARS: u32 = 280;
/// Why a post that does not mention the account cannot be answered from Earshot.
pub const REPLY_NOT_ALLOWED: &str =
    "X lets apps reply only to posts that mention or quote your account: answer this one on X";
const FIELDS: [(&str, &str); 4] = [
    (
        "tweet.fields",
        "created_at,author_id,conversation_id,public_metrics,referenced_tweets,lang",
    ),
    ("expansions", "author_id"),
    ("user.fields", "username,name,verified,public_metrics"),
    ("max_results", "100"),
];
const MAX_PAGES: usize = 3;

/// What the keychain holds for an X login.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct XToken {
    /// The access token.
    pub access_token: String,
    /// When it stops working (unix seconds).
    #[serde(default)]
    pub expires_at: i64,
    /// With `offline.access`.
    #[serde(default)]
    pub refresh_token: Option<String>,
    /// The account's numeric id (for its mentions).
    #[serde(default)]
    pub user_id: String,
}

impl super::oauth::Kept for XToken {
    fn expires_at(&self) -> i64 {
        self.expires_at
    }
    fn refresh_token(&self) -> Option<&str> {
        self.refresh_token.as_deref()
    }
    fn renewed(&self, a: super::oauth::TokenAnswer, now: i64) -> Self {
        XToken {
            access_token: a.access_token,
            expires_at: now + a.expires_in.unwrap_or(7200),
            refresh_token: a.refresh_token.or(self.refresh_token.clone()),
            user_id: self.user_id.clone(),
        }
    }
}

/// Where an X source is.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
pub struct Cursor {
    /// Newest id per listing (`mentions`, `search`).
    pub since: BTreeMap<String, String>,
    /// The month counted (`YYYY-MM`) and the posts read in it.
    pub month: String,
    /// Posts read this month.
    pub reads: u32,
}

/// Calls for one X source.
pub struct Client {
    spec: SourceSpec,
    ctx: Context,
    token: Option<XToken>,
    /// Wait this long before the next call, when X says the window is spent.
    pub wait: Option<Duration>,
}

fn api(spec: &SourceSpec) -> String {
    spec.base_url
        .as_deref()
        .unwrap_or(API_BASE)
        .trim_end_matches('/')
        .to_string()
}

impl Client {
    /// A client for a logged-in source.
    pub fn new(spec: &SourceSpec, ctx: Context) -> Client {
        Client {
            spec: spec.clone(),
            ctx,
            token: None,
            wait: None,
        }
    }

    /// The HTTP client, clock and keychain it uses.
    pub fn context(&self) -> Context {
        self.ctx.clone()
    }

    fn key(&self) -> String {
        secrets::key_for(
            SourceKind::X,
            self.spec.account.as_deref().unwrap_or_default(),
        )
    }

    /// The stored login (renewed when it has run out).
    pub async fn token(&mut self, renew: bool) -> Result<XToken, ChannelError> {
        let key = self.key();
        let url = format!("{}/2/oauth2/token", api(&self.spec));
        let client_id = self.spec.client_id.clone().unwrap_or_default();
        super::oauth::kept_login(
            &self.ctx,
            &key,
            &mut self.token,
            renew,
            "X",
            |_: &XToken| super::oauth::Renewal {
                url,
                extra: vec![("client_id", client_id)],
                basic: None,
            },
        )
        .await
    }

    /// A call with the bearer token, renewed once on 401.
    pub async fn call(
        &mut self,
        make: impl Fn(&reqwest::Client, String) -> reqwest::RequestBuilder,
    ) -> Result<Vec<u8>, ChannelError> {
        for attempt in 0..2 {
            let token = self.token(attempt == 1).await?;
            let resp = make(&self.ctx.http, api(&self.spec))
                .bearer_auth(&token.access_token)
                .send()
                .await
                .map_err(network_error)?;
            let status = resp.status().as_u16();
            let h = resp.headers();
            let num = |k: &str| {
                h.get(k)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse::<i64>().ok())
            };
            let reset = num("x-rate-limit-reset").map(|r| (r - self.ctx.clock.now()).max(1) as u64);
            if num("x-rate-limit-remaining").is_some_and(|r| r < 2) {
                self.wait = reset.map(Duration::from_secs);
            }
            let body = resp.bytes().await.map_err(network_error)?;
            match status {
                200..=299 => return Ok(body.to_vec()),
                401 if attempt == 0 => continue,
                401 => {
                    return Err(ChannelError::Unauthorized(
                        "X refused the login — log in again".into(),
                    ))
                }
                429 => {
                    return Err(ChannelError::RateLimited {
                        retry_after: reset.map(Duration::from_secs),
                    })
                }
                400 | 403 | 404 => {
                    let p: Problem = serde_json::from_slice(&body).unwrap_or_default();
                    let said = p
                        .detail
                        .or(p.title)
                        .unwrap_or_else(|| format!("HTTP {status}"));
                    return Err(ChannelError::Refused(format!("X: {said}")));
                }
                s => {
                    return Err(ChannelError::Http {
                        status: s,
                        what: "X".into(),
                    })
                }
            }
        }
        Err(ChannelError::Unauthorized(
            "X refused the renewed login — log in again".into(),
        ))
    }
}

/// The X connector.
pub struct X {
    spec: SourceSpec,
    client: Client,
    query: Option<String>,
    clock: crate::clock::Clock,
    mode: stream::Mode,
}

/// The month a read counts in.
fn month(now: i64) -> String {
    chrono::DateTime::from_timestamp(now, 0)
        .unwrap_or_default()
        .format("%Y-%m")
        .to_string()
}

/// Seconds until the next month starts.
fn to_next_month(now: i64) -> u64 {
    use chrono::Datelike;
    let d = chrono::DateTime::from_timestamp(now, 0)
        .unwrap_or_default()
        .date_naive();
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    chrono::NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|n| n.and_hms_opt(0, 0, 0))
        .map(|n| (n.and_utc().timestamp() - now).max(60) as u64)
        .unwrap_or(86_400)
}

impl X {
    /// A connector for a logged-in source.
    pub fn new(spec: &SourceSpec, business: &Business, ctx: Context) -> Result<X, ChannelError> {
        if spec.account.is_none() {
            return Err(ChannelError::Unauthorized(
                "log in to X with your own API access to listen".into(),
            ));
        }
        let mut terms: Vec<String> = spec.queries.clone();
        if terms.is_empty() && !business.name.trim().is_empty() {
            terms.push(business.name.clone());
        }
        let query = (!terms.is_empty()).then(|| {
            let ors: Vec<String> = terms
                .iter()
                .map(|t| {
                    if t.contains(' ') {
                        format!("\"{}\"", t.replace('"', ""))
                    } else {
                        t.clone()
                    }
                })
                .collect();
            format!("({}) -is:retweet", ors.join(" OR "))
        });
        Ok(X {
            clock: ctx.clock.clone(),
            client: Client::new(spec, ctx),
            spec: spec.clone(),
            query,
            mode: stream::Mode::Unknown,
        })
    }

    async fn poll(&mut self, cursor: Option<&str>) -> Result<Batch, ChannelError> {
        let now = self.clock.now();
        let mut cur: Cursor = cursor
            .and_then(|c| serde_json::from_str(c).ok())
            .unwrap_or_default();
        if cur.month != month(now) {
            cur.month = month(now);
            cur.reads = 0;
        }
        if let Some(cap) = self.spec.monthly_cap.filter(|c| cur.reads >= *c) {
            return Ok(Batch {
                cursor: serde_json::to_string(&cur).ok(),
                wait: Some(Duration::from_secs(to_next_month(now))),
                limited: Some(format!("paused: this month's cap of {cap} posts read is reached; listening resumes on the 1st")),
                ..Batch::default()
            });
        }
        let me = self.client.token(false).await?.user_id;
        let mut mentions: Vec<Mention> = Vec::new();
        let mut lists = vec![(
            "mentions".to_string(),
            format!("/2/users/{me}/mentions"),
            None,
            true,
        )];
        if let Some(q) = &self.query {
            lists.push((
                "search".into(),
                "/2/tweets/search/recent".into(),
                Some(q.clone()),
                false,
            ));
        }
        for (key, path, query, to_owner) in lists {
            let since = cur.since.get(&key).cloned();
            let mut next: Option<String> = None;
            let mut newest = since.clone();
            for _ in 0..MAX_PAGES {
                let mut q: Vec<(&str, String)> =
                    FIELDS.iter().map(|(k, v)| (*k, v.to_string())).collect();
                if let Some(s) = &since {
                    q.push(("since_id", s.clone()));
                }
                if let Some(qq) = &query {
                    q.push(("query", qq.clone()));
                }
                if let Some(n) = &next {
                    q.push((
                        if key == "search" {
                            "next_token"
                        } else {
                            "pagination_token"
                        },
                        n.clone(),
                    ));
                }
                let path = path.clone();
                let body = self
                    .client
                    .call(|h, base| h.get(format!("{base}{path}")).query(&q))
                    .await?;
                let (page, more) = parse::parse_posts(&body, &me, to_owner, now)?;
                cur.reads += page.len() as u32;
                for m in &page {
                    if newest.as_ref().is_none_or(|n| id_after(&m.external_id, n)) {
                        newest = Some(m.external_id.clone());
                    }
                }
                mentions.extend(page);
                match more {
                    Some(n) if since.is_some() => next = Some(n),
                    _ => break,
                }
            }
            if let Some(n) = newest {
                cur.since.insert(key, n);
            }
        }
        let cap = self
            .spec
            .monthly_cap
            .map(|c| format!(" of a cap of {c}"))
            .unwrap_or_default();
        Ok(Batch {
            mentions,
            cursor: serde_json::to_string(&cur).ok(),
            wait: self.client.wait.take(),
            polled: false,
            limited: None,
            detail: Some(format!("{} posts read this month{cap}", cur.reads)),
            warning: self
                .spec
                .monthly_cap
                .filter(|c| cur.reads * 10 >= c * 8)
                .map(|c| {
                    format!(
                        "X: {} of this month's {c} reads used — listening pauses at the cap",
                        cur.reads
                    )
                }),
        })
    }
}

/// Whether post id `a` is newer than `b` (ids are increasing numbers of any length).
fn id_after(a: &str, b: &str) -> bool {
    (a.len(), a) > (b.len(), b)
}

impl Connector for X {
    fn next_batch<'a>(&'a mut self, cursor: Option<&'a str>) -> BatchFuture<'a> {
        Box::pin(self.next(cursor))
    }
}

/// Whether a mention can be answered through the API: only posts that mention (or quote) the
/// account.
pub fn can_reply(m: &Mention) -> bool {
    m.remote.to_owner
}

/// Sends a reply (a post in reply) or a direct message. X has no idempotency key: a retry first
/// reads the account's recent posts for a reply to the same post with the same text.
pub async fn send(
    spec: &SourceSpec,
    ctx: Context,
    draft: &Draft<'_>,
) -> Result<Sent, ChannelError> {
    let m = draft.target;
    let mut c = Client::new(spec, ctx);
    if draft.private {
        let to = m
            .remote
            .author_id
            .clone()
            .ok_or_else(|| ChannelError::Refused("no account to message".into()))?;
        if draft.retry {
            if let Some(found) = find_message(&mut c, &to, draft).await? {
                return Ok(found);
            }
        }
        let body = serde_json::json!({"text": draft.body});
        let answer = c
            .call(|h, base| {
                h.post(format!("{base}/2/dm_conversations/with/{to}/messages"))
                    .json(&body)
            })
            .await?;
        let sent: One<SentDm> = serde_json::from_slice(&answer)
            .map_err(|e| ChannelError::Malformed(format!("X message: {e}")))?;
        return Ok(Sent {
            remote_id: sent.data.dm_event_id.unwrap_or_default(),
            remote_url: None,
        });
    }
    if !can_reply(m) {
        return Err(ChannelError::Refused(REPLY_NOT_ALLOWED.into()));
    }
    if draft.retry {
        let me = c.token(false).await?.user_id;
        let q = [
            ("tweet.fields", "created_at,referenced_tweets"),
            ("max_results", "20"),
        ];
        let body = c
            .call(|h, base| h.get(format!("{base}/2/users/{me}/tweets")).query(&q))
            .await?;
        let mine: wire::Posts = serde_json::from_slice(&body).unwrap_or_default();
        if let Some(p) = mine.data.into_iter().find(|p| {
            p.text.as_deref() == Some(draft.body)
                && p.referenced_tweets.iter().any(|r| {
                    r.kind.as_deref() == Some("replied_to")
                        && r.id.as_deref() == Some(m.external_id.as_str())
                })
        }) {
            let id = p.id.unwrap_or_default();
            return Ok(Sent {
                remote_url: Some(format!("https://x.com/i/web/status/{id}")),
                remote_id: id,
            });
        }
    }
    let body =
        serde_json::json!({"text": draft.body, "reply": {"in_reply_to_tweet_id": m.external_id}});
    let answer = c
        .call(|h, base| h.post(format!("{base}/2/tweets")).json(&body))
        .await?;
    let made: One<Created> = serde_json::from_slice(&answer)
        .map_err(|e| ChannelError::Malformed(format!("X post: {e}")))?;
    let id = made.data.id.unwrap_or_default();
    Ok(Sent {
        remote_url: Some(format!("https://x.com/i/web/status/{id}")),
        remote_id: id,
    })
}

/// The owner's message to `to` with the draft's text, sent since it was written.
async fn find_message(
    c: &mut Client,
    to: &str,
    draft: &Draft<'_>,
) -> Result<Option<Sent>, ChannelError> {
    let me = c.token(false).await?.user_id;
    let q = [
        ("dm_event.fields", "text,created_at,sender_id"),
        ("max_results", "20"),
    ];
    let body = c
        .call(|h, base| {
            h.get(format!("{base}/2/dm_conversations/with/{to}/dm_events"))
                .query(&q)
        })
        .await?;
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let when = |e: &serde_json::Value| {
        e["created_at"]
            .as_str()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|d| d.timestamp())
            .unwrap_or(0)
    };
    Ok(v["data"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| {
            e["sender_id"].as_str() == Some(me.as_str())
                && e["text"].as_str() == Some(draft.body)
                && when(e) >= draft.queued_at - 60
        })
        .map(|e| Sent {
            remote_id: e["id"].as_str().unwrap_or_default().to_string(),
            remote_url: None,
        }))
}

/// The address that opens X's composer on a reply to `m` with `text` (for the posts the API will
/// not answer).
pub fn reply_intent(m: &Mention, text: &str) -> String {
    let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    format!(
        "https://x.com/intent/post?in_reply_to={}&text={}",
        enc(&m.external_id),
        enc(text)
    )
}
