//! How far the scoring engine agrees with a human coach, on `tests/data/labelled.jsonl`: every
//! criterion with 15 or more labelled examples must reach Cohen's kappa 0.80, and forbidden
//! criteria must not fire on more than 2% of the responses a coach says do not do it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use followthrough::core::scenario::CriterionKind;
use followthrough::core::scoring::TurnScorer;
use followthrough::io::scenario_files::load_library;
use serde::Deserialize;

#[derive(Deserialize)]
struct Labelled {
    scenario: String,
    turn: String,
    response: String,
    labels: BTreeMap<String, bool>,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
    tn: u32,
}

impl Counts {
    fn n(&self) -> u32 {
        self.tp + self.fp + self.fn_ + self.tn
    }

    fn agreement(&self) -> f64 {
        f64::from(self.tp + self.tn) / f64::from(self.n())
    }

    fn kappa(&self) -> f64 {
        let n = f64::from(self.n());
        let po = self.agreement();
        let engine_yes = f64::from(self.tp + self.fp) / n;
        let coach_yes = f64::from(self.tp + self.fn_) / n;
        let pe = engine_yes * coach_yes + (1.0 - engine_yes) * (1.0 - coach_yes);
        if (1.0 - pe).abs() < 1e-9 { if po == 1.0 { 1.0 } else { 0.0 } } else { (po - pe) / (1.0 - pe) }
    }
}

#[test]
fn engine_agrees_with_the_coach_labels() {
    let library = load_library(&[PathBuf::from("scenarios")]).expect("scenarios load");
    // FOLLOWTHROUGH_LABELS measures another labelled set (e.g. a held-out one) with the same report.
    let path = std::env::var("FOLLOWTHROUGH_LABELS").unwrap_or_else(|_| "tests/data/labelled.jsonl".to_string());
    let text = std::fs::read_to_string(&path).expect("labelled set");
    let mut counts: BTreeMap<(String, String, String), (Counts, CriterionKind)> = BTreeMap::new();
    let mut disagreements = Vec::new();
    let mut scorers: BTreeMap<(String, String), TurnScorer> = BTreeMap::new();
    for (line_no, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let item: Labelled = serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", line_no + 1));
        let scenario = library.scenario(&item.scenario).unwrap_or_else(|| panic!("unknown scenario {}", item.scenario));
        let turn = scenario.turn(&item.turn).unwrap_or_else(|| panic!("unknown turn {}", item.turn));
        let scorer = scorers
            .entry((item.scenario.clone(), item.turn.clone()))
            .or_insert_with(|| TurnScorer::new(scenario, turn, &library.lexicon));
        let card = scorer.score(&item.response).expect("scores");
        for (criterion, coach) in &item.labels {
            let result = card.criterion(criterion).unwrap_or_else(|| panic!("unknown criterion {criterion}"));
            let entry = counts
                .entry((item.scenario.clone(), item.turn.clone(), criterion.clone()))
                .or_insert((Counts::default(), result.kind));
            match (result.met, *coach) {
                (true, true) => entry.0.tp += 1,
                (true, false) => entry.0.fp += 1,
                (false, true) => entry.0.fn_ += 1,
                (false, false) => entry.0.tn += 1,
            }
            if result.met != *coach {
                disagreements.push(format!(
                    "  {}/{}/{criterion}: coach {coach}, engine {}: {}",
                    item.scenario, item.turn, result.met, item.response
                ));
            }
        }
    }
    let mut report =
        String::from("criterion                                                          n   agree  kappa  fp\n");
    let mut failures = Vec::new();
    let (mut forbidden_fp, mut forbidden_negatives) = (0, 0);
    for ((scenario, turn, criterion), (c, kind)) in &counts {
        let name = format!("{scenario}/{turn}/{criterion}");
        report.push_str(&format!("{name:<64} {:>3}  {:>5.2}  {:>5.2}  {}\n", c.n(), c.agreement(), c.kappa(), c.fp));
        if c.n() >= 15 && c.kappa() < 0.80 {
            failures.push(format!("{name}: kappa {:.2} < 0.80", c.kappa()));
        }
        if *kind == CriterionKind::Forbidden {
            forbidden_fp += c.fp;
            forbidden_negatives += c.fp + c.tn;
        }
    }
    let fp_rate = f64::from(forbidden_fp) / f64::from(forbidden_negatives.max(1));
    report.push_str(&format!(
        "forbidden criteria: {forbidden_fp} false positives in {forbidden_negatives} ({:.1}%)\n",
        fp_rate * 100.0
    ));
    println!("{report}");
    if std::env::var_os("SHOW_DISAGREEMENTS").is_some() {
        println!("{}", disagreements.join("\n"));
    }
    assert!(fp_rate <= 0.02, "forbidden criteria false-positive rate {:.1}% > 2%", fp_rate * 100.0);
    assert!(failures.is_empty(), "{}\n{report}", failures.join("\n"));
}
