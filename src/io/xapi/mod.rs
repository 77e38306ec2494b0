//! Sending the queued xAPI statements to the organisation's Learning Record Store: the connection
//! settings (`config`, the secret kept 0600 and never printed) and the sender (`send`), which runs
//! on whichever thread calls it (the CLI's, or [`spawn_sender`]'s background thread; never the
//! window's).

mod config;
mod send;

pub use config::{CONFIG_FILE, LrsConfig, LrsConfigError};
pub use send::{DrainError, DrainReport, RetryPolicy, Sender, spawn_sender};
