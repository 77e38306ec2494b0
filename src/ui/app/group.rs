//! Coach mode in the app: setting up a group session, the session as it runs (its clock is the
//! core's), scoring a typed answer on the worker, recording each go in the participant's history,
//! and the session report.

use crate::core::coach::session::{GoStamp, GroupEvent, GroupPhase, GroupSession, Suggestion};
use crate::core::coach::session::{suggestions, ticked_at_first};
use crate::core::coach::{Participant, ReportContext, SessionPlan, SessionReport, session_report, session_title};
use crate::core::drill::ScoreJob;
use crate::core::scenario::Scenario;
use crate::core::scoring::{MAX_RESPONSE_CHARS, ScoreError};
use crate::io::audio::Cue;

use super::super::coach::{CoachInput, CoachSetup, KeptNote};
use super::FollowThroughApp;
use super::command::CoachCommand;
use super::place::Place;
use super::worker::{Scored, Ticket};

/// A group session under way (or just over).
pub struct GroupRun {
    pub(super) session: GroupSession,
    /// What the coach types while scoring.
    pub(super) input: CoachInput,
    /// The report, once the session is over.
    pub(super) report: Option<SessionReport>,
    /// Where the report was written.
    pub(super) exported: Option<String>,
    /// When the participant on screen started answering (wall clock).
    turn_started_at: jiff::Timestamp,
    /// The typed answer sent to the scoring worker, waiting for its card.
    pub(super) waiting: Option<Ticket>,
    /// When the session started (local time), for the report's title.
    started: jiff::civil::DateTime,
    /// What became of the last score kept: "Saved: ..." or why it was not saved.
    pub(super) saved: Option<KeptNote>,
    /// "End the session?" is asked.
    pub(super) confirm_end: bool,
    /// The step whose main action was last given the keyboard focus.
    pub(super) focused_step: Option<StepKey>,
}

/// Which step of the session is on screen: its main action gets the focus once when it changes.
pub type StepKey = (std::mem::Discriminant<GroupPhase>, usize, usize, bool);

impl GroupRun {
    /// Whether the step on screen is new since the last call (its main action should take the focus).
    pub(super) fn step_changed(&mut self) -> bool {
        let g = &self.session;
        let key = (std::mem::discriminant(&g.phase), g.scenario, g.turnouts.len(), self.confirm_end);
        let changed = self.focused_step != Some(key);
        self.focused_step = Some(key);
        changed
    }
}

/// The coach's screens.
pub struct Coach {
    pub(super) setup: CoachSetup,
    /// The scenarios offered on the setup screen (computed when it opens: it reads every attempt).
    pub(super) choices: Vec<Suggestion>,
}

impl Default for Coach {
    fn default() -> Self {
        Self { setup: CoachSetup { seconds: 60, ..CoachSetup::default() }, choices: Vec::new() }
    }
}

impl GroupRun {
    /// The session is under way (leaving it is "End session", which shows the report).
    pub fn running(&self) -> bool {
        self.session.phase != GroupPhase::Over
    }
}

impl FollowThroughApp {
    /// Apply a command about the group session.
    pub(super) fn apply_coach(&mut self, command: CoachCommand) {
        let now = self.shell.now_ms;
        match command {
            CoachCommand::ShowSetup => self.show_setup(),
            CoachCommand::Start => self.start_group(),
            CoachCommand::PickNext => self.with_session(|g| g.spin(now)),
            CoachCommand::Skip => self.with_session(|g| g.pass(true)),
            CoachCommand::NotPresent => self.with_session(|g| g.pass(false)),
            CoachCommand::Answered => self.group_answered(),
            CoachCommand::Tick { criterion, met } => self.with_session(|g| {
                if let Some(t) = g.ticks.get_mut(criterion) {
                    *t = met;
                }
            }),
            CoachCommand::BeginScenario => self.with_session(GroupSession::begin_scenario),
            CoachCommand::SaveScore => self.save_group_score(),
            CoachCommand::AskEnd => self.ask_end(true),
            CoachCommand::KeepGoing => self.ask_end(false),
            CoachCommand::End => self.end_group(),
            CoachCommand::Export => self.export_group(),
        }
    }

    fn ask_end(&mut self, ask: bool) {
        if let Some(run) = self.place.group_mut() {
            run.confirm_end = ask && run.session.phase != GroupPhase::Over;
        }
    }

    fn with_session(&mut self, change: impl FnOnce(&mut GroupSession)) {
        if let Some(run) = self.place.group_mut() {
            change(&mut run.session);
        }
    }

