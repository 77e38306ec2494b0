//! Blame said through the shape of a sentence rather than a fault word: who a thing is handled or
//! decided by ("meter exchanges are carried out by our installation partner"), the speaker's job
//! drawn as a line ("I just answer the phones", "I don't do events"), an inability with nothing
//! offered after it ("I can't change it from here"), a rule cited as the reason ("as per policy
//! terms", "Policy."), a cause put outside ("due to a national supply issue"), and the customer
//! put at fault ("if you'd opened the email", "maybe check next time").
//!
//! Each find is weak or strong. A weak one (a wall, a remit, a cause) is blame only in an answer
//! that owns nothing and takes nothing on: said while helping it is information (the guideline's
//! "neutral rule stated while helping" and "cause named while fixing it"). A strong one (a fault
//! laid on the customer) blames wherever it is. The word lists these read are in
//! `builtin_lists.ron` (`remit-verb`, `job-verb`, `not-a-wall-verb`, `rule-noun`). A weak find
//! also stands down when the speaker does something on the problem anywhere in the answer ("I
//! can't quote, but Tomasz can; shall I fetch him?").

use super::detectors::{DetectorContext, Range};
use super::text::Analysed;

/// A wall or fault found by shape: where, and whether it blames even in an answer that helps.
pub(super) type Wall = (Range, bool);

/// Every wall and customer fault of the answer, in order.
pub(super) fn walls(a: &Analysed, cx: &DetectorContext) -> Vec<Wall> {
    let words = words_of(cx);
    let acts = speaker_acts(a, &words);
    let mut out = Vec::new();
    for i in 0..a.tokens.len() {
        // Negation is read by each shape: "not able to" is an inability, "not caused by" clears.
        // A question is no wall ("Can't we just book it for Friday?"); a tag question asserts
        // ("you could've rung, couldn't you?").
        if a.tokens[i].quoted || a.tokens[i].retold || super::blame::asks(a, a.tokens[i].sentence) {
            continue;
        }
        let found = passive_remit(a, &words, i)
            .or_else(|| role_limit(a, &words, i))
            .or_else(|| inability(a, &words, i))
            .or_else(|| rule_cited(a, &words, i))
            .or_else(|| cause_outside(a, &words, i))
            .or_else(|| customer_at_fault(a, i));
        // A wall said while the speaker does something about it is information, not blame.
        out.extend(found.filter(|(_, strong)| *strong || !acts));
    }
    out
}

/// True when the speaker does or will do something on the problem ([`speaker_acts`], with the
/// acting verbs of the lists): a weak find stands down.
pub(super) fn acts(a: &Analysed, cx: &DetectorContext) -> bool {
    speaker_acts(a, &words_of(cx))
}

/// True when the speaker does or will do something on the problem: "I've passed it to Dana",
/// "I'll call you Friday", "I'm going to get an engineer out", "shall I bring him over?", "let me
/// check". The verb must be one of acting (`action-verb`, `commitment-verb`, `resolve-verb`).
fn speaker_acts(a: &Analysed, w: &Words) -> bool {
    // "Please follow us and send a DM", "send me the letter", "send it by reply": the case comes
    // back to the speaker.
    let back_to_us = (0..a.tokens.len()).any(|k| {
        a.tokens[k].is_own_word()
            && (matches!(a.word(k), "dm" | "reply")
                || (matches!(a.word(k), "send" | "message" | "email") && matches!(a.word(k + 1), "me" | "us")))
    });
    back_to_us
        || (0..a.tokens.len()).any(|k| {
            if !a.tokens[k].is_own_word() {
                return false;
            }
            let s = a.tokens[k].sentence;
            let offer = matches!((a.word(k), a.word_in(s, k + 1)), ("shall", "i") | ("want", "me") | ("let", "me"));
            // "nothing I can do", "nowt we can do": the speaker's inability, not an act.
            let none_before = k > 0 && matches!(a.word_in(s, k - 1), "nothing" | "nowt" | "little" | "much");
            let speaker = matches!(a.word(k), "i" | "we")
                && !none_before
                && matches!(a.word_in(s, k + 1), "will" | "have" | "am" | "are" | "shall" | "would" | "can");
            let mut j = k + 2;
            while matches!(
                a.word_in(s, j),
                "just"
                    | "already"
                    | "also"
                    | "now"
                    | "personally"
                    | "going"
                    | "to"
                    | "myself"
                    | "happy"
                    | "be"
                    | "glad"
            ) {
                j += 1;
            }
            // By stem: "I'm passing this to Kwame" acts as "pass" does.
            (offer || speaker)
                && a.tokens.get(j).is_some_and(|t| {
                    // "We can confirm your item is at our depot" reports; it does nothing.
                    t.sentence == s
                        && t.negated_by.is_none()
                        && a.word_in(s, j + 1) != "nothing"
                        && t.text != "confirm"
                        && (w.acting.contains(&t.text.as_str()) || w.acting.contains(&&*t.stem))
                })
        })
}

