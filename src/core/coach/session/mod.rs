//! A coached group session as it runs: who is up (the fair picker), which scenario and turn is on
//! the screen, the coach's ticks, and every scored go. The window draws it; the store records each
//! go into the participant's own history.

use std::sync::Arc;

use jiff::Timestamp;

use crate::core::coach::{Change, Picker, SessionPlan, Turnout, agreement, coach_card};
use crate::core::drill::{ScoreJob, next_turn};
use crate::core::progress::{Attempt, AttemptMode, Override, Scorer, TurnAttempt};
use crate::core::scenario::{Lexicon, Scenario};
use crate::core::scoring::{ScoreCard, ScoreError};

mod suggest;
pub use suggest::{SUGGESTED, Suggestion, suggest, suggestions, ticked_at_first};

/// How long the picker's visible spin lasts, ms.
pub const SPIN_MS: u64 = 1200;

/// Where the session is.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupPhase {
    /// The scenario's briefing is on the screen for the room to read before anyone is picked.
    Briefing,
    /// Waiting for the coach to pick who goes next.
    Picking,
    /// `who` is up; the customer's line is on the screen and the clock may run.
    Answering {
        /// Participant id.
        who: String,
    },
    /// The coach ticks the rubric for `who`'s answer.
    Scoring {
        /// Participant id.
        who: String,
    },
    /// Every scenario has been played.
    Over,
}

/// A running group session.
#[derive(Debug, Clone)]
pub struct GroupSession {
    /// What was set up.
    pub plan: SessionPlan,
    /// The scenarios, in the order played.
    pub scenarios: Vec<Scenario>,
    /// Index of the scenario on screen.
    pub scenario: usize,
    /// Index of its turn on screen.
    pub turn: usize,
    /// Where the session is.
    pub phase: GroupPhase,
    /// The fair picker.
    pub picker: Picker,
    /// The coach's ticks for the answer being scored (rubric order).
    pub ticks: Vec<bool>,
    /// The engine's card when the answer was typed.
    pub engine: Option<ScoreCard>,
    /// What was typed, if anything.
    pub typed: String,
    /// Every scored go, in order.
    pub turnouts: Vec<Turnout>,
    /// The clock: the picker's spin and the time to answer.
    clock: GroupClock,
}

/// The session's clock, in the caller's milliseconds.
#[derive(Debug, Clone, Copy, Default)]
struct GroupClock {
    /// When the picker's spin ends (the pick happens then).
    spin_until_ms: Option<u64>,
    /// When the participant on screen started answering.
    turn_started_ms: u64,
    /// The time-up cue was given for this go.
    time_up_given: bool,
}

/// Something the window should react to as the session's clock runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupEvent {
    /// The spin ended on this participant (the customer speaks now).
    Picked(String),
    /// The spin ended with nobody present to pick.
    NobodyPresent,
    /// The time to answer ran out (once per go).
    TimeUp,
}

/// What keeping a go's score gives: the go itself and its record for the participant's history.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptGo {
    /// The go as the session report counts it.
    pub turnout: Turnout,
    /// The attempt for the participant's history (one turn, scored by the coach).
    pub attempt: Attempt,
    /// The coach's changes to the engine's verdicts, for the audit trail.
    pub overrides: Vec<Override>,
}

/// Who keeps a go and when: what the core cannot make itself (ids and the wall clock).
#[derive(Debug, Clone, PartialEq)]
pub struct GoStamp {
    /// The new attempt's id.
    pub attempt_id: String,
    /// The coach's name, for the audit trail.
    pub coach: String,
    /// When the participant started answering (wall clock).
    pub started_at: Timestamp,
    /// Now (wall clock), when the score is kept.
    pub at: Timestamp,
}

impl GroupSession {
    /// A session over these scenarios (missing ones are skipped by the caller); None without a
    /// scenario or a participant.
    pub fn new(plan: SessionPlan, scenarios: Vec<Scenario>, seed: u64) -> Option<Self> {
        if scenarios.is_empty() || plan.roster.is_empty() {
            return None;
        }
        let picker = Picker::new(plan.roster.iter().map(|p| p.id.clone()).collect(), seed);
        Some(Self {
            plan,
            scenarios,
            scenario: 0,
            turn: 0,
            phase: GroupPhase::Briefing,
            picker,
            ticks: Vec::new(),
            engine: None,
            typed: String::new(),
            turnouts: Vec::new(),
            clock: GroupClock::default(),
        })
    }

