//! Trains the learned layer of the concept detectors (`src/core/scoring/model.rs`) from the
//! **train split** of the concept corpus (`tests/data/concepts/`, split by situation hash as in
//! `tests/common/concept_corpus.rs`; dev answers only to report, test answers never) and writes
//! `src/core/scoring/concept_model.json`.
//!
//! ```sh
//! cargo run --release --example train_concepts                 # train CHOSEN, check authors, write
//! cargo run --release --example train_concepts -- --compare    # every config of CONFIGS, writes nothing
//! cargo run --release --example train_concepts -- --compare --only current,no-pairs
//! cargo run --release --example train_concepts -- --config NAME
//! cargo run --release --example train_concepts -- --out /tmp/model.json   # write elsewhere
//! cargo test --test concept_agreement                          # dev agreement with the new weights
//! ```
//!
//! Per concept: L2-regularised logistic regression with balanced class weights over the rule
//! features and, as the config says, the word and clause-role features seen in at least
//! `min_answers` training rows, fitted by full-batch gradient descent (Adam). The decision
//! threshold comes from 5-fold cross-validation by situation inside the rows fitted: the one with
//! the best kappa, and for the faults (blame, deflecting apology, sending away) the best kappa
//! among those that claim the fault in at most 5% of the answers without it. Deterministic: same
//! corpus, same file, byte for byte.
//!
//! **Transfer, not fit, chooses the config.** `--compare` measures each config of [`CONFIGS`] by
//! grouped cross-validation over the train split (folds by situation: fitted on the other
//! situations, scored on the held-out ones, as a new situation would be), by the fresh-eyes set
//! (`tests/data/fresh/`, rubrics and answers nobody here wrote, scored through the whole engine
//! with the candidate model in place) and by the dev split (a third voice), and counts the bundled
//! author tests each would break.
//!
//! **Safe for authors and for CI.** Before writing, the new model runs every author test of
//! `scenarios/` and the dev split through the whole engine; if a test fails, a concept's dev kappa
//! is under its floor (`DEV_KAPPA_FLOORS`, the floors `tests/concept_agreement.rs` holds) or false
//! blame passes 2% in grouped CV or on dev, it says why (for a failing test: each learned concept
//! of the criteria it got wrong, whether its rule fired, the lean and the heaviest features) and
//! writes nothing (pass `--allow-author-failures` to write anyway). Written to the compiled-in path,
//! the new weights must also pass the scoring unit tests (`cargo test --lib scoring::`, run by the
//! trainer), or the previous file is put back. Configs with `author_rows` also
//! learn from those tests: a test expecting a criterion met whose `detect` is exactly one learned
//! concept, or that is named after a learned concept its `detect` lists, gives that concept's
//! verdict; one expecting a criterion not met says every learned concept its `detect` lists
//! (any-of) is absent. A config may leave some concepts to their rule's verdict alone
//! (`rule_verdict`) and bound the false claims its fault thresholds allow.

#[path = "../../tests/common/concept_corpus.rs"]
mod concept_corpus;
mod engine;
mod fit;
mod unit_gate;

use std::collections::HashMap;
use std::path::Path;

use concept_corpus::{Corpus, Counts, DEV_KAPPA_FLOORS, MAX_FALSE_BLAME, Split};
use followthrough::core::scoring::detectors::DetectorContext;
use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::model::{CONCEPTS, ConceptModel, feature_names, may_add};
use followthrough::core::scoring::text::analyse;

use engine::Loaded;
use fit::{Config, Example, train, verdict};
use sha2::{Digest, Sha256};

const OUT: &str = "src/core/scoring/concept_model.json";
/// Folds (by situation) of the grouped cross-validation that measures transfer.
const CV_FOLDS: u8 = 5;

