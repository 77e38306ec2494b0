//! What makes a `next-steps` hit concrete (see `docs/labelling.md`): a vague promise ("we'll look
//! into it", "you'll hear from us", "I'll pass your comments on") tells the customer nothing about
//! what will happen; an instruction counts only with a concrete item or channel ("send us your
//! order number", "ring complaints on 0345 ...").

use super::detectors::{DetectorContext, Range};
use super::text::{Analysed, Token};

/// Verbs that promise attention without saying what will be done, when nothing concrete follows.
const VAGUE_VERBS: &[&str] = &[
    "look",
    "sort",
    "investigate",
    "review",
    "check",
    "deal",
    "handle",
    "see",
    "do",
    "revert",
    "have",
    "get",
    "pass",
    "raise",
    "find",
    "chase",
];
/// What follows a vague verb when it stays vague ("look into it", "sort this out", "do better",
/// "see if someone can help").
const GENERIC_OBJECTS: &[&str] = &[
    "it", "this", "that", "into", "at", "out", "things", "matter", "better", "a", "on", "up", "back", "the", "what",
    "sorted", "if", "whether",
];
/// Nouns that a vague verb's "the"/"a" may still make concrete ("check the GPS log").
const CONCRETE_AFTER_ARTICLE: &[&str] = &["log", "logs", "record", "records", "footage", "photo", "photos", "camera"];
/// Participles after "get it ..." that name a concrete action ("get that rebooked"); "get it
/// sorted" and "get it done" stay vague.
const CONCRETE_DONE: &[&str] = &[
    "rebooked",
    "rescheduled",
    "refunded",
    "replaced",
    "repaired",
    "reissued",
    "resent",
    "credited",
    "cancelled",
    "canceled",
    "waived",
    "removed",
    "reversed",
    "swapped",
    "exchanged",
    "delivered",
    "collected",
    "booked",
    "moved",
    "changed",
    "corrected",
    "unlocked",
    "reset",
    "restored",
    "reinstated",
    "fitted",
    "installed",
    "dispatched",
    "couriered",
    "posted",
    "printed",
    "upgraded",
    "refitted",
    "cleaned",
];
/// What was passed on when nothing is set in motion: the customer's opinion.
const FEEDBACK: &[&str] = &["feedback", "comments", "comment", "complaint", "concerns", "concern", "query", "views"];
/// Things the customer can send or quote that make an instruction concrete.
const ITEMS: &[&str] = &[
    "number",
    "photo",
    "photos",
    "picture",
    "pic",
    "receipt",
    "reference",
    "details",
    "screenshot",
    "form",
    "address",
    "tracking",
    "invoice",
    "report",
    "evidence",
    "postcode",
    "account",
    "order",
    "email",
];
/// Channels that make an instruction concrete (web addresses arrive as their parts).
const CHANNELS: &[&str] = &[
    "website",
    "portal",
    "form",
    "online",
    "app",
    "helpline",
    "com",
    "uk",
    "org",
    "net",
    "www",
    "http",
    "https",
    "claims",
    "complaints",
];

/// True when the words of `r` and its clause promise only vague attention: a commitment whose
/// verb is one of [`VAGUE_VERBS`] followed by nothing concrete, or passing on the customer's
/// feedback.
pub(super) fn vague_promise(a: &Analysed, r: Range) -> bool {
    let clause = a.tokens[r.0].clause;
    let rest = |from: usize| a.tokens[from..].iter().take_while(move |t| t.clause == clause);
    let clause_start = (0..r.0).rev().take_while(|&k| a.tokens[k].clause == clause).last().unwrap_or(r.0);
    let passes_feedback = rest(clause_start).take(r.0 - clause_start + 8).any(|t| FEEDBACK.contains(&t.text.as_str()));
    let modal = a.tokens[r.0..r.1].iter().any(|t| matches!(t.text.as_str(), "can" | "could" | "shall"));
    let Some(verb) = a.tokens[r.0..r.1].iter().rposition(|t| VAGUE_VERBS.contains(&t.text.as_str())) else {
        return passes_feedback || modal;
    };
    let after: Vec<&Token> = rest(r.0 + verb + 1).take(3).collect();
    // "get that rebooked", "get the fee refunded": the participle says what will be done.
    if a.tokens[r.0 + verb].text == "get" && after.iter().take(3).any(|t| CONCRETE_DONE.contains(&t.text.as_str())) {
        return passes_feedback || modal;
    }
    let generic = match after.first() {
        None => true,
        Some(t) if matches!(t.text.as_str(), "the" | "a") => {
            !after.get(1).is_some_and(|n| CONCRETE_AFTER_ARTICLE.contains(&n.text.as_str()))
                && a.tokens[r.0 + verb].text != "check"
        }
        Some(t) => GENERIC_OBJECTS.contains(&t.text.as_str()) && !after.iter().any(|n| n.text == "your"),
    };
    passes_feedback || modal || generic
}

/// True when the sentence holding `r` names a concrete channel or item: a phone number, a web or
/// email address, a form or portal, or something to send ("your order number").
pub(super) fn concrete_channel(a: &Analysed, r: Range) -> bool {
    let s = &a.sentences[a.tokens[r.0].sentence];
    let words = &a.tokens[s.start..s.end];
    let digits = |t: &Token| t.text.chars().filter(char::is_ascii_digit).count();
    let long_number = words.windows(2).any(|w| digits(&w[0]) >= 3 && digits(&w[0]) + digits(&w[1]) >= 7)
        || words.iter().any(|t| digits(t) >= 7);
    long_number
        || words.iter().any(|t| CHANNELS.contains(&t.text.as_str()))
        || words.iter().any(|t| ITEMS.contains(&t.text.as_str()) && !t.quoted)
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
    let item = a.tokens[r.1..s.end].iter().take(4).any(|t| ITEMS.contains(&t.text.as_str()));
    timed || named || from_someone || item
}

/// Words that point past the present to what comes next ("will", "next", "tomorrow", "please").
const AHEAD: &[&str] = &[
    "will", "shall", "gonna", "wil", "next", "then", "tomorrow", "tonight", "soon", "please", "pls", "need", "needs",
    "expect", "meantime", "been", "once", "until", "after",
];

/// True when the answer says anything of what comes next: a word pointing ahead, "let me" / "let
/// us", "going to", "I am ...ing", an action done on the problem, an instruction or a timed step.
/// "We let you down and that's on us" says nothing of it, so it holds no next step.
pub(super) fn says_what_next(a: &Analysed, cx: &DetectorContext) -> bool {
    let ahead = (0..a.tokens.len()).any(|k| {
        let w = a.word(k);
        AHEAD.contains(&w)
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
