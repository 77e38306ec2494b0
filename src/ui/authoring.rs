//! Authoring: the trainer's library. Every scenario file with its status and diagnostics, filters,
//! Open in editor / Reveal, Test-play and Try a response; the scenario folders (remembered) and
//! New scenario. Files are watched: a save shows here within a second.

use crate::core::plural::plural;
use std::path::PathBuf;

use crate::core::authoring::{FileFilter, FileRow};
use crate::core::library::{FileStatus, Library};
use crate::core::scenario::vocab::{self, BEHAVIOURS, JOB_FAMILIES, display_name};

use super::app::{Command, LibraryCommand, ShellCommand, TrainerCommand};
use super::widgets::priority_badge_ui;

/// Heading of the authoring screen.
pub const AUTHORING_HEADING: &str = "Scenario files";
/// Label of the folder path box.
pub const FOLDER_LABEL: &str = "Folder path";
/// Label of the new scenario's behaviour picker.
pub const NEW_BEHAVIOUR_LABEL: &str = "its behaviour:";
/// Label of the new scenario id box.
pub const NEW_ID_LABEL: &str = "New scenario id";

/// What the authoring screen shows.
pub struct AuthoringView<'a> {
    /// The library as loaded.
    pub library: &'a Library,
    /// The files passing the filter.
    pub rows: &'a [FileRow],
    /// The filter in force.
    pub filter: &'a FileFilter,
    /// The bundled (or command-line) folder first, then the folders added here.
    pub folders: &'a [PathBuf],
    /// The file whose diagnostics are unfolded.
    pub expanded: Option<&'a str>,
}

/// What the trainer types on the authoring screen.
#[derive(Debug, Clone, Default)]
pub struct AuthoringInput {
    /// A folder path to add.
    pub folder: String,
    /// The id of a new scenario.
    pub new_id: String,
    /// Its behaviour.
    pub new_behaviour: String,
    /// Its job family (empty: none).
    pub new_job_family: String,
}

/// Draw the authoring screen.
pub fn authoring_ui(ui: &mut egui::Ui, view: &AuthoringView<'_>, input: &mut AuthoringInput) -> Option<Command> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Back to library").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            command = Some(Command::Shell(ShellCommand::GoHome));
        }
        ui.heading(AUTHORING_HEADING);
        let s = view.library.summary();
        let summary = [
            plural(view.library.paths.len(), "file", "files"),
            plural(s.errors, "error", "errors"),
            plural(s.warnings, "warning", "warnings"),
        ]
        .join(" · ");
        ui.label(egui::RichText::new(summary).weak());
    });
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.label(
            "Saved changes are checked and reloaded at once. A file with errors keeps its last good version in use.",
        );
        ui.separator();
        folders_ui(ui, view.folders, input, &mut command);
        new_scenario_ui(ui, input, &mut command);
        ui.separator();
        filter_ui(ui, view.filter, &mut command);
        ui.separator();
        if view.rows.is_empty() {
            ui.label("No files match.");
        }
        for row in view.rows {
            file_ui(ui, view, row, &mut command);
        }
    });
    command
}

fn folders_ui(ui: &mut egui::Ui, folders: &[PathBuf], input: &mut AuthoringInput, command: &mut Option<Command>) {
    ui.strong("Scenario folders");
    for (i, folder) in folders.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(folder.display().to_string());
            if i == 0 {
                ui.label(egui::RichText::new("(main)").weak());
            } else if ui.small_button("Remove").clicked() {
                *command = Some(Command::Library(LibraryCommand::RemoveFolder(folder.clone())));
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Add folder...")
            .on_hover_text("Pick a folder, e.g. your team's git checkout of scenarios")
            .clicked()
        {
            *command = Some(Command::Library(LibraryCommand::PickFolder));
        }
        let label = ui.label(FOLDER_LABEL);
        ui.add(egui::TextEdit::singleline(&mut input.folder).desired_width(ui.available_width().clamp(80.0, 260.0)))
            .labelled_by(label.id);
        if ui.add_enabled(!input.folder.trim().is_empty(), egui::Button::new("Add this folder")).clicked() {
            *command = Some(Command::Library(LibraryCommand::AddFolder(PathBuf::from(input.folder.trim()))));
        }
    });
}

fn new_scenario_ui(ui: &mut egui::Ui, input: &mut AuthoringInput, command: &mut Option<Command>) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(NEW_ID_LABEL);
        ui.add(
            egui::TextEdit::singleline(&mut input.new_id)
                .desired_width(ui.available_width().clamp(80.0, 180.0))
                .hint_text("e.g. late-refund-callback"),
        )
        .labelled_by(label.id);
        let b = ui.label(NEW_BEHAVIOUR_LABEL);
        let current =
            if input.new_behaviour.is_empty() { "pick one".to_string() } else { display_name(&input.new_behaviour) };
        egui::ComboBox::from_id_salt("new_behaviour")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for name in vocab::names(BEHAVIOURS) {
                    ui.selectable_value(&mut input.new_behaviour, name.to_string(), display_name(name));
                }
            })
            .response
            .labelled_by(b.id);
        let f = ui.label("its job family:");
        let current =
            if input.new_job_family.is_empty() { "any".to_string() } else { display_name(&input.new_job_family) };
        egui::ComboBox::from_id_salt("new_job_family")
            .selected_text(current)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut input.new_job_family, String::new(), "any");
                for name in vocab::names(JOB_FAMILIES) {
                    ui.selectable_value(&mut input.new_job_family, name.to_string(), display_name(name));
                }
            })
            .response
            .labelled_by(f.id);
        let ready = !input.new_id.trim().is_empty() && !input.new_behaviour.is_empty();
        if ui.add_enabled(ready, egui::Button::new("New scenario")).clicked() {
            *command = Some(Command::Trainer(TrainerCommand::CreateScenario));
        }
    });
}

