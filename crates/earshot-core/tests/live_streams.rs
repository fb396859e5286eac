//! Mastodon and Bluesky streams against the simulator: into the store and the notifier, gaps that
//! lose nothing, the fallbacks when streaming is refused or needs a login, and reach.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use earshot_core::clock::Clock;
use earshot_core::config::Config;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::{Channel, SourceKind};
use earshot_core::store::db::Db;
use earshot_sim::social::owner_post_uri;
use earshot_sim::Net;

mod common;
use common::live::*;
use common::{wait_for, Recorder};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_streamed_bluesky_post_reaches_the_store_and_the_notifier() {
    let mut s = setup(false).await;
    let mut alerts = s.recorder.listen();
    let post = s.sim.social.inject(
        Net::Bluesky,
        "angry.bsky.social",
        "Brightside Coffee charged me twice and nobody answers. I want a refund now!",
        52_000,
        false,
    );
    let mut seen = HashMap::new();
    let got = wait_added(&mut s.rx, &[post.external_id()], &mut seen).await;
    let m = &got[0];
    assert_eq!(
        m.channel,
        Channel::Bluesky,
        "the post came through the Bluesky stream"
    );
    assert_eq!(
        m.author.handle, "@angry.bsky.social",
        "handle from getProfiles"
    );
    assert_eq!(m.author.followers, Some(52_000), "reach from getProfiles");
    assert_eq!(
        m.remote.cid.as_deref(),
        Some(post.cid().as_str()),
        "the record's CID is kept for a reply's strong ref"
    );
    assert!(m.triage.urgency >= 60, "{:?}", m.triage);
    let stored = s.engine.mention(m.id).await.unwrap();
    assert_eq!(stored.text, post.text, "the stored text is the post's");
    let alert = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            let a = alerts.recv().await.expect("notifier alive");
            if a.mention_id == m.id {
                return a;
            }
        }
    })
    .await
    .expect("the notifier is called for the urgent post");
    assert!(alert.summary.contains("angry.bsky.social"), "{alert:?}");
    // Nothing from the fixture's background noise (likes, other people's posts) was kept: only
    // posts that name the business or answer it.
    let all = s.engine.list(Default::default()).await.unwrap();
    let stray: Vec<_> = all
        .mentions
        .iter()
        .filter(|m| m.channel == Channel::Bluesky)
        .filter(|m| !m.full_text().to_lowercase().contains("brightside") && !m.remote.to_owner)
        .map(|m| m.text.clone())
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_stream_loses_nothing_and_stores_nothing_twice() {
    let mut s = setup(false).await;
    let mut seen = HashMap::new();
    // Both streams are live: a first post on each arrives.
    let b0 = s.sim.social.inject(
        Net::Bluesky,
        "first.bsky.social",
        "Brightside Coffee, first!",
        10,
        false,
    );
    let m0 = s.sim.social.inject(
        Net::Mastodon,
        "first",
        "First at #brightsidecoffee today",
        10,
        false,
    );
    wait_added(&mut s.rx, &[b0.external_id(), m0.external_id()], &mut seen).await;

    // The streams drop and stay down while people keep posting.
    s.sim.social.set_stream(Net::Bluesky, false);
    s.sim.social.set_stream(Net::Mastodon, false);
    s.sim.social.wait_streams(Net::Bluesky, 0).await;
    s.sim.social.wait_streams(Net::Mastodon, 0).await;
    let mut gap = Vec::new();
    for i in 0..3 {
        gap.push(
            s.sim
                .social
                .inject(
                    Net::Bluesky,
                    &format!("gap{i}.bsky.social"),
                    &format!("Brightside Coffee during the gap {i}"),
                    10,
                    false,
                )
                .external_id(),
        );
        gap.push(
            s.sim
                .social
                .inject(
                    Net::Mastodon,
                    &format!("gap{i}"),
                    &format!("During the gap {i} #brightsidecoffee"),
                    10,
                    false,
                )
                .external_id(),
        );
    }
    s.sim.social.set_stream(Net::Bluesky, true);
    s.sim.social.set_stream(Net::Mastodon, true);
    wait_added(&mut s.rx, &gap, &mut seen).await;

    // And after the reconnection, streaming goes on.
    let after = vec![
        s.sim
            .social
            .inject(
                Net::Bluesky,
                "after.bsky.social",
                "Brightside Coffee after the gap",
                10,
                false,
            )
            .external_id(),
        s.sim
            .social
            .inject(
                Net::Mastodon,
                "after",
                "After the gap #brightsidecoffee",
                10,
                false,
            )
            .external_id(),
    ];
    wait_added(&mut s.rx, &after, &mut seen).await;
    for (id, n) in &seen {
        assert_eq!(*n, 1, "{id} announced once");
    }
    let conn = rusqlite::Connection::open(s.dir.join(earshot_core::store::db::DB_FILE)).unwrap();
    for id in gap.iter().chain(&after) {
        let n: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM mentions WHERE external_id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "{id} stored once");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mastodon_streams_over_server_sent_events_when_websockets_are_refused() {
    let mut s = setup_with(true, |sim| sim.social.refuse_mastodon_websocket(true)).await;
    // The logged-in connector's SSE streams (the hashtag and the owner's notifications) are open
    // (the first, logged-out connector's hashtag stream may still be counted).
    s.sim.social.wait_streams_at_least(Net::Mastodon, 2).await;
    let tagged = s.sim.social.inject(
        Net::Mastodon,
        "sse_fan",
        "Over SSE: #brightsidecoffee rocks",
        10,
        false,
    );
    let mention = s.sim.social.inject(
        Net::Mastodon,
        "sse_asker",
        "@brightsidecoffee are you open today?",
        10,
        true,
    );
    let mut seen = HashMap::new();
    let got = wait_added(
        &mut s.rx,
        &[tagged.external_id(), mention.external_id()],
        &mut seen,
    )
    .await;
    assert_eq!(got.len(), 2, "both posts from the gap arrived, once each");
    assert!(got
        .iter()
        .any(|m| m.remote.to_owner && m.author.handle.starts_with("@sse_asker@")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn where_hashtags_need_a_login_a_logged_out_source_reads_the_public_tag_feed() {
    let mut s = setup_with(false, |sim| sim.social.hashtags_need_login(true)).await;
    let p = s.sim.social.inject(
        Net::Mastodon,
        "feedfan",
        "Found via the feed: #brightsidecoffee beans are great",
        10,
        false,
    );
    s.engine.poll_now();
    let mut seen = HashMap::new();
    let m = wait_added(&mut s.rx, &[p.external_id()], &mut seen)
        .await
        .remove(0);
    assert_eq!(
        m.channel,
        Channel::Mastodon,
        "the post came through Mastodon's server-sent events"
    );
    assert!(
        m.author.handle.starts_with("@feedfan@"),
        "{}",
        m.author.handle
    );
    assert!(m.text.contains("Found via the feed"), "{}", m.text);
    let src = s
        .engine
        .sources()
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.spec.kind == SourceKind::Mastodon)
        .unwrap();
    // The poll that stored it reports the source healthy (no stream was needed).
    wait_for(&mut s.rx, "the Mastodon source healthy", |e| match e {
        EngineEvent::SourceHealth { source_id, health } if *source_id == src.id => {
            assert!(
                matches!(health, earshot_core::model::Health::Ok { .. }),
                "{health:?}"
            );
            Some(())
        }
        _ => None,
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_login_replies_to_the_business_are_heard_through_its_resolved_handle() {
    let mut s = setup(false).await;
    // No watch term in it, no @mention: only the reply refs point at the business's post.
    let p = s.sim.social.inject_reply_to_owner(
        "quiet.bsky.social",
        "Will the new place have a drive-through?",
    );
    let mut seen = HashMap::new();
    let m = wait_added(&mut s.rx, &[p.external_id()], &mut seen)
        .await
        .remove(0);
    assert!(m.remote.to_owner, "addressed to the business");
    assert!(
        m.matched_terms.is_empty(),
        "it counts for being addressed, not for a watch term"
    );
    assert_eq!(
        m.reply_to.as_deref(),
        Some(owner_post_uri().as_str()),
        "the thread it belongs to is kept"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_account_a_42_instance_is_polled_steadily_and_streaming_is_not_retried_each_cycle(
) {
    // The simulator's default: Mastodon 4.2+, which streams only to logged-in clients.
    let sim = sim_with(3).await;
    let tmp = tempfile::tempdir().unwrap();
    let engine = Engine::new(
        Db::open(tmp.path()).unwrap(),
        Arc::new(Recorder::default()),
        Clock::system(),
    );
    let mut cfg = Config::parse(&sim.config_toml()).unwrap();
    cfg.sources.retain(|s| s.kind == SourceKind::Mastodon);
    cfg.sources[0].interval_secs = Some(1);
    engine.apply_config(&cfg).await.unwrap();
    let mut rx = engine.subscribe();
    engine.start().await.unwrap();

    // Three posts, each heard by a later poll.
    let mut seen = HashMap::new();
    for i in 0..3 {
        let p = sim.social.inject(
            Net::Mastodon,
            "pollfan",
            &format!("poll {i}: #brightsidecoffee the queue was long"),
            10,
            false,
        );
        wait_added(&mut rx, &[p.external_id()], &mut seen).await;
    }
    let health = engine.sources().await.unwrap()[0].health.clone();
    match health {
        earshot_core::model::Health::Limited { reason, .. } => assert!(
            reason.contains("polling every 1 s") && reason.contains("needs a login"),
            "{reason}"
        ),
        other => panic!("the source says it polls because streaming needs a login: {other:?}"),
    }
    // The refusal is remembered: one WebSocket and one event-stream attempt, not one per poll.
    let requests = sim.faults.requests();
    let polls = requests
        .iter()
        .filter(|r| r.path.ends_with("/api/v1/timelines/tag/brightsidecoffee"))
        .count();
    let ws = requests
        .iter()
        .filter(|r| r.path.ends_with("/api/v1/streaming"))
        .count();
    let sse = requests
        .iter()
        .filter(|r| r.path.ends_with("/api/v1/streaming/hashtag"))
        .count();
    assert!(polls >= 3, "the tag timeline was polled: {polls}");
    assert_eq!(
        (ws, sse),
        (1, 1),
        "streaming tried once, then remembered as refused"
    );
}

#[test]
fn an_author_on_an_instance_with_a_port_keeps_the_port_in_the_handle() {
    let instance = url::Url::parse("http://localhost:3111/").unwrap();
    let host = earshot_core::channels::mastodon::host_with_port(&instance).unwrap();
    assert_eq!(host, "localhost:3111");
    assert_eq!(
        earshot_core::channels::mastodon::full_handle("ann", &host),
        "@ann@localhost:3111"
    );
    let standard = url::Url::parse("https://mastodon.social/").unwrap();
    assert_eq!(
        earshot_core::channels::mastodon::host_with_port(&standard).unwrap(),
        "mastodon.social",
        "the scheme's own port is not written"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follower_counts_are_fetched_again_once_a_profile_is_six_hours_old() {
    let sim = sim_with(0).await;
    let tmp = tempfile::tempdir().unwrap();
    let now = Arc::new(std::sync::atomic::AtomicI64::new(
        chrono::Utc::now().timestamp(),
    ));
    let engine = Engine::new(
        Db::open(tmp.path()).unwrap(),
        Arc::new(Recorder::default()),
        Clock::manual(now.clone()),
    );
    let mut cfg = Config::parse(&sim.config_toml()).unwrap();
    cfg.sources.retain(|s| s.kind == SourceKind::Bluesky);
    engine.apply_config(&cfg).await.unwrap();
    let mut rx = engine.subscribe();
    engine.start().await.unwrap();
    sim.social.wait_streams(Net::Bluesky, 1).await;

    let mut seen = HashMap::new();
    let post = |followers: i64, n: u32| {
        let p = sim.social.inject(
            Net::Bluesky,
            "growing.bsky.social",
            &format!("Brightside Coffee, visit {n}: still my favourite"),
            followers,
            false,
        );
        p.external_id()
    };
    let first = post(100, 1);
    let m = wait_added(&mut rx, &[first], &mut seen).await.remove(0);
    assert_eq!(
        m.author.followers,
        Some(100),
        "the reach the first post arrived with"
    );
    // The author gains followers. Within six hours the cached profile stands...
    let second = post(5_000, 2);
    let m = wait_added(&mut rx, &[second], &mut seen).await.remove(0);
    assert_eq!(
        m.author.followers,
        Some(100),
        "a fresh profile is not fetched again"
    );
    // ...six hours on, it is fetched again and the reach is current.
    now.fetch_add(6 * 3600 + 1, std::sync::atomic::Ordering::SeqCst);
    let third = post(5_000, 3);
    let m = wait_added(&mut rx, &[third], &mut seen).await.remove(0);
    assert_eq!(m.author.followers, Some(5_000), "reach does not go stale");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jetstream_arrives_compressed_and_the_rest_of_the_network_is_heard_and_dropped() {
    // The rest of the network: 200 unrelated posts a second on the stream.
    let mut s = setup_with(false, |sim| sim.social.set_firehose(200)).await;
    // An event, not a poll: the simulator says when it has sent that many frames.
    tokio::time::timeout(
        std::time::Duration::from_secs(60),
        s.sim.social.wait_jetstream_frames(100),
    )
    .await
    .expect("the firehose flows");
    let post = s.sim.social.inject(
        Net::Bluesky,
        "late.bsky.social",
        "Brightside Coffee, is the oat milk back?",
        300,
        false,
    );
    let mut seen = HashMap::new();
    wait_added(&mut s.rx, &[post.external_id()], &mut seen).await;
    let t = s.sim.social.jetstream_traffic();
    assert!(
        (t.wire_bytes as f64) < 0.8 * t.json_bytes as f64,
        "Earshot asked for zstd frames with Jetstream's dictionary: {t:?}"
    );
    let stored = s
        .engine
        .list(earshot_core::store::MentionQuery {
            channel: Some(Channel::Bluesky),
            limit: Some(500),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(
        stored
            .mentions
            .iter()
            .all(|m| !m.matched_terms.is_empty() || m.remote.to_owner),
        "of the rest of the network, only what matches the business is stored"
    );
    assert!(
        stored
            .mentions
            .iter()
            .any(|m| m.external_id == post.external_id()),
        "and what does match is"
    );
}
