//! Script rehearsal: the line faded to the employee's level, a box to recite it from memory, and
//! the word-by-word verdict (missed, changed, extra) with the level it moves to.

use egui::text::LayoutJob;
use egui::{FontId, TextFormat};

use crate::core::rehearsal::session::{RehearsalSession, level_index};
use crate::core::rehearsal::{Level, Recitation, ScriptSource, WordKind};
use crate::core::scenario::ScriptRole;

use super::app::{Command, RehearsalCommand, ShellCommand};

/// Label of the recitation box.
pub const RECITE_LABEL: &str = "Recite it from memory";

/// Draw the session; `typed` is the recitation being typed; `focus` puts the keyboard in its box.
pub fn rehearse_ui(ui: &mut egui::Ui, session: &RehearsalSession, typed: &mut String, focus: bool) -> Option<Command> {
    // In a short window (or at a large text size) it all scrolls.
    let scroll = egui::ScrollArea::vertical().id_salt("rehearse").auto_shrink([false, false]);
    scroll
        .show(ui, |ui| {
            let mut command = None;
            ui.horizontal_wrapped(|ui| {
                if ui.button("Back to library").clicked() {
                    command = Some(Command::Shell(ShellCommand::GoHome));
                }
                ui.heading(format!("Rehearse: {}", session.title));
            });
            ui.label(
                "Read the line, then say it aloud or type it from memory. Clean recitations hide more words next time.",
            );
            ui.separator();
            lines_and_line_ui(ui, session, typed, focus).or(command)
        })
        .inner
}

/// The lines to learn and the one being learned, side by side when there is room.
fn lines_and_line_ui(
    ui: &mut egui::Ui,
    session: &RehearsalSession,
    typed: &mut String,
    focus: bool,
) -> Option<Command> {
    let mut command = None;
    // Beside the line when there is room; above it in a narrow window (or at a large text size).
    if ui.available_width() >= SIDE_BY_SIDE_WIDTH {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(LIST_WIDTH);
                ui.strong("Lines to learn");
                command = scripts_ui(ui, session).or(command.take());
            });
            ui.separator();
            ui.vertical(|ui| command = recite_ui(ui, session, typed, focus).or(command.take()));
        });
    } else {
        ui.horizontal_wrapped(|ui| {
            ui.strong("Lines to learn:");
            command = scripts_ui(ui, session).or(command.take());
        });
        ui.separator();
        command = recite_ui(ui, session, typed, focus).or(command);
    }
    command
}

/// The line at the learner's step, the box to recite it in, then the verdict.
fn recite_ui(ui: &mut egui::Ui, session: &RehearsalSession, typed: &mut String, focus: bool) -> Option<Command> {
    let mut command = None;
    // Until the next try, the line stays as it was recited.
    let level = session.checked.as_ref().map_or(session.level(), |c| c.from);
    ui.label(format!("{} (step {} of 5)", level.label(), level_index(level) + 1));
    ui.label(egui::RichText::new(STEPS_EXPLAINED).weak());
    ui.add_space(6.0);
    match &session.checked {
        None => {
            ui.label(egui::RichText::new(&session.faded.shown).size(super::theme::TITLE));
            ui.add_space(10.0);
            let label = ui.label(RECITE_LABEL);
            let edit = ui.add(
                egui::TextEdit::multiline(typed)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY)
                    .font(egui::TextStyle::Heading),
            );
            let edit = edit.labelled_by(label.id);
            if focus {
                edit.request_focus();
            }
            let send = ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter));
            ui.horizontal_wrapped(|ui| {
                if ui.button("Check (Ctrl+Enter)").clicked() || send {
                    command = Some(Command::Rehearsal(RehearsalCommand::Check));
                }
                if matches!(level, Level::Third | Level::TwoThirds) && ui.button("Hide different words").clicked() {
                    command = Some(Command::Rehearsal(RehearsalCommand::FadeAgain));
                }
            });
        }
        Some(checked) => {
            let r = &checked.recitation;
            let verdict = if r.clean {
                format!("Clean: {:.0}% of the words.", r.accuracy * 100.0)
            } else {
                format!("{:.0}% of the words.", r.accuracy * 100.0)
            };
            ui.heading(verdict);
            ui.label(if checked.to > checked.from {
                format!("Next time: {}.", checked.to.label())
            } else if checked.to < checked.from {
                format!("Back to: {} for now.", checked.to.label())
            } else {
                format!("Staying at: {}.", checked.to.label())
            });
            ui.add_space(6.0);
            // The line once, word by word as recited.
            ui.label(word_by_word(ui, r));
            if !r.clean {
                ui.label(egui::RichText::new(LEGEND).weak());
            }
            ui.add_space(6.0);
            let again = ui.button("Again (Enter)");
            if ui.memory(|m| m.focused().is_none()) {
                again.request_focus();
            }
            if again.clicked() || (!again.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))) {
                command = Some(Command::Rehearsal(RehearsalCommand::FadeAgain));
            }
        }
    }
    command
}

