//! The pipeline: source → normalise → match → triage → store → alert, one scheduler task per
//! source, and the [`Engine`] handle the CLI and the desktop shell drive it through.
//!
//! Each source task calls its [`Connector`], then [`Engine`] matches and triages the batch, stores
//! it with the source's new cursor in one transaction, publishes [`EngineEvent`]s and hands new
//! mentions to the [`Alerter`]. Errors put the source into an error state with exponential backoff
//! and jitter (Retry-After honoured on 429/503); the other sources keep running and nothing
//! already stored is touched.

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
use crate::db::Db;
use crate::matcher::Matcher;
use crate::model::{Business, Health, Mention, Source, SourceSpec, Status};
use crate::store::{Counts, MentionPage, MentionQuery, StoreError};
use crate::triage::{triage, Rules};

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
    notifier: Arc<dyn Notifier>,
    events: broadcast::Sender<EngineEvent>,
    profile: Mutex<Arc<Profile>>,
    policy: Mutex<AlertPolicy>,
    alerter: Mutex<Alerter>,
    paused: AtomicBool,
    running: Mutex<HashMap<i64, Running>>,
    local_hour: Box<dyn Fn() -> u8 + Send + Sync>,
}

/// The running engine. Cheap to clone; all clones drive the same engine.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<Inner>,
}

impl Engine {
    /// An engine over `db` that alerts through `notifier`. Sources start with [`Engine::start`].
    pub fn new(db: Db, notifier: Arc<dyn Notifier>, clock: Clock) -> Engine {
        let (events, _) = broadcast::channel(1024);
        let business = Business::default();
        Engine {
            inner: Arc::new(Inner {
                db,
                clock,
                http: http_client(),
                notifier,
                events,
                profile: Mutex::new(Arc::new(Profile {
                    matcher: Matcher::new(&business),
                    rules: Rules::for_business(&business),
                    business,
                })),
                policy: Mutex::new(AlertPolicy::default()),
                alerter: Mutex::new(Alerter::default()),
                paused: AtomicBool::new(false),
                running: Mutex::new(HashMap::new()),
                local_hour: Box::new(|| {
                    use chrono::Timelike;
                    chrono::Local::now().hour() as u8
                }),
            }),
        }
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
        if let Some(b) = self.inner.db.read(|s| s.business()).await? {
            self.install_profile(b);
        }
        if let Some(p) = self
            .inner
            .db
            .read(|s| s.setting::<AlertPolicy>("alerts"))
            .await?
        {
            *lock(&self.inner.policy) = p;
        }
        self.restart_sources().await
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
                for spec in &c.sources {
                    s.upsert_source(spec, now)?;
                }
                Ok(())
            })
            .await?;
        self.install_profile(config.business.clone());
        *lock(&self.inner.policy) = config.alerts.clone();
        Ok(())
    }

    fn install_profile(&self, business: Business) {
        *lock(&self.inner.profile) = Arc::new(Profile {
            matcher: Matcher::new(&business),
            rules: Rules::for_business(&business),
            business,
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
        let business = lock(&self.inner.profile).business.name.clone();
        connector_for(
            &spec,
            &business,
            self.inner.http.clone(),
            self.inner.clock.clone(),
        )
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
        for (_, r) in lock(&self.inner.running).drain() {
            let _ = r.stop.send(true);
        }
    }

    async fn restart_sources(&self) -> Result<(), StoreError> {
        self.shutdown();
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
        let business = lock(&self.inner.profile).business.name.clone();
        let mut conn: Box<dyn Connector> = match connector_for(
            &source.spec,
            &business,
            self.inner.http.clone(),
            self.inner.clock.clone(),
        ) {
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
        loop {
            let result = tokio::select! {
                r = conn.next_batch(cursor.as_deref()) => r,
                _ = stop.changed() => return,
            };
            let now = self.inner.clock.now();
            let wait = match result {
                Ok(batch) => {
                    let wait = batch.wait.unwrap_or(interval);
                    match self.ingest(&source, batch).await {
                        Ok(next) => {
                            failures = 0;
                            if next.is_some() {
                                cursor = next;
                            }
                            self.set_health(id, Health::Ok { at: now }).await;
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
                Err(ChannelError::RateLimited { retry_after }) => {
                    failures += 1;
                    let d =
                        retry_after.unwrap_or_else(|| backoff(failures, &mut rand::thread_rng()));
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
        let mentions: Vec<Mention> = batch
            .mentions
            .into_iter()
            .filter_map(|mut m| {
                m.matched_terms = profile.matcher.matches(&format!(
                    "{}\n{}",
                    m.full_text(),
                    m.url.as_deref().unwrap_or("")
                ));
                if require_match && m.matched_terms.is_empty() {
                    return None;
                }
                m.source_id = Some(source.id);
                m.triage = triage(&m, &profile.rules, now);
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

    /// Sets a mention's status.
    pub async fn set_status(&self, id: i64, status: Status) -> Result<Mention, StoreError> {
        let m = self
            .inner
            .db
            .write(move |s| s.set_status(id, status))
            .await?;
        self.emit(EngineEvent::MentionUpdated {
            mention: Box::new(m.clone()),
        });
        self.emit_counts().await;
        Ok(m)
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
