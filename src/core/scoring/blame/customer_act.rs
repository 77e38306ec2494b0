//! The customer's own act stressed as the cause of their problem, read by who is the agent and
//! how the act is put, in the speaker's own stated words (not quoted, retold, conditional or
//! asked; a tag question asserts):
//! - an obligation the customer missed: "you were meant|supposed|required to <act>" (strong; the
//!   present "you're meant to ring us first" is a wall), not what should have reached the
//!   customer ("you were supposed to get a call": their complaint said back);
//! - the customer made the one who did it: "you're the one who picked it" (strong);
//! - the customer's consent to what now bites: "you agreed to it", "you signed up for the basic
//!   plan", "which you accepted" (a wall: blame where the speaker offers nothing), strong with a
//!   stance on it ("technically", "to be fair", "in fairness", "remember") or a consequence drawn
//!   from it ("you chose the basic fare, so it's non-refundable");
//! - a step the customer did not take: "you didn't tick the box", "you never sent the form" (a
//!   wall; strong with a stance, "though" or a tag question), not what they did not receive,
//!   want, need or know, and not "you didn't sign up for this" (sympathy);
//! - a fault placed on the customer's side: "the form came in late from your end", "the error's
//!   on your side" (strong), not cleared ("nothing wrong on your side") or offered ("any problems
//!   on your end, ring me");
//! - the duty made the customer's: "it was your responsibility to check" (strong; present, a wall).
//!
//! The emphatic "you did tick the box" and "you should have rung" are read by `accusing.rs` and
//! `walls.rs`; questions that accuse ("did you even read it?") by `accusing.rs`.

use super::super::detectors::DetectorContext;
use super::super::text::Analysed;
use super::super::walls::Wall;

/// Every act of the customer's stressed as the cause. Walls (weak finds) stand only where the
/// speaker does nothing on the problem (`walls::acts`).
pub(super) fn walls(a: &Analysed, cx: &DetectorContext) -> Vec<Wall> {
    let mut out = Vec::new();
    for i in 0..a.tokens.len() {
        let t = &a.tokens[i];
        if t.quoted || t.retold || a.in_condition(i) || super::asks(a, t.sentence) {
            continue;
        }
        let found = match t.text.as_str() {
            "you" if heads_clause(a, i) => {
                obligation(a, i).or_else(|| cleft(a, i)).or_else(|| consent(a, i)).or_else(|| step_not_taken(a, i))
            }
            "you" => consent_relative(a, i),
            "your" => your_side(a, i).or_else(|| your_duty(a, i)).or_else(|| cleft(a, i)),
            _ => None,
        };
        out.extend(found);
    }
    out.extend(advice_for_next_time(a));
    if out.iter().any(|(_, strong)| !strong) && super::super::walls::acts(a, cx) {
        out.retain(|(_, strong)| *strong);
    }
    out
}

/// Stance words that put weight on what follows ("to be fair", "in fairness", "technically",
/// "remember", "I mean", "well", "tbf").
fn stance(word: &str) -> bool {
    matches!(
        word,
        "fair"
            | "fairness"
            | "technically"
            | "remember"
            | "mean"
            | "well"
            | "tbf"
            | "honestly"
            | "obviously"
            | "course"
            | "look"
            | "though"
    )
}

/// True when "you" at `i` is the subject at the head of its clause: only stance words and
/// fillers before it in the clause ("well, to be fair you ...").
fn heads_clause(a: &Analysed, i: usize) -> bool {
    let t = &a.tokens[i];
    let start = a.sentences[t.sentence].start;
    let from = (start..i).find(|j| a.tokens[*j].clause == t.clause).unwrap_or(i);
    (from..i).all(|j| {
        stance(a.word(j))
            || matches!(
                a.word(j),
                "to" | "be" | "in" | "i" | "so" | "but" | "and" | "yeah" | "yes" | "um" | "er" | "sorry"
            )
    })
}

/// True when the sentence of `i` carries a stance before `i`, ends in "though", or is a tag
/// question: the act is put with weight, as the reason.
fn weighted(a: &Analysed, i: usize) -> bool {
    let s = a.tokens[i].sentence;
    let sentence = &a.sentences[s];
    (sentence.start..i).any(|j| stance(a.word(j)))
        || (i..sentence.end).any(|j| a.word(j) == "though")
        || super::tag_question(a, s)
}

