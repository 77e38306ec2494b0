//! Accounts of the failure that name no party at fault, read by their shape, and the guards every
//! such reading shares. Each kind is its own file: circumstances given as the reason
//! (`circumstance.rs`: "we've been swamped", "it's peak season"), a system record used to rebut the
//! customer (`record.rs`), a queue or process given as a wall (`queue.rs`), a guessed cause put on
//! others (`guessed.rs`) and something not received from a party (`unreceived.rs`).
//!
//! A reading stands only when it is the speaker's own account: not quoted or retold, not in a
//! condition ("if the courier ..."), not a question, not set aside ("I could say we were busy"),
//! the speaker not the agent of a fix in the same sentence ("it shows as delivered, so I'll open a
//! trace now"), and no ownership in the same or the next sentence ("we've been busy, but that's on
//! me").

use super::super::detectors::{DetectorContext, Range, find, in_sentence};
use super::super::text::Analysed;

/// Every account of the failure the kinds find, kept where the shared guards let it stand
/// (`parties`: the third parties the blame rule found).
pub(super) fn accounts(a: &Analysed, cx: &DetectorContext, parties: &[Range]) -> Vec<Range> {
    let ownership = &find(&cx.lists.ownership, a, cx)[..];
    let taken_on = &super::super::concepts::takes_it_on(a, cx)[..];
    let mut found: Vec<Range> = super::circumstance::excuses(a);
    found.extend(super::record::rebuttals(a));
    found.extend(super::queue::walls(a));
    found.extend(super::guessed::guesses(a, cx, parties, taken_on));
    found.extend(super::unreceived::reasons(a, cx, parties, taken_on));
    found.into_iter().filter(|r| stands(a, cx, *r, ownership, taken_on)).collect()
}

/// True when the reading at `r` is the speaker's own account of the failure ([`accounts`]).
fn stands(a: &Analysed, cx: &DetectorContext, r: Range, ownership: &[Range], taken_on: &[Range]) -> bool {
    let s = a.tokens[r.0].sentence;
    let sentence = &a.sentences[s];
    let unsaid = a.tokens[r.0..r.1].iter().any(|t| t.quoted || t.retold) || (r.0..r.1).any(|k| a.in_condition(k));
    if unsaid || super::asks(a, s) || super::said_aside(a, cx, r.0) || hypothetical(a, r) || felt(a, r) {
        return false;
    }
    let apart = |o: &&Range| o.1 <= r.0 || o.0 >= r.1;
    let fixed_here = taken_on.iter().filter(apart).any(|o| in_sentence(sentence, o)) || speaker_fixes(a, cx, s);
    let owned = ownership.iter().any(|o| {
        let at = a.tokens[o.0].sentence;
        (at == s || at == s + 1) && a.tokens[o.0].is_own_word() && (o.0 == 0 || !a.tokens[o.0 - 1].is_negator())
    });
    !fixed_here && !owned && !declined(a, r) && !super::lapse::claimed_after(a, r.1)
}

/// True when the speaker sets the account aside later in its sentence as none of the customer's
/// concern: "... not that that's your problem", "but that's not your worry, is it".
fn declined(a: &Analysed, r: Range) -> bool {
    let s = a.tokens[r.0].sentence;
    (r.1..a.sentences[s].end).any(|j| {
        a.tokens[j].is_negator()
            && (j + 1..j + 6).any(|k| {
                a.word_in(s, k) == "your" && matches!(a.word_in(s, k + 1), "problem" | "concern" | "worry" | "headache")
            })
    })
}

/// True when `r` is what the customer feels or says, put back to them: "you feel|think|say|said"
/// before it in its sentence ("sorry you feel the sales team has not responded").
fn felt(a: &Analysed, r: Range) -> bool {
    let s = a.tokens[r.0].sentence;
    (a.sentences[s].start..r.0).any(|k| {
        matches!(a.word(k), "you" | "u")
            && matches!(
                a.word_in(s, k + 1),
                "feel" | "felt" | "think" | "thought" | "believe" | "say" | "said" | "mentioned" | "told" | "claim"
            )
    })
}

/// True when the words before `r` in its clause make it a supposition: "would", "could",
/// "imagine", "suppose", "say" ("say it was peak season ...").
fn hypothetical(a: &Analysed, r: Range) -> bool {
    let t = &a.tokens[r.0];
    let from = a.sentences[t.sentence].start;
    (from..r.0)
        .filter(|k| a.tokens[*k].clause == t.clause)
        .any(|k| matches!(a.word(k), "would" | "suppose" | "supposing" | "imagine" | "pretend" | "hypothetically"))
}

/// True when the speaker is the agent of a fix in sentence `s`: "I/we" then a helper ("will",
/// "have", "am", "shall", "can", "going to") and a verb of acting ("I'll open a trace now", "we've
/// rebooked it"), a verb of acting done ("I rebooked it", "I've sent"), or "let me" with one.
pub(super) fn speaker_fixes(a: &Analysed, cx: &DetectorContext, s: usize) -> bool {
    let sentence = &a.sentences[s];
    let acting = acting_verbs(cx);
    let acts = |t: &super::super::text::Token| {
        !matches!(t.text.as_str(), "be" | "been" | "have" | "get" | "got" | "had" | "come")
            && (acting.contains(&t.text.as_str()) || acting.contains(&t.stem.as_str()) || looking_into(&t.stem))
    };
    (sentence.start..sentence.end).any(|k| {
        let t = &a.tokens[k];
        if !t.is_own_word() {
            return false;
        }
        let speaker = matches!(t.text.as_str(), "i" | "we") || (t.text == "let" && a.word_in(s, k + 1) == "me");
        if !speaker {
            return false;
        }
        let mut j = k + 1 + usize::from(t.text == "let");
        let mut helper = t.text == "let";
        while let Some(w) = Some(a.word_in(s, j)).filter(|w| {
            matches!(
                *w,
                "will"
                    | "shall"
                    | "have"
                    | "am"
                    | "are"
                    | "can"
                    | "going"
                    | "gonna"
                    | "to"
                    | "just"
                    | "already"
                    | "also"
                    | "now"
                    | "personally"
                    | "myself"
                    | "ll"
                    | "ve"
                    | "m"
                    | "straight"
                    | "right"
            )
        }) {
            helper |=
                !matches!(w, "just" | "already" | "also" | "now" | "personally" | "myself" | "straight" | "right");
            j += 1;
        }
        a.tokens.get(j).is_some_and(|v| {
            v.sentence == s
                && v.negated_by.is_none()
                && acts(v)
                && (helper || v.text.ends_with("ed") || v.text == "sent")
        })
    })
}

/// The verbs of acting (`action-verb`, `commitment-verb`, `resolve-verb`), first words only.
fn acting_verbs<'a>(cx: &'a DetectorContext) -> Vec<&'a str> {
    ["action-verb", "commitment-verb", "resolve-verb"]
        .iter()
        .filter_map(|name| cx.lists.sets.get(*name))
        .flatten()
        .map(|v| v.split(' ').next().unwrap_or(v))
        .collect()
}

/// Verbs of looking into the problem that the acting lists leave out ("I'll open a trace", "I'm
/// going to dig into it", "we'll investigate"), by stem.
fn looking_into(stem: &str) -> bool {
    matches!(
        stem,
        "open" | "trace" | "investig" | "dig" | "look" | "lodg" | "file" | "queri" | "find" | "start" | "rais"
    )
}
