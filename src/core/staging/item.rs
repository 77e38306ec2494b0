//! The scheduler's view of a scenario (priority, prerequisites, minutes) and of one employee's
//! history with it (memory, pass streak, mastery).

use super::StagingSettings;
use super::memory::{Memory, MemoryModel, Observation, Rating};
use crate::core::scenario::Scenario;

/// A scenario as the scheduler sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Scenario id.
    pub id: String,
    /// How much it matters, 1-5.
    pub importance: u32,
    /// How often it happens, 1-5.
    pub frequency: u32,
    /// Scenario ids to master first.
    pub prerequisites: Vec<String>,
    /// Expected minutes for one drill (reading, answering, the score cards).
    pub minutes: f64,
}

impl Item {
    /// Importance x frequency, 1-25.
    pub fn priority(&self) -> u32 {
        self.importance * self.frequency
    }

    /// The scheduler's view of a scenario: a minute to read the briefing, then per turn its time
    /// limit and half a minute for the score card.
    pub fn from_scenario(scenario: &Scenario) -> Self {
        let turns: f64 = scenario.turns.iter().map(|t| f64::from(t.time_limit) / 60.0 + 0.5).sum();
        Self {
            id: scenario.id.clone(),
            importance: scenario.importance,
            frequency: scenario.frequency,
            prerequisites: scenario.prerequisites.clone(),
            minutes: (1.0 + turns).round().max(1.0),
        }
    }
}

/// One drill of a scenario, as the scheduler needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Review {
    /// When (day number).
    pub day: f64,
    /// Every turn passed.
    pub passed: bool,
    /// Mean turn score, 0-100.
    pub score: f64,
    /// A turn ran out of time.
    pub over_time: bool,
}

/// What one employee's history with one scenario amounts to.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ItemState {
    /// Memory after the last drill (`None`: never drilled).
    pub memory: Option<Memory>,
    /// Day of the last drill.
    pub last_day: Option<f64>,
    /// Drills so far.
    pub drills: u32,
    /// Passes in a row up to the last drill (each at least the mastery score).
    pub streak: u32,
    /// The mastery streak has been reached at some point (it unlocked the next scenarios).
    pub mastered: bool,
    /// How the last drill went.
    pub last_passed: Option<bool>,
    /// The employee has rehearsed this scenario's words (script rehearsal) at least once.
    pub rehearsed: bool,
    /// Finished drills passed, in all.
    pub passes: u32,
    /// How the very first drill went (`None`: never drilled).
    pub first_passed: Option<bool>,
}

impl ItemState {
    /// The state after these reviews (in any order).
    pub fn from_reviews(reviews: &[Review], model: &MemoryModel, settings: &StagingSettings) -> Self {
        Self::with_observations(reviews, model, settings, &mut Vec::new())
    }

    /// The state after these reviews, adding each drill that tested the memory to `observations`.
    pub fn with_observations(
        reviews: &[Review],
        model: &MemoryModel,
        settings: &StagingSettings,
        observations: &mut Vec<Observation>,
    ) -> Self {
        let mut sorted = reviews.to_vec();
        sorted.sort_by(|a, b| a.day.total_cmp(&b.day));
        let mut state = Self::default();
        for review in &sorted {
            observations.extend(state.record(review, model, settings));
        }
        state
    }

    /// Take one more drill into account; returns what it showed about memory (nothing for the
    /// first drill).
    pub fn record(&mut self, review: &Review, model: &MemoryModel, settings: &StagingSettings) -> Option<Observation> {
        let elapsed = self.last_day.map_or(0.0, |last| review.day - last);
        let (drills, passes_after_first) = (self.drills, self.passes_after_first());
        let observation = self.memory.map(|memory| Observation {
            memory,
            elapsed,
            passed: review.passed,
            drills,
            passes_after_first,
        });
        let rating = Rating::of(review.passed, review.score, review.over_time);
        self.memory = Some(model.after(self.memory, elapsed, rating));
        self.last_day = Some(review.day);
        self.drills += 1;
        let counts = review.passed && review.score >= settings.mastery_score;
        self.streak = if counts { self.streak + 1 } else { 0 };
        self.mastered |= self.streak >= settings.mastery_streak;
        self.last_passed = Some(review.passed);
        self.passes += u32::from(review.passed);
        self.first_passed = self.first_passed.or(Some(review.passed));
        observation
    }

