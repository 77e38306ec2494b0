//! Watching scenario folders so the app reloads when an author saves: a change to any `.ron` file
//! or anything under an `assets/` folder (created, modified, removed, renamed) sets a flag and calls
//! back. A burst of events (an editor's save) sets the same flag, read once per frame, so it costs
//! at most a reload or two; merely reading the files never counts. Symbolic links are not followed.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// Why watching could not start.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// A folder to watch does not exist (or is not a folder).
    #[error("{}: no such folder to watch for scenario changes", .0.display())]
    MissingFolder(PathBuf),
    /// The system refused to watch a folder (for example too many watches in use).
    #[error("cannot watch {} for scenario changes: {source}", folder.display())]
    Notify {
        /// The folder, or the first folder when the watcher itself could not start.
        folder: PathBuf,
        /// What notify reported.
        source: notify::Error,
    },
}

/// Watches scenario folders until dropped. Poll [`FolderWatcher::changed`] (each frame, say); the
/// `on_change` callback given to [`watch`] runs on the watcher's thread after each change.
pub struct FolderWatcher {
    _watcher: RecommendedWatcher,
    changed: Arc<AtomicBool>,
    folders: Vec<PathBuf>,
}

impl std::fmt::Debug for FolderWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FolderWatcher")
            .field("folders", &self.folders)
            .field("changed", &self.changed.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl FolderWatcher {
    /// True when something changed since the last call (or since watching started); clears the flag.
    pub fn changed(&self) -> bool {
        self.changed.swap(false, Ordering::AcqRel)
    }

    /// The folders being watched (duplicates removed).
    pub fn folders(&self) -> &[PathBuf] {
        &self.folders
    }
}

/// Start watching `folders` recursively. `on_change` runs (on the watcher's thread) once per
/// debounced burst of changes to `.ron` files or files under an `assets/` folder; the flag read by
/// [`FolderWatcher::changed`] is set just before. Errors while watching are logged, never raised.
pub fn watch(folders: &[PathBuf], on_change: impl Fn() + Send + 'static) -> Result<FolderWatcher, WatchError> {
    let mut unique: Vec<PathBuf> = Vec::new();
    for folder in folders {
        if !folder.is_dir() {
            return Err(WatchError::MissingFolder(folder.clone()));
        }
        if !unique.contains(folder) {
            unique.push(folder.clone());
        }
    }
    // Events may name paths as given or canonicalised (macOS); strip either to judge `assets/`.
    let roots: Vec<PathBuf> =
        unique.iter().flat_map(|f| std::iter::once(f.clone()).chain(std::fs::canonicalize(f).ok())).collect();
    let changed = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&changed);
    // Only changes count: reading the files (which the reload itself does) must not trigger
    // another reload, or the app would reload for ever.
    let handler = move |result: notify::Result<Event>| match result {
        Ok(event) => {
            let change = matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_));
            if change && event.paths.iter().any(|p| is_relevant(p, &roots)) {
                flag.store(true, Ordering::Release);
                if std::panic::catch_unwind(std::panic::AssertUnwindSafe(&on_change)).is_err() {
                    log::warn!("the scenario folder change handler panicked; watching goes on");
                }
            }
        }
        Err(e) => log::warn!("watching the scenario folders: {e}"),
    };
    let first = || unique.first().cloned().unwrap_or_default();
    // Links are not followed: a link to `/` in a scenario folder must not make the watcher walk (and
    // watch) the whole file system. Discovery reads only links that stay inside the folder, and
    // their targets are watched there.
    let config = notify::Config::default().with_follow_symlinks(false);
    let mut watcher =
        RecommendedWatcher::new(handler, config).map_err(|source| WatchError::Notify { folder: first(), source })?;
    for folder in &unique {
        watcher
            .watch(folder, RecursiveMode::Recursive)
            .map_err(|source| WatchError::Notify { folder: folder.clone(), source })?;
    }
    Ok(FolderWatcher { _watcher: watcher, changed, folders: unique })
}

/// A path worth a reload: a `.ron` file, anything inside an `assets` folder, or something without an
/// extension (most likely a folder created, removed or renamed, which may hold scenario files).
fn is_relevant(path: &Path, roots: &[PathBuf]) -> bool {
    let inside = roots.iter().find_map(|r| path.strip_prefix(r).ok()).unwrap_or(path);
    match path.extension() {
        Some(ext) => ext == "ron" || inside.components().any(|c| c.as_os_str() == "assets"),
        None => !path.is_file() || inside.components().any(|c| c.as_os_str() == "assets"),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn only_scenario_files_assets_and_folders_count() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_path_buf();
        let roots = [root.clone()];
        assert!(is_relevant(&root.join("bank/a.ron"), &roots));
        assert!(is_relevant(&root.join("assets/voices/a.wav"), &roots));
        assert!(is_relevant(&root.join("removed-folder"), &roots));
        assert!(!is_relevant(&root.join("bank/.a.ron.swp"), &roots));
        assert!(!is_relevant(&root.join("notes.txt"), &roots));
        let plain = root.join("README");
        std::fs::write(&plain, b"x").expect("write");
        assert!(!is_relevant(&plain, &roots));
    }

    #[test]
    fn a_missing_folder_is_named() {
        let missing = PathBuf::from("/definitely/not/here");
        let err = watch(std::slice::from_ref(&missing), || {}).expect_err("missing");
        assert!(matches!(&err, WatchError::MissingFolder(p) if p == &missing));
        assert!(err.to_string().contains("/definitely/not/here"));
    }

    #[test]
    fn a_new_scenario_file_sets_the_flag_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let watcher = watch(&[dir.path().to_path_buf()], || {}).expect("watch");
        assert!(!watcher.changed());
        std::fs::write(dir.path().join("a.ron"), b"Scenario()").expect("write");
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while !watcher.changed() {
            assert!(std::time::Instant::now() < deadline, "no change seen within 5 s");
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(!watcher.changed(), "reading the flag clears it");
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_outside_reached_by_a_link_is_not_watched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (team, elsewhere) = (dir.path().join("team"), dir.path().join("elsewhere"));
        std::fs::create_dir_all(&team).expect("mkdir");
        std::fs::create_dir_all(&elsewhere).expect("mkdir");
        std::os::unix::fs::symlink(&elsewhere, team.join("link")).expect("symlink");
        let watcher = watch(std::slice::from_ref(&team), || {}).expect("watch");
        std::fs::write(elsewhere.join("a.ron"), b"Scenario()").expect("write");
        std::thread::sleep(Duration::from_millis(400));
        assert!(!watcher.changed(), "a change outside the chosen folder must not reload it");
    }

    #[test]
    fn reading_the_files_is_not_a_change() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a.ron");
        std::fs::write(&file, b"Scenario()").expect("write");
        let watcher = watch(&[dir.path().to_path_buf()], || {}).expect("watch");
        for _ in 0..5 {
            let _ = std::fs::read(&file).expect("read");
        }
        std::thread::sleep(Duration::from_millis(400));
        assert!(!watcher.changed(), "a reload reads every file; that must not trigger another reload");
    }
}
