//! Reddit against the simulator: subreddits and search without a login, the inbox with one,
//! comments and private messages sent exactly once (also when the answer is lost), and the
//! network's faults (429 with and without Retry-After, an expired login, 5xx, truncated JSON)
//! with nothing lost and nothing stored twice.

use std::collections::BTreeSet;

use earshot_core::clock::Clock;
use earshot_core::config::Config;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::{Channel, Kind, Mention, ReplyState, SourceKind};
use earshot_core::store::db::Db;
use earshot_sim::{Fault, FaultSpec, Net, Reveal, Sim, SimOptions};
use tokio::sync::broadcast::Receiver;

mod common;
use common::live::settled;
use common::{wait_for, Recorder};

const POST: &str = "t3_1brpost";
const COMPLAINT: &str = "t1_kbrcompl";
const MESSAGE: &str = "t4_2brmsg";
const SOURCE: &str = "Reddit (simulated)";

struct Rig {
    sim: Sim,
    engine: Engine,
    rx: Receiver<EngineEvent>,
    _dir: tempfile::TempDir,
}

/// The simulator with everything visible and an engine on its Reddit source alone, logged in
/// when `sign_in`.
async fn rig(sign_in: bool) -> Rig {
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
    cfg.sources.retain(|s| s.kind == SourceKind::Reddit);
    for s in &mut cfg.sources {
        s.interval_secs = Some(1);
    }
    engine.apply_config(&cfg).await.unwrap();
    let rx = engine.subscribe();
    engine.start().await.unwrap();
    if sign_in {
        earshot_core::demo::sign_in_to_reddit(&engine, &sim.base_url, SOURCE)
            .await
            .expect("signs in to the simulated Reddit");
    }
    Rig {
        sim,
        engine,
        rx,
        _dir: dir,
    }
}

async fn all(engine: &Engine) -> Vec<Mention> {
    common::on_channel(engine, Channel::Reddit).await
}

/// Every stored Reddit id, asserting none is stored twice.
async fn stored(engine: &Engine) -> BTreeSet<String> {
    let ids: Vec<String> = all(engine)
        .await
        .into_iter()
        .map(|m| m.external_id)
        .collect();
    let set: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(set.len(), ids.len(), "no mention stored twice");
    set
}

async fn until_stored(r: &mut Rig, want: &[&str], what: &str) {
    loop {
        let have = stored(&r.engine).await;
        if want.iter().all(|w| have.contains(*w)) {
            return;
        }
        wait_for(&mut r.rx, what, |e| {
            matches!(e, EngineEvent::MentionsAdded { .. }).then_some(())
        })
        .await;
    }
}

async fn mention(engine: &Engine, id: &str) -> Mention {
    all(engine)
        .await
        .into_iter()
        .find(|m| m.external_id == id)
        .unwrap_or_else(|| panic!("{id} stored"))
}

