//! Refusing a database that is damaged or newer than this build, without changing it: the file is
//! probed read-only, and before an error is reported a copy (with its `-wal`) is kept beside it.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::{BUSY_TIMEOUT, DB_FILE, SCHEMA_VERSION, StoreError, schema};

/// What the read-only probe found.
enum Probe {
    Fine,
    Damaged(String),
    Newer(i64),
}

/// Check an existing database before opening it for writing: `Corrupt` or `Newer` (with a copy kept)
/// when it must not be touched.
pub(super) fn check_existing(path: &Path) -> Result<(), StoreError> {
    match probe(path) {
        Probe::Fine => Ok(()),
        Probe::Damaged(detail) => {
            let backup = keep_copy(path, "damaged")?;
            Err(StoreError::Corrupt { path: path.to_path_buf(), backup, detail })
        }
        Probe::Newer(found) => {
            let backup = keep_copy(path, "newer")?;
            Err(StoreError::Newer { path: path.to_path_buf(), found, supported: SCHEMA_VERSION, backup })
        }
    }
}

/// Turn an error met while preparing the file into `Corrupt` when SQLite says the file is damaged.
pub(super) fn explain(path: &Path, error: StoreError) -> StoreError {
    match &error {
        StoreError::Sql(e) if is_damage(e) => match keep_copy(path, "damaged") {
            Ok(backup) => StoreError::Corrupt { path: path.to_path_buf(), backup, detail: e.to_string() },
            Err(copy_error) => copy_error,
        },
        _ => error,
    }
}

/// SQLite's words for "this is not (or no longer) a database".
fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt))
}

/// Open read-only (a read-only connection never checkpoints or deletes the `-wal` file) and look.
fn probe(path: &Path) -> Probe {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let look = || -> Result<Probe, rusqlite::Error> {
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let version = schema::user_version(&conn)?;
        let mut stmt = conn.prepare("PRAGMA quick_check(5)")?;
        let problems: Vec<String> = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<Result<_, _>>()?;
        if problems.len() != 1 || problems[0] != "ok" {
            return Ok(Probe::Damaged(format!("quick_check: {}", problems.join("; "))));
        }
        Ok(if version > SCHEMA_VERSION { Probe::Newer(version) } else { Probe::Fine })
    };
    match look() {
        Ok(found) => found,
        Err(e) if is_damage(&e) => Probe::Damaged(e.to_string()),
        Err(e) => {
            // Not a verdict on the file (locked, unreadable folder...): the read-write open reports it.
            log::warn!("could not check {} before opening it: {e}", path.display());
            Probe::Fine
        }
    }
}

/// Copy the database (and its `-wal` file, if any) to `progress.db.<tag>-<YYYYMMDD-HHMMSS>` beside
/// it, never overwriting an earlier copy. Returns the copy's path.
pub(super) fn keep_copy(path: &Path, tag: &str) -> Result<PathBuf, StoreError> {
    let dir = super::parent_of(path);
    let file = path.file_name().and_then(|n| n.to_str()).unwrap_or(DB_FILE);
    let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S").to_string();
    let mut copy = dir.join(format!("{file}.{tag}-{stamp}"));
    let mut n = 2;
    while copy.exists() || wal_of(&copy).exists() {
        copy = dir.join(format!("{file}.{tag}-{stamp}-{n}"));
        n += 1;
    }
    std::fs::copy(path, &copy).map_err(|source| StoreError::Io { path: copy.clone(), source })?;
    let wal = wal_of(path);
    if wal.exists() {
        let wal_copy = wal_of(&copy);
        std::fs::copy(&wal, &wal_copy).map_err(|source| StoreError::Io { path: wal_copy, source })?;
    }
    Ok(copy)
}

/// The write-ahead log that belongs to a database file.
fn wal_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_never_overwrite_each_other() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join(DB_FILE);
        std::fs::write(&db, b"first").expect("write");
        std::fs::write(wal_of(&db), b"log").expect("write wal");
        let a = keep_copy(&db, "damaged").expect("copy");
        std::fs::write(&db, b"second").expect("write");
        let b = keep_copy(&db, "damaged").expect("copy");
        assert_ne!(a, b);
        assert_eq!(std::fs::read(&a).expect("read"), b"first");
        assert_eq!(std::fs::read(&b).expect("read"), b"second");
        assert_eq!(std::fs::read(wal_of(&a)).expect("read"), b"log");
        assert!(a.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("progress.db.damaged-")));
    }

    #[test]
    fn garbage_is_damaged_and_an_empty_file_is_fine() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join(DB_FILE);
        std::fs::write(&db, vec![0x5a_u8; 8192]).expect("write");
        assert!(matches!(probe(&db), Probe::Damaged(_)));
        std::fs::write(&db, b"").expect("write");
        assert!(matches!(probe(&db), Probe::Fine));
    }
}
