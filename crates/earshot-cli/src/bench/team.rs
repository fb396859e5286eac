//! The team database (PostgreSQL) beside SQLite: the store's ingest rate on each engine, the
//! inbox's views on the same rows, and how soon one desktop's committed change is heard by
//! another (LISTEN/NOTIFY).
//!
//! `--db` names a server (`postgres://user@host/any`): the benchmark makes its own databases
//! there, named `earshot_bench_*`, and never touches another.

use std::path::Path;
use std::time::Instant;

use super::synthetic::synthetic_mentions;
use super::{latency_figure, rate_figure, Figure};
use anyhow::{Context, Result};
use earshot_core::model::Mention;
use earshot_core::store::db::DB_FILE;
use earshot_core::store::pg::PgStore;
use earshot_core::store::{MentionStore, Store};
use earshot_core::team::fanout::{self, Heard, Listener, TeamEvent};
use earshot_core::team::{members, schema, TeamAddress};

/// A database of the benchmark's own on `server`: made if missing, emptied first with `fresh`.
/// Blocking.
pub(crate) fn scratch(server: &str, name: &str, fresh: bool) -> Result<TeamAddress> {
    let admin = TeamAddress::parse(server)?;
    let mut db = admin
        .connect_blocking()
        .with_context(|| format!("connecting to {admin}"))?;
    let name = format!("earshot_bench_{name}");
    if fresh {
        db.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))?;
    }
    let exists = db
        .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&name])?
        .is_some();
    if !exists {
        db.batch_execute(&format!("CREATE DATABASE {name}"))?;
    }
    Ok(admin.with_database(&name))
}

/// Stores `mentions` in batches of 500; mentions/s.
fn store_all(store: &mut dyn MentionStore, mentions: &[Mention]) -> Result<f64> {
    let t = Instant::now();
    for chunk in mentions.chunks(500) {
        store.store_batch(None, chunk, None)?;
    }
    Ok(mentions.len() as f64 / t.elapsed().as_secs_f64())
}

/// The store's own ingest rate (batches of 500 triaged mentions, search entries and counts
/// included; matching and triage are not in it) on SQLite and on PostgreSQL. Blocking.
pub(super) fn ingest(server: &str, n: usize) -> Result<Vec<Figure>> {
    let mut mentions = synthetic_mentions(7, n, 0);
    for (i, m) in mentions.iter_mut().enumerate() {
        m.triage.urgency = (i * 37 % 101) as u8;
    }
    let (mut sqlite, mut pg) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let dir = tempfile::tempdir()?;
        sqlite.push(store_all(
            &mut Store::open(&dir.path().join(DB_FILE))?,
            &mentions,
        )?);
        let mut store = PgStore::open(&scratch(server, "ingest", true)?)?;
        pg.push(store_all(&mut store, &mentions)?);
    }
    Ok(vec![
        rate_figure(&format!("store ingest n={n} sqlite"), "mentions/s", sqlite),
        rate_figure(&format!("store ingest n={n} postgres"), "mentions/s", pg),
    ])
}

/// The inbox's views on PostgreSQL, on a copy of the SQLite benchmark database in `sqlite_dir`
/// (the same mentions; a share opened and done as there). Blocking.
pub(super) fn query(server: &str, rows: usize, sqlite_dir: &Path) -> Result<Vec<Figure>> {
    let address = scratch(server, &format!("query_{rows}"), false)?;
    let mut pg = PgStore::open(&address)?;
    if (pg.counts(0)?.total as usize) < rows {
        drop(pg);
        let address = scratch(server, &format!("query_{rows}"), true)?;
        pg = PgStore::open(&address)?;
        eprintln!("copying {rows} mentions into {address} …");
        let sqlite = Store::open(&sqlite_dir.join(DB_FILE))?;
        let mut chunk = Vec::with_capacity(500);
        let mut failed = None;
        let t = Instant::now();
        sqlite.for_each_mention(|mut m| {
            // The benchmark's source is not in the copy.
            m.source_id = None;
            chunk.push(m);
            if chunk.len() == 500 && failed.is_none() {
                failed = pg
                    .store_batch(None, &std::mem::take(&mut chunk), None)
                    .err();
            }
        })?;
        if let Some(e) = failed {
            return Err(e.into());
        }
        pg.store_batch(None, &chunk, None)?;
        eprintln!(
            "  copied at {:.0} mentions/s",
            rows as f64 / t.elapsed().as_secs_f64()
        );
        let mut db = address.connect_blocking()?;
        db.batch_execute(
            "UPDATE mentions SET status = 'done', read = true WHERE id % 3 = 0; \
             UPDATE mentions SET status = 'open', read = true WHERE id % 7 = 1;",
        )?;
        // Outside a transaction, so a statement of its own.
        db.batch_execute("VACUUM ANALYZE mentions")?;
    }
    let mut out = super::query::views(&pg)?;
    for f in &mut out {
        f.name = format!("query rows={rows} postgres {}", f.name);
    }
    Ok(out)
}

