//! The layer that touches the world: scenario files and folders (later: the progress store, audio).

pub mod scenario_files;
