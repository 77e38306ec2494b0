//! A rule said as what must be done, with the speaker out of it: "<something> must|has to be
//! <routed or decided>" ("all complaints must be submitted in writing to our head office",
//! "redelivery requests must be made by the sender", "damage has to be reported within 48 hours").
//! A wall (weak): blame only in an answer where the speaker does nothing about the problem, so
//! "the form must be signed by Friday so I can send it off" stays information. Not said of the
//! speaker or to the customer as "you must", not negated, conditional, asked or quoted. "Should be"
//! is left out: on the train split it is as often plain advice as a wall. The verbs are the
//! `blame-routing-verb` list.

use super::super::detectors::DetectorContext;
use super::super::text::Analysed;
use super::super::walls::Wall;

/// Every "must|has to|have to be <routing verb>" rule of the answer, with the speaker out of it
/// (`wall_blame` keeps none where the speaker acts on the problem).
pub(super) fn must_be_done(a: &Analysed, cx: &DetectorContext) -> Vec<Wall> {
    let mut out = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let s = t.sentence;
        let be = match (t.text.as_str(), a.word_in(s, k + 1), a.word_in(s, k + 2)) {
            ("must", "be", _) => k + 1,
            ("has" | "have", "to", "be") => k + 2,
            _ => continue,
        };
        let verb = a.word_in(s, be + 1);
        if !cx.lists.words.blame_routing_verb.has(verb) {
            continue;
        }
        let sentence = &a.sentences[s];
        let clause_from = a.clause_span(k).0;
        let speaker_or_you = (clause_from..k).any(|j| matches!(a.word(j), "i" | "we" | "you" | "u" | "it"));
        let unsaid = !t.is_own_word() || t.negated_by.is_some() || a.in_condition(k) || super::asks(a, s);
        if !speaker_or_you && !unsaid {
            out.push(((k, (be + 2).min(sentence.end)), false));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Mr Farrell", text)
    }

    #[test]
    fn a_rule_of_what_must_be_done_elsewhere_is_a_wall() {
        for yes in [
            "Please be advised that all complaints must be submitted in writing to our Head Office.",
            "Damage has to be reported within 48 hours. It's been ten days.",
            "overtime claims must be submitted thru the HR portal sorry",
            "Prescription must be requested by patient in the app, 48 hours before.",
        ] {
            assert!(blames(yes), "{yes}");
        }
        for no in [
            "The form must be signed by Friday so I can send it off.",
            "Claims must be submitted in writing, so I will send you the form now and fill it in with you.",
            "If it must be reported in writing, I'll write it up for you tonight.",
            "You must be fed up with us by now.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}
