//! The façade the CLI and the desktop shell call: it builds the stages and routes each call to
//! the one that owns it. It holds no logic of its own beyond composing them (a finished login
//! becomes a source; a settings change restarts the sources).
//!
//! ```text
//! pipeline::scheduler ──batch──▶ pipeline::ingest ──▶ store ──▶ events, alerts::AlertDesk
//! pipeline::learn (corrections)   work::Desk (the owner's queue, targets, figures, spikes)
//! outbox::Outbox (replies)        accounts::Accounts (logins, secrets)
//! ```

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::broadcast;

use crate::accounts::Accounts;
use crate::alerts::{AlertDesk, AlertPolicy, Notifier};
use crate::channels::{connector_for, http_client, http_client_with, Batch, Context, ReplyRules};
use crate::clock::Clock;
use crate::error::EngineError;
use crate::events::Events;
use crate::model::{Business, Mention, Reply, Source, SourceKind, SourceSpec, Status};
use crate::outbox::Outbox;
use crate::pipeline::ingest::Ingest;
use crate::pipeline::learn::Learner;
use crate::pipeline::scheduler::Scheduler;
use crate::pipeline::Triager;
use crate::secrets::{MemorySecrets, Secrets};
use crate::store::db::Db;
use crate::store::work::{Action, AuthorHistory, Note, SavedReply};
use crate::store::{Correction, Counts, MentionPage, MentionQuery, StoreError};
use crate::work::due::DueClock;
use crate::work::presend::Check;
use crate::work::report::Report;
use crate::work::targets::Targets;
use crate::work::Desk;

pub use crate::events::EngineEvent;
pub use crate::outbox::idempotency_key;
pub use crate::pipeline::scheduler::{backoff, DEFAULT_INTERVAL_SECS};
pub use crate::work::{SpikePolicy, TICK};

/// The stages, built once.
struct Parts {
    db: Db,
    clock: Clock,
    ctx: Context,
    events: Events,
    alerts: Arc<AlertDesk>,
    triager: Arc<Triager>,
    ingest: Arc<Ingest>,
    learner: Arc<Learner>,
    scheduler: Arc<Scheduler>,
    desk: Arc<Desk>,
    outbox: Arc<Outbox>,
    accounts: Accounts,
}

/// The running engine. Cheap to clone; all clones drive the same engine.
#[derive(Clone)]
pub struct Engine {
    parts: Arc<Parts>,
}

impl Engine {
    /// An engine over `db` that alerts through `notifier`, keeping secrets in memory only (tests,
    /// the simulated demo). Sources start with [`Engine::start`].
    pub fn new(db: Db, notifier: Arc<dyn Notifier>, clock: Clock) -> Engine {
        Engine::with_secrets(db, notifier, clock, Secrets::new(MemorySecrets::new()))
    }

    /// An engine whose tokens live in `secrets` (the OS keychain in the app and CLI).
    pub fn with_secrets(
        db: Db,
        notifier: Arc<dyn Notifier>,
        clock: Clock,
        secrets: Secrets,
    ) -> Engine {
        let ctx = Context {
            http: http_client(),
            clock,
            secrets,
        };
        Engine::build(db, notifier, ctx)
    }

    fn build(db: Db, notifier: Arc<dyn Notifier>, ctx: Context) -> Engine {
        let clock = ctx.clock.clone();
        let events = Events::new();
        let alerts = Arc::new(AlertDesk::new(notifier, clock.clone()));
        let triager = Arc::new(Triager::default());
        let due = Arc::new(DueClock::default());
        let ingest = Arc::new(Ingest::new(
            db.clone(),
            clock.clone(),
            events.clone(),
            triager.clone(),
            due.clone(),
            alerts.clone(),
        ));
        let learner = Arc::new(Learner::new(
            db.clone(),
            clock.clone(),
            events.clone(),
            triager.clone(),
            due.clone(),
            alerts.clone(),
        ));
        let scheduler = Arc::new(Scheduler::new(
            db.clone(),
            clock.clone(),
            events.clone(),
            ctx.clone(),
            triager.clone(),
            ingest.clone(),
        ));
        let desk = Arc::new(Desk::new(
            db.clone(),
            clock.clone(),
            events.clone(),
            due,
            alerts.clone(),
        ));
        let outbox = Arc::new(Outbox::new(
            db.clone(),
            clock.clone(),
            events.clone(),
            ctx.clone(),
            alerts.clone(),
        ));
        let accounts = Accounts::new(ctx.clone());
        Engine {
            parts: Arc::new(Parts {
                db,
                clock,
                ctx,
                events,
                alerts,
                triager,
                ingest,
                learner,
                scheduler,
                desk,
                outbox,
                accounts,
            }),
        }
    }

