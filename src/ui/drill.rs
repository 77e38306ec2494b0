//! The drill screen: the customer's words, the countdown, and the answer box.

use crate::core::drill::{Drill, Mode, Phase, WARNING_SECONDS};

use super::app::{Command, DrillCommand};

/// Label of the answer box (tests and screen readers find it by this).
pub const ANSWER_LABEL: &str = "Your answer";

/// What the drill screen needs besides the drill and the draft.
#[derive(Debug, Clone, Default)]
pub struct DrillView {
    /// The app's clock, in ms.
    pub now_ms: u64,
    /// What leaving keeps, in the "leave this drill?" question (see [`leave_note`]).
    pub leave_note: String,
    /// The question was asked by Ctrl+Q or the window's close button: leaving also quits.
    pub quitting: bool,
    /// Put the keyboard in the answer box (at the start of a turn), or on "Keep going" when the
    /// leave question has just opened.
    pub focus_answer: bool,
    /// The spoken answer is being recorded.
    pub recording: bool,
    /// Why "Say it aloud" cannot record here (None: a microphone is there).
    pub mic_problem: Option<String>,
}

/// Shown beside the greyed-out "Say it aloud" when no microphone can record.
pub const NO_MICROPHONE: &str = "No microphone found: type your answer, or connect one to say it aloud.";

/// Label of the button that records a spoken answer.
pub const SAY_IT_ALOUD: &str = "Say it aloud (record)";

/// Draw a running turn; `draft` is the answer being typed. Returns what the user asked for.
pub fn drill_ui(ui: &mut egui::Ui, drill: &Drill, draft: &mut String, view: DrillView) -> Option<Command> {
    let DrillView { now_ms, leave_note, quitting, focus_answer, recording, mic_problem } = view;
    let confirm_abandon = drill.is_asking_to_leave();
    let (turn, paused) = match drill.phase() {
        Phase::Answering { turn, .. } => (*turn, false),
        Phase::Paused { turn, .. } => (*turn, true),
        _ => return None,
    };
    let scenario = drill.scenario();
    // However short the window or large the text, the clock stays at the top and the answer box
    // (two lines at least) and the buttons at the bottom; only the customer's words scroll.
    let short = ui.available_height() < SHORT_HEIGHT;
    clock_ui(ui, drill, now_ms, turn, paused, short);
    // In a short window "Say it aloud" and "Replay" follow the customer's words, so the buttons
    // pinned below the answer box fit on one row.
    let mut from_body = None;
    let body = |ui: &mut egui::Ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(&scenario.title).weak());
            ui.label(egui::RichText::new(format!("Turn {} · {}", turn_number(drill), mode_name(drill))).weak());
        });
        let name = &scenario.briefing.customer.name;
        let says = if short {
            // Little room: who speaks and what they say in one paragraph at reading size, so the
            // words start on the first line the learner sees.
            let mut job = egui::text::LayoutJob::default();
            let style = ui.style();
            egui::RichText::new(format!("{name} says: ")).strong().append_to(
                &mut job,
                style,
                egui::FontSelection::Default,
                egui::Align::Min,
            );
            egui::RichText::new(drill.customer_line()).append_to(
                &mut job,
                style,
                egui::FontSelection::Default,
                egui::Align::Min,
            );
            ui.label(job)
        } else {
            let says = ui.label(egui::RichText::new(format!("{name} says:")).strong());
            ui.label(egui::RichText::new(drill.customer_line()).size(super::theme::TITLE));
            says
        };
        if focus_answer && !paused && !confirm_abandon {
            // In a short window (or at a large text size) the turn opens on the customer's words.
            says.scroll_to_me(Some(egui::Align::TOP));
        }
        if short {
            let replay = ui.horizontal_wrapped(|ui| replay_ui(ui, drill, turn)).inner;
            from_body = say_it_aloud_ui(ui, recording, paused, mic_problem.as_deref(), short).or(replay);
        }
    };
    let actions = |ui: &mut egui::Ui| {
        let focus = focus_answer && !paused && !confirm_abandon;
        answer_ui(ui, draft, paused, focus, if short { 2 } else { 6 });
        let said = if short { None } else { say_it_aloud_ui(ui, recording, paused, mic_problem.as_deref(), short) };
        turn_buttons_ui(ui, drill, turn, paused, !short).or(said)
    };
    let mut command = super::theme::scroll_above_actions_ui(ui, "drill_turn", body, actions).or(from_body);
    if confirm_abandon {
        return leave_dialog_ui(ui, &leave_note, quitting, focus_answer);
    }
    let (send, escape) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
        )
    });
    if send {
        command = Some(Command::Drill(DrillCommand::Submit));
    }
    if escape {
        command = Some(Command::Drill(DrillCommand::AskAbandon));
    }
    command
}

