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
fn who_did_it_and_what_is_needed_decide_the_pairing() {
    for no in [
        "I forgot to ring the warehouse like I said, that's on me.",
        "we never chased dispatch, sorry, doing it now",
        "I've sorted it with my manager, the credit goes on tonight.",
        "Dear Ms Hale, a goodwill credit has been applied to your account for the delayed delivery.",
        "put £10 on ur account for the missed slot x",
        "You needed to know where it was, and you should have heard from us.",
        "Sir, you need to trust us this time, I deliver it myself Friday.",
        "So the flight was late, caused by the snow, and I've refunded your taxi today.",
    ] {
        assert!(!blames(no), "{no}");
    }
    for yes in [
        "We were held up by the courier, nothing I can do.",
        "the warehouse for some reason lost it",
        "Saturday we had two off sick and the new girl forgot your booking.",
        "You needed to send the form back by the 5th.",
        "The delay was caused by the courier, who lost it twice.",
    ] {
        assert!(blames(yes), "{yes}");
    }
}

#[test]
fn a_busy_time_a_fix_made_and_a_fault_owned_are_not_blame() {
    for no in [
        "Sorry, it's been manic in here all week, so I've booked your fitting for Tuesday at 10.",
        "last night was mad busy tbh, rebooked u for fri 7pm",
        "Been so hectic, apologies. Your parcel is on its way now.",
        "The lender's terms don't cover that, so I've refunded the fee from our side.",
        "Could you send me the old invoice? It would help our manager see the error was ours.",
    ] {
        assert!(!blames(no), "{no}");
    }
    for yes in [
        "The delivery team are swamped this week, they'll get round to you.",
        "we were rammed, what did you expect on a bank holiday",
        "The lender's terms don't cover that. Not our call.",
        "Our manager thinks the error was the courier's, not ours.",
    ] {
        assert!(blames(yes), "{yes}");
    }
}
