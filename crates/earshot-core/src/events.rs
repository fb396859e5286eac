//! What the engine tells its listeners ([`EngineEvent`]), and the sender every stage holds.
//!
//! The CLI prints these; the desktop shell forwards them to the webview as `engine` events and
//! keeps the tray count from [`EngineEvent::Counts`].

use serde::Serialize;
use tokio::sync::broadcast;
use ts_rs::TS;

use crate::model::{Health, Mention, Reply, Source};
use crate::store::db::Db;
use crate::store::Counts;

/// What the engine tells its listeners.
// A source's health (three strings) is the largest variant; events live for one broadcast and
// are matched on by tests and the shell, which a boxed field would make clumsier.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum EngineEvent {
    /// Newly stored mentions.
    MentionsAdded {
        /// The mentions.
        mentions: Vec<Mention>,
    },
    /// A mention's status or read flag changed.
    MentionUpdated {
        /// The mention as it now is.
        mention: Box<Mention>,
    },
    /// Stored mentions were ranked again by a new build's triage, in the background: views
    /// reload (one event, not one per mention: a store of 100k would flood the window).
    Reranked {
        /// How many changed.
        changed: u32,
    },
    /// A source's health changed.
    SourceHealth {
        /// Which source.
        #[ts(type = "number")]
        source_id: i64,
        /// Its health.
        health: Health,
    },
    /// Badge counts changed.
    Counts {
        /// The counts.
        counts: Counts,
    },
    /// A reply was queued or changed state.
    ReplyUpdated {
        /// The reply as it now is.
        reply: Reply,
    },
    /// Negative mentions in the last hour far above the usual rate.
    NegativeSpike {
        /// Negative mentions in the last hour.
        count: u32,
        /// The usual rate per hour (the seven days before).
        baseline_per_hour: f64,
        /// Start of the hour (unix seconds): show negative mentions since then.
        #[ts(type = "number")]
        since: i64,
        /// What the notification said.
        message: String,
    },
    /// On a team: someone else began (or stopped) writing a reply to a mention.
    Composing {
        /// The mention.
        #[ts(type = "number")]
        mention_id: i64,
        /// Who, by name.
        who: String,
        /// Writing now (false: stopped, or sent).
        open: bool,
    },
    /// A login finished (a Mastodon login completes in the browser, after the call that began it).
    LoginFinished {
        /// The source that is now logged in, when it worked.
        source: Option<Source>,
        /// Why it did not, when it did not.
        error: Option<String>,
    },
}

/// The sending side of the engine's events: cheap to clone, one per stage.
#[derive(Clone)]
pub struct Events {
    tx: broadcast::Sender<EngineEvent>,
}

impl Default for Events {
    fn default() -> Self {
        Events::new()
    }
}

impl Events {
    /// A sender with room for 1,024 events per slow listener (a listener further behind is told
    /// it lagged; the UI then reloads).
    pub fn new() -> Events {
        let (tx, _) = broadcast::channel(1024);
        Events { tx }
    }

    /// A new listener.
    pub fn subscribe(&self) -> broadcast::Receiver<EngineEvent> {
        self.tx.subscribe()
    }

    /// Publishes an event; having no listener is fine (headless runs may not subscribe).
    pub fn emit(&self, e: EngineEvent) {
        let _ = self.tx.send(e);
    }

    /// Publishes a mention as it now is.
    /// Says stored mentions were re-ranked; views reload.
    pub fn reranked(&self, changed: usize) {
        self.emit(EngineEvent::Reranked {
            changed: u32::try_from(changed).unwrap_or(u32::MAX),
        });
    }

    /// Publishes one mention as it now is.
    pub fn updated(&self, m: Mention) {
        self.emit(EngineEvent::MentionUpdated {
            mention: Box::new(m),
        });
    }

    /// Publishes the badge counts as the store has them now (a read failure is not an event).
    pub async fn counts(&self, db: &Db, urgent_threshold: u8) {
        if let Ok(counts) = db.read(move |s| s.counts(urgent_threshold)).await {
            self.emit(EngineEvent::Counts { counts });
        }
    }
}
