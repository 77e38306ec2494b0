//! The speaker's side denied as the owner of what went wrong: "not our|my|r <noun>" said as the
//! whole of a clause or after a plain "is" ("Not our delay.", "not r rule, its the crews", "it is
//! not our choice", "not my shift's mistake"): what happened belongs to someone else. A weak wall:
//! blame only in an answer that owns and takes on nothing. Not a verb's negation ("we could not our
//! ..."), not a standard owned ("not our usual standard", "not my finest hour"), not "not our
//! place to", not with the speaker's side named earlier in the sentence ("it's on us, not our
//! courier"), nor quoted, retold, conditional or asked.

use super::super::text::Analysed;
use super::super::walls::Wall;

/// Nouns after "not our" that measure the speaker's side against its own standard rather than deny
/// the thing theirs: "not our usual standard", "not my finest hour", "not our intention".
fn own_standard(word: &str) -> bool {
    matches!(
        word,
        "usual"
            | "normal"
            | "standard"
            | "standards"
            | "best"
            | "finest"
            | "proudest"
            | "intention"
            | "aim"
            | "goal"
            | "way"
            | "idea"
            | "plan"
            | "wish"
            | "first"
            | "only"
            | "own"
            | "kind"
            | "type"
            | "style"
            | "customer"
            | "customers"
    )
}

/// Words of the speaker's side: one earlier in the sentence makes the denial theirs to explain.
fn own_word(w: &str) -> bool {
    matches!(w, "i" | "we" | "us" | "me" | "my" | "our" | "ours" | "mine")
}

/// Every denial that a thing gone wrong is the speaker's side's (weak walls).
pub(super) fn walls(a: &Analysed) -> Vec<Wall> {
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let t = &a.tokens[k];
        let s = t.sentence;
        if t.text != "not" || t.quoted || t.retold || a.in_condition(k) || super::asks(a, s) {
            continue;
        }
        let w = |j: usize| a.word_in(s, j);
        let noun = w(k + 2);
        let same_clause = a.tokens.get(k + 2).is_some_and(|n| n.sentence == s && n.clause == t.clause);
        if !matches!(w(k + 1), "our" | "my" | "r") || !same_clause || own_standard(noun) || w(k + 3) == "to" {
            continue;
        }
        // Opening its clause (after fillers) or after a plain "is": "Not our delay.", "it's not our call".
        let start = a.sentences[s].start;
        let before =
            (start..k).rev().map(|j| a.word(j)).find(|w| !matches!(*w, "er" | "um" | "erm" | "just" | "really"));
        let opens = k == start || a.tokens[k - 1].clause != t.clause;
        let copula = before.is_some_and(|b| matches!(b, "is" | "was" | "s" | "are" | "were"));
        if !(opens || copula) || (start..k).any(|j| own_word(a.word(j))) {
            continue;
        }
        out.push(((k, (k + 3).min(a.sentences[s].end)), false));
    }
    out
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mr Osei", text)
    }

    #[test]
    fn the_speakers_side_denied_as_owner_of_what_went_wrong_is_blame() {
        for yes in [
            "Not our delay. The port has been shut since Monday.",
            "nah not r rule m8, the landlord set it",
            "It is not our choice, sir, the airline decide this.",
            "Not my shift's mistake, the weekend crew did that one.",
            "Honestly? Not our van. Whoever parked there, good luck to them.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_standard_owned_a_verb_negated_or_a_denial_while_helping_is_not_blame() {
        for no in [
            "That's not our usual standard, and I'm sorry.",
            "Not my finest hour, that one's on me.",
            "It's on us, not our courier, and I'm sorting it now.",
            "If it's not our van, I'll find out whose it is for you.",
            "Is that not our parcel on the shelf there?",
            "It's not our place to judge, so I've put the refund through today.",
            "Not our delay, but I've still booked you a taxi home at our cost.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}
