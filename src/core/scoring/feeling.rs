//! `empathy` said in the speaker's own words rather than a stock phrase: a word of feeling
//! ("angry", "worried", "shattered", "a real worry") that belongs to the customer, by who holds it
//! ("you must be so worried", "for you is big pressure", "how angry and tired you are"), by an
//! inference ("that must be a real worry"), or by the speaker recognising it ("I totally get it,
//! it's maddening"). See `docs/labelling.md`: the speaker's own feelings, a negated or conditional
//! feeling ("don't worry", "sorry if you're upset"), a question and quoted words do not count.

use super::detectors::Range;
use super::text::{Analysed, Token};

/// Words that name a feeling or how hard something is on someone.
const FEELINGS: &[&str] = &[
    "angry",
    "cross",
    "annoyed",
    "annoying",
    "frustrated",
    "frustrating",
    "frustration",
    "upset",
    "upsetting",
    "worried",
    "worrying",
    "worry",
    "anxious",
    "stressed",
    "stressful",
    "stress",
    "stressing",
    "stressin",
    "pressure",
    "tired",
    "exhausted",
    "exhausting",
    "shattered",
    "drained",
    "disappointed",
    "disappointing",
    "gutted",
    "furious",
    "fuming",
    "livid",
    "scared",
    "scary",
    "frightening",
    "horrible",
    "awful",
    "terrible",
    "nightmare",
    "miserable",
    "embarrassing",
    "embarrassed",
    "humiliating",
    "maddening",
    "infuriating",
    "distressing",
    "distressed",
    "shock",
    "shocked",
    "unfair",
    "heartbreaking",
    "concerning",
    "devastating",
    "devastated",
    "overwhelmed",
    "overwhelming",
    "fed",
];
/// Words that make the customer the one who holds the feeling.
const CUSTOMER: &[&str] = &["you", "your", "yours", "yourself", "anyone", "anybody", "everyone", "everybody"];
/// Other holders: when one of these is nearest, the feeling is theirs ("I'm worried", "they're cross").
const OTHERS: &[&str] = &["i", "we", "me", "us", "they", "he", "she", "it", "this", "that"];
/// Verbs by which the speaker recognises a feeling ("I can see", "I get it", "I know").
const RECOGNISE: &[&str] =
    &["understand", "get", "know", "see", "hear", "feel", "imagine", "appreciate", "recognise", "recognize", "realise"];

/// Feelings named as the customer's, with the word as evidence.
pub(super) fn named(a: &Analysed) -> Vec<Range> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        if !FEELINGS.contains(&t.text.as_str()) || (t.text == "fed" && a.word(i + 1) != "up") {
            continue;
        }
        let sentence = &a.sentences[t.sentence];
        if !a.asserted_at(i) {
            continue;
        }
        // "you must be so worried" is split at "so": the intensifier keeps the clause before.
        let opens_clause = |k: usize| k == sentence.start || a.tokens[k - 1].clause != a.tokens[k].clause;
        let intensified =
            i > sentence.start && matches!(a.tokens[i - 1].text.as_str(), "so" | "such") && opens_clause(i - 1);
        let first = if intensified && i - 1 > sentence.start { a.tokens[i - 2].clause } else { t.clause };
        let clause: Vec<usize> =
            (sentence.start..i).filter(|&k| a.tokens[k].clause == t.clause || a.tokens[k].clause == first).collect();
        let before = |words: &[&str]| clause.iter().any(|&k| words.contains(&a.tokens[k].text.as_str()));
        // "sorry if you're upset", "no need to worry", "if you're unhappy": not the customer's feeling;
        // "sorry you're disappointed" apologises for the feeling (a deflecting apology).
        if before(&["if", "whether", "need", "unless", "sorry"]) || dismissed_before(a, i) {
            continue;
        }
        let holder = clause
            .iter()
            .rev()
            .map(|&k| a.tokens[k].text.as_str())
            .find(|w| CUSTOMER.contains(w) || OTHERS.contains(w));
        let customer_holds = holder.is_some_and(|w| CUSTOMER.contains(&w));
        let you_after = (i + 1..(i + 5).min(sentence.end))
            .take_while(|&k| a.tokens[k].clause == t.clause)
            .any(|k| matches!(a.tokens[k].text.as_str(), "you" | "anyone" | "anybody"));
        let inferred = before(&["must"]) && holder.is_none_or(|w| !matches!(w, "i" | "we" | "me" | "us"));
        let recognised = recognised_before(a, i);
        let speaker_holds = holder.is_some_and(|w| matches!(w, "i" | "we" | "me" | "us"));
        let fires =
            if speaker_holds { recognised && you_after } else { customer_holds || you_after || inferred || recognised };
        if fires {
            out.push((i, i + 1));
        }
    }
    out
}

