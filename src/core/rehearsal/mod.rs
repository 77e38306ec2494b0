//! Script rehearsal: learning a turn's model answer, and the trainer's script lines, word for word
//! with progressive fading, the way actors learn lines.
//!
//! [`scripts`] lists what a scenario offers to rehearse, [`fade`] hides words for a [`Level`],
//! [`compare`] (or [`compare_script`]) reads a recitation back against the script, and [`next_level`]
//! moves the learner up after a clean recitation and down after a poor one.
//!
//! The commitment (the promise with its time) is treated with care throughout: at `Third` and
//! `TwoThirds` at least one commitment word always stays visible, and a recitation is only clean when
//! every commitment word was said as written.

mod fade;
mod recite;
pub mod session;
mod units;

use std::ops::Range;

use crate::core::scenario::{Lexicon, Scenario, ScriptRole};
use crate::core::scoring::detectors::{DetectorContext, detect, find_specific_times};
use crate::core::scoring::lists::Lists;
use crate::core::scoring::phrase::{Names, name_words};
use crate::core::scoring::text::analyse;
use crate::core::scoring::time::has_specific_time;

pub use fade::{Faded, FadedWord, Level, fade};
pub use recite::{
    CLEAN_ACCURACY, MAX_RECITATION_CHARS, POOR_BELOW, Recitation, WordKind, WordResult, compare, compare_script,
    compare_with, next_level,
};

/// Where a script's words come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScriptSource {
    /// The turn's model answer.
    ModelAnswer,
    /// One of the turn's `script` lines, with its role.
    Line(ScriptRole),
}

/// One text to rehearse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    /// The scenario's id.
    pub scenario_id: String,
    /// The turn's id.
    pub turn_id: String,
    /// A stable key for progress: `"<scenario>/<turn>/model"` for the model answer, or
    /// `"<scenario>/<turn>/script-<n>"` for the turn's n-th script line, counting from 1.
    pub key: String,
    /// Model answer or script line.
    pub source: ScriptSource,
    /// The words to learn, as written in the scenario.
    pub text: String,
    /// Byte ranges of `text` holding the commitment words, sorted and not overlapping. For a
    /// `Commitment` line, the whole line (first word to last); for a model answer, what the
    /// `specific-time-commitment` detector finds (the promise and its time), in whole words. Empty when
    /// there is no commitment.
    pub commitment: Vec<Range<usize>>,
}

/// Every text `scenario` offers to rehearse: for each turn in order, its model answer, then its script
/// lines in order. Blank texts are left out (their keys are not reused).
pub fn scripts(scenario: &Scenario, lexicon: &Lexicon) -> Vec<Script> {
    let lists = Lists::new(&lexicon.sets);
    let names = Names {
        customer: name_words(&scenario.briefing.customer.name),
        colleague: scenario.briefing.colleague.as_ref().map(|c| name_words(&c.name)).unwrap_or_default(),
    };
    let mut out = Vec::new();
    for turn in &scenario.turns {
        let script = |key: String, source: ScriptSource, text: &str, commitment: Vec<Range<usize>>| Script {
            scenario_id: scenario.id.clone(),
            turn_id: turn.id.clone(),
            key,
            source,
            text: text.to_string(),
            commitment,
        };
        if !turn.model_answer.trim().is_empty() {
            out.push(script(
                format!("{}/{}/model", scenario.id, turn.id),
                ScriptSource::ModelAnswer,
                &turn.model_answer,
                model_commitment(&turn.model_answer, &names, &lists),
            ));
        }
        for (n, line) in turn.script.iter().enumerate() {
            if line.text.trim().is_empty() {
                continue;
            }
            let commitment = match line.role {
                ScriptRole::Commitment => whole_line(&line.text),
                _ => Vec::new(),
            };
            out.push(script(
                format!("{}/{}/script-{}", scenario.id, turn.id, n + 1),
                ScriptSource::Line(line.role),
                &line.text,
                commitment,
            ));
        }
    }
    out
}

/// The specific times in `text` that are the speaker's own words, as byte ranges: the time
/// recognition of the `specific-time-commitment` detector ("at 4pm", "tomorrow morning", "by end of
/// day", "Friday at eight"), leaving out quoted or negated times and hedged ones ("Tuesday-ish").
pub fn specific_times(text: &str) -> Vec<Range<usize>> {
    let a = analyse(text);
    let ranges = find_specific_times(&a)
        .into_iter()
        .filter(|(s, e)| e > s && *e <= a.tokens.len())
        .map(|(s, e)| a.tokens[s].start..a.tokens[e - 1].end)
        .collect();
    merge(ranges)
}

/// Whether [`specific_times`] finds any time in `text`: the same reading, stopped at the first
/// time found and without the time tables scoring keeps (what `check` asks of a `Commitment` line).
pub fn names_a_specific_time(text: &str) -> bool {
    has_specific_time(&analyse(text).tokens)
}

/// The commitment of a model answer: the `specific-time-commitment` detector's evidence, in bytes.
fn model_commitment(text: &str, names: &Names, lists: &Lists) -> Vec<Range<usize>> {
    let a = analyse(text);
    let cx = DetectorContext::new(names, lists, None);
    let ranges = detect("specific-time-commitment", &a, &cx)
        .into_iter()
        .filter(|(s, e)| e > s && *e <= a.tokens.len())
        .map(|(s, e)| a.tokens[s].start..a.tokens[e - 1].end)
        .collect();
    merge(ranges)
}