    /// Replaces the whole-request HTTP timeout (30 s), before [`Engine::start`]; tests of
    /// servers that hang use a short one.
    pub fn with_http_timeout(self, timeout: Duration) -> Engine {
        let p = &self.parts;
        let ctx = Context {
            http: http_client_with(timeout),
            ..p.ctx.clone()
        };
        Engine::build(p.db.clone(), p.alerts.notifier(), ctx)
    }

    /// The database.
    pub fn db(&self) -> &Db {
        &self.parts.db
    }

    /// Listens to what the engine does.
    pub fn subscribe(&self) -> broadcast::Receiver<EngineEvent> {
        self.parts.events.subscribe()
    }

    /// Loads the saved business profile and what the owner taught, and starts every enabled
    /// source, the outbox and the queue clock.
    pub async fn start(&self) -> Result<(), EngineError> {
        let p = &self.parts;
        p.learner.load().await?;
        if let Some(business) = p.db.read(|s| s.business()).await? {
            p.triager.install(business);
        }
        p.learner.rerank_if_triage_changed();
        self.load_settings().await?;
        p.scheduler.restart_all().await?;
        p.outbox.resume().await?;
        p.desk.start_ticker();
        Ok(())
    }

    /// Loads the saved alert policy, response targets and spike settings without starting
    /// anything (what `earshot report` needs).
    pub async fn load_settings(&self) -> Result<(), EngineError> {
        let p = &self.parts;
        if let Some(policy) = p.db.read(|s| s.setting::<AlertPolicy>("alerts")).await? {
            p.alerts.set_policy(policy);
        }
        Ok(p.desk.load_settings().await?)
    }

    /// Applies a configuration file: business, alert policy and sources (added or updated by
    /// name; sources not in the file are left alone).
    pub async fn apply_config(&self, config: &crate::config::Config) -> Result<(), EngineError> {
        let p = &self.parts;
        let c = config.clone();
        let now = p.clock.now();
        p.db.write(move |s| {
            s.set_business(&c.business)?;
            s.set_setting("alerts", &c.alerts)?;
            s.set_setting("targets", &c.targets)?;
            s.set_setting("spike", &c.spike)?;
            // A login is state, not configuration (`earshot login` or the app makes it):
            // a configured source that names no account keeps the one it is logged in with.
            let stored = s.sources()?;
            for spec in &c.sources {
                let mut spec = spec.clone();
                if spec.account.is_none() {
                    spec.account = stored
                        .iter()
                        .find(|o| o.spec.name == spec.name && o.spec.kind == spec.kind)
                        .and_then(|o| o.spec.account.clone());
                }
                s.upsert_source(&spec, now)?;
            }
            Ok(())
        })
        .await?;
        p.triager.install(config.business.clone());
        p.alerts.set_policy(config.alerts.clone());
        p.desk.set_spike_policy(config.spike.clone());
        p.desk.install_targets(config.targets.clone())?;
        Ok(p.desk.recompute_due().await?)
    }

    /// Records the owner's correction of one mention, learns from it, and re-ranks the mention
    /// and the newest open ones with what was learned. Returns the corrected mention.
    pub async fn correct(&self, id: i64, c: Correction) -> Result<Mention, EngineError> {
        Ok(self.parts.learner.correct(id, c).await?)
    }

