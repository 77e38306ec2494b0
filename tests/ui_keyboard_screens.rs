//! Keyboard first on every screen past Home: each one opens with its main action focused, Tab walks
//! the screen's controls in reading order (top to bottom, left to right) before the window's own
//! buttons, and the dialogs keep Tab inside them and answer Enter and Esc.

mod common;

use common::{TestFolder, create_profile};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use followthrough::core::coach::session::GroupPhase;
use followthrough::ui::app::{FollowThroughApp, Screen};
use followthrough::ui::coach::{END_CONFIRM_LABEL, END_LABEL, KEEP_GOING_LABEL};

type App = Harness<'static, FollowThroughApp>;

/// A widget Tab stopped on: its label and where it is.
#[derive(Debug, Clone)]
struct Stop {
    label: String,
    rect: egui::Rect,
}

fn focused(harness: &App) -> Option<Stop> {
    harness
        .query_all_by(|node| node.is_focused())
        .next()
        .map(|node| Stop { label: node.accesskit_node().label().unwrap_or_default(), rect: node.rect() })
}

fn focused_label(harness: &App) -> String {
    focused(harness).map(|s| s.label).unwrap_or_default()
}

fn tab(harness: &mut App) -> Option<Stop> {
    harness.key_press(egui::Key::Tab);
    harness.run();
    focused(harness)
}

/// Every stop of one trip round the Tab cycle, from the widget with the keyboard now.
fn tab_cycle(harness: &mut App) -> Vec<Stop> {
    let first = focused(harness).expect("something has the keyboard");
    let mut stops = vec![first.clone()];
    for _ in 0..80 {
        let Some(next) = tab(harness) else { break };
        if next.label == first.label && next.rect == first.rect {
            return stops;
        }
        stops.push(next);
    }
    panic!("Tab never came back to {:?}: {:?}", first.label, labels(&stops));
}

fn labels(stops: &[Stop]) -> Vec<&str> {
    stops.iter().map(|s| s.label.as_str()).collect()
}

/// `b` comes after `a` in reading order: on a lower line, or on the same line further right.
fn reads_after(a: &Stop, b: &Stop) -> bool {
    const SLACK: f32 = 1.0;
    let lower = b.rect.top() >= a.rect.bottom() - SLACK || b.rect.center().y > a.rect.bottom();
    let same_line = b.rect.top() < a.rect.bottom() && b.rect.bottom() > a.rect.top();
    lower || (same_line && b.rect.left() >= a.rect.right() - SLACK)
}

/// The screen opens with `main` focused, and one trip round Tab visits the screen's own controls
/// in reading order and then the window's top bar (which ends with A+). Returns the screen's stops.
fn check_screen(harness: &mut App, screen: &str, main: &str) -> Vec<String> {
    assert_eq!(focused_label(harness), main, "{screen}: the main action has the keyboard on arrival");
    let cycle = tab_cycle(harness);
    let a_plus = cycle.iter().position(|s| s.label == "A+").unwrap_or_else(|| panic!("{screen}: {cycle:?}"));
    // The screen's controls: from just after A+ round to the first of the top bar.
    let bar_bottom = cycle[a_plus].rect.bottom();
    let mut ordered: Vec<Stop> = cycle[a_plus + 1..].iter().chain(&cycle[..a_plus]).cloned().collect();
    let own = ordered.iter().position(|s| s.rect.top() < bar_bottom).unwrap_or(ordered.len());
    let bar = ordered.split_off(own);
    assert!(
        bar.iter().all(|s| s.rect.top() < bar_bottom),
        "{screen}: the window's buttons come after all of the screen's: {:?} then {:?}",
        labels(&ordered),
        labels(&bar)
    );
    for pair in ordered.windows(2) {
        assert!(
            reads_after(&pair[0], &pair[1]),
            "{screen}: Tab goes from {:?} to {:?}, against reading order; the whole order: {:?}",
            pair[0],
            pair[1],
            labels(&ordered)
        );
    }
    ordered.into_iter().map(|s| s.label).collect()
}

/// A fresh start on a folder where Dana has a profile, in a window tall enough that nothing scrolls
/// (so where each widget is reads off the screen as it is drawn).
fn dana_returns(folder: &TestFolder) -> App {
    let mut first = folder.harness();
    create_profile(&mut first, "Dana");
    drop(first);
    let mut harness = folder.harness();
    harness.set_size(egui::vec2(1000.0, 1600.0));
    harness.run();
    harness
}

