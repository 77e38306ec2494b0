//! What an act sets going, read from its verb and what follows it (`docs/labelling.md`,
//! `next-steps`): consulting someone with nothing asked of them ("I'll ask my manager", "let me
//! check with the office") and a record made of the case ("I've logged it", "your file has been
//! flagged") set nothing moving that the customer can rely on; a third party's past act told
//! without "I" or "we" ("supplier sent us the wrong part") is history, not something done for them.

use super::detectors::{DetectorContext, Range};
use super::text::Analysed;

/// Words that may stand right before the verb of the speaker's act ("I'll just ask", "let me
/// quickly check", "I'm going to have", "I've now logged").
const BEFORE_ACT: &[&str] = &[
    "i", "we", "will", "wil", "shall", "am", "are", "to", "gonna", "just", "also", "quickly", "me", "us", "then",
    "have", "now", "already",
];

/// Words that leave a step only possible: a run-on act with one of them is no firmer than the
/// consultation it follows ("and he can ring you maybe", "and see what I can do").
const POSSIBLE: &[&str] = &["can", "could", "cud", "might", "may", "maybe", "if", "whether", "see"];

/// Words that open a run-on act in the same sentence ("I'll ask Ines and she'll ring you").
const RUN_ON: &[&str] = &["and", "&", "n", "then"];

/// The first speaker's verb at or right after `r` that is one of `verbs`: after a word of
/// [`BEFORE_ACT`] with "I" / "we" / "me" / "us" within four words before it in its sentence.
fn speaker_verb(a: &Analysed, r: Range, verbs: &[&str]) -> Option<usize> {
    let s = a.tokens[r.0].sentence;
    (r.0..=r.1).take_while(|&k| !a.word_in(s, k).is_empty()).find(|&k| {
        verbs.contains(&a.word(k))
            && k > a.sentences[s].start
            && BEFORE_ACT.contains(&a.word(k - 1))
            && (k.saturating_sub(4).max(a.sentences[s].start)..k).any(|j| matches!(a.word(j), "i" | "we" | "me" | "us"))
    })
}

/// True when the sentence of token `k` runs on after it to an act said firmly: "and", "then"
/// with no word of possibility after it ("I'll check with the depot and ring you back", not
/// "and see what we can do", "and she can call you maybe").
fn runs_on_firmly(a: &Analysed, k: usize) -> bool {
    let s = a.tokens[k].sentence;
    let end = a.sentences[s].end;
    // "maybe" only of when ("and he calls you maybe Friday") leaves the act itself firm.
    let possible = |n: usize| {
        POSSIBLE.contains(&a.word(n)) && !(a.word(n) == "maybe" && a.times().day_or_time_at(n + 1).is_some())
    };
    (k + 1..end).find(|&j| RUN_ON.contains(&a.word(j))).is_some_and(|j| !(j + 1..end).any(possible))
}

/// True when the speaker's act at `r` only consults someone, asking nothing of them: "I'll ask.",
/// "I'll ask my manager, hopefully this week", "let me check with my supervisor", "I will speak
/// with him", "I'll have a word with the crew", "I'll ask them when they can come". Consulting sets
/// nothing moving the customer can rely on, as "I'll look into it" does not. Not with something
/// asked for ("ask them to waive it", "ask for a review", "ask the lab 4 a rush"), not asking the
/// customer ("I'll ask you to sign"), nor when the sentence runs on to an act said firmly ("I'll
/// check with the depot and ring you back").
pub(super) fn consults_only(a: &Analysed, r: Range) -> bool {
    let Some(k) =
        speaker_verb(a, r, &["ask", "asking", "check", "checking", "speak", "speaking", "talk", "talking", "have"])
    else {
        return false;
    };
    let s = a.tokens[k].sentence;
    let at = |i: usize| a.word_in(s, i);
    // Who is consulted starts at `whom`: right after "ask", after "with" / "to" for the others.
    let whom = match at(k) {
        "ask" | "asking" => k + 1,
        "have" if at(k + 1) == "a" && at(k + 2) == "word" && at(k + 3) == "with" => k + 4,
        "have" => return false,
        _ if matches!(at(k + 1), "with" | "to" | "2") => k + 2,
        _ => return false,
    };
    if matches!(at(whom), "you" | "u" | "ya" | "yourself") {
        return false;
    }
    let clause_end = a.clause_span(k).1;
    // "ask them to fix it", "ask for a new review", "ask them again 4 goodwill": a request.
    let request = (whom..clause_end).any(|j| {
        let next = at(j + 1);
        matches!(at(j), "for" | "4")
            || (matches!(at(j), "to" | "2")
                && !next.is_empty()
                && !matches!(
                    next,
                    "the" | "a" | "an" | "my" | "our" | "your" | "ur" | "him" | "her" | "them" | "me" | "us"
                ))
    });
    !request && !runs_on_firmly(a, k)
}

