//! Finding and reading scenario files. Checking them is the core's job ([`Library::build`]).

use std::collections::HashSet;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::file_error::FileError;
use crate::core::library::{FileInput, FileKind, Library, VoiceExists};
use crate::core::scenario::diagnostic::Diagnostic;
use crate::core::scenario::parse::{MAX_FILE_BYTES, check_size};

/// The file name that marks a lexicon (shared synonym sets) rather than a scenario.
pub const LEXICON_FILE_NAME: &str = "lexicon.ron";

/// A path given on the command line (or chosen in the app) that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum PathError {
    /// Nothing is there.
    #[error("{0}: no such file or folder")]
    Missing(String),
    /// Something is there, but it is a pipe, device or socket: reading it could wait for ever.
    #[error("{0}: not a regular file (a pipe, device or socket); give a .ron file or a folder")]
    NotRegular(String),
    /// The system refused to say what is there (for example no permission to look).
    #[error("{path}: cannot be read: {source}")]
    Unreadable {
        /// The path as given.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
}

/// The old name of [`PathError`].
pub type MissingPath = PathError;

/// What [`discover`] found: the scenario files to read, and warnings for what was left unread.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Every `.ron` file to read, each folder's files sorted, as shown to the user.
    pub files: Vec<PathBuf>,
    /// One warning per entry not read (a link leading outside the chosen folder, a loop, a pipe or
    /// device, a folder that cannot be read), each naming its path.
    pub skipped: Vec<Diagnostic>,
}

/// Every `.ron` file under `paths` (folders are searched recursively), sorted, as shown to the user.
/// What was left unread is dropped; [`discover`] also says why.
pub fn find_ron_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, PathError> {
    Ok(discover(paths)?.files)
}

/// Find the `.ron` files under `paths` without ever leaving the folders given: a symbolic link is
/// followed only when its target (resolved) is inside the folder being searched, each real folder is
/// searched once (so links cannot loop or multiply the work), and pipes, devices and sockets are never
/// opened. A file reached by two paths is read once. A file given directly is taken as it is, but
/// refused when it is not a regular file.
pub fn discover(paths: &[PathBuf]) -> Result<Discovery, PathError> {
    let mut found = Discovery::default();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    for path in paths {
        let shown = || path.display().to_string();
        let meta = fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => PathError::Missing(shown()),
            _ => PathError::Unreadable { path: shown(), source: e },
        })?;
        if meta.is_dir() {
            search_folder(path, &mut found, &mut seen);
        } else if meta.is_file() {
            if seen.insert(fs::canonicalize(path).unwrap_or_else(|_| path.clone())) {
                found.files.push(path.clone());
            }
        } else {
            return Err(PathError::NotRegular(shown()));
        }
    }
    Ok(found)
}

/// A name that would be read as a scenario or lexicon.
fn is_ron(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "ron")
}

fn skipped(path: &Path, code: &'static str, message: String, hint: &str) -> Diagnostic {
    Diagnostic::warning(code, message).with_hint(hint).in_file(path.display().to_string())
}

