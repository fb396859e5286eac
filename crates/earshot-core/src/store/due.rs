//! What the response clock and the figures read: snoozes that end, mentions coming due, due
//! times, mentions in a time range, the negative rate.

use rusqlite::params;

use super::work::collect;
use super::{row_to_mention, Result, Store, StoreError, MENTION_COLUMNS};
use crate::model::Mention;

impl Store {
    /// Brings back snoozed mentions whose time has come, as new and unread.
    pub fn wake_snoozed(&mut self, now: i64) -> Result<Vec<Mention>> {
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare_cached(
                "UPDATE mentions SET status = 'new', read = 0, snooze_until = NULL \
                 WHERE status = 'snoozed' AND snooze_until <= ?1 RETURNING id",
            )?;
            let rows = stmt.query_map([now], |r| r.get(0))?;
            rows.collect::<std::result::Result<Vec<_>, _>>()?
        };
        ids.iter().map(|id| self.mention(*id)).collect()
    }

    /// Unanswered mentions marked at risk whose target falls after `since`.
    pub fn at_risk_since(&self, since: i64) -> Result<Vec<Mention>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MENTION_COLUMNS} FROM mentions WHERE first_response_at IS NULL \
             AND status IN ('new', 'open') AND at_risk = 1 AND due_at > ?1 \
             ORDER BY due_at LIMIT 500"
        ))?;
        let rows = stmt.query_map([since], row_to_mention)?;
        collect(rows)
    }

    /// Unanswered mentions due by `horizon` that are not yet marked at risk and came due after
    /// Earshot fetched them (a backlog found already late raises nothing).
    pub fn coming_due(&self, horizon: i64) -> Result<Vec<Mention>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MENTION_COLUMNS} FROM mentions WHERE first_response_at IS NULL \
             AND status IN ('new', 'open') AND due_at <= ?1 AND at_risk = 0 AND due_at > fetched_at \
             ORDER BY due_at LIMIT 500"
        ))?;
        let rows = stmt.query_map([horizon], row_to_mention)?;
        collect(rows)
    }

    /// Marks mentions at risk of missing their target (they rise in the urgent-first view).
    /// Returns only those this call marked, so two clocks never announce one twice.
    pub fn mark_at_risk(&mut self, ids: &[i64]) -> Result<Vec<Mention>> {
        let tx = self.conn.transaction()?;
        let mut marked = Vec::new();
        {
            let mut stmt = tx.prepare_cached(
                "UPDATE mentions SET at_risk = 1 WHERE id = ?1 AND at_risk = 0 \
                 AND first_response_at IS NULL AND status IN ('new', 'open')",
            )?;
            for id in ids {
                if stmt.execute([id])? > 0 {
                    marked.push(*id);
                }
            }
        }
        tx.commit()?;
        marked.iter().map(|id| self.mention(*id)).collect()
    }

    /// Unanswered mentions with ids above `after` (id, posted, urgency), to recompute due times.
    pub fn unanswered_after(&self, after: i64, limit: u32) -> Result<Vec<(i64, i64, u8)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, created_at, urgency FROM mentions WHERE id > ?1 AND first_response_at IS NULL \
             ORDER BY id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![after, limit], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(StoreError::from)
    }

    /// Sets due times (one transaction).
    pub fn set_due(&mut self, updates: &[(i64, i64)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare_cached(
                "UPDATE mentions SET due_at = ?2 WHERE id = ?1 AND due_at IS NOT ?2",
            )?;
            for (id, due) in updates {
                stmt.execute(params![id, due])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Every mention posted in `[since, until)`, oldest first.
    pub fn for_each_in_range(
        &self,
        since: i64,
        until: i64,
        mut f: impl FnMut(Mention),
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {MENTION_COLUMNS} FROM mentions WHERE created_at >= ?1 AND created_at < ?2 \
             ORDER BY created_at, id"
        ))?;
        for r in stmt.query_map(params![since, until], row_to_mention)? {
            f(r?);
        }
        Ok(())
    }

    /// Negative mentions posted in `[since, until)`.
    pub fn negative_between(&self, since: i64, until: i64) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM mentions WHERE created_at >= ?1 AND created_at < ?2 AND mood = 'negative'",
            params![since, until],
            |r| r.get(0),
        )?)
    }
}
