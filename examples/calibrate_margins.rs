//! Chooses how the learned layer and the concept rules combine (`model::VETO_MARGIN`,
//! `model::ADD_MARGIN`, the faults' margins) on the **dev split** of the concept corpus (train
//! answers are what the weights were fitted on; test answers are never read here). Prints, for
//! each pair of margins tried, the mean dev kappa of the concepts and the false blame rate.
//!
//! ```sh
//! cargo run --release --example calibrate_margins
//! ```

use std::collections::{BTreeMap, HashMap};

use followthrough::core::scoring::detectors::DetectorContext;
use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::model::{FAULTS, combine, learned_concept, read};
use followthrough::core::scoring::phrase::{Names, name_words};
use followthrough::core::scoring::text::analyse;
use serde::Deserialize;
use sha2::{Digest, Sha256};

const DIR: &str = "tests/data/concepts";
/// The detector that reads each concept (as in `tests/concept_agreement.rs`).
const DETECTORS: &[&str] = &[
    "owns-the-failure",
    "takes-it-on",
    "empathy",
    "blame",
    "sends-away",
    "deflection",
    "specific-day",
    "specific-time",
    "next-steps",
    "handover-context",
    "genuine-question",
];
const MARGINS: &[f64] = &[0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 100.0];

#[derive(Deserialize)]
struct Situation {
    id: String,
    customer_name: Option<String>,
    colleague_name: Option<String>,
}

#[derive(Deserialize)]
struct Answer {
    situation: String,
    response: String,
    labels: BTreeMap<String, bool>,
}

fn is_dev(situation: &str) -> bool {
    (90..135).contains(&Sha256::digest(situation.as_bytes())[0])
}

fn read_lines<T: for<'de> Deserialize<'de>>(prefix: &str) -> Result<Vec<T>, Box<dyn std::error::Error>> {
    let mut files: Vec<_> = std::fs::read_dir(DIR)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix)))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        for line in std::fs::read_to_string(&file)?.lines().filter(|l| !l.trim().is_empty()) {
            out.push(serde_json::from_str(line)?);
        }
    }
    Ok(out)
}

/// Cohen's kappa and the false claim rate of `(engine, human)` pairs.
fn kappa(pairs: &[(bool, bool)]) -> (f64, f64) {
    let n = pairs.len() as f64;
    let count = |e: bool, h: bool| pairs.iter().filter(|p| **p == (e, h)).count() as f64;
    let (tp, fp, fn_, tn) = (count(true, true), count(true, false), count(false, true), count(false, false));
    let po = (tp + tn) / n;
    let pe = (tp + fp) / n * (tp + fn_) / n + (fn_ + tn) / n * (fp + tn) / n;
    let k = if (1.0 - pe).abs() < 1e-12 { 0.0 } else { (po - pe) / (1.0 - pe) };
    (k, fp / (fp + tn).max(1.0))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let situations: HashMap<String, Situation> =
        read_lines::<Situation>("situations-")?.into_iter().map(|s| (s.id.clone(), s)).collect();
    let answers: Vec<Answer> = read_lines::<Answer>("answers-")?.into_iter().filter(|a| is_dev(&a.situation)).collect();
    let lists = Lists::new(&BTreeMap::new());
    // Per detector: (rule fired, lean, human).
    let mut readings: BTreeMap<&str, Vec<(bool, f64, bool)>> = BTreeMap::new();
    for answer in &answers {
        let situation = situations.get(&answer.situation).ok_or("answer with an unknown situation")?;
        let names = Names {
            customer: situation.customer_name.as_deref().map(name_words).unwrap_or_default(),
            colleague: situation.colleague_name.as_deref().map(name_words).unwrap_or_default(),
        };
        let a = analyse(&answer.response);
        let cx = DetectorContext::new(&names, &lists, None);
        for detector in DETECTORS {
            let concept = learned_concept(detector).ok_or("not a learned concept")?;
            let human = answer.labels.get(concept).copied().unwrap_or(false);
            let reading = read(detector, &a, &cx).ok_or("no weights")?;
            readings.entry(detector).or_default().push((reading.rule_fired, reading.lean, human));
        }
    }
    println!("dev: {} answers", answers.len());
    let verdicts = |detector: &str, veto: f64, add: f64| -> Vec<(bool, bool)> {
        readings[detector].iter().map(|&(rule, lean, human)| (combine(rule, lean, veto, add), human)).collect()
    };
    for fault in [false, true] {
        let group: Vec<&str> = DETECTORS
            .iter()
            .copied()
            .filter(|d| FAULTS.contains(&learned_concept(d).unwrap_or_default()) == fault)
            .collect();
        println!("\n{}: veto add -> mean kappa (worst) [false blame]", if fault { "faults" } else { "concepts" });
        for &veto in MARGINS {
            for &add in MARGINS {
                let ks: Vec<f64> = group.iter().map(|d| kappa(&verdicts(d, veto, add)).0).collect();
                let mean = ks.iter().sum::<f64>() / ks.len() as f64;
                let worst = ks.iter().copied().fold(f64::MAX, f64::min);
                let blame = if fault { kappa(&verdicts("blame", veto, add)).1 * 100.0 } else { 0.0 };
                println!("{veto:>6} {add:>6} -> {mean:.3} ({worst:.3}) [{blame:.1}%]");
            }
        }
        for d in &group {
            let row: Vec<String> = MARGINS.iter().map(|&m| format!("{:.2}", kappa(&verdicts(d, m, 0.0)).0)).collect();
            println!("{d:>18} veto x (add 0): {}", row.join(" "));
        }
    }
    Ok(())
}
