//! The owner's data on disk: files readable by the owner only, a daily online backup (SQLite's
//! backup API, checked before it replaces anything), and a restore that refuses a damaged copy.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::store::db::DB_FILE;
use crate::store::StoreError;

/// The folder of backups inside the data folder.
pub const BACKUP_DIR: &str = "backups";
/// How many daily backups are kept.
pub const KEEP: usize = 7;
/// A backup is taken when the newest is older than this.
pub const EVERY_SECS: i64 = 86_400;

const PREFIX: &str = "earshot-";
const SUFFIX: &str = ".sqlite3";

/// Makes a folder (and its parents) that only the owner can open (0700 on Unix).
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}

/// Makes a file readable and writable by the owner only (0600 on Unix), creating it empty if it
/// is missing. SQLite gives its WAL and shared-memory files the database file's mode.
pub fn private_file(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        if !path.exists() {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .mode(0o600)
                .open(path)?;
        }
        let mode = std::fs::metadata(path)?.permissions().mode() & 0o777;
        if mode != 0o600 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        if !path.exists() {
            std::fs::File::create(path)?;
        }
        Ok(())
    }
}

/// What to tell the owner when the database file cannot be used.
pub fn damaged(path: &Path, why: &str) -> StoreError {
    StoreError::Damaged {
        path: path.to_path_buf(),
        why: why.to_string(),
    }
}

/// The backups folder beside a database file.
pub fn folder_beside(db: &Path) -> PathBuf {
    db.parent()
        .map(|d| d.join(BACKUP_DIR))
        .unwrap_or_else(|| PathBuf::from(BACKUP_DIR))
}

/// Checks a database file without changing it: it opens, passes `PRAGMA integrity_check`, and
/// holds Earshot's tables at a schema this build knows.
pub fn verify(path: &Path) -> Result<(), StoreError> {
    let bad = |why: String| damaged(path, &why);
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| bad(e.to_string()))?;
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| bad(e.to_string()))?;
    if check != "ok" {
        return Err(bad(format!("integrity check: {check}")));
    }
    let tables: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('mentions', 'sources')",
            [],
            |r| r.get(0),
        )
        .map_err(|e| bad(e.to_string()))?;
    if tables != 2 {
        return Err(bad("it has no Earshot mentions".into()));
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| bad(e.to_string()))?;
    if version as usize > crate::store::SCHEMA_VERSION {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found: version as usize,
            known: crate::store::SCHEMA_VERSION,
        });
    }
    Ok(())
}

fn stamp(now: i64) -> String {
    chrono::DateTime::from_timestamp(now, 0)
        .unwrap_or_default()
        .format("%Y%m%d-%H%M%S")
        .to_string()
}

/// The backups in `data_dir`, newest first, with the time in their names.
pub fn list(data_dir: &Path) -> Vec<(i64, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(data_dir.join(BACKUP_DIR)) else {
        return Vec::new();
    };
    let mut out: Vec<(i64, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?.to_string();
            let at = chrono::NaiveDateTime::parse_from_str(&stamp, "%Y%m%d-%H%M%S").ok()?;
            Some((at.and_utc().timestamp(), e.path()))
        })
        .collect();
    out.sort_by_key(|b| std::cmp::Reverse(b.0));
    out
}

/// Copies the live database (through `conn`, while it is in use) to a new backup, checks the
/// copy, and then deletes all but the newest [`KEEP`]. Returns the new backup.
pub fn take(conn: &Connection, data_dir: &Path, now: i64) -> Result<PathBuf, StoreError> {
    let dir = data_dir.join(BACKUP_DIR);
    private_dir(&dir)
        .map_err(|e| StoreError::Invalid(format!("cannot create {}: {e}", dir.display())))?;
    let dest = dir.join(format!("{PREFIX}{}{SUFFIX}", stamp(now)));
    let partial = dir.join(format!(".{PREFIX}{}{SUFFIX}.partial", stamp(now)));
    private_file(&partial)
        .map_err(|e| StoreError::Invalid(format!("cannot write {}: {e}", partial.display())))?;
    let result = conn
        .backup(
            rusqlite::MAIN_DB,
            &partial,
            None::<fn(rusqlite::backup::Progress)>,
        )
        .map_err(StoreError::from)
        .and_then(|()| standalone(&partial))
        .and_then(|()| verify(&partial));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, &dest)
        .map_err(|e| StoreError::Invalid(format!("cannot write {}: {e}", dest.display())))?;
    for (_, old) in list(data_dir).into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(old);
    }
    // Copies cut short, and the -wal/-shm files earlier versions left beside their copies.
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(&format!(".{PREFIX}")) && name.contains(".partial") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(dest)
}

/// Makes a fresh copy one self-contained file: the copy carries the live database's WAL mode,
/// and a WAL file opened read-only (to verify it) leaves `-wal` and `-shm` files behind. A
/// backup in rollback-journal mode has none; `Store::open` turns WAL back on after a restore.
fn standalone(path: &Path) -> Result<(), StoreError> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    Ok(())
}

/// Whether a backup is due: none yet, or the newest is a day old.
pub fn due(data_dir: &Path, now: i64) -> bool {
    list(data_dir)
        .first()
        .is_none_or(|(at, _)| now - at >= EVERY_SECS)
}

