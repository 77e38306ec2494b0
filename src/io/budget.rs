//! Clock-reading scoring budgets for `core::scoring::budget::Budget` (the core never reads a clock).

use std::cell::Cell;
use std::time::{Duration, Instant};

use crate::core::scoring::budget::Budget;

/// How long one turn's scoring may take before the drill gets the criteria that finished.
pub const TURN_BUDGET: Duration = Duration::from_millis(500);

/// How long one criterion may take on its own model answer or an author test before `check` says
/// it is too slow: as long as a drill gives a whole turn (ordinary criteria take milliseconds).
pub const CRITERION_BUDGET: Duration = TURN_BUDGET;

/// The whole scoring of a turn must finish by a moment.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    end: Instant,
}

impl Deadline {
    /// A deadline `limit` from now.
    pub fn after(limit: Duration) -> Self {
        Self { end: Instant::now() + limit }
    }
}

impl Budget for Deadline {
    fn exhausted(&self) -> bool {
        Instant::now() >= self.end
    }
}

/// Each criterion gets `limit` of its own, counted from when it starts.
#[derive(Debug, Clone)]
pub struct PerCriterion {
    limit: Duration,
    started: Cell<Instant>,
}

impl PerCriterion {
    /// A budget of `limit` per criterion.
    pub fn new(limit: Duration) -> Self {
        Self { limit, started: Cell::new(Instant::now()) }
    }

    /// The limit, for messages.
    pub fn limit(&self) -> Duration {
        self.limit
    }
}

impl Budget for PerCriterion {
    fn criterion_started(&self, _index: usize) {
        self.started.set(Instant::now());
    }

    fn exhausted(&self) -> bool {
        self.started.get().elapsed() >= self.limit
    }
}
