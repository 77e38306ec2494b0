//! One employee's staging picture, built from their recorded attempts: the scheduler's items
//! for the library, each scenario's state, and the memory model calibrated to them.

use super::item::{Item, ItemState, Review};
use super::memory::MemoryModel;
use super::plan::{Plan, plan};
use super::{StagingSettings, day_number};
use crate::core::progress::{Attempt, AttemptMode};
use crate::core::scenario::Scenario;

/// What the scheduler knows about one employee.
#[derive(Debug, Clone)]
pub struct LearnerState {
    /// The library's scenarios as the scheduler sees them.
    pub items: Vec<Item>,
    /// The employee's state per scenario (same order as `items`).
    pub states: Vec<ItemState>,
    /// FSRS calibrated to this employee's results.
    pub model: MemoryModel,
    /// The settings the states were built with.
    pub settings: StagingSettings,
}

/// A finished drill as the scheduler sees it (`None` for a drill left part way, which says nothing
/// sure, and for rehearsals and quizzes, which are not drills).
pub fn review_of(attempt: &Attempt) -> Option<Review> {
    attempt.is_finished_drill().then(|| Review {
        day: day_number(attempt.started_at),
        passed: attempt.passed(),
        score: attempt.score(),
        over_time: attempt.over_time(),
    })
}

impl LearnerState {
    /// The picture for `scenarios` from this employee's `attempts` (attempts on scenarios not in
    /// the library are ignored).
    pub fn new<'a>(
        scenarios: impl IntoIterator<Item = &'a Scenario>,
        attempts: &[Attempt],
        settings: &StagingSettings,
    ) -> Self {
        let items: Vec<Item> = scenarios.into_iter().map(Item::from_scenario).collect();
        let base = MemoryModel::default();
        let mut observations = Vec::new();
        let states = items
            .iter()
            .map(|item| {
                let mine = || attempts.iter().filter(|a| a.scenario_id == item.id);
                let reviews: Vec<Review> = mine().filter_map(review_of).collect();
                let state = ItemState::with_observations(&reviews, &base, settings, &mut observations);
                ItemState { rehearsed: mine().any(|a| a.mode == AttemptMode::Rehearsal), ..state }
            })
            .collect();
        Self { items, states, model: base.fitted(&observations), settings: settings.clone() }
    }

    /// The plan for `day` (a day number); ties break the same way all day long.
    pub fn plan(&self, day: f64) -> Plan {
        plan(&self.items, &self.states, &self.model, &self.settings, day, day.floor() as u64)
    }
}
