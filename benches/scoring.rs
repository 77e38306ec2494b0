//! Scoring speed: a 100-word answer against a 10-criterion rubric, next to one Aho-Corasick pass
//! over the same text with the rubric's literal words as the floor. Prints p50/p95 and the ratio,
//! then hands both to criterion for its statistics.

// `criterion_group!` makes a public function it cannot document.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use aho_corasick::AhoCorasick;
use criterion::{Criterion, criterion_group, criterion_main};
use followthrough::core::scenario::parse::parse;
use followthrough::core::scenario::{Lexicon, Matcher, Scenario};
use followthrough::core::scoring::TurnScorer;

const RUBRIC: &str = include_str!("data/ten-criteria.ron");
const LEXICON: &str = include_str!("../scenarios/lexicon.ron");

/// About 100 words, the length of a typical spoken answer.
const ANSWER: &str = "Mrs Okafor, I'm really sorry. I promised you a call by twelve and I didn't make it, \
    that's my fault and nobody else's. The good news is the one you were waiting for: your refund of \
    £54.99 has been approved and it will be back in your account on Friday. I'm going to email you the \
    confirmation right now while we're on the phone, and on Friday at 10am I'll check your account myself \
    and call you either way. Farid in billing already has all your details, so you won't have to repeat \
    anything if you speak to him. Does 10am on Friday suit you?";

fn percentiles(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    (at(0.50), at(0.95))
}

fn sample(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    for _ in 0..runs / 10 {
        f();
    }
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect()
}

fn literal_words(m: &Matcher, out: &mut Vec<String>) {
    match m {
        Matcher::Phrase(p) => out.extend(
            p.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '@')
                .filter(|w| !w.is_empty() && !w.starts_with('@'))
                .map(str::to_lowercase),
        ),
        Matcher::Detector(name) => out.extend(name.split('-').map(str::to_string)),
        Matcher::Regex(_) => {}
        Matcher::All(inner) | Matcher::Sentence(inner) => inner.iter().for_each(|m| literal_words(m, out)),
        Matcher::Not(inner) => literal_words(inner, out),
    }
}

fn setup() -> (TurnScorer, AhoCorasick) {
    let (scenario, _) = parse::<Scenario>(RUBRIC).expect("benchmark rubric parses");
    let (lexicon, _) = parse::<Lexicon>(LEXICON).expect("lexicon parses");
    let turn = &scenario.turns[0];
    assert_eq!(turn.rubric.len(), 10);
    assert!((95..=110).contains(&ANSWER.split_whitespace().count()), "{} words", ANSWER.split_whitespace().count());
    let mut words = Vec::new();
    turn.rubric.iter().flat_map(|c| &c.detect).for_each(|m| literal_words(m, &mut words));
    words.sort();
    words.dedup();
    let ac = AhoCorasick::builder().ascii_case_insensitive(true).build(&words).expect("automaton");
    (TurnScorer::new(&scenario, turn, &lexicon), ac)
}

fn report() {
    let (scorer, ac) = setup();
    let (score_p50, score_p95) = percentiles(sample(3000, || {
        black_box(scorer.score(black_box(ANSWER)).expect("scores"));
    }));
    let (ac_p50, ac_p95) = percentiles(sample(30000, || {
        black_box(ac.find_iter(black_box(ANSWER)).count());
    }));
    println!("score 100 words x 10 criteria: p50 {score_p50:?}  p95 {score_p95:?}");
    println!("aho-corasick floor:            p50 {ac_p50:?}  p95 {ac_p95:?}");
    println!(
        "ratio (score / floor):         p50 {:.1}  p95 {:.1}",
        score_p50.as_secs_f64() / ac_p50.as_secs_f64(),
        score_p95.as_secs_f64() / ac_p95.as_secs_f64()
    );
}

fn benches(c: &mut Criterion) {
    // `SCORING_RUNS=n`: score the answer n times and stop, for an instruction count under callgrind
    // (repeatable on a loaded machine, where timings are not).
    if let Some(runs) = std::env::var("SCORING_RUNS").ok().and_then(|n| n.parse::<usize>().ok()) {
        let (scorer, _) = setup();
        (0..runs).for_each(|_| {
            black_box(scorer.score(black_box(ANSWER)).expect("scores"));
        });
        return;
    }
    report();
    let (scorer, ac) = setup();
    c.bench_function("score_100_words_10_criteria", |b| b.iter(|| scorer.score(black_box(ANSWER)).expect("scores")));
    c.bench_function("aho_corasick_floor", |b| b.iter(|| ac.find_iter(black_box(ANSWER)).count()));
}

criterion_group!(scoring, benches);
criterion_main!(scoring);
