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

use std::collections::HashMap;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::jetstream;
use super::{network_error, Batch, BatchFuture, ChannelError, Connector, Context, Draft, Sent};
use crate::matcher::Matcher;
use crate::model::{
    Author, Business, Channel, Engagement, Mention, Remote, SourceKind, SourceSpec,
};
use crate::secrets;

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

/// A logged-in session, as kept in the keychain.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Session {
    /// The account's DID.
    pub did: String,
    /// Its handle.
    pub handle: String,
    /// Short-lived token for calls.
    #[serde(rename = "accessJwt")]
    pub access_jwt: String,
    /// Long-lived token that renews the access token.
    #[serde(rename = "refreshJwt")]
    pub refresh_jwt: String,
    /// The PDS the session belongs to (from the account's DID document at login); sessions
    /// saved before Earshot remembered it go to the configured or default one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pds: Option<String>,
}

/// An author as the AppView shows them.
#[derive(Debug, Clone, Deserialize)]
pub struct ProfileView {
    /// DID.
    pub did: String,
    /// Handle.
    pub handle: String,
    /// Display name.
    #[serde(default, rename = "displayName")]
    pub display_name: Option<String>,
    /// Followers (detailed views only).
    #[serde(default, rename = "followersCount")]
    pub followers_count: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct Profiles {
    profiles: Vec<ProfileView>,
}

/// A post as search returns it.
#[derive(Debug, Deserialize)]
pub struct PostView {
    uri: String,
    cid: String,
    author: ProfileView,
    record: serde_json::Value,
    #[serde(default, rename = "replyCount")]
    reply_count: Option<i64>,
    #[serde(default, rename = "repostCount")]
    repost_count: Option<i64>,
    #[serde(default, rename = "likeCount")]
    like_count: Option<i64>,
    #[serde(default, rename = "indexedAt")]
    indexed_at: Option<String>,
}

#[derive(Debug, Deserialize)]
struct SearchPosts {
    posts: Vec<PostView>,
}

/// A notification.
#[derive(Debug, Deserialize)]
pub struct NotificationView {
    uri: String,
    cid: String,
    author: ProfileView,
    reason: String,
    record: serde_json::Value,
    #[serde(rename = "indexedAt")]
    indexed_at: String,
}

#[derive(Debug, Deserialize)]
struct Notifications {
    notifications: Vec<NotificationView>,
}

/// An XRPC error body.
#[derive(Debug, Deserialize)]
struct XrpcError {
    #[serde(default)]
    error: String,
    #[serde(default)]
    message: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Cursor {
    #[serde(default)]
    time_us: Option<i64>,
    #[serde(default)]
    notified: Option<String>,
}

fn malformed(what: &str, e: impl std::fmt::Display) -> ChannelError {
    ChannelError::Malformed(format!("Bluesky {what}: {e}"))
}

fn timestamp(s: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.timestamp())
}

fn rkey_of(uri: &str) -> &str {
    uri.rsplit('/').next().unwrap_or(uri)
}

/// The web address of a post.
pub fn post_url(author: &str, uri: &str) -> String {
    format!("https://bsky.app/profile/{author}/post/{}", rkey_of(uri))
}

/// A post record (JSON) and its author as a mention.
fn record_to_mention(
    uri: &str,
    cid: &str,
    author: &ProfileView,
    record: &serde_json::Value,
    now: i64,
) -> Result<Mention, ChannelError> {
    let raw = record.to_string();
    let rec: jetstream::PostRecord<'_> =
        serde_json::from_str(&raw).map_err(|e| malformed("post record", e))?;
    let mut m = Mention::new(
        Channel::Bluesky,
        uri,
        rec.text.as_deref().unwrap_or_default(),
    );
    m.created_at = rec.created_at.and_then(timestamp).unwrap_or(now);
    m.fetched_at = now;
    m.lang = rec.langs.first().map(|l| l.to_string());
    m.url = Some(post_url(&author.handle, uri));
    if let Some(r) = &rec.reply {
        m.reply_to = Some(r.parent.uri.to_string());
        m.thread_root = Some(r.root.uri.to_string());
    }
    m.remote = Remote {
        cid: Some(cid.to_string()),
        root_cid: rec.reply.as_ref().map(|r| r.root.cid.to_string()),
        author_id: Some(author.did.clone()),
        to_owner: false,
    };
    m.author = author_of(author);
    Ok(m)
}

/// The author with this DID as the AppView shows them now (reach refreshed on the owner's ask).
pub async fn fetch_author(
    spec: &SourceSpec,
    ctx: Context,
    did: &str,
) -> Result<Author, ChannelError> {
    let client = Client::new(spec, ctx)?;
    let body = client
        .public("app.bsky.actor.getProfiles", &[("actors", did)])
        .await?;
    let p: Profiles = serde_json::from_slice(&body).map_err(|e| malformed("profiles", e))?;
    p.profiles
        .iter()
        .find(|p| p.did == did)
        .map(author_of)
        .ok_or_else(|| ChannelError::Refused(format!("the AppView does not know {did}")))
}

fn author_of(p: &ProfileView) -> Author {
    Author {
        handle: format!("@{}", p.handle),
        display_name: p.display_name.clone().filter(|d| !d.trim().is_empty()),
        profile_url: Some(format!("https://bsky.app/profile/{}", p.handle)),
        followers: p.followers_count,
        karma: None,
    }
}

/// Parses `app.bsky.feed.searchPosts`.
pub fn parse_search(body: &[u8], now: i64) -> Result<Vec<Mention>, ChannelError> {
    let r: SearchPosts = serde_json::from_slice(body).map_err(|e| malformed("search", e))?;
    r.posts
        .into_iter()
        .map(|p| {
            let mut m = record_to_mention(&p.uri, &p.cid, &p.author, &p.record, now)?;
            m.engagement = Engagement {
                likes: p.like_count,
                reposts: p.repost_count,
                replies: p.reply_count,
                velocity: None,
            };
            if m.created_at == now {
                m.created_at = p.indexed_at.as_deref().and_then(timestamp).unwrap_or(now);
            }
            Ok(m)
        })
        .collect()
}

/// Parses `app.bsky.notification.listNotifications`: mentions, replies and quotes as mentions
/// addressed to the owner, with the newest `indexedAt`.
pub fn parse_notifications(
    body: &[u8],
    now: i64,
) -> Result<(Vec<Mention>, Option<String>), ChannelError> {
    let r: Notifications =
        serde_json::from_slice(body).map_err(|e| malformed("notifications", e))?;
    let newest = r.notifications.iter().map(|n| n.indexed_at.clone()).max();
    let mentions = r
        .notifications
        .into_iter()
        .filter(|n| matches!(n.reason.as_str(), "mention" | "reply" | "quote"))
        .map(|n| {
            let mut m = record_to_mention(&n.uri, &n.cid, &n.author, &n.record, now)?;
            m.remote.to_owner = true;
            Ok(m)
        })
        .collect::<Result<_, ChannelError>>()?;
    Ok((mentions, newest))
}

/// A Jetstream post event as a mention (author handle unknown until profiles are fetched).
pub fn event_to_mention(e: &jetstream::Event<'_>, now: i64) -> Option<Mention> {
    let c = e.commit.as_ref()?;
    let rec = c.record.as_ref()?;
    let text = rec.text.as_deref()?;
    let uri = format!("at://{}/app.bsky.feed.post/{}", e.did, c.rkey);
    let mut m = Mention::new(Channel::Bluesky, uri.clone(), text);
    m.created_at = rec
        .created_at
        .and_then(timestamp)
        .unwrap_or(e.time_us / 1_000_000);
    m.fetched_at = now;
    m.lang = rec.langs.first().map(|l| l.to_string());
    m.url = Some(post_url(e.did, &uri));
    if let Some(r) = &rec.reply {
        m.reply_to = Some(r.parent.uri.to_string());
        m.thread_root = Some(r.root.uri.to_string());
    }
    m.remote = Remote {
        cid: c.cid.map(str::to_string),
        root_cid: rec.reply.as_ref().map(|r| r.root.cid.to_string()),
        author_id: Some(e.did.to_string()),
        to_owner: false,
    };
    m.author.handle = e.did.to_string();
    Some(m)
}

/// Addresses of the three services, from a spec (the simulator serves all three at one base).
#[derive(Debug, Clone)]
pub struct Endpoints {
    /// Jetstream's subscribe address.
    pub jetstream: String,
    /// The AppView (profiles, search, handle resolution).
    pub appview: String,
    /// Where logins and writes go, when configured; otherwise the account's own PDS, found
    /// from its DID document at login.
    pub pds: Option<String>,
    /// The PLC directory, for `did:plc` documents.
    pub plc: String,
}

impl Endpoints {
    /// Each service as the spec names it (`pds`, `appview`, `jetstream`, `plc`), Bluesky's
    /// public ones otherwise; or everything under `base_url` (the simulator).
    pub fn for_spec(spec: &SourceSpec) -> Result<Endpoints, ChannelError> {
        let given = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        if let Some(base) = given(&spec.base_url) {
            let base = http_base("base_url", &base)?;
            return Ok(Endpoints {
                jetstream: format!("{}/subscribe", ws_of(&base)),
                appview: base.clone(),
                pds: Some(base.clone()),
                plc: format!("{base}/plc"),
            });
        }
        let jetstream = match given(&spec.jetstream) {
            Some(j) => {
                let u = url::Url::parse(&j)
                    .map_err(|e| ChannelError::Config(format!("jetstream {j:?}: {e}")))?;
                let j = match u.scheme() {
                    "ws" | "wss" => j,
                    "http" | "https" => ws_of(&j),
                    other => {
                        return Err(ChannelError::Config(format!(
                            "jetstream {j:?}: {other}: is not a WebSocket address"
                        )))
                    }
                };
                if u.path().trim_matches('/').is_empty() {
                    format!("{}/subscribe", j.trim_end_matches('/'))
                } else {
                    j
                }
            }
            None => JETSTREAM.into(),
        };
        Ok(Endpoints {
            jetstream,
            appview: match given(&spec.appview) {
                Some(a) => http_base("appview", &a)?,
                None => APPVIEW.into(),
            },
            pds: given(&spec.pds).map(|p| http_base("pds", &p)).transpose()?,
            plc: match given(&spec.plc) {
                Some(p) => http_base("plc", &p)?,
                None => PLC.into(),
            },
        })
    }
}

/// An http(s) service address without its trailing slash.
fn http_base(key: &str, raw: &str) -> Result<String, ChannelError> {
    let u =
        url::Url::parse(raw).map_err(|e| ChannelError::Config(format!("{key} {raw:?}: {e}")))?;
    if !matches!(u.scheme(), "http" | "https") {
        return Err(ChannelError::Config(format!(
            "{key} {raw:?} is not http(s)"
        )));
    }
    Ok(u.as_str().trim_end_matches('/').to_string())
}

/// The WebSocket form of an http(s) address.
fn ws_of(base: &str) -> String {
    match base.split_once("://") {
        Some(("https", rest)) => format!("wss://{rest}"),
        Some(("http", rest)) => format!("ws://{rest}"),
        _ => base.to_string(),
    }
}

/// A DID document, as far as Earshot reads it: where the account's PDS is.
#[derive(Debug, Deserialize)]
struct DidDocument {
    #[serde(default)]
    service: Vec<DidService>,
}

#[derive(Debug, Deserialize)]
struct DidService {
    id: String,
    #[serde(rename = "serviceEndpoint")]
    endpoint: serde_json::Value,
}

impl DidDocument {
    /// The `#atproto_pds` service's endpoint.
    fn pds(&self) -> Option<String> {
        self.service
            .iter()
            .find(|s| s.id == "#atproto_pds" || s.id.ends_with("#atproto_pds"))
            .and_then(|s| s.endpoint.as_str())
            .map(|e| e.trim_end_matches('/').to_string())
    }
}

/// XRPC calls, with the session renewed (and saved) when its access token expires.
pub struct Client {
    ctx: Context,
    ends: Endpoints,
    account: Option<String>,
    session: Option<Session>,
    /// Set when the keychain could not be reached: the client goes on without the account.
    limited: Option<String>,
}

impl Client {
    /// A client for a spec; logged in when the spec names an account.
    pub fn new(spec: &SourceSpec, ctx: Context) -> Result<Client, ChannelError> {
        Ok(Client {
            ends: Endpoints::for_spec(spec)?,
            account: spec.account.clone(),
            ctx,
            session: None,
            limited: None,
        })
    }

