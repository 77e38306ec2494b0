//! [`ScoreJob`]: everything needed to score one answer, so the scoring can run on any thread.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::core::scenario::{Lexicon, Scenario};
use crate::core::scoring::budget::{Budget, Unlimited};
use crate::core::scoring::examples;
use crate::core::scoring::lists::Lists;
use crate::core::scoring::{ScoreCard, ScoreError, ScoringContext, TurnScorer};

/// The model answer's card of each turn, scored once and shared by every answer to that turn
/// (it gives the score card its examples). Only whole cards are kept: one cut short by its budget
/// is scored again next time.
#[derive(Debug, Default)]
pub struct ModelCards {
    cards: Mutex<HashMap<usize, ScoreCard>>,
}

impl ModelCards {
    fn get(&self, turn: usize) -> Option<ScoreCard> {
        self.cards.lock().ok()?.get(&turn).cloned()
    }

    fn keep(&self, turn: usize, card: &ScoreCard) {
        if card.over_budget.is_none()
            && let Ok(mut cards) = self.cards.lock()
        {
            cards.insert(turn, card.clone());
        }
    }
}

/// Makes the budget the model answer is scored within, when (and only when) it is scored.
pub type ModelBudget<'a> = &'a dyn Fn() -> Box<dyn Budget>;

/// Everything needed to score one answer, on any thread: the one place a drill, a test-play and a
/// group session call the scorer.
#[derive(Clone)]
pub struct ScoreJob {
    scenario: Arc<Scenario>,
    turn: usize,
    lists: Arc<Lists>,
    response: String,
    context: ScoringContext,
    model_cards: Arc<ModelCards>,
}

impl ScoreJob {
    /// A job scoring `response` to turn `turn` of `scenario` with the lexicon's word lists (a
    /// group session's typed answer; drills make theirs when an answer is sent).
    pub fn new(scenario: Arc<Scenario>, turn: usize, lexicon: &Lexicon, response: &str) -> Self {
        Self::with_lists(scenario, turn, Arc::new(Lists::new(&lexicon.sets)), response)
    }

    /// A job with word lists already compiled (a drill compiles its lexicon's once).
    pub(crate) fn with_lists(scenario: Arc<Scenario>, turn: usize, lists: Arc<Lists>, response: &str) -> Self {
        Self {
            scenario,
            turn,
            lists,
            response: response.to_string(),
            context: ScoringContext::default(),
            model_cards: Arc::default(),
        }
    }

    /// Score the answer as given at this date and time (for "today", "this morning").
    pub(super) fn at(mut self, context: ScoringContext) -> Self {
        self.context = context;
        self
    }

    /// Share the model answers' cards of earlier answers (a drill keeps one set for its turns).
    pub(super) fn sharing(mut self, model_cards: &Arc<ModelCards>) -> Self {
        self.model_cards = Arc::clone(model_cards);
        self
    }

    /// The turn index the answer is for.
    pub fn turn(&self) -> usize {
        self.turn
    }

    /// Compile the turn's rubric and score the answer (slow rubrics make this slow: run it off the
    /// window's thread).
    pub fn run(&self) -> Result<ScoreCard, ScoreError> {
        self.run_within(&Unlimited)
    }

    /// As [`ScoreJob::run`], the answer within `budget` (the window passes a clock-reading
    /// deadline): when it runs out the card holds the criteria that finished and names the slow
    /// one. The model answer (for examples) is scored without a limit; see
    /// [`ScoreJob::run_budgeted`].
    pub fn run_within(&self, budget: &dyn Budget) -> Result<ScoreCard, ScoreError> {
        self.run_budgeted(budget, &|| Box::new(Unlimited))
    }

    /// Score the answer within `budget`, and the model answer, when a missed criterion needs its
    /// example, within a budget of its own made by `model_budget` as it starts: an answer that
    /// used up its time still gets its examples. The model answer's card is scored once per turn.
    pub fn run_budgeted(&self, budget: &dyn Budget, model_budget: ModelBudget) -> Result<ScoreCard, ScoreError> {
        let turn = &self.scenario.turns[self.turn];
        let scorer = TurnScorer::with_lists(&self.scenario, turn, Arc::clone(&self.lists));
        let mut card = scorer.score_within(&self.response, &self.context, budget)?;
        let model = examples::needs_model_card(&card, turn).then(|| self.model_card(&scorer, model_budget)).flatten();
        examples::add_examples(&mut card, turn, model.as_ref());
        Ok(card)
    }

    fn model_card(&self, scorer: &TurnScorer, model_budget: ModelBudget) -> Option<ScoreCard> {
        if let Some(card) = self.model_cards.get(self.turn) {
            return Some(card);
        }
        let answer = &self.scenario.turns[self.turn].model_answer;
        let card = scorer.score_within(answer, &self.context, model_budget().as_ref()).ok()?;
        self.model_cards.keep(self.turn, &card);
        Some(card)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::core::test_fixtures::minimal;

    /// A budget that runs out once `criteria` criteria have started (an answer that used it up).
    struct UsedUp {
        criteria: usize,
        started: Cell<usize>,
    }

    impl Budget for UsedUp {
        fn criterion_started(&self, _index: usize) {
            self.started.set(self.started.get() + 1);
        }

        fn exhausted(&self) -> bool {
            self.started.get() > self.criteria
        }
    }

    fn job(response: &str) -> ScoreJob {
        let (s, l) = minimal();
        ScoreJob::new(Arc::new(s), 0, &l, response)
    }

    #[test]
    fn an_answer_that_used_up_its_budget_still_gets_its_examples() {
        let job = job("I'm sorry, that's my fault.");
        let criteria = job.scenario.turns[0].rubric.len();
        // The answer's criteria all finish, and then the time is up: any more scoring in this
        // budget would stop at once.
        let budget = UsedUp { criteria, started: Cell::new(0) };
        let card = job.run_budgeted(&budget, &|| Box::new(Unlimited)).expect("card");
        let time = card.criterion("time").expect("time");
        assert!(!time.met);
        assert_eq!(time.example.as_deref(), Some("I'll call you at 4pm with the answer."));
    }

    #[test]
    fn the_model_answer_is_scored_once_per_turn_and_not_kept_when_cut_short() {
        let (s, l) = minimal();
        let scenario = Arc::new(s);
        let shared = Arc::new(ModelCards::default());
        let made = Cell::new(0);
        let out_of_time = || -> Box<dyn Budget> {
            made.set(made.get() + 1);
            Box::new(|| true)
        };
        let missing = |response: &str| ScoreJob::new(Arc::clone(&scenario), 0, &l, response).sharing(&shared);
        let cut = missing("I'm sorry.").run_budgeted(&Unlimited, &out_of_time).expect("card");
        assert_eq!(cut.criterion("time").and_then(|c| c.example.as_deref()), None, "a cut-short model card");
        let unlimited = || -> Box<dyn Budget> {
            made.set(made.get() + 1);
            Box::new(Unlimited)
        };
        for response in ["I'm sorry.", "That's my fault."] {
            let card = missing(response).run_budgeted(&Unlimited, &unlimited).expect("card");
            assert!(card.criterion("time").and_then(|c| c.example.as_deref()).is_some(), "{response}");
        }
        assert_eq!(made.get(), 2, "scored again after the cut-short card, then kept");
    }
}
