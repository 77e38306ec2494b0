//! Prints the `next-steps` disagreements of the rule alone on the dev split (or `--split train`;
//! never the test split), each with the parts of the rule that fired and their words, and the
//! final verdict with the learned layer (`--all`: every answer, agreeing ones as `tp` / `tn`). For
//! grouping the rule's errors into kinds.
//!
//! ```sh
//! cargo run --example step_parts -- --split train > /tmp/train-steps.tsv
//! ```

#[path = "../tests/common/concept_corpus.rs"]
mod concept_corpus;

use std::collections::BTreeMap;

use concept_corpus::Corpus;
use followthrough::core::scoring::concepts::next_step_parts;
use followthrough::core::scoring::detectors::{DetectorContext, detect};
use followthrough::core::scoring::lists::Lists;
use followthrough::core::scoring::text::analyse;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = concept_corpus::readable_split(&args)?;
    let all = args.iter().any(|a| a == "--all");
    let corpus = Corpus::read_default()?;
    let lists = Lists::new(&BTreeMap::new());
    for (answer, situation) in corpus.split(split) {
        let names = situation.names();
        let a = analyse(&answer.response);
        let cx = DetectorContext::new(&names, &lists, None);
        let human = answer.label("next-steps")?;
        let parts = next_step_parts(&a, &cx);
        let rule = !parts.is_empty();
        let engine = !detect("next-steps", &a, &cx).is_empty();
        if !all && rule == human && engine == human {
            continue;
        }
        let shown: Vec<String> = parts
            .iter()
            .map(|(name, found)| {
                let words: Vec<String> = found
                    .iter()
                    .map(|&(s, e)| a.tokens[s..e].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" "))
                    .collect();
                format!("{name}:{}", words.join("|"))
            })
            .collect();
        println!(
            "{}\trule={}\tengine={}\t{}\t{}\t{}\t{}",
            match (human, rule == human) {
                (true, true) => "tp",
                (false, true) => "tn",
                (true, false) => "MISSED",
                (false, false) => "FALSE",
            },
            u8::from(rule),
            u8::from(engine),
            answer.id,
            answer.register,
            answer.response.replace(['\n', '\t'], " "),
            shown.join("  ")
        );
    }
    Ok(())
}
