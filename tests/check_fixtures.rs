//! Every malformed fixture in `tests/fixtures/bad/` is reported with the expected code at the
//! expected line and column (listed in `EXPECTED.tsv`), and the bundled scenarios are clean.

use std::path::{Path, PathBuf};

use followthrough::core::scenario::diagnostic::Severity;
use followthrough::io::scenario_files::load_library;

struct Expected {
    file: String,
    position: Option<(usize, usize)>,
    severity: Severity,
    code: String,
}

fn expectations() -> Vec<Expected> {
    let text = std::fs::read_to_string("tests/fixtures/bad/EXPECTED.tsv").expect("EXPECTED.tsv is readable");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "bad manifest line: {line}");
            let position = (cols[1] != "-").then(|| {
                let (l, c) = cols[1].split_once(':').expect("line:col");
                (l.parse().expect("line"), c.parse().expect("col"))
            });
            let severity = if cols[2] == "warning" { Severity::Warning } else { Severity::Error };
            Expected { file: cols[0].to_string(), position, severity, code: cols[3].to_string() }
        })
        .collect()
}

fn file_name(path: &str) -> String {
    Path::new(path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

#[test]
fn every_bad_fixture_is_reported_at_the_right_place() {
    let library = load_library(&[PathBuf::from("tests/fixtures/bad")]).expect("fixture folder exists");
    let expected = expectations();
    assert!(expected.len() >= 30, "at least 30 bad fixtures, found {}", expected.len());
    let mut failures = Vec::new();
    for e in &expected {
        let found = library.diagnostics.iter().any(|d| {
            file_name(&d.file) == e.file
                && d.code == e.code
                && d.severity == e.severity
                && e.position.is_none_or(|(line, col)| d.start.is_some_and(|p| p.line == line && p.column == col))
        });
        if !found {
            let got: Vec<String> = library
                .diagnostics
                .iter()
                .filter(|d| file_name(&d.file) == e.file)
                .map(|d| format!("{} at {:?}: {}", d.code, d.start.map(|p| (p.line, p.column)), d.message))
                .collect();
            failures.push(format!("{}: expected {} at {:?}, got {got:?}", e.file, e.code, e.position));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_bad_fixture_has_an_expectation_and_a_message_with_a_location() {
    let expected = expectations();
    let mut names: Vec<String> = std::fs::read_dir("tests/fixtures/bad")
        .expect("fixture folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron") && n != "lexicon.ron" && !n.contains("original-of-duplicate"))
        .collect();
    names.sort();
    for name in &names {
        assert!(expected.iter().any(|e| &e.file == name), "{name} has no line in EXPECTED.tsv");
    }
    let library = load_library(&[PathBuf::from("tests/fixtures/bad")]).expect("fixture folder exists");
    for d in &library.diagnostics {
        let rendered = d.render(library.sources.get(&d.file).map(String::as_str));
        assert!(rendered.starts_with(&d.file), "{rendered}");
        assert!(!d.message.is_empty());
    }
}

#[test]
fn bundled_scenarios_pass_check_cleanly() {
    let library = load_library(&[PathBuf::from("scenarios")]).expect("scenarios folder exists");
    assert_eq!(library.diagnostics, vec![], "{}", library.render_diagnostics());
    let summary = library.summary();
    assert!(summary.scenarios >= 16, "the starter library has {} scenarios", summary.scenarios);
}

#[test]
fn one_bad_file_does_not_stop_the_good_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy("tests/fixtures/good/minimal.ron", dir.path().join("a-good.ron")).expect("copy");
    std::fs::copy("tests/fixtures/good/lexicon.ron", dir.path().join("lexicon.ron")).expect("copy");
    std::fs::copy("tests/fixtures/bad/04-typo-in-field-name.ron", dir.path().join("b-bad.ron")).expect("copy");
    std::fs::write(dir.path().join("c-garbage.ron"), [0u8, 159, 146, 150]).expect("write");
    let library = load_library(&[dir.path().to_path_buf()]).expect("loads");
    assert_eq!(library.scenarios.len(), 1);
    assert_eq!(library.scenarios[0].scenario.id, "minimal");
    assert_eq!(library.summary().errors, 2);
}

/// Whether a phrase pins a day or time of its own: a weekday, a month (the scorer's own lists; a
/// month as a whole word, so "maybe" is not May), a `{time}` slot or a number of working days.
fn names_a_day_or_time(phrase: &str) -> bool {
    use followthrough::core::scoring::time::{MONTHS, WEEKDAYS};
    let p = phrase.to_lowercase();
    let words: Vec<&str> = p.split(|c: char| !c.is_alphanumeric()).collect();
    WEEKDAYS.iter().chain(&["tomorrow", "{time}", "working days"]).any(|w| p.contains(w))
        || MONTHS.iter().any(|m| words.contains(m))
}

#[test]
fn starter_library_meets_the_content_bar() {
    use followthrough::core::scenario::{CriterionKind, Matcher};
    let library = load_library(&[PathBuf::from("scenarios")]).expect("scenarios folder exists");
    let scenarios: Vec<_> = library.scenarios.iter().map(|l| &l.scenario).collect();
    let mut families: Vec<&str> = scenarios.iter().flat_map(|s| s.job_families.iter().map(String::as_str)).collect();
    families.sort();
    families.dedup();
    assert!(families.len() >= 5, "job families covered: {families:?}");
    let branching = scenarios.iter().filter(|s| s.turns.iter().any(|t| !t.branches.is_empty())).count();
    assert!(branching * 2 >= scenarios.len(), "{branching} of {} scenarios branch", scenarios.len());
    let mut priorities: Vec<u32> = scenarios.iter().map(|s| s.priority()).collect();
    priorities.sort();
    priorities.dedup();
    assert!(priorities.len() >= 4, "priorities give staging something to order: {priorities:?}");
    for s in &scenarios {
        assert!((2..=5).contains(&s.turns.len()), "{} has {} turns", s.id, s.turns.len());
        assert!(s.tests.len() >= 4, "{} has {} author tests", s.id, s.tests.len());
        let forbids = s.turns.iter().flat_map(|t| &t.rubric).any(|c| c.kind == CriterionKind::Forbidden);
        assert!(forbids, "{} forbids nothing (blame language, vague promises...)", s.id);
        if s.behaviour.iter().any(|b| b == "follow-up") {
            let commits_to_time = s.turns.iter().flat_map(|t| &t.rubric).any(|c| {
                c.kind == CriterionKind::Required
                    && c.detect.iter().any(|m| {
                        // The author chooses how precise: a day, a time on a known day, or the older
                        // detector, alone or inside `All([...])` with the scenario's own facts.
                        let mut stack = vec![m];
                        while let Some(m) = stack.pop() {
                            match m {
                                Matcher::All(inner) | Matcher::Sentence(inner) => stack.extend(inner),
                                Matcher::Detector(d)
                                    if ["specific-time-commitment", "specific-time", "specific-day"]
                                        .contains(&d.as_str()) =>
                                {
                                    return true;
                                }
                                // Or the scenario's own promised day as a fact phrase ("back on your
                                // card by Friday"), when a generic detector would accept any promise.
                                Matcher::Phrase(p) if names_a_day_or_time(p) => return true,
                                _ => {}
                            }
                        }
                        false
                    })
            });
            assert!(
                commits_to_time,
                "{} is a follow-up scenario without a criterion requiring a specific time or day",
                s.id
            );
        }
    }
}

#[test]
fn bundled_voice_lines_decode_and_six_scenarios_have_one() {
    use followthrough::io::audio::decoded_duration;
    use followthrough::io::scenario_files::resolve_voice;
    let library = load_library(&[PathBuf::from("scenarios")]).expect("scenarios folder exists");
    let mut voiced = 0;
    for loaded in &library.scenarios {
        for turn in &loaded.scenario.turns {
            let Some(voice) = &turn.voice else { continue };
            let path = resolve_voice(Path::new(&loaded.file), voice).unwrap_or_else(|| panic!("{voice} is missing"));
            let length = decoded_duration(&path).unwrap_or_else(|e| panic!("{e}"));
            assert!(length.as_secs_f32() > 1.5, "{voice} lasts only {length:?}");
            voiced += 1;
        }
    }
    assert!(voiced >= 6, "{voiced} voice lines");
}
