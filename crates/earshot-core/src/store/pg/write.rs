//! Writing to the team's store: batches with their cursor (under the source's lease), triage,
//! status, read, sources.

use std::collections::{BTreeMap, HashMap};

use postgres::Transaction;

use super::PgStore;
use crate::model::{Mention, SourceSpec, Triage};
use crate::store::mentions::{last_deliveries, Part};
use crate::store::search::pg_tsvector;
use crate::store::{remote_json, Result, StoreError};

fn tsv(m: &Mention) -> String {
    pg_tsvector(&[
        m.title.as_deref(),
        Some(&m.text),
        Some(&m.author.handle),
        m.author.display_name.as_deref(),
    ])
}

/// The columns a new mention's row is made of, with their array types, in the order
/// [`insert_chunk`] binds them.
const INSERTED: [(&str, &str); 32] = [
    ("channel", "text"),
    ("external_id", "text"),
    ("source_id", "int8"),
    ("url", "text"),
    ("title", "text"),
    ("author_handle", "text"),
    ("author_name", "text"),
    ("author_url", "text"),
    ("author_followers", "int8"),
    ("author_karma", "int8"),
    ("text", "text"),
    ("html", "text"),
    ("created_at", "int8"),
    ("fetched_at", "int8"),
    ("reply_to", "text"),
    ("thread_root", "text"),
    ("lang", "text"),
    ("likes", "int8"),
    ("reposts", "int8"),
    ("replies", "int8"),
    ("matched_terms", "text"),
    ("urgency", "int4"),
    ("sentiment", "float8"),
    ("reasons", "text"),
    ("mood", "text"),
    ("intent", "text"),
    ("complaint", "bool"),
    ("needs_reply", "bool"),
    ("velocity", "float8"),
    ("remote", "text"),
    ("due_at", "int8"),
    ("tsv", "text"),
];

/// One statement for a whole chunk (a row per round trip ran at a tenth of SQLite's rate):
/// the columns go as arrays, unnested in the chunk's order so ids follow it.
fn insert_sql() -> String {
    let names: Vec<&str> = INSERTED.iter().map(|(n, _)| *n).collect();
    let arrays: Vec<String> = INSERTED
        .iter()
        .enumerate()
        .map(|(i, (_, t))| format!("${}::{t}[]", i + 1))
        .collect();
    let picked: Vec<String> = (1..=INSERTED.len())
        .map(|i| {
            if i == INSERTED.len() {
                format!("c{i}::tsvector")
            } else {
                format!("c{i}")
            }
        })
        .collect();
    let aliases: Vec<String> = (1..=INSERTED.len()).map(|i| format!("c{i}")).collect();
    format!(
        "INSERT INTO mentions ({}, status, read) SELECT {}, 'new', false \
         FROM unnest({}) WITH ORDINALITY AS u({}, ord) ORDER BY ord \
         ON CONFLICT (channel, external_id) DO NOTHING RETURNING id, channel, external_id",
        names.join(", "),
        picked.join(", "),
        arrays.join(", "),
        aliases.join(", ")
    )
}

const REFRESH: &str = "UPDATE mentions SET url = $2, title = $3, text = $4, html = $5, \
    likes = $6, reposts = $7, replies = $8, matched_terms = $9, urgency = $10, sentiment = $11, \
    reasons = $12, author_followers = COALESCE($13, author_followers), \
    author_karma = COALESCE($14, author_karma), mood = $15, intent = $16, complaint = $17, \
    needs_reply = $18, velocity = $19, fetched_at = $20, remote = COALESCE($21, remote), \
    due_at = CASE WHEN first_response_at IS NULL THEN $22 ELSE due_at END, \
    tsv = $23::text::tsvector WHERE id = $1";

impl PgStore {
    /// Stores a batch from one source and advances its cursor, in one transaction (see
    /// [`crate::store::Store::store_batch`]).
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

