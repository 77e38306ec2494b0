//! The app: owns the loaded library and the current screen, and applies the commands screens emit.

#![allow(clippy::too_many_lines, clippy::option_option)] // until the app-state split (#13)

mod group;
mod practice;
mod trainer;

use std::path::PathBuf;

use crate::core::authoring::sandbox::Sandbox;
use crate::core::authoring::{FileFilter, FileRow, file_rows};
use crate::core::drill::{Drill, DrillEvent, Mode, Phase};
use crate::core::library::Library;
use crate::core::progress::report::ProgressReport;
use crate::core::progress::{Activity, Attempt, AttemptMode};
use crate::core::quiz::round::QuizRound;
use crate::core::rehearsal::session::{RehearsalSession, level_from_index, level_index};
use crate::core::staging::{LearnerState, Plan, StagingSettings, day_number};
use crate::io::audio::{Audio, AudioWarning, Cue};
use crate::io::scenario_files::{load_library, resolve_voice};
use crate::io::store::{AttemptFilter, Employee, RolloutRules, Store};
use crate::io::watch::FolderWatcher;

use super::authoring::AuthoringInput;
use super::coach::{CoachInput, CoachSetup};
use super::settings::{STORAGE_KEY, Settings};
use super::{
    authoring, briefing, coach, drill, home, problems, progress, quiz, rehearse, sandbox, score_card, summary,
    test_play,
};
use crate::core::coach::SessionReport;
use crate::core::coach::session::{GroupPhase, GroupSession};

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
    /// The current employee's progress.
    Progress,
    /// Rehearsing a scenario's scripts.
    Rehearse,
    /// A round of "Know the play" questions.
    Quiz,
    /// The trainer's list of scenario files.
    Authoring,
    /// The map of one scenario's turns, to test-play from any of them.
    TestPlay(String),
    /// Try a response against a turn's rubric.
    Sandbox,
    /// Setting up a coached group session.
    CoachSetup,
    /// A coached group session on the projector.
    Coach,
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
    /// Practise as the employee with this id.
    PickProfile(String),
    /// Show the current employee's progress.
    ShowProgress,
    /// The current employee's minutes a day.
    SetDailyMinutes(f64),
    /// New rollout rules for everyone on this machine.
    SetRolloutRules(RolloutRules),
    /// Rehearse the scripts of this scenario.
    OpenRehearsal(String),
    /// Rehearse the script at this index.
    SelectScript(usize),
    /// Compare what was recited with the script.
    CheckRecitation,
    /// Show the script again, other words hidden.
    FadeAgain,
    /// Start a round of "Know the play" questions.
    StartQuiz,
    /// Answer the question showing with this option.
    AnswerQuiz(usize),
    /// Go on to the next question.
    NextQuestion,
    /// Show the trainer's list of scenario files.
    ShowAuthoring,
    /// Show these files.
    FilterFiles(FileFilter),
    /// Unfold or fold a file's problems.
    ToggleFile(String),
    /// Open a scenario file in the editor.
    OpenInEditor(PathBuf),
    /// Show a scenario file in the file manager.
    RevealFile(PathBuf),
    /// Show a scenario's turn map for test-play.
    TestPlay(String),
    /// Test-play a scenario from a turn (not recorded).
    PlayFrom {
        /// Scenario id.
        scenario: String,
        /// Turn index to start at.
        turn: usize,
        /// Against the clock.
        timed: bool,
    },
    /// Try responses to a scenario's turns.
    OpenSandbox(String),
    /// Answer another turn in the sandbox.
    SandboxTurn(usize),
    /// Save the sandbox response as an author test in the scenario file.
    SaveAuthorTest,
    /// Pick a scenario folder with the system dialog.
    PickFolder,
    /// Add a scenario folder.
    AddFolder(PathBuf),
    /// Stop reading a scenario folder.
    RemoveFolder(PathBuf),
    /// Write a new scenario from the template.
    CreateScenario,
    /// Set up a coached group session.
    ShowCoachSetup,
    /// Start the group session as set up.
    StartGroup,
    /// Spin the picker for the next participant.
    PickNext,
    /// The one picked is skipped (true) or not present (false).
    PassGroup(bool),
    /// The answer is given: score it.
    GroupAnswered,
    /// The coach ticks (or unticks) a criterion.
    TickCriterion(usize, bool),
    /// Keep the coach's score and go on.
    SaveGroupScore,
    /// End the group session and show the report.
    EndGroup,
    /// Write the session report as CSV and HTML.
    ExportGroup,
    /// Full screen on or off (projector).
    ToggleFullscreen,
    /// High contrast on or off (projector in a bright room).
    ToggleHighContrast,
    /// Record the spoken answer to this turn.
    StartRecording,
    /// Keep the employee's own verdicts for the turn just answered.
    SelfScore,
    /// Play a recording.
    PlayRecording(PathBuf),
    /// Delete a recording.
    DeleteRecording(PathBuf),
    /// Create a profile with the name typed in the new-profile box.
    CreateProfile,
}

