//! The owner's email inbox, as every helpdesk treats it: a channel. IMAP to hear — IDLE, so new
//! mail arrives as it lands, not on a timer — and SMTP to answer (`reply.rs`), the answer
//! threaded under the customer's message and kept in the Sent folder.
//!
//! The cursor is the folder's UIDVALIDITY and the highest UID seen. Mail is read from there on;
//! when the server renumbers the folder (a new UIDVALIDITY) the last days are read again by date
//! and the store's key — the Message-ID — keeps what was already heard from coming twice. The
//! first connection reads the last week. The password (or app password) is in the keychain.

pub mod oauth;
pub mod parse;
pub mod reply;
pub mod server;

use std::time::Duration;

use futures_util::TryStreamExt;
use serde::{Deserialize, Serialize};

pub use reply::send;

use super::{Batch, BatchFuture, ChannelError, Connector, Context};
use crate::model::{Mention, SourceKind, SourceSpec};
use crate::secrets;
use server::{io_error, Server, Session};

/// The folder listened to.
pub const MAILBOX: &str = "INBOX";
/// How long one IDLE lasts before it is renewed (servers drop idle clients after 30 minutes).
pub const IDLE_FOR: Duration = Duration::from_secs(25 * 60);
/// How far back the first connection (or a renumbered folder) reads.
const FIRST_DAYS: i64 = 7;
/// The most messages read in one call (the rest come in the next, at once).
const BATCH: usize = 50;
/// The most bytes of one message downloaded (its text comes first; big attachments are cut).
const MAX_BYTES: u32 = 4_000_000;
/// The longest reply (characters).
pub const MAX_CHARS: u32 = 20_000;

/// What the keychain holds for an inbox: a password, or an OAuth login (`oauth.rs`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MailSecret {
    /// The password or app password, for IMAP and SMTP alike.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub password: String,
    /// The OAuth login, for providers signed in to in the browser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oauth: Option<oauth::MailToken>,
}

impl MailSecret {
    /// What the servers are given.
    pub fn credential(&self) -> Credential {
        match &self.oauth {
            Some(o) => Credential::Bearer(o.access_token.clone()),
            None => Credential::Password(self.password.clone()),
        }
    }
}

/// How IMAP and SMTP are logged in to.
#[derive(Clone)]
pub enum Credential {
    /// LOGIN / AUTH PLAIN with a password or app password.
    Password(String),
    /// SASL XOAUTH2 with an access token.
    Bearer(String),
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the secret itself.
        f.write_str(match self {
            Credential::Password(_) => "Password(…)",
            Credential::Bearer(_) => "Bearer(…)",
        })
    }
}

/// Where an inbox is.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
pub struct Cursor {
    /// The folder's UIDVALIDITY when `uid` was read.
    pub validity: u32,
    /// The highest UID heard.
    pub uid: u32,
    /// The newest message's date (unix seconds): where a renumbered folder is read again from.
    pub seen_at: i64,
}

/// The login of the inbox `spec` listens to, read from the keychain once into `cache`; an OAuth
/// login is renewed when it has run out, or when `renew` (the server refused it).
pub async fn credential(
    spec: &SourceSpec,
    ctx: &Context,
    cache: &mut Option<MailSecret>,
    renew: bool,
) -> Result<Credential, ChannelError> {
    let user = spec.account.as_deref().unwrap_or_default();
    let key = secrets::key_for(SourceKind::Email, user);
    let network = format!("mail ({user})");
    let s = crate::channels::oauth::kept_login(ctx, &key, cache, renew, &network, |s| {
        let o = s.oauth.clone().unwrap_or_default();
        let mut extra = vec![("client_id", o.client_id)];
        if let Some(secret) = o.client_secret {
            extra.push(("client_secret", secret));
        }
        crate::channels::oauth::Renewal {
            url: o.token_url,
            extra,
            basic: None,
        }
    })
    .await?;
    Ok(s.credential())
}

/// Logs in to IMAP with the inbox's login, renewing an OAuth token the server refused once.
pub async fn login(
    spec: &SourceSpec,
    ctx: &Context,
    imap: &Server,
    cache: &mut Option<MailSecret>,
) -> Result<(Session, Credential), ChannelError> {
    let user = spec.account.as_deref().unwrap_or_default();
    let cred = credential(spec, ctx, cache, false).await?;
    match server::login(imap, user, &cred).await {
        Ok(s) => Ok((s, cred)),
        Err(e) if oauth::renewable(&cred, &e) => {
            let cred = credential(spec, ctx, cache, true).await?;
            Ok((server::login(imap, user, &cred).await?, cred))
        }
        Err(e) => Err(e),
    }
}

