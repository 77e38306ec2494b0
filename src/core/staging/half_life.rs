//! A second forgetting curve, fitted to each employee beside the calibrated FSRS: half-life,
//! R = 2^(-t/h), where a scenario's half-life starts at `first` and is multiplied by `up` on each
//! pass and by `down` on each failure. Some people's results follow it better than FSRS's; the
//! scheduler uses it only for an employee whose drills it explains clearly better (see
//! [`Curve::choose`]).

use super::item::ItemState;
use super::memory::{MemoryModel, Observation};

/// Half-life model parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HalfLife {
    /// Half-life in days after the first drill, before any pass or failure is counted.
    pub first: f64,
    /// Half-life multiplier per pass.
    pub up: f64,
    /// Half-life multiplier per failure.
    pub down: f64,
}

const FIRSTS: [f64; 6] = [0.4, 0.7, 1.2, 2.0, 3.5, 6.0];
const UPS: [f64; 5] = [1.5, 2.0, 3.0, 4.5, 7.0];
const DOWNS: [f64; 4] = [0.5, 0.8, 1.1, 1.5];

/// Chance of a pass, clamped away from 0 and 1 for the likelihood.
fn log_chance(p: f64, passed: bool) -> f64 {
    let p = p.clamp(0.001, 0.999);
    if passed { p.ln() } else { (1.0 - p).ln() }
}

impl HalfLife {
    /// Half-life of a scenario whose first drill was followed by `later` drills, `passes` of
    /// them passed (the first drill sets the starting half-life whatever its result).
    pub fn half_life(&self, later: u32, passes: u32) -> f64 {
        let fails = later.saturating_sub(passes);
        (self.first * self.up.powf(f64::from(passes)) * self.down.powf(f64::from(fails))).max(0.01)
    }

    fn recall_days(h: f64, from: f64, to: f64) -> f64 {
        let ln2 = std::f64::consts::LN_2;
        (h / ln2 * ((-from / h).exp2() - (-to.max(from) / h).exp2())).max(0.0)
    }

    /// Chance of recalling a scenario in `state` on `day` (0 when never drilled).
    pub fn recall(&self, state: &ItemState, day: f64) -> f64 {
        if state.drills == 0 {
            return 0.0;
        }
        (-state.elapsed(day) / self.half_life(state.drills.saturating_sub(1), state.passes_after_first())).exp2()
    }

    /// Recall-days over the next `horizon` days a drill now would add (as
    /// [`MemoryModel::drill_gain`]).
    pub fn drill_gain(&self, state: &ItemState, day: f64, success: f64, horizon: f64) -> f64 {
        let (drills, passes) = (state.drills, state.passes_after_first());
        let after = |passed: bool| {
            if drills == 0 { self.half_life(0, 0) } else { self.half_life(drills, passes + u32::from(passed)) }
        };
        let with = success * Self::recall_days(after(true), 0.0, horizon)
            + (1.0 - success) * Self::recall_days(after(false), 0.0, horizon);
        let without = if drills == 0 {
            0.0
        } else {
            let (h, e) = (self.half_life(drills - 1, passes), state.elapsed(day));
            Self::recall_days(h, e, e + horizon)
        };
        with - without
    }

    /// Log-likelihood of these drills under the model.
    pub fn log_likelihood(&self, observations: &[Observation]) -> f64 {
        observations
            .iter()
            .map(|o| {
                let h = self.half_life(o.drills.saturating_sub(1), o.passes_after_first);
                log_chance((-o.elapsed / h).exp2(), o.passed)
            })
            .sum()
    }

