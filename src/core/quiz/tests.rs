//! Tests on the bundled library and on hand-written scenarios.

use std::collections::{BTreeMap, HashSet};

use super::build::{BLAME, SPECIFIC};
use super::*;
use crate::core::library::Library;
use crate::core::scenario::Play;
use crate::core::scenario::parse::parse;
use crate::core::scoring::detectors::{DetectorContext, detect};
use crate::core::scoring::phrase::{Names, name_words};
use crate::core::scoring::text::analyse;

fn bundled() -> Library {
    crate::core::test_fixtures::bundled_library()
}

/// The bundled library and its questions, built once for all tests (building runs every author test).
fn bundled_questions() -> &'static (Library, Vec<Question>) {
    static BUILT: std::sync::OnceLock<(Library, Vec<Question>)> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| {
        let library = bundled();
        let scenarios: Vec<&Scenario> = library.scenarios.iter().map(|l| &l.scenario).collect();
        let all = questions(&scenarios, &library.lexicon);
        (library, all)
    })
}

/// Run `detector` on `text` directly, independently of the module's own checker.
fn detector_met(library: &Library, scenario_id: &str, detector: &str, text: &str) -> bool {
    let scenario = library.scenario(scenario_id).expect("scenario");
    let names = Names {
        customer: name_words(&scenario.briefing.customer.name),
        colleague: scenario.briefing.colleague.as_ref().map(|c| name_words(&c.name)).unwrap_or_default(),
    };
    let lists = Lists::new(&library.lexicon.sets);
    !detect(detector, &analyse(text), &DetectorContext::new(&names, &lists, None)).is_empty()
}

fn count(all: &[Question], kind: QuestionKind) -> usize {
    all.iter().filter(|q| q.kind == kind).count()
}

#[test]
fn every_bundled_scenario_has_a_which_play_question_per_turn() {
    let (library, all) = bundled_questions();
    for loaded in &library.scenarios {
        let s = &loaded.scenario;
        let plays: Vec<&Question> =
            all.iter().filter(|q| q.kind == QuestionKind::WhichPlay && q.scenario_id == s.id).collect();
        assert_eq!(plays.len(), s.turns.len(), "{}", s.id);
        for (q, turn) in plays.iter().zip(&s.turns) {
            assert_eq!(q.id, format!("which-play/{}/{}", s.id, turn.id));
            assert_eq!(q.correct_option(), turn.tip.play.label());
            assert!(q.context.contains(turn.customer.trim()), "{}", q.id);
            assert!(q.explanation.contains(turn.tip.text.trim()), "{}", q.id);
        }
    }
}

#[test]
fn the_bundled_library_yields_enough_promise_and_blame_questions() {
    let (_, all) = bundled_questions();
    assert!(count(all, QuestionKind::SpecificPromise) >= 10, "{}", count(all, QuestionKind::SpecificPromise));
    assert!(count(all, QuestionKind::WhichBlames) >= 5, "{}", count(all, QuestionKind::WhichBlames));
}

#[test]
fn generated_questions_have_exactly_one_option_the_detector_accepts() {
    let (library, all) = bundled_questions();
    for q in all.iter().filter(|q| q.kind != QuestionKind::WhichPlay) {
        let detector = if q.kind == QuestionKind::SpecificPromise { SPECIFIC } else { BLAME };
        let accepted: Vec<usize> =
            (0..q.options.len()).filter(|&i| detector_met(library, &q.scenario_id, detector, &q.options[i])).collect();
        assert_eq!(accepted, vec![q.answer], "{}: {:#?}", q.id, q.options);
        if q.kind == QuestionKind::SpecificPromise {
            assert!(!detector_met(library, &q.scenario_id, "hedged-commitment", q.correct_option()), "{}", q.id);
        }
    }
}

#[test]
fn questions_are_well_formed_with_distinct_options_and_unique_ids() {
    let (_, all) = bundled_questions();
    let mut ids = HashSet::new();
    for q in all {
        assert!(ids.insert(q.id.clone()), "duplicate id {}", q.id);
        assert_eq!(q.id, format!("{}/{}/{}", q.kind.key(), q.scenario_id, q.turn_id));
        assert_eq!(q.options.len(), 3, "{}", q.id);
        assert!(q.answer < q.options.len(), "{}", q.id);
        let distinct: HashSet<String> = q.options.iter().map(|o| o.trim().to_lowercase()).collect();
        assert_eq!(distinct.len(), q.options.len(), "{}: {:#?}", q.id, q.options);
        assert!(q.options.iter().all(|o| !o.trim().is_empty()), "{}", q.id);
        assert!(!q.prompt.is_empty() && !q.explanation.is_empty() && !q.kind.label().is_empty(), "{}", q.id);
    }
}

