//! The inbox's views: filters, order, keyset pages, and the badge counts.

use rusqlite::{params, params_from_iter};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::search::{self, SearchQuery};
use super::{row_to_mention, Result, Store, StoreError, MENTION_COLUMNS};
use crate::model::{Channel, Mention, Sentiment, Status};

/// The order of an inbox view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum Order {
    /// Most urgent first, then newest.
    #[default]
    Urgent,
    /// Newest first.
    Newest,
}

/// What an inbox view asks for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct MentionQuery {
    /// Sort order.
    #[serde(default)]
    pub order: Order,
    /// Only this channel.
    #[serde(default)]
    pub channel: Option<Channel>,
    /// Only this status. Without one, everything but snoozed and ignored mentions.
    #[serde(default)]
    pub status: Option<Status>,
    /// Only mentions still waiting for the owner (new or open): the to-do queue.
    #[serde(default)]
    pub todo: bool,
    /// Only mentions with this tag.
    #[serde(default)]
    pub tag: Option<String>,
    /// Only mentions assigned to this helper; an empty name means unassigned.
    #[serde(default)]
    pub assignee: Option<String>,
    /// Only this tone.
    #[serde(default)]
    pub mood: Option<Sentiment>,
    /// Only mentions posted at or after this time (unix seconds).
    #[serde(default)]
    #[ts(type = "number | null")]
    pub since: Option<i64>,
    /// Only mentions at least this urgent.
    #[serde(default)]
    pub min_urgency: Option<u8>,
    /// Full-text search (words; the last one may be a prefix).
    #[serde(default)]
    pub search: Option<String>,
    /// Only these mentions (at most 500): which of the mentions just announced belong in this
    /// view, so a list can take them in without reloading.
    #[serde(default)]
    #[ts(type = "Array<number> | null")]
    pub ids: Option<Vec<i64>>,
    /// Page size (default 50, at most 500).
    #[serde(default)]
    pub limit: Option<u32>,
    /// Where the previous page ended.
    #[serde(default)]
    pub after: Option<String>,
}

/// One page of an inbox view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct MentionPage {
    /// The mentions, in order.
    pub mentions: Vec<Mention>,
    /// Pass as `after` for the next page; `None` at the end.
    pub next: Option<String>,
}

/// Badge counts for the inbox and tray.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Counts {
    /// All stored mentions.
    pub total: u32,
    /// Status new.
    pub new: u32,
    /// Status open.
    pub open: u32,
    /// Status snoozed.
    pub snoozed: u32,
    /// Status done.
    pub done: u32,
    /// Status ignored.
    pub ignored: u32,
    /// Urgent, not done and not yet opened: the tray's number.
    pub unread_urgent: u32,
}

/// Keyset position: the sort key of the last row of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageCursor {
    pub(super) at_risk: i64,
    pub(super) urgency: i64,
    pub(super) created_at: i64,
    pub(super) id: i64,
}

impl PageCursor {
    fn encode(self) -> String {
        format!(
            "{}.{}.{}.{}",
            self.at_risk, self.urgency, self.created_at, self.id
        )
    }
    pub(super) fn decode(s: &str) -> Result<PageCursor> {
        let bad = || StoreError::Invalid(format!("page cursor {s:?}"));
        let mut it = s.split('.').map(|p| p.parse::<i64>().map_err(|_| bad()));
        let c = PageCursor {
            at_risk: it.next().ok_or_else(bad)??,
            urgency: it.next().ok_or_else(bad)??,
            created_at: it.next().ok_or_else(bad)??,
            id: it.next().ok_or_else(bad)??,
        };
        if it.next().is_some() {
            return Err(bad());
        }
        Ok(c)
    }
}

/// Turns what a person typed into a safe FTS5 query: each word quoted, the last one a prefix.
/// Returns `None` when nothing searchable is left.
pub fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = search::words(input)
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut q = words.join(" ");
    q.push('*');
    Some(q)
}

