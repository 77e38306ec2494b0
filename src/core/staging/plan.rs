//! Today's plan: the drills worth most within the day's budget, each with the reason it is there.
//!
//! Worth is the priority (importance x frequency) times the recall a drill buys over the coming
//! weeks (see [`MemoryModel::drill_gain`], or the half-life curve when it fits the employee
//! better: [`Curve`]), per minute. The mission guard's scenario (the highest-priority top-5 one not
//! yet passed twice) comes first, then due refreshes of the first stage, then the rest by worth;
//! the guarded one and due refreshes of the top few priorities go ahead even over budget, so when
//! time is short it is the low-priority reviews that wait.

use rand::{Rng, SeedableRng, rngs::StdRng};

use super::StagingSettings;
use super::half_life::Curve;
use super::item::{Item, ItemState};
use super::memory::MemoryModel;
use super::rollout::{Placement, Status, rollout, stage_reached};

/// Why a scenario is on today's plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason {
    /// First drill of a scenario unlocked at this stage.
    New {
        /// Its stage.
        stage: usize,
    },
    /// New at this stage, and its words not yet rehearsed: rehearse the script, then drill.
    RehearseFirst {
        /// Its stage.
        stage: usize,
    },
    /// Failed last time: try again while the lesson is fresh.
    FailedLastTime,
    /// Being learnt: this many more passes in a row master it.
    Learning {
        /// Passes still needed.
        passes_needed: u32,
    },
    /// Mastered, and recall has fallen below the target.
    DueForRefresh {
        /// Estimated chance of recall today.
        recall: f64,
    },
    /// Mastered and not yet due, but the best use of spare time.
    KeepFresh {
        /// Estimated chance of recall today.
        recall: f64,
    },
    /// One of the top priorities, not yet passed often enough: the mission guard keeps a place
    /// for it every day until it is.
    Mission {
        /// How many top priorities the guard watches.
        top: usize,
        /// Passes so far.
        passes: u32,
        /// Passes the guard asks for.
        of: u32,
    },
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::New { stage } => write!(f, "new at stage {stage}"),
            Self::RehearseFirst { stage } => write!(f, "new at stage {stage}: rehearse the words first"),
            Self::FailedLastTime => write!(f, "failed last time"),
            Self::Learning { passes_needed: 1 } => write!(f, "learning: one more pass masters it"),
            Self::Learning { passes_needed } => write!(f, "learning: {passes_needed} passes in a row master it"),
            Self::DueForRefresh { recall } => {
                write!(f, "due for refresh (recall about {:.0}%)", recall * 100.0)
            }
            Self::KeepFresh { recall } => write!(f, "keep fresh (recall about {:.0}%)", recall * 100.0),
            Self::Mission { top, passes, of } => {
                write!(f, "one of your top {top} priorities: passed {passes} of {of} times so far")
            }
        }
    }
}

/// One drill on the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanItem {
    /// Index into the items given.
    pub index: usize,
    /// Scenario id.
    pub id: String,
    /// Why it is there.
    pub reason: Reason,
    /// Expected minutes.
    pub minutes: f64,
    /// Importance x frequency.
    pub priority: u32,
    /// Estimated recall today (0 when never drilled).
    pub recall: f64,
    /// Priority-weighted recall-days the drill is expected to add.
    pub worth: f64,
    /// One of the top priorities and due: never left waiting for lack of time.
    pub protected: bool,
    /// Due for refresh in the first stage (or failed last time there, when `failed_first` is
    /// on): planned before new material and other refreshes.
    pub first_stage_due: bool,
}

/// Today's plan for one employee.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// What to drill today, in order.
    pub today: Vec<PlanItem>,
    /// Worth doing but over today's budget.
    pub waiting: Vec<PlanItem>,
    /// Minutes the plan takes.
    pub minutes: f64,
    /// The daily budget.
    pub budget_minutes: f64,
    /// Furthest stage unlocked.
    pub stage_reached: usize,
    /// Number of stages in the library.
    pub stages: usize,
    /// Every scenario's place in the rollout (same order as the items).
    pub placements: Vec<Placement>,
}

