//! The memory model behind spaced refresh: FSRS (the `fsrs` crate) turns a scenario's drill
//! history into a memory state, from which follow the chance of recalling it now, the interval
//! until recall falls to the target, and the recall a drill would buy over the coming weeks.

use fsrs::{DEFAULT_PARAMETERS, FSRS, MemoryState};

/// How a drill went, in the four grades FSRS learns from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    /// Failed.
    Again = 1,
    /// Passed, but only just or over time.
    Hard = 2,
    /// Passed.
    Good = 3,
    /// Passed with (almost) every point.
    Easy = 4,
}

impl Rating {
    /// The grade of a drill result: failed is Again, passed over time is Hard, passed with 95 or
    /// more is Easy, any other pass is Good.
    pub fn of(passed: bool, score: f64, over_time: bool) -> Self {
        match (passed, over_time, score >= 95.0) {
            (false, _, _) => Self::Again,
            (true, true, _) => Self::Hard,
            (true, false, true) => Self::Easy,
            (true, false, false) => Self::Good,
        }
    }
}

/// A memory state: FSRS stability (days until recall falls to 90%) and difficulty (1-10).
pub type Memory = MemoryState;

/// FSRS with one parameter set (the published defaults, or a learner's own).
#[derive(Debug, Clone)]
pub struct MemoryModel {
    fsrs: FSRS,
    decay: f64,
    factor: f64,
    scale: f64,
}

/// One drill that tested the memory: the state before it, the days since the previous drill,
/// and whether it was passed. These calibrate the model to one employee.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    /// Memory before the drill.
    pub memory: Memory,
    /// Days since the previous drill.
    pub elapsed: f64,
    /// Passed.
    pub passed: bool,
    /// Drills of the scenario before this one.
    pub drills: u32,
    /// Passes among those drills after the first.
    pub passes_after_first: u32,
}

impl Default for MemoryModel {
    fn default() -> Self {
        Self::with_parameters(&DEFAULT_PARAMETERS).unwrap_or_else(|| Self::from_fsrs(FSRS::default(), 0.1542))
    }
}

impl MemoryModel {
    /// A model with these 21 FSRS-6 parameters (clipped to their valid ranges by the crate);
    /// `None` when the crate refuses them.
    pub fn with_parameters(parameters: &[f32]) -> Option<Self> {
        let decay = f64::from(*parameters.get(20)?).clamp(0.1, 0.8);
        Some(Self::from_fsrs(FSRS::new(parameters).ok()?, decay))
    }

    fn from_fsrs(fsrs: FSRS, decay: f64) -> Self {
        Self { fsrs, decay, factor: 0.9f64.powf(-1.0 / decay) - 1.0, scale: 1.0 }
    }

    /// The same model with stabilities multiplied by `scale` when predicting recall (an employee
    /// who forgets faster than FSRS's average learner has a scale below 1).
    pub fn scaled(&self, scale: f64) -> Self {
        Self { scale: scale.clamp(0.01, 100.0), ..self.clone() }
    }

    /// The stability multiplier in use (1 for the average learner).
    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// The forgetting-curve decay in use (FSRS-6 fits it per user; higher forgets faster at length).
    pub fn decay(&self) -> f64 {
        self.decay
    }

    /// The same model with another forgetting-curve decay.
    pub fn with_decay(&self, decay: f64) -> Self {
        let decay = decay.clamp(0.1, 2.0);
        Self { decay, factor: 0.9f64.powf(-1.0 / decay) - 1.0, ..self.clone() }
    }

    /// The model calibrated to one employee: the stability multiplier and curve decay that best
    /// explain these drills (maximum likelihood over a grid, pulled towards the average learner
    /// so a handful of drills cannot swing it far).
    pub fn fitted(&self, observations: &[Observation]) -> Self {
        const SCALES: [f64; 13] = [0.05, 0.08, 0.12, 0.18, 0.25, 0.35, 0.5, 0.7, 1.0, 1.4, 2.0, 3.0, 4.5];
        const DECAYS: [f64; 4] = [0.1542, 0.3, 0.6, 1.2];
        if observations.is_empty() {
            return self.clone();
        }
        let score = |model: &Self| {
            let fit: f64 = observations
                .iter()
                .map(|o| {
                    let p = model.recall(o.memory, o.elapsed).clamp(0.001, 0.999);
                    if o.passed { p.ln() } else { (1.0 - p).ln() }
                })
                .sum();
            fit - 2.0 * model.scale.ln().powi(2) - (model.decay / self.decay).ln().powi(2)
        };
        let candidates = DECAYS.iter().flat_map(|&d| SCALES.iter().map(move |&s| self.with_decay(d).scaled(s)));
        candidates.max_by(|a, b| score(a).total_cmp(&score(b))).unwrap_or_else(|| self.clone())
    }

    /// The memory after a drill graded `rating`, `elapsed_days` after the previous one (`None`:
    /// the first drill).
    pub fn after(&self, memory: Option<Memory>, elapsed_days: f64, rating: Rating) -> Memory {
        let elapsed = elapsed_days.max(0.0).floor() as u32;
        match self.fsrs.next_states(memory, 0.9, elapsed) {
            Ok(next) => match rating {
                Rating::Again => next.again.memory,
                Rating::Hard => next.hard.memory,
                Rating::Good => next.good.memory,
                Rating::Easy => next.easy.memory,
            },
            // The crate refuses only non-finite states; keep what we had.
            Err(_) => memory.unwrap_or(MemoryState { stability: 1.0, difficulty: 5.0 }),
        }
    }

