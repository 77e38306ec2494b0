//! More shapes of sending the customer away (see `referral.rs` for the main ones and
//! `docs/labelling.md`): the best way named as someone else ("your best bet is to ring the
//! council", "it'd be worth giving your GP a call"), the ones to go to named ("the people to speak
//! to are the housing team"), the case said to be someone else's ("that's really a question for
//! your landlord"), set imperatives ("try your bank", "have a word with your manager", "drop the
//! council an email", "check with the agent") and a request that the customer go elsewhere ("we
//! would ask that you direct your correspondence to ..."), an instruction put as a cleft ("what
//! you'll need to do is ring the bank"). In each, the speaker keeping the job ("my best bet is to
//! ring them myself", "for me to call") is not a send-away. Also what keeps a referral under a
//! condition a send-away: a condition that disputes the speaker's decision ("if you disagree").

use super::detectors::{DetectorContext, Range};
use super::referral::{elsewhere, to_someone_else, verb_at};
use super::text::Analysed;

/// Every send-away of this file's shapes.
pub(super) fn more_forms(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = best_way(a, cx);
    out.extend(the_ones_to(a, cx));
    out.extend(case_for(a, cx));
    out.extend(told_to_try(a, cx));
    out.extend(ask_that(a, cx));
    out.extend(expecting_your_call(a, cx));
    out.extend(told_as_cleft(a, cx));
    // "Try Rajesh?", "not sure tbh, maybe try the council?": a "try" opening its clause is put to
    // the customer as a suggestion, with or without the question mark.
    let suggested = |r: &Range| a.word(r.0) == "try" && a.tokens[r.0].is_own_word();
    out.retain(|r| (a.asserted_at(r.0) || suggested(r)) && !speaker_keeps_it(a, cx, *r));
    // Asked, and still a send-away: "have you tried the HR helpdesk?"
    out.extend(tried_them(a, cx));
    out
}

/// "Have you tried the HR helpdesk?", "um have you tried ringing the helpline", "did u try your
/// bank": a question whether the customer has tried someone else, which points them there.
fn tried_them(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let asks = matches!(t.text.as_str(), "have" | "did")
            && matches!(a.word_in(s, k + 1), "you" | "u")
            && matches!(a.word_in(s, k + 2), "tried" | "try" | "thought");
        if !asks || t.quoted || t.negated_by.is_some() {
            continue;
        }
        let mut j = k + 3;
        while matches!(a.word_in(s, j), "of" | "about" | "the" | "your" | "ur" | "just") {
            j += 1;
        }
        // "have you tried the manufacturer's troubleshooting guide?" points to a thing to read.
        let self_help = (j..j + 5).any(|m| cx.lists.words.referral_self_help.has(a.word_in(s, m)));
        if !a.word_in(s, j).is_empty() && !self_help && goes_elsewhere(a, cx, j) && !speaker_keeps_it(a, cx, (k, j + 1))
        {
            out.push((k, j + 1));
        }
    }
    out
}

/// "He's expecting your call", "the claims team are awaiting your email": someone other than the
/// speaker waiting for the customer to get in touch.
fn expecting_your_call(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let waiting = matches!(t.text.as_str(), "expecting" | "awaiting")
            && matches!(a.word_in(s, k + 1), "your" | "ur")
            && cx.lists.words.referral_note.has(a.word_in(s, k + 2));
        let subject = (a.sentences[s].start..k).rev().find(|&j| {
            a.tokens[j].clause == t.clause
                && !matches!(a.word(j), "am" | "is" | "are" | "was" | "were" | "will" | "be" | "now" | "already")
        });
        let others = subject.is_some_and(|j| !matches!(a.word(j), "i" | "we" | "me" | "us"));
        if waiting && others {
            out.push((k, k + 3));
        }
    }
    out
}

/// True when the speaker keeps the job in the words at `r`'s clause: "myself", "ourselves", "for
/// me to", "my best bet", "our best bet" ("my best bet is to ring the warehouse myself").
pub(super) fn speaker_keeps_it(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let t = &a.tokens[r.0];
    let s = t.sentence;
    let sentence = &a.sentences[s];
    let own = (r.0..sentence.end).any(|k| {
        matches!(a.word(k), "myself" | "ourselves")
            || (a.word(k) == "for" && matches!(a.word_in(s, k + 1), "me" | "us"))
    });
    let mine = (sentence.start..r.0.min(sentence.end))
        .rev()
        .take(3)
        .any(|k| matches!(a.word(k), "my" | "our") && cx.lists.words.referral_best.has(a.word_in(s, k + 1)));
    own || mine
}

/// The token after a copula at `k` ("is", "'d be", "would be"), skipping "probably", "just",
/// "really", "to": where the complement starts.
fn after_copula(a: &Analysed, k: usize) -> Option<usize> {
    let s = a.tokens.get(k)?.sentence;
    let mut j = match a.word_in(s, k) {
        "is" | "are" | "was" => k + 1,
        "would" | "will" | "might" | "could" if a.word_in(s, k + 1) == "be" => k + 2,
        _ => return None,
    };
    while matches!(a.word_in(s, j), "probably" | "just" | "really" | "honestly" | "to" | "always" | "actually") {
        j += 1;
    }
    (!a.word_in(s, j).is_empty()).then_some(j)
}

