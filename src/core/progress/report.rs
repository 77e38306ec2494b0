//! The progress report for one employee: per scenario baseline (first assessment) vs latest vs
//! best, where it stands in the rollout and when it is due; per behaviour the scores over time.

use crate::core::progress::{Attempt, AttemptMode};
use crate::core::scenario::Scenario;
use crate::core::staging::rollout::Status;
use crate::core::staging::{LearnerState, day_number};

/// Baseline, latest and best scores (0-100) of a set of attempts.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Scores {
    /// The first assessed attempt (None until one is done).
    pub baseline: Option<f64>,
    /// The most recent attempt.
    pub latest: Option<f64>,
    /// The best attempt.
    pub best: Option<f64>,
    /// Attempts counted.
    pub attempts: usize,
}

impl Scores {
    /// The scores of finished attempts (any order; left-part-way attempts are skipped).
    pub fn of<'a>(attempts: impl IntoIterator<Item = &'a Attempt>) -> Self {
        let mut done: Vec<&Attempt> = attempts.into_iter().filter(|a| a.is_finished_drill()).collect();
        done.sort_by_key(|a| a.started_at);
        Self {
            baseline: done.iter().find(|a| a.mode == AttemptMode::Assessment).map(|a| a.score()),
            latest: done.last().map(|a| a.score()),
            best: done.iter().map(|a| a.score()).max_by(f64::total_cmp),
            attempts: done.len(),
        }
    }
}

/// One scenario's line in the report.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioProgress {
    /// Scenario id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Importance x frequency.
    pub priority: u32,
    /// Rollout status.
    pub status: Status,
    /// Its stage.
    pub stage: usize,
    /// Baseline, latest, best.
    pub scores: Scores,
    /// Estimated recall today (0 when never drilled).
    pub recall: f64,
    /// Days until it is due for refresh (0 or less: due now; None: not yet drilled).
    pub due_in_days: Option<f64>,
    /// How the last finished drill that counts went (None: never drilled); Today says "failed
    /// last time" from the same value.
    pub last_passed: Option<bool>,
}

/// One behaviour's scores over time.
#[derive(Debug, Clone, PartialEq)]
pub struct BehaviourProgress {
    /// Behaviour name (kebab-case).
    pub behaviour: String,
    /// (day number, score) of every finished attempt on a scenario training it, oldest first.
    pub points: Vec<(f64, f64)>,
    /// Baseline, latest, best.
    pub scores: Scores,
}

/// Everything the progress screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressReport {
    /// Per scenario, highest priority first.
    pub scenarios: Vec<ScenarioProgress>,
    /// Per behaviour that has attempts, alphabetically.
    pub behaviours: Vec<BehaviourProgress>,
    /// Furthest stage unlocked.
    pub stage_reached: usize,
    /// Stages in the library.
    pub stages: usize,
}

impl ProgressReport {
    /// The report for `scenarios` (the same ones, in the same order, as `learner` was built
    /// from) on `day`.
    pub fn new(scenarios: &[&Scenario], attempts: &[Attempt], learner: &LearnerState, day: f64) -> Self {
        let plan = learner.plan(day);
        let retention = learner.settings.desired_retention;
        let mut rows: Vec<ScenarioProgress> = scenarios
            .iter()
            .zip(&learner.states)
            .zip(&plan.placements)
            .map(|((s, state), placement)| ScenarioProgress {
                id: s.id.clone(),
                title: s.title.clone(),
                priority: s.priority(),
                status: placement.status,
                stage: placement.stage,
                scores: Scores::of(attempts.iter().filter(|a| a.scenario_id == s.id)),
                recall: state.recall(&learner.model, day),
                due_in_days: state.due_day(&learner.model, retention).map(|d| d - day),
                last_passed: state.last_passed,
            })
            .collect();
        rows.sort_by_key(|r| (std::cmp::Reverse(r.priority), r.title.clone()));
        let behaviours = behaviours_of(scenarios)
            .into_iter()
            .filter_map(|behaviour| {
                let mine = behaviour_attempts(scenarios, attempts, behaviour);
                if mine.is_empty() {
                    return None;
                }
                Some(BehaviourProgress {
                    behaviour: behaviour.clone(),
                    points: mine.iter().map(|a| (day_number(a.started_at), a.score())).collect(),
                    scores: Scores::of(mine.iter().copied()),
                })
            })
            .collect();
        Self { scenarios: rows, behaviours, stage_reached: plan.stage_reached, stages: plan.stages }
    }
}

