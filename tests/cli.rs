//! The command line as other tools use it: output formats and exit codes.

use std::process::{Command, Output};

fn followthrough(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_followthrough")).args(args).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn check_on_the_bundled_scenarios_exits_zero_with_a_summary() {
    let out = followthrough(&["check", "scenarios"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("checked "), "{text}");
    assert!(text.contains("0 errors, 0 warnings"), "{text}");
}

#[test]
fn check_reports_like_a_compiler_and_exits_one() {
    let out = followthrough(&["check", "tests/fixtures/bad/04-typo-in-field-name.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("tests/fixtures/bad/04-typo-in-field-name.ron:22:73: error: unknown field `wieght`"), "{err}");
    assert!(err.contains("^^^^^^"), "carets under the field: {err}");
    assert!(err.contains("= hint: did you mean `weight`?"), "{err}");
    assert!(stdout(&out).contains("1 error"), "{}", stdout(&out));
}

#[test]
fn check_json_is_one_object_with_summary_and_located_diagnostics() {
    let out = followthrough(&["check", "--format", "json", "tests/fixtures/bad/19-branch-to-missing-turn.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["summary"]["errors"], 1);
    let first = &json["diagnostics"][0];
    assert_eq!(first["code"], "unknown-turn");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["line"], 28);
    assert_eq!(first["hint"], "did you mean `escalation`?");
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(followthrough(&["check", "no/such/folder"]).status.code(), Some(2));
    assert_eq!(followthrough(&["check", "--format", "yaml"]).status.code(), Some(2));
    assert_eq!(followthrough(&["frobnicate"]).status.code(), Some(2));
    let out = followthrough(&["list", "--behaviour", "folow-up"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean `follow-up`?"), "{}", stderr(&out));
}

#[test]
fn list_filters_by_behaviour_highest_priority_first() {
    let out = followthrough(&["list", "--behaviour", "follow-up", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert!(rows.len() >= 5, "follow-up is the main theme: {} scenarios", rows.len());
    let priorities: Vec<u64> = rows.iter().map(|r| r["priority"].as_u64().expect("number")).collect();
    assert!(priorities.windows(2).all(|w| w[0] >= w[1]), "{priorities:?}");
    for r in &rows {
        let behaviours = r["behaviour"].as_array().expect("list");
        assert!(behaviours.iter().any(|b| b == "follow-up"));
    }
}
