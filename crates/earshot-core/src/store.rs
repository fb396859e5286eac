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
//! [`Store`] is synchronous; [`crate::db::Db`] runs it off the async runtime.

use std::path::Path;

use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{
    Author, Business, Channel, Engagement, Health, Intent, Mention, OwnerCalls, Remote, Sentiment,
    Source, SourceSpec, Status, Triage, Work,
};

mod outbox;
pub mod queue;
pub mod search;

use search::SearchQuery;

/// Errors from the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite said no.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
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
        crate::backup::folder_beside(.path).display()
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

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

const MIGRATIONS: &[&str] = &[
    // 1: the spine.
    r#"
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        spec TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1,
        cursor TEXT,
        health TEXT NOT NULL DEFAULT '{"state":"idle"}',
        created_at INTEGER NOT NULL
    );
    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL,
        external_id TEXT NOT NULL,
        source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
        url TEXT,
        title TEXT,
        author_handle TEXT NOT NULL,
        author_name TEXT,
        author_url TEXT,
        author_followers INTEGER,
        author_karma INTEGER,
        text TEXT NOT NULL,
        html TEXT,
        created_at INTEGER NOT NULL,
        fetched_at INTEGER NOT NULL,
        reply_to TEXT,
        thread_root TEXT,
        lang TEXT,
        likes INTEGER,
        reposts INTEGER,
        replies INTEGER,
        matched_terms TEXT NOT NULL DEFAULT '[]',
        urgency INTEGER NOT NULL DEFAULT 0,
        sentiment REAL NOT NULL DEFAULT 0,
        reasons TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'new',
        read INTEGER NOT NULL DEFAULT 0,
        UNIQUE (channel, external_id)
    );
    CREATE INDEX mentions_by_urgency ON mentions (urgency DESC, created_at DESC, id DESC);
    CREATE INDEX mentions_by_time ON mentions (created_at DESC, id DESC);
    CREATE INDEX mentions_by_author ON mentions (channel, author_handle, created_at DESC);
    CREATE VIRTUAL TABLE mentions_fts USING fts5 (
        title, text, author_handle, author_name,
        content = 'mentions', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER mentions_ai AFTER INSERT ON mentions BEGIN
        INSERT INTO mentions_fts (rowid, title, text, author_handle, author_name)
        VALUES (new.id, new.title, new.text, new.author_handle, new.author_name);
    END;
    CREATE TRIGGER mentions_ad AFTER DELETE ON mentions BEGIN
        INSERT INTO mentions_fts (mentions_fts, rowid, title, text, author_handle, author_name)
        VALUES ('delete', old.id, old.title, old.text, old.author_handle, old.author_name);
    END;
    CREATE TRIGGER mentions_au AFTER UPDATE OF title, text, author_handle, author_name ON mentions BEGIN
        INSERT INTO mentions_fts (mentions_fts, rowid, title, text, author_handle, author_name)
        VALUES ('delete', old.id, old.title, old.text, old.author_handle, old.author_name);
        INSERT INTO mentions_fts (rowid, title, text, author_handle, author_name)
        VALUES (new.id, new.title, new.text, new.author_handle, new.author_name);
    END;
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    "#,
    // 2: triage that learns — sentiment class, intent, velocity, the owner's corrections.
    r#"
    ALTER TABLE mentions ADD COLUMN mood TEXT NOT NULL DEFAULT 'neutral';
    ALTER TABLE mentions ADD COLUMN intent TEXT NOT NULL DEFAULT 'other';
    ALTER TABLE mentions ADD COLUMN complaint INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE mentions ADD COLUMN needs_reply INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE mentions ADD COLUMN velocity REAL;
    ALTER TABLE mentions ADD COLUMN owner_urgent INTEGER;
    ALTER TABLE mentions ADD COLUMN owner_intent TEXT;
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        mention_id INTEGER REFERENCES mentions(id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK (kind IN ('urgent', 'intent')),
        value TEXT NOT NULL,
        was TEXT,
        channel TEXT NOT NULL,
        author TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );
    "#,
    // 3: live channels — what a reply needs to know of a post, and the outbox.
    r#"
    ALTER TABLE mentions ADD COLUMN remote TEXT;
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        private INTEGER NOT NULL,
        body TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
        remote_id TEXT,
        remote_url TEXT,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    );
    CREATE INDEX outbox_by_mention ON outbox (mention_id, id);
    "#,
    // 4: fast at a million — inbox pages filtered by channel, and count badges from a tally kept
    // by triggers instead of counting every row.
    r#"
    CREATE INDEX mentions_by_channel_urgency ON mentions (channel, urgency DESC, created_at DESC, id DESC);
    CREATE INDEX mentions_by_channel_time ON mentions (channel, created_at DESC, id DESC);
    CREATE TABLE mention_tally (
        status TEXT NOT NULL,
        read INTEGER NOT NULL,
        urgency INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (status, read, urgency)
    ) WITHOUT ROWID;
    INSERT INTO mention_tally (status, read, urgency, n)
        SELECT status, read, urgency, count(*) FROM mentions GROUP BY status, read, urgency;
    CREATE TRIGGER mentions_tally_ai AFTER INSERT ON mentions BEGIN
        INSERT INTO mention_tally (status, read, urgency, n) VALUES (new.status, new.read, new.urgency, 1)
            ON CONFLICT (status, read, urgency) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER mentions_tally_ad AFTER DELETE ON mentions BEGIN
        UPDATE mention_tally SET n = n - 1
            WHERE status = old.status AND read = old.read AND urgency = old.urgency;
    END;
    CREATE TRIGGER mentions_tally_au AFTER UPDATE OF status, read, urgency ON mentions
        WHEN old.status IS NOT new.status OR old.read IS NOT new.read OR old.urgency IS NOT new.urgency
    BEGIN
        UPDATE mention_tally SET n = n - 1
            WHERE status = old.status AND read = old.read AND urgency = old.urgency;
        INSERT INTO mention_tally (status, read, urgency, n) VALUES (new.status, new.read, new.urgency, 1)
            ON CONFLICT (status, read, urgency) DO UPDATE SET n = n + 1;
    END;
    "#,
    // 5: the queue — snooze, helpers, tags, notes, saved replies, and the response clock. A
    // mention at risk of missing its target sorts first in the urgent-first view.
    r#"
    ALTER TABLE mentions ADD COLUMN assignee TEXT;
    ALTER TABLE mentions ADD COLUMN snooze_until INTEGER;
    ALTER TABLE mentions ADD COLUMN first_response_at INTEGER;
    ALTER TABLE mentions ADD COLUMN done_at INTEGER;
    ALTER TABLE mentions ADD COLUMN due_at INTEGER;
    ALTER TABLE mentions ADD COLUMN at_risk INTEGER NOT NULL DEFAULT 0;
    -- One person's name across networks: "@ann@mastodon.social", "ann.bsky.social" and "ann" → "ann".
    ALTER TABLE mentions ADD COLUMN author_key TEXT GENERATED ALWAYS AS (
        substr(substr(lower(ltrim(author_handle, '@')), 1, instr(lower(ltrim(author_handle, '@')) || '@', '@') - 1), 1, instr(substr(lower(ltrim(author_handle, '@')), 1, instr(lower(ltrim(author_handle, '@')) || '@', '@') - 1) || '.', '.') - 1)
    ) VIRTUAL;
    DROP INDEX mentions_by_urgency;
    DROP INDEX mentions_by_channel_urgency;
    CREATE INDEX mentions_by_urgency ON mentions (at_risk DESC, urgency DESC, created_at DESC, id DESC);
    CREATE INDEX mentions_by_channel_urgency ON mentions (channel, at_risk DESC, urgency DESC, created_at DESC, id DESC);
    CREATE INDEX mentions_due ON mentions (due_at) WHERE first_response_at IS NULL AND status IN ('new', 'open');
    CREATE INDEX mentions_snoozed ON mentions (snooze_until) WHERE status = 'snoozed';
    CREATE INDEX mentions_by_author_key ON mentions (author_key, created_at DESC);
    CREATE INDEX mentions_by_thread ON mentions (channel, thread_root);
    CREATE INDEX mentions_by_assignee ON mentions (assignee, created_at DESC) WHERE assignee IS NOT NULL;
    CREATE TABLE mention_tags (
        mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (mention_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX tags_by_tag ON mention_tags (tag, mention_id);
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        author TEXT,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );
    CREATE INDEX notes_by_mention ON notes (mention_id, id);
    CREATE TABLE saved_replies (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL,
        uses INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    );
    INSERT INTO saved_replies (name, body, created_at, updated_at) VALUES
        ('Sorry, we will fix it', 'Hi {author}, I am sorry about this. That is not the {business} we want to be. Could you tell me a little more so I can put it right?', unixepoch(), unixepoch()),
        ('Take it private', 'Hi {author}, sorry to hear it. I have sent you a private message so we can sort this out.', unixepoch(), unixepoch()),
        ('Order problem', 'Hi {author}, thank you for telling us. I have found order {order} and {what we are doing}. Sorry for the trouble.', unixepoch(), unixepoch()),
        ('Thank you', 'Thank you {author}! That made our day at {business}.', unixepoch(), unixepoch()),
        ('Answer a question', 'Hi {author}, good question: {answer}. Anything else, just ask.', unixepoch(), unixepoch());
    UPDATE mentions SET done_at = fetched_at WHERE status = 'done';
    UPDATE mentions SET first_response_at = (
        SELECT min(updated_at) FROM outbox WHERE outbox.mention_id = mentions.id AND outbox.state = 'sent'
    ) WHERE id IN (SELECT mention_id FROM outbox WHERE state = 'sent');
    "#,
    // 6: faster ingest. A new mention's search entry and its tally count are written by
    // `store_batch`, not by insert triggers: a trigger makes every INSERT a statement transaction,
    // which copies each page it changes into the statement journal, and FTS5 writes its pending
    // terms out as a new segment at every statement savepoint (a segment per row, merged again and
    // again). Updates and deletes keep their triggers. Author history reads `author_key`; the old
    // per-channel handle index had no reader left. A re-delivery whose counts changed but not its
    // words leaves the search index alone.
    r#"
    DROP TRIGGER mentions_ai;
    DROP TRIGGER mentions_tally_ai;
    DROP INDEX mentions_by_author;
    DROP TRIGGER mentions_au;
    CREATE TRIGGER mentions_au AFTER UPDATE OF title, text, author_handle, author_name ON mentions
        WHEN old.title IS NOT new.title OR old.text IS NOT new.text
            OR old.author_handle IS NOT new.author_handle OR old.author_name IS NOT new.author_name
    BEGIN
        INSERT INTO mentions_fts (mentions_fts, rowid, title, text, author_handle, author_name)
        VALUES ('delete', old.id, old.title, old.text, old.author_handle, old.author_name);
        INSERT INTO mentions_fts (rowid, title, text, author_handle, author_name)
        VALUES (new.id, new.title, new.text, new.author_handle, new.author_name);
    END;
    "#,
];