#[test]
fn specific_promise_explanations_name_the_time_words() {
    let (_, all) = bundled_questions();
    for q in all.iter().filter(|q| q.kind == QuestionKind::SpecificPromise) {
        let quoted: Vec<&str> = q.explanation.split('“').skip(1).filter_map(|p| p.split('”').next()).collect();
        assert!(!quoted.is_empty(), "{}", q.explanation);
        assert!(q.correct_option().contains(quoted[0]), "{}: {} / {}", q.id, q.explanation, q.correct_option());
    }
}

#[test]
fn questions_are_deterministic() {
    let (library, first) = bundled_questions();
    let scenarios: Vec<&Scenario> = library.scenarios.iter().map(|l| &l.scenario).collect();
    assert_eq!(first, &questions(&scenarios, &library.lexicon));
}

#[test]
fn quiz_is_deterministic_for_a_seed_and_varies_with_it() {
    let (_, all) = bundled_questions();
    assert_eq!(quiz(all, 10, 7), quiz(all, 10, 7));
    assert_ne!(quiz(all, 10, 7), quiz(all, 10, 8));
}

#[test]
fn quiz_mixes_kinds_and_never_repeats_a_question() {
    let (_, all) = bundled_questions();
    for seed in 0..20 {
        let round = quiz(all, 9, seed);
        assert_eq!(round.len(), 9);
        for kind in QuestionKind::ALL {
            assert_eq!(count(&round, kind), 3, "seed {seed}");
        }
        let ids: HashSet<&str> = round.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), round.len());
    }
    // Asking for more than there are gives each question once.
    let everything = quiz(all, all.len() + 5, 1);
    assert_eq!(everything.len(), all.len());
    assert_eq!(everything.iter().map(|q| q.id.as_str()).collect::<HashSet<_>>().len(), all.len());
    // Duplicates in the input are dealt once.
    let doubled: Vec<Question> = all.iter().chain(all).cloned().collect();
    assert_eq!(quiz(&doubled, usize::MAX, 3).len(), all.len());
    assert!(quiz(&[], 5, 1).is_empty());
    assert!(quiz(all, 0, 1).is_empty());
}

#[test]
fn shuffling_keeps_the_answer_on_the_same_text() {
    let (_, all) = bundled_questions();
    let by_id: BTreeMap<&str, &Question> = all.iter().map(|q| (q.id.as_str(), q)).collect();
    let mut moved = 0;
    for seed in 0..10 {
        for q in quiz(all, 12, seed) {
            let original = by_id[q.id.as_str()];
            assert_eq!(q.correct_option(), original.correct_option(), "{}", q.id);
            let mut a = q.options.clone();
            let mut b = original.options.clone();
            a.sort();
            b.sort();
            assert_eq!(a, b);
            if q.answer != original.answer {
                moved += 1;
            }
            if q.kind == QuestionKind::WhichPlay {
                assert_eq!(q.options, original.options, "the plays keep the triangle's order");
            }
        }
    }
    assert!(moved > 0, "options were never shuffled");
}

#[test]
fn out_of_range_answers_are_skipped() {
    let (_, all) = bundled_questions();
    let mut broken = all[0].clone();
    broken.answer = 9;
    assert!(quiz(&[broken], 1, 0).is_empty());
}

const HAND_WRITTEN: &str = r#"Scenario(
    format_version: 1,
    id: "hand-written",
    title: "Hand-written",
    job_families: ["service-desk"],
    behaviour: ["ownership"],
    importance: 3,
    frequency: 3,
    briefing: (
        customer: (name: "Mr Adeyemi"),
        situation: "The laptop fault needs the hardware team.",
    ),
    turns: [
        (
            id: "ask",
            customer: "It keeps switching off.",
            time_limit: 60,
            pass_mark: 50,
            rubric: [(id: "asks", label: "Asks", kind: Required, weight: 1, detect: [Detector("asks-question")])],
            model_answer: "When did it first happen?",
            tip: (play: DiscoverIt, text: "Ask before you fix."),
            next: "handover",
        ),
        (
            id: "handover",
            customer: "So who fixes it?",
            time_limit: 60,
            pass_mark: 50,
            rubric: [
                (id: "time", label: "Specific time", kind: Required, weight: 1, detect: [Detector("specific-time-commitment")]),
                (id: "blames", label: "Blames the warehouse", kind: Forbidden, weight: 1, detect: [Detector("blame-shifting")]),
            ],
            model_answer: "I'm sorry, that's my mistake. I'll call you at 4pm with the engineer's name. I will stay with it until it's fixed.",
            tip: (play: ReferIt, text: "Hand it on warmly and keep owning it."),
            final: true,
        ),
    ],
    tests: [
        (name: "blames", turn: "handover", response: "Sorry, but the warehouse messed up the order.", met: ["blames"]),
        (name: "vague", turn: "handover", response: "I'll try to get back to you soon.", not_met: ["time"]),
    ],
)"#;

