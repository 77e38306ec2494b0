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
