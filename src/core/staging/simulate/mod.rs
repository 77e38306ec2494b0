//! The staging benchmark: synthetic learners drilled by each policy for weeks, scored by
//! priority-weighted retention, PWR(t) = sum(w_i R_i(t)) / sum(w_i), never-drilled counting 0,
//! averaged over the days. Seeded and reproducible; learners run in parallel.

pub mod learner;
pub mod policy;

use rand::{Rng, SeedableRng, rngs::StdRng};
use rayon::prelude::*;
use serde::Serialize;

pub use learner::{Learner, LearnerKind, Traits};
pub use policy::{Chooser, Policy};

use super::StagingSettings;
use super::item::{Item, ItemState, Review};
use super::memory::MemoryModel;

/// How big a simulation to run.
#[derive(Debug, Clone, PartialEq)]
pub struct SimConfig {
    /// Synthetic learners per learner model.
    pub learners: usize,
    /// Days simulated.
    pub days: u32,
    /// Drills per day.
    pub drills_per_day: usize,
    /// Scenarios in each synthetic library.
    pub scenarios: usize,
    /// Seed for everything random.
    pub seed: u64,
    /// The shipped scheduler's settings (the defaults unless experimenting).
    pub settings: StagingSettings,
}

impl Default for SimConfig {
    fn default() -> Self {
        Self {
            learners: 500,
            days: 60,
            drills_per_day: 3,
            scenarios: 40,
            seed: 1,
            settings: StagingSettings::default(),
        }
    }
}

/// One row of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimResult {
    /// Learner model name.
    pub learner: &'static str,
    /// Policy name.
    pub policy: &'static str,
    /// Mean PWR over learners.
    pub pwr: f64,
    /// Half-width of the 95% confidence interval of the mean.
    pub ci95: f64,
    /// The policy FollowThrough ships.
    pub shipped: bool,
}

/// A synthetic library: priorities drawn 1-5 x 1-5, authoring order unrelated to priority, and a
/// few prerequisites (each on a higher-priority scenario).
pub fn synthetic_library(n: usize, rng: &mut StdRng) -> Vec<Item> {
    let mut items: Vec<Item> = (0..n)
        .map(|i| Item {
            id: format!("scenario-{i:02}"),
            importance: rng.random_range(1..=5),
            frequency: rng.random_range(1..=5),
            prerequisites: vec![],
            minutes: 1.0,
        })
        .collect();
    let order = super::rollout::priority_order(&items);
    for _ in 0..n / 10 {
        let later = rng.random_range(n / 4..n);
        let earlier = rng.random_range(0..later);
        let prerequisite = items[order[earlier]].id.clone();
        items[order[later]].prerequisites.push(prerequisite);
    }
    items
}

/// Mean PWR over the days for one learner under one policy.
pub fn run_one(
    items: &[Item],
    traits: &Traits,
    kind: LearnerKind,
    policy: Policy,
    config: &SimConfig,
    seed: u64,
) -> f64 {
    let model = MemoryModel::default();
    let settings = &config.settings;
    let mut chooser = Chooser::new(policy, items, &model, settings);
    let mut observations = Vec::new();
    let mut learner = Learner::new(kind, traits);
    let mut believed = vec![ItemState::default(); items.len()];
    let mut rng = StdRng::seed_from_u64(seed);
    let weights: Vec<f64> = items.iter().map(|i| f64::from(i.priority())).collect();
    let total: f64 = weights.iter().sum();
    let mut sum = 0.0;
    for d in 0..config.days {
        let day = f64::from(d);
        for i in chooser.choose(config.drills_per_day, &believed, &observations, day, &mut rng) {
            let passed = learner.drill(i, day, &mut rng);
            let review = Review { day, passed, score: if passed { 80.0 } else { 40.0 }, over_time: false };
            observations.extend(believed[i].record(&review, &model, settings));
        }
        let end = day + 1.0;
        sum += weights.iter().enumerate().map(|(i, w)| w * learner.recall(i, end)).sum::<f64>() / total;
    }
    sum / f64::from(config.days.max(1))
}

