//! A cause said as a label pinned on another party, with no owning: a fault noun whose modifier,
//! possessor or "from/at/with X", "at X's end" names someone outside ("Provider error.", "haulier
//! issue, sorry", "it was a glitch at the card firm", "that's one for the lender's side"), said
//! verbless or after "it's", "that's", "it was". Not the speaker's own side ("our error"), unless
//! an outside kind of party ("our parcel partner"); not the customer ("your side", "user error");
//! not negated, asked, quoted, conditional, nor in a sentence that owns or takes something on, nor
//! in an answer that owns the failure. A label with no party ("a known issue") is no blame here.

use super::super::detectors::{DetectorContext, Range, in_sentence};
use super::super::text::Analysed;

/// Nouns that name what went wrong.
fn fault_noun(w: &str) -> bool {
    matches!(
        w,
        "error"
            | "errors"
            | "issue"
            | "issues"
            | "problem"
            | "problems"
            | "fault"
            | "glitch"
            | "mixup"
            | "bug"
            | "hiccup"
            | "outage"
            | "holdup"
            | "cockup"
            | "blunder"
    )
}

/// Kinds of outside party that stay outside even as "our ..." ("our billing partner").
fn outside_kind(w: &str) -> bool {
    matches!(
        w,
        "provider"
            | "providers"
            | "supplier"
            | "suppliers"
            | "haulier"
            | "hauliers"
            | "courier"
            | "couriers"
            | "carrier"
            | "vendor"
            | "partner"
            | "partners"
            | "contractor"
            | "contractors"
            | "manufacturer"
            | "maker"
            | "lender"
            | "bank"
            | "council"
            | "lab"
            | "laboratory"
            | "landlord"
            | "insurer"
            | "airline"
            | "retailer"
            | "agency"
            | "firm"
            | "company"
            | "factory"
            | "broker"
            | "brokers"
            | "processor"
    )
}

/// True when the word at `k` names a party other than the speaker or the customer.
fn party_word(a: &Analysed, cx: &DetectorContext, parties: &[Range], k: usize) -> bool {
    let t = &a.tokens[k];
    let roles = &cx.lists.words.blame_role_noun;
    outside_kind(&t.text)
        || roles.has(&t.text)
        || roles.has(&t.stem)
        || matches!(t.text.as_str(), "they" | "them" | "their")
        || parties.iter().any(|p| p.0 <= k && k < p.1 && !matches!(a.word(p.0), "our" | "my" | "your"))
}

/// Words that may stand before the label in its clause when it is said as the cause: "it's",
/// "that was", fillers and apologies ("sorry, um, provider error").
fn lead_word(w: &str) -> bool {
    matches!(
        w,
        "it" | "that"
            | "this"
            | "there"
            | "is"
            | "was"
            | "s"
            | "are"
            | "were"
            | "all"
            | "just"
            | "only"
            | "really"
            | "simply"
            | "probably"
            | "definitely"
            | "clearly"
            | "basically"
            | "honestly"
            | "sorry"
            | "so"
            | "oh"
            | "ah"
            | "yeah"
            | "yes"
            | "um"
            | "er"
            | "erm"
            | "uh"
            | "well"
            | "again"
            | "one"
            | "a"
            | "an"
            | "the"
            | "bit"
            | "of"
            | "known"
            | "typical"
            | "classic"
            | "afraid"
            | "unfortunately"
            | "sadly"
            | "i"
            | "am"
            | "m"
            | "think"
            | "for"
    )
}

