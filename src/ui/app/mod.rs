//! The app: one struct per job (the window, profiles, the library and its loading at start-up, a
//! drill, rehearsal, the quiz, the trainer's tools, coach mode, the scoring worker, reporting), and
//! the one place that routes each command to its owner.

mod command;
mod drill_run;
mod group;
mod library_state;
mod loading;
mod place;
mod practice;
mod profiles;
mod reporting;
mod root;
mod shell;
mod trainer;
mod window;
mod worker;

use std::path::PathBuf;
use std::time::Duration;

use crate::core::authoring::sandbox::Sandbox;
use crate::core::coach::SessionReport;
use crate::core::coach::session::GroupSession;
use crate::core::drill::Drill;
use crate::core::library::Library;
use crate::core::quiz::round::QuizRound;
use crate::core::rehearsal::session::RehearsalSession;
use crate::core::staging::Plan;
use crate::io::audio::{Audio, AudioWarning};
use crate::io::store::{Employee, Store};

use super::settings::{STORAGE_KEY, Settings};
use crate::core::plural::plural;

pub use command::{
    CoachCommand, Command, DrillCommand, LibraryCommand, ProfileCommand, QuizCommand, RehearsalCommand,
    ReportingCommand, ShellCommand, TrainerCommand,
};
pub use drill_run::{DrillRun, RunKind, TurnRecording};
pub use group::{Coach, GroupRun};
pub use library_state::LibraryState;
pub use loading::Loading;
pub use place::Place;
pub use practice::{QUIZ_LENGTH, QuizRun, RehearsalRun};
pub use profiles::Profiles;
pub use reporting::{Reporting, SEND_EVERY, TeamSource};
pub use root::MENU_LABEL;
pub use shell::{Microphone, PendingAudio, Screen, Shell};
pub use trainer::{SandboxRun, Trainer};
pub use window::WindowKeeper;
pub use worker::{Runner, Scored, ScoringWorker, Ticket};

pub use crate::core::coach::session::SPIN_MS;

/// The whole app state, one part per job.
pub struct FollowThroughApp {
    shell: Shell,
    profiles: Profiles,
    library: LibraryState,
    /// The screen showing, with the drill, rehearsal, quiz or try-a-response it shows.
    place: Place,
    trainer: Trainer,
    coach: Coach,
    scoring: ScoringWorker,
    /// Reporting to the LRS (the background sender) and the Team screen.
    reporting: Reporting,
}

impl FollowThroughApp {
    /// An app showing an already-loaded library (tests use this).
    pub fn with_library(library: Library, scenarios_dir: Option<PathBuf>) -> Self {
        Self::assemble(library, scenarios_dir, Profiles::in_memory())
    }

    fn assemble(library: Library, scenarios_dir: Option<PathBuf>, profiles: Profiles) -> Self {
        let mut app = Self {
            shell: Shell::new(),
            profiles,
            library: LibraryState::new(library, scenarios_dir),
            place: Place::Home,
            trainer: Trainer::default(),
            coach: Coach::default(),
            scoring: ScoringWorker::new(),
            reporting: Reporting::default(),
        };
        app.update_status();
        app.refresh_progress();
        app
    }

    /// An app on the scenario folder `dir` with progress in `data_dir`, read before it returns; a
    /// missing folder shows as an empty library with a message.
    pub fn open(dir: PathBuf, data_dir: PathBuf) -> Self {
        // The folders a team added are in the store: open it first, then read every folder once.
        let mut app = Self::with_library(Library::default(), Some(dir)).with_data_dir(data_dir);
        app.read_team_folders();
        app.reload();
        // Everything read before it returns: the author tests too.
        app.library.wait_for_tests(Duration::from_secs(600));
        if app.library.take_test_findings() {
            app.update_status();
        }
        app
    }

