//! Response targets, the spike alarm, the author panel and the figures, on a manual clock.

use earshot_core::alerts::Alert;
use earshot_core::model::{Channel, Mention, Status};
use earshot_core::store::work::Action;
use earshot_core::store::{MentionQuery, Order};
use earshot_core::work::targets::{BusinessHours, Targets};

mod common;
use common::queue::*;

#[tokio::test]
async fn a_mention_about_to_miss_its_target_notifies_once_and_rises_to_the_top() {
    let s = setup().await;
    // Normal urgency: a 60-minute target; the warning comes 10 minutes before.
    let ms = s
        .ingest(vec![
            post("calm", "ann", "brightside sells coffee", NOW - 60),
            post("old", "old", "brightside sells tea", NOW - 10 * 86_400),
        ])
        .await;
    let calm = &ms[0];
    assert_eq!(
        calm.work.due_at,
        Some(calm.created_at + 60 * 60),
        "a normal mention is due an hour after it was posted (the shop never closes)"
    );
    s.engine.tick().await;
    assert!(s.alerts.take().is_empty(), "nothing is due yet");

    s.advance(49 * 60 + 1); // 50 min after posting: 10 min left.
    s.engine.tick().await;
    s.engine.tick().await;
    let alerts = s.alerts.take();
    assert_eq!(
        alerts.len(),
        1,
        "one notification, and only for the fresh mention: {alerts:?}"
    );
    assert_eq!(alerts[0].summary, "Reply due soon");
    assert!(
        alerts[0].body.contains("ann") && alerts[0].body.contains("10 min"),
        "{}",
        alerts[0].body
    );
    let first = s
        .ids(MentionQuery {
            order: Order::Urgent,
            ..Default::default()
        })
        .await;
    assert_eq!(
        first[0], "calm",
        "at risk sorts first in the urgent-first view"
    );

    // Answering it (on a channel without replies: marked answered) stops the clock.
    let done = s
        .engine
        .apply(vec![calm.id], Action::Answered)
        .await
        .unwrap();
    assert_eq!(
        done[0].work.first_response_at,
        Some(NOW + 49 * 60 + 1),
        "marking it answered is its first response"
    );
    assert!(
        !done[0].work.at_risk,
        "an answered mention is no longer at risk"
    );
    assert_eq!(done[0].status, Status::Done, "answered means done");

    let r = s.engine.report(NOW - 86_400, NOW + 86_400).await.unwrap();
    assert_eq!(r.mentions, 1, "the figures count the one mention");
    assert_eq!(
        r.first_response.median_secs,
        Some(50 * 60 + 1),
        "its response time"
    );
    assert_eq!(r.within_target, Some(1.0), "answered within its target");
}

#[tokio::test]
async fn changing_the_targets_moves_the_due_times_of_unanswered_mentions() {
    let s = setup().await;
    let m = &s.ingest(vec![post("a", "ann", "brightside", NOW)]).await[0];
    assert_eq!(
        m.work.due_at,
        Some(NOW + 3_600),
        "due an hour after it was posted on the default targets"
    );
    s.engine
        .set_targets(Targets {
            normal_mins: 30,
            low_below: 0,
            hours: BusinessHours::always(),
            ..Targets::default()
        })
        .await
        .unwrap();
    assert_eq!(s.find("a").await.work.due_at, Some(NOW + 1_800));
    let bad = s
        .engine
        .set_targets(Targets {
            hours: BusinessHours {
                time_zone: "Nowhere/Land".into(),
                ..BusinessHours::default()
            },
            ..Targets::default()
        })
        .await
        .unwrap_err();
    assert!(bad.to_string().contains("Nowhere/Land"), "{bad}");
    assert_eq!(
        s.engine.targets().normal_mins,
        30,
        "a refused change leaves the targets alone"
    );
}

