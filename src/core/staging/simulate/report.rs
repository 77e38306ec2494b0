//! The benchmark's summary: one row per learner model and policy, and the shipped policy's
//! paired leads (same learners, same libraries, same luck) over every other policy.

use serde::Serialize;

use super::{LearnerKind, Outcome, Policy};

/// One row of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimResult {
    /// Learner model name.
    pub learner: &'static str,
    /// Policy name.
    pub policy: &'static str,
    /// Mean PWR over learners.
    pub pwr: f64,
    /// Half-width of the 95% confidence interval of the mean PWR.
    pub ci95: f64,
    /// The policy FollowThrough ships.
    pub shipped: bool,
    /// Mean days until each top-5 priority was passed twice (capped at the days simulated).
    pub t5x2: f64,
    /// Half-width of the 95% confidence interval of `t5x2`.
    pub t5x2_ci95: f64,
    /// Share of learners whose top-5 priorities were all passed twice within the days simulated.
    pub t5x2_reached: f64,
    /// Mean priority-weighted day of each scenario's second pass (capped likewise).
    pub second_pass_day: f64,
    /// Mean PWR 30 days after practice stops.
    pub pwr_after_30: f64,
    /// Mean minutes drilled per day practised.
    pub minutes_per_day: f64,
}

/// The shipped policy against one other policy on one metric, paired by learner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Margin {
    /// Learner model name.
    pub learner: &'static str,
    /// The other policy.
    pub versus: &'static str,
    /// Metric name (`pwr`, `t5x2`, `pwr_after_30`).
    pub metric: &'static str,
    /// Mean of shipped minus the other, signed so that positive is better for the shipped policy.
    pub lead: f64,
    /// Half-width of the paired 95% confidence interval.
    pub ci95: f64,
}

/// Mean and half-width of the 95% confidence interval of the mean.
pub fn mean_ci(values: &[f64]) -> (f64, f64) {
    let n = values.len().max(1) as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    (mean, 1.96 * (var / n).sqrt())
}

fn column(rows: &[Vec<Outcome>], kind: usize, policy: usize) -> Vec<Outcome> {
    rows.iter().map(|row| row[kind * Policy::ALL.len() + policy]).collect()
}

/// One row per learner model and policy.
pub fn summarise(rows: &[Vec<Outcome>]) -> Vec<SimResult> {
    let mut results = Vec::new();
    for (k, kind) in LearnerKind::ALL.iter().enumerate() {
        for (p, policy) in Policy::ALL.iter().enumerate() {
            let outcomes = column(rows, k, p);
            let of = |f: fn(&Outcome) -> f64| outcomes.iter().map(f).collect::<Vec<f64>>();
            let (pwr, ci95) = mean_ci(&of(|o| o.pwr));
            let (t5x2, t5x2_ci95) = mean_ci(&of(|o| o.t5x2));
            results.push(SimResult {
                learner: kind.name(),
                policy: policy.name(),
                pwr,
                ci95,
                shipped: policy.shipped(),
                t5x2,
                t5x2_ci95,
                t5x2_reached: mean_ci(&of(|o| f64::from(u8::from(o.reached)))).0,
                second_pass_day: mean_ci(&of(|o| o.second_pass_day)).0,
                pwr_after_30: mean_ci(&of(|o| o.pwr_after_30)).0,
                minutes_per_day: mean_ci(&of(|o| o.minutes_per_day)).0,
            });
        }
    }
    results
}

/// The shipped policy against `versus` for learner model `kind` on one metric, paired by
/// learner; `higher_is_better` says which way the metric points.
pub fn paired(
    rows: &[Vec<Outcome>],
    kind: LearnerKind,
    versus: Policy,
    metric: &'static str,
    value: fn(&Outcome) -> f64,
    higher_is_better: bool,
) -> Margin {
    let k = LearnerKind::ALL.iter().position(|&x| x == kind).unwrap_or(0);
    let shipped = Policy::ALL.iter().position(|p| p.shipped()).unwrap_or(0);
    let other = Policy::ALL.iter().position(|&p| p == versus).unwrap_or(0);
    let sign = if higher_is_better { 1.0 } else { -1.0 };
    let diff: Vec<f64> = column(rows, k, shipped)
        .iter()
        .zip(&column(rows, k, other))
        .map(|(a, b)| sign * (value(a) - value(b)))
        .collect();
    let (lead, ci95) = mean_ci(&diff);
    Margin { learner: kind.name(), versus: versus.name(), metric, lead, ci95 }
}

/// A metric compared pairwise: its name, its value in an outcome, and whether higher is better.
pub type Metric = (&'static str, fn(&Outcome) -> f64, bool);

/// The metrics compared pairwise.
pub const METRICS: [Metric; 3] =
    [("pwr", |o| o.pwr, true), ("t5x2", |o| o.t5x2, false), ("pwr_after_30", |o| o.pwr_after_30, true)];

/// The shipped policy's paired lead over every other policy, per learner model and metric.
pub fn margins(rows: &[Vec<Outcome>]) -> Vec<Margin> {
    let mut out = Vec::new();
    for kind in LearnerKind::ALL {
        for policy in Policy::ALL.iter().filter(|p| !p.shipped()) {
            for (metric, value, higher) in METRICS {
                out.push(paired(rows, kind, *policy, metric, value, higher));
            }
        }
    }
    out
}
