//! The team's side of the queue: actions on mentions (status, snooze, tags, assignment to a
//! member, answered elsewhere), notes, saved replies. The checks are the SQLite store's
//! (`store/work.rs`); each action is one statement over all its mentions.

use postgres::Row;

use super::PgStore;
use crate::model::{Mention, Status};
use crate::store::work::{
    check_action, check_note, check_saved, Action, Note, SavedReply, TeamWork,
};
use crate::store::{Result, StoreError};

fn saved(r: &Row) -> SavedReply {
    SavedReply {
        id: r.get(0),
        name: r.get(1),
        body: r.get(2),
        uses: r.get(3),
    }
}

impl PgStore {
    /// The people on the team, by name, each once.
    pub fn team_members(&self) -> Result<Option<Vec<String>>> {
        let rows = self.db.borrow_mut().query(
            "SELECT DISTINCT ON (lower(name)) name FROM team_members ORDER BY lower(name), id",
            &[],
        )?;
        Ok(Some(rows.iter().map(|r| r.get(0)).collect()))
    }

    /// What each member did with the mentions posted in `[since, until)`.
    pub fn team_work(&self, since: i64, until: i64) -> Result<Option<TeamWork>> {
        let mut db = self.db.borrow_mut();
        let answered = db
            .query(
                "SELECT x.created_at, x.first_response_at, tm.name FROM mentions x \
                 CROSS JOIN LATERAL (SELECT o.sent_by FROM outbox o WHERE o.mention_id = x.id \
                   AND o.state = 'sent' AND o.sent_by IS NOT NULL \
                   ORDER BY o.updated_at, o.id LIMIT 1) first \
                 JOIN team_members tm ON tm.id = first.sent_by \
                 WHERE x.created_at >= $1 AND x.created_at < $2 AND x.first_response_at IS NOT NULL",
                &[&since, &until],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        let count = |r: &Row| (r.get::<_, String>(0), r.get::<_, i64>(1).max(0) as u32);
        let replies = db
            .query(
                "SELECT tm.name, count(*) FROM outbox o JOIN team_members tm ON tm.id = o.sent_by \
                 JOIN mentions x ON x.id = o.mention_id WHERE o.state = 'sent' \
                 AND x.created_at >= $1 AND x.created_at < $2 GROUP BY tm.name ORDER BY tm.name",
                &[&since, &until],
            )?
            .iter()
            .map(count)
            .collect();
        let waiting = db
            .query(
                "SELECT assignee, count(*) FROM mentions WHERE assignee IS NOT NULL \
                 AND status IN ('new', 'open') AND created_at >= $1 AND created_at < $2 \
                 GROUP BY assignee ORDER BY assignee",
                &[&since, &until],
            )?
            .iter()
            .map(count)
            .collect();
        Ok(Some(TeamWork {
            answered,
            replies,
            waiting,
        }))
    }

    /// Applies an action to mentions, all or none; returns them as they now are, in `ids`
    /// order. A mention is assigned to a member of the team, by name, or to nobody.
    pub fn apply(&mut self, ids: &[i64], action: &Action, now: i64) -> Result<Vec<Mention>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let (tag, assignee) = check_action(ids, action, now)?;
        let list = ids.to_vec();
        {
            let mut db = self.db.borrow_mut();
            let mut tx = db.transaction()?;
            let known: Vec<i64> = tx
                .query("SELECT id FROM mentions WHERE id = ANY($1)", &[&list])?
                .iter()
                .map(|r| r.get(0))
                .collect();
            if let Some(missing) = ids.iter().find(|id| !known.contains(id)) {
                return Err(StoreError::NotFound(format!("mention {missing}")));
            }
            if let Some(a) = &assignee {
                let member = tx.query_opt("SELECT 1 FROM team_members WHERE name = $1", &[a])?;
                if member.is_none() {
                    return Err(StoreError::Invalid(format!(
                        "{a} is not on the team: assign to someone who has joined it"
                    )));
                }
            }
            match action {
                Action::Status { status } => {
                    let (sql, done_at) = match status {
                        Status::Done => (
                            "UPDATE mentions SET status = $2, read = true, done_at = $3, \
                             snooze_until = NULL, at_risk = false WHERE id = ANY($1)",
                            Some(now),
                        ),
                        Status::New | Status::Open => (
                            "UPDATE mentions SET status = $2, read = true, done_at = $3, \
                             snooze_until = NULL WHERE id = ANY($1)",
                            None,
                        ),
                        Status::Ignored | Status::Snoozed => (
                            "UPDATE mentions SET status = $2, read = true, done_at = $3, \
                             snooze_until = NULL, at_risk = false WHERE id = ANY($1)",
                            None,
                        ),
                    };
                    tx.execute(sql, &[&list, &status.as_str(), &done_at])?;
                }
                Action::Snooze { until } => {
                    tx.execute(
                        "UPDATE mentions SET status = 'snoozed', read = true, snooze_until = $2, \
                         done_at = NULL, at_risk = false WHERE id = ANY($1)",
                        &[&list, until],
                    )?;
                }
                Action::Tag { .. } => {
                    tx.execute(
                        "INSERT INTO mention_tags (mention_id, tag) SELECT unnest($1::int8[]), $2 \
                         ON CONFLICT DO NOTHING",
                        &[&list, &tag],
                    )?;
                }
                Action::Untag { .. } => {
                    tx.execute(
                        "DELETE FROM mention_tags WHERE mention_id = ANY($1) AND tag = $2",
                        &[&list, &tag],
                    )?;
                }
                Action::Assign { .. } => {
                    tx.execute(
                        "UPDATE mentions SET assignee = $2 WHERE id = ANY($1)",
                        &[&list, &assignee],
                    )?;
                }
                Action::Answered => {
                    tx.execute(
                        "UPDATE mentions SET first_response_at = COALESCE(first_response_at, $2), \
                         status = 'done', read = true, done_at = $2, snooze_until = NULL, \
                         at_risk = false WHERE id = ANY($1)",
                        &[&list, &now],
                    )?;
                }
            }
            tx.commit()?;
        }
        ids.iter().map(|id| self.mention(*id)).collect()
    }

