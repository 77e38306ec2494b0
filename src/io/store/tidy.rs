//! Leftovers of interrupted work, removed when the store opens: temporary backups and copies that a
//! FollowThrough stopped mid-write left behind, and the `-journal`, `-wal` and `-shm` files beside
//! them. A temporary file another FollowThrough is writing right now is held (an advisory lock on
//! Unix) and left alone.

use std::fs::File;
use std::path::Path;
use std::time::Duration;

/// Younger temporary files are left alone: one may have been created a moment ago and not held yet.
const MIN_AGE: Duration = Duration::from_secs(5);

/// The files SQLite keeps beside a database.
const COMPANIONS: [&str; 3] = ["-journal", "-wal", "-shm"];

/// Mark a temporary file as being written until `file` is closed, so a cleaning FollowThrough
/// leaves it alone. Where locks are not available the age rule alone protects it.
pub(super) fn hold(file: &File) {
    #[cfg(unix)]
    if let Err(e) = file.try_lock() {
        log::debug!("could not hold a temporary file while writing it: {e}");
    }
    #[cfg(not(unix))]
    let _ = file;
}

/// Whether someone may still be writing `path`: too young, or held by a FollowThrough.
fn in_use(path: &Path) -> bool {
    let young = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age < MIN_AGE);
    if young {
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(file) = File::open(path) else { return false };
        matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
    }
    #[cfg(not(unix))]
    false
}

/// In `dir`, remove every file `is_temporary` accepts that nobody is writing, then every
/// `-journal`, `-wal` or `-shm` file whose database (accepted by `ours`) is gone. Returns how many
/// files were removed; problems are logged, never raised.
pub(super) fn remove_leftovers(dir: &Path, is_temporary: impl Fn(&str) -> bool, ours: impl Fn(&str) -> bool) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    let names: Vec<String> = entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect();
    let mut removed = 0;
    let mut remove = |name: &str| match std::fs::remove_file(dir.join(name)) {
        Ok(()) => removed += 1,
        Err(e) => log::warn!("could not remove the leftover file {}: {e}", dir.join(name).display()),
    };
    for name in names.iter().filter(|n| is_temporary(n)) {
        if !in_use(&dir.join(name)) {
            remove(name);
        }
    }
    for name in &names {
        let Some(base) = COMPANIONS.iter().find_map(|suffix| name.strip_suffix(suffix)) else { continue };
        if (ours(base) || is_temporary(base)) && !dir.join(base).exists() && !in_use(&dir.join(name)) {
            remove(name);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn age(path: &Path) {
        let old = std::time::SystemTime::now() - Duration::from_secs(60);
        File::options().write(true).open(path).and_then(|f| f.set_modified(old)).expect("set time");
    }

    #[test]
    fn old_unheld_leftovers_and_orphaned_journals_go_the_rest_stays() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = |n: &str| dir.path().join(n);
        for name in
            [".x-1.tmp", ".x-1.tmp-journal", ".x-2.tmp", "fresh.tmp", "db-journal", "db", "keep-wal", "gone-wal"]
        {
            std::fs::write(p(name), b"x").expect("write");
        }
        for name in [".x-1.tmp", ".x-1.tmp-journal", ".x-2.tmp", "db-journal", "keep-wal", "gone-wal"] {
            age(&p(name));
        }
        let held = File::open(p(".x-2.tmp")).expect("open");
        hold(&held);
        let is_temp = |n: &str| n.starts_with(".x-") && n.ends_with(".tmp") || n == "fresh.tmp";
        let removed = remove_leftovers(dir.path(), is_temp, |n| n == "db" || n == "gone");
        assert!(!p(".x-1.tmp").exists() && !p(".x-1.tmp-journal").exists() && !p("gone-wal").exists());
        assert!(p("fresh.tmp").exists(), "too young to tell");
        assert!(p("db-journal").exists(), "its database is there: a journal it may need");
        assert!(p("keep-wal").exists(), "not ours");
        #[cfg(unix)]
        assert!(p(".x-2.tmp").exists(), "held by a writer");
        #[cfg(unix)]
        assert_eq!(removed, 3);
        drop(held);
    }
}
