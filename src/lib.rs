//! FollowThrough: a desktop trainer for Taking Ownership and Following Up.
//!
//! Layers: [`core`] is pure (model, validation, scoring), [`io`] touches the world,
//! [`ui`] draws with egui, [`cli`] is the command line. See `docs/ARCHITECTURE.md`.

pub mod cli;
pub mod core;
pub mod io;
pub mod ui;
