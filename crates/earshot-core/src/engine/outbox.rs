//! The façade's calls about replies (into [`crate::outbox::Outbox`]) and logins (into
//! [`crate::accounts::Accounts`]); a finished login becomes a source here.

use crate::channels::ReplyRules;
use crate::error::EngineError;
use crate::model::{Reply, Source, SourceKind, SourceSpec};

use super::{Engine, EngineEvent};

impl Engine {
    /// How a mention can be answered: public and private, and the length limit as its network
    /// counts it. `None` when its channel cannot be answered from Earshot.
    pub async fn reply_rules(&self, mention_id: i64) -> Result<Option<ReplyRules>, EngineError> {
        Ok(self.parts.outbox.reply_rules(mention_id).await?)
    }

    /// The replies written to a mention, oldest first.
    pub async fn replies(&self, mention_id: i64) -> Result<Vec<Reply>, EngineError> {
        Ok(self.parts.outbox.replies(mention_id).await?)
    }

    /// Writes a reply to the outbox and sends it. The returned reply is `queued`; its progress
    /// arrives as [`EngineEvent::ReplyUpdated`]. Refuses text the channel would refuse.
    pub async fn reply(
        &self,
        mention_id: i64,
        body: &str,
        private: bool,
    ) -> Result<Reply, EngineError> {
        Ok(self.parts.outbox.reply(mention_id, body, private).await?)
    }

    /// Sends queued replies again after a restart (see [`crate::outbox::Outbox::resume`]).
    pub async fn resume_outbox(&self) -> Result<(), EngineError> {
        Ok(self.parts.outbox.resume().await?)
    }

    /// Sends (or retries) one outbox reply, unless it is already sending or sent.
    pub async fn send(&self, reply_id: i64) -> Result<Reply, EngineError> {
        Ok(self.parts.outbox.send(reply_id).await?)
    }

    // ---- logins (accounts::Accounts) ----

    /// Begins a Mastodon login on `instance`: returns a login id and the address to open in the
    /// browser. The login completes when the browser comes back to Earshot's loopback address,
    /// or when the owner pastes the code ([`Engine::finish_login`]); then the source named
    /// `name` is created or updated and started, and [`EngineEvent::LoginFinished`] says so.
    pub async fn begin_mastodon_login(
        &self,
        name: &str,
        instance: &str,
    ) -> Result<(u64, String), EngineError> {
        let (flow, url, pending) = self.parts.accounts.begin_mastodon(instance).await?;
        let engine = self.clone();
        let name = name.trim().to_string();
        tokio::spawn(async move {
            let outcome = match pending.finish().await {
                Ok((base, acct)) => {
                    let name = if name.is_empty() {
                        format!("Mastodon (@{acct})")
                    } else {
                        name
                    };
                    let spec = SourceSpec {
                        base_url: Some(base),
                        account: Some(acct),
                        ..SourceSpec::new(SourceKind::Mastodon, name)
                    };
                    engine.add_logged_in(spec).await.map_err(|e| e.to_string())
                }
                Err(e) => Err(e.to_string()),
            };
            engine.parts.events.emit(match outcome {
                Ok(source) => EngineEvent::LoginFinished {
                    source: Some(source),
                    error: None,
                },
                Err(e) => EngineEvent::LoginFinished {
                    source: None,
                    error: Some(e),
                },
            });
        });
        Ok((flow, url))
    }

    /// Completes a Mastodon login with a code the owner pasted (or the address it came in).
    pub fn finish_login(&self, flow: u64, pasted: &str) -> Result<(), EngineError> {
        Ok(self.parts.accounts.paste_code(flow, pasted)?)
    }

