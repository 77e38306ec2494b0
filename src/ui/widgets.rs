//! Small drawing helpers shared by screens.

/// A rounded badge with the scenario's priority (importance x frequency), coloured by how high it is.
pub fn priority_badge_ui(ui: &mut egui::Ui, priority: u32) -> egui::Response {
    let p = super::theme::palette(ui);
    let colour = match priority {
        15.. => p.danger_fill,
        8..15 => p.warning_fill,
        _ => p.info_fill,
    };
    egui::Frame::new()
        .fill(colour)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| ui.label(egui::RichText::new(format!("P{priority}")).color(p.on_fill).strong()))
        .inner
        .on_hover_text("Priority = importance x frequency (1-25)")
}

/// A heading followed by bullet lines, skipped when there are none.
pub fn bullet_list_ui(ui: &mut egui::Ui, heading: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new(heading).strong());
    for line in lines {
        // A wrapped line starts under the first word, not under the bullet.
        ui.horizontal_top(|ui| {
            ui.label("•");
            ui.add(egui::Label::new(line).wrap());
        });
    }
}

fn main_focus_id() -> egui::Id {
    egui::Id::unique("followthrough_main_focus")
}

/// A screen has just opened: the first widget handed to [`take_main_focus`] this frame gets the
/// keyboard (for screens that are not told to focus in their arguments).
pub fn offer_main_focus(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(main_focus_id(), true));
}

/// Withdraw an offer no widget took this frame (so it never lands on a later screen).
pub fn withdraw_main_focus(ctx: &egui::Context) {
    ctx.data_mut(|d| d.remove::<bool>(main_focus_id()));
}

/// Give `response`, the screen's main action, the keyboard if the screen has just opened, and
/// scroll it into view (a large text size in a small window can put it below the fold).
pub fn take_main_focus(ui: &egui::Ui, response: &egui::Response) {
    if ui.data_mut(|d| d.remove_temp::<bool>(main_focus_id())).unwrap_or(false) {
        response.request_focus();
        response.scroll_to_me(None);
    }
}

/// Label of the button that starts deleting a recording (it asks first).
pub const DELETE_RECORDING: &str = "Delete";

/// Label of the button that deletes a recording for good, once asked.
pub const CONFIRM_DELETE: &str = "Yes, delete it";

/// Label of the button that keeps a recording after all.
pub const KEEP_RECORDING: &str = "Keep it";

/// One kept recording, `what` it is, with Play and Delete. A learner's own recording never goes on
/// one click: Delete asks in place, with the keyboard on "Keep it" (Esc keeps it too).
pub fn recording_row_ui(ui: &mut egui::Ui, what: &str, path: &std::path::Path) -> Option<super::app::Command> {
    use super::app::{Command, ProfileCommand, ShellCommand};
    let asking_id = egui::Id::unique(("followthrough_delete_recording", path));
    let asking = ui.data(|d| d.get_temp::<bool>(asking_id)).unwrap_or(false);
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(what);
        if !asking {
            if ui.button("Play").clicked() {
                command = Some(Command::Shell(ShellCommand::PlayRecording(path.to_path_buf())));
            }
            if ui.button(DELETE_RECORDING).clicked() {
                ui.data_mut(|d| d.insert_temp(asking_id, true));
            }
            return;
        }
        ui.strong("Delete this recording for good?");
        let delete = ui.button(CONFIRM_DELETE);
        let keep = ui.button(KEEP_RECORDING);
        if ui.memory(|m| m.focused().is_none()) {
            keep.request_focus();
        }
        if delete.clicked() {
            command = Some(Command::Profile(ProfileCommand::DeleteRecording(path.to_path_buf())));
        }
        if delete.clicked()
            || keep.clicked()
            || ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            ui.data_mut(|d| d.remove_temp::<bool>(asking_id));
        }
    });
    command
}
