//! Working the queue through the engine on a real SQLite file: statuses, snooze, tags, helpers,
//! notes, saved replies, the response clock with its notifications, the negative-spike alarm and
//! the figures.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use earshot_core::alerts::Alert;
use earshot_core::channels::Batch;
use earshot_core::clock::Clock;
use earshot_core::engine::Engine;
use earshot_core::model::{
    Author, Business, Channel, Mention, Source, SourceKind, SourceSpec, Status,
};
use earshot_core::store::db::Db;
use earshot_core::store::work::{Action, SavedReply};
use earshot_core::store::{MentionQuery, Order};
use earshot_core::work::targets::{BusinessHours, Targets};

mod common;
use common::Recorder;

const NOW: i64 = 1_795_000_000;

struct Setup {
    engine: Engine,
    source: Source,
    clock: Arc<AtomicI64>,
    alerts: Arc<Recorder>,
    _dir: tempfile::TempDir,
}

async fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(AtomicI64::new(NOW));
    let alerts = Arc::new(Recorder::default());
    let engine = Engine::new(
        Db::open(dir.path()).unwrap(),
        alerts.clone(),
        Clock::manual(clock.clone()),
    );
    engine
        .set_business(Business {
            name: "Brightside".into(),
            terms: vec!["brightside".into()],
            exclusions: vec![],
        })
        .await
        .unwrap();
    engine.start().await.unwrap();
    engine
        .set_targets(Targets {
            hours: BusinessHours::always(),
            low_below: 0,
            ..Targets::default()
        })
        .await
        .unwrap();
    let source = engine
        .add_source(SourceSpec {
            kind: SourceKind::Rss,
            name: "feed".into(),
            url: Some("http://127.0.0.1:9/never.xml".into()),
            queries: vec![],
            base_url: None,
            account: None,
            interval_secs: Some(86_400),
            require_match: Some(false),
            pds: None,
            appview: None,
            jetstream: None,
            plc: None,
        })
        .await
        .unwrap();
    alerts.take();
    Setup {
        engine,
        source,
        clock,
        alerts,
        _dir: dir,
    }
}

fn post(id: &str, author: &str, text: &str, posted: i64) -> Mention {
    let mut m = Mention::new(Channel::Rss, id, text);
    m.created_at = posted;
    m.author = Author {
        handle: author.into(),
        ..Author::default()
    };
    m
}

impl Setup {
    async fn ingest(&self, posts: Vec<Mention>) -> Vec<Mention> {
        self.engine
            .ingest(
                &self.source,
                Batch {
                    mentions: posts.clone(),
                    ..Batch::default()
                },
            )
            .await
            .unwrap();
        let mut out = Vec::new();
        for p in posts {
            out.push(self.find(&p.external_id).await);
        }
        out
    }

    async fn find(&self, external_id: &str) -> Mention {
        for status in [None, Some(Status::Snoozed), Some(Status::Ignored)] {
            let page = self
                .engine
                .list(MentionQuery {
                    status,
                    limit: Some(500),
                    ..MentionQuery::default()
                })
                .await
                .unwrap();
            if let Some(m) = page
                .mentions
                .into_iter()
                .find(|m| m.external_id == external_id)
            {
                return m;
            }
        }
        panic!("{external_id} not stored")
    }

    async fn ids(&self, q: MentionQuery) -> Vec<String> {
        let page = self
            .engine
            .list(MentionQuery {
                limit: Some(500),
                ..q
            })
            .await
            .unwrap();
        page.mentions.into_iter().map(|m| m.external_id).collect()
    }

    fn advance(&self, secs: i64) {
        self.clock.fetch_add(secs, Ordering::SeqCst);
    }
}

#[tokio::test]
async fn snoozed_mentions_leave_the_queue_and_come_back_new_and_unread() {
    let s = setup().await;
    let m = &s
        .ingest(vec![post("a", "ann", "brightside is fine", NOW - 60)])
        .await[0];
    s.engine.mark_read(m.id).await.unwrap();
    let err = s
        .engine
        .apply(vec![m.id], Action::Snooze { until: NOW - 1 })
        .await
        .unwrap_err();
    assert!(err.to_string().contains("future"), "{err}");
    s.engine
        .apply(vec![m.id], Action::Snooze { until: NOW + 3_600 })
        .await
        .unwrap();
    assert!(
        s.ids(MentionQuery::default()).await.is_empty(),
        "snoozed is out of the default view"
    );
    assert_eq!(
        s.engine.counts().await.unwrap().snoozed,
        1,
        "the snoozed mention is counted where the owner can find it"
    );
    s.advance(3_599);
    s.engine.tick().await;
    assert_eq!(s.find("a").await.status, Status::Snoozed);
    s.advance(1);
    s.engine.tick().await;
    let back = s.find("a").await;
    assert_eq!(
        (back.status, back.read, back.work.snooze_until),
        (Status::New, false, None)
    );
}

