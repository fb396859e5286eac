//! [`Db`]: the store used from async code. One writer connection and one reader connection, each
//! behind a mutex and only ever touched on tokio's blocking pool, so SQLite never blocks the
//! runtime and all writes are serialised through one connection.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::store::{Store, StoreError};

/// The database file's name inside the data folder.
pub const DB_FILE: &str = "earshot.sqlite3";

/// A cloneable handle to the mention database.
#[derive(Clone)]
pub struct Db {
    writer: Arc<Mutex<Store>>,
    reader: Arc<Mutex<Store>>,
    path: PathBuf,
}

impl Db {
    /// Opens the database in `dir`, creating the folder and file as needed.
    pub fn open(dir: &Path) -> Result<Db, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| {
            StoreError::Invalid(format!("cannot create data folder {}: {e}", dir.display()))
        })?;
        let path = dir.join(DB_FILE);
        let writer = Store::open(&path)?;
        let reader = Store::open(&path)?;
        Ok(Db {
            writer: Arc::new(Mutex::new(writer)),
            reader: Arc::new(Mutex::new(reader)),
            path,
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` on the writer connection, off the async runtime.
    pub async fn write<R, F>(&self, f: F) -> Result<R, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&mut Store) -> Result<R, StoreError> + Send + 'static,
    {
        let w = self.writer.clone();
        tokio::task::spawn_blocking(move || {
            let mut store = w.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut store)
        })
        .await
        .map_err(|e| StoreError::Invalid(format!("database task failed: {e}")))?
    }

    /// Runs `f` on the reader connection, off the async runtime.
    pub async fn read<R, F>(&self, f: F) -> Result<R, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&Store) -> Result<R, StoreError> + Send + 'static,
    {
        let r = self.reader.clone();
        tokio::task::spawn_blocking(move || {
            let store = r.lock().unwrap_or_else(|p| p.into_inner());
            f(&store)
        })
        .await
        .map_err(|e| StoreError::Invalid(format!("database task failed: {e}")))?
    }
}
