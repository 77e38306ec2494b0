//! Coach mode on a projector: set up a session (scenarios suggested from the team's weakest
//! high-priority ones, the roster, time per turn), then the presenter view: the fair picker, the
//! customer's line in large type with the countdown, the rubric as big check boxes, and the report.

use crate::core::coach::SessionReport;
use crate::core::coach::session::{GroupPhase, GroupSession, Suggestion};
use crate::core::plural::plural;
use crate::core::scenario::CriterionKind;
use crate::io::store::Employee;

use super::app::{CoachCommand, Command, ShellCommand};

/// Heading of the setup screen.
pub const SETUP_HEADING: &str = "Set up a group session";
/// Label of the walk-in name box.
pub const WALK_IN_LABEL: &str = "Walk-in's name";
/// Label of the typed-answer box.
pub const TYPED_LABEL: &str = "Typed answer (optional)";
/// Label of the override reason box.
pub const WHY_LABEL: &str = "Why the change";
/// Shown while the engine scores an answer.
pub const SCORING_TEXT: &str = "Scoring...";
/// Choices for seconds per turn.
pub const SECONDS: [u32; 5] = [30, 45, 60, 90, 120];

/// What the coach is choosing on the setup screen.
#[derive(Debug, Clone, Default)]
pub struct CoachSetup {
    /// Scenario ids ticked.
    pub scenarios: Vec<String>,
    /// Employee ids ticked.
    pub roster: Vec<String>,
    /// Walk-ins added by name.
    pub walk_ins: Vec<String>,
    /// The walk-in name being typed.
    pub walk_in_name: String,
    /// Seconds to answer each turn.
    pub seconds: u32,
    /// Peers score too (the coach enters the room's majority).
    pub peer_scoring: bool,
    /// Show a leaderboard at the end.
    pub leaderboard: bool,
}

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

/// Draw the setup screen; `scenarios` are offered in suggestion order.
pub fn setup_ui(
    ui: &mut egui::Ui,
    setup: &mut CoachSetup,
    scenarios: &[Suggestion],
    employees: &[Employee],
) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        if ui.button("Back to library").clicked() {
            command = Some(Command::Shell(ShellCommand::GoHome));
        }
        ui.heading(SETUP_HEADING);
    });
    ui.separator();
    ui.columns(2, |cols| {
        cols[0].strong("Scenarios (suggested: the team's weakest high-priority ones first)");
        egui::ScrollArea::vertical().id_salt("setup_scenarios").max_height(380.0).show(&mut cols[0], |ui| {
            for offered in scenarios {
                let id = &offered.id;
                let mut on = setup.scenarios.contains(id);
                let mark = if offered.suggested { "  (suggested)" } else { "" };
                let text = format!("P{} {}{mark}", offered.priority, offered.title);
                if ui.checkbox(&mut on, text).changed() {
                    if on { setup.scenarios.push(id.clone()) } else { setup.scenarios.retain(|s| s != id) }
                }
            }
        });
        cols[1].strong("Roster");
        for e in employees {
            let mut on = setup.roster.contains(&e.id);
            if cols[1].checkbox(&mut on, &e.name).changed() {
                if on { setup.roster.push(e.id.clone()) } else { setup.roster.retain(|r| r != &e.id) }
            }
        }
        for w in &setup.walk_ins {
            cols[1].label(format!("{w} (walk-in)"));
        }
        cols[1].horizontal(|ui| {
            let label = ui.label(WALK_IN_LABEL);
            ui.add(egui::TextEdit::singleline(&mut setup.walk_in_name).desired_width(160.0)).labelled_by(label.id);
            if ui.button("Add walk-in").clicked() && !setup.walk_in_name.trim().is_empty() {
                let name = setup.walk_in_name.trim().to_string();
                if !setup.walk_ins.contains(&name) {
                    setup.walk_ins.push(name);
                }
                setup.walk_in_name.clear();
            }
        });
        cols[1].add_space(8.0);
        cols[1].horizontal(|ui| {
            let label = ui.label("Seconds per turn:");
            egui::ComboBox::from_id_salt("seconds_per_turn")
                .selected_text(format!("{} s", setup.seconds))
                .show_ui(ui, |ui| {
                    for s in SECONDS {
                        ui.selectable_value(&mut setup.seconds, s, format!("{s} s"));
                    }
                })
                .response
                .labelled_by(label.id);
        });
        cols[1].checkbox(&mut setup.peer_scoring, "Peer scoring (enter the room's majority)");
        cols[1].checkbox(&mut setup.leaderboard, "Leaderboard at the end");
    });
    ui.separator();
    let people = setup.roster.len() + setup.walk_ins.len();
    let ready = people > 0 && !setup.scenarios.is_empty();
    ui.horizontal(|ui| {
        if ui.add_enabled(ready, egui::Button::new("Start the session")).clicked() {
            command = Some(Command::Coach(CoachCommand::Start));
        }
        ui.label(format!(
            "{}, {}",
            plural(setup.scenarios.len(), "scenario", "scenarios"),
            plural(people, "participant", "participants")
        ));
    });
    command
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
}

