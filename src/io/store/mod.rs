//! The progress store: one SQLite file (`progress.db`) in the data folder that keeps employees and
//! every attempt. This file opens it (refusing damaged or newer files without touching them),
//! migrates it, and names the errors; the work is split by job into the modules below.

mod attempts;
mod backup;
mod csv;
mod employees;
mod folders;
mod guard;
mod import;
mod legacy;
mod meta;
mod overrides;
mod read_only;
mod rescore;
mod schema;
mod scripts;
mod settings;
mod tidy;
mod xapi_queue;

pub use settings::RolloutRules;
pub use xapi_queue::{QueueReport, QueueStatus, QueuedStatement};

use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;
use rusqlite::{Connection, Transaction, TransactionBehavior};

/// The database file's name inside the data folder.
pub const DB_FILE: &str = "progress.db";

/// The schema this build writes and understands (kept in `PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 4;

/// How long a write waits for another FollowThrough window holding the database.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Why the progress store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file is damaged or not a database; it was copied and left as it was.
    #[error(
        "the database at {path} is damaged ({detail}); a copy was kept at {backup}; nothing was deleted. \
         Restore a backup from {dir}/backups or move the file away to start a new one.",
        path = path.display(),
        backup = backup.display(),
        dir = parent_of(path).display()
    )]
    Corrupt {
        /// The damaged database.
        path: PathBuf,
        /// The copy made before reporting.
        backup: PathBuf,
        /// What SQLite said.
        detail: String,
    },
    /// The database was written by a newer FollowThrough; it was copied and left as it was.
    #[error(
        "the database at {path} was made by a newer FollowThrough (schema version {found}; this version \
         understands up to {supported}); upgrade FollowThrough to open it. Nothing was changed; a copy was \
         kept at {backup}.",
        path = path.display(),
        backup = backup.display()
    )]
    Newer {
        /// The database.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest version this build understands.
        supported: i64,
        /// The copy made before reporting.
        backup: PathBuf,
    },
    /// SQLite refused a statement.
    #[error("the progress database reported an error: {0}")]
    Sql(#[from] rusqlite::Error),
    /// Reading or writing a file failed.
    #[error("cannot read or write {}: {source}; check that the folder exists and can be written to", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A CSV file could not be read (or written).
    #[error("CSV line {line}: {detail}")]
    Csv {
        /// The line of the file (1 is the header).
        line: u64,
        /// What is wrong and what to do.
        detail: String,
    },
    /// No employee has this id.
    #[error("there is no employee with the id {0:?}; add the employee first")]
    UnknownEmployee(String),
    /// The name cannot be used for a new employee.
    #[error("{0}")]
    BadName(String),
    /// No attempt has this id.
    #[error("there is no attempt with the id {0:?}")]
    NoSuchAttempt(String),
    /// A coach's override was refused.
    #[error("the override was not saved: {0}")]
    BadOverride(String),
    /// The store was opened read-only (see [`Store::read_only`]): nothing can be saved.
    #[error("progress can't be saved: the {what} {} is read-only", path.display())]
    ReadOnly {
        /// `folder` or `file`.
        what: &'static str,
        /// The data folder, or the database file when only the file is read-only.
        path: PathBuf,
    },
    /// The database cannot be used (damaged, or made by a newer FollowThrough) and, the folder being
    /// read-only, no copy could be kept; nothing was changed.
    #[error(
        "the database at {path} cannot be used ({detail}); the folder is read-only, so nothing was copied or \
         changed. Make the folder writable, or move the file away to start a new one.",
        path = path.display()
    )]
    Unusable {
        /// The database.
        path: PathBuf,
        /// What is wrong with it.
        detail: String,
    },
}

/// The folder holding `path` (for messages).
fn parent_of(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new("."))
}

/// An employee who practises (a profile).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Employee {
    /// Stable id, a slug of the first name given ("Sam Lee" → "sam-lee").
    pub id: String,
    /// The name shown.
    pub name: String,
    /// When the employee was added.
    pub created_at: Timestamp,
}

