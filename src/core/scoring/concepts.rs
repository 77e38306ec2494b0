//! The concept detectors of `docs/labelling.md` that the older detectors did not cover: taking it
//! on, empathy, sending the customer away, commitments at day or time granularity, next steps said
//! actively, passively or as done, a warm hand-over's context, and genuine questions. Each is a rule
//! over the response's tokens, clauses and the matches of its word lists; each returns its evidence.

use super::detectors::{
    DetectorContext, Range, blame_shifting, commitments, find, hedged, in_sentence, specific_time_commitment,
};
use super::steps::{
    backed_passive, concrete_channel, doing_now, done_for_them, done_fragment, expected_outcome, handed_on, in_motion,
    names_whom, not_an_act, vague_promise, you_will,
};
use super::taking::{
    asks, checks_back, done_on_the_problem, firm_actions, passes_on, present_for_future, records_or_hands_on,
};
use super::text::Analysed;
use super::time::Grain;
use super::timed::{in_past_clause, timed_statements, timed_steps, under_condition, waits_on_event};
use super::tone;

/// True when the time at `t` is pinned within a day: a clock time, a part of day, or a few hours
/// from now (see [`Grain`]).
fn within_a_day(a: &Analysed, t: Range) -> bool {
    a.times().day_or_time_at(t.0).is_some_and(|(_, grain)| grain == Grain::Time)
}

