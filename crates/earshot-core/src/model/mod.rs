//! The domain: a [`Mention`] of the business found on a [`Channel`], the [`Author`] who wrote it,
//! the [`Triage`] that ranks it, and the [`Source`]s and [`Business`] profile that say where to
//! look and what to look for. These types are also the DTOs the desktop UI receives (TypeScript
//! types are generated from them by ts-rs), so timestamps are unix seconds as plain numbers.
//!
//! Files: `mention` (a mention, its author, triage and the owner's work on it), `reply` (the
//! outbox's replies), `source` (the business, sources, their health, the startup problem), `team`
//! (Settings' view of the team).

mod mention;
mod reply;
mod source;
mod team;

pub use mention::*;
pub use reply::*;
pub use source::*;
pub use team::*;

/// Where to write the generated TypeScript types, relative to this crate.
pub const TS_EXPORT_DIR: &str = "../../../ui/src/lib/bindings/";

/// A unix timestamp as RFC 3339 UTC ("2026-11-22T13:21:00Z").
pub fn rfc3339(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