/// The word lists the shapes read, from the merged lists.
fn words_of<'a>(cx: &'a DetectorContext) -> Words<'a> {
    let set = |name: &str| -> Vec<&str> {
        cx.lists.sets.get(name).map(|m| m.iter().map(String::as_str).collect()).unwrap_or_default()
    };
    Words {
        filler: &cx.lists.words.wall_filler,
        remit: &cx.lists.words.remit_verb,
        job: &cx.lists.words.job_verb,
        not_wall: &cx.lists.words.not_a_wall_verb,
        rule: &cx.lists.words.rule_noun,
        // First words only: "let you know" acts from "let".
        acting: [set("action-verb"), set("commitment-verb"), set("resolve-verb")]
            .concat()
            .into_iter()
            .map(|v| v.split(' ').next().unwrap_or(v))
            .collect(),
    }
}

/// The word lists the shapes read.
struct Words<'a> {
    /// Words between a subject and what it cannot do (`wall-filler`: "I'm afraid", "we are therefore").
    filler: &'a super::word_sets::WordSet,
    /// Verbs of who handles or decides (`remit-verb`).
    remit: &'a super::word_sets::WordSet,
    /// Verbs of the speaker's job (`job-verb`).
    job: &'a super::word_sets::WordSet,
    /// Verbs whose inability walls nothing off (`not-a-wall-verb`).
    not_wall: &'a super::word_sets::WordSet,
    /// Nouns of rules (`rule-noun`).
    rule: &'a super::word_sets::WordSet,
    acting: Vec<&'a str>,
}

/// The end of the noun phrase starting at `from`: up to four words in the clause.
fn phrase_end(a: &Analysed, from: usize) -> usize {
    let clause = a.tokens.get(from).map_or(usize::MAX, |t| t.clause);
    (from..a.tokens.len().min(from + 4)).take_while(|j| a.tokens[*j].clause == clause).last().map_or(from, |j| j + 1)
}

/// Who is handled, decided or run by whom, said of someone else: "<be> [adverbs] <remit verb>
/// [particle] by <agent>" ("repairs are carried out by our contractor", "the DD amount is set by
/// our payments team", "can only be paid by the operating carrier"). Not a plan ("will be handled
/// by finance"), not a deadline ("set by Friday"), not the speaker or customer as the agent, not
/// negated ("wasn't caused by the courier" clears them).
fn passive_remit(a: &Analysed, w: &Words, i: usize) -> Option<Wall> {
    let t = &a.tokens[i];
    if !w.remit.has(&t.text) {
        return None;
    }
    let s = t.sentence;
    let by = (i + 1..i + 3).find(|j| a.word_in(s, *j) == "by")?;
    // "these decisions aren't made by us on the phones": the speaker's side disowned.
    if t.negated_by.is_some() {
        let disowned = matches!(a.word_in(s, by + 1), "us" | "me");
        return disowned.then(|| ((i, phrase_end(a, by + 1)), false));
    }
    if by == i + 2 && !matches!(a.word(i + 1), "out" | "up" | "with" | "down" | "over") {
        return None;
    }
    let clause = t.clause;
    let before: Vec<usize> = (a.sentences[s].start..i).filter(|j| a.tokens[*j].clause == clause).collect();
    // "Pricing's set by head office": a possessive-looking 's is "is" here.
    let be = before.iter().rev().take(3).any(|j| {
        matches!(a.word(*j), "is" | "are" | "was" | "were" | "be" | "been" | "being" | "get" | "gets" | "got")
            || a.tokens[*j].possessive
    });
    // ("Please note that servicing is carried out by ..." is still a wall: "please" is no plan.)
    // A plan or a condition ("if it's handled by finance ...") says who will, not who does.
    let plan = a.in_condition(i) || before.iter().any(|j| matches!(a.word(*j), "will" | "going" | "shall" | "let"));
    let agent = a.word_in(s, by + 1);
    let own_or_time = matches!(
        agent,
        "" | "me" | "myself" | "us" | "you" | "yourself" | "i" | "then" | "now" | "phone" | "email" | "post" | "hand"
    ) || a.times().time_at(by + 1).is_some();
    (be && !plan && !own_or_time).then(|| ((i, phrase_end(a, by + 1)), false))
}

