//! Next steps read from how they are put rather than from a listed phrase (`docs/labelling.md`,
//! `next-steps`): an instruction to the customer behind a modal or a condition ("you'll need to
//! send the jacket back", "if it runs out just ring 111"), an act of the speaker's already done
//! that sets something moving ("I refunded you this morning", "I've let the depot know"), an
//! outcome the customer will see said in the present ("it lands in 3-5 days", "a text comes through
//! when the engineer's on the way"), what the speaker can do at a stated time ("I can get that sent
//! out today") and a thing the speaker will send ("I'll send you the label").

use super::detectors::{DetectorContext, Range, find, hedged};
use super::text::Analysed;

/// Words that may open an instruction's clause before its verb ("so just ring ...", "then pop ...").
const OPENERS: &[&str] = &["just", "please", "pls", "then", "so", "and", "simply", "do"];

/// Verbs of handing something over: with an object of their own ("send the jacket back", "bring
/// it in") the instruction is concrete whatever the thing is.
const HANDING: &[&str] = &["send", "return", "post", "bring", "drop", "pop", "upload", "attach", "forward", "hand"];

/// Verbs of getting in touch: followed by a number ("ring 111", "call 999") the number is the channel.
const CONTACTING: &[&str] = &["ring", "call", "phone", "text", "dial", "try"];

/// Instructions to the customer not opening their sentence: behind "you'll need to", "you have
/// to", "you must", "you can", "you should" ("you'll need to send the jacket back first", "u can
/// pop in with the receipt"), or opening the clause after a condition ("if u run out just ring
/// 111", "if it hasn't come by Friday, email the order number to me"). Concrete only: a channel or
/// item in the sentence (`@step-channel`, `@step-item`), a number after a contact verb, or a thing
/// handed over. Not the customer's past ("you should have sent it"), negated, asked or quoted.
pub(super) fn told_to_do(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for k in 1..a.tokens.len() {
        if !w.step_imperative.has(a.word(k)) || !a.asserted_at(k) || a.in_condition(k) {
            continue;
        }
        let s = a.tokens[k].sentence;
        let mut b = k;
        while b > a.sentences[s].start && OPENERS.contains(&a.word(b - 1)) {
            b -= 1;
        }
        let Some(start) = framed_by_you(a, s, b).or_else(|| after_condition(a, s, b)) else { continue };
        let negated = a.tokens[start..=k].iter().any(|t| t.negated_by.is_some() || t.is_negator());
        if negated || a.tokens[start..=k].iter().any(|t| t.quoted) {
            continue;
        }
        let number_next = CONTACTING.contains(&a.word(k))
            && a.word_in(s, k + 1).len() >= 3
            && a.word_in(s, k + 1).bytes().all(|c| c.is_ascii_digit());
        let handed = HANDING.contains(&a.word(k)) && handed_thing(a, cx, s, k + 1);
        if number_next || handed || super::steps::concrete_channel(a, cx, (k, k + 1)) {
            out.push((start, k + 1));
        }
    }
    out
}

/// The start of "you('ll) need to / have to / must / can / should / could" right before `b`
/// in sentence `s`, if there is one.
fn framed_by_you(a: &Analysed, s: usize, b: usize) -> Option<usize> {
    let at = |i: usize| if i < a.sentences[s].start { "" } else { a.word_in(s, i) };
    let you = |i: usize| matches!(at(i), "you" | "u" | "ya");
    let modal = |i: usize| matches!(at(i), "must" | "can" | "could" | "should" | "shd" | "cd" | "may");
    if b >= 2 && modal(b - 1) && you(b - 2) {
        return Some(b - 2);
    }
    // "you need to", "you'll need to", "you'll have to", "you would want to", "you've got to".
    if b >= 3 && matches!(at(b - 1), "to" | "2") && matches!(at(b - 2), "need" | "have" | "got" | "want") {
        let subject = (b.saturating_sub(5)..b - 2).rev().find(|&i| you(i))?;
        let between =
            (subject + 1..b - 2).all(|i| matches!(at(i), "will" | "would" | "have" | "just" | "may" | "might"));
        return between.then_some(subject);
    }
    None
}

/// `b` when it opens the main clause after a condition in its sentence ("if u run out just ring
/// 111"), else None.
fn after_condition(a: &Analysed, s: usize, b: usize) -> Option<usize> {
    (b > a.sentences[s].start && a.in_condition(b - 1) && !a.in_condition(b)).then_some(b)
}

