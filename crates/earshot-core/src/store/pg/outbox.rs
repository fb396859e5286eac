//! The team's outbox: the SQLite outbox's rows and states, claimed with row locks so two
//! desktops never send the same reply. A claim names the desktop's member and lasts
//! [`CLAIM_FOR`]; a desktop killed mid-send leaves its claim to run out, and the reply is then
//! settled by another desktop as the outbox settles an interrupted send (look before sending
//! again).

use postgres::Row;

use super::PgStore;
use crate::model::{Channel, Reply, ReplyState};
use crate::store::{Result, StoreError};

/// How long a claim on a reply lasts: far longer than a send takes.
pub const CLAIM_FOR: &str = "2 minutes";

const COLUMNS: &str = "id, mention_id, channel, private, body, idempotency_key, state, \
    remote_id, remote_url, error, created_at, updated_at, attempts, \
    (SELECT name FROM team_members WHERE id = coalesce(sent_by, claimed_by))";

fn row_to_reply(r: &Row) -> Result<Reply> {
    let channel: &str = r.try_get(2)?;
    let state: &str = r.try_get(6)?;
    Ok(Reply {
        id: r.try_get(0)?,
        mention_id: r.try_get(1)?,
        channel: Channel::parse(channel)
            .ok_or_else(|| StoreError::Invalid(format!("unknown channel {channel}")))?,
        private: r.try_get(3)?,
        body: r.try_get(4)?,
        idempotency_key: r.try_get(5)?,
        state: ReplyState::parse(state)
            .ok_or_else(|| StoreError::Invalid(format!("unknown reply state {state}")))?,
        remote_id: r.try_get(7)?,
        remote_url: r.try_get(8)?,
        error: r.try_get(9)?,
        created_at: r.try_get(10)?,
        updated_at: r.try_get(11)?,
        attempts: r.try_get::<_, i32>(12)?.max(0) as u32,
        sent_by: r.try_get(13)?,
    })
}

impl PgStore {
    pub(super) fn replies_where(
        &self,
        filter: &str,
        args: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Vec<Reply>> {
        self.db
            .borrow_mut()
            .query(
                &format!("SELECT {COLUMNS} FROM outbox WHERE {filter}"),
                args,
            )?
            .iter()
            .map(row_to_reply)
            .collect()
    }

    /// Queues a reply to a mention; the key must be unique (it makes sending idempotent).
    pub fn queue_reply(
        &mut self,
        mention_id: i64,
        private: bool,
        body: &str,
        idempotency_key: &str,
        now: i64,
    ) -> Result<Reply> {
        let m = self.mention(mention_id)?;
        let row = self.db.borrow_mut().query_one(
            &format!(
                "INSERT INTO outbox (mention_id, channel, private, body, idempotency_key, state, \
                 created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'queued', $6, $6) \
                 RETURNING {COLUMNS}"
            ),
            &[
                &mention_id,
                &m.channel.as_str(),
                &private,
                &body,
                &idempotency_key,
                &now,
            ],
        )?;
        row_to_reply(&row)
    }

    /// One reply.
    pub fn reply(&self, id: i64) -> Result<Reply> {
        self.replies_where("id = $1", &[&id])?
            .pop()
            .ok_or_else(|| StoreError::NotFound(format!("reply {id}")))
    }

    /// The replies to one mention, oldest first.
    pub fn replies(&self, mention_id: i64) -> Result<Vec<Reply>> {
        self.replies_where("mention_id = $1 ORDER BY id", &[&mention_id])
    }

    /// Replies in a state, oldest first.
    pub fn replies_in(&self, state: ReplyState) -> Result<Vec<Reply>> {
        self.replies_where("state = $1 ORDER BY id", &[&state.as_str()])
    }

    /// Claims a queued or failed reply for sending (see [`crate::store::Store::claim_reply`]);
    /// `None` when another desktop has it or it was sent. The row lock makes this exactly once:
    /// a desktop asking while another's claim commits reads the reply as `sending`.
    pub fn claim_reply(&mut self, id: i64, now: i64) -> Result<Option<Reply>> {
        let rows = self.db.borrow_mut().query(
            &format!(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1, error = NULL, \
                 updated_at = $2, claimed_by = $3, claimed_until = now() + interval '{CLAIM_FOR}' \
                 WHERE id = $1 AND state IN ('queued', 'failed') RETURNING {COLUMNS}"
            ),
            &[&id, &now, &self.member],
        )?;
        match rows.first() {
            Some(r) => row_to_reply(r).map(Some),
            None => self.reply(id).map(|_| None),
        }
    }

    /// Claims the oldest queued reply no other desktop is claiming at this moment (`SKIP
    /// LOCKED`: desktops sending together take different replies instead of waiting in line).
    pub fn claim_next(&mut self, now: i64) -> Result<Option<Reply>> {
        let rows = self.db.borrow_mut().query(
            &format!(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1, error = NULL, \
                 updated_at = $1, claimed_by = $2, claimed_until = now() + interval '{CLAIM_FOR}' \
                 WHERE id = (SELECT id FROM outbox WHERE state = 'queued' ORDER BY id \
                   FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING {COLUMNS}"
            ),
            &[&now, &self.member],
        )?;
        rows.first().map(row_to_reply).transpose()
    }

    /// Records that the network accepted a reply, who sent it, and the mention's first
    /// response, in one transaction.
    pub fn reply_sent(
        &mut self,
        id: i64,
        remote_id: &str,
        remote_url: Option<&str>,
        now: i64,
    ) -> Result<Reply> {
        {
            let mut db = self.db.borrow_mut();
            let mut tx = db.transaction()?;
            tx.execute(
                "UPDATE outbox SET state = 'sent', remote_id = $2, remote_url = $3, error = NULL, \
                 updated_at = $4, sent_by = $5, claimed_until = NULL WHERE id = $1",
                &[&id, &remote_id, &remote_url, &now, &self.member],
            )?;
            tx.execute(
                "UPDATE mentions SET first_response_at = COALESCE(first_response_at, $2), \
                 at_risk = false, status = CASE WHEN status = 'new' THEN 'open' ELSE status END, \
                 read = true WHERE id = (SELECT mention_id FROM outbox WHERE id = $1)",
                &[&id, &now],
            )?;
            tx.commit()?;
        }
        self.reply(id)
    }

    /// Records why a reply could not be sent.
    pub fn reply_failed(&mut self, id: i64, error: &str, now: i64) -> Result<Reply> {
        self.db.borrow_mut().execute(
            "UPDATE outbox SET state = 'failed', error = $2, updated_at = $3, \
             claimed_until = NULL WHERE id = $1",
            &[&id, &error, &now],
        )?;
        self.reply(id)
    }

    /// Replies left `sending` by a desktop whose claim ran out (killed, asleep, cut off): the
    /// ones this desktop should settle. A reply another desktop is sending now is not among
    /// them.
    pub fn interrupted_replies(&self) -> Result<Vec<Reply>> {
        self.replies_where(
            "state = 'sending' AND (claimed_until IS NULL OR claimed_until < now()) ORDER BY id",
            &[],
        )
    }
}
