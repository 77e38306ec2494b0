//! The offline xAPI queue in the progress store: statements queued with their attempt, kept across
//! restarts, marked sent or failed, corrected after a coach's override.

mod xapi_support;

use followthrough::core::progress::{Override, Scorer};
use followthrough::core::xapi::{replacement_id, statement_id, voiding_id};
use followthrough::io::store::{QueueStatus, Store};
use serde_json::Value;
use xapi_support::{TODAY, attempt, store_with_sending};

fn body(store: &Store, id: &str) -> Value {
    let row = store.xapi_all().expect("all").into_iter().find(|q| q.statement_id == id).expect("queued");
    serde_json::from_str(&row.body).expect("json")
}

#[test]
fn nothing_is_queued_while_sending_is_off() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    store.set_xapi_settings(None).expect("off");
    store.record_attempt(&attempt("a1", "sam", 0, 90, "I'll call you")).expect("record");
    assert_eq!(store.xapi_report().expect("report").queued, 0);
}

#[test]
fn a_recorded_attempt_is_queued_and_still_queued_after_a_restart() {
    let dir = tempfile::tempdir().expect("dir");
    {
        let store = store_with_sending(dir.path());
        for i in 0..3 {
            store.record_attempt(&attempt(&format!("a{i}"), "sam", i, 90, "I'll call you")).expect("record");
        }
    }
    let store = Store::open(dir.path(), TODAY).expect("reopen");
    let pending = store.xapi_pending(10).expect("pending");
    let ids: Vec<_> = pending.iter().map(|q| q.statement_id.clone()).collect();
    assert_eq!(ids, [statement_id("a0"), statement_id("a1"), statement_id("a2")]);
    let s: Value = serde_json::from_str(&pending[0].body).expect("json");
    assert_eq!(s["actor"]["name"], "Sam");
    assert_eq!(s["verb"]["id"], "http://adlnet.gov/expapi/verbs/passed");
}

#[test]
fn a_refused_attempt_queues_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    store.record_attempt(&attempt("a1", "sam", 0, 90, "x")).expect("record");
    assert!(store.record_attempt(&attempt("a1", "sam", 0, 90, "x")).is_err());
    assert!(store.record_attempt(&attempt("a2", "nobody", 0, 90, "x")).is_err());
    assert_eq!(store.xapi_all().expect("all").len(), 1);
}

#[test]
fn sent_and_failed_statements_leave_the_queue_and_failures_keep_their_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    for i in 0..3 {
        store.record_attempt(&attempt(&format!("a{i}"), "sam", i, 90, "x")).expect("record");
    }
    let now = "2026-11-23T09:00:00Z".parse().expect("ts");
    store.xapi_mark_sent(&[statement_id("a0")], now).expect("sent");
    store.xapi_mark_failed(&statement_id("a1"), "400: bad statement").expect("failed");
    let report = store.xapi_report().expect("report");
    assert_eq!((report.queued, report.sent), (1, 1));
    assert_eq!(report.failed, [(statement_id("a1"), "400: bad statement".to_string())]);
    assert_eq!(store.xapi_pending(10).expect("pending").len(), 1);
    assert_eq!(store.xapi_status_of(&statement_id("a0")).expect("status"), Some(QueueStatus::Sent));
    assert_eq!(store.xapi_retry_failed().expect("retry"), 1);
    assert_eq!(store.xapi_pending(10).expect("pending").len(), 2);
}

fn override_of(id: &str) -> Override {
    Override {
        attempt_id: id.into(),
        turn_index: 0,
        criterion_id: "owns".into(),
        coach: "Priya".into(),
        at: "2026-11-23T10:00:00Z".parse().expect("ts"),
        old_met: false,
        new_met: true,
        reason: "she did own it, in other words".into(),
    }
}

#[test]
fn an_override_before_sending_rewrites_the_queued_statement_with_the_audit() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    store.record_attempt(&attempt("a1", "sam", 0, 0, "x")).expect("record");
    store.override_criterion(&override_of("a1")).expect("override");
    assert_eq!(store.xapi_all().expect("all").len(), 1);
    let s = body(&store, &statement_id("a1"));
    assert_eq!(s["verb"]["id"], "http://adlnet.gov/expapi/verbs/passed");
    assert_eq!(s["context"]["extensions"]["https://followthrough.app/xapi/extensions/scorer"], "coach");
    assert_eq!(s["context"]["instructor"]["name"], "Priya");
    assert_eq!(
        s["context"]["extensions"]["https://followthrough.app/xapi/extensions/overrides"][0]["reason"],
        "she did own it, in other words"
    );
}

#[test]
fn an_override_after_sending_voids_and_replaces_in_order() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    store.record_attempt(&attempt("a1", "sam", 0, 0, "x")).expect("record");
    store.xapi_mark_sent(&[statement_id("a1")], "2026-11-23T09:00:00Z".parse().expect("ts")).expect("sent");
    store.override_criterion(&override_of("a1")).expect("override");
    let pending: Vec<_> = store.xapi_pending(10).expect("pending").into_iter().map(|q| q.statement_id).collect();
    assert_eq!(pending, [voiding_id("a1", 0), replacement_id("a1", 1)]);
    let void = body(&store, &voiding_id("a1", 0));
    assert_eq!(void["object"]["id"], statement_id("a1"));
    assert_eq!(body(&store, &replacement_id("a1", 1))["result"]["success"], true);
}

#[test]
fn a_coached_attempt_carries_its_changes_as_the_audit() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    let mut a = attempt("g1", "ana", 0, 100, "x");
    a.scorer = Scorer::Coach;
    a.mode = followthrough::core::progress::AttemptMode::Group;
    store.record_coached_attempt(&a, &[override_of("g1")]).expect("record");
    let s = body(&store, &statement_id("g1"));
    assert_eq!(s["context"]["instructor"]["name"], "Priya");
    assert_eq!(s["context"]["extensions"]["https://followthrough.app/xapi/extensions/mode"], "group");
}
