//! Sending the queued xAPI statements to the organisation's Learning Record Store: the connection
//! settings (`config`, the secret kept 0600 and never printed), the sender (`send`), which runs
//! on whichever thread calls it (the CLI's, or [`spawn_sender`]'s background thread; never the
//! window's), and reading statements back for the team view (`fetch`).

mod config;
mod fetch;
mod send;

pub use config::{CONFIG_FILE, LrsConfig, LrsConfigError};
pub use fetch::{FetchError, Reader};
pub use send::{DrainError, DrainReport, RetryPolicy, Sender, SenderControl, spawn_sender};
