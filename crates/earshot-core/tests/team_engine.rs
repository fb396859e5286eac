//! The engine on the team database: two desktops' engines on one PostgreSQL store. What one
//! ingests (matched, triaged, stored with its cursor) the other lists; what the other does to
//! it, the first sees.

mod common;

use std::sync::atomic::AtomicI64;
use std::sync::Arc;

use earshot_core::alerts::Silent;
use earshot_core::channels::Batch;
use earshot_core::clock::Clock;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::{Business, SourceKind, SourceSpec, Status};
use earshot_core::store::MentionQuery;
use earshot_core::team::lease::{self, Change, Timing};
use earshot_core::team::members;

async fn desktop(address: &earshot_core::team::TeamAddress) -> (Engine, tempfile::TempDir) {
    member_desktop(address, None).await
}

async fn member_desktop(
    address: &earshot_core::team::TeamAddress,
    member: Option<i64>,
) -> (Engine, tempfile::TempDir) {
    notifying_desktop(address, member, Arc::new(Silent)).await
}

async fn notifying_desktop(
    address: &earshot_core::team::TeamAddress,
    member: Option<i64>,
    notifier: Arc<dyn earshot_core::alerts::Notifier>,
) -> (Engine, tempfile::TempDir) {
    let (db, dir) = common::postgres::team_store(address, member).await;
    let clock = Clock::manual(Arc::new(AtomicI64::new(1_800_000_000)));
    (Engine::new(db, notifier, clock), dir)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_desktops_engines_share_one_store() {
    let Some(address) = common::postgres::fresh("engines").await else {
        return;
    };
    let (first, _d1) = desktop(&address).await;
    let (second, _d2) = desktop(&address).await;
    first
        .set_business(Business {
            name: "Brightside Coffee".into(),
            ..Business::default()
        })
        .await
        .unwrap();
    let spec = SourceSpec {
        url: Some("http://127.0.0.1:9/feed.xml".into()),
        ..SourceSpec::new(SourceKind::Rss, "reviews")
    };
    let source = first
        .db()
        .write(move |s| {
            let id = s.upsert_source(&spec, 1)?;
            s.source(id)
        })
        .await
        .unwrap();
    let posts = vec![
        common::mention(
            "1",
            "Brightside Coffee charged me twice, refund please",
            0,
            10,
        ),
        common::mention("2", "lovely flat white at Brightside Coffee", 0, 11),
        common::mention("3", "nothing to do with us", 0, 12),
    ];
    first
        .ingest(
            &source,
            Batch {
                mentions: posts,
                cursor: Some("after-3".into()),
                ..Batch::default()
            },
        )
        .await
        .unwrap();
    let seen = second
        .db()
        .read(|s| s.list(&MentionQuery::default()))
        .await
        .unwrap();
    let texts: Vec<&str> = seen.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts.len(), 2, "matched posts only, stored once: {texts:?}");
    assert!(
        seen.mentions[0].text.contains("refund"),
        "triaged: the complaint ranks first"
    );
    assert_eq!(
        second
            .db()
            .read(move |s| s.source(source.id))
            .await
            .unwrap()
            .cursor
            .as_deref(),
        Some("after-3"),
        "the cursor went with the batch"
    );
    let id = seen.mentions[0].id;
    second
        .db()
        .write(move |s| s.set_status(id, Status::Done, 20))
        .await
        .unwrap();
    let now = first.db().read(move |s| s.mention(id)).await.unwrap();
    assert_eq!(
        now.status,
        Status::Done,
        "one desktop's action, the other's view"
    );
    first.shutdown();
    second.shutdown();
    // The engines and their stores are dropped here, on the runtime: the blocking clients
    // close on a thread of their own.
}

/// The schema, Ana and Ben on the team, and one (unreachable) feed source: the setup desktop
/// (keep it and its folder alive), a connection, the members' ids and the source's.
async fn team_of_two(
    address: &earshot_core::team::TeamAddress,
) -> (
    Engine,
    tempfile::TempDir,
    tokio_postgres::Client,
    [i64; 2],
    i64,
) {
    let (setup, dir) = desktop(address).await;
    let db = address.connect().await.unwrap();
    let ana = members::join(&db, "Ana", "desk-ana").await.unwrap().id;
    let ben = members::join(&db, "Ben", "desk-ben").await.unwrap().id;
    let spec = SourceSpec {
        url: Some("http://127.0.0.1:9/feed.xml".into()),
        interval_secs: Some(3600),
        ..SourceSpec::new(SourceKind::Rss, "reviews")
    };
    let source = setup
        .db()
        .write(move |s| s.upsert_source(&spec, 1))
        .await
        .unwrap();
    (setup, dir, db, [ana, ben], source)
}

