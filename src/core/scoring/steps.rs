//! What makes a `next-steps` hit concrete (see `docs/labelling.md`): a vague promise ("we'll look
//! into it", "you'll hear from us", "I'll pass your comments on") tells the customer nothing about
//! what will happen; an instruction counts only with a concrete item or channel ("send us your
//! order number", "ring complaints on 0345 ...").

use super::detectors::{DetectorContext, Range, hedged};
use super::text::{Analysed, Token};

/// The parts of `concepts::next_step_parts` that find something already done ("approved", "passed
/// to Tomasz"): it stays done however vague what follows, put off or said as a service level.
pub(super) const DONE_PARTS: &[&str] =
    &["done-for-them", "handed-on", "sent-to-whom", "done-fragment", "instruction", "done-by-speaker", "done-bare"];

/// True when the words of `r` and its clause promise only vague attention: a commitment whose
/// verb is in `@step-vague-verb` followed by nothing concrete, or passing on the customer's
/// feedback (`@step-feedback`).
pub(super) fn vague_promise(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let w = &cx.lists.words;
    let clause = a.tokens[r.0].clause;
    let rest = |from: usize| a.tokens[from..].iter().take_while(move |t| t.clause == clause);
    let clause_start = (0..r.0).rev().take_while(|&k| a.tokens[k].clause == clause).last().unwrap_or(r.0);
    // Feedback passed on, or a query only logged or raised ("I have logged your query"); a query
    // handed to someone named is the case handed on (`handed_on`).
    let passes_feedback =
        rest(clause_start).take(r.0 - clause_start + 8).any(|t| w.step_feedback.has(&t.text) || t.text == "query");
    let modal = a.tokens[r.0..r.1].iter().any(|t| matches!(t.text.as_str(), "can" | "could" | "shall"));
    let acts = || super::step_acts::consults_only(a, r) || super::step_acts::records_case(a, cx, r);
    if record_only(a, r) || passed_about(a, r) || acts() {
        return true;
    }
    let Some(verb) = a.tokens[r.0..r.1].iter().rposition(|t| w.step_vague_verb.has(&t.text)) else {
        return passes_feedback || modal;
    };
    let after: Vec<&Token> = rest(r.0 + verb + 1).take(3).collect();
    // "I'll chase it", "will chase em up": nothing concrete in it (`docs/labelling.md`).
    if a.tokens[r.0 + verb].text == "chase"
        && after.first().is_some_and(|t| matches!(t.text.as_str(), "it" | "them" | "em" | "this" | "that" | "up"))
    {
        return true;
    }
    // "get that rebooked", "get the fee refunded": the participle says what will be done.
    if a.tokens[r.0 + verb].text == "get" && after.iter().take(3).any(|t| w.step_done_participle.has(&t.text)) {
        return passes_feedback || modal;
    }
    let generic = match after.first() {
        None => true,
        Some(t) if matches!(t.text.as_str(), "the" | "a") => {
            !after.get(1).is_some_and(|n| w.step_concrete_noun.has(&n.text)) && a.tokens[r.0 + verb].text != "check"
        }
        Some(t) => w.step_vague_object.has(&t.text) && !after.iter().any(|n| n.text == "your"),
    };
    passes_feedback || modal || generic
}

/// True when the act of `r` only records or has recorded something: a note put on the case ("I'll
/// put a note on your file", "popped a quick note on for the depot": `docs/labelling.md` leaves a
/// note for a named team open, and the unseen labels call it no step), or chasing already done
/// ("I've chased them twice", "we have chased"): effort told, nothing set moving.
fn record_only(a: &Analysed, r: Range) -> bool {
    let clause = a.tokens[r.0].clause;
    let span: Vec<&Token> = a.tokens[r.0..].iter().take_while(|t| t.clause == clause).take(r.1 - r.0 + 4).collect();
    let records = span.iter().take(r.1 - r.0).any(|t| {
        matches!(
            t.text.as_str(),
            "put"
                | "putting"
                | "pop"
                | "popped"
                | "popping"
                | "leave"
                | "left"
                | "add"
                | "added"
                | "make"
                | "made"
                | "place"
                | "placed"
        )
    });
    let note = span.iter().any(|t| matches!(t.text.as_str(), "note" | "notes"));
    (records && note) || a.tokens[r.0..r.1].iter().any(|t| t.text == "chased")
}

