//! Scoring a go: the participant's answer stays on screen, the rubric as big check boxes (the
//! engine's suggestion beside each when the answer was typed), the reason for any override, the
//! room's majority and the save button.

use crate::core::coach::session::GroupSession;
use crate::core::scenario::CriterionKind;

use super::super::app::{CoachCommand, Command};
use super::{CoachInput, PresenterView, Sizes, WHY_LABEL, big_button, strong_text};

/// The button that keeps the score.
pub const SAVE_LABEL: &str = "Save the score";

/// A check box with a box as large as its text.
fn big_checkbox(ui: &mut egui::Ui, on: &mut bool, text: egui::RichText, size: f32) -> egui::Response {
    ui.scope(|ui| {
        let spacing = ui.spacing_mut();
        spacing.icon_width = size;
        spacing.icon_width_inner = size * 0.6;
        spacing.icon_spacing = size * 0.4;
        spacing.interact_size.y = size;
        ui.checkbox(on, text)
    })
    .inner
}

/// Draw the coach's scoring of `who`'s answer.
pub fn scoring_ui(
    ui: &mut egui::Ui,
    session: &GroupSession,
    who: &str,
    view: &PresenterView<'_>,
    input: &mut CoachInput,
    sizes: Sizes,
) -> Option<Command> {
    answer_ui(ui, session, who, sizes);
    let tick = rubric_ui(ui, session, sizes);
    let changes = session.changes();
    if !changes.is_empty() {
        let label = ui.label(egui::RichText::new(WHY_LABEL).size(sizes.small()));
        ui.add(
            egui::TextEdit::singleline(&mut input.why)
                .font(egui::FontId::proportional(sizes.small()))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    }
    if let Some(a) = session.agreement() {
        ui.label(
            egui::RichText::new(format!("Coach and engine agree on {:.0}% of the criteria", a * 100.0))
                .size(sizes.small()),
        );
    }
    if session.plan.peer_scoring {
        room_ui(ui, session, input, sizes);
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(egui::RichText::new("Note").size(sizes.small()));
        ui.add(
            egui::TextEdit::singleline(&mut input.note)
                .font(egui::FontId::proportional(sizes.small()))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    ui.add_space(sizes.small() * 0.5);
    let ready = changes.is_empty() || !input.why.trim().is_empty();
    let save = ui.add_enabled(ready, big_button(SAVE_LABEL, sizes.body()));
    if !ready {
        ui.label(egui::RichText::new("Say why you changed the engine's verdict to save.").size(sizes.small()));
    }
    if view.focus_main && !view.confirm_end {
        save.request_focus();
    }
    if save.clicked() {
        return Some(Command::Coach(CoachCommand::SaveScore));
    }
    tick
}

/// The heading with the score so far, what the customer said and what `who` answered.
fn answer_ui(ui: &mut egui::Ui, session: &GroupSession, who: &str, sizes: Sizes) {
    let s = session.current_scenario();
    let turn = &s.turns[session.turn];
    let card = session.card();
    let name = session.name_of(who);
    ui.label(strong_text(ui, format!("Scoring {name}: {}/100", card.score), sizes.title()).strong());
    let said = format!("{} said: \u{201c}{}\u{201d}", s.briefing.customer.name, turn.customer);
    // The room sees what is being scored: the customer's line at the size they read it before.
    ui.label(strong_text(ui, said, sizes.body()));
    ui.add_space(sizes.small() * 0.5);
    let answer = if session.typed.is_empty() {
        format!("{name} answered aloud.")
    } else {
        format!("{name}: \u{201c}{}\u{201d}", session.typed)
    };
    ui.label(strong_text(ui, answer, sizes.body()));
    if session.engine.is_some() {
        ui.label(
            egui::RichText::new("Scored by the engine first; tick or untick to override, and give the reason.")
                .size(sizes.small()),
        );
    }
    ui.add_space(sizes.small() * 0.5);
}

/// One big check box per criterion (the engine's verdict beside it); the tick made this frame.
fn rubric_ui(ui: &mut egui::Ui, session: &GroupSession, sizes: Sizes) -> Option<Command> {
    let turn = &session.current_scenario().turns[session.turn];
    let mut command = None;
    for (i, c) in turn.rubric.iter().enumerate() {
        let mut on = session.ticks.get(i).copied().unwrap_or(false);
        let kind = if c.kind == CriterionKind::Forbidden { "Must not" } else { "Does" };
        let suggestion = session
            .engine
            .as_ref()
            .and_then(|e| e.criteria.get(i))
            .map(|e| format!("  (engine: {})", if e.met { "yes" } else { "no" }));
        let text = strong_text(ui, format!("{kind}: {}{}", c.label, suggestion.unwrap_or_default()), sizes.body());
        if big_checkbox(ui, &mut on, text, sizes.body()).changed() {
            command = Some(Command::Coach(CoachCommand::Tick { criterion: i, met: on }));
        }
        // Rows apart, so a tick from across the room is not on the wrong line.
        ui.add_space(sizes.small() * 0.5);
    }
    command
}

/// The room's majority per criterion, and how far it agrees with the coach.
fn room_ui(ui: &mut egui::Ui, session: &GroupSession, input: &mut CoachInput, sizes: Sizes) {
    let turn = &session.current_scenario().turns[session.turn];
    ui.add_space(sizes.small() * 0.5);
    ui.label(egui::RichText::new("The room's majority").size(sizes.small()).strong());
    input.room.resize(turn.rubric.len(), false);
    for (i, c) in turn.rubric.iter().enumerate() {
        big_checkbox(
            ui,
            &mut input.room[i],
            egui::RichText::new(format!("room: {}", c.label)).size(sizes.small()),
            sizes.small(),
        );
    }
    let same = input.room.iter().zip(&session.ticks).filter(|(a, b)| a == b).count();
    ui.label(
        egui::RichText::new(format!("Coach and room agree on {same} of {} criteria", turn.rubric.len()))
            .size(sizes.small()),
    );
}
