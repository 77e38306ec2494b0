//! One employee's staging picture, built from their recorded attempts: the scheduler's items
//! for the library, each scenario's state, and the memory model calibrated to them.

use super::half_life::{Curve, HalfLife};
use super::item::{Item, ItemState, Review};
use super::memory::MemoryModel;
use super::plan::{Plan, plan_with_curve};
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
    /// The half-life curve fitted to the employee, when it explains their drills clearly better
    /// than the calibrated FSRS (and `settings.choose_curve` is on).
    pub half_life: Option<HalfLife>,
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

/// A coach session records each answered turn as an attempt of its own; such a one-turn attempt
/// speaks for the whole scenario only when the scenario has one turn.
fn covers_whole_scenario(attempt: &Attempt, scenario: &Scenario) -> bool {
    attempt.mode != AttemptMode::Group || scenario.turns.len() <= 1
}

impl LearnerState {
    /// The picture for `scenarios` from this employee's `attempts` (attempts on scenarios not in
    /// the library are ignored).
    pub fn new<'a>(
        scenarios: impl IntoIterator<Item = &'a Scenario>,
        attempts: &[Attempt],
        settings: &StagingSettings,
    ) -> Self {
        let scenarios: Vec<&Scenario> = scenarios.into_iter().collect();
        let items: Vec<Item> = scenarios.iter().map(|s| Item::from_scenario(s)).collect();
        let base = MemoryModel::default();
        let mut observations = Vec::new();
        let states = items
            .iter()
            .zip(&scenarios)
            .map(|(item, scenario)| {
                let mine = || attempts.iter().filter(|a| a.scenario_id == item.id);
                let reviews: Vec<Review> =
                    mine().filter(|a| covers_whole_scenario(a, scenario)).filter_map(review_of).collect();
                let state = ItemState::with_observations(&reviews, &base, settings, &mut observations);
                ItemState { rehearsed: mine().any(|a| a.mode == AttemptMode::Rehearsal), ..state }
            })
            .collect();
        let model = base.fitted(&observations);
        let half_life = match settings.choose_curve.then(|| Curve::choose(&model, &observations)) {
            Some(Curve::HalfLife(h)) => Some(h),
            _ => None,
        };
        Self { items, states, model, settings: settings.clone(), half_life }
    }

    /// The plan for `day` (a day number); ties break the same way all day long.
    pub fn plan(&self, day: f64) -> Plan {
        let curve = self.half_life.map_or(Curve::Fsrs(&self.model), Curve::HalfLife);
        plan_with_curve(&self.items, &self.states, &curve, &self.settings, day, day.floor() as u64)
    }
}
