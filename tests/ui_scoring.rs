//! Answers are scored off the window's thread: while a card is on its way the window keeps
//! drawing ("Scoring..."), a group session's countdown keeps running, and the card shows when it
//! arrives. The scorer here holds every card back until the test lets it go.

mod common;

use std::sync::mpsc::{Sender, channel};
use std::time::Duration;

use common::{TestFolder, create_profile, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use followthrough::core::coach::session::GroupPhase;
use followthrough::core::drill::{Phase, ScoreJob};
use followthrough::core::scoring::ScoreError;
use followthrough::ui::app::{FollowThroughApp, Screen};
use followthrough::ui::coach::TYPED_LABEL;
use followthrough::ui::drill::SCORING_TEXT;

const STRONG: &str = "I'm sorry, that's my fault. I'll call you at 4pm.";

/// The app on `folder` whose scorer waits for a message on the returned sender before each card.
/// Frames are not made to wait for the worker here: they show what the window shows meanwhile.
fn held(folder: &TestFolder) -> (Harness<'static, FollowThroughApp>, Sender<()>) {
    let (release, gate) = channel::<()>();
    let app = folder.app().with_scorer(Box::new(move |job: &ScoreJob| {
        let _ = gate.recv();
        job.run()
    }));
    let harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 700.0))
        .build_ui_state(|ui, app: &mut FollowThroughApp| app.ui_root(ui), app);
    (harness, release)
}

/// Let the card through and show the frame after it arrived.
fn let_through(harness: &mut Harness<'static, FollowThroughApp>, release: &Sender<()>) {
    release.send(()).expect("the scorer is waiting");
    harness.state_mut().wait_for_background(Duration::from_secs(30));
    harness.run();
}

#[test]
fn a_drill_shows_scoring_while_the_card_is_on_its_way_then_the_card() {
    let folder = TestFolder::with_minimal_scenario();
    let (mut harness, release) = held(&folder);
    harness.run();
    harness.get_by_label("Minimal call-back").click();
    harness.run();
    harness.get_by_label("Start timed assessment").click();
    harness.run();
    harness.get_by_label("Your answer").type_text(STRONG);
    harness.run();
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::Enter]);
    // A spinner turns while it scores: step frames rather than wait for the window to settle.
    harness.run_steps(2);
    let phase = |h: &Harness<'static, FollowThroughApp>| h.state().drill().expect("drill").phase().clone();
    assert_eq!(phase(&harness), Phase::Scoring { turn: 0 });
    assert!(harness.state().scoring());
    harness.get_by_label(SCORING_TEXT);
    harness.get_by_label(STRONG);
    // The window keeps drawing and answering while the card is held back.
    harness.run_steps(8);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(phase(&harness), Phase::Scoring { turn: 0 }, "still waiting for the card");
    let_through(&mut harness, &release);
    assert_eq!(phase(&harness), Phase::Scored { turn: 0 });
    assert!(!harness.state().scoring());
    harness.get_by_label("100/100");
    let result = harness.state().drill().and_then(|d| d.last_result()).expect("result").clone();
    assert_eq!(result.response, STRONG);
    assert!(!result.over_time);
    assert_eq!(harness.state().screen(), Screen::Drill);
}

