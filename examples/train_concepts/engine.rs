//! The whole engine with a candidate model in place (`model::with_model`): the bundled scenarios'
//! author tests, which a retrain must not break, and the fresh-eyes set (`tests/data/fresh/`, six
//! scenarios written from the manual alone, scored as `scripts/fresh_agreement.py` does).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use followthrough::core::library::author_tests::run_author_tests;
use followthrough::core::library::{Library, LoadedScenario};
use followthrough::core::scenario::{CriterionKind, Matcher, Scenario};
use followthrough::core::scoring::TurnScorer;
use followthrough::core::scoring::detectors::DetectorContext;
use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::model::{
    CONCEPTS, ConceptModel, RULE_VALUE, concept_rules, feature_names, learned_concept, may_add, with_model,
};
use followthrough::core::scoring::phrase::{Names, name_words};
use followthrough::core::scoring::text::analyse;
use followthrough::io::scenario_files::load_library_untested;
use serde::Deserialize;

use crate::concept_corpus::{self, Corpus, Counts, Split};
use crate::fit::Example;

/// The bundled scenarios.
const BUNDLED: &str = "scenarios";
/// The fresh-eyes set.
const FRESH: &str = "tests/data/fresh";

/// A library read without running its tests, with its compiled lists.
pub struct Loaded {
    library: Library,
    lists: Arc<Lists>,
}

impl Loaded {
    fn read(dir: &str) -> Result<Self, String> {
        let library = load_library_untested(&[PathBuf::from(dir)]).map_err(|e| format!("{dir}: {e}"))?;
        let lists = Arc::new(Lists::new(&library.lexicon.sets));
        Ok(Self { library, lists })
    }

    /// The bundled scenarios (`scenarios/`).
    pub fn bundled() -> Result<Self, String> {
        Self::read(BUNDLED)
    }

    /// The fresh-eyes scenarios (`tests/data/fresh/scenarios/`).
    pub fn fresh() -> Result<Self, String> {
        Self::read(&format!("{FRESH}/scenarios"))
    }

    fn scenarios(&self) -> impl Iterator<Item = &LoadedScenario> {
        self.library.scenarios.iter()
    }
}

/// Every author test that fails with `model` in place, as "file: test: problem" lines.
pub fn author_failures(bundled: &Loaded, model: &ConceptModel) -> Vec<String> {
    with_model(model.clone(), || {
        bundled
            .scenarios()
            .flat_map(|loaded| {
                run_author_tests(&loaded.scenario, &bundled.lists).into_iter().map(move |failure| {
                    format!("{}: \"{}\": {}", loaded.file, failure.name, failure.problems.join("; "))
                })
            })
            .collect()
    })
}

/// The learned concepts among the top-level entries of a criterion's `detect` (which is any-of).
fn learned_in(detect: &[Matcher]) -> Vec<&'static str> {
    detect.iter().filter_map(|m| if let Matcher::Detector(name) = m { learned_concept(name) } else { None }).collect()
}

/// Why `model` fails each failing author test, concept by concept: for each criterion the test got
/// wrong, each learned concept it names with the rule's verdict, the lean and the heaviest features
/// either way (a tuning aid: is it the rules, a word, the threshold?).
pub fn explain_failures(bundled: &Loaded, model: &ConceptModel) -> Vec<String> {
    let mut out = Vec::new();
    with_model(model.clone(), || {
        for loaded in bundled.scenarios() {
            let scenario = &loaded.scenario;
            for failure in run_author_tests(scenario, &bundled.lists) {
                let Some(test) = scenario.tests.get(failure.index) else { continue };
                let Some(turn) = test.turn.as_deref().map_or(scenario.first_turn(), |id| scenario.turn(id)) else {
                    continue;
                };
                out.push(format!("{}: \"{}\": {}", loaded.file, test.name, test.response));
                let example = response_example(scenario, &bundled.lists, &test.response, Vec::new());
                let wrong = test.met.iter().map(|id| (id, true)).chain(test.not_met.iter().map(|id| (id, false)));
                for (id, want) in wrong.filter(|(id, want)| failure.card.criterion(id).is_some_and(|c| c.met != *want))
                {
                    let Some(criterion) = turn.rubric.iter().find(|c| c.id == *id) else { continue };
                    for concept in learned_in(&criterion.detect) {
                        out.push(format!("  {id} (want {want}): {}", describe(model, concept, &example)));
                    }
                }
            }
        }
    });
    out
}

/// A concept's reading of `example` in words: rule fired, lean, heaviest contributions.
fn describe(model: &ConceptModel, concept: &str, example: &Example) -> String {
    let Some(linear) = model.concepts.get(concept) else { return format!("{concept}: not learned") };
    let fired = concept_rules(concept).iter().any(|r| example.has(&format!("rule:{r}")));
    let lean = linear.total(example.features.iter().map(String::as_str)) - linear.threshold;
    let mut parts: Vec<(f64, &str)> = example
        .features
        .iter()
        .filter_map(|f| {
            let w = linear.weights.get(f)?;
            Some((if f.starts_with("rule:") { w * RULE_VALUE } else { *w }, f.as_str()))
        })
        .collect();
    parts.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    let top: Vec<String> = parts.iter().take(8).map(|(w, f)| format!("{f} {w:+.2}")).collect();
    format!(
        "{concept}: rule {}, lean {lean:+.2} (bias {:+.2}, threshold {:+.2}); {}",
        if fired { "fired" } else { "silent" },
        linear.bias,
        linear.threshold,
        top.join(", ")
    )
}

