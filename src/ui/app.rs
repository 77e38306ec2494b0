//! The app: owns the loaded library and the current screen, and applies the commands screens emit.

use std::path::PathBuf;

use crate::core::drill::{Drill, DrillEvent, Mode, Phase};
use crate::core::library::Library;
use crate::io::audio::{Audio, AudioWarning, Cue};
use crate::io::profiles::Profiles;
use crate::io::scenario_files::{load_library, resolve_voice};

use super::settings::{STORAGE_KEY, Settings};
use super::{briefing, drill, home, problems, score_card, summary};

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The scenario library.
    Home,
    /// One scenario's briefing, by id.
    Briefing(String),
    /// The list of problems found in scenario files.
    Problems,
    /// A drill: answering, score card or summary, as its phase says.
    Drill,
}

/// What a click asks the app to do; applied after drawing.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
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
    /// Start a drill of this scenario.
    StartDrill(String, Mode),
    /// Send the answer being typed.
    Submit,
    /// Go on from the score card.
    NextTurn,
    /// Stop the clock (practice).
    Pause,
    /// Start the clock again.
    Resume,
    /// Ask before leaving the drill.
    AskAbandon,
    /// Leave the drill (true) or keep going (false).
    ConfirmAbandon(bool),
    /// Play the customer's line again.
    ReplayVoice,
    /// New preferences.
    ChangeSettings(Settings),
    /// Practise as the profile at this index.
    PickProfile(usize),
    /// Create a profile with the name typed in the new-profile box.
    CreateProfile,
}

/// The whole app state.
pub struct FollowThroughApp {
    library: Library,
    scenarios_dir: Option<PathBuf>,
    screen: Screen,
    job_family: Option<String>,
    status: String,
    drill: Option<Drill>,
    draft: String,
    confirm_abandon: bool,
    drills_started: u64,
    /// Put the keyboard in the answer box on the next frame.
    focus_answer: bool,
    audio: Audio,
    /// An audio problem was already reported (it is reported once).
    audio_warned: bool,
    settings: Settings,
    /// Preferences changed since they were last applied to the context.
    settings_changed: bool,
    data_dir: PathBuf,
    profiles: Profiles,
    new_profile: String,
    /// The time on the egui clock (ms) at the last frame.
    now_ms: u64,
}

impl FollowThroughApp {
    /// An app showing an already-loaded library (tests use this).
    pub fn with_library(library: Library, scenarios_dir: Option<PathBuf>) -> Self {
        let mut app = Self {
            library,
            scenarios_dir,
            screen: Screen::Home,
            job_family: None,
            status: String::new(),
            drill: None,
            draft: String::new(),
            confirm_abandon: false,
            drills_started: 0,
            focus_answer: false,
            audio: Audio::silent(),
            audio_warned: false,
            settings: Settings::default(),
            settings_changed: false,
            data_dir: crate::io::dirs::data_dir(),
            profiles: Profiles::default(),
            new_profile: String::new(),
            now_ms: 0,
        };
        app.update_status();
        app
    }

    /// An app on the scenario folder `dir`; a missing folder shows as an empty library with a message.
    pub fn open(dir: PathBuf) -> Self {
        let library = load_or_explain(&dir);
        let data_dir = crate::io::dirs::data_dir();
        Self::with_library(library, Some(dir)).with_data_dir(data_dir)
    }

    /// Keep data (profiles) in `dir`, and read what is there.
    pub fn with_data_dir(mut self, dir: PathBuf) -> Self {
        match Profiles::load(&dir) {
            Ok(profiles) => self.profiles = profiles,
            Err(e) => self.status = e.to_string(),
        }
        self.data_dir = dir;
        self
    }

    /// The employee profiles.
    pub fn profiles(&self) -> &Profiles {
        &self.profiles
    }

    /// Use this sound output; `warning` (no device) is shown once in the status line.
    pub fn with_audio(mut self, audio: Audio, warning: Option<AudioWarning>) -> Self {
        self.audio = audio;
        self.audio.set_muted(self.settings.muted);
        if let Some(w) = warning {
            self.warn_audio(&w);
        }
        self
    }

