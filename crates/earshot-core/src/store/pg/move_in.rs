//! Moving one desktop's solo database into a new team's database: every mention with its
//! status, triage, tags, notes and replies, every source with its cursor (so listening resumes
//! where it stopped, without a gap or a second copy), the settings, saved replies and what the
//! owner taught triage. The SQLite file is only read; it stays as it was, as the backup.
//!
//! Only into a team database that has no mentions, sources or replies yet: the first desktop
//! brings its inbox, the others join the team's. Everything is copied in one transaction, with
//! the ids kept, so a failure leaves the team's database as it was.

use std::path::Path;

use postgres::types::ToSql;
use rusqlite::types::ValueRef;

use super::PgStore;
use crate::store::search::pg_tsvector;
use crate::store::{Result, StoreError};

/// The tables moved, in an order that keeps every reference valid.
const TABLES: [&str; 8] = [
    "sources",
    "mentions",
    "mention_tags",
    "notes",
    "outbox",
    "settings",
    "saved_replies",
    "corrections",
];

/// Rows per INSERT statement (PostgreSQL takes at most 65,535 parameters in one).
const CHUNK: usize = 400;

/// What was moved, by table, in [`TABLES`]' order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MovedIn {
    /// (table, rows).
    pub tables: Vec<(&'static str, usize)>,
}

impl MovedIn {
    /// Rows moved from `table`.
    pub fn rows(&self, table: &str) -> usize {
        self.tables
            .iter()
            .find(|(t, _)| *t == table)
            .map_or(0, |(_, n)| *n)
    }
}

/// One value, as PostgreSQL's column type wants it.
type Value = Box<dyn ToSql + Sync>;

fn convert(v: ValueRef<'_>, pg_type: &str, column: &str) -> Result<Value> {
    let bad = |what: &str| {
        StoreError::Invalid(format!(
            "the solo database's {column} holds {what} where the team's takes {pg_type}"
        ))
    };
    Ok(match (pg_type, v) {
        ("bigint", ValueRef::Null) => Box::new(None::<i64>),
        ("bigint", ValueRef::Integer(i)) => Box::new(i),
        ("integer", ValueRef::Null) => Box::new(None::<i32>),
        ("integer", ValueRef::Integer(i)) => {
            Box::new(i32::try_from(i).map_err(|_| bad("a number too large"))?)
        }
        ("boolean", ValueRef::Null) => Box::new(None::<bool>),
        ("boolean", ValueRef::Integer(i)) => Box::new(i != 0),
        ("double precision", ValueRef::Null) => Box::new(None::<f64>),
        ("double precision", ValueRef::Real(f)) => Box::new(f),
        ("double precision", ValueRef::Integer(i)) => Box::new(i as f64),
        ("text", ValueRef::Null) => Box::new(None::<String>),
        ("text", ValueRef::Text(t)) => Box::new(String::from_utf8_lossy(t).into_owned()),
        ("text", ValueRef::Integer(i)) => Box::new(i.to_string()),
        ("text", ValueRef::Real(f)) => Box::new(f.to_string()),
        (_, ValueRef::Blob(_)) => return Err(bad("bytes")),
        (_, other) => return Err(bad(&format!("{:?}", other.data_type()))),
    })
}

/// A column both databases have, with the team's type for it.
struct Column {
    name: String,
    pg_type: String,
}

impl PgStore {
    /// Moves the solo database at `file` (an Earshot SQLite database at the current schema)
    /// into this team database, which must have no mentions, sources or replies yet. The file
    /// is opened read-only and left as it was.
    pub fn move_in(&mut self, file: &Path) -> Result<MovedIn> {
        let solo = rusqlite::Connection::open_with_flags(
            file,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let version: i64 = solo.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != crate::store::migrations::SCHEMA_VERSION as i64 {
            return Err(StoreError::Invalid(format!(
                "{} is at schema {version}, this Earshot writes {}: open it with this Earshot once first",
                file.display(),
                crate::store::migrations::SCHEMA_VERSION
            )));
        }
        let mut db = self.db.borrow_mut();
        let mut tx = db.transaction()?;
        // No desktop writes while the inbox moves in.
        tx.batch_execute(
            "LOCK TABLE sources, mentions, outbox, saved_replies, settings IN EXCLUSIVE MODE",
        )?;
        let taken: i64 = tx
            .query_one(
                "SELECT (SELECT count(*) FROM mentions) + (SELECT count(*) FROM sources) \
                 + (SELECT count(*) FROM outbox)",
                &[],
            )?
            .get(0);
        if taken > 0 {
            return Err(StoreError::Invalid(
                "the team's database already has an inbox: join it as it is (your own mentions \
                 stay in this computer's database)"
                    .into(),
            ));
        }
        // The team's starting saved replies and settings give way to the owner's own.
        tx.batch_execute("DELETE FROM saved_replies; DELETE FROM settings;")?;
        let mut moved = MovedIn::default();
        for table in TABLES {
            let columns = shared_columns(&solo, &mut tx, table)?;
            let n = copy_table(&solo, &mut tx, table, &columns)?;
            moved.tables.push((table, n));
        }
        for table in [
            "sources",
            "mentions",
            "notes",
            "outbox",
            "saved_replies",
            "corrections",
        ] {
            tx.execute(
                &format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                     coalesce(max(id), 0) + 1, false) FROM {table}"
                ),
                &[],
            )?;
        }
        tx.batch_execute(
            "DELETE FROM mention_tally;
             INSERT INTO mention_tally (status, read, urgency, n)
                 SELECT status, read, urgency, count(*) FROM mentions GROUP BY status, read, urgency;",
        )?;
        tx.commit()?;
        Ok(moved)
    }
}