    /// Logs in with a handle (or DID) and an app password at the account's own PDS — the
    /// configured one, else the one its DID document names — and returns the session (not yet
    /// saved), which remembers that PDS.
    pub async fn create_session(
        &self,
        identifier: &str,
        app_password: &str,
    ) -> Result<Session, ChannelError> {
        let pds = match &self.ends.pds {
            Some(p) => p.clone(),
            None => self.resolve_pds(identifier).await?,
        };
        let resp = self
            .ctx
            .http
            .post(format!("{pds}/xrpc/com.atproto.server.createSession"))
            .json(&json!({"identifier": identifier, "password": app_password}))
            .send()
            .await
            .map_err(network_error)?;
        let body = xrpc_body(resp, "login", self.ctx.clock.now()).await?;
        let mut session: Session =
            serde_json::from_slice(&body).map_err(|e| malformed("session", e))?;
        session.pds = Some(pds);
        Ok(session)
    }

    /// The PDS of a handle or DID: handle → DID (the AppView's `resolveHandle`, which reads
    /// the handle's DNS record or well-known file), DID → DID document (the PLC directory for
    /// `did:plc`, the host's `/.well-known/did.json` for `did:web`) → its `#atproto_pds`.
    pub async fn resolve_pds(&self, identifier: &str) -> Result<String, ChannelError> {
        let identifier = identifier.trim().trim_start_matches('@');
        let did = if identifier.starts_with("did:") {
            identifier.to_string()
        } else {
            #[derive(Deserialize)]
            struct Resolved {
                did: String,
            }
            let resp = self
                .ctx
                .http
                .get(format!(
                    "{}/xrpc/com.atproto.identity.resolveHandle",
                    self.ends.appview
                ))
                .query(&[("handle", identifier)])
                .send()
                .await
                .map_err(network_error)?;
            let body = xrpc_body(resp, "resolving the handle", self.ctx.clock.now()).await?;
            serde_json::from_slice::<Resolved>(&body)
                .map_err(|e| malformed("resolved handle", e))?
                .did
        };
        let doc_url = if let Some(host) = did.strip_prefix("did:web:") {
            format!("https://{}/.well-known/did.json", host.replace("%3A", ":"))
        } else if did.starts_with("did:plc:") {
            format!("{}/{did}", self.ends.plc)
        } else {
            return Err(ChannelError::Config(format!(
                "{did} is neither did:plc nor did:web"
            )));
        };
        let resp = self
            .ctx
            .http
            .get(&doc_url)
            .send()
            .await
            .map_err(network_error)?;
        let resp = super::check_status(resp, "the DID document", self.ctx.clock.now())?;
        let body = resp.bytes().await.map_err(network_error)?;
        let doc: DidDocument =
            serde_json::from_slice(&body).map_err(|e| malformed("DID document", e))?;
        doc.pds()
            .ok_or_else(|| ChannelError::Config(format!("the DID document of {did} names no PDS")))
    }

