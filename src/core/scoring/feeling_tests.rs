//! Unit tests of the `empathy` rule as a whole (lists, structure, sarcasm and deflection), one
//! test per form the concept takes in `docs/labelling.md`, each in several registers, for and
//! against. The sentences are our own.

fn empathy(text: &str) -> bool {
    super::super::rule_probe::rule_met_named("empathy", text, "Mrs Lindqvist", "Omar Price")
}

fn all(expected: bool, texts: &[&str]) {
    let wrong: Vec<&&str> = texts.iter().filter(|t| empathy(t) != expected).collect();
    assert!(wrong.is_empty(), "expected {expected}: {wrong:#?}");
}

#[test]
fn the_customers_feeling_named() {
    all(
        true,
        &[
            "You sound really shaken by all of this.",
            "you must be sick of us by now",
            "ur prob well annoyed with us, fair enough",
            "I can tell you're at the end of your patience with us.",
            "Madam, I see you are very upset and this is understandable.",
            "I understand your frustration with the repeated delays.",
            "uh yeah no you're, you're clearly fed up, and that's fair",
        ],
    );
}

#[test]
fn the_impact_on_their_life_or_business() {
    all(
        true,
        &[
            "I know you were counting on that parcel for the wedding.",
            "Without the van you can't take on jobs, and that hits your income.",
            "I realise the missed delivery cost you a day's trade.",
            "We recognise the disruption this has caused to your business.",
            "I know the shop was relying on that stock for the weekend rush.",
        ],
    );
}

#[test]
fn an_inference_about_how_it_was() {
    all(
        true,
        &[
            "That must've been a horrible shock.",
            "Must have been such a headache, all those calls.",
            "that mustve been so stressful 4 u",
            "It must be very hard for you and your mother.",
        ],
    );
}

#[test]
fn the_speaker_in_their_place() {
    all(
        true,
        &[
            "If it were me I'd be raging.",
            "Honestly I'd have been spitting feathers too.",
            "I'd be tearing my hair out in your position.",
            "in ur shoes i wud be fuming",
        ],
    );
}

#[test]
fn an_exclamation_about_what_they_have_been_through() {
    all(
        true,
        &[
            "What a rotten week you've had.",
            "What an awful start to your holiday.",
            "Oh what a nightmare for you.",
            "ugh sounds like a total nightmare tbh",
            "omg thats awful, sorry ur dealing with all this",
            "Oh gosh, that's, that's really horrible, um, to go through.",
        ],
    );
}

#[test]
fn sarcasm_and_mockery_earn_nothing() {
    all(
        false,
        &[
            "Oh I'm sure it's been absolutely devastating for you.",
            "Must be so hard being you.",
            "Poor you, having to wait a whole day.",
            "Yeah, I bet that was really traumatic, a late pizza.",
        ],
    );
}

#[test]
fn a_bare_understanding_or_apology_names_nothing() {
    all(
        false,
        &[
            "I understand. Your reference is 44120.",
            "I hear you. Let me look.",
            "Sorry about that, Mrs Lindqvist.",
            "We apologise for any inconvenience caused.",
            "I'm sorry you feel that way.",
            "Noted, I understand the issue with the invoice.",
        ],
    );
}

#[test]
fn the_speakers_own_feelings_are_not_the_customers() {
    all(
        false,
        &[
            "I'm so frustrated with this system today.",
            "Honestly I'm exhausted, it's been a long shift.",
            "It's been a nightmare week for us on the tills.",
            "We're gutted the launch slipped.",
            "I was really worried I'd miss your call.",
        ],
    );
}

#[test]
fn negated_or_conditional_feelings_are_not() {
    all(
        false,
        &[
            "I don't think it's that stressful, to be honest.",
            "You shouldn't be upset about a ten minute delay.",
            "I can't imagine it was that bad.",
            "If you're worried, give us a call back.",
            "Should you feel unhappy with the outcome, you may appeal.",
            "Sorry if this caused any upset.",
            "There's nothing to be frustrated about, it's all in hand.",
        ],
    );
}