async fn gained(rx: &mut tokio::sync::broadcast::Receiver<Change>) -> String {
    loop {
        match tokio::time::timeout(common::PATIENCE, rx.recv()).await {
            Ok(Ok(Change::Gained(l))) => return l.source,
            Ok(Ok(_)) => continue,
            other => panic!("no lease gained: {other:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_source_runs_on_one_desktop_and_moves_when_that_desktop_stops() {
    let Some(address) = common::postgres::fresh("listening").await else {
        return;
    };
    let (setup, _d0, db, [ana, ben], source) = team_of_two(&address).await;
    let (first, _d1) = member_desktop(&address, Some(ana)).await;
    let (second, _d2) = member_desktop(&address, Some(ben)).await;
    let quick = Timing {
        ttl: std::time::Duration::from_secs(5),
        renew: std::time::Duration::from_millis(500),
    };
    first.start().await.unwrap();
    let a = first
        .listen_as_team(address.clone(), ana, quick)
        .await
        .unwrap();
    // Subscribed only once the source is held (polled): the first subscriber still hears that
    // gain, so `earshot watch --team` names every source it listens for.
    tokio::time::timeout(common::PATIENCE, async {
        while a.held().is_empty() {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
    })
    .await
    .expect("the first desktop gains the source");
    let mut a_changes = a.changes();
    assert_eq!(gained(&mut a_changes).await, format!("source:{source}"));
    assert_eq!(a.held(), vec![source], "the first desktop listens");
    second.start().await.unwrap();
    let b = second
        .listen_as_team(address.clone(), ben, quick)
        .await
        .unwrap();
    let mut b_changes = b.changes();
    assert!(b.held().is_empty(), "not while the first desktop holds it");
    assert_eq!(
        lease::listeners(&db).await.unwrap()[0].name,
        "Ana",
        "Settings can say who listens"
    );
    a.stop().await;
    assert_eq!(gained(&mut b_changes).await, format!("source:{source}"));
    assert_eq!(b.held(), vec![source], "the second desktop took it over");
    b.stop().await;
    first.shutdown();
    second.shutdown();
    setup.shutdown();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_one_desktop_stores_or_changes_reaches_the_others_window_as_engine_events() {
    let Some(address) = common::postgres::fresh("live").await else {
        return;
    };
    let (setup, _d0, _db, [ana, ben], source_id) = team_of_two(&address).await;
    let (first, _d1) = member_desktop(&address, Some(ana)).await;
    let bens_screen = Arc::new(common::Recorder::default());
    let mut bens_popups = bens_screen.listen();
    let (second, _d2) = notifying_desktop(&address, Some(ben), bens_screen.clone()).await;
    for e in [&first, &second] {
        e.set_business(Business {
            name: "Brightside Coffee".into(),
            ..Business::default()
        })
        .await
        .unwrap();
        e.start().await.unwrap();
    }
    let a = first
        .listen_as_team(address.clone(), ana, Timing::default())
        .await
        .unwrap();
    let mut a_changes = a.changes();
    if a.held().is_empty() {
        gained(&mut a_changes).await;
    }
    let b = second
        .listen_as_team(address.clone(), ben, Timing::default())
        .await
        .unwrap();
    let mut heard = second.subscribe();
    let source = first.db().read(move |s| s.source(source_id)).await.unwrap();
    let sent = std::time::Instant::now();
    first
        .ingest(
            &source,
            Batch {
                // Posted a minute ago: a backlog found late raises no popup.
                mentions: vec![common::mention(
                    "1",
                    "Brightside Coffee charged me twice, I want a refund now",
                    0,
                    1_800_000_000 - 60,
                )],
                ..Batch::default()
            },
        )
        .await
        .unwrap();
    let added = common::wait_for(
        &mut heard,
        "the new mention on the other desktop",
        |e| match e {
            EngineEvent::MentionsAdded { mentions } => Some(mentions.clone()),
            _ => None,
        },
    )
    .await;
    eprintln!(
        "stored on one desktop → event on the other: {:?}",
        sent.elapsed()
    );
    assert_eq!(added.len(), 1);
    assert!(added[0].text.contains("charged me twice"));
    let id = added[0].id;
    let popup = tokio::time::timeout(common::PATIENCE, bens_popups.recv())
        .await
        .expect("the other desktop notifies in time")
        .expect("a notification");
    assert_eq!(
        popup.mention_id, id,
        "everyone on duty hears of it, whichever desktop stored it"
    );
    first
        .db()
        .write(move |s| s.set_status(id, Status::Done, 20))
        .await
        .unwrap();
    let updated = common::wait_for(&mut heard, "the change on the other desktop", |e| match e {
        EngineEvent::MentionUpdated { mention } if mention.id == id => Some(mention.status),
        _ => None,
    })
    .await;
    assert_eq!(updated, Status::Done);
    let badges = common::wait_for(&mut heard, "the other desktop's badges", |e| match e {
        EngineEvent::Counts { counts } if counts.done == 1 => Some(counts.clone()),
        _ => None,
    })
    .await;
    assert_eq!(badges.unread_urgent, 0, "the tray's number follows");
    a.stop().await;
    b.stop().await;
    for e in [first, second, setup] {
        e.shutdown();
    }
}

/// A network login stays in the keychain of the person who logged in: a desktop without it
/// leaves that source to one that has it, and listens for the rest.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_logged_in_source_is_listened_for_only_where_its_login_is() {
    use earshot_core::secrets::{key_for, MemorySecrets, Secrets};
    let Some(address) = common::postgres::fresh("logins_stay").await else {
        return;
    };
    let (setup, _d0, db, [ana, ben], feed) = team_of_two(&address).await;
    let spec = SourceSpec {
        base_url: Some("http://127.0.0.1:9".into()),
        account: Some("cafe@127.0.0.1".into()),
        interval_secs: Some(3600),
        ..SourceSpec::new(SourceKind::Mastodon, "Mastodon")
    };
    let masto = setup
        .db()
        .write(move |s| s.upsert_source(&spec, 1))
        .await
        .unwrap();
    let (first, _d1) = member_desktop(&address, Some(ana)).await;
    let bens = Secrets::new(MemorySecrets::new());
    bens.set(
        &key_for(SourceKind::Mastodon, "cafe@127.0.0.1"),
        "token".into(),
    )
    .await
    .unwrap();
    let (bens_db, _d2) = common::postgres::team_store(&address, Some(ben)).await;
    let second = Engine::with_secrets(bens_db, Arc::new(Silent), Clock::system(), bens);

    first.start().await.unwrap();
    let a = first
        .listen_as_team(address.clone(), ana, Timing::default())
        .await
        .unwrap();
    let mut a_changes = a.changes();
    if a.held().is_empty() {
        assert_eq!(gained(&mut a_changes).await, format!("source:{feed}"));
    }
    second.start().await.unwrap();
    let b = second
        .listen_as_team(address.clone(), ben, Timing::default())
        .await
        .unwrap();
    let mut b_changes = b.changes();
    if b.held().is_empty() {
        assert_eq!(gained(&mut b_changes).await, format!("source:{masto}"));
    }
    assert_eq!(b.held(), vec![masto], "Ben has the login");
    assert_eq!(a.held(), vec![feed], "Ana listens for the feed only");
    let who: Vec<(String, String)> = lease::listeners(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|l| (l.source, l.name))
        .collect();
    assert_eq!(
        who,
        vec![
            (format!("source:{feed}"), "Ana".to_string()),
            (format!("source:{masto}"), "Ben".to_string())
        ]
    );
    // "Ana is replying…": what one desktop says reaches the other's window, and not its own.
    let mut bens_events = second.subscribe();
    let mut anas_events = first.subscribe();
    a.composing(42, true, "Ana").await.unwrap();
    let heard = tokio::time::timeout(common::PATIENCE, async {
        loop {
            if let Ok(EngineEvent::Composing {
                mention_id,
                who,
                open,
            }) = bens_events.recv().await
            {
                return (mention_id, who, open);
            }
        }
    })
    .await
    .expect("Ben's window hears that Ana is replying");
    assert_eq!(heard, (42, "Ana".to_string(), true));
    assert!(
        !std::iter::from_fn(|| anas_events.try_recv().ok())
            .any(|e| matches!(e, EngineEvent::Composing { .. })),
        "a desktop does not tell itself"
    );
    // Work is given to the team's members, not to names typed in Settings.
    assert_eq!(first.helpers().await.unwrap(), vec!["Ana", "Ben"]);
    let e = first.set_helpers(vec!["Zoe".into()]).await.unwrap_err();
    assert!(e.to_string().contains("members"), "{e}");
    a.stop().await;
    b.stop().await;
    first.shutdown();
    second.shutdown();
    setup.shutdown();
}
