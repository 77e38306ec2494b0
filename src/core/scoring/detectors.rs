//! The built-in detectors trainers reference by name (`Detector("specific-time-commitment")`).
//! Each returns the token ranges that are its evidence; no ranges means "not met".

use super::concepts;
pub use super::context::DetectorContext;
use super::phrase::{Phrase, name_at};
use super::text::{Analysed, Sentence};

use super::context::step::{
    BLAME as STEP_BLAME, COMMITMENTS as STEP_COMMITMENTS, RULES as STEP_RULES, TIMES as STEP_TIMES,
};

/// A token range [start, end).
pub type Range = (usize, usize);

/// Run the detector called `name` (one of `vocab::DETECTORS`): the learned verdict for a concept
/// the model knows (see `model.rs`), else the rule.
pub fn detect(name: &str, a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    super::model::decide(name, a, cx).unwrap_or_else(|| detect_rule(name, a, cx))
}

/// The rule detector called `name`, without the learned layer.
pub fn detect_rule(name: &str, a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    if let Some(index) = super::model::RULE_FEATURES.iter().position(|r| *r == name) {
        return cx.memo(STEP_RULES + index, || detect_rule_uncached(name, a, cx));
    }
    detect_rule_uncached(name, a, cx)
}

fn detect_rule_uncached(name: &str, a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    match name {
        "specific-time-commitment" => specific_time_commitment(a, cx),
        "uses-customer-name" => uses_name(a, &cx.names.customer),
        "ownership-apology" => ownership_apology(a, cx),
        "deflecting-apology" => deflecting_apology(a, cx),
        "deflection" => super::tone::deflection(a, cx, deflecting_apology(a, cx), ownership_apology(a, cx)),
        "blame-shifting" => blame_shifting(a, cx),
        "asks-question" => asks_question(a, cx),
        "states-next-steps" => states_next_steps(a, cx),
        "warm-handover" => warm_handover(a, cx),
        "hedged-commitment" => hedged_commitment(a, cx),
        "owns-the-failure" => ownership_apology(a, cx),
        "takes-it-on" => concepts::takes_it_on(a, cx),
        "empathy" => concepts::empathy(a, cx),
        "sends-away" => concepts::sends_away(a, cx),
        "specific-day" => concepts::specific_day(a, cx),
        "specific-time" => concepts::specific_time(a, cx),
        "next-steps" => concepts::next_steps(a, cx),
        "handover-context" => concepts::handover_context(a, cx),
        "genuine-question" => concepts::genuine_question(a, cx, asks_question(a, cx)),
        "party-blame" => super::blame::party_blame(a, cx),
        _ => Vec::new(),
    }
}

pub(super) fn find(p: &Phrase, a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    cx.phrase_matches(p, a).to_vec()
}

pub(super) fn in_sentence(s: &Sentence, r: &Range) -> bool {
    r.0 >= s.start && r.1 <= s.end
}

/// Specific times in the response, found once per response.
fn specific_times(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    cx.memo(STEP_TIMES, || find_specific_times(a))
}

