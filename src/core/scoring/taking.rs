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
                && !asks(a, cx, c.0)
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
        if object.is_empty() || passes_on(a, cx, v + 1) || own_things || through || asks(a, cx, k) {
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

/// True when the words at `k` ask rather than state: their sentence ends in a question mark and
/// is a question, not a statement with a tag on the end ("I'll go to the bakery now and ring you
/// back in twenty minutes, okay?", "engineer booked for Thursday, is that ok?"). A tag is a last
/// clause of at most four words of `@tag-question-word` after a clause that does not itself open
/// with a question word (`@question-opener`: "Shall I rebook it, ok?" still asks).
pub(super) fn asks(a: &Analysed, cx: &DetectorContext, k: usize) -> bool {
    let t = &a.tokens[k];
    let s = &a.sentences[t.sentence];
    if !s.question_mark {
        return false;
    }
    let w = &cx.lists.words;
    let last = a.tokens[s.end - 1].clause;
    let tag_start = (s.start..s.end).find(|&j| a.tokens[j].clause == last).unwrap_or(s.start);
    let tag = tag_start > s.start
        && s.end - tag_start <= 4
        && (tag_start..s.end).all(|j| w.tag_question_word.has(a.word(j)))
        && t.clause != last;
    let clause_start = (s.start..=k).rev().take_while(|&j| a.tokens[j].clause == t.clause).last().unwrap_or(k);
    let opens_question = w.question_opener.has(a.word(clause_start)) || w.question_opener.has(a.word(s.start));
    !tag || opens_question
}

/// A call-back that sees the fix through: "I'll ring you Thursday at 10 to confirm the new direct
/// debit's set", "i'll call u at 4 to check it's working", "I will ring you on Monday to make sure
/// they have". A firm first-person promise to contact the customer whose purpose, later in its
/// sentence, is to check on the outcome ("to" and `@follow-through-purpose`, "make" and "be" only
/// with "sure"). The speaker stays on the problem until it is done (`docs/labelling.md`), unlike a
/// bare call-back. Not hedged, negated, asked, conditional, retold or sarcastic.
pub(super) fn checks_back(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let contact = find(&cx.lists.contact_verb, a, cx);
    let sarcasm = find(&cx.lists.sarcasm, a, cx);
    let mut out = Vec::new();
    for c in commitments(a, cx) {
        let words = &a.tokens[c.0..c.1];
        let s = &a.sentences[words[0].sentence];
        let speaker = matches!(words[0].text.as_str(), "i" | "we");
        let firm = !words.iter().any(|t| w.not_firm.has(&t.text) || t.negated_by.is_some() || t.quoted || t.retold);
        let contacting = contact.iter().any(|v| v.0 >= c.0 && v.0 <= c.1 + 2);
        if !(speaker && firm && contacting)
            || asks(a, cx, c.0)
            || super::timed::under_condition(a, c)
            || hedged(a, cx, c, None)
            || sarcasm.iter().any(|r| in_sentence(s, r))
        {
            continue;
        }
        let purpose = (c.1..s.end.min(c.1 + 12)).find(|&j| {
            a.word(j) == "to"
                && w.follow_through_purpose.has(a.word(j + 1))
                && (!matches!(a.word(j + 1), "make" | "be") || a.word(j + 2) == "sure")
                && a.tokens[j].negated_by.is_none()
        });
        if let Some(p) = purpose {
            out.push((c.0, p + 2));
        }
    }
    out
}

/// True when the hit at `r` only records the case or hands it on, which `docs/labelling.md` does
/// not count as taking it on: its verb is followed in its clause by a record made on the case
/// (`@take-record-noun`: "I've logged your query", "I'll put a note on your account", "I've raised
/// a billing investigation", "I've put a referral in"); or its verb passes the case on
/// (`@passing-on-stem`, "hand": "I'm handing this to Tomasz") to anyone but the speaker; or it
/// sends or puts something to a colleague ("I've sent her your details", "I'll send Priya my
/// notes", "I'm putting you through"); or it is a manner of speaking (`@take-not-an-act` after
/// "be": "I'll be honest").
pub(super) fn records_or_hands_on(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let w = &cx.lists.words;
    let t = &a.tokens[r.0];
    let in_clause =
        |j: usize| j < a.tokens.len() && a.tokens[j].sentence == t.sentence && a.tokens[j].clause == t.clause;
    let hit = r.0..r.1;
    let after: Vec<usize> = (r.0 + 1..r.1 + 5).take_while(|&j| in_clause(j)).collect();
    let record = after.iter().any(|&j| w.take_record_noun.has(a.word(j)));
    let to_self = after.iter().any(|&j| matches!(a.word(j), "me" | "myself" | "us" | "ourselves"));
    let hands =
        hit.clone().any(|j| w.passing_on_stem.has(&a.tokens[j].stem) || &*a.tokens[j].stem == "hand") && !to_self;
    let colleague = |j: usize| {
        matches!(a.word(j), "him" | "her")
            || (!cx.names.colleague.is_empty() && super::phrase::name_at(&a.tokens, j, &cx.names.colleague).is_some())
    };
    let to_colleague = hit.clone().any(|j| {
        matches!(a.word(j), "send" | "sent" | "sending" | "put" | "putting" | "give" | "given" | "giving")
            && (colleague(j + 1) || puts_through(a, (j, j + 1)))
    });
    let manner = hit.clone().any(|j| a.word(j) == "be" && w.take_not_an_act.has(a.word(j + 1)));
    record || hands || to_colleague || manner
}

/// The present said for the future, as non-native speakers often do: "I finish all the job today
/// before 4", "Today I send the form to Mark", "I send you the kit list by email this morning",
/// "Now I give you the new code". "I" or "we" right before the base form of a verb of doing
/// (`@action-verb`, `@resolve-verb`), with today, tonight, tomorrow, now or a named day or time in
/// the clause or opening the sentence. Not a call-back alone ("tomorrow I call you"), nor a
/// question, a negated, quoted, retold, hedged or conditional one, nor a past day ("yesterday") or
/// a habit ("every day").
pub(super) fn present_for_future(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut verbs = find(&cx.lists.action_verb, a, cx);
    verbs.extend(find(&cx.lists.resolve_verb, a, cx));
    let contact = find(&cx.lists.contact_verb, a, cx);
    let mut out = Vec::new();
    for k in 0..a.tokens.len().saturating_sub(1) {
        let t = &a.tokens[k];
        if !matches!(t.text.as_str(), "i" | "we") || !t.is_own_word() || asks(a, cx, k) {
            continue;
        }
        let v = if a.word(k + 1) == "also" { k + 2 } else { k + 1 };
        let Some(verb) = verbs.iter().find(|r| r.0 == v && a.tokens[v].sentence == t.sentence) else { continue };
        let base = a.word(v);
        // "we have made a mistake": an auxiliary, not the base form of a verb of doing.
        let auxiliary = matches!(base, "have" | "be" | "do" | "am" | "are" | "was" | "were");
        if auxiliary
            || base.ends_with("ed")
            || base.ends_with("ing")
            || base.ends_with('s')
            || a.tokens[v].negated_by.is_some()
        {
            continue;
        }
        // "I call you tomorrow": only getting back in touch; "I send you a checklist" sends something.
        let thing = matches!(a.word(verb.1 + 1), "a" | "an" | "the" | "my" | "our" | "your" | "all" | "also");
        if contact.iter().any(|c| c.0 == v) && matches!(a.word(verb.1), "you" | "u") && !thing {
            continue;
        }
        let s = &a.sentences[t.sentence];
        let clause: Vec<usize> =
            (s.start..s.end).filter(|&j| a.tokens[j].clause == t.clause || j < s.start + 2).collect();
        let when = |j: usize| {
            matches!(a.word(j), "now" | "today" | "tonight" | "tomorrow") || a.times().day_or_time_at(j).is_some()
        };
        // "yesterday", "last week": the past; "every day", "always": a habit, not this problem.
        let not_now = clause
            .iter()
            .any(|&j| matches!(a.word(j), "yesterday" | "last" | "ago" | "every" | "always" | "usually" | "normally"));
        let firm = !hedged(a, cx, (k, verb.1), None) && !super::timed::under_condition(a, (k, verb.1));
        if clause.iter().any(|&j| when(j)) && !not_now && firm {
            out.push((k, verb.1));
        }
    }
    out
}

/// "put you through": a transfer, not an action on the problem.
fn puts_through(a: &Analysed, v: Range) -> bool {
    matches!(a.tokens[v.0].text.as_str(), "put" | "putting")
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

    #[test]
    fn a_call_back_to_check_the_fix_held_sees_it_through() {
        for text in [
            "I'll ring you Thursday at 10 to confirm the new direct debit's set.",
            "i'll call u at 4 2day to check its working",
            "I will ring you on Monday to make sure they have.",
            "Me? I will phone you after the visit, same day, to be sure everything is working.",
            "We will contact you on Friday to verify the credit has reached your account.",
            "so um I'll give you a ring tonight to check the heating's come back on",
        ] {
            assert!(takes(text), "{text}");
        }
        for text in [
            "I'll ring you tomorrow.",
            "I'll try to ring you Friday to check it's working.",
            "If the part comes, I'll call you to confirm.",
            "Shall I ring you at 4 to check?",
            "I told you I'd ring to make sure it had arrived.",
            "I won't call you to check, the engineer will.",
            "Can you ring me Thursday to confirm the slot?",
        ] {
            assert!(!takes(text), "{text}");
        }
    }

    #[test]
    fn a_tag_on_a_statement_does_not_make_it_a_question() {
        for text in [
            "I will go to the bakery now and ring you back in twenty minutes, okay?",
            "i'll swap the handset 2day, ok?",
            "We'll refund the deposit this afternoon, is that ok?",
            "Dear Ms Ferris, I will cancel the second order today, yes?",
            "right so I'm going to replace the router myself, alright?",
        ] {
            assert!(takes(text), "{text}");
        }
        for text in [
            "Shall I rebook the fitter, ok?",
            "Can I refund the deposit, yes?",
            "Do you want me to swap it, yeah?",
            "Should I cancel the order?",
        ] {
            assert!(!takes(text), "{text}");
        }
    }

    #[test]
    fn the_present_said_for_the_future_takes_it_on() {
        for text in [
            "I repair the printer today before 4, no charge.",
            "Today I send the form to Mark, I write him everything.",
            "Mrs Okafor, I send you the new contract by email this morning.",
            "ok now i book engineer 4 u",
            "We replace the battery for you tomorrow, no charge.",
        ] {
            assert!(takes(text), "{text}");
        }
        for text in [
            "Tomorrow I call you.",
            "I send the form yesterday but it was lost.",
            "If you agree, I send the form today.",
            "I send the form every day.",
            "Can I send you the form today?",
            "we have made a mistake and booked someone else into your Tuesday 9am",
        ] {
            assert!(!takes(text), "{text}");
        }
    }

    #[test]
    fn logging_the_case_or_handing_it_on_takes_nothing_on() {
        for text in [
            "I have logged your query.",
            "I'll put a note on your account.",
            "ive raised a billing investigation, ref BI-30918",
            "Erm, I've put a referral in to injury for you.",
            "I'm handing this to Tomasz Wren, our network specialist.",
            "I've sent her your order number and both references.",
            "I'm putting you through to Tomasz now.",
            "I'll be honest, I can't say what happened.",
        ] {
            assert!(!takes(text), "{text}");
        }
        for text in [
            "Assigned it to myself this morning.",
            "I've sent you a replacement by express.",
            "I'll be there at nine to fit the new boiler.",
        ] {
            assert!(takes(text), "{text}");
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