    /// Mastered, and the last drill passed. A failed drill takes a mastered scenario back to
    /// learning until it is passed again; what its mastery unlocked stays unlocked (`mastered`).
    pub fn holds_mastery(&self) -> bool {
        self.mastered && self.last_passed != Some(false)
    }

    /// Passes after the first drill.
    pub fn passes_after_first(&self) -> u32 {
        self.passes.saturating_sub(u32::from(self.first_passed == Some(true)))
    }

    /// Chance of recalling it on `day` (0 when never drilled).
    pub fn recall(&self, model: &MemoryModel, day: f64) -> f64 {
        match (self.memory, self.last_day) {
            (Some(m), Some(last)) => model.recall(m, day - last),
            _ => 0.0,
        }
    }

    /// Days since the last drill (0 when never drilled).
    pub fn elapsed(&self, day: f64) -> f64 {
        self.last_day.map_or(0.0, |last| (day - last).max(0.0))
    }

    /// The day recall falls to `retention` (`None` when never drilled).
    pub fn due_day(&self, model: &MemoryModel, retention: f64) -> Option<f64> {
        Some(self.last_day? + model.interval(self.memory?, retention))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(day: f64, passed: bool) -> Review {
        Review { day, passed, score: if passed { 80.0 } else { 40.0 }, over_time: false }
    }

    #[test]
    fn two_passes_in_a_row_master_a_scenario_and_a_failure_breaks_the_streak() {
        let model = MemoryModel::default();
        let settings = StagingSettings { mastery_streak: 2, ..StagingSettings::default() };
        let s = ItemState::from_reviews(&[review(1.0, true), review(2.0, false), review(3.0, true)], &model, &settings);
        assert_eq!((s.drills, s.streak, s.mastered), (3, 1, false));
        assert_eq!((s.passes, s.first_passed), (2, Some(true)));
        let s = ItemState::from_reviews(&[review(5.0, true), review(1.0, true)], &model, &settings);
        assert_eq!((s.streak, s.mastered, s.last_day), (2, true, Some(5.0)));
    }

    #[test]
    fn a_failed_drill_after_mastery_holds_it_no_longer_until_a_pass() {
        let model = MemoryModel::default();
        let settings = StagingSettings { mastery_streak: 1, ..StagingSettings::default() };
        let mastered = ItemState::from_reviews(&[review(1.0, true)], &model, &settings);
        assert!(mastered.holds_mastery());
        let lapsed = ItemState::from_reviews(&[review(1.0, true), review(2.0, false)], &model, &settings);
        assert!(lapsed.mastered, "what it unlocked stays unlocked");
        assert!(!lapsed.holds_mastery(), "but right after a failed drill it is not mastered");
        let again =
            ItemState::from_reviews(&[review(1.0, true), review(2.0, false), review(3.0, true)], &model, &settings);
        assert!(again.holds_mastery());
    }

    #[test]
    fn a_failed_drill_never_masters() {
        let model = MemoryModel::default();
        let settings = StagingSettings { mastery_streak: 1, mastery_score: 0.0, ..StagingSettings::default() };
        let failed = Review { day: 1.0, passed: false, score: 0.0, over_time: false };
        let s = ItemState::from_reviews(&[failed, Review { day: 2.0, ..failed }], &model, &settings);
        assert!(!s.mastered && !s.holds_mastery());
    }

    #[test]
    fn mastery_can_require_a_score() {
        let model = MemoryModel::default();
        let settings = StagingSettings { mastery_score: 90.0, mastery_streak: 2, ..StagingSettings::default() };
        let s = ItemState::from_reviews(&[review(1.0, true), review(2.0, true)], &model, &settings);
        assert!(!s.mastered);
    }

    #[test]
    fn recall_fades_after_the_last_drill() {
        let model = MemoryModel::default();
        let s = ItemState::from_reviews(&[review(10.0, true)], &model, &StagingSettings::default());
        assert!(s.recall(&model, 11.0) > s.recall(&model, 20.0));
        assert_eq!(ItemState::default().recall(&model, 11.0), 0.0);
    }
}