/// Specific times in the response that are the speaker's own words (not quoted, not negated, not
/// hedged like "Tuesday-ish"), as token ranges. The one specific-time finder: the detectors and
/// rehearsal (which words of a script are the promise) both use it.
pub fn find_specific_times(a: &Analysed) -> Vec<Range> {
    let mut out = Vec::new();
    let mut i = 0;
    let times = a.times();
    while i < a.tokens.len() {
        match times.time_at(i) {
            Some(len) => {
                if super::time::own_firm_time(&a.tokens, i, len) {
                    out.push((i, i + len));
                }
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// Commitments: a first-person future marker followed within a few words by a verb of doing, a
/// commitment complete in itself, or one made for a colleague.
pub(super) fn commitments(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    cx.memo(STEP_COMMITMENTS, || find_commitments(a, cx))
}

fn find_commitments(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let verbs = find(&cx.lists.action_verb, a, cx);
    let mut out: Vec<Range> = find(&cx.lists.commitment_marker, a, cx)
        .into_iter()
        .filter_map(|m| {
            let verb = verbs
                .iter()
                .find(|v| v.0 >= m.0 && v.0 <= m.1 + 4 && a.tokens[v.0].sentence == a.tokens[m.0].sentence)?;
            Some((m.0, verb.1.max(m.1)))
        })
        .collect();
    out.extend(find(&cx.lists.commitment_complete, a, cx));
    out.extend(find(&cx.lists.delegated_commitment, a, cx));
    out.extend(proposals(a, cx));
    out.extend(time_only_sentences(a, cx));
    // "I told you I'd ring at 2pm": a promise retold is not made again.
    out.retain(|c| !a.tokens[c.0].retold);
    out.sort();
    out.dedup();
    out
}

/// True when the sentence holding `range` hedges it: a hedge in the same clause or between the
/// commitment and its time, a condition on the speaker's own effort anywhere in the sentence ("if I
/// can", "when they tell me", "depending on"), or any other condition (`conditional`) whose clause holds the
/// commitment or its time. "If the part's not in by noon, I'll ring you at 2" still promises 2pm.
pub(super) fn hedged(a: &Analysed, cx: &DetectorContext, commitment: Range, time: Option<Range>) -> bool {
    let sentence = &a.sentences[a.tokens[commitment.0].sentence];
    let clause = a.tokens[commitment.0].clause;
    let last = time.map_or(commitment.1, |t| t.1.max(commitment.1));
    let hedge = find(&cx.lists.hedge, a, cx).into_iter().any(|h| {
        in_sentence(sentence, &h) && (a.tokens[h.0].clause == clause || (h.0 >= commitment.0.min(last) && h.0 < last))
    });
    let waits = a.in_condition(commitment.0) || time.is_some_and(|t| a.in_condition(t.0));
    let waits_on_news = |c: &Range| !a.opens_condition(c.0) || matches!(a.word(c.0), "when" | "once");
    let own_effort = |c: &Range| {
        waits_on_news(c) || a.tokens[c.0..c.1].iter().any(|t| matches!(t.text.as_str(), "i" | "we" | "possible"))
    };
    let conditional = find(&cx.lists.conditional, a, cx).into_iter().any(|c| {
        in_sentence(sentence, &c) && !(c.0 > 0 && a.tokens[c.0 - 1].text == "even") && (waits || own_effort(&c))
    });
    hedge || conditional
}

/// True when a specific time in another clause of the same sentence refines the words at `range`
/// ("three times next week, Monday at 9:10"); a time in the same clause does not ("at some point on Friday").
pub fn refined_by_time(a: &Analysed, cx: &DetectorContext, range: Range) -> bool {
    let sentence = &a.sentences[a.tokens[range.0].sentence];
    let clause = a.tokens[range.0].clause;
    specific_times(a, cx).iter().any(|t| in_sentence(sentence, t) && a.tokens[t.0].clause != clause)
}

/// True when the words at `range` sit in a hedged or conditional sentence (see [`hedged`]).
pub fn is_hedged_at(a: &Analysed, cx: &DetectorContext, range: Range) -> bool {
    hedged(a, cx, range, None)
}

/// Is time `t` the time of commitment `c`? Same clause, after it in the sentence, fronted at the
/// start of the sentence ("Tuesday at 4.30 I will be at your desk"), or a bare time just before it
/// ("here's a time: Friday, 9:30am, I'll call you").
fn time_belongs_to(a: &Analysed, c: Range, t: Range) -> bool {
    let sentence = &a.sentences[a.tokens[c.0].sentence];
    if !in_sentence(sentence, &t) {
        return false;
    }
    let clause_of = |i: usize| a.tokens[i].clause;
    let bare_time_before = t.1 <= c.0
        && c.0 - t.1 <= 6
        && (sentence.start..sentence.end).filter(|&i| clause_of(i) == clause_of(t.0)).all(|i| i >= t.0 && i < t.1);
    t.0 >= c.0 || clause_of(t.0) == clause_of(c.0) || t.0 <= sentence.start + 1 || bare_time_before
}

/// A sentence that is nothing but a time ("Friday 8am.", "Thursday at 7:30am, before you open.",
/// "Thursday at 10 or Friday at 2.") answers "when?": it is the commitment. The time opens the
/// sentence and fills its first clause; a clause after it may say more.
fn time_only_sentences(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let times = specific_times(a, cx);
    let fills_clause = |t: &Range| {
        a.tokens
            .get(t.1)
            .is_none_or(|n| n.clause != a.tokens[t.0].clause || n.sentence != a.tokens[t.0].sentence || n.text == "or")
    };
    a.sentences
        .iter()
        .filter(|s| !s.question_mark || s.end - s.start <= 6)
        .filter(|s| {
            times
                .iter()
                .any(|t| t.0 >= s.start && t.0 <= s.start + 1 && t.1 <= s.end && fills_clause(t) && t.1 - s.start <= 8)
        })
        .filter(|s| s.start == s.end || a.tokens[s.start..s.end].iter().all(|t| !t.quoted))
        .map(|s| (s.start, s.end))
        .collect()
}

/// Proposals put as questions: "Does Saturday at 8am suit you?", "How about Thursday at 4?"
fn proposals(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let times = specific_times(a, cx);
    a.sentences
        .iter()
        .filter(|s| s.question_mark && times.iter().any(|t| in_sentence(s, t)))
        .filter(|s| a.tokens[s.start..s.end].iter().any(|t| cx.lists.words.proposal_fit.has(&t.text) && !t.quoted))
        .map(|s| (s.start, s.end))
        .collect()
}

pub(super) fn specific_time_commitment(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let times = specific_times(a, cx);
    let vague = find(&cx.lists.vague_time, a, cx);
    let mut out = Vec::new();
    for c in commitments(a, cx) {
        // Every time the commitment may be about ("everything to 9 November is safe, and I'll
        // have it ready at 2pm today": 2pm, not only the first date in the sentence).
        for t in times.iter().filter(|t| time_belongs_to(a, c, **t)) {
            // "at some point on Friday", "soon after Friday": a vague word in the same clause undoes the time.
            // A vague word inside the time itself ("next week, Monday at 9") is refined by it.
            let undone = vague
                .iter()
                .filter(|v| !(v.0 >= t.0 && v.1 <= t.1))
                .any(|v| a.tokens[v.0].clause == a.tokens[t.0].clause || a.tokens[v.0].clause == a.tokens[c.0].clause);
            let past = cx.now.is_some_and(|now| a.times().read_at(t.0).is_some_and(|e| !e.holds_at(now, cx.locale)));
            if !undone && !past && !hedged(a, cx, c, Some(*t)) {
                out.push(c);
                out.push(*t);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn hedged_commitment(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let vague = find(&cx.lists.vague_time, a, cx);
    let times = specific_times(a, cx);
    let mut out = Vec::new();
    for c in commitments(a, cx) {
        let sentence = &a.sentences[a.tokens[c.0].sentence];
        // A vague word next to a real time ("three times next week, Monday at 9:10") is not vague.
        let vague_here =
            vague.iter().any(|v| in_sentence(sentence, v)) && !times.iter().any(|t| in_sentence(sentence, t));
        if hedged(a, cx, c, None) || vague_here {
            out.push((sentence.start, sentence.end));
        }
    }
    out.dedup();
    out
}

/// Where `name` (the briefing's customer or colleague) is used in the speaker's own words, not quoted.
pub(super) fn uses_name(a: &Analysed, name: &[super::phrase::Word]) -> Vec<Range> {
    if name.is_empty() {
        return Vec::new();
    }
    (0..a.tokens.len())
        .filter_map(|i| name_at(&a.tokens, i, name).map(|len| (i, i + len)))
        .filter(|&(s, e)| a.tokens[s..e].iter().all(|t| !t.quoted))
        .collect()
}

fn apologies(a: &Analysed, cx: &DetectorContext) -> (Vec<Range>, Vec<Range>) {
    let deflecting = find(&cx.lists.deflecting, a, cx);
    let blame = blame_shifting(a, cx);
    let sincere = find(&cx.lists.apology, a, cx)
        .into_iter()
        .filter(|ap| {
            let sentence = a.tokens[ap.0].sentence;
            !deflecting.iter().any(|d| d.0 <= ap.0 && d.1 >= ap.1)
                && !blame.iter().any(|b| a.tokens[b.0].sentence == sentence && blamed_after_but(a, ap.1, b.0))
        })
        .collect();
    (sincere, deflecting)
}

/// "Sorry, but the warehouse lost it": an apology whose sentence turns to blame.
fn blamed_after_but(a: &Analysed, after: usize, blame_at: usize) -> bool {
    blame_at > after
        && a.tokens[after..blame_at].iter().any(|t| matches!(t.text.as_str(), "but" | "however" | "unfortunately"))
}

fn ownership_apology(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let blame = blame_shifting(a, cx);
    // "I'm sorry I didn't call, that's billing's fault" owns nothing.
    let ownership: Vec<Range> = super::tone::owned_failures(a, cx)
        .into_iter()
        .filter(|o| !blame.iter().any(|b| super::tone::undone_by_blame(a, *o, *b)))
        .collect();
    let (sincere, _) = apologies(a, cx);
    if ownership.is_empty() {
        return Vec::new();
    }
    let mut out = ownership;
    out.extend(sincere);
    out.sort();
    out
}

fn deflecting_apology(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    // "Sorry if I'm interrupting your Sunday" is manners, not an apology for the failure.
    // "I'm sorry you were let down, that's our mistake": an apology the speaker goes on to own
    // (in its sentence or the next) does not avoid owning the failure.
    let owned = super::tone::owned_failures(a, cx);
    let owned_after = |d: &Range| {
        let s = a.tokens[d.0].sentence;
        owned.iter().any(|o| o.0 >= d.1 && (a.tokens[o.0].sentence == s || a.tokens[o.0].sentence == s + 1))
    };
    let mut out: Vec<Range> = find(&cx.lists.deflecting, a, cx)
        .into_iter()
        .filter(|d| !super::tone::polite_intrusion(a, *d) && !owned_after(d) && !super::tone::condition_apart(a, *d))
        .collect();
    let blame = blame_shifting(a, cx);
    for ap in find(&cx.lists.apology, a, cx) {
        if let Some(b) =
            blame.iter().find(|b| a.tokens[b.0].sentence == a.tokens[ap.0].sentence && blamed_after_but(a, ap.1, b.0))
        {
            out.push((ap.0, b.1));
        }
    }
    out.sort();
    out.dedup();
    out
}

pub(super) fn blame_shifting(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    cx.memo(STEP_BLAME, || find_blame(a, cx))
}

fn find_blame(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = find(&cx.lists.blame_phrase, a, cx);
    let customer = find(&cx.lists.customer_blame, a, cx);
    out.extend(customer.iter().copied());
    let verbs = find(&cx.lists.blame_verb, a, cx);
    for target in find(&cx.lists.blame_target, a, cx) {
        let clause = a.tokens[target.0].clause;
        let sentence = a.tokens[target.0].sentence;
        let first_person_before = (a.sentences[sentence].start..target.0)
            .any(|i| a.tokens[i].clause == clause && matches!(a.tokens[i].text.as_str(), "i" | "we"));
        let is_pronoun = matches!(a.tokens[target.0].text.as_str(), "they" | "them");
        // "If the warehouse hasn't sent it by Monday, I'll refund you": a condition, not an account.
        if target.0 > 0 && matches!(a.tokens[target.0 - 1].text.as_str(), "if" | "unless" | "once") {
            continue;
        }
        let near = verbs.iter().find(|v| {
            let same_clause = a.tokens[v.0].clause == clause;
            let after = v.0 >= target.1 && v.0 <= target.1 + 4;
            let because = v.1 == target.0 && a.tokens[v.0].text == "because";
            // "a nightmare for the driver": a party the fault is for is not the one blamed.
            let beneficiary = v.1 < target.0 && a.tokens[target.0 - 1].text == "for";
            (same_clause && (after || (!is_pronoun && !beneficiary && v.1 <= target.0 && v.0 + 6 >= target.0)))
                || because
        });
        if let Some(v) = near
            && !(first_person_before && v.0 > target.1 && is_pronoun)
            && !super::blame::owned_later(a, cx, (target.0.min(v.0), target.1.max(v.1)))
        {
            out.push((target.0.min(v.0), target.1.max(v.1)));
        }
    }
    // "I could say it's not my department, but...": blame the speaker sets aside is not blame.
    out.retain(|r| !super::blame::said_aside(a, cx, r.0));
    // A cause named neutrally while owning or fixing ("the delay was down to the strike, and I've
    // refunded your meals"), declined as an excuse, or claimed as the speaker's own side's.
    super::blame::not_blame_after_all(a, cx, &mut out, &customer);
    out.sort();
    out.dedup();
    out
}

fn asks_question(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let (openers, subjects) = (&cx.lists.words.question_opener, &cx.lists.words.question_subject);
    a.sentences
        .iter()
        .filter(|s| {
            let own_words = a.tokens[s.start..s.end].iter().any(|t| !t.quoted);
            let opener = openers.has(&a.tokens[s.start].text)
                && a.tokens
                    .get(s.start + 1)
                    .is_some_and(|t| subjects.has(&t.text) || t.sentence != a.tokens[s.start].sentence)
                && s.end - s.start > 2;
            own_words
                && (s.question_mark
                    || (opener
                        && !matches!(
                            a.tokens[s.start].text.as_str(),
                            "what" | "how" | "when" | "which" | "who" | "where" | "why"
                        )))
        })
        .map(|s| (s.start, s.end))
        .collect()
}

fn states_next_steps(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = find(&cx.lists.next_step, a, cx);
    out.extend(commitments(a, cx));
    out.sort();
    out.dedup();
    out
}

fn warm_handover(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let colleague = uses_name(a, &cx.names.colleague);
    if colleague.is_empty() {
        return Vec::new();
    }
    let passing_on: Vec<Range> =
        find(&cx.lists.handover, a, cx).into_iter().chain(find(&cx.lists.no_repeat, a, cx)).collect();
    if passing_on.is_empty() {
        return Vec::new();
    }
    let mut out = colleague;
    out.extend(passing_on);
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scoring::lists::Lists;
    use crate::core::scoring::phrase::{Names, name_words};
    use crate::core::scoring::text::analyse;
    use std::collections::BTreeMap;

    fn met(detector: &str, text: &str) -> bool {
        let names = Names { customer: name_words("Mrs Okafor"), colleague: name_words("Farid Haddad") };
        let lists = Lists::new(&BTreeMap::new());
        !detect(detector, &analyse(text), &DetectorContext::new(&names, &lists, None)).is_empty()
    }

    #[test]
    fn specific_time_commitment_needs_a_firm_promise_and_a_real_time() {
        for yes in [
            "I'll call you at 4pm.",
            "I will ring you tomorrow morning with the answer.",
            "I'm going to email you by end of day.",
            "Let me call you back within two hours.",
            "I will call you on Friday either way.",
            "You'll hear from me at 10 tomorrow.",
            "You said 'soon', but I will call at 2pm.",
            "I'll call you at 4pm, hopefully with good news.",
            "I will call you at 3 even if I have no news.",
            "Tomorrow at 3pm, from me, on this number.",
            "Tuesday at 4.30 I will be at your desk.",
            "Farid will ring you today at 4:45.",
            "I call you at 1pm like we say.",
            "I'll ring you at half twelve today.",
            "How about Thursday at 4pm?",
            "Does Saturday at 8am suit you, or would tomorrow evening at five be better?",
            "Here's an actual time: Friday, 9:30am, I'll call you.",
            "Not today, sorry. Board's on order. Friday 8am.",
            "Farid's going to call you at quarter to five today.",
            "Expect me at 3:30.",
        ] {
            assert!(met("specific-time-commitment", yes), "{yes}");
        }
        for no in [
            "I'll call you soon.",
            "I will get back to you as soon as possible.",
            "I'll try to call you back tomorrow at 10.",
            "If I can, I'll call you at 4.",
            "I will call you tomorrow.",
            "The refund arrives on Friday.",
            "I can't call you at 4pm.",
            "You said you would call me at 4pm.",
            "I'll call you at some point next week.",
            "I called you at 1pm yesterday.",
            "The refund should be there Friday, I'll keep an eye on it.",
            "I'll get back to you at some point on Friday.",
            "I'll email you on Friday if I hear back.",
            "I was off sick on Monday.",
            "I'll call you Tuesday-ish.",
        ] {
            assert!(!met("specific-time-commitment", no), "{no}");
        }
    }

    #[test]
    fn times_already_past_today_are_not_commitments() {
        let names = Names::default();
        let lists = Lists::new(&BTreeMap::new());
        let at = |time: &str| Some(time.parse::<jiff::civil::DateTime>().expect("datetime"));
        let met_at = |text: &str, now| {
            !detect("specific-time-commitment", &analyse(text), &DetectorContext::new(&names, &lists, now)).is_empty()
        };
        let afternoon = at("2026-03-10T15:10:00");
        assert!(!met_at("I'll call you today at 9am.", afternoon));
        assert!(!met_at("I'll call you this morning.", afternoon));
        assert!(met_at("I'll call you today at 4pm.", afternoon));
        assert!(met_at("I'll call you today at 9am.", at("2026-03-10T08:00:00")));
        assert!(met_at("I'll call you tomorrow at 9am.", afternoon));
        assert!(met_at("I'll call you today at 9am.", None));
    }

    #[test]
    fn customer_name_tolerates_typos_but_not_other_names() {
        assert!(met("uses-customer-name", "Mrs Okafor, I'm sorry."));
        assert!(met("uses-customer-name", "okafro, I'm sorry."));
        assert!(!met("uses-customer-name", "Mrs Oliver, I'm sorry."));
        assert!(!met("uses-customer-name", "I'm sorry madam."));
    }

    #[test]
    fn ownership_apology_owns_it_and_deflecting_does_not() {
        assert!(met("ownership-apology", "I'm sorry, I didn't call you back. That's on me."));
        assert!(met("ownership-apology", "My mistake, I should have rung you at noon."));
        assert!(!met("ownership-apology", "Sorry about that. I'll look into it."));
        assert!(!met("ownership-apology", "I'm sorry you feel that way."));
        assert!(!met("ownership-apology", "It's not my fault, the warehouse messed up."));
        assert!(!met("ownership-apology", "I'm sorry I didn't call by noon, that's billing's fault."));
        assert!(met("ownership-apology", "I'm sorry, Mr Nowak, we've sent the wrong part."));
        assert!(met("ownership-apology", "That's our promise broken, and I'm sorry."));
        assert!(met("deflecting-apology", "My apologies for any inconvenience."));
        assert!(met("deflecting-apology", "I'm sorry you feel that way."));
        assert!(met("deflecting-apology", "Sorry, but the system was down."));
        assert!(!met("deflecting-apology", "I'm so sorry, that was my mistake."));
    }

    #[test]
    fn blame_shifting_with_negation_scope() {
        for yes in [
            "It's not my fault, the warehouse messed up.",
            "Head office decided to decline it.",
            "The system was down all morning.",
            "That's company policy, nothing I can do.",
            "Billing didn't send me the note.",
            "You should have sent the form earlier.",
            "You should have rung us when you changed it.",
            "Unfortunately corporate won't let me refund it.",
            "It's the system, it picked the wrong model.",
            "There's been a small hold-up at the supplier's end.",
            "It's not like I packed it.",
        ] {
            assert!(met("blame-shifting", yes), "{yes}");
        }
        for no in [
            "I will not blame the system.",
            "I'm not going to stand here and blame the kitchen, it's my fault.",
            "This isn't on the warehouse, it's on me.",
            "I'm not going to hide behind head office.",
            "I'm sorry, I didn't call you. That's my fault.",
            "I'll call the warehouse myself at 3pm.",
            "I've spoken to billing and the refund is approved.",
            "We're to blame, not the supplier.",
            "You should have heating by ten, I'll check at nine.",
            "That must have been a nightmare for the driver and for you.",
        ] {
            assert!(!met("blame-shifting", no), "{no}");
        }
    }

    #[test]
    fn negated_blame_across_conjuncts_and_owning_it_instead() {
        for no in [
            "That isn't the courier's fault or the depot's, it's ours.",
            "I'm not going to blame the snow or a driver being off sick.",
            "It wasn't because the driver was off sick.",
            "The courier didn't let you down, we did.",
        ] {
            assert!(!met("blame-shifting", no), "{no}");
        }
        for yes in [
            "That isn't the courier's fault, it's ours.",
            "The courier didn't let you down, we did.",
            "Sorry, we've made this so much harder for you.",
            "It was my job to ring you and I didn't tell you.",
        ] {
            assert!(met("ownership-apology", yes), "{yes}");
        }
    }

    #[test]
    fn excuses_in_ordinary_words_are_blame() {
        for yes in [
            "Sorry, the depot were really slow and the phones were mad, so I never got a chance to ring.",
            "It's been a manic fortnight.",
            "Honestly it's out of our control.",
            "Accounts are so slow with everything.",
            "It wasn't really down to me.",
        ] {
            assert!(met("blame-shifting", yes), "{yes}");
        }
    }

    #[test]
    fn questions_next_steps_handover_and_hedges() {
        assert!(met("asks-question", "Does 4pm suit you?"));
        assert!(met("asks-question", "Would you like me to email it"));
        assert!(!met("asks-question", "I will call you at 4."));
        assert!(!met("asks-question", "You asked 'what now?' earlier. I will call."));
        assert!(met("states-next-steps", "Here's what happens next: I'll book the engineer."));
        assert!(!met("states-next-steps", "Sorry about that."));
        assert!(met("warm-handover", "Farid already has your details, so you won't have to repeat anything."));
        assert!(!met("warm-handover", "I'll transfer you to mortgages."));
        assert!(met("hedged-commitment", "I'll try to call you tomorrow."));
        assert!(met("hedged-commitment", "I'll get back to you soon."));
        assert!(!met("hedged-commitment", "I'll call you at 4pm sharp."));
        assert!(!met("hedged-commitment", "We'll practise three times next week, Monday at 9:10."));
    }
}
