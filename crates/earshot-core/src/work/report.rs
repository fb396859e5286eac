//! How the owner is doing: response and resolution times against the targets, volume, tone,
//! what people want and complain about, and when they talk. One [`Report`] feeds the dashboard,
//! `earshot report` and the CSV export.
//!
//! Times are business time (the clock of [`crate::work::targets`]), measured from when the post was made:
//! what the customer waited, not only the part Earshot saw.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Channel, Mention, Sentiment, Status};
use crate::triage::cues::{cue_sets, Folded};
use crate::work::targets::{Schedule, Targets, Tier};

/// Median and 90th percentile of a set of durations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Spread {
    /// How many were measured.
    pub count: u32,
    /// Median, seconds of business time.
    #[ts(type = "number | null")]
    pub median_secs: Option<i64>,
    /// 90th percentile, seconds of business time.
    #[ts(type = "number | null")]
    pub p90_secs: Option<i64>,
}

/// Targets met and missed for one tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct TierResult {
    /// The tier.
    pub tier: Tier,
    /// Its target, minutes of business time.
    pub target_mins: u32,
    /// First responses within it.
    pub met: u32,
    /// First responses after it, and mentions still unanswered past it.
    pub missed: u32,
}

/// Mentions per channel on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct DayVolume {
    /// Local date ("2026-11-22") in the business's time zone.
    pub day: String,
    /// Per channel.
    pub channel: Channel,
    /// How many.
    pub n: u32,
}

/// Tone on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct DayMood {
    /// Local date.
    pub day: String,
    /// Negative mentions.
    pub negative: u32,
    /// Neutral mentions.
    pub neutral: u32,
    /// Positive mentions.
    pub positive: u32,
    /// Mean sentiment score (-1 to 1).
    pub mean: f64,
}

/// A name and how often it came up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Tally {
    /// What.
    pub name: String,
    /// How many.
    pub n: u32,
}

/// The figures for a date range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Report {
    /// Start of the range (unix seconds, inclusive).
    #[ts(type = "number")]
    pub since: i64,
    /// End of the range (unix seconds, exclusive).
    #[ts(type = "number")]
    pub until: i64,
    /// The time zone days and hours are read in.
    pub time_zone: String,
    /// Mentions posted in the range.
    pub mentions: u32,
    /// Of those, how many are still waiting (new or open).
    pub waiting: u32,
    /// Post → first response.
    pub first_response: Spread,
    /// Post → done, for mentions done after an answer (those closed without one are left out).
    pub resolution: Spread,
    /// Share of first responses within target, of those that came due (0–1); `None` when none did.
    pub within_target: Option<f64>,
    /// Per tier.
    pub tiers: Vec<TierResult>,
    /// Volume per channel per day.
    pub volume: Vec<DayVolume>,
    /// Tone per day.
    pub sentiment: Vec<DayMood>,
    /// What people wanted, most common first.
    pub intents: Vec<Tally>,
    /// The words complaints used most, most common first.
    pub complaint_reasons: Vec<Tally>,
    /// Mentions per weekday (Monday first) and hour, in the business's time zone.
    pub busiest: Vec<Vec<u32>>,
    /// On a team: what each person did, by name (empty on a desktop of one's own).
    #[serde(default)]
    pub people: Vec<PersonFigures>,
}

/// One person's figures on a team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct PersonFigures {
    /// The person's name.
    pub name: String,
    /// Replies they sent from Earshot.
    pub replies: u32,
    /// Post → first response, of the mentions they answered first.
    pub first_response: Spread,
    /// Mentions assigned to them, still waiting.
    pub waiting: u32,
}

/// Each person's figures from what the team database says they did, business time as `schedule`
/// reads it.
pub fn people(work: crate::store::work::TeamWork, schedule: &Schedule) -> Vec<PersonFigures> {
    let mut by: BTreeMap<String, (u32, Vec<i64>, u32)> = BTreeMap::new();
    for (name, n) in work.replies {
        by.entry(name).or_default().0 = n;
    }
    for (posted, answered, name) in work.answered {
        by.entry(name)
            .or_default()
            .1
            .push(schedule.business_secs(posted, answered));
    }
    for (name, n) in work.waiting {
        by.entry(name).or_default().2 = n;
    }
    by.into_iter()
        .map(|(name, (replies, times, waiting))| PersonFigures {
            name,
            replies,
            first_response: spread(times),
            waiting,
        })
        .collect()
}

fn spread(mut v: Vec<i64>) -> Spread {
    v.sort_unstable();
    let at = |q: f64| -> Option<i64> {
        if v.is_empty() {
            return None;
        }
        // Nearest rank.
        let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
        Some(v[rank - 1])
    };
    Spread {
        count: v.len() as u32,
        median_secs: at(0.5),
        p90_secs: at(0.9),
    }
}

