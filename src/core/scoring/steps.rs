//! What makes a `next-steps` hit concrete (see `docs/labelling.md`): a vague promise ("we'll look
//! into it", "you'll hear from us", "I'll pass your comments on") tells the customer nothing about
//! what will happen; an instruction counts only with a concrete item or channel ("send us your
//! order number", "ring complaints on 0345 ...").

use super::detectors::{DetectorContext, Range};
use super::text::{Analysed, Token};
use super::time::day_or_time_at;

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
    let timed = (s.start..s.end).any(|i| day_or_time_at(&a.tokens, i).is_some());
    let named = !cx.names.colleague.is_empty()
        && (s.start..s.end).any(|i| super::phrase::name_at(&a.tokens, i, &cx.names.colleague).is_some());
    let from_someone = (r.1..s.end).any(|i| {
        matches!(a.tokens[i].text.as_str(), "from" | "by")
            && a.tokens.get(i + 1).is_some_and(|n| matches!(n.text.as_str(), "the" | "our" | "a") && i + 2 < s.end)
    });
    let item = a.tokens[r.1..s.end].iter().take(4).any(|t| ITEMS.contains(&t.text.as_str()));
    timed || named || from_someone || item
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
}
