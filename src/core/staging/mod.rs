//! Staging: what each employee practises next. Scenarios roll out by priority (importance x
//! frequency) in small stages, each unlocking as the ones before are mastered; mastered ones are
//! refreshed before they fade, using a memory model; a daily time budget decides what waits.
//!
//! Pure: time comes in as a day number (days since the Unix epoch, fractional), history as
//! reviews, randomness as a seed. The simulation that chose this design is in [`simulate`].

pub mod item;
pub mod learner_state;
pub mod memory;
pub mod plan;
pub mod rollout;
pub mod simulate;

pub use item::{Item, ItemState, Review};
pub use learner_state::LearnerState;
pub use memory::{MemoryModel, Rating};
pub use plan::{Plan, PlanItem, Reason, plan};
pub use rollout::{Status, rollout};

/// What the trainer or employee can tune.
#[derive(Debug, Clone, PartialEq)]
pub struct StagingSettings {
    /// How many scenarios are being learnt (drilled but not yet mastered) at once.
    pub stage_size: usize,
    /// Passes in a row that count as mastery.
    pub mastery_streak: u32,
    /// Lowest score (0-100) a pass needs to count towards mastery.
    pub mastery_score: f64,
    /// Recall below which a mastered scenario is due for refresh.
    pub desired_retention: f64,
    /// Minutes a day for practice.
    pub daily_minutes: f64,
    /// Days ahead over which a drill's benefit is weighed.
    pub horizon_days: f64,
    /// How many of the highest-priority scenarios are never left waiting for lack of time when
    /// due (the plan goes over budget for them rather than drop them).
    pub protected_top: usize,
    /// Offer a script rehearsal before the first drill of a new scenario.
    pub rehearse_first: bool,
    /// Chance that the very first drill of a scenario is passed (before anything is known).
    pub first_pass_guess: f64,
}

/// The defaults were chosen by `followthrough simulate` (see docs/staging.md): a wider stage
/// and a single pass for mastery retained more than 3 at a time with 2 passes in a row.
impl Default for StagingSettings {
    fn default() -> Self {
        Self {
            stage_size: 8,
            mastery_streak: 1,
            mastery_score: 0.0,
            desired_retention: 0.9,
            daily_minutes: 15.0,
            horizon_days: 10.0,
            protected_top: 3,
            rehearse_first: true,
            first_pass_guess: 0.5,
        }
    }
}

/// Seconds per day, for turning timestamps into day numbers.
pub const SECONDS_PER_DAY: f64 = 86_400.0;

/// The day number (days since 1970-01-01 UTC, fractional) of a timestamp.
pub fn day_number(at: jiff::Timestamp) -> f64 {
    at.as_millisecond() as f64 / 1000.0 / SECONDS_PER_DAY
}
