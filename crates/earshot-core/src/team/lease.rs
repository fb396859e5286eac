//! Which desktop listens for which source: each source is polled once for the whole team.
//!
//! A lease is a row in `source_leases`, timed by the database's clock (desktops' clocks may
//! disagree). Its holder renews it every [`RENEW_EVERY`]; it lasts [`LEASE_TTL`]. A desktop that
//! quits releases its leases and says so ([`TeamEvent::LeaseFreed`]), so another takes them at
//! once; one that is killed, loses its network or sleeps stops renewing, and another takes the
//! source when the lease runs out: within `LEASE_TTL + RENEW_EVERY` (20 s). Each change of
//! holder adds one to the lease's epoch, and [`holds`] — checked in the transaction that stores a
//! batch with its cursor — fences out a desktop that has not noticed it lost the lease.
//!
//! A [`Keeper`] does this for one desktop over the sources it can listen to (those it has a login
//! for: a source logged in on two desktops fails over between them) and reports each change.

use std::collections::BTreeMap;
use std::time::Duration;

use tokio::sync::{broadcast, mpsc, watch};
use tokio_postgres::GenericClient;

use super::fanout::{self, Heard, TeamEvent};
use super::{Result, TeamAddress};

/// How long a lease lasts without renewal.
pub const LEASE_TTL: Duration = Duration::from_secs(15);
/// How often a holder renews (and others try to take what has run out).
pub const RENEW_EVERY: Duration = Duration::from_secs(5);

/// A lease this desktop holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    /// The source's key.
    pub source: String,
    /// Which holding this is: it grows by one each time the source changes hands.
    pub epoch: i64,
}

/// Who listens for a source, for Settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Listener {
    /// The source's key.
    pub source: String,
    /// The member's id.
    pub member: i64,
    /// The member's name.
    pub name: String,
    /// Seconds until the lease runs out unless renewed (negative: it has run out).
    pub expires_in: f64,
}

/// Takes or renews the lease on `source` for `member`; `None` while another member holds it.
pub async fn claim(
    db: &impl GenericClient,
    source: &str,
    member: i64,
    ttl: Duration,
) -> Result<Option<Lease>> {
    let row = db
        .query_opt(
            "INSERT INTO source_leases (source, holder, expires_at) \
             VALUES ($1, $2, now() + make_interval(secs => $3)) \
             ON CONFLICT (source) DO UPDATE SET \
               expires_at = EXCLUDED.expires_at, \
               holder = EXCLUDED.holder, \
               epoch = CASE WHEN source_leases.holder = EXCLUDED.holder \
                       THEN source_leases.epoch ELSE source_leases.epoch + 1 END, \
               taken_at = CASE WHEN source_leases.holder = EXCLUDED.holder \
                       THEN source_leases.taken_at ELSE now() END \
             WHERE source_leases.holder = EXCLUDED.holder OR source_leases.expires_at < now() \
             RETURNING epoch",
            &[&source, &member, &ttl.as_secs_f64()],
        )
        .await?;
    Ok(row.map(|r| Lease {
        source: source.to_string(),
        epoch: r.get(0),
    }))
}

/// Gives the lease up and tells the other desktops, in one statement. `false` if it was no
/// longer held.
pub async fn release(db: &impl GenericClient, lease: &Lease, member: i64) -> Result<bool> {
    let payload = fanout::payloads(
        member,
        &TeamEvent::LeaseFreed {
            source: lease.source.clone(),
        },
    )
    .remove(0);
    let n = db
        .execute(
            "WITH gone AS (DELETE FROM source_leases \
               WHERE source = $1 AND holder = $2 AND epoch = $3 RETURNING source) \
             SELECT pg_notify($4, $5) FROM gone",
            &[
                &lease.source,
                &member,
                &lease.epoch,
                &fanout::CHANNEL,
                &payload,
            ],
        )
        .await?;
    Ok(n > 0)
}

/// Whether `member` still holds `lease` (same epoch, not run out). Called inside the transaction
/// that stores a batch and its cursor; the row is locked until that transaction ends, so the
/// lease cannot change hands in between.
pub async fn holds(db: &impl GenericClient, lease: &Lease, member: i64) -> Result<bool> {
    Ok(db
        .query_opt(
            "SELECT 1 FROM source_leases WHERE source = $1 AND holder = $2 AND epoch = $3 \
             AND expires_at > now() FOR SHARE",
            &[&lease.source, &member, &lease.epoch],
        )
        .await?
        .is_some())
}

/// Who listens for each source, by source.
pub async fn listeners(db: &impl GenericClient) -> Result<Vec<Listener>> {
    Ok(db
        .query(
            "SELECT l.source, l.holder, m.name, \
               extract(epoch FROM l.expires_at - now())::float8 \
             FROM source_leases l JOIN team_members m ON m.id = l.holder ORDER BY l.source",
            &[],
        )
        .await?
        .into_iter()
        .map(|r| Listener {
            source: r.get(0),
            member: r.get(1),
            name: r.get(2),
            expires_in: r.get(3),
        })
        .collect())
}

