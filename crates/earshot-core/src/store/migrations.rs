//! The schema, as append-only migrations tracked by `user_version`: never edit a shipped one, add
//! the next.

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

pub(super) const MIGRATIONS: &[&str] = &[
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
