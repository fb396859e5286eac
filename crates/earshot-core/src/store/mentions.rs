//! Storing a batch with its source's cursor (one transaction), and reading mentions back.

use rusqlite::{params, OptionalExtension};

use super::{remote_json, row_to_mention, Result, Store, StoreError, MENTION_COLUMNS};
use crate::model::{Channel, Intent, Mention, OwnerCalls, Status, Triage};

/// What the store already knows of a mention that arrives again.
#[derive(Debug, Clone, PartialEq)]
pub struct Prior {
    /// Likes when last seen.
    pub likes: Option<i64>,
    /// Reposts when last seen.
    pub reposts: Option<i64>,
    /// Replies when last seen.
    pub replies: Option<i64>,
    /// When it was last seen (unix seconds).
    pub seen_at: i64,
    /// The owner's calls on it.
    pub owner: OwnerCalls,
}

/// A part of a batch on its way to [`Store::store_parts`].
#[derive(Debug)]
pub enum Part {
    /// Mentions to store.
    Chunk(Vec<Mention>),
    /// The batch is whole: commit it.
    Done,
}

/// The batch with each post once, as its last delivery (a post delivered twice in one batch is
/// stored as its later delivery), in the order of those deliveries.
pub fn last_deliveries(mentions: Vec<Mention>) -> Vec<Mention> {
    let mut last = std::collections::HashMap::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        last.insert((m.channel, m.external_id.clone()), i);
    }
    if last.len() == mentions.len() {
        return mentions;
    }
    mentions
        .into_iter()
        .enumerate()
        .filter(|(i, m)| last[&(m.channel, m.external_id.clone())] == *i)
        .map(|(_, m)| m)
        .collect()
}

impl Store {
    /// Stores a batch from one source and advances its cursor, in one transaction. Returns the
    /// mentions that were new (with their ids); re-delivered ones are updated in place when their
    /// text, title or counts changed, and are not returned.
    pub fn store_batch(
        &mut self,
        source_id: Option<i64>,
        mentions: &[Mention],
        cursor: Option<&str>,
    ) -> Result<Vec<Mention>> {
        let parts = std::iter::once(Part::Chunk(last_deliveries(mentions.to_vec())))
            .chain(std::iter::once(Part::Done));
        self.store_parts(source_id, parts, cursor)
    }