/// How long the picker's visible spin lasts, ms.
pub const SPIN_MS: u64 = 1200;

/// Questions in a round of "Know the play".
pub const QUIZ_LENGTH: usize = 6;

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
    /// The progress store (None when it could not be opened: see `store_error`).
    store: Option<Store>,
    /// Why progress is not being kept, shown on every screen until fixed.
    store_error: Option<String>,
    employees: Vec<Employee>,
    current_employee: Option<String>,
    /// The current employee's attempts, oldest first.
    attempts: Vec<Attempt>,
    /// Today's plan for the current employee.
    today: Option<Plan>,
    /// The rollout rules in force.
    rules: RolloutRules,
    /// The progress report for the current employee.
    report: Option<ProgressReport>,
    /// When the drill in progress started (wall clock), and whether it has been saved.
    drill_started_at: jiff::Timestamp,
    drill_saved: bool,
    rehearsal: Option<RehearsalSession>,
    recitation: String,
    quiz: Option<QuizRound>,
    /// When the current recitation or question was shown (wall clock).
    activity_started: jiff::Timestamp,
    new_profile: String,
    /// Folders the team added, read after the main one.
    extra_folders: Vec<PathBuf>,
    watcher: Option<FolderWatcher>,
    /// Watching was tried for the current folders (it is not retried every frame after a failure).
    watch_tried: bool,
    file_filter: FileFilter,
    file_rows: Vec<FileRow>,
    expanded_file: Option<String>,
    authoring_input: AuthoringInput,
    sandbox: Option<Sandbox>,
    sandbox_text: String,
    test_name: String,
    /// The drill in progress is a trainer's test-play: not recorded.
    test_play: bool,
    /// Until then (egui clock, ms) a reload by the watcher leaves the status line alone, so the
    /// message about the save that caused it stays readable.
    status_kept_until_ms: u64,
    /// The date of the last frame: when it changes (a window left open overnight), today's backup
    /// is taken and Today is planned afresh.
    day_seen: Option<jiff::civil::Date>,
    coach_setup: CoachSetup,
    /// The scenarios offered on the setup screen (computed when it opens: it reads every attempt).
    coach_choices: Vec<(String, String, u32, bool)>,
    group: Option<GroupSession>,
    coach_input: CoachInput,
    group_report: Option<SessionReport>,
    group_exported: Option<String>,
    /// When the picker's spin ends (egui clock, ms); the pick happens then.
    spin_until_ms: Option<u64>,
    /// When the participant on screen started answering (egui clock, ms, and wall clock).
    group_turn_started: (u64, jiff::Timestamp),
    time_up_played: bool,
    fullscreen: bool,
    fullscreen_changed: bool,
    /// The id the drill in progress will be saved under (recordings are named after it).
    drill_attempt_id: String,
    recorder: Option<crate::io::recording::Recorder>,
    /// Why recording is impossible here (checked once, when first needed).
    mic_problem: Option<Option<String>>,
    /// The employee's own ticks for the turn just answered.
    self_ticks: Vec<bool>,
    /// Recordings of the drill in progress: (index of the answered turn, file).
    recordings: Vec<(usize, PathBuf)>,
    /// Every recording kept for the current employee: (what and when, file).
    saved_recordings: Vec<(String, PathBuf)>,
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
            store: None,
            store_error: None,
            employees: Vec::new(),
            current_employee: None,
            attempts: Vec::new(),
            today: None,
            rules: RolloutRules::default(),
            report: None,
            drill_started_at: jiff::Timestamp::UNIX_EPOCH,
            drill_saved: true,
            rehearsal: None,
            recitation: String::new(),
            quiz: None,
            activity_started: jiff::Timestamp::UNIX_EPOCH,
            new_profile: String::new(),
            extra_folders: Vec::new(),
            watcher: None,
            watch_tried: false,
            file_filter: FileFilter::default(),
            file_rows: Vec::new(),
            expanded_file: None,
            authoring_input: AuthoringInput::default(),
            sandbox: None,
            sandbox_text: String::new(),
            test_name: String::new(),
            test_play: false,
            status_kept_until_ms: 0,
            day_seen: None,
            coach_setup: CoachSetup { seconds: 60, ..CoachSetup::default() },
            coach_choices: Vec::new(),
            group: None,
            coach_input: CoachInput::default(),
            group_report: None,
            group_exported: None,
            spin_until_ms: None,
            group_turn_started: (0, jiff::Timestamp::UNIX_EPOCH),
            time_up_played: false,
            fullscreen: false,
            fullscreen_changed: false,
            drill_attempt_id: String::new(),
            recorder: None,
            mic_problem: None,
            self_ticks: Vec::new(),
            recordings: Vec::new(),
            saved_recordings: Vec::new(),
            now_ms: 0,
        };
        match Store::open_in_memory() {
            Ok(store) => app.store = Some(store),
            Err(e) => app.store_error = Some(e.to_string()),
        }
        app.update_status();
        app.refresh_progress();
        app
    }

    /// An app on the scenario folder `dir` with progress in `data_dir`; a missing folder shows as
    /// an empty library with a message.
    pub fn open(dir: PathBuf, data_dir: PathBuf) -> Self {
        // The folders a team added are in the store: open it first, then read every folder once.
        let mut app = Self::with_library(Library::default(), Some(dir)).with_data_dir(data_dir);
        let folders_problem = match app.store.as_ref().map(Store::scenario_folders).transpose() {
            Ok(folders) => {
                app.extra_folders = folders.unwrap_or_default();
                None
            }
            Err(e) => Some(format!("the team's scenario folders cannot be read ({e}); showing the main folder only")),
        };
        app.reload();
        if let Some(problem) = folders_problem {
            app.status = format!("{} · {problem}", app.status);
        }
        app
    }

    /// Keep progress in the store in `dir`, and read what is there. A damaged or newer database is
    /// left untouched and the reason shown; nothing is recorded until it is dealt with. In a
    /// read-only folder the progress there is shown and the status says it can't be saved.
    pub fn with_data_dir(mut self, dir: PathBuf) -> Self {
        match Store::open(&dir, jiff::Zoned::now().date()) {
            Ok(store) => {
                self.store_error = store.read_only().map(|e| e.to_string());
                self.store = Some(store);
                self.update_status();
            }
            Err(e) => {
                log::error!("{e}");
                self.store = None;
                self.store_error = Some(e.to_string());
            }
        }
        self.data_dir = dir;
        self.refresh_progress();
        self
    }

    /// Every employee, in the order created.
    pub fn employees(&self) -> &[Employee] {
        &self.employees
    }

    /// The employee practising now.
    pub fn current_employee(&self) -> Option<&Employee> {
        self.employees.iter().find(|e| Some(&e.id) == self.current_employee.as_ref())
    }

    /// Today's plan for the employee practising now.
    pub fn today(&self) -> Option<&Plan> {
        self.today.as_ref()
    }

    /// Why progress cannot be kept, if it cannot.
    pub fn store_error(&self) -> Option<&str> {
        self.store_error.as_deref()
    }

    /// The progress store (tests read what was recorded).
    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
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
        if let (Some(_), Some(e)) = (&self.store, &self.store_error) {
            self.status = format!("{} · {e}", self.status);
        }
    }

    /// Draw the whole window and apply whatever the user asked for.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        self.now_ms = (ui.input(|i| i.time) * 1000.0) as u64;
        self.watch_folders(ui.ctx());
        self.new_day(ui.ctx());
        if self.watcher.as_ref().is_some_and(FolderWatcher::changed) {
            let kept = std::mem::take(&mut self.status);
            self.reload();
            if self.now_ms < self.status_kept_until_ms {
                self.status = kept;
            } else {
                self.status = format!("Reloaded after a change: {}", self.status);
            }
        }
        self.tick_drill(ui.ctx());
        self.tick_group(ui.ctx());
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Q)) {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let mut commands = Vec::new();
        egui::Panel::top("top_bar").show(ui, |ui| {
            if let Some(c) = self.top_bar_ui(ui) {
                commands.push(c);
            }
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.add(egui::Label::new(egui::RichText::new(&self.status).weak()).truncate());
        });
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(e) = &self.store_error {
                // Read-only: the store is open and `e` says it all ("progress can't be saved: ...").
                let text =
                    if self.store.is_some() { capitalised(e) } else { format!("Progress is not being saved: {e}") };
                ui.colored_label(ui.visuals().error_fg_color, text);
                ui.separator();
            }
            let command = match &self.screen {
                Screen::Home => {
                    let who = home::profile_bar_ui(
                        ui,
                        &self.employees,
                        self.current_employee.as_deref(),
                        &mut self.new_profile,
                    );
                    let today = self.today.as_ref().and_then(|plan| home::today_ui(ui, plan, &self.library));
                    home::home_ui(ui, &self.library, self.job_family.as_deref()).or(who).or(today)
                }
                Screen::Authoring => {
                    let folders = self.scenario_folders();
                    let view = authoring::AuthoringView {
                        library: &self.library,
                        rows: &self.file_rows,
                        filter: &self.file_filter,
                        folders: &folders,
                        expanded: self.expanded_file.as_deref(),
                    };
                    authoring::authoring_ui(ui, &view, &mut self.authoring_input)
                }
                Screen::TestPlay(id) => match self.library.scenario(id) {
                    Some(s) => test_play::test_play_ui(ui, s, &crate::core::authoring::branch_map::branch_map(s)),
                    None => Some(Command::ShowAuthoring),
                },
                Screen::Sandbox => match &mut self.sandbox {
                    Some(sb) => {
                        let command = sandbox::sandbox_ui(ui, sb, &mut self.sandbox_text, &mut self.test_name);
                        sb.set_response(&self.sandbox_text);
                        command
                    }
                    None => Some(Command::ShowAuthoring),
                },
                Screen::CoachSetup => coach::setup_ui(ui, &mut self.coach_setup, &self.coach_choices, &self.employees),
                Screen::Coach => match &self.group {
                    Some(session) => {
                        let spinning = self.spin_until_ms.map(|_| {
                            let roster = &session.plan.roster;
                            let i = (self.now_ms / 90) as usize % roster.len().max(1);
                            roster.get(i).map_or("", |p| p.name.as_str())
                        });
                        let seconds_left = match session.phase {
                            GroupPhase::Answering { .. } => Some(self.group_seconds_left()),
                            _ => None,
                        };
                        let view = coach::PresenterView {
                            seconds_left,
                            spinning,
                            report: self.group_report.as_ref(),
                            exported: self.group_exported.as_deref(),
                        };
                        coach::presenter_ui(ui, session, &view, &mut self.coach_input)
                    }
                    None => Some(Command::GoHome),
                },
                Screen::Rehearse => match &self.rehearsal {
                    Some(session) => {
                        let focus = std::mem::take(&mut self.focus_answer);
                        rehearse::rehearse_ui(ui, session, &mut self.recitation, focus)
                    }
                    None => Some(Command::GoHome),
                },
                Screen::Quiz => match &self.quiz {
                    Some(round) => quiz::quiz_ui(ui, round),
                    None => Some(Command::GoHome),
                },
                Screen::Progress => match (self.current_employee(), &self.report, &self.today) {
                    (Some(e), Some(report), Some(plan)) => {
                        let view = progress::ProgressView {
                            name: &e.name,
                            report,
                            plan,
                            rules: self.rules,
                            recordings: &self.saved_recordings,
                        };
                        progress::progress_ui(ui, &view)
                    }
                    _ => Some(Command::GoHome),
                },
                Screen::Problems => problems::problems_ui(ui, &self.library),
                Screen::Briefing(id) => match self.library.scenario(id) {
                    Some(s) => briefing::briefing_ui(ui, s),
                    None => Some(Command::GoHome),
                },
                Screen::Drill => match &self.drill {
                    Some(d) => match d.phase() {
                        Phase::Answering { .. } | Phase::Paused { .. } => {
                            let focus = std::mem::take(&mut self.focus_answer);
                            let mic_problem = self
                                .mic_problem
                                .get_or_insert_with(|| {
                                    crate::io::recording::microphone_status().err().map(|e| e.to_string())
                                })
                                .clone();
                            let view = drill::DrillView {
                                now_ms: self.now_ms,
                                confirm_abandon: self.confirm_abandon,
                                focus_answer: focus,
                                recording: self.recorder.is_some(),
                                mic_problem,
                            };
                            drill::drill_ui(ui, d, &mut self.draft, view)
                        }
                        Phase::Scored { .. } => {
                            let index = d.results().len().saturating_sub(1);
                            let recording = self.recordings.iter().find(|(i, _)| *i == index).map(|(_, p)| p.as_path());
                            score_card::score_card_ui(ui, d, &mut self.self_ticks, recording)
                        }
                        Phase::Finished | Phase::Abandoned | Phase::Briefing => {
                            let files: Vec<PathBuf> = self.recordings.iter().map(|(_, p)| p.clone()).collect();
                            summary::summary_ui(ui, d, &files)
                        }
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
        if std::mem::take(&mut self.fullscreen_changed) {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.fullscreen));
        }
    }

    fn top_bar_ui(&self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            ui.heading("FollowThrough");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let mut settings = self.settings;
                if settings.controls_ui(ui) {
                    command = Some(Command::ChangeSettings(settings));
                }
                ui.separator();
                // While a drill runs, leaving it goes through its own Esc dialog (so it is saved).
                let free = !self.drill_running() && !self.group_running();
                if self.scenarios_dir.is_some()
                    && ui
                        .add_enabled(free, egui::Button::new("Reload scenarios"))
                        .on_hover_text("Read the scenario folder again")
                        .clicked()
                {
                    command = Some(Command::Reload);
                }
                if !self.library.diagnostics.is_empty()
                    && ui.add_enabled(free, egui::Button::new("Scenario problems")).clicked()
                {
                    command = Some(Command::ShowProblems);
                }
                if ui
                    .add_enabled(free, egui::Button::new("Coach a group"))
                    .on_hover_text("Run a rehearsal session with a team on a projector")
                    .clicked()
                {
                    command = Some(Command::ShowCoachSetup);
                }
                if ui
                    .add_enabled(free, egui::Button::new("Authoring"))
                    .on_hover_text("Scenario files, test-play, try a response")
                    .clicked()
                {
                    command = Some(Command::ShowAuthoring);
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
            Command::PickProfile(id) => self.pick_employee(&id),
            Command::CreateProfile => self.create_employee(),
            Command::ShowProgress => {
                self.refresh_progress();
                self.screen = Screen::Progress;
            }
            Command::OpenRehearsal(id) => self.open_rehearsal(&id),
            Command::SelectScript(i) => {
                if let Some(session) = &mut self.rehearsal {
                    session.select(i);
                }
                self.recitation.clear();
                self.activity_started = jiff::Timestamp::now();
                self.focus_answer = true;
            }
            Command::FadeAgain => {
                if let Some(session) = &mut self.rehearsal {
                    session.again();
                }
                self.recitation.clear();
                self.activity_started = jiff::Timestamp::now();
                self.focus_answer = true;
            }
            Command::CheckRecitation => self.check_recitation(),
            Command::StartQuiz => self.start_quiz(),
            Command::AnswerQuiz(option) => self.answer_quiz(option),
            Command::NextQuestion => {
                if let Some(round) = &mut self.quiz {
                    round.next();
                }
                self.activity_started = jiff::Timestamp::now();
            }
            Command::SetDailyMinutes(minutes) => {
                if let (Some(store), Some(id)) = (&self.store, &self.current_employee)
                    && let Err(e) = store.set_daily_minutes(id, minutes)
                {
                    self.status = e.to_string();
                }
                self.refresh_progress();
            }
            Command::SetRolloutRules(rules) => {
                if let Some(store) = &self.store
                    && let Err(e) = store.set_rollout_rules(&rules)
                {
                    self.status = e.to_string();
                }
                self.refresh_progress();
            }
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
                    // A recording of the turn left unanswered is dropped (the recorder stops).
                    self.recorder = None;
                    if let Some(d) = &mut self.drill {
                        d.abandon();
                    }
                    self.draft.clear();
                    self.save_drill();
                }
            }
            Command::Reload => self.reload(),
            Command::ShowAuthoring => {
                self.file_rows = file_rows(&self.library, &self.file_filter);
                self.screen = Screen::Authoring;
            }
            Command::FilterFiles(filter) => {
                self.file_rows = file_rows(&self.library, &filter);
                self.file_filter = filter;
            }
            Command::ToggleFile(file) => {
                self.expanded_file = if self.expanded_file.as_ref() == Some(&file) { None } else { Some(file) };
            }
            Command::OpenInEditor(path) => match crate::io::editor::open_in_editor(&path) {
                Ok(()) => self.status = format!("Opened {}", path.display()),
                Err(e) => self.status = e.to_string(),
            },
            Command::RevealFile(path) => {
                if let Err(e) = crate::io::editor::reveal(&path) {
                    self.status = e.to_string();
                }
            }
            Command::TestPlay(id) => self.screen = Screen::TestPlay(id),
            Command::PlayFrom { scenario, turn, timed } => self.start_test_play(&scenario, turn, timed),
            Command::OpenSandbox(id) => {
                if let Some(s) = self.library.scenario(&id) {
                    self.sandbox = Sandbox::new(s.clone(), &self.library.lexicon);
                    self.sandbox_text.clear();
                    self.screen = Screen::Sandbox;
                }
            }
            Command::SandboxTurn(turn) => {
                if let Some(sb) = &mut self.sandbox {
                    sb.set_turn(turn);
                }
            }
            Command::SaveAuthorTest => self.save_author_test(),
            Command::PickFolder => {
                if let Some(folder) = rfd::FileDialog::new().set_title("Add a scenario folder").pick_folder() {
                    self.apply(Command::AddFolder(folder));
                }
            }
            Command::AddFolder(folder) => self.add_folder(folder),
            Command::RemoveFolder(folder) => {
                self.extra_folders.retain(|f| f != &folder);
                self.folders_changed();
            }
            Command::CreateScenario => self.create_scenario(),
            Command::ShowCoachSetup => {
                self.group_report = None;
                self.group_exported = None;
                self.coach_choices = self.coach_scenarios();
                if self.coach_setup.scenarios.is_empty() {
                    self.coach_setup.scenarios = self.coach_choices.iter().take(3).map(|s| s.0.clone()).collect();
                }
                self.screen = Screen::CoachSetup;
            }
            Command::StartGroup => self.start_group(),
            Command::PickNext => self.spin_until_ms = Some(self.now_ms + SPIN_MS),
            Command::PassGroup(present) => {
                if let Some(g) = &mut self.group {
                    g.pass(present);
                }
            }
            Command::GroupAnswered => self.group_answered(),
            Command::TickCriterion(i, on) => {
                if let Some(t) = self.group.as_mut().and_then(|g| g.ticks.get_mut(i)) {
                    *t = on;
                }
            }
            Command::SaveGroupScore => self.save_group_score(),
            Command::EndGroup => self.end_group(),
            Command::ExportGroup => self.export_group(),
            Command::StartRecording => match crate::io::recording::Recorder::start() {
                Ok(recorder) => {
                    self.recorder = Some(recorder);
                    self.status = "Recording: say your answer, then send".into();
                }
                Err(e) => {
                    self.status = format!("Cannot record: {e}");
                    self.mic_problem = Some(Some(e.to_string()));
                }
            },
            Command::SelfScore => {
                if let Some(d) = &mut self.drill {
                    match d.self_score(&self.self_ticks) {
                        Ok(()) => {
                            let score = d.last_result().map_or(0, |r| r.card.score);
                            self.status = format!("Your own score: {score}/100");
                        }
                        Err(e) => self.status = e.to_string(),
                    }
                }
            }
            Command::PlayRecording(path) => {
                if let Err(w) = self.audio.play_voice(&path) {
                    self.warn_audio(&w);
                }
            }
            Command::DeleteRecording(path) => match crate::io::recording::delete_recording(&path) {
                Ok(()) => {
                    self.recordings.retain(|(_, p)| p != &path);
                    self.saved_recordings.retain(|(_, p)| p != &path);
                    self.status = "Recording deleted".into();
                }
                Err(e) => self.status = e.to_string(),
            },
            Command::ToggleHighContrast => {
                self.settings.high_contrast = !self.settings.high_contrast;
                self.settings_changed = true;
            }
            Command::ToggleFullscreen => {
                self.fullscreen = !self.fullscreen;
                self.fullscreen_changed = true;
            }
        }
    }
}