/// The behaviours `scenarios` train, alphabetically, each once.
pub fn behaviours_of<'a>(scenarios: &[&'a Scenario]) -> Vec<&'a String> {
    let mut names: Vec<&String> = scenarios.iter().flat_map(|s| &s.behaviour).collect();
    names.sort();
    names.dedup();
    names
}

/// The finished drills among `attempts` on a scenario training `behaviour`, oldest first: what a
/// behaviour's scores are built from (the Progress screen's and the team view's alike).
pub fn behaviour_attempts<'a>(scenarios: &[&Scenario], attempts: &'a [Attempt], behaviour: &str) -> Vec<&'a Attempt> {
    let trains =
        |a: &&Attempt| scenarios.iter().any(|s| s.id == a.scenario_id && s.behaviour.iter().any(|b| b == behaviour));
    let mut mine: Vec<&Attempt> = attempts.iter().filter(trains).filter(|a| a.is_finished_drill()).collect();
    mine.sort_by_key(|a| a.started_at);
    mine
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::progress::{Scorer, TurnAttempt};

    pub(crate) fn attempt(scenario: &str, day: i64, mode: AttemptMode, score: u32, completed: bool) -> Attempt {
        Attempt {
            id: format!("{scenario}-{day}-{score}"),
            employee_id: "sam".into(),
            scenario_id: scenario.into(),
            scenario_revision: 1,
            mode,
            scorer: Scorer::Engine,
            started_at: jiff::Timestamp::from_second(day * 86_400 + 3600).unwrap_or_default(),
            completed,
            turns: vec![TurnAttempt {
                turn_id: "t".into(),
                customer_line: "Hello?".into(),
                response: "Hi".into(),
                score,
                pass_mark: 70,
                passed: score >= 70,
                time_used_ms: 30_000,
                over_time: false,
                criteria: vec![],
            }],
        }
    }

    #[test]
    fn right_after_a_failed_drill_progress_and_today_agree_it_is_not_mastered() {
        let (scenario, _) = crate::core::test_fixtures::minimal();
        let settings = crate::core::staging::StagingSettings { mastery_streak: 1, ..Default::default() };
        let mut passed = attempt(&scenario.id, 1, AttemptMode::Assessment, 100, true);
        passed.turns = scenario.turns.iter().map(|_| passed.turns[0].clone()).collect();
        let mut failed = attempt(&scenario.id, 2, AttemptMode::Assessment, 0, true);
        failed.turns = scenario.turns.iter().map(|_| failed.turns[0].clone()).collect();
        let attempts = [passed, failed];
        let learner = LearnerState::new([&scenario], &attempts, &settings);
        let day = day_number(attempts[1].started_at) + 0.01;
        let report = ProgressReport::new(&[&scenario], &attempts, &learner, day);
        let row = &report.scenarios[0];
        assert_eq!((row.status, row.last_passed, row.scores.latest), (Status::Learning, Some(false), Some(0.0)));
        let plan = learner.plan(day);
        assert_eq!(plan.today[0].reason, crate::core::staging::Reason::FailedLastTime);
    }

    #[test]
    fn one_group_turn_of_a_longer_scenario_masters_nothing() {
        let (scenario, _) = crate::core::test_fixtures::minimal();
        assert!(scenario.turns.len() > 1);
        let settings = crate::core::staging::StagingSettings { mastery_streak: 1, ..Default::default() };
        let attempts = [attempt(&scenario.id, 1, AttemptMode::Group, 100, true)];
        let learner = LearnerState::new([&scenario], &attempts, &settings);
        let report = ProgressReport::new(&[&scenario], &attempts, &learner, 1.5);
        assert_ne!(report.scenarios[0].status, Status::Mastered);
    }

    #[test]
    fn baseline_is_the_first_assessment_latest_the_last_best_the_best() {
        let attempts = [
            attempt("a", 1, AttemptMode::Practice, 40, true),
            attempt("a", 2, AttemptMode::Assessment, 55, true),
            attempt("a", 3, AttemptMode::Assessment, 90, true),
            attempt("a", 4, AttemptMode::Practice, 75, true),
            attempt("a", 5, AttemptMode::Assessment, 99, false),
        ];
        let s = Scores::of(&attempts);
        assert_eq!((s.baseline, s.latest, s.best, s.attempts), (Some(55.0), Some(75.0), Some(90.0), 4));
        let none = Scores::of(&attempts[..1]);
        assert_eq!(none.baseline, None);
    }
}
