//! Sending the customer to raise the problem through a channel themselves: "please raise a request
//! via the self-service portal", "you can make a formal complaint at northvale.example/complaints",
//! "fill in the online form", "please use the contact form on our website". The customer, not the
//! speaker, is to get it handled elsewhere, so it is a send-away (and, naming how, a next step).

use super::detectors::{DetectorContext, Range};
use super::text::Analysed;

/// How far after the verb the channel may come, within its clause.
const CHANNEL_REACH: usize = 10;

/// Verbs of raising the problem (`@referral-raise-verb`) said to the customer, with a channel
/// (`@step-channel`, or an email address) after them in the clause. Not said by or of the speaker
/// ("I'll fill in the form", "let me raise it on the portal"), not a question, negated, quoted, or
/// in a condition clause.
pub(super) fn raised_through_channel(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for (v, t) in a.tokens.iter().enumerate() {
        if !w.referral_raise_verb.has(&t.text) || !a.asserted_at(v) || t.retold || a.in_condition(v) {
            continue;
        }
        // "the claim form has been emailed", "your report", "a complaint": the word as a noun.
        let prev = if v > 0 && a.tokens[v - 1].sentence == t.sentence { a.word(v - 1) } else { "" };
        if w.raise_noun_before.has(prev) || (v > 0 && a.tokens[v - 1].possessive) {
            continue;
        }
        let in_clause = |j: usize| a.tokens[j].sentence == t.sentence && a.tokens[j].clause == t.clause;
        let start = a.sentences[t.sentence].start;
        // The nearest person before the verb in its clause decides who does it.
        let nearest = (start..v)
            .rev()
            .take_while(|&j| in_clause(j))
            .find(|&j| matches!(a.word(j), "i" | "we" | "me" | "you" | "u" | "ya" | "he" | "she" | "they" | "someone"));
        // "You won't need to ring the line or fill in anything online": a negator earlier in the clause.
        let negated = (start..v).rev().take_while(|&j| in_clause(j)).any(|j| a.tokens[j].is_negator());
        if negated || nearest.is_some_and(|j| !matches!(a.word(j), "you" | "u" | "ya")) {
            continue;
        }
        if let Some(c) = channel_after(a, cx, v) {
            out.push((v, c + 1));
        }
    }
    out.extend(routed_to_channel(a, cx));
    out
}

/// The channel (`@step-channel`) after the verb at `v` in its clause, within [`CHANNEL_REACH`].
fn channel_after(a: &Analysed, cx: &DetectorContext, v: usize) -> Option<usize> {
    let t = &a.tokens[v];
    (v + 1..(v + 1 + CHANNEL_REACH).min(a.tokens.len()))
        .take_while(|&j| a.tokens[j].sentence == t.sentence && a.tokens[j].clause == t.clause)
        .find(|&j| cx.lists.words.step_channel.has(a.word(j)))
}

/// "Complaints about the contractor should be made via the GreenCycle website", "requests must
/// be submitted to Facilities via the request form": the customer's problem routed to a channel in
/// the passive, with a modal of duty before "be" and a participle of raising
/// (`@raise-participle`) after it. Not negated, asked, quoted or in a condition.
fn routed_to_channel(a: &Analysed, cx: &DetectorContext) -> Vec<Range> {
    let w = &cx.lists.words;
    let mut out = Vec::new();
    for b in 1..a.tokens.len() {
        if a.word(b) != "be" || !a.asserted_at(b) || a.in_condition(b) || a.tokens[b].negated_by.is_some() {
            continue;
        }
        let s = a.tokens[b].sentence;
        let duty = matches!(a.word_in(s, b - 1), "should" | "must" | "can" | "may" | "shall")
            || (a.word_in(s, b - 1) == "to"
                && matches!(a.word_in(s, b.wrapping_sub(2)), "need" | "needs" | "have" | "has"));
        let p = if a.word_in(s, b + 1) == "directly" { b + 2 } else { b + 1 };
        if duty
            && w.raise_participle.has(a.word_in(s, p))
            && !a.tokens[b - 1].is_negator()
            && let Some(c) = channel_after(a, cx, p)
        {
            out.push((b - 1, c + 1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::rule_probe::rule_met as met;

    #[test]
    fn the_customer_sent_to_raise_it_through_a_channel_is_sent_away() {
        for text in [
            "To sort this, please raise a request through the self-service portal.",
            "u can make a formal complaint at townhall.example/complaints",
            "Kindly submit your claim via our website.",
            "For the deposit you must go to website and fill the form.",
            "Disputes: report it to disputes@bank.example please.",
            "You need to claim through the airline's website, sorry.",
            "Please note that complaints about the contractor should be made via the GreenCycle website.",
            "Any remaining issues should be reported via the support portal.",
            "Requests must be submitted to Facilities via the Workplace Request form.",
            "claims have to be sent thru the online form m8",
        ] {
            assert!(met("sends-away", text), "{text}");
            assert!(met("next-steps", text), "{text}");
        }
    }

    #[test]
    fn the_speaker_raising_it_or_a_condition_or_a_question_is_not() {
        for text in [
            "I'll fill in the claim form for you tonight.",
            "Let me raise it on the portal now.",
            "Did you submit it through the website?",
            "You didn't need to complain on the app.",
            "You won't need to ring the mortgage line or fill in anything online.",
            "I've reported it through our website already.",
            "Thank you for calling the surgery, Mrs Adeyemi. Your request is with the clinical team.",
            "Thanks for contacting the service desk today.",
            "Your request should not be made via the portal, I will do it.",
            "If it must be reported via the form, I'll fill it in for you.",
            "Should it be submitted through the website?",
            "The claim form has been emailed to you, and I've filled in the dates.",
            "ur claim on the portal is approved btw",
            "Your complaint via our website reached me this morning.",
            "Mr Abebe's report through the online form is with me now.",
        ] {
            assert!(!met("sends-away", text), "{text}");
        }
    }
}
