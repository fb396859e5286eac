//! Learning from the owner: each correction ("urgent", "not urgent", "this is a complaint") is
//! kept, teaches the personal model, and re-ranks the newest open mentions with it. A build
//! whose triage differs from the one that ranked the stored mentions re-ranks them all, in the
//! background.

use std::collections::HashMap;
use std::sync::Arc;

use super::Triager;
use crate::alerts::AlertDesk;
use crate::clock::Clock;
use crate::events::Events;
use crate::model::Mention;
use crate::store::db::Db;
use crate::store::{Correction, StoreError};
use crate::triage::personal::{self, Lesson, Personal};
use crate::triage::triage;
use crate::work::due::DueClock;

/// Re-ranking candidates after a correction: the newest mentions not done.
const RERANK_AFTER_CORRECTION: u32 = 2_000;
/// Mentions re-ranked per transaction when the triage itself changed (a new build).
const RERANK_CHUNK: u32 = 2_000;

/// The learning stage.
pub struct Learner {
    db: Db,
    clock: Clock,
    events: Events,
    triager: Arc<Triager>,
    due: Arc<DueClock>,
    alerts: Arc<AlertDesk>,
}

impl Learner {
    /// The learning stage over these parts.
    pub fn new(
        db: Db,
        clock: Clock,
        events: Events,
        triager: Arc<Triager>,
        due: Arc<DueClock>,
        alerts: Arc<AlertDesk>,
    ) -> Learner {
        Learner {
            db,
            clock,
            events,
            triager,
            due,
            alerts,
        }
    }

    async fn counts_changed(&self) {
        self.events
            .counts(&self.db, self.alerts.urgent_threshold())
            .await;
    }

    /// Teaches the personal model everything the owner corrected before (at start).
    pub async fn load(&self) -> Result<(), StoreError> {
        let lessons = self.db.read(|s| s.corrections()).await?;
        let mut taught = Personal::new();
        for c in &lessons {
            let a = crate::triage::text::analyse(&c.text);
            let lesson = lesson(c.correction, c.was.unwrap_or_default());
            taught.learn(&personal::features(&a, &c.author, &c.channel), &lesson);
        }
        self.triager.teach(taught);
        Ok(())
    }

    /// Records the owner's correction of one mention, learns from it, and re-ranks the mention
    /// and the newest open ones with what was learned. Returns the corrected mention.
    pub async fn correct(&self, id: i64, c: Correction) -> Result<Mention, StoreError> {
        let now = self.clock.now();
        let m = self
            .db
            .write(move |s| s.record_correction(id, &c, now))
            .await?;
        // `was`: what triage said before the owner's call.
        let lesson = lesson(c, m.triage.intent);
        let a = crate::triage::text::analyse(&m.full_text());
        let feats = personal::features(&a, &m.author.handle, m.channel.as_str());
        let mut next = (*self.triager.personal()).clone();
        next.learn(&feats, &lesson);
        self.triager.teach(next);
        let mut batch = self
            .db
            .read(|s| s.recent_open(RERANK_AFTER_CORRECTION))
            .await?;
        if !batch.iter().any(|x| x.id == id) {
            batch.push(m);
        }
        self.rerank(batch).await?;
        self.counts_changed().await;
        self.db.read(move |s| s.mention(id)).await
    }

    /// Re-triages mentions with the current rules; saves and announces those that changed.
    pub async fn rerank(&self, mentions: Vec<Mention>) -> Result<usize, StoreError> {
        self.rerank_announcing(mentions, true).await
    }

    /// [`Self::rerank`], announcing each changed mention only when `announce`.
    async fn rerank_announcing(
        &self,
        mentions: Vec<Mention>,
        announce: bool,
    ) -> Result<usize, StoreError> {
        let profile = self.triager.profile();
        let threshold = self.alerts.urgent_threshold();
        let now = self.clock.now();
        let mut updated: HashMap<i64, Mention> = HashMap::new();
        let updates: Vec<(i64, crate::model::Triage, Option<i64>)> = mentions
            .into_iter()
            .map(|mut m| {
                let t = triage(&m, &profile.rules, now);
                m.triage = t.clone();
                let due = self.due.due(m.created_at, t.urgency, threshold);
                if m.work.first_response_at.is_none() {
                    m.work.due_at = Some(due);
                }
                let id = m.id;
                updated.insert(id, m);
                (id, t, Some(due))
            })
            .collect();
        let changed = self.db.write(move |s| s.set_triage(&updates)).await?;
        if announce {
            for id in &changed {
                if let Some(m) = updated.remove(id) {
                    self.events.updated(m);
                }
            }
        }
        Ok(changed.len())
    }

    /// When this build triages differently from the one that ranked the stored mentions,
    /// re-ranks all of them in the background, in chunks, newest state saved as it goes. A store
    /// with no mentions takes this build's revision at once, before this returns, and no task is
    /// spawned: one with nothing to do, finishing late on a busy machine, had written its
    /// revision over a later change.
    pub async fn rerank_if_triage_changed(self: &Arc<Self>) {
        let want = crate::triage::revision();
        let have = self
            .db
            .read(|s| s.setting::<String>("triage_revision"))
            .await
            .ok()
            .flatten();
        if have.as_deref() == Some(want.as_str()) {
            return;
        }
        let empty = self
            .db
            .read(|s| s.mentions_after(0, 1))
            .await
            .is_ok_and(|c| c.is_empty());
        if empty {
            let _ = self
                .db
                .write(move |s| s.set_setting("triage_revision", &want))
                .await;
            return;
        }
        let engine = self.clone();
        tokio::spawn(async move {
            let mut after = 0;
            let mut changed = 0;
            loop {
                let chunk = match engine
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
                match engine.rerank_announcing(chunk, false).await {
                    Ok(n) => changed += n,
                    Err(e) => {
                        tracing::warn!(error = %e, "re-ranking stopped; it resumes at the next start");
                        return;
                    }
                }
            }
            let _ = engine
                .db
                .write(move |s| s.set_setting("triage_revision", &want))
                .await;
            if changed > 0 {
                tracing::info!(changed, "re-ranked stored mentions with the new triage");
                engine.events.reranked(changed);
                engine.counts_changed().await;
            }
        });
    }
}

/// What a correction teaches; `was` is the intent triage had given.
fn lesson(c: Correction, was: crate::model::Intent) -> Lesson {
    match c {
        Correction::Urgent(u) => Lesson::Urgent(u),
        Correction::Intent(is) => Lesson::Intent { is, was },
    }
}