    /// Stores a batch that arrives in parts (ingest triages the next part while this one is
    /// written), with its source's cursor, in one transaction. Nothing is kept unless the parts
    /// end with [`Part::Done`]: a producer that failed or stopped leaves the store as it was.
    /// The parts must not repeat a post (see [`last_deliveries`]).
    pub fn store_parts(
        &mut self,
        source_id: Option<i64>,
        parts: impl IntoIterator<Item = Part>,
        cursor: Option<&str>,
    ) -> Result<Vec<Mention>> {
        let tx = self.conn.transaction()?;
        let mut fresh = Vec::new();
        {
            let mut find = tx.prepare_cached(
                "SELECT id, text, title, likes, reposts, replies FROM mentions WHERE channel = ?1 AND external_id = ?2",
            )?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO mentions (channel, external_id, source_id, url, title, author_handle, \
                 author_name, author_url, author_followers, author_karma, text, html, created_at, \
                 fetched_at, reply_to, thread_root, lang, likes, reposts, replies, matched_terms, \
                 urgency, sentiment, reasons, status, read, mood, intent, complaint, needs_reply, \
                 velocity, remote, due_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, \
                 ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, 'new', 0, ?25, ?26, ?27, ?28, ?29, ?30, ?31) \
                 ON CONFLICT (channel, external_id) DO NOTHING",
            )?;
            let mut index = tx.prepare_cached(
                "INSERT INTO mentions_fts (rowid, title, text, author_handle, author_name) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            // New mentions are new and unread: counted under their urgency, once per urgency
            // for the whole batch.
            let mut count = tx.prepare_cached(
                "INSERT INTO mention_tally (status, read, urgency, n) VALUES ('new', 0, ?1, ?2) \
                 ON CONFLICT (status, read, urgency) DO UPDATE SET n = n + excluded.n",
            )?;
            let mut update = tx.prepare_cached(
                "UPDATE mentions SET url = ?2, title = ?3, text = ?4, html = ?5, likes = ?6, \
                 reposts = ?7, replies = ?8, matched_terms = ?9, urgency = ?10, sentiment = ?11, \
                 reasons = ?12, author_followers = COALESCE(?13, author_followers), \
                 author_karma = COALESCE(?14, author_karma), mood = ?15, intent = ?16, \
                 complaint = ?17, needs_reply = ?18, velocity = ?19, fetched_at = ?20, \
                 remote = COALESCE(?21, remote), \
                 due_at = CASE WHEN first_response_at IS NULL THEN ?22 ELSE due_at END WHERE id = ?1",
            )?;
            let mut known = Vec::new();
            let mut new_rows = Vec::new();
            let mut tally = std::collections::BTreeMap::<i64, i64>::new();
            let mut done = false;
            // The insert is the existence check: a post already stored (by channel and external
            // id) inserts nothing and is updated below. Search entries are written last: an
            // UPDATE has triggers, so it runs as a statement transaction, and FTS5 writes its
            // pending terms out as a segment at each statement savepoint; written after the
            // updates, the new rows' terms stay in memory until the commit.
            for part in parts {
                let chunk = match part {
                    Part::Chunk(c) => c,
                    Part::Done => {
                        done = true;
                        break;
                    }
                };
                for m in chunk {
                    let inserted = insert.execute(params![
                        m.channel.as_str(),
                        m.external_id,
                        source_id.or(m.source_id),
                        m.url,
                        m.title,
                        m.author.handle,
                        m.author.display_name,
                        m.author.profile_url,
                        m.author.followers,
                        m.author.karma,
                        m.text,
                        m.html,
                        m.created_at,
                        m.fetched_at,
                        m.reply_to,
                        m.thread_root,
                        m.lang,
                        m.engagement.likes,
                        m.engagement.reposts,
                        m.engagement.replies,
                        serde_json::to_string(&m.matched_terms)?,
                        m.triage.urgency,
                        m.triage.sentiment,
                        serde_json::to_string(&m.triage.reasons)?,
                        m.triage.mood.as_str(),
                        m.triage.intent.as_str(),
                        m.triage.complaint,
                        m.triage.needs_reply,
                        m.engagement.velocity,
                        remote_json(&m.remote)?,
                        m.work.due_at,
                    ])?;
                    if inserted == 0 {
                        known.push(m);
                        continue;
                    }
                    *tally.entry(i64::from(m.triage.urgency)).or_default() += 1;
                    new_rows.push((tx.last_insert_rowid(), m));
                }
            }
            if !done {
                // Dropped with the transaction: nothing of this batch is kept.
                return Err(StoreError::Invalid(
                    "the batch stopped before its end; nothing of it was stored".into(),
                ));
            }
            for (urgency, n) in tally {
                count.execute([urgency, n])?;
            }
            for m in &known {
                if let Some(was) = stored_as(&mut find, m)? {
                    refresh(&mut update, was, m)?;
                }
            }
            for (id, mut m) in new_rows {
                index.execute(params![
                    id,
                    m.title,
                    m.text,
                    m.author.handle,
                    m.author.display_name
                ])?;
                m.id = id;
                m.source_id = source_id.or(m.source_id);
                fresh.push(m);
            }
        }
        if let (Some(id), Some(c)) = (source_id, cursor) {
            tx.execute(
                "UPDATE sources SET cursor = ?2 WHERE id = ?1",
                params![id, c],
            )?;
        }
        tx.commit()?;
        Ok(fresh)
    }

