//! `earshot bench day`: what a day of listening costs. `earshot watch` runs as its own process
//! against the simulator, every demo source listening at an owner's intervals (feeds every
//! 120 s, not the demo's 5 s), while the simulator's Jetstream carries
//! the rest of the network (`--rate` unrelated posts a second) as the real one does. After
//! `--settle-secs`, it is watched for `--minutes`: bytes the Jetstream connection carried (on
//! the wire, compressed, and the JSON inside, side by side), the process's CPU seconds, its
//! context switches (every time it woke up), and its memory; then for as long again with
//! nothing on the stream, for what its own timers cost. Linux only (it reads `/proc`).

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use earshot_core::model::SourceKind;
use earshot_sim::{Net, Reveal, Sim, SimOptions};
use serde_json::json;

use super::Figure;

/// Linux's clock tick for `/proc/<pid>/stat` times (USER_HZ, 100 on every mainstream ABI).
const TICKS_PER_SECOND: f64 = 100.0;

/// What the watched process had used at one moment.
#[derive(Debug, Clone)]
struct Usage {
    cpu_ticks: u64,
    /// Context switches of each thread, by thread id.
    switches: std::collections::HashMap<String, u64>,
    /// Each thread's name (`comm`), by thread id.
    names: std::collections::HashMap<String, String>,
    rss_kib: u64,
}

/// What happened over a measuring window: the readings at its ends, and the wake-ups of every
/// thread that lived in it. Threads are read every second, so a thread that starts inside the
/// window counts from its start, and one that ends takes at most its last second with it (the
/// runtime's blocking threads end after an idle while: read only at the ends, their wake-ups
/// went uncounted).
struct Window {
    start: Usage,
    end: Usage,
    wakeups: u64,
    /// Wake-ups by thread name (threads of one name summed), most first.
    by_name: Vec<(String, u64)>,
    secs: f64,
}

/// Watches process `pid` for `length`.
async fn window(pid: u32, length: Duration) -> Result<Window> {
    use std::collections::HashMap;
    let start = usage(pid)?;
    let at = Instant::now();
    // Per thread id: (count when first seen, latest count, name).
    let mut seen: HashMap<String, (u64, u64, String)> = start
        .switches
        .iter()
        .map(|(tid, n)| {
            (
                tid.clone(),
                (*n, *n, start.names.get(tid).cloned().unwrap_or_default()),
            )
        })
        .collect();
    let mut end = start.clone();
    while at.elapsed() < length {
        // Reading /proc each second: the measurement's own pace, not a wait for an event.
        tokio::time::sleep(Duration::from_secs(1).min(length.saturating_sub(at.elapsed()))).await;
        end = usage(pid)?;
        for (tid, n) in &end.switches {
            let name = end.names.get(tid).cloned().unwrap_or_default();
            // Born inside the window: every switch since its start counts.
            let e = seen.entry(tid.clone()).or_insert((0, 0, name));
            e.1 = *n;
        }
    }
    let mut by: std::collections::BTreeMap<String, u64> = Default::default();
    for (first, last, name) in seen.values() {
        *by.entry(name.clone()).or_default() += last.saturating_sub(*first);
    }
    let wakeups = by.values().sum();
    let mut by_name: Vec<_> = by.into_iter().filter(|(_, n)| *n > 0).collect();
    by_name.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    Ok(Window {
        start,
        end,
        wakeups,
        by_name,
        secs: at.elapsed().as_secs_f64(),
    })
}

/// CPU ticks (user + system), context switches of every thread, and resident memory.
fn usage(pid: u32) -> Result<Usage> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).context("reading /proc")?;
    // The command name is in parentheses and may hold spaces: count fields after the last ')'.
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the name and state.
    let cpu_ticks = tick(11) + tick(12);
    let mut switches = std::collections::HashMap::new();
    let mut names = std::collections::HashMap::new();
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))?.flatten() {
        let tid = task.file_name().to_string_lossy().into_owned();
        let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
        names.insert(tid.clone(), comm.trim().to_string());
        let status = std::fs::read_to_string(task.path().join("status")).unwrap_or_default();
        let n: u64 = status
            .lines()
            .filter_map(|line| {
                line.strip_prefix("voluntary_ctxt_switches:")
                    .or_else(|| line.strip_prefix("nonvoluntary_ctxt_switches:"))
            })
            .filter_map(|v| v.trim().parse::<u64>().ok())
            .sum();
        switches.insert(tid, n);
    }
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let rss_kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Ok(Usage {
        cpu_ticks,
        switches,
        names,
        rss_kib,
    })
}