/// The order of an inbox view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum Order {
    /// Most urgent first, then newest.
    #[default]
    Urgent,
    /// Newest first.
    Newest,
}

/// What an inbox view asks for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct MentionQuery {
    /// Sort order.
    #[serde(default)]
    pub order: Order,
    /// Only this channel.
    #[serde(default)]
    pub channel: Option<Channel>,
    /// Only this status. Without one, everything but snoozed and ignored mentions.
    #[serde(default)]
    pub status: Option<Status>,
    /// Only mentions still waiting for the owner (new or open): the to-do queue.
    #[serde(default)]
    pub todo: bool,
    /// Only mentions with this tag.
    #[serde(default)]
    pub tag: Option<String>,
    /// Only mentions assigned to this helper; an empty name means unassigned.
    #[serde(default)]
    pub assignee: Option<String>,
    /// Only this tone.
    #[serde(default)]
    pub mood: Option<Sentiment>,
    /// Only mentions posted at or after this time (unix seconds).
    #[serde(default)]
    #[ts(type = "number | null")]
    pub since: Option<i64>,
    /// Only mentions at least this urgent.
    #[serde(default)]
    pub min_urgency: Option<u8>,
    /// Full-text search (words; the last one may be a prefix).
    #[serde(default)]
    pub search: Option<String>,
    /// Only these mentions (at most 500): which of the mentions just announced belong in this
    /// view, so a list can take them in without reloading.
    #[serde(default)]
    #[ts(type = "Array<number> | null")]
    pub ids: Option<Vec<i64>>,
    /// Page size (default 50, at most 500).
    #[serde(default)]
    pub limit: Option<u32>,
    /// Where the previous page ended.
    #[serde(default)]
    pub after: Option<String>,
}