/// True when a thing of the customer's follows a verb of handing over at `k`: "the jacket", "it
/// back", "your old card"; not feedback ("send us your comments") nor a person.
fn handed_thing(a: &Analysed, cx: &DetectorContext, s: usize, k: usize) -> bool {
    let mut j = k;
    while matches!(a.word_in(s, j), "us" | "me" | "it" | "them" | "in" | "back" | "the" | "your" | "ur" | "a" | "an") {
        if matches!(a.word_in(s, j), "it" | "them") && matches!(a.word_in(s, j + 1), "back" | "in" | "to" | "") {
            return true;
        }
        j += 1;
    }
    let noun = a.word_in(s, j);
    j > k && !noun.is_empty() && !cx.lists.words.step_feedback.has(noun) && noun.chars().all(char::is_alphabetic)
}

/// An act of the speaker's already done that sets something moving: "I refunded you this
/// morning", "we've rebooked the fitter", "I've bumped ur ticket 2 priority", "I've let the depot
/// know", "Engineer's been asked to call you". A verb of a thing done for the customer
/// (`@step-done-for-them`, `@step-done-participle`) after "I" / "we" (with or without "have"),
/// something after it in its clause, and no earlier day in the clause ("yesterday", "last week":
/// told as history), no failure ("to the wrong address"), not negated, asked or conditioned.
pub(super) fn done_by_speaker(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let asked = matches!(a.word(k), "asked" | "told") && a.word(k.wrapping_sub(1)) == "been";
        if !matches!(a.word(k), "i" | "we") && !asked || !a.asserted_at(k) || a.tokens[k].retold {
            continue;
        }
        let s = a.tokens[k].sentence;
        let (v, end) = if asked {
            // "the engineer has been asked to call you": someone now has the job.
            if a.word_in(s, k + 1) != "to" || matches!(a.word(k.wrapping_sub(3)), "i" | "we" | "you") {
                continue;
            }
            (k, k + 3)
        } else {
            let mut v = k + 1;
            while matches!(a.word_in(s, v), "have" | "just" | "already" | "now" | "also" | "personally") {
                v += 1;
            }
            let verb = a.word_in(s, v);
            let set_moving = w.step_done_for_them.has(verb)
                || w.step_done_participle.has(verb)
                || matches!(verb, "bumped" | "pushed" | "extended" | "prioritised" | "expedited")
                || (verb == "let" && (v + 2..v + 5).any(|j| a.word_in(s, j) == "know") && !you_next(a, s, v + 1));
            if !set_moving || a.word_in(s, v + 1).is_empty() {
                continue;
            }
            (k, v + 2)
        };
        let clause = a.tokens[k].clause;
        let in_clause: Vec<usize> =
            (a.sentences[s].start..a.sentences[s].end).filter(|&j| a.tokens[j].clause == clause).collect();
        let history =
            in_clause.iter().any(|&j| matches!(a.word(j), "yesterday" | "last" | "ago" | "earlier" | "previously"));
        // "I've added a note": a record of the case, not a thing set moving.
        let record = in_clause.iter().any(|&j| matches!(a.word(j), "note" | "notes" | "comment" | "comments"));
        let failed = in_clause.iter().any(|&j| w.timed_failure.has(a.word(j)));
        let negated = a.tokens[v..end.min(a.tokens.len())].iter().any(|t| t.negated_by.is_some() || t.is_negator());
        if !history && !failed && !record && !negated && !a.in_condition(v) && !hedged(a, cx, (k, end), None) {
            out.push((k, end.min(a.tokens.len())));
        }
    }
    out
}

/// Words that may open a sentence before a done act told without its subject ("so, rebooked ...").
const BARE_OPENERS: &[&str] = &["so", "ok", "okay", "right", "just", "and", "also", "now", "all", "already"];