    /// An app on `dir` and `data_dir` that shows its first frame at once and reads the store and
    /// the library on another thread (the window shows "Loading..." if that takes a while).
    pub fn open_in_background(dir: PathBuf, data_dir: PathBuf) -> Self {
        let loading = Loading::start(dir.clone(), data_dir.clone());
        let mut app = Self::assemble(Library::default(), Some(dir), Profiles::not_yet_open(data_dir));
        app.library.loading = Some(loading);
        app
    }

    /// Keep progress in the store in `dir`, and read what is there. A damaged or newer database is
    /// left untouched and the reason shown; nothing is recorded until it is dealt with. In a
    /// read-only folder the progress there is shown and the status says it can't be saved.
    pub fn with_data_dir(mut self, dir: PathBuf) -> Self {
        let opened = Store::open(&dir, jiff::Zoned::now().date());
        self.use_store(Profiles::opened(opened, dir));
        self
    }

    fn use_store(&mut self, profiles: Profiles) {
        self.profiles = profiles;
        self.reporting.load(&self.profiles.data_dir, self.profiles.store.as_ref());
        if self.profiles.store.is_some() {
            self.update_status();
        }
        self.refresh_progress();
    }

    /// Read the folders a team added from the store (a failure is said, and only the main folder read).
    fn read_team_folders(&mut self) {
        let Some(store) = &self.profiles.store else { return };
        match store.scenario_folders() {
            Ok(folders) => self.library.extra_folders = folders,
            Err(e) => self.shell.say(format!("The team's scenario folders could not be read: {e}")),
        }
    }

    /// Use this sound output; `warning` (no device) is shown once in the status line.
    pub fn with_audio(mut self, audio: Audio, warning: Option<AudioWarning>) -> Self {
        self.shell.set_audio(audio);
        if let Some(w) = warning {
            self.shell.warn_audio(&w);
        }
        self
    }

    /// Open the sound device (with cue sounds from `sounds`) once the first frame is on screen.
    pub fn with_audio_after_first_frame(mut self, sounds: Option<PathBuf>) -> Self {
        self.shell.pending_audio = Some(PendingAudio { sounds });
        self
    }

    /// Keep the window's size and position in the data folder `dir`, where `saved` was read.
    pub fn with_window_place(mut self, dir: PathBuf, saved: Option<crate::io::window_place::WindowPlace>) -> Self {
        self.shell.window = WindowKeeper::new(dir, saved);
        self
    }

    /// Start with these preferences.
    pub fn with_settings(mut self, settings: Settings) -> Self {
        self.shell.set_settings(settings);
        self
    }

    /// Score answers with `runner` on the worker thread instead of the core's scorer (tests hold a
    /// card back with it, to see the window while an answer is being scored).
    pub fn with_scorer(mut self, runner: Runner) -> Self {
        self.scoring = ScoringWorker::with_runner(runner);
        self
    }

    /// Wait (up to `limit`) for the work running on other threads: the start-up loading and the
    /// answers being scored. The next frame then shows their results. Tests call this before each
    /// frame, so what a person would see a moment later is what the next frame shows.
    pub fn wait_for_background(&mut self, limit: Duration) {
        if let Some(loading) = &mut self.library.loading {
            loading.wait(limit);
        }
        self.library.wait_for_tests(limit);
        self.scoring.wait(limit);
        self.reporting.wait_for_team(limit);
    }

    /// Read the scenario folders again, keeping the last good version of files that broke.
    pub fn reload(&mut self) {
        if !self.library.reload() {
            return;
        }
        self.settle_worths();
        self.update_status();
        self.trainer_reloaded();
        self.refresh_progress();
    }

    /// Older verdicts whose worth was estimated get the exact worth from the scenarios now loaded.
    fn settle_worths(&self) {
        let Some(store) = &self.profiles.store else { return };
        let scenarios: Vec<_> = self.library.library.scenarios.iter().map(|l| &l.scenario).collect();
        if let Err(e) = store.settle_worths(&scenarios) {
            log::warn!("could not settle the worth of older verdicts: {e}");
        }
    }

