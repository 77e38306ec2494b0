//! Fixtures shared by the core's unit tests.

use crate::core::scenario::parse::parse;
use crate::core::scenario::{Lexicon, Scenario};

/// The small complete scenario of `tests/fixtures/good/minimal.ron` and its lexicon.
pub(crate) fn minimal() -> (Scenario, Lexicon) {
    let (s, _) = parse::<Scenario>(include_str!("../../tests/fixtures/good/minimal.ron")).expect("fixture");
    let (l, _) = parse::<Lexicon>(include_str!("../../tests/fixtures/good/lexicon.ron")).expect("lexicon");
    (s, l)
}
