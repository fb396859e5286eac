//! Ingest: a connector's batch is matched against the watch terms, triaged, given its due time,
//! and stored with the source's new cursor in one transaction; then the new mentions are
//! announced and handed to the alert desk.

use std::sync::Arc;

use super::Triager;
use crate::alerts::AlertDesk;
use crate::channels::Batch;
use crate::clock::Clock;
use crate::events::{EngineEvent, Events};
use crate::model::{Mention, Source};
use crate::store::db::Db;
use crate::store::{Part, Prior, StoreError};
use crate::work::due::DueClock;

/// How many mentions go to the writer at a time (a connector's batch is up to a few hundred).
pub const PART: usize = 100;

/// The ingest stage.
pub struct Ingest {
    db: Db,
    clock: Clock,
    events: Events,
    triager: Arc<Triager>,
    due: Arc<DueClock>,
    alerts: Arc<AlertDesk>,
}

impl Ingest {
    /// The ingest stage over these parts.
    pub fn new(
        db: Db,
        clock: Clock,
        events: Events,
        triager: Arc<Triager>,
        due: Arc<DueClock>,
        alerts: Arc<AlertDesk>,
    ) -> Ingest {
        Ingest {
            db,
            clock,
            events,
            triager,
            due,
            alerts,
        }
    }

    /// Matches, triages and stores one batch from `source`; returns the cursor that was saved.
    ///
    /// The batch goes through in parts of [`PART`]: while the writer stores one part (inside the
    /// batch's one transaction), the next part's priors are read and it is matched and triaged,
    /// so the batch takes about as long as the slower of the two, not their sum. The transaction
    /// commits, with the cursor, only when every part has arrived.
    pub async fn batch(&self, source: &Source, batch: Batch) -> Result<Option<String>, StoreError> {
        let Batch {
            mentions, cursor, ..
        } = batch;
        let mentions = crate::store::last_deliveries(mentions);
        let (tx, mut rx) = tokio::sync::mpsc::channel::<Part>(2);
        let (id, saved) = (source.id, cursor.clone());
        // The writer takes the parts as they come; the channel closing before `Done` (triage
        // failed, or this call was dropped) rolls the batch back.
        let write = self.db.write(move |s| {
            s.store_parts(
                Some(id),
                &mut std::iter::from_fn(|| rx.blocking_recv()),
                saved.as_deref(),
            )
        });
        let produce = async move {
            let mut rest = mentions.into_iter();
            loop {
                let part: Vec<Mention> = rest.by_ref().take(PART).collect();
                if part.is_empty() {
                    break;
                }
                let part = self.prepare(source, part).await?;
                if tx.send(Part::Chunk(part)).await.is_err() {
                    // The writer stopped (it says why).
                    return Ok(());
                }
            }
            let _ = tx.send(Part::Done).await;
            Ok::<(), StoreError>(())
        };
        let (fresh, produced) = tokio::join!(write, produce);
        produced?;
        let fresh = fresh?;
        if !fresh.is_empty() {
            self.after_new(&fresh).await;
        }
        Ok(cursor)
    }

    /// Reads what is known of these mentions, keeps those that match (or are addressed to the
    /// owner), and triages them and gives them their due time.
    async fn prepare(
        &self,
        source: &Source,
        part: Vec<Mention>,
    ) -> Result<Vec<Mention>, StoreError> {
        let now = self.clock.now();
        let profile = self.triager.profile();
        let require_match = source.spec.require_match.unwrap_or(true);
        let clock = self.due.current();
        let threshold = self.alerts.urgent_threshold();
        let keys: Vec<(crate::model::Channel, String)> = part
            .iter()
            .map(|m| (m.channel, m.external_id.clone()))
            .collect();
        let priors = self
            .db
            .read(move |s| {
                let refs: Vec<_> = keys.iter().map(|(c, id)| (*c, id.as_str())).collect();
                s.priors(&refs)
            })
            .await?;
        Ok(part
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
                let (t, lang) = crate::triage::triage_and_language(&m, &profile.rules, now);
                m.triage = t;
                if m.lang.is_none() {
                    m.lang = lang.map(str::to_string);
                }
                m.work.due_at = Some(clock.due(m.created_at, m.triage.urgency, threshold));
                Some(m)
            })
            .collect())
    }

    async fn after_new(&self, fresh: &[Mention]) {
        self.events.emit(EngineEvent::MentionsAdded {
            mentions: fresh.to_vec(),
        });
        self.events
            .counts(&self.db, self.alerts.urgent_threshold())
            .await;
        self.alerts.new_mentions(fresh).await;
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
