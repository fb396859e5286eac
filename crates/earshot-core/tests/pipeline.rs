//! The whole spine against the simulator: sources → match → triage → store → events.

use std::sync::Arc;

use earshot_core::alerts::Silent;
use earshot_core::clock::Clock;
use earshot_core::config::Config;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::Health;
use earshot_core::store::db::Db;
use earshot_core::store::MentionQuery;
use earshot_sim::{Reveal, Sim, SimOptions};
use tokio::sync::broadcast::Receiver;

mod common;
use common::wait_for;

async fn sources_ok(engine: &Engine, rx: &mut Receiver<EngineEvent>, n: usize) {
    let mut ok = std::collections::HashSet::new();
    while ok.len() < n {
        if let EngineEvent::SourceHealth { source_id, health } =
            wait_for(rx, "all sources healthy", |e| {
                matches!(e, EngineEvent::SourceHealth { .. }).then(|| e.clone())
            })
            .await
        {
            match health {
                Health::Ok { .. } => {
                    ok.insert(source_id);
                }
                other => panic!(
                    "source {source_id} unhealthy: {other:?} ({:?})",
                    engine.sources().await.unwrap()
                ),
            }
        }
    }
}

async fn engine_on(dir: &std::path::Path, sim: &Sim) -> (Engine, Receiver<EngineEvent>) {
    engine_on_clock(dir, sim, Clock::system()).await
}

/// The same, on the given clock.
async fn engine_on_clock(
    dir: &std::path::Path,
    sim: &Sim,
    clock: Clock,
) -> (Engine, Receiver<EngineEvent>) {
    let engine = Engine::new(Db::open(dir).unwrap(), Arc::new(Silent), clock);
    let mut cfg = Config::parse(&sim.config_toml()).unwrap();
    // The polled sources (Hacker News, RSS); the streamed ones have their own tests (live_*.rs).
    cfg.sources.retain(|s| {
        matches!(
            s.kind,
            earshot_core::model::SourceKind::Hackernews | earshot_core::model::SourceKind::Rss
        )
    });
    engine.apply_config(&cfg).await.unwrap();
    let rx = engine.subscribe();
    engine.start().await.unwrap();
    (engine, rx)
}

/// A simulator serving eight posts at once.
async fn all_at_once() -> Sim {
    Sim::start(SimOptions {
        reveal: Reveal::All,
        count: Some(8),
        ..SimOptions::default()
    })
    .await
    .unwrap()
}

/// A simulator serving everything at once and an engine whose three sources have all polled it.
async fn healthy_engine() -> (Sim, tempfile::TempDir, Engine, Receiver<EngineEvent>) {
    let sim = all_at_once().await;
    let dir = tempfile::tempdir().unwrap();
    let (engine, mut rx) = engine_on(dir.path(), &sim).await;
    sources_ok(&engine, &mut rx, 3).await;
    (sim, dir, engine, rx)
}

async fn all_mentions(engine: &Engine) -> Vec<earshot_core::model::Mention> {
    let q = MentionQuery {
        limit: Some(500),
        ..Default::default()
    };
    engine.list(q).await.unwrap().mentions
}

