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

#[path = "common/concept_corpus.rs"]
mod concept_corpus;

use std::collections::BTreeMap;
use std::path::Path;

use concept_corpus::{CONCEPTS, Corpus, Counts, DEV_KAPPA_FLOORS, MAX_FALSE_BLAME, Split, split_of};
use followthrough::core::scoring::lists::Lists;
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// Blind relabellings under the current guideline, kept beside the corpus labels (`second-labels/`):
/// the file and the split whose answers it relabels.
const RELABELLINGS: [(&str, Split); 2] =
    [("test-next-steps-relabel.jsonl", Split::Test), ("dev-blame-empathy-relabel.jsonl", Split::Dev)];

#[derive(Deserialize)]
struct Splits {
    test_situations: Vec<String>,
    test_answers_sha256: String,
}

struct Measured {
    /// Per split, per concept.
    counts: BTreeMap<Split, BTreeMap<&'static str, Counts>>,
    answers: BTreeMap<Split, usize>,
    test_lines: Vec<String>,
    test_situations: Vec<String>,
    /// Disagreements on the train split, for tuning.
    train_misses: Vec<String>,
    /// The engine's verdict per scored answer and concept; a test answer's only ever compared in bulk
    /// with a relabelling.
    verdicts: BTreeMap<String, BTreeMap<&'static str, bool>>,
}

/// Reads the whole corpus and runs the detectors on the answers of the `scored` splits only.
fn measure(scored: &[Split]) -> Measured {
    let corpus = Corpus::read_default().unwrap_or_else(|e| panic!("{e}"));
    let lists = Lists::new(&BTreeMap::new());
    let mut measured = Measured {
        counts: BTreeMap::new(),
        answers: BTreeMap::new(),
        test_lines: Vec::new(),
        test_situations: Vec::new(),
        train_misses: Vec::new(),
        verdicts: BTreeMap::new(),
    };
    for (line, answer) in &corpus.answers {
        let situation = &corpus.situations[&answer.situation];
        let split = split_of(&situation.id);
        *measured.answers.entry(split).or_default() += 1;
        if split == Split::Test {
            measured.test_lines.push(line.clone());
            if !measured.test_situations.contains(&situation.id) {
                measured.test_situations.push(situation.id.clone());
            }
        }
        if !scored.contains(&split) {
            continue;
        }
        for (concept, detector) in CONCEPTS {
            let human = answer.label(concept).unwrap_or_else(|e| panic!("{e}"));
            let evidence = answer.engine_evidence(detector, situation, &lists);
            let engine = !evidence.is_empty();
            measured.counts.entry(split).or_default().entry(concept).or_default().add(engine, human);
            measured.verdicts.entry(answer.id.clone()).or_default().insert(concept, engine);
            if split == Split::Train && engine != human {
                let words: Vec<&str> = evidence.iter().map(|e| e.text.as_str()).collect();
                measured.train_misses.push(format!(
                    "{concept}\t{}\t{}\t{}\t{:?}",
                    if human { "MISSED" } else { "FALSE" },
                    answer.id,
                    answer.response,
                    words
                ));
            }
        }
    }
    measured.test_situations.sort();
    measured
}

fn table(corpus: &Measured, split: Split) -> String {
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
        all.merge(c);
    }
    let mean = corpus.counts[&split].values().map(Counts::kappa).sum::<f64>() / corpus.counts[&split].len() as f64;
    out += &format!("overall agreement {:.1}%, mean kappa {mean:.2}\n", 100.0 * all.agreement());
    out
}

/// Agreement on `split` against a blind relabelling of some of its concepts (`second-labels/`), one
/// summary line per concept relabelled; no answer is ever printed. A row gives its labels at the top
/// level or under `labels`.
fn against_relabelling(corpus: &Measured, file: &str, split: Split) -> Option<String> {
    let text = std::fs::read_to_string(Path::new(concept_corpus::DIR).join("second-labels").join(file)).ok()?;
    let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).expect("relabelling line parses");
        let Some(verdicts) = row["id"].as_str().and_then(|id| corpus.verdicts.get(id)) else {
            continue;
        };
        for (concept, _) in CONCEPTS {
            let human = row[concept].as_bool().or_else(|| row["labels"][concept].as_bool());
            if let (Some(human), Some(engine)) = (human, verdicts.get(concept)) {
                counts.entry(concept).or_default().add(*engine, human);
            }
        }
    }
    let lines: Vec<String> = counts
        .iter()
        .map(|(concept, c)| {
            format!(
                "{split:?} split against {file}: {concept} kappa {:.2}, agreement {:.1}% over {} answers",
                c.kappa(),
                100.0 * c.agreement(),
                c.tp + c.fp + c.fn_ + c.tn
            )
        })
        .collect();
    Some(lines.join("\n"))
}

fn test_hash(corpus: &Measured) -> String {
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
    let text = std::fs::read_to_string(Path::new(concept_corpus::DIR).join("splits.json")).expect("splits.json");
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
    assert!(dev["blame-shifting"].false_positive_rate() <= MAX_FALSE_BLAME, "false blame on dev");
}

#[test]
#[ignore = "prints every split (the test split only for reporting)"]
fn report_all_splits() {
    let corpus = measure(&[Split::Train, Split::Dev, Split::Test]);
    for split in [Split::Train, Split::Dev, Split::Test] {
        println!("{}", table(&corpus, split));
    }
    for (file, split) in RELABELLINGS {
        if let Some(lines) = against_relabelling(&corpus, file, split) {
            println!("{lines}");
        }
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
