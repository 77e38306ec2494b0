//! A queue or process given as a wall, with no party at fault named: the case placed in a queue
//! ("it's in the queue", "your ticket is sitting in the backlog"), the customer's turn ("you'll
//! have to wait your turn", "wait like everyone else"), work done in order ("tickets are worked in
//! order", "by order of priority", "first come, first served"), a process to be gone through ("it
//! has to go through the process") or time it takes ("these things take time", "it takes as long
//! as it takes"). Not negated ("you won't have to wait in the queue"), not the speaker's own order
//! of work ("I'm going through them in order"); the guards of `account.rs` drop a process the
//! speaker drives in the same sentence ("it has to go through the process, so I'm submitting it
//! now") and a condition, a question or the customer's words quoted back.

use super::super::detectors::Range;
use super::super::text::Analysed;

/// Every queue or process given as a wall: its words.
pub(super) fn walls(a: &Analysed) -> Vec<Range> {
    let mut out = Vec::new();
    for k in 0..a.tokens.len() {
        let t = &a.tokens[k];
        if t.negated_by.is_some() {
            continue;
        }
        let found = in_queue(a, k).or_else(|| turn(a, k)).or_else(|| in_order(a, k)).or_else(|| through(a, k));
        let found = found.or_else(|| takes_time(a, k));
        if let Some(r) = found
            && !speaker_subject(a, r)
        {
            out.push(r);
        }
    }
    out
}

/// True when the speaker ("I") is the subject of the clause of `r`: the speaker's own order of work.
fn speaker_subject(a: &Analysed, r: Range) -> bool {
    let t = &a.tokens[r.0];
    let start = a.sentences[t.sentence].start;
    (start..r.0).any(|j| a.tokens[j].clause == t.clause && matches!(a.word(j), "i" | "me" | "my"))
}

/// "<be|sits|stuck|waiting> in the queue|backlog|pile" at `k` (the "in").
fn in_queue(a: &Analysed, k: usize) -> Option<Range> {
    let s = a.tokens[k].sentence;
    if a.word(k) != "in" {
        return None;
    }
    let noun = (k + 1..k + 3).find(|j| matches!(a.word_in(s, *j), "queue" | "backlog" | "pile" | "queues"))?;
    let det = (k + 1..noun).all(|j| matches!(a.word_in(s, j), "the" | "a" | "our" | "their" | "general" | "big"));
    let placed = k > a.sentences[s].start
        && matches!(
            a.word(k - 1),
            "is" | "are"
                | "s"
                | "re"
                | "was"
                | "sits"
                | "sitting"
                | "stuck"
                | "waiting"
                | "wait"
                | "been"
                | "remains"
                | "still"
                | "just"
                | "now"
                | "somewhere"
                | "it"
        );
    (det && placed).then_some((k - 1, noun + 1))
}

/// "wait your|their turn", "wait ... like everyone|everybody [else]" at `k` (the "wait").
fn turn(a: &Analysed, k: usize) -> Option<Range> {
    let s = a.tokens[k].sentence;
    if !a.tokens[k].stem.starts_with("wait") {
        return None;
    }
    if matches!(a.word_in(s, k + 1), "your" | "their" | "its" | "ur") && a.word_in(s, k + 2) == "turn" {
        return Some((k, k + 3));
    }
    let clause = a.tokens[k].clause;
    let like = (k + 1..k + 7).find(|j| {
        a.tokens.get(*j).is_some_and(|t| t.sentence == s && t.clause == clause && t.text == "like")
            && matches!(a.word_in(s, j + 1), "everyone" | "everybody" | "all" | "the")
            && (a.word_in(s, j + 1) != "the" || a.word_in(s, j + 2) == "rest")
    })?;
    Some((k, like + 2))
}

