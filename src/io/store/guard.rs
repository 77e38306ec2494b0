//! Refusing a database that is damaged or newer than this build, without changing it: the file is
//! probed read-only, and before an error is reported a copy (with its `-wal`) is kept beside it,
//! one copy per content however often the file is opened.

use std::fs::File;
use std::io::{Read, Write};
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
pub(super) fn is_damage(e: &rusqlite::Error) -> bool {
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

/// Copy the database (and its `-wal` file, if any) to `progress.db.<tag>-<hash>` beside it, where
/// `<hash>` is taken from the content: opening the same damaged file again finds its copy already
/// there instead of making another. Each file is written under a temporary name and renamed only
/// when complete, so a full disk never leaves a cut copy under a normal-looking name. Returns the
/// copy's path.
pub(super) fn keep_copy(path: &Path, tag: &str) -> Result<PathBuf, StoreError> {
    keep_copy_through(path, tag, &|file| Box::new(file))
}

/// Where [`copy_whole`] writes a copy's bytes: the temporary file itself (tests wrap it in a writer
/// that fails part-way, as a full disk would).
type Through = dyn for<'a> Fn(&'a mut File) -> Box<dyn Write + 'a>;

/// [`keep_copy`], writing through `through`. When a copy fails part-way nothing is left under a
/// copy's name: not the cut file (only ever a temporary one, removed) nor the log copied before it.
fn keep_copy_through(path: &Path, tag: &str, through: &Through) -> Result<PathBuf, StoreError> {
    let dir = super::parent_of(path);
    let file = path.file_name().and_then(|n| n.to_str()).unwrap_or(DB_FILE);
    let wal = wal_of(path);
    let has_wal = wal.is_file();
    let mut hash = Fnv::new();
    hash.add_file(path)?;
    if has_wal {
        hash.add_file(&wal)?;
    }
    let copy = dir.join(format!("{file}.{tag}-{:016x}", hash.0));
    if copy.is_file() && (!has_wal || wal_of(&copy).is_file()) {
        return Ok(copy);
    }
    // The log first: a copy under its final name is always complete, log included.
    if has_wal {
        copy_whole(&wal, &wal_of(&copy), through)?;
    }
    if let Err(e) = copy_whole(path, &copy, through) {
        if has_wal {
            let _ = std::fs::remove_file(wal_of(&copy));
        }
        return Err(e);
    }
    Ok(copy)
}

/// The prefix of the temporary files [`keep_copy`] writes (cleaned at start by [`super::tidy`]).
pub(super) const COPY_TEMP_PREFIX: &str = ".progress-copy-";

/// Copy `from` to `to` through a temporary file in the same folder (locked while written, synced,
/// then renamed), writing through `through`; on an error the temporary file is removed.
fn copy_whole(from: &Path, to: &Path, through: &Through) -> Result<(), StoreError> {
    let dir = super::parent_of(to);
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    let mut source = File::open(from).map_err(io(from))?;
    let mut temp =
        tempfile::Builder::new().prefix(COPY_TEMP_PREFIX).suffix(".tmp").tempfile_in(dir).map_err(io(dir))?;
    super::tidy::hold(temp.as_file());
    {
        let mut out = through(temp.as_file_mut());
        std::io::copy(&mut source, &mut out).and_then(|_| out.flush()).map_err(io(to))?;
    }
    temp.as_file().sync_all().map_err(io(to))?;
    temp.persist(to).map_err(|e| StoreError::Io { path: to.to_path_buf(), source: e.error })?;
    Ok(())
}

/// 64-bit FNV-1a: a content fingerprint that stays the same across builds and platforms (not a
/// defence against someone crafting collisions, which would only share a copy's name).
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn add_file(&mut self, path: &Path) -> Result<(), StoreError> {
        let mut file =
            std::fs::File::open(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match file.read(&mut buf) {
                Ok(0) => return Ok(()),
                Ok(n) => self.add(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(source) => return Err(StoreError::Io { path: path.to_path_buf(), source }),
            }
        }
    }
}

/// The write-ahead log that belongs to a database file.
pub(super) fn wal_of(path: &Path) -> PathBuf {
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
    fn the_same_content_is_copied_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join(DB_FILE);
        std::fs::write(&db, b"same").expect("write");
        let first = keep_copy(&db, "damaged").expect("copy");
        for _ in 0..3 {
            assert_eq!(keep_copy(&db, "damaged").expect("copy"), first);
        }
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        assert_eq!(names.len(), 2, "the database and one copy, no temporary files: {names:?}");
    }

    /// A writer that takes `left` bytes and then fails as a full disk does.
    struct FullAfter<'a> {
        inner: &'a mut File,
        left: usize,
    }

    impl Write for FullAfter<'_> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.left == 0 {
                return Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "No space left on device"));
            }
            let n = self.inner.write(&buf[..buf.len().min(self.left)])?;
            self.left -= n;
            Ok(n)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            self.inner.flush()
        }
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).expect("list").filter_map(|e| e.ok()?.file_name().into_string().ok()).collect();
        names.sort();
        names
    }

    #[test]
    fn a_disk_filling_up_during_the_copy_leaves_no_copy_and_the_original_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join(DB_FILE);
        let content: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&db, &content).expect("write");
        std::fs::write(wal_of(&db), b"the log").expect("write wal");
        let before = names_in(dir.path());
        // The log (7 bytes) fits; the database is cut at 100,000 bytes.
        fn full(file: &mut File) -> Box<dyn Write + '_> {
            Box::new(FullAfter { inner: file, left: 100_000 })
        }
        let err = keep_copy_through(&db, "damaged", &full).expect_err("the disk is full");
        assert!(err.to_string().contains("No space left"), "{err}");
        assert_eq!(names_in(dir.path()), before, "no copy, no log copy, no temporary file");
        assert_eq!(std::fs::read(&db).expect("read"), content, "the original is untouched");
        assert_eq!(std::fs::read(wal_of(&db)).expect("read"), b"the log");
        // With room again, the whole copy is made.
        let copy = keep_copy(&db, "damaged").expect("copy");
        assert_eq!(std::fs::read(&copy).expect("read"), content);
        assert_eq!(std::fs::read(wal_of(&copy)).expect("read"), b"the log");
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
