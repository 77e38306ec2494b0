//! The fair random picker: everyone present answers once per round, in an order drawn from a seed.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Picks the next participant among those present who have not gone yet this round.
#[derive(Debug, Clone)]
pub struct Picker {
    roster: Vec<String>,
    gone: Vec<String>,
    absent: Vec<String>,
    round: usize,
    skipped: Option<String>,
    rng: StdRng,
}

impl Picker {
    /// A picker over `roster` (participant ids, employees or walk-ins; repeats are dropped), drawing
    /// from `seed`, at the start of round 1.
    pub fn new(roster: Vec<String>, seed: u64) -> Self {
        let mut unique: Vec<String> = Vec::with_capacity(roster.len());
        for id in roster {
            if !unique.contains(&id) {
                unique.push(id);
            }
        }
        Self {
            roster: unique,
            gone: Vec::new(),
            absent: Vec::new(),
            round: 1,
            skipped: None,
            rng: StdRng::seed_from_u64(seed),
        }
    }

    /// The current round, counted from 1.
    pub fn round(&self) -> usize {
        self.round
    }

    /// The next participant: someone present who has not gone this round. When everyone present has
    /// gone, a new round starts. `None` only when nobody is present.
    pub fn pick(&mut self) -> Option<String> {
        if !self.roster.iter().any(|id| !self.absent.contains(id)) {
            return None;
        }
        if self.remaining_this_round().is_empty() {
            self.round += 1;
            self.gone.clear();
        }
        let mut pool = self.remaining_this_round();
        // Someone just skipped is not picked again straight away while others wait.
        if pool.len() > 1
            && let Some(skipped) = &self.skipped
        {
            pool.retain(|id| id != skipped);
        }
        let chosen = pool.get(self.rng.random_range(0..pool.len()))?.clone();
        self.skipped = None;
        self.gone.push(chosen.clone());
        Some(chosen)
    }

    /// `who` was picked but skipped: back into this round's pool, and not picked again next if others
    /// remain.
    pub fn skip(&mut self, who: &str) {
        if let Some(i) = self.gone.iter().position(|id| id == who) {
            self.gone.remove(i);
            self.skipped = Some(who.to_string());
        }
    }

    /// `who` is not in the room: left out of this and later rounds until [`Picker::back`]. If they
    /// were the one just picked, their turn does not count as taken.
    pub fn not_present(&mut self, who: &str) {
        if !self.roster.iter().any(|id| id == who) {
            return;
        }
        if !self.absent.iter().any(|id| id == who) {
            self.absent.push(who.to_string());
        }
        if self.gone.last().is_some_and(|id| id == who) {
            self.gone.pop();
        }
    }

    /// `who` is back in the room and can be picked again (this round, if they have not gone).
    pub fn back(&mut self, who: &str) {
        self.absent.retain(|id| id != who);
    }

    /// Who is marked not present (and not back), in the order marked.
    pub fn absent(&self) -> &[String] {
        &self.absent
    }

    /// Who has gone this round, in the order picked.
    pub fn gone_this_round(&self) -> &[String] {
        &self.gone
    }

    /// Who is present and has not gone this round, in roster order.
    pub fn remaining_this_round(&self) -> Vec<String> {
        self.roster.iter().filter(|id| !self.gone.contains(id) && !self.absent.contains(id)).cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("p{i}")).collect()
    }

    fn picks(seed: u64, n: usize) -> Vec<String> {
        let mut p = Picker::new(roster(5), seed);
        (0..n).map(|_| p.pick().expect("someone present")).collect()
    }

    #[test]
    fn everyone_is_picked_exactly_once_per_round() {
        let mut p = Picker::new(roster(5), 7);
        for round in 1..=3 {
            let mut got: Vec<String> = (0..5).map(|_| p.pick().expect("present")).collect();
            assert_eq!(p.round(), round);
            assert_eq!(p.gone_this_round(), got.as_slice());
            assert!(p.remaining_this_round().is_empty());
            got.sort();
            assert_eq!(got, roster(5), "round {round}");
        }
        p.pick();
        assert_eq!(p.round(), 4);
    }

    #[test]
    fn the_order_is_deterministic_for_a_seed_and_differs_between_seeds() {
        assert_eq!(picks(42, 15), picks(42, 15));
        let orders: Vec<Vec<String>> = (0..5).map(|seed| picks(seed, 15)).collect();
        assert!(orders.iter().any(|o| o != &orders[0]), "every seed gave {:?}", orders[0]);
    }

    #[test]
    fn a_skipped_person_goes_back_into_the_round_but_not_straight_away() {
        for seed in 0..20 {
            let mut p = Picker::new(roster(5), seed);
            let first = p.pick().expect("present");
            p.skip(&first);
            assert!(!p.gone_this_round().contains(&first));
            let next = p.pick().expect("present");
            assert_ne!(next, first, "seed {seed}");
            let mut rest: Vec<String> = (0..4).map(|_| p.pick().expect("present")).collect();
            assert_eq!(p.round(), 1, "seed {seed}");
            rest.push(next);
            rest.sort();
            assert_eq!(rest, roster(5), "seed {seed}: everyone once, the skipped one included");
        }
    }

    #[test]
    fn skipping_the_last_one_left_picks_them_again() {
        let mut p = Picker::new(vec!["a".into()], 1);
        assert_eq!(p.pick().as_deref(), Some("a"));
        p.skip("a");
        assert_eq!(p.pick().as_deref(), Some("a"));
        assert_eq!(p.round(), 1);
    }

    #[test]
    fn someone_not_present_is_left_out_until_back() {
        let mut p = Picker::new(roster(5), 3);
        p.not_present("p2");
        for _ in 0..3 {
            let got: Vec<String> = (0..4).map(|_| p.pick().expect("present")).collect();
            assert!(!got.contains(&"p2".to_string()));
        }
        assert_eq!(p.round(), 3);
        p.back("p2");
        assert_eq!(p.pick().as_deref(), Some("p2"), "back in time for the rest of round 3");
        assert_eq!(p.round(), 3);
        let mut round4: Vec<String> = (0..5).map(|_| p.pick().expect("present")).collect();
        assert_eq!(p.round(), 4);
        round4.sort();
        assert_eq!(round4, roster(5));
    }

    #[test]
    fn picked_then_not_present_does_not_use_up_the_turn() {
        let mut p = Picker::new(roster(3), 9);
        let first = p.pick().expect("present");
        p.not_present(&first);
        assert!(p.gone_this_round().is_empty());
        p.back(&first);
        assert!(p.remaining_this_round().contains(&first));
    }

    #[test]
    fn nobody_present_means_none() {
        let mut p = Picker::new(roster(2), 0);
        p.not_present("p1");
        p.not_present("p2");
        assert_eq!(p.pick(), None);
        assert_eq!(Picker::new(Vec::new(), 0).pick(), None);
        p.back("p1");
        assert_eq!(p.pick().as_deref(), Some("p1"));
    }
}