/// The config trained by default, chosen by `--compare` on grouped-CV and fresh-eyes kappa, dev
/// third (2026-12-06: train split 1,887 answers, 44 situations, 410 author-test rows; fresh set
/// in-process; authors = bundled author tests that fail; false blame must stay at or under 2% in
/// grouped CV and on dev). Dev is the whole engine, as `tests/concept_agreement.rs` measures it,
/// except where marked `*` (the trainer's own verdict, before it scored dev through the engine,
/// and author rows from single-detector criteria only):
///
/// | config | cv kappa | cv false blame | dev kappa | dev false blame | fresh kappa | authors |
/// |---|---|---|---|---|---|---|
/// | current | 0.796 | 3.1% | 0.847* | 2.2%* | 0.751 | 5 |
/// | current+authors (397 rows) | 0.799 | 3.5% | 0.850* | 2.2%* | 0.751 | 1 |
/// | no-pairs | 0.786 | 3.0% | 0.832* | 2.5%* | 0.769 | 6 |
/// | C=0.1 | 0.789 | 3.0% | 0.835* | 1.7%* | 0.750 | 6 |
/// | rule-verdict (no model) | 0.720 | 3.6% | 0.776* | 3.5%* | 0.744 | 19 |
/// | **authors+blame2** | 0.793 | 1.6% | 0.840 | 1.2% | 0.759 | 1 |
/// | authors+blame3 | 0.796 | 2.7% | 0.842 | 2.0% | 0.759 | 1 |
/// | authors+blame2+min5 | 0.793 | 1.6% | 0.839 | 1.2% | 0.769 | 1 |
/// | authors+blame2+handover-rule | 0.767 | 1.6% | 0.820 | 1.2% | 0.740 | 7 |
/// | authors+blame2+handover-no-words | 0.775 | 1.6% | 0.825 | 1.2% | 0.749 | 3 |
///
/// 2026-12-07, after the blame rules of #12 (train 1,887 answers, 410 author rows; every measure
/// now the scorer's verdict, `model::may_add` included): `authors+blame2` cv 0.804, cv false blame
/// 2.0%, dev 0.848 (1.2%), fresh 0.767, 0 authors; `authors+blame2+scored` (fitted and thresholded
/// only where the layer decides, thresholds for the margins) 0.801, 2.5% (over the bound), dev
/// 0.838, fresh 0.769, 1 author; `authors+blame2+blameC0.1` 0.804, 2.0%, dev 0.845 (1.5%), fresh
/// 0.769 (blame 0.70 against 0.67), 0; `authors+blame2+blameC0.2` 0.805, 2.0%, dev 0.846 (1.7%),
/// fresh 0.769, 0. None is better on blame on dev than the committed model (0.79, trained on the
/// older rules; retrains 0.75 to 0.78), so none was written. Handover-context dev 0.94 -> 0.87 is
/// five answers of one situation (b2), four words-only additions with leans +0.08 to +0.30 and one
/// miss at -0.21: close calls, not a method fault (its grouped CV 0.83, scored 0.81). Blame's
/// learned layer fits train (train kappa 0.81 against the rule's 0.70, no false blame) far better
/// than dev (0.78 against 0.77): it vetoes 11 correct rule finds on dev and 9 wrong ones.
///
/// Later on 2026-12-07, after the next-steps relabelling of train and dev and that day's
/// takes-it-on, next-steps, empathy and sends-away rules, `authors+blame2` retrained: cv 0.806, cv
/// false blame 2.0%, dev 0.854 (1.2%), fresh 0.773 (alarms 3.9%), 0 authors; on the two fresh-eyes
/// sets (`scripts/fresh_agreement.py`) 0.77 / 0.74 against the committed weights' 0.76 / 0.74. Not
/// written: the committed weights give dev 0.866 on the same rules (handover 0.94 against 0.87,
/// blame 0.79 against 0.78), and the retrain vetoes the rule on a unit test of `taking.rs` ("Let me
/// get that rebooked for you." takes it on). The trainer checks author tests, not the rules' unit
/// tests; a gate on those would have caught it.
///
/// Handover-context per concept (grouped CV / dev / fresh): learned 0.82 / 0.83 / 0.64, rule
/// verdict 0.58 / 0.63 / 0.17, rules and roles without words 0.62 / 0.66 / 0.34: its learned layer
/// carries over better than anything simpler, so it keeps it. Its dev kappa moves with any change
/// of vocabulary (0.83 to 0.90 between two runs that differ by 13 author rows): dev has 36 answers
/// with a warm hand-over, 15 of them in one situation. Blame's threshold allowing 2% false claims
/// (other faults 5%) is the only setting here that keeps false blame at 2% in grouped CV; 3% costs
/// 2.7%. Words in at least 5 rows (`min5`) tie in grouped CV and gain 0.010 on the fresh set
/// (121 answers: within noise), so the default `min_answers` stays. `authors+blame2` still fails one author test (blame a rule does not read: "the garnish
/// chef is new and he didn't read the ticket") and sits just under two dev floors (sends-away
/// 0.851, handover-context 0.831), so the trainer writes nothing until the rules close them.
///
/// 2026-12-07 (#12, blame's recall on unseen wording): what the layer may do to blame, by
/// `--compare` on the merged rules (before `blame/agent.rs`); fb = false blame; the last column is
/// blame alone in grouped CV / dev / fresh:
///
/// | config | cv k | cv fb | dev k | dev fb | fresh k | authors | blame cv / dev / fresh |
/// |---|---|---|---|---|---|---|---|
/// | **authors+blame2** | 0.811 | 2.0% | 0.867 | 0.7% | 0.777 | 0 | 0.71 / 0.80 / 0.70 |
/// | authors+blame3 | 0.814 | 2.4% | 0.870 | 1.0% | 0.773 | 0 | 0.73 / 0.82 / 0.67 |
/// | authors+blame-rule (a) | 0.812 | 3.1% | 0.869 | 1.7% | 0.773 | 2 | 0.72 / 0.82 / 0.65 |
/// | authors+blame2+adds (b) | 0.817 | 4.9% | 0.874 | 3.2% | 0.769 | 2 | 0.77 / 0.86 / 0.68 |
/// | authors+blame3+adds (b, c) | 0.816 | 4.5% | 0.870 | 1.7% | 0.773 | 2 | 0.76 / 0.82 / 0.65 |
///
/// Leaving blame to its rule, or letting the layer only add (`add_only`, never vetoing a rule
/// hit), lifts blame's grouped-CV and dev kappa but not the fresh set's, breaks two author tests,
/// and cannot keep false blame at 2%: the blame rule alone claims blame in 3.1% of the train
/// answers without it (40 of 1,274), so no threshold of an add-only layer meets the bound.
/// Loosening the bound to 3% costs 2.4% in grouped CV (over what the trainer writes) and 0.03 of
/// blame's fresh kappa. The layer's vetoes are what hold false blame at 2%; recall has to come
/// from the rules, with their false claims on train cut first. So `authors+blame2` stays.
///
/// 2026-12-07, after the blame guards of who is the agent (the rule alone claims blame in 25 of
/// 1,274 train answers without it, 2.0%, down from 40; dev 5 of 404), `--compare`:
///
/// | config | cv k | cv fb | dev k | dev fb | fresh k | authors | blame cv / dev / fresh |
/// |---|---|---|---|---|---|---|---|
/// | authors+blame2 | 0.818 | 1.8% | 0.873 | 0.7% | 0.773 | 0 | 0.73 / 0.83 / 0.67 |
/// | **authors+blame2.5** | 0.820 | 1.8% | 0.873 | 0.7% | 0.771 | 0 | 0.75 / 0.83 / 0.67 |
/// | authors+blame-rule | 0.819 | 2.0% | 0.873 | 1.2% | 0.771 | 2 | 0.74 / 0.82 / 0.65 |
/// | authors+blame2+adds | 0.821 | 2.9% | 0.873 | 1.5% | 0.771 | 2 | 0.76 / 0.83 / 0.65 |
/// | authors+blame2.5+adds | 0.822 | 2.7% | 0.874 | 2.0% | 0.771 | 2 | 0.77 / 0.84 / 0.68 |
///
/// Leaving rule hits standing (`add_only`) still passes 2% false blame in grouped CV, and it and
/// the rule's verdict break two author tests. Of the configs at or under 2% in grouped CV with no
/// author test broken, `authors+blame2.5` (the inner threshold may allow 2.5%) has the best
/// grouped-CV kappa, blame's included; its grouped-CV false blame is the same 1.8%, dev the same,
/// fresh blame the same (0.002 lower overall: one judgement). The margin is small and the looser
/// inner bound is the risk to watch on unseen text.
///
/// 2026-12-07, after merging five new blame readings (circumstances, records, queues, guesses,
/// things not received; rules as a wall, the customer's own act) and 640 more train answers
/// (`d1`, `d2`), `--compare --only authors+blame2,authors+blame2.5`:
///
/// | config | cv k | cv fb | dev k | dev fb | fresh k | fresh alarms | blame cv / dev / fresh |
/// |---|---|---|---|---|---|---|---|
/// | **authors+blame2** | 0.816 | 1.8% | 0.872 | 1.7% | 0.761 | 4.6% | 0.70 / 0.79 / 0.67 |
/// | authors+blame2.5 | 0.818 | 2.2% | 0.875 | 1.7% | 0.759 | 5.0% | 0.71 / 0.82 / 0.65 |
///
/// The looser inner bound now passes 2% false blame in grouped CV, so `authors+blame2` is back.
/// (Measured with those new blame readings and the agent guards above merged; all were then
/// reverted, the readings for raising false blame on the held-out sets, the guards for losing
/// three coach-labelled excuses in `tests/scoring_agreement.rs`. The weights in use are still
/// those of `092fdef`: the layer
/// retrained here failed two scoring unit tests and was no better on dev. Re-run `--compare`
/// before the next fit.)
///
/// 2026-12-07 (later), retrained after five more rule rounds and 1,280 more train answers (`d3`,
/// `d4`, `d7`, `d8`): cv 0.822, cv false blame 2.0%, dev 0.876 (1.0%), fresh 0.771, 0 authors. Judged
/// on 640 answers no rule or weight had seen (`d5`, `d6`, two more blind labellers): mean kappa
/// 0.805 with the weights of `092fdef`, 0.827 with these (genuine-question 0.84 -> 0.90,
/// handover-context 0.78 -> 0.86, takes-it-on 0.77 -> 0.81, owns 0.87 -> 0.91, false blame 1.8% ->
/// 0.8%), while dev moved 0.879 -> 0.877 (blame 0.81 -> 0.78, genuine-question 0.92 -> 0.91: its
/// floor set to 0.89). Kept, with `model::words_may_veto` (a concept's rule is overturned only by
/// words that count against it; without it the bias vetoed "Let me get that rebooked for you").
///
/// 2026-12-07 (evening), after six more rule rounds (blame guesses and rule walls, next steps,
/// empathy, sends-away, typos) and `d5`/`d6` in train: `authors+blame2` came out at cv false blame
/// just over 2% and was refused; `authors+blame1.8` (blame's threshold chosen at 1.8%) gave cv 0.830,
/// dev 0.882 (false blame 0.8%) and, on 640 answers nothing here had seen (`d9`, `d10`), mean kappa
/// 0.803 against 0.800 with the weights in use, but its layer vetoes "Let me rebook the table for
/// eight instead" (a `taking.rs` unit test), so the weights in use stay. Try it again with the next
/// corpus.
///
/// 2026-12-07 (night), after six more rule rounds (blame: machines, colleagues, answerability
/// disclaimed, "not us"; next steps; empathy; takes-it-on) with `d9`/`d10` in train:
/// `authors+blame2` cv 0.832 (false blame 1.6%), dev 0.886 (1.3%), fresh 0.769, 0 authors;
/// `authors+blame1.8` cv 0.831, fresh blame 0.72 against 0.76. On 640 answers nothing here had seen
/// (`d11`, `d12`): mean kappa 0.809 -> 0.815, false blame 2.1% -> 1.4%. Kept, with the words the
/// concept's own rule read no longer arguing against it and the rest needing to count clearly
/// against it (`model::words_may_veto`), which keeps "Let me rebook the table for eight instead".
///
/// 2026-12-08, after six more rule rounds (blame: scorn at another party, the customer's consent
/// named as binding, our side denied as owner; deflecting apologies; next steps; takes-it-on) and
/// rubric phrase readings, with `d11`/`d12` now fitted: `authors+blame2` cv 0.835 (false blame
/// 1.7%), dev 0.881 (1.3%), fresh 0.773, 0 authors. On 640 answers nothing here had seen (`d13`,
/// `d14`): mean kappa 0.816 -> 0.823 against the weights it replaces (handover-context 0.79 -> 0.82,
/// sends-away 0.89 -> 0.91, blame 0.60 -> 0.61), false blame 2.7% both; dev 0.886 -> 0.883
/// (next-steps 0.83 -> 0.80); the fresh-eyes sets 0.78 / 0.75 / 0.78 -> 0.77 / 0.75 / 0.78. Kept on
/// the larger unseen set.
const CHOSEN: &str = "authors+blame2";

