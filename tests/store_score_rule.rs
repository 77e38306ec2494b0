//! One score rule: a coach's override rescored by the store gives exactly the score the engine
//! gives the same verdicts (`core::scoring::card_from_verdicts`), and worths estimated for attempts
//! saved before worth was kept are settled from the scenario once it is loaded.

use followthrough::core::progress::{Attempt, AttemptMode, CriterionOutcome, Override, Scorer, TurnAttempt};
use followthrough::core::scenario::{CriterionKind, Scenario};
use followthrough::core::scoring::{ScoreCard, card_from_verdicts};
use followthrough::io::store::{AttemptFilter, Store};
use jiff::Timestamp;
use proptest::prelude::*;

/// A one-turn scenario whose rubric has these (kind, weight) criteria.
fn scenario(criteria: &[(CriterionKind, u32)]) -> Scenario {
    let rubric: Vec<String> = criteria
        .iter()
        .enumerate()
        .map(|(i, (kind, weight))| {
            format!(
                "(id: \"c{i}\", label: \"Criterion {i}\", kind: {kind:?}, weight: {weight}, detect: [Phrase(\"word{i}\")])"
            )
        })
        .collect();
    let text = format!(
        "Scenario(format_version: 1, id: \"rule\", revision: 2, title: \"T\", job_families: [\"contact-centre\"], \
         behaviour: [\"follow-up\"], importance: 3, frequency: 3, briefing: (customer: (name: \"Ms Lee\"), \
         situation: \"S\"), turns: [(id: \"opening\", customer: \"C\", time_limit: 60, pass_mark: 50, \
         rubric: [{}], model_answer: \"M\", tip: (play: DiscoverIt, text: \"T\"), final: true)])",
        rubric.join(", ")
    );
    ron::from_str(&text).expect("a valid scenario")
}

fn outcomes(card: &ScoreCard) -> Vec<CriterionOutcome> {
    card.criteria.iter().map(CriterionOutcome::from_result).collect()
}

fn attempt_from(id: &str, card: &ScoreCard, criteria: Vec<CriterionOutcome>) -> Attempt {
    Attempt {
        id: id.into(),
        employee_id: "ana".into(),
        scenario_id: "rule".into(),
        scenario_revision: 2,
        mode: AttemptMode::Practice,
        scorer: Scorer::Engine,
        started_at: Timestamp::UNIX_EPOCH,
        completed: true,
        turns: vec![TurnAttempt {
            turn_id: "opening".into(),
            customer_line: "C".into(),
            response: "R".into(),
            score: card.score,
            pass_mark: card.pass_mark,
            passed: card.passed,
            time_used_ms: 1_000,
            over_time: false,
            criteria,
        }],
    }
}

fn store_with_ana() -> Store {
    let store = Store::open_in_memory().expect("store");
    store.add_employee("Ana", Timestamp::UNIX_EPOCH).expect("ana");
    store
}

/// Flip every criterion whose verdict differs from `wanted`, as a coach would, one override each.
fn flip_to(store: &Store, card: &ScoreCard, wanted: &[bool]) {
    for (c, &met) in card.criteria.iter().zip(wanted).filter(|(c, met)| c.met != **met) {
        let ov = Override {
            attempt_id: "a".into(),
            turn_index: 0,
            criterion_id: c.id.clone(),
            coach: "Coach".into(),
            at: Timestamp::UNIX_EPOCH,
            old_met: c.met,
            new_met: met,
            reason: "coach's call".into(),
        };
        store.override_criterion(&ov).expect("override");
    }
}

fn stored_turn_score(store: &Store) -> u32 {
    store.attempts(&AttemptFilter::default()).expect("read")[0].turns[0].score
}

#[test]
fn the_issues_example_weights_3_2_1_give_the_engines_83() {
    let s = scenario(&[(CriterionKind::Required, 3), (CriterionKind::Required, 2), (CriterionKind::Required, 1)]);
    let turn = &s.turns[0];
    let card = card_from_verdicts("rule", turn, &[true, false, false]);
    let store = store_with_ana();
    store.record_attempt(&attempt_from("a", &card, outcomes(&card))).expect("record");
    flip_to(&store, &card, &[true, true, false]);
    assert_eq!(card_from_verdicts("rule", turn, &[true, true, false]).score, 83);
    assert_eq!(stored_turn_score(&store), 83, "the store rescores by the engine's rule, not an equal share");
}

#[test]
fn estimated_worths_are_settled_from_the_loaded_scenario() {
    let s = scenario(&[(CriterionKind::Required, 3), (CriterionKind::Required, 2), (CriterionKind::Required, 1)]);
    let turn = &s.turns[0];
    let card = card_from_verdicts("rule", turn, &[true, false, false]);
    // Saved by an older version: no worth known, so the store estimates (the missing 50 split equally).
    let legacy = outcomes(&card).into_iter().map(|c| CriterionOutcome { worth: None, ..c }).collect();
    let store = store_with_ana();
    store.record_attempt(&attempt_from("a", &card, legacy)).expect("record");
    let read = store.attempts(&AttemptFilter::default()).expect("read");
    assert!(read[0].turns[0].criteria.iter().all(|c| c.worth.is_none()), "estimates are not shown as exact");

    let other_revision = Scenario { revision: 1, ..s.clone() };
    assert_eq!(store.settle_worths(&[&other_revision]).expect("settle"), 0, "another revision proves nothing");
    assert_eq!(store.settle_worths(&[&s]).expect("settle"), 3);
    let read = store.attempts(&AttemptFilter::default()).expect("read");
    let worths: Vec<f64> = read[0].turns[0].criteria.iter().map(|c| c.worth.expect("exact now")).collect();
    assert_eq!(worths, vec![50.0, 100.0 / 3.0, 100.0 / 6.0]);
    flip_to(&store, &card, &[true, true, false]);
    assert_eq!(stored_turn_score(&store), 83);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// For random rubrics and two random sets of verdicts, the engine's card for the first, stored and
    /// then overridden criterion by criterion into the second, scores what the engine gives the second.
    #[test]
    fn store_rescoring_equals_the_engine(
        rubric in prop::collection::vec((any::<bool>(), 1u32..=5), 1..8),
        first in prop::collection::vec(any::<bool>(), 8),
        second in prop::collection::vec(any::<bool>(), 8),
    ) {
        let criteria: Vec<(CriterionKind, u32)> = rubric
            .iter()
            .enumerate()
            .map(|(i, (forbidden, w))| {
                let kind = if *forbidden && i > 0 { CriterionKind::Forbidden } else { CriterionKind::Required };
                (kind, *w)
            })
            .collect();
        let s = scenario(&criteria);
        let turn = &s.turns[0];
        let n = criteria.len();
        let card = card_from_verdicts("rule", turn, &first[..n]);
        let store = store_with_ana();
        store.record_attempt(&attempt_from("a", &card, outcomes(&card))).expect("record");
        flip_to(&store, &card, &second[..n]);
        let engine = card_from_verdicts("rule", turn, &second[..n]);
        prop_assert_eq!(stored_turn_score(&store), engine.score);
        let stored = store.attempts(&AttemptFilter::default()).expect("read");
        let points: Vec<f64> = stored[0].turns[0].criteria.iter().map(|c| c.points).collect();
        let engine_points: Vec<f64> = engine.criteria.iter().map(|c| c.points).collect();
        prop_assert_eq!(points, engine_points);
    }
}