#[test]
fn a_group_countdown_keeps_running_while_a_typed_answer_is_scored() {
    let folder = TestFolder::with_minimal_scenario();
    let (mut harness, release) = held(&folder);
    harness.run();
    create_profile(&mut harness, "Ana");
    harness.get_by_label("Coach a group").click();
    harness.run();
    harness.get_by_label("Ana").click();
    harness.run();
    harness.get_by_label("Start the session").click();
    harness.run();
    harness.get_by_label("The room has read it: on to the first turn").click();
    harness.run();
    harness.get_by_label("Pick who goes next").click();
    harness.run();
    for _ in 0..200 {
        if matches!(harness.state().group().expect("session").phase, GroupPhase::Answering { .. }) {
            break;
        }
        harness.step();
    }
    type_into(&mut harness, TYPED_LABEL, STRONG);
    harness.get_by_label("Score the answer").click();
    harness.run_steps(2);
    harness.get_by_label("Scoring...");
    let left = |h: &Harness<'static, FollowThroughApp>| {
        (0..=60u64).find(|n| h.query_by_label(&format!("{n}s")).is_some()).expect("the countdown shows")
    };
    let before = left(&harness);
    harness.run_steps(12);
    let after = left(&harness);
    assert!(after < before, "the clock ran on while scoring: {before} s then {after} s");
    assert!(matches!(harness.state().group().expect("session").phase, GroupPhase::Answering { .. }));
    let_through(&mut harness, &release);
    let g = harness.state().group().expect("session");
    assert!(matches!(g.phase, GroupPhase::Scoring { .. }), "{:?}", g.phase);
    assert_eq!(g.engine.as_ref().map(|c| c.score), Some(100), "the engine's card came back");
}

#[test]
fn an_answer_the_scorer_refuses_goes_back_into_the_box_with_the_reason() {
    let folder = TestFolder::with_minimal_scenario();
    let refusing = folder.app().with_scorer(Box::new(|_: &ScoreJob| Err(ScoreError::TooLong(12_345))));
    let mut harness = common::harness_of(refusing);
    harness.run();
    harness.get_by_label("Minimal call-back").click();
    harness.run();
    harness.get_by_label("Start practice").click();
    harness.run();
    harness.get_by_label("Your answer").type_text(STRONG);
    harness.run();
    harness.get_by_label("Send answer (Ctrl+Enter)").click();
    harness.run();
    let app = harness.state();
    assert!(matches!(app.drill().expect("drill").phase(), Phase::Answering { turn: 0, .. }));
    assert!(app.drill().expect("drill").results().is_empty(), "nothing scored");
    // Said in people's words (what happened, what to do), not the scorer's own message.
    let status = app.status();
    assert!(!status.contains(&ScoreError::TooLong(12_345).to_string()), "the scorer's message: {status}");
    assert!(status.starts_with("Your answer is 12345 characters long"), "what happened: {status}");
    assert!(status.contains("shorten it and send it again"), "what to do: {status}");
    assert_eq!(app.drill().expect("drill").draft(), STRONG, "the answer is kept to shorten and send again");
}

#[test]
fn a_rubric_over_its_time_budget_is_scored_with_what_finished_and_says_which_criterion_was_slow() {
    use followthrough::core::scoring::budget::Budget;
    /// Out of time from the second criterion on, as a too-slow rubric would be.
    struct SecondIsSlow(std::cell::Cell<bool>);
    impl Budget for SecondIsSlow {
        fn criterion_started(&self, index: usize) {
            self.0.set(index >= 1);
        }
        fn exhausted(&self) -> bool {
            self.0.get()
        }
    }
    let folder = TestFolder::with_minimal_scenario();
    let app =
        folder.app().with_scorer(Box::new(|job: &ScoreJob| job.run_within(&SecondIsSlow(std::cell::Cell::new(false)))));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 700.0))
        .build_ui_state(|ui, app: &mut FollowThroughApp| app.ui_root(ui), app);
    harness.run();
    harness.get_by_label("Minimal call-back").click();
    harness.run();
    harness.get_by_label("Start timed assessment").click();
    harness.run();
    harness.get_by_label("Your answer").type_text(STRONG);
    harness.run();
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::Enter]);
    // One frame sends the answer to the worker; then wait for its card (the model answer, scored
    // apart for the examples, takes a moment more in a debug build).
    harness.step();
    harness.state_mut().wait_for_background(Duration::from_secs(30));
    harness.run();
    let card = harness.state().drill().and_then(|d| d.last_result()).expect("a card").card.clone();
    let slow = card.over_budget.expect("the card names the slow criterion");
    let shown = harness.query_all_by_label_contains("Scoring stopped at").count();
    assert_eq!(shown, 1, "the learner is told scoring stopped early and why");
    assert!(harness.query_all_by_label_contains(&slow.label).count() >= 1);
}
