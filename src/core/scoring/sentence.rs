//! `Sentence([...])`: every part met in one and the same sentence. A phrase or regex hit belongs to
//! the sentence of its first word. A concept detector judges a whole answer and its evidence can
//! hold words from several sentences, so inside `Sentence` a detector must be met by the sentence
//! read on its own: "The crew comes by 6pm. I'll ring you when I hear." has no sentence that both
//! promises a firm hour and holds the call.

use super::detectors::{DetectorContext, detect};
use super::matchers::CompiledMatcher;
use super::text::{Analysed, analyse};

/// The spans of a `Sentence`'s parts (`parts[i]` found for `inner`'s i-th matcher that is not a
/// `Not`) that lie in sentences meeting every part; empty when no sentence does.
pub(super) fn same_sentence(
    inner: &[CompiledMatcher],
    parts: Vec<Vec<(usize, usize)>>,
    a: &Analysed,
    cx: &DetectorContext,
    response: &str,
) -> Vec<(usize, usize)> {
    let positives: Vec<&CompiledMatcher> = inner.iter().filter(|m| !matches!(m, CompiledMatcher::Not(_))).collect();
    let mut spans = Vec::new();
    for k in candidate_sentences(&parts, a) {
        let mut here = Vec::new();
        let met = positives.iter().zip(&parts).all(|(m, found)| {
            let mine: Vec<(usize, usize)> = match m {
                CompiledMatcher::Detector(name) => detector_alone(name, k, a, cx, response),
                _ => found.iter().copied().filter(|s| sentence_of(a, s.0) == k).collect(),
            };
            here.extend_from_slice(&mine);
            !mine.is_empty()
        });
        if met {
            spans.append(&mut here);
        }
    }
    spans.sort_unstable();
    spans.dedup();
    spans
}

/// Sentences in which every part has at least one span, in order.
fn candidate_sentences(parts: &[Vec<(usize, usize)>], a: &Analysed) -> Vec<usize> {
    let mut shared: Option<Vec<usize>> = None;
    for part in parts {
        let mut here: Vec<usize> = part.iter().map(|s| sentence_of(a, s.0)).collect();
        here.sort_unstable();
        here.dedup();
        shared = Some(match shared {
            None => here,
            Some(before) => before.into_iter().filter(|s| here.binary_search(s).is_ok()).collect(),
        });
    }
    shared.unwrap_or_default()
}

/// The sentence holding the first word at or after byte `start`.
fn sentence_of(a: &Analysed, start: usize) -> usize {
    let k = a.first_token_from(start).min(a.tokens.len().saturating_sub(1));
    a.tokens.get(k).map_or(0, |t| t.sentence)
}

/// Byte spans (in `response`) of detector `name`'s evidence when sentence `k` is read on its own;
/// empty when that sentence alone does not meet it.
fn detector_alone(name: &str, k: usize, a: &Analysed, cx: &DetectorContext, response: &str) -> Vec<(usize, usize)> {
    cx.memo_alone(name, k, || read_alone(name, k, a, cx, response))
}

fn read_alone(name: &str, k: usize, a: &Analysed, cx: &DetectorContext, response: &str) -> Vec<(usize, usize)> {
    let Some(first) = a.sentences.get(k).and_then(|s| a.tokens.get(s.start)) else { return Vec::new() };
    // Up to the next sentence's first word, so the sentence keeps its own punctuation.
    let end = a.sentences.get(k + 1).and_then(|n| a.tokens.get(n.start)).map_or(response.len(), |t| t.start);
    let Some(text) = response.get(first.start..end.max(first.start)) else { return Vec::new() };
    let b = analyse(text);
    let fresh = cx.for_other_response();
    detect(name, &b, &fresh)
        .into_iter()
        .filter_map(|r| b.byte_span(r))
        .map(|(s, e)| (s + first.start, e + first.start))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_belongs_to_the_sentence_of_its_first_word() {
        let a = analyse("Sorry. I will ring you at four. Bye.");
        let at = |w: &str| "Sorry. I will ring you at four. Bye.".find(w).expect("word");
        assert_eq!(sentence_of(&a, at("Sorry")), 0);
        assert_eq!(sentence_of(&a, at("ring")), 1);
        assert_eq!(sentence_of(&a, at("Bye")), 2);
        assert_eq!(
            candidate_sentences(&[vec![(at("ring"), at("ring") + 4)], vec![(at("Bye"), at("Bye") + 3)]], &a),
            Vec::<usize>::new()
        );
        assert_eq!(
            candidate_sentences(&[vec![(at("ring"), at("ring") + 4)], vec![(at("four"), at("four") + 4)]], &a),
            vec![1]
        );
    }
}
