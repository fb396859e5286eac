//! The outbox: one row per reply, written before anything is sent, so a reply is never lost and
//! its idempotency key is fixed before the first attempt.

use rusqlite::{params, OptionalExtension, Row};

use super::{Result, Store, StoreError};
use crate::model::{Channel, Reply, ReplyState};

const REPLY_COLUMNS: &str = "id, mention_id, channel, private, body, idempotency_key, state, \
    remote_id, remote_url, error, created_at, updated_at, attempts";

fn row_to_reply(r: &Row<'_>) -> rusqlite::Result<Reply> {
    let channel: String = r.get(2)?;
    let state: String = r.get(6)?;
    let bad = |i: usize, what: String| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, what.into())
    };
    Ok(Reply {
        id: r.get(0)?,
        mention_id: r.get(1)?,
        channel: Channel::parse(&channel)
            .ok_or_else(|| bad(2, format!("unknown channel {channel}")))?,
        private: r.get(3)?,
        body: r.get(4)?,
        idempotency_key: r.get(5)?,
        state: ReplyState::parse(&state).ok_or_else(|| bad(6, format!("unknown state {state}")))?,
        remote_id: r.get(7)?,
        remote_url: r.get(8)?,
        error: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
        attempts: r.get(12)?,
        sent_by: None,
    })
}

impl Store {
    /// Queues a reply to a mention; the key must be unique (it is what makes sending idempotent).
    pub fn queue_reply(
        &mut self,
        mention_id: i64,
        private: bool,
        body: &str,
        idempotency_key: &str,
        now: i64,
    ) -> Result<Reply> {
        let m = self.mention(mention_id)?;
        self.conn.execute(
            "INSERT INTO outbox (mention_id, channel, private, body, idempotency_key, state, \
             created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'queued', ?6, ?6)",
            params![
                mention_id,
                m.channel.as_str(),
                private,
                body,
                idempotency_key,
                now
            ],
        )?;
        self.reply(self.conn.last_insert_rowid())
    }

    /// One reply.
    pub fn reply(&self, id: i64) -> Result<Reply> {
        self.conn
            .query_row(
                &format!("SELECT {REPLY_COLUMNS} FROM outbox WHERE id = ?1"),
                [id],
                row_to_reply,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("reply {id}")))
    }

    /// The replies to one mention, oldest first.
    pub fn replies(&self, mention_id: i64) -> Result<Vec<Reply>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {REPLY_COLUMNS} FROM outbox WHERE mention_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([mention_id], row_to_reply)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replies in a state, oldest first (the sender picks up `queued` ones at start).
    pub fn replies_in(&self, state: ReplyState) -> Result<Vec<Reply>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {REPLY_COLUMNS} FROM outbox WHERE state = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([state.as_str()], row_to_reply)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Claims a queued or failed reply for sending: moves it to `sending` and counts the attempt.
    /// `None` when it is not in a state that may be sent (already sending or sent).
    pub fn claim_reply(&mut self, id: i64, now: i64) -> Result<Option<Reply>> {
        let n = self.conn.execute(
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1, error = NULL, \
             updated_at = ?2 WHERE id = ?1 AND state IN ('queued', 'failed')",
            params![id, now],
        )?;
        if n == 0 {
            self.reply(id)?;
            return Ok(None);
        }
        self.reply(id).map(Some)
    }

    /// Records that the network accepted a reply.
    pub fn reply_sent(
        &mut self,
        id: i64,
        remote_id: &str,
        remote_url: Option<&str>,
        now: i64,
    ) -> Result<Reply> {
        // The reply and the mention's first response are recorded together; a mention still new
        // is now open (answered, not yet done) and read.
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE outbox SET state = 'sent', remote_id = ?2, remote_url = ?3, error = NULL, \
             updated_at = ?4 WHERE id = ?1",
            params![id, remote_id, remote_url, now],
        )?;
        tx.execute(
            "UPDATE mentions SET first_response_at = COALESCE(first_response_at, ?2), at_risk = 0, \
             status = CASE WHEN status = 'new' THEN 'open' ELSE status END, read = 1 \
             WHERE id = (SELECT mention_id FROM outbox WHERE id = ?1)",
            params![id, now],
        )?;
        tx.commit()?;
        self.reply(id)
    }

    /// Replies sent or queued to anyone with this author key, newest first.
    pub fn replies_to_author(&self, author_key: &str) -> Result<Vec<Reply>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {} FROM outbox o WHERE o.mention_id IN \
             (SELECT id FROM mentions WHERE author_key = ?1) ORDER BY o.id DESC LIMIT 20",
            REPLY_COLUMNS
                .split(", ")
                .map(|c| format!("o.{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        ))?;
        let rows = stmt.query_map([author_key], row_to_reply)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replies left `sending` by a stop that can no longer finish them: on one's own file,
    /// every one (only one Earshot opens it at a time).
    pub fn interrupted_replies(&self) -> Result<Vec<Reply>> {
        self.replies_in(ReplyState::Sending)
    }

    /// Records why a reply could not be sent.
    pub fn reply_failed(&mut self, id: i64, error: &str, now: i64) -> Result<Reply> {
        self.conn.execute(
            "UPDATE outbox SET state = 'failed', error = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, error, now],
        )?;
        self.reply(id)
    }
}
