//! The scheduling policies the simulation compares: the one FollowThrough ships (staged rollout
//! by priority with worth-ranked refresh, i.e. [`crate::core::staging::plan`]) and the baselines.

use rand::rngs::StdRng;
use rand::seq::index::sample;

use crate::core::staging::item::{Item, ItemState};
use crate::core::staging::memory::{MemoryModel, Observation};
use crate::core::staging::rollout::priority_order;
use crate::core::staging::{StagingSettings, plan};

/// A way of choosing each day's drills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Distinct scenarios at random.
    Random,
    /// Every scenario in authoring order, over and over.
    RoundRobin,
    /// Anki's order: due reviews first (most overdue first), then new in authoring order, then
    /// reviews ahead of time.
    AnkiOrder,
    /// Anki's order with new scenarios by priority.
    AnkiOrderNewByPriority,
    /// What FollowThrough ships: staged rollout by priority, then worth-ranked refresh.
    Staged,
}

impl Policy {
    /// Every policy, in report order.
    pub const ALL: [Self; 5] =
        [Self::Random, Self::RoundRobin, Self::AnkiOrder, Self::AnkiOrderNewByPriority, Self::Staged];

    /// The name in reports and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Self::Random => "random",
            Self::RoundRobin => "round-robin",
            Self::AnkiOrder => "anki-order",
            Self::AnkiOrderNewByPriority => "anki-order-new-by-priority",
            Self::Staged => "staged-by-worth",
        }
    }

    /// The one FollowThrough ships.
    pub fn shipped(self) -> bool {
        self == Self::Staged
    }
}

/// What a policy knows and remembers between days.
pub struct Chooser<'a> {
    policy: Policy,
    items: &'a [Item],
    model: &'a MemoryModel,
    settings: StagingSettings,
    by_priority: Vec<usize>,
    next_in_turn: usize,
}

impl<'a> Chooser<'a> {
    /// A chooser for this library; `settings` are the shipped scheduler's.
    pub fn new(policy: Policy, items: &'a [Item], model: &'a MemoryModel, settings: &StagingSettings) -> Self {
        Self { policy, items, model, settings: settings.clone(), by_priority: priority_order(items), next_in_turn: 0 }
    }

    /// Up to `count` distinct scenarios to drill on `day`, given what the scheduler believes.
    pub fn choose(
        &mut self,
        count: usize,
        states: &[ItemState],
        observations: &[Observation],
        day: f64,
        rng: &mut StdRng,
    ) -> Vec<usize> {
        let n = self.items.len();
        let count = count.min(n);
        match self.policy {
            Policy::Random => sample(rng, n, count).into_vec(),
            Policy::RoundRobin => {
                let chosen = (0..count).map(|k| (self.next_in_turn + k) % n).collect();
                self.next_in_turn = (self.next_in_turn + count) % n;
                chosen
            }
            Policy::AnkiOrder => self.anki(count, states, day, false),
            Policy::AnkiOrderNewByPriority => self.anki(count, states, day, true),
            Policy::Staged => {
                let settings = StagingSettings { daily_minutes: count as f64, ..self.settings.clone() };
                let model = self.model.fitted(observations);
                let plan = plan(self.items, states, &model, &settings, day, day.to_bits());
                plan.today.iter().take(count).map(|p| p.index).collect()
            }
        }
    }

    fn anki(&self, count: usize, states: &[ItemState], day: f64, new_by_priority: bool) -> Vec<usize> {
        let retention = self.settings.desired_retention;
        let due_day = |i: usize| {
            let s = &states[i];
            s.last_day.zip(s.memory).map(|(last, m)| last + self.model.interval(m, retention).round().max(1.0))
        };
        let mut reviews: Vec<(f64, usize)> = (0..self.items.len()).filter_map(|i| Some((due_day(i)?, i))).collect();
        reviews.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (due, ahead): (Vec<_>, Vec<_>) = reviews.into_iter().partition(|&(d, _)| d <= day + 1e-9);
        let order: Vec<usize> =
            if new_by_priority { self.by_priority.clone() } else { (0..self.items.len()).collect() };
        let new = order.into_iter().filter(|&i| states[i].drills == 0);
        due.into_iter().map(|(_, i)| i).chain(new).chain(ahead.into_iter().map(|(_, i)| i)).take(count).collect()
    }
}
