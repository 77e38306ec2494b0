//! Next steps in the turn of the conversation itself (`docs/labelling.md`, `next-steps`): the
//! customer put through to someone who will take it ("I'll pop you through to the claims team
//! now"), and the customer asked for a concrete item the speaker will act on ("can you send me the
//! order number?", "which policy number is on the letter? I'll check it").

use super::detectors::{DetectorContext, Range, hedged};
use super::text::Analysed;

/// Verbs of putting the customer through to someone: with "through" / "across" / "over" ("put
/// you through to", "stick u across to"), or alone before "to" ([`DIRECT`]).
const PUTTING: &[&str] =
    &["put", "putting", "pop", "popping", "stick", "sticking", "send", "sending", "pass", "passing", "get", "getting"];

/// Verbs that put the customer through by themselves ("transfer you to", "connect you with").
const DIRECT: &[&str] = &["transfer", "transferring", "connect", "connecting"];

/// Words that may stand between "you" and "to" in a transfer ("you straight back through to").
const BETWEEN: &[&str] = &["back", "straight", "right", "now", "through", "across", "over", "directly"];

/// The customer put through to someone who will take it: "I'll pop you through to the claims
/// team now", "let me stick u across to engineering", "transferring you to our billing desk", "I'd
/// need to put you back through to them", "I'll connect you with Ines". The speaker does it (an
/// "I" / "we" / "let me" before the verb in its clause, or the verb opening the sentence), to a
/// party that is not vague ("the relevant team", "someone": but "someone who deals with groups"
/// names them by what they do). Not asked, negated, hedged, quoted, retold or conditioned.
pub(super) fn put_through(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for v in 0..a.tokens.len() {
        let verb = a.word(v);
        let direct = DIRECT.contains(&verb);
        if !(direct || PUTTING.contains(&verb)) || !a.asserted_at(v) || a.in_condition(v) || a.tokens[v].retold {
            continue;
        }
        let t = &a.tokens[v];
        let s = t.sentence;
        if !matches!(a.word_in(s, v + 1), "you" | "u" | "ya") {
            continue;
        }
        let mut j = v + 2;
        while BETWEEN.contains(&a.word_in(s, j)) {
            j += 1;
        }
        let through = (v + 2..j).any(|i| matches!(a.word(i), "through" | "across" | "over"));
        if !(through || direct) || !matches!(a.word_in(s, j), "to" | "2" | "with") {
            continue;
        }
        let whom: Vec<usize> = (j + 1..(j + 5).min(a.tokens.len()))
            .take_while(|&i| a.tokens[i].sentence == s && a.tokens[i].clause == t.clause)
            .collect();
        let Some(&head) = whom.first() else { continue };
        // "to someone who deals with groups": a role, not no one in particular.
        let role = matches!(a.word(head), "someone" | "somebody") && a.word_in(s, head + 1) == "who";
        if whom.iter().any(|&i| w.step_vague_party.has(a.word(i))) && !role {
            continue;
        }
        let sentence_start = a.sentences[s].start;
        let before: Vec<usize> = (v.saturating_sub(5)..v).filter(|&i| i >= sentence_start).collect();
        let by_speaker = before.iter().any(|&i| {
            a.tokens[i].clause == t.clause
                && (matches!(a.word(i), "i" | "we") || (a.word(i) == "me" && a.word(i.wrapping_sub(1)) == "let"))
        }) || before
            .iter()
            .all(|&i| matches!(a.word(i), "so" | "ok" | "okay" | "right" | "just" | "and" | "one" | "sec"));
        let negated = a.tokens[v..=j].iter().any(|x| x.negated_by.is_some() || x.is_negator());
        let start = before.first().copied().unwrap_or(v);
        if by_speaker && !negated && !a.tokens[v].quoted && !hedged(a, cx, (start, j + 1), None) {
            out.push((v, head + 1));
        }
    }
    out
}

/// Verbs of giving the speaker something, in a request ("can you tell me ...", "could you pop us").
const GIVING: &[&str] = &[
    "tell", "give", "send", "confirm", "provide", "share", "pop", "dm", "email", "text", "forward", "upload", "check",
    "read", "let",
];

/// Items the customer may be asked for beyond `@step-item`: a date of birth and the like.
const ASKED_ITEM: &[&str] = &["birth", "dob", "dates", "serial", "registration", "reg", "ref"];

