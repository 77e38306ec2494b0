//! Synthetic learners for the staging simulation. Two forgetting models, so a scheduler built on
//! FSRS is not only tested against FSRS: (a) FSRS with the learner's own perturbed parameters,
//! (b) a half-life model, R = 2^(-t/h), h x3 on a pass and x0.6 on a failure.

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
}

impl LearnerKind {
    /// Both models, in report order.
    pub const ALL: [Self; 2] = [Self::Fsrs, Self::HalfLife];

    /// The name in reports and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Self::Fsrs => "fsrs",
            Self::HalfLife => "half-life",
        }
    }
}

/// A learner's fixed traits, drawn once and shared by every policy (common random numbers).
#[derive(Debug, Clone)]
pub struct Traits {
    /// Chance of passing a scenario's very first drill, per scenario.
    pub first_pass: Vec<f64>,
    /// FSRS parameters (model a).
    pub fsrs: MemoryModel,
    /// Half-life in days before the first drill, per scenario (model b).
    pub half_life: Vec<f64>,
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
        Self { first_pass, fsrs, half_life }
    }
}

/// One learner's true memory of every scenario, under one model.
#[derive(Debug, Clone)]
pub struct Learner<'a> {
    kind: LearnerKind,
    traits: &'a Traits,
    last: Vec<Option<f64>>,
    memory: Vec<Option<Memory>>,
    half_life: Vec<f64>,
}

impl<'a> Learner<'a> {
    /// A learner who has drilled nothing yet.
    pub fn new(kind: LearnerKind, traits: &'a Traits) -> Self {
        let n = traits.first_pass.len();
        Self { kind, traits, last: vec![None; n], memory: vec![None; n], half_life: traits.half_life.clone() }
    }

    /// True chance of recalling scenario `i` on `day` (0 if never drilled).
    pub fn recall(&self, i: usize, day: f64) -> f64 {
        let Some(last) = self.last[i] else { return 0.0 };
        let t = (day - last).max(0.0);
        match self.kind {
            LearnerKind::Fsrs => self.memory[i].map_or(0.0, |m| self.traits.fsrs.recall(m, t)),
            LearnerKind::HalfLife => (-t / self.half_life[i]).exp2(),
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
            LearnerKind::HalfLife => self.half_life[i] *= if passed { 3.0 } else { 0.6 },
        }
        self.last[i] = Some(day);
        passed
    }
}
