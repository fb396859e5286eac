//! `earshot watch --team URL --name NAME`: joining a team's database from the command line.

use std::path::Path;

use anyhow::{Context, Result};
use earshot_core::store::db::Db;
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
