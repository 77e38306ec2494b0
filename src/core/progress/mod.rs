//! Progress: what is kept of every attempt (`attempt`) and the per-employee progress report built
//! from those attempts (`report`).

mod attempt;
pub mod report;

pub use attempt::{Activity, Attempt, AttemptMode, CriterionOutcome, Override, Scorer, TurnAttempt};
