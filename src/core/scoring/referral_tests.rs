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