/// An act of the speaker's told without its subject, opening a sentence: "Refunded the £34.99
/// today.", "moved u to rm 004 grnd floor", "Reissued today on your account", "Switched you to the
/// ground-floor room". A past participle of a thing done for the customer (`@step-done-for-them`,
/// `@step-done-participle`, or one of `@done-on-problem` ending in "-ed"), something after it in its
/// clause, not "by" someone (a report: "cancelled by the contractor"), no earlier day in the clause
/// ("yesterday", "last week": told as history), no failure ("to the wrong address"), not asked,
/// negated, quoted or conditioned.
pub(super) fn done_bare(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for s in a.sentences.iter().filter(|s| !s.question_mark) {
        let mut p = s.start;
        while p < s.end && BARE_OPENERS.contains(&a.word(p)) {
            p += 1;
        }
        if p >= s.end || !a.asserted_at(p) || a.in_condition(p) || a.tokens[p].retold {
            continue;
        }
        let verb = a.word(p);
        let done = w.step_done_for_them.has(verb)
            || w.step_done_participle.has(verb)
            || (w.done_on_problem.has(verb) && verb.ends_with("ed"));
        let rest: Vec<usize> = (p + 1..s.end).filter(|&j| a.tokens[j].clause == a.tokens[p].clause).collect();
        if !done || rest.first().is_none_or(|&j| a.word(j) == "by") {
            continue;
        }
        let history =
            rest.iter().any(|&j| matches!(a.word(j), "yesterday" | "last" | "ago" | "earlier" | "previously"));
        let failed = rest.iter().any(|&j| w.timed_failure.has(a.word(j)));
        let negated = a.tokens[p..=rest[0]].iter().any(|t| t.negated_by.is_some() || t.is_negator());
        if !history && !failed && !negated && !a.tokens[p].quoted {
            out.push((p, rest[0] + 1));
        }
    }
    out.extend(outcome_done(a, cx));
    out
}

/// "Refund's done", "the replacement is sorted", "ur credit's through": a thing of value
/// (`@step-outcome-noun`) said to be done, not negated, asked or conditioned.
fn outcome_done(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for j in 0..a.tokens.len() {
        let t = &a.tokens[j];
        if !cx.lists.words.step_outcome_noun.has(&t.text) || !a.asserted_at(j) || a.in_condition(j) || t.retold {
            continue;
        }
        let mut p = j + 1;
        if !t.possessive {
            if !matches!(a.word_in(t.sentence, p), "is" | "has") {
                continue;
            }
            p += 1;
        }
        while matches!(a.word_in(t.sentence, p), "been" | "now" | "all" | "just" | "already") {
            p += 1;
        }
        let negated = a.tokens[j..=p.min(a.tokens.len() - 1)].iter().any(|x| x.negated_by.is_some() || x.is_negator());
        if matches!(a.word_in(t.sentence, p), "done" | "sorted" | "through") && !negated {
            out.push((j, p + 1));
        }
    }
    out
}

/// True when "you" / "u" follows at `j` ("I've let you know": told, nothing set moving).
fn you_next(a: &Analysed, s: usize, j: usize) -> bool {
    matches!(a.word_in(s, j), "you" | "u" | "ya")
}

/// Verbs of an outcome reaching the customer, in the present ("it lands", "a text comes through").
const OUTCOME_PRESENT: &[&str] = &["lands", "arrives", "comes", "goes", "reaches", "shows", "appears", "clears"];

/// An outcome the customer will see, said in the present with what pins it ahead: "it lands in
/// 3-5 days", "a text comes through when the engineer's on the way", "the money reaches you
/// Friday", and "will come" with where it comes ("the new date will come in the post"). Not of a
/// person ("I come", "he goes"), a habit ("usually lands") or put off (see `step_parties`), not
/// negated, asked or conditioned.
pub(super) fn outcome_present(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for k in 1..a.tokens.len() {
        let s = a.tokens[k].sentence;
        let word = a.word(k);
        // "the new date will come in the post"; not "I'll come back to you" (a person).
        let will_come = word == "come"
            && matches!(a.word_in(s, k - 1), "will" | "should")
            && !matches!(a.word_in(s, k.wrapping_sub(2)), "i" | "we" | "you" | "u" | "he" | "she" | "they" | "someone");
        if !(OUTCOME_PRESENT.contains(&word) || will_come) || !a.asserted_at(k) || a.in_condition(k) {
            continue;
        }
        let prev = a.word_in(s, k - 1);
        if matches!(prev, "i" | "we" | "you" | "u" | "he" | "she" | "they" | "who" | "that" | "what" | "") {
            continue;
        }
        let next = a.word_in(s, k + 1);
        let clause = a.tokens[k].clause;
        let ahead = (k + 1..a.sentences[s].end).filter(|&j| a.tokens[j].clause == clause || a.opens_condition(j));
        let timed = ahead.clone().any(|j| a.times().day_or_time_at(j).is_some());
        // "when the driver's ten minutes away", "as soon as it clears"; not "shows as delivered".
        let soon = |j: usize| a.word(j) == "as" && a.word(j + 1) == "soon";
        let when = ahead.clone().any(|j| (matches!(a.word(j), "when" | "once") || soon(j)) && j <= k + 4);
        let particle = matches!(next, "through" | "back" | "in" | "out" | "to" | "with");
        // "it'll come through" says nothing of when or how; "the new date will come in the post" does.
        let thing = !matches!(a.word_in(s, k.wrapping_sub(2)), "it" | "that" | "this" | "they");
        let moving = if will_come {
            particle && (thing || timed)
        } else {
            timed || (when && (particle || !matches!(word, "comes" | "goes")))
        };
        let negated = a.tokens[k].negated_by.is_some() || (k >= 2 && a.tokens[k - 2].is_negator());
        if moving && !negated && !hedged(a, cx, (k - 1, k + 1), None) && !a.tokens[k].quoted {
            out.push((k - 1, k + 1));
        }
    }
    out
}

