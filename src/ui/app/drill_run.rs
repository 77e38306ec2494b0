//! A running drill in the app (a test-play is one that is never recorded): its clock, sending
//! answers to the scoring worker, sounds and status, recordings, and keeping the attempt.

use std::path::{Path, PathBuf};

use crate::core::drill::{Drill, DrillError, DrillEvent, Mode, Phase};
use crate::core::progress::Attempt;
use crate::core::scoring::{MAX_RESPONSE_CHARS, ScoreError};
use crate::io::audio::Cue;
use crate::io::recording::Recorder;
use crate::io::scenario_files::resolve_voice;

use super::FollowThroughApp;
use super::command::DrillCommand;
use super::place::Place;
use super::worker::{Scored, Ticket};

/// Whether the drill's attempt is kept.
#[derive(Debug, Clone, PartialEq)]
pub enum RunKind {
    /// An employee's drill: kept once under this id when finished or left.
    Recorded {
        /// The id it is saved under (recordings are named after it).
        attempt_id: String,
        /// When it started (wall clock).
        started_at: jiff::Timestamp,
        /// It has been saved (or there was nothing to save).
        saved: bool,
    },
    /// A trainer's test-play: never recorded.
    TestPlay,
}

/// A spoken answer recorded during the drill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnRecording {
    /// Index of the answered turn in the drill's results.
    pub index: usize,
    /// The file.
    pub path: PathBuf,
}

/// Everything a running drill needs.
pub struct DrillRun {
    pub(super) drill: Drill,
    kind: RunKind,
    /// The answer being typed.
    pub(super) draft: String,
    /// The "leave this drill?" question came from Ctrl+Q or the close button: leaving quits.
    pub(super) quit_after_leaving: bool,
    recorder: Option<Recorder>,
    /// The employee's own ticks for the turn just answered.
    pub(super) self_ticks: Vec<bool>,
    pub(super) recordings: Vec<TurnRecording>,
    /// The answer sent to the scoring worker, waiting for its card.
    waiting: Option<Ticket>,
}

impl DrillRun {
    fn new(drill: Drill, kind: RunKind) -> Self {
        Self {
            drill,
            kind,
            draft: String::new(),
            quit_after_leaving: false,
            recorder: None,
            self_ticks: Vec::new(),
            recordings: Vec::new(),
            waiting: None,
        }
    }

    /// The drill is not over (answering, paused, scoring or reading a score card).
    pub fn running(&self) -> bool {
        !matches!(self.drill.phase(), Phase::Finished | Phase::Abandoned)
    }

    /// This run sent the answer scored under `ticket`.
    pub fn waits_for(&self, ticket: Ticket) -> bool {
        self.waiting == Some(ticket)
    }

    /// An answer is being scored.
    pub fn scoring(&self) -> bool {
        self.waiting.is_some()
    }

    /// The spoken answer is being recorded.
    pub fn recording(&self) -> bool {
        self.recorder.is_some()
    }

    /// A trainer's test-play (never recorded).
    pub fn is_test_play(&self) -> bool {
        self.kind == RunKind::TestPlay
    }

    /// The recording of the turn whose card shows, if one was made.
    pub fn recording_of_last(&self) -> Option<&Path> {
        let index = self.drill.results().len().saturating_sub(1);
        self.recordings.iter().find(|r| r.index == index).map(|r| r.path.as_path())
    }
}

