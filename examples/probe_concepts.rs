//! Reads answers (one per line) from standard input and prints, for `takes-it-on` and `next-steps`,
//! whether the rule fires with its words, and the verdict with the learned layer. For trying
//! sentences while writing rules.
//!
//! ```sh
//! echo "I've booked the engineer for Thursday" | cargo run --example probe_concepts
//! ```

use std::collections::BTreeMap;
use std::io::BufRead;

use followthrough::core::scoring::detectors::{DetectorContext, detect, detect_rule};
use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::phrase::{Names, name_words};
use followthrough::core::scoring::text::analyse;

fn main() {
    let names = Names { customer: name_words("Mr Haddad"), colleague: name_words("Priya Shah") };
    let lists = Lists::new(&BTreeMap::new());
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let a = analyse(&line);
        let cx = DetectorContext::new(&names, &lists, None);
        let mut cells = Vec::new();
        for concept in ["takes-it-on", "next-steps"] {
            let found: Vec<String> = detect_rule(concept, &a, &cx)
                .iter()
                .map(|&(s, e)| a.tokens[s..e].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" "))
                .collect();
            let model = !detect(concept, &a, &cx).is_empty();
            cells.push(format!("{}:r{}m{}{:?}", &concept[..5], u8::from(!found.is_empty()), u8::from(model), found));
        }
        println!("{}\t{line}", cells.join(" "));
    }
}