fn hand_written() -> Vec<Question> {
    let (scenario, _) = parse::<Scenario>(HAND_WRITTEN).expect("hand-written scenario");
    questions(&[&scenario], &Lexicon::default())
}

#[test]
fn a_hand_written_scenario_gives_the_expected_which_play_answers() {
    let all = hand_written();
    let plays: Vec<&Question> = all.iter().filter(|q| q.kind == QuestionKind::WhichPlay).collect();
    assert_eq!(plays.len(), 2);
    assert_eq!(plays[0].id, "which-play/hand-written/ask");
    assert_eq!(plays[0].options, vec!["Discover It", "Implement It", "Refer It"]);
    assert_eq!(plays[0].correct_option(), Play::DiscoverIt.label());
    assert_eq!(plays[0].explanation, "Discover It: Ask before you fix.");
    assert_eq!(plays[0].context, "The laptop fault needs the hardware team.\n\nMr Adeyemi: “It keeps switching off.”");
    assert_eq!(plays[1].correct_option(), "Refer It");
}

#[test]
fn a_hand_written_scenario_gives_promise_and_blame_questions() {
    let all = hand_written();
    let promise = all.iter().find(|q| q.kind == QuestionKind::SpecificPromise).expect("promise question");
    assert_eq!(promise.id, "specific-promise/hand-written/handover");
    assert_eq!(promise.correct_option(), "I'll call you at 4pm with the engineer's name.");
    assert!(promise.options.iter().any(|o| o == "I'll try to get back to you soon."), "{:#?}", promise.options);
    assert!(promise.explanation.contains("“at 4pm”"), "{}", promise.explanation);
    let blame = all.iter().find(|q| q.kind == QuestionKind::WhichBlames).expect("blame question");
    assert_eq!(blame.correct_option(), "Sorry, but the warehouse messed up the order.");
    assert!(blame.options.iter().any(|o| o == "I'm sorry, that's my mistake."), "{:#?}", blame.options);
    // The first turn has no promise and no blame to build from.
    assert!(all.iter().all(|q| q.turn_id == "handover" || q.kind == QuestionKind::WhichPlay));
}

#[test]
fn quiz_score_counts_right_answers() {
    let all = hand_written();
    let right: Vec<Option<usize>> = all.iter().map(|q| Some(q.answer)).collect();
    assert_eq!(QuizScore::of(&all, &right), QuizScore { correct: all.len(), total: all.len() });
    let mut choices = right.clone();
    choices[0] = None;
    choices[1] = Some((all[1].answer + 1) % all[1].options.len());
    let score = QuizScore::of(&all, &choices);
    assert_eq!(score, QuizScore { correct: all.len() - 2, total: all.len() });
    assert_eq!(QuizScore { correct: 2, total: 3 }.percent(), 67);
    assert_eq!(QuizScore::default().percent(), 0);
}

#[test]
#[ignore = "prints every generated question for review"]
fn print_generated_questions() {
    let (_, all) = bundled_questions();
    for kind in QuestionKind::ALL {
        println!("{kind:?}: {}", count(all, kind));
    }
    for q in all.iter().filter(|q| q.kind != QuestionKind::WhichPlay) {
        println!("\n{} [{}]\n  {}", q.id, q.answer, q.prompt);
        for (i, o) in q.options.iter().enumerate() {
            println!("  {} {o}", if i == q.answer { "*" } else { "-" });
        }
        println!("  => {}", q.explanation);
    }
}

#[test]
fn a_round_keeps_each_answer_for_the_review_at_the_end() {
    let (_, all) = bundled_questions();
    let mut round = round::QuizRound::new(quiz(all, 3, 5));
    let right = round.questions[0].answer;
    let wrong = (round.questions[1].answer + 1) % round.questions[1].options.len();
    assert_eq!(round.choose(right), Some(true));
    assert_eq!(round.choose(wrong), None, "one answer a question");
    round.next();
    assert_eq!(round.choose(wrong), Some(false));
    round.next();
    let review: Vec<(usize, bool)> = round.review().map(|(_, chosen, ok)| (chosen, ok)).collect();
    assert_eq!(review, vec![(right, true), (wrong, false)], "only the questions answered, in order");
}
