//! Faults from the network, injected by the simulator: for each, nothing is lost, nothing is
//! stored or announced twice, the source's health says what happened, Retry-After is honoured,
//! backoff is bounded, the source recovers on its own once the fault clears, and a refused login
//! waits for the owner instead of retrying forever.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::time::Duration;

use earshot_core::clock::Clock;
use earshot_core::config::Config;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::{Health, SourceKind};
use earshot_core::store::db::Db;
use earshot_core::store::MentionQuery;
use earshot_sim::{Fault, FaultSpec, Net, Reveal, Sim, SimOptions};
use tokio::sync::broadcast::Receiver;

mod common;
use common::{wait_for, Recorder};

const SEED: u64 = 11;
/// Over a page of Mastodon's tag timeline (40), so paging faults have pages to spoil.
const COUNT: usize = 45;
const POLLED: [&str; 3] = ["hn", "alerts", "reviews"];

/// Waits until every source in `names` has reported a health for which `pred` holds.
async fn health_of(
    engine: &Engine,
    rx: &mut Receiver<EngineEvent>,
    names: &[&str],
    what: &str,
    pred: impl Fn(&Health) -> bool,
) -> HashMap<String, Health> {
    let ids: HashMap<i64, String> = engine
        .sources()
        .await
        .unwrap()
        .into_iter()
        .filter(|s| names.contains(&s.spec.name.as_str()))
        .map(|s| (s.id, s.spec.name))
        .collect();
    assert_eq!(ids.len(), names.len(), "sources {names:?} exist");
    let mut seen = HashMap::new();
    while seen.len() < ids.len() {
        let (id, h) = wait_for(rx, what, |e| match e {
            EngineEvent::SourceHealth { source_id, health } if ids.contains_key(source_id) => {
                Some((*source_id, health.clone()))
            }
            _ => None,
        })
        .await;
        if pred(&h) {
            seen.insert(ids[&id].clone(), h);
        }
    }
    seen
}

struct Rig {
    sim: Sim,
    engine: Engine,
    rx: Receiver<EngineEvent>,
    alerts: Arc<Recorder>,
    _dir: tempfile::TempDir,
}

fn name(target: &str) -> &'static str {
    match target {
        "hn" => "Hacker News (simulated)",
        "alerts" => "Google Alert (simulated)",
        "reviews" => "Reviews (simulated)",
        "mastodon" => "Mastodon (simulated)",
        _ => "Bluesky (simulated)",
    }
}

