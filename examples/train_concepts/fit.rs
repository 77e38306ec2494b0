//! Fitting the learned layer: one L2-regularised logistic regression per concept, its threshold
//! chosen by cross-validation by situation inside the rows it is given.

use std::collections::{BTreeMap, HashMap};

use followthrough::core::scoring::model::{
    CONCEPTS, ConceptModel, FAULTS, Linear, RULE_VALUE, combine, concept_rules, veto_margin,
};
use sha2::{Digest, Sha256};

use crate::concept_corpus::Counts;

const ITERATIONS: usize = 600;
/// Most false claims of a fault other than blame allowed when choosing its threshold (blame's is
/// the config's `blame_false_positives`).
const FAULT_FALSE_POSITIVES: f64 = 0.05;
const LEARNING_RATE: f64 = 0.05;
/// Inner folds (by situation) that choose each concept's threshold.
const FOLDS: u8 = 5;
/// Weights smaller than this are dropped from the file.
const KEEP: f64 = 0.02;

/// One row to learn from or score: a corpus answer, or a bundled author test's response.
#[derive(Debug, Clone)]
pub struct Example {
    /// The situation (corpus) or scenario (author test) it answers: folds never split one.
    pub situation: String,
    /// Every feature name of the response, sorted, once each.
    pub features: Vec<String>,
    /// The verdict per concept of [`CONCEPTS`], where one is known.
    pub labels: Vec<Option<bool>>,
    /// Per concept of [`CONCEPTS`]: whether the scorer lets the learned layer find it here when its
    /// rule did not fire (`model::may_add`; false: the answer cannot hold it, the verdict is no).
    pub open: Vec<bool>,
}

impl Example {
    /// Whether the feature `name` is present.
    pub fn has(&self, name: &str) -> bool {
        self.features.binary_search_by(|f| f.as_str().cmp(name)).is_ok()
    }

    /// Whether a rule of `concept` (`model::concept_rules`) fired.
    pub fn fired(&self, concept: &str) -> bool {
        concept_rules(concept).iter().any(|r| self.has(&format!("rule:{r}")))
    }

    /// Whether the learned layer decides concept number `c` here: its rule fired (the layer may
    /// veto it) or the answer can hold it (the layer may add it). Elsewhere the verdict is no
    /// whatever the weights say.
    pub fn decided(&self, c: usize) -> bool {
        self.open.get(c).copied().unwrap_or(true) || self.fired(CONCEPTS[c])
    }
}

/// How the layer is fitted: regularisation, which features it may use, how words are held back.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// Its name in the comparison table.
    pub name: &'static str,
    /// False: no learned layer at all, each concept is its rule's verdict.
    pub learned: bool,
    /// Inverse regularisation strength (as scikit-learn's `C`).
    pub c: f64,
    /// A word or role feature must occur in this many training rows.
    pub min_answers: usize,
    /// Single words.
    pub words: bool,
    /// Word pairs (with `words`).
    pub pairs: bool,
    /// Clause-role features.
    pub roles: bool,
    /// `Linear::word_limit` for every concept.
    pub word_limit: Option<f64>,
    /// `ConceptModel::faults_need_rule`.
    pub faults_need_rule: bool,
    /// The bundled author tests whose criterion is one learned concept are training rows too.
    pub author_rows: bool,
    /// Most false claims of blame (held-out, inside the rows fitted) its threshold may allow.
    pub blame_false_positives: f64,
    /// Concepts read by their rule's verdict alone, with no learned layer (for a concept whose
    /// learned layer does not carry over to new situations).
    pub rule_verdict: &'static [&'static str],
    /// Concepts fitted on the rules and clause roles only, no words.
    pub no_words_for: &'static [&'static str],
    /// Fit and choose thresholds only on the answers where the scorer consults the layer
    /// ([`Example::decided`]), and choose each threshold for the scorer's decision
    /// (`model::combine` with its margins), not for the bare sum.
    pub as_scored: bool,
    /// Concepts fitted with their own `c` (more regularised: fewer weights on words that only
    /// the training situations use).
    pub c_for: &'static [(&'static str, f64)],
    /// Concepts the layer may only add where their rule is silent, never veto
    /// (`ConceptModel::rule_stands`): fitted on the answers where the rule did not fire, the
    /// threshold chosen for the scorer's decision over every answer (the rule's finds included).
    pub add_only: &'static [&'static str],
}

