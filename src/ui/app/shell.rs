//! The window around the screens: the names of the screens, the status line, preferences, sound,
//! full screen, the frame clock and the seeds. Which screen shows is the app's [`super::place::Place`].

use std::path::Path;

use crate::core::seed::Seeds;
use crate::io::audio::{Audio, AudioWarning};

use super::super::settings::Settings;
use super::command::ShellCommand;

/// Which screen is showing (read from the app's [`super::place::Place`], which holds its run).
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
    /// The coach's team view, and reporting to the LRS.
    Team,
}

impl Screen {
    /// Whether this screen's main action takes the keyboard from [`crate::ui::widgets::take_main_focus`]
    /// as it opens (the others are told to focus in their arguments).
    pub fn focuses_on_offer(&self) -> bool {
        matches!(
            self,
            Self::Authoring | Self::Problems | Self::Team | Self::TestPlay(_) | Self::Sandbox | Self::CoachSetup
        )
    }

    /// How wide this screen's centred column may get: reading screens stay at a readable line
    /// length, tables and the projector view use more of a wide window.
    pub fn column_width(&self) -> f32 {
        match self {
            Self::Authoring | Self::TestPlay(_) | Self::Problems | Self::Progress | Self::CoachSetup => {
                super::super::theme::WIDE_WIDTH
            }
            // The presenter view is for the room: the whole projector, sized by `coach::Sizes`.
            Self::Coach => f32::INFINITY,
            _ => super::super::theme::READABLE_WIDTH,
        }
    }
}

/// How long a message stays on the status line (ms); then the line shows the library's summary.
pub const STATUS_SHOWN_MS: u64 = 12_000;

/// Whether "Say it aloud" can record here (checked once, when first needed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Microphone {
    /// Not checked yet.
    Unknown,
    /// A microphone is there.
    Works,
    /// Recording is impossible, and why.
    Missing(String),
}

/// Sound to open once the first frame is on screen (opening the device can take a while).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingAudio {
    /// The folder of the cue sounds, if the scenarios have one.
    pub sounds: Option<std::path::PathBuf>,
}

/// The window's own state.
pub struct Shell {
    /// The last message, shown until [`STATUS_SHOWN_MS`] after `status_said_ms`.
    pub(super) status: String,
    status_said_ms: u64,
    /// How many messages were said so far (a screen change forgets a message said before it).
    said_count: u64,
    /// What the status line says when no message is fresh (the library's summary).
    resting_status: String,
    /// The top bar's height last frame (its room is kept before it is drawn).
    pub(super) top_bar_height: f32,
    /// Until then (egui clock, ms) a reload by the watcher leaves the status line alone, so the
    /// message about the save that caused it stays readable.
    pub(super) status_kept_until_ms: u64,
    pub(super) settings: Settings,
    /// Preferences changed since they were last applied to the context.
    settings_changed: bool,
    pub(super) audio: Audio,
    /// An audio problem was already reported (it is reported once).
    audio_warned: bool,
    /// Opening the sound device found none.
    no_sound_device: bool,
    fullscreen: bool,
    fullscreen_changed: bool,
    /// The time on the egui clock (ms) at this frame.
    pub(super) now_ms: u64,
    /// The date of the last frame (a new day means a backup and a new plan).
    pub(super) day_seen: Option<jiff::civil::Date>,
    /// Put the keyboard in the answer box on the next frame.
    pub(super) focus_answer: bool,
    /// Put the keyboard on the screen's main action on the next frame (set when the screen changes).
    pub(super) focus_main: bool,
    pub(super) microphone: Microphone,
    pub(super) seeds: Seeds,
    /// Sound still to open after the first frame.
    pub(super) pending_audio: Option<PendingAudio>,
    /// Close the window at the end of this frame (the employee left a drill to quit).
    pub(super) quit: bool,
    /// The window's size and position, kept between runs.
    pub(super) window: super::window::WindowKeeper,
}

impl Shell {
    /// Silent, default preferences.
    pub fn new() -> Self {
        Self {
            status: String::new(),
            status_said_ms: 0,
            said_count: 0,
            resting_status: String::new(),
            top_bar_height: 0.0,
            status_kept_until_ms: 0,
            settings: Settings::default(),
            // The first frame applies the theme and the text scale.
            settings_changed: true,
            audio: Audio::silent(),
            audio_warned: false,
            no_sound_device: false,
            fullscreen: false,
            fullscreen_changed: false,
            now_ms: 0,
            day_seen: None,
            focus_answer: false,
            // The first screen gets the keyboard too.
            focus_main: true,
            microphone: Microphone::Unknown,
            seeds: Seeds::default(),
            pending_audio: None,
            quit: false,
            window: super::window::WindowKeeper::default(),
        }
    }

