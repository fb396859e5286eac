//! Reading the team's store: one mention, what is known of arriving posts, inbox views (filters,
//! keyset pages, search), badge counts and sources.

use postgres::types::ToSql;

use super::{row_to_mention, PgStore, COLUMNS};
use crate::model::{Channel, Intent, Mention, OwnerCalls, Source, Status};
use crate::store::search::SearchQuery;
use crate::store::view::{page_of, PageCursor};
use crate::store::{
    fts_query, Counts, MentionPage, MentionQuery, Order, Prior, Result, StoreError,
};

type Args = Vec<Box<dyn ToSql + Sync>>;

fn refs(args: &Args) -> Vec<&(dyn ToSql + Sync)> {
    args.iter().map(|a| a.as_ref()).collect()
}

/// The WHERE clause of a view with its arguments: the SQLite store's `view_filters` with
/// PostgreSQL's placeholders and types.
fn view_filters(q: &MentionQuery) -> Result<(String, Args)> {
    let mut sql = String::from("true");
    let mut args: Args = Vec::new();
    let mut arg = |sql: &mut String, text: &str, v: Box<dyn ToSql + Sync>| {
        args.push(v);
        sql.push_str(&text.replace('?', &format!("${}", args.len())));
    };
    if let Some(c) = q.channel {
        arg(
            &mut sql,
            " AND channel = ?",
            Box::new(c.as_str().to_string()),
        );
    }
    if let Some(s) = q.status {
        arg(
            &mut sql,
            " AND status = ?",
            Box::new(s.as_str().to_string()),
        );
    } else if q.todo {
        sql.push_str(" AND status IN ('new', 'open')");
    } else {
        sql.push_str(" AND status NOT IN ('snoozed', 'ignored')");
    }
    if let Some(t) = q.tag.as_deref() {
        arg(
            &mut sql,
            " AND id IN (SELECT mention_id FROM mention_tags WHERE tag = ?)",
            Box::new(t.to_string()),
        );
    }
    match q.assignee.as_deref() {
        Some("") => sql.push_str(" AND assignee IS NULL"),
        Some(a) => arg(&mut sql, " AND assignee = ?", Box::new(a.to_string())),
        None => {}
    }
    if let Some(m) = q.mood {
        arg(&mut sql, " AND mood = ?", Box::new(m.as_str().to_string()));
    }
    if let Some(t) = q.since {
        arg(&mut sql, " AND created_at >= ?", Box::new(t));
    }
    if let Some(u) = q.min_urgency {
        arg(&mut sql, " AND urgency >= ?", Box::new(i32::from(u)));
    }
    if let Some(ids) = &q.ids {
        if ids.len() > 500 {
            return Err(StoreError::Invalid(format!(
                "{} mention ids in one query (at most 500)",
                ids.len()
            )));
        }
        arg(&mut sql, " AND id = ANY(?)", Box::new(ids.clone()));
    }
    if let Some(after) = q.after.as_deref() {
        let c = PageCursor::decode(after)?;
        match q.order {
            Order::Urgent => {
                arg(
                    &mut sql,
                    " AND (at_risk, urgency, created_at, id) < (?",
                    Box::new(c.at_risk != 0),
                );
                arg(&mut sql, ", ?", Box::new(c.urgency.clamp(0, 1000) as i32));
                arg(&mut sql, ", ?", Box::new(c.created_at));
                arg(&mut sql, ", ?)", Box::new(c.id));
            }
            Order::Newest => {
                arg(
                    &mut sql,
                    " AND (created_at, id) < (?",
                    Box::new(c.created_at),
                );
                arg(&mut sql, ", ?)", Box::new(c.id));
            }
        }
    }
    Ok((sql, args))
}

impl PgStore {
    fn rows(&self, sql: &str, args: &[&(dyn ToSql + Sync)]) -> Result<Vec<Mention>> {
        self.db
            .borrow_mut()
            .query(sql, args)?
            .iter()
            .map(row_to_mention)
            .collect()
    }

