//! Where the window was: its size and position between runs, kept in `window.json` in the data
//! folder, beside the preferences (written atomically, so a crash never leaves half a file). A saved place is
//! made usable before it is used: never smaller than [`MIN_SIZE`], never larger than the screen, and
//! moved back onto the screen when it was left off it (a monitor unplugged since, a damaged file).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::io::atomic_file::write_atomically;
use crate::io::file_error::FileError;

/// The file in the data folder.
pub const WINDOW_FILE: &str = "window.json";

/// The window's size on a first run, in points.
pub const DEFAULT_SIZE: [f32; 2] = [1100.0, 720.0];

/// The smallest usable window, in points (also the window's minimum size).
pub const MIN_SIZE: [f32; 2] = [640.0, 420.0];

/// Without a known screen, a saved position further than this from the origin is not trusted.
const FARTHEST: f32 = 16_384.0;

/// The window's place: its outer top-left corner and inner size, in points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WindowPlace {
    /// Left edge of the window's frame.
    pub x: f32,
    /// Top edge of the window's frame.
    pub y: f32,
    /// Width of the window's content.
    pub width: f32,
    /// Height of the window's content.
    pub height: f32,
    /// Whether it was maximised (the size and position are then those to go back to).
    #[serde(default)]
    pub maximized: bool,
}

/// A place the window can open at: a size, and a position when one is worth keeping.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Usable {
    /// Inner size, at least [`MIN_SIZE`] and at most the screen.
    pub size: [f32; 2],
    /// Outer top-left corner, or None to let the desktop place the window.
    pub position: Option<[f32; 2]>,
    /// Open maximised.
    pub maximized: bool,
}

impl Default for Usable {
    fn default() -> Self {
        Self { size: DEFAULT_SIZE, position: None, maximized: false }
    }
}

/// `value` within `low..=high` (a `high` under `low` gives `low`); not-a-number gives `fallback`.
fn within(value: f32, low: f32, high: f32, fallback: f32) -> f32 {
    if value.is_finite() { value.min(high).max(low) } else { fallback }
}

impl WindowPlace {
    /// This place made usable on a screen of `screen` points (None: not known yet).
    pub fn usable(&self, screen: Option<[f32; 2]>) -> Usable {
        let screen = screen.filter(|[w, h]| w.is_finite() && h.is_finite() && *w >= 1.0 && *h >= 1.0);
        let largest = screen.unwrap_or([FARTHEST, FARTHEST]);
        let size = [
            within(self.width, MIN_SIZE[0], largest[0].max(MIN_SIZE[0]), DEFAULT_SIZE[0]),
            within(self.height, MIN_SIZE[1], largest[1].max(MIN_SIZE[1]), DEFAULT_SIZE[1]),
        ];
        let position = if !(self.x.is_finite() && self.y.is_finite()) {
            None
        } else if let Some([w, h]) = screen {
            // The whole window on the screen where it fits, else its top-left corner at the screen's.
            Some([within(self.x, 0.0, w - size[0], 0.0), within(self.y, 0.0, h - size[1], 0.0)])
        } else {
            let on_some_screen = (0.0..FARTHEST).contains(&self.x) && (0.0..FARTHEST).contains(&self.y);
            on_some_screen.then_some([self.x, self.y])
        };
        Usable { size, position, maximized: self.maximized }
    }
}

/// The window's file in the data folder `dir`.
pub fn window_file(dir: &Path) -> PathBuf {
    dir.join(WINDOW_FILE)
}

/// The place saved in `dir`; None when there is none yet or it cannot be read (then the window
/// opens at its default size; a damaged file is logged and replaced at the next save).
pub fn load(dir: &Path) -> Option<WindowPlace> {
    let path = window_file(dir);
    let text = std::fs::read_to_string(&path).ok()?;
    match serde_json::from_str(&text) {
        Ok(place) => Some(place),
        Err(e) => {
            log::warn!("{} is damaged ({e}); the window opens at its default size", path.display());
            None
        }
    }
}

