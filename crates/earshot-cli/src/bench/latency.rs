//! Post emitted by the simulator → the Notifier called, streamed and polled.

use std::sync::Arc;
use std::time::Instant;

use super::{latency_figure, Figure};
use anyhow::Result;
use earshot_core::clock::Clock;
use earshot_core::engine::Engine;
use earshot_core::model::{Channel, SourceKind};
use earshot_core::store::db::Db;
use earshot_core::triage::linear::SplitMix;

/// Remembers when each alert was asked for.
#[derive(Default)]
pub(super) struct Stopwatch {
    pub(super) calls: std::sync::Mutex<Vec<(i64, Instant)>>,
    pub(super) wake: tokio::sync::Notify,
}

impl earshot_core::alerts::Notifier for Stopwatch {
    fn notify(
        &self,
        alert: &earshot_core::alerts::Alert,
    ) -> Result<(), earshot_core::alerts::NotifyError> {
        let at = Instant::now();
        self.calls
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((alert.mention_id, at));
        self.wake.notify_one();
        Ok(())
    }
}

pub(super) async fn latency(n: usize, rate: u32) -> Result<Vec<Figure>> {
    use earshot_sim::{Net, Reveal, Sim, SimOptions};
    // No scripted posts: only the timed ones (and two warm-ups) reach the notifier.
    let sim = Sim::start(SimOptions {
        reveal: Reveal::All,
        count: Some(0),
        ..SimOptions::default()
    })
    .await?;
    // The streaming path, as a logged-in account (or an instance from before 4.2) has it.
    sim.social.allow_anonymous_streaming(true);
    let dir = tempfile::tempdir()?;
    let watch = Arc::new(Stopwatch::default());
    let engine = Engine::new(Db::open(dir.path())?, watch.clone(), Clock::system());
    let mut cfg = earshot_core::config::Config::parse(&sim.config_toml())?;
    cfg.sources
        .retain(|s| matches!(s.kind, SourceKind::Bluesky | SourceKind::Mastodon));
    // Every new mention notifies, so every post is timed.
    cfg.alerts.notify_min = 0;
    cfg.alerts.burst_max = u32::MAX;
    cfg.alerts.urgent_burst_max = u32::MAX;
    engine.apply_config(&cfg).await?;
    engine.start().await?;
    sim.social.wait_streams(Net::Bluesky, 1).await;
    sim.social.wait_streams(Net::Mastodon, 1).await;
    let gap = std::time::Duration::from_secs_f64(1.0 / f64::from(rate.max(1)));
    let mut emitted: std::collections::HashMap<String, Instant> = std::collections::HashMap::new();
    let wait_for = |want: usize| {
        let watch = watch.clone();
        async move {
            loop {
                let notified = watch.wake.notified();
                if watch.calls.lock().unwrap_or_else(|p| p.into_inner()).len() >= want {
                    return;
                }
                notified.await;
            }
        }
    };
    // Warm up until each stream has delivered a post (a subscription may still be settling).
    let count = |w: &Stopwatch| w.calls.lock().unwrap_or_else(|p| p.into_inner()).len();
    let mut warmed = false;
    for round in 0..20 {
        let before = count(&watch);
        sim.social.inject(
            Net::Bluesky,
            "warm.bsky.social",
            &format!("Brightside Coffee warm-up {round}"),
            1,
            false,
        );
        sim.social.inject(
            Net::Mastodon,
            "warm",
            &format!("warm-up {round} #brightsidecoffee"),
            1,
            false,
        );
        let arrived =
            tokio::time::timeout(std::time::Duration::from_secs(2), wait_for(before + 2)).await;
        if arrived.is_ok() {
            warmed = true;
            break;
        }
    }
    anyhow::ensure!(warmed, "the streams never delivered a warm-up post");
    let base = count(&watch);
    let mut next = tokio::time::Instant::now();
    for i in 0..n {
        let (net, handle, text) = if i % 2 == 0 {
            (
                Net::Bluesky,
                format!("p{i}.bsky.social"),
                format!("Brightside Coffee post {i}: my order is late"),
            )
        } else {
            (
                Net::Mastodon,
                format!("p{i}"),
                format!("post {i} about #brightsidecoffee, order late"),
            )
        };
        let at = Instant::now();
        let p = sim.social.inject(net, &handle, &text, 100, false);
        emitted.insert(p.external_id(), at);
        next += gap;
        tokio::time::sleep_until(next).await;
    }
    tokio::time::timeout(std::time::Duration::from_secs(60), wait_for(base + n))
        .await
        .map_err(|_| anyhow::anyhow!("not every post was notified within a minute"))?;
    let calls = watch
        .calls
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    let mut by_net: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    for (id, at) in calls {
        let m = engine.mention(id).await?;
        if let Some(t0) = emitted.get(&m.external_id) {
            let ms = at.duration_since(*t0).as_secs_f64() * 1000.0;
            by_net[usize::from(m.channel == Channel::Mastodon)].push(ms);
        }
    }
    engine.shutdown();
    let mut out = Vec::new();
    let mut all: Vec<f64> = by_net.iter().flatten().copied().collect();
    all.sort_by(f64::total_cmp);
    anyhow::ensure!(all.len() == n, "timed {} of {n} posts", all.len());
    for (i, name) in ["bluesky (Jetstream)", "mastodon (WebSocket)"]
        .iter()
        .enumerate()
    {
        let mut v = by_net[i].clone();
        v.sort_by(f64::total_cmp);
        if !v.is_empty() {
            out.push(latency_figure(format!("latency {name}"), &v));
        }
    }
    out.push(latency_figure(
        format!("latency stream→notify n={n} @{rate}/s"),
        &all,
    ));
    Ok(out)
}

