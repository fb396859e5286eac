//! The logins of the networks where the business has a page of its own: Facebook Login for
//! Devices (then the owner picks a Page; its Instagram account comes with it) and Google's
//! installed-app OAuth for the Business Profile reviews.

use std::sync::atomic::Ordering;

use tokio::sync::oneshot;

use super::{Accounts, LoginError};
use crate::channels::email::oauth::{MailLogin, MailSignIn};
use crate::channels::facebook::login::{self as fb, DeviceCode, Page, UserToken};
use crate::channels::google_reviews::login::GoogleLogin;
use crate::channels::reddit::login::RedditLogin;
use crate::channels::x::login::XLogin;
use crate::channels::ChannelError;
use crate::lock;
use crate::model::SourceSpec;

/// A Facebook login between its code and the owner's choice of Page.
pub(super) struct FacebookFlow {
    app: String,
    base: Option<String>,
    code: DeviceCode,
    user: Option<UserToken>,
    pages: Vec<Page>,
}

/// A browser login that comes back to the loopback address: Google's or Reddit's.
enum Loopback {
    Google(GoogleLogin),
    Reddit(RedditLogin),
    X(XLogin),
    Mail(MailLogin),
}

/// A Google or Reddit login under way: it ends when the browser comes back or a code is pasted.
pub struct PendingLoopback {
    login: Loopback,
    code: oneshot::Receiver<String>,
    accounts:
        std::sync::Arc<std::sync::Mutex<std::collections::HashMap<u64, oneshot::Sender<String>>>>,
    flow: u64,
    ctx: crate::channels::Context,
}

impl PendingLoopback {
    /// Waits for the code, exchanges it, keeps the tokens in the keychain, and returns the
    /// account (Google: `accounts/{id}`; Reddit: the username) and its name for people.
    pub async fn finish(self) -> Result<(String, String), LoginError> {
        let PendingLoopback {
            mut login,
            code: mut pasted,
            accounts,
            flow,
            ctx,
        } = self;
        let code = {
            let browser = async {
                match &mut login {
                    Loopback::Google(l) => l.wait_for_code().await,
                    Loopback::Reddit(l) => l.wait_for_code().await,
                    Loopback::X(l) => l.wait_for_code().await,
                    Loopback::Mail(l) => l.wait_for_code().await,
                }
            };
            tokio::select! {
                c = browser => c,
                Ok(c) = &mut pasted => Ok(c),
            }
        };
        lock(&accounts).remove(&flow);
        let code = code?;
        Ok(match login {
            Loopback::Google(l) => l.finish(&ctx, &code).await?,
            Loopback::Reddit(l) => {
                let name = l.finish(&ctx, &code).await?;
                (name.clone(), format!("u/{name}"))
            }
            Loopback::X(l) => {
                let name = l.finish(&ctx, &code).await?;
                (name.clone(), format!("@{name}"))
            }
            Loopback::Mail(l) => l.finish(&ctx, &code).await?,
        })
    }
}

impl Accounts {
    /// Begins Facebook Login for Devices with the app `app` (`{app-id}|{client-token}`): the
    /// login id and the code to show.
    pub async fn begin_facebook(
        &self,
        app: &str,
        base: Option<String>,
    ) -> Result<(u64, DeviceCode), LoginError> {
        let code = fb::begin(&self.ctx, base.as_deref(), app).await?;
        let flow = self.next.fetch_add(1, Ordering::SeqCst);
        lock(&self.facebook).insert(
            flow,
            FacebookFlow {
                app: app.to_string(),
                base,
                code: code.clone(),
                user: None,
                pages: Vec::new(),
            },
        );
        Ok((flow, code))
    }

