//! Notifications by role on a team (real PostgreSQL): a mention coming due reminds everyone on
//! duty until it is assigned, then only the assignee, each desktop once; when to be notified is
//! each person's own setting, not the team's.

mod common;

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use common::Recorder;
use earshot_core::alerts::AlertPolicy;
use earshot_core::channels::Batch;
use earshot_core::clock::Clock;
use earshot_core::engine::Engine;
use earshot_core::model::{Business, SourceKind, SourceSpec};
use earshot_core::store::work::Action;
use earshot_core::team::lease::{Change, Timing};
use earshot_core::team::{members, schema};
use earshot_core::work::targets::{BusinessHours, Targets};

const NOW: i64 = 1_800_000_000;

async fn desktop(
    address: &earshot_core::team::TeamAddress,
    member: i64,
    clock: &Arc<AtomicI64>,
) -> (Engine, Arc<Recorder>, tempfile::TempDir) {
    let (db, dir) = common::postgres::team_store(address, Some(member)).await;
    let screen = Arc::new(Recorder::default());
    let engine = Engine::new(db, screen.clone(), Clock::manual(clock.clone()));
    (engine, screen, dir)
}

fn reminders(screen: &Recorder) -> Vec<String> {
    let mut due: Vec<String> = screen
        .take()
        .into_iter()
        .filter(|a| a.summary == "Reply due soon")
        .map(|a| a.body)
        .collect();
    due.sort();
    due
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mention_coming_due_reminds_everyone_until_assigned_then_only_the_assignee() {
    let Some(address) = common::postgres::fresh("team_alerts").await else {
        return;
    };
    let a = address.clone();
    tokio::task::spawn_blocking(move || schema::migrate(&mut a.connect_blocking().unwrap()))
        .await
        .unwrap()
        .unwrap();
    let db = address.connect().await.unwrap();
    let ana = members::join(&db, "Ana", "desk-ana").await.unwrap().id;
    let ben = members::join(&db, "Ben", "desk-ben").await.unwrap().id;
    let clock = Arc::new(AtomicI64::new(NOW));
    let (first, anas_screen, _d1) = desktop(&address, ana, &clock).await;
    let (second, bens_screen, _d2) = desktop(&address, ben, &clock).await;
    let spec = SourceSpec {
        url: Some("http://127.0.0.1:9/feed.xml".into()),
        interval_secs: Some(3600),
        ..SourceSpec::new(SourceKind::Rss, "reviews")
    };
    let source_id = first
        .db()
        .write(move |s| s.upsert_source(&spec, 1))
        .await
        .unwrap();
    first
        .set_business(Business {
            name: "Brightside Coffee".into(),
            ..Business::default()
        })
        .await
        .unwrap();
    // The shop never closes, and no mention counts as low: each is due an hour after it was
    // posted.
    first
        .set_targets(Targets {
            hours: BusinessHours::always(),
            low_below: 0,
            ..Targets::default()
        })
        .await
        .unwrap();
    let mut listening = Vec::new();
    for (e, m) in [(&first, ana), (&second, ben)] {
        e.start().await.unwrap();
        listening.push(
            e.listen_as_team(address.clone(), m, Timing::default())
                .await
                .unwrap(),
        );
    }
    // The posts come through whichever desktop took the source's lease: the other does not
    // store for it (`StoreError::NotListening`).
    let took = {
        let (mut a, mut b) = (listening[0].changes(), listening[1].changes());
        let gained = async {
            loop {
                tokio::select! {
                    Ok(Change::Gained(_)) = a.recv() => return 0,
                    Ok(Change::Gained(_)) = b.recv() => return 1,
                    else => {}
                }
            }
        };
        tokio::time::timeout(std::time::Duration::from_secs(30), gained)
            .await
            .expect("a desktop takes the source's lease")
    };
    let listener = [&first, &second][took];
    let source = first.db().read(move |s| s.source(source_id)).await.unwrap();
    let posts = ["zoe", "yan"].map(|who| {
        let mut m = common::mention(who, "Brightside Coffee sells coffee", 0, NOW - 60);
        m.author.handle = who.into();
        m
    });
    listener
        .ingest(
            &source,
            Batch {
                mentions: posts.to_vec(),
                ..Batch::default()
            },
        )
        .await
        .unwrap();
    let ids: Vec<(String, i64)> = first
        .db()
        .read(|s| s.list(&Default::default()))
        .await
        .unwrap()
        .mentions
        .into_iter()
        .map(|m| (m.author.handle, m.id))
        .collect();
    let yan = ids.iter().find(|(h, _)| h == "yan").unwrap().1;
    first
        .apply(
            vec![yan],
            Action::Assign {
                assignee: Some("Ben".into()),
            },
        )
        .await
        .unwrap();
    anas_screen.take();
    bens_screen.take();

    // 50 minutes after posting: 10 minutes left on the hour's target.
    clock.fetch_add(49 * 60 + 1, Ordering::SeqCst);
    for _ in 0..2 {
        first.tick().await;
        second.tick().await;
    }
    let (anas, bens) = (reminders(&anas_screen), reminders(&bens_screen));
    assert_eq!(anas.len(), 1, "Ana: the unassigned one only: {anas:?}");
    assert!(anas[0].starts_with("zoe"), "{anas:?}");
    assert_eq!(
        bens.len(),
        2,
        "Ben: his own and the unassigned one, once each: {bens:?}"
    );
    assert!(
        bens[0].starts_with("yan") && bens[1].starts_with("zoe"),
        "{bens:?}"
    );

    // When to be notified is each person's own.
    let quiet = AlertPolicy {
        quiet_hours: Some((22, 7)),
        ..first.alert_policy()
    };
    first.set_alert_policy(quiet.clone()).await.unwrap();
    let anas_own = first
        .db()
        .read(|s| s.setting::<AlertPolicy>("alerts"))
        .await
        .unwrap();
    let bens_own = second
        .db()
        .read(|s| s.setting::<AlertPolicy>("alerts"))
        .await
        .unwrap();
    assert_eq!(anas_own, Some(quiet.clone()));
    assert_ne!(bens_own, Some(quiet), "Ana's quiet hours are not Ben's");
    // Ben answers Zoe from his desktop: the dashboard's figures per person say so.
    let zoe = ids.iter().find(|(h, _)| h == "zoe").unwrap().1;
    let at = clock.load(Ordering::SeqCst);
    second
        .db()
        .write(move |s| {
            let r = s.queue_reply(zoe, false, "Sorry Zoe!", "key-zoe", at)?;
            s.claim_reply(r.id, at)?;
            s.reply_sent(r.id, "remote-zoe", None, at + 60)
        })
        .await
        .unwrap();
    let report = first.report(NOW - 86_400, NOW + 86_400).await.unwrap();
    assert_eq!(report.people.len(), 1, "{:?}", report.people);
    let ben_did = &report.people[0];
    assert_eq!(
        (
            ben_did.name.as_str(),
            ben_did.replies,
            ben_did.first_response.count,
            ben_did.waiting
        ),
        ("Ben", 1, 1, 1),
        "one reply, Zoe answered first, Yan assigned and waiting"
    );
    assert!(ben_did.first_response.median_secs.unwrap() > 49 * 60);
    let csv = earshot_core::work::report::report_csv(&report).unwrap();
    assert!(csv.contains("person_replies,Ben,1\n"), "{csv}");
    assert!(csv.contains("person_waiting,Ben,1\n"), "{csv}");
    for l in listening {
        l.stop().await;
    }
    first.shutdown();
    second.shutdown();
}
