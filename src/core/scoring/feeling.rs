//! `empathy` said in the speaker's own words rather than a stock phrase: a word of feeling
//! ("angry", "worried", "shattered", "a real worry") that belongs to the customer, by who holds it
//! ("you must be so worried", "for you is big pressure", "how angry and tired you are"), by an
//! inference ("that must be a real worry"), or by the speaker recognising it ("I totally get it,
//! it's maddening"). See `docs/labelling.md`: the speaker's own feelings, a negated or conditional
//! feeling ("don't worry", "sorry if you're upset"), a question and quoted words do not count.

use super::detectors::{DetectorContext, Range};
use super::text::{Analysed, Token};
use super::word_sets::WordSets;

/// Feelings named as the customer's (`@feeling-word`, held by `@feeling-customer` rather than
/// `@feeling-other-holder`), with the word as evidence.
pub(super) fn named(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        if !w.feeling_word.has(&t.text) || (t.text == "fed" && a.word(i + 1) != "up") {
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
        if before(&["if", "whether", "need", "unless", "sorry"]) || dismissed_before(a, w, i) {
            continue;
        }
        let holder = clause
            .iter()
            .rev()
            .map(|&k| a.tokens[k].text.as_str())
            .find(|h| w.feeling_customer.has(h) || w.feeling_other_holder.has(h));
        let customer_holds = holder.is_some_and(|h| w.feeling_customer.has(h));
        let you_after = (i + 1..(i + 5).min(sentence.end))
            .take_while(|&k| a.tokens[k].clause == t.clause)
            .any(|k| matches!(a.tokens[k].text.as_str(), "you" | "anyone" | "anybody"));
        let inferred = before(&["must"]) && holder.is_none_or(|w| !matches!(w, "i" | "we" | "me" | "us"));
        let recognised = recognised_before(a, w, i);
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
/// sentence (`@feeling-recognise`), firmly (not "I don't know why you're upset").
fn recognised_before(a: &Analysed, w: &WordSets, i: usize) -> bool {
    let sentence = &a.sentences[a.tokens[i].sentence];
    (sentence.start..i).any(|k| {
        let t: &Token = &a.tokens[k];
        matches!(t.text.as_str(), "i" | "we")
            && (k + 1..(k + 4).min(i))
                .any(|v| w.feeling_recognise.has(&a.tokens[v].text) && !denied(a, v) && !a.tokens[v].quoted)
    })
}

/// "I don't know why you're so cross", "I can't see why you'd be upset": the feeling dismissed.
fn dismissed_before(a: &Analysed, w: &WordSets, i: usize) -> bool {
    let sentence = &a.sentences[a.tokens[i].sentence];
    (sentence.start..i).any(|k| w.feeling_recognise.has(&a.tokens[k].text) && denied(a, k))
}

/// Token `k` is negated by a word other than a spoken "no" ("yeah no I get it" agrees).
fn denied(a: &Analysed, k: usize) -> bool {
    a.tokens[k].negated_by.is_some_and(|n| a.tokens.get(n).is_none_or(|t| t.text != "no"))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::detectors::DetectorContext;
    use super::super::lists::Lists;
    use super::super::phrase::Names;
    use super::super::text::analyse;
    use super::named;

    fn empathy(text: &str) -> bool {
        let (names, lists) = (Names::default(), Lists::new(&BTreeMap::new()));
        !named(&analyse(text), &DetectorContext::new(&names, &lists, None)).is_empty()
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
