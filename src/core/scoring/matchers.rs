//! A criterion's matchers compiled for a turn, and where each matches in an analysed response.

use std::collections::HashMap;
use std::sync::Arc;

use super::Evidence;
use super::detectors::{self, DetectorContext, Range, detect};
use super::lists::Lists;
use super::phrase::Phrase;
use super::text::Analysed;
use crate::core::scenario::pattern::Pattern;
use crate::core::scenario::vocab::{self, DETECTORS};
use crate::core::scenario::{CriterionKind, Matcher};

/// A matcher ready to run.
pub(super) enum CompiledMatcher {
    /// A phrase, shared by every matcher of the turn with the same text (matched once per answer).
    Phrase(Arc<Phrase>, String),
    Regex(regex::Regex, String),
    Detector(String),
    All(Vec<CompiledMatcher>),
    /// As `All`, with every part met in one and the same sentence.
    Sentence(Vec<CompiledMatcher>),
    Not(Box<CompiledMatcher>),
}

pub(super) struct CompiledCriterion {
    pub(super) id: String,
    pub(super) label: String,
    pub(super) kind: CriterionKind,
    pub(super) weight: f64,
    pub(super) matchers: Vec<CompiledMatcher>,
}

/// Compile one matcher; a phrase already compiled for this turn (same text) is shared, not compiled again.
pub(super) fn compile_matcher(
    m: &Matcher,
    lists: &Lists,
    phrases: &mut HashMap<String, Arc<Phrase>>,
) -> Option<CompiledMatcher> {
    Some(match m {
        Matcher::Phrase(text) => {
            let phrase = match phrases.get(text) {
                Some(known) => Arc::clone(known),
                None => {
                    let compiled = Arc::new(Phrase::compile(&Pattern::parse_wide(text).ok()?, &lists.sets));
                    phrases.insert(text.clone(), Arc::clone(&compiled));
                    compiled
                }
            };
            CompiledMatcher::Phrase(phrase, text.clone())
        }
        Matcher::Regex(text) => CompiledMatcher::Regex(regex::Regex::new(text).ok()?, text.clone()),
        Matcher::Detector(name) => CompiledMatcher::Detector(name.clone()),
        Matcher::All(inner) => {
            CompiledMatcher::All(inner.iter().filter_map(|m| compile_matcher(m, lists, phrases)).collect())
        }
        Matcher::Sentence(inner) => {
            CompiledMatcher::Sentence(inner.iter().filter_map(|m| compile_matcher(m, lists, phrases)).collect())
        }
        Matcher::Not(inner) => CompiledMatcher::Not(Box::new(compile_matcher(inner, lists, phrases)?)),
    })
}

pub(super) fn describe(m: &CompiledMatcher) -> String {
    match m {
        CompiledMatcher::Phrase(_, text) => format!("the phrase \"{text}\""),
        CompiledMatcher::Regex(_, text) => format!("the pattern /{text}/"),
        CompiledMatcher::Detector(name) => {
            vocab::find(DETECTORS, name).map_or_else(|| name.clone(), |t| t.description.to_string())
        }
        CompiledMatcher::All(inner) => inner.iter().map(describe).collect::<Vec<_>>().join(" and "),
        CompiledMatcher::Sentence(inner) => {
            format!("{}, in one sentence", inner.iter().map(describe).collect::<Vec<_>>().join(" and "))
        }
        CompiledMatcher::Not(inner) => format!("not where {}", describe(inner)),
    }
}

/// Byte spans where a compiled matcher matches; empty when it does not.
fn matcher_spans(m: &CompiledMatcher, a: &Analysed, cx: &DetectorContext, response: &str) -> Vec<(usize, usize)> {
    let to_bytes =
        |ranges: Vec<Range>| -> Vec<(usize, usize)> { ranges.into_iter().filter_map(|r| a.byte_span(r)).collect() };
    match m {
        CompiledMatcher::Phrase(p, _) => {
            // Found once per answer however many criteria use the phrase, within the budget.
            let found = cx.phrase_matches(p, a);
            // A phrase with a {time} slot speaks of a commitment: hedged or conditional ones do not count.
            let hedge_aware = p.has_time_slot();
            // "next week, Monday at 9:10": a vague word refined by a real time in its sentence is not vague.
            let refinable = p.refers_to("vague-time");
            let found = found
                .iter()
                .copied()
                .filter(|r| !(hedge_aware && detectors::is_hedged_at(a, cx, *r)))
                .filter(|r| !(refinable && detectors::refined_by_time(a, cx, *r)))
                .collect();
            to_bytes(found)
        }
        CompiledMatcher::Detector(name) => to_bytes(detect(name, a, cx)),
        CompiledMatcher::Regex(re, _) => {
            // Quoted words in order (tokens never overlap, so their ends rise too): a match is
            // looked up among them, not compared with every token.
            let quoted: Vec<(usize, usize)> = a.tokens.iter().filter(|t| t.quoted).map(|t| (t.start, t.end)).collect();
            let overlaps_quote = |start: usize, end: usize| {
                quoted.get(quoted.partition_point(|q| q.1 <= start)).is_some_and(|q| q.0 < end)
            };
            re.find_iter(response)
                .filter(|m| !overlaps_quote(m.start(), m.end()))
                .map(|m| (m.start(), m.end()))
                .collect()
        }
        CompiledMatcher::All(inner) => {
            let parts = group_parts(inner, a, cx, response);
            if parts.is_empty() || parts.iter().any(Vec::is_empty) {
                Vec::new()
            } else {
                // Sorted and once each, so nested `All`s do not pile up copies of the same spans
                // (spans already so, as one phrase's or one nested `All`'s are, are kept as they are).
                let mut spans: Vec<(usize, usize)> = parts.into_iter().flatten().collect();
                if !spans.windows(2).all(|w| w[0] < w[1]) {
                    spans.sort_unstable();
                    spans.dedup();
                }
                spans
            }
        }
        CompiledMatcher::Sentence(inner) => {
            super::sentence::same_sentence(inner, group_parts(inner, a, cx, response), a, cx, response)
        }
        // Alone (validation refuses it outside `All`) it names no words, so it meets nothing.
        CompiledMatcher::Not(_) => Vec::new(),
    }
}

