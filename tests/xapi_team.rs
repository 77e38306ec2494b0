//! The team view read back from a real LRS equals the one built from the local store for the same
//! attempts (several employees, every drill mode, a rehearsal, a left drill and a coach's later
//! correction), and `followthrough team` prints it as a table, CSV and JSON.

mod xapi_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use followthrough::core::progress::{AttemptMode, Override};
use followthrough::core::scenario::Scenario;
use followthrough::io::scenario_files::load_library;
use followthrough::io::store::Store;
use followthrough::io::team::{team_from_lrs, team_from_store};
use followthrough::io::xapi::Sender;
use xapi_support::real::{Kind, RealLrs};
use xapi_support::{attempt, store_with_sending};

fn bundled() -> Vec<Scenario> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    load_library(&[dir]).expect("library").scenarios.into_iter().map(|l| l.scenario).collect()
}

/// Attempts by Sam and Ana over three scenarios; returns how many were recorded.
fn practise(store: &Store, scenarios: &[Scenario]) -> usize {
    let modes = [AttemptMode::Assessment, AttemptMode::Practice, AttemptMode::Group, AttemptMode::Rehearsal];
    let mut n = 0;
    for (s, scenario) in scenarios.iter().take(3).enumerate() {
        for (i, mode) in modes.iter().enumerate() {
            for who in ["sam", "ana"] {
                n += 1;
                let mut a =
                    attempt(&format!("{who}-{s}-{i}"), who, n as i64, (35 + 13 * n % 60) as u32, "I'll ring by 3pm.");
                a.scenario_id = scenario.id.clone();
                a.mode = *mode;
                a.completed = !(who == "ana" && i == 1);
                store.record_attempt(&a).expect("record");
            }
        }
    }
    n
}

fn correct(store: &Store) {
    store
        .override_criterion(&Override {
            attempt_id: "sam-0-0".into(),
            turn_index: 0,
            criterion_id: "owns".into(),
            coach: "Priya".into(),
            at: "2026-11-23T12:00:00Z".parse().expect("ts"),
            old_met: false,
            new_met: true,
            reason: "said it clearly".into(),
        })
        .expect("override");
}

fn team_from_both(kind: Kind) {
    let Some(lrs) = RealLrs::start(kind) else { return };
    let library = bundled();
    let scenarios: Vec<&Scenario> = library.iter().collect();
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    practise(&store, &library);
    let sender = Sender::new(&lrs.config("secret"), Default::default()).expect("sender");
    sender.drain(&store).expect("drain");
    correct(&store); // after sending: a voiding statement and a replacement
    assert_eq!(sender.drain(&store).expect("drain").sent, 2);
    let local = team_from_store(&store, &scenarios, None).expect("local");
    let settings = store.xapi_settings().expect("settings").expect("on");
    let remote = team_from_lrs(&lrs.config("secret"), &settings, &scenarios, None).expect("remote");
    assert_eq!(local.members.len(), 2);
    assert!(!local.behaviours.is_empty());
    assert_eq!(remote, local, "{kind:?}: the LRS's team view is the store's");
    let sam = local.members.iter().find(|m| m.employee_id == "sam").expect("sam");
    assert_eq!(sam.name, "Sam");
    let since = jiff::civil::date(2026, 11, 24);
    let later = team_from_lrs(&lrs.config("secret"), &settings, &scenarios, Some(since)).expect("since");
    assert_eq!(later, team_from_store(&store, &scenarios, Some(since)).expect("local since"));
    assert!(later.members.is_empty(), "every attempt was on the 23rd");
}

#[test]
fn the_team_view_from_ralph_equals_the_one_from_the_store() {
    team_from_both(Kind::Ralph);
}

#[test]
fn the_team_view_from_learning_locker_equals_the_one_from_the_store() {
    team_from_both(Kind::LearningLocker);
}

fn run(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_followthrough"))
        .arg("--data-dir")
        .arg(dir)
        .arg("--scenarios")
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios"))
        .args(args)
        .output()
        .expect("the binary runs");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr))
}

#[test]
fn team_prints_a_table_csv_and_json_from_the_store_and_from_the_lrs() {
    let library = bundled();
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with_sending(dir.path());
    practise(&store, &library);
    drop(store);
    let (ok, table) = run(dir.path(), &["team"]);
    assert!(ok, "{table}");
    assert!(table.contains("Sam") && table.contains("Ana") && table.contains("(all behaviours)"), "{table}");
    let (ok, csv) = run(dir.path(), &["team", "--format", "csv"]);
    assert!(ok && csv.starts_with("employee_id,name,behaviour,baseline,latest,best,attempts"), "{csv}");
    let (ok, json) = run(dir.path(), &["team", "--format", "json"]);
    assert!(ok, "{json}");
    let local: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(local["members"].as_array().map(Vec::len), Some(2));
    let (ok, none) = run(dir.path(), &["team", "--lrs"]);
    assert!(!ok && none.contains("xapi config --endpoint"), "{none}");
    let (ok, bad) = run(dir.path(), &["team", "--since", "yesterday"]);
    assert!(!ok && bad.contains("yesterday"), "{bad}");

    let Some(lrs) = RealLrs::start(Kind::LearningLocker) else { return };
    lrs.config("secret").save(dir.path()).expect("config");
    let (ok, pushed) = run(dir.path(), &["xapi", "push"]);
    assert!(ok, "{pushed}");
    let (ok, json) = run(dir.path(), &["team", "--lrs", "--format", "json"]);
    assert!(ok, "{json}");
    let remote: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(remote, local, "the same view, read back from the LRS");
}
