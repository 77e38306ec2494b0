//! Coach mode on a projector: set up a session (`setup.rs`), then the presenter view, one file per
//! step: the scenario's briefing for the room (`room_briefing.rs`), the fair picker and the
//! customer's line with the countdown (`turn.rs`), the rubric as big check boxes (`scoring.rs`) and
//! the report (`report.rs`). Type is sized for a 1920x1080 projector read from six metres and
//! scales down with the window.

mod report;
mod room_briefing;
mod scoring;
mod setup;
mod turn;

use crate::core::coach::SessionReport;
use crate::core::coach::session::{GroupPhase, GroupSession};

use super::app::{CoachCommand, Command, ShellCommand};

pub use room_briefing::BEGIN_LABEL;
pub use scoring::SAVE_LABEL;
pub use setup::{CoachSetup, WALK_IN_LABEL, setup_ui};
pub use turn::{PICK_LABEL, SCORE_LABEL};

/// Heading of the setup screen.
pub const SETUP_HEADING: &str = "Set up a group session";
/// Label of the typed-answer box.
pub const TYPED_LABEL: &str = "Typed answer (optional)";
/// Label of the override reason box.
pub const WHY_LABEL: &str = "Why the change";
/// Shown while the engine scores an answer.
pub const SCORING_TEXT: &str = "Scoring...";
/// Choices for seconds per turn.
pub const SECONDS: [u32; 5] = [30, 45, 60, 90, 120];
/// The button that asks to end the session.
pub const END_LABEL: &str = "End session";
/// The end dialog's button that ends it.
pub const END_CONFIRM_LABEL: &str = "End the session (Enter)";
/// The end dialog's button that keeps the session going.
pub const KEEP_GOING_LABEL: &str = "Keep going (Esc)";

/// What the coach types while scoring.
#[derive(Debug, Clone, Default)]
pub struct CoachInput {
    /// The typed answer, if the participant typed.
    pub typed: String,
    /// Why the coach changed the engine's suggestion.
    pub why: String,
    /// A quick note on the answer.
    pub note: String,
    /// The room's majority, per criterion (peer scoring).
    pub room: Vec<bool>,
}

/// Everything the presenter view needs besides the session.
pub struct PresenterView<'a> {
    /// Seconds left on the clock (None: not running).
    pub seconds_left: Option<u64>,
    /// Names shown by the picker's spin (cycling) while it runs.
    pub spinning: Option<&'a str>,
    /// The session report (when over).
    pub report: Option<&'a SessionReport>,
    /// Where the last export went.
    pub exported: Option<&'a str>,
    /// The engine is scoring the typed answer (on a worker thread).
    pub scoring: bool,
    /// What became of the last score kept: "Saved: ..." or why it was not saved.
    pub saved: Option<&'a KeptNote>,
    /// "End the session?" is asked.
    pub confirm_end: bool,
    /// The step is new: its main action takes the keyboard focus.
    pub focus_main: bool,
}

/// Type sizes for the presenter view: room-sized on a 1920x1080 projector, scaled down with the
/// window (1024x600 still fits) and up a little beyond.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    k: f32,
}

impl Sizes {
    /// The sizes for the space `ui` has left.
    pub fn of(ui: &egui::Ui) -> Self {
        Self::for_space(ui.available_size())
    }

    /// The sizes for a presenter view of `space` points: scaled by the window's width and height
    /// alike, so a 1280x800 projector gets as much of its screen in text as a 1920x1080 one.
    pub fn for_space(space: egui::Vec2) -> Self {
        Self { k: (space.x / 1560.0).min(space.y / 820.0).clamp(0.5, 1.4) }
    }

    /// The countdown.
    pub fn clock(self) -> f32 {
        120.0 * self.k
    }

    /// The customer's line and the name picked.
    pub fn line(self) -> f32 {
        56.0 * self.k
    }

    /// Headings: whose turn it is, the scenario's title.
    pub fn title(self) -> f32 {
        44.0 * self.k
    }

    /// Body text the room reads.
    pub fn body(self) -> f32 {
        30.0 * self.k
    }

    /// The coach's own controls and notes (read from the front row, not the back).
    pub fn small(self) -> f32 {
        (22.0 * self.k).max(15.0)
    }

    /// The widest the column of text gets.
    pub fn column(self) -> f32 {
        1600.0 * self.k
    }
}

/// Large text in the strongest colour of the theme.
pub fn strong_text(ui: &egui::Ui, text: impl Into<String>, size: f32) -> egui::RichText {
    egui::RichText::new(text).size(size).color(ui.visuals().strong_text_color())
}

/// A button with large type and a height to match.
pub fn big_button(text: &str, size: f32) -> egui::Button<'static> {
    egui::Button::new(egui::RichText::new(text.to_string()).size(size)).min_size(egui::vec2(0.0, size * 1.6))
}

/// A centred column at most `width` wide, holding `add`.
fn column_ui<R>(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let width = ui.available_width().min(width);
    let margin = ((ui.available_width() - width) / 2.0).max(0.0);
    ui.horizontal_top(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_width(width);
            add(ui)
        })
        .inner
    })
    .inner
}

