//! How far the built-in concept detectors agree with careful human labels on the concept corpus
//! (`tests/data/concepts/`, labelled under `docs/labelling.md` without seeing the engine's output).
//!
//! Answers are split by their situation: a situation's SHA-256 decides whether all its answers are
//! train (tuning), dev (the number CI holds) or test (reported only, never tuned on). The test
//! split's answers are frozen by the hash in `splits.json`.
//!
//! - `cargo test --test concept_agreement`: dev agreement must stay at or above the floors below.
//! - `cargo test --test concept_agreement -- --ignored --nocapture`: prints every split's table,
//!   the test split included (for the closing note, never for tuning).

use std::collections::BTreeMap;
use std::path::Path;

use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::{ScoringContext, run_detector};
use serde::Deserialize;
use sha2::{Digest, Sha256};

const DIR: &str = "tests/data/concepts";

/// The concepts of `docs/labelling.md`, each with the built-in detector that reads it.
const CONCEPTS: &[(&str, &str)] = &[
    ("owns-the-failure", "owns-the-failure"),
    ("takes-it-on", "takes-it-on"),
    ("empathy", "empathy"),
    ("blame-shifting", "blame"),
    ("sends-away", "sends-away"),
    ("deflecting-apology", "deflection"),
    ("specific-day", "specific-day"),
    ("specific-time", "specific-time"),
    ("next-steps", "next-steps"),
    ("handover-context", "handover-context"),
    ("genuine-question", "genuine-question"),
];

/// Dev-split floors: Cohen's kappa per concept, measured then rounded down, so a change that
/// makes the engine read people worse fails here.
const DEV_KAPPA_FLOORS: &[(&str, f64)] = &[
    ("owns-the-failure", 0.77),
    ("takes-it-on", 0.71),
    ("empathy", 0.70),
    ("blame-shifting", 0.50),
    ("sends-away", 0.76),
    ("deflecting-apology", 0.82),
    ("specific-day", 0.83),
    ("specific-time", 0.75),
    ("next-steps", 0.52),
    ("handover-context", 0.74),
    ("genuine-question", 0.87),
];

#[derive(Deserialize)]
struct Situation {
    id: String,
    customer_name: Option<String>,
    colleague_name: Option<String>,
}

#[derive(Deserialize)]
struct Answer {
    id: String,
    situation: String,
    response: String,
    labels: BTreeMap<String, bool>,
}

#[derive(Deserialize)]
struct Splits {
    test_situations: Vec<String>,
    test_answers_sha256: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Split {
    Train,
    Dev,
    Test,
}

fn split_of(situation: &str) -> Split {
    match Sha256::digest(situation.as_bytes())[0] {
        0..90 => Split::Test,
        90..135 => Split::Dev,
        _ => Split::Train,
    }
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(prefix: &str) -> Vec<(String, T)> {
    let mut files: Vec<_> = std::fs::read_dir(DIR)
        .expect("tests/data/concepts exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix) && n.ends_with(".jsonl"))
        })
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{}:{}: {e}", file.display(), i + 1));
            out.push((line.to_string(), value));
        }
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
    tn: u32,
}

