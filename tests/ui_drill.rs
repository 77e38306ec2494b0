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
    assert_eq!(harness.state().screen(), &Screen::Drill);
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
    harness.get_by_label("Avoid: Blames others");
    harness.get_by_label("Coaching tip · Implement It");
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
    assert_eq!(harness.state().screen(), &Screen::Home);
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
