//! The concept detectors of `docs/labelling.md` that the older detectors did not cover: taking it
//! on, empathy, sending the customer away, commitments at day or time granularity, next steps said
//! actively, passively or as done, a warm hand-over's context, and genuine questions. Each is a rule
//! over the response's tokens, clauses and the matches of its word lists; each returns its evidence.

use super::detectors::{
    DetectorContext, Range, blame_shifting, commitments, find, hedged, in_sentence, specific_time_commitment,
};
use super::text::Analysed;
use super::time::time_at;

/// Words that put a found time within a day: a clock, a part of day, or hours and minutes.
const WITHIN_A_DAY: &[&str] = &[
    "am",
    "pm",
    "a.m",
    "p.m",
    "noon",
    "midday",
    "midnight",
    "morning",
    "afternoon",
    "evening",
    "tonight",
    "lunchtime",
    "lunch",
    "night",
    "hour",
    "hours",
    "hr",
    "hrs",
    "minute",
    "minutes",
    "min",
    "mins",
    "o'clock",
    "oclock",
    "half",
    "quarter",
    "eod",
    "cob",
    "business",
    "play",
];

/// True when the time at `t` is pinned within a day (see [`WITHIN_A_DAY`]).
fn within_a_day(a: &Analysed, t: Range) -> bool {
    a.tokens[t.0..t.1].iter().any(|tok| {
        let w = tok.text.as_str();
        WITHIN_A_DAY.contains(&w)
            || w.contains(':')
            || w.ends_with("am") && w.starts_with(|c: char| c.is_ascii_digit())
            || w.ends_with("pm") && w.starts_with(|c: char| c.is_ascii_digit())
            || (w.len() >= 3
                && w.len() <= 4
                && w.bytes().all(|b| b.is_ascii_digit())
                && !(1900..2100).contains(&w.parse::<u32>().unwrap_or(0)))
            || (w.bytes().all(|b| b.is_ascii_digit())
                && w.parse::<u32>().is_ok_and(|n| (1..=12).contains(&n))
                && t.1 - t.0 <= 3
                && matches!(a.tokens[t.0].text.as_str(), "at" | "by" | "around" | "before"))
    })
}

/// `specific-time`: a firm commitment pinned within a day.
pub fn specific_time(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let found = specific_time_commitment(a, cx);
    let timed: Vec<Range> =
        found.iter().copied().filter(|r| time_at(&a.tokens, r.0).is_some() && within_a_day(a, *r)).collect();
    if timed.is_empty() {
        return Vec::new();
    }
    found
}