/// Below this height (points) the clock is small and the answer box opens two lines high.
const SHORT_HEIGHT: f32 = 420.0;

/// The clock and its bar in one row (or the untimed note), pinned above the customer's words.
fn clock_ui(ui: &mut egui::Ui, drill: &Drill, now_ms: u64, turn: usize, paused: bool, short: bool) {
    match drill.remaining_ms(now_ms) {
        Some(remaining) => {
            let seconds = drill.seconds_shown(now_ms).unwrap_or_default();
            let limit_ms = u64::from(drill.scenario().turns[turn].time_limit) * 1000;
            countdown_ui(ui, seconds, remaining, limit_ms, paused, short);
        }
        None => {
            ui.label(egui::RichText::new(UNTIMED_TEXT).weak());
        }
    }
}

/// The answer box, `rows` lines high at least, labelled for screen readers and tests.
fn answer_ui(ui: &mut egui::Ui, draft: &mut String, paused: bool, focus: bool, rows: usize) {
    let label = ui.label(ANSWER_LABEL);
    let edit = egui::TextEdit::multiline(draft)
        .desired_rows(rows)
        .desired_width(f32::INFINITY)
        .hint_text("Say it as you would to the customer. Ctrl+Enter sends it.")
        .interactive(!paused);
    let response = ui.add(edit).labelled_by(label.id);
    if focus {
        response.request_focus();
    }
}

/// Send, Pause or Resume (practice), Replay the customer (with a voice), Leave.
fn turn_buttons_ui(ui: &mut egui::Ui, drill: &Drill, turn: usize, paused: bool, replay: bool) -> Option<Command> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Send answer (Ctrl+Enter)").clicked() {
            command = Some(Command::Drill(DrillCommand::Submit));
        }
        if drill.mode() == Mode::Practice {
            let (text, c) = if paused {
                ("Resume", Command::Drill(DrillCommand::Resume))
            } else {
                ("Pause", Command::Drill(DrillCommand::Pause))
            };
            if ui.button(text).clicked() {
                command = Some(c);
            }
        }
        if replay && let Some(c) = replay_ui(ui, drill, turn) {
            command = Some(c);
        }
        if ui.button("Leave drill (Esc)").clicked() {
            command = Some(Command::Drill(DrillCommand::AskAbandon));
        }
    });
    command
}

/// "Replay the customer", when the turn has a voice.
fn replay_ui(ui: &mut egui::Ui, drill: &Drill, turn: usize) -> Option<Command> {
    let voiced = drill.scenario().turns[turn].voice.is_some();
    (voiced && ui.button("Replay the customer").clicked()).then_some(Command::Drill(DrillCommand::ReplayVoice))
}

/// The "Say it aloud" button, or why it cannot record, or that it is recording. In a `short`
/// window why it cannot record is said on hover only, leaving the room to the customer's words.
fn say_it_aloud_ui(
    ui: &mut egui::Ui,
    recording: bool,
    paused: bool,
    mic_problem: Option<&str>,
    short: bool,
) -> Option<Command> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        if recording {
            ui.colored_label(super::theme::palette(ui).danger, "Recording your spoken answer: it stops when you send");
            return;
        }
        let button = ui.add_enabled(mic_problem.is_none() && !paused, egui::Button::new(SAY_IT_ALOUD));
        match mic_problem {
            Some(reason) => {
                // In people's words; the system's detail is on hover (and in the log).
                let button = button.on_disabled_hover_text(reason);
                if short {
                    button.on_disabled_hover_text(NO_MICROPHONE);
                } else {
                    ui.add(egui::Label::new(egui::RichText::new(NO_MICROPHONE).weak()).wrap());
                }
            }
            None => {
                if button.on_hover_text("Speak your answer; play it back and score it yourself").clicked() {
                    command = Some(Command::Drill(DrillCommand::StartRecording));
                }
            }
        }
    });
    command
}

/// Shown instead of the countdown in an untimed test-play.
pub const UNTIMED_TEXT: &str = "Untimed test-play: take as long as you like";

/// The number of the turn being answered along the path taken so far (1 for the first answered,
/// whatever the turn's place in the file: a branch that skips a turn does not skip a number).
pub fn turn_number(drill: &Drill) -> usize {
    drill.results().len() + 1
}

