//! Briefing: what the employee reads before a drill — the customer card, history, promise, situation.

use crate::core::drill::Mode;
use crate::core::scenario::Scenario;
use crate::core::scenario::vocab::display_name;

use super::app::{Command, DrillCommand, RehearsalCommand, ShellCommand};
use super::widgets::{bullet_list_ui, priority_badge_ui};

/// Draw a scenario's briefing; returns what the user asked for.
pub fn briefing_ui(ui: &mut egui::Ui, s: &Scenario) -> Option<Command> {
    let mut command = None;
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        command = Some(Command::Shell(ShellCommand::GoHome));
    }
    // The actions stay in view below the text, whatever the window's height and text size.
    let body = |ui: &mut egui::Ui| {
        if ui.button("Back to library").clicked() {
            command = Some(Command::Shell(ShellCommand::GoHome));
        }
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            priority_badge_ui(ui, s.priority());
            ui.heading(&s.title);
        });
        let behaviours: Vec<String> = s.behaviour.iter().map(|b| display_name(b)).collect();
        let families: Vec<String> = s.job_families.iter().map(|f| display_name(f)).collect();
        ui.label(egui::RichText::new(format!("{} · {}", behaviours.join(", "), families.join(", "))).weak());
        ui.separator();
        customer_card_ui(ui, s);
        ui.add_space(8.0);
        ui.label(egui::RichText::new("The situation").strong());
        ui.label(&s.briefing.situation);
        bullet_list_ui(ui, "What you know", &s.briefing.you_know);
        bullet_list_ui(ui, "What you can do without asking anyone", &s.briefing.you_can);
        if let Some(c) = &s.briefing.colleague {
            bullet_list_ui(ui, "Your colleague for a hand-over", &[format!("{} — {}", c.name, c.about)]);
        }
        ui.add_space(8.0);
        ui.label(turns_text(s));
    };
    let start = super::theme::scroll_above_actions_ui(ui, "briefing", body, |ui| {
        ui.separator();
        actions_ui(ui, s)
    });
    start.or(command)
}

/// Start practice (with the keyboard), the timed assessment, rehearsal.
fn actions_ui(ui: &mut egui::Ui, s: &Scenario) -> Option<Command> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        let start = ui.button(START_PRACTICE).on_hover_text("Pausing allowed");
        if ui.memory(|m| m.focused().is_none()) {
            start.request_focus();
        }
        if start.clicked() {
            command = Some(Command::Drill(DrillCommand::Start(s.id.clone(), Mode::Practice)));
        }
        if ui.button("Start timed assessment").on_hover_text("No pausing; counts as a baseline").clicked() {
            command = Some(Command::Drill(DrillCommand::Start(s.id.clone(), Mode::Assessment)));
        }
        if ui.button("Rehearse the words").on_hover_text("Learn the model answers by heart, step by step").clicked() {
            command = Some(Command::Rehearsal(RehearsalCommand::Open(s.id.clone())));
        }
    });
    command
}

/// Label of the briefing's main action (it has the keyboard when the briefing opens).
pub const START_PRACTICE: &str = "Start practice";

/// How many turns the drill usually takes (the path without branches) and the time for each.
pub fn turns_text(s: &Scenario) -> String {
    let path = s.usual_path();
    let times: Vec<String> = path.iter().map(|&i| format!("{} s", s.turns[i].time_limit)).collect();
    let count = match path.len() {
        1 => "1 turn".to_string(),
        n => format!("{n} turns"),
    };
    let each = if path.len() == 1 { "time to answer" } else { "time to answer each" };
    let more = if s.has_branches() { " Depending on your answers, the customer may say more." } else { "" };
    format!("{count}; {each}: {}.{more}", times.join(", "))
}

fn customer_card_ui(ui: &mut egui::Ui, s: &Scenario) {
    let b = &s.briefing;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(&b.customer.name).size(super::theme::HEADING).strong());
        if !b.customer.about.is_empty() {
            ui.label(&b.customer.about);
        }
        if let Some(p) = &b.promised {
            ui.add_space(4.0);
            ui.label(egui::RichText::new(format!("Promised: {} — {}", p.what, p.when)).strong());
        }
        if !b.history.is_empty() {
            ui.add_space(4.0);
            ui.label(egui::RichText::new("Contact history").strong());
            for h in &b.history {
                history_entry_ui(ui, &h.when, &h.channel, &h.note);
            }
        }
    });
}

/// One CRM line: when and how on the left, the note wrapping in the remaining width.
fn history_entry_ui(ui: &mut egui::Ui, when: &str, channel: &str, note: &str) {
    ui.horizontal_top(|ui| {
        ui.add_sized([120.0, 18.0], egui::Label::new(egui::RichText::new(when).weak()));
        ui.add_sized([90.0, 18.0], egui::Label::new(egui::RichText::new(channel).weak()));
        ui.add(egui::Label::new(note).wrap());
    });
}
