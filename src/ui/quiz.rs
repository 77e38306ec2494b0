//! "Know the play": one question at a time, the options as buttons, then the right answer and why.

use crate::core::quiz::round::QuizRound;

use super::app::Command;

/// Heading of the quiz screen.
pub const QUIZ_HEADING: &str = "Know the play";

/// Draw the round.
pub fn quiz_ui(ui: &mut egui::Ui, round: &QuizRound) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        if ui.button("Back to library").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            command = Some(Command::GoHome);
        }
        ui.heading(QUIZ_HEADING);
    });
    ui.separator();
    let Some(q) = round.question() else {
        ui.heading(format!("You got {} of {} right.", round.score.correct, round.questions.len()));
        ui.horizontal(|ui| {
            if ui.button("Another round").clicked() {
                command = Some(Command::StartQuiz);
            }
            if ui.button("Back to the library").clicked() {
                command = Some(Command::GoHome);
            }
        });
        return command;
    };
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
    ui.label(egui::RichText::new(&q.prompt).strong().size(20.0));
    ui.add_space(8.0);
    for (i, option) in q.options.iter().enumerate() {
        let marker = match round.chosen {
            Some(_) if i == q.answer => "Right: ",
            Some(c) if c == i => "Your answer: ",
            _ => "",
        };
        let button = egui::Button::new(egui::RichText::new(format!("{marker}{option}")).size(17.0)).wrap();
        // After answering, only the right answer and the one chosen stay lit.
        let response = ui.add_enabled(round.chosen.is_none() || !marker.is_empty(), button);
        if response.clicked() && round.chosen.is_none() {
            command = Some(Command::AnswerQuiz(i));
        }
        ui.add_space(4.0);
    }
    if let Some(chosen) = round.chosen {
        ui.add_space(8.0);
        ui.heading(if chosen == q.answer { "Right." } else { "Not quite." });
        ui.label(&q.explanation);
        if ui.button("Next question (Enter)").clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            command = Some(Command::NextQuestion);
        }
    }
    command
}
