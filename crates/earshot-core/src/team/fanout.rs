//! Telling the other desktops what changed, with PostgreSQL's LISTEN/NOTIFY: no desktop polls the
//! database in a loop.
//!
//! [`publish`] is called in the transaction that made the change, so the others hear of it when,
//! and only if, it commits. A [`Listener`] holds one connection that listens; when that
//! connection is lost it reconnects (1 s, doubling to 30 s) and says [`Heard::Resync`], because
//! what was said while it was away is not replayed: the UI reloads what it shows.

use std::time::Duration;

use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use tokio::sync::{broadcast, watch};
use tokio_postgres::{AsyncMessage, GenericClient};

use super::{Result, TeamAddress};

/// The channel every desktop of a team listens on.
pub const CHANNEL: &str = "earshot_team";

/// PostgreSQL refuses a payload of 8000 bytes or more; a list of ids is sent in parts this long.
const IDS_PER_NOTICE: usize = 400;

/// What one desktop tells the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TeamEvent {
    /// New mentions were stored.
    MentionsStored {
        /// Their ids.
        ids: Vec<i64>,
    },
    /// The owner's side of a mention changed: status, assignee, a note, a reply.
    MentionChanged {
        /// The mention.
        id: i64,
    },
    /// Mentions changed (announced by the database itself, for whatever wrote them: status,
    /// triage, tags, notes, replies).
    MentionsChanged {
        /// Their ids.
        ids: Vec<i64>,
    },
    /// Someone opened (or closed) the composer on a mention.
    Composing {
        /// The mention.
        mention: i64,
        /// Whether the composer is open.
        open: bool,
        /// The writer's name, as the others show it.
        #[serde(default)]
        who: String,
    },
    /// A desktop stopped listening for a source: another may take it now.
    LeaseFreed {
        /// The source's key.
        source: String,
    },
}

/// An event with the member who sent it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// The sending member's id.
    pub from: i64,
    /// What happened.
    #[serde(flatten)]
    pub event: TeamEvent,
}

/// What a [`Listener`] passes on.
#[derive(Debug, Clone, PartialEq)]
pub enum Heard {
    /// An event from a desktop (this one's own included).
    Event(Envelope),
    /// The listening connection was lost and is back: events may have been missed.
    Resync,
}

/// The notification payloads for `event`: one, or a list of ids in parts.
pub fn payloads(from: i64, event: &TeamEvent) -> Vec<String> {
    let one = |event: TeamEvent| serde_json::to_string(&Envelope { from, event });
    let made = match event {
        TeamEvent::MentionsStored { ids } if ids.len() > IDS_PER_NOTICE => ids
            .chunks(IDS_PER_NOTICE)
            .map(|part| one(TeamEvent::MentionsStored { ids: part.to_vec() }))
            .collect(),
        e => vec![one(e.clone())],
    };
    // An enum of numbers and strings always serialises.
    made.into_iter().flatten().collect()
}

/// Announces `event` from member `from`, inside the caller's transaction when there is one.
pub async fn publish(db: &impl GenericClient, from: i64, event: &TeamEvent) -> Result<()> {
    for payload in payloads(from, event) {
        db.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &payload])
            .await?;
    }
    Ok(())
}

/// One listening connection, passing what it hears to every subscriber. Stops when dropped.
pub struct Listener {
    heard: broadcast::Sender<Heard>,
    listening: watch::Receiver<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Listener {
    /// Starts listening on `address` (with its password already set).
    pub fn start(address: TeamAddress) -> Listener {
        let (heard, _) = broadcast::channel(1024);
        let (up, listening) = watch::channel(false);
        let task = tokio::spawn(listen(address, heard.clone(), up));
        Listener {
            heard,
            listening,
            task,
        }
    }

    /// A receiver of what is heard from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Heard> {
        self.heard.subscribe()
    }

    /// Waits until the connection is listening (at start, or again after a reconnect).
    pub async fn listening(&self) {
        let mut l = self.listening.clone();
        let _ = l.wait_for(|up| *up).await;
    }
}

async fn listen(address: TeamAddress, heard: broadcast::Sender<Heard>, up: watch::Sender<bool>) {
    let mut back_off = Duration::from_secs(1);
    let mut lost = false;
    loop {
        match address.open().await {
            Ok((client, mut messages)) => {
                let sql = format!("LISTEN {CHANNEL}");
                let started = client.batch_execute(&sql);
                tokio::pin!(started);
                let ok = loop {
                    tokio::select! {
                        r = &mut started => break r.is_ok(),
                        m = messages.next() => if !matches!(m, Some(Ok(_))) { break false },
                    }
                };
                if ok {
                    back_off = Duration::from_secs(1);
                    if lost {
                        let _ = heard.send(Heard::Resync);
                    }
                    let _ = up.send(true);
                    while let Some(Ok(m)) = messages.next().await {
                        let AsyncMessage::Notification(n) = m else {
                            continue;
                        };
                        match serde_json::from_str::<Envelope>(n.payload()) {
                            Ok(e) if n.channel() == CHANNEL => {
                                let _ = heard.send(Heard::Event(e));
                            }
                            Ok(_) => {}
                            // A newer desktop's event this one does not know: the safe answer
                            // is to reload.
                            Err(_) => {
                                let _ = heard.send(Heard::Resync);
                            }
                        }
                    }
                    let _ = up.send(false);
                    tracing::warn!("the team database's listening connection was lost");
                }
            }
            Err(e) => tracing::warn!(error = %e, "cannot reach the team database to listen"),
        }
        lost = true;
        tokio::time::sleep(back_off).await;
        back_off = (back_off * 2).min(Duration::from_secs(30));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_of_ids_is_sent_in_parts_each_small_enough_to_notify() {
        let ids: Vec<i64> = (1_000_000_000_000..1_000_000_001_000).collect();
        let parts = payloads(7, &TeamEvent::MentionsStored { ids: ids.clone() });
        assert_eq!(parts.len(), 3, "1000 ids in parts of {IDS_PER_NOTICE}");
        assert!(parts.iter().all(|p| p.len() < 8000), "PostgreSQL's limit");
        let back: Vec<i64> = parts
            .iter()
            .flat_map(
                |p| match serde_json::from_str::<Envelope>(p).unwrap().event {
                    TeamEvent::MentionsStored { ids } => ids,
                    other => panic!("{other:?}"),
                },
            )
            .collect();
        assert_eq!(back, ids, "every id once, in order");
    }
}
