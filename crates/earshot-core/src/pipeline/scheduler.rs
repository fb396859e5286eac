//! The scheduler: one task per source. Each calls its [`Connector`], hands the batch to
//! [`Ingest`], and waits — the source's interval for a poll, nothing for a stream (which returns
//! as soon as something matched). Errors put the source into an error state with exponential
//! backoff and jitter (Retry-After honoured on 429/503); a refused login waits for the owner;
//! the other sources keep running and nothing already stored is touched.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::Rng;
use tokio::sync::{watch, Notify};

use super::ingest::Ingest;
use super::quiet::Quiet;
use super::Triager;
use crate::channels::{connector_for, ChannelError, Connector, Context};
use crate::clock::Clock;
use crate::events::{EngineEvent, Events};
use crate::lock;
use crate::model::{Health, Source};
use crate::store::db::Db;
use crate::store::StoreError;

/// Default seconds between polls.
pub const DEFAULT_INTERVAL_SECS: u32 = 120;
/// First retry after an error.
const BACKOFF_BASE: Duration = Duration::from_secs(5);
/// Longest wait between retries.
const BACKOFF_CAP: Duration = Duration::from_secs(15 * 60);

/// Backoff before retry number `failures` (1-based): exponential, capped, with full jitter over
/// the upper half so many sources failing together do not retry in lockstep.
pub fn backoff(failures: u32, rng: &mut impl Rng) -> Duration {
    let exp = BACKOFF_BASE.saturating_mul(1u32 << failures.saturating_sub(1).min(16));
    let d = exp.min(BACKOFF_CAP);
    let ms = d.as_millis() as u64;
    Duration::from_millis(rng.gen_range(ms / 2..=ms.max(1)))
}

struct Running {
    stop: watch::Sender<bool>,
    poke: Arc<Notify>,
}

/// The scheduler stage.
pub struct Scheduler {
    db: Db,
    clock: Clock,
    events: Events,
    ctx: Context,
    triager: Arc<Triager>,
    ingest: Arc<Ingest>,
    running: Mutex<HashMap<i64, Running>>,
    /// Each source's latest health, saved or not (see `report_health`).
    health: Mutex<HashMap<i64, Health>>,
    /// On a team's database: only sources whose lease this desktop holds run here.
    gate: std::sync::OnceLock<Arc<super::team::Gate>>,
}

/// How often a source whose health says the same thing has it saved again: its time moves on
/// in what the owner sees at every poll, and in the database this often.
const HEALTH_SAVE_EVERY: i64 = 10 * 60;

/// Whether two healths say the same, whatever their times.
fn same_news(a: &Health, b: &Health) -> bool {
    match (a, b) {
        (
            Health::Ok {
                detail: x,
                warning: v,
                ..
            },
            Health::Ok {
                detail: y,
                warning: w,
                ..
            },
        ) => x == y && v == w,
        (Health::Limited { reason: x, .. }, Health::Limited { reason: y, .. }) => x == y,
        _ => false,
    }
}

impl Scheduler {
    /// The scheduler over these parts; sources start with [`Scheduler::start`].
    pub fn new(
        db: Db,
        clock: Clock,
        events: Events,
        ctx: Context,
        triager: Arc<Triager>,
        ingest: Arc<Ingest>,
    ) -> Scheduler {
        let db_is_team = db.is_team();
        Scheduler {
            db,
            clock,
            events,
            ctx,
            triager,
            ingest,
            running: Mutex::new(HashMap::new()),
            health: Mutex::new(HashMap::new()),
            // On a team's database nothing runs here until its lease is held (`pipeline::team`).
            gate: if db_is_team {
                std::sync::OnceLock::from(Arc::new(super::team::Gate::default()))
            } else {
                std::sync::OnceLock::new()
            },
        }
    }

    /// Puts each running source's latest health on `sources` (the database's may be a few
    /// minutes behind for a source whose news has not changed).
    pub fn latest_health(&self, sources: &mut [Source]) {
        let health = lock(&self.health);
        for s in sources {
            if let Some(h) = health.get(&s.id) {
                s.health = h.clone();
            }
        }
    }

    /// Asks every source to poll now instead of waiting out its interval.
    pub fn poll_now(&self) {
        for r in lock(&self.running).values() {
            r.poke.notify_one();
        }
    }

    /// Stops every source.
    pub fn stop_all(&self) {
        for (_, r) in lock(&self.running).drain() {
            let _ = r.stop.send(true);
        }
    }

    /// Stops every source and starts the enabled ones again (their settings or the business
    /// changed). On a team's database, only those this desktop holds start.
    pub async fn restart_all(self: &Arc<Self>) -> Result<(), StoreError> {
        self.stop_all();
        let sources = self.db.read(|s| s.sources()).await?;
        let mut enabled: Vec<Source> = sources.into_iter().filter(|s| s.enabled).collect();
        if let Some(gate) = self.gate.get() {
            // A source logged in on another desktop is left to the desktops that have its
            // login: this one would only hold it without hearing anything.
            let mut here = Vec::with_capacity(enabled.len());
            for s in enabled {
                if self.can_listen(&s.spec).await {
                    here.push(s);
                }
            }
            enabled = here;
            gate.want(enabled.iter().map(|s| s.id), true);
        }
        for s in enabled {
            self.start(s);
        }
        Ok(())
    }