/// From one desktop's commit to another desktop's listener hearing it: `n` changes, one at a
/// time, on a local server.
pub(super) async fn fanout(server: &str, n: usize) -> Result<Vec<Figure>> {
    let server = server.to_string();
    let address = tokio::task::spawn_blocking(move || -> Result<TeamAddress> {
        let address = scratch(&server, "fanout", true)?;
        schema::migrate(&mut address.connect_blocking()?)?;
        Ok(address)
    })
    .await??;
    let db = address.connect().await?;
    let me = members::join(&db, "Bench", "bench-desktop").await?;
    let listener = Listener::start(address.clone());
    listener.listening().await;
    let mut heard = listener.subscribe();
    let mut db = address.connect().await?;
    let mut ms = Vec::with_capacity(n);
    for id in 0..n as i64 {
        let tx = db.transaction().await?;
        fanout::publish(&tx, me.id, &TeamEvent::MentionChanged { id }).await?;
        let t = Instant::now();
        tx.commit().await?;
        loop {
            match tokio::time::timeout(std::time::Duration::from_secs(10), heard.recv()).await {
                Ok(Ok(Heard::Event(e))) if e.event == TeamEvent::MentionChanged { id } => break,
                Ok(Ok(_)) => continue,
                other => anyhow::bail!("change {id} was not heard: {other:?}"),
            }
        }
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    let heard = latency_figure(format!("team fan-out commit→heard n={n}"), &ms);
    let window = to_the_window(&address, n).await?;
    Ok(vec![heard, window])
}

/// From one desktop's action (a status change through its engine) to the other desktop's engine
/// event, the one its shell hands the window as it is: `n` changes, one at a time.
async fn to_the_window(address: &TeamAddress, n: usize) -> Result<Figure> {
    use earshot_core::alerts::Silent;
    use earshot_core::clock::Clock;
    use earshot_core::engine::{Engine, EngineEvent};
    use earshot_core::model::Status;
    use earshot_core::store::db::Db;
    let db = address.connect().await?;
    let ana = members::join(&db, "Ana", "bench-desk-ana").await?.id;
    let ben = members::join(&db, "Ben", "bench-desk-ben").await?.id;
    let dir = tempfile::tempdir()?;
    let open = |member: i64, name: &str| {
        let (a, d) = (address.clone(), dir.path().join(name));
        tokio::task::spawn_blocking(move || Db::open_team(&a, Some(member), &d))
    };
    let (first, second) = (
        Engine::new(
            open(ana, "ana").await??,
            std::sync::Arc::new(Silent),
            Clock::system(),
        ),
        Engine::new(
            open(ben, "ben").await??,
            std::sync::Arc::new(Silent),
            Clock::system(),
        ),
    );
    let mentions = synthetic_mentions(11, n.max(1), 0);
    let stored = first
        .db()
        .write(move |s| s.store_batch(None, &mentions, None))
        .await?;
    let listening = second
        .listen_as_team(address.clone(), ben, Default::default())
        .await?;
    let mut events = second.subscribe();
    let mut ms = Vec::with_capacity(n);
    for m in stored.iter().take(n) {
        let t = Instant::now();
        first.set_status(m.id, Status::Done).await?;
        loop {
            match tokio::time::timeout(std::time::Duration::from_secs(10), events.recv()).await {
                Ok(Ok(EngineEvent::MentionUpdated { mention }))
                    if mention.id == m.id && mention.status == Status::Done =>
                {
                    break
                }
                Ok(Ok(_)) | Ok(Err(tokio::sync::broadcast::error::RecvError::Lagged(_))) => {
                    continue
                }
                other => anyhow::bail!(
                    "the change to {} did not reach the other desktop: {other:?}",
                    m.id
                ),
            }
        }
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    listening.stop().await;
    ms.sort_by(f64::total_cmp);
    Ok(latency_figure(
        format!("team action→other desktop's window event n={n}"),
        &ms,
    ))
}
