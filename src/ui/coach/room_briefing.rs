//! The scenario's briefing, shown to the room before anyone is picked: who the customer is, what
//! was promised, the situation, what you know and what you can do.

use crate::core::coach::session::GroupSession;

use super::super::app::{CoachCommand, Command};
use super::{PresenterView, Sizes, big_button, saved_ui, strong_text};

/// The button that ends the briefing.
pub const BEGIN_LABEL: &str = "The room has read it: on to the first turn";

/// Draw the briefing in large type, with the one button that moves on.
pub fn room_briefing_ui(
    ui: &mut egui::Ui,
    session: &GroupSession,
    view: &PresenterView<'_>,
    sizes: Sizes,
) -> Option<Command> {
    let s = session.current_scenario();
    let b = &s.briefing;
    saved_ui(ui, view.saved, sizes);
    ui.label(strong_text(ui, &s.title, sizes.title()).strong());
    ui.add_space(sizes.body() * 0.5);
    let customer = if b.customer.about.is_empty() {
        b.customer.name.clone()
    } else {
        format!("{} \u{2014} {}", b.customer.name, b.customer.about)
    };
    ui.label(strong_text(ui, customer, sizes.body()).strong());
    if let Some(p) = &b.promised {
        ui.label(strong_text(ui, format!("Promised: {} \u{2014} {}", p.what, p.when), sizes.body()));
    }
    ui.add_space(sizes.body() * 0.5);
    ui.label(strong_text(ui, &b.situation, sizes.body()));
    list_ui(ui, "What you know", &b.you_know, sizes);
    list_ui(ui, "What you can do without asking anyone", &b.you_can, sizes);
    if let Some(c) = &b.colleague {
        list_ui(ui, "Your colleague for a hand-over", &[format!("{} \u{2014} {}", c.name, c.about)], sizes);
    }
    ui.add_space(sizes.body());
    let begin = ui.add(big_button(BEGIN_LABEL, sizes.body()));
    if view.focus_main && !view.confirm_end {
        begin.request_focus();
    }
    begin.clicked().then_some(Command::Coach(CoachCommand::BeginScenario))
}

fn list_ui(ui: &mut egui::Ui, heading: &str, lines: &[String], sizes: Sizes) {
    if lines.is_empty() {
        return;
    }
    ui.add_space(sizes.body() * 0.4);
    ui.label(strong_text(ui, heading, sizes.body()).strong());
    for line in lines {
        ui.label(strong_text(ui, format!("\u{2022} {line}"), sizes.body()));
    }
}
