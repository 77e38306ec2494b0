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

fn score(args: &[&str], response: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_followthrough"))
        .arg("score")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Usage errors exit before reading standard input; a closed pipe is expected then.
    let _ = child.stdin.take().expect("stdin").write_all(response.as_bytes());
    child.wait_with_output().expect("finishes")
}

const MISSED_CALLBACK: &str = "scenarios/contact-centre/missed-callback.ron";

#[test]
fn score_json_follows_the_contract_with_byte_offsets() {
    let response = "Mrs Okafor, I’m so sorry — that's my fault. Your refund is approved and arrives on Friday.";
    let out = score(&["--scenario", MISSED_CALLBACK, "--json"], response);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("one JSON object");
    assert_eq!(json["scenario"], "cc-missed-callback-refund");
    assert_eq!(json["turn"], "opening");
    assert_eq!(json["passed"], true);
    let mut keys: Vec<&str> = json.as_object().expect("object").keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["criteria", "passed", "scenario", "score", "turn"]);
    let criteria = json["criteria"].as_array().expect("criteria");
    assert_eq!(criteria.len(), 4);
    for c in criteria {
        let mut keys: Vec<&str> = c.as_object().expect("object").keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["evidence", "id", "kind", "label", "met", "points"]);
        for e in c["evidence"].as_array().expect("evidence") {
            let (start, end) = (e["start"].as_u64().expect("start") as usize, e["end"].as_u64().expect("end") as usize);
            assert_eq!(&response[start..end], e["text"].as_str().expect("text"), "byte offsets into the response");
        }
    }
    let blame = criteria.iter().find(|c| c["id"] == "blames-others").expect("blame criterion");
    assert_eq!((blame["kind"].as_str(), blame["met"].as_bool()), (Some("forbidden"), Some(false)));
    let owns = criteria.iter().find(|c| c["id"] == "owns-the-miss").expect("owns");
    assert!(owns["points"].as_f64().expect("points") > 0.0);
}

#[test]
fn score_prints_a_readable_card_and_takes_a_turn() {
    let out = score(&["--scenario", MISSED_CALLBACK, "--turn", "new-promise"], "I'll try to call you soon.");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("for turn `new-promise`"), "{text}");
    assert!(text.contains("[!]"), "the vague promise is flagged: {text}");
    assert!(text.contains("looked for:"), "unmet criteria say what was looked for: {text}");
}

#[test]
fn score_resolves_today_against_at() {
    let late = score(
        &["--scenario", MISSED_CALLBACK, "--turn", "new-promise", "--at", "2026-03-10T15:10:00Z", "--json"],
        "I'll call you today at 9am.",
    );
    let early = score(
        &["--scenario", MISSED_CALLBACK, "--turn", "new-promise", "--at", "2026-03-10T08:10:00+01:00", "--json"],
        "I'll call you today at 9am.",
    );
    let met = |o: &Output| {
        let json: serde_json::Value = serde_json::from_str(&stdout(o)).expect("json");
        json["criteria"].as_array().expect("criteria").iter().find(|c| c["id"] == "specific-time").expect("criterion")["met"].as_bool()
    };
    assert_eq!(met(&late), Some(false), "9am has passed at 15:10");
    assert_eq!(met(&early), Some(true));
}

#[test]
fn score_usage_and_input_errors() {
    assert_eq!(score(&["--scenario", MISSED_CALLBACK, "--turn", "nope"], "x").status.code(), Some(2));
    assert_eq!(score(&["--scenario", MISSED_CALLBACK, "--at", "yesterday"], "x").status.code(), Some(2));
    assert_eq!(score(&["--scenario", "no/such.ron"], "x").status.code(), Some(2));
    assert_eq!(score(&[], "x").status.code(), Some(2));
    let long = score(&["--scenario", MISSED_CALLBACK], &"word ".repeat(2500));
    assert_eq!(long.status.code(), Some(2));
    assert!(stderr(&long).contains("10,000 characters"), "{}", stderr(&long));
    // Long answers in any script are a size problem, wherever the byte limit cuts a character.
    for text in ["€".repeat(15_000), "é".repeat(15_000), "😀".repeat(30_000), "x".repeat(200_000)] {
        let long = score(&["--scenario", MISSED_CALLBACK], &text);
        assert_eq!(long.status.code(), Some(2));
        assert!(stderr(&long).contains("10,000 characters"), "{}", stderr(&long));
        assert!(!stderr(&long).contains("UTF-8"), "{}", stderr(&long));
    }
    let longest = score(&["--scenario", MISSED_CALLBACK, "--json"], &format!("{}\r\n", "€".repeat(10_000)));
    assert_eq!(longest.status.code(), Some(0), "10,000 characters of 3 bytes fit: {}", stderr(&longest));
    let empty = score(&["--scenario", MISSED_CALLBACK, "--json"], "");
    assert_eq!(empty.status.code(), Some(0));
    assert!(stderr(&empty).contains("empty"));
    let json: serde_json::Value = serde_json::from_str(&stdout(&empty)).expect("json");
    assert_eq!(json["score"], 0);
}

#[test]
fn score_refuses_an_invalid_scenario_with_diagnostics() {
    let out = score(&["--scenario", "tests/fixtures/bad/19-branch-to-missing-turn.ron"], "hello");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("19-branch-to-missing-turn.ron:28:"), "{}", stderr(&out));
}

#[test]
fn words_shows_what_a_built_in_list_holds_and_what_the_lexicon_adds() {
    let out = followthrough(&["--scenarios", "scenarios", "words", "commitment-verb", "apology"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("@commitment-verb ("), "{text}");
    assert!(text.contains("give you a ring"), "a trainer can see which call-back wordings count: {text}");
    assert!(text.contains("Verbs of contacting the customer again"), "each list says what it is for: {text}");
    let out = followthrough(&["--scenarios", "scenarios", "words", "--format", "json", "apology"]);
    let lists: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(lists[0]["kind"], "built-in");
    let added: Vec<&str> = lists[0]["added"].as_array().expect("added").iter().filter_map(|m| m.as_str()).collect();
    assert!(added.contains(&"i apologise"), "the bundled lexicon's own addition: {added:?}");
    assert!(!added.contains(&"sorry"), "a word already built in is not shown as added: {added:?}");
    let out = followthrough(&["words", "contct-verb"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_followthrough"))
        // Over 64 KiB, more than a pipe holds, so the command is still writing when the reader leaves.
        .args(["words", "--patterns", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut first = [0u8; 16];
    child.stdout.take().expect("stdout").read_exact(&mut first).expect("some output");
    // The reader is gone (like `| head -c 16`); the rest of the output has nowhere to go.
    let out = child.wait_with_output().expect("it ends");
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}
