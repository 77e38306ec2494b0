//! The app: owns the loaded library and the current screen, and applies the commands screens emit.

use std::path::PathBuf;

use crate::core::library::Library;
use crate::io::scenario_files::load_library;

use super::{briefing, home, problems};

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The scenario library.
    Home,
    /// One scenario's briefing, by id.
    Briefing(String),
    /// The list of problems found in scenario files.
    Problems,
}

/// What a click asks the app to do; applied after drawing.
#[must_use]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Show the briefing of this scenario.
    OpenBriefing(String),
    /// Back to the library.
    GoHome,
    /// Show the scenario file problems.
    ShowProblems,
    /// Read the scenario folder again.
    Reload,
    /// Show only this job family (None: all).
    FilterJobFamily(Option<String>),
}

/// The whole app state.
pub struct FollowThroughApp {
    library: Library,
    scenarios_dir: Option<PathBuf>,
    screen: Screen,
    job_family: Option<String>,
    status: String,
}

impl FollowThroughApp {
    /// An app showing an already-loaded library (tests use this).
    pub fn with_library(library: Library, scenarios_dir: Option<PathBuf>) -> Self {
        let mut app = Self { library, scenarios_dir, screen: Screen::Home, job_family: None, status: String::new() };
        app.update_status();
        app
    }

    /// An app on the scenario folder `dir`; a missing folder shows as an empty library with a message.
    pub fn open(dir: PathBuf) -> Self {
        let library = load_or_explain(&dir);
        Self::with_library(library, Some(dir))
    }

    /// The screen showing now.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The status line text.
    pub fn status(&self) -> &str {
        &self.status
    }

    fn update_status(&mut self) {
        let s = self.library.summary();
        self.status = format!(
            "{} scenarios, {} turns · {} problem{} in scenario files",
            s.scenarios,
            s.turns,
            s.errors + s.warnings,
            if s.errors + s.warnings == 1 { "" } else { "s" }
        );
    }

    /// Draw the whole window and apply whatever the user asked for.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Q)) {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let mut commands = Vec::new();
        egui::Panel::top("top_bar").show(ui, |ui| {
            if let Some(c) = self.top_bar_ui(ui) {
                commands.push(c);
            }
        });
        egui::CentralPanel::default().show(ui, |ui| {
            let command = match &self.screen {
                Screen::Home => home::home_ui(ui, &self.library, self.job_family.as_deref()),
                Screen::Problems => problems::problems_ui(ui, &self.library),
                Screen::Briefing(id) => match self.library.scenario(id) {
                    Some(s) => briefing::briefing_ui(ui, s),
                    None => Some(Command::GoHome),
                },
            };
            commands.extend(command);
        });
        for c in commands {
            self.apply(c);
        }
    }

    fn top_bar_ui(&self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            ui.heading("FollowThrough");
            ui.separator();
            ui.label(&self.status);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if self.scenarios_dir.is_some()
                    && ui.button("Reload scenarios").on_hover_text("Read the scenario folder again").clicked()
                {
                    command = Some(Command::Reload);
                }
                if !self.library.diagnostics.is_empty() && ui.button("Scenario problems").clicked() {
                    command = Some(Command::ShowProblems);
                }
            });
        });
        command
    }

    /// Apply one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::OpenBriefing(id) => self.screen = Screen::Briefing(id),
            Command::GoHome => self.screen = Screen::Home,
            Command::ShowProblems => self.screen = Screen::Problems,
            Command::FilterJobFamily(f) => self.job_family = f,
            Command::Reload => {
                if let Some(dir) = &self.scenarios_dir {
                    self.library = load_or_explain(dir);
                    self.update_status();
                }
            }
        }
    }
}

fn load_or_explain(dir: &std::path::Path) -> Library {
    match load_library(&[dir.to_path_buf()]) {
        Ok(library) => library,
        Err(e) => {
            log::warn!("{e}");
            let mut library = Library::default();
            library.diagnostics.push(
                crate::core::diagnostic::Diagnostic::error("missing-folder", "the scenario folder does not exist")
                    .in_file(dir.display().to_string())
                    .with_hint("start FollowThrough with --scenarios DIR, or run it from the project folder"),
            );
            library
        }
    }
}

impl eframe::App for FollowThroughApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }
}