    /// Where this client's authenticated calls go: the session's PDS, else the configured one,
    /// else Bluesky's entryway.
    fn pds(&self) -> String {
        self.session
            .as_ref()
            .and_then(|s| s.pds.clone())
            .or_else(|| self.ends.pds.clone())
            .unwrap_or_else(|| PDS.to_string())
    }

    /// Saves a session under its handle in the keychain.
    pub async fn save(&self, s: &Session) -> Result<(), ChannelError> {
        let key = secrets::key_for(SourceKind::Bluesky, &s.handle);
        let value = serde_json::to_string(s).map_err(|e| malformed("session", e))?;
        self.ctx
            .secrets
            .set(&key, value)
            .await
            .map_err(|e| ChannelError::Unauthorized(e.to_string()))
    }

    /// The session, loaded from the keychain when first needed; `None` without an account.
    pub async fn session(&mut self) -> Result<Option<&Session>, ChannelError> {
        let Some(acct) = self.account.clone() else {
            return Ok(None);
        };
        if self.session.is_none() {
            let key = secrets::key_for(SourceKind::Bluesky, &acct);
            let raw = match self.ctx.secrets.get(&key).await {
                Ok(raw) => raw,
                // No keychain: listen to the public stream without the account, and say so.
                Err(e) => {
                    let note = secrets::listening_without(&acct, &e);
                    tracing::warn!("{note}");
                    self.limited = Some(note);
                    self.account = None;
                    return Ok(None);
                }
            };
            let raw = raw.ok_or_else(|| {
                ChannelError::Unauthorized(format!(
                    "no Bluesky session for {acct} in the keychain: log in again"
                ))
            })?;
            self.session = Some(serde_json::from_str(&raw).map_err(|_| {
                ChannelError::Unauthorized("the saved session is unreadable: log in again".into())
            })?);
        }
        Ok(self.session.as_ref())
    }

