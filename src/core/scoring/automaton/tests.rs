//! Tests of the phrase automaton (the Pike VM over token ids).

use std::collections::BTreeMap;

use super::super::budget::Unlimited;
use super::super::phrase::{Phrase, name_words};
use super::super::text::analyse;
use super::*;
use crate::core::scenario::pattern::Pattern;

fn phrase(pattern: &str) -> Phrase {
    Phrase::compile(&Pattern::parse(pattern).expect("pattern"), &BTreeMap::new())
}

#[test]
fn many_gaps_match_in_bounded_work() {
    // Twelve gaps used to take 20 s by backtracking on a 39-word answer (and 30 hung `check`);
    // the automaton follows each state once per position, so this returns at once.
    let pattern = vec!["a"; 13].join(" * ");
    let answer = vec!["a b"; 20].join(" ");
    let a = analyse(&answer);
    let found = phrase(&pattern).find(&a, &Names::default());
    assert_eq!(found, vec![(0, 39)], "the longest match from the first word");
}

/// Token ranges of matches.
type Matches = Vec<(usize, usize)>;

/// Every match by going on after each match only (no backward pass), and by the backward pass.
fn both_ways(pattern: &str, text: &str) -> (Matches, Matches) {
    let mut sets = BTreeMap::new();
    sets.insert("apology".to_string(), vec!["sorry".to_string(), "my apologies".to_string()]);
    let p = Phrase::compile(&Pattern::parse(pattern).expect("pattern"), &sets);
    let program = p.program();
    let a = analyse(text);
    let names = Names { customer: name_words("Mrs Okafor"), colleague: name_words("Farid Haddad") };
    let (mut forward, mut backward) = (Vec::new(), Vec::new());
    let may_start = |t: &Token| !t.text.starts_with('z');
    SCRATCH.with_borrow_mut(|scratch| {
        for s in &a.sentences {
            let span = Span { tokens: &a.tokens, names: &names, from: s.start, to: s.end };
            let (mut at, mut asked) = (s.start, 0);
            while let Some((start, end)) =
                program.leftmost_longest(scratch, &span, at, &may_start, &Unlimited, &mut asked)
            {
                forward.push((start, end));
                at = end;
            }
            backward.extend(program.find_backwards(scratch, span, &may_start, &Unlimited));
        }
    });
    (forward, backward)
}

#[test]
fn the_backward_pass_finds_what_going_on_after_each_match_finds() {
    let texts = [
        "I'm sorry, Mrs Okafor, I will call you at 4pm on Friday and sorry again.",
        "a b a b c a a b c c a b a b a a a b c d",
        "sorry sorry sorry. My apologies, I'm not sorry. You said 'sorry' to me at 3pm.",
        "Farid will ring you tomorrow at 10am, Mrs Okafro, and Farid Haddad has your notes.",
        "z a b a z b a c a b a a z a",
        "call call you call at noon call you by 4pm tomorrow call you",
    ];
    let patterns = [
        "a",
        "a [b]",
        "a * c",
        "a [b * * c] [d]",
        "(a | b | c | d | e | f) [a] b",
        "(a | b | c | d | z | [e]) a",
        "@apology [* * {customer}]",
        "call [you] (at | by) {time}",
        "{colleague} * {time}",
        "{customer}",
        "[a] [b] c [a]",
        "(a b | a) [b a] * *",
        "not sorry",
    ];
    let mut found = 0;
    for text in texts {
        for pattern in patterns {
            let (forward, backward) = both_ways(pattern, text);
            assert_eq!(forward, backward, "{pattern} in {text}");
            found += forward.len();
        }
    }
    assert!(found > 50, "the patterns match the texts ({found} matches)");
}

#[test]
fn short_matches_of_a_long_pattern_are_found_in_linear_time() {
    // Each "a" matches at once, but the optional tail keeps a thread reading to the end of the
    // sentence: going on after each match would read the sentence again for every "a".
    let pattern = format!("a [{} never]", vec!["a"; 40].join(" "));
    let answer = vec!["a"; 2000].join(" ");
    let a = analyse(&answer);
    let found = phrase(&pattern).find(&a, &Names::default());
    assert_eq!(found.len(), 2000);
    assert_eq!(found.last(), Some(&(1999, 2000)));
    let (forward, backward) = both_ways(&pattern, &vec!["a"; 300].join(" "));
    assert_eq!(forward, backward);
}

#[test]
fn program_size_is_linear_in_the_pattern() {
    let one = phrase("a * b").program_len();
    let many = phrase(&["a * b"; 10].join(" ")).program_len();
    assert!(many <= one * 10 + 1, "{one} vs {many}");
}

#[test]
fn optional_groups_and_choices_find_the_longest_end() {
    let p = phrase("[very] [very] sorry [(about | for) [the] delay]");
    let a = analyse("Very sorry about the delay today");
    assert_eq!(p.find(&a, &Names::default()), vec![(0, 5)]);
}