/// Builds a report, fed mentions one at a time (the store streams them).
pub struct ReportBuilder<'a> {
    since: i64,
    until: i64,
    now: i64,
    targets: &'a Targets,
    schedule: &'a Schedule,
    urgent_threshold: u8,
    mentions: u32,
    waiting: u32,
    frt: Vec<i64>,
    resolution: Vec<i64>,
    tiers: HashMap<Tier, (u32, u32)>,
    volume: BTreeMap<(String, &'static str), u32>,
    mood: BTreeMap<String, (u32, u32, u32, f64)>,
    intents: HashMap<&'static str, u32>,
    reasons: HashMap<String, u32>,
    busiest: Vec<Vec<u32>>,
}

impl<'a> ReportBuilder<'a> {
    /// A report over `[since, until)`, judged at `now`.
    pub fn new(
        since: i64,
        until: i64,
        now: i64,
        targets: &'a Targets,
        schedule: &'a Schedule,
        urgent_threshold: u8,
    ) -> Self {
        ReportBuilder {
            since,
            until,
            now,
            targets,
            schedule,
            urgent_threshold,
            mentions: 0,
            waiting: 0,
            frt: Vec::new(),
            resolution: Vec::new(),
            tiers: HashMap::new(),
            volume: BTreeMap::new(),
            mood: BTreeMap::new(),
            intents: HashMap::new(),
            reasons: HashMap::new(),
            busiest: vec![vec![0; 24]; 7],
        }
    }

    /// Counts one mention posted in the range.
    pub fn add(&mut self, m: &Mention) {
        self.mentions += 1;
        if m.status.awaiting() {
            self.waiting += 1;
        }
        let day = self.schedule.day(m.created_at);
        *self
            .volume
            .entry((day.clone(), m.channel.as_str()))
            .or_default() += 1;
        let e = self.mood.entry(day).or_default();
        match m.triage.mood {
            Sentiment::Negative => e.0 += 1,
            Sentiment::Neutral => e.1 += 1,
            Sentiment::Positive => e.2 += 1,
        }
        e.3 += f64::from(m.triage.sentiment);
        let intent = m.owner.intent.unwrap_or(m.triage.intent);
        *self.intents.entry(intent.as_str()).or_default() += 1;
        if m.triage.complaint {
            for c in cue_sets().complaint_cues(&Folded::new(&m.full_text())) {
                *self.reasons.entry(c).or_default() += 1;
            }
        }
        let (wd, h) = self.schedule.weekday_hour(m.created_at);
        self.busiest[wd][h] += 1;

        if let Some(at) = m.work.first_response_at {
            self.frt.push(self.schedule.business_secs(m.created_at, at));
        }
        // Resolved: done after an answer. One closed without an answer (spam, a bulk clear-out,
        // nothing to say) was dismissed, not resolved, and would make the median meaningless.
        if let (Status::Done, Some(at), Some(_)) =
            (m.status, m.work.done_at, m.work.first_response_at)
        {
            self.resolution
                .push(self.schedule.business_secs(m.created_at, at));
        }
        let tier = self.targets.tier(m.triage.urgency, self.urgent_threshold);
        if let Some(due) = m.work.due_at {
            let slot = self.tiers.entry(tier).or_default();
            match m.work.first_response_at {
                Some(at) if at <= due => slot.0 += 1,
                Some(_) => slot.1 += 1,
                None if m.status.awaiting() && due < self.now => slot.1 += 1,
                None => {}
            }
        }
    }

    /// The report.
    pub fn finish(self) -> Report {
        let (met, missed) = self
            .tiers
            .values()
            .fold((0, 0), |(a, b), (m, x)| (a + m, b + x));
        let tiers = [Tier::Urgent, Tier::Normal, Tier::Low]
            .into_iter()
            .map(|t| {
                let (met, missed) = self.tiers.get(&t).copied().unwrap_or_default();
                TierResult {
                    tier: t,
                    target_mins: (self.targets.target_secs(t) / 60) as u32,
                    met,
                    missed,
                }
            })
            .collect();
        let top = |m: HashMap<String, u32>, n: usize| {
            let mut v: Vec<Tally> = m.into_iter().map(|(name, n)| Tally { name, n }).collect();
            v.sort_by(|a, b| b.n.cmp(&a.n).then_with(|| a.name.cmp(&b.name)));
            v.truncate(n);
            v
        };
        Report {
            since: self.since,
            until: self.until,
            time_zone: self.schedule.zone().name().to_string(),
            mentions: self.mentions,
            waiting: self.waiting,
            first_response: spread(self.frt),
            resolution: spread(self.resolution),
            within_target: (met + missed > 0).then(|| f64::from(met) / f64::from(met + missed)),
            tiers,
            volume: self
                .volume
                .into_iter()
                .filter_map(|((day, channel), n)| {
                    Some(DayVolume {
                        day,
                        channel: Channel::parse(channel)?,
                        n,
                    })
                })
                .collect(),
            sentiment: self
                .mood
                .into_iter()
                .map(|(day, (neg, neu, pos, sum))| {
                    let n = neg + neu + pos;
                    DayMood {
                        day,
                        negative: neg,
                        neutral: neu,
                        positive: pos,
                        mean: if n == 0 { 0.0 } else { sum / f64::from(n) },
                    }
                })
                .collect(),
            intents: top(
                self.intents
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect(),
                10,
            ),
            complaint_reasons: top(self.reasons, 10),
            busiest: self.busiest,
            people: Vec::new(),
        }
    }
}

