//! The pipeline: source → normalise → match → triage → store → alert, one scheduler task per
//! source, and the [`Engine`] handle the CLI and the desktop shell drive it through.
//!
//! Each source task calls its [`Connector`], then [`Engine`] matches and triages the batch, stores
//! it with the source's new cursor in one transaction, publishes [`EngineEvent`]s and hands new
//! mentions to the [`Alerter`]. Errors put the source into an error state with exponential backoff
//! and jitter (Retry-After honoured on 429/503); the other sources keep running and nothing
//! already stored is touched. Replies (the outbox) and logins are in `engine/replies.rs`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::Rng;
use serde::Serialize;
use tokio::sync::{broadcast, watch, Notify};
use ts_rs::TS;

use crate::alerts::{AlertPolicy, Alerter, Notifier};
use crate::channels::{connector_for, http_client, Batch, ChannelError, Connector};
use crate::clock::Clock;
use crate::matcher::Matcher;
use crate::model::{Business, Health, Mention, Reply, Source, SourceSpec, Status};
use crate::secrets::{MemorySecrets, Secrets};
use crate::store::db::Db;
use crate::store::{Correction, Counts, MentionPage, MentionQuery, Prior, StoreError};
use crate::triage::personal::{self, Lesson, Personal};
use crate::triage::{triage, Rules};

mod queue;
mod replies;
pub use replies::idempotency_key;

pub use queue::{SpikePolicy, TICK};

/// Re-ranking candidates after a correction: the newest mentions not done.
const RERANK_AFTER_CORRECTION: u32 = 2_000;
/// Mentions re-ranked per transaction when the triage itself changed (a new build).
const RERANK_CHUNK: u32 = 2_000;

/// Default seconds between polls.
pub const DEFAULT_INTERVAL_SECS: u32 = 120;
/// First retry after an error.
const BACKOFF_BASE: Duration = Duration::from_secs(5);
/// Longest wait between retries.
const BACKOFF_CAP: Duration = Duration::from_secs(15 * 60);

/// What the engine tells its listeners.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum EngineEvent {
    /// Newly stored mentions.
    MentionsAdded {
        /// The mentions.
        mentions: Vec<Mention>,
    },
    /// A mention's status or read flag changed.
    MentionUpdated {
        /// The mention as it now is.
        mention: Box<Mention>,
    },
    /// A source's health changed.
    SourceHealth {
        /// Which source.
        #[ts(type = "number")]
        source_id: i64,
        /// Its health.
        health: Health,
    },
    /// Badge counts changed.
    Counts {
        /// The counts.
        counts: Counts,
    },
    /// A reply was queued or changed state.
    ReplyUpdated {
        /// The reply as it now is.
        reply: Reply,
    },
    /// Negative mentions in the last hour far above the usual rate.
    NegativeSpike {
        /// Negative mentions in the last hour.
        count: u32,
        /// The usual rate per hour (the seven days before).
        baseline_per_hour: f64,
        /// Start of the hour (unix seconds): show negative mentions since then.
        #[ts(type = "number")]
        since: i64,
        /// What the notification said.
        message: String,
    },
    /// A login finished (a Mastodon login completes in the browser, after the call that began it).
    LoginFinished {
        /// The source that is now logged in, when it worked.
        source: Option<Source>,
        /// Why it did not, when it did not.
        error: Option<String>,
    },
}

/// Backoff before retry number `failures` (1-based): exponential, capped, with full jitter over
/// the upper half so many sources failing together do not retry in lockstep.
pub fn backoff(failures: u32, rng: &mut impl Rng) -> Duration {
    let exp = BACKOFF_BASE.saturating_mul(1u32 << failures.saturating_sub(1).min(16));
    let d = exp.min(BACKOFF_CAP);
    let ms = d.as_millis() as u64;
    Duration::from_millis(rng.gen_range(ms / 2..=ms.max(1)))
}

struct Profile {
    business: Business,
    matcher: Matcher,
    rules: Rules,
}

