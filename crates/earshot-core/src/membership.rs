//! This desktop's place on a team: which team database it uses and the person's name, kept in
//! the data folder (`team.json`, no password: that is in the keychain under
//! [`password_key`]), and joining — the schema, the member, and for the first desktop its solo
//! inbox moved in.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::store::db::{Db, DB_FILE};
use crate::store::pg::{MovedIn, PgStore};
use crate::team::members::{self, Member};
use crate::team::{schema, TeamAddress, TeamError};

/// The file in the data folder that says this desktop is on a team.
pub const TEAM_FILE: &str = "team.json";

/// A desktop's membership, as kept in [`TEAM_FILE`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    /// The team database's address, without its password.
    pub address: String,
    /// This person's name on the team.
    pub name: String,
    /// When this desktop joined (Unix seconds).
    pub joined_at: i64,
}

impl Membership {
    /// The membership kept in `dir`, or `None` for a desktop on its own.
    pub fn load(dir: &Path) -> Result<Option<Membership>, TeamError> {
        let file = dir.join(TEAM_FILE);
        let text = match std::fs::read_to_string(&file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(TeamError::Invalid(format!(
                    "{} cannot be read: {e}",
                    file.display()
                )))
            }
        };
        serde_json::from_str(&text).map(Some).map_err(|e| {
            TeamError::Invalid(format!(
                "{} is not a team membership ({e}); remove it to work alone",
                file.display()
            ))
        })
    }

    /// Keeps it in `dir` (written whole, then renamed into place).
    pub fn save(&self, dir: &Path) -> Result<(), TeamError> {
        let io = |e: std::io::Error| TeamError::Invalid(format!("saving {TEAM_FILE}: {e}"));
        std::fs::create_dir_all(dir).map_err(io)?;
        let tmp = dir.join(format!("{TEAM_FILE}.tmp"));
        let json =
            serde_json::to_string_pretty(self).map_err(|e| TeamError::Invalid(e.to_string()))?;
        std::fs::write(&tmp, json).map_err(io)?;
        std::fs::rename(&tmp, dir.join(TEAM_FILE)).map_err(io)
    }

    /// Forgets it: the desktop works alone again, on its own database.
    pub fn remove(dir: &Path) -> Result<(), TeamError> {
        match std::fs::remove_file(dir.join(TEAM_FILE)) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(TeamError::Invalid(format!("removing {TEAM_FILE}: {e}"))),
        }
    }
}

/// The keychain entry holding the password of the team database at `address`.
pub fn password_key(address: &TeamAddress) -> String {
    format!("team:{address}")
}

/// This desktop's id on the team: made once per data folder, kept in `desktop-id`.
pub fn desktop_id(dir: &Path) -> Result<String, TeamError> {
    let file = dir.join("desktop-id");
    if let Ok(id) = std::fs::read_to_string(&file) {
        let id = id.trim();
        if !id.is_empty() {
            return Ok(id.to_string());
        }
    }
    let io = |e: std::io::Error| TeamError::Invalid(format!("writing {}: {e}", file.display()));
    std::fs::create_dir_all(dir).map_err(io)?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let id = format!("{:x}-{:x}", nanos, std::process::id());
    std::fs::write(&file, &id).map_err(io)?;
    Ok(id)
}

/// What is at a team's address, before joining it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Mentions already in it: an inbox to join rather than one to bring.
    pub mentions: i64,
    /// The people on the team, by name.
    pub members: Vec<String>,
}

/// Looks at the team database at `address` (with its password) without changing it.
pub async fn look(address: &TeamAddress) -> Result<Found, TeamError> {
    let db = address.connect().await?;
    let set_up = db
        .query_one("SELECT to_regclass('team_members') IS NOT NULL", &[])
        .await?
        .get::<_, bool>(0);
    if !set_up {
        return Ok(Found {
            mentions: 0,
            members: Vec::new(),
        });
    }
    let mentions: i64 = db
        .query_one(
            "SELECT CASE WHEN to_regclass('mentions') IS NULL THEN 0 \
             ELSE (SELECT count(*) FROM mentions) END",
            &[],
        )
        .await?
        .get(0);
    let mut names: Vec<String> = members::list(&db)
        .await?
        .into_iter()
        .map(|m| m.name)
        .collect();
    names.dedup();
    Ok(Found {
        mentions,
        members: names,
    })
}

/// A desktop that has joined: its store on the team's database, listening as `member`.
pub struct Joined {
    /// The store, for the engine.
    pub db: Db,
    /// This person at this desktop.
    pub member: Member,
    /// What this desktop's solo database brought, when it was moved in.
    pub moved: Option<MovedIn>,
}

/// Joins the team at `address` (with its password) as `name` from the desktop whose data folder
/// is `dir`: brings the schema up to date, joins as a member, with `bring_inbox` moves this
/// desktop's solo database in (only into a team database without an inbox; the file stays as
/// it was), and opens the team's store.
pub async fn join(
    address: &TeamAddress,
    name: &str,
    dir: &Path,
    bring_inbox: bool,
) -> Result<Joined, TeamError> {
    let desktop = desktop_id(dir)?;
    let a = address.clone();
    tokio::task::spawn_blocking(move || schema::migrate(&mut a.connect_blocking()?))
        .await
        .map_err(|e| TeamError::Invalid(e.to_string()))??;
    let client = address.connect().await?;
    let member = members::join(&client, name, &desktop).await?;
    let store = |e: crate::store::StoreError| TeamError::Invalid(e.to_string());
    let moved = if bring_inbox && dir.join(DB_FILE).is_file() {
        let (a, file, id) = (address.clone(), dir.join(DB_FILE), member.id);
        let moved = tokio::task::spawn_blocking(move || {
            let mut pg = PgStore::open(&a)?;
            pg.listen_as(id)?;
            pg.move_in(&file)
        })
        .await
        .map_err(|e| TeamError::Invalid(e.to_string()))?
        .map_err(store)?;
        Some(moved)
    } else {
        None
    };
    let (a, d, id) = (address.clone(), dir.to_path_buf(), member.id);
    let db = tokio::task::spawn_blocking(move || Db::open_team(&a, Some(id), &d))
        .await
        .map_err(|e| TeamError::Invalid(e.to_string()))?
        .map_err(store)?;
    Ok(Joined { db, member, moved })
}
