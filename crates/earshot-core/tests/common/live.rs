//! Mastodon and Bluesky against the simulator: an engine on a temporary database watching a
//! fresh simulator, and waits on what it stores and sends.

use std::collections::HashMap;
use std::sync::Arc;

use earshot_core::clock::Clock;
use earshot_core::config::Config;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::{Mention, ReplyState};
use earshot_core::secrets::{MemorySecrets, Secrets};
use earshot_core::store::db::Db;
use earshot_sim::social::{BSKY_APP_PASSWORD, BSKY_HANDLE};
use earshot_sim::{Net, Reveal, Sim, SimOptions};
use tokio::sync::broadcast::Receiver;

use super::{wait_for, Recorder};

/// Waits until mentions with these external ids have all been added; counts every addition.
pub async fn wait_added(
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
pub async fn post_and_wait(
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
pub async fn settled(rx: &mut Receiver<EngineEvent>, id: i64) -> earshot_core::model::Reply {
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

/// The Message-IDs listening to the simulated inbox must store by now.
pub fn mail_ids(sim: &Sim) -> Vec<String> {
    let truth = sim.social.mail().truth();
    truth.into_iter().map(|(_, id)| id).collect()
}

/// Signs in to the simulator's Mastodon and Bluesky, on the sources its config names.
pub async fn sign_in_to_sim(engine: &Engine, sim: &Sim) {
    earshot_core::demo::sign_in_to_simulator(
        engine,
        &sim.base_url,
        ("Mastodon (simulated)", "Bluesky (simulated)"),
        (BSKY_HANDLE, BSKY_APP_PASSWORD),
    )
    .await
    .expect("signs in to the simulator");
}

/// A simulator serving `count` scripted posts per source, all at once.
pub async fn sim_with(count: usize) -> Sim {
    sim_revealing(Some(count)).await
}

/// A simulator serving its whole script (`count` posts per source, or its default) at once.
pub async fn sim_revealing(count: Option<usize>) -> Sim {
    Sim::start(SimOptions {
        reveal: Reveal::All,
        count,
        ..SimOptions::default()
    })
    .await
    .unwrap()
}

pub struct Setup {
    pub sim: Sim,
    pub _dir: tempfile::TempDir,
    pub dir: std::path::PathBuf,
    pub engine: Engine,
    pub rx: Receiver<EngineEvent>,
    pub recorder: Arc<Recorder>,
    pub secrets: MemorySecrets,
}

pub async fn setup(sign_in: bool) -> Setup {
    setup_with(sign_in, |_| {}).await
}

/// `before` shapes the simulator before the engine starts.
pub async fn setup_with(sign_in: bool, before: impl FnOnce(&Sim)) -> Setup {
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
    cfg.alerts.urgent_burst_max = 1_000;
    engine.apply_config(&cfg).await.unwrap();
    let rx = engine.subscribe();
    engine.start().await.unwrap();
    if sign_in {
        sign_in_to_sim(&engine, &sim).await;
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
