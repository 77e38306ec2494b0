//! A rule, term or process given as the whole answer: the failure or the refusal put down to how
//! things are done, with nothing offered by the speaker. Read by shape, each in the speaker's own
//! words, stated (not asked, not under a condition, not quoted):
//! - a rule that says no: a rule predicate negated ("not covered", "isn't negotiable", "cannot be
//!   considered") or one that is a no in itself ("excluded", "the decision is final");
//! - the rule named as the reason: a rule noun closing its clause after "be" ("that's the rule",
//!   "it's company policy", "is the process"), a clause of a rule noun alone ("finance rules"),
//!   "against policy", "there's a process for ...";
//! - the terms cited: "in accordance with", "under the terms", "as per|in line with" a term or plan
//!   ("as per your plan", "in line with published timescales"), or the thing said to be in the
//!   terms ("it's in your offer", "set out in your policy schedule");
//! - what must happen said of a thing, not a person: "<it|something> must|has to be <done>"
//!   ("cancellations have to be done online", "it'll have to roll into next month"), "can only be
//!   <done>", "only <someone> can ...";
//! - the matter put outside anyone's control ("outside payroll's control", "beyond our control").
//!
//! Every find is a wall (weak) and stands only where the speaker offers no act of their own in the
//! whole answer ([`offers_something`]): "it's not covered, but what I can do is ..." is a rule said
//! as information while helping. The walls of other shapes (who handles it, the speaker's job, an
//! inability, "per policy") are read by `walls.rs`, `rules.rs` and `distancing.rs`.

use super::super::detectors::DetectorContext;
use super::super::text::Analysed;
use super::super::walls::Wall;

/// Every rule given as the answer, where the speaker offers nothing of their own.
pub(super) fn walls(a: &Analysed, cx: &DetectorContext) -> Vec<Wall> {
    if offers_something(a, cx) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for i in 0..a.tokens.len() {
        let t = &a.tokens[i];
        if t.quoted || t.retold || a.in_condition(i) || super::asks(a, t.sentence) {
            continue;
        }
        let found = says_no(a, i)
            .or_else(|| late_class(a, i))
            .or_else(|| rule_named(a, cx, i))
            .or_else(|| terms_cited(a, cx, i))
            .or_else(|| must_happen(a, i))
            .or_else(|| outside_control(a, i));
        out.extend(found.map(|r| (r, false)));
    }
    out
}

/// True when the speaker offers an act of their own anywhere in the answer: an act read by
/// `walls::acts` ("I'll call you", "let me check", "shall I ..."), "would you like me to", or the
/// speaker turning to what they can do ("what I can do is", "I can offer", "we could ...").
fn offers_something(a: &Analysed, cx: &DetectorContext) -> bool {
    if super::super::walls::acts(a, cx) {
        return true;
    }
    (0..a.tokens.len()).any(|k| {
        let t = &a.tokens[k];
        if !t.is_own_word() {
            return false;
        }
        let s = t.sentence;
        let like_me = t.text == "like" && a.word_in(s, k + 1) == "me" && a.word_in(s, k + 2) == "to";
        let can = matches!(t.text.as_str(), "i" | "we")
            && matches!(a.word_in(s, k + 1), "can" | "could" | "will" | "am" | "are")
            && !matches!(a.word_in(s, k + 2), "not" | "only" | "")
            && !matches!(
                a.word_in(s, k + 2),
                "see" | "understand" | "appreciate" | "imagine" | "confirm" | "assure" | "say" | "sorry" | "afraid"
            );
        let offer = t.text == "offer" && matches!(a.word(k.wrapping_sub(1)), "can" | "could" | "to");
        // "I have briefed Kwame", "I've recorded everything": an act already done.
        let done = matches!(t.text.as_str(), "i" | "we")
            && a.word_in(s, k + 1) == "have"
            && participle(a.word_in(s, k + 2 + usize::from(a.word_in(s, k + 2) == "just")));
        like_me || can || offer || done || granted(a, k)
    })
}

/// True when token `k` reports something granted or done on the case, said in the passive or
/// clipped ("the plumber's £480 is approved", "refund processed", "your complaint has been
/// logged"): the answer gives something, so a rule in it is information. Not negated or asked.
fn granted(a: &Analysed, k: usize) -> bool {
    matches!(
        a.word(k),
        "approved"
            | "booked"
            | "rebooked"
            | "refunded"
            | "paid"
            | "credited"
            | "released"
            | "waived"
            | "arranged"
            | "reissued"
            | "logged"
            | "escalated"
            | "forwarded"
            | "processed"
            | "authorised"
            | "authorized"
    ) && !a.sentences[a.tokens[k].sentence].question_mark
        && !(k.saturating_sub(3)..k).any(|j| a.tokens[j].is_negator())
        && particular(a, k)
}

