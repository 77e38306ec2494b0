//! Try-a-response: a trainer types an answer to one turn and sees the score card as they type. The
//! scoring itself is a [`ScoreJob`] run off the window's thread (within the drill's time budget):
//! at most one is out at a time, and when its card comes back with the text changed meanwhile, the
//! text as it stands then is sent next, so fast typing never queues up a backlog of slow scorings.

use std::sync::Arc;

use crate::core::drill::ScoreJob;
use crate::core::scenario::{Lexicon, Scenario};
use crate::core::scoring::lists::Lists;
use crate::core::scoring::{ScoreCard, ScoreError};

/// A card that came back, with the turn and the response it scored.
pub struct TriedCard {
    /// Index of the turn it scored.
    pub turn: usize,
    /// The response it scored (the evidence spans point into this text).
    pub response: String,
    /// The card, or why the response could not be scored.
    pub card: Result<ScoreCard, ScoreError>,
}

/// The sandbox for one scenario.
pub struct Sandbox {
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// Index of the turn being answered.
    pub turn: usize,
    /// The response as typed.
    pub response: String,
    lists: Arc<Lists>,
    /// The turn and response of the job being scored now.
    sent: Option<(usize, String)>,
    /// The newest card that came back.
    last: Option<TriedCard>,
}

impl Sandbox {
    /// A sandbox on the first turn of `scenario` (None when it has no turns).
    pub fn new(scenario: Scenario, lexicon: &Lexicon) -> Option<Self> {
        scenario.turns.first()?;
        let lists = Arc::new(Lists::new(&lexicon.sets));
        Some(Self { scenario: Arc::new(scenario), turn: 0, response: String::new(), lists, sent: None, last: None })
    }

    /// Answer another turn (the response is kept and scored against it).
    pub fn set_turn(&mut self, turn: usize) {
        if turn < self.scenario.turns.len() {
            self.turn = turn;
        }
    }

    /// The response as typed now.
    pub fn set_response(&mut self, response: &str) {
        if response != self.response {
            self.response = response.to_string();
        }
    }

    /// The job to score next: the response as it stands, when it has no card yet and no other job
    /// is out (its card is passed to [`Sandbox::card_arrived`]).
    pub fn next_job(&mut self) -> Option<ScoreJob> {
        if self.sent.is_some() || !self.is_behind() {
            return None;
        }
        self.sent = Some((self.turn, self.response.clone()));
        Some(ScoreJob::with_lists(Arc::clone(&self.scenario), self.turn, Arc::clone(&self.lists), &self.response))
    }

    /// The card of the job from [`Sandbox::next_job`] came back.
    pub fn card_arrived(&mut self, card: Result<ScoreCard, ScoreError>) {
        if let Some((turn, response)) = self.sent.take() {
            self.last = Some(TriedCard { turn, response, card });
        }
    }

    /// The newest card for the turn being answered (it may be for slightly older text while the
    /// newest is scored).
    pub fn card(&self) -> Option<&TriedCard> {
        self.last.as_ref().filter(|c| c.turn == self.turn)
    }

    /// True while the response as typed has no card yet (it is being scored or about to be).
    pub fn is_behind(&self) -> bool {
        self.last.as_ref().is_none_or(|c| c.turn != self.turn || c.response != self.response)
    }

    /// The id of the turn being answered.
    pub fn turn_id(&self) -> &str {
        &self.scenario.turns[self.turn].id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Score whatever job is due, as the worker would.
    fn score_due(sandbox: &mut Sandbox) {
        let job = sandbox.next_job().expect("a job is due");
        sandbox.card_arrived(job.run());
    }

    #[test]
    fn the_card_follows_the_text_and_the_turn() {
        let (s, l) = crate::core::test_fixtures::minimal();
        let mut sandbox = Sandbox::new(s, &l).expect("turns");
        sandbox.set_response("I'm sorry, that's my fault. I'll call you at 4pm.");
        score_due(&mut sandbox);
        let card = sandbox.card().expect("a card").card.as_ref().expect("scored");
        assert!(card.criterion("owns-it").is_some_and(|c| c.met));
        assert_eq!(card.turn, "opening");
        sandbox.set_turn(1);
        assert_eq!(sandbox.turn_id(), "escalation");
        assert!(sandbox.card().is_none(), "no card of the other turn is shown for this one");
        score_due(&mut sandbox);
        assert_eq!(sandbox.card().expect("a card").card.as_ref().expect("scored").turn, "escalation");
        sandbox.set_turn(99);
        assert_eq!(sandbox.turn, 1, "an unknown turn is ignored");
        assert!(sandbox.next_job().is_none(), "nothing changed, nothing to score");
    }

    #[test]
    fn one_job_at_a_time_and_the_newest_text_is_scored_next() {
        let (s, l) = crate::core::test_fixtures::minimal();
        let mut sandbox = Sandbox::new(s, &l).expect("turns");
        sandbox.set_response("I'm");
        let first = sandbox.next_job().expect("a job");
        sandbox.set_response("I'm sorry");
        sandbox.set_response("I'm sorry, that's my fault.");
        assert!(sandbox.next_job().is_none(), "one job is out already");
        sandbox.card_arrived(first.run());
        assert_eq!(sandbox.card().expect("a card").response, "I'm", "the card shows what it scored");
        assert!(sandbox.is_behind());
        score_due(&mut sandbox);
        assert_eq!(sandbox.card().expect("a card").response, "I'm sorry, that's my fault.");
        assert!(!sandbox.is_behind());
    }
}
