//! Blame in the forms a real person uses, in sentences written for these tests (several
//! registers), for and against: sarcasm about another party, a cause put on someone else,
//! distancing, and the guideline's exclusions (owned, neutral while fixing, quoted, set aside,
//! routing).

/// The blame concept's own rule (the phrase rule or the structural one).
fn blames(text: &str) -> bool {
    crate::core::test_fixtures::blame_rule_fires("Mr Adeyemi", text)
}

#[test]
fn eye_rolling_about_another_party_is_blame() {
    for yes in [
        "Our warehouse, in its infinite wisdom, sent your order to Leeds.",
        "Accounts, bless them, have lost your form again.",
        "Ah, the booking system strikes again.",
        "I'm sure head office will be thrilled to hear that.",
        "classic dispatch tbh, they never read the label",
        "Erm, the couriers, allegedly, knocked twice.",
        "Yesterday's mystery agent strikes again, I see.",
        "Even the accounts lot agreed to something for once.",
        "nobody in that office reads the notes, as ever",
        "Sorry, I didn't realise addresses were so hard to read at the depot.",
        "And there was me thinking the warehouse could count to two.",
        "Who has it? Everyone and no one. Classic.",
    ] {
        assert!(blames(yes), "{yes}");
    }
}

#[test]
fn a_cause_put_elsewhere_or_distancing_is_blame() {
    for yes in [
        "The courier left it at the wrong door.",
        "That's a head-office thing.",
        "um it's not really us is it, it's the system",
        "Not my department mate, ask the front desk.",
        "above my pay grade im afraid",
        "nothing to do with me, that was the night shift",
        "Head office set that up, take it up with them.",
        "Due to our policy we can't refund opened items.",
        "Its not us, is the transport company fault.",
        "That's on the supplier, not on us.",
    ] {
        assert!(blames(yes), "{yes}");
    }
}

#[test]
fn owned_neutral_set_aside_and_quoted_causes_are_not_blame() {
    for no in [
        "I should have rung you yesterday and didn't, my fault.",
        "i said id call and didnt, my bad, doing it now",
        "There's a fault on the app, so I've put the discount through myself.",
        "Sorry, there was a glitch with the till, so I've refunded it by hand.",
        "The courier left it at the wrong door, and that's on us for not checking; a new one goes out today.",
        "Wear and tear isn't covered, so here's what I can do instead.",
        "I could say it's not my department, but I'll sort it anyway.",
        "You were supposed to get a call and didn't, I'm sorry.",
        "I won't blame the warehouse, we should have checked it.",
        "If the courier hasn't delivered by noon, I'll refund you myself.",
        "I'm sure the engineer will be with you by ten.",
        "I sent the form to the depot for once, and it arrived.",
        "I'm thrilled to say the engineer fixed it this morning.",
        "Sorry, I didn't realise you'd already sent it, I'll look now.",
    ] {
        assert!(!blames(no), "{no}");
    }
}

#[test]
fn a_slur_said_of_another_party_is_blame_but_not_when_denied_or_of_the_speaker() {
    for yes in [
        "Finance r hopeless m8, still nothing from them.",
        "Between ourselves, the depot is a shambles at the moment.",
        "The installers were frankly incompetent on this one.",
        "They're really disorganised over there, I'm afraid.",
        "honestly nadia quinn's a nightmare to pin down",
    ] {
        assert!(blames(yes), "{yes}");
    }
    for no in [
        "Our fitters were brilliant on Tuesday, not hopeless at all.",
        "Waiting in all day for nothing sounds like a nightmare.",
        "You must think we're clueless after all this.",
        "I felt useless not being able to fix it for you, and I'm sorry.",
        "The old booking page was rubbish; the new one is live and I've moved you onto it.",
    ] {
        assert!(!blames(no), "{no}");
    }
}

#[test]
fn what_went_wrong_on_our_own_side_said_while_fixing_it_is_not_blame() {
    for no in [
        "Our depot packed the wrong lamp. I'm sending the right one by courier today and I'll collect the other myself.",
        "our courier left it at the wrong house, ill collect it myself 2moro and bring it round",
    ] {
        assert!(!blames(no), "{no}");
    }
    // Near-misses: another party's slip, or our own side's slip mocked.
    for yes in [
        "The depot packed the wrong lamp. I'm sending the right one today.",
        "Oh, great work as ever from our warehouse team. Anyway. I have already sent the right lamp and I'll ring you Friday.",
    ] {
        assert!(blames(yes), "{yes}");
    }
}