    /// The business profile, if set.
    pub async fn business(&self) -> Result<Option<Business>, EngineError> {
        Ok(self.parts.db.read(|s| s.business()).await?)
    }

    /// Saves the business profile and restarts the sources (their queries may depend on it).
    pub async fn set_business(&self, b: Business) -> Result<(), EngineError> {
        let saved = b.clone();
        self.parts.db.write(move |s| s.set_business(&saved)).await?;
        self.parts.triager.install(b);
        Ok(self.parts.scheduler.restart_all().await?)
    }

    /// First run: saves the business and adds the sources that need no account — Hacker News
    /// for the business name, and each feed address the owner pasted (Google Alerts, review
    /// sites). Returns every source.
    pub async fn complete_onboarding(
        &self,
        business: Business,
        feeds: &[String],
    ) -> Result<Vec<Source>, EngineError> {
        let name = business.name.trim().to_string();
        self.set_business(business).await?;
        let hn = SourceSpec {
            queries: vec![name],
            ..SourceSpec::new(SourceKind::Hackernews, "Hacker News")
        };
        self.add_source(hn).await?;
        let feeds = feeds.iter().map(|f| f.trim()).filter(|f| !f.is_empty());
        for (i, url) in feeds.enumerate() {
            let spec = SourceSpec {
                url: Some(url.to_string()),
                ..SourceSpec::new(SourceKind::Rss, crate::channels::rss::feed_name(url, i))
            };
            self.add_source(spec).await?;
        }
        self.sources().await
    }

    /// The alert policy.
    pub fn alert_policy(&self) -> AlertPolicy {
        self.parts.alerts.policy()
    }

    /// Pauses or resumes notifications (mentions keep arriving).
    pub fn set_alerts_paused(&self, paused: bool) {
        self.parts.alerts.set_paused(paused);
    }

    /// Whether notifications are paused.
    pub fn alerts_paused(&self) -> bool {
        self.parts.alerts.paused()
    }

    /// All sources with their health.
    pub async fn sources(&self) -> Result<Vec<Source>, EngineError> {
        Ok(self.parts.db.read(|s| s.sources()).await?)
    }

    /// Adds (or updates, by name) a source and starts it.
    pub async fn add_source(&self, spec: SourceSpec) -> Result<Source, EngineError> {
        let p = &self.parts;
        let now = p.clock.now();
        // Build the connector once up front so a bad address is refused here, not in the log.
        connector_for(&spec, &p.triager.business(), &p.ctx)?;
        let id = p.db.write(move |s| s.upsert_source(&spec, now)).await?;
        let source = p.db.read(move |s| s.source(id)).await?;
        p.scheduler.stop(id);
        p.scheduler.start(source.clone());
        Ok(source)
    }

    /// Stops and removes a source; the mentions it found stay.
    pub async fn remove_source(&self, id: i64) -> Result<(), EngineError> {
        self.parts.scheduler.stop(id);
        Ok(self.parts.db.write(move |s| s.remove_source(id)).await?)
    }

    /// Asks every source to poll now instead of waiting out its interval.
    pub fn poll_now(&self) {
        self.parts.scheduler.poll_now();
    }

    /// Stops all sources and the queue clock.
    pub fn shutdown(&self) {
        self.parts.desk.stop_ticker();
        self.parts.scheduler.stop_all();
    }

    /// Matches, triages and stores one batch from `source`; returns the cursor that was saved.
    /// Public so benchmarks and tests can drive the real path without a network.
    pub async fn ingest(
        &self,
        source: &Source,
        batch: Batch,
    ) -> Result<Option<String>, EngineError> {
        Ok(self.parts.ingest.batch(source, batch).await?)
    }

    /// Badge counts.
    pub async fn counts(&self) -> Result<Counts, EngineError> {
        let t = self.parts.alerts.urgent_threshold();
        Ok(self.parts.db.read(move |s| s.counts(t)).await?)
    }

    /// One inbox page.
    pub async fn list(&self, q: MentionQuery) -> Result<MentionPage, EngineError> {
        Ok(self.parts.db.read(move |s| s.list(&q)).await?)
    }

