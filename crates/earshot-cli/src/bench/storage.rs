//! Bytes on disk per mention, indexes included.

use super::query::ensure_db;
use super::Figure;
use anyhow::Result;
use earshot_core::store::db::DB_FILE;
use earshot_core::store::Store;
use serde_json::json;

pub(super) async fn storage(n: usize) -> Result<Figure> {
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