    /// Show `text` on the status line for a while ([`STATUS_SHOWN_MS`]).
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = text.into();
        self.status_said_ms = self.now_ms;
        self.said_count += 1;
    }

    /// How many messages were said so far.
    pub fn said_count(&self) -> u64 {
        self.said_count
    }

    /// Drop the message on the status line (it belonged to a screen the learner has left); the
    /// line goes back to the resting text.
    pub fn forget_status(&mut self) {
        self.status.clear();
    }

    /// Say what went wrong in people's words (what happened, what to do) and put the system's
    /// `detail` in the log only, for whoever looks into it: raw error text never reaches the screen.
    pub fn say_failed(&mut self, words: impl Into<String>, detail: &dyn std::fmt::Display) {
        let words = words.into();
        log::warn!("{words} [{detail}]");
        self.say(words);
    }

    /// What the status line says once messages have gone (the library's summary).
    pub fn set_resting_status(&mut self, text: impl Into<String>) {
        self.resting_status = text.into();
    }

    /// The status line now: the last message while it is fresh, else the resting text.
    pub fn status_now(&self) -> &str {
        if self.status_fresh() { &self.status } else { &self.resting_status }
    }

    fn status_fresh(&self) -> bool {
        !self.status.is_empty() && self.now_ms < self.status_said_ms + STATUS_SHOWN_MS
    }

    /// Keep the status line as it is for three seconds (a reload by the watcher will not replace it).
    pub fn keep_status(&mut self) {
        self.status_kept_until_ms = self.now_ms + 3000;
    }

    /// A seed for something starting now.
    pub fn seed(&mut self) -> u64 {
        self.seeds.next(self.now_ms)
    }

    /// Use this sound output (muted as the preferences say).
    pub fn set_audio(&mut self, audio: Audio) {
        self.audio = audio;
        self.audio.set_muted(self.settings.muted);
    }

    /// Start with these preferences.
    pub fn set_settings(&mut self, settings: Settings) {
        self.settings = settings;
        self.settings_changed = true;
        self.audio.set_muted(settings.muted);
    }

    /// After the first frame: open the sound device asked for (a missing one is said once).
    pub fn open_pending_audio(&mut self, ctx: &egui::Context) {
        if self.pending_audio.is_none() {
            return;
        }
        if ctx.cumulative_frame_nr() == 0 {
            ctx.request_repaint();
            return;
        }
        let Some(PendingAudio { sounds }) = self.pending_audio.take() else { return };
        let (audio, warning) = Audio::open(sounds);
        self.set_audio(audio);
        if let Some(w) = warning {
            self.warn_audio(&w);
        }
    }

    /// Log an audio problem; the first one is also shown on the status line, in plain words
    /// (the device layer's detail stays in the log).
    pub fn warn_audio(&mut self, warning: &AudioWarning) {
        log::warn!("{warning}");
        self.no_sound_device |= matches!(warning, AudioWarning::NoDevice(_));
        if !self.audio_warned {
            self.audio_warned = true;
            match warning {
                AudioWarning::NoDevice(_) => self.say("No sound device found: FollowThrough runs without sound"),
                other => self.say(other.to_string()),
            }
        }
    }

    /// Opening the sound device found none ("Sound" shows off and cannot be ticked).
    pub fn sound_device_missing(&self) -> bool {
        self.no_sound_device
    }

    /// Play a recorded file (a spoken answer, the customer's voice).
    pub fn play(&mut self, path: &Path) {
        if let Err(w) = self.audio.play_voice(path) {
            self.warn_audio(&w);
        }
    }

    /// Why recording is impossible here (None: it works); the microphone is checked once.
    pub fn mic_problem(&mut self) -> Option<String> {
        if self.microphone == Microphone::Unknown {
            self.microphone = match crate::io::recording::microphone_status() {
                Ok(()) => Microphone::Works,
                Err(e) => {
                    log::info!("Say it aloud is off: {e}");
                    Microphone::Missing(e.in_plain_words().to_string())
                }
            };
        }
        match &self.microphone {
            Microphone::Missing(reason) => Some(reason.clone()),
            _ => None,
        }
    }

    /// Apply a command that changes only the window (the app handles the rest, and the screens).
    pub fn apply(&mut self, command: ShellCommand) {
        match command {
            // Moving between screens is the app's (the place holds the run on screen).
            ShellCommand::GoHome
            | ShellCommand::OpenBriefing(_)
            | ShellCommand::ShowProblems
            | ShellCommand::ShowProgress => {}
            ShellCommand::ChangeSettings(settings) => {
                self.settings = settings;
                self.audio.set_muted(settings.muted);
                self.settings_changed = true;
            }
            ShellCommand::ToggleFullscreen => {
                self.fullscreen = !self.fullscreen;
                self.fullscreen_changed = true;
            }
            ShellCommand::ToggleHighContrast => {
                self.settings.high_contrast = !self.settings.high_contrast;
                self.settings_changed = true;
            }
            ShellCommand::PlayRecording(path) => self.play(&path),
        }
    }

    /// After the commands of a frame: apply changed preferences and full screen to the window.
    pub fn end_frame(&mut self, ctx: &egui::Context) {
        // An expired message goes at the next frame (input, or the once-a-minute wake): no wake of
        // its own, so an idle window stays idle.
        if std::mem::take(&mut self.settings_changed) {
            self.settings.apply(ctx);
        }
        if std::mem::take(&mut self.fullscreen_changed) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.fullscreen));
        }
        if std::mem::take(&mut self.quit) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

impl Default for Shell {
    fn default() -> Self {
        Self::new()
    }
}
