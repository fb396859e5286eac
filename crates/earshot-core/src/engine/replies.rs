//! Answering: the outbox (a reply is written down before it is sent, with its idempotency key)
//! and the logins that replies and the logged-in streams need.

use std::sync::atomic::Ordering;

use rand::Rng;

use super::{lock, Engine, EngineEvent};
use crate::channels::{reply_rules, send_reply, Context, Draft, ReplyRules};
use crate::model::{Channel, Mention, Reply, ReplyState, Source, SourceKind, SourceSpec};
use crate::store::StoreError;

impl Engine {
    pub(super) fn context(&self) -> Context {
        Context {
            http: self.inner.http.clone(),
            clock: self.inner.clock.clone(),
            secrets: self.inner.secrets.clone(),
        }
    }

    async fn source_of(&self, m: &Mention) -> Result<Source, StoreError> {
        let id = m.source_id.ok_or_else(|| {
            StoreError::Invalid("this mention's source was removed; answer it on the site".into())
        })?;
        self.inner.db.read(move |s| s.source(id)).await
    }

    /// How a mention can be answered: public and private, and the length limit as its network
    /// counts it. `None` when its channel cannot be answered from Earshot.
    pub async fn reply_rules(&self, mention_id: i64) -> Result<Option<ReplyRules>, StoreError> {
        let m = self.mention(mention_id).await?;
        let mut limit = None;
        if m.channel == Channel::Mastodon {
            if let Ok(src) = self.source_of(&m).await {
                let key = src.spec.base_url.clone().unwrap_or_default();
                let cached = lock(&self.inner.mastodon_limits).get(&key).copied();
                limit = match cached {
                    Some(l) => Some(l),
                    None => {
                        match crate::channels::mastodon::instance_info(&src.spec, &self.context())
                            .await
                        {
                            Ok(info) => {
                                let l = info.max_characters();
                                lock(&self.inner.mastodon_limits).insert(key, l);
                                Some(l)
                            }
                            Err(_) => None,
                        }
                    }
                };
            }
        }
        Ok(reply_rules(m.channel, limit))
    }

    /// The replies written to a mention, oldest first.
    pub async fn replies(&self, mention_id: i64) -> Result<Vec<Reply>, StoreError> {
        self.inner.db.read(move |s| s.replies(mention_id)).await
    }

    /// Writes a reply to the outbox and sends it. The returned reply is `queued`; its progress
    /// arrives as [`EngineEvent::ReplyUpdated`]. Refuses text the channel would refuse.
    pub async fn reply(
        &self,
        mention_id: i64,
        body: &str,
        private: bool,
    ) -> Result<Reply, StoreError> {
        let m = self.mention(mention_id).await?;
        let rules = self.reply_rules(mention_id).await?.ok_or_else(|| {
            StoreError::Invalid(format!(
                "{} has no way to reply from Earshot: open the original to answer",
                m.channel.label()
            ))
        })?;
        let body = addressed(&m, body.trim());
        if body.trim().is_empty() {
            return Err(StoreError::Invalid("the reply is empty".into()));
        }
        if (private && !rules.private) || (!private && !rules.public) {
            return Err(StoreError::Invalid(format!(
                "{} does not take {} replies",
                m.channel.label(),
                if private { "private" } else { "public" }
            )));
        }
        let len = rules.length(&body);
        if len > rules.limit as usize {
            return Err(StoreError::Invalid(format!(
                "the reply is {len} long; {} allows {}",
                m.channel.label(),
                rules.limit
            )));
        }
        let src = self.source_of(&m).await?;
        if src.spec.account.is_none() {
            return Err(StoreError::Invalid(format!(
                "log in to {} on the source \"{}\" to reply",
                m.channel.label(),
                src.spec.name
            )));
        }
        let now = self.inner.clock.now();
        let key = idempotency_key(m.channel);
        let r = self
            .inner
            .db
            .write(move |s| s.queue_reply(mention_id, private, &body, &key, now))
            .await?;
        self.emit(EngineEvent::ReplyUpdated { reply: r.clone() });
        let engine = self.clone();
        let id = r.id;
        tokio::spawn(async move { engine.send(id).await });
        Ok(r)
    }

