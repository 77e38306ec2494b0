//! The team view for coaches: per employee, baseline / latest / best per behaviour and overall,
//! and the same per behaviour across the team. Built with the Progress screen's own rules
//! ([`Scores::of`], [`behaviour_attempts`]) from whichever attempts are at hand: this machine's
//! store, or every machine's, read back from the organisation's LRS.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Attempt;
use super::report::{Scores, behaviour_attempts, behaviours_of};
use crate::core::scenario::Scenario;

/// One behaviour's scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BehaviourScores {
    /// Behaviour name (kebab-case).
    pub behaviour: String,
    /// Baseline, latest, best.
    pub scores: Scores,
}

/// One employee's line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamMember {
    /// Employee id (the xAPI account name).
    pub employee_id: String,
    /// Name as known (the id when none is).
    pub name: String,
    /// Over every finished drill on a scenario in the library.
    pub overall: Scores,
    /// Per behaviour with attempts, alphabetically.
    pub behaviours: Vec<BehaviourScores>,
}

/// The whole team.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TeamReport {
    /// Per employee with attempts, by name then id.
    pub members: Vec<TeamMember>,
    /// Per behaviour across the team, alphabetically.
    pub behaviours: Vec<BehaviourScores>,
}

impl TeamReport {
    /// The report for `attempts` on `scenarios` (attempts at scenarios not in the library are left
    /// out: their behaviours are unknown); `names` maps employee ids to names.
    pub fn new(scenarios: &[&Scenario], attempts: &[Attempt], names: &BTreeMap<String, String>) -> Self {
        let known: Vec<Attempt> =
            attempts.iter().filter(|a| scenarios.iter().any(|s| s.id == a.scenario_id)).cloned().collect();
        let mut by_employee: BTreeMap<&str, Vec<Attempt>> = BTreeMap::new();
        for a in &known {
            by_employee.entry(a.employee_id.as_str()).or_default().push(a.clone());
        }
        let mut members: Vec<TeamMember> = by_employee
            .into_iter()
            .filter(|(_, mine)| mine.iter().any(Attempt::is_finished_drill))
            .map(|(id, mine)| TeamMember {
                employee_id: id.to_string(),
                name: names.get(id).cloned().unwrap_or_else(|| id.to_string()),
                overall: Scores::of(&mine),
                behaviours: per_behaviour(scenarios, &mine),
            })
            .collect();
        members.sort_by(|a, b| (&a.name, &a.employee_id).cmp(&(&b.name, &b.employee_id)));
        Self { members, behaviours: per_behaviour(scenarios, &known) }
    }
}

/// One line of the team view flattened (for a table or CSV): `behaviour` is `None` for the
/// employee's overall line.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamRow<'a> {
    /// Employee id.
    pub employee_id: &'a str,
    /// Name.
    pub name: &'a str,
    /// The behaviour, or `None` for all of them.
    pub behaviour: Option<&'a str>,
    /// Baseline, latest, best.
    pub scores: Scores,
}

impl TeamReport {
    /// Each employee's overall line, then one per behaviour.
    pub fn rows(&self) -> Vec<TeamRow<'_>> {
        self.members
            .iter()
            .flat_map(|m| {
                let overall =
                    TeamRow { employee_id: &m.employee_id, name: &m.name, behaviour: None, scores: m.overall };
                std::iter::once(overall).chain(m.behaviours.iter().map(|b| TeamRow {
                    employee_id: &m.employee_id,
                    name: &m.name,
                    behaviour: Some(&b.behaviour),
                    scores: b.scores,
                }))
            })
            .collect()
    }
}

fn per_behaviour(scenarios: &[&Scenario], attempts: &[Attempt]) -> Vec<BehaviourScores> {
    behaviours_of(scenarios)
        .into_iter()
        .filter_map(|behaviour| {
            let mine = behaviour_attempts(scenarios, attempts, behaviour);
            (!mine.is_empty())
                .then(|| BehaviourScores { behaviour: behaviour.clone(), scores: Scores::of(mine.iter().copied()) })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::progress::{AttemptMode, Scorer, TurnAttempt};
    use crate::core::test_fixtures;

    fn attempt(who: &str, scenario: &str, day: i64, mode: AttemptMode, score: u32) -> Attempt {
        Attempt {
            id: format!("{who}-{scenario}-{day}"),
            employee_id: who.into(),
            scenario_id: scenario.into(),
            scenario_revision: 1,
            mode,
            scorer: Scorer::Engine,
            started_at: jiff::Timestamp::from_second(day * 86_400).unwrap_or_default(),
            completed: true,
            turns: vec![TurnAttempt {
                turn_id: "t".into(),
                customer_line: String::new(),
                response: String::new(),
                score,
                pass_mark: 70,
                passed: score >= 70,
                time_used_ms: 1000,
                over_time: false,
                criteria: vec![],
            }],
        }
    }

    #[test]
    fn each_employee_gets_the_progress_screens_numbers_per_behaviour() {
        let (library, _) = test_fixtures::bundled_scenarios();
        let scenarios: Vec<&Scenario> = library.iter().collect();
        let first = scenarios[0];
        let attempts = vec![
            attempt("sam", &first.id, 1, AttemptMode::Practice, 40),
            attempt("sam", &first.id, 2, AttemptMode::Assessment, 60),
            attempt("sam", &first.id, 3, AttemptMode::Practice, 90),
            attempt("ana", &first.id, 1, AttemptMode::Assessment, 75),
            attempt("ana", &first.id, 2, AttemptMode::Rehearsal, 10),
            attempt("zed", "not-in-the-library", 1, AttemptMode::Practice, 99),
        ];
        let names = BTreeMap::from([("sam".to_string(), "Sam Lee".to_string())]);
        let team = TeamReport::new(&scenarios, &attempts, &names);
        let ids: Vec<&str> = team.members.iter().map(|m| m.employee_id.as_str()).collect();
        assert_eq!(ids, ["sam", "ana"], "by name (Sam Lee, then ana); unknown scenarios left out");
        let sam = &team.members[0];
        assert_eq!(sam.name, "Sam Lee");
        assert_eq!((sam.overall.baseline, sam.overall.latest, sam.overall.best), (Some(60.0), Some(90.0), Some(90.0)));
        assert_eq!(sam.behaviours.len(), first.behaviour.len());
        assert_eq!(sam.behaviours[0].scores, sam.overall);
        let ana = &team.members[1];
        assert_eq!((ana.overall.attempts, ana.overall.latest), (1, Some(75.0)), "a rehearsal is not a drill");
        assert_eq!(team.behaviours[0].scores.attempts, 4);
        assert_eq!(team.behaviours[0].scores.best, Some(90.0));
    }
}