#[tokio::test]
async fn tags_helpers_notes_and_bulk_actions_filter_and_persist() {
    let s = setup().await;
    let ms = s
        .ingest(vec![
            post("a", "ann", "brightside one", NOW - 30),
            post("b", "bob", "brightside two", NOW - 20),
            post("c", "cy", "brightside three", NOW - 10),
        ])
        .await;
    let ids: Vec<i64> = ms.iter().map(|m| m.id).collect();
    s.engine
        .apply(
            ids[..2].to_vec(),
            Action::Tag {
                tag: "#Refund ".into(),
            },
        )
        .await
        .unwrap();
    s.engine
        .apply(
            vec![ids[1]],
            Action::Assign {
                assignee: Some("Sam".into()),
            },
        )
        .await
        .unwrap();
    let tagged = s
        .ids(MentionQuery {
            tag: Some("refund".into()),
            ..Default::default()
        })
        .await;
    assert_eq!(tagged, vec!["b", "a"]);
    let sams = s
        .ids(MentionQuery {
            assignee: Some("Sam".into()),
            ..Default::default()
        })
        .await;
    assert_eq!(sams, vec!["b"]);
    let nobody = s
        .ids(MentionQuery {
            assignee: Some(String::new()),
            ..Default::default()
        })
        .await;
    assert_eq!(nobody.len(), 2, "the unassigned ones, and only those");
    assert_eq!(s.find("a").await.work.tags, vec!["refund"]);

    // Bulk: all or nothing — one unknown id changes none.
    let err = s
        .engine
        .apply(
            vec![ids[0], 999_999],
            Action::Status {
                status: Status::Done,
            },
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("999999"), "{err}");
    assert_eq!(s.find("a").await.status, Status::New);
    s.engine
        .apply(
            ids.clone(),
            Action::Status {
                status: Status::Done,
            },
        )
        .await
        .unwrap();
    let c = s.engine.counts().await.unwrap();
    assert_eq!((c.done, c.new), (3, 0), "all three done, none left new");
    assert!(s.find("a").await.work.done_at.is_some());
    assert!(s
        .ids(MentionQuery {
            todo: true,
            ..Default::default()
        })
        .await
        .is_empty());

    s.engine
        .apply(
            vec![ids[2]],
            Action::Status {
                status: Status::Ignored,
            },
        )
        .await
        .unwrap();
    assert_eq!(s.ids(MentionQuery::default()).await, vec!["b", "a"]);

    let note = s
        .engine
        .add_note(ids[0], Some("Sam".into()), "  called her back  ".into())
        .await
        .unwrap();
    assert_eq!(note.body, "called her back");
    assert!(s.engine.add_note(ids[0], None, "   ".into()).await.is_err());
    assert_eq!(s.find("a").await.work.notes, 1);
    s.engine.delete_note(ids[0], note.id).await.unwrap();
    assert!(
        s.engine.notes(ids[0]).await.unwrap().is_empty(),
        "the deleted note is gone"
    );
}

#[tokio::test]
async fn saved_replies_start_with_sensible_answers_and_keep_names_unique() {
    let s = setup().await;
    let seeded = s.engine.saved_replies().await.unwrap();
    assert!(
        seeded.len() >= 4,
        "a new install has saved replies to start from"
    );
    assert!(seeded.iter().any(|r| r.body.contains("{author}")));
    let mine = s
        .engine
        .save_reply(SavedReply {
            id: 0,
            name: "Opening hours".into(),
            body: "We open at {time}, {author}!".into(),
            uses: 0,
        })
        .await
        .unwrap();
    let dup = s
        .engine
        .save_reply(SavedReply {
            id: 0,
            name: "opening HOURS".into(),
            ..mine.clone()
        })
        .await
        .unwrap_err();
    assert!(dup.to_string().contains("already exists"), "{dup}");
    s.engine.used_saved_reply(mine.id).await.unwrap();
    s.engine.used_saved_reply(mine.id).await.unwrap();
    let list = s.engine.saved_replies().await.unwrap();
    assert_eq!(list[0].name, "Opening hours", "most used first");
    assert_eq!(list[0].uses, 2, "each use counted");
    s.engine.delete_saved_reply(mine.id).await.unwrap();
    assert_eq!(
        s.engine.saved_replies().await.unwrap().len(),
        seeded.len(),
        "deleting one leaves the others"
    );
}

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
