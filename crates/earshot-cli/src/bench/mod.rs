//! `earshot bench`: the figures the product promises, measured on this machine through the
//! product's own code paths. Each figure is a median over repeated runs with min and max shown;
//! where a physical limit exists (a bare SQLite insert) it runs side by side and the ratio prints.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicI64;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Result;
use clap::Subcommand;
use earshot_core::alerts::Silent;
use earshot_core::channels::bluesky::jetstream;
use earshot_core::channels::Batch;
use earshot_core::clock::Clock;
use earshot_core::engine::Engine;
use earshot_core::matcher::Matcher;
use earshot_core::model::{Channel, Source, SourceKind, SourceSpec, Status};
use earshot_core::store::db::{Db, DB_FILE};
use earshot_core::store::{MentionQuery, Order, Store};
use earshot_core::triage::linear::SplitMix;
use serde_json::json;

mod crash;
mod replies;
mod synthetic;

use synthetic::{business, pick, post_text, synthetic_mentions, CLOSERS, FILLER, OPENERS};

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
    },
    /// Mentions per second through match → triage → store (with FTS), beside a bare insert.
    Ingest {
        /// Mentions to ingest.
        #[arg(long, default_value_t = 100_000)]
        n: usize,
    },
    /// The inbox's real queries on a database of N mentions: p50 / p95 in milliseconds.
    Query {
        /// Rows in the database.
        #[arg(long, default_value_t = 100_000)]
        rows: usize,
        /// Keep the database here (reused when it already holds the rows).
        #[arg(long)]
        db_dir: Option<PathBuf>,
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
    /// `earshot watch` killed with SIGKILL at random moments and restarted while posts keep
    /// arriving; then every post must be stored exactly once, the database intact.
    Crash {
        /// How many times to kill it.
        #[arg(long, default_value_t = 50)]
        kills: usize,
        /// Scripted posts per simulated source.
        #[arg(long, default_value_t = 60)]
        count: usize,
        /// The simulator's seed (and the kill moments').
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Replies sent through dropped connections, 5xx, hangs and kills, then retried: each must
    /// be posted at most once and end visibly sent or failed.
    Replies {
        /// How many replies to try.
        #[arg(long, default_value_t = 1_000)]
        trials: usize,
        /// Seed for the choice of faults.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Every benchmark at sizes that finish in a few minutes.
    All,
}

/// One result line.
struct Figure {
    name: String,
    unit: &'static str,
    fields: serde_json::Map<String, serde_json::Value>,
    text: String,
}

fn print(figures: &[Figure], json: bool) {
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

const RUNS: usize = 5;

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

fn classify(n: usize) -> Figure {
    let mut rng = SplitMix(11);
    let posts: Vec<(String, Option<i64>)> = (0..n)
        .map(|i| {
            (
                post_text(&mut rng),
                (i % 3 != 0).then_some((i * 37 % 90_000) as i64),
            )
        })
        .collect();
    let _warm = earshot_core::triage::classify("warm up the lexicon and model", None);
    let rates = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let mut urgent = 0usize;
            for (text, followers) in &posts {
                urgent +=
                    usize::from(earshot_core::triage::classify(text, *followers).urgency >= 60);
            }
            std::hint::black_box(urgent);
            n as f64 / t.elapsed().as_secs_f64()
        })
        .collect();
    rate_figure("classify", "posts/s", rates)
}

// --- ingest ---------------------------------------------------------------------------------

async fn bench_engine(dir: &Path) -> Result<(Engine, Source)> {
    let clock = Clock::manual(Arc::new(AtomicI64::new(1_800_000_000)));
    let engine = Engine::new(Db::open(dir)?, Arc::new(Silent), clock);
    engine.set_business(business()).await?;
    engine.start().await?;
    // Saved, not started: no poller runs; the benchmark feeds batches straight into ingest.
    let spec = SourceSpec {
        kind: SourceKind::Rss,
        name: "bench".into(),
        url: Some("http://127.0.0.1:9/bench.xml".into()),
        queries: vec![],
        base_url: None,
        account: None,
        interval_secs: Some(86_400 * 365),
        require_match: Some(false),
        pds: None,
        appview: None,
        jetstream: None,
        plc: None,
    };
    let source = engine
        .db()
        .write(move |s| {
            let id = s.upsert_source(&spec, 1_800_000_000)?;
            s.source(id)
        })
        .await?;
    Ok((engine, source))
}

const BATCH: usize = 500;

/// Ingests `n` synthetic mentions through the engine's batch path; returns mentions/s.
async fn ingest_into(engine: &Engine, source: &Source, n: usize, start_at: usize) -> Result<f64> {
    let mentions = synthetic_mentions(7, n, start_at);
    let t = Instant::now();
    for chunk in mentions.chunks(BATCH) {
        engine
            .ingest(
                source,
                Batch {
                    mentions: chunk.to_vec(),
                    ..Batch::default()
                },
            )
            .await?;
    }
    Ok(n as f64 / t.elapsed().as_secs_f64())
}

/// The physical limit: the same rows inserted by bare rusqlite, batched the same, no FTS,
/// no triggers, no secondary indexes.
fn bare_insert(dir: &Path, n: usize) -> Result<f64> {
    let mentions = synthetic_mentions(7, n, 0);
    let mut conn = rusqlite::Connection::open(dir.join("bare.sqlite3"))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.execute_batch(
        "CREATE TABLE m (id INTEGER PRIMARY KEY, channel TEXT, external_id TEXT, url TEXT, title TEXT, \
         author TEXT, followers INTEGER, text TEXT, created_at INTEGER, fetched_at INTEGER, \
         likes INTEGER, replies INTEGER, urgency INTEGER, reasons TEXT)",
    )?;
    let t = Instant::now();
    for chunk in mentions.chunks(BATCH) {
        let tx = conn.transaction()?;
        {
            let mut st = tx.prepare_cached(
                "INSERT INTO m (channel, external_id, url, title, author, followers, text, created_at, \
                 fetched_at, likes, replies, urgency, reasons) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            for m in chunk {
                st.execute(rusqlite::params![
                    m.channel.as_str(),
                    m.external_id,
                    m.url,
                    m.title,
                    m.author.handle,
                    m.author.followers,
                    m.text,
                    m.created_at,
                    m.fetched_at,
                    m.engagement.likes,
                    m.engagement.replies,
                    0,
                    "[]"
                ])?;
            }
        }
        tx.commit()?;
    }
    Ok(n as f64 / t.elapsed().as_secs_f64())
}

async fn ingest(n: usize) -> Result<Vec<Figure>> {
    let mut ours = Vec::new();
    let mut bare = Vec::new();
    for _ in 0..RUNS.min(3) {
        let dir = tempfile::tempdir()?;
        let (engine, source) = bench_engine(dir.path()).await?;
        ours.push(ingest_into(&engine, &source, n, 0).await?);
        engine.shutdown();
        let bdir = tempfile::tempdir()?;
        bare.push(bare_insert(bdir.path(), n)?);
    }
    let (_, ours_med, _) = spread(ours.clone());
    let (_, bare_med, _) = spread(bare.clone());
    let mut a = rate_figure(&format!("ingest n={n}"), "mentions/s", ours);
    let ratio = ours_med / bare_med;
    a.fields
        .insert("ratio".into(), json!((ratio * 1000.0).round() / 1000.0));
    a.text
        .push_str(&format!("  ratio to bare insert {ratio:.2}"));
    let b = rate_figure(&format!("ingest bare-insert n={n}"), "rows/s", bare);
    Ok(vec![a, b])
}

// --- query ----------------------------------------------------------------------------------

async fn ensure_db(dir: &Path, rows: usize) -> Result<()> {
    let existing = if dir.join(DB_FILE).exists() {
        Store::open(&dir.join(DB_FILE))?.connection().query_row(
            "SELECT count(*) FROM mentions",
            [],
            |r| r.get::<_, i64>(0),
        )? as usize
    } else {
        0
    };
    if existing >= rows {
        return Ok(());
    }
    eprintln!(
        "building a database of {rows} mentions in {} …",
        dir.display()
    );
    let (engine, source) = bench_engine(dir).await?;
    let mut at = existing;
    while at < rows {
        let step = (rows - at).min(50_000);
        let rate = ingest_into(&engine, &source, step, at).await?;
        at += step;
        // How ingest holds up as the database grows.
        eprintln!("  {at:>9} mentions stored; the last {step} at {rate:.0}/s");
    }
    engine.shutdown();
    // Some owner work on the data, as a real inbox has: a share opened, done.
    let store = Store::open(&dir.join(DB_FILE))?;
    store.connection().execute_batch(
        "UPDATE mentions SET status = 'done', read = 1 WHERE id % 3 = 0; \
         UPDATE mentions SET status = 'open', read = 1 WHERE id % 7 = 1; \
         PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;",
    )?;
    Ok(())
}

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

async fn query(rows: usize, db_dir: Option<PathBuf>) -> Result<Vec<Figure>> {
    let tmp = tempfile::tempdir()?;
    let dir = db_dir.unwrap_or_else(|| tmp.path().to_path_buf());
    ensure_db(&dir, rows).await?;
    let store = Store::open(&dir.join(DB_FILE))?;
    let reps = 60;
    let mut out = Vec::new();
    let base = MentionQuery {
        limit: Some(50),
        ..MentionQuery::default()
    };
    let pages: Vec<(&str, MentionQuery)> = vec![
        ("urgent-first", base.clone()),
        (
            "newest-first",
            MentionQuery {
                order: Order::Newest,
                ..base.clone()
            },
        ),
        (
            "urgent-first status=new",
            MentionQuery {
                status: Some(Status::New),
                ..base.clone()
            },
        ),
        (
            "urgent-first channel=rss",
            MentionQuery {
                channel: Some(Channel::Rss),
                ..base.clone()
            },
        ),
        (
            "urgent-only (>=60)",
            MentionQuery {
                min_urgency: Some(60),
                ..base.clone()
            },
        ),
        (
            "newest channel+status",
            MentionQuery {
                order: Order::Newest,
                channel: Some(Channel::Hackernews),
                status: Some(Status::Open),
                ..base.clone()
            },
        ),
        (
            "urgent channel+status+urgent",
            MentionQuery {
                channel: Some(Channel::Rss),
                status: Some(Status::New),
                min_urgency: Some(60),
                ..base.clone()
            },
        ),
    ];
    for (name, q) in &pages {
        let ms = time_ms(reps, || store.list(q).map(|_| ()).map_err(Into::into))?;
        out.push(latency_figure(format!("page {name}"), &ms));
        // Deep pages by cursor: walk 20 pages, time the 20th.
        let mut after = None;
        for _ in 0..19 {
            after = store
                .list(&MentionQuery {
                    after: after.clone(),
                    ..q.clone()
                })?
                .next;
        }
        if after.is_some() {
            let q20 = MentionQuery { after, ..q.clone() };
            let ms = time_ms(reps, || store.list(&q20).map(|_| ()).map_err(Into::into))?;
            out.push(latency_figure(format!("page 20 by cursor: {name}"), &ms));
        }
    }
    let ms = time_ms(reps, || store.counts(60).map(|_| ()).map_err(Into::into))?;
    out.push(latency_figure("count badges".into(), &ms));
    // Which of 50 mentions just stored belong in the view (the list takes them in this way).
    let newest: Vec<i64> = store
        .list(&MentionQuery {
            order: Order::Newest,
            ..base.clone()
        })?
        .mentions
        .iter()
        .map(|m| m.id)
        .collect();
    let q = MentionQuery {
        ids: Some(newest),
        ..base.clone()
    };
    let ms = time_ms(reps, || store.list(&q).map(|_| ()).map_err(Into::into))?;
    out.push(latency_figure(
        "new mentions in the view (50 ids)".into(),
        &ms,
    ));
    // The author panel's query: one author's other mentions on every channel, their count and
    // the replies sent to them.
    // (A small database may have no user1234: then the first mention's author.)
    let one_of_theirs: i64 = store.connection().query_row(
        "SELECT coalesce((SELECT id FROM mentions WHERE author_key = 'user1234' LIMIT 1), \
         (SELECT min(id) FROM mentions))",
        [],
        |r| r.get(0),
    )?;
    let ms = time_ms(reps, || {
        let h = store.author_history(one_of_theirs)?;
        std::hint::black_box(h.total);
        Ok(())
    })?;
    out.push(latency_figure("author history".into(), &ms));
    for (name, words, order, channel) in [
        ("common word", "coffee", Order::Urgent, None),
        ("common word, newest", "coffee", Order::Newest, None),
        (
            "common word, channel=rss",
            "coffee",
            Order::Urgent,
            Some(Channel::Rss),
        ),
        ("two words", "pastry chef", Order::Urgent, None),
        ("prefix", "refu", Order::Urgent, None),
        ("prefix in about 1% of rows", "user12", Order::Urgent, None),
        ("rare word (one author)", "user1234", Order::Urgent, None),
        ("no match", "zyzzyva", Order::Urgent, None),
    ] {
        let q = MentionQuery {
            search: Some(words.into()),
            order,
            channel,
            ..base.clone()
        };
        let ms = time_ms(reps, || store.list(&q).map(|_| ()).map_err(Into::into))?;
        out.push(latency_figure(format!("search {name} ({words:?})"), &ms));
    }
    for f in &mut out {
        f.name = format!("query rows={rows} {}", f.name);
    }
    Ok(out)
}

// --- firehose -------------------------------------------------------------------------------

/// Jetstream frames in the real shape: posts (some replies, some naming the business), likes,
/// reposts, deletes, identity and account events.
fn firehose_frames(n: usize) -> Vec<String> {
    let mut rng = SplitMix(23);
    (0..n)
        .map(|i| {
            let did = format!("did:plc:{:024x}", rng.next_u64() as u128 * 7919);
            let t = 1_779_719_009_000_000i64 + i as i64 * 40;
            match rng.next_u64() % 100 {
                0..=29 => {
                    let text = if rng.next_u64().is_multiple_of(50) {
                        post_text(&mut rng)
                    } else {
                        format!("{} {} {}", pick(&mut rng, OPENERS), pick(&mut rng, FILLER), pick(&mut rng, CLOSERS))
                    };
                    json!({"did": did, "time_us": t, "kind": "commit", "commit": {"rev": "3mmoojpaqkn2z", "operation": "create",
                        "collection": "app.bsky.feed.post", "rkey": format!("3mm{i:010}"), "record": {"$type": "app.bsky.feed.post",
                        "createdAt": "2026-05-25T14:23:28.757Z", "langs": ["en"], "text": text}, "cid": "bafyreicl7rzkxdrm4zz2ehbx52kuk3mvfow6p3gzfys72r5grvskxoswy4"}}).to_string()
                }
                30..=79 => json!({"did": did, "time_us": t, "kind": "commit", "commit": {"rev": "3mmoojp7vgo2g", "operation": "create",
                    "collection": "app.bsky.feed.like", "rkey": "3mmoojp7etg2g", "record": {"$type": "app.bsky.feed.like", "createdAt": "2026-05-25T14:23:28.778Z",
                    "subject": {"cid": "bafyreiaxf7tgbfydx3465sckitq6v564thxe2wwydbi7cwxbxvgssje3em", "uri": "at://did:plc:vfnmgxg2yscfliemmcxzyfyh/app.bsky.feed.post/3mmoodizfwc2j"}},
                    "cid": "bafyreidqpc7si3dbimffi64lz3xsx2qt45ip7rpna2qpslcddp23itjjzm"}}).to_string(),
                80..=91 => json!({"did": did, "time_us": t, "kind": "commit", "commit": {"rev": "3mmoojpbi5e2i", "operation": "create",
                    "collection": "app.bsky.feed.repost", "rkey": "3mmoojpbade2i", "record": {"$type": "app.bsky.feed.repost", "createdAt": "2026-05-25T14:23:27.388Z",
                    "subject": {"cid": "bafyreiaxf7tgbfydx3465sckitq6v564thxe2wwydbi7cwxbxvgssje3em", "uri": "at://did:plc:vfnmgxg2yscfliemmcxzyfyh/app.bsky.feed.post/3mmoodizfwc2j"}},
                    "cid": "bafyreidqpc7si3dbimffi64lz3xsx2qt45ip7rpna2qpslcddp23itjjzm"}}).to_string(),
                92..=96 => json!({"did": did, "time_us": t, "kind": "commit", "commit": {"rev": "3mmoojpc", "operation": "delete",
                    "collection": "app.bsky.feed.post", "rkey": "3mmoojp4cd223"}}).to_string(),
                97..=98 => json!({"did": did, "time_us": t, "kind": "identity", "identity": {"did": did, "handle": "someone.bsky.social", "seq": 123, "time": "2026-05-25T14:23:30.000Z"}}).to_string(),
                _ => json!({"did": did, "time_us": t, "kind": "account", "account": {"active": true, "did": did, "seq": 124, "time": "2026-05-25T14:23:30.000Z"}}).to_string(),
            }
        })
        .collect()
}

fn firehose(n: usize) -> Result<Figure> {
    let frames = firehose_frames(n);
    // 50 watch terms: the business's own plus 46 more of the kind owners add.
    let mut b = business();
    b.terms.extend((0..46).map(|i| {
        format!(
            "{} {}",
            pick(
                &mut SplitMix(i),
                &["brightside", "bright side", "brightsidecafe"]
            ),
            i
        )
    }));
    b.terms.truncate(49);
    let matcher = Matcher::new(&b);
    let rates = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let mut matched = 0usize;
            for f in &frames {
                let Ok(e) = jetstream::parse(f) else { continue };
                if let Some(text) = e.post_text() {
                    matched += usize::from(!matcher.matches(text).is_empty());
                }
            }
            std::hint::black_box(matched);
            n as f64 / t.elapsed().as_secs_f64()
        })
        .collect();
    Ok(rate_figure(
        "firehose (parse + match 50 terms)",
        "events/s",
        rates,
    ))
}

