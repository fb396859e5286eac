//! Alerts: when to interrupt the owner, and the [`Notifier`] that does it.
//!
//! [`AlertPolicy`] says which new mentions are worth a notification; [`Alerter`] applies it with
//! memory of what it already sent: quiet hours that only urgent mentions break through, and a
//! rate cap so a burst becomes one summary notification instead of a wall of popups.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::Clock;
use crate::model::Mention;
use crate::triage::human_count;

/// The owner's alert settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct AlertPolicy {
    /// New mentions at least this urgent notify (outside quiet hours).
    pub notify_min: u8,
    /// At least this urgent counts as urgent: breaks through quiet hours, counts in the tray.
    pub urgent_threshold: u8,
    /// Quiet hours in local time, `[start_hour, end_hour)`; may wrap midnight (22 → 7).
    pub quiet_hours: Option<(u8, u8)>,
    /// At most this many single notifications per window for mentions below the urgent
    /// threshold; the rest become one summary.
    pub burst_max: u32,
    /// At most this many single notifications per window for urgent mentions (they have their
    /// own budget, so a morning's backlog cannot hold back the next angry customer).
    pub urgent_burst_max: u32,
    /// The window, in seconds.
    pub burst_window_secs: u32,
}

impl Default for AlertPolicy {
    fn default() -> Self {
        AlertPolicy {
            notify_min: 40,
            urgent_threshold: 60,
            quiet_hours: None,
            burst_max: 3,
            urgent_burst_max: 8,
            burst_window_secs: 120,
        }
    }
}

impl AlertPolicy {
    fn in_quiet_hours(&self, local_hour: u8) -> bool {
        match self.quiet_hours {
            Some((start, end)) if start <= end => (start..end).contains(&local_hour),
            Some((start, end)) => local_hour >= start || local_hour < end,
            None => false,
        }
    }
}

/// How loudly to notify.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Loudness {
    /// Worth a look.
    Normal,
    /// Urgent.
    Critical,
}

/// One notification to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    /// The mention to open when the notification is clicked (the top one, for a summary).
    pub mention_id: i64,
    /// Author and channel ("@ann on Hacker News"), or the summary's headline.
    pub summary: String,
    /// A snippet and the top reason.
    pub body: String,
    /// How loudly.
    pub loudness: Loudness,
}

/// A notification the system would not show, in its words.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct NotifyError(pub String);

/// Shows notifications. The desktop app implements it with the OS notification service.
pub trait Notifier: Send + Sync {
    /// Shows one alert; an error is logged, never fatal.
    fn notify(&self, alert: &Alert) -> Result<(), NotifyError>;
}

/// A notifier that shows nothing (headless runs).
pub struct Silent;

impl Notifier for Silent {
    fn notify(&self, _alert: &Alert) -> Result<(), NotifyError> {
        Ok(())
    }
}

fn snippet(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Where a mention was said, for people: the network, or for a feed the site it came from
/// ("on RSS" says nothing; "on reviews.example.com" does).
fn place(m: &Mention) -> String {
    let site = (m.channel == crate::model::Channel::Rss)
        .then(|| m.url.as_deref().and_then(|u| url::Url::parse(u).ok()))
        .flatten()
        .and_then(|u| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_string())
        })
        .filter(|h| !h.is_empty());
    site.unwrap_or_else(|| m.channel.label().to_string())
}

/// The alert for one mention.
pub fn alert_for(m: &Mention, urgent_threshold: u8) -> Alert {
    let who = match (&m.author.display_name, m.author.followers) {
        (Some(d), _) if d != &m.author.handle => format!("{d} ({})", m.author.handle),
        _ => m.author.handle.clone(),
    };
    let reach = m
        .author
        .followers
        .filter(|f| *f >= 1000)
        .map(|f| format!(" · {} followers", human_count(f)))
        .unwrap_or_default();
    let reason = m
        .triage
        .reasons
        .first()
        .map(|r| format!("\n{r}"))
        .unwrap_or_default();
    Alert {
        mention_id: m.id,
        summary: format!("{who} on {}{reach}", place(m)),
        body: format!("{}{reason}", snippet(&m.full_text(), 140)),
        loudness: if m.triage.urgency >= urgent_threshold {
            Loudness::Critical
        } else {
            Loudness::Normal
        },
    }
}

