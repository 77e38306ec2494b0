//! Fixtures shared by the core's unit tests: the minimal scenario, and the bundled library
//! (discovered from `scenarios/` by `build.rs`, so a new bundled scenario is tested too).

use std::collections::BTreeMap;

use crate::core::library::{FileInput, FileKind, Library};
use crate::core::scenario::parse::parse;
use crate::core::scenario::{Lexicon, Scenario};
use crate::core::scoring::lists::Lists;
use crate::core::scoring::phrase::{Names, name_words};
use crate::core::scoring::text::analyse;

include!(concat!(env!("OUT_DIR"), "/bundled_scenarios.rs"));

/// The bundled lexicon's text.
const BUNDLED_LEXICON: &str = include_str!("../../scenarios/lexicon.ron");

/// The small complete scenario of `tests/fixtures/good/minimal.ron` and its lexicon.
pub(crate) fn minimal() -> (Scenario, Lexicon) {
    let (s, _) = parse::<Scenario>(include_str!("../../tests/fixtures/good/minimal.ron")).expect("fixture");
    let (l, _) = parse::<Lexicon>(include_str!("../../tests/fixtures/good/lexicon.ron")).expect("lexicon");
    (s, l)
}

/// Every bundled scenario, parsed, and the bundled lexicon.
pub(crate) fn bundled_scenarios() -> (Vec<Scenario>, Lexicon) {
    let scenarios =
        BUNDLED.iter().map(|(_, text)| parse::<Scenario>(text).expect("bundled scenario parses").0).collect();
    let lexicon = parse::<Lexicon>(BUNDLED_LEXICON).expect("bundled lexicon").0;
    (scenarios, lexicon)
}

/// The bundled library, as `followthrough check scenarios/` reads it; every file loads.
pub(crate) fn bundled_library() -> Library {
    let mut inputs = vec![FileInput {
        path: "scenarios/lexicon.ron".into(),
        kind: FileKind::Lexicon,
        contents: Ok(BUNDLED_LEXICON.as_bytes().to_vec()),
    }];
    inputs.extend(BUNDLED.iter().map(|(path, text)| FileInput {
        path: path.to_string(),
        kind: FileKind::Scenario,
        contents: Ok(text.as_bytes().to_vec()),
    }));
    let library = Library::build(inputs, &|_, _| true);
    assert_eq!(library.scenarios.len(), BUNDLED.len(), "{}", library.render_diagnostics());
    library
}

#[test]
fn the_bundled_folder_is_found() {
    assert!(BUNDLED.len() >= 17, "bundled scenarios: {}", BUNDLED.len());
    assert!(BUNDLED.iter().all(|(path, _)| path.starts_with("scenarios/") && path.ends_with(".ron")));
}

/// True when the built-in detector `name` (its rules and the learned layer together) finds
/// something in `text`, read with the built-in lists and no names from a briefing.
pub(crate) fn concept_met(name: &str, text: &str) -> bool {
    use crate::core::scoring::detectors::{DetectorContext, detect};
    let (names, lists) = (Names::default(), Lists::new(&BTreeMap::new()));
    !detect(name, &analyse(text), &DetectorContext::new(&names, &lists, None)).is_empty()
}

/// True when the blame concept's own rules (the phrase rule or the structural one, as
/// `model::concept_rules` reads them) find blame in `text` said to `customer`, with Nadia Quinn
/// as the colleague.
pub(crate) fn blame_rule_fires(customer: &str, text: &str) -> bool {
    use crate::core::scoring::detectors::{DetectorContext, detect_rule};
    let names = Names { customer: name_words(customer), colleague: name_words("Nadia Quinn") };
    let lists = Lists::new(&BTreeMap::new());
    let (a, cx) = (analyse(text), DetectorContext::new(&names, &lists, None));
    ["blame-shifting", "party-blame"].iter().any(|r| !detect_rule(r, &a, &cx).is_empty())
}
