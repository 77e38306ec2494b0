//! Unit tests of the `takes-it-on` rule (taking.rs and the list hits it filters), for and against,
//! in several registers. The sentences are our own.

/// The `takes-it-on` rule alone, without the learned layer.
fn takes(text: &str) -> bool {
    super::super::rule_probe::rule_met("takes-it-on", text)
}

#[test]
fn firm_actions_and_claiming_the_case_take_it_on() {
    for text in [
        "I'll rebook the fitter and cover the call-out charge.",
        "we're going to reprint the menus before service",
        "i'll swap the handset 4 u 2nite",
        "Dear Ms Ferris, I will refund the deposit to your card.",
        "right so um I'm going to replace the router myself",
        "This is mine now, nobody else will pass you around.",
        "That's our mess to put right.",
        "Assigned it to myself this morning.",
        "We've put a stop on FitLife taking payments from your card.",
        "I've held the back room for your party on the 14th.",
        "ive cleared the late fee off ur account",
        "Dear Mr Osei, I have now removed the duplicate charge from your statement.",
        "so um I've already swapped the handset over for you",
        "I have had it re-dispatched this morning.",
        "We've topped your meter up with £20 credit.",
        "i've put u in the dentist's diary for 4.15 today",
    ] {
        assert!(takes(text), "{text}");
    }
}

#[test]
fn offers_hedges_call_backs_hand_offs_and_vague_promises_do_not() {
    for text in [
        "I can refund the deposit if you like.",
        "I'll try to rebook the fitter.",
        "I'll call you back tomorrow.",
        "I'll pass this on to the lettings team.",
        "I'll get Marta to ring you.",
        "We'll look into it.",
        "Shall I rebook the fitter?",
        "hmm let me see if anyone in the back can help",
        "I won't refund the deposit.",
        "I've passed it to Tomasz.",
        "I've put your comments forward to the manager.",
        "I've put you through to billing.",
        "I've sent your details to the claims team.",
        "Have I cancelled it?",
        "I haven't removed the fee yet.",
        "You've cancelled the order yourself.",
        "We've changed our policy on refunds.",
        "I told you last week I'd have it cleared.",
    ] {
        assert!(!takes(text), "{text}");
    }
}

#[test]
fn a_call_back_to_check_the_fix_held_sees_it_through() {
    for text in [
        "I'll ring you Thursday at 10 to confirm the new direct debit's set.",
        "i'll call u at 4 2day to check its working",
        "I will ring you on Monday to make sure they have.",
        "Me? I will phone you after the visit, same day, to be sure everything is working.",
        "We will contact you on Friday to verify the credit has reached your account.",
        "so um I'll give you a ring tonight to check the heating's come back on",
    ] {
        assert!(takes(text), "{text}");
    }
    for text in [
        "I'll ring you tomorrow.",
        "I'll try to ring you Friday to check it's working.",
        "If the part comes, I'll call you to confirm.",
        "Shall I ring you at 4 to check?",
        "I told you I'd ring to make sure it had arrived.",
        "I won't call you to check, the engineer will.",
        "Can you ring me Thursday to confirm the slot?",
    ] {
        assert!(!takes(text), "{text}");
    }
}

#[test]
fn a_tag_on_a_statement_does_not_make_it_a_question() {
    for text in [
        "I will go to the bakery now and ring you back in twenty minutes, okay?",
        "i'll swap the handset 2day, ok?",
        "We'll refund the deposit this afternoon, is that ok?",
        "Dear Ms Ferris, I will cancel the second order today, yes?",
        "right so I'm going to replace the router myself, alright?",
    ] {
        assert!(takes(text), "{text}");
    }
    for text in [
        "Shall I rebook the fitter, ok?",
        "Can I refund the deposit, yes?",
        "Do you want me to swap it, yeah?",
        "Should I cancel the order?",
    ] {
        assert!(!takes(text), "{text}");
    }
}