/// Search one chosen folder (see [`discover`]), adding its files and warnings to `found`.
fn search_folder(root: &Path, found: &mut Discovery, seen: &mut HashSet<PathBuf>) {
    let Ok(root_real) = fs::canonicalize(root) else {
        found.skipped.push(skipped(
            root,
            "unreadable-folder",
            "cannot resolve this folder; its scenario files were not read".into(),
            "check that it exists and you may read it",
        ));
        return;
    };
    let mut visited: HashSet<PathBuf> = HashSet::from([root_real.clone()]);
    let mut outside: Vec<PathBuf> = Vec::new();
    let walker = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter().filter_entry(|e| {
        if e.depth() == 0 || !(e.path_is_symlink() || e.file_type().is_dir()) {
            return true;
        }
        // Let the walk report what cannot be resolved (a broken link).
        let Ok(real) = fs::canonicalize(e.path()) else { return true };
        if !real.starts_with(&root_real) {
            if e.file_type().is_dir() || is_ron(e.path()) {
                outside.push(e.path().to_path_buf());
            }
            return false;
        }
        !e.file_type().is_dir() || visited.insert(real)
    });
    let mut files = Vec::new();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && is_ron(e.path()) => {
                let real = fs::canonicalize(e.path()).unwrap_or_else(|_| e.path().to_path_buf());
                if seen.insert(real) {
                    files.push(e.into_path());
                }
            }
            Ok(e) if !e.file_type().is_file() && !e.file_type().is_dir() && is_ron(e.path()) => {
                found.skipped.push(skipped(
                    e.path(),
                    "not-a-regular-file",
                    "not read: this is a pipe, device or socket, not a regular file".into(),
                    "replace it with an ordinary .ron file, or remove it",
                ));
            }
            Ok(_) => {}
            Err(e) => found.skipped.extend(walk_warning(&e)),
        }
    }
    files.sort();
    found.files.extend(files);
    for path in outside {
        found.skipped.push(skipped(
            &path,
            "link-outside-folder",
            format!("not read: this link leads outside the folder {}", root.display()),
            "links are followed only to files and folders inside the chosen folder; copy the file in instead",
        ));
    }
}

/// The warning for an entry the walk could not read (none for a broken link that is not a `.ron` file).
fn walk_warning(e: &walkdir::Error) -> Option<Diagnostic> {
    let path = e.path().unwrap_or(Path::new("."));
    if e.loop_ancestor().is_some() {
        return Some(skipped(
            path,
            "folder-loop",
            "not read: this link leads back to a folder that contains it (a loop)".into(),
            "remove the link; the folder it points to is searched already",
        ));
    }
    let io = e.io_error();
    if io.is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound) {
        return is_ron(path).then(|| {
            skipped(path, "link-broken", "not read: this link leads nowhere".into(), "remove the link or fix it")
        });
    }
    let reason = io.map_or_else(|| e.to_string(), ToString::to_string);
    Some(skipped(
        path,
        "unreadable-folder",
        format!("cannot read this folder ({reason}); the scenario files in it were not loaded"),
        "check the folder's permissions",
    ))
}

/// Read one file for checking: refuses files over 1 MiB without reading them.
pub fn read_input(path: &Path) -> FileInput {
    let kind =
        if path.file_name().is_some_and(|n| n == LEXICON_FILE_NAME) { FileKind::Lexicon } else { FileKind::Scenario };
    FileInput { path: path.display().to_string(), kind, contents: read_limited(path) }
}

fn read_limited(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let unreadable = |e: std::io::Error| {
        Diagnostic::error("unreadable", format!("cannot read the file: {e}"))
            .with_hint("check that it exists and you may read it")
    };
    // Look before opening: opening a pipe for reading waits until something writes to it.
    if !fs::metadata(path).map_err(unreadable)?.is_file() {
        return Err(Diagnostic::error("not-a-regular-file", "not read: this is a pipe, device or socket, not a file")
            .with_hint("give an ordinary .ron file"));
    }
    let file = fs::File::open(path).map_err(unreadable)?;
    let len = file.metadata().map_err(unreadable)?.len();
    if let Some(d) = check_size(len) {
        return Err(d);
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // Read one byte past the limit so a file that grew since `metadata` is still refused.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    match check_size(bytes.len() as u64) {
        Some(d) => Err(d),
        None => Ok(bytes),
    }
}

/// The `assets/` folder for a scenario file: the nearest one in its folder or any folder above.
pub fn assets_dir_for(scenario_file: &Path) -> Option<PathBuf> {
    let absolute = fs::canonicalize(scenario_file).ok()?;
    absolute.ancestors().skip(1).map(|dir| dir.join("assets")).find(|candidate| candidate.is_dir())
}