    fn show_setup(&mut self) {
        self.place = Place::CoachSetup;
        let library = &self.library.library;
        let scenarios: Vec<&Scenario> = library.scenarios.iter().map(|l| &l.scenario).collect();
        let team = self.profiles.team_attempts().unwrap_or_else(|e| {
            self.shell.say_failed(
                "The team's scores could not be read, so nothing is suggested: pick the scenarios yourself.",
                &e,
            );
            Vec::new()
        });
        self.coach.choices = suggestions(&scenarios, &team);
        if self.coach.setup.scenarios.is_empty() {
            self.coach.setup.scenarios = ticked_at_first(&self.coach.choices);
        }
    }

    /// The roster as set up; walk-ins get a profile, so their goes land in their own history.
    fn roster(&mut self) -> Option<Vec<Participant>> {
        let store = self.profiles.store.as_ref()?;
        let setup = &self.coach.setup;
        let employees = &self.profiles.employees;
        let mut roster: Vec<Participant> = setup
            .roster
            .iter()
            .filter_map(|id| employees.iter().find(|e| &e.id == id))
            .map(|e| Participant { id: e.id.clone(), name: e.name.clone(), walk_in: false })
            .collect();
        for name in &setup.walk_ins {
            let existing = employees.iter().find(|e| e.name.eq_ignore_ascii_case(name)).cloned();
            let employee = match existing.map_or_else(|| store.add_employee(name, jiff::Timestamp::now()), Ok) {
                Ok(e) => e,
                Err(crate::io::store::StoreError::BadName(why)) => {
                    self.shell.say(format!("The walk-in was not added: {why}."));
                    return None;
                }
                Err(e) => {
                    self.shell.say_failed(
                        format!("{name} could not be added: try again, or create their profile on Home first."),
                        &e,
                    );
                    return None;
                }
            };
            if !roster.iter().any(|p| p.id == employee.id) {
                roster.push(Participant { id: employee.id, name: employee.name, walk_in: true });
            }
        }
        Some(roster)
    }

    fn start_group(&mut self) {
        if self.profiles.store.is_none() {
            self.shell.say("A group session needs the progress store (see the message above)");
            return;
        }
        let Some(roster) = self.roster() else { return };
        // Walk-ins have a profile now: next time they are on the roster like everyone else.
        let setup = &mut self.coach.setup;
        setup.walk_ins.clear();
        setup.roster = roster.iter().map(|p| p.id.clone()).collect();
        let setup = &self.coach.setup;
        let library = &self.library.library;
        let scenarios: Vec<Scenario> = setup.scenarios.iter().filter_map(|id| library.scenario(id).cloned()).collect();
        let plan = SessionPlan {
            scenario_ids: scenarios.iter().map(|s| s.id.clone()).collect(),
            roster,
            seconds_per_turn: setup.seconds,
            peer_scoring: setup.peer_scoring,
            leaderboard: setup.leaderboard,
        };
        match GroupSession::new(plan, scenarios, self.shell.seed()) {
            Some(session) => {
                self.place = Place::Coach(Box::new(GroupRun {
                    session,
                    input: CoachInput::default(),
                    report: None,
                    exported: None,
                    turn_started_at: jiff::Timestamp::now(),
                    waiting: None,
                    started: jiff::Zoned::now().datetime(),
                    saved: None,
                    confirm_end: false,
                    focused_step: None,
                }));
                self.refresh_progress();
            }
            None => self.shell.say("Pick at least one scenario and one participant"),
        }
    }

    /// The session's clock: the spin ends in a pick (the customer speaks), time runs out once.
    pub(super) fn tick_group(&mut self, ctx: &egui::Context) {
        let now = self.shell.now_ms;
        let Some(run) = self.place.group_mut() else { return };
        let spinning = run.session.is_spinning();
        let events = run.session.tick(now);
        if events.iter().any(|e| matches!(e, GroupEvent::Picked(_))) {
            run.turn_started_at = jiff::Timestamp::now();
            run.input = CoachInput::default();
            run.saved = None;
        }
        let on_screen = (run.session.current_scenario().id.clone(), run.session.turn);
        for event in events {
            match event {
                GroupEvent::Picked(_) => {
                    // The customer speaks, as in a drill.
                    self.shell.audio.play_cue(Cue::Start);
                    if let Some(path) = self.voice_of(&on_screen.0, on_screen.1) {
                        self.shell.play(&path);
                    }
                }
                GroupEvent::NobodyPresent => self.shell.say("Nobody is present to pick"),
                GroupEvent::TimeUp => self.shell.audio.play_cue(Cue::TimeUp),
            }
        }
        if spinning {
            ctx.request_repaint_after(std::time::Duration::from_millis(60));
        }
        if let Some(run) = self.place.group().filter(|r| matches!(r.session.phase, GroupPhase::Answering { .. })) {
            // Once per shown second, when the number on the clock changes (not twice a second).
            let wait = run.session.ms_to_next_second(self.shell.now_ms).max(50);
            ctx.request_repaint_after(std::time::Duration::from_millis(wait));
        }
    }