/// The speaker's job drawn as a line around the problem: "I just answer the phones", "we just
/// serve", "I don't do events", "I don't make the rules", "I'm just chat support", "I am only
/// shift leader".
fn role_limit(a: &Analysed, w: &Words, i: usize) -> Option<Wall> {
    if !matches!(a.word(i), "i" | "we") {
        return None;
    }
    let s = a.tokens[i].sentence;
    let next = |k: usize| a.word_in(s, i + k);
    let job = |k: usize| w.job.has(next(k));
    let limited = (matches!(next(1), "just" | "only") && job(2))
        || (next(1) == "do" && next(2) == "not" && (job(3) || (matches!(next(3), "really" | "actually") && job(4))));
    // "I'm just chat support", "I am only the agent": not "I'm just checking", "I'm only sorry".
    let role = (matches!(next(1), "am" | "are")
        && matches!(next(2), "just" | "only")
        && !next(3).is_empty()
        && !next(3).ends_with("ing")
        && !next(3).ends_with("ed")
        && !matches!(next(3), "i" | "we" | "you" | "it" | "that" | "this")
        && !matches!(
            next(3),
            "sorry"
                | "glad"
                | "happy"
                | "here"
                | "so"
                | "really"
                | "not"
                | "about"
                | "going"
                | "human"
                | "back"
                | "a"
                | "too"
                | "as"
                | "trying"
                | "on"
                | "off"
                | "in"
                | "out"
                | "after"
                | "now"
        ))
        || (matches!(next(1), "am" | "are")
            && matches!(next(2), "just" | "only")
            && next(3) == "a"
            && next(4) != "bit");
    (limited || role).then(|| ((i, phrase_end(a, i + 2)), false))
}

/// An inability to act, said by the speaker (or with the subject dropped: "Can't do refunds in
/// chat"): "I can't change the rule", "we are unable to open a claim", "I'm not able to book
/// engineers from here", "I don't have access to the baggage system", "is not possible for me".
/// Not an inability to see, say or promise (`not-a-wall-verb`: "I can't see the note, can you
/// send it?"), and not when the sentence or the next turns to what the speaker can do instead
/// ("I can't unlock it, but I can get you to Kwame").
fn inability(a: &Analysed, w: &Words, i: usize) -> Option<Wall> {
    let s = a.tokens[i].sentence;
    let start = a.sentences[s].start;
    let (verb_at, wall_start) = match a.word(i) {
        "can" if a.word_in(s, i + 1) == "not" => (i + 2, i),
        "unable" => (i + 2, i),
        "able" | "permitted" | "allowed" | "authorised" | "authorized" if a.word(i.wrapping_sub(1)) == "not" => {
            (i + 2, i - 1)
        }
        "access" if a.word(i.wrapping_sub(1)) == "have" && a.word(i.wrapping_sub(2)) == "not" => (i + 1, i - 2),
        "possible" if a.word(i.wrapping_sub(1)) == "not" && a.word(i.wrapping_sub(2)) == "is" => (i + 1, i - 2),
        _ => return None,
    };
    // Who cannot: the speaker, or nobody named (the sentence starts with the inability).
    let mut k = wall_start;
    while k > start && w.filler.has(a.word(k - 1)) {
        k -= 1;
    }
    let subject = if k == start { "" } else { a.word(k - 1) };
    let speaker = matches!(subject, "" | "i" | "we" | "do" | "does" | "have" | "has")
        || (a.word(i) == "possible" && matches!(subject, "it" | "this" | "that" | "is"));
    // "the branch does not have access to the deposit scheme": a part of the business walled off.
    let helper = matches!(subject, "do" | "does" | "have" | "has");
    let helper_subject = a.word(k.wrapping_sub(2));
    let others =
        helper && (helper_subject == "you" || (a.word(i) != "access" && !matches!(helper_subject, "i" | "we")));
    if !speaker || others {
        return None;
    }
    // The verb: the first word after "to", adverbs and "really" skipped.
    let verb = (verb_at..verb_at + 5)
        .map(|j| a.word_in(s, j))
        .find(|v| !matches!(*v, "to" | "really" | "actually" | "just" | "even" | "simply" | "be" | "for" | "me" | "us"))
        .unwrap_or("");
    if verb.is_empty() || w.not_wall.has(verb) || verb.ends_with("ing") {
        return None;
    }
    if turns_to_help(a, i) {
        return None;
    }
    // A plain no ("the fee stays, we can't give it back") puts nothing elsewhere: the wall needs a
    // place or channel it stops at ("from here", "in chat", "over the phone"), a reason or rule
    // ("we are therefore unable", "I can't change the rule"), or the whole of the help ("anything").
    let clause = a.tokens[i].clause;
    let after = (verb_at..a.sentences[s].end).filter(|j| a.tokens[*j].clause == clause).take(8);
    let limit = a.word(i) == "access"
        || after.clone().any(|j| {
            matches!(
                a.word(j),
                "from" | "here" | "in" | "on" | "over" | "via" | "through" | "at" | "without" | "anything" | "much"
            ) || w.rule.has(a.word(j))
        });
    let reason = (start..i).any(|j| matches!(a.word(j), "therefore" | "due" | "because" | "as" | "since" | "sorry"))
        || (start..a.sentences[s].end).any(|j| w.rule.has(a.word(j)));
    if !limit && !reason {
        return None;
    }
    Some(((wall_start, phrase_end(a, verb_at)), false))
}

