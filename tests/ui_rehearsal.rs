//! Rehearsal and "Know the play" in the window: one script from full text to recited from memory,
//! the level kept across a restart and the scheduler told; a round of questions answered and kept.

mod common;

use common::{TestFolder, create_profile};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use followthrough::core::progress::AttemptMode;
use followthrough::io::store::AttemptFilter;
use followthrough::ui::app::{FollowThroughApp, QUIZ_LENGTH, Screen};
use followthrough::ui::quiz::{REVIEW_HEADING, RIGHT_MARK, WRONG_MARK};
use followthrough::ui::rehearse::{LEGEND, RECITE_LABEL};

const MODEL: &str = "I'm sorry, that's my fault. I'll call you at 4pm with the answer.";

fn with_profile(folder: &TestFolder, name: &str) -> Harness<'static, FollowThroughApp> {
    let mut harness = folder.harness();
    create_profile(&mut harness, name);
    harness
}

fn recite(harness: &mut Harness<'static, FollowThroughApp>, text: &str) {
    harness.get_by_label(RECITE_LABEL).click();
    harness.run();
    harness.get_by_label(RECITE_LABEL).type_text(text);
    harness.run();
    harness.get_by_label("Check (Ctrl+Enter)").click();
    harness.run();
}

fn shown(harness: &Harness<'static, FollowThroughApp>) -> String {
    harness.state().rehearsal().expect("rehearsing").faded.shown.clone()
}

#[test]
fn the_lines_to_learn_are_named_by_turn_number_not_by_turn_id() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = with_profile(&folder, "Hana");
    harness.get_by_label("Rehearse: Minimal call-back").click();
    harness.run();
    harness.get_by_label("Turn 1: model answer · Full text");
    assert!(
        harness.query_all_by_label_contains("opening").next().is_none(),
        "the turn's id \"opening\" is not shown to the learner"
    );
}

#[test]
fn one_script_from_full_text_to_recited_from_memory() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = with_profile(&folder, "Hana");
    harness.get_by_label_contains("rehearse the words first");
    harness.get_by_label("Rehearse: Minimal call-back").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Rehearse);
    harness.get_by_label("Full text (step 1 of 5)");
    assert_eq!(shown(&harness), MODEL, "the full line is shown first");

    let steps = ["A third hidden", "Two thirds hidden", "First letters", "From memory"];
    for (i, next) in steps.iter().enumerate() {
        recite(&mut harness, MODEL);
        harness.get_by_label("Clean: 100% of the words.");
        harness.get_by_label(&format!("Next time: {next}."));
        harness.get_by_label("Again (Enter)").click();
        harness.run();
        harness.get_by_label(&format!("{next} (step {} of 5)", i + 2));
        assert_ne!(shown(&harness), MODEL, "words are hidden at {next}");
    }
    assert!(!shown(&harness).contains("4pm"), "from memory: nothing of the line is shown");

    // A slip in the commitment is caught: not clean, so the level does not rise.
    recite(&mut harness, "I'm sorry, that's my fault. I'll call you at 5pm with the answer.");
    assert!(harness.query_by_label_contains("Clean:").is_none());
    harness.get_by_label_contains("[5pm for 4pm]");
    harness.get_by_label("Staying at: From memory.");
    harness.get_by_label("Again (Enter)").click();
    harness.run();
    // A poor recitation brings back a step of help.
    recite(&mut harness, "Sorry, I will call.");
    harness.get_by_label("Back to: First letters for now.");
    // Left-out words are shown as missing (highlighted, explained), not struck out; the line once.
    harness.get_by_label(LEGEND);
    assert!(harness.query_by_label_contains("[missed").is_none());
    assert!(harness.query_by_label_contains("The line:").is_none());

    let store = harness.state().store().expect("store");
    let hana = harness.state().current_employee().expect("current").id.clone();
    let kept: Vec<_> = store
        .attempts(&AttemptFilter::default())
        .expect("attempts")
        .into_iter()
        .filter(|a| a.mode == AttemptMode::Rehearsal)
        .collect();
    assert_eq!(kept.len(), 6);
    assert!(kept[..4].iter().all(|a| a.passed()) && !kept[4].passed() && !kept[5].passed());
    assert_eq!(kept[5].turns[0].response, "Sorry, I will call.");
    assert_eq!(store.script_level(&hana, "minimal/opening/model").expect("level"), Some(3));

    harness.get_by_label("Back to library").click();
    harness.run();
    assert!(harness.query_by_label_contains("rehearse the words first").is_none(), "rehearsed now");
    harness.get_by_label_contains("new at stage 1");
    drop(harness);

    let mut again = folder.harness();
    again.run();
    again.get_by_label("Minimal call-back").click();
    again.run();
    again.get_by_label("Rehearse the words").click();
    again.run();
    again.get_by_label("First letters (step 4 of 5)");
}

#[test]
fn a_round_of_know_the_play_is_answered_and_kept() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = with_profile(&folder, "Ivo");
    harness.get_by_label("Know the play quiz").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Quiz);
    let total = harness.state().quiz().expect("quiz").questions.len();
    assert!((1..=QUIZ_LENGTH).contains(&total));
    let mut right = 0;
    for n in 0..total {
        harness.get_by_label_contains(&format!("Question {} of {total} · {right} right so far", n + 1));
        let q = harness.state().quiz().and_then(|r| r.question().cloned()).expect("question");
        // Answer the first two right, the rest wrong.
        let pick = if n < 2 { q.answer } else { (q.answer + 1) % q.options.len() };
        harness.get_by_label(&q.options[pick]).click();
        harness.run();
        if n < 2 {
            right += 1;
            harness.get_by_label("Right.");
        } else {
            harness.get_by_label("Not quite.");
            // Marked in words as well as colour: the one chosen and the right one.
            harness.get_by_label(&format!("{WRONG_MARK}{}", q.options[pick]));
        }
        harness.get_by_label(&format!("{RIGHT_MARK}{}", q.options[q.answer]));
        harness.get_by_label(&q.explanation);
        harness.get_by_label("Next question (Enter)").click();
        harness.run();
    }
    harness.get_by_label(&format!("You got {right} of {total} right."));
    // The review: every question again, with the answer given and, when wrong, the right one.
    harness.get_by_label(REVIEW_HEADING);
    let round = harness.state().quiz().expect("quiz").clone();
    for (n, (q, chosen, ok)) in round.review().enumerate() {
        assert_eq!(ok, n < 2);
        assert!(harness.query_all_by_label(&q.explanation).count() > 0, "{}", q.explanation);
        assert!(harness.query_all_by_label(&format!("You answered: {}", q.options[chosen])).count() > 0);
    }
    assert_eq!(harness.query_all_by_label_contains("Right answer: ").count(), total - 2);
    let quiz: Vec<_> = harness
        .state()
        .store()
        .expect("store")
        .attempts(&AttemptFilter::default())
        .expect("attempts")
        .into_iter()
        .filter(|a| a.mode == AttemptMode::Quiz)
        .collect();
    assert_eq!(quiz.len(), total);
    assert_eq!(quiz.iter().filter(|a| a.passed()).count(), right);
}