    /// The answer is given: a typed one goes to the scoring worker first, a spoken one straight to
    /// the coach's ticks.
    fn group_answered(&mut self) {
        let Some(run) = self.place.group_mut() else { return };
        if run.waiting.is_some() {
            return;
        }
        let typed = run.input.typed.trim().to_string();
        if typed.is_empty() {
            run.session.answered("", None);
            return;
        }
        let scenario = std::sync::Arc::new(run.session.current_scenario().clone());
        let job = ScoreJob::new(scenario, run.session.turn, &self.library.library.lexicon, &typed);
        run.waiting = Some(self.scoring.send(job));
    }

    /// The engine's card for the typed answer came back (an answer it refused stays on screen).
    pub(super) fn group_card(&mut self, scored: Scored) {
        let Some(run) = self.place.group_mut() else { return };
        if run.waiting != Some(scored.ticket) {
            return;
        }
        run.waiting = None;
        match scored.card {
            Ok(card) => run.session.answered(run.input.typed.trim(), Some(card)),
            // Refused (longer than an answer may be): the session stays on the answer.
            Err(ScoreError::TooLong(chars)) => self.shell.say(format!(
                "Not scored: the answer is {chars} characters long, more than the {MAX_RESPONSE_CHARS} allowed; shorten it."
            )),
        }
    }

    fn save_group_score(&mut self) {
        let coach = self.profiles.current_employee().map_or("coach".to_string(), |e| e.name.clone());
        let Some(run) = self.place.group_mut() else { return };
        let peer = if run.session.plan.peer_scoring { vec![run.input.room.clone()] } else { Vec::new() };
        let now = jiff::Timestamp::now();
        let stamp =
            GoStamp { attempt_id: uuid::Uuid::new_v4().to_string(), coach, started_at: run.turn_started_at, at: now };
        let input = std::mem::take(&mut run.input);
        let Some(kept) = run.session.keep_score(&input.why, &input.note, peer, self.shell.now_ms, stamp) else {
            run.input = input;
            return;
        };
        let over = run.session.phase == GroupPhase::Over;
        let name = run.session.name_of(&kept.turnout.participant);
        let recorded = match &self.profiles.store {
            Some(store) => store.record_coached_attempt(&kept.attempt, &kept.overrides).map_err(|e| e.to_string()),
            None => Err("the progress store is not open".to_string()),
        };
        run.saved = Some(match recorded {
            Ok(()) => KeptNote::Saved(format!("Saved: {name}, {}/100", kept.turnout.card.score)),
            Err(e) => {
                // Still in the session report; only the participant's own history lacks it.
                let text = format!("{name}'s score is in the session report but could not be saved in their history.");
                self.shell.say_failed(text.clone(), &e);
                KeptNote::NotSaved(text)
            }
        });
        if over {
            self.end_group();
        }
    }

    fn end_group(&mut self) {
        let Some(run) = self.place.group_mut() else { return };
        run.confirm_end = false;
        run.session.finish();
        let g = &run.session;
        let scenarios: Vec<&Scenario> = g.scenarios.iter().collect();
        let absent = g.absent();
        let title = session_title(run.started);
        let context = ReportContext { plan: &g.plan, scenarios: &scenarios, absent: &absent, title: &title };
        run.report = Some(session_report(&context, &g.turnouts));
        self.refresh_progress();
    }

    fn export_group(&mut self) {
        let Some(run) = self.place.group_mut() else { return };
        let Some(report) = &run.report else { return };
        if report.goes.is_empty() {
            // Never an empty report on disk.
            return self.shell.say("Nothing was scored in this session, so there is no report to export");
        }
        let stamp = jiff::Zoned::now().strftime("%Y-%m-%d-%H%M%S").to_string();
        let folder = self.profiles.data_dir.join("sessions");
        let csv = match crate::core::coach::report_csv(report) {
            Ok(csv) => csv,
            Err(e) => {
                return self.shell.say_failed("The report could not be made, so nothing was exported: try again.", &e);
            }
        };
        let html = crate::core::coach::report_html(report);
        let csv_path = folder.join(format!("session-{stamp}.csv"));
        let html_path = folder.join(format!("session-{stamp}.html"));
        let written = crate::io::scenario_files::write_new_file(&csv_path, &csv)
            .and_then(|()| crate::io::scenario_files::write_new_file(&html_path, &html));
        match written {
            Ok(()) => run.exported = Some(format!("{} and {}", csv_path.display(), html_path.display())),
            Err(e) => self.shell.say_failed(
                format!(
                    "The report could not be written to {}: check the disk has room, then export again.",
                    folder.display()
                ),
                &e,
            ),
        }
    }
}
