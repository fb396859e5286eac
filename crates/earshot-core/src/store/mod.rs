//! The local SQLite store: every mention the owner has, searchable, in a file they own.
//!
//! - WAL, `synchronous=NORMAL`, foreign keys on; append-only migrations tracked by `user_version`
//!   (never edit a shipped one, add the next).
//! - `mentions` is keyed on `(channel, external_id)`: a re-delivered post is stored once and an
//!   edited one updates in place, keeping the owner's status.
//! - `mentions_fts` is an FTS5 external-content index over title, text and author, kept in sync
//!   by triggers.
//! - A source's cursor is written in the same transaction as the mentions it produced
//!   ([`Store::store_batch`]), so a crash can never leave the cursor ahead of what was stored.
//! - Inbox pages use keyset pagination ([`PageCursor`]), never OFFSET.
//! - `outbox` holds every reply with its idempotency key and state (`store/outbox.rs`).
//!
//! Files: `migrations` (the schema, append-only), `mentions` (storing batches, one mention),
//! `view` (the inbox's filters, order and pages, badge counts), `search` (search inside a view),
//! `sources` (sources, business, settings), `corrections` (the owner's teaching), `work` (the
//! owner's side: actions, notes, saved replies, due times, threads), `outbox` (replies), `db`
//! (the store off the async runtime, checkpoints), `backup` (daily copies, verify, restore).
//!
//! [`Store`] is synchronous; [`db::Db`] runs it off the async runtime.

pub(crate) mod authors;
pub mod backup;
mod corrections;
pub mod db;
mod due;
mod engines;
mod mentions;
mod migrations;
mod outbox;
pub mod pg;
pub mod search;
mod sources;
mod view;
pub mod work;

pub use corrections::{Correction, StoredCorrection};
pub use engines::MentionStore;
pub use mentions::{last_deliveries, Part, Prior};
pub use migrations::SCHEMA_VERSION;
pub use view::{fts_query, Counts, MentionPage, MentionQuery, Order, PageCursor};

use std::path::Path;

use rusqlite::{Connection, Row};

use self::migrations::MIGRATIONS;
use crate::model::{
    Author, Channel, Engagement, Intent, Mention, OwnerCalls, Remote, Sentiment, Status, Triage,
    Work,
};

/// Errors from the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite said no.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The team database (PostgreSQL) said no, or could not be reached.
    #[error("team database error: {0}")]
    Postgres(#[from] postgres::Error),
    /// This desktop no longer listens for the source (its lease ran out or passed to another
    /// desktop): the batch and its cursor were not stored; the new listener fetches them.
    #[error("this desktop no longer listens for source {0}; another desktop has taken it")]
    NotListening(i64),
    /// A stored JSON column could not be read back.
    #[error("stored data is unreadable: {0}")]
    Json(#[from] serde_json::Error),
    /// The thing asked for is not there.
    #[error("{0} not found")]
    NotFound(String),
    /// The caller sent something the store cannot accept.
    #[error("invalid input: {0}")]
    Invalid(String),
    /// The database file is damaged or is not an Earshot database; it was left as it is.
    #[error(
        "{} is damaged or is not an Earshot database ({why}). Earshot has not changed it. \
         Restore a backup with `earshot restore --from FILE` (daily backups are in {}), or move \
         the file away to start with an empty inbox.",
        .path.display(),
        backup::folder_beside(.path).display()
    )]
    Damaged {
        /// The file.
        path: std::path::PathBuf,
        /// What SQLite or the check said.
        why: String,
    },
    /// The database was written by a newer Earshot; it was left as it is.
    #[error(
        "{} has database schema version {found}, which is newer than this Earshot ({known}); \
         upgrade Earshot to use it",
        .path.display()
    )]
    Newer {
        /// The file.
        path: std::path::PathBuf,
        /// The version in the file.
        found: usize,
        /// The newest version this build knows.
        known: usize,
    },
}

impl StoreError {
    /// Whether the database file itself cannot be used (damaged, or from a newer Earshot): the
    /// app offers the owner a way out (restore a backup) instead of starting.
    pub fn is_unusable_file(&self) -> bool {
        matches!(self, StoreError::Damaged { .. } | StoreError::Newer { .. })
    }
}

type Result<T> = std::result::Result<T, StoreError>;

/// A connection to the mention database.
pub struct Store {
    conn: Connection,
    /// Above this many FTS hits a search walks the view's index ([`search::FEW`]).
    search_few: usize,
    /// How many rows of a view a search checks before it asks FTS5 ([`search::PROBE`]).
    search_probe: usize,
}