/// What the speaker can do, said with when: "I can get that sent out today", "we can swap it
/// now", "I can book the fitter for Friday". "I" / "we" "can" (not "could", a possibility) and a
/// verb of doing (`@action-verb`) that is not only contact nor vague (`steps::vague_promise`,
/// except "get" with a participle), with a day, a time or "now" in its clause. Not asked,
/// hedged, negated or conditioned ("if it's under 50 I can ...").
pub(super) fn can_do(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let verbs = find(&cx.lists.action_verb, a, cx);
    let contact = find(&cx.lists.contact_verb, a, cx);
    let mut out = Vec::new();
    for k in 1..a.tokens.len() {
        if a.word(k) != "can" || !matches!(a.word(k - 1), "i" | "we") || !a.asserted_at(k) || a.in_condition(k) {
            continue;
        }
        let s = a.tokens[k].sentence;
        let mut v = k + 1;
        while matches!(a.word_in(s, v), "just" | "also" | "now" | "definitely" | "personally") {
            v += 1;
        }
        let Some(verb) = verbs.iter().find(|r| r.0 == v) else { continue };
        // "I can now confirm that ...", "I can see it's at Leeds": telling, not doing.
        if matches!(a.word(v), "confirm" | "see" | "tell" | "say" | "let" | "assure" | "hear" | "give") {
            continue;
        }
        let only_contact = contact.iter().any(|c| c.0 == v) && matches!(a.word_in(s, verb.1), "you" | "u");
        let got_done = a.word(v) == "get" && (v + 1..v + 4).any(|j| super::steps::participle(a, cx, j));
        let vague = super::steps::vague_promise(a, cx, (v, verb.1)) && !got_done;
        let clause = a.tokens[k].clause;
        let when =
            (a.sentences[s].start..a.sentences[s].end).filter(|&j| a.tokens[j].clause == clause && j >= v).any(|j| {
                a.times().day_or_time_at(j).is_some() || matches!(a.word(j), "now" | "today" | "tonight" | "tomorrow")
            });
        let negated = a.tokens[k..=v].iter().any(|t| t.negated_by.is_some() || t.is_negator());
        if when && !only_contact && !vague && !negated && !hedged(a, cx, (k - 1, verb.1), None) {
            out.push((k - 1, verb.1));
        }
    }
    out
}

/// True when `w` names a month that pins an outcome ahead ("it'll be in December", "by sept"):
/// any name or short form the time grammar knows, but "may" (a modal) and "mar" (a verb).
fn month_word(w: &str) -> bool {
    super::time::month_number(w).is_some() && !matches!(w, "may" | "mar")
}

