//! A fault or error denied as the speaker's own (`disowning-patterns`): "not our mistake", "Not
//! my error.", "is not problem from us". Not when the denial is itself denied or set aside, nor
//! when the speaker owns it in the sentence.

fn blames(text: &str) -> bool {
    crate::core::test_fixtures::blame_rule_fires("Mr Osei", text)
}

#[test]
fn a_fault_denied_as_the_speakers_own_is_blame() {
    for yes in [
        "Sorry Mr Osei, that's not our mistake, the engineers booked the wrong day.",
        "Wrong date on the invoice. Not my error. Email accounts.",
        "sorry but not r mistake m8, booking site did it",
        "Sir, this is not problem from us, the bank hold the money.",
        "Please note this is not the fault of our pharmacy; the supplier has no stock.",
    ] {
        assert!(blames(yes), "{yes}");
    }
}

#[test]
fn a_fault_owned_or_the_denial_set_aside_is_not_blame() {
    for no in [
        "It was our mistake, not yours, and I've refunded you this morning.",
        "I won't say it's not our mistake; it is, and I'm sorting it today.",
        "This was my error and nobody else's, I'm sorry. New tickets are attached.",
        "Mr Osei, it is not your mistake, the form is confusing; I fill it for you now.",
    ] {
        assert!(!blames(no), "{no}");
    }
}
