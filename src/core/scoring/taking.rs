//! Taking it on in the speaker's own future: "I'll rebook the fitter", "we're going to redo the
//! order", "let me swap it now". A firm first-person commitment to a concrete action on the
//! customer's problem counts (see `docs/labelling.md`); an offer ("I can ..."), a question, a
//! hedged or negated promise, a call-back alone, passing the case on, or a sarcastic sentence do not.

use super::detectors::{DetectorContext, Range, commitments, find, hedged, in_sentence};
use super::steps::vague_promise;
use super::text::Analysed;

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
            let firm = !words.iter().any(|t| cx.lists.words.not_firm.has(&t.text) || t.negated_by.is_some());
            // Only verbs of the commitment's own clause, before any condition: in "we'll let you
            // know if anything comes up" the customer hears of news, nothing is done.
            let near: Vec<&Range> =
                verbs.iter().filter(|v| v.0 >= c.0 && v.0 <= c.1 + 2 && own_clause(a, *c, v.0)).collect();
            // "I've put you through": the auxiliary "have" is no action of its own.
            let passing =
                near.iter().any(|v| cx.lists.words.passing_on_stem.has(&a.tokens[v.0].stem) || puts_through(a, **v));
            let acting = !passing && near.iter().any(|v| !contact_only.iter().any(|k| k.0 <= v.0 && k.1 >= v.1));
            speaker
                && firm
                && acting
                && !vague_promise(a, cx, *c)
                && !gets_someone_else(a, *c)
                && !s.question_mark
                && !hedged(a, cx, *c, None)
                && !super::timed::waits_on_event(a, cx, *c)
                && !sarcasm.iter().any(|r| in_sentence(s, r))
        })
        .collect()
}

/// Actions the speaker has already done on the problem: "we've put a stop on the payments", "I've
/// held the back room for you", "ive cleared the late fee". Not passing the case or the customer's
/// comments on ("I've sent your details to the claims team", "I've put you through"), not a
/// change to the organisation's own things ("we've changed our policy"), nor a question, a negated,
/// retold, hedged or sarcastic sentence.
pub(super) fn done_on_the_problem(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let sarcasm = find(&cx.lists.sarcasm, a, cx);
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let t = &a.tokens[k];
        if !matches!(t.text.as_str(), "i" | "we") || a.word(k + 1) != "have" || t.quoted || t.retold {
            continue;
        }
        let s = &a.sentences[t.sentence];
        let clause_end = (k..s.end).find(|&j| a.tokens[j].clause != t.clause).unwrap_or(s.end);
        let mut v = k + 2;
        while v < clause_end
            && matches!(a.word(v), "already" | "just" | "now" | "also" | "personally" | "then" | "gone" | "and")
        {
            v += 1;
        }
        if a.word(v) == "had" {
            // "I've had it re-dispatched": the participle follows its object.
            v = (v + 1..(v + 5).min(clause_end))
                .find(|&j| cx.lists.words.done_on_problem.has(a.word(j)))
                .unwrap_or(clause_end);
        }
        if v >= clause_end || !cx.lists.words.done_on_problem.has(a.word(v)) || a.tokens[v].negated_by.is_some() {
            continue;
        }
        let object = &a.tokens[v + 1..clause_end];
        let own_things = object.first().is_some_and(|o| matches!(o.text.as_str(), "our" | "my"));
        let through =
            object.first().is_some_and(|o| o.text == "you") && object.get(1).is_some_and(|o| o.text == "through");
        if object.is_empty() || passes_on(a, cx, v + 1) || own_things || through || s.question_mark {
            continue;
        }
        if hedged(a, cx, (k, v + 1), None) || sarcasm.iter().any(|r| in_sentence(s, r)) {
            continue;
        }
        out.push((k, v + 1));
    }
    out
}

/// True when the words from `from` to the end of their clause send the case or the customer's
/// comments elsewhere: "... to the claims team", "... to Ines", "... your comments".
pub(super) fn passes_on(a: &Analysed, cx: &DetectorContext, from: usize) -> bool {
    let Some(first) = a.tokens.get(from) else { return false };
    let end = (from..a.tokens.len()).find(|&j| a.tokens[j].clause != first.clause).unwrap_or(a.tokens.len());
    let object = &a.tokens[from..end];
    let to_a_team = object.windows(2).any(|w| w[0].text == "to" && w[1].text != "you")
        && object.iter().any(|o| cx.lists.words.passed_to.has(&o.text));
    let names_colleague = !cx.names.colleague.is_empty()
        && (from + 1..end).any(|j| {
            matches!(a.tokens[j - 1].text.as_str(), "to" | "with" | "over")
                && super::phrase::name_at(&a.tokens, j, &cx.names.colleague).is_some()
        });
    let feedback = object.iter().any(|o| matches!(o.text.as_str(), "comments" | "feedback" | "complaint" | "concerns"));
    to_a_team || names_colleague || feedback
}

/// True when the word at `k` is in the clause the commitment `c` ends in, and not in a condition
/// clause the commitment is not in ("we'll let you know if anything comes up").
fn own_clause(a: &Analysed, c: Range, k: usize) -> bool {
    let last = &a.tokens[c.1 - 1];
    k < c.1
        || (a.tokens[c.1..=k].iter().all(|t| t.clause == last.clause && t.sentence == last.sentence)
            && a.tokens[k].condition == last.condition)
}

