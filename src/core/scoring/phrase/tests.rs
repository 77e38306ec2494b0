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
    let phrase = Phrase::compile(&Pattern::parse(pattern).expect("pattern"), sets);
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
