//! The engine's score rule (`core::scoring`) replayed on stored verdicts, for coach overrides:
//! required criteria earn their share of 100 when met, forbidden ones cost theirs when met, points
//! are kept to one decimal, and the turn score is the rounded sum clamped to 0..=100.
//!
//! A stored verdict keeps the points earned, which is 0 for a criterion not met, so what such a
//! criterion is *worth* is estimated once, when the attempt is saved: the required points not earned
//! are shared equally by the unmet required criteria, and an unmet forbidden criterion is taken to
//! weigh as much as an average required one (100 / number of required criteria).

use crate::core::progress::CriterionOutcome;
use crate::core::scenario::CriterionKind;

/// Points with one decimal, as the score card shows them.
fn tenth(points: f64) -> f64 {
    (points * 10.0).round() / 10.0
}

/// What each criterion of a turn counts for when met, in rubric order.
pub(super) fn worths(criteria: &[CriterionOutcome]) -> Vec<f64> {
    let required = criteria.iter().filter(|c| c.kind == CriterionKind::Required).count();
    let earned: f64 = criteria.iter().filter(|c| c.kind == CriterionKind::Required && c.met).map(|c| c.points).sum();
    let unmet_required = criteria.iter().filter(|c| c.kind == CriterionKind::Required && !c.met).count();
    let unmet_share = if unmet_required == 0 { 0.0 } else { (100.0 - earned).max(0.0) / unmet_required as f64 };
    let forbidden_share = if required == 0 { 100.0 } else { 100.0 / required as f64 };
    criteria
        .iter()
        .map(|c| match (c.kind, c.met) {
            (_, true) => c.points.abs(),
            (CriterionKind::Required, false) => tenth(unmet_share),
            (CriterionKind::Forbidden, false) => tenth(forbidden_share),
        })
        .collect()
}

/// The points a criterion earns (or costs) with this verdict.
pub(super) fn points(kind: CriterionKind, met: bool, worth: f64) -> f64 {
    match (kind, met) {
        (CriterionKind::Required, true) => tenth(worth),
        (CriterionKind::Forbidden, true) => -tenth(worth),
        _ => 0.0,
    }
}

/// A turn's score from its criteria's points.
pub(super) fn turn_score(points: impl Iterator<Item = f64>) -> u32 {
    points.sum::<f64>().round().clamp(0.0, 100.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(kind: CriterionKind, met: bool, points: f64) -> CriterionOutcome {
        CriterionOutcome { id: "c".into(), label: "c".into(), kind, met, points }
    }

    #[test]
    fn met_criteria_keep_their_points_and_unmet_ones_share_the_rest() {
        use CriterionKind::*;
        let turn =
            [c(Required, true, 50.0), c(Required, false, 0.0), c(Required, false, 0.0), c(Forbidden, false, 0.0)];
        assert_eq!(worths(&turn), vec![50.0, 25.0, 25.0, 33.3]);
        let turn = [c(Required, true, 60.0), c(Forbidden, true, -40.0)];
        assert_eq!(worths(&turn), vec![60.0, 40.0]);
    }

    #[test]
    fn scores_are_rounded_and_clamped_like_the_engine() {
        use CriterionKind::*;
        let thirds = [33.3, 33.3, 33.3];
        assert_eq!(turn_score(thirds.iter().map(|w| points(Required, true, *w))), 100);
        assert_eq!(turn_score([points(Required, true, 20.0), points(Forbidden, true, 50.0)].into_iter()), 0);
        assert_eq!(turn_score([points(Required, false, 20.0), points(Forbidden, false, 50.0)].into_iter()), 0);
        assert_eq!(turn_score([points(Required, true, 66.7)].into_iter()), 67);
    }
}
