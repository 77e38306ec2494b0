//! Taking it on in the speaker's own future: "I'll rebook the fitter", "we're going to redo the
//! order", "let me swap it now". A firm first-person commitment to a concrete action on the
//! customer's problem counts (see `docs/labelling.md`); an offer ("I can ..."), a question, a
//! hedged or negated promise, a call-back alone, passing the case on, or a sarcastic sentence do not.

use super::detectors::{DetectorContext, Range, commitments, find, hedged, in_sentence};
use super::steps::vague_promise;
use super::text::Analysed;

/// Verbs that only move the case to someone else ("I'll pass it on", "I'll transfer you").
const PASSING_ON: &[&str] = &["pass", "transfer", "forward", "refer", "redirect", "direct"];
/// Words in a commitment that make it an offer, a wish or a question rather than a promise.
const NOT_FIRM: &[&str] = &["can", "could", "shall", "would", "might", "may", "should", "want", "like"];

/// Firm first-person commitments to a concrete action (not only contacting the customer again).
pub(super) fn firm_actions(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let contact_only = find(&cx.lists.contact_verb, a, cx);
    let verbs = find(&cx.lists.action_verb, a, cx);
    let sarcasm = find(&cx.lists.sarcasm, a, cx);
    commitments(a, cx)
        .into_iter()
        .filter(|c| {
            let words = &a.tokens[c.0..c.1];
            let s = &a.sentences[words[0].sentence];
            let speaker = matches!(words[0].text.as_str(), "i" | "we" | "let");
            let firm = !words.iter().any(|t| NOT_FIRM.contains(&t.text.as_str()) || t.negated_by.is_some());
            let acting = verbs
                .iter()
                .filter(|v| v.0 >= c.0 && v.0 <= c.1 + 2)
                .filter(|v| !contact_only.iter().any(|k| k.0 <= v.0 && k.1 >= v.1))
                .any(|v| !PASSING_ON.contains(&a.tokens[v.0].text.as_str()) && !puts_through(a, *v));
            speaker
                && firm
                && acting
                && !vague_promise(a, *c)
                && !gets_someone_else(a, *c)
                && !s.question_mark
                && !hedged(a, cx, *c, None)
                && !sarcasm.iter().any(|r| in_sentence(s, r))
        })
        .collect()
}

/// "put you through": a transfer, not an action on the problem.
fn puts_through(a: &Analysed, v: Range) -> bool {
    a.tokens[v.0].text == "put" && a.tokens.get(v.1).is_some_and(|t| t.text == "you")
}

/// "I'll get Mark to ring you": the action is someone else's.
fn gets_someone_else(a: &Analysed, c: Range) -> bool {
    let sentence = a.tokens[c.0].sentence;
    let after = |k: usize| a.tokens.get(c.1 + k).filter(|t| t.sentence == sentence).map(|t| t.text.as_str());
    a.tokens[c.1 - 1].text == "get" && (after(1) == Some("to") || after(2) == Some("to") || after(3) == Some("to"))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::detectors::{DetectorContext, detect_rule};
    use super::super::lists::Lists;
    use super::super::phrase::Names;
    use super::super::text::analyse;

    /// The `takes-it-on` rule alone, without the learned layer.
    fn takes(text: &str) -> bool {
        let (names, lists) = (Names::default(), Lists::new(&BTreeMap::new()));
        !detect_rule("takes-it-on", &analyse(text), &DetectorContext::new(&names, &lists, None)).is_empty()
    }

    #[test]
    fn firm_actions_and_claiming_the_case_take_it_on() {
        for text in [
            "I'll rebook the fitter and cover the call-out charge.",
            "we're going to reprint the menus before service",
            "i'll swap the handset 4 u 2nite",
            "Dear Ms Ferris, I will refund the deposit to your card.",
            "right so um I'm going to replace the router myself",
            "This is mine now, nobody else will pass you around.",
            "That's our mess to put right.",
            "Assigned it to myself this morning.",
        ] {
            assert!(takes(text), "{text}");
        }
    }

    #[test]
    fn offers_hedges_call_backs_hand_offs_and_vague_promises_do_not() {
        for text in [
            "I can refund the deposit if you like.",
            "I'll try to rebook the fitter.",
            "I'll call you back tomorrow.",
            "I'll pass this on to the lettings team.",
            "I'll get Marta to ring you.",
            "We'll look into it.",
            "Shall I rebook the fitter?",
            "hmm let me see if anyone in the back can help",
            "I won't refund the deposit.",
        ] {
            assert!(!takes(text), "{text}");
        }
    }
}