/// Which attempts to read or export; every field that is set must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttemptFilter {
    /// Only this employee's attempts.
    pub employee: Option<String>,
    /// Only attempts started on or after this day (UTC).
    pub since: Option<jiff::civil::Date>,
    /// Only attempts at this scenario.
    pub scenario: Option<String>,
}

/// What an import added and left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Attempts new to this store.
    pub attempts_added: usize,
    /// Attempts already here (left exactly as they were).
    pub attempts_skipped: usize,
    /// Employees created because an imported attempt named them.
    pub employees_added: usize,
    /// Turn attempts added with the new attempts.
    pub turns_added: usize,
}

/// The open progress database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Set when the data folder (or the file) cannot be written: the store is a copy in memory of
    /// what is on disk, and every write is refused with this error's reason.
    read_only: Option<(&'static str, PathBuf)>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).field("read_only", &self.read_only).finish_non_exhaustive()
    }
}

impl Store {
    /// Open (or create) `progress.db` in `data_dir`: remove what interrupted copies and backups left,
    /// refuse a damaged or newer file (a copy is kept, nothing is deleted), migrate, take over an old
    /// `profiles.ron`, and write today's backup.
    ///
    /// When the folder (or the file) is read-only, the existing progress is opened read-only instead:
    /// everything can be read, and every write fails with [`StoreError::ReadOnly`] (check
    /// [`Store::read_only`] to say so up front).
    pub fn open(data_dir: &Path, today: jiff::civil::Date) -> Result<Store, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::Io { path: data_dir.to_path_buf(), source })?;
        let path = data_dir.join(DB_FILE);
        if let Some(read_only) = read_only::why(data_dir, &path) {
            return read_only::open(&path, read_only);
        }
        tidy::remove_leftovers(data_dir, |n| n.starts_with(guard::COPY_TEMP_PREFIX) && n.ends_with(".tmp"), |_| false);
        if path.exists() {
            guard::check_existing(&path)?;
        }
        let existed = path.exists();
        let conn = Connection::open(&path)?;
        if existed {
            // An upgrade rewrites the schema: keep the file as it was first.
            let version = schema::user_version(&conn).map_err(|e| guard::explain(&path, StoreError::Sql(e)))?;
            if version > 0 && version < SCHEMA_VERSION {
                let copy = guard::keep_copy(&path, "before-upgrade")?;
                log::info!(
                    "progress database upgraded from schema {version}; the old file is kept at {}",
                    copy.display()
                );
            }
        }
        let store = Store { conn, path: Some(path.clone()), read_only: None };
        if let Err(e) = store.prepare() {
            return Err(guard::explain(&path, e));
        }
        legacy::import_profiles(&store.conn, data_dir)?;
        backup::daily(&store.conn, data_dir, today);
        Ok(store)
    }

    /// Write today's backup if it is not there yet (a window left open across midnight calls this
    /// when the date changes); problems are logged, never fatal.
    pub fn backup_if_due(&self, today: jiff::civil::Date) {
        if self.read_only.is_some() {
            return;
        }
        if let Some(dir) = self.path.as_deref().and_then(Path::parent) {
            backup::daily(&self.conn, dir, today);
        }
    }

    /// A store that lives in memory only (tests, previews).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let store = Store { conn: Connection::open_in_memory()?, path: None, read_only: None };
        store.prepare()?;
        Ok(store)
    }

    /// The database file (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Why nothing can be saved, when the store was opened read-only: the [`StoreError::ReadOnly`]
    /// every write returns, to show up front ("progress can't be saved: the folder X is read-only").
    pub fn read_only(&self) -> Option<StoreError> {
        self.read_only.as_ref().map(|(what, path)| StoreError::ReadOnly { what, path: path.clone() })
    }

    /// Refuse a write up front when the store is read-only.
    fn writable(&self) -> Result<(), StoreError> {
        self.read_only().map_or(Ok(()), Err)
    }

    /// Whether `PRAGMA integrity_check` finds nothing wrong.
    pub fn integrity_ok(&self) -> Result<bool, StoreError> {
        let first: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(first == "ok")
    }

    /// Settings every connection needs, then the migrations.
    fn prepare(&self) -> Result<(), StoreError> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        let mode: String = self.conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if self.path.is_some() && self.read_only.is_none() && !mode.eq_ignore_ascii_case("wal") {
            log::warn!("the progress database did not switch to WAL journaling (it uses {mode})");
        }
        // FULL: a committed attempt is on disk before `record_attempt` returns.
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        let found = schema::migrate(&self.conn)?;
        if found > SCHEMA_VERSION {
            // Only reachable when another process upgraded the file between the check and here.
            let path = self.path.clone().unwrap_or_default();
            let backup = guard::keep_copy(&path, "newer")?;
            return Err(StoreError::Newer { path, found, supported: SCHEMA_VERSION, backup });
        }
        Ok(())
    }

    /// A write transaction that takes the write lock at once (no lock upgrade that could fail busy).
    fn write(&self) -> Result<Transaction<'_>, StoreError> {
        self.writable()?;
        Ok(Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?)
    }
}