/// True when, after token `at`, its sentence or the next turns to what someone on the speaker's
/// side can or will do instead: "but|however|instead|what|so" then, within a few words and not
/// said of the customer, "can|will|have|am|could" ("I can't unlock it, but I can get you to
/// Kwame", "I can't do refund, but my colleague Dana can do it today").
fn turns_to_help(a: &Analysed, at: usize) -> bool {
    let s = a.tokens[at].sentence;
    let end = a.sentences.get(s + 1).map_or(a.sentences[s].end, |n| n.end);
    (at + 1..end).any(|j| {
        matches!(a.word(j), "but" | "however" | "instead" | "what" | "although" | "though" | "so")
            && (j + 1..(j + 8).min(end)).any(|k| {
                matches!(a.word(k), "can" | "will" | "have" | "am" | "could" | "would" | "do" | "did")
                    && !matches!(a.word(k - 1), "you" | "they" | "it" | "he" | "she")
                    && !matches!(a.word(k + 1), "not" | "to" | "need")
            })
    })
}

/// A rule cited as the reason: "as per policy terms", "in line with policy terms and conditions",
/// "according to the rules", or a rule said as a whole terse sentence ("Policy.", "Fare rules.").
/// ("In accordance with" and "under" are left out: on the train split they mostly report a
/// decision while helping.)
fn rule_cited(a: &Analysed, w: &Words, i: usize) -> Option<Wall> {
    let s = a.tokens[i].sentence;
    let sentence = &a.sentences[s];
    let rule_near = |from: usize| {
        (from..(from + 5).min(sentence.end))
            .find(|j| w.rule.has(a.word(*j)) && a.tokens[*j].clause == a.tokens[from].clause)
    };
    let opener = match a.word(i) {
        "per" => Some(i + 1),
        "line" if a.word(i.wrapping_sub(1)) == "in" && a.word(i + 1) == "with" => Some(i + 2),
        "according" if a.word(i + 1) == "to" => Some(i + 2),
        _ => None,
    };
    if let Some(from) = opener
        && from < sentence.end
        && let Some(r) = rule_near(from)
    {
        return Some(((i, r + 1), false));
    }
    // "policy don't cover it", "the floor's not covered", "Not covered.": a rule that says no.
    let says_no = match a.word(i) {
        // ("not covered" alone is left out: on the train split it mostly comes with what is covered.)
        "refundable" | "eligible" => matches!(a.word(i.wrapping_sub(1)), "not" | "non"),
        "non-refundable" | "nonrefundable" => true,
        "cover" | "allow" | "permit" | "include" => {
            a.word(i.wrapping_sub(1)) == "not" && w.rule.has(a.word(i.wrapping_sub(3)))
        }
        _ => false,
    };
    if says_no {
        return Some(((i.saturating_sub(3).max(sentence.start), i + 1), false));
    }
    let short = sentence.end - sentence.start <= 3 && i == sentence.start;
    let whole_rule = short && (sentence.start..sentence.end).any(|j| w.rule.has(a.word(j)));
    whole_rule.then_some(((sentence.start, sentence.end), false))
}

