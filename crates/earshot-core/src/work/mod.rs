//! The owner's side of the inbox: actions on mentions (status, snooze, tags, assignment),
//! notes, saved replies and helpers; response-time targets and the queue clock that watches
//! them; the pre-send check; the negative-spike alarm; the figures.
//!
//! Files: `targets` (targets and business hours, pure), `due` (the targets as one shared clock),
//! `presend` (the check before a reply goes, pure), `report` (the figures and CSV), `spike`
//! (the alarm). This file is [`Desk`], the stage the façade hands all of it to.

pub mod due;
pub mod presend;
pub mod report;
mod spike;
pub mod targets;

pub use spike::SpikePolicy;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use self::due::DueClock;
use self::presend::Check;
use self::report::{Report, ReportBuilder};
use self::spike::SpikeState;
use self::targets::Targets;
use crate::alerts::{Alert, AlertDesk, Loudness};
use crate::clock::Clock;
use crate::events::Events;
use crate::lock;
use crate::model::Mention;
use crate::store::db::Db;
use crate::store::work::{Action, AuthorHistory, Note, SavedReply};
use crate::store::StoreError;

/// How often the queue clock looks at snoozes, due times and the negative rate: once a minute,
/// the resolution of response targets (in minutes) and snoozes, and cheap for a tray app that
/// sits idle all day (it was 15 s: four wake-ups a minute where one does).
pub const TICK: Duration = Duration::from_secs(60);

/// Ticks before the first daily-backup check: five minutes after the engine starts.
const BACKUP_AFTER_TICKS: u32 = 5;
/// Unanswered mentions whose due time is recomputed per transaction when the targets change.
const DUE_CHUNK: u32 = 5_000;

/// The queue stage: holds the store, the clock, the event sender, the shared due clock and the
/// alert desk; nothing else.
pub struct Desk {
    db: Db,
    clock: Clock,
    events: Events,
    due: Arc<DueClock>,
    alerts: Arc<AlertDesk>,
    spike: Mutex<SpikeState>,
    spike_policy: Mutex<SpikePolicy>,
    ticker: Mutex<Option<tokio::sync::watch::Sender<bool>>>,
    /// On a team: the mentions this desktop has reminded its person of (another desktop may
    /// have marked them at risk first).
    reminded: Mutex<std::collections::HashSet<i64>>,
}

impl Desk {
    /// The queue stage over these parts.
    pub fn new(
        db: Db,
        clock: Clock,
        events: Events,
        due: Arc<DueClock>,
        alerts: Arc<AlertDesk>,
    ) -> Desk {
        Desk {
            db,
            clock,
            events,
            due,
            alerts,
            spike: Mutex::new(SpikeState::default()),
            spike_policy: Mutex::new(SpikePolicy::default()),
            ticker: Mutex::new(None),
            reminded: Mutex::default(),
        }
    }

    async fn counts_changed(&self) {
        self.events
            .counts(&self.db, self.alerts.urgent_threshold())
            .await;
    }

    async fn mention(&self, id: i64) -> Result<Mention, StoreError> {
        self.db.read(move |s| s.mention(id)).await
    }

    /// Installs targets without saving them (configuration saves them); refuses bad ones.
    pub fn install_targets(&self, t: Targets) -> Result<(), StoreError> {
        self.due
            .install(t)
            .map_err(|e| StoreError::Invalid(e.to_string()))
    }

    /// Replaces the spike alarm's settings (not saved: configuration saves them).
    pub fn set_spike_policy(&self, p: SpikePolicy) {
        *lock(&self.spike_policy) = p;
    }

    /// Stops the queue clock.
    pub fn stop_ticker(&self) {
        if let Some(t) = lock(&self.ticker).take() {
            let _ = t.send(true);
        }
    }

    /// Applies an action to mentions (all or none) and announces them.
    pub async fn apply(&self, ids: Vec<i64>, action: Action) -> Result<Vec<Mention>, StoreError> {
        let now = self.clock.now();
        let changed = self.db.write(move |s| s.apply(&ids, &action, now)).await?;
        for m in &changed {
            self.events.updated(m.clone());
        }
        self.counts_changed().await;
        Ok(changed)
    }

    /// A mention's internal notes.
    pub async fn notes(&self, mention_id: i64) -> Result<Vec<Note>, StoreError> {
        self.db.read(move |s| s.notes(mention_id)).await
    }

    /// Adds an internal note; returns the mention as it now is (its note count changed).
    pub async fn add_note(
        &self,
        mention_id: i64,
        author: Option<String>,
        body: String,
    ) -> Result<Note, StoreError> {
        let now = self.clock.now();
        let n = self
            .db
            .write(move |s| s.add_note(mention_id, author.as_deref(), &body, now))
            .await?;
        self.announce(mention_id).await;
        Ok(n)
    }