struct Watch(Child);
impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn figure(name: &str, unit: &'static str, value: f64, text: String) -> Figure {
    let mut fields = serde_json::Map::new();
    fields.insert("value".into(), json!((value * 1000.0).round() / 1000.0));
    Figure {
        name: name.into(),
        unit,
        fields,
        text,
    }
}

/// Runs the day benchmark for `minutes` with `rate` unrelated Bluesky posts a second, after
/// `settle` of listening (connections made, catch-ups and first polls done); then `minutes`
/// quiet, and, when `idle` is not zero, `minutes` more after `idle` of quiet.
pub async fn day(minutes: f64, rate: u32, settle: Duration, idle: Duration) -> Result<Vec<Figure>> {
    if !Path::new("/proc/self/stat").exists() {
        bail!("bench day reads /proc: it runs on Linux");
    }
    let sim = Sim::start(SimOptions {
        reveal: Reveal::Timed,
        firehose: rate,
        ..SimOptions::default()
    })
    .await?;
    let dir = tempfile::tempdir()?;
    let config = dir.path().join("earshot.toml");
    // The demo polls every 5 s to feel alive; a day is measured at the intervals an owner's
    // sources have: each connector's default (120 s for feeds, Hacker News and Reddit). Mastodon
    // keeps its 30 s (a logged-out hashtag on a 4.2+ server polls at that), Bluesky streams.
    let mut cfg = earshot_core::config::Config::parse(&sim.config_toml())?;
    for src in &mut cfg.sources {
        if !matches!(src.kind, SourceKind::Mastodon | SourceKind::Bluesky) {
            src.interval_secs = None;
        }
    }
    std::fs::write(&config, cfg.to_toml())?;
    let exe = std::env::current_exe().context("finding the earshot executable")?;
    let child = Command::new(exe)
        .arg("watch")
        .arg("--config")
        .arg(&config)
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .context("starting earshot watch")?;
    let watch = Watch(child);
    let pid = watch.0.id();
    tokio::time::timeout(
        Duration::from_secs(60),
        sim.social.wait_streams_at_least(Net::Bluesky, 1),
    )
    .await
    .context("earshot watch did not connect to Jetstream")?;
    // Not synchronisation: the first minutes (catch-ups, first polls) are not a day's rate.
    tokio::time::sleep(settle).await;
    let t0 = sim.social.jetstream_traffic();
    let busy = window(pid, Duration::from_secs_f64(minutes * 60.0)).await?;
    let (t1, secs) = (sim.social.jetstream_traffic(), busy.secs);
    // Then as quiet as a network gets (no posts on the stream, the polls on their intervals):
    // what wakes the process then is its own timers.
    sim.social.set_firehose(0);
    let from = sim.faults.now_ms();
    let quiet = window(pid, Duration::from_secs_f64(minutes * 60.0)).await?;
    let mut later = quiet_figures(
        "day_quiet",
        "with nothing on the stream",
        &quiet,
        &sim.faults.requests(),
        from,
    );
    if idle > Duration::ZERO {
        // Hours of silence, shortened: what a quiet afternoon costs once the polls have slowed.
        tokio::time::sleep(idle).await;
        let from = sim.faults.now_ms();
        let idle_window = window(pid, Duration::from_secs_f64(minutes * 60.0)).await?;
        later.extend(quiet_figures(
            "day_idle",
            &format!("after {:.0} minutes more of it", idle.as_secs_f64() / 60.0),
            &idle_window,
            &sim.faults.requests(),
            from,
        ));
    }
    drop(watch);
    let per_hour = 3600.0 / secs;
    let wire = t1.wire_bytes.saturating_sub(t0.wire_bytes) as f64 * per_hour;
    let json = t1.json_bytes.saturating_sub(t0.json_bytes) as f64 * per_hour;
    let frames = t1.frames.saturating_sub(t0.frames) as f64 / secs;
    let cpu = busy.end.cpu_ticks.saturating_sub(busy.start.cpu_ticks) as f64 / TICKS_PER_SECOND
        * per_hour;
    let wakeups = busy.wakeups as f64 * 60.0 / secs;
    let u1 = quiet.end;
    let mb = |b: f64| b / 1e6;
    Ok(vec![
        figure(
            "day_jetstream_bytes_per_hour_compressed",
            "bytes/h",
            wire,
            format!(
                "Jetstream, compressed (zstd, dictionary): {:.1} MB/h at {frames:.0} events/s",
                mb(wire)
            ),
        ),
        figure(
            "day_jetstream_bytes_per_hour_uncompressed",
            "bytes/h",
            json,
            format!(
                "Jetstream, the same events uncompressed: {:.1} MB/h",
                mb(json)
            ),
        ),
        figure(
            "day_jetstream_compression_ratio",
            "ratio",
            if json > 0.0 { wire / json } else { 1.0 },
            format!(
                "compressed ÷ uncompressed: {:.2}",
                if json > 0.0 { wire / json } else { 1.0 }
            ),
        ),
        figure(
            "day_cpu_seconds_per_hour",
            "s/h",
            cpu,
            format!("earshot watch, every demo source listening: {cpu:.1} CPU s/h"),
        ),
        figure(
            "day_wakeups_per_minute",
            "1/min",
            wakeups,
            format!("context switches (wake-ups, all threads): {wakeups:.0}/min"),
        ),
        figure(
            "day_rss_mib",
            "MiB",
            u1.rss_kib as f64 / 1024.0,
            format!(
                "resident memory at the end: {:.1} MiB",
                u1.rss_kib as f64 / 1024.0
            ),
        ),
    ]
    .into_iter()
    .chain(later)
    .collect())
}