/// The spans of each part of an `All` or `Sentence` that is not a `Not`, with the `Not` parts'
/// matches taken out (a detector beside a `Not` reads the answer again without the touched sentences).
fn group_parts(
    inner: &[CompiledMatcher],
    a: &Analysed,
    cx: &DetectorContext,
    response: &str,
) -> Vec<Vec<(usize, usize)>> {
    // `Not(...)` parts name what does not count: hits of the others that overlap them go.
    let excluded: Vec<(usize, usize)> = inner
        .iter()
        .filter_map(|m| match m {
            CompiledMatcher::Not(m) => Some(matcher_spans(m, a, cx, response)),
            _ => None,
        })
        .flatten()
        .collect();
    inner
        .iter()
        .filter(|m| !matches!(m, CompiledMatcher::Not(_)))
        .map(|m| {
            let mut spans = match m {
                // A detector does not count from a sentence where a `Not` touches its evidence.
                CompiledMatcher::Detector(name) if !excluded.is_empty() => {
                    super::exclusion::detector_outside(name, &excluded, a, cx, response)
                }
                _ => matcher_spans(m, a, cx, response),
            };
            if !excluded.is_empty() {
                spans.retain(|s| !excluded.iter().any(|x| x.0 < s.1 && s.0 < x.1));
            }
            // "Friday at 10am to check it has landed": what is to be checked is not said. An
            // `All` inside has kept only spans that pass already (nested ones are not asked again).
            if !matches!(m, CompiledMatcher::All(_)) {
                spans.retain(|s| !to_be_checked(a, cx, s.0));
            }
            spans
        })
        .collect()
}

/// True when the words starting at byte `start` are what the speaker will check ("to check it has
/// landed", "make sure the refund went through", "see if it's arrived"): a fact the parts of an
/// `All` make up must be said, not put to a check. Read from a table worked out once per response,
/// as nested `All`s ask again for the same spans at every level.
fn to_be_checked(a: &Analysed, cx: &DetectorContext, start: usize) -> bool {
    let k = a.first_token_from(start);
    let table = cx.checked_from.get_or_init(|| (0..a.tokens.len()).map(|k| checked_at(a, k)).collect());
    table.get(k).copied().unwrap_or(false)
}

/// True when the words from token `k` on are put to a check (see [`to_be_checked`]).
fn checked_at(a: &Analysed, k: usize) -> bool {
    let (sentence, clause) = (a.tokens[k].sentence, a.tokens[k].clause);
    let word = |i: usize| a.tokens[i].text.as_str();
    (k.saturating_sub(4)..k).any(|j| {
        let here = a.tokens[j].sentence == sentence && a.tokens[j].clause == clause;
        let check = match word(j) {
            "check" | "verify" | "ensure" => true,
            "sure" => j > 0 && word(j - 1) == "make",
            "see" | "out" => {
                matches!(word(j + 1), "if" | "whether") || (word(j) == "out" && j > 0 && word(j - 1) == "find")
            }
            _ => false,
        };
        here && check
    })
}

/// The most pieces of evidence a criterion shows (the first in the answer). A person reads them on a
/// score card or in a report, where a few make the point; an answer that matches at thousands of
/// places (hostile, or one word repeated) would otherwise cost a string for each.
pub(super) const MAX_EVIDENCE: usize = 24;

/// The answer's words that met the criterion, merged into phrases, at most [`MAX_EVIDENCE`].
pub(super) fn criterion_evidence(
    c: &CompiledCriterion,
    a: &Analysed,
    cx: &DetectorContext,
    response: &str,
) -> Vec<Evidence> {
    let mut spans: Vec<(usize, usize)> = c.matchers.iter().flat_map(|m| matcher_spans(m, a, cx, response)).collect();
    spans.sort();
    // Merge overlapping spans so the evidence reads as phrases, not fragments.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
        .into_iter()
        .take(MAX_EVIDENCE)
        .map(|(start, end)| Evidence { start, end, text: response[start..end].to_string() })
        .collect()
}
