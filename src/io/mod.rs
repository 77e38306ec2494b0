//! The layer that touches the world: scenario files and folders (later: the progress store, audio).

pub mod atomic_file;
pub mod audio;
pub mod budget;
pub mod dirs;
pub mod editor;
pub mod file_error;
pub mod profiles;
pub mod recording;
pub mod scenario_files;
pub mod store;
pub mod team;
pub mod watch;
pub mod window_place;
pub mod xapi;
