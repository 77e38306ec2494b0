//! Writing a whole file so that a crash or a full disk never leaves half of it: the bytes go to a
//! temporary file beside it, are flushed to disk, and the temporary file is renamed over the old one.

use std::io::Write;
use std::path::Path;

use crate::io::file_error::FileError;

/// Replace `path` with `bytes` atomically: a reader sees the old file or the new one, never a part.
/// The folder must exist.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(FileError::io("cannot write", path))?;
    tmp.write_all(bytes).map_err(FileError::io("cannot write", path))?;
    tmp.as_file().sync_all().map_err(FileError::io("cannot write", path))?;
    tmp.persist(path).map_err(|e| FileError::io("cannot write", path)(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_new_bytes_replace_the_old_and_no_temporary_file_stays() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("settings.json");
        write_atomically(&path, b"old").expect("first write");
        write_atomically(&path, b"new").expect("second write");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1, "only the file itself");
    }
}