/// Applies an [`AlertPolicy`] over time.
#[derive(Debug, Default)]
pub struct Alerter {
    sent: VecDeque<i64>,
    sent_urgent: VecDeque<i64>,
    held: u32,
    held_top: Option<(u8, i64)>,
    last_summary: Option<i64>,
}

impl Alerter {
    /// Decides what to show for newly stored mentions. `now` is unix seconds, `local_hour` the
    /// owner's local hour (0–23), `paused` the tray's "Pause alerts".
    pub fn decide(
        &mut self,
        policy: &AlertPolicy,
        fresh: &[Mention],
        now: i64,
        local_hour: u8,
        paused: bool,
    ) -> Vec<Alert> {
        if paused {
            return Vec::new();
        }
        let window = i64::from(policy.burst_window_secs);
        for q in [&mut self.sent, &mut self.sent_urgent] {
            while q.front().is_some_and(|t| now - t >= window) {
                q.pop_front();
            }
        }
        let floor = if policy.in_quiet_hours(local_hour) {
            policy.urgent_threshold
        } else {
            policy.notify_min
        };
        let mut worthy: Vec<&Mention> = fresh
            .iter()
            .filter(|m| m.triage.urgency >= floor && m.status != crate::model::Status::Done)
            .collect();
        worthy.sort_by(|a, b| {
            b.triage
                .urgency
                .cmp(&a.triage.urgency)
                .then(b.created_at.cmp(&a.created_at))
        });
        let mut out = Vec::new();
        for m in worthy {
            let (queue, cap) = if m.triage.urgency >= policy.urgent_threshold {
                (&mut self.sent_urgent, policy.urgent_burst_max)
            } else {
                (&mut self.sent, policy.burst_max)
            };
            if (queue.len() as u32) < cap {
                queue.push_back(now);
                out.push(alert_for(m, policy.urgent_threshold));
            } else {
                self.held += 1;
                if self.held_top.is_none_or(|(u, _)| m.triage.urgency > u) {
                    self.held_top = Some((m.triage.urgency, m.id));
                }
            }
        }
        // Held mentions go out as one summary, at most one summary per window.
        let summary_due = self.last_summary.is_none_or(|t| now - t >= window);
        if self.held > 0 && summary_due {
            let (top_urgency, top_id) = self.held_top.unwrap_or((0, 0));
            out.push(Alert {
                mention_id: top_id,
                summary: format!(
                    "{} more new mention{}",
                    self.held,
                    if self.held == 1 { "" } else { "s" }
                ),
                body: "Open Earshot to see them, most urgent first.".into(),
                loudness: if top_urgency >= policy.urgent_threshold {
                    Loudness::Critical
                } else {
                    Loudness::Normal
                },
            });
            self.last_summary = Some(now);
            self.held = 0;
            self.held_top = None;
        }
        out
    }
}

/// The alerting stage: the owner's policy, the [`Alerter`]'s memory, the pause switch and the
/// [`Notifier`], shared by the pipeline (new mentions) and the queue clock (due times, spikes).
pub struct AlertDesk {
    notifier: Arc<dyn Notifier>,
    clock: Clock,
    policy: Mutex<AlertPolicy>,
    alerter: Mutex<Alerter>,
    paused: AtomicBool,
    local_hour: Box<dyn Fn() -> u8 + Send + Sync>,
    /// On a team: this desktop's person, by name (a mention assigned to someone else is theirs
    /// to be reminded of).
    member: Mutex<Option<String>>,
}