// --- storage --------------------------------------------------------------------------------

async fn storage(n: usize) -> Result<Figure> {
    let dir = tempfile::tempdir()?;
    ensure_db(dir.path(), n).await?;
    let store = Store::open(&dir.path().join(DB_FILE))?;
    store
        .connection()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    drop(store);
    let mut bytes = 0u64;
    for entry in std::fs::read_dir(dir.path())? {
        let e = entry?;
        if e.file_name().to_string_lossy().starts_with(DB_FILE) {
            bytes += e.metadata()?.len();
        }
    }
    let per = bytes as f64 / n as f64;
    let mut fields = serde_json::Map::new();
    fields.insert("value".into(), json!(per.round()));
    fields.insert("total_bytes".into(), json!(bytes));
    Ok(Figure {
        name: format!("storage n={n}"),
        unit: "bytes/mention",
        fields,
        text: format!(
            "{per:>12.0} bytes/mention  ({:.1} MB for {n} mentions, indexes and FTS included)",
            bytes as f64 / 1e6
        ),
    })
}

// --- latency --------------------------------------------------------------------------------

/// Remembers when each alert was asked for.
#[derive(Default)]
struct Stopwatch {
    calls: std::sync::Mutex<Vec<(i64, Instant)>>,
    wake: tokio::sync::Notify,
}