/// True when a later clause of the sentence of `i` draws a consequence with "so" and the speaker
/// does nothing in it ("you chose the basic plan, so it's not covered"; not "..., so I've
/// upgraded it").
fn consequence(a: &Analysed, i: usize) -> bool {
    let s = a.tokens[i].sentence;
    let end = a.sentences[s].end;
    (i + 1..end)
        .find(|j| matches!(a.word(*j), "so" | "hence" | "therefore"))
        .is_some_and(|so| !(so + 1..end.min(so + 4)).any(|j| matches!(a.word(j), "i" | "we" | "let" | "me")))
}

/// Verbs of the customer's consent or choice, past or after "did" ("agreed", "did choose").
fn consent_verb(word: &str) -> bool {
    matches!(
        word,
        "agreed"
            | "accepted"
            | "signed"
            | "chose"
            | "picked"
            | "selected"
            | "opted"
            | "ticked"
            | "consented"
            | "agree"
            | "accept"
            | "sign"
            | "choose"
            | "pick"
            | "select"
            | "opt"
            | "tick"
            | "consent"
    )
}

/// "you were|are meant|supposed|required|expected|obliged to <act>": the customer's missed duty.
/// Strong in the past, a wall in the present. Not what should have reached them ("you were
/// supposed to get a call", "be contacted", "have a reply").
fn obligation(a: &Analysed, i: usize) -> Option<Wall> {
    let s = a.tokens[i].sentence;
    let w = |n: usize| a.word_in(s, i + n);
    let (past, at) = match (w(1), w(2)) {
        ("were" | "was", m) if duty_word(m) => (true, i + 2),
        ("are" | "is", m) if duty_word(m) => (false, i + 2),
        (m, _) if duty_word(m) => (true, i + 1),
        _ => return None,
    };
    if a.word_in(s, at + 1) != "to" || a.tokens[at].negated_by.is_some() {
        return None;
    }
    let verb = a.word_in(s, at + 2);
    if verb.is_empty() || matches!(verb, "get" | "receive" | "hear" | "have" | "be" | "see" | "feel" | "know") {
        return None;
    }
    Some(((i, at + 3), past))
}

/// Words of a duty put on someone: "meant", "supposed", "required", "expected", "obliged".
fn duty_word(word: &str) -> bool {
    matches!(word, "meant" | "supposed" | "required" | "expected" | "obliged")
}

/// "you're|you were the one (who|that) ...", "ur the one who picked it": the customer made the one
/// who did it.
fn cleft(a: &Analysed, i: usize) -> Option<Wall> {
    let s = a.tokens[i].sentence;
    let w = |n: usize| a.word_in(s, i + n);
    let k = if a.word(i) == "your" {
        i
    } else if matches!(w(1), "are" | "were" | "was") {
        i + 1
    } else {
        return None;
    };
    let one = a.word_in(s, k + 2);
    // The act after "who": a past one ("who picked it"), not a burden ("who has to face them").
    let act = a.word_in(s, k + 4);
    let past = (act.ends_with("ed") && act.len() > 3)
        || matches!(
            act,
            "chose" | "took" | "sent" | "made" | "did" | "bought" | "said" | "told" | "put" | "gave" | "left"
        );
    let ok = past
        && a.word_in(s, k + 1) == "the"
        && matches!(one, "one" | "ones")
        && matches!(a.word_in(s, k + 3), "who" | "that")
        && a.tokens[i].negated_by.is_none();
    ok.then_some(((i, (k + 5).min(a.sentences[s].end)), true))
}

/// "you agreed to it", "you signed up for the basic plan", "you did choose the cheapest one": the
/// customer's consent at the head of the clause. Strong when weighted or drawn into a consequence;
/// otherwise a wall.
fn consent(a: &Analysed, i: usize) -> Option<Wall> {
    let s = a.tokens[i].sentence;
    let mut k = i + 1;
    while matches!(a.word_in(s, k), "already" | "also" | "actually" | "originally" | "then" | "did" | "yourself") {
        k += 1;
    }
    let verb = a.word_in(s, k);
    let base_after_did = a.word_in(s, k - 1) == "did";
    let past = verb.ends_with("ed") || matches!(verb, "chose" | "signed");
    if !consent_verb(verb) || a.tokens[k].negated_by.is_some() || !(past || base_after_did) {
        return None;
    }
    let strong = weighted(a, i) || consequence(a, k);
    Some(((i, (k + 3).min(a.sentences[s].end)), strong))
}