    /// The scenario on screen.
    pub fn current_scenario(&self) -> &Scenario {
        &self.scenarios[self.scenario.min(self.scenarios.len() - 1)]
    }

    /// The room has read the briefing: on to picking who answers first.
    pub fn begin_scenario(&mut self) {
        if self.phase == GroupPhase::Briefing {
            self.phase = GroupPhase::Picking;
        }
    }

    /// The number of the turn on screen along the path the conversation took (1 for the first),
    /// counted from the goes kept on this scenario; a branch that skips a turn does not skip a number.
    pub fn step(&self) -> usize {
        let id = &self.current_scenario().id;
        self.turnouts.iter().filter(|t| &t.scenario_id == id).count() + 1
    }

    /// Participants marked not present and not back, in roster order.
    pub fn absent(&self) -> Vec<String> {
        self.picker.absent().to_vec()
    }

    /// The name of a participant.
    pub fn name_of(&self, id: &str) -> String {
        self.plan.roster.iter().find(|p| p.id == id).map_or(id.to_string(), |p| p.name.clone())
    }

    /// Pick who goes next (None when nobody is present); their clock starts at `now_ms`.
    pub fn pick(&mut self, now_ms: u64) -> Option<String> {
        self.clock.turn_started_ms = now_ms;
        self.clock.time_up_given = false;
        let who = self.picker.pick()?;
        self.phase = GroupPhase::Answering { who: who.clone() };
        self.typed.clear();
        Some(who)
    }

    /// Spin the picker: the pick happens [`SPIN_MS`] after `now_ms`, on a [`GroupSession::tick`].
    pub fn spin(&mut self, now_ms: u64) {
        self.clock.spin_until_ms = Some(now_ms + SPIN_MS);
    }

    /// While the picker spins, the name it shows at `now_ms` (it runs through the roster).
    pub fn spinning_name(&self, now_ms: u64) -> Option<&str> {
        self.clock.spin_until_ms?;
        let roster = &self.plan.roster;
        let i = usize::try_from(now_ms / 90).unwrap_or(0) % roster.len().max(1);
        Some(roster.get(i).map_or("", |p| p.name.as_str()))
    }

    /// Let time pass: the spin ends in a pick; the time to answer runs out once per go.
    pub fn tick(&mut self, now_ms: u64) -> Vec<GroupEvent> {
        let mut events = Vec::new();
        if self.clock.spin_until_ms.is_some_and(|until| now_ms >= until) {
            self.clock.spin_until_ms = None;
            events.push(self.pick(now_ms).map_or(GroupEvent::NobodyPresent, GroupEvent::Picked));
        }
        if matches!(self.phase, GroupPhase::Answering { .. })
            && self.seconds_left(now_ms) == 0
            && !self.clock.time_up_given
        {
            self.clock.time_up_given = true;
            events.push(GroupEvent::TimeUp);
        }
        events
    }

    /// Whether the clock needs the window to keep repainting (a spin or an answer under way).
    pub fn clock_running(&self) -> bool {
        self.clock.spin_until_ms.is_some() || matches!(self.phase, GroupPhase::Answering { .. })
    }

    /// Whether the picker is spinning.
    pub fn is_spinning(&self) -> bool {
        self.clock.spin_until_ms.is_some()
    }

    /// Whole seconds left to answer at `now_ms` (0 once time is up).
    pub fn seconds_left(&self, now_ms: u64) -> u64 {
        let limit = u64::from(self.plan.seconds_per_turn);
        limit.saturating_sub(self.elapsed_ms(now_ms) / 1000)
    }

    /// Milliseconds until the seconds left next change at `now_ms` (the window sleeps until then
    /// instead of redrawing a clock that shows the same number).
    pub fn ms_to_next_second(&self, now_ms: u64) -> u64 {
        1000 - self.elapsed_ms(now_ms) % 1000
    }

    /// Time since the participant on screen started answering.
    pub fn elapsed_ms(&self, now_ms: u64) -> u64 {
        now_ms.saturating_sub(self.clock.turn_started_ms)
    }

    /// The one picked is skipped (back into this round) or not present (out until back).
    pub fn pass(&mut self, present: bool) {
        if let GroupPhase::Answering { who } = &self.phase {
            let who = who.clone();
            if present {
                self.picker.skip(&who)
            } else {
                self.picker.not_present(&who)
            }
            self.phase = GroupPhase::Picking;
        }
    }

