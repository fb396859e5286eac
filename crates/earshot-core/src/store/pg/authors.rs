//! A mention's conversation and its author on the team's store: their other mentions, the
//! replies they were sent, their reach over time (as `store/authors.rs`).

use super::PgStore;
use crate::model::{Mention, Reply};
use crate::store::authors::reach_points;
use crate::store::work::AuthorHistory;
use crate::store::{Result, StoreError};

impl PgStore {
    /// The conversation a mention belongs to, oldest first.
    pub fn thread(&self, id: i64) -> Result<Vec<Mention>> {
        let m = self.mention(id)?;
        let root = m
            .thread_root
            .clone()
            .unwrap_or_else(|| m.external_id.clone());
        self.mentions_where(
            "channel = $1 AND (thread_root = $2 OR external_id = $2 OR external_id = $3 \
             OR id = $4) ORDER BY created_at, id LIMIT 200",
            &[&m.channel.as_str(), &root.as_str(), &m.reply_to, &id],
        )
    }

    /// The author's other mentions (by the same name on any channel), the replies sent to them
    /// and their reach.
    pub fn author_history(&self, id: i64) -> Result<AuthorHistory> {
        let key: String = self
            .db
            .borrow_mut()
            .query_opt("SELECT author_key FROM mentions WHERE id = $1", &[&id])?
            .ok_or_else(|| StoreError::NotFound(format!("mention {id}")))?
            .get(0);
        let mentions = self.mentions_where(
            "author_key = $1 AND id != $2 ORDER BY created_at DESC LIMIT 20",
            &[&key, &id],
        )?;
        let total: i64 = self
            .db
            .borrow_mut()
            .query_one(
                "SELECT count(*) FROM mentions WHERE author_key = $1 AND id != $2",
                &[&key, &id],
            )?
            .get(0);
        let rows = self.db.borrow_mut().query(
            "SELECT created_at, channel, COALESCE(author_followers, author_karma) FROM mentions \
             WHERE author_key = $1 AND COALESCE(author_followers, author_karma) IS NOT NULL \
             ORDER BY channel, created_at, id",
            &[&key],
        )?;
        Ok(AuthorHistory {
            mentions,
            total: total.clamp(0, i64::from(u32::MAX)) as u32,
            replies: self.replies_to_author(&key)?,
            reach: reach_points(
                rows.iter()
                    .map(|r| (r.get(0), r.get(1), r.get(2)))
                    .collect(),
            ),
        })
    }

    /// Keeps an author's reach as the network gives it now on mention `id`.
    pub fn set_author_reach(
        &mut self,
        id: i64,
        followers: Option<i64>,
        display_name: Option<&str>,
    ) -> Result<Mention> {
        let n = self.db.borrow_mut().execute(
            "UPDATE mentions SET author_followers = COALESCE($2, author_followers), \
             author_name = COALESCE($3, author_name) WHERE id = $1",
            &[&id, &followers, &display_name],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("mention {id}")));
        }
        self.mention(id)
    }

    /// Replies sent or queued to anyone with this author key, newest first.
    pub fn replies_to_author(&self, author_key: &str) -> Result<Vec<Reply>> {
        self.replies_where(
            "mention_id IN (SELECT id FROM mentions WHERE author_key = $1) ORDER BY id DESC \
             LIMIT 20",
            &[&author_key],
        )
    }
}