/// Plan `day` (a day number) for an employee whose states (same order as `items`) are given.
/// `seed` only breaks exact ties.
pub fn plan(
    items: &[Item],
    states: &[ItemState],
    model: &MemoryModel,
    settings: &StagingSettings,
    day: f64,
    seed: u64,
) -> Plan {
    plan_with_curve(items, states, &Curve::Fsrs(model), settings, day, seed)
}

/// [`plan`] with the forgetting curve chosen for the employee (see [`Curve::choose`]).
pub fn plan_with_curve(
    items: &[Item],
    states: &[ItemState],
    curve: &Curve<'_>,
    settings: &StagingSettings,
    day: f64,
    seed: u64,
) -> Plan {
    let placements = rollout(items, states, settings);
    let first_pass = first_pass_chance(states, settings);
    let mut rng = StdRng::seed_from_u64(seed);
    let mut candidates: Vec<PlanItem> = items
        .iter()
        .zip(states)
        .zip(&placements)
        .enumerate()
        .filter_map(|(index, ((item, state), placement))| {
            let candidate = candidate(item, state, placement, curve, settings, day, first_pass)?;
            Some(PlanItem { index, worth: candidate.worth * (1.0 + rng.random::<f64>() * 1e-9), ..candidate })
        })
        .collect();
    let per_minute = |p: &PlanItem| p.worth / p.minutes.max(0.5);
    candidates.sort_by(|a, b| b.first_stage_due.cmp(&a.first_stage_due).then(per_minute(b).total_cmp(&per_minute(a))));
    guard_mission(&mut candidates, states, &placements, settings, day);

    let budget = settings.daily_minutes;
    let (mut today, mut waiting, mut minutes) = (Vec::new(), Vec::new(), 0.0);
    for item in candidates {
        if item.protected || minutes + item.minutes <= budget + 1e-9 {
            minutes += item.minutes;
            today.push(item);
        } else {
            waiting.push(item);
        }
    }
    // A day with nothing to do helps nobody: if nothing fits, the best single drill goes ahead.
    if today.is_empty() && !waiting.is_empty() {
        let best = waiting.remove(0);
        minutes += best.minutes;
        today.push(best);
    }
    let size = settings.stage_size.max(1);
    Plan {
        today,
        waiting,
        minutes,
        budget_minutes: budget,
        stage_reached: stage_reached(&placements),
        stages: items.len().div_ceil(size),
        placements,
    }
}

/// The chance that an employee passes a scenario's first drill: the settings' guess, or, when
/// `fit_first_pass` is on, their own first drills pulled towards the guess (worth four drills).
pub fn first_pass_chance(states: &[ItemState], settings: &StagingSettings) -> f64 {
    const PRIOR_DRILLS: f64 = 4.0;
    if !settings.fit_first_pass {
        return settings.first_pass_guess;
    }
    let firsts: Vec<bool> = states.iter().filter_map(|s| s.first_passed).collect();
    let passed = firsts.iter().filter(|&&p| p).count() as f64;
    (PRIOR_DRILLS * settings.first_pass_guess + passed) / (PRIOR_DRILLS + firsts.len() as f64)
}

/// The mission guard: the highest-priority of the top `mission_top` scenarios still short of
/// `mission_passes` passes (and not drilled in the last half day) goes first, even over budget.
fn guard_mission(
    candidates: &mut Vec<PlanItem>,
    states: &[ItemState],
    placements: &[Placement],
    settings: &StagingSettings,
    day: f64,
) {
    let short = |p: &PlanItem| {
        let state = &states[p.index];
        placements[p.index].rank < settings.mission_top
            && state.passes < settings.mission_passes
            && (state.drills == 0 || state.elapsed(day) >= 0.5)
    };
    let Some(at) = candidates
        .iter()
        .enumerate()
        .filter(|(_, p)| short(p))
        .min_by_key(|(_, p)| placements[p.index].rank)
        .map(|(at, _)| at)
    else {
        return;
    };
    let mut guarded = candidates.remove(at);
    guarded.protected = true;
    if matches!(guarded.reason, Reason::KeepFresh { .. } | Reason::DueForRefresh { .. }) {
        let passes = states[guarded.index].passes;
        guarded.reason = Reason::Mission { top: settings.mission_top, passes, of: settings.mission_passes };
    }
    candidates.insert(0, guarded);
}

