//! The scheduling policies the simulation compares: the one FollowThrough ships (the staged plan
//! with the mission guard and a first-pass chance fitted per employee, i.e.
//! [`crate::core::staging::plan`] with the default settings), the plan as it shipped before, and
//! baselines run the way their users run them. Every baseline respects prerequisites: a scenario
//! is not started before its prerequisites have been mastered.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use crate::core::staging::item::{Item, ItemState};
use crate::core::staging::memory::{MemoryModel, Observation};
use crate::core::staging::rollout::priority_order;
use crate::core::staging::{Curve, StagingSettings, plan_with_curve};

/// New scenarios a day in the Anki v3 baseline. On the tuning seeds 4 gained 0.005-0.011 PWR
/// (still below the best baseline) and lost up to a day of T5x2; see docs/staging.md.
pub const ANKI_NEW_PER_DAY: usize = 2;

/// A way of choosing each day's drills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Scenarios at random.
    Random,
    /// Every scenario in authoring order, over and over.
    RoundRobin,
    /// Every scenario from the highest priority down, over and over.
    RoundRobinByPriority,
    /// Anki's order: due reviews first (most overdue first), then new in authoring order, then
    /// reviews ahead of time.
    AnkiOrder,
    /// Anki's order with new scenarios by priority.
    AnkiOrderNewByPriority,
    /// Anki v3 as a user runs it: relearning first, one new scenario a day reserved, reviews by
    /// due date, then new scenarios by priority up to the daily allowance; nothing ahead of time.
    AnkiV3,
    /// The staged plan as shipped before (no mission guard, one first-pass guess, 10-day horizon).
    Staged,
    /// What FollowThrough ships: [`plan`] with the default settings.
    Adaptive,
}

impl Policy {
    /// Every policy, in report order.
    pub const ALL: [Self; 8] = [
        Self::Random,
        Self::RoundRobin,
        Self::RoundRobinByPriority,
        Self::AnkiOrder,
        Self::AnkiOrderNewByPriority,
        Self::AnkiV3,
        Self::Staged,
        Self::Adaptive,
    ];

    /// The name in reports and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Self::Random => "random",
            Self::RoundRobin => "round-robin",
            Self::RoundRobinByPriority => "round-robin-by-priority",
            Self::AnkiOrder => "anki-order",
            Self::AnkiOrderNewByPriority => "anki-order-new-by-priority",
            Self::AnkiV3 => "anki-v3",
            Self::Staged => "staged-by-worth",
            Self::Adaptive => "staged-adaptive",
        }
    }

    /// The one FollowThrough ships.
    pub fn shipped(self) -> bool {
        self == Self::Adaptive
    }

    /// A policy someone could run without FollowThrough's scheduler.
    pub fn baseline(self) -> bool {
        !matches!(self, Self::Staged | Self::Adaptive)
    }
}

/// What a policy knows and remembers between days.
pub struct Chooser<'a> {
    policy: Policy,
    items: &'a [Item],
    model: &'a MemoryModel,
    settings: StagingSettings,
    by_priority: Vec<usize>,
    prerequisites: Vec<Vec<usize>>,
    next_in_turn: usize,
    /// New scenarios a day for [`Policy::AnkiV3`].
    pub anki_new_per_day: usize,
}

impl<'a> Chooser<'a> {
    /// A chooser for this library; `settings` are the shipped scheduler's.
    pub fn new(policy: Policy, items: &'a [Item], model: &'a MemoryModel, settings: &StagingSettings) -> Self {
        let prerequisites = items
            .iter()
            .map(|item| {
                item.prerequisites.iter().filter_map(|p| items.iter().position(|other| &other.id == p)).collect()
            })
            .collect();
        Self {
            policy,
            items,
            model,
            settings: settings.clone(),
            by_priority: priority_order(items),
            prerequisites,
            next_in_turn: 0,
            anki_new_per_day: ANKI_NEW_PER_DAY,
        }
    }