/// An outcome put at a time ahead with where it lands: "it'll be in December's pay", "itll b in
/// fri's pay", "your crown should be ready next week", "it'll just have to roll into next month",
/// "the money will go back on your card Friday". A modal of expectation (`@step-expect-modal`),
/// then "be" / "go" / "come" / "roll" with "in", "into", "back", "ready" or "on", and a day, a time, a
/// month or "next week / month" in its clause. Softened is still expected ("should hopefully");
/// not of a person ("I'll be in on Monday", "he'll be back Friday"), negated, asked, quoted or
/// conditioned.
pub(super) fn outcome_at_time(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for k in 1..a.tokens.len() {
        if !cx.lists.words.step_expect_modal.has(a.word(k)) || !a.asserted_at(k) || a.in_condition(k) {
            continue;
        }
        let s = a.tokens[k].sentence;
        let person = ["i", "we", "you", "u", "he", "she", "they", "someone", "somebody", "who", "that", "there"];
        if person.contains(&a.word_in(s, k - 1)) || a.tokens[k].retold || a.tokens[k].quoted {
            continue;
        }
        let mut v = k + 1;
        while matches!(a.word_in(s, v), "just" | "have" | "to" | "hopefully" | "probably" | "definitely" | "then") {
            v += 1;
        }
        let lands = matches!(a.word_in(s, v), "be" | "b" | "go" | "come" | "roll")
            && matches!(a.word_in(s, v + 1), "in" | "into" | "back" | "ready" | "on");
        let clause = a.tokens[k].clause;
        let timed = (v + 1..a.sentences[s].end).filter(|&j| a.tokens[j].clause == clause).any(|j| {
            a.times().day_or_time_at(j).is_some()
                || month_word(a.word(j))
                || (a.word(j) == "next" && matches!(a.word(j + 1), "week" | "month" | "run" | "payroll"))
        });
        let negated = a.tokens[k..(v + 2).min(a.tokens.len())].iter().any(|t| t.negated_by.is_some() || t.is_negator());
        if lands && timed && !negated {
            out.push((k - 1, v + 2));
        }
    }
    out
}

/// Verbs of sending the customer something.
const SENDING: &[&str] =
    &["send", "email", "post", "text", "txt", "message", "courier", "sending", "emailing", "posting"];

/// A thing the speaker will send the customer: "I'll send you the confirmation before tonight",
/// "will email u the returns label", "I'm posting a new one out today", "let me text you the link".
/// A verb of sending after "will", "going to", "let me" or "I am", then a thing (`@step-outcome-noun`,
/// `@step-item`, "a new one", "a replacement"), not only contact ("I'll send you an update", "I'll
/// text you"). Not asked, hedged, negated or conditioned.
pub(super) fn sends_a_thing(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for v in 1..a.tokens.len() {
        if !SENDING.contains(&a.word(v)) || !a.asserted_at(v) || a.in_condition(v) {
            continue;
        }
        let s = a.tokens[v].sentence;
        let before: Vec<usize> = (v.saturating_sub(8)..v).filter(|&j| a.tokens[j].sentence == s).collect();
        // The nearest marker of the speaker's future ("I'll get it signed off and send you ...").
        let future = before.iter().rev().copied().find(|&j| {
            matches!(a.word(j), "will" | "wil" | "shall")
                || (a.word(j) == "going" && a.word(j + 1) == "to")
                || (a.word(j) == "let" && a.word(j + 1) == "me")
                || (a.word(j) == "am" && j + 1 == v)
        });
        let Some(future) = future else { continue };
        // Someone else's sending ("you'll send the form", "they will post it").
        let by_other =
            (future.saturating_sub(1)..v).any(|j| matches!(a.word(j), "you" | "u" | "he" | "she" | "they" | "someone"));
        let mut j = v + 1;
        while matches!(
            a.word_in(s, j),
            "you" | "u" | "over" | "out" | "across" | "the" | "a" | "an" | "your" | "ur" | "new" | "fresh"
        ) {
            j += 1;
        }
        // The thing, or the word after one modifier ("the returns label").
        let concrete = (j..j + 2).any(|n| {
            let thing = a.word_in(s, n);
            (w.step_outcome_noun.has(thing)
                || w.step_item.has(thing)
                || matches!(thing, "one" | "label" | "form" | "code"))
                && !w.step_contact_only.has(thing)
        });
        let start = future;
        let negated = a.tokens[start..=v].iter().any(|t| t.negated_by.is_some() || t.is_negator());
        if !by_other && concrete && j > v + 1 && !negated && !hedged(a, cx, (start, j + 1), None) {
            out.push((start, j + 1));
        }
    }
    out
}

#[cfg(test)]
#[path = "step_forms_tests.rs"]
mod tests;
