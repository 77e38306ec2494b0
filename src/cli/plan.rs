//! `followthrough plan --employee ID [--date D]`: today's drills for one employee, each with the
//! reason the scheduler chose it.

use std::path::{Path, PathBuf};

use clap::Args;
use serde_json::json;

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, date_and_store};
use crate::core::staging::{LearnerState, Plan, PlanItem, StagingSettings, day_number};
use crate::io::scenario_files::{default_scenarios_dir, load_library};
use crate::io::store::{AttemptFilter, Store};

/// Flags of `plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The employee's id (as in `followthrough export`, e.g. `sam-lee`).
    #[arg(long, value_name = "ID")]
    pub employee: String,
    /// The day to plan, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Minutes available that day (default: the employee's own setting, else the rules').
    #[arg(long, value_name = "MINUTES")]
    pub minutes: Option<f64>,
    /// Print JSON instead of a list.
    #[arg(long)]
    pub json: bool,
}

/// Print the plan.
pub fn run(args: &PlanArgs, scenarios: Option<PathBuf>, data_dir: &Path) -> u8 {
    if let Some(m) = args.minutes
        && !(m.is_finite() && m > 0.0 && m <= 24.0 * 60.0)
    {
        eprintln!("error: --minutes must be a number of minutes above 0 and at most 1440, not {m}");
        return EXIT_USAGE;
    }
    let (date, store) = match date_and_store(args.date.as_deref(), data_dir) {
        Ok(started) => started,
        Err(code) => return code,
    };
    let (date, at) = match moment(date) {
        Ok(moment) => moment,
        Err(code) => return code,
    };
    let library = match load_library(&folders(&store, scenarios)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    let employee = match super::find_employee(&store, &args.employee) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let filter = AttemptFilter { employee: Some(employee.id.clone()), ..AttemptFilter::default() };
    let attempts: Vec<_> = match store.attempts(&filter) {
        Ok(a) => a.into_iter().filter(|a| a.started_at < at).collect(),
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_INVALID;
        }
    };
    let stored = match store.staging_settings(Some(&employee.id)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_INVALID;
        }
    };
    let settings = StagingSettings { daily_minutes: args.minutes.unwrap_or(stored.daily_minutes), ..stored };
    let learner = LearnerState::new(library.scenarios.iter().map(|l| &l.scenario), &attempts, &settings);
    let plan = learner.plan(day_number(at));
    let title = |item: &PlanItem| {
        library
            .scenarios
            .iter()
            .find(|l| l.scenario.id == item.id)
            .map_or(item.id.clone(), |l| l.scenario.title.clone())
    };
    if args.json {
        let rows = |items: &[PlanItem]| {
            items
                .iter()
                .map(|i| {
                    json!({"scenario": i.id, "title": title(i), "reason": i.reason.to_string(), "minutes": i.minutes,
                           "priority": i.priority, "recall": i.recall})
                })
                .collect::<Vec<_>>()
        };
        let out = json!({
            "employee": employee.id, "date": date.to_string(), "budget_minutes": plan.budget_minutes,
            "minutes": plan.minutes, "stage_reached": plan.stage_reached, "stages": plan.stages,
            "today": rows(&plan.today), "waiting": rows(&plan.waiting),
        });
        println!("{out}");
    } else {
        print!("{}", human(&plan, &employee.name, &date.to_string(), &title));
    }
    EXIT_OK
}

/// The day planned and the moment it is planned as of. A past or future date is planned as at its
/// start, from the attempts made before it; today (given or not), as of now, like the app's Today.
fn moment(date: Option<jiff::civil::Date>) -> Result<(jiff::civil::Date, jiff::Timestamp), u8> {
    let now = jiff::Zoned::now();
    match date {
        Some(d) if d == now.date() => Ok((d, now.timestamp())),
        Some(d) => d.to_zoned(jiff::tz::TimeZone::system()).map(|start| (d, start.timestamp())).map_err(|e| {
            eprintln!("error: {e}");
            EXIT_USAGE
        }),
        None => Ok((now.date(), now.timestamp())),
    }
}

/// The same folders as the app: the main one, then those the team added (missing ones skipped).
/// When the added folders cannot be read, says so and plans from the main folder.
pub(super) fn folders(store: &Store, scenarios: Option<PathBuf>) -> Vec<PathBuf> {
    let mut folders = vec![scenarios.unwrap_or_else(default_scenarios_dir)];
    match store.scenario_folders() {
        Ok(added) => folders.extend(added.into_iter().filter(|f| f.is_dir())),
        Err(e) => {
            eprintln!("warning: the team's scenario folders cannot be read ({e}); planning from the main folder only")
        }
    }
    folders
}

fn human(plan: &Plan, name: &str, date: &str, title: &dyn Fn(&PlanItem) -> String) -> String {
    let mut out = format!(
        "Plan for {name} on {date}: {}, {:.0} of {:.0} minutes; stage {} of {}\n",
        crate::core::plural::plural(plan.today.len(), "drill", "drills"),
        plan.minutes,
        plan.budget_minutes,
        plan.stage_reached,
        plan.stages
    );
    if plan.today.is_empty() {
        out.push_str("  nothing to drill: the library is empty or every scenario is waiting for a prerequisite\n");
    }
    let line = |n: usize, i: &PlanItem| {
        format!("  {n}. {:<44} {:>3.0} min  priority {:>2}  {}\n", title(i), i.minutes, i.priority, i.reason)
    };
    for (n, item) in plan.today.iter().enumerate() {
        out.push_str(&line(n + 1, item));
    }
    if !plan.waiting.is_empty() {
        out.push_str("Waiting for more time (lowest worth first to wait):\n");
        for (n, item) in plan.waiting.iter().enumerate() {
            out.push_str(&line(n + 1, item));
        }
    }
    out
}
