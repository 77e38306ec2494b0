//! Building a [`Library`]: decode each file, parse and validate it on its own (scenario files on
//! every core, each file's findings kept in the files' order), then check across files (duplicate
//! ids, prerequisites and their cycles) and run every loaded scenario's author tests.

use std::collections::{BTreeMap, HashMap};

use super::author_tests::{failure_diagnostic, run_author_tests};
use super::{FileInput, FileKind, Library, LoadedScenario};
use crate::core::scenario::diagnostic::{Diagnostic, did_you_mean};
use crate::core::scenario::parse::{decode, locate, parse};
use crate::core::scenario::source_map::SourceMap;
use crate::core::scenario::validate::patterns::PatternChecks;
use crate::core::scenario::validate::{Reporter, validate_lexicon, validate_scenario_with, voice_path_problem};
use crate::core::scenario::{Lexicon, Scenario};
use crate::core::scoring::budget::Budget;
use crate::core::scoring::slow::slow_criteria;

/// One loaded scenario's author tests with what they need to run and to point at the file.
#[derive(Clone)]
pub struct AuthorTestJob {
    loaded: LoadedScenario,
    source: String,
    lists: std::sync::Arc<crate::core::scoring::lists::Lists>,
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

/// Tells whether a turn's voice file exists: `voice_exists(scenario file, voice)`. Asked from
/// several threads at once.
pub type VoiceExists = dyn Fn(&str, &str) -> bool + Sync;

/// One scenario file checked on its own.
struct Checked {
    /// The file's text, when it decoded.
    text: Option<String>,
    /// What was found in it, in order.
    diagnostics: Vec<Diagnostic>,
    /// The scenario, when it had no errors.
    parsed: Option<Parsed>,
}

impl Library {
    /// Check and load `inputs`, author tests included. `voice_exists(file, voice)` tells whether a
    /// turn's voice file exists.
    pub fn build(inputs: Vec<FileInput>, voice_exists: &VoiceExists) -> Self {
        let mut library = Self::build_untested(inputs, voice_exists);
        library.run_author_tests();
        library
    }

    /// Like [`Library::build`] but without running the author tests: the window shows the library
    /// first and runs [`Library::author_test_jobs`] afterwards, adding what they find.
    pub fn build_untested(inputs: Vec<FileInput>, voice_exists: &VoiceExists) -> Self {
        use rayon::prelude::*;
        let paths = inputs.iter().map(|f| f.path.clone()).collect();
        let mut library = Library { files: inputs.len(), paths, ..Default::default() };
        let (lexicons, scenarios): (Vec<_>, Vec<_>) = inputs.into_iter().partition(|f| f.kind == FileKind::Lexicon);
        for input in lexicons {
            library.add_lexicon(input);
        }
        // Each distinct phrase and regex is read once for the whole library.
        let checked: Vec<(String, Checked)> = {
            let checks = PatternChecks::new(&library.lexicon);
            scenarios
                .into_par_iter()
                .map(|input| (input.path.clone(), check_scenario_file(input, &checks, voice_exists)))
                .collect()
        };
        let mut parsed = Vec::new();
        for (path, checked) in checked {
            library.diagnostics.extend(checked.diagnostics);
            if let Some(text) = checked.text {
                library.sources.insert(path, text);
            }
            parsed.extend(checked.parsed);
        }
        library.check_across_files(parsed);
        library
    }