#[test]
fn facts_of_the_case_are_not() {
    all(
        false,
        &[
            "The delay was caused by the storm on Tuesday.",
            "Your order was dispatched on Monday and is at the depot.",
            "I know the order number, thanks.",
            "The heating engineer is booked for Thursday.",
        ],
    );
}

#[test]
fn recognising_how_it_feels() {
    all(
        true,
        &[
            "I recognise how disheartening it is to keep chasing us.",
            "We understand just how worrying that letter was.",
            "honestly i cant imagine how stressful that must be",
            "I can't imagine how exhausting a week of this has been.",
        ],
    );
    all(
        false,
        &[
            "I can't imagine it was that serious.",
            "I can't imagine why you'd be upset about that.",
            "Do you know how long the refund takes?",
            "I'm so frustrated, you know how it is with this system.",
        ],
    );
}

#[test]
fn distress_in_the_customers_place() {
    all(
        true,
        &[
            "Two nights without hot water, I'd be climbing the walls.",
            "i'd be in bits tbh",
            "If that were my mum I'd have lost my temper.",
            "Honestly, I'd be sick to my stomach over a bill like that.",
        ],
    );
    all(
        false,
        &[
            "I'd be happy to send a new one out.",
            "I'd be surprised if it took more than a day.",
            "I'd have to check with the depot first.",
            "I'd be there by ten if the van starts.",
        ],
    );
}

#[test]
fn the_customers_situation_judged_wrong() {
    all(
        true,
        &[
            "A fortnight of cold dinners for your family is not OK.",
            "Losing a shift's pay over our mix-up isn't on.",
            "three days with no hot water is not ok",
            "Being left on hold for an hour with a poorly child is unacceptable.",
        ],
    );
    all(
        false,
        &[
            "That's not acceptable.",
            "Our service last week was not acceptable.",
            "Is that time not OK for you?",
            "If the slot is not OK, tell me.",
            "Five weeks is not OK from us, and that's on me.",
            "The parcel is not on the van yet.",
            "You're not right about the fee.",
        ],
    );
}

#[test]
fn what_it_means_to_them_known_and_loss() {
    all(
        true,
        &[
            "I know that hurts.",
            "I know the dress matters for Saturday.",
            "Your team lost a whole week to re-entering the data.",
        ],
    );
    all(false, &["I know that number, thanks.", "Sorry you've had to ring twice.", "I know the form, thanks."]);
}

#[test]
fn going_without_or_a_day_gone_recognised_in_plain_words() {
    all(
        true,
        &[
            "So you've been without heating all week.",
            "u were stuck with no car since monday",
            "You've had no hot water for three days, with a toddler in the house.",
            "That's your weekend gone, then.",
            "ur whole saturday gone waiting in for us",
            "And with the baby too.",
            "Madam, I see, with two small children as well.",
        ],
    );
    all(
        false,
        &[
            "You'll be without the car for an hour while we fit it.",
            "If you've been without power since Monday, ring the emergency line.",
            "Were you without the card all week?",
            "You have no balance owing since March.",
            "Bring the kids with you too, there's a play area.",
            "Your parcel has gone to the depot.",
            "We have rooms with a cot for babies as well.",
        ],
    );
}

#[test]
fn feelings_with_a_particle_and_new_words_of_feeling() {
    all(
        true,
        &[
            "You must be worn out by all this.",
            "u must b so worn down by us",
            "I can hear you're frightened about the bill.",
            "it must be freezing for you and the kids",
            "Being cut off for a week is a real let-down.",
            "For you it is very tiring, I know.",
        ],
    );
    all(
        false,
        &[
            "The worn part will be replaced on Friday.",
            "The seal was worn, so we swapped it.",
            "We're nervous about the new system too.",
            "We're freezing prices until May.",
            "We were let down by the courier.",
        ],
    );
}