fn accepted(sim: &Sim, path: &str, field: &str, value: &str) -> usize {
    sim.social
        .writes()
        .iter()
        .filter(|w| {
            w.net == Net::Reddit
                && w.accepted
                && w.path == path
                && w.body.get(field).and_then(|v| v.as_str()) == Some(value)
        })
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subreddits_and_search_without_a_login_then_the_inbox_with_one() {
    let mut r = rig(false).await;
    until_stored(
        &mut r,
        &[POST, COMPLAINT],
        "the subreddit's post and comment",
    )
    .await;
    let complaint = mention(&r.engine, COMPLAINT).await;
    assert_eq!(complaint.remote.kind, Some(Kind::Comment));
    assert_eq!(complaint.author.handle, "u/grumpy_gus");
    assert!(
        complaint.author.karma.is_some(),
        "karma stands in for reach"
    );
    assert_eq!(
        complaint.remote.post_text.as_deref(),
        Some("Has anyone tried Brightside Coffee on Division?")
    );
    assert!(complaint
        .url
        .as_deref()
        .unwrap()
        .starts_with("https://www.reddit.com/r/Portland/comments/"));
    assert!(
        !stored(&r.engine).await.contains(MESSAGE),
        "messages need a login"
    );
    // Logged out, a reply is refused in words before anything is sent.
    let refused = r
        .engine
        .reply(complaint.id, "Sorry!", false)
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("log in"), "{refused}");

    earshot_core::demo::sign_in_to_reddit(&r.engine, &r.sim.base_url, SOURCE)
        .await
        .unwrap();
    let src = r.engine.sources().await.unwrap();
    assert_eq!(src.len(), 1, "the login kept the one source");
    assert_eq!(
        src[0].spec.queries,
        ["r/Portland", "r/Coffee", "Brightside Coffee"]
    );
    until_stored(&mut r, &[MESSAGE], "the inbox's private message").await;
    let msg = mention(&r.engine, MESSAGE).await;
    assert_eq!(msg.remote.kind, Some(Kind::Message));
    assert!(msg.remote.to_owner);
    r.engine.shutdown();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comment_and_a_private_message_are_sent_once_even_when_the_answer_is_lost() {
    let mut r = rig(true).await;
    until_stored(&mut r, &[COMPLAINT], "the complaint").await;
    let complaint = mention(&r.engine, COMPLAINT).await;
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
            "Gus, sorry: send us your order time and we'll refund the double charge."
        } else {
            "Sorry Gus, that should not happen. We've sent you a message."
        };
        let first = r.engine.reply(complaint.id, text, private).await.unwrap();
        assert_eq!(settled(&mut r.rx, first.id).await.state, ReplyState::Failed);
        let again = r.engine.send(first.id).await.unwrap();
        assert_eq!(again.state, ReplyState::Sent, "{:?}", again.error);
    }
    assert_eq!(
        accepted(&r.sim, "/api/comment", "thing_id", COMPLAINT),
        1,
        "one comment"
    );
    assert_eq!(
        accepted(&r.sim, "/api/compose", "to", "grumpy_gus"),
        1,
        "one message"
    );
    r.engine.shutdown();
}

/// Reddit under `fault` after a first poll: the health says `says`; comments made meanwhile
/// arrive once after it clears (a refused login: after the owner logs in again).
async fn survives(fault: FaultSpec, says: &str) {
    let mut r = rig(true).await;
    until_stored(&mut r, &[COMPLAINT, MESSAGE], "a first poll").await;
    let new = r.sim.social.inject_reddit(
        &serde_json::from_value(serde_json::json!({
            "kind": "t1", "handle": "late_lucy", "text": "Brightside Coffee lost my order during the outage"
        }))
        .unwrap(),
    );
    r.sim.faults.set("reddit", fault).unwrap();
    r.engine.poll_now();
    let text = common::fault_words(&mut r.rx).await;
    assert!(text.contains(says), "{:?}: \"{text}\"", fault.kind);
    r.sim
        .faults
        .set("reddit", FaultSpec::new(Fault::None))
        .unwrap();
    if fault.kind == Fault::Unauthorized {
        earshot_core::demo::sign_in_to_reddit(&r.engine, &r.sim.base_url, SOURCE)
            .await
            .unwrap();
    }
    r.engine.poll_now();
    let id = new.fullname();
    until_stored(&mut r, &[id.as_str()], "the comment made during the fault").await;
    stored(&r.engine).await;
    r.engine.shutdown();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_with_and_without_retry_after() {
    survives(
        FaultSpec {
            retry_after: Some(1),
            times: Some(3),
            ..FaultSpec::new(Fault::RateLimit)
        },
        "rate limited",
    )
    .await;
    survives(
        FaultSpec {
            retry_after: Some(0),
            times: Some(3),
            ..FaultSpec::new(Fault::RateLimit)
        },
        "rate limited",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_login_asks_for_a_login() {
    survives(FaultSpec::new(Fault::Unauthorized), "log in").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors_and_truncated_json() {
    survives(FaultSpec::new(Fault::ServerError), "http 500").await;
    survives(FaultSpec::new(Fault::Truncated), "malformed").await;
}
