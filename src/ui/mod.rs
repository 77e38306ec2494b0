//! The desktop app: thin egui screens that draw state and emit [`app::Command`]s.

pub mod app;
pub mod authoring;
pub mod briefing;
pub mod chart;
pub mod coach;
pub mod drill;
pub mod home;
pub mod lrs_settings;
pub mod problems;
pub mod progress;
pub mod quiz;
pub mod rehearse;
pub mod sandbox;
pub mod score_card;
pub mod settings;
pub mod summary;
pub mod team;
pub mod test_play;
pub mod theme;
pub mod widgets;

use std::path::PathBuf;

/// The window title (tests and the smoke test find the window by it).
pub const WINDOW_TITLE: &str = "FollowThrough";

/// Open the desktop window on the scenarios in `scenarios_dir`, keeping progress in `data_dir`;
/// returns when the window closes.
pub fn run_native(scenarios_dir: PathBuf, data_dir: PathBuf) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(WINDOW_TITLE)
            .with_inner_size([1100.0, 720.0])
            .with_min_inner_size([640.0, 420.0]),
        persistence_path: Some(crate::io::dirs::ui_settings_dir(&data_dir)),
        ..Default::default()
    };
    eframe::run_native(
        WINDOW_TITLE,
        options,
        Box::new(move |cc| {
            let settings: settings::Settings =
                cc.storage.and_then(|s| eframe::get_value(s, settings::STORAGE_KEY)).unwrap_or_default();
            let sounds = crate::io::scenario_files::assets_dir_for(&scenarios_dir.join("x")).map(|a| a.join("sounds"));
            // The store and the library are read on another thread and the sound device opened
            // after the first frame: the window shows at once.
            let app = app::FollowThroughApp::open_in_background(scenarios_dir, data_dir)
                .with_settings(settings)
                .with_audio_after_first_frame(sounds);
            settings.apply(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
}
