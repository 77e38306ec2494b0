//! Where FollowThrough keeps its data: `FOLLOWTHROUGH_DATA_DIR` when set (tests, the smoke test,
//! portable installs), else the platform's data folder.

use std::path::PathBuf;

/// The environment variable that overrides the data folder.
pub const DATA_DIR_VAR: &str = "FOLLOWTHROUGH_DATA_DIR";

/// The data folder (not created here).
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_DIR_VAR).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("org", "FollowThrough", "FollowThrough")
        .map(|p| p.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".followthrough"))
}

/// The file where eframe keeps the window's preferences (font scale, theme, sound) as RON, apart
/// from progress data (eframe's `persistence_path` names the file itself, not a folder).
pub fn ui_settings_dir(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("ui")
}