/// "what|which you agreed to|signed up for|accepted": the terms pointed to as the customer's own
/// consent. A wall.
fn consent_relative(a: &Analysed, i: usize) -> Option<Wall> {
    let s = a.tokens[i].sentence;
    if !matches!(a.word(i.wrapping_sub(1)), "what" | "which") || a.tokens[i].negated_by.is_some() {
        return None;
    }
    let verb = a.word_in(s, i + 1);
    let terms =
        matches!(verb, "agreed" | "accepted" | "consented") || (verb == "signed" && a.word_in(s, i + 2) == "up");
    terms.then_some(((i - 1, (i + 3).min(a.sentences[s].end)), false))
}

/// Steps the customer is expected to take: what "you didn't ..." blames them for missing.
fn step_verb(word: &str) -> bool {
    matches!(
        word,
        "send"
            | "tick"
            | "sign"
            | "fill"
            | "submit"
            | "tell"
            | "inform"
            | "report"
            | "declare"
            | "mention"
            | "check"
            | "read"
            | "ring"
            | "call"
            | "contact"
            | "book"
            | "register"
            | "pay"
            | "return"
            | "renew"
            | "update"
            | "attach"
            | "include"
            | "cancel"
            | "complete"
            | "provide"
            | "enter"
            | "notify"
            | "upload"
            | "follow"
            | "reply"
            | "respond"
            | "save"
            | "keep"
            | "bring"
            | "select"
            | "choose"
            | "opt"
            | "post"
    )
}

/// "you didn't|never <step>" at the head of a clause: a step the customer did not take. A wall;
/// strong when weighted ("you didn't tick the box though", "..., did you?"). Not "you didn't sign
/// up for this" (sympathy), not "you didn't ... anything|wrong".
fn step_not_taken(a: &Analysed, i: usize) -> Option<Wall> {
    let s = a.tokens[i].sentence;
    let w = |n: usize| a.word_in(s, i + n);
    let verb_at = match (w(1), w(2)) {
        ("did", "not") => i + 3,
        ("never", _) => i + 2,
        _ => return None,
    };
    let verb = a.word_in(s, verb_at);
    // "never" takes the past: "you never sent it", "you never ticked it".
    let past = matches!(verb, "sent" | "told" | "rang" | "paid" | "kept" | "brought" | "chose" | "read");
    if !(step_verb(verb) || past || (verb.ends_with("ed") && step_verb(&a.tokens[verb_at].stem))) {
        return None;
    }
    let clause = a.tokens[verb_at].clause;
    let rest = (verb_at + 1..a.sentences[s].end).filter(|j| a.tokens[*j].clause == clause).take(6);
    let clearing = rest.clone().any(|j| matches!(a.word(j), "anything" | "wrong" | "nothing"))
        || (verb == "sign" && a.word_in(s, verb_at + 1) == "up");
    if clearing {
        return None;
    }
    let end = rest.last().map_or(verb_at + 1, |j| j + 1);
    Some(((i, end), weighted(a, i)))
}

/// "from|on your end|side" with a fault in its clause ("came in late from your end", "the
/// error's on your side"): strong. Not cleared or offered ("nothing wrong on your side", "any
/// issues on your end").
fn your_side(a: &Analysed, i: usize) -> Option<Wall> {
    let s = a.tokens[i].sentence;
    if !matches!(a.word(i.wrapping_sub(1)), "from" | "on") || !matches!(a.word_in(s, i + 1), "end" | "side") {
        return None;
    }
    let clause = a.tokens[i].clause;
    let sentence = &a.sentences[s];
    let in_clause: Vec<usize> = (sentence.start..sentence.end).filter(|j| a.tokens[*j].clause == clause).collect();
    let cleared = in_clause
        .iter()
        .any(|&j| (j < i && a.tokens[j].is_negator()) || matches!(a.word(j), "any" | "anything" | "nothing" | "if"));
    let fault = in_clause.iter().any(|&j| {
        matches!(
            a.word(j),
            "late"
                | "wrong"
                | "incorrect"
                | "missing"
                | "incomplete"
                | "error"
                | "mistake"
                | "fault"
                | "problem"
                | "issue"
                | "delay"
                | "delayed"
                | "never"
        )
    });
    (fault && !cleared && a.tokens[i].negated_by.is_none()).then_some(((i - 1, i + 2), true))
}

