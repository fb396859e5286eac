//! Talking to Reddit for one source: logged in through `oauth.reddit.com` with a bearer token
//! renewed by its refresh token (both in the keychain), or logged out through `www.reddit.com`'s
//! `.json` listings. Every answer's `x-ratelimit-remaining`/`-reset` is kept: near the end of
//! the budget the next call waits for the reset.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::channels::{network_error, ChannelError, Context};
use crate::model::{SourceKind, SourceSpec};
use crate::secrets;

/// Reddit's API for logged-in apps.
pub const OAUTH_BASE: &str = "https://oauth.reddit.com";
/// Reddit's site (logins, logged-out listings).
pub const WWW_BASE: &str = "https://www.reddit.com";

/// What the keychain holds for a Reddit login.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct RedditToken {
    /// The access token.
    pub access_token: String,
    /// When it stops working (unix seconds).
    #[serde(default)]
    pub expires_at: i64,
    /// The refresh token (`duration=permanent`).
    #[serde(default)]
    pub refresh_token: Option<String>,
}

impl crate::channels::oauth::Kept for RedditToken {
    fn expires_at(&self) -> i64 {
        self.expires_at
    }
    fn refresh_token(&self) -> Option<&str> {
        self.refresh_token.as_deref()
    }
    fn renewed(&self, a: crate::channels::oauth::TokenAnswer, now: i64) -> Self {
        RedditToken {
            access_token: a.access_token,
            expires_at: now + a.expires_in.unwrap_or(3600),
            refresh_token: a.refresh_token.or(self.refresh_token.clone()),
        }
    }
}

/// The rate budget as the last answer told it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Budget {
    /// Calls left in the window.
    pub remaining: Option<f64>,
    /// Calls used.
    pub used: Option<f64>,
    /// Seconds until the window resets.
    pub reset: Option<u64>,
}

impl Budget {
    fn read(h: &reqwest::header::HeaderMap) -> Budget {
        let num = |k: &str| {
            h.get(k)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<f64>().ok())
        };
        Budget {
            remaining: num("x-ratelimit-remaining"),
            used: num("x-ratelimit-used"),
            reset: num("x-ratelimit-reset")
                .filter(|r| r.is_finite() && *r >= 0.0)
                .map(|r| r as u64),
        }
    }

    /// How long to wait before the next call: until the reset when fewer than 10 calls are left.
    pub fn wait(&self) -> Option<Duration> {
        (self.remaining? < 10.0).then(|| Duration::from_secs(self.reset.unwrap_or(60).max(1)))
    }

    /// "rate budget 3% used".
    pub fn describe(&self) -> Option<String> {
        let (used, left) = (self.used?, self.remaining?);
        (used + left > 0.0)
            .then(|| format!("rate budget {:.0}% used", 100.0 * used / (used + left)))
    }
}

/// Calls for one source.
pub struct Client {
    spec: SourceSpec,
    ctx: Context,
    token: Option<RedditToken>,
    /// The last budget seen.
    pub budget: Budget,
}

/// The site's address for a source (logins, logged-out listings).
pub fn www(spec: &SourceSpec) -> String {
    spec.base_url
        .as_deref()
        .unwrap_or(WWW_BASE)
        .trim_end_matches('/')
        .to_string()
}

fn api(spec: &SourceSpec) -> String {
    spec.base_url
        .as_deref()
        .unwrap_or(OAUTH_BASE)
        .trim_end_matches('/')
        .to_string()
}

impl Client {
    /// A client for `spec`; logged in when the source names an account.
    pub fn new(spec: &SourceSpec, ctx: Context) -> Client {
        Client {
            spec: spec.clone(),
            ctx,
            token: None,
            budget: Budget::default(),
        }
    }

    /// Whether calls go out logged in.
    pub fn logged_in(&self) -> bool {
        self.spec.account.is_some()
    }

    fn key(&self) -> String {
        secrets::key_for(
            SourceKind::Reddit,
            self.spec.account.as_deref().unwrap_or_default(),
        )
    }

    async fn bearer(&mut self, renew: bool) -> Result<String, ChannelError> {
        let key = self.key();
        let url = format!("{}/api/v1/access_token", www(&self.spec));
        let client_id = self.spec.client_id.clone().unwrap_or_default();
        let t = crate::channels::oauth::kept_login(
            &self.ctx,
            &key,
            &mut self.token,
            renew,
            "Reddit",
            |_: &RedditToken| crate::channels::oauth::Renewal {
                url,
                extra: Vec::new(),
                basic: Some(client_id),
            },
        )
        .await?;
        Ok(t.access_token)
    }

    /// GET `path` (`/r/x/new`) with `query`; logged out it reads the `.json` listing.
    pub async fn get(
        &mut self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<Vec<u8>, ChannelError> {
        let mut q: Vec<(&str, &str)> = query.to_vec();
        q.push(("raw_json", "1"));
        if !self.logged_in() {
            let url = format!("{}{path}.json", www(&self.spec));
            let req = self.ctx.http.get(url).query(&q);
            return self.send(req, "Reddit").await;
        }
        let url = format!("{}{path}", api(&self.spec));
        for attempt in 0..2 {
            let token = self.bearer(attempt == 1).await?;
            let req = self.ctx.http.get(&url).query(&q).bearer_auth(token);
            match self.send(req, "Reddit").await {
                Err(ChannelError::Unauthorized(_)) if attempt == 0 => continue,
                other => return other,
            }
        }
        Err(ChannelError::Unauthorized(
            "Reddit refused the renewed login — log in again".into(),
        ))
    }

    /// POST a form to `path` (logged in only).
    pub async fn post(
        &mut self,
        path: &str,
        form: &[(&str, &str)],
    ) -> Result<Vec<u8>, ChannelError> {
        let url = format!("{}{path}", api(&self.spec));
        for attempt in 0..2 {
            let token = self.bearer(attempt == 1).await?;
            let req = self.ctx.http.post(&url).form(form).bearer_auth(token);
            match self.send(req, "Reddit").await {
                Err(ChannelError::Unauthorized(_)) if attempt == 0 => continue,
                other => return other,
            }
        }
        Err(ChannelError::Unauthorized(
            "Reddit refused the renewed login — log in again".into(),
        ))
    }

    async fn send(
        &mut self,
        req: reqwest::RequestBuilder,
        what: &str,
    ) -> Result<Vec<u8>, ChannelError> {
        let resp = req.send().await.map_err(network_error)?;
        let status = resp.status().as_u16();
        let budget = Budget::read(resp.headers());
        if budget.remaining.is_some() {
            self.budget = budget;
        }
        let retry = resp
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| crate::channels::parse_retry_after(v, self.ctx.clock.now()));
        let body = resp.bytes().await.map_err(network_error)?;
        match status {
            200..=299 => Ok(body.to_vec()),
            429 => Err(ChannelError::RateLimited {
                retry_after: retry.or(budget.reset.map(Duration::from_secs)),
            }),
            401 => Err(ChannelError::Unauthorized(format!(
                "{what} refused the login — log in again"
            ))),
            403 => Err(ChannelError::Refused(format!(
                "{what}: forbidden (a private or banned subreddit, or a missing permission)"
            ))),
            404 => Err(ChannelError::Refused(format!(
                "{what}: not found (a subreddit or user that does not exist)"
            ))),
            s => Err(ChannelError::Http {
                status: s,
                what: what.to_string(),
            }),
        }
    }
}