    /// Waits until the owner approves the code, then lists the Pages they manage.
    pub async fn facebook_pages(&self, flow: u64) -> Result<Vec<Page>, LoginError> {
        let (app, base, code) = {
            let flows = lock(&self.facebook);
            let f = flows.get(&flow).ok_or(LoginError::Unknown(flow))?;
            (f.app.clone(), f.base.clone(), f.code.clone())
        };
        let user = fb::wait(&self.ctx, base.as_deref(), &app, &code).await;
        let user = match user {
            Ok(u) => u,
            Err(e) => {
                lock(&self.facebook).remove(&flow);
                return Err(e.into());
            }
        };
        let pages = fb::pages(&self.ctx, base.as_deref(), &user).await?;
        if pages.is_empty() {
            return Err(
                ChannelError::Refused("this Facebook account manages no Page".into()).into(),
            );
        }
        let mut flows = lock(&self.facebook);
        let f = flows.get_mut(&flow).ok_or(LoginError::Unknown(flow))?;
        f.user = Some(user);
        f.pages = pages.clone();
        Ok(pages)
    }

    /// Keeps the chosen Page's token (and its Instagram account's) in the keychain; returns the
    /// Page and the Graph address the login used.
    pub async fn choose_facebook_page(
        &self,
        flow: u64,
        page_id: &str,
    ) -> Result<(Page, Option<String>, String), LoginError> {
        let f = lock(&self.facebook)
            .remove(&flow)
            .ok_or(LoginError::Unknown(flow))?;
        let user = f.user.ok_or(LoginError::Unknown(flow))?;
        let page = f
            .pages
            .into_iter()
            .find(|p| p.id == page_id)
            .ok_or_else(|| {
                ChannelError::Refused(format!("the login does not manage the Page {page_id}"))
            })?;
        fb::save(&self.ctx, &page, &user).await?;
        Ok((page, f.base, f.app))
    }

    /// Begins a Google login for the reviews source `spec` (its client id and, for the
    /// simulator, its `base_url`): the login id, the address to open, and the login to wait on.
    pub async fn begin_google(
        &self,
        spec: &SourceSpec,
        client_secret: Option<String>,
    ) -> Result<(u64, String, PendingLoopback), LoginError> {
        let login = GoogleLogin::begin(spec, client_secret).await?;
        let url = login.authorize_url.clone();
        Ok(self.pending_loopback(Loopback::Google(login), url))
    }

    /// Begins a Reddit login for the source `spec` (its client id and, for the simulator, its
    /// `base_url`).
    pub async fn begin_reddit(
        &self,
        spec: &SourceSpec,
    ) -> Result<(u64, String, PendingLoopback), LoginError> {
        let login = RedditLogin::begin(spec).await?;
        let url = login.authorize_url.clone();
        Ok(self.pending_loopback(Loopback::Reddit(login), url))
    }

    /// Begins an X login for the source `spec` (its client id and, for the simulator, its
    /// `base_url`).
    pub async fn begin_x(
        &self,
        spec: &SourceSpec,
    ) -> Result<(u64, String, PendingLoopback), LoginError> {
        let login = XLogin::begin(spec).await?;
        let url = login.authorize_url.clone();
        Ok(self.pending_loopback(Loopback::X(login), url))
    }

    /// Begins a mailbox sign-in (Gmail, Microsoft) for XOAUTH2: the login id, the address to
    /// open, the source it makes and the login to wait on.
    pub async fn begin_mail(
        &self,
        s: &MailSignIn,
    ) -> Result<(u64, String, SourceSpec, PendingLoopback), LoginError> {
        let login = MailLogin::begin(s).await?;
        let (url, spec) = (login.authorize_url.clone(), login.spec().clone());
        let (flow, url, pending) = self.pending_loopback(Loopback::Mail(login), url);
        Ok((flow, url, spec, pending))
    }

    fn pending_loopback(&self, login: Loopback, url: String) -> (u64, String, PendingLoopback) {
        let flow = self.next.fetch_add(1, Ordering::SeqCst);
        let (tx, rx) = oneshot::channel::<String>();
        lock(&self.waiting).insert(flow, tx);
        (
            flow,
            url,
            PendingLoopback {
                login,
                code: rx,
                accounts: self.waiting.clone(),
                flow,
                ctx: self.ctx.clone(),
            },
        )
    }
}