/// Where the party named with the fault noun at `n` ends, if one is: a modifier or possessor in
/// the words right before it, all party words ("haulier issue", "the lender's error"), or after "from", "at",
/// "with", "of", "by", "on" within four words ("a glitch at the card firm"), or a side or end of
/// a party after a preposition ("at the council's end", "from bank side").
fn party_of(a: &Analysed, cx: &DetectorContext, parties: &[Range], n: usize) -> Option<(usize, usize)> {
    let (s, clause) = (a.tokens[n].sentence, a.tokens[n].clause);
    let here = |k: usize| a.tokens.get(k).is_some_and(|t| t.sentence == s && t.clause == clause && !t.quoted);
    let own = |k: usize| matches!(a.word(k), "our" | "my" | "we" | "us" | "me" | "i");
    let customer = |k: usize| matches!(a.word(k), "you" | "your" | "u" | "ur" | "yours" | "user" | "customer");
    // The phrase's words from `from` to `to`: a party in them, none of the customer's, and the
    // speaker's own only before an outside kind.
    let named = |from: usize, to: usize| -> Option<usize> {
        let p = (from..to).filter(|k| party_word(a, cx, parties, *k)).last()?;
        let owned = (from..to).any(own) && !outside_kind(a.word(p));
        (!owned && !(from..to).any(customer)).then_some(p)
    };
    let before = n.saturating_sub(3);
    let start = (before..n).find(|k| here(*k) && (!lead_word(a.word(*k)) || a.tokens[*k].possessive));
    // A modifier is party words only: "the lab found a problem" names the lab as the finder.
    let modifier = |k: usize| here(k) && (party_word(a, cx, parties, k) || a.tokens[k].possessive);
    if let Some(start) = start
        && (start..n).all(modifier)
        && let Some(p) = named(start, n)
    {
        return Some((start.min(p), n + 1));
    }
    let prep = |k: usize| matches!(a.word(k), "from" | "at" | "with" | "of" | "by" | "on" | "for");
    let after = (n + 1..n + 3).find(|k| here(*k) && prep(*k))?;
    let to = (after + 1..after + 6).take_while(|k| here(*k)).last()? + 1;
    let stop = (after + 1..to).find(|k| matches!(a.word(*k), "side" | "end")).map_or(to, |k| k + 1);
    named(after + 1, stop).map(|_| (start.unwrap_or(n), stop))
}

/// Causes said as a label pinned on another party, outside any sentence that owns or takes
/// something on, in an answer that does not own the failure (`own`, `taken`: the ownership and take-on finds;
/// an ownership find in the speaker's own words owns it, as `blame::owns_the_failure` reads).
pub(super) fn labels(
    a: &Analysed,
    cx: &DetectorContext,
    parties: &[Range],
    own: &[Range],
    taken: &[Range],
) -> Vec<Range> {
    let mut out = Vec::new();
    if own.iter().any(|o| a.tokens[o.0].is_own_word()) {
        return out;
    }
    for n in 0..a.tokens.len() {
        let t = &a.tokens[n];
        let mix = t.text == "mix" && a.word_in(t.sentence, n + 1) == "up";
        let side = matches!(t.text.as_str(), "side" | "end") && n > 0 && a.tokens[n - 1].possessive;
        if !(fault_noun(&t.text) || mix || side) || !t.is_own_word() || a.in_condition(n) {
            continue;
        }
        let sentence = &a.sentences[t.sentence];
        if sentence.question_mark || own.iter().chain(taken).any(|o| in_sentence(sentence, o)) {
            continue;
        }
        let Some((from, to)) = party_of(a, cx, parties, n) else { continue };
        // Said as the cause: only "it's", fillers and apologies before the label in its clause.
        let clause_start = (sentence.start..from).find(|k| a.tokens[*k].clause == t.clause).unwrap_or(from);
        let lead_ok = (clause_start..from).all(|k| lead_word(a.word(k)) && !a.tokens[k].is_negator());
        let negated = (clause_start..to).any(|k| a.tokens[k].is_negator() || a.tokens[k].negated_by.is_some());
        if lead_ok && !negated {
            out.push((from, to));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mr Lindqvist", text)
    }

    #[test]
    fn a_fault_label_pinned_on_another_party_is_blame() {
        for yes in [
            "Apologies. Processor error. Funds back Monday.",
            "contractor problem tbh, nothing more to say",
            "It was a hiccup at the card firm, these things happen.",
            "Sir, is problem from the insurance company, they send wrong paper.",
            "That one's for the landlord's side really.",
            "Yeah it's all at the airline's end, mate.",
            "Dear Mr Lindqvist, it was a glitch with our payment partner.",
            "um so basically a supplier mix-up, yeah",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_label_owned_asked_negated_or_with_no_party_is_not() {
        for no in [
            "A known issue, and I've fixed it for you now.",
            "So sorry for the mix-up, that's on me.",
            "Is it a supplier problem, do you think?",
            "No problem at all, it's booked.",
            "The issue with your boiler is the valve, the engineer comes Tuesday.",
            "You said it was 'a courier issue', but I've checked and we sent it late.",
            "Our error, sorry. Refund today.",
            "Looks like a problem on your side, could you restart the router?",
            "If it turns out to be a carrier fault, I'll claim it back for you.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}
