//! Something not received from a party, given as the reason: the speaker's side not having got it
//! ("we never got the form from your bank", "we haven't heard back from the surveyor", "the results
//! have not yet been received from our partner"), still waiting on a party ("we're still waiting on
//! the manufacturer", "awaiting an update from the lab", "waiting for the landlord to reply"), or
//! the party not coming back ("the landlord hasn't got back to us", "they only got back Thursday",
//! non-native "the landlord not answer us"). Not what was received ("we got the form from your
//! bank today"), not waiting on the customer ("waiting for you to confirm"); the guards of
//! `account.rs` drop it when the speaker chases in the same sentence ("we're still waiting on the
//! lab, so I've chased them this morning"), and a condition, a question or quoted words.

use super::super::detectors::{DetectorContext, Range};
use super::super::text::Analysed;
use super::guessed::party_at;

/// Verbs of getting something.
fn receiving(w: &str) -> bool {
    matches!(w, "got" | "get" | "gotten" | "received" | "receive" | "had" | "heard" | "hear" | "seen" | "recieved")
}

/// Every thing not received from a party: its words. A weak account: it stands only in an answer
/// where the speaker takes nothing on and does nothing on the problem (`walls::acts`), since the
/// guideline reads a cause named while fixing it as no blame ("FixPoint haven't sent the assessment
/// yet ... I'll ring you at 5 with the result"; the first try fired on two such train answers).
pub(super) fn reasons(a: &Analysed, cx: &DetectorContext, parties: &[Range], taken_on: &[Range]) -> Vec<Range> {
    let mut out = Vec::new();
    if !taken_on.is_empty() || super::super::walls::acts(a, cx) {
        return out;
    }
    for k in 0..a.tokens.len() {
        if a.tokens[k].quoted {
            continue;
        }
        if let Some(r) = not_got_from(a, cx, parties, k)
            .or_else(|| waiting_on(a, cx, parties, k))
            .or_else(|| not_back(a, cx, parties, k))
        {
            out.push(r);
        }
    }
    out
}

/// A third party at `j`, or "them|him|her" after "from" or "on".
fn from_party(a: &Analysed, cx: &DetectorContext, parties: &[Range], j: usize) -> Option<usize> {
    if matches!(a.word(j), "them" | "him" | "her") {
        return Some(j + 1);
    }
    party_at(a, cx, parties, j, false)
}

/// "(we|i) [have|did] not|never [yet] <got|received|heard> ... from <party>" or "not [yet] been
/// received from <party>" at `k` (the negation).
fn not_got_from(a: &Analysed, cx: &DetectorContext, parties: &[Range], k: usize) -> Option<Range> {
    let t = &a.tokens[k];
    if !matches!(t.text.as_str(), "not" | "never") {
        return None;
    }
    let (s, clause) = (t.sentence, t.clause);
    let start = a.sentences[s].start;
    let in_clause = |j: usize| a.tokens.get(j).is_some_and(|x| x.sentence == s && x.clause == clause);
    let mut v = k + 1;
    while matches!(a.word_in(s, v), "yet" | "even" | "actually" | "been" | "still" | "ever") {
        v += 1;
    }
    if !receiving(a.word_in(s, v)) {
        return None;
    }
    let ours = (start..k).filter(|j| in_clause(*j)).any(|j| matches!(a.word(j), "we" | "i"));
    let passive = a.word_in(s, v - 1) == "been";
    if !ours && !passive {
        return None;
    }
    let from = (v + 1..v + 9).find(|j| in_clause(*j) && a.word(*j) == "from")?;
    let end = from_party(a, cx, parties, from + 1)?;
    let subject = (start..k).find(|j| in_clause(*j)).unwrap_or(k);
    Some((subject, end))
}

