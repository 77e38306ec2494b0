//! The daily backup: on the first open of a day, `backups/progress-<date>.db` is written with
//! `VACUUM INTO` to a temporary name and renamed into place (so a half-written backup never carries
//! the real name), and only the newest seven are kept. A failed backup is a warning, not a stop.
//! Temporary files of backups that were interrupted, and their journals, are removed first.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rusqlite::Connection;

use super::StoreError;

/// How many daily backups are kept.
pub(super) const KEEP: usize = 7;

/// The folder of backups inside the data folder.
pub(super) const BACKUP_DIR: &str = "backups";

/// The temporary name of a backup being written.
fn is_temporary(name: &str) -> bool {
    name.starts_with(".progress-") && name.ends_with(".db.tmp")
}

/// Remove what interrupted backups left in the backup folder (see [`super::tidy`]).
pub(super) fn remove_leftovers(data_dir: &Path) -> usize {
    super::tidy::remove_leftovers(&data_dir.join(BACKUP_DIR), is_temporary, |base| day_of(base.as_ref()).is_some())
}

/// Write today's backup if there is none yet and drop the old ones; problems are logged.
pub(super) fn daily(conn: &Connection, data_dir: &Path, today: Date) {
    remove_leftovers(data_dir);
    let dir = data_dir.join(BACKUP_DIR);
    if let Err(e) = write_and_prune(conn, &dir, today) {
        log::warn!(
            "today's backup of the progress database was not written ({e}); progress is still saved, \
             and the backup will be tried again next time FollowThrough opens"
        );
    }
}

/// The backup file for a day.
fn file_for(dir: &Path, day: Date) -> PathBuf {
    dir.join(format!("progress-{day}.db"))
}

fn write_and_prune(conn: &Connection, dir: &Path, today: Date) -> Result<(), StoreError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let target = file_for(dir, today);
    if !target.exists() {
        let tmp = tempfile::Builder::new().prefix(".progress-").suffix(".db.tmp").tempfile_in(dir).map_err(io(dir))?;
        // Held while SQLite writes it, so another FollowThrough starting now leaves it alone.
        super::tidy::hold(tmp.as_file());
        let Some(tmp_name) = tmp.path().to_str() else {
            return Err(StoreError::Io {
                path: tmp.path().to_path_buf(),
                source: std::io::Error::other("the backup folder's path is not valid UTF-8"),
            });
        };
        conn.execute("VACUUM INTO ?1", [tmp_name])?;
        tmp.as_file().sync_all().map_err(io(tmp.path()))?;
        tmp.persist(&target).map_err(|e| StoreError::Io { path: target.clone(), source: e.error })?;
    }
    prune(dir, KEEP)
}

/// Delete all but the `keep` newest `progress-<date>.db` files (other files are left alone).
pub(super) fn prune(dir: &Path, keep: usize) -> Result<(), StoreError> {
    let entries = std::fs::read_dir(dir).map_err(|source| StoreError::Io { path: dir.to_path_buf(), source })?;
    let mut days: Vec<Date> = entries.filter_map(Result::ok).filter_map(|e| day_of(&e.file_name())).collect();
    days.sort_unstable_by(|a, b| b.cmp(a));
    for day in days.into_iter().skip(keep) {
        let old = file_for(dir, day);
        std::fs::remove_file(&old).map_err(|source| StoreError::Io { path: old, source })?;
    }
    Ok(())
}

/// The day in a backup's file name (`progress-2025-01-31.db`), if it is one.
fn day_of(name: &std::ffi::OsStr) -> Option<Date> {
    let day = name.to_str()?.strip_prefix("progress-")?.strip_suffix(".db")?;
    let date: Date = day.parse().ok()?;
    (date.to_string() == day).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_backup_names_count_as_days() {
        assert_eq!(day_of("progress-2025-01-31.db".as_ref()), Some(jiff::civil::date(2025, 1, 31)));
        for name in ["progress-2025-1-31.db", "progress-2025-02-30.db", "progress.db", "progress-x.db", "p.db.tmp"] {
            assert_eq!(day_of(name.as_ref()), None, "{name}");
        }
    }

    #[test]
    fn pruning_keeps_the_newest_and_other_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        for d in 1..=9 {
            std::fs::write(file_for(dir.path(), jiff::civil::date(2025, 3, d)), b"x").expect("write");
        }
        std::fs::write(dir.path().join("notes.txt"), b"keep me").expect("write");
        prune(dir.path(), 7).expect("prune");
        assert!(!file_for(dir.path(), jiff::civil::date(2025, 3, 2)).exists());
        assert!(file_for(dir.path(), jiff::civil::date(2025, 3, 3)).exists());
        assert!(dir.path().join("notes.txt").exists());
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 8);
    }
}