#[test]
fn the_present_said_for_the_future_takes_it_on() {
    for text in [
        "I repair the printer today before 4, no charge.",
        "Today I send the form to Mark, I write him everything.",
        "Mrs Okafor, I send you the new contract by email this morning.",
        "ok now i book engineer 4 u",
        "We replace the battery for you tomorrow, no charge.",
    ] {
        assert!(takes(text), "{text}");
    }
    for text in [
        "Tomorrow I call you.",
        "I send the form yesterday but it was lost.",
        "If you agree, I send the form today.",
        "I send the form every day.",
        "Can I send you the form today?",
        "we have made a mistake and booked someone else into your Tuesday 9am",
    ] {
        assert!(!takes(text), "{text}");
    }
}

#[test]
fn logging_the_case_or_handing_it_on_takes_nothing_on() {
    for text in [
        "I have logged your query.",
        "I'll put a note on your account.",
        "ive raised a billing investigation, ref BI-30918",
        "Erm, I've put a referral in to injury for you.",
        "I'm handing this to Tomasz Wren, our network specialist.",
        "I've sent her your order number and both references.",
        "I'm putting you through to Tomasz now.",
        "I'll be honest, I can't say what happened.",
    ] {
        assert!(!takes(text), "{text}");
    }
    for text in [
        "Assigned it to myself this morning.",
        "I've sent you a replacement by express.",
        "I'll be there at nine to fit the new boiler.",
    ] {
        assert!(takes(text), "{text}");
    }
}

/// `takes-it-on` as the engine decides it, rules and learned layer together.
fn concept(text: &str) -> bool {
    crate::core::test_fixtures::concept_met("takes-it-on", text)
}

#[test]
fn a_call_back_alone_takes_nothing_on() {
    for text in [
        "I'll ring you tomorrow.",
        "I'll email you on Wednesday at 2pm.",
        "i'll txt u later today",
        "Dear Mrs Okafor, I will write to you by Friday.",
        "We'll give you a call first thing Monday.",
        "so um I'll phone you back this afternoon",
        "We'll let you know if anything comes up.",
        "I'll text you before the weekend.",
        "Expect a call from me at half nine.",
        "We'll be in touch on Thursday.",
    ] {
        assert!(!concept(text), "{text}");
    }
}

#[test]
fn a_call_back_with_an_action_on_the_problem_still_takes_it_on() {
    for text in [
        "I'll rebook the fitter and ring you tomorrow with the new slot.",
        "I'm going to replace the router myself and text you when it's done.",
        "we'll refund the deposit today and email u the receipt",
        "Let me get that rebooked for you.",
        "Let me rebook the table for eight instead.",
        "let me sort that out for you now",
        "Dear Mr Reyes, let me cancel the duplicate order straight away.",
        "ok let me swap the handset over for you",
        "Let me get the late fee waived and I'll call you back.",
        "Right, let me get the engineer rescheduled for Friday.",
    ] {
        assert!(concept(text), "{text}");
    }
}

#[test]
fn news_waiting_on_an_event_or_a_state_of_the_diary_is_no_action() {
    for text in [
        "Dr Patel's diary is full on Tuesday, I'm afraid. We'll let you know if anything comes up.",
        "We'll tell you if a slot opens up.",
        "I'll message you if something changes.",
        "We're fully booked on Tuesday.",
        "let me know if there's anything else",
        "Let me see if anyone is free.",
    ] {
        assert!(!takes(text), "{text}");
    }
    for text in [
        "We'll refund the deposit even if the courier loses the parcel.",
        "I'll rebook the fitter for Thursday.",
        "We are booking the fitter for Thursday.",
    ] {
        assert!(takes(text), "{text}");
    }
}

