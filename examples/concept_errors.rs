//! Prints where the concept detectors disagree with the human labels on the **dev split** of the
//! concept corpus (or the train split with `--split train`; never the test split), one line per
//! disagreement: the concept, `MISSED` or `FALSE`, whether the rule fired, the learned lean, the
//! answer and the words that counted. With `--rule`, the disagreements are the rule's alone (the
//! learned layer left out). The summary gives each concept's kappa with the learned layer and the
//! rule's own kappa. For reading errors while fixing the rules.
//!
//! ```sh
//! cargo run --release --example concept_errors > /tmp/dev-errors.tsv
//! cargo run --release --example concept_errors -- empathy     # one concept
//! cargo run --release --example concept_errors -- --split train --rule sends-away
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = match args.iter().position(|a| a == "--split").and_then(|i| args.get(i + 1)).map(String::as_str) {
        None | Some("dev") => Split::Dev,
        Some("train") => Split::Train,
        Some(other) => return Err(format!("--split {other}: only train or dev may be read").into()),
    };
    let rule_only = args.iter().any(|a| a == "--rule");
    let only: Option<&String> = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--split"))
        .map(|x| x.1);
    let corpus = Corpus::read_default()?;
    let lists = Lists::new(&BTreeMap::new());
    let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut rule_counts: BTreeMap<&str, Counts> = BTreeMap::new();
    for (answer, situation) in corpus.split(split) {
        let names = situation.names();
        let a = analyse(&answer.response);
        let cx = DetectorContext::new(&names, &lists, None);
        for (concept, detector) in CONCEPTS {
            if only.is_some_and(|o| o != concept && o != detector) {
                continue;
            }
            let human = answer.label(concept)?;
            let found = detect(detector, &a, &cx);
            let reading = read(detector, &a, &cx);
            let (rule, lean) = reading.as_ref().map_or((!found.is_empty(), 0.0), |r| (r.rule_fired, r.lean));
            counts.entry(concept).or_default().add(!found.is_empty(), human);
            rule_counts.entry(concept).or_default().add(rule, human);
            let engine = if rule_only { rule } else { !found.is_empty() };
            if engine == human {
                continue;
            }
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
        let r = &rule_counts[concept];
        eprintln!(
            "{concept:<20} kappa {:.2}  tp/fp/fn/tn {}/{}/{}/{}   rule alone kappa {:.2}  tp/fp/fn/tn {}/{}/{}/{}",
            c.kappa(),
            c.tp,
            c.fp,
            c.fn_,
            c.tn,
            r.kappa(),
            r.tp,
            r.fp,
            r.fn_,
            r.tn
        );
    }
    Ok(())
}
