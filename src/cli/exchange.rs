//! `followthrough export` and `followthrough import`: attempts as CSV, one row per answered turn,
//! for spreadsheets and for merging progress from another machine; or exported as xAPI statements
//! (JSON lines) for an LRS.

use crate::core::plural::plural;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{EXIT_INVALID, EXIT_OK, date_and_store, open_store};
use crate::io::atomic_file::write_atomically;
use crate::io::file_error::FileError;
use crate::io::scenario_files::load_library_untested;
use crate::io::store::{AttemptFilter, Store, StoreError};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values with a header row (UTF-8 with a byte-order mark).
    Csv,
    /// xAPI statements, one JSON object a line (an offline hand-over to an LRS; no credentials).
    Xapi,
}

/// Flags of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// File format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Only this employee's attempts.
    #[arg(long, value_name = "ID")]
    pub employee: Option<String>,
    /// Only attempts started on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Flags of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// CSV files written by `followthrough export`.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Write the export.
pub fn export(args: &ExportArgs, data_dir: &Path) -> u8 {
    let (since, store) = match date_and_store(args.since.as_deref(), data_dir) {
        Ok(started) => started,
        Err(code) => return code,
    };
    if let Some(id) = &args.employee
        && let Err(code) = super::find_employee(&store, id)
    {
        return code;
    }
    let filter = AttemptFilter { employee: args.employee.clone(), since, scenario: None };
    let mut buffer = Vec::new();
    let exported = match args.format {
        ExportFormat::Csv => store.export_csv(&mut buffer, &filter).map_err(ExportError::from),
        ExportFormat::Xapi => xapi_lines(&store, &filter, &mut buffer),
    };
    let rows = match exported {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_INVALID;
        }
    };
    let written = match &args.out {
        Some(path) => write_atomically(path, &buffer),
        None => {
            std::io::stdout().write_all(&buffer).map_err(FileError::io("cannot write", Path::new("standard output")))
        }
    };
    match written {
        Ok(()) => {
            if let Some(path) = &args.out {
                let what = if args.format == ExportFormat::Xapi {
                    plural(rows, "statement", "statements")
                } else {
                    plural(rows, "turn row", "turn rows")
                };
                eprintln!("exported {what} to {}", path.display());
            }
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_INVALID
        }
    }
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
enum ExportError {
    /// The progress store could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A statement could not be written as JSON.
    #[error("a statement could not be written as JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Every matching attempt's statement, one JSON object a line; returns how many.
fn xapi_lines(store: &Store, filter: &AttemptFilter, out: &mut Vec<u8>) -> Result<usize, ExportError> {
    let statements = store.xapi_statements(filter)?;
    for s in &statements {
        serde_json::to_writer(&mut *out, s)?;
        out.push(b'\n');
    }
    Ok(statements.len())
}

/// Merge exports into the store; an attempt already there is never added twice. Worths the files
/// do not carry are then settled from the scenarios in `scenarios` (and the team's folders), as
/// the app settles them when it loads the library.
pub fn import(args: &ImportArgs, scenarios: Option<PathBuf>, data_dir: &Path) -> u8 {
    let store = match open_store(data_dir) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut code = EXIT_OK;
    let mut added = 0;
    for file in &args.files {
        let report = std::fs::File::open(file)
            .map_err(|e| e.to_string())
            .and_then(|mut f| store.import_csv(&mut f).map_err(|e| e.to_string()));
        match report {
            Ok(r) => {
                added += r.attempts_added;
                println!(
                    "{}: {} added ({}), {} already here, {}",
                    file.display(),
                    plural(r.attempts_added, "attempt", "attempts"),
                    plural(r.turns_added, "turn", "turns"),
                    r.attempts_skipped,
                    plural(r.employees_added, "new employee", "new employees")
                );
            }
            Err(e) => {
                eprintln!("error: {}: {e}; nothing from this file was imported", file.display());
                code = EXIT_INVALID;
            }
        }
    }
    if added > 0 {
        settle_worths(&store, scenarios);
    }
    code
}

/// Give imported verdicts whose worth the file did not carry the exact worth from the scenarios
/// loaded; a library or store that cannot be read leaves them estimated, with a warning.
fn settle_worths(store: &Store, scenarios: Option<PathBuf>) {
    let library = match load_library_untested(&super::plan::folders(store, scenarios)) {
        Ok(library) => library,
        Err(e) => {
            eprintln!("warning: {e}; the worth of imported criteria stays estimated until the scenarios are loaded");
            return;
        }
    };
    let list: Vec<_> = library.scenarios.iter().map(|l| &l.scenario).collect();
    if let Err(e) = store.settle_worths(&list) {
        eprintln!("warning: the worth of imported criteria could not be settled: {e}");
    }
}
