//! Rehearsal and the quiz in the app: a sitting of script rehearsal, a round of questions, and
//! keeping each recitation or answer in the employee's history.

use crate::core::progress::{Activity, Attempt};
use crate::core::quiz::round::QuizRound;
use crate::core::rehearsal::session::{RehearsalSession, level_from_index, level_index};
use crate::core::scenario::Scenario;

use super::FollowThroughApp;
use super::command::{QuizCommand, RehearsalCommand};
use super::place::Place;

/// Questions in a round of "Know the play".
pub const QUIZ_LENGTH: usize = 6;

/// A sitting of script rehearsal.
pub struct RehearsalRun {
    pub(super) session: RehearsalSession,
    /// What the employee typed as they recited.
    pub(super) recitation: String,
    /// When the current script was shown (wall clock).
    started: jiff::Timestamp,
}

/// A round of "Know the play".
pub struct QuizRun {
    pub(super) round: QuizRound,
    /// When the current question was shown (wall clock).
    started: jiff::Timestamp,
}

/// Milliseconds since `started` (wall clock).
fn elapsed_ms(started: jiff::Timestamp) -> u64 {
    u64::try_from((jiff::Timestamp::now() - started).get_milliseconds()).unwrap_or(0)
}

impl FollowThroughApp {
    /// Apply a command about rehearsal.
    pub(super) fn apply_rehearsal(&mut self, command: RehearsalCommand) {
        match command {
            RehearsalCommand::Open(id) => self.open_rehearsal(&id),
            RehearsalCommand::Check => self.check_recitation(),
            RehearsalCommand::SelectScript(i) => self.show_script(|s| s.select(i)),
            RehearsalCommand::FadeAgain => self.show_script(RehearsalSession::again),
        }
    }

    /// Apply a command about the quiz.
    pub(super) fn apply_quiz(&mut self, command: QuizCommand) {
        match command {
            QuizCommand::Start => self.start_quiz(),
            QuizCommand::Answer(option) => self.answer_quiz(option),
            QuizCommand::Next => {
                if let Some(run) = self.place.quiz_mut() {
                    run.round.next();
                    run.started = jiff::Timestamp::now();
                }
            }
        }
    }

    fn show_script(&mut self, change: impl FnOnce(&mut RehearsalSession)) {
        if let Some(run) = self.place.rehearsal_mut() {
            change(&mut run.session);
            run.recitation.clear();
            run.started = jiff::Timestamp::now();
        }
        self.shell.focus_answer = true;
    }

    fn open_rehearsal(&mut self, id: &str) {
        let Some(scenario) = self.library.library.scenario(id) else { return };
        let (store, employee) = (&self.profiles.store, &self.profiles.current);
        let unread = std::cell::RefCell::new(None);
        let level_of = |key: &str| match (store, employee) {
            (Some(store), Some(e)) => match store.script_level(e, key) {
                Ok(level) => level.map(level_from_index),
                Err(e) => {
                    unread.borrow_mut().get_or_insert(e.to_string());
                    None
                }
            },
            _ => None,
        };
        let seed = self.shell.seed();
        let session = RehearsalSession::new(scenario, &self.library.library.lexicon, level_of, seed);
        match session {
            Some(session) => {
                let run = RehearsalRun { session, recitation: String::new(), started: jiff::Timestamp::now() };
                self.place = Place::Rehearse(Box::new(run));
                self.shell.focus_answer = true;
                if let Some(e) = unread.into_inner() {
                    self.shell.say(format!("Levels reached before could not be read, starting from full text: {e}"));
                }
            }
            None => self.shell.say("This scenario has no lines to rehearse"),
        }
    }

    fn check_recitation(&mut self) {
        let Some(run) = self.place.rehearsal_mut() else { return };
        if run.recitation.trim().is_empty() {
            self.shell.say("Recite the line first (type what you said)");
            return;
        }
        let said = std::mem::take(&mut run.recitation);
        let shown = run.session.faded.shown.clone();
        let to = run.session.check(&said);
        let key = run.session.script().key.clone();
        let revision = self.library.library.scenario(&run.session.scenario_id).map_or(1, |s| s.revision);
        let Some(activity) = run.session.activity(revision, &shown, elapsed_ms(run.started)) else { return };
        let started = run.started;
        if let (Some(store), Some(employee)) = (&self.profiles.store, &self.profiles.current)
            && let Err(e) = store.set_script_level(employee, &key, level_index(to), jiff::Timestamp::now())
        {
            self.shell.say(e.to_string());
        }
        self.record_activity(activity, started);
    }

    fn start_quiz(&mut self) {
        let library = &self.library.library;
        let scenarios: Vec<&Scenario> = library.scenarios.iter().map(|l| &l.scenario).collect();
        let all = crate::core::quiz::questions(&scenarios, &library.lexicon);
        let round = crate::core::quiz::quiz(&all, QUIZ_LENGTH, self.shell.seed());
        if round.is_empty() {
            self.shell.say("No questions: the library has no scenarios to ask about");
            return;
        }
        self.place = Place::Quiz(Box::new(QuizRun { round: QuizRound::new(round), started: jiff::Timestamp::now() }));
    }

    fn answer_quiz(&mut self, option: usize) {
        let Some(run) = self.place.quiz_mut() else { return };
        if run.round.choose(option).is_none() {
            return;
        }
        let Some(q) = run.round.question() else { return };
        let revision = self.library.library.scenario(&q.scenario_id).map_or(1, |s| s.revision);
        let Some(activity) = run.round.activity(revision, elapsed_ms(run.started)) else { return };
        let started = run.started;
        self.record_activity(activity, started);
    }

    /// Keep a recitation or quiz answer in the employee's history (not a drill: the scheduler only
    /// notes that the words were rehearsed).
    fn record_activity(&mut self, activity: Activity, started: jiff::Timestamp) {
        let (Some(_), Some(employee)) = (&self.profiles.store, self.profiles.current.clone()) else {
            self.shell.say("Not saved: pick or create a profile to keep your progress");
            return;
        };
        let attempt = Attempt::activity(activity, uuid::Uuid::new_v4().to_string(), employee, started);
        self.profiles.record(&attempt, &self.library.library, &mut self.shell);
    }
}