    /// After a restart: replies still queued are sent; a reply that was being sent when Earshot
    /// stopped is marked failed, saying so, for the owner to retry (a retry carries the same
    /// idempotency key, so the network refuses a second copy).
    pub async fn resume_outbox(&self) -> Result<(), StoreError> {
        let now = self.inner.clock.now();
        let interrupted = self
            .inner
            .db
            .write(move |s| {
                let mut out = Vec::new();
                for r in s.replies_in(ReplyState::Sending)? {
                    out.push(s.reply_failed(
                        r.id,
                        "Earshot stopped while sending this; it may not have been posted. Retry is safe: it cannot post twice.",
                        now,
                    )?);
                }
                Ok(out)
            })
            .await?;
        for r in interrupted {
            self.emit(EngineEvent::ReplyUpdated { reply: r });
        }
        let queued = self
            .inner
            .db
            .read(|s| s.replies_in(ReplyState::Queued))
            .await?;
        for r in queued {
            let engine = self.clone();
            tokio::spawn(async move { engine.send(r.id).await });
        }
        Ok(())
    }

    /// Sends (or retries) one outbox reply, unless it is already sending or sent. Returns it as
    /// it ended.
    pub async fn send(&self, reply_id: i64) -> Result<Reply, StoreError> {
        let now = self.inner.clock.now();
        let Some(r) = self
            .inner
            .db
            .write(move |s| s.claim_reply(reply_id, now))
            .await?
        else {
            return self.inner.db.read(move |s| s.reply(reply_id)).await;
        };
        self.emit(EngineEvent::ReplyUpdated { reply: r.clone() });
        let outcome = async {
            let m = self
                .mention(r.mention_id)
                .await
                .map_err(|e| e.to_string())?;
            let src = self.source_of(&m).await.map_err(|e| e.to_string())?;
            let draft = Draft {
                target: &m,
                body: &r.body,
                private: r.private,
                idempotency_key: &r.idempotency_key,
                queued_at: r.created_at,
            };
            send_reply(&src.spec, &self.context(), &draft)
                .await
                .map_err(|e| e.to_string())
        }
        .await;
        let now = self.inner.clock.now();
        let done = match outcome {
            Ok(sent) => {
                self.inner
                    .db
                    .write(move |s| {
                        s.reply_sent(reply_id, &sent.remote_id, sent.remote_url.as_deref(), now)
                    })
                    .await?
            }
            Err(why) => {
                tracing::warn!(reply = reply_id, error = %why, "reply not sent");
                self.inner
                    .db
                    .write(move |s| s.reply_failed(reply_id, &why, now))
                    .await?
            }
        };
        self.emit(EngineEvent::ReplyUpdated {
            reply: done.clone(),
        });
        // A sent reply is the mention's first response; a failed one puts a mention the owner
        // already marked done back in the queue, so the failure cannot go unseen.
        match self.mention(done.mention_id).await {
            Ok(m) if done.state == ReplyState::Failed && m.status == crate::model::Status::Done => {
                let _ = self
                    .apply(
                        vec![m.id],
                        crate::store::work::Action::Status {
                            status: crate::model::Status::Open,
                        },
                    )
                    .await;
            }
            Ok(m) => self.emit(EngineEvent::MentionUpdated {
                mention: Box::new(m),
            }),
            Err(_) => {}
        }
        Ok(done)
    }

