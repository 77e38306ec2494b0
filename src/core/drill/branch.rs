//! Which turn follows a scored one: the first branch whose condition holds, else `next`.

use crate::core::scenario::{Condition, Scenario};
use crate::core::scoring::ScoreCard;

/// Whether `condition` holds for a turn's score card.
pub fn holds(condition: &Condition, card: &ScoreCard) -> bool {
    match condition {
        Condition::Met(id) => card.criterion(id).is_some_and(|c| c.met),
        Condition::NotMet(id) => card.criterion(id).is_some_and(|c| !c.met),
        Condition::Passed => card.passed,
        Condition::Failed => !card.passed,
        Condition::All(inner) => inner.iter().all(|c| holds(c, card)),
        Condition::Any(inner) => inner.iter().any(|c| holds(c, card)),
    }
}

/// The turn after `turn` given its score card: the first branch that holds, else `next`; None ends.
pub fn next_turn(scenario: &Scenario, turn: usize, card: &ScoreCard) -> Option<usize> {
    let t = &scenario.turns[turn];
    let target = t.branches.iter().find(|b| holds(&b.when, card)).map(|b| b.goto.as_str()).or(t.next.as_deref())?;
    scenario.turns.iter().position(|x| x.id == target)
}