    /// Read the employees, the current one's attempts, and recompute today's plan and the report.
    fn refresh_progress(&mut self) {
        self.profiles.refresh(&self.library.library, &mut self.shell);
    }

    fn update_status(&mut self) {
        let s = self.library.library.summary();
        let problems = s.errors + s.warnings;
        let mut status = format!(
            "{} · {} · {} in scenario files",
            plural(s.scenarios, "scenario", "scenarios"),
            plural(s.turns, "turn", "turns"),
            plural(problems, "problem", "problems")
        );
        if let Some(run) = &self.library.author_tests {
            status = format!("{status} · checking author tests ({} to go)", plural(run.left, "scenario", "scenarios"));
        }
        if let (Some(_), Some(e)) = (&self.profiles.store, &self.profiles.store_error) {
            status = format!("{status} · {e}");
        }
        self.shell.set_resting_status(status);
    }

    /// Apply one command: each group goes to its owner. A command that opens another screen puts
    /// the keyboard on that screen's main action, whoever sent it (a button, a test, the tour), and
    /// forgets a status message said before the command (it was about the screen left behind).
    pub fn apply(&mut self, command: Command) {
        let screen_before = self.place.screen();
        let said_before = self.shell.said_count();
        self.apply_to_owner(command);
        if self.place.screen() != screen_before {
            self.shell.focus_main = true;
            if self.shell.said_count() == said_before {
                self.shell.forget_status();
            }
        }
    }

    fn apply_to_owner(&mut self, command: Command) {
        match command {
            Command::Shell(c) => self.apply_shell(c),
            Command::Profile(ProfileCommand::DeleteRecording(path)) => {
                // Gone from the drill's summary too, not only from Progress.
                if self.profiles.delete_recording(&path, &mut self.shell)
                    && let Some(run) = self.place.drill_mut()
                {
                    run.recordings.retain(|r| r.path != path);
                }
            }
            Command::Profile(c) => self.profiles.apply(c, &self.library.library, &mut self.shell),
            Command::Library(c) => self.apply_library(c),
            Command::Drill(c) => self.apply_drill(c),
            Command::Rehearsal(c) => self.apply_rehearsal(c),
            Command::Quiz(c) => self.apply_quiz(c),
            Command::Trainer(c) => self.apply_trainer(c),
            Command::Coach(c) => self.apply_coach(c),
            Command::Reporting(c) => self.apply_reporting(c),
        }
    }

    fn apply_reporting(&mut self, command: ReportingCommand) {
        let (dir, store) = (&self.profiles.data_dir, self.profiles.store.as_ref());
        match command {
            ReportingCommand::ShowTeam(source) => {
                self.place = Place::Team;
                self.reporting.refresh(store);
                let scenarios: Vec<_> = self.library.library.scenarios.iter().map(|l| &l.scenario).collect();
                self.reporting.show_team(source, dir, store, &scenarios);
            }
            ReportingCommand::Save => {
                self.reporting.save(dir, store);
                if self.reporting.error.is_none() {
                    self.shell.say("LRS settings saved");
                }
            }
            ReportingCommand::SendNow => self.reporting.send_now(),
            ReportingCommand::RetryRefused => {
                if let Some(Err(e)) = store.map(Store::xapi_retry_failed) {
                    self.shell.say(format!("The refused statements could not be queued again: {e}"));
                }
                self.reporting.refresh(store);
                self.reporting.send_now();
            }
            ReportingCommand::RefreshStatus => self.reporting.refresh(store),
        }
    }

    fn apply_shell(&mut self, command: ShellCommand) {
        match command {
            ShellCommand::GoHome => self.place = Place::Home,
            ShellCommand::OpenBriefing(id) => self.place = Place::Briefing(id),
            ShellCommand::ShowProblems => self.place = Place::Problems,
            ShellCommand::ShowProgress => {
                self.refresh_progress();
                self.place = Place::Progress;
            }
            other => self.shell.apply(other),
        }
    }