    /// Begins a Mastodon login on `instance`: returns the address to open in the browser and a
    /// login id. The login completes when the browser comes back to Earshot's loopback address,
    /// or when the owner pastes the code ([`Engine::finish_login`]); then the source named
    /// `name` is created or updated and started, and [`EngineEvent::LoginFinished`] says so.
    pub async fn begin_mastodon_login(
        &self,
        name: &str,
        instance: &str,
    ) -> Result<(u64, String), StoreError> {
        let ctx = self.context();
        let mut login = crate::channels::mastodon::login::MastodonLogin::begin(&ctx, instance)
            .await
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let url = login.authorize_url.clone();
        let flow = self.inner.next_login.fetch_add(1, Ordering::SeqCst);
        let (tx, rx) = tokio::sync::oneshot::channel::<String>();
        lock(&self.inner.logins).insert(flow, tx);
        let engine = self.clone();
        let name = name.trim().to_string();
        tokio::spawn(async move {
            let code = tokio::select! {
                c = login.wait_for_code() => c,
                Ok(c) = rx => Ok(c),
            };
            lock(&engine.inner.logins).remove(&flow);
            let base = login.instance().as_str().trim_end_matches('/').to_string();
            let result = match code {
                Ok(code) => login.finish(&ctx, &code).await.map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            let outcome = match result {
                Ok(acct) => {
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
                Err(e) => Err(e),
            };
            engine.emit(match outcome {
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
    pub fn finish_login(&self, flow: u64, pasted: &str) -> Result<(), StoreError> {
        let code = crate::channels::mastodon::login::code_from_paste(pasted).ok_or_else(|| {
            StoreError::Invalid("paste the code, or the whole address the browser shows".into())
        })?;
        let tx = lock(&self.inner.logins)
            .remove(&flow)
            .ok_or_else(|| StoreError::NotFound(format!("login {flow}")))?;
        tx.send(code)
            .map_err(|_| StoreError::Invalid("that login has already finished".into()))
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
    ) -> Result<Source, StoreError> {
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
        let client = crate::channels::bluesky::Client::new(&spec, self.context())
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let session = client
            .create_session(handle.trim().trim_start_matches('@'), app_password)
            .await
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        client
            .save(&session)
            .await
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        if spec.name.is_empty() {
            spec.name = format!("Bluesky (@{})", session.handle);
        }
        spec.account = Some(session.handle);
        self.add_logged_in(spec).await
    }

    /// Adds or updates a source after a login, keeping what the owner had set on a source of
    /// the same name (queries, interval, matching).
    async fn add_logged_in(&self, mut spec: SourceSpec) -> Result<Source, StoreError> {
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
            }
        }
        self.add_source(spec).await
    }

    /// Forgets a source's login: its token leaves the keychain; the source keeps watching
    /// what it can without one.
    pub async fn logout(&self, source_id: i64) -> Result<Source, StoreError> {
        let src = self.inner.db.read(move |s| s.source(source_id)).await?;
        if let Some(acct) = &src.spec.account {
            self.inner
                .secrets
                .delete(&crate::secrets::key_for(src.spec.kind, acct))
                .await
                .map_err(|e| StoreError::Invalid(e.to_string()))?;
        }
        let mut spec = src.spec;
        spec.account = None;
        self.add_source(spec).await
    }
}

/// The reply text with the author addressed where the channel needs it: Mastodon delivers a
/// reply (and a direct message) only to the accounts its text mentions.
fn addressed(m: &Mention, body: &str) -> String {
    if m.channel != Channel::Mastodon {
        return body.to_string();
    }
    let handle = m.author.handle.trim_start_matches('@');
    let short = handle.split('@').next().unwrap_or(handle);
    let lower = body.to_lowercase();
    if lower.contains(&format!("@{}", handle.to_lowercase())) {
        return body.to_string();
    }
    // "@name" alone may already address them (local form).
    if lower
        .split_whitespace()
        .any(|w| w.trim_end_matches([',', '.', ':']) == format!("@{}", short.to_lowercase()))
    {
        return body.to_string();
    }
    format!("@{handle} {body}")
}

/// A fresh idempotency key: a record key for Bluesky (the post's own key, so a repeat is refused
/// by the network), a random token elsewhere.
/// A new outbox key for a reply on `channel` (a Bluesky record key, else 128 random bits).
pub fn idempotency_key(channel: Channel) -> String {
    let mut rng = rand::thread_rng();
    match channel {
        Channel::Bluesky => {
            let micros = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_micros() as u64)
                .unwrap_or_default();
            crate::channels::bluesky::tid(micros, rng.gen_range(0..1024))
        }
        _ => format!("{:032x}", rng.gen::<u128>()),
    }
}
