//! Which criteria are too slow on a scenario's own answers (its model answers and author tests),
//! scored within a budget the caller gives (`check` gives each criterion as long as a drill gives a whole turn); a criterion counts as slow
//! when it runs out twice in a row.

use std::sync::Arc;

use super::budget::Budget;
use super::lists::Lists;
use super::{ScoringContext, TurnScorer};
use crate::core::scenario::Scenario;

/// A criterion that ran out of its budget on one of the scenario's own answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlowCriterion {
    /// Index of the turn in `turns`.
    pub turn: usize,
    /// Index of the criterion in the turn's rubric.
    pub criterion: usize,
    /// Which answer showed it, in words: "the model answer" or "author test `name`".
    pub answer: String,
}

/// Score every turn's model answer and every author test within `budget`; each criterion that ran
/// out of it (twice in a row on the same answer), once, with the first answer that showed it.
pub fn slow_criteria(scenario: &Scenario, lists: &Arc<Lists>, budget: &dyn Budget) -> Vec<SlowCriterion> {
    let mut slow: Vec<SlowCriterion> = Vec::new();
    for (t, turn) in scenario.turns.iter().enumerate() {
        let scorer = TurnScorer::with_lists(scenario, turn, Arc::clone(lists));
        let tests = scenario.tests.iter().filter(|test| {
            test.turn.as_deref().map_or(scenario.first_turn().is_some_and(|f| f.id == turn.id), |id| id == turn.id)
        });
        let answers = std::iter::once(("the model answer".to_string(), turn.model_answer.as_str()))
            .chain(tests.map(|test| (format!("author test `{}`", test.name), test.response.as_str())));
        for (answer, response) in answers {
            // Twice, so a machine busy for a moment does not make a criterion look slow.
            let over = || scorer.score_within(response, &ScoringContext::default(), budget).ok()?.over_budget;
            let Some(over) = over().and_then(|first| over().filter(|again| again.criterion == first.criterion)) else {
                continue;
            };
            let Some(criterion) = turn.rubric.iter().position(|c| c.id == over.criterion) else { continue };
            if !slow.iter().any(|s| s.turn == t && s.criterion == criterion) {
                slow.push(SlowCriterion { turn: t, criterion, answer });
            }
        }
    }
    slow
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::core::test_fixtures::minimal;

    /// Runs out whenever criterion `at` of any turn starts.
    struct SlowAt(usize, Cell<bool>);

    impl Budget for SlowAt {
        fn criterion_started(&self, index: usize) {
            self.1.set(index == self.0);
        }

        fn exhausted(&self) -> bool {
            self.1.get()
        }
    }

    #[test]
    fn each_slow_criterion_is_named_once_with_the_answer_that_showed_it() {
        let (s, l) = minimal();
        let lists = Arc::new(Lists::new(&l.sets));
        let slow = slow_criteria(&s, &lists, &SlowAt(1, Cell::new(false)));
        let first = slow.first().expect("a slow criterion");
        assert_eq!((first.turn, first.criterion), (0, 1));
        assert_eq!(first.answer, "the model answer");
        assert_eq!(slow.iter().filter(|x| x.turn == 0).count(), 1, "{slow:?}");
        assert!(slow_criteria(&s, &lists, &crate::core::scoring::budget::Unlimited).is_empty());
    }
}