    async fn refresh(&mut self) -> Result<(), ChannelError> {
        let Some(s) = self.session.clone() else {
            return Err(ChannelError::Unauthorized("not logged in".into()));
        };
        let resp = self
            .ctx
            .http
            .post(format!(
                "{}/xrpc/com.atproto.server.refreshSession",
                self.pds()
            ))
            .bearer_auth(&s.refresh_jwt)
            .send()
            .await
            .map_err(network_error)?;
        let body = match xrpc_body(resp, "session refresh", self.ctx.clock.now()).await {
            Ok(b) => b,
            Err(ChannelError::Refused(why)) | Err(ChannelError::Unauthorized(why)) => {
                self.session = None;
                return Err(ChannelError::Unauthorized(format!(
                    "the Bluesky session ended ({why}): log in again"
                )));
            }
            Err(e) => return Err(e),
        };
        let mut fresh: Session =
            serde_json::from_slice(&body).map_err(|e| malformed("session", e))?;
        fresh.pds = s.pds.clone();
        self.save(&fresh).await?;
        self.session = Some(fresh);
        Ok(())
    }

    /// An authenticated XRPC call (GET when `body` is `None`); renews the session once if the
    /// access token has expired.
    pub async fn call(
        &mut self,
        nsid: &str,
        query: &[(&str, &str)],
        body: Option<&serde_json::Value>,
        proxy: Option<&str>,
    ) -> Result<Vec<u8>, ChannelError> {
        for attempt in 0..2 {
            let token = match self.session().await? {
                Some(s) => s.access_jwt.clone(),
                None => {
                    return Err(ChannelError::Unauthorized(
                        self.limited
                            .clone()
                            .unwrap_or_else(|| "log in to Bluesky first".into()),
                    ))
                }
            };
            let url = format!("{}/xrpc/{nsid}", self.pds());
            let mut req = match body {
                Some(b) => self.ctx.http.post(url).json(b),
                None => self.ctx.http.get(url),
            }
            .query(query)
            .bearer_auth(token);
            if let Some(p) = proxy {
                req = req.header("atproto-proxy", p);
            }
            let resp = req.send().await.map_err(network_error)?;
            match xrpc_body(resp, nsid, self.ctx.clock.now()).await {
                // An expired (or revoked) access token: renew the session once and try again.
                Err(ChannelError::Unauthorized(_)) if attempt == 0 => {
                    self.refresh().await?;
                }
                other => return other,
            }
        }
        Err(ChannelError::Unauthorized(
            "the session could not be renewed".into(),
        ))
    }