/// "I can see ...", "I totally get it, ...": the speaker recognising something earlier in the
/// sentence, firmly (not "I don't know why you're upset").
fn recognised_before(a: &Analysed, i: usize) -> bool {
    let sentence = &a.sentences[a.tokens[i].sentence];
    (sentence.start..i).any(|k| {
        let t: &Token = &a.tokens[k];
        matches!(t.text.as_str(), "i" | "we")
            && (k + 1..(k + 4).min(i))
                .any(|v| RECOGNISE.contains(&a.tokens[v].text.as_str()) && !denied(a, v) && !a.tokens[v].quoted)
    })
}

/// "I don't know why you're so cross", "I can't see why you'd be upset": the feeling dismissed.
fn dismissed_before(a: &Analysed, i: usize) -> bool {
    let sentence = &a.sentences[a.tokens[i].sentence];
    (sentence.start..i).any(|k| RECOGNISE.contains(&a.tokens[k].text.as_str()) && denied(a, k))
}

/// Token `k` is negated by a word other than a spoken "no" ("yeah no I get it" agrees).
fn denied(a: &Analysed, k: usize) -> bool {
    a.tokens[k].negated_by.is_some_and(|n| a.tokens.get(n).is_none_or(|t| t.text != "no"))
}

#[cfg(test)]
mod tests {
    use super::super::text::analyse;
    use super::named;

    fn empathy(text: &str) -> bool {
        !named(&analyse(text)).is_empty()
    }

    #[test]
    fn feelings_that_belong_to_the_customer_are_named() {
        for text in [
            "I can feel how angry and tired you are after four days.",
            "that sounds like a horrible evening for you",
            "You were right to be angry.",
            "@jdoe totally get why you're fed up, 3 weeks is too long ^KB",
            "omg u must b so worried rn",
            "Mr Ito, for you is big pressure, I understand.",
            "That must be a real worry with a repair that size.",
            "Dear Mrs Obi, I recognise that the delay has been distressing for you and your family.",
            "yeah no I get it, it's maddening telling the same story twice",
            "Sir, you must be shattered after the night you had.",
            "Anyone would be livid after three missed visits.",
        ] {
            assert!(empathy(text), "{text}");
        }
    }

    #[test]
    fn the_speakers_own_negated_conditional_or_asked_feelings_are_not() {
        for text in [
            "Don't worry, we'll sort it.",
            "I'm worried we won't make the deadline.",
            "Are you angry with us?",
            "Sorry if you're upset.",
            "I'm tired of repeating myself.",
            "There's no need to get angry.",
            "The frustrating part is the system is slow.",
            "You said you were 'furious', fine.",
            "We are fed up with the courier too.",
            "If you're unhappy with the answer, you can appeal.",
            "I don't know why you're so cross about it.",
            "Sorry you're disappointed. No update yet.",
            "Thank you for your patience, Mr Petrakis.",
        ] {
            assert!(!empathy(text), "{text}");
        }
    }
}
