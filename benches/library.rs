//! Big libraries (#13): checking 1,000 scenario files against plain RON parsing of the same files.
//!
//! The 1,000 files are the bundled scenarios copied over and over, each copy's ids (and the
//! prerequisites naming them) given a suffix, so every file is realistic and every id unique, and
//! the common words of its text a suffix of the copy's own (`vary_words`), so no cache keyed on
//! text can reuse one copy's work for another.
//! Three numbers in one run, from the same texts in memory:
//! - `ron::from_str` of every file into the scenario model (the floor: parsing alone);
//! - `Library::build_untested` (decode, parse, source map, validation, cross-file checks), which
//!   the issue wants within 2x of the first;
//! - `Library::build`, the same plus every author test (what `check` does).
//!
//! Last it prints the ratio from interleaved runs (medians of `LIBRARY_ROUNDS`, default 7), so a
//! busy machine slows both sides alike. `LIBRARY_FILES=n` checks fewer files for a quick look.
//! Scenario files are checked on every core (rayon); `RAYON_NUM_THREADS=1` gives the one-core cost.

// `criterion_group!` makes a public function it cannot document.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion};
use followthrough::core::library::{FileInput, FileKind, Library};
use followthrough::core::scenario::Scenario;
use followthrough::core::scenario::parse::ron_options;

/// How many scenario files the library holds.
fn file_count() -> usize {
    std::env::var("LIBRARY_FILES").ok().and_then(|n| n.parse().ok()).unwrap_or(1_000)
}

/// Every bundled `.ron` file under `dir`, sorted, as (path, text).
fn ron_files(dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("scenarios folder").flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            ron_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).expect("scenario text")));
        }
    }
}

/// The bundled lexicon and `count` scenario files made from the bundled scenarios.
fn library_inputs(count: usize) -> (FileInput, Vec<FileInput>) {
    let mut files = Vec::new();
    ron_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios"), &mut files);
    let (lexicon, scenarios): (Vec<_>, Vec<_>) = files.into_iter().partition(|(p, _)| p.ends_with("lexicon.ron"));
    let ids: Vec<String> = scenarios
        .iter()
        .map(|(_, text)| ron_options().from_str::<Scenario>(text).expect("a bundled scenario parses").id)
        .collect();
    let inputs = (0..count)
        .map(|i| {
            let (path, text) = &scenarios[i % scenarios.len()];
            let copy = i / scenarios.len();
            // Every bundled id (the scenario's own and its prerequisites) gets this copy's suffix.
            let text =
                ids.iter().fold(text.clone(), |t, id| t.replace(&format!("\"{id}\""), &format!("\"{id}-{copy}\"")));
            let text = vary_words(&text, copy);
            let path = path.replace(".ron", &format!("-{copy}.ron"));
            FileInput { path, kind: FileKind::Scenario, contents: Ok(text.into_bytes()) }
        })
        .collect();
    let (path, text) = &lexicon[0];
    (FileInput { path: path.clone(), kind: FileKind::Lexicon, contents: Ok(text.clone().into_bytes()) }, inputs)
}

/// The most common words of the bundled phrases, model answers and customer lines.
const COMMON_WORDS: [&str; 12] = ["the", "you", "your", "to", "I", "it", "a", "and", "we", "is", "be", "will"];

/// `text` with each common word (between spaces) given a suffix of letters that is this copy's own,
/// so no two copies share a phrase, a model answer or a Commitment line. Without it, everything the
/// build keeps per distinct text (parsed phrases, compiled patterns, time checks) would be worked out
/// once per bundled scenario and only looked up for its copies, which flatters the ratio.
fn vary_words(text: &str, copy: usize) -> String {
    let mut tag = String::from("zq");
    let mut n = copy;
    loop {
        tag.push(char::from(b'a' + u8::try_from(n % 26).expect("under 26")));
        n /= 26;
        if n == 0 {
            break;
        }
    }
    COMMON_WORDS.iter().fold(text.to_string(), |t, w| t.replace(&format!(" {w} "), &format!(" {w}{tag} ")))
}

/// The texts of the scenario files.
fn texts(inputs: &[FileInput]) -> Vec<&str> {
    inputs.iter().map(|f| std::str::from_utf8(f.contents.as_ref().expect("read")).expect("UTF-8")).collect()
}

/// Plain RON parsing of every file into the scenario model.
fn parse_all(texts: &[&str]) -> usize {
    texts.iter().map(|t| ron_options().from_str::<Scenario>(t).map_or(0, |s| s.turns.len())).sum()
}

/// Everything the library is built from: the lexicon first, then the scenarios.
fn all(lexicon: &FileInput, scenarios: &[FileInput]) -> Vec<FileInput> {
    std::iter::once(lexicon.clone()).chain(scenarios.iter().cloned()).collect()
}

fn build_untested(inputs: Vec<FileInput>) -> Library {
    Library::build_untested(inputs, &|_, _| true)
}

fn benches(c: &mut Criterion, lexicon: &FileInput, scenarios: &[FileInput]) {
    let texts = texts(scenarios);
    let n = scenarios.len();
    let mut group = c.benchmark_group("library");
    group.sample_size(10).measurement_time(Duration::from_secs(8));
    group.bench_function(format!("ron::from_str ({n} files)"), |b| b.iter(|| parse_all(black_box(&texts))));
    group.bench_function(format!("Library::build_untested ({n} files)"), |b| {
        b.iter_batched(|| all(lexicon, scenarios), |inputs| build_untested(black_box(inputs)), BatchSize::LargeInput)
    });
    group.bench_function(format!("Library::build, author tests too ({n} files)"), |b| {
        b.iter_batched(
            || all(lexicon, scenarios),
            |inputs| Library::build(black_box(inputs), &|_, _| true),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// Median of interleaved timings of parsing alone and of checking, and their ratio.
fn ratio(lexicon: &FileInput, scenarios: &[FileInput]) {
    let rounds = std::env::var("LIBRARY_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(7);
    let texts = texts(scenarios);
    let (mut parse, mut check) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let start = Instant::now();
        black_box(parse_all(&texts));
        parse.push(start.elapsed());
        let inputs = all(lexicon, scenarios);
        let start = Instant::now();
        black_box(build_untested(inputs));
        check.push(start.elapsed());
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (p, c) = (median(&mut parse), median(&mut check));
    println!(
        "library of {} files, median of {rounds} interleaved rounds: ron::from_str {:.0} ms, Library::build_untested {:.0} ms, ratio {:.2}",
        scenarios.len(),
        p.as_secs_f64() * 1e3,
        c.as_secs_f64() * 1e3,
        c.as_secs_f64() / p.as_secs_f64()
    );
}

fn main() {
    let (lexicon, scenarios) = library_inputs(file_count());
    let library = build_untested(all(&lexicon, &scenarios));
    let summary = library.summary();
    assert_eq!((summary.scenarios, summary.errors), (scenarios.len(), 0), "{}", library.render_diagnostics());
    println!("{} scenarios, {} turns, {} criteria", summary.scenarios, summary.turns, summary.criteria);
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c, &lexicon, &scenarios);
    c.final_summary();
    ratio(&lexicon, &scenarios);
}
