//! A set of scenario files checked together: each file on its own, then across files.
//!
//! The io layer reads the bytes; everything from decoding to cross-file checks happens here, so a
//! bad file only ever costs its own scenario.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::author_tests::{failure_diagnostic, run_author_tests};
use super::diagnostic::{Diagnostic, count_by_severity, did_you_mean};
use super::parse::{decode, locate, parse};
use super::scenario::{Lexicon, Scenario};
use super::source_map::SourceMap;
use super::validate::{Reporter, validate_lexicon, validate_scenario, voice_path_problem};

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
}

struct Parsed {
    file: String,
    scenario: Scenario,
    map: SourceMap,
}

impl Library {
    /// Check and load `inputs`. `voice_exists(file, voice)` tells whether a turn's voice file exists.
    pub fn build(inputs: Vec<FileInput>, voice_exists: &dyn Fn(&str, &str) -> bool) -> Self {
        let mut library = Library { files: inputs.len(), ..Default::default() };
        let (lexicons, scenarios): (Vec<_>, Vec<_>) = inputs.into_iter().partition(|f| f.kind == FileKind::Lexicon);
        for input in lexicons {
            library.add_lexicon(input);
        }
        let mut parsed = Vec::new();
        for input in scenarios {
            if let Some(p) = library.parse_scenario(input, voice_exists) {
                parsed.push(p);
            }
        }
        library.check_across_files(parsed);
        library.run_author_tests();
        library
    }

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

