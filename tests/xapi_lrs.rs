//! The sender against a strict loopback LRS: everything recorded while it is down arrives once and
//! in order when it comes up; a batch cut off mid-way is neither lost nor duplicated; 401, 400, 409
//! and 429 are each handled as the user would expect.

mod xapi_support;

use std::collections::HashSet;
use std::time::Duration;

use followthrough::core::xapi::statement_id;
use followthrough::io::store::{QueueStatus, Store};
use followthrough::io::xapi::{DrainError, LrsConfig, RetryPolicy, Sender};
use xapi_support::lrs::{Fault, Lrs};
use xapi_support::{attempt, store_with_sending};

fn config(lrs: &Lrs, secret: &str) -> LrsConfig {
    LrsConfig { endpoint: lrs.endpoint.clone(), key: "key".into(), secret: secret.into() }
}

fn quick(batch_size: usize) -> RetryPolicy {
    RetryPolicy {
        batch_size,
        max_tries: 3,
        base_delay: Duration::from_millis(2),
        max_delay: Duration::from_secs(2),
        timeout: Duration::from_secs(10),
    }
}

fn record(store: &Store, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let id = format!("att-{i:05}");
            let who = if i % 2 == 0 { "sam" } else { "ana" };
            store
                .record_attempt(&attempt(&id, who, i as i64, 60 + (i % 40) as u32, "I'll ring you by 3pm."))
                .expect("record");
            statement_id(&id)
        })
        .collect()
}

fn stored_ids(lrs: &Lrs) -> Vec<String> {
    lrs.stored().iter().map(|s| s["id"].as_str().expect("id").to_string()).collect()
}

#[test]
fn a_thousand_attempts_recorded_while_the_lrs_is_down_arrive_once_in_order() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    let lrs = Lrs::start();
    lrs.down.store(true, std::sync::atomic::Ordering::SeqCst);
    let sender = Sender::new(&config(&lrs, "secret"), quick(100)).expect("sender");
    let ids = record(&store, 1000);
    let err = sender.drain(&store).expect_err("down");
    assert!(matches!(err, DrainError::Unreachable { .. }), "{err}");
    assert!(err.to_string().contains("stay queued"));
    drop(store);

    // The app restarts; the LRS comes up.
    let store = Store::open(dir.path(), xapi_support::TODAY).expect("reopen");
    assert_eq!(store.xapi_report().expect("report").queued, 1000);
    lrs.down.store(false, std::sync::atomic::Ordering::SeqCst);
    let report = sender.drain(&store).expect("drain");
    assert_eq!((report.sent, report.failed), (1000, 0));
    assert_eq!(stored_ids(&lrs), ids, "every statement once, in the order recorded");
    for who in ["sam", "ana"] {
        let times: Vec<String> = lrs
            .stored()
            .iter()
            .filter(|s| s["actor"]["account"]["name"] == who)
            .map(|s| s["timestamp"].as_str().expect("ts").to_string())
            .collect();
        assert!(times.windows(2).all(|w| w[0] < w[1]), "in order for {who}");
    }
    assert_eq!(store.xapi_report().expect("report").sent, 1000);
    assert_eq!(sender.drain(&store).expect("again"), Default::default(), "nothing left to send");
}

#[test]
fn a_batch_cut_off_mid_way_is_neither_lost_nor_duplicated() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    let lrs = Lrs::start();
    let ids = record(&store, 250);
    // The second batch is stored but the answer never comes; then the LRS is busy once.
    lrs.state.lock().expect("lock").faults.extend([Fault::Answer, Fault::DieAfterStoring, Fault::Unavailable]);
    let sender = Sender::new(&config(&lrs, "secret"), quick(100)).expect("sender");
    let report = sender.drain(&store).expect("drain");
    assert_eq!(report.sent, 250);
    assert!(report.retries >= 2, "{report:?}");
    assert_eq!(stored_ids(&lrs), ids);
    let unique: HashSet<_> = stored_ids(&lrs).into_iter().collect();
    assert_eq!(unique.len(), 250);
}

