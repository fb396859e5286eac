//! What Facebook and Instagram share: Meta's Graph API. Its error bodies
//! (`{"error":{"code":190,…}}`), its rate-limit headers (`x-app-usage`,
//! `x-business-use-case-usage`: percentages of the budget used), its paging
//! (`{"data":[…],"paging":{"cursors":{…},"next":…}}`), and the Page token in the keychain.
//!
//! Tokens travel in the `Authorization` header, never in a URL, so an error message that names
//! an address cannot leak one.

use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{network_error, ChannelError, Context};
use crate::model::{SourceKind, SourceSpec};
use crate::secrets;

/// The Graph API.
pub const GRAPH_BASE: &str = "https://graph.facebook.com";
/// The API version Earshot speaks.
pub const GRAPH_VERSION: &str = "v19.0";
/// Above this share of the rate budget, polling slows down before Meta says stop.
pub const BUDGET_SLOW_DOWN: u8 = 75;

/// A list answer: `data`, and where the next page is.
#[derive(Debug, Deserialize)]
pub struct List<T> {
    /// The items.
    #[serde(default = "Vec::new")]
    pub data: Vec<T>,
    /// Paging, when there is more.
    #[serde(default)]
    pub paging: Option<Paging>,
}

/// Graph paging.
#[derive(Debug, Default, Deserialize)]
pub struct Paging {
    /// Opaque cursors.
    #[serde(default)]
    pub cursors: Option<Cursors>,
    /// The next page's full address (with the query).
    #[serde(default)]
    pub next: Option<String>,
}

/// `before` / `after` cursors.
#[derive(Debug, Default, Deserialize)]
pub struct Cursors {
    /// Towards newer.
    #[serde(default)]
    pub before: Option<String>,
    /// Towards older.
    #[serde(default)]
    pub after: Option<String>,
}

/// A Graph error body.
#[derive(Debug, Deserialize)]
pub struct ErrorBody {
    /// The error.
    pub error: GraphError,
}

/// The error inside.
#[derive(Debug, Default, Deserialize)]
pub struct GraphError {
    /// What went wrong, in Meta's words.
    #[serde(default)]
    pub message: String,
    /// `OAuthException`, `GraphMethodException`…
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// 190 token, 4/17/32/613/80001… rate limits, 10 and 200–299 permissions, 100 parameters.
    #[serde(default)]
    pub code: i64,
    /// Finer reason (463 expired, 460 password changed…).
    #[serde(default)]
    pub error_subcode: Option<i64>,
    /// Whether trying again later may work.
    #[serde(default)]
    pub is_transient: Option<bool>,
    /// A message meant for the person, when Meta gives one.
    #[serde(default)]
    pub error_user_msg: Option<String>,
}

/// The Graph code for "this comment already has its private reply".
pub const ALREADY_REPLIED: i64 = 10900;

/// How much of the rate budget the last answer says is used, and how long until access
/// returns when it ran out.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// The largest percentage among calls, CPU time and total time, app-wide or per Page.
    pub percent: Option<u8>,
    /// `estimated_time_to_regain_access`, in minutes.
    pub regain_mins: Option<u64>,
}

impl Usage {
    /// Reads `x-app-usage` and `x-business-use-case-usage`.
    pub fn from_headers(h: &reqwest::header::HeaderMap) -> Usage {
        let mut u = Usage::default();
        for name in ["x-app-usage", "x-business-use-case-usage", "x-page-usage"] {
            if let Some(v) = h.get(name).and_then(|v| v.to_str().ok()) {
                u.merge(Usage::parse(v));
            }
        }
        u
    }