impl Counts {
    fn add(&mut self, engine: bool, human: bool) {
        match (engine, human) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    fn n(&self) -> f64 {
        f64::from(self.tp + self.fp + self.fn_ + self.tn)
    }

    fn agreement(&self) -> f64 {
        f64::from(self.tp + self.tn) / self.n()
    }

    fn kappa(&self) -> f64 {
        let n = self.n();
        let po = self.agreement();
        let yes = f64::from(self.tp + self.fp) / n * f64::from(self.tp + self.fn_) / n;
        let no = f64::from(self.fn_ + self.tn) / n * f64::from(self.fp + self.tn) / n;
        let pe = yes + no;
        if (1.0 - pe).abs() < 1e-12 { 1.0 } else { (po - pe) / (1.0 - pe) }
    }

    /// Share of the answers a human says do not do it that the engine says do.
    fn false_positive_rate(&self) -> f64 {
        f64::from(self.fp) / f64::from((self.fp + self.tn).max(1))
    }
}

struct Corpus {
    /// Per split, per concept.
    counts: BTreeMap<Split, BTreeMap<&'static str, Counts>>,
    answers: BTreeMap<Split, usize>,
    test_lines: Vec<String>,
    test_situations: Vec<String>,
    /// Disagreements on the train split, for tuning.
    train_misses: Vec<String>,
}

/// Reads the whole corpus and runs the detectors on the answers of the `scored` splits only.
fn measure(scored: &[Split]) -> Corpus {
    let situations: BTreeMap<String, Situation> =
        read_jsonl::<Situation>("situations-").into_iter().map(|(_, s)| (s.id.clone(), s)).collect();
    let lists = Lists::new(&BTreeMap::new());
    let mut corpus = Corpus {
        counts: BTreeMap::new(),
        answers: BTreeMap::new(),
        test_lines: Vec::new(),
        test_situations: Vec::new(),
        train_misses: Vec::new(),
    };
    for (line, answer) in read_jsonl::<Answer>("answers-") {
        let situation = situations
            .get(&answer.situation)
            .unwrap_or_else(|| panic!("{}: unknown situation {}", answer.id, answer.situation));
        let split = split_of(&situation.id);
        *corpus.answers.entry(split).or_default() += 1;
        if split == Split::Test {
            corpus.test_lines.push(line);
            if !corpus.test_situations.contains(&situation.id) {
                corpus.test_situations.push(situation.id.clone());
            }
        }
        if !scored.contains(&split) {
            continue;
        }
        for (concept, detector) in CONCEPTS {
            let human = *answer.labels.get(*concept).unwrap_or_else(|| panic!("{}: no label {concept}", answer.id));
            let evidence = run_detector(
                detector,
                &answer.response,
                situation.customer_name.as_deref(),
                situation.colleague_name.as_deref(),
                &lists,
                &ScoringContext::default(),
            );
            let engine = !evidence.is_empty();
            corpus.counts.entry(split).or_default().entry(concept).or_default().add(engine, human);
            if split == Split::Train && engine != human {
                let words: Vec<&str> = evidence.iter().map(|e| e.text.as_str()).collect();
                corpus.train_misses.push(format!(
                    "{concept}\t{}\t{}\t{}\t{:?}",
                    if human { "MISSED" } else { "FALSE" },
                    answer.id,
                    answer.response,
                    words
                ));
            }
        }
    }
    corpus.test_situations.sort();
    corpus
}

fn table(corpus: &Corpus, split: Split) -> String {
    let mut out = format!("{split:?} split: {} answers\n", corpus.answers.get(&split).copied().unwrap_or(0));
    out += "concept              kappa  agree  fp-rate  tp/fp/fn/tn\n";
    let mut all = Counts::default();
    for (concept, c) in &corpus.counts[&split] {
        out += &format!(
            "{concept:<20} {:>5.2}  {:>5.1}%  {:>6.1}%  {}/{}/{}/{}\n",
            c.kappa(),
            100.0 * c.agreement(),
            100.0 * c.false_positive_rate(),
            c.tp,
            c.fp,
            c.fn_,
            c.tn
        );
        all.tp += c.tp;
        all.fp += c.fp;
        all.fn_ += c.fn_;
        all.tn += c.tn;
    }
    let mean = corpus.counts[&split].values().map(Counts::kappa).sum::<f64>() / corpus.counts[&split].len() as f64;
    out += &format!("overall agreement {:.1}%, mean kappa {mean:.2}\n", 100.0 * all.agreement());
    out
}

fn test_hash(corpus: &Corpus) -> String {
    let mut lines = corpus.test_lines.clone();
    lines.sort();
    let mut hasher = Sha256::new();
    for line in lines {
        hasher.update(line.as_bytes());
        hasher.update(b"\n");
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn the_test_split_is_frozen() {
    let corpus = measure(&[]);
    let text = std::fs::read_to_string(Path::new(DIR).join("splits.json")).expect("splits.json");
    let frozen: Splits = serde_json::from_str(&text).expect("splits.json parses");
    assert_eq!(corpus.test_situations, frozen.test_situations, "the test split's situations changed");
    assert_eq!(test_hash(&corpus), frozen.test_answers_sha256, "the test split's answers changed");
    assert!(corpus.test_lines.len() >= 600, "{} test answers", corpus.test_lines.len());
}

#[test]
fn dev_agreement_holds() {
    let corpus = measure(&[Split::Dev]);
    println!("{}", table(&corpus, Split::Dev));
    let dev = &corpus.counts[&Split::Dev];
    let mut failures = Vec::new();
    for (concept, floor) in DEV_KAPPA_FLOORS {
        let kappa = dev[concept].kappa();
        if kappa < *floor {
            failures.push(format!("{concept}: kappa {kappa:.2} < {floor:.2}"));
        }
    }
    assert!(failures.is_empty(), "dev agreement fell:\n{}", failures.join("\n"));
    assert!(dev["blame-shifting"].false_positive_rate() <= 0.02, "false blame on dev");
}

#[test]
#[ignore = "prints every split (the test split only for reporting)"]
fn report_all_splits() {
    let corpus = measure(&[Split::Train, Split::Dev, Split::Test]);
    for split in [Split::Train, Split::Dev, Split::Test] {
        println!("{}", table(&corpus, split));
    }
    println!("test split sha256 {} over {} situations", test_hash(&corpus), corpus.test_situations.len());
    println!(
        "{}",
        serde_json::json!({"test_situations": corpus.test_situations, "test_answers_sha256": test_hash(&corpus)})
    );
    if let Ok(path) = std::env::var("CONCEPT_TRAIN_MISSES") {
        std::fs::write(path, corpus.train_misses.join("\n")).expect("write misses");
    }
}

#[test]
#[ignore = "tuning aid: train and dev tables only, and the train disagreements to a file"]
fn report_train_and_dev() {
    let corpus = measure(&[Split::Train, Split::Dev]);
    for split in [Split::Train, Split::Dev] {
        println!("{}", table(&corpus, split));
    }
    let path = std::env::var("CONCEPT_TRAIN_MISSES").unwrap_or_else(|_| "/tmp/concept-train-misses.tsv".into());
    std::fs::write(path, corpus.train_misses.join("\n")).expect("write misses");
}