/// The servers of a source.
pub fn servers(spec: &SourceSpec) -> Result<(String, Server), ChannelError> {
    let user = spec
        .account
        .clone()
        .filter(|a| !a.trim().is_empty())
        .ok_or_else(|| ChannelError::Config("the inbox has no address".into()))?;
    let imap = spec
        .imap
        .as_deref()
        .ok_or_else(|| ChannelError::Config(format!("no IMAP server for {user}")))?;
    Ok((user, Server::parse(imap, "imap")?))
}

/// Checks that the inbox opens with `password` (IMAP login, its INBOX) and that its SMTP server
/// takes the same login, before anything is saved.
pub async fn verify(spec: &SourceSpec, password: &str) -> Result<(), ChannelError> {
    check(spec, &Credential::Password(password.to_string())).await
}

/// Checks a login on both servers.
pub(crate) async fn check(spec: &SourceSpec, cred: &Credential) -> Result<(), ChannelError> {
    let (user, imap) = servers(spec)?;
    let mut session = server::login(&imap, &user, cred).await?;
    session.examine(MAILBOX).await.map_err(imap_err)?;
    let _ = session.logout().await;
    if let Some(smtp) = spec.smtp.as_deref() {
        reply::check_login(&Server::parse(smtp, "smtp")?, &user, cred).await?;
    }
    Ok(())
}

/// Saves the inbox's password in the keychain.
pub async fn save_password(
    spec: &SourceSpec,
    ctx: &Context,
    password: &str,
) -> Result<(), ChannelError> {
    let secret = MailSecret {
        password: password.to_string(),
        oauth: None,
    };
    save_secret(spec, ctx, &secret).await
}

/// Saves an inbox's login in the keychain.
pub(crate) async fn save_secret(
    spec: &SourceSpec,
    ctx: &Context,
    secret: &MailSecret,
) -> Result<(), ChannelError> {
    let user = spec.account.as_deref().unwrap_or_default();
    let v = serde_json::to_string(secret).map_err(|e| ChannelError::Config(e.to_string()))?;
    ctx.secrets
        .set(&secrets::key_for(SourceKind::Email, user), v)
        .await
        .map_err(ChannelError::from)
}

/// The email connector.
pub struct Email {
    spec: SourceSpec,
    ctx: Context,
    user: String,
    server: Server,
    session: Option<Live>,
    secret: Option<MailSecret>,
}

struct Live {
    session: Session,
    validity: u32,
    uid_next: u32,
    idle: bool,
    /// Whether the connection has reported back once (the first call after connecting returns
    /// at once, so the source's health and cursor are saved before the first IDLE).
    reported: bool,
}

fn imap_err(e: async_imap::error::Error) -> ChannelError {
    io_error("IMAP", e)
}

/// An IMAP date (`1-Dec-2026`) for SEARCH SINCE.
fn imap_date(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .unwrap_or_default()
        .format("%-d-%b-%Y")
        .to_string()
}

impl Email {
    /// A connector for a source with an address, an IMAP server and a password in the keychain.
    pub fn new(spec: &SourceSpec, ctx: Context) -> Result<Email, ChannelError> {
        let (user, server) = servers(spec)?;
        Ok(Email {
            spec: spec.clone(),
            ctx,
            user,
            server,
            session: None,
            secret: None,
        })
    }

    async fn live(&mut self) -> Result<&mut Live, ChannelError> {
        if self.session.is_none() {
            let (mut session, _) =
                login(&self.spec, &self.ctx, &self.server, &mut self.secret).await?;
            let idle = session
                .capabilities()
                .await
                .map_err(imap_err)?
                .has_str("IDLE");
            let mb = session.select(MAILBOX).await.map_err(imap_err)?;
            self.session = Some(Live {
                session,
                validity: mb.uid_validity.unwrap_or(0),
                uid_next: mb.uid_next.unwrap_or(1),
                idle,
                reported: false,
            });
        }
        self.session
            .as_mut()
            .ok_or_else(|| ChannelError::Network("no IMAP session".into()))
    }

    /// Reads the messages `uids` (ascending) as mentions; returns them and the newest date.
    async fn read(&mut self, uids: &[u32]) -> Result<(Vec<Mention>, i64), ChannelError> {
        let (me, now) = (self.user.clone(), self.ctx.clock.now());
        let live = self.live().await?;
        let set: Vec<String> = uids.iter().map(u32::to_string).collect();
        let fetched: Vec<async_imap::types::Fetch> = live
            .session
            .uid_fetch(set.join(","), format!("(UID BODY.PEEK[]<0.{MAX_BYTES}>)"))
            .await
            .map_err(imap_err)?
            .try_collect()
            .await
            .map_err(imap_err)?;
        let mut out = Vec::new();
        let mut newest = 0;
        for f in &fetched {
            let Some(raw) = f.body() else { continue };
            match parse::parse_message(raw, &me, now) {
                Ok(Ok(m)) => {
                    newest = newest.max(m.created_at);
                    out.push(m);
                }
                Ok(Err(skip)) => tracing::debug!(uid = ?f.uid, ?skip, "email not a mention"),
                // It stays in the mailbox untouched; the owner's mail program shows it.
                Err(e) => tracing::warn!(uid = ?f.uid, "email unreadable: {e}"),
            }
        }
        Ok((out, newest))
    }

