//! What a stored criterion is worth when the attempt does not say: attempts saved by versions that
//! did not keep the engine's worth, and CSV exports of them. The engine's own worth (its share of 100
//! by weight) is always used when known; these estimates are stored marked as estimated and replaced
//! by the exact worth once the scenario revision is loaded (`Store::settle_worths`).
//!
//! The estimate: a met criterion is worth the points it earned or cost; the required points not
//! accounted for are shared equally by the unmet required criteria of unknown worth; an unmet
//! forbidden criterion of unknown worth weighs as much as an average required one.

use rusqlite::params;

use super::{Store, StoreError};
use crate::core::progress::CriterionOutcome;
use crate::core::scenario::{CriterionKind, Scenario};
use crate::core::scoring;

impl Store {
    /// Replace estimated worths by the engine's exact ones wherever the attempt's scenario revision,
    /// turn and criterion are among `scenarios`; returns how many verdicts were settled. Estimates
    /// for scenarios not loaded stay as they are (and stay marked).
    pub fn settle_worths(&self, scenarios: &[&Scenario]) -> Result<usize, StoreError> {
        if self.read_only().is_some() {
            return Ok(0);
        }
        let tx = self.write()?;
        let estimated: Vec<(String, i64, String, String, u32, String)> = {
            let mut stmt = tx.prepare(
                "SELECT co.attempt_id, co.seq, co.criterion_id, a.scenario_id, a.scenario_revision, t.turn_id \
                 FROM criterion_outcomes co JOIN attempts a ON a.id = co.attempt_id \
                 JOIN turn_attempts t ON t.attempt_id = co.attempt_id AND t.seq = co.seq \
                 WHERE co.worth_estimated = 1",
            )?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
                .collect::<Result<_, _>>()?
        };
        let mut settled = 0;
        for (attempt_id, seq, criterion_id, scenario_id, revision, turn_id) in estimated {
            let Some(turn) =
                scenarios.iter().find(|s| s.id == scenario_id && s.revision == revision).and_then(|s| s.turn(&turn_id))
            else {
                continue;
            };
            let Some(worth) = turn.rubric.iter().zip(scoring::worths(turn)).find(|(c, _)| c.id == criterion_id) else {
                continue;
            };
            settled += tx.execute(
                "UPDATE criterion_outcomes SET worth = ?4, worth_estimated = 0 \
                 WHERE attempt_id = ?1 AND seq = ?2 AND criterion_id = ?3",
                params![attempt_id, seq, criterion_id, worth.1],
            )?;
        }
        tx.commit()?;
        Ok(settled)
    }
}

/// What each criterion of a turn counts for when met, in rubric order, and whether it is estimated.
pub(super) fn worths(criteria: &[CriterionOutcome]) -> Vec<(f64, bool)> {
    if criteria.iter().all(|c| c.worth.is_some()) {
        return criteria.iter().map(|c| (c.worth.unwrap_or_default(), false)).collect();
    }
    let required = criteria.iter().filter(|c| c.kind == CriterionKind::Required).count();
    let accounted: f64 = criteria
        .iter()
        .filter(|c| c.kind == CriterionKind::Required)
        .map(|c| c.worth.unwrap_or(if c.met { c.points } else { 0.0 }))
        .sum();
    let unknown_unmet =
        criteria.iter().filter(|c| c.kind == CriterionKind::Required && !c.met && c.worth.is_none()).count();
    let unmet_share = if unknown_unmet == 0 { 0.0 } else { (100.0 - accounted).max(0.0) / unknown_unmet as f64 };
    let forbidden_share = if required == 0 { 100.0 } else { 100.0 / required as f64 };
    criteria
        .iter()
        .map(|c| match (c.worth, c.kind, c.met) {
            (Some(worth), _, _) => (worth, false),
            (None, _, true) => (c.points.abs(), true),
            (None, CriterionKind::Required, false) => (unmet_share, true),
            (None, CriterionKind::Forbidden, false) => (forbidden_share, true),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(kind: CriterionKind, met: bool, points: f64, worth: Option<f64>) -> CriterionOutcome {
        CriterionOutcome { id: "c".into(), label: "c".into(), kind, met, points, worth }
    }

    #[test]
    fn known_worths_are_kept_exactly() {
        use CriterionKind::*;
        let turn = [c(Required, true, 50.0, Some(50.0)), c(Required, false, 0.0, Some(100.0 / 3.0))];
        assert_eq!(worths(&turn), vec![(50.0, false), (100.0 / 3.0, false)]);
    }

    #[test]
    fn unknown_worths_are_estimated_and_marked() {
        use CriterionKind::*;
        let turn = [
            c(Required, true, 50.0, None),
            c(Required, false, 0.0, None),
            c(Required, false, 0.0, None),
            c(Forbidden, false, 0.0, None),
        ];
        assert_eq!(worths(&turn), vec![(50.0, true), (25.0, true), (25.0, true), (100.0 / 3.0, true)]);
        let turn = [c(Required, true, 60.0, None), c(Forbidden, true, -40.0, None)];
        assert_eq!(worths(&turn), vec![(60.0, true), (40.0, true)]);
    }
}
