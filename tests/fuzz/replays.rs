//! Every input the fuzz suite found, kept in `tests/fixtures/fuzz/` and replayed through the same
//! pipeline: `NAME.ron` is the scenario, checked beside `NAME.lexicon.ron` when there is one (else
//! the bundled lexicon) and scored with the answer in `NAME.answer.txt` when there is one.

use std::path::Path;

use crate::fuzz::pipeline::{CaseFile, Outcome, run_case};

/// Replay the fixture `name`, asserting what every fuzz case asserts.
fn replay(name: &str) -> Outcome {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = root.join("tests/fixtures/fuzz");
    let scenario = std::fs::read(fixtures.join(format!("{name}.ron"))).expect("the fixture is readable");
    let lexicon = std::fs::read(fixtures.join(format!("{name}.lexicon.ron")))
        .or_else(|_| std::fs::read(root.join("scenarios/lexicon.ron")))
        .expect("a lexicon is readable");
    let answer = std::fs::read_to_string(fixtures.join(format!("{name}.answer.txt")))
        .unwrap_or_else(|_| "I'm sorry, that's my fault. I'll call you back at 4pm today.".to_string());
    let files = [
        CaseFile { name: "lexicon.ron".into(), bytes: lexicon },
        CaseFile { name: "scenario.ron".into(), bytes: scenario },
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    run_case(dir.path(), &files, &[answer]).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A scenario file over 1 MiB was refused with no line and column (so were empty files).
#[test]
fn replay_file_too_large() {
    let outcome = replay("file-too-large");
    assert!(outcome.diagnostics.iter().any(|d| d.code == "file-too-large"), "{:#?}", outcome.diagnostics);
}

/// An author test naming an unknown criterion with a 180,000-character name, in a turn with 86
/// criteria: each "did you mean" measured the name against every id (1.9 s in a release build).
#[test]
fn replay_long_unknown_criterion_name() {
    let outcome = replay("long-unknown-criterion-name");
    assert!(outcome.diagnostics.iter().any(|d| d.code == "unknown-criterion"), "{:#?}", outcome.diagnostics);
}

/// A customer name of 300,000 letters: scoring compares every answer word that starts with the
/// same letter to the whole name for typos (an edit distance costing the product of both lengths),
/// 3.6 s in a release build for a 2,000-character answer, so a drill would freeze. Fixed: the
/// typo distance is only measured between words of nearly the same length.
#[test]
fn replay_long_customer_name() {
    let outcome = replay("long-customer-name");
    assert!(outcome.scored > 0);
}
