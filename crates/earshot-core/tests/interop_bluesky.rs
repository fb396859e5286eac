//! Earshot's Bluesky connector and outbox against Bluesky's reference implementation
//! (`@atproto/dev-env`: the PLC directory, a PDS and the AppView, the code Bluesky runs),
//! started by `interop/atproto/start.mjs` on 127.0.0.1 with a Jetstream-shaped bridge from the
//! PDS firehose. Not our simulator: what the real servers answer.
//!
//! `./dev test` installs the reference implementation (Node 22 from the npm registry) into a
//! cache folder, starts a throwaway PostgreSQL, and sets `EARSHOT_ATPROTO_DIR`,
//! `EARSHOT_TEST_POSTGRES` and `EARSHOT_REQUIRE_INTEROP=1`. Without them the test says it is
//! skipped; with `EARSHOT_REQUIRE_INTEROP` it fails instead.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use earshot_core::alerts::{Alert, Notifier};
use earshot_core::clock::Clock;
use earshot_core::config::Config;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::{Mention, ReplyState, SourceKind};
use earshot_core::secrets::{MemorySecrets, SecretStore, Secrets};
use earshot_core::store::db::Db;
use serde_json::{json, Value};

struct Quiet;
impl Notifier for Quiet {
    fn notify(&self, _: &Alert) -> Result<(), earshot_core::alerts::NotifyError> {
        Ok(())
    }
}

/// The reference network, stopped (stdin closed, then killed) when dropped.
struct RefNet {
    child: Child,
    info: Value,
}

impl Drop for RefNet {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> Option<RefNet> {
    let (dir, pg) = match (
        std::env::var("EARSHOT_ATPROTO_DIR"),
        std::env::var("EARSHOT_TEST_POSTGRES"),
    ) {
        (Ok(d), Ok(p)) => (std::path::PathBuf::from(d), p),
        _ if std::env::var_os("EARSHOT_REQUIRE_INTEROP").is_some() => {
            panic!("EARSHOT_REQUIRE_INTEROP is set without EARSHOT_ATPROTO_DIR and EARSHOT_TEST_POSTGRES")
        }
        _ => {
            eprintln!("skipped: no reference AT Protocol network here; `./dev test` starts one");
            return None;
        }
    };
    // A fresh database each start: the PLC directory and the PDS begin empty.
    let db = format!("earshot_interop_{}", std::process::id());
    for sql in [
        format!("DROP DATABASE IF EXISTS {db}"),
        format!("CREATE DATABASE {db}"),
    ] {
        let ok = Command::new("psql")
            .args([pg.as_str(), "-qc", &sql])
            .status()
            .expect("psql runs");
        assert!(ok.success(), "{sql}");
    }
    // The starter runs beside its node_modules.
    let script = dir.join("start.mjs");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../interop/atproto/start.mjs"
        ),
        &script,
    )
    .expect("copy the starter");
    let mut child = Command::new(dir.join("node_modules/.bin/node"))
        .arg(&script)
        .current_dir(&dir)
        .env(
            "DB_POSTGRES_URL",
            format!("{}/{db}", pg.trim_end_matches('/')),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node starts");
    let (tx, rx) = std::sync::mpsc::channel();
    let out = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if line.starts_with('{') {
                let _ = tx.send(line);
            }
        }
    });
    let line = rx
        .recv_timeout(Duration::from_secs(180))
        .expect("the reference network starts and prints its addresses");
    Some(RefNet {
        child,
        info: serde_json::from_str(&line).unwrap(),
    })
}

/// A customer posting on the real PDS.
struct Customer {
    pds: String,
    did: String,
    jwt: String,
}

