//! `earshot bench`: the figures the product promises, measured on this machine through the
//! product's own code paths. Each figure is a median over repeated runs with min and max shown;
//! where a physical limit exists (a bare SQLite insert) it runs side by side and the ratio prints.
//!
//! One file per figure: `classify`, `ingest` (with the bare-insert ceiling), `query`, `firehose`,
//! `storage`, `latency` (streamed, polled, and email through IMAP IDLE). The crash and reply trials are `earshot trial`.

mod classify;
mod day;
mod firehose;
mod ingest;
mod latency;
mod mail_latency;
mod posts;
mod query;
mod storage;
pub(crate) mod synthetic;
mod team;
pub(crate) use team::scratch;

use std::path::PathBuf;
use std::time::Instant;

use self::ingest::BATCH;
use anyhow::Result;
use clap::Subcommand;
use serde_json::json;

/// Which benchmark.
#[derive(Subcommand)]
pub enum Which {
    /// Triage quality on a labelled CSV: accuracy, per-class precision/recall/F1, confusion.
    Triage {
        /// The CSV (airline_sentiment/sentiment/label/complaint column and a text column).
        #[arg(long)]
        csv: PathBuf,
        /// Name of the label column, when it is not one of the usual ones.
        #[arg(long)]
        label_column: Option<String>,
    },
    /// Posts per second through triage on one core.
    Classify {
        /// Posts per run.
        #[arg(long, default_value_t = 100_000)]
        n: usize,
        /// Read these posts (a CSV's `text` column, over again to fill a run) instead of the
        /// synthetic ones: real posts are longer, and a post in another language than English
        /// costs its language detection too.
        #[arg(long)]
        csv: Option<PathBuf>,
    },
    /// Mentions per second through match → triage → store (with FTS), beside a bare insert.
    Ingest {
        /// Mentions to ingest.
        #[arg(long, default_value_t = 100_000)]
        n: usize,
        /// Also the store alone on SQLite and on this PostgreSQL server (postgres://…), side by
        /// side; the benchmark makes its own databases there (earshot_bench_*).
        #[arg(long)]
        db: Option<String>,
    },
    /// The inbox's real queries on a database of N mentions: p50 / p95 in milliseconds.
    Query {
        /// Rows in the database.
        #[arg(long, default_value_t = 100_000)]
        rows: usize,
        /// Keep the database here (reused when it already holds the rows).
        #[arg(long)]
        db_dir: Option<PathBuf>,
        /// Also on this PostgreSQL server (postgres://…), on a copy of the same rows, side by
        /// side; the benchmark makes its own database there (earshot_bench_query_ROWS).
        #[arg(long)]
        db: Option<String>,
    },
    /// A team's changes from one desktop's commit to another's listener (LISTEN/NOTIFY), and
    /// from one desktop's action to the other desktop's window event: p50 / p95 / max in ms.
    Fanout {
        /// The PostgreSQL server (postgres://…); the benchmark makes its own database there.
        #[arg(long)]
        db: String,
        /// Changes to send, one at a time.
        #[arg(long, default_value_t = 1_000)]
        n: usize,
    },
    /// Jetstream-shaped events per second through parse → match against 50 watch terms.
    Firehose {
        /// Events per run.
        #[arg(long, default_value_t = 300_000)]
        n: usize,
    },
    /// Bytes on disk per mention, indexes included.
    Storage {
        /// Mentions to store.
        #[arg(long, default_value_t = 100_000)]
        n: usize,
    },
    /// Post emitted by the simulator's streams (Bluesky Jetstream, Mastodon WebSocket) → the
    /// Notifier called: p50 / p95 / max in milliseconds.
    Latency {
        /// Posts to emit (half on each network).
        #[arg(long, default_value_t = 1_000)]
        n: usize,
        /// Posts emitted per second.
        #[arg(long, default_value_t = 100)]
        rate: u32,
        /// Mastodon without an account polls (the instance streams only to logged-in clients):
        /// its poll interval, in seconds, for the polling figure.
        #[arg(long, default_value_t = 30)]
        poll_secs: u32,
        /// Posts timed on the polling path.
        #[arg(long, default_value_t = 6)]
        poll_n: usize,
    },
    /// What a day of listening costs: `earshot watch` with every demo source, the simulator's
    /// Jetstream carrying the rest of the network; bytes (compressed and not, side by side), CPU
    /// seconds and wake-ups per hour, memory. Linux.
    Day {
        /// Minutes to measure, with the stream busy and then again with it quiet.
        #[arg(long, default_value_t = 5.0)]
        minutes: f64,
        /// Unrelated Bluesky posts per second on the stream (an assumed rate for the real
        /// network; measure yours and pass it).
        #[arg(long, default_value_t = 40)]
        rate: u32,
        /// Seconds of listening before the measurement starts.
        #[arg(long, default_value_t = 20)]
        settle_secs: u64,
        /// Minutes of quiet after the quiet measurement, then `--minutes` measured again: the
        /// cost of a long silence, once the polls of sources that find nothing have slowed
        /// (after 15 minutes; 0: not measured).
        #[arg(long, default_value_t = 0.0)]
        idle_minutes: f64,
    },
    /// Every benchmark at sizes that finish in a few minutes.
    All,
}