/// Draw the running session (or its report) for the room.
pub fn presenter_ui(
    ui: &mut egui::Ui,
    session: &GroupSession,
    view: &PresenterView<'_>,
    input: &mut CoachInput,
) -> Option<Command> {
    let mut command = controls_ui(ui, session, view);
    ui.separator();
    let sizes = Sizes::of(ui);
    let drawn = egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        column_ui(ui, sizes.column(), |ui| match &session.phase {
            GroupPhase::Briefing => room_briefing::room_briefing_ui(ui, session, view, sizes),
            GroupPhase::Picking => turn::picking_ui(ui, session, view, sizes),
            GroupPhase::Answering { who } => turn::answering_ui(ui, session, who, view, input, sizes),
            GroupPhase::Scoring { who } => scoring::scoring_ui(ui, session, who, view, input, sizes),
            GroupPhase::Over => report::report_ui(ui, view, sizes),
        })
    });
    command = drawn.inner.or(command);
    if view.confirm_end {
        command = end_dialog_ui(ui, session, view.focus_main).or(command);
    }
    command
}

/// The coach's small controls along the top: end, full screen, high contrast, where the session is.
fn controls_ui(ui: &mut egui::Ui, session: &GroupSession, view: &PresenterView<'_>) -> Option<Command> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        if session.phase != GroupPhase::Over && ui.button(END_LABEL).clicked() {
            command = Some(Command::Coach(CoachCommand::AskEnd));
        }
        if ui.button("Full screen").clicked() {
            command = Some(Command::Shell(ShellCommand::ToggleFullscreen));
        }
        if ui.button("High contrast").on_hover_text("Black and white, strong outlines").clicked() {
            command = Some(Command::Shell(ShellCommand::ToggleHighContrast));
        }
        if view.report.is_none() {
            let goes = session.turnouts.len();
            let plural = if goes == 1 { "go" } else { "goes" };
            let scenario = format!("scenario {} of {}", session.scenario + 1, session.scenarios.len());
            ui.label(format!("Round {} · {scenario} · {goes} {plural} scored", session.picker.round()));
        }
    });
    command
}

/// "End the session?": Enter presses the focused button (End, as it opens), Esc keeps going. The
/// report never comes out empty: with nothing scored it says so.
fn end_dialog_ui(ui: &mut egui::Ui, session: &GroupSession, focus: bool) -> Option<Command> {
    let mut command = None;
    let goes = session.turnouts.len();
    egui::Modal::new(egui::Id::unique("end_group_session")).show(ui.ctx(), |ui| {
        ui.set_max_width(super::theme::dialog_width(ui.ctx(), 520.0));
        ui.heading("End the session?");
        ui.add_space(6.0);
        let text = match goes {
            0 => "Nothing has been scored yet, so there will be no report to export.".to_string(),
            1 => "1 go has been scored and saved. The session report comes next.".to_string(),
            n => format!("{n} goes have been scored and saved. The session report comes next."),
        };
        ui.label(text);
        ui.add_space(10.0);
        ui.horizontal_wrapped(|ui| {
            let end = ui.button(END_CONFIRM_LABEL);
            let keep = ui.button(KEEP_GOING_LABEL);
            // As it opens End has the keyboard; Tab goes round the two buttons (the modal keeps
            // it from the window behind).
            if focus {
                end.request_focus();
            }
            // Enter presses the button with the keyboard; with neither focused, it ends.
            let enter = !end.has_focus()
                && !keep.has_focus()
                && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
            if end.clicked() || enter {
                command = Some(Command::Coach(CoachCommand::End));
            }
            if keep.clicked() || ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
                command = Some(Command::Coach(CoachCommand::KeepGoing));
            }
        });
    });
    command
}

/// What became of the last score kept, as the presenter view says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeptNote {
    /// Stored in the participant's history: "Saved: Ann, 80/100".
    Saved(String),
    /// In the session report only, and why.
    NotSaved(String),
}

/// The last score kept, confirmed in large type (or why it was not saved, in the error colour).
fn saved_ui(ui: &mut egui::Ui, saved: Option<&KeptNote>, sizes: Sizes) {
    let Some(saved) = saved else { return };
    let (text, colour) = match saved {
        KeptNote::Saved(text) => (text.clone(), ui.visuals().strong_text_color()),
        KeptNote::NotSaved(text) => (format!("Not saved: {text}"), ui.visuals().error_fg_color),
    };
    egui::Frame::new()
        .stroke(egui::Stroke::new(3.0, colour))
        .corner_radius(8.0)
        .inner_margin(egui::Margin::symmetric(16, 8))
        .show(ui, |ui| ui.label(egui::RichText::new(text).size(sizes.body()).color(colour).strong()));
    ui.add_space(sizes.body() * 0.5);
}

#[cfg(test)]
mod tests {
    use super::Sizes;

    /// The presenter's room at 1280x800 (less the top bar, status line and the coach's controls).
    const PROJECTOR_1280: egui::Vec2 = egui::vec2(1264.0, 700.0);

    #[test]
    fn a_1280x800_projector_gets_type_the_back_of_the_room_can_read() {
        let s = Sizes::for_space(PROJECTOR_1280);
        assert!(s.body() >= 24.0, "body {}", s.body());
        assert!(s.line() >= 44.0, "the customer's line {}", s.line());
        assert!(s.clock() >= 96.0, "the countdown {}", s.clock());
        assert!(s.small() >= 17.0, "the coach's notes {}", s.small());
    }

    #[test]
    fn type_grows_with_the_window_and_stops_at_a_limit() {
        let small = Sizes::for_space(egui::vec2(1008.0, 500.0));
        let mid = Sizes::for_space(PROJECTOR_1280);
        let big = Sizes::for_space(egui::vec2(1904.0, 980.0));
        let huge = Sizes::for_space(egui::vec2(5000.0, 3000.0));
        assert!(small.body() < mid.body() && mid.body() < big.body(), "grows with the window");
        assert!(small.small() >= 15.0, "the coach's notes stay readable in a small window");
        assert!(huge.body() <= 30.0 * 1.4, "a huge window does not blow the text up without end");
    }
}