impl FollowThroughApp {
    /// Apply a command about the drill.
    pub(super) fn apply_drill(&mut self, command: DrillCommand) {
        let now = self.shell.now_ms;
        match command {
            DrillCommand::Start(id, mode) => self.start_drill(&id, mode),
            DrillCommand::PlayFrom { scenario, turn, timed } => self.start_test_play(&scenario, turn, timed),
            DrillCommand::Submit => self.submit(),
            DrillCommand::NextTurn => {
                if let Some(Ok(events)) = self.place.drill_mut().map(|r| r.drill.next(now)) {
                    self.react(&events);
                }
            }
            DrillCommand::Pause => {
                if let Some(Err(e)) = self.place.drill_mut().map(|r| r.drill.pause(now)) {
                    self.shell.say_failed(refusal_words(&e), &e);
                }
            }
            DrillCommand::Resume => {
                if let Some(Ok(())) = self.place.drill_mut().map(|r| r.drill.resume(now)) {
                    self.shell.focus_answer = true;
                }
            }
            DrillCommand::AskAbandon => {
                // Only while answering; a refusal (a score card showing) needs no word.
                self.with_run(|run| {
                    let _ = run.drill.ask_to_leave(now);
                });
                self.shell.focus_answer = true;
            }
            DrillCommand::KeepGoing => {
                self.with_run(|run| {
                    run.quit_after_leaving = false;
                    let _ = run.drill.stay(now);
                });
                self.shell.focus_answer = true;
            }
            DrillCommand::Abandon => self.abandon(),
            DrillCommand::ReplayVoice => self.play_voice(),
            DrillCommand::StartRecording => self.start_recording(),
            DrillCommand::SelfScore => self.self_score(),
        }
    }

    fn with_run(&mut self, change: impl FnOnce(&mut DrillRun)) {
        if let Some(run) = self.place.drill_mut() {
            change(run);
        }
    }

    fn start_drill(&mut self, id: &str, mode: Mode) {
        self.save_drill();
        // A drill that cannot start leaves nothing to show: back to the library.
        self.place = Place::Home;
        let Some(scenario) = self.library.library.scenario(id) else { return };
        let seed = self.shell.seed();
        let lexicon = self.library.library.lexicon.clone();
        let mut drill = Drill::new(scenario.clone(), lexicon, mode, seed).scored_elsewhere();
        if let Ok(events) = drill.start(self.shell.now_ms) {
            let kind = RunKind::Recorded {
                attempt_id: uuid::Uuid::new_v4().to_string(),
                started_at: jiff::Timestamp::now(),
                saved: false,
            };
            self.place = Place::Drill(Box::new(DrillRun::new(drill, kind)));
            self.react(&events);
        }
    }

    fn start_test_play(&mut self, id: &str, turn: usize, timed: bool) {
        let Some(scenario) = self.library.library.scenario(id) else { return };
        let seed = self.shell.seed();
        let lexicon = self.library.library.lexicon.clone();
        let drill = Drill::new(scenario.clone(), lexicon, Mode::Practice, seed).scored_elsewhere();
        let mut drill = if timed { drill } else { drill.untimed() };
        match drill.start_at(turn, self.shell.now_ms) {
            Ok(events) => {
                self.place = Place::Drill(Box::new(DrillRun::new(drill, RunKind::TestPlay)));
                self.react(&events);
            }
            Err(e) => self.shell.say_failed("The test-play could not start at that turn: try it from the start.", &e),
        }
    }

    fn submit(&mut self) {
        let now = self.shell.now_ms;
        let Some(run) = self.place.drill_mut() else { return };
        let draft = std::mem::take(&mut run.draft);
        run.drill.set_draft(&draft);
        match run.drill.submit(now) {
            Ok(events) => self.react(&events),
            Err(e) => {
                run.draft = draft;
                self.shell.say_failed(refusal_words(&e), &e);
            }
        }
        self.send_answer();
    }

    /// An answer was sent (or time ran out): keep its recording and hand it to the scoring worker.
    fn send_answer(&mut self) {
        let Some(job) = self.place.drill_mut().and_then(|r| r.drill.take_job()) else { return };
        self.keep_recording();
        if let Some(run) = self.place.drill_mut() {
            run.draft.clear();
            run.waiting = Some(self.scoring.send(job));
        }
    }

    /// A card came back from the worker: the drill that asked for it shows it.
    pub(super) fn drill_card(&mut self, scored: Scored) {
        let Some(run) = self.place.drill_mut() else { return };
        if run.waiting != Some(scored.ticket) {
            return;
        }
        run.waiting = None;
        match run.drill.receive(scored.card) {
            Ok(events) => self.react(&events),
            Err(e) => {
                // Refused (too long): the answer goes back into the box.
                run.draft = run.drill.draft().to_string();
                self.shell.say_failed(refusal_words(&e), &e);
            }
        }
    }

