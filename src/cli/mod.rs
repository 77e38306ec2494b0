//! The command line: `followthrough [COMMAND]`. With no command, the desktop app opens.

pub mod check;
pub mod exchange;
pub mod list;
pub mod new;
pub mod plan;
pub mod score;
pub mod simulate;
pub mod team;
pub mod words;
pub mod xapi;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::core::scenario::diagnostic::did_you_mean;
use crate::io::store::{Employee, Store};

/// Exit code for success.
pub const EXIT_OK: u8 = 0;
/// Exit code when the input has errors (invalid scenarios).
pub const EXIT_INVALID: u8 = 1;
/// Exit code for usage errors (bad flags, missing paths).
pub const EXIT_USAGE: u8 = 2;

/// FollowThrough: practise Taking Ownership and Following Up in timed role-play drills.
#[derive(Debug, Parser)]
#[command(name = "followthrough", version, about, long_about = None)]
pub struct Cli {
    /// Folder of scenario files the app opens (default: ./scenarios, or the bundled ones).
    #[arg(long, global = true, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,
    /// Folder for progress data (default: $FOLLOWTHROUGH_DATA_DIR, else the platform's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// What to do; the desktop app when left out.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the desktop app (the default).
    Gui,
    /// Validate scenario files and report problems with file, line and column.
    Check(check::CheckArgs),
    /// List scenarios by priority (importance x frequency).
    List(list::ListArgs),
    /// Score a response (read from standard input) against a scenario turn, with the evidence.
    Score(score::ScoreArgs),
    /// Today's drills for an employee, with the reason for each.
    Plan(plan::PlanArgs),
    /// Export attempts as CSV (one row per answered turn) or xAPI statements (JSON lines).
    Export(exchange::ExportArgs),
    /// Merge CSV exports (e.g. from another machine) into this machine's progress.
    Import(exchange::ImportArgs),
    /// Staging benchmark: synthetic learners drilled by each scheduling policy.
    Simulate(simulate::SimulateArgs),
    /// Write a commented template for a new scenario that passes `check`.
    New(new::NewArgs),
    /// Report to the organisation's Learning Record Store (xAPI): config, status, push.
    Xapi(xapi::XapiArgs),
    /// The team view: baseline, latest and best per employee and behaviour (from this machine, or
    /// with --lrs from every machine reporting to the LRS).
    Team(team::TeamArgs),
    /// The word lists phrases (`@name`) and the built-in detectors read, with what the scenario
    /// folder's lexicon adds to them.
    Words(words::WordsArgs),
}

/// How a command prints its results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// For people.
    #[default]
    Human,
    /// One JSON object, for tools.
    Json,
}

/// Run a headless command; returns the process exit code.
pub fn run(command: Command, scenarios: Option<PathBuf>, data_dir: &Path) -> ExitCode {
    let code = match command {
        Command::Gui => EXIT_USAGE,
        Command::Check(args) => check::run(&args),
        Command::List(args) => list::run(&args, scenarios),
        Command::Score(args) => score::run(&args),
        Command::Simulate(args) => simulate::run(&args),
        Command::Plan(args) => plan::run(&args, scenarios, data_dir),
        Command::Export(args) => exchange::export(&args, data_dir),
        Command::Import(args) => exchange::import(&args, scenarios, data_dir),
        Command::New(args) => new::run(&args, scenarios),
        Command::Xapi(args) => xapi::run(&args, data_dir),
        Command::Team(args) => team::run(&args, scenarios, data_dir),
        Command::Words(args) => words::run(&args, scenarios),
    };
    ExitCode::from(code)
}

/// Open the progress store in `data_dir`, or print why not and give the exit code. A read-only
/// store opens (what is there can be read) with a warning that nothing can be saved.
pub fn open_store(data_dir: &Path) -> Result<Store, u8> {
    store_or_reason(data_dir).map_err(|(code, message)| {
        eprintln!("error: {message}");
        code
    })
}

/// The store in `data_dir`, or the exit code and why it could not be opened, for a command that
/// prints its own errors (so the reason is said once). A read-only store's warning is printed here.
pub fn store_or_reason(data_dir: &Path) -> Result<Store, (u8, String)> {
    let store = Store::open(data_dir, jiff::Zoned::now().date()).map_err(|e| (EXIT_INVALID, e.to_string()))?;
    if let Some(e) = store.read_only() {
        eprintln!("warning: {e}");
    }
    Ok(store)
}

/// The employee with this id, or print the known ids and give the usage exit code.
pub fn find_employee(store: &Store, id: &str) -> Result<Employee, u8> {
    let employees = store.employees().map_err(|e| {
        eprintln!("error: {e}");
        EXIT_INVALID
    })?;
    if let Some(found) = employees.iter().find(|e| e.id == id) {
        return Ok(found.clone());
    }
    let ids: Vec<&str> = employees.iter().map(|e| e.id.as_str()).collect();
    let hint = did_you_mean(id, ids.iter().copied()).map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default();
    if ids.is_empty() {
        eprintln!("error: no employee `{id}`: nobody has practised with this data folder yet");
    } else {
        eprintln!("error: no employee `{id}`{hint}; employees: {}", ids.join(", "));
    }
    Err(EXIT_USAGE)
}

/// A date given on the command line that is not written YYYY-MM-DD.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date; write it as YYYY-MM-DD, e.g. 2026-11-23")]
pub struct BadDate(pub String);

/// Read a YYYY-MM-DD date, or say what was expected.
pub fn parse_date(text: &str) -> Result<jiff::civil::Date, BadDate> {
    text.parse().map_err(|_| BadDate(text.to_string()))
}

/// The start every progress command shares: read the optional date (`--date`, `--since`), then open
/// the store in `data_dir`. On a problem it prints why and gives the exit code: usage for a bad
/// date, invalid for a store that cannot be opened.
pub fn date_and_store(date: Option<&str>, data_dir: &Path) -> Result<(Option<jiff::civil::Date>, Store), u8> {
    let date = date.map(parse_date).transpose().map_err(|e| {
        eprintln!("error: {e}");
        EXIT_USAGE
    })?;
    Ok((date, open_store(data_dir)?))
}