    /// Stores a batch that arrives in parts, with its source's cursor, in one transaction;
    /// nothing is kept unless the parts end with [`Part::Done`]. A desktop listening as a member
    /// stores only while it holds the source's lease ([`StoreError::NotListening`] otherwise).
    pub fn store_parts(
        &mut self,
        source_id: Option<i64>,
        parts: impl IntoIterator<Item = Part>,
        cursor: Option<&str>,
    ) -> Result<Vec<Mention>> {
        let member = self.member;
        let mut db = self.db.borrow_mut();
        let mut tx = db.transaction()?;
        if let (Some(member), Some(source)) = (member, source_id) {
            // FOR SHARE: the lease cannot change hands before this transaction ends.
            let held = tx.query_opt(
                "SELECT 1 FROM source_leases WHERE source = $1 AND holder = $2 \
                 AND expires_at > now() FOR SHARE",
                &[&PgStore::lease_key(source), &member],
            )?;
            if held.is_none() {
                return Err(StoreError::NotListening(source));
            }
        }
        let insert = tx.prepare(&insert_sql())?;
        let mut fresh = Vec::new();
        let mut known = Vec::new();
        let mut tally = BTreeMap::<i32, i64>::new();
        let mut done = false;
        for part in parts {
            let chunk = match part {
                Part::Chunk(c) => c,
                Part::Done => {
                    done = true;
                    break;
                }
            };
            let mut made = insert_chunk(&mut tx, &insert, source_id, &chunk)?;
            for mut m in chunk {
                match made.remove(&(m.channel.as_str().to_string(), m.external_id.clone())) {
                    None => known.push(m),
                    Some(id) => {
                        *tally.entry(i32::from(m.triage.urgency)).or_default() += 1;
                        m.id = id;
                        m.source_id = source_id.or(m.source_id);
                        fresh.push(m);
                    }
                }
            }
        }
        if !done {
            return Err(StoreError::Invalid(
                "the batch stopped before its end; nothing of it was stored".into(),
            ));
        }
        // In key order, so two desktops storing at once lock the tally's rows in one order.
        for (urgency, n) in tally {
            tx.execute(
                "INSERT INTO mention_tally (status, read, urgency, n) VALUES ('new', false, $1, $2) \
                 ON CONFLICT (status, read, urgency) DO UPDATE SET n = mention_tally.n + EXCLUDED.n",
                &[&urgency, &n],
            )?;
        }
        for m in &known {
            refresh(&mut tx, m)?;
        }
        if let (Some(id), Some(c)) = (source_id, cursor) {
            tx.execute("UPDATE sources SET cursor = $2 WHERE id = $1", &[&id, &c])?;
        }
        tx.commit()?;
        Ok(fresh)
    }

    /// Saves new triage for mentions; returns those whose triage changed.
    pub fn set_triage(&mut self, updates: &[(i64, Triage, Option<i64>)]) -> Result<Vec<i64>> {
        let mut db = self.db.borrow_mut();
        let mut tx = db.transaction()?;
        let stmt = tx.prepare(
            "UPDATE mentions SET urgency = $2, sentiment = $3, reasons = $4, mood = $5, \
             intent = $6, complaint = $7, needs_reply = $8, \
             due_at = CASE WHEN first_response_at IS NULL THEN $9 ELSE due_at END \
             WHERE id = $1 AND (urgency != $2 OR reasons != $4 OR mood != $5 OR intent != $6 \
             OR complaint != $7 OR needs_reply != $8 \
             OR (first_response_at IS NULL AND due_at IS DISTINCT FROM $9))",
        )?;
        let mut changed = Vec::new();
        for (id, t, due) in updates {
            let n = tx.execute(
                &stmt,
                &[
                    id,
                    &i32::from(t.urgency),
                    &f64::from(t.sentiment),
                    &serde_json::to_string(&t.reasons)?,
                    &t.mood.as_str(),
                    &t.intent.as_str(),
                    &t.complaint,
                    &t.needs_reply,
                    due,
                ],
            )?;
            if n > 0 {
                changed.push(*id);
            }
        }
        tx.commit()?;
        Ok(changed)
    }

    /// Marks a mention as opened by the owner.
    pub fn mark_read(&mut self, id: i64) -> Result<Mention> {
        let n = self
            .db
            .borrow_mut()
            .execute("UPDATE mentions SET read = true WHERE id = $1", &[&id])?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("mention {id}")));
        }
        self.mention(id)
    }

    /// Adds a source, or updates the spec of the source with the same name (keeping its cursor).
    pub fn upsert_source(&mut self, spec: &SourceSpec, now: i64) -> Result<i64> {
        let json = serde_json::to_string(spec)?;
        Ok(self
            .db
            .borrow_mut()
            .query_one(
                "INSERT INTO sources (name, kind, spec, created_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, spec = EXCLUDED.spec \
                 RETURNING id",
                &[&spec.name, &spec.kind.as_str(), &json, &now],
            )?
            .get(0))
    }
}

