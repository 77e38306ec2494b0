//! The benchmark's own guarantees: reproducible per seed, metrics within bounds, and the shipped
//! policy ahead of every baseline on held-out seeds.

use super::*;
use crate::core::staging::simulate::report::METRICS;

#[test]
fn the_same_seed_gives_the_same_table() {
    let config = SimConfig { learners: 4, days: 20, ..SimConfig::default() };
    assert_eq!(simulate(&config), simulate(&config));
    let other = simulate(&SimConfig { seed: 2, ..config.clone() });
    assert_ne!(simulate(&config), other);
}

#[test]
fn never_drilling_scores_zero_and_the_metrics_stay_within_bounds() {
    let mut rng = StdRng::seed_from_u64(3);
    let items = synthetic_library(10, &mut rng);
    let traits = Traits::draw(10, &mut rng);
    let config = SimConfig { drills_per_day: Some(0), days: 5, ..SimConfig::default() };
    let none = run_one(&items, &traits, LearnerKind::Fsrs, Policy::Adaptive, &config, 1);
    assert_eq!((none.pwr, none.t5x2, none.reached, none.minutes_per_day), (0.0, 5.0, false, 0.0));
    let config = SimConfig { days: 30, ..SimConfig::default() };
    for kind in LearnerKind::ALL {
        let o = run_one(&items, &traits, kind, Policy::Adaptive, &config, 1);
        assert!(o.pwr > 0.0 && o.pwr < 1.0, "{kind:?} {o:?}");
        assert!(o.pwr_after_30 >= 0.0 && o.pwr_after_30 < 1.0, "{kind:?} {o:?}");
        assert!((1.0..=30.0).contains(&o.t5x2) && (1.0..=30.0).contains(&o.second_pass_day), "{kind:?} {o:?}");
        assert!(o.minutes_per_day >= 3.0, "{kind:?} {o:?}");
    }
}

#[test]
fn scenarios_take_minutes_like_the_bundled_ones() {
    let mut rng = StdRng::seed_from_u64(9);
    let items = synthetic_library(200, &mut rng);
    let minutes: Vec<f64> = items.iter().map(|i| i.minutes).collect();
    assert!(minutes.iter().all(|m| (2.0..=11.0).contains(m)), "{minutes:?}");
    assert!(minutes.iter().any(|&m| m <= 3.0) && minutes.iter().any(|&m| m >= 9.0));
}

/// Claim seeds are kept apart from the tuning seeds (1 and 2) the design was chosen on.
const HELD_OUT_SEED: u64 = 101;

#[test]
fn the_shipped_policy_beats_every_baseline_on_held_out_seeds() {
    let config = SimConfig { learners: 60, seed: HELD_OUT_SEED, ..SimConfig::default() };
    let rows = per_learner(&config);
    for kind in LearnerKind::ALL {
        for policy in Policy::ALL.iter().filter(|p| p.baseline()) {
            let margins: Vec<Margin> = METRICS
                .iter()
                .map(|&(metric, value, higher)| paired(&rows, kind, *policy, metric, value, higher))
                .collect();
            assert!(
                margins.iter().any(|m| m.lead - m.ci95 > 0.0),
                "{} vs {}: no metric where the paired 95% CI excludes 0: {margins:?}",
                kind.name(),
                policy.name()
            );
            let pwr = &margins[0];
            assert!(pwr.lead + pwr.ci95 > 0.0, "{} vs {}: clearly worse on PWR {pwr:?}", kind.name(), policy.name());
        }
    }
}
