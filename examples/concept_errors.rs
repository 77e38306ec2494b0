//! Prints where the concept detectors disagree with the human labels on the **dev split** of the
//! concept corpus (or the train split with `--split train`; never the test split), one line per
//! disagreement: the concept, `MISSED` or `FALSE`, whether the rule fired, the learned lean, the
//! answer and the words that counted (with `--rule`, the words the rule alone counted). Then, per
//! concept, the kappa of the final verdict and of the rule alone. For reading errors while fixing
//! the rules.
//!
//! ```sh
//! cargo run --release --example concept_errors > /tmp/dev-errors.tsv
//! cargo run --release --example concept_errors -- empathy     # one concept
//! cargo run --release --example concept_errors -- --split train --summary   # kappas only
//! cargo run --release --example concept_errors -- --rule next-steps   # where the rule alone is wrong
//! cargo run --release --example concept_errors -- --model /tmp/model_new.json  # a candidate model
//! cargo run --release --example concept_errors -- --split train --all  # every verdict and its words
//! cargo run --release --example concept_errors -- --split train --summary --situations d5-,d6-  # ids so prefixed
//! ```

#[path = "../tests/common/concept_corpus.rs"]
mod concept_corpus;

use std::collections::BTreeMap;

use concept_corpus::{CONCEPTS, Corpus, Counts};
use followthrough::core::scoring::detectors::{DetectorContext, detect, detect_rule};
use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::model::{ConceptModel, read, with_model};
use followthrough::core::scoring::text::analyse;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().position(|a| a == "--model").and_then(|i| args.get(i + 1)) {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            let candidate: ConceptModel = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
            with_model(candidate, || run(&args))
        }
        None => run(&args),
    }
}

/// The situation id prefixes of `--situations A,B` (none when not given): only answers to those
/// situations are scored.
fn situation_prefixes(args: &[String]) -> Result<Vec<&str>, Box<dyn std::error::Error>> {
    let Some(i) = args.iter().position(|a| a == "--situations") else { return Ok(Vec::new()) };
    let prefixes: Vec<&str> = args.get(i + 1).map_or(Vec::new(), |p| p.split(',').filter(|p| !p.is_empty()).collect());
    if prefixes.is_empty() {
        return Err("--situations needs a comma-separated list of situation id prefixes, e.g. d5-,d6-".into());
    }
    Ok(prefixes)
}

/// Prints the disagreements and kappas of the split `args` names, with the model in force.
fn run(args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let split = concept_corpus::readable_split(args)?;
    let summary = args.iter().any(|a| a == "--summary");
    let rule_only = args.iter().any(|a| a == "--rule");
    let all = args.iter().any(|a| a == "--all");
    let only: Option<&String> = args
        .iter()
        .enumerate()
        .find(|(i, a)| {
            !a.starts_with("--") && (*i == 0 || !matches!(args[i - 1].as_str(), "--split" | "--model" | "--situations"))
        })
        .map(|(_, a)| a);
    let prefixes = situation_prefixes(args)?;
    let corpus = Corpus::read_default()?;
    let lists = Lists::new(&BTreeMap::new());
    let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut rule_counts: BTreeMap<&str, Counts> = BTreeMap::new();
    for (answer, situation) in corpus.split(split) {
        if !prefixes.is_empty() && !prefixes.iter().any(|p| situation.id.starts_with(p)) {
            continue;
        }
        let names = situation.names();
        let a = analyse(&answer.response);
        let cx = DetectorContext::new(&names, &lists, None);
        for (concept, detector) in CONCEPTS {
            if only.is_some_and(|o| o != concept && o != detector) {
                continue;
            }
            let human = answer.label(concept)?;
            let found = detect(detector, &a, &cx);
            let engine = !found.is_empty();
            counts.entry(concept).or_default().add(engine, human);
            let (rule, lean) = read(detector, &a, &cx).map_or((engine, 0.0), |r| (r.rule_fired, r.lean));
            rule_counts.entry(concept).or_default().add(rule, human);
            if all {
                // Every verdict and the words behind it, for comparing two builds' engines.
                let rule_found = detect_rule(detector, &a, &cx);
                println!(
                    "{concept}\t{}\t{}\t{}\t{found:?}\t{rule_found:?}",
                    answer.id,
                    u8::from(engine),
                    u8::from(rule)
                );
                continue;
            }
            let shown = if rule_only { rule } else { engine };
            if shown == human || summary {
                continue;
            }
            // With `--rule`, the words the rule alone counted.
            let shown_ranges = if rule_only { detect_rule(detector, &a, &cx) } else { found };
            let words: Vec<String> = shown_ranges
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
        let rule = rule_counts.get(concept).map_or(f64::NAN, Counts::kappa);
        eprintln!(
            "{concept:<20} kappa {:.2}  rule-only {rule:.2}  tp/fp/fn/tn {}/{}/{}/{}",
            c.kappa(),
            c.tp,
            c.fp,
            c.fn_,
            c.tn
        );
    }
    Ok(())
}