    /// The answer is given, with what was typed (blank when it was spoken): a typed answer is scored
    /// by the engine with `lexicon` and recorded with [`GroupSession::answered`]. An answer the engine
    /// refuses (longer than a response may be) is not recorded: the error says why, for the coach to
    /// see, and the session stays on the answer.
    pub fn answer_typed(&mut self, typed: &str, lexicon: &Lexicon) -> Result<(), ScoreError> {
        let typed = typed.trim();
        let engine = if typed.is_empty() {
            None
        } else {
            let scenario = Arc::new(self.current_scenario().clone());
            Some(ScoreJob::new(scenario, self.turn, lexicon, typed).run()?)
        };
        self.answered(typed, engine);
        Ok(())
    }

    /// The answer is given: on to scoring. A typed answer is scored by the engine first, as a
    /// suggestion the coach can override.
    pub fn answered(&mut self, typed: &str, engine: Option<ScoreCard>) {
        if let GroupPhase::Answering { who } = &self.phase {
            let who = who.clone();
            let turn = &self.current_scenario().turns[self.turn];
            self.ticks = match &engine {
                Some(card) => card.criteria.iter().map(|c| c.met).collect(),
                None => vec![false; turn.rubric.len()],
            };
            self.engine = engine;
            self.typed = typed.to_string();
            self.phase = GroupPhase::Scoring { who };
        }
    }

    /// The coach's card for the ticks as they stand.
    pub fn card(&self) -> ScoreCard {
        let s = self.current_scenario();
        coach_card(&s.id, &s.turns[self.turn], &self.ticks)
    }

    /// The ticks that differ from the engine's suggestion (with an empty reason).
    pub fn changes(&self) -> Vec<Change> {
        let Some(engine) = &self.engine else { return Vec::new() };
        engine
            .criteria
            .iter()
            .zip(&self.ticks)
            .filter(|(c, t)| c.met != **t)
            .map(|(c, t)| Change { criterion: c.id.clone(), old: c.met, new: *t, why: String::new() })
            .collect()
    }

    /// Agreement between the coach and the engine on this answer (None when it was spoken).
    pub fn agreement(&self) -> Option<f64> {
        self.engine.as_ref().map(|e| agreement(e, &self.card()))
    }

    /// Keep the score (with the reason for any override and a note) and move the conversation on:
    /// the next turn by the branches, else the next scenario, else the end. Returns the go kept.
    pub fn score(&mut self, why: &str, note: &str, peer_votes: Vec<Vec<bool>>) -> Option<Turnout> {
        let GroupPhase::Scoring { who } = &self.phase else { return None };
        let s = self.current_scenario();
        let turn = &s.turns[self.turn];
        let mut turnout = match &self.engine {
            // The engine's card is the starting point; each change the coach made is an override.
            Some(engine) => {
                let mut t = Turnout::typed(who, engine.clone());
                for change in self.changes() {
                    t.set_verdict(turn, &change.criterion, change.new, why);
                }
                t
            }
            None => Turnout::spoken(who, &s.id, turn, &self.ticks),
        };
        turnout.note = note.to_string();
        turnout.peer_votes = peer_votes;
        let next = next_turn(s, self.turn, &turnout.card);
        self.turnouts.push(turnout.clone());
        self.phase = match next {
            Some(next) => {
                self.turn = next;
                GroupPhase::Picking
            }
            None => {
                self.scenario += 1;
                self.turn = 0;
                // A new scenario: its briefing goes up for the room first.
                if self.scenario >= self.scenarios.len() { GroupPhase::Over } else { GroupPhase::Briefing }
            }
        };
        self.engine = None;
        self.ticks.clear();
        Some(turnout)
    }

    /// Keep the score as [`GroupSession::score`] does, at `now_ms`, and make the go's record for
    /// the participant's history: a one-turn attempt scored by the coach and the audit rows of
    /// every change. The time used and "over time" are read at `now_ms`.
    pub fn keep_score(
        &mut self,
        why: &str,
        note: &str,
        peer_votes: Vec<Vec<bool>>,
        now_ms: u64,
        stamp: GoStamp,
    ) -> Option<KeptGo> {
        let scenario = self.current_scenario().clone();
        let turn = scenario.turns.get(self.turn)?.clone();
        let typed = self.typed.clone();
        let time_used_ms = self.elapsed_ms(now_ms);
        let over_time = self.seconds_left(now_ms) == 0;
        let mut turnout = self.score(why, note, peer_votes)?;
        turnout.coach = stamp.coach.clone();
        if let Some(kept) = self.turnouts.last_mut() {
            kept.coach = stamp.coach.clone();
        }
        let response = if typed.is_empty() { "(answered aloud)".to_string() } else { typed };
        let turn_attempt = TurnAttempt::from_card(&turnout.card, &turn.customer, &response, time_used_ms, over_time);
        let attempt = Attempt {
            id: stamp.attempt_id.clone(),
            employee_id: turnout.participant.clone(),
            scenario_id: scenario.id.clone(),
            scenario_revision: scenario.revision,
            mode: AttemptMode::Group,
            scorer: Scorer::Coach,
            started_at: stamp.started_at,
            completed: true,
            turns: vec![turn_attempt],
        };
        let overrides =
            turnout.overrides.iter().map(|c| c.to_override(&stamp.attempt_id, 0, &stamp.coach, stamp.at)).collect();
        Some(KeptGo { turnout, attempt, overrides })
    }

