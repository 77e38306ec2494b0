//! The phrase language's own tests: words, choices, gaps, slots, sets and evidence.

use super::*;
use crate::core::scoring::text::analyse;

fn sets() -> BTreeMap<String, Vec<String>> {
    let mut s = BTreeMap::new();
    s.insert("apology".to_string(), vec!["sorry".to_string(), "my apologies".to_string(), "apologise".to_string()]);
    s.insert("blame-target".to_string(), vec!["the warehouse".to_string(), "head office".to_string()]);
    s
}

fn found(pattern: &str, text: &str) -> Vec<String> {
    found_with(pattern, &sets(), text)
}

/// What `pattern`, compiled with `sets`, matches in `text`, as the words matched.
fn found_with(pattern: &str, sets: &BTreeMap<String, Vec<String>>, text: &str) -> Vec<String> {
    let phrase = Phrase::compile(&Pattern::parse_wide(pattern).expect("pattern"), sets);
    let a = analyse(text);
    let names = Names { customer: name_words("Mrs Okafor"), colleague: name_words("Farid Haddad") };
    phrase.find(&a, &names).iter().map(|&(s, e)| text[a.tokens[s].start..a.tokens[e - 1].end].to_string()).collect()
}

#[test]
fn words_optional_choice_and_gap() {
    assert_eq!(found("call [you] (at | by) {time}", "I'll call you by 4pm."), ["call you by 4pm"]);
    assert_eq!(found("call [you] (at | by) {time}", "I'll call at noon."), ["call at noon"]);
    assert_eq!(found("refund * approved", "Your refund has been approved"), ["refund has been approved"]);
    assert!(found("refund * approved", "Your refund, sadly. It was approved").is_empty(), "no match across sentences");
}

#[test]
fn a_set_member_written_as_a_pattern_is_read_as_one() {
    let mut with_pattern = sets();
    with_pattern.insert(
        "own-call-back".to_string(),
        // The example in docs/scenario-format.md's Lexicon section.
        vec![
            "I will ((call | ring | phone) you | give you a (ring | call)) * {hour}".to_string(),
            "leave it with me".to_string(),
        ],
    );
    let found = |text: &str| found_with("@own-call-back", &with_pattern, text).len();
    assert_eq!(found("I'll ring you back at 4pm."), 1);
    assert_eq!(found("I'll give you a ring back at 4pm."), 1);
    assert_eq!(found("I will call you tomorrow morning."), 1);
    assert_eq!(found("I'll ring you on Thursday."), 0, "the member asks for an hour");
    assert_eq!(found("Leave it with me."), 1, "plain members are still words");
}

#[test]
fn hour_takes_only_a_time_within_a_day() {
    let hour = |text: &str| found("ring you {hour}", text);
    assert_eq!(hour("I'll ring you at 4pm."), ["ring you at 4pm"]);
    assert_eq!(hour("I'll ring you tomorrow morning."), ["ring you tomorrow morning"]);
    assert_eq!(hour("I'll ring you on Friday at half four."), ["ring you on Friday at half four"]);
    assert_eq!(hour("I'll ring you within the hour."), ["ring you within the hour"]);
    assert!(hour("I'll ring you on Thursday.").is_empty(), "a bare day is no hour");
    assert!(hour("I'll ring you on the 15th.").is_empty(), "a date is no hour");
    assert!(hour("I'll ring you soon.").is_empty());
    assert!(hour("I rang you at 4pm yesterday.").is_empty(), "a past time is no promise");
    // `{time}` takes the bare day that `{hour}` refuses.
    assert_eq!(found("ring you {time}", "I'll ring you on Thursday."), ["ring you on Thursday"]);
    assert!(Phrase::compile(&Pattern::parse("ring you {hour}").expect("p"), &sets()).has_time_slot());
}

#[test]
fn stems_contractions_and_typos() {
    assert_eq!(found("apologise", "I apologised straight away"), ["apologised"]);
    assert_eq!(found("will not happen again", "It won't happen again"), ["won't happen again"]);
    assert_eq!(found("tomorrow", "I'll ring tommorow"), ["tommorow"]);
    assert!(found("call", "I'll cell you").is_empty(), "short words need an exact match");
    assert_eq!(found("received", "we recieved it"), ["recieved"], "two letters swapped is a slip");
    assert_eq!(found("definitely", "it's definately sorted"), ["definately"]);
    assert!(found("provided", "the depot promised me a date").is_empty(), "two letters apart: another word");
    assert_eq!(found("relieved", "I'm so releaved"), ["releaved"], "two letters side by side is a slip");
}

