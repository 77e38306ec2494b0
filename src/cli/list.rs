//! `followthrough list`: the scenario library by priority, filterable by behaviour and job family.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, OutputFormat};
use crate::core::library::Library;
use crate::core::scenario::diagnostic::did_you_mean;
use crate::core::scenario::vocab::{self, BEHAVIOURS};
use crate::io::scenario_files::{default_scenarios_dir, load_library};

/// Arguments of `list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only scenarios training this behaviour (e.g. `follow-up`, `warm-handover`).
    #[arg(long, value_name = "NAME")]
    pub behaviour: Option<String>,
    /// Only scenarios for this job family (e.g. `bank-branch`).
    #[arg(long, value_name = "NAME")]
    pub job_family: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
}

/// One row of `list --format json`.
#[derive(Debug, Serialize, PartialEq)]
pub struct ListRow {
    /// Scenario id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Behaviours, main first.
    pub behaviour: Vec<String>,
    /// Job families.
    pub job_families: Vec<String>,
    /// The standard situations it rehearses (`vocab::SITUATIONS`; may be empty).
    pub situations: Vec<String>,
    /// Importance x frequency.
    pub priority: u32,
    /// Number of turns.
    pub turns: usize,
    /// The file it came from.
    pub file: String,
}

/// The rows `list` shows for a library and filters, highest priority first, then by id.
pub fn rows(library: &Library, behaviour: Option<&str>, job_family: Option<&str>) -> Vec<ListRow> {
    let mut rows: Vec<ListRow> = library
        .scenarios
        .iter()
        .filter(|l| behaviour.is_none_or(|b| l.scenario.behaviour.iter().any(|x| x == b)))
        .filter(|l| job_family.is_none_or(|f| l.scenario.job_families.iter().any(|x| x == f)))
        .map(|l| ListRow {
            id: l.scenario.id.clone(),
            title: l.scenario.title.clone(),
            behaviour: l.scenario.behaviour.clone(),
            job_families: l.scenario.job_families.clone(),
            situations: l.scenario.situations.clone(),
            priority: l.scenario.priority(),
            turns: l.scenario.turns.len(),
            file: l.file.clone(),
        })
        .collect();
    rows.sort_by(|a, b| b.priority.cmp(&a.priority).then_with(|| a.id.cmp(&b.id)));
    rows
}

/// Run `list`; returns the exit code.
pub fn run(args: &ListArgs, scenarios: Option<PathBuf>) -> u8 {
    if let Some(b) = &args.behaviour
        && !vocab::contains(BEHAVIOURS, b)
    {
        let hint =
            did_you_mean(b, vocab::names(BEHAVIOURS)).map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default();
        let known = vocab::names(BEHAVIOURS).collect::<Vec<_>>().join(", ");
        eprintln!("error: unknown behaviour `{b}`{hint}; behaviours: {known}");
        return EXIT_USAGE;
    }
    let dir = scenarios.unwrap_or_else(default_scenarios_dir);
    let library = match load_library(&[dir]) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    let rows = rows(&library, args.behaviour.as_deref(), args.job_family.as_deref());
    match args.format {
        OutputFormat::Json => match serde_json::to_string_pretty(&rows) {
            Ok(json) => println!("{json}"),
            Err(e) => eprintln!("error: {e}"),
        },
        OutputFormat::Human => {
            let id_width = rows.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
            println!("{:>4}  {:<id_width$}  {:<18} TITLE", "PRIO", "ID", "BEHAVIOUR");
            for r in &rows {
                let main = r.behaviour.first().map_or("", String::as_str);
                println!("{:>4}  {:<id_width$}  {:<18} {}", r.priority, r.id, main, r.title);
            }
        }
    }
    let errors = library.summary().errors;
    if errors > 0 {
        let problems = crate::core::plural::plural(errors, "scenario file problem", "scenario file problems");
        eprintln!("{problems} hidden from this list; run `followthrough check` to see them");
        return EXIT_INVALID;
    }
    EXIT_OK
}
