//! The people on the team: one row per desktop (a person with a laptop and a shop computer is
//! two rows with the same name), so leases, assignments and replies name a real member.

use tokio_postgres::GenericClient;

use super::{Result, TeamError};

/// A person at one desktop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The member's id in the team database.
    pub id: i64,
    /// The display name the person chose.
    pub name: String,
    /// The desktop's own id (made once per data folder).
    pub desktop: String,
}

/// Joins the team as `name` from `desktop`; joining again from the same desktop keeps the
/// member's id and takes the new name.
pub async fn join(db: &impl GenericClient, name: &str, desktop: &str) -> Result<Member> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(TeamError::Invalid(
            "a display name is 1 to 80 characters".into(),
        ));
    }
    if desktop.trim().is_empty() {
        return Err(TeamError::Invalid("a desktop id is needed".into()));
    }
    let row = db
        .query_one(
            "INSERT INTO team_members (name, desktop) VALUES ($1, $2) \
             ON CONFLICT (desktop) DO UPDATE SET name = EXCLUDED.name, seen_at = now() \
             RETURNING id, name, desktop",
            &[&name, &desktop],
        )
        .await?;
    Ok(Member {
        id: row.get(0),
        name: row.get(1),
        desktop: row.get(2),
    })
}

/// Everyone on the team, by name.
pub async fn list(db: &impl GenericClient) -> Result<Vec<Member>> {
    Ok(db
        .query(
            "SELECT id, name, desktop FROM team_members ORDER BY lower(name), id",
            &[],
        )
        .await?
        .into_iter()
        .map(|r| Member {
            id: r.get(0),
            name: r.get(1),
            desktop: r.get(2),
        })
        .collect())
}
