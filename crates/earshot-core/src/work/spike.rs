//! The negative-spike alarm: the last hour's negative mentions against the usual rate of the
//! week before, with a cooldown, said in words (how many, what most of them mention).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Desk;
use crate::alerts::{Alert, Loudness};
use crate::events::EngineEvent;
use crate::lock;
use crate::model::Sentiment;
use crate::store::{MentionQuery, StoreError};

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
pub(crate) struct SpikeState {
    /// When it last alarmed and with how many.
    last: Option<(i64, u32)>,
    /// The baseline per hour and when it was computed (it is recomputed hourly).
    baseline: Option<(i64, f64)>,
}

impl Desk {
    pub(super) async fn check_spike(&self, now: i64) -> Result<(), StoreError> {
        let policy = self.spike_policy();
        let hour_ago = now - 3_600;
        let last_hour = self
            .db
            .read(move |s| s.negative_between(hour_ago, now + 1))
            .await?;
        if last_hour < policy.min_count.max(1) {
            return Ok(());
        }
        let cached = lock(&self.spike).baseline;
        let baseline = match cached {
            Some((at, rate)) if now - at < 3_600 => rate,
            _ => {
                let from = hour_ago - 7 * 86_400;
                let n = self
                    .db
                    .read(move |s| s.negative_between(from, hour_ago))
                    .await?;
                let rate = f64::from(n) / (7.0 * 24.0);
                lock(&self.spike).baseline = Some((now, rate));
                rate
            }
        };
        if f64::from(last_hour) < policy.ratio * baseline {
            return Ok(());
        }
        {
            let mut st = lock(&self.spike);
            if let Some((at, n)) = st.last {
                let cooling = now - at < i64::from(policy.cooldown_mins) * 60;
                if cooling && last_hour < n.saturating_mul(2) {
                    return Ok(());
                }
            }
            st.last = Some((now, last_hour));
        }
        let q = MentionQuery {
            mood: Some(Sentiment::Negative),
            since: Some(hour_ago),
            limit: Some(50),
            ..Default::default()
        };
        let top = self.db.read(move |s| s.list(&q)).await?;
        let mut words: std::collections::HashMap<String, u32> = Default::default();
        for m in &top.mentions {
            for c in crate::triage::cues::cue_sets()
                .complaint_cues(&crate::triage::cues::Folded::new(&m.full_text()))
            {
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
        self.events.emit(EngineEvent::NegativeSpike {
            count: last_hour,
            baseline_per_hour: baseline,
            since: hour_ago,
            message: body.clone(),
        });
        let alert = Alert {
            mention_id: top.mentions.first().map_or(0, |m| m.id),
            summary: "Negative spike".into(),
            body,
            loudness: Loudness::Critical,
        };
        self.alerts.raise(vec![alert]).await;
        Ok(())
    }
}
