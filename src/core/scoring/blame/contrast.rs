//! Another party set apart from the speaker's side by a contrast: what is said of someone else is
//! denied of the speaker's side in a "not" closing the clause ("the stock is held by the
//! warehouse, not us", "your booking is with the agent, not with us", "finance sets the fee, not
//! the branch", "management's call, not reception's"). The speaker's side after "not" is "us",
//! "me", "ours", "our|my ..." or a front-of-house body ("the shop", "reception", "support", "the
//! desk"). Not a verb's negation ("it's not us who decide"), not when the speaker's own side is
//! named earlier in the sentence ("that's on us, not our courier", "our fault, not the shop's"),
//! nor "not me being awkward" (the clause goes on), nor quoted, retold, conditional or asked; a
//! contrast the speaker sets aside ("not our team, but I won't hide behind that") is read by
//! `aside.rs`.

use super::super::text::Analysed;
use super::super::walls::Wall;

/// Front-of-house bodies a speaker belongs to, set apart by name ("not the shop", "not support").
fn own_body(w: &str) -> bool {
    matches!(
        w,
        "agency"
            | "club"
            | "office"
            | "shop"
            | "desk"
            | "store"
            | "branch"
            | "hotel"
            | "company"
            | "practice"
            | "surgery"
            | "reception"
            | "support"
            | "cs"
            | "helpdesk"
    )
}

/// Words of the speaker's side: one earlier in the sentence makes the contrast theirs to own.
fn own_word(w: &str) -> bool {
    matches!(w, "i" | "we" | "us" | "me" | "my" | "our" | "r" | "ours" | "mine" | "myself" | "ourselves")
}

/// Every contrast of the answer setting another party apart from the speaker's side (strong walls).
pub(super) fn walls(a: &Analysed) -> Vec<Wall> {
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let t = &a.tokens[k];
        let s = t.sentence;
        let start = a.sentences[s].start;
        if t.text != "not" || k == start || t.quoted || t.retold || a.in_condition(k - 1) || super::asks(a, s) {
            continue;
        }
        // A verb's negation ("it's not us", "we do not"), or the speaker's side already named.
        // Back over fillers and adverbs: "it's just not us" negates "is".
        let before = (start..k).rev().map(|j| a.word(j)).find(|w| {
            !matches!(
                *w,
                "er" | "um" | "erm" | "uh" | "just" | "really" | "simply" | "actually" | "honestly" | "clearly"
            )
        });
        if before.is_some_and(negated_verb) || (start..k).any(|j| own_word(a.word(j)) || texted_our(a, j)) {
            continue;
        }
        if let Some(end) = own_side_after(a, k) {
            out.push(((k, end), true));
        }
    }
    out
}

/// True when the token at `j` is text-speak "r" for "our", read as "are" by the tokeniser: "are"
/// just after "is" ("this is r mess", "its def r problem"), where "are" itself cannot stand.
fn texted_our(a: &Analysed, j: usize) -> bool {
    a.word(j) == "are" && (j.saturating_sub(2)..j).any(|i| matches!(a.word(i), "is" | "s"))
}

/// True when `w` before "not" makes it a verb's negation or an alternative, not a contrast.
fn negated_verb(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "s"
            | "do"
            | "does"
            | "did"
            | "can"
            | "could"
            | "will"
            | "would"
            | "should"
            | "shall"
            | "may"
            | "might"
            | "must"
            | "have"
            | "has"
            | "had"
            | "am"
            | "m"
            | "re"
            | "it"
            | "that"
            | "this"
            | "or"
            | "if"
            | "why"
            | "whether"
            | "and"
            | "but"
            | "though"
            | "certainly"
            | "definitely"
    )
}

/// The end of the speaker's side named after the "not" at `k` ("[by|with|from ...] us", "our
/// depot", "the shop", "reception's"), when the clause ends there.
fn own_side_after(a: &Analysed, k: usize) -> Option<usize> {
    let s = a.tokens[k].sentence;
    let mut j = k + 1;
    while matches!(a.word_in(s, j), "really" | "just" | "strictly" | "actually") {
        j += 1;
    }
    if matches!(a.word_in(s, j), "by" | "with" | "from" | "for" | "to" | "at" | "on" | "in") {
        j += 1;
    }
    let end = match a.word_in(s, j) {
        "us" | "me" | "ours" | "mine" => j + 1,
        "our" | "my" => {
            (j + 1..j + 3).take_while(|&e| a.tokens.get(e).is_some_and(|t| t.clause == a.tokens[j].clause)).last()? + 1
        }
        "the" if own_body(a.word_in(s, j + 1)) => j + 2,
        w if own_body(w) => j + 1,
        _ => return None,
    };
    // The clause ends with the side: "not me being awkward" goes on.
    let next = a.tokens.get(end).filter(|n| n.sentence == s);
    let ends = next.is_none_or(|n| {
        n.clause != a.tokens[end - 1].clause || matches!(n.text.as_str(), "so" | "and" | "but" | "though" | "tho")
    });
    ends.then_some(end)
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mr Varga", text)
    }

    /// This reading alone (other readings may blame the same words).
    fn contrasts(text: &str) -> bool {
        !super::walls(&crate::core::scoring::text::analyse(text)).is_empty()
    }

    #[test]
    fn another_party_set_apart_from_our_side_is_blame() {
        for yes in [
            "The seat plan is set by the tour operator, not us.",
            "ur ticket is with the promoter not with us so ring them",
            "Mr Varga, the deposit is kept by letting agent, not by the shop.",
            "Parking fines go to the council, not reception.",
            "Um, so the, the rota's the agency's call, not ours, yeah.",
            "Dear Mr Varga, refunds for the excursion are issued by the operator, not the hotel.",
        ] {
            assert!(blames(yes), "{yes}");
            assert!(contrasts(yes), "{yes}");
        }
    }

    #[test]
    fn our_side_owned_a_verb_negated_or_the_clause_going_on_is_not_a_contrast() {
        for no in [
            "That one's on us, not the courier.",
            "It was our slip, not the shop's, and I've put it right.",
            "It's not us who set the fee, but I'll ask.",
            "Shouting at you like that is just not us, I'm sorry.",
            "The policy says no, that's not me being awkward.",
            "Would you like it sent to the branch or not?",
            "Send it to me, not the office, and I'll turn it round today.",
            "If it's with the courier, not us, I'll chase them myself.",
            "You told me it was 'the landlord, not the agency', is that right?",
            "soz, thats r job 2 sort not the depot's",
        ] {
            assert!(!contrasts(no), "{no}");
        }
    }
}
