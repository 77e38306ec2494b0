//! Unit tests of the send-aways said as advice in the customer's place, as a plain "you call ...",
//! or as a third party's line, in several registers.

fn sends(text: &str) -> bool {
    super::super::rule_probe::rule_met_named("sends-away", text, "Mr Abebe", "Rosa Klein")
}

#[test]
fn advice_in_the_customers_place_sends_away() {
    for text in [
        "Honestly I'd give the lettings agent a ring.",
        "I would contact your insurer directly if I were you.",
        "I'd just go back to the seller tbh",
        "Look, I'd probably speak to your landlord about that.",
    ] {
        assert!(sends(text), "{text}");
    }
    for text in [
        "I'd ring the agent for you, but they're closed.",
        "I would like to call the depot now.",
        "I would have called the depot myself.",
        "I'd call you back, but the line dropped.",
    ] {
        assert!(!sends(text), "{text}");
    }
}

#[test]
fn a_plain_you_with_a_contact_verb_sends_away() {
    for text in [
        "Refund is not my part. You ask accounts please.",
        "For this problem, you call the building office.",
        "maybe u email the landlord again",
    ] {
        assert!(sends(text), "{text}");
    }
    for text in [
        "You called the office twice, I can see that.",
        "Do you email the office often?",
        "You call me on this number any time.",
    ] {
        assert!(!sends(text), "{text}");
    }
}

#[test]
fn a_third_partys_line_given_as_the_way_to_them_sends_away() {
    for text in [
        "Our claims handlers can be reached at claims@insurer.example.",
        "The courier can be contacted on 0161 496 0000 about collections.",
    ] {
        assert!(sends(text), "{text}");
    }
    for text in ["I can be reached on extension 4410 all day.", "We can be contacted via this chat until six."] {
        assert!(!sends(text), "{text}");
    }
}

#[test]
fn another_partys_line_given_as_a_fact_sends_away() {
    for text in [
        "Their number's 0161 496 0755.",
        "Refunds team: refunds@homeware.example",
        "not us mate, the council's line is 0300 555 0142",
        "Fourth time lucky then: 0800 640 2211.",
        "Good morning. For the warranty, manufacturer email is care@mowerco.example.",
        "er yeah the helpline's oh eight hundred um 0800 112 334",
    ] {
        assert!(sends(text), "{text}");
    }
    for text in [
        "You can call me on 0207 946 0100 any time.",
        "Our number is 0800 555 0101 if you need us.",
        "Your case number is 0412 5567 8812.",
        "is 07700 900 412 still the best number for you?",
        "For example, the form asks for your name.",
    ] {
        assert!(!sends(text), "{text}");
    }
}

#[test]
fn a_send_away_after_its_own_condition_still_sends_away() {
    for text in [
        "If you disagree you can contact the independent dispute body.",
        "if u want u can take it to the ombudsman",
        "If you disagree with this you may wish to write to the regulator.",
    ] {
        assert!(sends(text), "{text}");
    }
    for text in [
        "If you need to call the bank, here's the reference, but I'm on it either way.",
        "If you want to, you can ring me back later.",
    ] {
        assert!(!sends(text), "{text}");
    }
}

fn all(expected: bool, texts: &[&str]) {
    let wrong: Vec<&&str> = texts.iter().filter(|t| sends(t) != expected).collect();
    assert!(wrong.is_empty(), "expected {expected}: {wrong:#?}");
}

#[test]
fn the_best_way_named_as_someone_else() {
    all(
        true,
        &[
            "Your best bet is to ring the council.",
            "ur best bet is 2 ring the council m8",
            "Your best bet's the Citizens Advice bureau on the high street.",
            "Best thing is to go direct to the airline.",
            "It'd be worth giving your GP a call.",
            "The people to speak to are the housing team.",
            "The insurer is who you need to talk to about that.",
            "You're better off going to the branch directly.",
            "so what you wanna do is, um, give the depot a ring",
        ],
    );
}

