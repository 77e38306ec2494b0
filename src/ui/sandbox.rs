//! Try-a-response: type an answer for a turn and watch the score card update as you type, with the
//! evidence highlighted; save it as an author test that pins the current result.

use crate::core::authoring::sandbox::Sandbox;

use super::app::{Command, TrainerCommand};
use super::score_card::{criterion_detail_ui, highlighted, over_budget_ui};

/// Label of the response box.
pub const SANDBOX_LABEL: &str = "Try a response";
/// Shown while the response as typed is being scored (off the window's thread).
pub const SANDBOX_SCORING_TEXT: &str = "Scoring...";
/// Label of the test-name box.
pub const TEST_NAME_LABEL: &str = "Author test name";

/// Draw the sandbox; `typed` is the response box, `test_name` the name for a new author test.
pub fn sandbox_ui(ui: &mut egui::Ui, sandbox: &Sandbox, typed: &mut String, test_name: &mut String) -> Option<Command> {
    let mut command = None;
    // All of it scrolls: at a large text size in a small window the heading alone can fill the
    // view, and the response box (which has the keyboard) is scrolled into it on arrival.
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        heading_ui(ui, sandbox, &mut command);
        sandbox_body_ui(ui, sandbox, typed, test_name, &mut command);
    });
    command
}

/// The way back, the scenario's title and the turn being tried.
fn heading_ui(ui: &mut egui::Ui, sandbox: &Sandbox, command: &mut Option<Command>) {
    let s = &sandbox.scenario;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Back to authoring").clicked() {
            *command = Some(Command::Trainer(TrainerCommand::ShowAuthoring));
        }
        ui.heading(format!("Try a response: {}", s.title));
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Turn:");
        egui::ComboBox::from_id_salt("sandbox_turn")
            .selected_text(sandbox.turn_id())
            .show_ui(ui, |ui| {
                for (i, t) in s.turns.iter().enumerate() {
                    if ui.selectable_label(i == sandbox.turn, &t.id).clicked() {
                        *command = Some(Command::Trainer(TrainerCommand::SandboxTurn(i)));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// The customer's line, the response box, the live score card and saving it as a test.
fn sandbox_body_ui(
    ui: &mut egui::Ui,
    sandbox: &Sandbox,
    typed: &mut String,
    test_name: &mut String,
    command: &mut Option<Command>,
) {
    let s = &sandbox.scenario;
    ui.label(egui::RichText::new(format!("Customer: {}", s.turns[sandbox.turn].customer)).italics());
    ui.separator();
    let label = ui.label(SANDBOX_LABEL);
    let response =
        ui.add(egui::TextEdit::multiline(typed).desired_rows(3).desired_width(f32::INFINITY)).labelled_by(label.id);
    super::widgets::take_main_focus(ui, &response);
    ui.separator();
    if sandbox.is_behind() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(SANDBOX_SCORING_TEXT);
        });
    }
    let Some(tried) = sandbox.card() else { return };
    match &tried.card {
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e.to_string());
        }
        Ok(card) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(format!("{}/100", card.score)).size(super::theme::DISPLAY).strong());
                ui.label(if card.passed { "passes" } else { "does not pass" });
                ui.label(egui::RichText::new(format!("pass mark {}", card.pass_mark)).weak());
            });
            over_budget_ui(ui, card);
            ui.label(highlighted(&tried.response, card, &super::theme::palette(ui)));
            ui.add_space(6.0);
            for c in &card.criteria {
                criterion_detail_ui(ui, c);
            }
            ui.separator();
            save_test_ui(ui, sandbox, test_name, command);
        }
    }
}

/// Name the response and save it, with its card, as an author test (once the card is for it).
fn save_test_ui(ui: &mut egui::Ui, sandbox: &Sandbox, test_name: &mut String, command: &mut Option<Command>) {
    ui.horizontal_wrapped(|ui| {
        let name_label = ui.label(TEST_NAME_LABEL);
        ui.add(egui::TextEdit::singleline(test_name).desired_width(ui.available_width().clamp(80.0, 220.0)))
            .labelled_by(name_label.id);
        let ready = !test_name.trim().is_empty() && !sandbox.response.trim().is_empty() && !sandbox.is_behind();
        if ui
            .add_enabled(ready, egui::Button::new("Save as author test"))
            .on_hover_text(
                "Adds this response and its current result to the scenario's tests, keeping the file's comments",
            )
            .clicked()
        {
            *command = Some(Command::Trainer(TrainerCommand::SaveAuthorTest));
        }
    });
}
