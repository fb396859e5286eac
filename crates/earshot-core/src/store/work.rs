//! The queue: what the owner does to mentions (status, snooze, tags, helper, answered), their
//! internal notes, saved replies, and what the response clock needs from the store.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Result, Store, StoreError};
use crate::model::{Mention, Status};

pub use super::authors::{AuthorHistory, ReachPoint};
/// One thing done to one or more mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum Action {
    /// New, open, done or ignored (snoozing needs a time: use `Snooze`).
    Status {
        /// The status.
        status: Status,
    },
    /// Out of the queue until `until`; then it comes back as new and unread.
    Snooze {
        /// Unix seconds.
        #[ts(type = "number")]
        until: i64,
    },
    /// Adds a tag.
    Tag {
        /// The tag ("#refund" and "Refund" are the same tag).
        tag: String,
    },
    /// Removes a tag.
    Untag {
        /// The tag.
        tag: String,
    },
    /// Gives it to a helper, or to nobody.
    Assign {
        /// The helper's name; `null` or empty unassigns.
        assignee: Option<String>,
    },
    /// Answered somewhere Earshot cannot post (Hacker News, a review site): counts as the first
    /// response now, and marks it done.
    Answered,
}

/// An internal note on a mention; never sent anywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Note {
    /// Row id.
    #[ts(type = "number")]
    pub id: i64,
    /// The mention.
    #[ts(type = "number")]
    pub mention_id: i64,
    /// Who wrote it (a helper's name), if said.
    pub author: Option<String>,
    /// The note.
    pub body: String,
    /// When (unix seconds).
    #[ts(type = "number")]
    pub created_at: i64,
}

/// A saved reply: a best-practice answer with `{variables}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct SavedReply {
    /// Row id (0 for one not yet saved).
    #[ts(type = "number")]
    pub id: i64,
    /// Its name, unique.
    pub name: String,
    /// The text: `{first_name}` (or `{author}`: the author's first name where one can be told,
    /// else their handle), `{handle}`, `{business}`, `{channel}` fill themselves; any other
    /// `{name}` is a field the owner fills in.
    pub body: String,
    /// How often it was used (the picker offers the best fit for the mention first, then the
    /// most used).
    #[ts(type = "number")]
    pub uses: i64,
}

const MAX_TAG: usize = 40;
const MAX_NAME: usize = 60;
const MAX_NOTE: usize = 5_000;
const MAX_SAVED: usize = 5_000;

/// A tag as stored: trimmed, without a leading '#', lower-case.
pub fn normalise_tag(tag: &str) -> Result<String> {
    let t = tag.trim().trim_start_matches('#').trim().to_lowercase();
    if t.is_empty() {
        return Err(StoreError::Invalid(
            "a tag needs at least one letter".into(),
        ));
    }
    if t.chars().count() > MAX_TAG {
        return Err(StoreError::Invalid(format!(
            "a tag is at most {MAX_TAG} characters"
        )));
    }
    Ok(t)
}

/// What an action on `ids` carries, checked: at most 10,000 mentions, its tag normalised, its
/// helper's name trimmed (`None` unassigns); snoozing without a future time is refused. Both
/// engines apply the result.
pub(super) fn check_action(
    ids: &[i64],
    action: &Action,
    now: i64,
) -> Result<(Option<String>, Option<String>)> {
    if ids.len() > 10_000 {
        return Err(StoreError::Invalid(
            "at most 10,000 mentions at once".into(),
        ));
    }
    let tag = match action {
        Action::Tag { tag } | Action::Untag { tag } => Some(normalise_tag(tag)?),
        _ => None,
    };
    let assignee = match action {
        Action::Assign { assignee } => {
            let a = assignee.as_deref().map(str::trim).filter(|a| !a.is_empty());
            if a.is_some_and(|a| a.chars().count() > MAX_NAME) {
                return Err(StoreError::Invalid(format!(
                    "a helper's name is at most {MAX_NAME} characters"
                )));
            }
            a.map(str::to_string)
        }
        _ => None,
    };
    match action {
        Action::Status {
            status: Status::Snoozed,
        } => {
            return Err(StoreError::Invalid(
                "snoozing needs a time to come back".into(),
            ))
        }
        Action::Snooze { until } if *until <= now => {
            return Err(StoreError::Invalid(
                "snooze until a time in the future".into(),
            ))
        }
        _ => {}
    }
    Ok((tag, assignee))
}

