//! The home screen and briefing, driven like a user would: find by label, click, read.

mod common;

use common::TestFolder;
use egui_kittest::kittest::Queryable;
use followthrough::ui::app::Screen;

#[test]
fn library_lists_the_scenario_and_opens_its_briefing() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    harness.run();
    harness.get_by_label("Scenario library");
    harness.get_by_label("Follow-up");
    harness.get_by_label("P12");
    // The badge is explained where the list starts, not only when hovered.
    harness.get_by_label(followthrough::ui::home::PRIORITY_EXPLAINED);
    harness.get_by_label("Minimal call-back").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Briefing("minimal".into()));
    harness.get_by_label("Ms Lee");
    harness.get_by_label("Promised: A call back about the refund — Today by 14:00");
    harness.get_by_label("It is 14:30 and you did not call.");
    // The usual path (the escalation comes only after blame), not every turn in the file.
    harness.get_by_label(
        "2 turns; time to answer each: 60 s, 30 s. Depending on your answers, the customer may say more.",
    );
    harness.get_by_label("Back to library").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Home);
}

#[test]
fn escape_leaves_the_briefing() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    harness.run();
    harness.get_by_label("Minimal call-back").click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Home);
}

#[test]
fn a_broken_file_shows_as_a_problem_and_the_rest_still_loads() {
    let folder = TestFolder::with_minimal_scenario();
    folder.write("broken.ron", "Scenario(\n  format_version: 1,\n  id: \"broken\"\n  title: \"x\",\n)");
    let mut harness = folder.harness();
    harness.run();
    harness.get_by_label("Minimal call-back");
    assert!(harness.state().status().contains("1 problem"), "{}", harness.state().status());
    harness.get_by_label("Scenario problems").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Problems);
    harness.get_by_label("Scenario file problems: 1 error, 0 warnings");
    harness.get_by_label_contains("broken.ron:3:15: error: expected a comma");
}

#[test]
fn reload_picks_up_a_new_file() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    harness.run();
    let second = std::fs::read_to_string("tests/fixtures/good/minimal.ron")
        .expect("fixture")
        .replace("\"minimal\"", "\"second\"")
        .replace("Minimal call-back", "Second call-back");
    folder.write("second.ron", &second);
    assert!(harness.query_by_label("Second call-back").is_none());
    harness.get_by_label("Reload scenarios").click();
    harness.run();
    harness.get_by_label("Second call-back");
}

#[test]
fn job_family_filter_hides_other_families() {
    let folder = TestFolder::with_minimal_scenario();
    let other = std::fs::read_to_string("tests/fixtures/good/minimal.ron")
        .expect("fixture")
        .replace("\"minimal\"", "\"branch\"")
        .replace("Minimal call-back", "Branch call-back")
        .replace("contact-centre", "bank-branch");
    folder.write("branch.ron", &other);
    let mut harness = folder.harness();
    harness.run();
    harness.get_by_label("Branch call-back");
    harness.get_by_label("Job family:").click();
    harness.run();
    harness.get_by_label("Contact centre").click();
    harness.run();
    assert!(harness.query_by_label("Branch call-back").is_none());
    harness.get_by_label("Minimal call-back");
}

#[test]
fn create_a_profile_and_find_it_again_after_a_restart() {
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    harness.run();
    harness.get_by_label("New profile name").click();
    harness.run();
    harness.get_by_label("New profile name").type_text("Dana");
    harness.run();
    harness.get_by_label("Create profile").click();
    harness.run();
    assert_eq!(harness.state().current_employee().map(|p| p.name.as_str()), Some("Dana"));
    assert!(harness.state().status().contains("Practising as Dana"), "{}", harness.state().status());
    drop(harness);
    let mut again = folder.harness();
    again.run();
    assert_eq!(again.state().current_employee().map(|p| p.name.as_str()), Some("Dana"));
    again.get_by_label("Create profile").click();
    again.run();
    assert!(again.state().status().contains("type a name"), "{}", again.state().status());
}

#[test]
fn with_no_problems_the_problems_screen_says_so_instead_of_showing_an_empty_page() {
    use followthrough::ui::app::{Command, ShellCommand};
    let folder = TestFolder::with_minimal_scenario();
    let mut harness = folder.harness();
    harness.run();
    harness.state_mut().apply(Command::Shell(ShellCommand::ShowProblems));
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Problems);
    harness.get_by_label("Scenario file problems: 0 errors, 0 warnings");
    harness.get_by_label(followthrough::ui::problems::NO_PROBLEMS);
}