fn click(harness: &mut App, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn press(harness: &mut App, key: egui::Key) {
    harness.key_press(key);
    harness.run();
}

fn press_with(harness: &mut App, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

#[test]
fn a_drill_from_briefing_to_summary_is_keyboard_first_on_every_step() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = dana_returns(&folder);
    click(&mut harness, "Minimal call-back");
    assert!(matches!(harness.state().screen(), Screen::Briefing(_)), "{:?}", harness.state().screen());
    let briefing = check_screen(&mut harness, "briefing", "Start practice");
    assert!(briefing.iter().any(|l| l == "Start timed assessment"), "{briefing:?}");
    // Back on the main action, Enter starts the drill.
    while focused_label(&harness) != "Start practice" {
        tab(&mut harness);
    }
    press(&mut harness, egui::Key::Enter);
    assert_eq!(harness.state().screen(), Screen::Drill);
    check_screen(&mut harness, "drill", "Your answer");
    while focused_label(&harness) != "Your answer" {
        tab(&mut harness);
    }
    harness.get_by_label("Your answer").type_text("I'm sorry, that's my fault. I'll call you at 4pm.");
    harness.run();
    press_with(&mut harness, egui::Modifiers::COMMAND, egui::Key::Enter);
    check_screen(&mut harness, "score card", "Next turn (Enter)");
    while focused_label(&harness) != "Next turn (Enter)" {
        tab(&mut harness);
    }
    press(&mut harness, egui::Key::Enter);
    harness.get_by_label("Your answer").type_text("Four o'clock today, I'll call you at 4pm.");
    harness.run();
    press_with(&mut harness, egui::Modifiers::COMMAND, egui::Key::Enter);
    press(&mut harness, egui::Key::Enter);
    harness.get_by_label("Summary: Minimal call-back");
    let main = focused_label(&harness);
    assert!(main == "Try again" || main.starts_with("Next in Today"), "summary focuses its way on, not {main:?}");
    check_screen(&mut harness, "summary", &main);
}

#[test]
fn the_leave_dialog_keeps_tab_inside_and_answers_enter_and_esc() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = dana_returns(&folder);
    click(&mut harness, "Minimal call-back");
    click(&mut harness, "Start practice");
    // Half an answer typed, then Esc: the box lets go of the keyboard and the dialog takes it.
    harness.get_by_label("Your answer").type_text("I'm sorry");
    harness.run();
    press(&mut harness, egui::Key::Escape);
    harness.get_by_label("Leave this drill?");
    let keep = harness.get_by_label("Keep going");
    let leave = harness.get_by_label("Leave");
    assert!(keep.is_focused() && !leave.is_focused(), "Keep going has the keyboard");
    assert_eq!(focused_label(&harness), "Keep going", "the safe choice has the keyboard");
    let cycle = tab_cycle(&mut harness);
    assert_eq!(labels(&cycle), ["Keep going", "Leave"], "Tab stays in the dialog");
    press(&mut harness, egui::Key::Escape);
    assert!(harness.query_by_label("Leave this drill?").is_none(), "Esc keeps going");
    assert_eq!(harness.state().screen(), Screen::Drill);
    press(&mut harness, egui::Key::Escape);
    press(&mut harness, egui::Key::Enter);
    assert!(harness.query_by_label("Leave this drill?").is_none(), "Enter on Keep going keeps going");
    assert!(harness.state().drill().is_some_and(|d| !d.is_asking_to_leave()));
    press(&mut harness, egui::Key::Escape);
    tab(&mut harness);
    assert_eq!(focused_label(&harness), "Leave");
    press(&mut harness, egui::Key::Enter);
    harness.get_by_label("No turn was answered.");
}

#[test]
fn progress_authoring_team_and_the_problems_list_read_in_order() {
    let folder = TestFolder::with_minimal_scenario();
    folder.write("broken.ron", "Scenario(\n  format_version: 1,\n  id: \"broken\"\n  title: \"x\",\n)");
    let mut harness = dana_returns(&folder);
    click(&mut harness, "My progress");
    check_screen(&mut harness, "progress", "Start practice");
    click(&mut harness, "Start practice");
    harness.state_mut().apply(followthrough::ui::app::Command::Shell(followthrough::ui::app::ShellCommand::GoHome));
    harness.run();
    click(&mut harness, "Scenario problems");
    check_screen(&mut harness, "problems", "Back to library");
    click(&mut harness, "Back to library");
    click(&mut harness, "Team");
    check_screen(&mut harness, "team and LRS settings", followthrough::ui::team::THIS_MACHINE);
    click(&mut harness, "Authoring");
    check_screen(&mut harness, "authoring", "Open in editor");
    click(&mut harness, "Try a response to minimal");
    check_screen(&mut harness, "try a response", followthrough::ui::sandbox::SANDBOX_LABEL);
    harness
        .state_mut()
        .apply(followthrough::ui::app::Command::Trainer(followthrough::ui::app::TrainerCommand::ShowAuthoring));
    harness.run();
    click(&mut harness, "Test-play minimal");
    let first = focused_label(&harness);
    assert!(first.starts_with("Play from "), "{first:?}");
    check_screen(&mut harness, "test-play map", &first);
}

