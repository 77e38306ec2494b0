//! The reproducers of issue 14, as whole files through the same pipeline as the fuzz cases (read,
//! check, score every turn): a phrase with 12 and with 30 `*` gaps, a phrase in about 12,500 nested
//! brackets, `All` matchers and conditions nested 22 and 40 deep, 20 and 25 `[optional]` groups,
//! 2,000 matchers in one criterion and 41 criteria in one turn. Each must end in a loaded scenario
//! scored within the case bound, or in a located error; never a crash or a hang.

use crate::fuzz::pipeline::{CaseFile, Outcome, run_case};

const MINIMAL: &str = include_str!("../fixtures/good/minimal.ron");
const LEXICON: &str = include_str!("../fixtures/good/lexicon.ron");
/// The matcher list the reproducers add to (a required criterion the author test already meets).
const TIME_MATCHERS: &str = "detect: [Phrase(\"call [you] (at | by) {time}\")";
/// The branch condition the nesting reproducers wrap.
const CONDITION: &str = "when: Met(\"blames\")";

/// 39 words holding `you` twelve times but never thirteen: the worst case for a backtracking matcher
/// of 13 `you`s joined by `*` gaps, which explores every way to place the gaps and then fails.
const THIRTY_NINE_WORDS: &str = "You said you would call and you did not, so you know why you are upset; I hear \
    you, I will ring you at four, thank you, you have my word you will hear from me, you and you.";

/// The minimal scenario with `extra` added to the time criterion's matchers.
fn with_matcher(extra: &str) -> String {
    assert!(MINIMAL.contains(TIME_MATCHERS));
    MINIMAL.replace(TIME_MATCHERS, &format!("{TIME_MATCHERS}, {extra}"))
}

/// The minimal scenario with its branch condition wrapped in `depth` `All([...])`.
fn with_condition_depth(depth: usize) -> String {
    assert!(MINIMAL.contains(CONDITION));
    let wrapped = format!("when: {}Met(\"blames\"){}", "All([".repeat(depth), "])".repeat(depth));
    MINIMAL.replace(CONDITION, &wrapped)
}

/// Check `scenario` beside the good lexicon and score every turn with the answers (asserting no
/// panic, located diagnostics and the case bound).
fn check(scenario: &str, answers: &[&str]) -> Outcome {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = [
        CaseFile { name: "lexicon.ron".into(), bytes: LEXICON.as_bytes().to_vec() },
        CaseFile { name: "scenario.ron".into(), bytes: scenario.as_bytes().to_vec() },
    ];
    let answers: Vec<String> = answers.iter().map(|a| a.to_string()).collect();
    run_case(dir.path(), &files, &answers).unwrap_or_else(|e| panic!("{e}"))
}

/// The only error is `code`, on the line of the first `needle` in `scenario`; nothing loaded.
fn assert_refused_at(outcome: &Outcome, scenario: &str, needle: &str, code: &str, words: &str) {
    assert_eq!(outcome.scenarios, 0, "the scenario must be refused");
    let errors: Vec<_> = outcome.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let line = scenario[..scenario.find(needle).expect("needle")].matches('\n').count() + 1;
    let d = errors[0];
    assert_eq!((d.code, d.start.map(|p| p.line)), (code, Some(line)), "{}", d.message);
    assert!(d.message.contains(words), "{}", d.message);
}

fn assert_loaded_and_scored(outcome: &Outcome) {
    assert_eq!(outcome.scenarios, 1, "{:#?}", outcome.diagnostics);
    assert!(outcome.diagnostics.iter().all(|d| !d.is_error()), "{:#?}", outcome.diagnostics);
    assert!(outcome.scored >= 3, "every turn scores each answer");
}

#[test]
fn a_phrase_with_12_gaps_is_accepted_and_scores_a_39_word_answer_at_once() {
    let phrase = vec!["you"; 13].join(" * ");
    let scenario = with_matcher(&format!("Phrase(\"{phrase}\")"));
    assert_eq!(THIRTY_NINE_WORDS.split_whitespace().count(), 39);
    assert_eq!(
        THIRTY_NINE_WORDS.to_lowercase().split(|c: char| !c.is_alphabetic()).filter(|w| *w == "you").count(),
        12
    );
    let outcome = check(&scenario, &[THIRTY_NINE_WORDS, &THIRTY_NINE_WORDS.repeat(20)]);
    assert_loaded_and_scored(&outcome);
}

#[test]
fn a_phrase_with_30_gaps_is_refused_with_its_location() {
    let phrase = vec!["you"; 31].join(" * ");
    let scenario = with_matcher(&format!("Phrase(\"{phrase}\")"));
    let outcome = check(&scenario, &[THIRTY_NINE_WORDS]);
    assert_refused_at(&outcome, &scenario, "you * you", "bad-pattern", "more than 12 `*` gaps");
}

