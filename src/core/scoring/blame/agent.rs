//! A failure said in the passive with a third party as its agent, offered as the account of what
//! went wrong: "the cancellation was made by our contractor", "your bag was mishandled by the
//! ground staff", "the delay was caused by the help desk sending you to the wrong place". The
//! shape, not the words: a form of "be" (or "get"), a past participle, then "by" and someone other
//! than the speaker (a named party, a colleague, a determiner and a role or a thing that acts,
//! "they"); the participle a fault ("lost", "damaged", "caused") or the clause's subject a failure
//! ("the delay", "the mix-up"). Not who does a kind of work ("refunds are processed by our
//! payments team", read by `routing.rs`), not a cause that is an event ("caused by the strike"),
//! not the speaker as agent ("caused by me", "by our own booking system"), not in a condition,
//! a question about the cause or words set aside ("I won't pretend it was lost by the courier").

use super::super::detectors::{DetectorContext, Range, in_sentence};
use super::super::phrase::name_at;
use super::super::text::Analysed;

/// Participles that say something went wrong, by their stem or their form.
fn fault_participle(a: &Analysed, i: usize) -> bool {
    let t = &a.tokens[i];
    let listed = |w: &str| {
        matches!(
            w,
            "caused"
                | "lost"
                | "damaged"
                | "damage"
                | "mishandled"
                | "missorted"
                | "misrouted"
                | "misplaced"
                | "misdirected"
                | "mislabelled"
                | "mislabeled"
                | "delayed"
                | "cancelled"
                | "canceled"
                | "missed"
                | "dropped"
                | "broken"
                | "broke"
                | "deleted"
                | "wiped"
                | "overlooked"
                | "ignored"
                | "forgotten"
                | "messed"
                | "botched"
                | "overbooked"
                | "blocked"
                | "scratched"
                | "dented"
                | "lose"
                | "cancel"
        )
    };
    listed(&t.text) || listed(&t.stem)
}

/// Nouns that name a failure: as the subject of a passive ("the cancellation was made by ..."),
/// the clause is an account of what went wrong.
fn failure_noun(word: &str) -> bool {
    matches!(
        word,
        "delay"
            | "cancellation"
            | "damage"
            | "problem"
            | "issue"
            | "error"
            | "mistake"
            | "fault"
            | "mix"
            | "mixup"
            | "confusion"
            | "outage"
            | "mess"
            | "miscommunication"
            | "breakage"
            | "loss"
    )
}

/// Things and bodies that act as an agent but are not in the party lists ("our automated system",
/// "the hosting provider", "the airport").
fn acting_thing(word: &str) -> bool {
    matches!(
        word,
        "system"
            | "provider"
            | "vendor"
            | "supplier"
            | "secretary"
            | "carrier"
            | "airport"
            | "platform"
            | "airline"
            | "bank"
            | "insurer"
            | "venue"
            | "script"
            | "software"
            | "app"
            | "algorithm"
            | "couriers"
            | "drivers"
    )
}

/// Where the third-party agent after "by" at `by` ends (exclusive): a party of `parties`, a
/// colleague's name, "they", or up to five words of its clause ending in a role or an acting thing
/// ("one of our self-employed courier partners", "the venue's events manager"). None for the
/// speaker ("me", "us", "our own ...") or anything else ("by Friday", "by email", "by the strike").
fn agent_after(a: &Analysed, cx: &DetectorContext, parties: &[Range], by: usize) -> Option<usize> {
    let (s, clause, j) = (a.tokens[by].sentence, a.tokens[by].clause, by + 1);
    let here = |k: usize| a.tokens.get(k).filter(|t| t.sentence == s && t.clause == clause && !t.quoted);
    let speaker =
        (j..j + 3).any(|k| here(k).is_some_and(|t| matches!(t.text.as_str(), "me" | "us" | "myself" | "own")));
    if speaker || here(j).is_none() {
        return None;
    }
    if let Some(p) = parties.iter().find(|p| p.0 == j) {
        return Some(p.1);
    }
    if let Some(len) = name_at(&a.tokens, j, &cx.names.colleague) {
        return Some(j + len);
    }
    if matches!(a.word(j), "they" | "them") {
        return Some(j + 1);
    }
    let roles = &cx.lists.words.blame_role_noun;
    let determiner = matches!(a.word(j), "the" | "our" | "a" | "an" | "one" | "their" | "his" | "her" | "that");
    let role = |k: usize| here(k).is_some_and(|t| roles.has(&t.text) || roles.has(&t.stem) || acting_thing(&t.text));
    // The last role word of the agent's phrase: "the library help desk", "our partner's ground staff".
    let first = (j..j + 5).find(|k| role(*k))?;
    let last = (first..first + 3).take_while(|k| role(*k) || here(*k).is_some_and(|t| t.text == "s")).last()?;
    // "Dr Osei's secretary" (read "dr osei secretary"): a named person's role is a party too.
    let possessive = matches!(a.word(j), "mr" | "mrs" | "ms" | "miss" | "dr") && first <= j + 3;
    (determiner || possessive || first == j).then_some(last + 1)
}