const BASE: Config = Config {
    name: "current",
    learned: true,
    c: 0.5,
    min_answers: 3,
    words: true,
    pairs: true,
    roles: true,
    word_limit: None,
    faults_need_rule: false,
    author_rows: false,
    blame_false_positives: 0.05,
    rule_verdict: &[],
    no_words_for: &[],
    as_scored: false,
    c_for: &[],
    add_only: &[],
};

/// The configs `--compare` measures.
const CONFIGS: &[Config] = &[
    BASE,
    Config { name: "no-pairs", pairs: false, ..BASE },
    Config { name: "no-words", words: false, pairs: false, ..BASE },
    Config { name: "rules-only", words: false, pairs: false, roles: false, ..BASE },
    Config { name: "rule-verdict", learned: false, ..BASE },
    Config { name: "C=0.1", c: 0.1, ..BASE },
    Config { name: "C=0.05", c: 0.05, ..BASE },
    Config { name: "capped", word_limit: Some(1.0), faults_need_rule: true, ..BASE },
    Config { name: "no-pairs-capped", pairs: false, word_limit: Some(1.0), faults_need_rule: true, ..BASE },
    Config {
        name: "no-words-capped",
        words: false,
        pairs: false,
        word_limit: Some(1.0),
        faults_need_rule: true,
        ..BASE
    },
    Config { name: "current+authors", author_rows: true, ..BASE },
    Config {
        name: "no-pairs-capped+authors",
        pairs: false,
        word_limit: Some(1.0),
        faults_need_rule: true,
        author_rows: true,
        ..BASE
    },
    Config { name: "authors+blame2", author_rows: true, blame_false_positives: 0.02, ..BASE },
    Config { name: "authors+blame3", author_rows: true, blame_false_positives: 0.03, ..BASE },
    Config { name: "authors+blame2+min5", author_rows: true, blame_false_positives: 0.02, min_answers: 5, ..BASE },
    Config {
        name: "authors+blame2+handover-rule",
        author_rows: true,
        blame_false_positives: 0.02,
        rule_verdict: &["handover-context"],
        ..BASE
    },
    Config {
        name: "authors+blame2+handover-no-words",
        author_rows: true,
        blame_false_positives: 0.02,
        no_words_for: &["handover-context"],
        ..BASE
    },
    Config { name: "authors+blame2+scored", author_rows: true, blame_false_positives: 0.02, as_scored: true, ..BASE },
    Config {
        name: "authors+blame2+blameC0.1",
        author_rows: true,
        blame_false_positives: 0.02,
        c_for: &[("blame-shifting", 0.1)],
        ..BASE
    },
    Config {
        name: "authors+blame2+blameC0.2",
        author_rows: true,
        blame_false_positives: 0.02,
        c_for: &[("blame-shifting", 0.2)],
        ..BASE
    },
    Config {
        name: "authors+blame-rule",
        author_rows: true,
        blame_false_positives: 0.02,
        rule_verdict: &["blame-shifting"],
        ..BASE
    },
    Config {
        name: "authors+blame2+adds",
        author_rows: true,
        blame_false_positives: 0.02,
        add_only: &["blame-shifting"],
        ..BASE
    },
    Config {
        name: "authors+blame2.5+adds",
        author_rows: true,
        blame_false_positives: 0.025,
        add_only: &["blame-shifting"],
        ..BASE
    },
    Config { name: "authors+blame2.5", author_rows: true, blame_false_positives: 0.025, ..BASE },
    Config { name: "authors+blame1.8", author_rows: true, blame_false_positives: 0.018, ..BASE },
    Config {
        name: "authors+blame3+adds",
        author_rows: true,
        blame_false_positives: 0.03,
        add_only: &["blame-shifting"],
        ..BASE
    },
];