impl Config {
    fn usable(&self, f: &str) -> bool {
        f.starts_with("rule:")
            || f.starts_with("role:") && self.roles
            || f.starts_with("w:") && self.words && (self.pairs || !f.contains(' '))
    }

    /// One line saying what was fitted, for `ConceptModel::trained_on`.
    fn describe(&self, rows: usize, features: usize) -> String {
        if !self.learned {
            return format!("config {}: each concept is its rule's verdict", self.name);
        }
        let mut kinds = vec!["rules"];
        if self.words {
            kinds.push(if self.pairs { "words, word pairs" } else { "words" });
        }
        if self.roles {
            kinds.push("clause roles");
        }
        let mut out = format!(
            "config {}: tests/data/concepts train split{}: {rows} rows, {features} features ({} in >= {} rows), C = {}",
            self.name,
            if self.author_rows { " and the bundled author tests" } else { "" },
            kinds.join(", "),
            self.min_answers,
            self.c
        );
        if let Some(limit) = self.word_limit {
            out += &format!(", words within +-{limit}");
        }
        if self.faults_need_rule {
            out += ", faults only where their rule fired";
        }
        out += &format!(", blame's threshold at <= {}% false claims", self.blame_false_positives * 100.0);
        if !self.rule_verdict.is_empty() {
            out += &format!("; rule verdict alone for {}", self.rule_verdict.join(", "));
        }
        if !self.no_words_for.is_empty() {
            out += &format!("; no words for {}", self.no_words_for.join(", "));
        }
        if self.as_scored {
            out += "; fitted where the scorer consults the layer, thresholds for its margins";
        }
        for (concept, c) in self.c_for {
            out += &format!("; C = {c} for {concept}");
        }
        if !self.add_only.is_empty() {
            out += &format!("; the layer only adds, never vetoes, {}", self.add_only.join(", "));
        }
        out
    }
}