    /// One mention.
    pub async fn mention(&self, id: i64) -> Result<Mention, EngineError> {
        Ok(self.parts.db.read(move |s| s.mention(id)).await?)
    }

    /// Sets a mention's status (snoozing needs a time: see [`Engine::apply`]).
    pub async fn set_status(&self, id: i64, status: Status) -> Result<Mention, EngineError> {
        self.apply(vec![id], Action::Status { status })
            .await?
            .pop()
            .ok_or_else(|| StoreError::NotFound(format!("mention {id}")).into())
    }

    /// Marks a mention opened.
    pub async fn mark_read(&self, id: i64) -> Result<Mention, EngineError> {
        let p = &self.parts;
        let m = p.db.write(move |s| s.mark_read(id)).await?;
        p.events.updated(m.clone());
        p.events.counts(&p.db, p.alerts.urgent_threshold()).await;
        Ok(m)
    }

    // ---- the owner's queue (work::Desk) ----

    /// Applies an action to mentions (all or none) and announces them.
    pub async fn apply(&self, ids: Vec<i64>, action: Action) -> Result<Vec<Mention>, EngineError> {
        Ok(self.parts.desk.apply(ids, action).await?)
    }

    /// A mention's internal notes.
    pub async fn notes(&self, mention_id: i64) -> Result<Vec<Note>, EngineError> {
        Ok(self.parts.desk.notes(mention_id).await?)
    }

    /// Adds an internal note.
    pub async fn add_note(
        &self,
        mention_id: i64,
        author: Option<String>,
        body: String,
    ) -> Result<Note, EngineError> {
        Ok(self.parts.desk.add_note(mention_id, author, body).await?)
    }

    /// Deletes a note.
    pub async fn delete_note(&self, mention_id: i64, note_id: i64) -> Result<(), EngineError> {
        Ok(self.parts.desk.delete_note(mention_id, note_id).await?)
    }

    /// Saved replies, most used first.
    pub async fn saved_replies(&self) -> Result<Vec<SavedReply>, EngineError> {
        Ok(self.parts.desk.saved_replies().await?)
    }

    /// Adds or changes a saved reply.
    pub async fn save_reply(&self, r: SavedReply) -> Result<SavedReply, EngineError> {
        Ok(self.parts.desk.save_reply(r).await?)
    }

    /// Deletes a saved reply.
    pub async fn delete_saved_reply(&self, id: i64) -> Result<(), EngineError> {
        Ok(self.parts.desk.delete_saved_reply(id).await?)
    }

    /// Counts a use of a saved reply (the picker lists the most used first).
    pub async fn used_saved_reply(&self, id: i64) -> Result<(), EngineError> {
        Ok(self.parts.desk.used_saved_reply(id).await?)
    }

    /// The named helpers mentions can be assigned to.
    pub async fn helpers(&self) -> Result<Vec<String>, EngineError> {
        Ok(self.parts.desk.helpers().await?)
    }

    /// Replaces the list of helpers (names are trimmed, blanks and repeats dropped).
    pub async fn set_helpers(&self, names: Vec<String>) -> Result<Vec<String>, EngineError> {
        Ok(self.parts.desk.set_helpers(names).await?)
    }

    /// The conversation around a mention.
    pub async fn thread(&self, id: i64) -> Result<Vec<Mention>, EngineError> {
        Ok(self.parts.desk.thread(id).await?)
    }

    /// The author's other mentions and the replies they were sent.
    pub async fn author_history(&self, id: i64) -> Result<AuthorHistory, EngineError> {
        Ok(self.parts.desk.author_history(id).await?)
    }

