//! Distancing said in ordinary or spoken words, read by shape: the speaker's side drawn out with
//! only adverbs between ("it's not really us", "not actually me mate", "the delay is coming from
//! screening, not from branch side"), and who decides put elsewhere ("the decision rests entirely
//! with Trust & Safety", "it sits with the landlord", "I have no influence over their timescales").
//! Not when the speaker is the one it rests with ("it sits with me now"), not under a condition,
//! not quoted, not said aside ("I could say it's not us, but..." is read by `blame.rs`).

use super::super::detectors::DetectorContext;
use super::super::text::Analysed;
use super::super::walls::Wall;

/// Every distancing of the answer: the speaker's side drawn out (strong) and a decision put with
/// someone else (a wall).
pub(super) fn walls(a: &Analysed, cx: &DetectorContext) -> Vec<Wall> {
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let t = &a.tokens[k];
        if t.quoted || a.in_condition(k) {
            continue;
        }
        if let Some(end) = side_drawn_out(a, cx, k) {
            out.push(((k, end), true));
        } else if let Some(end) = decided_elsewhere(a, cx, k) {
            out.push(((k, end), false));
        }
    }
    out
}

/// "not [really|exactly|...] us|me|ours|mine" and "not from|on [the|our] <word> side|end" at `k`,
/// with nothing but the listed adverbs (`blame-distance-adverb`) between: the end of the words.
fn side_drawn_out(a: &Analysed, cx: &DetectorContext, k: usize) -> Option<usize> {
    let t = &a.tokens[k];
    if t.text != "not" && t.text != "never" {
        return None;
    }
    let s = t.sentence;
    let adverbs = &cx.lists.words.blame_distance_adverb;
    let mut j = k + 1;
    while adverbs.has(a.word_in(s, j)) {
        j += 1;
    }
    if j > k + 1 && matches!(a.word_in(s, j), "us" | "me" | "ours" | "mine") {
        return Some(j + 1);
    }
    if !matches!(a.word_in(s, j), "from" | "on") {
        return None;
    }
    // "not on your side" clears the customer: only a side of the speaker's is drawn out.
    let end = (j + 1..j + 4).find(|&e| matches!(a.word_in(s, e), "side" | "end"))?;
    let others = (j + 1..end).any(|e| matches!(a.word_in(s, e), "your" | "ur" | "their" | "his" | "her" | "you"));
    (!others).then_some(end + 1)
}

/// "<rests|sits|lies> [adverb] with <someone else>" or "no <influence|control|say> over" at `k`:
/// the end of the words. Not "with me|us" (the speaker keeps it).
fn decided_elsewhere(a: &Analysed, cx: &DetectorContext, k: usize) -> Option<usize> {
    let words = &cx.lists.words;
    let s = a.tokens[k].sentence;
    let word = a.word(k);
    if words.blame_rests_verb.has(word) {
        let with = (k + 1..k + 3).find(|&j| a.word_in(s, j) == "with")?;
        let whom = a.word_in(s, with + 1);
        let own = matches!(whom, "" | "me" | "us" | "you" | "my" | "our" | "myself" | "ourselves");
        return (!own).then_some(with + 2);
    }
    let none = word == "no" || (word == "any" && a.tokens[k].negated_by.is_some());
    if none && words.blame_say_noun.has(a.word_in(s, k + 1)) && matches!(a.word_in(s, k + 2), "over" | "on") {
        return Some(k + 3);
    }
    None
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Ms Carter", text)
    }

    #[test]
    fn the_speakers_side_drawn_out_or_the_say_put_elsewhere_is_blame() {
        for yes in [
            "um its not really us is it its the system",
            "Not actually me, mate, that was before my shift.",
            "The hold-up is coming from the screening team, not from branch side.",
            "The final decision rests entirely with the underwriters.",
            "That one sits with the landlord, I'm afraid.",
            "I have no influence over their timescales.",
            "We don't have any control over when the courier turns up.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn keeping_it_or_setting_it_aside_is_not_distancing() {
        for no in [
            "It sits with me now, and I'll ring you at 4.",
            "The decision rests with us, so I've approved it.",
            "I could say it's not really us, but I'm sorting it anyway.",
            "You did nothing wrong; the fault is not on your side.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}
