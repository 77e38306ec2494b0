//! Fuzzing the scenario pipeline on stable Rust (proptest): one bad file must never crash, hang or
//! leave a problem unlocated.
//!
//! Each case takes a bundled scenario (every `scenarios/**/*.ron`, found in the folder) or the
//! bundled `scenarios/lexicon.ron`, applies one to four structure-aware mutations (deep `All`
//! nesting of matchers and conditions, deep brackets in phrases, huge numbers, long strings, many
//! criteria, matchers, `*` gaps and `[optional]` groups, invalid UTF-8, byte-order marks, CR/CRLF
//! line endings, NUL bytes, truncation, duplicated or removed fields, byte flips), and runs it the
//! way `followthrough check` and the app do: the files are written to a folder and read with
//! `load_library` (decode, parse, validate, `Library::build` with the author tests), the
//! diagnostics are rendered, and every turn that loaded scores an answer, most up to 2,000
//! characters and one in 24 up to the 10,000 an answer may have, often built from the scenario's
//! own words so that its matchers fire.
//!
//! Asserted for every case: no panic; every diagnostic names its file and a 1-based line and column
//! inside it; the whole case takes at most 2 s. Elsewhere speed is measured with `cargo bench`, but
//! here the time is the property itself: a case that does not finish is the bug (a freeze in the
//! app), so it is the one timed assertion in the suite.
//!
//! The normal run is 250 cases from a fixed seed. A longer run, with a new seed each time unless
//! `FUZZ_SEED` is given:
//! ```text
//! FUZZ_CASES=100000 cargo test --release --locked --test fuzz_scenarios -- --nocapture fuzz_
//! ```
//! `FUZZ_SECONDS=600` stops running cases after ten minutes. It prints the seed, the cases run and
//! the slowest case. A failing case is shrunk and written
//! to `target/tmp/fuzz-failures/` (scenario, lexicon and answer); a crash that kills the process
//! (a stack overflow) leaves its files in the `case-*` folder under the run folder it printed.
//! Keep every input found as a fixture in `tests/fixtures/fuzz/` with a test below that replays it.

mod fuzz;

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use fuzz::mutations::{Mutation, apply, mutation};
use fuzz::pipeline::{CaseFile, run_case};
use fuzz::{MAX_ANSWER_CHARS, USUAL_ANSWER_CHARS, answer};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestError, TestRunner};

#[path = "fuzz/replays.rs"]
mod replays;
#[path = "fuzz/reproducers.rs"]
mod reproducers;

/// Cases in the normal test run (a debug build runs them in well under a minute).
const DEFAULT_CASES: u32 = 250;
const DEFAULT_SEED: u64 = 15_733_007;

/// The bundled files every case starts from.
struct Seeds {
    scenarios: Vec<(String, Vec<u8>)>,
    lexicon: Vec<u8>,
}

static SEEDS: LazyLock<Seeds> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut scenarios = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.expect("the scenarios folder is readable");
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "ron") && path.file_name().is_some_and(|n| n != "lexicon.ron") {
            let name = path.strip_prefix(&root).unwrap_or(path).display().to_string();
            scenarios.push((name, std::fs::read(path).expect("a bundled scenario is readable")));
        }
    }
    let lexicon = std::fs::read(root.join("lexicon.ron")).expect("the bundled lexicon is readable");
    Seeds { scenarios, lexicon }
});

/// One generated case: which file to start from, what to do to it, and the answer to score.
#[derive(Debug, Clone)]
struct Case {
    target: Index,
    mutate_lexicon: bool,
    with_original: bool,
    mutations: Vec<Mutation>,
    answer_seed: u64,
    answer_len: usize,
}

fn case() -> impl Strategy<Value = Case> {
    (
        any::<Index>(),
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.1),
        prop::collection::vec(mutation(), 1..=4),
        any::<u64>(),
        prop_oneof![
            4 => Just(0usize),
            12 => 1..200usize,
            7 => 200..=USUAL_ANSWER_CHARS,
            1 => prop_oneof![Just(MAX_ANSWER_CHARS), USUAL_ANSWER_CHARS..MAX_ANSWER_CHARS],
        ],
    )
        .prop_map(|(target, mutate_lexicon, with_original, mutations, answer_seed, answer_len)| Case {
            target,
            mutate_lexicon,
            with_original,
            mutations,
            answer_seed,
            answer_len,
        })
}