const MENTION_COLUMNS: &str = "id, channel, external_id, source_id, url, title, author_handle, \
    author_name, author_url, author_followers, author_karma, text, html, created_at, fetched_at, \
    reply_to, thread_root, lang, likes, reposts, replies, matched_terms, urgency, sentiment, \
    reasons, status, read, mood, intent, complaint, needs_reply, velocity, owner_urgent, owner_intent, remote, \
    assignee, snooze_until, first_response_at, done_at, due_at, at_risk, \
    (SELECT json_group_array(tag) FROM (SELECT tag FROM mention_tags t WHERE t.mention_id = mentions.id ORDER BY tag)), \
    (SELECT count(*) FROM notes n WHERE n.mention_id = mentions.id), \
    EXISTS (SELECT 1 FROM outbox o WHERE o.mention_id = mentions.id AND o.state = 'sent' AND NOT o.private), \
    EXISTS (SELECT 1 FROM outbox o WHERE o.mention_id = mentions.id AND o.state = 'sent' AND o.private)";

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A file that is not an SQLite database, or a damaged one, is left untouched and named in
    /// the error with what to do.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        Store::init(conn).map_err(|e| match e {
            StoreError::Newer { found, known, .. } => StoreError::Newer {
                path: path.to_path_buf(),
                found,
                known,
            },
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
                ) =>
            {
                backup::damaged(path, &e.to_string())
            }
            _ => e,
        })
    }

    /// Takes an online backup into `data_dir`'s backups folder (see [`backup::take`]).
    pub fn backup_into(&self, data_dir: &Path, now: i64) -> Result<std::path::PathBuf> {
        let taken = backup::take(&self.conn, data_dir, now);
        // The copy read every page through this connection's cache: give that memory back.
        let _ = self.conn.execute_batch("PRAGMA shrink_memory");
        taken
    }

    /// Hands this connection's WAL checkpoints to another thread: after a commit that leaves
    /// `pages` or more in the WAL, `nudge` is sent (if one is not already waiting) instead of
    /// SQLite copying the WAL into the database inside the commit. If the WAL reaches eight times
    /// that (the other thread is kept from finishing), the commit checkpoints as it would have.
    pub fn checkpoint_elsewhere(
        &mut self,
        pages: i32,
        nudge: std::sync::mpsc::SyncSender<()>,
    ) -> Result<()> {
        self.conn.wal_hook(Some(
            move |wal: &mut rusqlite::hooks::Wal, in_wal: std::ffi::c_int| {
                if in_wal >= pages {
                    let _ = nudge.try_send(());
                }
                if in_wal >= pages.saturating_mul(8) {
                    // Busy (the other thread is checkpointing) is fine: the WAL is being copied.
                    let _ = wal.checkpoint();
                }
                Ok(())
            },
        ))?;
        Ok(())
    }

    /// An in-memory database, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // A batch touches pages of eight indexes and the FTS index; with SQLite's default 2 MiB
        // cache they are evicted and re-read, and a big transaction spills to the WAL before it
        // commits. The cache only grows to what is used.
        conn.pragma_update(None, "cache_size", -32_768)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        search::register(&conn)?;
        let mut store = Store {
            conn,
            search_few: search::FEW,
            search_probe: search::PROBE,
        };
        store.migrate()?;
        Ok(store)
    }

    /// The schema version this database is at.
    pub fn schema_version(&self) -> Result<usize> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))? as usize)
    }

    fn migrate(&mut self) -> Result<()> {
        let current = self.schema_version()?;
        if current > MIGRATIONS.len() {
            // `Store::open` names the file.
            return Err(StoreError::Newer {
                path: std::path::PathBuf::new(),
                found: current,
                known: MIGRATIONS.len(),
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(current) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The raw connection, for checks such as `PRAGMA integrity_check`.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

fn remote_json(r: &Remote) -> Result<Option<String>> {
    Ok(if r.is_empty() {
        None
    } else {
        Some(serde_json::to_string(r)?)
    })
}

fn json_list(s: String) -> Vec<String> {
    serde_json::from_str(&s).unwrap_or_default()
}

fn row_to_mention(r: &Row<'_>) -> rusqlite::Result<Mention> {
    let channel: String = r.get(1)?;
    Ok(Mention {
        id: r.get(0)?,
        channel: Channel::parse(&channel).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                1,
                rusqlite::types::Type::Text,
                format!("unknown channel {channel}").into(),
            )
        })?,
        external_id: r.get(2)?,
        source_id: r.get(3)?,
        url: r.get(4)?,
        title: r.get(5)?,
        author: Author {
            handle: r.get(6)?,
            display_name: r.get(7)?,
            profile_url: r.get(8)?,
            followers: r.get(9)?,
            karma: r.get(10)?,
        },
        text: r.get(11)?,
        html: r.get(12)?,
        created_at: r.get(13)?,
        fetched_at: r.get(14)?,
        reply_to: r.get(15)?,
        thread_root: r.get(16)?,
        lang: r.get(17)?,
        remote: r
            .get::<_, Option<String>>(34)?
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default(),
        engagement: Engagement {
            likes: r.get(18)?,
            reposts: r.get(19)?,
            replies: r.get(20)?,
            velocity: r.get(31)?,
        },
        matched_terms: json_list(r.get(21)?),
        triage: Triage {
            urgency: r.get(22)?,
            sentiment: r.get::<_, f64>(23)? as f32,
            reasons: json_list(r.get(24)?),
            mood: Sentiment::parse(&r.get::<_, String>(27)?).unwrap_or_default(),
            intent: Intent::parse(&r.get::<_, String>(28)?).unwrap_or_default(),
            complaint: r.get(29)?,
            needs_reply: r.get(30)?,
        },
        owner: OwnerCalls {
            urgent: r.get(32)?,
            intent: r
                .get::<_, Option<String>>(33)?
                .and_then(|s| Intent::parse(&s)),
        },
        status: Status::parse(&r.get::<_, String>(25)?).unwrap_or_default(),
        read: r.get(26)?,
        work: Work {
            assignee: r.get(35)?,
            snooze_until: r.get(36)?,
            first_response_at: r.get(37)?,
            done_at: r.get(38)?,
            due_at: r.get(39)?,
            at_risk: r.get(40)?,
            tags: json_list(r.get::<_, Option<String>>(41)?.unwrap_or_default()),
            notes: r.get(42)?,
            sent_public: r.get(43)?,
            sent_private: r.get(44)?,
        },
    })
}
