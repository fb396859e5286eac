//! The team database: several desktops sharing one queue in a PostgreSQL database the business
//! controls.
//!
//! - [`address`]: the connection string. TLS (rustls, the Mozilla roots) unless the server is on
//!   this computer; the password is taken out of the string so it can go to the keychain.
//! - [`schema`]: the team's tables, append-only migrations like the SQLite store's, applied under
//!   an advisory lock so desktops starting together migrate once.
//! - [`members`]: the people on the team, one row per desktop they use.
//! - [`lease`]: which desktop listens for which source. A lease lasts [`lease::LEASE_TTL`] and is
//!   renewed well before it ends; when its desktop quits it is released at once, and when it is
//!   killed or asleep another desktop takes it when it runs out. Each change of holder bumps the
//!   lease's epoch, so a desktop that wakes from sleep can tell it no longer listens.
//! - [`fanout`]: what one desktop writes is announced to the others with LISTEN/NOTIFY, sent in
//!   the writing transaction so only committed work is announced. A listener that lost its
//!   connection says so ([`fanout::Heard::Resync`]): what was said meanwhile is not replayed.
//!
//!
//! The mention store on PostgreSQL, with the same interface as the SQLite one, is
//! `store::pg::PgStore`; joining a team from a desktop (which uses both) is `membership`.

pub mod address;
pub mod fanout;
pub mod lease;
pub mod members;
pub mod schema;

pub use address::TeamAddress;

/// Errors from the team database.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    /// The connection string cannot be used as it is.
    #[error("the team database's address is not usable: {0}")]
    BadAddress(String),
    /// The server is on another computer and the address turns TLS off.
    #[error(
        "the team database at {host} is on another computer, so Earshot only talks to it over TLS: \
         remove sslmode=disable from the address"
    )]
    NeedsTls {
        /// The server's host.
        host: String,
    },
    /// PostgreSQL said no, or the connection failed.
    #[error("team database error: {0}")]
    Db(#[from] tokio_postgres::Error),
    /// The team database was set up by a newer Earshot.
    #[error(
        "the team database has schema version {found}, newer than this Earshot knows ({known}); \
         upgrade Earshot on this computer to join the team"
    )]
    Newer {
        /// The database's version.
        found: i64,
        /// The newest this build knows.
        known: i64,
    },
    /// Something the caller sent cannot be accepted.
    #[error("invalid input: {0}")]
    Invalid(String),
}

type Result<T> = std::result::Result<T, TeamError>;
