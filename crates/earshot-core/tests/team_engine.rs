//! The engine on the team database: two desktops' engines on one PostgreSQL store. What one
//! ingests (matched, triaged, stored with its cursor) the other lists; what the other does to
//! it, the first sees.

mod common;

use std::sync::atomic::AtomicI64;
use std::sync::Arc;

use earshot_core::alerts::Silent;
use earshot_core::channels::Batch;
use earshot_core::clock::Clock;
use earshot_core::engine::Engine;
use earshot_core::model::{Business, SourceKind, SourceSpec, Status};
use earshot_core::store::db::Db;
use earshot_core::store::MentionQuery;

async fn desktop(address: &earshot_core::team::TeamAddress) -> (Engine, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let (a, d) = (address.clone(), dir.path().to_path_buf());
    let db = tokio::task::spawn_blocking(move || Db::open_team(&a, None, &d))
        .await
        .unwrap()
        .unwrap();
    assert!(db.is_team());
    let clock = Clock::manual(Arc::new(AtomicI64::new(1_800_000_000)));
    (Engine::new(db, Arc::new(Silent), clock), dir)
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
