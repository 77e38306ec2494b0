//! Next steps in the turn of the conversation itself (`docs/labelling.md`, `next-steps`): the
//! customer put through to someone who will take it ("I'll pop you through to the claims team
//! now").

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
}
