//! The response clock, learning, sources and settings in the store, on both engines: snoozes
//! that end, mentions coming due (each marked at risk once), due times, ranges read in pages,
//! the owner's corrections, a source's health, the business and settings.

use earshot_core::model::{Business, Health, Intent, Mention, Remote, Status};
use earshot_core::store::work::Action;
use earshot_core::store::{Correction, Part};

mod common;
use common::postgres::on_both;
use common::{mention, spec};

#[test]
fn the_clock_wakes_snoozes_and_marks_what_comes_due_once() {
    on_both("clock", |s| {
        let batch: Vec<Mention> = (0..3)
            .map(|i| {
                let mut m = mention(&i.to_string(), "where is my order", 80, 100);
                m.fetched_at = 100;
                m.work.due_at = Some(200 + i * 100);
                m
            })
            .collect();
        let ids: Vec<i64> = s
            .store_batch(None, &batch, None)
            .unwrap()
            .iter()
            .map(|m| m.id)
            .collect();
        s.apply(&ids[2..], &Action::Snooze { until: 150 }, 120)
            .unwrap();
        assert!(s.wake_snoozed(149).unwrap().is_empty(), "not yet");
        let woke = s.wake_snoozed(150).unwrap();
        assert_eq!(woke.len(), 1);
        assert_eq!((woke[0].status, woke[0].read), (Status::New, false));
        let due: Vec<i64> = s.coming_due(300).unwrap().iter().map(|m| m.id).collect();
        assert_eq!(due, ids[..2], "due by 300, soonest first");
        let marked = s.mark_at_risk(&due).unwrap();
        assert!(marked.iter().all(|m| m.work.at_risk));
        assert!(
            s.mark_at_risk(&due).unwrap().is_empty(),
            "a second clock marks nothing again"
        );
        assert_eq!(s.coming_due(300).unwrap().len(), 0);
        s.set_due(&[(ids[2], 1_000)]).unwrap();
        let open: Vec<(i64, i64, u8)> = s.unanswered_after(0, 10).unwrap();
        assert_eq!(open.len(), 3);
        assert_eq!(s.mention(ids[2]).unwrap().work.due_at, Some(1_000));
        let mut negative = mention("n", "awful, cold and late", 90, 150);
        negative.triage.mood = earshot_core::model::Sentiment::Negative;
        s.store_batch(None, &[negative], None).unwrap();
        assert_eq!(s.negative_between(100, 200).unwrap(), 1);
        assert_eq!(s.negative_between(151, 200).unwrap(), 0);
    });
}

#[test]
fn ranges_are_read_whole_and_in_order_past_a_thousand() {
    on_both("ranges", |s| {
        let batch: Vec<Mention> = (0..2_500)
            .map(|i| mention(&i.to_string(), "coffee", 10, (i % 700) as i64))
            .collect();
        s.store_batch(None, &batch, None).unwrap();
        let mut seen = Vec::new();
        s.for_each_in_range(100, 600, &mut |m| seen.push((m.created_at, m.id)))
            .unwrap();
        let mut sorted = seen.clone();
        sorted.sort_unstable();
        assert_eq!(seen, sorted, "oldest first");
        assert_eq!(
            seen.len(),
            batch
                .iter()
                .filter(|m| (100..600).contains(&m.created_at))
                .count()
        );
        let mut all = 0;
        s.for_each_mention(&mut |_| all += 1).unwrap();
        assert_eq!(all, 2_500);
        assert_eq!(s.mentions_after(2_490, 100).unwrap().len(), 10);
        assert_eq!(s.recent_open(5).unwrap()[0].created_at, 699);
    });
}

#[test]
fn corrections_are_kept_with_the_mention_and_the_lesson() {
    on_both("corrections", |s| {
        let id = s
            .store_batch(None, &[mention("1", "can I book a table", 30, 1)], None)
            .unwrap()[0]
            .id;
        let m = s
            .record_correction(id, &Correction::Urgent(true), 2)
            .unwrap();
        assert_eq!(m.owner.urgent, Some(true));
        let m = s
            .record_correction(id, &Correction::Intent(Intent::Question), 3)
            .unwrap();
        assert_eq!(m.owner.intent, Some(Intent::Question));
        let lessons = s.corrections().unwrap();
        assert_eq!(lessons.len(), 2);
        assert_eq!(lessons[0].correction, Correction::Urgent(true));
        assert_eq!(lessons[1].text, "can I book a table");
        let prior = s.priors(&[(m.channel, m.external_id.as_str())]).unwrap();
        assert_eq!(
            prior[0].as_ref().map(|p| p.owner.urgent),
            Some(Some(true)),
            "a re-delivery keeps the owner's call"
        );
    });
}

#[test]
fn sources_settings_and_the_business_are_kept() {
    on_both("settings", |s| {
        let src = s.upsert_source(&spec("HN"), 0).unwrap();
        s.set_health(
            src,
            &Health::Error {
                reason: "timed out".into(),
                at: 5,
                retry_at: 65,
            },
        )
        .unwrap();
        assert!(matches!(
            s.source(src).unwrap().health,
            Health::Error { .. }
        ));
        s.set_source_enabled(src, false).unwrap();
        assert!(!s.sources().unwrap()[0].enabled);
        let parts = vec![
            Part::Chunk(vec![mention("1", "a", 1, 1)]),
            Part::Chunk(vec![mention("2", "b", 1, 2)]),
            Part::Done,
        ];
        let kept = s
            .store_parts(Some(src), &mut parts.into_iter(), Some("c9"))
            .unwrap();
        assert_eq!(kept.len(), 2);
        assert_eq!(s.source(src).unwrap().cursor.as_deref(), Some("c9"));
        s.remove_source(src).unwrap();
        assert!(s.remove_source(src).is_err(), "gone is gone");
        assert_eq!(
            s.mention(kept[0].id).unwrap().text,
            "a",
            "its mentions stay"
        );
        assert_eq!(s.business().unwrap(), None);
        assert!(
            s.set_business(&Business::default()).is_err(),
            "a name is needed"
        );
        let b = Business {
            name: "Brightside Coffee".into(),
            terms: vec!["#brightside".into()],
            ..Business::default()
        };
        s.set_business(&b).unwrap();
        assert_eq!(s.business().unwrap(), Some(b));
        s.set_setting_json("alerts", "{\"quiet\":true}").unwrap();
        s.set_setting_json("alerts", "{\"quiet\":false}").unwrap();
        assert_eq!(
            s.setting_json("alerts").unwrap().as_deref(),
            Some("{\"quiet\":false}")
        );
        let remote = Remote {
            author_id: Some("did:plc:abc".into()),
            ..Remote::default()
        };
        let m = s.set_remote(kept[1].id, &remote).unwrap();
        assert_eq!(m.remote, remote);
        assert!(s.set_remote(999_999, &remote).is_err());
    });
}
