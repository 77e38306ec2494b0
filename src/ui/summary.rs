//! The summary at the end of a drill: each turn's score and time.

use crate::core::drill::Drill;
use crate::core::plural::plural;

use super::app::{Command, ProfileCommand, ShellCommand};

/// Draw the summary of a finished (or abandoned) drill; `recordings` are the spoken answers kept.
pub fn summary_ui(ui: &mut egui::Ui, drill: &Drill, recordings: &[std::path::PathBuf]) -> Option<Command> {
    let mut command = None;
    ui.heading(format!("Summary: {}", drill.scenario().title));
    let results = drill.results();
    if results.is_empty() {
        ui.label("No turn was answered.");
    }
    egui::Grid::new("summary").striped(true).num_columns(4).show(ui, |ui| {
        for header in ["Turn", "Score", "Result", "Time"] {
            ui.label(egui::RichText::new(header).strong());
        }
        ui.end_row();
        for r in results {
            ui.label(&drill.scenario().turns[r.turn].id);
            ui.label(format!("{}/100", r.card.score));
            ui.label(if r.card.passed { "passed" } else { "not yet" });
            let over = if r.over_time { " (time ran out)" } else { "" };
            ui.label(format!("{} s{over}", r.time_used_ms.div_ceil(1000)));
            ui.end_row();
        }
    });
    if !results.is_empty() {
        let average = results.iter().map(|r| r.card.score).sum::<u32>() / results.len() as u32;
        ui.label(format!("Average {average}/100 over {}", plural(results.len(), "turn", "turns")));
    }
    if !recordings.is_empty() {
        ui.add_space(8.0);
        ui.strong("Your recordings");
        for path in recordings {
            ui.horizontal(|ui| {
                ui.label(path.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned()));
                if ui.button("Play").clicked() {
                    command = Some(Command::Shell(ShellCommand::PlayRecording(path.clone())));
                }
                if ui.button("Delete").clicked() {
                    command = Some(Command::Profile(ProfileCommand::DeleteRecording(path.clone())));
                }
            });
        }
    }
    ui.add_space(12.0);
    if ui.button("Back to library").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        command = Some(Command::Shell(ShellCommand::GoHome));
    }
    command
}