#[test]
fn try_them_and_have_a_word() {
    all(
        true,
        &[
            "Try ringing the DVLA, they deal with that.",
            "Try your bank, they'd know.",
            "Have a word with your line manager.",
            "Drop the council an email about the bins.",
            "Check with the letting agent, it's their call.",
        ],
    );
}

#[test]
fn one_for_someone_else() {
    all(
        true,
        &[
            "That's one for your bank, I'm afraid.",
            "That's really a question for your landlord.",
            "This one's for the manufacturer, not us.",
            "that ones for the post office tbh",
        ],
    );
}

#[test]
fn sent_in_other_registers() {
    all(
        true,
        &[
            "Please you contact with bank for this problem.",
            "For refund you must to go to shop where you buy.",
            "u need 2 speak 2 ur landlord",
            "We would ask that you direct any further correspondence to our legal department.",
            "Customers are advised to contact their card issuer.",
        ],
    );
}

#[test]
fn the_speaker_connecting_or_contacting_is_not_sending_away() {
    all(
        false,
        &[
            "I'm putting you through to Rosa Klein in billing now, she has your notes.",
            "I'll ring the depot for you and call you back by four.",
            "Let me get my manager for you, one second.",
            "I've asked the claims team to call you tomorrow morning.",
            "Our billing team will call you this afternoon with the figures.",
            "I'll give the depot a ring now and come back to you.",
            "We'll contact your bank on your behalf today.",
            "My best bet is to ring the warehouse myself first thing.",
        ],
    );
}

#[test]
fn asking_for_something_back_or_an_extra_channel_is_not() {
    all(
        false,
        &[
            "Send me the photo and I'll chase the courier myself.",
            "Try restarting the router and tell me what the light does.",
            "Have a look at the email I sent and let me know if it's right.",
            "That's one for me to sort, leave it with me.",
            "The best bet is for me to call the supplier today.",
        ],
    );
}

#[test]
fn asked_whether_they_tried_someone_else_or_expected_there() {
    all(
        true,
        &[
            "Have you tried the council's housing helpline?",
            "um sorry about that um have you tried ringing the tenancy office",
            "did u try ur bank?",
            "Dana in billing can help, she's expecting your call.",
            "Honestly I'd just keep ringing them.",
        ],
    );
    all(
        false,
        &[
            "Have you tried turning it off and on again?",
            "Have you tried the new menu yet?",
            "I'm expecting your call at four, speak then.",
            "We're expecting your email with the photos.",
            "I'd just keep an eye on it and ring me if it drips.",
        ],
    );
}

#[test]
fn self_help_and_a_thing_worth_having_are_not_sending_away() {
    all(
        false,
        &[
            "Have you tried the seller's help page? It covers resets.",
            "Honestly the extended cover is worth every penny they charge.",
        ],
    );
}

#[test]
fn told_to_go_there_on_foot_or_to_deal_with_them() {
    all(
        true,
        &[
            "Go to ops, they handle refunds.",
            "run to the director if u want it changed lol",
            "Just nip round to the branch tomorrow, they have the stock.",
            "Um so yeah you wanna head down to the depot, er, they'll have it.",
            "Log a ticket with IT.",
            "raise a ticket w them, they'll sort it",
            "You'll want to log a job with facilities.",
            "Please liaise with them directly.",
            "You'll need to liaise with the letting agent.",
            "Kindly coordinate with the building manager on this.",
            "Oh sure, go to ops, they'll definitely help lol.",
        ],
    );
    all(
        false,
        &[
            "I'll go to ops myself and come back to you today.",
            "Let me head over to the desk and check for you.",
            "Go to settings and turn off the alerts.",
            "Head over to the app and you'll see the refund there.",
            "I've logged a ticket with IT for you and I'll chase it.",
            "Please liaise with me directly from now on.",
            "You can arrange a time with the engineer when he calls you.",
            "You'll probably have to go through it again with me, sorry.",
        ],
    );
}

