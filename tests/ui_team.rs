//! The Team screen and the "Reporting to your LRS" section, as a coach uses them: the team's
//! scores from this machine, the LRS set up in the window (the secret typed once, kept 0600, never
//! shown back), attempts sent in the background with the status on screen, and the same team view
//! read back from the LRS.

mod common;
mod xapi_support;

use std::time::{Duration, Instant};

use common::{TestFolder, harness_of, type_into};
use egui_kittest::kittest::Queryable;
use followthrough::io::store::Store;
use followthrough::io::xapi::{CONFIG_FILE, LrsConfig};
use followthrough::ui::lrs_settings::{ENDPOINT_LABEL, KEY_LABEL, SAVE_LABEL, SECRET_LABEL};
use followthrough::ui::team::{FROM_LRS, TEAM_HEADING};
use xapi_support::lrs::Lrs;
use xapi_support::{TODAY, attempt};

fn record(data: &std::path::Path, ids: &[&str]) {
    let store = Store::open(data, TODAY).expect("open");
    if store.employees().expect("employees").is_empty() {
        store.add_employee("Sam", "2026-11-23T07:00:00Z".parse().expect("ts")).expect("employee");
    }
    for (i, id) in ids.iter().enumerate() {
        let mut a = attempt(id, "sam", i as i64, 60 + 10 * i as u32, "Sorry, my fault. I'll call you by 3pm.");
        a.scenario_id = "minimal".into();
        store.record_attempt(&a).expect("record");
    }
}

/// Run frames until `done` holds (the background sender works on its own thread), at most a minute.
fn until(
    harness: &mut egui_kittest::Harness<'static, followthrough::ui::app::FollowThroughApp>,
    done: impl Fn() -> bool,
) {
    let start = Instant::now();
    while !done() && start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(50));
        harness.run();
    }
}

#[test]
fn a_coach_sets_up_the_lrs_sends_in_the_background_and_reads_the_team_back() {
    let folder = TestFolder::with_minimal_scenario();
    let data = folder.dir.path().join("data");
    record(&data, &["before-1", "before-2"]);
    let lrs = Lrs::start();
    let mut harness = harness_of(folder.app());
    harness.run();

    harness.get_by_label("Team").click();
    harness.run();
    harness.get_by_label(TEAM_HEADING);
    harness.get_by_label("Sam");
    harness.get_by_label("All behaviours");
    assert!(harness.query_all_by_label("2").next().is_some(), "two attempts on this machine");

    type_into(&mut harness, ENDPOINT_LABEL, &lrs.endpoint);
    type_into(&mut harness, KEY_LABEL, "key");
    type_into(&mut harness, SECRET_LABEL, "secret");
    harness.get_by_label("Report attempts to the LRS").click();
    harness.run();
    harness.get_by_label(SAVE_LABEL).click();
    harness.run();
    harness.run();
    let saved = LrsConfig::load(&data).expect("load").expect("saved");
    assert_eq!(
        (saved.endpoint.as_str(), saved.key.as_str(), saved.secret.as_str()),
        (lrs.endpoint.as_str(), "key", "secret")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.join(CONFIG_FILE)).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "only the owner can read the secret");
    }
    assert!(harness.query_by_value("secret").is_none(), "the secret is not shown back");

    // Attempts made from now on are queued; the background sender sends them.
    record(&data, &["after-1", "after-2", "after-3"]);
    harness.get_by_label("Send now").click();
    harness.run();
    until(&mut harness, || lrs.stored().len() == 3);
    assert_eq!(lrs.stored().len(), 3, "sent in the background");
    until(&mut harness, || Store::open(&data, TODAY).expect("open").xapi_report().expect("report").sent == 3);
    harness.get_by_label("Refresh status").click();
    harness.run();
    harness.get_by_label("0 queued · 3 sent · 0 refused");

    harness.get_by_label(FROM_LRS).click();
    harness.run();
    harness.run();
    assert!(harness.query_by_label("Reading the team's attempts from the LRS...").is_none());
    harness.get_by_label("Sam");
    assert!(harness.query_all_by_label("3").next().is_some(), "the three attempts sent, read back from the LRS");
    assert!(harness.query_all_by_label("5").next().is_none(), "not the two never sent");
}

#[test]
fn a_refused_statement_shows_with_the_lrs_reason() {
    let folder = TestFolder::with_minimal_scenario();
    let data = folder.dir.path().join("data");
    let lrs = Lrs::start();
    {
        let store = Store::open(&data, TODAY).expect("open");
        store.set_xapi_settings(Some(&Default::default())).expect("on");
    }
    LrsConfig { endpoint: lrs.endpoint.clone(), key: "key".into(), secret: "secret".into() }.save(&data).expect("save");
    record(&data, &["only"]);
    let id = followthrough::core::xapi::statement_id("only");
    lrs.state.lock().expect("lock").poison.push(id.clone());
    let mut harness = harness_of(folder.app()); // the sender starts with the app
    harness.run();
    until(&mut harness, || !Store::open(&data, TODAY).expect("open").xapi_report().expect("report").failed.is_empty());
    harness.get_by_label("Team").click();
    harness.run();
    harness.get_by_label("0 queued · 0 sent · 1 refused");
    harness.get_by_label_contains(&format!("Refused {id}: HTTP 400"));
}

#[test]
fn a_damaged_lrs_settings_file_is_said_in_peoples_words_without_the_parsers_detail() {
    let folder = TestFolder::with_minimal_scenario();
    let data = folder.dir.path().join("data");
    record(&data, &["only"]);
    std::fs::write(data.join(CONFIG_FILE), "{ not json").expect("write");
    let mut harness = harness_of(folder.app());
    harness.run();
    harness.get_by_label("Team").click();
    harness.run();
    harness.get_by_label("The saved LRS settings could not be read: type them again and save.");
    let file = CONFIG_FILE.to_string();
    assert!(harness.query_by_label_contains(&file).is_none(), "the file's path and the parser's words stay in the log");
}
