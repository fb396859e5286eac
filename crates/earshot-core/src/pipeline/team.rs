//! Listening as one desktop of a team: a source's task runs only while this desktop holds the
//! source's lease ([`crate::team::lease`]). The [`Gate`] is what the scheduler asks before it
//! starts a source; [`listen`] keeps the leases and starts and stops tasks as they change hands.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use tokio::sync::{broadcast, mpsc};

use super::scheduler::Scheduler;
use crate::alerts::AlertDesk;
use crate::events::{EngineEvent, Events};
use crate::lock;
use crate::store::db::Db;
use crate::store::pg::PgStore;
use crate::team::fanout::{Heard, Listener, TeamEvent};
use crate::team::lease::{Change, Keeper, Timing};
use crate::team::TeamAddress;

/// The sources this desktop may listen to and those it holds.
#[derive(Default)]
pub struct Gate {
    wanted: Mutex<BTreeSet<i64>>,
    held: Mutex<BTreeSet<i64>>,
    keeper: Mutex<Option<Keeper>>,
}

fn source_of(key: &str) -> Option<i64> {
    key.strip_prefix("source:")?.parse().ok()
}

impl Gate {
    /// Whether this desktop holds the source now.
    pub fn holds(&self, id: i64) -> bool {
        lock(&self.held).contains(&id)
    }

    /// The sources whose tasks run here.
    pub fn held(&self) -> Vec<i64> {
        lock(&self.held).iter().copied().collect()
    }

    /// This desktop would listen to `ids` (the enabled sources it can reach); the keeper asks
    /// for their leases.
    pub fn want(&self, ids: impl IntoIterator<Item = i64>, replace: bool) {
        let keys = {
            let mut wanted = lock(&self.wanted);
            if replace {
                wanted.clear();
            }
            wanted.extend(ids);
            wanted.iter().map(|id| PgStore::lease_key(*id)).collect()
        };
        if let Some(k) = lock(&self.keeper).as_ref() {
            k.set_sources(keys);
        }
    }
}

/// What keeps this desktop listening as a member of the team; dropping it gives the sources
/// back (the other desktops take them at once).
pub struct Listening {
    _listener: Listener,
    /// Says what this desktop's person is doing (writing a reply) to the others.
    publisher: tokio_postgres::Client,
    member: i64,
    gate: Arc<Gate>,
    changes: broadcast::Sender<Change>,
    /// Subscribed before the first lease could be gained, for the first caller of `changes`.
    first: Mutex<Option<broadcast::Receiver<Change>>>,
    task: tokio::task::JoinHandle<()>,
    relay: tokio::task::JoinHandle<()>,
}

impl Listening {
    /// Each lease this desktop gains or loses: for the first caller, every one since listening
    /// began (leases are gained while `listen_as_team` is still waiting for the database's
    /// notifications, and none of those is missed); for later callers, from now on.
    pub fn changes(&self) -> broadcast::Receiver<Change> {
        lock(&self.first)
            .take()
            .unwrap_or_else(|| self.changes.subscribe())
    }

    /// The sources whose tasks run on this desktop.
    pub fn held(&self) -> Vec<i64> {
        self.gate.held()
    }

    /// Tells the others that `who` (this desktop's person) began or stopped writing a reply to
    /// `mention`.
    pub async fn composing(
        &self,
        mention: i64,
        open: bool,
        who: &str,
    ) -> Result<(), crate::team::TeamError> {
        let event = TeamEvent::Composing {
            mention,
            open,
            who: who.to_string(),
        };
        crate::team::fanout::publish(&self.publisher, self.member, &event).await
    }

    /// Releases every lease and waits until that is done.
    pub async fn stop(self) {
        let keeper = lock(&self.gate.keeper).take();
        if let Some(k) = keeper {
            k.stop().await;
        }
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        // The keeper's own drop releases what it holds; the task ends with its channel.
        drop(lock(&self.gate.keeper).take());
        self.task.abort();
        self.relay.abort();
    }
}

/// Starts listening as `member`: leases for the enabled sources in `db`, a source's task started
/// when its lease is gained and stopped when it is lost.
/// The engine's stages a listening desktop drives.
pub(crate) struct Stages {
    pub(crate) db: Db,
    pub(crate) scheduler: Arc<Scheduler>,
    pub(crate) events: Events,
    pub(crate) alerts: Arc<AlertDesk>,
}