/// A note's text, checked and trimmed.
pub(super) fn check_note(body: &str) -> Result<&str> {
    let body = body.trim();
    if body.is_empty() {
        return Err(StoreError::Invalid("the note is empty".into()));
    }
    if body.chars().count() > MAX_NOTE {
        return Err(StoreError::Invalid(format!(
            "a note is at most {MAX_NOTE} characters"
        )));
    }
    Ok(body)
}

/// A saved reply's name and text, checked and trimmed.
pub(super) fn check_saved(r: &SavedReply) -> Result<(&str, &str)> {
    let name = r.name.trim();
    let body = r.body.trim();
    if name.is_empty() || body.is_empty() {
        return Err(StoreError::Invalid(
            "a saved reply needs a name and a text".into(),
        ));
    }
    if name.chars().count() > MAX_NAME || body.chars().count() > MAX_SAVED {
        return Err(StoreError::Invalid(format!(
            "a saved reply's name is at most {MAX_NAME} characters and its text {MAX_SAVED}"
        )));
    }
    Ok((name, body))
}

pub(super) fn collect(
    rows: impl Iterator<Item = rusqlite::Result<Mention>>,
) -> Result<Vec<Mention>> {
    rows.collect::<std::result::Result<Vec<_>, _>>()
        .map_err(StoreError::from)
}

/// What each person on a team did with the mentions posted in a range (the dashboard's figures
/// per person).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamWork {
    /// Mentions answered: posted at, first answered at, by whom (the sender of the first reply
    /// sent from Earshot).
    pub answered: Vec<(i64, i64, String)>,
    /// Replies sent, by whom.
    pub replies: Vec<(String, u32)>,
    /// Mentions still waiting, by the person they are assigned to.
    pub waiting: Vec<(String, u32)>,
}

impl Store {
    /// A desktop on its own has no team: its helpers are names the owner keeps in Settings.
    pub fn team_members(&self) -> Result<Option<Vec<String>>> {
        Ok(None)
    }

    /// A desktop on its own has no figures per person.
    pub fn team_work(&self, _since: i64, _until: i64) -> Result<Option<TeamWork>> {
        Ok(None)
    }

