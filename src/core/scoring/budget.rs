//! A time budget for scoring. The core never reads a clock: the caller passes a [`Budget`] that
//! says when time is up, and the scorer asks it between criteria and inside long matching loops.
//! When it is up the turn is scored with the criteria that finished, and the card names the one
//! that was too slow (see [`super::OverBudget`]).

/// Whether scoring may go on. `io::budget` has the clock-reading ones; tests pass fakes.
pub trait Budget {
    /// The rubric's criterion `index` is about to be scored (a per-criterion budget restarts here).
    fn criterion_started(&self, _index: usize) {}

    /// True once the time is up: the scorer stops and scores with what finished.
    fn exhausted(&self) -> bool;
}

/// No limit: scoring always runs to the end.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unlimited;

impl Budget for Unlimited {
    fn exhausted(&self) -> bool {
        false
    }
}

/// Any `Fn() -> bool` ("over budget?") is a budget.
impl<F: Fn() -> bool> Budget for F {
    fn exhausted(&self) -> bool {
        self()
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::collections::BTreeMap;

    use super::*;
    use crate::core::scenario::pattern::Pattern;
    use crate::core::scoring::phrase::{Names, Phrase};
    use crate::core::scoring::text::analyse;
    use crate::core::scoring::{ScoringContext, TurnScorer};
    use crate::core::test_fixtures::minimal;

    /// Runs out as criterion `at` starts, as a slow criterion would.
    struct OutAt {
        at: usize,
        out: Cell<bool>,
    }

    impl Budget for OutAt {
        fn criterion_started(&self, index: usize) {
            if index == self.at {
                self.out.set(true);
            }
        }

        fn exhausted(&self) -> bool {
            self.out.get()
        }
    }

    const STRONG: &str = "I'm sorry, that's my fault. I'll call you at 4pm.";

    fn scorer() -> TurnScorer {
        let (s, l) = minimal();
        TurnScorer::new(&s, &s.turns[0], &l)
    }

    #[test]
    fn a_budget_that_never_runs_out_scores_as_usual() {
        let scorer = scorer();
        let within = scorer.score_within(STRONG, &ScoringContext::default(), &Unlimited).expect("scored");
        assert_eq!(within, scorer.score(STRONG).expect("scored"));
        assert_eq!(within.over_budget, None);
        assert_eq!(within.score, 100);
    }

    #[test]
    fn out_of_time_scores_what_finished_and_names_the_slow_criterion() {
        let budget = OutAt { at: 1, out: Cell::new(false) };
        let card = scorer().score_within(STRONG, &ScoringContext::default(), &budget).expect("scored");
        let over = card.over_budget.as_ref().expect("over budget");
        assert_eq!(over.criterion, "time");
        assert_eq!(over.label, "Specific time");
        assert_eq!(over.unscored, ["time", "blames"]);
        let owns = card.criterion("owns-it").expect("owns-it");
        assert!(owns.met, "the criterion that finished keeps its verdict");
        assert_eq!(owns.points, 100.0, "it shares the points alone");
        let time = card.criterion("time").expect("time");
        assert!(!time.met && time.evidence.is_empty() && time.points == 0.0);
        assert_eq!(card.score, 100);
    }

    #[test]
    fn out_of_time_before_the_first_criterion_scores_nothing() {
        let card = scorer().score_within(STRONG, &ScoringContext::default(), &|| true).expect("scored");
        assert_eq!(card.over_budget.as_ref().map(|o| o.criterion.as_str()), Some("owns-it"));
        assert_eq!(card.score, 0);
        assert!(card.criteria.iter().all(|c| !c.met));
    }

    #[test]
    fn a_phrase_search_stops_when_its_budget_runs_out() {
        let phrase = Phrase::compile(&Pattern::parse("sorry").expect("pattern"), &BTreeMap::new());
        let a = analyse(&"Sorry. ".repeat(20));
        assert_eq!(phrase.find(&a, &Names::default()).len(), 20);
        let asked = Cell::new(0);
        let three_tries = || {
            asked.set(asked.get() + 1);
            asked.get() > 3
        };
        assert_eq!(phrase.find_within(&a, &Names::default(), &three_tries).len(), 3);
    }

    #[test]
    fn a_long_search_of_the_automaton_asks_its_budget() {
        let phrase = Phrase::compile(&Pattern::parse("a * a").expect("pattern"), &BTreeMap::new());
        // One sentence of 200 words: a single search runs through it.
        let a = analyse(&vec!["a b"; 100].join(" "));
        let all = phrase.find(&a, &Names::default()).len();
        let asked = Cell::new(0);
        // Allowed to start, then out of time inside the search.
        let budget = || {
            asked.set(asked.get() + 1);
            asked.get() > 1
        };
        let found = phrase.find_within(&a, &Names::default(), &budget).len();
        assert!(asked.get() >= 2, "asked inside the search");
        assert!(found < all, "stopped early: {found} of {all}");
    }
}
