//! Working the queue: actions on mentions, notes, saved replies, helpers, response-time targets
//! and the clock that watches them, the negative-spike alarm, and the figures.

use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{lock, Engine, EngineEvent};
use crate::alerts::{Alert, Loudness};
use crate::metrics::{Report, ReportBuilder};
use crate::model::{Mention, Sentiment};
use crate::presend::{self, Check};
use crate::sla::{Schedule, Targets};
use crate::store::work::{Action, AuthorHistory, Note, SavedReply};
use crate::store::StoreError;

/// How often the queue clock looks at snoozes, due times and the negative rate.
pub const TICK: Duration = Duration::from_secs(15);

/// Ticks before the first daily-backup check: five minutes after the engine starts.
const BACKUP_AFTER_TICKS: u32 = 20;
/// Unanswered mentions whose due time is recomputed per transaction when the targets change.
const DUE_CHUNK: u32 = 5_000;

/// The negative-spike alarm's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct SpikePolicy {
    /// Alarm when the last hour's negative mentions reach this many times the hourly rate of the
    /// seven days before…
    pub ratio: f64,
    /// …and at least this many.
    pub min_count: u32,
    /// At most one alarm in this many minutes, unless the count doubles.
    pub cooldown_mins: u32,
}

impl Default for SpikePolicy {
    fn default() -> Self {
        SpikePolicy {
            ratio: 3.0,
            min_count: 5,
            cooldown_mins: 180,
        }
    }
}

/// What the spike alarm remembers between ticks.
#[derive(Debug, Default)]
pub(super) struct SpikeState {
    /// When it last alarmed and with how many.
    last: Option<(i64, u32)>,
    /// The baseline per hour and when it was computed (it is recomputed hourly).
    baseline: Option<(i64, f64)>,
}

/// Targets and their compiled clock, swapped as one.
pub(super) struct Clockwork {
    pub targets: Targets,
    pub schedule: Schedule,
}

impl Clockwork {
    pub(super) fn new(targets: Targets) -> Result<Clockwork, String> {
        let schedule = targets.schedule()?;
        Ok(Clockwork { targets, schedule })
    }

    /// The due time of a mention posted at `created` with this urgency.
    pub(super) fn due(&self, created: i64, urgency: u8, urgent_threshold: u8) -> i64 {
        let tier = self.targets.tier(urgency, urgent_threshold);
        self.schedule.due(created, self.targets.target_secs(tier))
    }
}

impl Engine {
    /// Applies an action to mentions (all or none) and announces them.
    pub async fn apply(&self, ids: Vec<i64>, action: Action) -> Result<Vec<Mention>, StoreError> {
        let now = self.inner.clock.now();
        let changed = self
            .inner
            .db
            .write(move |s| s.apply(&ids, &action, now))
            .await?;
        for m in &changed {
            self.emit(EngineEvent::MentionUpdated {
                mention: Box::new(m.clone()),
            });
        }
        self.emit_counts().await;
        Ok(changed)
    }

    /// A mention's internal notes.
    pub async fn notes(&self, mention_id: i64) -> Result<Vec<Note>, StoreError> {
        self.inner.db.read(move |s| s.notes(mention_id)).await
    }

    /// Adds an internal note; returns the mention as it now is (its note count changed).
    pub async fn add_note(
        &self,
        mention_id: i64,
        author: Option<String>,
        body: String,
    ) -> Result<Note, StoreError> {
        let now = self.inner.clock.now();
        let n = self
            .inner
            .db
            .write(move |s| s.add_note(mention_id, author.as_deref(), &body, now))
            .await?;
        self.announce(mention_id).await;
        Ok(n)
    }

    /// Deletes a note.
    pub async fn delete_note(&self, mention_id: i64, note_id: i64) -> Result<(), StoreError> {
        self.inner.db.write(move |s| s.delete_note(note_id)).await?;
        self.announce(mention_id).await;
        Ok(())
    }

