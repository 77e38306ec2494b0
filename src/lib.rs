//! FollowThrough: a desktop trainer for Taking Ownership and Following Up.
//!
//! Layers: [`core`] is pure (model, validation, scoring), [`io`] touches the world,
//! [`ui`] draws with egui, [`cli`] is the command line. See `docs/ARCHITECTURE.md`.

// A `Diagnostic` is the error of every file-reading step; it travels once per file, so its size
// (file, message, hint, two positions) is not worth boxing.
#![allow(clippy::result_large_err)]

pub mod cli;
pub mod core;
pub mod io;
pub mod ui;