/// Every learner's mean PWR, one column per (learner model, policy) in `LearnerKind::ALL` x
/// `Policy::ALL` order. Learners share nothing, so they run in parallel; each has its own seed.
pub fn per_learner(config: &SimConfig) -> Vec<Vec<f64>> {
    (0..config.learners)
        .into_par_iter()
        .map(|l| {
            let mut rng = StdRng::seed_from_u64(config.seed.wrapping_mul(1_000_003).wrapping_add(l as u64));
            let items = synthetic_library(config.scenarios, &mut rng);
            let traits = Traits::draw(config.scenarios, &mut rng);
            let outcome_seed: u64 = rng.random();
            LearnerKind::ALL
                .iter()
                .flat_map(|&kind| Policy::ALL.iter().map(move |&policy| (kind, policy)))
                .map(|(kind, policy)| run_one(&items, &traits, kind, policy, config, outcome_seed))
                .collect()
        })
        .collect()
}

/// Mean and half-width of the 95% confidence interval of the mean.
fn mean_ci(values: &[f64]) -> (f64, f64) {
    let n = values.len().max(1) as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    (mean, 1.96 * (var / n).sqrt())
}

fn column(rows: &[Vec<f64>], kind: usize, policy: usize) -> Vec<f64> {
    rows.iter().map(|row| row[kind * Policy::ALL.len() + policy]).collect()
}

/// One row per learner model and policy.
pub fn summarise(rows: &[Vec<f64>]) -> Vec<SimResult> {
    let mut results = Vec::new();
    for (k, kind) in LearnerKind::ALL.iter().enumerate() {
        for (p, policy) in Policy::ALL.iter().enumerate() {
            let (pwr, ci95) = mean_ci(&column(rows, k, p));
            results.push(SimResult {
                learner: kind.name(),
                policy: policy.name(),
                pwr,
                ci95,
                shipped: policy.shipped(),
            });
        }
    }
    results
}

/// Per learner model: the best baseline, and the shipped policy's lead over it with the 95% CI
/// of the paired difference (same learners, same library, same luck).
pub fn margins(rows: &[Vec<f64>]) -> Vec<(&'static str, &'static str, f64, f64)> {
    let shipped = Policy::ALL.iter().position(|p| p.shipped()).unwrap_or(0);
    LearnerKind::ALL
        .iter()
        .enumerate()
        .map(|(k, kind)| {
            let best = (0..Policy::ALL.len())
                .filter(|&p| p != shipped)
                .max_by(|&a, &b| mean_ci(&column(rows, k, a)).0.total_cmp(&mean_ci(&column(rows, k, b)).0))
                .unwrap_or(0);
            let ours = column(rows, k, shipped);
            let theirs = column(rows, k, best);
            let diff: Vec<f64> = ours.iter().zip(&theirs).map(|(a, b)| a - b).collect();
            let (lead, ci) = mean_ci(&diff);
            (kind.name(), Policy::ALL[best].name(), lead, ci)
        })
        .collect()
}

/// Run every learner model against every policy.
pub fn simulate(config: &SimConfig) -> Vec<SimResult> {
    summarise(&per_learner(config))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_table() {
        let config = SimConfig { learners: 6, days: 20, ..SimConfig::default() };
        assert_eq!(simulate(&config), simulate(&config));
        let other = simulate(&SimConfig { seed: 2, ..config.clone() });
        assert_ne!(simulate(&config), other);
    }

    #[test]
    fn the_shipped_policy_beats_every_baseline_on_both_learner_models() {
        let results = simulate(&SimConfig { learners: 100, ..SimConfig::default() });
        for kind in LearnerKind::ALL {
            let rows: Vec<&SimResult> = results.iter().filter(|r| r.learner == kind.name()).collect();
            assert_eq!(rows.iter().filter(|r| r.shipped).count(), 1);
            let shipped = rows.iter().find(|r| r.shipped).map_or(0.0, |r| r.pwr);
            for row in rows.iter().filter(|r| !r.shipped) {
                assert!(shipped > row.pwr, "{}: shipped {shipped:.3} vs {} {:.3}", kind.name(), row.policy, row.pwr);
            }
        }
    }

    #[test]
    fn never_drilling_scores_zero_and_pwr_stays_within_bounds() {
        let mut rng = StdRng::seed_from_u64(3);
        let items = synthetic_library(10, &mut rng);
        let traits = Traits::draw(10, &mut rng);
        let config = SimConfig { drills_per_day: 0, days: 5, ..SimConfig::default() };
        assert_eq!(run_one(&items, &traits, LearnerKind::Fsrs, Policy::Staged, &config, 1), 0.0);
        let config = SimConfig { days: 30, ..SimConfig::default() };
        let pwr = run_one(&items, &traits, LearnerKind::HalfLife, Policy::Staged, &config, 1);
        assert!(pwr > 0.0 && pwr < 1.0, "{pwr}");
    }
}
