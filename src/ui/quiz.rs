//! "Know the play": one question at a time, the options as buttons, then the right answer and why
//! (coloured, and marked in words too); the round ends with a review of every question.

use crate::core::quiz::round::QuizRound;
use crate::core::quiz::{Question, QuestionKind};
use crate::core::scenario::Play;

use super::app::{Command, QuizCommand, ShellCommand};
use super::theme;

/// Heading of the quiz screen.
pub const QUIZ_HEADING: &str = "Know the play";

/// Marks the right option once answered (a cue in words, besides the green).
pub const RIGHT_MARK: &str = "Right: ";

/// Marks the option chosen when it was wrong (a cue in words, besides the red).
pub const WRONG_MARK: &str = "Your answer: ";

/// Draw the round.
pub fn quiz_ui(ui: &mut egui::Ui, round: &QuizRound) -> Option<Command> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Back to library").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            command = Some(Command::Shell(ShellCommand::GoHome));
        }
        ui.heading(QUIZ_HEADING);
    });
    ui.separator();
    let Some(q) = round.question() else {
        return review_ui(ui, round).or(command);
    };
    // In a short window (or at a large text size) the question and its options scroll.
    let scroll = egui::ScrollArea::vertical().id_salt("quiz_question").auto_shrink([false, false]);
    scroll.show(ui, |ui| question_ui(ui, round, q)).inner.or(command)
}

/// One question: its context, the prompt, the options, and once answered the verdict and why.
fn question_ui(ui: &mut egui::Ui, round: &QuizRound, q: &Question) -> Option<Command> {
    let mut command = None;
    ui.label(
        egui::RichText::new(format!(
            "Question {} of {} · {} right so far · {}",
            round.index + 1,
            round.questions.len(),
            round.score.correct,
            q.kind.label()
        ))
        .weak(),
    );
    ui.add_space(8.0);
    if !q.context.is_empty() {
        ui.label(&q.context);
        ui.add_space(6.0);
    }
    ui.label(egui::RichText::new(&q.prompt).strong().size(theme::HEADING));
    if q.kind == QuestionKind::WhichPlay {
        plays_explained_ui(ui);
    }
    ui.add_space(8.0);
    let p = theme::palette(ui);
    for (i, option) in q.options.iter().enumerate() {
        let (marker, fill) = match round.chosen {
            Some(_) if i == q.answer => (RIGHT_MARK, Some(p.success_fill)),
            Some(c) if c == i => (WRONG_MARK, Some(p.danger_fill)),
            _ => ("", None),
        };
        let mut text = egui::RichText::new(format!("{marker}{option}")).size(theme::LEAD);
        let mut button = egui::Button::new(text.clone()).wrap();
        if let Some(fill) = fill {
            text = text.color(p.on_fill);
            button = egui::Button::new(text).wrap().fill(fill);
        }
        // After answering, only the right answer and the one chosen stay lit.
        let response = ui.add_enabled(round.chosen.is_none() || !marker.is_empty(), button);
        // A new question puts the keyboard on its first option (Tab goes down the rest).
        if i == 0 && round.chosen.is_none() && ui.memory(|m| m.focused().is_none()) {
            response.request_focus();
        }
        if response.clicked() && round.chosen.is_none() {
            command = Some(Command::Quiz(QuizCommand::Answer(i)));
        }
        ui.add_space(4.0);
    }
    if let Some(chosen) = round.chosen {
        ui.add_space(8.0);
        let (verdict, colour) = if chosen == q.answer { ("Right.", p.success) } else { ("Not quite.", p.danger) };
        ui.label(egui::RichText::new(verdict).size(theme::HEADING).strong().color(colour));
        ui.label(&q.explanation);
        let next = ui.button("Next question (Enter)");
        if ui.memory(|m| m.focused().is_none()) {
            next.request_focus();
        }
        if next.clicked() || (!next.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))) {
            command = Some(Command::Quiz(QuizCommand::Next));
        }
    }
    command
}

/// What the three plays mean, under a "which play?" question.
fn plays_explained_ui(ui: &mut egui::Ui) {
    ui.add_space(4.0);
    for play in [Play::DiscoverIt, Play::ImplementIt, Play::ReferIt] {
        ui.label(egui::RichText::new(play.meaning()).weak());
    }
}

/// Heading of the review at the end of a round.
pub const REVIEW_HEADING: &str = "Your answers";

/// The end of the round: the score, then each question with the answer given and the right one.
fn review_ui(ui: &mut egui::Ui, round: &QuizRound) -> Option<Command> {
    let mut command = None;
    ui.heading(format!("You got {} of {} right.", round.score.correct, round.questions.len()));
    ui.horizontal_wrapped(|ui| {
        let again = ui.button("Another round");
        if ui.memory(|m| m.focused().is_none()) {
            again.request_focus();
        }
        if again.clicked() {
            command = Some(Command::Quiz(QuizCommand::Start));
        }
        if ui.button("Back to the library").clicked() {
            command = Some(Command::Shell(ShellCommand::GoHome));
        }
    });
    ui.add_space(8.0);
    ui.strong(REVIEW_HEADING);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for (n, (q, chosen, right)) in round.review().enumerate() {
            review_item_ui(ui, n, q, chosen, right);
        }
    });
    command
}

fn review_item_ui(ui: &mut egui::Ui, n: usize, q: &Question, chosen: usize, right: bool) {
    let p = theme::palette(ui);
    let (mark, colour) = if right { ("right", p.success) } else { ("not quite", p.danger) };
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(format!("{}.", n + 1)).strong());
        ui.label(egui::RichText::new(mark).strong().color(colour));
        ui.label(egui::RichText::new(&q.prompt).strong());
    });
    ui.indent(("quiz_review", n), |ui| {
        let given = q.options.get(chosen).map_or("", String::as_str);
        ui.label(format!("You answered: {given}"));
        if !right {
            ui.label(format!("Right answer: {}", q.options.get(q.answer).map_or("", String::as_str)));
        }
        ui.label(egui::RichText::new(&q.explanation).weak());
    });
    ui.add_space(6.0);
}