/// A change in what this desktop listens for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Start listening for this source (resuming from its stored cursor).
    Gained(Lease),
    /// Stop listening for this source: another desktop has it, or the database cannot be
    /// reached to renew it.
    Lost(String),
}

/// Timings of a [`Keeper`] (the defaults are [`LEASE_TTL`] and [`RENEW_EVERY`]).
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// How long a lease lasts.
    pub ttl: Duration,
    /// How often it is renewed.
    pub renew: Duration,
}

impl Default for Timing {
    fn default() -> Timing {
        Timing {
            ttl: LEASE_TTL,
            renew: RENEW_EVERY,
        }
    }
}

/// Keeps the leases of one desktop over the sources it can listen to. Dropping it (or
/// [`Keeper::stop`]) releases what it holds.
pub struct Keeper {
    sources: watch::Sender<Vec<String>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Keeper {
    /// Starts keeping leases for `member` over `sources`; changes go to `changes`. `heard` (from
    /// the team's [`fanout::Listener`]) lets it take a released source at once.
    pub fn start(
        address: TeamAddress,
        member: i64,
        sources: Vec<String>,
        timing: Timing,
        heard: broadcast::Receiver<Heard>,
        changes: mpsc::UnboundedSender<Change>,
    ) -> Keeper {
        let (set, wanted) = watch::channel(sources);
        let (stop, stopped) = tokio::sync::oneshot::channel();
        let task = tokio::spawn(keep(
            address, member, wanted, timing, heard, changes, stopped,
        ));
        Keeper {
            sources: set,
            stop: Some(stop),
            task: Some(task),
        }
    }

    /// The sources this desktop can listen to changed.
    pub fn set_sources(&self, sources: Vec<String>) {
        let _ = self.sources.send(sources);
    }

    /// Releases every lease held and waits until that is done.
    pub async fn stop(mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.task.take() {
            let _ = t.await;
        }
    }
}

impl Drop for Keeper {
    fn drop(&mut self) {
        // Without `stop`, the task still releases what it holds on its own.
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

async fn keep(
    address: TeamAddress,
    member: i64,
    mut wanted: watch::Receiver<Vec<String>>,
    timing: Timing,
    mut heard: broadcast::Receiver<Heard>,
    changes: mpsc::UnboundedSender<Change>,
    mut stopped: tokio::sync::oneshot::Receiver<()>,
) {
    let mut held: BTreeMap<String, Lease> = BTreeMap::new();
    let mut client = None;
    let mut tick = tokio::time::interval(timing.renew);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            biased;
            _ = &mut stopped => break,
            _ = tick.tick() => {}
            _ = wanted.changed() => {}
            h = heard.recv() => match h {
                Ok(Heard::Event(e)) if matches!(e.event, TeamEvent::LeaseFreed { .. }) => {}
                Ok(_) => continue,
                Err(broadcast::error::RecvError::Lagged(_)) => {}
                // No listener any more: the tick alone takes freed sources.
                Err(broadcast::error::RecvError::Closed) => {
                    heard = broadcast::channel(1).1;
                    continue;
                }
            },
        }
        if client
            .as_ref()
            .is_none_or(|c: &tokio_postgres::Client| c.is_closed())
        {
            client = address.connect().await.ok();
        }
        let sources = wanted.borrow().clone();
        let Some(db) = client.as_ref() else {
            lose_all(&mut held, &changes);
            continue;
        };
        for source in &sources {
            match claim(db, source, member, timing.ttl).await {
                Ok(Some(lease)) => {
                    if held.get(source) != Some(&lease) {
                        held.insert(source.clone(), lease.clone());
                        let _ = changes.send(Change::Gained(lease));
                    }
                }
                Ok(None) => {
                    if held.remove(source).is_some() {
                        let _ = changes.send(Change::Lost(source.clone()));
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, "cannot renew the team's source leases");
                    lose_all(&mut held, &changes);
                    break;
                }
            }
        }
        // Sources this desktop no longer listens to are handed back.
        let dropped: Vec<Lease> = held
            .iter()
            .filter(|(s, _)| !sources.contains(s))
            .map(|(_, l)| l.clone())
            .collect();
        for lease in dropped {
            held.remove(&lease.source);
            let _ = changes.send(Change::Lost(lease.source.clone()));
            let _ = release(db, &lease, member).await;
        }
    }
    if let Some(db) = client.as_ref() {
        for lease in held.values() {
            let _ = release(db, lease, member).await;
        }
    }
    for (source, _) in std::mem::take(&mut held) {
        let _ = changes.send(Change::Lost(source));
    }
}

fn lose_all(held: &mut BTreeMap<String, Lease>, changes: &mpsc::UnboundedSender<Change>) {
    for (source, _) in std::mem::take(held) {
        let _ = changes.send(Change::Lost(source));
    }
}