/// The whole line as one range, from its first word to its last (surrounding punctuation left out).
fn whole_line(text: &str) -> Vec<Range<usize>> {
    let a = analyse(text);
    match (a.tokens.first(), a.tokens.last()) {
        (Some(first), Some(last)) => std::iter::once(first.start..last.end).collect::<Vec<_>>(),
        _ => Vec::new(),
    }
}

/// Sort ranges and merge those that overlap or touch.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::test_fixtures::minimal;

    #[test]
    fn scripts_list_model_answers_then_lines_with_stable_keys() {
        let (mut s, l) = minimal();
        s.turns[0].script = vec![
            crate::core::scenario::ScriptLine { role: ScriptRole::Opening, text: "Ms Lee, it's the branch.".into() },
            crate::core::scenario::ScriptLine {
                role: ScriptRole::Commitment,
                text: "I'll call you at 4pm today.".into(),
            },
        ];
        let all = scripts(&s, &l);
        let keys: Vec<&str> = all.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "minimal/opening/model",
                "minimal/opening/script-1",
                "minimal/opening/script-2",
                "minimal/escalation/model",
                "minimal/close/model"
            ]
        );
        assert_eq!(all[0].source, ScriptSource::ModelAnswer);
        assert_eq!(all[2].source, ScriptSource::Line(ScriptRole::Commitment));
        assert!(all[1].commitment.is_empty());
        let line = &all[2];
        assert_eq!(
            line.commitment,
            std::iter::once(0..line.text.len() - 1).collect::<Vec<_>>(),
            "the whole line, without the full stop"
        );
    }

    #[test]
    fn model_answer_commitments_are_the_detector_evidence_in_whole_words() {
        let (s, l) = minimal();
        let all = scripts(&s, &l);
        let model = &all[0];
        let words: Vec<&str> = model.commitment.iter().map(|r| &model.text[r.clone()]).collect();
        assert!(words.iter().any(|w| w.contains("4pm")), "{words:?}");
        assert!(words.iter().all(|w| !w.starts_with(' ') && !w.ends_with(' ')), "{words:?}");
        assert!(all[1].commitment.is_empty(), "an apology has no commitment");
    }

    #[test]
    fn specific_times_follow_the_detector() {
        let text = "I'll call you at 4pm, not 'soon', then tomorrow-ish.";
        let found: Vec<&str> = specific_times(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["at 4pm"]);
        assert!(specific_times("I'll call you soon.").is_empty());
        assert!(specific_times("I'll call you Tuesday-ish.").is_empty());
        assert!(!specific_times("Friday, 8am, at your door.").is_empty());
    }

    #[test]
    fn a_time_is_named_exactly_where_specific_times_finds_one() {
        let lines = [
            "I'll call you at 4pm, not 'soon', then tomorrow-ish.",
            "I'll call you Tuesday-ish.",
            "I won't ring at 3pm, I'll ring at 5.",
            "I won't ring at 3pm.",
            "She said \"by Friday\" but I can't promise it.",
            "Before your 3pm appointment I'll check, by your 10am slot at the latest.",
            "Your 3pm appointment stands.",
            "Last Tuesday at 4 we spoke; next Tuesday at 4 we speak again.",
            "tmrw b4 10 ok?",
            "Between 2 and 4 this afternoon, or after 6 if that suits.",
            "",
            "...",
        ];
        let (scenarios, _) = crate::core::test_fixtures::bundled_scenarios();
        let texts = scenarios.iter().flat_map(|s| &s.turns).flat_map(|t| {
            let lines = t.script.iter().map(|l| l.text.as_str());
            [t.customer.as_str(), t.model_answer.as_str()]
                .into_iter()
                .chain(t.alternatives.iter().map(String::as_str))
                .chain(lines)
        });
        let (mut named, mut total) = (0, 0);
        for text in lines.into_iter().chain(texts) {
            let expected = !specific_times(text).is_empty();
            assert_eq!(names_a_specific_time(text), expected, "{text}");
            named += usize::from(expected);
            total += 1;
        }
        assert!(named > 50 && named < total, "{named} of {total}: both verdicts are tried");
    }

    #[test]
    fn every_bundled_scenario_offers_its_model_answers() {
        let (scenarios, lexicon) = crate::core::test_fixtures::bundled_scenarios();
        let mut with_commitment = 0;
        for s in &scenarios {
            let all = scripts(s, &lexicon);
            // One model answer per turn; script lines (newer scenarios have them) come on top.
            let models = all.iter().filter(|x| x.source == ScriptSource::ModelAnswer).count();
            assert_eq!(models, s.turns.len(), "{}", s.id);
            let lines: usize =
                s.turns.iter().map(|t| t.script.iter().filter(|l| !l.text.trim().is_empty()).count()).sum();
            assert_eq!(all.len(), models + lines, "{}", s.id);
            for script in &all {
                for r in &script.commitment {
                    assert!(script.text.is_char_boundary(r.start) && script.text.is_char_boundary(r.end));
                }
            }
            with_commitment += all.iter().filter(|s| !s.commitment.is_empty()).count();
        }
        assert!(with_commitment >= 20, "model answers with a commitment: {with_commitment}");
    }
}
