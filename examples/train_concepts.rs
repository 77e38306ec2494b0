//! Trains the learned layer of the concept detectors (`src/core/scoring/model.rs`) from the
//! **train split** of the concept corpus (`tests/data/concepts/`, split by situation hash as in
//! `tests/concept_agreement.rs`; dev and test answers are never read here) and writes
//! `src/core/scoring/concept_model.json`.
//!
//! ```sh
//! cargo run --release --example train_concepts
//! cargo test --test concept_agreement        # dev agreement with the new weights
//! ```
//!
//! Per concept: L2-regularised logistic regression with balanced class weights over the rule
//! features and the word features seen in at least `MIN_ANSWERS` training answers, fitted by
//! full-batch gradient descent (Adam). The decision threshold comes from 5-fold cross-validation
//! by situation inside the train split: the one with the best kappa, and for the faults
//! (blame, deflecting apology, sending away) the best kappa among those that claim the fault in
//! at most `FAULT_FALSE_POSITIVES` of the answers without it. Deterministic: same corpus, same weights.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use followthrough::core::scoring::detectors::DetectorContext;
use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::model::{CONCEPTS, ConceptModel, FAULTS, Linear, RULE_VALUE, feature_names};
use followthrough::core::scoring::phrase::{Names, name_words};
use followthrough::core::scoring::text::analyse;
use serde::Deserialize;
use sha2::{Digest, Sha256};

const DIR: &str = "tests/data/concepts";
const OUT: &str = "src/core/scoring/concept_model.json";
/// A word feature must occur in this many training answers to get a weight.
const MIN_ANSWERS: usize = 3;
/// Inverse regularisation strength (as scikit-learn's `C`); `TRAIN_C` overrides it for experiments.
const C: f64 = 0.5;
const ITERATIONS: usize = 600;
const LEARNING_RATE: f64 = 0.05;
/// Most false claims of a fault allowed when choosing its threshold.
const FAULT_FALSE_POSITIVES: f64 = 0.05;
const FOLDS: u8 = 5;
/// Weights smaller than this are dropped from the file.
const KEEP: f64 = 0.02;

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

fn is_train(situation: &str) -> bool {
    Sha256::digest(situation.as_bytes())[0] >= 135
}

