//! A turn for the room: the fair picker (who goes next), then the customer's line in large,
//! high-contrast type with a large countdown while the one picked answers.

use crate::core::coach::session::GroupSession;

use super::super::app::{CoachCommand, Command};
use super::{CoachInput, PresenterView, SCORING_TEXT, Sizes, TYPED_LABEL, big_button, saved_ui, strong_text};

/// The picker's button.
pub const PICK_LABEL: &str = "Pick who goes next";
/// The button that takes the answer to scoring.
pub const SCORE_LABEL: &str = "Score the answer";

/// The narrowest room for the clock at the right edge across from the name.
const CLOCK_BESIDE_WIDTH: f32 = 900.0;

/// Which scenario and turn is on, in words (the turn counted along the path taken, never its id).
fn where_ui(ui: &mut egui::Ui, session: &GroupSession, sizes: Sizes) {
    let s = session.current_scenario();
    let text = format!("{} \u{00b7} turn {}", s.title, session.step());
    ui.label(strong_text(ui, text, sizes.body()));
}

/// Waiting to pick: the last score confirmed, the picker (or its spin), who is still to go.
pub fn picking_ui(
    ui: &mut egui::Ui,
    session: &GroupSession,
    view: &PresenterView<'_>,
    sizes: Sizes,
) -> Option<Command> {
    let mut command = None;
    saved_ui(ui, view.saved, sizes);
    where_ui(ui, session, sizes);
    ui.add_space(sizes.body());
    if let Some(name) = view.spinning {
        ui.label(strong_text(ui, name, sizes.clock()).strong());
    } else {
        let pick = ui.add(big_button(PICK_LABEL, sizes.title()));
        if view.focus_main && !view.confirm_end {
            pick.request_focus();
        }
        if pick.clicked() {
            command = Some(Command::Coach(CoachCommand::PickNext));
        }
    }
    ui.add_space(sizes.body());
    let names: Vec<String> = session.picker.remaining_this_round().iter().map(|id| session.name_of(id)).collect();
    let text = if names.is_empty() {
        "Everyone has gone this round".to_string()
    } else {
        format!("Still to go this round: {}", names.join(", "))
    };
    ui.label(strong_text(ui, text, sizes.body()));
    let absent: Vec<String> = session.absent().iter().map(|id| session.name_of(id)).collect();
    if !absent.is_empty() {
        ui.label(egui::RichText::new(format!("Not present: {}", absent.join(", "))).size(sizes.small()).weak());
    }
    command
}

/// Someone is answering: their name, the customer's line, the countdown, the typed-answer box.
pub fn answering_ui(
    ui: &mut egui::Ui,
    session: &GroupSession,
    who: &str,
    view: &PresenterView<'_>,
    input: &mut CoachInput,
    sizes: Sizes,
) -> Option<Command> {
    let mut command = None;
    let s = session.current_scenario();
    let turn = &s.turns[session.turn];
    where_ui(ui, session, sizes);
    let up = strong_text(ui, format!("{}, you're up", session.name_of(who)), sizes.title()).strong();
    if ui.available_width() >= CLOCK_BESIDE_WIDTH {
        // The clock at the right edge, across from the name.
        ui.horizontal(|ui| {
            ui.label(up);
            if let Some(left) = view.seconds_left {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| countdown_ui(ui, left, sizes));
            }
        });
    } else {
        ui.horizontal_wrapped(|ui| {
            ui.label(up);
            if let Some(left) = view.seconds_left {
                countdown_ui(ui, left, sizes);
            }
        });
    }
    ui.add_space(sizes.body() * 0.5);
    ui.label(strong_text(ui, format!("{} says:", s.briefing.customer.name), sizes.body()));
    customer_line_ui(ui, &turn.customer, sizes);
    ui.add_space(sizes.body() * 0.5);
    let label = ui.label(egui::RichText::new(TYPED_LABEL).size(sizes.small()));
    ui.add(
        egui::TextEdit::multiline(&mut input.typed)
            .font(egui::FontId::proportional(sizes.body()))
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.add_space(sizes.small() * 0.5);
    ui.horizontal_wrapped(|ui| {
        if view.scoring {
            ui.spinner();
            ui.label(egui::RichText::new(SCORING_TEXT).size(sizes.body()));
        } else {
            let score = ui.add(big_button(SCORE_LABEL, sizes.body()));
            if view.focus_main && !view.confirm_end {
                score.request_focus();
            }
            if score.clicked() {
                command = Some(Command::Coach(CoachCommand::Answered));
            }
        }
        if ui.add(big_button("Skip for now", sizes.small())).clicked() {
            command = Some(Command::Coach(CoachCommand::Skip));
        }
        if ui.add(big_button("Not present", sizes.small())).clicked() {
            command = Some(Command::Coach(CoachCommand::NotPresent));
        }
    });
    command
}

/// The customer's words, framed, in the largest text after the clock.
pub fn customer_line_ui(ui: &mut egui::Ui, line: &str, sizes: Sizes) {
    let stroke = egui::Stroke::new(2.0, ui.visuals().widgets.noninteractive.fg_stroke.color);
    egui::Frame::new().stroke(stroke).corner_radius(8.0).inner_margin(egui::Margin::same(16)).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(strong_text(ui, format!("\u{201c}{line}\u{201d}"), sizes.line()));
    });
}

/// Seconds left, large; amber in the last ten seconds, the error colour when time is up.
fn countdown_ui(ui: &mut egui::Ui, left: u64, sizes: Sizes) {
    // "54s", not "54 s": a monospaced space at clock size reads as a gap across the room.
    let (text, colour) = match left {
        0 => ("Time is up".to_string(), ui.visuals().error_fg_color),
        1..=10 => (format!("{left}s"), ui.visuals().warn_fg_color),
        _ => (format!("{left}s"), ui.visuals().strong_text_color()),
    };
    let size = if left == 0 { sizes.title() } else { sizes.clock() };
    ui.label(egui::RichText::new(text).size(size).color(colour).monospace().strong())
        .on_hover_text("Time left to answer");
}