    /// Whether this desktop can listen for a source: one without a login can be heard from
    /// anywhere; a logged-in one only where its login is in the keychain.
    pub async fn can_listen(&self, spec: &crate::model::SourceSpec) -> bool {
        match &spec.account {
            None => true,
            Some(account) => matches!(
                self.ctx
                    .secrets
                    .get(&crate::secrets::key_for(spec.kind, account))
                    .await,
                Ok(Some(_))
            ),
        }
    }

    /// What decides which sources run here on a team's database (none on a file of one's own).
    pub fn gate(&self) -> Option<Arc<super::team::Gate>> {
        self.gate.get().cloned()
    }

    /// Stops one source.
    pub fn stop(&self, id: i64) {
        if let Some(r) = lock(&self.running).remove(&id) {
            let _ = r.stop.send(true);
        }
    }

    /// Starts a task for a source (on a team's database, once this desktop holds its lease).
    pub fn start(self: &Arc<Self>, source: Source) {
        if let Some(gate) = self.gate.get() {
            gate.want([source.id], false);
            if !gate.holds(source.id) {
                return;
            }
        }
        let (stop, stop_rx) = watch::channel(false);
        let poke = Arc::new(Notify::new());
        lock(&self.running).insert(
            source.id,
            Running {
                stop,
                poke: poke.clone(),
            },
        );
        let me = self.clone();
        tokio::spawn(async move { me.run(source, stop_rx, poke).await });
    }

    async fn run(&self, source: Source, mut stop: watch::Receiver<bool>, poke: Arc<Notify>) {
        let id = source.id;
        let interval = Duration::from_secs(u64::from(
            source
                .spec
                .interval_secs
                .unwrap_or(DEFAULT_INTERVAL_SECS)
                .max(1),
        ));
        let business = self.triager.business();
        let mut conn: Box<dyn Connector> = match connector_for(&source.spec, &business, &self.ctx) {
            Ok(c) => c,
            Err(e) => {
                let now = self.clock.now();
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
        let mut quiet = Quiet::default();
        let mut failures: u32 = 0;
        let mut last_ok: Option<i64> = None;
        // The last "ok" (or "limited") saved, and when.
        let mut saved: Option<(i64, Health)> = None;
        loop {
            let result = tokio::select! {
                r = conn.next_batch(cursor.as_deref()) => r,
                _ = stop.changed() => return,
            };
            let now = self.clock.now();
            let wait = match result {
                Ok(batch) => {
                    let limited = batch.limited.clone();
                    let warning = batch.warning.clone().or_else(|| quiet.warning(now));
                    quiet.saw(batch.mentions.len(), now);
                    // A poll's pace is stretched while the source finds nothing (a stream's
                    // zero wait and a connector's own wait, such as a rate limit's, are kept).
                    let (wait, pace) = match batch.wait {
                        None => quiet.pace(interval, now),
                        Some(w) if batch.polled && !w.is_zero() => quiet.pace(w, now),
                        Some(w) => (w, None),
                    };
                    let detail = match (batch.detail.clone(), pace) {
                        (Some(d), Some(p)) => Some(format!("{d} · {p}")),
                        (d, p) => d.or(p),
                    };
                    // A poll that found nothing new, its cursor where it was, has nothing to
                    // store: the database is not woken for it (a quiet source polls all day).
                    let nothing = batch.mentions.is_empty()
                        && (batch.cursor.is_none() || batch.cursor == cursor);
                    let stored = if nothing {
                        Ok(batch.cursor)
                    } else {
                        self.ingest.batch(&source, batch).await
                    };
                    match stored {
                        Ok(next) => {
                            failures = 0;
                            if next.is_some() {
                                cursor = next;
                            }
                            // Streams deliver many batches a minute: they say "ok" once a
                            // minute, or at once when they stop or start being limited (a
                            // keychain back); a poll says it every time.
                            let streaming = wait.is_zero();
                            let health = match limited {
                                Some(reason) => Health::Limited { reason, at: now },
                                None => Health::Ok {
                                    at: now,
                                    detail,
                                    warning,
                                },
                            };
                            // (Not a stream's detail, which counts its traffic.)
                            let changed = saved.as_ref().is_some_and(|(_, h)| {
                                matches!(h, Health::Limited { .. })
                                    != matches!(health, Health::Limited { .. })
                            });
                            if !streaming || changed || last_ok.is_none_or(|t| now - t >= 60) {
                                // A quiet source polled every 30 s would write the same news
                                // every 30 s: it is saved when it changes, and every ten minutes.
                                let save = saved.as_ref().is_none_or(|(at, h)| {
                                    now - at >= HEALTH_SAVE_EVERY || !same_news(h, &health)
                                });
                                if save {
                                    saved = Some((now, health.clone()));
                                }
                                self.report_health(id, health, save).await;
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
                saved = None;
            }
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = poke.notified() => {}
                _ = stop.changed() => return,
            }
        }
    }

    async fn set_health(&self, id: i64, health: Health) {
        self.report_health(id, health, true).await
    }

    /// Tells the owner a source's health, and saves it when `save`.
    async fn report_health(&self, id: i64, health: Health, save: bool) {
        lock(&self.health).insert(id, health.clone());
        let h = health.clone();
        if save {
            if let Err(e) = self.db.write(move |s| s.set_health(id, &h)).await {
                tracing::warn!(error = %e, "could not save source health");
            }
        }
        self.events.emit(EngineEvent::SourceHealth {
            source_id: id,
            health,
        });
    }
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
