//! Earshot's engine, with no desktop dependency.
//!
//! A mention travels one way, one stage per folder:
//!
//! ```text
//! channels/<network>  (Connector: wire → parse → Mention; streams or polls)
//!   → pipeline/scheduler (one task per source, backoff, health)
//!   → pipeline/ingest    (matcher: watch terms → triage: urgency and reasons → work/due: the
//!                         response target → store: SQLite + FTS5, cursor in the same transaction)
//!   → events             (EngineEvent: the CLI prints, the desktop shell forwards to the UI)
//!   → alerts             (AlertDesk: policy, quiet hours, burst cap → Notifier)
//! ```
//!
//! A reply travels back: `outbox` (queued → sending → sent | failed, with an idempotency key) →
//! `channels/<network>/reply.rs` → the network. The owner's side — statuses, notes, saved
//! replies, targets, the figures — is `work`; logins are `accounts`, their tokens `secrets`.
//!
//! [`engine::Engine`] is the façade the CLI and the desktop shell call: it builds the stages,
//! each of which holds only the store handle, the clock, the event sender and the shared parts it
//! needs, and none of which knows the façade. [`store::Store`] is the synchronous SQLite layer;
//! [`store::db::Db`] runs it (or, on a team, `store::pg::PgStore` on PostgreSQL) off the async
//! runtime; `team` is the team database's own parts, and `membership` joins a desktop to one. [`config::Config`] is the `earshot watch`
//! TOML file. Errors reach callers as [`error::EngineError`], with a code the UI acts on.

#![deny(missing_docs)]

pub mod accounts;
pub mod alerts;
pub mod channels;
pub mod clock;
pub mod config;
pub mod demo;
pub mod engine;
pub mod error;
pub mod events;
pub mod html;
pub mod matcher;
pub mod membership;
pub mod model;
pub mod outbox;
pub mod pipeline;
pub mod secrets;
pub mod store;
pub mod team;
mod tls;
pub mod triage;
pub mod work;

/// The data folder the owner chose, if any: `--data-dir`, else `EARSHOT_DATA_DIR`.
pub fn data_dir_override(flag: Option<std::path::PathBuf>) -> Option<std::path::PathBuf> {
    flag.or_else(|| {
        std::env::var_os("EARSHOT_DATA_DIR")
            .filter(|v| !v.is_empty())
            .map(Into::into)
    })
}

/// Where Earshot keeps its data: the owner's choice ([`data_dir_override`]), else the OS
/// app-data dir.
pub fn data_dir(flag: Option<std::path::PathBuf>) -> std::path::PathBuf {
    data_dir_override(flag)
        .or_else(|| {
            directories::ProjectDirs::from("app", "Earshot", "Earshot")
                .map(|d| d.data_dir().to_path_buf())
        })
        .unwrap_or_else(|| std::path::PathBuf::from(".earshot"))
}

/// The async runtime of a process that listens all day (`earshot watch`, the desktop app). Its
/// work is a few streams, polls every half-minute or more, and small batches, while the database
/// runs on the blocking pool: one worker thread is enough, and with two, each poll woke both (one
/// to run it, one to look for work to steal). Idle blocking threads are kept five minutes, not
/// tokio's 10 s, so a poll every 30 s finds one instead of starting a thread each time.
/// `earshot bench day` measures the wake-ups this saves.
pub fn listening_runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_keep_alive(std::time::Duration::from_secs(300))
        .thread_name("earshot-rt")
        .enable_all()
        .build()
}

/// A poisoned lock still holds usable state (a panic elsewhere cannot corrupt these simple
/// values), so the engine goes on with it rather than failing every later call.
pub(crate) fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