/// One page of an inbox view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct MentionPage {
    /// The mentions, in order.
    pub mentions: Vec<Mention>,
    /// Pass as `after` for the next page; `None` at the end.
    pub next: Option<String>,
}

/// Badge counts for the inbox and tray.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Counts {
    /// All stored mentions.
    pub total: u32,
    /// Status new.
    pub new: u32,
    /// Status open.
    pub open: u32,
    /// Status snoozed.
    pub snoozed: u32,
    /// Status done.
    pub done: u32,
    /// Status ignored.
    pub ignored: u32,
    /// Urgent, not done and not yet opened: the tray's number.
    pub unread_urgent: u32,
}

/// What the store already knows of a mention that arrives again.
#[derive(Debug, Clone, PartialEq)]
pub struct Prior {
    /// Likes when last seen.
    pub likes: Option<i64>,
    /// Reposts when last seen.
    pub reposts: Option<i64>,
    /// Replies when last seen.
    pub replies: Option<i64>,
    /// When it was last seen (unix seconds).
    pub seen_at: i64,
    /// The owner's calls on it.
    pub owner: OwnerCalls,
}

/// One correction by the owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum Correction {
    /// Urgent (true) or not urgent (false).
    Urgent(bool),
    /// This intent.
    Intent(Intent),
}

/// A correction as stored, with what it was about.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCorrection {
    /// The correction.
    pub correction: Correction,
    /// The intent triage had given, for intent corrections.
    pub was: Option<Intent>,
    /// The mention's channel.
    pub channel: String,
    /// The mention's author.
    pub author: String,
    /// The mention's text.
    pub text: String,
}

/// Keyset position: the sort key of the last row of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageCursor {
    at_risk: i64,
    urgency: i64,
    created_at: i64,
    id: i64,
}

impl PageCursor {
    fn encode(self) -> String {
        format!(
            "{}.{}.{}.{}",
            self.at_risk, self.urgency, self.created_at, self.id
        )
    }
    fn decode(s: &str) -> Result<PageCursor> {
        let bad = || StoreError::Invalid(format!("page cursor {s:?}"));
        let mut it = s.split('.').map(|p| p.parse::<i64>().map_err(|_| bad()));
        let c = PageCursor {
            at_risk: it.next().ok_or_else(bad)??,
            urgency: it.next().ok_or_else(bad)??,
            created_at: it.next().ok_or_else(bad)??,
            id: it.next().ok_or_else(bad)??,
        };
        if it.next().is_some() {
            return Err(bad());
        }
        Ok(c)
    }
}

