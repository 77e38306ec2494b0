//! What makes a `next-steps` hit concrete (see `docs/labelling.md`): a vague promise ("we'll look
//! into it", "you'll hear from us", "I'll pass your comments on") tells the customer nothing about
//! what will happen; an instruction counts only with a concrete item or channel ("send us your
//! order number", "ring complaints on 0345 ...").

use super::detectors::{DetectorContext, Range};
use super::text::{Analysed, Token};
use super::time::day_or_time_at;

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
    let timed = (s.start..s.end).any(|i| day_or_time_at(&a.tokens, i).is_some());
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
        || !super::concepts::instructions(a).is_empty()
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

    /// `next-steps` as the engine decides it, rules and learned layer together.
    fn concept(text: &str) -> bool {
        let (names, lists) = (Names::default(), Lists::new(&BTreeMap::new()));
        !super::super::detectors::detect("next-steps", &analyse(text), &DetectorContext::new(&names, &lists, None))
            .is_empty()
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