    /// Deletes a note.
    pub async fn delete_note(&self, mention_id: i64, note_id: i64) -> Result<(), StoreError> {
        self.db.write(move |s| s.delete_note(note_id)).await?;
        self.announce(mention_id).await;
        Ok(())
    }

    async fn announce(&self, mention_id: i64) {
        if let Ok(m) = self.mention(mention_id).await {
            self.events.updated(m);
        }
    }

    /// Saved replies, most used first.
    pub async fn saved_replies(&self) -> Result<Vec<SavedReply>, StoreError> {
        self.db.read(|s| s.saved_replies()).await
    }

    /// Adds or changes a saved reply.
    pub async fn save_reply(&self, r: SavedReply) -> Result<SavedReply, StoreError> {
        let now = self.clock.now();
        self.db.write(move |s| s.save_reply(&r, now)).await
    }

    /// Deletes a saved reply.
    pub async fn delete_saved_reply(&self, id: i64) -> Result<(), StoreError> {
        self.db.write(move |s| s.delete_saved_reply(id)).await
    }

    /// Counts a use of a saved reply (the picker lists the most used first).
    pub async fn used_saved_reply(&self, id: i64) -> Result<(), StoreError> {
        self.db.write(move |s| s.used_saved_reply(id)).await
    }

    /// The named helpers mentions can be assigned to.
    pub async fn helpers(&self) -> Result<Vec<String>, StoreError> {
        // On a team, the people to assign to are its members.
        if let Some(members) = self.db.read(|s| s.team_members()).await? {
            return Ok(members);
        }
        Ok(self
            .db
            .read(|s| s.setting::<Vec<String>>("helpers"))
            .await?
            .unwrap_or_default())
    }

    /// Replaces the list of helpers (names are trimmed, blanks and repeats dropped).
    pub async fn set_helpers(&self, names: Vec<String>) -> Result<Vec<String>, StoreError> {
        if self.db.is_team() {
            return Err(StoreError::Invalid(
                "on a team, work is given to its members: each joins from Earshot on their own computer".into(),
            ));
        }
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
        self.db
            .write(move |s| s.set_setting("helpers", &saved))
            .await?;
        Ok(clean)
    }

    /// The conversation around a mention.
    pub async fn thread(&self, id: i64) -> Result<Vec<Mention>, StoreError> {
        self.db.read(move |s| s.thread(id)).await
    }

    /// The author's other mentions and the replies they were sent.
    pub async fn author_history(&self, id: i64) -> Result<AuthorHistory, StoreError> {
        self.db.read(move |s| s.author_history(id)).await
    }

