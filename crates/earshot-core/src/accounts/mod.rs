//! Accounts: the logins replies and logged-in listening need.
//!
//! Each network's own login protocol is in its channel folder (`channels/mastodon/login.rs`,
//! `channels/bluesky/xrpc.rs`); this stage runs them and keeps the flows in progress, and the
//! façade turns a finished login into a source. The tokens themselves live in the keychain
//! ([`crate::secrets`], a leaf module: the connectors read tokens too, and a `secrets` inside
//! `accounts` would make accounts ↔ channels a circle).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::oneshot;

use crate::channels::bluesky::Client;
use crate::channels::mastodon::login::{code_from_paste, MastodonLogin};
use crate::channels::{ChannelError, Context};
use crate::lock;
use crate::model::SourceSpec;
use crate::secrets;

/// Mastodon logins waiting for their code, by login id.
type Waiting = Arc<Mutex<HashMap<u64, oneshot::Sender<String>>>>;

mod pages;

pub use pages::PendingLoopback;

/// The accounts stage.
pub struct Accounts {
    ctx: Context,
    waiting: Waiting,
    next: AtomicU64,
    facebook: Mutex<HashMap<u64, pages::FacebookFlow>>,
}

/// Why a login could not go on.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    /// The network refused or could not be reached.
    #[error(transparent)]
    Channel(#[from] ChannelError),
    /// The owner pasted something that holds no code.
    #[error("paste the code, or the whole address the browser shows")]
    NoCode,
    /// No login with that id is waiting (it finished, or never began).
    #[error("login {0} is not waiting for a code")]
    Unknown(u64),
    /// The keychain refused.
    #[error("{0}")]
    Keychain(String),
}

/// A Mastodon login under way: it ends when the browser comes back or a code is pasted.
pub struct PendingLogin {
    login: MastodonLogin,
    code: oneshot::Receiver<String>,
    ctx: Context,
    flow: u64,
    waiting: Waiting,
}

impl PendingLogin {
    /// Waits for the code, exchanges it for a token (kept in the keychain), and returns the
    /// instance's address and the account (`name@host`).
    pub async fn finish(mut self) -> Result<(String, String), LoginError> {
        let code = tokio::select! {
            c = self.login.wait_for_code() => c,
            Ok(c) = &mut self.code => Ok(c),
        };
        lock(&self.waiting).remove(&self.flow);
        let base = self
            .login
            .instance()
            .as_str()
            .trim_end_matches('/')
            .to_string();
        let acct = self.login.finish(&self.ctx, &code?).await?;
        Ok((base, acct))
    }
}

impl Accounts {
    /// The accounts stage; `ctx` carries the HTTP client and the keychain.
    pub fn new(ctx: Context) -> Accounts {
        Accounts {
            ctx,
            waiting: Arc::default(),
            next: AtomicU64::new(1),
            facebook: Mutex::new(HashMap::new()),
        }
    }

    /// Begins a Mastodon login on `instance`: the login id, the address to open in the
    /// browser, and the login to wait on.
    pub async fn begin_mastodon(
        &self,
        instance: &str,
    ) -> Result<(u64, String, PendingLogin), LoginError> {
        let login = MastodonLogin::begin(&self.ctx, instance).await?;
        let url = login.authorize_url.clone();
        let flow = self.next.fetch_add(1, Ordering::SeqCst);
        let (tx, rx) = oneshot::channel::<String>();
        lock(&self.waiting).insert(flow, tx);
        let pending = PendingLogin {
            login,
            code: rx,
            ctx: self.ctx.clone(),
            flow,
            waiting: self.waiting.clone(),
        };
        Ok((flow, url, pending))
    }

    /// Hands a pasted code (or the whole address it came in) to the login waiting for it.
    pub fn paste_code(&self, flow: u64, pasted: &str) -> Result<(), LoginError> {
        let code = code_from_paste(pasted).ok_or(LoginError::NoCode)?;
        let tx = lock(&self.waiting)
            .remove(&flow)
            .ok_or(LoginError::Unknown(flow))?;
        tx.send(code).map_err(|_| LoginError::Unknown(flow))
    }

    /// Logs in to Bluesky with an app password (used once, not kept) for the services `spec`
    /// names; the session goes to the keychain. Returns the account's handle.
    pub async fn login_bluesky(
        &self,
        spec: &SourceSpec,
        handle: &str,
        app_password: &str,
    ) -> Result<String, LoginError> {
        let client = Client::new(spec, self.ctx.clone())?;
        let session = client
            .create_session(handle.trim().trim_start_matches('@'), app_password)
            .await?;
        client.save(&session).await?;
        Ok(session.handle)
    }

    /// Opens an email inbox with its password (IMAP and SMTP), then keeps the password in the
    /// keychain.
    pub async fn login_email(&self, spec: &SourceSpec, password: &str) -> Result<(), LoginError> {
        crate::channels::email::verify(spec, password).await?;
        crate::channels::email::save_password(spec, &self.ctx, password).await?;
        Ok(())
    }

    /// Forgets a source's login: its token leaves the keychain.
    pub async fn forget(&self, spec: &SourceSpec) -> Result<(), LoginError> {
        if let Some(acct) = &spec.account {
            self.ctx
                .secrets
                .delete(&secrets::key_for(spec.kind, acct))
                .await
                .map_err(|e| LoginError::Keychain(e.to_string()))?;
        }
        Ok(())
    }
}