/// True when something before `k` in its sentence makes what was granted this customer's own
/// thing ("your refund", "the plumber's £480", "it"): "late submissions are processed in the
/// next run" says how a class of things goes, a rule, not a grant.
fn particular(a: &Analysed, k: usize) -> bool {
    let start = a.sentences[a.tokens[k].sentence].start;
    (start..k).any(|j| {
        matches!(a.word(j), "your" | "ur" | "the" | "our" | "my" | "this" | "it" | "that" | "his" | "her")
            || a.word(j).starts_with('£')
            || a.word(j).chars().next().is_some_and(|c| c.is_ascii_digit())
            || a.tokens[j].possessive
    })
}

/// True when the answer says no somewhere in the speaker's own words (a negator, or a word of
/// refusal): a citation of the terms ("in accordance with our policy") is a wall only then.
fn refuses(a: &Analysed) -> bool {
    a.tokens.iter().any(|t| {
        (t.is_own_word() && t.is_negator())
            || matches!(
                t.text.as_str(),
                "declined" | "refused" | "rejected" | "unsuccessful" | "excluded" | "payable" | "stands" | "unable"
            )
    })
}

/// The words allowed between a negator and the rule word it negates.
fn linking(word: &str) -> bool {
    matches!(
        word,
        "be" | "is"
            | "are"
            | "was"
            | "were"
            | "been"
            | "being"
            | "really"
            | "actually"
            | "simply"
            | "strictly"
            | "currently"
            | "unfortunately"
            | "sadly"
            | "just"
            | "also"
            | "generally"
            | "normally"
    )
}

/// A rule that says no: a rule predicate negated ("not covered", "isn't negotiable", "cannot be
/// considered", "not permitted") or a no in itself ("excluded", "non-negotiable", "the decision
/// is final"). Not when the same predicate is said un-negated elsewhere in the answer ("the
/// hire car isn't covered, but the repair is covered": what is covered, told), nor "not possible
/// to say" (the speaker's knowledge, not a rule).
fn says_no(a: &Analysed, i: usize) -> Option<(usize, usize)> {
    let word = a.word(i);
    let s = a.tokens[i].sentence;
    let clause = a.tokens[i].clause;
    let predicate = matches!(
        word,
        "covered"
            | "included"
            | "negotiable"
            | "transferable"
            | "permitted"
            | "allowed"
            | "accepted"
            | "considered"
            | "possible"
            | "payable"
            | "claimable"
            | "available"
    );
    let mut k = i;
    while k > a.sentences[s].start && a.tokens[k - 1].clause == clause && linking(a.word(k - 1)) {
        k -= 1;
    }
    let negated = k > a.sentences[s].start && a.tokens[k - 1].clause == clause && a.tokens[k - 1].is_negator();
    let after_be = i > 0 && matches!(a.word(i - 1), "is" | "are" | "was" | "were" | "be");
    let final_decision = word == "final"
        && after_be
        && (i.saturating_sub(4)..i).any(|j| matches!(a.word(j), "decision" | "answer" | "outcome" | "ruling"));
    let no_in_itself = matches!(word, "excluded" | "non-negotiable") || final_decision;
    if !((predicate && negated) || no_in_itself) {
        return None;
    }
    // "not possible to say when": what the speaker can tell, not a rule.
    if word == "possible" && a.word_in(s, i + 1) == "to" {
        let verb = a.word_in(s, i + 2);
        if matches!(verb, "say" | "tell" | "know" | "predict" | "see" | "give" | "confirm" | "guarantee") {
            return None;
        }
    }
    // "not covered, because the leak was slow": the decision explained by the case's facts.
    if (i + 1..a.sentences[s].end).any(|j| matches!(a.word(j), "because" | "cos" | "since")) {
        return None;
    }
    // "available": only a thing withheld by rule ("not available on your plan"), not stock or time.
    if word == "available" && !matches!(a.word_in(s, i + 1), "on" | "under" | "for") {
        return None;
    }
    let told_elsewhere = (0..a.tokens.len()).any(|j| {
        j != i && a.word(j) == word && a.tokens[j].is_own_word() && {
            let c = a.tokens[j].clause;
            !(j.saturating_sub(4)..j).any(|m| a.tokens[m].clause == c && a.tokens[m].is_negator())
        }
    });
    (!told_elsewhere).then_some(((k.saturating_sub(1)).max(a.sentences[s].start), i + 1))
}

