//! Earshot's engine, with no desktop dependency.
//!
//! A mention travels one way:
//!
//! ```text
//! channels (Connector) → html (sanitise/text) → matcher (watch terms) → triage (urgency, reasons)
//!   → store (SQLite + FTS5, cursor in the same transaction) → alerts (policy → Notifier)
//!   → EngineEvent (CLI prints, desktop shell forwards to the UI)
//! ```
//!
//! [`engine::Engine`] runs one scheduler task per configured [`model::Source`] and is the API the
//! CLI and the desktop shell call. [`store::Store`] is the synchronous SQLite layer; [`db::Db`]
//! runs it off the async runtime. [`config::Config`] is the `earshot watch` TOML file.

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
pub mod model;
pub mod outbox;
pub mod pipeline;
pub mod secrets;
pub mod store;
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

/// A poisoned lock still holds usable state (a panic elsewhere cannot corrupt these simple
/// values), so the engine goes on with it rather than failing every later call.
pub(crate) fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