    /// Start with these preferences.
    pub fn with_settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self.audio.set_muted(settings.muted);
        self
    }

    /// The current preferences.
    pub fn settings(&self) -> Settings {
        self.settings
    }

    fn warn_audio(&mut self, warning: &AudioWarning) {
        log::warn!("{warning}");
        if !self.audio_warned {
            self.audio_warned = true;
            self.status = warning.to_string();
        }
    }

    /// The screen showing now.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The status line text.
    pub fn status(&self) -> &str {
        &self.status
    }

    /// The drill in progress (or just finished).
    pub fn drill(&self) -> Option<&Drill> {
        self.drill.as_ref()
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
        self.now_ms = (ui.input(|i| i.time) * 1000.0) as u64;
        self.tick_drill(ui.ctx());
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
                Screen::Home => {
                    let who = home::profile_bar_ui(ui, &self.profiles, &mut self.new_profile);
                    home::home_ui(ui, &self.library, self.job_family.as_deref()).or(who)
                }
                Screen::Problems => problems::problems_ui(ui, &self.library),
                Screen::Briefing(id) => match self.library.scenario(id) {
                    Some(s) => briefing::briefing_ui(ui, s),
                    None => Some(Command::GoHome),
                },
                Screen::Drill => match &self.drill {
                    Some(d) => match d.phase() {
                        Phase::Answering { .. } | Phase::Paused { .. } => {
                            let focus = std::mem::take(&mut self.focus_answer);
                            let view = drill::DrillView {
                                now_ms: self.now_ms,
                                confirm_abandon: self.confirm_abandon,
                                focus_answer: focus,
                            };
                            drill::drill_ui(ui, d, &mut self.draft, view)
                        }
                        Phase::Scored { .. } => score_card::score_card_ui(ui, d),
                        Phase::Finished | Phase::Abandoned | Phase::Briefing => summary::summary_ui(ui, d),
                    },
                    None => Some(Command::GoHome),
                },
            };
            commands.extend(command);
        });
        for c in commands {
            self.apply(c);
        }
        if std::mem::take(&mut self.settings_changed) {
            self.settings.apply(ui.ctx());
        }
    }

    fn top_bar_ui(&self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            ui.heading("FollowThrough");
            ui.separator();
            ui.label(&self.status);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let mut settings = self.settings;
                if settings.controls_ui(ui) {
                    command = Some(Command::ChangeSettings(settings));
                }
                ui.separator();
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
            Command::StartDrill(id, mode) => self.start_drill(&id, mode),
            Command::Submit => {
                let now = self.now_ms;
                let draft = std::mem::take(&mut self.draft);
                if let Some(d) = &mut self.drill {
                    d.set_draft(&draft);
                    match d.submit(now) {
                        Ok(events) => self.react(&events),
                        Err(e) => {
                            self.status = e.to_string();
                            self.draft = draft;
                        }
                    }
                }
            }
            Command::NextTurn => {
                let now = self.now_ms;
                if let Some(Ok(events)) = self.drill.as_mut().map(|d| d.next(now)) {
                    self.react(&events);
                }
            }
            Command::Pause => {
                let now = self.now_ms;
                if let Some(Err(e)) = self.drill.as_mut().map(|d| d.pause(now)) {
                    self.status = e.to_string();
                }
            }
            Command::Resume => {
                let now = self.now_ms;
                if let Some(Ok(())) = self.drill.as_mut().map(|d| d.resume(now)) {
                    self.focus_answer = true;
                }
            }
            Command::ReplayVoice => self.play_voice(),
            Command::PickProfile(i) => {
                if i < self.profiles.profiles.len() {
                    self.profiles.current = Some(i);
                    self.save_profiles();
                }
            }
            Command::CreateProfile => match self.profiles.add(&self.new_profile) {
                Ok(()) => {
                    self.new_profile.clear();
                    self.save_profiles();
                }
                Err(e) => self.status = e.to_string(),
            },
            Command::ChangeSettings(settings) => {
                self.settings = settings;
                self.audio.set_muted(settings.muted);
                self.settings_changed = true;
            }
            Command::AskAbandon => self.confirm_abandon = true,
            Command::ConfirmAbandon(leave) => {
                self.confirm_abandon = false;
                self.focus_answer = !leave;
                if leave {
                    if let Some(d) = &mut self.drill {
                        d.abandon();
                    }
                    self.draft.clear();
                }
            }
            Command::Reload => {
                if let Some(dir) = &self.scenarios_dir {
                    self.library = load_or_explain(dir);
                    self.update_status();
                }
            }
        }
    }
}