/// Replaces the database in `data_dir` with `from`, after checking `from`; the database it
/// replaces is kept beside it as `earshot.sqlite3.before-restore-STAMP`. Earshot must not be
/// running on `data_dir`.
pub fn restore(from: &Path, data_dir: &Path, now: i64) -> Result<Option<PathBuf>, StoreError> {
    if !from.is_file() {
        return Err(StoreError::Invalid(format!(
            "{} is not a file",
            from.display()
        )));
    }
    verify(from)?;
    private_dir(data_dir)
        .map_err(|e| StoreError::Invalid(format!("cannot create {}: {e}", data_dir.display())))?;
    let live = data_dir.join(DB_FILE);
    let kept = data_dir.join(format!("{DB_FILE}.before-restore-{}", stamp(now)));
    let had_one = live.exists();
    if had_one {
        std::fs::rename(&live, &kept).map_err(|e| {
            StoreError::Invalid(format!("cannot move {} aside: {e}", live.display()))
        })?;
        for ext in ["-wal", "-shm"] {
            let side = data_dir.join(format!("{DB_FILE}{ext}"));
            if side.exists() {
                let _ = std::fs::rename(&side, data_dir.join(format!("{}{ext}", kept.display())));
            }
        }
    }
    let partial = data_dir.join(format!(".{DB_FILE}.restoring"));
    private_file(&partial)
        .and_then(|()| std::fs::copy(from, &partial).map(|_| ()))
        .and_then(|()| std::fs::rename(&partial, &live))
        .map_err(|e| StoreError::Invalid(format!("cannot write {}: {e}", live.display())))?;
    Ok(had_one.then_some(kept))
}

/// Restores the newest backup in `data_dir` that passes [`verify`], keeping the database it
/// replaces (see [`restore`]). Returns the backup used and where the replaced file was kept.
/// A damaged or newer backup is skipped, never deleted.
pub fn restore_newest_good(
    data_dir: &Path,
    now: i64,
) -> Result<(PathBuf, Option<PathBuf>), StoreError> {
    let backups = list(data_dir);
    let mut why = Vec::new();
    for (_, from) in &backups {
        match verify(from) {
            Ok(()) => return restore(from, data_dir, now).map(|kept| (from.clone(), kept)),
            Err(e) => why.push(e.to_string()),
        }
    }
    Err(StoreError::NotFound(if backups.is_empty() {
        format!("a backup in {}", data_dir.join(BACKUP_DIR).display())
    } else {
        format!(
            "a whole backup among {} in {} ({})",
            backups.len(),
            data_dir.join(BACKUP_DIR).display(),
            why.join("; ")
        )
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backups_rotate_and_are_listed_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::store::db::Db::open(dir.path()).unwrap();
        drop(db);
        let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        let stray = dir
            .path()
            .join(BACKUP_DIR)
            .join(format!(".{PREFIX}x{SUFFIX}.partial-wal"));
        private_dir(&dir.path().join(BACKUP_DIR)).unwrap();
        std::fs::write(&stray, b"").unwrap();
        let day = 86_400;
        assert!(due(dir.path(), 1_800_000_000));
        for i in 0..10 {
            take(&conn, dir.path(), 1_800_000_000 + i * day).unwrap();
        }
        let l = list(dir.path());
        assert_eq!(l.len(), KEEP);
        let files = std::fs::read_dir(dir.path().join(BACKUP_DIR))
            .unwrap()
            .count();
        assert_eq!(
            files, KEEP,
            "only the backups themselves, no -wal or -shm left over"
        );
        assert_eq!(l[0].0, 1_800_000_000 + 9 * day);
        assert!(!due(dir.path(), 1_800_000_000 + 9 * day + 3_600));
        assert!(due(dir.path(), 1_800_000_000 + 10 * day));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&l[0].1), 0o600);
            assert_eq!(mode(&dir.path().join(BACKUP_DIR)), 0o700);
        }
    }

    #[test]
    fn the_newest_whole_backup_replaces_a_damaged_database_which_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::store::db::Db::open(dir.path()).unwrap();
        drop(db);
        let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        let good = take(&conn, dir.path(), 1_800_000_000).unwrap();
        drop(conn);
        // A newer backup that is damaged must be passed over, and left where it is.
        let broken = dir
            .path()
            .join(BACKUP_DIR)
            .join(format!("{PREFIX}{}{SUFFIX}", stamp(1_800_086_400)));
        std::fs::write(&broken, b"not a database".repeat(300)).unwrap();
        let live = dir.path().join(DB_FILE);
        let garbage = b"the remains of a bad disk".repeat(200);
        std::fs::write(&live, &garbage).unwrap();
        assert!(matches!(
            crate::store::Store::open(&live),
            Err(StoreError::Damaged { .. })
        ));

        let (used, kept) = restore_newest_good(dir.path(), 1_800_090_000).unwrap();
        assert_eq!(used, good, "the newest backup that passes the check");
        let kept = kept.expect("the damaged file is kept");
        assert_eq!(std::fs::read(&kept).unwrap(), garbage, "kept byte for byte");
        assert!(broken.exists(), "a damaged backup is skipped, not deleted");
        crate::store::Store::open(&live).expect("the restored database opens");
    }

    #[test]
    fn with_no_whole_backup_restoring_says_so_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path().join(DB_FILE);
        std::fs::write(&live, b"garbage").unwrap();
        let err = restore_newest_good(dir.path(), 1_800_000_000).unwrap_err();
        assert!(err.to_string().contains("a backup in"), "{err}");
        assert_eq!(std::fs::read(&live).unwrap(), b"garbage");
    }
}
