//! Keyboard first: Home and Progress put the keyboard on their main action, Tab follows reading
//! order (the screen's own controls first, the window's A+ last), and "Start practice" is one Tab
//! away when nothing has the keyboard. Also the messages: status lines expire, and "Sound" is off
//! without a sound device.

mod common;

use common::{TestFolder, create_profile, harness_of};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use followthrough::ui::app::{Command, FollowThroughApp, Screen, ShellCommand, TrainerCommand};
use followthrough::ui::home::START_PRACTICE;
use followthrough::ui::sandbox::SANDBOX_LABEL;
use followthrough::ui::team::THIS_MACHINE;

/// A folder where Dana has a profile; the harness is a fresh start of the app on it.
fn dana_returns(folder: &TestFolder) -> Harness<'static, FollowThroughApp> {
    let mut first = folder.harness();
    create_profile(&mut first, "Dana");
    drop(first);
    let mut harness = folder.harness();
    harness.run();
    harness
}

/// The label of the widget with the keyboard, if any.
fn focused(harness: &Harness<'static, FollowThroughApp>) -> Option<String> {
    harness.query_all_by(|node| node.is_focused()).next().map(|node| node.accesskit_node().label().unwrap_or_default())
}

fn tab(harness: &mut Harness<'static, FollowThroughApp>) -> Option<String> {
    harness.key_press(egui::Key::Tab);
    harness.run();
    focused(harness)
}

fn drop_focus(harness: &mut Harness<'static, FollowThroughApp>) {
    harness.ctx.memory_mut(|m| {
        if let Some(id) = m.focused() {
            m.surrender_focus(id);
        }
    });
    harness.run();
    assert_eq!(focused(harness), None);
}

#[test]
fn home_opens_with_start_practice_focused_and_enter_starts_it() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = dana_returns(&folder);
    assert_eq!(focused(&harness).as_deref(), Some(START_PRACTICE));
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(
        matches!(harness.state().screen(), Screen::Briefing(_) | Screen::Rehearse),
        "{:?}",
        harness.state().screen()
    );
}

#[test]
fn a_new_learner_starts_typing_their_name() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    harness.run();
    assert_eq!(focused(&harness).as_deref(), Some("New profile name"));
}

#[test]
fn tab_reaches_start_practice_first_and_the_text_size_last() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = dana_returns(&folder);
    drop_focus(&mut harness);
    let first = tab(&mut harness);
    assert_eq!(first.as_deref(), Some(START_PRACTICE), "one Tab from nothing");
    let mut order = vec![first.unwrap_or_default()];
    for _ in 0..60 {
        let next = tab(&mut harness).unwrap_or_default();
        if next == order[0] {
            break;
        }
        order.push(next);
    }
    assert_eq!(order.last().map(String::as_str), Some("A+"), "A+ is last, not first: {order:?}");
    let authoring = order.iter().position(|l| l == "Authoring").expect("the top bar is in the cycle");
    let library = order.iter().position(|l| l == "Minimal call-back").expect("the library is in the cycle");
    assert!(library < authoring, "the screen before the window's buttons: {order:?}");
}

#[test]
fn progress_opens_with_its_main_action_focused() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = dana_returns(&folder);
    harness.get_by_label("My progress").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Progress);
    assert_eq!(focused(&harness).as_deref(), Some(START_PRACTICE));
}

#[test]
fn a_status_message_goes_away_and_the_summary_comes_back() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    create_profile(&mut harness, "Dana");
    assert!(harness.state().status().contains("Practising as Dana"), "{}", harness.state().status());
    let now = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(now + 13.0);
    harness.run();
    let status = harness.state().status().to_string();
    assert!(!status.contains("Practising as Dana"), "still there: {status}");
    assert!(status.starts_with("1 scenario ·"), "{status}");
}

#[test]
fn sound_is_off_and_cannot_be_ticked_without_a_sound_device() {
    let (_, warning) = followthrough::io::audio::Audio::open(None);
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = harness_of(folder.app().with_audio_after_first_frame(None));
    harness.run();
    harness.run();
    let sound = harness.get_by_label("Sound");
    let ticked = sound.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True);
    if warning.is_some() {
        assert!(!ticked && sound.accesskit_node().is_disabled(), "no device here: Sound is off and greyed out");
        assert!(harness.state().status().starts_with("No sound device found"), "{}", harness.state().status());
    } else {
        assert!(ticked, "a device here: Sound is on");
    }
}

/// Click `label` and say what has the keyboard on the screen it opens.
fn open(harness: &mut Harness<'static, FollowThroughApp>, label: &str) -> Option<String> {
    harness.get_by_label(label).click();
    harness.run();
    focused(harness)
}

#[test]
fn every_trainer_and_coach_screen_opens_with_its_main_action_focused() {
    let folder = TestFolder::with_minimal_scenario();
    folder.write("broken.ron", "Scenario(\n  format_version: 1,\n  id: \"broken\"\n  title: \"x\",\n)");
    let mut harness = dana_returns(&folder);
    let home = |harness: &mut Harness<'static, FollowThroughApp>| {
        harness.state_mut().apply(Command::Shell(ShellCommand::GoHome));
        harness.run();
    };
    assert_eq!(open(&mut harness, "Scenario problems").as_deref(), Some("Back to library"), "Problems");
    home(&mut harness);
    assert_eq!(open(&mut harness, "Team").as_deref(), Some(THIS_MACHINE), "Team");
    home(&mut harness);
    assert_eq!(open(&mut harness, "Coach a group").as_deref(), Some("Dana"), "coach setup: the first name to tick");
    home(&mut harness);
    assert_eq!(open(&mut harness, "Authoring").as_deref(), Some("Open in editor"), "Authoring");
    let test_play = open(&mut harness, "Test-play minimal").unwrap_or_default();
    assert!(test_play.starts_with("Play from "), "the test-play map focuses its first turn, not {test_play:?}");
    harness.state_mut().apply(Command::Trainer(TrainerCommand::ShowAuthoring));
    harness.run();
    assert_eq!(open(&mut harness, "Try a response to minimal").as_deref(), Some(SANDBOX_LABEL), "try a response");
}