#[test]
fn advised_to_deal_with_someone_else() {
    all(
        true,
        &[
            "We would advise you to arrange it with the retailer.",
            "I'd recommend getting in touch with the airline.",
            "My advice would be to sort it out with the landlord directly.",
            "I suggest to contact the agency for this.",
        ],
    );
    all(false, &["We'd advise you to keep the receipt.", "I'd recommend getting the blue one, it lasts."]);
}

#[test]
fn the_quarrel_placed_with_someone_else() {
    all(
        true,
        &[
            "Your issue's with the courier now, I'm afraid.",
            "Your contract is with the retailer, not with us.",
            "That's between you and your insurer.",
            "thats between u and the landlord tbh",
        ],
    );
    all(false, &["Your problem's with us, and I'll fix it today.", "That's between you and me, I'll sort it."]);
}

#[test]
fn a_request_sent_on_or_someone_else_to_act() {
    all(
        true,
        &[
            "Send your complaint to the head office address.",
            "send ur claim 2 the insurers m8",
            "Address your letter to the customer relations manager.",
            "The shop has to call us, not you.",
            "It has to come from your employer, we can't take it from you.",
        ],
    );
    all(
        false,
        &[
            "Send your photos to me and I'll check them.",
            "I'll send your complaint to the complaints team today.",
            "The shop will call you tomorrow about the fitting.",
            "The engineer must call you before he comes.",
        ],
    );
}

#[test]
fn a_suggestion_asked_or_the_owner_named_alone() {
    all(
        true,
        &[
            "maybe ask the service manager?",
            "why not give the council a ring?",
            "Not a branch thing. Compliance.",
            "Not us. Payroll.",
            "Same person as always. Rosa. Good luck.",
            "if u want 2 complain email complaints@brightwater.example",
            "If you want to complain, email complaints@brightwater.example.",
            "Complaints are on 0800 321 4455.",
        ],
    );
    all(
        false,
        &[
            "maybe ask me again tomorrow if it hasn't come?",
            "why not try restarting it?",
            "Not a big thing. I'll swap it now.",
            "Same time as always. Thursday. See you then.",
            "Not a problem. The team will ring you tomorrow.",
            "I told him to ring HR last week.",
            "I went to ops yesterday and they said no.",
        ],
    );
}

#[test]
fn a_cleft_that_picks_out_someone_else() {
    all(
        true,
        &[
            "Honestly it's the leasing company you want for that.",
            "its the council u need to speak to",
            "It's your bank who'd sort a chargeback, not us.",
            "Yeah no, it is really Rosa you want, she does the rotas.",
        ],
    );
    all(
        false,
        &[
            "It's me you want, and I've got your file here.",
            "It isn't the bank you want, it's us, and I've got it.",
            "It was the courier who would have signed for it.",
            "It's the system that decides the price, and I've overridden it.",
            "Is it the bank you want me to call?",
        ],
    );
}

#[test]
fn a_duty_to_route_it_to_someone_else() {
    all(
        true,
        &[
            "Warranty faults should be reported directly to the manufacturer.",
            "This needs to be taken up with your insurer.",
            "stuff like that shud be sent to the landlord",
            "Per policy, disputes have to be raised with the card issuer.",
        ],
    );
    all(
        false,
        &[
            "It should be sent to us by Friday.",
            "The signed form must be sent to me, and I'll file it.",
            "It shouldn't be reported to the bank at all.",
            "If it must be sent to the depot, I'll post it for you.",
        ],
    );
}

#[test]
fn a_way_out_after_a_wish_or_a_service_number() {
    all(
        true,
        &[
            "if u wanna complain its complaints@trainco.example",
            "If you'd like to escalate, the ombudsman is on 0300 123 9123.",
            "if you feel worse tonight, just ring 111",
            "You can always call 999 if it gets bad.",
            "Try Rosa maybe, she's in until four.",
        ],
    );
    all(
        false,
        &[
            "If you want, I can email complaints@trainco.example for you.",
            "If you want a copy, your reference is 0044 5521 889.",
            "I'll ring 111 for you now and stay on the line.",
            "Try again tomorrow morning.",
            "Try the blue cable instead.",
        ],
    );
}

