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
