//! X against the simulator with the owner's own API access: mentions and search heard once with
//! reach and the verified mark; a reply to a mention and a direct message sent once each (also
//! when the answer is lost); a post that does not mention the account refused before sending with
//! X's rule in words; the monthly read cap pausing the source; and X's faults survived.

use std::collections::BTreeSet;

use earshot_core::clock::Clock;
use earshot_core::config::Config;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::{Channel, Health, ReplyState, SourceKind, SourceSpec};
use earshot_core::store::db::Db;
use earshot_sim::x::{CRITIC_POST, MENTION_POST};
use earshot_sim::{Fault, FaultSpec, Net, Reveal, Sim, SimOptions};
use tokio::sync::broadcast::Receiver;

mod common;
use common::live::settled;
use common::{wait_for, Recorder};

struct Rig {
    sim: Sim,
    engine: Engine,
    rx: Receiver<EngineEvent>,
    _dir: tempfile::TempDir,
}

async fn rig() -> Rig {
    let sim = Sim::start(SimOptions {
        reveal: Reveal::All,
        count: Some(2),
        ..SimOptions::default()
    })
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::new(
        Db::open(dir.path()).unwrap(),
        std::sync::Arc::new(Recorder::default()),
        Clock::system(),
    );
    let mut cfg = Config::parse(&sim.config_toml()).unwrap();
    cfg.sources.clear();
    engine.apply_config(&cfg).await.unwrap();
    let rx = engine.subscribe();
    engine.start().await.unwrap();
    earshot_core::demo::sign_in_to_x(&engine, &sim.base_url, 1)
        .await
        .expect("signs in to the simulated X");
    Rig {
        sim,
        engine,
        rx,
        _dir: dir,
    }
}

async fn stored(engine: &Engine) -> Vec<earshot_core::model::Mention> {
    common::on_channel(engine, Channel::X).await
}

async fn until(r: &mut Rig, want: &BTreeSet<String>, what: &str) {
    loop {
        let have: Vec<String> = stored(&r.engine)
            .await
            .into_iter()
            .map(|m| m.external_id)
            .collect();
        let set: BTreeSet<String> = have.iter().cloned().collect();
        assert_eq!(set.len(), have.len(), "no post stored twice");
        if set.is_superset(want) {
            return;
        }
        wait_for(&mut r.rx, what, |e| {
            matches!(e, EngineEvent::MentionsAdded { .. }).then_some(())
        })
        .await;
    }
}

fn truth(r: &Rig) -> BTreeSet<String> {
    r.sim
        .social
        .x_truth()
        .into_iter()
        .map(|(_, id)| id)
        .collect()
}

