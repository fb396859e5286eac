//! Google Business Profile reviews, polled: the account's locations (Business Information API,
//! re-read every six hours) and each location's reviews (`accounts.locations.reviews.list`,
//! newest update first) down to the last one seen. A new review is a mention; a review whose
//! update time moved is an edited review, a new mention of its own.
//!
//! The login is OAuth 2 for installed apps (see `login.rs`); the access token lasts an hour
//! and is renewed with the refresh token, both in the keychain. Replies are
//! `PUT …/reviews/{r}/reply` (writing it again edits it; a PUT cannot post twice) and
//! `DELETE …/reply`.

pub mod login;
pub mod parse;
pub mod wire;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{network_error, Batch, BatchFuture, ChannelError, Connector, Context, Draft, Sent};
use crate::model::{Mention, SourceKind, SourceSpec};
use crate::secrets;
use wire::{ErrorBody, LocationList, ReviewList};

/// The reviews API (v4).
pub const REVIEWS_BASE: &str = "https://mybusiness.googleapis.com";
/// The Business Information API (locations).
pub const INFO_BASE: &str = "https://mybusinessbusinessinformation.googleapis.com";
/// Google's token endpoint.
pub const TOKEN_URL: &str = "https://oauth2.googleapis.com/token";
/// Seconds between polls when the source says nothing.
pub const DEFAULT_INTERVAL: u64 = 300;
/// The longest reply Google takes (characters).
pub const MAX_REPLY_CHARS: u32 = 4096;
const LOCATIONS_EVERY: i64 = 6 * 3600;
const FIRST_LOOKBACK: i64 = 30 * 86_400;
const MAX_PAGES: usize = 20;
const MAX_REMEMBERED: usize = 20_000;
const MAX_FULL_PAGES: usize = 40;

/// What the keychain holds for a Google login.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
pub struct GoogleToken {
    /// The access token.
    pub access_token: String,
    /// When it stops working (unix seconds).
    #[serde(default)]
    pub expires_at: i64,
    /// The refresh token.
    #[serde(default)]
    pub refresh_token: Option<String>,
    /// The client secret, for clients Google issued one (desktop clients).
    #[serde(default)]
    pub client_secret: Option<String>,
}

impl super::oauth::Kept for GoogleToken {
    fn expires_at(&self) -> i64 {
        self.expires_at
    }
    fn refresh_token(&self) -> Option<&str> {
        self.refresh_token.as_deref()
    }
    fn renewed(&self, a: super::oauth::TokenAnswer, now: i64) -> Self {
        GoogleToken {
            access_token: a.access_token,
            expires_at: now + a.expires_in.unwrap_or(3600),
            refresh_token: a.refresh_token.or(self.refresh_token.clone()),
            client_secret: self.client_secret.clone(),
        }
    }
}

/// Where a reviews source is.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
pub struct Cursor {
    /// Locations (`accounts/{a}/locations/{l}`) and their titles.
    pub locations: Vec<(String, String)>,
    /// When the locations were read.
    pub locations_at: i64,
    /// Each review seen and its update time.
    pub seen: BTreeMap<String, i64>,
    /// The newest update time seen per location.
    pub newest: BTreeMap<String, i64>,
    /// Each review seen: its location, stars and reviewer (to say which one was deleted).
    #[serde(default)]
    pub who: BTreeMap<String, Seen>,
    /// Each location's review count when last read (`totalReviewCount`).
    #[serde(default)]
    pub total: BTreeMap<String, i64>,
    /// When each location's reviews were last listed in full.
    #[serde(default)]
    pub full_at: BTreeMap<String, i64>,
}

/// What is kept of a review to report its deletion.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
pub struct Seen {
    /// `accounts/{a}/locations/{l}`.
    pub location: String,
    /// Stars.
    #[serde(default)]
    pub rating: Option<u8>,
    /// The reviewer's name.
    #[serde(default)]
    pub reviewer: String,
}

/// A location's reviews are listed in full this often, or at once when its count drops: a
/// review missing from the full list was deleted.
const FULL_EVERY: i64 = 86_400;

pub(crate) fn base(spec: &SourceSpec, real: &str) -> String {
    spec.base_url
        .as_deref()
        .unwrap_or(real)
        .trim_end_matches('/')
        .to_string()
}