#[test]
fn a_day_wasted_or_dependants_going_without() {
    all(
        true,
        &[
            "That's your whole day off wasted.",
            "ur saturday ruined waiting in for us",
            "With two kids and no hot water, that's a lot.",
            "and with no heating and a baby in the house",
        ],
    );
    all(
        false,
        &[
            "Is your weekend ruined if we come on Saturday?",
            "Rooms with two beds and a cot are available.",
            "Bring the kids with you, no need to book.",
            "If your day is ruined by the wait, tell me.",
        ],
    );
}

#[test]
fn understanding_names_a_feeling_only_with_one() {
    all(
        true,
        &[
            "Your frustration is completely understandable.",
            "Being cross after three missed visits is totally understandable.",
            "that's perfectly understandable, anyone would be annoyed",
            "I completely understand the frustration of three wasted trips.",
            "we totally get ur anxiety about the move",
            "Madam, I understand all the worry, the letter was very unclear.",
        ],
    );
    all(
        false,
        &[
            "I completely understand, and I'll check the order now.",
            "totally understand. ref is 5521",
            "Yes, yes, I completely understand, one moment please.",
            "Sir, we are fully understand. Engineer come Monday.",
            "I totally understand where you're coming from.",
            "I get stressed when the phones are this busy.",
            "We feel the pressure on the tills too.",
            "I don't understand the frustration, it was a two minute wait.",
        ],
    );
}

#[test]
fn a_day_off_named_as_a_fact_is_not_an_impact() {
    all(
        true,
        &[
            "That's your whole day off wasted, I'm sorry.",
            "And you'd taken your day off for us.",
            "u booked ur time off 4 this n we never came",
        ],
    );
    all(
        false,
        &[
            "The engineer can come on your day off if that's easier.",
            "I can book it for your day off on Tuesday.",
            "Is Friday your day off?",
            "Sir, on your time off you can collect from the depot.",
        ],
    );
}

#[test]
fn a_hardship_the_speaker_knows_or_the_customer_has_to_take() {
    all(
        true,
        &[
            "I know the waiting is awful, Mrs Lindqvist.",
            "i get that a month of takeaways is grim",
            "We appreciate a letter like that was a real shock.",
            "A cancelled trip at this stage is hard to take, I know.",
            "uh that's tough to hear, I'm sorry, really",
            "I just didn't get to it, and I know that was hard for you.",
        ],
    );
    all(
        false,
        &[
            "I know we were rubbish on the phone, that's on me.",
            "It's hard to say when the part will come.",
            "It's hard to take the van out in this snow.",
            "I don't know why the wait was so hard for you.",
            "I know I was tough on the rota this week.",
            "I can't see why it was so hard for you, it's a form.",
        ],
    );
}

#[test]
fn a_situation_with_a_lack_or_in_text_speak_called_hard() {
    all(
        true,
        &[
            "Three nights with no hot water is rotten, I'm sorry.",
            "a weekend w no car is rough tbh",
            "A birthday with no cake on the table is a real letdown.",
            "must b rubbish waitin in all day 4 us",
            "thats gotta b tough on the whole family",
        ],
    );
    all(
        false,
        &[
            "There is no charge, and the part is with no delay.",
            "With no reply from the depot, it is hard to give you a date.",
            "A plan with no backup is risky for the team.",
            "Is a week with no heating bad?",
            "plan b is we send a new one on fri",
            "will b with u by 6",
        ],
    );
}

#[test]
fn sympathy_beside_advice_for_next_time_is_mockery() {
    all(
        false,
        &[
            "Two hours on the hard shoulder, how awful. Maybe don't skip the service next time?",
            "omg that sounds horrible!! maybe read the small print next time tho",
            "I'm sure that was stressful. Next time, please check the address before you pay.",
        ],
    );
    all(
        true,
        &[
            "Two hours on the hard shoulder sounds awful. Next time I'll ring you before the van leaves.",
            "That must have been so stressful. I've refunded the fee today.",
        ],
    );
}