    /// One header's value: an object of percentages, or (business use case) objects of
    /// arrays of them by business id.
    pub fn parse(v: &str) -> Usage {
        let Ok(json) = serde_json::from_str::<serde_json::Value>(v) else {
            return Usage::default();
        };
        let mut u = Usage::default();
        let mut read = |o: &serde_json::Map<String, serde_json::Value>| {
            for k in ["call_count", "total_cputime", "total_time"] {
                if let Some(p) = o.get(k).and_then(|x| x.as_f64()) {
                    let p = p.clamp(0.0, 100.0) as u8;
                    u.percent = Some(u.percent.map_or(p, |q| q.max(p)));
                }
            }
            if let Some(m) = o
                .get("estimated_time_to_regain_access")
                .and_then(|x| x.as_u64())
                .filter(|m| *m > 0)
            {
                u.regain_mins = Some(u.regain_mins.map_or(m, |q| q.max(m)));
            }
        };
        match &json {
            serde_json::Value::Object(o) if o.contains_key("call_count") => read(o),
            serde_json::Value::Object(o) => {
                for v in o.values() {
                    for item in v.as_array().into_iter().flatten() {
                        if let Some(o) = item.as_object() {
                            read(o);
                        }
                    }
                }
            }
            _ => {}
        }
        u
    }

    fn merge(&mut self, o: Usage) {
        self.percent = match (self.percent, o.percent) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        self.regain_mins = match (self.regain_mins, o.regain_mins) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }

    /// For the source's health: "rate budget 28% used".
    pub fn describe(&self) -> Option<String> {
        self.percent.map(|p| format!("rate budget {p}% used"))
    }
}

/// Turns a Graph error into what the scheduler and the outbox act on.
pub fn error_from(status: u16, body: &[u8], usage: Usage, network: &str) -> ChannelError {
    let Ok(ErrorBody { error: e }) = serde_json::from_slice::<ErrorBody>(body) else {
        return match status {
            429 | 503 => ChannelError::RateLimited { retry_after: None },
            401 | 403 => ChannelError::Unauthorized(format!("HTTP {status} from {network}")),
            s => ChannelError::Http {
                status: s,
                what: network.to_string(),
            },
        };
    };
    let said = e
        .error_user_msg
        .clone()
        .unwrap_or_else(|| e.message.clone());
    match e.code {
        190 | 102 => ChannelError::Unauthorized(format!(
            "{network} login {} — log in again ({})",
            match e.error_subcode {
                Some(463) => "expired",
                Some(460) => "ended when the password changed",
                Some(458) | Some(459) => "was removed",
                _ => "is no longer valid",
            },
            said
        )),
        4 | 17 | 32 | 341 | 613 | 80001..=80009 => ChannelError::RateLimited {
            retry_after: usage.regain_mins.map(|m| Duration::from_secs(m * 60)),
        },
        10 | 200..=299 => ChannelError::Unauthorized(format!(
            "{network} did not give Earshot the permission this needs — log in again and allow it ({said})"
        )),
        1 | 2 => ChannelError::Http {
            status: status.max(500),
            what: format!("{network} (temporarily unavailable: {said})"),
        },
        _ if e.is_transient == Some(true) || status >= 500 => ChannelError::Http {
            status,
            what: format!("{network} ({said})"),
        },
        _ => ChannelError::Refused(format!("{network}: {said} (#{})", e.code)),
    }
}

/// The Graph error code in a body, if it is one.
pub fn error_code(body: &[u8]) -> Option<i64> {
    serde_json::from_slice::<ErrorBody>(body)
        .ok()
        .map(|b| b.error.code)
}

/// A token as the keychain keeps it, with when it stops working.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct StoredToken {
    /// The token.
    pub token: String,
    /// When it stops working (unix seconds); `None`: Meta gave no date.
    #[serde(default)]
    pub expires_at: Option<i64>,
}

impl StoredToken {
    /// Reads what the keychain holds (this JSON, or a bare token).
    pub fn read(v: &str) -> StoredToken {
        serde_json::from_str(v).unwrap_or_else(|_| StoredToken {
            token: v.to_string(),
            expires_at: None,
        })
    }
}

