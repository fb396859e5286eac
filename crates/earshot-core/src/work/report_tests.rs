//! Tests of `report.rs`.

use super::*;
use crate::model::Intent;
use crate::work::targets::BusinessHours;

fn m(id: i64, created: i64, urgency: u8) -> Mention {
    let mut m = Mention::new(Channel::Bluesky, id.to_string(), "text");
    m.id = id;
    m.created_at = created;
    m.triage.urgency = urgency;
    m
}

#[test]
fn response_times_and_targets_are_counted_per_tier() {
    let t = Targets {
        hours: BusinessHours::always(),
        ..Targets::default()
    };
    let s = t.schedule().unwrap();
    let mut b = ReportBuilder::new(0, 100_000, 50_000, &t, &s, 60);
    // Urgent, answered in 10 min (met); urgent answered in 20 (missed); normal unanswered
    // and past due (missed); normal not yet due (not counted); low answered in 1 h (met).
    let mut a = m(1, 1_000, 80);
    a.work.due_at = Some(1_900);
    a.work.first_response_at = Some(1_600);
    a.status = Status::Done;
    a.work.done_at = Some(2_000);
    let mut b2 = m(2, 1_000, 80);
    b2.work.due_at = Some(1_900);
    b2.work.first_response_at = Some(2_200);
    let mut c = m(3, 1_000, 50);
    c.work.due_at = Some(4_600);
    c.triage.mood = Sentiment::Negative;
    c.triage.complaint = true;
    c.text = "still waiting for my refund".into();
    let mut d = m(4, 49_000, 50);
    d.work.due_at = Some(52_600);
    // Done in a bulk clear-out without an answer: not a resolution.
    d.status = Status::Done;
    d.work.done_at = Some(49_006);
    let mut e = m(5, 1_000, 10);
    e.work.due_at = Some(1_000 + 86_400);
    e.work.first_response_at = Some(4_600);
    e.triage.intent = Intent::Question;
    for x in [&a, &b2, &c, &d, &e] {
        b.add(x);
    }
    let r = b.finish();
    assert_eq!(r.mentions, 5);
    assert_eq!(r.waiting, 3, "the one cleared out is not waiting");
    assert_eq!(r.first_response.count, 3);
    assert_eq!(r.first_response.median_secs, Some(1_200));
    assert_eq!(r.first_response.p90_secs, Some(3_600));
    assert_eq!(r.resolution.median_secs, Some(1_000));
    assert_eq!(
        r.resolution.count, 1,
        "the one done without an answer is left out"
    );
    let urgent = &r.tiers[0];
    assert_eq!((urgent.met, urgent.missed, urgent.target_mins), (1, 1, 15));
    assert_eq!((r.tiers[1].met, r.tiers[1].missed), (0, 1));
    assert_eq!((r.tiers[2].met, r.tiers[2].missed), (1, 0));
    assert_eq!(r.within_target, Some(0.5));
    assert_eq!(r.complaint_reasons[0].name, "refund");
    assert_eq!(
        r.intents[0],
        Tally {
            name: "other".into(),
            n: 4
        }
    );
    assert_eq!(r.busiest[3][0], 4, "1970-01-01 was a Thursday");
    let csv = report_csv(&r).unwrap();
    assert!(csv.contains("first_response,median_secs,1200"), "{csv}");
}

#[test]
fn business_hours_shrink_response_times() {
    let t = Targets::default();
    let s = BusinessHours {
        time_zone: "UTC".into(),
        ..BusinessHours::default()
    }
    .schedule()
    .unwrap();
    // Friday 2026-11-20 16:30 UTC → answered Monday 09:30: one business hour.
    let fri = 1_795_192_200;
    let mut x = m(1, fri, 50);
    x.work.first_response_at = Some(fri + 3 * 86_400 - 7 * 3_600);
    let mut b = ReportBuilder::new(0, i64::MAX, fri, &t, &s, 60);
    b.add(&x);
    assert_eq!(b.finish().first_response.median_secs, Some(3_600));
}
