//! Home: the scenario library grouped by behaviour, with priority and job families shown.

use crate::core::catalogue::{CatalogueEntry, catalogue, job_families};
use crate::core::library::Library;
use crate::core::vocab::display_name;

use super::app::Command;
use super::widgets::priority_badge_ui;

/// Draw the library; returns what the user asked for.
pub fn home_ui(ui: &mut egui::Ui, library: &Library, job_family: Option<&str>) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        ui.heading("Scenario library");
        ui.add_space(16.0);
        let label = ui.label("Job family:");
        let selected = job_family.map_or("All job families".to_string(), display_name);
        egui::ComboBox::from_id_salt("job_family_filter")
            .selected_text(selected)
            .show_ui(ui, |ui| {
                if ui.selectable_label(job_family.is_none(), "All job families").clicked() {
                    command = Some(Command::FilterJobFamily(None));
                }
                for family in job_families(&library.scenarios) {
                    if ui.selectable_label(job_family == Some(family.as_str()), display_name(&family)).clicked() {
                        command = Some(Command::FilterJobFamily(Some(family)));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.label("Highest priority first. Pick a scenario to read its briefing.");
    ui.separator();
    let groups = catalogue(&library.scenarios, job_family);
    if groups.is_empty() {
        ui.add_space(24.0);
        ui.label("No scenarios to show. Add .ron files to the scenarios folder, or check the problems list.");
    }
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for group in &groups {
            ui.add_space(8.0);
            ui.label(egui::RichText::new(display_name(&group.behaviour)).heading()).on_hover_text(&group.description);
            ui.label(egui::RichText::new(&group.description).weak());
            for entry in &group.entries {
                if let Some(c) = entry_ui(ui, entry) {
                    command = Some(c);
                }
            }
        }
    });
    command
}

fn entry_ui(ui: &mut egui::Ui, entry: &CatalogueEntry) -> Option<Command> {
    let mut command = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            priority_badge_ui(ui, entry.priority);
            if ui.link(egui::RichText::new(&entry.title).strong().size(16.0)).clicked() {
                command = Some(Command::OpenBriefing(entry.id.clone()));
            }
            ui.label(egui::RichText::new(format!("{} turns · {}", entry.turns, entry.job_families.join(", "))).weak());
        });
        if !entry.summary.is_empty() {
            ui.label(&entry.summary);
        }
    });
    command
}