    /// Logs in to Bluesky with an app password and creates or updates the source named `name`
    /// (`base_url`: another server than Bluesky's, such as the simulator). The app password is
    /// used once and not kept; the session goes to the keychain.
    pub async fn login_bluesky(
        &self,
        name: &str,
        handle: &str,
        app_password: &str,
        base_url: Option<String>,
    ) -> Result<Source, EngineError> {
        let mut spec = SourceSpec {
            base_url,
            ..SourceSpec::new(SourceKind::Bluesky, name.trim())
        };
        // A source of that name keeps the services it names (its PDS, AppView, Jetstream).
        if let Some(existing) = self
            .sources()
            .await?
            .into_iter()
            .find(|s| s.spec.name == spec.name && s.spec.kind == SourceKind::Bluesky)
        {
            let e = existing.spec;
            spec.base_url = spec.base_url.or(e.base_url);
            spec.pds = e.pds;
            spec.appview = e.appview;
            spec.jetstream = e.jetstream;
            spec.plc = e.plc;
        }
        let handle = self
            .parts
            .accounts
            .login_bluesky(&spec, handle, app_password)
            .await?;
        if spec.name.is_empty() {
            spec.name = format!("Bluesky (@{handle})");
        }
        spec.account = Some(handle);
        self.add_logged_in(spec).await
    }

    /// Adds (or updates) an email inbox: `imap` and `smtp` are server addresses
    /// (`imaps://imap.example.com`, `smtp://smtp.example.com:587`). The login is tried on both
    /// servers before anything is saved; the password goes to the keychain.
    pub async fn add_email(
        &self,
        address: &str,
        password: &str,
        imap: &str,
        smtp: &str,
    ) -> Result<Source, EngineError> {
        let address = address.trim();
        let spec = SourceSpec {
            account: Some(address.to_string()),
            imap: Some(imap.trim().to_string()),
            smtp: Some(smtp.trim().to_string()).filter(|s| !s.is_empty()),
            require_match: Some(false),
            ..SourceSpec::new(SourceKind::Email, format!("Email ({address})"))
        };
        self.parts.accounts.login_email(&spec, password).await?;
        self.add_logged_in(spec).await
    }

    /// Begins signing in to a Gmail or Microsoft mailbox in the browser (OAuth, for accounts
    /// without an app password); the inbox is added when the login comes back, as a Mastodon
    /// login ends ([`EngineEvent::LoginFinished`]). Returns the login id and the address to open.
    pub async fn begin_email_login(
        &self,
        s: &crate::channels::email::oauth::MailSignIn,
    ) -> Result<(u64, String), EngineError> {
        let (flow, url, spec, pending) = self.parts.accounts.begin_mail(s).await?;
        self.finish_in_background(pending, spec, "Email");
        Ok((flow, url))
    }

    /// Adds or updates a source after a login, keeping what the owner had set on a source of
    /// the same name (queries, interval, matching).
    pub(super) async fn add_logged_in(&self, mut spec: SourceSpec) -> Result<Source, EngineError> {
        let existing = self
            .sources()
            .await?
            .into_iter()
            .find(|s| s.spec.name == spec.name);
        if let Some(e) = existing {
            spec.queries = e.spec.queries;
            spec.interval_secs = e.spec.interval_secs;
            spec.require_match = e.spec.require_match;
            if spec.kind == e.spec.kind {
                spec.pds = spec.pds.or(e.spec.pds);
                spec.appview = spec.appview.or(e.spec.appview);
                spec.jetstream = spec.jetstream.or(e.spec.jetstream);
                spec.plc = spec.plc.or(e.spec.plc);
                spec.client_id = spec.client_id.or(e.spec.client_id);
                spec.monthly_cap = spec.monthly_cap.or(e.spec.monthly_cap);
            }
        }
        self.add_source(spec).await
    }

    /// Forgets a source's login: its token leaves the keychain; the source keeps watching
    /// what it can without one.
    pub async fn logout(&self, source_id: i64) -> Result<Source, EngineError> {
        let src = self.parts.db.read(move |s| s.source(source_id)).await?;
        self.parts.accounts.forget(&src.spec).await?;
        let mut spec = src.spec;
        spec.account = None;
        self.add_source(spec).await
    }
}