/// Every answer of `split` as an [`Example`] (rules run once here).
fn corpus_examples(corpus: &Corpus, split: Split) -> Result<Vec<Example>, String> {
    let lists = Lists::new(&std::collections::BTreeMap::new());
    corpus
        .split(split)
        .map(|(answer, situation)| {
            let names = situation.names();
            let a = analyse(&answer.response);
            let cx = DetectorContext::new(&names, &lists, None);
            let features = feature_names(&a, &cx);
            let open = CONCEPTS.iter().map(|c| may_add(c, &a, &cx)).collect();
            let labels = CONCEPTS.iter().map(|c| answer.label(c).map(Some)).collect::<Result<_, _>>()?;
            Ok(Example { situation: situation.id.clone(), features, labels, open })
        })
        .collect()
}

/// Engine against human per concept on `examples`.
fn evaluate(model: &ConceptModel, examples: &[Example]) -> Vec<Counts> {
    let mut out = vec![Counts::default(); CONCEPTS.len()];
    for e in examples {
        for (c, counts) in out.iter_mut().enumerate() {
            if let Some(human) = e.labels[c] {
                counts.add(verdict(model, c, e), human);
            }
        }
    }
    out
}

/// Grouped cross-validation over `train_set`: each situation is scored by a model fitted without
/// any answer to it (author rows, when the config uses them, are always among the fitted).
fn grouped_cv(train_set: &[Example], authors: &[Example], config: &Config) -> Vec<Counts> {
    // Situations in the order of their ids' SHA-256, dealt round the folds in turn, so the folds
    // hold nearly equal numbers of situations.
    let mut situations: Vec<(Vec<u8>, &str)> =
        train_set.iter().map(|e| (Sha256::digest(e.situation.as_bytes()).to_vec(), e.situation.as_str())).collect();
    situations.sort();
    situations.dedup();
    let fold_of: HashMap<&str, usize> =
        situations.iter().enumerate().map(|(i, (_, s))| (*s, i % usize::from(CV_FOLDS))).collect();
    let mut out = vec![Counts::default(); CONCEPTS.len()];
    for fold in 0..usize::from(CV_FOLDS) {
        let held = |e: &Example| fold_of.get(e.situation.as_str()) == Some(&fold);
        let extra = authors.iter().filter(|_| config.author_rows);
        let inside: Vec<&Example> = train_set.iter().filter(|e| !held(e)).chain(extra).collect();
        let model = train(&inside, config);
        let held_out: Vec<Example> = train_set.iter().filter(|e| held(e)).cloned().collect();
        for (total, counts) in out.iter_mut().zip(evaluate(&model, &held_out)) {
            total.merge(&counts);
        }
    }
    out
}

