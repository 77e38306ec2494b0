//! Faults against real LRSs on 127.0.0.1 (Ralph, whose statements survive a restart, and Learning
//! Locker's `xapi-statements`): recorded while the LRS is down, the LRS killed mid-batch, the app's
//! `xapi push` killed (SIGKILL) mid-send, and a 401, a 400 and a 429. After each, every statement
//! arrives exactly once (statement ids compared), in order per actor.

mod xapi_support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use followthrough::core::xapi::statement_id;
use followthrough::io::store::{QueueStatus, Store};
use followthrough::io::xapi::{DrainError, RetryPolicy, Sender};
use serde_json::Value;
use xapi_support::proxy::TooManyProxy;
use xapi_support::real::{Kind, RealLrs};
use xapi_support::{TODAY, attempt, store_with_sending};

fn quick(batch_size: usize) -> RetryPolicy {
    RetryPolicy {
        batch_size,
        max_tries: 3,
        base_delay: Duration::from_millis(5),
        max_delay: Duration::from_secs(3),
        timeout: Duration::from_secs(30),
    }
}

/// `n` attempts by two employees, queued; their statement ids in the order recorded.
fn record(store: &Store, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let id = format!("fault-{i:05}");
            let who = if i % 2 == 0 { "sam" } else { "ana" };
            store
                .record_attempt(&attempt(&id, who, i as i64, 50 + (i % 50) as u32, "I'll ring you by 3pm."))
                .expect("record");
            statement_id(&id)
        })
        .collect()
}

/// Every id exactly once, and each actor's statements in the order they were recorded.
fn assert_once_in_order(held: &[Value], recorded: &[String]) {
    let ids: Vec<&str> = held.iter().map(|s| s["id"].as_str().expect("id")).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "no statement twice");
    let mut want: Vec<&str> = recorded.iter().map(String::as_str).collect();
    want.sort_unstable();
    assert_eq!(unique, want, "every statement, nothing else");
    for who in ["sam", "ana"] {
        let times: Vec<&str> = held
            .iter()
            .filter(|s| s["actor"]["account"]["name"] == who)
            .map(|s| s["timestamp"].as_str().expect("timestamp"))
            .collect();
        assert!(times.windows(2).all(|w| w[0] < w[1]), "{who}'s statements arrive in the order recorded");
    }
}

fn recorded_while_down_then_up(kind: Kind) {
    let Some(mut lrs) = RealLrs::down(kind) else { return };
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    let ids = record(&store, 1000);
    let sender = Sender::new(&lrs.config("secret"), quick(100)).expect("sender");
    let err = sender.drain(&store).expect_err("down");
    assert!(matches!(err, DrainError::Unreachable { .. }), "{err}");
    drop(store);
    lrs.restart();
    let store = Store::open(dir.path(), TODAY).expect("reopen");
    assert_eq!(store.xapi_report().expect("report").queued, 1000);
    let report = sender.drain(&store).expect("drain");
    assert_eq!((report.sent, report.failed), (1000, 0), "{report:?}");
    eprintln!("{kind:?}: {report:?}");
    assert_once_in_order(&lrs.statements(), &ids);
    assert_eq!(store.xapi_report().expect("report").sent, 1000);
}

#[test]
fn a_thousand_recorded_while_ralph_is_down_arrive_once_in_order() {
    recorded_while_down_then_up(Kind::Ralph);
}

#[test]
fn a_thousand_recorded_while_learning_locker_is_down_arrive_once_in_order() {
    recorded_while_down_then_up(Kind::LearningLocker);
}

