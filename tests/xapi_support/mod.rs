//! Shared by the xAPI tests: attempts to record, and a store with sending switched on.
#![allow(dead_code)]

pub mod lrs;
pub mod proxy;
pub mod real;
pub mod shapes;

use std::path::Path;

use followthrough::core::progress::{Attempt, AttemptMode, CriterionOutcome, Scorer, TurnAttempt};
use followthrough::core::scenario::CriterionKind;
use followthrough::core::xapi::StatementSettings;
use followthrough::io::store::Store;
use jiff::Timestamp;
use jiff::civil::{Date, date};

/// The day the stores are opened on.
pub const TODAY: Date = date(2026, 11, 23);

/// An attempt with one turn scoring `score`, started `minute` minutes into the day.
pub fn attempt(id: &str, employee: &str, minute: i64, score: u32, response: &str) -> Attempt {
    let met = score >= 70;
    Attempt {
        id: id.into(),
        employee_id: employee.into(),
        scenario_id: "refund-late".into(),
        scenario_revision: 2,
        mode: AttemptMode::Practice,
        scorer: Scorer::Engine,
        started_at: "2026-11-23T08:00:00Z".parse::<Timestamp>().expect("ts") + jiff::SignedDuration::from_mins(minute),
        completed: true,
        turns: vec![TurnAttempt {
            turn_id: "t1".into(),
            customer_line: "Where is my refund?".into(),
            response: response.into(),
            score,
            pass_mark: 70,
            passed: met,
            time_used_ms: 9_000,
            over_time: false,
            criteria: vec![CriterionOutcome {
                id: "owns".into(),
                label: "Takes ownership".into(),
                kind: CriterionKind::Required,
                met,
                points: if met { f64::from(score) } else { 0.0 },
                worth: Some(100.0),
            }],
        }],
    }
}

/// A store in `dir` with sending switched on and the employees `sam` and `ana`.
pub fn store_with_sending(dir: &Path) -> Store {
    let store = Store::open(dir, TODAY).expect("open");
    store.set_xapi_settings(Some(&StatementSettings::default())).expect("settings");
    let now: Timestamp = "2026-11-23T07:00:00Z".parse().expect("ts");
    for name in ["Sam", "Ana"] {
        store.add_employee(name, now).expect("employee");
    }
    store
}
