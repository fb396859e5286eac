//! Replies against the simulator: exactly the networks' request shapes, refusals in words, the
//! outbox across restarts and lost answers, and reach refreshed on request.

use std::collections::HashMap;

use earshot_core::clock::Clock;
use earshot_core::engine::Engine;
use earshot_core::model::{Channel, ReplyState, SourceKind};
use earshot_core::secrets::Secrets;
use earshot_core::store::db::Db;
use earshot_sim::social::{
    owner_post_uri, BSKY_APP_PASSWORD, BSKY_DID, BSKY_HANDLE, DM_CLOSED_HANDLE,
};
use earshot_sim::Net;

mod common;
use common::live::*;

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
    assert_eq!(
        bsky.spec.account.as_deref(),
        Some(BSKY_HANDLE),
        "the Bluesky source keeps the account it logged in with"
    );

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
    assert_eq!(
        r.state,
        ReplyState::Queued,
        "a reply is written down before it is sent"
    );
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
    assert_eq!(
        again.state,
        ReplyState::Sent,
        "sending a sent reply again changes nothing"
    );
    assert_eq!(
        again.remote_id, sent.remote_id,
        "and posts nothing new: the same remote post"
    );
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
    assert_eq!(
        failed.state,
        ReplyState::Failed,
        "a refused reply ends visibly failed, never stuck sending"
    );
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
    assert_eq!(
        interrupted.state,
        ReplyState::Failed,
        "a reply interrupted by a stop says so after the restart"
    );
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
    assert!(
        landed.status().is_success(),
        "the simulator took the post the lost answer was about"
    );
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
    assert_eq!(
        m.author.followers,
        Some(120),
        "the reach the post arrived with"
    );
    // They are reposted widely; the network now says 48k (their newest post carries it).
    s.sim.social.inject(
        Net::Bluesky,
        "rising.bsky.social",
        "unrelated, about tea",
        48_000,
        false,
    );
    let refreshed = s.engine.refresh_author(m.id).await.unwrap();
    assert_eq!(
        refreshed.author.followers,
        Some(48_000),
        "Refresh asks the AppView for the reach now"
    );
    assert_eq!(
        s.engine.mention(m.id).await.unwrap().author.followers,
        Some(48_000),
        "kept"
    );
    let h = s.engine.author_history(m.id).await.unwrap();
    assert_eq!(
        h.reach.last().map(|r| r.followers),
        Some(48_000),
        "the author panel's history shows the refreshed reach"
    );
}
