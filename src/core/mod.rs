//! The pure core, one folder per subject: the scenario format, the library, scoring, the drill,
//! authoring, coach mode, rehearsal, the quiz, progress and staging.
//!
//! Nothing here touches files, windows, audio or clocks; time and randomness are passed in.

pub mod authoring;
pub mod coach;
pub mod csv_cell;
pub mod drill;
pub mod library;
pub mod plural;
pub mod progress;
pub mod quiz;
pub mod rehearsal;
pub mod scenario;
pub mod scoring;
pub mod seed;
pub mod staging;
#[cfg(test)]
mod test_fixtures;
pub mod xapi;
