//! The last gate before the compiled-in weights change: the scoring unit tests, which say in
//! sentences what each rule and concept must decide, run against the new weights. A retrain that
//! overturns one of them (say "Let me get that rebooked for you." losing takes-it-on) is put back.

use std::path::Path;
use std::process::Command;

/// Writes `json` to `path`; when it is the compiled-in model (`compiled_in`), only if the scoring
/// unit tests pass with it ([`write_if_unit_tests_pass`]).
pub fn write(path: &Path, json: &str, compiled_in: bool) -> Result<(), String> {
    if compiled_in {
        write_if_unit_tests_pass(path, json)
    } else {
        std::fs::write(path, json).map_err(|e| format!("write {}: {e}", path.display()))
    }
}

/// Writes `json` to `path` (the compiled-in model), runs `cargo test --lib scoring::` against it and
/// puts the previous file back when any test fails, returning the failing tests' names.
fn write_if_unit_tests_pass(path: &Path, json: &str) -> Result<(), String> {
    let previous = std::fs::read_to_string(path).map_err(|e| format!("read {}: {e}", path.display()))?;
    std::fs::write(path, json).map_err(|e| format!("write {}: {e}", path.display()))?;
    eprintln!("running the scoring unit tests with the new weights (cargo test --locked --lib scoring::) ...");
    let run = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["test", "--locked", "--lib", "scoring::"])
        .output();
    let failed = match run {
        Ok(output) if output.status.success() => return Ok(()),
        Ok(output) => {
            let text = String::from_utf8_lossy(&output.stdout);
            let names: Vec<&str> = text
                .lines()
                .filter(|l| l.starts_with("test ") && l.ends_with("FAILED"))
                .map(|l| l.trim_start_matches("test ").trim_end_matches(" ... FAILED"))
                .collect();
            if names.is_empty() { String::from_utf8_lossy(&output.stderr).into_owned() } else { names.join("\n  ") }
        }
        Err(e) => format!("could not run cargo: {e}"),
    };
    std::fs::write(path, previous).map_err(|e| format!("put back {}: {e}", path.display()))?;
    Err(format!("not written: scoring unit tests fail with the new weights (previous weights put back):\n  {failed}"))
}
