//! The staging benchmark: synthetic learners drilled by each policy for weeks within a daily
//! budget of minutes, on libraries whose scenarios take 2-11 minutes, with days skipped. Scored by
//! - priority-weighted retention, PWR(t) = sum(w_i R_i(t)) / sum(w_i), never-drilled counting 0,
//!   averaged over the days;
//! - T5x2, the mission metric: the day by which each of the top-5 priorities has been passed
//!   twice (the number of days simulated when that never happens);
//! - the priority-weighted mean day of each scenario's second pass (same cap);
//! - PWR 30 days after practice stops.
//!
//! Seeded and reproducible; learners run in parallel.

pub mod learner;
pub mod policy;
pub mod report;

use rand::{Rng, SeedableRng, rngs::StdRng};
use rayon::prelude::*;

pub use learner::{Learner, LearnerKind, Traits};
pub use policy::{Chooser, Policy};
pub use report::{Margin, SimResult, margins, paired, summarise};

use super::StagingSettings;
use super::item::{Item, ItemState, Review};
use super::memory::MemoryModel;

/// How big a simulation to run.
#[derive(Debug, Clone, PartialEq)]
pub struct SimConfig {
    /// Synthetic learners per learner model and seed.
    pub learners: usize,
    /// Days simulated.
    pub days: u32,
    /// At most this many drills a day (`None`: as many as the minutes allow).
    pub drills_per_day: Option<usize>,
    /// Minutes of practice a day.
    pub daily_minutes: f64,
    /// Scenarios in each synthetic library.
    pub scenarios: usize,
    /// First seed for everything random.
    pub seed: u64,
    /// Seeds run (`seed`, `seed + 1`, ...); their learners are pooled.
    pub seeds: u64,
    /// The shipped scheduler's settings (the defaults unless experimenting).
    pub settings: StagingSettings,
    /// New scenarios a day in the Anki v3 baseline.
    pub anki_new_per_day: usize,
}

impl Default for SimConfig {
    fn default() -> Self {
        Self {
            learners: 500,
            days: 60,
            drills_per_day: None,
            daily_minutes: 15.0,
            scenarios: 40,
            seed: 1,
            seeds: 1,
            settings: StagingSettings::default(),
            anki_new_per_day: policy::ANKI_NEW_PER_DAY,
        }
    }
}

/// How one learner fared under one policy.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Outcome {
    /// Mean PWR over the days.
    pub pwr: f64,
    /// Days until each top-5 priority was passed twice (capped at the days simulated).
    pub t5x2: f64,
    /// Each top-5 priority was passed twice within the days simulated.
    pub reached: bool,
    /// Priority-weighted mean day of each scenario's second pass (capped likewise).
    pub second_pass_day: f64,
    /// PWR 30 days after the last day of practice.
    pub pwr_after_30: f64,
    /// Minutes drilled per day practised.
    pub minutes_per_day: f64,
}

/// Time limits of a turn in seconds, as often as in the bundled library.
const TURN_SECONDS: [u32; 7] = [45, 60, 60, 75, 90, 90, 120];

/// A synthetic library: priorities drawn 1-5 x 1-5, authoring order unrelated to priority, a few
/// prerequisites (each on a higher-priority scenario), 1-4 turns each with the bundled library's
/// time limits (minutes as [`Item::from_scenario`] estimates them).
pub fn synthetic_library(n: usize, rng: &mut StdRng) -> Vec<Item> {
    let mut items: Vec<Item> = (0..n)
        .map(|i| {
            let turns = rng.random_range(1..=4);
            let minutes: f64 =
                (0..turns).map(|_| f64::from(TURN_SECONDS[rng.random_range(0..TURN_SECONDS.len())]) / 60.0 + 0.5).sum();
            Item {
                id: format!("scenario-{i:02}"),
                importance: rng.random_range(1..=5),
                frequency: rng.random_range(1..=5),
                prerequisites: vec![],
                minutes: (1.0 + minutes).round(),
            }
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

/// PWR of a learner on `day`.
fn pwr_on(learner: &Learner<'_>, weights: &[f64], total: f64, day: f64) -> f64 {
    weights.iter().enumerate().map(|(i, w)| w * learner.recall(i, day)).sum::<f64>() / total
}

/// One learner under one policy.
pub fn run_one(
    items: &[Item],
    traits: &Traits,
    kind: LearnerKind,
    policy: Policy,
    config: &SimConfig,
    seed: u64,
) -> Outcome {
    let model = MemoryModel::default();
    let settings = &config.settings;
    let mut chooser = Chooser::new(policy, items, &model, settings);
    chooser.anki_new_per_day = config.anki_new_per_day;
    let mut observations = Vec::new();
    let mut learner = Learner::new(kind, traits);
    let mut believed = vec![ItemState::default(); items.len()];
    let mut rng = StdRng::seed_from_u64(seed);
    let mut skips = StdRng::seed_from_u64(seed ^ 0x5eed_5eed);
    let weights: Vec<f64> = items.iter().map(|i| f64::from(i.priority())).collect();
    let total: f64 = weights.iter().sum();
    let top5: Vec<usize> = super::rollout::priority_order(items).into_iter().take(5).collect();
    let days = f64::from(config.days);
    let mut second_pass = vec![days; items.len()];
    let (mut t5x2, mut reached, mut sum, mut minutes, mut practised) = (days, false, 0.0, 0.0, 0u32);
    let cap = config.drills_per_day.unwrap_or(usize::MAX);
    for d in 0..config.days {
        let day = f64::from(d);
        if skips.random::<f64>() >= traits.skip_rate {
            practised += 1;
            for i in chooser.choose(config.daily_minutes, cap, &believed, &observations, day, &mut rng) {
                let passed = learner.drill(i, day, &mut rng);
                let review = Review { day, passed, score: if passed { 80.0 } else { 40.0 }, over_time: false };
                observations.extend(believed[i].record(&review, &model, settings));
                minutes += items[i].minutes;
                if passed && believed[i].passes == 2 {
                    second_pass[i] = day + 1.0;
                }
            }
        }
        if !reached && top5.iter().all(|&i| believed[i].passes >= 2) {
            (t5x2, reached) = (day + 1.0, true);
        }
        sum += pwr_on(&learner, &weights, total, day + 1.0);
    }
    Outcome {
        pwr: sum / days.max(1.0),
        t5x2,
        reached,
        second_pass_day: weights.iter().zip(&second_pass).map(|(w, d)| w * d).sum::<f64>() / total,
        pwr_after_30: pwr_on(&learner, &weights, total, days + 30.0),
        minutes_per_day: minutes / f64::from(practised.max(1)),
    }
}

/// Every learner's outcomes, one column per (learner model, policy) in `LearnerKind::ALL` x
/// `Policy::ALL` order, learners of every seed pooled. Learners share nothing, so they run in
/// parallel; each has its own seed.
pub fn per_learner(config: &SimConfig) -> Vec<Vec<Outcome>> {
    let seeds = config.seeds.max(1);
    (0..seeds * config.learners as u64)
        .into_par_iter()
        .map(|n| {
            let (s, l) = (config.seed.wrapping_add(n / config.learners as u64), n % config.learners as u64);
            let mut rng = StdRng::seed_from_u64(s.wrapping_mul(1_000_003).wrapping_add(l));
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

/// Run every learner model against every policy.
pub fn simulate(config: &SimConfig) -> Vec<SimResult> {
    summarise(&per_learner(config))
}

#[cfg(test)]
mod tests;
