//! The pure core: the scenario model, its validation and (later) scoring, drills and staging.
//!
//! Nothing here touches files, windows, audio or clocks; time and randomness are passed in.

pub mod author_test_writer;
pub mod author_tests;
pub mod authoring;
pub mod branch_map;
pub mod catalogue;
pub mod coach;
pub mod diagnostic;
pub mod drill;
pub mod group_session;
pub mod library;

pub mod parse;
pub mod pattern;
pub mod progress;
pub mod quiz;
pub mod quiz_round;
pub mod rehearsal;
pub mod rehearsal_session;
pub mod report;
pub mod sandbox;
pub mod scenario;
pub mod scoring;
pub mod source_map;
pub mod staging;
pub mod template;
#[cfg(test)]
mod test_fixtures;
pub mod validate;
pub mod vocab;
pub mod xapi;