#[tokio::test]
async fn a_negative_spike_raises_one_alarm_that_explains_itself() {
    let s = setup().await;
    // A week of background: one complaint a day.
    let mut background = Vec::new();
    for d in 1..=7 {
        background.push(post(
            &format!("bg{d}"),
            "x",
            "brightside coffee was terrible and cold, awful",
            NOW - d * 86_400,
        ));
    }
    s.ingest(background).await;
    s.alerts.take();
    s.engine.tick().await;
    let quiet = s.alerts.take();
    assert!(quiet.is_empty(), "{quiet:?}");
    let angry: Vec<Mention> = (0..6)
        .map(|i| {
            post(
                &format!("n{i}"),
                &format!("u{i}"),
                "brightside refund now, this is terrible, worst service, awful",
                NOW - 60 * i,
            )
        })
        .collect();
    let stored = s.ingest(angry).await;
    assert!(stored
        .iter()
        .all(|m| m.triage.mood == earshot_core::model::Sentiment::Negative));
    s.alerts.take();
    s.engine.tick().await;
    s.engine.tick().await;
    let alerts: Vec<Alert> = s
        .alerts
        .take()
        .into_iter()
        .filter(|a| a.summary == "Negative spike")
        .collect();
    assert_eq!(alerts.len(), 1, "one alarm: {alerts:?}");
    assert!(
        alerts[0]
            .body
            .starts_with("6 negative mentions in the last hour"),
        "{}",
        alerts[0].body
    );
    assert!(alerts[0].body.contains("\"refund\""), "{}", alerts[0].body);
}

#[tokio::test]
async fn the_author_panel_finds_the_same_name_on_other_networks() {
    let s = setup().await;
    let mut a = post("a", "@ann@mastodon.social", "brightside one", NOW - 30);
    a.channel = Channel::Mastodon;
    let mut b = post("b", "ann.bsky.social", "brightside two", NOW - 20);
    b.channel = Channel::Bluesky;
    let c = post("c", "annabel", "brightside three", NOW - 10);
    let ms = s.ingest(vec![a, b, c]).await;
    let h = s.engine.author_history(ms[1].id).await.unwrap();
    assert_eq!(h.total, 1, "annabel is not ann: only her own mention");
    assert_eq!(h.mentions[0].external_id, "a");
}

#[tokio::test]
async fn the_author_panel_keeps_the_reach_each_mention_carried_one_point_per_change() {
    let s = setup().await;
    let by = |id: &str, followers: i64, at: i64| {
        let mut m = post(id, "grower.bsky.social", "brightside again", at);
        m.channel = Channel::Bluesky;
        m.author.followers = Some(followers);
        m
    };
    let ms = s
        .ingest(vec![
            by("r1", 100, NOW - 40),
            by("r2", 100, NOW - 30),
            by("r3", 5_000, NOW - 20),
            by("r4", 5_000, NOW - 10),
        ])
        .await;
    let h = s.engine.author_history(ms[3].id).await.unwrap();
    let reach: Vec<(i64, i64)> = h.reach.iter().map(|p| (p.at, p.followers)).collect();
    assert_eq!(
        reach,
        vec![(NOW - 40, 100), (NOW - 20, 5_000)],
        "when the count changed, and to what"
    );
    assert!(
        h.reach.iter().all(|p| p.channel == Channel::Bluesky),
        "each point says the network it was measured on"
    );
}

#[tokio::test]
async fn the_mentions_csv_has_a_row_per_mention_with_response_times() {
    let s = setup().await;
    let ms = s
        .ingest(vec![
            post(
                "a",
                "ann",
                "brightside, \"quoted\", with a comma",
                NOW - 600,
            ),
            post("b", "bob", "brightside", NOW - 300),
        ])
        .await;
    s.engine
        .apply(vec![ms[0].id], Action::Answered)
        .await
        .unwrap();
    let csv = s.engine.mentions_csv(NOW - 3_600, NOW + 1).await.unwrap();
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let header = r.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "one row per mention in the range");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(
        &rows[0][col("text")],
        "brightside, \"quoted\", with a comma"
    );
    assert_eq!(&rows[0][col("first_response_secs")], "600");
    assert_eq!(&rows[0][col("met_target")], "true");
    assert_eq!(&rows[1][col("first_response_secs")], "");
}
