//! Worst-case scoring: an answer just under 10,000 characters against the worst rubric `check`
//! accepts: distinct phrases at the length, nesting, gap and optional-group limits until the turn's
//! compiled size reaches its limit (`MAX_TURN_PROGRAM`, the last phrase cut to fit), the first
//! criterion with `All` nested as deep as allowed, every built-in detector, and the turn at the
//! criteria limit. The answer is one sentence of the patterns' own one-letter word (the most words
//! 10,000 characters can hold), so every thread of the automaton stays alive at every word, and each
//! phrase ends in a word the answer never has, so no search stops early. A second rubric makes every
//! word a short match of a long phrase (see `Shape`). The target (#14) is under 50 ms for each.
//! `WORST_CRITERIA=n` scores fewer criteria (for a quick look); `WORST_ONCE=1` scores once and stops;
//! `WORST_SHAPE=never` or `short` runs one rubric. What a process loads once (the compiled-in
//! concept model, the word lists) is loaded by a one-word answer first and timed apart.

// `criterion_group!` makes a public function it cannot document.
#![allow(missing_docs)]

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use followthrough::core::library::{FileInput, FileKind, Library};
use followthrough::core::scenario::pattern::{MAX_GAPS, MAX_NESTING, MAX_OPTIONAL_GROUPS, MAX_PATTERN_CHARS, Pattern};
use followthrough::core::scenario::validate::{MAX_CRITERIA_PER_TURN, MAX_MATCHERS_PER_CRITERION, MAX_TURN_PROGRAM};
use followthrough::core::scenario::vocab::{DETECTORS, names};
use followthrough::core::scoring::phrase::Phrase;
use followthrough::core::scoring::{MAX_RESPONSE_CHARS, TurnScorer};

const LEXICON: &str = include_str!("../scenarios/lexicon.ron");

/// The one word the answer is made of: one letter, so 10,000 characters hold the most words.
const WORD: &str = "a";

/// A phrase at every limit: brackets nested as deep as allowed, every gap and optional group, then
/// the answer's word up to `max_chars`, and last a word the answer never has (numbered, so no two
/// phrases of the rubric are the same).
///
/// `Shape::ShortMatches` puts all of it but the first word in an optional group: each word of the
/// answer is then a match of its own, while the group keeps threads reading to the phrase's length
/// (a search that started again after each match would read the answer once per word).
fn worst_phrase(n: usize, max_chars: usize, shape: Shape) -> String {
    let short = shape == Shape::ShortMatches;
    let depth = MAX_NESTING - 1 - usize::from(short);
    let mut p = String::new();
    if short {
        p.push_str(&format!("{WORD} ["));
    }
    for _ in 0..depth {
        p.push_str(&format!("({WORD} | "));
    }
    p.push_str(WORD);
    p.push_str(&")".repeat(depth));
    // The short-match shape's own group counts as one.
    let optional_groups = MAX_OPTIONAL_GROUPS - usize::from(short);
    for i in 0..optional_groups.max(MAX_GAPS) {
        if i < optional_groups {
            p.push_str(&format!(" [{WORD}]"));
        }
        if i < MAX_GAPS {
            p.push_str(" *");
        }
    }
    let tail = format!(" never{n:04}{}", if short { "]" } else { "" });
    while p.chars().count() + WORD.len() + 1 + tail.len() <= max_chars {
        p.push(' ');
        p.push_str(WORD);
    }
    p.push_str(&tail);
    p
}

/// Which worst case the rubric's phrases make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// No phrase ever matches, and every thread stays alive at every word.
    NeverMatches,
    /// Every word is a short match, and long threads go on after it.
    ShortMatches,
}

/// Compiled size of a phrase (it uses no lexicon set).
fn size(phrase: &str) -> usize {
    Phrase::compile(&Pattern::parse(phrase).expect("the benchmark phrase parses"), &BTreeMap::new()).program_len()
}

/// Distinct worst phrases whose compiled sizes add up to the turn's limit (the last cut to fit).
fn worst_phrases(shape: Shape) -> Vec<String> {
    let (mut out, mut total) = (Vec::new(), 0);
    loop {
        let mut chars = MAX_PATTERN_CHARS;
        let mut phrase = worst_phrase(out.len(), chars, shape);
        while total + size(&phrase) > MAX_TURN_PROGRAM && chars > 10 {
            chars -= 4;
            phrase = worst_phrase(out.len(), chars, shape);
        }
        if total + size(&phrase) > MAX_TURN_PROGRAM {
            return out;
        }
        total += size(&phrase);
        out.push(phrase);
    }
}

/// The matchers of criterion `i`: its share of the phrases (the first phrase again when none are
/// left: shared, it costs nothing more), the first criterion's first phrase inside `All` nested
/// `depth` deep, and every built-in detector in the last criterion.
fn matchers(i: usize, criteria: usize, phrases: &[String], depth: usize) -> String {
    let phrase = |p: &str| format!("Phrase(\"{p}\")");
    if i + 1 == criteria && criteria > 1 {
        return names(DETECTORS).map(|d| format!("Detector(\"{d}\")")).collect::<Vec<_>>().join(", ");
    }
    let share = criteria.saturating_sub(1).max(1);
    let mut mine: Vec<String> = phrases.iter().skip(i).step_by(share).map(|p| phrase(p)).collect();
    if mine.is_empty() {
        mine.push(phrase(&phrases[0]));
    }
    if i == 0 && depth > 0 {
        let mut all = mine.remove(0);
        for _ in 0..depth {
            all = format!("All([{all}])");
        }
        mine.insert(0, all);
    }
    mine.truncate(MAX_MATCHERS_PER_CRITERION.saturating_sub(depth));
    mine.join(", ")
}