#[test]
fn a_phrase_in_12500_nested_brackets_is_a_located_error_not_a_stack_overflow() {
    for (open, close) in [("(", ")"), ("[", "]")] {
        let phrase = format!("{}sorry{}", open.repeat(12_500), close.repeat(12_500));
        let scenario = with_matcher(&format!("Phrase(\"{phrase}\")"));
        assert!(scenario.len() > 25_000);
        let outcome = check(&scenario, &[THIRTY_NINE_WORDS]);
        assert_refused_at(&outcome, &scenario, &open.repeat(10), "bad-pattern", "longer than");
    }
    // Within the length limit but past the nesting limit.
    let phrase = format!("{}sorry{}", "(".repeat(400), ")".repeat(400));
    let scenario = with_matcher(&format!("Phrase(\"{phrase}\")"));
    let outcome = check(&scenario, &[THIRTY_NINE_WORDS]);
    assert_refused_at(&outcome, &scenario, "((((", "bad-pattern", "nested more than 32 deep");
}

#[test]
fn all_matchers_nested_22_deep_load_and_score_at_once() {
    let matcher = format!("{}Phrase(\"call * {{time}}\"){}", "All([".repeat(22), "])".repeat(22));
    let outcome = check(&with_matcher(&matcher), &[THIRTY_NINE_WORDS, "I'll call you at 4pm today."]);
    assert_loaded_and_scored(&outcome);
}

#[test]
fn all_matchers_nested_past_the_limit_are_a_located_error() {
    // Refused as `too-deep` by the RON reader's recursion limit (from 29 levels) or by the check (32).
    for depth in [33, 40, 5_000] {
        let matcher = format!("{}Phrase(\"call * {{time}}\"){}", "All([".repeat(depth), "])".repeat(depth));
        let scenario = with_matcher(&matcher);
        let outcome = check(&scenario, &[THIRTY_NINE_WORDS]);
        assert_refused_at(&outcome, &scenario, "All([", "too-deep", "nested");
    }
}

#[test]
fn conditions_nested_22_deep_load_and_score_at_once() {
    let outcome = check(&with_condition_depth(22), &[THIRTY_NINE_WORDS, "Head office is to blame, corporate."]);
    assert_loaded_and_scored(&outcome);
}

#[test]
fn conditions_nested_past_the_limit_are_a_located_error() {
    for depth in [33, 40, 5_000] {
        let scenario = with_condition_depth(depth);
        let outcome = check(&scenario, &[THIRTY_NINE_WORDS]);
        assert_refused_at(&outcome, &scenario, "All([", "too-deep", "nested");
    }
}

#[test]
fn a_phrase_with_20_optional_groups_loads_and_scores_a_39_word_answer() {
    let phrase = format!("{} hear", vec!["[you]"; 20].join(" "));
    let outcome =
        check(&with_matcher(&format!("Phrase(\"{phrase}\")")), &[THIRTY_NINE_WORDS, &THIRTY_NINE_WORDS.repeat(20)]);
    assert_loaded_and_scored(&outcome);
    let phrase = format!("{} hear", vec!["[you]"; 25].join(" "));
    let scenario = with_matcher(&format!("Phrase(\"{phrase}\")"));
    let outcome = check(&scenario, &[THIRTY_NINE_WORDS]);
    assert_refused_at(&outcome, &scenario, "[you] [you]", "bad-pattern", "more than 24 optional");
}

#[test]
fn a_criterion_with_2000_matchers_is_refused_with_its_location() {
    let phrases: Vec<String> = (0..1_999).map(|i| format!("Phrase(\"word{i}\")")).collect();
    let scenario = with_matcher(&phrases.join(", "));
    let outcome = check(&scenario, &[THIRTY_NINE_WORDS]);
    assert_refused_at(&outcome, &scenario, TIME_MATCHERS, "too-many", "has 2000 matchers; at most 64");
}

#[test]
fn a_turn_with_41_criteria_is_refused_at_the_first_one_past_the_limit() {
    /// The last criterion of the first turn's rubric, after which the extra ones go.
    const LAST: &str = "detect: [Detector(\"blame-shifting\"), Regex(\"(?i)corporate\")]),";
    assert!(MINIMAL.contains(LAST));
    let extra: String = (0..38)
        .map(|i| format!("\n                (id: \"extra-{i}\", label: \"Extra {i}\", kind: Required, weight: 1, detect: [Phrase(\"word{i}\")]),"))
        .collect();
    let scenario = MINIMAL.replace(LAST, &format!("{LAST}{extra}"));
    let outcome = check(&scenario, &[THIRTY_NINE_WORDS]);
    // The first turn had 3 criteria: the 41st, index 40, is `extra-37`.
    assert_refused_at(&outcome, &scenario, "id: \"extra-37\"", "too-many", "has 41 criteria; at most 40");
}