/// True when the complement starting at `j` sends the customer to someone else: a verb of
/// contacting ("to ring the council") or someone else named ("the Citizens Advice bureau").
fn goes_elsewhere(a: &Analysed, cx: &DetectorContext, j: usize) -> bool {
    if verb_at(a, cx, j).is_some() {
        return to_someone_else(a, cx, j);
    }
    let s = a.tokens[j].sentence;
    if matches!(a.word(j), "me" | "us" | "i" | "we" | "myself" | "our" | "my" | "for") {
        return false;
    }
    (j..j + 5)
        .any(|k| elsewhere(cx, a.word_in(s, k)) || super::phrase::name_at(&a.tokens, k, &cx.names.colleague).is_some())
}

/// "Your best bet is to ring the council", "best thing is to go direct to the airline", "it'd be
/// worth giving your GP a call": a way ranked best (`@referral-best` `@referral-way`), or "worth",
/// whose complement sends the customer to someone else.
fn best_way(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let complement = if w.referral_best.has(&t.text) && w.referral_way.has(a.word_in(s, k + 1)) {
            // "your best bet's the bureau": the "'s" after a noun is read as a possessive and dropped.
            after_copula(a, k + 2).or_else(|| matches!(a.word_in(s, k + 2), "the" | "your" | "ur").then_some(k + 2))
        } else if t.text == "worth" && (verb_at(a, cx, k + 1).is_some() || a.word_in(s, k + 1).ends_with("ing")) {
            // "worth giving your GP a call"; not "worth every penny we pay them".
            Some(k + 1)
        } else {
            None
        };
        if let Some(j) = complement.filter(|&j| goes_elsewhere(a, cx, j)) {
            out.push((k, j + 1));
        }
    }
    out
}

/// "The people to speak to are the housing team", "the place to go is the post office": whom
/// to go to (`@referral-who-noun` "to" a verb of contacting), then a copula and someone else.
fn the_ones_to(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        if !cx.lists.words.referral_who_noun.has(&t.text) || a.word_in(s, k + 1) != "to" {
            continue;
        }
        let Some(v) = verb_at(a, cx, k + 2).map(|_| k + 2) else { continue };
        let copula = (v + 1..v + 4).find(|&c| after_copula(a, c).is_some());
        if let Some(j) = copula.and_then(|c| after_copula(a, c)).filter(|&j| goes_elsewhere(a, cx, j)) {
            out.push((k, j + 1));
        }
    }
    out
}

/// "That's really a question for your landlord", "this one's for the manufacturer, not us": a
/// clause opened by "that / this / it" that calls the case (`@referral-case-noun`) one for
/// someone else.
fn case_for(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (f, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let start = a.sentences[s].start;
        if t.text != "for" || f < start + 2 {
            continue;
        }
        let opener = (start..f).rev().take_while(|&k| a.tokens[k].clause == t.clause).last().unwrap_or(f);
        let case = (f.saturating_sub(3).max(opener)..f).any(|k| cx.lists.words.referral_case_noun.has(a.word(k)));
        let copula =
            (opener..f).any(|k| matches!(a.word(k), "is" | "are" | "was")) || matches!(a.word(f - 1), "ones" | "one");
        let mut j = f + 1;
        while matches!(a.word_in(s, j), "the" | "your" | "ur" | "a" | "an") {
            j += 1;
        }
        let someone = !a.word_in(s, j).is_empty() && goes_elsewhere(a, cx, j);
        if matches!(a.word(opener), "that" | "this" | "it" | "thats") && case && copula && someone {
            out.push((opener, j + 1));
        }
    }
    out
}

/// "Try your bank", "have a word with your line manager", "drop the council an email", "check
/// with the letting agent": an imperative of `@referral-try-verb` opening its clause (after
/// `@referral-opener` words) in its set shape, to someone else.
fn told_to_try(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for (v, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        if !w.referral_try_verb.has(&t.text) {
            continue;
        }
        let mut open = v;
        while open > a.sentences[s].start && w.referral_opener.has(a.word(open - 1)) {
            open -= 1;
        }
        if open > a.sentences[s].start && a.tokens[open - 1].clause == t.clause {
            continue;
        }
        let mut j = v + 1;
        // "try another pharmacy", "try a different branch".
        while matches!(
            a.word_in(s, j),
            "the" | "your" | "ur" | "a" | "an" | "quick" | "another" | "different" | "other"
        ) {
            j += 1;
        }
        let shaped = match t.text.as_str() {
            // "try Marcus maybe": the colleague by name; "try 111": a line to ring.
            "try" => {
                j > v + 1
                    || elsewhere(cx, a.word_in(s, j))
                    || super::phrase::name_at(&a.tokens, j, &cx.names.colleague).is_some()
                    || line_at(a, s, j)
            }
            "have" => matches!(a.word_in(s, j), "word" | "chat") && a.word_in(s, j + 1) == "with",
            "drop" => (j..j + 4).any(|k| w.referral_note.has(a.word_in(s, k))),
            _ => a.word_in(s, v + 1) == "with",
        };
        let target = if matches!(t.text.as_str(), "have") { j + 2 } else { j };
        if shaped && (goes_elsewhere(a, cx, target) || (t.text == "try" && j == v + 1 && line_at(a, s, j))) {
            out.push((v, target + 1));
        }
    }
    out
}

