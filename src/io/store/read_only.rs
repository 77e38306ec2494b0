//! Opening the progress in a data folder that cannot be written (a read-only share, a locked-down
//! profile, a file marked read-only): the database is copied into memory read-only (migrated there
//! when it is older), so plans, the Progress screen and export still work, and every write is
//! refused with [`StoreError::ReadOnly`] ("progress can't be saved: the folder X is read-only").

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::{BUSY_TIMEOUT, SCHEMA_VERSION, Store, StoreError, guard};

/// Why the store must be opened read-only, if it must: `("folder", data_dir)` when no file can be
/// created in the folder, `("file", db)` when only the database file is marked read-only.
pub(super) fn why(data_dir: &Path, db: &Path) -> Option<(&'static str, PathBuf)> {
    if let Err(e) = tempfile::tempfile_in(data_dir)
        && matches!(e.kind(), std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem)
    {
        return Some(("folder", data_dir.to_path_buf()));
    }
    let file_read_only = std::fs::metadata(db).is_ok_and(|m| m.is_file() && m.permissions().readonly());
    file_read_only.then(|| ("file", db.to_path_buf()))
}

/// Open `path` read-only as described above (an empty store when there is no file yet).
pub(super) fn open(path: &Path, reason: (&'static str, PathBuf)) -> Result<Store, StoreError> {
    let unusable = |detail: String| StoreError::Unusable { path: path.to_path_buf(), detail };
    let conn = if path.exists() {
        copy_into_memory(path).map_err(|e| if guard::is_damage(&e) { unusable(e.to_string()) } else { e.into() })?
    } else {
        Connection::open_in_memory()?
    };
    let found = super::schema::user_version(&conn)?;
    if found > SCHEMA_VERSION {
        return Err(unusable(format!(
            "it was made by a newer FollowThrough: schema version {found}; this version understands up to \
             {SCHEMA_VERSION}"
        )));
    }
    let problems: Vec<String> = {
        let mut stmt = conn.prepare("PRAGMA quick_check(5)")?;
        stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<Result<_, _>>()?
    };
    if problems.len() != 1 || problems[0] != "ok" {
        return Err(unusable(format!("quick_check: {}", problems.join("; "))));
    }
    let store = Store { conn, path: Some(path.to_path_buf()), read_only: Some(reason) };
    store.prepare()?;
    // A second guard behind `Store::writable`: SQLite itself refuses any change now.
    store.conn.pragma_update(None, "query_only", true)?;
    if let Some(e) = store.read_only() {
        log::warn!("{e}; the progress already there is shown");
    }
    Ok(store)
}

/// The database at `path`, read without writing anything beside it, as a connection in memory.
fn copy_into_memory(path: &Path) -> Result<Connection, rusqlite::Error> {
    let source = open_source(path)?;
    let mut memory = Connection::open_in_memory()?;
    rusqlite::backup::Backup::new(&source, &mut memory)?.run_to_completion(1024, Duration::ZERO, None)?;
    Ok(memory)
}

/// A read-only connection that works even when SQLite cannot create the `-shm` file a WAL database
/// needs: then the file is read as it is (`immutable`), without the log.
fn open_source(path: &Path) -> Result<Connection, rusqlite::Error> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(conn),
        Err(e) if guard::is_damage(&e) => Err(e),
        Err(e) => {
            drop(conn);
            if super::guard::wal_of(path).exists() {
                log::warn!(
                    "{} is read without its -wal file ({e}); the last changes before FollowThrough stopped may be \
                     missing from what is shown",
                    path.display()
                );
            }
            let uri = format!("file:{}?immutable=1", uri_path(path));
            Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
        }
    }
}

/// A path as the path part of an SQLite `file:` URI (every byte but letters, digits, `/-._~` escaped).
fn uri_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_paths_escape_what_a_uri_would_misread() {
        assert_eq!(uri_path(Path::new("/data/my progress?#%/p.db")), "/data/my%20progress%3F%23%25/p.db");
    }
}
