//! The concept corpus (`tests/data/concepts/`), read one way by everything that measures or trains
//! on it: `tests/concept_agreement.rs`, `examples/train_concepts/`, `examples/calibrate_margins.rs`
//! and `examples/concept_errors.rs` include this file with `#[path]`. One reader, one split rule,
//! one kappa.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::phrase::{Names, name_words};
use followthrough::core::scoring::{Evidence, ScoringContext, run_detector};
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// Where the corpus lives, from the package root.
pub const DIR: &str = "tests/data/concepts";

/// The concepts of `docs/labelling.md` (the labels), each with the built-in detector that reads it.
pub const CONCEPTS: &[(&str, &str)] = &[
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
/// makes the engine read people worse fails `tests/concept_agreement.rs`, and a retrain below one
/// is not written by `examples/train_concepts/`.
pub const DEV_KAPPA_FLOORS: &[(&str, f64)] = &[
    ("owns-the-failure", 0.84),
    ("takes-it-on", 0.74),
    ("empathy", 0.84),
    ("blame-shifting", 0.73),
    ("sends-away", 0.86),
    ("deflecting-apology", 0.89),
    ("specific-day", 0.86),
    ("specific-time", 0.83),
    ("next-steps", 0.62),
    ("handover-context", 0.84),
    ("genuine-question", 0.89),
];

/// Highest share of answers without blame that may be read as blame (dev, and grouped CV when
/// training).
pub const MAX_FALSE_BLAME: f64 = 0.02;

/// A situation: the briefing's names are what the detectors may use.
#[derive(Debug, Clone, Deserialize)]
pub struct Situation {
    /// Its id (`a2-broadband-missed-callback`); the split follows from it.
    pub id: String,
    /// The customer's name, if the briefing gives one.
    pub customer_name: Option<String>,
    /// The colleague's name, if there is one to hand over to.
    pub colleague_name: Option<String>,
}

impl Situation {
    /// The names the detectors read (the customer's, the colleague's).
    pub fn names(&self) -> Names {
        Names {
            customer: self.customer_name.as_deref().map(name_words).unwrap_or_default(),
            colleague: self.colleague_name.as_deref().map(name_words).unwrap_or_default(),
        }
    }
}

/// One labelled answer.
#[derive(Debug, Clone, Deserialize)]
pub struct Answer {
    /// Its id (`a2-0001`).
    pub id: String,
    /// The situation it answers.
    pub situation: String,
    /// How it is written (terse, rambling, ...).
    #[serde(default)]
    pub register: String,
    /// The employee's words.
    pub response: String,
    /// The human verdict per concept.
    pub labels: BTreeMap<String, bool>,
}

impl Answer {
    /// The human verdict for `concept`, or a message naming the answer without it.
    pub fn label(&self, concept: &str) -> Result<bool, String> {
        self.labels.get(concept).copied().ok_or_else(|| format!("{}: no label {concept}", self.id))
    }

    /// What the whole engine's `detector` finds in this answer, with its situation's names: the one
    /// way the agreement test and the trainer's dev check score an answer.
    pub fn engine_evidence(&self, detector: &str, situation: &Situation, lists: &Lists) -> Vec<Evidence> {
        run_detector(
            detector,
            &self.response,
            situation.customer_name.as_deref(),
            situation.colleague_name.as_deref(),
            lists,
            &ScoringContext::default(),
        )
    }
}

/// Where an answer's situation falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Split {
    /// Fitted and tuned on.
    Train,
    /// Margins and rules chosen on; CI holds its floors.
    Dev,
    /// Frozen by `splits.json`; scored only to report.
    Test,
}

/// The split a tool's `--split NAME` asks for: dev when not given, train or dev only (the test split
/// is never read error by error).
pub fn readable_split(args: &[String]) -> Result<Split, String> {
    match args.iter().position(|a| a == "--split").and_then(|i| args.get(i + 1)).map(String::as_str) {
        None | Some("dev") => Ok(Split::Dev),
        Some("train") => Ok(Split::Train),
        Some(other) => Err(format!("--split {other}: only train or dev may be read")),
    }
}