impl FollowThroughApp {
    fn start_drill(&mut self, id: &str, mode: Mode) {
        let Some(scenario) = self.library.scenario(id) else { return };
        self.drills_started += 1;
        // The seed only varies the customer's wording; any number will do, but not always the same one.
        let seed = self.now_ms ^ self.drills_started.rotate_left(32);
        let mut d = Drill::new(scenario.clone(), self.library.lexicon.clone(), mode, seed);
        self.draft.clear();
        self.confirm_abandon = false;
        if let Ok(events) = d.start(self.now_ms) {
            self.drill = Some(d);
            self.react(&events);
        }
        self.screen = Screen::Drill;
    }

    /// Let the drill's clock run; keep repainting about once a second while a countdown shows.
    fn tick_drill(&mut self, ctx: &egui::Context) {
        let now = self.now_ms;
        let Some(d) = &mut self.drill else { return };
        if matches!(d.phase(), Phase::Answering { .. }) {
            d.set_draft(&self.draft);
            let events = d.tick(now);
            if events.iter().any(|e| matches!(e, DrillEvent::Scored { .. })) {
                self.draft.clear();
                self.confirm_abandon = false;
            }
            self.react(&events);
            let to_next_second = 1000 - now % 1000;
            ctx.request_repaint_after(std::time::Duration::from_millis(to_next_second.max(50)));
        }
    }

    fn save_profiles(&mut self) {
        match self.profiles.save(&self.data_dir) {
            Ok(()) => {
                if let Some(p) = self.profiles.current() {
                    self.status = format!("Practising as {}", p.name);
                }
            }
            Err(e) => self.status = e.to_string(),
        }
    }

    /// The current turn's voice file, if the scenario has one for it.
    fn voice_path(&self) -> Option<std::path::PathBuf> {
        let d = self.drill.as_ref()?;
        let turn = match d.phase() {
            Phase::Answering { turn, .. } | Phase::Paused { turn, .. } => *turn,
            _ => return None,
        };
        let voice = d.scenario().turns[turn].voice.as_deref()?;
        let loaded = self.library.scenarios.iter().find(|l| l.scenario.id == d.scenario().id)?;
        Some(resolve_voice(std::path::Path::new(&loaded.file), voice).unwrap_or_else(|| voice.into()))
    }

    fn play_voice(&mut self) {
        if let Some(path) = self.voice_path()
            && let Err(w) = self.audio.play_voice(&path)
        {
            self.warn_audio(&w);
        }
    }

    /// Turn drill events into sounds and what the user sees in the status line.
    fn react(&mut self, events: &[DrillEvent]) {
        for e in events {
            match e {
                DrillEvent::TimeWarning { .. } => {
                    self.status = "Ten seconds left".into();
                    self.audio.play_cue(Cue::TenSecondsLeft);
                }
                DrillEvent::TimeUp { .. } => {
                    self.status = "Time is up: your answer was sent as it stood".into();
                    self.audio.play_cue(Cue::TimeUp);
                }
                DrillEvent::Scored { score, passed, .. } => {
                    self.audio.stop_voice();
                    self.audio.play_cue(if *passed { Cue::Passed } else { Cue::Failed });
                    self.status = format!("Scored {score}/100 · {}", if *passed { "passed" } else { "not yet" })
                }
                DrillEvent::Finished => self.status = "Drill finished".into(),
                DrillEvent::TurnStarted { turn } => {
                    self.status = format!("Turn {}", turn + 1);
                    self.focus_answer = true;
                    self.audio.play_cue(Cue::Start);
                    self.play_voice();
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

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }
}
