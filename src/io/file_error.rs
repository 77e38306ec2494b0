//! The error of writing, reading and opening files and programs: what the app was doing, in words,
//! and the operating system's reason.

use std::path::Path;

/// A file the app could not read, write or open, or a program it could not start.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// A new file was asked for where one already is; it is never overwritten.
    #[error("{0} already exists; not overwriting it (choose another --id or --out)")]
    Exists(String),
    /// The operating system refused; `doing` says what was tried ("cannot write x.ron").
    #[error("{doing}: {source}")]
    Io {
        /// What was being done, with the path.
        doing: String,
        /// Why it failed.
        #[source]
        source: std::io::Error,
    },
}

impl FileError {
    /// A maker of [`FileError::Io`] for `map_err`: `doing` is e.g. "cannot write", `path` the file.
    pub fn io(doing: &str, path: &Path) -> impl FnOnce(std::io::Error) -> FileError {
        let doing = format!("{doing} {}", path.display());
        move |source| FileError::Io { doing, source }
    }
}
