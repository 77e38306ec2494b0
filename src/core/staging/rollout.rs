//! The time-managed rollout: scenarios are taken on in priority order, a few at a time. A
//! scenario unlocks when fewer than `stage_size` are being learnt and its prerequisites are
//! mastered; a scenario once drilled stays unlocked.

use super::StagingSettings;
use super::item::{Item, ItemState};

/// Where a scenario stands for one employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Not yet: higher-priority scenarios come first.
    Locked,
    /// Waiting for a prerequisite to be mastered.
    Blocked,
    /// Unlocked, never drilled.
    New,
    /// Drilled, not yet mastered.
    Learning,
    /// Mastered once; now kept fresh.
    Mastered,
}

/// A scenario's place in the rollout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// Where it stands.
    pub status: Status,
    /// Its stage (1 = the highest-priority group of `stage_size`).
    pub stage: usize,
    /// Its rank by priority (0 = highest).
    pub rank: usize,
}

/// Item indices from the highest priority down (ties keep authoring order).
pub fn priority_order(items: &[Item]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(items[i].priority()));
    order
}

/// Every scenario's place, given the employee's states (same order as `items`).
pub fn rollout(items: &[Item], states: &[ItemState], settings: &StagingSettings) -> Vec<Placement> {
    let size = settings.stage_size.max(1);
    let order = priority_order(items);
    let mut placements = vec![Placement { status: Status::Locked, stage: 0, rank: 0 }; items.len()];
    for (rank, &i) in order.iter().enumerate() {
        let state = states.get(i).copied().unwrap_or_default();
        let status = if state.holds_mastery() {
            Status::Mastered
        } else if state.drills > 0 {
            Status::Learning
        } else {
            Status::Locked
        };
        placements[i] = Placement { status, stage: rank / size + 1, rank };
    }
    let mastered = |id: &str| {
        items.iter().zip(states).any(|(item, s)| item.id == id && s.mastered) || !items.iter().any(|item| item.id == id)
    };
    // A mastered scenario failed since is learnt again, but takes no new scenario's place.
    let mut learning = placements
        .iter()
        .zip(states)
        .filter(|(p, s)| matches!(p.status, Status::Learning | Status::New) && !s.mastered)
        .count();
    for &i in &order {
        if placements[i].status != Status::Locked {
            continue;
        }
        if !items[i].prerequisites.iter().all(|p| mastered(p)) {
            placements[i].status = Status::Blocked;
            continue;
        }
        if learning >= size {
            break;
        }
        placements[i].status = Status::New;
        learning += 1;
    }
    placements
}

/// The furthest stage unlocked (1 at the start).
pub fn stage_reached(placements: &[Placement]) -> usize {
    placements
        .iter()
        .filter(|p| matches!(p.status, Status::New | Status::Learning | Status::Mastered))
        .map(|p| p.stage)
        .max()
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn item(id: &str, importance: u32, frequency: u32, prerequisites: &[&str]) -> Item {
        Item {
            id: id.into(),
            importance,
            frequency,
            prerequisites: prerequisites.iter().map(|s| s.to_string()).collect(),
            minutes: 5.0,
        }
    }

    fn statuses(items: &[Item], states: &[ItemState], size: usize) -> Vec<Status> {
        let settings = StagingSettings { stage_size: size, ..StagingSettings::default() };
        rollout(items, states, &settings).iter().map(|p| p.status).collect()
    }

    #[test]
    fn a_new_employee_starts_with_the_highest_priorities_only() {
        let items = [item("low", 1, 2, &[]), item("top", 5, 5, &[]), item("mid", 3, 3, &[]), item("next", 4, 4, &[])];
        let states = vec![ItemState::default(); 4];
        assert_eq!(statuses(&items, &states, 2), [Status::Locked, Status::New, Status::Locked, Status::New]);
        let placements = rollout(&items, &states, &StagingSettings { stage_size: 2, ..Default::default() });
        assert_eq!(placements.iter().map(|p| p.stage).collect::<Vec<_>>(), [2, 1, 2, 1]);
        assert_eq!(stage_reached(&placements), 1);
    }

    #[test]
    fn mastering_one_unlocks_the_next() {
        let items = [item("a", 5, 5, &[]), item("b", 4, 4, &[]), item("c", 3, 3, &[])];
        let mastered = ItemState { drills: 2, streak: 2, mastered: true, ..Default::default() };
        let learning = ItemState { drills: 1, streak: 0, ..Default::default() };
        let states = [mastered, learning, ItemState::default()];
        assert_eq!(statuses(&items, &states, 2), [Status::Mastered, Status::Learning, Status::New]);
        let states = [learning, learning, ItemState::default()];
        assert_eq!(statuses(&items, &states, 2), [Status::Learning, Status::Learning, Status::Locked]);
    }

    #[test]
    fn a_mastered_scenario_failed_since_is_learning_again_and_keeps_the_next_unlocked() {
        let items = [item("a", 5, 5, &[]), item("b", 4, 4, &[]), item("c", 3, 3, &["a"])];
        let lapsed = ItemState { drills: 2, streak: 0, mastered: true, last_passed: Some(false), ..Default::default() };
        let states = [lapsed, ItemState::default(), ItemState::default()];
        assert_eq!(statuses(&items, &states, 2), [Status::Learning, Status::New, Status::New]);
    }

    #[test]
    fn prerequisites_hold_a_scenario_back_without_blocking_the_rest() {
        let items = [item("basics", 1, 1, &[]), item("advanced", 5, 5, &["basics"]), item("other", 4, 4, &[])];
        let states = vec![ItemState::default(); 3];
        assert_eq!(statuses(&items, &states, 2), [Status::New, Status::Blocked, Status::New]);
    }
}
