//! A drill driven like an employee would: start it from the briefing, type, send with the keyboard,
//! read the score card, follow the branch to the summary; and the clock running out.

mod common;

use common::TestFolder;
use egui_kittest::kittest::Queryable;
use followthrough::core::drill::Phase;
use followthrough::ui::app::Screen;

const STRONG: &str = "I'm sorry, that's my fault. I'll call you at 4pm.";

fn start(harness: &mut egui_kittest::Harness<'static, followthrough::ui::app::FollowThroughApp>, mode: &str) {
    harness.run();
    harness.get_by_label("Minimal call-back").click();
    harness.run();
    harness.get_by_label(mode).click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Drill);
}

fn phase(harness: &egui_kittest::Harness<'static, followthrough::ui::app::FollowThroughApp>) -> Phase {
    harness.state().drill().expect("a drill").phase().clone()
}

#[test]
fn answer_read_the_score_card_and_follow_the_branch_to_the_summary() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    start(&mut harness, "Start timed assessment");
    harness.get_by_label("You said you'd call by two.");
    harness.get_by_label("Your answer").type_text(STRONG);
    harness.run();
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::Enter]);
    harness.run();
    assert_eq!(phase(&harness), Phase::Scored { turn: 0 });
    harness.get_by_label("100/100");
    harness.get_by_label("Owns the miss");
    harness.get_by_label("AVOIDED");
    // Every criterion's label starts at one edge, whatever its mark (MET, AVOIDED) and points.
    let lefts: Vec<f32> = ["Owns the miss", "Specific time", "Blames others"]
        .iter()
        .map(|l| harness.get_by_label(l).rect().left())
        .collect();
    assert!(lefts.iter().all(|x| (x - lefts[0]).abs() < 0.5), "criterion labels start at {lefts:?}");
    harness.get_by_label("Coaching tip · Implement It");
    // The play's name is explained where it shows.
    harness.get_by_label("Implement It: fix it yourself, now, and say when it will be done.");
    harness.get_by_label("Next turn (Enter)").click();
    harness.run();
    assert!(matches!(phase(&harness), Phase::Answering { turn: 2, .. }), "no blame: straight to the closing turn");
    harness.get_by_label("Fine. Four o'clock then.");
    harness.get_by_label("Your answer").type_text("Four o'clock today, I'll call you at 4pm.");
    harness.run();
    harness.get_by_label("Send answer (Ctrl+Enter)").click();
    harness.run();
    harness.get_by_label("See the summary (Enter)").click();
    harness.run();
    assert_eq!(phase(&harness), Phase::Finished);
    harness.get_by_label("Summary: Minimal call-back");
    harness.get_by_label("Average 100/100 over 2 turns");
    harness.get_by_label("Back to library").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Home);
}

#[test]
fn blaming_leads_to_the_escalation_turn() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    start(&mut harness, "Start practice");
    harness.get_by_label("Your answer").type_text("Corporate messed up, not me.");
    harness.run();
    harness.get_by_label("Send answer (Ctrl+Enter)").click();
    harness.run();
    harness.get_by_label("0/100");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("Don't blame head office.");
}

#[test]
fn when_the_clock_runs_out_the_typed_answer_is_scored() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    start(&mut harness, "Start timed assessment");
    harness.get_by_label("Your answer").type_text("I'm sorry, that's my fault.");
    harness.run();
    assert!(harness.state().drill().expect("drill").results().is_empty());
    harness.input_mut().time = Some(1_000.0);
    harness.run();
    assert_eq!(phase(&harness), Phase::Scored { turn: 0 });
    let result = harness.state().drill().expect("drill").last_result().expect("scored").clone();
    assert!(result.over_time);
    assert_eq!(result.response, "I'm sorry, that's my fault.");
    harness.get_by_label("Time ran out: your answer was sent as it stood");
}

