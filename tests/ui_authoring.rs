//! Authoring in the window: the file list with statuses and problems, try-a-response saved as an
//! author test without losing the file's comments, test-play from any turn (never recorded), a new
//! scenario from the template, and a saved change reloaded by itself.

mod common;

use std::time::{Duration, Instant};

use common::{TestFolder, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use followthrough::core::drill::Phase;
use followthrough::io::store::AttemptFilter;
use followthrough::ui::app::{FollowThroughApp, Screen};
use followthrough::ui::authoring::{NEW_BEHAVIOUR_LABEL, NEW_ID_LABEL};
use followthrough::ui::sandbox::{SANDBOX_LABEL, SANDBOX_SCORING_TEXT, TEST_NAME_LABEL};

const STRONG: &str = "I'm sorry, that's my fault. I'll call you at 4pm.";

fn authoring(folder: &TestFolder) -> Harness<'static, FollowThroughApp> {
    let mut harness = folder.harness();
    harness.run();
    harness.get_by_label("Authoring").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Authoring);
    harness
}

#[test]
fn every_file_shows_its_status_and_a_broken_one_its_problems() {
    let folder = TestFolder::with_minimal_scenario();
    folder.write("broken.ron", "Scenario(\n    format_version: 1,\n    id: \"broken\",\n");
    let mut harness = authoring(&folder);
    harness.get_by_label("Minimal call-back");
    assert!(harness.query_all_by_label("ok").count() >= 2, "the scenario and the lexicon are ok");
    harness.get_by_label("1 error");
    harness.get_by_label("Show problems in broken.ron").click();
    harness.run();
    harness.get_by_label_contains("broken.ron:");
    harness.get_by_label("Only files with problems").click();
    harness.run();
    assert!(harness.query_by_label("Minimal call-back").is_none());
    harness.get_by_label("1 error");
}

#[test]
fn a_response_tried_in_the_sandbox_becomes_an_author_test_and_the_comments_stay() {
    let folder = TestFolder::with_minimal_scenario();
    let file = folder.dir.path().join("minimal.ron");
    let before = std::fs::read_to_string(&file).expect("read");
    let mut harness = authoring(&folder);
    harness.get_by_label("Try a response to minimal").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Sandbox);
    harness.get_by_label("0/100");
    type_into(&mut harness, SANDBOX_LABEL, "I'm sorry, that's my fault. I'll call you at 4pm.");
    harness.get_by_label("100/100");
    harness.get_by_label("Owns the miss");
    assert!(harness.query_all_by_label("MET").count() >= 2, "owns it, specific time");
    type_into(&mut harness, TEST_NAME_LABEL, "tried in the sandbox");
    harness.get_by_label("Save as author test").click();
    harness.run();

    let after = std::fs::read_to_string(&file).expect("read");
    assert!(after.contains("tried in the sandbox"), "{after}");
    assert!(after.contains("// A small but complete scenario used by the unit tests."));
    let kept = before.lines().filter(|l| after.contains(l.trim_end())).count();
    assert_eq!(kept, before.lines().count(), "every line of the original is still there");
    let app = harness.state();
    assert!(app.status().contains("Saved author test"), "{}", app.status());
    let s = app.library().scenario("minimal").expect("still loads");
    assert!(s.tests.iter().any(|t| t.name == "tried in the sandbox"));
    assert_eq!(app.library().summary().errors, 0, "the new author test passes");
}

/// Out of time from the second criterion on, as a too-slow rubric would be.
struct SecondIsSlow(std::cell::Cell<bool>);
impl followthrough::core::scoring::budget::Budget for SecondIsSlow {
    fn criterion_started(&self, index: usize) {
        self.0.set(index >= 1);
    }
    fn exhausted(&self) -> bool {
        self.0.get()
    }
}

#[test]
fn try_a_response_is_scored_off_the_window_thread_and_says_when_a_rubric_is_too_slow() {
    use followthrough::core::drill::ScoreJob;
    let folder = TestFolder::with_minimal_scenario();
    // A slow rubric: each card is held back until the test lets it go, then runs out of budget.
    let (release, gate) = std::sync::mpsc::channel::<()>();
    let app = folder.app().with_scorer(Box::new(move |job: &ScoreJob| {
        let _ = gate.recv_timeout(Duration::from_secs(30));
        job.run_within(&SecondIsSlow(std::cell::Cell::new(false)))
    }));
    // Frames do not wait for the worker here: they show what the window shows meanwhile.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 700.0))
        .build_ui_state(|ui, app: &mut FollowThroughApp| app.ui_root(ui), app);
    harness.run();
    harness.get_by_label("Authoring").click();
    harness.run();
    harness.get_by_label("Try a response to minimal").click();
    harness.run_steps(2);
    harness.get_by_label(SANDBOX_LABEL).click();
    harness.run_steps(2);
    harness.get_by_label(SANDBOX_LABEL).type_text(STRONG);
    // The window keeps drawing and taking keys while the cards are held back.
    harness.run_steps(8);
    harness.get_by_label(SANDBOX_SCORING_TEXT);
    assert!(harness.query_by_label_contains("/100").is_none(), "no card yet");
    assert_eq!(harness.state().sandbox().expect("sandbox").response, STRONG, "every key was taken");
    // The empty answer's card, then (sent once it is back) the typed one's.
    for _ in 0..2 {
        release.send(()).expect("the scorer is waiting");
        harness.state_mut().wait_for_background(Duration::from_secs(30));
        harness.run_steps(2);
    }
    assert!(harness.query_by_label(SANDBOX_SCORING_TEXT).is_none(), "the card is for the text as typed");
    let tried = harness.state().sandbox().and_then(|s| s.card()).expect("a card");
    assert_eq!(tried.response, STRONG);
    let slow = tried.card.as_ref().expect("scored").over_budget.clone().expect("over its budget");
    assert_eq!(harness.query_all_by_label_contains("Scoring stopped at").count(), 1, "the trainer is told");
    assert!(harness.query_all_by_label_contains(&slow.label).count() >= 1);
}

