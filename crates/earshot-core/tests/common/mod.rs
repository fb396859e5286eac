//! What the integration tests share: waiting for an engine event, a notifier that records, and
//! the repository's fixtures. Each test binary uses a part of it.
#![allow(dead_code)]

pub mod live;
pub mod mail;
pub mod pages;
pub mod postgres;
pub mod queue;

use std::sync::Mutex;
use std::time::Duration;

use earshot_core::alerts::{Alert, Notifier, NotifyError};
use earshot_core::events::EngineEvent;
use earshot_core::model::{Author, Channel, Mention, SourceKind, SourceSpec};
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::broadcast::Receiver;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

/// How long a wait may take before the test fails. It only bounds a failing test: a passing
/// one returns as soon as the event arrives (the slowest, a federated catch-up under injected
/// faults, takes seconds).
pub const PATIENCE: Duration = Duration::from_secs(60);

/// Waits for the first event `pick` accepts and returns what it made of it. Events the test
/// does not care about are skipped; a listener that fell behind goes on with the next event.
pub async fn wait_for<T>(
    rx: &mut Receiver<EngineEvent>,
    what: &str,
    mut pick: impl FnMut(&EngineEvent) -> Option<T>,
) -> T {
    let found = tokio::time::timeout(PATIENCE, async {
        loop {
            match rx.recv().await {
                Ok(e) => {
                    if let Some(t) = pick(&e) {
                        return t;
                    }
                }
                Err(RecvError::Lagged(_)) => {}
                Err(e) => panic!("event stream ended while waiting for {what}: {e}"),
            }
        }
    })
    .await;
    found.unwrap_or_else(|_| panic!("timed out waiting for {what}"))
}

/// A notifier that remembers every alert it was asked to show and, when a test listens,
/// hands each one over as it comes.
#[derive(Default)]
pub struct Recorder {
    alerts: Mutex<Vec<Alert>>,
    tx: Mutex<Option<UnboundedSender<Alert>>>,
}

impl Notifier for Recorder {
    fn notify(&self, alert: &Alert) -> Result<(), NotifyError> {
        self.alerts.lock().unwrap().push(alert.clone());
        if let Some(tx) = self.tx.lock().unwrap().as_ref() {
            let _ = tx.send(alert.clone());
        }
        Ok(())
    }
}

impl Recorder {
    /// The alerts shown since the last take.
    pub fn take(&self) -> Vec<Alert> {
        std::mem::take(&mut self.alerts.lock().unwrap())
    }

    /// The mentions alerted about so far, in order.
    pub fn mention_ids(&self) -> Vec<i64> {
        self.alerts
            .lock()
            .unwrap()
            .iter()
            .map(|a| a.mention_id)
            .collect()
    }

    /// Alerts from now on, as they are shown.
    pub fn listen(&self) -> UnboundedReceiver<Alert> {
        let (tx, rx) = unbounded_channel();
        *self.tx.lock().unwrap() = Some(tx);
        rx
    }
}

/// A fixture from the repository's `fixtures/<network>/<name>`.
pub fn fixture(network: &str, name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../../fixtures/{network}/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

/// A Hacker News mention for store tests: id, text, urgency and time of posting.
pub fn mention(id: &str, text: &str, urgency: u8, created_at: i64) -> Mention {
    let mut m = Mention::new(Channel::Hackernews, id, text);
    m.author = Author {
        handle: format!("author{id}"),
        ..Author::default()
    };
    m.created_at = created_at;
    m.triage.urgency = urgency;
    m
}

/// A Hacker News source named `name`.
pub fn spec(name: &str) -> SourceSpec {
    SourceSpec::new(SourceKind::Hackernews, name)
}

/// What an unhealthy source's health says, lower-cased, for a test to look for words in.
pub fn health_words(h: &earshot_core::model::Health) -> String {
    use earshot_core::model::Health;
    match h {
        Health::Error { reason, .. } => reason.to_lowercase(),
        Health::NeedsLogin { reason, .. } => format!("log in: {reason}").to_lowercase(),
        Health::RateLimited { .. } => "rate limited".into(),
        other => format!("{other:?}"),
    }
}

/// Waits for the first source health that is not "ok" (a fault reported) and returns its words.
pub async fn fault_words(rx: &mut Receiver<EngineEvent>) -> String {
    use earshot_core::model::Health;
    let h = wait_for(rx, "the fault reported", |e| match e {
        EngineEvent::SourceHealth { health, .. }
            if !matches!(health, Health::Ok { .. } | Health::Idle) =>
        {
            Some(health.clone())
        }
        _ => None,
    })
    .await;
    health_words(&h)
}

/// Every stored mention heard on `channel` (up to a thousand).
pub async fn on_channel(engine: &earshot_core::engine::Engine, channel: Channel) -> Vec<Mention> {
    engine
        .list(earshot_core::store::MentionQuery {
            limit: Some(1_000),
            ..Default::default()
        })
        .await
        .unwrap()
        .mentions
        .into_iter()
        .filter(|m| m.channel == channel)
        .collect()
}