/// Turns what a person typed into a safe FTS5 query: each word quoted, the last one a prefix.
/// Returns `None` when nothing searchable is left.
pub fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = search::words(input)
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut q = words.join(" ");
    q.push('*');
    Some(q)
}

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
    (SELECT count(*) FROM notes n WHERE n.mention_id = mentions.id)";

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
                crate::backup::damaged(path, &e.to_string())
            }
            _ => e,
        })
    }

    /// Takes an online backup into `data_dir`'s backups folder (see [`crate::backup::take`]).
    pub fn backup_into(&self, data_dir: &Path, now: i64) -> Result<std::path::PathBuf> {
        let taken = crate::backup::take(&self.conn, data_dir, now);
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

    /// Stores a batch from one source and advances its cursor, in one transaction. Returns the
    /// mentions that were new (with their ids); re-delivered ones are updated in place when their
    /// text, title or counts changed, and are not returned.
    pub fn store_batch(
        &mut self,
        source_id: Option<i64>,
        mentions: &[Mention],
        cursor: Option<&str>,
    ) -> Result<Vec<Mention>> {
        let tx = self.conn.transaction()?;
        let mut fresh = Vec::new();
        {
            let mut find = tx.prepare_cached(
                "SELECT id, text, title, likes, reposts, replies FROM mentions WHERE channel = ?1 AND external_id = ?2",
            )?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO mentions (channel, external_id, source_id, url, title, author_handle, \
                 author_name, author_url, author_followers, author_karma, text, html, created_at, \
                 fetched_at, reply_to, thread_root, lang, likes, reposts, replies, matched_terms, \
                 urgency, sentiment, reasons, status, read, mood, intent, complaint, needs_reply, \
                 velocity, remote, due_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, \
                 ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, 'new', 0, ?25, ?26, ?27, ?28, ?29, ?30, ?31) \
                 ON CONFLICT (channel, external_id) DO NOTHING",
            )?;
            let mut index = tx.prepare_cached(
                "INSERT INTO mentions_fts (rowid, title, text, author_handle, author_name) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            // New mentions are new and unread: counted under their urgency.
            let mut count = tx.prepare_cached(
                "INSERT INTO mention_tally (status, read, urgency, n) VALUES ('new', 0, ?1, 1) \
                 ON CONFLICT (status, read, urgency) DO UPDATE SET n = n + 1",
            )?;
            let mut update = tx.prepare_cached(
                "UPDATE mentions SET url = ?2, title = ?3, text = ?4, html = ?5, likes = ?6, \
                 reposts = ?7, replies = ?8, matched_terms = ?9, urgency = ?10, sentiment = ?11, \
                 reasons = ?12, author_followers = COALESCE(?13, author_followers), \
                 author_karma = COALESCE(?14, author_karma), mood = ?15, intent = ?16, \
                 complaint = ?17, needs_reply = ?18, velocity = ?19, fetched_at = ?20, \
                 remote = COALESCE(?21, remote), \
                 due_at = CASE WHEN first_response_at IS NULL THEN ?22 ELSE due_at END WHERE id = ?1",
            )?;
            // A post delivered twice in one batch is stored as its later delivery.
            let mut last = std::collections::HashMap::with_capacity(mentions.len());
            for (i, m) in mentions.iter().enumerate() {
                last.insert((m.channel, m.external_id.as_str()), i);
            }
            let mut known = Vec::new();
            let mut new_rows = Vec::new();
            // The insert is the existence check: a post already stored (by channel and external
            // id) inserts nothing and is updated below. Search entries are written last: an
            // UPDATE has triggers, so it runs as a statement transaction, and FTS5 writes its
            // pending terms out as a segment at each statement savepoint; written after the
            // updates, the new rows' terms stay in memory until the commit.
            for (i, m) in mentions.iter().enumerate() {
                if last[&(m.channel, m.external_id.as_str())] != i {
                    continue;
                }
                let inserted = insert.execute(params![
                    m.channel.as_str(),
                    m.external_id,
                    source_id.or(m.source_id),
                    m.url,
                    m.title,
                    m.author.handle,
                    m.author.display_name,
                    m.author.profile_url,
                    m.author.followers,
                    m.author.karma,
                    m.text,
                    m.html,
                    m.created_at,
                    m.fetched_at,
                    m.reply_to,
                    m.thread_root,
                    m.lang,
                    m.engagement.likes,
                    m.engagement.reposts,
                    m.engagement.replies,
                    serde_json::to_string(&m.matched_terms)?,
                    m.triage.urgency,
                    m.triage.sentiment,
                    serde_json::to_string(&m.triage.reasons)?,
                    m.triage.mood.as_str(),
                    m.triage.intent.as_str(),
                    m.triage.complaint,
                    m.triage.needs_reply,
                    m.engagement.velocity,
                    remote_json(&m.remote)?,
                    m.work.due_at,
                ])?;
                if inserted == 0 {
                    known.push(m);
                    continue;
                }
                count.execute([m.triage.urgency])?;
                new_rows.push((tx.last_insert_rowid(), m));
            }
            for m in known {
                if let Some(was) = stored_as(&mut find, m)? {
                    refresh(&mut update, was, m)?;
                }
            }
            for (id, m) in new_rows {
                index.execute(params![
                    id,
                    m.title,
                    m.text,
                    m.author.handle,
                    m.author.display_name
                ])?;
                let mut stored = m.clone();
                stored.id = id;
                stored.source_id = source_id.or(m.source_id);
                fresh.push(stored);
            }
        }
        if let (Some(id), Some(c)) = (source_id, cursor) {
            tx.execute(
                "UPDATE sources SET cursor = ?2 WHERE id = ?1",
                params![id, c],
            )?;
        }
        tx.commit()?;
        Ok(fresh)
    }

    /// What is already known of these mentions (by channel and external id): their last
    /// engagement counts and when they were seen, and the owner's calls. Feeds velocity and keeps
    /// the owner's corrections when a post is delivered again.
    pub fn priors(&self, keys: &[(Channel, &str)]) -> Result<Vec<Option<Prior>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT likes, reposts, replies, fetched_at, owner_urgent, owner_intent FROM mentions \
             WHERE channel = ?1 AND external_id = ?2",
        )?;
        keys.iter()
            .map(|(c, id)| {
                stmt.query_row(params![c.as_str(), id], |r| {
                    Ok(Prior {
                        likes: r.get(0)?,
                        reposts: r.get(1)?,
                        replies: r.get(2)?,
                        seen_at: r.get(3)?,
                        owner: OwnerCalls {
                            urgent: r.get(4)?,
                            intent: r
                                .get::<_, Option<String>>(5)?
                                .and_then(|s| Intent::parse(&s)),
                        },
                    })
                })
                .optional()
                .map_err(StoreError::from)
            })
            .collect()
    }

    /// Records the owner's correction of a mention: the call is kept on the mention and the
    /// lesson in `corrections` (with the text, so the lesson outlives the mention).
    pub fn record_correction(&mut self, id: i64, c: &Correction, now: i64) -> Result<Mention> {
        let m = self.mention(id)?;
        let tx = self.conn.transaction()?;
        let (kind, value, was) = match c {
            Correction::Urgent(u) => {
                tx.execute(
                    "UPDATE mentions SET owner_urgent = ?2 WHERE id = ?1",
                    params![id, u],
                )?;
                ("urgent", u.to_string(), None)
            }
            Correction::Intent(i) => {
                tx.execute(
                    "UPDATE mentions SET owner_intent = ?2 WHERE id = ?1",
                    params![id, i.as_str()],
                )?;
                (
                    "intent",
                    i.as_str().to_string(),
                    Some(m.triage.intent.as_str()),
                )
            }
        };
        tx.execute(
            "INSERT INTO corrections (mention_id, kind, value, was, channel, author, text, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, kind, value, was, m.channel.as_str(), m.author.handle, m.full_text(), now],
        )?;
        tx.commit()?;
        self.mention(id)
    }

    /// Every correction, oldest first, to rebuild what the owner taught.
    pub fn corrections(&self) -> Result<Vec<StoredCorrection>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, value, was, channel, author, text FROM corrections ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (kind, value, was, channel, author, text) = row?;
            let correction = match kind.as_str() {
                "urgent" => Correction::Urgent(value == "true"),
                _ => match Intent::parse(&value) {
                    Some(i) => Correction::Intent(i),
                    None => continue, // an intent a later build removed: skip, keep the rest
                },
            };
            out.push(StoredCorrection {
                correction,
                was: was.as_deref().and_then(Intent::parse),
                channel,
                author,
                text,
            });
        }
        Ok(out)
    }

    /// Mentions worth re-ranking after the owner taught something: not done, newest first.
    pub fn recent_open(&self, limit: u32) -> Result<Vec<Mention>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MENTION_COLUMNS} FROM mentions WHERE status IN ('new', 'open') \
             ORDER BY created_at DESC, id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit], row_to_mention)?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(StoreError::from)
    }

    /// Mentions with ids above `after`, in id order: for re-ranking everything in chunks.
    pub fn mentions_after(&self, after: i64, limit: u32) -> Result<Vec<Mention>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MENTION_COLUMNS} FROM mentions WHERE id > ?1 ORDER BY id LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![after, limit], row_to_mention)?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(StoreError::from)
    }

    /// Saves new triage for mentions; returns those whose triage changed.
    /// `due` is the first-response due time for the new urgency (kept once answered).
    pub fn set_triage(&mut self, updates: &[(i64, Triage, Option<i64>)]) -> Result<Vec<i64>> {
        let tx = self.conn.transaction()?;
        let mut changed = Vec::new();
        {
            let mut stmt = tx.prepare_cached(
                "UPDATE mentions SET urgency = ?2, sentiment = ?3, reasons = ?4, mood = ?5, \
                 intent = ?6, complaint = ?7, needs_reply = ?8, \
                 due_at = CASE WHEN first_response_at IS NULL THEN ?9 ELSE due_at END \
                 WHERE id = ?1 AND (urgency != ?2 OR reasons != ?4 OR mood != ?5 OR intent != ?6 \
                 OR complaint != ?7 OR needs_reply != ?8 \
                 OR (first_response_at IS NULL AND due_at IS NOT ?9))",
            )?;
            for (id, t, due) in updates {
                let n = stmt.execute(params![
                    id,
                    t.urgency,
                    t.sentiment,
                    serde_json::to_string(&t.reasons)?,
                    t.mood.as_str(),
                    t.intent.as_str(),
                    t.complaint,
                    t.needs_reply,
                    due,
                ])?;
                if n > 0 {
                    changed.push(*id);
                }
            }
        }
        tx.commit()?;
        Ok(changed)
    }

    /// One mention by id.
    pub fn mention(&self, id: i64) -> Result<Mention> {
        self.conn
            .query_row(
                &format!("SELECT {MENTION_COLUMNS} FROM mentions WHERE id = ?1"),
                [id],
                row_to_mention,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("mention {id}")))
    }

    /// One inbox page.
    pub fn list(&self, q: &MentionQuery) -> Result<MentionPage> {
        let limit = q.limit.unwrap_or(50).clamp(1, 500) as usize;
        let (mut filters, mut args) = view_filters(q)?;
        let search = match q.search.as_deref().filter(|s| !s.trim().is_empty()) {
            None => None,
            Some(typed) => match (fts_query(typed), SearchQuery::parse(typed)) {
                (Some(fq), Some(sq)) => Some((typed, fq, sq)),
                _ => {
                    return Ok(MentionPage {
                        mentions: Vec::new(),
                        next: None,
                    })
                }
            },
        };
        let order_by = |plain: bool| match (q.order, plain) {
            (Order::Urgent, true) => {
                " ORDER BY at_risk DESC, urgency DESC, created_at DESC, id DESC"
            }
            (Order::Newest, true) => " ORDER BY created_at DESC, id DESC",
            // `+` keeps the planner from walking an index in order and probing a short id list
            // per row: it reads the listed rows and sorts them.
            (Order::Urgent, false) => {
                " ORDER BY +at_risk DESC, +urgency DESC, +created_at DESC, +id DESC"
            }
            (Order::Newest, false) => " ORDER BY +created_at DESC, +id DESC",
        };
        // A view narrowed to given ids reads those rows and sorts them, like a search's few hits.
        let mut plain = q.ids.is_none();
        if let Some((typed, fq, sq)) = &search {
            // 1. Walk the first rows of the view: a common word fills the page here.
            if self.search_probe > 0 && plain {
                let (ids, complete) =
                    self.walk_view(&filters, &args, order_by(true), sq, limit + 1)?;
                if complete {
                    let rows = self.rows_in_order(&ids, order_by(false))?;
                    return Ok(page_of(rows, limit));
                }
            }
            // 2. Few hits in all: sort them. 3. Many: walk the whole view checking each row.
            let hits = self.fts_hits(fq, self.search_few + 1)?;
            if hits.len() <= self.search_few {
                plain = false;
                filters.push_str(" AND id IN (SELECT value FROM json_each(?))");
                args.push(serde_json::to_string(&hits)?.into());
            } else {
                filters.push_str(" AND earshot_search(?, title, text, author_handle, author_name)");
                args.push(typed.to_string().into());
            }
        }
        let sql = format!(
            "SELECT {MENTION_COLUMNS} FROM mentions WHERE {filters}{} LIMIT ?",
            order_by(plain)
        );
        args.push((limit as i64 + 1).into());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mentions = stmt
            .query_map(params_from_iter(args), row_to_mention)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(page_of(mentions, limit))
    }

    /// Walks the first [`Store::search_probe`] rows of a view in its order, checking each with
    /// the search; returns the ids that match (at most `want`) and whether that settles the
    /// page (`want` found, or the view ended).
    fn walk_view(
        &self,
        filters: &str,
        args: &[rusqlite::types::Value],
        order_by: &str,
        search: &SearchQuery,
        want: usize,
    ) -> Result<(Vec<i64>, bool)> {
        let sql = format!(
            "SELECT id, title, text, author_handle, author_name FROM mentions WHERE {filters}{order_by} LIMIT ?"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut all = args.to_vec();
        all.push((self.search_probe as i64).into());
        let mut rows = stmt.query(params_from_iter(all))?;
        let (mut ids, mut seen) = (Vec::new(), 0);
        while let Some(r) = rows.next()? {
            seen += 1;
            let cols = [
                r.get_ref(1)?.as_str_or_null().ok().flatten(),
                r.get_ref(2)?.as_str_or_null().ok().flatten(),
                r.get_ref(3)?.as_str_or_null().ok().flatten(),
                r.get_ref(4)?.as_str_or_null().ok().flatten(),
            ];
            if search.matches(&cols) {
                ids.push(r.get(0)?);
                if ids.len() == want {
                    return Ok((ids, true));
                }
            }
        }
        Ok((ids, seen < self.search_probe))
    }

    /// These mentions, in a view's order.
    fn rows_in_order(&self, ids: &[i64], order_by: &str) -> Result<Vec<Mention>> {
        let sql = format!(
            "SELECT {MENTION_COLUMNS} FROM mentions WHERE id IN (SELECT value FROM json_each(?1)){order_by}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map([serde_json::to_string(ids)?], row_to_mention)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Sets how a search finds its page (for tests and benchmarks of each path): how many rows
    /// of the view it checks before asking FTS5 (0: ask at once), and how many FTS hits it sorts
    /// before it walks the whole view instead.
    pub fn set_search_paths(&mut self, probe: usize, few: usize) {
        self.search_probe = probe;
        self.search_few = few;
    }

    /// Up to `limit` FTS hits for an FTS5 query, newest stored first.
    fn fts_hits(&self, fts: &str, limit: usize) -> Result<Vec<i64>> {
        let mut st = self.conn.prepare_cached(
            "SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
        )?;
        let hits = st
            .query_map(params![fts, limit as i64], |r| r.get(0))?
            .collect::<std::result::Result<Vec<i64>, _>>()?;
        Ok(hits)
    }

    /// Every stored mention, oldest first, for export.
    pub fn for_each_mention(&self, mut f: impl FnMut(Mention)) -> Result<()> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {MENTION_COLUMNS} FROM mentions ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map([], row_to_mention)?;
        for r in rows {
            f(r?);
        }
        Ok(())
    }

    /// Sets a mention's status; returns it as it now is. See [`Store::apply`] for the rest of
    /// the queue's actions.
    pub fn set_status(&mut self, id: i64, status: Status, now: i64) -> Result<Mention> {
        let mut changed = self.apply(&[id], &queue::Action::Status { status }, now)?;
        changed
            .pop()
            .ok_or_else(|| StoreError::NotFound(format!("mention {id}")))
    }

    /// Marks a mention as opened by the owner.
    pub fn mark_read(&mut self, id: i64) -> Result<Mention> {
        let n = self
            .conn
            .execute("UPDATE mentions SET read = 1 WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("mention {id}")));
        }
        self.mention(id)
    }

    /// Badge counts; `urgent_threshold` decides what counts as urgent.
    pub fn counts(&self, urgent_threshold: u8) -> Result<Counts> {
        // From the trigger-kept tally (at most 3 × 2 × 101 rows), never from the mentions.
        let mut c = Counts::default();
        let mut stmt = self.conn.prepare_cached(
            "SELECT status, sum(n), sum(CASE WHEN read = 0 AND urgency >= ?1 THEN n ELSE 0 END) \
             FROM mention_tally GROUP BY status",
        )?;
        let rows = stmt.query_map([urgent_threshold], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (s, n, urgent_unread) = row?;
            let n = n.max(0) as u32;
            c.total += n;
            match Status::parse(&s) {
                Some(Status::New) => c.new = n,
                Some(Status::Open) => c.open = n,
                Some(Status::Snoozed) => c.snoozed = n,
                Some(Status::Done) => c.done = n,
                Some(Status::Ignored) => c.ignored = n,
                None => {}
            }
            if Status::parse(&s).is_some_and(Status::awaiting) {
                c.unread_urgent += urgent_unread.max(0) as u32;
            }
        }
        Ok(c)
    }

    /// Adds a source, or updates the spec of the source with the same name (keeping its cursor).
    pub fn upsert_source(&mut self, spec: &SourceSpec, now: i64) -> Result<i64> {
        let json = serde_json::to_string(spec)?;
        let id = self.conn.query_row(
            "INSERT INTO sources (name, kind, spec, created_at) VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, spec = excluded.spec RETURNING id",
            params![spec.name, spec.kind.as_str(), json, now],
            |r| r.get(0),
        )?;
        Ok(id)
    }

    /// All sources.
    pub fn sources(&self) -> Result<Vec<Source>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, spec, enabled, cursor, health FROM sources ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
                r.get(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, spec, enabled, cursor, health) = row?;
            out.push(Source {
                id,
                spec: serde_json::from_str(&spec)?,
                enabled,
                cursor,
                health: serde_json::from_str(&health).unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// One source.
    pub fn source(&self, id: i64) -> Result<Source> {
        self.sources()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| StoreError::NotFound(format!("source {id}")))
    }

    /// Removes a source; its mentions stay.
    pub fn remove_source(&mut self, id: i64) -> Result<()> {
        if self
            .conn
            .execute("DELETE FROM sources WHERE id = ?1", [id])?
            == 0
        {
            return Err(StoreError::NotFound(format!("source {id}")));
        }
        Ok(())
    }

    /// Records a source's health.
    pub fn set_health(&mut self, id: i64, health: &Health) -> Result<()> {
        self.conn.execute(
            "UPDATE sources SET health = ?2 WHERE id = ?1",
            params![id, serde_json::to_string(health)?],
        )?;
        Ok(())
    }

    /// The business profile, if one was saved.
    pub fn business(&self) -> Result<Option<Business>> {
        self.setting("business")
    }

    /// Saves the business profile.
    pub fn set_business(&mut self, b: &Business) -> Result<()> {
        if b.name.trim().is_empty() {
            return Err(StoreError::Invalid("the business needs a name".into()));
        }
        self.set_setting("business", b)
    }

    /// A JSON setting.
    pub fn setting<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        let v: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        v.map(|s| serde_json::from_str(&s).map_err(StoreError::from))
            .transpose()
    }

    /// Saves a JSON setting.
    pub fn set_setting<T: Serialize>(&mut self, key: &str, value: &T) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, serde_json::to_string(value)?],
        )?;
        Ok(())
    }
}

