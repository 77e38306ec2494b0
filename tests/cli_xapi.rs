//! `followthrough xapi config|status|push` and `export --format xapi` through the binary, against
//! the loopback LRS.

mod xapi_support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use xapi_support::lrs::Lrs;
use xapi_support::{TODAY, attempt};

fn run(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_followthrough"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write");
    child.wait_with_output().expect("output")
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn add_attempts(dir: &Path, n: usize) {
    let store = followthrough::io::store::Store::open(dir, TODAY).expect("open");
    if store.employees().expect("employees").is_empty() {
        store.add_employee("Sam", "2026-11-23T07:00:00Z".parse().expect("ts")).expect("employee");
    }
    let already = store.attempt_count().expect("count");
    for i in already..already + n {
        store.record_attempt(&attempt(&format!("a{i}"), "sam", i as i64, 90, "I'll ring you by 3pm.")).expect("record");
    }
}

#[test]
fn configure_push_and_check_the_status_without_ever_showing_the_secret() {
    let dir = tempfile::tempdir().expect("dir");
    let lrs = Lrs::start();
    add_attempts(dir.path(), 2); // before sending was switched on: not queued
    let out =
        run(dir.path(), &["xapi", "config", "--endpoint", &lrs.endpoint, "--key", "key", "--secret-stdin"], "secret\n");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("sending: on"), "{}", text(&out));
    assert!(!text(&out).contains("secret\n") && !text(&out).contains(": secret"), "{}", text(&out));
    add_attempts(dir.path(), 3);
    let out = run(dir.path(), &["xapi", "status"], "");
    assert!(text(&out).contains("3 queued, 0 sent, 0 refused"), "{}", text(&out));
    let out = run(dir.path(), &["xapi", "push"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("3 sent, 0 refused"), "{}", text(&out));
    assert_eq!(lrs.stored().len(), 3);
    let out = run(dir.path(), &["xapi", "status", "--format", "json"], "");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!((report["queued"].as_u64(), report["sent"].as_u64()), (Some(0), Some(3)));
    let out = run(dir.path(), &["xapi", "config"], "");
    assert!(text(&out).contains("secret set: true") && !text(&out).contains("\"secret\""), "{}", text(&out));
}

#[test]
fn plain_http_to_another_machine_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run(dir.path(), &["xapi", "config", "--endpoint", "http://lrs.example.org/xapi", "--key", "k"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("use https"), "{}", text(&out));
    assert!(!dir.path().join(followthrough::io::xapi::CONFIG_FILE).exists());
}

#[test]
fn push_without_an_lrs_says_how_to_set_one() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run(dir.path(), &["xapi", "push"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("xapi config --endpoint"), "{}", text(&out));
}

#[test]
fn the_typed_answers_can_be_kept_on_this_machine_and_export_writes_json_lines() {
    let dir = tempfile::tempdir().expect("dir");
    let out =
        run(dir.path(), &["xapi", "config", "--responses", "off", "--activity-base", "https://acme.example/xapi"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("typed answers not sent"), "{}", text(&out));
    add_attempts(dir.path(), 4);
    let out = run(dir.path(), &["export", "--format", "xapi"], "");
    assert!(out.status.success(), "{}", text(&out));
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("json line")).collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0]["object"]["id"].as_str().expect("iri").starts_with("https://acme.example/xapi/scenarios/"));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("3pm"), "no typed answers");
}

#[test]
fn the_app_killed_mid_send_resumes_after_a_restart_with_nothing_lost_or_duplicated() {
    let dir = tempfile::tempdir().expect("dir");
    let lrs = Lrs::start();
    let out =
        run(dir.path(), &["xapi", "config", "--endpoint", &lrs.endpoint, "--key", "key", "--secret-stdin"], "secret\n");
    assert!(out.status.success(), "{}", text(&out));
    add_attempts(dir.path(), 250);
    // The second batch is stored by the LRS, whose answer is slow; the sender is killed meanwhile.
    lrs.state
        .lock()
        .expect("lock")
        .faults
        .extend([xapi_support::lrs::Fault::Answer, xapi_support::lrs::Fault::HangAfterStoring(20)]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_followthrough"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["xapi", "push"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("push");
    while lrs.state.lock().expect("lock").posts < 2 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    assert_eq!(lrs.stored().len(), 200, "two batches reached the LRS");
    let out = run(dir.path(), &["xapi", "status"], "");
    assert!(text(&out).contains("150 queued, 100 sent"), "the unanswered batch stays queued: {}", text(&out));
    let out = run(dir.path(), &["xapi", "push"], "");
    assert!(out.status.success(), "{}", text(&out));
    let ids: Vec<String> = lrs.stored().iter().map(|s| s["id"].as_str().expect("id").to_string()).collect();
    let expected: Vec<String> = (0..250).map(|i| followthrough::core::xapi::statement_id(&format!("a{i}"))).collect();
    assert_eq!(ids, expected, "each once, in order");
    assert!(text(&run(dir.path(), &["xapi", "status"], "")).contains("0 queued, 250 sent"));
}

#[test]
fn a_store_that_cannot_be_opened_is_said_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The data folder is a file: no store can be opened in it.
    let data = dir.path().join("not-a-folder");
    std::fs::write(&data, "x").expect("write");
    for args in [&["xapi", "status"][..], &["team"]] {
        let out = run(&data, args, "");
        assert!(!out.status.success(), "{args:?} fails");
        let said = String::from_utf8_lossy(&out.stderr).matches("error:").count();
        assert_eq!(said, 1, "{args:?} says why once:\n{}", text(&out));
    }
}
