//! Problems: every diagnostic from the scenario files, for trainers, as `check` prints them.

use crate::core::library::Library;
use crate::core::plural::plural;

use super::app::{Command, ShellCommand};

/// Draw the list of scenario file problems; returns what the user asked for.
pub fn problems_ui(ui: &mut egui::Ui, library: &Library) -> Option<Command> {
    let mut command = None;
    let back = ui.button("Back to library");
    super::widgets::take_main_focus(ui, &back);
    if back.clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        command = Some(Command::Shell(ShellCommand::GoHome));
    }
    let s = library.summary();
    ui.heading(format!(
        "Scenario file problems: {}, {}",
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings")
    ));
    ui.label(
        "Files with errors are not loaded; the rest of the library works. Fix the file, then press Reload scenarios.",
    );
    ui.separator();
    if library.diagnostics.is_empty() {
        ui.label(NO_PROBLEMS);
    }
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for d in &library.diagnostics {
            let text = d.render(library.sources.get(&d.file).map(String::as_str));
            let colour = if d.is_error() { ui.visuals().error_fg_color } else { ui.visuals().warn_fg_color };
            ui.label(egui::RichText::new(text).monospace().color(colour));
        }
    });
    command
}

/// What the screen says when every file loaded cleanly (an empty page would look broken).
pub const NO_PROBLEMS: &str = "No problems: every scenario file loaded, and none has a warning.";