/// A simulator with `faults` already in force and an engine on `kinds` of its sources.
async fn rig(kinds: &[SourceKind], faults: &[(&str, FaultSpec)], timeout: Option<u64>) -> Rig {
    let sim = Sim::start(SimOptions {
        seed: SEED,
        count: Some(COUNT),
        reveal: Reveal::All,
        ..SimOptions::default()
    })
    .await
    .unwrap();
    // Stream faults need streams: the simulated Mastodon streams without a login here, as
    // instances before 4.2 did.
    sim.social.allow_anonymous_streaming(true);
    for (t, f) in faults {
        sim.faults.set(t, *f).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let alerts = Arc::new(Recorder::default());
    let mut engine = Engine::new(
        Db::open(dir.path()).unwrap(),
        alerts.clone(),
        Clock::system(),
    );
    if let Some(ms) = timeout {
        engine = engine.with_http_timeout(Duration::from_millis(ms));
    }
    let mut cfg = Config::parse(&sim.config_toml()).unwrap();
    cfg.sources.retain(|s| kinds.contains(&s.kind));
    cfg.alerts.burst_max = 10_000;
    cfg.alerts.urgent_burst_max = 10_000;
    engine.apply_config(&cfg).await.unwrap();
    let rx = engine.subscribe();
    engine.start().await.unwrap();
    Rig {
        sim,
        engine,
        rx,
        alerts,
        _dir: dir,
    }
}

/// Every stored (channel, external id), asserting none is stored twice.
async fn stored(engine: &Engine) -> BTreeSet<(String, String)> {
    let all = engine
        .list(MentionQuery {
            limit: Some(1_000),
            ..Default::default()
        })
        .await
        .unwrap()
        .mentions;
    let keys: Vec<_> = all
        .iter()
        .map(|m| (m.channel.as_str().to_string(), m.external_id.clone()))
        .collect();
    let set: BTreeSet<_> = keys.iter().cloned().collect();
    assert_eq!(set.len(), keys.len(), "no mention stored twice");
    set
}

/// What the polled sources must end up storing: every scripted post but the excluded one.
fn polled_truth() -> BTreeSet<(String, String)> {
    earshot_sim::polled_truth(SEED, Some(COUNT))
}

fn no_double_alerts(alerts: &Recorder) {
    let ids = alerts.mention_ids();
    let set: BTreeSet<_> = ids.iter().collect();
    assert_eq!(set.len(), ids.len(), "no mention announced twice: {ids:?}");
}

/// The polled sources start under `fault`; their health says so (or stays ok for faults that
/// only reshape the data), and once it clears everything is stored exactly once.
async fn polled_sources_survive(fault: Fault, says: &str) {
    // Slow answers come within the client's timeout; hung ones never do.
    let spec = FaultSpec {
        delay_ms: Some(if fault == Fault::Timeout { 5_000 } else { 300 }),
        ..FaultSpec::new(fault)
    };
    let faults: Vec<_> = POLLED.iter().map(|t| (*t, spec)).collect();
    // A 1.5 s client timeout turns `timeout` (hangs) into a timed-out request quickly.
    let mut r = rig(
        &[SourceKind::Hackernews, SourceKind::Rss],
        &faults,
        Some(1_500),
    )
    .await;
    let names: Vec<&str> = POLLED.iter().map(|t| name(t)).collect();
    let reshaping = matches!(
        fault,
        Fault::Duplicate | Fault::OutOfOrder | Fault::RepeatPages | Fault::Slow
    );
    if reshaping {
        health_of(&r.engine, &mut r.rx, &names, "ok", |h| {
            matches!(h, Health::Ok { .. })
        })
        .await;
    } else {
        let seen = health_of(&r.engine, &mut r.rx, &names, "the fault reported", |h| {
            !matches!(h, Health::Ok { .. } | Health::Idle)
        })
        .await;
        for (source, h) in &seen {
            let text = match h {
                Health::Error { reason, .. } => reason.clone(),
                Health::NeedsLogin { reason, .. } => format!("log in: {reason}"),
                Health::RateLimited { .. } => "rate limited".into(),
                other => format!("{other:?}"),
            };
            assert!(
                text.to_lowercase().contains(says),
                "{fault:?}: {source} says \"{text}\", not \"{says}\""
            );
        }
        assert!(
            stored(&r.engine).await.is_empty(),
            "{fault:?}: nothing half-stored"
        );
        for t in POLLED {
            r.sim.faults.set(t, FaultSpec::new(Fault::None)).unwrap();
        }
        // A refused login waits for the owner; the others retry on their own (poll_now only
        // shortens the wait).
        r.engine.poll_now();
        health_of(&r.engine, &mut r.rx, &names, "recovered", |h| {
            matches!(h, Health::Ok { .. })
        })
        .await;
    }
    assert_eq!(
        stored(&r.engine).await,
        polled_truth(),
        "{fault:?}: all stored, once each"
    );
    no_double_alerts(&r.alerts);
    r.engine.shutdown();
}

macro_rules! polled {
    ($($test:ident: $fault:expr => $says:expr,)*) => {$(
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $test() {
            polled_sources_survive($fault, $says).await;
        }
    )*};
}

polled! {
    polled_malformed_bodies: Fault::Malformed => "malformed",
    polled_truncated_bodies: Fault::Truncated => "malformed",
    polled_server_errors: Fault::ServerError => "http 500",
    polled_bad_gateways: Fault::BadGateway => "http 502",
    polled_unavailable: Fault::Unavailable => "rate limited",
    polled_timeouts: Fault::Timeout => "timed out",
    polled_expired_logins: Fault::Unauthorized => "log in",
    polled_duplicates: Fault::Duplicate => "",
    polled_out_of_order: Fault::OutOfOrder => "",
    polled_repeating_pages: Fault::RepeatPages => "",
    polled_slow_bodies: Fault::Slow => "",
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_after_is_honoured_capped_and_a_server_error_backs_off() {
    let limited = FaultSpec {
        retry_after: Some(2),
        times: Some(1),
        ..FaultSpec::new(Fault::RateLimit)
    };
    let greedy = FaultSpec {
        retry_after: Some(86_400),
        ..FaultSpec::new(Fault::RateLimit)
    };
    let broken = FaultSpec {
        times: Some(2),
        ..FaultSpec::new(Fault::ServerError)
    };
    let mut r = rig(
        &[SourceKind::Hackernews, SourceKind::Rss],
        &[("hn", limited), ("alerts", greedy), ("reviews", broken)],
        None,
    )
    .await;
    let started = Clock::system().now();
    // The greedy server asked for a day: Earshot waits at most its backoff cap (15 minutes).
    let h = health_of(
        &r.engine,
        &mut r.rx,
        &[name("alerts")],
        "rate limited",
        |h| matches!(h, Health::RateLimited { .. }),
    )
    .await;
    let Some(Health::RateLimited { until }) = h.values().next().cloned() else {
        unreachable!()
    };
    assert!(
        until - started <= 15 * 60 + 2,
        "capped: {}",
        until - started
    );
    assert!(
        until - started >= 15 * 60 - 2,
        "but still waited long: {}",
        until - started
    );
    // Hacker News comes back after its Retry-After, the reviews after two backed-off retries.
    health_of(
        &r.engine,
        &mut r.rx,
        &[name("hn"), name("reviews")],
        "recovered",
        |h| matches!(h, Health::Ok { .. }),
    )
    .await;
    let reqs = r.sim.faults.requests();
    let times = |target: &str| -> Vec<u128> {
        reqs.iter()
            .filter(|q| {
                // Hacker News' user lookups are not polls.
                q.target == target && (target != "hn" || q.path.ends_with("search_by_date"))
            })
            .map(|q| q.at_ms)
            .collect()
    };
    let hn = times("hn");
    assert!(hn.len() >= 2, "{hn:?}");
    assert!(
        hn[1] - hn[0] >= 2_000,
        "the retry came {} ms after the 429, which asked for 2 s",
        hn[1] - hn[0]
    );
    let rv = times("reviews");
    assert!(rv.len() >= 3, "{rv:?}");
    for w in rv.windows(2).take(2) {
        let gap = w[1] - w[0];
        // Backoff: 5 s doubling, jittered over the upper half, so 2.5–5 s, then 5–10 s.
        assert!(
            (2_400..=10_500).contains(&gap),
            "backoff gap {gap} ms is bounded"
        );
    }
    // The greedy source made one request and is waiting, not hammering.
    assert_eq!(times("alerts").len(), 1);
    let mut want = polled_truth();
    want.retain(|(ch, id)| ch == "hackernews" || id.starts_with("review"));
    assert_eq!(stored(&r.engine).await, want, "every post of the sources that recovered is stored once, the faulty feed's too once it answered");
    r.engine.shutdown();
}

/// Posts `n` posts on each network through the simulator and returns their keys.
fn inject(sim: &Sim, n: usize, tag: &str) -> BTreeSet<(String, String)> {
    let mut keys = BTreeSet::new();
    for i in 0..n {
        let m = sim.social.inject(
            Net::Mastodon,
            &format!("guest{tag}{i}"),
            &format!("{tag} {i}: the oat flat white at Brightside was cold #brightsidecoffee"),
            40,
            false,
        );
        keys.insert(("mastodon".to_string(), m.external_id()));
        let b = sim.social.inject(
            Net::Bluesky,
            &format!("guest{tag}{i}.bsky.social"),
            &format!("{tag} {i}: queued 20 minutes at Brightside Coffee today"),
            40,
            false,
        );
        keys.insert(("bluesky".to_string(), b.external_id()));
    }
    keys
}

/// Waits until every key in `want` is stored (MentionsAdded events drive the wait).
async fn until_stored(r: &mut Rig, want: &BTreeSet<(String, String)>, what: &str) {
    loop {
        let have = stored(&r.engine).await;
        if want.is_subset(&have) {
            return;
        }
        wait_for(&mut r.rx, what, |e| {
            matches!(e, EngineEvent::MentionsAdded { .. }).then_some(())
        })
        .await;
    }
}

/// The streams under a fault: posts made while it lasts all arrive once it clears, once each,
/// and are announced once each.
async fn streams_survive(fault: Fault) {
    let mut r = rig(&[SourceKind::Mastodon, SourceKind::Bluesky], &[], None).await;
    // Both have caught up and are listening (the first batch comes after the catch-up).
    health_of(
        &r.engine,
        &mut r.rx,
        &[name("mastodon"), name("bluesky")],
        "both streams listening",
        |h| matches!(h, Health::Ok { .. }),
    )
    .await;
    r.sim.social.wait_streams(Net::Mastodon, 1).await;
    r.sim.social.wait_streams(Net::Bluesky, 1).await;
    let mut want = inject(&r.sim, 2, "before");
    until_stored(&mut r, &want, "the posts before the fault").await;
    for t in ["mastodon", "bluesky"] {
        // Setting a fault drops the open streams; the reconnections meet it.
        r.sim.faults.set(t, FaultSpec::new(fault)).unwrap();
    }
    let reshaping = matches!(fault, Fault::Duplicate | Fault::OutOfOrder);
    if reshaping {
        r.sim.social.wait_streams(Net::Mastodon, 1).await;
        r.sim.social.wait_streams(Net::Bluesky, 1).await;
    }
    want.extend(inject(&r.sim, 3, "during"));
    if reshaping {
        until_stored(&mut r, &want, "the posts during the fault").await;
    }
    for t in ["mastodon", "bluesky"] {
        r.sim.faults.set(t, FaultSpec::new(Fault::None)).unwrap();
    }
    r.engine.poll_now();
    want.extend(inject(&r.sim, 1, "after"));
    until_stored(&mut r, &want, "every post, after the fault").await;
    let mut have = stored(&r.engine).await;
    // The scripted posts of the simulator's opening may be there too; the injected ones must be.
    have.retain(|k| want.contains(k));
    assert_eq!(
        have, want,
        "{fault:?}: every post made during the fault stored once"
    );
    no_double_alerts(&r.alerts);
    r.engine.shutdown();
}

macro_rules! streamed {
    ($($test:ident: $fault:expr,)*) => {$(
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $test() {
            streams_survive($fault).await;
        }
    )*};
}

streamed! {
    streams_cut_mid_message: Fault::StreamCut,
    streams_with_duplicated_events: Fault::Duplicate,
    streams_with_events_out_of_order: Fault::OutOfOrder,
    streams_refused_with_server_errors: Fault::ServerError,
    streams_behind_a_bad_gateway: Fault::BadGateway,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_token_asks_for_a_login_instead_of_retrying_forever() {
    // Hacker News is rate limited for 3 s: its retry is the clock this test watches.
    let limited = FaultSpec {
        retry_after: Some(3),
        times: Some(1),
        ..FaultSpec::new(Fault::RateLimit)
    };
    let refused = FaultSpec::new(Fault::Unauthorized);
    let mut r = rig(
        &[SourceKind::Hackernews, SourceKind::Rss],
        &[("hn", limited), ("alerts", refused)],
        None,
    )
    .await;
    let h = health_of(
        &r.engine,
        &mut r.rx,
        &[name("alerts")],
        "a login asked for",
        |h| matches!(h, Health::NeedsLogin { .. }),
    )
    .await;
    assert!(
        matches!(h.values().next(), Some(Health::NeedsLogin { reason, .. }) if reason.contains("401")),
        "{h:?}"
    );
    health_of(
        &r.engine,
        &mut r.rx,
        &[name("hn")],
        "hn back after 3 s",
        |h| matches!(h, Health::Ok { .. }),
    )
    .await;
    let asked = r
        .sim
        .faults
        .requests()
        .iter()
        .filter(|q| q.target == "alerts")
        .count();
    assert_eq!(
        asked, 1,
        "over 3 s, the refused source asked once and waited"
    );
    let sources = r.engine.sources().await.unwrap();
    let alerts = sources
        .iter()
        .find(|s| s.spec.name == name("alerts"))
        .unwrap();
    assert!(
        matches!(alerts.health, Health::NeedsLogin { .. }),
        "the health shown is still 'log in again': {:?}",
        alerts.health
    );
    // Once the owner has logged in again (here: the fault clears and the owner asks to check),
    // it recovers.
    r.sim
        .faults
        .set("alerts", FaultSpec::new(Fault::None))
        .unwrap();
    r.engine.poll_now();
    health_of(&r.engine, &mut r.rx, &[name("alerts")], "recovered", |h| {
        matches!(h, Health::Ok { .. })
    })
    .await;
    r.engine.shutdown();
}