/// The WHERE clause of a view (its filters and the cursor), with its arguments.
/// A stored post as `store_batch` compares it with a new delivery: id, text, title and counts.
type StoredPost = (
    i64,
    String,
    Option<String>,
    (Option<i64>, Option<i64>, Option<i64>),
);

fn stored_as(find: &mut rusqlite::CachedStatement<'_>, m: &Mention) -> Result<Option<StoredPost>> {
    Ok(find
        .query_row(params![m.channel.as_str(), m.external_id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                (r.get(3)?, r.get(4)?, r.get(5)?),
            ))
        })
        .optional()?)
}

/// Updates a stored post from a new delivery when its text, title or counts changed.
fn refresh(
    update: &mut rusqlite::CachedStatement<'_>,
    (id, text, title, counts): StoredPost,
    m: &Mention,
) -> Result<()> {
    let e = &m.engagement;
    if text == m.text && title == m.title && counts == (e.likes, e.reposts, e.replies) {
        return Ok(());
    }
    update.execute(params![
        id,
        m.url,
        m.title,
        m.text,
        m.html,
        e.likes,
        e.reposts,
        e.replies,
        serde_json::to_string(&m.matched_terms)?,
        m.triage.urgency,
        m.triage.sentiment,
        serde_json::to_string(&m.triage.reasons)?,
        m.author.followers,
        m.author.karma,
        m.triage.mood.as_str(),
        m.triage.intent.as_str(),
        m.triage.complaint,
        m.triage.needs_reply,
        e.velocity,
        m.fetched_at,
        remote_json(&m.remote)?,
        m.work.due_at,
    ])?;
    Ok(())
}