fn accepted(sim: &Sim, path: &str) -> usize {
    sim.social
        .writes()
        .iter()
        .filter(|w| w.net == Net::X && w.accepted && w.path == path)
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mentions_and_search_are_heard_and_replies_go_where_x_allows_once() {
    let mut r = rig().await;
    let want = truth(&r);
    assert!(want.contains(MENTION_POST) && want.contains(CRITIC_POST));
    until(&mut r, &want, "the mention and the search result").await;
    let ms = stored(&r.engine).await;
    let mention = ms
        .iter()
        .find(|m| m.external_id == MENTION_POST)
        .unwrap()
        .clone();
    let critic = ms
        .iter()
        .find(|m| m.external_id == CRITIC_POST)
        .unwrap()
        .clone();
    assert!(mention.remote.to_owner);
    assert_eq!(critic.author.followers, Some(240_000));
    assert!(
        critic
            .triage
            .reasons
            .iter()
            .any(|x| x == "verified account"),
        "{:?}",
        critic.triage.reasons
    );
    let health = wait_for(&mut r.rx, "the source's health", |e| match e {
        EngineEvent::SourceHealth {
            health: h @ Health::Ok { .. },
            ..
        } => Some(h.clone()),
        _ => None,
    })
    .await;
    assert!(
        matches!(&health, Health::Ok { detail: Some(d), .. } if d.contains("posts read this month of a cap of 10000")),
        "{health:?}"
    );

    // The critic's post does not mention the account: X would refuse; Earshot says so first.
    let rules = r.engine.reply_rules(critic.id).await.unwrap().unwrap();
    assert!(rules
        .elsewhere
        .is_some_and(|w| w.contains("answer this one on X")));
    assert!(r
        .engine
        .reply(critic.id, "Sorry to hear it", false)
        .await
        .unwrap_err()
        .to_string()
        .contains("mention or quote your account"));
    assert!(r
        .engine
        .reply_rules(mention.id)
        .await
        .unwrap()
        .unwrap()
        .elsewhere
        .is_none());

    for private in [false, true] {
        r.sim
            .faults
            .set(
                "replies",
                FaultSpec {
                    times: Some(1),
                    ..FaultSpec::new(Fault::DropAfterAccept)
                },
            )
            .unwrap();
        let text = if private {
            "Jade, DM'd you the tracking."
        } else {
            "Jade, so sorry! Checking your order now."
        };
        let first = r.engine.reply(mention.id, text, private).await.unwrap();
        let first_state = settled(&mut r.rx, first.id).await.state;
        assert_eq!(first_state, ReplyState::Failed);
        assert_eq!(
            r.engine.send(first.id).await.unwrap().state,
            ReplyState::Sent,
            "the retry finds what landed"
        );
    }
    assert_eq!(accepted(&r.sim, "/2/tweets"), 1, "one reply");
    assert_eq!(
        accepted(&r.sim, "/2/dm_conversations/messages"),
        1,
        "one message"
    );
    r.engine.shutdown();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_monthly_read_cap_pauses_listening_and_says_so() {
    let mut r = rig().await;
    let want = truth(&r);
    until(&mut r, &want, "a first poll").await;
    let src = r.engine.sources().await.unwrap().remove(0);
    r.engine
        .add_source(SourceSpec {
            monthly_cap: Some(1),
            ..src.spec
        })
        .await
        .unwrap();
    let reason = wait_for(&mut r.rx, "the cap to pause the source", |e| match e {
        EngineEvent::SourceHealth {
            health: Health::Limited { reason, .. },
            ..
        } => Some(reason.clone()),
        _ => None,
    })
    .await;
    assert!(
        reason.contains("cap of 1 posts read is reached"),
        "{reason}"
    );
    r.engine.shutdown();
}

/// X under `fault` after a first poll: the health says `says`; a mention made meanwhile arrives
/// once after it clears (a refused login: after the owner logs in again).
async fn survives(fault: FaultSpec, says: &str) {
    let mut r = rig().await;
    let mut want = truth(&r);
    until(&mut r, &want, "a first poll").await;
    let p = r.sim.social.inject_x(&serde_json::from_value(serde_json::json!({"handle": "late_lou", "text": "@brightsidecoffee still waiting on my refund"})).unwrap());
    want.insert(p.id);
    r.sim.faults.set("x", fault).unwrap();
    r.engine.poll_now();
    let text = common::fault_words(&mut r.rx).await;
    assert!(text.contains(says), "{:?}: \"{text}\"", fault.kind);
    r.sim.faults.set("x", FaultSpec::new(Fault::None)).unwrap();
    if fault.kind == Fault::Unauthorized {
        earshot_core::demo::sign_in_to_x(&r.engine, &r.sim.base_url, 1)
            .await
            .unwrap();
    }
    r.engine.poll_now();
    until(&mut r, &want, "the mention made during the fault").await;
    assert_eq!(
        r.engine
            .sources()
            .await
            .unwrap()
            .iter()
            .filter(|s| s.spec.kind == SourceKind::X)
            .count(),
        1
    );
    r.engine.shutdown();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn x_faults_lose_nothing() {
    survives(
        FaultSpec {
            retry_after: Some(1),
            times: Some(2),
            ..FaultSpec::new(Fault::RateLimit)
        },
        "rate limited",
    )
    .await;
    survives(
        FaultSpec {
            retry_after: Some(0),
            times: Some(2),
            ..FaultSpec::new(Fault::RateLimit)
        },
        "rate limited",
    )
    .await;
    survives(FaultSpec::new(Fault::Unauthorized), "log in").await;
    survives(FaultSpec::new(Fault::ServerError), "http 500").await;
    survives(FaultSpec::new(Fault::Truncated), "malformed").await;
}

/// The X source of a rig.
async fn x_source(engine: &Engine) -> earshot_core::model::Source {
    engine
        .sources()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.spec.kind == SourceKind::X)
        .unwrap()
}

/// Waits for the X source to report a health `pick` accepts.
async fn health_with(r: &mut Rig, what: &str, pick: impl Fn(&Health) -> bool) {
    wait_for(&mut r.rx, what, |e| match e {
        EngineEvent::SourceHealth { health, .. } => pick(health).then_some(()),
        _ => None,
    })
    .await
}

fn post(r: &Rig, handle: &str, text: &str) -> String {
    r.sim
        .social
        .inject_x(&earshot_sim::x::InjectX {
            handle: Some(handle.into()),
            text: text.into(),
            followers: Some(10),
            verified: false,
            raw: None,
        })
        .id
}

/// With the app's bearer token the source opens X's filtered stream under two rules of its own
/// (mentions, terms) and hears posts as they are made — it polls only hourly here, so nothing
/// else could bring them; a dropped stream reconnects and its catch-up poll brings what came
/// meanwhile, each post once; a plan without the stream makes it poll and say why.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_filtered_stream_hears_posts_as_made_and_catches_up_after_a_drop() {
    let mut r = rig().await;
    let mut spec = x_source(&r.engine).await.spec;
    spec.interval_secs = Some(3_600);
    r.engine.add_source(spec).await.unwrap();
    let first = truth(&r);
    until(&mut r, &first, "the first poll").await;
    earshot_core::demo::stream_x(&r.engine).await.unwrap();
    health_with(
        &mut r,
        "the stream open",
        |h| matches!(h, Health::Ok { detail: Some(d), .. } if d.starts_with("filtered stream")),
    )
    .await;
    let rules: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/x/2/tweets/search/stream/rules", r.sim.base_url))
        .bearer_auth(earshot_core::demo::SIM_X_APP_BEARER)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let values: Vec<&str> = rules["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["value"].as_str().unwrap())
        .collect();
    assert!(
        values.contains(&"@brightsidecoffee -is:retweet"),
        "{values:?}"
    );
    assert_eq!(
        values.len(),
        2,
        "the mentions rule and the terms rule: {values:?}"
    );

    let live = post(
        &r,
        "fast_fay",
        "@brightsidecoffee is the drive-through open?",
    );
    until(&mut r, &BTreeSet::from([live.clone()]), "the streamed post").await;
    let m = stored(&r.engine)
        .await
        .into_iter()
        .find(|m| m.external_id == live)
        .unwrap();
    assert!(
        m.remote.to_owner,
        "it matched the mentions rule: answerable"
    );

    // The stream drops; a post made while it is down comes with the reconnection's catch-up.
    r.sim.social.set_stream(Net::X, false);
    let missed = post(&r, "gap_gil", "Brightside Coffee ran out of oat milk again");
    r.sim.social.set_stream(Net::X, true);
    until(
        &mut r,
        &BTreeSet::from([missed]),
        "the post made while the stream was down",
    )
    .await;
    r.sim.social.wait_streams(Net::X, 1).await;
    let after = post(&r, "back_bo", "Brightside Coffee is back to normal");
    until(
        &mut r,
        &BTreeSet::from([after]),
        "a post after the reconnection",
    )
    .await;

    // A plan without the stream: X's 403 turns the source to polling, saying why.
    r.sim.social.x_stream_allowed(false);
    r.sim.social.set_stream(Net::X, false);
    r.sim.social.set_stream(Net::X, true);
    health_with(&mut r, "polling, and why", |h| {
        matches!(h, Health::Limited { reason, .. } if reason.contains("filtered stream is not open"))
    })
    .await;
}