fn mean_kappa(counts: &[Counts]) -> f64 {
    counts.iter().map(Counts::kappa).sum::<f64>() / counts.len().max(1) as f64
}

fn blame_index() -> usize {
    CONCEPTS.iter().position(|c| *c == "blame-shifting").unwrap_or(0)
}

/// What one config measures.
struct Row {
    cv: Vec<Counts>,
    dev: Vec<Counts>,
    fresh: engine::Fresh,
    author_failures: Vec<String>,
}

/// Measures `config`; also returns the model fitted on all its rows (what would be written).
fn measure(data: &Data, config: &Config) -> Result<(Row, ConceptModel), String> {
    let cv = grouped_cv(&data.train, &data.authors, config);
    let model = train(&data.fitted(config), config);
    let row = Row {
        cv,
        dev: engine::dev(&data.corpus, &model)?,
        fresh: engine::fresh(&data.fresh, &model)?,
        author_failures: engine::author_failures(&data.bundled, &model),
    };
    Ok((row, model))
}

/// Everything read once.
struct Data {
    corpus: Corpus,
    train: Vec<Example>,
    authors: Vec<Example>,
    bundled: Loaded,
    fresh: Loaded,
}

impl Data {
    /// The rows `config` is fitted on.
    fn fitted(&self, config: &Config) -> Vec<&Example> {
        self.train.iter().chain(self.authors.iter().filter(|_| config.author_rows)).collect()
    }
}

