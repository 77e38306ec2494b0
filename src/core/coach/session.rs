//! A coached group session as it runs: who is up (the fair picker), which scenario and turn is on
//! the screen, the coach's ticks, and every scored go. The window draws it; the store records each
//! go into the participant's own history.

use crate::core::coach::{Picker, SessionPlan, Turnout, agreement, coach_card};
use crate::core::drill::next_turn;
use crate::core::scenario::{Lexicon, Scenario};
use crate::core::scoring::{ScoreCard, ScoreError, TurnScorer};

/// Where the session is.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupPhase {
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

/// One override the coach made to the engine's suggestion, with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Criterion id.
    pub criterion: String,
    /// The engine's verdict.
    pub old: bool,
    /// The coach's.
    pub new: bool,
    /// Why.
    pub why: String,
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
            phase: GroupPhase::Picking,
            picker,
            ticks: Vec::new(),
            engine: None,
            typed: String::new(),
            turnouts: Vec::new(),
        })
    }

    /// The scenario on screen.
    pub fn current_scenario(&self) -> &Scenario {
        &self.scenarios[self.scenario.min(self.scenarios.len() - 1)]
    }

    /// The name of a participant.
    pub fn name_of(&self, id: &str) -> String {
        self.plan.roster.iter().find(|p| p.id == id).map_or(id.to_string(), |p| p.name.clone())
    }

    /// Pick who goes next (None when nobody is present).
    pub fn pick(&mut self) -> Option<String> {
        let who = self.picker.pick()?;
        self.phase = GroupPhase::Answering { who: who.clone() };
        self.typed.clear();
        Some(who)
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
            let s = self.current_scenario();
            Some(TurnScorer::new(s, &s.turns[self.turn], lexicon).score(typed)?)
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

    /// The ticks that differ from the engine's suggestion.
    pub fn changes(&self) -> Vec<(String, bool, bool)> {
        let Some(engine) = &self.engine else { return Vec::new() };
        engine
            .criteria
            .iter()
            .zip(&self.ticks)
            .filter(|(c, t)| c.met != **t)
            .map(|(c, t)| (c.id.clone(), c.met, *t))
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
                for (criterion, _, met) in self.changes() {
                    t.set_verdict(turn, &criterion, met, why);
                }
                t
            }
            None => Turnout::spoken(who, &s.id, turn, &self.ticks),
        };
        turnout.note = note.to_string();
        turnout.peer_votes = peer_votes;
        let next = next_turn(s, self.turn, &turnout.card);
        self.turnouts.push(turnout.clone());
        match next {
            Some(next) => self.turn = next,
            None => {
                self.scenario += 1;
                self.turn = 0;
            }
        }
        self.phase = if self.scenario >= self.scenarios.len() { GroupPhase::Over } else { GroupPhase::Picking };
        self.engine = None;
        self.ticks.clear();
        Some(turnout)
    }

    /// End the session now.
    pub fn finish(&mut self) {
        self.phase = GroupPhase::Over;
    }
}

/// Scenario ids to suggest for a team session: high priority where the team scores worst. Each
/// scenario's need is its priority times what the team's latest drill scores leave to learn (a
/// scenario nobody has drilled needs everything). Highest need first.
pub fn suggest(scenarios: &[&Scenario], team_attempts: &[crate::core::progress::Attempt]) -> Vec<String> {
    let mut ranked: Vec<(f64, &Scenario)> = scenarios
        .iter()
        .map(|s| {
            let mut latest: std::collections::HashMap<&str, (&jiff::Timestamp, f64)> = Default::default();
            for a in team_attempts.iter().filter(|a| a.scenario_id == s.id && a.is_finished_drill()) {
                let entry = latest.entry(a.employee_id.as_str()).or_insert((&a.started_at, a.score()));
                if &a.started_at >= entry.0 {
                    *entry = (&a.started_at, a.score());
                }
            }
            let mean =
                if latest.is_empty() { 0.0 } else { latest.values().map(|v| v.1).sum::<f64>() / latest.len() as f64 };
            (f64::from(s.priority()) * (1.0 - mean / 100.0), *s)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
    ranked.into_iter().map(|(_, s)| s.id.clone()).collect()
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
        g.pick();
        g.answer_typed("Sorry, that's my fault. I'll call you at 4pm today.", &l).expect("scored");
        assert!(g.engine.is_some());
        assert!(matches!(g.phase, GroupPhase::Scoring { .. }));
        let (mut g, l) = session();
        g.pick();
        g.answer_typed("   ", &l).expect("spoken");
        assert!(g.engine.is_none());
    }

    #[test]
    fn a_too_long_typed_answer_is_an_error_not_a_missing_card() {
        let (mut g, l) = session();
        g.pick();
        let long = "sorry ".repeat(MAX_RESPONSE_CHARS / 5);
        let err = g.answer_typed(&long, &l).expect_err("too long");
        assert!(matches!(err, ScoreError::TooLong(_)), "{err}");
        assert!(matches!(g.phase, GroupPhase::Answering { .. }), "still on the answer");
    }
}