/// True when `voice` (relative to the assets folder) names an existing file inside that folder.
pub fn voice_file_exists(scenario_file: &Path, voice: &str) -> bool {
    resolve_voice(scenario_file, voice).is_some()
}

/// The full path of a turn's voice file, when it exists inside the assets folder.
pub fn resolve_voice(scenario_file: &Path, voice: &str) -> Option<PathBuf> {
    let assets = assets_dir_for(scenario_file)?;
    let full = fs::canonicalize(assets.join(voice)).ok()?;
    (full.starts_with(&assets) && full.is_file()).then_some(full)
}

/// The nearest `lexicon.ron` in the folder of `path` (or `path` itself, when a folder) or any folder
/// above. Only a regular file counts: a link (which could lead anywhere) or a pipe is passed over.
pub fn nearest_lexicon(path: &Path) -> Option<PathBuf> {
    let absolute = fs::canonicalize(path).ok()?;
    let start = if absolute.is_dir() { absolute.as_path() } else { absolute.parent()? };
    start
        .ancestors()
        .map(|dir| dir.join(LEXICON_FILE_NAME))
        .find(|candidate| fs::symlink_metadata(candidate).is_ok_and(|m| m.file_type().is_file()))
}

/// Find, read and check every scenario file under `paths`, with the lexicon that governs them:
/// lexicon files inside `paths`, else the nearest `lexicon.ron` above each path.
/// Entries left unread (see [`discover`]) are added to the library's diagnostics as warnings.
pub fn load_library(paths: &[PathBuf]) -> Result<Library, PathError> {
    load_with(paths, Library::build)
}

/// Like [`load_library`] without running the author tests (the window runs them after its first
/// frame, from [`Library::author_test_jobs`]).
pub fn load_library_untested(paths: &[PathBuf]) -> Result<Library, PathError> {
    load_with(paths, Library::build_untested)
}

/// How a library is built from the files read.
type Build = fn(Vec<FileInput>, &VoiceExists) -> Library;

fn load_with(paths: &[PathBuf], build: Build) -> Result<Library, PathError> {
    let Discovery { mut files, skipped } = discover(paths)?;
    let has_lexicon = files.iter().any(|f| f.file_name().is_some_and(|n| n == LEXICON_FILE_NAME));
    if !has_lexicon {
        let mut extra: Vec<PathBuf> = paths.iter().filter_map(|p| nearest_lexicon(p)).collect();
        extra.sort();
        extra.dedup();
        files.extend(extra);
    }
    let inputs = files.iter().map(|p| read_input(p)).collect();
    let mut library = build(inputs, &|file, voice| voice_file_exists(Path::new(file), voice));
    library.diagnostics.extend(skipped);
    Ok(library)
}

/// Where the bundled scenarios are: `./scenarios`, else beside the executable or its build folder,
/// else where `make install` puts them (`PREFIX/share/followthrough/scenarios` for `PREFIX/bin`).
pub fn default_scenarios_dir() -> PathBuf {
    let here = PathBuf::from("scenarios");
    if here.is_dir() {
        return here;
    }
    let exe_dir = std::env::current_exe().ok().and_then(|p| p.parent().map(Path::to_path_buf));
    exe_dir
        .into_iter()
        .flat_map(|d| {
            let installed = d.parent().map(|prefix| prefix.join("share/followthrough/scenarios"));
            d.ancestors().take(4).map(|a| a.join("scenarios")).chain(installed).collect::<Vec<_>>()
        })
        .find(|p| p.is_dir())
        .unwrap_or(here)
}