    async fn announce(&self, mention_id: i64) {
        if let Ok(m) = self.mention(mention_id).await {
            self.emit(EngineEvent::MentionUpdated {
                mention: Box::new(m),
            });
        }
    }

    /// Saved replies, most used first.
    pub async fn saved_replies(&self) -> Result<Vec<SavedReply>, StoreError> {
        self.inner.db.read(|s| s.saved_replies()).await
    }

    /// Adds or changes a saved reply.
    pub async fn save_reply(&self, r: SavedReply) -> Result<SavedReply, StoreError> {
        let now = self.inner.clock.now();
        self.inner.db.write(move |s| s.save_reply(&r, now)).await
    }

    /// Deletes a saved reply.
    pub async fn delete_saved_reply(&self, id: i64) -> Result<(), StoreError> {
        self.inner.db.write(move |s| s.delete_saved_reply(id)).await
    }

    /// Counts a use of a saved reply (the picker lists the most used first).
    pub async fn used_saved_reply(&self, id: i64) -> Result<(), StoreError> {
        self.inner.db.write(move |s| s.used_saved_reply(id)).await
    }

    /// The named helpers mentions can be assigned to.
    pub async fn helpers(&self) -> Result<Vec<String>, StoreError> {
        Ok(self
            .inner
            .db
            .read(|s| s.setting::<Vec<String>>("helpers"))
            .await?
            .unwrap_or_default())
    }

    /// Replaces the list of helpers (names are trimmed, blanks and repeats dropped).
    pub async fn set_helpers(&self, names: Vec<String>) -> Result<Vec<String>, StoreError> {
        let mut clean: Vec<String> = Vec::new();
        for n in names {
            let n = n.trim().to_string();
            if n.chars().count() > 60 {
                return Err(StoreError::Invalid(
                    "a helper's name is at most 60 characters".into(),
                ));
            }
            if !n.is_empty() && !clean.iter().any(|c| c.eq_ignore_ascii_case(&n)) {
                clean.push(n);
            }
        }
        let saved = clean.clone();
        self.inner
            .db
            .write(move |s| s.set_setting("helpers", &saved))
            .await?;
        Ok(clean)
    }

    /// The conversation around a mention.
    pub async fn thread(&self, id: i64) -> Result<Vec<Mention>, StoreError> {
        self.inner.db.read(move |s| s.thread(id)).await
    }

    /// The author's other mentions and the replies they were sent.
    pub async fn author_history(&self, id: i64) -> Result<AuthorHistory, StoreError> {
        self.inner.db.read(move |s| s.author_history(id)).await
    }

    /// Asks the network for the author's reach now and keeps it on the mention (the author
    /// panel's Refresh). Bluesky only: the other networks give reach with each post.
    pub async fn refresh_author(&self, id: i64) -> Result<Mention, StoreError> {
        let m = self.mention(id).await?;
        let (crate::model::Channel::Bluesky, Some(did)) = (m.channel, m.remote.author_id.clone())
        else {
            return Err(StoreError::Invalid(format!(
                "{} gives an author's reach with each post; there is nothing to refresh",
                m.channel.label()
            )));
        };
        let id_src = m
            .source_id
            .ok_or_else(|| StoreError::Invalid("this mention's source was removed".into()))?;
        let src = self.inner.db.read(move |s| s.source(id_src)).await?;
        let author = crate::channels::bluesky::fetch_author(&src.spec, self.context(), &did)
            .await
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let updated = self
            .inner
            .db
            .write(move |s| {
                s.set_author_reach(id, author.followers, author.display_name.as_deref())
            })
            .await?;
        self.emit(EngineEvent::MentionUpdated {
            mention: Box::new(updated.clone()),
        });
        Ok(updated)
    }

    /// Checks a reply before it is sent (see [`crate::presend`]).
    pub async fn check_reply(
        &self,
        mention_id: i64,
        body: String,
        private: bool,
    ) -> Result<Check, StoreError> {
        let m = self.mention(mention_id).await?;
        Ok(presend::check(
            &body,
            private,
            &m,
            self.alert_policy().urgent_threshold,
        ))
    }

