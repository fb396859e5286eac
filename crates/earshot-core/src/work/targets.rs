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
mod tests {
    use super::*;

    fn hours(tz: &str, days: [Option<(&str, &str)>; 7]) -> Schedule {
        BusinessHours {
            time_zone: tz.into(),
            days: days
                .iter()
                .map(|d| d.map_or("closed".to_string(), |(o, c)| format!("{o}-{c}")))
                .collect(),
        }
        .schedule()
        .unwrap()
    }

    fn weekdays(tz: &str) -> Schedule {
        let d = Some(("09:00", "17:00"));
        hours(tz, [d, d, d, d, d, None, None])
    }

    fn at(tz: &str, s: &str) -> i64 {
        let tz: Tz = tz.parse().unwrap();
        let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        tz.from_local_datetime(&naive)
            .earliest()
            .unwrap()
            .timestamp()
    }

    #[test]
    fn a_target_inside_one_day_is_plain_addition() {
        let s = weekdays("Europe/Lisbon");
        let start = at("Europe/Lisbon", "2026-11-18 10:00"); // a Wednesday
        assert_eq!(s.due(start, 15 * 60), start + 15 * 60);
        assert_eq!(s.business_secs(start, start + 900), 900);
    }

    #[test]
    fn the_clock_stops_at_closing_and_waits_for_monday() {
        let s = weekdays("Europe/Lisbon");
        let fri = at("Europe/Lisbon", "2026-11-20 16:50");
        assert_eq!(s.due(fri, 3600), at("Europe/Lisbon", "2026-11-23 09:50"));
        assert_eq!(
            s.business_secs(fri, at("Europe/Lisbon", "2026-11-23 09:50")),
            3600
        );
    }

    #[test]
    fn a_mention_posted_at_night_starts_its_clock_at_opening() {
        let s = weekdays("America/New_York");
        let night = at("America/New_York", "2026-11-17 23:30");
        assert_eq!(
            s.due(night, 900),
            at("America/New_York", "2026-11-18 09:15")
        );
        assert_eq!(
            s.business_secs(night, at("America/New_York", "2026-11-18 09:00")),
            0
        );
        assert!(!s.is_open(night));
        assert!(s.is_open(at("America/New_York", "2026-11-18 09:00")));
    }

    #[test]
    fn the_time_zone_is_the_business_s_not_the_computer_s() {
        // 08:00 UTC is 17:00 in Tokyo: closed there, so the clock waits for the next morning.
        let s = weekdays("Asia/Tokyo");
        let t = at("UTC", "2026-11-18 08:00");
        assert_eq!(s.due(t, 600), at("Asia/Tokyo", "2026-11-19 09:10"));
    }

    #[test]
    fn overnight_hours_across_the_spring_forward_gap_count_real_hours() {
        // Europe/Berlin springs forward at 02:00 → 03:00 on 29 March 2026: that night is 23 h.
        let all = Some(("00:00", "24:00"));
        let night = Some(("20:00", "24:00"));
        let early = Some(("00:00", "06:00"));
        let s = hours("Europe/Berlin", [all, all, all, all, all, night, early]);
        let sat_20 = at("Europe/Berlin", "2026-03-28 20:00");
        let sun_06 = at("Europe/Berlin", "2026-03-29 06:00");
        assert_eq!(sun_06 - sat_20, 9 * 3600, "wall-clock span is 9 real hours");
        assert_eq!(s.business_secs(sat_20, sun_06), 9 * 3600);
        // Five business hours after 22:00 Saturday is 04:00 Sunday (03:00 came right after 01:59).
        assert_eq!(
            s.due(at("Europe/Berlin", "2026-03-28 22:00"), 5 * 3600),
            at("Europe/Berlin", "2026-03-29 04:00")
        );
    }

    #[test]
    fn a_day_that_falls_back_is_an_hour_longer() {
        // America/New_York falls back on 1 November 2026: 01:00–02:00 happens twice.
        let all = Some(("00:00", "24:00"));
        let s = hours(
            "America/New_York",
            [None, None, None, None, None, None, all],
        );
        let sun = at("America/New_York", "2026-11-01 00:00");
        let mon = at("America/New_York", "2026-11-02 00:00");
        assert_eq!(s.business_secs(sun, mon), 25 * 3600);
        assert_eq!(s.due(sun, 25 * 3600), mon);
        // A target longer than the day carries over to the next open Sunday.
        assert_eq!(
            s.due(sun, 25 * 3600 + 60),
            at("America/New_York", "2026-11-08 00:01")
        );
    }

    #[test]
    fn opening_inside_a_gap_opens_when_the_gap_ends() {
        // Opening at 02:30 on the night Berlin skips 02:00–03:00 opens at 03:00.
        let d = Some(("02:30", "05:00"));
        let s = hours("Europe/Berlin", [d, d, d, d, d, d, d]);
        let before = at("Europe/Berlin", "2026-03-29 01:00");
        assert_eq!(s.due(before, 60), at("Europe/Berlin", "2026-03-29 03:01"));
    }

    #[test]
    fn always_open_is_wall_time_and_spans_are_never_negative() {
        let s = BusinessHours::always().schedule().unwrap();
        assert_eq!(s.due(1_000, 60), 1_060);
        assert_eq!(s.business_secs(1_060, 1_000), 0);
        assert_eq!(s.business_secs(1_000, 1_000 + 86_400 * 9), 86_400 * 9);
    }

    #[test]
    fn long_spans_add_up_day_by_day() {
        let s = weekdays("Europe/Lisbon");
        let mon = at("Europe/Lisbon", "2026-11-02 00:00");
        let four_weeks = at("Europe/Lisbon", "2026-11-30 00:00");
        assert_eq!(s.business_secs(mon, four_weeks), 20 * 8 * 3600);
        assert_eq!(
            s.due(mon, 20 * 8 * 3600),
            at("Europe/Lisbon", "2026-11-27 17:00")
        );
    }

    #[test]
    fn bad_settings_say_what_is_wrong() {
        let h = BusinessHours {
            time_zone: "Mars/Olympus".into(),
            ..Default::default()
        };
        assert!(h
            .schedule()
            .unwrap_err()
            .to_string()
            .contains("Mars/Olympus"));
        let mut h = BusinessHours::default();
        h.days[0] = "17:00-09:00".into();
        assert!(h.schedule().unwrap_err().to_string().contains("Monday"));
        let mut h = BusinessHours::default();
        h.days[2] = "9am-17:00".into();
        assert!(h.schedule().unwrap_err().to_string().contains("9am"));
        let h = BusinessHours {
            time_zone: "UTC".into(),
            days: vec!["closed".into(); 7],
        };
        assert!(h
            .schedule()
            .unwrap_err()
            .to_string()
            .contains("at least one day"));
        let t = Targets {
            urgent_mins: 0,
            ..Targets::default()
        };
        assert!(t.schedule().is_err());
    }

    #[test]
    fn tiers_follow_urgency() {
        let t = Targets::default();
        assert_eq!(t.tier(60, 60), Tier::Urgent);
        assert_eq!(t.tier(59, 60), Tier::Normal);
        assert_eq!(t.tier(29, 60), Tier::Low);
        assert_eq!(t.target_secs(Tier::Urgent), 900);
        assert_eq!(t.warn_secs(Tier::Urgent), 180);
        assert_eq!(t.warn_secs(Tier::Low), 600);
    }
}
