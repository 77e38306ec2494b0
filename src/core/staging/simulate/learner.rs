//! Synthetic learners for the staging simulation. Three forgetting models, so a scheduler built on
//! FSRS is not only tested against FSRS:
//! (a) FSRS with the learner's own perturbed parameters (the scheduler's own family, with noise);
//! (b) a half-life model, R = 2^(-t/h), h x3 on a pass and x1.2 on a failure (a failed drill
//!     still teaches a little);
//! (c) ACT-R with the spacing effect of Pavlik & Anderson (2005), which no policy was designed
//!     around: every drill (a failed one at half weight) leaves a trace whose decay grows with the
//!     activation it was laid on, so massed practice fades faster than spaced practice; recall is
//!     logistic in activation; scenarios of one family interfere (the fan effect: each sibling
//!     already drilled raises the threshold a little).

use rand::Rng;
use rand::rngs::StdRng;

use crate::core::staging::memory::{Memory, MemoryModel, Rating};

/// Which forgetting model the learners follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LearnerKind {
    /// FSRS with per-learner perturbed parameters.
    Fsrs,
    /// Half-life regression style: R = 2^(-t/h).
    HalfLife,
    /// ACT-R activation with the spacing effect and interference within a family.
    ActR,
}

impl LearnerKind {
    /// Every model, in report order.
    pub const ALL: [Self; 3] = [Self::Fsrs, Self::HalfLife, Self::ActR];

    /// The name in reports and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Self::Fsrs => "fsrs",
            Self::HalfLife => "half-life",
            Self::ActR => "act-r",
        }
    }
}

/// ACT-R decay intercept and scale (Pavlik & Anderson 2005: a = 0.177, c = 0.217), the noise of
/// the recall threshold (s = 0.255), and how much each drilled sibling raises the threshold.
const ACTR_C: f64 = 0.217;
const ACTR_S: f64 = 0.255;
const ACTR_FAN: f64 = 0.04;
/// Scenario families (similar situations that interfere) in a synthetic library.
const FAMILIES: usize = 8;

/// A learner's fixed traits, drawn once and shared by every policy (common random numbers).
#[derive(Debug, Clone)]
pub struct Traits {
    /// Chance of passing a scenario's very first drill, per scenario.
    pub first_pass: Vec<f64>,
    /// FSRS parameters (model a).
    pub fsrs: MemoryModel,
    /// Half-life in days before the first drill, per scenario (model b).
    pub half_life: Vec<f64>,
    /// ACT-R decay intercept (model c).
    pub actr_decay: f64,
    /// ACT-R recall threshold per scenario (the learner's, plus the scenario's difficulty).
    pub actr_threshold: Vec<f64>,
    /// Each scenario's family (model c's interference).
    pub family: Vec<usize>,
    /// Chance that the learner skips a day altogether.
    pub skip_rate: f64,
}

impl Traits {
    /// Draw a learner for `n` scenarios.
    pub fn draw(n: usize, rng: &mut StdRng) -> Self {
        let base_pass: f64 = rng.random_range(0.2..0.6);
        let first_pass = (0..n).map(|_| (base_pass + rng.random_range(-0.15..0.15)).clamp(0.05, 0.95)).collect();
        let parameters: Vec<f32> =
            fsrs::DEFAULT_PARAMETERS.iter().map(|w| w * rng.random_range(-0.35f32..0.35).exp()).collect();
        let fsrs = MemoryModel::with_parameters(&parameters).unwrap_or_default();
        let base_half_life = rng.random_range(0.5..2.0);
        let half_life = (0..n).map(|_| base_half_life * rng.random_range(0.6..1.6)).collect();
        let actr_decay = rng.random_range(0.12..0.25);
        let threshold: f64 = rng.random_range(-0.5..0.2);
        let actr_threshold = (0..n).map(|_| threshold + rng.random_range(-0.3..0.3)).collect();
        let family = (0..n).map(|_| rng.random_range(0..FAMILIES)).collect();
        let skip_rate = rng.random_range(0.0..0.3);
        Self { first_pass, fsrs, half_life, actr_decay, actr_threshold, family, skip_rate }
    }
}

/// One ACT-R memory trace: when it was laid down, its decay and its weight.
#[derive(Debug, Clone, Copy)]
struct Trace {
    day: f64,
    decay: f64,
    weight: f64,
}

/// One learner's true memory of every scenario, under one model.
#[derive(Debug, Clone)]
pub struct Learner<'a> {
    kind: LearnerKind,
    traits: &'a Traits,
    last: Vec<Option<f64>>,
    memory: Vec<Option<Memory>>,
    half_life: Vec<f64>,
    traces: Vec<Vec<Trace>>,
    family_drilled: Vec<usize>,
}