    fn stability(&self, memory: Memory) -> f64 {
        (f64::from(memory.stability) * self.scale).max(0.001)
    }

    /// Probability of recall `elapsed_days` after the last drill.
    pub fn recall(&self, memory: Memory, elapsed_days: f64) -> f64 {
        let s = self.stability(memory);
        (1.0 + self.factor * elapsed_days.max(0.0) / s).powf(-self.decay)
    }

    /// Days after a drill until recall falls to `retention`.
    pub fn interval(&self, memory: Memory, retention: f64) -> f64 {
        let s = self.stability(memory);
        s / self.factor * (retention.clamp(0.01, 0.999).powf(-1.0 / self.decay) - 1.0)
    }

    /// Recall summed over the days from `from` to `to` after the last drill (the area under the
    /// forgetting curve, in recall-days).
    pub fn recall_days(&self, memory: Memory, from: f64, to: f64) -> f64 {
        let s = self.stability(memory);
        let k = self.factor / s;
        let antiderivative = |t: f64| (1.0 + k * t).powf(1.0 - self.decay) / (k * (1.0 - self.decay));
        (antiderivative(to.max(from)) - antiderivative(from)).max(0.0)
    }

    /// How many recall-days over the next `horizon` days a drill now would add, compared with
    /// not drilling, given the chance `success` that the drill goes well. `memory` is `None` and
    /// `elapsed_days` ignored for a scenario never drilled (which counts as not recalled at all).
    pub fn drill_gain(&self, memory: Option<Memory>, elapsed_days: f64, success: f64, horizon: f64) -> f64 {
        let good = self.after(memory, elapsed_days, Rating::Good);
        let again = self.after(memory, elapsed_days, Rating::Again);
        let with =
            success * self.recall_days(good, 0.0, horizon) + (1.0 - success) * self.recall_days(again, 0.0, horizon);
        let without = memory.map_or(0.0, |m| self.recall_days(m, elapsed_days, elapsed_days + horizon));
        with - without
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recall_is_ninety_percent_after_one_stability() {
        let model = MemoryModel::default();
        let m = MemoryState { stability: 7.0, difficulty: 5.0 };
        assert!((model.recall(m, 7.0) - 0.9).abs() < 1e-6);
        assert!((model.recall(m, 0.0) - 1.0).abs() < 1e-9);
        assert!(model.recall(m, 30.0) < model.recall(m, 10.0));
        assert!((model.interval(m, 0.9) - 7.0).abs() < 1e-6);
    }

    #[test]
    fn recall_days_matches_a_numeric_sum() {
        let model = MemoryModel::default();
        let m = MemoryState { stability: 3.0, difficulty: 5.0 };
        let steps = 30_000;
        let numeric: f64 =
            (0..steps).map(|i| model.recall(m, 2.0 + 10.0 * (i as f64 + 0.5) / steps as f64)).sum::<f64>() * 10.0
                / steps as f64;
        assert!((model.recall_days(m, 2.0, 12.0) - numeric).abs() < 1e-4);
    }

    #[test]
    fn passing_grows_stability_and_failing_shrinks_it() {
        let model = MemoryModel::default();
        let first = model.after(None, 0.0, Rating::Good);
        let passed = model.after(Some(first), 3.0, Rating::Good);
        let failed = model.after(Some(first), 3.0, Rating::Again);
        assert!(passed.stability > first.stability);
        assert!(failed.stability < first.stability);
    }

    #[test]
    fn a_forgotten_scenario_gains_more_from_a_drill_than_a_fresh_one() {
        let model = MemoryModel::default();
        let m = model.after(None, 0.0, Rating::Good);
        let fresh = model.drill_gain(Some(m), 0.5, model.recall(m, 0.5), 30.0);
        let stale = model.drill_gain(Some(m), 20.0, model.recall(m, 20.0), 30.0);
        let new = model.drill_gain(None, 0.0, 0.5, 30.0);
        assert!(stale > fresh, "stale {stale} fresh {fresh}");
        assert!(new > stale, "new {new} stale {stale}");
    }

    #[test]
    fn the_model_fitted_to_a_fast_forgetter_predicts_low_recall_and_to_an_average_one_the_average() {
        let model = MemoryModel::default();
        let m = model.after(None, 0.0, Rating::Good);
        let forgot: Vec<Observation> = (0..40)
            .map(|i| Observation { memory: m, elapsed: 3.0, passed: i % 4 == 0, drills: 1, passes_after_first: 0 })
            .collect();
        let fitted = model.fitted(&forgot);
        assert!(fitted.recall(m, 3.0) < 0.5 && model.recall(m, 3.0) > 0.8, "{}", fitted.recall(m, 3.0));
        let p = model.recall(m, 3.0);
        let average: Vec<Observation> = (0..100)
            .map(|i| Observation {
                memory: m,
                elapsed: 3.0,
                passed: (i as f64) < p * 100.0,
                drills: 1,
                passes_after_first: 0,
            })
            .collect();
        let fitted = model.fitted(&average);
        assert!((fitted.recall(m, 3.0) - p).abs() < 0.05, "{} vs {p}", fitted.recall(m, 3.0));
        assert_eq!(model.fitted(&[]).scale(), 1.0);
    }

    #[test]
    fn grades_follow_the_result() {
        assert_eq!(Rating::of(false, 99.0, false), Rating::Again);
        assert_eq!(Rating::of(true, 80.0, true), Rating::Hard);
        assert_eq!(Rating::of(true, 80.0, false), Rating::Good);
        assert_eq!(Rating::of(true, 96.0, false), Rating::Easy);
    }
}