/// The report's figures as CSV rows (`section,key,value`), for a spreadsheet.
pub fn report_csv(r: &Report) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["section", "key", "value"])?;
    let opt = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
    let rows: Vec<(&str, String, String)> = vec![
        ("range", "since".into(), crate::model::rfc3339(r.since)),
        ("range", "until".into(), crate::model::rfc3339(r.until)),
        ("range", "time_zone".into(), r.time_zone.clone()),
        ("totals", "mentions".into(), r.mentions.to_string()),
        ("totals", "waiting".into(), r.waiting.to_string()),
        (
            "first_response",
            "count".into(),
            r.first_response.count.to_string(),
        ),
        (
            "first_response",
            "median_secs".into(),
            opt(r.first_response.median_secs),
        ),
        (
            "first_response",
            "p90_secs".into(),
            opt(r.first_response.p90_secs),
        ),
        ("resolution", "count".into(), r.resolution.count.to_string()),
        (
            "resolution",
            "median_secs".into(),
            opt(r.resolution.median_secs),
        ),
        ("resolution", "p90_secs".into(), opt(r.resolution.p90_secs)),
        (
            "targets",
            "within_target".into(),
            r.within_target
                .map(|x| format!("{x:.4}"))
                .unwrap_or_default(),
        ),
    ];
    for (a, b, c) in rows {
        w.write_record([a, b.as_str(), c.as_str()])?;
    }
    for t in &r.tiers {
        w.write_record(["target_met", t.tier.as_str(), &t.met.to_string()])?;
        w.write_record(["target_missed", t.tier.as_str(), &t.missed.to_string()])?;
    }
    for v in &r.volume {
        w.write_record([
            "volume",
            &format!("{} {}", v.day, v.channel.as_str()),
            &v.n.to_string(),
        ])?;
    }
    for d in &r.sentiment {
        w.write_record(["sentiment_mean", &d.day, &format!("{:.4}", d.mean)])?;
        w.write_record(["negative", &d.day, &d.negative.to_string()])?;
    }
    for t in &r.intents {
        w.write_record(["intent", &t.name, &t.n.to_string()])?;
    }
    for t in &r.complaint_reasons {
        w.write_record(["complaint_reason", &t.name, &t.n.to_string()])?;
    }
    // On a team: each person's figures, the key naming the person.
    for p in &r.people {
        w.write_record(["person_replies", &p.name, &p.replies.to_string()])?;
        let answered = p.first_response.count.to_string();
        w.write_record(["person_answered_first", &p.name, &answered])?;
        let median = opt(p.first_response.median_secs);
        w.write_record(["person_first_response_median_secs", &p.name, &median])?;
        w.write_record(["person_waiting", &p.name, &p.waiting.to_string()])?;
    }
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    for (d, hours) in r.busiest.iter().enumerate() {
        for (h, n) in hours.iter().enumerate() {
            if *n > 0 {
                w.write_record(["busiest", &format!("{} {h:02}:00", DAYS[d]), &n.to_string()])?;
            }
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The header of the mentions CSV.
pub const MENTIONS_CSV_HEADER: [&str; 24] = [
    "id",
    "channel",
    "posted",
    "author",
    "url",
    "text",
    "urgency",
    "sentiment",
    "mood",
    "intent",
    "complaint",
    "reasons",
    "status",
    "tags",
    "assignee",
    "due",
    "first_response",
    "first_response_secs",
    "done",
    "resolution_secs",
    "met_target",
    "likes",
    "reposts",
    "replies",
];

/// One mention as a CSV row (times as RFC 3339, durations in business seconds).
pub fn mention_csv_row(m: &Mention, schedule: &Schedule) -> Vec<String> {
    let t = |v: Option<i64>| v.map(crate::model::rfc3339).unwrap_or_default();
    let n = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
    let w = &m.work;
    let met = match (w.first_response_at, w.due_at) {
        (Some(a), Some(d)) => (a <= d).to_string(),
        _ => String::new(),
    };
    vec![
        m.id.to_string(),
        m.channel.as_str().into(),
        crate::model::rfc3339(m.created_at),
        m.author.handle.clone(),
        m.url.clone().unwrap_or_default(),
        m.full_text(),
        m.triage.urgency.to_string(),
        format!("{:.3}", m.triage.sentiment),
        m.triage.mood.as_str().into(),
        m.owner.intent.unwrap_or(m.triage.intent).as_str().into(),
        m.triage.complaint.to_string(),
        m.triage.reasons.join("; "),
        m.status.as_str().into(),
        w.tags.join(" "),
        w.assignee.clone().unwrap_or_default(),
        t(w.due_at),
        t(w.first_response_at),
        n(w.first_response_at
            .map(|a| schedule.business_secs(m.created_at, a))),
        t(w.done_at),
        n(w.done_at.map(|a| schedule.business_secs(m.created_at, a))),
        met,
        n(m.engagement.likes),
        n(m.engagement.reposts),
        n(m.engagement.replies),
    ]
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