/// True when the answer promises only to get back in touch: it has a commitment to contact the
/// customer, and every verb of doing in it (outside a condition: "... if anything comes up") is a
/// verb of contacting them ("I'll ring you tomorrow", "I'll email you on Wednesday at 2pm").
/// `docs/labelling.md` wants an action on the problem for `takes-it-on`.
pub(super) fn only_calls_back(a: &Analysed, cx: &DetectorContext) -> bool {
    let contact_only = find(&cx.lists.contact_verb, a, cx);
    let mut verbs = find(&cx.lists.action_verb, a, cx);
    verbs.extend(find(&cx.lists.resolve_verb, a, cx));
    // "checking in with him", "ring the warehouse": contacting someone else is chasing, an action.
    let elsewhere = |v: &Range| {
        let next: Vec<&str> = a.tokens[v.1..(v.1 + 2).min(a.tokens.len())].iter().map(|t| t.text.as_str()).collect();
        next.iter().any(|w| matches!(*w, "with" | "him" | "her" | "them" | "the" | "to" | "their"))
            && !next.iter().any(|w| matches!(*w, "you" | "u"))
    };
    let contact = |v: &Range| contact_only.iter().any(|k| k.0 <= v.0 && k.1 >= v.1) && !elsewhere(v);
    let calls_back = commitments(a, cx).iter().any(|c| verbs.iter().any(|v| v.0 >= c.0 && v.0 < c.1 && contact(v)));
    calls_back && verbs.iter().filter(|v| !a.in_condition(v.0)).all(contact)
}

/// "put you through": a transfer, not an action on the problem.
fn puts_through(a: &Analysed, v: Range) -> bool {
    a.tokens[v.0].text == "put"
        && a.tokens.get(v.1).is_some_and(|t| t.text == "you")
        && a.tokens.get(v.1 + 1).is_some_and(|t| matches!(t.text.as_str(), "through" | "over"))
}

/// "I'll get Mark to ring you": the action is someone else's.
fn gets_someone_else(a: &Analysed, c: Range) -> bool {
    let sentence = a.tokens[c.0].sentence;
    let after = |k: usize| a.tokens.get(c.1 + k).filter(|t| t.sentence == sentence).map(|t| t.text.as_str());
    a.tokens[c.1 - 1].text == "get" && (after(1) == Some("to") || after(2) == Some("to") || after(3) == Some("to"))
}

#[cfg(test)]
mod tests {
    /// The `takes-it-on` rule alone, without the learned layer.
    fn takes(text: &str) -> bool {
        super::super::rule_probe::rule_met("takes-it-on", text)
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
            "We've put a stop on FitLife taking payments from your card.",
            "I've held the back room for your party on the 14th.",
            "ive cleared the late fee off ur account",
            "Dear Mr Osei, I have now removed the duplicate charge from your statement.",
            "so um I've already swapped the handset over for you",
            "I have had it re-dispatched this morning.",
            "We've topped your meter up with £20 credit.",
            "i've put u in the dentist's diary for 4.15 today",
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
            "I've passed it to Tomasz.",
            "I've put your comments forward to the manager.",
            "I've put you through to billing.",
            "I've sent your details to the claims team.",
            "Have I cancelled it?",
            "I haven't removed the fee yet.",
            "You've cancelled the order yourself.",
            "We've changed our policy on refunds.",
            "I told you last week I'd have it cleared.",
        ] {
            assert!(!takes(text), "{text}");
        }
    }

    /// `takes-it-on` as the engine decides it, rules and learned layer together.
    fn concept(text: &str) -> bool {
        crate::core::test_fixtures::concept_met("takes-it-on", text)
    }

    #[test]
    fn a_call_back_alone_takes_nothing_on() {
        for text in [
            "I'll ring you tomorrow.",
            "I'll email you on Wednesday at 2pm.",
            "i'll txt u later today",
            "Dear Mrs Okafor, I will write to you by Friday.",
            "We'll give you a call first thing Monday.",
            "so um I'll phone you back this afternoon",
            "We'll let you know if anything comes up.",
            "I'll text you before the weekend.",
            "Expect a call from me at half nine.",
            "We'll be in touch on Thursday.",
        ] {
            assert!(!concept(text), "{text}");
        }
    }

    #[test]
    fn a_call_back_with_an_action_on_the_problem_still_takes_it_on() {
        for text in [
            "I'll rebook the fitter and ring you tomorrow with the new slot.",
            "I'm going to replace the router myself and text you when it's done.",
            "we'll refund the deposit today and email u the receipt",
            "Let me get that rebooked for you.",
            "Let me rebook the table for eight instead.",
            "let me sort that out for you now",
            "Dear Mr Reyes, let me cancel the duplicate order straight away.",
            "ok let me swap the handset over for you",
            "Let me get the late fee waived and I'll call you back.",
            "Right, let me get the engineer rescheduled for Friday.",
        ] {
            assert!(concept(text), "{text}");
        }
    }

    #[test]
    fn news_waiting_on_an_event_or_a_state_of_the_diary_is_no_action() {
        for text in [
            "Dr Patel's diary is full on Tuesday, I'm afraid. We'll let you know if anything comes up.",
            "We'll tell you if a slot opens up.",
            "I'll message you if something changes.",
            "We're fully booked on Tuesday.",
            "let me know if there's anything else",
            "Let me see if anyone is free.",
        ] {
            assert!(!takes(text), "{text}");
        }
        for text in [
            "We'll refund the deposit even if the courier loses the parcel.",
            "I'll rebook the fitter for Thursday.",
            "We are booking the fitter for Thursday.",
        ] {
            assert!(takes(text), "{text}");
        }
    }
}