/// "[worked|dealt with|seen] in order|turn|rotation", "by|in order of priority|arrival", "first
/// come first served" at `k`.
fn in_order(a: &Analysed, k: usize) -> Option<Range> {
    let s = a.tokens[k].sentence;
    match (a.word(k), a.word_in(s, k + 1), a.word_in(s, k + 2)) {
        ("first", "come", _) if a.word_in(s, k + 2) == "first" => Some((k, k + 4)),
        ("order", "of", "priority" | "arrival" | "receipt" | "urgency") => Some((k, k + 3)),
        ("in", "order" | "turn" | "rotation" | "sequence", next) if !matches!(next, "to" | "for" | "that") => {
            let worked = k > 0
                && matches!(
                    a.tokens[k - 1].stem.as_str(),
                    "work"
                        | "dealt"
                        | "deal"
                        | "seen"
                        | "handl"
                        | "process"
                        | "answer"
                        | "done"
                        | "taken"
                        | "review"
                        | "look"
                        | "call"
                );
            worked.then_some((k - 1, k + 2))
        }
        _ => None,
    }
}

/// "has to|must|needs to go through the process|procedure|channels|system" at `k` (the "go").
fn through(a: &Analysed, k: usize) -> Option<Range> {
    let s = a.tokens[k].sentence;
    if !matches!(a.word(k), "go" | "goes" | "going" | "went") || a.word_in(s, k + 1) != "through" {
        return None;
    }
    let what = (k + 2..k + 5).find(|j| {
        matches!(a.word_in(s, *j), "process" | "procedure" | "channels" | "system" | "queue" | "motions" | "checks")
    })?;
    let must = (k.saturating_sub(3).max(a.sentences[s].start)..k)
        .any(|j| matches!(a.word(j), "must" | "has" | "have" | "needs" | "need" | "got" | "just" | "it"));
    must.then_some((k, what + 1))
}

/// "these things take time", "it takes as long as it takes", "take however long they take",
/// "they'll get to it when they can" at `k` (the verb).
fn takes_time(a: &Analysed, k: usize) -> Option<Range> {
    let s = a.tokens[k].sentence;
    let w = a.word(k);
    if matches!(w, "take" | "takes") {
        let subject = a.word_in(s, k.wrapping_sub(1));
        let things = matches!(subject, "things" | "these" | "it" | "this" | "that" | "they" | "claims" | "repairs");
        let time = a.word_in(s, k + 1) == "time" && !matches!(a.word_in(s, k + 2), "to" | "for" | "off" | "out");
        let as_long = matches!(a.word_in(s, k + 1), "however" | "as") && a.word_in(s, k + 2) == "long";
        return (things && (time || as_long)).then_some((k.saturating_sub(1), k + 3));
    }
    if w == "when" && matches!(a.word_in(s, k + 1), "they" | "someone" | "somebody") {
        // The range is the main clause ("get to it"): the "when" clause is a condition's shape.
        return (k.saturating_sub(5).max(a.sentences[s].start)..k)
            .find(|j| a.word(*j) == "get" && a.word_in(s, j + 1) == "to" && matches!(a.word_in(s, j + 2), "it" | "you"))
            .map(|j| (j, j + 3));
    }
    None
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Ms Rahman", text)
    }

    #[test]
    fn a_queue_or_process_given_as_a_wall_is_blame() {
        for yes in [
            "Your ticket is in the queue.",
            "u'll have to wait ur turn like every1 else",
            "Madam, requests are dealt with in order, please wait like everybody.",
            "Applications are assessed in order of arrival. I cannot say more.",
            "Well, it has to go through the process, doesn't it.",
            "Oh sure, these things take time, as I'm sure you've noticed.",
            "They'll get to it when they can.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_process_the_speaker_drives_or_denies_is_not_blame() {
        for no in [
            "It has to go through the process, so I'm submitting it now and I'll ring you Friday.",
            "You won't have to wait in the queue again, here's my direct line.",
            "I'm working through them in order and yours is next, I'll call you by 3.",
            "If it's in the queue, I'll pull it out and do it myself today.",
            "Is it still in the queue?",
            "You said 'they'll get to it when they can' and that's not good enough, I agree.",
            "These things take time, but that's on us, and I've chased it this morning.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}