    /// The response-time targets.
    pub fn targets(&self) -> Targets {
        lock(&self.inner.clockwork).targets.clone()
    }

    /// Due time for a mention posted at `created` with this urgency, on the current targets.
    pub(super) fn due_for(&self, created: i64, urgency: u8) -> i64 {
        let t = self.alert_policy().urgent_threshold;
        lock(&self.inner.clockwork).due(created, urgency, t)
    }

    /// Installs targets without saving them (loading at start).
    pub(super) fn install_targets(&self, t: Targets) -> Result<(), String> {
        let c = Clockwork::new(t)?;
        *lock(&self.inner.clockwork) = Arc::new(c);
        Ok(())
    }

    /// Changes the response-time targets: checks them, saves them, and recomputes the due time
    /// of every unanswered mention.
    pub async fn set_targets(&self, t: Targets) -> Result<Targets, StoreError> {
        self.install_targets(t.clone())
            .map_err(StoreError::Invalid)?;
        let saved = t.clone();
        self.inner
            .db
            .write(move |s| s.set_setting("targets", &saved))
            .await?;
        self.recompute_due().await?;
        self.tick().await;
        Ok(t)
    }

    /// Recomputes due times of unanswered mentions, in chunks.
    pub(super) async fn recompute_due(&self) -> Result<(), StoreError> {
        let mut after = 0;
        loop {
            let chunk = self
                .inner
                .db
                .read(move |s| s.unanswered_after(after, DUE_CHUNK))
                .await?;
            let Some(last) = chunk.last().map(|c| c.0) else {
                return Ok(());
            };
            after = last;
            let updates: Vec<(i64, i64)> = chunk
                .iter()
                .map(|(id, created, urgency)| (*id, self.due_for(*created, *urgency)))
                .collect();
            self.inner.db.write(move |s| s.set_due(&updates)).await?;
        }
    }

    /// The figures for `[since, until)`.
    pub async fn report(&self, since: i64, until: i64) -> Result<Report, StoreError> {
        let clock = lock(&self.inner.clockwork).clone();
        let threshold = self.alert_policy().urgent_threshold;
        let now = self.inner.clock.now();
        self.inner
            .db
            .read(move |s| {
                let mut b = ReportBuilder::new(
                    since,
                    until,
                    now,
                    &clock.targets,
                    &clock.schedule,
                    threshold,
                );
                s.for_each_in_range(since, until, |m| b.add(&m))?;
                Ok(b.finish())
            })
            .await
    }

    /// The mentions posted in `[since, until)` as CSV, with triage, status and response times.
    pub async fn mentions_csv(&self, since: i64, until: i64) -> Result<String, StoreError> {
        let clock = lock(&self.inner.clockwork).clone();
        self.inner
            .db
            .read(move |s| {
                let mut w = csv::Writer::from_writer(Vec::new());
                let mut err = None;
                let bad = |e: csv::Error| StoreError::Invalid(format!("CSV: {e}"));
                w.write_record(crate::metrics::MENTIONS_CSV_HEADER)
                    .map_err(bad)?;
                s.for_each_in_range(since, until, |m| {
                    if err.is_none() {
                        if let Err(e) =
                            w.write_record(crate::metrics::mention_csv_row(&m, &clock.schedule))
                        {
                            err = Some(e);
                        }
                    }
                })?;
                if let Some(e) = err {
                    return Err(bad(e));
                }
                let bytes = w
                    .into_inner()
                    .map_err(|e| StoreError::Invalid(format!("CSV: {}", e.error())))?;
                Ok(String::from_utf8_lossy(&bytes).into_owned())
            })
            .await
    }

    /// The spike alarm's settings.
    pub fn spike_policy(&self) -> SpikePolicy {
        lock(&self.inner.spike_policy).clone()
    }

