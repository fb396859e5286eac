//! The services (PDS, AppView, Jetstream, PLC), the account's identity, and XRPC calls with the
//! session renewed when its access token expires.

use serde::Deserialize;
use serde_json::json;

use super::parse::{author_of, malformed};
use super::wire::{DidDocument, Profiles, Session, XrpcError};
use super::{APPVIEW, JETSTREAM, PDS, PLC};
use crate::channels::{network_error, ChannelError, Context};
use crate::model::{Author, SourceKind, SourceSpec};
use crate::secrets;

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
pub(super) fn http_base(key: &str, raw: &str) -> Result<String, ChannelError> {
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
pub(super) fn ws_of(base: &str) -> String {
    match base.split_once("://") {
        Some(("https", rest)) => format!("wss://{rest}"),
        Some(("http", rest)) => format!("ws://{rest}"),
        _ => base.to_string(),
    }
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
    pub(super) ctx: Context,
    pub(super) ends: Endpoints,
    pub(super) account: Option<String>,
    pub(super) session: Option<Session>,
    /// Set when the keychain could not be reached: the client goes on without the account.
    pub(super) limited: Option<String>,
    /// When the keychain is asked again after it could not be reached.
    keychain: secrets::AskAgain,
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
            keychain: secrets::AskAgain::default(),
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
        let resp = crate::channels::check_status(resp, "the DID document", self.ctx.clock.now())?;
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
            .map_err(ChannelError::from)
    }

    /// The session, loaded from the keychain when first needed; `None` without an account.
    pub async fn session(&mut self) -> Result<Option<&Session>, ChannelError> {
        let Some(acct) = self.account.clone() else {
            return Ok(None);
        };
        if self.session.is_none() {
            let now = self.ctx.clock.now();
            if !self.keychain.due(now) {
                return Ok(None);
            }
            let key = secrets::key_for(SourceKind::Bluesky, &acct);
            let raw = match self.ctx.secrets.get(&key).await {
                Ok(raw) => raw,
                // No keychain: listen to the public stream without the account, say so, and
                // ask again in a while.
                Err(e) => {
                    let wait = self.keychain.failed(now);
                    let note = secrets::listening_without(&acct, &e, wait);
                    if self.limited.is_none() {
                        tracing::warn!("{note}");
                    }
                    self.limited = Some(note);
                    return Ok(None);
                }
            };
            if self.limited.take().is_some() {
                tracing::info!("the keychain answered: listening with the account again");
            }
            self.keychain.answered();
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
pub(super) async fn xrpc_body(
    resp: reqwest::Response,
    what: &str,
    now: i64,
) -> Result<Vec<u8>, ChannelError> {
    let status = resp.status();
    if status.is_success() {
        return resp
            .bytes()
            .await
            .map(|b| b.to_vec())
            .map_err(network_error);
    }
    if status.as_u16() == 429 || status.as_u16() >= 500 {
        return crate::channels::check_status(resp, what, now).map(|_| Vec::new());
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