/// Write `text` to a new file at `path` in one step: a temporary file beside it, renamed into place
/// only when nothing is there, so an existing file is never touched and no half-written file appears.
pub fn write_new_file(path: &Path, text: &str) -> Result<(), FileError> {
    if path.exists() {
        return Err(FileError::Exists(path.display().to_string()));
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(FileError::io("cannot create the folder", &parent))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".followthrough-new-")
        .suffix(".tmp")
        .tempfile_in(&parent)
        .map_err(FileError::io("cannot write in", &parent))?;
    temp.write_all(text.as_bytes())
        .and_then(|()| shareable(temp.as_file()))
        .and_then(|()| temp.as_file().sync_all())
        .map_err(FileError::io("cannot write", path))?;
    temp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            FileError::Exists(path.display().to_string())
        } else {
            FileError::io("cannot write", path)(e.error)
        }
    })?;
    Ok(())
}

/// The text of a file as it is on disk now (e.g. before editing it).
pub fn read_text(path: &Path) -> Result<String, FileError> {
    fs::read_to_string(path).map_err(FileError::io("cannot read", path))
}

/// Temporary files are private (0600); a scenario is shared with the team like any file (0644).
#[cfg(unix)]
fn shareable(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn shareable(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

/// Replace the text of an existing file in one step (a temporary file beside it, synced, then
/// renamed over it), so a crash never leaves a half-written scenario.
pub fn replace_file(path: &Path, text: &str) -> Result<(), FileError> {
    let shown = path.to_path_buf();
    // Write where a symlink points (so the link stays a link), with the file's own permissions.
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let path = target.as_path();
    let permissions = std::fs::metadata(path).map(|m| m.permissions()).ok();
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".followthrough-edit-")
        .suffix(".tmp")
        .tempfile_in(&parent)
        .map_err(FileError::io("cannot write in", &parent))?;
    temp.write_all(text.as_bytes())
        .and_then(|()| match permissions {
            Some(p) => temp.as_file().set_permissions(p),
            None => Ok(()),
        })
        .and_then(|()| temp.as_file().sync_all())
        .map_err(FileError::io("cannot write", &shown))?;
    temp.persist(path).map_err(|e| FileError::io("cannot write", &shown)(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn rewriting_keeps_the_permissions_and_the_symlink_and_new_files_are_shareable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real.ron");
        std::fs::write(&real, "old").expect("write");
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        replace_file(&link, "new").expect("replace");
        assert!(std::fs::symlink_metadata(&link).expect("meta").file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).expect("read"), "new");
        assert_eq!(std::fs::metadata(&real).expect("meta").permissions().mode() & 0o777, 0o640);
        let fresh = dir.path().join("sub/fresh.ron");
        write_new_file(&fresh, "x").expect("new");
        assert_eq!(std::fs::metadata(&fresh).expect("meta").permissions().mode() & 0o777, 0o644);
        assert!(write_new_file(&fresh, "y").is_err(), "never overwritten");
    }

    #[test]
    fn voice_files_must_stay_inside_assets() {
        let dir = tempfile::tempdir().expect("tempdir");
        let scenarios = dir.path().join("scenarios");
        fs::create_dir_all(scenarios.join("bank")).expect("mkdir");
        fs::create_dir_all(dir.path().join("assets/voices")).expect("mkdir");
        fs::write(dir.path().join("assets/voices/a.wav"), b"RIFF").expect("write");
        fs::write(dir.path().join("secret.wav"), b"RIFF").expect("write");
        let file = scenarios.join("bank/x.ron");
        fs::write(&file, b"").expect("write");
        assert!(voice_file_exists(&file, "voices/a.wav"));
        assert!(!voice_file_exists(&file, "voices/b.wav"));
        assert!(!voice_file_exists(&file, "../secret.wav"));
    }

    #[test]
    fn large_files_are_refused_unread() {
        let dir = tempfile::tempdir().expect("tempdir");
        let big = dir.path().join("big.ron");
        fs::write(&big, vec![b' '; (MAX_FILE_BYTES + 10) as usize]).expect("write");
        let input = read_input(&big);
        assert_eq!(input.contents.expect_err("too big").code, "file-too-large");
    }

    #[test]
    fn missing_paths_are_reported() {
        assert!(find_ron_files(&[PathBuf::from("/definitely/not/here")]).is_err());
    }
}