/// The files and the answer a case stands for.
fn materialise(case: &Case) -> (Vec<CaseFile>, String) {
    let seeds = &*SEEDS;
    let (_, original) = &seeds.scenarios[case.target.index(seeds.scenarios.len())];
    let mut scenario = original.clone();
    let mut lexicon = seeds.lexicon.clone();
    let mutated = if case.mutate_lexicon { &mut lexicon } else { &mut scenario };
    for m in &case.mutations {
        apply(mutated, m);
    }
    let answer = answer(case.answer_seed, case.answer_len, &scenario, &lexicon);
    let mut files = vec![
        CaseFile { name: "lexicon.ron".into(), bytes: lexicon },
        CaseFile { name: "scenario.ron".into(), bytes: scenario },
    ];
    if case.with_original {
        files.push(CaseFile { name: "original.ron".into(), bytes: original.clone() });
    }
    (files, answer)
}

/// Run a case, turning a panic into a failure that names it.
fn run_caught(parent: &Path, files: &[CaseFile], answers: &[String]) -> Result<Duration, String> {
    match catch_unwind(AssertUnwindSafe(|| run_case(parent, files, answers))) {
        Ok(Ok(outcome)) => Ok(outcome.elapsed),
        Ok(Err(problem)) => Err(problem),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(format!("panicked: {message}"))
        }
    }
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|v| v.trim().parse().unwrap_or_else(|_| panic!("{name} must be a whole number")))
}

/// Where a failing case's files go, to be kept as a fixture.
fn save_failure(seed: u64, files: &[CaseFile], answer: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures").join(format!("seed-{seed}"));
    std::fs::create_dir_all(&dir).expect("the failure folder can be made");
    for f in files {
        std::fs::write(dir.join(&f.name), &f.bytes).expect("a failing case can be saved");
    }
    std::fs::write(dir.join("answer.txt"), answer).expect("a failing answer can be saved");
    dir
}

#[test]
fn fuzz_mutated_scenarios_never_crash_hang_or_lose_their_location() {
    let long_run = env_number("FUZZ_CASES");
    let cases = long_run.map_or(DEFAULT_CASES, |n| u32::try_from(n).unwrap_or(u32::MAX));
    let seed = env_number("FUZZ_SEED").unwrap_or_else(|| match long_run {
        Some(_) => std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_secs()),
        None => DEFAULT_SEED,
    });
    let run_dir =
        tempfile::Builder::new().prefix("fuzz-run-").tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("run folder");
    eprintln!("fuzz: seed {seed}, {cases} cases; case folders under {}", run_dir.path().display());
    let config = Config {
        cases,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(seed),
        max_shrink_iters: 300,
        max_shrink_time: 120_000,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let verbose = std::env::var_os("FUZZ_VERBOSE").is_some();
    let deadline = env_number("FUZZ_SECONDS").map(|s| Instant::now() + Duration::from_secs(s));
    let (count, slowest) = (Cell::new(0u64), Cell::new(Duration::ZERO));
    let result = runner.run(&case(), |case| {
        if deadline.is_some_and(|d| Instant::now() > d) {
            return Ok(()); // out of time: the remaining cases are skipped, not run
        }
        let (files, answer) = materialise(&case);
        let elapsed = run_caught(run_dir.path(), &files, std::slice::from_ref(&answer)).map_err(TestCaseError::fail)?;
        if verbose && elapsed > Duration::from_millis(300) {
            eprintln!("fuzz: {elapsed:?} for {:?}", case.mutations);
        }
        count.set(count.get() + 1);
        slowest.set(slowest.get().max(elapsed));
        Ok(())
    });
    eprintln!("fuzz: {} cases run, slowest {:?}", count.get(), slowest.get());
    if let Err(e) = result {
        let message = match &e {
            TestError::Fail(reason, case) => {
                let (files, answer) = materialise(case);
                format!("{reason}\nfiles saved in {}\ncase: {case:#?}", save_failure(seed, &files, &answer).display())
            }
            TestError::Abort(reason) => reason.to_string(),
        };
        panic!("fuzz case failed (seed {seed}): {message}");
    }
}

#[test]
fn every_bundled_scenario_loads_and_scores_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in &SEEDS.scenarios {
        let files = [
            CaseFile { name: "lexicon.ron".into(), bytes: SEEDS.lexicon.clone() },
            CaseFile { name: "scenario.ron".into(), bytes: bytes.clone() },
        ];
        let answer = answer(7, USUAL_ANSWER_CHARS, bytes, &SEEDS.lexicon);
        let outcome = run_case(dir.path(), &files, &[answer]).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(outcome.scenarios, 1, "{name} should load");
        assert!(outcome.scored > 0, "{name}: no turn was scored");
    }
    assert!(SEEDS.scenarios.len() >= 10, "found only {} bundled scenarios", SEEDS.scenarios.len());
}
