//! Response-time targets and the business-hours clock they run on.
//!
//! A target is a span of *business* time: a mention posted at 16:50 on a Friday with a 60-minute
//! target and hours of 09:00–17:00 on weekdays is due at 09:50 on Monday. Hours are read in the
//! business's own time zone, so a clock that runs across a daylight-saving change counts the hours
//! that really passed, and a shop on the other side of the world from the laptop keeps its hours.

use chrono::{Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// When the response clock runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct BusinessHours {
    /// IANA time zone ("Europe/Lisbon"); empty means this computer's.
    pub time_zone: String,
    /// Seven entries, Monday first: "09:00-17:00" (close may be "24:00"), or "closed".
    pub days: Vec<String>,
}

impl Default for BusinessHours {
    fn default() -> Self {
        let open = "09:00-17:00".to_string();
        let closed = "closed".to_string();
        BusinessHours {
            time_zone: String::new(),
            days: vec![
                open.clone(),
                open.clone(),
                open.clone(),
                open.clone(),
                open,
                closed.clone(),
                closed,
            ],
        }
    }
}

impl BusinessHours {
    /// Open all day, every day.
    pub fn always() -> BusinessHours {
        BusinessHours {
            time_zone: "UTC".into(),
            days: vec!["00:00-24:00".to_string(); 7],
        }
    }
}

/// First-response targets per urgency, and the hours they count in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Targets {
    /// Minutes to first response for urgent mentions (at least the alert policy's urgent threshold).
    pub urgent_mins: u32,
    /// Minutes for everything between low and urgent.
    pub normal_mins: u32,
    /// Minutes for low-urgency mentions.
    pub low_mins: u32,
    /// Urgency below this is low.
    pub low_below: u8,
    /// When the clock runs.
    pub hours: BusinessHours,
}

impl Default for Targets {
    fn default() -> Self {
        Targets {
            urgent_mins: 15,
            normal_mins: 60,
            low_mins: 24 * 60,
            low_below: 30,
            hours: BusinessHours::default(),
        }
    }
}

/// Which target a mention is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum Tier {
    /// At least the urgent threshold.
    Urgent,
    /// In between.
    Normal,
    /// Below `low_below`.
    Low,
}

impl Tier {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Urgent => "urgent",
            Tier::Normal => "normal",
            Tier::Low => "low",
        }
    }
}

/// Response targets or business hours that cannot be used, in words for the owner.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct TargetError(pub String);

