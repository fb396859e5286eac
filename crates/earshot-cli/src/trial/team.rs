//! `earshot trial team`: two or three `earshot watch --team` processes (own data folders, one
//! PostgreSQL database) against the simulator, with posts arriving all along. The desktop that
//! listens for the most sources is killed with SIGKILL at random moments; the others must take
//! its sources over, and at the end the database holds every post once, no cursor is ahead of
//! what was stored, and the simulator's request log shows each polled source asked about once
//! per interval: one desktop's worth, not one per desktop.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use earshot_core::triage::linear::SplitMix;
use serde_json::json;
use tokio_postgres::Client;

use super::crash::{expected_posts, Injector, Stage};
use crate::bench::Figure;

type Key = (String, String);

/// The polled sources whose every poll is one request (Hacker News' search and the two feeds),
/// by the simulator's name for them; the trial's config polls them every second.
const ONE_REQUEST_POLLS: [&str; 3] = ["hn", "alerts", "reviews"];
const INTERVAL_SECS: f64 = 1.0;
/// How long the request log is read with every desktop running.
const STEADY: Duration = Duration::from_secs(10);

/// One desktop: `earshot watch --team` on its own data folder, its stderr in a log beside it.
struct Desktop {
    name: String,
    child: Option<Child>,
}

impl Desktop {
    fn start(
        exe: &Path,
        config: &Path,
        dir: &Path,
        url: &str,
        name: &str,
        lease: u64,
    ) -> Result<Desktop> {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join(format!("{name}.log")))?;
        let child = Command::new(exe)
            .arg("watch")
            .arg("--config")
            .arg(config)
            .arg("--data-dir")
            .arg(dir.join(name))
            .args(["--team", url, "--name", name, "--lease-secs"])
            .arg(lease.to_string())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .context("starting earshot watch --team")?;
        Ok(Desktop {
            name: name.to_string(),
            child: Some(child),
        })
    }

    /// SIGKILL: nothing released, the leases run out.
    fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        self.kill();
    }
}

/// `server`'s URL (password and all, for the desktops' command lines) naming `database`.
fn database_url(server: &str, database: &str) -> Result<String> {
    let mut url = url::Url::parse(server).context("the server's URL")?;
    url.set_path(&format!("/{database}"));
    Ok(url.to_string())
}

/// Sources held now, by holder's name.
async fn holders(db: &Client) -> Result<Vec<(String, i64)>> {
    Ok(db
        .query(
            "SELECT m.name, count(*) FROM source_leases l JOIN team_members m ON m.id = l.holder \
             WHERE l.expires_at > now() GROUP BY m.name ORDER BY count(*) DESC, m.name",
            &[],
        )
        .await?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect())
}

async fn sources(db: &Client) -> Result<i64> {
    Ok(db
        .query_one("SELECT count(*) FROM sources WHERE enabled", &[])
        .await?
        .get(0))
}

async fn stored(db: &Client) -> Result<Vec<Key>> {
    Ok(db
        .query("SELECT channel, external_id FROM mentions", &[])
        .await?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect())
}

