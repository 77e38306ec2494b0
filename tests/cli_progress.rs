//! The progress commands as a user runs them: `plan`, `export`, `import`, `simulate`, and what
//! happens when the database is damaged. Every test seeds its own data folder through the library
//! and then runs the real binary against it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use followthrough::core::progress::{Attempt, AttemptMode, CriterionOutcome, Scorer, TurnAttempt};
use followthrough::core::scenario::CriterionKind;
use followthrough::io::store::{Employee, Store};
use serde_json::Value;
use tempfile::TempDir;

/// The day the seeding store thinks it is (only names its daily backup).
const SEED_DAY: &str = "2026-11-23";

/// A data folder for the test and a second, empty one that `FOLLOWTHROUGH_DATA_DIR` points at, so
/// every command proves that `--data-dir` wins over the environment.
struct Data {
    dir: TempDir,
    decoy: TempDir,
}

impl Data {
    fn new() -> Self {
        Self { dir: tempfile::tempdir().expect("tempdir"), decoy: tempfile::tempdir().expect("tempdir") }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Run `followthrough ARGS --data-dir DIR` with the environment pointing elsewhere.
    fn run(&self, args: &[&str]) -> Output {
        let out = Command::new(env!("CARGO_BIN_EXE_followthrough"))
            .args(args)
            .arg("--data-dir")
            .arg(self.path())
            .env("FOLLOWTHROUGH_DATA_DIR", self.decoy.path())
            .output()
            .expect("the binary runs");
        let left: Vec<PathBuf> =
            std::fs::read_dir(self.decoy.path()).expect("read decoy").map(|e| e.expect("entry").path()).collect();
        assert!(left.is_empty(), "the folder from FOLLOWTHROUGH_DATA_DIR was used despite --data-dir: {left:?}");
        out
    }

    fn store(&self) -> Store {
        Store::open(self.path(), SEED_DAY.parse().expect("date")).expect("open the store")
    }

    fn add_employee(&self, name: &str) -> Employee {
        self.store().add_employee(name, ts("2026-11-01T09:00:00Z")).expect("add employee")
    }

    fn record(&self, attempts: &[Attempt]) {
        let store = self.store();
        for a in attempts {
            store.record_attempt(a).expect("record attempt");
        }
    }

    fn attempt_count(&self) -> usize {
        self.store().attempt_count().expect("count")
    }
}

/// The reason a new scenario whose words were never rehearsed is on the plan.
const NEW_REHEARSE_FIRST: &str = "new at stage 1: rehearse the words first";

fn followthrough(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_followthrough")).args(args).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ts(text: &str) -> jiff::Timestamp {
    text.parse().expect("timestamp")
}

/// The bundled library as `list` reports it: (id, priority), highest priority first.
fn bundled_scenarios() -> Vec<(String, u64)> {
    static LIST: std::sync::OnceLock<Vec<(String, u64)>> = std::sync::OnceLock::new();
    LIST.get_or_init(read_bundled_scenarios).clone()
}

fn read_bundled_scenarios() -> Vec<(String, u64)> {
    let out = followthrough(&["list", "--format", "json", "--scenarios", "scenarios"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows: Vec<Value> = serde_json::from_str(&stdout(&out)).expect("list JSON");
    assert!(rows.len() >= 10, "the bundled library has scenarios");
    rows.iter()
        .map(|r| (r["id"].as_str().expect("id").to_string(), r["priority"].as_u64().expect("priority")))
        .collect()
}

/// A turn scoring `score` against a pass mark of 70, with one criterion of each kind.
fn turn(turn_id: &str, response: &str, score: u32) -> TurnAttempt {
    let passed = score >= 70;
    TurnAttempt {
        turn_id: turn_id.into(),
        customer_line: "I was promised a call by noon, and nobody rang.".into(),
        response: response.into(),
        score,
        pass_mark: 70,
        passed,
        time_used_ms: 12_300,
        over_time: false,
        criteria: vec![
            CriterionOutcome {
                id: "owns-the-miss".into(),
                label: "Owns the missed call".into(),
                kind: CriterionKind::Required,
                met: passed,
                points: if passed { 60.0 } else { 0.0 },
                worth: Some(60.0),
            },
            CriterionOutcome {
                id: "blames-others".into(),
                label: "Blames someone else".into(),
                kind: CriterionKind::Forbidden,
                met: !passed,
                points: if passed { 0.0 } else { -20.0 },
                worth: Some(20.0),
            },
        ],
    }
}

/// A completed attempt with one turn per response, all passed or all failed.
fn attempt(id: &str, employee: &str, scenario: &str, started: &str, passed: bool, responses: &[&str]) -> Attempt {
    let score = if passed { 85 } else { 30 };
    Attempt {
        id: id.into(),
        employee_id: employee.into(),
        scenario_id: scenario.into(),
        scenario_revision: 1,
        mode: AttemptMode::Practice,
        scorer: Scorer::Engine,
        started_at: ts(started),
        completed: true,
        turns: responses.iter().enumerate().map(|(i, r)| turn(&format!("turn-{i}"), r, score)).collect(),
    }
}

fn plan_json(data: &Data, employee: &str, extra: &[&str]) -> Value {
    let mut args = vec!["plan", "--employee", employee, "--date", "2026-11-23", "--scenarios", "scenarios", "--json"];
    args.extend_from_slice(extra);
    let out = data.run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("plan JSON")
}

fn items(plan: &Value, list: &str) -> Vec<Value> {
    plan[list].as_array().unwrap_or_else(|| panic!("{list} is a list: {plan}")).clone()
}

fn minutes_of(items: &[Value]) -> f64 {
    items.iter().map(|i| i["minutes"].as_f64().expect("minutes")).sum()
}

// ---------------------------------------------------------------------------------------------
// plan

#[test]
fn plan_for_a_new_employee_starts_the_first_stage_highest_priority_first() {
    let data = Data::new();
    let sam = data.add_employee("Sam Lee");
    let library = bundled_scenarios();
    let top_priority = library[0].1;

    let out = data.run(&["plan", "--employee", &sam.id, "--date", "2026-11-23", "--scenarios", "scenarios"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Plan for Sam Lee on 2026-11-23"), "{text}");
    let drill_lines: Vec<&str> = text.lines().filter(|l| l.contains(" min  priority ")).collect();
    assert!(!drill_lines.is_empty(), "some drills are listed: {text}");
    assert!(drill_lines.iter().all(|l| l.ends_with(NEW_REHEARSE_FIRST)), "{text}");
    assert!(drill_lines[0].contains(&format!("priority {top_priority:>2}")), "{text}");

    let plan = plan_json(&data, &sam.id, &[]);
    let mut keys: Vec<&str> = plan.as_object().expect("object").keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["budget_minutes", "date", "employee", "minutes", "stage_reached", "stages", "today", "waiting"]);
    assert_eq!(plan["employee"], sam.id.as_str());
    assert_eq!(plan["date"], "2026-11-23");
    assert_eq!(plan["stage_reached"], 1);
    assert!(plan["stages"].as_u64().expect("stages") > 1, "the bundled library has several stages: {plan}");

    let today = items(&plan, "today");
    assert!(!today.is_empty());
    for item in today.iter().chain(&items(&plan, "waiting")) {
        let mut keys: Vec<&str> = item.as_object().expect("object").keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["minutes", "priority", "reason", "recall", "scenario", "title"]);
        assert_eq!(item["reason"], NEW_REHEARSE_FIRST, "{item}");
        assert_eq!(item["recall"].as_f64(), Some(0.0), "never drilled: {item}");
        let id = item["scenario"].as_str().expect("scenario");
        assert!(library.iter().any(|(known, _)| known == id), "a bundled scenario: {id}");
        assert!(!item["title"].as_str().expect("title").is_empty());
    }
    assert_eq!(today[0]["priority"].as_u64(), Some(top_priority), "highest priority first: {plan}");
    let top_ids: Vec<&str> = library.iter().filter(|(_, p)| *p == top_priority).map(|(id, _)| id.as_str()).collect();
    assert!(top_ids.contains(&today[0]["scenario"].as_str().expect("id")), "{plan}");
    let priorities: Vec<u64> = today.iter().map(|i| i["priority"].as_u64().expect("priority")).collect();
    assert!(priorities.windows(2).all(|w| w[0] >= w[1]), "{priorities:?}");

    let budget = plan["budget_minutes"].as_f64().expect("budget");
    let minutes = plan["minutes"].as_f64().expect("minutes");
    assert!(budget > 0.0);
    assert!(minutes <= budget, "{minutes} of {budget} minutes");
    assert!((minutes - minutes_of(&today)).abs() < 1e-9, "minutes is the sum of today's drills: {plan}");
    assert!(
        text.contains(&format!("{minutes:.0} of {budget:.0} minutes")),
        "the human plan agrees with the JSON one: {text}"
    );
}

/// Nothing waits that would still have fitted in the day's budget.
fn assert_waiting_items_do_not_fit(plan: &Value) {
    let (budget, minutes) =
        (plan["budget_minutes"].as_f64().expect("budget"), plan["minutes"].as_f64().expect("minutes"));
    for w in items(plan, "waiting") {
        assert!(minutes + w["minutes"].as_f64().expect("minutes") > budget, "{w} would fit: {plan}");
    }
}

#[test]
fn a_shorter_budget_pushes_drills_to_waiting() {
    let data = Data::new();
    let sam = data.add_employee("Sam Lee");
    let long = plan_json(&data, &sam.id, &["--minutes", "30"]);
    let short = plan_json(&data, &sam.id, &["--minutes", "5"]);

    assert_eq!(long["budget_minutes"].as_f64(), Some(30.0));
    assert_eq!(short["budget_minutes"].as_f64(), Some(5.0));
    let (long_today, short_today) = (items(&long, "today"), items(&short, "today"));
    let (long_waiting, short_waiting) = (items(&long, "waiting"), items(&short, "waiting"));
    assert!(long_today.len() >= 3, "half an hour holds several drills: {long}");
    assert!(short_today.len() < long_today.len(), "fewer drills today: {short}");
    assert!(short_waiting.len() > long_waiting.len(), "more drills wait: {short}");
    assert_eq!(short_today.len() + short_waiting.len(), long_today.len() + long_waiting.len(), "nothing is dropped");
    assert!(short["minutes"].as_f64().expect("minutes") < long["minutes"].as_f64().expect("minutes"));
    assert!(long["minutes"].as_f64().expect("minutes") <= 30.0, "{long}");
    assert_waiting_items_do_not_fit(&long);
    assert_waiting_items_do_not_fit(&short);
    // The top drill still comes first (a day always has one drill); what no longer fits waits.
    assert_eq!(short_today[0]["scenario"], long_today[0]["scenario"]);
    let moved = &long_today[long_today.len() - 1]["scenario"];
    assert!(short_waiting.iter().any(|w| &w["scenario"] == moved), "{moved} waits: {short}");

    let out = data.run(&[
        "plan",
        "--employee",
        &sam.id,
        "--date",
        "2026-11-23",
        "--scenarios",
        "scenarios",
        "--minutes",
        "5",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let drills = if short_today.len() == 1 { "drill" } else { "drills" };
    assert!(text.contains(&format!("{} {drills},", short_today.len())), "{text}");
    assert!(text.contains("of 5 minutes"), "{text}");
    let waiting = text.split("Waiting for more time").nth(1).unwrap_or_else(|| panic!("a waiting list: {text}"));
    assert_eq!(waiting.lines().filter(|l| l.contains(" min  priority ")).count(), short_waiting.len(), "{text}");
}

#[test]
fn a_failed_attempt_yesterday_comes_back_as_failed_last_time() {
    let data = Data::new();
    let sam = data.add_employee("Sam Lee");
    let before = plan_json(&data, &sam.id, &[]);
    let top = items(&before, "today")[0]["scenario"].as_str().expect("id").to_string();

    data.record(&[attempt(
        "a-failed",
        &sam.id,
        &top,
        "2026-11-22T10:00:00Z",
        false,
        &["It was the courier's fault, not ours.", "Someone will call you at some point."],
    )]);
    let plan = plan_json(&data, &sam.id, &[]);
    let today = items(&plan, "today");
    let again = today.iter().find(|i| i["scenario"] == top.as_str()).unwrap_or_else(|| panic!("{top} is on: {plan}"));
    assert_eq!(again["reason"], "failed last time", "{plan}");
    assert_eq!(today[0]["scenario"], top.as_str(), "a failed top scenario is drilled first: {plan}");
    assert!(
        today.iter().filter(|i| i["scenario"] != top.as_str()).all(|i| i["reason"] == NEW_REHEARSE_FIRST),
        "the others are still new: {plan}"
    );

    let out = data.run(&["plan", "--employee", &sam.id, "--date", "2026-11-23", "--scenarios", "scenarios"]);
    assert!(stdout(&out).contains("failed last time"), "{}", stdout(&out));
}

#[test]
fn one_turn_answered_in_a_coach_session_does_not_count_as_a_drill_of_the_scenario() {
    let data = Data::new();
    let sam = data.add_employee("Sam Lee");
    let before = plan_json(&data, &sam.id, &[]);
    let top = items(&before, "today")[0]["scenario"].as_str().expect("id").to_string();
    let mut group =
        attempt("a-group", &sam.id, &top, "2026-11-22T10:00:00Z", true, &["I'm so sorry, I'll fix it today."]);
    group.mode = AttemptMode::Group;
    group.scorer = Scorer::Coach;
    data.record(&[group]);
    let plan = plan_json(&data, &sam.id, &[]);
    assert_eq!(items(&plan, "today")[0]["scenario"], top.as_str(), "{plan}");
    assert_eq!(items(&plan, "today")[0]["reason"], NEW_REHEARSE_FIRST, "still new, not mastered: {plan}");
}

#[test]
fn a_plan_for_an_earlier_day_ignores_attempts_made_after_it() {
    let data = Data::new();
    let sam = data.add_employee("Sam Lee");
    let args = ["plan", "--employee", &sam.id, "--date", "2026-11-01", "--scenarios", "scenarios", "--json"];
    let before = stdout(&data.run(&args));
    let top = items(&serde_json::from_str(&before).expect("plan JSON"), "today")[0]["scenario"]
        .as_str()
        .expect("id")
        .to_string();
    data.record(&[attempt("a-later", &sam.id, &top, "2026-11-22T10:00:00Z", false, &["Not my problem."])]);
    assert_eq!(stdout(&data.run(&args)), before, "an attempt on the 22nd does not change the plan for the 1st");
    let after = plan_json(&data, &sam.id, &[]);
    assert!(items(&after, "today").iter().any(|i| i["reason"] == "failed last time"), "{after}");
}

#[test]
fn a_budget_that_is_not_a_positive_number_of_minutes_is_refused() {
    let data = Data::new();
    let sam = data.add_employee("Sam Lee");
    for bad in ["-5", "0", "nan", "inf", "5000"] {
        let minutes = format!("--minutes={bad}");
        let out = data.run(&["plan", "--employee", &sam.id, &minutes, "--scenarios", "scenarios"]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stdout(&out));
        assert!(stderr(&out).contains("--minutes"), "{}", stderr(&out));
    }
}

#[test]
fn plan_usage_errors_exit_two_and_say_why() {
    let data = Data::new();
    let sam = data.add_employee("Sam Lee");
    let kim = data.add_employee("Kim Ito");

    let out = data.run(&["plan", "--employee", "nobody", "--date", "2026-11-23", "--scenarios", "scenarios"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("nobody"), "{err}");
    assert!(err.contains(&sam.id) && err.contains(&kim.id), "the known ids are listed: {err}");
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));

    let out = data.run(&["plan", "--employee", "sam-le", "--scenarios", "scenarios"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean `sam-lee`"), "{}", stderr(&out));

    for bad in ["23/11/2026", "2026-13-01", "tomorrow"] {
        let out = data.run(&["plan", "--employee", &sam.id, "--date", bad, "--scenarios", "scenarios"]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = stderr(&out);
        assert!(err.contains("YYYY-MM-DD") && err.contains(bad), "{err}");
        assert!(stdout(&out).is_empty());
    }
}

// ---------------------------------------------------------------------------------------------
// export

const TRICKY: &str = "Sorry, \"really\" sorry —\nI'll ring you at 3pm, then again at 5.";
const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"click\")";

/// Two employees: Sam with a two-turn attempt (a tricky response and a formula) and a later one,
/// Kim with one attempt in between.
fn seeded_for_export() -> (Data, Vec<(String, u64)>) {
    let data = Data::new();
    let library = bundled_scenarios();
    let sam = data.add_employee("Sam Lee");
    let kim = data.add_employee("Kim Ito");
    data.record(&[
        attempt("a-1", &sam.id, &library[0].0, "2026-11-02T09:00:00Z", true, &[TRICKY, FORMULA]),
        attempt("a-2", &kim.id, &library[1].0, "2026-11-10T09:00:00Z", false, &["Not my department."]),
        attempt("a-3", &sam.id, &library[2].0, "2026-11-20T09:00:00Z", true, &["I'll call you by 4pm today."]),
    ]);
    (data, library)
}

/// The header and rows of an export (after checking and removing the BOM).
fn parse_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).expect("a UTF-8 BOM first");
    let mut reader = csv::Reader::from_reader(body);
    let header = reader.headers().expect("header").iter().map(str::to_string).collect();
    let rows = reader.records().map(|r| r.expect("a CSV row").iter().map(str::to_string).collect()).collect();
    (header, rows)
}

fn column(header: &[String], rows: &[Vec<String>], name: &str) -> Vec<String> {
    let at = header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}: {header:?}"));
    rows.iter().map(|r| r[at].clone()).collect()
}

fn export(data: &Data, extra: &[&str]) -> Output {
    let mut args = vec!["export", "--format", "csv"];
    args.extend_from_slice(extra);
    data.run(&args)
}

#[test]
fn export_writes_one_row_per_turn_that_survives_commas_quotes_and_newlines() {
    let (data, library) = seeded_for_export();
    let out = export(&data, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.starts_with("\u{feff}attempt_id,".as_bytes()), "{}", stdout(&out));
    let (header, rows) = parse_csv(&out.stdout);
    assert_eq!(header[0], "attempt_id");
    assert!(rows.iter().all(|r| r.len() == header.len()));

    assert_eq!(column(&header, &rows, "attempt_id"), ["a-1", "a-1", "a-2", "a-3"], "one row per turn, oldest first");
    assert_eq!(column(&header, &rows, "turn_index"), ["0", "1", "0", "0"]);
    assert_eq!(column(&header, &rows, "employee_name"), ["Sam Lee", "Sam Lee", "Kim Ito", "Sam Lee"]);
    assert_eq!(column(&header, &rows, "scenario_id")[0], library[0].0);
    assert_eq!(column(&header, &rows, "turn_passed"), ["yes", "yes", "no", "yes"]);
    let responses = column(&header, &rows, "response");
    assert_eq!(responses[0], TRICKY, "comma, quotes and newline survive");
    assert_eq!(responses[1], format!("'{FORMULA}"), "a formula is exported as text");
    assert_eq!(column(&header, &rows, "criteria_missed")[2], "Owns the missed call");
}

#[test]
fn export_filters_by_employee_and_day() {
    let (data, _) = seeded_for_export();
    let attempts_in = |extra: &[&str]| {
        let out = export(&data, extra);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let (header, rows) = parse_csv(&out.stdout);
        column(&header, &rows, "attempt_id")
    };
    assert_eq!(attempts_in(&["--employee", "sam-lee"]), ["a-1", "a-1", "a-3"]);
    assert_eq!(attempts_in(&["--employee", "kim-ito"]), ["a-2"]);
    assert_eq!(attempts_in(&["--since", "2026-11-10"]), ["a-2", "a-3"], "the day itself counts");
    assert_eq!(attempts_in(&["--since", "2026-11-11"]), ["a-3"]);
    assert_eq!(attempts_in(&["--employee", "kim-ito", "--since", "2026-11-11"]), Vec::<String>::new());
    assert_eq!(attempts_in(&["--since", "2026-12-01"]), Vec::<String>::new(), "only the header is left");

    let out = export(&data, &["--employee", "nobody"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nobody") && stderr(&out).contains("sam-lee"), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "no partial CSV: {}", stdout(&out));

    let out = export(&data, &["--since", "last week"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("YYYY-MM-DD"), "{}", stderr(&out));
}

#[test]
fn export_out_writes_the_file_and_nothing_on_stdout() {
    let (data, _) = seeded_for_export();
    let to_stdout = export(&data, &[]);
    assert_eq!(to_stdout.status.code(), Some(0));

    let folder = tempfile::tempdir().expect("tempdir");
    let file = folder.path().join("progress.csv");
    let out = export(&data, &["--out", file.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "nothing on stdout: {}", stdout(&out));
    assert!(stderr(&out).contains("4 turn rows"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&file).expect("the file was written"), to_stdout.stdout);
    let names: Vec<_> =
        std::fs::read_dir(folder.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names, ["progress.csv"], "no temporary file left behind");
}

// ---------------------------------------------------------------------------------------------
// import

#[test]
fn import_into_an_empty_folder_gives_back_the_same_export_and_never_twice() {
    let (a, _) = seeded_for_export();
    let folder = tempfile::tempdir().expect("tempdir");
    let file = folder.path().join("from-a.csv");
    let file_arg = file.to_str().expect("utf-8 path");
    assert_eq!(export(&a, &["--out", file_arg]).status.code(), Some(0));

    let b = Data::new();
    let out = b.run(&["import", file_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("3 attempts added (4 turns)"), "{text}");
    assert!(text.contains("2 new employees"), "{text}");
    assert_eq!(b.attempt_count(), 3);
    let from_b = export(&b, &[]);
    assert_eq!(from_b.status.code(), Some(0));
    assert!(
        from_b.stdout == std::fs::read(&file).expect("read"),
        "B's export differs from A's:\n{}\n---\n{}",
        stdout(&from_b),
        String::from_utf8_lossy(&std::fs::read(&file).expect("read"))
    );
    let names: Vec<String> = b.store().employees().expect("employees").into_iter().map(|e| e.name).collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"Sam Lee".to_string()) && names.contains(&"Kim Ito".to_string()), "{names:?}");

    let again = b.run(&["import", file_arg]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(stdout(&again).contains("0 attempts added"), "{}", stdout(&again));
    assert!(stdout(&again).contains("3 already here"), "{}", stdout(&again));
    assert_eq!(b.attempt_count(), 3, "nothing was added twice");
    assert_eq!(export(&b, &[]).stdout, from_b.stdout, "nothing changed");
}

#[test]
fn import_refuses_a_file_without_a_required_column_and_imports_nothing() {
    let (a, _) = seeded_for_export();
    let (header, rows) = parse_csv(&export(&a, &[]).stdout);
    let dropped = header.iter().position(|h| h == "scenario_id").expect("scenario_id column");
    let keep = |cells: &[String]| -> Vec<String> {
        cells.iter().enumerate().filter(|(i, _)| *i != dropped).map(|(_, c)| c.clone()).collect()
    };
    let folder = tempfile::tempdir().expect("tempdir");
    let file = folder.path().join("no-scenario.csv");
    let mut writer = csv::Writer::from_path(&file).expect("create");
    writer.write_record(keep(&header)).expect("header");
    for row in &rows {
        writer.write_record(keep(row)).expect("row");
    }
    writer.flush().expect("flush");
    drop(writer);

    let b = Data::new();
    let out = b.run(&["import", file.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("no-scenario.csv"), "the file is named: {err}");
    assert!(err.contains("scenario_id"), "the column is named: {err}");
    assert!(err.contains("nothing from this file was imported"), "{err}");
    assert_eq!(b.attempt_count(), 0);
    assert!(b.store().employees().expect("employees").is_empty(), "no employee was created either");
}

// ---------------------------------------------------------------------------------------------
// simulate

fn simulate_json(extra: &[&str]) -> (String, Vec<Value>) {
    let mut args = vec!["simulate", "--learners", "20", "--days", "30", "--json"];
    args.extend_from_slice(extra);
    let out = followthrough(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let json: Value = serde_json::from_str(&text).expect("valid JSON");
    let mut keys: Vec<&str> = json.as_object().expect("object").keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["margins", "results"]);
    for margin in json["margins"].as_array().expect("margins") {
        assert!(margin["lead"].as_f64().is_some() && margin["ci95"].as_f64().expect("ci95") >= 0.0, "{margin}");
    }
    (text.clone(), json["results"].as_array().expect("results").clone())
}

#[test]
fn simulate_json_ranks_eight_policies_under_three_learner_models() {
    let (first, results) = simulate_json(&[]);
    assert_eq!(results.len(), 24, "3 learner models x 8 policies");
    for row in &results {
        let mut keys: Vec<&str> = row.as_object().expect("object").keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "ci95",
                "learner",
                "minutes_per_day",
                "policy",
                "pwr",
                "pwr_after_30",
                "second_pass_day",
                "shipped",
                "t5x2",
                "t5x2_ci95",
                "t5x2_reached"
            ]
        );
        let pwr = row["pwr"].as_f64().expect("pwr");
        assert!((0.0..=1.0).contains(&pwr), "{row}");
        let t5x2 = row["t5x2"].as_f64().expect("t5x2");
        assert!((1.0..=30.0).contains(&t5x2), "capped at the days simulated: {row}");
        assert!(row["ci95"].as_f64().expect("ci95") >= 0.0, "{row}");
    }
    for model in ["fsrs", "half-life", "act-r"] {
        let rows: Vec<&Value> = results.iter().filter(|r| r["learner"] == model).collect();
        assert_eq!(rows.len(), 8, "{model}");
        let mut policies: Vec<&str> = rows.iter().map(|r| r["policy"].as_str().expect("policy")).collect();
        policies.sort();
        policies.dedup();
        assert_eq!(policies.len(), 8, "eight different policies for {model}: {policies:?}");
        assert_eq!(rows.iter().filter(|r| r["shipped"] == true).count(), 1, "one shipped policy for {model}");
    }

    let (same, _) = simulate_json(&[]);
    assert_eq!(first, same, "the same seed gives the same table");
    let (other, _) = simulate_json(&["--seed", "2"]);
    assert_ne!(first, other, "another seed gives other learners");
}

#[test]
fn simulate_table_marks_the_shipped_policy_and_refuses_one_learner() {
    let out = followthrough(&["simulate", "--learners", "20", "--days", "30"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().filter(|l| l.ends_with("<- shipped")).count(), 3, "{text}");
    assert!(text.contains("20 learners per model"), "{text}");

    let out = followthrough(&["simulate", "--learners", "1", "--days", "30"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--learners"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

// ---------------------------------------------------------------------------------------------
// a damaged database

#[test]
fn a_damaged_database_is_reported_copied_and_left_untouched() {
    let data = Data::new();
    let garbage: Vec<u8> = (0..16_384_u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let db = data.path().join("progress.db");
    std::fs::write(&db, &garbage).expect("write garbage");

    let out = export(&data, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(out.stdout.is_empty(), "no CSV from a damaged database: {}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("damaged"), "{err}");
    let kept = err
        .split("a copy was kept at ")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .unwrap_or_else(|| panic!("the message names the copy: {err}"));
    let kept = PathBuf::from(kept);
    assert!(kept.starts_with(data.path()), "the copy is beside the database: {err}");
    assert_eq!(std::fs::read(&kept).expect("the copy exists"), garbage, "the copy is the damaged file");
    assert_eq!(std::fs::read(&db).expect("still there"), garbage, "the damaged file was not changed");
}

#[test]
fn import_settles_the_worth_a_file_does_not_carry_from_the_scenarios() {
    let library =
        followthrough::io::scenario_files::load_library_untested(&[PathBuf::from("scenarios")]).expect("bundled");
    let scenario = &library.scenarios[0].scenario;
    let turn = &scenario.turns[0];
    let verdicts: Vec<bool> = (0..turn.rubric.len()).map(|i| i == 0).collect();
    let card = followthrough::core::scoring::card_from_verdicts(&scenario.id, turn, &verdicts);
    let exact = followthrough::core::scoring::worths(turn);
    // Saved by an older version, so its export carries no worth.
    let legacy: Vec<CriterionOutcome> =
        card.criteria.iter().map(|c| CriterionOutcome { worth: None, ..CriterionOutcome::from_result(c) }).collect();
    let a = Data::new();
    let sam = a.add_employee("Sam Lee");
    let mut old = attempt("old-1", &sam.id, &scenario.id, "2026-11-02T09:00:00Z", true, &["I'm sorry."]);
    old.scenario_revision = scenario.revision;
    old.turns[0].turn_id.clone_from(&turn.id);
    old.turns[0].criteria = legacy;
    a.record(&[old]);
    let folder = tempfile::tempdir().expect("tempdir");
    let file = folder.path().join("old.csv");
    let file_arg = file.to_str().expect("utf-8 path");
    assert_eq!(export(&a, &["--out", file_arg]).status.code(), Some(0));

    let b = Data::new();
    let out = b.run(&["import", file_arg, "--scenarios", "scenarios"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stored = b.store().attempts(&Default::default()).expect("read");
    let worths: Vec<Option<f64>> = stored[0].turns[0].criteria.iter().map(|c| c.worth).collect();
    assert_eq!(worths, exact.into_iter().map(Some).collect::<Vec<_>>(), "exact, not estimated, after the import");
}
