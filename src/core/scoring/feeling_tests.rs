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
