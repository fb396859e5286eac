//! Tests of `targets.rs`.

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