    /// Public, unauthenticated AppView call.
    pub async fn public(
        &self,
        nsid: &str,
        query: &[(&str, &str)],
    ) -> Result<Vec<u8>, ChannelError> {
        let resp = self
            .ctx
            .http
            .get(format!("{}/xrpc/{nsid}", self.ends.appview))
            .query(query)
            .send()
            .await
            .map_err(network_error)?;
        xrpc_body(resp, nsid, self.ctx.clock.now()).await
    }
}

/// A response body, or the XRPC error it carries as a [`ChannelError`].
async fn xrpc_body(resp: reqwest::Response, what: &str, now: i64) -> Result<Vec<u8>, ChannelError> {
    let status = resp.status();
    if status.is_success() {
        return resp
            .bytes()
            .await
            .map(|b| b.to_vec())
            .map_err(network_error);
    }
    if status.as_u16() == 429 || status.as_u16() >= 500 {
        return super::check_status(resp, what, now).map(|_| Vec::new());
    }
    let body = resp.bytes().await.unwrap_or_default();
    let err: Option<XrpcError> = serde_json::from_slice(&body).ok();
    let (code, msg) = match &err {
        Some(e) => (e.error.as_str(), e.message.clone().unwrap_or_default()),
        None => ("", String::new()),
    };
    // "HTTP 404", "InvalidRequest (HTTP 400)" or "RecordNotFound: Could not locate record":
    // never an empty code or a dangling separator.
    let why = match (code.trim(), msg.trim()) {
        ("", "") => format!("HTTP {}", status.as_u16()),
        ("", m) => format!("{m} (HTTP {})", status.as_u16()),
        (c, "") => format!("{c} (HTTP {})", status.as_u16()),
        (c, m) => format!("{c}: {m}"),
    };
    if status.as_u16() == 401
        || code == "ExpiredToken"
        || code == "InvalidToken"
        || code == "AuthenticationRequired"
    {
        return Err(ChannelError::Unauthorized(why));
    }
    Err(ChannelError::Refused(format!("{what}: {why}")))
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
        let mut url = format!(
            "{}?wantedCollections=app.bsky.feed.post",
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
            if ended || self.cursor_saved.elapsed() >= CURSOR_EVERY {
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
        Ok(Batch {
            mentions,
            cursor: Some(serde_json::to_string(&cur).unwrap_or_default()),
            wait: Some(Duration::ZERO),
            ..Batch::default()
        })
    }

    fn take(
        &self,
        msg: tokio_tungstenite::tungstenite::Message,
        cur: &mut Cursor,
        out: &mut Vec<Mention>,
        now: i64,
    ) {
        let tokio_tungstenite::tungstenite::Message::Text(text) = msg else {
            return;
        };
        let e = match jetstream::parse(text.as_str()) {
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
                b
            });
            if r.is_err() {
                self.ws = None;
            }
            r
        })
    }
}

/// Facets for a post's text: each `@handle` that names `mention` (handle → DID) and every link,
/// with UTF-8 byte offsets as the protocol counts them.
pub fn facets(text: &str, mention: Option<(&str, &str)>) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end_matches(char::is_whitespace);
        let word = word.trim_end_matches(['.', ',', '!', '?', ':', ';', ')']);
        let (start, end) = (offset, offset + word.len());
        if let Some((handle, did)) = mention {
            if word
                .strip_prefix('@')
                .is_some_and(|h| h.eq_ignore_ascii_case(handle.trim_start_matches('@')))
            {
                out.push(json!({
                    "index": {"byteStart": start, "byteEnd": end},
                    "features": [{"$type": "app.bsky.richtext.facet#mention", "did": did}]
                }));
            }
        }
        if (word.starts_with("https://") || word.starts_with("http://"))
            && url::Url::parse(word).is_ok()
        {
            out.push(json!({
                "index": {"byteStart": start, "byteEnd": end},
                "features": [{"$type": "app.bsky.richtext.facet#link", "uri": word}]
            }));
        }
        offset += piece.len();
    }
    out
}

