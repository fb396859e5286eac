//! What Settings → "Share with a team" shows: the team this desktop is on, who is on it, and
//! which desktop listens for each source.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// This desktop's team, or none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct TeamStatus {
    /// The team database's address, without its password; `null` for a desktop on its own.
    pub address: Option<String>,
    /// This person's name on the team.
    pub name: Option<String>,
    /// Everyone on the team, by name.
    pub members: Vec<String>,
    /// Each source and who listens for it.
    pub sources: Vec<SourceListener>,
    /// This computer's own database file: the inbox before joining, kept as it was.
    pub own_file: String,
}

/// Who listens for one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct SourceListener {
    /// The source's id.
    #[ts(type = "number")]
    pub source_id: i64,
    /// The source's name.
    pub source: String,
    /// The person whose desktop listens for it now; `null` when none does.
    pub listener: Option<String>,
    /// This desktop listens for it.
    pub here: bool,
    /// This desktop has the source's login (or it needs none), so it takes over when the
    /// listening desktop is away.
    pub can_listen_here: bool,
}

/// What is at a team's address, shown before joining.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct TeamLook {
    /// The address, without its password.
    pub address: String,
    /// Mentions already there: a team to join as it is. With none, this desktop's inbox can be
    /// brought in.
    #[ts(type = "number")]
    pub mentions: i64,
    /// The people on the team.
    pub members: Vec<String>,
    /// The connection is encrypted (TLS); only a server on this computer is reached without.
    pub encrypted: bool,
}