    /// Sets a mention's status; returns it as it now is.
    pub fn set_status(&mut self, id: i64, status: Status, now: i64) -> Result<Mention> {
        self.apply(&[id], &Action::Status { status }, now)?
            .pop()
            .ok_or_else(|| StoreError::NotFound(format!("mention {id}")))
    }

    /// Adds an internal note.
    pub fn add_note(
        &mut self,
        mention_id: i64,
        author: Option<&str>,
        body: &str,
        now: i64,
    ) -> Result<Note> {
        let body = check_note(body)?;
        self.mention(mention_id)?;
        let author = author.map(str::trim).filter(|a| !a.is_empty());
        let id = self
            .db
            .borrow_mut()
            .query_one(
                "INSERT INTO notes (mention_id, author, body, created_at) VALUES ($1, $2, $3, $4) \
                 RETURNING id",
                &[&mention_id, &author, &body, &now],
            )?
            .get(0);
        Ok(Note {
            id,
            mention_id,
            author: author.map(str::to_string),
            body: body.to_string(),
            created_at: now,
        })
    }

    /// A mention's notes, oldest first.
    pub fn notes(&self, mention_id: i64) -> Result<Vec<Note>> {
        Ok(self
            .db
            .borrow_mut()
            .query(
                "SELECT id, mention_id, author, body, created_at FROM notes WHERE mention_id = $1 \
                 ORDER BY id",
                &[&mention_id],
            )?
            .iter()
            .map(|r| Note {
                id: r.get(0),
                mention_id: r.get(1),
                author: r.get(2),
                body: r.get(3),
                created_at: r.get(4),
            })
            .collect())
    }

    /// Deletes a note.
    pub fn delete_note(&mut self, id: i64) -> Result<()> {
        if self
            .db
            .borrow_mut()
            .execute("DELETE FROM notes WHERE id = $1", &[&id])?
            == 0
        {
            return Err(StoreError::NotFound(format!("note {id}")));
        }
        Ok(())
    }

    /// Saved replies, most used first.
    pub fn saved_replies(&self) -> Result<Vec<SavedReply>> {
        Ok(self
            .db
            .borrow_mut()
            .query(
                "SELECT id, name, body, uses FROM saved_replies ORDER BY uses DESC, lower(name)",
                &[],
            )?
            .iter()
            .map(saved)
            .collect())
    }

    /// Adds (id 0) or changes a saved reply; names are unique whatever their case.
    pub fn save_reply(&mut self, r: &SavedReply, now: i64) -> Result<SavedReply> {
        let (name, body) = check_saved(r)?;
        let mut db = self.db.borrow_mut();
        let taken = db.query_opt(
            "SELECT 1 FROM saved_replies WHERE lower(name) = lower($1) AND id != $2",
            &[&name, &r.id],
        )?;
        if taken.is_some() {
            return Err(StoreError::Invalid(format!(
                "a saved reply named {name:?} already exists"
            )));
        }
        let row = if r.id == 0 {
            db.query_opt(
                "INSERT INTO saved_replies (name, body, created_at, updated_at) \
                 VALUES ($1, $2, $3, $3) RETURNING id, name, body, uses",
                &[&name, &body, &now],
            )?
        } else {
            db.query_opt(
                "UPDATE saved_replies SET name = $2, body = $3, updated_at = $4 WHERE id = $1 \
                 RETURNING id, name, body, uses",
                &[&r.id, &name, &body, &now],
            )?
        };
        row.map(|r| saved(&r))
            .ok_or_else(|| StoreError::NotFound(format!("saved reply {}", r.id)))
    }

    /// Deletes a saved reply.
    pub fn delete_saved_reply(&mut self, id: i64) -> Result<()> {
        if self
            .db
            .borrow_mut()
            .execute("DELETE FROM saved_replies WHERE id = $1", &[&id])?
            == 0
        {
            return Err(StoreError::NotFound(format!("saved reply {id}")));
        }
        Ok(())
    }

    /// Counts one use of a saved reply.
    pub fn used_saved_reply(&mut self, id: i64) -> Result<()> {
        self.db.borrow_mut().execute(
            "UPDATE saved_replies SET uses = uses + 1 WHERE id = $1",
            &[&id],
        )?;
        Ok(())
    }
}
