//! Home: the scenario library grouped by behaviour, with priority and job families shown.

use crate::core::library::Library;
use crate::core::library::catalogue::{CatalogueEntry, catalogue, job_families};
use crate::core::scenario::vocab::display_name;
use crate::core::staging::{Plan, Reason};
use crate::io::store::Employee;

use super::app::Command;
use super::widgets::priority_badge_ui;

/// Label of the new-profile name box.
pub const NEW_PROFILE_LABEL: &str = "New profile name";

/// Who is practising: pick a profile or create one; their progress is a click away.
pub fn profile_bar_ui(
    ui: &mut egui::Ui,
    employees: &[Employee],
    current: Option<&str>,
    new_name: &mut String,
) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        let label = ui.label("Practising as:");
        let name = employees.iter().find(|e| Some(e.id.as_str()) == current).map(|e| e.name.clone());
        egui::ComboBox::from_id_salt("profile_picker")
            .selected_text(name.clone().unwrap_or_else(|| "nobody yet".into()))
            .show_ui(ui, |ui| {
                for e in employees {
                    if ui.selectable_label(current == Some(e.id.as_str()), &e.name).clicked() {
                        command = Some(Command::PickProfile(e.id.clone()));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if name.is_some() && ui.button("My progress").clicked() {
            command = Some(Command::ShowProgress);
        }
        if ui
            .button("Know the play quiz")
            .on_hover_text("Quick questions on the three plays, specific promises and blame")
            .clicked()
        {
            command = Some(Command::StartQuiz);
        }
        ui.add_space(12.0);
        let name_label = ui.label(NEW_PROFILE_LABEL);
        let field = ui.add(egui::TextEdit::singleline(new_name).desired_width(160.0)).labelled_by(name_label.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Create profile").clicked() || enter {
            command = Some(Command::CreateProfile);
        }
    });
    ui.separator();
    command
}

/// Heading of the day's plan on the home screen.
pub const TODAY_HEADING: &str = "Today";

/// The scheduler's plan for today, each drill with its reason and a button to start it.
pub fn today_ui(ui: &mut egui::Ui, plan: &Plan, library: &Library) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        ui.heading(TODAY_HEADING);
        ui.label(
            egui::RichText::new(format!(
                "{} drill{} · about {:.0} of {:.0} minutes · stage {} of {}",
                plan.today.len(),
                if plan.today.len() == 1 { "" } else { "s" },
                plan.minutes,
                plan.budget_minutes,
                plan.stage_reached,
                plan.stages
            ))
            .weak(),
        );
    });
    if plan.today.is_empty() {
        ui.label("Nothing planned: the library is empty or every scenario waits for a prerequisite.");
    }
    for item in &plan.today {
        let title = library.scenario(&item.id).map_or(item.id.as_str(), |s| s.title.as_str());
        ui.horizontal(|ui| {
            if matches!(item.reason, Reason::RehearseFirst { .. }) && ui.button(format!("Rehearse: {title}")).clicked()
            {
                command = Some(Command::OpenRehearsal(item.id.clone()));
            }
            if ui.button(format!("Start: {title}")).clicked() {
                command = Some(Command::OpenBriefing(item.id.clone()));
            }
            ui.label(format!("{:.0} min · {}", item.minutes, item.reason));
        });
    }
    if !plan.waiting.is_empty() {
        ui.label(
            egui::RichText::new(format!(
                "{} more waiting for time; the lowest priorities wait first.",
                plan.waiting.len()
            ))
            .weak(),
        );
    }
    ui.separator();
    command
}

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
