//! Firm timed statements that are not "I will ...": an outcome or arrangement pinned to a time
//! ("the refund will be with you by Friday", "engineer booked for Thursday morning", "chair at
//! your desk by 3", "new check starts tomorrow"), read from the tense of the clause the time sits
//! in. `specific-day`, `specific-time` and `next-steps` count them as well as first-person
//! commitments; the older `specific-time-commitment` detector does not.

use super::detectors::{DetectorContext, Range, find, hedged};
use super::text::{Analysed, Token};
use super::time::Grain;
use super::word_sets::WordSets;

/// How far back from a time its clause is read for a tense (in tokens).
const TENSE_REACH: usize = 12;

/// The tense a time's clause is in, as far as a firm timed statement needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    /// Still to come: a modal of will, an arrangement, an outcome on its way.
    Future,
    /// Already done or said.
    Past,
    /// Left open by a modal ("should be there Thursday").
    Open,
    /// The customer's part ("photo needed by 6").
    Customer,
    /// Nothing says (a verbless fragment, a present tense).
    Unmarked,
}

/// Past forms: -ed words and irregular participles.
fn done_word(ws: &WordSets, w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed") && !ws.timed_not_past_ed.has(w)) || ws.timed_done_participle.has(w)
}

/// The tense of the clause a time at `t` sits in, read backwards from the time: the nearest word
/// that marks one decides; a done word decides only if nothing nearer the start of the clause
/// does, and then as past unless the time is a deadline ("job done by 3").
fn tense_before(a: &Analysed, ws: &WordSets, t: Range) -> (Tense, usize) {
    let first = &a.tokens[t.0];
    let deadline = ws.timed_deadline.has(&first.text);
    let mut done = false;
    let stop = t.0.saturating_sub(TENSE_REACH);
    for k in (stop..t.0).rev() {
        let token = &a.tokens[k];
        if token.sentence != first.sentence || token.clause != first.clause {
            break;
        }
        let w = token.text.as_str();
        let before = k.checked_sub(1).map_or("", |p| a.tokens[p].text.as_str());
        if ws.timed_arranged.has(w) {
            // "we're fully booked on Tuesday" is a state; "we've made a mistake and booked someone
            // else into your Tuesday" admits a past failure: neither arranges anything to come.
            let state = matches!(before, "fully" | "all")
                || (w == "booked" && a.tokens.get(k + 1).is_some_and(|n| n.text == "up"));
            let failure =
                (stop..k).any(|j| a.tokens[j].clause == first.clause && ws.timed_failure.has(&a.tokens[j].text));
            let past = matches!(before, "was" | "were") || state || failure;
            return (if past { Tense::Past } else { Tense::Future }, k);
        }
        if matches!(before, "is" | "are" | "am") && ws.timed_state.has(w) {
            // "Dr Patel's diary is full on Tuesday": how things stand that day, not a promise.
            return (Tense::Past, k);
        }
        let open_modal = |k: usize| (k.saturating_sub(2)..k).any(|j| ws.timed_open.has(&a.tokens[j].text));
        if ws.timed_future.has(w) || (w == "going" && a.tokens.get(k + 1).is_some_and(|n| n.text == "to")) {
            return (if open_modal(k) { Tense::Open } else { Tense::Future }, k);
        }
        let opens = k == a.sentences[first.sentence].start
            && a.tokens.get(k + 1).is_some_and(|n| ws.timed_object_start.has(&n.text));
        if w.ends_with("ing")
            && !ws.timed_not_verb_ing.has(w)
            && (opens || matches!(before, "am" | "is" | "are" | "i" | "we"))
        {
            return (Tense::Future, k);
        }
        if ws.timed_customer_need.has(w) || (matches!(w, "you" | "u") && ws.timed_asking_you.has(before)) {
            return (Tense::Customer, k);
        }
        if ws.timed_past.has(w) || ws.timed_simple_past.has(w) {
            return (Tense::Past, k);
        }
        if ws.timed_open.has(w) {
            return (Tense::Open, k);
        }
        done |= done_word(ws, w);
    }
    let tense = match (done, deadline) {
        (true, true) => Tense::Future,
        (true, false) => Tense::Past,
        _ => Tense::Unmarked,
    };
    (tense, t.0)
}

