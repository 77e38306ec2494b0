//! A guessed cause put on others: a word of supposing ("probably", "must have been", "I reckon",
//! "I bet", "no doubt", "knowing them") with a third party as what it supposes ("probably the
//! courier again", "must have been the night shift", "I reckon it was the depot") or as the
//! subject of the supposed act ("the driver probably forgot", "they must have lost it"). Not a
//! plan ("the courier will probably ring you"), not the speaker or the customer ("I must have
//! missed it", "you probably know"), not the softer "might"/"maybe" (the blame rule leaves those to
//! a question about the cause); the guards of `account.rs` drop a guess while fixing in the same
//! sentence ("probably the courier, so I'll send another today"), and a condition or a question.

use super::super::detectors::{DetectorContext, Range};
use super::super::text::Analysed;

/// The end of a word of supposing at `k` (exclusive), if one starts there.
fn supposing(a: &Analysed, k: usize) -> Option<usize> {
    let s = a.tokens[k].sentence;
    let next = |n: usize| a.word_in(s, k + n);
    match a.word(k) {
        "probably" | "prob" | "prolly" | "probs" | "presumably" | "likely" | "undoubtedly" => Some(k + 1),
        "must" if matches!(next(1), "have" | "of" | "ve") && next(2) == "been" => Some(k + 3),
        "must" if matches!(next(1), "have" | "of" | "ve") => Some(k + 2),
        "must" if next(1) == "be" => Some(k + 2),
        "reckon" | "bet" | "suspect" | "imagine" | "guess" | "gather" if matches!(a.word(k.wrapping_sub(1)), "i") => {
            Some(k + 1)
        }
        "no" if next(1) == "doubt" => Some(k + 2),
        "knowing" if matches!(next(1), "them" | "him" | "her" | "that") => Some(k + 2),
        "sounds" | "looks" if next(1) == "like" => Some(k + 2),
        _ => None,
    }
}

/// True when a third party starts at `j`: one the blame rule found (`parties`), a role or a
/// thing that acts ("the night shift", "the depot"), or (`pronoun`) "he", "she", "they".
pub(super) fn party_at(
    a: &Analysed,
    cx: &DetectorContext,
    parties: &[Range],
    j: usize,
    pronoun: bool,
) -> Option<usize> {
    if let Some(p) = parties.iter().find(|p| p.0 == j) {
        return Some(p.1);
    }
    let s = a.tokens.get(j)?.sentence;
    if pronoun && matches!(a.word(j), "he" | "she" | "they") {
        return Some(j + 1);
    }
    let roles = &cx.lists.words.blame_role_noun;
    let role = |x: usize| {
        let w = a.word_in(s, x);
        !w.is_empty() && (roles.has(w) || roles.has(&a.tokens[x].stem) || matches!(w, "bank" | "post" | "system"))
    };
    if !matches!(a.word(j), "the" | "their" | "that" | "those" | "this" | "your" | "one" | "some") {
        return None;
    }
    (j + 1..j + 4).find(|x| role(*x)).map(|x| x + 1)
}

/// True when the supposed act from `at` is a failure: a negation or a word of fault or lapse
/// within four words of its clause ("probably forgot", "must have lost it", "probably didn't
/// read it"), not a plain act ("Tomasz has probably seen it").
fn faulty(a: &Analysed, cx: &DetectorContext, at: usize) -> bool {
    let Some(t) = a.tokens.get(at) else { return false };
    let words = &cx.lists.words;
    (at..at + 4).filter(|j| a.tokens.get(*j).is_some_and(|x| x.sentence == t.sentence && x.clause == t.clause)).any(
        |j| {
            let x = &a.tokens[j];
            x.is_negator()
                || words.blame_strong_fault_word.has(&x.text)
                || words.blame_lapse_word.has(&x.text)
                || matches!(
                    x.text.as_str(),
                    "damaged" | "mixed" | "mislaid" | "misplaced" | "sent" | "put" | "left" | "blocked"
                )
        },
    )
}

/// Every guessed cause put on a third party: its words. A guess is a weak account: it stands
/// only in an answer where the speaker does nothing about the problem (`walls::acts`) and takes
/// nothing on, since the guideline reads a cause named while fixing it as no blame ("looks like
/// the DNS change dropped our relay; I'm fixing it now").
pub(super) fn guesses(a: &Analysed, cx: &DetectorContext, parties: &[Range], taken_on: &[Range]) -> Vec<Range> {
    let mut out = Vec::new();
    if super::super::walls::acts(a, cx) || !taken_on.is_empty() {
        return out;
    }
    for k in 0..a.tokens.len() {
        let Some(end) = supposing(a, k) else { continue };
        let t = &a.tokens[k];
        if t.negated_by.is_some() {
            continue;
        }
        let (s, clause) = (t.sentence, t.clause);
        let start = a.sentences[s].start;
        let in_clause = |j: usize| a.tokens.get(j).is_some_and(|x| x.sentence == s && x.clause == clause);
        // A plan or the speaker's or customer's own doing is no cause put elsewhere.
        let clause_words: Vec<&str> =
            (start..a.sentences[s].end).filter(|j| in_clause(*j)).map(|j| a.word(j)).collect();
        if clause_words.iter().any(|w| matches!(*w, "will" | "ll" | "going" | "gonna" | "shall")) {
            continue;
        }
        // "probably the courier again", "must have been the night shift", "I reckon it was the depot".
        let after = (end..end + 4)
            .filter(|j| in_clause(*j))
            .find_map(|j| party_at(a, cx, parties, j, false).map(|e| (j, e)))
            .filter(|(j, _)| {
                (end..*j).all(|x| {
                    matches!(
                        a.word(x),
                        "it" | "was" | "is" | "s" | "been" | "just" | "that" | "on" | "with" | "down" | "to"
                    )
                })
            });
        // "the driver probably forgot", "they must have lost it".
        let before = (start..k).rev().take(4).filter(|j| in_clause(*j)).find_map(|j| {
            let e = party_at(a, cx, parties, j, true)?;
            let between_ok =
                (e..k).all(|x| matches!(a.word(x), "have" | "has" | "had" | "just" | "s" | "ve" | "re" | "are" | "is"));
            between_ok.then_some((j, e))
        });
        if let Some((j, e)) = after {
            out.push((k, e.max(j + 1)));
        } else if let Some((j, _)) = before
            && !(t.text == "must" && a.word_in(s, k + 1) == "be")
            && faulty(a, cx, end)
        {
            out.push((j, end + 1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mr Lowe", text)
    }

    #[test]
    fn a_guessed_cause_put_on_others_is_blame() {
        for yes in [
            "Probably the courier again, sorry.",
            "must've been the night shift tbh",
            "I reckon it was the depot, they do this.",
            "The driver probably forgot to scan it.",
            "Sir, I think the bank must have blocked it, is common.",
            "Knowing them, the warehouse lost the label.",
            "The courier probably left it at the wrong house. Nothing more we can do.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_guess_while_fixing_a_plan_or_ones_own_slip_is_not_blame() {
        for no in [
            "Probably the courier, so I'll send another one today by express.",
            "The engineer will probably ring you before he sets off.",
            "I must have missed your email, that's my fault.",
            "If the driver probably knocked, we'd have a photo; let me check.",
            "Was it probably the courier, do you think?",
            "You probably know this already, but the form is online.",
            "Nadia Quinn has probably seen your note already.",
            "Sounds like the courier left it with a neighbour, so I'm ringing them now.",
            "Sorry, I must have read the date wrong, I will fix it now.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}
