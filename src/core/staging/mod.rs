//! Staging: what each employee practises next. Scenarios roll out by priority (importance x
//! frequency) in small stages, each unlocking as the ones before are mastered; mastered ones are
//! refreshed before they fade, using a memory model; a daily time budget decides what waits.
//!
//! Pure: time comes in as a day number (days since the Unix epoch, fractional), history as
//! reviews, randomness as a seed. The simulation that chose this design is in [`simulate`].

pub mod half_life;
pub mod item;
pub mod learner_state;
pub mod memory;
pub mod plan;
pub mod rollout;
pub mod simulate;

pub use half_life::{Curve, HalfLife};
pub use item::{Item, ItemState, Review};
pub use learner_state::LearnerState;
pub use memory::{MemoryModel, Rating};
pub use plan::{Plan, PlanItem, Reason, plan, plan_with_curve};
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
    /// Estimate the first-drill pass chance from the employee's own first drills (with
    /// `first_pass_guess` as the prior) rather than use the guess for everyone.
    pub fit_first_pass: bool,
    /// The mission guard: each day the highest-priority of the top `mission_top` scenarios not
    /// yet passed `mission_passes` times goes first (0 turns the guard off).
    pub mission_top: usize,
    /// Passes the mission guard asks of each top scenario.
    pub mission_passes: u32,
    /// A first-stage scenario failed last time goes before new material, like a due refresh
    /// (off: it is ranked by its worth like the rest).
    pub failed_first: bool,
    /// Fit a half-life curve to the employee beside the calibrated FSRS and plan with it when it
    /// explains their drills clearly better.
    pub choose_curve: bool,
}

/// The defaults were chosen by `followthrough simulate` (see docs/staging.md): a wider stage
/// and a single pass for mastery retained more than 3 at a time with 2 passes in a row.
impl Default for StagingSettings {
    fn default() -> Self {
        Self {
            stage_size: 12,
            mastery_streak: 1,
            mastery_score: 0.0,
            desired_retention: 0.9,
            daily_minutes: 15.0,
            horizon_days: 10.0,
            protected_top: 3,
            rehearse_first: true,
            first_pass_guess: 0.5,
            fit_first_pass: true,
            mission_top: 5,
            mission_passes: 2,
            failed_first: false,
            choose_curve: true,
        }
    }
}

impl StagingSettings {
    /// The rules shipped before the adaptive policy (no mission guard, one first-pass guess for
    /// everyone, a 10-day horizon); kept so the benchmark can show what changed.
    pub fn legacy() -> Self {
        Self {
            fit_first_pass: false,
            mission_top: 0,
            failed_first: true,
            choose_curve: false,
            horizon_days: 10.0,
            stage_size: 8,
            ..Self::default()
        }
    }
}

/// Seconds per day, for turning timestamps into day numbers.
pub const SECONDS_PER_DAY: f64 = 86_400.0;

/// The day number (days since 1970-01-01 UTC, fractional) of a timestamp.
pub fn day_number(at: jiff::Timestamp) -> f64 {
    at.as_millisecond() as f64 / 1000.0 / SECONDS_PER_DAY
}