    /// The parameters that best explain these drills (maximum likelihood over a grid), with
    /// their log-likelihood.
    pub fn fitted(observations: &[Observation]) -> (Self, f64) {
        let grid = FIRSTS
            .iter()
            .flat_map(|&first| UPS.iter().flat_map(move |&up| DOWNS.iter().map(move |&down| Self { first, up, down })));
        grid.map(|m| (m, m.log_likelihood(observations)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap_or((Self { first: 1.0, up: 3.0, down: 1.0 }, 0.0))
    }
}

/// The forgetting curve the plan uses for one employee.
#[derive(Debug, Clone, Copy)]
pub enum Curve<'a> {
    /// FSRS, calibrated to the employee.
    Fsrs(&'a MemoryModel),
    /// The half-life model fitted to the employee.
    HalfLife(HalfLife),
}

impl<'a> Curve<'a> {
    /// Nats by which the half-life model must explain an employee's drills better than the
    /// calibrated FSRS before the plan uses it.
    pub const MARGIN_NATS: f64 = 2.0;

    /// The calibrated FSRS `model`, unless the half-life model fitted to the same drills is at
    /// least [`Self::MARGIN_NATS`] more likely.
    pub fn choose(model: &'a MemoryModel, observations: &[Observation]) -> Self {
        if observations.len() < 5 {
            return Self::Fsrs(model);
        }
        let fsrs: f64 = observations.iter().map(|o| log_chance(model.recall(o.memory, o.elapsed), o.passed)).sum();
        let (half_life, fit) = HalfLife::fitted(observations);
        if fit >= fsrs + Self::MARGIN_NATS { Self::HalfLife(half_life) } else { Self::Fsrs(model) }
    }

    /// Chance of recalling a scenario in `state` on `day`.
    pub fn recall(&self, state: &ItemState, day: f64) -> f64 {
        match self {
            Self::Fsrs(model) => state.recall(model, day),
            Self::HalfLife(h) => h.recall(state, day),
        }
    }

    /// Recall-days a drill now would add over `horizon` days, given the chance `success` of a pass.
    pub fn drill_gain(&self, state: &ItemState, day: f64, success: f64, horizon: f64) -> f64 {
        match self {
            Self::Fsrs(model) => model.drill_gain(state.memory, state.elapsed(day), success, horizon),
            Self::HalfLife(h) => h.drill_gain(state, day, success, horizon),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::staging::memory::Rating;

    fn observations(truth: HalfLife, n: usize) -> Vec<Observation> {
        let memory = MemoryModel::default().after(None, 0.0, Rating::Good);
        (0..n)
            .map(|k| {
                let drills = 1 + (k % 3) as u32;
                let (passes_after_first, elapsed) = (((k % 2) as u32).min(drills - 1), 1.0 + (k % 5) as f64);
                let p = (-elapsed / truth.half_life(drills - 1, passes_after_first)).exp2();
                // Deterministic "draws": pass when the k-th point of a fine grid falls under p.
                let passed = ((k * 37) % 100) as f64 / 100.0 < p;
                Observation { memory, elapsed, passed, drills, passes_after_first }
            })
            .collect()
    }

    #[test]
    fn the_fit_recovers_a_fast_forgetter_and_the_plan_then_uses_it() {
        let truth = HalfLife { first: 0.4, up: 1.5, down: 0.8 };
        let obs = observations(truth, 200);
        let (fit, _) = HalfLife::fitted(&obs);
        assert!(fit.first <= 0.7 && fit.up <= 2.0, "{fit:?}");
        let model = MemoryModel::default();
        assert!(matches!(Curve::choose(&model, &obs), Curve::HalfLife(_)));
        assert!(matches!(Curve::choose(&model, &obs[..3]), Curve::Fsrs(_)), "too few drills to tell");
    }

    #[test]
    fn a_likely_pass_gains_more_than_a_likely_failure() {
        let h = HalfLife { first: 1.0, up: 3.0, down: 1.1 };
        let state =
            ItemState { drills: 1, passes: 1, first_passed: Some(true), last_day: Some(0.0), ..Default::default() };
        assert!((h.recall(&state, 1.0) - 0.5).abs() < 1e-9);
        assert!(h.drill_gain(&state, 1.0, 0.9, 30.0) > h.drill_gain(&state, 1.0, 0.1, 30.0));
        assert!(h.drill_gain(&state, 1.0, 0.1, 30.0) > 0.0, "a failed drill still helps when down > 1");
        assert!(h.drill_gain(&ItemState::default(), 0.0, 0.5, 30.0) > 0.0);
    }
}