/// Waits (at most `within`) until `ok` holds.
async fn until<F, Fut>(within: Duration, what: &str, mut ok: F) -> Result<Duration>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<bool>>,
{
    let start = Instant::now();
    while !ok().await? {
        if start.elapsed() > within {
            bail!("{what} did not happen within {within:?}");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok(start.elapsed())
}

/// What a team trial found.
struct Outcome {
    engines: usize,
    kills: usize,
    expected: usize,
    stored: usize,
    lost: Vec<Key>,
    duplicated: usize,
    takeover_max: Duration,
    /// Requests per source per polling interval, the most of the one-request sources.
    polls_per_interval: f64,
    cursor_ahead: bool,
    injected: usize,
    seconds: f64,
}

async fn run(
    server: &str,
    engines: usize,
    kills: usize,
    count: usize,
    seed: u64,
    lease: u64,
) -> Result<Outcome> {
    let exe = std::env::current_exe().context("finding the earshot executable")?;
    let address = {
        let server = server.to_string();
        tokio::task::spawn_blocking(move || crate::bench::scratch(&server, "trial_team", true))
            .await??
    };
    let url = database_url(server, "earshot_bench_trial_team")?;
    let db = address
        .connect()
        .await
        .with_context(|| format!("connecting to {address}"))?;
    let stage = Stage::set(seed, count).await?;
    let started = Instant::now();
    let names: Vec<String> = (1..=engines).map(|i| format!("Desk {i}")).collect();
    let mut desks = Vec::new();
    for name in &names {
        desks.push(Desktop::start(
            &exe,
            &stage.config,
            stage.dir.path(),
            &url,
            name,
            lease,
        )?);
    }
    // Every source is listened for, and the streams have saved where they start, before posts
    // begin (as in the solo crash trial).
    let all = until(
        Duration::from_secs(60),
        "every source listened for",
        || async {
            // The first desktop makes the tables.
            let Ok(n) = sources(&db).await else {
                return Ok(false);
            };
            let held: i64 = holders(&db).await?.iter().map(|h| h.1).sum();
            let streams: i64 = db
                .query_one(
                    "SELECT count(*) FROM sources WHERE kind IN ('mastodon', 'bluesky') \
                 AND cursor IS NOT NULL",
                    &[],
                )
                .await?
                .get(0);
            Ok(n > 0 && held == n && streams == 2)
        },
    )
    .await;
    all?;
    let n_sources = sources(&db).await?;
    let mut expected = expected_posts(&stage.sim, seed, count, stage.logins.is_some());
    let injector = Injector::start(&stage.sim, stage.logins.is_some());

    let mut rng = SplitMix(seed ^ 0x7ea3);
    let mut takeover_max = Duration::ZERO;
    for _ in 0..kills {
        // A random moment: during a poll, a stream batch, a renewal or idle.
        tokio::time::sleep(Duration::from_millis(50 + rng.next_u64() % 1_450)).await;
        let busiest = holders(&db).await?;
        let Some((name, _)) = busiest.first() else {
            bail!("no desktop listens for any source");
        };
        let Some(desk) = desks.iter_mut().find(|d| &d.name == name) else {
            bail!("{name:?} holds sources but is not one of the trial's desktops");
        };
        desk.kill();
        let killed = desk.name.clone();
        let took = until(Duration::from_secs(60), "a takeover", || async {
            let h = holders(&db).await?;
            let others: i64 = h.iter().filter(|(n, _)| *n != killed).map(|x| x.1).sum();
            Ok(others == n_sources)
        })
        .await?;
        takeover_max = takeover_max.max(took);
        *desk = Desktop::start(&exe, &stage.config, stage.dir.path(), &url, &killed, lease)?;
    }
    let injected = injector.stop().await?;
    let n_injected = injected.len();
    expected.extend(injected);
    until(Duration::from_secs(90), "catching up", || async {
        let have: BTreeSet<Key> = stored(&db).await?.into_iter().collect();
        Ok(expected.is_subset(&have))
    })
    .await
    .ok();
    // A steady stretch with every desktop running: the request log over it shows how often each
    // polled source is asked (every desktop polling would make it once per interval each).
    let steady_start = stage.sim.faults.now_ms();
    tokio::time::sleep(STEADY).await;
    let steady_end = stage.sim.faults.now_ms();
    for d in &mut desks {
        d.kill();
    }
    if let Some(l) = &stage.logins {
        l.forget().await;
    }

    let rows = stored(&db).await?;
    let have: BTreeSet<Key> = rows.iter().cloned().collect();
    let lost: Vec<Key> = expected.difference(&have).cloned().collect();
    // Each one-request source: its requests over the steady stretch, per interval.
    let requests = stage.sim.faults.requests();
    let intervals = (steady_end - steady_start) as f64 / 1000.0 / INTERVAL_SECS;
    let mut polls_per_interval: f64 = 0.0;
    for target in ONE_REQUEST_POLLS {
        let n = requests
            .iter()
            .filter(|r| r.target == target && (steady_start..=steady_end).contains(&r.at_ms))
            .count();
        polls_per_interval = polls_per_interval.max(n as f64 / intervals);
    }
    // Hacker News' cursor is the newest created_at_i it stored: never beyond the stored posts.
    let row = db
        .query_one(
            "SELECT (SELECT cursor FROM sources WHERE kind = 'hackernews'), \
                    (SELECT max(created_at) FROM mentions WHERE channel = 'hackernews')",
            &[],
        )
        .await?;
    let (cursor, newest): (Option<String>, Option<i64>) = (row.get(0), row.get(1));
    let at = cursor
        .as_deref()
        .and_then(|c| serde_json::from_str::<serde_json::Value>(c).ok())
        .and_then(|v| v["created_at_i"].as_i64());
    Ok(Outcome {
        engines,
        kills,
        expected: expected.len(),
        stored: rows.len(),
        lost,
        duplicated: rows.len() - have.len(),
        takeover_max,
        polls_per_interval,
        cursor_ahead: at > newest,
        injected: n_injected,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The team trial as a figure; an error when a post was lost or stored twice, a takeover took
/// longer than 30 s, a cursor ran ahead, or a source was polled by more than one desktop.
pub async fn bench(
    server: &str,
    engines: usize,
    kills: usize,
    count: usize,
    seed: u64,
    lease: u64,
) -> Result<Figure> {
    if !(2..=5).contains(&engines) {
        bail!("a team trial runs 2 to 5 desktops");
    }
    let o = run(server, engines, kills, count.max(1), seed, lease.max(1)).await?;
    let mut fields = serde_json::Map::new();
    for (k, v) in [
        ("engines", json!(o.engines)),
        ("kills", json!(o.kills)),
        ("expected", json!(o.expected)),
        ("stored", json!(o.stored)),
        ("lost", json!(o.lost.len())),
        ("duplicated", json!(o.duplicated)),
        (
            "takeover_max_s",
            json!((o.takeover_max.as_secs_f64() * 10.0).round() / 10.0),
        ),
        (
            "polls_per_interval",
            json!((o.polls_per_interval * 100.0).round() / 100.0),
        ),
        ("cursor_ahead", json!(o.cursor_ahead)),
        ("posts_during_kills", json!(o.injected)),
        ("seconds", json!((o.seconds * 10.0).round() / 10.0)),
    ] {
        fields.insert(k.into(), v);
    }
    let text = format!(
        "{} desktops, {} kills of the listening one: {} of {} posts stored, {} lost, {} duplicated; \
         takeover within {:.1} s at most; each polled source asked {:.2} times per interval \
         (one desktop's worth is at most 1); {:.0} s",
        o.engines, o.kills, o.stored, o.expected, o.lost.len(), o.duplicated,
        o.takeover_max.as_secs_f64(), o.polls_per_interval, o.seconds
    );
    let fig = Figure {
        name: "team".into(),
        unit: "posts",
        fields,
        text,
    };
    let polled_twice = o.polls_per_interval > 1.5;
    if !o.lost.is_empty()
        || o.duplicated > 0
        || o.cursor_ahead
        || polled_twice
        || o.takeover_max > Duration::from_secs(30)
    {
        crate::bench::print(&[fig], false);
        bail!(
            "the team trial failed: lost {:?}, {} duplicated, cursor ahead {}, {:.2} polls per interval, takeover {:?}",
            o.lost.iter().take(10).collect::<Vec<_>>(),
            o.duplicated,
            o.cursor_ahead,
            o.polls_per_interval,
            o.takeover_max
        );
    }
    Ok(fig)
}
