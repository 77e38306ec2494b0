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

/// Every match by the Pike VM the automaton used to run (going on after each match), and by the
/// bit-set search.
fn both_ways(pattern: &str, text: &str) -> (Matches, Matches) {
    let mut sets = BTreeMap::new();
    sets.insert("apology".to_string(), vec!["sorry".to_string(), "my apologies".to_string()]);
    let p = Phrase::compile(&Pattern::parse(pattern).expect("pattern"), &sets);
    let program = p.program();
    let a = analyse(text);
    let names = Names { customer: name_words("Mrs Okafor"), colleague: name_words("Farid Haddad") };
    let (mut pike, mut bits) = (Vec::new(), Vec::new());
    let may_start = |p: usize| !a.tokens[p].text.starts_with('z');
    let mut masks = WordMasks::default();
    pike::SCRATCH.with_borrow_mut(|scratch| {
        for s in &a.sentences {
            let span = Span { tokens: &a.tokens, times: a.sentence_times(), names: &names, from: s.start, to: s.end };
            let (mut at, mut asked) = (s.start, 0);
            while let Some((start, end)) =
                program.leftmost_longest(scratch, &span, at, &may_start, &Unlimited, &mut asked)
            {
                pike.push((start, end));
                at = end;
            }
            bits.extend(program.find_in(span, &mut masks, &may_start, &Unlimited));
        }
    });
    (pike, bits)
}

#[test]
fn the_bit_set_search_finds_what_the_pike_vm_finds() {
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
            let (pike, bits) = both_ways(pattern, text);
            assert_eq!(pike, bits, "{pattern} in {text}");
            found += pike.len();
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
    let (pike, bits) = both_ways(&pattern, &vec!["a"; 300].join(" "));
    assert_eq!(pike, bits);
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

/// A small random pattern over a few words: words, gaps, slots, optional groups and choices (some
/// with enough options to be indexed by first word), nested a little.
fn random_pattern(next: &mut impl FnMut(usize) -> usize, depth: usize) -> String {
    const WORDS: &[&str] = &["a", "b", "c", "sorry", "call", "you", "not", "apologise"];
    let mut parts = Vec::new();
    for _ in 0..1 + next(4) {
        let part = match next(if depth > 2 { 5 } else { 8 }) {
            0..=2 => WORDS[next(WORDS.len())].to_string(),
            3 => "*".to_string(),
            4 => ["{time}", "{customer}", "{number}", "@apology"][next(4)].to_string(),
            5 => format!("[{}]", random_pattern(next, depth + 1)),
            _ => {
                let options: Vec<String> = (0..2 + next(5)).map(|_| random_pattern(next, depth + 1)).collect();
                format!("({})", options.join(" | "))
            }
        };
        parts.push(part);
    }
    parts.join(" ")
}

#[test]
fn the_bit_set_search_agrees_with_the_pike_vm_on_random_patterns() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    const TEXT: &[&str] = &[
        "a",
        "b",
        "c",
        "a",
        "b",
        "sorry",
        "call",
        "you",
        "not",
        "at",
        "4pm",
        "3",
        "Mrs",
        "Okafor",
        "apologize",
        "'a",
        "b'",
        "never",
        "my",
        "apologies",
        ",",
        ".",
        "?",
    ];
    let mut compared = 0;
    let mut matched = 0;
    while compared < 1200 {
        let pattern = random_pattern(&mut next, 0);
        if Pattern::parse(&pattern).is_err() {
            continue;
        }
        let words: Vec<&str> = (0..next(40)).map(|_| TEXT[next(TEXT.len())]).collect();
        let text = words.join(" ").replace(" ,", ",").replace(" .", ".").replace(" ?", "?");
        let (pike, bits) = both_ways(&pattern, &text);
        assert_eq!(pike, bits, "{pattern} in {text}");
        compared += 1;
        matched += pike.len();
    }
    assert!(matched > 400, "the patterns match the texts ({matched} matches)");
}

#[test]
fn remembered_steps_find_what_the_pike_vm_finds_in_long_answers() {
    // Answers of at least `MEMO_FROM` tokens remember their steps (see `memo.rs`): the same
    // random patterns over long answers, some words said again and again, others once.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    const TEXT: &[&str] =
        &["a", "b", "c", "sorry", "call", "you", "not", "at", "4pm", "3", "Mrs", "Okafor", "'a", "b'"];
    let mut compared = 0;
    let mut matched = 0;
    while compared < 60 {
        let pattern = random_pattern(&mut next, 0);
        if Pattern::parse(&pattern).is_err() {
            continue;
        }
        let mut words: Vec<String> = Vec::new();
        while words.len() < memo::MEMO_FROM + 50 {
            let word = TEXT[next(TEXT.len())];
            words.push(if next(40) == 0 { format!("{word}.") } else { word.to_string() });
            if next(8) == 0 {
                let again: Vec<String> = words[words.len().saturating_sub(6)..].to_vec();
                words.extend(again);
            }
        }
        let (pike, bits) = both_ways(&pattern, &words.join(" "));
        assert_eq!(pike, bits, "{pattern}");
        compared += 1;
        matched += pike.len();
    }
    assert!(matched > 100, "the patterns match the texts ({matched} matches)");
}
