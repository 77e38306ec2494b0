//! Chooses how the learned layer and the concept rules combine (`model::VETO_MARGIN`,
//! `model::ADD_MARGIN`, the faults' margins) on the **dev split** of the concept corpus (train
//! answers are what the weights were fitted on; test answers are never read here). Prints, for
//! each pair of margins tried, the mean dev kappa of the concepts and the false blame rate.
//!
//! ```sh
//! cargo run --release --example calibrate_margins
//! ```

#[path = "../tests/common/concept_corpus.rs"]
mod concept_corpus;

use std::collections::BTreeMap;

use concept_corpus::{CONCEPTS, Corpus, Counts, Split};
use followthrough::core::scoring::detectors::DetectorContext;
use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::model::{FAULTS, combine, learned_concept, read};
use followthrough::core::scoring::text::analyse;

const MARGINS: &[f64] = &[0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 100.0];

/// Cohen's kappa and the false claim rate of `(engine, human)` pairs.
fn kappa(pairs: &[(bool, bool)]) -> (f64, f64) {
    let counts = Counts::of(pairs.iter().copied());
    (counts.kappa(), counts.false_positive_rate())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let corpus = Corpus::read_default()?;
    let answers: Vec<_> = corpus.split(Split::Dev).collect();
    let lists = Lists::new(&BTreeMap::new());
    // Per detector: (rule fired, lean, human).
    let mut readings: BTreeMap<&str, Vec<(bool, f64, bool)>> = BTreeMap::new();
    for (answer, situation) in &answers {
        let names = situation.names();
        let a = analyse(&answer.response);
        let cx = DetectorContext::new(&names, &lists, None);
        for (concept, detector) in CONCEPTS {
            let human = answer.label(concept)?;
            let reading = read(detector, &a, &cx).ok_or("no weights")?;
            readings.entry(detector).or_default().push((reading.rule_fired, reading.lean, human));
        }
    }
    println!("dev: {} answers", answers.len());
    let verdicts = |detector: &str, veto: f64, add: f64| -> Vec<(bool, bool)> {
        readings[detector].iter().map(|&(rule, lean, human)| (combine(rule, lean, veto, add), human)).collect()
    };
    for fault in [false, true] {
        let group: Vec<&str> = CONCEPTS
            .iter()
            .map(|(_, d)| *d)
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
