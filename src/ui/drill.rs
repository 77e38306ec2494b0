//! The drill screen: the customer's words, the countdown, and the answer box.

#![allow(clippy::too_many_lines)] // until the app-state split (#13)

use crate::core::drill::{Drill, Mode, Phase, WARNING_SECONDS};

use super::app::Command;

/// Label of the answer box (tests and screen readers find it by this).
pub const ANSWER_LABEL: &str = "Your answer";

/// What the drill screen needs besides the drill and the draft.
#[derive(Debug, Clone, Default)]
pub struct DrillView {
    /// The app's clock, in ms.
    pub now_ms: u64,
    /// The "leave this drill?" question is open.
    pub confirm_abandon: bool,
    /// Put the keyboard in the answer box (at the start of a turn).
    pub focus_answer: bool,
    /// The spoken answer is being recorded.
    pub recording: bool,
    /// Why "Say it aloud" cannot record here (None: a microphone is there).
    pub mic_problem: Option<String>,
}

/// Label of the button that records a spoken answer.
pub const SAY_IT_ALOUD: &str = "Say it aloud (record)";

/// Draw a running turn; `draft` is the answer being typed. Returns what the user asked for.
pub fn drill_ui(ui: &mut egui::Ui, drill: &Drill, draft: &mut String, view: DrillView) -> Option<Command> {
    let DrillView { now_ms, confirm_abandon, focus_answer, recording, mic_problem } = view;
    let mut command = None;
    let (turn, paused) = match drill.phase() {
        Phase::Answering { turn, .. } => (*turn, false),
        Phase::Paused { turn, .. } => (*turn, true),
        _ => return None,
    };
    let scenario = drill.scenario();
    let remaining = drill.remaining_ms(now_ms).unwrap_or(0);
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(&scenario.title).weak());
        ui.label(egui::RichText::new(format!("Turn {} · {}", turn + 1, mode_name(drill.mode()))).weak());
    });
    ui.add_space(8.0);
    countdown_ui(ui, remaining, u64::from(scenario.turns[turn].time_limit) * 1000, paused);
    ui.add_space(8.0);
    ui.label(egui::RichText::new(format!("{} says:", scenario.briefing.customer.name)).strong());
    ui.label(egui::RichText::new(drill.customer_line()).size(22.0));
    ui.add_space(12.0);
    let label = ui.label(ANSWER_LABEL);
    let edit = egui::TextEdit::multiline(draft)
        .desired_rows(6)
        .desired_width(f32::INFINITY)
        .hint_text("Say it as you would to the customer. Ctrl+Enter sends it.")
        .interactive(!paused);
    let response = ui.add(edit).labelled_by(label.id);
    if focus_answer && !paused && !confirm_abandon {
        response.request_focus();
    }
    ui.horizontal(|ui| {
        if recording {
            ui.colored_label(
                egui::Color32::from_rgb(200, 50, 40),
                "Recording your spoken answer: it stops when you send",
            );
        } else {
            let button = ui.add_enabled(mic_problem.is_none() && !paused, egui::Button::new(SAY_IT_ALOUD));
            match &mic_problem {
                Some(reason) => {
                    button.on_disabled_hover_text(reason.as_str());
                    ui.label(egui::RichText::new(format!("No microphone: {reason}")).weak());
                }
                None => {
                    if button.on_hover_text("Speak your answer; play it back and score it yourself").clicked() {
                        command = Some(Command::StartRecording);
                    }
                }
            }
        }
    });
    ui.horizontal(|ui| {
        if ui.button("Send answer (Ctrl+Enter)").clicked() {
            command = Some(Command::Submit);
        }
        if drill.mode() == Mode::Practice {
            let (text, c) = if paused { ("Resume", Command::Resume) } else { ("Pause", Command::Pause) };
            if ui.button(text).clicked() {
                command = Some(c);
            }
        }
        if scenario.turns[turn].voice.is_some() && ui.button("Replay the customer").clicked() {
            command = Some(Command::ReplayVoice);
        }
        if ui.button("Leave drill (Esc)").clicked() {
            command = Some(Command::AskAbandon);
        }
    });
    if confirm_abandon {
        return abandon_dialog_ui(ui).or(command);
    }
    let (send, escape) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
        )
    });
    if send {
        command = Some(Command::Submit);
    }
    if escape {
        command = Some(Command::AskAbandon);
    }
    command
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Practice => "practice",
        Mode::Assessment => "timed assessment",
    }
}

/// The seconds left, amber under a third of the time and red in the last ten seconds.
fn countdown_ui(ui: &mut egui::Ui, remaining_ms: u64, limit_ms: u64, paused: bool) {
    let seconds = remaining_ms.div_ceil(1000);
    let colour = if seconds <= WARNING_SECONDS {
        egui::Color32::from_rgb(220, 50, 40)
    } else if remaining_ms * 3 <= limit_ms {
        egui::Color32::from_rgb(230, 150, 20)
    } else {
        ui.visuals().strong_text_color()
    };
    let text = format!("{}:{:02}{}", seconds / 60, seconds % 60, if paused { " (paused)" } else { "" });
    ui.label(egui::RichText::new(text).size(32.0).color(colour).monospace()).on_hover_text("Time left to answer");
    let fraction = if limit_ms == 0 { 0.0 } else { remaining_ms as f32 / limit_ms as f32 };
    ui.add(egui::ProgressBar::new(fraction).desired_height(6.0).fill(colour));
}

fn abandon_dialog_ui(ui: &mut egui::Ui) -> Option<Command> {
    let mut command = None;
    egui::Window::new("Leave this drill?")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ui.ctx(), |ui| {
            ui.label("Your answers so far are kept; this turn is not scored.");
            ui.horizontal(|ui| {
                if ui.button("Leave").clicked() {
                    command = Some(Command::ConfirmAbandon(true));
                }
                if ui.button("Keep going").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    command = Some(Command::ConfirmAbandon(false));
                }
            });
        });
    command
}