fn filter_ui(ui: &mut egui::Ui, filter: &FileFilter, command: &mut Option<Command>) {
    ui.horizontal_wrapped(|ui| {
        let mut f = filter.clone();
        let b = ui.label("Behaviour:");
        egui::ComboBox::from_id_salt("files_behaviour")
            .selected_text(f.behaviour.as_deref().map_or("All".to_string(), display_name))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.behaviour, None, "All");
                for name in vocab::names(BEHAVIOURS) {
                    ui.selectable_value(&mut f.behaviour, Some(name.to_string()), display_name(name));
                }
            })
            .response
            .labelled_by(b.id);
        let j = ui.label("Job family:");
        egui::ComboBox::from_id_salt("files_job_family")
            .selected_text(f.job_family.as_deref().map_or("All".to_string(), display_name))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.job_family, None, "All");
                for name in vocab::names(JOB_FAMILIES) {
                    ui.selectable_value(&mut f.job_family, Some(name.to_string()), display_name(name));
                }
            })
            .response
            .labelled_by(j.id);
        let p = ui.label("Priority at least:");
        egui::ComboBox::from_id_salt("files_priority")
            .selected_text(f.min_priority.to_string())
            .show_ui(ui, |ui| {
                for n in [0, 5, 10, 15, 20] {
                    ui.selectable_value(&mut f.min_priority, n, n.to_string());
                }
            })
            .response
            .labelled_by(p.id);
        ui.checkbox(&mut f.problems_only, "Only files with problems");
        if &f != filter {
            *command = Some(Command::Trainer(TrainerCommand::FilterFiles(f)));
        }
    });
}

fn status_text(status: FileStatus) -> String {
    match status {
        FileStatus::Ok => "ok".into(),
        FileStatus::Warnings(n) => plural(n, "warning", "warnings"),
        FileStatus::Errors(n) => plural(n, "error", "errors"),
    }
}

fn file_ui(ui: &mut egui::Ui, view: &AuthoringView<'_>, row: &FileRow, command: &mut Option<Command>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            let text = status_text(row.status);
            let colour = match row.status {
                FileStatus::Ok => super::theme::palette(ui).success,
                FileStatus::Warnings(_) => ui.visuals().warn_fg_color,
                FileStatus::Errors(_) => ui.visuals().error_fg_color,
            };
            // Left-aligned in a column of its own, so "ok" starts where "2 warnings" does.
            let left = egui::Layout::left_to_right(egui::Align::Center);
            ui.allocate_ui_with_layout(egui::vec2(90.0, ui.spacing().interact_size.y), left, |ui| {
                ui.set_min_width(90.0);
                ui.label(egui::RichText::new(&text).color(colour).strong());
            });
            if let Some(s) = &row.scenario {
                priority_badge_ui(ui, s.priority);
                ui.label(egui::RichText::new(&s.title).strong());
            }
            ui.add(egui::Label::new(egui::RichText::new(&row.file).monospace().weak()).wrap());
        });
        ui.horizontal_wrapped(|ui| {
            let path = PathBuf::from(&row.file);
            let open = ui.small_button("Open in editor");
            super::widgets::take_main_focus(ui, &open);
            if open.clicked() {
                *command = Some(Command::Trainer(TrainerCommand::OpenInEditor(path.clone())));
            }
            if ui.small_button("Reveal file").clicked() {
                *command = Some(Command::Trainer(TrainerCommand::RevealFile(path)));
            }
            if let Some(s) = &row.scenario {
                if ui.small_button(format!("Test-play {}", s.id)).clicked() {
                    *command = Some(Command::Trainer(TrainerCommand::ShowTestPlay(s.id.clone())));
                }
                if ui.small_button(format!("Try a response to {}", s.id)).clicked() {
                    *command = Some(Command::Trainer(TrainerCommand::OpenSandbox(s.id.clone())));
                }
            }
            if row.status != FileStatus::Ok {
                let open = view.expanded == Some(row.file.as_str());
                let label = if open { "Hide problems" } else { "Show problems" };
                if ui.small_button(format!("{label} in {}", file_name(&row.file))).clicked() {
                    *command = Some(Command::Trainer(TrainerCommand::ToggleFile(row.file.clone())));
                }
            }
        });
        if view.expanded == Some(row.file.as_str()) {
            let source = view.library.sources.get(&row.file).map(String::as_str);
            for d in view.library.diagnostics.iter().filter(|d| d.file == row.file) {
                let colour = if d.is_error() { ui.visuals().error_fg_color } else { ui.visuals().warn_fg_color };
                ui.label(egui::RichText::new(d.render(source)).monospace().color(colour));
            }
        }
    });
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}