/// True when the word at `j` of sentence `s` is a number of three digits or more: a line to ring
/// ("try 111", "try 0800 ..."), not a count ("try 2 more times").
fn line_at(a: &Analysed, s: usize, j: usize) -> bool {
    let x = a.word_in(s, j);
    x.len() >= 3 && x.chars().all(|c| c.is_ascii_digit())
}

/// "We would ask that you direct any further correspondence to our legal department", "I must
/// request that you contact the insurer": asking (`@referral-ask-that`) "that you" go elsewhere.
fn ask_that(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        if !cx.lists.words.referral_ask_that.has(&t.text)
            || a.word_in(s, k + 1) != "that"
            || !matches!(a.word_in(s, k + 2), "you" | "u" | "customers")
        {
            continue;
        }
        let v = if a.word_in(s, k + 3) == "please" { k + 4 } else { k + 3 };
        if verb_at(a, cx, v).is_some() && to_someone_else(a, cx, v) {
            out.push((k, v + 1));
        }
    }
    out
}

/// "What you'd want to do is write in to the pricing team", "so what you'll have to do is go on
/// the IT portal", "the safest thing is for you to go directly to the scheme", "wot u need 2 do is
/// ring ur bank": an instruction put as a cleft, the customer's task ("what you ... do is", "is
/// for you to") whose verb sends them to someone else. Not the speaker's task ("what I'll do is
/// ring them", "is for me to call"), not a task back to the speaker ("what you need to do is send
/// me the photo"), not asked.
fn told_as_cleft(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        if !a.asserted_at(k) || a.in_condition(k) {
            continue;
        }
        let task = match t.text.as_str() {
            // "what you('d | 'll) (want | need | have) to do is ...": the copula after "do".
            "what" | "wot" if matches!(a.word_in(s, k + 1), "you" | "u" | "ya") => {
                (k + 2..k + 8).find(|&j| a.word_in(s, j) == "do" && matches!(a.word_in(s, j + 1), "is" | "was"))
            }
            // "... is for you to ...": the copula itself.
            "is" | "be" if a.word_in(s, k + 1) == "for" && matches!(a.word_in(s, k + 2), "you" | "u") => Some(k + 2),
            _ => None,
        };
        let Some(j) = task else { continue };
        let mut v = j + 2;
        while matches!(a.word_in(s, v), "to" | "2" | "just" | "probably" | "really" | "simply") {
            v += 1;
        }
        if verb_at(a, cx, v).is_some() && to_someone_else(a, cx, v) {
            out.push((k, v + 1));
        }
    }
    out
}

/// True when the referral at `r` sits in a sentence whose condition disputes the speaker's answer
/// (`@referral-dispute-word`: "if you disagree", "if you don't agree", "if you want to complain",
/// "if you are unhappy with this decision"): the customer is sent to take the part the speaker
/// refused elsewhere, which is a send-away even in an answer where the speaker takes on the rest.
/// Not "if you're still unhappy after that" (an extra after the speaker's own fix).
pub(super) fn disputes_decision(a: &Analysed, cx: &DetectorContext, r: Range) -> bool {
    let s = &a.sentences[a.tokens[r.0].sentence];
    (s.start..s.end).any(|k| {
        let t = &a.tokens[k];
        let conditional = t.condition.is_some_and(|o| matches!(a.word(o), "if" | "unless" | "should"));
        let word = t.text.as_str();
        conditional
            && !t.quoted
            && (cx.lists.words.referral_dispute_word.has(word) || (word == "agree" && t.negated_by.is_some()))
    })
}

#[cfg(test)]
mod tests {
    fn sends(text: &str) -> bool {
        super::super::rule_probe::rule_met_named("sends-away", text, "Mr Abebe", "Rosa Klein")
    }

    #[test]
    fn a_try_put_as_a_question_still_sends_away() {
        for text in [
            "Can't help with parking fines, sorry. Try Rosa?",
            "no idea tbh, maybe try the council?",
            "I don't deal with deposits. Perhaps try the letting agent, maybe?",
            "Sir, this is not my department. Try your bank?",
            "Out of hours now. Try 111 if it gets worse.",
            "Not a billing issue. Lettings office.",
        ] {
            assert!(sends(text), "{text}");
        }
    }

    #[test]
    fn a_try_that_keeps_the_speaker_or_sends_nowhere_is_not() {
        for text in [
            "Shall I try Rosa for you?",
            "Want me to try the council now?",
            "Maybe try restarting the router?",
            "Try again tomorrow?",
            "Don't try the bank, I'll sort it here.",
            "Try 2 more times and let me know.",
            "Could you try the form again and tell me what it says?",
            "Lettings office. That's where I am, come up any time.",
        ] {
            assert!(!sends(text), "{text}");
        }
    }
}