/// Mastodon without an account on an instance that streams only to logged-in clients (4.2 and
/// later): the source polls the hashtag every `poll_secs`. Each post is made at a random phase
/// of the poll cycle and timed to its notification, one at a time.
pub(super) async fn polled_latency(n: usize, poll_secs: u32) -> Result<Figure> {
    use earshot_sim::{Net, Reveal, Sim, SimOptions};
    let mut rng = SplitMix(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(7),
    );
    let sim = Sim::start(SimOptions {
        reveal: Reveal::All,
        count: Some(0),
        ..SimOptions::default()
    })
    .await?;
    let dir = tempfile::tempdir()?;
    let watch = Arc::new(Stopwatch::default());
    let engine = Engine::new(Db::open(dir.path())?, watch.clone(), Clock::system());
    let mut cfg = earshot_core::config::Config::parse(&sim.config_toml())?;
    cfg.sources.retain(|s| s.kind == SourceKind::Mastodon);
    for s in &mut cfg.sources {
        s.interval_secs = Some(poll_secs);
    }
    cfg.alerts.notify_min = 0;
    cfg.alerts.burst_max = u32::MAX;
    cfg.alerts.urgent_burst_max = u32::MAX;
    engine.apply_config(&cfg).await?;
    engine.start().await?;
    let count = |w: &Stopwatch| w.calls.lock().unwrap_or_else(|p| p.into_inner()).len();
    let mut ms = Vec::new();
    let cycle = std::time::Duration::from_secs(u64::from(poll_secs));
    for i in 0..n {
        let phase = cycle.mul_f64((rng.next_u64() % 10_000) as f64 / 10_000.0);
        tokio::time::sleep(phase).await;
        let before = count(&watch);
        let at = Instant::now();
        sim.social.inject(
            Net::Mastodon,
            &format!("polled{i}"),
            &format!("post {i} about #brightsidecoffee, order late"),
            100,
            false,
        );
        let arrived = tokio::time::timeout(cycle * 3 + std::time::Duration::from_secs(10), async {
            loop {
                let notified = watch.wake.notified();
                if count(&watch) > before {
                    return;
                }
                notified.await;
            }
        })
        .await;
        anyhow::ensure!(
            arrived.is_ok(),
            "a polled post was not notified within three polls"
        );
        ms.push(at.elapsed().as_secs_f64() * 1000.0);
    }
    engine.shutdown();
    ms.sort_by(f64::total_cmp);
    Ok(latency_figure(
        format!("latency mastodon without an account (polling every {poll_secs} s)"),
        &ms,
    ))
}
