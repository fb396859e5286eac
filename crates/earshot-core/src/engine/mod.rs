//! The façade the CLI and the desktop shell call: it builds the stages and routes each call to
//! the one that owns it. It holds no logic of its own beyond composing them (a finished login
//! becomes a source; a settings change restarts the sources).
//!
//! ```text
//! pipeline::scheduler ──batch──▶ pipeline::ingest ──▶ store ──▶ events, alerts::AlertDesk
//! pipeline::learn (corrections)   work::Desk (the owner's queue, targets, figures, spikes)
//! outbox::Outbox (replies)        accounts::Accounts (logins, secrets)
//! ```
//!
//! This file builds the stages and holds the calls about sources, mentions and settings;
//! `work.rs` has the calls about the owner's queue (into [`Desk`]), `outbox.rs` those about replies
//! and logins (into [`Outbox`] and [`Accounts`]).

mod outbox;
mod pages;
mod sources;
mod work;

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::broadcast;

use crate::accounts::Accounts;
use crate::alerts::{AlertDesk, AlertPolicy, Notifier};
use crate::channels::{connector_for, http_client, http_client_with, Batch, Context};
use crate::clock::Clock;
use crate::error::EngineError;
use crate::events::Events;
use crate::model::{Business, Mention, Source, SourceKind, SourceSpec, Status};
use crate::outbox::Outbox;
use crate::pipeline::ingest::Ingest;
use crate::pipeline::learn::Learner;
use crate::pipeline::scheduler::Scheduler;
use crate::pipeline::Triager;
use crate::secrets::{MemorySecrets, Secrets};
use crate::store::db::Db;
use crate::store::work::Action;
use crate::store::{Correction, Counts, MentionPage, MentionQuery, StoreError};
use crate::work::due::DueClock;
use crate::work::Desk;

pub use crate::events::EngineEvent;
pub use crate::outbox::idempotency_key;
pub use crate::pipeline::scheduler::{backoff, DEFAULT_INTERVAL_SECS};
pub use crate::work::{SpikePolicy, TICK};
pub use sources::SourceCheck;

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

/// The longest business name Earshot takes: a shop's name, not a paragraph.
pub const BUSINESS_NAME_MAX: usize = 100;

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
        p.learner.rerank_if_triage_changed().await;
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

    /// Saves and uses a new alert policy (on a team, this person's own: quiet hours, what counts
    /// as urgent, bursts).
    pub async fn set_alert_policy(&self, policy: AlertPolicy) -> Result<(), EngineError> {
        let invalid =
            |why: &str| EngineError::Store(crate::store::StoreError::Invalid(why.to_string()));
        if policy.notify_min > 100 || policy.urgent_threshold > 100 {
            return Err(invalid("urgency is 0 to 100"));
        }
        if let Some((start, end)) = policy.quiet_hours {
            if start > 23 || end > 23 || start == end {
                return Err(invalid(
                    "quiet hours start and end at different hours, 0 to 23",
                ));
            }
        }
        if policy.burst_max == 0 || policy.urgent_burst_max == 0 || policy.burst_window_secs == 0 {
            return Err(invalid("a burst allows at least one notification a window"));
        }
        let saved = policy.clone();
        self.parts
            .db
            .write(move |s| s.set_setting("alerts", &saved))
            .await?;
        self.parts.alerts.set_policy(policy);
        Ok(())
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
    pub async fn set_business(&self, mut b: Business) -> Result<(), EngineError> {
        b.name = b.name.trim().to_string();
        let length = b.name.chars().count();
        if length == 0 {
            return Err(EngineError::invalid(
                "Your business needs a name: it is what Earshot listens for first.",
            ));
        }
        if length > BUSINESS_NAME_MAX {
            return Err(EngineError::invalid(format!(
                "That name is {length} characters long; a business name can have up to {BUSINESS_NAME_MAX}."
            )));
        }
        let saved = b.clone();
        self.parts.db.write(move |s| s.set_business(&saved)).await?;
        self.parts.triager.install(b);
        Ok(self.parts.scheduler.restart_all().await?)
    }

    /// First run: the business and the sources the owner chose (a feed without a name is named
    /// after its site). Every source is built first, so a bad address refuses the whole step
    /// before anything is saved.
    pub async fn complete_onboarding(
        &self,
        business: Business,
        sources: Vec<SourceSpec>,
    ) -> Result<Vec<Source>, EngineError> {
        let mut feeds = 0;
        let named: Vec<SourceSpec> = sources
            .into_iter()
            .map(|mut spec| {
                if spec.kind == SourceKind::Rss {
                    feeds += 1;
                }
                if spec.name.trim().is_empty() {
                    spec.name = match (&spec.kind, &spec.url) {
                        // Numbered among the feeds ("Google Alert 1").
                        (SourceKind::Rss, Some(url)) => {
                            crate::channels::rss::feed_name(url, feeds - 1)
                        }
                        (kind, _) => crate::model::Channel::parse(kind.as_str())
                            .map_or("Source", |c| c.label())
                            .to_string(),
                    };
                }
                spec
            })
            .collect();
        for spec in &named {
            connector_for(spec, &business, &self.parts.ctx)?;
        }
        self.set_business(business).await?;
        for spec in named {
            self.save_source(spec).await?;
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

    /// Whether this desktop can listen for a source: one without a login from anywhere, a
    /// logged-in one only where its login is in the keychain (what a team's desktops decide
    /// who listens by).
    pub async fn can_listen(&self, spec: &crate::model::SourceSpec) -> bool {
        self.parts.scheduler.can_listen(spec).await
    }

    /// All sources with their health.
    pub async fn sources(&self) -> Result<Vec<Source>, EngineError> {
        let mut sources = self.parts.db.read(|s| s.sources()).await?;
        self.parts.scheduler.latest_health(&mut sources);
        Ok(sources)
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

    /// Listens as `member` of the team whose database this engine's store is: each source runs
    /// on one desktop, this one while it holds the source's lease (until then, on a team's
    /// database, no source runs here). Keep the returned handle; dropping it hands this
    /// desktop's sources to the others. Call it once, after `start`.
    pub async fn listen_as_team(
        &self,
        address: crate::team::TeamAddress,
        member: i64,
        timing: crate::team::lease::Timing,
    ) -> Result<crate::pipeline::team::Listening, EngineError> {
        let p = &self.parts;
        let gate = p.scheduler.gate().ok_or_else(|| {
            EngineError::Store(crate::store::StoreError::Invalid(
                "this engine's store is not a team's database".into(),
            ))
        })?;
        let stages = crate::pipeline::team::Stages {
            db: p.db.clone(),
            scheduler: p.scheduler.clone(),
            events: p.events.clone(),
            alerts: p.alerts.clone(),
        };
        Ok(crate::pipeline::team::listen(address, member, gate, timing, stages).await?)
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
}