impl FollowThroughApp {
    fn start_drill(&mut self, id: &str, mode: Mode) {
        self.save_drill();
        let Some(scenario) = self.library.scenario(id) else { return };
        self.drills_started += 1;
        // The seed only varies the customer's wording; any number will do, but not always the same one.
        let seed = self.now_ms ^ self.drills_started.rotate_left(32);
        let mut d = Drill::new(scenario.clone(), self.library.lexicon.clone(), mode, seed);
        self.draft.clear();
        self.confirm_abandon = false;
        if let Ok(events) = d.start(self.now_ms) {
            self.drill = Some(d);
            self.test_play = false;
            self.drill_attempt_id = uuid::Uuid::new_v4().to_string();
            self.recordings.clear();
            self.drill_started_at = jiff::Timestamp::now();
            self.drill_saved = false;
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

    /// Read the employees, the current one's attempts, and recompute today's plan and the report.
    fn refresh_progress(&mut self) {
        let Some(store) = &self.store else { return };
        let read = || -> Result<_, crate::io::store::StoreError> {
            let employees = store.employees()?;
            let current = store.current_employee()?.filter(|id| employees.iter().any(|e| &e.id == id));
            let filter = AttemptFilter { employee: current.clone(), ..AttemptFilter::default() };
            let attempts = if current.is_some() { store.attempts(&filter)? } else { Vec::new() };
            Ok((employees, current, attempts))
        };
        match read() {
            Ok((employees, current, attempts)) => {
                self.employees = employees;
                self.current_employee = current;
                self.attempts = attempts;
            }
            Err(e) => self.status = e.to_string(),
        }
        if self.current_employee.is_none() {
            self.today = None;
            self.report = None;
            return;
        }
        let scenarios: Vec<&crate::core::scenario::Scenario> =
            self.library.scenarios.iter().map(|l| &l.scenario).collect();
        let settings = match store
            .rollout_rules()
            .and_then(|r| Ok((r, store.staging_settings(self.current_employee.as_deref())?)))
        {
            Ok((rules, settings)) => {
                self.rules = rules;
                settings
            }
            Err(e) => {
                self.status = e.to_string();
                StagingSettings::default()
            }
        };
        let learner = LearnerState::new(scenarios.iter().copied(), &self.attempts, &settings);
        let day = day_number(jiff::Timestamp::now());
        self.today = Some(learner.plan(day));
        self.report = Some(ProgressReport::new(&scenarios, &self.attempts, &learner, day));
        // Spoken answers are files named after their attempt, kept beside the database.
        let ids: Vec<&str> = self.attempts.iter().map(|a| a.id.as_str()).collect();
        let files = crate::io::recording::recordings_of_each(&self.data_dir, &ids);
        self.saved_recordings = self
            .attempts
            .iter()
            .zip(files)
            .flat_map(|(a, files)| {
                let title = self.library.scenario(&a.scenario_id).map_or(a.scenario_id.as_str(), |s| s.title.as_str());
                let when = a.started_at.strftime("%Y-%m-%d %H:%M").to_string();
                files.into_iter().map(move |p| (format!("{title}, {when}"), p))
            })
            .collect();
    }

    fn pick_employee(&mut self, id: &str) {
        let Some(store) = &self.store else { return };
        match store.set_current_employee(id) {
            Ok(()) => {
                self.refresh_progress();
                if let Some(e) = self.current_employee() {
                    self.status = format!("Practising as {}", e.name);
                }
            }
            Err(e) => self.status = e.to_string(),
        }
    }

    fn create_employee(&mut self) {
        let Some(store) = &self.store else {
            self.status = "Profiles cannot be created while progress is not being saved".into();
            return;
        };
        match store.add_employee(&self.new_profile, jiff::Timestamp::now()) {
            Ok(employee) => {
                self.new_profile.clear();
                self.pick_employee(&employee.id);
            }
            Err(e) => self.status = e.to_string(),
        }
    }

    /// On the first frame of a new day, back up and plan again; look again within a minute.
    fn new_day(&mut self, ctx: &egui::Context) {
        let today = jiff::Zoned::now().date();
        if self.day_seen.is_some_and(|seen| seen != today) {
            if let Some(store) = &self.store {
                store.backup_if_due(today);
            }
            self.refresh_progress();
        }
        self.day_seen = Some(today);
        ctx.request_repaint_after(std::time::Duration::from_secs(60));
    }

    /// The answer was sent (or time ran out): a recording in progress is saved for this turn.
    fn keep_recording(&mut self) {
        let Some(recorder) = self.recorder.take() else { return };
        let index = self.drill.as_ref().map_or(0, |d| d.results().len().saturating_sub(1));
        let path = crate::io::recording::recording_path(&self.data_dir, &self.drill_attempt_id, index);
        match recorder.stop_and_save(&path) {
            Ok(_) => self.recordings.push((index, path)),
            Err(e) => self.status = format!("The recording was not kept: {e}"),
        }
    }

    /// A drill is on screen and not over (answering, paused or reading a score card).
    fn drill_running(&self) -> bool {
        self.screen == Screen::Drill
            && self.drill.as_ref().is_some_and(|d| !matches!(d.phase(), Phase::Finished | Phase::Abandoned))
    }

    /// Record the drill just finished or left (once; a drill with no answered turn is not kept).
    fn save_drill(&mut self) {
        if self.drill_saved || self.test_play {
            return;
        }
        self.drill_saved = true;
        let (Some(d), Some(store)) = (&self.drill, &self.store) else { return };
        let Some(employee) = self.current_employee.clone() else {
            self.status = "Not saved: pick or create a profile to keep your progress".into();
            return;
        };
        let id = self.drill_attempt_id.clone();
        let Some(attempt) = Attempt::from_drill(d, id, employee, self.drill_started_at) else { return };
        match store.record_attempt(&attempt) {
            Ok(()) => self.refresh_progress(),
            Err(e) => {
                log::error!("{e}");
                self.status = format!("Your attempt could not be saved: {e}");
            }
        }
    }

    /// The current turn's voice file, if the scenario has one for it.
    fn voice_path(&self) -> Option<std::path::PathBuf> {
        let d = self.drill.as_ref()?;
        let turn = match d.phase() {
            Phase::Answering { turn, .. } | Phase::Paused { turn, .. } => *turn,
            _ => return None,
        };
        self.voice_of(&d.scenario().id, turn)
    }

    /// The recording of a turn's customer line, if the scenario has one.
    fn voice_of(&self, scenario: &str, turn: usize) -> Option<std::path::PathBuf> {
        let loaded = self.library.scenarios.iter().find(|l| l.scenario.id == scenario)?;
        let voice = loaded.scenario.turns.get(turn)?.voice.as_deref()?;
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
                    self.keep_recording();
                    self.self_ticks = self
                        .drill
                        .as_ref()
                        .and_then(|d| d.last_result())
                        .map(|r| r.card.criteria.iter().map(|c| c.met).collect())
                        .unwrap_or_default();
                    self.audio.stop_voice();
                    self.audio.play_cue(if *passed { Cue::Passed } else { Cue::Failed });
                    self.status = format!("Scored {score}/100 · {}", if *passed { "passed" } else { "not yet" })
                }
                DrillEvent::Finished => {
                    self.status = "Drill finished".into();
                    self.save_drill();
                }
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

/// `text` with its first letter in capitals, to begin a line.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Load every folder that exists; a missing one is a problem in the list, not the end of the rest.
fn load_or_explain(folders: &[PathBuf]) -> Library {
    let (present, missing): (Vec<PathBuf>, Vec<PathBuf>) = folders.iter().cloned().partition(|f| f.is_dir());
    let mut library = if present.is_empty() {
        Library::default()
    } else {
        load_library(&present).unwrap_or_else(|e| {
            log::warn!("{e}");
            Library::default()
        })
    };
    for dir in missing {
        library.diagnostics.push(
            crate::core::scenario::diagnostic::Diagnostic::error(
                "missing-folder",
                "the scenario folder does not exist",
            )
            .in_file(dir.display().to_string())
            .with_hint("start FollowThrough with --scenarios DIR, or run it from the project folder"),
        );
    }
    library
}

impl eframe::App for FollowThroughApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }
}