fn worst_scenario(criteria: usize, depth: usize, phrases: &[String]) -> String {
    let rubric: Vec<String> = (0..criteria)
        .map(|i| {
            format!(
                "(id: \"c{i}\", label: \"Criterion {i}\", kind: Required, weight: 1, detect: [{}])",
                matchers(i, criteria, phrases, depth)
            )
        })
        .collect();
    format!(
        r#"Scenario(
    format_version: 1,
    id: "worst-case",
    title: "Worst case",
    job_families: ["contact-centre"],
    behaviour: ["follow-up"],
    importance: 1,
    frequency: 1,
    briefing: (customer: (name: "Mrs Okafor"), situation: "Benchmark."),
    turns: [(
        id: "only",
        customer: "Well?",
        time_limit: 60,
        pass_mark: 50,
        rubric: [{}],
        model_answer: "I'm sorry.",
        tip: (play: ImplementIt, text: "Own it."),
        final: true,
    )],
)"#,
        rubric.join(",\n")
    )
}

/// The scenario as `check` sees it.
fn load(text: String) -> Library {
    let inputs = vec![
        FileInput { path: "lexicon.ron".into(), kind: FileKind::Lexicon, contents: Ok(LEXICON.as_bytes().to_vec()) },
        FileInput { path: "worst.ron".into(), kind: FileKind::Scenario, contents: Ok(text.into_bytes()) },
    ];
    Library::build(inputs, &|_, _| true)
}

/// The deepest `All` nesting `check` accepts (the file's own nesting limit may come first).
fn deepest_all(phrases: &[String]) -> usize {
    (1..MAX_NESTING).rev().find(|&d| load(worst_scenario(1, d, phrases)).summary().errors == 0).unwrap_or(0)
}

/// The worst rubric `check` accepts, and the answer.
fn setup(criteria: usize, shape: Shape) -> (TurnScorer, String) {
    let phrases = worst_phrases(shape);
    let depth = deepest_all(&phrases);
    let library = load(worst_scenario(criteria, depth, &phrases));
    let report: String = library.render_diagnostics().chars().take(2000).collect();
    assert_eq!(library.summary().errors, 0, "check refuses the benchmark rubric:\n{report}");
    println!(
        "{shape:?}: All nested {depth} deep; {} distinct phrases, {} steps compiled (limit {MAX_TURN_PROGRAM})",
        phrases.len(),
        phrases.iter().map(|p| size(p)).sum::<usize>()
    );
    let scenario = library.scenario("worst-case").expect("loaded");
    let scorer = TurnScorer::new(scenario, &scenario.turns[0], &library.lexicon);
    let mut answer = String::new();
    while answer.len() + WORD.len() + 1 < MAX_RESPONSE_CHARS {
        answer.push_str(WORD);
        answer.push(' ');
    }
    (scorer, answer.trim_end().to_string())
}

fn benches(c: &mut Criterion) {
    let criteria = std::env::var("WORST_CRITERIA").ok().and_then(|n| n.parse().ok()).unwrap_or(MAX_CRITERIA_PER_TURN);
    // `WORST_SHAPE=never` or `short`: that rubric only.
    let only = std::env::var("WORST_SHAPE").ok();
    for (shape, name) in [
        (Shape::NeverMatches, "score_10000_chars_worst_rubric"),
        (Shape::ShortMatches, "score_10000_chars_short_matches"),
    ] {
        if only.as_deref().is_some_and(|o| !format!("{shape:?}").to_lowercase().starts_with(o)) {
            continue;
        }
        let (scorer, answer) = setup(criteria, shape);
        println!(
            "worst case: {} characters ({} words), {criteria} criteria, phrases of up to {MAX_PATTERN_CHARS} characters",
            answer.chars().count(),
            answer.split(' ').count()
        );
        // The first scoring in a process also loads what is loaded once (the compiled-in concept
        // model, the word lists): a one-word answer does that first, timed on its own.
        let start = Instant::now();
        black_box(scorer.score(WORD).expect("scores"));
        println!("first scoring in the process (one word; one-time loads): {:?}", start.elapsed());
        let start = Instant::now();
        black_box(scorer.score(&answer).expect("scores"));
        let once = start.elapsed();
        println!("worst case ({shape:?}), one scoring: {once:?}");
        // `WORST_ONCE=1`: stop after one scoring (for callgrind, which counts instructions).
        if once < Duration::from_secs(1) && std::env::var_os("WORST_ONCE").is_none() {
            let mut group = c.benchmark_group("worst_case");
            group.sample_size(10);
            group.bench_function(name, |b| b.iter(|| scorer.score(black_box(&answer))));
            group.finish();
        }
    }
}

criterion_group!(worst_case, benches);
criterion_main!(worst_case);