    /// The scenarios to drill on `day` within `budget` minutes (at most `cap`), given what the
    /// scheduler believes, in the order they are drilled.
    pub fn choose(
        &mut self,
        budget: f64,
        cap: usize,
        states: &[ItemState],
        observations: &[Observation],
        day: f64,
        rng: &mut StdRng,
    ) -> Vec<usize> {
        let open = |i: usize| states[i].drills > 0 || self.prerequisites[i].iter().all(|&p| states[p].mastered);
        let mut chosen = match self.policy {
            Policy::Random => {
                let mut order: Vec<usize> = (0..self.items.len()).filter(|&i| open(i)).collect();
                order.shuffle(rng);
                self.fill(&order, budget)
            }
            Policy::RoundRobin | Policy::RoundRobinByPriority => {
                let base: Vec<usize> = if self.policy == Policy::RoundRobin {
                    (0..self.items.len()).collect()
                } else {
                    self.by_priority.clone()
                };
                let n = base.len();
                let order: Vec<usize> =
                    (0..n).map(|k| base[(self.next_in_turn + k) % n]).filter(|&i| open(i)).collect();
                let chosen = self.fill(&order, budget);
                // The turn goes on from the first scenario passed over for lack of time, if any.
                let last = chosen.last().and_then(|l| order.iter().position(|i| i == l)).unwrap_or(0);
                let next = order[..last].iter().find(|i| !chosen.contains(i)).or(order.get(last + 1));
                if let Some(next) = next {
                    self.next_in_turn = base.iter().position(|i| i == next).unwrap_or(0);
                }
                chosen
            }
            Policy::AnkiOrder | Policy::AnkiOrderNewByPriority => {
                let order = self.anki(states, day, self.policy == Policy::AnkiOrderNewByPriority, &open);
                self.fill(&order, budget)
            }
            Policy::AnkiV3 => {
                let order = self.anki_v3(states, day, &open);
                self.fill(&order, budget)
            }
            Policy::Staged | Policy::Adaptive => {
                let base =
                    if self.policy == Policy::Staged { StagingSettings::legacy() } else { self.settings.clone() };
                let settings = StagingSettings { daily_minutes: budget, ..base };
                let model = self.model.fitted(observations);
                let curve =
                    if settings.choose_curve { Curve::choose(&model, observations) } else { Curve::Fsrs(&model) };
                let plan = plan_with_curve(self.items, states, &curve, &settings, day, day.to_bits());
                plan.today.iter().map(|p| p.index).collect()
            }
        };
        chosen.truncate(cap);
        chosen
    }

    /// Go down `order`, taking each scenario that fits in what is left of the budget (the first
    /// always goes) and passing over those that do not, as the plan does.
    fn fill(&self, order: &[usize], budget: f64) -> Vec<usize> {
        let mut used = 0.0;
        let mut chosen = Vec::new();
        for &i in order {
            let minutes = self.items[i].minutes;
            if chosen.is_empty() || used + minutes <= budget + 1e-9 {
                used += minutes;
                chosen.push(i);
            }
        }
        chosen
    }

    fn due_day(&self, state: &ItemState) -> Option<f64> {
        let retention = self.settings.desired_retention;
        state.last_day.zip(state.memory).map(|(last, m)| last + self.model.interval(m, retention).round().max(1.0))
    }

    fn anki(&self, states: &[ItemState], day: f64, new_by_priority: bool, open: &dyn Fn(usize) -> bool) -> Vec<usize> {
        let mut reviews: Vec<(f64, usize)> =
            (0..self.items.len()).filter_map(|i| Some((self.due_day(&states[i])?, i))).collect();
        reviews.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (due, ahead): (Vec<_>, Vec<_>) = reviews.into_iter().partition(|&(d, _)| d <= day + 1e-9);
        let order: Vec<usize> =
            if new_by_priority { self.by_priority.clone() } else { (0..self.items.len()).collect() };
        let new = order.into_iter().filter(|&i| states[i].drills == 0 && open(i));
        due.into_iter().map(|(_, i)| i).chain(new).chain(ahead.into_iter().map(|(_, i)| i)).collect()
    }

    fn anki_v3(&self, states: &[ItemState], day: f64, open: &dyn Fn(usize) -> bool) -> Vec<usize> {
        let drilled = |i: &usize| states[*i].drills > 0;
        // Learning and relearning: a failed scenario, or one passed only once, comes back a day later.
        let learning = |i: &usize| states[*i].last_passed == Some(false) || states[*i].drills == 1;
        let mut relearn: Vec<usize> = (0..self.items.len()).filter(drilled).filter(learning).collect();
        relearn.sort_by(|&a, &b| states[a].last_day.unwrap_or(0.0).total_cmp(&states[b].last_day.unwrap_or(0.0)));
        let mut reviews: Vec<(f64, usize)> = (0..self.items.len())
            .filter(drilled)
            .filter(|i| !learning(i))
            .filter_map(|i| Some((self.due_day(&states[i])?, i)))
            .filter(|&(d, _)| d <= day + 1e-9)
            .collect();
        reviews.sort_by(|a, b| a.0.total_cmp(&b.0));
        let new: Vec<usize> = self
            .by_priority
            .iter()
            .copied()
            .filter(|&i| states[i].drills == 0 && open(i))
            .take(self.anki_new_per_day)
            .collect();
        let mut order = relearn;
        order.extend(new.first());
        order.extend(reviews.into_iter().map(|(_, i)| i));
        order.extend(new.iter().skip(1));
        order
    }
}