#[test]
fn asking_speaking_plainly_asking_others_and_mock_compliance_take_nothing_on() {
    for text in [
        "What can I help you with this morning?",
        "Hi there, how can we help you today?",
        "I'm gonna be honest, the part isn't in.",
        "ok im going to be straight with u, its not here yet",
        "Look, I am going to level with you: the quote has expired.",
        "I will ask my supervisor, perhaps next week.",
        "ill ask her 2 look at it",
        "Right, I'll ask the kitchen what they can do.",
        "Sure, I'll just rebuild the server with my bare hands, shall I.",
        "Oh fine, let me just add you to the pile of complaints.",
        "Yes, because obviously I personally lost your suitcase.",
        "Right, because clearly we sit here cancelling trains for fun.",
    ] {
        assert!(!takes(text), "{text}");
    }
    for text in [
        "I'm going to be honest with you, and I'll refund the whole fee today.",
        "I'll be straight over with a new charger this afternoon.",
        "I'll ask for a refund of the fee on your behalf and ring you by 4.",
        "Sure, I'll refund the deposit today.",
        "Fine, I will rebook the fitter for Thursday morning.",
        "I'll just swap the handset for you now.",
        "Sure, I'll just refund that for you now.",
        "Fine, I'll just resend the code to you now.",
        "because I caused it, I'll fix the invoice myself today",
        "I've cancelled the second order, ok?",
    ] {
        assert!(takes(text), "{text}");
    }
}

#[test]
fn a_statement_before_a_question_or_an_ask_with_a_call_back_still_takes_it_on() {
    for text in [
        "I ask the depot today and I ring you at 4 with the answer.",
        "Dear Mr Lind, I will ask the supplier this morning and I will call you back by noon.",
        "If the rules say no, I'll ask my supervisor to sign it off and ring you by 2.",
    ] {
        assert!(takes(text), "{text}");
    }
    for text in [
        "Shall I refund the second charge now, or would you rather a voucher?",
        "I will ask the supplier.",
        "I'll ask my manager and she'll call you back.",
    ] {
        assert!(!takes(text), "{text}");
    }
}

#[test]
fn the_helper_of_a_future_is_not_the_act() {
    // "going to", "have to" and the "do" of "what I'll do is" only lead to the verb after them.
    for text in [
        "We're going to let you know on Friday.",
        "I'm going to need the serial number off the box.",
        "I'll have to transfer you, sorry.",
        "Here's what I'll do, I'll pop you through to Nadia in returns.",
    ] {
        assert!(!takes(text), "{text}");
    }
    for text in [
        "Dear Mr Lowe, we are going to reissue the certificate this week.",
        "I'm gonna replace the handset this afternoon.",
        "what im gonna do is swap it 4 a new one 2day",
        "What I'll do is refund the delivery charge today.",
        "I will have to cancel the old order first, then I reorder it today.",
        "I'm going to the depot myself to collect it.",
    ] {
        assert!(takes(text), "{text}");
    }
}

#[test]
fn moving_the_customer_on_or_promising_news_takes_nothing_on() {
    for text in [
        "I'm gonna, um, transfer you over to accounts now.",
        "Now I connect you with Dariusz from billing, he know all the story.",
        "We'll keep you updated.",
        "ok will keep u posted x",
        "Oh I'll keep you in the loop, don't you worry.",
    ] {
        assert!(!takes(text), "{text}");
    }
    for text in ["I'll keep chasing the courier until it turns up.", "I'll keep the room on hold for you till Friday."]
    {
        assert!(takes(text), "{text}");
    }
}

#[test]
fn calling_someone_else_is_chasing_but_calling_with_news_is_not() {
    for text in [
        "No news yet. I'm ringing the wholesaler at 2 and I'll call you by 3.",
        "im ringing them now 2 push it",
        "Dear Mrs Kaur, I will call the laboratory this afternoon.",
    ] {
        assert!(takes(text), "{text}");
    }
    for text in [
        "Good morning, I'm calling with an update on your booking.",
        "Hi, I'm calling from the garden centre about your order.",
        "We'll be in touch with the details soon.",
        "I'll call you back after lunch.",
        "I'll ring the minute I hear anything.",
        "will call the second it lands x",
        "I'll email the confirmation over.",
    ] {
        assert!(!takes(text), "{text}");
    }
}