struct Running {
    stop: watch::Sender<bool>,
    poke: Arc<Notify>,
}

struct Inner {
    db: Db,
    clock: Clock,
    http: reqwest::Client,
    secrets: Secrets,
    logins: Mutex<HashMap<u64, tokio::sync::oneshot::Sender<String>>>,
    next_login: std::sync::atomic::AtomicU64,
    mastodon_limits: Mutex<HashMap<String, usize>>,
    notifier: Arc<dyn Notifier>,
    events: broadcast::Sender<EngineEvent>,
    profile: Mutex<Arc<Profile>>,
    personal: Mutex<Arc<Personal>>,
    policy: Mutex<AlertPolicy>,
    alerter: Mutex<Alerter>,
    paused: AtomicBool,
    running: Mutex<HashMap<i64, Running>>,
    clockwork: Mutex<Arc<queue::Clockwork>>,
    spike: Mutex<queue::SpikeState>,
    spike_policy: Mutex<SpikePolicy>,
    ticker: Mutex<Option<watch::Sender<bool>>>,
    local_hour: Box<dyn Fn() -> u8 + Send + Sync>,
}

/// The running engine. Cheap to clone; all clones drive the same engine.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<Inner>,
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
        let (events, _) = broadcast::channel(1024);
        let business = Business::default();
        Engine {
            inner: Arc::new(Inner {
                db,
                clock,
                http: http_client(),
                secrets,
                logins: Mutex::new(HashMap::new()),
                next_login: std::sync::atomic::AtomicU64::new(1),
                mastodon_limits: Mutex::new(HashMap::new()),
                notifier,
                events,
                profile: Mutex::new(Arc::new(Profile {
                    matcher: Matcher::new(&business),
                    rules: Rules::for_business(&business),
                    business,
                })),
                personal: Mutex::new(Arc::new(Personal::new())),
                policy: Mutex::new(AlertPolicy::default()),
                alerter: Mutex::new(Alerter::default()),
                paused: AtomicBool::new(false),
                running: Mutex::new(HashMap::new()),
                clockwork: Mutex::new(Arc::new(
                    queue::Clockwork::new(crate::sla::Targets::default()).unwrap_or_else(|_| {
                        queue::Clockwork::new(crate::sla::Targets {
                            hours: crate::sla::BusinessHours::always(),
                            ..Default::default()
                        })
                        .expect("always-open hours are valid")
                    }),
                )),
                spike: Mutex::new(queue::SpikeState::default()),
                spike_policy: Mutex::new(SpikePolicy::default()),
                ticker: Mutex::new(None),
                local_hour: Box::new(|| {
                    use chrono::Timelike;
                    chrono::Local::now().hour() as u8
                }),
            }),
        }
    }

    /// Replaces the whole-request HTTP timeout (30 s), before [`Engine::start`]; tests of
    /// servers that hang use a short one.
    pub fn with_http_timeout(mut self, timeout: Duration) -> Engine {
        match Arc::get_mut(&mut self.inner) {
            Some(inner) => inner.http = crate::channels::http_client_with(timeout),
            None => tracing::warn!("the HTTP timeout can only be set before the engine is shared"),
        }
        self
    }

    /// The database.
    pub fn db(&self) -> &Db {
        &self.inner.db
    }

    /// Listens to what the engine does.
    pub fn subscribe(&self) -> broadcast::Receiver<EngineEvent> {
        self.inner.events.subscribe()
    }

    fn emit(&self, e: EngineEvent) {
        // No listener is fine: headless runs may not subscribe.
        let _ = self.inner.events.send(e);
    }

    /// Loads the saved business profile and starts every enabled source.
    pub async fn start(&self) -> Result<(), StoreError> {
        let lessons = self.inner.db.read(|s| s.corrections()).await?;
        let mut taught = Personal::new();
        for c in &lessons {
            let a = crate::triage::text::analyse(&c.text);
            let lesson = lesson(c.correction, c.was.unwrap_or_default());
            taught.learn(&personal::features(&a, &c.author, &c.channel), &lesson);
        }
        *lock(&self.inner.personal) = Arc::new(taught);
        let business = self.inner.db.read(|s| s.business()).await?;
        self.install_profile(
            business.unwrap_or_else(|| lock(&self.inner.profile).business.clone()),
        );
        self.rerank_if_triage_changed();
        self.load_settings().await?;
        self.restart_sources().await?;
        self.resume_outbox().await?;
        self.start_ticker();
        Ok(())
    }

    /// Loads the saved alert policy, response targets and spike settings without starting
    /// anything (what `earshot report` needs).
    pub async fn load_settings(&self) -> Result<(), StoreError> {
        if let Some(p) = self
            .inner
            .db
            .read(|s| s.setting::<AlertPolicy>("alerts"))
            .await?
        {
            *lock(&self.inner.policy) = p;
        }
        self.load_queue_settings().await
    }

    /// Applies a configuration file: business, alert policy and sources (added or updated by
    /// name; sources not in the file are left alone).
    pub async fn apply_config(&self, config: &crate::config::Config) -> Result<(), StoreError> {
        let c = config.clone();
        let now = self.inner.clock.now();
        self.inner
            .db
            .write(move |s| {
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
        self.install_profile(config.business.clone());
        *lock(&self.inner.policy) = config.alerts.clone();
        *lock(&self.inner.spike_policy) = config.spike.clone();
        self.install_targets(config.targets.clone())
            .map_err(StoreError::Invalid)?;
        self.recompute_due().await
    }

    fn install_profile(&self, business: Business) {
        let rules = Rules {
            personal: lock(&self.inner.personal).clone(),
            ..Rules::for_business(&business)
        };
        *lock(&self.inner.profile) = Arc::new(Profile {
            matcher: Matcher::new(&business),
            rules,
            business,
        });
    }

    /// Records the owner's correction of one mention, learns from it, and re-ranks the mention
    /// and the newest open ones with what was learned. Returns the corrected mention.
    pub async fn correct(&self, id: i64, c: Correction) -> Result<Mention, StoreError> {
        let now = self.inner.clock.now();
        let m = self
            .inner
            .db
            .write(move |s| s.record_correction(id, &c, now))
            .await?;
        // `was`: what triage said before the owner's call.
        let lesson = lesson(c, m.triage.intent);
        {
            let a = crate::triage::text::analyse(&m.full_text());
            let feats = personal::features(&a, &m.author.handle, m.channel.as_str());
            let mut p = lock(&self.inner.personal);
            let mut next = (**p).clone();
            next.learn(&feats, &lesson);
            *p = Arc::new(next);
        }
        let business = lock(&self.inner.profile).business.clone();
        self.install_profile(business);
        let mut batch = self
            .inner
            .db
            .read(|s| s.recent_open(RERANK_AFTER_CORRECTION))
            .await?;
        if !batch.iter().any(|x| x.id == id) {
            batch.push(m);
        }
        self.rerank(batch).await?;
        self.emit_counts().await;
        self.mention(id).await
    }

    /// Re-triages mentions with the current rules; saves and announces those that changed.
    async fn rerank(&self, mentions: Vec<Mention>) -> Result<usize, StoreError> {
        let profile = lock(&self.inner.profile).clone();
        let now = self.inner.clock.now();
        let mut updated: HashMap<i64, Mention> = HashMap::new();
        let updates: Vec<(i64, crate::model::Triage, Option<i64>)> = mentions
            .into_iter()
            .map(|mut m| {
                let t = triage(&m, &profile.rules, now);
                m.triage = t.clone();
                let due = self.due_for(m.created_at, t.urgency);
                if m.work.first_response_at.is_none() {
                    m.work.due_at = Some(due);
                }
                let id = m.id;
                updated.insert(id, m);
                (id, t, Some(due))
            })
            .collect();
        let changed = self.inner.db.write(move |s| s.set_triage(&updates)).await?;
        for id in &changed {
            if let Some(m) = updated.remove(id) {
                self.emit(EngineEvent::MentionUpdated {
                    mention: Box::new(m),
                });
            }
        }
        Ok(changed.len())
    }

    /// When this build triages differently from the one that ranked the stored mentions,
    /// re-ranks all of them in the background, in chunks, newest state saved as it goes.
    fn rerank_if_triage_changed(&self) {
        let engine = self.clone();
        tokio::spawn(async move {
            let want = crate::triage::revision();
            let have = engine
                .inner
                .db
                .read(|s| s.setting::<String>("triage_revision"))
                .await
                .ok()
                .flatten();
            if have.as_deref() == Some(want.as_str()) {
                return;
            }
            let mut after = 0;
            let mut changed = 0;
            loop {
                let chunk = match engine
                    .inner
                    .db
                    .read(move |s| s.mentions_after(after, RERANK_CHUNK))
                    .await
                {
                    Ok(c) => c,
                    Err(e) => {
                        tracing::warn!(error = %e, "re-ranking stopped; it resumes at the next start");
                        return;
                    }
                };
                let Some(last) = chunk.last().map(|m| m.id) else {
                    break;
                };
                after = last;
                match engine.rerank(chunk).await {
                    Ok(n) => changed += n,
                    Err(e) => {
                        tracing::warn!(error = %e, "re-ranking stopped; it resumes at the next start");
                        return;
                    }
                }
            }
            let _ = engine
                .inner
                .db
                .write(move |s| s.set_setting("triage_revision", &want))
                .await;
            if changed > 0 {
                tracing::info!(changed, "re-ranked stored mentions with the new triage");
                engine.emit_counts().await;
            }
        });
    }

    /// The business profile, if set.
    pub async fn business(&self) -> Result<Option<Business>, StoreError> {
        self.inner.db.read(|s| s.business()).await
    }

    /// Saves the business profile and restarts the sources (their queries may depend on it).
    pub async fn set_business(&self, b: Business) -> Result<(), StoreError> {
        let saved = b.clone();
        self.inner.db.write(move |s| s.set_business(&saved)).await?;
        self.install_profile(b);
        self.restart_sources().await
    }

    /// The alert policy.
    pub fn alert_policy(&self) -> AlertPolicy {
        lock(&self.inner.policy).clone()
    }

    /// Pauses or resumes notifications (mentions keep arriving).
    pub fn set_alerts_paused(&self, paused: bool) {
        self.inner.paused.store(paused, Ordering::SeqCst);
    }

    /// Whether notifications are paused.
    pub fn alerts_paused(&self) -> bool {
        self.inner.paused.load(Ordering::SeqCst)
    }

    /// All sources with their health.
    pub async fn sources(&self) -> Result<Vec<Source>, StoreError> {
        self.inner.db.read(|s| s.sources()).await
    }

    /// Adds (or updates, by name) a source and starts it.
    pub async fn add_source(&self, spec: SourceSpec) -> Result<Source, StoreError> {
        let now = self.inner.clock.now();
        // Build the connector once up front so a bad address is refused here, not in the log.
        let business = lock(&self.inner.profile).business.clone();
        connector_for(&spec, &business, &self.context())
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let id = self
            .inner
            .db
            .write(move |s| s.upsert_source(&spec, now))
            .await?;
        let source = self.inner.db.read(move |s| s.source(id)).await?;
        self.stop_source(id);
        self.spawn_source(source.clone());
        Ok(source)
    }

    /// Stops and removes a source; the mentions it found stay.
    pub async fn remove_source(&self, id: i64) -> Result<(), StoreError> {
        self.stop_source(id);
        self.inner.db.write(move |s| s.remove_source(id)).await
    }

    /// Asks every source to poll now instead of waiting out its interval.
    pub fn poll_now(&self) {
        for r in lock(&self.inner.running).values() {
            r.poke.notify_one();
        }
    }

    /// Stops all sources.
    pub fn shutdown(&self) {
        if let Some(t) = lock(&self.inner.ticker).take() {
            let _ = t.send(true);
        }
        self.stop_sources();
    }

    fn stop_sources(&self) {
        for (_, r) in lock(&self.inner.running).drain() {
            let _ = r.stop.send(true);
        }
    }

    async fn restart_sources(&self) -> Result<(), StoreError> {
        self.stop_sources();
        for s in self.sources().await?.into_iter().filter(|s| s.enabled) {
            self.spawn_source(s);
        }
        Ok(())
    }

    fn stop_source(&self, id: i64) {
        if let Some(r) = lock(&self.inner.running).remove(&id) {
            let _ = r.stop.send(true);
        }
    }

    fn spawn_source(&self, source: Source) {
        let (stop, stop_rx) = watch::channel(false);
        let poke = Arc::new(Notify::new());
        lock(&self.inner.running).insert(
            source.id,
            Running {
                stop,
                poke: poke.clone(),
            },
        );
        let engine = self.clone();
        tokio::spawn(async move { engine.run_source(source, stop_rx, poke).await });
    }

    async fn run_source(&self, source: Source, mut stop: watch::Receiver<bool>, poke: Arc<Notify>) {
        let id = source.id;
        let interval = Duration::from_secs(u64::from(
            source
                .spec
                .interval_secs
                .unwrap_or(DEFAULT_INTERVAL_SECS)
                .max(1),
        ));
        let business = lock(&self.inner.profile).business.clone();
        let mut conn: Box<dyn Connector> =
            match connector_for(&source.spec, &business, &self.context()) {
                Ok(c) => c,
                Err(e) => {
                    let now = self.inner.clock.now();
                    self.set_health(
                        id,
                        Health::Error {
                            reason: e.to_string(),
                            at: now,
                            retry_at: now,
                        },
                    )
                    .await;
                    return;
                }
            };
        let mut cursor = source.cursor.clone();
        let mut failures: u32 = 0;
        let mut last_ok: Option<i64> = None;
        loop {
            let result = tokio::select! {
                r = conn.next_batch(cursor.as_deref()) => r,
                _ = stop.changed() => return,
            };
            let now = self.inner.clock.now();
            let wait = match result {
                Ok(batch) => {
                    let wait = batch.wait.unwrap_or(interval);
                    let limited = batch.limited.clone();
                    match self.ingest(&source, batch).await {
                        Ok(next) => {
                            failures = 0;
                            if next.is_some() {
                                cursor = next;
                            }
                            // Streams deliver many batches a minute: they say "ok" once a
                            // minute; a poll says it every time.
                            let streaming = wait.is_zero();
                            if !streaming || last_ok.is_none_or(|t| now - t >= 60) {
                                let health = match limited {
                                    Some(reason) => Health::Limited { reason, at: now },
                                    None => Health::Ok { at: now },
                                };
                                self.set_health(id, health).await;
                                last_ok = Some(now);
                            }
                            wait
                        }
                        Err(e) => {
                            failures += 1;
                            let d = backoff(failures, &mut rand::thread_rng());
                            let reason = format!("could not store: {e}");
                            self.set_health(
                                id,
                                Health::Error {
                                    reason,
                                    at: now,
                                    retry_at: now + d.as_secs() as i64,
                                },
                            )
                            .await;
                            d
                        }
                    }
                }
                Err(ChannelError::Unauthorized(why)) => {
                    // Retrying a refused login cannot help and looks like an attack to the
                    // network: wait for the owner to log in again (which restarts the source).
                    tracing::warn!(source = %source.spec.name, error = %why, "login refused");
                    self.set_health(
                        id,
                        Health::NeedsLogin {
                            reason: why,
                            at: now,
                        },
                    )
                    .await;
                    tokio::select! {
                        _ = poke.notified() => {}
                        _ = stop.changed() => return,
                    }
                    failures = 0;
                    last_ok = None;
                    continue;
                }
                Err(ChannelError::RateLimited { retry_after }) => {
                    failures += 1;
                    // Honour Retry-After, within reason: a server asking for a day is not obeyed
                    // for more than the backoff cap.
                    let d = retry_after
                        .map(|d| d.min(BACKOFF_CAP))
                        .unwrap_or_else(|| backoff(failures, &mut rand::thread_rng()));
                    self.set_health(
                        id,
                        Health::RateLimited {
                            until: now + d.as_secs() as i64,
                        },
                    )
                    .await;
                    d
                }
                Err(e) => {
                    failures += 1;
                    let d = backoff(failures, &mut rand::thread_rng());
                    tracing::warn!(source = %source.spec.name, error = %e, "source failed");
                    self.set_health(
                        id,
                        Health::Error {
                            reason: e.to_string(),
                            at: now,
                            retry_at: now + d.as_secs() as i64,
                        },
                    )
                    .await;
                    d
                }
            };
            if failures > 0 {
                last_ok = None;
            }
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = poke.notified() => {}
                _ = stop.changed() => return,
            }
        }
    }

    async fn set_health(&self, id: i64, health: Health) {
        let h = health.clone();
        if let Err(e) = self.inner.db.write(move |s| s.set_health(id, &h)).await {
            tracing::warn!(error = %e, "could not save source health");
        }
        self.emit(EngineEvent::SourceHealth {
            source_id: id,
            health,
        });
    }

    /// Matches, triages and stores one batch from `source`; returns the cursor that was saved.
    /// Public so benchmarks and tests can drive the real path without a network.
    pub async fn ingest(
        &self,
        source: &Source,
        batch: Batch,
    ) -> Result<Option<String>, StoreError> {
        let now = self.inner.clock.now();
        let profile = lock(&self.inner.profile).clone();
        let require_match = source.spec.require_match.unwrap_or(true);
        let clock = lock(&self.inner.clockwork).clone();
        let threshold = self.alert_policy().urgent_threshold;
        let keys: Vec<(crate::model::Channel, String)> = batch
            .mentions
            .iter()
            .map(|m| (m.channel, m.external_id.clone()))
            .collect();
        let priors = self
            .inner
            .db
            .read(move |s| {
                let refs: Vec<_> = keys.iter().map(|(c, id)| (*c, id.as_str())).collect();
                s.priors(&refs)
            })
            .await?;
        let mentions: Vec<Mention> = batch
            .mentions
            .into_iter()
            .zip(priors)
            .filter_map(|(mut m, prior)| {
                if m.fetched_at == 0 {
                    m.fetched_at = now;
                }
                m.engagement.velocity = velocity(&m, prior.as_ref(), now);
                if let Some(p) = prior {
                    m.owner = p.owner;
                }
                m.matched_terms = profile.matcher.matches(&format!(
                    "{}\n{}",
                    m.full_text(),
                    m.url.as_deref().unwrap_or("")
                ));
                // Posts addressed to the owner's account count even without a watch term.
                if require_match && m.matched_terms.is_empty() && !m.remote.to_owner {
                    return None;
                }
                m.source_id = Some(source.id);
                m.triage = triage(&m, &profile.rules, now);
                m.work.due_at = Some(clock.due(m.created_at, m.triage.urgency, threshold));
                Some(m)
            })
            .collect();
        let id = source.id;
        let cursor = batch.cursor.clone();
        let fresh = self
            .inner
            .db
            .write(move |s| s.store_batch(Some(id), &mentions, cursor.as_deref()))
            .await?;
        if !fresh.is_empty() {
            self.after_new(&fresh).await;
        }
        Ok(batch.cursor)
    }

    async fn after_new(&self, fresh: &[Mention]) {
        self.emit(EngineEvent::MentionsAdded {
            mentions: fresh.to_vec(),
        });
        self.emit_counts().await;
        let policy = self.alert_policy();
        let alerts = lock(&self.inner.alerter).decide(
            &policy,
            fresh,
            self.inner.clock.now(),
            (self.inner.local_hour)(),
            self.alerts_paused(),
        );
        self.notify_all(alerts).await;
    }

    /// Shows notifications off the async runtime (the OS call may block); a failure is logged.
    async fn notify_all(&self, alerts: Vec<crate::alerts::Alert>) {
        if alerts.is_empty() {
            return;
        }
        let notifier = self.inner.notifier.clone();
        let _ = tokio::task::spawn_blocking(move || {
            for a in &alerts {
                if let Err(e) = notifier.notify(a) {
                    tracing::warn!(error = %e, "notification failed");
                }
            }
        })
        .await;
    }

    async fn emit_counts(&self) {
        let t = self.alert_policy().urgent_threshold;
        if let Ok(counts) = self.inner.db.read(move |s| s.counts(t)).await {
            self.emit(EngineEvent::Counts { counts });
        }
    }

    /// Badge counts.
    pub async fn counts(&self) -> Result<Counts, StoreError> {
        let t = self.alert_policy().urgent_threshold;
        self.inner.db.read(move |s| s.counts(t)).await
    }

    /// One inbox page.
    pub async fn list(&self, q: MentionQuery) -> Result<MentionPage, StoreError> {
        self.inner.db.read(move |s| s.list(&q)).await
    }

    /// One mention.
    pub async fn mention(&self, id: i64) -> Result<Mention, StoreError> {
        self.inner.db.read(move |s| s.mention(id)).await
    }

    /// Sets a mention's status (snoozing needs a time: see [`Engine::apply`]).
    pub async fn set_status(&self, id: i64, status: Status) -> Result<Mention, StoreError> {
        self.apply(vec![id], crate::store::work::Action::Status { status })
            .await?
            .pop()
            .ok_or_else(|| StoreError::NotFound(format!("mention {id}")))
    }

    /// Marks a mention opened.
    pub async fn mark_read(&self, id: i64) -> Result<Mention, StoreError> {
        let m = self.inner.db.write(move |s| s.mark_read(id)).await?;
        self.emit(EngineEvent::MentionUpdated {
            mention: Box::new(m.clone()),
        });
        self.emit_counts().await;
        Ok(m)
    }
}

