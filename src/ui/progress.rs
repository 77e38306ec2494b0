//! Progress: one employee's scores over time per behaviour, baseline vs latest vs best per
//! scenario, the stage reached and what is due. Everything shown comes from the core's report.

use crate::core::progress::report::{ProgressReport, ScenarioProgress, Scores};
use crate::core::scenario::vocab::display_name;
use crate::core::staging::Plan;
use crate::core::staging::rollout::Status;
use crate::io::store::RolloutRules;

use super::app::{Command, ProfileCommand, ShellCommand};
use super::home::START_PRACTICE;
use super::{chart, theme};
use crate::core::plural::plural;

/// Heading of the progress screen.
pub const PROGRESS_HEADING: &str = "Progress";

/// A spoken answer kept on disk, and what it was an answer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedRecording {
    /// The scenario and when it was drilled.
    pub what: String,
    /// The file.
    pub path: std::path::PathBuf,
}

/// What the progress screen shows.
pub struct ProgressView<'a> {
    /// The employee's name.
    pub name: &'a str,
    /// Their report.
    pub report: &'a ProgressReport,
    /// Today's plan (for the budget in force).
    pub plan: &'a Plan,
    /// The rollout rules in force.
    pub rules: RolloutRules,
    /// Spoken answers kept.
    pub recordings: &'a [SavedRecording],
    /// Put the keyboard on the main action (the screen has just opened).
    pub focus: bool,
}

/// Choices offered for minutes a day.
pub const MINUTE_CHOICES: [f64; 8] = [5.0, 10.0, 15.0, 20.0, 30.0, 45.0, 60.0, 90.0];

/// Draw the report. The whole screen scrolls: at a large text size in a small window its heading
/// and settings alone fill the view, and the chart below them must still be reachable.
pub fn progress_ui(ui: &mut egui::Ui, view: &ProgressView<'_>) -> Option<Command> {
    egui::ScrollArea::vertical()
        .id_salt("progress")
        .auto_shrink([false, false])
        .show(ui, |ui| report_ui(ui, view))
        .inner
}

fn report_ui(ui: &mut egui::Ui, view: &ProgressView<'_>) -> Option<Command> {
    let (name, report) = (view.name, view.report);
    let mut command = None;
    ui.heading(format!("{PROGRESS_HEADING}: {name}"));
    ui.horizontal_wrapped(|ui| {
        if let Some(first) = view.plan.today.first() {
            let start = ui.add(egui::Button::new(egui::RichText::new(START_PRACTICE).strong()));
            if view.focus {
                start.request_focus();
            }
            if start.clicked() {
                command = Some(Command::Shell(ShellCommand::OpenBriefing(first.id.clone())));
            }
        }
        let back = ui.button("Back to the library");
        if view.focus && view.plan.today.is_empty() {
            back.request_focus();
        }
        if back.clicked() {
            command = Some(Command::Shell(ShellCommand::GoHome));
        }
    });
    let finished = report.scenarios.iter().map(|s| s.scores.attempts).sum::<usize>();
    ui.label(format!(
        "Stage {} of {} reached · {} finished",
        report.stage_reached,
        report.stages,
        plural(finished, "attempt", "attempts")
    ));
    ui.label(egui::RichText::new(super::home::STAGES_EXPLAINED).weak());
    settings_ui(ui, view, &mut command);
    ui.separator();
    due_ui(ui, report, &mut command);
    ui.add_space(theme::GAP);
    ui.heading("Score over time, per behaviour");
    if report.behaviours.is_empty() {
        ui.label("No finished drills yet: the chart fills in as you practise.");
    } else {
        chart::chart_ui(ui, report);
        behaviour_table_ui(ui, report);
    }
    ui.add_space(theme::GAP);
    ui.heading("Per scenario");
    scenario_table_ui(ui, report, &mut command);
    if !view.recordings.is_empty() {
        ui.add_space(theme::GAP);
        ui.heading("Your recordings");
        for SavedRecording { what, path } in view.recordings {
            if let Some(c) = super::widgets::recording_row_ui(ui, what, path) {
                command = Some(c);
            }
        }
    }
    command
}