/// `specific-day`: a firm commitment with at least a day: any specific time, or today / tomorrow,
/// a bounded number of days, or the end of the week.
pub fn specific_day(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let timed = specific_time_commitment(a, cx);
    if !timed.is_empty() {
        return timed;
    }
    let mut out = Vec::new();
    for c in commitments(a, cx) {
        let sentence = &a.sentences[a.tokens[c.0].sentence];
        for i in sentence.start..sentence.end {
            let Some(len) = day_at(a, i) else { continue };
            let span = (i, i + len);
            let own = a.tokens[i..i + len].iter().all(|t| !t.quoted && t.negated_by.is_none());
            let near = i + 8 >= c.0 && i <= c.1 + 8;
            if own && near && !hedged(a, cx, c, Some(span)) {
                out.push(c);
                out.push(span);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A day-level time at `i`: "today", "tomorrow", "by the end of the week", "within 14 days",
/// "in 2 to 3 working days", "on 15/12".
fn day_at(a: &Analysed, i: usize) -> Option<usize> {
    let w = |k: usize| a.tokens.get(k).map_or("", |t| t.text.as_str());
    if matches!(w(i), "today" | "tomorrow" | "tonight") {
        return Some(1);
    }
    if matches!(w(i), "by" | "before") && w(i + 1) == "the" && w(i + 2) == "end" && w(i + 3) == "of" {
        let mut j = i + 4;
        if matches!(w(j), "the" | "this") {
            j += 1;
        }
        return matches!(w(j), "week" | "day" | "month").then_some(j - i + 1);
    }
    if matches!(w(i), "within" | "in") {
        let mut j = i + 1;
        if matches!(w(j), "the" | "next") {
            j += 1;
        }
        let number = |s: &str| {
            s.bytes().all(|b| b.is_ascii_digit() || b == b'-') && !s.is_empty()
                || matches!(s, "two" | "three" | "four" | "five" | "seven" | "ten" | "fourteen" | "a" | "one")
        };
        if !number(w(j)) {
            return None;
        }
        j += 1;
        if matches!(w(j), "to" | "or" | "-") && number(w(j + 1)) {
            j += 2;
        }
        if matches!(w(j), "working" | "business") {
            j += 1;
        }
        return matches!(w(j), "day" | "days" | "week" | "fortnight").then_some(j - i + 1);
    }
    time_at(&a.tokens, i)
}

/// Modal and hedging words that stop "I ... <verb>" from taking anything on.
const NOT_TAKING_IT_ON: &[&str] = &[
    "can",
    "could",
    "might",
    "may",
    "would",
    "should",
    "try",
    "trying",
    "hope",
    "see",
    "wish",
    "wanted",
    "want",
    "think",
    "suppose",
    "guess",
    "if",
    "when",
    "once",
    "did",
    "had",
    "was",
    "were",
    "told",
    "said",
    "unable",
    "afraid",
    "sorry",
    "apologise",
    "apologize",
];

/// `takes-it-on`: the speaker takes the problem on ("leave it with me", "I'll sort this out",
/// "I've raised the correction", "fixing it now"), firmly: a hedged, conditional, negated or
/// reported promise does not count, nor does a question.
pub fn takes_it_on(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let resolve = find(&cx.lists.resolve_verb, a, cx);
    let mut out: Vec<Range> = find(&cx.lists.takes_it_on, a, cx);
    for (i, t) in a.tokens.iter().enumerate() {
        let subject = matches!(t.text.as_str(), "i" | "we") && !t.quoted;
        let sentence = &a.sentences[t.sentence];
        if !subject || sentence.question_mark {
            continue;
        }
        let clause_end = (i + 1..sentence.end).find(|&k| a.tokens[k].clause != t.clause).unwrap_or(sentence.end);
        let window = (i + 1)..(i + 5).min(clause_end);
        let Some(verb) = resolve.iter().find(|v| window.contains(&v.0)) else { continue };
        let between = &a.tokens[i + 1..verb.0];
        let weakened = between.iter().any(|w| NOT_TAKING_IT_ON.contains(&w.text.as_str()) || w.is_negator());
        if !weakened && a.tokens[verb.0].negated_by.is_none() {
            out.push((i, verb.1));
        }
    }
    // Without a subject: "fixing it now", "sending a new one now", "will chase them".
    for v in &resolve {
        let sentence = &a.sentences[a.tokens[v.0].sentence];
        let at_start = v.0 == sentence.start || (v.0 == sentence.start + 1 && a.tokens[sentence.start].text == "will");
        if at_start && !sentence.question_mark && a.tokens[v.0].text.ends_with("ing")
            || at_start && v.0 > sentence.start
        {
            out.push(*v);
        }
    }
    out.retain(|r| !hedged(a, cx, *r, None) && a.tokens[r.0..r.1].iter().all(|t| !t.quoted));
    out.sort();
    out.dedup();
    out
}

/// `empathy`: the customer's feelings or the impact on them named ("that must have been maddening",
/// "I know you were relying on that money"); not in a sarcastic sentence.
pub fn empathy(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let sarcasm = find(&cx.lists.sarcasm, a, cx);
    let deflecting = find(&cx.lists.deflecting, a, cx);
    let mut out = find(&cx.lists.empathy, a, cx);
    out.retain(|r| {
        let sentence = &a.sentences[a.tokens[r.0].sentence];
        !sarcasm.iter().any(|s| in_sentence(sentence, s)) && !deflecting.iter().any(|d| d.0 <= r.0 && d.1 >= r.1)
    });
    out
}

/// `sends-away`: the customer told to go and contact someone else themselves.
pub fn sends_away(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = find(&cx.lists.sends_away, a, cx);
    out.retain(|r| {
        let next = |k: usize| a.tokens.get(r.1 + k).map_or("", |t| t.text.as_str());
        // "contact me", "call us back": the speaker stays the one to deal with.
        // "I'm going to ring the chair myself": the speaker does the contacting.
        let t = &a.tokens[r.0];
        let sentence = &a.sentences[t.sentence];
        let speaker_does_it = (sentence.start..r.0)
            .any(|i| a.tokens[i].clause == t.clause && matches!(a.tokens[i].text.as_str(), "i" | "we" | "let"));
        !speaker_does_it
            && !matches!(next(0), "me" | "us" | "myself" | "back")
            && !matches!((next(0), next(1)), ("my", _) | ("our", "team" | "number"))
            && !a.tokens[r.0..r.1].iter().any(|t| t.quoted)
    });
    out
}

/// `next-steps`: what happens next, said actively, passively, as done, or as an instruction with a
/// concrete channel; a bare promise to get back in touch is not a step.
pub fn next_steps(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = find(&cx.lists.next_step, a, cx);
    out.extend(find(&cx.lists.next_step_patterns, a, cx));
    let contact_only = find(&cx.lists.contact_verb, a, cx);
    let verbs = find(&cx.lists.action_verb, a, cx);
    for c in commitments(a, cx) {
        let doing = verbs
            .iter()
            .filter(|v| v.0 >= c.0 && v.0 <= c.1 + 2)
            .any(|v| !contact_only.iter().any(|k| k.0 <= v.0 && k.1 >= v.1));
        if doing && !hedged(a, cx, c, None) {
            out.push(c);
        }
    }
    out.extend(sends_away(a, cx));
    out.extend(instructions(a));
    out.retain(|r| a.tokens[r.0..r.1].iter().all(|t| !t.quoted));
    out.sort();
    out.dedup();
    out
}

/// Verbs that open an instruction to the customer ("Email events@…", "Restart and try again").
const IMPERATIVES: &[&str] = &[
    "email", "call", "ring", "phone", "contact", "send", "reply", "visit", "go", "ask", "pop", "bring", "restart",
    "reboot", "try", "log", "click", "fill", "complete", "submit", "upload", "forward", "dm", "message", "text",
    "check", "keep", "return", "post", "drop", "come", "head",
];

/// Sentences that instruct the customer: an imperative first word, not a question.
fn instructions(a: &Analysed) -> Vec<Range> {
    a.sentences
        .iter()
        .filter(|s| s.end > s.start + 1 && !s.question_mark)
        .filter(|s| {
            let first = &a.tokens[s.start];
            let start = if first.text == "please" || first.text == "just" { s.start + 1 } else { s.start };
            a.tokens
                .get(start)
                .is_some_and(|t| IMPERATIVES.contains(&t.text.as_str()) && !t.quoted && t.sentence == first.sentence)
        })
        .map(|s| (s.start, s.end))
        .collect()
}

/// `handover-context`: the case passed on warm: the colleague already has the details, the
/// customer will not repeat themselves, or the colleague is introduced with what was passed on.
pub fn handover_context(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out: Vec<Range> = find(&cx.lists.no_repeat, a, cx);
    out.extend(find(&cx.lists.handover_context, a, cx));
    out.retain(|r| a.tokens[r.0..r.1].iter().all(|t| !t.quoted && t.negated_by.is_none()));
    out
}

/// `genuine-question`: a real question to the customer; rhetorical, sarcastic and accusatory ones
/// ("did you even read the email?", "what can I say?") are not.
pub fn genuine_question(a: &Analysed, cx: &DetectorContext, questions: Vec<Range>) -> Vec<Range> {
    let rhetorical = find(&cx.lists.rhetorical, a, cx);
    let blame = blame_shifting(a, cx);
    questions
        .into_iter()
        .filter(|q| {
            let s = &a.sentences[a.tokens[q.0].sentence];
            !rhetorical.iter().any(|r| in_sentence(s, r))
                && !blame.iter().any(|b| in_sentence(s, b) && a.tokens[s.start].text == "why")
        })
        .collect()
}
