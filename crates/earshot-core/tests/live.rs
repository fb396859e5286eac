//! Mastodon and Bluesky against the simulator: streams into the store and the notifier, gaps
//! that lose nothing, logins, and replies whose requests have exactly the networks' shapes.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use earshot_core::clock::Clock;
use earshot_core::config::Config;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::{Channel, Mention, ReplyState, SourceKind};
use earshot_core::secrets::{MemorySecrets, Secrets};
use earshot_core::store::db::Db;
use earshot_sim::social::{
    owner_post_uri, BSKY_APP_PASSWORD, BSKY_DID, BSKY_HANDLE, DM_CLOSED_HANDLE,
};
use earshot_sim::{Net, Reveal, Sim, SimOptions};
use tokio::sync::broadcast::Receiver;

mod common;
use common::{wait_for, Recorder};

/// Waits until mentions with these external ids have all been added; counts every addition.
async fn wait_added(
    rx: &mut Receiver<EngineEvent>,
    ids: &[String],
    seen: &mut HashMap<String, usize>,
) -> Vec<Mention> {
    let mut found = Vec::new();
    while !ids.iter().all(|id| seen.contains_key(id)) {
        let ms = wait_for(rx, &format!("mentions {ids:?}"), |e| match e {
            EngineEvent::MentionsAdded { mentions } => Some(mentions.clone()),
            _ => None,
        })
        .await;
        for m in ms {
            *seen.entry(m.external_id.clone()).or_default() += 1;
            if ids.contains(&m.external_id) {
                found.push(m);
            }
        }
    }
    found
}

/// Posts on a simulated network and waits until the engine has stored it; returns both.
async fn post_and_wait(
    s: &mut Setup,
    net: Net,
    handle: &str,
    text: &str,
    to_owner: bool,
) -> (earshot_sim::SocialPost, Mention) {
    let p = s.sim.social.inject(net, handle, text, 10, to_owner);
    let mut seen = HashMap::new();
    let m = wait_added(&mut s.rx, &[p.external_id()], &mut seen)
        .await
        .remove(0);
    (p, m)
}

/// Waits until reply `id` has settled (sent or failed).
async fn settled(rx: &mut Receiver<EngineEvent>, id: i64) -> earshot_core::model::Reply {
    wait_for(rx, &format!("reply {id} to settle"), |e| match e {
        EngineEvent::ReplyUpdated { reply }
            if reply.id == id && matches!(reply.state, ReplyState::Sent | ReplyState::Failed) =>
        {
            Some(reply.clone())
        }
        _ => None,
    })
    .await
}

/// A simulator serving `count` scripted posts per source, all at once.
async fn sim_with(count: usize) -> Sim {
    Sim::start(SimOptions {
        reveal: Reveal::All,
        count: Some(count),
        ..SimOptions::default()
    })
    .await
    .unwrap()
}

struct Setup {
    sim: Sim,
    _dir: tempfile::TempDir,
    dir: std::path::PathBuf,
    engine: Engine,
    rx: Receiver<EngineEvent>,
    recorder: Arc<Recorder>,
    secrets: MemorySecrets,
}

async fn setup(sign_in: bool) -> Setup {
    setup_with(sign_in, |_| {}).await
}