    /// Applies an action to mentions, all or none; returns them as they now are, in `ids` order.
    pub fn apply(&mut self, ids: &[i64], action: &Action, now: i64) -> Result<Vec<Mention>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let (tag, assignee) = check_action(ids, action, now)?;
        let tx = self.conn.transaction()?;
        {
            let mut exists = tx.prepare_cached("SELECT 1 FROM mentions WHERE id = ?1")?;
            for id in ids {
                if !exists.exists([id])? {
                    return Err(StoreError::NotFound(format!("mention {id}")));
                }
            }
            for id in ids {
                match action {
                    Action::Status { status } => {
                        let sql = match status {
                            Status::New | Status::Open => {
                                "UPDATE mentions SET status = ?2, read = 1, done_at = NULL, \
                                 snooze_until = NULL WHERE id = ?1"
                            }
                            Status::Done => {
                                "UPDATE mentions SET status = ?2, read = 1, done_at = ?3, \
                                 snooze_until = NULL, at_risk = 0 WHERE id = ?1"
                            }
                            Status::Ignored | Status::Snoozed => {
                                "UPDATE mentions SET status = ?2, read = 1, done_at = NULL, \
                                 snooze_until = NULL, at_risk = 0 WHERE id = ?1"
                            }
                        };
                        let mut stmt = tx.prepare_cached(sql)?;
                        if *status == Status::Done {
                            stmt.execute(params![id, status.as_str(), now])?;
                        } else {
                            stmt.execute(params![id, status.as_str()])?;
                        }
                    }
                    Action::Snooze { until } => {
                        tx.prepare_cached(
                            "UPDATE mentions SET status = 'snoozed', read = 1, snooze_until = ?2, \
                             done_at = NULL, at_risk = 0 WHERE id = ?1",
                        )?
                        .execute(params![id, until])?;
                    }
                    Action::Tag { .. } => {
                        tx.prepare_cached(
                            "INSERT OR IGNORE INTO mention_tags (mention_id, tag) VALUES (?1, ?2)",
                        )?
                        .execute(params![id, tag])?;
                    }
                    Action::Untag { .. } => {
                        tx.prepare_cached(
                            "DELETE FROM mention_tags WHERE mention_id = ?1 AND tag = ?2",
                        )?
                        .execute(params![id, tag])?;
                    }
                    Action::Assign { .. } => {
                        tx.prepare_cached("UPDATE mentions SET assignee = ?2 WHERE id = ?1")?
                            .execute(params![id, assignee])?;
                    }
                    Action::Answered => {
                        tx.prepare_cached(
                            "UPDATE mentions SET first_response_at = COALESCE(first_response_at, ?2), \
                             status = 'done', read = 1, done_at = ?2, snooze_until = NULL, at_risk = 0 \
                             WHERE id = ?1",
                        )?
                        .execute(params![id, now])?;
                    }
                }
            }
        }
        tx.commit()?;
        ids.iter().map(|id| self.mention(*id)).collect()
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
        let id = self.conn.query_row(
            "INSERT INTO notes (mention_id, author, body, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING id",
            params![mention_id, author, body, now],
            |r| r.get(0),
        )?;
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
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, mention_id, author, body, created_at FROM notes WHERE mention_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([mention_id], |r| {
            Ok(Note {
                id: r.get(0)?,
                mention_id: r.get(1)?,
                author: r.get(2)?,
                body: r.get(3)?,
                created_at: r.get(4)?,
            })
        })?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(StoreError::from)
    }

    /// Deletes a note.
    pub fn delete_note(&mut self, id: i64) -> Result<()> {
        if self.conn.execute("DELETE FROM notes WHERE id = ?1", [id])? == 0 {
            return Err(StoreError::NotFound(format!("note {id}")));
        }
        Ok(())
    }

    /// Saved replies, most used first.
    pub fn saved_replies(&self) -> Result<Vec<SavedReply>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, body, uses FROM saved_replies ORDER BY uses DESC, name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SavedReply {
                id: r.get(0)?,
                name: r.get(1)?,
                body: r.get(2)?,
                uses: r.get(3)?,
            })
        })?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(StoreError::from)
    }

    /// Adds (id 0) or changes a saved reply.
    pub fn save_reply(&mut self, r: &SavedReply, now: i64) -> Result<SavedReply> {
        let (name, body) = check_saved(r)?;
        let taken: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM saved_replies WHERE name = ?1 COLLATE NOCASE AND id != ?2",
                params![name, r.id],
                |row| row.get(0),
            )
            .optional()?;
        if taken.is_some() {
            return Err(StoreError::Invalid(format!(
                "a saved reply named {name:?} already exists"
            )));
        }
        let id = if r.id == 0 {
            self.conn.query_row(
                "INSERT INTO saved_replies (name, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?3) RETURNING id",
                params![name, body, now],
                |row| row.get(0),
            )?
        } else {
            let n = self.conn.execute(
                "UPDATE saved_replies SET name = ?2, body = ?3, updated_at = ?4 WHERE id = ?1",
                params![r.id, name, body, now],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound(format!("saved reply {}", r.id)));
            }
            r.id
        };
        self.saved_reply(id)
    }

    fn saved_reply(&self, id: i64) -> Result<SavedReply> {
        self.conn
            .query_row(
                "SELECT id, name, body, uses FROM saved_replies WHERE id = ?1",
                [id],
                |r| {
                    Ok(SavedReply {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        body: r.get(2)?,
                        uses: r.get(3)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("saved reply {id}")))
    }

    /// Deletes a saved reply.
    pub fn delete_saved_reply(&mut self, id: i64) -> Result<()> {
        if self
            .conn
            .execute("DELETE FROM saved_replies WHERE id = ?1", [id])?
            == 0
        {
            return Err(StoreError::NotFound(format!("saved reply {id}")));
        }
        Ok(())
    }

    /// Counts one use of a saved reply.
    pub fn used_saved_reply(&mut self, id: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE saved_replies SET uses = uses + 1 WHERE id = ?1",
            [id],
        )?;
        Ok(())
    }
}