#[test]
fn the_lrs_going_down_mid_drain_leaves_the_rest_queued_for_next_time() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    let lrs = Lrs::start();
    let ids = record(&store, 300);
    // Killed while answering the first batch, and down from then on.
    lrs.fault(Fault::DieAfterStoring);
    let down = lrs.down.clone();
    let sender = Sender::new(&config(&lrs, "secret"), quick(100)).expect("sender");
    let first = {
        let state = lrs.state.clone();
        let down = down.clone();
        std::thread::spawn(move || {
            while state.lock().expect("lock").posts == 0 {
                std::thread::yield_now();
            }
            down.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        sender.drain(&store)
    };
    assert!(first.is_err(), "the LRS went down");
    let report = store.xapi_report().expect("report");
    assert_eq!(report.queued + report.sent, 300);
    assert!(report.failed.is_empty());
    down.store(false, std::sync::atomic::Ordering::SeqCst);
    sender.drain(&store).expect("drain");
    assert_eq!(stored_ids(&lrs), ids, "each once, in order");
    assert_eq!(store.xapi_report().expect("report").sent, 300);
}

#[test]
fn wrong_credentials_stop_the_drain_and_mark_nothing_failed() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    let lrs = Lrs::start();
    record(&store, 5);
    let err = Sender::new(&config(&lrs, "wrong"), quick(100)).expect("sender").drain(&store).expect_err("401");
    assert!(matches!(err, DrainError::Unauthorised { status: 401, .. }), "{err}");
    assert!(!err.to_string().contains("wrong"), "the secret is not shown: {err}");
    let report = store.xapi_report().expect("report");
    assert_eq!((report.queued, report.failed.len()), (5, 0));
    Sender::new(&config(&lrs, "secret"), quick(100)).expect("sender").drain(&store).expect("drain");
    assert_eq!(lrs.stored().len(), 5);
}

#[test]
fn a_refused_statement_is_marked_failed_with_the_reason_and_the_rest_arrive() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    let lrs = Lrs::start();
    let ids = record(&store, 6);
    lrs.state.lock().expect("lock").poison.push(ids[2].clone());
    let mut conflicting =
        serde_json::from_str::<serde_json::Value>(&store.xapi_all().expect("all")[4].body).expect("json");
    conflicting["verb"]["id"] = "http://adlnet.gov/expapi/verbs/completed".into();
    lrs.state.lock().expect("lock").preload(conflicting);
    let report = Sender::new(&config(&lrs, "secret"), quick(100)).expect("sender").drain(&store).expect("drain");
    assert_eq!((report.sent, report.failed), (4, 2));
    let failed = store.xapi_report().expect("report").failed;
    assert_eq!(failed[0].0, ids[2]);
    assert!(failed[0].1.starts_with("HTTP 400"), "{}", failed[0].1);
    assert_eq!(failed[1].0, ids[4]);
    assert!(failed[1].1.starts_with("HTTP 409") && failed[1].1.contains("conflicts"), "{}", failed[1].1);
    assert_eq!(store.xapi_status_of(&ids[5]).expect("status"), Some(QueueStatus::Sent));
}

#[test]
fn too_many_requests_waits_as_long_as_retry_after_says_then_sends() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    let lrs = Lrs::start();
    let ids = record(&store, 3);
    lrs.fault(Fault::TooMany(1));
    let report = Sender::new(&config(&lrs, "secret"), quick(100)).expect("sender").drain(&store).expect("drain");
    assert_eq!((report.sent, report.retries), (3, 1));
    assert_eq!(stored_ids(&lrs), ids);
    assert_eq!(lrs.state.lock().expect("lock").posts, 2);
}

#[test]
fn an_lrs_answering_a_resend_with_409_still_counts_it_as_sent() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    let lrs = Lrs::start();
    lrs.state.lock().expect("lock").resend_is_conflict = true;
    let ids = record(&store, 150);
    lrs.fault(Fault::DieAfterStoring);
    let report = Sender::new(&config(&lrs, "secret"), quick(100)).expect("sender").drain(&store).expect("drain");
    assert_eq!((report.sent, report.failed), (150, 0));
    assert_eq!(stored_ids(&lrs), ids);
}