/// Nouns of rules, terms and processes: the `rule-noun` list and a few the list keeps out because
/// elsewhere they name no rule ("process", "requirement").
fn is_rule_noun(cx: &DetectorContext, word: &str) -> bool {
    cx.lists.words.rule_noun.has(word) || matches!(word, "process" | "requirement" | "requirements")
}

/// The rule named as the reason: a rule noun closing its clause after "be" with only determiners
/// and modifiers between ("that's the rule", "it's company policy", "that is just the process"),
/// a short clause of a rule noun alone ("finance rules", "Company policy, I'm afraid"), "rules are
/// rules", "against (our) policy", or "there's a process for ...". Not negated ("that's not our
/// policy": clearing), not asked.
fn rule_named(a: &Analysed, cx: &DetectorContext, i: usize) -> Option<(usize, usize)> {
    let t = &a.tokens[i];
    if !is_rule_noun(cx, &t.text) || t.negated_by.is_some() {
        return None;
    }
    let s = t.sentence;
    let sentence = &a.sentences[s];
    let clause_from = (sentence.start..i).find(|j| a.tokens[*j].clause == t.clause).unwrap_or(i);
    let clause_to = (i..sentence.end).take_while(|j| a.tokens[*j].clause == t.clause).last().map_or(i, |j| j + 1);
    let before: Vec<&str> = (clause_from..i).map(|j| a.word(j)).collect();
    if before.iter().any(|w| matches!(*w, "not" | "no" | "never")) {
        return None;
    }
    let trailing = (i + 1..clause_to).all(|j| {
        matches!(a.word(j), "innit" | "though" | "sorry" | "unfortunately" | "i" | "am" | "afraid" | "im" | "mate")
    });
    // A determiner or modifier of the rule ("the", "company", "head office's").
    let modifier = |j: usize| {
        matches!(
            a.word(j),
            "the"
                | "our"
                | "a"
                | "just"
                | "simply"
                | "company"
                | "bank"
                | "standard"
                | "strict"
                | "same"
                | "how"
                | "all"
                | "basically"
                | "really"
                | "their"
                | "its"
        ) || (a.tokens[j].possessive && j > clause_from)
    };
    // Back over modifiers to "be": "that is [just] [the] rule".
    let mut k = i;
    while k > clause_from && modifier(k - 1) {
        k -= 1;
    }
    // One word naming whose rule between them ("it's a no, comp policy", "that's fare rules").
    if k > clause_from + 1 && !modifier(k - 1) && (modifier(k - 2) || matches!(a.word(k - 2), "is" | "are" | "no")) {
        k -= 1;
        while k > clause_from && modifier(k - 1) {
            k -= 1;
        }
    }
    let copula =
        k > clause_from && (matches!(a.word(k - 1), "is" | "are" | "was" | "no") || a.tokens[k - 1].possessive);
    // "finance rules", "company policy": one word naming whose rule, not a verb on it.
    let alone = before.len() <= 1
        && before
            .iter()
            .all(|w| !matches!(*w, "i" | "we" | "you" | "your" | "my" | "read" | "check" | "see" | "follow"));
    let against = before.iter().rev().take(3).any(|w| *w == "against");
    let same_again = a.word_in(s, i + 1) == "are" && a.word_in(s, i + 2) == t.text;
    let there_is = before.len() >= 2 && before[0] == "there" && before[1] == "is" && a.word_in(s, i + 1) == "for";
    ((trailing && (copula || alone)) || against || same_again || there_is).then_some((clause_from, clause_to))
}

/// Nouns of what the customer signed up to, besides the rule nouns: "as per your plan", "in line
/// with published timescales", "set out in your offer".
fn is_term_noun(cx: &DetectorContext, word: &str) -> bool {
    is_rule_noun(cx, word)
        || matches!(
            word,
            "offer"
                | "plan"
                | "tariff"
                | "schedule"
                | "timescales"
                | "timescale"
                | "documents"
                | "document"
                | "booklet"
                | "print"
                | "wording"
                | "cover"
        )
}