/// `specific-time`: a firm commitment pinned within a day.
/// Firm timed statements that are not first-person commitments ("will be with you by 5pm",
/// "engineer booked for Thursday morning") count too (see [`timed_statements`]).
pub fn specific_time(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let found = specific_time_commitment(a, cx);
    let timed = found.iter().any(|r| {
        a.times().time_at(r.0).is_some()
            && within_a_day(a, *r)
            && !hedged_after(a, cx, *r)
            && !in_past_clause(a, cx, *r)
            && !under_condition(a, *r)
            && !waits_on_event(a, cx, *r)
    });
    let mut out = if timed { found } else { Vec::new() };
    for (evidence, _, grain) in timed_statements(a, cx) {
        if grain == Grain::Time {
            out.push(evidence);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// `specific-day`: a firm commitment with at least a day: any specific time, or today / tomorrow,
/// a named day or date, a bounded number of days, or the end of the week. A time already past when
/// the answer is given (`cx.now`) does not count, nor one in a clause telling of the past ("I've
/// put it through today"). Firm timed statements count too (see [`timed_statements`]).
pub fn specific_day(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let timed = specific_time_commitment(a, cx);
    let firm = |r: &Range| {
        !hedged_after(a, cx, *r) && !in_past_clause(a, cx, *r) && !under_condition(a, *r) && !waits_on_event(a, cx, *r)
    };
    if timed.iter().any(|r| a.times().time_at(r.0).is_some() && firm(r)) {
        return timed;
    }
    let mut out: Vec<Range> = timed_statements(a, cx).into_iter().map(|(evidence, _, _)| evidence).collect();
    for c in commitments(a, cx) {
        let sentence = &a.sentences[a.tokens[c.0].sentence];
        let mut i = sentence.start;
        while i < sentence.end {
            let Some(len) = day_at(a, i) else {
                i += 1;
                continue;
            };
            let span = (i, i + len);
            let own = a.tokens[i..i + len].iter().all(|t| !t.quoted && t.negated_by.is_none());
            let near = i + 8 >= c.0 && i <= c.1 + 8;
            let past = cx.now.is_some_and(|now| a.times().read_at(i).is_some_and(|e| !e.holds_at(now, cx.locale)));
            if own && near && !past && !hedged(a, cx, c, Some(span)) && firm(&span) {
                out.push(c);
                out.push(span);
            }
            i += len;
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A day-level or finer time at `i`: "today", "tomorrow", "by the end of the week", "within 14 days",
/// "in 2 to 3 working days", "on 15/12", "the third of March".
fn day_at(a: &Analysed, i: usize) -> Option<usize> {
    a.times().day_or_time_at(i).map(|(len, _)| len)
}

/// "by 4pm, hopefully", "Friday I hope": a hedge right after the time at `t` that ends its clause
/// hedges the time (unlike "at 4pm, hopefully with good news", where it hedges what follows).
pub(super) fn hedged_after(a: &Analysed, cx: &DetectorContext, t: Range) -> bool {
    let Some(next) = a.tokens.get(t.1) else { return false };
    if next.sentence != a.tokens[t.0].sentence {
        return false;
    }
    let clause_end = (t.1..a.tokens.len())
        .find(|&k| a.tokens[k].clause != next.clause || a.tokens[k].sentence != next.sentence)
        .unwrap_or(a.tokens.len());
    find(&cx.lists.hedge, a, cx).iter().any(|h| h.0 == t.1 && h.1 == clause_end)
}

/// `takes-it-on`: the speaker takes the problem on ("leave it with me", "I'll sort this out",
/// "I've raised the correction", "fixing it now"), firmly: a hedged, conditional, negated or
/// reported promise does not count, nor does a question.
pub fn takes_it_on(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let resolve = find(&cx.lists.resolve_verb, a, cx);
    let mut out: Vec<Range> = find(&cx.lists.takes_it_on, a, cx);
    for (i, t) in a.tokens.iter().enumerate() {
        // "let me sort this out" is "I'll sort this out" said as an offer the speaker makes good on.
        let let_me = t.text == "me" && i > 0 && a.tokens[i - 1].text == "let";
        let subject = (matches!(t.text.as_str(), "i" | "we") || let_me) && !t.quoted;
        let sentence = &a.sentences[t.sentence];
        if !subject || asks(a, cx, i) {
            continue;
        }
        let clause_end = (i + 1..sentence.end).find(|&k| a.tokens[k].clause != t.clause).unwrap_or(sentence.end);
        let window = (i + 1)..(i + 5).min(clause_end);
        let Some(verb) = resolve.iter().find(|v| window.contains(&v.0)) else { continue };
        let between = &a.tokens[i + 1..verb.0];
        let weakened = a.in_condition(verb.0)
            || between.iter().any(|w| cx.lists.words.not_taking_it_on.has(&w.text) || w.is_negator());
        // "passed" read as a typo of "paused" is still passing the case on, as is "I've sent your
        // details to the claims team".
        let passing_on = cx.lists.words.passing_on_stem.has(&a.tokens[verb.0].stem) || passes_on(a, cx, verb.1);
        if !weakened && !passing_on && a.tokens[verb.0].negated_by.is_none() {
            out.push((i, verb.1));
        }
    }
    // Without a subject: "fixing it now", "sending a new one now", "will chase them".
    for v in &resolve {
        let sentence = &a.sentences[a.tokens[v.0].sentence];
        let at_start = v.0 == sentence.start || (v.0 == sentence.start + 1 && a.tokens[sentence.start].text == "will");
        if at_start && !sentence.question_mark && a.tokens[v.0].text.ends_with("ing")
            || at_start && v.0 > sentence.start
        {
            out.push(*v);
        }
    }
    out.retain(|r| !hedged(a, cx, *r, None) && a.tokens[r.0..r.1].iter().all(|t| !t.quoted));
    out.extend(firm_actions(a, cx));
    out.extend(done_on_the_problem(a, cx));
    out.extend(checks_back(a, cx));
    out.extend(present_for_future(a, cx));
    out.retain(|r| !records_or_hands_on(a, cx, *r) && !super::taking::not_a_take(a, cx, *r));
    out.sort();
    out.dedup();
    out
}

/// `empathy`: the customer's feelings or the impact on them named ("that must have been maddening",
/// "I know you were relying on that money"); not in a sarcastic sentence.
pub fn empathy(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let sarcasm = find(&cx.lists.sarcasm, a, cx);
    let deflecting = find(&cx.lists.deflecting, a, cx);
    let mut out = find(&cx.lists.empathy, a, cx);
    out.extend(tone::cost_to_customer(a, cx));
    out.extend(super::feeling::named(a, cx));
    out.retain(|r| {
        let sentence = &a.sentences[a.tokens[r.0].sentence];
        // "not fair on my team", "hard for the finance department": about someone else.
        // Not "lost a week to re-keying", "matters for Saturday", "sick to my stomach": only
        // a person or a party after the word ("on them", "for the finance department").
        let about_others =
            matches!(a.word(r.1), "on" | "to" | "for") && for_someone_else(a, cx, r.1 + 1) && a.word(r.0) != "i";
        !sarcasm.iter().any(|s| in_sentence(sentence, s))
            && !deflecting.iter().any(|d| in_sentence(sentence, d))
            && !about_others
            && !super::feeling_forms::set_aside(a, &cx.lists.words, *r)
    });
    out.sort();
    out.dedup();
    out
}

/// True when the words at `k` name someone other than the customer: a person ("them", "my
/// team") or a party (`@referral-elsewhere`, after "the").
fn for_someone_else(a: &Analysed, cx: &DetectorContext, k: usize) -> bool {
    match a.word(k) {
        "me" | "us" | "him" | "her" | "them" | "my" | "our" | "his" | "their" => true,
        "the" => (k + 1..k + 4).any(|j| super::referral::elsewhere(cx, a.word(j))),
        _ => false,
    }
}

/// Clauses that tell the customer to get in touch with someone else: an imperative contact verb
/// whose object is not the speaker ("Ring payroll.", "ask them", "Email Mark in accounts"), but
/// not sending a thing ("Email the photo to the bakery address"), nor a question. The words are
/// `@told-to-contact-verb`, `-sending-verb`, `-own-side` and `-opener`.
fn told_to_contact(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    let clause_starts = (0..a.tokens.len()).filter(|&i| {
        let t = &a.tokens[i];
        !a.sentences[t.sentence].question_mark && (i == 0 || a.tokens[i - 1].clause != t.clause)
    });
    for start in clause_starts {
        let clause = a.tokens[start].clause;
        let Some(at) = (start..a.tokens.len())
            .take_while(|&i| a.tokens[i].clause == clause)
            .find(|&i| !w.told_to_contact_opener.has(&a.tokens[i].text))
        else {
            continue;
        };
        let verb = &a.tokens[at];
        let object = a.tokens.get(at + 1).filter(|t| t.sentence == verb.sentence && t.clause == verb.clause);
        let Some(object) = object else { continue };
        // "ask for me" keeps the speaker; "ask for her" sends the customer to a colleague; "ask
        // for a refund" asks nobody.
        let for_someone = object.text == "for"
            && matches!(a.word_in(verb.sentence, at + 2), "her" | "him" | "them" | "the" | "a" | "your");
        let own_side = w.told_to_contact_own_side.has(&object.text)
            || (matches!(object.text.as_str(), "to" | "for")
                && w.told_to_contact_own_side.has(a.word_in(verb.sentence, at + 2)))
            || (object.text == "for" && !for_someone);
        let sending = w.told_to_contact_sending_verb.has(&verb.text)
            && (at + 1..at + 5).any(|k| a.word_in(verb.sentence, k) == "to");
        if w.told_to_contact_verb.has(&verb.text) && !verb.quoted && verb.negated_by.is_none() && !own_side && !sending
        {
            out.push((at, at + 2));
        }
    }
    out
}

/// A third party's line given to the customer: "complaints are on 0800 ...", "they're on
/// extension 4410" (the number is theirs, and the customer is to use it).
fn their_line(a: &Analysed) -> Vec<Range> {
    let long_number = |t: &super::text::Token| t.text.len() >= 4 && t.text.chars().all(|c| c.is_ascii_digit());
    (1..a.tokens.len().saturating_sub(2))
        .filter(|&i| matches!(a.tokens[i].text.as_str(), "is" | "are") && a.tokens[i + 1].text == "on")
        .filter(|&i| !matches!(a.tokens[i - 1].text.as_str(), "i" | "we" | "number" | "line"))
        .filter(|&i| {
            let next = &a.tokens[i + 2];
            next.sentence == a.tokens[i].sentence
                && (matches!(next.text.as_str(), "extension" | "ext") || long_number(next))
        })
        .filter(|&i| !a.tokens[i].quoted)
        .map(|i| (i - 1, i + 3))
        .collect()
}

/// `sends-away`: the customer told to go and contact someone else themselves.
pub fn sends_away(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = find(&cx.lists.sends_away, a, cx);
    out.extend(told_to_contact(a, cx));
    out.extend(their_line(a));
    out.retain(|r| {
        let next = |k: usize| a.tokens.get(r.1 + k).map_or("", |t| t.text.as_str());
        // "contact me", "call us back": the speaker stays the one to deal with.
        // "I'm going to ring the chair myself": the speaker does the contacting.
        let t = &a.tokens[r.0];
        let sentence = &a.sentences[t.sentence];
        // The nearest person before the words decides: "I'm sorry, you'll need to ring them" sends away.
        let nearest = (sentence.start..r.0).rev().find(|&i| {
            a.tokens[i].clause == t.clause && matches!(a.tokens[i].text.as_str(), "i" | "we" | "let" | "me" | "you")
        });
        let speaker_does_it = t.text != "you" && nearest.is_some_and(|i| a.tokens[i].text != "you");
        // "you should have called the bank", "I rang the depot": told of the past, not an instruction.
        // "do you want to ring the depot, or shall I?": the speaker offers to do it.
        let offered = sentence.question_mark
            && a.tokens[sentence.start..sentence.end].windows(2).any(|w| {
                matches!(
                    (w[0].text.as_str(), w[1].text.as_str()),
                    ("shall" | "should" | "or", "i") | ("want" | "like", "me")
                )
            });
        let past = t.text.ends_with("ed") || matches!(t.text.as_str(), "rang" | "spoke" | "wrote" | "went" | "told");
        // "Thank you for calling the surgery": manners for the call made, not an instruction.
        let thanked = r.0 >= 2
            && a.word(r.0 - 1) == "for"
            && (r.0.saturating_sub(4)..r.0).any(|j| matches!(a.word(j), "thank" | "thanks" | "thx"));
        !speaker_does_it
            && !thanked
            && !past
            && !offered
            && !matches!(next(0), "me" | "us" | "myself" | "back" | "again")
            && !matches!((next(0), next(1)), ("my", _) | ("our", "team" | "number"))
            && !a.tokens[r.0..r.1].iter().any(|t| t.quoted)
            && !super::referral_forms::speaker_keeps_it(a, cx, *r)
            && !(t.text == "get" && super::referral::evidence_for_the_speaker(a, r.0))
    });
    out.extend(super::referral::referrals(a, cx));
    out.extend(super::raising::raised_through_channel(a, cx));
    // "If you're still unhappy after that, the ombudsman is there too": a channel offered under a
    // condition, in an answer where the speaker takes the problem on, is an extra, not a send-away.
    // Not when the condition disputes the speaker's decision ("if you disagree, contact the ombudsman").
    let extra = |r: &Range| under_condition(a, *r) && !super::referral_forms::disputes_decision(a, cx, *r);
    if out.iter().any(extra) && !takes_it_on(a, cx).is_empty() {
        out.retain(|r| !extra(r));
    }
    out.sort();
    out.dedup();
    out
}

/// `next-steps`: what happens next, said actively, passively, as done, or as an instruction with a
/// concrete item or channel; something set in motion said of the thing ("the bag will be
/// delivered", "letter to follow"), an outcome to expect, even softened ("should be with you
/// Friday"), a thing done for the customer ("your refund has been approved"), the case handed on
/// to someone ("I've passed it to Tomasz"), the speaker doing it now ("I'm filling in the form
/// now") or a done thing said without a verb ("£95 refunded today"), a send-away that names whom
/// ("ring HR"). A bare promise to get back in touch is not a step, nor a vague one ("we'll look
/// into it", "you'll hear from us", "I've passed your comments on"), nor a send-away naming no one
/// in particular. A firm timed statement ("engineer booked for Thursday") is one.
pub fn next_steps(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out: Vec<Range> = next_step_parts(a, cx).into_iter().flat_map(|(_, found)| found).collect();
    out.sort();
    out.dedup();
    out
}

/// The parts of [`next_steps`], each named with what found it (for reading errors and evidence):
/// the lists, firm commitments, named send-aways, things set in motion, expected outcomes, things
/// done for the customer, the case handed on, the speaker doing it now, done fragments, concrete
/// instructions, timed steps and the present said for the future ("Today I send the form to
/// Mark"). Quoted words are never a step, nor a manner of speaking ("I'll be honest").
pub fn next_step_parts(a: &Analysed, cx: &DetectorContext) -> Vec<(&'static str, Vec<Range>)> {
    let mut listed = find(&cx.lists.next_step, a, cx);
    listed.extend(find(&cx.lists.next_step_patterns, a, cx));
    listed.retain(|r| {
        let kept =
            if you_will(a, *r) { backed_passive(a, cx, *r) } else { !vague_promise(a, cx, *r) || refined(a, *r) };
        kept && !ordinal_not_sequence(a, cx, *r)
    });
    let contact_only = find(&cx.lists.contact_verb, a, cx);
    let verbs = find(&cx.lists.action_verb, a, cx);
    let committed: Vec<Range> = commitments(a, cx)
        .into_iter()
        .filter(|c| {
            let doing = verbs
                .iter()
                .filter(|v| v.0 >= c.0 && v.0 <= c.1 + 2 && super::steps::own_act(a, *c, v.0))
                .any(|v| !contact_only.iter().any(|k| k.0 <= v.0 && k.1 >= v.1));
            doing && !hedged(a, cx, *c, None) && !vague_promise(a, cx, *c)
        })
        .collect();
    let mut parts = vec![
        ("listed", listed),
        ("commitment", committed),
        ("sent-to-whom", sends_away(a, cx).into_iter().filter(|r| names_whom(a, cx, *r)).collect()),
        ("in-motion", in_motion(a, cx)),
        ("expected-outcome", expected_outcome(a, cx)),
        ("done-for-them", done_for_them(a, cx)),
        ("handed-on", handed_on(a, cx)),
        ("doing-now", doing_now(a, cx)),
        ("done-fragment", done_fragment(a, cx)),
        ("instruction", instructions(a, cx).into_iter().filter(|r| concrete_channel(a, cx, *r)).collect()),
        ("timed", timed_steps(a, cx)),
        ("present-for-future", present_for_future(a, cx)),
        ("offered", super::step_parties::offered(a, cx)),
        ("party-acts", super::step_parties::party_acts(a, cx)),
        ("told-to-do", super::step_forms::told_to_do(a, cx)),
        ("done-by-speaker", super::step_forms::done_by_speaker(a, cx)),
        ("outcome-present", super::step_forms::outcome_present(a, cx)),
        ("can-do", super::step_forms::can_do(a, cx)),
        ("sends-a-thing", super::step_forms::sends_a_thing(a, cx)),
        ("put-through", super::step_turns::put_through(a, cx)),
        ("asks-for-item", super::step_turns::asks_for_item(a, cx)),
        ("done-bare", super::step_forms::done_bare(a, cx)),
        ("outcome-at-time", super::step_forms::outcome_at_time(a, cx)),
    ];
    for (name, found) in &mut parts {
        let done = super::steps::DONE_PARTS.contains(name);
        found.retain(|r| {
            a.tokens[r.0..r.1].iter().all(|t| !t.quoted)
                && !handed_to_no_one(a, cx, *r)
                && !not_an_act(a, cx, *r)
                && !super::step_parties::contact_from_no_one(a, cx, *r)
                && (done || !super::step_parties::put_off(a, *r))
                && (done || !super::step_parties::service_level(a, *r))
        });
    }
    parts.retain(|(_, found)| !found.is_empty());
    parts
}

/// True when a hit opening with "first" ("first of all", "the first thing", "step one") uses it as
/// an ordinal of something else ("the first agent messed up", "first line does the first bit", "in
/// the first place", "first of all that I understand"), not to open a step: a step goes on with
/// the speaker or the customer ("first, I'll ...", "firstly we're ..."), an instruction ("first,
/// send me ...") or a time ("first thing tomorrow").
fn ordinal_not_sequence(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let opens = matches!(a.word(r.0), "first" | "firstly" | "step") || a.word(r.0 + 1) == "first";
    if !opens || a.tokens[r.0].text == "you" {
        return false;
    }
    let s = a.tokens[r.0].sentence;
    let mut k = r.0;
    while matches!(a.word_in(s, k), "the" | "first" | "firstly" | "of" | "all" | "step" | "one" | "thing" | "things") {
        k += 1;
    }
    let next = a.word_in(s, k);
    let goes_on = matches!(next, "i" | "we" | "you" | "u" | "let" | "please" | "pls" | "il" | "ill" | "im")
        || cx.lists.words.step_imperative.has(next)
        || a.times().day_or_time_at(k).is_some();
    !goes_on
}

/// True when the clause of `r` hands the case on to no one in particular ("escalated to the relevant
/// department", "pass ur details 2 the right team"): a verb of handing on (`@step-handed-on-stem`), then
/// "to" / "with" and a vague party (`@step-vague-party`), no time making it concrete.
fn handed_to_no_one(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let w = &cx.lists.words;
    let t = &a.tokens[r.0];
    let clause: Vec<usize> = (r.0..a.tokens.len())
        .take_while(|&j| a.tokens[j].sentence == t.sentence && a.tokens[j].clause == t.clause)
        .collect();
    let Some(v) = clause.iter().position(|&j| w.step_handed_on_stem.has(&a.tokens[j].stem)) else { return false };
    let to_vague = clause[v..].windows(3).any(|x| {
        let right = a.word(x[1]) == "the" && a.word(x[2]) == "right"; // "to the right team"
        let vague = right || x[1..].iter().any(|&j| w.step_vague_party.has(a.word(j)));
        matches!(a.word(x[0]), "to" | "2" | "with") && vague
    });
    to_vague && !refined(a, r)
}

/// A vague step made concrete by a time in its clause ("we'll check it today").
fn refined(a: &Analysed, r: Range) -> bool {
    let clause = a.tokens[r.0].clause;
    (r.0..a.tokens.len()).take_while(|&i| a.tokens[i].clause == clause).any(|i| a.times().day_or_time_at(i).is_some())
}

/// Sentences that instruct the customer: an imperative first word (`@step-imperative`), not a
/// question.
pub(super) fn instructions(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    a.sentences
        .iter()
        .filter(|s| s.end > s.start + 1 && !s.question_mark)
        .filter(|s| {
            let first = &a.tokens[s.start];
            let start = if first.text == "please" || first.text == "just" { s.start + 1 } else { s.start };
            a.tokens.get(start).is_some_and(|t| {
                cx.lists.words.step_imperative.has(&t.text) && !t.quoted && t.sentence == first.sentence
            })
        })
        .map(|s| (s.start, s.end))
        .collect()
}

/// `handover-context`: the case passed on warm: the colleague already has the details, the
/// customer will not repeat themselves, or the colleague is introduced with what was passed on.
pub fn handover_context(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out: Vec<Range> = find(&cx.lists.no_repeat, a, cx);
    out.extend(find(&cx.lists.handover_context, a, cx));
    out.retain(|r| a.tokens[r.0..r.1].iter().all(|t| !t.quoted && t.negated_by.is_none()));
    out
}

/// `genuine-question`: a real question to the customer; rhetorical, sarcastic and accusatory ones
/// ("did you even read the email?", "what can I say?") are not.
pub fn genuine_question(a: &Analysed, cx: &DetectorContext, mut questions: Vec<Range>) -> Vec<Range> {
    let rhetorical = find(&cx.lists.rhetorical, a, cx);
    let blame = blame_shifting(a, cx);
    let any_blame = tone::any_blame(a, cx);
    questions.extend(tone::spoken_questions(a, cx));
    questions
        .into_iter()
        .filter(|q| {
            let s = &a.sentences[a.tokens[q.0].sentence];
            !rhetorical.iter().any(|r| in_sentence(s, r))
                && !blame.iter().any(|b| in_sentence(s, b) && a.tokens[s.start].text == "why")
                && !tone::asks_nothing(a, cx, *q, &any_blame)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::detectors::{DetectorContext, detect};
    use super::super::lists::Lists;
    use super::super::phrase::Names;
    use super::super::text::analyse;
    use super::super::time::Locale;

    fn fires(detector: &str, text: &str, now: Option<&str>, locale: Locale) -> bool {
        let (names, lists) = (Names::default(), Lists::new(&BTreeMap::new()));
        let now = now.map(|n| n.parse().expect("datetime"));
        let cx = DetectorContext::new(&names, &lists, now).with_locale(locale);
        !detect(detector, &analyse(text), &cx).is_empty()
    }

    fn day(text: &str) -> bool {
        fires("specific-day", text, None, Locale::EnGb)
    }

    fn time(text: &str) -> bool {
        fires("specific-time", text, None, Locale::EnGb)
    }

    #[test]
    fn granularity_of_days_and_times() {
        for text in
            ["I'll call you on 15/12.", "I'll ring you the third of March.", "I'll send it in 2 to 3 business days."]
        {
            assert!(day(text) && !time(text), "{text}");
        }
        for text in ["I'll call you at 1030.", "I'll ring you half four.", "I'll call you today at 8:30am."] {
            assert!(day(text) && time(text), "{text}");
        }
        assert_eq!(time("I'll call you today at 8:30am."), time("I'll call you at 8:30am today."));
    }

    #[test]
    fn hedged_past_and_borrowed_times_are_not_promises() {
        for text in [
            "I'll call you by 4pm, hopefully.",
            "I called you last Tuesday.",
            "I told you I'd call by 3pm yesterday.",
            "I'll call you about your 3pm appointment.",
        ] {
            assert!(!day(text) && !time(text), "{text}");
        }
        assert!(time("I'll call you at 4pm, hopefully with good news."));
    }

    /// The rule alone, without the learned layer.
    fn met(detector: &str, text: &str) -> bool {
        super::super::rule_probe::rule_met(detector, text)
    }

    #[test]
    fn verbless_answers_to_when_are_commitments() {
        assert!(met("specific-time", "Friday at 8:15am, before the shop opens."));
        assert!(met("specific-day", "By Wednesday 9 April."));
        assert!(!met("specific-time", "Friday at 8:15am was when it broke, I think."));
    }

    #[test]
    fn lets_and_other_verbs_commit_to_a_time() {
        assert!(met("specific-time", "Let's meet on Tuesday 4 February at 11am."));
        assert!(met("specific-time", "I'll show you the new till tomorrow at 10am."));
        assert!(met("specific-time", "He'll be here today at 4:15."));
        assert!(!met("specific-time", "I told you last week I'd show you the till at 10am today."));
    }

    #[test]
    fn ordinary_words_of_feeling_are_empathy() {
        for yes in [
            "I know you must have had a long night with no power.",
            "Waiting with a full trolley must have felt humiliating.",
            "I know what that deposit meant to you.",
            "Oh no, that sounds really stressful.",
            "I know every day without the van puts your rounds back.",
        ] {
            assert!(met("empathy", yes), "{yes}");
        }
        assert!(!met("empathy", "The parcel is at the depot."));
    }

    #[test]
    fn sending_for_a_tradesperson_is_sending_away() {
        assert!(met("sends-away", "You'll have to get a plumber in yourself."));
        assert!(!met("sends-away", "I'll get a plumber out to you tomorrow."));
    }

    #[test]
    fn told_to_get_in_touch_with_someone_else_is_sending_away() {
        for yes in [
            "Ring payroll.",
            "not my dept m8, ask them",
            "So just email the lettings manager, she decides.",
            "You would have to check with your card provider, we cannot see that.",
            "Best if you ping the network lot directly.",
            "The returns desk is on 01632 448 120.",
            "Her direct line is 0207 946 0011.",
            "Have you tried ringing the council?",
            "um sorry about that um have you tried ringing the tenancy team",
            "Kindly direct your enquiry to the warranty office.",
        ] {
            assert!(met("sends-away", yes), "{yes}");
        }
        for no in [
            "Call me on 0207 946 0011 if it happens again.",
            "Email the receipt to me and I'll check it today.",
            "Ring back any time, I'm on until six.",
            "Ask me anything you like about the bill.",
            "Do you want me to come over and go through the orders with you?",
            "My number is 0207 946 0011.",
            "Your appointment is on Friday at 10.",
            "I'll call the depot myself and ring you at 3.",
        ] {
            assert!(!met("sends-away", no), "{no}");
        }
    }

    #[test]
    fn past_dates_depend_on_now_and_the_locale() {
        let now = Some("2024-03-20T09:00:00");
        assert!(fires("specific-day", "I'll call you on 03/04/2024.", now, Locale::EnGb));
        assert!(!fires("specific-day", "I'll call you on 03/04/2024.", now, Locale::EnUs));
        assert!(!fires("specific-day", "I'll call you in 2019.", now, Locale::EnGb));
    }
}
