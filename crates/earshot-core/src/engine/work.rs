//! The façade's calls about the owner's queue: each goes to [`crate::work::Desk`].

use crate::error::EngineError;
use crate::model::Mention;
use crate::store::work::{Action, AuthorHistory, Note, SavedReply};
use crate::store::StoreError;
use crate::work::presend::Check;
use crate::work::report::Report;
use crate::work::targets::Targets;

use super::{Engine, SpikePolicy};

impl Engine {
    /// Applies an action to mentions (all or none) and announces them.
    pub async fn apply(&self, ids: Vec<i64>, action: Action) -> Result<Vec<Mention>, EngineError> {
        Ok(self.parts.desk.apply(ids, action).await?)
    }

    /// A mention's internal notes.
    pub async fn notes(&self, mention_id: i64) -> Result<Vec<Note>, EngineError> {
        Ok(self.parts.desk.notes(mention_id).await?)
    }

    /// Adds an internal note.
    pub async fn add_note(
        &self,
        mention_id: i64,
        author: Option<String>,
        body: String,
    ) -> Result<Note, EngineError> {
        Ok(self.parts.desk.add_note(mention_id, author, body).await?)
    }

    /// Deletes a note.
    pub async fn delete_note(&self, mention_id: i64, note_id: i64) -> Result<(), EngineError> {
        Ok(self.parts.desk.delete_note(mention_id, note_id).await?)
    }

    /// Saved replies, most used first.
    pub async fn saved_replies(&self) -> Result<Vec<SavedReply>, EngineError> {
        Ok(self.parts.desk.saved_replies().await?)
    }

    /// Adds or changes a saved reply.
    pub async fn save_reply(&self, r: SavedReply) -> Result<SavedReply, EngineError> {
        Ok(self.parts.desk.save_reply(r).await?)
    }

    /// Deletes a saved reply.
    pub async fn delete_saved_reply(&self, id: i64) -> Result<(), EngineError> {
        Ok(self.parts.desk.delete_saved_reply(id).await?)
    }

    /// Counts a use of a saved reply (the picker lists the most used first).
    pub async fn used_saved_reply(&self, id: i64) -> Result<(), EngineError> {
        Ok(self.parts.desk.used_saved_reply(id).await?)
    }

    /// The named helpers mentions can be assigned to.
    pub async fn helpers(&self) -> Result<Vec<String>, EngineError> {
        Ok(self.parts.desk.helpers().await?)
    }

    /// Replaces the list of helpers (names are trimmed, blanks and repeats dropped).
    pub async fn set_helpers(&self, names: Vec<String>) -> Result<Vec<String>, EngineError> {
        Ok(self.parts.desk.set_helpers(names).await?)
    }

    /// The conversation around a mention.
    pub async fn thread(&self, id: i64) -> Result<Vec<Mention>, EngineError> {
        Ok(self.parts.desk.thread(id).await?)
    }

    /// The author's other mentions and the replies they were sent.
    pub async fn author_history(&self, id: i64) -> Result<AuthorHistory, EngineError> {
        Ok(self.parts.desk.author_history(id).await?)
    }

    /// Asks the network for the author's reach now and keeps it on the mention (the author
    /// panel's Refresh). Bluesky only: the other networks give reach with each post.
    pub async fn refresh_author(&self, id: i64) -> Result<Mention, EngineError> {
        let p = &self.parts;
        let m = self.mention(id).await?;
        let (crate::model::Channel::Bluesky, Some(did)) = (m.channel, m.remote.author_id.clone())
        else {
            return Err(EngineError::invalid(format!(
                "{} gives an author's reach with each post; there is nothing to refresh",
                m.channel.label()
            )));
        };
        let id_src = m
            .source_id
            .ok_or_else(|| EngineError::invalid("this mention's source was removed"))?;
        let src = p.db.read(move |s| s.source(id_src)).await?;
        let author = crate::channels::bluesky::fetch_author(&src.spec, p.ctx.clone(), &did).await?;
        let updated =
            p.db.write(move |s| {
                s.set_author_reach(id, author.followers, author.display_name.as_deref())
            })
            .await?;
        p.events.updated(updated.clone());
        Ok(updated)
    }

    /// Checks a reply before it is sent (see [`crate::work::presend`]).
    pub async fn check_reply(
        &self,
        mention_id: i64,
        body: String,
        private: bool,
    ) -> Result<Check, EngineError> {
        Ok(self
            .parts
            .desk
            .check_reply(mention_id, body, private)
            .await?)
    }

    /// The response-time targets.
    pub fn targets(&self) -> Targets {
        self.parts.desk.targets()
    }

    /// Changes the response-time targets: checks them, saves them, and recomputes the due time
    /// of every unanswered mention.
    pub async fn set_targets(&self, t: Targets) -> Result<Targets, EngineError> {
        Ok(self.parts.desk.set_targets(t).await?)
    }

    /// The figures for `[since, until)`.
    pub async fn report(&self, since: i64, until: i64) -> Result<Report, EngineError> {
        Ok(self.parts.desk.report(since, until).await?)
    }

    /// The mentions posted in `[since, until)` as CSV, with triage, status and response times.
    pub async fn mentions_csv(&self, since: i64, until: i64) -> Result<String, EngineError> {
        Ok(self.parts.desk.mentions_csv(since, until).await?)
    }

    /// Writes the mentions and the figures of `[since, until)` as two CSV files in `dir`, named
    /// with the time of the export (`earshot-mentions-20261130-141502.csv`); returns their paths.
    pub async fn export_csv(
        &self,
        since: i64,
        until: i64,
        dir: &std::path::Path,
    ) -> Result<Vec<std::path::PathBuf>, EngineError> {
        let mentions = self.mentions_csv(since, until).await?;
        let report = self.report(since, until).await?;
        let figures = crate::work::report::report_csv(&report)
            .map_err(|e| EngineError::from(StoreError::Invalid(format!("CSV: {e}"))))?;
        let stamp = chrono::DateTime::from_timestamp(self.parts.clock.now(), 0)
            .unwrap_or_default()
            .format("%Y%m%d-%H%M%S");
        let mut out = Vec::new();
        for (name, text) in [("mentions", mentions), ("figures", figures)] {
            let path = dir.join(format!("earshot-{name}-{stamp}.csv"));
            if let Err(source) = std::fs::write(&path, text) {
                return Err(EngineError::Write { path, source });
            }
            out.push(path);
        }
        Ok(out)
    }

    /// The spike alarm's settings.
    pub fn spike_policy(&self) -> SpikePolicy {
        self.parts.desk.spike_policy()
    }

    /// One look at the queue (see [`crate::work::Desk::tick`]); public so tests drive it with a manual clock.
    pub async fn tick(&self) {
        self.parts.desk.tick().await
    }

    /// Takes the daily backup when one is due.
    pub async fn daily_backup(&self) {
        self.parts.desk.daily_backup().await
    }
}