/// Wake-ups, CPU and the requests the simulator received (from `from_ms` on) over a quiet
/// window: what the process's own timers and polls cost.
fn quiet_figures(
    name: &str,
    what: &str,
    w: &Window,
    requests: &[earshot_sim::RequestRecord],
    from_ms: u128,
) -> Vec<Figure> {
    let per_minute = |n: u64| n as f64 * 60.0 / w.secs;
    let wakeups = per_minute(w.wakeups);
    let threads = w
        .by_name
        .iter()
        .map(|(name, n)| format!("{name} {:.0}", per_minute(*n)))
        .collect::<Vec<_>>()
        .join(", ");
    let cpu = w.end.cpu_ticks.saturating_sub(w.start.cpu_ticks) as f64 / TICKS_PER_SECOND * 3600.0
        / w.secs;
    let until = from_ms + (w.secs * 1000.0) as u128;
    let mut by: std::collections::BTreeMap<&str, u64> = Default::default();
    for r in requests
        .iter()
        .filter(|r| r.at_ms >= from_ms && r.at_ms < until)
    {
        *by.entry(r.target.as_str()).or_default() += 1;
    }
    let total = per_minute(by.values().sum());
    let targets = by
        .iter()
        .map(|(t, n)| format!("{t} {:.1}", per_minute(*n)))
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        figure(
            &format!("{name}_wakeups_per_minute"),
            "1/min",
            wakeups,
            format!("wake-ups {what} (timers and polls): {wakeups:.0}/min ({threads})"),
        ),
        figure(
            &format!("{name}_cpu_seconds_per_hour"),
            "s/h",
            cpu,
            format!("CPU {what}: {cpu:.1} s/h"),
        ),
        figure(
            &format!("{name}_requests_per_minute"),
            "1/min",
            total,
            format!("requests to the networks {what}: {total:.1}/min ({targets})"),
        ),
    ]
}
