//! The summary at the end of a drill: each turn along the path taken (numbered as played, with the
//! customer's words), its score and time, and what to do next: try again, the next drill in Today,
//! or back (to Authoring after a test-play).

use std::path::PathBuf;

use crate::core::drill::{Drill, Phase};

use super::app::{Command, DrillCommand, ShellCommand, TrainerCommand};
use super::score_card::paragraph_ui;

/// What the summary needs besides the drill.
#[derive(Debug, Clone, Default)]
pub struct SummaryView {
    /// The spoken answers kept.
    pub recordings: Vec<PathBuf>,
    /// The next drill in Today after this one: its scenario id and title.
    pub next_in_today: Option<(String, String)>,
    /// A trainer's test-play (never recorded): the way back is to Authoring.
    pub test_play: bool,
}

/// Label of the button that starts the same drill again.
pub const TRY_AGAIN: &str = "Try again";

/// Label of the way back after a test-play.
pub const BACK_TO_AUTHORING: &str = "Back to authoring";

/// Draw the summary of a finished (or left) drill.
pub fn summary_ui(ui: &mut egui::Ui, drill: &Drill, view: &SummaryView) -> Option<Command> {
    let scenario = drill.scenario();
    // The turns scroll; the recordings and the ways on stay in view below them.
    let body = |ui: &mut egui::Ui| {
        ui.heading(format!("Summary: {}", scenario.title));
        if drill.phase() == &Phase::Abandoned {
            ui.label(egui::RichText::new("You left this drill before its end.").weak());
        }
        let results = drill.results();
        if results.is_empty() {
            ui.label("No turn was answered.");
        }
        if !results.is_empty() {
            let average = results.iter().map(|r| r.card.score).sum::<u32>() / results.len() as u32;
            let turns = if results.len() == 1 { "1 turn".to_string() } else { format!("{} turns", results.len()) };
            let passed = results.iter().filter(|r| r.card.passed).count();
            ui.label(
                egui::RichText::new(format!("Average {average}/100 over {turns}")).size(super::theme::LEAD).strong(),
            );
            ui.label(format!("Passed {passed} of {}", results.len()));
        }
        ui.add_space(6.0);
        for (n, r) in results.iter().enumerate() {
            let verdict = if r.card.passed { "passed" } else { "not yet" };
            let over = if r.over_time { " (time ran out)" } else { "" };
            ui.label(
                egui::RichText::new(format!(
                    "Turn {} · {}/100 · {verdict} · {} s{over}",
                    n + 1,
                    r.card.score,
                    r.time_used_ms.div_ceil(1000)
                ))
                .strong(),
            );
            ui.indent(("summary_turn", n), |ui| {
                paragraph_ui(
                    ui,
                    egui::RichText::new(format!("{} said: {}", scenario.briefing.customer.name, r.customer_line))
                        .italics(),
                );
            });
            ui.add_space(4.0);
        }
    };
    super::theme::scroll_above_actions_ui(ui, "summary", body, |ui| {
        let mut command = recordings_ui(ui, &view.recordings);
        ui.separator();
        if let Some(c) = actions_ui(ui, drill, view) {
            command = Some(c);
        }
        command
    })
}

fn recordings_ui(ui: &mut egui::Ui, recordings: &[PathBuf]) -> Option<Command> {
    let mut command = None;
    if recordings.is_empty() {
        return None;
    }
    ui.strong("Your recordings");
    for path in recordings {
        let name = path.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
        if let Some(c) = super::widgets::recording_row_ui(ui, &name, path) {
            command = Some(c);
        }
    }
    command
}

/// Try again, the next drill in Today and the way back; the keyboard starts on Next in Today
/// after a drill where every turn passed, else on Try again.
fn actions_ui(ui: &mut egui::Ui, drill: &Drill, view: &SummaryView) -> Option<Command> {
    let mut command = None;
    let id = drill.scenario().id.clone();
    let all_passed = !drill.results().is_empty() && drill.results().iter().all(|r| r.card.passed);
    ui.horizontal_wrapped(|ui| {
        let again = ui.button(TRY_AGAIN).on_hover_text("The same drill from the start");
        if again.clicked() {
            command = Some(if view.test_play {
                Command::Trainer(TrainerCommand::ShowTestPlay(id.clone()))
            } else {
                Command::Drill(DrillCommand::Start(id.clone(), drill.mode()))
            });
        }
        let mut main = again;
        if let Some((next_id, title)) = view.next_in_today.as_ref().filter(|_| !view.test_play) {
            let next = ui.button(format!("Next in Today: {title}"));
            if next.clicked() {
                command = Some(Command::Shell(ShellCommand::OpenBriefing(next_id.clone())));
            }
            if all_passed {
                main = next;
            }
        }
        let (back_text, back) = if view.test_play {
            (BACK_TO_AUTHORING, Command::Trainer(TrainerCommand::ShowAuthoring))
        } else {
            ("Back to library", Command::Shell(ShellCommand::GoHome))
        };
        if ui.button(back_text).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            command = Some(back);
        }
        if ui.memory(|m| m.focused().is_none()) {
            main.request_focus();
        }
    });
    command
}
