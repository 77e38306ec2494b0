//! `followthrough check [PATH...]`: validate scenario files like a compiler would.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, OutputFormat};
use crate::core::library::{Library, Summary};
use crate::core::scenario::diagnostic::{Diagnostic, Severity};
use crate::io::budget::{CRITERION_BUDGET, PerCriterion};
use crate::io::scenario_files::{default_scenarios_dir, load_library};

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check (folders are searched for .ron files); default: the scenarios folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
}

/// One diagnostic as `check --format json` prints it.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    /// `error` or `warning`.
    pub severity: Severity,
    /// Stable kind of problem, e.g. `unknown-field`.
    pub code: &'a str,
    /// The file.
    pub file: &'a str,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// End line, when known.
    pub end_line: Option<usize>,
    /// End column (exclusive), when known.
    pub end_column: Option<usize>,
    /// The message.
    pub message: &'a str,
    /// What to do, when known.
    pub hint: Option<&'a str>,
}

impl<'a> From<&'a Diagnostic> for JsonDiagnostic<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        Self {
            severity: d.severity,
            code: d.code,
            file: &d.file,
            line: d.start.map(|p| p.line),
            column: d.start.map(|p| p.column),
            end_line: d.end.map(|p| p.line),
            end_column: d.end.map(|p| p.column),
            message: &d.message,
            hint: d.hint.as_deref(),
        }
    }
}

/// The whole `check --format json` report.
#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    /// Counts.
    pub summary: Summary,
    /// Every problem found.
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
}

/// The one-line summary printed after the diagnostics.
pub fn summary_line(s: &Summary) -> String {
    format!(
        "checked {} {}: {} {}, {} {}, {} {}; {} {}, {} {}",
        s.files,
        plural(s.files, "file", "files"),
        s.scenarios,
        plural(s.scenarios, "scenario", "scenarios"),
        s.turns,
        plural(s.turns, "turn", "turns"),
        s.criteria,
        plural(s.criteria, "criterion", "criteria"),
        s.errors,
        plural(s.errors, "error", "errors"),
        s.warnings,
        plural(s.warnings, "warning", "warnings"),
    )
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Print a library's diagnostics and summary in the chosen format.
pub fn print_report(library: &Library, format: OutputFormat) {
    let summary = library.summary();
    match format {
        OutputFormat::Human => {
            let rendered = library.render_diagnostics();
            if !rendered.is_empty() {
                eprintln!("{rendered}");
            }
            println!("{}", summary_line(&summary));
        }
        OutputFormat::Json => {
            let report =
                JsonReport { summary, diagnostics: library.diagnostics.iter().map(JsonDiagnostic::from).collect() };
            match serde_json::to_string_pretty(&report) {
                Ok(json) => println!("{json}"),
                Err(e) => eprintln!("error: cannot write the report as JSON: {e}"),
            }
        }
    }
}

/// Run `check`; returns the exit code (0 clean, 1 errors found, 2 usage error).
pub fn run(args: &CheckArgs) -> u8 {
    let paths = if args.paths.is_empty() { vec![default_scenarios_dir()] } else { args.paths.clone() };
    let mut library = match load_library(&paths) {
        Ok(library) => library,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    let budget = PerCriterion::new(CRITERION_BUDGET);
    library.report_slow_criteria(&budget, &format!("{} ms", budget.limit().as_millis()));
    print_report(&library, args.format);
    if library.summary().errors > 0 { EXIT_INVALID } else { EXIT_OK }
}
