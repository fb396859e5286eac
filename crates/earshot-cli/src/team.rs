//! `earshot watch --team URL --name NAME`: joining a team's database from the command line.

use std::path::Path;

use anyhow::{Context, Result};
use earshot_core::engine::Engine;
use earshot_core::store::db::Db;
use earshot_core::team::lease::{Change, Timing};
use earshot_core::team::members::{self, Member};
use earshot_core::team::{schema, TeamAddress};

/// This desktop's id on the team: made once per data folder, kept in `desktop-id`.
fn desktop_id(dir: &Path) -> Result<String> {
    let file = dir.join("desktop-id");
    if let Ok(id) = std::fs::read_to_string(&file) {
        let id = id.trim();
        if !id.is_empty() {
            return Ok(id.to_string());
        }
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let id = format!("{:x}-{:x}", nanos, std::process::id());
    std::fs::write(&file, &id).with_context(|| format!("writing {}", file.display()))?;
    Ok(id)
}

/// Brings the team's schema up to date, joins as `name` from this desktop, and opens the
/// team's store listening as that member.
pub async fn join(url: &str, name: &str, dir: &Path) -> Result<(Db, TeamAddress, Member)> {
    let address = TeamAddress::parse(url)?;
    let desktop = desktop_id(dir)?;
    let a = address.clone();
    tokio::task::spawn_blocking(move || schema::migrate(&mut a.connect_blocking()?))
        .await?
        .with_context(|| format!("setting up the team database at {address}"))?;
    let client = address
        .connect()
        .await
        .with_context(|| format!("connecting to {address}"))?;
    let member = members::join(&client, name, &desktop).await?;
    let (a, d, id) = (address.clone(), dir.to_path_buf(), member.id);
    let db = tokio::task::spawn_blocking(move || Db::open_team(&a, Some(id), &d))
        .await?
        .with_context(|| format!("opening the team database at {address}"))?;
    Ok((db, address, member))
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