async fn total(engine: &Engine) -> u32 {
    engine.counts().await.unwrap().total
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_channels_deliver_matched_triaged_mentions_urgent_first() {
    let (_sim, _dir, engine, _rx) = healthy_engine().await;
    let page = engine.list(MentionQuery::default()).await.unwrap();
    let channels: std::collections::HashSet<_> = page.mentions.iter().map(|m| m.channel).collect();
    assert_eq!(channels.len(), 2, "Hacker News and RSS both delivered");
    let top = &page.mentions[0];
    assert_eq!(
        top.author.handle,
        "kestrel",
        "the angry high-karma complaint ranks first: {:?}",
        page.mentions
            .iter()
            .map(|m| (&m.author.handle, m.triage.urgency))
            .collect::<Vec<_>>()
    );
    assert!(
        top.triage.reasons.iter().any(|r| r.contains("refund")),
        "{:?}",
        top.triage.reasons
    );
    assert_eq!(
        top.author.karma,
        Some(48_200),
        "karma fetched from the users endpoint"
    );
    assert!(
        !page
            .mentions
            .iter()
            .any(|m| m.author.handle == "kernelhacker"),
        "'brightside of life' is excluded"
    );
    let hostile = page
        .mentions
        .iter()
        .find(|m| m.author.handle == "xss_tester")
        .expect("the hostile post is stored");
    assert!(
        hostile
            .text
            .contains("<script>window.__earshotPwned = 1</script>"),
        "escaped markup is literal text: {}",
        hostile.text
    );
    let html = hostile.html.as_deref().unwrap_or("");
    assert!(
        html.contains("<img src=\"x\">"),
        "the raw tag survives only without its handler: {html}"
    );
    assert!(
        !html.contains("__earshotPwned = 3") && !html.contains("<script"),
        "raw markup sanitised: {html}"
    );
    engine.shutdown();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_resumes_from_the_saved_cursor_without_refetching_or_duplicating() {
    let (sim, dir, engine, _rx) = healthy_engine().await;
    let before = total(&engine).await;
    let cursor = engine
        .sources()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.spec.name.starts_with("Hacker"))
        .unwrap()
        .cursor
        .expect("cursor saved");
    let since: serde_json::Value = serde_json::from_str(&cursor).unwrap();
    engine.shutdown();
    drop(engine);

    let (engine, mut rx) = engine_on(dir.path(), &sim).await;
    sources_ok(&engine, &mut rx, 3).await;
    assert_eq!(total(&engine).await, before, "nothing stored twice");
    let requests: Vec<earshot_sim::RequestRecord> =
        reqwest::get(format!("{}/_sim/requests", sim.base_url))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    let last_search = requests
        .iter()
        .rev()
        .find(|r| r.path.ends_with("search_by_date"))
        .unwrap();
    let expected = format!("created_at_i%3E%3D{}", since["created_at_i"]);
    assert!(
        last_search.query.contains(&expected),
        "resumed from the cursor: {} lacks {expected}",
        last_search.query
    );
    let feed_hits = requests
        .iter()
        .filter(|r| r.path == "/rss/reviews.xml")
        .count();
    assert_eq!(feed_hits, 2, "one fetch per run");
    engine.shutdown();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_source_sending_garbage_goes_to_error_while_the_others_keep_delivering() {
    let (sim, _dir, engine, mut rx) = healthy_engine().await;
    let before = all_mentions(&engine).await;

    let client = reqwest::Client::new();
    for target in ["hn", "alerts"] {
        let kind = if target == "hn" {
            "malformed"
        } else {
            "truncated"
        };
        let r = client
            .post(format!(
                "{}/_sim/fault?target={target}&kind={kind}",
                sim.base_url
            ))
            .send()
            .await
            .unwrap();
        assert!(
            r.status().is_success(),
            "the simulator took the injected post"
        );
    }
    engine.poll_now();
    let mut errors = std::collections::HashMap::new();
    let mut reviews_ok = false;
    while errors.len() < 2 || !reviews_ok {
        if let EngineEvent::SourceHealth { source_id, health } =
            wait_for(&mut rx, "errors and a healthy source", |e| {
                matches!(e, EngineEvent::SourceHealth { .. }).then(|| e.clone())
            })
            .await
        {
            match health {
                Health::Error { reason, .. } => {
                    errors.insert(source_id, reason);
                }
                Health::Ok { .. } => reviews_ok = true,
                _ => {}
            }
        }
    }
    assert!(
        errors.values().all(|r| r.contains("malformed")),
        "reasons say what went wrong: {errors:?}"
    );
    let sources = engine.sources().await.unwrap();
    let healthy: Vec<_> = sources
        .iter()
        .filter(|s| matches!(s.health, Health::Ok { .. }))
        .map(|s| s.spec.name.as_str())
        .collect();
    assert_eq!(
        healthy,
        vec!["Reviews (simulated)"],
        "the other source keeps running"
    );
    let after = all_mentions(&engine).await;
    assert_eq!(after, before, "stored mentions untouched");
    engine.shutdown();
}

/// Each source's time and detail, every one of them healthy.
fn oks(sources: Vec<earshot_core::model::Source>) -> Vec<(i64, String)> {
    sources
        .into_iter()
        .map(|s| match s.health {
            Health::Ok { at, detail, .. } => (at, detail.unwrap_or_default()),
            other => panic!("{}: {other:?}", s.spec.name),
        })
        .collect()
}

/// Where the clock of the quiet-poll tests starts; they move it by hand.
const START: i64 = 1_800_000_000;

/// A simulator serving everything at once, an engine on a clock the test moves (at [`START`]),
/// and its three sources' first polls done.
async fn healthy_on_manual_clock() -> (
    Sim,
    tempfile::TempDir,
    Arc<std::sync::atomic::AtomicI64>,
    Engine,
    Receiver<EngineEvent>,
) {
    let sim = all_at_once().await;
    let dir = tempfile::tempdir().unwrap();
    let now = Arc::new(std::sync::atomic::AtomicI64::new(START));
    let (engine, mut rx) = engine_on_clock(dir.path(), &sim, Clock::manual(now.clone())).await;
    sources_ok(&engine, &mut rx, 3).await;
    (sim, dir, now, engine, rx)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quiet_poll_shows_its_time_at_once_and_saves_the_same_news_every_ten_minutes() {
    use std::sync::atomic::Ordering;
    let (_sim, _dir, now, engine, mut rx) = healthy_on_manual_clock().await;
    let start = START;
    let ok_at = |sources| {
        oks(sources)
            .into_iter()
            .map(|(at, _)| at)
            .collect::<Vec<_>>()
    };
    let saved = || async { ok_at(engine.db().read(|s| s.sources()).await.unwrap()) };
    assert_eq!(saved().await, vec![start; 3], "the first news is saved");

    // Two minutes on, every source polls and finds nothing new.
    now.store(start + 120, Ordering::SeqCst);
    engine.poll_now();
    sources_ok(&engine, &mut rx, 3).await;
    assert_eq!(
        ok_at(engine.sources().await.unwrap()),
        vec![start + 120; 3],
        "the owner sees the latest poll's time"
    );
    assert_eq!(
        saved().await,
        vec![start; 3],
        "the same news is not written again at every poll"
    );

    // Ten minutes after it was saved, the same news is saved again with its new time.
    now.store(start + 600, Ordering::SeqCst);
    engine.poll_now();
    sources_ok(&engine, &mut rx, 3).await;
    assert_eq!(
        saved().await,
        vec![start + 600; 3],
        "saved again after ten minutes"
    );
    engine.shutdown();
}

#[tokio::test]
async fn a_source_that_finds_nothing_for_a_quarter_of_an_hour_polls_half_as_often_and_says_so() {
    use std::sync::atomic::Ordering;
    let (_sim, _dir, now, engine, mut rx) = healthy_on_manual_clock().await;
    let start = START;
    let details = |sources| oks(sources).into_iter().map(|(_, d)| d).collect::<Vec<_>>();
    // Fourteen minutes of nothing new: the owner's pace.
    now.store(start + 14 * 60, Ordering::SeqCst);
    engine.poll_now();
    sources_ok(&engine, &mut rx, 3).await;
    for d in details(engine.sources().await.unwrap()) {
        assert!(!d.contains("checking every"), "not quiet yet: {d:?}");
    }
    // Fifteen: every source waits twice its interval (the demo's 5 s), and its health says so.
    now.store(start + 15 * 60, Ordering::SeqCst);
    engine.poll_now();
    sources_ok(&engine, &mut rx, 3).await;
    let shown = details(engine.sources().await.unwrap());
    for d in &shown {
        assert!(
            d.ends_with("nothing new for over 15 min: checking every 10 s instead of 5 s"),
            "{d:?}"
        );
    }
    // A change of pace is news: saved, not only shown.
    let saved = details(engine.db().read(|s| s.sources()).await.unwrap());
    assert_eq!(saved, shown);
    engine.shutdown();
}

#[tokio::test]
async fn a_business_needs_a_name_of_a_sensible_length_said_in_plain_words() {
    use earshot_core::error::ErrorCode;
    use earshot_core::model::Business;
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::new(
        Db::open(dir.path()).unwrap(),
        Arc::new(Silent),
        Clock::system(),
    );
    let named = |name: &str| Business {
        name: name.into(),
        ..Business::default()
    };
    let empty = engine.set_business(named("   ")).await.unwrap_err();
    assert_eq!(empty.code(), ErrorCode::Invalid);
    assert!(
        empty.to_string().starts_with("Your business needs a name"),
        "words for the owner, not 'invalid input: …': {empty}"
    );
    let long = engine
        .set_business(named(&"B".repeat(400)))
        .await
        .unwrap_err();
    assert!(long.to_string().contains("400 characters"), "{long}");
    engine
        .set_business(named("  Brightside Coffee "))
        .await
        .unwrap();
    assert_eq!(
        engine
            .db()
            .read(|s| s.business())
            .await
            .unwrap()
            .unwrap()
            .name,
        "Brightside Coffee",
        "kept without the spaces around it"
    );
}
