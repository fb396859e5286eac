//! What both engines do: SQLite for one person ([`Store`]) and PostgreSQL for a team
//! ([`PgStore`]). The store tests run each case on both (`tests/store.rs`).
//!
//! This is the inbox's core so far: storing batches with their cursor, reading a mention, views
//! with filters, keyset pages and search, badge counts, status and read, triage, sources, the
//! outbox's replies, the owner's actions (status, snooze, tags, assignment, answered), notes and
//! saved replies. The rest of [`Store`] (due times, corrections, authors, settings, backups)
//! comes to PostgreSQL next; DEVELOPMENT.md, "Team mode", has the plan.

use super::pg::PgStore;
use super::work::{Action, Note, SavedReply};
use super::{Counts, MentionPage, MentionQuery, Prior, Result, Store};
use crate::model::{Channel, Mention, Reply, ReplyState, Source, SourceSpec, Status, Triage};

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
        }
    )*};
}

both!(Store, PgStore);