fn choice<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    label: &str,
    current: T,
    choices: &[T],
    text: impl Fn(T) -> String,
) -> Option<T> {
    let mut picked = None;
    let l = ui.label(label);
    egui::ComboBox::from_id_salt(label)
        .selected_text(text(current))
        .show_ui(ui, |ui| {
            for &c in choices {
                if ui.selectable_label(c == current, text(c)).clicked() && c != current {
                    picked = Some(c);
                }
            }
        })
        .response
        .labelled_by(l.id);
    picked
}

fn settings_ui(ui: &mut egui::Ui, view: &ProgressView<'_>, command: &mut Option<Command>) {
    ui.horizontal_wrapped(|ui| {
        let minutes = view.plan.budget_minutes;
        if let Some(m) = choice(ui, "Minutes a day:", minutes, &MINUTE_CHOICES, |m| format!("{m:.0} min")) {
            *command = Some(Command::Profile(ProfileCommand::SetDailyMinutes(m)));
        }
    });
    ui.collapsing("Rollout rules (for everyone on this computer)", |ui| {
        let rules = view.rules;
        ui.horizontal_wrapped(|ui| {
            let sizes: Vec<usize> = (1..=12).collect();
            if let Some(n) = choice(ui, "Scenarios learnt at once:", rules.stage_size, &sizes, |n| n.to_string()) {
                *command =
                    Some(Command::Profile(ProfileCommand::SetRolloutRules(RolloutRules { stage_size: n, ..rules })));
            }
            let streaks: Vec<u32> = (1..=5).collect();
            let passes = |n: u32| if n == 1 { "1 pass".to_string() } else { format!("{n} passes in a row") };
            if let Some(n) = choice(ui, "Mastered after:", rules.mastery_streak, &streaks, passes) {
                *command = Some(Command::Profile(ProfileCommand::SetRolloutRules(RolloutRules {
                    mastery_streak: n,
                    ..rules
                })));
            }
            let scores = [0.0, 60.0, 70.0, 80.0, 90.0];
            let score_text = |s: f64| if s == 0.0 { "any pass".to_string() } else { format!("{s:.0} or more") };
            if let Some(s) = choice(ui, "Counting passes scoring:", rules.mastery_score, &scores, score_text) {
                *command =
                    Some(Command::Profile(ProfileCommand::SetRolloutRules(RolloutRules { mastery_score: s, ..rules })));
            }
        });
        ui.label(egui::RichText::new("The defaults retained most in the staging simulation (docs/staging.md).").weak());
    });
}

fn due_ui(ui: &mut egui::Ui, report: &ProgressReport, command: &mut Option<Command>) {
    let due: Vec<&ScenarioProgress> = report
        .scenarios
        .iter()
        .filter(|s| s.status == Status::Mastered && s.due_in_days.is_some_and(|d| d <= 0.0))
        .collect();
    ui.heading("Due for refresh");
    if due.is_empty() {
        ui.label("Nothing mastered is fading yet.");
    }
    for s in due {
        ui.horizontal_wrapped(|ui| {
            if ui.link(&s.title).clicked() {
                *command = Some(Command::Shell(ShellCommand::OpenBriefing(s.id.clone())));
            }
            ui.label(format!("recall about {:.0}%", s.recall * 100.0));
        });
    }
}

fn score_text(score: Option<f64>) -> String {
    score.map_or("-".into(), |s| format!("{s:.0}"))
}

fn scores_cells(ui: &mut egui::Ui, scores: &Scores) {
    ui.label(score_text(scores.baseline));
    ui.label(score_text(scores.latest));
    ui.label(score_text(scores.best));
}

