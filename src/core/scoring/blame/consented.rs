//! The customer's own consent or choice named as what binds them: "you" (or "u") as the subject of a
//! past act of agreeing or choosing ("you agreed to it", "the terms you signed", "which you accepted
//! in May", "printed what you approved", "the date u picked", "the address you entered"). Said as a
//! plain statement it lays the outcome on the customer's own act. A weak wall: blame only in an
//! answer that neither owns nor takes anything on ("the plan you chose has roaming off, so I've
//! added a bolt-on for you" explains while helping). Not asked ("could you check the postcode you
//! entered?"), negated ("you never agreed to that"), in a condition ("if you ticked the box"), an
//! arrangement referred to ("as you agreed, I'll ring at 3", "the time you picked is booked in"
//! with the speaker acting), a thing still to do ("once you've signed", "you'll need to sign"),
//! quoted or retold.

use super::super::text::Analysed;
use super::super::walls::Wall;

/// Past acts of consent or choice: the customer's own say in what happened.
fn consent(word: &str) -> bool {
    matches!(
        word,
        "agreed"
            | "accepted"
            | "signed"
            | "approved"
            | "ticked"
            | "chose"
            | "picked"
            | "selected"
            | "entered"
            | "opted"
    )
}

/// Words just before "you" that make the act an arrangement or a step still to come, not a cause:
/// "as you agreed", "once you've signed", "after you picked", "if you ticked".
fn not_a_cause_before(word: &str) -> bool {
    matches!(word, "as" | "once" | "after" | "until" | "till" | "unless" | "if" | "before" | "where")
}

/// Every consent or choice of the customer's laid as the cause (weak walls).
pub(super) fn walls(a: &Analysed) -> Vec<Wall> {
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        if !matches!(t.text.as_str(), "you" | "u") || !t.is_own_word() || a.in_condition(i) {
            continue;
        }
        let s = t.sentence;
        let sentence = &a.sentences[s];
        // "you already agreed", "u literally picked": one adverb may stand between.
        let mut v = i + 1;
        if matches!(a.word_in(s, v), "already" | "actually" | "literally" | "yourself" | "both" | "all") {
            v += 1;
        }
        let Some(verb) = a.tokens.get(v).filter(|x| x.sentence == s && consent(&x.text)) else { continue };
        if verb.negated_by.is_some() || verb.quoted || super::asks(a, s) {
            continue;
        }
        let before = if i > sentence.start { a.word(i - 1) } else { "" };
        // "thanks for the details you entered": the act thanked for, not laid on them.
        let thanked = (sentence.start..i).any(|j| matches!(a.word(j), "thank" | "thanks" | "thx" | "ty"));
        if not_a_cause_before(before) || thanked {
            continue;
        }
        out.push(((i, (v + 3).min(sentence.end)), false));
    }
    out
}

#[cfg(test)]
mod tests {
    fn blames(text: &str) -> bool {
        crate::core::test_fixtures::blame_rule_fires("Ms Achebe", text)
    }

    #[test]
    fn the_customers_consent_or_choice_laid_as_the_cause_is_blame() {
        for yes in [
            "The cancellation fee is in the contract. You signed it.",
            "those r the terms u agreed 2 when u booked, nothing else to say",
            "Madam, the penalty follows from the conditions which you accepted on the first of March.",
            "That is exactly the colour you selected.",
            "Oh, so the courier went to the address you entered. Fancy that.",
            "erm well you you picked the saver fare so it's not refundable",
            "Sir, you are knowing, you approved the drawing before we cut the stone.",
        ] {
            assert!(blames(yes), "{yes}");
        }
    }

    #[test]
    fn a_choice_asked_arranged_negated_or_said_while_helping_is_not_blame() {
        for no in [
            "Could you check the postcode you entered on the form?",
            "Did you tick the box for text updates?",
            "As you agreed on the phone, I'll ring you on Friday at ten.",
            "You never agreed to that charge, so I've taken it off.",
            "If you ticked the marketing box, we can untick it for you.",
            "Once you've signed the form, just pop it in the post.",
            "The plan you chose has roaming off, so I've added a bolt-on for you now.",
            "You told me 'you agreed to this', and I'm sorry, that was wrong of us.",
            "Thank you for the details you entered; I'll get the refund done today.",
        ] {
            assert!(!blames(no), "{no}");
        }
    }
}