/// The body of `createRecord` for a public reply to `target`: the parent is the target; the root
/// is the target's own root when it is itself a reply.
pub fn reply_record(
    repo_did: &str,
    target: &Mention,
    text: &str,
    rkey: &str,
    created_at: &str,
) -> Result<serde_json::Value, ChannelError> {
    let parent_cid = target.remote.cid.as_deref().ok_or_else(|| {
        ChannelError::Config("this post's content id is unknown, so it cannot be answered".into())
    })?;
    let parent = json!({"uri": target.external_id, "cid": parent_cid});
    let root = match (&target.thread_root, &target.remote.root_cid) {
        (Some(uri), Some(cid)) => json!({"uri": uri, "cid": cid}),
        _ => parent.clone(),
    };
    let handle = target.author.handle.trim_start_matches('@');
    let mention = target.remote.author_id.as_deref().map(|did| (handle, did));
    let mut record = json!({
        "$type": "app.bsky.feed.post",
        "text": text,
        "createdAt": created_at,
        "reply": {"root": root, "parent": parent},
    });
    let f = facets(text, mention);
    if !f.is_empty() {
        record["facets"] = serde_json::Value::Array(f);
    }
    Ok(json!({
        "repo": repo_did,
        "collection": "app.bsky.feed.post",
        "rkey": rkey,
        "record": record,
    }))
}

#[derive(Debug, Deserialize)]
struct Resolved {
    did: String,
}

#[derive(Debug, Deserialize)]
struct Created {
    uri: String,
}

#[derive(Debug, Deserialize)]
struct ConvoResponse {
    convo: Convo,
}

#[derive(Debug, Deserialize)]
struct Convo {
    id: String,
}

#[derive(Debug, Deserialize)]
struct MessageView {
    id: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    sender: Option<MessageSender>,
    #[serde(default, rename = "sentAt")]
    sent_at: Option<String>,
}

#[derive(Debug, Deserialize)]
struct MessageSender {
    did: String,
}

#[derive(Debug, Deserialize)]
struct Messages {
    #[serde(default)]
    messages: Vec<serde_json::Value>,
}

/// A message this account already sent in the conversation with exactly this text, at or after
/// `since` (unix seconds): chat has no idempotency key, so a retry looks before sending again.
fn already_sent(
    body: &[u8],
    me: &str,
    text: &str,
    since: i64,
) -> Result<Option<String>, ChannelError> {
    let page: Messages = serde_json::from_slice(body).map_err(|e| malformed("messages", e))?;
    Ok(page
        .messages
        .into_iter()
        // Deleted messages and other kinds have other shapes: skip them.
        .filter_map(|m| serde_json::from_value::<MessageView>(m).ok())
        .find(|m| {
            m.sender.as_ref().is_some_and(|s| s.did == me)
                && m.text.as_deref() == Some(text)
                && m.sent_at
                    .as_deref()
                    .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                    .is_some_and(|t| t.timestamp() >= since - 5)
        })
        .map(|m| m.id))
}

/// Sends a reply (public post or private message).
pub async fn send(
    spec: &SourceSpec,
    ctx: Context,
    draft: &Draft<'_>,
) -> Result<Sent, ChannelError> {
    let mut client = Client::new(spec, ctx)?;
    let session = client
        .session()
        .await?
        .cloned()
        .ok_or_else(|| ChannelError::Unauthorized("log in to Bluesky to reply".into()))?;
    let target = draft.target;
    if draft.private {
        let did = target
            .remote
            .author_id
            .as_deref()
            .ok_or_else(|| ChannelError::Config("the author's account id is unknown".into()))?;
        let body = client
            .call(
                "chat.bsky.convo.getConvoForMembers",
                &[("members", did)],
                None,
                Some(CHAT_PROXY),
            )
            .await
            .map_err(|e| match e {
                ChannelError::Refused(why) => ChannelError::Refused(format!(
                    "{} does not accept messages from you ({why})",
                    target.author.handle
                )),
                other => other,
            })?;
        let convo: ConvoResponse =
            serde_json::from_slice(&body).map_err(|e| malformed("conversation", e))?;
        let recent = client
            .call(
                "chat.bsky.convo.getMessages",
                &[("convoId", convo.convo.id.as_str()), ("limit", "30")],
                None,
                Some(CHAT_PROXY),
            )
            .await?;
        if let Some(id) = already_sent(&recent, &session.did, draft.body, draft.queued_at)? {
            return Ok(Sent {
                remote_id: id,
                remote_url: None,
            });
        }
        let body = client
            .call(
                "chat.bsky.convo.sendMessage",
                &[],
                Some(&json!({"convoId": convo.convo.id, "message": {"text": draft.body}})),
                Some(CHAT_PROXY),
            )
            .await?;
        let msg: MessageView =
            serde_json::from_slice(&body).map_err(|e| malformed("message", e))?;
        return Ok(Sent {
            remote_id: msg.id,
            remote_url: None,
        });
    }
    let created_at = crate::model::rfc3339(client.ctx.clock.now());
    let rec = reply_record(
        &session.did,
        target,
        draft.body,
        draft.idempotency_key,
        &created_at,
    )?;
    let uri = match client
        .call("com.atproto.repo.createRecord", &[], Some(&rec), None)
        .await
    {
        Ok(body) => {
            serde_json::from_slice::<Created>(&body)
                .map_err(|e| malformed("created record", e))?
                .uri
        }
        // The record key is the idempotency key: "already exists" means an earlier attempt
        // landed, and that post is this reply.
        Err(ChannelError::Refused(why)) if why.to_lowercase().contains("already exist") => {
            format!(
                "at://{}/app.bsky.feed.post/{}",
                session.did, draft.idempotency_key
            )
        }
        // Anything else after sending — a lost answer, a timeout, or the reference PDS's bare
        // 500 to a record key that is taken — is settled by looking: the post is there under
        // its key, or it is not.
        Err(e) => match posted(&mut client, &session.did, draft.idempotency_key).await {
            Some(uri) => {
                tracing::info!(error = %e, "the reply was already posted; settled by reading it back");
                uri
            }
            None => return Err(e),
        },
    };
    Ok(Sent {
        remote_url: Some(post_url(&session.handle, &uri)),
        remote_id: uri,
    })
}

