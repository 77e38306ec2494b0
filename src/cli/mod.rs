//! The command line: `followthrough [COMMAND]`. With no command, the desktop app opens.

pub mod check;
pub mod list;
pub mod score;
pub mod simulate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

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
    /// Staging benchmark: synthetic learners drilled by each scheduling policy.
    Simulate(simulate::SimulateArgs),
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
pub fn run(command: Command, scenarios: Option<PathBuf>) -> ExitCode {
    let code = match command {
        Command::Gui => EXIT_USAGE,
        Command::Check(args) => check::run(&args),
        Command::List(args) => list::run(&args, scenarios),
        Command::Score(args) => score::run(&args),
        Command::Simulate(args) => simulate::run(&args),
    };
    ExitCode::from(code)
}