    /// What is already known of these mentions (by channel and external id): their last
    /// engagement counts and when they were seen, and the owner's calls. Feeds velocity and keeps
    /// the owner's corrections when a post is delivered again.
    pub fn priors(&self, keys: &[(Channel, &str)]) -> Result<Vec<Option<Prior>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT likes, reposts, replies, fetched_at, owner_urgent, owner_intent FROM mentions \
             WHERE channel = ?1 AND external_id = ?2",
        )?;
        keys.iter()
            .map(|(c, id)| {
                stmt.query_row(params![c.as_str(), id], |r| {
                    Ok(Prior {
                        likes: r.get(0)?,
                        reposts: r.get(1)?,
                        replies: r.get(2)?,
                        seen_at: r.get(3)?,
                        owner: OwnerCalls {
                            urgent: r.get(4)?,
                            intent: r
                                .get::<_, Option<String>>(5)?
                                .and_then(|s| Intent::parse(&s)),
                        },
                    })
                })
                .optional()
                .map_err(StoreError::from)
            })
            .collect()
    }

    /// Mentions worth re-ranking after the owner taught something: not done, newest first.
    pub fn recent_open(&self, limit: u32) -> Result<Vec<Mention>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MENTION_COLUMNS} FROM mentions WHERE status IN ('new', 'open') \
             ORDER BY created_at DESC, id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit], row_to_mention)?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(StoreError::from)
    }

    /// Mentions with ids above `after`, in id order: for re-ranking everything in chunks.
    pub fn mentions_after(&self, after: i64, limit: u32) -> Result<Vec<Mention>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MENTION_COLUMNS} FROM mentions WHERE id > ?1 ORDER BY id LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![after, limit], row_to_mention)?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(StoreError::from)
    }

    /// Saves new triage for mentions; returns those whose triage changed.
    /// `due` is the first-response due time for the new urgency (kept once answered).
    pub fn set_triage(&mut self, updates: &[(i64, Triage, Option<i64>)]) -> Result<Vec<i64>> {
        let tx = self.conn.transaction()?;
        let mut changed = Vec::new();
        {
            let mut stmt = tx.prepare_cached(
                "UPDATE mentions SET urgency = ?2, sentiment = ?3, reasons = ?4, mood = ?5, \
                 intent = ?6, complaint = ?7, needs_reply = ?8, \
                 due_at = CASE WHEN first_response_at IS NULL THEN ?9 ELSE due_at END \
                 WHERE id = ?1 AND (urgency != ?2 OR reasons != ?4 OR mood != ?5 OR intent != ?6 \
                 OR complaint != ?7 OR needs_reply != ?8 \
                 OR (first_response_at IS NULL AND due_at IS NOT ?9))",
            )?;
            for (id, t, due) in updates {
                let n = stmt.execute(params![
                    id,
                    t.urgency,
                    t.sentiment,
                    serde_json::to_string(&t.reasons)?,
                    t.mood.as_str(),
                    t.intent.as_str(),
                    t.complaint,
                    t.needs_reply,
                    due,
                ])?;
                if n > 0 {
                    changed.push(*id);
                }
            }
        }
        tx.commit()?;
        Ok(changed)
    }

    /// One mention by id.
    pub fn mention(&self, id: i64) -> Result<Mention> {
        self.conn
            .query_row(
                &format!("SELECT {MENTION_COLUMNS} FROM mentions WHERE id = ?1"),
                [id],
                row_to_mention,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("mention {id}")))
    }

    /// Replaces what a mention's network says about it beyond its text (hidden, the owner's
    /// reply on a review) after the owner changed it there.
    pub fn set_remote(&mut self, id: i64, remote: &crate::model::Remote) -> Result<Mention> {
        let json = remote_json(remote)?;
        let n = self.conn.execute(
            "UPDATE mentions SET remote = ?2 WHERE id = ?1",
            params![id, json],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("mention {id}")));
        }
        self.mention(id)
    }

    /// Every stored mention, oldest first, for export.
    pub fn for_each_mention(&self, mut f: impl FnMut(Mention)) -> Result<()> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {MENTION_COLUMNS} FROM mentions ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map([], row_to_mention)?;
        for r in rows {
            f(r?);
        }
        Ok(())
    }

    /// Sets a mention's status; returns it as it now is. See [`Store::apply`] for the rest of
    /// the queue's actions.
    pub fn set_status(&mut self, id: i64, status: Status, now: i64) -> Result<Mention> {
        let mut changed = self.apply(&[id], &super::work::Action::Status { status }, now)?;
        changed
            .pop()
            .ok_or_else(|| StoreError::NotFound(format!("mention {id}")))
    }

    /// Marks a mention as opened by the owner.
    pub fn mark_read(&mut self, id: i64) -> Result<Mention> {
        let n = self
            .conn
            .execute("UPDATE mentions SET read = 1 WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("mention {id}")));
        }
        self.mention(id)
    }
}

/// A stored post as `store_batch` compares it with a new delivery: id, text, title and counts.
pub(super) type StoredPost = (
    i64,
    String,
    Option<String>,
    (Option<i64>, Option<i64>, Option<i64>),
);

pub(super) fn stored_as(
    find: &mut rusqlite::CachedStatement<'_>,
    m: &Mention,
) -> Result<Option<StoredPost>> {
    Ok(find
        .query_row(params![m.channel.as_str(), m.external_id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                (r.get(3)?, r.get(4)?, r.get(5)?),
            ))
        })
        .optional()?)
}

/// Updates a stored post from a new delivery when its text, title or counts changed.
pub(super) fn refresh(
    update: &mut rusqlite::CachedStatement<'_>,
    (id, text, title, counts): StoredPost,
    m: &Mention,
) -> Result<()> {
    let e = &m.engagement;
    if text == m.text && title == m.title && counts == (e.likes, e.reposts, e.replies) {
        return Ok(());
    }
    update.execute(params![
        id,
        m.url,
        m.title,
        m.text,
        m.html,
        e.likes,
        e.reposts,
        e.replies,
        serde_json::to_string(&m.matched_terms)?,
        m.triage.urgency,
        m.triage.sentiment,
        serde_json::to_string(&m.triage.reasons)?,
        m.author.followers,
        m.author.karma,
        m.triage.mood.as_str(),
        m.triage.intent.as_str(),
        m.triage.complaint,
        m.triage.needs_reply,
        e.velocity,
        m.fetched_at,
        remote_json(&m.remote)?,
        m.work.due_at,
    ])?;
    Ok(())
}