#[test]
fn escape_asks_before_leaving_a_drill() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    start(&mut harness, "Start practice");
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("Keep going").click();
    harness.run();
    assert!(matches!(phase(&harness), Phase::Answering { .. }));
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("Leave").click();
    harness.run();
    assert_eq!(phase(&harness), Phase::Abandoned);
    harness.get_by_label("No turn was answered.");
}

#[test]
fn practice_can_pause_and_assessment_cannot() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    start(&mut harness, "Start practice");
    harness.get_by_label("Pause").click();
    harness.run();
    assert!(matches!(phase(&harness), Phase::Paused { .. }));
    harness.get_by_label("Resume").click();
    harness.run();
    let folder = TestFolder::with_minimal_scenario();
    let mut assessment = folder.harness();
    start(&mut assessment, "Start timed assessment");
    assert!(assessment.query_by_label("Pause").is_none());
}

fn remaining(harness: &egui_kittest::Harness<'static, followthrough::ui::app::FollowThroughApp>) -> Option<u64> {
    let d = harness.state().drill().expect("a drill");
    d.remaining_ms(u64::MAX)
}

#[test]
fn the_clock_stops_behind_the_leave_question_and_the_typed_answer_survives() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    start(&mut harness, "Start timed assessment");
    harness.get_by_label("Your answer").type_text("I'm sorry, that's");
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("Leave this drill?");
    harness.get_by_label("The clock is stopped while you decide.");
    harness.get_by_label("Nothing is saved: no profile is picked. This turn is not scored.");
    // Long past the turn's 60 seconds: the question stays, nothing is scored.
    harness.input_mut().time = Some(1_000.0);
    harness.run();
    assert!(matches!(phase(&harness), Phase::Paused { .. }), "{:?}", phase(&harness));
    assert!(harness.state().drill().expect("drill").results().is_empty(), "no half-typed answer scored");
    harness.get_by_label("Leave this drill?");
    let left = remaining(&harness).expect("a clock");
    assert!(left > 50_000, "the time left is kept: {left} ms");
    // Esc keeps going: the clock runs on from where it stopped, the typed words are still there.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(matches!(phase(&harness), Phase::Answering { .. }));
    let now_left = harness.state().drill().expect("drill").remaining_ms(1_000_000);
    assert_eq!(now_left.map(|ms| ms.div_ceil(1000)), Some(left.div_ceil(1000)));
    assert_eq!(harness.state().drill().expect("drill").draft(), "I'm sorry, that's");
    assert!(harness.query_by_label("Leave this drill?").is_none());
}

#[test]
fn the_leave_question_keeps_the_keyboard_and_enter_presses_the_focused_button() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    start(&mut harness, "Start practice");
    harness.key_press(egui::Key::Escape);
    harness.run();
    // Keep going has the keyboard; Tab goes round the dialog's two buttons and never behind it.
    for _ in 0..4 {
        harness.key_press(egui::Key::Tab);
        harness.run();
    }
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(matches!(phase(&harness), Phase::Answering { .. }), "Enter on Keep going stays");
    assert_eq!(harness.state().screen(), Screen::Drill);
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(phase(&harness), Phase::Abandoned, "Tab to Leave, Enter leaves");
}

#[test]
fn ctrl_q_during_a_drill_asks_first_and_keeps_what_was_answered() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    common::create_profile(&mut harness, "Quinn");
    start(&mut harness, "Start practice");
    harness.get_by_label("Your answer").type_text(STRONG);
    harness.run();
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::Enter]);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::Q]);
    harness.run();
    harness.get_by_label("Leave this drill and quit?");
    harness.get_by_label("The turn you answered is saved; this turn is not scored.");
    assert!(matches!(phase(&harness), Phase::Paused { .. }), "the clock stops");
    harness.get_by_label("Leave and quit").click();
    harness.run();
    assert_eq!(phase(&harness), Phase::Abandoned);
    let store = harness.state().store().expect("store");
    let kept = store.attempts(&followthrough::io::store::AttemptFilter::default()).expect("attempts");
    assert_eq!(kept.len(), 1, "the answered turn is kept before the window closes");
}

