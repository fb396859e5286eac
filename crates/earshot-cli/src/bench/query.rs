//! The inbox's real queries on a database of N mentions.

use std::path::{Path, PathBuf};

use super::ingest::{bench_engine, ingest_into};
use super::{latency_figure, time_ms, Figure};
use anyhow::Result;
use earshot_core::model::{Channel, Status};
use earshot_core::store::db::DB_FILE;
use earshot_core::store::{MentionQuery, MentionStore, Order, Store};

pub(super) async fn ensure_db(dir: &Path, rows: usize) -> Result<()> {
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

pub(super) async fn query(rows: usize, db_dir: Option<PathBuf>) -> Result<Vec<Figure>> {
    let tmp = tempfile::tempdir()?;
    let dir = db_dir.unwrap_or_else(|| tmp.path().to_path_buf());
    query_in(rows, &dir).await
}

/// The queries on the SQLite database of `rows` mentions in `dir` (built there if need be).
pub(super) async fn query_in(rows: usize, dir: &Path) -> Result<Vec<Figure>> {
    ensure_db(dir, rows).await?;
    let store = Store::open(&dir.join(DB_FILE))?;
    let mut out = views(&store)?;
    // The author panel's query: one author's other mentions on every channel, their count and
    // the replies sent to them.
    // (A small database may have no user1234: then the first mention's author.)
    let one_of_theirs: i64 = store.connection().query_row(
        "SELECT coalesce((SELECT id FROM mentions WHERE author_key = 'user1234' LIMIT 1), \
         (SELECT min(id) FROM mentions))",
        [],
        |r| r.get(0),
    )?;
    let ms = time_ms(REPS, || {
        let h = store.author_history(one_of_theirs)?;
        std::hint::black_box(h.total);
        Ok(())
    })?;
    out.push(latency_figure("author history".into(), &ms));
    for f in &mut out {
        f.name = format!("query rows={rows} {}", f.name);
    }
    Ok(out)
}

const REPS: usize = 60;

/// The inbox's views on either engine: pages (first and 20th by cursor), badge counts, the
/// newest mentions' place in a view, and searches.
pub(super) fn views(store: &dyn MentionStore) -> Result<Vec<Figure>> {
    let reps = REPS;
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
    Ok(out)
}

// --- firehose -------------------------------------------------------------------------------
