//! [`Db`]: the store used from async code. One writer connection and one reader connection, each
//! behind a mutex and only ever touched on tokio's blocking pool, so SQLite never blocks the
//! runtime and all writes are serialised through one connection.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::store::{Store, StoreError};

/// The database file's name inside the data folder.
pub const DB_FILE: &str = "earshot.sqlite3";

/// WAL pages after which a checkpoint is due (SQLite's own default for its automatic one).
const CHECKPOINT_PAGES: i32 = 1000;

/// Starts the thread that copies the WAL into the database file, on its own connection, so the
/// writer's commits do not wait for it (with a steady stream of batches the copy took about a
/// fifth of ingest's time inside the writer). The thread ends when the writer connection, which
/// holds the sender, is closed.
fn checkpointer(path: &Path) -> Result<std::sync::mpsc::SyncSender<()>, StoreError> {
    let conn = rusqlite::Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let (nudge, nudged) = std::sync::mpsc::sync_channel::<()>(1);
    std::thread::Builder::new()
        .name("earshot-checkpoint".into())
        .spawn(move || {
            while nudged.recv().is_ok() {
                // PASSIVE: copies what no reader still needs and never blocks the writer.
                if let Err(e) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
                    tracing::warn!(error = %e, "WAL checkpoint failed");
                }
            }
        })
        .map_err(|e| StoreError::Invalid(format!("cannot start the checkpoint thread: {e}")))?;
    Ok(nudge)
}

/// A cloneable handle to the mention database.
#[derive(Clone)]
pub struct Db {
    writer: Arc<Mutex<Store>>,
    reader: Arc<Mutex<Store>>,
    path: PathBuf,
}

impl Db {
    /// Opens the database in `dir`, creating the folder and file as needed.
    /// A new folder is made readable by the owner only, and so are the database files.
    /// A damaged file is left as it is, with an error saying what to do.
    pub fn open(dir: &Path) -> Result<Db, StoreError> {
        crate::store::backup::private_dir(dir).map_err(|e| {
            StoreError::Invalid(format!("cannot create data folder {}: {e}", dir.display()))
        })?;
        let path = dir.join(DB_FILE);
        crate::store::backup::private_file(&path)
            .map_err(|e| StoreError::Invalid(format!("cannot open {}: {e}", path.display())))?;
        let mut writer = Store::open(&path)?;
        let reader = Store::open(&path)?;
        writer.checkpoint_elsewhere(CHECKPOINT_PAGES, checkpointer(&path)?)?;
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

    /// Takes the daily backup when one is due (none yet, or the newest a day old). Runs on the
    /// reader connection, so ingest keeps going meanwhile.
    pub async fn backup_if_due(&self, now: i64) -> Result<Option<PathBuf>, StoreError> {
        let dir = self
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        // Listing the backups folder is file I/O too: all of it runs on the blocking pool.
        self.read(move |s| {
            if !crate::store::backup::due(&dir, now) {
                return Ok(None);
            }
            s.backup_into(&dir, now).map(Some)
        })
        .await
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