    /// End the session now.
    pub fn finish(&mut self) {
        self.phase = GroupPhase::Over;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::coach::Participant;
    use crate::core::scoring::MAX_RESPONSE_CHARS;
    use crate::core::test_fixtures::minimal;

    fn session() -> (GroupSession, Lexicon) {
        let (s, l) = minimal();
        let plan = SessionPlan {
            scenario_ids: vec![s.id.clone()],
            roster: vec![Participant { id: "a".into(), name: "Ann".into(), walk_in: false }],
            seconds_per_turn: 60,
            peer_scoring: false,
            leaderboard: false,
        };
        (GroupSession::new(plan, vec![s], 7).expect("a session"), l)
    }

    #[test]
    fn a_typed_answer_gets_the_engine_card_and_a_spoken_one_none() {
        let (mut g, l) = session();
        g.pick(0);
        g.answer_typed("Sorry, that's my fault. I'll call you at 4pm today.", &l).expect("scored");
        assert!(g.engine.is_some());
        assert!(matches!(g.phase, GroupPhase::Scoring { .. }));
        let (mut g, l) = session();
        g.pick(0);
        g.answer_typed("   ", &l).expect("spoken");
        assert!(g.engine.is_none());
    }

    #[test]
    fn a_too_long_typed_answer_is_an_error_not_a_missing_card() {
        let (mut g, l) = session();
        g.pick(0);
        let long = "sorry ".repeat(MAX_RESPONSE_CHARS / 5);
        let err = g.answer_typed(&long, &l).expect_err("too long");
        assert!(matches!(err, ScoreError::TooLong(_)), "{err}");
        assert!(matches!(g.phase, GroupPhase::Answering { .. }), "still on the answer");
    }

    fn timed(seconds: u32) -> GroupSession {
        let (s, _) = minimal();
        let roster = ["ana", "ben"]
            .iter()
            .map(|id| Participant { id: (*id).to_string(), name: id.to_uppercase(), walk_in: false })
            .collect();
        let plan =
            SessionPlan { scenario_ids: vec![s.id.clone()], roster, seconds_per_turn: seconds, ..Default::default() };
        GroupSession::new(plan, vec![s], 5).expect("session")
    }

    #[test]
    fn the_spin_ends_in_a_pick_and_time_runs_out_once() {
        let mut g = timed(30);
        g.spin(1_000);
        assert!(g.spinning_name(1_100).is_some() && g.clock_running());
        assert_eq!(g.tick(2_000), vec![], "still spinning");
        let events = g.tick(2_200);
        let [GroupEvent::Picked(who)] = &events[..] else { panic!("{events:?}") };
        assert_eq!(g.phase, GroupPhase::Answering { who: who.clone() });
        assert!(g.spinning_name(2_300).is_none());
        assert_eq!(g.seconds_left(2_200), 30);
        assert_eq!(g.seconds_left(12_700), 20, "whole seconds, rounded down");
        assert_eq!(g.ms_to_next_second(12_700), 500, "the clock next changes at 13,200 (19 left)");
        assert_eq!(g.seconds_left(12_700 + 500), 19);
        assert_eq!(g.ms_to_next_second(13_200), 1000, "just changed: a whole second to the next");
        assert_eq!(g.tick(31_000), vec![]);
        assert_eq!(g.tick(32_200), vec![GroupEvent::TimeUp]);
        assert_eq!(g.tick(40_000), vec![], "the cue is given once per go");
        assert_eq!(g.seconds_left(90_000), 0);
    }

    #[test]
    fn each_scenario_opens_on_its_briefing_and_turns_are_numbered_along_the_path() {
        let (s, _) = minimal();
        let mut g = timed(30);
        let mut second = s.clone();
        second.id = "second".into();
        g.scenarios.push(second);
        assert_eq!(g.phase, GroupPhase::Briefing, "the room reads the briefing first");
        g.begin_scenario();
        assert_eq!((g.phase.clone(), g.step()), (GroupPhase::Picking, 1));
        // A strong opening skips the escalation turn: the next on screen is still "turn 2".
        g.pick(0);
        g.answered("", None);
        g.ticks = vec![true, true, false];
        g.score("", "", Vec::new());
        assert_eq!(
            (g.phase.clone(), g.scenarios[0].turns[g.turn].id.as_str(), g.step()),
            (GroupPhase::Picking, "close", 2)
        );
        g.pick(0);
        g.answered("", None);
        g.score("", "", Vec::new());
        assert_eq!(
            (g.phase.clone(), g.scenario, g.step()),
            (GroupPhase::Briefing, 1, 1),
            "the next scenario's briefing"
        );
    }

    #[test]
    fn a_no_show_stays_listed_as_absent() {
        let mut g = timed(30);
        let who = g.pick(0).expect("someone");
        g.pass(false);
        assert_eq!(g.absent(), vec![who]);
    }

    #[test]
    fn nobody_present_is_said_when_the_spin_ends() {
        let mut g = timed(30);
        for _ in 0..2 {
            g.pick(0);
            g.pass(false);
        }
        g.spin(0);
        assert_eq!(g.tick(SPIN_MS), vec![GroupEvent::NobodyPresent]);
    }

    #[test]
    fn a_kept_go_is_a_coached_one_turn_attempt_with_its_audit_rows() {
        let (s, l) = minimal();
        let mut g = timed(30);
        let who = g.pick(1_000).expect("someone");
        let engine = crate::core::scoring::TurnScorer::new(&s, &s.turns[0], &l).score("I'm sorry, that's my fault.");
        g.answered("I'm sorry, that's my fault.", engine.ok());
        let time = g.card().criteria.iter().position(|c| c.id == "time").expect("time criterion");
        g.ticks[time] = true;
        let stamp = GoStamp {
            attempt_id: "go-1".into(),
            coach: "Coach".into(),
            started_at: Timestamp::UNIX_EPOCH,
            at: Timestamp::UNIX_EPOCH,
        };
        let kept = g.keep_score("said four aloud", "", Vec::new(), 41_000, stamp).expect("kept");
        let a = &kept.attempt;
        assert_eq!((a.id.as_str(), a.employee_id.as_str()), ("go-1", who.as_str()));
        assert_eq!((a.mode, a.scorer, a.completed), (AttemptMode::Group, Scorer::Coach, true));
        let t = &a.turns[0];
        assert_eq!((t.score, t.time_used_ms, t.over_time), (kept.turnout.card.score, 40_000, true));
        assert_eq!(t.response, "I'm sorry, that's my fault.");
        assert_eq!(t.criteria.len(), s.turns[0].rubric.len());
        assert_eq!(kept.overrides.len(), 1);
        let o = &kept.overrides[0];
        assert_eq!((o.criterion_id.as_str(), o.old_met, o.new_met), ("time", false, true));
        assert_eq!((o.attempt_id.as_str(), o.reason.as_str(), o.coach.as_str()), ("go-1", "said four aloud", "Coach"));
    }

    #[test]
    fn a_single_perfect_group_go_is_recorded_as_a_group_turn_and_masters_nothing() {
        let (s, _) = minimal();
        let mut g = timed(30);
        g.begin_scenario();
        g.pick(0);
        g.answered("", None);
        g.ticks = vec![true, true, false];
        let stamp = GoStamp {
            attempt_id: "go-1".into(),
            coach: "Coach".into(),
            started_at: Timestamp::UNIX_EPOCH,
            at: Timestamp::UNIX_EPOCH,
        };
        let kept = g.keep_score("", "", Vec::new(), 5_000, stamp).expect("kept");
        let a = &kept.attempt;
        assert_eq!((a.mode, a.turns.len(), a.turns[0].turn_id.as_str()), (AttemptMode::Group, 1, "opening"));
        assert_eq!(a.turns[0].score, 100);
        let state = crate::core::staging::LearnerState::new([&s], std::slice::from_ref(a), &Default::default());
        let item = &state.states[0];
        assert_eq!((item.drills, item.mastered, item.passes), (0, false, 0), "one turn of three is not a drill");
    }
}
