//! Worst-case scoring: an answer just under 10,000 characters against a rubric built from the worst
//! patterns `check` accepts: every phrase at the length, nesting, gap and optional-group limits,
//! every criterion at the matcher limit (with `All` nested as deep as allowed), and the turn at the
//! criteria limit. The answer repeats the patterns' own word so every thread of the automaton stays
//! alive, and each phrase ends in a word the answer never has, so no search stops early.
//! The target (#14) is under 50 ms. `WORST_CRITERIA=n` scores fewer criteria (for a quick look).

// `criterion_group!` makes a public function it cannot document.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use followthrough::core::library::{FileInput, FileKind, Library};
use followthrough::core::scenario::pattern::{MAX_GAPS, MAX_NESTING, MAX_OPTIONAL_GROUPS, MAX_PATTERN_CHARS};
use followthrough::core::scenario::validate::{MAX_CRITERIA_PER_TURN, MAX_MATCHERS_PER_CRITERION};
use followthrough::core::scoring::{MAX_RESPONSE_CHARS, TurnScorer};

const LEXICON: &str = include_str!("../scenarios/lexicon.ron");

/// The one word the answer is made of.
const WORD: &str = "sorry";

/// A phrase at every limit: brackets nested as deep as allowed, every gap and optional group, then
/// the answer's word up to the length limit, and last a word the answer never has (numbered, so no
/// two phrases of the rubric are the same).
fn worst_phrase(n: usize) -> String {
    let depth = MAX_NESTING - 1;
    let mut p = String::new();
    for _ in 0..depth {
        p.push_str(&format!("({WORD} | "));
    }
    p.push_str(WORD);
    p.push_str(&")".repeat(depth));
    for i in 0..MAX_OPTIONAL_GROUPS.max(MAX_GAPS) {
        if i < MAX_OPTIONAL_GROUPS {
            p.push_str(&format!(" [{WORD}]"));
        }
        if i < MAX_GAPS {
            p.push_str(" *");
        }
    }
    let tail = format!(" never{n:04}");
    while p.chars().count() + WORD.len() + 1 + tail.len() <= MAX_PATTERN_CHARS {
        p.push(' ');
        p.push_str(WORD);
    }
    p.push_str(&tail);
    p
}

/// `count` matchers (phrases numbered from `first`), with `All` nested `depth` deep first when
/// `depth` > 0.
fn matchers(count: usize, depth: usize, first: usize) -> String {
    let phrase = |n: usize| format!("Phrase(\"{}\")", worst_phrase(first + n));
    if depth == 0 {
        return (0..count).map(phrase).collect::<Vec<_>>().join(", ");
    }
    // All(All(...All(p)...)): depth Alls and one phrase make depth + 1 matchers.
    let mut all = phrase(0);
    for _ in 0..depth {
        all = format!("All([{all}])");
    }
    let rest = count.saturating_sub(depth + 1);
    std::iter::once(all).chain((1..=rest).map(phrase)).collect::<Vec<_>>().join(", ")
}

fn worst_scenario(criteria: usize, depth: usize) -> String {
    let rubric: Vec<String> = (0..criteria)
        .map(|i| {
            format!(
                "(id: \"c{i}\", label: \"Criterion {i}\", kind: Required, weight: 1, detect: [{}])",
                matchers(MAX_MATCHERS_PER_CRITERION, if i == 0 { depth } else { 0 }, i * MAX_MATCHERS_PER_CRITERION)
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
fn deepest_all() -> usize {
    (1..MAX_NESTING).rev().find(|&d| load(worst_scenario(1, d)).summary().errors == 0).unwrap_or(0)
}

/// The worst rubric `check` accepts, and the answer.
fn setup(criteria: usize) -> (TurnScorer, String) {
    let depth = deepest_all();
    let library = load(worst_scenario(criteria, depth));
    let report: String = library.render_diagnostics().chars().take(2000).collect();
    assert_eq!(library.summary().errors, 0, "check refuses the benchmark rubric:\n{report}");
    println!("All nested {depth} deep");
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
    let (scorer, answer) = setup(criteria);
    println!(
        "worst case: {} characters, {criteria} criteria x {MAX_MATCHERS_PER_CRITERION} matchers, phrases of {} characters",
        answer.chars().count(),
        worst_phrase(0).chars().count()
    );
    let start = Instant::now();
    black_box(scorer.score(&answer).expect("scores"));
    let once = start.elapsed();
    println!("worst case, one scoring: {once:?}");
    if once < Duration::from_secs(1) {
        let mut group = c.benchmark_group("worst_case");
        group.sample_size(10);
        group.bench_function("score_10000_chars_worst_rubric", |b| b.iter(|| scorer.score(black_box(&answer))));
        group.finish();
    }
}

criterion_group!(worst_case, benches);
criterion_main!(worst_case);
