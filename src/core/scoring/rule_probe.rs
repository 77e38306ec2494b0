//! Tests' one way to ask a structural rule alone (without the learned layer) about one sentence.

use std::collections::BTreeMap;

use super::detectors::{DetectorContext, detect_rule};
use super::lists::Lists;
use super::phrase::{Names, name_words};
use super::text::analyse;

/// True when the rule of `detector` finds something in `text`, with no customer or colleague named.
pub(super) fn rule_met(detector: &str, text: &str) -> bool {
    rule_met_with(detector, text, &Names::default())
}

/// True when the rule of `detector` finds something in `text`, the customer and colleague named
/// `customer` and `colleague` (e.g. "Mr Patel", "Noor Haddad").
pub(super) fn rule_met_named(detector: &str, text: &str, customer: &str, colleague: &str) -> bool {
    rule_met_with(detector, text, &Names { customer: name_words(customer), colleague: name_words(colleague) })
}

fn rule_met_with(detector: &str, text: &str, names: &Names) -> bool {
    let lists = Lists::new(&BTreeMap::new());
    !detect_rule(detector, &analyse(text), &DetectorContext::new(names, &lists, None)).is_empty()
}
