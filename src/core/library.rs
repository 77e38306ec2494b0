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

/// One loaded scenario's author tests with what they need to run and to point at the file.
#[derive(Clone)]
pub struct AuthorTestJob {
    loaded: LoadedScenario,
    source: String,
    lists: std::sync::Arc<super::scoring::lists::Lists>,
}

impl AuthorTestJob {
    /// The scenario file the tests are in.
    pub fn file(&self) -> &str {
        &self.loaded.file
    }

    /// Run the tests: one located error per test that no longer holds.
    pub fn run(&self) -> Vec<Diagnostic> {
        let loaded = &self.loaded;
        run_author_tests(&loaded.scenario, &self.lists)
            .iter()
            .map(|failure| {
                let d = failure_diagnostic(&loaded.scenario, failure);
                let path = format!("tests[{}].name", failure.index);
                locate(d, &loaded.map, &self.source, &path).in_file(&loaded.file)
            })
            .collect()
    }
}

struct Parsed {
    file: String,
    scenario: Scenario,
    map: SourceMap,
}

impl Library {
    /// Check and load `inputs`, author tests included. `voice_exists(file, voice)` tells whether a
    /// turn's voice file exists.
    pub fn build(inputs: Vec<FileInput>, voice_exists: &dyn Fn(&str, &str) -> bool) -> Self {
        let mut library = Self::build_untested(inputs, voice_exists);
        library.run_author_tests();
        library
    }

