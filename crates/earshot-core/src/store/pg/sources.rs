//! Sources, the business profile and settings on the team's store, shared by every desktop.

use super::PgStore;
use crate::model::{Business, Health, Mention, Remote};
use crate::store::{remote_json, MentionStore, Result, StoreError};

/// Settings each person on a team keeps for themselves: when to be notified (quiet hours,
/// what counts as urgent, bursts). The rest — the business, targets, saved replies, helpers —
/// are the team's.
pub const PERSONAL_SETTINGS: [&str; 1] = ["alerts"];

impl PgStore {
    fn changed(
        &self,
        sql: &str,
        args: &[&(dyn postgres::types::ToSql + Sync)],
        what: String,
    ) -> Result<()> {
        if self.db.borrow_mut().execute(sql, args)? == 0 {
            return Err(StoreError::NotFound(what));
        }
        Ok(())
    }

    /// Pauses or resumes a source.
    pub fn set_source_enabled(&mut self, id: i64, enabled: bool) -> Result<()> {
        self.changed(
            "UPDATE sources SET enabled = $2 WHERE id = $1",
            &[&id, &enabled],
            format!("source {id}"),
        )
    }

    /// Removes a source; its mentions stay.
    pub fn remove_source(&mut self, id: i64) -> Result<()> {
        self.changed(
            "DELETE FROM sources WHERE id = $1",
            &[&id],
            format!("source {id}"),
        )
    }

    /// Records a source's health.
    pub fn set_health(&mut self, id: i64, health: &Health) -> Result<()> {
        self.db.borrow_mut().execute(
            "UPDATE sources SET health = $2 WHERE id = $1",
            &[&id, &serde_json::to_string(health)?],
        )?;
        Ok(())
    }

    /// Replaces what a mention's network says about it beyond its text.
    pub fn set_remote(&mut self, id: i64, remote: &Remote) -> Result<Mention> {
        self.changed(
            "UPDATE mentions SET remote = $2 WHERE id = $1",
            &[&id, &remote_json(remote)?],
            format!("mention {id}"),
        )?;
        self.mention(id)
    }

    /// The business profile, if one was saved.
    pub fn business(&self) -> Result<Option<Business>> {
        (self as &dyn MentionStore).setting("business")
    }

    /// Saves the business profile.
    pub fn set_business(&mut self, b: &Business) -> Result<()> {
        if b.name.trim().is_empty() {
            return Err(StoreError::Invalid("the business needs a name".into()));
        }
        (self as &mut dyn MentionStore).set_setting("business", b)
    }

    /// A setting's JSON text.
    pub fn setting_json(&self, key: &str) -> Result<Option<String>> {
        // A person's own setting, else the team's (what the first desktop brought).
        let personal = self.personal_key(key);
        let keys: Vec<&str> = personal.iter().map(String::as_str).chain([key]).collect();
        Ok(self
            .db
            .borrow_mut()
            .query_opt(
                "SELECT value FROM settings WHERE key = ANY($1) \
                 ORDER BY array_position($1, key) LIMIT 1",
                &[&keys],
            )?
            .map(|r| r.get(0)))
    }

    /// Where a setting that belongs to each person (see [`PERSONAL_SETTINGS`]) is kept for the
    /// member this desktop listens as.
    fn personal_key(&self, key: &str) -> Option<String> {
        PERSONAL_SETTINGS
            .contains(&key)
            .then_some(self.member)
            .flatten()
            .map(|m| format!("{key}@member:{m}"))
    }

    /// Saves a setting's JSON text.
    pub fn set_setting_json(&mut self, key: &str, json: &str) -> Result<()> {
        let key = self.personal_key(key).unwrap_or_else(|| key.to_string());
        self.db.borrow_mut().execute(
            "INSERT INTO settings (key, value) VALUES ($1, $2) \
             ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            &[&key, &json],
        )?;
        Ok(())
    }

    /// Every stored mention, oldest first, for export.
    pub fn for_each_mention(&self, f: impl FnMut(Mention)) -> Result<()> {
        self.for_each_in_range(i64::MIN, i64::MAX, f)
    }
}