impl<'a> Learner<'a> {
    /// A learner who has drilled nothing yet.
    pub fn new(kind: LearnerKind, traits: &'a Traits) -> Self {
        let n = traits.first_pass.len();
        Self {
            kind,
            traits,
            last: vec![None; n],
            memory: vec![None; n],
            half_life: traits.half_life.clone(),
            traces: vec![Vec::new(); n],
            family_drilled: vec![0; FAMILIES],
        }
    }

    /// ACT-R activation of scenario `i` on `day` (minus infinity before the first trace).
    fn activation(&self, i: usize, day: f64) -> f64 {
        let sum: f64 = self.traces[i].iter().map(|t| t.weight * ((day - t.day).max(0.0) + 0.05).powf(-t.decay)).sum();
        sum.ln()
    }

    /// True chance of recalling scenario `i` on `day` (0 if never drilled).
    pub fn recall(&self, i: usize, day: f64) -> f64 {
        let Some(last) = self.last[i] else { return 0.0 };
        let t = (day - last).max(0.0);
        match self.kind {
            LearnerKind::Fsrs => self.memory[i].map_or(0.0, |m| self.traits.fsrs.recall(m, t)),
            LearnerKind::HalfLife => (-t / self.half_life[i]).exp2(),
            LearnerKind::ActR => {
                let siblings = self.family_drilled[self.traits.family[i]].saturating_sub(1) as f64;
                let threshold = self.traits.actr_threshold[i] + ACTR_FAN * siblings;
                1.0 / (1.0 + ((threshold - self.activation(i, day)) / ACTR_S).exp())
            }
        }
    }

    /// Drill scenario `i` on `day`: passes with the true recall (the first time, with the learner's
    /// first-pass chance), and memory changes accordingly.
    pub fn drill(&mut self, i: usize, day: f64, rng: &mut StdRng) -> bool {
        let chance = if self.last[i].is_some() { self.recall(i, day) } else { self.traits.first_pass[i] };
        let passed = rng.random::<f64>() < chance;
        match self.kind {
            LearnerKind::Fsrs => {
                let elapsed = self.last[i].map_or(0.0, |last| day - last);
                let rating = if passed { Rating::Good } else { Rating::Again };
                self.memory[i] = Some(self.traits.fsrs.after(self.memory[i], elapsed, rating));
            }
            LearnerKind::HalfLife => self.half_life[i] *= if passed { 3.0 } else { 1.2 },
            LearnerKind::ActR => {
                let before = if self.traces[i].is_empty() { 0.0 } else { self.activation(i, day).exp() };
                let decay = ACTR_C * before + self.traits.actr_decay;
                let weight = if passed { 1.0 } else { 0.5 };
                if self.traces[i].is_empty() {
                    self.family_drilled[self.traits.family[i]] += 1;
                }
                self.traces[i].push(Trace { day, decay, weight });
            }
        }
        self.last[i] = Some(day);
        passed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn actr_recall_after(days: &[f64], at: f64) -> f64 {
        let mut rng = StdRng::seed_from_u64(4);
        let drawn = Traits::draw(1, &mut rng);
        let traits =
            Traits { first_pass: vec![1.0], actr_threshold: vec![-0.1], family: vec![0], actr_decay: 0.177, ..drawn };
        let mut learner = Learner::new(LearnerKind::ActR, &traits);
        for &d in days {
            let before = if learner.traces[0].is_empty() { 0.0 } else { learner.activation(0, d).exp() };
            learner.traces[0].push(Trace { day: d, decay: ACTR_C * before + traits.actr_decay, weight: 1.0 });
            learner.last[0] = Some(d);
        }
        learner.recall(0, at)
    }

    #[test]
    fn actr_learners_remember_spaced_practice_longer_than_massed_practice() {
        let massed = actr_recall_after(&[0.0, 0.0, 0.0], 30.0);
        let spaced = actr_recall_after(&[0.0, 3.0, 10.0], 30.0);
        let once = actr_recall_after(&[10.0], 30.0);
        assert!(spaced > massed, "spaced {spaced} massed {massed}");
        assert!(spaced > once, "spaced {spaced} once {once}");
        assert!(actr_recall_after(&[0.0], 1.0) > actr_recall_after(&[0.0], 10.0));
    }

    #[test]
    fn a_failed_drill_still_helps_a_half_life_learner() {
        let mut rng = StdRng::seed_from_u64(5);
        let traits = Traits { first_pass: vec![0.0], ..Traits::draw(1, &mut rng) };
        let mut learner = Learner::new(LearnerKind::HalfLife, &traits);
        let before = learner.half_life[0];
        assert!(!learner.drill(0, 0.0, &mut rng));
        assert!(learner.half_life[0] > before);
    }
}