/// The token endpoint of a source (the simulator's when `base_url` is set).
pub fn token_url(spec: &SourceSpec) -> String {
    match &spec.base_url {
        Some(b) => format!("{}/token", b.trim_end_matches('/')),
        None => TOKEN_URL.into(),
    }
}

/// Calls Google for one source, renewing the access token when it has run out.
pub struct Google {
    spec: SourceSpec,
    ctx: Context,
    token: Option<GoogleToken>,
}

impl Google {
    /// A caller for a logged-in source (`account` is `accounts/{id}`).
    pub fn new(spec: &SourceSpec, ctx: Context) -> Result<Google, ChannelError> {
        if spec.kind == SourceKind::GoogleReviews {
            account_of(spec)?;
        } else if spec.account.is_none() {
            return Err(ChannelError::Unauthorized(
                "log in to Google to listen and reply".into(),
            ));
        }
        Ok(Google {
            spec: spec.clone(),
            ctx,
            token: None,
        })
    }

    fn key(&self) -> String {
        secrets::key_for(
            self.spec.kind,
            self.spec.account.as_deref().unwrap_or_default(),
        )
    }

    async fn token(&mut self, renew: bool) -> Result<String, ChannelError> {
        let (key, url) = (self.key(), token_url(&self.spec));
        let client_id = self.spec.client_id.clone().unwrap_or_default();
        let t = super::oauth::kept_login(
            &self.ctx,
            &key,
            &mut self.token,
            renew,
            "Google",
            |t: &GoogleToken| {
                let mut extra = vec![("client_id", client_id)];
                if let Some(s) = &t.client_secret {
                    extra.push(("client_secret", s.clone()));
                }
                super::oauth::Renewal {
                    url,
                    extra,
                    basic: None,
                }
            },
        )
        .await?;
        Ok(t.access_token)
    }

    /// Sends a request made by `make` with a fresh token; on 401 renews once and tries again.
    pub(crate) async fn call(
        &mut self,
        what: &str,
        make: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
    ) -> Result<Vec<u8>, ChannelError> {
        for attempt in 0..2 {
            let token = self.token(attempt == 1).await?;
            let resp = make(&self.ctx.http)
                .bearer_auth(token)
                .send()
                .await
                .map_err(network_error)?;
            let status = resp.status().as_u16();
            let retry_after = resp
                .headers()
                .get(reqwest::header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| super::parse_retry_after(v, self.ctx.clock.now()));
            let body = resp.bytes().await.map_err(network_error)?;
            if (200..300).contains(&status) {
                return Ok(body.to_vec());
            }
            if status == 401 && attempt == 0 {
                continue;
            }
            return Err(error_from(status, &body, retry_after, what));
        }
        Err(ChannelError::Unauthorized(
            "Google refused the renewed login — log in again".into(),
        ))
    }