fn read<T: for<'de> Deserialize<'de>>(prefix: &str) -> Result<Vec<T>, Box<dyn std::error::Error>> {
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

/// Fit one concept: `rows` are feature indices per answer, `labels` the human verdicts.
fn fit(rows: &[Vec<(usize, f64)>], labels: &[bool], features: usize, c: f64) -> (f64, Vec<f64>) {
    let positives = labels.iter().filter(|l| **l).count().max(1) as f64;
    let negatives = labels.iter().filter(|l| !**l).count().max(1) as f64;
    let n = labels.len() as f64;
    let class_weight = |label: bool| if label { n / (2.0 * positives) } else { n / (2.0 * negatives) };
    let mut w = vec![0.0; features + 1]; // last is the bias
    let (mut m, mut v) = (vec![0.0; features + 1], vec![0.0; features + 1]);
    let (beta1, beta2, eps) = (0.9, 0.999, 1e-8);
    for step in 1..=ITERATIONS {
        let mut grad = vec![0.0; features + 1];
        for (row, &label) in rows.iter().zip(labels) {
            let z = w[features] + row.iter().map(|&(f, x)| w[f] * x).sum::<f64>();
            let p = 1.0 / (1.0 + (-z).exp());
            let g = c * class_weight(label) * (p - f64::from(u8::from(label)));
            row.iter().for_each(|&(f, x)| grad[f] += g * x);
            grad[features] += g;
        }
        for (f, g) in grad.iter_mut().enumerate().take(features) {
            *g += w[f];
        }
        for f in 0..=features {
            m[f] = beta1 * m[f] + (1.0 - beta1) * grad[f];
            v[f] = beta2 * v[f] + (1.0 - beta2) * grad[f] * grad[f];
            let m_hat = m[f] / (1.0 - beta1.powi(step as i32));
            let v_hat = v[f] / (1.0 - beta2.powi(step as i32));
            w[f] -= LEARNING_RATE * m_hat / (v_hat.sqrt() + eps);
        }
    }
    let bias = w[features];
    w.truncate(features);
    (bias, w)
}

fn fold_of(situation: &str) -> u8 {
    Sha256::digest(situation.as_bytes())[1] % FOLDS
}

fn kappa(tp: f64, fp: f64, fn_: f64, tn: f64) -> f64 {
    let n = tp + fp + fn_ + tn;
    let po = (tp + tn) / n;
    let pe = (tp + fp) / n * (tp + fn_) / n + (fn_ + tn) / n * (fp + tn) / n;
    if (1.0 - pe).abs() < 1e-12 { 0.0 } else { (po - pe) / (1.0 - pe) }
}

/// The threshold on held-out sums with the best kappa (for a fault, within the false-claim bound).
fn choose_threshold(scored: &[(f64, bool)], fault: bool) -> f64 {
    let mut candidates: Vec<f64> = scored.iter().map(|(s, _)| *s).collect();
    candidates.push(0.0);
    candidates.sort_by(f64::total_cmp);
    let negatives = scored.iter().filter(|(_, l)| !l).count().max(1) as f64;
    let mut best = (f64::MIN, 0.0);
    for t in candidates {
        let (mut tp, mut fp, mut fn_, mut tn) = (0.0, 0.0, 0.0, 0.0);
        for (s, l) in scored {
            match (*s > t, *l) {
                (true, true) => tp += 1.0,
                (true, false) => fp += 1.0,
                (false, true) => fn_ += 1.0,
                (false, false) => tn += 1.0,
            }
        }
        if fault && fp / negatives > FAULT_FALSE_POSITIVES {
            continue;
        }
        let k = kappa(tp, fp, fn_, tn);
        if k > best.0 + 1e-9 {
            best = (k, t);
        }
    }
    best.1
}

fn sum(bias: f64, weights: &[f64], row: &[(usize, f64)]) -> f64 {
    bias + row.iter().map(|&(f, x)| weights[f] * x).sum::<f64>()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let c: f64 = std::env::var("TRAIN_C").ok().and_then(|v| v.parse().ok()).unwrap_or(C);
    let situations: HashMap<String, Situation> =
        read::<Situation>("situations-")?.into_iter().map(|s| (s.id.clone(), s)).collect();
    let answers: Vec<Answer> = read::<Answer>("answers-")?.into_iter().filter(|a| is_train(&a.situation)).collect();
    let lists = Lists::new(&BTreeMap::new());
    let mut per_answer: Vec<Vec<String>> = Vec::with_capacity(answers.len());
    for answer in &answers {
        let situation = situations.get(&answer.situation).ok_or("answer with an unknown situation")?;
        let names = Names {
            customer: situation.customer_name.as_deref().map(name_words).unwrap_or_default(),
            colleague: situation.colleague_name.as_deref().map(name_words).unwrap_or_default(),
        };
        let a = analyse(&answer.response);
        per_answer.push(feature_names(&a, &DetectorContext::new(&names, &lists, None)));
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    per_answer.iter().flatten().for_each(|f| *counts.entry(f.as_str()).or_default() += 1);
    let vocabulary: Vec<&str> =
        counts.iter().filter(|(f, c)| f.starts_with("rule:") || **c >= MIN_ANSWERS).map(|(f, _)| *f).collect();
    let index: HashMap<&str, usize> = vocabulary.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let value = |f: &str| if f.starts_with("rule:") { RULE_VALUE } else { 1.0 };
    let rows: Vec<Vec<(usize, f64)>> = per_answer
        .iter()
        .map(|fs| fs.iter().filter_map(|f| index.get(f.as_str()).map(|&i| (i, value(f)))).collect())
        .collect();
    let mut model = ConceptModel {
        trained_on: format!(
            "tests/data/concepts train split: {} answers, {} features (words in >= {MIN_ANSWERS} answers), C = {c}",
            answers.len(),
            vocabulary.len()
        ),
        concepts: BTreeMap::new(),
    };
    for concept in CONCEPTS {
        let labels: Vec<bool> =
            answers.iter().map(|a| a.labels.get(*concept).copied().unwrap_or(false)).collect::<Vec<_>>();
        let mut held_out = Vec::with_capacity(rows.len());
        for fold in 0..FOLDS {
            let inside: Vec<usize> = (0..rows.len()).filter(|&i| fold_of(&answers[i].situation) != fold).collect();
            let fold_rows: Vec<Vec<(usize, f64)>> = inside.iter().map(|&i| rows[i].clone()).collect();
            let fold_labels: Vec<bool> = inside.iter().map(|&i| labels[i]).collect();
            let (bias, weights) = fit(&fold_rows, &fold_labels, vocabulary.len(), c);
            for i in (0..rows.len()).filter(|&i| fold_of(&answers[i].situation) == fold) {
                held_out.push((sum(bias, &weights, &rows[i]), labels[i]));
            }
        }
        let threshold = choose_threshold(&held_out, FAULTS.contains(concept));
        let (bias, weights) = fit(&rows, &labels, vocabulary.len(), c);
        let weights = vocabulary
            .iter()
            .zip(weights)
            .filter(|(_, w)| w.abs() >= KEEP)
            .map(|(f, w)| ((*f).to_string(), (w * 1000.0).round() / 1000.0))
            .collect();
        let linear = Linear { bias: (bias * 1000.0).round() / 1000.0, threshold, weights };
        model.concepts.insert((*concept).to_string(), linear);
        println!("{concept}: trained, threshold {threshold:.3}");
    }
    std::fs::write(Path::new(OUT), serde_json::to_string_pretty(&model)? + "\n")?;
    println!("wrote {OUT}: {}", model.trained_on);
    Ok(())
}
