//! `followthrough new --id ID --behaviour B`: write a commented template for a new scenario that
//! passes `check`, never over an existing file.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use crate::core::authoring::template::scenario_template;
use crate::io::scenario_files::write_new_file;

/// Arguments of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new scenario's id (kebab-case, e.g. `missed-callback-2`); stable once people practise it.
    #[arg(long)]
    pub id: String,
    /// The main behaviour it trains (e.g. `follow-up`, `ownership`, `warm-handover`).
    #[arg(long)]
    pub behaviour: String,
    /// Who it is for (e.g. `bank-branch`); default: `contact-centre`.
    #[arg(long, value_name = "FAMILY")]
    pub job_family: Option<String>,
    /// Where to write it (default: scenarios/ID.ron); parent folders are created. Never overwritten.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Run `new`; returns the exit code (0 written, 1 the file exists or cannot be written, 2 bad arguments).
pub fn run(args: &NewArgs, scenarios: Option<PathBuf>) -> u8 {
    // An id already in the library would clash (and, sorting first, push the real scenario out).
    let folder = scenarios.unwrap_or_else(crate::io::scenario_files::default_scenarios_dir);
    if let Ok(library) = crate::io::scenario_files::load_library(std::slice::from_ref(&folder))
        && let Some(taken) = library.scenarios.iter().find(|l| l.scenario.id == args.id)
    {
        eprintln!("error: the id `{}` is already used by {}; choose another --id", args.id, taken.file);
        return EXIT_INVALID;
    }
    let text = match scenario_template(&args.id, &args.behaviour, args.job_family.as_deref()) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_USAGE;
        }
    };
    let path = args.out.clone().unwrap_or_else(|| Path::new("scenarios").join(format!("{}.ron", args.id)));
    match write_new_file(&path, &text) {
        Ok(()) => {
            println!("wrote {}", path.display());
            println!("next: edit it, then run `followthrough check {}`", path.display());
            EXIT_OK
        }
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_INVALID
        }
    }
}
