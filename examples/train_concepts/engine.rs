//! The whole engine with a candidate model in place (`model::with_model`): the bundled scenarios'
//! author tests, which a retrain must not break, and the fresh-eyes set (`tests/data/fresh/`, six
//! scenarios written from the manual alone, scored as `scripts/fresh_agreement.py` does).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use followthrough::core::library::author_tests::run_author_tests;
use followthrough::core::library::{Library, LoadedScenario};
use followthrough::core::scenario::{CriterionKind, Matcher};
use followthrough::core::scoring::TurnScorer;
use followthrough::core::scoring::detectors::DetectorContext;
use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::model::{CONCEPTS, ConceptModel, feature_names, learned_concept, with_model};
use followthrough::core::scoring::phrase::{Names, name_words};
use followthrough::core::scoring::text::analyse;
use followthrough::io::scenario_files::load_library_untested;
use serde::Deserialize;

use crate::concept_corpus::Counts;
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

/// The author tests as training rows: for each test, the criteria it names whose rubric entry is
/// exactly one learned concept (`Detector("owns-the-failure")`) give that concept's verdict.
pub fn author_rows(bundled: &Loaded) -> Vec<Example> {
    let mut out = Vec::new();
    for loaded in bundled.scenarios() {
        let scenario = &loaded.scenario;
        let briefing = &scenario.briefing;
        let names = Names {
            customer: name_words(&briefing.customer.name),
            colleague: briefing.colleague.as_ref().map(|c| name_words(&c.name)).unwrap_or_default(),
        };
        for test in &scenario.tests {
            let Some(turn) = test.turn.as_deref().map_or(scenario.first_turn(), |id| scenario.turn(id)) else {
                continue;
            };
            let mut labels = vec![None; CONCEPTS.len()];
            let said = test.met.iter().map(|id| (id, true)).chain(test.not_met.iter().map(|id| (id, false)));
            for (id, met) in said {
                let Some(criterion) = turn.rubric.iter().find(|c| c.id == *id) else { continue };
                let [Matcher::Detector(name)] = criterion.detect.as_slice() else { continue };
                let Some(concept) = learned_concept(name) else { continue };
                if let Some(c) = CONCEPTS.iter().position(|k| *k == concept) {
                    labels[c] = Some(met);
                }
            }
            if labels.iter().all(Option::is_none) {
                continue;
            }
            let a = analyse(&test.response);
            let features = feature_names(&a, &DetectorContext::new(&names, &bundled.lists, None));
            out.push(Example { situation: format!("author:{}", scenario.id), features, labels });
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
#[derive(Debug, Default, Clone, Copy)]
pub struct Fresh {
    /// Every judgement.
    pub all: Counts,
    /// Forbidden criteria only (false alarms are their false positives).
    pub forbidden: Counts,
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
        let mut out = Fresh::default();
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
            }
        }
        Ok::<_, String>(out)
    })
    .map_err(|e| format!("fresh set: {e}"))
}
