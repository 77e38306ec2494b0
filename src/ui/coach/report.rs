//! The session's report on screen: scores per participant (no-shows too), the criteria the team
//! missed most, the leaderboard when chosen, the agreement figures, and the export.

use super::super::app::{CoachCommand, Command, ShellCommand};
use super::{PresenterView, Sizes, big_button, strong_text};

/// The export button.
pub const EXPORT_LABEL: &str = "Export CSV and HTML";
/// Said when the session ended with nothing scored.
pub const NOTHING_SCORED: &str = "Nothing was scored in this session, so there is no report to export.";

/// Draw the report of the session just over.
pub fn report_ui(ui: &mut egui::Ui, view: &PresenterView<'_>, sizes: Sizes) -> Option<Command> {
    let mut command = None;
    let report = view.report?;
    ui.label(strong_text(ui, "Session report", sizes.title()).strong());
    ui.label(egui::RichText::new(&report.title).size(sizes.small()));
    ui.add_space(sizes.small());
    let text = |t: String| egui::RichText::new(t).size(sizes.small());
    if report.goes.is_empty() {
        ui.label(strong_text(ui, NOTHING_SCORED, sizes.body()));
    } else {
        // The scenarios' names wrap in their column, so the table is never wider than the window.
        let widest = (ui.available_width() * 0.6).max(120.0);
        let grid = egui::Grid::new("session_report").striped(true).spacing([24.0, 8.0]).max_col_width(widest);
        grid.show(ui, |ui| {
            ui.label(text("Participant".into()).strong());
            ui.label(text("Scenarios".into()).strong());
            ui.label(text("Mean".into()).strong());
            ui.end_row();
            for p in &report.participants {
                ui.label(text(p.name.clone()));
                if let Some(why) = p.no_show {
                    ui.label(text(format!("No score: {}", why.words())).weak());
                    ui.label("");
                } else {
                    let per: Vec<String> =
                        p.per_scenario.iter().map(|(s, m, n)| format!("{s} — {m:.0} over {}", turns(*n))).collect();
                    ui.add(egui::Label::new(text(per.join("; "))).wrap());
                    ui.label(text(format!("{:.0}", p.mean)));
                }
                ui.end_row();
            }
        });
        lists_ui(ui, report, sizes);
    }
    ui.add_space(sizes.small());
    ui.horizontal_wrapped(|ui| {
        let main = if report.goes.is_empty() {
            None
        } else {
            let export = ui.add(big_button(EXPORT_LABEL, sizes.body()));
            if export.clicked() {
                command = Some(Command::Coach(CoachCommand::Export));
            }
            Some(export)
        };
        let back = ui.add(big_button("Back to the library", sizes.small()));
        if back.clicked() {
            command = Some(Command::Shell(ShellCommand::GoHome));
        }
        if view.focus_main {
            main.unwrap_or(back).request_focus();
        }
    });
    if let Some(path) = view.exported {
        ui.label(strong_text(ui, format!("Saved: {path}"), sizes.small()));
    }
    command
}

/// "1 turn", "3 turns".
fn turns(n: usize) -> String {
    crate::core::plural::plural(n, "turn", "turns")
}

fn lists_ui(ui: &mut egui::Ui, report: &crate::core::coach::SessionReport, sizes: Sizes) {
    let text = |t: String| egui::RichText::new(t).size(sizes.small());
    if !report.most_missed.is_empty() {
        ui.add_space(sizes.small());
        ui.label(text("Most often missed by the team".into()).strong());
        for (label, missed, asked) in report.most_missed.iter().take(5) {
            ui.label(text(format!("{label}: missed {missed} of {asked}")));
        }
    }
    if !report.leaderboard.is_empty() {
        ui.add_space(sizes.small());
        ui.label(text("Leaderboard".into()).strong());
        for (i, (name, mean)) in report.leaderboard.iter().enumerate() {
            ui.label(text(format!("{}. {name} {mean:.0}", i + 1)));
        }
    }
    ui.add_space(sizes.small());
    if let Some(a) = report.room_agreement {
        ui.label(text(format!(
            "Room agreement: the room's majority gave the coach's verdict on {:.0}% of criteria",
            a * 100.0
        )));
    }
    if let Some(a) = report.agreement {
        ui.label(text(format!(
            "Engine agreement: the coach kept the engine's verdict on {:.0}% of criteria on typed answers",
            a * 100.0
        )));
    }
    if !report.audit.is_empty() {
        let n = report.audit.len();
        let word = if n == 1 { "change" } else { "changes" };
        ui.label(text(format!("{n} {word} to the engine's verdicts, with reasons, in the HTML report")));
    }
}