fn candidate(
    item: &Item,
    state: &ItemState,
    placement: &Placement,
    curve: &Curve<'_>,
    settings: &StagingSettings,
    day: f64,
    first_pass: f64,
) -> Option<PlanItem> {
    let recall = curve.recall(state, day);
    let reason = match placement.status {
        Status::Locked | Status::Blocked => return None,
        Status::New if settings.rehearse_first && !state.rehearsed => Reason::RehearseFirst { stage: placement.stage },
        Status::New => Reason::New { stage: placement.stage },
        _ if state.last_passed == Some(false) => Reason::FailedLastTime,
        Status::Learning => {
            Reason::Learning { passes_needed: settings.mastery_streak.saturating_sub(state.streak).max(1) }
        }
        Status::Mastered if recall < settings.desired_retention => Reason::DueForRefresh { recall },
        Status::Mastered => Reason::KeepFresh { recall },
    };
    let success = if state.memory.is_some() { recall } else { first_pass };
    let gain = curve.drill_gain(state, day, success, settings.horizon_days);
    let top = placement.rank < settings.protected_top;
    let due = matches!(reason, Reason::DueForRefresh { .. } | Reason::FailedLastTime);
    Some(PlanItem {
        index: 0,
        id: item.id.clone(),
        reason,
        minutes: item.minutes,
        priority: item.priority(),
        recall,
        worth: f64::from(item.priority()) * gain,
        protected: top && due,
        first_stage_due: placement.stage == 1
            && (matches!(reason, Reason::DueForRefresh { .. })
                || (settings.failed_first && reason == Reason::FailedLastTime)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::staging::item::Review;

    fn item(id: &str, importance: u32, frequency: u32, minutes: f64) -> Item {
        Item { id: id.into(), importance, frequency, prerequisites: vec![], minutes }
    }

    fn passed_on(days: &[f64], model: &MemoryModel, settings: &StagingSettings) -> ItemState {
        let reviews: Vec<Review> =
            days.iter().map(|&day| Review { day, passed: true, score: 80.0, over_time: false }).collect();
        ItemState::from_reviews(&reviews, model, settings)
    }

    #[test]
    fn day_one_is_the_first_stage_highest_priority_first() {
        let items = [item("a", 1, 1, 5.0), item("b", 5, 5, 5.0), item("c", 4, 3, 5.0), item("d", 3, 3, 5.0)];
        let states = vec![ItemState::default(); 4];
        let settings = StagingSettings { stage_size: 3, ..StagingSettings::default() };
        let p = plan(&items, &states, &MemoryModel::default(), &settings, 100.0, 1);
        let ids: Vec<&str> = p.today.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["b", "c", "d"]);
        assert!(p.today.iter().all(|i| i.reason == Reason::RehearseFirst { stage: 1 }));
        assert_eq!(p.today[0].reason.to_string(), "new at stage 1: rehearse the words first");
        let rehearsed = vec![ItemState { rehearsed: true, ..ItemState::default() }; 4];
        let p = plan(&items, &rehearsed, &MemoryModel::default(), &settings, 100.0, 1);
        assert_eq!(p.today[0].reason.to_string(), "new at stage 1");
        assert_eq!((p.stage_reached, p.stages), (1, 2));
    }

    #[test]
    fn a_short_budget_leaves_low_priority_reviews_waiting_never_the_top_ones() {
        let model = MemoryModel::default();
        let settings =
            StagingSettings { stage_size: 1, protected_top: 1, daily_minutes: 5.0, ..StagingSettings::default() };
        let items = [item("top", 5, 5, 10.0), item("low", 1, 2, 5.0)];
        let old = passed_on(&[1.0, 2.0, 5.0], &model, &settings);
        let p = plan(&items, &[old, old], &model, &settings, 200.0, 1);
        assert_eq!(p.today.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["top"]);
        assert!(p.today[0].protected);
        assert!(matches!(p.today[0].reason, Reason::DueForRefresh { .. }));
        assert_eq!(p.waiting.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["low"]);
        assert!(p.minutes > p.budget_minutes, "the top refresh goes ahead even over budget");
    }

    #[test]
    fn failing_puts_a_scenario_back_on_the_plan_with_the_reason() {
        let model = MemoryModel::default();
        let settings = StagingSettings { mastery_streak: 2, ..StagingSettings::default() };
        let items = [item("a", 5, 5, 5.0)];
        let failed = ItemState::from_reviews(
            &[Review { day: 10.0, passed: false, score: 30.0, over_time: false }],
            &model,
            &settings,
        );
        let p = plan(&items, &[failed], &model, &settings, 11.0, 1);
        assert_eq!(p.today[0].reason, Reason::FailedLastTime);
        let learning = passed_on(&[10.0], &model, &settings);
        let p = plan(&items, &[learning], &model, &settings, 11.0, 1);
        assert_eq!(p.today[0].reason.to_string(), "learning: one more pass masters it");
    }

    #[test]
    fn the_mission_guard_brings_a_top_scenario_back_until_it_is_passed_twice() {
        let model = MemoryModel::default();
        let settings = StagingSettings { daily_minutes: 5.0, ..StagingSettings::default() };
        let items: Vec<Item> = (0..8).map(|i| item(&format!("s{i}"), 5 - i % 5, 5 - i / 2, 5.0)).collect();
        let mut states = vec![ItemState { rehearsed: true, ..ItemState::default() }; 8];
        states[0] = passed_on(&[10.0], &model, &settings);
        let p = plan(&items, &states, &model, &settings, 11.0, 1);
        assert_eq!(p.today[0].id, "s0");
        assert!(p.today[0].protected);
        assert_eq!(p.today[0].reason.to_string(), "one of your top 5 priorities: passed 1 of 2 times so far");
        states[0] = passed_on(&[10.0, 11.0], &model, &settings);
        let p = plan(&items, &states, &model, &settings, 12.0, 1);
        assert_ne!(p.today[0].reason, Reason::Mission { top: 5, passes: 2, of: 2 });
        assert!(!p.today.iter().any(|i| matches!(i.reason, Reason::Mission { .. }) && i.id == "s0"));
        let off = StagingSettings { mission_top: 0, ..settings };
        let p = plan(&items, &[passed_on(&[10.0], &model, &off); 8], &model, &off, 11.0, 1);
        assert!(!p.today.iter().any(|i| matches!(i.reason, Reason::Mission { .. })));
    }

    #[test]
    fn the_first_pass_chance_follows_the_employees_own_first_drills() {
        let settings = StagingSettings::default();
        let failed = ItemState { first_passed: Some(false), ..ItemState::default() };
        let passed = ItemState { first_passed: Some(true), ..ItemState::default() };
        assert_eq!(first_pass_chance(&[], &settings), 0.5);
        assert!(first_pass_chance(&[failed; 8], &settings) < 0.2);
        assert!(first_pass_chance(&[passed; 8], &settings) > 0.8);
        let guess = StagingSettings { fit_first_pass: false, ..settings };
        assert_eq!(first_pass_chance(&[failed; 8], &guess), 0.5);
    }

    #[test]
    fn the_same_inputs_give_the_same_plan() {
        let items: Vec<Item> = (0..12).map(|i| item(&format!("s{i}"), 1 + i % 5, 1 + i % 3, 4.0)).collect();
        let states = vec![ItemState::default(); 12];
        let a = plan(&items, &states, &MemoryModel::default(), &StagingSettings::default(), 5.0, 7);
        let b = plan(&items, &states, &MemoryModel::default(), &StagingSettings::default(), 5.0, 7);
        assert_eq!(a, b);
    }
}
