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
