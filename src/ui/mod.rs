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

use crate::io::window_place;

/// The window title (tests and the smoke test find the window by it).
pub const WINDOW_TITLE: &str = "FollowThrough";

/// The application id: the window's class on X11 and app id on Wayland, matching the installed
/// `followthrough.desktop` (its `StartupWMClass`), so the desktop shows the menu entry's icon.
pub const APP_ID: &str = "followthrough";

/// The application icon (256 px PNG, drawn from `assets/icon/followthrough.svg`), built in.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/followthrough-256.png");

/// The built-in icon did not decode (only a broken build can show this; the window opens without it).
#[derive(Debug, thiserror::Error)]
#[error("the built-in icon is not a PNG this build can read")]
pub struct IconError(#[source] Box<dyn std::error::Error + Send + Sync>);

/// The window's icon, decoded from the built-in PNG.
pub fn icon() -> Result<egui::IconData, IconError> {
    eframe::icon_data::from_png_bytes(ICON_PNG).map_err(|e| IconError(Box::new(e)))
}

/// Open the desktop window on the scenarios in `scenarios_dir`, keeping progress in `data_dir`;
/// returns when the window closes.
pub fn run_native(scenarios_dir: PathBuf, data_dir: PathBuf) -> eframe::Result {
    // eframe keeps the preferences in the file `data_dir/ui`; the window's place sits beside it.
    let saved = window_place::load(&data_dir);
    let place = saved.map(|p| p.usable(None)).unwrap_or_default();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(WINDOW_TITLE)
        .with_app_id(APP_ID)
        .with_inner_size(place.size)
        .with_min_inner_size(window_place::MIN_SIZE)
        .with_maximized(place.maximized);
    if let Some(position) = place.position {
        viewport = viewport.with_position(position);
    }
    match icon() {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(e) => log::warn!("the window has no icon: {e}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        persistence_path: Some(crate::io::dirs::ui_settings_dir(&data_dir)),
        // The window's place is kept by the app itself (atomically, made usable before use).
        persist_window: false,
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
            let app = app::FollowThroughApp::open_in_background(scenarios_dir, data_dir.clone())
                .with_window_place(data_dir, saved)
                .with_settings(settings)
                .with_audio_after_first_frame(sounds);
            settings.apply(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_is_a_256_px_picture_with_a_transparent_corner() {
        let icon = super::icon().expect("the built-in icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        assert_eq!(icon.rgba[3], 0, "the rounded corner is transparent");
        let middle = (128 * 256 + 128) * 4;
        assert_eq!(icon.rgba[middle + 3], 255, "the middle is drawn");
    }
}
