//! Progress and Today tell the same story: right after a failed (0/100) drill of a scenario
//! mastered before, Progress no longer says "mastered" with a recall of 100% while Today says
//! "failed last time".

mod common;

use common::TestFolder;
use egui_kittest::kittest::Queryable;
use followthrough::core::progress::{Attempt, AttemptMode, Scorer, TurnAttempt};
use followthrough::io::store::Store;

fn drill(id: &str, score: u32, hours_ago: i64) -> Attempt {
    let turn = |turn_id: &str| TurnAttempt {
        turn_id: turn_id.into(),
        customer_line: "You said you'd call by two.".into(),
        response: "Sorry.".into(),
        score,
        pass_mark: 60,
        passed: score >= 60,
        time_used_ms: 20_000,
        over_time: false,
        criteria: vec![],
    };
    Attempt {
        id: id.into(),
        employee_id: "fay".into(),
        scenario_id: "minimal".into(),
        scenario_revision: 1,
        mode: AttemptMode::Assessment,
        scorer: Scorer::Engine,
        started_at: jiff::Timestamp::now() - jiff::SignedDuration::from_hours(hours_ago),
        completed: true,
        turns: vec![turn("opening"), turn("close")],
    }
}

#[test]
fn after_a_failed_drill_progress_says_failed_last_time_like_today() {
    let folder = TestFolder::with_minimal_scenario();
    {
        let store = Store::open(&folder.dir.path().join("data"), jiff::Zoned::now().date()).expect("open");
        store.add_employee("Fay", jiff::Timestamp::now()).expect("add");
        store.set_current_employee("fay").expect("current");
        store.record_attempt(&drill("passed", 100, 72)).expect("record");
        store.record_attempt(&drill("failed", 0, 1)).expect("record");
    }
    let mut harness = folder.harness();
    harness.run();
    harness.get_by_label_contains("failed last time");
    harness.get_by_label("My progress").click();
    harness.run();
    harness.get_by_label("Progress: Fay");
    assert!(harness.query_by_label("mastered").is_none(), "a 0/100 drill just now: not mastered");
    harness.get_by_label("learning · failed last time");
    assert!(harness.query_by_label("100%").is_none(), "no recall of 100% right after failing");
}