fn minutes(s: &str) -> Result<u32, String> {
    let bad = || format!("{s:?} is not a time of day like \"09:00\"");
    let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
    let h: u32 = h.parse().map_err(|_| bad())?;
    let m: u32 = m.parse().map_err(|_| bad())?;
    if m >= 60 || h > 24 || (h == 24 && m != 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

impl Targets {
    /// The tier of a mention of this urgency.
    pub fn tier(&self, urgency: u8, urgent_threshold: u8) -> Tier {
        if urgency >= urgent_threshold {
            Tier::Urgent
        } else if urgency < self.low_below {
            Tier::Low
        } else {
            Tier::Normal
        }
    }

    /// The target of a tier, in seconds of business time.
    pub fn target_secs(&self, tier: Tier) -> i64 {
        i64::from(match tier {
            Tier::Urgent => self.urgent_mins,
            Tier::Normal => self.normal_mins,
            Tier::Low => self.low_mins,
        }) * 60
    }

    /// How long before the due time a mention counts as at risk: a fifth of its target, at
    /// most ten minutes.
    pub fn warn_secs(&self, tier: Tier) -> i64 {
        (self.target_secs(tier) / 5).min(600)
    }

    /// Checks the settings and compiles the hours into a [`Schedule`].
    pub fn schedule(&self) -> Result<Schedule, TargetError> {
        if self.urgent_mins == 0 || self.normal_mins == 0 || self.low_mins == 0 {
            return Err(TargetError(
                "every response target must be at least one minute".into(),
            ));
        }
        self.hours.schedule()
    }
}

impl BusinessHours {
    /// Checks the hours and compiles them.
    pub fn schedule(&self) -> Result<Schedule, TargetError> {
        self.compile().map_err(TargetError)
    }

    fn compile(&self) -> Result<Schedule, String> {
        let tz: Tz = if self.time_zone.trim().is_empty() {
            local_zone()
        } else {
            self.time_zone.trim().parse().map_err(|_| {
                format!(
                    "{:?} is not a time zone name like \"Europe/Lisbon\"",
                    self.time_zone
                )
            })?
        };
        if self.days.len() != 7 {
            return Err(format!(
                "business hours need 7 days (Monday first), not {}",
                self.days.len()
            ));
        }
        let mut days = [None; 7];
        for (i, d) in self.days.iter().enumerate() {
            let d = d.trim();
            if d.is_empty() || d.eq_ignore_ascii_case("closed") {
                continue;
            }
            let (open, close) = d.split_once('-').ok_or_else(|| {
                format!(
                    "{}: {d:?} is not hours like \"09:00-17:00\" or \"closed\"",
                    WEEKDAYS[i]
                )
            })?;
            let (open, close) = (minutes(open)?, minutes(close)?);
            if close <= open {
                return Err(format!(
                    "{}: closing time is not after opening time in {d:?}",
                    WEEKDAYS[i]
                ));
            }
            days[i] = Some((open, close));
        }
        if days.iter().all(Option::is_none) {
            return Err(
                "open on at least one day: the response clock only runs in business hours".into(),
            );
        }
        let always = days.iter().all(|d| *d == Some((0, 24 * 60)));
        Ok(Schedule { tz, days, always })
    }
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// This computer's time zone, or UTC when it cannot be told.
pub fn local_zone() -> Tz {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(Tz::UTC)
}

/// Business hours compiled for arithmetic.
#[derive(Debug, Clone)]
pub struct Schedule {
    tz: Tz,
    /// Minutes after local midnight, Monday first.
    days: [Option<(u32, u32)>; 7],
    always: bool,
}

/// Longest span the clock arithmetic walks, in days (a target longer than this is not a target).
const MAX_DAYS: i64 = 3_700;

impl Schedule {
    /// The time zone hours are read in.
    pub fn zone(&self) -> Tz {
        self.tz
    }

    /// The instant a local wall-clock time happens. In a daylight-saving gap it is the first
    /// instant after the gap; in an overlap, the earlier of the two.
    fn instant(&self, local: NaiveDateTime) -> i64 {
        let mut t = local;
        for _ in 0..=240 {
            match self.tz.from_local_datetime(&t) {
                LocalResult::Single(x) => return x.timestamp(),
                LocalResult::Ambiguous(a, _) => return a.timestamp(),
                LocalResult::None => t += Duration::minutes(1),
            }
        }
        // No zone has a gap of four hours; treat the time as UTC rather than loop.
        local.and_utc().timestamp()
    }

    /// The open interval of one local date, as instants.
    fn interval(&self, date: NaiveDate) -> Option<(i64, i64)> {
        let (open, close) = self.days[date.weekday().num_days_from_monday() as usize]?;
        let at = |mins: u32| {
            let (d, mins) = if mins >= 24 * 60 {
                (date.succ_opt().unwrap_or(date), mins - 24 * 60)
            } else {
                (date, mins)
            };
            let time = NaiveTime::from_hms_opt(mins / 60, mins % 60, 0).unwrap_or_default();
            self.instant(d.and_time(time))
        };
        Some((at(open), at(close)))
    }

    fn local_date(&self, t: i64) -> NaiveDate {
        self.tz
            .timestamp_opt(t, 0)
            .single()
            .map(|d| d.date_naive())
            .unwrap_or_default()
    }

    /// When `secs` of business time after `start` have passed.
    pub fn due(&self, start: i64, secs: i64) -> i64 {
        if self.always || secs <= 0 {
            return start.saturating_add(secs.max(0));
        }
        let mut left = secs;
        let mut date = self.local_date(start);
        for _ in 0..MAX_DAYS {
            if let Some((open, close)) = self.interval(date) {
                let from = open.max(start);
                if from < close {
                    if left <= close - from {
                        return from + left;
                    }
                    left -= close - from;
                }
            }
            date = match date.succ_opt() {
                Some(d) => d,
                None => break,
            };
        }
        start.saturating_add(secs)
    }

    /// Seconds of business time between `a` and `b` (0 when `b` is not after `a`).
    pub fn business_secs(&self, a: i64, b: i64) -> i64 {
        if b <= a {
            return 0;
        }
        if self.always {
            return b - a;
        }
        let mut total = 0;
        let mut date = self.local_date(a);
        let last = self.local_date(b);
        for _ in 0..MAX_DAYS {
            if let Some((open, close)) = self.interval(date) {
                let (from, to) = (open.max(a), close.min(b));
                if to > from {
                    total += to - from;
                }
            }
            if date >= last {
                break;
            }
            date = match date.succ_opt() {
                Some(d) => d,
                None => break,
            };
        }
        total
    }

    /// Whether the clock runs at `t`.
    pub fn is_open(&self, t: i64) -> bool {
        self.business_secs(t, t + 1) == 1
    }

    /// Local (weekday Monday = 0, hour) of an instant, for "busiest hours".
    pub fn weekday_hour(&self, t: i64) -> (usize, usize) {
        use chrono::Timelike;
        match self.tz.timestamp_opt(t, 0).single() {
            Some(d) => (
                d.weekday().num_days_from_monday() as usize,
                d.hour() as usize,
            ),
            None => (0, 0),
        }
    }

    /// The local date of an instant, "YYYY-MM-DD".
    pub fn day(&self, t: i64) -> String {
        self.local_date(t).format("%Y-%m-%d").to_string()
    }
}

#[cfg(test)]
#[path = "targets_tests.rs"]
mod tests;