impl AlertDesk {
    /// Alerts through `notifier`, with the default policy and quiet hours read from the
    /// machine's local time.
    pub fn new(notifier: Arc<dyn Notifier>, clock: Clock) -> AlertDesk {
        AlertDesk {
            notifier,
            clock,
            policy: Mutex::new(AlertPolicy::default()),
            alerter: Mutex::new(Alerter::default()),
            paused: AtomicBool::new(false),
            local_hour: Box::new(|| {
                use chrono::Timelike;
                chrono::Local::now().hour() as u8
            }),
            member: Mutex::new(None),
        }
    }

    /// On a team: who this desktop's person is.
    pub fn set_member(&self, name: Option<String>) {
        *lock(&self.member) = name;
    }

    /// Whether a reminder about `m` is this desktop's to show: on a team, a mention assigned to
    /// someone else reminds only them; an unassigned one reminds everyone on duty.
    pub fn mine(&self, m: &Mention) -> bool {
        match (lock(&self.member).as_deref(), m.work.assignee.as_deref()) {
            (Some(me), Some(assignee)) => me == assignee,
            _ => true,
        }
    }

    /// The notifier.
    pub fn notifier(&self) -> Arc<dyn Notifier> {
        self.notifier.clone()
    }

    /// The policy.
    pub fn policy(&self) -> AlertPolicy {
        lock(&self.policy).clone()
    }

    /// Replaces the policy.
    pub fn set_policy(&self, p: AlertPolicy) {
        *lock(&self.policy) = p;
    }

    /// From this urgency a mention counts as urgent.
    pub fn urgent_threshold(&self) -> u8 {
        lock(&self.policy).urgent_threshold
    }

    /// Pauses or resumes notifications.
    pub fn set_paused(&self, paused: bool) {
        self.paused.store(paused, Ordering::SeqCst);
    }

    /// Whether notifications are paused.
    pub fn paused(&self) -> bool {
        self.paused.load(Ordering::SeqCst)
    }

    /// Notifies about newly stored mentions, as the policy and the alerter's memory decide.
    pub async fn new_mentions(&self, fresh: &[Mention]) {
        let policy = self.policy();
        let alerts = lock(&self.alerter).decide(
            &policy,
            fresh,
            self.clock.now(),
            (self.local_hour)(),
            self.paused(),
        );
        self.show(alerts).await;
    }

    /// Shows alerts the queue clock raised, unless notifications are paused.
    pub async fn raise(&self, alerts: Vec<Alert>) {
        if !self.paused() {
            self.show(alerts).await;
        }
    }