    /// Every diagnostic rendered like a compiler, quoting the offending lines.
    pub fn render_diagnostics(&self) -> String {
        self.diagnostics
            .iter()
            .map(|d| d.render(self.sources.get(&d.file).map(String::as_str)))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn decode_input(&mut self, input: &FileInput) -> Option<String> {
        let bytes = match &input.contents {
            Ok(bytes) => bytes,
            Err(d) => {
                self.diagnostics.push(d.clone().in_file(&input.path));
                return None;
            }
        };
        match decode(bytes) {
            Ok(text) => {
                self.sources.insert(input.path.clone(), text.to_string());
                Some(text.to_string())
            }
            Err(d) => {
                self.diagnostics.push(d.in_file(&input.path));
                None
            }
        }
    }

    fn add_lexicon(&mut self, input: FileInput) {
        let Some(text) = self.decode_input(&input) else {
            return;
        };
        let (lexicon, map) = match parse::<Lexicon>(&text) {
            Ok(parsed) => parsed,
            Err(d) => return self.diagnostics.push(d.in_file(&input.path)),
        };
        let mut r = Reporter::new(&input.path, &text, &map);
        validate_lexicon(&lexicon, &mut r);
        for name in lexicon.sets.keys().filter(|n| self.lexicon.sets.contains_key(*n)) {
            r.at_key(
                &format!("sets.{name}"),
                Diagnostic::error(
                    "duplicate-id",
                    format!("lexicon set `{name}` is defined in more than one lexicon file"),
                ),
            );
        }
        let failed = r.has_errors();
        self.diagnostics.append(&mut r.diagnostics);
        if !failed {
            self.lexicon.format_version = lexicon.format_version;
            self.lexicon.sets.extend(lexicon.sets);
        }
    }

    fn parse_scenario(&mut self, input: FileInput, voice_exists: &dyn Fn(&str, &str) -> bool) -> Option<Parsed> {
        let text = self.decode_input(&input)?;
        let (scenario, map) = match parse::<Scenario>(&text) {
            Ok(parsed) => parsed,
            Err(d) => {
                self.diagnostics.push(d.in_file(&input.path));
                return None;
            }
        };
        let mut r = Reporter::new(&input.path, &text, &map);
        validate_scenario(&scenario, &self.lexicon, &mut r);
        for (i, turn) in scenario.turns.iter().enumerate() {
            if let Some(voice) = &turn.voice
                && voice_path_problem(voice).is_none()
                && !voice_exists(&input.path, voice)
            {
                r.at(
                    &format!("turns[{i}].voice"),
                    Diagnostic::warning(
                        "voice-missing",
                        format!("voice file `{voice}` was not found in the assets folder"),
                    )
                    .with_hint(
                        "the drill will run without the recording; add the file under assets/ or remove `voice`",
                    ),
                );
            }
        }
        let failed = r.has_errors();
        self.diagnostics.append(&mut r.diagnostics);
        (!failed).then_some(Parsed { file: input.path, scenario, map })
    }

    fn check_across_files(&mut self, parsed: Vec<Parsed>) {
        let mut first_file: BTreeMap<String, String> = BTreeMap::new();
        let mut kept = Vec::new();
        for p in parsed {
            if let Some(other) = first_file.get(&p.scenario.id) {
                let d = Diagnostic::error(
                    "duplicate-id",
                    format!("scenario id `{}` is already used by {other}", p.scenario.id),
                )
                .with_hint("ids must be unique across all scenario files; give this one its own id");
                self.push_at(&p, "id", d);
            } else {
                first_file.insert(p.scenario.id.clone(), p.file.clone());
                kept.push(p);
            }
        }
        for p in &kept {
            for (i, pre) in p.scenario.prerequisites.iter().enumerate() {
                if !first_file.contains_key(pre) && pre != &p.scenario.id {
                    let d = Diagnostic::warning(
                        "unknown-prerequisite",
                        format!("prerequisite `{pre}` is not among the scenarios checked"),
                    )
                    .with_optional_hint(
                        did_you_mean(pre, first_file.keys().map(String::as_str))
                            .map(|s| format!("did you mean `{s}`?")),
                    );
                    self.push_at(p, &format!("prerequisites[{i}]"), d);
                }
            }
        }
        let cyclic = prerequisite_cycles(&kept);
        for p in kept {
            if cyclic.contains(&p.scenario.id) {
                let d = Diagnostic::error(
                    "prerequisite-cycle",
                    format!("scenario `{}` is, through its prerequisites, its own prerequisite", p.scenario.id),
                )
                .with_hint("remove one prerequisite from the cycle");
                self.push_at(&p, "prerequisites", d);
            } else {
                self.scenarios.push(LoadedScenario { file: p.file, scenario: p.scenario, map: p.map });
            }
        }
    }

    /// Run every loaded scenario's author tests; failures are errors but the scenario stays loaded.
    fn run_author_tests(&mut self) {
        let mut found = Vec::new();
        let lists = std::sync::Arc::new(super::scoring::lists::Lists::new(&self.lexicon.sets));
        for loaded in &self.scenarios {
            let text = self.sources.get(&loaded.file).map(String::as_str).unwrap_or_default();
            for failure in run_author_tests(&loaded.scenario, &lists) {
                let d = failure_diagnostic(&loaded.scenario, &failure);
                found.push(
                    locate(d, &loaded.map, text, &format!("tests[{}].name", failure.index)).in_file(&loaded.file),
                );
            }
        }
        self.diagnostics.extend(found);
    }

    fn push_at(&mut self, p: &Parsed, path: &str, d: Diagnostic) {
        let text = self.sources.get(&p.file).map(String::as_str).unwrap_or_default();
        self.diagnostics.push(locate(d, &p.map, text, path).in_file(&p.file));
    }
}

/// Ids of scenarios that sit on a prerequisite cycle.
fn prerequisite_cycles(parsed: &[Parsed]) -> Vec<String> {
    let edges: HashMap<&str, Vec<&str>> = parsed
        .iter()
        .map(|p| (p.scenario.id.as_str(), p.scenario.prerequisites.iter().map(String::as_str).collect()))
        .collect();
    let mut cyclic = Vec::new();
    for start in edges.keys() {
        let mut stack: Vec<&str> = edges[start].clone();
        let mut seen = std::collections::HashSet::new();
        while let Some(id) = stack.pop() {
            if id == *start {
                cyclic.push(start.to_string());
                break;
            }
            if seen.insert(id) {
                stack.extend(edges.get(id).into_iter().flatten());
            }
        }
    }
    cyclic
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = include_str!("../../tests/fixtures/good/minimal.ron");
    const LEXICON: &str = "Lexicon(format_version: 1, sets: { \"apology\": [\"sorry\", \"apologise\"] })";

    fn input(path: &str, kind: FileKind, text: &str) -> FileInput {
        FileInput { path: path.into(), kind, contents: Ok(text.as_bytes().to_vec()) }
    }

    fn build(files: Vec<FileInput>) -> Library {
        let mut all = vec![input("lexicon.ron", FileKind::Lexicon, LEXICON)];
        all.extend(files);
        Library::build(all, &|_, _| true)
    }

    #[test]
    fn one_bad_file_does_not_stop_the_others() {
        let lib = build(vec![
            input("a.ron", FileKind::Scenario, GOOD),
            input("b.ron", FileKind::Scenario, "Scenario(id: "),
            input("c.ron", FileKind::Scenario, &GOOD.replace("\"minimal\"", "\"other\"")),
        ]);
        assert_eq!(lib.scenarios.len(), 2);
        assert_eq!(lib.summary().errors, 1);
        assert_eq!(lib.diagnostics[0].file, "b.ron");
    }

    #[test]
    fn duplicate_ids_across_files_name_both() {
        let lib = build(vec![input("a.ron", FileKind::Scenario, GOOD), input("b.ron", FileKind::Scenario, GOOD)]);
        assert_eq!(lib.scenarios.len(), 1);
        let d = &lib.diagnostics[0];
        assert_eq!((d.code, d.file.as_str()), ("duplicate-id", "b.ron"));
        assert!(d.message.contains("a.ron"));
        assert_eq!(d.start.map(|p| p.line), Some(4));
    }

    #[test]
    fn missing_voice_is_a_warning_only() {
        let lib = Library::build(
            vec![input("lexicon.ron", FileKind::Lexicon, LEXICON), input("a.ron", FileKind::Scenario, GOOD)],
            &|_, _| false,
        );
        assert_eq!(lib.scenarios.len(), 1);
        assert_eq!(lib.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(), vec!["voice-missing"]);
    }

    #[test]
    fn prerequisite_cycles_are_refused() {
        let a =
            GOOD.replace("frequency: 3,", "frequency: 3,\n    prerequisites: [\"b\"],").replace("\"minimal\"", "\"a\"");
        let b =
            GOOD.replace("frequency: 3,", "frequency: 3,\n    prerequisites: [\"a\"],").replace("\"minimal\"", "\"b\"");
        let lib = build(vec![input("a.ron", FileKind::Scenario, &a), input("b.ron", FileKind::Scenario, &b)]);
        assert_eq!(lib.scenarios.len(), 0);
        assert_eq!(lib.summary().errors, 2);
    }

    #[test]
    fn summary_counts_turns_and_criteria() {
        let lib = build(vec![input("a.ron", FileKind::Scenario, GOOD)]);
        assert_eq!(lib.summary(), Summary { files: 2, scenarios: 1, turns: 3, criteria: 5, errors: 0, warnings: 0 });
    }
}