impl Store {
    /// One inbox page.
    pub fn list(&self, q: &MentionQuery) -> Result<MentionPage> {
        let limit = q.limit.unwrap_or(50).clamp(1, 500) as usize;
        let (mut filters, mut args) = view_filters(q)?;
        let search = match q.search.as_deref().filter(|s| !s.trim().is_empty()) {
            None => None,
            Some(typed) => match (fts_query(typed), SearchQuery::parse(typed)) {
                (Some(fq), Some(sq)) => Some((typed, fq, sq)),
                _ => {
                    return Ok(MentionPage {
                        mentions: Vec::new(),
                        next: None,
                    })
                }
            },
        };
        let order_by = |plain: bool| match (q.order, plain) {
            (Order::Urgent, true) => {
                " ORDER BY at_risk DESC, urgency DESC, created_at DESC, id DESC"
            }
            (Order::Newest, true) => " ORDER BY created_at DESC, id DESC",
            // `+` keeps the planner from walking an index in order and probing a short id list
            // per row: it reads the listed rows and sorts them.
            (Order::Urgent, false) => {
                " ORDER BY +at_risk DESC, +urgency DESC, +created_at DESC, +id DESC"
            }
            (Order::Newest, false) => " ORDER BY +created_at DESC, +id DESC",
        };
        // A view narrowed to given ids reads those rows and sorts them, like a search's few hits.
        let mut plain = q.ids.is_none();
        if let Some((typed, fq, sq)) = &search {
            // 1. Walk the first rows of the view: a common word fills the page here.
            if self.search_probe > 0 && plain {
                let (ids, complete) =
                    self.walk_view(&filters, &args, order_by(true), sq, limit + 1)?;
                if complete {
                    let rows = self.rows_in_order(&ids, order_by(false))?;
                    return Ok(page_of(rows, limit));
                }
            }
            // 2. Few hits in all: sort them. 3. Many: walk the whole view checking each row.
            let hits = self.fts_hits(fq, self.search_few + 1)?;
            if hits.len() <= self.search_few {
                plain = false;
                filters.push_str(" AND id IN (SELECT value FROM json_each(?))");
                args.push(serde_json::to_string(&hits)?.into());
            } else {
                filters.push_str(" AND earshot_search(?, title, text, author_handle, author_name)");
                args.push(typed.to_string().into());
            }
        }
        let sql = format!(
            "SELECT {MENTION_COLUMNS} FROM mentions WHERE {filters}{} LIMIT ?",
            order_by(plain)
        );
        args.push((limit as i64 + 1).into());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mentions = stmt
            .query_map(params_from_iter(args), row_to_mention)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(page_of(mentions, limit))
    }