impl Customer {
    async fn login(pds: &str, handle: &str, password: &str) -> Customer {
        let s: Value = reqwest::Client::new()
            .post(format!("{pds}/xrpc/com.atproto.server.createSession"))
            .json(&json!({"identifier": handle, "password": password}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        Customer {
            pds: pds.to_string(),
            did: s["did"].as_str().unwrap().to_string(),
            jwt: s["accessJwt"].as_str().unwrap().to_string(),
        }
    }

    /// Creates a post record (with `rkey` when given); returns its uri.
    async fn post(&self, record: Value, rkey: Option<&str>) -> String {
        let mut body =
            json!({"repo": self.did, "collection": "app.bsky.feed.post", "record": record});
        if let Some(k) = rkey {
            body["rkey"] = json!(k);
        }
        let resp = reqwest::Client::new()
            .post(format!("{}/xrpc/com.atproto.repo.createRecord", self.pds))
            .bearer_auth(&self.jwt)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(resp.status().is_success(), "{}", resp.text().await.unwrap());
        resp.json::<Value>().await.unwrap()["uri"]
            .as_str()
            .unwrap()
            .to_string()
    }
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

async fn wait_for_mentions(
    rx: &mut tokio::sync::broadcast::Receiver<EngineEvent>,
    uris: &[String],
) -> HashMap<String, Mention> {
    let mut got = HashMap::new();
    tokio::time::timeout(Duration::from_secs(60), async {
        while !uris.iter().all(|u| got.contains_key(u)) {
            match rx.recv().await {
                Ok(EngineEvent::MentionsAdded { mentions }) => {
                    for m in mentions {
                        got.insert(m.external_id.clone(), m);
                    }
                }
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(e) => panic!("events ended: {e}"),
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("heard {:?} of {uris:?}", got.keys().collect::<Vec<_>>()));
    got
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn against_the_reference_pds_and_appview_earshot_logs_in_hears_and_answers_once() {
    let Some(net) = start() else { return };
    let info = net.info.clone();
    let s = |k: &str| info[k].as_str().unwrap().to_string();
    let (pds, appview, plc, jetstream) = (s("pds"), s("appview"), s("plc"), s("jetstream"));
    let business = &info["business"];
    let (handle, app_password) = (
        business["handle"].as_str().unwrap(),
        business["app_password"].as_str().unwrap(),
    );
    let own_post = &business["post"];

    let tmp = tempfile::tempdir().unwrap();
    let secrets = MemorySecrets::new();
    let engine = Engine::with_secrets(
        Db::open(tmp.path()).unwrap(),
        Arc::new(Quiet),
        Clock::system(),
        Secrets::new(secrets.clone()),
    );
    // Each service named apart, and no PDS: the login finds it from the DID document.
    let cfg = Config::parse(&format!(
        r#"
[business]
name = "Brightside Coffee"
terms = ["Brightside", "@{handle}"]

[[source]]
kind = "bluesky"
name = "Bluesky"
appview = "{appview}"
jetstream = "{jetstream}"
plc = "{plc}"
interval_secs = 2
"#
    ))
    .unwrap();
    engine.apply_config(&cfg).await.unwrap();
    let mut rx = engine.subscribe();
    engine.start().await.unwrap();
    let source = engine
        .login_bluesky("Bluesky", handle, app_password, None)
        .await
        .expect("an app password logs in at the account's own PDS");
    assert_eq!(
        source.spec.account.as_deref(),
        Some(handle),
        "the source keeps the account it logged in with"
    );
    let session: Value = serde_json::from_str(
        &secrets
            .get(&earshot_core::secrets::key_for(SourceKind::Bluesky, handle))
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        session["pds"],
        pds.as_str(),
        "the PDS named by the DID document"
    );

    // What customers post: a keyword, a mention facet, a reply under the business's post (no
    // term in it), a quote of it.
    let c0 = &info["customers"][0];
    let angry = Customer::login(
        &pds,
        c0["handle"].as_str().unwrap(),
        c0["password"].as_str().unwrap(),
    )
    .await;
    let keyword = angry
        .post(json!({"$type": "app.bsky.feed.post", "text": "Brightside Coffee charged me twice. I want a refund!", "createdAt": now()}), None)
        .await;
    let mention_text = format!("@{handle} where is my order? It has been an hour.");
    let mention = angry
        .post(json!({"$type": "app.bsky.feed.post", "text": mention_text, "createdAt": now(),
            "facets": [{"index": {"byteStart": 0, "byteEnd": handle.len() + 1},
                        "features": [{"$type": "app.bsky.richtext.facet#mention", "did": business["did"]}]}]}), None)
        .await;
    let strong = json!({"uri": own_post["uri"], "cid": own_post["cid"]});
    let reply = angry
        .post(json!({"$type": "app.bsky.feed.post", "text": "Is it decaf? The last one kept me up all night.", "createdAt": now(),
            "reply": {"root": strong, "parent": strong}}), None)
        .await;
    let quote = angry
        .post(json!({"$type": "app.bsky.feed.post", "text": "Tried this. Never again.", "createdAt": now(),
            "embed": {"$type": "app.bsky.embed.record", "record": strong}}), None)
        .await;
    let heard = wait_for_mentions(
        &mut rx,
        &[
            keyword.clone(),
            mention.clone(),
            reply.clone(),
            quote.clone(),
        ],
    )
    .await;
    for uri in [&mention, &reply, &quote] {
        let m = &heard[uri];
        assert!(m.remote.to_owner, "{uri} is addressed to the business");
        assert!(
            m.triage.reasons.iter().any(|r| r == "addressed to you"),
            "{:?}",
            m.triage.reasons
        );
    }
    assert_eq!(
        heard[&mention].author.handle,
        format!("@{}", c0["handle"].as_str().unwrap()),
        "the author's handle from the AppView, not a DID"
    );

    // An answer from Earshot: posted on the PDS, in the thread on the AppView.
    let answer = "So sorry! Your order is on its way, with a free cookie 🍪";
    let r = engine
        .reply(heard[&mention].id, answer, false)
        .await
        .unwrap();
    let sent = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            if let Ok(EngineEvent::ReplyUpdated { reply }) = rx.recv().await {
                if reply.id == r.id && matches!(reply.state, ReplyState::Sent | ReplyState::Failed)
                {
                    return reply;
                }
            }
        }
    })
    .await
    .expect("the reply settles");
    assert_eq!(sent.state, ReplyState::Sent, "{:?}", sent.error);
    let reply_uri = sent.remote_id.clone().unwrap();
    let http = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        // The AppView indexes from the firehose on its own time: ask until it shows, bounded.
        let thread: Value = http
            .get(format!("{appview}/xrpc/app.bsky.feed.getPostThread"))
            .query(&[("uri", mention.as_str())])
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap_or(Value::Null);
        let replies = thread["thread"]["replies"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if let Some(p) = replies
            .iter()
            .find(|p| p["post"]["uri"] == reply_uri.as_str())
        {
            assert_eq!(p["post"]["record"]["text"], answer);
            assert_eq!(
                p["post"]["record"]["reply"]["parent"]["uri"],
                mention.as_str()
            );
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the AppView shows the reply in the thread: {thread}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // A reply whose first attempt landed but whose answer was lost: the retry meets the real
    // PDS's answer to a taken record key (a bare 500) and is settled by reading the record.
    let key = earshot_core::engine::idempotency_key(earshot_core::model::Channel::Bluesky);
    let owner = Customer::login(&pds, handle, app_password).await;
    let target = heard[&reply].clone();
    let landed = owner
        .post(
            json!({"$type": "app.bsky.feed.post", "text": "It is! Decaf all week.", "createdAt": now(),
                "reply": {"root": strong, "parent": {"uri": reply, "cid": target.remote.cid}}}),
            Some(&key),
        )
        .await;
    let (mid, k) = (target.id, key.clone());
    let queued = engine
        .db()
        .write(move |st| st.queue_reply(mid, false, "It is! Decaf all week.", &k, 1_800_000_000))
        .await
        .unwrap();
    let retried = engine.send(queued.id).await.unwrap();
    assert_eq!(retried.state, ReplyState::Sent, "{:?}", retried.error);
    assert_eq!(
        retried.remote_id.as_deref(),
        Some(landed.as_str()),
        "the retry settled on the post that already landed, not a second one"
    );
    engine.shutdown();
}
