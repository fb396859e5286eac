//! A mention's conversation and its author: their other mentions, the replies they were sent,
//! and their reach over time.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::work::collect;
use super::{row_to_mention, Result, Store, StoreError, MENTION_COLUMNS};
use crate::model::{Mention, Reply};

/// What Earshot knows of a mention's author.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct AuthorHistory {
    /// Earlier and later mentions by the same name, on any channel (newest first, at most 20).
    pub mentions: Vec<Mention>,
    /// How many there are in all.
    pub total: u32,
    /// Replies sent to them (newest first, at most 20).
    pub replies: Vec<Reply>,
    /// Their reach as it changed: on each channel, the follower count their mentions carried,
    /// one point per change (oldest first, at most the last 20 changes a channel).
    pub reach: Vec<ReachPoint>,
}

/// An author's follower count on a channel, from a mention posted at `at`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct ReachPoint {
    /// When the mention that carried it was posted (unix seconds).
    #[ts(type = "number")]
    pub at: i64,
    /// Where.
    pub channel: crate::model::Channel,
    /// Followers (or karma, on Hacker News) then.
    #[ts(type = "number")]
    pub followers: i64,
}

impl Store {
    /// The conversation a mention belongs to, as far as Earshot has stored it, oldest first.
    pub fn thread(&self, id: i64) -> Result<Vec<Mention>> {
        let m = self.mention(id)?;
        let root = m
            .thread_root
            .clone()
            .unwrap_or_else(|| m.external_id.clone());
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MENTION_COLUMNS} FROM mentions WHERE channel = ?1 \
             AND (thread_root = ?2 OR external_id = ?2 OR external_id = ?3 OR id = ?4) \
             ORDER BY created_at, id LIMIT 200"
        ))?;
        let rows = stmt.query_map(
            params![m.channel.as_str(), root, m.reply_to, id],
            row_to_mention,
        )?;
        collect(rows)
    }

    /// The author's other mentions (by the same name on any channel) and the replies sent to them.
    pub fn author_history(&self, id: i64) -> Result<AuthorHistory> {
        let key: String = self
            .conn
            .query_row("SELECT author_key FROM mentions WHERE id = ?1", [id], |r| {
                r.get::<_, Option<String>>(0)
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("mention {id}")))?
            .unwrap_or_default();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MENTION_COLUMNS} FROM mentions WHERE author_key = ?1 AND id != ?2 \
             ORDER BY created_at DESC LIMIT 20"
        ))?;
        let mentions = collect(stmt.query_map(params![key, id], row_to_mention)?)?;
        let total: u32 = self.conn.query_row(
            "SELECT count(*) FROM mentions WHERE author_key = ?1 AND id != ?2",
            params![key, id],
            |r| r.get(0),
        )?;
        let replies = self.replies_to_author(&key)?;
        let reach = self.reach_of(&key)?;
        Ok(AuthorHistory {
            mentions,
            total,
            replies,
            reach,
        })
    }

    /// Keeps an author's reach as the network gives it now on mention `id` (followers, and
    /// the display name when there is one). Returns the mention.
    pub fn set_author_reach(
        &mut self,
        id: i64,
        followers: Option<i64>,
        display_name: Option<&str>,
    ) -> Result<Mention> {
        let n = self.conn.execute(
            "UPDATE mentions SET author_followers = COALESCE(?2, author_followers), \
             author_name = COALESCE(?3, author_name) WHERE id = ?1",
            params![id, followers, display_name],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("mention {id}")));
        }
        self.mention(id)
    }

    /// The follower counts an author's mentions carried, one point per change per channel.
    fn reach_of(&self, author_key: &str) -> Result<Vec<ReachPoint>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT created_at, channel, COALESCE(author_followers, author_karma) FROM mentions \
             WHERE author_key = ?1 AND COALESCE(author_followers, author_karma) IS NOT NULL \
             ORDER BY channel, created_at, id",
        )?;
        let rows = stmt.query_map([author_key], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        Ok(reach_points(rows.collect::<rusqlite::Result<Vec<_>>>()?))
    }
}

/// An author's reach from their mentions' (posted, channel, followers), ordered by channel and
/// time: one point per change per channel, the last 20 changes of each. Both engines use it.
pub(super) fn reach_points(rows: Vec<(i64, String, i64)>) -> Vec<ReachPoint> {
    let mut out: Vec<ReachPoint> = Vec::new();
    for (at, channel, followers) in rows {
        let Some(channel) = crate::model::Channel::parse(&channel) else {
            continue;
        };
        let changed = out
            .last()
            .is_none_or(|p| p.channel != channel || p.followers != followers);
        if changed {
            out.push(ReachPoint {
                at,
                channel,
                followers,
            });
        }
    }
    let mut kept = Vec::with_capacity(out.len());
    for (i, p) in out.iter().enumerate() {
        let later = out[i + 1..]
            .iter()
            .filter(|q| q.channel == p.channel)
            .count();
        if later < 20 {
            kept.push(p.clone());
        }
    }
    kept
}