/// True when `r` is the customer passed about ("you've been passed around", "u have been passed
/// from pillar to post"): the customer is the thing passed, not the case, unless on to someone
/// ("you've been passed to the claims team").
fn passed_about(a: &Analysed, r: Range) -> bool {
    let Some(p) = (r.0..r.1).find(|&k| a.word(k) == "passed") else { return false };
    let s = a.tokens[p].sentence;
    let customer = (r.0.saturating_sub(1)..p).any(|k| matches!(a.word(k), "you" | "u") && a.tokens[k].sentence == s);
    customer && !matches!(a.word_in(s, p + 1), "to" | "2" | "on" | "over" | "through" | "straight")
}

/// Something set in motion, said of the thing rather than of who does it: "the bag will be
/// delivered by courier", "it's being sent back out", "letter to follow" (a fragment, not "there
/// are rules to follow"). Not of a person, not negated, not attention only ("is being investigated").
pub(super) fn in_motion(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let participle = |k: usize| {
        let t = a.word(k);
        (t.len() > 4 && t.ends_with("ed") && !w.timed_not_past_ed.has(t))
            || w.done_on_problem.has(t)
            || w.step_done_participle.has(t)
            || w.timed_done_participle.has(t)
    };
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        if !a.asserted_at(k) {
            continue;
        }
        let s = a.tokens[k].sentence;
        let prev = if k > 0 && a.tokens[k - 1].sentence == s { a.word(k - 1) } else { "" };
        let end = match a.word(k) {
            // "will be delivered", "'ll be redelivered"; not "you will be ..." (see `you_will`).
            "will" if a.word_in(s, k + 1) == "be" && participle(k + 2) => Some(k + 3),
            // "is being sent", "are being processed".
            "being" if matches!(prev, "is" | "are") && participle(k + 1) => Some(k + 2),
            // "letter to follow.", "kit list to follow.": closing its sentence.
            "to" if a.word_in(s, k + 1) == "follow" && !prev.is_empty() && a.word_in(s, k + 2).is_empty() => {
                let from = a.sentences[s].start;
                let fragment = (from..k).all(|j| {
                    !matches!(
                        a.word(j),
                        "is" | "are"
                            | "was"
                            | "were"
                            | "be"
                            | "has"
                            | "have"
                            | "had"
                            | "there"
                            | "that"
                            | "it"
                            | "this"
                    )
                });
                fragment.then_some(k + 2)
            }
            _ => None,
        };
        let Some(end) = end else { continue };
        // "you're being charged": the person is before the "is" / "are".
        let before = if a.word(k) == "being" && k >= 2 && a.tokens[k - 2].sentence == s { a.word(k - 2) } else { prev };
        let subject_person = matches!(before, "you" | "u" | "i" | "we");
        if w.step_attention_only.has(a.word(end - 1)) {
            continue;
        }
        let negated = a.tokens[k..end.min(a.tokens.len())].iter().any(|t| t.negated_by.is_some() || t.is_negator());
        if !subject_person && !negated && !vague_promise(a, cx, (k, end)) {
            out.push((k, end));
        }
    }
    out
}

/// The speaker doing it now: "I'm filling in the correction form now", "we're reprinting the
/// menus", and the same without a subject opening a sentence ("Sending a new one now", "Doing it
/// before service starts"). Not a state of mind ("I'm hoping ..."), a call ("I'm calling to say"),
/// attention with nothing concrete ("I'm looking into it"), nor a hedged, negated or asked one.
pub(super) fn doing_now(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let t = &a.tokens[k];
        if t.text.len() < 5 || !t.text.ends_with("ing") || w.timed_not_verb_ing.has(&t.text) || !a.asserted_at(k) {
            continue;
        }
        let s = &a.sentences[t.sentence];
        let first = (s.start..k).all(|j| matches!(a.word(j), "so" | "right" | "ok" | "okay" | "um" | "erm" | "and"));
        let after_speaker = k >= s.start + 2
            && matches!(a.word(k - 1), "am" | "are")
            && matches!(a.word(k - 2), "i" | "we")
            && a.tokens[k - 2].sentence == t.sentence;
        let next = a.word_in(t.sentence, k + 1);
        let fragment = first && (w.timed_object_start.has(next) || matches!(next, "now" | "today" | "in" | "on"));
        if !(after_speaker || fragment) || w.step_not_doing.has(&t.text) || next.is_empty() {
            continue;
        }
        let stem = &*t.stem;
        let vague = w.step_vague_verb.has(stem) && w.step_vague_object.has(next) && next != "up";
        let start = if after_speaker { k - 2 } else { k };
        if !vague && !hedged(a, cx, (start, k + 1), None) {
            out.push((start, k + 1));
        }
    }
    out
}

