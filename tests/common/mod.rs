//! The one builder every UI test uses: a temporary scenario folder and the app on top of it.

#![allow(dead_code)]

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use followthrough::ui::app::FollowThroughApp;
use followthrough::ui::home::NEW_PROFILE_LABEL;

/// A temporary scenario folder; deleted when dropped.
pub struct TestFolder {
    /// The folder.
    pub dir: tempfile::TempDir,
}

impl TestFolder {
    /// A folder with the lexicon and the minimal good scenario.
    pub fn with_minimal_scenario() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        copy("tests/fixtures/good/minimal.ron", &dir.path().join("minimal.ron"));
        copy("tests/fixtures/good/lexicon.ron", &dir.path().join("lexicon.ron"));
        std::fs::create_dir_all(dir.path().join("assets/voices")).expect("mkdir");
        copy("tests/fixtures/good/assets/voices/minimal.wav", &dir.path().join("assets/voices/minimal.wav"));
        Self { dir }
    }

    /// Add a file with this text.
    pub fn write(&self, name: &str, text: &str) {
        std::fs::write(self.dir.path().join(name), text).expect("write test file");
    }

    /// The app on this folder, in a kittest harness. Before each frame the harness waits for
    /// answers being scored on the worker thread, as a person would see the card a moment later.
    pub fn harness(&self) -> Harness<'static, FollowThroughApp> {
        harness_of(self.app())
    }

    /// The app on this folder, not yet in a harness.
    pub fn app(&self) -> FollowThroughApp {
        FollowThroughApp::open(self.dir.path().to_path_buf(), self.dir.path().join("data"))
    }
}

/// `app` in a kittest harness that waits for the scoring worker before each frame. A `run` may take
/// a few more frames than kittest's default of 4 to settle: a file the app writes under the test
/// folder (an export) can start a reload, whose author tests each wake the window as they finish.
pub fn harness_of(app: FollowThroughApp) -> Harness<'static, FollowThroughApp> {
    Harness::builder().with_size(egui::vec2(1000.0, 700.0)).with_max_steps(16).build_ui_state(
        |ui, app: &mut FollowThroughApp| {
            app.wait_for_background(std::time::Duration::from_secs(30));
            app.ui_root(ui)
        },
        app,
    )
}

impl TestFolder {}

/// Click the text box labelled `label` and type `text` into it.
pub fn type_into(harness: &mut Harness<'static, FollowThroughApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Create an employee profile named `name` from the home screen (it becomes the one practising).
pub fn create_profile(harness: &mut Harness<'static, FollowThroughApp>, name: &str) {
    harness.run();
    type_into(harness, NEW_PROFILE_LABEL, name);
    harness.get_by_label("Create profile").click();
    harness.run();
}

fn copy(from: &str, to: &Path) {
    std::fs::copy(from, to).expect("copy fixture");
}
