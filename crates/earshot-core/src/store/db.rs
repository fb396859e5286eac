//! [`Db`]: the store used from async code, on either engine (SQLite alone, PostgreSQL for a team).
//! One writer connection and one reader connection, each behind a mutex and only ever touched on
//! tokio's blocking pool, so the database never blocks the runtime and this process's writes are
//! serialised through one connection. Callers see [`MentionStore`], never the engine.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::store::pg::PgStore;
use crate::store::{MentionStore, Store, StoreError};

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

/// The two connections of one engine: the writer and the reader.
struct Pair<S> {
    writer: Arc<Mutex<S>>,
    reader: Arc<Mutex<S>>,
}

impl<S> Clone for Pair<S> {
    fn clone(&self) -> Self {
        Pair {
            writer: self.writer.clone(),
            reader: self.reader.clone(),
        }
    }
}

#[derive(Clone)]
enum Engines {
    /// One person: the SQLite file in the data folder.
    Solo(Pair<Store>),
    /// A team: the shared PostgreSQL database.
    Team(Pair<PgStore>),
}

/// A cloneable handle to the mention database, on either engine.
#[derive(Clone)]
pub struct Db {
    engines: Engines,
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
            engines: Engines::Solo(Pair {
                writer: Arc::new(Mutex::new(writer)),
                reader: Arc::new(Mutex::new(reader)),
            }),
            path,
        })
    }

    /// Opens the team's database at `address` (with its password), listening as `member` when
    /// given. `dir` is this desktop's data folder (its settings, not its mentions). Blocking:
    /// call it off the async runtime.
    pub fn open_team(
        address: &crate::team::TeamAddress,
        member: Option<i64>,
        dir: &Path,
    ) -> Result<Db, StoreError> {
        let open = || -> Result<PgStore, StoreError> {
            let mut s = PgStore::open(address)?;
            if let Some(m) = member {
                s.listen_as(m)?;
            }
            Ok(s)
        };
        let (writer, reader) = (open()?, open()?);
        Ok(Db {
            engines: Engines::Team(Pair {
                writer: Arc::new(Mutex::new(writer)),
                reader: Arc::new(Mutex::new(reader)),
            }),
            path: dir.join(DB_FILE),
        })
    }

    /// Whether this is a team's shared database.
    pub fn is_team(&self) -> bool {
        matches!(self.engines, Engines::Team(_))
    }

    /// The database file (in a team, where this desktop's own file would be).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Takes the daily backup when one is due (none yet, or the newest a day old). Runs on the
    /// reader connection, so ingest keeps going meanwhile. A team's database is backed up by
    /// whoever runs its server: nothing is taken here.
    pub async fn backup_if_due(&self, now: i64) -> Result<Option<PathBuf>, StoreError> {
        let Engines::Solo(pair) = &self.engines else {
            return Ok(None);
        };
        let dir = self
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let r = pair.reader.clone();
        // Listing the backups folder is file I/O too: all of it runs on the blocking pool.
        blocking(move || {
            if !crate::store::backup::due(&dir, now) {
                return Ok(None);
            }
            let s = r.lock().unwrap_or_else(|p| p.into_inner());
            s.backup_into(&dir, now).map(Some)
        })
        .await
    }

    /// Runs `f` on the writer connection, off the async runtime.
    pub async fn write<R, F>(&self, f: F) -> Result<R, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&mut dyn MentionStore) -> Result<R, StoreError> + Send + 'static,
    {
        match &self.engines {
            Engines::Solo(p) => {
                let w = p.writer.clone();
                blocking(move || f(&mut *w.lock().unwrap_or_else(|p| p.into_inner()))).await
            }
            Engines::Team(p) => {
                let w = p.writer.clone();
                blocking(move || f(&mut *w.lock().unwrap_or_else(|p| p.into_inner()))).await
            }
        }
    }

    /// Runs `f` on the reader connection, off the async runtime.
    pub async fn read<R, F>(&self, f: F) -> Result<R, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&dyn MentionStore) -> Result<R, StoreError> + Send + 'static,
    {
        match &self.engines {
            Engines::Solo(p) => {
                let r = p.reader.clone();
                blocking(move || f(&*r.lock().unwrap_or_else(|p| p.into_inner()))).await
            }
            Engines::Team(p) => {
                let r = p.reader.clone();
                blocking(move || f(&*r.lock().unwrap_or_else(|p| p.into_inner()))).await
            }
        }
    }
}

async fn blocking<R: Send + 'static>(
    f: impl FnOnce() -> Result<R, StoreError> + Send + 'static,
) -> Result<R, StoreError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| StoreError::Invalid(format!("database task failed: {e}")))?
}
