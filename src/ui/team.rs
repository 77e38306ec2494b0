//! The Team screen for coaches: baseline / latest / best per employee and behaviour, from this
//! machine or from every machine reporting to the organisation's LRS (read on another thread), and
//! below it the "Reporting to your LRS" settings section. Everything shown comes from the core's
//! `TeamReport`.

use crate::core::progress::report::Scores;
use crate::core::progress::team::TeamReport;
use crate::core::scenario::vocab::display_name;

use super::app::{Command, ReportingCommand, ShellCommand, TeamSource};

/// Heading of the screen.
pub const TEAM_HEADING: &str = "Team view";
/// The button showing this machine's attempts.
pub const THIS_MACHINE: &str = "This machine";
/// The button showing every machine's attempts, read from the LRS.
pub const FROM_LRS: &str = "Every machine (from the LRS)";

/// What the screen shows.
pub struct TeamView<'a> {
    /// Where the attempts come from.
    pub source: TeamSource,
    /// The report, once read.
    pub report: Option<&'a TeamReport>,
    /// Still being read from the LRS.
    pub loading: bool,
    /// Why it could not be read.
    pub error: Option<&'a str>,
}

/// Draw the team view (the settings section is drawn below it by the app).
pub fn team_ui(ui: &mut egui::Ui, view: &TeamView<'_>) -> Option<Command> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Back to the library").clicked() {
            command = Some(Command::Shell(ShellCommand::GoHome));
        }
        ui.heading(TEAM_HEADING);
        for (source, text) in [(TeamSource::Store, THIS_MACHINE), (TeamSource::Lrs, FROM_LRS)] {
            let shown = ui.selectable_label(view.source == source, text);
            if view.source == source {
                super::widgets::take_main_focus(ui, &shown);
            }
            if shown.clicked() {
                command = Some(Command::Reporting(ReportingCommand::ShowTeam(source)));
            }
        }
    });
    if view.loading {
        ui.label("Reading the team's attempts from the LRS...");
    } else if let Some(e) = view.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    match view.report {
        Some(report) if !report.members.is_empty() => table_ui(ui, report),
        Some(_) => {
            ui.label("No finished drills yet on the scenarios of this library.");
        }
        None => {}
    }
    command
}

fn score(s: Option<f64>) -> String {
    s.map_or_else(|| "-".into(), |v| format!("{v:.0}"))
}

/// Narrower than this (points), each employee's scores are stacked under their name instead of
/// laid out in six columns (a small window at a large text size).
const STACK_BELOW: f32 = 640.0;

fn table_ui(ui: &mut egui::Ui, report: &TeamReport) {
    let stacked = ui.available_width() < STACK_BELOW;
    // The whole column wide, so the scroll bar sits at its edge, not over the last column.
    let scroll = egui::ScrollArea::vertical().id_salt("team_table").auto_shrink([false, true]);
    scroll.max_height(ui.available_height() * 0.55).show(ui, |ui| {
        if stacked {
            stacked_ui(ui, report);
        } else {
            grid_ui(ui, report);
        }
    });
}

/// Every row of the table: who (empty under the employee's first row), what, and the scores.
fn rows(report: &TeamReport) -> Vec<(&str, String, &Scores)> {
    let mut rows = Vec::new();
    for m in &report.members {
        rows.push((m.name.as_str(), "All behaviours".to_string(), &m.overall));
        rows.extend(m.behaviours.iter().map(|b| ("", display_name(&b.behaviour), &b.scores)));
    }
    rows.extend(report.behaviours.iter().map(|b| ("Whole team", display_name(&b.behaviour), &b.scores)));
    rows
}

fn grid_ui(ui: &mut egui::Ui, report: &TeamReport) {
    egui::Grid::new("team_grid").striped(true).num_columns(6).show(ui, |ui| {
        for h in ["Employee", "Behaviour", "Baseline", "Latest", "Best", "Attempts"] {
            ui.strong(h);
        }
        ui.end_row();
        for (who, what, s) in rows(report) {
            ui.label(who);
            ui.label(what);
            ui.label(score(s.baseline));
            ui.label(score(s.latest));
            ui.label(score(s.best));
            ui.label(s.attempts.to_string());
            ui.end_row();
        }
    });
}

/// The table as a list: the employee's name, then a wrapped line per behaviour.
fn stacked_ui(ui: &mut egui::Ui, report: &TeamReport) {
    for (who, what, s) in rows(report) {
        if !who.is_empty() {
            ui.add_space(super::theme::GAP_SMALL);
            ui.add(egui::Label::new(egui::RichText::new(who).strong()).wrap());
        }
        let line = format!(
            "{what}: baseline {} · latest {} · best {} · {}",
            score(s.baseline),
            score(s.latest),
            score(s.best),
            crate::core::plural::plural(s.attempts, "attempt", "attempts")
        );
        ui.add(egui::Label::new(line).wrap());
    }
}