/// A cause put outside: "due to a national supply issue", "owing to high demand", "because of the
/// bad weather", "that's down to the warehouse". Not "due to arrive" (a schedule: a verb follows),
/// not the speaker's own ("due to my mistake", "down to us", "because of an error on our part").
fn cause_outside(a: &Analysed, w: &Words, i: usize) -> Option<Wall> {
    let s = a.tokens[i].sentence;
    if a.tokens[i].negated_by.is_some() {
        return None;
    }
    let from = match (a.word(i), a.word_in(s, i + 1)) {
        ("due" | "owing", "to") | ("because", "of") => i + 2,
        ("down", "to") if matches!(a.word(i.wrapping_sub(1)), "is" | "was" | "all" | "entirely" | "really" | "are") => {
            i + 2
        }
        _ => return None,
    };
    let next = a.word_in(s, from);
    let scheduled = w.acting.contains(&next)
        || matches!(
            next,
            "start"
                | "end"
                | "expire"
                | "finish"
                | "open"
                | "close"
                | "land"
                | "leave"
                | "renew"
                | "happen"
                | "run"
                | "take"
        );
    let end = phrase_end(a, from);
    let own = (from..end.min(from + 6)).any(|j| {
        matches!(a.word(j), "me" | "us" | "my" | "i" | "we" | "you" | "your" | "yourself")
            || a.word(j) == "our"
                && matches!(a.word(j + 1), "own" | "part" | "end" | "side" | "mistake" | "error" | "fault")
    });
    (!next.is_empty() && !scheduled && !own).then_some(((i, end), false))
}

/// The customer put at fault: "if you'd opened the migration email", "if you had checked", "you
/// should have declared it", "you could have rung us", "maybe check your plan next time". Not the
/// customer's own complaint said back ("you should have had a call", "you should have received").
fn customer_at_fault(a: &Analysed, i: usize) -> Option<Wall> {
    if a.word(i) != "you" || a.tokens[i].negated_by.is_some() {
        return None;
    }
    let s = a.tokens[i].sentence;
    let next = |k: usize| a.word_in(s, i + k);
    let done = |w: &str| {
        (w.ends_with("ed") && w.len() > 3)
            || matches!(
                w,
                "read"
                    | "done"
                    | "sent"
                    | "kept"
                    | "taken"
                    | "given"
                    | "written"
                    | "gone"
                    | "brought"
                    | "told"
                    | "set"
                    | "put"
            )
    };
    let received =
        |w: &str| matches!(w, "been" | "got" | "gotten" | "had" | "received" | "heard" | "seen" | "expected");
    // The condition mark of the text analysis: "you" right after the word opening a condition.
    let hypothetical = i > 0
        && a.opens_condition(i - 1)
        && matches!(next(1), "would" | "had")
        && (done(next(2)) || next(2) == "have" && done(next(3)))
        && !received(next(2))
        && !received(next(3));
    let should_have = matches!(next(1), "should" | "could")
        && matches!(next(2), "have" | "of")
        && !next(3).is_empty()
        && !received(next(3));
    if hypothetical || should_have {
        return Some(((i, phrase_end(a, i)), true));
    }
    None
}