    /// Cards that came back from the scoring worker go to the run that sent the answer.
    fn take_cards(&mut self) {
        for scored in self.scoring.take_ready() {
            if self.place.drill().is_some_and(|r| r.waits_for(scored.ticket)) {
                self.drill_card(scored);
            } else if self.sandbox_waits_for(scored.ticket) {
                self.sandbox_card(scored);
            } else {
                self.group_card(scored);
            }
        }
    }
}

/// The parts tests and the window read.
impl FollowThroughApp {
    /// Every employee, in the order created.
    pub fn employees(&self) -> &[Employee] {
        &self.profiles.employees
    }

    /// The employee practising now.
    pub fn current_employee(&self) -> Option<&Employee> {
        self.profiles.current_employee()
    }

    /// Today's plan for the employee practising now.
    pub fn today(&self) -> Option<&Plan> {
        self.profiles.today.as_ref()
    }

    /// Why progress cannot be kept, if it cannot.
    pub fn store_error(&self) -> Option<&str> {
        self.profiles.store_error.as_deref()
    }

    /// The progress store (tests read what was recorded).
    pub fn store(&self) -> Option<&Store> {
        self.profiles.store.as_ref()
    }

    /// The current preferences.
    pub fn settings(&self) -> Settings {
        self.shell.settings
    }

    /// The screen showing now.
    pub fn screen(&self) -> Screen {
        self.place.screen()
    }

    /// The status line text.
    pub fn status(&self) -> &str {
        self.shell.status_now()
    }

    /// The drill on screen (running, or showing its summary).
    pub fn drill(&self) -> Option<&Drill> {
        self.place.drill().map(|r| &r.drill)
    }

    /// An answer is being scored off the window's thread.
    pub fn scoring(&self) -> bool {
        self.place.drill().is_some_and(DrillRun::scoring) || self.place.group().is_some_and(|r| r.waiting.is_some())
    }

    /// The library's author tests are still running on their thread (after start-up or a reload).
    pub fn checking_author_tests(&self) -> bool {
        self.library.author_tests.is_some()
    }

    /// The library, store and folders are still being read at start-up.
    pub fn loading(&self) -> bool {
        self.library.loading.is_some()
    }

    /// The rehearsal on screen.
    pub fn rehearsal(&self) -> Option<&RehearsalSession> {
        self.place.rehearsal().map(|r| &r.session)
    }

    /// The quiz round on screen.
    pub fn quiz(&self) -> Option<&QuizRound> {
        self.place.quiz().map(|r| &r.round)
    }

    /// Every scenario folder read: the main one, then those added.
    pub fn scenario_folders(&self) -> Vec<PathBuf> {
        self.library.folders()
    }

    /// The loaded library.
    pub fn library(&self) -> &Library {
        &self.library.library
    }

    /// The sandbox on screen.
    pub fn sandbox(&self) -> Option<&Sandbox> {
        self.place.sandbox().map(|r| &r.sandbox)
    }

    /// The group session in progress (or just over).
    pub fn group(&self) -> Option<&GroupSession> {
        self.place.group().map(|r| &r.session)
    }

    /// The report of the group session just over.
    pub fn group_report(&self) -> Option<&SessionReport> {
        self.place.group().and_then(|r| r.report.as_ref())
    }

    /// Where the session report was written.
    pub fn group_exported(&self) -> Option<&str> {
        self.place.group().and_then(|r| r.exported.as_deref())
    }
}

impl eframe::App for FollowThroughApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let place = ui.ctx().input(|i| self.shell.window.observe(i.viewport()));
        for command in place {
            ui.ctx().send_viewport_cmd(command);
        }
        self.ui_root(ui);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        crate::ui::theme::clear_color(visuals)
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.shell.settings);
        self.shell.window.save();
    }
}