fn print_header() {
    println!(
        "{:<24} {:>7} {:>6} {:>6} | {:>7} {:>6} | {:>7} {:>6} {:>6} | {:>7}",
        "config", "cv k", "worst", "blame", "dev k", "blame", "fresh k", "agree", "alarm", "authors"
    );
}

fn print_row(config: &Config, row: &Row) {
    let b = blame_index();
    let worst = row.cv.iter().map(Counts::kappa).fold(f64::MAX, f64::min);
    println!(
        "{:<24} {:>7.3} {:>6.2} {:>5.1}% | {:>7.3} {:>5.1}% | {:>7.3} {:>5.1}% {:>5.1}% | {:>7}",
        config.name,
        mean_kappa(&row.cv),
        worst,
        100.0 * row.cv[b].false_positive_rate(),
        mean_kappa(&row.dev),
        100.0 * row.dev[b].false_positive_rate(),
        row.fresh.all.kappa(),
        100.0 * row.fresh.all.agreement(),
        100.0 * row.fresh.forbidden.false_positive_rate(),
        row.author_failures.len()
    );
}

fn print_per_concept<R: std::borrow::Borrow<Row>>(rows: &[(&Config, R)]) {
    println!("\ngrouped-CV kappa per concept (dev in brackets)");
    print!("{:<24}", "config");
    CONCEPTS.iter().for_each(|c| print!(" {:>11}", &c[..c.len().min(11)]));
    println!();
    for (config, row) in rows {
        let row: &Row = row.borrow();
        print!("{:<24}", config.name);
        row.cv.iter().zip(&row.dev).for_each(|(cv, dev)| print!(" {:>4.2} ({:.2})", cv.kappa(), dev.kappa()));
        println!();
    }
    println!("\nfresh-eyes kappa per concept (criteria that are one learned concept; judgements in brackets)");
    for (config, row) in rows {
        let row: &Row = row.borrow();
        print!("{:<24}", config.name);
        row.fresh.concepts.iter().for_each(|c| print!(" {:>4.2} ({:>3})", c.kappa(), c.tp + c.fp + c.fn_ + c.tn));
        println!();
    }
}