/// Advice about next time with the speaker out of it: "maybe check your plan before travelling next
/// time", "Next time please buy travel insurance", "just fyi for next time". Read per sentence.
pub(super) fn next_time_advice(a: &Analysed) -> Vec<Wall> {
    let mut out = Vec::new();
    for s in &a.sentences {
        let words: Vec<&str> = (s.start..s.end).map(|j| a.word(j)).collect();
        let next_time = words.windows(2).position(|p| p == ["next", "time"]);
        let advice =
            words.iter().any(|w| matches!(*w, "maybe" | "perhaps" | "should" | "try" | "worth" | "fyi" | "please"));
        // "Perhaps next time you'll enjoy another hotel" foretells; it tells the customer nothing to do.
        let foretold = words.windows(2).any(|p| p == ["you", "will"]);
        let speaker = foretold || words.iter().any(|w| matches!(*w, "i" | "we" | "me" | "us" | "my" | "our"));
        let own = (s.start..s.end).all(|j| !a.tokens[j].quoted);
        if let Some(at) = next_time
            && advice
            && !speaker
            && own
        {
            out.push(((s.start + at, s.start + at + 2), true));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// The blame concept's own rule (the phrase rule or the structural one), as `model` reads it.
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Ms Okoro", text)
    }

    fn all_blame(texts: &[&str]) {
        for t in texts {
            assert!(blames(t), "should blame: {t}");
        }
    }

    fn none_blame(texts: &[&str]) {
        for t in texts {
            assert!(!blames(t), "should not blame: {t}");
        }
    }

    #[test]
    fn who_a_thing_is_handled_or_decided_by_is_a_wall() {
        all_blame(&[
            "Please note that boiler servicing is carried out by our maintenance partner.",
            "Pricing's set by head office.",
            "sorry the price is set by head office",
            "This decision is decided by the regional office. I am sorry.",
            "um so yeah the refunds are all done by the finance people really",
            "Well these things aren't decided by us on the counter, I'm afraid.",
        ]);
        none_blame(&[
            "Your refund will be handled by Nadia Quinn, who'll ring you at 3.",
            "The signed form needs to be sent by Friday.",
            "Refunds are handled by finance, so I've sent them your details and I'll ring you tomorrow.",
            "It was set up by me, and that's on me.",
        ]);
    }

    #[test]
    fn the_speakers_job_drawn_as_a_line_is_a_wall() {
        all_blame(&[
            "I just answer the phones, mate.",
            "i only work weekends sorry",
            "I am only shift leader, I do not decide this.",
            "We don't handle warranty claims in store.",
            "I'm just the receptionist.",
        ]);
        none_blame(&[
            "I'm just checking your account now.",
            "I'm only sorry it took this long. I'll call you at 4 with the answer.",
            "I just wanted to say thanks for waiting.",
        ]);
    }

    #[test]
    fn an_inability_with_nothing_offered_is_a_wall() {
        all_blame(&[
            "I can't change the delivery slot from here.",
            "Can't do refunds over chat.",
            "sorry we r unable to process that",
            "Is not possible for me to cancel this order in store.",
            "Unfortunately, we are not permitted to waive the fee.",
            "The branch doesn't have access to your pension.",
        ]);
        none_blame(&[
            "I can't see the note, could you send me the reference?",
            "I can't unlock it, but I can get you to Nadia Quinn, who can.",
            "I can't refund it myself, so I've asked Nadia Quinn to do it today.",
            "Can't we just book it for Friday?",
            "I can't thank you enough for your patience.",
            "I'm not going to pass the buck: the fee stays, we can't give it back.",
        ]);
    }

    #[test]
    fn a_rule_cited_as_the_reason_is_a_wall_unless_the_speaker_helps() {
        all_blame(&[
            "Claim declined as per policy.",
            "Nope. Terms and conditions.",
            "In line with our terms, the deposit is kept.",
            "policy dont cover it sry",
            "That's just how the process works, I'm afraid.",
        ]);
        none_blame(&[
            "Wear and tear isn't covered under the policy, so I've booked a repair at half price for Friday.",
            "As per your request, I've moved the appointment to Friday.",
        ]);
    }

    #[test]
    fn a_cause_put_outside_blames_only_where_nothing_is_done() {
        all_blame(&[
            "The delay was due to a supplier backlog.",
            "owing to staff shortages, your order is late",
            "its all down to the weather tbh",
        ]);
        none_blame(&[
            "Your parcel is due to arrive on Friday.",
            "The delay was due to my own mistake, and I'm sorry.",
            "Because of the mix-up I've refunded your delivery charge.",
        ]);
    }

    #[test]
    fn the_customer_put_at_fault_blames_even_while_helping() {
        all_blame(&[
            "If you'd read the email, you'd have known. I've rebooked it anyway.",
            "You could have checked the tracking first.",
            "maybe check ur spam folder next time",
            "Next time, please keep your receipt.",
        ]);
        none_blame(&[
            "You should have had a call yesterday, and I'm sorry it never came.",
            "If you'd like, I can call you at 4.",
            "Next time you're in, ask for me and I'll sort it.",
        ]);
    }

    #[test]
    fn praise_of_another_party_said_in_mockery_is_blame() {
        all_blame(&["Well, our trusty payments team have done it again."]);
        none_blame(&["Our lovely payments team will call you at 3 today."]);
    }
}