#[test]
fn the_answer_known_to_fall_short_of_their_wish_is_about_the_news() {
    all(
        false,
        &[
            "I know that's not what you were hoping for. The refund goes out Monday.",
            "The part is still on back order, which I know isn't what you want to hear.",
            "Dear Mr Ansah, I realise this is not the outcome you expected. Your case is closed.",
            "i no its not wot u want 2 hear, still waiting on the lab",
            "um so yeah it's a no, I know that's not the answer you wanted, um, sorry",
            "Madam, I know this is not the news you want, the hotel is full.",
        ],
    );
    all(
        true,
        &[
            "I know that's not what you wanted, with the movers booked for Friday.",
            "i know its not wot u need b4 ur exam monday",
            "I realise this isn't the news you hoped for after the fortnight you've had.",
            "I know that's not what you wanted, especially with the kids off school.",
            "I know that's not fair on you, so the fee is waived.",
            "I know it isn't what you wanted to hear, and you were promised a callback too.",
        ],
    );
}

#[test]
fn a_hardship_laid_on_a_party_is_a_complaint_not_their_plight() {
    all(
        false,
        &[
            "Honestly, the couriers have been a nightmare this month.",
            "their claims handlers are useless, I've chased twice",
            "The suppliers were awful about it, to be fair. Nothing I can do.",
            "er the, the scaffolders, they're a real pain, um, they never answer",
            "Sir, these old boilers are very difficult, parts are rare.",
        ],
    );
    all(
        true,
        &[
            "The last three nights have been miserable for you, I know.",
            "Your children were so upset, and that's on us.",
            "The two weeks without a kitchen have been awful.",
            "Those hours in the queue must have been exhausting.",
            "The last few days have been horrible for you and your mum.",
            "The kids have been so upset since the heating went.",
            "The past two years have been awful, and now this on top.",
        ],
    );
}

#[test]
fn a_bare_negated_judgment_known_names_nothing_of_theirs() {
    all(false, &["Still no date, sorry, and I know that's not ideal.", "i know thats no excuse, it slipped my mind"]);
    all(true, &["I know that's not easy for you with the shop to run.", "I know it's not fair on you, Mr Hale."]);
}

#[test]
fn a_hardship_said_after_an_apology_or_of_a_lack() {
    all(
        true,
        &[
            "I'm so sorry, no washing machine for a fortnight is grim.",
            "sorry sorry, no wifi all week is rubbish when u work from home",
            "Madam, I apologise, no lift in the building is very hard for your father.",
            "Really sorry Mr Dale, ur rent going out twice cos of us is awful",
            "Oh gosh, I'm sorry, that's the worst week to lose your car.",
        ],
    );
    all(
        false,
        &[
            "I'm sorry the wait was stressful.",
            "sorry, it's bad news on the refund",
            "No one is having a hard time with the new form.",
            "Sorry, our phone system is awful.",
            "Sorry about that. No reply came from the depot, which is odd.",
            "I'm sorry if no reply was hard to take.",
        ],
    );
}

#[test]
fn what_the_customer_went_through_beyond_imagining() {
    all(
        true,
        &[
            "Three nights on a camp bed with a newborn, I can't imagine.",
            "i cant even imagine, stuck at the gate all night",
            "Honestly I cannot imagine sitting by the phone all weekend for nothing.",
            "We can't imagine being told that twice, sir.",
        ],
    );
    all(
        false,
        &[
            "I can't imagine they'll say no.",
            "I can't imagine anything's wrong with the meter.",
            "I can't imagine it was that bad, to be honest.",
            "Can't you imagine how busy we are?",
            "If you can't imagine the layout, I'll send a plan.",
            "They couldn't imagine, she said, waiting that long.",
        ],
    );
}

#[test]
fn the_customers_own_known_as_the_subject_of_a_clause() {
    all(
        true,
        &[
            "I know your son needs the laptop for his exams.",
            "i kno ur mums op is on tues, so this cant wait",
            "We do understand your business depends on that line.",
            "Sir, I know your shop's opening was Saturday and it meant a lot.",
        ],
    );
    all(
        false,
        &[
            "I appreciate your patience.",
            "I understand your question, let me check.",
            "I know your name from the last call.",
            "Do I know your son needs it?",
            "I don't know your son needs it, the form says nothing.",
        ],
    );
}
