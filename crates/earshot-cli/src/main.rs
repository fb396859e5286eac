//! The `earshot` command: `watch` runs the engine headless, `sim` serves the simulated networks,
//! `export` prints what is stored, `classify` triages JSON lines, `train` trains the shipped
//! sentiment model, `bench` measures.

mod bench;
mod learn;
mod login;
mod report;
mod team;
mod trial;
mod watch;

// Triage and ingest allocate many small strings; mimalloc serves them markedly faster than glibc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use earshot_core::alerts::Silent;
use earshot_core::clock::Clock;
use earshot_core::config::Config;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::{Health, Mention};
use earshot_core::store::db::Db;
use earshot_sim::{Reveal, Sim, SimOptions};

#[derive(Parser)]
#[command(
    name = "earshot",
    version,
    about = "Hear every mention of your business, most urgent first."
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Watch the configured sources and store what they find.
    Watch {
        /// The TOML configuration (business, sources, alerts).
        #[arg(long, required_unless_present = "demo", conflicts_with = "demo")]
        config: Option<PathBuf>,
        /// Start the built-in simulator and watch it (works offline).
        #[arg(long)]
        demo: bool,
        /// Where the database lives (default: $EARSHOT_DATA_DIR, else the OS app-data folder).
        #[arg(long)]
        data_dir: Option<PathBuf>,
        /// Print one JSON object per newly stored mention.
        #[arg(long)]
        jsonl: bool,
        /// Share a team's database (postgres://user:password@host/db): mentions are stored
        /// there, and each source is polled by one of the team's desktops at a time.
        #[arg(long, requires = "name")]
        team: Option<String>,
        /// Your name on the team (with --team).
        #[arg(long)]
        name: Option<String>,
        /// How long a desktop's hold on a source lasts unless renewed (with --team; tests
        /// shorten it).
        #[arg(long, default_value_t = 15, hide = true)]
        lease_secs: u64,
    },
    /// Serve the simulated networks (Hacker News, Google Alerts, a review feed) on localhost.
    Sim {
        /// Port on 127.0.0.1 (0 picks a free one).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Seed for the scripted posts.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Posts per simulated source (default: the opening story plus 20).
        #[arg(long)]
        count: Option<usize>,
        /// Serve every post at once instead of revealing them over time.
        #[arg(long)]
        all_now: bool,
        /// Print an `earshot watch` config for a simulator on --port, and exit.
        #[arg(long)]
        print_config: bool,
        /// Print every post the simulator will serve as JSON lines, and exit.
        #[arg(long)]
        dump: bool,
        /// A fault to inject from the start, TARGET=FAULT[:ARG] (repeatable), e.g.
        /// `hn=rate_limit:5`, `bluesky=stream_cut`, `replies=drop_after_accept`, `alerts=slow:2000`.
        /// Targets: hn, alerts, reviews, mastodon, bluesky, replies. Change them while running
        /// with POST /_sim/fault?target=T&kind=K.
        #[arg(long, value_parser = earshot_sim::faults::parse_flag)]
        fault: Vec<(String, earshot_sim::FaultSpec)>,
        /// Unrelated Bluesky posts per second on every Jetstream connection, as the real
        /// network's stream carries everyone's posts.
        #[arg(long, default_value_t = 0)]
        firehose: u32,
    },
    /// Triage posts: JSON lines in on stdin ({"text", "author_followers"?}), one JSON line out each.
    Classify,
    /// Train a shipped model (sentiment, abuse, irony or complaint) from labelled CSVs (cross-validates first).
    Train {
        /// CSV with a text column and a label column: airline_sentiment, sentiment or label
        /// (negative / neutral / positive), or offensive, irony or complaint (0 / 1); give it
        /// once per set to train on several (one task per model).
        #[arg(long, required = true)]
        csv: Vec<PathBuf>,
        /// Where to write the model (crates/earshot-core/data/*.model ship: sentiment, abuse, irony,
        /// complaint).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Cross-validation folds (0 skips).
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Held-out CSVs (same task) to score the trained model on; give it once per file.
        #[arg(long)]
        heldout: Vec<PathBuf>,
        /// Overrides of the training options (defaults: those the shipped model used).
        #[command(flatten)]
        tuning: learn::Tuning,
    },
    /// Measure: triage quality, throughput, query speed, latency, storage.
    Bench {
        #[command(subcommand)]
        which: bench::Which,
        /// One JSON object per benchmark instead of a table.
        #[arg(long, global = true)]
        json: bool,
    },
    /// Break things on purpose and check nothing is lost: kill `watch` at random, send replies
    /// through dropped connections, 5xx, hangs and kills (RELIABILITY.md).
    Trial {
        #[command(subcommand)]
        which: trial::Which,
        /// One JSON object instead of a table.
        #[arg(long, global = true)]
        json: bool,
    },
    /// Print stored mentions: one JSON object per line, or CSV with triage, status and
    /// response times.
    Export {
        /// Where the database lives.
        #[arg(long)]
        data_dir: Option<PathBuf>,
        /// One JSON object per line (the default).
        #[arg(long, conflicts_with = "csv")]
        jsonl: bool,
        /// CSV, one row per mention posted in the range.
        #[arg(long)]
        csv: bool,
        /// CSV: from this date (YYYY-MM-DD in the business's time zone, RFC 3339, or "30d" ago).
        #[arg(long, default_value = "3650d")]
        since: String,
        /// CSV: until this date (exclusive; default: no end).
        #[arg(long)]
        until: Option<String>,
    },
    /// Log a source in to its network (the token goes to the system keychain), as the desktop
    /// app's Settings → Accounts does. `earshot watch` then listens with the account.
    Login {
        #[command(subcommand)]
        network: login::Network,
        /// Where the database lives.
        #[arg(long, global = true)]
        data_dir: Option<PathBuf>,
    },
    /// Forget a source's login (it leaves the keychain); the source listens without it.
    Logout {
        /// The source's name.
        #[arg(long)]
        source: String,
        /// Where the database lives.
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Take a backup of the database now (Earshot also takes one a day by itself, keeping 7).
    Backup {
        /// Where the database lives.
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Replace the database with a backup, after checking the backup is whole. The database it
    /// replaces is kept beside it. Quit Earshot first.
    Restore {
        /// The backup file (see the `backups` folder in the data folder).
        #[arg(long)]
        from: PathBuf,
        /// Where the database lives.
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// How the owner is doing: response times against targets, volume, tone, intents, busiest
    /// hours — the dashboard's figures.
    Report {
        /// Where the database lives.
        #[arg(long)]
        data_dir: Option<PathBuf>,
        /// From this date (YYYY-MM-DD in the business's time zone, RFC 3339, or "7d" ago).
        #[arg(long, default_value = "7d")]
        since: String,
        /// Until this date (exclusive; default: no end).
        #[arg(long)]
        until: Option<String>,
        /// The report as one JSON object.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// The figures as CSV rows (section, key, value).
        #[arg(long)]
        csv: bool,
    },
}

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("EARSHOT_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    if let Err(e) = run(Cli::parse()) {
        eprintln!("earshot: {e:#}");
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> Result<()> {
    // Listening all day is light work on one worker (see `listening_runtime`); the benchmarks,
    // trials and one-off commands get a worker per core.
    let rt = if matches!(cli.cmd, Cmd::Watch { .. }) {
        earshot_core::listening_runtime()
    } else {
        tokio::runtime::Runtime::new()
    }
    .context("starting the async runtime")?;
    match cli.cmd {
        Cmd::Watch {
            config,
            demo,
            data_dir,
            jsonl,
            team,
            name,
            lease_secs,
        } => {
            let team = team.zip(name).map(|(url, name)| team::Joining {
                url,
                name,
                lease: std::time::Duration::from_secs(lease_secs.max(1)),
            });
            rt.block_on(watch::watch(config, demo, data_dir, jsonl, team))
        }
        Cmd::Sim {
            port,
            seed,
            count,
            all_now,
            print_config,
            dump,
            fault,
            firehose,
        } => {
            if print_config {
                print!(
                    "{}",
                    earshot_sim::config_toml(&format!("http://127.0.0.1:{port}"))
                );
                return Ok(());
            }
            if dump {
                let mut out = std::io::stdout().lock();
                for p in earshot_sim::script(seed, count) {
                    writeln!(out, "{}", serde_json::to_string(&p)?)?;
                }
                for p in earshot_sim::social::script(seed, count) {
                    let line = serde_json::json!({
                        "channel": p.net,
                        "external_id": p.external_id(),
                        "author": p.handle,
                        "text": p.text,
                        "to_owner": p.to_owner,
                        "offset_secs": p.offset_secs,
                    });
                    writeln!(out, "{line}")?;
                }
                for i in earshot_sim::presence::script(seed) {
                    let line = serde_json::json!({
                        "channel": i.at,
                        "external_id": i.id,
                        "kind": i.kind,
                        "author": i.author,
                        "text": i.text,
                        "rating": i.rating,
                        "offset_secs": i.offset_secs,
                    });
                    writeln!(out, "{line}")?;
                }
                return Ok(());
            }
            rt.block_on(async {
                let reveal = if all_now { Reveal::All } else { Reveal::Timed };
                let sim = Sim::start(SimOptions { seed, count, reveal, port, firehose }).await.context("starting the simulator")?;
                for (target, spec) in &fault {
                    sim.faults.set(target, *spec)?;
                }
                println!("{}", sim.base_url);
                std::io::stdout().flush()?;
                eprintln!("earshot sim: serving seed {seed}; `earshot sim --print-config --port {}` prints a watch config", sim.addr.port());
                tokio::signal::ctrl_c().await?;
                Ok(())
            })
        }
        Cmd::Classify => learn::classify_stream(std::io::stdin().lock(), std::io::stdout().lock()),
        Cmd::Train {
            csv,
            out,
            folds,
            heldout,
            tuning,
        } => {
            print!(
                "{}",
                learn::train(&csv, &heldout, out.as_deref(), folds, &tuning.options())?
            );
            Ok(())
        }
        Cmd::Bench { which, json } => bench::run(&rt, which, json),
        Cmd::Trial { which, json } => trial::run(&rt, which, json),
        Cmd::Login { network, data_dir } => rt.block_on(login::login(network, data_dir)),
        Cmd::Logout { source, data_dir } => rt.block_on(login::logout(&source, data_dir)),
        Cmd::Report {
            data_dir,
            since,
            until,
            json,
            csv,
        } => rt.block_on(report::report(
            data_dir,
            &since,
            until.as_deref(),
            json,
            csv,
        )),
        Cmd::Export {
            data_dir,
            csv: true,
            since,
            until,
            ..
        } => rt.block_on(report::export_csv(data_dir, &since, until.as_deref())),
        Cmd::Backup { data_dir } => {
            let dir = earshot_core::data_dir(data_dir);
            if !dir.join(earshot_core::store::db::DB_FILE).exists() {
                anyhow::bail!("no Earshot database in {}", dir.display());
            }
            let store =
                earshot_core::store::Store::open(&dir.join(earshot_core::store::db::DB_FILE))?;
            let path = store.backup_into(&dir, chrono::Utc::now().timestamp())?;
            println!("{}", path.display());
            Ok(())
        }
        Cmd::Restore { from, data_dir } => {
            let dir = earshot_core::data_dir(data_dir);
            let kept =
                earshot_core::store::backup::restore(&from, &dir, chrono::Utc::now().timestamp())?;
            // Open it once: migrations run now, not in the app's first second.
            earshot_core::store::Store::open(&dir.join(earshot_core::store::db::DB_FILE))?;
            eprintln!(
                "earshot: restored {} into {}{}",
                from.display(),
                dir.display(),
                kept.map(|k| format!("; the database it replaced is kept as {}", k.display()))
                    .unwrap_or_default()
            );
            Ok(())
        }
        Cmd::Export { data_dir, .. } => {
            let dir = earshot_core::data_dir(data_dir);
            if !dir.join(earshot_core::store::db::DB_FILE).exists() {
                anyhow::bail!("no Earshot database in {}", dir.display());
            }
            let store =
                earshot_core::store::Store::open(&dir.join(earshot_core::store::db::DB_FILE))?;
            let mut out = std::io::stdout().lock();
            let mut err = None;
            store.for_each_mention(|m| {
                if err.is_none() {
                    err = writeln!(out, "{}", jsonl_line(&m)).err();
                }
            })?;
            err.map_or(Ok(()), |e| Err(e.into()))
        }
    }
}

/// The JSON line printed for a mention by `watch --jsonl` and `export --jsonl`.
fn jsonl_line(m: &Mention) -> serde_json::Value {
    serde_json::json!({
        "channel": m.channel.as_str(),
        "external_id": m.external_id,
        "url": m.url,
        "author": m.author.handle,
        "text": m.text,
        "title": m.title,
        "created_at": chrono_rfc3339(m.created_at),
        "urgency": m.triage.urgency,
        "reasons": m.triage.reasons,
        "matched_terms": m.matched_terms,
        "status": m.status.as_str(),
    })
}

/// Signs the demo in to the simulator's accounts (so replies work); a failure is reported and the
/// demo goes on watching.
pub(crate) async fn sign_in_to(engine: &Engine, sim: &Sim) {
    use earshot_sim::social::{BSKY_APP_PASSWORD, BSKY_HANDLE};
    if let Err(e) = earshot_core::demo::sign_in_to_simulator(
        engine,
        &sim.base_url,
        ("Mastodon (simulated)", "Bluesky (simulated)"),
        (BSKY_HANDLE, BSKY_APP_PASSWORD),
    )
    .await
    {
        eprintln!("earshot: demo sign-in failed: {e}");
    }
    if let Err(e) = earshot_core::demo::sign_in_to_pages(
        engine,
        &sim.base_url,
        earshot_core::demo::DEMO_INTERVAL_SECS,
    )
    .await
    {
        eprintln!("earshot: demo sign-in failed: {e}");
    }
    if let Err(e) =
        earshot_core::demo::sign_in_to_reddit(engine, &sim.base_url, "Reddit (simulated)").await
    {
        eprintln!("earshot: demo sign-in failed: {e}");
    }
    if let Err(e) = earshot_core::demo::stream_x(engine).await {
        eprintln!("earshot: demo sign-in failed: {e}");
    }
    if let Err(e) = earshot_core::demo::sign_in_to_email(engine, &sim.imap_url, &sim.smtp_url).await
    {
        eprintln!("earshot: demo sign-in failed: {e}");
    }
    if let Err(e) = earshot_core::demo::sign_in_to_x(
        engine,
        &sim.base_url,
        earshot_core::demo::DEMO_INTERVAL_SECS,
    )
    .await
    {
        eprintln!("earshot: demo sign-in failed: {e}");
    }
}

fn chrono_rfc3339(ts: i64) -> String {
    earshot_core::model::rfc3339(ts)
}
