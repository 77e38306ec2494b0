//! The `followthrough` binary: the desktop app by default, headless commands otherwise.

use std::process::ExitCode;

use clap::Parser;
use followthrough::cli::{self, Cli, Command, EXIT_INVALID};
use followthrough::io::scenario_files::default_scenarios_dir;

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let args = Cli::parse();
    let data_dir = args.data_dir.clone().unwrap_or_else(followthrough::io::dirs::data_dir);
    match args.command {
        None | Some(Command::Gui) => {
            let dir = args.scenarios.unwrap_or_else(default_scenarios_dir);
            match followthrough::ui::run_native(dir, data_dir) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: cannot open the window: {e}");
                    ExitCode::from(EXIT_INVALID)
                }
            }
        }
        Some(command) => {
            end_quietly_on_closed_pipe();
            cli::run(command, args.scenarios, &data_dir)
        }
    }
}

/// A headless command whose output is piped into a reader that stops early (`| head`, quitting
/// `less`) ends at once, as `ls` or `grep` would, instead of panicking with "Broken pipe": Rust
/// ignores SIGPIPE by default, so every `println!` after the reader left would fail.
fn end_quietly_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restoring the default action of one signal before any other thread exists; no
    // handler function is installed.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
