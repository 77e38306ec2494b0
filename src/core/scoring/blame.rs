//! Blame said in ordinary words: a third party named as the subject of what went wrong, or of
//! who decides, while the speaker owns nothing in that sentence ("the repair centre hasn't sent
//! the diagnosis", "Marcus needs to sign it off", "pricing handle renewals, not us"), and sarcasm
//! aimed at another team ("the certificate team, in their infinite wisdom, ...").

use super::detectors::{DetectorContext, Range, find, in_sentence};
use super::phrase::name_at;
use super::text::Analysed;

/// Words that make a clause about a third party an account of fault or of who is in charge.
const FAULT_WORDS: &[&str] = &[
    "not",
    "never",
    "no",
    "late",
    "slow",
    "slowly",
    "behind",
    "off",
    "wrong",
    "problem",
    "issue",
    "fault",
    "mistake",
    "error",
    "delay",
    "delayed",
    "yet",
    "still",
    "decide",
    "decides",
    "decided",
    "set",
    "sets",
    "handle",
    "handles",
    "handled",
    "deal",
    "deals",
    "sign",
    "signs",
    "responsible",
    "responsibility",
    "control",
    "charge",
    "need",
    "needs",
    "must",
    "apparently",
    "supposedly",
    "wisdom",
    "bless",
    "usual",
    "again",
    "mess",
    "messed",
    "forgot",
    "lost",
    "broke",
    "failed",
    "missed",
    "ignored",
    "stuck",
    "sat",
    "sitting",
    "depend",
    "depends",
    "whenever",
];

/// Words that make a clause a plan rather than an account: "Farid will call you at 4".
const PLAN_WORDS: &[&str] = &["will", "going", "shall", "can", "could", "would", "let", "please"];

/// Third parties named as the subject of a fault, in sentences where the speaker owns nothing.
///
/// Naming a cause while owning it or fixing it is an explanation, not blame: the rule holds only
/// for a response that owns nothing and takes nothing on.
pub(super) fn party_blame(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let ownership = find(&cx.lists.ownership, a, cx);
    if !ownership.is_empty() || !super::concepts::takes_it_on(a, cx).is_empty() {
        return Vec::new();
    }
    let sarcasm = find(&cx.lists.sarcasm, a, cx);
    let mut parties = find(&cx.lists.blame_target, a, cx);
    parties.extend(find(&cx.lists.party, a, cx));
    parties
        .extend((0..a.tokens.len()).filter_map(|i| name_at(&a.tokens, i, &cx.names.colleague).map(|len| (i, i + len))));
    let mut out = Vec::new();
    for party in parties {
        let first = &a.tokens[party.0];
        if first.quoted || first.negated_by.is_some() {
            continue;
        }
        let sentence = &a.sentences[first.sentence];
        if ownership.iter().any(|o| in_sentence(sentence, o)) {
            continue;
        }
        let clause = first.clause;
        let in_clause = |i: &usize| a.tokens[*i].clause == clause;
        // The party is the subject: nothing of the speaker's, and no preposition, before it in its clause.
        let before: Vec<&str> =
            (sentence.start..party.0).filter(in_clause).map(|i| a.tokens[i].text.as_str()).collect();
        let speaker_first = before.iter().any(|w| matches!(*w, "i" | "we" | "me" | "us" | "you" | "my"));
        let object = before.last().is_some_and(|w| {
            matches!(
                *w,
                "to" | "with"
                    | "from"
                    | "for"
                    | "by"
                    | "at"
                    | "in"
                    | "into"
                    | "on"
                    | "onto"
                    | "about"
                    | "of"
                    | "through"
            )
        });
        let sarcastic = sarcasm.iter().any(|s| in_sentence(sentence, s));
        if (speaker_first || object) && !sarcastic {
            continue;
        }
        let after: Vec<&str> =
            (party.1..sentence.end).filter(in_clause).take(8).map(|i| a.tokens[i].text.as_str()).collect();
        // "your team did nothing wrong": clearing a party is the opposite of blaming it.
        if after.iter().take(3).any(|w| PLAN_WORDS.contains(w)) || after.contains(&"nothing") {
            continue;
        }
        if sarcastic || after.iter().any(|w| FAULT_WORDS.contains(w)) {
            let end = (party.1..sentence.end).filter(in_clause).take(8).last().map_or(party.1, |i| i + 1);
            out.push((party.0, end));
        }
    }
    out
}
