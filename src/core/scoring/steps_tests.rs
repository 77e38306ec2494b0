//! Unit tests of `steps.rs`: what makes a next step concrete, in many registers.

use std::collections::BTreeMap;

use super::super::detectors::{DetectorContext, detect_rule};
use super::super::lists::Lists;
use super::super::phrase::{Names, name_words};
use super::super::text::analyse;

/// The `next-steps` rule alone, without the learned layer; the colleague is Ines Duarte.
fn step(text: &str) -> bool {
    !evidence(text).is_empty()
}

/// The words of each `next-steps` hit of the rule alone (for failure messages).
fn evidence(text: &str) -> Vec<String> {
    let names = Names { customer: Vec::new(), colleague: name_words("Ines Duarte") };
    let lists = Lists::new(&BTreeMap::new());
    let a = analyse(text);
    let found = detect_rule("next-steps", &a, &DetectorContext::new(&names, &lists, None));
    found.iter().map(|r| a.tokens[r.0..r.1].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ")).collect()
}

#[test]
fn concrete_steps_said_actively_passively_done_or_as_instructions() {
    for text in [
        "I'll book the glazier and send you the confirmation.",
        "You'll be called by our returns team on Tuesday.",
        "I've handed your file to Ines Duarte, who will ring you this afternoon.",
        "Send us a photo of the receipt and we'll refund the difference.",
        "pls dm us ur booking reference n we'll rebook u",
        "For the appeal, ring our disputes line on 0300 123 4567.",
        "Engineer booked for Thursday morning.",
    ] {
        assert!(step(text), "{text}");
    }
}

#[test]
fn vague_promises_and_bare_redirections_are_not_steps() {
    for text in [
        "We'll look into it.",
        "You'll hear from us.",
        "Someone will look into it.",
        "I have passed your comments on to the depot.",
        "Your feedback has been logged.",
        "i can raise it with the team if u want",
        "I'll sort it.",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn a_folder_lexicon_adds_a_channel_the_rule_reads() {
    let text = "Reply on Signal for the replacement.";
    let names = Names::default();
    let rule = |lists: &Lists| {
        !detect_rule("next-steps", &analyse(text), &DetectorContext::new(&names, lists, None)).is_empty()
    };
    assert!(!rule(&Lists::new(&BTreeMap::new())), "{text}");
    let lexicon = BTreeMap::from([("step-channel".to_string(), vec!["signal".to_string()])]);
    assert!(rule(&Lists::new(&lexicon)), "{text}");
}

#[test]
fn set_in_motion_done_or_under_way_said_of_the_thing() {
    for text in [
        "Your new glasses will be posted second class.",
        "ur voucher's being reissued rn",
        "Written confirmation to follow.",
        "I'm filling in the refund form now.",
        "so um resetting your password now, two minutes",
        "Deposit refunded this morning.",
        "One month's credit applied to your account, Mr Alves.",
        "Right, we're reprinting the menus before service.",
    ] {
        assert!(step(text), "{text}");
    }
}

#[test]
fn attention_feelings_states_and_the_speakers_past_are_not_in_motion() {
    for text in [
        "Your complaint is being investigated.",
        "I'm hoping to hear from the depot.",
        "I'm sure the manager will be thrilled.",
        "Your deposit will not be refunded.",
        "We are working through the queue.",
        "There are rules to follow.",
        "Chair ordered?",
        "I ordered the wrong size, sorry.",
        "Further information will be provided in due course.",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

/// `next-steps` as the engine decides it, rules and learned layer together.
fn concept(text: &str) -> bool {
    crate::core::test_fixtures::concept_met("next-steps", text)
}

#[test]
fn owning_a_failure_or_admitting_a_past_booking_is_no_step() {
    for text in [
        "We let you down and that's on us.",
        "I'm really sorry, we've made a mistake and booked someone else into your Tuesday 9am as well.",
        "That was our fault, plain and simple.",
        "we messed up, no excuses",
        "Dear Ms Lund, we got this badly wrong and I apologise.",
        "Honestly, that's between you and me, and I'm sorry.",
        "To make up for it, the second driver is on us this week.",
        "It was a bad night for the kitchen and you paid for it.",
        "so yeah that's totally on me",
        "The salon is closed on Monday.",
    ] {
        assert!(!concept(text), "{text}");
    }
}

#[test]
fn saying_what_comes_next_can_still_be_a_step() {
    for text in [
        "We let you down, so I'll rebook the fitter for Thursday morning.",
        "That's on us. Let me get the engineer rescheduled.",
        "Our fault entirely. I've refunded the £40 to your card.",
        "Please send us the receipt number and we'll refund the difference.",
        "we messed up, im booking the courier now",
        "Sorry about that. The replacement will be with you on Friday.",
    ] {
        assert!(concept(text), "{text}");
    }
}

#[test]
fn an_expected_outcome_is_a_step_even_softened() {
    for text in [
        "The refund should be with you by Friday.",
        "Technician should be there Thursday, hopefully first thing.",
        "ur new card shd arrive mon or tues",
        "plumber money shd be paid in a few days i think",
        "The money it should reach your account in three working days.",
        "um so the replacement should hopefully be dispatched tonight",
        "We anticipate that the credit should appear on your next statement.",
        "Your parcel will arrive on Saturday.",
    ] {
        assert!(step(text), "{text}");
    }
}

#[test]
fn a_hedge_on_the_speakers_own_effort_or_a_reproach_is_no_outcome() {
    for text in [
        "I'll try to get the engineer booked.",
        "im hoping to ring the depot",
        "I should be able to look at it later.",
        "It should have arrived last week.",
        "The refund should not be delayed.",
        "Should it arrive damaged?",
        "If it should arrive broken, keep the box.",
        "The fault should now be resolved, let us know if not.",
        "You'll receive a call soon.",
        "You will receive an update in due course.",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn a_thing_done_for_the_customer_said_in_the_present_is_a_step() {
    for text in [
        "Your refund has been approved.",
        "Good news Mr Hale, the deposit has now been released.",
        "payment's released x",
        "The late fee has been waived, you'll see it on the next bill.",
        "Dear Ms Ortiz, I am pleased to confirm your replacement has been dispatched.",
    ] {
        assert!(step(text), "{text}");
    }
    for text in [
        "Your claim has been declined.",
        "It was sent last Tuesday.",
        "The parcel has been lost in the wrong depot.",
        "Has it been approved?",
        "Nothing has been refunded yet.",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn the_case_handed_on_to_someone_is_a_step_but_opinions_are_not() {
    for text in [
        "I've passed it to Ines Duarte.",
        "Pinged Ines Duarte just now, she has it.",
        "we've passed your details to our baggage team",
        "Your case has been forwarded to the claims team.",
        "I will escalate it to my manager this morning.",
        "i've sent the photos over to the lab",
    ] {
        assert!(step(text), "{text}");
    }
    for text in [
        "Your feedback has been passed on.",
        "I've passed your comments to the store manager.",
        "Your feedback will be passed to the branch team.",
        "I might pass it to the night team.",
        "I have not passed it to anyone.",
        "We sent it to the wrong depot by mistake.",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn a_send_away_naming_whom_or_where_is_a_step() {
    for text in [
        "Take it up with the landlord.",
        "Ring HR.",
        "not us mate, ask planning",
        "Please contact your bank.",
        "For returns please email returns@threadline.example",
        "you can reach them at parcelpoint.example/help",
        // The customer told where to go without an instruction of the usual shape (docs/labelling.md:
        // a send-away naming whom, even implied or hedged, is a step).
        "Honestly, that's between you and the gym.",
        "Not a branch thing. Compliance.",
        "maybe ask the service manager?",
        "log a ticket w them",
        "We would advise you to arrange it with the retailer.",
        "Send your complaint to the head office address.",
    ] {
        assert!(step(text), "{text}");
    }
    for text in ["Please contact the relevant department.", "For example, you could contact someone at the council."] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn first_opening_a_step_counts_but_first_as_an_ordinal_does_not() {
    for text in [
        "First, I'll ring the depot and then I'll text you.",
        "firstly we're sending a new charger out today",
        "First thing tomorrow I'm booking the engineer.",
    ] {
        assert!(step(text), "{text}");
    }
    for text in [
        "ok so the first agent messed up, sorry about that",
        "First line does the first bit and then it goes up.",
        "You should have been told in the first place.",
        "First of all that I completely understand your frustration.",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn a_time_in_a_told_past_or_a_habit_is_not_a_step() {
    for text in [
        "Mr Farrell, the kitchen screen froze on Friday.",
        "On 12 November you reported the collision.",
        "On the evening in question we experienced very high demand.",
        "bags normally arrive within 48hrs",
        "Further to my email of Friday, nothing has changed.",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
    for text in [
        "The engineer comes on Friday.",
        "Replacement will be with you by the end of Friday.",
        "On Monday we deliver the new sofa, between 8 and 12.",
    ] {
        assert!(step(text), "{text}");
    }
}

#[test]
fn a_case_handed_on_to_no_one_in_particular_is_not_a_step() {
    for text in [
        "Your enquiry has been escalated to the relevant department.",
        "I will pass your details to the appropriate team.",
        "ur query's been forwarded 2 the relevant ppl",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
    for text in [
        "Your case has been forwarded to the claims team.",
        "I've passed it to Ines Duarte with both call notes.",
        "Escalated it to the relevant team, they ring you tomorrow by 10.",
    ] {
        assert!(step(text), "{text}");
    }
}

#[test]
fn a_call_promised_at_a_stated_time_is_a_step_but_not_one_untimed() {
    for text in
        ["I'll ring you Friday at 4.", "will message u tmrw at 9", "I will telephone you tomorrow at 11 o'clock."]
    {
        assert!(step(text), "{text}");
    }
    for text in ["I'll get back to you.", "We'll be in touch soon.", "I will call you when I can."] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn the_present_said_for_the_future_is_a_step() {
    for text in [
        "Today I send the form to Mark, and Friday the money arrive.",
        "Mrs Okafor, I send you the new contract by email this morning.",
        "ok now i book engineer 4 u",
        "Tomorrow with Ines I repair the router at your office.",
    ] {
        assert!(step(text), "{text}: {:?}", evidence(text));
    }
    for text in ["I send the form every day.", "If you agree, I send the form today.", "Yesterday I send the form."] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn a_manner_of_speaking_is_not_a_step() {
    for text in [
        "I'll be honest, I can't say exactly what happened on Monday.",
        "Right, I'm going to say it straight: the runaround stops here.",
        "As you will see, the damage was caused by a long-term leak.",
        "you've got to understand where I'm coming from",
        "well to be completely honest with you this happens a lot",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
    for text in ["I'll be there at nine to fit the new boiler.", "To be clear, I'll refund the £40 today."] {
        assert!(step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn an_offer_of_a_concrete_step_put_as_a_question_is_a_step() {
    for text in [
        "Shall I book the glazier for you?",
        "want me 2 swap it 4 a new one?",
        "Would you like me to post the returns label tonight?",
        "um do you want me to come round and reset the router now",
        "Would it help if I printed the new contract for you?",
        "Repair or a replacement, which would you prefer?",
        "Right then, shall we get started?",
    ] {
        assert!(step(text), "{text}");
    }
    for text in [
        "What do you want me to do about it?",
        "Shall I look into it?",
        "Want me to ring you?",
        "Shall I reprint it or not?",
        "Should I not have booked it?",
        "ok shall I",
        "She asked me 'shall I book it?' and I said no.",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn a_named_party_acting_on_the_case_is_a_step() {
    for text in [
        "The courier will collect the old sofa.",
        "Facilities will order the chairs.",
        "Your manager will get the report.",
        "Ines Duarte will sort it.",
        "Right so, Ines Duarte will swap the unit.",
        "ok so um Ines will reset the meter",
        "our engineer team will ring u",
        "Payroll will process the overtime in the next run.",
    ] {
        assert!(step(text), "{text}");
    }
    for text in [
        "Someone from payments will be in touch.",
        "A member of the team will contact you in due course.",
        "somebody'll ring you",
        "The depot might collect it.",
        "Facilities will not order the chairs.",
        "I know your manager will be furious.",
        "The courier collected it last week.",
        "Ines reckons the weather will hold.",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn a_step_put_off_to_no_time_is_not_a_step() {
    for text in [
        "The courier will collect it eventually.",
        "Somebody will ring you at some point.",
        "The part will come when it comes.",
        "Your parcel will be delivered when possible.",
        "we'll get round to your boiler eventually lol",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
    for text in [
        "The courier will collect it at some point on Friday.",
        "Your refund has been approved, it'll land eventually.",
    ] {
        assert!(step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn an_outcome_the_customer_will_receive_is_a_step_but_bare_contact_is_not() {
    for text in [
        "You'll get a text when it ships.",
        "you'll get a letter with the decision x",
        "You will receive the credit on your next bill.",
        "DM us.",
    ] {
        assert!(step(text), "{text}: {:?}", evidence(text));
    }
    for text in [
        "You'll get a text.",
        "You will be contacted once an outcome is available.",
        "Want me to DM you the list?",
        "Your repair will be completed within 28 days as per our terms.",
        "engineers usually come out within a few days",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn chasing_with_nothing_concrete_is_not_a_step() {
    // `docs/labelling.md`: "I'll chase it" is like "we'll look into it".
    for text in [
        "No update yet. I'll chase it.",
        "will chase em",
        "Leave it with me, I'll chase them up.",
        "Dear Mr Obi, I shall chase this matter.",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
    for text in ["I'll chase the depot and ring you at 4 with the delivery slot.", "Chased and rebooked for Friday."] {
        assert!(step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn an_instruction_after_a_pictograph_opens_its_own_sentence() {
    for text in [
        "so sorry about the wait 🙃 DM us.",
        "sorry!! 🙈 dm me ur booking ref",
        "Hi Ray 👋 Please email the photos to returns@shop.example and I'll refund you.",
    ] {
        assert!(step(text), "{text}: {:?}", evidence(text));
    }
    for text in ["we'll look into it 👍 chat soon", "ugh sorry 😩 what a week"] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn a_habit_of_things_in_general_is_no_step_for_this_case() {
    for text in [
        "Please be aware that all bookings are confirmed in the order we receive them.",
        "Late expense claims are paid in the following pay run.",
        "sry refunds r processed by head office, not the store",
        "Warranty repairs are arranged by the manufacturer, not by the shop.",
        "Unfortunately reminder texts are sent out by the system automatically.",
        "so yeah, um, spare keys are issued at the front desk, that's just how it works",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
    // This case's things, a number of them, or pinned to a day: still done for the customer.
    for text in [
        "Your replacement tickets are reissued.",
        "Both rooms are booked.",
        "2 seats are booked 4 u",
        "ok, the parts are ordered",
        "Tickets are reissued for Saturday's match.",
    ] {
        assert!(step(text), "{text}");
    }
}

#[test]
fn a_bare_link_in_a_sequence_is_no_step() {
    for text in [
        "Anything logged after that goes to the next month.",
        "In the meantime, maybe try turning it off and on?",
        "the courier has it, then there's the sorting office after that",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
    // With an act of its own, the act is the step.
    for text in
        ["After that, I'll send the engineer's report to you.", "In the meantime I'll post a loan unit to you today."]
    {
        assert!(step(text), "{text}");
    }
}

#[test]
fn a_frame_a_try_at_doing_or_contact_from_a_kind_of_party_is_no_step() {
    for text in [
        "Right, so what I'll do is, um, look into it for you.",
        "ok so what we're going to do is see where it's got to",
        "Maybe try switching it off and on again?",
        "u could try resetting it urself lol",
        "Our team will be in touch.",
        "An adviser will contact you shortly.",
        "We will be in touch once we have more information.",
        "Dear Ms Ferris, we shall contact you when the investigation concludes.",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
    // The act after the frame, a try with someone to go to, a team named, or a time.
    for text in [
        "What I'll do is book the locksmith for Thursday morning.",
        "you could try complaining to the ombudsman",
        "Maybe try asking at the post office on Ridley Street?",
        "you could try ringing your bank",
        "Our complaints team will contact you.",
        "An adviser will ring you tomorrow at 10am.",
        "We'll be in touch when the part arrives to book your fitting on Monday.",
    ] {
        assert!(step(text), "{text}");
    }
}