/// True when the time at `t` is in a clause that tells of the past ("released this morning",
/// "I said Monday"): no promise, whatever the words around it.
pub(super) fn in_past_clause(a: &Analysed, cx: &DetectorContext, t: Range) -> bool {
    tense_before(a, &cx.lists.words, t).0 == Tense::Past
}

/// A time that points forward without a verb to say so: a deadline or day preposition, a day
/// that can only be ahead ("Friday", "tomorrow"), or today with a clock ("today before 4").
fn points_forward(a: &Analysed, ws: &WordSets, t: Range) -> bool {
    let words = || a.tokens[t.0..t.1].iter().map(|w| w.text.as_str());
    ws.timed_forward.has(&a.tokens[t.0].text)
        || words().any(|w| super::time::WEEKDAYS.contains(&w) || matches!(w, "tomorrow" | "tonight"))
        || (t.1 - t.0 > 1 && words().any(|w| w == "today"))
}

/// True when the rest of the time's clause tells of the past or negates ("on Monday I had
/// nothing", "within 72 hours cannot be guaranteed", "on 12 November you reported it", "on the
/// evening in question we experienced high demand").
fn past_or_negated_after(a: &Analysed, ws: &WordSets, t: Range) -> bool {
    let first = &a.tokens[t.0];
    let rest: Vec<&Token> =
        a.tokens[t.1..].iter().take_while(|w| w.sentence == first.sentence && w.clause == first.clause).collect();
    let told_done = rest.windows(2).any(|p| {
        matches!(p[0].text.as_str(), "i" | "we" | "you" | "u" | "he" | "she" | "they") && done_word(ws, &p[1].text)
    });
    told_done
        || rest.iter().any(|w| {
            ws.timed_past.has(&w.text) || ws.timed_simple_past.has(&w.text) || w.is_negator() || w.negated_by.is_some()
        })
}

/// True when the clause of the time at `t` tells how things usually go ("bags normally arrive
/// within 48hrs", "Saturday evenings are usually our busiest"): a habit, not a promise.
fn habitual(a: &Analysed, ws: &WordSets, t: Range) -> bool {
    let first = &a.tokens[t.0];
    let sentence = &a.sentences[first.sentence];
    (sentence.start..sentence.end).any(|k| a.tokens[k].clause == first.clause && ws.timed_habitual.has(a.word(k)))
}

/// Opening hours and other spans of weekdays ("Monday to Friday, 9am to 5pm") say when something
/// is open, not when anything will be done; a possessive day names a thing ("Monday's delivery").
fn belongs_to_something_else(a: &Analysed, t: Range) -> bool {
    let span = &a.tokens[t.0..t.1];
    let weekdays = span.iter().filter(|w| super::time::WEEKDAYS.contains(&w.text.as_str())).count();
    // "your Tuesday 9am", "his 3pm": a time owned is an appointment named, not a time promised.
    let owned = t.0 > 0
        && a.tokens[t.0 - 1].sentence == span[0].sentence
        && matches!(a.tokens[t.0 - 1].text.as_str(), "your" | "ur" | "my" | "his" | "her" | "their" | "our");
    // "my email of Friday", "the events of Saturday": a thing named by its day; not "the end of Friday".
    let of_at = if span[0].text == "of" { t.0 + 1 } else { t.0 };
    let of_thing = of_at > 1
        && a.tokens[of_at - 1].text == "of"
        && a.tokens[of_at - 2].sentence == span[0].sentence
        && !matches!(
            a.tokens[of_at - 2].text.as_str(),
            "end" | "close" | "start" | "beginning" | "middle" | "morning" | "afternoon" | "evening" | "rest"
        );
    weekdays >= 2 || span.last().is_some_and(|w| w.possessive) || owned || of_thing
}

/// True when a condition on something happening follows in the sentence of `r` ("we'll let you
/// know if anything comes up", "unless there's a cancellation"): the promise waits on an event.
pub(super) fn waits_on_event(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let s = &a.sentences[a.tokens[r.0].sentence];
    (s.start..s.end).any(|k| {
        a.opens_condition(k)
            && matches!(a.tokens[k].text.as_str(), "if" | "unless")
            && (k == s.start || a.tokens[k - 1].text != "even")
            && a.tokens.get(k + 1).is_some_and(|n| cx.lists.words.timed_event.has(&n.text))
    })
}