/// A done thing said without a verb of being: "Chair ordered today.", "£95 refunded this morning",
/// "one month's credit applied". The participle follows a short subject that is not a person.
pub(super) fn done_fragment(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for s in &a.sentences {
        let Some(p) = (s.start..s.end.min(s.start + 6)).find(|&k| cx.lists.words.step_done_for_them.has(a.word(k)))
        else {
            continue;
        };
        let subject = &a.tokens[s.start..p];
        let no_verb = subject.iter().all(|t| {
            !matches!(
                t.text.as_str(),
                "i" | "we"
                    | "you"
                    | "u"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "has"
                    | "have"
                    | "had"
                    | "be"
                    | "been"
                    | "will"
                    | "if"
                    | "not"
                    | "never"
                    | "who"
                    | "that"
            )
        });
        let active = super::step_acts::takes_object(a, p);
        if p > s.start && no_verb && !active && a.asserted_at(p) && !s.question_mark {
            out.push((s.start, p + 1));
        }
    }
    out
}

/// An outcome the customer is told to expect, even softened (`docs/labelling.md`): "the refund
/// should be with you by Friday", "Engineer should be there Thursday", "it should hopefully arrive
/// on Monday", "plumber £480 shd be paid in a few days", "you'll receive the card tomorrow". A
/// modal of expectation (`@step-expect-modal`), then "be" with "with" / "there" / a participle of
/// something done, or an outcome verb (`@step-outcome-verb`). Not of the speaker's own effort ("I
/// should be able to"), nor of someone vague ("someone will be with you"), nor a reproach ("should
/// have"), nor a guess at how things stand now ("should now be resolved"), nor only a call or an
/// update to come (`@step-contact-only`: "you'll receive a call soon"), negated, asked, quoted, or
/// after "if" / "unless".
pub(super) fn expected_outcome(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        if !w.step_expect_modal.has(a.word(k)) || !a.asserted_at(k) || a.tokens[k].retold {
            continue;
        }
        let s = a.tokens[k].sentence;
        let mut v = k + 1;
        while matches!(a.word_in(s, v), "hopefully" | "probably" | "definitely" | "then" | "also" | "still") {
            v += 1;
        }
        let verb = a.word_in(s, v);
        let next = a.word_in(s, v + 1);
        let prev = if k > 0 && a.tokens[k - 1].sentence == s { a.word(k - 1) } else { "" };
        // "will be delivered" is `in_motion`'s; "you will / should be contacted" is the customer's
        // passive, a step only when backed (see `backed_passive`).
        if verb == "be" && (matches!(a.word(k), "will" | "wil") || matches!(prev, "you" | "u")) {
            continue;
        }
        let end = if verb == "be" {
            let done =
                (participle(a, cx, v + 1) && !w.step_attention_only.has(next)) || matches!(next, "with" | "there");
            done.then_some(v + 2)
        } else {
            w.step_outcome_verb.has(verb).then_some(v + 1)
        };
        let Some(end) = end else { continue };
        // The speaker's own effort ("I should be able to") or nobody in particular.
        let vague_subject = matches!(prev, "i" | "we" | "someone" | "somebody" | "anyone" | "anybody");
        let clause = a.tokens[k].clause;
        let conditioned = a.in_condition(k);
        let negated = a.tokens[k..end].iter().any(|t| t.negated_by.is_some() || t.is_negator());
        // "you will receive a call soon", "an update in due course": only getting back in touch.
        let contact_only = (end..(end + 3).min(a.tokens.len()))
            .take_while(|&j| a.tokens[j].clause == clause)
            .any(|j| w.step_contact_only.has(a.word(j)));
        if !vague_subject && !conditioned && !negated && !contact_only && a.tokens[k..end].iter().all(|t| !t.quoted) {
            out.push((k, end));
        }
    }
    out
}

/// True when the word at `k` is a participle of something done (see [`in_motion`]).
pub(super) fn participle(a: &Analysed, cx: &DetectorContext, k: usize) -> bool {
    let w = &cx.lists.words;
    let t = a.word(k);
    (t.len() > 4 && t.ends_with("ed") && !w.timed_not_past_ed.has(t))
        || w.done_on_problem.has(t)
        || w.step_done_participle.has(t)
        || w.timed_done_participle.has(t)
}