    fn decode_input(&mut self, input: &FileInput) -> Option<String> {
        match decode_file(input) {
            Ok(text) => {
                self.sources.insert(input.path.clone(), text.clone());
                Some(text)
            }
            Err(d) => {
                self.diagnostics.push(d);
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

    /// Run every loaded scenario's author tests, on every core (the findings keep the scenarios'
    /// order); failures are errors but the scenario stays loaded.
    fn run_author_tests(&mut self) {
        use rayon::prelude::*;
        let found: Vec<Vec<Diagnostic>> = self.author_test_jobs().par_iter().map(AuthorTestJob::run).collect();
        self.diagnostics.extend(found.into_iter().flatten());
    }

    /// Score every loaded scenario's model answers and author tests within `budget` (the caller's
    /// clock: `check` gives each criterion [`crate::io::budget::CRITERION_BUDGET`]) and warn, at its
    /// id, about each criterion that ran out of it; `limit` says the budget in words for the message.
    pub fn report_slow_criteria(&mut self, budget: &dyn Budget, limit: &str) {
        let lists = std::sync::Arc::new(crate::core::scoring::lists::Lists::new(&self.lexicon.sets));
        let mut found = Vec::new();
        for loaded in &self.scenarios {
            let text = self.sources.get(&loaded.file).map(String::as_str).unwrap_or_default();
            for slow in slow_criteria(&loaded.scenario, &lists, budget) {
                let turn = &loaded.scenario.turns[slow.turn];
                let d = Diagnostic::warning(
                    "too-slow",
                    format!(
                        "criterion `{}` of turn `{}` took over {limit} to score on {}; a drill stops scoring there \
                         and scores the turn without it",
                        turn.rubric[slow.criterion].id, turn.id, slow.answer
                    ),
                )
                .with_hint(
                    "use fewer `*` gaps and `[optional]` groups, or a lexicon set instead of a long `( | )` choice",
                );
                let path = format!("turns[{}].rubric[{}].id", slow.turn, slow.criterion);
                found.push(locate(d, &loaded.map, text, &path).in_file(&loaded.file));
            }
        }
        self.diagnostics.extend(found);
    }

    /// The author tests of every loaded scenario, one job per scenario, to run on any thread.
    pub fn author_test_jobs(&self) -> Vec<AuthorTestJob> {
        let lists = std::sync::Arc::new(crate::core::scoring::lists::Lists::new(&self.lexicon.sets));
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

/// A file's text, or the located reason it cannot be read as text.
fn decode_file(input: &FileInput) -> Result<String, Diagnostic> {
    match &input.contents {
        Ok(bytes) => decode(bytes).map(str::to_string).map_err(|d| d.in_file(&input.path)),
        Err(d) => Err(d.clone().in_file(&input.path)),
    }
}

/// Decode, parse and validate one scenario file against the library's lexicon.
fn check_scenario_file(input: FileInput, checks: &PatternChecks, voice_exists: &VoiceExists) -> Checked {
    let text = match decode_file(&input) {
        Ok(text) => text,
        Err(d) => return Checked { text: None, diagnostics: vec![d], parsed: None },
    };
    let (scenario, map) = match parse::<Scenario>(&text) {
        Ok(parsed) => parsed,
        Err(d) => return Checked { text: Some(text), diagnostics: vec![d.in_file(&input.path)], parsed: None },
    };
    let mut r = Reporter::new(&input.path, &text, &map);
    validate_scenario_with(&scenario, checks, &mut r);
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
                .with_hint("the drill will run without the recording; add the file under assets/ or remove `voice`"),
            );
        }
    }
    let failed = r.has_errors();
    let diagnostics = std::mem::take(&mut r.diagnostics);
    let parsed = (!failed).then_some(Parsed { file: input.path, scenario, map });
    Checked { text: Some(text), diagnostics, parsed }
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
    use super::super::tests::{GOOD, LEXICON, build, input};
    use super::*;

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
    fn a_criterion_over_its_budget_is_a_located_warning() {
        let mut lib = build(vec![input("a.ron", FileKind::Scenario, GOOD)]);
        assert_eq!(lib.summary().warnings, 0);
        // A fake clock: time runs out whenever the second criterion ("time") starts.
        let slow_second = std::cell::Cell::new(false);
        struct Fake<'a>(&'a std::cell::Cell<bool>);
        impl Budget for Fake<'_> {
            fn criterion_started(&self, index: usize) {
                self.0.set(index == 1);
            }
            fn exhausted(&self) -> bool {
                self.0.get()
            }
        }
        lib.report_slow_criteria(&Fake(&slow_second), "100 ms");
        let d = lib.diagnostics.iter().find(|d| d.code == "too-slow").expect("a too-slow warning");
        assert_eq!(d.severity, crate::core::scenario::diagnostic::Severity::Warning);
        assert!(d.message.contains("criterion `time` of turn `opening` took over 100 ms"), "{}", d.message);
        assert!(d.message.contains("the model answer"), "{}", d.message);
        let line = GOOD.lines().position(|l| l.contains("id: \"time\"")).expect("line") + 1;
        assert_eq!(d.start.map(|p| p.line), Some(line));
        assert_eq!(d.file, "a.ron");
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
}