    /// One mention by id.
    pub fn mention(&self, id: i64) -> Result<Mention> {
        self.rows(
            &format!("SELECT {COLUMNS} FROM mentions WHERE id = $1"),
            &[&id],
        )?
        .pop()
        .ok_or_else(|| StoreError::NotFound(format!("mention {id}")))
    }

    /// What is already known of these posts: their last counts, when they were seen, and the
    /// owner's calls.
    pub fn priors(&self, keys: &[(Channel, &str)]) -> Result<Vec<Option<Prior>>> {
        let mut db = self.db.borrow_mut();
        let stmt = db.prepare(
            "SELECT likes, reposts, replies, fetched_at, owner_urgent, owner_intent FROM mentions \
             WHERE channel = $1 AND external_id = $2",
        )?;
        keys.iter()
            .map(|(c, id)| {
                Ok(db.query_opt(&stmt, &[&c.as_str(), id])?.map(|r| Prior {
                    likes: r.get(0),
                    reposts: r.get(1),
                    replies: r.get(2),
                    seen_at: r.get(3),
                    owner: OwnerCalls {
                        urgent: r.get(4),
                        intent: r.get::<_, Option<&str>>(5).and_then(Intent::parse),
                    },
                }))
            })
            .collect()
    }

    /// One inbox page, with the SQLite store's filters, order, cursors and search matching.
    ///
    /// A search finds its page as the SQLite store's does (`store/search.rs`), because
    /// PostgreSQL's estimate for a word or prefix is often far off: asked to sort half a million
    /// GIN hits for a common word, it took 1.3 s at 1M mentions. 1. **probe**: the view's first
    /// [`PROBE`](crate::store::search::PROBE) rows, in order, checked against `tsv`; 2. **few
    /// hits**: at most [`FEW`](crate::store::search::FEW) from the GIN index, sorted; 3. **many**:
    /// the view's index walked in order, each row checked with `ts_match_vq` (the function
    /// behind `@@`, which the planner cannot answer from the GIN index).
    pub fn list(&self, q: &MentionQuery) -> Result<MentionPage> {
        let limit = q.limit.unwrap_or(50).clamp(1, 500) as usize;
        let (mut filters, mut args) = view_filters(q)?;
        let order_by = match q.order {
            Order::Urgent => " ORDER BY at_risk DESC, urgency DESC, created_at DESC, id DESC",
            Order::Newest => " ORDER BY created_at DESC, id DESC",
        };
        let page = |filters: &str, mut args: Args| -> Result<MentionPage> {
            args.push(Box::new(limit as i64 + 1));
            let sql = format!(
                "SELECT {COLUMNS} FROM mentions WHERE {filters}{order_by} LIMIT ${}",
                args.len()
            );
            Ok(page_of(self.rows(&sql, &refs(&args))?, limit))
        };
        let Some(typed) = q.search.as_deref().filter(|s| !s.trim().is_empty()) else {
            return page(&filters, args);
        };
        let (Some(_), Some(sq)) = (fts_query(typed), SearchQuery::parse(typed)) else {
            return Ok(MentionPage {
                mentions: Vec::new(),
                next: None,
            });
        };
        let tsq = sq.pg_tsquery();
        if self.search_probe > 0 && q.ids.is_none() {
            // (A smaller probe first, 4 pages' rows, made a common word in the urgent-first
            // view slower at 1M, p95 28 → 44 ms, as often as it made others faster.)
            if let Some(found) =
                self.probe(q, &filters, order_by, &tsq, self.search_probe, limit)?
            {
                return Ok(found);
            }
        }
        let hits: Vec<i64> = self
            .db
            .borrow_mut()
            .query(
                "SELECT id FROM mentions WHERE tsv @@ $1::text::tsquery LIMIT $2",
                &[&tsq, &(self.search_few as i64 + 1)],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        if hits.len() <= self.search_few {
            args.push(Box::new(hits));
            filters.push_str(&format!(" AND id = ANY(${})", args.len()));
        } else {
            args.push(Box::new(tsq));
            filters.push_str(&format!(
                " AND ts_match_vq(tsv, ${}::text::tsquery)",
                args.len()
            ));
        }
        page(&filters, args)
    }

    /// The page from the view's first `probe` rows checked against the search, if that settles
    /// it (the page filled, or the view ended within them).
    fn probe(
        &self,
        q: &MentionQuery,
        filters: &str,
        order_by: &str,
        tsq: &str,
        probe: usize,
        limit: usize,
    ) -> Result<Option<MentionPage>> {
        let mut args = view_filters(q)?.1;
        let n = args.len();
        args.push(Box::new(probe as i64));
        args.push(Box::new(tsq.to_string()));
        args.push(Box::new(limit as i64 + 1));
        let sql = format!(
            "WITH v AS MATERIALIZED (SELECT id, tsv FROM mentions WHERE {filters}{order_by} \
             LIMIT ${}) SELECT {COLUMNS} FROM mentions WHERE id IN \
             (SELECT id FROM v WHERE tsv @@ ${}::text::tsquery){order_by} LIMIT ${}",
            n + 1,
            n + 2,
            n + 3
        );
        let rows = self.rows(&sql, &refs(&args))?;
        if rows.len() > limit {
            return Ok(Some(page_of(rows, limit)));
        }
        args.truncate(n + 1);
        let seen: i64 = self
            .db
            .borrow_mut()
            .query_one(
                &format!(
                    "SELECT count(*) FROM (SELECT 1 FROM mentions WHERE {filters}{order_by} \
                     LIMIT ${}) v",
                    n + 1
                ),
                &refs(&args),
            )?
            .get(0);
        // Fewer rows than asked for: the probe saw the whole view.
        Ok(((seen as usize) < probe).then(|| page_of(rows, limit)))
    }

    /// Sets how a search finds its page, as [`crate::store::Store::set_search_paths`] does.
    pub fn set_search_paths(&mut self, probe: usize, few: usize) {
        self.search_probe = probe;
        self.search_few = few;
    }

    /// Badge counts from the tally; `urgent_threshold` decides what counts as urgent.
    pub fn counts(&self, urgent_threshold: u8) -> Result<Counts> {
        let rows = self.db.borrow_mut().query(
            "SELECT status, sum(n)::bigint, \
               sum(CASE WHEN NOT read AND urgency >= $1 THEN n ELSE 0 END)::bigint \
             FROM mention_tally GROUP BY status",
            &[&i32::from(urgent_threshold)],
        )?;
        let mut c = Counts::default();
        for r in rows {
            let (s, n, urgent_unread): (&str, i64, i64) = (r.get(0), r.get(1), r.get(2));
            let n = n.clamp(0, i64::from(u32::MAX)) as u32;
            c.total += n;
            match Status::parse(s) {
                Some(Status::New) => c.new = n,
                Some(Status::Open) => c.open = n,
                Some(Status::Snoozed) => c.snoozed = n,
                Some(Status::Done) => c.done = n,
                Some(Status::Ignored) => c.ignored = n,
                None => {}
            }
            if Status::parse(s).is_some_and(Status::awaiting) {
                c.unread_urgent += urgent_unread.clamp(0, i64::from(u32::MAX)) as u32;
            }
        }
        Ok(c)
    }

    /// All sources.
    pub fn sources(&self) -> Result<Vec<Source>> {
        let rows = self.db.borrow_mut().query(
            "SELECT id, spec, enabled, cursor, health FROM sources ORDER BY id",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                Ok(Source {
                    id: r.get(0),
                    spec: serde_json::from_str(r.get(1))?,
                    enabled: r.get(2),
                    cursor: r.get(3),
                    health: serde_json::from_str(r.get(4)).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// One source.
    pub fn source(&self, id: i64) -> Result<Source> {
        self.sources()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| StoreError::NotFound(format!("source {id}")))
    }
}