    /// Walks the first [`Store::search_probe`] rows of a view in its order, checking each with
    /// the search; returns the ids that match (at most `want`) and whether that settles the
    /// page (`want` found, or the view ended).
    fn walk_view(
        &self,
        filters: &str,
        args: &[rusqlite::types::Value],
        order_by: &str,
        search: &SearchQuery,
        want: usize,
    ) -> Result<(Vec<i64>, bool)> {
        let sql = format!(
            "SELECT id, title, text, author_handle, author_name FROM mentions WHERE {filters}{order_by} LIMIT ?"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut all = args.to_vec();
        all.push((self.search_probe as i64).into());
        let mut rows = stmt.query(params_from_iter(all))?;
        let (mut ids, mut seen) = (Vec::new(), 0);
        while let Some(r) = rows.next()? {
            seen += 1;
            let cols = [
                r.get_ref(1)?.as_str_or_null().ok().flatten(),
                r.get_ref(2)?.as_str_or_null().ok().flatten(),
                r.get_ref(3)?.as_str_or_null().ok().flatten(),
                r.get_ref(4)?.as_str_or_null().ok().flatten(),
            ];
            if search.matches(&cols) {
                ids.push(r.get(0)?);
                if ids.len() == want {
                    return Ok((ids, true));
                }
            }
        }
        Ok((ids, seen < self.search_probe))
    }

    /// These mentions, in a view's order.
    fn rows_in_order(&self, ids: &[i64], order_by: &str) -> Result<Vec<Mention>> {
        let sql = format!(
            "SELECT {MENTION_COLUMNS} FROM mentions WHERE id IN (SELECT value FROM json_each(?1)){order_by}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map([serde_json::to_string(ids)?], row_to_mention)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Sets how a search finds its page (for tests and benchmarks of each path): how many rows
    /// of the view it checks before asking FTS5 (0: ask at once), and how many FTS hits it sorts
    /// before it walks the whole view instead.
    pub fn set_search_paths(&mut self, probe: usize, few: usize) {
        self.search_probe = probe;
        self.search_few = few;
    }

    /// Up to `limit` FTS hits for an FTS5 query, newest stored first.
    fn fts_hits(&self, fts: &str, limit: usize) -> Result<Vec<i64>> {
        let mut st = self.conn.prepare_cached(
            "SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
        )?;
        let hits = st
            .query_map(params![fts, limit as i64], |r| r.get(0))?
            .collect::<std::result::Result<Vec<i64>, _>>()?;
        Ok(hits)
    }

    /// Badge counts; `urgent_threshold` decides what counts as urgent.
    pub fn counts(&self, urgent_threshold: u8) -> Result<Counts> {
        // From the trigger-kept tally (at most 3 × 2 × 101 rows), never from the mentions.
        let mut c = Counts::default();
        let mut stmt = self.conn.prepare_cached(
            "SELECT status, sum(n), sum(CASE WHEN read = 0 AND urgency >= ?1 THEN n ELSE 0 END) \
             FROM mention_tally GROUP BY status",
        )?;
        let rows = stmt.query_map([urgent_threshold], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (s, n, urgent_unread) = row?;
            let n = n.max(0) as u32;
            c.total += n;
            match Status::parse(&s) {
                Some(Status::New) => c.new = n,
                Some(Status::Open) => c.open = n,
                Some(Status::Snoozed) => c.snoozed = n,
                Some(Status::Done) => c.done = n,
                Some(Status::Ignored) => c.ignored = n,
                None => {}
            }
            if Status::parse(&s).is_some_and(Status::awaiting) {
                c.unread_urgent += urgent_unread.max(0) as u32;
            }
        }
        Ok(c)
    }
}

/// The WHERE clause of a view (its filters and the cursor), with its arguments.
pub(super) fn view_filters(q: &MentionQuery) -> Result<(String, Vec<rusqlite::types::Value>)> {
    let mut sql = String::from("1=1");
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    if let Some(c) = q.channel {
        sql.push_str(" AND channel = ?");
        args.push(c.as_str().to_string().into());
    }
    if let Some(s) = q.status {
        sql.push_str(" AND status = ?");
        args.push(s.as_str().to_string().into());
    } else if q.todo {
        sql.push_str(" AND status IN ('new', 'open')");
    } else {
        sql.push_str(" AND status NOT IN ('snoozed', 'ignored')");
    }
    if let Some(t) = q.tag.as_deref() {
        sql.push_str(" AND id IN (SELECT mention_id FROM mention_tags WHERE tag = ?)");
        args.push(t.to_string().into());
    }
    match q.assignee.as_deref() {
        Some("") => sql.push_str(" AND assignee IS NULL"),
        Some(a) => {
            sql.push_str(" AND assignee = ?");
            args.push(a.to_string().into());
        }
        None => {}
    }
    if let Some(m) = q.mood {
        sql.push_str(" AND mood = ?");
        args.push(m.as_str().to_string().into());
    }
    if let Some(t) = q.since {
        sql.push_str(" AND created_at >= ?");
        args.push(t.into());
    }
    if let Some(u) = q.min_urgency {
        sql.push_str(" AND urgency >= ?");
        args.push(i64::from(u).into());
    }
    if let Some(ids) = &q.ids {
        if ids.len() > 500 {
            return Err(StoreError::Invalid(format!(
                "{} mention ids in one query (at most 500)",
                ids.len()
            )));
        }
        sql.push_str(" AND id IN (SELECT value FROM json_each(?))");
        args.push(serde_json::to_string(ids)?.into());
    }
    if let Some(after) = q.after.as_deref() {
        let c = PageCursor::decode(after)?;
        match q.order {
            Order::Urgent => {
                sql.push_str(" AND (at_risk, urgency, created_at, id) < (?, ?, ?, ?)");
                args.extend([
                    c.at_risk.into(),
                    c.urgency.into(),
                    c.created_at.into(),
                    c.id.into(),
                ]);
            }
            Order::Newest => {
                sql.push_str(" AND (created_at, id) < (?, ?)");
                args.extend([c.created_at.into(), c.id.into()]);
            }
        }
    }
    Ok((sql, args))
}

/// A page from up to `limit + 1` rows in order: the extra row says there is a next page, whose
/// cursor is the key of the page's last row.
pub(super) fn page_of(mut mentions: Vec<Mention>, limit: usize) -> MentionPage {
    let next = if mentions.len() > limit {
        mentions.truncate(limit);
        mentions.last().map(|m| {
            PageCursor {
                at_risk: i64::from(m.work.at_risk),
                urgency: i64::from(m.triage.urgency),
                created_at: m.created_at,
                id: m.id,
            }
            .encode()
        })
    } else {
        None
    };
    MentionPage { mentions, next }
}