/// The reply post under record key `rkey` in `did`'s repository, when it exists
/// (`com.atproto.repo.getRecord`); `None` when it does not or the answer cannot be had.
async fn posted(client: &mut Client, did: &str, rkey: &str) -> Option<String> {
    let query = [
        ("repo", did),
        ("collection", "app.bsky.feed.post"),
        ("rkey", rkey),
    ];
    let body = client
        .call("com.atproto.repo.getRecord", &query, None, None)
        .await
        .ok()?;
    #[derive(Deserialize)]
    struct Found {
        uri: String,
    }
    serde_json::from_slice::<Found>(&body).ok().map(|f| f.uri)
}

/// A record key (TID): microseconds since the epoch and a clock id, base32-sortable, 13
/// characters. Used as the outbox's idempotency key for Bluesky posts.
pub fn tid(micros: u64, clock_id: u16) -> String {
    const ALPHABET: &[u8] = b"234567abcdefghijklmnopqrstuvwxyz";
    let v = ((micros & ((1 << 53) - 1)) << 10) | u64::from(clock_id & 0x3ff);
    (0..13)
        .rev()
        .map(|i| ALPHABET[((v >> (i * 5)) & 31) as usize] as char)
        .collect()
}

/// How Bluesky counts a post's length: graphemes.
pub fn count_graphemes(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.graphemes(true).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        super::super::fixture("bluesky", name)
    }

    #[test]
    fn search_results_become_mentions() {
        let ms = parse_search(&fixture("searchPosts_response.json"), 0).unwrap();
        assert_eq!(ms.len(), 1);
        let m = &ms[0];
        assert_eq!(
            m.external_id,
            "at://did:plc:d3zpokjdspr22chfrc427eis/app.bsky.feed.post/3ju4p6u2i3a2g"
        );
        assert_eq!(m.author.handle, "@luy.gay");
        assert_eq!(
            m.remote.author_id.as_deref(),
            Some("did:plc:d3zpokjdspr22chfrc427eis")
        );
        assert!(m.remote.cid.as_deref().unwrap().starts_with("bafyrei"));
        assert_eq!(m.engagement.replies, Some(8));
        assert_eq!(
            m.url.as_deref(),
            Some("https://bsky.app/profile/luy.gay/post/3ju4p6u2i3a2g")
        );
    }

    #[test]
    fn a_reply_notification_keeps_its_thread_refs() {
        let (ms, newest) =
            parse_notifications(&fixture("listNotifications_mention_reply.json"), 0).unwrap();
        assert_eq!(newest.as_deref(), Some("2023-10-04T18:10:32.705Z"));
        let m = &ms[0];
        assert!(m.remote.to_owner);
        assert_eq!(
            m.thread_root.as_deref(),
            Some("at://did:plc:n5o2wksggcs653t3seg5eu6b/app.bsky.feed.post/3kawzppdvec2y")
        );
        assert_eq!(
            m.remote.root_cid.as_deref(),
            Some("bafyreib7a5laemjbk64j4ldwwdjgeyn2ev3elyl2pjeo52wvnthginnjem")
        );
        assert_eq!(m.created_at, 1_696_443_032);
        // A reply to it takes the thread's root as root and the post as parent.
        let body = reply_record(
            "did:plc:me",
            m,
            "thanks",
            "3l2222222222a",
            "2026-01-01T00:00:00Z",
        )
        .unwrap();
        assert_eq!(
            body["record"]["reply"]["root"]["uri"],
            m.thread_root.clone().unwrap().as_str()
        );
        assert_eq!(
            body["record"]["reply"]["parent"]["uri"],
            m.external_id.as_str()
        );
        assert_eq!(
            body["record"]["reply"]["parent"]["cid"],
            m.remote.cid.clone().unwrap().as_str()
        );
        assert_eq!(body["rkey"], "3l2222222222a");
        assert!(parse_notifications(b"{\"notifications\":[{}]}", 0).is_err());
    }

    #[test]
    fn a_top_level_post_is_its_own_root() {
        let ms = parse_search(&fixture("searchPosts_response.json"), 0).unwrap();
        let body = reply_record("did:plc:me", &ms[0], "hi", "k", "t").unwrap();
        assert_eq!(
            body["record"]["reply"]["root"],
            body["record"]["reply"]["parent"]
        );
    }

    #[test]
    fn profiles_parse() {
        let p: ProfileView = serde_json::from_slice(&fixture("getProfile_response.json")).unwrap();
        assert_eq!(p.followers_count, Some(4945));
        assert_eq!(author_of(&p).handle, "@shinyakato.dev");
    }

    #[test]
    fn jetstream_replies_become_mentions_with_refs() {
        let text = String::from_utf8(fixture("jetstream_v1_events.jsonl")).unwrap();
        let line = text.lines().find(|l| l.contains("\"reply\"")).unwrap();
        let e = jetstream::parse(line).unwrap();
        let m = event_to_mention(&e, 0).unwrap();
        assert_eq!(
            m.external_id,
            format!(
                "at://{}/app.bsky.feed.post/{}",
                e.did,
                e.commit.as_ref().unwrap().rkey
            )
        );
        assert!(m.reply_to.is_some() && m.thread_root.is_some() && m.remote.root_cid.is_some());
        assert_eq!(m.remote.cid.as_deref(), e.commit.as_ref().unwrap().cid);
    }

    #[test]
    fn facets_count_utf8_bytes() {
        let text = "☕ hi @ann.bsky.social, see https://example.com/x";
        let f = facets(text, Some(("@ann.bsky.social", "did:plc:ann")));
        assert_eq!(f.len(), 2);
        let start = "☕ hi ".len();
        assert_eq!(f[0]["index"]["byteStart"], start);
        assert_eq!(f[0]["index"]["byteEnd"], start + "@ann.bsky.social".len());
        assert_eq!(f[0]["features"][0]["did"], "did:plc:ann");
        assert_eq!(
            &text[f[1]["index"]["byteStart"].as_u64().unwrap() as usize
                ..f[1]["index"]["byteEnd"].as_u64().unwrap() as usize],
            "https://example.com/x"
        );
    }

    #[test]
    fn record_keys_are_13_sortable_characters() {
        let a = tid(1_700_000_000_000_000, 5);
        let b = tid(1_700_000_000_000_001, 0);
        assert_eq!(a.len(), 13);
        assert!(a < b);
        assert!(a
            .chars()
            .all(|c| "234567abcdefghijklmnopqrstuvwxyz".contains(c)));
    }

    #[test]
    fn length_is_graphemes() {
        assert_eq!(count_graphemes("👨‍👩‍👧 é"), 3);
        assert_eq!(count_graphemes(&"e\u{301}".repeat(300)), 300);
    }

    #[test]
    fn service_addresses_are_named_separately_or_all_under_base_url() {
        let mut spec = SourceSpec::new(SourceKind::Bluesky, "Bluesky");
        let public = Endpoints::for_spec(&spec).unwrap();
        assert_eq!(public.pds, None, "found from the DID document at login");
        assert_eq!(public.appview, APPVIEW);
        assert_eq!(public.jetstream, JETSTREAM);
        spec.jetstream = Some("wss://jetstream.example.net".into());
        spec.pds = Some("https://pds.example.com/".into());
        let named = Endpoints::for_spec(&spec).unwrap();
        assert_eq!(named.jetstream, "wss://jetstream.example.net/subscribe");
        assert_eq!(named.pds.as_deref(), Some("https://pds.example.com"));
        spec.jetstream = Some("ftp://nowhere".into());
        assert!(
            Endpoints::for_spec(&spec).is_err(),
            "a non-WebSocket Jetstream is refused"
        );
        spec.jetstream = None;
        spec.base_url = Some("http://127.0.0.1:9/bsky".into());
        let sim = Endpoints::for_spec(&spec).unwrap();
        assert_eq!(sim.jetstream, "ws://127.0.0.1:9/bsky/subscribe");
        assert_eq!(sim.pds.as_deref(), Some("http://127.0.0.1:9/bsky"));
    }
}