/// The customer asked for a concrete item: "can you send me the order number?", "could you
/// please provide your file reference so I can check", "please can u tell me ur date of birth and
/// postcode?", and a question about the item followed by what the speaker will do with it
/// ("which policy number is on the letter? I'll check it against the claim", "what were the order
/// numbers? ill look at what went wrong"). The item is `@step-item` or [`ASKED_ITEM`]. Not a
/// question with no item ("can you tell me what happened?"), the customer's own word, or a
/// request negated or quoted.
pub(super) fn asks_for_item(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let item = |j: usize| w.step_item.has(a.word(j)) || ASKED_ITEM.contains(&a.word(j));
    let mut out = Vec::new();
    for (i, s) in a.sentences.iter().enumerate() {
        if !a.tokens[s.start..s.end].iter().all(|t| t.is_own_word() && !t.quoted) {
            continue;
        }
        let request = (s.start..s.end).find(|&k| {
            let mut v = k + 2;
            while matches!(a.word_in(i, v), "please" | "pls" | "just" | "quickly" | "also") {
                v += 1;
            }
            matches!(a.word(k), "can" | "could" | "cud" | "would" | "cn")
                && matches!(a.word_in(i, k + 1), "you" | "u")
                && GIVING.contains(&a.word_in(i, v))
                && a.tokens[k..=v].iter().all(|t| t.negated_by.is_none() && !t.is_negator())
        });
        let asked_item = (s.start..s.end).any(|j| item(j) && !a.tokens[j].possessive);
        if let Some(k) = request
            && asked_item
            && (s.question_mark || (s.start..s.end).any(|j| matches!(a.word(j), "please" | "pls")))
        {
            out.push((k, s.end));
            continue;
        }
        // "Which policy number is on your letter? I'll check it.": the item asked, then the act.
        let wh = s.question_mark
            && (s.start..(s.start + 3).min(s.end)).any(|j| matches!(a.word(j), "what" | "which" | "wot" | "wat"))
            && (s.start..s.end).any(&item);
        let then_acts = a.sentences.get(i + 1).is_some_and(|n| {
            let first = a.word(n.start);
            let will = matches!(a.word(n.start + 1), "will" | "wil" | "can" | "check" | "look" | "find");
            matches!(first, "i" | "we") && will && a.asserted_at(n.start)
        });
        if wh && then_acts {
            out.push((s.start, s.end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::detectors::DetectorContext;
    use super::super::lists::Lists;
    use super::super::phrase::{Names, name_words};
    use super::super::text::analyse;

    /// Whether `find` fires on `text`; the colleague is Ines Duarte.
    fn fires(find: fn(&super::Analysed, &DetectorContext) -> Vec<super::Range>, text: &str) -> bool {
        let names = Names { customer: Vec::new(), colleague: name_words("Ines Duarte") };
        let lists = Lists::new(&BTreeMap::new());
        let a = analyse(text);
        !find(&a, &DetectorContext::new(&names, &lists, None)).is_empty()
    }

    #[test]
    fn the_customer_put_through_to_someone_named() {
        for text in [
            "I'll pop you through to the claims team now.",
            "ok let me stick u across 2 engineering",
            "One sec, transferring you to our billing desk.",
            "um so I'd need to put you back through to them, sorry",
            "Dear Mr Ray, I will connect you with Ines directly.",
            "Putting you through to someone who handles group bookings.",
        ] {
            assert!(fires(super::put_through, text), "{text}");
        }
        for text in [
            "I'll put you through to the relevant department.",
            "Shall I put you through to billing?",
            "I can't put you through to them, the line's down.",
            "They put you through to the wrong desk last time.",
            "I'll put you down for Thursday.",
            "You put me through to the wrong team!",
            "I might put you through to someone later.",
        ] {
            assert!(!fires(super::put_through, text), "{text}");
        }
    }

    #[test]
    fn the_customer_asked_for_a_concrete_item() {
        for text in [
            "Can you send me the order number?",
            "could u pls dm us ur booking reference",
            "Please could you provide your account number so I can check the charge?",
            "Before I reorder it, can you confirm the delivery address?",
            "Wot was the tracking number? I'll chase the courier with it.",
            "Which invoice is it on? We can refund it today.",
            "Mrs Ade, can you tell me your date of birth please",
        ] {
            assert!(fires(super::asks_for_item, text), "{text}");
        }
        for text in [
            "Can you tell me what happened?",
            "Did you keep the receipt?",
            "Can you believe the order number was wrong?",
            "What's your order number got to do with it?",
            "He asked 'can you send me the receipt?'",
            "Could you not send the photos again?",
            "Which number did you ring?",
        ] {
            assert!(!fires(super::asks_for_item, text), "{text}");
        }
    }
}
