//! The desktop app: thin egui screens that draw state and emit [`app::Command`]s.

pub mod app;
pub mod briefing;
pub mod drill;
pub mod home;
pub mod problems;
pub mod score_card;
pub mod summary;
pub mod widgets;

use std::path::PathBuf;

/// The window title (tests and the smoke test find the window by it).
pub const WINDOW_TITLE: &str = "FollowThrough";

/// Open the desktop window on the scenarios in `scenarios_dir`; returns when the window closes.
pub fn run_native(scenarios_dir: PathBuf) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(WINDOW_TITLE)
            .with_inner_size([1100.0, 720.0])
            .with_min_inner_size([640.0, 420.0]),
        ..Default::default()
    };
    eframe::run_native(
        WINDOW_TITLE,
        options,
        Box::new(move |_cc| Ok(Box::new(app::FollowThroughApp::open(scenarios_dir)))),
    )
}
