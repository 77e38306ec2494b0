//! What makes a `next-steps` hit concrete (see `docs/labelling.md`): a vague promise ("we'll look
//! into it", "you'll hear from us", "I'll pass your comments on") tells the customer nothing about
//! what will happen; an instruction counts only with a concrete item or channel ("send us your
//! order number", "ring complaints on 0345 ...").

use super::detectors::{DetectorContext, Range, hedged};
use super::text::{Analysed, Token};

/// True when the words of `r` and its clause promise only vague attention: a commitment whose
/// verb is in `@step-vague-verb` followed by nothing concrete, or passing on the customer's
/// feedback (`@step-feedback`).
pub(super) fn vague_promise(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let w = &cx.lists.words;
    let clause = a.tokens[r.0].clause;
    let rest = |from: usize| a.tokens[from..].iter().take_while(move |t| t.clause == clause);
    let clause_start = (0..r.0).rev().take_while(|&k| a.tokens[k].clause == clause).last().unwrap_or(r.0);
    let passes_feedback = rest(clause_start).take(r.0 - clause_start + 8).any(|t| w.step_feedback.has(&t.text));
    let modal = a.tokens[r.0..r.1].iter().any(|t| matches!(t.text.as_str(), "can" | "could" | "shall"));
    let Some(verb) = a.tokens[r.0..r.1].iter().rposition(|t| w.step_vague_verb.has(&t.text)) else {
        return passes_feedback || modal;
    };
    let after: Vec<&Token> = rest(r.0 + verb + 1).take(3).collect();
    // "I'll chase it", "will chase em": chasing names who acts next, even with "it" after it.
    if a.tokens[r.0 + verb].text == "chase"
        && after.first().is_some_and(|t| matches!(t.text.as_str(), "it" | "them" | "em" | "this" | "that" | "up"))
    {
        return passes_feedback || modal;
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
        let subject_person = matches!(prev, "you" | "u" | "i" | "we");
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
        let stem = t.stem.as_str();
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
        if p > s.start && no_verb && a.asserted_at(p) && !s.question_mark {
            out.push((s.start, p + 1));
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
        || words.iter().any(|t| w.step_channel.has(&t.text))
        || words.iter().any(|t| w.step_item.has(&t.text) && !t.quoted)
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
    timed || named || from_someone || item
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
}

/// True when the hit at `r` is "you will ..." (a passive or customer-side next step).
pub(super) fn you_will(a: &Analysed, r: Range) -> bool {
    a.tokens[r.0].text == "you" && a.tokens.get(r.0 + 1).is_some_and(|t| t.text == "will")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::detectors::{DetectorContext, detect_rule};
    use super::super::lists::Lists;
    use super::super::phrase::{Names, name_words};
    use super::super::text::analyse;

    /// The `next-steps` rule alone, without the learned layer; the colleague is Ines Duarte.
    fn step(text: &str) -> bool {
        let names = Names { customer: Vec::new(), colleague: name_words("Ines Duarte") };
        let lists = Lists::new(&BTreeMap::new());
        !detect_rule("next-steps", &analyse(text), &DetectorContext::new(&names, &lists, None)).is_empty()
    }

    #[test]
    fn concrete_steps_said_actively_passively_done_or_as_instructions() {
        for text in [
            "I'll book the glazier and send you the confirmation.",
            "You'll be called by our returns team on Tuesday.",
            "I've handed your file to Ines Duarte, who will ring you this afternoon.",
            "Send us a photo of the receipt and we'll refund the difference.",
            "pls dm us ur booking reference n we'll rebook u",
            "For the appeal, ring our disputes line on 0300 123 4567.",
            "Engineer booked for Thursday morning.",
        ] {
            assert!(step(text), "{text}");
        }
    }

    #[test]
    fn vague_promises_and_bare_redirections_are_not_steps() {
        for text in [
            "We'll look into it.",
            "You'll hear from us.",
            "Someone will look into it.",
            "I have passed your comments on to the depot.",
            "Your feedback has been logged.",
            "i can raise it with the team if u want",
            "Take it up with the landlord.",
            "I'll sort it.",
        ] {
            assert!(!step(text), "{text}");
        }
    }

    #[test]
    fn a_folder_lexicon_adds_a_channel_the_rule_reads() {
        let text = "For the replacement, message the returns desk on Signal.";
        let names = Names::default();
        let rule = |lists: &Lists| {
            !detect_rule("next-steps", &analyse(text), &DetectorContext::new(&names, lists, None)).is_empty()
        };
        assert!(!rule(&Lists::new(&BTreeMap::new())), "{text}");
        let lexicon = BTreeMap::from([("step-channel".to_string(), vec!["signal".to_string()])]);
        assert!(rule(&Lists::new(&lexicon)), "{text}");
    }

    #[test]
    fn set_in_motion_done_or_under_way_said_of_the_thing() {
        for text in [
            "Your new glasses will be posted second class.",
            "ur voucher's being reissued rn",
            "Written confirmation to follow.",
            "I'm filling in the refund form now.",
            "so um resetting your password now, two minutes",
            "Deposit refunded this morning.",
            "One month's credit applied to your account, Mr Alves.",
            "No update yet. I'll chase it.",
            "Right, we're reprinting the menus before service.",
        ] {
            assert!(step(text), "{text}");
        }
    }

    #[test]
    fn attention_feelings_states_and_the_speakers_past_are_not_in_motion() {
        for text in [
            "Your complaint is being investigated.",
            "I'm hoping to hear from the depot.",
            "I'm sure the manager will be thrilled.",
            "Your deposit will not be refunded.",
            "We are working through the queue.",
            "There are rules to follow.",
            "Chair ordered?",
            "I ordered the wrong size, sorry.",
            "Further information will be provided in due course.",
        ] {
            assert!(!step(text), "{text}");
        }
    }

    /// `next-steps` as the engine decides it, rules and learned layer together.
    fn concept(text: &str) -> bool {
        crate::core::test_fixtures::concept_met("next-steps", text)
    }

    #[test]
    fn owning_a_failure_or_admitting_a_past_booking_is_no_step() {
        for text in [
            "We let you down and that's on us.",
            "I'm really sorry, we've made a mistake and booked someone else into your Tuesday 9am as well.",
            "That was our fault, plain and simple.",
            "we messed up, no excuses",
            "Dear Ms Lund, we got this badly wrong and I apologise.",
            "Honestly, that's between you and the gym.",
            "To make up for it, the second driver is on us this week.",
            "It was a bad night for the kitchen and you paid for it.",
            "so yeah that's totally on me",
            "The salon is closed on Monday.",
        ] {
            assert!(!concept(text), "{text}");
        }
    }

    #[test]
    fn saying_what_comes_next_can_still_be_a_step() {
        for text in [
            "We let you down, so I'll rebook the fitter for Thursday morning.",
            "That's on us. Let me get the engineer rescheduled.",
            "Our fault entirely. I've refunded the £40 to your card.",
            "Please send us the receipt number and we'll refund the difference.",
            "we messed up, im booking the courier now",
            "Sorry about that. The replacement will be with you on Friday.",
        ] {
            assert!(concept(text), "{text}");
        }
    }
}
