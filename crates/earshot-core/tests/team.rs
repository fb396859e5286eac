//! The team database on a real PostgreSQL: the schema made once by desktops starting together,
//! source leases (one listener per source, handed over when its desktop quits, taken when it is
//! killed), and changes announced to the other desktops with LISTEN/NOTIFY.

mod common;

use std::time::{Duration, Instant};

use common::postgres::fresh;
use common::PATIENCE;
use earshot_core::store::pg::PgStore;
use earshot_core::store::StoreError;
use earshot_core::team::fanout::{self, Heard, Listener, TeamEvent};
use earshot_core::team::lease::{self, Change, Keeper, Timing};
use earshot_core::team::{members, schema, TeamAddress, TeamError};
use tokio::sync::{broadcast, mpsc};

/// A database with the team schema and `n` members (one desktop each).
async fn team(name: &str, n: usize) -> Option<(TeamAddress, Vec<i64>)> {
    let address = fresh(name).await?;
    let a = address.clone();
    tokio::task::spawn_blocking(move || schema::migrate(&mut a.connect_blocking().unwrap()))
        .await
        .unwrap()
        .unwrap();
    let db = address.connect().await.unwrap();
    let mut ids = Vec::new();
    for i in 0..n {
        let m = members::join(&db, &format!("Member {i}"), &format!("desktop-{i}"))
            .await
            .unwrap();
        ids.push(m.id);
    }
    Some((address, ids))
}

async fn next_heard(rx: &mut broadcast::Receiver<Heard>) -> Heard {
    tokio::time::timeout(PATIENCE, rx.recv())
        .await
        .expect("something is heard in time")
        .expect("the listener is running")
}