fn mode_name(drill: &Drill) -> &'static str {
    match (drill.is_timed(), drill.mode()) {
        (false, _) => "test-play",
        (true, Mode::Practice) => "practice",
        (true, Mode::Assessment) => "timed assessment",
    }
}

/// What leaving keeps, said truthfully: `test_play` runs are never recorded, `can_save` is false
/// without a profile or a store, and `answered` turns are kept.
pub fn leave_note(test_play: bool, can_save: bool, answered: usize) -> String {
    match (test_play, can_save, answered) {
        (true, _, _) => "This is a test-play: nothing is recorded, and this turn is not scored.".into(),
        (false, false, _) => "Nothing is saved: no profile is picked. This turn is not scored.".into(),
        (false, true, 0) => "Nothing has been answered yet, so nothing is saved.".into(),
        (false, true, 1) => "The turn you answered is saved; this turn is not scored.".into(),
        (false, true, n) => format!("The {n} turns you answered are saved; this turn is not scored."),
    }
}

/// The seconds left, amber under a third of the time and red in the last ten seconds, with a bar
/// filling the rest of the row; smaller in a short window.
fn countdown_ui(ui: &mut egui::Ui, seconds: u64, remaining_ms: u64, limit_ms: u64, paused: bool, short: bool) {
    let p = super::theme::palette(ui);
    let colour = if seconds <= WARNING_SECONDS {
        p.danger
    } else if remaining_ms * 3 <= limit_ms {
        p.warning
    } else {
        ui.visuals().strong_text_color()
    };
    let text = format!("{}:{:02}{}", seconds / 60, seconds % 60, if paused { " (paused)" } else { "" });
    let size = if short { super::theme::HEADING } else { super::theme::DISPLAY };
    let fraction = if limit_ms == 0 { 0.0 } else { remaining_ms as f32 / limit_ms as f32 };
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(text).size(size).color(colour).monospace()).on_hover_text("Time left to answer");
        ui.add(egui::ProgressBar::new(fraction).desired_height(6.0).fill(colour));
    });
}

/// Title of the question asked before a drill is left.
pub const LEAVE_TITLE: &str = "Leave this drill?";

/// The "leave this drill?" question, modal over a stopped clock: focus stays in it (Keep going
/// first), Enter presses the focused button, Esc or a click outside keeps going.
fn leave_dialog_ui(ui: &mut egui::Ui, note: &str, quitting: bool, just_opened: bool) -> Option<Command> {
    let mut command = None;
    let modal = egui::Modal::new(egui::Id::unique("leave_drill")).show(ui.ctx(), |ui| {
        ui.set_max_width(super::theme::dialog_width(ui.ctx(), 440.0));
        ui.heading(if quitting { "Leave this drill and quit?" } else { LEAVE_TITLE });
        ui.add_space(4.0);
        ui.label("The clock is stopped while you decide.");
        ui.label(note);
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            let keep = ui.button("Keep going");
            let leave = ui.button(if quitting { "Leave and quit" } else { "Leave" });
            // Once, as it opens: egui's Tab order then goes round the two buttons (the modal
            // keeps it from the window behind).
            if just_opened {
                keep.request_focus();
            }
            if keep.clicked() {
                command = Some(Command::Drill(DrillCommand::KeepGoing));
            }
            if leave.clicked() {
                command = Some(Command::Drill(DrillCommand::Abandon));
            }
        });
    });
    if command.is_none() && modal.should_close() {
        command = Some(Command::Drill(DrillCommand::KeepGoing));
    }
    command
}

/// Shown while the answer just sent is being scored.
pub const SCORING_TEXT: &str = "Scoring your answer...";

/// Draw a turn whose answer is being scored (off the window's thread): the customer's words, the
/// answer as sent, and a spinner until the score card arrives.
pub fn scoring_ui(ui: &mut egui::Ui, drill: &Drill) -> Option<Command> {
    let scenario = drill.scenario();
    ui.label(egui::RichText::new(&scenario.title).weak());
    ui.add_space(8.0);
    ui.label(egui::RichText::new(format!("{} says:", scenario.briefing.customer.name)).strong());
    ui.label(egui::RichText::new(drill.customer_line()).size(super::theme::TITLE));
    ui.add_space(12.0);
    ui.label(egui::RichText::new("You said:").strong());
    ui.label(drill.sent().unwrap_or_default());
    ui.add_space(12.0);
    ui.horizontal_wrapped(|ui| {
        ui.spinner();
        ui.label(egui::RichText::new(SCORING_TEXT).size(super::theme::LEAD));
    });
    None
}