impl earshot_core::alerts::Notifier for Stopwatch {
    fn notify(&self, alert: &earshot_core::alerts::Alert) -> Result<(), String> {
        let at = Instant::now();
        self.calls
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((alert.mention_id, at));
        self.wake.notify_one();
        Ok(())
    }
}

async fn latency(n: usize, rate: u32) -> Result<Vec<Figure>> {
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
async fn polled_latency(n: usize, poll_secs: u32) -> Result<Figure> {
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

/// Runs one benchmark (or all) and prints its figures.
pub fn run(rt: &tokio::runtime::Runtime, which: Which, json: bool) -> Result<()> {
    let figures = match which {
        Which::Triage { csv, label_column } => {
            print!("{}", crate::learn::evaluate(&csv, label_column.as_deref())?);
            return Ok(());
        }
        Which::Classify { n } => vec![classify(n.max(1))],
        Which::Ingest { n } => rt.block_on(ingest(n.max(BATCH)))?,
        Which::Query { rows, db_dir } => rt.block_on(query(rows.max(1_000), db_dir))?,
        Which::Firehose { n } => vec![firehose(n.max(1))?],
        Which::Storage { n } => vec![rt.block_on(storage(n.max(1_000)))?],
        Which::Latency {
            n,
            rate,
            poll_secs,
            poll_n,
        } => {
            let mut out = rt.block_on(latency(n.max(2), rate))?;
            out.push(rt.block_on(polled_latency(poll_n.max(1), poll_secs.max(1)))?);
            out
        }
        Which::Replies { trials, seed } => vec![rt.block_on(replies::bench(trials, seed))?],
        Which::Crash { kills, count, seed } => vec![rt.block_on(crash::bench(kills, count, seed))?],
        Which::All => {
            let mut all = vec![classify(100_000), firehose(300_000)?];
            all.extend(rt.block_on(ingest(100_000))?);
            all.extend(rt.block_on(query(100_000, None))?);
            all.push(rt.block_on(storage(100_000))?);
            all.extend(rt.block_on(latency(1_000, 100))?);
            all.push(rt.block_on(polled_latency(6, 30))?);
            all
        }
    };
    print(&figures, json);
    Ok(())
}
