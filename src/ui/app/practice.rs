//! Rehearsal and the quiz in the app: a sitting of script rehearsal, a round of questions, and
//! keeping each recitation or answer in the employee's history.

#![allow(clippy::wildcard_imports)] // until the app-state split (#13)

use super::*;

impl FollowThroughApp {
    /// The rehearsal in progress.
    pub fn rehearsal(&self) -> Option<&RehearsalSession> {
        self.rehearsal.as_ref()
    }

    /// The quiz round in progress.
    pub fn quiz(&self) -> Option<&QuizRound> {
        self.quiz.as_ref()
    }

    pub(super) fn open_rehearsal(&mut self, id: &str) {
        let Some(scenario) = self.library.scenario(id) else { return };
        let (store, employee) = (&self.store, &self.current_employee);
        let level_of = |key: &str| match (store, employee) {
            (Some(store), Some(e)) => store.script_level(e, key).ok().flatten().map(level_from_index),
            _ => None,
        };
        let seed = self.now_ms ^ 0x5eed;
        match RehearsalSession::new(scenario, &self.library.lexicon, level_of, seed) {
            Some(session) => {
                self.rehearsal = Some(session);
                self.recitation.clear();
                self.focus_answer = true;
                self.activity_started = jiff::Timestamp::now();
                self.screen = Screen::Rehearse;
            }
            None => self.status = "This scenario has no lines to rehearse".into(),
        }
    }

    pub(super) fn check_recitation(&mut self) {
        if self.recitation.trim().is_empty() {
            self.status = "Recite the line first (type what you said)".into();
            return;
        }
        let said = std::mem::take(&mut self.recitation);
        let Some(session) = &mut self.rehearsal else { return };
        let shown = session.faded.shown.clone();
        let to = session.check(&said);
        let script = session.script().clone();
        let Some(checked) = session.checked.clone() else { return };
        let revision = self.library.scenario(&session.scenario_id).map_or(1, |s| s.revision);
        let activity = Activity {
            mode: AttemptMode::Rehearsal,
            scenario_id: session.scenario_id.clone(),
            scenario_revision: revision,
            item: script.key.clone(),
            shown,
            given: said,
            score: (checked.recitation.accuracy * 100.0).round() as u32,
            passed: checked.recitation.clean,
            time_used_ms: self.elapsed_ms(),
        };
        if let (Some(store), Some(employee)) = (&self.store, &self.current_employee)
            && let Err(e) = store.set_script_level(employee, &script.key, level_index(to), jiff::Timestamp::now())
        {
            self.status = e.to_string();
        }
        self.record_activity(activity);
    }

    pub(super) fn start_quiz(&mut self) {
        let scenarios: Vec<&crate::core::scenario::Scenario> =
            self.library.scenarios.iter().map(|l| &l.scenario).collect();
        let all = crate::core::quiz::questions(&scenarios, &self.library.lexicon);
        self.drills_started += 1;
        let round = crate::core::quiz::quiz(&all, QUIZ_LENGTH, self.now_ms ^ self.drills_started.rotate_left(17));
        if round.is_empty() {
            self.status = "No questions: the library has no scenarios to ask about".into();
            return;
        }
        self.quiz = Some(QuizRound::new(round));
        self.activity_started = jiff::Timestamp::now();
        self.screen = Screen::Quiz;
    }

    pub(super) fn answer_quiz(&mut self, option: usize) {
        let Some(round) = &mut self.quiz else { return };
        let Some(right) = round.choose(option) else { return };
        let Some(q) = round.question().cloned() else { return };
        let revision = self.library.scenario(&q.scenario_id).map_or(1, |s| s.revision);
        let activity = Activity {
            mode: AttemptMode::Quiz,
            scenario_id: q.scenario_id.clone(),
            scenario_revision: revision,
            item: q.id.clone(),
            shown: q.prompt.clone(),
            given: q.options.get(option).cloned().unwrap_or_default(),
            score: if right { 100 } else { 0 },
            passed: right,
            time_used_ms: self.elapsed_ms(),
        };
        self.record_activity(activity);
    }

    pub(super) fn elapsed_ms(&self) -> u64 {
        let ms = (jiff::Timestamp::now() - self.activity_started).get_milliseconds();
        u64::try_from(ms).unwrap_or(0)
    }

    /// Keep a recitation or quiz answer in the employee's history (not a drill: the scheduler only
    /// notes that the words were rehearsed).
    pub(super) fn record_activity(&mut self, activity: Activity) {
        let (Some(store), Some(employee)) = (&self.store, self.current_employee.clone()) else {
            self.status = "Not saved: pick or create a profile to keep your progress".into();
            return;
        };
        let attempt = Attempt::activity(activity, uuid::Uuid::new_v4().to_string(), employee, self.activity_started);
        match store.record_attempt(&attempt) {
            Ok(()) => self.refresh_progress(),
            Err(e) => self.status = format!("Not saved: {e}"),
        }
    }
}