/// A thing done for the customer, said of the thing in the present: "your refund has been
/// approved", "Payment's released", "the fee has now been waived" (`@step-done-for-them`). Not of a
/// person, not in the past tense ("it was sent"), not after a modal ("should have sent"), not a
/// failure ("sent to the wrong address"),
/// negated, asked, or under "if" / "once" / "until" in its clause.
pub(super) fn done_for_them(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for k in 1..a.tokens.len() {
        if !matches!(a.word(k), "has" | "have" | "is" | "are") || !a.asserted_at(k) || a.tokens[k].retold {
            continue;
        }
        let s = a.tokens[k].sentence;
        if a.tokens[k - 1].sentence != s
            || matches!(a.word(k - 1), "i" | "we" | "you" | "u" | "he" | "she" | "they" | "there" | "who" | "what")
            // "you should have sent it", "it would have been approved": a reproach or a wish.
            || matches!(a.word(k - 1), "should" | "would" | "could" | "must" | "might" | "shd" | "wd" | "cd")
        {
            continue;
        }
        let mut p = k + 1;
        while matches!(a.word_in(s, p), "been" | "now" | "just" | "already" | "also" | "finally") {
            p += 1;
        }
        if !w.step_done_for_them.has(a.word_in(s, p)) {
            continue;
        }
        let clause = a.tokens[k].clause;
        let in_clause = |j: usize| a.tokens[j].clause == clause && a.tokens[j].sentence == s;
        let conditioned = a.in_condition(k);
        let failed = (p..a.tokens.len()).take_while(|&j| in_clause(j)).any(|j| w.timed_failure.has(a.word(j)));
        let negated = a.tokens[k..=p].iter().any(|t| t.negated_by.is_some() || t.is_negator());
        if !conditioned && !failed && !negated {
            out.push((k - 1, p + 1));
        }
    }
    out
}

/// The case handed on to someone who now has it: "I've passed it to Tomasz Wren", "we've passed
/// your details to our baggage team", "your case has been forwarded to the claims team", "I've
/// pinged Tomasz", "I'll escalate it to my manager today" (`@step-handed-on-stem`). The case, not
/// the customer's opinion (`@step-feedback`: "I've passed your comments on", unless "who will" act
/// on it follows), nor the customer
/// ("I'll transfer you"); said firmly by the speaker or in the passive, with whom it went to. Found
/// once per answer (next steps and the learned layer's hand-over gate both read it).
pub(super) fn handed_on(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    cx.memo(super::context::step::HANDED_ON, || find_handed_on(a, cx))
}

fn find_handed_on(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for v in 0..a.tokens.len() {
        let t = &a.tokens[v];
        if !w.step_handed_on_stem.has(&t.stem) || !a.asserted_at(v) || t.retold || t.negated_by.is_some() {
            continue;
        }
        let s = t.sentence;
        let in_clause = |j: usize| a.tokens[j].clause == t.clause && a.tokens[j].sentence == s;
        let before: Vec<usize> = (v.saturating_sub(4)..v).filter(|&j| in_clause(j)).collect();
        let by_speaker = before
            .iter()
            .any(|&j| matches!(a.word(j), "i" | "we") || (a.word(j) == "me" && j > 0 && a.word(j - 1) == "let"));
        let prev = if v > 0 { a.word(v - 1) } else { "" };
        let passive = matches!(prev, "been" | "being") || (prev == "be" && v > 1 && a.word(v - 2) == "will");
        // "Pinged Ines just now", "Forwarded to the claims team.": done, said without a subject.
        let sentence_start = a.sentences[s].start;
        let bare = t.text.ends_with("ed")
            && (sentence_start..v)
                .all(|j| matches!(a.word(j), "so" | "ok" | "okay" | "right" | "just" | "and" | "also"));
        let by_speaker = by_speaker || bare;
        // "if I pass it on ...", but not "when I've passed it to Tomasz, ...".
        let conditioned = a.tokens[v].condition.is_some_and(|o| a.word(o) != "when");
        let weakened = conditioned || before.iter().any(|&j| w.not_taking_it_on.has(a.word(j)));
        if !(by_speaker || passive) || weakened || hedged(a, cx, (before.first().copied().unwrap_or(v), v + 1), None) {
            continue;
        }
        let after: Vec<usize> = (v + 1..(v + 12).min(a.tokens.len())).take_while(|&j| in_clause(j)).collect();
        if after.first().is_some_and(|&j| matches!(a.word(j), "you" | "u")) {
            continue;
        }
        let recipient = after.iter().position(|&j| {
            matches!(a.word(j), "to" | "with")
                && after.iter().any(|&n| n > j && !matches!(a.word(n), "you" | "u" | "me" | "us" | "yourself"))
        });
        let named = !cx.names.colleague.is_empty()
            && after.iter().take(2).any(|&j| super::phrase::name_at(&a.tokens, j, &cx.names.colleague).is_some());
        let object_end = recipient.map_or(after.len(), |r| r);
        // The thing handed on: after the verb, or its subject in the passive ("your feedback will be
        // passed to the team").
        let subject = if passive { before.as_slice() } else { &[] };
        let feedback = after[..object_end].iter().chain(subject).any(|&j| w.step_feedback.has(a.word(j)));
        // "... passed your concerns to the ward manager, who will ring you": someone acts on it next.
        let acts_next = (v + 1..a.sentences[s].end).any(|j| a.word(j) == "who" && a.word_in(s, j + 1) == "will");
        let failed = after.iter().any(|&j| w.timed_failure.has(a.word(j)));
        if (recipient.is_some() || named) && (!feedback || acts_next) && !failed {
            out.push((v, after.last().map_or(v + 1, |&j| j + 1)));
        }
    }
    out
}

