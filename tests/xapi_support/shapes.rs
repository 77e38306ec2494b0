//! Every statement shape the app can produce, in an order an LRS can take them (an original before
//! the statement voiding it): each mode with each scorer, finished (passed and failed) and left part
//! way, an account and an `mbox` actor, typed answers sent and withheld, a coached group go with its
//! registration, instructor and override audit, and two successive corrections (voiding +
//! replacement).

use followthrough::core::progress::{Attempt, AttemptMode, CriterionOutcome, Override, Scorer, TurnAttempt};
use followthrough::core::scenario::CriterionKind;
use followthrough::core::xapi::{StatementExtras, StatementSettings, correction, statement};
use jiff::Timestamp;
use serde_json::Value;

const MODES: [AttemptMode; 5] =
    [AttemptMode::Practice, AttemptMode::Assessment, AttemptMode::Group, AttemptMode::Rehearsal, AttemptMode::Quiz];
const SCORERS: [Scorer; 3] = [Scorer::Engine, Scorer::Coach, Scorer::SelfScored];

fn turn(i: usize, score: u32) -> TurnAttempt {
    TurnAttempt {
        turn_id: format!("turn-{i}"),
        customer_line: "You said you'd call by two, and it's gone four.".into(),
        response: "I'm sorry, that's on me. I'll call you at 4pm today with the answer.\n\"Quoted\" — ünïcode ✓".into(),
        score,
        pass_mark: 70,
        passed: score >= 70,
        time_used_ms: 41_250 + i as u64 * 1000,
        over_time: i == 1,
        criteria: vec![
            CriterionOutcome {
                id: "owns".into(),
                label: "Takes ownership".into(),
                kind: CriterionKind::Required,
                met: score >= 70,
                points: if score >= 70 { 66.67 } else { 0.0 },
                worth: Some(66.67),
            },
            CriterionOutcome {
                id: "no-blame".into(),
                label: "Blames a colleague".into(),
                kind: CriterionKind::Forbidden,
                met: false,
                points: 0.0,
                worth: None,
            },
        ],
    }
}

fn attempt(n: usize, mode: AttemptMode, scorer: Scorer, scores: &[u32], completed: bool) -> Attempt {
    Attempt {
        id: format!("shape-{n:03}"),
        employee_id: if n.is_multiple_of(2) { "sam-lee".into() } else { "ana".into() },
        scenario_id: "bank card/not dispatched".into(),
        scenario_revision: 3,
        mode,
        scorer,
        started_at: Timestamp::from_second(1_764_000_000 + n as i64 * 60).expect("ts"),
        completed,
        turns: scores.iter().enumerate().map(|(i, s)| turn(i, *s)).collect(),
    }
}

fn coach_override(attempt_id: &str, minute: i64) -> Override {
    Override {
        attempt_id: attempt_id.into(),
        turn_index: 0,
        criterion_id: "owns".into(),
        coach: "Priya".into(),
        at: Timestamp::from_second(1_764_100_000 + minute * 60).expect("ts"),
        old_met: false,
        new_met: true,
        reason: "said it aloud, clearly".into(),
    }
}

/// The whole set, oldest first.
pub fn every_shape() -> Vec<Value> {
    let settings = StatementSettings::default();
    let quiet = StatementSettings { send_responses: false, ..StatementSettings::default() };
    let mut out = Vec::new();
    let mut n = 0;
    for mode in MODES {
        for scorer in SCORERS {
            for (scores, completed) in [(&[90, 80][..], true), (&[40, 90][..], true), (&[55][..], false)] {
                n += 1;
                let a = attempt(n, mode, scorer, scores, completed);
                let extras = StatementExtras {
                    learner_name: Some("Sam Lee".into()),
                    learner_email: (n % 3 == 0).then(|| "sam.lee@example.org".into()),
                    scenario_title: Some("The card that never came".into()),
                    scenario_description: (n % 2 == 0).then(|| "A customer chases a card.".into()),
                    group_session: (mode == AttemptMode::Group).then(|| "tuesday-huddle".into()),
                    coach: (scorer == Scorer::Coach).then(|| "Priya".into()),
                    overrides: if mode == AttemptMode::Group && scorer == Scorer::Coach {
                        vec![coach_override(&a.id, 0)]
                    } else {
                        Vec::new()
                    },
                };
                out.push(statement(&a, &extras, if n % 4 == 0 { &quiet } else { &settings }));
            }
        }
    }
    // A coach corrects a sent practice attempt twice: each correction voids the version before.
    let a = attempt(n + 1, AttemptMode::Practice, Scorer::Engine, &[60], true);
    out.push(statement(&a, &StatementExtras::default(), &settings));
    let mut fixed = a.clone();
    fixed.scorer = Scorer::Coach;
    for k in 1..=2 {
        let extras = StatementExtras {
            overrides: (1..=k).map(|m| coach_override(&a.id, i64::from(m))).collect(),
            ..StatementExtras::default()
        };
        let c = correction(&fixed, &extras, &settings, k);
        out.push(c.voiding);
        out.push(c.replacement);
    }
    out
}
