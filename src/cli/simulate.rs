//! `followthrough simulate`: the staging benchmark. Synthetic learners under three forgetting
//! models are drilled by each scheduling policy within a daily budget of minutes; the table shows
//! priority-weighted retention (PWR), the mission metric T5x2 and the paired leads of the shipped
//! policy.

use std::time::Instant;

use clap::Args;

use super::{EXIT_OK, EXIT_USAGE};
use crate::core::staging::StagingSettings;
use crate::core::staging::simulate::{Margin, Policy, SimConfig, SimResult, margins, per_learner, summarise};

/// Flags of `simulate`.
#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// Synthetic learners per learner model (and per seed).
    #[arg(long, default_value_t = 500)]
    pub learners: usize,
    /// Days to simulate.
    #[arg(long, default_value_t = 60)]
    pub days: u32,
    /// At most this many drills per learner per day (default: as many as the minutes allow).
    #[arg(long)]
    pub drills: Option<usize>,
    /// Minutes of practice per learner per day.
    #[arg(long, default_value_t = 15.0)]
    pub minutes: f64,
    /// Scenarios in each synthetic library.
    #[arg(long = "library-size", default_value_t = 40)]
    pub library_size: usize,
    /// Seed; the same seed gives the same table.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Run this many seeds from --seed on and pool their learners.
    #[arg(long, default_value_t = 1)]
    pub seeds: u64,
    /// Shipped scheduler: scenarios learnt at once (default: the shipped setting).
    #[arg(long)]
    pub stage_size: Option<usize>,
    /// Shipped scheduler: passes in a row that count as mastery.
    #[arg(long)]
    pub mastery_streak: Option<u32>,
    /// Shipped scheduler: days ahead over which a drill's benefit is weighed.
    #[arg(long)]
    pub horizon: Option<f64>,
    /// Shipped scheduler: top priorities the mission guard watches (0 turns it off).
    #[arg(long)]
    pub mission_top: Option<usize>,
    /// Anki v3 baseline: new scenarios a day.
    #[arg(long, default_value_t = crate::core::staging::simulate::policy::ANKI_NEW_PER_DAY)]
    pub anki_new_per_day: usize,
    /// Shipped scheduler: always plan with the calibrated FSRS, never the half-life curve.
    #[arg(long)]
    pub fsrs_only: bool,
    /// Shipped scheduler: use the same first-pass guess for everyone.
    #[arg(long)]
    pub same_first_pass: bool,
    /// Print `{"results": [...], "margins": [...]}` instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Run the simulation and print the table (or JSON).
pub fn run(args: &SimulateArgs) -> u8 {
    if args.learners < 2 || args.days == 0 || args.library_size == 0 || args.seeds == 0 {
        eprintln!("error: --learners must be at least 2, and --days, --library-size and --seeds at least 1");
        return EXIT_USAGE;
    }
    if !(args.minutes.is_finite() && args.minutes > 0.0) {
        eprintln!("error: --minutes must be a number of minutes above 0");
        return EXIT_USAGE;
    }
    let defaults = StagingSettings::default();
    let settings = StagingSettings {
        stage_size: args.stage_size.unwrap_or(defaults.stage_size),
        mastery_streak: args.mastery_streak.unwrap_or(defaults.mastery_streak),
        horizon_days: args.horizon.unwrap_or(defaults.horizon_days),
        mission_top: args.mission_top.unwrap_or(defaults.mission_top),
        choose_curve: defaults.choose_curve && !args.fsrs_only,
        fit_first_pass: defaults.fit_first_pass && !args.same_first_pass,
        ..defaults
    };
    let config = SimConfig {
        learners: args.learners,
        days: args.days,
        drills_per_day: args.drills,
        daily_minutes: args.minutes,
        scenarios: args.library_size,
        seed: args.seed,
        seeds: args.seeds,
        settings,
        anki_new_per_day: args.anki_new_per_day,
    };
    let started = Instant::now();
    let rows = per_learner(&config);
    let results = summarise(&rows);
    let margins = margins(&rows);
    if args.json {
        println!("{}", serde_json::json!({ "results": results, "margins": margins }));
    } else {
        print!("{}", table(&results, &config));
        println!();
        print!("{}", leads(&results, &margins));
        println!("({:.1} s)", started.elapsed().as_secs_f64());
    }
    EXIT_OK
}