/// Fit one concept: `rows` are (feature index, value) per row, `labels` the human verdicts.
fn fit(rows: &[&Vec<(usize, f64)>], labels: &[bool], features: usize, c: f64) -> (f64, Vec<f64>) {
    let positives = labels.iter().filter(|l| **l).count().max(1) as f64;
    let negatives = labels.iter().filter(|l| !**l).count().max(1) as f64;
    let n = labels.len() as f64;
    let class_weight = |label: bool| if label { n / (2.0 * positives) } else { n / (2.0 * negatives) };
    let mut w = vec![0.0; features + 1]; // last is the bias
    let (mut m, mut v) = (vec![0.0; features + 1], vec![0.0; features + 1]);
    let (beta1, beta2, eps) = (0.9, 0.999, 1e-8);
    let mut grad = vec![0.0; features + 1];
    for step in 1..=ITERATIONS {
        grad.iter_mut().for_each(|g| *g = 0.0);
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

/// The inner fold of a situation, from its id's SHA-256.
fn fold_of(situation: &str) -> u8 {
    Sha256::digest(situation.as_bytes())[1] % FOLDS
}

/// One held-out answer as the threshold sees it: the sum, whether the rule fired, the label.
struct HeldOut {
    sum: f64,
    fired: bool,
    label: bool,
}

/// The threshold on held-out sums with the best kappa (for a fault, within the false-claim bound).
/// With `margins` (veto, add) the verdict is the scorer's (`model::combine`); without, the bare
/// sum against the threshold.
fn choose_threshold(scored: &[HeldOut], fault: bool, most_false: f64, margins: Option<(f64, f64)>) -> f64 {
    let says = |h: &HeldOut, t: f64| match margins {
        Some((veto, add)) => combine(h.fired, h.sum - t, veto, add),
        None => h.sum > t,
    };
    // Every place a verdict can change: each sum, shifted by the margin its rule's verdict meets.
    let (veto, add) = margins.unwrap_or((0.0, 0.0));
    let mut candidates: Vec<f64> =
        scored.iter().map(|h| if h.fired && margins.is_some() { h.sum + veto } else { h.sum - add }).collect();
    candidates.push(0.0);
    if veto.is_infinite() {
        // A rule that stands: the layer may also add nothing at all (above every sum).
        let top = scored.iter().map(|h| h.sum).fold(0.0, f64::max);
        candidates.push(top + add.abs() + 1.0);
    }
    candidates.retain(|t| t.is_finite());
    candidates.sort_by(f64::total_cmp);
    let mut best = (f64::MIN, 0.0);
    for t in candidates {
        let counts = Counts::of(scored.iter().map(|h| (says(h, t), h.label)));
        if fault && counts.false_positive_rate() > most_false {
            continue;
        }
        let k = counts.kappa();
        if k > best.0 + 1e-9 {
            best = (k, t);
        }
    }
    best.1
}

/// Rounded weights as the file keeps them.
fn linear(vocabulary: &[&str], bias: f64, weights: &[f64], config: &Config) -> Linear {
    let weights = vocabulary
        .iter()
        .zip(weights)
        .filter(|(_, w)| w.abs() >= KEEP)
        .map(|(f, w)| ((*f).to_string(), (w * 1000.0).round() / 1000.0))
        .collect();
    Linear { bias: (bias * 1000.0).round() / 1000.0, threshold: 0.0, weights, word_limit: config.word_limit }
}

/// Weights that make `concept` its rule's verdict: met exactly when the rule fired.
fn rule_verdict(concept: &str) -> Linear {
    let weights = concept_rules(concept).iter().map(|r| (format!("rule:{r}"), 1.0 / RULE_VALUE)).collect();
    Linear { bias: -0.5, threshold: 0.0, weights, word_limit: None }
}

/// The model whose every concept is its rule's verdict.
fn rule_verdicts(config: &Config) -> ConceptModel {
    let concepts = CONCEPTS.iter().map(|concept| ((*concept).to_string(), rule_verdict(concept))).collect();
    ConceptModel { trained_on: config.describe(0, 0), concepts, faults_need_rule: false, rule_stands: Vec::new() }
}

/// Trains every concept on `train` with `config`.
pub fn train(train: &[&Example], config: &Config) -> ConceptModel {
    if !config.learned {
        return rule_verdicts(config);
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in train.iter().flat_map(|e| &e.features).filter(|f| config.usable(f)) {
        *counts.entry(f.as_str()).or_default() += 1;
    }
    let vocabulary: Vec<&str> =
        counts.iter().filter(|(f, c)| f.starts_with("rule:") || **c >= config.min_answers).map(|(f, _)| *f).collect();
    let index: HashMap<&str, usize> = vocabulary.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let value = |f: &str| if f.starts_with("rule:") { RULE_VALUE } else { 1.0 };
    let rows: Vec<Vec<(usize, f64)>> = train
        .iter()
        .map(|e| e.features.iter().filter_map(|f| index.get(f.as_str()).map(|&i| (i, value(f)))).collect())
        .collect();
    let mut model = ConceptModel {
        trained_on: config.describe(train.len(), vocabulary.len()),
        concepts: BTreeMap::new(),
        faults_need_rule: config.faults_need_rule,
        rule_stands: config.add_only.iter().map(|c| (*c).to_string()).collect(),
    };
    for (c, concept) in CONCEPTS.iter().enumerate() {
        let linear = if config.rule_verdict.contains(concept) {
            rule_verdict(concept)
        } else if config.no_words_for.contains(concept) {
            let keep =
                |r: &Vec<(usize, f64)>| r.iter().copied().filter(|(i, _)| !vocabulary[*i].starts_with("w:")).collect();
            let wordless: Vec<Vec<(usize, f64)>> = rows.iter().map(keep).collect();
            fit_concept(&Fitting { train, rows: &wordless, vocabulary: &vocabulary, config, model: &model }, c)
        } else {
            fit_concept(&Fitting { train, rows: &rows, vocabulary: &vocabulary, config, model: &model }, c)
        };
        model.concepts.insert((*concept).to_string(), linear);
    }
    model
}

/// What fitting one concept reads: the rows, their features as indices into the vocabulary, the
/// config and the model so far (for its margins).
struct Fitting<'a> {
    train: &'a [&'a Example],
    rows: &'a [Vec<(usize, f64)>],
    vocabulary: &'a [&'a str],
    config: &'a Config,
    model: &'a ConceptModel,
}

