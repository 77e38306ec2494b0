//! `followthrough team [--lrs] [--since DATE] [--format table|csv|json]`: the coach's team view,
//! baseline / latest / best per employee and behaviour, from this machine's store or (with
//! `--lrs`) from every machine that reports to the organisation's LRS.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, parse_date, store_or_reason};
use crate::core::csv_cell::escape_cell;
use crate::core::progress::report::Scores;
use crate::core::progress::team::TeamReport;
use crate::core::scenario::Scenario;
use crate::io::scenario_files::load_library_untested;
use crate::io::team::{team_from_lrs, team_from_store};
use crate::io::xapi::LrsConfig;

/// How `team` prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum TeamFormat {
    /// Aligned columns, for people.
    #[default]
    Table,
    /// One row per employee and behaviour (the overall row's behaviour is empty).
    Csv,
    /// The whole report as one JSON object.
    Json,
}

/// Flags of `team`.
#[derive(Debug, Args)]
pub struct TeamArgs {
    /// Read every machine's attempts from the organisation's LRS (set with `xapi config`) instead of
    /// this machine's store.
    #[arg(long)]
    pub lrs: bool,
    /// Only attempts started on or after this day (YYYY-MM-DD, UTC).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TeamFormat::Table)]
    pub format: TeamFormat,
}

/// Run `team`.
pub fn run(args: &TeamArgs, scenarios: Option<PathBuf>, data_dir: &Path) -> u8 {
    match report(args, scenarios, data_dir) {
        Ok(team) => match print(&team, args.format) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                eprintln!("error: {e}");
                EXIT_INVALID
            }
        },
        Err((code, message)) => {
            eprintln!("error: {message}");
            code
        }
    }
}

fn report(args: &TeamArgs, scenarios: Option<PathBuf>, data_dir: &Path) -> Result<TeamReport, (u8, String)> {
    let since = args.since.as_deref().map(parse_date).transpose().map_err(|e| (EXIT_USAGE, e.to_string()))?;
    let store = store_or_reason(data_dir)?;
    let library =
        load_library_untested(&super::plan::folders(&store, scenarios)).map_err(|e| (EXIT_USAGE, e.to_string()))?;
    let list: Vec<&Scenario> = library.scenarios.iter().map(|l| &l.scenario).collect();
    if !args.lrs {
        return team_from_store(&store, &list, since).map_err(|e| (EXIT_INVALID, e.to_string()));
    }
    let invalid = |e: &dyn std::fmt::Display| (EXIT_INVALID, e.to_string());
    let Some(config) = LrsConfig::load(data_dir).map_err(|e| invalid(&e))? else {
        return Err((
            EXIT_USAGE,
            "no LRS is set; run `followthrough xapi config --endpoint URL --key KEY --secret-stdin`".into(),
        ));
    };
    let settings = store.xapi_settings().map_err(|e| invalid(&e))?.unwrap_or_default();
    team_from_lrs(&config, &settings, &list, since).map_err(|e| invalid(&e))
}

/// Why the team report could not be written out.
#[derive(Debug, thiserror::Error)]
enum PrintError {
    /// As JSON.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// As CSV.
    #[error(transparent)]
    Csv(#[from] csv::Error),
}

fn print(team: &TeamReport, format: TeamFormat) -> Result<(), PrintError> {
    match format {
        TeamFormat::Json => println!("{}", serde_json::to_string_pretty(team)?),
        TeamFormat::Csv => print!("{}", csv_text(team)?),
        TeamFormat::Table => print!("{}", table(team)),
    }
    Ok(())
}

fn score(s: Option<f64>) -> String {
    s.map_or_else(|| "-".into(), |v| format!("{v:.0}"))
}

fn csv_text(team: &TeamReport) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["employee_id", "name", "behaviour", "baseline", "latest", "best", "attempts"])?;
    let cell = |s: Option<f64>| s.map_or(String::new(), |v| format!("{v:.2}"));
    for r in team.rows() {
        w.write_record([
            escape_cell(r.employee_id).into_owned(),
            escape_cell(r.name).into_owned(),
            escape_cell(r.behaviour.unwrap_or("")).into_owned(),
            cell(r.scores.baseline),
            cell(r.scores.latest),
            cell(r.scores.best),
            r.scores.attempts.to_string(),
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn table(team: &TeamReport) -> String {
    if team.members.is_empty() {
        return "No finished drills yet on the scenarios of this library.\n".into();
    }
    let line = |name: &str, what: &str, s: &Scores| {
        format!(
            "{name:<24} {what:<28} {:>8} {:>6} {:>5} {:>8}\n",
            score(s.baseline),
            score(s.latest),
            score(s.best),
            s.attempts
        )
    };
    let mut out = format!(
        "{:<24} {:<28} {:>8} {:>6} {:>5} {:>8}\n",
        "employee", "behaviour", "baseline", "latest", "best", "attempts"
    );
    for r in team.rows() {
        let name = if r.behaviour.is_none() { r.name } else { "" };
        out.push_str(&line(name, r.behaviour.unwrap_or("(all behaviours)"), &r.scores));
    }
    out.push_str("Team, per behaviour:\n");
    for b in &team.behaviours {
        out.push_str(&line("", &b.behaviour, &b.scores));
    }
    out
}
