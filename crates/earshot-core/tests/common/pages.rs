//! The Facebook Page, Instagram and Google reviews (and YouTube, signed in with the same
//! Google login) against the simulator: an engine signed in to them as an owner is, and waits
//! on what it stores.

use std::collections::BTreeSet;
use std::sync::Arc;

use earshot_core::clock::Clock;
use earshot_core::config::Config;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::{Channel, Health, Mention, SourceKind};
use earshot_core::store::db::Db;
use earshot_core::store::MentionQuery;
use earshot_sim::{Net, Reveal, Sim, SimOptions};
use tokio::sync::broadcast::Receiver;

use super::{wait_for, Recorder};

pub struct Rig {
    pub sim: Sim,
    pub engine: Engine,
    pub rx: Receiver<EngineEvent>,
    pub alerts: Arc<Recorder>,
    _dir: tempfile::TempDir,
}

/// A simulator with everything visible, an engine with none of the other networks, signed in
/// to the Page, its Instagram account and the reviews, each polled every second.
pub async fn rig() -> Rig {
    let sim = Sim::start(SimOptions {
        reveal: Reveal::All,
        count: Some(3),
        ..SimOptions::default()
    })
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let alerts = Arc::new(Recorder::default());
    let engine = Engine::new(
        Db::open(dir.path()).unwrap(),
        alerts.clone(),
        Clock::system(),
    );
    let mut cfg = Config::parse(&sim.config_toml()).unwrap();
    cfg.sources.clear();
    cfg.alerts.burst_max = 10_000;
    cfg.alerts.urgent_burst_max = 10_000;
    engine.apply_config(&cfg).await.unwrap();
    let rx = engine.subscribe();
    engine.start().await.unwrap();
    earshot_core::demo::sign_in_to_pages(&engine, &sim.base_url, 1)
        .await
        .expect("signs in to the Page and Google");
    Rig {
        sim,
        engine,
        rx,
        alerts,
        _dir: dir,
    }
}

/// What the three sources must store (the simulator knows what it has shown).
pub fn truth(sim: &Sim) -> BTreeSet<(String, String)> {
    sim.social.presence_truth()
}

pub async fn all(engine: &Engine) -> Vec<Mention> {
    engine
        .list(MentionQuery {
            limit: Some(1_000),
            ..Default::default()
        })
        .await
        .unwrap()
        .mentions
}

/// Every stored (channel, id) of the three networks, asserting none is stored twice.
pub async fn stored(engine: &Engine) -> BTreeSet<(String, String)> {
    let keys: Vec<_> = all(engine)
        .await
        .into_iter()
        .filter(|m| {
            matches!(
                m.channel,
                Channel::Facebook | Channel::Instagram | Channel::GoogleReviews
            )
        })
        .map(|m| (m.channel.as_str().to_string(), m.external_id))
        .collect();
    let set: BTreeSet<_> = keys.iter().cloned().collect();
    assert_eq!(set.len(), keys.len(), "no mention stored twice");
    set
}

/// Waits until everything in `want` is stored.
pub async fn until_stored(r: &mut Rig, want: &BTreeSet<(String, String)>, what: &str) {
    loop {
        let have = stored(&r.engine).await;
        if have.is_superset(want) {
            return;
        }
        let missing: Vec<_> = want.difference(&have).collect();
        let what = format!("{what} (missing {missing:?})");
        wait_for(&mut r.rx, &what, |e| {
            matches!(e, EngineEvent::MentionsAdded { .. }).then_some(())
        })
        .await;
    }
}

pub async fn mention(engine: &Engine, id: &str) -> Mention {
    all(engine)
        .await
        .into_iter()
        .find(|m| m.external_id == id)
        .unwrap_or_else(|| panic!("{id} stored"))
}

/// Waits until the three sources have all reported a health `pred` accepts.
pub async fn health(r: &mut Rig, what: &str, pred: impl Fn(&Health) -> bool) -> Vec<Health> {
    let ids: Vec<i64> = r
        .engine
        .sources()
        .await
        .unwrap()
        .into_iter()
        .filter(|s| {
            matches!(
                s.spec.kind,
                SourceKind::Facebook | SourceKind::Instagram | SourceKind::GoogleReviews
            )
        })
        .map(|s| s.id)
        .collect();
    assert_eq!(ids.len(), 3, "three sources");
    let mut seen = std::collections::HashMap::new();
    while seen.len() < ids.len() {
        let (id, h) = wait_for(&mut r.rx, what, |e| match e {
            EngineEvent::SourceHealth { source_id, health } if ids.contains(source_id) => {
                Some((*source_id, health.clone()))
            }
            _ => None,
        })
        .await;
        if pred(&h) {
            seen.insert(id, h);
        }
    }
    seen.into_values().collect()
}

pub fn accepted(sim: &Sim, net: Net, path_end: &str, field: &str, value: &str) -> usize {
    sim.social
        .writes()
        .iter()
        .filter(|w| {
            w.net == net
                && w.accepted
                && w.path.ends_with(path_end)
                && w.body.get(field).and_then(|v| v.as_str()) == Some(value)
        })
        .count()
}