    /// One look at the queue: brings back snoozed mentions whose time came, raises mentions
    /// about to miss their target (one notification each, or a summary), and checks the
    /// negative rate. Runs every [`TICK`]; public so tests drive it with a manual clock.
    pub async fn tick(&self) {
        let now = self.inner.clock.now();
        match self.inner.db.write(move |s| s.wake_snoozed(now)).await {
            Ok(woken) if !woken.is_empty() => {
                for m in woken {
                    self.emit(EngineEvent::MentionUpdated {
                        mention: Box::new(m),
                    });
                }
                self.emit_counts().await;
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "could not wake snoozed mentions"),
        }
        if let Err(e) = self.raise_coming_due(now).await {
            tracing::warn!(error = %e, "could not check response targets");
        }
        if let Err(e) = self.check_spike(now).await {
            tracing::warn!(error = %e, "could not check the negative rate");
        }
    }

    /// Takes the daily backup when one is due (the ticker asks once the app has settled).
    pub async fn daily_backup(&self) {
        let now = self.inner.clock.now();
        match self.inner.db.backup_if_due(now).await {
            Ok(Some(path)) => tracing::info!(backup = %path.display(), "daily backup taken"),
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "the daily backup failed"),
        }
    }

    async fn raise_coming_due(&self, now: i64) -> Result<(), StoreError> {
        let clock = lock(&self.inner.clockwork).clone();
        let threshold = self.alert_policy().urgent_threshold;
        // The widest warning window of any tier; each mention is then held to its own.
        let horizon = now + 600;
        let candidates = self.inner.db.read(move |s| s.coming_due(horizon)).await?;
        let due: Vec<Mention> = candidates
            .into_iter()
            .filter(|m| {
                let tier = clock.targets.tier(m.triage.urgency, threshold);
                m.work
                    .due_at
                    .is_some_and(|d| d - now <= clock.targets.warn_secs(tier))
            })
            .collect();
        if due.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = due.iter().map(|m| m.id).collect();
        let marked = self.inner.db.write(move |s| s.mark_at_risk(&ids)).await?;
        for m in &marked {
            self.emit(EngineEvent::MentionUpdated {
                mention: Box::new(m.clone()),
            });
        }
        if !self.alerts_paused() {
            self.notify_all(due_alerts(&marked, now)).await;
        }
        Ok(())
    }

    async fn check_spike(&self, now: i64) -> Result<(), StoreError> {
        let policy = self.spike_policy();
        let hour_ago = now - 3_600;
        let last_hour = self
            .inner
            .db
            .read(move |s| s.negative_between(hour_ago, now + 1))
            .await?;
        if last_hour < policy.min_count.max(1) {
            return Ok(());
        }
        let cached = lock(&self.inner.spike).baseline;
        let baseline = match cached {
            Some((at, rate)) if now - at < 3_600 => rate,
            _ => {
                let from = hour_ago - 7 * 86_400;
                let n = self
                    .inner
                    .db
                    .read(move |s| s.negative_between(from, hour_ago))
                    .await?;
                let rate = f64::from(n) / (7.0 * 24.0);
                lock(&self.inner.spike).baseline = Some((now, rate));
                rate
            }
        };
        if f64::from(last_hour) < policy.ratio * baseline {
            return Ok(());
        }
        {
            let mut st = lock(&self.inner.spike);
            if let Some((at, n)) = st.last {
                let cooling = now - at < i64::from(policy.cooldown_mins) * 60;
                if cooling && last_hour < n.saturating_mul(2) {
                    return Ok(());
                }
            }
            st.last = Some((now, last_hour));
        }
        let top = self
            .list(crate::store::MentionQuery {
                mood: Some(Sentiment::Negative),
                since: Some(hour_ago),
                limit: Some(50),
                ..Default::default()
            })
            .await?;
        let mut words: std::collections::HashMap<String, u32> = Default::default();
        for m in &top.mentions {
            for c in crate::triage::cues::cues(
                &crate::triage::cues::cue_sets().complaint,
                &crate::matcher::fold(&m.full_text()),
            ) {
                *words.entry(c).or_default() += 1;
            }
        }
        let mut words: Vec<(String, u32)> = words.into_iter().collect();
        words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let about: Vec<String> = words
            .into_iter()
            .take(3)
            .map(|(w, _)| format!("\"{w}\""))
            .collect();
        let usual = if baseline < 0.05 {
            "usually almost none".to_string()
        } else {
            format!("usually {baseline:.1} an hour")
        };
        let body = format!(
            "{last_hour} negative mentions in the last hour ({usual}).{}",
            if about.is_empty() {
                String::new()
            } else {
                format!(" Most mention {}.", about.join(", "))
            }
        );
        self.emit(EngineEvent::NegativeSpike {
            count: last_hour,
            baseline_per_hour: baseline,
            since: hour_ago,
            message: body.clone(),
        });
        if !self.alerts_paused() {
            let alert = Alert {
                mention_id: top.mentions.first().map_or(0, |m| m.id),
                summary: "Negative spike".into(),
                body,
                loudness: Loudness::Critical,
            };
            self.notify_all(vec![alert]).await;
        }
        Ok(())
    }

    /// Starts the queue clock (once).
    pub(super) fn start_ticker(&self) {
        let mut slot = lock(&self.inner.ticker);
        if slot.is_some() {
            return;
        }
        let (stop, mut stopped) = tokio::sync::watch::channel(false);
        *slot = Some(stop);
        let engine = self.clone();
        tokio::spawn(async move {
            // Not at start: copying and checking a big database would slow the first minutes,
            // when the owner opens the app to look at the inbox.
            let mut ticks = 0u32;
            loop {
                engine.tick().await;
                ticks = ticks.saturating_add(1);
                if ticks > BACKUP_AFTER_TICKS {
                    engine.daily_backup().await;
                }
                tokio::select! {
                    _ = tokio::time::sleep(TICK) => {}
                    _ = stopped.changed() => return,
                }
            }
        });
    }

    /// Loads the saved targets and spike settings.
    pub(super) async fn load_queue_settings(&self) -> Result<(), StoreError> {
        if let Some(t) = self
            .inner
            .db
            .read(|s| s.setting::<Targets>("targets"))
            .await?
        {
            if let Err(e) = self.install_targets(t) {
                tracing::warn!(error = %e, "saved response targets are invalid; using the defaults");
            }
        }
        if let Some(p) = self
            .inner
            .db
            .read(|s| s.setting::<SpikePolicy>("spike"))
            .await?
        {
            *lock(&self.inner.spike_policy) = p;
        }
        Ok(())
    }
}