/// The token of a logged-in Facebook or Instagram source.
pub async fn token_for(spec: &SourceSpec, ctx: &Context) -> Result<StoredToken, ChannelError> {
    let label = network_label(spec.kind);
    let acct = spec.account.as_deref().ok_or_else(|| {
        ChannelError::Unauthorized(format!("log in to {label} to listen and reply"))
    })?;
    ctx.secrets
        .get(&secrets::key_for(spec.kind, acct))
        .await
        .map_err(ChannelError::from)?
        .map(|v| StoredToken::read(&v))
        .ok_or_else(|| {
            ChannelError::Unauthorized(format!(
                "no {label} login for {acct} in the keychain: log in again"
            ))
        })
}

/// "Facebook" or "Instagram".
pub fn network_label(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Instagram => "Instagram",
        _ => "Facebook",
    }
}

/// A warning for a login that ends soon: "Facebook login expires in 5 days — renew".
pub fn expiry_warning(label: &str, token: &StoredToken, now: i64) -> Option<String> {
    let at = token.expires_at.filter(|a| *a > 0)?;
    let left = at - now;
    if left > 14 * 86_400 {
        return None;
    }
    Some(if left <= 0 {
        format!("{label} login has expired — renew")
    } else if left < 86_400 {
        format!(
            "{label} login expires in {} hours — renew",
            (left / 3600).max(1)
        )
    } else {
        format!("{label} login expires in {} days — renew", left / 86_400)
    })
}

/// The versioned API root for a source (the simulator's when `base_url` is set).
pub fn api_root(spec: &SourceSpec) -> String {
    format!(
        "{}/{GRAPH_VERSION}",
        spec.base_url
            .as_deref()
            .unwrap_or(GRAPH_BASE)
            .trim_end_matches('/')
    )
}

/// A Graph API caller for one source: its root, token and context, and the last usage seen.
#[derive(Debug, Clone)]
pub struct Graph {
    /// The versioned root.
    pub root: String,
    /// The token.
    pub token: StoredToken,
    /// The context.
    pub ctx: Context,
    /// "Facebook" or "Instagram", for messages.
    pub label: &'static str,
    /// The largest usage the answers reported.
    pub usage: Usage,
}

impl Graph {
    /// A caller for `spec` (reads its token from the keychain).
    pub async fn for_source(spec: &SourceSpec, ctx: &Context) -> Result<Graph, ChannelError> {
        Ok(Graph {
            root: api_root(spec),
            token: token_for(spec, ctx).await?,
            ctx: ctx.clone(),
            label: network_label(spec.kind),
            usage: Usage::default(),
        })
    }

    /// The address of `path` (no leading slash) under the root, or `path` itself when it is
    /// already a full address (a `paging.next`).
    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            path.to_string()
        } else {
            format!("{}/{}", self.root, path.trim_start_matches('/'))
        }
    }

    /// GET and parse.
    pub async fn get<T: DeserializeOwned>(
        &mut self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<T, ChannelError> {
        let req = self
            .ctx
            .http
            .get(self.url(path))
            .query(query)
            .bearer_auth(&self.token.token);
        self.run(req).await
    }

    /// POST form fields and parse the answer.
    pub async fn post<T: DeserializeOwned>(
        &mut self,
        path: &str,
        form: &[(&str, &str)],
    ) -> Result<T, ChannelError> {
        let req = self
            .ctx
            .http
            .post(self.url(path))
            .form(form)
            .bearer_auth(&self.token.token);
        self.run(req).await
    }

    /// POST a JSON body (the Send API) and parse the answer.
    pub async fn post_json<T: DeserializeOwned>(
        &mut self,
        path: &str,
        body: &serde_json::Value,
    ) -> Result<T, ChannelError> {
        let req = self
            .ctx
            .http
            .post(self.url(path))
            .json(body)
            .bearer_auth(&self.token.token);
        self.run(req).await
    }

    async fn run<T: DeserializeOwned>(
        &mut self,
        req: reqwest::RequestBuilder,
    ) -> Result<T, ChannelError> {
        let resp = req.send().await.map_err(network_error)?;
        let status = resp.status().as_u16();
        let usage = Usage::from_headers(resp.headers());
        self.usage.merge(usage);
        let retry_after = resp
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| super::parse_retry_after(v, self.ctx.clock.now()));
        let body = resp.bytes().await.map_err(network_error)?;
        if !(200..300).contains(&status) {
            return Err(match error_from(status, &body, usage, self.label) {
                ChannelError::RateLimited { retry_after: None } => {
                    ChannelError::RateLimited { retry_after }
                }
                e => e,
            });
        }
        serde_json::from_slice(&body)
            .map_err(|e| ChannelError::Malformed(format!("{} answer: {e}", self.label)))
    }
}

