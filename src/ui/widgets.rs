//! Small drawing helpers shared by screens.

/// A rounded badge with the scenario's priority (importance x frequency), coloured by how high it is.
pub fn priority_badge_ui(ui: &mut egui::Ui, priority: u32) -> egui::Response {
    let colour = match priority {
        15.. => egui::Color32::from_rgb(200, 60, 50),
        8..15 => egui::Color32::from_rgb(210, 140, 30),
        _ => egui::Color32::from_rgb(90, 130, 170),
    };
    egui::Frame::new()
        .fill(colour)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| ui.label(egui::RichText::new(format!("P{priority}")).color(egui::Color32::WHITE).strong()))
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
