//! Finding and reading scenario files. Checking them is the core's job ([`Library::build`]).

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::core::diagnostic::Diagnostic;
use crate::core::library::{FileInput, FileKind, Library};
use crate::core::parse::{MAX_FILE_BYTES, check_size};

/// The file name that marks a lexicon (shared synonym sets) rather than a scenario.
pub const LEXICON_FILE_NAME: &str = "lexicon.ron";

/// A path given on the command line that does not exist.
#[derive(Debug, thiserror::Error)]
#[error("{0}: no such file or folder")]
pub struct MissingPath(pub String);

/// Every `.ron` file under `paths` (folders are searched recursively), sorted, as shown to the user.
pub fn find_ron_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, MissingPath> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .follow_links(true)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "ron"))
                .map(|e| e.into_path())
                .collect();
            found.sort();
            files.extend(found);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            return Err(MissingPath(path.display().to_string()));
        }
    }
    Ok(files)
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

/// The nearest `lexicon.ron` in the folder of `path` (or `path` itself, when a folder) or any folder above.
pub fn nearest_lexicon(path: &Path) -> Option<PathBuf> {
    let absolute = fs::canonicalize(path).ok()?;
    let start = if absolute.is_dir() { absolute.as_path() } else { absolute.parent()? };
    start.ancestors().map(|dir| dir.join(LEXICON_FILE_NAME)).find(|candidate| candidate.is_file())
}

/// Find, read and check every scenario file under `paths`, with the lexicon that governs them:
/// lexicon files inside `paths`, else the nearest `lexicon.ron` above each path.
pub fn load_library(paths: &[PathBuf]) -> Result<Library, MissingPath> {
    let mut files = find_ron_files(paths)?;
    let has_lexicon = files.iter().any(|f| f.file_name().is_some_and(|n| n == LEXICON_FILE_NAME));
    if !has_lexicon {
        let mut extra: Vec<PathBuf> = paths.iter().filter_map(|p| nearest_lexicon(p)).collect();
        extra.sort();
        extra.dedup();
        files.extend(extra);
    }
    let inputs = files.iter().map(|p| read_input(p)).collect();
    Ok(Library::build(inputs, &|file, voice| voice_file_exists(Path::new(file), voice)))
}

/// Where the bundled scenarios are: `./scenarios`, else beside the executable or its build folder.
pub fn default_scenarios_dir() -> PathBuf {
    let here = PathBuf::from("scenarios");
    if here.is_dir() {
        return here;
    }
    let exe_dir = std::env::current_exe().ok().and_then(|p| p.parent().map(Path::to_path_buf));
    exe_dir
        .into_iter()
        .flat_map(|d| d.ancestors().take(4).map(|a| a.join("scenarios")).collect::<Vec<_>>())
        .find(|p| p.is_dir())
        .unwrap_or(here)
}

/// Write `text` to a new file at `path` in one step: a temporary file beside it, renamed into place
/// only when nothing is there, so an existing file is never touched and no half-written file appears.
pub fn write_new_file(path: &Path, text: &str) -> Result<(), String> {
    let shown = path.display();
    if path.exists() {
        return Err(format!("{shown} already exists; not overwriting it (choose another --id or --out)"));
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| format!("cannot create the folder {}: {e}", parent.display()))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".followthrough-new-")
        .suffix(".tmp")
        .tempfile_in(&parent)
        .map_err(|e| format!("cannot write in {}: {e}", parent.display()))?;
    temp.write_all(text.as_bytes())
        .and_then(|()| shareable(temp.as_file()))
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| format!("cannot write {shown}: {e}"))?;
    temp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            format!("{shown} already exists; not overwriting it (choose another --id or --out)")
        } else {
            format!("cannot write {shown}: {}", e.error)
        }
    })?;
    Ok(())
}

/// The text of a file as it is on disk now (e.g. before editing it).
pub fn read_text(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
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
pub fn replace_file(path: &Path, text: &str) -> Result<(), String> {
    let shown = path.display();
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
        .map_err(|e| format!("cannot write in {}: {e}", parent.display()))?;
    temp.write_all(text.as_bytes())
        .and_then(|()| match permissions {
            Some(p) => temp.as_file().set_permissions(p),
            None => Ok(()),
        })
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| format!("cannot write {shown}: {e}"))?;
    temp.persist(path).map_err(|e| format!("cannot write {shown}: {}", e.error))?;
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