    async fn locations(&mut self) -> Result<Vec<(String, String)>, ChannelError> {
        let account = account_of(&self.spec)?;
        let root = base(&self.spec, INFO_BASE);
        let mut out = Vec::new();
        let mut page: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let url = format!("{root}/v1/{account}/locations");
            let p = page.clone();
            let body = self
                .call("Google locations", |h| {
                    let mut q = vec![
                        ("readMask", "name,title".to_string()),
                        ("pageSize", "100".into()),
                    ];
                    if let Some(t) = &p {
                        q.push(("pageToken", t.clone()));
                    }
                    h.get(&url).query(&q)
                })
                .await?;
            let list: LocationList = serde_json::from_slice(&body)
                .map_err(|e| ChannelError::Malformed(format!("Google locations: {e}")))?;
            for l in list.locations {
                if let Some(name) = l.name {
                    let id = name.rsplit('/').next().unwrap_or(&name).to_string();
                    out.push((format!("{account}/locations/{id}"), l.title.unwrap_or(id)));
                }
            }
            match list.next_page_token.filter(|t| !t.is_empty()) {
                Some(t) => page = Some(t),
                None => break,
            }
        }
        Ok(out)
    }

    async fn poll(&mut self, cursor: Option<&str>) -> Result<Batch, ChannelError> {
        let now = self.ctx.clock.now();
        let mut cur: Cursor = cursor
            .and_then(|c| serde_json::from_str(c).ok())
            .unwrap_or_default();
        if cur.locations.is_empty() || now - cur.locations_at >= LOCATIONS_EVERY {
            cur.locations = self.locations().await?;
            cur.locations_at = now;
        }
        let root = base(&self.spec, REVIEWS_BASE);
        let mut mentions: Vec<Mention> = Vec::new();
        for (loc, title) in cur.locations.clone() {
            let floor = cur
                .newest
                .get(&loc)
                .copied()
                .unwrap_or(now - FIRST_LOOKBACK);
            let first_time = !cur.newest.contains_key(&loc);
            let mut newest = floor;
            let mut page: Option<String> = None;
            let mut total: Option<i64> = None;
            'pages: for _ in 0..MAX_PAGES {
                let list = self.reviews_page(&root, &loc, page.as_deref()).await?;
                if page.is_none() {
                    total = list.total_review_count;
                }
                for r in &list.reviews {
                    let Some((id, updated)) = parse::key(r) else {
                        continue;
                    };
                    if updated < floor {
                        break 'pages;
                    }
                    newest = newest.max(updated);
                    let edited = match cur.seen.get(&id) {
                        Some(t) if *t == updated => continue,
                        Some(_) => true,
                        None => false,
                    };
                    cur.seen.insert(id.clone(), updated);
                    if let Some(m) =
                        parse::review_to_mention(r, &loc, &title, edited && !first_time, now)
                    {
                        cur.who.insert(
                            id,
                            Seen {
                                location: loc.clone(),
                                rating: m.remote.rating,
                                reviewer: m.author.handle.clone(),
                            },
                        );
                        mentions.push(m);
                    }
                }
                match list.next_page_token.filter(|t| !t.is_empty()) {
                    Some(t) => page = Some(t),
                    None => break,
                }
            }
            cur.newest.insert(loc.clone(), newest);
            // A count that dropped, or a day since the last full list: list them all, and the
            // reviews seen before that are missing were deleted.
            let dropped =
                matches!((total, cur.total.get(&loc)), (Some(t), Some(before)) if t < *before);
            let due = now - cur.full_at.get(&loc).copied().unwrap_or(now) >= FULL_EVERY;
            if dropped || due {
                mentions.extend(self.deletions(&root, &loc, &title, &mut cur, now).await?);
                cur.full_at.insert(loc.clone(), now);
            } else {
                cur.full_at.entry(loc.clone()).or_insert(now);
            }
            if let Some(t) = total {
                cur.total.insert(loc, t);
            }
        }
        while cur.who.len() > MAX_REMEMBERED {
            let Some(k) = cur.who.keys().next().cloned() else {
                break;
            };
            cur.who.remove(&k);
        }
        while cur.seen.len() > MAX_REMEMBERED {
            let oldest = cur
                .seen
                .iter()
                .min_by_key(|(_, t)| **t)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => cur.seen.remove(&k),
                None => break,
            };
        }
        Ok(Batch {
            mentions,
            cursor: serde_json::to_string(&cur).ok(),
            ..Batch::default()
        })
    }

    /// One page of a location's reviews, newest update first.
    async fn reviews_page(
        &mut self,
        root: &str,
        loc: &str,
        token: Option<&str>,
    ) -> Result<ReviewList, ChannelError> {
        let url = format!("{root}/v4/{loc}/reviews");
        let body = self
            .call("Google reviews", |h| {
                let mut q = vec![
                    ("pageSize", "50".to_string()),
                    ("orderBy", "updateTime desc".into()),
                ];
                if let Some(t) = token {
                    q.push(("pageToken", t.to_string()));
                }
                h.get(&url).query(&q)
            })
            .await?;
        serde_json::from_slice(&body)
            .map_err(|e| ChannelError::Malformed(format!("Google reviews: {e}")))
    }

    /// Lists a location's reviews in full; each review seen before that is missing was deleted:
    /// a mention of its own for the owner ("Derek W. deleted their ★☆☆☆☆ review").
    async fn deletions(
        &mut self,
        root: &str,
        loc: &str,
        title: &str,
        cur: &mut Cursor,
        now: i64,
    ) -> Result<Vec<Mention>, ChannelError> {
        let mut present = std::collections::HashSet::new();
        let mut page: Option<String> = None;
        for _ in 0..MAX_FULL_PAGES {
            let list = self.reviews_page(root, loc, page.as_deref()).await?;
            present.extend(
                list.reviews
                    .iter()
                    .filter_map(|r| parse::key(r).map(|(id, _)| id)),
            );
            match list.next_page_token.filter(|t| !t.is_empty()) {
                Some(t) => page = Some(t),
                None => {
                    page = None;
                    break;
                }
            }
        }
        if page.is_some() {
            // Too many to list in full: nothing can be called deleted.
            return Ok(Vec::new());
        }
        let gone: Vec<String> = cur
            .who
            .iter()
            .filter(|(id, s)| s.location == loc && !present.contains(*id))
            .map(|(id, _)| id.clone())
            .collect();
        let mut out = Vec::new();
        for id in gone {
            if let Some(s) = cur.who.remove(&id) {
                cur.seen.remove(&id);
                out.push(parse::deleted_review(&id, &s, loc, title, now));
            }
        }
        Ok(out)
    }

    /// Writes (or rewrites) the owner's reply to a review.
    pub async fn put_reply(&mut self, m: &Mention, text: &str) -> Result<Sent, ChannelError> {
        let name = parse::review_name(m).ok_or_else(|| {
            ChannelError::Config("this review has no Google name to reply to".into())
        })?;
        let url = format!("{}/v4/{name}/reply", base(&self.spec, REVIEWS_BASE));
        let body = serde_json::json!({ "comment": text });
        self.call("Google review reply", |h| h.put(&url).json(&body))
            .await?;
        Ok(Sent {
            remote_id: format!("{name}/reply"),
            remote_url: m.url.clone(),
        })
    }

    /// Deletes the owner's reply to a review.
    pub async fn delete_reply(&mut self, m: &Mention) -> Result<(), ChannelError> {
        let name = parse::review_name(m)
            .ok_or_else(|| ChannelError::Config("this review has no Google name".into()))?;
        let url = format!("{}/v4/{name}/reply", base(&self.spec, REVIEWS_BASE));
        self.call("Google review reply", |h| h.delete(&url)).await?;
        Ok(())
    }
}