/// `before` shapes the simulator before the engine starts.
async fn setup_with(sign_in: bool, before: impl FnOnce(&Sim)) -> Setup {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_test_writer()
        .try_init();
    let sim = sim_with(6).await;
    // These tests are about streams: the simulated Mastodon streams without a login, as
    // instances before 4.2 did (4.2+ is tested on its own below).
    sim.social.allow_anonymous_streaming(true);
    before(&sim);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let recorder = Arc::new(Recorder::default());
    let secrets = MemorySecrets::new();
    let engine = Engine::with_secrets(
        Db::open(&dir).unwrap(),
        recorder.clone(),
        Clock::system(),
        Secrets::new(secrets.clone()),
    );
    let mut cfg = Config::parse(&sim.config_toml()).unwrap();
    // Every urgent mention notifies on its own here (the burst cap has its own tests).
    cfg.alerts.burst_max = 1_000;
    engine.apply_config(&cfg).await.unwrap();
    let rx = engine.subscribe();
    engine.start().await.unwrap();
    if sign_in {
        earshot_core::demo::sign_in_to_simulator(
            &engine,
            &sim.base_url,
            ("Mastodon (simulated)", "Bluesky (simulated)"),
            (BSKY_HANDLE, BSKY_APP_PASSWORD),
        )
        .await
        .expect("signs in to the simulator");
    }
    Setup {
        sim,
        _dir: tmp,
        dir,
        engine,
        rx,
        recorder,
        secrets,
    }
}

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
    assert_eq!(m.channel, Channel::Bluesky);
    assert_eq!(
        m.author.handle, "@angry.bsky.social",
        "handle from getProfiles"
    );
    assert_eq!(m.author.followers, Some(52_000));
    assert_eq!(m.remote.cid.as_deref(), Some(post.cid().as_str()));
    assert!(m.triage.urgency >= 60, "{:?}", m.triage);
    let stored = s.engine.mention(m.id).await.unwrap();
    assert_eq!(stored.text, post.text);
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
async fn logins_keep_tokens_out_of_the_database_and_replies_have_the_networks_shapes() {
    let mut s = setup(true).await;
    let sources = s.engine.sources().await.unwrap();
    let masto = sources
        .iter()
        .find(|x| x.spec.kind == SourceKind::Mastodon)
        .unwrap();
    let bsky = sources
        .iter()
        .find(|x| x.spec.kind == SourceKind::Bluesky)
        .unwrap();
    let host = s.sim.addr.to_string();
    let host = host.split(':').next().unwrap();
    assert_eq!(
        masto.spec.account.as_deref(),
        Some(format!("brightsidecoffee@{host}").as_str())
    );
    assert_eq!(
        masto.spec.queries,
        vec!["#brightsidecoffee"],
        "the login kept the source's hashtags"
    );
    assert_eq!(bsky.spec.account.as_deref(), Some(BSKY_HANDLE));

    // The scripted mentions arrive through the logged-in endpoints (notifications, search).
    let posts = s.sim.social.posts();
    let curious = posts
        .iter()
        .find(|p| p.handle == "curious.bsky.social")
        .unwrap();
    let jess = posts.iter().find(|p| p.handle == "jess_brews").unwrap();
    let mut seen = HashMap::new();
    let got = wait_added(
        &mut s.rx,
        &[curious.external_id(), jess.external_id()],
        &mut seen,
    )
    .await;
    let reply_target = got.iter().find(|m| m.channel == Channel::Bluesky).unwrap();
    assert!(
        reply_target.remote.to_owner,
        "a reply to the owner's post is addressed to them"
    );
    let jess_m = got.iter().find(|m| m.channel == Channel::Mastodon).unwrap();

    // Bluesky: a public reply to a reply. Root is the thread's root, parent is the post.
    let text = "☕ thanks @curious.bsky.social! Yes, a drive-through.";
    let r = s.engine.reply(reply_target.id, text, false).await.unwrap();
    assert_eq!(r.state, ReplyState::Queued);
    let sent = settled(&mut s.rx, r.id).await;
    assert_eq!(sent.state, ReplyState::Sent, "{:?}", sent.error);
    let answered = s.engine.mention(reply_target.id).await.unwrap();
    assert_eq!(
        answered.work.first_response_at,
        Some(sent.updated_at),
        "the sent reply is the mention's first response"
    );
    assert_eq!(
        sent.remote_id.as_deref(),
        Some(format!("at://{BSKY_DID}/app.bsky.feed.post/{}", r.idempotency_key).as_str())
    );
    let writes = s.sim.social.writes();
    let w = writes
        .iter()
        .find(|w| w.path == "com.atproto.repo.createRecord")
        .expect("createRecord");
    let b = &w.body;
    assert_eq!(b["repo"], BSKY_DID);
    assert_eq!(b["collection"], "app.bsky.feed.post");
    assert_eq!(b["rkey"], r.idempotency_key.as_str());
    assert_eq!(b["record"]["text"], text);
    assert_eq!(
        b["record"]["reply"]["root"]["uri"],
        owner_post_uri().as_str()
    );
    assert_eq!(b["record"]["reply"]["root"]["cid"], "bafyreisimownerpost");
    assert_eq!(
        b["record"]["reply"]["parent"]["uri"],
        curious.external_id().as_str()
    );
    assert_eq!(
        b["record"]["reply"]["parent"]["cid"],
        curious.cid().as_str()
    );
    let start = "☕ thanks ".len();
    assert_eq!(b["record"]["facets"][0]["index"]["byteStart"], start);
    assert_eq!(
        b["record"]["facets"][0]["index"]["byteEnd"],
        start + "@curious.bsky.social".len()
    );
    assert_eq!(
        b["record"]["facets"][0]["features"][0]["did"],
        curious.author_id.as_str()
    );
    assert_eq!(
        b["record"]["facets"][0]["features"][0]["$type"],
        "app.bsky.richtext.facet#mention"
    );

    // Sending it again after an unknown outcome never posts twice: the record key is taken.
    s.engine
        .db()
        .write(move |st| st.reply_failed(r.id, "timed out", 0))
        .await
        .unwrap();
    let again = s.engine.send(r.id).await.unwrap();
    assert_eq!(again.state, ReplyState::Sent);
    assert_eq!(again.remote_id, sent.remote_id);
    let accepted = s
        .sim
        .social
        .writes()
        .iter()
        .filter(|w| w.path == "com.atproto.repo.createRecord" && w.accepted)
        .count();
    assert_eq!(accepted, 1, "one post on the network");

    // Mastodon: a private reply is a direct status addressed to the author, with the key.
    let r = s
        .engine
        .reply(
            jess_m.id,
            "Sorry about that! Could you send us your order number?",
            true,
        )
        .await
        .unwrap();
    let done = settled(&mut s.rx, r.id).await;
    assert_eq!(done.state, ReplyState::Sent, "{:?}", done.error);
    let writes = s.sim.social.writes();
    let w = writes
        .iter()
        .find(|w| w.path == "/api/v1/statuses")
        .expect("a status was posted");
    assert_eq!(
        w.idempotency_key.as_deref(),
        Some(r.idempotency_key.as_str())
    );
    assert_eq!(w.body["visibility"], "direct");
    assert_eq!(w.body["in_reply_to_id"], jess.id.as_str());
    assert_eq!(
        w.body["status"],
        // The author's handle keeps the instance's port (two instances on one host differ).
        format!(
            "@jess_brews@{} Sorry about that! Could you send us your order number?",
            s.sim.addr
        )
        .as_str()
    );
    assert!(done
        .remote_url
        .as_deref()
        .is_some_and(|u| u.starts_with("http://")));

    // The tokens are in the keychain, and nowhere in the database files.
    let token = earshot_core::secrets::SecretStore::get(
        &s.secrets,
        &earshot_core::secrets::key_for(
            SourceKind::Mastodon,
            masto.spec.account.as_deref().unwrap(),
        ),
    )
    .unwrap()
    .expect("the Mastodon token is in the keychain");
    let session = earshot_core::secrets::SecretStore::get(
        &s.secrets,
        &earshot_core::secrets::key_for(SourceKind::Bluesky, BSKY_HANDLE),
    )
    .unwrap()
    .expect("the Bluesky session is in the keychain");
    let session: serde_json::Value = serde_json::from_str(&session).unwrap();
    let mut secrets = vec![token];
    for k in ["accessJwt", "refreshJwt"] {
        secrets.push(session[k].as_str().unwrap().to_string());
    }
    secrets.push(BSKY_APP_PASSWORD.to_string());
    // Every file, the daily backups included.
    let mut files = Vec::new();
    let mut dirs = vec![s.dir.clone()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                files.push(p);
            }
        }
    }
    assert!(
        files.len() >= 2,
        "the database and its WAL at least: {files:?}"
    );
    for f in files {
        let bytes = std::fs::read(f).unwrap();
        for secret in &secrets {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "a secret leaked into the data folder"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_are_clear_and_lose_nothing() {
    let mut s = setup(true).await;
    // A wrong app password.
    let err = s
        .engine
        .login_bluesky(
            "Other",
            BSKY_HANDLE,
            "not-the-password",
            Some(format!("{}/bsky", s.sim.base_url)),
        )
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("Invalid identifier or password"),
        "{err}"
    );

    // An author who takes no direct messages: the reply fails, saying why.
    let (_, m) = post_and_wait(
        &mut s,
        Net::Bluesky,
        DM_CLOSED_HANDLE,
        "@brightsidecoffee.bsky.social where is my order?",
        true,
    )
    .await;
    let r = s
        .engine
        .reply(m.id, "Could you DM us your order number?", true)
        .await
        .unwrap();
    let failed = settled(&mut s.rx, r.id).await;
    assert_eq!(failed.state, ReplyState::Failed);
    let why = failed.error.unwrap();
    assert!(
        why.contains("does not accept messages") && why.contains("disabled incoming messages"),
        "{why}"
    );
    assert_eq!(
        s.engine.replies(m.id).await.unwrap().len(),
        1,
        "the reply stays in the outbox"
    );

    // Too long for Bluesky (graphemes), and a channel without replies.
    let long = "é".repeat(301);
    let err = s.engine.reply(m.id, &long, false).await.unwrap_err();
    assert!(
        err.to_string().contains("301") && err.to_string().contains("300"),
        "{err}"
    );
    let hn = s
        .engine
        .list(Default::default())
        .await
        .unwrap()
        .mentions
        .into_iter()
        .find(|m| m.channel == Channel::Hackernews);
    if let Some(hn) = hn {
        let err = s.engine.reply(hn.id, "hi", false).await.unwrap_err();
        assert!(err.to_string().contains("open the original"), "{err}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pasted_code_completes_a_mastodon_login() {
    let mut s = setup(false).await;
    let (flow, url) = s
        .engine
        .begin_mastodon_login("Pasted", &format!("{}/mastodon", s.sim.base_url))
        .await
        .unwrap();
    assert!(
        url.contains("code_challenge_method=S256") && url.contains("code_challenge="),
        "{url}"
    );
    // The browser could not reach the loopback address; the owner copies where it landed.
    let resp = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(&url)
        .send()
        .await
        .unwrap();
    let landed = resp.headers()["location"].to_str().unwrap().to_string();
    assert!(
        s.engine.finish_login(flow, "").is_err(),
        "an empty paste is refused"
    );
    s.engine.finish_login(flow, &landed).unwrap();
    let source = wait_for(&mut s.rx, "the login", |e| match e {
        EngineEvent::LoginFinished { source, error } => Some((source.clone(), error.clone())),
        _ => None,
    })
    .await;
    let source = source
        .0
        .unwrap_or_else(|| panic!("login failed: {:?}", source.1));
    assert_eq!(source.spec.name, "Pasted");
    assert!(source
        .spec
        .account
        .as_deref()
        .unwrap()
        .starts_with("brightsidecoffee@"));
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
    assert_eq!(got.len(), 2);
    assert!(got
        .iter()
        .any(|m| m.remote.to_owner && m.author.handle.starts_with("@sse_asker@")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_bluesky_session_is_renewed_once_and_saved() {
    let mut s = setup(true).await;
    let key = earshot_core::secrets::key_for(SourceKind::Bluesky, BSKY_HANDLE);
    let before = earshot_core::secrets::SecretStore::get(&s.secrets, &key)
        .unwrap()
        .unwrap();
    s.sim.social.expire_bluesky_sessions();
    let (_, m) = post_and_wait(
        &mut s,
        Net::Bluesky,
        "late.bsky.social",
        "Brightside Coffee, are you hiring?",
        false,
    )
    .await;
    let r = s
        .engine
        .reply(m.id, "We are! Drop by the café.", false)
        .await
        .unwrap();
    let done = settled(&mut s.rx, r.id).await;
    assert_eq!(done.state, ReplyState::Sent, "{:?}", done.error);
    let after = earshot_core::secrets::SecretStore::get(&s.secrets, &key)
        .unwrap()
        .unwrap();
    assert_ne!(
        before, after,
        "the renewed session replaced the old one in the keychain"
    );
    let accepted = s
        .sim
        .social
        .writes()
        .iter()
        .filter(|w| w.path == "com.atproto.repo.createRecord" && w.accepted)
        .count();
    assert_eq!(accepted, 1);
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
    assert_eq!(m.channel, Channel::Mastodon);
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
    assert!(m.matched_terms.is_empty());
    assert_eq!(m.reply_to.as_deref(), Some(owner_post_uri().as_str()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_restart_queued_replies_go_out_and_interrupted_ones_say_so() {
    let mut s = setup(true).await;
    let (_, m) = post_and_wait(
        &mut s,
        Net::Bluesky,
        "waiting.bsky.social",
        "Brightside Coffee, is the shop open late?",
        false,
    )
    .await;
    // As a crash would leave them: one written but not sent, one sent with no answer recorded.
    let (queued, sending) = s
        .engine
        .db()
        .write(move |st| {
            let q = st.queue_reply(m.id, false, "Open until 9!", "3lqueued22222", 1)?;
            let x = st.queue_reply(m.id, false, "Until 9 tonight.", "3lsending2222", 1)?;
            st.claim_reply(x.id, 1)?;
            Ok((q, x))
        })
        .await
        .unwrap();
    s.engine.shutdown();
    let engine = Engine::with_secrets(
        Db::open(&s.dir).unwrap(),
        s.recorder.clone(),
        Clock::system(),
        Secrets::new(s.secrets.clone()),
    );
    let mut rx = engine.subscribe();
    engine.start().await.unwrap();
    let sent = settled(&mut rx, queued.id).await;
    assert_eq!(sent.state, ReplyState::Sent, "{:?}", sent.error);
    let interrupted = engine
        .replies(m.id)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.id == sending.id)
        .unwrap();
    assert_eq!(interrupted.state, ReplyState::Failed);
    assert!(interrupted.error.unwrap().contains("Retry is safe"));
    let posted: Vec<_> = s
        .sim
        .social
        .writes()
        .into_iter()
        .filter(|w| w.path == "com.atproto.repo.createRecord" && w.accepted)
        .map(|w| w.body["rkey"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        posted,
        vec!["3lqueued22222"],
        "only the queued one was sent on its own"
    );
}

/// A keychain that cannot be reached (no Secret Service, a locked one): every call fails.
struct NoKeychain;
impl earshot_core::secrets::SecretStore for NoKeychain {
    fn get(&self, _: &str) -> Result<Option<String>, earshot_core::secrets::SecretError> {
        Err(earshot_core::secrets::SecretError::Unavailable(
            "no Secret Service on the session bus".into(),
        ))
    }
    fn set(&self, k: &str, _: &str) -> Result<(), earshot_core::secrets::SecretError> {
        self.get(k).map(|_| ())
    }
    fn delete(&self, k: &str) -> Result<(), earshot_core::secrets::SecretError> {
        self.get(k).map(|_| ())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_logged_in_source_without_a_keychain_listens_without_the_account_and_says_so() {
    let sim = sim_with(3).await;
    // Hashtags stream without a login here (an instance before 4.2), so what is heard without
    // the account arrives as it is posted.
    sim.social.allow_anonymous_streaming(true);
    let tmp = tempfile::tempdir().unwrap();
    let engine = Engine::with_secrets(
        Db::open(tmp.path()).unwrap(),
        Arc::new(Recorder::default()),
        Clock::system(),
        Secrets::new(NoKeychain),
    );
    // Both networks' sources name an account, as after a login on a machine whose keychain
    // has since gone away.
    let toml = sim
        .config_toml()
        .replace(
            "name = \"Mastodon (simulated)\"\n",
            "name = \"Mastodon (simulated)\"\naccount = \"brightside\"\n",
        )
        .replace(
            "name = \"Bluesky (simulated)\"\n",
            &format!("name = \"Bluesky (simulated)\"\naccount = \"{BSKY_HANDLE}\"\n"),
        );
    engine
        .apply_config(&Config::parse(&toml).unwrap())
        .await
        .unwrap();
    let mut rx = engine.subscribe();
    engine.start().await.unwrap();
    let sources = engine.sources().await.unwrap();
    let id_of = |k: SourceKind| sources.iter().find(|s| s.spec.kind == k).unwrap().id;
    let (masto, bsky) = (id_of(SourceKind::Mastodon), id_of(SourceKind::Bluesky));

    let mut limited = std::collections::HashSet::new();
    wait_for(
        &mut rx,
        "both sources to say they listen without the account",
        |e| {
            if let EngineEvent::SourceHealth { source_id, health } = e {
                assert!(
                    !matches!(health, earshot_core::model::Health::NeedsLogin { .. }),
                    "a missing keychain must not stop the source: {health:?}"
                );
                if let earshot_core::model::Health::Limited { reason, .. } = health {
                    assert!(reason.contains("keychain"), "{reason}");
                    limited.insert(*source_id);
                }
            }
            (limited.contains(&masto) && limited.contains(&bsky)).then_some(())
        },
    )
    .await;

    // What can be heard without the account still is: the hashtag stream and Jetstream.
    let tagged = sim.social.inject(
        Net::Mastodon,
        "tagfan",
        "#brightsidecoffee the new roast is lovely",
        10,
        false,
    );
    let streamed = sim.social.inject(
        Net::Bluesky,
        "someone.bsky.social",
        "Brightside Coffee forgot my order twice",
        10,
        false,
    );
    let mut seen = HashMap::new();
    wait_added(
        &mut rx,
        &[tagged.external_id(), streamed.external_id()],
        &mut seen,
    )
    .await;
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
async fn a_bluesky_reply_whose_answer_was_lost_is_settled_as_sent_by_reading_it_back() {
    let mut s = setup(true).await;
    let posts = s.sim.social.posts();
    let curious = posts
        .iter()
        .find(|p| p.handle == "curious.bsky.social")
        .unwrap();
    let mut seen = HashMap::new();
    let target = wait_added(&mut s.rx, &[curious.external_id()], &mut seen)
        .await
        .remove(0);
    // The PDS takes the post, then the connection drops before its answer arrives.
    s.sim
        .faults
        .set(
            "replies",
            earshot_sim::FaultSpec {
                times: Some(1),
                ..earshot_sim::FaultSpec::new(earshot_sim::Fault::DropAfterAccept)
            },
        )
        .unwrap();
    let r = s
        .engine
        .reply(target.id, "Thanks, we will have a drive-through!", false)
        .await
        .unwrap();
    let first = settled(&mut s.rx, r.id).await;
    assert_eq!(first.state, ReplyState::Sent, "{:?}", first.error);
    let created = |s: &Setup| {
        s.sim
            .social
            .writes()
            .into_iter()
            .filter(|w| w.path == "com.atproto.repo.createRecord" && w.accepted)
            .count()
    };
    assert_eq!(created(&s), 1, "posted once");

    // An earlier attempt landed but Earshot never heard (it was killed, the network dropped
    // the answer); the owner presses Retry. The reference PDS answers a taken record key with a
    // bare 500, not "already exists": reading the record back settles the reply as sent.
    let key = earshot_core::engine::idempotency_key(Channel::Bluesky);
    let session: serde_json::Value = serde_json::from_str(
        &earshot_core::secrets::SecretStore::get(
            &s.secrets,
            &earshot_core::secrets::key_for(SourceKind::Bluesky, BSKY_HANDLE),
        )
        .unwrap()
        .unwrap(),
    )
    .unwrap();
    let landed = reqwest::Client::new()
        .post(format!(
            "{}/bsky/xrpc/com.atproto.repo.createRecord",
            s.sim.base_url
        ))
        .bearer_auth(session["accessJwt"].as_str().unwrap())
        .json(&serde_json::json!({
            "repo": BSKY_DID, "collection": "app.bsky.feed.post", "rkey": key,
            "record": {"$type": "app.bsky.feed.post", "text": "Sorry, on it!", "createdAt": "2026-11-30T09:00:00Z"}
        }))
        .send()
        .await
        .unwrap();
    assert!(landed.status().is_success());
    let (mid, k) = (target.id, key.clone());
    let queued = s
        .engine
        .db()
        .write(move |st| st.queue_reply(mid, false, "Sorry, on it!", &k, 1_800_000_000))
        .await
        .unwrap();
    let retried = s.engine.send(queued.id).await.unwrap();
    assert_eq!(retried.state, ReplyState::Sent, "{:?}", retried.error);
    assert_eq!(
        retried.remote_id.as_deref(),
        Some(format!("at://{BSKY_DID}/app.bsky.feed.post/{key}").as_str())
    );
    let refused: Vec<_> = s
        .sim
        .social
        .writes()
        .into_iter()
        .filter(|w| w.path == "com.atproto.repo.createRecord" && w.body["rkey"] == key.as_str())
        .map(|w| w.accepted)
        .collect();
    assert_eq!(
        refused,
        vec![true, false],
        "the retry was refused, nothing posted twice"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bluesky_login_finds_the_account_s_own_pds_from_its_did_document() {
    let sim = sim_with(3).await;
    let tmp = tempfile::tempdir().unwrap();
    let secrets = MemorySecrets::new();
    let engine = Engine::with_secrets(
        Db::open(tmp.path()).unwrap(),
        Arc::new(Recorder::default()),
        Clock::system(),
        Secrets::new(secrets.clone()),
    );
    // Each service named on its own, as against the real network; no PDS: it is found.
    let base = &sim.base_url;
    let ws = base.replacen("http://", "ws://", 1);
    let toml = sim.config_toml().replace(
        &format!("base_url = \"{base}/bsky\"\n"),
        &format!(
            "appview = \"{base}/bsky\"\njetstream = \"{ws}/bsky/subscribe\"\nplc = \"{base}/plc\"\n"
        ),
    );
    let cfg = Config::parse(&toml).unwrap();
    let bsky = cfg
        .sources
        .iter()
        .find(|s| s.kind == SourceKind::Bluesky)
        .unwrap();
    assert!(bsky.base_url.is_none() && bsky.pds.is_none(), "{bsky:?}");
    engine.apply_config(&cfg).await.unwrap();
    let mut rx = engine.subscribe();
    engine.start().await.unwrap();

    let source = engine
        .login_bluesky("Bluesky (simulated)", BSKY_HANDLE, BSKY_APP_PASSWORD, None)
        .await
        .expect("logs in at the PDS its DID document names");
    assert_eq!(
        source.spec.plc.as_deref(),
        Some(format!("{base}/plc").as_str())
    );
    let session: serde_json::Value = serde_json::from_str(
        &earshot_core::secrets::SecretStore::get(
            &secrets,
            &earshot_core::secrets::key_for(SourceKind::Bluesky, BSKY_HANDLE),
        )
        .unwrap()
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        session["pds"],
        format!("{base}/bsky").as_str(),
        "the session remembers its PDS"
    );
    let paths: Vec<String> = sim.faults.requests().into_iter().map(|r| r.path).collect();
    let at = |p: &str| paths.iter().position(|x| x == p);
    let (resolve, doc, login) = (
        at("/bsky/xrpc/com.atproto.identity.resolveHandle"),
        at(&format!("/plc/{BSKY_DID}")),
        at("/bsky/xrpc/com.atproto.server.createSession"),
    );
    assert!(
        resolve < doc && doc < login && resolve.is_some(),
        "handle → DID → DID document → PDS, in that order: {paths:?}"
    );

    // Logged in on its own PDS: the owner's mentions come through its notifications.
    let curious = sim
        .social
        .posts()
        .into_iter()
        .find(|p| p.handle == "curious.bsky.social")
        .unwrap();
    let mut seen = HashMap::new();
    let m = wait_added(&mut rx, &[curious.external_id()], &mut seen)
        .await
        .remove(0);
    assert!(m.remote.to_owner);
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
    assert_eq!(m.author.followers, Some(100));
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
async fn the_owner_can_refresh_an_author_s_reach_from_the_author_panel() {
    let mut s = setup(false).await;
    let p = s.sim.social.inject(
        Net::Bluesky,
        "rising.bsky.social",
        "Brightside Coffee: best cortado in town",
        120,
        false,
    );
    let mut seen = HashMap::new();
    let m = wait_added(&mut s.rx, &[p.external_id()], &mut seen)
        .await
        .remove(0);
    assert_eq!(m.author.followers, Some(120));
    // They are reposted widely; the network now says 48k (their newest post carries it).
    s.sim.social.inject(
        Net::Bluesky,
        "rising.bsky.social",
        "unrelated, about tea",
        48_000,
        false,
    );
    let refreshed = s.engine.refresh_author(m.id).await.unwrap();
    assert_eq!(refreshed.author.followers, Some(48_000));
    assert_eq!(
        s.engine.mention(m.id).await.unwrap().author.followers,
        Some(48_000),
        "kept"
    );
    let h = s.engine.author_history(m.id).await.unwrap();
    assert_eq!(h.reach.last().map(|r| r.followers), Some(48_000));
}
