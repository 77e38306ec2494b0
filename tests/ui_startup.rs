//! Start-up off the window's thread: the window draws before the store and the library are read,
//! and shows them once they are.

mod common;

use std::time::Duration;

use common::{TestFolder, harness_of};
use egui_kittest::kittest::Queryable;
use followthrough::ui::app::FollowThroughApp;

#[test]
fn the_library_and_profiles_read_in_the_background_show_once_ready() {
    let folder = TestFolder::with_minimal_scenario();
    // A first run keeps a profile in the store.
    let mut first = folder.harness();
    common::create_profile(&mut first, "Ana");
    drop(first);
    let app = FollowThroughApp::open_in_background(folder.dir.path().to_path_buf(), folder.dir.path().join("data"));
    let mut harness = harness_of(app);
    harness.run();
    assert!(!harness.state().loading());
    harness.get_by_label("Minimal call-back");
    assert_eq!(harness.state().current_employee().map(|e| e.name.as_str()), Some("Ana"));
    assert!(harness.state().status().starts_with("1 scenario ·"), "{}", harness.state().status());
}

#[test]
fn the_first_frame_is_drawn_while_loading() {
    let folder = TestFolder::with_minimal_scenario();
    let mut app = FollowThroughApp::open_in_background(folder.dir.path().to_path_buf(), folder.dir.path().join("data"));
    // Whatever the loading thread has done by now, a frame can be drawn at once.
    let mut harness = egui_kittest::Harness::builder().with_size(egui::vec2(1000.0, 700.0)).build_ui_state(
        |ui, app: &mut FollowThroughApp| app.ui_root(ui),
        {
            app.wait_for_background(Duration::ZERO);
            app
        },
    );
    harness.step();
    harness.get_by_label("FollowThrough");
    harness.state_mut().wait_for_background(Duration::from_secs(30));
    harness.run();
    harness.get_by_label("Minimal call-back");
}

#[test]
fn author_tests_run_after_start_up_and_a_failing_one_is_listed_as_a_problem() {
    let folder = TestFolder::with_minimal_scenario();
    let minimal = std::fs::read_to_string(folder.dir.path().join("minimal.ron")).expect("fixture");
    let broken = minimal
        .replace("id: \"minimal\"", "id: \"pinned\"")
        .replace("title: \"Minimal call-back\"", "title: \"Pinned wrongly\"")
        .replace("met: [\"owns-it\"], not_met: [\"blames\"]", "met: [\"blames\"], not_met: [\"owns-it\"]");
    assert_ne!(broken, minimal);
    folder.write("pinned.ron", &broken);
    let app = FollowThroughApp::open_in_background(folder.dir.path().to_path_buf(), folder.dir.path().join("data"));
    let mut harness = harness_of(app);
    harness.run();
    // Both scenarios load; the one whose test no longer holds is a problem, as `check` says.
    harness.get_by_label("Pinned wrongly");
    let failed: Vec<_> =
        harness.state().library().diagnostics.iter().filter(|d| d.code == "author-test-failed").collect();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert!(failed[0].file.ends_with("pinned.ron") && failed[0].start.is_some(), "located: {:?}", failed[0]);
    assert!(harness.state().status().contains("1 problem in scenario files"), "{}", harness.state().status());
    harness.get_by_label("Scenario problems").click();
    harness.run();
    harness.get_by_label_contains("author test \"strong\" of `pinned` failed");
}