#[test]
fn an_instruction_put_as_a_cleft_sends_away() {
    for text in [
        "What you'll need to do is ring the letting agent.",
        "so um what you'd want to do is write to the council tax office",
        "wot u need 2 do is call ur bank",
        "Honestly the quickest thing, for you, is for you to go straight to the manufacturer.",
        "Sir, what you must do is to contact the embassy.",
    ] {
        assert!(sends(text), "{text}");
    }
    for text in [
        "What I'll do is ring the letting agent myself.",
        "What you need to do is send me the photo.",
        "What you need to do is nothing, I've rung the bank.",
        "The next step is for you to sign the form and hand it back to me.",
    ] {
        assert!(!sends(text), "{text}");
    }
}

#[test]
fn a_referral_for_disputing_the_decision_stays_a_send_away() {
    for text in [
        "I've refunded the delivery charge today. If you disagree with the rest, please contact the ombudsman.",
        "ive sorted the fee 4 u. if u dont agree about the claim, ring the dispute service",
        "I have approved the £40 credit. Should you wish to appeal the decision, write to the independent adjudicator.",
    ] {
        assert!(sends(text), "{text}");
    }
    for text in [
        "I've booked the engineer for Thursday. If you're still unhappy after that, the ombudsman is there too.",
        "I'll fix the bill today. If you disagree, just tell me and I'll look again.",
    ] {
        assert!(!sends(text), "{text}");
    }
}

#[test]
fn getting_someone_to_produce_something_for_the_speaker_is_not_sending_away() {
    for text in [
        "Get your plumber to write down what he saw and email it to me, and I'll take it to the adjuster.",
        "if u can get ur GP 2 sign it, send it to me n ill sort the rest",
        "Please get him to put the quote in writing and I will pass it on.",
    ] {
        assert!(!sends(text), "{text}");
    }
    for text in ["You'll need to get your bank to refund you.", "get the seller to refund it, not us"] {
        assert!(sends(text), "{text}");
    }
}

#[test]
fn having_to_tell_the_case_again_to_someone_else_sends_away() {
    for text in [
        "I'm afraid you'll have to explain it to the day manager.",
        "u need 2 repeat it all to the claims team",
        "You can explain again to the billing team, they are helpful.",
    ] {
        assert!(sends(text), "{text}");
    }
    for text in [
        "You won't have to explain it again to anyone.",
        "Rosa will ring you at ten; you can explain anything I missed to her then.",
        "I'll explain it to the day manager myself.",
        "You'll need to explain it to me once more, sorry, the line dropped.",
        "Could you repeat that?",
        "no way will u have 2 repeat urself, Rosa has all my notes",
        "You'd have to repeat yourself otherwise, so Rosa has the file.",
    ] {
        assert!(!sends(text), "{text}");
    }
}

#[test]
fn going_elsewhere_put_as_the_best_course_sends_away() {
    assert!(sends("Honestly it's probably best to ring the landlord direct."));
    assert!(!sends("Direct debit payments to the council go out on the 1st."), "an adjective, no routing");
    assert!(sends("prob best 2 email ur supervisor bout it"));
    assert!(sends("Best to just speak with the pharmacy, they hold the stock."));
    assert!(sends("In this case, it would be best to contact your insurer."));
    // Near-misses: the speaker's effort, a ranking, no one to go to, negated.
    assert!(!sends("I'll do my best to ring the depot this afternoon."));
    assert!(!sends("best to try again tomorrow morning"));
    assert!(!sends("It's not best to call them on a weekend, I'll do it Monday."));
    assert!(!sends("Best to leave it with me and I'll sort it."));
}