/// "it was|is your responsibility|job|duty to ...": the duty made the customer's. Strong in the
/// past, a wall in the present; not negated ("it's not your job to chase us").
fn your_duty(a: &Analysed, i: usize) -> Option<Wall> {
    let s = a.tokens[i].sentence;
    let be = a.word(i.wrapping_sub(1));
    if !matches!(a.word_in(s, i + 1), "responsibility" | "job" | "duty")
        || a.word_in(s, i + 2) != "to"
        || !matches!(be, "was" | "is")
        || a.tokens[i].negated_by.is_some()
        || a.tokens[i - 1].negated_by.is_some()
        || a.word(i.wrapping_sub(2)) == "not"
    {
        return None;
    }
    Some(((i, i + 3), be == "was"))
}

/// Advice for next time that says what the customer should do differently, with a word of
/// recommending ("best to book direct next time", "going forward, we recommend requesting it at
/// booking", "in future it's better to ring us first"): the problem put down to how they did it.
/// Strong. Not the speaker's own plan for next time ("next time I'll make sure it's ready", "going
/// forward we will text you") nor the speaker's channel ("the best way to reach me"); the plainer
/// "maybe check next time" is read by `walls.rs`.
fn advice_for_next_time(a: &Analysed) -> Vec<Wall> {
    let mut out = Vec::new();
    for (s, sentence) in a.sentences.iter().enumerate() {
        let words: Vec<&str> = (sentence.start..sentence.end).map(|j| a.word(j)).collect();
        let pair = |x: &str, y: &str| words.windows(2).position(|p| p == [x, y]);
        let Some(at) = pair("next", "time").or_else(|| pair("going", "forward")).or_else(|| pair("in", "future"))
        else {
            continue;
        };
        let recommends = words.iter().any(|w| matches!(*w, "best" | "better" | "recommend" | "advise" | "suggest"));
        let speaker = words.iter().any(|w| matches!(*w, "me" | "my" | "us"))
            || words.windows(2).any(|p| matches!(p[0], "i" | "we" | "you") && matches!(p[1], "will" | "shall"));
        let own = (sentence.start..sentence.end).all(|j| a.tokens[j].is_own_word() || a.tokens[j].negated_by.is_some());
        if recommends && !speaker && own && !super::asks(a, s) && !a.in_condition(sentence.start + at) {
            out.push(((sentence.start + at, sentence.start + at + 2), true));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mr Oyelaran", text)
    }

    #[test]
    fn an_obligation_the_customer_missed_is_blame() {
        for yes in [
            "You were meant to ring us before booking the plumber.",
            "u were supposed to send the meter photo first m8",
            "Sir, you was required to inform the office of the change.",
            "It was your responsibility to check the dates, I'm afraid.",
            "Well, you're the one who picked the standard tariff.",
            "ur the one that booked it thru the other site lol",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn the_customers_consent_or_missed_step_as_the_reason_is_blame() {
        for yes in [
            "The exit fee is in the contract. You agreed to it.",
            "Technically you accepted the terms when you signed.",
            "you picked the basic cover, so the courtesy car isnt included",
            "You didn't tick the insurance box though.",
            "Well you never sent the signed copy back, did you?",
            "Your timesheet came in late from your end, so it rolls over.",
            "Honestly it's best to book direct with the hotel next time.",
            "Going forward we recommend declaring any extras at the start of the claim.",
            "The mismatch is an error on your side, not the bank's.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_recap_a_complaint_said_back_or_sympathy_is_not_blame() {
        for no in [
            "You were supposed to get a call on Monday and nobody rang, I'm sorry.",
            "You were meant to be contacted by the surveyor, and that didn't happen.",
            "You chose the Friday slot, so I've booked the fitter for 9am Friday.",
            "You agreed the new date with me, and I'll ring you the day before.",
            "You didn't sign up for a week without heating, and I'm sorry.",
            "You didn't do anything wrong, I'll sort the form myself.",
            "You didn't get the email, so I'm sending it again now.",
            "There's nothing wrong on your side, the fault is at the exchange and I've booked the engineer.",
            "If there's any problem on your end, ring me directly.",
            "It's not your job to chase us, I'll do that.",
            "Did you tick the box for paperless billing?",
            "I'm on your side here, and I'll push for the refund.",
            "You're the one who has to explain it to your boss, and that's on us.",
            "Next time you're in, the best table is yours and I'll make sure of it.",
            "Going forward, the best way to reach me is my direct line.",
            "In future we will text you the day before, I'm sorry it didn't happen this time.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}