/// Notifications for mentions that just became at risk: one each, or one summary for many.
fn due_alerts(marked: &[Mention], now: i64) -> Vec<Alert> {
    let line = |m: &Mention| {
        let due = m.work.due_at.unwrap_or(now);
        let when = if due <= now {
            format!("missed its response target {} ago", span(now - due))
        } else {
            format!("is due for a reply in {}", span(due - now))
        };
        format!("{} on {} {when}", m.author.handle, m.channel.label())
    };
    if marked.len() <= 3 {
        marked
            .iter()
            .map(|m| Alert {
                mention_id: m.id,
                summary: if m.work.due_at.is_some_and(|d| d <= now) {
                    "Response target missed".into()
                } else {
                    "Reply due soon".into()
                },
                body: line(m),
                loudness: Loudness::Critical,
            })
            .collect()
    } else {
        let first = &marked[0];
        vec![Alert {
            mention_id: first.id,
            summary: format!("{} mentions are due for a reply", marked.len()),
            body: format!("First: {}", line(first)),
            loudness: Loudness::Critical,
        }]
    }
}

fn span(secs: i64) -> String {
    let m = (secs + 59) / 60;
    if m < 60 {
        format!("{m} min")
    } else if m < 48 * 60 {
        format!("{} h {} min", m / 60, m % 60)
    } else {
        format!("{} days", m / (24 * 60))
    }
}
