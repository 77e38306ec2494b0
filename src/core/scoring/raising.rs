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
        let channel = (v + 1..(v + 1 + CHANNEL_REACH).min(a.tokens.len()))
            .take_while(|&j| in_clause(j))
            .find(|&j| w.step_channel.has(a.word(j)) || a.word(j).contains('@'));
        if let Some(c) = channel {
            out.push((v, c + 1));
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
        ] {
            assert!(!met("sends-away", text), "{text}");
        }
    }
}
