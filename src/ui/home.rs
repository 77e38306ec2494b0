//! Home: the scenario library grouped by behaviour, with priority and job families shown.

use crate::core::library::Library;
use crate::core::library::catalogue::{CatalogueEntry, catalogue, job_families};
use crate::core::plural::plural;
use crate::core::scenario::vocab::display_name;
use crate::core::staging::{Plan, PlanItem, Reason};
use crate::io::store::Employee;

use super::app::{Command, LibraryCommand, ProfileCommand, QuizCommand, RehearsalCommand, ShellCommand};
use super::theme;
use super::widgets::priority_badge_ui;

/// Label of the new-profile name box.
pub const NEW_PROFILE_LABEL: &str = "New profile name";

/// Who is practising: pick a profile or create one; their progress is a click away. With
/// `focus_new` the keyboard starts in the new-profile name box.
pub fn profile_bar_ui(
    ui: &mut egui::Ui,
    employees: &[Employee],
    current: Option<&str>,
    new_name: &mut String,
    focus_new: bool,
) -> Option<Command> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Practising as:");
        let name = employees.iter().find(|e| Some(e.id.as_str()) == current).map(|e| e.name.clone());
        egui::ComboBox::from_id_salt("profile_picker")
            .selected_text(name.clone().unwrap_or_else(|| "nobody yet".into()))
            .show_ui(ui, |ui| {
                for e in employees {
                    if ui.selectable_label(current == Some(e.id.as_str()), &e.name).clicked() {
                        command = Some(Command::Profile(ProfileCommand::Pick(e.id.clone())));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if name.is_some() && ui.button("My progress").clicked() {
            command = Some(Command::Shell(ShellCommand::ShowProgress));
        }
        if ui
            .button("Know the play quiz")
            .on_hover_text("Quick questions on the three plays, specific promises and blame")
            .clicked()
        {
            command = Some(Command::Quiz(QuizCommand::Start));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let name_label = ui.label(NEW_PROFILE_LABEL);
        let width = (ui.available_width() - 8.0).clamp(80.0, 180.0);
        let field = ui.add(egui::TextEdit::singleline(new_name).desired_width(width)).labelled_by(name_label.id);
        if focus_new {
            field.request_focus();
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Create profile").clicked() || enter {
            command = Some(Command::Profile(ProfileCommand::Create));
        }
    });
    ui.separator();
    command
}

/// Heading of the day's plan on the home screen.
pub const TODAY_HEADING: &str = "Today";

/// The main action of the home screen: the first drill of today's plan.
pub const START_PRACTICE: &str = "Start practice";

/// The scheduler's plan for today: "Start practice" (focused when `focus` is set), then each
/// drill with its reason and a button to start it.
pub fn today_ui(ui: &mut egui::Ui, plan: &Plan, library: &Library, focus: bool) -> Option<Command> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        ui.heading(TODAY_HEADING);
        ui.label(
            egui::RichText::new(format!(
                "{} · about {:.0} of {:.0} minutes · stage {} of {}",
                plural(plan.today.len(), "drill", "drills"),
                plan.minutes,
                plan.budget_minutes,
                plan.stage_reached,
                plan.stages
            ))
            .weak(),
        )
        .on_hover_text(STAGES_EXPLAINED);
    });
    match plan.today.first() {
        None => {
            ui.label("Nothing planned: the library is empty or every scenario waits for a prerequisite.");
        }
        Some(first) => {
            let button = egui::Button::new(egui::RichText::new(START_PRACTICE).size(theme::HEADING).strong());
            let start = ui.add(button).on_hover_text("Open the briefing of the first drill on today's plan");
            if focus {
                start.request_focus();
            }
            if start.clicked() {
                command = Some(first_step(first));
            }
        }
    }
    for item in &plan.today {
        let title = library.scenario(&item.id).map_or(item.id.as_str(), |s| s.title.as_str());
        ui.horizontal_wrapped(|ui| {
            if matches!(item.reason, Reason::RehearseFirst { .. })
                && ui.add(egui::Button::new(format!("Rehearse: {title}")).wrap()).clicked()
            {
                command = Some(Command::Rehearsal(RehearsalCommand::Open(item.id.clone())));
            }
            if ui.add(egui::Button::new(format!("Start: {title}")).wrap()).clicked() {
                command = Some(Command::Shell(ShellCommand::OpenBriefing(item.id.clone())));
            }
            ui.label(egui::RichText::new(format!("{:.0} min · {}", item.minutes, item.reason)).weak());
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

/// Where "Start practice" goes for a drill on the plan: rehearsal first when the plan says so.
fn first_step(item: &PlanItem) -> Command {
    match item.reason {
        Reason::RehearseFirst { .. } => Command::Rehearsal(RehearsalCommand::Open(item.id.clone())),
        _ => Command::Shell(ShellCommand::OpenBriefing(item.id.clone())),
    }
}

/// Draw the library; returns what the user asked for.
pub fn home_ui(ui: &mut egui::Ui, library: &Library, job_family: Option<&str>) -> Option<Command> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        ui.heading("Scenario library");
        ui.add_space(theme::GAP_SECTION);
        let label = ui.label("Job family:");
        let selected = job_family.map_or("All job families".to_string(), display_name);
        egui::ComboBox::from_id_salt("job_family_filter")
            .selected_text(selected)
            .show_ui(ui, |ui| {
                if ui.selectable_label(job_family.is_none(), "All job families").clicked() {
                    command = Some(Command::Library(LibraryCommand::FilterJobFamily(None)));
                }
                for family in job_families(&library.scenarios) {
                    if ui.selectable_label(job_family == Some(family.as_str()), display_name(&family)).clicked() {
                        command = Some(Command::Library(LibraryCommand::FilterJobFamily(Some(family))));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.label(PRIORITY_EXPLAINED);
    ui.separator();
    let groups = catalogue(&library.scenarios, job_family);
    if groups.is_empty() {
        ui.add_space(24.0);
        ui.label("No scenarios to show. Add .ron files to the scenarios folder, or check the problems list.");
    }
    for group in &groups {
        ui.add_space(theme::GAP);
        ui.label(egui::RichText::new(display_name(&group.behaviour)).heading()).on_hover_text(&group.description);
        ui.label(egui::RichText::new(&group.description).weak());
        for entry in &group.entries {
            if let Some(c) = entry_ui(ui, entry) {
                command = Some(c);
            }
        }
    }
    command
}

fn entry_ui(ui: &mut egui::Ui, entry: &CatalogueEntry) -> Option<Command> {
    let mut command = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            priority_badge_ui(ui, entry.priority);
            if ui.link(egui::RichText::new(&entry.title).strong().size(theme::BODY + 1.0)).clicked() {
                command = Some(Command::Shell(ShellCommand::OpenBriefing(entry.id.clone())));
            }
            let families = entry.job_families.join(", ");
            ui.label(egui::RichText::new(format!("{} · {families}", plural(entry.turns, "turn", "turns"))).weak());
        });
        if !entry.summary.is_empty() {
            ui.label(&entry.summary);
        }
    });
    command
}

/// What the library's order and its "P" badges mean, under its heading.
pub const PRIORITY_EXPLAINED: &str = "Highest priority first: P1 to P25 is how much it matters times how often it happens. Pick a scenario to read \
     its briefing.";

/// What "stage 1 of 5" means (on hover in Today, and on the Progress screen).
pub const STAGES_EXPLAINED: &str = "Scenarios open in stages, highest priority first: mastering the ones you are \
     learning (enough passed drills in a row, set in the rollout rules) opens the next stage.";