#[test]
fn quiz_and_rehearsal_are_keyboard_first() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = dana_returns(&folder);
    click(&mut harness, "Know the play quiz");
    assert_eq!(harness.state().screen(), Screen::Quiz);
    let main = focused_label(&harness);
    check_screen(&mut harness, "quiz question", &main);
    assert_ne!(main, "Back to library", "a question focuses its first option, not the way out");
    press(&mut harness, egui::Key::Escape);
    assert_eq!(harness.state().screen(), Screen::Home, "Esc leaves the quiz");
    click(&mut harness, "Minimal call-back");
    click(&mut harness, "Rehearse the words");
    assert_eq!(harness.state().screen(), Screen::Rehearse);
    check_screen(&mut harness, "rehearsal", followthrough::ui::rehearse::RECITE_LABEL);
}

fn group_phase(harness: &App) -> GroupPhase {
    harness.state().group().expect("a session").phase.clone()
}

#[test]
fn a_coach_session_is_keyboard_first_and_its_end_dialog_keeps_tab_inside() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = dana_returns(&folder);
    click(&mut harness, "Coach a group");
    check_screen(&mut harness, "coach setup", "Dana");
    // Space ticks Dana; then the session can start, and its button is the last of the screen's.
    while focused_label(&harness) != "Dana" {
        tab(&mut harness);
    }
    press(&mut harness, egui::Key::Space);
    let setup = check_screen(&mut harness, "coach setup", "Dana");
    assert_eq!(setup.last().map(String::as_str), Some("Start the session"), "{setup:?}");
    click(&mut harness, "Start the session");
    assert_eq!(harness.state().screen(), Screen::Coach);
    check_screen(&mut harness, "room briefing", followthrough::ui::coach::BEGIN_LABEL);
    click(&mut harness, followthrough::ui::coach::BEGIN_LABEL);
    check_screen(&mut harness, "picking", "Pick who goes next");
    click(&mut harness, "Pick who goes next");
    for _ in 0..200 {
        if matches!(group_phase(&harness), GroupPhase::Answering { .. }) {
            break;
        }
        harness.step();
    }
    harness.run();
    check_screen(&mut harness, "answering", "Score the answer");
    press(&mut harness, egui::Key::Enter);
    check_screen(&mut harness, "coach scoring", followthrough::ui::coach::SAVE_LABEL);
    while focused_label(&harness) != followthrough::ui::coach::SAVE_LABEL {
        tab(&mut harness);
    }
    press(&mut harness, egui::Key::Enter);
    assert_eq!(group_phase(&harness), GroupPhase::Picking, "Enter saved the score");
    // The end dialog: Tab stays in it, Esc keeps going, Enter on its focused button presses that one.
    click(&mut harness, END_LABEL);
    assert_eq!(focused_label(&harness), END_CONFIRM_LABEL);
    let cycle = tab_cycle(&mut harness);
    assert_eq!(labels(&cycle), [END_CONFIRM_LABEL, KEEP_GOING_LABEL], "Tab stays in the dialog");
    press(&mut harness, egui::Key::Escape);
    assert!(harness.query_by_label(END_CONFIRM_LABEL).is_none(), "Esc keeps going");
    assert_eq!(group_phase(&harness), GroupPhase::Picking);
    click(&mut harness, END_LABEL);
    tab(&mut harness);
    assert_eq!(focused_label(&harness), KEEP_GOING_LABEL);
    press(&mut harness, egui::Key::Enter);
    assert_eq!(group_phase(&harness), GroupPhase::Picking, "Enter on \"Keep going\" keeps going, not ends");
    click(&mut harness, END_LABEL);
    press(&mut harness, egui::Key::Enter);
    assert_eq!(group_phase(&harness), GroupPhase::Over);
    check_screen(&mut harness, "coach report", "Export CSV and HTML");
}

#[test]
fn a_new_learner_who_presses_enter_on_their_name_lands_on_start_practice() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    harness.run();
    assert_eq!(focused_label(&harness), followthrough::ui::home::NEW_PROFILE_LABEL);
    harness.get_by_label(followthrough::ui::home::NEW_PROFILE_LABEL).type_text("Dana");
    harness.run();
    press(&mut harness, egui::Key::Enter);
    harness.get_by_label("Practising as Dana");
    assert_eq!(focused_label(&harness), followthrough::ui::home::START_PRACTICE, "today's plan is next");
}