/// "[still] waiting|awaiting on|for <party>", "awaiting <an update> from <party>", "waiting to
/// hear [back] from <party>" at `k` (the waiting word).
fn waiting_on(a: &Analysed, cx: &DetectorContext, parties: &[Range], k: usize) -> Option<Range> {
    let t = &a.tokens[k];
    if !matches!(t.text.as_str(), "waiting" | "awaiting" | "wait" | "waited") || t.negated_by.is_some() {
        return None;
    }
    let (s, clause) = (t.sentence, t.clause);
    let in_clause = |j: usize| a.tokens.get(j).is_some_and(|x| x.sentence == s && x.clause == clause);
    // Said of the speaker's side: "we're waiting", "still awaiting", "Waiting on ...".
    let start = a.sentences[s].start;
    let lead: Vec<&str> = (start..k).filter(|j| in_clause(*j)).map(|j| a.word(j)).collect();
    let ours = lead.is_empty()
        || (lead.iter().any(|w| matches!(*w, "we" | "i" | "still" | "currently" | "unfortunately" | "just"))
            && !lead.iter().any(|w| matches!(*w, "you" | "u" | "if" | "while")));
    if !ours {
        return None;
    }
    let mut j = k + 1;
    if matches!(a.word_in(s, j), "on" | "for") {
        j += 1;
    } else {
        let from = (k + 1..k + 6).find(|x| in_clause(*x) && a.word(*x) == "from")?;
        j = from + 1;
    }
    if matches!(a.word_in(s, j), "you" | "u") {
        return None;
    }
    let end = from_party(a, cx, parties, j).or_else(|| {
        // "awaiting an update from the lab": the thing, then "from" and the party.
        let from = (j..j + 5).find(|x| in_clause(*x) && a.word(*x) == "from")?;
        from_party(a, cx, parties, from + 1)
    })?;
    Some((k, end))
}

/// "<party> [has|have] not|never [yet] got|come back", "<party> not|never <replied|answered>",
/// "<party> only got back <when>" at `k` (the party).
fn not_back(a: &Analysed, cx: &DetectorContext, parties: &[Range], k: usize) -> Option<Range> {
    let s = a.tokens[k].sentence;
    let end = party_at(a, cx, parties, k, true)?;
    let mut j = end;
    while matches!(a.word_in(s, j), "has" | "have" | "had" | "did" | "does" | "do" | "yet" | "still" | "even" | "s") {
        j += 1;
    }
    let word = a.word_in(s, j);
    let back = |x: usize| {
        matches!(a.word_in(s, x), "got" | "get" | "come" | "came" | "gotten") && a.word_in(s, x + 1) == "back"
    };
    let answering = |x: usize| {
        matches!(
            a.word_in(s, x),
            "replied"
                | "reply"
                | "responded"
                | "respond"
                | "answered"
                | "answer"
                | "returned"
                | "return"
                | "confirmed"
                | "confirm"
                | "sent"
                | "send"
        )
    };
    let found = match word {
        "not" | "never" if back(j + 1) => Some(j + 3),
        "not" | "never" if a.word_in(s, j + 1) == "yet" && back(j + 2) => Some(j + 4),
        "not" | "never" if answering(j + 1) => Some(j + 2),
        "only" if back(j + 1) => Some(j + 3),
        "slow" if a.word_in(s, j - 1) == "been" || a.word_in(s, j - 1) == "s" => Some(j + 1),
        _ => None,
    }?;
    // Not a condition or a plan: "once the lab gets back to us", "he'll send it".
    let plan = (a.sentences[s].start..k).any(|x| matches!(a.word(x), "will" | "once" | "when" | "until" | "till"));
    (!plan).then_some((k, found))
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mrs Lund", text)
    }

    #[test]
    fn something_not_received_from_a_party_as_the_reason_is_blame() {
        for yes in [
            "We never got the form from your bank.",
            "Dear Mrs Lund, regrettably we have not yet received the valuation from the surveyor.",
            "still waiting on the manufacturer sorry",
            "We are awaiting an update from the lab, as soon as we hear you'll be told.",
            "Madam, the landlord not answer us, so it is slow.",
            "um yeah the contractor hasn't got back to us yet so",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn what_came_a_chase_or_waiting_on_the_customer_is_not_blame() {
        for no in [
            "We got the form from your bank this morning, so it's all moving.",
            "We're still waiting on the lab, so I've chased them this morning and I'll ring you at 2.",
            "We're waiting for you to send the photo, no rush.",
            "Once the landlord gets back to us, I'll book the plumber.",
            "Have you heard anything from the surveyor?",
            "You said you 'never got the form from the bank', so I've sent it to you again.",
            "We haven't heard from the lab, and that's on me for not chasing.",
            "Sorry you feel the survey team never got back to you.",
            "The depot hasn't sent the part yet, so I've booked you a loan unit for tomorrow.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}