    /// Shows notifications off the async runtime (the OS call may block); a failure is logged.
    async fn show(&self, alerts: Vec<Alert>) {
        if alerts.is_empty() {
            return;
        }
        let notifier = self.notifier.clone();
        let _ = tokio::task::spawn_blocking(move || {
            for a in &alerts {
                if let Err(e) = notifier.notify(a) {
                    tracing::warn!(error = %e, "notification failed");
                }
            }
        })
        .await;
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_feed_s_alert_names_the_site_not_rss() {
        let mut m = Mention::new(crate::model::Channel::Rss, "r1", "Cold coffee again");
        m.author.handle = "Tom K.".into();
        m.url = Some("https://www.reviews.example.com/brightside/123".into());
        assert_eq!(alert_for(&m, 60).summary, "Tom K. on reviews.example.com");
        m.url = None;
        assert_eq!(alert_for(&m, 60).summary, "Tom K. on RSS");
        let mut h = Mention::new(crate::model::Channel::Hackernews, "1", "x");
        h.author.handle = "pg".into();
        h.url = Some("https://news.ycombinator.com/item?id=1".into());
        assert_eq!(alert_for(&h, 60).summary, "pg on Hacker News");
    }

    use super::*;
    use crate::model::{Author, Channel, Triage};

    fn m(id: i64, urgency: u8) -> Mention {
        let mut m = Mention::new(
            Channel::Hackernews,
            id.to_string(),
            "my order never arrived and nobody answers",
        );
        m.id = id;
        m.author = Author {
            handle: format!("user{id}"),
            followers: Some(2_100_000),
            ..Author::default()
        };
        m.triage = Triage {
            urgency,
            sentiment: -0.5,
            reasons: vec!["complaint: 'never arrived'".into()],
            ..Triage::default()
        };
        m
    }

    #[test]
    fn an_urgent_mention_notifies_with_author_channel_and_reason() {
        let mut a = Alerter::default();
        let out = a.decide(&AlertPolicy::default(), &[m(1, 80), m(2, 10)], 0, 12, false);
        assert_eq!(out.len(), 1, "only the urgent one: {out:?}");
        assert_eq!(out[0].summary, "user1 on Hacker News · 2.1M followers");
        assert!(
            out[0].body.ends_with("complaint: 'never arrived'"),
            "{}",
            out[0].body
        );
        assert_eq!(out[0].loudness, Loudness::Critical);
    }

    #[test]
    fn quiet_hours_let_only_urgent_mentions_through() {
        let p = AlertPolicy {
            quiet_hours: Some((22, 7)),
            ..AlertPolicy::default()
        };
        let mut a = Alerter::default();
        assert!(
            a.decide(&p, &[m(1, 50)], 0, 23, false).is_empty(),
            "worth-a-look is held at night"
        );
        assert_eq!(
            a.decide(&p, &[m(2, 90)], 0, 3, false).len(),
            1,
            "urgent breaks through"
        );
        assert_eq!(
            a.decide(&p, &[m(3, 50)], 0, 12, false).len(),
            1,
            "daytime notifies"
        );
    }

    #[test]
    fn a_burst_becomes_one_summary() {
        let p = AlertPolicy::default();
        let mut a = Alerter::default();
        let burst: Vec<Mention> = (1..=10).map(|i| m(i, 40 + i as u8)).collect();
        let out = a.decide(&p, &burst, 0, 12, false);
        assert_eq!(out.len(), 4, "3 singles + 1 summary: {out:?}");
        assert_eq!(out[0].mention_id, 10, "most urgent first");
        assert_eq!(out[3].summary, "7 more new mentions");
        assert!(
            a.decide(&p, &[m(11, 50)], 10, 12, false).is_empty(),
            "still capped inside the window"
        );
        let later = a.decide(&p, &[m(12, 50)], 200, 12, false);
        assert_eq!(
            later.len(),
            2,
            "after the window: the new one and a summary of the held one: {later:?}"
        );
        assert_eq!(later[1].summary, "1 more new mention");
    }

    #[test]
    fn urgent_mentions_have_their_own_budget() {
        let p = AlertPolicy::default();
        let mut a = Alerter::default();
        let backlog: Vec<Mention> = (1..=5).map(|i| m(i, 45)).collect();
        assert_eq!(a.decide(&p, &backlog, 0, 12, false).len(), 4, "3 + summary");
        let urgent: Vec<Mention> = (10..20).map(|i| m(i, 90)).collect();
        let out = a.decide(&p, &urgent, 1, 12, false);
        assert_eq!(
            out.len(),
            8,
            "the urgent budget, unspent by the backlog: {out:?}"
        );
        assert!(out.iter().all(|x| x.loudness == Loudness::Critical));
        let later = a.decide(&p, &[m(30, 90)], 200, 12, false);
        assert_eq!(
            later.len(),
            2,
            "a new window: the new one and the held ones' summary"
        );
    }

    #[test]
    fn paused_alerts_show_nothing() {
        assert!(Alerter::default()
            .decide(&AlertPolicy::default(), &[m(1, 99)], 0, 12, true)
            .is_empty());
    }
}
