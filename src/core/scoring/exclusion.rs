//! `Not(...)` beside a `Detector(..)` inside `All([...])`. A detector's verdict is one judgement
//! over the whole answer, and a concept's evidence can hold words far from what made it fire, so
//! removing only the evidence a `Not` overlaps leaves stray words that keep it met. Instead, every
//! sentence where a `Not` match overlaps the detector's evidence is taken out of the answer and the
//! detector reads what is left: it is met only if the rest of the answer meets it on its own.

use super::detectors::{DetectorContext, Range, detect};
use super::text::{Analysed, analyse};

/// Byte spans of detector `name`'s evidence in `response` once the sentences where an `excluded`
/// span (bytes) overlaps that evidence are left out; the evidence as found when none is.
pub(super) fn detector_outside(
    name: &str,
    excluded: &[(usize, usize)],
    a: &Analysed,
    cx: &DetectorContext,
    response: &str,
) -> Vec<(usize, usize)> {
    let found = detect(name, a, cx);
    let mut touched: Vec<usize> = found
        .iter()
        .filter(|&&r| a.byte_span(r).is_some_and(|(start, end)| excluded.iter().any(|x| x.0 < end && start < x.1)))
        .flat_map(|(s, e)| a.tokens[*s..*e].iter().map(|t| t.sentence))
        .collect();
    if touched.is_empty() {
        return to_bytes(a, found);
    }
    touched.sort_unstable();
    touched.dedup();
    let rest = without_sentences(a, response, &touched);
    let b = analyse(&rest);
    let fresh = cx.for_other_response();
    to_bytes(&b, detect(name, &b, &fresh))
}

/// `response` with the given sentences blanked out, each character by as many spaces as its bytes,
/// so every other word keeps its byte offsets (and the evidence found in it points into `response`).
fn without_sentences(a: &Analysed, response: &str, sentences: &[usize]) -> String {
    let mut blank = vec![false; response.len()];
    for &k in sentences {
        let Some(s) = a.sentences.get(k) else { continue };
        let Some(first) = a.tokens.get(s.start) else { continue };
        // Up to the next sentence's first word, so the sentence's own punctuation goes too.
        let end = a.sentences.get(k + 1).and_then(|n| a.tokens.get(n.start)).map_or(response.len(), |t| t.start);
        blank[first.start..end.max(first.start)].iter_mut().for_each(|b| *b = true);
    }
    response
        .char_indices()
        .flat_map(|(i, c)| {
            let keep = !blank[i];
            let width = if keep { 1 } else { c.len_utf8() };
            std::iter::repeat_n(if keep { c } else { ' ' }, width)
        })
        .collect()
}

fn to_bytes(a: &Analysed, ranges: Vec<Range>) -> Vec<(usize, usize)> {
    ranges.into_iter().filter_map(|r| a.byte_span(r)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanking_a_sentence_keeps_every_other_offset() {
        let text = "The £5 fee went. I'm sorry. We'll refund it.";
        let a = analyse(text);
        let second = a.tokens.iter().find(|t| t.text == "sorry").map(|t| t.sentence).expect("sorry");
        let rest = without_sentences(&a, text, &[second]);
        assert_eq!(rest.len(), text.len());
        assert!(!rest.contains("sorry") && rest.contains("£5 fee") && rest.ends_with("We'll refund it."), "{rest}");
        let refund = text.find("refund").expect("refund");
        assert_eq!(&rest[refund..refund + 6], "refund");
    }
}