/// One result line.
pub(crate) struct Figure {
    pub(crate) name: String,
    pub(crate) unit: &'static str,
    pub(crate) fields: serde_json::Map<String, serde_json::Value>,
    pub(crate) text: String,
}

pub(crate) fn print(figures: &[Figure], json: bool) {
    for f in figures {
        if json {
            let mut o = serde_json::Map::new();
            o.insert("name".into(), json!(f.name));
            o.insert("unit".into(), json!(f.unit));
            o.extend(f.fields.clone());
            println!("{}", serde_json::Value::Object(o));
        } else {
            println!("{:<34} {}", f.name, f.text);
        }
    }
}

pub(crate) const RUNS: usize = 5;

/// min / median / max of repeated rate measurements.
fn spread(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[0], v[v.len() / 2], v[v.len() - 1])
}

fn rate_figure(name: &str, unit: &'static str, rates: Vec<f64>) -> Figure {
    let runs = rates.len();
    let (min, med, max) = spread(rates);
    let mut fields = serde_json::Map::new();
    fields.insert("value".into(), json!(med.round()));
    fields.insert("min".into(), json!(min.round()));
    fields.insert("max".into(), json!(max.round()));
    Figure {
        name: name.into(),
        unit,
        fields,
        text: format!("{med:>12.0} {unit}  (min {min:.0}, max {max:.0}, {runs} runs)"),
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

// --- classify -------------------------------------------------------------------------------

fn time_ms(reps: usize, mut f: impl FnMut() -> Result<()>) -> Result<Vec<f64>> {
    let mut v = Vec::with_capacity(reps);
    for _ in 0..reps {
        let t = Instant::now();
        f()?;
        v.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    v.sort_by(f64::total_cmp);
    Ok(v)
}

fn latency_figure(name: String, ms: &[f64]) -> Figure {
    let (p50, p95, max) = (percentile(ms, 0.5), percentile(ms, 0.95), ms[ms.len() - 1]);
    let mut fields = serde_json::Map::new();
    fields.insert("p50".into(), json!((p50 * 1000.0).round() / 1000.0));
    fields.insert("p95".into(), json!((p95 * 1000.0).round() / 1000.0));
    fields.insert("max".into(), json!((max * 1000.0).round() / 1000.0));
    Figure {
        name,
        unit: "ms",
        fields,
        text: format!("p50 {p50:>7.2} ms  p95 {p95:>7.2} ms  max {max:>7.2} ms"),
    }
}

/// Runs one benchmark (or all) and prints its figures.
pub fn run(rt: &tokio::runtime::Runtime, which: Which, json: bool) -> Result<()> {
    let figures = match which {
        Which::Triage { csv, label_column } => {
            print!("{}", crate::learn::evaluate(&csv, label_column.as_deref())?);
            if let Some(posts) = posts::wholly_right(&csv)? {
                print!("{posts}");
            }
            return Ok(());
        }
        Which::Classify { n, csv } => vec![classify::classify(n.max(1), csv.as_deref())?],
        Which::Ingest { n, db } => {
            let mut out = rt.block_on(ingest::ingest(n.max(BATCH)))?;
            if let Some(server) = db {
                // The blocking PostgreSQL client runs here, off the runtime.
                out.extend(team::ingest(&server, n.max(BATCH))?);
            }
            out
        }
        Which::Query { rows, db_dir, db } => {
            let rows = rows.max(1_000);
            let tmp = tempfile::tempdir()?;
            let dir = db_dir.unwrap_or_else(|| tmp.path().to_path_buf());
            let mut out = rt.block_on(query::query_in(rows, &dir))?;
            if let Some(server) = db {
                out.extend(team::query(&server, rows, &dir)?);
            }
            out
        }
        Which::Fanout { db, n } => rt.block_on(team::fanout(&db, n.max(1)))?,
        Which::Firehose { n } => vec![firehose::firehose(n.max(1))?],
        Which::Storage { n } => vec![rt.block_on(storage::storage(n.max(1_000)))?],
        Which::Latency {
            n,
            rate,
            poll_secs,
            poll_n,
        } => {
            let mut out = rt.block_on(latency::latency(n.max(2), rate))?;
            out.push(rt.block_on(latency::polled_latency(poll_n.max(1), poll_secs.max(1)))?);
            out.extend(rt.block_on(mail_latency::email_latency(20))?);
            out
        }
        Which::Day {
            minutes,
            rate,
            settle_secs,
            idle_minutes,
        } => rt.block_on(day::day(
            minutes.max(0.01),
            rate,
            std::time::Duration::from_secs(settle_secs),
            std::time::Duration::from_secs_f64(idle_minutes.max(0.0) * 60.0),
        ))?,
        Which::All => {
            let mut all = vec![
                classify::classify(100_000, None)?,
                firehose::firehose(300_000)?,
            ];
            all.extend(rt.block_on(ingest::ingest(100_000))?);
            all.extend(rt.block_on(query::query(100_000, None))?);
            all.push(rt.block_on(storage::storage(100_000))?);
            all.extend(rt.block_on(latency::latency(1_000, 100))?);
            all.push(rt.block_on(latency::polled_latency(6, 30))?);
            all.extend(rt.block_on(mail_latency::email_latency(20))?);
            all
        }
    };
    print(&figures, json);
    Ok(())
}