/// Wait until the LRS holds at least `n` statements (Ralph's file is read as it grows).
fn wait_for_lines(lrs: &RealLrs, n: usize) -> usize {
    let start = Instant::now();
    loop {
        let held = lrs.line_count();
        if held >= n || start.elapsed() > Duration::from_secs(120) {
            return held;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn ralph_killed_mid_batch_loses_and_duplicates_nothing() {
    let Some(mut lrs) = RealLrs::start(Kind::Ralph) else { return };
    let dir = tempfile::tempdir().expect("dir");
    let ids = record(&store_with_sending(dir.path()), 1000);
    let config = lrs.config("secret");
    let data = dir.path().to_path_buf();
    let drain = std::thread::spawn(move || {
        let store = Store::open(&data, TODAY).expect("open");
        Sender::new(&config, quick(25)).expect("sender").drain(&store).map_err(|e| e.to_string())
    });
    let held = wait_for_lines(&lrs, 200);
    lrs.kill();
    let first = drain.join().expect("thread");
    assert!(first.is_err(), "the drain stops when the LRS dies ({held} held)");
    let store = Store::open(dir.path(), TODAY).expect("open");
    let report = store.xapi_report().expect("report");
    assert!(report.queued > 0 && report.failed.is_empty(), "{report:?}");
    lrs.tear_files_like_a_kill();
    lrs.restart();
    let again = Sender::new(&lrs.config("secret"), quick(25))
        .expect("sender")
        .drain(&store)
        .unwrap_or_else(|e| panic!("drain after the restart: {e}\nthe LRS said: {}", lrs.log()));
    assert_eq!(again.failed, 0);
    assert_once_in_order(&lrs.statements(), &ids);
    assert_eq!(store.xapi_report().expect("report").sent, 1000);
}

fn push(dir: &Path, batch: usize) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_followthrough"))
        .arg("--data-dir")
        .arg(dir)
        .args(["xapi", "push", "--batch", &batch.to_string()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs")
}

#[test]
fn the_app_killed_mid_send_resumes_after_restart_with_nothing_lost_or_duplicated() {
    let Some(lrs) = RealLrs::start(Kind::Ralph) else { return };
    let dir = tempfile::tempdir().expect("dir");
    let ids = record(&store_with_sending(dir.path()), 1000);
    lrs.config("secret").save(dir.path()).expect("config");
    let mut app = push(dir.path(), 5);
    let held = wait_for_lines(&lrs, 150);
    app.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
    app.wait().expect("wait");
    let store = Store::open(dir.path(), TODAY).expect("open");
    let report = store.xapi_report().expect("report");
    assert!(report.queued > 0, "killed mid-send ({held} held, {} sent)", report.sent);
    assert!(report.sent <= lrs.line_count(), "nothing is marked sent that the LRS does not hold");
    drop(store);
    let out = push(dir.path(), 5).wait_with_output().expect("restart");
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    assert_once_in_order(&lrs.statements(), &ids);
    let store = Store::open(dir.path(), TODAY).expect("open");
    let report = store.xapi_report().expect("report");
    assert_eq!((report.queued, report.sent, report.failed.len()), (0, 1000, 0));
}

#[test]
fn a_401_from_ralph_stops_the_drain_and_fails_nothing() {
    let Some(lrs) = RealLrs::start(Kind::Ralph) else { return };
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    let ids = record(&store, 5);
    let err = Sender::new(&lrs.config("wrong"), quick(100)).expect("sender").drain(&store).expect_err("401");
    assert!(matches!(err, DrainError::Unauthorised { status: 401, .. }), "{err}");
    assert!(!err.to_string().contains("wrong"), "the secret is not shown: {err}");
    let report = store.xapi_report().expect("report");
    assert_eq!((report.queued, report.failed.len()), (5, 0));
    Sender::new(&lrs.config("secret"), quick(100)).expect("sender").drain(&store).expect("drain");
    assert_once_in_order(&lrs.statements(), &ids);
}

/// A statement no LRS accepts, put in the queue as an older build might have left it.
fn queue_a_bad_statement(dir: &Path, good: &str) -> String {
    let conn = rusqlite::Connection::open(dir.join(followthrough::io::store::DB_FILE)).expect("db");
    let (attempt_id, body): (String, String) = conn
        .query_row("SELECT attempt_id, body FROM xapi_queue WHERE statement_id = ?1", [good], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("row");
    let mut bad: Value = serde_json::from_str(&body).expect("json");
    let id = uuid::Uuid::new_v4().to_string();
    bad["id"] = Value::from(id.clone());
    bad.as_object_mut().expect("object").remove("verb"); // every statement needs one
    conn.execute(
        "INSERT INTO xapi_queue (statement_id, attempt_id, employee_id, version, kind, body) VALUES (?1, ?2, 'sam', 9, 'statement', ?3)",
        (&id, &attempt_id, bad.to_string()),
    )
    .expect("insert");
    id
}

/// Learning Locker answers a statement it refuses with 400; Ralph (FastAPI) with 422. Neither heals.
fn a_4xx_marks_only_that_statement_failed(kind: Kind) {
    let Some(lrs) = RealLrs::start(kind) else { return };
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    let mut ids = record(&store, 4);
    let bad = queue_a_bad_statement(dir.path(), &ids[0]);
    ids.extend(record_more(&store, 4));
    let report = Sender::new(&lrs.config("secret"), quick(100)).expect("sender").drain(&store).expect("drain");
    assert_eq!((report.sent, report.failed), (8, 1), "{kind:?}");
    let failed = store.xapi_report().expect("report").failed;
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].0, bad);
    let status = if kind == Kind::Ralph { "HTTP 422" } else { "HTTP 400" };
    assert!(
        failed[0].1.starts_with(status) && failed[0].1.contains("verb"),
        "the LRS's reason is kept: {}",
        failed[0].1
    );
    assert_eq!(store.xapi_status_of(&bad).expect("status"), Some(QueueStatus::Failed));
    assert_once_in_order(&lrs.statements(), &ids);
}

fn record_more(store: &Store, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let id = format!("later-{i:05}");
            store.record_attempt(&attempt(&id, "ana", 2000 + i as i64, 90, "Done by noon.")).expect("record");
            statement_id(&id)
        })
        .collect()
}

#[test]
fn a_422_from_ralph_marks_only_that_statement_failed_with_the_reason() {
    a_4xx_marks_only_that_statement_failed(Kind::Ralph);
}

#[test]
fn a_400_from_learning_locker_marks_only_that_statement_failed_with_the_reason() {
    a_4xx_marks_only_that_statement_failed(Kind::LearningLocker);
}

#[test]
fn a_429_with_retry_after_waits_then_everything_arrives_once() {
    let Some(lrs) = RealLrs::start(Kind::LearningLocker) else { return };
    let proxy = TooManyProxy::start(lrs.port(), 2, 1);
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    let ids = record(&store, 150);
    let mut config = lrs.config("secret");
    config.endpoint = proxy.endpoint();
    let report = Sender::new(&config, quick(100)).expect("sender").drain(&store).expect("drain");
    assert_eq!((report.sent, report.failed, report.retries), (150, 0, 2), "two waits, then sent");
    assert_eq!(proxy.refused.load(std::sync::atomic::Ordering::SeqCst), 2);
    assert_once_in_order(&lrs.statements(), &ids);
}