/// Maps a Google error answer.
pub fn error_from(
    status: u16,
    body: &[u8],
    retry_after: Option<std::time::Duration>,
    what: &str,
) -> ChannelError {
    let e = serde_json::from_slice::<ErrorBody>(body)
        .map(|b| b.error)
        .unwrap_or_default();
    let said = if e.message.is_empty() {
        format!("HTTP {status}")
    } else {
        e.message.clone()
    };
    // YouTube's daily quota and per-minute limits come as 403 with a reason.
    let limited = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v["error"]["errors"].as_array().cloned())
        .unwrap_or_default()
        .iter()
        .any(|x| {
            matches!(
                x["reason"].as_str(),
                Some("quotaExceeded" | "rateLimitExceeded" | "userRateLimitExceeded")
            )
        });
    if limited {
        return ChannelError::RateLimited { retry_after };
    }
    match (status, e.status.as_deref()) {
        (429, _) | (_, Some("RESOURCE_EXHAUSTED")) => ChannelError::RateLimited { retry_after },
        (401, _) | (_, Some("UNAUTHENTICATED")) => {
            ChannelError::Unauthorized(format!("Google ended the login — log in again ({said})"))
        }
        (403, _) | (_, Some("PERMISSION_DENIED")) => ChannelError::Unauthorized(format!(
            "Google refused access to {what}: {said}. The Business Profile API needs Google's approval for the client id (see the README)"
        )),
        (s, _) if s >= 500 => ChannelError::Http { status: s, what: what.into() },
        (400, _) | (404, _) | (_, Some("INVALID_ARGUMENT")) | (_, Some("NOT_FOUND")) => {
            ChannelError::Refused(format!("Google: {said}"))
        }
        (s, _) => ChannelError::Http { status: s, what: what.into() },
    }
}

/// The `accounts/{id}` of a source.
pub fn account_of(spec: &SourceSpec) -> Result<String, ChannelError> {
    spec.account
        .clone()
        .filter(|a| a.starts_with("accounts/"))
        .ok_or_else(|| ChannelError::Unauthorized("log in to Google to read the reviews".into()))
}

impl Connector for Google {
    fn next_batch<'a>(&'a mut self, cursor: Option<&'a str>) -> BatchFuture<'a> {
        Box::pin(self.poll(cursor))
    }
}

/// Sends a review reply.
pub async fn send(
    spec: &SourceSpec,
    ctx: Context,
    draft: &Draft<'_>,
) -> Result<Sent, ChannelError> {
    if draft.private {
        return Err(ChannelError::Refused(
            "Google reviews take public replies only".into(),
        ));
    }
    Google::new(spec, ctx)?
        .put_reply(draft.target, draft.body)
        .await
}
