//! Answerability disclaimed: a side declared not to answer for what went wrong, so that another
//! party is left holding it. Read by shape: "outside|beyond [of] <whose> control" and "out of
//! <whose> hands" with whoever's control it is but the customer's ("outside the practice's
//! control", "beyond anyone's control", "its out of my hands"); "cannot be held responsible|
//! liable", "accepts no liability", "cannot accept liability", "can't take responsibility for", "am not responsible for", with
//! a subject that is not the customer nor another party named by a pronoun ("they're not
//! responsible" clears them); "operates independently of" and "is not a party to". All strong: they
//! wall the problem off even while helping ("...cannot be held responsible. We have nevertheless
//! rebooked you"). Not negated ("it wasn't outside our control"), conditional ("if it's beyond
//! your control"), asked, quoted or retold, nor a category under a rule ("counts as outside the
//! airline's control": the rule's term, said while explaining it).

use super::super::text::Analysed;
use super::super::walls::Wall;

/// Every disclaimer of the answer (see the module text), each a strong wall.
pub(super) fn walls(a: &Analysed) -> Vec<Wall> {
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let Some(end) = control_outside(a, k).or_else(|| not_answerable(a, k)).or_else(|| apart(a, k)) else {
            continue;
        };
        let t = &a.tokens[k];
        if !(t.quoted || t.retold || a.in_condition(k) || super::asks(a, t.sentence)) {
            out.push(((k, end), true));
        }
    }
    out
}

/// True when a word of the customer's is in `from..to`: their control is not another's.
fn customer_in(a: &Analysed, from: usize, to: usize) -> bool {
    (from..to).any(|j| matches!(a.word(j), "you" | "your" | "u" | "ur" | "yours" | "yourself" | "customer"))
}

/// True when a pronoun for another party ("they", "he", "she", "them") is in `from..to`: that
/// party, not the speaker's side, is the one said not to answer ("they're not responsible").
/// "It" is no party ("it means we cannot be held responsible").
fn other_pronoun_in(a: &Analysed, from: usize, to: usize) -> bool {
    (from..to).any(|j| matches!(a.word(j), "they" | "he" | "she" | "them"))
}

/// True when the clause of `k`, before it, is negated or names the thing as a rule's category
/// ("counts as", "classed as", "deemed").
fn unsaid_before(a: &Analysed, k: usize) -> bool {
    let from = a.clause_span(k).0;
    (from..k).any(|j| {
        a.tokens[j].is_negator()
            || matches!(a.word(j), "counts" | "count" | "counted" | "classed" | "classified" | "deemed" | "treated")
    }) || a.tokens[k].negated_by.is_some()
}

/// "outside|beyond [of] ... control" and "out of ... hands" at `k`, within four words, not the
/// customer's and not negated: the end of the words.
fn control_outside(a: &Analysed, k: usize) -> Option<usize> {
    let s = a.tokens[k].sentence;
    let (start, noun) = match a.word(k) {
        "outside" | "beyond" => (k + 1, "control"),
        "out" if a.word_in(s, k + 1) == "of" => (k + 2, "hands"),
        _ => return None,
    };
    let end = (start..start + 5).find(|&j| a.word_in(s, j) == noun)?;
    (!customer_in(a, start, end) && !unsaid_before(a, k)).then_some(end + 1)
}