/// What a correction teaches; `was` is the intent triage had given.
fn lesson(c: Correction, was: crate::model::Intent) -> Lesson {
    match c {
        Correction::Urgent(u) => Lesson::Urgent(u),
        Correction::Intent(is) => Lesson::Intent { is, was },
    }
}

/// Replies and reposts per minute: since the last sighting when the post was seen before and its
/// counts moved, else averaged since it was posted.
fn velocity(m: &Mention, prior: Option<&Prior>, now: i64) -> Option<f64> {
    let e = &m.engagement;
    let interactions = |r: Option<i64>, p: Option<i64>| r.unwrap_or(0) + p.unwrap_or(0);
    let current = interactions(e.replies, e.reposts);
    if e.replies.is_none() && e.reposts.is_none() {
        return None;
    }
    if let Some(p) = prior {
        let before = interactions(p.replies, p.reposts);
        let minutes = (now - p.seen_at) as f64 / 60.0;
        if minutes >= 0.5 {
            return Some((current - before).max(0) as f64 / minutes);
        }
    }
    let minutes = ((now - m.created_at) as f64 / 60.0).max(1.0);
    (m.created_at > 0).then(|| current as f64 / minutes)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn backoff_grows_exponentially_with_jitter_and_a_cap() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for n in 1..=20 {
            let d = backoff(n, &mut rng);
            let full = BACKOFF_BASE
                .saturating_mul(1 << (n - 1).min(16))
                .min(BACKOFF_CAP);
            assert!(
                d >= full / 2 && d <= full,
                "try {n}: {d:?} within [{:?}, {full:?}]",
                full / 2
            );
        }
        assert!(backoff(30, &mut rng) <= BACKOFF_CAP);
    }
}