    /// Like [`Library::build`] but without running the author tests: the window shows the library
    /// first and runs [`Library::author_test_jobs`] afterwards, adding what they find.
    pub fn build_untested(inputs: Vec<FileInput>, voice_exists: &dyn Fn(&str, &str) -> bool) -> Self {
        let paths = inputs.iter().map(|f| f.path.clone()).collect();
        let mut library = Library { files: inputs.len(), paths, ..Default::default() };
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

    /// After a reload, keep drills working while an author fixes a file: every file that loaded a
    /// scenario in `previous` but now has errors (so none of its scenarios loaded) gets that
    /// [`LoadedScenario`] back, with a `using-last-good-version` warning after the file's errors.
    ///
    /// Not restored: files no longer among [`Library::paths`] (deleted or renamed), and scenarios
    /// whose id another file now provides. Lexicon sets a restored scenario may use that are gone
    /// from this library are taken from `previous`, so it scores as before. The restored scenario's
    /// source map points into its old text, while [`Library::sources`] keeps the new text that the
    /// errors quote.
    pub fn keep_last_good(&mut self, previous: &Library) {
        let mut restored = false;
        for old in &previous.scenarios {
            let still_there = self.paths.contains(&old.file);
            let loads_now = self.scenarios.iter().any(|l| l.file == old.file);
            let has_errors = self.diagnostics.iter().any(|d| d.file == old.file && d.is_error());
            if !still_there || loads_now || !has_errors || self.scenario(&old.scenario.id).is_some() {
                continue;
            }
            self.scenarios.push(old.clone());
            let warning = Diagnostic::warning(
                USING_LAST_GOOD_VERSION,
                format!(
                    "this file has errors, so the last version that loaded (scenario `{}`) is still in use; \
                     fix the errors above and save",
                    old.scenario.id
                ),
            )
            .in_file(&old.file);
            let after =
                self.diagnostics.iter().rposition(|d| d.file == old.file).map_or(self.diagnostics.len(), |i| i + 1);
            self.diagnostics.insert(after, warning);
            restored = true;
        }
        if !restored {
            return;
        }
        let order: HashMap<&str, usize> = self.paths.iter().enumerate().map(|(i, p)| (p.as_str(), i)).collect();
        self.scenarios.sort_by_key(|l| order.get(l.file.as_str()).copied().unwrap_or(usize::MAX));
        for (name, members) in &previous.lexicon.sets {
            self.lexicon.sets.entry(name.clone()).or_insert_with(|| members.clone());
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
        // A team folder often carries a copy of the bundled lexicon: the same set twice is fine;
        // a set whose words differ is merged (every word counts) with a warning to reconcile them.
        for (name, words) in lexicon.sets.iter().filter(|(n, _)| self.lexicon.sets.contains_key(*n)) {
            let known = &self.lexicon.sets[name];
            if known != words {
                r.at_key(
                    &format!("sets.{name}"),
                    Diagnostic::warning(
                        "lexicon-set-differs",
                        format!("lexicon set `{name}` is also defined in another lexicon file with other words; both lists are used"),
                    )
                    .with_hint("keep one definition of each set, or make the copies identical"),
                );
            }
        }
        let failed = r.has_errors();
        self.diagnostics.append(&mut r.diagnostics);
        if !failed {
            self.lexicon.format_version = lexicon.format_version;
            for (name, words) in lexicon.sets {
                let merged = self.lexicon.sets.entry(name).or_default();
                for w in words {
                    if !merged.contains(&w) {
                        merged.push(w);
                    }
                }
            }
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
        let found: Vec<Diagnostic> = self.author_test_jobs().iter().flat_map(AuthorTestJob::run).collect();
        self.diagnostics.extend(found);
    }

    /// The author tests of every loaded scenario, one job per scenario, to run on any thread.
    pub fn author_test_jobs(&self) -> Vec<AuthorTestJob> {
        let lists = std::sync::Arc::new(super::scoring::lists::Lists::new(&self.lexicon.sets));
        self.scenarios
            .iter()
            .filter(|loaded| !loaded.scenario.tests.is_empty())
            .map(|loaded| AuthorTestJob {
                loaded: loaded.clone(),
                source: self.sources.get(&loaded.file).cloned().unwrap_or_default(),
                lists: std::sync::Arc::clone(&lists),
            })
            .collect()
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
    fn a_copied_lexicon_merges_and_differing_sets_warn_but_keep_every_word() {
        let same = build(vec![
            input("lexicon.ron", FileKind::Lexicon, LEXICON),
            input("team/lexicon.ron", FileKind::Lexicon, LEXICON),
            input("a.ron", FileKind::Scenario, GOOD),
        ]);
        assert!(same.diagnostics.iter().all(|d| !d.is_error()), "{:?}", same.diagnostics);
        assert_eq!(same.scenarios.len(), 1);
        let other = "Lexicon(format_version: 1, sets: {\"apology\": [\"pardon me\"]})";
        let merged = build(vec![
            input("lexicon.ron", FileKind::Lexicon, LEXICON),
            input("team/lexicon.ron", FileKind::Lexicon, other),
        ]);
        let words = &merged.lexicon.sets["apology"];
        assert!(words.iter().any(|w| w == "pardon me") && words.iter().any(|w| w == "sorry"), "{words:?}");
        assert!(merged.diagnostics.iter().any(|d| d.code == "lexicon-set-differs" && d.file == "team/lexicon.ron"));
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

    const BROKEN: &str = "Scenario(id: ";

    fn other() -> String {
        GOOD.replace("\"minimal\"", "\"other\"")
    }

    #[test]
    fn a_file_broken_after_loading_keeps_its_last_good_scenario_with_a_warning() {
        let before =
            build(vec![input("a.ron", FileKind::Scenario, GOOD), input("b.ron", FileKind::Scenario, &other())]);
        let mut after =
            build(vec![input("a.ron", FileKind::Scenario, BROKEN), input("b.ron", FileKind::Scenario, &other())]);
        assert!(after.scenario("minimal").is_none());
        after.keep_last_good(&before);
        assert_eq!(after.scenarios.iter().map(|l| l.file.as_str()).collect::<Vec<_>>(), ["a.ron", "b.ron"]);
        assert!(after.scenario("minimal").is_some());
        let codes: Vec<_> = after.diagnostics.iter().map(|d| (d.file.as_str(), d.code, d.is_error())).collect();
        assert_eq!(codes.len(), 2);
        assert_eq!(codes[0].0, "a.ron");
        assert!(codes[0].2, "the parse error comes first");
        assert_eq!(codes[1], ("a.ron", USING_LAST_GOOD_VERSION, false));
        assert!(after.diagnostics[1].message.contains("last version that loaded"));
        // Still broken on the next reload: the restored scenario is kept again.
        let mut again =
            build(vec![input("a.ron", FileKind::Scenario, BROKEN), input("b.ron", FileKind::Scenario, &other())]);
        again.keep_last_good(&after);
        assert!(again.scenario("minimal").is_some());
    }

    #[test]
    fn a_file_fixed_or_changed_replaces_the_old_scenario() {
        let before = build(vec![input("a.ron", FileKind::Scenario, GOOD)]);
        let changed = GOOD.replace("Minimal call-back", "Changed title");
        let mut after = build(vec![input("a.ron", FileKind::Scenario, &changed)]);
        after.keep_last_good(&before);
        assert_eq!(after.scenarios.len(), 1);
        assert_eq!(after.scenarios[0].scenario.title, "Changed title");
        assert!(after.diagnostics.is_empty());
    }

    #[test]
    fn a_deleted_file_is_not_restored() {
        let before =
            build(vec![input("a.ron", FileKind::Scenario, GOOD), input("b.ron", FileKind::Scenario, &other())]);
        let mut after = build(vec![input("b.ron", FileKind::Scenario, &other())]);
        after.keep_last_good(&before);
        assert!(after.scenario("minimal").is_none());
        assert!(after.diagnostics.is_empty());
        assert_eq!(after.paths, ["lexicon.ron", "b.ron"]);
    }

    #[test]
    fn an_id_now_provided_by_another_file_is_not_restored_twice() {
        let before = build(vec![input("a.ron", FileKind::Scenario, GOOD)]);
        let mut after =
            build(vec![input("a.ron", FileKind::Scenario, BROKEN), input("b.ron", FileKind::Scenario, GOOD)]);
        after.keep_last_good(&before);
        assert_eq!(after.scenarios.len(), 1);
        assert_eq!(after.scenarios[0].file, "b.ron");
        assert!(after.diagnostics.iter().all(|d| d.code != USING_LAST_GOOD_VERSION));
    }

    #[test]
    fn a_scenario_refused_for_a_broken_lexicon_keeps_the_sets_it_used() {
        let with_set = GOOD.replace(
            "Phrase(\"call [you] (at | by) {time}\")",
            "Phrase(\"call [you] (at | by) {time}\"), Phrase(\"@apology\")",
        );
        let before = build(vec![input("a.ron", FileKind::Scenario, &with_set)]);
        assert!(before.scenario("minimal").is_some());
        let mut after = Library::build(
            vec![input("lexicon.ron", FileKind::Lexicon, "Lexicon("), input("a.ron", FileKind::Scenario, &with_set)],
            &|_, _| true,
        );
        assert!(after.scenario("minimal").is_none());
        after.keep_last_good(&before);
        assert!(after.scenario("minimal").is_some());
        assert!(after.lexicon.sets.contains_key("apology"));
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