/// True when the sentence holding `r` names a concrete channel or item: a phone number, a web or
/// email address, a form or portal (`@step-channel`), or something to send ("your order number",
/// `@step-item`).
pub(super) fn concrete_channel(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let w = &cx.lists.words;
    let s = &a.sentences[a.tokens[r.0].sentence];
    let words = &a.tokens[s.start..s.end];
    let digits = |t: &Token| t.text.chars().filter(char::is_ascii_digit).count();
    let long_number = words.windows(2).any(|w| digits(&w[0]) >= 3 && digits(&w[0]) + digits(&w[1]) >= 7)
        || words.iter().any(|t| digits(t) >= 7);
    long_number
        || words.iter().enumerate().any(|(i, t)| w.step_channel.has(&t.text) && !for_example(words, i))
        || words.iter().any(|t| w.step_item.has(&t.text) && !t.quoted)
}

/// "for example", "an example of": the word "example" as a word, not the reserved web domain
/// (`returns@shop.example`) that `@step-channel` lists.
fn for_example(words: &[Token], i: usize) -> bool {
    words[i].text == "example"
        && (i > 0 && matches!(words[i - 1].text.as_str(), "for" | "an" | "as" | "good" | "one")
            || words.get(i + 1).is_some_and(|n| n.text == "of"))
}

/// True when a send-away at `r` names whom the customer is to contact, so that they could act on
/// it at once: a channel, or a party other than a vague one ("someone else", "the relevant team",
/// `@step-vague-party`). "Ring HR", "contact your bank" and "take it up with IT" name one.
pub(super) fn names_whom(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let t = &a.tokens[r.0];
    let rest =
        (r.0..a.tokens.len()).take_while(|&j| a.tokens[j].sentence == t.sentence && a.tokens[j].clause == t.clause);
    let vague = rest.clone().any(|j| cx.lists.words.step_vague_party.has(a.word(j)));
    // "maybe try restarting it", "try watering them": something to do, no one to go to ("try
    // complaining to the ombudsman" names one).
    let tries_doing = rest.clone().any(|j| {
        matches!(a.word(j), "try" | "trying") && {
            let next = a.word_in(t.sentence, j + 1);
            next.len() > 4
                && next.ends_with("ing")
                && !matches!(next, "nothing" | "something" | "anything")
                // "try ringing your bank" names whom, as "ring your bank" does.
                && !{
                    let stem = &*a.tokens[j + 1].stem;
                    let contact = &cx.lists.words.referral_contact_verb;
                    contact.has(stem) || contact.has(next.strip_suffix("ing").unwrap_or(next))
                }
        }
    }) && !rest.clone().any(|j| matches!(a.word(j), "to" | "2" | "with" | "at"));
    concrete_channel(a, cx, r) || !(vague || tries_doing)
}