/// "held responsible|liable|accountable" or "not responsible|liable|accountable" under a negation
/// in its clause, and "no liability|responsibility" after accept/take/bear or "any" under a
/// negation, at `k`: the end of the words, when the subject before is not the customer nor a
/// pronoun for another party.
fn not_answerable(a: &Analysed, k: usize) -> Option<usize> {
    let s = a.tokens[k].sentence;
    // The clause is scanned only once a trigger word matched, not for every word of a long clause.
    let negated = || (a.clause_span(k).0..k).any(|j| a.tokens[j].is_negator());
    let answerable = |w: &str| matches!(w, "responsible" | "liable" | "accountable");
    let end = match a.word(k) {
        "held" | "holds" if answerable(a.word_in(s, k + 1)) && negated() => k + 2,
        w if answerable(w) && matches!(a.word_in(s, k.wrapping_sub(1)), "not" | "never") && negated() => k + 1,
        "accept" | "accepts" | "take" | "takes" | "bear" | "bears" => {
            let noun = |j: usize| matches!(a.word_in(s, j), "liability" | "responsibility");
            let det = a.word_in(s, k + 1);
            if noun(k + 1) && negated() {
                k + 2
            } else if (det == "no" || (det == "any" && negated())) && noun(k + 2) {
                k + 3
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let from = a.clause_span(k).0;
    (!customer_in(a, from, k) && !other_pronoun_in(a, from, k)).then_some(end)
}

/// "operates|runs|works independently of|from" and "not a party to" at `k`: another body drawn
/// apart from the speaker's side (the end of the words).
fn apart(a: &Analysed, k: usize) -> Option<usize> {
    let s = a.tokens[k].sentence;
    if a.word(k) == "independently" && matches!(a.word_in(s, k + 1), "of" | "from") {
        let verb =
            matches!(a.word_in(s, k.wrapping_sub(1)), "operate" | "operates" | "run" | "runs" | "work" | "works");
        return (verb && !unsaid_before(a, k.saturating_sub(1))).then_some(k + 2);
    }
    let party_to = a.word(k) == "not"
        && a.word_in(s, k + 1) == "a"
        && a.word_in(s, k + 2) == "party"
        && a.word_in(s, k + 3) == "to";
    if !party_to {
        return None;
    }
    let from = a.clause_span(k).0;
    (!customer_in(a, from, k) && !other_pronoun_in(a, from, k)).then_some(k + 4)
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Ms Okonjo", text)
    }

    /// This reading alone (other readings may blame a party named in the same words).
    fn disclaims(text: &str) -> bool {
        !super::walls(&crate::core::scoring::text::analyse(text)).is_empty()
    }

    #[test]
    fn answerability_disclaimed_is_blame_in_any_register() {
        for yes in [
            "Dear Ms Okonjo, the delay to your kitchen arose at the joinery works, which is outside of Brightwell Interiors' control.",
            "Northway Homes cannot be held liable for the fitters' diary.",
            "sry its out of my hands now, the lab has it",
            "Pleese understand, shipping time is beyond the shop control, we wait also.",
            "The booking agent operates independently of our hotel, so I can't see their notes.",
            "We accept no responsibility for items left in the lockers overnight.",
            "Um, we, er, we can't really accept liability for the courier's van, so.",
            "Ms Okonjo, I am not responsible for the allocation of parking bays. Write to the estates office.",
            "Glenbrook Travel is not a party to arrangements made with the tour operator.",
            "Honestly the strike was beyond anyone's control.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn control_kept_owned_or_the_customers_is_not_disclaimed() {
        for no in [
            "That was completely within our control and we dropped it, I'm sorry.",
            "If the flight was cancelled for reasons beyond your control, we'll waive the fee.",
            "It wasn't outside our control at all, we just didn't book the van.",
            "You won't be held liable for the missed payment at all.",
            "She can't be held responsible for that, she only started on Monday.",
            "Is it really out of your hands? No worries, send me the reference and I'll chase it.",
            "I take full responsibility for the mix-up and I'll sort it today.",
            "Out of interest, was the parcel left in the porch?",
            "The estate agent works independently, they'll be in touch next week with the viewing.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }

    #[test]
    fn a_category_under_a_rule_is_not_a_disclaimer() {
        for no in [
            "Under the scheme the storm counts as outside the operator's control.",
            "Weather like that is classed as beyond the carrier's control.",
        ] {
            assert!(!disclaims(no), "{no}");
        }
        assert!(disclaims("The weather is beyond the carrier's control."));
        // "It" is no party; "they" is the other party, said not to answer.
        assert!(disclaims("Unfortunately it means we cannot be held responsible for the fitters."));
        assert!(!disclaims("They are not a party to the lease, so they can't sign."));
    }
}