#[test]
fn needing_someone_else_for_it_sends_away() {
    assert!(sends("The parcel never left the warehouse. You'll need the store for that."));
    assert!(sends("u need ur GP then mate"));
    assert!(sends("For a refund of the deposit you would need the lettings office."));
    assert!(sends("Cardiology isn't ours. Try the surgeon's secretary."));
    // Near-misses: the speaker's side needs them, a thing, negated, asked, past.
    assert!(!sends("We'll need the store to confirm the stock first."));
    assert!(!sends("You'll need the store's receipt when you come in."));
    assert!(!sends("You won't need the bank for this, I've done it."));
    assert!(!sends("Did you need the bank for anything else?"));
    assert!(!sends("Your manager was great on the phone yesterday."));
    assert!(!sends("try the new app, it's quicker"));
}

#[test]
fn a_professional_or_a_hotel_team_as_the_party_sent_to() {
    all(
        true,
        &[
            "We would suggest discussing the deadline with your accountant.",
            "Pls raise the towels directly with housekeeping, thx",
            "You'll need to ask your accountants about the tax side.",
        ],
    );
    all(
        false,
        &[
            "I've discussed the deadline with your accountant and she agrees.",
            "I'll raise the towels with housekeeping myself.",
            "Housekeeping will be with you at ten.",
        ],
    );
}

#[test]
fn giving_them_a_call_and_questions_directed_elsewhere_send_away() {
    for text in [
        "I'd suggest giving your energy supplier a ring about the reading.",
        "best bet is giving the landlord a bell tbh",
        "Please direct any further queries regarding the service charge to the managing agent.",
        "pls refer all questions about the policy wording to ur insurer",
        "Sir, you try taking it up with the council office, they decide.",
    ] {
        assert!(sends(text), "{text}");
    }
    for text in [
        "I'm giving the depot a ring now and I'll call you back by four.",
        "Please direct any questions about the invoice to me.",
        "The engineer is coming to you on Friday morning.",
        "I'll be taking it up with the courier myself this afternoon.",
        "Thanks for giving us a call about the boiler.",
    ] {
        assert!(!sends(text), "{text}");
    }
}

#[test]
fn the_customer_made_the_one_to_contact_someone_else() {
    for yes in [
        "You'll need to ring our aftersales team on 0344 100 200.",
        "@dwyer_j you would have to speak to the letting agent about that one ^RM",
        "u gotta call ur bank 4 that sorry",
        "Dear Mr Ruiz, you may wish to write to the manufacturer directly at the address on the box.",
        "So um you can always try the council, they might know.",
        "For the deposit you need to see the branch manager, she's in Thursdays.",
        "You must raise it with the HR portal, is the only way.",
        "Honestly I'd chase the courier yourself, they answer faster.",
        "We would recommend contacting your card issuer regarding this transaction.",
        "I'd suggest you give the depot a ring first thing.",
        "Requests for a copy of your records should be directed to the data protection office.",
        "All warranty claims must be submitted through the manufacturer's website.",
    ] {
        assert!(sends(yes), "{yes}");
    }
}

#[test]
fn near_misses_keep_the_speaker_in_charge() {
    for no in [
        "You can call me on 0207 946 0100 any time before six.",
        "You'll need to send us the receipt, then I'll process it today.",
        "you can ring us back whenever, ask for me",
        "You should have called the bank straight away, but never mind, I've done it.",
        "You don't need to contact the courier, I've already done that.",
        "If you need to call the bank, here's the reference, but I'm on it either way.",
        "Do you want to ring the depot or shall I?",
        "You said you'd need to call your insurer first.",
        "You'll get an email from us tomorrow with the booking.",
        "I'd recommend the blue model, it lasts longer.",
        "Complaints are taken very seriously, and I'm looking into yours myself.",
        "You can use the refund however you like.",
        "I'll chase the courier myself and text you by five.",
    ] {
        assert!(!sends(no), "{no}");
    }
}
