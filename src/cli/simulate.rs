//! `followthrough simulate`: the staging benchmark. Synthetic learners under two forgetting
//! models are drilled by each scheduling policy; the table shows priority-weighted retention.

use std::time::Instant;

use clap::Args;

use super::{EXIT_OK, EXIT_USAGE};
use crate::core::staging::StagingSettings;
use crate::core::staging::simulate::{SimConfig, SimResult, margins, per_learner, summarise};

/// Flags of `simulate`.
#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// Synthetic learners per learner model.
    #[arg(long, default_value_t = 500)]
    pub learners: usize,
    /// Days to simulate.
    #[arg(long, default_value_t = 60)]
    pub days: u32,
    /// Drills per learner per day.
    #[arg(long, default_value_t = 3)]
    pub drills: usize,
    /// Scenarios in each synthetic library.
    #[arg(long = "library-size", default_value_t = 40)]
    pub library_size: usize,
    /// Seed; the same seed gives the same table.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Shipped scheduler: scenarios learnt at once (default: the shipped setting).
    #[arg(long)]
    pub stage_size: Option<usize>,
    /// Shipped scheduler: passes in a row that count as mastery.
    #[arg(long)]
    pub mastery_streak: Option<u32>,
    /// Shipped scheduler: days ahead over which a drill's benefit is weighed.
    #[arg(long)]
    pub horizon: Option<f64>,
    /// Print `{"results": [...]}` instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Run the simulation and print the table (or JSON).
pub fn run(args: &SimulateArgs) -> u8 {
    if args.learners < 2 || args.days == 0 || args.library_size == 0 {
        eprintln!("error: --learners must be at least 2, and --days and --library-size at least 1");
        return EXIT_USAGE;
    }
    let defaults = StagingSettings::default();
    let settings = StagingSettings {
        stage_size: args.stage_size.unwrap_or(defaults.stage_size),
        mastery_streak: args.mastery_streak.unwrap_or(defaults.mastery_streak),
        horizon_days: args.horizon.unwrap_or(defaults.horizon_days),
        ..defaults
    };
    let config = SimConfig {
        learners: args.learners,
        days: args.days,
        drills_per_day: args.drills,
        scenarios: args.library_size,
        seed: args.seed,
        settings,
    };
    let started = Instant::now();
    let rows = per_learner(&config);
    let results = summarise(&rows);
    if args.json {
        println!("{}", serde_json::json!({ "results": results }));
    } else {
        print!("{}", table(&results, &config));
        println!();
        for (learner, best, lead, ci) in margins(&rows) {
            println!("{learner}: shipped minus the best baseline ({best}) = {lead:+.4} ± {ci:.4} (paired 95% CI)");
        }
        println!("({:.1} s)", started.elapsed().as_secs_f64());
    }
    EXIT_OK
}

/// The human-readable table.
pub fn table(results: &[SimResult], config: &SimConfig) -> String {
    let mut out = format!(
        "{} learners per model, {} scenarios, {} days, {} drills a day, seed {}\n\
         shipped scheduler: stage size {}, mastery {} pass(es) in a row, horizon {} days\n\
         PWR = priority-weighted retention, mean over days (95% CI)\n\n{:<10} {:<28} {:>7} {:>8}\n",
        config.learners,
        config.scenarios,
        config.days,
        config.drills_per_day,
        config.seed,
        config.settings.stage_size,
        config.settings.mastery_streak,
        config.settings.horizon_days,
        "learner",
        "policy",
        "PWR",
        "95% CI"
    );
    for r in results {
        let mark = if r.shipped { "  <- shipped" } else { "" };
        out.push_str(&format!(
            "{:<10} {:<28} {:>7.4} {:>8}{mark}\n",
            r.learner,
            r.policy,
            r.pwr,
            format!("±{:.4}", r.ci95)
        ));
    }
    out
}
