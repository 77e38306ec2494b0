//! Test-play for trainers: the map of a scenario's turns (which criteria lead where, unreachable
//! turns marked) and a start button on every turn, untimed or against the clock.

use crate::core::authoring::branch_map::TurnNode;
use crate::core::scenario::Scenario;

use super::app::{Command, DrillCommand, TrainerCommand};

/// Draw the map of `scenario`.
pub fn test_play_ui(ui: &mut egui::Ui, scenario: &Scenario, map: &[TurnNode]) -> Option<Command> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Back to authoring").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            command = Some(Command::Trainer(TrainerCommand::ShowAuthoring));
        }
        ui.heading(format!("Test-play: {}", scenario.title));
    });
    ui.label("Start at any turn. Test-plays are not recorded in anyone's progress.");
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for node in map {
            let turn = &scenario.turns[node.index];
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    ui.strong(format!("{}. {}", node.index + 1, node.id));
                    if node.is_final {
                        ui.label(egui::RichText::new("can end here").weak());
                    }
                    if !node.reachable {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            "unreachable: no path from the first turn leads here",
                        );
                    }
                });
                // The buttons on a row of their own, so they wrap rather than leave the window.
                ui.horizontal_wrapped(|ui| {
                    for timed in [false, true] {
                        let text = if timed {
                            format!("Play from {} (timed)", node.id)
                        } else {
                            format!("Play from {}", node.id)
                        };
                        let play = ui.button(text);
                        super::widgets::take_main_focus(ui, &play);
                        if play.clicked() {
                            command = Some(Command::Drill(DrillCommand::PlayFrom {
                                scenario: scenario.id.clone(),
                                turn: node.index,
                                timed,
                            }));
                        }
                    }
                });
                ui.label(egui::RichText::new(format!("Customer: {}", turn.customer)).italics());
                for edge in &node.edges {
                    let target = match edge.to {
                        Some(i) => format!("turn {} ({})", i + 1, edge.to_id),
                        None => format!("`{}` (no such turn)", edge.to_id),
                    };
                    ui.label(format!("    {} -> {target}", edge.when));
                }
                if node.edges.is_empty() {
                    ui.label(if node.is_final { "    the drill ends" } else { "    dead end: no next turn" });
                }
            });
        }
    });
    command
}
