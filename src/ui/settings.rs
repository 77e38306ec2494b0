//! Window preferences kept between runs (eframe storage, apart from progress data): text size,
//! light or dark, sound on or off.

use serde::{Deserialize, Serialize};

/// The key the settings are stored under.
pub const STORAGE_KEY: &str = "followthrough-settings";

/// The preferences.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Scale of all text and controls (1.0 = normal).
    pub text_scale: f32,
    /// Dark (true) or light theme.
    pub dark: bool,
    /// Sound off.
    pub muted: bool,
    /// Pure black and white with strong outlines, for projectors in bright rooms.
    pub high_contrast: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self { text_scale: 1.0, dark: true, muted: false, high_contrast: false }
    }
}

/// Text scales offered, smallest to largest (projectors need the big ones).
pub const TEXT_SCALES: [f32; 6] = [0.8, 1.0, 1.25, 1.5, 2.0, 2.5];

impl Settings {
    /// The next larger (`up`) or smaller text scale.
    pub fn step_text_scale(&mut self, up: bool) {
        let i = TEXT_SCALES.iter().position(|s| (*s - self.text_scale).abs() < 0.01).unwrap_or(1);
        let j = if up { (i + 1).min(TEXT_SCALES.len() - 1) } else { i.saturating_sub(1) };
        self.text_scale = TEXT_SCALES[j];
    }

    /// Apply to the egui context: the text scale, and the theme's colours, type scale and spacing.
    pub fn apply(&self, ctx: &egui::Context) {
        ctx.set_zoom_factor(self.text_scale);
        super::theme::apply(ctx, super::theme::Mode::of(self.dark, self.high_contrast));
    }

    /// Draw the look's controls (sound, light or dark); returns true when something changed.
    /// Without a sound device "Sound" is shown off and cannot be ticked (the preference itself is
    /// kept).
    pub fn look_ui(&mut self, ui: &mut egui::Ui, sound_device: bool) -> bool {
        let before = *self;
        let mut sound = !self.muted && sound_device;
        let toggle = ui.add_enabled(sound_device, egui::Checkbox::new(&mut sound, "Sound"));
        if toggle.on_disabled_hover_text("No sound device was found on this computer").changed() {
            self.muted = !sound;
        }
        let theme = if self.dark { "Light theme" } else { "Dark theme" };
        if ui.button(theme).clicked() {
            self.dark = !self.dark;
        }
        *self != before
    }

    /// Draw A- and A+ (always on the top bar); returns true when the text scale changed.
    pub fn text_scale_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let before = self.text_scale;
        if ui.button("A-").on_hover_text("Smaller text").clicked() {
            self.step_text_scale(false);
        }
        if ui.button("A+").on_hover_text("Larger text").clicked() {
            self.step_text_scale(true);
        }
        self.text_scale != before
    }
}

/// The labels of the preferences on the top bar (to measure whether the bar fits on one row).
pub const BAR_CONTROLS: [&str; 4] = ["Sound", "Light theme", "A-", "A+"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_scale_steps_stay_in_range() {
        let mut s = Settings::default();
        for _ in 0..10 {
            s.step_text_scale(true);
        }
        assert_eq!(s.text_scale, 2.5);
        for _ in 0..10 {
            s.step_text_scale(false);
        }
        assert_eq!(s.text_scale, 0.8);
    }

    #[test]
    fn old_or_partial_settings_still_load() {
        let s: Settings = ron::from_str("(dark: false)").expect("partial settings");
        assert_eq!(s, Settings { dark: false, ..Settings::default() });
    }
}