/// True when the agent ending at `end` is said to have failed in a relative clause right after
/// it ("our automated system, which failed to alert the analyst", "the driver, who lost it").
fn failed_after(a: &Analysed, cx: &DetectorContext, end: usize) -> bool {
    let s = a.tokens[end - 1].sentence;
    let faults = &cx.lists.words.blame_strong_fault_word;
    (end..end + 2).any(|k| matches!(a.word_in(s, k), "which" | "who"))
        && (end + 1..end + 5).any(|k| faults.has(a.word_in(s, k)) || a.word_in(s, k) == "failing")
}

/// The passive's participle before "by" at `by` ("was lost by", "got damaged by", "were probably
/// caused by"), with the form of "be" or "get" that opens it: `(be, participle)`.
fn passive_before(a: &Analysed, by: usize) -> Option<(usize, usize)> {
    let (s, clause) = (a.tokens[by].sentence, a.tokens[by].clause);
    let here = |k: usize| a.tokens.get(k).filter(|t| t.sentence == s && t.clause == clause);
    let participle = (by.saturating_sub(2)..by).rev().find(|k| {
        here(*k).is_some_and(|t| {
            t.text.ends_with("ed")
                || t.text.ends_with("en")
                || matches!(
                    t.text.as_str(),
                    "lost"
                        | "made"
                        | "done"
                        | "broke"
                        | "damage"
                        | "sent"
                        | "put"
                        | "set"
                        | "left"
                        | "kept"
                        | "held"
                        | "told"
                        | "paid"
                        | "sold"
                        | "run"
                )
        })
    })?;
    let be = (participle.saturating_sub(3)..participle).rev().find(|k| {
        here(*k).is_some_and(|t| {
            matches!(
                t.text.as_str(),
                "is" | "was" | "were" | "are" | "been" | "being" | "be" | "got" | "get" | "gets" | "s"
            )
        })
    })?;
    Some((be, participle))
}

/// Passive accounts of a failure with a third party as agent, outside the sentences that own or
/// take something on (`owned`: those finds): each a range from the clause's subject to the end of
/// the agent.
pub(super) fn passive_faults(a: &Analysed, cx: &DetectorContext, parties: &[Range], owned: &[Range]) -> Vec<Range> {
    let mut out = Vec::new();
    for by in (1..a.tokens.len()).filter(|&k| a.word(k) == "by" && a.tokens[k].is_own_word()) {
        let sentence = &a.sentences[a.tokens[by].sentence];
        if a.in_condition(by) || super::said_aside(a, cx, by) || owned.iter().any(|o| in_sentence(sentence, o)) {
            continue;
        }
        let Some((be, participle)) = passive_before(a, by) else { continue };
        let Some(end) = agent_after(a, cx, parties, by) else { continue };
        let (s, clause) = (a.tokens[by].sentence, a.tokens[by].clause);
        let start = (a.sentences[s].start..be).find(|k| a.tokens[*k].clause == clause).unwrap_or(be);
        let failure = (start..be).any(|k| failure_noun(a.word(k)) || failure_noun(&a.tokens[k].stem));
        let negated = (start..=participle).any(|k| a.tokens[k].is_negator());
        if (failure || fault_participle(a, participle) || failed_after(a, cx, end)) && !negated {
            out.push((start, end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mrs Obi", text)
    }

    #[test]
    fn a_failure_done_by_a_third_party_in_the_passive_is_blame() {
        for yes in [
            "Dear Mrs Obi, the cancellation was made by the venue's events manager without consulting us.",
            "ur order got lost by the couriers again smh",
            "The error was made by a temp in accounts. Regards, Lettings",
            "Madam, the box is damage by the delivery driver. Please to write to them.",
            "so um the mix-up was caused by the new planner putting you on the wrong day",
            "Delightful: your files were deleted by head office's clean-up script.",
            "Your table was double booked, and I'm told the booking was overlooked by the evening supervisor.",
            "The reminder was sent by our billing platform, which failed to check the date.",
            "yeah the form was filed by Mr Khan's assistant who forgot the second page",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn routine_work_events_the_speaker_and_conditions_are_not() {
        for no in [
            "Your refund was approved by our finance team this morning.",
            "The parcel was collected by the courier at 9 and will reach you tomorrow.",
            "The mix-up was caused by me not checking the date, I'm sorry.",
            "The delay was caused by our own scheduling, and that's on us.",
            "If it was damaged by the courier, I'll replace it today.",
            "The flight was delayed by the snow, so I've refunded your seat fee.",
            "I won't pretend it was lost by the courier; we lost it and I'm sorting it now.",
            "You said it was 'lost by the warehouse', and I've checked: it's on the shelf here.",
            "The damage wasn't caused by the courier, so I'm sending a new one today.",
            "Will it be delivered by the driver or posted? Either works, I'll arrange it.",
            "Your claim was checked by Mr Khan's assistant, who found everything in order.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}