fn view_filters(q: &MentionQuery) -> Result<(String, Vec<rusqlite::types::Value>)> {
    let mut sql = String::from("1=1");
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    if let Some(c) = q.channel {
        sql.push_str(" AND channel = ?");
        args.push(c.as_str().to_string().into());
    }
    if let Some(s) = q.status {
        sql.push_str(" AND status = ?");
        args.push(s.as_str().to_string().into());
    } else if q.todo {
        sql.push_str(" AND status IN ('new', 'open')");
    } else {
        sql.push_str(" AND status NOT IN ('snoozed', 'ignored')");
    }
    if let Some(t) = q.tag.as_deref() {
        sql.push_str(" AND id IN (SELECT mention_id FROM mention_tags WHERE tag = ?)");
        args.push(t.to_string().into());
    }
    match q.assignee.as_deref() {
        Some("") => sql.push_str(" AND assignee IS NULL"),
        Some(a) => {
            sql.push_str(" AND assignee = ?");
            args.push(a.to_string().into());
        }
        None => {}
    }
    if let Some(m) = q.mood {
        sql.push_str(" AND mood = ?");
        args.push(m.as_str().to_string().into());
    }
    if let Some(t) = q.since {
        sql.push_str(" AND created_at >= ?");
        args.push(t.into());
    }
    if let Some(u) = q.min_urgency {
        sql.push_str(" AND urgency >= ?");
        args.push(i64::from(u).into());
    }
    if let Some(ids) = &q.ids {
        if ids.len() > 500 {
            return Err(StoreError::Invalid(format!(
                "{} mention ids in one query (at most 500)",
                ids.len()
            )));
        }
        sql.push_str(" AND id IN (SELECT value FROM json_each(?))");
        args.push(serde_json::to_string(ids)?.into());
    }
    if let Some(after) = q.after.as_deref() {
        let c = PageCursor::decode(after)?;
        match q.order {
            Order::Urgent => {
                sql.push_str(" AND (at_risk, urgency, created_at, id) < (?, ?, ?, ?)");
                args.extend([
                    c.at_risk.into(),
                    c.urgency.into(),
                    c.created_at.into(),
                    c.id.into(),
                ]);
            }
            Order::Newest => {
                sql.push_str(" AND (created_at, id) < (?, ?)");
                args.extend([c.created_at.into(), c.id.into()]);
            }
        }
    }
    Ok((sql, args))
}

/// A page from up to `limit + 1` rows in order: the extra row says there is a next page, whose
/// cursor is the key of the page's last row.
fn page_of(mut mentions: Vec<Mention>, limit: usize) -> MentionPage {
    let next = if mentions.len() > limit {
        mentions.truncate(limit);
        mentions.last().map(|m| {
            PageCursor {
                at_risk: i64::from(m.work.at_risk),
                urgency: i64::from(m.triage.urgency),
                created_at: m.created_at,
                id: m.id,
            }
            .encode()
        })
    } else {
        None
    };
    MentionPage { mentions, next }
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
        },
    })
}