    /// Checks a reply before it is sent (see [`crate::work::presend`]).
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
            self.alerts.urgent_threshold(),
        ))
    }

    /// The response-time targets.
    pub fn targets(&self) -> Targets {
        self.due.targets()
    }

    /// Changes the response-time targets: checks them, saves them, and recomputes the due time
    /// of every unanswered mention.
    pub async fn set_targets(&self, t: Targets) -> Result<Targets, StoreError> {
        self.due
            .install(t.clone())
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let saved = t.clone();
        self.db
            .write(move |s| s.set_setting("targets", &saved))
            .await?;
        self.recompute_due().await?;
        self.tick().await;
        Ok(t)
    }

    /// Recomputes due times of unanswered mentions, in chunks.
    pub async fn recompute_due(&self) -> Result<(), StoreError> {
        let clock = self.due.current();
        let threshold = self.alerts.urgent_threshold();
        let mut after = 0;
        loop {
            let chunk = self
                .db
                .read(move |s| s.unanswered_after(after, DUE_CHUNK))
                .await?;
            let Some(last) = chunk.last().map(|c| c.0) else {
                return Ok(());
            };
            after = last;
            let updates: Vec<(i64, i64)> = chunk
                .iter()
                .map(|(id, created, urgency)| (*id, clock.due(*created, *urgency, threshold)))
                .collect();
            self.db.write(move |s| s.set_due(&updates)).await?;
        }
    }

    /// The figures for `[since, until)`.
    pub async fn report(&self, since: i64, until: i64) -> Result<Report, StoreError> {
        let clock = self.due.current();
        let threshold = self.alerts.urgent_threshold();
        let now = self.clock.now();
        self.db
            .read(move |s| {
                let mut b = ReportBuilder::new(
                    since,
                    until,
                    now,
                    &clock.targets,
                    &clock.schedule,
                    threshold,
                );
                s.for_each_in_range(since, until, &mut |m| b.add(&m))?;
                let mut report = b.finish();
                if let Some(work) = s.team_work(since, until)? {
                    report.people = crate::work::report::people(work, &clock.schedule);
                }
                Ok(report)
            })
            .await
    }

    /// The mentions posted in `[since, until)` as CSV, with triage, status and response times.
    pub async fn mentions_csv(&self, since: i64, until: i64) -> Result<String, StoreError> {
        let clock = self.due.current();
        self.db
            .read(move |s| {
                let mut w = csv::Writer::from_writer(Vec::new());
                let mut err = None;
                let bad = |e: csv::Error| StoreError::Invalid(format!("CSV: {e}"));
                w.write_record(crate::work::report::MENTIONS_CSV_HEADER)
                    .map_err(bad)?;
                s.for_each_in_range(since, until, &mut |m| {
                    if err.is_none() {
                        if let Err(e) = w
                            .write_record(crate::work::report::mention_csv_row(&m, &clock.schedule))
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
        lock(&self.spike_policy).clone()
    }

    /// One look at the queue: brings back snoozed mentions whose time came, raises mentions
    /// about to miss their target (one notification each, or a summary), and checks the
    /// negative rate. Runs every [`TICK`]; public so tests drive it with a manual clock.
    pub async fn tick(&self) {
        let now = self.clock.now();
        match self.db.write(move |s| s.wake_snoozed(now)).await {
            Ok(woken) if !woken.is_empty() => {
                for m in woken {
                    self.events.updated(m);
                }
                self.counts_changed().await;
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
        let now = self.clock.now();
        match self.db.backup_if_due(now).await {
            Ok(Some(path)) => tracing::info!(backup = %path.display(), "daily backup taken"),
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "the daily backup failed"),
        }
    }

    async fn raise_coming_due(&self, now: i64) -> Result<(), StoreError> {
        let clock = self.due.current();
        let threshold = self.alerts.urgent_threshold();
        // The widest warning window of any tier; each mention is then held to its own.
        let horizon = now + 600;
        let mut candidates = self.db.read(move |s| s.coming_due(horizon)).await?;
        // On a team another desktop may have marked some already: this one still reminds its
        // person (of those due in the last two hours).
        let team = self.db.is_team();
        if team {
            let marked = self.db.read(move |s| s.at_risk_since(now - 7_200)).await?;
            candidates.extend(marked);
        }
        let due: Vec<Mention> = candidates
            .into_iter()
            .filter(|m| {
                let tier = clock.targets.tier(m.triage.urgency, threshold);
                m.work
                    .due_at
                    .is_some_and(|d| d - now <= clock.targets.warn_secs(tier))
            })
            .collect();
        if due.is_empty() && !team {
            return Ok(());
        }
        let ids: Vec<i64> = due
            .iter()
            .filter(|m| !m.work.at_risk)
            .map(|m| m.id)
            .collect();
        let marked = self.db.write(move |s| s.mark_at_risk(&ids)).await?;
        for m in &marked {
            self.events.updated(m.clone());
        }
        // Alone, a mention is reminded of once, when it is marked. On a team every desktop
        // reminds its own person (of the unassigned ones, or those assigned to them), whichever
        // desktop marked it.
        let remind = if team {
            let mut reminded = lock(&self.reminded);
            reminded.retain(|id| due.iter().any(|m| m.id == *id));
            due.into_iter()
                .filter(|m| self.alerts.mine(m) && reminded.insert(m.id))
                .collect()
        } else {
            marked
        };
        self.alerts.raise(due_alerts(&remind, now)).await;
        Ok(())
    }

    /// Starts the queue clock (once).
    pub fn start_ticker(self: &Arc<Self>) {
        let mut slot = lock(&self.ticker);
        if slot.is_some() {
            return;
        }
        let (stop, mut stopped) = tokio::sync::watch::channel(false);
        *slot = Some(stop);
        let desk = self.clone();
        tokio::spawn(async move {
            // Not at start: copying and checking a big database would slow the first minutes,
            // when the owner opens the app to look at the inbox.
            let mut ticks = 0u32;
            loop {
                desk.tick().await;
                ticks = ticks.saturating_add(1);
                if ticks > BACKUP_AFTER_TICKS {
                    desk.daily_backup().await;
                }
                tokio::select! {
                    _ = tokio::time::sleep(TICK) => {}
                    _ = stopped.changed() => return,
                }
            }
        });
    }

    /// Loads the saved targets and spike settings.
    pub async fn load_settings(&self) -> Result<(), StoreError> {
        if let Some(t) = self.db.read(|s| s.setting::<Targets>("targets")).await? {
            if let Err(e) = self.due.install(t) {
                tracing::warn!(error = %e, "saved response targets are invalid; using the defaults");
            }
        }
        if let Some(p) = self.db.read(|s| s.setting::<SpikePolicy>("spike")).await? {
            *lock(&self.spike_policy) = p;
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
