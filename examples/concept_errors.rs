//! Prints where the concept detectors disagree with the human labels on the **dev split** of the
//! concept corpus (never the test split), one line per disagreement: the concept, `MISSED` or
//! `FALSE`, whether the rule fired, the learned lean, the answer and the words that counted. For
//! reading errors while fixing the rules.
//!
//! ```sh
//! cargo run --release --example concept_errors > /tmp/dev-errors.tsv
//! cargo run --release --example concept_errors -- empathy     # one concept
//! ```

#[path = "../tests/common/concept_corpus.rs"]
mod concept_corpus;

use std::collections::BTreeMap;

use concept_corpus::{CONCEPTS, Corpus, Counts, Split};
use followthrough::core::scoring::detectors::{DetectorContext, detect};
use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::model::read;
use followthrough::core::scoring::text::analyse;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let only: Option<String> = std::env::args().nth(1);
    let corpus = Corpus::read_default()?;
    let lists = Lists::new(&BTreeMap::new());
    let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
    for (answer, situation) in corpus.split(Split::Dev) {
        let names = situation.names();
        let a = analyse(&answer.response);
        let cx = DetectorContext::new(&names, &lists, None);
        for (concept, detector) in CONCEPTS {
            if only.as_deref().is_some_and(|o| o != *concept && o != *detector) {
                continue;
            }
            let human = answer.label(concept)?;
            let found = detect(detector, &a, &cx);
            let engine = !found.is_empty();
            counts.entry(concept).or_default().add(engine, human);
            if engine == human {
                continue;
            }
            let (rule, lean) = read(detector, &a, &cx).map_or((false, 0.0), |r| (r.rule_fired, r.lean));
            let words: Vec<String> = found
                .iter()
                .map(|&(s, e)| a.tokens[s..e].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" "))
                .collect();
            println!(
                "{concept}\t{}\trule={}\tlean={lean:+.2}\t{}\t{}\t{}\t{words:?}",
                if human { "MISSED" } else { "FALSE" },
                u8::from(rule),
                answer.id,
                answer.register,
                answer.response.replace(['\n', '\t'], " "),
            );
        }
    }
    for (concept, c) in &counts {
        eprintln!("{concept:<20} kappa {:.2}  tp/fp/fn/tn {}/{}/{}/{}", c.kappa(), c.tp, c.fp, c.fn_, c.tn);
    }
    Ok(())
}
