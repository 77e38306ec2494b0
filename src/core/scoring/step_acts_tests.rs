//! Unit tests of `step_acts.rs`: consulting, recording and a third party's past act, each beside
//! near-misses that stay next steps, in many registers.

use std::collections::BTreeMap;

use super::super::detectors::{DetectorContext, detect_rule};
use super::super::lists::Lists;
use super::super::phrase::{Names, name_words};
use super::super::text::analyse;

/// The words of each `next-steps` hit of the rule alone; the colleague is Marta Kowal.
fn evidence(text: &str) -> Vec<String> {
    let names = Names { customer: Vec::new(), colleague: name_words("Marta Kowal") };
    let lists = Lists::new(&BTreeMap::new());
    let a = analyse(text);
    let found = detect_rule("next-steps", &a, &DetectorContext::new(&names, &lists, None));
    found.iter().map(|r| a.tokens[r.0..r.1].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ")).collect()
}

#[test]
fn consulting_someone_with_nothing_asked_of_them_is_no_step() {
    for text in [
        "Leave that with me. I'll ask.",
        "hmm not sure tbh, i'll ask my boss x",
        "One moment please, let me check with the duty manager.",
        "I will speak with the warehouse man about this.",
        "Right, er, I'll, um, have a word with the lads.",
        "I'll ask the office when the van's free, maybe Thursday.",
        "Oh, absolutely, I'll ask. Can't wait.",
        "I'll check with the stockroom and see what we can do.",
        "I will ask to my supervisor and maybe he phone you.",
    ] {
        assert!(evidence(text).is_empty(), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn asking_for_something_or_running_on_to_an_act_stays_a_step() {
    for text in [
        "I'll ask the depot to resend it.",
        "ill ask finance 4 a refund on the fee",
        "I'll check with the stockroom and ring you back.",
        "Shall I ask the lab to rush it?",
        "I'll speak to Marta Kowal and she'll call you back.",
        "I will ask to my supervisor and he phone you maybe tomorrow.",
    ] {
        assert!(!evidence(text).is_empty(), "{text}");
    }
}

#[test]
fn a_record_made_for_no_one_is_no_step() {
    for text in [
        "I've logged it.",
        "ive flagged it as urgent",
        "A ticket has been created for this.",
        "Your report has been logged on the system.",
        "Sir, I will log it now.",
        "We have recorded the incident.",
    ] {
        assert!(evidence(text).is_empty(), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn a_record_for_a_party_or_of_a_thing_of_value_stays_a_step() {
    for text in [
        "I've raised a refund for the missing chair.",
        "I've raised it with the site manager.",
        "I've created a ticket for the networks team to reset your line.",
        "I've logged it with Marta Kowal.",
        "I've flagged it, and the fitters will replace the panel.",
        "I've raised that refund request today.",
        "ive created this replacement order now",
    ] {
        assert!(!evidence(text).is_empty(), "{text}");
    }
}

#[test]
fn a_third_partys_past_act_told_as_a_fragment_is_no_step() {
    for text in
        ["Warehouse sent us the wrong colour.", "Your bank paid it twice, not us.", "agency booked him 4 the wrong day"]
    {
        assert!(evidence(text).is_empty(), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn a_done_fragment_of_a_thing_done_for_the_customer_stays_a_step() {
    for text in [
        "Replacement sent to your home address.",
        "£40 refunded this morning.",
        "Fitter booked for Tuesday 8-10.",
        "Refund sent, it should reach your card by Friday.",
    ] {
        assert!(!evidence(text).is_empty(), "{text}");
    }
}