    /// Asks the network for the author's reach now and keeps it on the mention (the author
    /// panel's Refresh). Bluesky only: the other networks give reach with each post.
    pub async fn refresh_author(&self, id: i64) -> Result<Mention, EngineError> {
        let p = &self.parts;
        let m = self.mention(id).await?;
        let (crate::model::Channel::Bluesky, Some(did)) = (m.channel, m.remote.author_id.clone())
        else {
            return Err(EngineError::invalid(format!(
                "{} gives an author's reach with each post; there is nothing to refresh",
                m.channel.label()
            )));
        };
        let id_src = m
            .source_id
            .ok_or_else(|| EngineError::invalid("this mention's source was removed"))?;
        let src = p.db.read(move |s| s.source(id_src)).await?;
        let author = crate::channels::bluesky::fetch_author(&src.spec, p.ctx.clone(), &did).await?;
        let updated =
            p.db.write(move |s| {
                s.set_author_reach(id, author.followers, author.display_name.as_deref())
            })
            .await?;
        p.events.updated(updated.clone());
        Ok(updated)
    }

    /// Checks a reply before it is sent (see [`crate::work::presend`]).
    pub async fn check_reply(
        &self,
        mention_id: i64,
        body: String,
        private: bool,
    ) -> Result<Check, EngineError> {
        Ok(self
            .parts
            .desk
            .check_reply(mention_id, body, private)
            .await?)
    }

    /// The response-time targets.
    pub fn targets(&self) -> Targets {
        self.parts.desk.targets()
    }

    /// Changes the response-time targets: checks them, saves them, and recomputes the due time
    /// of every unanswered mention.
    pub async fn set_targets(&self, t: Targets) -> Result<Targets, EngineError> {
        Ok(self.parts.desk.set_targets(t).await?)
    }

    /// The figures for `[since, until)`.
    pub async fn report(&self, since: i64, until: i64) -> Result<Report, EngineError> {
        Ok(self.parts.desk.report(since, until).await?)
    }

    /// The mentions posted in `[since, until)` as CSV, with triage, status and response times.
    pub async fn mentions_csv(&self, since: i64, until: i64) -> Result<String, EngineError> {
        Ok(self.parts.desk.mentions_csv(since, until).await?)
    }

    /// Writes the mentions and the figures of `[since, until)` as two CSV files in `dir`, named
    /// with the time of the export (`earshot-mentions-20261130-141502.csv`); returns their paths.
    pub async fn export_csv(
        &self,
        since: i64,
        until: i64,
        dir: &std::path::Path,
    ) -> Result<Vec<std::path::PathBuf>, EngineError> {
        let mentions = self.mentions_csv(since, until).await?;
        let report = self.report(since, until).await?;
        let figures = crate::work::report::report_csv(&report)
            .map_err(|e| EngineError::from(StoreError::Invalid(format!("CSV: {e}"))))?;
        let stamp = chrono::DateTime::from_timestamp(self.parts.clock.now(), 0)
            .unwrap_or_default()
            .format("%Y%m%d-%H%M%S");
        let mut out = Vec::new();
        for (name, text) in [("mentions", mentions), ("figures", figures)] {
            let path = dir.join(format!("earshot-{name}-{stamp}.csv"));
            if let Err(source) = std::fs::write(&path, text) {
                return Err(EngineError::Write { path, source });
            }
            out.push(path);
        }
        Ok(out)
    }

    /// The spike alarm's settings.
    pub fn spike_policy(&self) -> SpikePolicy {
        self.parts.desk.spike_policy()
    }

    /// One look at the queue (see [`Desk::tick`]); public so tests drive it with a manual clock.
    pub async fn tick(&self) {
        self.parts.desk.tick().await
    }

    /// Takes the daily backup when one is due.
    pub async fn daily_backup(&self) {
        self.parts.desk.daily_backup().await
    }

    // ---- replies (outbox::Outbox) ----

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

    /// Sends queued replies again after a restart (see [`Outbox::resume`]).
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

    /// Adds or updates a source after a login, keeping what the owner had set on a source of
    /// the same name (queries, interval, matching).
    async fn add_logged_in(&self, mut spec: SourceSpec) -> Result<Source, EngineError> {
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
    pub async fn logout(&self, source_id: i64) -> Result<Source, EngineError> {
        let src = self.parts.db.read(move |s| s.source(source_id)).await?;
        self.parts.accounts.forget(&src.spec).await?;
        let mut spec = src.spec;
        spec.account = None;
        self.add_source(spec).await
    }
}
