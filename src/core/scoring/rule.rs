//! The one score rule: required criteria share 100 points by weight, forbidden ones met subtract
//! their share, the total is rounded and kept within 0-100. The engine, coach verdicts and the
//! progress store's rescoring all use it.

use super::{CriterionResult, ScoreCard};
use crate::core::scenario::{CriterionKind, Turn};

/// One criterion's verdict on its way to the score rule.
pub(super) struct Row {
    pub(super) weight: f64,
    /// False when scoring ran out of time before this criterion finished.
    pub(super) scored: bool,
    pub(super) result: CriterionResult,
}

/// A score card for `turn` of `scenario_id` from a verdict per criterion (`met[i]` for the rubric's i-th
/// criterion; missing entries count as not met), by the same rule the engine uses: required criteria
/// share 100 points by weight, forbidden ones met subtract their share, the total is rounded and kept
/// within 0-100. Evidence and "looked for" are left empty: a person gave the verdicts.
pub fn card_from_verdicts(scenario_id: &str, turn: &Turn, met: &[bool]) -> ScoreCard {
    let rows = turn
        .rubric
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let result = CriterionResult {
                id: c.id.clone(),
                label: c.label.clone(),
                kind: c.kind,
                met: met.get(i).copied().unwrap_or(false),
                points: 0.0,
                worth: 0.0,
                evidence: Vec::new(),
                looked_for: Vec::new(),
                example: None,
            };
            Row { weight: c.weight, scored: true, result }
        })
        .collect();
    apply_rule(scenario_id.to_string(), turn.id.clone(), turn.pass_mark, rows)
}

/// What each criterion of `turn` counts for when met, in rubric order: its share of 100 by weight
/// among the required criteria (a forbidden one costs its share computed the same way).
pub fn worths(turn: &Turn) -> Vec<f64> {
    let required_total: f64 = turn
        .rubric
        .iter()
        .filter(|c| c.kind == CriterionKind::Required)
        .map(|c| c.weight)
        .sum::<f64>()
        .max(f64::EPSILON);
    turn.rubric.iter().map(|c| 100.0 * c.weight / required_total).collect()
}

/// One criterion's verdict with what it counts for: the input of the score rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// Required or forbidden.
    pub kind: CriterionKind,
    /// Whether it was met.
    pub met: bool,
    /// Its share of 100 by weight (see [`CriterionResult::worth`]).
    pub worth: f64,
}

impl Verdict {
    /// Exact points: `+worth` for a met required criterion, `-worth` for a met forbidden one, else 0.
    fn exact_points(self) -> f64 {
        match (self.kind, self.met) {
            (CriterionKind::Required, true) => self.worth,
            (CriterionKind::Forbidden, true) => -self.worth,
            _ => 0.0,
        }
    }

    /// The points a score card shows for it, to one decimal.
    pub fn shown_points(self) -> f64 {
        (self.exact_points() * 10.0).round() / 10.0
    }
}

/// The one score rule, used by the engine, coach verdicts and the progress store's rescoring: the
/// exact points of every verdict summed, rounded and kept within 0-100.
pub fn score_from_worths(verdicts: impl IntoIterator<Item = Verdict>) -> u32 {
    verdicts.into_iter().map(Verdict::exact_points).sum::<f64>().round().clamp(0.0, 100.0) as u32
}

/// The pass rule: a turn passes when its score reaches the turn's pass mark.
pub fn passes(score: u32, pass_mark: u32) -> bool {
    score >= pass_mark
}

/// Fills in each criterion's worth (its share of 100 by weight among the required criteria that
/// were scored), its shown points and the card's total from the verdicts and weights in `rows`.
/// Criteria left unscored (out of time) are not met and count neither way.
pub(super) fn apply_rule(scenario: String, turn: String, pass_mark: u32, rows: Vec<Row>) -> ScoreCard {
    let required_total: f64 = rows
        .iter()
        .filter(|r| r.scored && r.result.kind == CriterionKind::Required)
        .map(|r| r.weight)
        .sum::<f64>()
        .max(f64::EPSILON);
    let criteria: Vec<CriterionResult> = rows
        .into_iter()
        .map(|Row { weight, scored, mut result }| {
            result.met &= scored;
            result.worth = 100.0 * weight / required_total;
            result.points = Verdict { kind: result.kind, met: result.met, worth: result.worth }.shown_points();
            result
        })
        .collect();
    let score = score_from_worths(criteria.iter().map(|c| Verdict { kind: c.kind, met: c.met, worth: c.worth }));
    ScoreCard { scenario, turn, score, passed: passes(score, pass_mark), pass_mark, criteria, over_budget: None }
}