/// True when "you will hear / get / see ..." at `r` is backed by something concrete in its
/// sentence: a specific time, the colleague's name, or who from ("from the quality team").
pub(super) fn backed_passive(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let s = &a.sentences[a.tokens[r.0].sentence];
    let timed = (s.start..s.end).any(|i| a.times().day_or_time_at(i).is_some());
    let named = !cx.names.colleague.is_empty()
        && (s.start..s.end).any(|i| super::phrase::name_at(&a.tokens, i, &cx.names.colleague).is_some());
    let from_someone = (r.1..s.end).any(|i| {
        matches!(a.tokens[i].text.as_str(), "from" | "by")
            && a.tokens.get(i + 1).is_some_and(|n| matches!(n.text.as_str(), "the" | "our" | "a") && i + 2 < s.end)
    });
    let item = a.tokens[r.1..s.end].iter().take(4).any(|t| cx.lists.words.step_item.has(&t.text));
    timed || named || from_someone || item || outcome_received(a, cx, r)
}

/// True when what the customer "will get / receive / see" at `r` is an outcome, not only contact:
/// a thing of value or a decision (`@step-outcome-noun`: "you'll get the credit on your next
/// invoice", "a letter with the outcome"), or a message with something in it ("you'll get a text
/// with your slot", "a text when it ships"); not "you'll get a text" or "an update in due course".
fn outcome_received(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    if !matches!(a.word(r.1 - 1), "get" | "receive" | "see" | "sent" | "given") {
        return false;
    }
    let s = a.tokens[r.0].sentence;
    let clause = a.tokens[r.0].clause;
    let after: Vec<usize> = (r.1..(r.1 + 4).min(a.tokens.len()))
        .take_while(|&j| a.tokens[j].sentence == s && a.tokens[j].clause == clause)
        .collect();
    after.iter().any(|&j| {
        let word = a.word(j);
        cx.lists.words.step_outcome_noun.has(word)
            || (matches!(word, "text" | "txt" | "letter" | "email" | "message")
                && (j + 1..j + 3)
                    .any(|n| matches!(a.word_in(s, n), "with" | "confirming" | "saying" | "when" | "once" | "as")))
    })
}

/// True when the answer says anything of what comes next: a word pointing ahead (`@step-ahead`), "let me" / "let
/// us", "going to", "I am ...ing", an action done on the problem, an instruction or a timed step.
/// "We let you down and that's on us" says nothing of it, so it holds no next step.
pub(super) fn says_what_next(a: &Analysed, cx: &DetectorContext) -> bool {
    let ahead = (0..a.tokens.len()).any(|k| {
        let w = a.word(k);
        cx.lists.words.step_ahead.has(w)
            || (w == "let" && matches!(a.word(k + 1), "me" | "us"))
            || (w == "going" && a.word(k + 1) == "to")
            || (matches!(w, "am" | "are") && a.word(k + 1).ends_with("ing"))
    });
    ahead
        || !super::taking::done_on_the_problem(a, cx).is_empty()
        || !super::concepts::instructions(a, cx).is_empty()
        || !super::timed::timed_steps(a, cx).is_empty()
        || !super::step_parties::offered(a, cx).is_empty()
        || !super::step_forms::told_to_do(a, cx).is_empty()
        || !super::step_forms::done_by_speaker(a, cx).is_empty()
        || !super::step_forms::outcome_present(a, cx).is_empty()
}

/// True when the hit at `r` is a manner of speaking, not a step: "I'll be honest", "I'm going to
/// say it straight", "to be completely honest with you" (`@take-not-an-act` within a few words in
/// its clause), "as you will see" (the customer reading on, not something to happen), "where I'm
/// coming from" (a way of putting it).
pub(super) fn manner_of_speaking(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let t = &a.tokens[r.0];
    let near = (r.0..(r.1 + 4).min(a.tokens.len()))
        .take_while(|&j| a.tokens[j].sentence == t.sentence && a.tokens[j].clause == t.clause);
    let manner = near.clone().any(|j| cx.lists.words.take_not_an_act.has(a.word(j)))
        && near.clone().any(|j| matches!(a.word(j), "be" | "say" | "tell" | "put"));
    let before = if r.0 > 0 && a.tokens[r.0 - 1].sentence == t.sentence { a.word(r.0 - 1) } else { "" };
    let aside = (before == "as" && matches!(a.word(r.0), "you" | "u")) || before == "where";
    manner || aside
}

