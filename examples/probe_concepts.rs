//! Reads answers (one per line) from standard input and prints, for each concept named on the
//! command line (by default the three faults: blame-shifting, sends-away, deflecting-apology),
//! whether its rules fire, the verdict with the learned layer, and the rules' words. For trying
//! sentences while writing rules.
//!
//! ```sh
//! echo "please contact your bank" | cargo run --example probe_concepts
//! echo "I've booked the engineer for Thursday" | cargo run --example probe_concepts -- takes-it-on next-steps
//! ```

use std::collections::BTreeMap;
use std::io::BufRead;

use followthrough::core::scoring::detectors::{DetectorContext, detect, detect_rule};
use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::model::concept_rules;
use followthrough::core::scoring::phrase::{Names, name_words};
use followthrough::core::scoring::text::analyse;

/// The detector a rubric names for `concept`, and the rules whose words are shown.
fn detector_and_rules(concept: &str) -> (&str, Vec<&str>) {
    match concept {
        "blame-shifting" => ("blame", concept_rules(concept).to_vec()),
        "deflecting-apology" => ("deflection", vec!["deflection"]),
        _ if concept_rules(concept).is_empty() => (concept, vec![concept]),
        _ => (concept, concept_rules(concept).to_vec()),
    }
}

fn main() {
    let mut concepts: Vec<String> = std::env::args().skip(1).collect();
    if concepts.is_empty() {
        concepts = ["blame-shifting", "sends-away", "deflecting-apology"].map(String::from).to_vec();
    }
    let names = Names { customer: name_words("Mr Haddad"), colleague: name_words("Priya Shah") };
    let lists = Lists::new(&BTreeMap::new());
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let a = analyse(&line);
        let cx = DetectorContext::new(&names, &lists, None);
        let mut cells = Vec::new();
        for concept in &concepts {
            let (detector, rules) = detector_and_rules(concept);
            let found: Vec<String> = rules
                .iter()
                .flat_map(|r| detect_rule(r, &a, &cx))
                .map(|(s, e)| a.tokens[s..e].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" "))
                .collect();
            let model = !detect(detector, &a, &cx).is_empty();
            let short: String = concept.chars().take(5).collect();
            cells.push(format!("{short}:r{}m{}{found:?}", u8::from(!found.is_empty()), u8::from(model)));
        }
        println!("{}\t{line}", cells.join(" "));
    }
}
