//! [`ScoreJob`]: everything needed to score one answer, so the scoring can run on any thread.

use std::sync::Arc;

use crate::core::scenario::{Lexicon, Scenario};
use crate::core::scoring::examples;
use crate::core::scoring::lists::Lists;
use crate::core::scoring::{ScoreCard, ScoreError, ScoringContext, TurnScorer};

/// Everything needed to score one answer, on any thread: the one place a drill, a test-play and a
/// group session call the scorer.
#[derive(Clone)]
pub struct ScoreJob {
    scenario: Arc<Scenario>,
    turn: usize,
    lists: Arc<Lists>,
    response: String,
    context: ScoringContext,
}

impl ScoreJob {
    /// A job scoring `response` to turn `turn` of `scenario` with the lexicon's word lists (a
    /// group session's typed answer; drills make theirs when an answer is sent).
    pub fn new(scenario: Arc<Scenario>, turn: usize, lexicon: &Lexicon, response: &str) -> Self {
        Self::with_lists(scenario, turn, Arc::new(Lists::new(&lexicon.sets)), response)
    }

    /// A job with word lists already compiled (a drill compiles its lexicon's once).
    pub(crate) fn with_lists(scenario: Arc<Scenario>, turn: usize, lists: Arc<Lists>, response: &str) -> Self {
        Self { scenario, turn, lists, response: response.to_string(), context: ScoringContext::default() }
    }

    /// Score the answer as given at this date and time (for "today", "this morning").
    pub(super) fn at(mut self, context: ScoringContext) -> Self {
        self.context = context;
        self
    }

    /// The turn index the answer is for.
    pub fn turn(&self) -> usize {
        self.turn
    }

    /// Compile the turn's rubric and score the answer (slow rubrics make this slow: run it off the
    /// window's thread).
    pub fn run(&self) -> Result<ScoreCard, ScoreError> {
        self.run_within(&crate::core::scoring::budget::Unlimited)
    }

    /// As [`ScoreJob::run`], within `budget` (the window passes a clock-reading deadline): when it
    /// runs out the card holds the criteria that finished and names the slow one.
    pub fn run_within(&self, budget: &dyn crate::core::scoring::budget::Budget) -> Result<ScoreCard, ScoreError> {
        let turn = &self.scenario.turns[self.turn];
        let scorer = TurnScorer::with_lists(&self.scenario, turn, Arc::clone(&self.lists));
        let mut card = scorer.score_within(&self.response, &self.context, budget)?;
        // What would have earned a missed criterion: the model answer is scored only when needed.
        let model = examples::needs_model_card(&card, turn)
            .then(|| scorer.score_within(&turn.model_answer, &self.context, budget).ok())
            .flatten();
        examples::add_examples(&mut card, turn, model.as_ref());
        Ok(card)
    }
}