    async fn step(&mut self, cur: &mut Cursor) -> Result<Batch, ChannelError> {
        let now = self.ctx.clock.now();
        let host = self.server.host.clone();
        let live = self.live().await?;
        let (validity, uid_next, idle, reported) =
            (live.validity, live.uid_next, live.idle, live.reported);
        live.reported = true;
        let mut detail = None;
        let uids: Vec<u32> = if cur.validity != validity {
            // First run, or the server renumbered the folder: read the last days by date.
            let since = if cur.validity == 0 {
                now - FIRST_DAYS * 86_400
            } else {
                detail = Some(format!(
                    "{host} renumbered its inbox (new UIDVALIDITY): the last days were read again"
                ));
                cur.seen_at.min(now) - 86_400
            };
            let mut found: Vec<u32> = live
                .session
                .uid_search(format!("SINCE {}", imap_date(since)))
                .await
                .map_err(imap_err)?
                .into_iter()
                .collect();
            found.sort_unstable();
            cur.validity = validity;
            cur.uid = uid_next
                .saturating_sub(1)
                .max(found.last().copied().unwrap_or(0));
            let skip = found.len().saturating_sub(2 * BATCH);
            found.split_off(skip)
        } else {
            let mut found: Vec<u32> = live
                .session
                .uid_search(format!("UID {}:*", cur.uid.saturating_add(1)))
                .await
                .map_err(imap_err)?
                .into_iter()
                .filter(|u| *u > cur.uid)
                .collect();
            found.sort_unstable();
            found.truncate(BATCH);
            found
        };
        if !uids.is_empty() {
            let (mentions, newest) = self.read(&uids).await?;
            cur.uid = cur.uid.max(uids.last().copied().unwrap_or(0));
            cur.seen_at = cur.seen_at.max(newest);
            return Ok(Batch {
                mentions,
                cursor: Some(serde_json::to_string(cur).unwrap_or_default()),
                wait: Some(Duration::ZERO),
                detail,
                ..Batch::default()
            });
        }
        let cursor = Some(serde_json::to_string(cur).unwrap_or_default());
        if !idle {
            return Ok(Batch {
                cursor,
                detail: Some("the server has no IDLE: checked at the source's interval (2 minutes unless set)".into()),
                ..Batch::default()
            });
        }
        if !reported {
            return Ok(Batch {
                cursor,
                wait: Some(Duration::ZERO),
                ..Batch::default()
            });
        }
        self.idle().await?;
        Ok(Batch {
            cursor,
            wait: Some(Duration::ZERO),
            detail: Some("IMAP IDLE: new mail arrives as it lands".into()),
            ..Batch::default()
        })
    }

    /// Waits in IDLE until the server reports a change, or for [`IDLE_FOR`].
    async fn idle(&mut self) -> Result<(), ChannelError> {
        let Live {
            session,
            validity,
            uid_next,
            idle,
            reported,
        } = self
            .session
            .take()
            .ok_or_else(|| ChannelError::Network("no IMAP session".into()))?;
        let mut handle = session.idle();
        handle.init().await.map_err(imap_err)?;
        {
            let (wait, _stop) = handle.wait_with_timeout(IDLE_FOR);
            // The server's keepalives ("* OK Still here") restart the inner timeout; this one
            // ends the IDLE for sure.
            if let Ok(r) = tokio::time::timeout(IDLE_FOR, wait).await {
                r.map_err(imap_err)?;
            }
        }
        let session = handle.done().await.map_err(imap_err)?;
        while session.unsolicited_responses.try_recv().is_ok() {}
        self.session = Some(Live {
            session,
            validity,
            uid_next,
            idle,
            reported,
        });
        Ok(())
    }
}

impl Connector for Email {
    fn next_batch<'a>(&'a mut self, cursor: Option<&'a str>) -> BatchFuture<'a> {
        Box::pin(async move {
            let mut cur: Cursor = cursor
                .and_then(|c| serde_json::from_str(c).ok())
                .unwrap_or_default();
            let r = self.step(&mut cur).await;
            if r.is_err() {
                // A dropped or confused connection is made anew on the next call.
                self.session = None;
            }
            r
        })
    }
}