/// The narrowest room in which the list of lines goes beside the line being learned.
const SIDE_BY_SIDE_WIDTH: f32 = 640.0;

/// The width of the list of lines beside the line being learned.
const LIST_WIDTH: f32 = 240.0;

/// The lines to learn, each with its step; a click picks one.
fn scripts_ui(ui: &mut egui::Ui, session: &RehearsalSession) -> Option<Command> {
    let mut command = None;
    for (i, script) in session.scripts.iter().enumerate() {
        let turn = session.turn_number(&script.turn_id);
        let name = format!("{} · {}", source_name(&script.source, turn), session.levels[i].label());
        if ui.selectable_label(i == session.current, name).clicked() {
            command = Some(Command::Rehearsal(RehearsalCommand::SelectScript(i)));
        }
    }
    command
}

/// A script as the learner knows it: the turn's number (not its id) and what the words are.
pub fn source_name(source: &ScriptSource, turn: usize) -> String {
    match source {
        ScriptSource::ModelAnswer => format!("Turn {turn}: model answer"),
        ScriptSource::Line(ScriptRole::Opening) => format!("Turn {turn}: opening"),
        ScriptSource::Line(ScriptRole::BadNews) => format!("Turn {turn}: the bad news"),
        ScriptSource::Line(ScriptRole::Commitment) => format!("Turn {turn}: the commitment"),
        ScriptSource::Line(ScriptRole::Other) => format!("Turn {turn}: line"),
    }
}

/// What the steps are, under "step N of 5".
pub const STEPS_EXPLAINED: &str =
    "Each clean recitation hides more of the line: from the full text (step 1) to saying it from memory (step 5).";

/// How to read the word-by-word verdict.
pub const LEGEND: &str =
    "Highlighted and underlined: words you left out. [said for expected]: words you changed. [+word]: words you added.";

/// The recitation word by word: missed words highlighted and underlined (left out, not "delete
/// this"), changed ones in amber with what was said, extra ones grey.
fn word_by_word(ui: &egui::Ui, r: &Recitation) -> LayoutJob {
    let font = FontId::proportional(super::theme::LEAD);
    let p = super::theme::palette(ui);
    let normal = ui.visuals().text_color();
    let missing_bg = p.highlight;
    let mut job = LayoutJob::default();
    let mut add = |text: String, format: TextFormat| {
        job.append(&text, 0.0, format);
        job.append(" ", 0.0, TextFormat::simple(font.clone(), normal));
    };
    for w in &r.words {
        let expected = w.expected.clone().unwrap_or_default();
        let said = w.said.clone().unwrap_or_default();
        match w.kind {
            WordKind::Same => add(expected, TextFormat::simple(font.clone(), normal)),
            WordKind::Missed => {
                let mut format = TextFormat::simple(font.clone(), normal);
                format.background = missing_bg;
                format.underline = egui::Stroke::new(1.5, normal);
                add(expected, format);
            }
            WordKind::Changed => {
                add(format!("[{said} for {expected}]"), TextFormat::simple(font.clone(), p.warning));
            }
            WordKind::Extra => add(format!("[+{said}]"), TextFormat::simple(font.clone(), p.weak)),
        }
    }
    job
}