/// The split of a situation: the first byte of its id's SHA-256, below 90 test, below 135 dev.
pub fn split_of(situation: &str) -> Split {
    match Sha256::digest(situation.as_bytes())[0] {
        0..90 => Split::Test,
        90..135 => Split::Dev,
        _ => Split::Train,
    }
}

/// The whole corpus as read from [`DIR`].
pub struct Corpus {
    /// Situations by id.
    pub situations: BTreeMap<String, Situation>,
    /// Every answer with its line as written (the test split's hash is over these lines), in file
    /// order.
    pub answers: Vec<(String, Answer)>,
}

impl Corpus {
    /// Reads every `situations-*.jsonl` and `answers-*.jsonl` under `dir`; an unreadable file, a
    /// line that does not parse or an answer to an unknown situation is an error naming its place.
    pub fn read(dir: &Path) -> Result<Self, String> {
        let situations: BTreeMap<String, Situation> =
            read_jsonl::<Situation>(dir, "situations-")?.into_iter().map(|(_, s)| (s.id.clone(), s)).collect();
        let answers = read_jsonl::<Answer>(dir, "answers-")?;
        if let Some((_, a)) = answers.iter().find(|(_, a)| !situations.contains_key(&a.situation)) {
            return Err(format!("{}: unknown situation {}", a.id, a.situation));
        }
        Ok(Self { situations, answers })
    }

    /// Reads the corpus from [`DIR`] (run from the package root, as cargo does).
    pub fn read_default() -> Result<Self, String> {
        Self::read(Path::new(DIR))
    }

    /// The answers of one split with their situations.
    pub fn split(&self, split: Split) -> impl Iterator<Item = (&Answer, &Situation)> {
        self.answers
            .iter()
            .map(|(_, a)| (a, &self.situations[&a.situation]))
            .filter(move |(_, s)| split_of(&s.id) == split)
    }
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(dir: &Path, prefix: &str) -> Result<Vec<(String, T)>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix) && n.ends_with(".jsonl"))
        })
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let value =
                serde_json::from_str(line).map_err(|e| format!("{}:{}:{}: {e}", file.display(), i + 1, e.column()))?;
            out.push((line.to_string(), value));
        }
    }
    Ok(out)
}

/// Engine against human verdicts for one concept.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    /// Both say yes.
    pub tp: u32,
    /// The engine says yes, the human no.
    pub fp: u32,
    /// The engine says no, the human yes.
    pub fn_: u32,
    /// Both say no.
    pub tn: u32,
}

impl Counts {
    /// Counts one answer.
    pub fn add(&mut self, engine: bool, human: bool) {
        match (engine, human) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    /// Counts of pairs `(engine, human)`.
    pub fn of(pairs: impl IntoIterator<Item = (bool, bool)>) -> Self {
        let mut c = Self::default();
        pairs.into_iter().for_each(|(e, h)| c.add(e, h));
        c
    }

    /// Adds another concept's counts (for overall agreement).
    pub fn merge(&mut self, other: &Self) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.tn += other.tn;
    }

    /// Answers counted.
    pub fn n(&self) -> f64 {
        f64::from(self.tp + self.fp + self.fn_ + self.tn)
    }

    /// Share of answers where engine and human agree.
    pub fn agreement(&self) -> f64 {
        f64::from(self.tp + self.tn) / self.n().max(1.0)
    }

    /// Cohen's kappa; 0 when chance agreement is total (one side always says the same).
    pub fn kappa(&self) -> f64 {
        let n = self.n().max(1.0);
        let po = self.agreement();
        let yes = f64::from(self.tp + self.fp) / n * f64::from(self.tp + self.fn_) / n;
        let no = f64::from(self.fn_ + self.tn) / n * f64::from(self.fp + self.tn) / n;
        let pe = yes + no;
        if (1.0 - pe).abs() < 1e-12 { if po >= 1.0 { 1.0 } else { 0.0 } } else { (po - pe) / (1.0 - pe) }
    }

    /// Share of the answers a human says do not do it that the engine says do.
    pub fn false_positive_rate(&self) -> f64 {
        f64::from(self.fp) / f64::from((self.fp + self.tn).max(1))
    }
}