#[test]
fn test_play_starts_at_any_turn_untimed_and_is_not_recorded() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = authoring(&folder);
    harness.get_by_label("Test-play minimal").click();
    harness.run();
    harness.get_by_label("Test-play: Minimal call-back");
    harness.get_by_label_contains("if `blames` met -> turn 2 (escalation)");
    harness.get_by_label("Play from escalation").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Drill);
    harness.get_by_label("Don't blame head office.");
    let drill = harness.state().drill().expect("drill");
    assert!(matches!(drill.phase(), Phase::Answering { turn: 1, .. }));
    assert_eq!(drill.remaining_ms(u64::MAX), None, "untimed: no clock");
    harness.get_by_label("Your answer").type_text("You're right, it's mine to fix.");
    harness.run();
    harness.get_by_label("Send answer (Ctrl+Enter)").click();
    harness.run();
    harness.get_by_label("Next turn (Enter)").click();
    harness.run();
    harness.get_by_label("Your answer").type_text("Four o'clock today, I'll call you at 4pm.");
    harness.run();
    harness.get_by_label("Send answer (Ctrl+Enter)").click();
    harness.run();
    harness.get_by_label("See the summary (Enter)").click();
    harness.run();
    assert_eq!(harness.state().drill().map(|d| d.phase().clone()), Some(Phase::Finished));
    let store = harness.state().store().expect("store");
    assert_eq!(store.attempts(&AttemptFilter::default()).expect("attempts").len(), 0);
    harness.get_by_label("Back to authoring").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Authoring, "a test-play ends with the way back");
}

#[test]
fn an_untimed_test_play_shows_no_clock_sleeps_when_idle_and_says_what_leaving_keeps() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = authoring(&folder);
    harness.get_by_label("Test-play minimal").click();
    harness.run();
    harness.get_by_label("Play from opening").click();
    harness.run();
    harness.get_by_label(followthrough::ui::drill::UNTIMED_TEXT);
    assert!(harness.query_by_label_contains("0:00").is_none(), "no clock");
    let delay = harness.output().viewport_output.get(&egui::ViewportId::ROOT).map(|v| v.repaint_delay);
    assert!(delay.is_some_and(|d| d >= std::time::Duration::from_secs(30)), "idle: no repaint soon ({delay:?})");
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("This is a test-play: nothing is recorded, and this turn is not scored.");
    assert!(harness.query_by_label_contains("are kept").is_none());
    harness.get_by_label("Leave").click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Authoring, "Esc on the summary goes back to Authoring");
}

#[test]
fn a_new_scenario_is_written_from_the_template_and_loads_clean() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = authoring(&folder);
    type_into(&mut harness, NEW_ID_LABEL, "late-refund-callback");
    harness.get_by_label(NEW_BEHAVIOUR_LABEL).click();
    harness.run();
    harness.get_by_label("Follow-up").click();
    harness.run();
    harness.get_by_label("New scenario").click();
    harness.run();
    let file = folder.dir.path().join("late-refund-callback.ron");
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(text.contains("id: \"late-refund-callback\""));
    let app = harness.state();
    assert!(app.library().scenario("late-refund-callback").is_some(), "{}", app.status());
    assert_eq!(app.library().summary().errors, 0);
    // The same id again is refused: the file is never overwritten.
    drop(harness);
    let mut again = authoring(&folder);
    std::fs::write(&file, "// mine now\n".to_string() + &text).expect("edit");
    type_into(&mut again, NEW_ID_LABEL, "late-refund-callback");
    again.get_by_label(NEW_BEHAVIOUR_LABEL).click();
    again.run();
    again.get_by_label("Follow-up").click();
    again.run();
    again.get_by_label("New scenario").click();
    again.run();
    assert!(again.state().status().contains("already used by"), "{}", again.state().status());
    assert!(std::fs::read_to_string(&file).expect("read").starts_with("// mine now"));
}

#[test]
fn a_saved_change_is_reloaded_and_a_broken_save_keeps_the_last_good_version() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = authoring(&folder);
    let file = folder.dir.path().join("minimal.ron");
    let text = std::fs::read_to_string(&file).expect("read");
    let wait_for = |harness: &mut Harness<'static, FollowThroughApp>, done: &dyn Fn(&FollowThroughApp) -> bool| {
        let start = Instant::now();
        while !done(harness.state()) {
            assert!(start.elapsed() < Duration::from_secs(10), "no reload: {}", harness.state().status());
            std::thread::sleep(Duration::from_millis(50));
            harness.run();
        }
    };
    std::fs::write(&file, text.replace("Minimal call-back", "Minimal call-back, edited")).expect("edit");
    wait_for(&mut harness, &|app| app.library().scenario("minimal").is_some_and(|s| s.title.ends_with("edited")));
    harness.get_by_label("Minimal call-back, edited");

    std::fs::write(&file, text.replace("importance: 4,", "importance: 4")).expect("break");
    wait_for(&mut harness, &|app| app.library().summary().errors > 0);
    let app = harness.state();
    let kept = app.library().scenario("minimal").expect("last good version kept");
    assert!(kept.title.ends_with("edited"));
    assert!(app.library().diagnostics.iter().any(|d| d.code == "using-last-good-version"));
}