async fn next_change(rx: &mut mpsc::UnboundedReceiver<Change>) -> Change {
    tokio::time::timeout(PATIENCE, rx.recv())
        .await
        .expect("a lease change in time")
        .expect("the keeper is running")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn desktops_starting_together_make_the_schema_once_and_an_older_one_refuses_a_newer_schema() {
    let Some(address) = fresh("schema").await else {
        return;
    };
    let mut runs = Vec::new();
    for _ in 0..3 {
        let a = address.clone();
        runs.push(tokio::task::spawn_blocking(move || {
            schema::migrate(&mut a.connect_blocking().unwrap())
        }));
    }
    for r in runs {
        assert_eq!(
            r.await.unwrap().unwrap(),
            schema::TEAM_SCHEMA_VERSION,
            "each desktop ends at this build's version"
        );
    }
    let db = address.connect().await.unwrap();
    let rows = db
        .query("SELECT version FROM earshot_team_schema", &[])
        .await
        .unwrap();
    assert_eq!(rows.len(), 1, "one version row, not one per desktop");
    db.execute("UPDATE earshot_team_schema SET version = 999", &[])
        .await
        .unwrap();
    let a = address.clone();
    let e =
        tokio::task::spawn_blocking(move || schema::migrate(&mut a.connect_blocking().unwrap()))
            .await
            .unwrap()
            .unwrap_err();
    assert!(
        matches!(e, TeamError::Newer { found: 999, .. }),
        "a newer team database is left alone: {e}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_are_real_people_named_once_per_desktop() {
    let Some((address, ids)) = team("members", 2).await else {
        return;
    };
    let db = address.connect().await.unwrap();
    let again = members::join(&db, "  Ana  ", "desktop-0").await.unwrap();
    assert_eq!(
        again.id, ids[0],
        "joining again from a desktop keeps its member"
    );
    assert_eq!(again.name, "Ana", "with the new name, trimmed");
    let e = members::join(&db, "   ", "desktop-9").await.unwrap_err();
    assert!(e.to_string().contains("display name"), "{e}");
    let names: Vec<String> = members::list(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(names, ["Ana", "Member 1"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_source_has_one_listener_however_many_desktops_ask_at_once() {
    let Some((address, ids)) = team("claims", 3).await else {
        return;
    };
    let mut conns = Vec::new();
    for _ in &ids {
        conns.push(std::sync::Arc::new(address.connect().await.unwrap()));
    }
    for round in 0..100 {
        let source = format!("source-{round}");
        let mut asks = Vec::new();
        for (db, &member) in conns.iter().zip(&ids) {
            let (db, source) = (db.clone(), source.clone());
            asks.push(tokio::spawn(async move {
                lease::claim(&*db, &source, member, lease::LEASE_TTL).await
            }));
        }
        let mut won = Vec::new();
        for (a, &member) in asks.into_iter().zip(&ids) {
            if let Some(l) = a.await.unwrap().unwrap() {
                won.push((member, l));
            }
        }
        assert_eq!(won.len(), 1, "round {round}: exactly one desktop listens");
        let (member, l) = &won[0];
        let renewed = lease::claim(&*conns[0], &source, *member, lease::LEASE_TTL)
            .await
            .unwrap();
        assert_eq!(renewed.as_ref(), Some(l), "renewing keeps the epoch");
    }
    let listeners = lease::listeners(&*conns[0]).await.unwrap();
    assert_eq!(listeners.len(), 100);
    assert!(
        listeners
            .iter()
            .all(|l| l.expires_in > 10.0 && l.name.starts_with("Member")),
        "Settings can say who listens and for how long: {:?}",
        listeners[0]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lease_that_ran_out_passes_on_with_a_new_epoch_and_the_old_holder_is_fenced_out() {
    let Some((address, ids)) = team("expiry", 2).await else {
        return;
    };
    let (a, b) = (ids[0], ids[1]);
    let db = address.connect().await.unwrap();
    let old = lease::claim(&db, "hn", a, lease::LEASE_TTL)
        .await
        .unwrap()
        .expect("the first desktop takes it");
    assert_eq!(
        lease::claim(&db, "hn", b, lease::LEASE_TTL).await.unwrap(),
        None,
        "not while it lasts"
    );
    assert!(lease::holds(&db, &old, a).await.unwrap());
    // The holder went to sleep and its lease ran out (the database's clock decides).
    db.execute(
        "UPDATE source_leases SET expires_at = now() - interval '1 second'",
        &[],
    )
    .await
    .unwrap();
    assert!(
        !lease::holds(&db, &old, a).await.unwrap(),
        "a run-out lease no longer lets its holder store a cursor"
    );
    let new = lease::claim(&db, "hn", b, lease::LEASE_TTL)
        .await
        .unwrap()
        .expect("another desktop takes it");
    assert_eq!(new.epoch, old.epoch + 1, "a change of hands is a new epoch");
    assert_eq!(
        lease::claim(&db, "hn", a, lease::LEASE_TTL).await.unwrap(),
        None,
        "the sleeper, awake again, does not take it back"
    );
    assert!(!lease::holds(&db, &old, a).await.unwrap());
    assert!(
        !lease::release(&db, &old, a).await.unwrap(),
        "nor can it release the new holder's lease"
    );
    assert!(lease::holds(&db, &new, b).await.unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_desktop_that_quits_hands_its_sources_to_another_at_once() {
    let Some((address, ids)) = team("handover", 2).await else {
        return;
    };
    let listener = Listener::start(address.clone());
    listener.listening().await;
    let sources = vec!["hn".to_string(), "rss:reviews".to_string()];
    // Renewals an hour apart: only the release's announcement can make the hand-over quick.
    let slow = Timing {
        ttl: Duration::from_secs(3600),
        renew: Duration::from_secs(3600),
    };
    let (tx_a, mut rx_a) = mpsc::unbounded_channel();
    let keeper_a = Keeper::start(
        address.clone(),
        ids[0],
        sources.clone(),
        slow,
        listener.subscribe(),
        tx_a,
    );
    for _ in &sources {
        assert!(matches!(next_change(&mut rx_a).await, Change::Gained(_)));
    }
    let (tx_b, mut rx_b) = mpsc::unbounded_channel();
    let keeper_b = Keeper::start(
        address.clone(),
        ids[1],
        sources.clone(),
        slow,
        listener.subscribe(),
        tx_b,
    );
    let db = address.connect().await.unwrap();
    let start = Instant::now();
    keeper_a.stop().await;
    let mut gained = Vec::new();
    for _ in &sources {
        match next_change(&mut rx_b).await {
            Change::Gained(l) => gained.push(l.source),
            other => panic!("the second desktop only gains: {other:?}"),
        }
    }
    gained.sort();
    assert_eq!(gained, sources, "both sources changed hands");
    eprintln!("hand-over on quit took {:?}", start.elapsed());
    let mut lost = Vec::new();
    while let Ok(c) = rx_a.try_recv() {
        lost.push(c);
    }
    assert_eq!(lost.len(), 2, "the first desktop stopped both: {lost:?}");
    assert!(lease::listeners(&db)
        .await
        .unwrap()
        .iter()
        .all(|l| l.member == ids[1]));
    keeper_b.stop().await;
    assert!(
        lease::listeners(&db).await.unwrap().is_empty(),
        "the last desktop to quit leaves no lease behind"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_desktops_sources_are_taken_when_its_leases_run_out() {
    let Some((address, ids)) = team("killed", 2).await else {
        return;
    };
    let quick = Timing {
        ttl: Duration::from_millis(1500),
        renew: Duration::from_millis(250),
    };
    let sources = vec!["mastodon:#brightside".to_string()];
    // The first desktop runs on a runtime of its own, which is then shut down without letting
    // it release anything: as a kill -9 or a pulled plug would.
    let (tx_a, mut rx_a) = mpsc::unbounded_channel();
    let doomed = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let keeper_a = {
        let _in = doomed.enter();
        Keeper::start(
            address.clone(),
            ids[0],
            sources.clone(),
            quick,
            broadcast::channel(1).1,
            tx_a,
        )
    };
    assert!(matches!(next_change(&mut rx_a).await, Change::Gained(_)));
    let (tx_b, mut rx_b) = mpsc::unbounded_channel();
    let keeper_b = Keeper::start(
        address.clone(),
        ids[1],
        sources.clone(),
        quick,
        broadcast::channel(1).1,
        tx_b,
    );
    let killed = Instant::now();
    doomed.shutdown_background();
    std::mem::forget(keeper_a);
    let Change::Gained(l) = next_change(&mut rx_b).await else {
        panic!("the second desktop gains the source");
    };
    let took = killed.elapsed();
    assert_eq!(l.epoch, 2, "a new holding");
    assert!(
        took < quick.ttl + quick.renew * 4,
        "taken about when the lease ran out, not later: {took:?}"
    );
    eprintln!(
        "take-over after a kill took {took:?} (lease {:?})",
        quick.ttl
    );
    keeper_b.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_committed_change_reaches_the_other_desktop_and_a_rolled_back_one_never_does() {
    let Some((address, ids)) = team("fanout", 2).await else {
        return;
    };
    let listener = Listener::start(address.clone());
    listener.listening().await;
    let mut heard = listener.subscribe();
    let mut db = address.connect().await.unwrap();
    let tx = db.transaction().await.unwrap();
    fanout::publish(&tx, ids[0], &TeamEvent::MentionChanged { id: 1 })
        .await
        .unwrap();
    tx.rollback().await.unwrap();
    let mut latencies = Vec::new();
    for id in 2..52 {
        let tx = db.transaction().await.unwrap();
        fanout::publish(&tx, ids[0], &TeamEvent::MentionChanged { id })
            .await
            .unwrap();
        let sent = Instant::now();
        tx.commit().await.unwrap();
        let Heard::Event(e) = next_heard(&mut heard).await else {
            panic!("no resync on a healthy connection");
        };
        latencies.push(sent.elapsed());
        assert_eq!(e.from, ids[0], "it says who did it");
        assert_eq!(
            e.event,
            TeamEvent::MentionChanged { id },
            "the rolled-back change (id 1) was never announced, and the rest came in order"
        );
    }
    latencies.sort();
    eprintln!(
        "commit to heard: median {:?}, slowest {:?}",
        latencies[latencies.len() / 2],
        latencies[latencies.len() - 1]
    );
    let many: Vec<i64> = (1..=1000).collect();
    fanout::publish(
        &db,
        ids[1],
        &TeamEvent::MentionsStored { ids: many.clone() },
    )
    .await
    .unwrap();
    let mut got = Vec::new();
    while got.len() < many.len() {
        match next_heard(&mut heard).await {
            Heard::Event(fanout::Envelope {
                event: TeamEvent::MentionsStored { ids },
                ..
            }) => got.extend(ids),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(got, many, "a big batch arrives whole, in parts");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_listener_that_lost_its_connection_says_to_reload_and_hears_again() {
    let Some((address, ids)) = team("resync", 1).await else {
        return;
    };
    let listener = Listener::start(address.clone());
    listener.listening().await;
    let mut heard = listener.subscribe();
    let db = address.connect().await.unwrap();
    let cut = db
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND query = 'LISTEN earshot_team'",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(cut, 1, "the listening connection was found and cut");
    assert_eq!(
        next_heard(&mut heard).await,
        Heard::Resync,
        "what was said meanwhile is lost, so the desktop must reload"
    );
    listener.listening().await;
    fanout::publish(&db, ids[0], &TeamEvent::MentionChanged { id: 9 })
        .await
        .unwrap();
    assert_eq!(
        next_heard(&mut heard).await,
        Heard::Event(fanout::Envelope {
            from: ids[0],
            event: TeamEvent::MentionChanged { id: 9 }
        })
    );
}

/// Runs `f` on the (blocking) team store off the runtime, and hands the store back.
async fn on_store<R: Send + 'static>(
    mut s: PgStore,
    f: impl FnOnce(&mut PgStore) -> R + Send + 'static,
) -> (PgStore, R) {
    tokio::task::spawn_blocking(move || {
        let r = f(&mut s);
        (s, r)
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_desktop_stores_a_sources_batch_and_cursor_only_while_it_listens_for_it() {
    let Some((address, ids)) = team("fenced", 1).await else {
        return;
    };
    let me = ids[0];
    let a = address.clone();
    let store = tokio::task::spawn_blocking(move || PgStore::open(&a).unwrap())
        .await
        .unwrap();
    let (store, source) = on_store(store, move |s| {
        s.listen_as(me).unwrap();
        s.upsert_source(&common::spec("HN"), 0).unwrap()
    })
    .await;
    let batch = |n: &str| vec![common::mention(n, "Brightside", 50, 1)];
    let (store, refused) = on_store(store, move |s| {
        s.store_batch(Some(source), &batch("1"), Some("c1"))
    })
    .await;
    assert!(
        matches!(refused, Err(StoreError::NotListening(s)) if s == source),
        "no lease, no storing: {refused:?}"
    );
    let db = address.connect().await.unwrap();
    lease::claim(&db, &PgStore::lease_key(source), me, lease::LEASE_TTL)
        .await
        .unwrap()
        .expect("the lease");
    let (store, stored) = on_store(store, move |s| {
        s.store_batch(Some(source), &batch("1"), Some("c1"))
    })
    .await;
    assert_eq!(stored.unwrap().len(), 1, "stored while it listens");
    db.execute(
        "UPDATE source_leases SET expires_at = now() - interval '1 second'",
        &[],
    )
    .await
    .unwrap();
    let (store, (late, source_now)) = on_store(store, move |s| {
        let r = s.store_batch(Some(source), &batch("2"), Some("c0"));
        (r, s.source(source).unwrap())
    })
    .await;
    assert!(late.is_err(), "a lease that ran out stops the batch");
    assert_eq!(
        source_now.cursor.as_deref(),
        Some("c1"),
        "the cursor was not moved by a desktop that no longer listens"
    );
    // The blocking client is closed off the runtime too.
    tokio::task::spawn_blocking(move || drop(store))
        .await
        .unwrap();
}