/// Draw the running session in large type.
pub fn presenter_ui(
    ui: &mut egui::Ui,
    session: &GroupSession,
    view: &PresenterView<'_>,
    input: &mut CoachInput,
) -> Option<Command> {
    let mut command = None;
    let big = |text: &str, size: f32| egui::RichText::new(text).size(size);
    ui.horizontal(|ui| {
        if ui.button("End session").clicked() {
            command = Some(Command::Coach(CoachCommand::End));
        }
        if ui.button("Full screen").clicked() {
            command = Some(Command::Shell(ShellCommand::ToggleFullscreen));
        }
        if ui.button("High contrast").on_hover_text("Black and white, strong outlines").clicked() {
            command = Some(Command::Shell(ShellCommand::ToggleHighContrast));
        }
        ui.label(
            egui::RichText::new(format!(
                "Round {} · {} scored",
                session.picker.round(),
                plural(session.turnouts.len(), "go", "goes")
            ))
            .weak(),
        );
    });
    ui.separator();
    match &session.phase {
        GroupPhase::Picking => {
            let s = session.current_scenario();
            ui.label(big(&s.title, 26.0).strong());
            ui.label(big(&format!("Turn: {}", s.turns[session.turn].id), 18.0));
            ui.add_space(20.0);
            if let Some(name) = view.spinning {
                ui.label(big(name, 48.0).strong());
            } else if ui.button(big("Pick who goes next", 28.0)).clicked() {
                command = Some(Command::Coach(CoachCommand::PickNext));
            }
            let left = session.picker.remaining_this_round();
            let names: Vec<String> = left.iter().map(|id| session.name_of(id)).collect();
            ui.label(format!(
                "Still to go this round: {}",
                if names.is_empty() { "everyone has gone".into() } else { names.join(", ") }
            ));
        }
        GroupPhase::Answering { who } => {
            let s = session.current_scenario();
            let turn = &s.turns[session.turn];
            ui.label(big(&format!("{}, you're up", session.name_of(who)), 30.0).strong());
            ui.label(big(&s.briefing.customer.name, 20.0));
            ui.label(big(&format!("\u{201c}{}\u{201d}", turn.customer), 36.0));
            if let Some(left) = view.seconds_left {
                let text = if left == 0 { "Time is up".to_string() } else { format!("{left} s") };
                ui.label(big(&text, 40.0).strong());
            }
            ui.add_space(10.0);
            let label = ui.label(TYPED_LABEL);
            ui.add(egui::TextEdit::multiline(&mut input.typed).desired_rows(2).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            ui.horizontal(|ui| {
                if view.scoring {
                    ui.spinner();
                    ui.label(big(SCORING_TEXT, 22.0));
                } else if ui.button(big("Score the answer", 22.0)).clicked() {
                    command = Some(Command::Coach(CoachCommand::Answered));
                }
                if ui.button("Skip for now").clicked() {
                    command = Some(Command::Coach(CoachCommand::Skip));
                }
                if ui.button("Not present").clicked() {
                    command = Some(Command::Coach(CoachCommand::NotPresent));
                }
            });
        }
        GroupPhase::Scoring { who } => scoring_ui(ui, session, who, input, &mut command),
        GroupPhase::Over => report_ui(ui, view, &mut command),
    }
    command
}

fn scoring_ui(
    ui: &mut egui::Ui,
    session: &GroupSession,
    who: &str,
    input: &mut CoachInput,
    command: &mut Option<Command>,
) {
    let s = session.current_scenario();
    let turn = &s.turns[session.turn];
    let card = session.card();
    ui.label(egui::RichText::new(format!("Scoring {}: {}/100", session.name_of(who), card.score)).size(28.0).strong());
    if session.engine.is_some() {
        ui.label("The typed answer was scored by the engine first; tick or untick to override (give the reason).");
    }
    for (i, c) in turn.rubric.iter().enumerate() {
        let mut on = session.ticks.get(i).copied().unwrap_or(false);
        let kind = if c.kind == CriterionKind::Forbidden { "Must not" } else { "Does" };
        let suggestion = session
            .engine
            .as_ref()
            .and_then(|e| e.criteria.get(i))
            .map(|e| format!("  (engine: {})", if e.met { "yes" } else { "no" }));
        let text = egui::RichText::new(format!("{kind}: {}{}", c.label, suggestion.unwrap_or_default())).size(22.0);
        if ui.checkbox(&mut on, text).changed() {
            *command = Some(Command::Coach(CoachCommand::Tick { criterion: i, met: on }));
        }
    }
    let changes = session.changes();
    if !changes.is_empty() {
        let label = ui.label(WHY_LABEL);
        ui.add(egui::TextEdit::singleline(&mut input.why).desired_width(400.0)).labelled_by(label.id);
    }
    if let Some(a) = session.agreement() {
        ui.label(format!("Coach and engine agree on {:.0}% of the criteria", a * 100.0));
    }
    if session.plan.peer_scoring {
        ui.strong("The room's majority");
        input.room.resize(turn.rubric.len(), false);
        for (i, c) in turn.rubric.iter().enumerate() {
            ui.checkbox(&mut input.room[i], format!("room: {}", c.label));
        }
        let same = input.room.iter().zip(&session.ticks).filter(|(a, b)| a == b).count();
        ui.label(format!("Coach and room agree on {same} of {} criteria", turn.rubric.len()));
    }
    ui.horizontal(|ui| {
        let label = ui.label("Note");
        ui.add(egui::TextEdit::singleline(&mut input.note).desired_width(400.0)).labelled_by(label.id);
    });
    let ready = changes.is_empty() || !input.why.trim().is_empty();
    if ui.add_enabled(ready, egui::Button::new(egui::RichText::new("Save the score").size(22.0))).clicked() {
        *command = Some(Command::Coach(CoachCommand::SaveScore));
    }
}

fn report_ui(ui: &mut egui::Ui, view: &PresenterView<'_>, command: &mut Option<Command>) {
    ui.heading("Session report");
    let Some(report) = view.report else { return };
    egui::Grid::new("session_report").striped(true).show(ui, |ui| {
        ui.strong("Participant");
        ui.strong("Scenarios");
        ui.strong("Mean");
        ui.end_row();
        for p in &report.participants {
            ui.label(&p.name);
            let per: Vec<String> = p.per_scenario.iter().map(|(s, m, n)| format!("{s}: {m:.0} ({n})")).collect();
            ui.label(per.join("; "));
            ui.label(format!("{:.0}", p.mean));
            ui.end_row();
        }
    });
    if !report.most_missed.is_empty() {
        ui.strong("Most often missed by the team");
        for (label, missed, asked) in report.most_missed.iter().take(5) {
            ui.label(format!("{label}: missed {missed} of {asked}"));
        }
    }
    if !report.leaderboard.is_empty() {
        ui.strong("Leaderboard");
        for (i, (name, mean)) in report.leaderboard.iter().enumerate() {
            ui.label(format!("{}. {name} {mean:.0}", i + 1));
        }
    }
    if let Some(a) = report.agreement {
        ui.label(format!("Coach and engine agreed on {:.0}% of criteria on typed answers", a * 100.0));
    }
    ui.horizontal(|ui| {
        if ui.button("Export CSV and HTML").clicked() {
            *command = Some(Command::Coach(CoachCommand::Export));
        }
        if ui.button("Back to the library").clicked() {
            *command = Some(Command::Shell(ShellCommand::GoHome));
        }
    });
    if let Some(path) = view.exported {
        ui.label(format!("Saved: {path}"));
    }
}
