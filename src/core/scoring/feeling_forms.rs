//! More shapes of `empathy` (see `feeling.rs` for the main ones and `docs/labelling.md`): an
//! exclamation about what the customer has been through ("What a rotten week you've had"), a
//! problem striking part of their life or business ("that hits your income"), and what sets a
//! found feeling aside as not the customer's: the speaker's own state ("I'm so frustrated with
//! this system"), an ironic certainty ("I'm sure it's been devastating for you") or mockery of the
//! customer's being ("must be so hard being you").

use super::detectors::Range;
use super::feeling::{degree, feels};
use super::text::Analysed;
use super::word_sets::WordSets;

/// "What a rotten week you've had", "what an awful start to your holiday", "oh what a nightmare":
/// "what a" and a word of feeling or hardship after words of degree, said firmly, not asked.
pub(super) fn exclaimed(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let sentence = &a.sentences[t.sentence];
        if t.text != "what" || !matches!(a.word_in(t.sentence, k + 1), "a" | "an") || sentence.question_mark {
            continue;
        }
        let mut j = k + 2;
        while j < sentence.end && j < k + 5 && degree(w, a.word(j)) {
            j += 1;
        }
        let felt = j < sentence.end && (feels(w, a.word(j)) || w.feeling_hardship.has(a.word(j)));
        if felt && a.asserted_at(j) && !a.in_condition(j) && !t.quoted {
            out.push((k, j + 1));
        }
    }
    out
}

/// "That hits your income", "it's wrecked your weekend", "this has disrupted your business": a
/// verb of striking (`@feeling-impact-verb`) with part of the customer's life (`@feeling-life`)
/// as its object, firmly, not under "if", not asked.
pub(super) fn struck(a: &Analysed, w: &WordSets) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        if !w.feeling_impact_verb.has(&t.text) || !a.asserted_at(k) || a.in_condition(k) || t.quoted {
            continue;
        }
        let s = t.sentence;
        if a.sentences[s].question_mark {
            continue;
        }
        let owner = (k + 1..k + 3).find(|&j| matches!(a.word_in(s, j), "your" | "ur" | "you"));
        let Some(owner) = owner else { continue };
        if (k + 1..owner).any(|j| !matches!(a.word_in(s, j), "up" | "on" | "into")) {
            continue;
        }
        if let Some(j) = (owner + 1..owner + 4).find(|&j| w.feeling_life.has(a.word_in(s, j))) {
            out.push((k, j + 1));
        }
    }
    out
}

/// True when the feeling found at `r` is not the customer's: the speaker's own state ("I'm so
/// frustrated", "I was really worried"), a certainty that mocks ("I'm sure it's been devastating
/// for you"), or the customer's very being called the hardship ("must be so hard being you").
pub(super) fn set_aside(a: &Analysed, w: &WordSets, r: Range) -> bool {
    let s = a.tokens[r.0].sentence;
    let start = a.sentences[s].start;
    let mut c = r.0;
    while c > start && degree(w, a.word(c - 1)) {
        c -= 1;
    }
    let state = ["am", "was", "were", "are", "feel", "felt", "get", "got", "been", "getting", "feeling"];
    let between = ["really", "so", "also", "just", "still", "honestly", "quite", "have", "has", "had", "been"];
    // Only a word of feeling right after the state ("I'm so frustrated"; not "I'm not surprised you're fed up").
    let first = (r.0..r.1).find(|&k| !degree(w, a.word(k)));
    let felt = first.is_some_and(|k| feels(w, a.word(k)) || w.feeling_hardship.has(a.word(k)));
    let own = felt && c > start && state.contains(&a.word(c - 1)) && {
        let mut h = c - 1;
        while h > start && between.contains(&a.word(h - 1)) {
            h -= 1;
        }
        h > start && matches!(a.word(h - 1), "i" | "we")
    };
    let ironic = (start..r.0).any(|k| {
        a.word(k) == "i"
            && a.word_in(s, k + 1) == "am"
            && w.feeling_ironic_certainty.has(a.word_in(s, k + 2))
            && matches!(a.word_in(s, k + 3), "it" | "that" | "this" | "you")
            && a.tokens[k + 2].negated_by.is_none()
    });
    let mocked =
        (r.1..r.1 + 4).any(|k| a.word_in(s, k) == "being" && matches!(a.word_in(s, k + 1), "you" | "yourself"));
    own || ironic || mocked
}
