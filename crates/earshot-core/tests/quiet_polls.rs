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
