//! `earshot watch --team URL --name NAME`: joining a team's database from the command line.

use std::path::Path;

use anyhow::{Context, Result};
use earshot_core::engine::Engine;
use earshot_core::membership;
use earshot_core::store::db::Db;
use earshot_core::team::lease::{Change, Timing};
use earshot_core::team::members::Member;
use earshot_core::team::TeamAddress;

/// Joins the team at `url` as `name` from this data folder (the schema brought up to date)
/// and opens the team's store listening as that member. The command line never moves a solo
/// database in: the app's Settings does, when its owner asks.
pub async fn join(url: &str, name: &str, dir: &Path) -> Result<(Db, TeamAddress, Member)> {
    let address = TeamAddress::parse(url)?;
    let joined = membership::join(&address, name, dir, false)
        .await
        .with_context(|| format!("joining the team database at {address}"))?;
    Ok((joined.db, address, joined.member))
}

/// `--team URL --name NAME [--lease-secs N]`.
pub struct Joining {
    /// The team database's address.
    pub url: String,
    /// This person's name on the team.
    pub name: String,
    /// How long a hold on a source lasts unless renewed.
    pub lease: std::time::Duration,
}

/// Leases of `lease`, renewed three times in each.
pub fn timing(lease: std::time::Duration) -> Timing {
    Timing {
        ttl: lease,
        renew: lease / 3,
    }
}

/// Says on stderr which sources this desktop starts and stops listening to.
pub async fn say_changes(engine: Engine, mut changes: tokio::sync::broadcast::Receiver<Change>) {
    while let Ok(change) = changes.recv().await {
        let (key, gained) = match &change {
            Change::Gained(l) => (l.source.clone(), true),
            Change::Lost(key) => (key.clone(), false),
        };
        let id = key
            .strip_prefix("source:")
            .and_then(|i| i.parse::<i64>().ok());
        let name = match id {
            Some(id) => engine
                .sources()
                .await
                .ok()
                .and_then(|all| all.into_iter().find(|s| s.id == id))
                .map(|s| s.spec.name)
                .unwrap_or(key),
            None => key,
        };
        if gained {
            eprintln!("earshot: listening for {name:?}");
        } else {
            eprintln!("earshot: no longer listening for {name:?} (another desktop has it)");
        }
    }
}