/// Why a model may not be written: dev floors (whole engine, as `tests/concept_agreement.rs`) and
/// false blame over [`MAX_FALSE_BLAME`] in grouped CV or on dev.
fn shortfalls(row: &Row) -> Vec<String> {
    let mut out = Vec::new();
    for (concept, floor) in DEV_KAPPA_FLOORS {
        let Some(c) = CONCEPTS.iter().position(|k| k == concept) else { continue };
        let kappa = row.dev[c].kappa();
        if kappa < *floor {
            out.push(format!("dev kappa of {concept} {kappa:.3} under its floor {floor:.2}"));
        }
    }
    let b = blame_index();
    for (what, rate) in [("grouped CV", row.cv[b].false_positive_rate()), ("dev", row.dev[b].false_positive_rate())] {
        if rate > MAX_FALSE_BLAME {
            out.push(format!("false blame {:.1}% in {what}, over {:.0}%", 100.0 * rate, 100.0 * MAX_FALSE_BLAME));
        }
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let flag = |f: &str| args.iter().any(|a| a == f);
    // An unknown argument (say `--help`) must not train and overwrite the committed weights.
    const FLAGS: [&str; 3] = ["--compare", "--allow-author-failures", "--help"];
    const VALUED: [&str; 3] = ["--only", "--config", "--out"];
    let mut rest = args.iter().skip(1);
    while let Some(a) = rest.next() {
        if VALUED.contains(&a.as_str()) {
            rest.next();
        } else if a == "--help" || !FLAGS.contains(&a.as_str()) {
            let usage =
                "usage: train_concepts [--compare [--only A,B]] [--config NAME] [--out PATH] [--allow-author-failures]";
            return Err(if a == "--help" { usage.into() } else { format!("unknown argument {a:?}; {usage}").into() });
        }
    }
    let corpus = Corpus::read_default()?;
    let bundled = Loaded::bundled()?;
    let data = Data {
        train: corpus_examples(&corpus, Split::Train)?,
        authors: engine::author_rows(&bundled),
        corpus,
        bundled,
        fresh: Loaded::fresh()?,
    };
    eprintln!(
        "train {} answers, dev {} answers, {} author-test rows",
        data.train.len(),
        data.corpus.split(Split::Dev).count(),
        data.authors.len()
    );
    if flag("--compare") {
        print_header();
        let mut rows = Vec::new();
        let only = args.iter().position(|a| a == "--only").and_then(|i| args.get(i + 1));
        let chosen = |c: &&Config| only.is_none_or(|names| names.split(',').any(|n| n == c.name));
        for config in CONFIGS.iter().filter(chosen) {
            let (row, _) = measure(&data, config)?;
            print_row(config, &row);
            rows.push((config, row));
        }
        print_per_concept(&rows);
        return Ok(());
    }
    let name = args.iter().position(|a| a == "--config").and_then(|i| args.get(i + 1)).map_or(CHOSEN, String::as_str);
    let config = CONFIGS.iter().find(|c| c.name == name).ok_or(format!("no config {name}"))?;
    let (row, model) = measure(&data, config)?;
    print_header();
    print_row(config, &row);
    print_per_concept(std::slice::from_ref(&(config, &row)));
    let mut refuse = Vec::new();
    if !row.author_failures.is_empty() {
        eprintln!("\n{} bundled author tests FAIL with this model:", row.author_failures.len());
        row.author_failures.iter().for_each(|f| eprintln!("  {f}"));
        eprintln!("\nwhy, concept by concept (rule verdict, lean against the threshold, heaviest features):");
        engine::explain_failures(&data.bundled, &model).iter().for_each(|line| eprintln!("  {line}"));
        if !flag("--allow-author-failures") {
            refuse.push("bundled author tests fail (--allow-author-failures to write anyway)");
        }
    }
    let short = shortfalls(&row);
    if !short.is_empty() {
        eprintln!("\nshort of what CI holds:");
        short.iter().for_each(|s| eprintln!("  {s}"));
        if !flag("--allow-author-failures") {
            refuse.push("dev floors or false blame (--allow-author-failures to write anyway)");
        }
    }
    if !refuse.is_empty() {
        return Err(format!("not written: {}", refuse.join("; ")).into());
    }
    let out = args.iter().position(|a| a == "--out").and_then(|i| args.get(i + 1)).map_or(OUT, String::as_str);
    unit_gate::write(Path::new(out), &(serde_json::to_string_pretty(&model)? + "\n"), out == OUT)?;
    println!("wrote {out}: {}", model.trained_on);
    Ok(())
}