/// Fits concept number `c`: weights on every labelled row it learns from, the threshold from the
/// inner folds' held-out sums.
fn fit_concept(f: &Fitting, c: usize) -> Linear {
    let (train, rows, config, concept) = (f.train, f.rows, f.config, CONCEPTS[c]);
    let c_of = config.c_for.iter().find(|(k, _)| *k == concept).map_or(config.c, |(_, c)| *c);
    let add_only = config.add_only.contains(&concept);
    let decided = |i: usize| !config.as_scored || train[i].decided(c);
    let labelled: Vec<usize> = (0..train.len()).filter(|&i| train[i].labels[c].is_some() && decided(i)).collect();
    // A concept the layer only adds learns from the answers where its rule is silent.
    let learns = |i: usize| !add_only || !train[i].fired(concept);
    let label = |i: usize| train[i].labels[c] == Some(true);
    let mut held_out = Vec::with_capacity(labelled.len());
    for fold in 0..FOLDS {
        let in_fold = |i: usize| fold_of(&train[i].situation) == fold;
        let inside: Vec<usize> = labelled.iter().copied().filter(|&i| !in_fold(i) && learns(i)).collect();
        let fold_rows: Vec<&Vec<(usize, f64)>> = inside.iter().map(|&i| &rows[i]).collect();
        let fold_labels: Vec<bool> = inside.iter().map(|&i| label(i)).collect();
        let (bias, weights) = fit(&fold_rows, &fold_labels, f.vocabulary.len(), c_of);
        let fitted = linear(f.vocabulary, bias, &weights, config);
        for i in labelled.iter().copied().filter(|&i| in_fold(i)) {
            let sum = fitted.total(train[i].features.iter().map(String::as_str));
            held_out.push(HeldOut { sum, fired: train[i].fired(concept), label: label(i) });
        }
    }
    let most_false = if concept == "blame-shifting" { config.blame_false_positives } else { FAULT_FALSE_POSITIVES };
    let margins = if add_only {
        Some((f64::INFINITY, f.model.add_margin(concept)))
    } else {
        config.as_scored.then(|| (veto_margin(concept), f.model.add_margin(concept)))
    };
    let threshold = choose_threshold(&held_out, FAULTS.contains(&concept), most_false, margins);
    let learned: Vec<usize> = labelled.iter().copied().filter(|&i| learns(i)).collect();
    let all_rows: Vec<&Vec<(usize, f64)>> = learned.iter().map(|&i| &rows[i]).collect();
    let all_labels: Vec<bool> = learned.iter().map(|&i| label(i)).collect();
    let (bias, weights) = fit(&all_rows, &all_labels, f.vocabulary.len(), c_of);
    let mut fitted = linear(f.vocabulary, bias, &weights, config);
    fitted.threshold = threshold;
    fitted
}

/// The verdict of `model` on concept number `c` for `example`, as the scorer decides (no where the
/// answer cannot hold the concept, else `model::combine` with the margins; a concept's rule is any
/// of `model::concept_rules`).
pub fn verdict(model: &ConceptModel, c: usize, example: &Example) -> bool {
    let concept = CONCEPTS[c];
    let Some(linear) = model.concepts.get(concept) else { return false };
    let fired = example.fired(concept);
    if !example.decided(c) {
        return false;
    }
    let lean = linear.total(example.features.iter().map(String::as_str)) - linear.threshold;
    combine(fired, lean, model.veto_margin(concept), model.add_margin(concept))
}