#[test]
fn sets_and_names() {
    assert_eq!(found("@apology * late", "My apologies for being late"), ["My apologies for being late"]);
    assert_eq!(found("{customer}", "Thank you, Mrs Okafro."), ["Mrs Okafro"]);
    assert_eq!(found("{colleague}", "Farid will call"), ["Farid"]);
}

#[test]
fn negation_and_quotes_cancel_a_match() {
    assert!(found("blame @blame-target", "I won't blame the warehouse").is_empty());
    assert!(found("@blame-target", "This isn't on the warehouse, it's on me").is_empty());
    assert_eq!(found("not my fault", "It's not my fault, the warehouse lost it"), ["not my fault"]);
    assert!(found("refund * approved", "the refund is not approved yet").is_empty());
    assert!(found("soon", "You said 'soon' was not good enough").is_empty());
}

#[test]
fn at_most_counts_letters_as_count_ones_does() {
    // Every letter set of up to twelve of the first sixteen letters, and sets spread over a-z.
    let spread = (0..1u32 << 16).chain((0..4096u32).map(|k| k.wrapping_mul(0x9E37_79B9) >> 6));
    for bits in spread {
        for n in 0..=3 {
            assert_eq!(at_most(bits, n), bits.count_ones() <= n, "{bits:#b} within {n}");
        }
    }
}

#[test]
fn a_particle_may_follow_the_object_of_its_verb() {
    let fee = "(waive | knock off | take off) [the] [{number}] [late] (fee | charge)";
    assert_eq!(found(fee, "ok so i've knocked the late charge off"), ["knocked the late charge off"]);
    assert_eq!(found(fee, "I am taking the £15 fee off, no argument."), ["taking the £15 fee off"]);
    assert_eq!(found(fee, "Kindly note we shall take off the charge."), ["take off the charge"]);
    assert_eq!(found("switch off [the] (router | modem)", "pls switch the router off n on"), ["switch the router off"]);
    // Negated, quoted or reported, the moved particle counts no more than the written order does.
    assert!(found(fee, "I can't take the fee off, sorry.").is_empty());
    assert!(found(fee, "You said \"take the charge off\" yesterday.").is_empty());
    // The particle is part of the fact: another particle, or none, is another fact.
    assert!(found("turn off [the] alarm", "Turn the alarm on before you leave.").is_empty());
    assert!(found("turn [the] alarm on", "Just turn off the alarm.").is_empty());
    assert!(found("take off [the] fee", "We take the fee at the till.").is_empty());
    // A time ends the object: the particle moves before it, not after it.
    assert_eq!(found("take off [the] fee now", "Fine, I'll take the fee off now."), ["take the fee off now"]);
    // A preposition starts no object: "get back to you" is not "get to you back".
    assert!(found("get back to you", "I'll get to you back home.").is_empty());
}

#[test]
fn a_bare_amount_matches_it_with_a_currency_sign() {
    assert_eq!(found("back to 189", "That puts you back to £189 then."), ["back to £189"]);
    assert_eq!(found("pay [the] 12.50", "We'll pay the $12.50."), ["pay the $12.50"]);
    assert_eq!(found("pay [the] 12.50", "We'll pay the 12.50 today."), ["pay the 12.50"]);
    assert!(found("pay [the] 12.50", "We'll pay the £125.").is_empty(), "another amount");
    assert!(found("pay 450", "We won't pay £450.").is_empty(), "negated");
}

#[test]
fn an_irregular_verb_matches_in_its_other_forms() {
    assert_eq!(found("(take off | waive) [the] fee", "yeah we took the fee off"), ["took the fee off"]);
    assert_eq!(found("(take off | waive) [the] fee", "The fee has been taken off."), Vec::<String>::new());
    assert_eq!(found("I (send | post) [you] [the] form", "I sent you the form this morning."), ["I sent you the form"]);
    assert_eq!(
        found("we (pay | refund) [the] deposit", "We paid the deposit back yesterday."),
        ["We paid the deposit"]
    );
    assert_eq!(found("bought [a] new (router | modem)", "gonna buy a new router 4 u"), ["buy a new router"]);
    assert!(found("I (send | post) [you] [the] form", "I never sent you the form.").is_empty(), "negated");
    assert!(found("we (pay | refund) [the] deposit", "We pad the deposit.").is_empty(), "no typo of a short word");
}