/// A response of `scenario` as an [`Example`] with `labels`.
fn response_example(scenario: &Scenario, lists: &Lists, response: &str, labels: Vec<Option<bool>>) -> Example {
    let briefing = &scenario.briefing;
    let names = Names {
        customer: name_words(&briefing.customer.name),
        colleague: briefing.colleague.as_ref().map(|c| name_words(&c.name)).unwrap_or_default(),
    };
    let (a, cx) = (analyse(response), DetectorContext::new(&names, lists, None));
    let features = feature_names(&a, &cx);
    let open = CONCEPTS.iter().map(|c| may_add(c, &a, &cx)).collect();
    Example { situation: format!("author:{}", scenario.id), features, labels, open }
}

/// The author tests as training rows: for each test, the criteria it names give a learned
/// concept's verdict where that verdict is certain. `detect` is any-of, so a criterion expected
/// met names its concept only when its entry is exactly one learned concept
/// (`Detector("owns-the-failure")`) or when the criterion's id is the name of one of the learned
/// concepts it lists (`takes-it-on: [Detector("takes-it-on"), Detector("owns-the-failure")]`); one
/// expected not met rules out every learned concept it lists (`[Detector("blame"),
/// Detector("blame-shifting"), Phrase(..)]`: no blame).
pub fn author_rows(bundled: &Loaded) -> Vec<Example> {
    let mut out = Vec::new();
    for loaded in bundled.scenarios() {
        let scenario = &loaded.scenario;
        for test in &scenario.tests {
            let Some(turn) = test.turn.as_deref().map_or(scenario.first_turn(), |id| scenario.turn(id)) else {
                continue;
            };
            let mut labels = vec![None; CONCEPTS.len()];
            let said = test.met.iter().map(|id| (id, true)).chain(test.not_met.iter().map(|id| (id, false)));
            for (id, met) in said {
                let Some(criterion) = turn.rubric.iter().find(|c| c.id == *id) else { continue };
                let concepts = if met {
                    let named = learned_in(&criterion.detect);
                    match criterion.detect.as_slice() {
                        [Matcher::Detector(_)] => named,
                        // Named after one of the concepts it lists: the author says which it is.
                        _ => named.into_iter().filter(|c| *c == criterion.id).collect(),
                    }
                } else {
                    learned_in(&criterion.detect)
                };
                for concept in concepts {
                    if let Some(c) = CONCEPTS.iter().position(|k| *k == concept) {
                        labels[c] = Some(met);
                    }
                }
            }
            if labels.iter().all(Option::is_none) {
                continue;
            }
            out.push(response_example(scenario, &bundled.lists, &test.response, labels));
        }
    }
    out
}

#[derive(Deserialize)]
struct FreshRow {
    scenario: String,
    turn: String,
    response: String,
    labels: BTreeMap<String, bool>,
}

/// Agreement on the fresh-eyes set with `model` in place.
#[derive(Debug, Default, Clone)]
pub struct Fresh {
    /// Every judgement.
    pub all: Counts,
    /// Forbidden criteria only (false alarms are their false positives).
    pub forbidden: Counts,
    /// Per concept of [`CONCEPTS`]: the criteria whose `detect` is that learned concept alone.
    pub concepts: Vec<Counts>,
}

/// Scores every labelled fresh answer with `model` in place.
pub fn fresh(fresh: &Loaded, model: &ConceptModel) -> Result<Fresh, String> {
    let path = format!("{FRESH}/labelled.jsonl");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let rows: Vec<FreshRow> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()
        .map_err(|e| format!("{path}: {e}"))?;
    with_model(model.clone(), || {
        let mut out = Fresh { concepts: vec![Counts::default(); CONCEPTS.len()], ..Fresh::default() };
        for row in &rows {
            let loaded = fresh.scenarios().find(|l| l.scenario.id == row.scenario).ok_or(&row.scenario)?;
            let turn = loaded.scenario.turn(&row.turn).ok_or(&row.turn)?;
            let scorer = TurnScorer::with_lists(&loaded.scenario, turn, Arc::clone(&fresh.lists));
            let card = scorer.score(&row.response).map_err(|e| e.to_string())?;
            for c in &card.criteria {
                let human = *row.labels.get(&c.id).ok_or(&c.id)?;
                out.all.add(c.met, human);
                if c.kind == CriterionKind::Forbidden {
                    out.forbidden.add(c.met, human);
                }
                let criterion = turn.rubric.iter().find(|r| r.id == c.id);
                if let Some([Matcher::Detector(name)]) = criterion.map(|r| r.detect.as_slice())
                    && let Some(k) = learned_concept(name).and_then(|k| CONCEPTS.iter().position(|x| *x == k))
                {
                    out.concepts[k].add(c.met, human);
                }
            }
        }
        Ok::<_, String>(out)
    })
    .map_err(|e| format!("fresh set: {e}"))
}

/// Dev agreement per concept through the whole engine with `model` in place, exactly as
/// `tests/concept_agreement.rs` measures it (the rules' structural checks and margins included).
pub fn dev(corpus: &Corpus, model: &ConceptModel) -> Result<Vec<Counts>, String> {
    let lists = Lists::new(&BTreeMap::new());
    with_model(model.clone(), || {
        let mut out = vec![Counts::default(); concept_corpus::CONCEPTS.len()];
        for (answer, situation) in corpus.split(Split::Dev) {
            for ((concept, detector), counts) in concept_corpus::CONCEPTS.iter().zip(out.iter_mut()) {
                let human = answer.label(concept)?;
                counts.add(!answer.engine_evidence(detector, situation, &lists).is_empty(), human);
            }
        }
        Ok(out)
    })
}