/// Save `place` in `dir` (created when missing): written to a temporary file beside it, then moved
/// into place.
pub fn save(dir: &Path, place: &WindowPlace) -> Result<(), FileError> {
    let path = window_file(dir);
    std::fs::create_dir_all(dir).map_err(FileError::io("cannot create", dir))?;
    let text = serde_json::to_string_pretty(place).map_err(|e| FileError::Io {
        doing: format!("cannot write {}", path.display()),
        source: std::io::Error::other(e),
    })?;
    write_atomically(&path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(x: f32, y: f32, width: f32, height: f32) -> WindowPlace {
        WindowPlace { x, y, width, height, maximized: false }
    }

    #[test]
    fn a_saved_place_comes_back_as_it_was() {
        let dir = tempfile::tempdir().expect("tempdir");
        let prefs = dir.path().join("data");
        assert_eq!(load(&prefs), None, "a first run has no place");
        let saved = WindowPlace { x: 120.0, y: 80.0, width: 1300.0, height: 850.0, maximized: true };
        save(&prefs, &saved).expect("saved");
        assert_eq!(load(&prefs), Some(saved));
        let moved = place(10.0, 20.0, 900.0, 600.0);
        save(&prefs, &moved).expect("saved again");
        assert_eq!(load(&prefs), Some(moved));
        let files: Vec<_> = std::fs::read_dir(&prefs).expect("folder").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(files, vec![std::ffi::OsString::from(WINDOW_FILE)], "no temporary file left behind");
        let usable = moved.usable(Some([1920.0, 1080.0]));
        assert_eq!(usable, Usable { size: [900.0, 600.0], position: Some([10.0, 20.0]), maximized: false });
    }

    #[test]
    fn a_damaged_file_opens_the_default_window_and_is_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(window_file(dir.path()), "{\"x\": 12, \"wid").expect("damaged");
        assert_eq!(load(dir.path()), None);
        save(dir.path(), &place(1.0, 2.0, 700.0, 500.0)).expect("replaced");
        assert_eq!(load(dir.path()), Some(place(1.0, 2.0, 700.0, 500.0)));
    }

    #[test]
    fn a_tiny_window_opens_at_the_smallest_usable_size() {
        let usable = place(100.0, 100.0, 12.0, 3.0).usable(Some([1920.0, 1080.0]));
        assert_eq!(usable.size, MIN_SIZE);
        assert_eq!(place(0.0, 0.0, -50.0, f32::NAN).usable(None).size, [MIN_SIZE[0], DEFAULT_SIZE[1]]);
    }

    #[test]
    fn a_window_larger_than_the_screen_is_fitted_to_it() {
        let usable = place(0.0, 0.0, 5000.0, 3000.0).usable(Some([1280.0, 800.0]));
        assert_eq!(usable.size, [1280.0, 800.0]);
        assert_eq!(usable.position, Some([0.0, 0.0]));
        // A screen smaller than the smallest window: the smallest window, at the corner.
        let tiny_screen = place(50.0, 50.0, 900.0, 700.0).usable(Some([600.0, 400.0]));
        assert_eq!(tiny_screen.size, MIN_SIZE);
        assert_eq!(tiny_screen.position, Some([0.0, 0.0]));
    }

    #[test]
    fn an_off_screen_window_comes_back_onto_the_screen() {
        let right = place(3000.0, 2000.0, 800.0, 600.0).usable(Some([1920.0, 1080.0]));
        assert_eq!(right.position, Some([1120.0, 480.0]), "its bottom-right corner at the screen's");
        let left = place(-900.0, -40.0, 800.0, 600.0).usable(Some([1920.0, 1080.0]));
        assert_eq!(left.position, Some([0.0, 0.0]));
        // Screen not known yet: a far-away or broken position is left to the desktop.
        assert_eq!(place(-900.0, 10.0, 800.0, 600.0).usable(None).position, None);
        assert_eq!(place(1e9, 10.0, 800.0, 600.0).usable(None).position, None);
        assert_eq!(place(f32::INFINITY, 10.0, 800.0, 600.0).usable(None).position, None);
        assert_eq!(place(2000.0, 10.0, 800.0, 600.0).usable(None).position, Some([2000.0, 10.0]));
    }
}
