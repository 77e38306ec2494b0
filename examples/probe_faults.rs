//! Reads answers (one per line) from standard input and prints, for the three faults, whether the
//! rule fires, the learned verdict and the rule's words. For trying sentences while writing rules.
//!
//! ```sh
//! echo "please contact your bank" | cargo run --example probe_faults
//! ```

use std::collections::BTreeMap;
use std::io::BufRead;

use followthrough::core::scoring::detectors::{DetectorContext, detect, detect_rule};
use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::model::concept_rules;
use followthrough::core::scoring::phrase::{Names, name_words};
use followthrough::core::scoring::text::analyse;

fn main() {
    let names = Names { customer: name_words("Mr Haddad"), colleague: name_words("Priya Shah") };
    let lists = Lists::new(&BTreeMap::new());
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let a = analyse(&line);
        let cx = DetectorContext::new(&names, &lists, None);
        let mut cells = Vec::new();
        for (concept, detector, rule) in [
            ("blame-shifting", "blame", ""),
            ("sends-away", "sends-away", ""),
            ("deflecting-apology", "deflection", "deflection"),
        ] {
            let rules: Vec<&str> = if rule.is_empty() { concept_rules(concept).to_vec() } else { vec![rule] };
            let found: Vec<String> = rules
                .iter()
                .flat_map(|r| detect_rule(r, &a, &cx))
                .map(|(s, e)| a.tokens[s..e].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" "))
                .collect();
            let model = !detect(detector, &a, &cx).is_empty();
            cells.push(format!("{}:r{}m{}{:?}", &concept[..5], u8::from(!found.is_empty()), u8::from(model), found));
        }
        println!("{}\t{line}", cells.join(" "));
    }
}