/// The terms cited as the reason: "in accordance with", "under the terms|our policy", "as per|in
/// line with" a term or plan within four words, or the matter said to be in the terms ("it's in
/// your offer", "set out clearly in your policy schedule", "written into your contract").
fn terms_cited(a: &Analysed, cx: &DetectorContext, i: usize) -> Option<(usize, usize)> {
    let s = a.tokens[i].sentence;
    let end = a.sentences[s].end;
    let term_within = |from: usize, n: usize| (from..(from + n).min(end)).find(|j| is_term_noun(cx, a.word(*j)));
    let (from, n) = match (a.word(i), a.word_in(s, i + 1)) {
        ("accordance", "with") => (i + 2, 5),
        ("under", _) => (i + 1, 3),
        ("per", _) => (i + 1, 4),
        ("line", "with") if a.word(i.wrapping_sub(1)) == "in" => (i + 2, 4),
        ("in" | "into", _) => {
            // "is in your offer", "set out in", "written into": the thing in the terms.
            let back = (i.saturating_sub(3).max(a.sentences[s].start)..i).map(|j| a.word(j)).collect::<Vec<_>>();
            let placed = back.last().is_some_and(|w| matches!(*w, "is" | "are" | "all" | "clearly"))
                || back
                    .iter()
                    .any(|w| matches!(*w, "set" | "stated" | "written" | "outlined" | "detailed" | "explained"));
            let owned = matches!(a.word_in(s, i + 1), "your" | "the" | "our" | "every" | "each");
            if !(placed && owned) {
                return None;
            }
            (i + 1, 3)
        }
        _ => return None,
    };
    // "as per your request", "under the sink": only a term or rule makes it a citation; "as per
    // our policy, returns are processed at the desk" reports how things go unless the answer says no.
    let r = term_within(from, n)?;
    if a.word(i) != "in" && a.word(i) != "into" && !refuses(a) {
        return None;
    }
    if a.word(from) == "the"
        && a.word(i) == "under"
        && !matches!(a.word(r), "terms" | "conditions" | "rules" | "policy")
    {
        return None;
    }
    Some((i, r + 1))
}

/// A rule about a class of late things, said in the passive at the head of its sentence (after
/// "please be advised|note that"): "late claims are paid in the next run", "any hours submitted
/// after the cut-off will be included in the following month's payroll". The subject names a
/// class (no "your", "my", "this"), holds a word of lateness, and its verb is "are|is|will be" and
/// a participle. Read at the verb `i`.
fn late_class(a: &Analysed, i: usize) -> Option<(usize, usize)> {
    let s = a.tokens[i].sentence;
    let sentence = &a.sentences[s];
    let be_at = match (a.word(i), a.word_in(s, i + 1)) {
        ("are" | "is", _) => i,
        ("will", "be") => i + 1,
        _ => return None,
    };
    if !participle(a.word_in(s, be_at + 1)) || a.tokens[i].negated_by.is_some() {
        return None;
    }
    let mut from = sentence.start;
    if let Some(that) = (sentence.start..i).find(|j| a.word(*j) == "that") {
        let opener = (sentence.start..that).any(|j| matches!(a.word(j), "advised" | "note" | "aware"));
        from = if opener { that + 1 } else { from };
    }
    let subject: Vec<&str> = (from..i).map(|j| a.word(j)).collect();
    let class =
        subject.first().is_some_and(|w| !matches!(*w, "your" | "my" | "this" | "that" | "it" | "i" | "we" | "you"));
    let late = subject.iter().any(|w| matches!(*w, "late" | "after" | "past" | "cut-off" | "cutoff" | "deadline"));
    (class && late && subject.len() <= 8).then_some((from, be_at + 2))
}

/// A participle, regular or of the common irregular verbs: what "be" makes a passive of.
fn participle(word: &str) -> bool {
    (word.ends_with("ed") && word.len() > 4)
        || matches!(
            word,
            "done"
                | "made"
                | "sent"
                | "paid"
                | "taken"
                | "given"
                | "kept"
                | "held"
                | "set"
                | "put"
                | "shown"
                | "written"
                | "brought"
                | "bought"
                | "found"
                | "run"
                | "built"
                | "met"
                | "seen"
                | "chosen"
        )
}