pub(crate) async fn listen(
    address: TeamAddress,
    member: i64,
    gate: Arc<Gate>,
    timing: Timing,
    stages: Stages,
) -> Result<Listening, crate::store::StoreError> {
    let Stages {
        db,
        scheduler,
        events,
        alerts,
    } = stages;
    let db2 = db.clone();
    if lock(&gate.keeper).is_some() {
        return Err(crate::store::StoreError::Invalid(
            "this desktop already listens as a member of the team".into(),
        ));
    }
    let publisher = address.connect().await.map_err(|e| match e {
        crate::team::TeamError::Db(e) => crate::store::StoreError::Invalid(e.to_string()),
        other => crate::store::StoreError::Invalid(other.to_string()),
    })?;
    // Reminders of a mention assigned to someone go to them: this desktop's person, by name.
    let me = publisher
        .query_opt("SELECT name FROM team_members WHERE id = $1", &[&member])
        .await
        .ok()
        .flatten()
        .map(|r| r.get::<_, String>(0));
    alerts.set_member(me);
    let listener = Listener::start(address.clone());
    let sources = db.read(|s| s.sources()).await?;
    // The enabled sources this desktop can hear (a logged-in one only where its login is).
    let mut enabled = Vec::new();
    for s in sources.iter().filter(|s| s.enabled) {
        if scheduler.can_listen(&s.spec).await {
            enabled.push(s.id);
        }
    }
    gate.want(enabled, true);
    let keys: Vec<String> = lock(&gate.wanted)
        .iter()
        .map(|id| PgStore::lease_key(*id))
        .collect();
    let (tx, mut rx) = mpsc::unbounded_channel();
    let keeper = Keeper::start(address, member, keys, timing, listener.subscribe(), tx);
    *lock(&gate.keeper) = Some(keeper);
    let (changes, first) = broadcast::channel(256);
    let (g, out) = (gate.clone(), changes.clone());
    let task = tokio::spawn(async move {
        while let Some(change) = rx.recv().await {
            match &change {
                Change::Gained(lease) => {
                    if let Some(id) = source_of(&lease.source) {
                        lock(&g.held).insert(id);
                        match db.read(move |s| s.source(id)).await {
                            Ok(source) if source.enabled => {
                                scheduler.stop(id);
                                scheduler.start(source);
                            }
                            Ok(_) => {}
                            Err(e) => tracing::warn!(error = %e, id, "a leased source is gone"),
                        }
                    }
                }
                Change::Lost(key) => {
                    if let Some(id) = source_of(key) {
                        lock(&g.held).remove(&id);
                        scheduler.stop(id);
                    }
                }
            }
            let _ = out.send(change);
        }
    });
    let relay = tokio::spawn(relay(listener.subscribe(), member, db2, events, alerts));
    // Live from the moment this returns: what the others write from now on is heard (a server
    // slow to answer is not waited on for long; the listener goes on connecting).
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), listener.listening()).await;
    Ok(Listening {
        _listener: listener,
        publisher,
        member,
        gate,
        changes,
        first: Mutex::new(Some(first)),
        task,
        relay,
    })
}

/// The others' changes, heard from the database, told to this desktop as its own engine events:
/// new mentions as `MentionsAdded` (and notified here too, by this desktop's alert policy and
/// quiet hours: everyone on duty hears of an urgent mention, whichever desktop stored it),
/// changed ones as `MentionUpdated`, each followed by the badge counts; after a lost connection
/// (what was said meanwhile is gone) one `Reranked`, on which views reload.
async fn relay(
    mut heard: broadcast::Receiver<Heard>,
    me: i64,
    db: Db,
    events: Events,
    alerts: Arc<AlertDesk>,
) {
    loop {
        let ids = match heard.recv().await {
            Ok(Heard::Event(e)) if e.from != me => match e.event {
                TeamEvent::MentionsStored { ids } => Ok(ids),
                TeamEvent::MentionsChanged { ids } => Err(ids),
                TeamEvent::MentionChanged { id } => Err(vec![id]),
                TeamEvent::Composing { mention, open, who } => {
                    events.emit(EngineEvent::Composing {
                        mention_id: mention,
                        who,
                        open,
                    });
                    continue;
                }
                TeamEvent::LeaseFreed { .. } => continue,
            },
            Ok(Heard::Event(_)) => continue,
            Ok(Heard::Resync) | Err(broadcast::error::RecvError::Lagged(_)) => {
                events.emit(EngineEvent::Reranked { changed: 0 });
                continue;
            }
            Err(broadcast::error::RecvError::Closed) => return,
        };
        let (new, list) = match ids {
            Ok(l) => (true, l),
            Err(l) => (false, l),
        };
        // A mention deleted since is left out.
        let found = db
            .read(move |s| Ok(list.iter().filter_map(|id| s.mention(*id).ok()).collect()))
            .await;
        let mentions: Vec<crate::model::Mention> = match found {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!(error = %e, "cannot read the team's changed mentions");
                events.emit(EngineEvent::Reranked { changed: 0 });
                continue;
            }
        };
        if mentions.is_empty() {
            continue;
        }
        if new {
            events.emit(EngineEvent::MentionsAdded {
                mentions: mentions.clone(),
            });
        } else {
            for m in &mentions {
                events.emit(EngineEvent::MentionUpdated {
                    mention: Box::new(m.clone()),
                });
            }
        }
        events.counts(&db, alerts.urgent_threshold()).await;
        if new {
            alerts.new_mentions(&mentions).await;
        }
    }
}