/// True when the time or promise at `r` waits on a condition (the text analysis's mark): it lies in
/// a condition clause ("if it's not there by noon"), or its sentence opens with one ("If you send
/// the photo today, I'll ring you tomorrow at five": `docs/labelling.md` calls a conditional time
/// no specific commitment). A "once" / "when" / "until" clause times the promise rather than
/// conditions it ("I'll ring you at 2pm once it's signed", "Once I know, I'll message you by 1"),
/// and an asking clause is no condition ("could you tell me whether Thursday morning suits?").
pub(super) fn under_condition(a: &Analysed, r: Range) -> bool {
    let conditions =
        |k: usize| a.tokens[k].condition.is_some_and(|o| !matches!(a.word(o), "whether" | "once" | "when" | "until"));
    let s = &a.sentences[a.tokens[r.0].sentence];
    conditions(r.0) || conditions(s.start) || (s.start + 1 < s.end && conditions(s.start + 1))
}

/// A question that offers a time ("1:1 at 10 Monday?", "can I ring you at 4?") rather than asks
/// for one ("when suits you?") or echoes one ("Nine o'clock?").
fn offers_in_question(a: &Analysed, ws: &WordSets, t: Range) -> bool {
    let s = &a.sentences[a.tokens[t.0].sentence];
    let clause = a.tokens[t.0].clause;
    let asking = ws.timed_asking.has(&a.tokens[s.start].text)
        || a.tokens[s.start..s.end].iter().any(|w| w.clause == clause && ws.timed_asking.has(&w.text));
    let echo = (s.end - s.start) <= (t.1 - t.0) + 1;
    !asking && !echo
}

/// True when every word of the time is the speaker's own, new and unnegated.
fn own_words(tokens: &[Token]) -> bool {
    tokens.iter().all(Token::is_own_word)
}

/// Firm timed statements: each as its evidence (from the word that gave the clause its tense, or
/// the time alone, to the end of the time), the time, and the time's grain. A time counts when it is the speaker's own, still to come, in a clause that is
/// future ("will be with the university by 5"), an arrangement ("booked for Thursday") or a
/// verbless fragment pointing forward ("Engineer Thursday.", "chair at your desk by 3"); not past,
/// not left open by a modal, not hedged or conditional, not undone by a vague word, not "until 6".
pub(super) fn timed_statements(a: &Analysed, cx: &DetectorContext) -> Vec<(Range, Range, Grain)> {
    timed(a, cx, false)
}

/// Timed steps for `next-steps`: the firm timed statements, and also deadlines the customer is
/// given ("photo needed by 6 today"), which tell them concretely what happens next.
pub(super) fn timed_steps(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    timed(a, cx, true).into_iter().map(|(evidence, _, _)| evidence).collect()
}