#[test]
fn a_missed_criterion_is_said_in_plain_words_with_an_example() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    start(&mut harness, "Start practice");
    harness.get_by_label("Your answer").type_text("I'm sorry, that's my fault.");
    harness.run();
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::Enter]);
    harness.run();
    harness.get_by_label("Specific time");
    harness.get_by_label("For example: \"I'll call you at 4pm with the answer.\"");
    harness.get_by_label("You said: \"sorry, that's my fault\"");
    assert!(harness.query_by_label_contains("looked for").is_none(), "no pattern syntax for learners");
    assert!(harness.query_by_label_contains("{time}").is_none());
    harness.get_by_label_contains("Implement It: fix it yourself");
}

#[test]
fn turns_are_numbered_along_the_path_taken_with_the_customers_words() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    start(&mut harness, "Start practice");
    harness.get_by_label("Turn 1 · practice");
    harness.get_by_label("Your answer").type_text(STRONG);
    harness.run();
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::Enter]);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    // The branch skipped the escalation (the file's turn 2): this is the second turn played.
    assert!(matches!(phase(&harness), Phase::Answering { turn: 2, .. }));
    harness.get_by_label("Turn 2 · practice");
    harness.get_by_label("Your answer").type_text("Four o'clock today, I'll call you at 4pm.");
    harness.run();
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::Enter]);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(phase(&harness), Phase::Finished);
    harness.get_by_label_contains("Turn 1 · 100/100");
    harness.get_by_label_contains("Turn 2 · 100/100");
    assert!(harness.query_by_label_contains("Turn 3").is_none());
    harness.get_by_label("Ms Lee said: Fine. Four o'clock then.");
    assert!(harness.query_by_label("close").is_none() && harness.query_by_label("opening").is_none(), "no turn ids");
    harness.get_by_label("Back to library");
    // Try again has the keyboard: Enter starts the same drill over.
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(matches!(phase(&harness), Phase::Answering { turn: 0, .. }), "{:?}", phase(&harness));
    assert!(harness.state().drill().expect("drill").results().is_empty());
}

#[test]
fn the_briefing_counts_the_usual_path_and_enter_starts_practice() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    harness.run();
    harness.get_by_label("Minimal call-back").click();
    harness.run();
    harness.get_by_label(
        "2 turns; time to answer each: 60 s, 30 s. Depending on your answers, the customer may say more.",
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Drill);
    let drill = harness.state().drill().expect("drill");
    assert_eq!(drill.mode(), followthrough::core::drill::Mode::Practice);
}

#[test]
fn a_finished_drill_offers_the_next_one_in_today() {
    let folder = TestFolder::with_minimal_scenario();
    let second = std::fs::read_to_string("tests/fixtures/good/minimal.ron")
        .expect("fixture")
        .replace("id: \"minimal\"", "id: \"minimal-two\"")
        .replace("Minimal call-back", "Second call-back");
    folder.write("second.ron", &second);
    let mut harness = folder.harness();
    common::create_profile(&mut harness, "Noor");
    start(&mut harness, "Start practice");
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("Leave").click();
    harness.run();
    harness.get_by_label("Try again");
    harness.get_by_label("Next in Today: Second call-back").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Briefing("minimal-two".into()));
}

#[test]
fn a_countdown_repaints_once_a_second_and_a_paused_drill_not_at_all() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    start(&mut harness, "Start practice");
    let delay = |h: &egui_kittest::Harness<'static, followthrough::ui::app::FollowThroughApp>| {
        h.output().viewport_output.get(&egui::ViewportId::ROOT).map(|v| v.repaint_delay).expect("root viewport")
    };
    assert!(delay(&harness) <= std::time::Duration::from_secs(1), "{:?}", delay(&harness));
    harness.get_by_label("Pause").click();
    harness.run();
    assert!(delay(&harness) >= std::time::Duration::from_secs(30), "{:?}", delay(&harness));
}