/// The columns of `table` in both databases (not the team's computed ones), with the team's
/// types.
fn shared_columns(
    solo: &rusqlite::Connection,
    tx: &mut postgres::Transaction<'_>,
    table: &str,
) -> Result<Vec<Column>> {
    // table_xinfo's `hidden` is 2 or 3 for generated columns.
    let mut stmt = solo.prepare(&format!("PRAGMA table_xinfo({table})"))?;
    let sqlite: Vec<String> = stmt
        .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, i64>(6)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter(|(_, hidden)| *hidden == 0)
        .map(|(name, _)| name)
        .collect();
    let pg = tx.query(
        "SELECT column_name::text, data_type::text FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' \
         ORDER BY ordinal_position",
        &[&table],
    )?;
    Ok(pg
        .iter()
        .map(|r| Column {
            name: r.get(0),
            pg_type: r.get(1),
        })
        .filter(|c| c.name != "tsv" && sqlite.contains(&c.name))
        .collect())
}

/// Copies every row of `table`'s `columns`; for mentions, writes the search entry too.
fn copy_table(
    solo: &rusqlite::Connection,
    tx: &mut postgres::Transaction<'_>,
    table: &str,
    columns: &[Column],
) -> Result<usize> {
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    let mentions = table == "mentions";
    let search_from: Vec<usize> = ["title", "text", "author_handle", "author_name"]
        .iter()
        .filter_map(|n| names.iter().position(|c| c == n))
        .collect();
    if mentions && search_from.len() != 4 {
        return Err(StoreError::Invalid(
            "the solo database's mentions lack their text columns".into(),
        ));
    }
    let mut insert_names = names.clone();
    if mentions {
        insert_names.push("tsv");
    }
    let mut stmt = solo.prepare(&format!(
        "SELECT {} FROM {table} ORDER BY 1",
        names.join(", ")
    ))?;
    let mut rows = stmt.query([])?;
    let mut chunk: Vec<Vec<Value>> = Vec::with_capacity(CHUNK);
    let mut total = 0;
    while let Some(row) = rows.next()? {
        let mut values = Vec::with_capacity(insert_names.len());
        for (i, c) in columns.iter().enumerate() {
            values.push(convert(row.get_ref(i)?, &c.pg_type, &c.name)?);
        }
        if mentions {
            let text = |i: usize| -> Result<Option<String>> {
                Ok(row.get::<_, Option<String>>(search_from[i])?)
            };
            let parts = [text(0)?, text(1)?, text(2)?, text(3)?];
            let tsv = pg_tsvector(&[
                parts[0].as_deref(),
                parts[1].as_deref(),
                parts[2].as_deref(),
                parts[3].as_deref(),
            ]);
            values.push(Box::new(tsv));
        }
        chunk.push(values);
        if chunk.len() == CHUNK {
            total += insert(tx, table, &insert_names, mentions, &mut chunk)?;
        }
    }
    total += insert(tx, table, &insert_names, mentions, &mut chunk)?;
    Ok(total)
}

/// One multi-row INSERT of `rows` (emptied).
fn insert(
    tx: &mut postgres::Transaction<'_>,
    table: &str,
    names: &[&str],
    mentions: bool,
    rows: &mut Vec<Vec<Value>>,
) -> Result<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    let width = names.len();
    let tuples: Vec<String> = (0..rows.len())
        .map(|r| {
            let params: Vec<String> = (1..=width)
                .map(|c| {
                    let n = r * width + c;
                    if mentions && c == width {
                        format!("${n}::text::tsvector")
                    } else {
                        format!("${n}")
                    }
                })
                .collect();
            format!("({})", params.join(", "))
        })
        .collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES {}",
        names.join(", "),
        tuples.join(", ")
    );
    let params: Vec<&(dyn ToSql + Sync)> = rows.iter().flatten().map(|v| v.as_ref()).collect();
    tx.execute(&sql, &params)?;
    let n = rows.len();
    rows.clear();
    Ok(n)
}
