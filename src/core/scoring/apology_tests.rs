//! Unit tests of the `deflecting-apology` concept's rule (`deflection`) by what the apology is
//! for, in several registers, for and against. The sentences are our own.

fn deflects(text: &str) -> bool {
    super::super::rule_probe::rule_met("deflection", text)
}

fn all(expected: bool, texts: &[&str]) {
    let wrong: Vec<&&str> = texts.iter().filter(|t| deflects(t) != expected).collect();
    assert!(wrong.is_empty(), "expected {expected}: {wrong:#?}");
}

#[test]
fn a_conditional_apology_deflects_whatever_the_condition() {
    all(
        true,
        &[
            "Sorry if the wait has worried you. We'll be in touch.",
            "We apologise if your stay fell short of what you hoped for.",
            "soz if the new app's been confusing u",
            "Apologies if last month's bill looked higher than usual.",
            "Uh, sorry if, um, if the engineer's visit was a pain.",
            "I am sorry if the answer from our shop was not clear for you.",
        ],
    );
    all(
        false,
        &[
            "Sorry if I'm interrupting your lunch, it's Dev from the garage.",
            "Let me know if you're sorry you ordered it and I'll take it back.",
            "I'm sorry, if the part arrives Monday I'll fit it Tuesday.",
            "Sorry I missed the call yesterday, that was my slip, I'll ring at 2.",
        ],
    );
}

#[test]
fn an_apology_for_the_feeling_or_the_experience_deflects() {
    all(
        true,
        &[
            "I'm sorry you're feeling let down by us.",
            "sorry u r feeling fed up",
            "We are sorry that your experience at the branch was disappointing.",
            "Sorry for your feelings about this, we will check.",
            "So sorry you had such a rough experience with the booking.",
            "We apologise that you have had this experience.",
        ],
    );
    all(
        false,
        &[
            "I'm sorry you're feeling let down, and that's on us: we sent the wrong size.",
            "Sorry we lost your booking, that's our mistake and I've rebooked you for 3pm.",
            "With your experience of the old system, you'll find this one quick.",
            "I know you're feeling let down, so I've refunded the delivery.",
        ],
    );
}