    fn abandon(&mut self) {
        let Some(run) = self.place.drill_mut() else { return };
        if std::mem::take(&mut run.quit_after_leaving) {
            self.shell.quit = true;
        }
        if run.scoring() {
            // The answer sent is still being scored: leave once its card is in, so it is kept.
            self.shell.say("Your answer is being scored: leave from its score card");
            return;
        }
        // A recording of the turn left unanswered is dropped (the recorder stops).
        run.recorder = None;
        run.drill.abandon();
        run.draft.clear();
        self.save_drill();
    }

    fn start_recording(&mut self) {
        match Recorder::start() {
            Ok(recorder) => {
                self.with_run(|run| run.recorder = Some(recorder));
                self.shell.say("Recording: say your answer, then send");
            }
            Err(e) => {
                log::warn!("recording: {e}");
                self.shell.say(format!("Cannot record: {}", e.in_plain_words()));
                self.shell.microphone = super::shell::Microphone::Missing(e.in_plain_words().to_string());
            }
        }
    }

    fn self_score(&mut self) {
        let Some(run) = self.place.drill_mut() else { return };
        match run.drill.self_score(&run.self_ticks) {
            Ok(()) => {
                let score = run.drill.last_result().map_or(0, |r| r.card.score);
                self.shell.say(format!("Your own score: {score}/100"));
            }
            Err(e) => self.shell.say_failed(refusal_words(&e), &e),
        }
    }

    /// Let the drill's clock run; keep repainting about once a second while a countdown shows.
    pub(super) fn tick_drill(&mut self, ctx: &egui::Context) {
        let now = self.shell.now_ms;
        let Some(run) = self.place.drill_mut() else { return };
        // Untimed (a test-play) or paused: nothing changes until the employee does something.
        if !matches!(run.drill.phase(), Phase::Answering { .. }) || !run.drill.is_timed() {
            return;
        }
        run.drill.set_draft(&run.draft);
        let events = run.drill.tick(now);
        self.react(&events);
        self.send_answer();
        // Once per shown second, when the number on the clock changes.
        if let Some(wait) = self.place.drill().and_then(|run| run.drill.ms_to_next_second(now)) {
            ctx.request_repaint_after(std::time::Duration::from_millis(wait.max(50)));
        }
    }

    /// Ctrl+Q or the window's close button: a turn being answered asks first (its clock stops and
    /// leaving then quits); a score card showing is kept before the window closes. Whether the
    /// window may close now.
    pub(super) fn may_quit(&mut self) -> bool {
        let now = self.shell.now_ms;
        let Some(run) = self.place.drill_mut() else { return true };
        if !run.running() {
            return true;
        }
        match run.drill.phase() {
            Phase::Answering { .. } | Phase::Paused { .. } => {
                if run.drill.ask_to_leave(now).is_ok() {
                    run.quit_after_leaving = true;
                    self.shell.focus_answer = true;
                }
                false
            }
            Phase::Scoring { .. } => {
                self.shell.say("Your answer is being scored: quit from its score card");
                false
            }
            _ => {
                self.abandon();
                true
            }
        }
    }

    /// The first drill in Today other than the one just done: its id and title.
    pub(super) fn next_in_today(&self) -> Option<(String, String)> {
        let done = self.place.drill().map(|r| r.drill.scenario().id.as_str());
        let plan = self.profiles.today.as_ref()?;
        let item = plan.today.iter().find(|item| Some(item.id.as_str()) != done)?;
        let title = self.library.library.scenario(&item.id).map_or_else(|| item.id.clone(), |s| s.title.clone());
        Some((item.id.clone(), title))
    }

    /// What leaving the drill now keeps, for the "leave this drill?" question.
    pub(super) fn leave_note(&self) -> String {
        let can_save = self.profiles.store.is_some() && self.profiles.current.is_some();
        self.place.drill().map_or_else(String::new, |run| {
            super::super::drill::leave_note(run.is_test_play(), can_save, run.drill.results().len())
        })
    }

    /// A drill is on screen and not over.
    pub(super) fn drill_running(&self) -> bool {
        self.place.drill().is_some_and(DrillRun::running)
    }