/// Graph times: `2024-05-14T07:20:32+0000`.
pub fn parse_time(s: &str) -> Option<i64> {
    chrono::DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%z")
        .or_else(|_| chrono::DateTime::parse_from_rfc3339(s))
        .ok()
        .map(|d| d.timestamp())
}

/// The first words of a post, for context beside a comment.
pub fn snippet(text: &str) -> Option<String> {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return None;
    }
    let mut out: String = t.chars().take(140).collect();
    if out.len() < t.len() {
        out.push('…');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::fixture;

    #[test]
    fn usage_headers_read_as_the_largest_share() {
        let app = Usage::parse(r#"{"call_count":28,"total_time":25,"total_cputime":25}"#);
        assert_eq!(app.percent, Some(28));
        let buc = Usage::parse(
            r#"{"66782684":[{"type":"pages","call_count":95,"total_cputime":20,"total_time":20,"estimated_time_to_regain_access":0}],"1":[{"type":"pages","call_count":100,"total_cputime":25,"total_time":25,"estimated_time_to_regain_access":19}]}"#,
        );
        assert_eq!(buc.percent, Some(100));
        assert_eq!(buc.regain_mins, Some(19));
        // The documentation's sample has comments and "..." in it: not JSON, so nothing.
        assert_eq!(Usage::parse("{ // comment\n ... }"), Usage::default());
    }

    #[test]
    fn errors_map_to_what_the_scheduler_does() {
        let expired = fixture("facebook", "error_190_463_expired_token_doc_example.json");
        match error_from(400, &expired, Usage::default(), "Facebook") {
            ChannelError::Unauthorized(m) => assert!(m.contains("expired"), "{m}"),
            e => panic!("{e:?}"),
        }
        let limit = fixture(
            "facebook",
            "error_4_application_request_limit_real_capture.json",
        );
        let usage = Usage {
            percent: Some(100),
            regain_mins: Some(19),
        };
        match error_from(403, &limit, usage, "Facebook") {
            ChannelError::RateLimited { retry_after } => {
                assert_eq!(retry_after, Some(Duration::from_secs(19 * 60)))
            }
            e => panic!("{e:?}"),
        }
        let page = fixture("facebook", "error_32_page_request_limit_doc_example.json");
        assert!(matches!(
            error_from(400, &page, Usage::default(), "Facebook"),
            ChannelError::RateLimited { .. }
        ));
        let missing = fixture(
            "facebook",
            "error_100_object_does_not_exist_missing_permission.json",
        );
        assert!(matches!(
            error_from(400, &missing, Usage::default(), "Facebook"),
            ChannelError::Refused(_)
        ));
        assert!(matches!(
            error_from(
                502,
                b"<html>Bad Gateway</html>",
                Usage::default(),
                "Facebook"
            ),
            ChannelError::Http { status: 502, .. }
        ));
    }

    #[test]
    fn times_and_expiry() {
        assert_eq!(parse_time("2024-05-14T07:20:32+0000"), Some(1_715_671_232));
        assert_eq!(parse_time("yesterday"), None);
        let t = StoredToken {
            token: "t".into(),
            expires_at: Some(5 * 86_400 + 100),
        };
        assert_eq!(
            expiry_warning("Facebook", &t, 0).as_deref(),
            Some("Facebook login expires in 5 days — renew")
        );
        assert_eq!(expiry_warning("Facebook", &t, -30 * 86_400), None);
        assert_eq!(StoredToken::read("bare").token, "bare");
    }
}