/// Things a record is made of: logging one of them notes the case, it sets nothing moving.
const RECORD_THING: &[&str] = &[
    "it",
    "this",
    "that",
    "ticket",
    "report",
    "case",
    "file",
    "query",
    "issue",
    "fault",
    "job",
    "problem",
    "call",
    "details",
    "incident",
    "record",
    "enquiry",
    "complaint",
    "concern",
];

/// Verbs of making a record of the case.
const RECORDING: &[&str] = &[
    "log",
    "logged",
    "logging",
    "flag",
    "flagged",
    "flagging",
    "create",
    "created",
    "raise",
    "raised",
    "raising",
    "register",
    "registered",
    "record",
    "recorded",
];

/// True when the act at `r` only makes a record of the case, for no one named: "I've logged it",
/// "I'll log it now", "I've created a ticket for this", "I've flagged it as urgent", "your file has
/// been flagged for follow-up". Said by the speaker or in the passive, of a ticket, a report, the
/// case or "it" ([`RECORD_THING`]). Not of a thing of value ("I've raised a refund request", "raised
/// a fix"), not for or with a party (`@step-party` or the colleague: "a ticket for the billing
/// team", "raised it with the lab manager"), nor when the sentence runs on to an act ("I've raised it, and the depot will check
/// the GPS").
pub(super) fn records_case(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let s = a.tokens[r.0].sentence;
    let at = |i: usize| a.word_in(s, i);
    let passive_at = (r.0..=r.1).find(|&k| {
        RECORDING.contains(&at(k)) && k > a.sentences[s].start && matches!(at(k - 1), "been" | "is" | "are" | "s")
    });
    let Some(k) = speaker_verb(a, r, RECORDING).or(passive_at) else { return false };
    let (clause_start, _) = a.clause_span(k);
    let thing = |j: usize| RECORD_THING.contains(&at(j));
    let recorded = if passive_at == Some(k) {
        (clause_start.max(k.saturating_sub(5))..k).any(thing)
    } else {
        let mut j = k + 1;
        while matches!(at(j), "the" | "a" | "an" | "your" | "ur" | "my" | "our" | "this" | "that") && thing(j + 1) {
            j += 1;
        }
        // "that" or "this" before another word of its clause is its determiner, not the thing
        // recorded: "I've raised that refund request" records something of value.
        let determiner = matches!(at(j), "this" | "that")
            && j + 1 < a.sentences[s].end
            && a.tokens[j + 1].clause == a.tokens[j].clause
            && !matches!(at(j + 1), "now" | "today" | "for" | "and" | "so" | "too" | "already");
        thing(j) && !determiner
    };
    let colleague = &cx.names.colleague;
    let for_party = (k + 1..a.sentences[s].end).any(|j| {
        cx.lists.words.step_party.has(at(j))
            || (!colleague.is_empty() && super::phrase::name_at(&a.tokens, j, colleague).is_some())
    });
    recorded && !for_party && !runs_on_firmly(a, k)
}

/// True when the participle at `p` of a done fragment takes an object of its own: "Supplier sent
/// us the wrong sealer", "head office sent it to the other branch", "your bank double-charged
/// it": an active verb in the past with its subject, a third party's act told as what went wrong,
/// not a thing done for the customer said without its verb of being ("Chair ordered today.",
/// "£95 refunded to your card", "new pass posted first class").
pub(super) fn takes_object(a: &Analysed, p: usize) -> bool {
    let s = a.tokens[p].sentence;
    // Only in the participle's own clause: "Refund sent, it should reach you Friday" is done.
    a.tokens.get(p + 1).is_some_and(|t| t.clause == a.tokens[p].clause)
        && matches!(
            a.word_in(s, p + 1),
            "it" | "them" | "us" | "me" | "him" | "her" | "em" | "wrong" | "our" | "their" | "his"
        )
}

#[cfg(test)]
#[path = "step_acts_tests.rs"]
mod tests;
