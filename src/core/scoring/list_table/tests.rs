//! The list table's tests: the one pass against each phrase matched alone, the sentence filters
//! and the shared word ids against what each pattern entry asks of its own.

use super::*;
use crate::core::scoring::budget::Unlimited;
use crate::core::scoring::lists::Lists;
use crate::core::scoring::phrase::Names;
use crate::core::scoring::text::analyse;
use crate::core::test_fixtures::bundled_scenarios;

/// Answers with quotes, negation, typos, contractions and repeated words, and every bundled
/// author test's and model answer's words.
fn answers() -> Vec<String> {
    let mut out: Vec<String> = [
        "I'm so sorry, that's my fault. I'll ring you tomorrow at 4pm, hopefully.",
        "You said 'we will call you back', but nobody did. It's not my fault, the warehouse messed up.",
        "Sorry sorry sorry, I aplogise, I will defintely sort it out as soon as possible.",
        "Head office decided to decline it. I won't blame the system, if I can I'll call.",
        "Leave it with me. Farid already has your details, so you won't have to repeat anything.",
        "I'm not sorry. Never again. \"That's on me\" she said; I'll get back to you soon-ish.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let (scenarios, _) = bundled_scenarios();
    for s in &scenarios {
        out.extend(s.tests.iter().map(|t| t.response.clone()));
        out.extend(s.turns.iter().map(|t| t.model_answer.clone()));
    }
    out
}

#[test]
fn the_one_pass_finds_what_each_literal_list_finds_alone() {
    let (_, lexicon) = bundled_scenarios();
    let lists = Lists::new(&lexicon.sets);
    let literal: Vec<&Phrase> = lists.phrases().into_iter().filter(|p| lists.table.holds(p)).collect();
    assert!(literal.len() >= 15, "{} literal lists", literal.len());
    for text in answers() {
        let a = analyse(&text);
        let found = lists.table.find_all(&a);
        for p in &literal {
            let alone = p.find(&a, &Names::default());
            assert_eq!(
                found.of(&lists.table, p, &a, &Names::default(), &Unlimited).as_deref(),
                Some(alone.as_slice()),
                "{text}"
            );
        }
    }
}

#[test]
fn the_table_rules_out_the_sentences_each_pattern_entry_rules_out() {
    let (_, lexicon) = bundled_scenarios();
    let lists = Lists::new(&lexicon.sets);
    let table = &lists.table;
    let patterns = table.rest.iter().flatten().count();
    assert!(patterns >= 40, "{patterns} pattern entries");
    let (mut kept, mut ruled_out) = (0, 0);
    for text in answers() {
        let a = analyse(&text);
        let found = table.find_all(&a);
        for (rest, filters) in table.rest.iter().zip(&table.filters) {
            for (pattern, filter) in rest.iter().zip(filters) {
                for k in 0..a.sentences.len() {
                    let alone = pattern.may_start_in(&a, k);
                    assert_eq!(found.may_match(filter, k), alone, "{text}, sentence {k}");
                    *(if alone { &mut kept } else { &mut ruled_out }) += 1;
                }
            }
        }
    }
    assert!(kept > 100 && ruled_out > 1000, "{kept} kept, {ruled_out} ruled out");
}

#[test]
fn a_pattern_entry_read_off_the_tables_words_finds_what_its_own_index_finds() {
    let (_, lexicon) = bundled_scenarios();
    let lists = Lists::new(&lexicon.sets);
    let table = &lists.table;
    let mut texts = answers();
    // Long enough for the searches to remember their steps (see `automaton/memo.rs`).
    texts.push(texts[..12].join(" ").repeat(3));
    assert!(analyse(texts.last().unwrap()).tokens.len() >= 200);
    let mut found_any = 0;
    for text in &texts {
        let a = analyse(text);
        let found = table.find_all(&a);
        for (rest, programs) in table.rest.iter().zip(&table.programs) {
            for (pattern, (program, filter)) in rest.iter().zip(programs) {
                let words = TableWords { spans: &found.words.spans, ids: &found.words.ids, program, filter: *filter };
                let every = |_: usize| true;
                let own = pattern.find_in_sentences(&a, &Names::default(), &Unlimited, &every, None, None);
                let shared = pattern.find_in_sentences(&a, &Names::default(), &Unlimited, &every, Some(words), None);
                assert_eq!(shared, own, "{text}");
                found_any += usize::from(!own.is_empty());
            }
        }
    }
    assert!(found_any > 20, "{found_any} searches found a match");
}

#[test]
fn only_literal_phrases_are_held() {
    let sets = Default::default();
    let compile =
        |text: &str| Phrase::compile(&crate::core::scenario::pattern::Pattern::parse(text).expect("parses"), &sets);
    let (words, choice, gap, slot) = (
        compile("refund approved"),
        compile("(friday | three working days)"),
        compile("sorry * fault"),
        compile("call {time}"),
    );
    let table = ListTable::new([&words, &choice, &gap, &slot]);
    assert!(table.holds(&words) && table.holds(&choice) && table.holds(&words.clone()));
    assert!(!table.holds(&gap) && !table.holds(&slot));
    let a =
        analyse("Your refund is approved. It arrives Friday, or in three working days, not in 'three working days'.");
    let found = table.find_all(&a);
    for p in [&words, &choice] {
        assert_eq!(
            found.of(&table, p, &a, &Names::default(), &Unlimited).as_deref(),
            Some(p.find(&a, &Names::default()).as_slice())
        );
    }
    assert_eq!(
        found.of(&table, &choice, &a, &Names::default(), &Unlimited).map(|f| f.len()),
        Some(2),
        "the quoted days do not count"
    );
}

#[test]
fn a_list_with_pattern_entries_keeps_what_one_search_over_all_its_entries_keeps() {
    let list = Phrase::any_of(&["that was", "was my fault", "my", "ring you", "it"]);
    let patterns =
        Phrase::any_pattern(&["that * fault", "fault * ring", "was * you", "my * (ring | call)"], &Default::default());
    let both = Phrase::either(&list, &patterns);
    let table = ListTable::new([&both]);
    assert!(table.holds(&both));
    for text in [
        "Sorry, that was my fault and I'll ring you.",
        "was my fault ring you tomorrow",
        "It was my fault, really, that I did not ring you.",
        "that my fault was my call, it was you, ring you",
        "'That was my fault' he said, and my ring was you.",
    ] {
        let a = analyse(text);
        let found = table.find_all(&a);
        assert_eq!(
            found.of(&table, &both, &a, &Names::default(), &Unlimited).as_deref(),
            Some(both.find(&a, &Names::default()).as_slice()),
            "{text}"
        );
    }
}

#[test]
fn pair_keys_stay_distinct_and_spread() {
    // Distinct pairs, distinct keys (each step of the mix undoes); pairs that share their second
    // word no longer share their low bits, where the map places them.
    let mut keys = std::collections::HashSet::new();
    let mut low = std::collections::HashSet::new();
    for first in 0..300 {
        for second in [0, 1, 7, 64, 299, 4096] {
            assert!(keys.insert(pair_key(first, second)), "{first} {second}");
            if second == 7 {
                low.insert(pair_key(first, second) & 0xFFF);
            }
        }
    }
    assert!(low.len() > 250, "{} buckets of 300 pairs", low.len());
}
