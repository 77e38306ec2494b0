//! Try-a-response: a trainer types an answer to one turn and sees the score card as they type.

use std::sync::Arc;

use crate::core::scenario::{Lexicon, Scenario};
use crate::core::scoring::lists::Lists;
use crate::core::scoring::{ScoreCard, ScoreError, TurnScorer};

/// The sandbox for one scenario.
pub struct Sandbox {
    /// The scenario.
    pub scenario: Scenario,
    /// Index of the turn being answered.
    pub turn: usize,
    /// The response as typed.
    pub response: String,
    /// Its score card (or why it cannot be scored).
    pub card: Result<ScoreCard, ScoreError>,
    lists: Arc<Lists>,
    scorer: TurnScorer,
}

impl Sandbox {
    /// A sandbox on the first turn of `scenario` (None when it has no turns).
    pub fn new(scenario: Scenario, lexicon: &Lexicon) -> Option<Self> {
        let lists = Arc::new(Lists::new(&lexicon.sets));
        let scorer = TurnScorer::with_lists(&scenario, scenario.turns.first()?, Arc::clone(&lists));
        let card = scorer.score("");
        Some(Self { scenario, turn: 0, response: String::new(), card, lists, scorer })
    }

    /// Answer another turn (the response is kept and scored against it).
    pub fn set_turn(&mut self, turn: usize) {
        let Some(t) = self.scenario.turns.get(turn) else { return };
        self.turn = turn;
        self.scorer = TurnScorer::with_lists(&self.scenario, t, Arc::clone(&self.lists));
        self.card = self.scorer.score(&self.response);
    }

    /// The response changed: score it again (nothing happens when it did not change).
    pub fn set_response(&mut self, response: &str) {
        if response != self.response {
            self.response = response.to_string();
            self.card = self.scorer.score(&self.response);
        }
    }

    /// The id of the turn being answered.
    pub fn turn_id(&self) -> &str {
        &self.scenario.turns[self.turn].id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_follows_the_text_and_the_turn() {
        let (s, l) = crate::core::test_fixtures::minimal();
        let mut sandbox = Sandbox::new(s, &l).expect("turns");
        sandbox.set_response("I'm sorry, that's my fault. I'll call you at 4pm.");
        let card = sandbox.card.as_ref().expect("scored");
        assert!(card.criterion("owns-it").is_some_and(|c| c.met));
        assert_eq!(card.turn, "opening");
        sandbox.set_turn(1);
        assert_eq!(sandbox.turn_id(), "escalation");
        assert_eq!(sandbox.card.as_ref().expect("scored").turn, "escalation");
        sandbox.set_turn(99);
        assert_eq!(sandbox.turn, 1, "an unknown turn is ignored");
    }
}
