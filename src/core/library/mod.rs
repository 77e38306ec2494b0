//! A set of scenario files checked together: each file on its own, then across files.
//!
//! The io layer reads the bytes; everything from decoding to cross-file checks happens here, so a
//! bad file only ever costs its own scenario.

pub mod author_tests;
mod build;

pub use build::{AuthorTestJob, VoiceExists};
pub mod catalogue;
mod last_good;

use std::collections::HashMap;

use serde::Serialize;

use crate::core::scenario::diagnostic::{Diagnostic, count_by_severity};
use crate::core::scenario::source_map::SourceMap;
use crate::core::scenario::{Lexicon, Scenario};

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// One `Scenario( ... )`.
    Scenario,
    /// Shared synonym sets, `Lexicon( ... )` (files named `lexicon.ron`).
    Lexicon,
}

/// One file as read from disk (or an editor buffer), or the reason it could not be read.
#[derive(Debug, Clone)]
pub struct FileInput {
    /// The path as it will be shown to the user.
    pub path: String,
    /// What the file is expected to hold.
    pub kind: FileKind,
    /// The bytes, or a diagnostic (unreadable, too large).
    pub contents: Result<Vec<u8>, Diagnostic>,
}

/// A scenario that passed every check, with the file it came from.
#[derive(Debug, Clone)]
pub struct LoadedScenario {
    /// The file path as shown to the user.
    pub file: String,
    /// The scenario.
    pub scenario: Scenario,
    /// Where each value sits in the file (for locating later diagnostics).
    pub map: SourceMap,
}

/// Counts for the summary line of `check`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Files looked at.
    pub files: usize,
    /// Scenarios that loaded.
    pub scenarios: usize,
    /// Turns in the loaded scenarios.
    pub turns: usize,
    /// Rubric criteria in the loaded scenarios.
    pub criteria: usize,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
}

/// Every scenario that loaded, the merged lexicon, and every problem found.
#[derive(Debug, Default)]
pub struct Library {
    /// Scenarios that loaded, in path order.
    pub scenarios: Vec<LoadedScenario>,
    /// All lexicon sets, merged.
    pub lexicon: Lexicon,
    /// Problems, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The text of each file that decoded, for quoting lines in diagnostics.
    pub sources: HashMap<String, String>,
    /// How many files were looked at.
    pub files: usize,
    /// The path of every file looked at (scenarios, lexicons, unreadable ones), in the order given.
    pub paths: Vec<String>,
}

/// How one file fared in a [`Library`]: the counts behind a green, amber or red mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileStatus {
    /// No diagnostics in this file.
    Ok,
    /// Only warnings, this many.
    Warnings(usize),
    /// At least one error; this many errors (warnings not counted).
    Errors(usize),
}

/// The code of the warning left on a broken file whose last good scenario is still in use.
pub const USING_LAST_GOOD_VERSION: &str = "using-last-good-version";

impl Library {
    /// The scenario with this id.
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().map(|l| &l.scenario).find(|s| s.id == id)
    }

    /// Counts of files, scenarios, turns, criteria, errors and warnings.
    pub fn summary(&self) -> Summary {
        let (errors, warnings) = count_by_severity(&self.diagnostics);
        Summary {
            files: self.files,
            scenarios: self.scenarios.len(),
            turns: self.scenarios.iter().map(|l| l.scenario.turns.len()).sum(),
            criteria: self.scenarios.iter().flat_map(|l| &l.scenario.turns).map(|t| t.rubric.len()).sum(),
            errors,
            warnings,
        }
    }

    /// Whether `file` (a path as in [`Library::paths`]) has errors, only warnings, or neither.
    pub fn file_status(&self, file: &str) -> FileStatus {
        let (errors, warnings) = self
            .diagnostics
            .iter()
            .filter(|d| d.file == file)
            .fold((0, 0), |(e, w), d| if d.is_error() { (e + 1, w) } else { (e, w + 1) });
        match (errors, warnings) {
            (0, 0) => FileStatus::Ok,
            (0, w) => FileStatus::Warnings(w),
            (e, _) => FileStatus::Errors(e),
        }
    }

    /// Every diagnostic rendered like a compiler, quoting the offending lines.
    pub fn render_diagnostics(&self) -> String {
        self.diagnostics
            .iter()
            .map(|d| d.render(self.sources.get(&d.file).map(String::as_str)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(super) const GOOD: &str = include_str!("../../../tests/fixtures/good/minimal.ron");
    pub(super) const LEXICON: &str = "Lexicon(format_version: 1, sets: { \"apology\": [\"sorry\", \"apologise\"] })";

    pub(super) fn input(path: &str, kind: FileKind, text: &str) -> FileInput {
        FileInput { path: path.into(), kind, contents: Ok(text.as_bytes().to_vec()) }
    }

    pub(super) fn build(files: Vec<FileInput>) -> Library {
        let mut all = vec![input("lexicon.ron", FileKind::Lexicon, LEXICON)];
        all.extend(files);
        Library::build(all, &|_, _| true)
    }

    pub(super) const BROKEN: &str = "Scenario(id: ";

    pub(super) fn other() -> String {
        GOOD.replace("\"minimal\"", "\"other\"")
    }

    #[test]
    fn file_status_counts_that_files_diagnostics() {
        let lib = Library::build(
            vec![
                input("lexicon.ron", FileKind::Lexicon, LEXICON),
                input("a.ron", FileKind::Scenario, GOOD),
                input("b.ron", FileKind::Scenario, BROKEN),
                input("c.ron", FileKind::Scenario, &other()),
            ],
            &|file, _| file != "a.ron",
        );
        assert_eq!(lib.file_status("a.ron"), FileStatus::Warnings(1));
        assert_eq!(lib.file_status("b.ron"), FileStatus::Errors(1));
        assert_eq!(lib.file_status("c.ron"), FileStatus::Ok);
        assert_eq!(lib.file_status("not-read.ron"), FileStatus::Ok);
    }

    #[test]
    fn summary_counts_turns_and_criteria() {
        let lib = build(vec![input("a.ron", FileKind::Scenario, GOOD)]);
        assert_eq!(lib.summary(), Summary { files: 2, scenarios: 1, turns: 3, criteria: 5, errors: 0, warnings: 0 });
    }
}
