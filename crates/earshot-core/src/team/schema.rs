//! The team database's schema: append-only migrations (never edit a shipped one, add the next),
//! their count kept in `earshot_team_schema`. Desktops starting together take one advisory lock
//! for the migration, so each step runs once.

use postgres::Client;

use super::{Result, TeamError};

/// The advisory lock key the migration holds ("EARSHOT" in ASCII, as a number).
const MIGRATION_LOCK: i64 = 0x45_4152_5348_4f54;

/// Each step, in order.
const MIGRATIONS: &[&str] = &[
    // 1: the people on the team (one row per desktop) and who listens for which source.
    "CREATE TABLE team_members (
        id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(btrim(name)) > 0),
        desktop TEXT NOT NULL UNIQUE,
        joined_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE source_leases (
        source TEXT PRIMARY KEY,
        holder BIGINT NOT NULL REFERENCES team_members (id) ON DELETE CASCADE,
        epoch BIGINT NOT NULL DEFAULT 1,
        taken_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        expires_at TIMESTAMPTZ NOT NULL
    );",
    // 2: the shared store: the same tables as the SQLite store at its version 6, in PostgreSQL's
    // types. The search entry `tsv` is written by Earshot (FTS5's tokens, folded the same way),
    // not by a text-search configuration, so both engines match the same words. New mentions are
    // counted into the tally by `store_parts` in key order (no deadlock between desktops storing
    // at once); changes and deletes by a trigger.
    r#"
    CREATE TABLE sources (
        id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        spec TEXT NOT NULL,
        enabled BOOLEAN NOT NULL DEFAULT true,
        cursor TEXT,
        health TEXT NOT NULL DEFAULT '{"state":"idle"}',
        created_at BIGINT NOT NULL
    );
    CREATE TABLE mentions (
        id BIGSERIAL PRIMARY KEY,
        channel TEXT NOT NULL,
        external_id TEXT NOT NULL,
        source_id BIGINT REFERENCES sources (id) ON DELETE SET NULL,
        url TEXT,
        title TEXT,
        author_handle TEXT NOT NULL,
        author_name TEXT,
        author_url TEXT,
        author_followers BIGINT,
        author_karma BIGINT,
        text TEXT NOT NULL,
        html TEXT,
        created_at BIGINT NOT NULL,
        fetched_at BIGINT NOT NULL,
        reply_to TEXT,
        thread_root TEXT,
        lang TEXT,
        likes BIGINT,
        reposts BIGINT,
        replies BIGINT,
        matched_terms TEXT NOT NULL DEFAULT '[]',
        urgency INTEGER NOT NULL DEFAULT 0,
        sentiment DOUBLE PRECISION NOT NULL DEFAULT 0,
        reasons TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'new',
        read BOOLEAN NOT NULL DEFAULT false,
        mood TEXT NOT NULL DEFAULT 'neutral',
        intent TEXT NOT NULL DEFAULT 'other',
        complaint BOOLEAN NOT NULL DEFAULT false,
        needs_reply BOOLEAN NOT NULL DEFAULT false,
        velocity DOUBLE PRECISION,
        owner_urgent BOOLEAN,
        owner_intent TEXT,
        remote TEXT,
        assignee TEXT,
        snooze_until BIGINT,
        first_response_at BIGINT,
        done_at BIGINT,
        due_at BIGINT,
        at_risk BOOLEAN NOT NULL DEFAULT false,
        tsv TSVECTOR NOT NULL,
        UNIQUE (channel, external_id)
    );
    CREATE INDEX mentions_by_urgency ON mentions (at_risk DESC, urgency DESC, created_at DESC, id DESC);
    CREATE INDEX mentions_by_time ON mentions (created_at DESC, id DESC);
    CREATE INDEX mentions_by_channel_urgency ON mentions (channel, at_risk DESC, urgency DESC, created_at DESC, id DESC);
    CREATE INDEX mentions_by_channel_time ON mentions (channel, created_at DESC, id DESC);
    CREATE INDEX mentions_due ON mentions (due_at) WHERE first_response_at IS NULL AND status IN ('new', 'open');
    CREATE INDEX mentions_snoozed ON mentions (snooze_until) WHERE status = 'snoozed';
    CREATE INDEX mentions_by_thread ON mentions (channel, thread_root);
    CREATE INDEX mentions_by_assignee ON mentions (assignee, created_at DESC) WHERE assignee IS NOT NULL;
    CREATE INDEX mentions_search ON mentions USING gin (tsv);
    CREATE TABLE mention_tally (
        status TEXT NOT NULL,
        read BOOLEAN NOT NULL,
        urgency INTEGER NOT NULL,
        n BIGINT NOT NULL,
        PRIMARY KEY (status, read, urgency)
    );
    CREATE FUNCTION earshot_tally() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' OR (OLD.status, OLD.read, OLD.urgency) IS DISTINCT FROM (NEW.status, NEW.read, NEW.urgency) THEN
            UPDATE mention_tally SET n = n - 1
                WHERE status = OLD.status AND read = OLD.read AND urgency = OLD.urgency;
            IF TG_OP = 'UPDATE' THEN
                INSERT INTO mention_tally (status, read, urgency, n) VALUES (NEW.status, NEW.read, NEW.urgency, 1)
                    ON CONFLICT (status, read, urgency) DO UPDATE SET n = mention_tally.n + 1;
            END IF;
        END IF;
        RETURN NULL;
    END $$;
    CREATE TRIGGER mentions_tally AFTER UPDATE OF status, read, urgency OR DELETE ON mentions
        FOR EACH ROW EXECUTE FUNCTION earshot_tally();
    CREATE TABLE mention_tags (
        mention_id BIGINT NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (mention_id, tag)
    );
    CREATE INDEX tags_by_tag ON mention_tags (tag, mention_id);
    CREATE TABLE notes (
        id BIGSERIAL PRIMARY KEY,
        mention_id BIGINT NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
        author TEXT,
        body TEXT NOT NULL,
        created_at BIGINT NOT NULL
    );
    CREATE INDEX notes_by_mention ON notes (mention_id, id);
    CREATE TABLE outbox (
        id BIGSERIAL PRIMARY KEY,
        mention_id BIGINT NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        private BOOLEAN NOT NULL,
        body TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
        remote_id TEXT,
        remote_url TEXT,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
    );
    CREATE INDEX outbox_by_mention ON outbox (mention_id, id);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    "#,
    // 3: who is sending a reply, until when, and who sent it: a desktop killed mid-send leaves
    // its claim to run out, and the others settle the reply.
    "ALTER TABLE outbox
        ADD COLUMN claimed_by BIGINT REFERENCES team_members (id) ON DELETE SET NULL,
        ADD COLUMN claimed_until TIMESTAMPTZ,
        ADD COLUMN sent_by BIGINT REFERENCES team_members (id) ON DELETE SET NULL;
    CREATE INDEX outbox_queued ON outbox (id) WHERE state = 'queued';",
    // 4: the tally moves once per statement, not once per row. Counted per row, an UPDATE of
    // many mentions rewrote the same few tally rows once each, and each rewrite walked the
    // versions the earlier ones left: marking 330k mentions done ran for minutes. Per statement,
    // the changes are summed first (transition tables) and written in key order, which is also
    // one lock order for desktops changing mentions at once.
    r#"
    DROP TRIGGER mentions_tally ON mentions;
    DROP FUNCTION earshot_tally();
    CREATE FUNCTION earshot_tally_moved() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        WITH moved AS (
            SELECT o.status AS os, o.read AS oread, o.urgency AS ou,
                   n.status AS ns, n.read AS nread, n.urgency AS nu
            FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.status, o.read, o.urgency) IS DISTINCT FROM (n.status, n.read, n.urgency)
        ), delta AS (
            SELECT status, read, urgency, sum(d) AS d FROM (
                SELECT os AS status, oread AS read, ou AS urgency, -1 AS d FROM moved
                UNION ALL SELECT ns, nread, nu, 1 FROM moved
            ) x GROUP BY status, read, urgency
        )
        INSERT INTO mention_tally (status, read, urgency, n)
            SELECT status, read, urgency, d FROM delta WHERE d <> 0
            ORDER BY status, read, urgency
        ON CONFLICT (status, read, urgency) DO UPDATE SET n = mention_tally.n + EXCLUDED.n;
        RETURN NULL;
    END $$;
    CREATE FUNCTION earshot_tally_gone() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        WITH delta AS (
            SELECT status, read, urgency, count(*) AS d FROM old_rows GROUP BY status, read, urgency
        )
        UPDATE mention_tally t SET n = t.n - delta.d FROM delta
            WHERE t.status = delta.status AND t.read = delta.read AND t.urgency = delta.urgency;
        RETURN NULL;
    END $$;
    CREATE TRIGGER mentions_tally_moved AFTER UPDATE ON mentions
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION earshot_tally_moved();
    CREATE TRIGGER mentions_tally_gone AFTER DELETE ON mentions
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION earshot_tally_gone();
    "#,
    // 5: saved replies, shared by the team, starting with the SQLite store's five.
    r#"
    CREATE TABLE saved_replies (
        id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL,
        body TEXT NOT NULL,
        uses BIGINT NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
    );
    CREATE UNIQUE INDEX saved_replies_by_name ON saved_replies (lower(name));
    INSERT INTO saved_replies (name, body, created_at, updated_at)
    SELECT name, body, extract(epoch FROM now())::bigint, extract(epoch FROM now())::bigint
    FROM (VALUES
        ('Sorry, we will fix it', 'Hi {author}, I am sorry about this. That is not the {business} we want to be. Could you tell me a little more so I can put it right?'),
        ('Take it private', 'Hi {author}, sorry to hear it. I have sent you a private message so we can sort this out.'),
        ('Order problem', 'Hi {author}, thank you for telling us. I have found order {order} and {what we are doing}. Sorry for the trouble.'),
        ('Thank you', 'Thank you {author}! That made our day at {business}.'),
        ('Answer a question', 'Hi {author}, good question: {answer}. Anything else, just ask.')
    ) AS seed (name, body);
    "#,
    // 6: what the owner taught triage, shared by the team.
    "CREATE TABLE corrections (
        id BIGSERIAL PRIMARY KEY,
        mention_id BIGINT REFERENCES mentions (id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK (kind IN ('urgent', 'intent')),
        value TEXT NOT NULL,
        was TEXT,
        channel TEXT NOT NULL,
        author TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at BIGINT NOT NULL
    );",
    // 7: one person's name across networks, as the SQLite store's `author_key`: "@ann@mastodon.social",
    // "ann.bsky.social" and "ann" are all "ann".
    "ALTER TABLE mentions ADD COLUMN author_key TEXT GENERATED ALWAYS AS (
        split_part(split_part(lower(ltrim(author_handle, '@')), '@', 1), '.', 1)
    ) STORED;
    CREATE INDEX mentions_by_author_key ON mentions (author_key, created_at DESC);",
    // 8: every desktop hears what changed, from the database itself: whatever writes a mention,
    // its tags, notes or replies announces it at commit (`team::fanout`), in parts of 400 ids,
    // signed with the member the writing desktop set for its session (`earshot.member`).
    r#"
    CREATE FUNCTION earshot_announce(kind TEXT, ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
        SELECT pg_notify('earshot_team', json_build_object(
            'from', coalesce(nullif(current_setting('earshot.member', true), '')::bigint, 0),
            'kind', kind, 'ids', ids[i:i + 399])::text)
        FROM generate_series(1, coalesce(array_length(ids, 1), 0), 400) AS g(i)
    $$;
    CREATE FUNCTION earshot_mentions_stored() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM earshot_announce('mentions_stored', (SELECT array_agg(id) FROM new_rows));
        RETURN NULL;
    END $$;
    CREATE FUNCTION earshot_mentions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM earshot_announce('mentions_changed', (SELECT array_agg(id) FROM new_rows));
        RETURN NULL;
    END $$;
    CREATE FUNCTION earshot_work_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            PERFORM earshot_announce('mentions_changed', (SELECT array_agg(mention_id) FROM old_rows));
        ELSE
            PERFORM earshot_announce('mentions_changed', (SELECT array_agg(mention_id) FROM new_rows));
        END IF;
        RETURN NULL;
    END $$;
    CREATE TRIGGER mentions_announce_stored AFTER INSERT ON mentions
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION earshot_mentions_stored();
    CREATE TRIGGER mentions_announce_changed AFTER UPDATE ON mentions
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION earshot_mentions_changed();
    CREATE TRIGGER tags_announce_added AFTER INSERT ON mention_tags
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION earshot_work_changed();
    CREATE TRIGGER tags_announce_removed AFTER DELETE ON mention_tags
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION earshot_work_changed();
    CREATE TRIGGER notes_announce_added AFTER INSERT ON notes
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION earshot_work_changed();
    CREATE TRIGGER notes_announce_removed AFTER DELETE ON notes
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION earshot_work_changed();
    CREATE TRIGGER outbox_announce_queued AFTER INSERT ON outbox
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION earshot_work_changed();
    CREATE TRIGGER outbox_announce_changed AFTER UPDATE ON outbox
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION earshot_work_changed();
    "#,
];

/// The schema version this build brings a team database to.
pub const TEAM_SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the team database's schema up to date; a database set up by a newer Earshot is left
/// as it is, with an error saying to upgrade. A blocking call: run it off the async runtime.
pub fn migrate(client: &mut Client) -> Result<i64> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS earshot_team_schema (version BIGINT NOT NULL)")?;
    let found: Option<i64> = tx
        .query_opt("SELECT version FROM earshot_team_schema", &[])?
        .map(|r| r.get(0));
    let found = match found {
        Some(v) => v,
        None => {
            tx.execute("INSERT INTO earshot_team_schema (version) VALUES (0)", &[])?;
            0
        }
    };
    if found > TEAM_SCHEMA_VERSION {
        return Err(TeamError::Newer {
            found,
            known: TEAM_SCHEMA_VERSION,
        });
    }
    for sql in &MIGRATIONS[found as usize..] {
        tx.batch_execute(sql)?;
    }
    tx.execute(
        "UPDATE earshot_team_schema SET version = $1",
        &[&TEAM_SCHEMA_VERSION],
    )?;
    tx.commit()?;
    Ok(TEAM_SCHEMA_VERSION)
}