/// True when the hit at `r` is no act of this case: a manner of speaking ([`manner_of_speaking`]),
/// a habit of things in general ([`habitual_passive`]), watch kept or an effort made
/// (`step_parties::keeps_watch`, `does_their_best`), the speaker's act closed by a taunting tag ("I'll just ring them, shall I?": `ironic_tag`), a bare link in a sequence ("after that",
/// "in the meantime") or a frame ("what I'll do is"): a step only when an act of its own goes with
/// it, found by its own part.
pub(super) fn not_an_act(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let link = matches!(r.1 - r.0, 2 | 3)
        && matches!((a.word(r.0), a.word(r.0 + 1)), ("after", "that") | ("in", "the"))
        && matches!(a.word(r.1 - 1), "that" | "meantime");
    // "what I'll do is ...", "here's what we're going to do": a frame; the act after it is the step.
    let s = a.tokens[r.0].sentence;
    let do_at = if a.word(r.1 - 1) == "do" { Some(r.1 - 1) } else { (a.word_in(s, r.1) == "do").then_some(r.1) };
    let is_after = |d: usize| {
        let d = if matches!(a.word_in(s, d + 1), "now" | "then" | "first" | "next") { d + 1 } else { d };
        matches!(a.word_in(s, d + 1), "is" | "s")
    };
    let frame = do_at.is_some_and(is_after) && (r.0.saturating_sub(1)..=r.0).any(|j| a.word_in(s, j) == "what");
    let parties = || {
        use super::step_parties::{does_their_best, ironic_tag, keeps_watch};
        keeps_watch(a, r) || does_their_best(a, r) || ironic_tag(a, r)
    };
    link || frame || manner_of_speaking(a, cx, r) || habitual_passive(a, cx, r) || parties()
}

/// True when the verb at `v` is the act of the commitment at `c`, not of a condition after it:
/// "we'll be in touch when we have news" does nothing but get in touch.
pub(super) fn own_act(a: &Analysed, c: Range, v: usize) -> bool {
    !a.in_condition(v) || a.in_condition(c.0)
}

/// True when the hit at `r` is a present passive said of things in general, not of this case: a
/// bare plural subject with no determiner ("late claims are paid in the next run", "all orders are
/// checked in date order", "visas are issued by the consulate"): how things usually go, as a
/// service level says. Not "your tickets are reissued", "the parts are ordered", "both rooms are
/// booked", "2 seats are held", nor one pinned to a day ("seats are booked for Friday").
pub(super) fn habitual_passive(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let Some(k) = (r.0..(r.0 + 2).min(r.1)).find(|&k| matches!(a.word(k), "are" | "r")) else { return false };
    let s = a.tokens[k].sentence;
    let start = a.sentences[s].start;
    if k == start || a.word_in(s, k + 1).is_empty() || !participle(a, cx, k + 1) {
        return false;
    }
    let subject = a.word(k - 1);
    let plural = subject.len() > 3
        && subject.ends_with('s')
        && !subject.ends_with("ss")
        && !subject.ends_with("us")
        && !matches!(subject, "yours" | "ours" | "theirs" | "hers" | "this" | "thus" | "does" | "goes");
    let clause = a.tokens[k].clause;
    let determined = (start.max(k.saturating_sub(4))..k - 1).any(|j| {
        a.tokens[j].clause == clause
            && (matches!(
                a.word(j),
                "the" | "your" | "ur" | "yr" | "my" | "our" | "his" | "her" | "their" | "these" | "those" | "both"
            ) || a.word(j).chars().any(|c| c.is_ascii_digit()))
    });
    // A day or time, not a span it takes ("within 5 working days", "up to 10 days").
    let pinned = (k..a.sentences[s].end).take_while(|&j| a.tokens[j].clause == clause).any(|j| {
        a.times().day_or_time_at(j).is_some()
            && !matches!(a.word(j), "within" | "in")
            && !matches!(a.word(j - 1), "within" | "in" | "to")
    });
    plural && !determined && !pinned
}

/// True when the hit at `r` is "you will ..." (a passive or customer-side next step).
pub(super) fn you_will(a: &Analysed, r: Range) -> bool {
    a.tokens[r.0].text == "you" && a.tokens.get(r.0 + 1).is_some_and(|t| t.text == "will")
}

#[cfg(test)]
#[path = "steps_tests.rs"]
mod tests;
