//! Progress: what is kept of every attempt (`attempt`), the per-employee progress report built
//! from those attempts (`report`) and the team view built the same way for every employee (`team`).

mod attempt;
pub mod report;
pub mod team;

pub use attempt::{Activity, Attempt, AttemptMode, CriterionOutcome, Override, Scorer, TurnAttempt};
