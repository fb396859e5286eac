//! The team database's schema: append-only migrations (never edit a shipped one, add the next),
//! their count kept in `earshot_team_schema`. Desktops starting together take one advisory lock
//! for the migration, so each step runs once.

use tokio_postgres::Client;

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
];

/// The schema version this build brings a team database to.
pub const TEAM_SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the team database's schema up to date. A database set up by a newer Earshot is left
/// as it is, with an error saying to upgrade.
pub async fn migrate(client: &mut Client) -> Result<i64> {
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS earshot_team_schema (version BIGINT NOT NULL)")
        .await?;
    let found: Option<i64> = tx
        .query_opt("SELECT version FROM earshot_team_schema", &[])
        .await?
        .map(|r| r.get(0));
    let found = match found {
        Some(v) => v,
        None => {
            tx.execute("INSERT INTO earshot_team_schema (version) VALUES (0)", &[])
                .await?;
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
        tx.batch_execute(sql).await?;
    }
    tx.execute(
        "UPDATE earshot_team_schema SET version = $1",
        &[&TEAM_SCHEMA_VERSION],
    )
    .await?;
    tx.commit().await?;
    Ok(TEAM_SCHEMA_VERSION)
}
