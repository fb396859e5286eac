//! What the response clock, the figures and learning read and write on the team's store:
//! snoozes that end, mentions coming due, due times, ranges, the negative rate, the owner's
//! corrections. The same meaning as the SQLite store's `due.rs` and `corrections.rs`.

use super::{row_to_mention, PgStore, COLUMNS};
use crate::model::{Intent, Mention};
use crate::store::{Correction, Result, StoredCorrection};

impl PgStore {
    pub(super) fn mentions_where(
        &self,
        filter: &str,
        args: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Vec<Mention>> {
        self.db
            .borrow_mut()
            .query(
                &format!("SELECT {COLUMNS} FROM mentions WHERE {filter}"),
                args,
            )?
            .iter()
            .map(row_to_mention)
            .collect()
    }

    /// Brings back snoozed mentions whose time has come, as new and unread.
    pub fn wake_snoozed(&mut self, now: i64) -> Result<Vec<Mention>> {
        let ids: Vec<i64> = self
            .db
            .borrow_mut()
            .query(
                "UPDATE mentions SET status = 'new', read = false, snooze_until = NULL \
                 WHERE status = 'snoozed' AND snooze_until <= $1 RETURNING id",
                &[&now],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        ids.iter().map(|id| self.mention(*id)).collect()
    }

    /// Unanswered mentions marked at risk whose target falls after `since`.
    pub fn at_risk_since(&self, since: i64) -> Result<Vec<Mention>> {
        self.mentions_where(
            "first_response_at IS NULL AND status IN ('new', 'open') AND at_risk \
             AND due_at > $1 ORDER BY due_at LIMIT 500",
            &[&since],
        )
    }

    /// Unanswered mentions due by `horizon`, not yet at risk, that came due after they were
    /// fetched.
    pub fn coming_due(&self, horizon: i64) -> Result<Vec<Mention>> {
        self.mentions_where(
            "first_response_at IS NULL AND status IN ('new', 'open') AND due_at <= $1 \
             AND NOT at_risk AND due_at > fetched_at ORDER BY due_at LIMIT 500",
            &[&horizon],
        )
    }

    /// Marks mentions at risk; returns only those this call marked (two desktops' clocks never
    /// announce one twice: the row lock decides).
    pub fn mark_at_risk(&mut self, ids: &[i64]) -> Result<Vec<Mention>> {
        let marked: Vec<i64> = self
            .db
            .borrow_mut()
            .query(
                "UPDATE mentions SET at_risk = true WHERE id = ANY($1) AND NOT at_risk \
                 AND first_response_at IS NULL AND status IN ('new', 'open') RETURNING id",
                &[&ids.to_vec()],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        ids.iter()
            .filter(|id| marked.contains(id))
            .map(|id| self.mention(*id))
            .collect()
    }

    /// Unanswered mentions with ids above `after` (id, posted, urgency).
    pub fn unanswered_after(&self, after: i64, limit: u32) -> Result<Vec<(i64, i64, u8)>> {
        Ok(self
            .db
            .borrow_mut()
            .query(
                "SELECT id, created_at, urgency FROM mentions WHERE id > $1 \
                 AND first_response_at IS NULL ORDER BY id LIMIT $2",
                &[&after, &i64::from(limit)],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get::<_, i32>(2).clamp(0, 100) as u8))
            .collect())
    }

    /// Sets due times (one transaction).
    pub fn set_due(&mut self, updates: &[(i64, i64)]) -> Result<()> {
        let (ids, due): (Vec<i64>, Vec<i64>) = updates.iter().copied().unzip();
        self.db.borrow_mut().execute(
            "UPDATE mentions m SET due_at = u.due FROM unnest($1::int8[], $2::int8[]) AS u(id, due) \
             WHERE m.id = u.id AND m.due_at IS DISTINCT FROM u.due",
            &[&ids, &due],
        )?;
        Ok(())
    }

    /// Every mention posted in `[since, until)`, oldest first, a thousand at a time (an export
    /// of a million mentions never holds them all).
    pub fn for_each_in_range(
        &self,
        since: i64,
        until: i64,
        mut f: impl FnMut(Mention),
    ) -> Result<()> {
        let mut after = (since, i64::MIN);
        loop {
            let page = self.mentions_where(
                "created_at < $2 AND (created_at, id) > ($1, $3) AND created_at >= $4 \
                 ORDER BY created_at, id LIMIT 1000",
                &[&after.0, &until, &after.1, &since],
            )?;
            let Some(last) = page.last() else {
                return Ok(());
            };
            after = (last.created_at, last.id);
            page.into_iter().for_each(&mut f);
        }
    }

    /// Negative mentions posted in `[since, until)`.
    pub fn negative_between(&self, since: i64, until: i64) -> Result<u32> {
        let n: i64 = self
            .db
            .borrow_mut()
            .query_one(
                "SELECT count(*) FROM mentions WHERE created_at >= $1 AND created_at < $2 \
                 AND mood = 'negative'",
                &[&since, &until],
            )?
            .get(0);
        Ok(n.clamp(0, i64::from(u32::MAX)) as u32)
    }

    /// Mentions worth re-ranking: not done, newest first.
    pub fn recent_open(&self, limit: u32) -> Result<Vec<Mention>> {
        self.mentions_where(
            "status IN ('new', 'open') ORDER BY created_at DESC, id DESC LIMIT $1",
            &[&i64::from(limit)],
        )
    }

    /// Mentions with ids above `after`, in id order.
    pub fn mentions_after(&self, after: i64, limit: u32) -> Result<Vec<Mention>> {
        self.mentions_where("id > $1 ORDER BY id LIMIT $2", &[&after, &i64::from(limit)])
    }

    /// Records the owner's correction: the call on the mention, the lesson in `corrections`.
    pub fn record_correction(&mut self, id: i64, c: &Correction, now: i64) -> Result<Mention> {
        let m = self.mention(id)?;
        {
            let mut db = self.db.borrow_mut();
            let mut tx = db.transaction()?;
            let (kind, value, was) = match c {
                Correction::Urgent(u) => {
                    tx.execute(
                        "UPDATE mentions SET owner_urgent = $2 WHERE id = $1",
                        &[&id, u],
                    )?;
                    ("urgent", u.to_string(), None)
                }
                Correction::Intent(i) => {
                    tx.execute(
                        "UPDATE mentions SET owner_intent = $2 WHERE id = $1",
                        &[&id, &i.as_str()],
                    )?;
                    (
                        "intent",
                        i.as_str().to_string(),
                        Some(m.triage.intent.as_str()),
                    )
                }
            };
            tx.execute(
                "INSERT INTO corrections (mention_id, kind, value, was, channel, author, text, \
                 created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                &[
                    &id,
                    &kind,
                    &value,
                    &was,
                    &m.channel.as_str(),
                    &m.author.handle,
                    &m.full_text(),
                    &now,
                ],
            )?;
            tx.commit()?;
        }
        self.mention(id)
    }

    /// Every correction, oldest first.
    pub fn corrections(&self) -> Result<Vec<StoredCorrection>> {
        let rows = self.db.borrow_mut().query(
            "SELECT kind, value, was, channel, author, text FROM corrections ORDER BY id",
            &[],
        )?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                let (kind, value): (&str, &str) = (r.get(0), r.get(1));
                let correction = match kind {
                    "urgent" => Correction::Urgent(value == "true"),
                    // An intent a later build removed: skipped, the rest kept.
                    _ => Correction::Intent(Intent::parse(value)?),
                };
                Some(StoredCorrection {
                    correction,
                    was: r.get::<_, Option<&str>>(2).and_then(Intent::parse),
                    channel: r.get(3),
                    author: r.get(4),
                    text: r.get(5),
                })
            })
            .collect())
    }
}