/// The human-readable table.
pub fn table(results: &[SimResult], config: &SimConfig) -> String {
    let seeds = if config.seeds > 1 {
        format!("seeds {}-{}", config.seed, config.seed + config.seeds - 1)
    } else {
        format!("seed {}", config.seed)
    };
    let s = &config.settings;
    let mut out = format!(
        "{} learners per model, {} scenarios, {} days, {} minutes a day, {seeds}\n\
         shipped scheduler: stage size {}, mastery {} pass(es) in a row, horizon {} days, mission guard top {}\n\
         PWR = priority-weighted retention, mean over days (95% CI); T5x2 = days until each top-5 priority\n\
         is passed twice (capped at {} days; 'reached' = share of learners within them); 2nd pass = priority-\n\
         weighted mean day of each scenario's second pass; PWR+30 = PWR 30 days after practice stops\n\n\
         {:<10} {:<27} {:>7} {:>8} {:>6} {:>6} {:>8} {:>8} {:>7} {:>8}\n",
        config.learners,
        config.scenarios,
        config.days,
        config.daily_minutes,
        s.stage_size,
        s.mastery_streak,
        s.horizon_days,
        s.mission_top,
        config.days,
        "learner",
        "policy",
        "PWR",
        "95% CI",
        "T5x2",
        "±",
        "reached",
        "2nd pass",
        "PWR+30",
        "min/day"
    );
    for r in results {
        let mark = if r.shipped { "  <- shipped" } else { "" };
        out.push_str(&format!(
            "{:<10} {:<27} {:>7.4} {:>8} {:>6.1} {:>6} {:>7.0}% {:>8.1} {:>7.4} {:>8.1}{mark}\n",
            r.learner,
            r.policy,
            r.pwr,
            format!("±{:.4}", r.ci95),
            r.t5x2,
            format!("±{:.1}", r.t5x2_ci95),
            r.t5x2_reached * 100.0,
            r.second_pass_day,
            r.pwr_after_30,
            r.minutes_per_day,
        ));
    }
    out
}

/// Per learner model: the shipped policy against the best baseline on PWR, the best baseline on
/// T5x2 and the previously shipped policy, each paired with its 95% CI.
pub fn leads(results: &[SimResult], margins: &[Margin]) -> String {
    let mut out = String::new();
    let mut learners: Vec<&str> = results.iter().map(|r| r.learner).collect();
    learners.dedup();
    for learner in learners {
        let baselines = || {
            results.iter().filter(move |r| {
                r.learner == learner && Policy::ALL.iter().any(|p| p.baseline() && p.name() == r.policy)
            })
        };
        let best_pwr = baselines().max_by(|a, b| a.pwr.total_cmp(&b.pwr)).map(|r| r.policy);
        let best_t5 = baselines().min_by(|a, b| a.t5x2.total_cmp(&b.t5x2)).map(|r| r.policy);
        let wanted = [
            (best_pwr, "pwr"),
            (best_t5, "t5x2"),
            (Some(Policy::Staged.name()), "pwr"),
            (Some(Policy::Staged.name()), "t5x2"),
        ];
        for (versus, metric) in wanted {
            let found = margins.iter().find(|m| m.learner == learner && Some(m.versus) == versus && m.metric == metric);
            if let Some(m) = found {
                let unit = if metric == "t5x2" { " days sooner" } else { "" };
                out.push_str(&format!(
                    "{learner}: shipped vs {} on {metric}: {:+.4}{unit} ± {:.4} (paired 95% CI)\n",
                    m.versus, m.lead, m.ci95
                ));
            }
        }
    }
    out
}