/// What must happen said of a thing, not a person: "<subject> must|has to|have to be <participle
/// or in|on|by|within|through>" ("cancellations have to be done online", "it must be in writing"),
/// "<subject> will have to|has to <go|roll|wait|stay|stand|come> ..." ("it'll have to roll into next
/// month", "the charge must stand"), and "can only be <participle>". Not said of the speaker, the
/// customer or a person ("you must call them" sends away), not "it has to be said", not a feeling
/// ("it must be frustrating").
fn must_happen(a: &Analysed, i: usize) -> Option<(usize, usize)> {
    let s = a.tokens[i].sentence;
    let w = |n: usize| a.word_in(s, i + n);
    let after = match (a.word(i), w(1), w(2)) {
        ("must", _, _) => i + 1,
        ("has" | "have", "to", _) => i + 2,
        ("can", "only", "be") => i + 2,
        _ => return None,
    };
    let clause = a.tokens[i].clause;
    let from = (a.sentences[s].start..i).find(|j| a.tokens[*j].clause == clause).unwrap_or(i);
    let person = (from..i).any(|j| {
        matches!(a.word(j), "i" | "we" | "you" | "u" | "he" | "she" | "they" | "someone" | "somebody" | "everyone")
    });
    if person || a.tokens[i].negated_by.is_some() || from == i {
        return None;
    }
    let next = a.word_in(s, after);
    let then = a.word_in(s, after + 1);
    let passive = next == "be"
        && then != "said"
        && (participle(then) || matches!(then, "in" | "on" | "by" | "within" | "through" | "via" | "online"));
    let passage = matches!(next, "go" | "roll" | "wait" | "stay" | "stand" | "come" | "follow");
    (passive || passage).then_some((from, (after + 2).min(a.sentences[s].end)))
}

/// The matter put outside anyone's control: "outside|beyond [of] <whose> control|hands" within
/// four words ("outside payroll's control", "beyond our control", "outside anyone's control").
/// Not negated ("it isn't outside our control": owning).
fn outside_control(a: &Analysed, i: usize) -> Option<(usize, usize)> {
    let t = &a.tokens[i];
    if !matches!(t.text.as_str(), "outside" | "beyond") || t.negated_by.is_some() {
        return None;
    }
    let s = t.sentence;
    let clause_from = (a.sentences[s].start..i).find(|j| a.tokens[*j].clause == t.clause).unwrap_or(i);
    if (clause_from..i).any(|j| a.tokens[j].is_negator()) {
        return None;
    }
    let end = (i + 1..i + 5).find(|j| matches!(a.word_in(s, *j), "control" | "hands"))?;
    Some((i, end + 1))
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Ms Whitlow", text)
    }

    #[test]
    fn a_rule_that_says_no_as_the_whole_answer_is_a_wall() {
        for yes in [
            "Flood damage to the shed? Not covered, I'm afraid.",
            "sorry hun, the parking fine isnt refundable n the permit fee isnt negotiable either",
            "Unfortunately requests received after the deadline cannot be considered.",
            "Pre-existing conditions are excluded.",
            "The panel's decision is final.",
            "Dear Ms Whitlow, we regret that pets are not permitted in the holiday lets.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_rule_named_or_cited_as_the_reason_is_a_wall() {
        for yes in [
            "Late meter readings go on the next bill, that's the rule.",
            "no can do, company policy",
            "Yeah that's just the process, sorry.",
            "Your claim is declined; the deposit is kept in accordance with the terms of your tenancy.",
            "It's in your contract. Page four.",
            "Storage charges are set out clearly in your agreement.",
            "No, the fee stays: it is charged as per your tariff.",
            "The exam board's timetable is outside the college's control.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn what_must_happen_said_of_a_thing_is_a_wall() {
        for yes in [
            "Returns have to be done in store.",
            "Sorry, it'll have to wait for the next batch.",
            "Any change of address must be in writing.",
            "parking permits can only be issued to residents",
            "Please note that late timesheets are included in the following month.",
            "any claims sent after the deadline will be treated as next quarter's",
            "sorry, no, company policy.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_rule_said_while_the_speaker_helps_or_clears_is_not_a_wall() {
        for no in [
            "It's not covered, but what I can do is book you a repair at cost on Friday.",
            "The shed isn't covered, but the fence is covered, so the assessor will ring you Monday.",
            "Returns have to be done in store, so I'll collect it from you myself tomorrow.",
            "That's not our policy at all, and I'm sorry you were told it was.",
            "What's the process for appeals?",
            "All deliveries are scheduled in accordance with our booking policy.",
            "If it's not covered, I'll tell you straight away.",
            "It must be really frustrating to be without the car.",
            "You must be fed up with all this.",
            "It's not possible to say when the lab will reply, I'm sorry.",
            "Would you like me to send you the claim form? It has to be in writing.",
            "I'm afraid the trains aren't running, but we can rebook you onto the 4pm coach.",
            "Your new phone is not available until Tuesday.",
            "The roof isn't covered because the damage built up over years, and I know that's a blow.",
            "The carpet's excluded, but the sofa claim is approved and paid today.",
            "Sorry, the boiler cover isn't included. I have passed your notes to the engineer team.",
            "It has to be said, you've been very patient with us.",
            "Your late payment is processed, thanks for letting me know.",
            "Late fees are excluded, and your refund of £40 is approved.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}
