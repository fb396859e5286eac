//! What both engines do: SQLite for one person ([`Store`]) and PostgreSQL for a team
//! ([`PgStore`]). The store tests run each case on both (`tests/store.rs`).
//!
//! Every method the engine calls on the store is here: batches with their cursor, mentions,
//! views with filters, keyset pages and search, badge counts, status and read, triage, sources,
//! the outbox's replies, the owner's actions, notes, saved replies, the response clock,
//! corrections, settings and the business, threads and authors. What only a file has (backups,
//! checkpoints, the connection) stays on [`Store`]; DEVELOPMENT.md, "Team mode", has what comes
//! next.

use super::pg::PgStore;
use super::work::{Action, AuthorHistory, Note, SavedReply};
use super::{
    Correction, Counts, MentionPage, MentionQuery, Part, Prior, Result, Store, StoredCorrection,
};
use crate::model::{
    Business, Channel, Health, Mention, Remote, Reply, ReplyState, Source, SourceSpec, Status,
    Triage,
};

/// The store's interface, shared by both engines.
pub trait MentionStore {
    /// Stores a batch from one source and advances its cursor, in one transaction; returns the
    /// mentions that were new, with their ids.
    fn store_batch(
        &mut self,
        source_id: Option<i64>,
        mentions: &[Mention],
        cursor: Option<&str>,
    ) -> Result<Vec<Mention>>;
    /// What is already known of these posts (by channel and external id).
    fn priors(&self, keys: &[(Channel, &str)]) -> Result<Vec<Option<Prior>>>;
    /// One mention by id.
    fn mention(&self, id: i64) -> Result<Mention>;
    /// One inbox page.
    fn list(&self, q: &MentionQuery) -> Result<MentionPage>;
    /// Badge counts; `urgent_threshold` decides what counts as urgent.
    fn counts(&self, urgent_threshold: u8) -> Result<Counts>;
    /// Sets a mention's status; returns it as it now is.
    fn set_status(&mut self, id: i64, status: Status, now: i64) -> Result<Mention>;
    /// Marks a mention as opened.
    fn mark_read(&mut self, id: i64) -> Result<Mention>;
    /// Saves new triage; returns the ids whose triage changed.
    fn set_triage(&mut self, updates: &[(i64, Triage, Option<i64>)]) -> Result<Vec<i64>>;
    /// Adds a source, or updates the one with the same name (keeping its cursor).
    fn upsert_source(&mut self, spec: &SourceSpec, now: i64) -> Result<i64>;
    /// All sources.
    fn sources(&self) -> Result<Vec<Source>>;
    /// One source.
    fn source(&self, id: i64) -> Result<Source>;
    /// Queues a reply; the key must be unique.
    fn queue_reply(
        &mut self,
        mention_id: i64,
        private: bool,
        body: &str,
        idempotency_key: &str,
        now: i64,
    ) -> Result<Reply>;
    /// One reply.
    fn reply(&self, id: i64) -> Result<Reply>;
    /// The replies to one mention, oldest first.
    fn replies(&self, mention_id: i64) -> Result<Vec<Reply>>;
    /// Replies in a state, oldest first.
    fn replies_in(&self, state: ReplyState) -> Result<Vec<Reply>>;
    /// Claims a queued or failed reply for sending; `None` when it may not be sent now.
    fn claim_reply(&mut self, id: i64, now: i64) -> Result<Option<Reply>>;
    /// Records that the network accepted a reply.
    fn reply_sent(
        &mut self,
        id: i64,
        remote_id: &str,
        remote_url: Option<&str>,
        now: i64,
    ) -> Result<Reply>;
    /// Records why a reply could not be sent.
    fn reply_failed(&mut self, id: i64, error: &str, now: i64) -> Result<Reply>;
    /// Replies left `sending` that this process should settle (see each engine's).
    fn interrupted_replies(&self) -> Result<Vec<Reply>>;
    /// Applies an action to mentions, all or none; returns them as they now are.
    fn apply(&mut self, ids: &[i64], action: &Action, now: i64) -> Result<Vec<Mention>>;
    /// Adds an internal note.
    fn add_note(
        &mut self,
        mention_id: i64,
        author: Option<&str>,
        body: &str,
        now: i64,
    ) -> Result<Note>;
    /// A mention's notes, oldest first.
    fn notes(&self, mention_id: i64) -> Result<Vec<Note>>;
    /// Deletes a note.
    fn delete_note(&mut self, id: i64) -> Result<()>;
    /// Saved replies, most used first.
    fn saved_replies(&self) -> Result<Vec<SavedReply>>;
    /// Adds (id 0) or changes a saved reply.
    fn save_reply(&mut self, r: &SavedReply, now: i64) -> Result<SavedReply>;
    /// Deletes a saved reply.
    fn delete_saved_reply(&mut self, id: i64) -> Result<()>;
    /// Counts one use of a saved reply.
    fn used_saved_reply(&mut self, id: i64) -> Result<()>;
    /// Stores a batch that arrives in parts, with its cursor, in one transaction; nothing unless the parts end with `Part::Done`.
    fn store_parts(
        &mut self,
        source_id: Option<i64>,
        parts: &mut dyn Iterator<Item = Part>,
        cursor: Option<&str>,
    ) -> Result<Vec<Mention>>;
    /// Brings back snoozed mentions whose time has come.
    fn wake_snoozed(&mut self, now: i64) -> Result<Vec<Mention>>;
    /// Unanswered mentions coming due by `horizon`, not yet at risk.
    fn coming_due(&self, horizon: i64) -> Result<Vec<Mention>>;
    /// Unanswered mentions already marked at risk, due after `since` (on a team each desktop
    /// reminds its own person of them, whichever desktop marked them).
    fn at_risk_since(&self, since: i64) -> Result<Vec<Mention>>;
    /// Marks mentions at risk; returns those this call marked.
    fn mark_at_risk(&mut self, ids: &[i64]) -> Result<Vec<Mention>>;
    /// Unanswered mentions above `after` (id, posted, urgency).
    fn unanswered_after(&self, after: i64, limit: u32) -> Result<Vec<(i64, i64, u8)>>;
    /// Sets due times.
    fn set_due(&mut self, updates: &[(i64, i64)]) -> Result<()>;
    /// Every mention posted in `[since, until)`, oldest first.
    fn for_each_in_range(&self, since: i64, until: i64, f: &mut dyn FnMut(Mention)) -> Result<()>;
    /// Every stored mention, oldest first.
    fn for_each_mention(&self, f: &mut dyn FnMut(Mention)) -> Result<()>;
    /// Negative mentions posted in `[since, until)`.
    fn negative_between(&self, since: i64, until: i64) -> Result<u32>;
    /// Mentions worth re-ranking: not done, newest first.
    fn recent_open(&self, limit: u32) -> Result<Vec<Mention>>;
    /// Mentions with ids above `after`, in id order.
    fn mentions_after(&self, after: i64, limit: u32) -> Result<Vec<Mention>>;
    /// Records the owner's correction of a mention.
    fn record_correction(&mut self, id: i64, c: &Correction, now: i64) -> Result<Mention>;
    /// Every correction, oldest first.
    fn corrections(&self) -> Result<Vec<StoredCorrection>>;
    /// Pauses or resumes a source.
    fn set_source_enabled(&mut self, id: i64, enabled: bool) -> Result<()>;
    /// Removes a source; its mentions stay.
    fn remove_source(&mut self, id: i64) -> Result<()>;
    /// Records a source's health.
    fn set_health(&mut self, id: i64, health: &Health) -> Result<()>;
    /// Replaces what a mention's network says about it beyond its text.
    fn set_remote(&mut self, id: i64, remote: &Remote) -> Result<Mention>;
    /// The business profile, if one was saved.
    fn business(&self) -> Result<Option<Business>>;
    /// Saves the business profile.
    fn set_business(&mut self, b: &Business) -> Result<()>;
    /// The people on the team, by name (`None` for a desktop on its own).
    fn team_members(&self) -> Result<Option<Vec<String>>>;
    /// What each person on the team did with the mentions posted in `[since, until)` (`None`
    /// for a desktop on its own).
    fn team_work(&self, since: i64, until: i64) -> Result<Option<super::work::TeamWork>>;
    /// A setting's JSON text.
    fn setting_json(&self, key: &str) -> Result<Option<String>>;
    /// Saves a setting's JSON text.
    fn set_setting_json(&mut self, key: &str, json: &str) -> Result<()>;
    /// The conversation a mention belongs to, oldest first.
    fn thread(&self, id: i64) -> Result<Vec<Mention>>;
    /// The author's other mentions, the replies sent to them and their reach.
    fn author_history(&self, id: i64) -> Result<AuthorHistory>;
    /// Keeps an author's reach as the network gives it now.
    fn set_author_reach(
        &mut self,
        id: i64,
        followers: Option<i64>,
        display_name: Option<&str>,
    ) -> Result<Mention>;
    /// Replies sent or queued to anyone with this author key, newest first.
    fn replies_to_author(&self, author_key: &str) -> Result<Vec<Reply>>;
}