/// A timestamp as stored: RFC 3339 in UTC with nine fractional digits, so text order is time order.
fn ts_to_sql(ts: Timestamp) -> String {
    jiff::fmt::temporal::DateTimePrinter::new().precision(Some(9)).timestamp_to_string(&ts)
}

/// Read a stored timestamp back (column `idx` of a row).
fn ts_from_sql(row: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<Timestamp> {
    let text: String = row.get(idx)?;
    text.parse::<Timestamp>()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e)))
}

/// Read a non-negative integer column (SQLite stores signed 64-bit integers).
fn get_unsigned<T: TryFrom<i64>>(row: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<T> {
    let n: i64 = row.get(idx)?;
    T::try_from(n).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(idx, n))
}

/// A stored word that is not one of the expected ones (a damaged or hand-edited row).
fn bad_word(idx: usize, word: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        idx,
        rusqlite::types::Type::Text,
        format!("unexpected value {word:?} in the progress database").into(),
    )
}

/// A count or index as SQLite stores it.
fn to_i64(n: impl TryInto<i64>) -> Result<i64, StoreError> {
    n.try_into()
        .map_err(|_| StoreError::Sql(rusqlite::Error::ToSqlConversionFailure("a number too large to store".into())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_timestamps_sort_as_text_in_time_order() {
        let a: Timestamp = "2024-05-01T09:00:00Z".parse().expect("ts");
        let b: Timestamp = "2024-05-01T09:00:00.5Z".parse().expect("ts");
        assert!(ts_to_sql(a) < ts_to_sql(b));
        assert_eq!(ts_to_sql(a), "2024-05-01T09:00:00.000000000Z");
        assert_eq!(ts_to_sql(b).parse::<Timestamp>().expect("parse"), b);
    }

    #[test]
    fn schema_version_matches_the_migrations() {
        assert_eq!(SCHEMA_VERSION, schema::MIGRATIONS.len() as i64);
    }

    #[test]
    fn an_older_file_is_copied_before_it_is_upgraded_and_keeps_its_data() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(DB_FILE);
        {
            let conn = Connection::open(&path).expect("open");
            conn.execute_batch(schema::MIGRATIONS[0]).expect("v1");
            conn.pragma_update(None, "user_version", 1).expect("version");
            conn.execute("INSERT INTO employees VALUES ('ana', 'Ana', '2024-01-01T00:00:00Z')", []).expect("row");
        }
        let store = Store::open(dir.path(), jiff::civil::date(2026, 11, 23)).expect("upgrade");
        assert_eq!(store.employees().expect("employees").len(), 1);
        let copies: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.starts_with("progress.db.before-upgrade"))
            .collect();
        assert_eq!(copies.len(), 1, "{copies:?}");
        let old = Connection::open(dir.path().join(&copies[0])).expect("copy opens");
        assert_eq!(schema::user_version(&old).expect("version"), 1);
    }

    #[test]
    fn an_in_memory_store_opens_migrated_and_sound() {
        let store = Store::open_in_memory().expect("open");
        assert!(store.path().is_none());
        assert!(store.integrity_ok().expect("check"));
        let version: i64 = store.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
        assert_eq!(version, SCHEMA_VERSION);
    }
}