/// The firm timed statements, with the customer's deadlines when `customer_part` is set.
fn timed(a: &Analysed, cx: &DetectorContext, customer_part: bool) -> Vec<(Range, Range, Grain)> {
    let vague = find(&cx.lists.vague_time, a, cx);
    let ws = &cx.lists.words;
    let mut out = Vec::new();
    let mut i = 0;
    while i < a.tokens.len() {
        let Some((len, grain)) = a.times().day_or_time_at(i) else {
            i += 1;
            continue;
        };
        let t = (i, i + len);
        i += len;
        let span = &a.tokens[t.0..t.1];
        let sentence = &a.sentences[span[0].sentence];
        if !own_words(span) || span.iter().any(|w| w.sentence != span[0].sentence) {
            continue;
        }
        if matches!(span[0].text.as_str(), "until" | "till" | "til") || belongs_to_something_else(a, t) {
            continue;
        }
        if sentence.question_mark && !offers_in_question(a, ws, t) {
            continue;
        }
        let (tense, cue) = tense_before(a, ws, t);
        let firm = match tense {
            Tense::Future => true,
            Tense::Unmarked => points_forward(a, ws, t) && !past_or_negated_after(a, ws, t),
            Tense::Customer => customer_part,
            // "Could we meet tomorrow at 8:45?": in an offer the modal is the question's form.
            Tense::Open => sentence.question_mark,
            Tense::Past => false,
        };
        let undone = vague.iter().any(|v| !(v.0 >= t.0 && v.1 <= t.1) && a.tokens[v.0].clause == span[0].clause);
        let past = cx.now.is_some_and(|now| a.times().read_at(t.0).is_some_and(|e| !e.holds_at(now, cx.locale)));
        if firm
            && !undone
            && !past
            && !under_condition(a, t)
            && !habitual(a, ws, t)
            && !waits_on_event(a, cx, t)
            && !hedged(a, cx, t, Some(t))
            && !super::concepts::hedged_after(a, cx, t)
        {
            out.push(((cue, t.1), t, grain));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::rule_probe::rule_met as met;

    #[test]
    fn outcomes_and_arrangements_pinned_to_a_day_are_commitments() {
        for text in [
            "Your new card will be at the branch by Thursday.",
            "The refund is on its way and will reach your account within five working days.",
            "Technician booked for Monday, bring the spare key.",
            "ur money back in ur acc by fri",
            "Your money come back to the account on Friday.",
            "Dear Mr Hale, a replacement handset will be dispatched on 12 May.",
        ] {
            assert!(met("specific-day", text), "{text}");
        }
    }

    #[test]
    fn outcomes_pinned_within_a_day_are_specific_times() {
        for text in [
            "The courier will drop the replacement round tomorrow afternoon.",
            "Fitter booked for Monday morning.",
            "boiler part arrives wed, fitter with u by 10am",
            "so the van is coming to you at half two today",
            "The frame will be ready to collect 10am Sunday.",
            "Could we meet tomorrow at 8:45 so I can check what you need?",
        ] {
            assert!(met("specific-time", text), "{text}");
        }
        // A day alone is not a time within the day.
        assert!(!met("specific-time", "Your new card will be at the branch by Thursday."));
    }

    #[test]
    fn past_open_borrowed_and_customer_times_are_not_commitments() {
        for text in [
            "The refund was sent on Friday.",
            "We released the payment this morning.",
            "Our branch is open Monday to Friday, 9am to 5pm.",
            "The parcel should arrive by Thursday.",
            "Could you email the form over by 6 today?",
            "Photo needed by noon tomorrow.",
            "If you send the photo today, I'll ring you tomorrow at five.",
            "I'm opening a dispute about Monday's delivery record.",
            "My fault on Monday, sorry.",
            "the visit was booked for 1pm, that's what my sheet says",
        ] {
            assert!(!met("specific-day", text) && !met("specific-time", text), "{text}");
        }
    }

    #[test]
    fn states_owned_appointments_and_admitted_mistakes_are_not_commitments() {
        for text in [
            "Dr Patel's diary is full on Tuesday, I'm afraid. We'll let you know if anything comes up.",
            "I'm really sorry, we've made a mistake and booked someone else into your Tuesday 9am as well.",
            "We accidentally scheduled two engineers for your Friday slot.",
            "The salon is closed on Monday.",
            "We're fully booked on Saturday, sorry.",
            "Sorry, the surgery is busy tomorrow morning.",
            "I'm so sorry we moved your 3pm without asking.",
            "ugh my mistake, i booked the wrong room for your thursday 2pm",
            "the dentist is away on friday",
            "We'll ring you on Friday if a slot opens up.",
            "Our fitters are booked up on Monday.",
        ] {
            assert!(!met("specific-day", text) && !met("specific-time", text), "{text}");
        }
    }

    #[test]
    fn arrangements_still_count_beside_those_states() {
        for text in [
            "I've booked you in with Dr Patel on Wednesday at 10.",
            "We've rebooked your fitting for Thursday at 2pm.",
            "Your appointment is on Tuesday at 9am.",
            "The diary is full on Tuesday, so I've set you up for Wednesday at 11 instead.",
            "ill set up a review with the senior team today at 3",
            "We'll refund you on Friday even if the parcel never comes back.",
        ] {
            assert!(met("specific-day", text), "{text}");
        }
    }
}