    /// Record the drill just finished or left (once; a drill with no answered turn is not kept).
    pub(super) fn save_drill(&mut self) {
        let Some(run) = self.place.drill_mut() else { return };
        let RunKind::Recorded { attempt_id, started_at, saved } = &mut run.kind else { return };
        if std::mem::replace(saved, true) || self.profiles.store.is_none() {
            return;
        }
        let Some(employee) = self.profiles.current.clone() else {
            self.shell.say("Not saved: pick or create a profile to keep your progress");
            return;
        };
        let Some(attempt) = Attempt::from_drill(&run.drill, attempt_id.clone(), employee, *started_at) else { return };
        self.profiles.record(&attempt, &self.library.library, &mut self.shell);
    }

    /// The answer was sent (or time ran out): a recording in progress is saved for this turn.
    fn keep_recording(&mut self) {
        let Some(run) = self.place.drill_mut() else { return };
        let Some(recorder) = run.recorder.take() else { return };
        let index = run.drill.results().len();
        let id = match &run.kind {
            RunKind::Recorded { attempt_id, .. } => attempt_id.as_str(),
            RunKind::TestPlay => "test-play",
        };
        let path = crate::io::recording::recording_path(&self.profiles.data_dir, id, index);
        match recorder.stop_and_save(&path) {
            Ok(_) => run.recordings.push(TurnRecording { index, path }),
            Err(e) => self.shell.say_failed(
                "Your spoken answer was not kept: it could not be saved. Check the disk has room; your typed answer is scored as usual.",
                &e,
            ),
        }
    }

    fn play_voice(&mut self) {
        let Some(run) = self.place.drill() else { return };
        let turn = match run.drill.phase() {
            Phase::Answering { turn, .. } | Phase::Paused { turn, .. } => *turn,
            _ => return,
        };
        if let Some(path) = self.voice_of(&run.drill.scenario().id, turn) {
            self.shell.play(&path);
        }
    }

    /// The recording of a turn's customer line, if the scenario has one.
    pub(super) fn voice_of(&self, scenario: &str, turn: usize) -> Option<PathBuf> {
        let loaded = self.library.library.scenarios.iter().find(|l| l.scenario.id == scenario)?;
        let voice = loaded.scenario.turns.get(turn)?.voice.as_deref()?;
        Some(resolve_voice(Path::new(&loaded.file), voice).unwrap_or_else(|| voice.into()))
    }

    /// Turn drill events into sounds and what the user sees in the status line.
    fn react(&mut self, events: &[DrillEvent]) {
        for e in events {
            match e {
                DrillEvent::TimeWarning { .. } => {
                    self.shell.say("Ten seconds left");
                    self.shell.audio.play_cue(Cue::TenSecondsLeft);
                }
                DrillEvent::TimeUp { .. } => {
                    self.shell.say("Time is up: your answer was sent as it stood");
                    self.shell.audio.play_cue(Cue::TimeUp);
                }
                DrillEvent::Scored { score, passed, .. } => {
                    if let Some(run) = self.place.drill_mut() {
                        run.self_ticks = run
                            .drill
                            .last_result()
                            .map(|r| r.card.criteria.iter().map(|c| c.met).collect())
                            .unwrap_or_default();
                    }
                    self.shell.audio.stop_voice();
                    self.shell.audio.play_cue(if *passed { Cue::Passed } else { Cue::Failed });
                    self.shell.say(format!("Scored {score}/100 · {}", if *passed { "passed" } else { "not yet" }));
                }
                DrillEvent::Finished => {
                    self.shell.say("Drill finished");
                    self.save_drill();
                }
                DrillEvent::TurnStarted { .. } => {
                    let number = self.place.drill().map_or(1, |r| super::super::drill::turn_number(&r.drill));
                    self.shell.say(format!("Turn {number}"));
                    self.shell.focus_answer = true;
                    self.shell.audio.play_cue(Cue::Start);
                    self.play_voice();
                }
            }
        }
    }
}

/// A refused drill command in people's words: what happened and what to do.
fn refusal_words(e: &DrillError) -> String {
    match e {
        DrillError::PauseInAssessment => {
            "A timed assessment cannot be paused: answer, or leave the drill (Esc).".into()
        }
        DrillError::WrongPhase => "That cannot be done at this point of the drill.".into(),
        DrillError::Score(ScoreError::TooLong(chars)) => format!(
            "Your answer is {chars} characters long, more than the {MAX_RESPONSE_CHARS} an answer may have: shorten it and send it again."
        ),
    }
}
