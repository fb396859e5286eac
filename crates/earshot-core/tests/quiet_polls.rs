//! A poll that finds nothing new hands the engine nothing: the listings that are read from their
//! newest second inclusively (Hacker News, Reddit — so posts of that same second are not missed)
//! do not deliver that second's posts again, so a quiet poll costs no database lookup (issue 21's
//! wake-ups when idle). A post written after the first read still comes.

use std::collections::BTreeSet;

use earshot_core::channels::{connector_for, http_client, Connector, Context};
use earshot_core::clock::Clock;
use earshot_core::config::Config;
use earshot_core::model::SourceKind;
use earshot_core::secrets::{MemorySecrets, Secrets};
use earshot_sim::{Reveal, Sim, SimOptions};

async fn connector(sim: &Sim, kind: SourceKind) -> Box<dyn Connector> {
    let cfg = Config::parse(&sim.config_toml()).unwrap();
    let spec = cfg.sources.iter().find(|s| s.kind == kind).unwrap().clone();
    let ctx = Context {
        http: http_client(),
        clock: Clock::system(),
        secrets: Secrets::new(MemorySecrets::new()),
    };
    connector_for(&spec, &cfg.business, &ctx).unwrap()
}

fn ids(b: &earshot_core::channels::Batch) -> BTreeSet<String> {
    b.mentions.iter().map(|m| m.external_id.clone()).collect()
}

async fn sim() -> Sim {
    Sim::start(SimOptions {
        reveal: Reveal::All,
        count: Some(2),
        ..SimOptions::default()
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reddit_s_quiet_poll_hands_over_nothing_and_a_new_post_still_comes() {
    let sim = sim().await;
    let mut reddit = connector(&sim, SourceKind::Reddit).await;
    let first = reddit.next_batch(None).await.unwrap();
    assert!(ids(&first).contains("t3_1brpost"), "{:?}", ids(&first));
    // Both subreddits in one request per listing (and the search), not one per subreddit.
    let listings: Vec<String> = sim
        .faults
        .requests()
        .into_iter()
        .map(|r| r.path)
        .filter(|p| p.starts_with("/reddit/r/") || p.starts_with("/reddit/search"))
        .collect();
    assert_eq!(
        listings,
        [
            "/reddit/r/Portland+Coffee/new.json",
            "/reddit/r/Portland+Coffee/comments.json",
            "/reddit/search.json"
        ],
        "one request per listing"
    );
    let again = reddit.next_batch(first.cursor.as_deref()).await.unwrap();
    assert!(again.mentions.is_empty(), "re-delivered: {:?}", ids(&again));
    let fresh = sim
        .social
        .inject_reddit(&earshot_sim::reddit::InjectReddit {
            kind: Some("t3".into()),
            handle: Some("late_larry".into()),
            title: Some("Brightside Coffee on Division".into()),
            text: "Brightside Coffee opened late today".into(),
            subreddit: Some("Portland".into()),
            parent: None,
            inbox: None,
            raw: None,
        });
    let fresh = format!("{}_{}", fresh.kind, fresh.id);
    let third = reddit.next_batch(again.cursor.as_deref()).await.unwrap();
    assert_eq!(ids(&third), BTreeSet::from([fresh]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hacker_news_s_quiet_poll_hands_over_nothing() {
    let sim = sim().await;
    let mut hn = connector(&sim, SourceKind::Hackernews).await;
    let first = hn.next_batch(None).await.unwrap();
    assert!(
        !first.mentions.is_empty(),
        "the scripted comments come first"
    );
    let again = hn.next_batch(first.cursor.as_deref()).await.unwrap();
    assert!(again.mentions.is_empty(), "re-delivered: {:?}", ids(&again));
    // An old cursor (without the ids) still reads: the newest second comes once more.
    let old = serde_json::json!({
        "created_at_i": serde_json::from_str::<serde_json::Value>(first.cursor.as_deref().unwrap())
            .unwrap()["created_at_i"]
    })
    .to_string();
    let from_old = hn.next_batch(Some(&old)).await.unwrap();
    assert!(!from_old.mentions.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reddit_cursor_from_one_request_per_subreddit_carries_over() {
    // Saved before the subreddits were read together: the combined listing starts from the
    // older of the two, so nothing between is missed, and the old keys go.
    let sim = sim().await;
    let mut reddit = connector(&sim, SourceKind::Reddit).await;
    let old = serde_json::json!({"newest": {
        "/r/Portland/new": 0, "/r/Coffee/new": 0, "/r/Portland/comments": 0, "/r/Coffee/comments": 0
    }})
    .to_string();
    let got = reddit.next_batch(Some(&old)).await.unwrap();
    assert!(ids(&got).contains("t3_1brpost"), "{:?}", ids(&got));
    let cursor: serde_json::Value = serde_json::from_str(got.cursor.as_deref().unwrap()).unwrap();
    let keys: Vec<&String> = cursor["newest"].as_object().unwrap().keys().collect();
    assert!(!keys.iter().any(|k| *k == "/r/Portland/new"), "{keys:?}");
    assert!(
        keys.iter().any(|k| *k == "/r/Portland+Coffee/new"),
        "{keys:?}"
    );
}