/// Inserts the chunk's new posts; returns their ids by (channel, external id). Posts already
/// stored insert nothing.
fn insert_chunk(
    tx: &mut Transaction<'_>,
    insert: &postgres::Statement,
    source_id: Option<i64>,
    chunk: &[Mention],
) -> Result<HashMap<(String, String), i64>> {
    fn col<'a, T>(chunk: &'a [Mention], f: impl Fn(&'a Mention) -> T) -> Vec<T> {
        chunk.iter().map(f).collect()
    }
    let json = |v: &Vec<String>| serde_json::to_string(v);
    let matched = chunk
        .iter()
        .map(|m| json(&m.matched_terms))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let reasons = chunk
        .iter()
        .map(|m| json(&m.triage.reasons))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let remote = chunk
        .iter()
        .map(|m| remote_json(&m.remote))
        .collect::<Result<Vec<_>>>()?;
    let rows = tx.query(
        insert,
        &[
            &col(chunk, |m| m.channel.as_str()),
            &col(chunk, |m| m.external_id.as_str()),
            &col(chunk, |m| source_id.or(m.source_id)),
            &col(chunk, |m| m.url.as_deref()),
            &col(chunk, |m| m.title.as_deref()),
            &col(chunk, |m| m.author.handle.as_str()),
            &col(chunk, |m| m.author.display_name.as_deref()),
            &col(chunk, |m| m.author.profile_url.as_deref()),
            &col(chunk, |m| m.author.followers),
            &col(chunk, |m| m.author.karma),
            &col(chunk, |m| m.text.as_str()),
            &col(chunk, |m| m.html.as_deref()),
            &col(chunk, |m| m.created_at),
            &col(chunk, |m| m.fetched_at),
            &col(chunk, |m| m.reply_to.as_deref()),
            &col(chunk, |m| m.thread_root.as_deref()),
            &col(chunk, |m| m.lang.as_deref()),
            &col(chunk, |m| m.engagement.likes),
            &col(chunk, |m| m.engagement.reposts),
            &col(chunk, |m| m.engagement.replies),
            &matched,
            &col(chunk, |m| i32::from(m.triage.urgency)),
            &col(chunk, |m| f64::from(m.triage.sentiment)),
            &reasons,
            &col(chunk, |m| m.triage.mood.as_str()),
            &col(chunk, |m| m.triage.intent.as_str()),
            &col(chunk, |m| m.triage.complaint),
            &col(chunk, |m| m.triage.needs_reply),
            &col(chunk, |m| m.engagement.velocity),
            &remote,
            &col(chunk, |m| m.work.due_at),
            &col(chunk, tsv),
        ],
    )?;
    Ok(rows
        .iter()
        .map(|r| ((r.get::<_, String>(1), r.get::<_, String>(2)), r.get(0)))
        .collect())
}

/// Updates a stored post from a new delivery when its text, title or counts changed.
fn refresh(tx: &mut Transaction<'_>, m: &Mention) -> Result<()> {
    let Some(was) = tx.query_opt(
        "SELECT id, text, title, likes, reposts, replies FROM mentions \
         WHERE channel = $1 AND external_id = $2",
        &[&m.channel.as_str(), &m.external_id],
    )?
    else {
        return Ok(());
    };
    let e = &m.engagement;
    let (text, title): (String, Option<String>) = (was.get(1), was.get(2));
    let counts: (Option<i64>, Option<i64>, Option<i64>) = (was.get(3), was.get(4), was.get(5));
    if text == m.text && title == m.title && counts == (e.likes, e.reposts, e.replies) {
        return Ok(());
    }
    tx.execute(
        REFRESH,
        &[
            &was.get::<_, i64>(0),
            &m.url,
            &m.title,
            &m.text,
            &m.html,
            &e.likes,
            &e.reposts,
            &e.replies,
            &serde_json::to_string(&m.matched_terms)?,
            &i32::from(m.triage.urgency),
            &f64::from(m.triage.sentiment),
            &serde_json::to_string(&m.triage.reasons)?,
            &m.author.followers,
            &m.author.karma,
            &m.triage.mood.as_str(),
            &m.triage.intent.as_str(),
            &m.triage.complaint,
            &m.triage.needs_reply,
            &e.velocity,
            &m.fetched_at,
            &remote_json(&m.remote)?,
            &m.work.due_at,
            &tsv(m),
        ],
    )?;
    Ok(())
}
