//! The setup screen: scenarios (suggested from the team's weakest high-priority ones), the roster
//! with walk-ins (each counted once, removable and editable), time per turn, peer scoring and the
//! leaderboard.

use crate::core::coach::session::Suggestion;
use crate::io::store::Employee;

use super::super::app::{CoachCommand, Command, ShellCommand};
use super::{SECONDS, SETUP_HEADING};

/// Label of the walk-in name box.
pub const WALK_IN_LABEL: &str = "Walk-in's name";

/// The narrowest room for the scenarios beside the roster.
const TWO_COLUMNS_WIDTH: f32 = 700.0;

/// What the coach is choosing on the setup screen.
#[derive(Debug, Clone, Default)]
pub struct CoachSetup {
    /// Scenario ids ticked.
    pub scenarios: Vec<String>,
    /// Employee ids ticked.
    pub roster: Vec<String>,
    /// Walk-ins added by name (none of them an existing profile's name).
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

impl CoachSetup {
    /// Add the walk-in being typed: a name that is already a profile ticks that profile instead, and
    /// a name already added is not added again (so nobody is counted twice).
    pub fn add_walk_in(&mut self, employees: &[Employee]) {
        let name = self.walk_in_name.trim().to_string();
        if name.is_empty() {
            return;
        }
        if let Some(e) = employees.iter().find(|e| e.name.eq_ignore_ascii_case(&name)) {
            if !self.roster.contains(&e.id) {
                self.roster.push(e.id.clone());
            }
        } else if !self.walk_ins.iter().any(|w| w.eq_ignore_ascii_case(&name)) {
            self.walk_ins.push(name);
        }
        self.walk_in_name.clear();
    }

    /// How many people the session will have.
    pub fn people(&self) -> usize {
        self.roster.len() + self.walk_ins.len()
    }
}

/// Draw the setup screen; `scenarios` are offered in suggestion order.
pub fn setup_ui(
    ui: &mut egui::Ui,
    setup: &mut CoachSetup,
    scenarios: &[Suggestion],
    employees: &[Employee],
) -> Option<Command> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Back to library").clicked() {
            command = Some(Command::Shell(ShellCommand::GoHome));
        }
        ui.heading(SETUP_HEADING);
    });
    ui.separator();
    // Two columns when there is room; one above the other in a narrow window. The start row
    // stays in view below.
    let height = (ui.available_height() - 44.0).max(80.0);
    egui::ScrollArea::vertical().id_salt("setup").auto_shrink([false, true]).max_height(height).show(ui, |ui| {
        if ui.available_width() >= TWO_COLUMNS_WIDTH {
            ui.columns(2, |cols| {
                scenarios_ui(&mut cols[0], setup, scenarios);
                roster_ui(&mut cols[1], setup, employees);
                options_ui(&mut cols[1], setup);
            });
        } else {
            // Who is in the room first: the list of scenarios is the long one.
            roster_ui(ui, setup, employees);
            options_ui(ui, setup);
            ui.separator();
            scenarios_ui(ui, setup, scenarios);
        }
    });
    ui.separator();
    let people = setup.people();
    let ready = people > 0 && !setup.scenarios.is_empty();
    ui.horizontal_wrapped(|ui| {
        let start = ui.add_enabled(ready, egui::Button::new("Start the session"));
        if ready {
            super::super::widgets::take_main_focus(ui, &start);
        }
        if start.clicked() {
            command = Some(Command::Coach(CoachCommand::Start));
        }
        let n = setup.scenarios.len();
        let scenario_word = if n == 1 { "scenario" } else { "scenarios" };
        let people_word = if people == 1 { "participant" } else { "participants" };
        ui.label(format!("{n} {scenario_word}, {people} {people_word}"));
    });
    command
}

fn scenarios_ui(ui: &mut egui::Ui, setup: &mut CoachSetup, scenarios: &[Suggestion]) {
    ui.strong("Scenarios (suggested: the team's weakest high-priority ones first; P25 is the highest priority)");
    egui::ScrollArea::vertical().id_salt("setup_scenarios").max_height(380.0).show(ui, |ui| {
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
}

fn roster_ui(ui: &mut egui::Ui, setup: &mut CoachSetup, employees: &[Employee]) {
    ui.strong("Roster");
    for e in employees {
        let mut on = setup.roster.contains(&e.id);
        let nobody_yet = setup.people() == 0;
        let tick = ui.checkbox(&mut on, &e.name);
        if nobody_yet {
            // Nobody in the room yet: the keyboard starts on the first name to tick.
            super::super::widgets::take_main_focus(ui, &tick);
        }
        if tick.changed() {
            if on { setup.roster.push(e.id.clone()) } else { setup.roster.retain(|r| r != &e.id) }
        }
    }
    let mut remove = None;
    let mut edit = None;
    for (i, w) in setup.walk_ins.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{w} (walk-in)"));
            if ui.small_button(format!("Edit {w}")).clicked() {
                edit = Some(i);
            }
            if ui.small_button(format!("Remove {w}")).clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = edit {
        // Back into the name box to be corrected and added again.
        setup.walk_in_name = setup.walk_ins.remove(i);
    } else if let Some(i) = remove {
        setup.walk_ins.remove(i);
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(WALK_IN_LABEL);
        let field =
            ui.add(egui::TextEdit::singleline(&mut setup.walk_in_name).desired_width(160.0)).labelled_by(label.id);
        if setup.people() == 0 {
            // Nobody in the room yet: the keyboard starts on the walk-in's name.
            super::super::widgets::take_main_focus(ui, &field);
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Add walk-in").clicked() || enter {
            setup.add_walk_in(employees);
        }
    });
}

fn options_ui(ui: &mut egui::Ui, setup: &mut CoachSetup) {
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
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
    ui.checkbox(&mut setup.peer_scoring, "Peer scoring (enter the room's majority)");
    ui.checkbox(&mut setup.leaderboard, "Leaderboard at the end");
}