fn behaviour_table_ui(ui: &mut egui::Ui, report: &ProgressReport) {
    if ui.available_width() < TABLE_MIN_WIDTH {
        for b in &report.behaviours {
            ui.label(format!(
                "{}: baseline {}, latest {}, best {} · {}",
                display_name(&b.behaviour),
                score_text(b.scores.baseline),
                score_text(b.scores.latest),
                score_text(b.scores.best),
                plural(b.scores.attempts, "drill", "drills")
            ));
        }
        return;
    }
    egui::Grid::new("behaviour_scores").striped(true).num_columns(5).show(ui, |ui| {
        for h in ["Behaviour", "Baseline", "Latest", "Best", "Drills"] {
            ui.strong(h);
        }
        ui.end_row();
        for b in &report.behaviours {
            ui.label(display_name(&b.behaviour));
            scores_cells(ui, &b.scores);
            ui.label(b.scores.attempts.to_string());
            ui.end_row();
        }
    });
}

/// Where a scenario stands, in the words Today uses for the same state.
pub fn status_text(s: &ScenarioProgress) -> String {
    let failed = s.last_passed == Some(false);
    match s.status {
        Status::Locked => format!("stage {}: later", s.stage),
        Status::Blocked => "waiting for a prerequisite".into(),
        Status::New => "new: ready to start".into(),
        Status::Learning if failed => "learning · failed last time".into(),
        Status::Learning => "learning".into(),
        Status::Mastered => "mastered".into(),
    }
}

/// Recall as a percentage; "-" when never drilled or when the last drill failed (memory right
/// after a drill reads 100%, which says nothing after a failed one; the status says it failed).
pub fn recall_text(s: &ScenarioProgress) -> String {
    match s.last_passed {
        Some(true) => format!("{:.0}%", s.recall * 100.0),
        None | Some(false) => "-".into(),
    }
}

fn due_text(s: &ScenarioProgress) -> String {
    match s.due_in_days {
        None => "-".into(),
        Some(d) if d <= 0.0 => "due now".into(),
        Some(d) if d < 1.5 => "tomorrow".into(),
        Some(d) => format!("in {d:.0} days"),
    }
}

/// Below this width (points) the tables become lists, one scenario or behaviour a paragraph.
const TABLE_MIN_WIDTH: f32 = 900.0;

/// The widest the title column of the scenario table gets (longer titles wrap).
const TITLE_COLUMN_WIDTH: f32 = 280.0;

fn scenario_table_ui(ui: &mut egui::Ui, report: &ProgressReport, command: &mut Option<Command>) {
    if ui.available_width() < TABLE_MIN_WIDTH {
        for s in &report.scenarios {
            if ui.link(egui::RichText::new(&s.title).strong()).clicked() {
                *command = Some(Command::Shell(ShellCommand::OpenBriefing(s.id.clone())));
            }
            ui.label(format!(
                "P{} · {} · baseline {}, latest {}, best {} · recall {} · refresh {}",
                s.priority,
                status_text(s),
                score_text(s.scores.baseline),
                score_text(s.scores.latest),
                score_text(s.scores.best),
                recall_text(s),
                due_text(s)
            ));
            ui.add_space(theme::GAP_SMALL);
        }
        return;
    }
    egui::Grid::new("scenario_scores").striped(true).num_columns(8).max_col_width(TITLE_COLUMN_WIDTH).show(ui, |ui| {
        for h in ["Scenario", "Priority", "Status", "Baseline", "Latest", "Best", "Recall", "Refresh"] {
            ui.strong(h);
        }
        ui.end_row();
        for s in &report.scenarios {
            if ui.link(&s.title).clicked() {
                *command = Some(Command::Shell(ShellCommand::OpenBriefing(s.id.clone())));
            }
            ui.label(s.priority.to_string());
            ui.label(status_text(s));
            scores_cells(ui, &s.scores);
            ui.label(recall_text(s));
            ui.label(due_text(s));
            ui.end_row();
        }
    });
}
