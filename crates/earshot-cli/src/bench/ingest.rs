//! Mentions per second through match → triage → store, beside a bare SQLite insert.

use std::path::Path;
use std::sync::atomic::AtomicI64;
use std::sync::Arc;
use std::time::Instant;

use super::synthetic::{business, synthetic_mentions};
use super::{rate_figure, spread, Figure, RUNS};
use anyhow::Result;
use earshot_core::alerts::Silent;
use earshot_core::channels::Batch;
use earshot_core::clock::Clock;
use earshot_core::engine::Engine;
use earshot_core::model::{Source, SourceKind, SourceSpec};
use earshot_core::store::db::Db;
use serde_json::json;

pub(super) async fn bench_engine(dir: &Path) -> Result<(Engine, Source)> {
    let clock = Clock::manual(Arc::new(AtomicI64::new(1_800_000_000)));
    let engine = Engine::new(Db::open(dir)?, Arc::new(Silent), clock);
    engine.set_business(business()).await?;
    engine.start().await?;
    // Saved, not started: no poller runs; the benchmark feeds batches straight into ingest.
    let spec = SourceSpec {
        url: Some("http://127.0.0.1:9/bench.xml".into()),
        interval_secs: Some(86_400 * 365),
        require_match: Some(false),
        ..SourceSpec::new(SourceKind::Rss, "bench")
    };
    let source = engine
        .db()
        .write(move |s| {
            let id = s.upsert_source(&spec, 1_800_000_000)?;
            // Its address is made up: paused, so an app opening the benchmark's database (the
            // desktop measurements) does not poll it and fail.
            s.set_source_enabled(id, false)?;
            s.source(id)
        })
        .await?;
    Ok((engine, source))
}

pub(super) const BATCH: usize = 500;

/// Ingests `n` synthetic mentions through the engine's batch path; returns mentions/s.
pub(super) async fn ingest_into(
    engine: &Engine,
    source: &Source,
    n: usize,
    start_at: usize,
) -> Result<f64> {
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
pub(super) fn bare_insert(dir: &Path, n: usize) -> Result<f64> {
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

pub(super) async fn ingest(n: usize) -> Result<Vec<Figure>> {
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