macro_rules! both {
    ($($engine:ty),*) => {$(
        impl MentionStore for $engine {
            fn store_batch(
                &mut self,
                source_id: Option<i64>,
                mentions: &[Mention],
                cursor: Option<&str>,
            ) -> Result<Vec<Mention>> {
                <$engine>::store_batch(self, source_id, mentions, cursor)
            }
            fn priors(&self, keys: &[(Channel, &str)]) -> Result<Vec<Option<Prior>>> {
                <$engine>::priors(self, keys)
            }
            fn mention(&self, id: i64) -> Result<Mention> {
                <$engine>::mention(self, id)
            }
            fn list(&self, q: &MentionQuery) -> Result<MentionPage> {
                <$engine>::list(self, q)
            }
            fn counts(&self, urgent_threshold: u8) -> Result<Counts> {
                <$engine>::counts(self, urgent_threshold)
            }
            fn set_status(&mut self, id: i64, status: Status, now: i64) -> Result<Mention> {
                <$engine>::set_status(self, id, status, now)
            }
            fn mark_read(&mut self, id: i64) -> Result<Mention> {
                <$engine>::mark_read(self, id)
            }
            fn set_triage(&mut self, updates: &[(i64, Triage, Option<i64>)]) -> Result<Vec<i64>> {
                <$engine>::set_triage(self, updates)
            }
            fn upsert_source(&mut self, spec: &SourceSpec, now: i64) -> Result<i64> {
                <$engine>::upsert_source(self, spec, now)
            }
            fn sources(&self) -> Result<Vec<Source>> {
                <$engine>::sources(self)
            }
            fn source(&self, id: i64) -> Result<Source> {
                <$engine>::source(self, id)
            }
            fn queue_reply(
                &mut self,
                mention_id: i64,
                private: bool,
                body: &str,
                idempotency_key: &str,
                now: i64,
            ) -> Result<Reply> {
                <$engine>::queue_reply(self, mention_id, private, body, idempotency_key, now)
            }
            fn reply(&self, id: i64) -> Result<Reply> {
                <$engine>::reply(self, id)
            }
            fn replies(&self, mention_id: i64) -> Result<Vec<Reply>> {
                <$engine>::replies(self, mention_id)
            }
            fn replies_in(&self, state: ReplyState) -> Result<Vec<Reply>> {
                <$engine>::replies_in(self, state)
            }
            fn claim_reply(&mut self, id: i64, now: i64) -> Result<Option<Reply>> {
                <$engine>::claim_reply(self, id, now)
            }
            fn reply_sent(
                &mut self,
                id: i64,
                remote_id: &str,
                remote_url: Option<&str>,
                now: i64,
            ) -> Result<Reply> {
                <$engine>::reply_sent(self, id, remote_id, remote_url, now)
            }
            fn reply_failed(&mut self, id: i64, error: &str, now: i64) -> Result<Reply> {
                <$engine>::reply_failed(self, id, error, now)
            }
            fn interrupted_replies(&self) -> Result<Vec<Reply>> {
                <$engine>::interrupted_replies(self)
            }
            fn apply(&mut self, ids: &[i64], action: &Action, now: i64) -> Result<Vec<Mention>> {
                <$engine>::apply(self, ids, action, now)
            }
            fn add_note(
                &mut self,
                mention_id: i64,
                author: Option<&str>,
                body: &str,
                now: i64,
            ) -> Result<Note> {
                <$engine>::add_note(self, mention_id, author, body, now)
            }
            fn notes(&self, mention_id: i64) -> Result<Vec<Note>> {
                <$engine>::notes(self, mention_id)
            }
            fn delete_note(&mut self, id: i64) -> Result<()> {
                <$engine>::delete_note(self, id)
            }
            fn saved_replies(&self) -> Result<Vec<SavedReply>> {
                <$engine>::saved_replies(self)
            }
            fn save_reply(&mut self, r: &SavedReply, now: i64) -> Result<SavedReply> {
                <$engine>::save_reply(self, r, now)
            }
            fn delete_saved_reply(&mut self, id: i64) -> Result<()> {
                <$engine>::delete_saved_reply(self, id)
            }
            fn used_saved_reply(&mut self, id: i64) -> Result<()> {
                <$engine>::used_saved_reply(self, id)
            }
            fn store_parts(&mut self, source_id: Option<i64>, parts: &mut dyn Iterator<Item = Part>, cursor: Option<&str>) -> Result<Vec<Mention>> {
                <$engine>::store_parts(self, source_id, parts, cursor)
            }
            fn wake_snoozed(&mut self, now: i64) -> Result<Vec<Mention>> {
                <$engine>::wake_snoozed(self, now)
            }
            fn coming_due(&self, horizon: i64) -> Result<Vec<Mention>> {
                <$engine>::coming_due(self, horizon)
            }
            fn at_risk_since(&self, since: i64) -> Result<Vec<Mention>> {
                <$engine>::at_risk_since(self, since)
            }
            fn mark_at_risk(&mut self, ids: &[i64]) -> Result<Vec<Mention>> {
                <$engine>::mark_at_risk(self, ids)
            }
            fn unanswered_after(&self, after: i64, limit: u32) -> Result<Vec<(i64, i64, u8)>> {
                <$engine>::unanswered_after(self, after, limit)
            }
            fn set_due(&mut self, updates: &[(i64, i64)]) -> Result<()> {
                <$engine>::set_due(self, updates)
            }
            fn for_each_in_range(&self, since: i64, until: i64, f: &mut dyn FnMut(Mention)) -> Result<()> {
                <$engine>::for_each_in_range(self, since, until, f)
            }
            fn for_each_mention(&self, f: &mut dyn FnMut(Mention)) -> Result<()> {
                <$engine>::for_each_mention(self, f)
            }
            fn negative_between(&self, since: i64, until: i64) -> Result<u32> {
                <$engine>::negative_between(self, since, until)
            }
            fn recent_open(&self, limit: u32) -> Result<Vec<Mention>> {
                <$engine>::recent_open(self, limit)
            }
            fn mentions_after(&self, after: i64, limit: u32) -> Result<Vec<Mention>> {
                <$engine>::mentions_after(self, after, limit)
            }
            fn record_correction(&mut self, id: i64, c: &Correction, now: i64) -> Result<Mention> {
                <$engine>::record_correction(self, id, c, now)
            }
            fn corrections(&self) -> Result<Vec<StoredCorrection>> {
                <$engine>::corrections(self)
            }
            fn set_source_enabled(&mut self, id: i64, enabled: bool) -> Result<()> {
                <$engine>::set_source_enabled(self, id, enabled)
            }
            fn remove_source(&mut self, id: i64) -> Result<()> {
                <$engine>::remove_source(self, id)
            }
            fn set_health(&mut self, id: i64, health: &Health) -> Result<()> {
                <$engine>::set_health(self, id, health)
            }
            fn set_remote(&mut self, id: i64, remote: &Remote) -> Result<Mention> {
                <$engine>::set_remote(self, id, remote)
            }
            fn business(&self) -> Result<Option<Business>> {
                <$engine>::business(self)
            }
            fn set_business(&mut self, b: &Business) -> Result<()> {
                <$engine>::set_business(self, b)
            }
            fn team_members(&self) -> Result<Option<Vec<String>>> {
                <$engine>::team_members(self)
            }
            fn team_work(&self, since: i64, until: i64) -> Result<Option<super::work::TeamWork>> {
                <$engine>::team_work(self, since, until)
            }
            fn setting_json(&self, key: &str) -> Result<Option<String>> {
                <$engine>::setting_json(self, key)
            }
            fn set_setting_json(&mut self, key: &str, json: &str) -> Result<()> {
                <$engine>::set_setting_json(self, key, json)
            }
            fn thread(&self, id: i64) -> Result<Vec<Mention>> {
                <$engine>::thread(self, id)
            }
            fn author_history(&self, id: i64) -> Result<AuthorHistory> {
                <$engine>::author_history(self, id)
            }
            fn set_author_reach(&mut self, id: i64, followers: Option<i64>, display_name: Option<&str>) -> Result<Mention> {
                <$engine>::set_author_reach(self, id, followers, display_name)
            }
            fn replies_to_author(&self, author_key: &str) -> Result<Vec<Reply>> {
                <$engine>::replies_to_author(self, author_key)
            }
        }
    )*};
}

both!(Store, PgStore);

/// Typed settings on either engine (the trait itself carries their JSON text).
impl dyn MentionStore + '_ {
    /// A JSON setting.
    pub fn setting<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        self.setting_json(key)?
            .map(|s| serde_json::from_str(&s).map_err(super::StoreError::from))
            .transpose()
    }

    /// Saves a JSON setting.
    pub fn set_setting<T: serde::Serialize>(&mut self, key: &str, value: &T) -> Result<()> {
        self.set_setting_json(key, &serde_json::to_string(value)?)
    }
}
