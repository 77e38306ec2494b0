//! The window's place as the desktop reports it: noted every frame, saved when eframe saves (every
//! 30 s and when the window closes) if it changed, and brought back onto the screen at the first
//! frame that knows the screen's size, when it opened off it or larger than it.

use std::path::PathBuf;

use crate::io::window_place::{self, WindowPlace};

/// Keeps the window's size and position between runs (`io::window_place`).
#[derive(Debug, Default)]
pub struct WindowKeeper {
    /// The data folder; None: nothing is saved (tests).
    dir: Option<PathBuf>,
    /// The place last seen.
    seen: Option<WindowPlace>,
    /// The place last saved (or read at start).
    saved: Option<WindowPlace>,
    /// The window was checked against the screen.
    checked: bool,
}

impl WindowKeeper {
    /// Keep the place in `dir`, where `saved` was read at start.
    pub fn new(dir: PathBuf, saved: Option<WindowPlace>) -> Self {
        Self { dir: Some(dir), seen: saved, saved, checked: false }
    }

    /// The place last seen.
    pub fn seen(&self) -> Option<WindowPlace> {
        self.seen
    }

    /// Note where the window is; the commands that bring it back to a usable place, the first time
    /// the screen's size is known. Full screen and minimised leave the remembered place alone; a
    /// maximised window keeps the place to go back to.
    pub fn observe(&mut self, info: &egui::ViewportInfo) -> Vec<egui::ViewportCommand> {
        if info.fullscreen == Some(true) || info.minimized == Some(true) {
            return Vec::new();
        }
        if info.maximized == Some(true) {
            if let Some(seen) = &mut self.seen {
                seen.maximized = true;
            }
            return Vec::new();
        }
        let (Some(outer), Some(inner)) = (info.outer_rect, info.inner_rect) else { return Vec::new() };
        let here = WindowPlace {
            x: outer.min.x,
            y: outer.min.y,
            width: inner.width(),
            height: inner.height(),
            maximized: false,
        };
        self.seen = Some(here);
        let Some(screen) = info.monitor_size.filter(|_| !std::mem::replace(&mut self.checked, true)) else {
            return Vec::new();
        };
        let usable = here.usable(Some([screen.x, screen.y]));
        let mut commands = Vec::new();
        if usable.size != [here.width, here.height] {
            commands.push(egui::ViewportCommand::InnerSize(usable.size.into()));
        }
        if let Some(position) = usable.position.filter(|p| *p != [here.x, here.y]) {
            commands.push(egui::ViewportCommand::OuterPosition(position.into()));
        }
        commands
    }

    /// Save the place seen if it changed since the last save (a failure goes to the log: the
    /// window then opens at its default place next time).
    pub fn save(&mut self) {
        let (Some(dir), Some(seen)) = (&self.dir, self.seen) else { return };
        if self.saved == Some(seen) {
            return;
        }
        match window_place::save(dir, &seen) {
            Ok(()) => self.saved = Some(seen),
            Err(e) => log::warn!("the window's place was not kept: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(x: f32, y: f32, width: f32, height: f32, screen: Option<[f32; 2]>) -> egui::ViewportInfo {
        let outer = egui::Rect::from_min_size(egui::pos2(x, y), egui::vec2(width, height + 30.0));
        let inner = egui::Rect::from_min_size(egui::pos2(x, y + 30.0), egui::vec2(width, height));
        egui::ViewportInfo {
            outer_rect: Some(outer),
            inner_rect: Some(inner),
            monitor_size: screen.map(egui::Vec2::from),
            ..Default::default()
        }
    }

    #[test]
    fn the_place_seen_is_saved_once_and_read_back_at_the_next_start() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut keeper = WindowKeeper::new(dir.path().to_path_buf(), window_place::load(dir.path()));
        assert!(keeper.observe(&info(200.0, 100.0, 1000.0, 700.0, Some([1920.0, 1080.0]))).is_empty());
        keeper.save();
        let place = WindowPlace { x: 200.0, y: 100.0, width: 1000.0, height: 700.0, maximized: false };
        assert_eq!(window_place::load(dir.path()), Some(place));
        // Maximised, then closed: the next start opens maximised, with the size to go back to.
        let maximized = egui::ViewportInfo { maximized: Some(true), ..info(0.0, 0.0, 1920.0, 1050.0, None) };
        keeper.observe(&maximized);
        keeper.save();
        let next = WindowKeeper::new(dir.path().to_path_buf(), window_place::load(dir.path()));
        assert_eq!(next.seen(), Some(WindowPlace { maximized: true, ..place }));
    }

    #[test]
    fn a_window_opened_off_screen_or_too_small_is_brought_back_once() {
        let mut keeper = WindowKeeper::default();
        let commands = keeper.observe(&info(2500.0, 1500.0, 300.0, 200.0, Some([1920.0, 1080.0])));
        assert_eq!(
            commands,
            vec![
                egui::ViewportCommand::InnerSize(egui::vec2(640.0, 420.0)),
                egui::ViewportCommand::OuterPosition(egui::pos2(1280.0, 660.0)),
            ]
        );
        assert!(keeper.observe(&info(2500.0, 1500.0, 300.0, 200.0, Some([1920.0, 1080.0]))).is_empty(), "once");
        // Full screen is the app's own switch, not a place to remember.
        let fullscreen = egui::ViewportInfo { fullscreen: Some(true), ..info(0.0, 0.0, 1920.0, 1080.0, None) };
        keeper.observe(&fullscreen);
        assert_eq!(keeper.seen().map(|p| p.width), Some(300.0));
    }
}
