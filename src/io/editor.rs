//! Opening a scenario file for editing and showing it in the file manager.

use std::path::Path;
use std::process::Command;

use super::file_error::FileError;

/// Open `file` in the trainer's editor: `$VISUAL` when set (the graphical editor, with any
/// arguments it carries, e.g. `code -w`), else the system's default application for the file.
/// `$EDITOR` is not used: it is usually a terminal editor, and the app has no terminal to give it.
pub fn open_in_editor(file: &Path) -> Result<(), FileError> {
    let editor = std::env::var("VISUAL").ok();
    open_with(editor.as_deref(), file)
}

/// Open `file` with `editor` (a command line; None or blank: the system's default application).
pub fn open_with(editor: Option<&str>, file: &Path) -> Result<(), FileError> {
    match editor.filter(|e| !e.trim().is_empty()) {
        Some(editor) => {
            let mut words = editor.split_whitespace();
            let program = words.next().unwrap_or_default();
            Command::new(program)
                .args(words)
                .arg(file)
                .spawn()
                // Wait for it on a thread of its own, so a closed editor leaves no zombie behind.
                .map(|mut child| {
                    std::thread::spawn(move || child.wait());
                })
                .map_err(FileError::io(&format!("cannot start the editor `{editor}` for"), file))
        }
        None => open::that_detached(file).map_err(|source| FileError::Io {
            doing: format!("cannot open {} (no default application? set $EDITOR)", file.display()),
            source,
        }),
    }
}

/// Show the folder holding `file` in the system's file manager.
pub fn reveal(file: &Path) -> Result<(), FileError> {
    let folder = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    open::that_detached(folder).map_err(FileError::io("cannot open the folder", folder))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_command_gets_the_file_and_a_missing_one_is_named() {
        assert!(open_with(Some("true --wait"), Path::new("x.ron")).is_ok());
        let err = open_with(Some("followthrough-no-such-editor -w"), Path::new("x.ron"))
            .expect_err("no such program")
            .to_string();
        assert!(err.contains("followthrough-no-such-editor") && err.contains("x.ron"), "{err}");
    }
}
